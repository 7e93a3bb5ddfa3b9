"""docs.json and mint.json: every navigation shape, diagnostics with file, line and JSON path."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sitekit import build_site, minimal_config, write_site

from mintrender.cli import main
from mintrender.errors import Diagnostics
from mintrender.load.config import ConfigError, load_config
from mintrender.load.legacy import convert_mint_json
from mintrender.load.nav import NavDivision, NavGroup, build_navigation

HERE = Path(__file__).parent


def _nav(raw: dict) -> tuple:
    warnings: list[tuple] = []
    nav = build_navigation(raw, lambda p, c, m: warnings.append((p, c, m)))
    return nav, warnings


def test_tabs_groups_nested_with_root_icon_tag_expanded_hidden() -> None:
    nav, warnings = _nav(
        {
            "tabs": [
                {
                    "tab": "Docs",
                    "icon": "book",
                    "groups": [
                        {
                            "group": "Start",
                            "pages": [
                                "index",
                                {
                                    "group": "CLI",
                                    "root": "cli/index",
                                    "icon": "terminal",
                                    "tag": "NEW",
                                    "expanded": True,
                                    "pages": [
                                        "cli/install",
                                        {"group": "Deep", "hidden": True, "pages": ["cli/deep"]},
                                    ],
                                },
                            ],
                        }
                    ],
                },
                {"tab": "Blog", "href": "https://example.com/blog"},
            ]
        }
    )
    assert warnings == []
    tab = nav.root.children[0]
    assert isinstance(tab, NavDivision) and tab.kind == "tab" and tab.icon == "book"
    cli = tab.children[0].children[1]
    assert isinstance(cli, NavGroup)
    assert (cli.root, cli.icon, cli.tag, cli.expanded) == ("cli/index", "terminal", "NEW", True)
    slots = nav.slots()
    assert [s.ref for s in slots] == ["index", "cli/index", "cli/install", "cli/deep"]
    assert [s.hidden for s in slots] == [False, False, False, True]
    assert nav.root.children[1].href == "https://example.com/blog"


@pytest.mark.parametrize(
    "kind,label",
    [
        ("anchors", "anchor"),
        ("dropdowns", "dropdown"),
        ("products", "product"),
        ("versions", "version"),
        ("languages", "language"),
    ],
)
def test_every_division_kind(kind: str, label: str) -> None:
    first, second = ("en", "fr") if kind == "languages" else ("A", "B")  # codes Mintlify takes
    nav, warnings = _nav(
        {
            kind: [
                {label: first, "groups": [{"group": "G", "pages": ["a"]}]},
                {label: second, "pages": ["b"]},
            ]
        }
    )
    assert warnings == []
    assert [d.kind for d in nav.root.children] == [label, label]
    slots = nav.slots()
    assert [(s.ref, s.divisions[0].label) for s in slots] == [("a", first), ("b", second)]


def test_menu_items_global_links_and_mixed_level_warning() -> None:
    nav, warnings = _nav(
        {
            "tabs": [
                {
                    "tab": "Learn",
                    "menu": [
                        {
                            "item": "Guides",
                            "icon": "book-open",
                            "groups": [{"group": "G", "pages": ["g"]}],
                        }
                    ],
                }
            ],
            "global": {
                "anchors": [{"anchor": "Support", "icon": "headset", "href": "https://x.example"}]
            },
        }
    )
    assert warnings == []
    assert nav.root.children[0].children[0].kind == "item"
    assert nav.global_links["anchors"][0].label == "Support"
    _, warnings = _nav({"tabs": [{"tab": "x", "pages": ["a"]}], "pages": ["b"]})
    assert any(code == "nav-mixed" for _, code, _ in warnings)


def test_wrong_types_are_diagnosed_with_line_and_json_path(tmp_path: Path) -> None:
    text = '{\n  "name": "X",\n  "colors": {"primary": "blue"},\n  "navigation": {\n    "groups": [\n      {"group": "G", "pages": [3]}\n    ]\n  }\n}\n'
    (tmp_path / "docs.json").write_text(text)
    diags = Diagnostics()
    config = load_config(tmp_path, diags)
    from mintrender.build import _load_navigation

    _load_navigation(config, diags)
    formatted = [d.format() for d in diags]
    assert any(f.startswith("docs.json:3:25: warning: colors.primary:") for f in formatted), (
        formatted
    )
    assert any(
        f.startswith("docs.json:6:32: warning: navigation.groups[0].pages[0]:") for f in formatted
    ), formatted


def test_invalid_json_is_a_config_error_with_position(tmp_path: Path) -> None:
    (tmp_path / "docs.json").write_text('{"name": "x",,}')
    with pytest.raises(
        ConfigError, match=r"docs.json:1:\d+: error: invalid JSON: two commas in a row; remove one"
    ):
        load_config(tmp_path, Diagnostics())


def test_ref_files_are_merged(tmp_path: Path) -> None:
    write_site(
        tmp_path,
        {"fr.json": {"language": "fr", "groups": [{"group": "Démarrer", "pages": ["fr/index"]}]}},
        {
            "name": "X",
            "colors": {"primary": "#000000"},
            "navigation": {
                "languages": [
                    {"language": "en", "pages": ["index"]},
                    {"$ref": "./fr.json", "default": False},
                ]
            },
        },
    )
    config = load_config(tmp_path, Diagnostics())
    nav, _ = _nav(config.navigation)
    assert [d.label for d in nav.root.children] == ["en", "fr"]


def test_legacy_mint_json_is_normalised() -> None:
    diags = Diagnostics()
    config = load_config(HERE / "sites" / "legacy-mint", diags)
    assert config.config_file == "mint.json"
    assert config.appearance_default == "dark" and config.appearance_strict is True
    assert config.navbar_links[0].label == "Blog"
    assert config.navbar_primary is not None and config.navbar_primary.label == "Sign up"
    nav, warnings = _nav(config.navigation)
    assert warnings == []
    tabs = [d.label for d in nav.root.children]
    assert tabs == ["Documentation", "API"]
    assert [s.ref for s in nav.slots()] == ["introduction", "guides/setup", "api/users"]
    assert nav.global_links["anchors"][0].label == "Community"


def test_legacy_site_builds_every_page(tmp_path: Path) -> None:
    result = build_site(HERE / "sites" / "legacy-mint", tmp_path / "out")
    assert result.fatal is None
    assert {p.site_path for p in result.pages} == {"/introduction", "/guides/setup", "/api/users"}
    html = (tmp_path / "out" / "guides" / "setup" / "index.html").read_text()
    assert "Legacy Docs" in html and ">API<" in html.replace("\n", "")


def test_a_site_without_index_page_opens_in_its_default_language_and_version(
    tmp_path: Path,
) -> None:
    """`default: true` names the version or language a reader starts in (navigation.md §3.1);
    `/` led to the first one written instead."""
    config = minimal_config([])
    versions = [
        {"version": "v1", "pages": ["fr/v1/a"]},
        {"version": "v2", "default": True, "pages": ["fr/v2/a"]},
    ]
    config["navigation"] = {
        "languages": [
            {"language": "en", "pages": ["en/a"]},
            {"language": "fr", "default": True, "versions": versions},
        ]
    }
    files = {f"{p}.mdx": "---\ntitle: A\n---\n\nText.\n" for p in ("en/a", "fr/v1/a", "fr/v2/a")}
    out = tmp_path / "out"
    build_site(write_site(tmp_path / "d", files, config), out)
    root = (out / "index.html").read_text()
    assert 'http-equiv="refresh" content="0; url=/fr/v2/a/"' in root


def test_missing_nav_page_is_a_warning_and_the_rest_builds(tmp_path: Path) -> None:
    docs = write_site(tmp_path / "d", {"a.mdx": "# A\n"}, minimal_config(["a", "missing/page"]))
    result = build_site(docs)
    codes = [(d.code, d.file, d.line > 0) for d in result.diagnostics]
    assert ("nav-missing-page", "docs.json", True) in codes
    assert [p.site_path for p in result.pages] == ["/a"]


def test_site_without_index_page_opens_on_its_first_page(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_site(HERE / "sites" / "legacy-mint", out)
    root = (out / "index.html").read_text()
    assert 'http-equiv="refresh" content="0; url=/introduction/"' in root


@pytest.mark.parametrize(
    ("codeblocks", "mode"),
    [
        ("dark", "dark"),
        ("system", ""),
        ("auto", ""),  # mint.json's `codeBlock.mode` as Mintlify's migration writes it
        ("github-dark", "dark"),
        ({"theme": "dracula"}, "dark"),
        ("github-light", "light"),
        ({"theme": "catppuccin-latte"}, "light"),
        ({"theme": {"light": "github-light", "dark": "github-dark"}}, ""),
        (None, ""),
    ],
)
def test_styling_codeblocks_one_look_in_both_modes(
    tmp_path: Path, codeblocks: object, mode: str
) -> None:
    """`styling.codeblocks`: "dark", or one dark Shiki theme for both modes, keeps code dark in
    light mode; one light theme keeps it light in dark mode; "system" or a theme per mode
    follows the mode."""
    styling = {} if codeblocks is None else {"codeblocks": codeblocks}
    write_site(tmp_path, {"index.mdx": "# Hi\n"}, minimal_config(["index"], styling=styling))
    assert load_config(tmp_path, Diagnostics()).codeblocks_mode == mode


def test_a_group_or_division_with_no_pages_is_said() -> None:
    """A group with no pages is left out of the sidebar, and a tab with no pages and no
    `href` links nowhere: both were silent. A group with a `root` page, a division with an
    `href` or an OpenAPI spec, and a group holding only a spec's operations are fine."""
    nav, warnings = _nav(
        {
            "tabs": [
                {"tab": "A", "groups": [{"group": "G", "pages": ["a"]}, {"group": "Empty"}]},
                {"tab": "Bare"},
                {"tab": "Link", "href": "https://x.example"},
                {"tab": "API", "openapi": "openapi.json"},
                {"tab": "R", "groups": [{"group": "Rooted", "root": "r", "pages": []}]},
                {"tab": "S", "groups": [{"group": "Ops", "openapi": "a.yaml"}]},
            ]
        }
    )
    found = [(path, code) for path, code, _ in warnings]
    assert found == [
        (("navigation", "tabs", 0, "groups", 1), "nav-empty"),
        (("navigation", "tabs", 1), "nav-empty"),
    ]
    assert "group 'Empty' has no pages" in warnings[0][2]
    assert "tab 'Bare' has no pages and no `href`" in warnings[1][2]


