"""The search UI ranks exactly like lunr.py: 30 typed queries on ModelsLab, in headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from test_search_support import (
    browser,
    chromium_path,
    load_queries,
    modelslab_site,
    open_search,
    type_query,
)

from renderer.search import query_string

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="no chromium executable on PATH"),
]

QUERIES = load_queries()


@pytest.fixture(scope="module")
def search_page() -> Iterator[Any]:
    site = modelslab_site()
    with browser() as b:
        page = b.new_page()
        open_search(page, site.home)
        yield page


def test_there_are_30_queries_of_every_kind() -> None:
    assert len(QUERIES) == 30
    assert {q["kind"] for q in QUERIES} == {"title", "api", "body", "prefix", "none"}


@pytest.mark.parametrize("item", QUERIES, ids=[q["typed"] for q in QUERIES])
def test_ui_top10_equals_lunr(search_page: Any, item: dict[str, str]) -> None:
    site = modelslab_site()
    typed = item["typed"]
    query = query_string(typed)
    assert search_page.evaluate("t => mrSearch.mapQuery(t)", typed) == query

    rows = type_query(search_page, typed, query)
    expected = site.index.search(query)[:10]

    assert [r["ref"] for r in rows] == [r["ref"] for r in expected]
    # Same doubles, not just the same order: the UI repeats lunr's arithmetic.
    assert [r["score"] for r in rows] == [r["score"] for r in expected]
    if item["kind"] == "none":
        assert rows == []
        status = search_page.inner_text(".mr-search__status")
        assert f"No results for “{typed.strip()}”" in status
    else:
        assert rows, f"{typed!r} should find something"


def test_full_result_lists_match_lunr(search_page: Any) -> None:
    """Beyond the top 10: every result, every score, tie order included."""
    site = modelslab_site()
    for item in QUERIES:
        query = query_string(item["typed"])
        got = search_page.evaluate(
            "q => mrSearch.search(q).then(r => r.map(x => [String(x.ref), x.score]))", query
        )
        want = [[r["ref"], r["score"]] for r in site.index.search(query)]
        assert got == want, item["typed"]
