"""Tailwind v3 keyword utilities (``flex``, ``hidden``, ``truncate``) and the plugin order."""

from __future__ import annotations

from dataclasses import dataclass

from mintrender.render import tailwind_theme as t

Decls = tuple[tuple[str, str], ...]

#: Tailwind's core plugin order (``corePlugins``): utilities of an earlier plugin come first in
#: the stylesheet, so a later plugin wins on conflicts (``p-4 px-2``: padding then padding-x).
PLUGIN_ORDER = (
    "sr-only pointer-events visibility position inset isolation z-index order grid-column "
    "grid-row float clear margin box-sizing line-clamp display aspect-ratio size height "
    "max-height min-height width min-width max-width flex flex-shrink flex-grow flex-basis "
    "table-layout border-collapse transform-origin translate rotate skew scale transform "
    "animation cursor user-select resize list-style-position list-style-type appearance "
    "columns grid-auto-flow grid-template-columns grid-template-rows flex-direction flex-wrap "
    "place-content place-items align-content align-items justify-content justify-items gap "
    "space place-self align-self justify-self overflow text-overflow whitespace text-wrap "
    "word-break border-radius border-width border-style border-color background-color "
    "background-image gradient-color-stops background-size background-position "
    "background-repeat fill stroke "
    "stroke-width object-fit object-position padding text-align text-indent vertical-align "
    "font-family font-size font-weight text-transform font-style line-height letter-spacing "
    "text-color text-decoration text-decoration-color text-decoration-style "
    "text-underline-offset font-smoothing opacity box-shadow outline-style outline-width "
    "outline-offset outline-color ring-width ring-color filter transition-property "
    "transition-delay transition-duration transition-timing-function will-change arbitrary"
).split()
RANK = {name: i for i, name in enumerate(PLUGIN_ORDER)}

#: Selector tail of utilities that style children (``space-x-*``).
SPACE_TAIL = " > :not([hidden]) ~ :not([hidden])"

TRANSFORM_VALUE = (
    "translate(var(--tw-translate-x), var(--tw-translate-y)) rotate(var(--tw-rotate)) "
    "skewX(var(--tw-skew-x)) skewY(var(--tw-skew-y)) scaleX(var(--tw-scale-x)) "
    "scaleY(var(--tw-scale-y))"
)

#: Class names that only mark an element for other selectors (``group-hover:``) or for the
#: theme (``not-prose``); they are Tailwind names but produce no CSS of their own.
MARKERS = frozenset({"group", "peer", "not-prose", "codeblock-dark"})


@dataclass(frozen=True, slots=True)
class Utility:
    """CSS for one utility class, before variants."""

    decls: Decls
    """``(property, value)`` pairs, in output order."""
    rank: int
    """Position of the plugin in ``PLUGIN_ORDER``."""
    sub: int = 0
    """Order inside the plugin: shorthand (``p``) 0, axes (``px``) 1, sides (``pt``) 2."""
    tail: str = ""
    """Selector text after the class (``SPACE_TAIL``)."""
    needs: str = ""
    """Defaults the element needs: ``"transform"``, ``"shadow"`` or ``"border"``."""


STATIC: dict[str, Utility] = {}


def _add(plugin: str, rules: dict[str, dict[str, str]], needs: str = "") -> None:
    for name, decls in rules.items():
        STATIC[name] = Utility(tuple(decls.items()), RANK[plugin], 0, "", needs)


def _one(plugin: str, prop: str, names: dict[str, str]) -> None:
    _add(plugin, {name: {prop: value} for name, value in names.items()})


