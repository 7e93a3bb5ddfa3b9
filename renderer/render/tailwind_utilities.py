"""Tailwind v3 utility names -> CSS declarations, before variants (see ``renderer.tailwind``).

Keyword utilities (``flex``, ``hidden``, ``truncate``) live in ``tailwind_static``; this module
resolves the functional ones: a prefix plus a theme key or an arbitrary ``[value]``
(``w-1/2``, ``-mt-2``, ``bg-black/5``, ``text-[13px]``, ``grid-cols-[1fr_2fr]``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping

from mintrender.render import tailwind_theme as t
from mintrender.render.tailwind_static import (
    RANK,
    SPACE_TAIL,
    STATIC,
    TRANSFORM_VALUE,
    Decls,
    Utility,
)
from mintrender.render.tailwind_values import arbitrary, color, is_length, scale, split_hint

__all__ = ["Utility", "resolve_utility"]

# -- functional utilities -------------------------------------------------------------------

Handler = Callable[[str, str, bool], "Utility | None"]
_HANDLERS: dict[str, Handler] = {}


def _simple(
    prefixes: Mapping[str, tuple[str, ...]],
    plugin: str,
    table: dict[str, str],
    *,
    negative: bool = False,
    subs: dict[str, int] | None = None,
    tail: str = "",
    needs: str = "",
) -> None:
    """Register ``prefix-<key>`` utilities that set ``props`` to one scale value."""

    def handle(prefix: str, value: str, neg: bool) -> Utility | None:
        if neg and not negative:
            return None
        raw = scale(table, value, neg)
        if raw is None:
            return None
        decls = tuple((p, raw) for p in prefixes[prefix])
        sub = (subs or {}).get(prefix, 0)
        return Utility(decls, RANK[plugin], sub, tail, needs)

    for prefix in prefixes:
        _HANDLERS[prefix] = handle


_SIDES = {"t": ("top",), "r": ("right",), "b": ("bottom",), "l": ("left",)}
_LOGICAL = {"s": ("inline-start",), "e": ("inline-end",)}


def _box(prefix: str, prop: str) -> dict[str, tuple[str, ...]]:
    """``m`` -> ``{"m": ("margin",), "mx": ("margin-left", "margin-right"), "mt": ...}``."""
    out = {prefix: (prop,), f"{prefix}x": (f"{prop}-left", f"{prop}-right")}
    out[f"{prefix}y"] = (f"{prop}-top", f"{prop}-bottom")
    for key, (side,) in {**_SIDES, **_LOGICAL}.items():
        out[f"{prefix}{key}"] = (f"{prop}-{side}",)
    return out


_AXIS_SUBS = {"mx": 1, "my": 1, "px": 1, "py": 1}
_AXIS_SUBS.update({f"{b}{s}": 2 for b in "mp" for s in "trblse"})
_simple(_box("m", "margin"), "margin", t.MARGIN, negative=True, subs=_AXIS_SUBS)
_simple(_box("p", "padding"), "padding", t.SPACING, subs=_AXIS_SUBS)

_INSET = {"inset": ("inset",), "inset-x": ("left", "right"), "inset-y": ("top", "bottom")}
_INSET.update({s: (s,) for s in ("top", "right", "bottom", "left")})
_INSET.update({"start": ("inset-inline-start",), "end": ("inset-inline-end",)})
_INSET_SUBS = {"inset-x": 1, "inset-y": 1, **{s: 2 for s in ("top", "right", "bottom", "left")}}
_INSET_SUBS.update({"start": 2, "end": 2})
_simple(_INSET, "inset", t.INSET, negative=True, subs=_INSET_SUBS)
_simple({"z": ("z-index",)}, "z-index", t.Z_INDEX, negative=True)
_ORDER = {str(n): str(n) for n in range(1, 13)} | {"first": "-9999", "last": "9999", "none": "0"}
_simple({"order": ("order",)}, "order", _ORDER, negative=True)
_simple({"w": ("width",)}, "width", t.WIDTH)
_simple({"h": ("height",)}, "height", t.HEIGHT)
_simple({"size": ("width", "height")}, "size", t.SIZE)
_simple({"min-w": ("min-width",)}, "min-width", t.MIN_WIDTH)
_simple({"min-h": ("min-height",)}, "min-height", t.MIN_HEIGHT)
_simple({"max-w": ("max-width",)}, "max-width", t.MAX_WIDTH)
_simple({"max-h": ("max-height",)}, "max-height", t.MAX_HEIGHT)
_simple({"basis": ("flex-basis",)}, "flex-basis", {**t.SIZE, "0": "0px"})
_simple({"flex": ("flex",)}, "flex", {})  # arbitrary only: flex-[2_2_0%]
_simple({"grow": ("flex-grow",)}, "flex-grow", {"0": "0"})
_simple({"shrink": ("flex-shrink",)}, "flex-shrink", {"0": "0"})
_GAP = {"gap": ("gap",), "gap-x": ("column-gap",), "gap-y": ("row-gap",)}
_simple(_GAP, "gap", t.SPACING, subs={"gap-x": 1, "gap-y": 1})
_simple({"space-x": ("margin-left",)}, "space", t.SPACING, negative=True, tail=SPACE_TAIL)
_simple({"space-y": ("margin-top",)}, "space", t.SPACING, negative=True, tail=SPACE_TAIL)
_simple({"aspect": ("aspect-ratio",)}, "aspect-ratio", t.ASPECT)
_simple({"leading": ("line-height",)}, "line-height", t.LINE_HEIGHT)
_simple({"tracking": ("letter-spacing",)}, "letter-spacing", t.LETTER_SPACING, negative=True)
_simple({"opacity": ("opacity",)}, "opacity", t.OPACITY)
_simple({"duration": ("transition-duration",)}, "transition-duration", t.DURATION)
_simple({"delay": ("transition-delay",)}, "transition-delay", t.DURATION)
_simple({"ease": ("transition-timing-function",)}, "transition-timing-function", t.EASE)
_simple({"indent": ("text-indent",)}, "text-indent", t.SPACING, negative=True)
_simple({"columns": ("columns",)}, "columns", {str(n): str(n) for n in range(1, 13)})
_ORIGIN = {"center": "center", "top": "top", "right": "right", "bottom": "bottom", "left": "left"}
_ORIGIN.update({"top-left": "top left", "top-right": "top right"})
_ORIGIN.update({"bottom-left": "bottom left", "bottom-right": "bottom right"})
_simple({"origin": ("transform-origin",)}, "transform-origin", _ORIGIN)
_OFFSET = {str(n): f"{n}px" for n in (0, 1, 2, 4, 8)}
_UNDERLINE = _OFFSET | {"auto": "auto"}
_simple({"underline-offset": ("text-underline-offset",)}, "text-underline-offset", _UNDERLINE)
_simple({"outline-offset": ("outline-offset",)}, "outline-offset", _OFFSET)
_simple({"outline": ("outline-width",)}, "outline-width", _OFFSET)
_simple({"stroke": ("stroke-width",)}, "stroke-width", t.STROKE_WIDTH)
_simple({"col-span": ("grid-column",)}, "grid-column", {**t.GRID_SPAN, "full": "1 / -1"})
_simple({"row-span": ("grid-row",)}, "grid-row", {**t.GRID_SPAN, "full": "1 / -1"})
_LINES = {str(n): str(n) for n in range(1, 14)} | {"auto": "auto"}
_simple(
    {"col-start": ("grid-column-start",), "col-end": ("grid-column-end",)}, "grid-column", _LINES
)
_simple({"row-start": ("grid-row-start",), "row-end": ("grid-row-end",)}, "grid-row", _LINES)
_simple({"col": ("grid-column",)}, "grid-column", {"auto": "auto"})
_simple({"row": ("grid-row",)}, "grid-row", {"auto": "auto"})
_TRACKS = {str(n): f"repeat({n}, minmax(0, 1fr))" for n in range(1, 13)}
_TRACKS.update({"none": "none", "subgrid": "subgrid"})
_simple({"grid-cols": ("grid-template-columns",)}, "grid-template-columns", _TRACKS)
_simple({"grid-rows": ("grid-template-rows",)}, "grid-template-rows", _TRACKS)

for _axis in "xy":
    _simple(
        {f"translate-{_axis}": (f"--tw-translate-{_axis}",)},
        "translate",
        t.TRANSLATE,
        negative=True,
        needs="transform",
    )
    _simple({f"scale-{_axis}": (f"--tw-scale-{_axis}",)}, "scale", t.SCALE, needs="transform")
    _simple(
        {f"skew-{_axis}": (f"--tw-skew-{_axis}",)}, "skew", t.SKEW, negative=True, needs="transform"
    )
_simple({"scale": ("--tw-scale-x", "--tw-scale-y")}, "scale", t.SCALE, needs="transform")
_simple({"rotate": ("--tw-rotate",)}, "rotate", t.ROTATE, negative=True, needs="transform")


def _with_transform(utility: Utility | None) -> Utility | None:
    if utility is None or utility.needs != "transform" or utility.decls[-1][0] == "transform":
        return utility
    return Utility(
        (*utility.decls, ("transform", TRANSFORM_VALUE)), utility.rank, utility.sub, "", "transform"
    )


def _handle_text(prefix: str, value: str, neg: bool) -> Utility | None:
    if neg:
        return None
    size, _, leading = value.partition("/") if not value.startswith("[") else (value, "", "")
    if size in t.FONT_SIZE:
        font_size, line_height = t.FONT_SIZE[size]
        if leading:
            line_height = scale(t.LINE_HEIGHT, leading) or ""
            if not line_height:
                return None
        return Utility((("font-size", font_size), ("line-height", line_height)), RANK["font-size"])
    raw = arbitrary(value)
    if raw is not None:
        hint, inner = split_hint(raw)
        if hint == "length" or (not hint and is_length(inner)):
            return Utility((("font-size", inner),), RANK["font-size"])
    found = color(value)
    return Utility((("color", found),), RANK["text-color"]) if found else None


def _handle_font(prefix: str, value: str, neg: bool) -> Utility | None:
    if value in t.FONT_WEIGHT:
        return Utility((("font-weight", t.FONT_WEIGHT[value]),), RANK["font-weight"])
    if value in t.FONT_FAMILY:
        return Utility((("font-family", t.FONT_FAMILY[value]),), RANK["font-family"])
    raw = arbitrary(value)
    if raw is not None and not neg:
        hint, inner = split_hint(raw)
        if hint == "number" or (not hint and inner.isdigit()):
            return Utility((("font-weight", inner),), RANK["font-weight"])
        return Utility((("font-family", inner),), RANK["font-family"])
    return None


_BG_IMAGES = ("url(https://", "url(http://", "url(data:", "linear-gradient(", "radial-gradient(")


def _handle_bg(prefix: str, value: str, neg: bool) -> Utility | None:
    raw = arbitrary(value)
    # Site-relative url()s are left out: the stylesheet cannot go through UrlBuilder.
    if raw is not None and raw.startswith(_BG_IMAGES):
        return Utility((("background-image", raw),), RANK["background-image"])
    found = None if neg else color(value)
    return Utility((("background-color", found),), RANK["background-color"]) if found else None


_BORDER_SIDES = {"": ("border",), "x": ("border-left", "border-right")}
_BORDER_SIDES["y"] = ("border-top", "border-bottom")
_BORDER_SIDES.update({k: (f"border-{v[0]}",) for k, v in {**_SIDES, **_LOGICAL}.items()})


def _handle_border(prefix: str, value: str, neg: bool) -> Utility | None:
    """``border``, ``border-2``, ``border-t``, ``border-x-4``, ``border-zinc-200/50``."""
    side, _, rest = value.partition("-") if value[:1] in "xytrblse" else ("", "", value)
    if side not in _BORDER_SIDES or (side and not rest and value != side):
        side, rest = "", value
    sub = {"": 0, "x": 1, "y": 1}.get(side, 2)
    props = _BORDER_SIDES[side]
    width = t.BORDER_WIDTH.get(rest)
    if width is None and rest.startswith("["):
        hint, inner = split_hint(arbitrary(rest) or "")
        width = inner if hint == "length" or (not hint and is_length(inner)) else None
    if neg:
        return None
    if width is not None:
        decls = tuple((f"{p}-width", width) for p in props)
        return Utility(decls, RANK["border-width"], sub, "", "border")
    found = color(rest)
    if found is None:
        return None
    return Utility(tuple((f"{p}-color", found) for p in props), RANK["border-color"], sub)


_RADIUS_CORNERS = {
    "": ("border-radius",),
    "t": ("border-top-left-radius", "border-top-right-radius"),
    "r": ("border-top-right-radius", "border-bottom-right-radius"),
    "b": ("border-bottom-right-radius", "border-bottom-left-radius"),
    "l": ("border-top-left-radius", "border-bottom-left-radius"),
    "s": ("border-start-start-radius", "border-end-start-radius"),
    "e": ("border-start-end-radius", "border-end-end-radius"),
    "tl": ("border-top-left-radius",),
    "tr": ("border-top-right-radius",),
    "br": ("border-bottom-right-radius",),
    "bl": ("border-bottom-left-radius",),
}


def _handle_rounded(prefix: str, value: str, neg: bool) -> Utility | None:
    corner, _, size = value.partition("-")
    if corner not in _RADIUS_CORNERS or corner == "":
        corner, size = "", value
    raw = None if neg else scale(t.BORDER_RADIUS, size)
    if raw is None:
        return None
    sub = 0 if corner == "" else (1 if len(corner) == 1 else 2)
    return Utility(tuple((p, raw) for p in _RADIUS_CORNERS[corner]), RANK["border-radius"], sub)


_SHADOW_STACK = (
    "var(--tw-ring-offset-shadow, 0 0 #0000), var(--tw-ring-shadow, 0 0 #0000), var(--tw-shadow)"
)


def _handle_shadow(prefix: str, value: str, neg: bool) -> Utility | None:
    raw = t.BOX_SHADOW.get(value)
    if raw is None and not neg:
        arb = arbitrary(value)
        raw = arb if arb is not None and not split_hint(arb)[0] else None
    if raw is None or neg:
        return None
    decls = (("--tw-shadow", raw), ("box-shadow", _SHADOW_STACK))
    return Utility(decls, RANK["box-shadow"], 0, "", "shadow")


def _handle_ring(prefix: str, value: str, neg: bool) -> Utility | None:
    if neg:
        return None
    if value == "inset":
        return Utility((("--tw-ring-inset", "inset"),), RANK["ring-width"])
    width = scale(t.RING_WIDTH, value)
    if width is not None and (value in t.RING_WIDTH or is_length(width)):
        shadow = f"var(--tw-ring-inset,) 0 0 0 {width} var(--tw-ring-color, rgb(59 130 246 / 0.5))"
        decls = (
            ("--tw-ring-shadow", shadow),
            (
                "box-shadow",
                _SHADOW_STACK.replace("var(--tw-shadow)", "var(--tw-shadow, 0 0 #0000)"),
            ),
        )
        return Utility(decls, RANK["ring-width"], 0, "", "shadow")
    found = color(value)
    return Utility((("--tw-ring-color", found),), RANK["ring-color"]) if found else None


_GRADIENT_SIDES = {"t": "top", "tr": "top right", "r": "right", "br": "bottom right"}
_GRADIENT_SIDES.update({"b": "bottom", "bl": "bottom left", "l": "left", "tl": "top left"})
for _key, _side in _GRADIENT_SIDES.items():
    STATIC[f"bg-gradient-to-{_key}"] = Utility(
        (("background-image", f"linear-gradient(to {_side}, var(--tw-gradient-stops))"),),
        RANK["background-image"],
    )


def _transparent(value: str) -> str:
    """The colour at zero opacity, the gradient's default end (``rgb(9 9 11 / 0)``)."""
    faded = color(value.partition("/")[0] + "/0") if not value.startswith("[") else None
    return faded if faded and faded.startswith("rgb(") else "transparent"


