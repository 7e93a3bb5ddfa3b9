"""Markdown copies of pages for readers and AI tools (`/a/b.md`, `llms.txt`, `llms-full.txt`).

The page is re-read from its token stream (renderer/parse/mdx.py) and written back as plain
CommonMark + GFM tables. This module knows Markdown only: each component's export is its
`ComponentSpec.markdown` / `markdown_inline`, beside its HTML renderer in components/*.py
(callouts -> blockquotes with a bold label, cards -> a list of links, tabs and steps ->
headings, fields -> a bullet list with type and required; `<Visibility for="agents">` content
is kept, `for="humans"` content left out), and HTML elements' exports are in
components/html.py. A component without one gives its children's Markdown.

Links are rewritten by a caller-supplied function (`link(href) -> url`), so the same code serves
hosted, mirrored and offline builds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mintrender.components import REGISTRY
from mintrender.components._jsxscan import opens_fence
from mintrender.components._markdown import MdNode, fence, indent, one_line, tree
from mintrender.components.html import ELEMENT_MARKDOWN, ELEMENT_MARKDOWN_INLINE

if TYPE_CHECKING:
    from markdown_it.token import Token

Link = Callable[[str], str]


def _simple_item(text: str) -> bool:
    last = text.rsplit("\n\n", 1)[-1]
    return "\n\n" not in text or last.startswith("- ")


class MarkdownWriter:
    """Turns one page's tokens into Markdown."""

    def __init__(self, link: Link) -> None:
        self.link = link
        self.heading_level = 1

    # -- blocks ---------------------------------------------------------------------------------
    def blocks(self, items: Sequence[MdNode | Token], *, tight: bool = False) -> str:
        parts = []
        block = self.block
        for it in items:
            p = block(it)
            if p and not p.isspace():
                parts.append(p.strip("\n"))
        if len(parts) == 1:
            return parts[0]
        out: list[str] = []
        for p in parts:
            # one-paragraph list items of consecutive fields/cards form one tight list
            if out and tight:
                out.append("\n")
            elif out and p.startswith("- ") and out[-1].startswith("- ") and _simple_item(out[-1]):
                out.append("\n" if _simple_item(p) else "\n\n")
            elif out:
                out.append("\n\n")
            out.append(p)
        return "".join(out)

    def block(self, item: MdNode | Token) -> str:
        if type(item) is not MdNode:
            return self.leaf(item)  # type: ignore[arg-type]
        tok = item.token
        assert tok is not None
        ttype = tok.type
        if ttype == "paragraph_open":
            return self.blocks(item.children) if not tok.hidden else self.inline_children(item)
        if ttype == "component_open":
            return self.component(item)
        if ttype == "heading_open":
            level = int(tok.tag[1]) if tok.tag[1:].isdigit() else 2
            self.heading_level = level
            return "#" * level + " " + one_line(self.inline_children(item))
        if ttype == "blockquote_open":
            return indent(self.blocks(item.children), "> ")
        if ttype == "bullet_list_open":
            return self.list_items(item, ordered=False)
        if ttype == "ordered_list_open":
            return self.list_items(item, ordered=True)
        if ttype == "list_item_open":
            return self.blocks(item.children)
        if ttype == "table_open":
            return self.table(item)
        if ttype.startswith("footnote_block"):
            return self.footnotes(item)
        if ttype == "footnote_open":
            return self.blocks(item.children)
        return self.blocks(item.children)

    def leaf(self, tok: Token) -> str:
        ttype = tok.type
        if ttype == "inline":
            return self.inline(tok.children or [])
        if ttype == "fence":
            return fence(tok.content, tok.info.strip())
        if ttype == "code_block":
            return fence(tok.content)
        if ttype == "hr":
            return "---"
        if ttype == "html_block":
            return tok.content.strip()
        if ttype in ("math_block", "math_block_label"):
            return f"$$\n{tok.content.strip()}\n$$"
        return ""

    def inline_children(self, node: MdNode) -> str:
        return "".join(
            [
                self.inline(c.children or [])  # type: ignore[arg-type]
                for c in node.children
                if type(c) is not MdNode and c.type == "inline"  # type: ignore[union-attr]
            ]
        )

    def list_items(self, node: MdNode, *, ordered: bool) -> str:
        tok = node.token
        start = 1
        if ordered and tok is not None:
            try:
                start = int(tok.attrGet("start") or 1)
            except ValueError:
                start = 1
        tight = tok is not None and any(
            isinstance(c, MdNode)
            and any(
                isinstance(g, MdNode) and g.token is not None and g.token.hidden for g in c.children
            )
            for c in node.children
        )
        out = []
        n = start
        for child in node.children:
            if not isinstance(child, MdNode):
                continue
            body = self.blocks(child.children, tight=tight) or ""
            marker = f"{n}. " if ordered else "- "
            out.append(indent(body, " " * len(marker), marker))
            n += 1
        return ("\n" if tight else "\n\n").join(out)

    def table(self, node: MdNode) -> str:
        rows: list[list[str]] = []
        aligns: list[str] = []

        def walk(n: MdNode) -> None:
            for c in n.children:
                if not isinstance(c, MdNode) or c.token is None:
                    continue
                if c.token.type == "tr_open":
                    cells = []
                    for cell in c.children:
                        if isinstance(cell, MdNode) and cell.token is not None:
                            text = one_line(self.inline_children(cell)).replace("|", "\\|")
                            cells.append(text)
                            if not rows:
                                style = str(cell.token.attrGet("style") or "")
                                aligns.append(
                                    ":---:"
                                    if "center" in style
                                    else "---:"
                                    if "right" in style
                                    else "---"
                                )
                    rows.append(cells)
                else:
                    walk(c)

        walk(node)
        if not rows:
            return ""
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        aligns += ["---"] * (width - len(aligns))
        lines = ["| " + " | ".join(rows[0]) + " |", "| " + " | ".join(aligns[:width]) + " |"]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        return "\n".join(lines)

    def footnotes(self, node: MdNode) -> str:
        out = []
        for c in node.children:
            if isinstance(c, MdNode) and c.token is not None and c.token.type == "footnote_open":
                label = (c.token.meta or {}).get("label", (c.token.meta or {}).get("id", ""))
                body = self.blocks(c.children)
                out.append(f"[^{label}]: " + indent(body, "    ").lstrip())
        return "\n".join(out)

    # -- components ------------------------------------------------------------------------------
    def component(self, node: MdNode) -> str:
        """A component or HTML element: its own export (`ComponentSpec.markdown`) or its children."""
        name = node.name
        spec = REGISTRY.get(name)
        export = spec.markdown if spec is not None else ELEMENT_MARKDOWN.get(name)
        return export(node, self) if export is not None else self.blocks(node.children)

    def plain(self, node: MdNode) -> str:
        out: list[str] = []
        for c in node.children:
            if isinstance(c, MdNode):
                out.append(self.plain(c))
            elif c.type == "inline":
                out.append("".join(t.content for t in c.children or [] if t.type == "text"))
            else:
                out.append(c.content)
        return "".join(out)

    # -- inline ------------------------------------------------------------------------------------
    def inline(self, tokens: Sequence[Token]) -> str:
        leaf = self.inline_leaf
        out = []
        for tok in tokens:
            if tok.nesting:  # markup that nests (links, emphasis, components): as a tree
                return self.inline_nodes(tree(tokens))
            out.append(tok.content if tok.type == "text" else leaf(tok))
        return "".join(out)

    def inline_nodes(self, items: Sequence[MdNode | Token]) -> str:
        out: list[str] = []
        for it in items:
            if isinstance(it, MdNode):
                out.append(self.inline_node(it))
            else:
                out.append(self.inline_leaf(it))
        return "".join(out)

    def inline_leaf(self, tok: Token) -> str:
        ttype = tok.type
        if ttype == "text":
            return tok.content
        if ttype == "code_inline":
            content = tok.content
            ticks = "`"
            while ticks in content:
                ticks += "`"
            pad = " " if content.startswith("`") or content.endswith("`") else ""
            return f"{ticks}{pad}{content}{pad}{ticks}"
        if ttype == "softbreak":
            return "\n"
        if ttype == "hardbreak":
            return "\\\n"
        if ttype == "image":
            alt = "".join(c.content for c in tok.children or [] if c.type == "text")
            src = str(tok.attrGet("src") or "")
            return f"![{alt}]({self.link(src)})"
        if ttype == "html_inline":
            return "" if tok.content.startswith("<!--") else tok.content
        if ttype in ("math_inline", "math_inline_double"):
            d = "$$" if ttype == "math_inline_double" else "$"
            return f"{d}{tok.content}{d}"
        if ttype == "footnote_ref":
            label = (tok.meta or {}).get("label", (tok.meta or {}).get("id", ""))
            return f"[^{label}]"
        return tok.content or ""

    def inline_node(self, node: MdNode) -> str:
        tok = node.token
        assert tok is not None
        ttype = tok.type
        if ttype == "component_open":  # its export reads the children itself: once (each
            # level read twice doubled the work: `<kbd>` 26 deep never finished)
            spec = REGISTRY.get(node.name)
            export = (
                spec.markdown_inline if spec is not None else ELEMENT_MARKDOWN_INLINE.get(node.name)
            )
            if export is not None:
                return export(node, self)
        inner = self.inline_nodes(node.children)
        if ttype == "strong_open":
            return f"**{inner}**" if inner.strip() else inner
        if ttype == "em_open":
            return f"*{inner}*" if inner.strip() else inner
        if ttype == "s_open":
            return f"~~{inner}~~"
        if ttype == "link_open":
            href = str(tok.attrGet("href") or "")
            if not href:
                return inner
            return f"[{inner}]({self.link(href)})"
        return inner


