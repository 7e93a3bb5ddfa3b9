"""Theme bundles: the core and part files of a theme's static folder, concatenated and minified."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import rcssmin
import rjsmin

_PART_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


PARTS_FILE = "parts.json"
"""Manifest of a theme's static folder: which part each file belongs to, when a page needs a
part, which parts load lazily. See `themes/mint/static/parts.json`."""


def theme_manifest(theme_static: Path) -> dict[str, dict[str, Any]]:
    """`parts` of the theme's `parts.json` (part name -> {when, files, lazy}); {} without one.
    Read once per version of the file (every bundle of the theme asks for it)."""
    path = theme_static / PARTS_FILE
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return {}
    return {k: dict(v) for k, v in _read_manifest(path, stamp).items()}


@functools.lru_cache(maxsize=8)
def _read_manifest(path: Path, stamp: int) -> dict[str, dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    parts = data.get("parts") if isinstance(data, dict) else None
    return {str(k): dict(v) for k, v in (parts or {}).items() if isinstance(v, dict)}


def _assigned(theme_static: Path) -> dict[str, str]:
    """File name -> part, for the files a manifest lists by name."""
    return {
        str(name): part
        for part, spec in theme_manifest(theme_static).items()
        for name in spec.get("files", ())
    }


def part_of(filename: str, assigned: dict[str, str] | None = None) -> str | None:
    """The bundle a theme file belongs to: `30-card.card.css` -> "card"; None for core files.

    `NN-name.css` files make the core bundle (`mintrender.css`, linked from every page);
    `NN-name.PART.css` files (and files the manifest lists under a part) make `PART.css`,
    which the write stage links only from the pages that need it, or loads lazily.
    """
    if assigned and filename in assigned:
        return assigned[filename]
    pieces = filename.split(".")
    if len(pieces) < 3 or not _PART_NAME.match(pieces[-2]):
        return None
    return pieces[-2]


def theme_parts(theme_static: Path) -> list[str]:
    """Part names of a theme in cascade order: the name of their first CSS file (or first JS
    file, for parts without CSS) decides."""
    assigned = _assigned(theme_static)
    first: dict[str, tuple[int, str]] = {}
    for rank, kind in enumerate(("css", "js")):
        for path in sorted((theme_static / kind).glob(f"*.{kind}")):
            part = part_of(path.name, assigned)
            if part is not None and part not in first:
                first[part] = (rank, path.name)
    return sorted(first, key=lambda name: (first[name][1], first[name][0], name))


def bundle_theme(
    theme_static: Path, kind: str, *, minify: bool = True, part: str | None = None
) -> str:
    """Concatenate `css/*.css` or `js/*.js` of a theme in name order (minified by default).

    `part`: None = every file; "main" = the core files (no part); any other name = the files
    of that part (`*.api.css` for "api"). Minified with `rcssmin` / `rjsmin`.
    """
    folder = theme_static / kind
    assigned = _assigned(theme_static)
    parts = []
    for path in sorted(folder.glob(f"*.{kind}")):
        file_part = part_of(path.name, assigned)
        if part == "main" and file_part is not None:
            continue
        if part not in (None, "main") and file_part != part:
            continue
        text = path.read_text(encoding="utf-8")
        if minify:
            text = minify_css(text) if kind == "css" else minify_js(text)
        parts.append(f"/* {path.name} */\n{text}")
    if not parts:
        return ""
    return "\n".join(parts) + ("\n" if minify else "")


def minify_css(text: str) -> str:
    """CSS without comments and needless whitespace (`rcssmin`); strings, `url()` values,
    selectors and `calc(a + b)` keep their meaning. `/*! ... */` comments (licences) stay."""
    return str(rcssmin.cssmin(text, keep_bang_comments=True))


def minify_js(text: str) -> str:
    """JavaScript without comments and needless whitespace (`rjsmin`): strings, template
    literals and regular expression literals are kept as written, and the line breaks that
    automatic semicolon insertion depends on stay. `/*! ... */` comments (licences) stay."""
    out = str(rjsmin.jsmin(text, keep_bang_comments=True)).strip("\n")
    return out + "\n" if out else ""
