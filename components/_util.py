"""Helpers shared by the component families: prop coercion, icons, child checks, rebuilding.

Props arrive as the JSX parser produced them: strings, numbers, booleans, lists, dicts, or an
`Expression` for anything the build cannot evaluate. The corpus writes booleans and numbers as
strings too (`defaultOpen="True"`, `max="1024"`), so every family reads props through these
helpers instead of trusting the type.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from mintrender.components._jsxparse import Expression, JsxElement, JsxSyntaxError, parse_tag
from mintrender.components._markdown import TAGS
from mintrender.safeurl import runs_script

if TYPE_CHECKING:
    from mintrender.components._spec import Child, Node, RenderCtx

_TAG = re.compile(r"<([^\W\d_][\w.-]*)")
_CSS_COLOR = re.compile(r"^(?:#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(?:rgb|rgba|hsl|hsla|oklch)\([^;{}]*\))$")
_SVG_ATTRS = {
    "className": "class",
    "strokeWidth": "stroke-width",
    "strokeLinecap": "stroke-linecap",
    "strokeLinejoin": "stroke-linejoin",
    "fillRule": "fill-rule",
    "clipRule": "clip-rule",
    "fillOpacity": "fill-opacity",
    "strokeOpacity": "stroke-opacity",
}
_SVG_ATTR = re.compile(r"\b(" + "|".join(_SVG_ATTRS) + r")=")

CHEVRON_RIGHT = (
    '<svg class="{cls}" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">'
    '<path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" stroke-width="1.6" '
    'stroke-linecap="round" stroke-linejoin="round"/></svg>'
)
COPY_ICON = (
    '<svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" '
    'stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">'
    '<rect x="9" y="9" width="13" height="13" rx="2"/><path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 '
    '2-2h9a2 2 0 0 1 2 2v1"/></svg>'
)
LINK_ICON = (
    '<svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true"><path d="M6.5 9.5l3-3M7 '
    '4.5l1-1a2.83 2.83 0 0 1 4 4l-1 1M9 11.5l-1 1a2.83 2.83 0 0 1-4-4l1-1" fill="none" '
    'stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/></svg>'
)


def esc(value: Any) -> str:
    """HTML-escape any value (quotes too, so it is safe in attributes)."""
    return html.escape(str(value), quote=True)


def is_set(value: Any) -> bool:
    """A prop the author gave a usable value (not missing, not an unevaluated expression)."""
    return value is not None and not isinstance(value, Expression)


def text_prop(props: dict[str, Any], key: str) -> str | None:
    """A string-like prop as text: strings and numbers, and the text of JSX markup; None for
    booleans, lists, other expressions."""
    value = props.get(key)
    if isinstance(value, JsxElement):  # markup where text is read: its text, never nothing
        text = " ".join(text_of_html(value.source).split())
        return text or None
    if isinstance(value, bool) or not is_set(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (str, int, float)):
        return str(value)
    return None


_TAGS = re.compile(r"<[^>]*>")


def text_of_html(markup: str) -> str:
    """The text of a label's HTML (`label_html`), for an attribute: tags out, references read."""
    return html.unescape(_TAGS.sub("", markup))


def label_html(ctx: RenderCtx, props: dict[str, Any], key: str, *, markdown: bool = False) -> str:
    """A label prop as HTML: text escaped (or, with `markdown`, read as inline Markdown: a
    Frame's caption), or the markup of a JSX element given as its value (`<Step
    title={<span className="x">Start</span>}>`, `<Tree.Folder name={<>a <Badge>b</Badge></>}>`),
    which Mintlify draws: its text alone would drop the markup; "" when unset.

    For what is drawn only: an id, an attribute, the search text and the Markdown copy take
    the text (`text_prop`, `str_prop`)."""
    value = props.get(key)
    if isinstance(value, JsxElement):
        source = value.source.strip()
        if source.startswith("<>") and source.endswith("</>"):  # a fragment: its children
            source = source[2:-3]
        return ctx.markdown(source, inline=True)
    text = text_prop(props, key)
    if not text:
        return ""
    return ctx.markdown(text, inline=True) if markdown else esc(text)


def coerce_bool(value: Any, default: bool = False) -> bool:
    """`true`, `"true"`, `"True"`, bare prop -> True; `"false"`, `{false}` -> False."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        low = value.strip().lower()
        if low in ("true", "yes", "1", ""):
            return True
        if low in ("false", "no", "0", "null", "undefined"):
            return False
        return default
    if isinstance(value, (int, float)):
        return bool(value)
    return default


def coerce_int(value: Any, default: int | None = None) -> int | None:
    """`2`, `"2"`, `2.0` -> 2; anything else -> default."""
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    return default


def css_color(value: Any) -> str | None:
    """A colour safe to put in a style attribute (hex, name, rgb()/hsl()), else None."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value if _CSS_COLOR.match(value) else None


