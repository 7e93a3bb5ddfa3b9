"""The per-section sidebar cache must produce exactly what a full template render produces;
the trimmed form (closed groups without their children) must give it back once filled in."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sitekit import CORPORA, build_site, minimal_config, write_site

from mintrender.errors import Diagnostics
from mintrender.load.config import load_config
from mintrender.load.nav import build_navigation
from mintrender.load.sources import discover, page_file_for_ref
from mintrender.render.navview import NavView, PageInfo
from mintrender.render.page import fallback_title
from mintrender.urls import UrlBuilder, site_path_for
from mintrender.write.sidebar import LAZY_MIN_BYTES, SidebarRenderer, _groups, _trimmed
from mintrender.write.site import make_environment

NESTED = [
    "a",
    {
        "group": "One",
        "pages": [
            "b",
            {"group": "Two", "expanded": True, "pages": ["c", {"group": "Three", "pages": ["d"]}]},
        ],
    },
    {"group": "Four", "root": "e", "pages": ["f"]},
]


def _check(docs: Path) -> int:
    config = load_config(docs, Diagnostics())
    nav = build_navigation(config.navigation, lambda *a: None)
    files = frozenset(discover(docs).pages)
    slots = nav.slots()
    infos = {}
    for slot in slots:
        rel = page_file_for_ref(slot.ref, files)
        if rel:
            infos[slot.ref] = PageInfo(
                slot.ref, site_path_for(rel), fallback_title(rel), fallback_title(rel)
            )
    urls = UrlBuilder("hosted", frozenset(i.site_path for i in infos.values()))
    view = NavView(nav, slots, infos, urls, lambda name, kind, file: "")
    env = make_environment(docs)
    cache = SidebarRenderer(env)
    checked = 0
    for ref in infos:
        nav_ctx = view.view(ref)
        slot = view.location[ref]
        container = slot.divisions[-1] if slot.divisions else nav.root
        full_items = view._items(container.children, ref, slot)
        expected = "".join(str(cache.macro(item, 0)) for item in full_items)
        key, items, active = nav_ctx["sidebar_key"], nav_ctx["sidebar"], nav_ctx["active_href"]
        got = cache.for_page(key, items, active, lazy=False)
        assert got == expected, ref
        trimmed = cache.for_page(key, items, active)
        assert fill(trimmed, cache.payload_files()) == expected, ref
        # the indexed section (`_Section`) gives what marking and trimming the HTML gives
        base = cache.base_html(key, items)
        marked = cache.mark(base, active)
        if len(base) >= LAZY_MIN_BYTES:
            marked = _trimmed(marked, 0, len(marked), _groups(marked), cache._key(base))
        assert trimmed == marked, ref
        if len(cache.base_html(key, items)) < LAZY_MIN_BYTES:
            assert trimmed == expected
        elif active:  # the active page and its groups are always in the page itself
            assert 'data-active aria-current="page"' in trimmed or active not in expected, ref
        checked += 1
    return checked


_LAZY = re.compile(r'<details data-lazy="([0-9a-f]+)/(\d+)">(.*?)</summary><ul></ul>', re.S)


def fill(html: str, files: dict[str, str]) -> str:
    """What 10-theme.js does when every trimmed group is opened: put the children back."""
    data: dict[str, dict[str, str]] = {}
    for name, text in files.items():
        assert name.startswith("nav-") and name.endswith(".js")
        head, _, body = text.partition("]=")
        data[head.rsplit("[", 1)[1].strip('"')] = json.loads(body.rstrip().rstrip(";"))
    while True:
        new = _LAZY.sub(
            lambda m: f"<details>{m.group(3)}</summary><ul>{data[m.group(1)][m.group(2)]}</ul>",
            html,
        )
        if new == html:
            return html
        html = new


def test_nested_groups_and_roots(tmp_path: Path) -> None:
    files = {f"{n}.mdx": f"# {n}\n" for n in "abcdef"}
    docs = write_site(tmp_path / "d", files, minimal_config(NESTED))
    assert _check(docs) == 6
    # a group's root page is the current item: its title link says so (nothing did)
    build_site(docs, tmp_path / "out")
    page = (tmp_path / "out" / "e" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<a [^>]*aria-current="page"[^>]*>([^<]*)', page) == ["Four"]
    assert 'class="mr-nav__label mr-nav__root" href="/e/" aria-current="page"' in page


@pytest.mark.corpus
def test_modelslab_every_page() -> None:
    assert _check(CORPORA / "modelslab") > 370


def test_trimmed_groups_and_their_payload(tmp_path: Path) -> None:
    """A large section: closed groups come empty with `data-lazy`, their titles link to their
    first page (readable without JS), and one `nav-HASH.js` holds the children of all of them."""
    pages = [f"reference-page-{i:03d}" for i in range(120)]
    nav = [
        "a",
        {
            "group": "Big",
            "pages": [{"group": f"G{g}", "pages": pages[g * 20 : g * 20 + 20]} for g in range(6)],
        },
    ]
    files = {f"{n}.mdx": f"# {n}\n" for n in ["a", *pages]}
    docs = write_site(tmp_path / "d", files, minimal_config(nav))
    assert _check(docs) == 121
    config = load_config(docs, Diagnostics())
    navigation = build_navigation(config.navigation, lambda *a: None)
    infos = {ref: PageInfo(ref, site_path_for(f"{ref}.mdx"), ref, ref) for ref in ["a", *pages]}
    urls = UrlBuilder("hosted", frozenset(i.site_path for i in infos.values()))
    view = NavView(navigation, navigation.slots(), infos, urls, lambda name, kind, file: "")
    cache = SidebarRenderer(make_environment(docs))
    ctx = view.view("reference-page-025")  # in G1
    html = cache.for_page(ctx["sidebar_key"], ctx["sidebar"], ctx["active_href"])
    assert html.count("data-lazy=") == 5  # G0, G2..G5
    assert html.count("<li><a href=") == 1 + 20  # "a" and the pages of G1
    assert 'href="\x1ereference-page-025/" data-active aria-current="page"' in html
    # a closed group's title leads to its first page
    assert '<a class="mr-nav__first" href="\x1ereference-page-040/">G2</a>' in html
    [name] = cache.payload_files()
    assert re.fullmatch(r"nav-[0-9a-f]{8}\.js", name)
    assert cache.payload_files()[name].startswith("(window.mrNav=window.mrNav||{})[")


def test_pickers_follow_the_navigation_from_the_outermost_level(tmp_path: Path) -> None:
    """LangChain's product > menu item "Build" > dropdown "Python": the sidebar's pickers read
    Product, then Build, then Python (the dropdown was listed above the menu item holding it)."""
    from sitekit import build_site

    python = {"dropdown": "Python", "pages": ["py"]}
    typescript = {"dropdown": "TypeScript", "pages": ["ts"]}
    build = {"item": "Build", "dropdowns": [python, typescript]}
    deploy = {"item": "Deploy", "pages": ["deploy"]}
    product = {"product": "Lifecycle", "menu": [build, deploy]}
    config = minimal_config([])
    config["navigation"] = {"products": [product, {"product": "Other", "pages": ["other"]}]}
    files = {
        f"{name}.mdx": f"---\ntitle: {name}\n---\n{name}.\n"
        for name in ("py", "ts", "deploy", "other")
    }
    docs = write_site(tmp_path / "docs", files, config)
    build_site(docs, tmp_path / "out")
    html = (tmp_path / "out" / "py" / "index.html").read_text(encoding="utf-8")
    labels = re.findall(r'class="mr-select__button" aria-label="([^"]*)"', html)
    assert [label.split(":")[0] for label in labels] == ["Product", "Menu", "Section"], labels
    assert labels[1].endswith("Build") and labels[2].endswith("Python"), labels


def test_the_current_language_links_to_the_page_itself(tmp_path: Path) -> None:
    """CowAgent's language menu: on `/web/`, the ticked 中文 went to the language's home page;
    each language's entry is this page in that language (itself, for the one it is in)."""
    from sitekit import build_site

    config = minimal_config([])
    config["navigation"] = {
        "languages": [
            {
                "language": "zh",
                "default": True,
                "groups": [{"group": "G", "pages": ["index", "web"]}],
            },
            {"language": "en", "groups": [{"group": "G", "pages": ["en/index", "en/web"]}]},
        ]
    }
    files = {
        f"{name}.mdx": "---\ntitle: X\n---\n\nText.\n"
        for name in ("index", "web", "en/index", "en/web")
    }
    docs = write_site(tmp_path / "docs", files, config)
    build_site(docs, tmp_path / "out")
    for page, own in (("web", "zh"), ("en/web", "en")):
        html = (tmp_path / "out" / page / "index.html").read_text(encoding="utf-8")
        items = dict(re.findall(r'class="mr-menu__item" href="([^"]*)" hreflang="([^"]*)"', html))
        assert {lang: href for href, lang in items.items()} == {"zh": "/web/", "en": "/en/web/"}
        assert f'hreflang="{own}" data-active' in html


