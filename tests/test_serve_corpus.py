"""Preview server over a copy of the ModelsLab corpus: real sockets, real watcher, real edits."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from mintrender.serve.server import PreviewServer

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "modelslab"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.is_dir(), reason="shared ModelsLab corpus not available"),
]


def get(port: int, path: str, timeout: float = 60) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, resp.read().decode("utf-8", "replace")
    finally:
        conn.close()


def wait_until(check: Callable[[], bool], timeout: float = 30.0, every: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(every)
    return check()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, PreviewServer]]:
    docs = tmp_path_factory.mktemp("serve") / "modelslab"
    shutil.copytree(CORPUS, docs)
    server = PreviewServer(docs, port=0, poll_seconds=5)
    server.start()
    try:
        yield docs, server
    finally:
        server.stop()
    assert not [t for t in threading.enumerate() if t.name.startswith("mintrender-")]


def port_of(server: PreviewServer) -> int:
    return int(server.url.rsplit(":", 1)[1].strip("/"))


class Poll:
    """A long-poll started before an edit: did the server tell this page to reload?"""

    def __init__(self, server: PreviewServer, page: str) -> None:
        self.port = port_of(server)
        self.since = server.reloader.epoch
        self.page = page
        self.answer: dict[str, Any] = {}
        self.thread = threading.Thread(target=self._run)
        self.thread.start()

    def _run(self) -> None:
        _, body = get(self.port, f"/_mintrender/reload/{self.since}?path={self.page}")
        self.answer = json.loads(body)

    def result(self, timeout: float = 30) -> dict[str, Any]:
        self.thread.join(timeout)
        return self.answer


def edit_and_see(
    docs: Path,
    server: PreviewServer,
    page: str,
    rel: str,
    edit: Callable[[Path], None],
    expect: Callable[[str], bool],
) -> str:
    """Apply `edit` to `rel`; the page must be told to reload and then serve `expect`."""
    port = port_of(server)
    assert get(port, page)[0] == 200
    poll = Poll(server, page)
    time.sleep(0.05)
    edit(docs / rel)
    assert poll.result().get("reload") is True
    body = ""

    def served_now() -> bool:
        nonlocal body
        body = get(port, page)[1]
        return expect(body)

    assert wait_until(served_now), f"{rel}: change not served on {page}"
    assert wait_until(
        lambda: any(
            rel in u.summary and (u.affected is None or page in u.affected) for u in server.updates
        )
    ), [u.summary for u in server.updates]
    return body


def test_first_page_and_assets(served: tuple[Path, PreviewServer]) -> None:
    docs, server = served
    port = port_of(server)
    status, body = get(port, "/")
    assert status == 200 and "data-mintrender-preview" in body
    assert get(port, "/quickstart")[0] == 200
    assert get(port, "/quickstart/")[0] == 200
    assert get(port, "/_mintrender/mintrender.css")[0] == 200
    assert get(port, "/favicon.png")[0] == 200
    assert get(port, "/quickstart.mdx")[0] == 404
    assert get(port, "/docs.json")[0] == 404


def test_page_edit_is_served_and_signalled(served: tuple[Path, PreviewServer]) -> None:
    docs, server = served

    def edit(path: Path) -> None:
        path.write_text(path.read_text(encoding="utf-8") + "\n\nPAGE-EDIT-MARKER\n", "utf-8")

    edit_and_see(
        docs, server, "/quickstart", "quickstart.mdx", edit, lambda b: "PAGE-EDIT-MARKER" in b
    )


def test_snippet_created_imported_and_edited(served: tuple[Path, PreviewServer]) -> None:
    docs, server = served
    assert not (CORPUS / "snippets").exists()  # the corpus has none: create one
    (docs / "snippets").mkdir(exist_ok=True)
    (docs / "snippets" / "preview-note.mdx").write_text("SNIPPET-ONE text.\n", "utf-8")

    def use(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        head, sep, body = text.partition("---\n")
        front, sep2, rest = body.partition("---\n")
        path.write_text(
            f"{head}{sep}{front}{sep2}\nimport PreviewNote from '/snippets/preview-note.mdx';\n\n"
            f"<PreviewNote />\n{rest}",
            "utf-8",
        )

    edit_and_see(
        docs, server, "/authentication", "authentication.mdx", use, lambda b: "SNIPPET-ONE" in b
    )

    def change(path: Path) -> None:
        path.write_text("SNIPPET-TWO text.\n", "utf-8")

    body = edit_and_see(
        docs,
        server,
        "/authentication",
        "snippets/preview-note.mdx",
        change,
        lambda b: "SNIPPET-TWO" in b,
    )
    assert "SNIPPET-ONE" not in body


def test_docs_json_edit_reconfigures_every_page(served: tuple[Path, PreviewServer]) -> None:
    docs, server = served

    def rename(path: Path) -> None:
        config = json.loads(path.read_text(encoding="utf-8"))
        config["name"] = "Renamed In Preview"
        config["navigation"]["tabs"][0]["groups"][0]["group"] = "Started Renamed"
        path.write_text(json.dumps(config, indent=2), "utf-8")

    body = edit_and_see(
        docs, server, "/error-codes", "docs.json", rename, lambda b: "Started Renamed" in b
    )
    assert "Renamed In Preview" in body
    assert "Started Renamed" in get(port_of(server), "/webhooks")[1]


def test_broken_page_overlay_and_recovery(served: tuple[Path, PreviewServer]) -> None:
    docs, server = served
    page = docs / "rate-limits.mdx"
    good = page.read_text(encoding="utf-8")
    broken = good + '\n\n<Steps>\n<Step title="Never closed">\nbody\n'
    lines = broken.splitlines()
    line = len(lines) - lines[::-1].index("<Steps>")  # the <Steps> added last
    body = edit_and_see(
        docs,
        server,
        "/rate-limits",
        "rate-limits.mdx",
        lambda p: p.write_text(broken, "utf-8"),
        lambda b: 'id="mintrender-overlay"' in b,
    )
    assert f"rate-limits.mdx:{line}:" in body
    assert f"&gt; {line} | &lt;Steps&gt;" in body  # the offending source line, marked
    body = edit_and_see(
        docs,
        server,
        "/rate-limits",
        "rate-limits.mdx",
        lambda p: p.write_text(good, "utf-8"),
        lambda b: 'id="mintrender-overlay"' not in b,
    )
    assert "data-mintrender-preview" in body


def test_broken_docs_json_keeps_serving(served: tuple[Path, PreviewServer]) -> None:
    docs, server = served
    config_path = docs / "docs.json"
    good = config_path.read_text(encoding="utf-8")
    body = edit_and_see(
        docs,
        server,
        "/webhooks",
        "docs.json",
        lambda p: p.write_text(good[: len(good) // 2], "utf-8"),
        lambda b: 'id="mintrender-overlay"' in b,
    )
    assert "docs.json:" in body and "invalid JSON" in body
    assert 'class="mr-nav' in body or 'id="sidebar"' in body  # last good navigation
    edit_and_see(
        docs,
        server,
        "/webhooks",
        "docs.json",
        lambda p: p.write_text(good, "utf-8"),
        lambda b: 'id="mintrender-overlay"' not in b,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_taken_port_moves_to_the_next(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "docs.json").write_text('{"name": "x", "navigation": {"pages": ["index"]}}')
    (docs / "index.mdx").write_text("# Hi\n")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        from io import StringIO

        out = StringIO()
        server = PreviewServer(docs, port=port, out=out, watch=False)
        try:
            url = server.start()
            assert not url.endswith(f":{port}/")
            assert f"Port {port} is in use" in out.getvalue()
            assert url.startswith("http://127.0.0.1:")
        finally:
            server.stop()


def test_cli_serves_then_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    """`mintrender serve` as a process: prints the URL, serves, exits 0 on SIGINT, no leftovers."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "docs.json").write_text('{"name": "x", "navigation": {"pages": ["index"]}}')
    (docs / "index.mdx").write_text("# Hello CLI\n")
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "renderer", "serve", str(docs), "--port", str(port)],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert wait_until(lambda: _answers(port), timeout=60)
        assert "Hello CLI" in get(port, "/")[1]
        children = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(proc.pid)], capture_output=True, text=True
        ).stdout.split()
        assert children == []
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert f"http://127.0.0.1:{port}/" in err
    with socket.socket() as s:  # nothing listens on the port any more
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", port))


def _answers(port: int) -> bool:
    try:
        return get(port, "/", timeout=5)[0] == 200
    except OSError:
        return False
