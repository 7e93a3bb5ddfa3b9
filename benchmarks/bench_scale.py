"""How a cold build scales with pages, workers and versions (a benchmark, not a test).

Makes big sites with `bigsite.py` (in a temporary folder, unless --sites names one to reuse),
builds each in a fresh subprocess with --no-cache semantics (no build cache), and prints per
build: wall seconds, CPU seconds (main process, workers), peak RSS of the main process and of
the largest worker, the stage timings, and the load average it ran under.

    python benchmarks/bench_scale.py [--copies 1 3 9] [--versions 3 6 25] [--jobs 1 2]
                                     [--languages 4] [--sites DIR] [--source DIR] [--repeat 1]

Time per page should stay flat as pages grow; memory should stay flat as versions grow.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

BUILD = r"""
import inspect, json, os, resource, sys, time
from pathlib import Path
from mintrender.build import build
from mintrender.model import BuildOptions
kwargs = {"docs_dir": Path(sys.argv[1]), "out_dir": Path(sys.argv[2]), "jobs": int(sys.argv[3])}
if "cache" in inspect.signature(BuildOptions).parameters:
    kwargs["cache"] = False  # a cold build
t0, c0 = time.perf_counter(), os.times()
result = build(BuildOptions(**kwargs))
c1 = os.times()
print(json.dumps({
    "seconds": time.perf_counter() - t0,
    "pages": len(result.pages),
    "cpu_main": c1.user - c0.user + c1.system - c0.system,
    "cpu_workers": c1.children_user - c0.children_user + c1.children_system - c0.children_system,
    "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "timings": result.timings,
    "load": os.getloadavg()[0],
}))
"""


def build_once(site: Path, jobs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run(
            [sys.executable, "-c", BUILD, str(site), str(Path(tmp) / "out"), str(jobs)],
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def make(kind: str, n: int, languages: int, sites: Path, source: Path | None) -> Path:
    out = sites / (f"copies-{n}" if kind == "copies" else f"versions-{languages}x{n}")
    if not (out / "docs.json").exists():
        args = ["copies", str(n), str(out)] if kind == "copies" else ["versions", str(out)]
        if kind == "versions":
            args += ["--languages", str(languages), "--versions", str(n)]
        if source is not None:
            args += ["--source", str(source)]
        subprocess.run([sys.executable, str(HERE / "bigsite.py"), *args], check=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--copies", type=int, nargs="*", default=[1, 3, 9])
    parser.add_argument("--versions", type=int, nargs="*", default=[3, 6, 25])
    parser.add_argument("--languages", type=int, default=4)
    parser.add_argument("--jobs", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--sites", type=Path, help="folder to keep the generated sites in")
    parser.add_argument("--source", type=Path, help="site to multiply (default: mintlify-docs)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sites = args.sites or Path(tmp)
        print(f"load average at start: {os.getloadavg()[0]:.2f}")
        print(
            f"{'site':<16}{'jobs':>5}{'pages':>7}{'wall s':>8}{'ms/page':>8}{'cpu main':>9}"
            f"{'cpu wk':>8}{'main MB':>8}{'wk MB':>7}{'load':>6}  stages (s)"
        )
        plan = [("copies", n) for n in args.copies] + [("versions", n) for n in args.versions]
        for kind, n in plan:
            site = make(kind, n, args.languages, sites, args.source)
            for jobs in args.jobs:
                runs = [build_once(site, jobs) for _ in range(args.repeat)]
                wall = statistics.median(r["seconds"] for r in runs)
                r = runs[0]
                stages = {
                    k: round(statistics.median(x["timings"].get(k, 0) for x in runs), 1)
                    for k in ("render", "index", "write")
                }
                print(
                    f"{site.name:<16}{jobs:>5}{r['pages']:>7}{wall:>8.1f}"
                    f"{1000 * wall / max(r['pages'], 1):>8.2f}"
                    f"{statistics.median(x['cpu_main'] for x in runs):>9.1f}"
                    f"{statistics.median(x['cpu_workers'] for x in runs):>8.1f}"
                    f"{max(x['main_mb'] for x in runs):>8.0f}{max(x['worker_mb'] for x in runs):>7.0f}"
                    f"{r['load']:>6.1f}  {stages}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
