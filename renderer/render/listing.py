"""Directory listings: what a group's `root` page lists below its content when the group's
`directory` (inherited through the navigation, navigation.md §3.2) is "card" or "accordion"."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from mintrender.load.nav import NavDivision, NavGroup, NavNode, NavPage
from mintrender.render.pageinfo import IconFn, PageInfo
from mintrender.urls import UrlBuilder

LISTING_STYLES = ("card", "accordion")


class Listings:
    """`listings(ref)`: the listing of the page `ref` when it is the root of a group with a
    `directory`, else None. The first group (in navigation order) whose root it is decides."""

    def __init__(
        self,
        root: NavDivision,
        pages: Mapping[str, PageInfo],
        urls: UrlBuilder,
        icon: IconFn,
    ) -> None:
        self.pages, self.urls, self.icon = pages, urls, icon
        self._roots: dict[str, NavGroup] = {}
        for group in _groups(root.children):
            if group.root and group.listing in LISTING_STYLES:
                self._roots.setdefault(group.root, group)

    def __call__(self, ref: str | None) -> dict[str, Any] | None:
        group = self._roots.get(ref) if ref else None
        if group is None:
            return None
        entries = list(self._entries(group.children, ref))
        return {"style": group.listing, "entries": entries} if entries else None

    def _entries(self, children: tuple[NavNode, ...], root: str | None) -> Iterator[dict[str, Any]]:
        """Each page (but the root itself and hidden ones) and each group, with its pages."""
        for child in children:
            if isinstance(child, NavPage):
                info = self.pages.get(child.ref)
                if info is None or info.hidden or info.ref == root:
                    continue
                external = bool(info.url)
                yield {
                    "title": info.label,
                    "href": self.urls.link(info.url)
                    if info.url
                    else self.urls.page(info.site_path),
                    "description": info.description,
                    "icon_html": self.icon(info.icon, info.icon_type, info.file)
                    if info.icon
                    else "",
                    "external": external,
                    "pages": [],
                }
            elif isinstance(child, NavGroup) and not child.hidden:
                pages = list(self._entries(child.children, root))
                root_info = self.pages.get(child.root) if child.root else None
                if root_info is not None and root_info.hidden:
                    root_info = None
                if not pages and root_info is None:
                    continue
                yield {
                    "title": child.label,
                    "href": self.urls.page(root_info.site_path) if root_info else pages[0]["href"],
                    "description": root_info.description if root_info else "",
                    "icon_html": self.icon(child.icon, child.icon_type, "") if child.icon else "",
                    "external": False,
                    "pages": pages,
                }


def _groups(nodes: tuple[NavNode, ...]) -> Iterator[NavGroup]:
    """Every group of the navigation, in order (inside divisions and groups alike; a hidden
    one's root page is built all the same, with its listing)."""
    for node in nodes:
        if isinstance(node, NavGroup):
            yield node
            yield from _groups(node.children)
        elif isinstance(node, NavDivision):
            yield from _groups(node.children)
