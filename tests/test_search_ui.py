"""The search modal in headless Chromium: offline from file://, keyboard, states, links."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_search_support import (
    block_network,
    browser,
    chromium_path,
    modelslab_site,
    open_search,
    serve,
    type_query,
)

from mintrender.index.search import query_string

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="no chromium executable on PATH"),
]


@pytest.fixture(scope="module")
def offline_site() -> Path:
    return modelslab_site(offline=True).home


@pytest.fixture(scope="module")
def hosted_site() -> Path:
    return modelslab_site(offline=False).home


@pytest.fixture()
def page() -> Iterator[Any]:
    with browser() as b:
        context = b.new_context()
        yield context.new_page()
        context.close()


def test_offline_ctrl_k_type_enter_lands_on_the_section(page: Any, offline_site: Path) -> None:
    blocked = block_network(page)
    page.goto(offline_site.as_uri())
    page.wait_for_function("window.mrSearch !== undefined")
    # Lazy: nothing of the index is loaded before the user asks for search.
    assert page.evaluate("window.__MR_SEARCH__ === undefined")
    assert page.locator("script[src*='search-index']").count() == 0

    page.keyboard.press("Control+K")
    page.wait_for_selector(".mr-search__input", state="visible")
    assert page.evaluate("document.activeElement.classList.contains('mr-search__input')")
    rows = type_query(page, "request queue limits", query_string("request queue limits"))
    assert rows[0]["href"] == "rate-limits/index.html#request-queue-limits"  # mr-root is ""

    page.keyboard.press("Enter")
    page.wait_for_url("**/rate-limits/index.html#request-queue-limits")
    assert page.url.startswith("file://")
    assert page.evaluate("location.hash") == "#request-queue-limits"
    heading = page.locator("#request-queue-limits")
    # Scrolled to the section: its heading sits just under the sticky header.
    assert page.evaluate("window.scrollY") > 0
    assert 0 <= heading.bounding_box()["y"] < 300
    # Nothing search needs leaves file:// (the site itself may ask for web fonts).
    assert [u for u in blocked if "_mintrender" in u or "search" in u] == []


def test_arrow_keys_move_the_selection_and_enter_opens_it(page: Any, offline_site: Path) -> None:
    open_search(page, offline_site)
    rows = type_query(page, "webhook", query_string("webhook"))
    assert len(rows) >= 3
    selected = "document.querySelector('.mr-search__result[aria-selected=true]').dataset.rank"
    # Selection moves in screen order (grouped by page); rank 0 is always first on screen.
    assert page.evaluate(selected) == "0"
    order = page.eval_on_selector_all(".mr-search__result", "els => els.map(e => e.dataset.rank)")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert page.evaluate(selected) == order[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")  # wraps to the last result
    assert page.evaluate(selected) == order[-1]
    href = page.get_attribute(".mr-search__result[aria-selected=true]", "href")
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + href)


def test_escape_closes_and_restores_focus(page: Any, offline_site: Path) -> None:
    open_search(page, offline_site)
    page.keyboard.press("Escape")
    assert page.locator(".mr-search").is_hidden()
    assert page.evaluate("document.activeElement.dataset.component") == "search-trigger"
    page.click("[data-component=search-trigger]")
    assert page.locator(".mr-search__input").is_visible()
    page.click(".mr-search__backdrop", position={"x": 5, "y": 5})
    assert page.locator(".mr-search").is_hidden()


def test_no_results_state(page: Any, offline_site: Path) -> None:
    open_search(page, offline_site)
    assert type_query(page, "zzqx wvvy", "zzqx wvvy wvvy*") == []
    assert "No results for “zzqx wvvy”" in page.inner_text(".mr-search__status")
    type_query(page, "lora", "lora lora*")
    assert page.inner_text(".mr-search__status") == ""


def test_results_are_grouped_by_page_with_breadcrumb_and_highlights(
    page: Any, offline_site: Path
) -> None:
    payload = modelslab_site(offline=True).payload
    open_search(page, offline_site)
    rows = type_query(page, "voice clon", query_string("voice clon"))
    assert len(rows) == 10
    pages = []
    for row in rows:
        doc_page = payload["docs"][int(row["ref"])][0]
        if doc_page not in pages:
            pages.append(doc_page)
    groups = page.locator(".mr-search__group")
    assert groups.count() == len(pages)
    for i, doc_page in enumerate(pages):
        crumbs = payload["pages"][doc_page][2]
        head = groups.nth(i).locator(".mr-search__group-head").text_content()
        assert head == "›".join(crumbs)
    marks = page.eval_on_selector_all(
        ".mr-search__result mark", "els => els.map(e => e.textContent)"
    )
    assert {m.lower() for m in marks} >= {"voice", "cloning"}
    assert all(m.lower().startswith(("voice", "clon")) for m in marks)


def test_hosted_links_use_the_root_prefix(page: Any, hosted_site: Path) -> None:
    with serve(hosted_site.parent) as base:
        page.goto(base + "/rate-limits/")
        page.wait_for_function("window.mrSearch !== undefined")
        page.keyboard.press("Control+K")
        _check_hosted(page, base)


def _check_hosted(page: Any, base: str) -> None:
    rows = type_query(page, "request queue limits", query_string("request queue limits"))
    assert rows[0]["href"] == "/rate-limits/#request-queue-limits"
    tops = [r["href"] for r in type_query(page, "rate limits ", "rate limits")]
    assert "/rate-limits/" in tops
    page.keyboard.press("Enter")
    page.wait_for_url(base + "/rate-limits/")


def test_phone_width_modal_fits(page: Any, offline_site: Path) -> None:
    page.set_viewport_size({"width": 375, "height": 740})
    open_search(page, offline_site)
    type_query(page, "flux k", query_string("flux k"))
    box = page.locator(".mr-search__dialog").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert box["y"] >= 0 and box["y"] + box["height"] <= 740
    scroll_width = page.evaluate("document.querySelector('.mr-search__dialog').scrollWidth")
    assert scroll_width <= box["width"] + 1


MARKED_TEXTS = [
    "नमस्ते दुनिया, अपनी API कुंजी बनाएँ की है",
    "தமிழ் மொழி ஆவணங்கள்",
    "สวัสดีครับ ภาษาไทย",
    "বাংলা ভাষা_v6/text2img",
    "如何安装 नमस्ते API密钥",
    "cafe\u0301 Personnalisé Straße",
    "\u26a0\ufe0f Warning \u2705\ufe0f नमस्ते\ufe0f",  # an emoji's variation selector is no word
]


def test_browser_words_keep_combining_marks_like_python(page: Any, offline_site: Path) -> None:
    """The browser splits text into the words Python indexed: Devanagari, Tamil, Thai and
    Bengali words keep their vowel signs and viramas (both pipelines: English's query string
    and the other languages' tokens)."""
    from mintrender.index.text import tokens

    page.goto(offline_site.as_uri())
    page.wait_for_function("window.mrSearch !== undefined")
    page.evaluate("mrSearch.load()")
    page.wait_for_function("window.mrSearchText !== undefined")
    got = page.evaluate(
        "ts => ts.map(t => [mrSearch.mapQuery(t), mrSearchText.tokens(t, true),"
        " mrSearchText.tokens(t, false)])",
        MARKED_TEXTS,
    )
    want = [
        [query_string(t), tokens(t, bigrams=True), tokens(t, bigrams=False)] for t in MARKED_TEXTS
    ]
    assert got == want
    assert "नमस्ते" in got[0][0].split() and "नमस्ते" in got[0][1]


class _SlowSearchHandler(http.server.SimpleHTTPRequestHandler):
    """A host on which the search engine and its index take 0.8 s to arrive."""

    def do_GET(self) -> None:
        if "/_mintrender/search" in self.path or "search-index" in self.path:
            time.sleep(0.8)
        super().do_GET()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


def test_keys_typed_while_search_loads_are_kept_and_enter_waits(
    page: Any, hosted_site: Path
) -> None:
    """Ctrl+K then a quick query and Enter, while the engine is still on its way (a first
    visit): the query reaches the dialog whole (its first letters were lost) and Enter opens
    its first result once shown (it went to a stale result, or nowhere)."""
    handler = functools.partial(_SlowSearchHandler, directory=str(hosted_site.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        page.goto(base + "/")
        page.wait_for_function("window.mrSearch !== undefined")
        page.keyboard.press("Control+K")
        page.keyboard.type("request queue limits", delay=20)
        page.keyboard.press("Enter")
        page.wait_for_url(base + "/rate-limits/#request-queue-limits", timeout=15000)
        # clicked open, the same
        page.goto(base + "/")
        page.wait_for_function("window.mrSearch !== undefined")
        page.click('[data-component="search-trigger"]')
        page.keyboard.type("rate limits", delay=20)
        typed = (
            "q => document.querySelector('.mr-search__input') && "
            "document.querySelector('.mr-search__input').value === q"
        )
        page.wait_for_function(typed, arg="rate limits")
        # pasted, and typed over a select-all, while it loads: kept too (both were lost)
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        page.goto(base + "/")
        page.wait_for_function("window.mrSearch !== undefined")
        page.evaluate("navigator.clipboard.writeText('queue limits')")
        page.keyboard.press("Control+K")
        page.keyboard.type("xyz")
        page.keyboard.press("Control+A")
        page.keyboard.press("Control+V")
        page.wait_for_function(typed, arg="queue limits")
    finally:
        server.shutdown()
        server.server_close()
