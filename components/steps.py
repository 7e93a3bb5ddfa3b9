"""Procedures: `Steps` and `Step` (a vertical timeline of numbered circles).

<Steps titleSize="h3">
  <Step title="Install" id="install">Run the installer.</Step>
</Steps>
-> <div class="mr-steps steps" data-title-size="h3">
     <div class="mr-step step" id="install">
       <div class="mr-step__marker"><span class="mr-step__number">1</span></div>
       <div class="mr-step__body"><h3 class="mr-step__title">Install</h3>
         <div class="mr-step__content">Run the installer.</div></div></div></div>

A Step renders before its Steps, so it leaves `<!--mr-step-->` where its number goes and the
Steps fills in the position (a `stepNumber` prop wins). `Steps` may only contain `Step`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mintrender.components._markdown import titled
from mintrender.components._spec import Child, ComponentSpec, Node
from mintrender.components._util import (
    check_children,
    class_attr,
    coerce_bool,
    esc,
    extra_class,
    icon_html,
    label_html,
    rebuild,
    text_prop,
)

if TYPE_CHECKING:
    from mintrender.components._spec import RenderCtx

TITLE_SIZES = ("p", "h2", "h3", "h4")
NUMBER_SLOT = "<!--mr-step-->"
_TITLE_SLOT = "<!--mr-step-title-->"


STEPS_CHILDREN = ("Step",)
"""The only children allowed (checked by the renderer, declared by the spec)."""


def _size(value: object) -> str | None:
    return value if isinstance(value, str) and value in TITLE_SIZES else None


def render_step(node: Node, ctx: RenderCtx) -> str:
    """`<Step title icon iconType stepNumber titleSize id noAnchor>` children."""
    props = node.props
    title = label_html(ctx, props, "title")
    number = text_prop(props, "stepNumber")
    icon = icon_html(ctx, node, css_class="mr-step__icon")
    if icon:
        marker = icon
    elif number is not None:
        marker = f'<span class="mr-step__number">{esc(number)}</span>'
    else:
        marker = f'<span class="mr-step__number">{NUMBER_SLOT}</span>'
    size = _size(props.get("titleSize"))
    # without its own titleSize the Steps decides; leave a slot it fills in
    title_html = ""
    if title and size:
        title_html = f'<{size} class="mr-step__title">{title}</{size}>'
    elif title:
        title_html = f'{_TITLE_SLOT}<p class="mr-step__title">{title}</p>'
    anchor = node.anchor if node.anchor and not coerce_bool(props.get("noAnchor")) else None
    id_attr = f' id="{esc(anchor)}"' if anchor else ""
    content = f'<div class="mr-step__content">{node.html}</div>' if node.html.strip() else ""
    classes = class_attr("mr-step step", "mr-step--icon" if icon else None, extra_class(node))
    return (
        f'<div class="{classes}"{id_attr}>'
        f'<div class="mr-step__marker" aria-hidden="true">{marker}</div>'
        f'<div class="mr-step__body">{title_html}{content}</div></div>'
    )


def _fill(child: Child, number: int, size: str) -> str:
    out = child.html.replace(NUMBER_SLOT, str(number), 1)
    slot = out.find(_TITLE_SLOT)
    if slot >= 0:
        head, tail = out[:slot], out[slot + len(_TITLE_SLOT) :]
        if size != "p" and tail.startswith('<p class="mr-step__title">'):
            end = tail.index("</p>")
            inner = tail[len('<p class="mr-step__title">') : end]
            tail = f'<{size} class="mr-step__title">{inner}</{size}>' + tail[end + 4 :]
        out = head + tail
    return out


def render_steps(node: Node, ctx: RenderCtx) -> str:
    """`<Steps titleSize>`: numbers its Steps; anything but `<Step>` is reported and kept."""
    check_children(node, ctx, STEPS_CHILDREN)
    size = _size(node.props.get("titleSize")) or "p"
    counter = 0

    def number(index: int, child: Child) -> str:
        nonlocal counter
        if child.name != "Step":
            return child.html
        counter += 1
        return _fill(child, counter, size)

    body = rebuild(node, number)
    classes = class_attr("mr-steps steps", extra_class(node))
    return f'<div class="{classes}" data-title-size="{size}">{body}</div>'


COMPONENTS: tuple[ComponentSpec, ...] = (
    ComponentSpec(name="Steps", render=render_steps, children=STEPS_CHILDREN, parts=("steps",)),
    ComponentSpec(name="Step", render=render_step, anchor_prop="title", markdown=titled),
)
