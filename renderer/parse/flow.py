"""MDX flow: indentation never makes a line part of the paragraph above it.

CommonMark reads a line indented 4+ spaces after a paragraph line as a lazy continuation,
because it would otherwise be indented code. MDX has no indented code, so any flow construct
interrupts a paragraph at any indentation (micromark tries them whenever `codeIndented` is
disabled)::

    For more detail, use the LLM class:
        <CodeGroup>                     -> paragraph, then a CodeGroup block
        ```python                       -> (not the paragraph's text)

`paragraph` and `lheading` stop where such a line starts a block; the rest is theirs. List
items start at any indentation too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.parser_block import RuleFuncBlockType
    from markdown_it.rules_block import StateBlock

_UNDERLINE = re.compile(r"^(?:=+|-+)[ \t]*$")


def interruption(state: StateBlock, start_line: int, end_line: int) -> tuple[int, bool]:
    """The first line after `start_line` indented 4+ columns that starts a block, and whether
    it is a setext underline (`---`, `===`), else `(end_line, False)`.

    A line indented 0-3 columns that starts a block ends the scan with `(end_line, False)`:
    markdown-it ends the paragraph there itself, so what follows is not the paragraph's. Read
    on to the end, each item of a list of N lines (whose next item is indented less than its
    text) cost N lines: N² for the list."""
    terminators = state.md.block.ruler.getRules("paragraph")
    old_parent = state.parentType
    state.parentType = "paragraph"
    try:
        for line in range(start_line + 1, end_line):
            if state.isEmpty(line):
                break
            indented = state.sCount[line] - state.blkIndent > 3
            if indented:
                text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
                if _UNDERLINE.match(text):
                    return line, True
            elif state.sCount[line] < 0:
                continue  # a blockquote's lazy line: markdown-it checks no terminator there
            if any(rule(state, line, end_line, True) for rule in terminators):
                return (line, False) if indented else (end_line, False)
    finally:
        state.parentType = old_parent
    return end_line, False


def interruptible(rule: RuleFuncBlockType, *, heading: bool) -> RuleFuncBlockType:
    """`rule` (paragraph, or lheading when `heading`) ended before an indented line that
    starts a block; lheading also takes an indented underline as its own."""

    def wrapped(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        limit = end_line if heading else state.lineMax
        stop, underline = interruption(state, start_line, limit)
        if stop == limit:
            return rule(state, start_line, end_line, silent)
        if heading and underline:
            saved = state.sCount[stop]
            state.sCount[stop] = state.blkIndent  # where lheading looks for an underline
            try:
                return rule(state, start_line, stop + 1, silent)
            finally:
                state.sCount[stop] = saved
        if heading:
            return rule(state, start_line, stop, silent)
        old_max = state.lineMax
        state.lineMax = stop  # paragraph reads its end from lineMax, not end_line
        try:
            return rule(state, start_line, min(end_line, stop), silent)
        finally:
            state.lineMax = old_max

    return wrapped


def any_indent_list(rule: RuleFuncBlockType) -> RuleFuncBlockType:
    """The list rule without CommonMark's "marker 4+ columns right of the list is text" case:
    in MDX a list item starts at any indentation (`    - b` after `    - a` is the next item,
    not a lazy line of `a`), as micromark reads lists when `codeIndented` is disabled."""

    def wrapped(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        saved = state.listIndent
        state.listIndent = -1
        try:
            return rule(state, start_line, end_line, silent)
        finally:
            state.listIndent = saved

    return wrapped


def flow_plugin(md: MarkdownIt) -> None:
    """Let blocks interrupt paragraphs, and list items start, at any indentation (MDX has no
    indented code)."""
    ruler = md.block.ruler
    for name, wrap in (
        ("paragraph", lambda fn: interruptible(fn, heading=False)),
        ("lheading", lambda fn: interruptible(fn, heading=True)),
        ("list", any_indent_list),
    ):
        rule = ruler.__rules__[ruler.__find__(name)]
        ruler.at(name, wrap(rule.fn), {"alt": rule.alt})
