"""Legacy mint.json navigation in docs.json's shape (navigation.md §6): its groups, the tabs and
anchors that own folders of them, and its `versions`.

mint.json names a version on groups, tabs and anchors ("Tabs and anchors without a specified
version are shown in every version"); docs.json nests each version's divisions under
`navigation.versions`, so each version gets the tabs, anchors and groups of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from mintrender.fileio import is_file, read_bytes
from mintrender.load.contain import resolve_inside
from mintrender.load.encoding import decode_source
from mintrender.load.jsonpos import PathKey
from mintrender.load.shapes import Warn
from mintrender.load.sources import PAGE_EXTENSIONS, page_files_of
from mintrender.load.yaml12 import FRONTMATTER, js_number, load_yaml
from mintrender.urls import is_external

PageVersion = Callable[[str], "str | None"]
"""A navigation entry's page -> the `version` its frontmatter names (None: none)."""


def _prefix_match(page: str, url: str) -> bool:
    url = url.strip("/")
    return bool(url) and (page == url or page.startswith(url + "/"))


def _first_page(group: dict[str, Any]) -> str:
    for p in group.get("pages") or []:
        if isinstance(p, str):
            return p
        if isinstance(p, dict):
            found = _first_page(p)
            if found:
                return found
    return ""


def _anchor_entry(anchor: dict[str, Any]) -> dict[str, Any]:
    entry = {"anchor": anchor.get("name", anchor["url"])}
    if anchor.get("icon"):
        entry["icon"] = anchor["icon"]
    return entry


def _generated(division: dict[str, Any], url: str) -> Any:
    """A mint.json tab's or anchor's `openapi` (Mintlify generates a page per operation in
    it) as docs.json writes it, the pages in the division's folder; None without one."""
    spec = division.get("openapi")
    if not isinstance(spec, (str, list)) or not spec:
        return None
    folder = url.strip("/")
    return {"source": spec, "directory": folder} if isinstance(spec, str) and folder else spec


def _href(url: str) -> str:
    return url if is_external(url) else "/" + url.strip("/")


def _version_of(entry: dict[str, Any]) -> str | None:
    """The `version` a group, tab or anchor names (None: every version)."""
    version = entry.get("version")
    return version if isinstance(version, str) and version else None


def page_versions(docs_dir: Path) -> PageVersion:
    """The `version` in the frontmatter of the page a navigation entry names ("Versions on
    individual pages always take precedence"), each page read once, and only when asked: a
    mint.json without `versions` reads none. Nothing outside `docs_dir` is read."""

    @cache
    def version(ref: str) -> str | None:
        for rel in page_files_of(ref):
            page = rel.endswith(PAGE_EXTENSIONS)
            path = resolve_inside(docs_dir, docs_dir / rel) if page else None
            if path is None or not is_file(path):
                continue
            try:
                m = FRONTMATTER.match(decode_source(read_bytes(path)).text)
                found = load_yaml(m.group(1)) if m and "version" in m.group(1) else None
            except (OSError, yaml.YAMLError):  # the page's own diagnostics say it
                return None
            value = found.get("version") if isinstance(found, dict) else None
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                value = js_number(value)  # `version: 2`, a number in YAML
            return (value.strip() or None) if isinstance(value, str) else None
        return None

    return version


def _in_version(
    items: list[Any], name: str, outer: str | None, page_version: PageVersion | None
) -> list[Any]:
    """The entries of `items` (groups, or a group's `pages`) listed in version `name`. The
    most deeply nested version wins: a page's frontmatter over its groups', a nested group's
    over its parent's; a group left with no page is left out."""
    out: list[Any] = []
    for item in items:
        if isinstance(item, dict):
            own = _version_of(item) or outer
            pages = item.get("pages")
            if isinstance(pages, list) and pages:
                kept = _in_version(pages, name, own, page_version)
                if kept:
                    out.append({**item, "pages": kept})
            elif own in (None, name):
                out.append(item)
        elif isinstance(item, str):
            own = (page_version(item) if page_version else None) or outer
            if own in (None, name):
                out.append(item)
        elif outer in (None, name):
            out.append(item)  # no page: the navigation's reader says so, once
    return out


