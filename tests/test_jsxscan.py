"""`find_close` (components/_jsxscan.py) finds the closing tag its rules say: a fence marker
counts only at the start of a line, code spans and comments are skipped, same-name elements
nest; its candidates are found from the newline before a fence marker, with the same result
as a `^`-anchored search."""

from __future__ import annotations

import random
import re

import pytest

import mintrender.components._jsxscan as scan
from mintrender.components._jsxscan import find_close

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


def _anchored(name: str) -> re.Pattern[str]:
    return re.compile(r"</?" + re.escape(name) + r"(?=[\s/>])|^[ \t>]*(`{3,}|~{3,})|`+|\{/\*", re.M)


def test_find_close_equals_the_anchored_search_on_random_text(monkeypatch) -> None:
    rng = random.Random(15)
    parts = ["<Note>", "</Note>", "<Note/>", "\n", "\n\n", "```", "~~~", "`", "  ", "> ", "x"]
    parts += ["{/*", "*/", "<Notes>", "\n```\n", "\n  ~~~~\n"]
    texts = [
        "<Note>" + "".join(rng.choice(parts) for _ in range(rng.randint(1, 14)))
        for _ in range(4000)
    ]
    fast = [find_close(t, "Note", 6, len(t), {}) for t in texts]
    monkeypatch.setattr(scan, "_close_pattern", _anchored)
    assert [find_close(t, "Note", 6, len(t), {}) for t in texts] == fast