def page_markdown(
    tokens: Sequence[Token],
    *,
    title: str,
    description: str,
    link: Link,
    extra: str = "",
    instructions: str = "",
    after: str = "",
) -> str:
    """The Markdown copy of one page: `# Title`, the description as a quote, `extra`, the body,
    then `after`."""
    writer = MarkdownWriter(link)
    body = writer.blocks(tree(tokens))
    parts = [f"# {one_line(title)}"]
    if description:
        parts.append(indent(description.strip(), "> "))
    if instructions:
        parts.append(instructions_block(instructions))
    if extra:
        parts.append(extra.strip("\n"))
    if body:
        parts.append(body)
    text = _tidy("\n\n".join(parts))
    # after the tidying: a YAML block is kept as it is (trailing spaces and blank lines)
    return f"{text.rstrip()}\n\n{after.strip(chr(10))}\n" if after else text


def instructions_block(instructions: str) -> str:
    return indent("## Agent Instructions\n" + instructions.strip(), "> ")


def _tidy(text: str) -> str:
    """Collapse runs of blank lines (outside code fences is fine: fences keep theirs)."""
    out: list[str] = []
    infence = ""
    blank = 0
    for line in text.split("\n"):
        if "```" not in line:  # neither opens nor closes a fence (the common case)
            if infence:
                out.append(line)
            elif line and not line.isspace():
                blank = 0
                out.append(line.rstrip())
            elif not blank:
                blank = 1
                out.append("")
            continue
        stripped = line.lstrip(" >-0123456789.")
        if infence:
            out.append(line)
            if stripped.startswith(infence) and not stripped.strip("`"):
                infence = ""
            continue
        marker = re.match(r"`*", stripped).group()  # type: ignore[union-attr]
        if len(marker) >= 3 and opens_fence(marker, stripped[len(marker) :]):
            infence = marker
            blank = 0
            out.append(line.rstrip())
            continue
        if not line.strip():
            blank += 1
            if blank > 1:
                continue
            out.append("")
            continue
        blank = 0
        out.append(line.rstrip())
    return "\n".join(out).strip("\n") + "\n"


def first_paragraph(text: str, limit: int = 300) -> str:
    """llms.txt descriptions: first paragraph, on one line, cut at `limit` characters."""
    para = one_line(text.strip().split("\n\n", 1)[0])
    if len(para) > limit:
        cut = para[: limit - 1].rsplit(" ", 1)[0]
        para = cut.rstrip(",;:") + "…"
    return para
