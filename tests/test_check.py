"""`mintrender check`: the build's diagnostics without a site, filtered by rule."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sitekit import minimal_config, write_site


def _check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "renderer", "check", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_check_reports_filters_and_writes_nothing(tmp_path: Path) -> None:
    files = {"a.mdx": "See [x](/nope).\n\n<Card>never closed\n", "b.mdx": "Fine.\n"}
    docs = write_site(tmp_path / "d", files, minimal_config(["a", "b", "gone"]))
    proc = _check(str(docs))
    assert proc.returncode == 1
    lines = proc.stdout.strip().splitlines()
    assert any(ln.startswith("a.mdx:1:9: warning:") and "[broken-link]" in ln for ln in lines)
    assert any("[nav-missing-page]" in ln for ln in lines)
    assert not (docs / "_site").exists()
    only = _check(str(docs), "--rules", "nav-*", "--format", "json")
    codes = {d["code"] for d in json.loads(only.stdout)}
    assert codes == {"nav-missing-page"}
    clean = write_site(tmp_path / "c", {"a.mdx": "Fine.\n"}, minimal_config(["a"]))
    assert _check(str(clean)).returncode == 0
