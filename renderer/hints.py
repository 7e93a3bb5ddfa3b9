"""What to say to a writer: "did you mean" suggestions, plurals, and plain-language hints for the
syntax mistakes writers make in JSON and YAML (trailing comma, missing comma, unquoted colon, tab
indentation, unclosed quote).

Every stage that reports a problem asks here, so one mistake reads the same wherever it is made:

    did_you_mean("Warnng", ["Warning", "Note"])          -> "did you mean <Warning>?" (with fmt)
    closest("/guides/configure", pages)                   -> ["/guides/configuration"]
    plural(1, "warning")                                  -> "1 warning"
    json_problem(text, exc)                               -> JsonProblem(line, col, message, hint)
    yaml_problem(exc, text)                               -> YamlProblem(line, col, message, hint)
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# --- did you mean ---------------------------------------------------------------------------


def closest(word: str, candidates: Iterable[str], *, n: int = 1, cutoff: float = 0.6) -> list[str]:
    """The candidates nearest to `word`, best first (difflib's ratio, case-insensitive)."""
    if not word:
        return []
    by_lower: dict[str, str] = {}
    for c in sorted(candidates):
        if c and c != word:
            by_lower.setdefault(c.lower(), c)
    if word.lower() in by_lower:  # differs only by case: the best suggestion there is
        return [by_lower[word.lower()]]
    found = difflib.get_close_matches(word.lower(), list(by_lower), n=n, cutoff=cutoff)
    return [by_lower[f] for f in found]


def closest_path(path: str, candidates: Iterable[str], *, cutoff: float = 0.7) -> str | None:
    """The candidate path nearest to `path` whose last segment is close too: on a long shared
    prefix any two paths look alike, so `/api/uploads` is not taken for `/api/teams`. A name
    that several folders hold needs a close folder too: `/algolia/connect` is no `/gong/connect`
    (a page moved to another folder is still found by a name of its own)."""
    return _path_index(tuple(candidates)).closest(path, cutoff=cutoff)


@lru_cache(maxsize=4)
def _path_index(candidates: tuple[str, ...]) -> PathIndex:
    """One index per candidate list: a site's broken links all ask about the same pages."""
    return PathIndex(candidates)


class PathIndex:
    """Candidate paths grouped by their last segment, for many `closest_path` questions over
    the same candidates (every broken link of a site): a segment is compared once however many
    folders hold it, and the candidates are sorted once."""

    def __init__(self, candidates: Iterable[str]) -> None:
        self._by_name: dict[str, list[str]] = {}
        for cand in sorted(set(candidates)):
            self._by_name.setdefault(cand.rstrip("/").rsplit("/", 1)[-1].lower(), []).append(cand)

    def closest(self, path: str, *, cutoff: float = 0.7) -> str | None:
        """As `closest_path`: the best score wins, the first in sorted order among equals."""
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(path.rstrip("/").rsplit("/", 1)[-1].lower())
        whole = difflib.SequenceMatcher()
        whole.set_seq2(path.lower())
        folder = difflib.SequenceMatcher()  # for a name many folders hold (`connect`, `overview`)
        folder.set_seq2(_parent_name(path))
        best: tuple[float, str] | None = None
        for name, cands in self._by_name.items():
            matcher.set_seq1(name)
            if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
                continue
            name_score = matcher.ratio()
            if name_score < cutoff:
                continue
            for cand in cands:
                if cand == path:
                    continue
                floor = cutoff if best is None else max(cutoff, best[0])
                whole.set_seq1(cand.lower())
                if whole.real_quick_ratio() < floor or whole.quick_ratio() < floor:
                    continue
                score = min(name_score, whole.ratio())
                if score < floor:
                    continue
                if (
                    len(cands) > 1
                ):  # the name says nothing of which: its folder's name must be close
                    folder.set_seq1(_parent_name(cand))
                    if folder.ratio() < cutoff:
                        continue
                if best is None or score > best[0] or cand < best[1]:
                    best = (score, cand)
        return best[1] if best else None


def _parent_name(path: str) -> str:
    """The name of the folder holding `path` (`algolia` for `/integrations/algolia/connect`)."""
    return path.rstrip("/").rpartition("/")[0].rpartition("/")[2].lower()


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


def visible(text: str) -> str:
    """`text` with invisible characters spelled out (`example\\u200b`): a suggestion that
    differs only by a zero-width space must show the difference."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


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
    if not here and not msg.startswith(("Unterminated string", "Invalid control character")):
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


# --- YAML ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class YamlProblem:
    """A YAML syntax error said in a writer's words; `line` and `column` are 0-based."""

    line: int
    column: int
    message: str
    hint: str


def _mark(exc: Any, name: str) -> tuple[int, int] | None:
    mark = getattr(exc, name, None)
    return (mark.line, mark.column) if mark is not None else None


def yaml_problem(exc: Any, text: str) -> YamlProblem:
    """Explain PyYAML's error `exc` (a MarkedYAMLError) on the YAML `text`."""
    problem = str(getattr(exc, "problem", None) or str(exc).split("\n")[0])
    context = str(getattr(exc, "context", None) or "")
    line, col = _mark(exc, "problem_mark") or (0, 0)
    lines = text.split("\n")
    row = lines[line] if line < len(lines) else ""
    indent = row[: len(row) - len(row.lstrip(" \t"))]
    if "\t" in indent or "tab" in problem:
        return YamlProblem(
            line, 0, "a tab in the indentation", "indent with spaces: YAML does not allow tabs"
        )
    if "quoted scalar" in context:
        line, col = _mark(exc, "context_mark") or (line, col)
        quote = lines[line][col] if line < len(lines) and col < len(lines[line]) else '"'
        return YamlProblem(
            line, col, "a quote is not closed", f"end the value with {quote} on the same line"
        )
    if "mapping values are not allowed" in problem:
        first_colon = row.find(":")
        if row.startswith((" ", "\t")):
            return YamlProblem(
                line,
                0,
                "this line is indented under a key that already has a value",
                "start every frontmatter key in the first column",
            )
        if first_colon == col and line > 0:
            above = lines[line - 1]
            return YamlProblem(
                line - 1,
                0,
                "this line has no `key:`",
                f"write it as `key: value` (found {above.strip()!r})",
            )
        key, _, value = row.partition(":")
        return YamlProblem(
            line,
            col,
            f"a colon inside the value of `{key.strip()}`",
            f'put the value in quotes: {key.strip()}: "{value.strip()}"',
        )
    if "did not find expected key" in problem and re.search(r"""['"][^'"]*['"][ \t]*[^\s#]""", row):
        key = row.partition(":")[0].strip()
        return YamlProblem(
            line,
            col,
            f"text after the closing quote in the value of `{key}`",
            "an apostrophe ends a value in single quotes: use double quotes around it, "
            f'or put the whole value in quotes ({key}: "...")',
        )
    if "cannot start any token" in problem and col < len(row):
        key = row.partition(":")[0].strip()
        return YamlProblem(
            line,
            col,
            f"a value cannot start with {row[col]!r}",
            f'put the value in quotes: {key}: "{row.partition(":")[2].strip()}"',
        )
    if "flow sequence" in context or "flow mapping" in context:
        closing = "]" if "sequence" in context else "}"
        line, col = _mark(exc, "context_mark") or (line, col)
        return YamlProblem(
            line, col, "a list or mapping is not closed", f"add the closing {closing}"
        )
    return YamlProblem(line, col, problem, "")