def test_a_blank_group_label_is_meant_and_padded_labels_are_said() -> None:
    """`"group": " "` (Phoenix hides a group's label that way) is no mistake; `" Guides "` is."""
    nav, warnings = _nav({"groups": [{"group": " ", "pages": ["a"]}]})
    assert warnings == [] and nav.root.children[0].label == ""
    _, warnings = _nav({"groups": [{"group": " Guides ", "pages": ["a"]}]})
    assert [code for _, code, _ in warnings] == ["nav-whitespace"]


def test_background_colours_are_read_and_checked(tmp_path: Path) -> None:
    """`background.color` gives the page colour per mode; a value that is no hex colour is a
    `config-color` warning at its place, and that mode keeps the theme's colour."""
    config = minimal_config(["index"])
    config["background"] = {"color": {"light": "beige", "dark": "#090d0d"}}
    write_site(tmp_path, {"index.mdx": "# Hi\n"}, config)
    diagnostics = Diagnostics()
    loaded = load_config(tmp_path, diagnostics)
    assert (loaded.colors.background_light, loaded.colors.background_dark) == ("", "#090d0d")
    found = [(d.code, d.message.split(":")[0]) for d in diagnostics if d.code == "config-color"]
    assert found == [("config-color", "background.color.light")]


def test_a_logo_or_favicon_the_docs_do_not_hold_is_reported(tmp_path: Path) -> None:
    """docs.json naming a logo or favicon file the docs folder lacks (Activepieces' trimmed
    copy): a `config-file` warning at its place; files it holds and URLs are fine."""
    config = minimal_config(["index"])
    config["logo"] = {"light": "/logo/light.svg", "dark": "/logo/dark.svg"}
    config["favicon"] = "https://example.com/favicon.png"
    files = {"index.mdx": "# Hi\n", "logo/light.svg": "<svg/>"}
    docs = write_site(tmp_path / "docs", files, config)
    result = build_site(docs, tmp_path / "out")
    found = [
        (d.code, d.column > 1, d.message) for d in result.diagnostics if d.code == "config-file"
    ]
    assert len(found) == 1 and found[0][1] and found[0][2].startswith("logo.dark: '/logo/dark.svg'")


