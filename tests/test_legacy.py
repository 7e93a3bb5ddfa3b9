"""Legacy mint.json settings Mintlify honoured, as built sites show them: versions on tabs,
anchors, nested groups and pages; localized versions; topbar links; api and seo keys."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from sitekit import build_site

from mintrender.model import BuildResult


def _mint_site(tmp_path: Path, mint: dict[str, Any], pages: dict[str, str]) -> BuildResult:
    """Build a docs folder holding `mint` as mint.json and `pages` (ref -> .mdx text)."""
    docs = tmp_path / "docs"
    for ref, text in pages.items():
        (docs / f"{ref}.mdx").parent.mkdir(parents=True, exist_ok=True)
        (docs / f"{ref}.mdx").write_text(text, encoding="utf-8")
    (docs / "mint.json").write_text(json.dumps(mint, indent=2), encoding="utf-8")
    return build_site(docs, tmp_path / "out")


def _html(tmp_path: Path, ref: str) -> str:
    return (tmp_path / "out" / ref / "index.html").read_text(encoding="utf-8")


def _shown(html: str) -> str:
    """The page as it opens: without the other versions' sidebars and bars (templates)."""
    return html.split("<div hidden data-mr-versions", 1)[0]


def _division_links(html: str) -> list[str]:
    """The hrefs of the tab bar's and the anchors' links."""
    return re.findall(r'class="mr-anchor[^"]*" href="([^"]*)"', _shown(html))


PAGE = "---\ntitle: {}\n---\n\nText.\n"


def test_legacy_tabs_and_anchors_show_in_their_version_only(tmp_path: Path) -> None:
    """ "You can hide a tab or anchor based on a version… Tabs and anchors without a specified
    version are shown in every version" (Mintlify's versioning docs): every version showed
    every tab and anchor, so v2 pages had an "API v1" tab to a 404 (and mint.json a false
    broken-link warning)."""
    mint = {
        "name": "R",
        "colors": {"primary": "#0D9373"},
        "versions": ["v2", "v1"],
        "tabs": [
            {"name": "API v1", "url": "v1/api", "version": "v1"},
            {"name": "API v2", "url": "v2/api", "version": "v2"},
        ],
        "anchors": [
            {"name": "V1 Blog", "url": "https://blog.x.com/v1", "version": "v1"},
            {"name": "Status", "url": "https://status.x.com"},
        ],
        "navigation": [
            {"group": "S", "pages": ["intro"]},
            {"group": "A1", "version": "v1", "pages": ["v1/api/users"]},
            {"group": "A2", "version": "v2", "pages": ["v2/api/users"]},
        ],
    }
    pages = {ref: PAGE.format(ref) for ref in ("intro", "v1/api/users", "v2/api/users")}
    result = _mint_site(tmp_path, mint, pages)
    assert [d for d in result.diagnostics if d.severity != "info"] == []
    v2 = _division_links(_html(tmp_path, "v2/api/users"))
    assert "/v2/api/users/" in v2 and "https://status.x.com" in v2
    assert "/v1/api/users/" not in v2 and "/v1/api/" not in v2
    assert "https://blog.x.com/v1" not in v2
    v1 = _division_links(_html(tmp_path, "v1/api/users"))
    assert "/v1/api/users/" in v1 and "https://blog.x.com/v1" in v1
    assert "https://status.x.com" in v1 and "/v2/api/users/" not in v1


def _sidebar(html: str) -> str:
    """The text of the sidebar the page opens with."""
    nav = re.search(r'<nav class="mr-nav".*?</nav>', _shown(html), re.S)
    assert nav is not None
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", nav.group(0))).strip()


def test_a_legacy_default_version_is_where_shared_pages_open(tmp_path: Path) -> None:
    """`versions: [{"name": "v2"}, {"name": "v1", "default": true}]`: the default was dropped,
    so pages of every version opened in the first one."""
    mint = {
        "name": "R",
        "colors": {"primary": "#0D9373"},
        "versions": [{"name": "v2"}, {"name": "v1", "default": True}],
        "navigation": [
            {"group": "Shared", "pages": ["intro"]},
            {"group": "Guides v1", "version": "v1", "pages": ["v1/guide"]},
            {"group": "Guides v2", "version": "v2", "pages": ["v2/guide"]},
        ],
    }
    pages = {ref: PAGE.format(ref) for ref in ("intro", "v1/guide", "v2/guide")}
    _mint_site(tmp_path, mint, pages)
    sidebar = _sidebar(_html(tmp_path, "intro"))
    assert "Guides v1" in sidebar and "Guides v2" not in sidebar
    assert "Guides v2" in _sidebar(_html(tmp_path, "v2/guide"))


