"""The shapes shared by every component family: `ComponentSpec`, `Node`, `Child`, `RenderCtx`.

A component is one `ComponentSpec`: its HTML renderer, its Markdown export, the theme parts a
page using it links, which of its props feed search, and how its children are read. The central
code (renderer/render/page.py, renderer/render/markdown.py, renderer/write/theme.py, the JSX
rules) reads these specs from `REGISTRY` rather than keeping lists of names.

Renderers see the page through `RenderCtx`, a Protocol that `mintrender.render.context`'s
`RenderContext` implements, so that no module of this package imports the render stage.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:
    from mintrender.components._markdown import MarkdownOut, MdNode
    from mintrender.errors import Diagnostics
    from mintrender.load.config import SiteConfig
    from mintrender.urls import UrlBuilder


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


class RenderCtx(Protocol):
    """What a component renderer may ask of the page being rendered (one per page)."""

    site: SiteConfig
    src_path: str
    urls: UrlBuilder
    diagnostics: Diagnostics
    line_offset: int
    classes: set[str]
    """Every `className` seen, for the Tailwind utilities file."""
    components: Counter[str]
    unknown_components: Counter[str]
    assets: set[str]
    fields: list[dict[str, Any]]
    """ParamFields seen on the page (manual API pages build a playground from them)."""
    examples: dict[str, str]
    """`request` / `response` example HTML moved to the right column."""
    panel_html: str
    data: dict[str, Any]
    draws_diagrams: bool
    """Free-form per-page state for component families (e.g. tooltips, views counted)."""
    where: tuple[str, int] | None
    """(file, 1-based line) findings point at while rendering a snippet's text; None: the page."""

    def warn(
        self, line: int, code: str, message: str, *, column: int = 1, hint: str = ""
    ) -> None: ...
    def error(self, line: int, code: str, message: str, *, column: int = 1) -> None: ...
    def warn_once(
        self, key: str, line: int, code: str, message: str, hint: str = "", *, column: int = 1
    ) -> None: ...
    def slug(self, text: str, explicit: str | None = None) -> str: ...
    def text(self, key: str) -> str:
        """The theme's word `key` in the page's language (themes/ui-text.json)."""
        ...

    def link(self, href: str, *, line: int = 0, column: int = 1) -> str: ...
    def note_classes(self, class_attr: str) -> None: ...
    def icon(
        self,
        name: Any,
        icon_type: str | None = None,
        *,
        size: int | None = None,
        color: str | None = None,
        css_class: str = "mr-icon",
        line: int = 0,
    ) -> str: ...
    def ui_icon(self, name: str, css_class: str) -> str:
        """A fixed chrome icon (callout types, arrows) from Lucide, whatever the site's set."""
        ...

    def markdown(self, text: str, *, inline: bool = False) -> str: ...
    def highlight(self, code: str, lang: str = "", meta: str = "", line: int = 0) -> str: ...
    def language_name(self, lang: str) -> str:
        """How a code block's language is shown ("python" -> "Python")."""
        ...


RenderFn = Callable[[Node, RenderCtx], str]
MarkdownFn = Callable[["MdNode", "MarkdownOut"], str]
"""Markdown export of one occurrence; `MarkdownOut` writes its children."""

FIELD_NAME_KEYS = ("name", "body", "query", "path", "header")
"""The props that name an API field, in the order read: the first string one gives its
`#param-<name>` anchor (render/sections.py) and, on a ResponseField, its label."""

SEARCH_PROPS = ("title", "description", "name", "body", "query", "path", "label", "tip")
"""String props whose text goes into the page's search section (the default of every spec,
and of HTML elements and unknown components)."""


@dataclass(frozen=True, slots=True)
class ComponentSpec:
    """Everything the build knows about one component, in one place."""

    name: str
    render: RenderFn
    inline: bool = False
    """Rendered inside paragraphs (Badge, Icon, Tooltip): a tag followed by text on its line
    starts a paragraph."""
    children: tuple[str, ...] | None = None
    """Allowed child component names; None = anything."""
    anchor_prop: str | None = None
    """Prop whose text gives the element an id (`title`, `label`)."""
    toc: bool = False
    """Anchored elements also appear in the table of contents."""
    field: bool = False
    """An API field (ParamField, ResponseField): anchored `#param-<name>` by its name prop."""
    markdown: MarkdownFn | None = None
    """Markdown export as a block; None = its children's Markdown."""
    markdown_inline: MarkdownFn | None = None
    """Markdown export inside a paragraph; None = its children's text."""
    parts: tuple[str, ...] = ()
    """Theme parts (`themes/mint/static/parts.json`) that a page rendering it links."""
    search_props: tuple[str, ...] = SEARCH_PROPS
    """Props whose string values are searchable text of the section it is in."""
    source: Literal["mdx", "source", "raw"] = "mdx"
    """How its children are read: MDX; MDX plus their source text in `props["children"]`
    (Prompt copies it); or only the source text, never parsed (Latex)."""
