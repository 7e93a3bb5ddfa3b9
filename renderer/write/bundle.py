"""Theme bundles: the core and part files of a theme's static folder, concatenated and minified."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

API_PART = ".api."
"""Theme files named `*.api.css` / `*.api.js` are only needed on pages showing API fields or
API reference views: the write stage links them from those pages alone (page weight)."""


_PART_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


PARTS_FILE = "parts.json"
"""Manifest of a theme's static folder: which part each file belongs to, when a page needs a
part, which parts load lazily. See `themes/mint/static/parts.json`."""


def theme_manifest(theme_static: Path) -> dict[str, dict[str, Any]]:
    """`parts` of the theme's `parts.json` (part name -> {when, files, lazy}); {} without one."""
    path = theme_static / PARTS_FILE
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    parts = data.get("parts") if isinstance(data, dict) else None
    return {str(k): dict(v) for k, v in (parts or {}).items() if isinstance(v, dict)}


def _assigned(theme_static: Path) -> dict[str, str]:
    """File name -> part, for the files a manifest lists by name."""
    return {
        str(name): part
        for part, spec in theme_manifest(theme_static).items()
        for name in spec.get("files", ())
    }


def part_of(filename: str, assigned: dict[str, str] | None = None) -> str | None:
    """The bundle a theme file belongs to: `30-card.card.css` -> "card"; None for core files.

    `NN-name.css` files make the core bundle (`mintrender.css`, linked from every page);
    `NN-name.PART.css` files (and files the manifest lists under a part) make `PART.css`,
    which the write stage links only from the pages that need it, or loads lazily.
    """
    if assigned and filename in assigned:
        return assigned[filename]
    pieces = filename.split(".")
    if len(pieces) < 3 or not _PART_NAME.match(pieces[-2]):
        return None
    return pieces[-2]


def theme_parts(theme_static: Path) -> list[str]:
    """Part names of a theme in cascade order: the name of their first CSS file (or first JS
    file, for parts without CSS) decides."""
    assigned = _assigned(theme_static)
    first: dict[str, tuple[int, str]] = {}
    for rank, kind in enumerate(("css", "js")):
        for path in sorted((theme_static / kind).glob(f"*.{kind}")):
            part = part_of(path.name, assigned)
            if part is not None and part not in first:
                first[part] = (rank, path.name)
    return sorted(first, key=lambda name: (first[name][1], first[name][0], name))


def bundle_theme(
    theme_static: Path, kind: str, *, minify: bool = True, part: str | None = None
) -> str:
    """Concatenate `css/*.css` or `js/*.js` of a theme in name order (minified by default).

    `part`: None = every file; "main" = the core files (no part); any other name = the files
    of that part (`*.api.css` for "api"). Minifying uses the thorough mode: the theme's own
    files are known and tested in browsers.
    """
    folder = theme_static / kind
    assigned = _assigned(theme_static)
    parts = []
    for path in sorted(folder.glob(f"*.{kind}")):
        file_part = part_of(path.name, assigned)
        if part == "main" and file_part is not None:
            continue
        if part not in (None, "main") and file_part != part:
            continue
        text = path.read_text(encoding="utf-8")
        if minify:
            text = (
                minify_css(text, thorough=True) if kind == "css" else minify_js(text, thorough=True)
            )
            parts.append(f"/* {path.name} */\n{text}")
        else:
            parts.append(f"/* {path.name} */\n" + text)
    if not parts:
        return ""
    return "\n".join(parts) + ("\n" if minify else "")


_CSS_TOKENS = re.compile(
    r"""(?P<comment>/\*.*?(?:\*/|\Z))|(?P<string>"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?)"""
    r"""|(?P<space>\s+)|(?P<other>[^"'/\s]+|/)""",
    re.S,
)


_CSS_TIGHT = frozenset("{};,")


def minify_css(text: str, *, thorough: bool = False) -> str:
    """Drop comments and needless whitespace; strings, selectors and values keep their meaning.

    Only whitespace next to `{ } ; ,` is removed and other runs become one space, so
    descendant combinators, `calc(a + b)` and `a :hover` are untouched. `thorough` also
    tightens declarations (`a: b` -> `a:b`, `0.5` -> `.5`, ` / ` -> `/`, ` !important`) and
    selector combinators (`a > b` -> `a>b`), knowing which block is which (see `_tighten_css`).
    """
    if thorough:
        return _tighten_css(minify_css(text))
    out: list[str] = []
    pending_space = False
    for m in _CSS_TOKENS.finditer(text):
        kind = m.lastgroup
        tok = m.group()
        if kind == "comment":
            pending_space = True  # a comment separates tokens like whitespace does
            continue
        if kind == "space":
            pending_space = True
            continue
        if pending_space and out:
            prev = out[-1][-1]
            if prev not in _CSS_TIGHT and tok[0] not in _CSS_TIGHT:
                out.append(" ")
        pending_space = False
        if kind == "other" and ";}" in tok:
            tok = tok.replace(";}", "}")
        if tok[0] == "}" and out and out[-1].endswith(";") and out[-1][0] not in "\"'":
            out[-1] = out[-1][:-1]  # `;}` -> `}`
            if not out[-1]:
                out.pop()
        out.append(tok)
    return "".join(out)


