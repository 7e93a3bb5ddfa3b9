"""Frontmatter (YAML between `---` lines) and docs.json `{{variables}}`, before MDX parsing.

---                         -> {"title": "Quickstart"}; the frontmatter lines become blank
title: Quickstart              lines so that token maps stay real lines of the file
---
Version {{version}}         -> Version 2.1 (docs.json `variables`)
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from mintrender.errors import Diagnostics
from mintrender.load.yaml12 import load_yaml

_FRONTMATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*$", re.S | re.M
)
_VARIABLE = re.compile(r"\{\{\s*([A-Za-z0-9_-]+)\s*\}\}")


def split_frontmatter(
    source: str, rel_path: str, diagnostics: Diagnostics
) -> tuple[dict[str, Any], str, int]:
    """(frontmatter, source with the frontmatter lines blanked, first body line)."""
    m = _FRONTMATTER.match(source)
    if not m:
        return {}, source, 0
    n_lines = source[: m.end()].count("\n") + 1
    data = _load_block(m.group(1), rel_path, diagnostics)
    blank = "\n" * (n_lines - 1)
    return data, blank + source[m.end() :], n_lines


def read_frontmatter(text: str) -> dict[str, Any]:
    """The frontmatter at the top of `text`, read as `split_frontmatter` reads it (broken YAML
    too), without reporting problems ({} when there is none)."""
    m = _FRONTMATTER.match(text)
    return _load_block(m.group(1), "", None) if m else {}


def _load_block(block: str, rel_path: str, diagnostics: Diagnostics | None) -> dict[str, Any]:
    """The YAML between the `---` lines as a mapping with stripped keys."""
    data: Any = {}
    try:
        data = load_yaml(block) or {}
    except yaml.YAMLError as exc:
        if diagnostics is not None:
            mark = getattr(exc, "problem_mark", None)
            line = (mark.line + 2) if mark else 1
            col = (mark.column + 1) if mark else 1
            problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
            diagnostics.error(
                rel_path, line, col, "frontmatter-yaml", f"invalid YAML frontmatter: {problem}"
            )
        data = _loose_frontmatter(block)
    if not isinstance(data, dict):
        if diagnostics is not None:
            diagnostics.error(
                rel_path,
                2,
                1,
                "frontmatter-type",
                "frontmatter must be a mapping of keys to values",
            )
        data = {}
    return {str(k).strip(): v for k, v in data.items()}


def _loose_frontmatter(block: str) -> dict[str, Any]:
    """Best effort `key: value` reading when the YAML is invalid, so the page keeps its title."""
    out: dict[str, Any] = {}
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t", "-")):
            out[key.strip()] = value.strip().strip("'\"")
    return out


def substitute_variables(source: str, variables: dict[str, str]) -> str:
    """docs.json `variables`: `{{name}}` replaced before MDX parsing."""
    if not variables or "{{" not in source:
        return source
    return _VARIABLE.sub(lambda m: variables.get(m.group(1), m.group(0)), source)
