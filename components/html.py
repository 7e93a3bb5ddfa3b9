"""Lowercase JSX elements (`<div className>`, `<img>`, `<iframe>`…) rendered as real HTML.

<div className="flex gap-2" style={{marginTop: 8}}>…</div>
-> <div class="flex gap-2" style="margin-top: 8px">…</div>
"""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING, Any

from mintrender.components._attrnames import attribute_name
from mintrender.components._jsxparse import Expression
from mintrender.components._jsxscan import VOID_ELEMENTS
from mintrender.components._markdown import (
    MdNode,
    code_span,
    fence,
    indent,
    nothing,
    one_line,
    str_prop,
    tag_text,
)
from mintrender.components._spec import ComponentSpec, MarkdownFn, Node
from mintrender.components._util import strip_tags
from mintrender.parse.jsvalues import js_string
from mintrender.safeurl import runs_script

if TYPE_CHECKING:
    from mintrender.components._markdown import MarkdownOut
    from mintrender.components._spec import RenderCtx

# React's unitless CSS properties (a bare number gets no `px`), kebab-case, prefix removed.
_UNITLESS = frozenset(
    "animation-iteration-count aspect-ratio border-image-outset border-image-slice "
    "border-image-width box-flex box-flex-group box-ordinal-group column-count columns flex "
    "flex-grow flex-positive flex-shrink flex-negative flex-order font-weight grid-area "
    "grid-row grid-row-end grid-row-span grid-row-start grid-column grid-column-end "
    "grid-column-span grid-column-start line-clamp line-height opacity order orphans scale "
    "tab-size widows z-index zoom fill-opacity flood-opacity stop-opacity stroke-dasharray "
    "stroke-dashoffset stroke-miterlimit stroke-opacity stroke-width".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_DROP = {"noZoom", "actions", "actionsPlacement", "noAnchor", "key", "ref", "children"}
_HANDLER_ATTR = re.compile(r"""\s+on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.I)
_INNER_HTML = "dangerouslySetInnerHTML"
"""`{{ __html: "<b>…</b>" }}`: the element's content, as React sets it (not an attribute)."""
_URL_ATTRS = {"src", "href", "poster", "data", "xlink:href", "action", "formaction"}
_UNSAFE_TAGS = {"script"}


def style_to_css(style: Any) -> str:
    """`{{marginTop: 8, color: "red"}}` -> `margin-top: 8px; color: red`."""
    if isinstance(style, str):
        return style
    if not isinstance(style, dict):
        return ""
    parts = []
    for key, value in style.items():
        if value is None or isinstance(value, (Expression, dict, list, bool)) or value == "":
            continue  # React leaves out `false`, `true` and "" (`opacity: faded && 0.5`)
        prop = key if key.startswith("--") else re.sub(r"(?<!^)([A-Z])", r"-\1", key).lower()
        if prop.startswith(("webkit-", "moz-", "ms-")):
            prop = "-" + prop
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            text = str(int(value) if float(value).is_integer() else value)
            unitless = prop.startswith("--") or re.sub(r"^-(webkit|moz|ms)-", "", prop) in _UNITLESS
            if not unitless and value != 0:  # a custom property's number stays a number
                text += "px"
        else:
            text = str(value)
        parts.append(f"{prop}: {text}")
    return "; ".join(parts)


def html_attributes(node: Node, ctx: RenderCtx) -> str:
    out = []
    for key, value in node.props.items():
        # event handlers (`onClick`, `onerror`) cannot run from static docs and are dropped
        if key in _DROP or key[:2].lower() == "on" or key == _INNER_HTML:
            continue
        name = attribute_name(key)
        if isinstance(value, bool) and name.startswith(("aria-", "data-")):
            value = "true" if value else "false"  # as React writes them (`aria-expanded={open}`)
        if value is None or value is False or isinstance(value, Expression):
            continue
        if key == "style":
            text = style_to_css(value)
        elif value is True:
            out.append(f" {name}")
            continue
        else:  # as React writes a value: `["a", "b"]` is `a,b`, a number as JavaScript's
            text = value if isinstance(value, str) else js_string(value)
        if key in ("className", "class"):  # React writes `class` through too
            ctx.note_classes(text)
        if name in _URL_ATTRS and runs_script(text):
            ctx.warn(node.line, "unsafe-url", f"{name}={text[:40]!r} runs script; it is left out")
            continue
        if name in _URL_ATTRS and node.name not in ("svg", "path", "use") and ":" not in name:
            text = ctx.link(text, line=node.line)
        if text == "" and name in ("style",):
            continue
        out.append(f' {name}="{html.escape(text)}"')
    return "".join(out)


_DATA_SCRIPTS = frozenset({"application/ld+json", "application/json"})
"""`<script type>`s that hold data, never code: JSON-LD (a page's structured data for search
engines) is kept, as Mintlify's server-rendered page has it."""


def _data_script(node: Node, ctx: RenderCtx) -> str:
    """`<script type="application/ld+json">{`{...}`}</script>`: the JSON, checked and written
    so that no `</script>` inside it can end the element; invalid JSON is a warning."""
    kind = str(node.props.get("type", "")).strip().lower()
    text = tag_text(node.html).strip()  # links made of its URLs too
    try:
        data = json.loads(text)
    except ValueError as exc:
        ctx.warn(
            node.line,
            "mdx-script",
            f'<script type="{kind}"> holds no valid JSON ({exc}); it is left out',
        )
        return ""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="{kind}">{body}</script>'


_HEADING_CHIP = re.compile(r'<a class="mr-heading__anchor"[^>]*></a>')


def render_element(node: Node, ctx: RenderCtx) -> str:
    tag = node.name
    if tag.lower() == "script" and str(node.props.get("type", "")).strip().lower() in _DATA_SCRIPTS:
        return _data_script(node, ctx)
    if tag.lower() in _UNSAFE_TAGS:
        ctx.warn(
            node.line,
            "mdx-script",
            f"<{tag}> in page content does not run; put scripts in a .js file of the docs folder",
        )
        return ""
    attrs = html_attributes(node, ctx)
    if tag in ("select", "textarea"):  # `value`: an option selected, the text (React DOM)
        return _form_control(tag, attrs, node)
    if tag == "style":  # raw text: CSS as written (`a > b`, `[href="#"]`), never entities
        css = re.sub(r"</(?=style)", r"<\\/", tag_text(node.html), flags=re.I)
        return f"<style{attrs}>{css}</style>"
    if tag == "img":
        if "loading=" not in attrs:
            attrs += ' loading="lazy"'
        if not node.props.get("noZoom"):
            attrs += " data-zoom"
    if tag == "video" and "autoplay" in attrs and "muted" not in attrs:
        attrs += " muted playsinline"
    if (
        tag == "a"
        and str(node.props.get("href") or "").startswith(("http://", "https://"))
        and "target=" not in attrs
    ):
        attrs += ' target="_blank"' + ("" if " rel=" in attrs else ' rel="noopener"')
    if tag.lower() in VOID_ELEMENTS:
        return f"<{tag}{attrs}>"
    inner = node.props.get(_INNER_HTML)
    if isinstance(inner, dict) and isinstance(inner.get("__html"), str):
        content = inner["__html"]
        if re.search(r"<\s*script", content, re.I):  # a script never runs from page content
            ctx.warn(node.line, "mdx-script", f"<{tag} {_INNER_HTML}> holds a script; left out")
            content = ""
        content = _HANDLER_ATTR.sub("", content)  # nor a handler (`onerror=`), as in JSX
        return f"<{tag}{attrs}>{content}</{tag}>"
    if tag in _HEADINGS and not node.inline:
        return render_heading(tag, attrs, node, ctx)
    if tag == "table" and not node.inline:  # scrolls sideways in its column, as Markdown's do
        return f'<div class="mr-table-wrap"><table{attrs}>{node.html}</table></div>'
    if tag == "a" and "mr-heading__anchor" in node.html:  # a link card holding a heading:
        # no link in a link (a browser would end the card at the heading's chip)
        return f"<a{attrs}>{_HEADING_CHIP.sub('', node.html)}</a>"
    return f"<{tag}{attrs}>{node.html}</{tag}>"


def _form_control(tag: str, attrs: str, node: Node) -> str:
    """`<select value="b">` with `<option value="b" selected>`; `<textarea value="x">` holding
    `x`: as React renders them on the server (`value` is no attribute of either)."""
    value = node.props.get("value", node.props.get("defaultValue"))
    attrs = re.sub(r' value="[^"]*"', "", attrs)
    inner = node.html
    if value is None or isinstance(value, (bool, dict, Expression)):
        return f"<{tag}{attrs}>{inner}</{tag}>"
    text = value if isinstance(value, str) else js_string(value)
    if tag == "textarea":
        return f"<{tag}{attrs}>{html.escape(text, quote=False)}</{tag}>"
    chosen = f'<option value="{html.escape(text)}"'
    return f"<{tag}{attrs}>{inner.replace(chosen, chosen + ' selected', 1)}</{tag}>"


def render_heading(
    tag: str, attrs: str, node: Node, ctx: RenderCtx, *, id_in_attrs: bool = True
) -> str:
    """`<h2>Text</h2>` gets an id and the anchor chip like a Markdown heading.

    `noAnchor` drops the chip; styled headings (`className`, `class`) keep their own look and get only
    the id, as Mintlify stopped restyling them (changelog: "<h1-6> tag conversion").
    `id_in_attrs`: an explicit `id` prop is among `attrs` already (an HTML `<h2 id>`; not a
    `<Heading id>`).
    """
    explicit = node.props.get("id") if isinstance(node.props.get("id"), str) else None
    text = strip_tags(node.html)
    anchor = html.escape(ctx.slug(text, explicit))
    if explicit is None or not id_in_attrs:
        attrs = f' id="{anchor}"' + attrs
    if node.props.get("noAnchor") or "className" in node.props or "class" in node.props:
        return f"<{tag}{attrs}>{node.html}</{tag}>"  # `class` is `className` (React 19)
    attrs += ' class="mr-heading"'
    label = html.escape(ctx.text("link_section"))
    chip = f'<a class="mr-heading__anchor" href="#{anchor}" aria-label="{label}"></a>'
    return f"<{tag}{attrs}>{chip}{node.html}</{tag}>"


# --- Markdown export (renderer/render/markdown.py) -------------------------------------------


def _image(node: MdNode, out: MarkdownOut) -> str:
    src = str_prop(node.props, "src")
    if not src:
        return ""
    return f"![{str_prop(node.props, 'alt') or ''}]({out.link(src)})"


def _anchor(node: MdNode, out: MarkdownOut, text: str) -> str:
    href = str_prop(node.props, "href")
    text = one_line(text)
    if not href:
        return text
    return f"[{text or href}]({out.link(href)})"


def _media(node: MdNode, out: MarkdownOut) -> str:
    src = str_prop(node.props, "src")
    title = str_prop(node.props, "title") or node.name.capitalize()
    return f"[{title}]({out.link(src)})" if src else out.blocks(node.children)


def _list(node: MdNode, out: MarkdownOut) -> str:
    ordered = node.name == "ol"
    return "\n".join(
        indent(
            out.blocks(item.children), "   " if ordered else "  ", f"{i + 1}. " if ordered else "- "
        )
        for i, item in enumerate(node.named("li"))
    )


def _table(node: MdNode, out: MarkdownOut) -> str:
    rows: list[list[str]] = []

    def walk(n: MdNode) -> None:
        for c in n.children:
            if isinstance(c, MdNode) and c.name == "tr":
                cells = c.named("td", "th")
                rows.append([one_line(out.blocks(x.children)).replace("|", "\\|") for x in cells])
            elif isinstance(c, MdNode):
                walk(c)

    walk(node)
    if not rows:
        return out.blocks(node.children)
    width = max(len(r) for r in rows) or 1
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def _heading(node: MdNode, out: MarkdownOut) -> str:
    level = int(node.name[1])
    out.heading_level = level
    return "#" * level + " " + one_line(out.blocks(node.children))


ELEMENT_MARKDOWN: dict[str, MarkdownFn] = {
    "img": _image,
    "a": lambda node, out: _anchor(node, out, out.blocks(node.children)),
    **dict.fromkeys(("video", "iframe", "audio", "source"), _media),
    "br": nothing,
    "hr": lambda node, out: "---",
    "summary": lambda node, out: f"**{one_line(out.blocks(node.children))}**",
    "ul": _list,
    "ol": _list,
    "table": _table,
    **dict.fromkeys(_HEADINGS, _heading),
    "pre": lambda node, out: fence(out.plain(node)),
    "script": nothing,
    "style": nothing,
}
"""Block exports of HTML elements (the others give their children's Markdown)."""


def _wrap(mark: str) -> MarkdownFn:
    return lambda node, out: f"{mark}{out.inline_nodes(node.children)}{mark}"


ELEMENT_MARKDOWN_INLINE: dict[str, MarkdownFn] = {
    "strong": _wrap("**"),
    "b": _wrap("**"),
    "em": _wrap("*"),
    "i": _wrap("*"),
    "code": _wrap("`"),
    "kbd": code_span,
    "a": lambda node, out: _anchor(node, out, out.inline_nodes(node.children)),
    "img": _image,
    "br": lambda node, out: "\n",
}
"""Exports of HTML elements inside a paragraph (the others give their children's text)."""

# Lowercase names are dispatched by the page renderer without registry entries.
COMPONENTS: tuple[ComponentSpec, ...] = ()
