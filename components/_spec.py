"""The shapes shared by every component family: `ComponentSpec`, `Node`, `Child`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mintrender.render.context import RenderContext


@dataclass(frozen=True, slots=True)
class Child:
    """A direct child of the component being rendered."""

    name: str
    """Component name, or "code" for a fenced code block."""
    props: dict[str, Any]
    """Its props (for "code": lang, title, icon, code)."""
    html: str
    """Its rendered HTML."""


@dataclass(slots=True)
class Node:
    """One component occurrence, its children already rendered."""

    name: str
    props: dict[str, Any]
    html: str
    """Rendered HTML of all children, in order."""
    children: list[Child] = field(default_factory=list)
    line: int = 0
    """1-based source line of the opening tag (0 when unknown)."""
    anchor: str | None = None
    """Id assigned before rendering (Update, Step, Accordion, Tab, fields)."""
    inline: bool = False
    phrasing: bool = False
    """Children were written on the tag's own line (no paragraphs)."""


RenderFn = Callable[[Node, "RenderContext"], str]


@dataclass(frozen=True, slots=True)
class ComponentSpec:
    name: str
    render: RenderFn
    inline: bool = False
    """Rendered inside paragraphs (Badge, Icon, Tooltip)."""
    children: tuple[str, ...] | None = None
    """Allowed child component names; None = anything."""
    anchor_prop: str | None = None
    """Prop whose text gives the element an id (`title`, `label`)."""
    toc: bool = False
    """Anchored elements also appear in the table of contents."""
