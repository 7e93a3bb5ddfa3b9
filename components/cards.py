"""Cards and grids: `Card`, `CardGroup`, `Columns`, `Column`, `Tile`.

<Card title="Quickstart" icon="rocket" href="/quickstart">Start here.</Card>
-> <a class="mr-card card mr-card--link" href="…" data-component="card">
     <div class="mr-card__body"><div class="mr-card__icon"><svg …/></div>
       <div class="mr-card__text"><p class="mr-card__title">Quickstart</p>
         <div class="mr-card__content">Start here.</div></div></div></a>

<CardGroup cols={3}>…</CardGroup> / <Columns cols={3}>…</Columns>
-> <div class="mr-columns card-group" data-cols="3" style="--mr-cols: 3">…</div>

<Tile href="/x" title="T" description="D"><img …/></Tile>
-> <a class="mr-tile tile" href="…"><div class="mr-tile__preview">…</div>
     <div class="mr-tile__text"><p class="mr-tile__title">T</p>
       <p class="mr-tile__description">D</p></div></a>
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mintrender.components._markdown import MdNode, one_line, str_prop
from mintrender.components._spec import ComponentSpec, Node, RenderFn
from mintrender.components._util import (
    class_attr,
    coerce_bool,
    coerce_int,
    css_color,
    esc,
    extra_class,
    icon_html,
    is_external_href,
    label_html,
    link_attrs,
    safe_href,
    text_of_html,
    text_prop,
)
from mintrender.components.callouts import CALLOUT_ICONS, callout_icon

if TYPE_CHECKING:
    from mintrender.components._markdown import MarkdownOut
    from mintrender.components._spec import RenderCtx

_ZOOM = re.compile(r"(<img\b[^>]*?) data-zoom(?=[\s>])")
_NESTED_LINK = re.compile(r"<a\s")


_BLOCK_START = re.compile(r"<(?:div|p|ul|ol|h[1-6]|table|section|figure|pre|blockquote)[\s>]")
"""A block element's start tag: a browser ends a <p> there."""


def _no_zoom(markup: str) -> str:
    """Images inside a link must not open the zoom overlay (components.md §22)."""
    return _ZOOM.sub(r"\1", markup)


def render_card(node: Node, ctx: RenderCtx) -> str:
    """`<Card title icon iconType color href horizontal img cta arrow type>` children."""
    props = node.props
    title = label_html(ctx, props, "title")
    href = safe_href(ctx, node, text_prop(props, "href"))
    kind = text_prop(props, "type")
    kind = kind.lower() if kind and kind.lower() in CALLOUT_ICONS else None
    color = css_color(props.get("color"))
    icon = icon_html(ctx, node, css_class="mr-card__svg")
    if not icon and kind:
        icon = callout_icon(ctx, kind)
    external = bool(href and is_external_href(href))
    arrow = coerce_bool(props.get("arrow"), external) if "arrow" in props else external
    cta = label_html(ctx, props, "cta")  # text, or JSX markup (Bun's `cta={<span>…</span>}`)
    img = text_prop(props, "img")
    horizontal = coerce_bool(props.get("horizontal")) if "horizontal" in props else False

    parts = []
    if img:
        src = ctx.link(img, line=node.line)
        parts.append(f'<img class="mr-card__img" src="{esc(src)}" alt="" loading="lazy">')
    body = []
    if icon:
        style = f' style="color: {esc(color)}"' if color else ""
        body.append(f'<div class="mr-card__icon"{style}>{icon}</div>')
    text = []
    if title:  # a title holding blocks (`title={<div>…</div>}`) cannot be in a <p>
        tag = "div" if _BLOCK_START.search(title) else "p"
        text.append(f'<{tag} class="mr-card__title">{title}</{tag}>')
    if node.html.strip():
        text.append(f'<div class="mr-card__content">{node.html}</div>')
    if cta:
        text.append(
            f'<span class="mr-card__cta">{cta}'
            f"{ctx.ui_icon('arrow-right', 'mr-card__cta-icon')}</span>"
        )
    body.append(f'<div class="mr-card__text">{"".join(text)}</div>')
    parts.append(f'<div class="mr-card__body">{"".join(body)}</div>')
    if href and arrow:
        parts.append(
            f'<span class="mr-card__arrow" aria-hidden="true">'
            f"{ctx.ui_icon('arrow-up-right', 'mr-card__arrow-icon')}</span>"
        )
    classes = class_attr(
        "mr-card card",
        "mr-card--horizontal" if horizontal else None,
        "mr-card--link" if href else None,
        "mr-card--image" if img else None,
        f"mr-card--{kind}" if kind else None,
        extra_class(node),
    )
    inner = "".join(parts)
    if not href:
        return f'<div class="{classes}" data-component="card">{inner}</div>'
    attrs = link_attrs(ctx, node, href)
    inner = _no_zoom(inner)
    if _NESTED_LINK.search(inner):
        # a link inside a link is invalid HTML: stretch an empty link over the card instead
        label = f' aria-label="{esc(text_of_html(title))}"' if title else ""
        return (
            f'<div class="{classes} mr-card--stretched" data-component="card">'
            f'<a class="mr-card__overlay"{attrs}{label}></a>{inner}</div>'
        )
    return f'<a class="{classes}"{attrs} data-component="card">{inner}</a>'