_NESTING_AT_RULES = ("@media", "@supports", "@container", "@layer", "@document", "@scope")


_CSS_STRING = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')""")


_DECL_COLON = re.compile(r"\s*:\s*")


_DECL_SLASH = re.compile(r"\s*/\s*")


_DECL_ZERO = re.compile(r"(?<![\w.-])(-?)0\.(\d)")


_DECL_IMPORTANT = re.compile(r"\s*!\s*important", re.I)


_COMBINATOR = re.compile(r"\s*([>~+])\s*")


_AT_COLON = re.compile(r"\s*:\s*")


def _outside_strings(text: str, fix: Callable[[str], str]) -> str:
    """Apply `fix` to the parts of `text` that are not quoted strings."""
    pieces = _CSS_STRING.split(text)
    return "".join(p if i % 2 else fix(p) for i, p in enumerate(pieces))


def _tighten_declaration(decl: str) -> str:
    def fix(t: str) -> str:
        t = _DECL_COLON.sub(":", t)
        t = _DECL_SLASH.sub("/", t)
        t = _DECL_IMPORTANT.sub("!important", t)
        return _DECL_ZERO.sub(r"\1.\2", t)

    return _outside_strings(decl, fix)


def _tighten_prelude(prelude: str) -> tuple[str, bool]:
    """(tightened prelude, whether its block holds rules rather than declarations)."""
    head = prelude.lstrip()
    if head.startswith("@"):
        name = head.split(None, 1)[0].split("(", 1)[0].lower()
        nests = name in _NESTING_AT_RULES or name.endswith("keyframes")
        # `(min-width: 1px)` -> `(min-width:1px)`; `and (` keeps its space
        return _outside_strings(prelude, lambda t: _AT_COLON.sub(":", t)), nests
    return _outside_strings(prelude, lambda t: _COMBINATOR.sub(r"\1", t)), False


def _tighten_css(css: str) -> str:
    """Second pass over `minify_css` output: block-aware tightening (see `minify_css`)."""
    out: list[str] = []
    stack: list[bool] = []  # per open block: does it hold rules (True) or declarations?
    pending: list[str] = []  # text since the last `{`, `}` or `;` of this level
    for piece in _CSS_STRING.split(css):
        if piece.startswith(('"', "'")) and len(piece) >= 2:
            pending.append(piece)
            continue
        start = 0
        for i, ch in enumerate(piece):
            if ch not in "{};":
                continue
            pending.append(piece[start:i])
            start = i + 1
            text = "".join(pending)
            pending = []
            in_rules = not stack or stack[-1]
            if ch == "{":
                tight, nests = _tighten_prelude(text) if in_rules else (text, True)
                out.append(tight + "{")
                stack.append(nests)
            elif in_rules:
                out.append(text + ch)
                if ch == "}" and stack:
                    stack.pop()
            else:
                out.append(_tighten_declaration(text) + ch)
                if ch == "}":
                    stack.pop()
        pending.append(piece[start:])
    out.append("".join(pending))
    return "".join(out)


_JS_REGEX_BEFORE = frozenset("(,=:[!&|?{};+-*%<>~^")


_JS_REGEX_KEYWORDS = frozenset(
    "return typeof case do else in of new delete void throw instanceof yield await".split()
)


_JS_WORD = re.compile(r"[A-Za-z0-9_$]")