def _handle_gradient(prefix: str, value: str, neg: bool) -> Utility | None:
    """``from-*``, ``via-*``, ``to-*`` colour stops for ``bg-gradient-to-*``."""
    found = None if neg else color(value)
    if found is None:
        return None
    stops = "var(--tw-gradient-from), var(--tw-gradient-to)"
    if prefix == "from":
        decls: Decls = (("--tw-gradient-from", found), ("--tw-gradient-to", _transparent(value)))
        decls = (*decls, ("--tw-gradient-stops", stops))
    elif prefix == "via":
        decls = (("--tw-gradient-to", _transparent(value)),)
        decls = (
            *decls,
            ("--tw-gradient-stops", f"var(--tw-gradient-from), {found}, var(--tw-gradient-to)"),
        )
    else:
        decls = (("--tw-gradient-to", found),)
    return Utility(decls, RANK["gradient-color-stops"], ("from", "via", "to").index(prefix))


def _color_only(plugin: str, prop: str) -> Handler:
    def handle(prefix: str, value: str, neg: bool) -> Utility | None:
        found = None if neg else color(value)
        return Utility(((prop, found),), RANK[plugin]) if found else None

    return handle


def _handle_line_clamp(prefix: str, value: str, neg: bool) -> Utility | None:
    if value == "none":
        decls: Decls = (
            ("overflow", "visible"),
            ("display", "block"),
            ("-webkit-box-orient", "horizontal"),
        )
        return Utility((*decls, ("-webkit-line-clamp", "none")), RANK["line-clamp"])
    raw = None if neg else (value if value.isdigit() else arbitrary(value))
    if raw is None:
        return None
    decls = (("overflow", "hidden"), ("display", "-webkit-box"), ("-webkit-box-orient", "vertical"))
    return Utility((*decls, ("-webkit-line-clamp", raw)), RANK["line-clamp"])


