"""What navigation knows of a page: the sidebar, the pickers and group listings read it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


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