def _columns(hook: str) -> RenderFn:
    def render(node: Node, ctx: RenderCtx) -> str:
        cols = coerce_int(node.props.get("cols"), 2) or 2
        cols = max(1, min(cols, 4))
        classes = class_attr("mr-columns", hook, extra_class(node))
        return (
            f'<div class="{classes}" data-cols="{cols}" style="--mr-cols: {cols}">{node.html}</div>'
        )

    render.__doc__ = f"<{hook}> grid: `cols` columns (default 2, 1-4), one column under 640px."
    return render


def render_column(node: Node, ctx: RenderCtx) -> str:
    """`<Column>` one cell of a `<Columns>` grid, any content."""
    classes = class_attr("mr-column column", extra_class(node))
    return f'<div class="{classes}">{node.html}</div>'


def render_tile(node: Node, ctx: RenderCtx) -> str:
    """`<Tile href title description>` preview children (light/dark image pairs)."""
    written = text_prop(node.props, "href")
    href = safe_href(ctx, node, written)
    title = label_html(ctx, node.props, "title")
    description = label_html(ctx, node.props, "description")
    text = []
    if title:
        text.append(f'<p class="mr-tile__title">{title}</p>')
    if description:
        text.append(f'<p class="mr-tile__description">{description}</p>')
    inner = f'<div class="mr-tile__preview">{node.html}</div>' + (
        f'<div class="mr-tile__text">{"".join(text)}</div>' if text else ""
    )
    classes = class_attr("mr-tile tile", extra_class(node))
    if not href:
        if not written:
            ctx.warn(node.line, "component-props", "<Tile> needs an href: the tile links nowhere")
        return f'<div class="{classes}">{inner}</div>'
    inner = _no_zoom(inner)
    if _NESTED_LINK.search(inner):
        label = f' aria-label="{esc(text_of_html(title))}"' if title else ""
        return (
            f'<div class="{classes} mr-tile--stretched"><a class="mr-tile__overlay"'
            f"{link_attrs(ctx, node, href)}{label}></a>{inner}</div>"
        )
    return f'<a class="{classes}"{link_attrs(ctx, node, href)}>{inner}</a>'


def card_markdown(node: MdNode, out: MarkdownOut) -> str:
    """Markdown: a list item `- [Title](href): text` (`- **Title**: text` without a link)."""
    title = one_line(str_prop(node.props, "title") or "")
    href = str_prop(node.props, "href")
    body = one_line(out.blocks(node.children))
    if href:
        label = f"[{title or href}]({out.link(href)})"
    else:
        label = f"**{title}**" if title else ""
    if label and body:
        return f"- {label}: {body}"
    return f"- {label or body}"


def grid_markdown(node: MdNode, out: MarkdownOut) -> str:
    """Markdown: a grid of only cards is one list; anything else, its children."""
    nodes = [c for c in node.children if isinstance(c, MdNode)]
    cards = node.named("Card", "Tile")
    if cards and len(cards) == len(nodes):
        return "\n".join(card_markdown(c, out) for c in cards)
    return out.blocks(node.children)


COMPONENTS: tuple[ComponentSpec, ...] = (
    ComponentSpec(name="Card", render=render_card, markdown=card_markdown, parts=("card",)),
    ComponentSpec(
        name="CardGroup", render=_columns("card-group"), markdown=grid_markdown, parts=("card",)
    ),
    ComponentSpec(
        name="Columns", render=_columns("columns"), markdown=grid_markdown, parts=("card",)
    ),
    ComponentSpec(name="Column", render=render_column),
    ComponentSpec(name="Tile", render=render_tile, markdown=card_markdown, parts=("tile",)),
)