def test_a_legacy_nested_group_or_page_version_wins_over_its_group(tmp_path: Path) -> None:
    """ "Versions on individual pages always take precedence" and "the more deeply-nested
    version takes precedence": only a top-level group's `version` was read, so a nested group
    of v1 and a page whose frontmatter says `version: "v2"` were listed in every version."""
    mint = {
        "name": "R",
        "colors": {"primary": "#0D9373"},
        "versions": ["v2", "v1"],
        "navigation": [
            {
                "group": "Shared",
                "pages": [
                    "intro",
                    "quickstart",
                    {"group": "Nested", "version": "v1", "pages": ["nested1"]},
                ],
            },
            {"group": "Old", "version": "v1", "pages": ["v1/guide", "also2"]},
            {"group": "Guides v2", "version": "v2", "pages": ["v2/guide"]},
        ],
    }
    pages = {ref: PAGE.format(ref) for ref in ("intro", "nested1", "v1/guide", "v2/guide")}
    pages["quickstart"] = '---\ntitle: Quickstart\nversion: "v2"\n---\n\nOnly v2.\n'
    pages["also2"] = "---\ntitle: Also two\nversion: v2\n---\n\nIn v2 though its group is v1.\n"
    _mint_site(tmp_path, mint, pages)
    v2 = _sidebar(_html(tmp_path, "v2/guide"))
    assert "Quickstart" in v2 and "Also two" in v2 and "Nested" not in v2, v2
    v1 = _sidebar(_html(tmp_path, "v1/guide"))
    assert "Nested" in v1 and "nested1" in v1 and "Old" in v1, v1
    assert "Quickstart" not in v1 and "Also two" not in v1, v1


def test_a_legacy_page_version_changed_in_preview_moves_the_page(tmp_path: Path) -> None:
    """The preview reads a mint.json page's `version` frontmatter again when it changes."""
    from mintrender.serve.files import make_work_dir, remove_work_dir
    from mintrender.serve.state import SiteState

    mint = {
        "name": "R",
        "colors": {"primary": "#0D9373"},
        "versions": ["v2", "v1"],
        "navigation": [
            {"group": "Shared", "pages": ["intro", "quickstart"]},
            {"group": "Guides v1", "version": "v1", "pages": ["v1/guide"]},
        ],
    }
    pages = {ref: PAGE.format(ref) for ref in ("intro", "quickstart", "v1/guide")}
    docs = tmp_path / "docs"
    _mint_site(tmp_path, mint, pages)
    work = make_work_dir()
    state = SiteState(docs, work)
    try:
        state.load()
        assert "quickstart" in _sidebar(state.page("v1/guide.mdx").html)
        page = docs / "quickstart.mdx"
        page.write_text("---\ntitle: quickstart\nversion: v2\n---\n\nText.\n", encoding="utf-8")
        update = state.apply_changes([("modified", str(page))])
        assert update.affected is None
        assert "quickstart" not in _sidebar(state.page("v1/guide.mdx").html)
    finally:
        state.close()
        remove_work_dir(work)


def test_legacy_versions_with_a_locale_are_languages(tmp_path: Path) -> None:
    """mint.json's localization is `versions` naming a `locale`: the French pages were a
    "version" with English chrome and `lang="en"`; they are docs.json's `languages`, as the
    same site written with docs.json `languages` builds."""
    mint = {
        "name": "R",
        "colors": {"primary": "#0D9373"},
        "versions": [
            {"name": "English", "locale": "en"},
            {"name": "Français", "locale": "fr"},
        ],
        "navigation": [
            {"group": "Start", "version": "English", "pages": ["intro"]},
            {"group": "Démarrer", "version": "Français", "pages": ["fr/intro"]},
        ],
    }
    _mint_site(tmp_path, mint, {"intro": PAGE.format("Intro"), "fr/intro": PAGE.format("FR")})
    french = _html(tmp_path, "fr/intro")
    assert '<html lang="fr"' in french and "Rechercher" in french and "Démarrer" in french
    english = _html(tmp_path, "intro")
    assert '<html lang="en"' in english and "Rechercher" not in english


def test_a_legacy_github_topbar_link_is_drawn_as_github(tmp_path: Path) -> None:
    """`topbarLinks: [{"type": "github", "url": …}]` showed its URL as the label; it is drawn
    as docs.json's `navbar.links` of type github are: the GitHub icon and "GitHub"."""
    mint = {
        "name": "R",
        "colors": {"primary": "#0D9373"},
        "topbarLinks": [
            {"type": "github", "url": "https://github.com/a/b"},
            {"name": "Status", "url": "https://status.x.com"},
        ],
        "navigation": [{"group": "G", "pages": ["intro"]}],
    }
    _mint_site(tmp_path, mint, {"intro": PAGE.format("Intro")})
    html = _html(tmp_path, "intro")
    link = re.search(r'<a class="mr-navbar__link" href="https://github.com/a/b".*?</a>', html)
    assert link is not None
    assert "mr-navbar__link-icon" in link.group(0)
    assert '<span class="mr-navbar__link-label">GitHub</span>' in link.group(0)
    assert '<span class="mr-navbar__link-label">Status</span>' in html


