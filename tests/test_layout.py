"""The package's shape: imports flow one way with no cycle, and no product module is too long."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_imports_flow_one_way_without_cycles() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_imports.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "no cycle, imports flow one way" in out.stdout


def test_the_checker_finds_a_cycle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check can fail: two modules importing each other inside functions are reported."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import check_imports
    finally:
        sys.path.pop(0)
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert check_imports.cycles(graph) == [["a", "b", "c"]]
    assert check_imports.layer_of("mintrender.write.site") == "write"
    assert check_imports.layer_of("mintrender.components.cards") == "parse"
    assert check_imports.RANK["index"] < check_imports.RANK["write"]
    # imports inside functions and under TYPE_CHECKING count
    x, y = tmp_path / "x.py", tmp_path / "y.py"
    x.write_text("def f():\n    from mintrender.y import g  # why\n")
    y.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import mintrender.x\n")
    known = {"mintrender.x": x, "mintrender.y": y}
    monkeypatch.setattr(check_imports, "ROOT", tmp_path)
    edges = check_imports.edges(known)
    assert {(e.source, e.target, e.in_function) for e in edges} == {
        ("mintrender.x", "mintrender.y", True),
        ("mintrender.y", "mintrender.x", False),
    }
    graph = {name: {e.target for e in edges if e.source == name} for name in known}
    assert check_imports.cycles(graph) == [["mintrender.x", "mintrender.y"]]