def _unknown_versions(
    data: dict[str, Any], names: list[str], page_version: PageVersion | None, warn: Warn
) -> None:
    """Report each group, tab, anchor and page whose `version` is not in `versions`: it is in
    no version, so it shows nowhere (it vanished without a word)."""
    listed = ", ".join(repr(n) for n in names)

    def say(path: PathKey, what: str, version: str) -> None:
        why = f"{what} version {version!r}, which `versions` does not list ({listed})"
        warn(path, "nav-version", why + "; it shows in no version")

    for key, what in (("tabs", "tab"), ("anchors", "anchor")):
        for i, entry in enumerate(data.get(key) or []):
            version = _version_of(entry) if isinstance(entry, dict) else None
            if version is not None and version not in names:
                say((key, i, "version"), f"this {what} is of", version)

    def walk(items: list[Any], path: PathKey) -> None:
        for i, item in enumerate(items):
            if isinstance(item, dict):
                version = _version_of(item)
                if version is not None and version not in names:
                    say((*path, i, "version"), "this group is of", version)
                if isinstance(item.get("pages"), list):
                    walk(item["pages"], (*path, i, "pages"))
            elif isinstance(item, str) and page_version is not None:
                version = page_version(item)
                if version is not None and version not in names:
                    say((*path, i), f"page {item!r} names in its frontmatter", version)

    walk(data.get("navigation") or [], ("navigation",))


def _locale(version: object) -> str:
    """A mint.json version's `locale` (`{"name": "Français", "locale": "fr"}`), else ""."""
    locale = version.get("locale") if isinstance(version, dict) else None
    return locale.strip() if isinstance(locale, str) else ""