def test_a_logo_or_favicon_written_with_dot_slash_is_the_docs_file(tmp_path: Path) -> None:
    """Blockscout's `"favicon": "./logo/symbol.svg"`: a false `config-file` warning (so
    `--strict` failed) and `href="/./logo/symbol.svg"`. `./x`, `/x` and `x` are one file."""
    config = minimal_config(["index"])
    config["logo"] = {"light": "./logo/light.svg", "dark": "logo/../logo/light.svg"}
    config["favicon"] = "./logo/symbol.svg"
    files = {"index.mdx": "# Hi\n", "logo/light.svg": "<svg/>", "logo/symbol.svg": "<svg/>"}
    docs = write_site(tmp_path / "docs", files, config)
    result = build_site(docs, tmp_path / "out")
    assert [d for d in result.diagnostics if d.code == "config-file"] == []
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'href="/logo/symbol.svg"' in html and 'src="/logo/light.svg"' in html
    assert "/./" not in html and "/../" not in html


def test_a_legacy_mint_json_entry_is_reported_at_its_own_line(tmp_path: Path) -> None:
    """A navigation entry of a mint.json (read in docs.json's shape) that names no page is
    reported at its own line, not at `navigation` (PandasAI's 22 warnings all said line 54)."""
    mint = (
        '{\n  "name": "Repro",\n  "colors": {"primary": "#1d4ed8"},\n  "navigation": [\n'
        '    {\n      "group": "Overview",\n      "pages": [\n        "index",\n'
        '        "missing-page"\n      ]\n    }\n  ]\n}\n'
    )
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "mint.json").write_text(mint, encoding="utf-8")
    (tmp_path / "docs" / "index.mdx").write_text("# Hi\n", encoding="utf-8")
    result = build_site(tmp_path / "docs", tmp_path / "out")
    found = [(d.file, d.line, d.column) for d in result.diagnostics if d.code == "nav-missing-page"]
    assert found == [("mint.json", 9, 9)]


