"""Right-to-left pages in headless Chromium: the Arabic fixture site (tests/sites/rtl).

The Arabic pages get `dir="rtl"` and a mirrored layout (sidebar on the right, table of contents
on the left, chevrons flipped); code stays left to right; the language switcher moves between
directions. Screenshots of an RTL page (desktop 1440 and phone 390, light and dark) are written
to `$MR_SCREENSHOTS` when that variable names a folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from mintrender.build import build
from mintrender.model import BuildOptions

pytestmark = pytest.mark.browser

SITE = Path(__file__).resolve().parent / "sites" / "rtl"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("rtl-site")
    result = build(BuildOptions(docs_dir=SITE, out_dir=out, mode="offline"))
    assert result.fatal is None, result.fatal
    assert [d.format() for d in result.diagnostics if d.severity != "info"] == []
    return out


def _open(browser: Any, url: str, width: int, scheme: str = "light") -> Any:
    ctx = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.errors = errors
    return page


def _box(page: Any, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return dict(box)


def test_arabic_pages_are_rtl_and_english_pages_ltr(site: Path) -> None:
    ar = (site / "ar" / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl"' in ar
    assert '<html lang="en" dir="ltr"' in en


def test_sidebar_right_toc_left_code_ltr(browser: Any, site: Path) -> None:
    page = _open(browser, (site / "ar" / "index.html").as_uri(), 1440)
    sidebar, content = _box(page, "#sidebar"), _box(page, "#content-area")
    toc = _box(page, ".mr-toc")
    assert sidebar["x"] > content["x"] + content["width"] - 1, (sidebar, content)
    assert toc["x"] + toc["width"] <= content["x"] + 1, (toc, content)
    direction = "el => getComputedStyle(el).direction"
    assert page.eval_on_selector("#content-area", direction) == "rtl"
    assert page.eval_on_selector(".mr-prose pre", direction) == "ltr"
    assert page.eval_on_selector(".mr-prose p code", direction) == "ltr"
    # the code block reads left to right: its first line starts at its left edge
    pre, line = _box(page, ".mr-prose pre"), _box(page, ".mr-prose pre code")
    assert line["x"] - pre["x"] < 40, (pre, line)
    # list bullets and headings start on the right
    item, prose = _box(page, ".mr-prose li"), _box(page, ".mr-prose")
    assert prose["x"] + prose["width"] - (item["x"] + item["width"]) < 40
    # a chevron pointing along the reading direction is mirrored
    transform = page.eval_on_selector(
        ".mr-pagination .mr-ui-icon--chevron-right", "el => getComputedStyle(el).transform"
    )
    assert transform.startswith("matrix(-1"), transform
    assert page.errors == []
    page.context.close()


def test_english_page_keeps_sidebar_left(browser: Any, site: Path) -> None:
    page = _open(browser, (site / "en" / "index.html").as_uri(), 1440)
    sidebar, content = _box(page, "#sidebar"), _box(page, "#content-area")
    assert sidebar["x"] + sidebar["width"] <= content["x"] + 1
    page.context.close()


def test_language_switcher_moves_between_directions(browser: Any, site: Path) -> None:
    page = _open(browser, (site / "en" / "index.html").as_uri(), 1440)
    page.click(".mr-navbar .mr-languages summary")
    page.click('.mr-navbar .mr-languages a[hreflang="ar"]')
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.dir") == "rtl"
    sidebar, content = _box(page, "#sidebar"), _box(page, "#content-area")
    assert sidebar["x"] > content["x"]
    page.click(".mr-navbar .mr-languages summary")
    menu = _box(page, ".mr-navbar .mr-languages .mr-menu__list")
    assert menu["x"] >= 0 and menu["x"] + menu["width"] <= 1440, menu
    page.click('.mr-navbar .mr-languages a[hreflang="en"]')
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert page.errors == []
    page.context.close()


def test_phone_drawer_opens_from_the_right(browser: Any, site: Path) -> None:
    page = _open(browser, (site / "ar" / "index.html").as_uri(), 390)
    page.click(".mr-subbar__menu")
    page.wait_for_timeout(400)
    drawer = _box(page, "#sidebar")
    assert drawer["x"] + drawer["width"] >= 389, drawer
    assert drawer["x"] > 0, drawer
    page.context.close()


@pytest.mark.parametrize("width", [1440, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_rtl_screenshots(browser: Any, site: Path, width: int, scheme: str) -> None:
    page = _open(browser, (site / "ar" / "index.html").as_uri(), width, scheme)
    if scheme == "dark":
        assert page.evaluate("document.documentElement.classList.contains('dark')")
    folder = os.environ.get("MR_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"rtl-{width}-{scheme}.png"), full_page=False)
    # nothing spills past the viewport horizontally in either direction
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, overflow
    assert page.errors == []
    page.context.close()
