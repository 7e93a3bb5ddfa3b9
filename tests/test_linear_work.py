"""Pages that once cost work growing with the square of their length: a docs page must never
make a build take minutes. Each test counts the work (Python lines run while the page is
parsed), never the time: the machine is shared, and a count does not vary between runs."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from mintrender.errors import Diagnostics
from mintrender.parse.mdx import parse_page
from tests.sitekit import build_site, minimal_config, write_site


def _work(text: str, tmp_path: Path, for_check: bool) -> int:
    """Python lines run (mintrender's and markdown-it's) to parse the page `text`."""
    count = 0

    def line(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return line

    def call(frame: FrameType, event: str, arg: Any) -> Any:
        return line

    found = Diagnostics()
    sys.settrace(call)
    try:
        parse_page(
            "page.mdx",
            text,
            docs_dir=tmp_path,
            diagnostics=found,
            read=lambda rel: None,
            for_check=for_check,
        )
    finally:
        sys.settrace(None)
    return count


def _assert_linear(page: Callable[[int], str], tmp_path: Path, n: int) -> None:
    """The work of `page(n)`, `page(2n)` and `page(4n)`: the second doubling costs at most
    2.5 times the first (twice for linear work, four times for quadratic), whatever the
    constant cost of a page is."""
    for for_check in (True, False):
        _work(page(n // 4), tmp_path, for_check)  # caches and compiled patterns warm
        one, two, four = (_work(page(k), tmp_path, for_check) for k in (n, 2 * n, 4 * n))
        assert four - two <= 2.5 * (two - one), (for_check, one, two, four)


UNCLOSED = {
    "span": lambda i: f"text <span> {i}",
    "anchor": lambda i: f"see <a> {i}",
    "tooltip": lambda i: f'text <Tooltip tip="x"> {i}',
    "generic": lambda i: f"Returns List<String> value {i}",
    "names": lambda i: f"text <x{i}> {i}",
    "line-start": lambda i: f"<Foo{i % 3}> value {i}",
    "some-closed": lambda i: f"a <span>b</span> <span> <b>c</b> {i}",
}
"""One line of a paragraph holding an element never closed (`some-closed`: one of two)."""


def _paragraph(kind: str) -> Callable[[int], str]:
    return lambda n: "Intro\n" + "\n".join(UNCLOSED[kind](i) for i in range(n)) + "\n"


@pytest.mark.parametrize("kind", list(UNCLOSED))
def test_unclosed_elements_in_one_paragraph_cost_linear_work(tmp_path: Path, kind: str) -> None:
    """Each unclosed opener searched for its closing tag to the end of its paragraph: 2,000
    `<span>`s took 16 s, 1,000 lines of `Returns List<String> value` 18 s."""
    _assert_linear(_paragraph(kind), tmp_path, 100)


@pytest.mark.parametrize("kind", list(UNCLOSED))
def test_each_unclosed_element_is_still_reported_once_where_it_is(
    tmp_path: Path, kind: str
) -> None:
    text = _paragraph(kind)(30)
    docs = write_site(tmp_path / "docs", {"page.mdx": text}, minimal_config(["page"]))
    result = build_site(docs, tmp_path / "out")
    found = [(d.line, d.column) for d in result.diagnostics if d.code == "jsx-unclosed"]
    lines = text.splitlines()
    opener = {"names": "<x", "line-start": "<Foo", "generic": "<String>"}.get(kind, "<")
    if kind == "some-closed":
        expected = [(n + 1, lines[n].index("<span> <b>") + 1) for n in range(1, 31)]
    else:
        expected = [(n + 1, lines[n].index(opener) + 1) for n in range(1, 31)]
    assert found == expected
    html = (tmp_path / "out" / "page" / "index.html").read_text()
    assert "Intro" in html and " 29" in html


def test_closing_tags_still_pair_with_their_own_openers(tmp_path: Path) -> None:
    """What one search learns is kept for the openers after it: nested, unclosed and closed
    ones of one name in one paragraph pair as before."""
    text = (
        "A <span>one <span>two</span> three <span>four\n"
        "five</span> six <span>seven <span>eight</span></span>\n"
    )
    docs = write_site(tmp_path / "docs", {"page.mdx": text}, minimal_config(["page"]))
    result = build_site(docs, tmp_path / "out")
    found = [(d.line, d.column) for d in result.diagnostics if d.code == "jsx-unclosed"]
    assert found == [(1, 3)]
    html = (tmp_path / "out" / "page" / "index.html").read_text()
    body = html[html.index("A <span>") :]
    assert body.startswith(  # the unclosed one is empty, as after any unclosed element
        "A <span></span>one <span>two</span> three <span>four\nfive</span> six "
        "<span>seven <span>eight</span></span></p>"
    )


LISTS = {
    "dash": lambda i: f"- item {i}",
    "star": lambda i: f"* item {i}",
    "ordered": lambda i: f"{i + 1}. item {i}",
    "paren": lambda i: f"{i + 1}) item {i}",
    "two-lines": lambda i: f"- item {i}\n  more of item {i}",
    "quoted": lambda i: f"> - item {i}",
}


@pytest.mark.parametrize("kind", list(LISTS))
def test_a_long_flat_list_costs_linear_work(tmp_path: Path, kind: str) -> None:
    """Each item's paragraph looked for an indented block in every line after it, to the end
    of the list: 16,000 items took a minute."""
    _assert_linear(lambda n: "\n".join(LISTS[kind](i) for i in range(n)) + "\n", tmp_path, 150)
