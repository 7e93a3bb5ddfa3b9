"""Search benchmark: index build time and size per shared corpus, query time in Chromium.

    python benchmarks/bench_search.py [--corpus-helper] [--repeat N]

For each corpus in ../shared/corpora it runs the real build (offline mode) and times every
`build_search_index` call the build makes (one per language); with `--corpus-helper`, or when
the build fails, it indexes the crude sections of tests/test_search_support.py instead. Then it
opens the ModelsLab site in headless Chromium from file:// and times the UI's evaluation of the
30 queries of tests/search_queries.json (median of N runs each, then the median over queries),
plus the time from the last keystroke to rendered results.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from test_search_support import (  # noqa: E402
    MINTLIFY,
    MODELSLAB,
    block_network,
    browser,
    chromium_path,
    corpus_sections,
    load_queries,
    read_index_script,
    write_test_site,
)

import mintrender.index.search as search  # noqa: E402


@dataclass(frozen=True, slots=True)
class IndexRun:
    language: str
    documents: int
    terms: int
    seconds: float
    cpu_seconds: float
    raw_bytes: int
    gzip_bytes: int


def _build_real(docs: Path, out: Path) -> tuple[list[IndexRun], Path] | None:
    """Run the real build in-process, timing each `build_search_index` call it makes."""
    try:
        import mintrender.index.sections as glue
        from mintrender.build import build
        from mintrender.model import BuildOptions
    except ImportError:
        return None
    runs: list[IndexRun] = []
    original = glue.build_search_index

    def timed(sections, *, language=None):  # type: ignore[no-untyped-def]
        t, cpu = time.perf_counter(), time.process_time()
        files = original(sections, language=language)
        seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
        runs.append(
            IndexRun(
                language or "-",
                files.documents,
                files.terms,
                seconds,
                cpu,
                files.js_bytes,
                files.js_gzip_bytes,
            )
        )
        return files

    glue.build_search_index = timed  # type: ignore[assignment]
    try:
        result = build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline"))
    finally:
        glue.build_search_index = original  # type: ignore[assignment]
    if result.fatal or not (out / "index.html").exists():
        return None
    return runs, out / "index.html"


def _build_helper(
    docs: Path, out: Path, language_dirs: tuple[str, ...]
) -> tuple[list[IndexRun], Path]:
    sections = corpus_sections(docs, language_dirs=language_dirs)
    t, cpu = time.perf_counter(), time.process_time()
    files = search.build_search_index(sections)
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    home = write_test_site(out, sections, files)
    raw = files.index_js.encode()
    gz = len(gzip.compress(raw, 9))
    run = IndexRun("-", files.documents, files.terms, seconds, cpu, len(raw), gz)
    return [run], home


def _kb(n: int) -> str:
    return f"{n / 1024:,.0f} KiB"


def _query_times(home: Path, repeat: int) -> tuple[float, float, float, float]:
    """(median evaluation ms, max evaluation ms, median keystroke->render ms, index load ms)."""
    queries = [q["typed"] for q in load_queries()]
    with browser() as b:
        page = b.new_page()
        block_network(page)
        page.goto(home.as_uri())
        page.wait_for_function("window.mrSearch !== undefined")
        load_ms = page.evaluate(
            "async () => { const t = performance.now(); await mrSearch.load();"
            " return performance.now() - t; }"
        )
        per_query = page.evaluate(
            """([qs, n]) => mrSearch.load().then(idx => qs.map(typed => {
                   const q = mrSearch.mapQuery(typed), times = [];
                   for (let i = 0; i < n; i++) {
                     const t = performance.now(); idx.search(q); times.push(performance.now() - t);
                   }
                   times.sort((a, b) => a - b);
                   return times[times.length >> 1];
               }))""",
            [queries, repeat],
        )
        page.keyboard.press("Control+K")
        page.wait_for_selector(".mr-search__input", state="visible")
        render_ms: list[float] = []
        for typed in queries:
            page.fill(".mr-search__input", typed[:-1])
            page.wait_for_function(
                "q => document.querySelector('.mr-search__results')"
                ".getAttribute('data-rendered') === q",
                arg=search.query_string(typed[:-1]),
            )
            ms = page.evaluate(
                """([last, q]) => new Promise(resolve => {
                     const list = document.querySelector('.mr-search__results');
                     const input = document.querySelector('.mr-search__input');
                     const t = performance.now();
                     const obs = new MutationObserver(() => {
                       if (list.getAttribute('data-rendered') === q) {
                         obs.disconnect(); resolve(performance.now() - t);
                       }
                     });
                     obs.observe(list, {attributes: true});
                     input.value += last;
                     input.dispatchEvent(new Event('input'));
                   })""",
                [typed[-1], search.query_string(typed)],
            )
            render_ms.append(ms)
    return (
        statistics.median(per_query),
        max(per_query),
        statistics.median(render_ms),
        load_ms,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-helper", action="store_true", help="skip the real build")
    parser.add_argument("--repeat", type=int, default=21, help="runs per query (default 21)")
    args = parser.parse_args()

    homes: dict[str, Path] = {}
    with tempfile.TemporaryDirectory(prefix="mr-bench-search-") as tmp:
        for name, docs, languages in (
            ("modelslab", MODELSLAB, ()),
            ("mintlify-docs", MINTLIFY, ("cn", "es", "fr", "ja", "ko", "zh")),
        ):
            out = Path(tmp) / name
            t = time.perf_counter()
            built = None if args.corpus_helper else _build_real(docs, out)
            source = "build"
            if built is None:
                built = _build_helper(docs, out, languages)
                source = "corpus helper"
            runs, home = built
            homes[name] = home
            total = time.perf_counter() - t
            print(f"{name} ({source}, whole run {total:.1f}s)")
            for r in runs:
                print(
                    f"  index[{r.language}]: {r.documents:5d} sections {r.terms:6d} terms"
                    f"  build {r.seconds * 1000:6.0f} ms (cpu {r.cpu_seconds * 1000:5.0f} ms)"
                    f"  raw {_kb(r.raw_bytes):>9} ({r.raw_bytes:,} B)"
                    f"  gzip {_kb(r.gzip_bytes):>8} ({r.gzip_bytes:,} B)"
                )
            if len(runs) > 1:
                print(
                    f"  all languages: build {sum(r.seconds for r in runs) * 1000:.0f} ms"
                    f" (cpu {sum(r.cpu_seconds for r in runs) * 1000:.0f} ms),"
                    f" raw {_kb(sum(r.raw_bytes for r in runs))},"
                    f" gzip {_kb(sum(r.gzip_bytes for r in runs))}"
                )
            index_js = out / "_mintrender" / "search-index.js"
            if index_js.exists():
                payload = read_index_script(index_js)
                print(
                    f"  search-index.js: {len(payload['docs'])} docs, {len(payload['pages'])} pages"
                )

        if chromium_path() is None:
            print("browser: skipped (no chromium on PATH)")
            return 0
        median, worst, render, load = _query_times(homes["modelslab"], args.repeat)
        print(
            f"browser (ModelsLab, 30 queries x {args.repeat}):"
            f" median query {median:.2f} ms, slowest query {worst:.2f} ms,"
            f" keystroke->results {render:.1f} ms (incl. {search_debounce_ms()} ms debounce),"
            f" index load+decode {load:.0f} ms"
        )
    return 0


def search_debounce_ms() -> int:
    text = (REPO / "themes/mint/static/js/50-search.js").read_text(encoding="utf-8")
    for line in text.splitlines():
        if "DEBOUNCE_MS =" in line:
            return int(line.split("=")[1].strip(" ;"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