def test_a_product_holding_languages_opens_in_the_readers_language(tmp_path: Path) -> None:
    """Rumi's products > languages: on a German page, the product menu went to the English
    home page; each product opens at its first page in the language being read."""
    from sitekit import build_site

    def product(name: str, stem: str) -> dict[str, object]:
        return {
            "product": name,
            "languages": [
                {"language": "en", "default": True, "pages": [f"{stem}/a", f"{stem}/b"]},
                {"language": "de", "pages": [f"de/{stem}/a", f"de/{stem}/b"]},
            ],
        }

    config = minimal_config([])
    config["navigation"] = {"products": [product("Bot", "bot"), product("Web", "web")]}
    files = {
        f"{lang}{stem}/{page}.mdx": "---\ntitle: X\n---\n\nText.\n"
        for lang in ("", "de/")
        for stem in ("bot", "web")
        for page in ("a", "b")
    }
    docs = write_site(tmp_path / "docs", files, config)
    build_site(docs, tmp_path / "out")

    def product_links(page: str) -> list[str]:
        html = (tmp_path / "out" / page / "index.html").read_text(encoding="utf-8")
        menu = re.split(r'aria-label="(?:Product|Produkt): ', html, maxsplit=1)[1]
        return re.findall(r'class="mr-select__item" href="([^"]*)"', menu.split("</details>")[0])

    assert product_links("de/bot/b") == ["/de/bot/a/", "/de/web/a/"]
    assert product_links("bot/b") == ["/bot/a/", "/web/a/"]


