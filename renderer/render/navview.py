"""Per-page navigation view: tabs, anchors, switchers, sidebar tree, prev/next, eyebrow."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mintrender.cache import digest
from mintrender.errors import Diagnostics
from mintrender.load.config import SiteConfig
from mintrender.load.nav import (
    NavApiSpec,
    NavDivision,
    NavGroup,
    Navigation,
    NavNode,
    NavPage,
    PageSlot,
    hidden_refs,
    version_key,
)
from mintrender.load.sources import Reader
from mintrender.render.context import RenderContext
from mintrender.render.listing import Listings
from mintrender.render.pageinfo import IconFn, PageInfo
from mintrender.urls import UrlBuilder, is_external

LANGUAGE_NAMES = {
    "en": "English",
    "fr": "Français",
    "fr-CA": "Français (Canada)",
    "es": "Español",
    "de": "Deutsch",
    "it": "Italiano",
    "pt": "Português",
    "pt-BR": "Português (Brasil)",
    "zh": "中文",
    "zh-CN": "简体中文",
    "zh-Hans": "简体中文",
    "zh-Hant": "繁體中文",
    "zh-TW": "繁體中文",
    "cn": "中文",
    "ja": "日本語",
    "ja-JP": "日本語",
    "jp": "日本語",
    "ko": "한국어",
    "ru": "Русский",
    "ar": "العربية",
    "he": "עברית",
    "hi": "हिन्दी",
    "nl": "Nederlands",
    "pl": "Polski",
    "sv": "Svenska",
    "tr": "Türkçe",
    "uk": "Українська",
    "vi": "Tiếng Việt",
    "id": "Bahasa Indonesia",
    "cs": "Čeština",
    "da": "Dansk",
    "fi": "Suomi",
    "no": "Norsk",
    "ro": "Română",
    "hu": "Magyar",
    "ca": "Català",
    "lv": "Latviešu",
    "uz": "Oʻzbek",
}


PICKERS = ("products", "versions", "dropdowns", "menu")
"""The navigation levels the sidebar shows as pickers (in this order when nothing nests)."""


def sidebar_icons(
    config: SiteConfig, urls: UrlBuilder, diagnostics: Diagnostics, read: Reader
) -> IconFn:
    """The navigation's `IconFn`: an unknown icon is reported where it is written, in the
    frontmatter of the page that names it (its line and column) or at its place in docs.json."""
    contexts: dict[str, RenderContext] = {}
    drawn: dict[tuple[str | None, str | None, str], str] = {}  # every page's sidebar asks again

    def icon(name: str | None, kind: str | None, file: str) -> str:
        key = (name, kind, file)
        if key in drawn:
            return drawn[key]
        where = file or config.config_file
        ctx = contexts.get(where)
        if ctx is None:
            ctx = contexts[where] = RenderContext(config, where, urls, diagnostics, read=read)
        if file:
            drawn[key] = ctx.icon(name, kind, line=1)
            return drawn[key]
        text = read(config.config_file) or ""
        at = text.find(f'"{name}"') + 1 if name else 0  # docs.json: where the name is written
        line = text.count("\n", 0, at) + 1 if at else 0
        column = at - text.rfind("\n", 0, at) if at else 1
        drawn[key] = ctx.icon(name, kind, line=line, column=column)
        return drawn[key]

    return icon


_CODES = frozenset(code.lower() for code in LANGUAGE_NAMES)


class NavView:
    """Computes, for any page, the navigation data the page template receives."""

    def __init__(
        self,
        nav: Navigation,
        slots: list[PageSlot],
        pages: dict[str, PageInfo],
        urls: UrlBuilder,
        icon: IconFn,
    ) -> None:
        self.nav = nav
        self.pages = pages
        """ref -> PageInfo, for refs that resolved to a page."""
        self.urls = urls
        self.icon = icon
        self.location: dict[str, PageSlot] = {}
        self.nav_hidden = hidden_refs(slots)
        """Pages listed only where hidden (no `searchable: true`): `noindex`, as `hidden: true`."""
        self._versions: dict[str, dict[int, PageSlot]] = {}
        """ref -> the version it is listed in -> its first entry there (`variants`)."""
        for slot in slots:
            if slot.ref in pages and slot.ref not in self.location:
                self.location[slot.ref] = slot
            version = _version_of(slot)
            if slot.ref in pages and version is not None and not slot.hidden:
                self._versions.setdefault(slot.ref, {}).setdefault(id(version), slot)
        for ref, found in self._versions.items():  # a shared page opens in the `default` one
            if len(found) > 1 and ref in self.location:
                chosen = [s for s in found.values() if getattr(_version_of(s), "default", False)]
                self.location[ref] = chosen[0] if chosen else self.location[ref]
        self._first_page: dict[int, str | None] = {}
        self._own_pages: dict[int, list[str]] = {}
        """Division -> the pages no earlier division lists (a shared `index` is the first
        version's), for `_counterpart`."""
        self._one_apart: dict[int, dict[tuple[str, ...], str]] = {}
        self._one_below: dict[int, tuple[frozenset[str], dict[str, str]]] = {}
        self._order: dict[int, list[str]] = {}
        self._prefixes: dict[int, str] = {}  # `_language_prefix` of each division asked
        self.listings = Listings(nav.root, pages, urls, self.icon)
        for slot in slots:
            if slot.ref not in pages or pages[slot.ref].hidden or slot.hidden:
                continue
            for d in (nav.root, *slot.divisions):
                self._first_page.setdefault(id(d), slot.ref)
                if self.location.get(slot.ref) is slot:  # listed here first: its own page
                    self._own_pages.setdefault(id(d), []).append(slot.ref)
            key = id(slot.divisions[-1]) if slot.divisions else id(nav.root)
            order = self._order.setdefault(key, [])
            if slot.ref not in order:
                order.append(slot.ref)
        self._default_chain = self.default_divisions()
        self._section_cache: dict[int, list[dict[str, Any]]] = {}
        self._key: str | None = None

    def default_divisions(self) -> tuple[NavDivision, ...]:
        chain: list[NavDivision] = []
        node = self.nav.root
        while True:
            divs = [c for c in node.children if isinstance(c, NavDivision) and not c.href]
            if not divs:
                return tuple(chain)
            node = next((d for d in divs if d.default), divs[0])
            chain.append(node)

    def division_href(self, d: NavDivision) -> str:
        if d.href:
            return self.urls.link(d.href)
        # its first page drawn inside it: one an earlier version or tab also lists (a shared
        # `introduction`) is drawn there, and would lead the reader back into that one; and in
        # its `default` version or language, not the first (a tab holding v1 and v2, default)
        ref: str | None = None
        node: NavDivision | None = d
        while node is not None:
            own = self._own_pages.get(id(node))
            ref = own[0] if own else self._first_page.get(id(node))
            kids = [c for c in node.children if isinstance(c, NavDivision)]
            kids = [c for c in kids if id(c) in self._first_page]  # shown, with a page
            place = self.location.get(ref or "")
            held = {id(x) for x in place.divisions} if place is not None else set()
            node = next((c for c in kids if c.default), None)
            node = node or next((c for c in kids if id(c) in held), None)
        return self.urls.page(self.pages[ref].site_path) if ref else "#"

    def _entry(self, d: NavDivision, chain_ids: set[int]) -> dict[str, Any]:
        """A tab, picker or menu item as the templates draw it."""
        return {
            "label": d.label,
            "href": self.division_href(d),
            "icon_html": self.icon(d.icon, d.icon_type, "") if d.icon else "",
            "active": id(d) in chain_ids,
            "external": bool(d.href and is_external(d.href)),
            "link": bool(d.href),  # a link away, never the reader's current choice
            "tag": d.tag,
            "description": d.description,
            "color": d.color,
        }

    # -----------------------------------------------------------------------------------------
    def variants(self, ref: str | None) -> list[PageSlot]:
        """The page's entries in the other versions that list it (its first entry's version
        excluded), one per version: Mintlify's URLs carry no version, so one page file carries
        each version's navigation and the reader's choice picks one (write/versions.py)."""
        first = self.location.get(ref) if ref else None
        mine = _version_of(first) if first is not None else None
        found = self._versions.get(ref or "", {})
        return [s for key, s in found.items() if mine is not None and key != id(mine)]

    def view(self, ref: str | None, at: PageSlot | None = None) -> dict[str, Any]:
        """The page's navigation, as its first entry (or `at`, one of `variants`) places it."""
        slot, chain, container = self._place(ref, at)
        chain_ids = {id(d) for d in chain}
        out: dict[str, Any] = {
            "tabs": [],
            "anchors": [],
            "dropdowns": [],
            "products": [],
            "versions": [],
            "languages": [],
            "menu": [],
        }
        order: list[str] = []  # the sidebar's pickers, outermost first (a product's menu item
        # before the dropdowns inside it)
        parents = (self.nav.root, *chain)
        language = next((d for d in chain if d.kind == "language"), None)
        for parent in parents:
            kids = [c for c in parent.children if isinstance(c, NavDivision) and not c.hidden]
            kid_ids = {id(c) for c in kids}
            for d in kids:
                key = {
                    "tab": "tabs",
                    "anchor": "anchors",
                    "dropdown": "dropdowns",
                    "product": "products",
                    "version": "versions",
                    "language": "languages",
                    "item": "menu",
                }.get(d.kind)
                if key is None:
                    continue
                entry = self._entry(d, chain_ids)
                if d.kind == "tab":  # its `menu`: a dropdown on the tab (Mintlify)
                    entry["menu"] = [
                        self._entry(item, chain_ids)
                        for item in d.children
                        if isinstance(item, NavDivision) and item.kind == "item" and not item.hidden
                    ]
                current = next((c for c in chain if c.kind == d.kind and id(c) in kid_ids), None)
                if d.kind == "language":
                    entry["code"] = d.label
                    entry["label"] = LANGUAGE_NAMES.get(d.label, d.label)
                    entry["href"] = (
                        self._language_href(d, parent, ref)
                        or self._counterpart(current, d, ref)
                        or self._same_version(chain, d)
                        or entry["href"]
                    )
                elif d.kind == "version" and not d.href:  # the page in that version
                    # the reader's choice: 10-theme.js keeps it, and shows it in place on a
                    # page it lists too (`variants`); the link is for readers without JS
                    entry["version"] = d.label
                    entry["href"] = self._counterpart(current, d, ref) or entry["href"]
                elif language is not None and not d.href:  # a product: in the reader's language
                    entry["href"] = self._in_language(d, language.label) or entry["href"]
                out[key].append(entry)
                if key in PICKERS and key not in order:
                    order.append(key)
        own = [(k, ls) for c in chain for k, ls in c.global_links]  # a language's own
        for key, links in [*self.nav.global_links.items(), *own]:
            for d in links:
                if d.hidden:
                    continue
                out.setdefault(key, []).append(
                    {
                        "label": d.label,
                        "href": self.urls.link(d.href or "#"),
                        "icon_html": self.icon(d.icon, d.icon_type, "") if d.icon else "",
                        "active": False,
                        "external": bool(d.href and is_external(d.href)),
                        "link": True,
                        "tag": None,
                        "description": None,
                    }
                )
        out["picker_order"] = order + [k for k in PICKERS if k not in order]
        out["version_key"] = version_key(chain)  # the page's search index (`index.sections`)
        out["sidebar"] = self.section_items(container)
        out["sidebar_key"] = id(container)
        info = self.pages.get(ref) if ref else None
        out["active_href"] = (
            self.urls.page(info.site_path) if info is not None and not info.url else None
        )
        out["prev"], out["next"] = self._neighbours(ref, container)
        groups = slot.groups if slot is not None else ()
        out["eyebrow"] = (
            groups[-1].label
            if groups
            else (chain[-1].label if chain and chain[-1].kind != "language" else "")
        )
        trail = [d.label for d in chain if d.kind not in ("language", "version")] + [
            g.label for g in groups
        ]
        out["breadcrumbs"] = [label for label in trail if label.strip()]  # `" "`: untitled
        out["listing"] = self.listings(ref)
        out["nav_hidden"] = ref in self.nav_hidden
        return out

    def _language_prefix(self, d: NavDivision) -> str:
        """`fr/` when the language's pages live in a folder named like its code, or in one
        folder named like another code (OpenClaw's `zh-Hans` pages in `zh-CN/`), else ""."""
        found = self._prefixes.get(id(d))
        if found is None:
            found = self._prefixes[id(d)] = self._find_language_prefix(d)
        return found

    def _find_language_prefix(self, d: NavDivision) -> str:
        ref = self._first_page.get(id(d))
        if ref and ref.split("/", 1)[0] == d.label and "/" in ref:
            return d.label + "/"
        folders = {p.split("/", 1)[0] if "/" in p else "" for p in self._own_pages.get(id(d), ())}
        folder = folders.pop() if len(folders) == 1 else ""
        return folder + "/" if folder.replace("_", "-").lower() in _CODES else ""

    def _counterpart(
        self, current: NavDivision | None, target: NavDivision, ref: str | None
    ) -> str | None:
        """This page in the `target` version or language: its page whose path differs in one
        folder only (`v2/basics/act` -> `v1/basics/act`, `edge/en/x` -> `edge/pt-BR/x`); None
        when there is no such page of `target`."""
        if current is None or ref is None or ref not in self.pages:
            return None
        if current is target:  # the one it is in: the page itself
            return self.urls.page(self.pages[ref].site_path)
        parts = tuple(ref.split("/"))
        index = self._one_apart.get(id(target))
        if index is None:  # each of its pages under every path with one folder left blank
            index = self._one_apart[id(target)] = {}
            for page in reversed(self._own_pages.get(id(target), [])):
                steps = tuple(page.split("/"))
                for i in range(len(steps) - 1):
                    index[steps[:i] + ("",) + steps[i + 1 :]] = page
        for i in range(len(parts) - 1):  # one folder renamed, the file's own name kept
            found = index.get(parts[:i] + ("",) + parts[i + 1 :])
            if found is not None and found != ref:
                return self.urls.page(self.pages[found].site_path)
        # one version at the root, the others in folders (Mintlify's own example: `quickstart`
        # and `2025_12/quickstart`): the page one folder down, or one folder up
        known = self._one_below.get(id(target))
        if known is None:  # its pages, and each of them by its path below its first folder
            pages = self._own_pages.get(id(target), [])
            below: dict[str, str] = {}
            for page in pages:  # the first such page wins
                if "/" in page:
                    below.setdefault(page.split("/", 1)[1], page)
            known = self._one_below[id(target)] = (frozenset(pages), below)
        pages_there, below = known
        down = below.get(ref)
        up = ref.split("/", 1)[1] if "/" in ref else None
        for found in (down, up if up in pages_there else None):
            if found is not None and found != ref:
                return self.urls.page(self.pages[found].site_path)
        return None

    def _same_version(self, chain: Sequence[NavDivision], target: NavDivision) -> str | None:
        """A page with no translation in language `target`: the reader's version there (its
        first page), not the language's first version."""
        label = next((c.label for c in chain if c.kind == "version"), None)
        for c in target.children if label is not None else ():
            if isinstance(c, NavDivision) and c.kind == "version" and c.label == label:
                return self.division_href(c)
        return None

    def _in_language(self, d: NavDivision, code: str) -> str | None:
        """The first page of `d` in the language `code`, when `d` holds languages (a product
        or version whose languages are inside it); None when it holds none by that code."""
        stack = [c for c in d.children if isinstance(c, NavDivision)]
        while stack:
            c = stack.pop(0)
            if c.kind == "language" and c.label == code:
                return self.division_href(c)
            stack.extend(x for x in c.children if isinstance(x, NavDivision))
        return None

    def _language_href(
        self, target: NavDivision, parent: NavDivision, ref: str | None
    ) -> str | None:
        """The current page in another language, when that translation exists (in its own
        language: the page itself)."""
        if ref is None or ref not in self.pages:
            return None
        current = next(
            (
                c
                for c in parent.children
                if isinstance(c, NavDivision)
                and c.kind == "language"
                and id(c)
                in {id(x) for x in (self.location[ref].divisions if ref in self.location else ())}
            ),
            None,
        )
        if current is None:
            return None
        if current is target:  # the language the page is in: the page itself
            return self.urls.page(self.pages[ref].site_path)
        stem = ref
        prefix = self._language_prefix(current)
        if prefix and stem.startswith(prefix):
            stem = stem[len(prefix) :]
        candidate = self._language_prefix(target) + stem
        info = self.pages.get(candidate)
        place = self.location.get(candidate)
        if info is None or place is None or not any(d is target for d in place.divisions):
            return None  # no such page, or one of another language (`edge/en/…` paths)
        return self.urls.page(info.site_path)

    def _place(
        self, ref: str | None, entry: PageSlot | None = None
    ) -> tuple[PageSlot | None, tuple[NavDivision, ...], NavDivision]:
        """The page's navigation entry (`entry`, else its first), its divisions (the default
        ones without an entry) and the division whose sidebar it shows."""
        slot = entry or (self.location.get(ref) if ref else None)
        chain = slot.divisions if slot is not None else self._default_chain
        return slot, chain, chain[-1] if chain else self.nav.root

    def sidebar_of(
        self, ref: str | None, entry: PageSlot | None = None
    ) -> tuple[int, list[dict[str, Any]]]:
        """`view(ref, entry)`'s `sidebar_key` and `sidebar`, without the rest of the view."""
        container = self._place(ref, entry)[2]
        return id(container), self.section_items(container)

    def key(self) -> str:
        """A digest of what every page's view depends on beyond docs.json, the set of pages and
        the build options (which the build cache's site key holds): each page's `PageInfo`."""
        if self._key is None:
            self._key = digest(*(repr(info) for _, info in sorted(self.pages.items())))
        return self._key

    def section_items(self, container: NavDivision) -> list[dict[str, Any]]:
        """The sidebar tree of a section with nothing marked active (cached)."""
        key = id(container)
        items = self._section_cache.get(key)
        if items is None:
            items = self._items(container.children, None, None)
            self._section_cache[key] = items
        return items

    def _items(
        self, children: tuple[NavNode, ...], ref: str | None, slot: PageSlot | None
    ) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        active_groups = {id(g) for g in slot.groups} if slot is not None else set()
        for child in children:
            if isinstance(child, NavPage):
                info = self.pages.get(child.ref)
                if info is None or info.hidden:
                    continue
                items.append(self._page_item(info, ref))
            elif isinstance(child, NavGroup):
                if child.hidden:
                    continue
                sub = self._items(child.children, ref, slot)
                root_info = self.pages.get(child.root) if child.root else None
                if not sub and root_info is None:
                    continue
                items.append(
                    {
                        "kind": "group",
                        "label": child.label,
                        "icon_html": self.icon(child.icon, child.icon_type, "")
                        if child.icon
                        else "",
                        "tag": child.tag,
                        "expanded": child.expanded,
                        "active": id(child) in active_groups,
                        "root_href": self.urls.page(root_info.site_path) if root_info else None,
                        "root_active": bool(root_info and root_info.ref == ref),
                        "children": sub,
                    }
                )
            elif isinstance(child, NavDivision) and child.href:
                items.append(
                    {
                        "kind": "link",
                        "label": child.label,
                        "href": self.urls.link(child.href),
                        "icon_html": self.icon(child.icon, child.icon_type, "")
                        if child.icon
                        else "",
                        "external": is_external(child.href),
                    }
                )
            elif isinstance(child, NavApiSpec):
                continue
        return items

    def _page_item(self, info: PageInfo, ref: str | None) -> dict[str, Any]:
        if info.url:
            return {
                "kind": "link",
                "label": info.label,
                "href": self.urls.link(info.url),
                "icon_html": self.icon(info.icon, info.icon_type, info.file) if info.icon else "",
                "external": is_external(info.url),
            }
        return {
            "kind": "page",
            "label": info.label,
            "href": self.urls.page(info.site_path),
            "icon_html": self.icon(info.icon, info.icon_type, info.file) if info.icon else "",
            "tag": info.tag,
            "method": info.method,
            "active": info.ref == ref,
            "deprecated": info.deprecated,
        }

    def _neighbours(
        self, ref: str | None, container: NavDivision
    ) -> tuple[dict[str, str] | None, dict[str, str] | None]:
        order = self._order.get(id(container), [])
        if ref is None or ref not in order:
            return None, None
        i = order.index(ref)

        def entry(r: str) -> dict[str, str]:
            info = self.pages[r]
            return {"title": info.label, "href": self.urls.page(info.site_path)}

        return (
            entry(order[i - 1]) if i > 0 else None,
            entry(order[i + 1]) if i + 1 < len(order) else None,
        )


def _version_of(slot: PageSlot) -> NavDivision | None:
    """The innermost version an entry sits in."""
    return next((d for d in reversed(slot.divisions) if d.kind == "version"), None)


def report_broken_hrefs(
    config: SiteConfig, nav: Navigation, urls: UrlBuilder, diagnostics: Diagnostics
) -> None:
    """A `broken-link` warning, at its place in docs.json, for each link of the navigation (a
    tab's, an anchor's, a dropdown's `href`) and the navbar that points to no page or file of
    the site, as a page's own links get (authlane's tab to `/docs/api-reference`)."""

    def check(href: str | None, path: tuple[Any, ...]) -> None:
        if not href or href.startswith("#") or is_external(href):
            return
        if not urls.resolve(href)[1]:
            line, col = config.locate(path, href)
            why = f"link {href!r} points to no page or file of this site"
            diagnostics.warning(config.config_file, line, col, "broken-link", why)

    for node in nav.nodes():
        if isinstance(node, NavDivision):
            check(node.href, (*node.json_path, "href"))
    for i, link in enumerate(config.navbar_links):
        check(link.href, ("navbar", "links", i, "href"))
    if config.navbar_primary is not None:
        check(config.navbar_primary.href, ("navbar", "primary", "href"))
