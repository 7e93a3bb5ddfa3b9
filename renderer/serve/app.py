"""The preview's WSGI app: pages, theme assets, docs files and extras, live-reload long-polls.

Each served page carries the epoch it was rendered at and long-polls
`/_mintrender/reload/<epoch>?path=<page>` (`reloader.Reloader`). The reload script and the error
overlay are injected here, at serve time: built HTML stays clean. `PreviewApp` is a plain WSGI
callable, so tests drive it without a socket. Request paths are cleaned (no traversal) and the
Host header checked (no DNS rebinding) before anything is read.
"""

from __future__ import annotations

import json
import mimetypes
import sys
import threading
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any
from urllib.parse import parse_qs

from mintrender.serve.overlay import decorate, status_page
from mintrender.serve.reloader import Reloader
from mintrender.serve.state import SiteState
from mintrender.urls import ASSET_DIR

StartResponse = Callable[..., Any]
POLL_SECONDS = 25.0
"""A long-poll answers "no reload" after this long; the browser asks again at once."""
MAX_PATH = 2048

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
        self.first_page = threading.Event()
        """Set once the first page was sent."""

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
            self.first_page.set()
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
            return wrapper(handle, 64 * 1024)
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