_SR_ONLY = {"position": "absolute", "width": "1px", "height": "1px", "padding": "0"}
_SR_ONLY.update({"margin": "-1px", "overflow": "hidden", "clip": "rect(0, 0, 0, 0)"})
_SR_ONLY.update({"white-space": "nowrap", "border-width": "0"})
_NOT_SR = {"position": "static", "width": "auto", "height": "auto", "padding": "0", "margin": "0"}
_NOT_SR.update({"overflow": "visible", "clip": "auto", "white-space": "normal"})
_add("sr-only", {"sr-only": _SR_ONLY, "not-sr-only": _NOT_SR})
# Mintlify's own hairline border (its cards and buttons, and sites' components): the theme's
# control outline, which follows light and dark
_STANDARD = {"border-width": "1px", "border-style": "solid"}
_STANDARD["border-color"] = "var(--mr-border-strong, rgb(17 24 39 / 0.12))"
_add("border-width", {"border-standard": _STANDARD})
_one("pointer-events", "pointer-events", {"pointer-events-none": "none"})
_one("pointer-events", "pointer-events", {"pointer-events-auto": "auto"})
_one("visibility", "visibility", {"visible": "visible", "invisible": "hidden"})
_one("visibility", "visibility", {"collapse": "collapse"})
_one("position", "position", {p: p for p in ("static", "fixed", "absolute", "relative", "sticky")})
_one("isolation", "isolation", {"isolate": "isolate", "isolation-auto": "auto"})
_one("float", "float", {f"float-{v}": v for v in ("left", "right", "none", "start", "end")})
_one("clear", "clear", {f"clear-{v}": v for v in ("left", "right", "both", "none")})
_one("box-sizing", "box-sizing", {"box-border": "border-box", "box-content": "content-box"})
_DISPLAYS = (
    "block inline-block inline flex inline-flex table inline-table table-caption table-cell "
    "table-column table-column-group table-footer-group table-header-group table-row-group "
    "table-row flow-root grid inline-grid contents list-item"
).split()
_one("display", "display", {**{d: d for d in _DISPLAYS}, "hidden": "none"})
_FLEX = {"flex-1": "1 1 0%", "flex-auto": "1 1 auto", "flex-initial": "0 1 auto"}
_one("flex", "flex", {**_FLEX, "flex-none": "none"})
_one("flex-shrink", "flex-shrink", {"shrink": "1", "shrink-0": "0"})
_one("flex-shrink", "flex-shrink", {"flex-shrink": "1", "flex-shrink-0": "0"})
_one("flex-grow", "flex-grow", {"grow": "1", "grow-0": "0", "flex-grow": "1", "flex-grow-0": "0"})
_one("table-layout", "table-layout", {"table-auto": "auto", "table-fixed": "fixed"})
_one("border-collapse", "border-collapse", {"border-collapse": "collapse"})
_one("border-collapse", "border-collapse", {"border-separate": "separate"})
_one("user-select", "user-select", {f"select-{v}": v for v in ("none", "text", "all", "auto")})
_one("resize", "resize", {"resize-none": "none", "resize-y": "vertical", "resize": "both"})
_one("resize", "resize", {"resize-x": "horizontal"})
_one("list-style-position", "list-style-position", {"list-inside": "inside"})
_one("list-style-position", "list-style-position", {"list-outside": "outside"})
_one("list-style-type", "list-style-type", {f"list-{v}": v for v in ("none", "disc", "decimal")})
_one("appearance", "appearance", {"appearance-none": "none", "appearance-auto": "auto"})
_one("grid-auto-flow", "grid-auto-flow", {"grid-flow-row": "row", "grid-flow-col": "column"})
_one("grid-auto-flow", "grid-auto-flow", {"grid-flow-dense": "dense"})
_one("flex-direction", "flex-direction", {"flex-row": "row", "flex-col": "column"})
_one("flex-direction", "flex-direction", {"flex-row-reverse": "row-reverse"})
_one("flex-direction", "flex-direction", {"flex-col-reverse": "column-reverse"})
_one("flex-wrap", "flex-wrap", {"flex-wrap": "wrap", "flex-wrap-reverse": "wrap-reverse"})
_one("flex-wrap", "flex-wrap", {"flex-nowrap": "nowrap"})
_ALIGN = {"start": "flex-start", "end": "flex-end", "center": "center"}
_SPREAD = {"between": "space-between", "around": "space-around", "evenly": "space-evenly"}
_PLACE = {"start": "start", "end": "end", "center": "center", "stretch": "stretch"}
_one("align-items", "align-items", {f"items-{k}": v for k, v in _ALIGN.items()})
_one("align-items", "align-items", {"items-baseline": "baseline", "items-stretch": "stretch"})
_JUSTIFY = {**_ALIGN, **_SPREAD, "normal": "normal", "stretch": "stretch"}
_one("justify-content", "justify-content", {f"justify-{k}": v for k, v in _JUSTIFY.items()})
_CONTENT = {**_ALIGN, **_SPREAD, "normal": "normal", "baseline": "baseline", "stretch": "stretch"}
_one("align-content", "align-content", {f"content-{k}": v for k, v in _CONTENT.items()})
_one("justify-items", "justify-items", {f"justify-items-{k}": v for k, v in _PLACE.items()})
_one("place-items", "place-items", {f"place-items-{k}": v for k, v in _PLACE.items()})
_one("place-content", "place-content", {f"place-content-{k}": v for k, v in _PLACE.items()})
_SELF = {"auto": "auto", **_ALIGN, "stretch": "stretch", "baseline": "baseline"}
_one("align-self", "align-self", {f"self-{k}": v for k, v in _SELF.items()})
_one("justify-self", "justify-self", {f"justify-self-{k}": v for k, v in _PLACE.items()})
_one("place-self", "place-self", {f"place-self-{k}": v for k, v in _PLACE.items()})
_OVERFLOW = ("auto", "hidden", "clip", "visible", "scroll")
_one("overflow", "overflow", {f"overflow-{v}": v for v in _OVERFLOW})
for _axis in "xy":
    for _v in _OVERFLOW:
        STATIC[f"overflow-{_axis}-{_v}"] = Utility(
            ((f"overflow-{_axis}", _v),), RANK["overflow"], 1
        )
