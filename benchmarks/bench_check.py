"""`mintrender check` beside Mintlify's `mint broken-links` on ModelsLab (a benchmark, not a test).

Prints, for each run: wall seconds, CPU seconds (user + system, children included) and peak
memory; then the ratio. `mint broken-links` runs in the same session when the `mint` npm package
is installed: pass `--mint PATH/TO/node_modules/.bin/mint`, or let the script find `mint` on
PATH, or `--install-mint` to `npm install mint` into a temporary folder first. Without it the
figure measured earlier on this machine is printed instead, marked as recorded.

The machine is shared: wall time moves with the load, CPU seconds much less, so both are shown.

Then, for the issue's second target, `check` of mintlify-docs (cold) beside `build` of ModelsLab
(`--no-build` skips it). Every block states the load average it ran under.

    python benchmarks/bench_check.py [--repeat 3] [--mint PATH | --install-mint] [--no-build]
                                     [CORPUS_DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1] / "shared" / "corpora" / "modelslab"
RECORDED_MINT = {"wall": 31.0, "rss_mb": 450.0}
"""`mint broken-links` (mint 4.2) on ModelsLab measured by the lead on this machine, idle."""


WRAPPER = r"""
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stdout.write(proc.stdout)
sys.stderr.write(proc.stderr[-2000:] + "\n" + json.dumps({
    "rc": proc.returncode, "wall": wall, "cpu": ru.ru_utime + ru.ru_stime,
    "rss_mb": ru.ru_maxrss / 1024}))
"""


def measure(cmd: list[str], cwd: Path) -> dict[str, float]:
    """Wall and CPU seconds (its child processes included) and peak RSS of one run of `cmd`,
    taken by a wrapper process of its own so that one run's peak is not another's."""
    proc = subprocess.run(
        [sys.executable, "-c", WRAPPER, *cmd], cwd=cwd, capture_output=True, text=True, timeout=1800
    )
    stats = json.loads(proc.stderr.strip().rsplit("\n", 1)[-1])
    if stats["rc"] not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({stats['rc']}):\n{proc.stderr[-2000:]}")
    return {"wall": stats["wall"], "cpu": stats["cpu"], "rss_mb": stats["rss_mb"]}


def best(runs: list[dict[str, float]], key: str) -> float:
    return min(r[key] for r in runs)


def find_mint(args: argparse.Namespace, tmp: Path) -> str | None:
    if args.mint:
        return str(args.mint)
    on_path = shutil.which("mint")
    if on_path:
        return on_path
    if args.install_mint and shutil.which("npm"):
        print("installing the mint npm package into a temporary folder ...", file=sys.stderr)
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--silent", "mint"],
            cwd=tmp,
            check=False,
            capture_output=True,
        )
        candidate = tmp / "node_modules" / ".bin" / "mint"
        return str(candidate) if candidate.exists() else None
    return None


def row(name: str, runs: list[dict[str, float]]) -> str:
    walls = [r["wall"] for r in runs]
    return (
        f"{name:40} wall {best(runs, 'wall'):6.2f}s (median {statistics.median(walls):5.2f}s)"
        f"  cpu {best(runs, 'cpu'):6.2f}s  peak {best(runs, 'rss_mb'):4.0f} MB"
    )


def edit_one_page(docs: Path, n: int) -> None:
    """A writer's save: one page gets a new paragraph (a different one each time)."""
    page = min(docs.rglob("*.mdx"))
    with page.open("a", encoding="utf-8") as f:
        f.write(f"\n\nEdited for the benchmark ({n}).\n")


def compare_with_build(args: argparse.Namespace, tmp: Path) -> None:
    """The issue's second target: checking mintlify-docs (cold) against building ModelsLab."""
    big = args.corpus.parent / "mintlify-docs"
    if not big.is_dir():
        print(f"(no {big}: the check-versus-build comparison is skipped)")
        return
    check = [*MINTRENDER, "check", str(big), "--format", "json", "--no-cache"]
    # cold against cold: the build's own cache (issue 15) would make its second run a reuse
    build = [*MINTRENDER, "build", str(args.corpus), "-o", str(tmp / "site"), "--no-cache"]
    n = max(1, args.repeat // 2)
    checks = [measure(check, tmp) for _ in range(n)]
    builds = [measure(build, tmp) for _ in range(n)]
    print(f"\ncheck mintlify-docs vs build ModelsLab (load average {os.getloadavg()[0]:.1f})")
    print(row("mintrender check mintlify-docs (cold)", checks))
    print(row("mintrender build ModelsLab", builds))
    print(
        f"ratio (build ModelsLab / check mintlify-docs): wall "
        f"{best(builds, 'wall') / best(checks, 'wall'):.2f}x, "
        f"cpu {best(builds, 'cpu') / best(checks, 'cpu'):.2f}x (above 1: the check is faster)"
    )


MINTRENDER = [sys.executable, "-m", "mintrender"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--mint", type=Path, help="the mint CLI (node_modules/.bin/mint)")
    parser.add_argument("--install-mint", action="store_true")
    parser.add_argument(
        "--no-build", action="store_true", help="skip checking mintlify-docs against a build"
    )
    args = parser.parse_args()
    # timings as a user's machine has them: compiled .pyc files kept (a warm-up run writes them)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp_name:
        tmp = Path(tmp_name)
        docs = tmp / "docs"  # a writable copy: mint writes caches beside the docs
        shutil.copytree(args.corpus, docs, ignore=shutil.ignore_patterns("node_modules", ".git"))
        for path in docs.rglob("*"):
            os.chmod(path, 0o755 if path.is_dir() else 0o644)
        check = [*MINTRENDER, "check", str(docs), "--format", "json"]
        cached = [*check, "--cache-dir", str(tmp / "cache")]
        measure([*check, "--no-cache"], tmp)  # warm-up: .pyc files, file system cache
        cold = [measure([*check, "--no-cache"], tmp) for _ in range(args.repeat)]
        measure(cached, tmp)  # fills the cache
        warm = [measure(cached, tmp) for _ in range(args.repeat)]
        edited = []
        for n in range(args.repeat):
            edit_one_page(docs, n)
            edited.append(measure(cached, tmp))
        print(
            f"corpus: {args.corpus} (load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores)"
        )
        rows = [
            ("mintrender check --no-cache (cold)", cold),
            ("mintrender check (warm, nothing changed)", warm),
            ("mintrender check (warm, one page edited)", edited),
        ]
        mint_cmd = find_mint(args, tmp)
        if mint_cmd:
            mint = [
                measure([mint_cmd, "broken-links"], docs) for _ in range(max(1, args.repeat // 2))
            ]
            rows.append(("mint broken-links (same session)", mint))
            mint_wall, mint_cpu = best(mint, "wall"), best(mint, "cpu")
        else:
            mint_wall, mint_cpu = RECORDED_MINT["wall"], float("nan")
        for name, runs in rows:
            print(row(name, runs))
        if not mint_cmd:
            print(
                f"{'mint broken-links (recorded)':40} wall {RECORDED_MINT['wall']:6.2f}s"
                f"  peak {RECORDED_MINT['rss_mb']:4.0f} MB  (not installed here: earlier figure)"
            )
        for name, runs in rows[:3]:
            ratio = f"ratio mint / {name}: wall {mint_wall / best(runs, 'wall'):5.1f}x"
            if mint_cpu == mint_cpu:  # not NaN: measured in this session
                ratio += f", cpu {mint_cpu / best(runs, 'cpu'):5.1f}x"
            print(ratio)
        if not args.no_build:
            compare_with_build(args, tmp)


if __name__ == "__main__":
    main()
