"""The whole build table of issue 15: mintrender beside its floors, its cache and its peers.

For each corpus (default: ../shared/corpora/mintlify-docs and ../shared/corpora/modelslab):

* mintrender cold build (`mintrender build --jobs 2`, search in every language of the site;
  `--no-cache` once the build has a persistent cache): wall median of `--repeat` runs;
* the floors over the same page files: markdown-it-py + Pygments rendering one HTML file per
  page (`bench_build.py`'s baseline), and lunr.py indexing the same page texts (one document per
  heading section, English pipeline, one index, serialized);
* the build cache (when `mintrender build --help` offers `--no-cache`): a cold build filling an
  empty `--cache-dir`; the unchanged site built again into a new output folder (a CI job that
  keeps only the cache) and over the last output (a writer's machine: unchanged files are
  linked); and a build after editing one page, over the last output. Cold builds always write
  into a new output folder, as in a fresh checkout, and so do the peers;
* with `--peers`: MkDocs 1.6 + mkdocs-material and Zensical (latest installable), installed into
  a venv (`--peers-venv DIR` keeps it for the next run), building the same pages converted to plain
  Markdown by `mdx_to_markdown.py`, with each ratio taken from this run;
* with `--big`: 9 copies of mintlify-docs (~9,600 pages, `--jobs 1` and `--jobs 2`) and a
  versioned multi-language site (~25,000 pages), both made by `bigsite.py`.

Every measurement is a fresh subprocess. CPU is user + system time of the whole process tree
(`os.wait4`), the steadier figure on a busy machine; ratios are given in both. Wall is the command's own wall time (interpreter start
included) except for the floors, which time their work in-process. Memory: "peak" is
`os.wait4`'s `ru_maxrss`, exact, of the largest single process of the command's tree (the main
process or one worker); "main", "worker" (the largest descendant) and "sum" (all of the tree's
processes at once) are sampled from /proc every 200 ms (VmHWM, VmRSS), so they can miss a last
short peak. The load average is printed at the start and the end. Nothing is deleted while
builds are measured: every build (ours and the peers') writes into a folder of its own, and all
are removed at the end (a filesystem that is slow to make files just after many were deleted,
as ext4 without a journal is, would slow whichever build came next).

    python benchmarks/bench_peers.py [--repeat 3] [--peers [--peers-venv DIR]] [--big] [CORPUS ...]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_build import BASELINE as RENDER_FLOOR  # noqa: E402
from mdx_to_markdown import convert_site  # noqa: E402

CORPORA = HERE.parents[1] / "shared" / "corpora"
DEFAULT_CORPORA = [CORPORA / "mintlify-docs", CORPORA / "modelslab"]
JOBS = 2
SAMPLE_SECONDS = 0.2

LUNR_FLOOR = r"""
import json, re, resource, sys, time
from pathlib import Path
from lunr import lunr
from mintrender.load.sources import discover

docs = Path(sys.argv[1])
t0 = time.perf_counter()
documents = []
for rel in discover(docs).pages:
    text = (docs / rel).read_text(encoding="utf-8", errors="replace")
    text = re.sub(r"\A---.*?\n---[ \t]*\n", "", text, flags=re.S)
    for n, part in enumerate(re.split(r"(?m)^#{1,6} ", text)):
        head, _, body = part.partition("\n")
        body = re.sub(r"<[^>]*>|[`*_#>|\[\](){}]", " ", body)
        documents.append({"id": f"{rel}#{n}", "title": head if n else rel, "text": body})
