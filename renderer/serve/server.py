"""The preview server's process side: the HTTP server, the file watcher, the background pass.

`PreviewServer` owns the threads around a `state.SiteState` and a `app.PreviewApp`: HTTP requests
(one thread each), the watcher (`watchfiles`, debounced batches applied as one change and one
reload epoch) and the background pass that renders the rest of the site; `stop()` ends them all.
`serve()` is `mintrender serve`.
"""

from __future__ import annotations

import errno
import gc
import re
import signal
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import IO, Any
from wsgiref.simple_server import ServerHandler, WSGIRequestHandler, WSGIServer

import watchfiles

from mintrender.errors import Diagnostic, sort_key
from mintrender.hints import plural, problem_counts
from mintrender.load.config import find_config
from mintrender.load.sources import IGNORED_DIRS
from mintrender.model import Safety
from mintrender.serve.app import POLL_SECONDS, PreviewApp, loopback_hosts
from mintrender.serve.changes import ChangeKind, Update
from mintrender.serve.files import make_work_dir, remove_work_dir
from mintrender.serve.reloader import Reloader
from mintrender.serve.state import SiteState

STARTUP_GRACE = 1.5
"""Seconds the background pass waits for the first page request before it starts."""
WATCH_KINDS: dict[watchfiles.Change, ChangeKind] = {
    watchfiles.Change.added: "added",
    watchfiles.Change.modified: "modified",
    watchfiles.Change.deleted: "deleted",
}


class _Handler(WSGIRequestHandler):
    timeout = 5  # an idle connection never holds shutdown for long

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        return None  # quiet: the console shows changes, not requests

    def handle(self) -> None:
        try:
            self.raw_requestline = self.rfile.readline(65537)
            if len(self.raw_requestline) > 65536:
                self.send_error(414)
                return
            if not self.parse_request():
                return
            handler = _QuietServerHandler(
                self.rfile,
                self.wfile,  # type: ignore[arg-type]  # typeshed wants IO[bytes]; BufferedIOBase works
                self.get_stderr(),
                self.get_environ(),
                multithread=True,
            )
            handler.request_handler = self  # type: ignore[attr-defined]
            handler.run(self.server.get_app())  # type: ignore[attr-defined]
        except (ConnectionError, TimeoutError):
            return


class _QuietServerHandler(ServerHandler):
    def handle_error(self) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return  # the browser went away (a tab closed mid long-poll)
        super().handle_error()


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = False
    block_on_close = True  # server_close() joins every request thread: nothing left behind
    allow_reuse_address = True


class _Server6(_Server):
    address_family = socket.AF_INET6


def bind(host: str, port: int, tries: int = 50, out: IO[str] | None = None) -> _Server:
    """Bind `host:port`, or the next free port (saying so) when it is taken."""
    last: OSError | None = None
    server_class = _Server6 if ":" in host else _Server
    for candidate in range(port, port + tries) if port else [0]:
        try:
            return server_class((host, candidate), _Handler)
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
            last = exc
            if out is not None:
                print(f"Port {candidate} is in use, trying {candidate + 1}", file=out)
    raise OSError(f"no free port from {port} to {port + tries - 1}: {last}")


