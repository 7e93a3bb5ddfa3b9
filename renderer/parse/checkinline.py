"""Inline parsing for `mintrender check`: only as far as findings need it.

markdown-it's inline rule chain costs a round of rule calls at every markup character. The
check reads a page's inline tokens for what findings are made of: links and images, footnotes,
math, JSX and `{expressions}`, heading text (slugs), and, inside components, the HTML the
component renderers inspect. `plain_inline_tokens` picks the inline tokens whose children the
`text` and `newline` rules alone can make (`plain_children`), without the rest of the chain:

- content in which no inline rule of the page parser can start (none of ``$ & < [ { \\ ` * _
  ~``; `!` and `^` start rules only before `[`): the children are exactly those of a full
  parse (tests/test_checkinline.py compares them);
- content outside every component and heading holding none of the characters that start a
  rule a finding can come from (``$ & < [ {``) nor a bare URL (`http`, `www.`: autolink
  literals): the children keep emphasis, code spans, strikethrough and escapes as text. There
  nothing reads them but the HTML renderer, whose text holds no `id="…"` (quotes are escaped).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markdown_it.token import Token

if TYPE_CHECKING:
    from collections.abc import Sequence

INLINE_RULES = (
    "text",
    "newline",
    "math_inline",
    "escape",
    "backticks",
    "strikethrough",
    "url_inline",
    "emphasis",
    "link",
    "image",
    "footnote_ref",
    "autolink",
    "jsx_inline",
    "mdx_expression",
    "html_inline",
    "entity",
)
"""The page parser's inline rules `RULE_START` is written for (a test holds them equal)."""

RULE_START = re.compile(r"[$&<\[{\\`*_~]|://")
"""A character at which one of `INLINE_RULES` other than text/newline can start."""

FINDING_START = re.compile(r"[$&<\[{]|http|www\.")
"""The start of markup whose tokens a finding can use (math, entity, JSX/HTML/autolink, link,
image, footnote, expression), or of a GFM autolink literal (`autolink_literal`)."""


def plain_children(content: str) -> list[Token]:
    """The tokens markdown-it's `text` and `newline` rules make of `content`: text runs, and
    a softbreak (or a hardbreak after two spaces) at each line end; spaces before a line end
    and at the start of the next line are dropped."""
    out: list[Token] = []
    lines = content.split("\n")
    last = len(lines) - 1
    for n, line in enumerate(lines):
        if n:
            line = line.lstrip(" \t")
        kind = "softbreak"
        if n < last and line.endswith(" "):
            if line.endswith("  "):
                kind, line = "hardbreak", line.rstrip(" ")
            else:
                line = line[:-1]
        if line:
            text = Token("text", "", 0)
            text.content = line
            out.append(text)
        if n < last:
            out.append(Token(kind, "br", 0))
    return out


def plain_inline_tokens(tokens: Sequence[Token]) -> list[Token]:
    """The inline tokens of a page's stream whose children `plain_children` may make."""
    plain: list[Token] = []
    depth = 0  # open components
    heading = False
    for tok in tokens:
        ttype = tok.type
        if ttype == "inline":
            content = tok.content
            if RULE_START.search(content) is None or (
                depth == 0 and not heading and FINDING_START.search(content) is None
            ):
                plain.append(tok)
        elif ttype == "component_open":
            depth += 1
        elif ttype == "component_close":
            depth -= 1
        heading = ttype == "heading_open"
    return plain
