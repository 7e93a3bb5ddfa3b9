"""Preview server: a WSGI app over `SiteState`, live reload by epochs, a file watcher.

Like mkdocs' livereload: every applied change is an epoch; each served page carries the epoch it
was rendered at and long-polls `/_mintrender/reload/<epoch>?path=<page>`, which answers as soon
as a later epoch touches that page (or every page). The reload script and the error overlay are
injected here, at serve time: built HTML stays clean. `PreviewApp` is a plain WSGI callable, so
tests drive it without a socket; `PreviewServer` adds the threads (HTTP, watcher, background).
"""

from __future__ import annotations

import errno
import json
import mimetypes
import socket
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import IO, Any
from urllib.parse import parse_qs
from wsgiref.simple_server import ServerHandler, WSGIRequestHandler, WSGIServer

from mintrender.serve.overlay import decorate, status_page
from mintrender.serve.state import SiteState, make_work_dir, remove_work_dir
from mintrender.urls import ASSET_DIR

StartResponse = Callable[..., Any]
RELOAD_PREFIX = f"/{ASSET_DIR}/reload/"
POLL_SECONDS = 25.0
"""A long-poll answers "no reload" after this long; the browser asks again at once."""
MAX_PATH = 2048
STARTUP_GRACE = 1.5
"""Seconds the background pass waits for the first page request before it starts."""
HISTORY = 256
"""Epochs remembered; a tab that slept through more reloads unconditionally."""

for _ext, _type in {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".json": "application/json",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".woff2": "font/woff2",
    ".md": "text/markdown",
    ".txt": "text/plain",
    ".xml": "application/xml",
    ".yaml": "text/yaml",
    ".yml": "text/yaml",
}.items():
    mimetypes.add_type(_type, _ext)


class Reloader:
    """Epoch counter with the pages each epoch touched; long-polls wait on it."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        # epochs start at the clock, so a tab left open from an earlier server reloads at once
        self.first = int(time.time() * 1000)
        self.epoch = self.first
        self._history: deque[tuple[int, frozenset[str] | None]] = deque(maxlen=HISTORY)
        self.notes: deque[tuple[int, str]] = deque(maxlen=20)
        """(epoch, what changed) of the last epochs, for `/_mintrender/status`."""
        self._floor = self.first
        self.closed = False

    def bump(self, affected: frozenset[str] | None, note: str = "") -> int:
        """A change was applied: wake the tabs showing an affected page (None = all)."""
        with self._cond:
            self.epoch += 1
            self.notes.append((self.epoch, note))
            if len(self._history) == self._history.maxlen:
                self._floor = self._history[0][0]
            self._history.append((self.epoch, affected))
            self._cond.notify_all()
            return self.epoch

    def must_reload(self, since: int, page: str) -> bool:
        with self._cond:
            return self._must_reload(since, page)

    def _must_reload(self, since: int, page: str) -> bool:
        if since < self._floor or since > self.epoch:
            return True  # from another server run, or older than what we remember
        for epoch, affected in self._history:
            if epoch > since and (affected is None or page in affected):
                return True
        return False

    def wait(self, since: int, page: str, timeout: float) -> tuple[bool, int]:
        """(reload?, current epoch) as soon as `page` must reload, or after `timeout`."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not self.closed:
                if self._must_reload(since, page):
                    return True, self.epoch
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._cond.wait(remaining)
            return False, self.epoch

    def close(self) -> None:
        """Wake every waiting long-poll (the server is stopping)."""
        with self._cond:
            self.closed = True
            self._cond.notify_all()


class BadPath(ValueError):
    """A request path that is not a plain site path (traversal, NUL, backslash...)."""


def clean_path(raw: str) -> tuple[str, bool]:
    """PATH_INFO (WSGI: latin-1 decoded bytes) -> (POSIX path without leading slash, is_dir).

    Refuses instead of normalising anything that could step outside: `..` and `.` segments
    (also when they arrived percent-encoded: the server decoded them already), backslashes,
    NUL and control characters, and paths too long to be real.
    """
    try:
        path = raw.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError) as exc:
        raise BadPath("not UTF-8") from exc
    if not path.startswith("/") or len(path) > MAX_PATH:
        raise BadPath("not an absolute path")
    if "\\" in path or any(ord(c) < 32 or ord(c) == 127 for c in path):
        raise BadPath("backslash or control character")
    parts = [p for p in path.split("/") if p]
    for part in parts:
        if part in (".", ".."):
            raise BadPath("dot segment")
        if ":" in part and len(part) >= 2 and part[1] == ":":
            raise BadPath("drive letter")
    return "/".join(parts), path.endswith("/")