class PreviewServer:
    """The preview: state, HTTP server, watcher and background threads; `stop()` ends them all."""

    def __init__(
        self,
        docs_dir: Path,
        *,
        host: str = "127.0.0.1",
        port: int = 3000,
        watch: bool = True,
        out: IO[str] | None = None,
        poll_seconds: float = POLL_SECONDS,
        step_ms: int = 10,
        freeze_gc: bool = False,
        safe: Safety | None = None,
    ) -> None:
        self.docs_dir = docs_dir.resolve()
        self.host = host
        self.port = port
        self.watch = watch
        self.out = out
        self.step_ms = step_ms
        self.freeze_gc = freeze_gc
        self.work_dir = make_work_dir()
        self.state = SiteState(self.docs_dir, self.work_dir, safe=safe)
        self.reloader = Reloader()
        self.app = PreviewApp(
            self.state, self.reloader, poll_seconds=poll_seconds, hosts=loopback_hosts(host)
        )
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._threads: list[threading.Thread] = []
        self._server: _Server | None = None
        self.updates: list[Update] = []
        """Every applied change, newest last (for tests and benchmarks)."""
        self.url = ""
        self.shown: set[Diagnostic] | None = None
        """Problems printed so far (None: the first pass is not finished)."""
        self._dirty = False

    def _say(self, text: str) -> None:
        if self.out is not None:
            print(text, file=self.out, flush=True)

    def start(self) -> str:
        """Load the site, bind, start the threads; returns the URL. Pages render on demand."""
        self._server = bind(self.host, self.port, out=self.out)
        self._server.set_app(self.app)
        port = self._server.server_address[1]
        shown = f"[{self.host}]" if ":" in self.host else self.host
        self.url = f"http://{shown}:{port}/"
        self.state.load()
        self._spawn("mintrender-http", self._server.serve_forever, 0.1)
        self._spawn("mintrender-background", self._background)
        if self.watch:
            self._spawn("mintrender-watch", self._watch)
        return self.url

    def _spawn(self, name: str, target: Callable[..., None], *args: Any) -> None:
        # daemon: a second Ctrl+C during stop() (or a search index still being built) never
        # keeps the process alive; stop() joins them all the same
        thread = threading.Thread(target=target, args=args, name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    def stop(self) -> None:
        """Stop watching, wake long-polls, close the socket, join every thread, clean up."""
        self._stop.set()
        self._wake.set()
        self.app.first_page.set()
        self.reloader.close()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()  # joins the request threads
        for thread in self._threads:
            thread.join(timeout=10)
        self._threads = []
        self.state.close()
        remove_work_dir(self.work_dir)

    def __enter__(self) -> PreviewServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- threads ---------------------------------------------------------------------------------
    def _background(self) -> None:
        # the first page a browser asks for goes first: the pass starts once it is sent
        self.app.first_page.wait(STARTUP_GRACE)
        started = time.monotonic()
        warm = False
        while not self._stop.is_set():
            try:
                busy = self.state.background_step()
            except Exception:
                traceback.print_exc(file=sys.stderr)
                busy = False
            self._dirty = self._dirty or busy
            if not busy and warm and self._dirty:
                self._dirty = False
                self.report_problems()
            if not busy and not warm and self.state.is_idle():
                warm = True
                self._dirty = False
                self.report_problems()
                info = self.state.status()
                self._say(
                    f"  all {plural(info['pages'], 'page')} rendered in "
                    f"{time.monotonic() - started:.1f}s "
                    f"({problem_counts(info['errors'], info['warnings'])})"
                )
                if self.freeze_gc:
                    # what is rendered now lives long: keep later collections from scanning it
                    gc.collect()
                    gc.freeze()
            if not busy:
                self._wake.wait(0.5)
                self._wake.clear()

    def report_problems(self) -> None:
        """Print the problems that appeared since the last call, in `build`'s lines, and a line
        for each one that went away."""
        with self.state.foreground():
            current = self.state.pages.all_problems()
        before = self.shown or set()
        for d in sorted(current - before, key=sort_key):
            self._say(d.format())
        for d in sorted(before - current, key=sort_key):
            where = f"{d.file}:{d.line}:{d.column}" if d.line else d.file
            self._say(f"  fixed: {where}: {d.message} [{d.code}]")
        self.shown = current

    def _watch(self) -> None:
        paths = [self.docs_dir]
        if self.state.theme.is_dir():
            paths.append(self.state.theme)
        while not self._stop.is_set():
            try:
                for changes in watchfiles.watch(
                    *paths,
                    watch_filter=self.wanted,
                    debounce=1000,
                    step=self.step_ms,
                    stop_event=self._stop,
                    raise_interrupt=False,
                    rust_timeout=500,
                ):
                    if self._stop.is_set():
                        return
                    self.apply([(WATCH_KINDS.get(c, "modified"), p) for c, p in changes])
            except Exception as exc:  # e.g. the docs folder vanished for a moment (git checkout)
                self._say(f"  watcher: {exc}; watching again")
                self._stop.wait(1.0)

    def apply(self, batch: list[tuple[ChangeKind, str]]) -> Update | None:
        """Apply a batch of file changes and signal the reload (the watcher calls this)."""
        try:
            update = self.state.apply_changes(batch)
        except Exception:
            traceback.print_exc(file=sys.stderr)
            self.reloader.bump(None)
            return None
        if update.affected is None or update.affected:
            self.reloader.bump(update.affected, update.summary)
        self.updates.append(update)
        del self.updates[:-100]
        self._dirty = True
        self._wake.set()
        self._say(f"  {update.summary} ({update.seconds * 1000:.0f} ms)")
        return update

    def wanted(self, change: object, path: str) -> bool:
        """Watch filter: the docs folder as discovery sees it, and the theme."""
        p = Path(path)
        name = p.name
        if name.endswith(("~", ".swp", ".swx", ".swo", ".tmp", ".crdownload", "___")) or name in (
            "4913",
            ".DS_Store",
        ):
            return False
        if name.startswith(".#") or is_temp_file(name):
            return False
        for root in (self.docs_dir, self.state.theme):
            try:
                parts = p.relative_to(root).parts
            except ValueError:
                continue
            if root == self.state.theme:
                return "__pycache__" not in parts
            for part in parts[:-1]:
                if part.startswith(".") or part in IGNORED_DIRS or part.startswith("_site"):
                    return False
            return not (name.startswith(".") and name != ".mintignore")
        return False


_TEMP_NAME = re.compile(
    r"^(?:sed[A-Za-z0-9]{6}|#.*#|.*\.kate-swp|.*___jb_(?:tmp|old)___|\.goutputstream-\w+"
    r"|.*\.sw[a-p]|.*~|4913|.*\.tmp|.*\.crdownload)$"
)


def is_temp_file(name: str) -> bool:
    """Editors' and tools' temporary and swap files (`sed -i`'s `sedXXXXXX`, vim's `.swp` and
    `4913`, emacs' `#x#`, `x~`, JetBrains' `___jb_tmp___`, gedit's `.goutputstream-X`)."""
    return bool(_TEMP_NAME.match(name))


def serve(
    docs_dir: Path, host: str = "127.0.0.1", port: int = 3000, safe: Safety | None = None
) -> int:
    """`mintrender serve`: run until Ctrl+C. Returns the exit code."""
    started = time.monotonic()
    docs_dir = Path(docs_dir)
    if not docs_dir.is_dir():
        print(f"mintrender: {docs_dir} is not a folder", file=sys.stderr)
        return 2
    if find_config(docs_dir) is None:
        print(f"mintrender: no docs.json or mint.json in {docs_dir.resolve()}", file=sys.stderr)
        return 2
    server = PreviewServer(
        docs_dir, host=host, port=port, out=sys.stderr, freeze_gc=True, safe=safe
    )
    try:
        url = server.start()
    except OSError as exc:
        print(f"mintrender: cannot listen on {host}:{port}: {exc}", file=sys.stderr)
        server.stop()
        return 2
    state = server.state
    pages = len(state.pages.records)
    print(
        f"Serving {docs_dir.resolve().name} ({pages} pages) at {url}  "
        f"ready in {time.monotonic() - started:.2f}s, Ctrl+C to stop",
        file=sys.stderr,
        flush=True,
    )
    if host in ("0.0.0.0", "::"):
        print(f"  on this machine: http://localhost:{url.rsplit(':', 1)[1]}", file=sys.stderr)
    if state.pages.fatal:
        print(f"{state.pages.fatal} (fix it: the page will reload)", file=sys.stderr)

    def terminate(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        # Ctrl+C stops the server even when this process was started with SIGINT ignored or
        # blocked (a disposition and mask inherited from whatever launched it)
        signal.signal(signal.SIGTERM, terminate)
        signal.signal(signal.SIGINT, terminate)
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        while True:
            time.sleep(0.5)
    except KeyboardInterrupt:
        print("\nStopping the preview server", file=sys.stderr)
    finally:
        server.stop()
    return 0
