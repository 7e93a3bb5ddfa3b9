"""Tailwind v3 value parsing: arbitrary ``[...]`` values, theme scales and colours."""

from __future__ import annotations

import re

from mintrender.render import tailwind_theme as t

__all__ = ["arbitrary", "color", "split_hint", "is_color", "is_length", "scale"]

_LENGTH_RE = re.compile(
    r"-?(?:\d+\.?\d*|\.\d+)(?:px|rem|em|%|vh|vw|svh|lvh|dvh|svw|lvw|dvw|vmin|vmax|ch|ex|lh|"
    r"pt|pc|cm|mm|in|fr|deg|ms|s)?"
)
_NUMBER_RE = re.compile(r"-?(?:\d+\.?\d*|\.\d+)")
_UNSAFE_RE = re.compile(r"[;{}<>\n\"'`\x00]|/\*|\\(?!_)")
_HINT_RE = re.compile(r"(length|color|percentage|number|url|image|position|size|family|any):")
_COLOR_FUNCS = ("#", "rgb(", "rgba(", "hsl(", "hsla(", "hwb(", "lab(", "lch(", "oklab(", "oklch(")
_MATH_FUNCS = ("calc(", "min(", "max(", "clamp(")


def arbitrary(value: str) -> str | None:
    """``[13px]`` -> ``13px``, ``[1fr_2fr]`` -> ``1fr 2fr``; None unless a safe ``[...]``."""
    if len(value) < 3 or value[0] != "[" or value[-1] != "]":
        return None
    inner = value[1:-1]
    if _UNSAFE_RE.search(inner) or inner.count("(") != inner.count(")"):
        return None
    if inner.count("[") != inner.count("]") or not inner.strip():
        return None
    value = re.sub(r"(?<!\\)_", " ", inner).replace("\\_", "_")
    return _space_math(value) if "(" in value else value


_VAR_RE = re.compile(r"var\(--[\w-]+")
_OPERATOR_RE = re.compile(r"(\d*\.?\d(?:%|[a-z]+)?|\))([+\-*/])")


def _space_math(value: str) -> str:
    """``calc(100%-1rem)`` -> ``calc(100% - 1rem)``: CSS needs spaces around ``+`` and ``-``."""
    if not any(f in value for f in _MATH_FUNCS):
        return value
    names: list[str] = []

    def hide(match: re.Match[str]) -> str:
        names.append(match.group(0))
        return f"\x00{len(names) - 1}\x00"

    spaced = _OPERATOR_RE.sub(r"\1 \2 ", _VAR_RE.sub(hide, value))
    return re.sub("\x00(\\d+)\x00", lambda m: names[int(m.group(1))], spaced)


def split_hint(raw: str) -> tuple[str, str]:
    """``length:var(--x)`` -> ``("length", "var(--x)")``; no hint -> ``("", raw)``."""
    match = _HINT_RE.match(raw)
    return (match.group(1), raw[match.end() :]) if match else ("", raw)


def is_length(value: str) -> bool:
    return bool(_LENGTH_RE.fullmatch(value)) or value.startswith(_MATH_FUNCS)


def is_color(value: str) -> bool:
    return value.startswith(_COLOR_FUNCS) or (value.isalpha() and value not in ("auto", "none"))


def _alpha(modifier: str) -> str | None:
    if modifier in t.OPACITY:
        return t.OPACITY[modifier]
    if modifier.isdigit() and int(modifier) <= 100:
        return f"{int(modifier) / 100:g}"
    raw = arbitrary(modifier)
    if raw is not None and (
        _NUMBER_RE.fullmatch(raw) or raw.endswith("%") or raw.startswith("var(")
    ):
        return raw
    return None


def _split_modifier(value: str) -> tuple[str, str]:
    """``zinc-950/20`` -> ``("zinc-950", "20")``; ``[#fff]/[.3]`` -> ``("[#fff]", "[.3]")``."""
    if value.startswith("["):
        end = value.find("]")
        if end > 0 and value[end + 1 : end + 2] == "/":
            return value[: end + 1], value[end + 2 :]
        return value, ""
    base, _, modifier = value.partition("/")
    return base, modifier


def color(value: str) -> str | None:
    """``zinc-950/20`` -> ``rgb(9 9 11 / 0.2)``; ``[#0260fa]`` -> ``#0260fa``; None if unknown."""
    base, modifier = _split_modifier(value)
    raw = t.PALETTE.get(base) or t.SPECIAL_COLORS.get(base)
    if raw is None:
        arb = arbitrary(base)
        if arb is None:
            return None
        hint, raw = split_hint(arb)
        if hint not in ("", "color", "any") or not (is_color(raw) or raw.startswith("var(")):
            return None
    if not modifier:
        return raw
    alpha = _alpha(modifier)
    if alpha is None:
        return None
    if raw.startswith("#") and len(raw) in (4, 7):
        h = raw[1:] if len(raw) == 7 else "".join(c * 2 for c in raw[1:])
        try:
            r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
        except ValueError:
            return None
        return f"rgb({r} {g} {b} / {alpha})"
    if raw in ("transparent", "inherit"):
        return raw
    if _NUMBER_RE.fullmatch(alpha):
        pct = f"{float(alpha) * 100:g}%"
    else:
        pct = alpha if alpha.endswith("%") else f"calc({alpha} * 100%)"
    return f"color-mix(in srgb, {raw} {pct}, transparent)"


def scale(table: dict[str, str], value: str, negative: bool = False) -> str | None:
    """Theme-scale lookup or arbitrary value, negated for ``-m-2`` style names."""
    raw = table.get(value)
    if raw is None:
        arb = arbitrary(value)
        if arb is None:
            return None
        hint, raw = split_hint(arb)
        if hint not in ("", "length", "percentage", "any", "number"):
            return None
    if not negative:
        return raw
    if raw in ("0", "0px"):
        return "0px"
    if _LENGTH_RE.fullmatch(raw) and not raw.startswith("-"):
        return f"-{raw}"
    if raw.startswith(_MATH_FUNCS) or raw.startswith("var("):
        return f"calc({raw} * -1)"
    return None