class PreviewApp:
    """The WSGI application: pages, theme assets, docs static files, live reload."""

    def __init__(
        self,
        state: SiteState,
        reloader: Reloader,
        *,
        poll_seconds: float = POLL_SECONDS,
        hosts: frozenset[str] | None = None,
    ) -> None:
        self.state = state
        self.reloader = reloader
        self.poll_seconds = poll_seconds
        self.hosts = hosts
        """Host names accepted in the Host header (None = any): a page on another site that
        points a name of its own at 127.0.0.1 (DNS rebinding) cannot read the preview."""
        self.served = 0
        self.first_page_at: float | None = None
        """`time.monotonic()` when the first page was sent (for the startup figure)."""
        self.first_page = threading.Event()

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        if method not in ("GET", "HEAD"):
            return self._send(
                start_response,
                "405 Method Not Allowed",
                b"",
                "text/plain",
                [("Allow", "GET, HEAD")],
            )
        head = method == "HEAD"
        if not host_allowed(environ.get("HTTP_HOST", ""), self.hosts):
            return self._send(start_response, "400 Bad Request", b"unknown host\n", "text/plain")
        try:
            rel, is_dir = clean_path(environ.get("PATH_INFO", "") or "/")
        except BadPath:
            return self._send(start_response, "400 Bad Request", b"bad request\n", "text/plain")
        try:
            return self._route(environ, start_response, rel, is_dir, head)
        except Exception:  # a bug must not take the server down
            import traceback

            traceback.print_exc(file=sys.stderr)
            return self._send(start_response, "500 Internal Server Error", b"", "text/plain")

    # -- routing ---------------------------------------------------------------------------------
    def _route(
        self,
        environ: dict[str, Any],
        start_response: StartResponse,
        rel: str,
        is_dir: bool,
        head: bool,
    ) -> Iterable[bytes]:
        state = self.state
        if rel.startswith(ASSET_DIR + "/"):
            name = rel[len(ASSET_DIR) + 1 :]
            if name.startswith("reload/"):
                return self._long_poll(environ, start_response, name[len("reload/") :])
            if name == "status":
                recent = [{"epoch": e, "change": n} for e, n in self.reloader.notes]
                info = {"epoch": self.reloader.epoch, "recent": recent, **state.status()}
                body = json.dumps(info).encode()
                return self._send(start_response, "200 OK", body, "application/json", head=head)
            text = state.asset(name)
            if text is None and name.startswith("search-index") and name.endswith(".js"):
                text = state.search_file(name)
            if text is not None:
                ctype = mimetypes.guess_type(name)[0] or "text/plain"
                return self._send(start_response, "200 OK", text.encode(), ctype, head=head)
        if state.inputs is None:
            page = status_page(state.problems(None), state.docs_dir, self.reloader.epoch)
            return self._send(start_response, "500 Internal Server Error", page, head=head)
        hidden = any(part.startswith(".") for part in rel.split("/"))
        site_path = _site_path(rel)
        view = state.page_at(site_path) if site_path is not None and not hidden else None
        if view is not None:
            body = decorate(
                view.html,
                epoch=self.reloader.epoch,
                page=site_path or "/",
                problems=view.problems,
                failure=view.failure,
                docs_dir=state.docs_dir,
            )
            if self.first_page_at is None:
                self.first_page_at = time.monotonic()
                self.first_page.set()
            self.served += 1
            return self._send(start_response, "200 OK", body, head=head)
        if site_path == "/" and view is None:
            first = state.first_page_url()
            if first:  # no index page: open the first navigation page, as the build does
                return self._send(
                    start_response, "302 Found", b"", extra=[("Location", first)], head=head
                )
        if not hidden and rel:
            # a docs file, then what the write stage adds (Markdown copies, sitemap, the
            # pages of docs.json `redirects` at `old/path/index.html`)
            path = None if is_dir else state.static_file(rel) or state.extra_file(rel)
            path = path or state.extra_file(rel + "/index.html")
            if path is not None:
                return self._file(environ, start_response, path, head)
        text = state.not_found_html()
        body = decorate(
            text,
            epoch=self.reloader.epoch,
            page="",
            problems=state.problems(None),
            failure=None,
            docs_dir=state.docs_dir,
        )
        return self._send(start_response, "404 Not Found", body, head=head)

    def _long_poll(
        self, environ: dict[str, Any], start_response: StartResponse, tail: str
    ) -> Iterable[bytes]:
        try:
            since = int(tail)
        except ValueError:
            return self._send(start_response, "400 Bad Request", b"bad epoch\n", "text/plain")
        query = parse_qs(environ.get("QUERY_STRING", ""))
        page = (query.get("path") or [""])[0]
        try:
            rel, _ = clean_path(page or "/")
            page = _site_path(rel) or ""
        except BadPath:
            page = ""
        reload, epoch = self.reloader.wait(since, page, self.poll_seconds)
        body = json.dumps({"reload": reload, "epoch": epoch}).encode()
        return self._send(start_response, "200 OK", body, "application/json")

    # -- responses -------------------------------------------------------------------------------
    def _send(
        self,
        start_response: StartResponse,
        status: str,
        body: bytes,
        ctype: str = "text/html; charset=utf-8",
        extra: list[tuple[str, str]] | None = None,
        *,
        head: bool = False,
    ) -> Iterable[bytes]:
        if ctype.startswith(("text/", "application/json", "application/xml")) and (
            "charset" not in ctype
        ):
            ctype += "; charset=utf-8"
        headers = [
            ("Content-Type", ctype),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"),
            *(extra or []),
        ]
        start_response(status, headers)
        return [] if head else [body]

    def _file(
        self, environ: dict[str, Any], start_response: StartResponse, path: Path, head: bool
    ) -> Iterable[bytes]:
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        try:
            handle: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed by the WSGI server
            size = path.stat().st_size
        except OSError:
            return self._send(start_response, "404 Not Found", b"not found\n", "text/plain")
        if ctype.startswith("text/") or ctype in ("application/json", "application/xml"):
            ctype += "; charset=utf-8"
        start_response(
            "200 OK",
            [
                ("Content-Type", ctype),
                ("Content-Length", str(size)),
                ("Cache-Control", "no-store"),
                ("X-Content-Type-Options", "nosniff"),
            ],
        )
        if head:
            handle.close()
            return []
        wrapper = environ.get("wsgi.file_wrapper")
        if wrapper is not None:
            return wrapper(handle, 64 * 1024)  # type: ignore[no-any-return]
        with handle:
            return [handle.read()]


