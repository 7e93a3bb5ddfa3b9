"""Where MDX's paragraph ends: an element opened before text on its line (`<Note>Some text`)
is text JSX, in the paragraph that line starts, and must close in that paragraph.

mintrender reads `<Note>Some text⏎</Note>` as the author meant (a note holding the text), but
remark-mdx ends the paragraph at the closing tag's line (a line of tags alone is flow JSX, which
interrupts a paragraph), finds `<Note>` unclosed there, and refuses the page ("Expected a
closing tag for `<Note>` … before the end of `paragraph`"); so does Mintlify. `paragraph_break`
finds the line that ends the paragraph first, for a warning where MDX refuses the page.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any

from mintrender.components._jsxparse import JsxSyntaxError, Tag, find_brace_end, parse_tag
from mintrender.components._jsxscan import scope_of
from mintrender.components._mdxenv import report

if TYPE_CHECKING:
    from markdown_it.rules_block import StateBlock

_INTERRUPTS = re.compile(
    r"#{1,6}(?:[ \t]|\Z)"  # ATX heading
    r"|(?:`{3,}(?!.*`)|~{3,})"  # fenced code
    r"|>"  # block quote
    r"|(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})\Z"  # thematic break
    r"|(?:-[ \t]*)+\Z|=+[ \t]*\Z"  # setext underline (`---` too): the paragraph is a heading
    r"|(?:[-*+]|1[.)])[ \t]+\S"  # a list item (ordered: only one starting at 1)
)
"""Lines (white space before them left out: MDX has no indented code) that end a paragraph."""
_TABLE_DELIMITER = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\Z")


def flow_line(src: str, pos: int, scope: dict[str, Any]) -> bool:
    """Is the rest of the line from `pos` tags and expressions only (`</Note>`, `<a href="/x">`,
    `{x}`)? Such a line is flow JSX: it stands alone, and interrupts a paragraph."""
    n = len(src)
    while True:
        while pos < n and src[pos] in " \t":
            pos += 1
        if pos >= n or src[pos] in "\r\n":
            return True
        try:
            if src[pos] == "<":
                pos = parse_tag(src, pos, scope).end
            elif src[pos] == "{":
                pos = find_brace_end(src, pos)
            else:
                return False
        except JsxSyntaxError:
            return False


def paragraph_break(lines: list[str], close_line: int, scope: dict[str, Any]) -> int | None:
    """The index in `lines` (the element's lines after its opening one, their container's
    prefix left out) of the first that ends the paragraph the opening line starts, at or
    before the line `close_line` where its closing tag starts; None when the closing tag is in
    the paragraph (`more text</Note>`)."""
    for k, line in enumerate(lines[: close_line + 1]):
        text = line.lstrip(" \t")
        if not text:
            return k
        if text[0] in "<{":
            if flow_line(text, 0, scope):
                return k
        elif _INTERRUPTS.match(text):
            return k
        elif "|" in text and k + 1 < len(lines) and _TABLE_DELIMITER.match(lines[k + 1].strip()):
            return k  # a table's head row (GFM) ends the paragraph too
    return None


def paragraph_mismatch(
    state: StateBlock,
    tag: Tag,
    start_line: int,
    pos: int,
    open_line: int,
    close_at: int,
    text_after: bool,
) -> None:
    """Warn where MDX refuses an element whose tags are not both in one paragraph or both
    outside one; it is still read as the element it was meant to be (`_jsxpara`):

    * `<Note>Some text⏎</Note>`: text after the opening tag makes it text JSX in the paragraph
      that line starts, which a line of tags alone, a blank line or a block ends before the
      closing tag;
    * `<Info>⏎Text here.</Info>`: the opening tag is flow JSX, the closing one ends a
      paragraph of its content."""
    src, env = state.src, state.env
    scope = scope_of(env)
    close_line = _line_of(state, close_at)
    if close_line == open_line or flow_line(src, tag.end, scope) == text_after:
        return  # one line; or text after a tag that is no text (`<Note>{x}`): MDX agrees
    name = tag.name or ">"
    if not text_after:
        line_start = state.bMarks[close_line]
        if flow_line(src[line_start:close_at], 0, scope):
            return
        report(
            env,
            close_line,
            "jsx-unclosed",
            f"</{tag.name}> ends a paragraph of <{name}>'s content (text before it on its "
            f'line), so MDX (and Mintlify) refuses this page ("Expected the closing tag '
            f'</{tag.name}> …"); put it on a line of its own',
            column=close_at - line_start + 1,
        )
        return
    lines = [
        src[state.bMarks[ln] : state.eMarks[ln]] for ln in range(open_line + 1, close_line + 1)
    ]
    if paragraph_break(lines, close_line - open_line - 1, scope) is None:
        return
    report(
        env,
        start_line,
        "jsx-unclosed",
        f"<{name}> has text after it on its line, so MDX reads it as part of a paragraph, "
        f"which ends before </{tag.name}> (at a blank line, a line of tags alone or a block): "
        f'MDX (and Mintlify) refuses this page ("Expected a closing tag for <{name}>"); '
        "start its content on a line of its own",
        column=pos - state.bMarks[start_line] + 1,
    )


def _line_of(state: StateBlock, pos: int) -> int:
    return max(0, bisect.bisect_right(state.bMarks, pos) - 1)