def test_a_language_shows_its_own_global_links(tmp_path: Path) -> None:
    """CrewAI gives each language its own `global.anchors` (translated): they were dropped
    without a word. A page shows the site's global links and those of its language."""
    from sitekit import build_site

    def language(code: str, label: str) -> dict[str, object]:
        anchors = [{"anchor": label, "href": f"https://example.com/{code}", "icon": "globe"}]
        prefix = "" if code == "en" else f"{code}/"
        return {"language": code, "global": {"anchors": anchors}, "pages": [f"{prefix}a"]}

    config = minimal_config([])
    config["navigation"] = {
        "languages": [language("en", "Website"), language("fr", "Site web")],
        "global": {"anchors": [{"anchor": "Status", "href": "https://status.example.com"}]},
    }
    files = {f"{p}.mdx": "---\ntitle: A\n---\n\nText.\n" for p in ("a", "fr/a")}
    docs = write_site(tmp_path / "docs", files, config)
    build_site(docs, tmp_path / "out")
    for page, own, other in (("a", "Website", "Site web"), ("fr/a", "Site web", "Website")):
        html = (tmp_path / "out" / page / "index.html").read_text(encoding="utf-8")
        assert f"https://example.com/{'en' if own == 'Website' else 'fr'}" in html
        assert 'href="https://status.example.com"' in html
        assert f">{other}<" not in html


def test_the_version_menu_keeps_the_page_when_one_version_is_at_the_root(tmp_path: Path) -> None:
    """Mintlify's own versions example (organize/navigation.mdx): the latest version's pages
    at the root (`quickstart`), an older one's in a folder (`2025_12/quickstart`). The menu
    led to the other version's first page, both ways; it leads to the same page there."""
    config = minimal_config([])
    config["navigation"] = {
        "versions": [
            {"version": "2026_03", "pages": ["getting-started", "quickstart"]},
            {"version": "2025_12", "pages": ["2025_12/getting-started", "2025_12/quickstart"]},
        ]
    }
    names = ["getting-started", "quickstart", "2025_12/getting-started", "2025_12/quickstart"]
    files = {f"{p}.mdx": "---\ntitle: X\n---\n\nText.\n" for p in names}
    docs = write_site(tmp_path / "docs", files, config)
    build_site(docs, tmp_path / "out")

    def menu(page: str) -> list[str]:
        html = (tmp_path / "out" / page / "index.html").read_text(encoding="utf-8")
        found = re.split(r'aria-label="Version: ', html, maxsplit=1)[1].split("</details>")[0]
        return re.findall(r'class="mr-select__item" href="([^"]*)"', found)

    assert menu("quickstart") == ["/quickstart/", "/2025_12/quickstart/"]
    assert menu("2025_12/quickstart") == ["/quickstart/", "/2025_12/quickstart/"]


