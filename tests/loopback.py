"""A loopback HTTP server standing in for remote hosts (tests never touch the network)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class Files:
    """What the server answers: path -> (content type, bytes); every request is recorded."""

    def __init__(self, files: dict[str, tuple[str, bytes]]) -> None:
        self.files = files
        self.requests: list[str] = []
        self.base = ""
        """`http://127.0.0.1:PORT`, set when the server runs."""


@contextmanager
def serve_files(files: dict[str, tuple[str, bytes]]) -> Iterator[Files]:
    state = Files(files)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            state.requests.append(self.path)
            found = state.files.get(self.path)
            if found is None:
                self.send_error(404)
                return
            content_type, data = found
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