def host_allowed(header: str, hosts: frozenset[str] | None) -> bool:
    """Is the Host header one of `hosts`, `localhost`, `*.localhost` or a loopback address?"""
    if hosts is None or not header:
        return True
    name = header.strip().lower()
    if name.startswith("["):
        name = name[1 : name.find("]")] if "]" in name else name
    elif name.count(":") == 1:
        name = name.split(":", 1)[0]
    name = name.rstrip(".")
    if name in hosts or name in ("localhost", "::1") or name.endswith(".localhost"):
        return True
    parts = name.split(".")
    return len(parts) == 4 and parts[0] == "127" and all(p.isdigit() for p in parts)


def loopback_hosts(host: str) -> frozenset[str] | None:
    """Hosts accepted when serving on `host`; None (any) when bound to every interface."""
    if host in ("", "0.0.0.0", "::"):
        return None
    return frozenset({host.lower().strip("[]"), "localhost", "127.0.0.1", "::1"})


def _site_path(rel: str) -> str | None:
    """`a/b`, `a/b/`, `a/b/index.html` -> `/a/b`; other file names -> None."""
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")].rstrip("/")
    elif rel.endswith(".html"):
        return None
    return "/" + rel if rel else "/"


# -- HTTP server ---------------------------------------------------------------------------------
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
                self.rfile, self.wfile, self.get_stderr(), self.get_environ(), multithread=True
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
    ) -> None:
        self.docs_dir = docs_dir.resolve()
        self.host = host
        self.port = port
        self.watch = watch
        self.out = out
        self.step_ms = step_ms
        self.freeze_gc = freeze_gc
        self.work_dir = make_work_dir()
        self.state = SiteState(self.docs_dir, self.work_dir)
        self.reloader = Reloader()
        self.app = PreviewApp(
            self.state, self.reloader, poll_seconds=poll_seconds, hosts=loopback_hosts(host)
        )
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._threads: list[threading.Thread] = []
        self._server: _Server | None = None
        self.updates: list[Any] = []
        """Every applied change (`incremental.Update`), newest last (for tests and benchmarks)."""
        self.url = ""

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
                import traceback

                traceback.print_exc(file=sys.stderr)
                busy = False
            if not busy and not warm and self.state.is_idle():
                warm = True
                info = self.state.status()
                self._say(
                    f"  all {info['pages']} pages rendered in {time.monotonic() - started:.1f}s "
                    f"({info['errors']} errors, {info['warnings']} warnings; "
                    "`mintrender build` lists them)"
                )
                if self.freeze_gc:
                    # what is rendered now lives long: keep later collections from scanning it
                    import gc

                    gc.collect()
                    gc.freeze()
            if not busy:
                self._wake.wait(0.5)
                self._wake.clear()

    def _watch(self) -> None:
        import watchfiles

        kinds = {
            watchfiles.Change.added: "added",
            watchfiles.Change.modified: "modified",
            watchfiles.Change.deleted: "deleted",
        }
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
                    self.apply([(kinds.get(c, "modified"), p) for c, p in changes])
            except Exception as exc:  # e.g. the docs folder vanished for a moment (git checkout)
                self._say(f"  watcher: {exc}; watching again")
                self._stop.wait(1.0)

    def apply(self, batch: list[tuple[str, str]]) -> Any:
        """Apply a batch of file changes and signal the reload (the watcher calls this)."""
        try:
            update = self.state.apply_changes(batch)  # type: ignore[arg-type]
        except Exception:
            import traceback

            traceback.print_exc(file=sys.stderr)
            self.reloader.bump(None)
            return None
        if update.affected is None or update.affected:
            self.reloader.bump(update.affected, update.summary)
        self.updates.append(update)
        del self.updates[:-100]
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
        if name.startswith(".#"):
            return False
        for root in (self.docs_dir, self.state.theme):
            try:
                parts = p.relative_to(root).parts
            except ValueError:
                continue
            if root == self.state.theme:
                return "__pycache__" not in parts
            from mintrender.load.sources import IGNORED_DIRS

            for part in parts[:-1]:
                if part.startswith(".") or part in IGNORED_DIRS or part.startswith("_site"):
                    return False
            return not (name.startswith(".") and name != ".mintignore")
        return False


