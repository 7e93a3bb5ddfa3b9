"""Build speed against a baseline measured in the same run (a benchmark, not a test).

For each corpus it prints:
  * the full mintrender build (parse, components, OpenAPI, search index, theme, write),
  * the baseline: plain markdown-it-py (CommonMark + tables) with Pygments highlighting of every
    fenced block, over the same page files, writing one HTML file per page,
  * their ratio, plus the build's own stage timings and peak memory of each run.

Each measurement runs in a fresh subprocess so caches and memory do not leak between them; the
build cache is off for these rows (`--no-cache`).

With `--cache`, the persistent build cache instead, on a copy of each corpus, side by side:
  * cold: a build with `--no-cache`;
  * warm: the second build of the unchanged site (the first one filled a fresh cache folder);
  * edit: a build after appending a paragraph to one page (a different one each repeat);
and the ratios cold / warm (target: at least 5x) and edit / warm (target: at most 1.5x).

    python benchmarks/bench_build.py [--repeat 3] [--jobs N] [--cache] [CORPUS_DIR ...]
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
cache = sys.argv[4] if len(sys.argv) > 4 else ""
result = build(BuildOptions(docs_dir=Path(sys.argv[1]), out_dir=Path(sys.argv[2]),
                            jobs=int(sys.argv[3]), cache_dir=Path(cache) if cache else None,
                            cache=bool(cache)))
print(json.dumps({"seconds": time.perf_counter() - t0, "pages": len(result.pages),
                  "timings": result.timings, "cache": result.cache,
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
    parser.add_argument("--cache", action="store_true", help="measure the build cache instead")
    args = parser.parse_args()
    if args.cache:
        return cache_rows(args.corpora, args.repeat, args.jobs)
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


def cache_rows(corpora: list[Path], repeat: int, jobs: int) -> int:
    """Cold, warm and one-page-edited builds of a copy of each corpus (medians of `repeat`)."""
    import os
    import shutil

    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"{'corpus':<16}{'pages':>6}{'cold s':>9}{'warm s':>9}{'edit s':>9}{'cold/warm':>11}"
        f"{'edit/warm':>11}{'warm MB':>9}"
    )
    for corpus in corpora:
        with tempfile.TemporaryDirectory() as tmp:
            docs, cache = Path(tmp) / "docs", str(Path(tmp) / "cache")
            shutil.copytree(corpus, docs, ignore=shutil.ignore_patterns("_site", ".git"))
            from mintrender.load.sources import discover

            # pages the navigation lists (their words are in the search index), else any
            config = next(docs / n for n in ("docs.json", "mint.json") if (docs / n).is_file())
            listed = config.read_text(encoding="utf-8", errors="replace")
            pages = discover(docs).pages
            pages = [p for p in pages if f'"{p.rsplit(".", 1)[0]}"' in listed] or pages
            run(FULL, str(docs), str(jobs), cache)  # fills the cache
            cold, warm, edit = [], [], []
            for i in range(repeat):
                cold.append(run(FULL, str(docs), str(jobs)))
                warm.append(run(FULL, str(docs), str(jobs), cache))
                page = docs / pages[(i * 7919) % len(pages)]
                with page.open("a", encoding="utf-8") as fh:
                    fh.write(f"\n\nEdited for the benchmark, round {i}.\n")
                edit.append(run(FULL, str(docs), str(jobs), cache))
                run(FULL, str(docs), str(jobs), cache)  # the next round's warm starts level
            c, w, e = (statistics.median(r["seconds"] for r in rows) for rows in (cold, warm, edit))
            print(
                f"{corpus.name:<16}{cold[0]['pages']:>6}{c:>9.2f}{w:>9.2f}{e:>9.2f}"
                f"{c / w:>10.1f}x{e / w:>10.2f}x{max(r['maxrss_mb'] for r in warm):>9.0f}"
            )
            for name, rows in (("warm", warm), ("edit", edit)):
                stages = {
                    k: round(statistics.median(r["timings"].get(k, 0) for r in rows), 2)
                    for k in rows[0]["timings"]
                }
                print(f"{'':<16}{name} stages (median s): {stages}; cache: {rows[-1]['cache']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
