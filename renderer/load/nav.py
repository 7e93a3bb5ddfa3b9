"""Navigation: the docs.json `navigation` object as a tree of divisions, groups and page entries."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from mintrender.hints import closest
from mintrender.load.chrome import ChromeOverride, read_chrome_override
from mintrender.load.jsonpos import PathKey
from mintrender.load.shapes import Warn, anchor_color, icon_fields, search_boost

DivisionKind = Literal[
    "root", "language", "version", "product", "tab", "anchor", "dropdown", "item"
]
# Child collections in the order a division may hold them (navigation.md §3.1).
DIVISION_KEYS: tuple[tuple[str, DivisionKind, str], ...] = (
    ("languages", "language", "language"),
    ("versions", "version", "version"),
    ("products", "product", "product"),
    ("tabs", "tab", "tab"),
    ("anchors", "anchor", "anchor"),
    ("dropdowns", "dropdown", "dropdown"),
    ("menu", "item", "item"),
)
_OPERATION = re.compile(
    r"^(?:(\S+)\s+)?(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE|WEBHOOK)\s+(\S.*)$", re.I
)
"""`[SPEC ]METHOD /path`, the method in any case (Rhombus lists its whole API reference as
`api-reference/openapi.json post /api/…`, and Mintlify builds it), or `webhook NAME`."""


@dataclass(frozen=True, slots=True)
class NavPage:
    """A page entry: a file path without extension, or an OpenAPI operation reference."""

    ref: str
    """`quickstart`, `api/users/create`, `GET /users` or `spec.json POST /x`."""
    json_path: PathKey
    """Where the entry stands in docs.json, for diagnostics."""
    openapi: str | None = None
    """Spec inherited from the enclosing divisions (for operation entries)."""
    directory: str | None = None
    """The folder of that spec's generated pages (`openapi: {source, directory}`)."""


CHANNEL_REF_PREFIX = "asyncapi:"
"""Navigation refs of AsyncAPI channel pages generated from a nav-level `asyncapi`:
`asyncapi:<spec> <channel>`."""


@dataclass(frozen=True, slots=True)
class NavApiSpec:
    """A division or group with `openapi` (or `asyncapi`) and no pages: one page per operation
    (per channel), built later."""

    source: str
    directory: str
    json_path: PathKey
    kind: str = "openapi"
    """`openapi` or `asyncapi`."""
    beside_pages: bool = False
    """Added beside the pages the division lists: its operations are generated only if none
    of those pages names one of them (openapi.md §3)."""


@dataclass(frozen=True, slots=True)
class NavGroup:
    label: str
    json_path: PathKey
    children: tuple[NavItem, ...]
    icon: str | None = None
    icon_type: str | None = None
    tag: str | None = None
    root: str | None = None
    """Page opened by clicking the group title."""
    expanded: bool = False
    hidden: bool = False
    searchable: bool | None = None
    """`searchable: true` on a hidden group: its pages stay in search, the sitemap and AI
    context (`_below`)."""
    boost: float | None = None
    listing: str = "none"
    """`directory`, inherited: how its `root` page lists its children below its content
    ("none", "card" or "accordion")."""


@dataclass(frozen=True, slots=True)
class NavDivision:
    kind: DivisionKind
    label: str
    json_path: PathKey
    children: tuple[NavNode, ...] = ()
    icon: str | None = None
    icon_type: str | None = None
    href: str | None = None
    """External or internal link instead of children."""
    hidden: bool = False
    searchable: bool | None = None
    default: bool = False
    tag: str | None = None
    description: str | None = None
    openapi: str | None = None
    color: tuple[str, str] | None = None
    """An anchor's `color`: (light, dark), its tile's fill when it is the current one."""
    chrome: ChromeOverride | None = None
    """A language's own `banner`, `footer` and `navbar` (None: the site's)."""
    global_links: tuple[tuple[str, tuple[NavDivision, ...]], ...] = ()
    """Its own `global` links (CrewAI's languages each have theirs), shown on its pages."""


NavItem = NavPage | NavGroup | NavApiSpec
NavNode = NavDivision | NavGroup | NavPage | NavApiSpec


