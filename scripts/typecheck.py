"""Run mypy on the `mintrender` package from the repository's folders.

mypy follows neither setuptools' editable import hook nor the `package-dir` mapping, so this
lays out `build/mypy/mintrender/` as links to `renderer/*`, `components/` and `themes/` (build/
is ignored by git) and runs mypy with the settings of pyproject.toml's `[tool.mypy]`.

    python scripts/typecheck.py [MYPY ARGS...]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def link_tree() -> Path:
    tree = ROOT / "build" / "mypy" / "mintrender"
    if tree.exists():
        shutil.rmtree(tree)
    tree.mkdir(parents=True)
    for entry in sorted((ROOT / "renderer").iterdir()):
        if entry.name != "__pycache__":
            (tree / entry.name).symlink_to(entry)
    for folder in ("components", "themes"):
        (tree / folder).symlink_to(ROOT / folder)
    return tree


def main(argv: list[str]) -> int:
    link_tree()
    return subprocess.call([sys.executable, "-m", "mypy", *argv], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
