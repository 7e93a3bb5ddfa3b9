"""The offline bundle in headless Chromium from `file://`, with every non-file request blocked.

Walks the home page, sidebar links of every tab, an API page, search (Ctrl+K, type, Enter) and
the dark-mode toggle, recording failed requests and console errors.

Network policy: nothing of ours may touch the network. ModelsLab's own `scripts/jsonld.js` only
inserts JSON-LD `<script>` elements (no request), so it stays. Its `styles.css` `@import`s a
Google font: the offline bundle drops that import (the theme's system font stack applies). A
few ModelsLab pages show images hosted on assets.modelslab.ai (`![](https://…)` in the MDX):
those are the author's content, cannot load offline, and are the only blocked requests
accepted, and only when the URL is written in the page sources.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from sitekit import offline_build, reload_once_stored
from test_offline_common import CHROMIUM, CHROMIUM_ARGS, MODELSLAB, build_into, make_fixture

pytestmark = pytest.mark.browser


class Recorder:
    """Failed requests and console errors, classified."""

    def __init__(self, author_urls: set[str]) -> None:
        self.author_urls = author_urls
        self.blocked_ok: list[str] = []
        self.problems: list[tuple[str, str, str]] = []
        self.url = ""

    def route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(("file://", "data:", "blob:", "about:")):
            route.continue_()
            return
        route.abort()
        if url in self.author_urls:
            self.blocked_ok.append(url)
        else:
            self.problems.append(("network", url, self.url))

    def request_failed(self, request: Any) -> None:
        url, failure = request.url, request.failure or ""
        if not url.startswith("file://"):
            return  # handled in route()
        path = Path(re.sub(r"^file://", "", url.split("#")[0].split("?")[0]))
        from urllib.parse import unquote

        if "ERR_ABORTED" in failure and Path(unquote(str(path))).exists():
            return  # a navigation cancelled the load of an existing file (favicon, image)
        self.problems.append(("failed", url, failure))

    def console(self, msg: Any) -> None:
        if msg.type != "error":
            return
        if msg.text.startswith("Failed to load resource") and self.blocked_ok:
            return  # the author's remote images, blocked above
        self.problems.append(("console", msg.text, self.url))

    def page_error(self, err: Any) -> None:
        self.problems.append(("pageerror", str(err), self.url))


def author_remote_urls(docs: Path) -> set[str]:
    urls: set[str] = set()
    for path in [*docs.rglob("*.md*"), *docs.rglob("*.css")]:
        urls.update(re.findall(r"https?://[^\s)\"'<>]+", path.read_text(errors="replace")))
    return urls


def walk(out: Path, docs: Path, *, per_tab: int, api_page: str | None) -> dict[str, Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    rec = Recorder(author_remote_urls(docs))
    visited: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            context.route("**/*", rec.route)
            page = context.new_page()
            page.on("requestfailed", rec.request_failed)
            page.on("console", rec.console)
            page.on("pageerror", rec.page_error)

            def visit(url: str) -> None:
                rec.url = url
                page.goto(url, wait_until="load")
                assert page.url.startswith("file://"), url
                assert page.locator("#content-area").count() == 1, url
                visited.append(url)

            visit((out / "index.html").as_uri())
            tabs = page.eval_on_selector_all(".nav-tabs a[href]", "els => els.map(e => e.href)")
            tabs = [t for t in dict.fromkeys(tabs) if t.startswith("file://")]
            for tab in tabs or [page.url]:
                visit(tab)
                links = page.eval_on_selector_all("#sidebar a[href]", "els => els.map(e => e.href)")
                links = [u for u in dict.fromkeys(links) if u.startswith("file://")]
                for u in links:
                    assert u.split("#")[0].endswith("/index.html") or u.endswith(".html"), u
                step = max(1, len(links) // per_tab) if per_tab else 1
                for u in links[::step]:
                    visit(u)
                # a real click on the first sidebar link of the tab
                if links:
                    page.goto(tab)
                    first = page.locator("#sidebar a[href]:not([target])").first
                    if first.count() and first.is_visible():
                        first.click()
                        page.wait_for_load_state("load")
                        assert page.url.startswith("file://")
            if api_page:
                visit((out / api_page).as_uri())
                assert page.locator("body.mr-is-api, .mr-api, [data-component^=api]").count() >= 1

            # search: Ctrl+K, type, Enter
            visit((out / "index.html").as_uri())
            page.keyboard.press("Control+K")
            page.wait_for_selector(".mr-search input", state="visible", timeout=5000)
            page.keyboard.type("quickstart" if per_tab == 0 else "text to image")
            page.wait_for_selector(".mr-search__result[role=option]", timeout=10000)
            before = page.url
            page.keyboard.press("Enter")
            page.wait_for_url(lambda u: u != before, timeout=10000)
            page.wait_for_load_state("load")
            search_target = page.url
            assert search_target.startswith("file://") and ".html" in search_target

            # dark mode toggles, and the choice survives a reload
            rec.url = page.url
            was_dark = page.evaluate("document.documentElement.classList.contains('dark')")
            page.click("[data-component=theme-toggle]")
            now_dark = page.evaluate("document.documentElement.classList.contains('dark')")
            assert now_dark != was_dark
            reload_once_stored(page, "mr-theme")  # Chromium stores asynchronously (sitekit)
            assert page.evaluate("document.documentElement.classList.contains('dark')") == now_dark
        finally:
            browser.close()
    return {
        "visited": visited,
        "problems": rec.problems,
        "blocked_author_urls": sorted(set(rec.blocked_ok)),
        "search_target": search_target,
        "tabs": tabs,
    }


@pytest.fixture(autouse=True)
def _need_chromium() -> None:
    if not CHROMIUM:
        pytest.skip("chromium is not installed")


def test_fixture_offline_in_browser(tmp_path: Path) -> None:
    docs = make_fixture(tmp_path / "src")
    out = tmp_path / "site"
    result = build_into(docs, out, mode="offline")
    report = walk(out, docs, per_tab=0, api_page="api/create/index.html")
    assert not report["problems"], report["problems"]
    # the tests reach no network: what could not be downloaded into the bundle was warned about
    warned = " ".join(d.message for d in result.diagnostics if d.code == "remote-asset")
    assert all(url in warned for url in report["blocked_author_urls"])
    assert len(report["tabs"]) == 2
    assert (
        report["search_target"].endswith("quickstart/index.html")
        or "quickstart" in (report["search_target"])
    )


@pytest.mark.corpus
def test_modelslab_offline_in_browser() -> None:
    if not MODELSLAB.is_dir():
        pytest.skip("ModelsLab corpus not available")
    result = offline_build(MODELSLAB)  # once per test run, shared with the other tests
    assert result.report, result.stderr[-2000:]  # no report: a fatal error, nothing was built
    out = result.out
    api = [r for r in result.pages if r.kind == "api"]
    largest = max(api, key=lambda r: (out / r.output_path).stat().st_size) if api else None
    report = walk(out, MODELSLAB, per_tab=15, api_page=largest.output_path if largest else None)
    assert not report["problems"], report["problems"][:20]
    assert len(report["tabs"]) >= 5
    assert len(report["visited"]) >= 40
    print(
        f"visited {len(report['visited'])} pages; blocked author images: "
        f"{report['blocked_author_urls']}"
    )
