"""Legacy mint.json: convert into the docs.json shape (navigation.md §6)."""

from __future__ import annotations

from typing import Any

from mintrender.urls import is_external


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


def _footer(footer: object) -> dict[str, Any]:
    """mint.json's `footer: {socials, links: [{title, links: [{label, url}]}]}` in docs.json's
    shape (`links: [{header, items: [{label, href}]}]`); docs.json's own keys kept."""
    if not isinstance(footer, dict):
        return {}
    out = dict(footer)
    columns = []
    for column in out.get("links") or []:
        if not isinstance(column, dict):
            continue
        items = column.get("items", column.get("links")) or []
        columns.append(
            {
                "header": column.get("header", column.get("title", "")),
                "items": [
                    {"label": i.get("label", ""), "href": i.get("href", i.get("url", ""))}
                    for i in items
                    if isinstance(i, dict)
                ],
            }
        )
    if columns:
        out["links"] = columns
    return out


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


_TYPES: dict[str, tuple[type, ...]] = {
    "navigation": (list,),
    "tabs": (list,),
    "anchors": (list,),
    "versions": (list,),
    "topbarLinks": (list,),
    "colors": (dict,),
    "topbarCtaButton": (dict,),
    "footerSocials": (dict, list),
    "footer": (dict,),
    "modeToggle": (dict,),
    "analytics": (dict,),
    "api": (dict,),
    "codeBlock": (dict,),
    "primaryTab": (dict,),
    "topAnchor": (dict,),
    "openapi": (str, list),
    "backgroundImage": (str,),
    "font": (dict,),
}
"""mint.json's settings and the JSON types they take (a value of another type is left out)."""


_TYPE_NAMES = {"list": "an array", "dict": "an object", "str": "text"}


def legacy_types(data: dict[str, Any], warn: Any) -> dict[str, Any]:
    """`data` without the mint.json settings of a wrong type, each reported through
    `warn(path, code, message)` (`navigation: 5` crashed the conversion)."""
    out = dict(data)
    for key, types in _TYPES.items():
        if key in out and out[key] is not None and not isinstance(out[key], types):
            names = " or ".join(_TYPE_NAMES[t.__name__] for t in types)
            warn((key,), "config-type", f"should be {names}; it is left out")
            del out[key]
    nav = out.get("navigation")
    if isinstance(nav, list):  # mint.json's groups: `5` or `null` among them is no group
        for i, entry in enumerate(nav):
            if not isinstance(entry, dict):
                warn(("navigation", i), "nav-type", "expected a group object; it is left out")
        out["navigation"] = [entry for entry in nav if isinstance(entry, dict)]
    api = out.get("api")
    if isinstance(api, dict) and "playground" in api and not isinstance(api["playground"], dict):
        warn(("api", "playground"), "config-type", "should be an object; it is left out")
        out["api"] = {k: v for k, v in api.items() if k != "playground"}
    return out


