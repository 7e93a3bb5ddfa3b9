"""The scanners that jump over what they ignore give the plain reading's answers:
`find_close` (components/_jsxscan.py: a fence marker counts only at the start of a line, code
spans and comments are skipped, same-name elements nest) and `_statement_end`
(renderer/parse/statements.py)."""

from __future__ import annotations

import random
import re

import pytest

from mintrender.components._jsxparse import JsxSyntaxError, parse_tag
from mintrender.components._jsxscan import find_close
from mintrender.parse import statements

CASES = [
    ("<Note>\n```\n</Note>\n```\n</Note>\nafter", 23),  # the first </Note> is in a fence
    ("<Note>\n  ~~~\n  </Note>\n  ~~~\n</Note>", 29),
    ("<Note>\n> ```\n> </Note>\n> ```\n</Note>", 29),  # a fence in a blockquote
    ("<Note>a ```</Note>``` b</Note>", 23),  # ``` mid-line is a code span, not a fence
    ("<Note>`</Note>` {/* </Note> */} <Note>x</Note></Note>", 46),
    ("<Note>\n```\nnever closed\n</Note>", None),
    ("<Note>\n\n````\n```\n</Note>\n````\n</Note>", 30),  # a shorter marker does not close
]


@pytest.mark.parametrize(("src", "at"), CASES)
def test_find_close_skips_fences_code_and_comments(src: str, at: int | None) -> None:
    found = find_close(src, "Note", len("<Note>"), len(src), {})
    assert (found[0] if found else None) == at


def _reference(src: str, start: int) -> tuple[int, int] | None:
    """The plain reading of `find_close`'s rules for `<Note>`: every candidate from a
    `^`-anchored search, candidates inside a fence read and ignored one by one; a backtick run
    with a backtick after it on its line opens code spans, not a fence."""
    pattern = re.compile(r"</?Note(?=[\s/>])|^[ \t>]*(`{3,}|~{3,})|`+|\{/\*", re.M)
    depth, pos, fence = 1, start, None
    while m := pattern.search(src, pos):
        pos = m.end()
        if m.group(1):
            line_end = src.find("\n", m.end())
            rest = src[m.end() : line_end if line_end >= 0 else None]
            marker = m.group(1)
            if fence is None and marker[0] == "`" and "`" in rest:  # code spans (CommonMark 4.5)
                end, nl = src.find(marker, m.end()), src.find("\n\n", m.end())
                pos = end + len(marker) if end >= 0 and (nl < 0 or end < nl) else m.end()
            elif fence is None:
                fence = m.group(1)
            elif m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not rest.strip():
                fence = None
        elif fence is not None:
            continue
        elif m.group(0) == "{/*":
            end = src.find("*/", m.end())
            pos = end + 2 if end >= 0 else m.end()
        elif m.group(0).startswith("`"):
            end, nl = src.find(m.group(0), m.end()), src.find("\n\n", m.end())
            pos = end + len(m.group(0)) if end >= 0 and (nl < 0 or end < nl) else m.end()
        else:
            try:
                tag = parse_tag(src, m.start(), {})
            except JsxSyntaxError:
                continue
            depth += -1 if tag.closing else 0 if tag.self_closing else 1
            if depth == 0:
                return m.start(), tag.end
            pos = tag.end
    return None


def test_find_close_equals_the_plain_reading_on_random_text() -> None:
    rng = random.Random(15)
    parts = ["<Note>", "</Note>", "<Note/>", "\n", "\n\n", "```", "~~~", "`", "  ", "> ", "x"]
    parts += ["{/*", "*/", "<Notes>", "\n```\n", "\n  ~~~~\n", "\n````", "\n```js\n", "\t"]
    for _ in range(6000):
        src = "<Note>" + "".join(rng.choice(parts) for _ in range(rng.randint(1, 16)))
        assert find_close(src, "Note", 6, len(src), {}) == _reference(src, 6), repr(src)


def test_statement_end_skips_only_what_it_ignores(monkeypatch) -> None:
    """`_statement_end` jumps over runs of characters it ignores: the same ends as reading
    every character (its skip turned off: every character counted as one it reads)."""
    rng = random.Random(15)
    parts = ["export const A = ", "(", ")", "{", "}", "[", "]", "\n", "\n  ", "'", '"', "`"]
    parts += ["/*", "*/", "//", " x ", "=>", ",", "\\", ".map", "? a : b", "&&", "<div>", ";"]
    texts = ["".join(rng.choice(parts) for _ in range(rng.randint(1, 24))) for _ in range(5000)]
    fast = [statements._statement_end(text, 0) for text in texts]
    monkeypatch.setattr(statements, "_STATEMENT_CHARS", frozenset("".join(parts) + "\n"))
    assert [statements._statement_end(text, 0) for text in texts] == fast


def test_jsx_text_apostrophes_are_no_strings() -> None:
    """`find_brace_end` and `jsx_end` read JSX where an operand starts: "Don't" in its text
    opens no string; `a < b` is no JSX."""
    from mintrender.components._jsxparse import find_brace_end, jsx_end

    for src in (
        "{ok && <p>Don't</p>}",
        "{items.map((i) => <li key={i}>It's {i}</li>)}",
        "{<>One's <b>two</b></>}",
        "{ok ? <a href='/x'>we're</a> : null}",
        "{a < b && c > d}",
        "{x<y ? 'p' : 'q'}",
    ):
        assert find_brace_end(src + " after }", 0) == len(src), src
    text = "return (\n  <div>\n    <p>We're here</p>\n  </div>\n);"
    assert jsx_end(text, text.index("<div>")) == text.index(");") - 1
    assert jsx_end("a < b", 2) is None and jsx_end("f(<x", 2) is None


def test_a_fragment_closes_at_its_own_tag() -> None:
    """`<>` ... `</>`: a closing tag inside it (`</code>`) does not close the fragment."""
    src = "<>Add <code>docs.json</code> and <b>x</b>.</> after"
    assert find_close(src, "", 2, len(src), {}) == (src.index("</>"), src.index("</>") + 3)
