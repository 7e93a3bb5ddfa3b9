"""Whole-file reads with the fewest system calls: `open()` adds a buffered reader, an `fstat`,
an `ioctl` and a seek to every file, which the build pays thousands of times (pages, cache
entries, the heads of pages naming a spec)."""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

_READ = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
_CHUNK = 1 << 16


def is_file(path: Path) -> bool:
    """`path.is_file()`, False where it cannot be looked at: before Python 3.13 a folder the
    user may not enter raised PermissionError (a snippet folder `chmod 000`: an exit 3)."""
    try:
        return path.is_file()
    except OSError:
        return False


def is_dir(path: Path) -> bool:
    """`path.is_dir()`, False where it cannot be looked at (as `is_file`)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def read_bytes(path: str | os.PathLike[str], limit: int = -1) -> bytes:
    """The file's bytes (at most `limit` of them when given), as `Path.read_bytes()` gives
    them; raises OSError as it does."""
    fd = os.open(path, _READ)
    try:
        if limit >= 0:
            return os.read(fd, limit) if limit else b""
        chunks = []
        while chunk := os.read(fd, _CHUNK):  # until an empty read: the end, whatever the file
            chunks.append(chunk)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(fd)


NOT_REGULAR = "not a regular file (a pipe, socket or device)"


def regular_text(
    path: str | os.PathLike[str], encoding: str = "utf-8-sig", errors: str = "strict"
) -> str:
    """A regular file's text, as `Path.read_text(encoding, errors)` gives it; a named pipe,
    socket or device raises OSError (reading one would wait for ever, and `stat` does not)."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise OSError(NOT_REGULAR)
    with open(path, encoding=encoding, errors=errors) as fh:
        return fh.read()


def regular_bytes(path: str | os.PathLike[str]) -> bytes:
    """A regular file's bytes; a named pipe, socket or device raises OSError (as
    `regular_text`)."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise OSError(NOT_REGULAR)
    return read_bytes(path)


_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")


def whole_text(text: str) -> str:
    """`text` with surrogate pairs joined and each lone surrogate (`"\\ud800"`, valid in JSON
    and JavaScript strings, but no character: nothing can write it as UTF-8) made U+FFFD, as a
    browser shows it. Unchanged (and fast) when it holds none."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def load_json(text: str, duplicates: list[str] | None = None) -> Any:
    """`json.loads` as JavaScript reads JSON: lone surrogates made U+FFFD (`whole_text`), and an
    integer past Python's digit limit a float. Raises what `json.loads` raises, RecursionError
    included (a document thousands deep). With `duplicates`, the keys an object gives twice are
    appended to it (the last value is kept, as `JSON.parse` keeps it; `load.jsonpos` locates
    them): a cheap check on every object, where locating needs a second, slow read."""
    hook = None if duplicates is None else _pairs_noting(duplicates)
    try:
        data = json.loads(text, object_pairs_hook=hook)
    except json.JSONDecodeError:
        raise
    except ValueError:  # "Exceeds the limit (4300 digits) for integer string conversion"
        data = json.loads(text, parse_int=lambda digits: float(digits), object_pairs_hook=hook)
    if not _ESCAPED_SURROGATE.search(text):
        return data
    return _whole(data)


def _pairs_noting(duplicates: list[str]) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(items)
        if len(obj) < len(items):
            seen: set[str] = set()
            for key, _ in items:
                if key in seen:
                    duplicates.append(key)
                seen.add(key)
        return obj

    return pairs


def _whole(data: Any) -> Any:
    """`data` with `whole_text` applied to every string, keys included (no recursion: the data
    may be as deep as the JSON parser allows)."""
    root: list[Any] = [data]
    stack: list[tuple[Any, Any]] = [(root, 0)]
    while stack:
        holder, key = stack.pop()
        value = holder[key]
        if isinstance(value, str):
            holder[key] = whole_text(value)
        elif isinstance(value, list):
            stack.extend((value, i) for i in range(len(value)))
        elif isinstance(value, dict):
            fixed = {whole_text(k): v for k, v in value.items()}
            value.clear()
            value.update(fixed)
            stack.extend((value, k) for k in value)
    return root[0]