@dataclass(frozen=True, slots=True)
class PageSlot:
    """One occurrence of a page in navigation order, with where it sits."""

    ref: str
    divisions: tuple[NavDivision, ...]
    """Ancestors from the root, outermost first."""
    groups: tuple[NavGroup, ...]
    hidden: bool
    """Inside a hidden division or group."""
    searchable: bool
    """Not hidden, or its nearest hidden division or group says `searchable: true`: in
    search, the sitemap and AI context, and without `noindex`."""
    boost: float | None
    openapi: str | None
    json_path: PathKey
    directory: str | None = None
    """Where an operation entry's page goes (`openapi.directory`; None: `api-reference`)."""

    @property
    def language(self) -> NavDivision | None:
        """The entry of `navigation.languages` the page is listed under."""
        return next((d for d in reversed(self.divisions) if d.kind == "language"), None)


def file_languages(slots: Iterable[PageSlot], ref_to_file: Mapping[str, str]) -> dict[str, str]:
    """Page file -> the language code of the `navigation.languages` entry it is first listed
    under (files listed under none are left out): the theme's words on the page."""
    out: dict[str, str] = {}
    for slot in slots:
        language = slot.language
        rel = ref_to_file.get(slot.ref)
        if language is not None and rel is not None and rel not in out:
            out[rel] = language.label
    return out


def hidden_refs(slots: Sequence[PageSlot]) -> frozenset[str]:
    """Pages each entry of which is hidden without `searchable: true`: they get `noindex`, as
    pages with `hidden: true` do (hidden-pages.mdx); one also listed where it is shown (or
    searchable) stays indexable."""
    listed = {slot.ref for slot in slots if slot.searchable}
    return frozenset(slot.ref for slot in slots if slot.ref not in listed)


@dataclass(frozen=True, slots=True)
class Navigation:
    root: NavDivision
    global_links: dict[str, tuple[NavDivision, ...]]
    """`navigation.global`: site-wide tabs/anchors/... links."""

    def languages(self) -> list[NavDivision]:
        """Every entry of a `languages` list, wherever it stands, in docs.json order."""
        out: list[NavDivision] = []
        todo = [self.root]
        while todo:
            node = todo.pop()
            if node.kind == "language":
                out.append(node)
            todo.extend(c for c in reversed(node.children) if isinstance(c, NavDivision))
        return out

    def nodes(self) -> Iterator[NavDivision | NavGroup]:
        """Every division and group, in docs.json order, then the `global` links."""

        def walk(node: NavNode) -> Iterator[NavDivision | NavGroup]:
            if isinstance(node, (NavDivision, NavGroup)):
                yield node
                for child in node.children:
                    yield from walk(child)

        yield from walk(self.root)
        for divisions in self.global_links.values():
            yield from divisions
        for node in list(walk(self.root)):  # a language's or version's own
            if isinstance(node, NavDivision):
                for _, links in node.global_links:
                    yield from links

    def slots(self) -> list[PageSlot]:
        """Every page entry in reading order (group roots before their children)."""
        out: list[PageSlot] = []
        _walk(self.root, (), (), False, True, None, None, out)
        return out


def is_operation_ref(ref: str) -> bool:
    """Does a navigation entry name a generated API page (an operation or an AsyncAPI channel)
    rather than a file?"""
    if ref.startswith(CHANNEL_REF_PREFIX):
        return True
    m = _OPERATION.match(ref.strip())
    return m is not None and (m.group(2).lower() == "webhook" or m.group(3).startswith("/"))


def _below(node: NavDivision | NavGroup, hidden: bool, searchable: bool) -> tuple[bool, bool]:
    """`hidden` and `searchable` for what a division or group holds. The nearest hidden one
    decides by its own `searchable: true` (hidden-pages.mdx): a hidden group without it, in a
    searchable hidden tab, takes its pages out again; on a shown one the flag does nothing
    (search.mdx: `searchable` is a page-level field, hide the tab or group instead)."""
    if node.hidden:
        return True, node.searchable is True
    return hidden, searchable


def _walk(
    node: NavNode,
    divisions: tuple[NavDivision, ...],
    groups: tuple[NavGroup, ...],
    hidden: bool,
    searchable: bool,
    boost: float | None,
    openapi: str | None,
    out: list[PageSlot],
) -> None:
    if isinstance(node, NavPage):
        out.append(
            PageSlot(
                node.ref,
                divisions,
                groups,
                hidden,
                searchable,
                boost,
                node.openapi or openapi,
                node.json_path,
                node.directory,
            )
        )
        return
    if isinstance(node, NavApiSpec):
        return
    h, s = _below(node, hidden, searchable)
    if isinstance(node, NavGroup):
        b = node.boost if node.boost is not None else boost
        if node.root:
            out.append(
                PageSlot(node.root, divisions, (*groups, node), h, s, b, openapi, node.json_path)
            )
        for child in node.children:
            _walk(child, divisions, (*groups, node), h, s, b, openapi, out)
        return
    chain = divisions if node.kind == "root" else (*divisions, node)
    for sub in node.children:
        _walk(sub, chain, groups, h, s, boost, node.openapi or openapi, out)


