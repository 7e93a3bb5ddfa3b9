"""Live reload in headless Chromium: an open page reloads by itself and keeps its scroll position."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mintrender.serve.server import PreviewServer

CHROMIUM = shutil.which("chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium executable on PATH"),
]

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


def long_page(marker: str = "") -> str:
    paragraphs = "\n\n".join(
        f"## Section {i}\n\nParagraph {i}. " + "Lorem ipsum dolor sit amet. " * 30
        for i in range(40)
    )
    return f"---\ntitle: Long page\n---\n\n{paragraphs}\n\n{marker}\n"


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[Path, PreviewServer]]:
    docs = tmp_path / "docs"
    docs.mkdir()
    config = {
        "name": "Browser",
        "theme": "mint",
        "navigation": {"groups": [{"group": "Start", "pages": ["index", "long"]}]},
    }
    (docs / "docs.json").write_text(json.dumps(config), encoding="utf-8")
    (docs / "index.mdx").write_text("---\ntitle: Home\n---\n\nHome.\n", encoding="utf-8")
    (docs / "long.mdx").write_text(long_page(), encoding="utf-8")
    server = PreviewServer(docs, port=0)
    server.start()
    try:
        yield docs, server
    finally:
        server.stop()


@pytest.fixture()
def page() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            context = browser.new_context(viewport={"width": 1200, "height": 800})
            yield context.new_page()
        finally:
            browser.close()


def test_open_page_reloads_after_an_edit_and_keeps_scroll(
    served: tuple[Path, PreviewServer], page: Any
) -> None:
    docs, server = served
    page.goto(server.url + "long/")
    page.wait_for_load_state("load")
    page.evaluate("window.scrollTo(0, 2000)")
    page.wait_for_function("Math.abs(window.scrollY - 2000) < 2")
    page.evaluate("window.__notReloaded = true")
    # wait until the page's long-poll is parked on the server before editing
    page.wait_for_timeout(300)
    (docs / "long.mdx").write_text(long_page("EDITED-IN-BROWSER"), encoding="utf-8")
    page.wait_for_function("document.body.innerText.includes('EDITED-IN-BROWSER')", timeout=30_000)
    page.wait_for_load_state("load")
    assert page.evaluate("window.__notReloaded === undefined")  # a real reload happened
    page.wait_for_function("Math.abs(window.scrollY - 2000) < 2", timeout=5_000)
    assert page.evaluate("sessionStorage.length") == 0  # the saved position was consumed
    assert page.evaluate("history.scrollRestoration") == "auto"


def test_overlay_appears_and_goes_away_in_the_browser(
    served: tuple[Path, PreviewServer], page: Any
) -> None:
    docs, server = served
    page.goto(server.url + "long/")
    page.wait_for_timeout(300)
    good = (docs / "long.mdx").read_text(encoding="utf-8")
    (docs / "long.mdx").write_text(good + "\n<Tabs>\n<Tab title='x'>\nopen\n", encoding="utf-8")
    overlay = page.locator("#mintrender-overlay")
    overlay.wait_for(state="visible", timeout=30_000)
    assert "long.mdx:" in overlay.inner_text()
    page.wait_for_timeout(300)
    (docs / "long.mdx").write_text(good, encoding="utf-8")
    overlay.wait_for(state="detached", timeout=30_000)
    assert page.locator("h2#section-39").count() == 1
