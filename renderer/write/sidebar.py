"""Sidebar trees rendered once per navigation section, then marked (and trimmed) per page.

The theme's `sidebar_item.html` macro renders a section's whole tree; with hundreds of pages per
section (ModelsLab's Enterprise tab has ~230) re-rendering it for every page dominated the write
stage. The tree only differs between pages of one section by the active markers, so each section
is rendered once with nothing active and each page patches in the markers the macro itself would
emit: `data-active aria-current="page"` on the page link (`aria-current` on a group's title
link when the page is the group's `root`), `open` + `data-active-group` on the
enclosing disclosure groups, `data-active-section` on the enclosing top-level section.
`tests/test_sidebar.py` checks the patched HTML equals a full render of the template.

Page weight: a large section is sent trimmed. The children of every group that is closed on the
page (not on the active path, not `expanded`) are left out and the group is marked
`data-lazy="HASH/N"`; 10-theme.js fills it from `_mintrender/nav-HASH.js` (one file per section,
the same for all its pages, see `payload_files`) when the reader opens it. Without JS the group's
title links to its first page, where the group is open.
"""

from __future__ import annotations

import json
import re
import zlib
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

import jinja2

_PAGE_LINK = re.compile(r'<li><a href="([^"]*)"')
_OPEN_OR_CLOSE = re.compile(r"<details\b[^>]*>|</details>|<li\b[^>]*|</li>")
_DETAILS = re.compile(r"<details\b[^>]*>|</details>")
_SUMMARY = "<summary"
_LIST_START = "</summary><ul>"
_LIST_END = "</ul>"

LAZY_MIN_BYTES = 6000
"""Sections whose tree is smaller than this are always sent whole (a request would cost more)."""
PAYLOAD_GLOBAL = "mrNav"
"""`window.mrNav[HASH][N]` holds the children of group N of a section (see 10-theme.js)."""


@dataclass(slots=True)
class _Group:
    index: int
    start: int  # of `<details`
    tag_end: int  # after its `>`
    is_open: bool
    inner_start: int = -1  # of the children, after `</summary><ul>`
    inner_end: int = -1  # of `</ul></details>`
    end: int = -1  # after `</details>`
    children: list[_Group] = field(default_factory=list)


def _groups(html: str) -> list[_Group]:
    """The `<details>` groups of a tree, outermost first, with their nested groups."""
    roots: list[_Group] = []
    stack: list[_Group] = []
    count = 0
    for m in _DETAILS.finditer(html):
        if m.group(0) == "</details>":
            group = stack.pop()
            group.end = m.end()
            group.inner_end = m.start() - len(_LIST_END)
            continue
        tag = m.group(0)
        group = _Group(count, m.start(), m.end(), " open" in tag)
        count += 1
        group.inner_start = html.index(_LIST_START, m.end()) + len(_LIST_START)
        (stack[-1].children if stack else roots).append(group)
        stack.append(group)
    return roots


def _trimmed(html: str, start: int, end: int, groups: list[_Group], key: str) -> str:
    """html[start:end] with the children of every outermost closed group left out."""
    out: list[str] = []
    pos = start
    for group in groups:
        if group.is_open:
            out.append(_trimmed(html, pos, group.end, group.children, key))
        else:
            out.append(html[pos : group.start])
            out.append(f'<details data-lazy="{key}/{group.index}">')
            out.append(html[group.tag_end : group.inner_start])
            out.append(html[group.inner_end : group.end])
        pos = group.end
    out.append(html[pos:end])
    return "".join(out)


def _enclosing(
    html: str, tokens: list[tuple[int, int, str]], inserts: list[tuple[int, str]], opened: set[int]
) -> None:
    """The markers of the groups and the section around the end of `tokens` (the
    `_OPEN_OR_CLOSE` tags before the active link, in order): walk back, counting the nesting of
    `<details>` and of top-level `<li>` sections. Adds to `inserts` (position, text) and to
    `opened` (where the groups it opens start)."""
    depth_details = depth_li = 0
    for start, end, token in reversed(tokens):
        if token == "</details>":
            depth_details += 1
        elif token.startswith("<details"):
            if depth_details:
                depth_details -= 1
                continue
            if " open" not in token:
                inserts.append((end - 1, " open"))
                opened.add(start)
            if html.startswith(_SUMMARY, end):
                inserts.append((end + len(_SUMMARY), " data-active-group"))
        elif token == "</li>":
            depth_li += 1
        elif token.startswith("<li"):
            if depth_li:
                depth_li -= 1
            elif token.startswith('<li class="mr-nav__section"'):
                inserts.append((end, " data-active-section"))


def _segments(
    html: str, start: int, end: int, groups: list[_Group], key: str, opened: frozenset[int]
) -> list[tuple[int, int] | str]:
    """`_trimmed(html, start, end, groups, key)` as slices of `html` and new text, with the
    groups whose tag starts at a position in `opened` taken as open."""
    out: list[tuple[int, int] | str] = []
    pos = start
    for group in groups:
        if group.is_open or group.start in opened:
            out.extend(_segments(html, pos, group.end, group.children, key, opened))
        else:
            out.append((pos, group.start))
            out.append(f'<details data-lazy="{key}/{group.index}">')
            out.append((group.tag_end, group.inner_start))
            out.append((group.inner_end, group.end))
        pos = group.end
    out.append((pos, end))
    return out