_HANDLERS.update(
    {
        "text": _handle_text,
        "font": _handle_font,
        "bg": _handle_bg,
        "border": _handle_border,
        "rounded": _handle_rounded,
        "shadow": _handle_shadow,
        "ring": _handle_ring,
        "fill": _color_only("fill", "fill"),
        "decoration": _color_only("text-decoration-color", "text-decoration-color"),
        "line-clamp": _handle_line_clamp,
        "from": _handle_gradient,
        "via": _handle_gradient,
        "to": _handle_gradient,
    }
)
_STROKE_WIDTH = _HANDLERS["stroke"]
_OUTLINE_WIDTH = _HANDLERS["outline"]


def _stroke(prefix: str, value: str, neg: bool) -> Utility | None:
    return _STROKE_WIDTH(prefix, value, neg) or _color_only("stroke", "stroke")(prefix, value, neg)


def _outline(prefix: str, value: str, neg: bool) -> Utility | None:
    found = _OUTLINE_WIDTH(prefix, value, neg)
    return found or _color_only("outline-color", "outline-color")(prefix, value, neg)


_HANDLERS.update({"stroke": _stroke, "outline": _outline})

#: Keyword utilities named like a functional prefix: ``border`` is ``border-<default>``.
_BARE = frozenset({"border", "shadow", "rounded", "ring"})


