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
