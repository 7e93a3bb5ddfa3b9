"""A page several versions list, written once with each version's navigation.

Mintlify's URLs carry no version (navigation.md §3.5): `/intro` is the same page in MainNet and
TestNet, and the reader's choice of version decides which sidebar, tab row, prev/next and search
index go with it. So the page file is drawn with its first version's navigation (what a reader
without JavaScript sees) and carries the other versions' parts in `<template>`s; the inline
script of `partials/versions.html` puts the chosen one in place before the page is painted (the
choice lives in localStorage, `mr-version`, set by the version selector in 10-theme.js). The
page body is never repeated: only the parts that differ.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from mintrender.load.nav import PageSlot
from mintrender.render.navview import NavView
from mintrender.write.sidebar import SidebarRenderer

PARTS: dict[str, tuple[str, str]] = {
    "sidebar": ('data-component="sidebar-scroll"', "div"),
    "tabs": ('class="nav-tabs mr-navtabs"', "nav"),
    "pagination": ('data-mr-part="pagination"', "div"),
}
"""Each part a version changes: the marker of its element and the element's tag (the script
in partials/versions.html finds the same elements)."""

DrawFn = Callable[[dict[str, Any], PageSlot | None], str]
"""Renders the page with this navigation view, placed at this entry (None: its first)."""


def page_with_versions(
    navview: NavView, sidebars: SidebarRenderer, ref: str | None, draw: DrawFn
) -> str:
    """The page's HTML: its first entry's navigation, with each other version's parts."""
    nav = view_of(navview, sidebars, ref, None)
    others = navview.variants(ref)
    if not others:
        return draw(nav, None)
    blocks: list[str] = []
    for slot in others:
        other = view_of(navview, sidebars, ref, slot)
        other["version_parts"] = True
        blocks.append(_template(_label(other), draw(other, slot)))
    nav["version_parts"] = True
    nav["versions_html"] = (
        f'<div hidden data-mr-versions="{html.escape(_label(nav))}">{"".join(blocks)}</div>'
    )
    return draw(nav, None)


def view_of(
    navview: NavView, sidebars: SidebarRenderer, ref: str | None, slot: PageSlot | None
) -> dict[str, Any]:
    """`navview.view` with the sidebar tree drawn (the build and the server share it)."""
    nav = navview.view(ref, slot)
    if "sidebar_key" in nav:
        nav["sidebar_html"] = sidebars.for_page(
            nav["sidebar_key"], nav["sidebar"], nav.get("active_href")
        )
    return nav


def draw_sidebars(navview: NavView, sidebars: SidebarRenderer, ref: str | None) -> None:
    """Draw the trees a cached page shows (their lazy-children payloads come with drawing)."""
    for slot in (None, *navview.variants(ref)):
        sidebars.base_html(*navview.sidebar_of(ref, slot))


def _label(nav: dict[str, Any]) -> str:
    """The version the view is in, as the selector names it."""
    return next((str(v["label"]) for v in nav.get("versions") or [] if v.get("active")), "")


_META = re.compile(r'<meta name="(mr-search-index|mr-version)" content="([^"]*)">')
_SYMBOL = re.compile(r'<symbol id="(mr-s\d+)">(.*?)</symbol>', re.S)
_USE = re.compile(r'<use href="#(mr-s\d+)"/>')


def _template(label: str, text: str) -> str:
    """One version's parts, cut from the page drawn in it (its drawings whole again: the
    page's `share_svgs` sprite is that page's, not the one the parts go into)."""
    found = {name: value for name, value in _META.findall(text)}
    symbols = dict(_SYMBOL.findall(text))
    inner = "".join(
        f'<template data-part="{name}">'
        + _USE.sub(
            lambda m: symbols.get(m.group(1), m.group(0)), inner_html(text, marker, tag) or ""
        )
        + "</template>"
        for name, (marker, tag) in PARTS.items()
    )
    return (
        f'<template data-mr-version="{html.escape(label)}"'
        f' data-index="{found.get("mr-search-index", "")}"'
        f' data-version="{found.get("mr-version", "")}">{inner}</template>'
    )


def inner_html(text: str, marker: str, tag: str) -> str | None:
    """What the first element whose start tag holds `marker` contains (None: no such
    element). Its `tag` elements nested inside are counted to find its end."""
    at = text.find(marker)
    if at < 0:
        return None
    start = text.index(">", at) + 1
    depth = 1
    for m in re.compile(rf"<{tag}\b|</{tag}>").finditer(text, start):
        depth += -1 if m.group(0).startswith("</") else 1
        if depth == 0:
            return text[start : m.start()]
    return None