def _arbitrary_property(name: str) -> Utility | None:
    """``[mask-type:luminance]`` -> ``mask-type: luminance``."""
    prop, sep, _ = name[1:-1].partition(":")
    if not sep or not re.fullmatch(r"-{0,2}[a-z][a-z0-9-]*", prop):
        return None
    value = arbitrary("[" + name[len(prop) + 2 :])
    return Utility(((prop, value),), RANK["arbitrary"]) if value else None


@functools.lru_cache(maxsize=8192)
def resolve_utility(name: str) -> Utility | None:
    """CSS for a utility name without variants or ``!`` (``-mt-2``, ``bg-black/5``); else None."""
    if name in STATIC:
        return STATIC[name]
    if name in _BARE:
        return _HANDLERS[name](name, "", False)
    if name.startswith("[") and name.endswith("]"):
        return _arbitrary_property(name)
    negative = name.startswith("-")
    body = name[1:] if negative else name
    bracket = body.find("-[")
    head = body[:bracket] if bracket >= 0 else body
    dashes = [i for i, c in enumerate(head) if c == "-"]
    if bracket >= 0:
        dashes.append(bracket)
    for cut in sorted(dashes, reverse=True):
        prefix, value = body[:cut], body[cut + 1 :]
        handler = _HANDLERS.get(prefix)
        if handler is not None and value:
            found = handler(prefix, value, negative)
            if found is not None:
                return _with_transform(found)
    return None
