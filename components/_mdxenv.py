"""Where the MDX parser is in which file: diagnostics positions and snippet/component expansion.

The markdown-it `env` of a page carries:

* `src_path`, `_line_base`, `_col_base`: the file being block-parsed and where the text handed
  to markdown-it starts in it (component children and snippets are parsed as separate texts);
* `_line_fixed`: set while parsing a custom component's expansion, whose lines are not the
  file's: every diagnostic then points at the line that used the component;
* `_inline`: `(file, first_line, exact)` of the inline token being parsed, `_sources` the
  lines of every file read, so inline diagnostics get a real line and column.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

MAX_EXPANSION_DEPTH = 24
"""Snippets and custom components nested in one another, at most."""
MAX_SELF_NESTING = 6
"""A custom component inside itself, at most: in its own children (a wrapper holding another,
as React allows) it is no cycle; a body drawing itself is one, found at this depth."""
MAX_EXPANSIONS = 5_000
"""Snippets and custom components expanded on one page, at most (a snippet using another
many times, nested, would otherwise grow exponentially)."""


@dataclass(frozen=True, slots=True)
class Expansion:
    """MDX source that replaces a snippet tag or a custom component."""

    text: str
    key: str
    """Cycle-detection key: the snippet path, or `<Name>` for a component."""
    file: str
    """File whose lines `text` holds (the snippet), or the file using the component."""
    first_line: int | None
    """0-based line of `file` where `text` starts; None: report at the usage line."""
    scope: dict[str, Any] | None = None
    """Values visible in `text` (a snippet's exports and props); None: the caller's."""
    enter: Callable[[], Any] = field(default=nullcontext)
    """Context manager making `file`'s imports the ones component names resolve against."""


def _sink_add(
    env: MutableMapping[str, Any],
    severity: str,
    file: str,
    line: int,
    col: int,
    code: str,
    msg: str,
) -> None:
    sink = env.get("diagnostics")
    if sink is not None:
        sink.add(severity, file, line, col, code, msg)


def report(
    env: MutableMapping[str, Any],
    line: int,
    code: str,
    message: str,
    severity: str = "warning",
    *,
    column: int = 1,
) -> None:
    """A block-level diagnostic at 0-based `line` of the text being parsed."""
    file = env.get("src_path", "<page>")
    fixed = env.get("_line_fixed")
    if fixed is not None:
        _sink_add(env, severity, file, fixed + 1, 1, code, message)
        return
    line_no = line + 1 + (env.get("_line_base") or 0)
    _sink_add(env, severity, file, line_no, column + (env.get("_col_base") or 0), code, message)


def inline_report(
    state: StateInline, pos: int, code: str, message: str, severity: str = "warning"
) -> None:
    """A diagnostic at offset `pos` of the inline text being parsed, in file coordinates."""
    env = state.env
    file, first_line, exact = env.get("_inline") or (env.get("src_path", "<page>"), 0, False)
    src = state.src
    if not exact:
        _sink_add(env, severity, file, first_line + 1, 1, code, message)
        return
    index = src.count("\n", 0, pos)
    start = src.rfind("\n", 0, pos) + 1
    end = src.find("\n", pos)
    text = src[start : end if end >= 0 else len(src)]
    column = pos - start + 1
    lines = env.get("_sources", {}).get(file)
    line = first_line + index
    if lines is not None and 0 <= line < len(lines) and text.strip():
        stripped = text.lstrip()
        found = lines[line].find(stripped)
        if found >= 0:
            column = found + (pos - start - (len(text) - len(stripped))) + 1
    _sink_add(env, severity, file, line + 1, max(column, 1), code, message)


def usage_line(env: MutableMapping[str, Any], line: int) -> int:
    """0-based file line of 0-based `line` of the text being block-parsed."""
    fixed = env.get("_line_fixed")
    return fixed if fixed is not None else line + (env.get("_line_base") or 0)


_SAVED = ("src_path", "_line_base", "_col_base", "_line_fixed", "scope")


@contextmanager
def expanding(
    env: MutableMapping[str, Any],
    expansion: Expansion,
    line: int,
    *,
    reporter: Callable[[str, str, str], None] | None = None,
) -> Iterator[bool]:
    """Enter an expansion (False when it would include itself or nest too deeply)."""
    stack: list[str] = env.setdefault("_expanding", [])
    count = env["_expansions"] = env.get("_expansions", 0) + 1
    repeats = stack.count(expansion.key)  # a snippet file once; a component (`<Name>`) more
    itself = repeats >= (MAX_SELF_NESTING if expansion.key.startswith("<") else 1)
    if itself or len(stack) >= MAX_EXPANSION_DEPTH or count > MAX_EXPANSIONS:
        chain = " -> ".join([*stack, expansion.key])
        problem = "includes itself" if itself else "nests too deeply"
        if count > MAX_EXPANSIONS:
            if count > MAX_EXPANSIONS + 1:  # reported once
                yield False
                return
            problem = f"is one expansion too many (a page expands at most {MAX_EXPANSIONS:,})"
        message = f"{expansion.key} {problem}: {chain}; it is left out"
        code = "snippet-cycle" if itself else "snippet-depth"  # a chain too long is no cycle
        if reporter is not None:
            reporter(code, message, "error")
        else:
            report(env, line, code, message, "error")
        yield False
        return
    saved = {key: env.get(key) for key in _SAVED}
    if expansion.scope is not None:  # tags of the expansion read its values (snippet props)
        env["scope"] = expansion.scope
    if expansion.first_line is None:
        env["_line_fixed"] = usage_line(env, line)
    else:
        env["src_path"] = expansion.file
        env["_line_base"] = expansion.first_line
        env["_col_base"] = 0
        env["_line_fixed"] = None
    stack.append(expansion.key)
    try:
        with expansion.enter():
            yield True
    finally:
        stack.pop()
        for key, value in saved.items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = value


def mark_origin(
    tokens: list[Token], expansion: Expansion, env: MutableMapping[str, Any], line: int
) -> None:
    """Before an expansion's maps are replaced: note each inline token's file line and scope."""
    fixed = expansion.first_line is None
    for tok in tokens:
        if tok.type == "component_open" and not fixed and isinstance(tok.meta, dict):
            # render-time findings on the component's props (icons, links) point into the file
            first = tok.map[0] if tok.map else 0
            tok.meta.setdefault(
                "origin", (expansion.file, first + (expansion.first_line or 0), True)
            )
            continue
        if tok.type != "inline":
            continue
        meta = tok.meta if isinstance(tok.meta, dict) else {}
        if "origin" not in meta:
            if fixed:
                meta["origin"] = (env.get("src_path", "<page>"), usage_line(env, line), False)
            else:
                first = tok.map[0] if tok.map else 0
                meta["origin"] = (expansion.file, first + (expansion.first_line or 0), True)
        if expansion.scope is not None:
            meta.setdefault("scope", expansion.scope)
        if expansion.enter is not nullcontext:  # names its text uses (a component's own)
            meta.setdefault("enter", expansion.enter)
        tok.meta = meta
