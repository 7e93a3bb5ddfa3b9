"""Block markup written inside a sentence (`See <Card title="x">…</Card> for details.`).

HTML allows no `<div>` inside a `<p>`: a browser ends the paragraph at the component's first
block tag and tears the component apart (a card's icon then fills the page). The component is
lifted out instead: the paragraph ends before it and goes on after it, which is how the page
looks once React has drawn it (a block inside the paragraph's text)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

OPEN, CLOSE = "\x00lift\x02", "\x03lift\x00"
"""Marks around an inline component's HTML that holds block markup (never in page text:
markdown-it reads NUL as U+FFFD)."""

_ENDS_PARAGRAPH = re.compile(
    r"<(?:address|article|aside|blockquote|details|dialog|div|dl|fieldset|figcaption|figure|"
    r"footer|form|h[1-6]|header|hgroup|hr|main|menu|nav|ol|p|pre|section|table|ul)[\s>/]",
    re.IGNORECASE,
)
"""Start tags that end an open `<p>` when a browser reads the page (HTML's parsing rules)."""


def mark(html: str) -> str:
    """An inline component's `html`, marked to be lifted out of its paragraph when it holds
    markup that would end the paragraph (marks inside it are its own: the outer one decides)."""
    if not _ENDS_PARAGRAPH.search(html):
        return html
    return OPEN + unmark(html) + CLOSE


def unmark(html: str) -> str:
    """`html` without lift marks: where there is no paragraph to lift out of (a heading, a
    table cell, a tight list's item), the markup stays where it was written."""
    if OPEN not in html:
        return html
    return html.replace(OPEN, "").replace(CLOSE, "")


def lifted(inner: str) -> str:
    """The paragraph whose text is `inner` (marked), as paragraphs of the text between its
    lifted components and the components between them; text of white space alone gives no
    paragraph."""
    out: list[str] = []
    pos = 0
    while pos <= len(inner):
        start = inner.find(OPEN, pos)
        end = inner.find(CLOSE, start) if start >= 0 else -1
        text = inner[pos:] if end < 0 else inner[pos:start]
        if text.strip():
            out.append(f"<p>{text.strip()}</p>\n")
        if end < 0:
            break
        out.append(inner[start + len(OPEN) : end] + "\n")
        pos = end + len(CLOSE)
    return unmark("".join(out))


def in_paragraph(tokens: Sequence[Token], i: int) -> bool:
    """Whether inline token `i` is the text of a paragraph drawn as `<p>` (not a tight list's
    hidden one), which its lifted components can end and start again."""
    before = tokens[i - 1] if i else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        before is not None
        and before.type == "paragraph_open"
        and not before.hidden
        and after is not None
        and after.type == "paragraph_close"
    )
