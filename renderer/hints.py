"""What to say to a writer: "did you mean" suggestions, plurals, and plain-language hints for the
syntax mistakes writers make in JSON and YAML (trailing comma, missing comma, unquoted colon, tab
indentation, unclosed quote).

Every stage that reports a problem asks here, so one mistake reads the same wherever it is made:

    did_you_mean("Warnng", ["Warning", "Note"])          -> "did you mean <Warning>?" (with fmt)
    closest("/guides/configure", pages)                   -> ["/guides/configuration"]
    plural(1, "warning")                                  -> "1 warning"
    json_problem(text, exc)                               -> JsonProblem(line, col, message, hint)
    yaml_hint(problem, line_text)                         -> "put the value in quotes: ..."
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# --- did you mean ---------------------------------------------------------------------------


def closest(word: str, candidates: Iterable[str], *, n: int = 1, cutoff: float = 0.6) -> list[str]:
    """The candidates nearest to `word`, best first (difflib's ratio, case-insensitive)."""
    if not word:
        return []
    by_lower: dict[str, str] = {}
    for c in candidates:
        if c and c != word:
            by_lower.setdefault(c.lower(), c)
    if word.lower() in by_lower:  # differs only by case: the best suggestion there is
        return [by_lower[word.lower()]]
    found = difflib.get_close_matches(word.lower(), list(by_lower), n=n, cutoff=cutoff)
    return [by_lower[f] for f in found]


def did_you_mean(
    word: str,
    candidates: Iterable[str],
    *,
    fmt: Callable[[str], str] = lambda s: f"'{s}'",
    cutoff: float = 0.6,
) -> str:
    """`did you mean 'X'?`, or "" when nothing is close enough."""
    found = closest(word, candidates, cutoff=cutoff)
    return f"did you mean {fmt(found[0])}?" if found else ""


# --- counting -------------------------------------------------------------------------------


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """`1 warning`, `2 warnings`, `0 errors`."""
    return f"{n} {singular if n == 1 else (plural_form or singular + 's')}"


def problem_counts(errors: int, warnings: int) -> str:
    """`1 error, 2 warnings`."""
    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"


# --- JSON -----------------------------------------------------------------------------------

_STRING_OR_TRAILING_COMMA = re.compile(r'("(?:[^"\\\n]|\\.)*")|,(\s*[}\]])')


@dataclass(frozen=True, slots=True)
class JsonProblem:
    """A JSON syntax error said in a writer's words."""

    line: int
    column: int
    message: str
    hint: str


def strip_trailing_commas(text: str) -> str:
    """The JSON text without commas before `}` or `]` (strings left alone)."""
    return _STRING_OR_TRAILING_COMMA.sub(lambda m: m.group(1) or m.group(2), text)


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _previous_char(text: str, pos: int) -> int:
    """Offset of the last non-blank character before `pos` (-1 if none)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\r\n":
        i -= 1
    return i


def json_problem(text: str, exc: json.JSONDecodeError) -> JsonProblem:
    """Where the mistake is (not always where the parser stopped) and how to fix it."""
    pos = min(exc.pos, len(text))
    msg = exc.msg
    here = text[pos] if pos < len(text) else ""
    prev = _previous_char(text, pos)
    prev_ch = text[prev] if prev >= 0 else ""
    if msg.startswith(("Expecting property name", "Expecting value")) and here in "}]" and here:
        if prev_ch == ",":
            line, col = _line_col(text, prev)
            return JsonProblem(
                line,
                col,
                f"invalid JSON: trailing comma before '{here}'",
                "remove this comma: JSON allows no comma after the last item of a list or object",
            )
    if here == "," and prev_ch == ",":
        line, col = _line_col(text, pos)
        return JsonProblem(
            line, col, "invalid JSON: two commas in a row", "remove one of the commas"
        )
    if here == "/" and text[pos : pos + 2] in ("//", "/*"):
        line, col = _line_col(text, pos)
        return JsonProblem(line, col, "invalid JSON: a comment", "JSON allows no comments")
    if msg.startswith("Expecting property name") and here == "'":
        line, col = _line_col(text, pos)
        return JsonProblem(
            line, col, "invalid JSON: a key in single quotes", 'use double quotes: "key"'
        )
    if msg.startswith("Expecting property name") and (here.isalpha() or here == "_"):
        line, col = _line_col(text, pos)
        return JsonProblem(
            line, col, "invalid JSON: a key without quotes", 'put the key in double quotes: "key"'
        )
    if msg.startswith("Expecting value") and here == "'":
        line, col = _line_col(text, pos)
        return JsonProblem(
            line, col, "invalid JSON: a string in single quotes", 'use double quotes: "text"'
        )
    if msg.startswith("Expecting value") and not here:
        line, col = _line_col(text, max(prev, 0))
        return JsonProblem(
            line,
            col,
            "invalid JSON: the file ends too early",
            "a closing } or ] is missing, or the file was cut short",
        )
    if msg.startswith("Expecting ',' delimiter") and prev >= 0:
        line, col = _line_col(text, prev + 1)
        return JsonProblem(
            line,
            col,
            "invalid JSON: missing comma",
            f"add a comma after this value: items of a list or object are separated by commas "
            f"(the next item starts on line {_line_col(text, pos)[0]})",
        )
    if msg.startswith(("Unterminated string", "Invalid control character")):
        start = text.rfind('"', 0, pos + 1) if msg.startswith("Invalid") else pos
        line, col = _line_col(text, max(start, 0))
        return JsonProblem(
            line,
            col,
            "invalid JSON: a string is not closed",
            'add the closing " on the same line (a string cannot span lines)',
        )
    if msg.startswith("Expecting ':' delimiter"):
        line, col = _line_col(text, pos)
        return JsonProblem(line, col, "invalid JSON: a key without its ':'", 'write "key": value')
    if msg.startswith("Extra data"):
        line, col = _line_col(text, pos)
        return JsonProblem(
            line,
            col,
            "invalid JSON: text after the end of the document",
            "an extra } or ] closes the document early, or a { is missing",
        )
    return JsonProblem(exc.lineno, exc.colno, f"invalid JSON: {msg}", "")


# --- YAML -----------------------------------------------------------------------------------


def yaml_hint(problem: str, line_text: str) -> str:
    """A fix for PyYAML's `problem` on the line `line_text` ("" when we have none)."""
    stripped = line_text.lstrip(" ")
    if "\t" in line_text[: len(line_text) - len(line_text.lstrip(" \t"))] or (
        "tab" in problem and "\t" in line_text
    ):
        return "indent with spaces: YAML does not allow tabs"
    if "mapping values are not allowed" in problem:
        key, _, value = stripped.partition(":")
        value = value.strip()
        if value:
            return f'put the value in quotes when it holds a colon: {key.strip()}: "{value}"'
        return 'put text that holds a colon in quotes: key: "a: b"'
    if "found unexpected end of stream" in problem or "while scanning a quoted scalar" in problem:
        return "a quote is not closed: end the value with the quote it starts with"
    if "did not find expected key" in problem or "expected <block end>" in problem:
        if re.search(r":\s*[\"'][^\"']*[\"'][^\"'\s#]", line_text):
            return "text after a closing quote: put the whole value in quotes"
        return "check the indentation: keys of one mapping start in the same column"
    if "found character '\\t'" in problem or "found a tab" in problem:
        return "indent with spaces: YAML does not allow tabs"
    if "found character '@'" in problem or "found character '`'" in problem:
        return "put the value in quotes: YAML values cannot start with @ or `"
    if "could not find expected ':'" in problem:
        return "each line needs `key: value`; a quote may be left open on an earlier line"
    return ""
