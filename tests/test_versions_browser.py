"""Versions listing the same pages, in headless Chromium: the version selector switches the
navigation on the same URL, the choice is remembered on the next pages (and a page of one
version makes it the reader's), from file:// (offline) and under a base URL; without JS the
first version shows."""

from __future__ import annotations

import functools
import http.server
import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sitekit import goto_once_stored
from test_versions import versions_site

pytestmark = pytest.mark.browser


def _version(page: Any) -> str:
    return page.locator(".mr-sidebar .mr-select__button .mr-select__label").first.inner_text()


def _choose(page: Any, label: str) -> None:
    page.locator(".mr-sidebar details.mr-select summary").first.click()
    page.locator(f'.mr-sidebar a[data-mr-version="{label}"]').first.click()


def _sidebar(page: Any) -> str:
    return page.locator(".mr-sidebar .mr-nav").inner_text()


def _next(page: Any) -> str:
    return page.locator(".mr-pagination__link--next").inner_text().strip()


def _switch_and_remember(page: Any, url: str, other: str) -> None:
    page.goto(url)
    assert _version(page) == "MainNet" and "Main guide" in _sidebar(page)
    assert _next(page) == "Setup"
    _choose(page, "TestNet")
    page.wait_for_function("document.querySelector('meta[name=mr-version]').content === 'TestNet'")
    assert page.url == url  # the same page, no reload
    assert _version(page) == "TestNet" and "Test guide" in _sidebar(page)
    assert _next(page) == "Test only"
    assert page.evaluate("localStorage.getItem('mr-version')") == "TestNet"
    # a shared page reached from TestNet's sidebar keeps TestNet
    goto_once_stored(page, other, "mr-version")
    assert _version(page) == "TestNet" and "Test guide" in _sidebar(page)
    # back to MainNet, in place
    _choose(page, "MainNet")
    page.wait_for_function("document.querySelector('meta[name=mr-version]').content === 'MainNet'")
    assert "Main guide" in _sidebar(page)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {
        "offline": versions_site(tmp_path_factory.mktemp("offline"), mode="offline"),
        "base": versions_site(tmp_path_factory.mktemp("base"), base_url="/docs/"),
    }


@pytest.fixture(scope="module")
def served(sites: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base-URL build served at /docs/."""
    root = tmp_path_factory.mktemp("srv")
    (root / "docs").symlink_to(sites["base"], target_is_directory=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a: None  # type: ignore[attr-defined]
    with socketserver.TCPServer(("127.0.0.1", 0), handler) as srv:
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{srv.server_address[1]}/docs/"
        srv.shutdown()


def test_switching_versions_from_file(browser: Any, sites: dict[str, Path]) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    out = sites["offline"]
    _switch_and_remember(
        page, (out / "intro" / "index.html").as_uri(), (out / "setup" / "index.html").as_uri()
    )
    # a page only MainNet lists shows MainNet, and makes it the reader's version
    page.locator('.mr-sidebar .mr-nav a:has-text("Main only")').click()
    page.wait_for_load_state()
    assert _version(page) == "MainNet"
    assert page.evaluate("localStorage.getItem('mr-version')") == "MainNet"
    assert errors == []
    page.close()


def test_switching_versions_under_a_base_url(browser: Any, served: str) -> None:
    page = browser.new_page()
    _switch_and_remember(page, served + "intro/", served + "setup/")
    # the search looks in the chosen version's index
    _choose(page, "TestNet")
    page.wait_for_function("document.querySelector('meta[name=mr-version]').content === 'TestNet'")
    index = page.locator('meta[name="mr-search-index"]').get_attribute("content")
    assert index.startswith("/docs/_mintrender/") and "TestNet" in index
    page.close()


def test_without_js_the_first_version_shows(browser: Any, served: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "intro/")
    assert _version(page) == "MainNet" and "Main guide" in _sidebar(page)
    assert not page.locator("[data-mr-versions]").is_visible()
    context.close()


def test_a_page_back_from_the_page_cache_shows_the_version_chosen_since(
    browser: Any, sites: dict[str, Path]
) -> None:
    """Left in MainNet, TestNet chosen on another page, then Back: the page came from the
    browser's page cache still in MainNet (the next sidebar click jumped to TestNet)."""
    page = browser.new_page()
    page.goto((sites["offline"] / "intro" / "index.html").as_uri())
    assert _version(page) == "MainNet"
    page.evaluate("localStorage.setItem('mr-version', 'TestNet')")  # chosen elsewhere since
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert _version(page) == "TestNet" and "Test guide" in _sidebar(page)
    assert page.locator('meta[name="mr-version"]').get_attribute("content") == "TestNet"
    page.close()


def test_a_version_with_tabs_brings_its_tab_row_to_a_page_without_one(
    browser: Any, tmp_path: Path
) -> None:
    """v1 has no tabs, v2 has Docs | API, both list `setup`: choosing v2 on `/setup/` left out
    v2's tab row (the page had no row to fill), so its API tab could not be reached."""
    import json

    from sitekit import build_site, write_site

    v2_tabs = [
        {"tab": "Docs", "groups": [{"group": "Start", "pages": ["intro", "setup"]}]},
        {"tab": "API", "groups": [{"group": "Ref", "pages": ["ref/api"]}]},
    ]
    nav = {
        "versions": [
            {"version": "v1", "groups": [{"group": "Start", "pages": ["intro", "setup"]}]},
            {"version": "v2", "tabs": v2_tabs},
        ]
    }
    config = {"name": "T", "theme": "mint", "colors": {"primary": "#0D9373"}, "navigation": nav}
    names = ("intro", "setup", "ref/api")
    files = {f"{n}.mdx": f"---\ntitle: {n}\n---\n\nText.\n" for n in names}
    docs = write_site(tmp_path / "docs", files, json.loads(json.dumps(config)))
    build_site(docs, tmp_path / "out", mode="offline")
    page = browser.new_page()
    page.goto((tmp_path / "out" / "setup" / "index.html").as_uri())
    has_tabs = "document.documentElement.classList.contains('mr-has-tabs')"
    assert page.locator(".mr-navtabs li").count() == 0 and not page.evaluate(has_tabs)
    _choose(page, "v2")
    page.wait_for_function("document.querySelector('meta[name=mr-version]').content === 'v2'")
    assert page.locator(".mr-navtabs li").all_inner_texts() == ["Docs", "API"]
    assert page.evaluate(has_tabs)  # the layout makes room for the row
    _choose(page, "v1")
    page.wait_for_function("document.querySelector('meta[name=mr-version]').content === 'v1'")
    assert page.locator(".mr-navtabs li").count() == 0 and not page.evaluate(has_tabs)
    page.close()