def test_the_version_and_language_pickers_keep_the_page_being_read(tmp_path: Path) -> None:
    """Stagehand's versions and CrewAI's `edge/en/…` paths: the version menu led to each
    version's first page, and the language menu only knew a leading `fr/` folder. Each entry
    is this page there when it exists (the one it is in: the page itself)."""
    from sitekit import build_site

    def version(name: str, lang: str, shared: bool) -> dict[str, object]:
        pages = ["index"] if shared else []
        return {"version": name, "pages": [*pages, f"{name}/{lang}/intro", f"{name}/{lang}/act"]}

    config = minimal_config([])
    config["navigation"] = {
        "languages": [
            {"language": lg, "versions": [version("edge", lg, True), version("v1", lg, True)]}
            for lg in ("en", "pt-BR")
        ]
    }
    names = [
        f"{v}/{lg}/{p}" for v in ("edge", "v1") for lg in ("en", "pt-BR") for p in ("intro", "act")
    ]
    files = {f"{p}.mdx": "---\ntitle: X\n---\n\nText.\n" for p in (*names, "index")}
    docs = write_site(tmp_path / "docs", files, config)
    build_site(docs, tmp_path / "out")
    html = (tmp_path / "out" / "edge" / "en" / "act" / "index.html").read_text(encoding="utf-8")
    menu = re.split(r'aria-label="Version: ', html, maxsplit=1)[1].split("</details>")[0]
    assert re.findall(r'class="mr-select__item" href="([^"]*)"', menu) == [
        "/edge/en/act/",
        "/v1/en/act/",
    ]
    languages = dict(re.findall(r'class="mr-menu__item" href="([^"]*)" hreflang="([^"]*)"', html))
    assert {lang: href for href, lang in languages.items()} == {
        "en": "/edge/en/act/",
        "pt-BR": "/edge/pt-BR/act/",
    }


def test_a_division_leads_to_its_first_page_drawn_inside_it(tmp_path: Path) -> None:
    """Firecrawl's versions both list `introduction` first, and CrewAI's tabs share `index`:
    a shared page is drawn in the first version or tab that lists it, so the second one's
    menu item led back into the first, and the pages only it lists could not be reached by
    clicking. Its link is now its first page drawn inside it (its first page when it owns
    none)."""
    from sitekit import build_site

    config = minimal_config([])
    config["navigation"] = {
        "versions": [
            {"version": "v2", "tabs": [{"tab": "Guides", "pages": ["introduction", "v2/a"]}]},
            {
                "version": "v1",
                "tabs": [
                    {"tab": "Guides", "pages": ["introduction", "v1/b"]},
                    {"tab": "More", "pages": ["introduction", "v1/c"]},
                    {"tab": "Same", "pages": ["introduction"]},
                ],
            },
        ]
    }
    names = ("introduction", "v2/a", "v1/b", "v1/c")
    files = {f"{p}.mdx": "---\ntitle: X\n---\n\nText.\n" for p in names}
    docs = write_site(tmp_path / "docs", files, config)
    build_site(docs, tmp_path / "out")
    html = (tmp_path / "out" / "introduction" / "index.html").read_text(encoding="utf-8")
    menu = re.split(r'aria-label="Version: ', html, maxsplit=1)[1].split("</details>")[0]
    assert re.findall(r'class="mr-select__item" href="([^"]*)"', menu) == [
        "/introduction/",
        "/v1/b/",
    ]
    b = (tmp_path / "out" / "v1" / "b" / "index.html").read_text(encoding="utf-8")
    tabs = re.findall(r'<a class="nav-tabs-item[^"]*" href="([^"]*)"', b)
    assert tabs == ["/v1/b/", "/v1/c/", "/introduction/"], tabs


