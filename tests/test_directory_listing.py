"""docs.json `directory` (navigation.md §3.2): a group's root page lists the group's pages and
groups below its content, as cards or as an accordion; the value is inherited and overridden."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sitekit import build_site, write_site


def _page(title: str, description: str = "") -> str:
    extra = f"description: {description}\n" if description else ""
    return f"---\ntitle: {title}\n{extra}---\n{title} body.\n"


FILES = {
    "g/index.mdx": _page("Guides"),
    "g/a.mdx": _page("Page A", "About A"),
    "g/b.mdx": _page("Page B"),
    "g/hidden.mdx": "---\ntitle: Secret\nhidden: true\n---\nx\n",
    "s/index.mdx": _page("Sub", "The sub section"),
    "s/x.mdx": _page("X", "About X"),
    "s/y.mdx": _page("Y"),
    "api/index.mdx": _page("API"),
    "api/o.mdx": _page("Overview"),
}


def _site(tmp_path: Path, directory: Any = "card") -> tuple[Path, Any]:
    nav = {
        "directory": directory,
        "groups": [
            {
                "group": "Guides",
                "root": "g/index",
                "pages": [
                    "g/a",
                    "g/b",
                    "g/hidden",
                    {
                        "group": "Sub",
                        "root": "s/index",
                        "directory": "accordion",
                        "pages": ["s/x", "s/y"],
                    },
                    {"group": "API", "root": "api/index", "directory": "none", "pages": ["api/o"]},
                ],
            }
        ],
    }
    config = {"name": "T", "theme": "mint", "colors": {"primary": "#0D9373"}, "navigation": nav}
    docs = write_site(tmp_path / "docs", FILES, config)
    result = build_site(docs, tmp_path / "out")
    return tmp_path / "out", result


def _listing(html: str) -> str:
    """From the listing to the end of the page body."""
    start = html.find('<div class="mr-prose mr-directory')
    return html[start : html.index('<div class="mr-page-end"')] if start >= 0 else ""


def test_card_listing_below_the_root_page(tmp_path: Path) -> None:
    out, result = _site(tmp_path)
    html = (out / "g" / "index.html").read_text()
    listing = _listing(html)
    assert "mr-directory--card" in listing
    titles = re.findall(r'<p class="mr-card__title">([^<]*)</p>', listing)
    assert titles == ["Page A", "Page B", "Sub", "API"]  # hidden pages are not listed
    assert '<a class="mr-card card mr-card--link" href="/g/a/">' in listing
    assert '<div class="mr-card__content">About A</div>' in listing
    assert '<div class="mr-card__content">The sub section</div>' in listing  # its root's
    assert html.index("Guides body.") < html.index("mr-directory")  # below the content
    assert "/_mintrender/card.css" in html  # the cards' stylesheet is linked
    assert not [d for d in result.diagnostics if d.code == "nav-type"]


def test_inherited_overridden_and_none(tmp_path: Path) -> None:
    out, _ = _site(tmp_path)
    sub = (out / "s" / "index.html").read_text()
    listing = _listing(sub)
    assert "mr-directory--accordion" in listing
    assert re.findall(r'<li><a href="([^"]*)">', listing) == ["/s/x/", "/s/y/"]
    assert '<span class="mr-directory__description">About X</span>' in listing
    assert "/_mintrender/accordion.css" in sub
    assert "mr-directory" not in (out / "api" / "index.html").read_text()  # "none"
    assert "mr-directory" not in (out / "g" / "a" / "index.html").read_text()  # no root


def test_default_is_none_and_bad_values_warn(tmp_path: Path) -> None:
    out, _ = _site(tmp_path / "a", directory=None)
    assert "mr-directory--card" not in (out / "g" / "index.html").read_text()
    out, result = _site(tmp_path / "b", directory="cards")
    (warning,) = [d for d in result.diagnostics if d.code == "nav-type"]
    assert "`directory` must be" in warning.message and warning.line > 0
    assert "mr-directory" not in (out / "g" / "index.html").read_text()
