"""The `mintrender-check` pre-commit hook, run by `pre-commit try-repo` on a fixture repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.packaging


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def test_hook_reports_findings_in_committed_docs(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    if not Path(pre_commit).exists():
        pytest.skip("pre-commit is not installed (pip install 'mintrender[test]')")
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    (repo / "docs" / "docs.json").write_text(
        '{"name": "x", "theme": "mint", "colors": {"primary": "#000000"},\n'
        ' "navigation": {"pages": ["index"]}}\n',
        encoding="utf-8",
    )
    (repo / "docs" / "index.mdx").write_text("---\ntitle: Home\n---\n\nSee [x](/nope).\n", "utf-8")
    (repo / "README.md").write_text("Not docs: [x](/nope)\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "init")
    # one hook environment per mintrender commit, kept between runs (it takes minutes to make)
    home = Path(tempfile.gettempdir()) / "mintrender-pre-commit-home"
    proc = subprocess.run(
        [pre_commit, "try-repo", str(ROOT), "mintrender-check", "--all-files"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=1200,
        env={**os.environ, "PRE_COMMIT_HOME": str(home)},
    )
    out = proc.stdout + proc.stderr
    if "An error has occurred" in out and ("pip" in out or "Could not" in out):
        pytest.skip(f"pre-commit could not install the hook environment (offline?): {out[-400:]}")
    assert proc.returncode == 1, out
    assert "mintrender check" in out and "Failed" in out
    assert "docs/index.mdx:5:9: warning: link '/nope'" in out
    assert "README.md" not in out.split("Failed", 1)[1]  # outside the docs folder
