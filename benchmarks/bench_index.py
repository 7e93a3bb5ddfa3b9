"""Index stage CPU: `build_indexes` of a real build, run in-process, per job and per worker.

    python benchmarks/bench_index.py [DOCS_DIR ...] [--repeat N] [--jobs N]

For each docs folder (default: both shared corpora) it builds the site once (`--no-cache`, so
the pages are rendered), and, inside that build, runs the index stage (`build_indexes`) N times,
in the foreground (the build runs it beside the page writers, where its CPU does not show). Per run it prints the wall time, the CPU seconds of this process and of the forked index
workers (user + sys), and per worker the CPU of the indexes it built (which, and how long each
took), so the balance between the workers shows. Figures, not asserts: run it with `nice -n 5`
and read the load average it prints; compare two versions side by side in one session (for
`main`: `PYTHONPATH=<a folder whose mintrender is main's renderer/>`).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent.parent / "shared" / "corpora"

import mintrender.index.sections as glue  # noqa: E402
from mintrender.build import build  # noqa: E402
from mintrender.model import BuildOptions  # noqa: E402


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(docs: Path, repeat: int, jobs: int) -> None:
    """Build `docs` once and time `repeat` runs of its index stage."""
    log = Path(tempfile.mkdtemp(prefix="mr-bench-index-")) / "jobs.log"
    real_stage, real_one = glue.build_indexes, glue._index_one

    def one(job: Any, store: Any) -> Any:  # in the worker that builds the index
        t = time.process_time()
        out = real_one(job, store)
        (language, version), found = job
        with open(log, "a", encoding="utf-8") as f:
            line = f"{os.getpid()}\t{language or '-'}\t{version or '-'}\t{len(found)}"
            f.write(f"{line}\t{time.process_time() - t:.3f}\n")
        return out

    def stage(*args: Any, **kwargs: Any) -> Any:
        out = None
        for run in range(1, repeat + 1):
            log.write_text("", encoding="utf-8")
            wall, mine, children = time.perf_counter(), _self_cpu(), _children_cpu()
            out = real_stage(*args, **kwargs)
            wall = time.perf_counter() - wall
            mine, children = _self_cpu() - mine, _children_cpu() - children
            print(
                f"  run {run}: wall {wall:5.2f} s, CPU {mine + children:5.2f} s "
                f"(this process {mine:5.2f}, workers {children:5.2f})"
            )
            per_worker: dict[str, list[tuple[str, float]]] = defaultdict(list)
            for row in log.read_text(encoding="utf-8").splitlines():
                pid, language, version, pages, cpu = row.split("\t")
                per_worker[pid].append((f"{language}/{version}:{pages}p {cpu}s", float(cpu)))
            for i, (_, done) in enumerate(sorted(per_worker.items())):
                total = sum(cpu for _, cpu in done)
                print(f"    worker {i}: {total:5.2f} s  " + "  ".join(name for name, _ in done))
        return out

    def started(config: Any, pages: Any, slots: Any, store: Any, *rest: Any) -> Any:
        return stage(config, pages, slots, store)  # measured here, not beside the writers

    real_start = glue.start_indexes
    glue.build_indexes, glue._index_one, glue.start_indexes = stage, one, started
    try:
        with tempfile.TemporaryDirectory(prefix="mr-bench-index-site-") as out:
            options = BuildOptions(
                docs_dir=docs, out_dir=Path(out) / "site", cache=False, jobs=jobs
            )
            build(options)
    finally:
        glue.build_indexes, glue._index_one, glue.start_indexes = real_stage, real_one, real_start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("docs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=0, help="0: auto, as the build")
    args = parser.parse_args()
    folders = args.docs or [CORPORA / "modelslab", CORPORA / "mintlify-docs"]
    print(f"mintrender from {Path(glue.__file__).parents[1]}")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for docs in folders:
        print(f"{docs.name}:")
        measure(docs, args.repeat, args.jobs)
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
