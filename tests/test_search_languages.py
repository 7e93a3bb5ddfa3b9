"""Search in Spanish, French and Chinese on the real mintlify-docs build, in headless Chromium.

From file:// with every other request blocked, the queries of `search_queries_i18n.json` find
their expected page among the first five, and the browser's top 10 (refs and scores) equals the
Python reference search (`mintrender.index.query.reference_search`) over the same payload. The
scope switch searches every language. Query times in the browser are printed (median per
language), never asserted.
"""

from __future__ import annotations

import json
import os
import statistics
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lunr.index import Index
from sitekit import shared_build
from test_search_support import (
    MINTLIFY,
    REPO,
    block_network,
    browser,
    chromium_path,
    read_index_script,
    type_query,
)

from mintrender.index.query import Vocabulary, reference_search, vocabulary
from mintrender.index.search import decode_payload, query_string

pytestmark = [
    pytest.mark.browser,
    pytest.mark.corpus,
    pytest.mark.skipif(chromium_path() is None, reason="no chromium executable on PATH"),
]

CASES = json.loads((REPO / "tests" / "search_queries_i18n.json").read_text(encoding="utf-8"))
LANGUAGES = CASES["languages"]
TIMES: dict[str, list[float]] = {}


@pytest.fixture(scope="module")
def site() -> Path:
    prebuilt = os.environ.get("MR_MINTLIFY_SITE")
    if prebuilt:  # an offline build of the corpus made with this checkout (faster reruns)
        return Path(prebuilt)
    built = shared_build(MINTLIFY, "--offline")  # once per test run
    assert built.report, built.stderr[-2000:]  # no report: a fatal error, nothing was built
    return built.out


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with browser() as b:
        yield b


def _reference(site: Path, language: str) -> tuple[dict[str, Any], Index, Vocabulary]:
    payload = read_index_script(site / "_mintrender" / f"search-index-{language}.js")
    return payload, Index.load(decode_payload(payload)), vocabulary(payload)


def _open(chromium: Any, home: Path) -> tuple[Any, list[str]]:
    page = chromium.new_page()
    blocked = block_network(page)
    page.goto(home.as_uri())
    page.wait_for_function("window.mrSearch !== undefined")
    page.keyboard.press("Control+K")
    page.wait_for_selector(".mr-search__input", state="visible")
    return page, blocked


def _page_of(payload: dict[str, Any], ref: str) -> str:
    return str(payload["pages"][payload["docs"][int(ref)][0]][0])


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_queries_find_their_page_and_match_python(chromium: Any, site: Path, language: str) -> None:
    payload, index, vocab = _reference(site, language)
    assert payload["format"] == "mintrender-search/2" and payload["language"] == language
    page, blocked = _open(chromium, site / language / "index.html")
    times: list[float] = []
    for case in LANGUAGES[language]:
        typed = case["typed"]
        rows = type_query(page, typed, query_string(typed))
        times.append(float(page.get_attribute(".mr-search__results", "data-ms") or "nan"))
        want = reference_search(index, vocab, typed)[:10]
        assert [(r["ref"], r["score"]) for r in rows] == [(ref, s) for ref, s in want], typed
        pages: list[str] = []
        for row in rows:
            url = _page_of(payload, row["ref"])
            if url not in pages:
                pages.append(url)
        assert case["expected"] in pages[:5], (typed, pages[:5])
        hrefs = [r["href"] for r in rows]
        assert all(h.startswith("../") and h.split("#")[0].endswith("index.html") for h in hrefs)
    # the page content links remote images; nothing of the search went to the network
    assert [u for u in blocked if "_mintrender" in u or "search" in u] == []
    TIMES[language] = times
    print(
        f"\n{language}: {len(times)} queries, browser median {statistics.median(times):.2f} ms,"
        f" max {max(times):.2f} ms"
    )
    page.close()


def test_browser_text_pipeline_matches_python(chromium: Any, site: Path) -> None:
    """fold + tokens (bigrams) in JS give Python's words for every page text of es, fr, zh."""
    from mintrender.index.text import tokens

    texts: list[str] = []
    for language in ("es", "fr", "zh"):
        for path in sorted((MINTLIFY / language).rglob("*.mdx"))[:120]:
            texts.append(path.read_text(encoding="utf-8"))
    page, _ = _open(chromium, site / "es" / "index.html")
    page.evaluate("mrSearch.load()")
    got = page.evaluate("ts => ts.map(t => mrSearchText.tokens(t, true))", texts)
    want = [tokens(t, bigrams=True) for t in texts]
    mismatches = [i for i, (g, w) in enumerate(zip(got, want, strict=True)) if g != w]
    assert mismatches == []
    page.close()


def test_scope_switch_searches_every_language(chromium: Any, site: Path) -> None:
    page, blocked = _open(chromium, site / "fr" / "index.html")
    rows = type_query(page, "domaine", query_string("domaine"))
    assert rows
    langs = page.eval_on_selector_all(".mr-search__result", "els => els.map(e => e.dataset.lang)")
    assert set(langs) == {"fr"}
    scope = page.locator(".mr-search__scope")
    assert scope.is_visible() and "Toutes les langues" in scope.inner_text()  # a French page
    page.check(".mr-search__scope-box")
    page.fill(".mr-search__input", "")
    page.type(".mr-search__input", "domain")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.mr-search__result')]"
        ".some(e => e.dataset.lang !== 'fr')"
    )
    langs = page.eval_on_selector_all(".mr-search__result", "els => els.map(e => e.dataset.lang)")
    assert "en" in langs
    crumbs = page.eval_on_selector_all(".mr-search__crumbs", "els => els.map(e => e.textContent)")
    assert any(c.startswith("English") for c in crumbs), crumbs
    # the page content links remote images; nothing of the search went to the network
    assert [u for u in blocked if "_mintrender" in u or "search" in u] == []
    page.close()
