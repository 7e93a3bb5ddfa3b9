"""Two builds of the same sources are byte-identical: no timestamps, random ids, hash-seed or
dict/set ordering, and no absolute or temporary paths in the output (including the zip)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sitekit import SHARED_HASH_SEED, offline_build
from test_offline_common import MODELSLAB, build_into, make_fixture

REPO = Path(__file__).resolve().parents[1]


def tree_digest(out: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file under `out`."""
    return {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def assert_same_tree(a: Path, b: Path) -> int:
    da, db = tree_digest(a), tree_digest(b)
    assert sorted(da) == sorted(db), set(da) ^ set(db)
    different = [k for k in da if da[k] != db[k]]
    assert not different, different[:20]
    return len(da)


def assert_no_build_paths(out: Path, *paths: Path) -> None:
    needles = [str(p).encode() for p in paths]
    for f in out.rglob("*"):
        if f.is_file():
            data = f.read_bytes()
            for needle in needles:
                assert needle not in data, (f, needle)


def _build_in_subprocess(docs: Path, out: Path, *args: str, seed: str) -> None:
    """A separate interpreter with its own PYTHONHASHSEED: set/dict-of-str ordering differs."""
    env = dict(os.environ, PYTHONHASHSEED=seed)
    subprocess.run(
        [sys.executable, "-m", "renderer", "build", str(docs), "-o", str(out), "-q", *args],
        check=True,
        cwd=REPO,
        env=env,
        capture_output=True,
    )


@pytest.mark.parametrize(
    "args",
    [("--offline", "--zip"), ("--base-url", "https://example.com/docs/")],
    ids=["offline-zip", "mirror"],
)
def test_fixture_builds_are_byte_identical(tmp_path: Path, args: tuple[str, ...]) -> None:
    # the sources live in two different folders too: their paths must not leak
    docs_a = make_fixture(tmp_path / "a" / "src")
    docs_b = make_fixture(tmp_path / "b" / "src")
    out_a, out_b = tmp_path / "a" / "site", tmp_path / "b" / "site"
    _build_in_subprocess(docs_a, out_a, *args, seed="1")
    _build_in_subprocess(docs_b, out_b, *args, seed="2")
    count = assert_same_tree(out_a, out_b)
    assert count > 20
    assert_no_build_paths(out_a, tmp_path, docs_a)
    if "--zip" in args:
        za = (tmp_path / "a" / "site.zip").read_bytes()
        zb = (tmp_path / "b" / "site.zip").read_bytes()
        assert za == zb
        assert str(tmp_path).encode() not in za


def test_rebuild_in_place_is_identical(tmp_path: Path) -> None:
    docs = make_fixture(tmp_path / "src")
    out = tmp_path / "site"
    build_into(docs, out, mode="offline")
    first = tree_digest(out)
    build_into(docs, out, mode="offline")
    assert tree_digest(out) == first
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")]
    assert not leftovers  # the temporary and old folders are gone


@pytest.mark.corpus
def test_modelslab_builds_are_byte_identical(tmp_path: Path) -> None:
    if not MODELSLAB.is_dir():
        pytest.skip("ModelsLab corpus not available")
    # `a` is the test run's shared `--offline --zip` build, made with PYTHONHASHSEED=11
    shared = offline_build(MODELSLAB)
    assert shared.returncode == 0, shared.stderr[-2000:]
    assert SHARED_HASH_SEED != "22"
    out_a, out_b = shared.out, tmp_path / "b" / "site"
    _build_in_subprocess(MODELSLAB, out_b, "--offline", "--zip", seed="22")
    count = assert_same_tree(out_a, out_b)
    assert count > 400
    zip_a = out_a.with_name(out_a.name + ".zip")
    assert zip_a.read_bytes() == (tmp_path / "b" / "site.zip").read_bytes()
    assert_no_build_paths(out_a, out_a.parent, MODELSLAB)
    assert_no_build_paths(out_b, tmp_path, MODELSLAB)