LISTINGS = ("none", "accordion", "card")
"""The values of `directory` (navigation.md §3.2)."""


def _listing(raw: dict[str, Any], path: PathKey, warn: Warn, inherited: str) -> str:
    """An object's `directory` (a group root page's listing of its children), else the one it
    inherits."""
    value = raw.get("directory")
    if value is None:
        return inherited
    if isinstance(value, str) and value.strip().lower() in LISTINGS:
        return value.strip().lower()
    shown = repr(value) if isinstance(value, str) else type(value).__name__
    why = f'`directory` must be "none", "accordion" or "card", not {shown}; '
    warn((*path, "directory"), "nav-type", why + f"{inherited!r} is used")
    return inherited


def iter_groups(items: tuple[NavNode, ...]) -> Iterator[NavGroup]:
    for item in items:
        if isinstance(item, NavGroup):
            yield item
            yield from iter_groups(item.children)


def build_navigation(raw: dict[str, Any], warn: Warn) -> Navigation:
    """Turn the raw docs.json navigation into a tree; problems go to `warn(path, code, msg)`."""
    path: PathKey = ("navigation",)
    root = _division(raw, "root", "", path, None, warn)
    return Navigation(root, _global_links(raw.get("global"), path, warn))


def _global_links(g: Any, path: PathKey, warn: Warn) -> dict[str, tuple[NavDivision, ...]]:
    """A `global` object's links (the site's, or a language's or version's own)."""
    global_links: dict[str, tuple[NavDivision, ...]] = {}
    if g is not None and not isinstance(g, dict):
        warn((*path, "global"), "nav-type", "`global` must be an object of link lists")
    if isinstance(g, dict):
        for key, kind, label_key in DIVISION_KEYS:
            entries = g.get(key)
            if entries is not None and not isinstance(entries, list):
                warn((*path, "global", key), "nav-type", f"`{key}` must be an array")
            if isinstance(entries, list):
                links = []
                for i, e in enumerate(entries):
                    if isinstance(e, dict) and isinstance(e.get("href"), str):
                        links.append(
                            NavDivision(
                                kind,
                                str(e.get(label_key) or e.get("label") or e["href"]),
                                (*path, "global", key, i),
                                **icon_fields(e, warn, (*path, "global", key, i)),
                                href=e["href"],
                                hidden=e.get("hidden") is True,
                            )
                        )
                    else:
                        warn((*path, "global", key, i), "nav-type", "a global link needs `href`")
                global_links[key] = tuple(links)
    return global_links


def _opt_str(v: Any) -> str | None:
    return v if isinstance(v, str) and v else None


def _openapi_source(v: Any) -> tuple[str | None, str]:
    if isinstance(v, str):
        return v, "api-reference"
    if isinstance(v, list):
        first = next((e for e in v if isinstance(e, str)), None)
        return first, "api-reference"
    if isinstance(v, dict) and isinstance(v.get("source"), str):
        return v["source"], str(v.get("directory") or "api-reference")
    return None, "api-reference"


def _more_specs(v: Any, path: PathKey, warn: Warn) -> list[str]:
    """The specs of an `openapi` array after its first (`_openapi_source`); `_check_types`
    reported what is no file name."""
    if not isinstance(v, list):
        return []
    return [e for e in v if isinstance(e, str)][1:]


LANGUAGE_CODES = frozenset(
    "ar ca cn cs da de en es fi fr fr-CA he hi hu id it ja ja-JP jp ko lv nl no pl pt pt-BR ro "
    "ru sv tr uk uz vi zh zh-CN zh-Hans zh-Hant zh-TW".split()
)
"""The `language` codes Mintlify supports (settings-reference.mdx)."""

GROUP_KEYS = frozenset(
    "group pages icon iconType tag root expanded hidden public boost searchable directory "
    "openapi asyncapi".split()
)
"""A navigation group's settings (navigation.md §3.1)."""