def test_legacy_api_settings_reach_the_api_pages(tmp_path: Path) -> None:
    """`api.request.example.languages` and `api.hidePlayground` were dropped: the samples
    were cURL, Python, JavaScript and the page had a "Try it" button."""
    mint = {
        "name": "R",
        "colors": {"primary": "#0D9373"},
        "api": {
            "baseUrl": "https://api.x.com",
            "hidePlayground": True,
            "request": {"example": {"languages": ["python", "go"]}},
        },
        "navigation": [{"group": "G", "pages": ["users"]}],
    }
    page = '---\ntitle: Users\napi: "GET /users"\n---\n\n<ParamField query="n" type="integer">N</ParamField>\n'
    _mint_site(tmp_path, mint, {"users": page})
    html = _html(tmp_path, "users")
    assert "api-tryit" not in html and "https://api.x.com/users" in html
    assert re.findall(r'class="mr-codegroup__tab" data-tab-title="([^"]*)"', html) == [
        "Python",
        "Go",
    ]


def test_legacy_api_settings_have_their_docs_json_names() -> None:
    """The rest of the legacy `api` table (navigation.md §6) under docs.json's names."""
    from mintrender.load.legacy import convert_mint_json

    api = convert_mint_json(
        {
            "api": {
                "playground": {"mode": "simple", "disableProxy": True},
                "request": {"example": {"showOptionalParams": False}},
                "paramFields": {"expanded": "topLevel"},
                "auth": {"method": "key", "name": "X-Key"},
            }
        }
    )["api"]
    assert (api["playground"]["display"], api["playground"]["proxy"]) == ("simple", False)
    assert api["examples"] == {"defaults": "required"}
    assert api["params"] == {"expanded": "closed"}
    assert api["mdx"] == {"auth": {"method": "key", "name": "X-Key"}}
    all_open = {"api": {"paramFields": {"expanded": "all"}}}
    assert convert_mint_json(all_open)["api"]["params"] == {"expanded": "all"}


def test_legacy_index_hidden_pages_is_seo_indexing_all(tmp_path: Path) -> None:
    """`seo.indexHiddenPages: true` is docs.json's `seo.indexing: "all"`: a page in no
    navigation entry was left out of the sitemap."""
    mint = {
        "name": "R",
        "colors": {"primary": "#0D9373"},
        "seo": {"indexHiddenPages": True},
        "navigation": [{"group": "G", "pages": ["intro"]}],
    }
    pages = {"intro": PAGE.format("Intro"), "unlisted": PAGE.format("Unlisted")}
    _mint_site(tmp_path, mint, pages)
    assert "/unlisted/" in (tmp_path / "out" / "sitemap.xml").read_text(encoding="utf-8")
    mint["seo"] = {"indexHiddenPages": False}
    _mint_site(tmp_path / "off", mint, pages)
    assert "/unlisted/" not in (tmp_path / "off" / "out" / "sitemap.xml").read_text("utf-8")


def test_legacy_settings_dropped_or_refused_are_said_where_written(tmp_path: Path) -> None:
    """A `topbarCtaButton` with no `url` (Mintlify's schema refuses it), `backgroundImage` and
    `font` (unsupported, as docs.json's `background.image` and `fonts` say), and a group, tab
    or page of a version `versions` does not list were dropped without a word."""
    mint = {
        "name": "R",
        "colors": {"primary": "#0D9373"},
        "backgroundImage": "/bg.png",
        "font": {"family": "Lato"},
        "topbarCtaButton": {"name": "Dashboard"},
        "versions": ["v2", "v1"],
        "tabs": [{"name": "API v3", "url": "v3/api", "version": "v3"}],
        "navigation": [
            {"group": "S", "pages": ["intro", "typo"]},
            {"group": "Typo", "version": "v3", "pages": ["v3/orphan"]},
        ],
    }
    pages = {"intro": PAGE.format("Intro"), "v3/orphan": PAGE.format("Orphan")}
    pages["typo"] = "---\ntitle: Typo\nversion: V1\n---\n\nText.\n"
    result = _mint_site(tmp_path, mint, pages)
    lines = (tmp_path / "docs" / "mint.json").read_text(encoding="utf-8").splitlines()

    def line_of(text: str, after: int = 0) -> int:
        return next(i for i, line in enumerate(lines, 1) if i > after and text in line)

    found = {
        (d.code, d.line, d.message.split(" ", 1)[0])
        for d in result.diagnostics
        if d.file == "mint.json"
    }
    assert found == {
        ("config-missing", line_of('"topbarCtaButton"'), "topbarCtaButton:"),
        ("unsupported-setting", line_of('"backgroundImage"'), "backgroundImage"),
        ("unsupported-setting", line_of('"font"'), "font"),
        ("nav-version", line_of('"version": "v3"'), "tabs[0].version:"),
        ("nav-version", line_of('"version": "v3"', line_of('"Typo"')), "navigation[1].version:"),
        ("nav-version", line_of('"typo"'), "navigation[0].pages[1]:"),
    }, found
    said = " ".join(d.message for d in result.diagnostics if d.code == "nav-version")
    assert "'V1'" in said and "('v2', 'v1')" in said
