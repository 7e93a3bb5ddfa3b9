"""Callouts: `Note`, `Warning`, `Info`, `Tip`, `Check`, `Danger` and the custom `Callout`.

<Note>Markdown **children**</Note>
-> <div class="mr-callout mr-callout--note callout" data-callout-type="note">
     <span class="mr-callout__icon"><svg …/></span>
     <div class="mr-callout__content">Markdown <strong>children</strong></div></div>

<Callout icon="key" color="#FFC107" iconType="regular">Text</Callout>
-> <div class="mr-callout mr-callout--custom callout" data-callout-type="custom"
        style="--mr-callout-color: #FFC107">…</div>
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mintrender.components._markdown import MdNode, indent, str_prop
from mintrender.components._spec import ComponentSpec, MarkdownFn, Node
from mintrender.components._util import css_color, esc, extra_class, icon_html

if TYPE_CHECKING:
    from mintrender.components._markdown import MarkdownOut
    from mintrender.components._spec import RenderCtx

# type -> Lucide icon of the type (look.md §3; Danger is a stop sign)
CALLOUT_ICONS = {
    "note": "info",
    "info": "info",
    "tip": "lightbulb",
    "check": "circle-check",
    "warning": "triangle-alert",
    "danger": "octagon-alert",
}


def callout_icon(ctx: RenderCtx, kind: str) -> str:
    """The fixed icon of a callout type (also used by typed Cards)."""
    return ctx.ui_icon(CALLOUT_ICONS.get(kind, "info"), "mr-callout__svg")


def callout_html(kind: str, icon: str, content: str, *, style: str = "", extra: str = "") -> str:
    classes = f"mr-callout mr-callout--{kind} callout"
    if extra:
        classes += f" {extra}"
    style_attr = f' style="{esc(style)}"' if style else ""
    icon_part = f'<span class="mr-callout__icon" aria-hidden="true">{icon}</span>' if icon else ""
    return (
        f'<div class="{classes}" data-callout-type="{kind}"{style_attr}>{icon_part}'
        f'<div class="mr-callout__content">{content}</div></div>'
    )


def _typed(kind: str) -> ComponentSpec:
    def render(node: Node, ctx: RenderCtx) -> str:
        return callout_html(kind, callout_icon(ctx, kind), node.html, extra=extra_class(node))

    render.__doc__ = f"<{kind.title()}>…</{kind.title()}> -> a {kind} callout box."
    return ComponentSpec(
        name=kind.title(), render=render, markdown=_quote(kind.title()), parts=("callout",)
    )


def render_callout(node: Node, ctx: RenderCtx) -> str:
    """`<Callout icon color iconType>`: the author's icon and hex colour (border, tint, text)."""
    color = css_color(node.props.get("color"))
    icon = icon_html(ctx, node, css_class="mr-callout__svg")
    style = f"--mr-callout-color: {color}" if color else ""
    return callout_html("custom", icon, node.html, style=style, extra=extra_class(node))


def _quote(label: str) -> MarkdownFn:
    """Markdown: a blockquote opening with the bold title (or the callout type)."""

    def export(node: MdNode, out: MarkdownOut) -> str:
        body = out.blocks(node.children)
        head = f"**{str_prop(node.props, 'title') or label}**"
        return indent(head + (f"\n\n{body}" if body else ""), "> ")

    return export


COMPONENTS: tuple[ComponentSpec, ...] = (
    *(_typed(kind) for kind in ("note", "warning", "info", "tip", "check", "danger")),
    ComponentSpec(
        name="Callout", render=render_callout, markdown=_quote("Note"), parts=("callout",)
    ),
)