_TEXTS = ("href", "tag", "description", "root")
_FLAGS = ("hidden", "expanded", "default", "searchable")


def _check_types(raw: dict[str, Any], path: PathKey, warn: Warn) -> None:
    """A navigation object's settings of a wrong type (`root: 5`, `expanded: "yes"`,
    `openapi: 5`): each is a warning, and the setting is left out."""
    for key in _TEXTS:
        if raw.get(key) is not None and not isinstance(raw[key], str):
            warn((*path, key), "nav-type", f"`{key}` must be a string; it is left out")
    for key in _FLAGS:
        if raw.get(key) is not None and not isinstance(raw[key], bool):
            warn((*path, key), "nav-type", f"`{key}` must be true or false; it is left out")
    v = raw.get("openapi")
    if isinstance(v, list):
        for i, entry in enumerate(v):
            if not isinstance(entry, str):
                warn((*path, "openapi", i), "nav-type", "an `openapi` entry must be a file name")
    elif v is not None and not isinstance(v, str) and _openapi_source(v)[0] is None:
        warn((*path, "openapi"), "nav-type", "`openapi` must be a file, a list or {source}")


def _api_specs(
    spec: str | None, directory: str, asyncapi: Any, path: PathKey, more: Sequence[str] = ()
) -> list[NavApiSpec]:
    """The generated-page sources of a division or group without pages (`more`: the rest
    of an `openapi` list, each generating its own pages)."""
    out = [NavApiSpec(s, directory, path) for s in ([spec] if spec else []) + list(more)]
    async_spec, async_directory = _openapi_source(asyncapi)
    if async_spec:
        out.append(NavApiSpec(async_spec, async_directory, path, "asyncapi"))
    return out


def _division(
    raw: dict[str, Any],
    kind: DivisionKind,
    label: str,
    path: PathKey,
    inherited_openapi: str | None,
    warn: Warn,
    inherited_directory: str | None = None,
    inherited_listing: str = "none",
) -> NavDivision:
    listing = _listing(raw, path, warn, inherited_listing)
    _check_types(raw, path, warn)
    if kind == "language" and label.strip() and label.strip() not in LANGUAGE_CODES:
        near = closest(label.strip(), LANGUAGE_CODES, cutoff=0.5)
        why = f"language {label.strip()!r} is not a code Mintlify supports; its label is the code"
        warn(
            (*path, "language"), "nav-type", why + (f" (did you mean {near[0]!r}?)" if near else "")
        )
    spec, directory = _openapi_source(raw.get("openapi"))
    openapi = spec or inherited_openapi
    folder = directory if spec else inherited_directory
    children: list[NavNode] = []
    kinds = [k for k, _, _ in DIVISION_KEYS if isinstance(raw.get(k), list)]
    for key in ("groups", "pages"):
        if isinstance(raw.get(key), list):
            kinds.append(key)
    if len(kinds) > 1:
        warn(
            path,
            "nav-mixed",
            f"a navigation level holds one kind of children, found {', '.join(kinds)}",
        )
    for key, child_kind, label_key in DIVISION_KEYS:
        entries = raw.get(key)
        if entries is None:
            continue
        if not isinstance(entries, list):
            warn((*path, key), "nav-type", f"`{key}` must be an array")
            continue
        for i, e in enumerate(entries):
            if not isinstance(e, dict):
                warn((*path, key, i), "nav-type", f"expected an object with `{label_key}`")
                continue
            child_label = e.get(label_key)
            if not isinstance(child_label, str):
                warn((*path, key, i), "nav-type", f"missing `{label_key}` label")
                child_label = str(child_label or "")
            children.append(
                _division(
                    e, child_kind, child_label, (*path, key, i), openapi, warn, folder, listing
                )
            )
    for key in [k for k in raw if k in ("groups", "pages")]:  # in the file's order (nav-mixed)
        if isinstance(raw[key], list):
            for i, entry in enumerate(raw[key]):
                item = _item(entry, (*path, key, i), openapi, warn, folder, listing)
                if item is not None:
                    children.append(item)
    if not children and not raw.get("href"):
        more = _more_specs(raw.get("openapi"), path, warn)
        children += _api_specs(spec, directory, raw.get("asyncapi"), path, more)
        if not children and kind != "root":
            shown = f"{kind} {label.strip()!r}" if label.strip() else f"a {kind}"
            why = f"{shown} has no pages and no `href`: its link leads nowhere"
            warn(path, "nav-empty", why)
    elif spec and not raw.get("href"):
        children.append(NavApiSpec(spec, directory, path, beside_pages=True))
    searchable = raw.get("searchable")
    return NavDivision(
        kind,
        label.strip(),
        path,
        tuple(children),
        **icon_fields(raw, warn, path),
        href=_opt_str(raw.get("href")),
        hidden=raw.get("hidden") is True,
        searchable=searchable if isinstance(searchable, bool) else None,
        default=raw.get("default") is True,
        tag=_opt_str(raw.get("tag")),
        description=_opt_str(raw.get("description")),
        openapi=openapi,
        color=anchor_color(raw.get("color"), path, warn) if kind == "anchor" else None,
        chrome=read_chrome_override(raw, path, warn) if kind == "language" else None,
        global_links=tuple(_global_links(raw.get("global"), path, warn).items())
        if kind != "root"
        else (),
    )