def test_a_legacy_mint_json_setting_is_reported_where_mint_json_writes_it(tmp_path: Path) -> None:
    """mint.json's keys move in docs.json's shape (`openapi` is `api.openapi`, `tabs` go into
    `navigation`, with the primary tab first): a missing spec was reported at 1:1 and a tab to
    no page at `navigation`'s line; each is at the line mint.json writes it."""
    mint = (
        '{\n  "name": "Repro",\n  "colors": {"primary": "#1d4ed8"},\n'
        '  "tabs": [{"name": "API", "url": "api"}],\n'
        '  "navigation": [{"group": "Start", "pages": ["index"]}],\n'
        '  "openapi": "missing.json"\n}\n'
    )
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "mint.json").write_text(mint, encoding="utf-8")
    (tmp_path / "docs" / "index.mdx").write_text("# Hi\n", encoding="utf-8")
    result = build_site(tmp_path / "docs", tmp_path / "out")
    found = {d.code: (d.file, d.line, d.column) for d in result.diagnostics}
    assert found["openapi-missing"] == ("mint.json", 6, 14)
    assert found["broken-link"] == ("mint.json", 4, 35)


def test_icons_written_as_objects_are_drawn_from_their_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs.json's icon is a name or an object `{name, style?, library?}` (Mintlify's schema;
    Spree's navbar and groups): drawn as the name in its library, a nameless one reported."""
    config = minimal_config(["index"], icons={"library": "lucide"})
    config["navigation"] = {
        "tabs": [
            {
                "tab": "Guides",
                "icon": {"name": "rocket"},
                "groups": [
                    {
                        "group": "Start",
                        "icon": {"name": "house", "style": "solid", "library": "fontawesome"},
                        "pages": ["index"],
                    },
                    {"group": "More", "icon": {"style": "solid"}, "pages": ["more"]},
                ],
            }
        ]
    }
    config["navbar"] = {
        "links": [{"label": "Source", "href": "https://example.com/src", "icon": {"name": "code"}}]
    }
    files = {"index.mdx": "---\ntitle: Home\n---\n\nHi.\n", "more.mdx": "More.\n"}
    docs = write_site(tmp_path / "docs", files, config)
    result = build_site(docs)
    html = (tmp_path / "docs-out" / "index.html").read_text(encoding="utf-8")
    lucide = 'viewBox="0 0 24 24" fill="none" stroke="currentColor"'
    link = html[html.index('href="https://example.com/src"') :]
    assert lucide in link[: link.index("</a>")]  # Lucide's `code`, in the navbar
    heading = html.index("<span>Start<")  # the sidebar group's heading
    start = html[heading - 2000 : heading]
    start = start[start.rindex("<svg") :]
    assert 'viewBox="0 0 576 512" fill="currentColor"' in start  # Font Awesome's solid house
    tab = html[: html.index(">Guides<")]
    assert lucide in tab[tab.rindex("<a ") :]  # the tab's rocket
    problems = [(d.code, d.message) for d in result.diagnostics if d.severity != "info"]
    needs_name = "navigation.tabs[0].groups[1].icon: an icon object needs `name`, the icon's name"
    assert problems == [("config-type", needs_name)]
    # `mintrender check` reads the same schema: an icon object in the navbar is no finding
    assert main(["check", str(docs), "--format", "json"]) == 1  # the nameless icon
    found = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in found["diagnostics"]] == ["config-type"]


