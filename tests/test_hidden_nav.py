"""Pages under hidden tabs, groups and other divisions (hidden-pages.mdx, navigation.md §3.2, §5):
out of search, the sitemap and llms.txt, and `noindex`, unless the hidden one says
`searchable: true`; and a division of versions or languages opens on its `default` one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sitekit import build_site, write_site

NOINDEX = '<meta name="robots" content="noindex">'
PAGES = {
    "index.mdx": "---\ntitle: Home\n---\nHome.",
    "open.mdx": "---\ntitle: Open\n---\nFound by search.",
    "shut.mdx": "---\ntitle: Shut\n---\nKept out.",
}
HIDE_OPEN = {"hidden": True, "searchable": True}
HIDE_SHUT = {"hidden": True}
DIVISIONS = {
    "tab": ("tabs", "tab", ("Home", "Open", "Shut")),
    "anchor": ("anchors", "anchor", ("Home", "Open", "Shut")),
    "dropdown": ("dropdowns", "dropdown", ("Home", "Open", "Shut")),
    "product": ("products", "product", ("Home", "Open", "Shut")),
    "version": ("versions", "version", ("v1", "v2", "v3")),
    "language": ("languages", "language", ("en", "fr", "es")),
}


def _site(tmp_path: Path, navigation: dict[str, Any], **config: Any) -> Path:
    settings = {"theme": "mint", "name": "H", "colors": {"primary": "#0D9373"}, **config}
    docs = write_site(tmp_path / "docs", PAGES, {**settings, "navigation": navigation})
    out = tmp_path / "out"
    assert not build_site(docs, out, base_url="https://docs.example.com").fatal
    return out


def _read(out: Path, rel: str) -> str:
    return (out / rel).read_text(encoding="utf-8")


def test_a_page_also_listed_where_shown_is_indexed(tmp_path: Path) -> None:
    """`noindex` is for pages hidden wherever they are listed; and `seo.indexing: "all"`
    lifts it, as for `hidden: true` pages."""
    navigation = {
        "groups": [
            {"group": "Start", "pages": ["index", "open"]},
            {"group": "Hidden", **HIDE_SHUT, "pages": ["open", "shut"]},
        ]
    }
    out = _site(tmp_path, navigation)
    assert NOINDEX not in _read(out, "open/index.html")
    assert "/open/" in _read(out, "sitemap.xml")
    assert NOINDEX in _read(out, "shut/index.html")
    out = _site(tmp_path / "all", navigation, seo={"indexing": "all"})
    assert NOINDEX not in _read(out, "shut/index.html")
    assert "/shut/" in _read(out, "sitemap.xml")
