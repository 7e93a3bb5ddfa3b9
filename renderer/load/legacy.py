"""Legacy mint.json: convert into the docs.json shape (navigation.md §6)."""

from __future__ import annotations

from typing import Any

from mintrender.load.legacynav import PageVersion, legacy_navigation, page_versions
from mintrender.load.shapes import Warn

__all__ = ["convert_mint_json", "legacy_types", "page_versions"]


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


def _topbar_link(link: dict[str, Any]) -> dict[str, Any]:
    """A `topbarLinks` entry as a `navbar.links` one; its `type` kept (`{"type": "github",
    "url"}` is drawn with the service's icon and name, not its URL)."""
    out = {"href": link.get("url", "")}
    if link.get("name"):
        out["label"] = link["name"]
    if isinstance(link.get("type"), str):
        out["type"] = link["type"]
    return out


_DISPLAYS = {"show": "interactive", "simple": "simple", "hide": "none"}
"""mint.json's `api.playground.mode` -> docs.json's `api.playground.display`."""


def _obj(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _api(api: dict[str, Any], converted: dict[str, Any]) -> dict[str, Any]:
    """mint.json's `api` settings under their docs.json names (openapi.md §6), over
    `converted` (the `api` so far: `openapi` from the top level)."""
    out = {**api, **converted}

    def part(key: str) -> dict[str, Any]:
        out[key] = found = dict(_obj(out.get(key)))
        return found

    if api.get("baseUrl"):
        part("mdx")["server"] = api["baseUrl"]
    if isinstance(api.get("auth"), dict):
        part("mdx")["auth"] = api["auth"]
    playground = _obj(api.get("playground"))
    if playground.get("mode") or api.get("hidePlayground") is True:
        mode = "hide" if api.get("hidePlayground") is True else playground["mode"]
        part("playground")["display"] = _DISPLAYS.get(mode, mode)
    if playground.get("disableProxy") is True:
        part("playground")["proxy"] = False
    example = _obj(_obj(api.get("request")).get("example"))
    if isinstance(example.get("languages"), list):
        part("examples")["languages"] = example["languages"]
    if example.get("showOptionalParams") is False:
        part("examples")["defaults"] = "required"
    fields = _obj(api.get("paramFields"))
    if isinstance(fields.get("expanded"), str):  # `topLevel`, `none`…: docs.json's closed
        part("params")["expanded"] = "all" if fields["expanded"] == "all" else "closed"
    return out


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


def convert_mint_json(
    data: dict[str, Any], page_version: PageVersion | None = None, warn: Warn | None = None
) -> dict[str, Any]:
    """Return a docs.json-shaped dict for a mint.json dict; unknown keys are kept as they are.
    `page_version`: a page's `version` frontmatter (`page_versions`), which places it;
    `warn(path, code, message)`: what Mintlify's schema refuses, at its mint.json path."""
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
    if data.get("backgroundImage"):  # said to be unsupported under its mint.json name
        out.setdefault("background", {})["image"] = data["backgroundImage"]
    if data.get("font"):
        out["fonts"] = data["font"]
    out["navigation"] = legacy_navigation(data, page_version, warn)
    navbar: dict[str, Any] = {}
    links = [_topbar_link(link) for link in data.get("topbarLinks") or [] if isinstance(link, dict)]
    if links:
        navbar["links"] = links
    cta = data.get("topbarCtaButton")
    if isinstance(cta, dict) and not cta.get("url") and warn is not None:
        why = "`url` is missing (Mintlify's schema refuses the file); no button is shown"
        warn(("topbarCtaButton",), "config-missing", why)
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
    if isinstance(data.get("api"), dict):
        out["api"] = _api(data["api"], out.get("api") or {})
    seo = data.get("seo")
    if isinstance(seo, dict) and "indexHiddenPages" in seo:  # docs.json's `seo.indexing`
        out["seo"] = {k: v for k, v in seo.items() if k != "indexHiddenPages"}
        if seo["indexHiddenPages"] is True:
            out["seo"].setdefault("indexing", "all")
    if isinstance(data.get("analytics"), dict):
        out["integrations"] = data["analytics"]
    return out
