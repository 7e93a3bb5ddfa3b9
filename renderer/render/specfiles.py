"""Which files a site names as API specs: in docs.json (`api.openapi`, navigation `openapi`
and `asyncapi`) and in pages' frontmatter, so they are loaded wherever their top-level key sits."""

from __future__ import annotations

import json
import os
import posixpath
import re
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from mintrender.fileio import is_file, read_bytes
from mintrender.load.config import CONFIG_FILES, SiteConfig
from mintrender.load.contain import resolve_inside
from mintrender.load.remote import is_remote


def is_config(rel: str) -> bool:
    """docs.json and mint.json are never specs, wherever they sit."""
    return posixpath.basename(rel) in CONFIG_FILES


SPEC_LINE = re.compile(r"^(openapi|asyncapi)\s*:\s*(.+?)\s*$", re.M)


_HEAD_CHARS = 4096
"""Characters of a page read for its `openapi:` / `asyncapi:` frontmatter lines."""


def _frontmatter_head(path: str) -> str | None:
    """The first `_HEAD_CHARS` characters of a page (read as text: UTF-8, bad bytes replaced,
    universal newlines) when they start a frontmatter that may name a spec; else None. Most
    pages name none, and are never decoded."""
    try:
        raw = read_bytes(path, _HEAD_CHARS * 4)  # a character is at most 4 bytes
    except OSError:
        return None
    if not raw.startswith(b"---") or (b"openapi" not in raw and b"asyncapi" not in raw):
        return None
    text = raw.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    return text[:_HEAD_CHARS]


def page_specs(docs_dir: Path, pages: Sequence[str]) -> dict[str, set[str]]:
    """Spec files named by pages' `openapi:` / `asyncapi:` frontmatter (`"/es/api/v2.json GET
    /x"`, `"/asyncapi.yaml channelOne"`), loaded wherever their top-level key sits: discovery
    only takes files that look like specs. Under "pages": the pages (without extension) whose
    frontmatter names an operation."""
    from mintrender.openapi import parse_ref  # start-up time, see top

    found: dict[str, set[str]] = {"openapi": set(), "asyncapi": set(), "pages": set()}
    folder = str(docs_dir)
    for rel in pages:
        head = _frontmatter_head(os.path.join(folder, rel))
        if head is None:
            continue
        end = max(head.find("\n---", 3), 3)
        for m in SPEC_LINE.finditer(head, 3, end):
            if m.group(1) == "openapi":
                found["pages"].add(rel.rsplit(".", 1)[0])
                parsed = parse_ref(m.group(2))
                token = parsed.spec if parsed is not None else None
            else:
                words = m.group(2).strip("\"'").split()
                token = words[0] if len(words) > 1 else None
            if token is None or "://" in token:
                continue
            token = token.strip("\"'")
            near = posixpath.join(posixpath.dirname(rel), token)
            for cand in (token.lstrip("/"),) if token.startswith("/") else (near, token):
                cand = posixpath.normpath(cand)
                if not cand.startswith("..") and not is_config(cand):
                    inside = resolve_inside(docs_dir, docs_dir / cand)
                    if inside is not None and is_file(inside):
                        found[m.group(1)].add(cand)
                        break
    return found


def configured_specs(
    config: SiteConfig, key: str = "openapi", navigation: bool = True
) -> list[str]:
    """Spec files named in docs.json: `api.<key>` and (`navigation`) `<key>` on any navigation
    level."""
    found: list[str] = []

    def add(value: Any) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list):
            for v in value:
                add(v)
        elif isinstance(value, dict) and isinstance(value.get("source"), str):
            found.append(value["source"])

    add(config.api.get(key))

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if key in node:
                add(node[key])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    if navigation:
        walk(config.navigation)
    return found


def local_file(docs_dir: Path, spec: str) -> bool:
    """Is `spec` (a docs.json spec path) a file inside the docs folder (not a folder)?"""
    found = resolve_inside(docs_dir, docs_dir / spec.lstrip("/"))
    return found is not None and is_file(found)


def report_missing_specs(config: SiteConfig, found: Collection[str], diagnostics: Any) -> None:
    """An `openapi-missing` warning for each local file docs.json's `api.openapi` names that
    is not among the `found` spec files (the pages may still find their operations in another
    spec; a navigation level's is `openapi-nav-spec`'s)."""
    for spec in configured_specs(config, navigation=False):
        if is_remote(spec) or is_config(spec) or spec.lstrip("/") in found:
            continue
        line, col = config.locate(("api", "openapi"))
        why = f"OpenAPI file {spec!r} is not in the docs folder"
        hint = "point `openapi` at the spec's path from the docs folder's root"
        diagnostics.warning(config.config_file, line, col, "openapi-missing", why, hint)


def text_line(spec_text: str, value: str, line: int = 1) -> int | None:
    """1-based line of the spec where 1-based `line` of the string `value` is written (JSON
    escaped, or YAML over several lines); None when `value` cannot be found as written."""
    rows = value.split("\n")
    first = rows[0].strip()[:60]
    if not first:
        return None
    for needle in (first, json.dumps(first)[1:-1], json.dumps(first, ensure_ascii=False)[1:-1]):
        at = spec_text.find(needle)
        if at >= 0:
            start = spec_text.count("\n", 0, at) + 1
            spec_rows = spec_text.split("\n")
            row = rows[line - 1].strip() if 0 < line <= len(rows) else ""
            below = start + line - 1
            if row and below <= len(spec_rows) and row in spec_rows[below - 1]:
                return below  # a value written over several lines (YAML block scalar)
            return start
    return None


def report_unknown_languages(config: SiteConfig, diagnostics: Any) -> None:
    """`api.examples.languages` naming a language no sample is written in: a warning."""
    from mintrender.openapi import ApiOptions  # start-up time: only sites with API pages

    unknown = ApiOptions.from_settings(config.api).unknown_languages
    if unknown:
        line, col = config.locate(("api", "examples", "languages"))
        names = ", ".join(repr(k) for k in unknown)
        why = f"no request sample is written in {names}; those tabs are left out"
        diagnostics.warning(config.config_file, line, col, "api-language", why)