def convert_mint_json(data: dict[str, Any]) -> dict[str, Any]:
    """Return a docs.json-shaped dict for a mint.json dict; unknown keys are kept as they are."""
    out: dict[str, Any] = {
        k: v
        for k, v in data.items()
        if k
        not in {
            "navigation",
            "tabs",
            "anchors",
            "topbarLinks",
            "topbarCtaButton",
            "versions",
            "footerSocials",
            "modeToggle",
            "backgroundImage",
            "font",
            "codeBlock",
            "openapi",
            "analytics",
            "colors",
            "primaryTab",
            "topAnchor",
        }
    }
    colors = dict(data.get("colors") or {})
    background = colors.pop("background", None)
    colors.pop("anchors", None)
    out["colors"] = colors
    if isinstance(background, dict):
        out["background"] = {"color": background}
    groups = [g for g in data.get("navigation") or [] if isinstance(g, dict)]
    tabs = [t for t in data.get("tabs") or [] if isinstance(t, dict)]
    versions = [v for v in data.get("versions") or [] if isinstance(v, (str, dict))]

    def split_tabs(
        groups: list[dict[str, Any]], scope: list[dict[str, Any]] | None = None
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

    raw_anchors = [a for a in data.get("anchors") or [] if isinstance(a, dict) and a.get("url")]
    folders = [a for a in raw_anchors if not is_external(str(a["url"]))]
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

    def split(groups: list[dict[str, Any]]) -> dict[str, Any]:
        """An anchor whose `url` is a folder owns the groups whose pages are in it, as a tab
        does; `topAnchor` (else "Documentation") holds the others."""
        if not owning:
            return split_tabs(groups)
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
            entries.append({**head, **split_tabs(rest, groups)})
        for i, a in enumerate(owning):
            spec = _generated(a, str(a["url"]))
            if spec is not None:  # its operations' pages, after the groups it owns
                entries.append(_anchor_entry(a) | {"openapi": spec, "groups": owned[i]})
            elif owned[i]:
                entries.append(_anchor_entry(a) | split_tabs(owned[i], groups))
        return {"anchors": entries}

    if versions:
        names = [v if isinstance(v, str) else v.get("name", "") for v in versions]
        nav_versions = []
        for name in names:
            vgroups = [g for g in groups if g.get("version") in (None, name)]
            nav_versions.append({"version": name, **split(vgroups)})
        navigation: dict[str, Any] = {"versions": nav_versions}
    else:
        navigation = split(groups)

    def anchor_href(url: str) -> str:
        """A folder's first page (a tab owns the folder: `/api-reference` is no page), else
        the URL as written."""
        first = (_first_page(g) for g in groups if _prefix_match(_first_page(g), url))
        page = "" if is_external(url) else next(first, "")
        return "/" + page if page else _href(url)

    anchors = [
        {**_anchor_entry(a), "href": anchor_href(str(a["url"]))}
        for a in raw_anchors
        if a not in owning
    ]
    if anchors:
        navigation["global"] = {"anchors": anchors}
    out["navigation"] = navigation
    navbar: dict[str, Any] = {}
    links = [
        {"label": link.get("name", ""), "href": link.get("url", "")}
        for link in data.get("topbarLinks") or []
        if isinstance(link, dict)
    ]
    if links:
        navbar["links"] = links
    cta = data.get("topbarCtaButton")
    if isinstance(cta, dict) and cta.get("url"):
        if cta.get("type") == "github":
            navbar["primary"] = {"type": "github", "href": cta["url"]}
        else:
            navbar["primary"] = {
                "type": "button",
                "label": cta.get("name", "Open"),
                "href": cta["url"],
            }
    if navbar:
        out["navbar"] = navbar
    footer = _footer(data.get("footer"))
    if isinstance(data.get("footerSocials"), dict):
        footer["socials"] = {**data["footerSocials"], **footer.get("socials", {})}
    if footer:
        out["footer"] = footer
    mode = (
        (data.get("codeBlock") or {}).get("mode")
        if isinstance(data.get("codeBlock"), dict)
        else None
    )
    if mode in ("dark", "auto"):  # `codeBlock.mode` -> `styling.codeblocks`
        out.setdefault("styling", {})["codeblocks"] = "dark" if mode == "dark" else "system"
    toggle = data.get("modeToggle")
    if isinstance(toggle, dict):
        out["appearance"] = {
            "default": toggle.get("default", "system"),
            "strict": bool(toggle.get("isHidden")),
        }
    if data.get("openapi"):
        out.setdefault("api", {})["openapi"] = data["openapi"]
    api = data.get("api")
    if isinstance(api, dict):
        new_api = dict(out.get("api") or {})
        if api.get("baseUrl"):
            new_api.setdefault("mdx", {})["server"] = api["baseUrl"]
        if isinstance(api.get("auth"), dict):
            new_api.setdefault("mdx", {})["auth"] = api["auth"]
        mode = (api.get("playground") or {}).get("mode")
        if mode:
            new_api["playground"] = {
                "display": {"show": "interactive", "simple": "simple", "hide": "none"}.get(
                    mode, mode
                )
            }
        out["api"] = new_api
    if isinstance(data.get("analytics"), dict):
        out["integrations"] = data["analytics"]
    return out
