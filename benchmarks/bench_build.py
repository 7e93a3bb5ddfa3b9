"""Build speed against a baseline measured in the same run (a benchmark, not a test).

For each corpus it prints:
  * the full mintrender build (parse, components, OpenAPI, search index, theme, write),
  * the baseline: plain markdown-it-py (CommonMark + tables) with Pygments highlighting of every
    fenced block, over the same page files, writing one HTML file per page,
  * their ratio, plus the build's own stage timings and peak memory of each run.

Each measurement runs in a fresh subprocess so caches and memory do not leak between them.

    python benchmarks/bench_build.py [--repeat 3] [CORPUS_DIR ...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPORA = [
    HERE.parents[1] / "shared" / "corpora" / "modelslab",
    HERE.parents[1] / "shared" / "corpora" / "mintlify-docs",
]

BASELINE = r"""
import json, resource, sys, time
from pathlib import Path
from markdown_it import MarkdownIt
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound
from mintrender.load.sources import discover

docs, out = Path(sys.argv[1]), Path(sys.argv[2])
t0 = time.perf_counter()
fmt = HtmlFormatter()
def hl(code, lang, attrs):
    try:
        return highlight(code, get_lexer_by_name(lang or "text"), fmt)
    except ClassNotFound:
        return ""
md = MarkdownIt("commonmark", {"highlight": hl}).enable("table")
pages = discover(docs).pages
for rel in pages:
    html = md.render((docs / rel).read_text(encoding="utf-8", errors="replace"))
    target = out / (rel.rsplit(".", 1)[0] + ".html")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html)
print(json.dumps({"seconds": time.perf_counter() - t0, "pages": len(pages),
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

FULL = r"""
import json, resource, sys, time
from pathlib import Path
from mintrender.build import build
from mintrender.model import BuildOptions
t0 = time.perf_counter()
result = build(BuildOptions(docs_dir=Path(sys.argv[1]), out_dir=Path(sys.argv[2]), jobs=int(sys.argv[3])))
print(json.dumps({"seconds": time.perf_counter() - t0, "pages": len(result.pages),
                  "timings": result.timings,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(script: str, *args: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run(
            [sys.executable, "-c", script, *args[:1], str(Path(tmp) / "out"), *args[1:]],
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpora", nargs="*", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    print(
        f"{'corpus':<16}{'pages':>6}{'baseline s':>12}{'mintrender s':>14}{'ratio':>8}{'base MB':>9}{'full MB':>9}"
    )
    for corpus in args.corpora:
        base = [run(BASELINE, str(corpus)) for _ in range(args.repeat)]
        full = [run(FULL, str(corpus), str(args.jobs)) for _ in range(args.repeat)]
        b = statistics.median(r["seconds"] for r in base)
        f = statistics.median(r["seconds"] for r in full)
        print(
            f"{corpus.name:<16}{full[0]['pages']:>6}{b:>12.2f}{f:>14.2f}{f / b:>7.2f}x"
            f"{max(r['maxrss_mb'] for r in base):>9.0f}{max(r['maxrss_mb'] for r in full):>9.0f}"
        )
        stages = {
            k: round(statistics.median(r["timings"].get(k, 0) for r in full), 2)
            for k in full[0]["timings"]
        }
        print(f"{'':<16}stages (median s): {stages}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