def minify_js(text: str, *, thorough: bool = False) -> str:
    """Drop comments, indentation and blank lines; keep every line break (so ASI is unchanged).

    A small scanner tells strings, template literals (with nested `${}`), regular expression
    literals and comments apart, so code inside them is never touched. `/*! ... */` comments
    (licences) are kept. `thorough` also drops the spaces and line breaks no token boundary
    or semicolon insertion depends on (see `_tighten_js`).
    """
    out: list[str] = []
    i, n = 0, len(text)
    last_sig = ""  # last significant token, for regex-vs-division
    brace_stack: list[str] = []  # "{" for code blocks, "${" for template substitutions

    def emit(s: str) -> None:
        out.append(s)

    while i < n:
        c = text[i]
        if c == "/" and i + 1 < n and text[i + 1] == "/":
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == "/" and i + 1 < n and text[i + 1] == "*":
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            chunk = text[i:j]
            if chunk.startswith("/*!"):
                emit(chunk)
            else:
                emit("\n" if "\n" in chunk else " ")
            i = j
            continue
        if c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            emit(text[i:j])
            last_sig = c
            i = j
            continue
        if c == "`" or (c == "}" and brace_stack and brace_stack[-1] == "${"):
            if c == "}":
                brace_stack.pop()
            j = i + 1
            while j < n:
                ch = text[j]
                if ch == "\\":
                    j += 2
                    continue
                if ch == "`":
                    j += 1
                    break
                if ch == "$" and j + 1 < n and text[j + 1] == "{":
                    j += 2
                    brace_stack.append("${")
                    break
                j += 1
            emit(text[i:j])
            last_sig = "`"
            i = j
            continue
        if c == "/":
            prev_word = _last_word(out)
            if not last_sig or last_sig in _JS_REGEX_BEFORE or prev_word in _JS_REGEX_KEYWORDS:
                j = i + 1
                in_class = False
                while j < n and text[j] != "\n":
                    ch = text[j]
                    if ch == "\\":
                        j += 2
                        continue
                    if ch == "[":
                        in_class = True
                    elif ch == "]":
                        in_class = False
                    elif ch == "/" and not in_class:
                        j += 1
                        break
                    j += 1
                while j < n and _JS_WORD.match(text[j]):
                    j += 1  # flags
                emit(text[i:j])
                last_sig = "/re"
                i = j
                continue
        if c == "\n":
            # trailing spaces of the line, then blank lines and the next line's indentation
            while out and out[-1] in (" ", "\t"):
                out.pop()
            if out and out[-1] != "\n":
                emit("\n")
            i += 1
            while i < n and text[i] in " \t\r\n":
                i += 1
            continue
        if c in " \t\r":
            j = i
            while j < n and text[j] in " \t\r":
                j += 1
            if out and out[-1] != "\n":
                emit(" ")
            i = j
            continue
        if c == "{":
            brace_stack.append("{")
        elif c == "}" and brace_stack:
            brace_stack.pop()
        emit(c)
        if not c.isspace():
            last_sig = c if not _JS_WORD.match(c) else "w"
        i += 1
    if thorough:
        out = _tighten_js(out)
    text_out = "".join(out).strip("\n")
    return text_out + "\n" if text_out else ""


_JS_WORDISH = re.compile(r"[A-Za-z0-9_$\\\x80-\uffff]")


_JS_JOIN_AFTER = frozenset("{([,;=:?&|*%<>!~^")
"""A line ending in one of these continues on the next line whatever follows: no semicolon
can be inserted there (`++`/`--` end in + or -, which are not listed)."""


_JS_JOIN_BEFORE = frozenset("})],;.?:")
"""A line starting with one of these continues the previous line already."""


def _tighten_js(chunks: list[str]) -> list[str]:
    """Drop the " " and "\n" chunks of `minify_js`'s scanner that separate nothing.

    Code is emitted one character per chunk; strings, templates, regular expressions and kept
    comments are whole chunks (never " " or "\n"), so only the scanner's own separators are
    looked at. A space stays between two word characters, next to `/` (regex or comment
    confusion), between `+`/`-` pairs (`a - -b`) and between a digit and a dot (`1 .x`).
    """
    out: list[str] = []
    n = len(chunks)
    for k, chunk in enumerate(chunks):
        if chunk not in (" ", "\n"):
            out.append(chunk)
            continue
        prev = out[-1][-1] if out and out[-1] else ""
        nxt = chunks[k + 1][0] if k + 1 < n and chunks[k + 1] else ""
        if not prev or not nxt:
            out.append(chunk)
            continue
        if chunk == "\n":
            if prev in _JS_JOIN_AFTER or nxt in _JS_JOIN_BEFORE:
                continue
            out.append(chunk)
            continue
        if (
            (_JS_WORDISH.match(prev) and _JS_WORDISH.match(nxt))
            or "/" in (prev, nxt)
            or (prev in "+-" and nxt in "+-")
            or (prev.isdigit() and nxt == ".")
            or (prev == "<" and nxt == "!")
        ):
            out.append(chunk)
    return out


def _last_word(out: list[str]) -> str:
    """The identifier-like word just before the current position (for `return /re/`)."""
    chars: list[str] = []
    k = len(out) - 1
    while k >= 0 and out[k] in (" ", "\t"):
        k -= 1
    while k >= 0 and len(out[k]) == 1 and _JS_WORD.match(out[k]):
        chars.append(out[k])
        k -= 1
    return "".join(reversed(chars))
