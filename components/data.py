"""Data display: `Tree` / `FileTree` with `Tree.Folder` / `Tree.File`, and `Color` swatches.

<Tree>
  <Tree.Folder name="app" defaultOpen highlight>
    <Tree.File name="page.tsx" />
  </Tree.Folder>
</Tree>
-> <div class="mr-tree tree" data-component="tree" role="tree">
     <ul class="mr-tree__group" role="group">
       <li class="mr-tree__item" role="none"><details class="mr-tree__folder" open data-highlight>
         <summary class="mr-tree__row" role="treeitem">…chevron, folder icon… app</summary>
         <ul class="mr-tree__group" role="group"> …page.tsx row… </ul></details></li></ul></div>

The list form (a Markdown list inside `<Tree>`, blank lines around it) gives the same markup:
items ending in `/` or holding a nested list are folders, open by default.

<Color variant="compact"><Color.Item name="blue-500" value="#3B82F6" /></Color>
-> <div class="mr-color mr-color--compact" data-component="color"><div class="mr-color__items">
     <button type="button" class="mr-color__item" data-color-value="#3B82F6" style="--mr-swatch: #3B82F6">
       <span class="mr-color__swatch"></span><span class="mr-color__name">blue-500</span>
       <span class="mr-color__value">#3B82F6</span></button></div></div>
`value={{ light, dark }}` shows the value of the current mode; clicking copies it (JS).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from mintrender.components._markdown import MdNode, str_prop
from mintrender.components._spec import ComponentSpec, Node
from mintrender.components._util import (
    class_attr,
    coerce_bool,
    css_color,
    esc,
    extra_class,
    label_html,
    strip_tags,
    text_prop,
)
from mintrender.components.html import style_to_css

if TYPE_CHECKING:
    from mintrender.components._markdown import MarkdownOut
    from mintrender.components._spec import RenderCtx


# ---- Tree --------------------------------------------------------------------------------


def _folder(
    ctx: RenderCtx, name: str, inner: str, *, open_: bool, openable: bool, highlight: bool
) -> str:
    """A folder row; `name` is HTML (a JSX name keeps its markup, a list item's is escaped)."""
    folder = ctx.ui_icon("folder", "mr-tree__icon mr-tree__icon--closed") + ctx.ui_icon(
        "folder-open", "mr-tree__icon mr-tree__icon--open"
    )
    mark = " data-highlight" if highlight else ""
    label = f'<span class="mr-tree__name">{name}</span>'
    group = f'<ul class="mr-tree__group" role="group">{inner}</ul>'
    if not openable:
        return (
            f'<li class="mr-tree__item" role="none"><div class="mr-tree__folder mr-tree__folder--static"'
            f'{mark}><div class="mr-tree__row" role="treeitem" tabindex="-1">'
            f'<span class="mr-tree__spacer"></span>{folder}{label}</div>'
            f"{group if open_ else ''}</div></li>"
        )
    return (
        f'<li class="mr-tree__item" role="none"><details class="mr-tree__folder"'
        f'{" open" if open_ else ""}{mark}><summary class="mr-tree__row" role="treeitem" '
        f'tabindex="-1">{ctx.ui_icon("chevron-right", "mr-tree__chevron")}{folder}{label}</summary>{group}</details></li>'
    )


def _file(ctx: RenderCtx, name: str, *, highlight: bool) -> str:
    """A file row; `name` is HTML, as `_folder`'s."""
    icon = ctx.ui_icon("file", "mr-tree__icon")
    mark = " data-highlight" if highlight else ""
    return (
        f'<li class="mr-tree__item" role="none"><div class="mr-tree__file"{mark}>'
        f'<div class="mr-tree__row" role="treeitem" tabindex="-1"><span class="mr-tree__spacer">'
        f'</span>{icon}<span class="mr-tree__name">{name}</span></div></div></li>'
    )


def render_tree(node: Node, ctx: RenderCtx) -> str:
    """`<Tree>` / `<FileTree>`: folders and files from components or from a Markdown list."""
    if any(c.name in ("Tree.Folder", "Tree.File") for c in node.children):
        inner = "".join(c.html for c in node.children if c.name in ("Tree.Folder", "Tree.File"))
    else:
        inner = _list_tree(ctx, node.html)
        if not inner and node.html.strip():
            ctx.warn(
                node.line,
                "component-children",
                f"<{node.name}> holds neither <Tree.Folder>/<Tree.File> nor a Markdown list "
                "(leave a blank line after the opening tag)",
            )
            return f'<div class="mr-tree tree">{node.html}</div>'
    style = style_to_css(node.props.get("style"))
    style_attr = f' style="{esc(style)}"' if style else ""
    classes = class_attr("mr-tree tree", extra_class(node))
    return (
        f'<div class="{classes}" data-component="tree" role="tree"{style_attr}>'
        f'<ul class="mr-tree__group" role="group">{inner}</ul></div>'
    )


def render_folder(node: Node, ctx: RenderCtx) -> str:
    """`<Tree.Folder name defaultOpen openable highlight>` with nested folders and files."""
    name = label_html(ctx, node.props, "name")
    if not name:
        ctx.warn(node.line, "component-props", "<Tree.Folder> needs a name")
    inner = "".join(c.html for c in node.children if c.name in ("Tree.Folder", "Tree.File"))
    return _folder(
        ctx,
        name,
        inner,
        open_=coerce_bool(node.props.get("defaultOpen")),
        openable=coerce_bool(node.props.get("openable"), True),
        highlight=coerce_bool(node.props.get("highlight")),
    )


def render_file(node: Node, ctx: RenderCtx) -> str:
    """`<Tree.File name highlight />`."""
    name = label_html(ctx, node.props, "name")
    if not name:
        ctx.warn(node.line, "component-props", "<Tree.File> needs a name")
    return _file(ctx, name, highlight=coerce_bool(node.props.get("highlight")))


class _ListReader(HTMLParser):
    """Nested `<ul>/<ol><li>` HTML -> [(text, children)], inline formatting dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: list[list[Any]] = []
        self.stack: list[list[list[Any]]] = []
        self.items: list[list[Any]] = []
        self.found = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ul", "ol"):
            self.found = True
            if not self.stack:
                self.stack.append(self.root)
            elif self.items:
                self.stack.append(self.items[-1][1])
        elif tag == "li" and self.stack:
            item: list[Any] = ["", []]
            self.stack[-1].append(item)
            self.items.append(item)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol") and self.stack:
            self.stack.pop()
        elif tag == "li" and self.items:
            self.items.pop()

    def handle_data(self, data: str) -> None:
        if self.items and not self.items[-1][1]:
            self.items[-1][0] += data


def _list_items(ctx: RenderCtx, items: list[list[Any]]) -> str:
    out = []
    for text, children in items:
        name = " ".join(text.split())
        if name.endswith("/") or children:
            out.append(
                _folder(
                    ctx,
                    esc(name.rstrip("/")),
                    _list_items(ctx, children),
                    open_=bool(children),
                    openable=True,
                    highlight=False,
                )
            )
        elif name:
            out.append(_file(ctx, esc(name), highlight=False))
    return "".join(out)


def _list_tree(ctx: RenderCtx, markup: str) -> str:
    reader = _ListReader()
    reader.feed(markup)
    return _list_items(ctx, reader.root) if reader.found else ""


# ---- Color -------------------------------------------------------------------------------

_SAFE_COLOR = re.compile(r"^[#\w\s(),.%/+-]+$")


def _color(value: Any) -> str | None:
    if isinstance(value, str) and _SAFE_COLOR.match(value.strip()):
        return value.strip()
    return css_color(value)


def render_color_item(node: Node, ctx: RenderCtx) -> str:
    """`<Color.Item name value>`: a swatch button; `value` may be `{light, dark}`."""
    name = text_prop(node.props, "name") or ""
    value = node.props.get("value")
    if isinstance(value, dict):
        light, dark = _color(value.get("light")), _color(value.get("dark"))
        light = light or dark
        dark = dark or light
    else:
        light = dark = _color(value)
    if light is None or dark is None:
        ctx.warn(
            node.line, "component-props", f"<Color.Item name={name!r}> needs a CSS colour value"
        )
        return ""
    if light == dark:
        style = f"--mr-swatch: {light}"
        shown = f'<span class="mr-color__value">{esc(light)}</span>'
        data = f' data-color-value="{esc(light)}"'
    else:
        style = f"--mr-swatch-light: {light}; --mr-swatch-dark: {dark}"
        shown = (
            f'<span class="mr-color__value mr-color__value--light">{esc(light)}</span>'
            f'<span class="mr-color__value mr-color__value--dark">{esc(dark)}</span>'
        )
        data = f' data-color-light="{esc(light)}" data-color-dark="{esc(dark)}"'
    label = f"Copy {name or light}"
    return (
        f'<button type="button" class="mr-color__item" data-component="color-item"{data} '
        f'style="{esc(style)}" aria-label="{esc(label)}" title="{esc(label)}">'
        f'<span class="mr-color__swatch" aria-hidden="true"></span>'
        f'<span class="mr-color__text"><span class="mr-color__name">{label_html(ctx, node.props, "name")}</span>'
        f"{shown}</span>"
        f"</button>"
    )


def _items(node: Node) -> str:
    return "".join(c.html for c in node.children if c.name == "Color.Item")


def render_color_row(node: Node, ctx: RenderCtx) -> str:
    """`<Color.Row title>`: a labelled row of swatches (table variant)."""
    title = label_html(ctx, node.props, "title")
    return (
        f'<div class="mr-color__row" role="row"><div class="mr-color__row-title" role="rowheader">'
        f'{title}</div><div class="mr-color__items" role="cell">{_items(node)}</div></div>'
    )


def render_color(node: Node, ctx: RenderCtx) -> str:
    """`<Color variant="compact|table">` holding items or rows."""
    variant = text_prop(node.props, "variant") or "compact"
    if variant not in ("compact", "table"):
        ctx.warn(
            node.line, "component-props", f'<Color variant="{variant}"> is not compact or table'
        )
        variant = "compact"
    rows = "".join(c.html for c in node.children if c.name == "Color.Row")
    items = _items(node)
    body = rows + (f'<div class="mr-color__items">{items}</div>' if items else "")
    if not body:
        body = strip_tags(node.html)
    role = ' role="table"' if variant == "table" else ""
    classes = class_attr(f"mr-color mr-color--{variant} color", extra_class(node))
    return f'<div class="{classes}" data-component="color"{role}>{body}</div>'


# ---- Markdown export ---------------------------------------------------------------------


def tree_markdown(node: MdNode, out: MarkdownOut) -> str:
    """Markdown: a nested list of names, folders ending in `/` (a Markdown list stays one)."""
    parts = []
    for c in node.children:
        if isinstance(c, MdNode) and c.name in ("Tree.Folder", "Tree.File"):
            parts.append(_entry_markdown(c, 0))
        else:
            parts.append(out.block(c))
    return "\n".join(p for p in parts if p)


def _entry_markdown(node: MdNode, depth: int) -> str:
    name = str_prop(node.props, "name") or ""
    if node.name == "Tree.Folder":
        name = name.rstrip("/") + "/"
    lines = ["  " * depth + f"- {name}"]
    lines += [_entry_markdown(c, depth + 1) for c in node.named("Tree.Folder", "Tree.File")]
    return "\n".join(lines)


def color_item_markdown(node: MdNode, out: MarkdownOut) -> str:
    """`- Name: `#hex``; a `{light, dark}` value gives both, as the swatch shows them."""
    name = str_prop(node.props, "name") or ""
    value = node.props.get("value")
    if isinstance(value, dict):
        light, dark = str_prop(value, "light"), str_prop(value, "dark")
        if light and dark and light != dark:
            return f"- {name}: `{light}` (light), `{dark}` (dark)"
        return f"- {name}: `{light or dark or ''}`"
    return f"- {name}: `{str_prop(node.props, 'value') or ''}`"


def _entry_alone(node: MdNode, out: MarkdownOut) -> str:
    """A folder or file written outside a Tree: the entry as a top-level list item."""
    return _entry_markdown(node, 0)


COMPONENTS: tuple[ComponentSpec, ...] = (
    ComponentSpec(name="Tree", render=render_tree, markdown=tree_markdown, parts=("tree",)),
    ComponentSpec(name="FileTree", render=render_tree, markdown=tree_markdown, parts=("tree",)),
    ComponentSpec(name="Tree.Folder", render=render_folder, markdown=_entry_alone, parts=("tree",)),
    ComponentSpec(name="Tree.File", render=render_file, markdown=_entry_alone, parts=("tree",)),
    ComponentSpec(name="Color", render=render_color, parts=("color",)),
    ComponentSpec(name="Color.Row", render=render_color_row, parts=("color",)),
    ComponentSpec(
        name="Color.Item", render=render_color_item, markdown=color_item_markdown, parts=("color",)
    ),
)
