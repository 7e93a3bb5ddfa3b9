"""Build a real corpus with older releases of a dependency, each in a fresh venv of its own.

    python scripts/compat_smoke.py markdown-it-py==4.1.0 [REQUIREMENT ...] [--docs DIR]

For each requirement: a venv, this checkout and the requirement installed from the package
index, then `mintrender build DIR --no-cache` (default: the ModelsLab corpus beside the
project). Fails (exit 1) on a traceback, an internal error, a failed build or a missing page.
The test suite runs with the newest releases; this is the floor pyproject.toml promises.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MODELSLAB = REPO.parent / "shared" / "corpora" / "modelslab"


def smoke(requirement: str, docs: Path) -> list[str]:
    """What went wrong building `docs` with `requirement` installed ([] when nothing did)."""
    with tempfile.TemporaryDirectory(prefix="mintrender-compat-") as tmp:
        env_dir = Path(tmp) / "venv"
        venv.create(env_dir, with_pip=True)
        python = env_dir / ("Scripts" if sys.platform == "win32" else "bin") / "python"
        install = [str(python), "-m", "pip", "install", "--quiet", str(REPO), requirement]
        subprocess.run(install, check=True)
        out = Path(tmp) / "site"
        build = [str(python), "-m", "mintrender", "build", str(docs), "-o", str(out)]
        done = subprocess.run(
            [*build, "--no-cache", "-q"], capture_output=True, text=True, check=False
        )
        log = done.stdout + done.stderr
        problems = []
        if done.returncode != 0 or "Traceback" in log:
            problems.append(f"exit {done.returncode}:\n{log[-3000:]}")
        if "[internal-error]" in log:
            problems.append(
                "internal errors:\n"
                + "\n".join(line for line in log.splitlines() if "[internal-error]" in line)[:3000]
            )
        pages = sum(1 for _ in out.rglob("index.html")) if out.is_dir() else 0
        if pages == 0:
            problems.append("no page was written")
        return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("requirements", nargs="+")
    parser.add_argument("--docs", type=Path, default=MODELSLAB)
    args = parser.parse_args()
    failed = False
    for requirement in args.requirements:
        problems = smoke(requirement, args.docs)
        print(f"{requirement}: {'ok' if not problems else 'FAILED'}")
        for problem in problems:
            print(problem)
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
