"""CPU of the parse stage alone: every page of a docs folder through `parse_source`, in one process.

    python benchmarks/bench_parse.py [DOCS_DIR ...] [--repeat 3] [--check]

For each docs folder (default: both corpora) the page files are read first (reading is not
timed), then parsed `--repeat` times with the build's parser (`--check`: the check's); the
process CPU seconds of each run are printed, and the load average before and after (figures,
never asserts). Compare two trees by running this script from each (main's and a branch's
venv or worktree), alternating, under the same load.
"""

from __future__ import annotations

import argparse
import gc
import os
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent.parent / "shared" / "corpora"
DEFAULT_DOCS = [CORPORA / "modelslab", CORPORA / "mintlify-docs"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("docs", nargs="*", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--check", action="store_true", help="the check's parser")
    args = parser.parse_args()

    from mintrender.build import parse_source
    from mintrender.errors import Diagnostics
    from mintrender.load.config import load_config
    from mintrender.load.sources import Reader, discover

    print(f"load average {os.getloadavg()[0]:.2f}; parser: {'check' if args.check else 'build'}")
    for docs in args.docs:
        config = load_config(docs, Diagnostics())
        pages = discover(docs, []).pages
        runs = []
        for _ in range(args.repeat):
            reader = Reader(config.docs_dir)
            for rel in pages:
                reader(rel)
            found = Diagnostics()
            gc.collect()
            start = time.process_time()
            for rel in pages:
                parse_source(rel, config, reader, found, for_check=args.check)
            runs.append(time.process_time() - start)
        figures = " ".join(f"{run:.2f}" for run in runs)
        print(f"{docs.name}: {len(pages)} pages, CPU s per run: {figures} (min {min(runs):.2f})")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
