"""Pages under hidden tabs, groups and other divisions (hidden-pages.mdx, navigation.md §3.2, §5):
out of search, the sitemap and llms.txt, and `noindex`, unless the hidden one says
`searchable: true`; and a division of versions or languages opens on its `default` one."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
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


def _navigation(level: str) -> dict[str, Any]:
    """`open` below a hidden, searchable `level`, `shut` below a hidden one, `index` shown."""
    start = {"group": "Start", "pages": ["index"]}
    if level == "group":
        return {
            "groups": [
                start,
                {"group": "Open", **HIDE_OPEN, "pages": ["open"]},
                {"group": "Shut", **HIDE_SHUT, "pages": ["shut"]},
            ]
        }
    if level == "nested group":
        inner = [
            "index",
            {"group": "Open", **HIDE_OPEN, "pages": ["open"]},
            {"group": "Shut", **HIDE_SHUT, "pages": ["shut"]},
        ]
        return {"groups": [{"group": "Start", "pages": inner}]}
    key, label_key, (home, open_, shut) = DIVISIONS[level]
    return {
        key: [
            {label_key: home, "groups": [start]},
            {label_key: open_, **HIDE_OPEN, "groups": [{"group": "O", "pages": ["open"]}]},
            {label_key: shut, **HIDE_SHUT, "groups": [{"group": "S", "pages": ["shut"]}]},
        ]
    }


def _site(tmp_path: Path, navigation: dict[str, Any], **config: Any) -> Path:
    settings = {"theme": "mint", "name": "H", "colors": {"primary": "#0D9373"}, **config}
    docs = write_site(tmp_path / "docs", PAGES, {**settings, "navigation": navigation})
    out = tmp_path / "out"
    assert not build_site(docs, out, base_url="https://docs.example.com").fatal
    return out


def _searched(out: Path) -> str:
    """Every search index of the site, as one text."""
    return "".join(p.read_text(encoding="utf-8") for p in (out / "_mintrender").glob("search-*.js"))


def _read(out: Path, rel: str) -> str:
    return (out / rel).read_text(encoding="utf-8")


@pytest.mark.parametrize("level", ["group", "nested group", *DIVISIONS])
def test_searchable_true_on_a_hidden_level_keeps_its_pages_found(
    tmp_path: Path, level: str
) -> None:
    """`searchable: true` on a hidden group was ignored (only divisions read it), and pages
    below a hidden tab or group got no `noindex`, where Mintlify applies it unless the hidden
    one is searchable."""
    out = _site(tmp_path, _navigation(level))
    sitemap, llms, searched = _read(out, "sitemap.xml"), _read(out, "llms.txt"), _searched(out)
    assert "https://docs.example.com/open/" in sitemap, level
    assert "/shut/" not in sitemap, level
    assert "shut.md" not in llms, level
    if level not in ("version", "language"):  # llms.txt: the default ones' pages only
        assert "open.md" in llms, level
    assert "/open" in searched and "/shut" not in searched, level
    assert NOINDEX not in _read(out, "open/index.html"), level
    assert NOINDEX in _read(out, "shut/index.html"), level
    assert NOINDEX not in _read(out, "index.html"), level


def test_a_hidden_group_in_a_searchable_hidden_tab_is_out_again(tmp_path: Path) -> None:
    """hidden-pages.mdx: "To re-exclude a descendant group, set `hidden: true` on it without
    `searchable: true`"; it inherited the tab's flag. `searchable` on a shown group does
    nothing (search.mdx: a page-level field)."""
    navigation = {
        "tabs": [
            {
                "tab": "Home",
                "groups": [{"group": "Start", "searchable": False, "pages": ["index"]}],
            },
            {
                "tab": "Help",
                **HIDE_OPEN,
                "groups": [
                    {"group": "Shown", "pages": ["open"]},
                    {"group": "Again", **HIDE_SHUT, "pages": ["shut"]},
                ],
            },
        ]
    }
    out = _site(tmp_path, navigation)
    sitemap, searched = _read(out, "sitemap.xml"), _searched(out)
    assert "/open/" in sitemap and "/shut/" not in sitemap
    assert "/open" in searched and "/shut" not in searched
    assert '["/","Home"' in searched  # the shown group's `searchable: false` does nothing
    assert NOINDEX in _read(out, "shut/index.html")
    assert NOINDEX not in _read(out, "open/index.html")


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


def test_seo_indexing_all_puts_hidden_pages_in_site_search(tmp_path: Path) -> None:
    """hidden-pages.mdx's table: with `seo.indexing: "all"` hidden pages (under a hidden group
    or `hidden: true` themselves) are in site search too; only the sitemap took them. A page's
    own `noindex: true` or `searchable: false` still keeps it out."""
    pages = {
        **PAGES,
        "own.mdx": "---\ntitle: Own\nhidden: true\n---\nHidden by itself.",
        "quiet.mdx": "---\ntitle: Quiet\nnoindex: true\n---\nNot indexed.",
        "unsought.mdx": "---\ntitle: Unsought\nsearchable: false\n---\nNot searched.",
    }
    navigation = {
        "groups": [
            {"group": "Start", "pages": ["index", "own", "quiet", "unsought"]},
            {"group": "Hidden", **HIDE_SHUT, "pages": ["shut"]},
        ]
    }
    settings = {"theme": "mint", "name": "H", "colors": {"primary": "#0D9373"}}
    for indexing, shown in (("navigable", False), ("all", True)):
        config = {**settings, "navigation": navigation, "seo": {"indexing": indexing}}
        docs = write_site(tmp_path / indexing / "docs", pages, config)
        out = tmp_path / indexing / "out"
        assert not build_site(docs, out, base_url="https://docs.example.com").fatal
        searched = _searched(out)
        assert ("/shut" in searched) is shown and ("/own" in searched) is shown
        assert "/quiet" not in searched and "/unsought" not in searched


def _link(html: str, label: str) -> str:
    """The href of the first link whose text starts with `label`."""
    m = re.search(r'<a\b[^>]*href="([^"]*)"[^>]*>\s*(?:<[^>]*>\s*)*' + re.escape(label), html)
    assert m, label
    return m.group(1)


@pytest.mark.parametrize("kind", ["tab", "anchor", "dropdown", "product"])
@pytest.mark.parametrize("inner", ["version", "language"])
def test_a_division_of_versions_opens_on_its_default_one(
    tmp_path: Path, kind: str, inner: str
) -> None:
    """A tab (dropdown, product, anchor) holding versions linked to its first version's page,
    not its `default` one's; root-level versions already opened on the default."""
    key, label_key, _ = DIVISIONS[kind]
    labels = ("v1", "v2") if inner == "version" else ("en", "fr")
    pages = {"m/a.mdx": "---\ntitle: Main page\n---\nA."}
    pages |= {f"z/{name}.mdx": f"---\ntitle: Zed {name}\n---\n{name}." for name in labels}
    navigation = {
        key: [
            {label_key: "Main", "pages": ["m/a"]},
            {
                label_key: "Zed",
                f"{inner}s": [
                    {inner: labels[0], "pages": [f"z/{labels[0]}"]},
                    {inner: labels[1], "default": True, "pages": [f"z/{labels[1]}"]},
                ],
            },
        ]
    }
    config = {"theme": "mint", "name": "D", "colors": {"primary": "#0D9373"}}
    docs = write_site(tmp_path / "docs", pages, {**config, "navigation": navigation})
    assert not build_site(docs, tmp_path / "out").fatal
    html = _read(tmp_path / "out", "m/a/index.html")
    assert _link(html, "Zed") == f"/z/{labels[1]}/", (kind, inner)
