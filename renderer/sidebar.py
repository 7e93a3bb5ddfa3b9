"""Sidebar trees rendered once per navigation section, then marked per page.

The theme's `sidebar_item.html` macro renders a section's whole tree; with hundreds of pages per
section (ModelsLab's Enterprise tab has ~230) re-rendering it for every page dominated the write
stage. The tree only differs between pages of one section by the active markers, so each section
is rendered once with nothing active and each page patches in the markers the macro itself would
emit: `data-active aria-current="page"` on the page link, `open` + `data-active-group` on the
enclosing disclosure groups, `data-active-section` on the enclosing top-level section.
`tests/test_sidebar.py` checks the patched HTML equals a full render of the template.
"""

from __future__ import annotations

import re
from typing import Any

import jinja2

_LINK = re.compile(r'<a class="mr-nav__link[^"]*" href="([^"]*)"')
_OPEN_OR_CLOSE = re.compile(r'<details class="mr-nav__details"|</details>|<li\b[^>]*|</li>')


class SidebarRenderer:
    def __init__(self, env: jinja2.Environment) -> None:
        self.macro = env.get_template("partials/sidebar_item.html").module.item  # type: ignore[attr-defined]
        self.cache: dict[int, str] = {}

    def base_html(self, key: int, items: list[dict[str, Any]]) -> str:
        html = self.cache.get(key)
        if html is None:
            html = "".join(str(self.macro(item, 0)) for item in items)
            self.cache[key] = html
        return html

    def for_page(self, key: int, items: list[dict[str, Any]], active_href: str | None) -> str:
        """The section's tree with `active_href` marked (unchanged when it is not in the tree)."""
        html = self.base_html(key, items)
        if not active_href:
            return html
        inserts: list[tuple[int, str]] = []
        pos = -1
        for m in _LINK.finditer(html):
            if m.group(1) == active_href:
                pos = m.end()
                inserts.append((pos, ' data-active aria-current="page"'))
                break
        if pos < 0:  # a group's root page: its link carries no marker, its groups do
            at = html.find(f'href="{active_href}"')
            if at < 0:
                return html
            pos = at
        # enclosing groups: walk back, counting nesting of <details> and top-level <li> sections
        depth_details = depth_li = 0
        for m in reversed(list(_OPEN_OR_CLOSE.finditer(html, 0, pos))):
            token = m.group(0)
            if token == "</details>":
                depth_details += 1
            elif token.startswith("<details"):
                if depth_details:
                    depth_details -= 1
                    continue
                end = m.end()
                if not html.startswith(" open", end):
                    inserts.append((end, " open"))
                summary = html.find('mr-nav__summary"', end)
                if summary >= 0:
                    inserts.append((summary + len('mr-nav__summary"'), " data-active-group"))
            elif token == "</li>":
                depth_li += 1
            elif token.startswith("<li"):
                if depth_li:
                    depth_li -= 1
                elif token.startswith('<li class="mr-nav__section"'):
                    inserts.append((m.end(), " data-active-section"))
        for at, text in sorted(inserts, reverse=True):
            html = html[:at] + text + html[at:]
        return html