_TRUNCATE = {"overflow": "hidden", "text-overflow": "ellipsis", "white-space": "nowrap"}
_add("text-overflow", {"truncate": _TRUNCATE})
_one("text-overflow", "text-overflow", {"text-ellipsis": "ellipsis", "text-clip": "clip"})
_WHITESPACE = ("normal", "nowrap", "pre", "pre-line", "pre-wrap", "break-spaces")
_one("whitespace", "white-space", {f"whitespace-{v}": v for v in _WHITESPACE})
_one("text-wrap", "text-wrap", {f"text-{v}": v for v in ("wrap", "nowrap", "balance", "pretty")})
_BREAK_NORMAL = {"overflow-wrap": "normal", "word-break": "normal"}
_add("word-break", {"break-normal": _BREAK_NORMAL, "break-words": {"overflow-wrap": "break-word"}})
_add("word-break", {"break-all": {"word-break": "break-all"}})
_add("word-break", {"break-keep": {"word-break": "keep-all"}})
_BORDER_STYLES = ("solid", "dashed", "dotted", "double", "hidden", "none")
_one("border-style", "border-style", {f"border-{v}": v for v in _BORDER_STYLES})
_OBJECT_FIT = ("contain", "cover", "fill", "none", "scale-down")
_one("object-fit", "object-fit", {f"object-{v}": v for v in _OBJECT_FIT})
_POS = {p: p for p in ("bottom", "center", "left", "right", "top")}
_POS.update({"left-bottom": "left bottom", "left-top": "left top"})
_POS.update({"right-bottom": "right bottom", "right-top": "right top"})
_one("object-position", "object-position", {f"object-{k}": v for k, v in _POS.items()})
_one("background-position", "background-position", {f"bg-{k}": v for k, v in _POS.items()})
_one("background-size", "background-size", {f"bg-{v}": v for v in ("auto", "cover", "contain")})
_one("background-repeat", "background-repeat", {"bg-repeat": "repeat"})
_one("background-repeat", "background-repeat", {"bg-no-repeat": "no-repeat"})
_TEXT_ALIGN = ("left", "center", "right", "justify", "start", "end")
_one("text-align", "text-align", {f"text-{v}": v for v in _TEXT_ALIGN})
_VALIGN = ("baseline", "top", "middle", "bottom", "text-top", "text-bottom", "sub", "super")
_one("vertical-align", "vertical-align", {f"align-{v}": v for v in _VALIGN})
_CASE = {"uppercase": "uppercase", "lowercase": "lowercase", "capitalize": "capitalize"}
_one("text-transform", "text-transform", {**_CASE, "normal-case": "none"})
_one("font-style", "font-style", {"italic": "italic", "not-italic": "normal"})
_LINE = {"underline": "underline", "overline": "overline", "line-through": "line-through"}
_one("text-decoration", "text-decoration-line", {**_LINE, "no-underline": "none"})
_DECO_STYLE = ("solid", "double", "dotted", "dashed", "wavy")
_one("text-decoration-style", "text-decoration-style", {f"decoration-{v}": v for v in _DECO_STYLE})
_SMOOTH = {"-webkit-font-smoothing": "antialiased", "-moz-osx-font-smoothing": "grayscale"}
_SUBPIXEL = {"-webkit-font-smoothing": "auto", "-moz-osx-font-smoothing": "auto"}
_add("font-smoothing", {"antialiased": _SMOOTH, "subpixel-antialiased": _SUBPIXEL})
_one("outline-style", "outline-style", {"outline": "solid", "outline-dashed": "dashed"})
_one("outline-style", "outline-style", {"outline-dotted": "dotted", "outline-double": "double"})
_OUTLINE_NONE = {"outline": "2px solid transparent", "outline-offset": "2px"}
_add("outline-style", {"outline-none": _OUTLINE_NONE})
_one("will-change", "will-change", {"will-change-auto": "auto"})
_one("will-change", "will-change", {"will-change-transform": "transform"})
_CURSORS = (
    "auto default pointer wait text move help not-allowed none context-menu progress cell "
    "crosshair vertical-text alias copy no-drop grab grabbing all-scroll col-resize row-resize "
    "zoom-in zoom-out"
).split()
_one("cursor", "cursor", {f"cursor-{v}": v for v in _CURSORS})
_TIMING = {"transition-timing-function": t.EASE["in-out"], "transition-duration": "150ms"}
for _key, _props in t.TRANSITION_PROPERTY.items():
    _add("transition-property", {"transition" + (f"-{_key}" if _key else ""): {
        "transition-property": _props, **_TIMING}})  # fmt: skip
_one("transition-property", "transition-property", {"transition-none": "none"})
_add("transform", {"transform": {"transform": TRANSFORM_VALUE}}, "transform")
_add("transform", {"transform-cpu": {"transform": TRANSFORM_VALUE}}, "transform")
_GPU = TRANSFORM_VALUE.replace("translate(", "translate3d(").replace(
    "var(--tw-translate-y))", "var(--tw-translate-y), 0)"
)
_add("transform", {"transform-gpu": {"transform": _GPU}}, "transform")
_one("transform", "transform", {"transform-none": "none"})