def _item(
    raw: Any,
    path: PathKey,
    openapi: str | None,
    warn: Warn,
    directory: str | None = None,
    listing: str = "none",
) -> NavItem | None:
    if isinstance(raw, str):
        ref = raw.strip()
        if not ref:
            warn(path, "nav-empty", "empty page entry")
            return None
        return NavPage(ref, path, openapi, directory)
    if isinstance(raw, dict) and "group" in raw:
        listing = _listing(raw, path, warn, listing)
        _check_types(raw, path, warn)
        for key in raw:  # `pagez`: a typo of a group setting does nothing
            near = closest(str(key), GROUP_KEYS, cutoff=0.75) if key not in GROUP_KEYS else []
            if near:
                why = f"`{key}` is no group setting (did you mean `{near[0]}`?); it is left out"
                warn((*path, key), "nav-type", why)
        inherited = directory
        spec, directory = _openapi_source(raw.get("openapi"))
        inner_openapi = spec or openapi
        folder = directory if spec else inherited
        children: list[NavItem] = []
        pages = raw.get("pages")
        if pages is not None and not isinstance(pages, list):
            warn((*path, "pages"), "nav-type", "`pages` must be an array")
            pages = []
        for i, p in enumerate(pages or []):
            item = _item(p, (*path, "pages", i), inner_openapi, warn, folder, listing)
            if item is not None:
                children.append(item)
        if not children:
            more = _more_specs(raw.get("openapi"), path, warn)
            children += _api_specs(spec, directory, raw.get("asyncapi"), path, more)
            if not children and not _opt_str(raw.get("root")):
                name = raw.get("group")
                shown = f"group {name.strip()!r}" if isinstance(name, str) else "a group"
                warn(path, "nav-empty", f"{shown} has no pages; it is left out of the navigation")
        elif spec:
            children.append(NavApiSpec(spec, directory, path, beside_pages=True))
        boost = raw.get("boost")
        label = raw.get("group")
        if not isinstance(label, str):
            warn((*path, "group"), "nav-type", "group label must be a string")
            label = str(label)
        elif label != label.strip() and label.strip():  # " " alone: a group shown unlabelled
            warn(
                (*path, "group"),
                "nav-whitespace",
                f"group label {label!r} has leading or trailing spaces",
            )
        return NavGroup(
            label.strip(),
            path,
            tuple(children),
            **icon_fields(raw, warn, path),
            tag=_opt_str(raw.get("tag")),
            root=_opt_str(raw.get("root")),
            expanded=raw.get("expanded") is True,
            hidden=raw.get("hidden") is True,
            searchable=raw.get("searchable") if isinstance(raw.get("searchable"), bool) else None,
            boost=search_boost(boost, path, warn),
            listing=listing,
        )
    warn(path, "nav-type", f"expected a page path or a group object, found {type(raw).__name__}")
    return None


_QUALIFIERS = frozenset({"tab", "anchor", "dropdown", "product", "item"})


def version_key(divisions: Iterable[NavDivision]) -> str:
    """The version of a page's place, as its search index names it: the version's label,
    after the labels of the tabs, dropdowns or products above it (`EVM › next`, `IBC › next`:
    two versions of one name each have their own index); "" for a place in no version."""
    above: list[str] = []
    for d in divisions:
        if d.kind == "version":
            return " › ".join([*above, d.label])
        if d.kind in _QUALIFIERS:
            above.append(d.label)
    return ""
