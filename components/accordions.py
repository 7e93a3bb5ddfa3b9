"""Disclosure: `Accordion`, `AccordionGroup` and the field toggle `Expandable`.

<Accordion title="Why?" description="Short answer" icon="circle-question" defaultOpen>
  Because.
</Accordion>
-> <details class="mr-accordion accordion" id="why" data-component="accordion" open>
     <summary class="mr-accordion__summary"><svg class="mr-accordion__chevron" …/>
       <span class="mr-accordion__icon"><svg …/></span>
       <span class="mr-accordion__heading"><span class="mr-accordion__title">Why?</span>
         <span class="mr-accordion__description">Short answer</span></span></summary>
     <div class="mr-accordion__content">…</div></details>

<AccordionGroup>…</AccordionGroup> -> <div class="mr-accordion-group accordion-group">…</div>

<Expandable title="properties" defaultOpen>…fields…</Expandable>
-> <details class="mr-expandable mr-api-expandable expandable" data-component="expandable">
     <summary class="mr-expandable__summary mr-api-expandable__summary">…
       <span class="mr-api-expandable__show">Show properties</span>
       <span class="mr-api-expandable__hide">Hide properties</span></summary>
     <div class="mr-expandable__body mr-api-expandable__body">…</div></details>
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mintrender.components._markdown import MdNode, str_prop, titled
from mintrender.components._spec import ComponentSpec, Node
from mintrender.components._util import (
    CHEVRON_RIGHT,
    class_attr,
    coerce_bool,
    esc,
    extra_class,
    icon_html,
    label_html,
)

if TYPE_CHECKING:
    from mintrender.components._markdown import MarkdownOut
    from mintrender.components._spec import RenderCtx


def _open(node: Node) -> str:
    value = node.props.get("defaultOpen")
    return " open" if value is not None and coerce_bool(value) else ""


def render_accordion(node: Node, ctx: RenderCtx) -> str:
    """`<Accordion title description defaultOpen icon iconType id>` children."""
    title = label_html(ctx, node.props, "title")
    description = label_html(ctx, node.props, "description")
    icon = icon_html(ctx, node, css_class="mr-accordion__svg")
    parts = [CHEVRON_RIGHT.format(cls="mr-accordion__chevron")]
    if icon:
        parts.append(f'<span class="mr-accordion__icon">{icon}</span>')
    heading = f'<span class="mr-accordion__title">{title}</span>'
    if description:
        heading += f'<span class="mr-accordion__description">{description}</span>'
    parts.append(f'<span class="mr-accordion__heading">{heading}</span>')
    id_attr = f' id="{esc(node.anchor)}"' if node.anchor else ""
    classes = class_attr("mr-accordion accordion", extra_class(node))
    return (
        f'<details class="{classes}"{id_attr} data-component="accordion"{_open(node)}>'
        f'<summary class="mr-accordion__summary">{"".join(parts)}</summary>'
        f'<div class="mr-accordion__content">{node.html}</div></details>'
    )


def render_accordion_group(node: Node, ctx: RenderCtx) -> str:
    """`<AccordionGroup>`: one bordered box, hairlines between its accordions."""
    classes = class_attr("mr-accordion-group accordion-group", extra_class(node))
    return f'<div class="{classes}">{node.html}</div>'


def render_expandable(node: Node, ctx: RenderCtx) -> str:
    """`<Expandable title defaultOpen>` nested fields behind a "Show {title}" toggle."""
    title = label_html(ctx, node.props, "title") or esc(ctx.text("properties"))
    classes = class_attr("mr-expandable mr-api-expandable expandable", extra_class(node))
    chevron = CHEVRON_RIGHT.format(cls="mr-expandable__chevron mr-api-expandable__chevron")
    show = esc(ctx.text("show_named")).replace("{name}", title)  # in the page's language
    hide = esc(ctx.text("hide_named")).replace("{name}", title)
    return (
        f'<details class="{classes}" data-component="expandable"{_open(node)}>'
        f'<summary class="mr-expandable__summary mr-api-expandable__summary">{chevron}'
        f'<span class="mr-expandable__show mr-api-expandable__show">{show}</span>'
        f'<span class="mr-expandable__hide mr-api-expandable__hide">{hide}</span>'
        f"</summary>"
        f'<div class="mr-expandable__body mr-api-expandable__body">{node.html}</div></details>'
    )


def expandable_markdown(node: MdNode, out: MarkdownOut) -> str:
    """Markdown: `*title*:` then the children."""
    title = str_prop(node.props, "title")
    body = out.blocks(node.children)
    return (f"*{title}*:\n\n" if title else "") + body


COMPONENTS: tuple[ComponentSpec, ...] = (
    ComponentSpec(
        name="Accordion",
        render=render_accordion,
        anchor_prop="title",
        markdown=titled,
        parts=("accordion",),
    ),
    ComponentSpec(name="AccordionGroup", render=render_accordion_group, parts=("accordion",)),
    ComponentSpec(
        name="Expandable", render=render_expandable, markdown=expandable_markdown, parts=("fields",)
    ),
)
