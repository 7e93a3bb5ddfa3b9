"""Spec files as read from disk: parsed data plus the line of any JSON pointer."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from json.decoder import scanstring  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote

import yaml

from mintrender.errors import Diagnostics
from mintrender.load.yaml12 import Yaml12Loader, load_yaml

_DECODER = json.JSONDecoder()
_WS = re.compile(r"[ \t\n\r]*")


@dataclass(slots=True)
class SpecSource:
    """One parsed spec file (or a file reached through a cross-file `$ref`)."""

    rel_path: str
    """POSIX path relative to the docs folder."""
    abs_path: Path
    """Absolute path on disk."""
    text: str
    """Raw text, kept to locate pointers when a diagnostic needs a line."""
    data: Any
    """Parsed document."""
    kind: Literal["json", "yaml"]
    """Syntax of the file."""
    _lines: dict[str, tuple[int, int]] = field(default_factory=dict)
    _yaml_root: Any = None

    def position(self, pointer: str) -> tuple[int, int]:
        """1-based (line, column) of the deepest existing key along `pointer` (1, 1 if none)."""
        if pointer not in self._lines:
            tokens = split_pointer(pointer)
            try:
                if self.kind == "json":
                    pos = _json_position(self.text, tokens)
                else:
                    pos = self._yaml_position(tokens)
            except (ValueError, IndexError, yaml.YAMLError):
                pos = (1, 1)
            self._lines[pointer] = pos
        return self._lines[pointer]

    def line(self, pointer: str) -> int:
        """1-based line of `pointer`."""
        return self.position(pointer)[0]

    def _yaml_position(self, tokens: list[str]) -> tuple[int, int]:
        if self._yaml_root is None:
            self._yaml_root = yaml.compose(self.text, Loader=Yaml12Loader)
        node = self._yaml_root
        mark = node.start_mark if node is not None else None
        for tok in tokens:
            nxt = None
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if str(key.value) == tok:
                        nxt, mark = value, key.start_mark
                        break
            elif isinstance(node, yaml.SequenceNode) and tok.isdigit():
                if int(tok) < len(node.value):
                    nxt = node.value[int(tok)]
                    mark = nxt.start_mark
            if nxt is None:
                break
            node = nxt
        return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def split_pointer(pointer: str) -> list[str]:
    """`/paths/~1a~1{id}/get` -> `["paths", "/a/{id}", "get"]` (also percent-decoded)."""
    pointer = pointer.lstrip("#")
    if not pointer or pointer == "/":
        return []
    return [unquote(p).replace("~1", "/").replace("~0", "~") for p in pointer[1:].split("/")]


def join_pointer(base: str, *tokens: str | int) -> str:
    """Append escaped tokens to a JSON pointer."""
    parts = [str(t).replace("~", "~0").replace("/", "~1") for t in tokens]
    return base + "".join("/" + p for p in parts)


def _offset_to_position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _skip_ws(text: str, idx: int) -> int:
    m = _WS.match(text, idx)
    return m.end() if m else idx


def _json_position(text: str, tokens: list[str]) -> tuple[int, int]:
    """Walk the text along the pointer, skipping sibling values with the C decoder."""
    idx = _skip_ws(text, 0)
    best = idx
    for tok in tokens:
        if idx >= len(text):
            break
        found = False
        if text[idx] == "{":
            idx = _skip_ws(text, idx + 1)
            while idx < len(text) and text[idx] == '"':
                key_at = idx
                key, idx = scanstring(text, idx + 1)
                idx = _skip_ws(text, idx)
                idx = _skip_ws(text, idx + 1)  # past ':'
                if key == tok:
                    best, found = key_at, True
                    break
                _, idx = _DECODER.raw_decode(text, idx)
                idx = _skip_ws(text, idx)
                if idx < len(text) and text[idx] == ",":
                    idx = _skip_ws(text, idx + 1)
        elif text[idx] == "[" and tok.isdigit():
            idx = _skip_ws(text, idx + 1)
            for _ in range(int(tok)):
                _, idx = _DECODER.raw_decode(text, idx)
                idx = _skip_ws(text, idx)
                if idx < len(text) and text[idx] == ",":
                    idx = _skip_ws(text, idx + 1)
            if idx < len(text) and text[idx] != "]":
                best, found = idx, True
        if not found:
            break
    return _offset_to_position(text, best)


def read_source(
    abs_path: Path, rel_path: str, diagnostics: Diagnostics, *, code: str = "openapi-syntax"
) -> SpecSource | None:
    """Read and parse a JSON or YAML file; problems become diagnostics and return None."""
    try:
        text = abs_path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        diagnostics.error(rel_path, 0, 0, "openapi-read", f"cannot read the spec file: {exc}")
        return None
    suffix = abs_path.suffix.lower()
    is_yaml = suffix in (".yaml", ".yml") or (
        suffix != ".json" and not text.lstrip().startswith(("{", "["))  # downloaded: sniffed
    )
    if not is_yaml:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            diagnostics.error(
                rel_path, exc.lineno, exc.colno, code, f"invalid JSON in the spec: {exc.msg}"
            )
            return None
        return SpecSource(rel_path, abs_path, text, data, "json")
    try:
        data = load_yaml(text)  # YAML 1.2, as OpenAPI reads it
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        problem = getattr(exc, "problem", None) or str(exc)
        diagnostics.error(rel_path, line, col, code, f"invalid YAML in the spec: {problem}")
        return None
    return SpecSource(rel_path, abs_path, text, data, "yaml")
