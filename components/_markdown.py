"""The toolkit of components' Markdown exports: the node tree, prop readers, text helpers.

`renderer/render/markdown.py` nests a page's flat token stream into `MdNode`s and calls each
component's `ComponentSpec.markdown` (or `markdown_inline`) with itself as the `MarkdownOut`
that writes the children. The exports live beside their HTML renderers, in the family modules.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from mintrender.components._jsxparse import JsxElement
from mintrender.model import flag

if TYPE_CHECKING:
    from markdown_it.token import Token


@dataclass(slots=True)
class MdNode:
    """A block- or inline-level node built from the flat token stream."""

    token: Token | None
    children: list[MdNode | Token] = field(default_factory=list)

    @property
    def name(self) -> str:
        meta = self.token.meta if self.token is not None else {}
        return str((meta or {}).get("name", ""))

    @property
    def props(self) -> dict[str, Any]:
        meta = self.token.meta if self.token is not None else {}
        return dict((meta or {}).get("props") or {})

    def named(self, *names: str) -> list[MdNode]:
        """The direct child nodes with one of `names`."""
        return [c for c in self.children if isinstance(c, MdNode) and c.name in names]


class MarkdownOut(Protocol):
    """The writer a component's Markdown export calls back into."""

    heading_level: int
    """Level of the heading the current section started with."""
    link: Callable[[str], str]
    """Rewrites an author href for the output (hosted, mirrored, offline)."""

    def blocks(self, items: Sequence[MdNode | Token], *, tight: bool = False) -> str: ...
    def block(self, item: MdNode | Token) -> str: ...
    def inline_nodes(self, items: Sequence[MdNode | Token]) -> str: ...
    def plain(self, node: MdNode) -> str: ...


MAX_TREE_DEPTH = 100
"""Deeper markup (`*` x 2000 makes 1000 nested emphases) keeps its content, not its nesting."""


def tree(tokens: Sequence[Token]) -> list[MdNode | Token]:
    """Nest `*_open`/`*_close` pairs (markdown and components) into nodes; leaves stay tokens."""
    root = MdNode(None)
    stack = [root]
    top = root.children  # the innermost open node's children
    flat = 0  # open tokens past MAX_TREE_DEPTH, dropped with their close
    for tok in tokens:
        nesting = tok.nesting
        if not nesting:
            top.append(tok)
        elif nesting == 1:
            if len(stack) > MAX_TREE_DEPTH:
                flat += 1
                continue
            node = MdNode(tok, [])
            top.append(node)
            stack.append(node)
            top = node.children
        elif flat:
            flat -= 1
        elif len(stack) > 1:
            stack.pop()
            top = stack[-1].children
    return root.children


TAGS = re.compile(r"<[^>]*>")
"""An HTML or JSX tag."""


def tag_text(markup: str) -> str:
    """The text of markup as written, tags removed and entities decoded (no spaces added)."""
    return html.unescape(TAGS.sub("", markup))


def str_prop(props: dict[str, Any], key: str) -> str | None:
    """A prop as text: strings and numbers; None for booleans, expressions and objects."""
    value = props.get(key)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str) and type(value) is str:
        return value
    if isinstance(value, JsxElement):  # title={<span>Start</span>}: its words
        words = " ".join(tag_text(value.source).split())
        return words or None
    return None  # an Expression or an object


def truthy(props: dict[str, Any], key: str) -> bool:
    return flag(props.get(key))


def fence(code: str, info: str = "") -> str:
    ticks = "```"
    while ticks in code:
        ticks += "`"
    code = code if code.endswith("\n") or not code else code + "\n"
    return f"{ticks}{info}\n{code}{ticks}"


def indent(text: str, prefix: str, first: str | None = None) -> str:
    lines = text.split("\n")
    bare = prefix.rstrip()  # a blank line gets the prefix without its trailing spaces
    out = [prefix + line if line and not line.isspace() else bare for line in lines]
    if first is not None:
        out[0] = first + lines[0] if lines[0] and not lines[0].isspace() else first.rstrip()
    return "\n".join(out)


def one_line(text: str) -> str:
    return " ".join(text.split())


def titled(node: MdNode, out: MarkdownOut, key: str = "title") -> str:
    """Tab, Step, Accordion, Update, View: a heading one level below the current section,
    the `description` prop, then the children."""
    props = node.props
    title = str_prop(props, key) or str_prop(props, "title") or ""
    saved = out.heading_level
    level = min(max(saved + 1, 2), 6)
    head = "#" * level + " " + one_line(title) if title else ""
    out.heading_level = level
    desc = str_prop(props, "description")
    body = out.blocks(node.children)
    out.heading_level = saved
    return "\n\n".join(p for p in (head, desc or "", body) if p)


def code_span(node: MdNode, out: MarkdownOut) -> str:
    """Inline: the children as a code span (Badge, `<kbd>`)."""
    inner = out.inline_nodes(node.children)
    return f"`{inner}`" if inner else ""


def nothing(node: MdNode, out: MarkdownOut) -> str:
    return ""
