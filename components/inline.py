"""Inline labels: `Icon`, `Badge`, `Tooltip` (inside paragraphs, headings, table cells).

<Icon icon="flag" iconType="solid" color="#FF0000" size={24} />
-> <span class="mr-inline-icon icon" style="color: #FF0000; --mr-icon-size: 24px"><svg …/></span>

<Badge color="green" size="sm" shape="pill" icon="check" stroke>Live</Badge>
-> <span class="mr-badge mr-badge--green mr-badge--sm mr-badge--pill mr-badge--stroke badge">
     <svg …/>Live</span>

<Tooltip tip="Application programming interface" headline="API" cta="Read" href="/api">API</Tooltip>
-> <span class="mr-tooltip tooltip" data-component="tooltip">
     <span class="mr-tooltip__trigger" tabindex="0" aria-describedby="mr-tooltip-1">API</span>
     <span class="mr-tooltip__bubble" role="tooltip" id="mr-tooltip-1">
       <span class="mr-tooltip__headline">API</span><span class="mr-tooltip__tip">…</span>
       <a class="mr-tooltip__cta" href="…">Read</a></span></span>
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mintrender.components._markdown import MdNode, code_span, nothing, str_prop
from mintrender.components._spec import ComponentSpec, Node
from mintrender.components._util import (
    class_attr,
    coerce_bool,
    coerce_int,
    css_color,
    esc,
    extra_class,
    icon_html,
    label_html,
    link_attrs,
    text_prop,
)

if TYPE_CHECKING:
    from mintrender.components._markdown import MarkdownOut
    from mintrender.components._spec import RenderCtx

BADGE_COLORS = frozenset(
    "gray blue green yellow orange red purple white surface white-destructive "
    "surface-destructive".split()
)
BADGE_SIZES = frozenset(("xs", "sm", "md", "lg"))


def render_icon_component(node: Node, ctx: RenderCtx) -> str:
    """`<Icon icon|src|name iconType color size className />` inline."""
    props = node.props
    key = next((k for k in ("icon", "src", "name") if props.get(k)), "icon")
    size = coerce_int(props.get("size"))
    color = css_color(props.get("color"))
    svg = icon_html(ctx, node, key=key, css_class="mr-inline-icon__svg", size=size)
    if not svg:
        return ""
    style = []
    if color:
        style.append(f"color: {color}")
    if size:
        style.append(f"--mr-icon-size: {size}px")
    style_attr = f' style="{esc("; ".join(style))}"' if style else ""
    classes = class_attr("mr-inline-icon icon", extra_class(node))
    return f'<span class="{classes}"{style_attr}>{svg}</span>'


def render_badge(node: Node, ctx: RenderCtx) -> str:
    """`<Badge color size shape icon iconType stroke disabled className>` label."""
    props = node.props
    color = text_prop(props, "color") or "gray"
    style = ""
    if color not in BADGE_COLORS:
        # a hex or rgb()/hsl() value tints the badge; unknown names fall back to gray
        custom = css_color(color) if color[:1] == "#" or "(" in color else None
        style = f' style="--mr-badge-color: {esc(custom)}"' if custom else ""
        color = "custom" if custom else "gray"
    size = text_prop(props, "size") or "md"
    size = size if size in BADGE_SIZES else "md"
    shape = text_prop(props, "shape")
    stroke = props.get("stroke")
    outlined = stroke == "outline" or (stroke is not None and coerce_bool(stroke))
    disabled = coerce_bool(props.get("disabled")) if "disabled" in props else False
    icon = icon_html(ctx, node, css_class="mr-badge__icon")
    classes = class_attr(
        "mr-badge",
        f"mr-badge--{color}",
        f"mr-badge--{size}",
        "mr-badge--pill" if shape == "pill" else None,
        "mr-badge--stroke" if outlined else None,
        "mr-badge--disabled" if disabled else None,
        "badge",
        extra_class(node),
    )
    disabled_attr = ' aria-disabled="true"' if disabled else ""
    return f'<span class="{classes}"{style}{disabled_attr}>{icon}{node.html}</span>'


def render_tooltip(node: Node, ctx: RenderCtx) -> str:
    """`<Tooltip tip headline cta href>` trigger text; the bubble shows on hover and focus."""
    props = node.props
    tip = label_html(ctx, props, "tip")  # JSX keeps its markup (`tip={<span>Use <code>…`)
    headline = label_html(ctx, props, "headline")
    cta = label_html(ctx, props, "cta")
    href = text_prop(props, "href")
    count = ctx.data.get("tooltips", 0) + 1
    ctx.data["tooltips"] = count
    bubble_id = f"mr-tooltip-{count}"
    bubble = []
    if headline:
        bubble.append(f'<span class="mr-tooltip__headline">{headline}</span>')
    if tip:
        bubble.append(f'<span class="mr-tooltip__tip">{tip}</span>')
    if cta and href:
        bubble.append(f'<a class="mr-tooltip__cta"{link_attrs(ctx, node, href)}>{cta}</a>')
    elif cta:
        ctx.warn(node.line, "component-props", "<Tooltip cta> needs an href; the link is left out")
    classes = class_attr("mr-tooltip tooltip", extra_class(node))
    return (
        f'<span class="{classes}" data-component="tooltip">'
        f'<span class="mr-tooltip__trigger" tabindex="0" aria-describedby="{bubble_id}">'
        f"{node.html}</span>"
        f'<span class="mr-tooltip__bubble" role="tooltip" id="{bubble_id}">{"".join(bubble)}</span>'
        "</span>"
    )


def _tooltip_markdown(node: MdNode, out: MarkdownOut) -> str:
    """Markdown: the text, then the bubble's headline and tip in parentheses."""
    inner = out.inline_nodes(node.children)
    tip = str_prop(node.props, "tip")
    headline = str_prop(node.props, "headline")
    if tip and headline:
        tip = f"{headline}: {tip}"
    return f"{inner} ({tip or headline})" if (tip or headline) and inner else inner


COMPONENTS: tuple[ComponentSpec, ...] = (
    ComponentSpec(
        name="Icon",
        render=render_icon_component,
        inline=True,
        markdown_inline=nothing,
    ),
    ComponentSpec(
        name="Badge",
        render=render_badge,
        inline=True,
        markdown_inline=code_span,
        parts=("badge",),
    ),
    ComponentSpec(
        name="Tooltip",
        render=render_tooltip,
        inline=True,
        markdown_inline=_tooltip_markdown,
        parts=("tooltip",),
    ),
)
