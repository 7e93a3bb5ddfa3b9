"""What navigation knows of a page: the sidebar, the pickers and group listings read it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mintrender.model import PageMeta, PageRecord
from mintrender.render.page import fallback_title


@dataclass(frozen=True, slots=True)
class PageInfo:
    """What navigation needs to know about a page."""

    ref: str
    """Navigation reference (file path without extension, or an operation ref)."""
    site_path: str
    label: str
    """sidebarTitle > title > file name."""
    title: str
    icon: str | None = None
    icon_type: str | None = None
    tag: str | None = None
    method: str | None = None
    deprecated: bool = False
    hidden: bool = False
    """`hidden: true` frontmatter: built, but not in the sidebar."""
    url: str | None = None
    """Frontmatter `url`: the entry becomes an external link."""
    file: str = ""
    """The page's file, where a problem with its `icon` is reported."""
    description: str = ""
    """Its description (a group root page's listing shows it)."""


IconFn = Callable[[str | None, str | None, str], str]
"""(icon, iconType, the page file that names it or "" for docs.json) -> its HTML."""


def page_info(record: PageRecord) -> PageInfo:
    """What navigation needs of a page record."""
    meta = record.meta
    rendered = record.rendered
    title = rendered.title if rendered else page_title(meta, record.rel_path)
    if record.kind == "api" and record.api is not None:
        method = record.api.method
    else:
        # an operation that did not resolve still shows its method, as in Mintlify
        method = meta.method
    return PageInfo(
        ref=record.ref,
        site_path=record.site_path,
        label=meta.sidebar_title if meta.sidebar_title is not None else title,
        title=title,
        icon=meta.icon,
        icon_type=meta.icon_type,
        tag=meta.tag,
        method=None if meta.hide_api_marker else method,
        # the spec's `deprecated` too (openapi.md §3: the page's metadata comes from it)
        deprecated=meta.deprecated or bool(getattr(record.api, "deprecated", False)),
        hidden=meta.hidden,
        url=meta.url,
        file=record.rel_path,
        description=(rendered.description if rendered else meta.description) or "",
    )


def page_title(meta: PageMeta, rel_path: str) -> str:
    """The title `render_page` will give a page, known before it is rendered."""
    return meta.title if meta.title is not None else fallback_title(rel_path)
