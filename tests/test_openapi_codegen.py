"""Generated request samples (renderer/openapi/codegen.py) compile and, run against stand-ins
for their HTTP clients, send exactly the example values: no interpolation, no lost escapes."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from mintrender.openapi.codegen import HttpRequest, go


def _multipart(files: int, texts: int) -> HttpRequest:
    fields = []
    for i in range(max(files, texts)):
        if i < texts:
            fields.append((f"note{i}", f"v{i}", False))
        if i < files:
            fields.append((f"file{i}", "<file>", True))
    return HttpRequest(
        "POST",
        "https://api.example.com/merge",
        headers=(("Content-Type", "multipart/form-data"),),
        body_kind="multipart",
        fields=tuple(fields),
    )


@pytest.mark.skipif(shutil.which("go") is None, reason="needs the go toolchain")
@pytest.mark.parametrize(("files", "texts"), [(0, 2), (1, 1), (2, 0), (2, 1), (3, 2)])
def test_go_multipart_compiles_whatever_the_number_of_files(
    tmp_path: Path, files: int, texts: int
) -> None:
    """(`go vet`, bar its advice to check errors first.) Each file part used to redeclare `file, _ :=` (no new variables on left side of :=),
    and a body of text fields only imported `os` without using it."""
    code = go(_multipart(files, texts))
    assert code.count("os.Open") == files
    (tmp_path / "main.go").write_text(code)
    (tmp_path / "go.mod").write_text("module sample\n\ngo 1.19\n")
    env = {**os.environ, "GOFLAGS": "-mod=mod", "GOPROXY": "off"}
    done = subprocess.run(
        ["go", "vet", "-httpresponse=false", "."],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
