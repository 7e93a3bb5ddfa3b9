"""`--jobs N`: forked workers give exactly the site and report of a one-process build."""

from __future__ import annotations

import filecmp
import os
from pathlib import Path

import pytest
from sitekit import build_site

from mintrender.workers import Background, auto_jobs, can_fork

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "basic"


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.mark.skipif(not can_fork(), reason="needs the fork start method")
def test_two_workers_build_the_same_site_and_report(tmp_path: Path) -> None:
    # without the build cache, or the second build would reuse the first one's pages
    one = build_site(EXAMPLE, tmp_path / "one", jobs=1, cache=False)
    two = build_site(EXAMPLE, tmp_path / "two", jobs=2, cache=False)
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")
    strip = lambda r: {k: v for k, v in r.report().items() if k != "timings"}  # noqa: E731
    assert strip(one) == strip(two)
    assert two.openapi_operations == 2
    assert not filecmp.dircmp(tmp_path / "one", tmp_path / "two").diff_files


def test_auto_jobs_keeps_small_sites_in_one_process() -> None:
    assert auto_jobs(10) == 1
    assert auto_jobs(1000) >= 1


def test_background_work_comes_back_with_its_value_or_its_error() -> None:
    """`Background` computes in another process (when it can fork) and hands back the value,
    or raises the exception the work raised; this process's state is left alone."""
    seen: list[int] = []

    def work() -> tuple[int, list[int]]:
        seen.append(1)
        return os.getpid(), [1, 2, 3]

    pid, value = Background(work).result()
    assert value == [1, 2, 3]
    if can_fork():
        assert pid != os.getpid() and seen == []

    def broken() -> None:
        raise ValueError("no such thing")

    with pytest.raises(ValueError, match="no such thing"):
        Background(broken).result()