def test_the_language_menu_finds_a_page_in_a_folder_named_like_another_code(
    tmp_path: Path,
) -> None:
    """OpenClaw's `zh-Hans` pages live in `zh-CN/`: the menu led to the language's first page,
    not to this page in Chinese (and back, to the English home)."""
    from sitekit import build_site

    config = minimal_config([])
    config["navigation"] = {
        "languages": [
            {"language": "en", "pages": ["start/wizard", "tools/tts"]},
            {"language": "zh-Hans", "pages": ["zh-CN/start/wizard", "zh-CN/tools/tts"]},
        ]
    }
    names = ("start/wizard", "tools/tts", "zh-CN/start/wizard", "zh-CN/tools/tts")
    files = {f"{p}.mdx": "---\ntitle: X\n---\n\nText.\n" for p in names}
    docs = write_site(tmp_path / "docs", files, config)
    build_site(docs, tmp_path / "out")
    pattern = r'class="mr-menu__item" href="([^"]*)" hreflang="([^"]*)"'
    for page, expected in [
        ("tools/tts", {"en": "/tools/tts/", "zh-Hans": "/zh-CN/tools/tts/"}),
        ("zh-CN/tools/tts", {"en": "/tools/tts/", "zh-Hans": "/zh-CN/tools/tts/"}),
    ]:
        html = (tmp_path / "out" / page / "index.html").read_text(encoding="utf-8")
        assert {lang: href for href, lang in re.findall(pattern, html)} == expected, page


def test_a_page_with_no_translation_leads_to_its_version_in_the_other_language(
    tmp_path: Path,
) -> None:
    """From `/v1/comp/`, which French lacks, the French entry led to French's first version
    (`/fr/v2/`); the reader's version exists in French: `/fr/v1/`."""

    def version(label: str, prefix: str, pages: list[str]) -> dict[str, object]:
        return {"version": label, "groups": [{"group": "G", "pages": [prefix + p for p in pages]}]}

    config = minimal_config([])
    config["navigation"] = {
        "languages": [
            {
                "language": "en",
                "versions": [
                    version("v2", "", ["v2/index", "v2/comp"]),
                    version("v1", "", ["v1/index", "v1/comp"]),
                ],
            },
            {
                "language": "fr",
                "versions": [
                    version("v2", "fr/", ["v2/index", "v2/comp"]),
                    version("v1", "fr/", ["v1/index"]),
                ],
            },
        ]
    }
    names = ("v2/index", "v2/comp", "v1/index", "v1/comp", "fr/v2/index", "fr/v2/comp")
    files = {f"{p}.mdx": "---\ntitle: X\n---\n\nText.\n" for p in (*names, "fr/v1/index")}
    docs = write_site(tmp_path / "docs", files, config)
    build_site(docs, tmp_path / "out")
    pattern = r'class="mr-menu__item" href="([^"]*)" hreflang="([^"]*)"'
    html = (tmp_path / "out" / "v1" / "comp" / "index.html").read_text(encoding="utf-8")
    assert {lang: href for href, lang in re.findall(pattern, html)} == {
        "en": "/v1/comp/",
        "fr": "/fr/v1/",
    }
    html = (tmp_path / "out" / "v2" / "comp" / "index.html").read_text(encoding="utf-8")
    assert dict((lang, href) for href, lang in re.findall(pattern, html))["fr"] == "/fr/v2/comp/"


def test_an_anchors_own_colour_fills_its_tile_when_current(tmp_path: Path) -> None:
    """docs.json anchor `color: {light, dark}` (navigation.md §3.1) is the current anchor's
    colour in place of the site's accent; it was dropped. A value that is no CSS colour (it
    would go into a style attribute) is a warning and left out."""
    anchors = [
        {
            "anchor": "Core",
            "icon": "star",
            "color": {"light": "#DC2626", "dark": "#22C55E"},
            "groups": [{"group": "G", "pages": ["a"]}],
        },
        {"anchor": "Other", "color": "red;x:1", "groups": [{"group": "H", "pages": ["b"]}]},
    ]
    config = {"name": "T", "colors": {"primary": "#2563EB"}, "navigation": {"anchors": anchors}}
    docs = write_site(tmp_path / "docs", {"a.mdx": "A\n", "b.mdx": "B\n"}, config)
    result = build_site(docs, tmp_path / "out")
    html = (tmp_path / "out" / "a" / "index.html").read_text(encoding="utf-8")
    assert (
        '<a class="mr-anchor " href="/a/" style="--mr-anchor-light: #DC2626; '
        '--mr-anchor-dark: #22C55E" data-active aria-current="page">' in html
    )
    assert '<a class="mr-anchor " href="/b/">' in html
    (warning,) = [d for d in result.diagnostics if d.code == "nav-type"]
    assert "'red;x:1' is no CSS colour" in warning.message
    css = (tmp_path / "out" / "_mintrender" / "mintrender.css").read_text(encoding="utf-8")
    assert "var(--mr-anchor-light,var(--mr-accent))" in css.replace(" ", "")
