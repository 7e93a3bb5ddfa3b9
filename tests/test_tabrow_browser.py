"""The tabs row when many tabs overflow it (1024-1280 px), in headless Chromium: the active tab
is scrolled into view on load without scrolling the page, and the row's edges fade where more
tabs hide."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sitekit import build_site, write_site

pytestmark = pytest.mark.browser

NAMES = [
    "Getting Started",
    "Guides & Tutorials",
    "API Reference",
    "SDKs and Libraries",
    "Integrations",
    "Self-hosting",
    "Changelog",
    "Community Resources",
    "Enterprise",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("tabs")
    tabs = [{"tab": name, "pages": [f"t{i}/a", f"t{i}/b"]} for i, name in enumerate(NAMES)]
    config = {"theme": "mint", "name": "Tabs", "navigation": {"tabs": tabs}}
    files = {
        f"t{i}/{p}.mdx": f"---\ntitle: {p}\n---\n" + "Text.\n\n" * 200
        for i in range(9)
        for p in "ab"
    }
    docs = write_site(tmp / "docs", files, config)
    out = tmp / "out"
    assert not build_site(docs, out, mode="offline").fatal
    return out


def _row(browser: Any, url: str) -> dict[str, Any]:
    page = browser.new_page(viewport={"width": 1100, "height": 700})
    page.goto(url)
    got = page.evaluate(
        """() => {
          const list = document.querySelector('.mr-navtabs__list');
          const tab = list.querySelector('[data-active]').getBoundingClientRect();
          const row = list.getBoundingClientRect();
          return {inside: tab.left >= row.left && tab.right <= row.right,
                  overflows: list.scrollWidth > list.clientWidth, pageY: window.scrollY,
                  start: list.hasAttribute('data-fade-start'),
                  end: list.hasAttribute('data-fade-end'),
                  mask: getComputedStyle(list).maskImage};
        }"""
    )
    page.close()
    return got


def test_the_last_tab_is_scrolled_into_view(browser: Any, site: Path) -> None:
    got = _row(browser, (site / "t8" / "a" / "index.html").as_uri())
    assert got["overflows"] and got["inside"] and got["pageY"] == 0
    assert got["start"] and not got["end"] and got["mask"] != "none"


def test_the_first_tab_fades_at_the_end(browser: Any, site: Path) -> None:
    got = _row(browser, (site / "t0" / "a" / "index.html").as_uri())
    assert got["inside"] and not got["start"] and got["end"] and got["mask"] != "none"
