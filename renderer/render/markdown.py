"""Markdown copies of pages for readers and AI tools (`/a/b.md`, `llms.txt`, `llms-full.txt`).

The page is re-read from its token stream (renderer/mdx.py) and written back as plain
CommonMark + GFM tables: components become readable Markdown (callouts -> blockquotes with a
bold label, cards -> a list of links, tabs and steps -> headings, code groups -> fenced blocks,
ParamField/ResponseField -> a bullet list with type and required). `<Visibility for="agents">`
content is kept, `for="humans"` content left out: the opposite of the HTML page.

Links are rewritten by a caller-supplied function (`link(href) -> url`), so the same code serves
hosted, mirrored and offline builds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it.token import Token

Link = Callable[[str], str]

CALLOUTS = {
    "Note": "Note",
    "Warning": "Warning",
    "Info": "Info",
    "Tip": "Tip",
    "Check": "Check",
    "Danger": "Danger",
    "Callout": "Note",
}
FIELDS = ("ParamField", "ResponseField")
FIELD_NAME_KEYS = ("name", "body", "query", "path", "header", "cookie")
_TRANSPARENT = frozenset(
    "Columns Column CardGroup AccordionGroup Tabs Steps Panel Frame Fragment View CodeGroup "
    "RequestExample ResponseExample div span section article main aside header footer nav "
    "figure p small sup sub u mark center".split()
)


@dataclass(slots=True)
class _Node:
    """A block- or inline-level node built from the flat token stream."""

    token: Token | None
    children: list[_Node | Token] = field(default_factory=list)

    @property
    def name(self) -> str:
        meta = self.token.meta if self.token is not None else {}
        return str((meta or {}).get("name", ""))

    @property
    def props(self) -> dict[str, Any]:
        meta = self.token.meta if self.token is not None else {}
        return dict((meta or {}).get("props") or {})


def _tree(tokens: Sequence[Token]) -> list[_Node | Token]:
    """Nest `*_open`/`*_close` pairs (markdown and components) into nodes; leaves stay tokens."""
    root = _Node(None)
    stack = [root]
    for tok in tokens:
        if tok.nesting == 1:
            node = _Node(tok)
            stack[-1].children.append(node)
            stack.append(node)
        elif tok.nesting == -1:
            if len(stack) > 1:
                stack.pop()
        else:
            stack[-1].children.append(tok)
    return root.children


def _str_prop(props: dict[str, Any], key: str) -> str | None:
    value = props.get(key)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str) and type(value) is str:
        return value
    return None  # an Expression or an object


def _truthy(props: dict[str, Any], key: str) -> bool:
    value = props.get(key)
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def _fence(code: str, info: str = "") -> str:
    ticks = "```"
    while ticks in code:
        ticks += "`"
    code = code if code.endswith("\n") or not code else code + "\n"
    return f"{ticks}{info}\n{code}{ticks}"


def _indent(text: str, prefix: str, first: str | None = None) -> str:
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        p = first if (i == 0 and first is not None) else prefix
        out.append((p + line) if line.strip() else p.rstrip())
    return "\n".join(out)


def _simple_item(text: str) -> bool:
    last = text.rsplit("\n\n", 1)[-1]
    return "\n\n" not in text or last.startswith("- ")


def _one_line(text: str) -> str:
    return " ".join(text.split())


class MarkdownWriter:
    """Turns one page's tokens into Markdown."""

    def __init__(self, link: Link) -> None:
        self.link = link
        self.heading_level = 1

    # -- blocks ---------------------------------------------------------------------------------
    def blocks(self, items: Sequence[_Node | Token], *, tight: bool = False) -> str:
        parts = [p.strip("\n") for p in (self.block(it) for it in items) if p.strip()]
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

    def block(self, item: _Node | Token) -> str:
        if not isinstance(item, _Node):
            return self.leaf(item)
        tok = item.token
        assert tok is not None
        ttype = tok.type
        if ttype == "component_open":
            return self.component(item)
        if ttype == "paragraph_open":
            return self.blocks(item.children) if not tok.hidden else self.inline_children(item)
        if ttype == "heading_open":
            level = int(tok.tag[1]) if tok.tag[1:].isdigit() else 2
            self.heading_level = level
            return "#" * level + " " + _one_line(self.inline_children(item))
        if ttype == "blockquote_open":
            return _indent(self.blocks(item.children), "> ")
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
            return _fence(tok.content, tok.info.strip())
        if ttype == "code_block":
            return _fence(tok.content)
        if ttype == "hr":
            return "---"
        if ttype == "html_block":
            return tok.content.strip()
        if ttype in ("math_block", "math_block_label"):
            return f"$$\n{tok.content.strip()}\n$$"
        if ttype == "component_self":
            return self.component(_Node(tok))
        return ""

    def inline_children(self, node: _Node) -> str:
        return "".join(
            self.inline(c.children or []) if not isinstance(c, _Node) and c.type == "inline" else ""
            for c in node.children
        )

    def list_items(self, node: _Node, *, ordered: bool) -> str:
        tok = node.token
        start = 1
        if ordered and tok is not None:
            try:
                start = int(tok.attrGet("start") or 1)
            except ValueError:
                start = 1
        tight = tok is not None and any(
            isinstance(c, _Node)
            and any(
                isinstance(g, _Node) and g.token is not None and g.token.hidden for g in c.children
            )
            for c in node.children
        )
        out = []
        n = start
        for child in node.children:
            if not isinstance(child, _Node):
                continue
            body = self.blocks(child.children, tight=tight) or ""
            marker = f"{n}. " if ordered else "- "
            out.append(_indent(body, " " * len(marker), marker))
            n += 1
        return ("\n" if tight else "\n\n").join(out)

    def table(self, node: _Node) -> str:
        rows: list[list[str]] = []
        aligns: list[str] = []

        def walk(n: _Node) -> None:
            for c in n.children:
                if not isinstance(c, _Node) or c.token is None:
                    continue
                if c.token.type == "tr_open":
                    cells = []
                    for cell in c.children:
                        if isinstance(cell, _Node) and cell.token is not None:
                            text = _one_line(self.inline_children(cell)).replace("|", "\\|")
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

    def footnotes(self, node: _Node) -> str:
        out = []
        for c in node.children:
            if isinstance(c, _Node) and c.token is not None and c.token.type == "footnote_open":
                label = (c.token.meta or {}).get("label", (c.token.meta or {}).get("id", ""))
                body = self.blocks(c.children)
                out.append(f"[^{label}]: " + _indent(body, "    ").lstrip())
        return "\n".join(out)

    # -- components ------------------------------------------------------------------------------
    def component(self, node: _Node) -> str:
        name, props = node.name, node.props
        if name == "Visibility":
            audience = (_str_prop(props, "for") or "").lower()
            return "" if audience == "humans" else self.blocks(node.children)
        if name in CALLOUTS:
            label = _str_prop(props, "title") or CALLOUTS[name]
            body = self.blocks(node.children)
            return _indent(f"**{label}**" + (f"\n\n{body}" if body else ""), "> ")
        if name == "CardGroup" or name == "Columns":
            cards = [
                c for c in node.children if isinstance(c, _Node) and c.name in ("Card", "Tile")
            ]
            if cards and len(cards) == len([c for c in node.children if isinstance(c, _Node)]):
                return "\n".join(self.card_item(c) for c in cards)
            return self.blocks(node.children)
        if name in ("Card", "Tile"):
            return self.card_item(node)
        if name in ("Tab", "Step", "Accordion", "Update", "View"):
            return self.titled(node)
        if name == "Expandable":
            title = _str_prop(props, "title")
            body = self.blocks(node.children)
            return (f"*{title}*:\n\n" if title else "") + body
        if name in FIELDS:
            return self.field(node)
        if name in ("RequestExample", "ResponseExample"):
            label = "Example request" if name == "RequestExample" else "Example response"
            body = self.blocks(node.children)
            return f"**{label}**\n\n{body}" if body else ""
        if name in ("Tree", "FileTree", "Tree.Folder", "Tree.File"):
            return self.tree(node)
        if name in ("Color", "Color.Row"):
            return self.blocks(node.children)
        if name == "Color.Item":
            return f"- {_str_prop(props, 'name') or ''}: `{_str_prop(props, 'value') or ''}`"
        if name in ("Badge", "Tooltip", "Icon") and not node.children:
            return ""
        if name == "Prompt":
            desc = _str_prop(props, "description")
            body = self.blocks(node.children)
            return (f"**{desc}**\n\n" if desc else "") + _fence(body, "text")
        if name == "CodeBlock":
            return self.blocks(node.children)
        if name in ("Latex", "Mermaid"):
            text = self.blocks(node.children)
            return f"$$\n{text}\n$$" if name == "Latex" else _fence(text, "mermaid")
        if name == "img":
            return self.image_of(props)
        if name == "a":
            return self.anchor_of(props, self.blocks(node.children))
        if name in ("video", "iframe", "audio", "source"):
            src = _str_prop(props, "src")
            title = _str_prop(props, "title") or name.capitalize()
            return f"[{title}]({self.link(src)})" if src else self.blocks(node.children)
        if name in ("br", "hr"):
            return "---" if name == "hr" else ""
        if name == "details":
            return self.blocks(node.children)
        if name == "summary":
            return f"**{_one_line(self.blocks(node.children))}**"
        if name in ("ul", "ol"):
            items = [c for c in node.children if isinstance(c, _Node) and c.name == "li"]
            return "\n".join(
                _indent(self.blocks(c.children), "   " if name == "ol" else "  ", m)
                for c, m in zip(
                    items,
                    (f"{i + 1}. " if name == "ol" else "- " for i in range(len(items))),
                    strict=False,
                )
            )
        if name == "table":
            return self.html_table(node)
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = int(name[1])
            self.heading_level = level
            return "#" * level + " " + _one_line(self.blocks(node.children))
        if name == "pre":
            return _fence(self.plain(node))
        if name in ("script", "style"):
            return ""
        return self.blocks(node.children)

    def titled(self, node: _Node) -> str:
        """Tab, Step, Accordion, Update: a heading one level below the current section."""
        props = node.props
        key = {"Update": "label", "Tab": "title", "View": "title"}.get(node.name, "title")
        title = _str_prop(props, key) or _str_prop(props, "title") or ""
        saved = self.heading_level
        level = min(max(saved + 1, 2), 6)
        head = "#" * level + " " + _one_line(title) if title else ""
        self.heading_level = level
        desc = _str_prop(props, "description")
        body = self.blocks(node.children)
        self.heading_level = saved
        parts = [p for p in (head, desc or "", body) if p]
        return "\n\n".join(parts)

    def card_item(self, node: _Node) -> str:
        props = node.props
        title = _one_line(_str_prop(props, "title") or "")
        href = _str_prop(props, "href")
        body = _one_line(self.blocks(node.children))
        if href:
            label = f"[{title or href}]({self.link(href)})"
        else:
            label = f"**{title}**" if title else ""
        if label and body:
            return f"- {label}: {body}"
        return f"- {label or body}"

    def field(self, node: _Node) -> str:
        props = node.props
        name = next((v for k in FIELD_NAME_KEYS if (v := _str_prop(props, k))), "")
        where = next((k for k in FIELD_NAME_KEYS[1:] if _str_prop(props, k)), "")
        bits = []
        ftype = _str_prop(props, "type")
        if ftype:
            bits.append(ftype)
        if _truthy(props, "required"):
            bits.append("required")
        if where and node.name == "ParamField":
            bits.append(where)
        if _truthy(props, "deprecated"):
            bits.append("deprecated")
        head = f"`{name}`" if name else "(unnamed)"
        if bits:
            head += f" ({', '.join(bits)})"
        default = _str_prop(props, "default")
        body = self.blocks(node.children)
        first, _, rest = body.partition("\n\n")
        if "\n" in first or first.startswith(("- ", "> ", "```", "#", "|", "*")):
            first, rest = "", body
        text = head + (f": {first}" if first else "")
        if default is not None:
            text += f" Default: `{default}`."
        if rest:
            text += "\n\n" + rest
        return _indent(text, "  ", "- ")

    def tree(self, node: _Node, depth: int = 0) -> str:
        if node.name in ("Tree", "FileTree"):
            # children may be a Markdown list already, or Tree.Folder/Tree.File components
            parts = []
            for c in node.children:
                if isinstance(c, _Node) and c.name in ("Tree.Folder", "Tree.File"):
                    parts.append(self.tree(c, 0))
                else:
                    parts.append(self.block(c))
            return "\n".join(p for p in parts if p)
        name = _str_prop(node.props, "name") or ""
        if node.name == "Tree.Folder":
            name = name.rstrip("/") + "/"
        lines = ["  " * depth + f"- {name}"]
        for c in node.children:
            if isinstance(c, _Node) and c.name in ("Tree.Folder", "Tree.File"):
                lines.append(self.tree(c, depth + 1))
        return "\n".join(lines)

    def html_table(self, node: _Node) -> str:
        rows: list[list[str]] = []

        def walk(n: _Node) -> None:
            for c in n.children:
                if isinstance(c, _Node) and c.name == "tr":
                    rows.append(
                        [
                            _one_line(self.blocks(cell.children)).replace("|", "\\|")
                            for cell in c.children
                            if isinstance(cell, _Node) and cell.name in ("td", "th")
                        ]
                    )
                elif isinstance(c, _Node):
                    walk(c)

        walk(node)
        if not rows:
            return self.blocks(node.children)
        width = max(len(r) for r in rows) or 1
        rows = [r + [""] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        return "\n".join(lines)

    def plain(self, node: _Node) -> str:
        out: list[str] = []
        for c in node.children:
            if isinstance(c, _Node):
                out.append(self.plain(c))
            elif c.type == "inline":
                out.append("".join(t.content for t in c.children or [] if t.type == "text"))
            else:
                out.append(c.content)
        return "".join(out)

    def image_of(self, props: dict[str, Any]) -> str:
        src = _str_prop(props, "src")
        if not src:
            return ""
        alt = _str_prop(props, "alt") or ""
        return f"![{alt}]({self.link(src)})"

    def anchor_of(self, props: dict[str, Any], text: str) -> str:
        href = _str_prop(props, "href")
        text = _one_line(text)
        if not href:
            return text
        return f"[{text or href}]({self.link(href)})"

    # -- inline ------------------------------------------------------------------------------------
    def inline(self, tokens: Sequence[Token]) -> str:
        return self.inline_nodes(_tree(tokens))

    def inline_nodes(self, items: Sequence[_Node | Token]) -> str:
        out: list[str] = []
        for it in items:
            if isinstance(it, _Node):
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
        if ttype == "component_self":
            return self.inline_node(_Node(tok))
        return tok.content or ""

    def inline_node(self, node: _Node) -> str:
        tok = node.token
        assert tok is not None
        inner = self.inline_nodes(node.children)
        ttype = tok.type
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
        if ttype != "component_open" and ttype != "component_self":
            return inner
        name, props = node.name, node.props
        if name == "Visibility":
            return "" if (_str_prop(props, "for") or "").lower() == "humans" else inner
        if name in ("strong", "b"):
            return f"**{inner}**"
        if name in ("em", "i"):
            return f"*{inner}*"
        if name == "code":
            return f"`{inner}`"
        if name == "kbd":
            return f"`{inner}`" if inner else ""
        if name == "a":
            return self.anchor_of(props, inner)
        if name == "img":
            return self.image_of(props)
        if name == "br":
            return "\n"
        if name == "Icon":
            return ""
        if name == "Tooltip":
            tip = _str_prop(props, "tip")
            return f"{inner} ({tip})" if tip and inner else inner
        if name == "Badge":
            return f"`{inner}`" if inner else ""
        return inner


def page_markdown(
    tokens: Sequence[Token],
    *,
    title: str,
    description: str,
    link: Link,
    extra: str = "",
    instructions: str = "",
) -> str:
    """The Markdown copy of one page: `# Title`, the description as a quote, then the body."""
    writer = MarkdownWriter(link)
    body = writer.blocks(_tree(tokens))
    parts = [f"# {_one_line(title)}"]
    if description:
        parts.append(_indent(description.strip(), "> "))
    if instructions:
        parts.append(instructions_block(instructions))
    if extra:
        parts.append(extra.strip("\n"))
    if body:
        parts.append(body)
    text = "\n\n".join(parts)
    return _tidy(text)


def instructions_block(instructions: str) -> str:
    return _indent("## Agent Instructions\n" + instructions.strip(), "> ")


_BLANKS = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+\n")


def _tidy(text: str) -> str:
    """Collapse runs of blank lines (outside code fences is fine: fences keep theirs)."""
    out: list[str] = []
    in_fence = ""
    blank = 0
    for line in text.split("\n"):
        stripped = line.lstrip(" >-0123456789.")
        if in_fence:
            out.append(line)
            if stripped.startswith(in_fence) and not stripped.strip("`"):
                in_fence = ""
            continue
        if stripped.startswith("```"):
            in_fence = re.match(r"`+", stripped).group()  # type: ignore[union-attr]
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
    para = _one_line(text.strip().split("\n\n", 1)[0])
    if len(para) > limit:
        cut = para[: limit - 1].rsplit(" ", 1)[0]
        para = cut.rstrip(",;:") + "…"
    return para