class _Section:
    """A section's tree with nothing active, indexed once for marking each of its pages."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.key = f"{zlib.crc32(base.encode('utf-8')):08x}"
        self.groups = _groups(base)
        self.links: dict[str, int] = {}
        for m in _PAGE_LINK.finditer(base):
            self.links.setdefault(m.group(1), m.end())
        self.tokens = [(m.start(), m.end(), m.group(0)) for m in _OPEN_OR_CLOSE.finditer(base)]
        self.ends = [end for _, end, _ in self.tokens]

    def inserts(self, active_href: str | None) -> tuple[list[tuple[int, str]], set[int]] | None:
        """What `SidebarRenderer.mark` inserts into the tree for `active_href` (position, text,
        in order) and where the groups it opens start; None where only `mark` can tell."""
        opened: set[int] = set()
        if not active_href:
            return [], opened
        inserts: list[tuple[int, str]] = []
        pos = self.links.get(active_href, -1)
        if pos >= 0:
            inserts.append((pos, ' data-active aria-current="page"'))
        else:  # a group's root page: its title link is the current page, its groups open
            pos = self.base.find(f'href="{active_href}"')
            if pos < 0:
                return [], opened
            inserts.append((pos + len(active_href) + 7, ' aria-current="page"'))
        count = bisect_right(self.ends, pos)
        if count < len(self.tokens) and self.tokens[count][0] < pos:
            return None  # a tag around `pos`: `mark` scans a cut-off copy of it
        _enclosing(self.base, self.tokens[:count], inserts, opened)
        return sorted(inserts), opened

    def page(self, active_href: str | None, lazy: bool) -> str | None:
        """`SidebarRenderer.for_page` of this section (None: ask `mark`)."""
        marks = self.inserts(active_href)
        if marks is None:
            return None
        inserts, opened = marks
        base = self.base
        if lazy and len(base) >= LAZY_MIN_BYTES:
            parts = _segments(base, 0, len(base), self.groups, self.key, frozenset(opened))
        else:
            parts = [(0, len(base))]
        out: list[str] = []
        k = 0
        for part in parts:
            if isinstance(part, str):
                out.append(part)
                continue
            pos, end = part
            while k < len(inserts) and inserts[k][0] < end:
                at, text = inserts[k]
                out.append(base[pos:at])
                out.append(text)
                pos = at
                k += 1
            out.append(base[pos:end])
        return "".join(out)


class SidebarRenderer:
    def __init__(self, env: jinja2.Environment) -> None:
        self.macro = env.get_template("partials/sidebar_item.html").module.item  # type: ignore[attr-defined]
        self.cache: dict[int, str] = {}
        self.sections: dict[int, _Section] = {}
        self.payloads: dict[str, str] = {}
        """File name (`nav-HASH.js`) -> script, for the sections rendered so far."""

    def base_html(self, key: int, items: list[dict[str, Any]]) -> str:
        html = self.cache.get(key)
        if html is None:
            html = "".join(str(self.macro(item, 0)) for item in items)
            self.cache[key] = html
            self._payload(html)
        return html

    @staticmethod
    def _key(base: str) -> str:
        return f"{zlib.crc32(base.encode('utf-8')):08x}"

    def _payload(self, base: str) -> None:
        """The children of each closed group of a section (trimmed the same way)."""
        if len(base) < LAZY_MIN_BYTES:
            return
        key = self._key(base)
        entries: dict[str, str] = {}

        def walk(groups: list[_Group]) -> None:
            for group in groups:
                if not group.is_open:
                    inner = _trimmed(base, group.inner_start, group.inner_end, group.children, key)
                    entries[str(group.index)] = inner
                walk(group.children)

        walk(_groups(base))
        if entries:
            data = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
            self.payloads[f"nav-{key}.js"] = (
                f"(window.{PAYLOAD_GLOBAL}=window.{PAYLOAD_GLOBAL}||{{}})[{json.dumps(key)}]={data};\n"
            )

    def payload_files(self) -> dict[str, str]:
        """`_mintrender/` files holding the children of closed groups (name -> text)."""
        return dict(sorted(self.payloads.items()))

    def for_page(
        self,
        key: int,
        items: list[dict[str, Any]],
        active_href: str | None,
        *,
        lazy: bool = True,
    ) -> str:
        """The section's tree with `active_href` marked (unchanged when it is not in the tree),
        the children of closed groups left out when `lazy` and the section is large."""
        base = self.base_html(key, items)
        section = self.sections.get(key)
        if section is None or section.base is not base:
            section = self.sections[key] = _Section(base)
        html = section.page(active_href, lazy)
        if html is not None:
            return html
        html = self.mark(base, active_href)
        if not lazy or len(base) < LAZY_MIN_BYTES:
            return html
        return _trimmed(html, 0, len(html), _groups(html), self._key(base))

    @staticmethod
    def mark(html: str, active_href: str | None) -> str:
        """Insert the markers the template puts on the active page and its ancestors."""
        if not active_href:
            return html
        inserts: list[tuple[int, str]] = []
        pos = -1
        for m in _PAGE_LINK.finditer(html):
            if m.group(1) == active_href:
                pos = m.end()
                inserts.append((pos, ' data-active aria-current="page"'))
                break
        if pos < 0:  # a group's root page: its title link is the current page, its groups open
            at = html.find(f'href="{active_href}"')
            if at < 0:
                return html
            pos = at
            inserts.append((at + len(active_href) + 7, ' aria-current="page"'))
        tokens = [(m.start(), m.end(), m.group(0)) for m in _OPEN_OR_CLOSE.finditer(html, 0, pos)]
        _enclosing(html, tokens, inserts, set())
        for at, text in sorted(inserts, reverse=True):
            html = html[:at] + text + html[at:]
        return html
