"""Frontmatter (YAML between `---` lines) and docs.json `{{variables}}`, before MDX parsing.

---                         -> {"title": "Quickstart"}; the frontmatter lines become blank
title: Quickstart              lines so that token maps stay real lines of the file
---
Version {{version}}         -> Version 2.1 (docs.json `variables`)
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import yaml

from mintrender.errors import Diagnostics
from mintrender.hints import closest, yaml_problem
from mintrender.load.yaml12 import FRONTMATTER, duplicate_keys, load_yaml
from mintrender.model import PAGE_MODES

FRONTMATTER_KEYS = frozenset(
    "title description sidebarTitle icon iconType tag mode openapi openapi-schema asyncapi api "
    "authMethod playground version hidden noindex searchable boost deprecated "
    "hideFooterPagination hideApiMarker related contextual groups public keywords url rss "
    "timestamp lastUpdatedDate canonical robots".split()
)
"""Frontmatter keys Mintlify reads (mdx-and-markdown.md §2); `og:*` and `twitter:*` too."""
VARIABLE = re.compile(r"\{\{\s*([A-Za-z0-9_-]+)\s*\}\}")
"""A docs.json variable's placeholder, `{{name}}`."""


def split_frontmatter(
    source: str, rel_path: str, diagnostics: Diagnostics
) -> tuple[dict[str, Any], str, int]:
    """(frontmatter, source with the frontmatter lines blanked, first body line)."""
    m = FRONTMATTER.match(source)
    if not m:
        if _UNCLOSED.match(source):  # `---` then `title: X`, and no `---` after it
            why = "the frontmatter opened here is never closed with `---`: it is read as text"
            diagnostics.warning(rel_path, 1, 1, "frontmatter-unclosed", why)
        return {}, source, 0
    n_lines = source[: m.end()].count("\n") + 1
    data = _load_block(m.group(1), rel_path, diagnostics)
    _check_keys(data, m.group(1), rel_path, diagnostics)
    _check_types(data, m.group(1), rel_path, diagnostics)
    blank = "\n" * (n_lines - 1)
    return data, blank + source[m.end() :], n_lines


def read_frontmatter(text: str) -> dict[str, Any]:
    """The frontmatter at the top of `text`, read as `split_frontmatter` reads it (broken YAML
    too), without reporting problems ({} when there is none)."""
    m = FRONTMATTER.match(text)
    return _load_block(m.group(1), "", None) if m else {}


