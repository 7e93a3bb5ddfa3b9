"""`fileio.read_bytes`: what `Path.read_bytes()` gives, with fewer system calls."""

from __future__ import annotations

from pathlib import Path

import pytest

from mintrender.fileio import read_bytes


@pytest.mark.parametrize("size", [0, 1, 65535, 65536, 65537, 300_001])
def test_reads_whole_files_of_any_size(tmp_path: Path, size: int) -> None:
    path = tmp_path / "f.bin"
    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    path.write_bytes(data)
    assert read_bytes(path) == data == path.read_bytes()
    assert read_bytes(str(path), 100) == data[:100]
    assert read_bytes(path, 0) == b""


def test_fails_as_path_read_bytes_does(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_bytes(tmp_path / "missing")
    with pytest.raises(IsADirectoryError):
        read_bytes(tmp_path)
