"""Hostile requests against a running preview server: nothing outside the site leaks, it stays up."""

from __future__ import annotations

import os
import shutil
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest

from mintrender.serve.server import PreviewServer

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "modelslab"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared ModelsLab corpus not available")

SECRET = "TOP-SECRET-OUTSIDE-THE-DOCS"
PASSWD_MARK = b"root:x:0:0"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, int]]:
    base = tmp_path_factory.mktemp("hostile")
    docs = base / "docs"
    shutil.copytree(CORPUS, docs)
    (base / "secret.txt").write_text(SECRET, encoding="utf-8")
    (base / "outside").mkdir()
    (base / "outside" / "inner.txt").write_text(SECRET, encoding="utf-8")
    (docs / ".env").write_text(SECRET, encoding="utf-8")
    (docs / ".git").mkdir()
    (docs / ".git" / "config").write_text(SECRET, encoding="utf-8")
    os.symlink(base / "secret.txt", docs / "leak.txt")
    os.symlink(base / "outside", docs / "leakdir")
    os.symlink("/etc/passwd", docs / "images" / "passwd.png")
    server = PreviewServer(docs, port=0, watch=False, poll_seconds=1)
    server.start()
    # every generated file (search index, Markdown copies, sitemap...) exists before the attack
    deadline = time.monotonic() + 300
    while not server.state.is_idle() and time.monotonic() < deadline:
        time.sleep(0.2)
    try:
        yield docs, int(server.url.rsplit(":", 1)[1].strip("/"))
    finally:
        server.stop()


def raw_request(
    port: int, target: bytes, method: bytes = b"GET", host: bytes = b"127.0.0.1"
) -> tuple[int, bytes]:
    """Send the request line exactly as given (no client-side normalisation)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(
            method
            + b" "
            + target
            + b" HTTP/1.1\r\nHost: "
            + host
            + b"\r\nConnection: close\r\n\r\n"
        )
        chunks = []
        while True:
            data = sock.recv(65536)
            if not data:
                break
            chunks.append(data)
    response = b"".join(chunks)
    if not response:
        return 0, b""
    status_line, _, rest = response.partition(b"\r\n")
    parts = status_line.split()
    status = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
    return status, rest.partition(b"\r\n\r\n")[2]


def hostile_targets() -> list[bytes]:
    escapes = [
        "../secret.txt",
        "..%2fsecret.txt",
        "%2e%2e/secret.txt",
        "%2e%2e%2fsecret.txt",
        "%2E%2E/%2E%2E/etc/passwd",
        "..%5csecret.txt",
        "..\\secret.txt",
        "%252e%252e/secret.txt",
        "%c0%ae%c0%ae/secret.txt",
        "..;/secret.txt",
        "....//secret.txt",
        ".%2e/secret.txt",
        "%2e./secret.txt",
        "../../../../../../etc/passwd",
        "..%00/secret.txt",
        "secret.txt%00.png",
        "leak.txt",
        "leakdir/inner.txt",
        "leakdir/",
        "images/passwd.png",
        "etc/passwd",
        "/etc/passwd",
        "%2fetc%2fpasswd",
        "file:///etc/passwd",
        "C:/Windows/win.ini",
        "C:%5cWindows%5cwin.ini",
        "\\\\server\\share",
        ".env",
        ".git/config",
        "%2egit/config",
        "docs.json",
        "index.mdx",
        "quickstart.mdx",
        "quickstart.md",
        "README.md",
        "package.json",
        "snippets/",
        "images/",
        "3d-api/",
        "?../secret.txt",
        "%00",
        "%0d%0aSet-Cookie:x=1",
        "index.html/../../secret.txt",
        "_mintrender/../../secret.txt",
        "_mintrender/reload/../../secret.txt",
        "_mintrender/%2e%2e/%2e%2e/secret.txt",
        "a" * 4000,
        "%ff%fe",
        "~/.ssh/id_rsa",
        "proc/self/environ",
    ]
    prefixes = ["/", "/images/", "/_mintrender/", "/3d-api/"]
    targets = [(p + e).encode("latin-1", "replace") for p in prefixes for e in escapes]
    return targets[:200]


def test_two_hundred_hostile_paths(served: tuple[Path, int]) -> None:
    docs, port = served
    config = (docs / "docs.json").read_bytes()[:200]
    mdx = (docs / "quickstart.mdx").read_bytes()[:120]
    targets = hostile_targets()
    assert len(targets) == 200
    statuses: dict[int, int] = {}
    for target in targets:
        status, body = raw_request(port, target)
        statuses[status] = statuses.get(status, 0) + 1
        assert status in (200, 400, 404, 414), (target, status)
        assert SECRET.encode() not in body, target
        assert PASSWD_MARK not in body, target
        assert config not in body, target
        assert mdx not in body, target
        assert b"Index of" not in body and b"Directory listing" not in body, target
        if status == 200:  # only real site paths answer: a page, or the build's Markdown copy
            is_page = b"data-mintrender-preview" in body
            is_export = unquote(target.decode("latin-1")).endswith(".md") and body[:2] == b"# "
            assert is_page or is_export, target
    assert statuses.get(400, 0) > 30 and statuses.get(404, 0) > 30, statuses
    # still up and serving
    status, body = raw_request(port, b"/quickstart")
    assert status == 200 and b"data-mintrender-preview" in body


def test_other_methods_and_malformed_requests(served: tuple[Path, int]) -> None:
    _, port = served
    for method in (b"POST", b"PUT", b"DELETE", b"PATCH", b"OPTIONS", b"TRACE", b"CONNECT"):
        assert raw_request(port, b"/quickstart", method)[0] in (405, 400, 501), method
    for target in (b"*", b"quickstart", b"http://evil.example/etc/passwd", b"//../secret.txt"):
        status, body = raw_request(port, target)
        assert SECRET.encode() not in body and PASSWD_MARK not in body
        assert status in (400, 404), (target, status)
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"\x16\x03\x01garbage\r\n\r\n")  # a TLS hello on plain HTTP
        sock.recv(1024)
    assert raw_request(port, b"/")[0] == 200


def test_dns_rebinding_hosts_are_refused(served: tuple[Path, int]) -> None:
    _, port = served
    for host in (b"evil.example", b"evil.example:80", b"127.0.0.1.evil.example", b"10.0.0.1"):
        assert raw_request(port, b"/quickstart", host=host)[0] == 400, host
    for host in (b"localhost", b"127.0.0.1:%d" % port, b"[::1]:%d" % port, b"docs.localhost"):
        assert raw_request(port, b"/quickstart", host=host)[0] == 200, host
