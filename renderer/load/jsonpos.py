"""JSON with source positions: map a JSON path to the line and column where its value starts."""

from __future__ import annotations

import json
import re

_WS = re.compile(r"[ \t\r\n]*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null")

PathKey = tuple[object, ...]


class JsonPositions:
    """Positions of every value in a JSON text, keyed by path tuples like `("navigation", "tabs", 0)`.

    Built lazily: only when a diagnostic needs a location, so the fast path stays `json.loads`.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._map: dict[PathKey, int] | None = None
        self._line_starts: list[int] | None = None

    def _scan(self) -> dict[PathKey, int]:
        out: dict[PathKey, int] = {}
        text = self._text

        def value(pos: int, path: PathKey) -> int:
            pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
            out[path] = pos
            if pos >= len(text):
                return pos
            ch = text[pos]
            if ch == "{":
                pos += 1
                while True:
                    pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
                    if pos >= len(text) or text[pos] == "}":
                        return pos + 1
                    m = _STRING.match(text, pos)
                    if not m:
                        return len(text)
                    key = json.loads(m.group(0))
                    pos = _WS.match(text, m.end()).end()  # type: ignore[union-attr]
                    pos += 1  # colon
                    pos = value(pos, (*path, key))
                    pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
                    if pos < len(text) and text[pos] == ",":
                        pos += 1
            if ch == "[":
                pos += 1
                index = 0
                while True:
                    pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
                    if pos >= len(text) or text[pos] == "]":
                        return pos + 1
                    pos = value(pos, (*path, index))
                    index += 1
                    pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
                    if pos < len(text) and text[pos] == ",":
                        pos += 1
            m = _STRING.match(text, pos) or _SCALAR.match(text, pos)
            return m.end() if m else len(text)

        try:
            value(0, ())
        except (RecursionError, ValueError):
            pass
        return out

    def line_col(
        self, path: PathKey, value: str | None = None, *, legacy: bool = False
    ) -> tuple[int, int]:
        """1-based (line, column) of the value at `path`, or of its nearest existing ancestor.
        `value`: when `path` is not in the text (a mint.json read in docs.json's shape), the
        first string equal to it under the same top-level key, before the ancestor. `legacy`
        (a mint.json, whose keys moved in docs.json's shape): the path's longest tail that is a
        path of the file (`api.openapi` is mint.json's `openapi`, `navigation.tabs[0]` its
        `tabs[0]`), then `value` anywhere (`/api` written `api`)."""
        if self._map is None:
            self._map = self._scan()
            starts = [0]
            starts.extend(m.end() for m in re.finditer("\n", self._text))
            self._line_starts = starts
        lines = self._line_starts or [0]
        if path not in self._map and value is not None and path:
            for key, offset in self._map.items():
                if key[:1] == path[:1] and self._string_at(offset) == value:
                    return offset_to_line_col(lines, offset)
        if path not in self._map and legacy:
            for k in range(1, len(path)):
                if isinstance(path[k], str) and path[k:] in self._map:
                    return offset_to_line_col(lines, self._map[path[k:]])
            if value:
                for offset in self._map.values():
                    found = self._string_at(offset)
                    if found is not None and found.strip("/") == value.strip("/"):
                        return offset_to_line_col(lines, offset)
        while path and path not in self._map:
            path = path[:-1]
        offset = self._map.get(path, 0)
        return offset_to_line_col(lines, offset)

    def _string_at(self, offset: int) -> str | None:
        m = _STRING.match(self._text, offset)
        if m is None:
            return None
        try:
            found = json.loads(m.group(0))
        except ValueError:
            return None
        return found if isinstance(found, str) else None


def duplicate_keys(text: str) -> list[tuple[str, int, int, int]]:
    """The keys a JSON text gives twice in one object, as (key, line, column, line of its first
    use), 1-based, in the order of the text: `JSON.parse` keeps the last silently, and YAML
    readers (js-yaml, which reads a spec's JSON too) refuse the document."""
    found: list[tuple[str, int, int, int]] = []
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))

    def value(pos: int) -> int:
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= len(text):
            return pos
        ch = text[pos]
        if ch not in "{[":
            m = _STRING.match(text, pos) or _SCALAR.match(text, pos)
            return m.end() if m else len(text)
        first: dict[str, int] = {}
        pos += 1
        while True:
            pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
            if pos >= len(text) or text[pos] in "}]":
                return pos + 1
            if ch == "{":
                m = _STRING.match(text, pos)
                if not m:
                    return len(text)
                key = json.loads(m.group(0))
                if key in first:
                    line, col = offset_to_line_col(starts, pos)
                    found.append((key, line, col, offset_to_line_col(starts, first[key])[0]))
                else:
                    first[key] = pos
                pos = _WS.match(text, m.end()).end() + 1  # type: ignore[union-attr]  # colon
            pos = _WS.match(text, value(pos)).end()  # type: ignore[union-attr]
            if pos < len(text) and text[pos] == ",":
                pos += 1

    try:
        value(0)
    except (RecursionError, ValueError):
        pass
    return found


def offset_to_line_col(line_starts: list[int], offset: int) -> tuple[int, int]:
    """Binary search a sorted list of line start offsets."""
    lo, hi = 0, len(line_starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if line_starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo + 1, offset - line_starts[lo] + 1


def format_path(path: PathKey) -> str:
    """`navigation.tabs[1].groups[0]` from a path tuple."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(root)"
