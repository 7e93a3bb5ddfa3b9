"""Preview server figures: time to the first page, and file write -> reload signal latency.

    python benchmarks/bench_reload.py [CORPUS ...] [--edits 15] [--starts 3] [--no-wait]

For each corpus (default: the shared ModelsLab and mintlify-docs corpora) the folder is copied to
a temporary directory and `python serve.py COPY --port P` is started as a separate process:

* first page: from process start to the first `200` answer for `/` (median of `--starts`
  fresh processes; Jinja's bytecode cache and the OS file cache are warm after the first);
* reload latency: a browser-like long-poll (`/_mintrender/reload/<epoch>?path=<page>`) is
  parked, one page file is rewritten (one paragraph appended), and the time from the write to
  the poll's `{"reload": true}` answer is measured. Samples whose answer was caused by another
  change (e.g. someone editing the theme while the benchmark runs) are discarded.

By default the edits start once the server's background pass is done (`/_mintrender/status`
says idle), i.e. the steady state of an editing session; `--no-wait` edits right away.
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
PAGES = {"modelslab": "quickstart.mdx", "mintlify-docs": "quickstart.mdx"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(port: int, path: str, timeout: float = 120) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def status(port: int) -> dict[str, Any]:
    return json.loads(get(port, "/_mintrender/status")[1])  # type: ignore[no-any-return]


def site_path(rel: str) -> str:
    stem = rel.rsplit(".", 1)[0]
    return "/" if stem == "index" else "/" + stem.removesuffix("/index")


def start(docs: Path) -> tuple[subprocess.Popen[str], int, float]:
    """Start `serve.py` on a free port; (process, port, seconds until `/` answered 200)."""
    port = free_port()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "serve.py"), str(docs), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    for _ in range(60_000):
        try:
            if get(port, "/", timeout=120)[0] == 200:
                return proc, port, time.perf_counter() - t0
        except OSError:
            time.sleep(0.005)
    stop(proc)
    raise RuntimeError("the server never answered")


def stop(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()


def bench(corpus: Path, edits: int, wait_idle: bool, starts: int) -> dict[str, Any]:
    rel = PAGES.get(corpus.name, "index.mdx")
    page = site_path(rel)
    with tempfile.TemporaryDirectory(prefix="bench-reload-") as tmp:
        docs = Path(tmp) / corpus.name
        shutil.copytree(corpus, docs)
        firsts = []
        for _ in range(starts - 1):
            proc, port, first = start(docs)
            firsts.append(first)
            stop(proc)
        proc, port, first = start(docs)
        firsts.append(first)
        t0 = time.perf_counter() - first
        try:
            ready = None
            if wait_idle:
                for _ in range(3600):
                    if status(port)["idle"]:
                        ready = time.perf_counter() - t0
                        break
                    time.sleep(0.5)
            get(port, page)
            samples: list[float] = []
            served: list[float] = []
            discarded = 0
            path = docs / rel
            original = path.read_text(encoding="utf-8")
            for i in range(edits):
                since = status(port)["epoch"]
                answer: dict[str, Any] = {}

                def poll(since: int = since, answer: dict[str, Any] = answer) -> None:
                    body = get(port, f"/_mintrender/reload/{since}?path={page}")[1]
                    answer["at"] = time.perf_counter()
                    answer.update(json.loads(body))

                thread = threading.Thread(target=poll)
                thread.start()
                time.sleep(0.25)  # the poll is parked on the server
                marker = f"BENCH-EDIT-{i}"
                written = time.perf_counter()
                path.write_text(original + f"\n\nParagraph {marker}.\n", encoding="utf-8")
                thread.join(60)
                if not answer.get("reload"):
                    discarded += 1
                    continue
                notes = {r["epoch"]: r["change"] for r in status(port)["recent"]}
                if rel not in notes.get(answer["epoch"], ""):
                    discarded += 1  # woken by some other change
                    time.sleep(0.3)
                    continue
                samples.append(answer["at"] - written)
                if marker.encode() in get(port, page)[1]:
                    served.append(time.perf_counter() - written)
                time.sleep(0.3)
            return {
                "corpus": corpus.name,
                "pages": status(port)["pages"],
                "first_page_s": statistics.median(firsts),
                "first_page_all": firsts,
                "idle_s": ready,
                "edited": rel,
                "samples": samples,
                "served": served,
                "discarded": discarded,
            }
        finally:
            stop(proc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path)
    parser.add_argument("--edits", type=int, default=15)
    parser.add_argument("--starts", type=int, default=3, help="server starts timed (median)")
    parser.add_argument("--no-wait", action="store_true", help="edit before the background pass")
    args = parser.parse_args(argv)
    corpora = args.corpora or [CORPORA / "modelslab", CORPORA / "mintlify-docs"]
    for corpus in corpora:
        r = bench(corpus.resolve(), args.edits, not args.no_wait, max(1, args.starts))
        ms = [s * 1000 for s in r["samples"]]
        served = [s * 1000 for s in r["served"]]
        idle = f"{r['idle_s']:.1f} s" if r["idle_s"] is not None else "not waited"
        print(f"{r['corpus']} ({r['pages']} pages), edited {r['edited']}")
        runs = ", ".join(f"{s:.2f}" for s in r["first_page_all"])
        print(
            f"  first page served: {r['first_page_s']:.2f} s after start (median of {runs}); "
            f"all pages rendered: {idle}"
        )
        if ms:
            print(
                f"  write -> reload signal: median {statistics.median(ms):.0f} ms, "
                f"min {min(ms):.0f}, max {max(ms):.0f} ms ({len(ms)} edits, "
                f"{r['discarded']} discarded)"
            )
        if served:
            print(f"  write -> new page served: median {statistics.median(served):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