index = lunr(ref="id", fields=[{"field_name": "title", "boost": 8}, "text"], documents=documents)
payload = json.dumps(index.serialize())
print(json.dumps({"seconds": time.perf_counter() - t0, "documents": len(documents),
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

PEERS: dict[str, tuple[str, ...]] = {
    "MkDocs-Material": ("mkdocs>=1.6,<1.7", "mkdocs-material"),
    "Zensical": ("zensical",),
}
"""Peer name -> pip requirements (each peer installed by its own pip call)."""
PEER_DISTRIBUTIONS = {"MkDocs-Material": ("mkdocs", "mkdocs-material"), "Zensical": ("zensical",)}


@dataclass(frozen=True, slots=True)
class Run:
    """One measured command."""

    seconds: float
    """Wall time (or the in-process time a floor script reports)."""
    peak_mb: float
    """ru_maxrss of the largest process of the tree (os.wait4), exact."""
    main_mb: float
    """Sampled VmHWM of the command's own process."""
    worker_mb: float
    """Sampled VmHWM of its largest descendant (0 without workers)."""
    sum_mb: float
    """Sampled peak of the tree's summed VmRSS."""
    cpu: float = 0.0
    """User + system CPU seconds of the whole tree (os.wait4): steadier than wall on a busy
    machine."""
    error: str = ""
    """The last line of stderr when the command failed."""
    output: str = ""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # .pyc warm, as on a user's machine
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def _ppid(pid: str) -> int:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return int(f.read().rsplit(b")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return 0


def _memory(pid: int) -> tuple[int, int]:
    """(VmHWM kB, VmRSS kB) of a process, zeros when it is gone."""
    hwm = rss = 0
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
                elif line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return hwm, rss


def _tree(root: int) -> dict[int, tuple[int, int]]:
    """{pid: (VmHWM, VmRSS)} of `root` and its descendants (a scan of /proc)."""
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            children.setdefault(_ppid(name), []).append(int(name))
    members = [root]
    for pid in members:  # grows while it is walked: breadth first
        members.extend(children.get(pid, ()))
    return {pid: _memory(pid) for pid in members}


def measure(cmd: Sequence[str], cwd: Path | None = None) -> Run:
    """Run `cmd` in a fresh process, its wall time and memory (see the module docstring)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        try:
            proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, env=_env())
        except OSError as exc:
            return Run(0, 0, 0, 0, 0, error=f"{cmd[0]}: {exc}")
        main_kb = worker_kb = sum_kb = 0
        hwm: dict[int, int] = {}
        # a thread waits for the process, so the wall time is exact (not a multiple of the
        # memory sampling interval); the process tree is sampled meanwhile
        ended: list[tuple[float, int, Any]] = []
        done = threading.Event()

        def wait() -> None:
            _, status, usage = os.wait4(proc.pid, 0)
            ended.append((time.perf_counter(), status, usage))
            done.set()

        waiter = threading.Thread(target=wait, daemon=True)
        waiter.start()
        while not done.is_set():
            tree = _tree(proc.pid)
            for p, (h, _) in tree.items():
                hwm[p] = max(hwm.get(p, 0), h)
            sum_kb = max(sum_kb, sum(r for _, r in tree.values()))
            done.wait(SAMPLE_SECONDS)
        waiter.join()
        t_end, status, usage = ended[0]
        seconds = t_end - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        main_kb = hwm.pop(proc.pid, 0)
        worker_kb = max(hwm.values(), default=0)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    error = ""
    if proc.returncode != 0:
        lines = [ln.strip() for ln in (stderr or stdout).splitlines() if ln.strip()]
        error = f"exit {proc.returncode}: " + (lines[-1][:160] if lines else "no output")
    return Run(
        seconds,
        usage.ru_maxrss / 1024,
        main_kb / 1024,
        worker_kb / 1024,
        sum_kb / 1024,
        usage.ru_utime + usage.ru_stime,
        error,
        stdout,
    )


def measure_script(script: str, *args: str) -> Run:
    """A floor script: its in-process seconds, the memory of its process."""
    run = measure([sys.executable, "-c", script, *args])
    if run.error:
        return run
    try:
        reported = json.loads(run.output.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return Run(0, 0, 0, 0, 0, error="no JSON line in the floor's output")
    return Run(reported["seconds"], run.peak_mb, run.main_mb, run.worker_mb, run.sum_mb, run.cpu)


# -- table ------------------------------------------------------------------------------------

HEADER = (
    f"  {'':<56}{'wall s':>8}{'CPU s':>8}{'peak MB':>9}{'main MB':>9}{'worker MB':>10}{'sum MB':>8}"
)


def _median(runs: list[Run]) -> Run | None:
    ok = [r for r in runs if not r.error]
    if not ok:
        return None
    return Run(
        statistics.median(r.seconds for r in ok),
        max(r.peak_mb for r in ok),
        max(r.main_mb for r in ok),
        max(r.worker_mb for r in ok),
        max(r.sum_mb for r in ok),
        statistics.median(r.cpu for r in ok),
    )


def row(label: str, runs: list[Run], note: str = "") -> Run | None:
    """Print one table row (median wall, largest memory of the runs); the median run or None."""
    med = _median(runs)
    if med is None:
        error = runs[-1].error if runs else "not run"
        print(f"  {label:<56}error: {error}", flush=True)
        return None
    n = f"  (median of {len([r for r in runs if not r.error])}){note}"
    print(
        f"  {label:<56}{med.seconds:>8.2f}{med.cpu:>8.2f}{med.peak_mb:>9.0f}{med.main_mb:>9.0f}"
        f"{med.worker_mb:>10.0f}{med.sum_mb:>8.0f}{n}",
        flush=True,
    )
    return med


def ratio_line(text: str, slow: Run | None, fast: Run | None, target: str) -> None:
    if slow is None or fast is None or fast.seconds <= 0:
        print(f"  {text}: n/a ({target})", flush=True)
        return
    cpu = f", CPU {slow.cpu / fast.cpu:.1f}x" if slow.cpu > 0 and fast.cpu > 0 else ""
    print(f"  {text}: wall {slow.seconds / fast.seconds:.1f}x{cpu} ({target})", flush=True)


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


# -- mintrender -------------------------------------------------------------------------------


def mintrender_cmd(docs: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "mintrender", "build", str(docs), "-o", str(out), "-q", *extra]


def has_build_cache() -> bool:
    """Whether this mintrender's build has a persistent cache (`--no-cache` in its help)."""
    proc = subprocess.run(
        [sys.executable, "-m", "mintrender", "build", "--help"],
        capture_output=True,
        text=True,
        env=_env(),
    )
    return "--no-cache" in proc.stdout


def warm_bytecode() -> None:
    """Compile mintrender's modules once, as an installed package has them."""
    import mintrender

    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(mintrender.__file__).parent)],
        env=_env(),
        check=False,
        stdout=subprocess.DEVNULL,
    )


def edit_page(site: Path, n: int) -> str:
    """Append a paragraph to one page of `site` (the same page each time); its path."""
    from mintrender.load.sources import discover

    pages = discover(site).pages
    rel = next((p for p in pages if p.rsplit(".", 1)[0] == "index"), pages[0])
    with (site / rel).open("a", encoding="utf-8") as f:
        f.write(f"\n\nEdited for the benchmark, edit number {n}.\n")
    return rel


def cache_rows(corpus: Path, tmp: Path, repeat: int, cold: Run | None) -> None:
    if not has_build_cache():
        print(f"  {'build cache rows':<56}n/a (no build cache: no --no-cache flag)", flush=True)
        return
    site = tmp / "cache-site"
    shutil.copytree(corpus, site)
    fills = []
    for r in range(repeat):  # each into a new output folder, as the cold build
        cache = tmp / f"cache-{r}"
        out = tmp / f"cache-out-{r}"
        fills.append(
            measure(mintrender_cmd(site, out, "--jobs", str(JOBS), "--cache-dir", str(cache)))
        )
    row("cold build filling an empty --cache-dir", fills)
    cache, out = tmp / "cache-0", tmp / "cache-out-0"
    # a CI job: the cache folder kept from the last run, the output folder new
    row(
        "unchanged site, warm cache, new output folder",
        [
            measure(
                mintrender_cmd(
                    site, tmp / f"ci-out-{r}", "--jobs", str(JOBS), "--cache-dir", str(cache)
                )
            )
            for r in range(repeat)
        ],
    )
    # a writer's machine: the last build's output replaced (its unchanged files linked)
    warm = row(
        "second build, unchanged site (warm cache)",
        [
            measure(mintrender_cmd(site, out, "--jobs", str(JOBS), "--cache-dir", str(cache)))
            for _ in range(repeat)
        ],
    )
    edited = []
    for r in range(repeat):
        rel = edit_page(site, r)
        edited.append(
            measure(mintrender_cmd(site, out, "--jobs", str(JOBS), "--cache-dir", str(cache)))
        )
    edit = row(f"build after editing one page ({rel})", edited)
    ratio_line("cold build / unchanged-site build", cold, warm, "target >= 5x")
    ratio_line("one-page-edit build / unchanged-site build", edit, warm, "target <= 1.5x")


# -- peers ------------------------------------------------------------------------------------


def _version(python: Path, dist: str) -> str:
    proc = subprocess.run(
        [str(python), "-c", f"import importlib.metadata as m; print(m.version({dist!r}))"],
        capture_output=True,
        text=True,
    )
    return proc.stdout.strip() if proc.returncode == 0 else ""


def install_peers(venv: Path) -> dict[str, str]:
    """Install each peer into `venv` unless it is there; {peer: version or 'error: ...'}."""
    python = venv / "bin" / "python"
    if not python.exists():
        proc = subprocess.run(
            [sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True
        )
        if proc.returncode != 0:
            message = (proc.stderr.strip().splitlines() or ["venv failed"])[-1]
            return {peer: f"error: {message}" for peer in PEERS}
    found: dict[str, str] = {}
    for peer, requirements in PEERS.items():
        versions = [_version(python, d) for d in PEER_DISTRIBUTIONS[peer]]
        if not all(versions):
            proc = subprocess.run(
                [str(python), "-m", "pip", "install", "-q", *requirements],
                capture_output=True,
                text=True,
            )
            if proc.returncode != 0:
                lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("ERROR")]
                found[peer] = "error: pip: " + (lines or ["install failed"])[-1][:160]
                continue
            versions = [_version(python, d) for d in PEER_DISTRIBUTIONS[peer]]
        found[peer] = " + ".join(
            f"{d} {v}" for d, v in zip(PEER_DISTRIBUTIONS[peer], versions, strict=True)
        )
    return found


def peer_cmd(peer: str, venv: Path) -> list[str]:
    if peer == "Zensical":
        return [str(venv / "bin" / "zensical"), "build", "--clean", "-f", "zensical.toml"]
    return [str(venv / "bin" / "mkdocs"), "build", "-q", "-f", "mkdocs.yml"]


def peer_run(peer: str, venv: Path, project: Path, tmp: Path) -> Run:
    """One build of the converted project, in a fresh copy (no cache, no previous output),
    kept until the end of the benchmark (see `main`)."""
    work = Path(tempfile.mkdtemp(prefix=f"peer-{peer}-", dir=tmp))
    shutil.copytree(project, work, dirs_exist_ok=True)
    run = measure(peer_cmd(peer, venv), cwd=work)
    if not run.error and not (work / "site" / "index.html").is_file():
        run = Run(0, 0, 0, 0, 0, error="no site/index.html written")
    return run


# -- one corpus -------------------------------------------------------------------------------


def bench_corpus(
    corpus: Path, args: argparse.Namespace, peers: dict[str, str], venv: Path | None, keep: Path
) -> None:
    from mintrender.load.sources import discover

    pages = len(discover(corpus).pages)
    print(f"\n{corpus.name}: {pages:,} page files", flush=True)
    print(HEADER, flush=True)
    cache_flag = ("--no-cache",) if has_build_cache() else ()
    tmp = Path(tempfile.mkdtemp(prefix="bench-peers-", dir=keep))  # kept: see `main`
    project = tmp / "markdown"
    ready = {}
    if venv is not None:
        convert_site(corpus, project)
        ready = {p: v for p, v in peers.items() if not v.startswith("error")}
    runs: dict[str, list[Run]] = {
        "cold": [],
        "render": [],
        "lunr": [],
        **{p: [] for p in ready},
    }
    for r in range(args.repeat):  # interleaved, so a change of load hits every row alike
        out = tmp / f"out-{r}"  # new: a cold build as in a fresh checkout
        runs["cold"].append(measure(mintrender_cmd(corpus, out, "--jobs", str(JOBS), *cache_flag)))
        runs["render"].append(measure_script(RENDER_FLOOR, str(corpus), str(tmp / "floor")))
        runs["lunr"].append(measure_script(LUNR_FLOOR, str(corpus)))
        for peer in ready:
            runs[peer].append(peer_run(peer, venv, project, tmp))  # type: ignore[arg-type]
    label = f"mintrender cold build (--jobs {JOBS}{' --no-cache' if cache_flag else ''})"
    cold = row(label, runs["cold"])
    render = row("render floor (markdown-it-py + Pygments)", runs["render"])
    lunr = row("index floor (lunr.py over the page texts)", runs["lunr"])
    if render and lunr:
        both = Run(render.seconds + lunr.seconds, 0, 0, 0, 0, render.cpu + lunr.cpu)
        ratio_line(
            "cold build / (render floor + index floor)", cold, both, "issue 15: at the floor"
        )
    cache_rows(corpus, tmp, args.repeat, cold)
    if venv is None:
        return
    results = {}
    for peer, version in peers.items():
        if version.startswith("error"):
            print(f"  {peer:<56}{version}", flush=True)
            continue
        results[peer] = row(f"{peer} ({version})", runs[peer])
    for peer, result in results.items():
        ratio_line(f"{peer} / mintrender cold build", result, cold, "target >= 4x")


# -- big sites --------------------------------------------------------------------------------


def bench_big(tmp: Path, args: argparse.Namespace) -> None:
    bigsite = HERE / "bigsite.py"
    print("\nbig sites (mintrender only, cold, each 1 run unless --big-repeat)", flush=True)
    if not bigsite.is_file():
        print("  n/a (benchmarks/bigsite.py not found)", flush=True)
        return
    cache_flag = ("--no-cache",) if has_build_cache() else ()
    print(HEADER, flush=True)
    plans: list[tuple[str, list[str], Callable[[Run | None, dict[int, Run | None]], None]]] = [
        ("copies", ["copies", "9"], _copies_targets),
        ("versions", ["versions"], _versions_targets),
    ]
    for name, gen_args, targets in plans:
        site = tmp / name
        proc = subprocess.run(
            [sys.executable, str(bigsite), *gen_args[:1], *gen_args[1:], str(site)],
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            tail = (proc.stderr.strip().splitlines() or ["failed"])[-1]
            print(f"  {name:<56}error: bigsite.py: {tail}", flush=True)
            continue
        pages = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else "?"
        by_jobs: dict[int, Run | None] = {}
        for jobs in (JOBS, 1) if name == "copies" else (JOBS,):
            runs = []
            for _ in range(args.big_repeat):  # each into a new output folder (cold), kept
                out = Path(tempfile.mkdtemp(prefix=f"out-{name}-", dir=tmp)) / "site"
                runs.append(measure(mintrender_cmd(site, out, "--jobs", str(jobs), *cache_flag)))
            by_jobs[jobs] = row(f"{name}: {pages} (--jobs {jobs})", runs)
        targets(by_jobs.get(JOBS), by_jobs)


def _limits(run: Run | None, seconds: float, mb: float) -> str:
    if run is None:
        return "n/a"
    process = max(run.main_mb, run.worker_mb, run.peak_mb)
    return (
        f"{run.seconds:.1f} s (target < {seconds:.0f} s), largest process {process:.0f} MB "
        f"(target < {mb:.0f} MB)"
    )


def _copies_targets(run: Run | None, by_jobs: dict[int, Run | None]) -> None:
    print(f"  9,600 pages: {_limits(run, 25, 500)}", flush=True)
    ratio_line(
        "--jobs 1 / --jobs 2 (speed-up from 1 to 2 workers)",
        by_jobs.get(1),
        run,
        "issue 15: report it",
    )


def _versions_targets(run: Run | None, by_jobs: dict[int, Run | None]) -> None:
    print(f"  ~25,000 pages: {_limits(run, 120, 1024)}", flush=True)


# -- main -------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpora", nargs="*", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--repeat", type=int, default=3, help="runs per row (default: 3)")
    parser.add_argument("--peers", action="store_true", help="also MkDocs-Material and Zensical")
    parser.add_argument(
        "--peers-venv",
        type=Path,
        help="venv for the peers, kept for the next run (default: a temporary one)",
    )
    parser.add_argument("--big", action="store_true", help="also the 9,600 and ~25,000-page sites")
    parser.add_argument(
        "--big-repeat", type=int, default=1, help="runs per big-site row (default: 1)"
    )
    parser.add_argument(
        "--big-only", action="store_true", help="only the big-site rows (implies --big)"
    )
    args = parser.parse_args(argv)

    import mintrender

    print(
        f"load average at start: {load_average()} ({os.cpu_count()} CPUs); "
        f"mintrender {getattr(mintrender, '__version__', '?')}, Python {platform.python_version()}",
        flush=True,
    )
    warm_bytecode()
    with tempfile.TemporaryDirectory(prefix="bench-peers-venv-") as tmp_venv:
        venv: Path | None = None
        peers: dict[str, str] = {}
        if args.peers:
            venv = args.peers_venv.resolve() if args.peers_venv else Path(tmp_venv) / "venv"
            peers = install_peers(venv)
            for peer, version in peers.items():
                print(f"peer {peer}: {version}", flush=True)
        # Nothing is deleted while builds are measured: each build writes into a folder of its
        # own, all removed at the end. On a filesystem without a journal, ext4 reuses no inode
        # freed in the last minute or more, and a build just after a big deletion pays for it
        # (CPU, in the kernel): whichever tool ran after the deletion would be slowed.
        with tempfile.TemporaryDirectory(prefix="bench-peers-") as keep:
            for corpus in [] if args.big_only else args.corpora:
                bench_corpus(corpus.resolve(), args, peers, venv, Path(keep))
            if args.big or args.big_only:
                bench_big(Path(tempfile.mkdtemp(prefix="bench-big-", dir=keep)), args)
            print(f"\nload average at end: {load_average()}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
