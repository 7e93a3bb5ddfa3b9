"""A phone (390 px), in headless Chromium: one `footer.links` column takes the footer's width
(columns stack below 640 px, look.md §6), and with `appearance.strict` (no theme toggle) the
search icon keeps the page's side padding from the edge, no empty navbar end before it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sitekit import build_site, minimal_config, write_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("phone")
    config = minimal_config(
        ["intro"],
        appearance={"strict": True},
        footer={
            "links": [
                {
                    "header": "Legal",
                    "items": [{"label": "Documentation License", "href": "https://x.org"}],
                }
            ]
        },
    )
    docs = write_site(tmp / "docs", {"intro.mdx": "---\ntitle: Intro\n---\nText."}, config)
    out = tmp / "out"
    assert not build_site(docs, out, mode="offline").fatal
    return out


def test_one_footer_column_and_the_search_icon_at_the_edge(browser: Any, site: Path) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto((site / "intro" / "index.html").as_uri())
    got = page.evaluate(
        """() => {
          const grid = document.querySelector('.mr-footer__columns');
          const col = grid.firstElementChild.getBoundingClientRect();
          const search = document.querySelector('.mr-navbar .mr-search-trigger').getBoundingClientRect();
          return {tracks: getComputedStyle(grid).gridTemplateColumns.split(' ').length,
                  col: col.width, grid: grid.getBoundingClientRect().width,
                  gap: window.innerWidth - search.right};
        }"""
    )
    page.close()
    assert got["tracks"] == 1 and got["col"] == got["grid"]
    assert got["gap"] == 16  # the gutter alone (it was 24: an empty item and its gap)
