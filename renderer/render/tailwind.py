"""Tailwind CSS v3 utilities for the class names a site uses, generated without Node.js.

Mintlify pages style raw HTML with Tailwind classes (``<img className="block dark:hidden">``).
``generate_css`` turns the names collected while rendering into a stylesheet holding only the
utilities that are used. ``generate_css(["hidden", "md:block", "dark:hidden"])`` gives::

    .hidden { display: none }
    .dark .dark\\:hidden { display: none }
    @media (min-width: 768px) {
      .md\\:block { display: block }
    }

Supported: the v3 core utilities a documentation page needs (layout, spacing, sizing,
typography, colours with opacity modifiers, borders, radius, shadows, rings, opacity, overflow,
position, object-fit, cursor, transitions, transforms, gradients), arbitrary values (``w-[13px]``,
``bg-[#0260fa]``) and properties (``[mask-type:luminance]``), the ``!`` important modifier,
and the variants ``dark:`` (``.dark`` on ``<html>``), pseudo-classes (``hover:``, ``focus:``,
``first:`` ...), ``group-*:``, ``peer-*:``, ``motion-*:``, ``print:`` and ``sm: md: lg: xl: 2xl:``,
stacked in any order. Rules follow Tailwind's cascade: base utilities in core-plugin order, then
variants by Tailwind's variant order (pseudo-classes, ``dark``, breakpoints ascending), so
``hidden md:block`` and ``block dark:hidden`` behave as on Mintlify. Unknown names are ignored.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from mintrender.render.tailwind_static import MARKERS
from mintrender.render.tailwind_theme import SCREENS
from mintrender.render.tailwind_utilities import Utility, resolve_utility

__all__ = ["collect_classes", "escape_class", "generate_css", "is_supported", "parse_class"]


@dataclass(frozen=True, slots=True)
class _Variant:
    order: int
    """Bit position: Tailwind sorts variant rules by the sum of their variants' bits."""
    kind: str
    """``pseudo`` (appended to the class), ``prefix`` (an ancestor/sibling selector), ``media``."""
    text: str


def _variants() -> dict[str, _Variant]:
    pseudo = {
        "first": ":first-child",
        "last": ":last-child",
        "only": ":only-child",
        "odd": ":nth-child(odd)",
        "even": ":nth-child(even)",
        "first-of-type": ":first-of-type",
        "last-of-type": ":last-of-type",
        "visited": ":visited",
        "target": ":target",
        "open": "[open]",
        "checked": ":checked",
        "placeholder-shown": ":placeholder-shown",
        "required": ":required",
        "invalid": ":invalid",
        "empty": ":empty",
        "focus-within": ":focus-within",
        "hover": ":hover",
        "focus": ":focus",
        "focus-visible": ":focus-visible",
        "active": ":active",
        "enabled": ":enabled",
        "disabled": ":disabled",
    }
    table: dict[str, _Variant] = {}
    for name, text in pseudo.items():
        table[name] = _Variant(len(table), "pseudo", text)
    for name, text in pseudo.items():
        table[f"group-{name}"] = _Variant(len(table), "prefix", f".group{text} ")
    for name, text in pseudo.items():
        table[f"peer-{name}"] = _Variant(len(table), "prefix", f".peer{text} ~ ")
    table["motion-safe"] = _Variant(len(table), "media", "(prefers-reduced-motion: no-preference)")
    table["motion-reduce"] = _Variant(len(table), "media", "(prefers-reduced-motion: reduce)")
    table["dark"] = _Variant(len(table), "prefix", ".dark ")
    table["print"] = _Variant(len(table), "media", "print")
    for name, width in SCREENS.items():
        table[name] = _Variant(len(table), "media", f"(min-width: {width})")
    return table


VARIANTS = _variants()


@dataclass(frozen=True, slots=True)
class ParsedClass:
    """A class name split into variants, the important flag and its utility."""

    name: str
    variants: tuple[str, ...]
    important: bool
    utility: Utility | None
    """None for markers (``group``, ``not-prose``), which produce no CSS."""


def _split_variants(name: str) -> list[str]:
    parts: list[str] = []
    depth = start = 0
    for i, ch in enumerate(name):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        elif ch == ":" and depth == 0:
            parts.append(name[start:i])
            start = i + 1
    parts.append(name[start:])
    return parts


@functools.lru_cache(maxsize=8192)
def parse_class(name: str) -> ParsedClass | None:
    """Parse one class name; None unless it is a supported Tailwind utility or marker."""
    if not name or len(name) > 200 or any(c.isspace() for c in name):
        return None
    *variants, body = _split_variants(name)
    if not body or any(v not in VARIANTS for v in variants) or len(set(variants)) != len(variants):
        return None
    important = body.startswith("!")
    body = body[1:] if important else body
    if body in MARKERS:
        return ParsedClass(name, tuple(variants), important, None)
    utility = resolve_utility(body)
    if utility is None:
        return None
    return ParsedClass(name, tuple(variants), important, utility)


