"""Switchable panels: `Tabs` and `Tab`.

<Tabs defaultTabIndex={1} sync={false} borderBottom>
  <Tab title="npm" icon="npm">…</Tab>
  <Tab title="yarn">…</Tab>
</Tabs>
-> <div class="mr-tabs tabs mr-tabs--border" data-component="tabs">
     <div class="mr-tabs__list" role="tablist">
       <button type="button" role="tab" class="mr-tabs__tab" data-tab-title="npm"
               aria-selected="false" aria-controls="npm" tabindex="-1">…npm</button>…</div>
     <div class="mr-tabs__panel" data-inactive role="tabpanel" id="npm" data-tab-title="npm">
       <p class="mr-tabs__panel-title">npm</p>…</div>
     <div class="mr-tabs__panel" role="tabpanel" id="yarn" …>…</div></div>

Every panel stays in the HTML. Without JS (no `mr-js` class on `<html>`) the label row is
hidden and the panels are stacked under their titles; with JS, `[data-inactive]` panels are
hidden (30-components.js turns the marker into the `hidden` attribute it switches).
`data-sync` (the default) makes same-title tabs and code groups on the page switch together.
"""

from __future__ import annotations

from html import unescape
from typing import TYPE_CHECKING, Any

from mintrender.components._jsxparse import JsxElement
from mintrender.components._markdown import str_prop, titled
from mintrender.components._spec import Child, ComponentSpec, Node
from mintrender.components._util import (
    check_children,
    class_attr,
    coerce_bool,
    coerce_int,
    esc,
    extra_class,
    icon_html,
    label_html,
    rebuild,
)

if TYPE_CHECKING:
    from mintrender.components._spec import RenderCtx

PANEL_START = '<div class="mr-tabs__panel"'
_UNTITLED = "Tab<!--mr-untitled-->"


TABS_CHILDREN = ("Tab",)
"""The only children allowed (checked by the renderer, declared by the spec)."""


def tab_button(
    title: str,
    *,
    selected: bool,
    css_class: str,
    icon: str = "",
    controls: str | None = None,
    label: str | None = None,
) -> str:
    """One `role="tab"` label; shared with code groups (same data-tab-title sync key);
    `label`: its HTML when the title is markup (the key is then its words)."""
    controls_attr = f' aria-controls="{esc(controls)}"' if controls else ""
    return (
        f'<button type="button" role="tab" class="{css_class}" data-tab-title="{esc(title)}" '
        f'aria-selected="{"true" if selected else "false"}"{controls_attr} '
        f'tabindex="{0 if selected else -1}">{icon}<span>{label or esc(title)}</span></button>'
    )


def _title(props: dict[str, Any], index: int) -> str:
    """A tab's key (its sync key and label text): its title, the words of a title given as
    markup (`title={<span>npm</span>}`), else "Tab N"."""
    return str_prop(props, "title") or f"Tab {index + 1}"


def render_tab(node: Node, ctx: RenderCtx) -> str:
    """`<Tab title id icon iconType>` -> one panel; its `<Tabs>` builds the label row.

    An untitled tab is called "Tab" here and numbered by its Tabs ("Tab 2").
    """
    title = str_prop(node.props, "title")
    icon = icon_html(ctx, node, css_class="mr-tabs__icon")
    id_attr = f' id="{esc(node.anchor)}"' if node.anchor else ""
    key = esc(title) if title else _UNTITLED
    label = label_html(ctx, node.props, "title") or key
    return (
        f'{PANEL_START} role="tabpanel"{id_attr} data-tab-title="{key}">'
        f'<p class="mr-tabs__panel-title">{icon}{label}</p>{node.html}</div>'
    )


def render_tabs(node: Node, ctx: RenderCtx) -> str:
    """`<Tabs defaultTabIndex sync borderBottom>`: label row + panels; only `<Tab>` allowed."""
    check_children(node, ctx, TABS_CHILDREN)
    tabs = [c for c in node.children if c.name == "Tab"]
    active = coerce_int(node.props.get("defaultTabIndex"), 0) or 0
    if not 0 <= active < len(tabs):
        active = 0
    buttons = []
    for index, child in enumerate(tabs):
        icon = icon_html(ctx, _as_node(child, node), css_class="mr-tabs__icon")
        anchor = _panel_id(child)
        buttons.append(
            tab_button(
                _title(child.props, index),
                selected=index == active,
                css_class="mr-tabs__tab",
                icon=icon,
                controls=anchor,
                label=label_html(ctx, child.props, "title")
                if isinstance(child.props.get("title"), JsxElement)
                else None,
            )
        )
    seen = 0

    def mark(index: int, child: Child) -> str:
        nonlocal seen
        if child.name != "Tab" or not child.html.startswith(PANEL_START):
            return child.html
        seen += 1
        out = child.html
        if _UNTITLED in out[: out.find("</p>")]:
            number = esc(_title(child.props, seen - 1))
            out = out.replace(f'data-tab-title="{_UNTITLED}"', f'data-tab-title="{number}"', 1)
            out = out.replace(f"{_UNTITLED}</p>", f"{number}</p>", 1)
        if seen - 1 == active:
            return out
        return PANEL_START + " data-inactive" + out[len(PANEL_START) :]

    panels = rebuild(node, mark)
    sync = coerce_bool(node.props.get("sync"), True) if "sync" in node.props else True
    border = coerce_bool(node.props.get("borderBottom")) if "borderBottom" in node.props else False
    classes = class_attr("mr-tabs tabs", "mr-tabs--border" if border else None, extra_class(node))
    return (
        f'<div class="{classes}" data-component="tabs"{" data-sync" if sync else ""}>'
        f'<div class="mr-tabs__list" role="tablist">{"".join(buttons)}</div>{panels}</div>'
    )


def _panel_id(child: Child) -> str | None:
    """The id a rendered Tab panel carries (its anchor), read back from its HTML."""
    head = child.html[: child.html.find(">") + 1]
    marker = ' id="'
    at = head.find(marker)
    if at < 0:
        return None
    end = head.find('"', at + len(marker))
    return unescape(head[at + len(marker) : end])


def _as_node(child: Child, parent: Node) -> Node:
    return Node(name=child.name, props=child.props, html="", line=parent.line)


COMPONENTS: tuple[ComponentSpec, ...] = (
    ComponentSpec(
        name="Tabs", render=render_tabs, children=TABS_CHILDREN, parts=("tabs", "switch")
    ),
    ComponentSpec(
        name="Tab", render=render_tab, anchor_prop="title", markdown=titled, parts=("tabs",)
    ),
)
