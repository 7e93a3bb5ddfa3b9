"""CPU of the write stage's page writers (theme templates around every page), in one process.

    python benchmarks/bench_write.py [DOCS_DIR] [--repeat 3]

Builds DOCS_DIR (default: the mintlify-docs corpus) once with `--jobs 1 --no-cache` into a
temporary folder; when the build reaches its page writers, they run `--repeat` times over every
page (each into new files), alternating with and without the theme's cached parts (`{% cache %}`, write/theme.py),
and the process CPU seconds of each run are printed (figures, never asserts). Both variants
write the same bytes (tests/test_fragments.py); the build itself goes on with the last run.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DOCS = REPO.parent.parent / "shared" / "corpora" / "mintlify-docs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("docs", nargs="?", default=str(DEFAULT_DOCS))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--only", choices=("cached", "uncached"), help="one variant (e.g. under a profiler)"
    )
    args = parser.parse_args()

    from mintrender.build import build
    from mintrender.model import BuildOptions
    from mintrender.write import site

    original = site._write_share
    figures: dict[str, list[float]] = {"no cached parts": [], "cached parts": []}

    variants: list[tuple[str, dict[Any, str] | None]] = [
        ("no cached parts", None),
        ("cached parts", {}),
    ]
    if args.only:
        variants = [variants[args.only == "cached"]]

    def timed(job: Any, pages: list[Any], share: Any, progress: Any) -> None:
        share = list(share)
        for _ in range(args.repeat):
            for name, fragments in variants:
                variant = dataclasses.replace(job, fragments=fragments)
                written = len(job.writer.written)
                start = time.process_time()
                original(variant, pages, share, None)
                figures[name].append(time.process_time() - start)
                # each run writes new files, as a build does (overwriting costs more)
                for path in job.writer.written[written:]:
                    (job.writer.tmp / path).unlink()
                del job.writer.written[written:]

    site._write_share = timed  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as tmp:
        options = BuildOptions(
            docs_dir=Path(args.docs), out_dir=Path(tmp) / "site", jobs=1, cache=False
        )
        build(options)
    load = os.getloadavg()[0]
    print(f"page writers, {args.docs} (load average {load:.2f}), CPU seconds per run:")
    for name, runs in figures.items():
        if runs:
            best = f"   best {min(runs):.2f}"
            print(f"  {name:16} " + " ".join(f"{t:6.2f}" for t in runs) + best)
    if all(figures.values()):
        ratio = min(figures["cached parts"]) / min(figures["no cached parts"])
        print(f"  cached / uncached (best runs): {ratio:.2f}")


if __name__ == "__main__":
    main()
