"""Spec files as read from disk: parsed data plus the line of any JSON pointer."""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from json.decoder import scanstring  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote

import yaml

from mintrender.errors import Diagnostics
from mintrender.fileio import load_json, regular_bytes
from mintrender.load.encoding import decode_source
from mintrender.load.jsonpos import duplicate_keys as json_duplicate_keys
from mintrender.load.yaml12 import Yaml12Loader, load_yaml

_DECODER = json.JSONDecoder()
_WS = re.compile(r"[ \t\n\r]*")
_NEWLINE = re.compile("\n")


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
    _json_index: _JsonIndex | None = None

    def position(self, pointer: str) -> tuple[int, int]:
        """1-based (line, column) of the deepest existing key along `pointer` (1, 1 if none)."""
        if pointer not in self._lines:
            tokens = split_pointer(pointer)
            try:
                if self.kind == "json":
                    if self._json_index is None:
                        self._json_index = _JsonIndex(self.text)
                    pos = self._json_index.position(tokens)
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


def _skip_ws(text: str, idx: int) -> int:
    m = _WS.match(text, idx)
    return m.end() if m else idx


class _JsonIndex:
    """Where a JSON text's object members and array elements start, read once each as pointers
    are located: a spec's hundreds of paths are not read again from the top for every path."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._members: dict[int, dict[str, tuple[int, int]]] = {}
        """Object start -> key -> (where the key starts, where its value starts)."""
        self._next: dict[int, tuple[int, bool]] = {}
        """Object start -> where reading goes on, and whether a value must be skipped first."""
        self._elements: dict[int, list[int]] = {}
        """Array start -> where the text goes on after skipping 0, 1, 2, ... elements."""
        self._newlines: list[int] | None = None

    def member(self, start: int, key: str) -> tuple[int, int] | None:
        """The first member `key` of the object at `start` (None when it has none)."""
        text = self.text
        members = self._members.setdefault(start, {})
        if key in members:
            return members[key]
        idx, pending = self._next.get(start, (_skip_ws(text, start + 1), False))
        while True:
            if pending:  # the value of the member read last: skip it
                _, idx = _DECODER.raw_decode(text, idx)
                idx = _skip_ws(text, idx)
                if idx < len(text) and text[idx] == ",":
                    idx = _skip_ws(text, idx + 1)
                self._next[start] = idx, False
            if not (idx < len(text) and text[idx] == '"'):
                return None
            key_at = idx
            name, idx = scanstring(text, idx + 1)
            idx = _skip_ws(text, idx)
            idx = _skip_ws(text, idx + 1)  # past ':'
            self._next[start] = idx, True
            pending = True
            members.setdefault(name, (key_at, idx))
            if name == key:
                return key_at, idx

    def element(self, start: int, n: int) -> int:
        """Where the text goes on after the first `n` elements of the array at `start` (raises
        ValueError past its end)."""
        text = self.text
        after = self._elements.setdefault(start, [_skip_ws(text, start + 1)])
        while len(after) <= n:
            _, idx = _DECODER.raw_decode(text, after[-1])
            idx = _skip_ws(text, idx)
            if idx < len(text) and text[idx] == ",":
                idx = _skip_ws(text, idx + 1)
            after.append(idx)
        return after[n]

    def position(self, tokens: list[str]) -> tuple[int, int]:
        """Walk the text along the pointer, skipping sibling values with the C decoder."""
        text = self.text
        idx = _skip_ws(text, 0)
        best = idx
        for tok in tokens:
            if idx >= len(text):
                break
            if text[idx] == "{":
                hit = self.member(idx, tok)
                if hit is None:
                    break
                best, idx = hit
            elif text[idx] == "[" and tok.isdigit():
                idx = self.element(idx, int(tok))
                if not (idx < len(text) and text[idx] != "]"):
                    break
                best = idx
            else:
                break
        return self.line_column(best)

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of `offset`."""
        if self._newlines is None:
            self._newlines = [m.start() for m in _NEWLINE.finditer(self.text)]
        before = bisect.bisect_left(self._newlines, offset)  # newlines before the offset
        line_start = self._newlines[before - 1] + 1 if before else 0
        return before + 1, offset - line_start + 1


def read_source(
    abs_path: Path, rel_path: str, diagnostics: Diagnostics, *, code: str = "openapi-syntax"
) -> SpecSource | None:
    """Read and parse a JSON or YAML file; problems become diagnostics and return None."""
    try:
        decoded = decode_source(regular_bytes(abs_path))
    except OSError as exc:
        diagnostics.error(rel_path, 0, 0, "openapi-read", f"cannot read the spec file: {exc}")
        return None
    if decoded.bad is not None:  # as a page's: located, and only a NUL byte stops the read
        line, column, _ = decoded.bad
        if decoded.binary:
            diagnostics.error(
                rel_path,
                line,
                column,
                "file-encoding",
                "this file is binary, not text (a NUL byte): it is not read as a spec; an "
                "OpenAPI spec must be a UTF-8 JSON or YAML file",
            )
            return None
        diagnostics.warning(rel_path, line, column, "file-encoding", decoded.problem())
    text = decoded.text
    suffix = abs_path.suffix.lower()
    is_yaml = suffix in (".yaml", ".yml") or (
        suffix != ".json" and not text.lstrip().startswith(("{", "["))  # downloaded: sniffed
    )
    duplicates: list[str] = []
    if not is_yaml:
        try:
            data = load_json(text, duplicates)
        except json.JSONDecodeError as exc:
            diagnostics.error(
                rel_path, exc.lineno, exc.colno, code, f"invalid JSON in the spec: {exc.msg}"
            )
            return None
        except RecursionError:  # `[[[[…` thousands deep, as YAML's MAX_DEPTH refuses it
            diagnostics.error(rel_path, 1, 1, code, "the spec is nested too deeply to read")
            return None
        if duplicates:
            _report_duplicates(json_duplicate_keys(text), rel_path, diagnostics)
        return SpecSource(rel_path, abs_path, text, data, "json")
    found: list[tuple[str, int, int, int]] = []
    try:
        data = load_yaml(text, found)  # YAML 1.2, as OpenAPI reads it
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        problem = getattr(exc, "problem", None) or str(exc)
        diagnostics.error(rel_path, line, col, code, f"invalid YAML in the spec: {problem}")
        return None
    _report_duplicates([(k, ln + 1, c + 1, f + 1) for k, ln, c, f in found], rel_path, diagnostics)
    return SpecSource(rel_path, abs_path, text, data, "yaml")


def _report_duplicates(
    found: list[tuple[str, int, int, int]], rel_path: str, diagnostics: Diagnostics
) -> None:
    """An error at each key given twice in one object ((key, line, column, first line),
    1-based): Mintlify reads a spec, JSON or YAML, with js-yaml, which refuses the whole file
    ("duplicated mapping key") and the deploy fails; here the last value is used, as before."""
    for key, line, col, first in found:
        diagnostics.error(
            rel_path,
            line,
            col,
            "openapi-duplicate-key",
            f"key {key!r} is given twice in one object (first on line {first}); Mintlify refuses "
            "such a spec (duplicated mapping key); here the last one is used",
        )
