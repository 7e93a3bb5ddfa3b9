"""What docs.json's keys must be: the top level's types, and readers that tolerate the rest."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TypedDict

from mintrender.load.jsonpos import PathKey
from mintrender.model import MAX_BOOST

Warn = Callable[[PathKey, str, str], None]
"""Where a loader reports a problem: `warn(json_path, code, message)`."""

TOP_TYPES: dict[str, tuple[type, ...]] = {
    "name": (str,),
    "description": (str,),
    "theme": (str,),
    "colors": (dict,),
    "logo": (str, dict),
    "favicon": (str, dict),
    "appearance": (dict,),
    "fonts": (dict,),
    "icons": (dict,),
    "background": (dict,),
    "styling": (dict,),
    "navbar": (dict,),
    "footer": (dict,),
    "banner": (dict,),
    "redirects": (list,),
    "errors": (dict,),
    "variables": (dict,),
    "metadata": (dict,),
    "seo": (dict,),
    "search": (dict,),
    "api": (dict,),
    "navigation": (dict, list),
    "contextual": (dict,),
    "integrations": (dict,),
}
TYPE_NAMES = {str: "a string", dict: "an object", list: "an array", bool: "a boolean"}


def check_types(
    data: dict[str, Any], warn: Warn, prefix: PathKey = (), keys: Iterable[str] | None = None
) -> None:
    """A `config-type` warning for each of `keys` (default: every top-level key) of `data` (found
    at `prefix`) whose value is not of the type docs.json's top level wants."""
    for key in TOP_TYPES if keys is None else keys:
        types = TOP_TYPES[key]
        if key in data and not isinstance(data[key], types):
            expected = " or ".join(TYPE_NAMES.get(t, t.__name__) for t in types)
            warn(
                (*prefix, key),
                "config-type",
                f"expected {expected}, found {type(data[key]).__name__}",
            )


def as_str(v: Any) -> str | None:
    return v if isinstance(v, str) and v.strip() else None


def as_dict(v: Any) -> dict[str, Any]:
    return v if isinstance(v, dict) else {}


def kind_of(value: Any) -> str:
    return type(value).__name__


ICON_LIBRARIES = ("fontawesome", "lucide", "tabler")


class IconFields(TypedDict):
    icon: str | None
    icon_type: str | None


def icon_fields(raw: dict[str, Any], warn: Warn, path: PathKey) -> IconFields:
    """`icon` and `icon_type` of a docs.json entry. Its `icon` is a name, a path or a URL, or an
    object `{name, style?, library?}` (Mintlify's schema): `style` is the icon type, and a
    `library` is kept as a `library:` prefix of the name, which `RenderContext.icon` reads."""
    icon, style = raw.get("icon"), raw.get("iconType")
    if isinstance(icon, dict):
        name, library = icon.get("name"), icon.get("library")
        style = icon.get("style", style)
        if not isinstance(name, str) or not name.strip():
            warn((*path, "icon"), "config-type", "an icon object needs `name`, the icon's name")
            return {"icon": None, "icon_type": None}
        icon = name.strip()
        if isinstance(library, str) and library.strip().lower() in ICON_LIBRARIES:
            icon = f"{library.strip().lower()}:{icon}"
        elif library is not None:
            warn(
                (*path, "icon", "library"),
                "config-type",
                f"icon library {library!r} is not one of {', '.join(ICON_LIBRARIES)}",
            )
    elif icon is not None and not isinstance(icon, str):
        warn(
            (*path, "icon"), "config-type", f"expected a string or an object, found {kind_of(icon)}"
        )
        icon = None
    return {
        "icon": icon if isinstance(icon, str) and icon.strip() else None,
        "icon_type": style if isinstance(style, str) and style else None,
    }


_CSS_COLOR = re.compile(
    r"#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}|(?:rgba?|hsla?)\([0-9.,%\s/deg]+\)", re.ASCII
)


def anchor_color(value: Any, path: PathKey, warn: Warn) -> tuple[str, str] | None:
    """An anchor's `color: {light, dark}` (or one colour for both) as (light, dark); a value
    that is no CSS colour is a warning and dropped."""
    if value is None:
        return None
    if isinstance(value, str):
        value = {"light": value}
    if not isinstance(value, dict):
        warn((*path, "color"), "nav-type", "`color` must be an object with `light` and `dark`")
        return None
    found: dict[str, str] = {}
    for mode in ("light", "dark"):
        v = value.get(mode)
        if v is None:
            continue
        if isinstance(v, str) and _CSS_COLOR.fullmatch(v.strip()):
            found[mode] = v.strip()
        else:
            warn((*path, "color", mode), "nav-type", f"`color.{mode}` {v!r} is no CSS colour")
    if not found:
        return None
    light = found.get("light") or found["dark"]
    return light, found.get("dark") or light


def search_boost(value: Any, path: PathKey, warn: Warn) -> float | None:
    """A group's search `boost`: a number from 0 to 1,000 (past that, the most: `1e308` and
    `NaN` overflowed the index), warned about when it is none."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    if not 0 <= value <= MAX_BOOST:
        warn((*path, "boost"), "nav-type", f"boost {value!r} is outside 0 to 1000; it is capped")
        return min(max(float(value), 0.0), MAX_BOOST) if value == value else None
    return float(value)
