"""Packed page bodies kept on disk while a big build runs, so its memory stays flat in pages.

A render worker appends each page's packed bulk (`PageRecord.pack`) to a file of its own in the
build's spill folder and keeps only where it is (`SpillRef`); the record that goes back to the
main process is then a few hundred bytes of metadata. Whoever needs the page again (index,
Markdown copies, page writer) reads it back with one `pread`.

A `SpillRef` pickles as (path, offset, length) and reopens its file by path in the process that
unpickles it: once the main process holds every record, it holds an open descriptor of every
spill file, and the folder can be removed (`Spill.close`). The data lives as long as a record
points into it (the descriptor closes with the last `SpillFile` reference); forked workers
inherit the descriptors.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from pathlib import Path
from typing import Any

_OPEN: weakref.WeakValueDictionary[str, SpillFile] = weakref.WeakValueDictionary()
"""Path -> its open file in this process (one descriptor per file, shared by its records)."""


class SpillFile:
    """One open spill file; closed when no record points into it anymore."""

    __slots__ = ("__weakref__", "fd", "path", "pid", "size")

    def __init__(self, path: str, fd: int, size: int = 0) -> None:
        self.path = path
        self.fd = fd
        self.size = size
        """Bytes written (the writing process's own file)."""
        self.pid = os.getpid()

    @classmethod
    def at(cls, path: str) -> SpillFile:
        """This process's open file at `path` (opened now if it was not)."""
        found = _OPEN.get(path)
        if found is None:
            found = cls(path, os.open(path, os.O_RDONLY))
            _OPEN[path] = found
        return found

    def read(self, offset: int, length: int) -> bytes:
        data = os.pread(self.fd, length, offset)
        if len(data) != length:
            raise OSError(f"{self.path}: {length} bytes expected at {offset}, {len(data)} found")
        return data

    def __del__(self) -> None:
        if self.pid == os.getpid():  # a forked copy's descriptor is the child's to close
            try:
                os.close(self.fd)
            except OSError:
                pass


class SpillRef:
    """Where one page's packed bulk is: `length` bytes at `offset` of a spill file."""

    __slots__ = ("file", "length", "offset")

    def __init__(self, file: SpillFile, offset: int, length: int) -> None:
        self.file = file
        self.offset = offset
        self.length = length

    def read(self) -> bytes:
        return self.file.read(self.offset, self.length)

    def __reduce__(self) -> tuple[Any, ...]:
        return _reopen, (self.file.path, self.offset, self.length)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SpillRef) and self.read() == other.read()

    __hash__ = None  # type: ignore[assignment]


def _reopen(path: str, offset: int, length: int) -> SpillRef:
    return SpillRef(SpillFile.at(path), offset, length)


PREFIX = "mintrender-pages-"
"""Spill folders are `PREFIX` + the building process's id + a random part, in the temp folder."""


def _sweep() -> None:
    """Remove the spill folders of builds that were killed: this user's, whose process is gone."""
    try:
        found = list(Path(tempfile.gettempdir()).glob(PREFIX + "*"))
    except OSError:
        return
    me = os.getuid() if hasattr(os, "getuid") else None
    for path in found:
        pid = path.name[len(PREFIX) :].split("-", 1)[0]
        try:
            mine = me is None or path.lstat().st_uid == me
            if not pid.isdigit() or not mine or _alive(int(pid)):
                continue
        except OSError:
            continue
        shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


class Spill:
    """A build's spill folder: each process appends to a file of its own in it."""

    def __init__(self) -> None:
        _sweep()
        self.folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
        self._mine: dict[int, SpillFile] = {}
        """pid -> the file that process writes (a forked worker makes its own)."""

    def keep(self, data: bytes) -> SpillRef:
        """Append `data` to this process's file; where it is now."""
        pid = os.getpid()
        file = self._mine.get(pid)
        if file is None:
            path = str(self.folder / f"pages-{pid}.bin")
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
            file = self._mine[pid] = _OPEN[path] = SpillFile(path, fd)
        at = file.size
        view = memoryview(data)
        while view:
            view = view[os.write(file.fd, view) :]
        file.size += len(data)
        return SpillRef(file, at, len(data))

    def close(self) -> None:
        """Remove the folder: the records keep their files open (see the module's text)."""
        self._mine.clear()
        shutil.rmtree(self.folder, ignore_errors=True)
