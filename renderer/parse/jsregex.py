"""JavaScript regular expression literals for build-time expressions: `/^#/`, `/-/g`.

Enough for what components do with text: `name.replace(/-/g, " ")`, `.replace(/^#/, "")`,
`/^v\\d/.test(tag)`. A literal is translated to Python's `re` (the common syntax is shared;
named groups `(?<n>...)` are renamed), its flags `g`, `i`, `m`, `s` kept, and replacement
patterns (`$1`, `$&`, `$$`, `$<name>`) applied as JavaScript does. Patterns that could take
exponential time (a quantified group that holds a quantifier, `(a+)+`) or that JavaScript and
Python read differently are refused with an `ExprError`: the build never hangs on one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mintrender.parse.expr import ExprError

MAX_PATTERN = 300
"""Longest pattern accepted (characters)."""

_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL}
_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]")
_UNSUPPORTED = re.compile(r"\\[pPkcu]|\(\?<[=!]|\(\?[^:<]")
_REPLACEMENT = re.compile(r"\$(\$|&|`|'|\d{1,2}|<[^>]*>)")


@dataclass(frozen=True)
class JsRegex:
    """A regular expression literal: `source` and `flags` as written, `compiled` for Python."""

    source: str
    flags: str
    compiled: re.Pattern[str] = field(compare=False)

    @property
    def global_(self) -> bool:
        return "g" in self.flags

    def test(self, text: str) -> bool:
        return self.compiled.search(text) is not None

    def replace(self, text: str, replacement: str, *, every: bool = False) -> str:
        count = 0 if (every or self.global_) else 1
        return self.compiled.sub(lambda m: _expand(replacement, m), text, count=count)


def js_regex(source: str, flags: str, offset: int) -> JsRegex:
    """The literal `/source/flags`, or an ExprError saying why it cannot run at build time."""
    if len(source) > MAX_PATTERN:
        raise ExprError(f"a regular expression longer than {MAX_PATTERN} characters", offset)
    if set(flags) - set("gimsuy") or len(set(flags)) != len(flags):
        raise ExprError(f"unknown regular expression flags `{flags}`", offset)
    if "y" in flags or _UNSUPPORTED.search(source):
        raise ExprError("this regular expression cannot run at build time", offset)
    if _NESTED_QUANTIFIER.search(source):
        raise ExprError("a regular expression with nested repetition (it may never end)", offset)
    python = re.sub(r"\(\?<(?=[A-Za-z_])", "(?P<", source)
    options = 0
    for flag in flags:
        options |= _FLAGS.get(flag, 0)
    try:
        compiled = re.compile(python, options)
    except re.error as exc:
        raise ExprError(f"invalid regular expression: {exc.msg}", offset) from None
    return JsRegex(source, flags, compiled)


def replace_text(text: str, pattern: str, replacement: str, *, every: bool) -> str:
    """`text.replace(pattern, replacement)` (or `.replaceAll`) with a string pattern."""
    if not every:
        at = text.find(pattern)
        if at < 0:
            return text
        m = _Found(pattern)
        return text[:at] + _expand(replacement, m) + text[at + len(pattern) :]
    return text.replace(pattern, _expand(replacement, _Found(pattern)))


class _Found:
    """A string pattern's match, for `$&` in a replacement."""

    def __init__(self, text: str) -> None:
        self.text = text

    def group(self, key: int | str = 0) -> str | None:
        return self.text if key == 0 else None


def _expand(replacement: str, m: re.Match[str] | _Found) -> str:
    def one(found: re.Match[str]) -> str:
        token = found.group(1)
        if token == "$":
            return "$"
        if token == "&":
            return m.group(0) or ""
        if token in "`'":
            return found.group(0)  # the text around the match: rarely used, kept as written
        try:
            value = m.group(int(token)) if token.isdigit() else m.group(token[1:-1])
        except IndexError:  # no such group: JavaScript keeps the text
            return found.group(0)
        return value or ""

    return _REPLACEMENT.sub(one, replacement)
