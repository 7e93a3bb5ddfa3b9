"""Versions listing the same pages (navigation.md §3.5: URLs carry no version): one page file
carries each version's sidebar, tab row and prev/next, and the version selector's items stay on
the page. Link-only global versions and dropdowns are links, never the current selection."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sitekit import build_site, write_site

from mintrender.write.versions import inner_html

PAGES = {
    "intro.mdx": "---\ntitle: Intro\n---\nShared intro.",
    "setup.mdx": "---\ntitle: Setup\n---\nShared setup.",
    "main-only.mdx": "---\ntitle: Main only\n---\nMain.",
    "test-only.mdx": "---\ntitle: Test only\n---\nTest.",
}

CONFIG: dict[str, Any] = {
    "theme": "mint",
    "name": "RV",
    "colors": {"primary": "#734BE2"},
    "navigation": {
        "versions": [
            {
                "version": "MainNet",
                "groups": [{"group": "Main guide", "pages": ["intro", "setup", "main-only"]}],
            },
            {
                "version": "TestNet",
                "groups": [{"group": "Test guide", "pages": ["intro", "test-only", "setup"]}],
            },
        ]
    },
}


def versions_site(tmp_path: Path, **options: Any) -> Path:
    docs = write_site(tmp_path / "docs", PAGES, CONFIG)
    out = tmp_path / "out"
    assert not build_site(docs, out, **options).fatal
    return out


def _templates(html: str) -> dict[str, str]:
    """Version label -> its carried parts."""
    box = inner_html(html, "data-mr-versions=", "div") or ""
    return dict(
        re.findall(
            r'<template data-mr-version="([^"]*)"[^>]*>(.*?)</template></template>',
            box + "</template>",
            re.S,
        )
    )


def test_a_page_two_versions_list_carries_the_other_versions_navigation(tmp_path: Path) -> None:
    out = versions_site(tmp_path)
    html = (out / "intro" / "index.html").read_text(encoding="utf-8")
    # drawn in its first version: MainNet's sidebar, selector and next page
    sidebar = inner_html(html, 'data-component="sidebar-scroll"', "div") or ""
    assert "Main guide" in sidebar and "Test guide" not in sidebar
    assert 'aria-label="Version: MainNet"' in sidebar
    assert re.search(r'rel="next">\s*<span class="mr-pagination__title">Setup', html)
    items = re.findall(
        r'<a class="mr-select__item" href="([^"]*)"[^>]*data-mr-version="([^"]*)"', sidebar
    )
    # each item names its version (JS shows it in place); without JS it leads into it
    assert items == [("/intro/", "MainNet"), ("/test-only/", "TestNet")]
    assert 'data-mr-versions="MainNet"' in html
    carried = _templates(html)
    assert list(carried) == ["TestNet"]
    test = carried["TestNet"]
    assert "Test guide" in test and "Main guide" not in test
    assert 'aria-label="Version: TestNet"' in test
    assert re.search(r'rel="next">\s*<span class="mr-pagination__title">Test only', test)
    assert 'data-version="TestNet"' in html and "search-index.v-TestNet" in html
    # the page body once
    assert html.count("Shared intro.") == 1


def test_a_page_of_one_version_carries_nothing(tmp_path: Path) -> None:
    out = versions_site(tmp_path)
    html = (out / "main-only" / "index.html").read_text(encoding="utf-8")
    assert "data-mr-versions" not in html and "mrVersions =" not in html
    # TestNet does not list it: its item leads to a page of TestNet's own, and is remembered
    assert re.search(r'href="/test-only/"[^>]*data-mr-version="TestNet"', html)


def test_carried_parts_follow_the_base_url(tmp_path: Path) -> None:
    out = versions_site(tmp_path, base_url="/docs/")
    html = (out / "intro" / "index.html").read_text(encoding="utf-8")
    test = _templates(html)["TestNet"]
    assert 'href="/docs/test-only/"' in test and 'href="/test-only/"' not in test


GLOBAL_LINKS: dict[str, Any] = {
    "theme": "mint",
    "name": "GL",
    "colors": {"primary": "#734BE2"},
    "navigation": {
        "global": {
            "versions": [{"version": "Legacy v0", "href": "https://v0.example.com"}],
            "dropdowns": [
                {"dropdown": "Status", "icon": "signal", "href": "https://status.example.com"}
            ],
        },
        "products": [
            {
                "product": "Core",
                "versions": [
                    {"version": "v1", "groups": [{"group": "G", "pages": ["v1/intro"]}]},
                    {"version": "v2", "groups": [{"group": "G", "pages": ["v2/intro"]}]},
                ],
            },
            {"product": "Other", "groups": [{"group": "G", "pages": ["other"]}]},
        ],
    },
}


def test_link_only_versions_and_dropdowns_are_never_the_current_choice(tmp_path: Path) -> None:
    files = {f"{p}.mdx": f"---\ntitle: {p}\n---\nx" for p in ("v1/intro", "v2/intro", "other")}
    docs = write_site(tmp_path / "docs", files, GLOBAL_LINKS)
    assert not build_site(docs, tmp_path / "out").fatal
    html = (tmp_path / "out" / "v1" / "intro" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="Version: v1"' in html and "Version: Legacy v0" not in html
    legacy = re.search(
        r'<a class="mr-select__item" href="https://v0.example.com"[^>]*>.*?</a>', html, re.S
    )
    assert (
        legacy and 'target="_blank"' in legacy.group(0) and "mr-select__external" in legacy.group(0)
    )
    assert "data-active" not in legacy.group(0)
    # a picker of links alone (the global dropdown; the versions of a product without its own)
    assert "Section: Status" not in html
    assert re.search(
        r'<a class="mr-anchor " href="https://status.example.com"[^>]*target="_blank"', html
    )
    other = (tmp_path / "out" / "other" / "index.html").read_text(encoding="utf-8")
    assert "Version: Legacy v0" not in other and "Section: Status" not in other
    assert re.search(r'<a class="mr-anchor " href="https://v0.example.com"', other)
    assert "mr-anchor__external" in other


def test_a_shared_page_opens_in_the_default_version(tmp_path: Path) -> None:
    """`{"version": "v2", "default": true}` after v1, both listing `intro`: the page opened in
    v1 (without JS, and as the reader's first choice) and the home led to v1's own `old`;
    navigation.md: `default` (else the first)."""
    config = {
        "name": "D",
        "theme": "mint",
        "colors": {"primary": "#0D9373"},
        "navigation": {
            "versions": [
                {"version": "v1", "pages": ["intro", "old"]},
                {"version": "v2", "default": True, "pages": ["intro", "new"]},
            ]
        },
    }
    files = {f"{p}.mdx": f"---\ntitle: {p}\n---\n\nText.\n" for p in ("intro", "old", "new")}
    docs = write_site(tmp_path / "docs", files, config)
    out = tmp_path / "out"
    build_site(docs, out)
    html = (out / "intro" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="mr-version" content="v2">' in html
    assert re.findall(r'mr-select__label">([^<]*)', html)[0] == "v2"
    assert "url=/intro/" in (out / "index.html").read_text(encoding="utf-8")