def test_legacy_anchors_own_the_groups_in_their_folder() -> None:
    """mint.json's `anchors` with a folder `url` own the groups whose pages are in it, as
    its tabs do (Cloudanix: AWS, Azure, GCP); `topAnchor` names the one holding the rest.
    They were links to `/aws`, which is no page, and every group showed on every page."""
    data = {
        "name": "X",
        "topAnchor": {"name": "Overview", "icon": "house"},
        "anchors": [
            {"name": "AWS", "icon": "aws", "url": "aws"},
            {"name": "Blog", "url": "https://blog.example.com"},
        ],
        "navigation": [
            {"group": "Start", "pages": ["index"]},
            {"group": "Audit", "pages": ["aws/audit", {"group": "More", "pages": ["aws/more"]}]},
        ],
    }
    navigation = convert_mint_json(data)["navigation"]
    assert navigation["anchors"] == [
        {"anchor": "Overview", "icon": "house", "groups": [data["navigation"][0]]},
        {"anchor": "AWS", "icon": "aws", "groups": [data["navigation"][1]]},
    ]
    assert navigation["global"] == {
        "anchors": [{"anchor": "Blog", "href": "https://blog.example.com"}]
    }
    nav, warnings = _nav(navigation)
    assert warnings == [] and [d.label for d in nav.root.children] == ["Overview", "AWS"]


def test_a_legacy_anchor_to_a_tabs_folder_stays_a_link() -> None:
    """Novu has a tab and an anchor both at `api-reference`: the tab owns the groups, and
    the anchor is a link to it, as before anchors owned folders. `primaryTab` names the tab
    of the other groups (world-engine's "World Engine" read "Documentation")."""
    data = {
        "name": "X",
        "primaryTab": {"name": "Guides"},
        "tabs": [{"name": "API Reference", "url": "api-reference"}],
        "anchors": [{"name": "API", "icon": "code", "url": "api-reference"}],
        "navigation": [
            {"group": "Start", "pages": ["index"]},
            {"group": "API", "pages": ["api-reference/overview"]},
        ],
    }
    navigation = convert_mint_json(data)["navigation"]
    assert [t["tab"] for t in navigation["tabs"]] == ["Guides", "API Reference"]
    assert navigation["tabs"][1]["groups"] == [data["navigation"][1]]
    assert navigation["global"]["anchors"] == [  # the folder's first page: `/api-reference`
        {"anchor": "API", "icon": "code", "href": "/api-reference/overview"}  # is no page
    ]


def test_a_legacy_tab_repeating_the_primary_tab_over_no_pages_is_one_tab() -> None:
    """Abstract's mint.json names its primary tab "Documentation" and also lists a tab
    "Documentation" at `docs`, a folder of no page: the tab bar read "Documentation
    Documentation", the second a link to a 404. Its own docs.json has the one tab. An empty
    tab of another name stays a link (broken-link tells when it leads nowhere)."""
    data = {
        "name": "X",
        "primaryTab": {"name": "Documentation"},
        "tabs": [
            {"name": "Documentation", "url": "docs"},
            {"name": "Wallet", "url": "wallet"},
            {"name": "Changelog", "url": "changelog"},
        ],
        "navigation": [
            {"group": "Overview", "pages": ["index"]},
            {"group": "Wallet", "pages": ["wallet/overview"]},
        ],
    }
    tabs = convert_mint_json(data)["navigation"]["tabs"]
    assert [(t["tab"], "groups" in t) for t in tabs] == [
        ("Documentation", True),
        ("Wallet", True),
        ("Changelog", False),
    ]
    assert tabs[2]["href"] == "/changelog"


