"""`new Date`, `Date.now`/`Date.parse` and `Intl` formats in the build-time expression subset
(renderer/parse/jsdate.py). Expected values are Node.js 20's for the same expressions, with
TZ=UTC (a site is drawn once, at build time, in UTC)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from mintrender.parse.expr import ExprError
from mintrender.parse.expreval import eval_js
from tests.sitekit import build_site, minimal_config, write_site

SCOPE = {"d": eval_js('new Date("2024-03-05T14:07:09.045Z")', {})}

NODE = [
    ("d.getFullYear()", 2024),
    ("d.getMonth()", 2),
    ("d.getDate()", 5),
    ("d.getDay()", 2),
    ("d.getHours()", 14),
    ("d.getMinutes()", 7),
    ("d.getSeconds()", 9),
    ("d.getMilliseconds()", 45),
    ("d.getTime()", 1709647629045),
    ("d.toISOString()", "2024-03-05T14:07:09.045Z"),
    ("d.toDateString()", "Tue Mar 05 2024"),
    ("d.toUTCString()", "Tue, 05 Mar 2024 14:07:09 GMT"),
    ("String(d)", "Tue Mar 05 2024 14:07:09 GMT+0000 (Coordinated Universal Time)"),
    ("d.toLocaleDateString()", "3/5/2024"),
    ('d.toLocaleDateString("en-US")', "3/5/2024"),
    ('d.toLocaleDateString("en-GB")', "05/03/2024"),
    ("d.toLocaleString()", "3/5/2024, 2:07:09 PM"),
    ('d.toLocaleString("en-GB")', "05/03/2024, 14:07:09"),
    ("d.toLocaleTimeString()", "2:07:09 PM"),
    ('d.toLocaleTimeString("en-GB")', "14:07:09"),
    (
        'd.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric" })',
        "March 5, 2024",
    ),
    (
        'd.toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric" })',
        "Mar 5, 2024",
    ),
    (
        'd.toLocaleDateString("en-US", { weekday: "long", year: "numeric", month: "long", day: "numeric" })',
        "Tuesday, March 5, 2024",
    ),
    (
        'd.toLocaleDateString("en-GB", { year: "numeric", month: "long", day: "numeric" })',
        "5 March 2024",
    ),
    (
        'd.toLocaleDateString("en-GB", { weekday: "long", year: "numeric", month: "long", day: "numeric" })',
        "Tuesday, 5 March 2024",
    ),
    ('d.toLocaleDateString("en-US", { month: "long", year: "numeric" })', "March 2024"),
    ('d.toLocaleDateString("en-US", { month: "long" })', "March"),
    ('d.toLocaleDateString("en-US", { year: "numeric" })', "2024"),
    (
        'd.toLocaleDateString("en-US", { month: "2-digit", day: "2-digit", year: "numeric" })',
        "03/05/2024",
    ),
    (
        'd.toLocaleDateString("en-US", { year: "2-digit", month: "numeric", day: "numeric" })',
        "3/5/24",
    ),
    ('d.toLocaleDateString("en-US", { weekday: "short" })', "Tue"),
    ("new Date(2024, 0, 31).toISOString()", "2024-01-31T00:00:00.000Z"),
    ("new Date(2024, 13, 1).toISOString()", "2025-02-01T00:00:00.000Z"),
    ("new Date(2024, 1, 30, 25).toISOString()", "2024-03-02T01:00:00.000Z"),
    ("new Date(0).toISOString()", "1970-01-01T00:00:00.000Z"),
    ('new Date("2024-05-01").getTime()', 1714521600000),
    ('new Date("2024-05-01T10:00:00+02:00").toISOString()', "2024-05-01T08:00:00.000Z"),
    ('new Date("December 17, 2024").getDate()', 17),
    ('new Date("nonsense").getFullYear()', math.nan),
    ('String(new Date("nonsense"))', "Invalid Date"),
    ('Date.parse("2024-05-01")', 1714521600000),
    ('new Date("2024-05-01") - new Date("2024-04-01")', 2592000000),
    ('new Intl.NumberFormat("en-US").format(1234567.891)', "1,234,567.891"),
    (
        'new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" }).format(1234.5)',
        "1.234,50\xa0€",
    ),
    ('new Intl.NumberFormat("en-US", { style: "percent" }).format(0.256)', "26%"),
    (
        'new Intl.DateTimeFormat("en-US", { dateStyle: undefined, year: "numeric", month: "long", day: "numeric" }).format(d)',
        "March 5, 2024",
    ),
]


@pytest.mark.parametrize(("source", "expected"), NODE, ids=[s for s, _ in NODE])
def test_as_node_writes_it(source: str, expected: Any) -> None:
    got = eval_js(source, SCOPE)
    if isinstance(expected, float) and math.isnan(expected):
        assert isinstance(got, float) and math.isnan(got)
    else:
        assert got == expected


def test_now_is_the_build_time_or_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    assert eval_js("new Date().getFullYear()", {}) == 2026
    assert eval_js("Date.now()", {}) == 1767225600000
    assert eval_js("new Date().toISOString()", {}) == "2026-01-01T00:00:00.000Z"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    year = eval_js("new Date().getFullYear()", {})
    assert isinstance(year, int) and year >= 2026


def test_what_it_cannot_write_is_an_error_not_a_guess() -> None:
    with pytest.raises(ExprError):
        eval_js('d.toLocaleDateString("fr-FR")', SCOPE)  # only English dates
    with pytest.raises(ExprError):
        eval_js("d.setFullYear(2020)", SCOPE)
    with pytest.raises(ExprError):
        eval_js('new Date("nonsense").toISOString()', {})  # RangeError in JavaScript


def test_a_footer_year_on_a_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    page = (
        "---\ntitle: Home\n---\nexport const year = new Date().getFullYear();\n\n"
        "© {year} Example. Updated {new Date().toLocaleDateString('en-US', { month: 'long', "
        "year: 'numeric' })}.\n"
    )
    docs = write_site(tmp_path / "d", {"index.mdx": page}, minimal_config(["index"]))
    result = build_site(docs, tmp_path / "out")
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "© 2026 Example. Updated January 2026." in html
    assert [d for d in result.diagnostics if d.code == "mdx-expression"] == []