def serve(docs_dir: Path, host: str = "127.0.0.1", port: int = 3000) -> int:
    """`mintrender serve`: run until Ctrl+C. Returns the exit code."""
    import signal

    started = time.monotonic()
    docs_dir = Path(docs_dir)
    if not docs_dir.is_dir():
        print(f"mintrender: {docs_dir} is not a folder", file=sys.stderr)
        return 2
    if not any((docs_dir / name).is_file() for name in ("docs.json", "mint.json")):
        print(f"mintrender: no docs.json or mint.json in {docs_dir.resolve()}", file=sys.stderr)
        return 2
    server = PreviewServer(docs_dir, host=host, port=port, out=sys.stderr, freeze_gc=True)
    try:
        url = server.start()
    except OSError as exc:
        print(f"mintrender: cannot listen on {host}:{port}: {exc}", file=sys.stderr)
        server.stop()
        return 2
    state = server.state
    pages = len(state.records)
    print(
        f"Serving {docs_dir.resolve().name} ({pages} pages) at {url}  "
        f"ready in {time.monotonic() - started:.2f}s, Ctrl+C to stop",
        file=sys.stderr,
        flush=True,
    )
    if host in ("0.0.0.0", "::"):
        print(f"  on this machine: http://localhost:{url.rsplit(':', 1)[1]}", file=sys.stderr)
    if state.fatal:
        print(f"error: {state.fatal} (fix it: the page will reload)", file=sys.stderr)

    def terminate(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, terminate)
    try:
        while True:
            time.sleep(0.5)
    except KeyboardInterrupt:
        print("\nStopping the preview server", file=sys.stderr)
    finally:
        server.stop()
    return 0