def test_legacy_tabs_are_one_bar_and_mail_anchors_stay_links() -> None:
    """mint.json's tabs are one bar over the site: under an anchor that owns a folder, the
    SDK tab (whose groups are elsewhere) led to `/sdk`, no page, where it leads to its first
    page. And a `mailto:` or `tel:` anchor (Unstructured's Support) is a link as written: it
    was taken for a folder, `/mailto:help@example.com`, with a broken-link warning."""
    data = {
        "name": "X",
        "anchors": [
            {"name": "API", "icon": "code", "url": "api"},
            {"name": "Support", "icon": "envelope", "url": "mailto:help@example.com"},
            {"name": "Call", "url": "tel:+123"},
        ],
        "tabs": [{"name": "SDK", "url": "sdk"}],
        "navigation": [
            {"group": "Start", "pages": ["index"]},
            {"group": "Endpoints", "pages": ["api/users"]},
            {"group": "SDK", "pages": ["sdk/python"]},
        ],
    }
    navigation = convert_mint_json(data)["navigation"]
    [docs, api] = navigation["anchors"]
    assert [t.get("href") for t in docs["tabs"]] == [None, None]
    assert api["tabs"][1] == {"tab": "SDK", "href": "/sdk/python"}
    assert navigation["global"]["anchors"] == [
        {"anchor": "Support", "icon": "envelope", "href": "mailto:help@example.com"},
        {"anchor": "Call", "href": "tel:+123"},
    ]
    tabs = convert_mint_json({**data, "anchors": []})["navigation"]["tabs"]
    assert tabs[1] == {"tab": "SDK", "groups": [data["navigation"][2]]}


def test_legacy_footer_columns_and_code_block_mode() -> None:
    """mint.json's `footer.links` columns (`title`, `links` of `{label, url}`) are docs.json's
    `header`/`items`/`href` (they were drawn empty), `footerSocials` joins its socials, and
    `codeBlock.mode` is `styling.codeblocks` ("auto" follows the page's mode)."""
    column = {"title": "Column 1", "links": [{"label": "Customers", "url": "https://x.com/c"}]}
    data = {
        "name": "X",
        "footerSocials": {"github": "https://github.com/x"},
        "footer": {"socials": {"x": "https://x.com/m"}, "links": [column]},
        "codeBlock": {"mode": "dark"},
        "navigation": [{"group": "G", "pages": ["index"]}],
    }
    out = convert_mint_json(data)
    assert out["footer"] == {
        "socials": {"github": "https://github.com/x", "x": "https://x.com/m"},
        "links": [
            {"header": "Column 1", "items": [{"label": "Customers", "href": "https://x.com/c"}]}
        ],
    }
    assert out["styling"] == {"codeblocks": "dark"}
    auto = convert_mint_json({**data, "codeBlock": {"mode": "auto"}})
    assert auto["styling"] == {"codeblocks": "system"}


def test_a_mixed_level_keeps_the_files_order() -> None:
    """ChaosChain's navigation has `pages` then `groups` (a `nav-mixed` warning): read leniently,
    they keep that order, so the home page is the first page, not the groups' first."""
    nav, warnings = _nav(
        {"pages": ["introduction"], "groups": [{"group": "G", "pages": ["guide"]}]}
    )
    assert [code for _, code, _ in warnings] == ["nav-mixed"]
    assert [s.ref for s in nav.slots()] == ["introduction", "guide"]
    nav, _ = _nav({"groups": [{"group": "G", "pages": ["guide"]}], "pages": ["introduction"]})
    assert [s.ref for s in nav.slots()] == ["guide", "introduction"]