def icon_html(
    ctx: RenderCtx,
    node: Node,
    *,
    key: str = "icon",
    type_key: str = "iconType",
    css_class: str = "mr-icon",
    size: int | None = None,
    color: str | None = None,
) -> str:
    """The icon a component names: library icon, URL/path `<img>`, or inline JSX `<svg>` or
    `<img>`."""
    value = node.props.get(key)
    if isinstance(value, Expression):
        source = value.source.strip()
        if source.startswith("<svg") and source.endswith(">") and "<script" not in source.lower():
            svg = _SVG_ATTR.sub(lambda m: _SVG_ATTRS[m.group(1)] + "=", source)
            head_end = svg.find(">")
            head = svg[:head_end]
            own = re.search(r'\sclass="([^"]*)"', head)
            if own:  # merge the author's classes with ours rather than writing class twice
                head = (
                    head[: own.start()] + f' class="{css_class} {own.group(1)}"' + head[own.end() :]
                )
                return head.replace("<svg", '<svg aria-hidden="true"', 1) + svg[head_end:]
            return svg.replace("<svg", f'<svg class="{css_class}" aria-hidden="true"', 1)
        if source.startswith("<img"):  # icon={<img src="https://img.logo.dev/…" />}: its URL
            try:
                src = parse_tag(source, 0, None, loose=True).props.get("src")
            except JsxSyntaxError:
                src = None
            if isinstance(src, str) and src.strip():
                return ctx.icon(
                    src.strip(), None, size=size, color=color, css_class=css_class, line=node.line
                )
        return ""
    if not isinstance(value, str) or not value.strip():
        return ""
    icon_type = node.props.get(type_key)
    return ctx.icon(
        value,
        icon_type if isinstance(icon_type, str) else None,
        size=size,
        color=color,
        css_class=css_class,
        line=node.line,
    )


def strip_tags(markup: str) -> str:
    """Plain text of rendered HTML, whitespace collapsed."""
    return " ".join(html.unescape(TAGS.sub(" ", markup)).split())


def _describe(child_name: str) -> str:
    return "a code block" if child_name == "code" else f"<{child_name}>"


def misfits(node: Node, allowed: Iterable[str]) -> list[str]:
    """Descriptions of the node's direct children that are not `allowed`, in source order:
    components (`<Note>`, `a code block`) and what sits between them (`<p>`, `<ol>`, `text`).

    Source order matters because a component nested in Markdown (a `<Frame>` in a list item)
    is among `node.children` too, yet the list around it is what sits in the container, so
    the first misfit named must be the first one written."""
    allowed = tuple(allowed)
    found: list[str] = []
    pos = 0
    source = node.html
    for child in node.children:
        at = source.find(child.html, pos) if child.html else -1
        if at >= 0:
            found.extend(_gap(source[pos:at]))
            pos = at + len(child.html)
        if child.name not in allowed:
            found.append(_describe(child.name))
    found.extend(_gap(source[pos:]))
    return found


def _gap(text: str) -> list[str]:
    if not text.strip():
        return []
    m = _TAG.search(text)
    return [f"<{m.group(1)}>" if m else "text"]


def check_children(
    node: Node, ctx: RenderCtx, allowed: Iterable[str], label: str | None = None
) -> bool:
    """Warn (once per element) when a container holds anything but `allowed` components.

    `<Steps>` holding a paragraph gives "<Steps> may only contain <Step>, found <p>".
    Returns True when the children are fine.
    """
    allowed = tuple(allowed)
    found = misfits(node, allowed)
    if not found:
        return True
    names = label or " or ".join(f"<{a}>" for a in allowed)
    ctx.warn(
        node.line,
        "component-children",
        f"<{node.name}> may only contain {names}, found {found[0]}",
    )
    return False


def rebuild(node: Node, fn: Callable[[int, Child], str]) -> str:
    """node.html with each direct child's HTML replaced by `fn(index, child)`, gaps kept."""
    out: list[str] = []
    pos = 0
    source = node.html
    for index, child in enumerate(node.children):
        at = source.find(child.html, pos) if child.html else -1
        if at < 0:
            continue
        out.append(source[pos:at])
        out.append(fn(index, child))
        pos = at + len(child.html)
    out.append(source[pos:])
    return "".join(out)


def class_attr(*names: str | None) -> str:
    """`class="a b"` from the non-empty names."""
    return " ".join(n for n in names if n)


def extra_class(node: Node) -> str:
    """The author's `className`, escaped, for appending to a component's class list."""
    value = node.props.get("className")
    return esc(value) if isinstance(value, str) and value.strip() else ""


def is_external_href(href: str) -> bool:
    return href.startswith(("http://", "https://", "//", "mailto:", "tel:"))


def safe_href(ctx: RenderCtx, node: Node, href: str | None) -> str:
    """`href`, or "" for one that runs script (`javascript:`), with an `unsafe-url` warning:
    the component is drawn as no link, as an `<a>`'s such href is left out."""
    if href and runs_script(href):
        ctx.warn(node.line, "unsafe-url", f"href={href[:40]!r} runs script; it is left out")
        return ""
    return href or ""


def link_attrs(ctx: RenderCtx, node: Node, href: str) -> str:
    """` href="…"` (rewritten for the output mode) plus target/rel for external links."""
    url = ctx.link(href, line=node.line)
    attrs = f' href="{esc(url)}"'
    if href[:8].lower().startswith(("http://", "https://", "//")):
        attrs += ' target="_blank" rel="noopener"'
    return attrs
