"""Search per language: index sizes, stem table, and query time in Chromium (mintlify-docs).

    python benchmarks/bench_search_languages.py [SITE] [--repeat N]

SITE is an offline build of ../shared/corpora/mintlify-docs (built into a temporary folder when
omitted). For each language index it prints the raw and gzipped size and, for the languages
with a pipeline of their own, the size of the stem table (`forms`). Then, in headless Chromium
from file://, it times the UI's `find` for each query of tests/search_queries_i18n.json (median
of N runs per query, then the median over the queries), and a stem-table lookup per word.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from test_search_support import MINTLIFY, browser, read_index_script  # noqa: E402

from mintrender.build import build  # noqa: E402
from mintrender.model import BuildOptions  # noqa: E402

TIME_QUERY = """([typed, repeat]) => mrSearch.load().then(idx => {
  const runs = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    idx.find(typed);
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return runs[runs.length >> 1];
})"""

TIME_LOOKUP = """() => mrSearch.load().then(idx => {
  const words = [...idx.forms.keys()];
  const t0 = performance.now();
  let n = 0;
  for (let r = 0; r < 20; r++) for (const w of words) if (idx.forms.get(w)) n++;
  return [(performance.now() - t0) * 1e3 / (20 * words.length), words.length];
})"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    site: Path = args.site or Path(tempfile.mkdtemp(prefix="mr-bench-i18n-")) / "site"
    if args.site is None:
        build(BuildOptions(docs_dir=MINTLIFY, out_dir=site, mode="offline"))
    cases = json.loads((REPO / "tests" / "search_queries_i18n.json").read_text(encoding="utf-8"))
    print("index          raw bytes   gzip bytes   stem table raw / gzip")
    for path in sorted((site / "_mintrender").glob("search-index*.js")):
        raw = path.read_bytes()
        payload = read_index_script(path)
        forms = json.dumps(payload.get("forms", []), ensure_ascii=False).encode()
        table = f"{len(forms):>9} / {len(gzip.compress(forms, 9))}" if "forms" in payload else "-"
        print(f"{path.name:<24}{len(raw):>10}{len(gzip.compress(raw, 9)):>13}   {table}")
    medians: list[float] = []
    with browser() as b:
        for language, items in sorted(cases["languages"].items()):
            page = b.new_page()
            page.goto((site / language / "index.html").as_uri())
            page.wait_for_function("window.mrSearch !== undefined")
            times = [page.evaluate(TIME_QUERY, [q["typed"], args.repeat]) for q in items]
            per_word, words = page.evaluate(TIME_LOOKUP)
            medians += times
            print(
                f"{language}: median query {statistics.median(times):.2f} ms "
                f"(max {max(times):.2f} ms over {len(times)} queries); "
                f"stem lookup {per_word:.3f} us/word over {words} forms"
            )
            page.close()
    print(f"all: median query {statistics.median(medians):.2f} ms over {len(medians)} queries")


if __name__ == "__main__":
    main()