def test_a_legacy_tab_or_anchor_with_openapi_generates_its_operations(tmp_path: Path) -> None:
    """mint.json's tabs and anchors take `openapi` ("Mintlify will automatically generate a
    page for each OpenAPI operation and place them in the tab/anchor"; Cal.com's old
    mint.json): the key was dropped, so the tab showed its own groups only and the anchor was a
    link to a folder of no page. Its pages go in the division's folder."""
    from sitekit import build_site

    def spec(path: str, tag: str) -> str:
        ops = {
            m: {"summary": f"{m} {tag}", "tags": [tag], "responses": {"200": {"description": "ok"}}}
            for m in ("get", "post")
        }
        return json.dumps(
            {"openapi": "3.0.3", "info": {"title": tag, "version": "1"}, "paths": {path: ops}}
        )

    mint = {
        "name": "M",
        "colors": {"primary": "#0d9373"},
        "tabs": [{"name": "API Reference", "url": "api-reference", "openapi": "openapi.json"}],
        "anchors": [
            {"name": "Admin API", "url": "admin", "icon": "lock", "openapi": "admin.json"},
            {"name": "Blog", "url": "https://blog.example.com", "icon": "newspaper"},
        ],
        "navigation": [
            {"group": "Start", "pages": ["index"]},
            {"group": "API", "pages": ["api-reference/intro"]},
        ],
    }
    page = "---\ntitle: T\n---\n\nText.\n"
    files = {"index.mdx": page, "api-reference/intro.mdx": page}
    files |= {"openapi.json": spec("/pets", "Pets"), "admin.json": spec("/users", "Users")}
    docs = tmp_path / "docs"
    for rel, text in files.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text, encoding="utf-8")
    (docs / "mint.json").write_text(json.dumps(mint), encoding="utf-8")
    result = build_site(docs, tmp_path / "out")
    assert [d for d in result.diagnostics if d.severity != "info"] == []
    built = sorted(
        str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*/index.html")
    )
    for page_path in (
        "api-reference/pets/get-pets",
        "api-reference/pets/post-pets",
        "admin/users/get-users",
    ):
        assert f"{page_path}/index.html" in built, built
    intro = (tmp_path / "out" / "api-reference" / "intro" / "index.html").read_text(
        encoding="utf-8"
    )
    assert re.findall(r'<a href="(/api-reference/[^"]*)"', intro)[:3] == [
        "/api-reference/intro/",
        "/api-reference/pets/get-pets/",
        "/api-reference/pets/post-pets/",
    ]
    assert 'href="/admin/users/get-users/"' in intro and 'href="https://blog.example.com"' in intro


def test_navigation_settings_of_a_wrong_type_are_reported() -> None:
    """`root: 5`, `expanded: "yes"`, a tab's `href: 5` and `openapi: 5` (also beside pages,
    or `{"source": 5}`) were left out without a word; each is a `nav-type` warning at its
    place, and the setting is left out."""
    found: list[tuple[tuple[object, ...], str, str]] = []
    raw = {
        "tabs": [
            {
                "tab": "A",
                "href": 5,
                "openapi": 5,
                "groups": [{"group": "G", "root": 5, "expanded": "yes", "pages": ["index"]}],
            },
            {"tab": "B", "openapi": {"source": 5}, "hidden": "no", "pages": ["other"]},
        ]
    }
    nav = build_navigation(raw, lambda path, code, message: found.append((path, code, message)))
    where = {path[-1]: message for path, code, message in found if code == "nav-type"}
    assert set(where) == {"href", "openapi", "root", "expanded", "hidden"}
    assert len(found) == 6  # both tabs' `openapi`
    group = nav.root.children[0].children[0]
    assert isinstance(group, NavGroup) and group.root is None and group.expanded is False


def test_a_typo_of_a_group_setting_is_reported_with_the_setting() -> None:
    """`"pagez": [...]` did nothing but leave the group empty ("has no pages"); the key is a
    `nav-type` warning naming the setting it is close to. Keys far from any (custom data)
    are left alone."""
    found: list[tuple[tuple[object, ...], str, str]] = []
    raw = {"groups": [{"group": "H", "pagez": ["a"], "expandd": True, "x-custom": 1}]}
    build_navigation(raw, lambda path, code, message: found.append((path, code, message)))
    typos = {path[-1]: message for path, code, message in found if code == "nav-type"}
    assert set(typos) == {"pagez", "expandd"}
    assert "did you mean `pages`?" in typos["pagez"]


def test_a_language_code_mintlify_does_not_support_is_reported() -> None:
    """`"language": "zz"` (or `pt-br`): Mintlify's schema takes a fixed list of codes
    (settings-reference.mdx); the code was drawn as its own label without a word. Every
    supported code has a name in the language menu."""
    from mintrender.load.nav import LANGUAGE_CODES
    from mintrender.render.navview import LANGUAGE_NAMES

    found: list[tuple[tuple[object, ...], str, str]] = []
    raw = {"languages": [{"language": c, "pages": ["a"]} for c in ("en", "zz", "pt-br")]}
    build_navigation(raw, lambda path, code, message: found.append((path, code, message)))
    messages = [message for _, code, message in found if code == "nav-type"]
    assert len(messages) == 2 and "did you mean 'pt-BR'?" in messages[1]
    assert set(LANGUAGE_NAMES) == LANGUAGE_CODES