def _split_tabs(
    data: dict[str, Any],
    tabs: list[dict[str, Any]],
    groups: list[dict[str, Any]],
    scope: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The tabs over `groups`: a tab owns the groups whose first page is in its folder.
    Tabs are one bar for the whole site (or version, `scope`): a tab that owns none of
    `groups` leads to its first page anywhere in `scope` (an anchor's pages show the
    bar too), else to its URL."""
    if not tabs:
        return {"groups": groups}
    owned: dict[int, list[dict[str, Any]]] = {i: [] for i in range(len(tabs))}
    rest = []
    for g in groups:
        first = _first_page(g)
        for i, t in enumerate(tabs):
            if _prefix_match(first, str(t.get("url", ""))):
                owned[i].append(g)
                break
        else:
            rest.append(g)
    primary: Any = data.get("primaryTab")
    named = primary.get("name") if isinstance(primary, dict) else None
    first = str(named or "Documentation")  # `primaryTab: {name}` names it
    nav_tabs: list[dict[str, Any]] = [{"tab": first, "groups": rest}] if rest else []
    for i, t in enumerate(tabs):
        url = str(t.get("url", ""))
        entry: dict[str, Any] = {"tab": t.get("name", url)}
        external = is_external(url)  # mailto: and tel: too
        if not external and not owned[i] and nav_tabs and entry["tab"] == first:
            continue  # the primary tab again, over a folder of no page (Abstract's "docs")
        spec = _generated(t, url) if not external else None
        if spec is not None:  # a page per operation, in the tab (its own groups first)
            entry.update({"openapi": spec, "groups": owned[i]})
        elif external or not owned[i]:
            elsewhere = (_first_page(g) for g in scope or groups if not external)
            page = next((p for p in elsewhere if _prefix_match(p, url)), "")
            entry["href"] = "/" + page if page else _href(url)
        else:
            entry["groups"] = owned[i]
        nav_tabs.append(entry)
    return {"tabs": nav_tabs}


def _split(
    data: dict[str, Any],
    tabs: list[dict[str, Any]],
    owning: list[dict[str, Any]],
    groups: list[dict[str, Any]],
) -> dict[str, Any]:
    """An anchor whose `url` is a folder (`owning`) owns the groups whose pages are in it, as a
    tab does; `topAnchor` (else "Documentation") holds the others."""
    if not owning:
        return _split_tabs(data, tabs, groups)
    owned: dict[int, list[dict[str, Any]]] = {i: [] for i in range(len(owning))}
    rest: list[dict[str, Any]] = []
    for g in groups:
        first = _first_page(g)
        at = next((i for i, a in enumerate(owning) if _prefix_match(first, a["url"])), None)
        (owned[at] if at is not None else rest).append(g)
    top: dict[str, Any] = data.get("topAnchor") or {}
    top = top if isinstance(top, dict) else {}
    entries = []
    if rest:
        head = {"anchor": str(top.get("name") or "Documentation")}
        head["icon"] = top.get("icon") or "book-open"
        entries.append({**head, **_split_tabs(data, tabs, rest, groups)})
    for i, a in enumerate(owning):
        spec = _generated(a, str(a["url"]))
        if spec is not None:  # its operations' pages, after the groups it owns
            entries.append(_anchor_entry(a) | {"openapi": spec, "groups": owned[i]})
        elif owned[i]:
            entries.append(_anchor_entry(a) | _split_tabs(data, tabs, owned[i], groups))
    return {"anchors": entries}


def _links(anchors: list[dict[str, Any]], groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Anchors that own no groups, as `global` links: to a folder's first page among `groups`
    (a tab owns the folder: `/api-reference` is no page), else to the URL as written."""
    out = []
    for a in anchors:
        url = str(a["url"])
        first = (_first_page(g) for g in groups if _prefix_match(_first_page(g), url))
        page = "" if is_external(url) else next(first, "")
        out.append({**_anchor_entry(a), "href": "/" + page if page else _href(url)})
    return out


def legacy_navigation(
    data: dict[str, Any], page_version: PageVersion | None = None, warn: Warn | None = None
) -> dict[str, Any]:
    """mint.json's `navigation`, `tabs`, `anchors` and `versions` as docs.json's
    `navigation` object; `page_version` reads a page's own `version`, `warn(path, code,
    message)` hears of a version `versions` does not list."""
    groups = [g for g in data.get("navigation") or [] if isinstance(g, dict)]
    tabs = [t for t in data.get("tabs") or [] if isinstance(t, dict)]
    versions = [v for v in data.get("versions") or [] if isinstance(v, (str, dict))]
    anchors = [a for a in data.get("anchors") or [] if isinstance(a, dict) and a.get("url")]
    folders = [a for a in anchors if not is_external(str(a["url"]))]
    tab_urls = [str(t.get("url", "")) for t in tabs]
    owning = [  # a tab of the same folder owns it: the anchor is a link to it (Novu)
        a
        for a in folders
        if (
            any(_prefix_match(_first_page(g), str(a["url"])) for g in groups)
            or _generated(a, str(a["url"])) is not None
        )
        and not any(_prefix_match(str(a["url"]).strip("/"), url) for url in tab_urls)
    ]
    links = [a for a in anchors if a not in owning]
    if not versions:
        navigation = _split(data, tabs, owning, groups)
        everywhere = links
    else:
        names = [v if isinstance(v, str) else str(v.get("name", "")) for v in versions]
        if warn is not None:
            _unknown_versions(data, names, page_version, warn)
        # versions that each name a `locale` are mint.json's localization: docs.json languages
        kind = "language" if all(_locale(v) for v in versions) else "version"
        entries = []
        for version, name in zip(versions, names, strict=True):

            def shown(entry: dict[str, Any], name: str = name) -> bool:
                return _version_of(entry) in (None, name)

            vgroups = _in_version(groups, name, None, page_version)
            vtabs = [t for t in tabs if shown(t)]
            entry = {
                kind: _locale(version) if kind == "language" else name,
                **_split(data, vtabs, [a for a in owning if shown(a)], vgroups),
            }
            if isinstance(version, dict) and version.get("default") is True:
                entry["default"] = True  # shared pages open in it (else in the first)
            own = _links([a for a in links if _version_of(a) == name], vgroups)
            if own:  # a version's own anchors show on its pages only
                entry["global"] = {"anchors": own}
            entries.append(entry)
        navigation = {kind + "s": entries}
        everywhere = [a for a in links if _version_of(a) is None]
    if everywhere:
        navigation["global"] = {"anchors": _links(everywhere, groups)}
    return navigation
