"""The search UI ranks exactly like lunr.py: 30 typed queries on ModelsLab, in headless Chromium.

Typed text is ranked by lunr's search of its query string, then (several words) by the share of
the words each result matched: `mintrender.index.query.reference_search`, itself lunr.py's
`Index.query` underneath. `mrSearch.search` is lunr's search of a query string alone."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_search_support import (
    browser,
    chromium_path,
    load_queries,
    modelslab_site,
    open_search,
    type_query,
    write_test_site,
)

from mintrender.index.query import reference_search, vocabulary
from mintrender.index.search import (
    SearchSection,
    build_lunr_index,
    build_search_index,
    normalize_text,
    query_string,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="no chromium executable on PATH"),
]

QUERIES = load_queries()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with browser() as b:
        yield b


@pytest.fixture(scope="module")
def search_page(chromium: Any) -> Any:
    page = chromium.new_page()
    open_search(page, modelslab_site().home)
    return page


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
    expected = reference_search(site.index, vocabulary(site.payload), typed)[:10]
    if len(normalize_text(typed).split()) == 1:  # one word: lunr's own ranking, untouched
        assert expected == [(r["ref"], r["score"]) for r in site.index.search(query)[:10]]

    assert [r["ref"] for r in rows] == [ref for ref, _ in expected]
    # Same doubles, not just the same order: the UI repeats lunr's arithmetic.
    assert [r["score"] for r in rows] == [score for _, score in expected]
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


MULTILINGUAL = [
    (
        "/zh/install",
        "",
        "安装指南",
        "如何安装 Mintlify CLI：运行 npm i -g mint，然后启动本地预览。",
    ),
    ("/zh/api-key", "", "API 密钥", "在控制台创建 API 密钥，并在请求头中发送。"),
    (
        "/ja/quickstart",
        "",
        "クイックスタート",
        "数分でドキュメントをデプロイします。テーマを選択。",
    ),
    ("/de/uebersicht", "", "Übersicht", "Schnellstart für Entwickler: Größe, Straße, naïve café."),
    (
        "/en/running",
        "tests",
        "Running tests",
        "Runners run; the runner is running fast — 1080p, v6.",
    ),
    ("/ko/guide", "", "가이드 문서", "한국어 검색 테스트 문서입니다."),
]


def test_small_multilingual_index_matches_lunr(chromium: Any, tmp_path: Path) -> None:
    sections = [SearchSection(u, a, t, t, x, ("Docs",)) for u, a, t, x in MULTILINGUAL]
    files = build_search_index(sections)
    home = write_test_site(tmp_path, sections, files)
    index = build_lunr_index(sections)
    vocab = vocabulary(json.loads(files.index_json))
    typed_queries = [
        "安装",
        "如何安",
        "API 密钥",
        "クイック",
        "デプロイ",
        "übersicht",
        "grösse",
        "Größe",
        "strasse",
        "café naïve",
        "runner",
        "running tests ",
        "run",
        "한국어",
        "1080",
        "v6",
    ]
    page = chromium.new_page()
    open_search(page, home)
    for typed in typed_queries:
        query = query_string(typed)
        assert page.evaluate("t => mrSearch.mapQuery(t)", typed) == query, typed
        rows = type_query(page, typed, query)
        want = reference_search(index, vocab, typed)[:10]
        assert [(r["ref"], r["score"]) for r in rows] == want, typed
    rows = type_query(page, "安装", query_string("安装"))
    marks = page.eval_on_selector_all(
        ".mr-search__result mark", "els => els.map(e => e.textContent)"
    )
    assert rows and set(marks) == {"安", "装"}
