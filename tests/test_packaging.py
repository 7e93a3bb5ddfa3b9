"""The built wheel: one import package (`mintrender`), the theme and the notices inside,
LICENSE in its dist-info, and `python -m mintrender --version` working from it.

Building takes a few seconds without build isolation (needs setuptools>=77 installed, for the
SPDX `license` field); otherwise pip fetches setuptools into an isolated environment, which
takes longer (about 20 s).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "renderer", "components", "themes")


def _setuptools_major() -> int:
    try:
        return int(version("setuptools").split(".")[0])
    except Exception:
        return 0


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel from a copy of the sources (no build/ or egg-info in the work tree)."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=ignore)
        else:
            shutil.copy2(path, src / name)
    cmd = [sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-q", "-w", str(tmp)]
    if _setuptools_major() >= 77:
        cmd.append("--no-build-isolation")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    (found,) = tmp.glob("mintrender-*.whl")
    return found


def test_wheel_contents(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/", 1)[0] for n in names}
    dist_info = next(t for t in tops if t.endswith(".dist-info"))
    assert tops == {"mintrender", dist_info}
    top_level = zipfile.ZipFile(wheel).read(f"{dist_info}/top_level.txt").decode().split()
    assert top_level == ["mintrender"]
    assert any(n.startswith(f"{dist_info}/") and n.endswith("/LICENSE") for n in names)
    for needed in (
        "mintrender/__main__.py",
        "mintrender/write/notice.py",
        "mintrender/components/__init__.py",
        "mintrender/themes/mint/NOTICE.txt",
        "mintrender/themes/mint/static/parts.json",
        "mintrender/themes/mint/static/css/00-base.css",
        "mintrender/themes/mint/static/js/10-theme.js",
        "mintrender/themes/mint/templates/partials/footer.html",
        "mintrender/check/run.py",
        "mintrender/check/docs_schema.json",  # `check` validates docs.json against it
    ):
        assert needed in names, needed
    theme_sources = [p for p in (ROOT / "themes").rglob("*") if p.is_file()]
    theme_sources = [p for p in theme_sources if "__pycache__" not in p.parts]
    for path in theme_sources:
        assert "mintrender/themes/" + path.relative_to(ROOT / "themes").as_posix() in names
    metadata = zipfile.ZipFile(wheel).read(f"{dist_info}/METADATA").decode()
    assert "License-Expression: MIT" in metadata


def test_version_from_the_wheel(wheel: Path, tmp_path: Path) -> None:
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    env = dict(os.environ, PYTHONPATH=str(unpacked))
    where = subprocess.run(
        [sys.executable, "-c", "import mintrender; print(mintrender.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert where.stdout.strip().startswith(str(unpacked)), where.stdout + where.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "mintrender", "--version"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().startswith("mintrender ")


def test_build_from_the_wheel(wheel: Path, tmp_path: Path) -> None:
    """A site with an API reference builds from the installed files alone (theme templates,
    API templates, icons and notices found inside the package, not beside a checkout)."""
    unpacked = tmp_path / "site-packages"
    zipfile.ZipFile(wheel).extractall(unpacked)
    out = tmp_path / "out"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mintrender",
            "build",
            str(ROOT / "examples" / "basic"),
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(unpacked)),
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    assert (out / "_mintrender" / "NOTICE.txt").is_file()
    api_pages = [
        p
        for p in out.rglob("index.html")
        if 'class="mr-api-header' in p.read_text(encoding="utf-8")
    ]
    assert api_pages, "no page with an API reference header"
