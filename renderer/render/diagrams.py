"""Mermaid diagrams drawn at build time as inline SVG (the optional `mintrender[diagrams]` extra).

```python
drawn = draw_mermaid("flowchart LR\\n A --> B")   # Drawn(light_svg, dark_svg) or Failed(reason)
```

`mermaidx` runs the real mermaid.js (v11) in QuickJS: no Node, no browser. Each diagram is drawn
twice, with Mermaid's `default` and `dark` themes, so the page follows the site's light and dark
modes without JavaScript (and from `file://`). A drawing costs a second or two, so both variants
(and failures) are cached on disk, keyed by the diagram source, the theme and mermaidx's version.
"""

from __future__ import annotations

import functools
import hashlib
import html
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mintrender.cache import default_cache_root

THEMES = ("default", "dark")
"""Mermaid theme of the light and the dark variant."""

_ELK = re.compile(r"defaultRenderer['\"]?\s*:\s*['\"]elk|^\s*layout\s*:\s*elk\b", re.M)
_ID = re.compile(r'\bid="([^"]+)"')


@dataclass(frozen=True, slots=True)
class Drawn:
    """Both variants of a drawn diagram."""

    light: str
    """Inline `<svg>` in Mermaid's default theme."""
    dark: str
    """Inline `<svg>` in Mermaid's dark theme."""
    notes: tuple[str, ...] = ()
    """Things the author should know (ELK asked for, drawn with the default layout)."""


@dataclass(frozen=True, slots=True)
class Failed:
    """Why a diagram was not drawn; the page shows its source instead."""

    reason: str


def cache_dir() -> Path:
    """Where drawn diagrams are kept between builds (one place, so a `--cache-dir` option can
    point it elsewhere): `diagrams` in mintrender's cache folder (`default_cache_root`)."""
    return default_cache_root() / "diagrams"


@functools.lru_cache(maxsize=1)
def _mermaidx() -> Any:
    """The mermaidx module, or None when the `diagrams` extra is not installed."""
    try:
        import mermaidx  # an optional extra, imported on the first diagram only
    except ImportError:
        return None
    return mermaidx


def available() -> bool:
    """Is the `diagrams` extra installed?"""
    return _mermaidx() is not None


def draw_mermaid(source: str) -> Drawn | Failed:
    """Draw `source` in both themes (from the cache when it was drawn before)."""
    mx = _mermaidx()
    if mx is None:
        return Failed(
            "Mermaid diagrams are drawn when the `diagrams` extra is installed "
            "(pip install 'mintrender[diagrams]'); the source is shown"
        )
    key = hashlib.sha256(f"{mx.__version__}\0{source}".encode()).hexdigest()[:32]
    variants: list[str] = []
    for theme in THEMES:
        svg = _cached(mx, source, theme, key)
        if isinstance(svg, Failed):
            return svg
        variants.append(svg)
    notes: tuple[str, ...] = ()
    if _ELK.search(source):
        notes = (
            "ELK layout is not part of the bundled Mermaid; the diagram is drawn with "
            "Mermaid's default layout",
        )
    return Drawn(variants[0], variants[1], notes)


def _cached(mx: Any, source: str, theme: str, key: str) -> str | Failed:
    folder = cache_dir()
    svg_path, err_path = folder / f"{key}-{theme}.svg", folder / f"{key}-{theme}.err"
    try:
        if svg_path.is_file():
            return svg_path.read_text(encoding="utf-8")
        if err_path.is_file():
            return Failed(err_path.read_text(encoding="utf-8"))
    except OSError:
        pass
    result: str | Failed
    try:
        result = str(mx.render(source, theme=theme).svg())
    except Exception as exc:  # mermaid.js parse errors and engine faults alike
        result = Failed(_reason(exc))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = err_path if isinstance(result, Failed) else svg_path
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(result.reason if isinstance(result, Failed) else result, encoding="utf-8")
        tmp.replace(target)  # atomic: forked workers may draw the same diagram at once
    except OSError:
        pass  # a read-only cache only costs time
    return result


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    text = text.removeprefix("Mermaid rendering failed: ").removeprefix("Error: ")
    return f"Mermaid could not draw this diagram: {text[:300]}"


@functools.lru_cache(maxsize=64)
def _scope_ids(svg: str, prefix: str) -> str:
    """Give every id of the SVG (and every reference to it) a prefix unique to this diagram
    and variant: Mermaid names every drawing `my-svg`, and two copies share a page. Memoized
    (a pure function of its text arguments): translated pages repeat their diagrams."""
    ids = sorted(set(_ID.findall(svg)), key=len, reverse=True)
    if not ids:
        return svg
    pattern = re.compile(r'(id="|#)(' + "|".join(re.escape(i) for i in ids) + r")(?![\w-])")
    return pattern.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)


_PLACEMENT = re.compile(r"placement=[\"']?(top-left|top-right|bottom-left|bottom-right)")
_ACTIONS = re.compile(r"actions=\{?[\"']?(true|false)")


def mermaid_html(source: str, meta: str, drawn: Drawn | Failed, prefix: str) -> str:
    """A drawn diagram as a figure with its light and dark SVG (the controls' `placement` and
    `actions` in data attributes), or its source in a `<pre>` when it was not drawn. `prefix`,
    unique on the page, is put before every id of the SVGs."""
    attrs = ""
    placement = _PLACEMENT.search(meta)
    if placement:
        attrs += f' data-placement="{placement.group(1)}"'
    actions = _ACTIONS.search(meta)
    if actions:
        attrs += f' data-actions="{actions.group(1)}"'
    if isinstance(drawn, Failed):
        return f'<pre class="mermaid mr-mermaid"{attrs}>{html.escape(source)}</pre>'
    light, dark = _scope_ids(drawn.light, prefix + "l"), _scope_ids(drawn.dark, prefix + "d")
    return (
        f'<figure class="mr-mermaid mr-mermaid--drawn" data-component="mermaid"{attrs}>'
        '<div class="mr-mermaid__canvas">'
        f'<div class="mr-mermaid__svg mr-mermaid__svg--light">{light}</div>'
        f'<div class="mr-mermaid__svg mr-mermaid__svg--dark">{dark}</div>'
        "</div></figure>"
    )
