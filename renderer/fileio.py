"""Whole-file reads with the fewest system calls: `open()` adds a buffered reader, an `fstat`,
an `ioctl` and a seek to every file, which the build pays thousands of times (pages, cache
entries, the heads of pages naming a spec)."""

from __future__ import annotations

import os

_READ = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
_CHUNK = 1 << 16


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