def is_supported(name: str) -> bool:
    """True for class names this module understands (utilities and markers such as ``group``)."""
    return parse_class(name) is not None


def escape_class(name: str) -> str:
    """Escape a class name for a CSS selector: ``md:w-1/2`` -> ``md\\:w-1\\/2``."""
    if name == "-":
        return "\\-"
    out: list[str] = []
    for i, ch in enumerate(name):
        code = ord(ch)
        if code < 0x20 or code == 0x7F:
            out.append(f"\\{code:x} ")
        elif ch.isdigit() and (i == 0 or (i == 1 and name[0] == "-")):
            out.append(f"\\{code:x} ")
        elif ch.isalnum() or ch in "-_" or code >= 0x80:
            out.append(ch)
        else:
            out.append("\\" + ch)
    return "".join(out)


_CLASS_ATTR_RE = re.compile(
    r"""(?<![\w-])(?:class|className)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})"""
)


def collect_classes(html_text: str) -> set[str]:
    """Every class name in ``class="..."`` (and JSX ``className``) attributes of some markup."""
    found: set[str] = set()
    for match in _CLASS_ATTR_RE.finditer(html_text):
        value = next(g for g in match.groups() if g is not None)
        found.update(html.unescape(value).split())
    return found


_DEFAULTS = {
    "transform": "--tw-translate-x: 0; --tw-translate-y: 0; --tw-rotate: 0; --tw-skew-x: 0; "
    "--tw-skew-y: 0; --tw-scale-x: 1; --tw-scale-y: 1",
    "shadow": "--tw-ring-offset-shadow: 0 0 #0000; --tw-ring-shadow: 0 0 #0000; "
    "--tw-shadow: 0 0 #0000",
    # Tailwind's preflight makes every border solid and 0 wide, so `border-t` draws one side.
    "border": "border-width: 0; border-style: solid; border-color: #e5e7eb",
}


def _rule(parsed: ParsedClass, important: str) -> tuple[tuple[int, int, int, str], str, str]:
    """(sort key, media query, rule text) for one parsed utility class."""
    utility = parsed.utility
    assert utility is not None
    prefixes: list[str] = []
    pseudos: list[str] = []
    media: list[str] = []
    bits = 0
    for name in parsed.variants:
        variant = VARIANTS[name]
        bits |= 1 << variant.order
        if variant.kind == "pseudo":
            pseudos.append(variant.text)
        elif variant.kind == "prefix":
            prefixes.append(variant.text)
        else:
            media.append(variant.text)
    # `.dark` sits on <html>: it must be the outermost ancestor, whatever the variant order.
    prefixes.sort(key=lambda p: p != ".dark ")
    selector = "".join(prefixes) + "." + escape_class(parsed.name) + "".join(pseudos) + utility.tail
    if important:
        selector = f"{important} :is({selector})"
    bang = " !important" if parsed.important else ""
    body = "; ".join(f"{prop}: {value}{bang}" for prop, value in utility.decls)
    media.sort(key=lambda m: m != "print")
    key = (bits, utility.rank, utility.sub, parsed.name)
    return key, " and ".join(media), f"{selector} {{ {body} }}"


def generate_css(class_names: Iterable[str], *, important: str = "") -> str:
    """CSS for the Tailwind v3 utilities among ``class_names``; other names are ignored.

    The output is sorted (Tailwind's cascade order, then by name), so equal inputs give equal
    bytes. ``important`` is an optional selector that every rule is scoped under
    (``html :is(.dark .dark\\:hidden)``), like Tailwind's ``important: "#app"`` option: with
    ``"html"`` each utility gains one type selector of specificity, enough to beat theme rules
    such as ``.mr-prose img { display: block }`` when this stylesheet is loaded after the theme.
    """
    parsed: list[ParsedClass] = []
    for name in set(class_names):
        if isinstance(name, str):
            found = parse_class(name)
            if found is not None and found.utility is not None:
                parsed.append(found)
    needs: dict[str, set[str]] = {}
    for item in parsed:
        assert item.utility is not None
        if item.utility.needs:
            needs.setdefault(item.utility.needs, set()).add("." + escape_class(item.name))
    lines = [
        f"{', '.join(sorted(selectors))} {{ {_DEFAULTS[kind]} }}"
        for kind, selectors in sorted(needs.items())
    ]
    current_media = ""
    for _key, media, text in sorted(_rule(p, important) for p in parsed):
        if media != current_media:
            if current_media:
                lines.append("}")
            if media:
                lines.append(f"@media {media} {{")
            current_media = media
        lines.append(f"  {text}" if media else text)
    if current_media:
        lines.append("}")
    return "\n".join(lines) + ("\n" if lines else "")