def _load_block(block: str, rel_path: str, diagnostics: Diagnostics | None) -> dict[str, Any]:
    """The YAML between the `---` lines as a mapping with stripped keys."""
    data: Any = {}
    try:
        data = load_yaml(block) or {}
        if diagnostics is not None:
            _check_duplicates(block, rel_path, diagnostics)
    except yaml.YAMLError as exc:
        if diagnostics is not None:
            found = yaml_problem(exc, block)
            diagnostics.error(
                rel_path,
                found.line + 2,  # the block starts on the line after `---`
                found.column + 1,
                "frontmatter-yaml",
                f"invalid frontmatter: {found.message}",
                found.hint,
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


def _check_duplicates(block: str, rel_path: str, diagnostics: Diagnostics) -> None:
    """A key given twice in one mapping: YAML forbids it, and the YAML reader of Mintlify's
    toolchain (js-yaml) refuses the whole frontmatter; here the last value counts."""
    for key, line, col, first in duplicate_keys(block):
        diagnostics.warning(
            rel_path,
            line + 2,  # the block starts on the line after `---`
            col + 1,
            "frontmatter-duplicate",
            f"frontmatter key `{key}` is given twice (first on line {first + 2}); YAML forbids "
            "it and Mintlify refuses such frontmatter; here the last value is used",
        )


def _check_keys(data: dict[str, Any], block: str, rel_path: str, diagnostics: Diagnostics) -> None:
    """Any key is allowed (custom metadata), but one a letter or two away from a key Mintlify
    reads is a typo that silently does nothing: say so."""
    for key in data:
        if key in FRONTMATTER_KEYS or key.startswith(("og:", "twitter:")) or len(key) < 4:
            continue
        near = closest(key, FRONTMATTER_KEYS, cutoff=0.8)
        if not near or near[0].rstrip("s") == key.rstrip("s"):
            continue  # `tags` beside `tag` is a custom key more often than a typo
        line = next(
            (i for i, row in enumerate(block.split("\n")) if row.lstrip("'\"").startswith(key)),
            0,
        )
        diagnostics.warning(
            rel_path,
            line + 2,
            1,
            "frontmatter-key",
            f"frontmatter key `{key}` means nothing to Mintlify (kept as custom metadata)",
            f"did you mean `{near[0]}`?",
        )


_UNCLOSED = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n[ \t]*[A-Za-z][\w-]*[ \t]*:")
_TEXT_KEYS = frozenset("title description sidebarTitle icon tag mode openapi api url".split())
_FLAG_KEYS = frozenset("hidden noindex deprecated hideFooterPagination hideApiMarker".split())
_NAME_KEYS = frozenset("mode openapi api url icon".split())


def _check_types(data: dict[str, Any], block: str, rel_path: str, diagnostics: Diagnostics) -> None:
    """A key Mintlify reads as text given a list or mapping, or a flag given anything but
    true or false (`hidden: "yes"`): it does nothing, so say so."""
    for key, value in data.items():
        if key in _TEXT_KEYS and isinstance(value, (list, dict)):
            want = "text"
        elif key in _NAME_KEYS and isinstance(value, (bool, int, float)):
            want = "text"  # `openapi: 123`: no spec, method or mode is a number
        elif key == "mode" and isinstance(value, str) and value not in ("default", *PAGE_MODES):
            want = f"one of default, {', '.join(PAGE_MODES)}"
        elif key in _FLAG_KEYS and not isinstance(value, bool) and value is not None:
            want = "true or false"
        elif key == "contextual" and not isinstance(value, dict) and value not in (False, None):
            want = "an object with `options` (or false: no page menu)"
        elif key == "contextual" and isinstance(value, dict) and not _menu_shape(value):
            want = "an object whose `options` is a list (and `display` header or toc)"
        else:
            continue
        rows = block.split("\n")
        line = next((i for i, row in enumerate(rows) if row.startswith(key)), 0)
        why = f"frontmatter `{key}` should be {want}; it is left out"
        diagnostics.warning(rel_path, line + 2, 1, "frontmatter-value", why)


def _menu_shape(value: dict[str, Any]) -> bool:
    """Is a page's `contextual` object one the page menu can read?"""
    options, display = value.get("options"), value.get("display")
    return isinstance(options, list) and display in (None, "header", "toc")


def _loose_frontmatter(block: str) -> dict[str, Any]:
    """Best effort `key: value` reading when the YAML is invalid, so the page keeps its title."""
    out: dict[str, Any] = {}
    lines = block.splitlines()
    for i, line in enumerate(lines):
        key, sep, value = line.partition(":")
        if not (sep and key.strip() and not key.startswith((" ", "\t", "-"))):
            continue
        value = value.strip()
        if _BLOCK_SCALAR.fullmatch(value):  # `title: >-` then indented lines (none: no value)
            body = [t.strip() for t in itertools.takewhile(_indented, lines[i + 1 :])]
            value = (" " if value.startswith(">") else "\n").join(body)
            if not value:
                continue
        out[key.strip()] = value.strip("'\"")
    return out


_BLOCK_SCALAR = re.compile(r"[|>][+-]?\d?")


def _indented(line: str) -> bool:
    return line.startswith((" ", "\t"))


def substitute_variables(source: str, variables: dict[str, str]) -> str:
    """docs.json `variables`: `{{name}}` replaced before MDX parsing."""
    if not variables or "{{" not in source:
        return source
    return VARIABLE.sub(lambda m: variables.get(m.group(1), m.group(0)), source)


_KEY_LINE = re.compile(r"^\s*(openapi-schema|openapi|api|asyncapi)\s*:", re.M)


def frontmatter_line(docs_dir: Path, rel_path: str, key: str) -> int:
    """1-based line of `key:` in a page's frontmatter (1 when not found)."""
    try:
        head = (docs_dir / rel_path).read_text(encoding="utf-8", errors="replace")[:4000]
    except OSError:
        return 1
    for m in _KEY_LINE.finditer(head):
        if m.group(1) == key:
            return head.count("\n", 0, m.start()) + 1
    return 1
