"""Test helpers: write a tiny docs folder, build it, read pages back."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelock import FileLock

from mintrender.build import build
from mintrender.errors import Diagnostic, Diagnostics
from mintrender.model import BuildOptions, BuildResult

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
SHARED_BUILDS_ENV = "MINTRENDER_TEST_BUILDS"
"""The folder of the builds shared by a test run (set by conftest.py, seen by xdist workers)."""
SHARED_HASH_SEED = "11"
"""PYTHONHASHSEED of every shared build (test_reproducible builds again with another seed)."""


def write_site(root: Path, files: dict[str, Any], config: dict[str, Any] | None = None) -> Path:
    """Create a docs folder: `files` maps paths to text (dicts are written as JSON)."""
    root.mkdir(parents=True, exist_ok=True)
    if config is not None:
        (root / "docs.json").write_text(json.dumps(config), encoding="utf-8")
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(
                content if isinstance(content, str) else json.dumps(content), encoding="utf-8"
            )
    return root


def build_site(docs: Path, out: Path | None = None, **kw: Any) -> BuildResult:
    out = out or docs.parent / (docs.name + "-out")
    return build(BuildOptions(docs_dir=docs, out_dir=out, **kw))


def built_page(tmp_path: Path, name: str, text: str) -> str:
    """The HTML of page `name` (`things` for `things.mdx`) of a site holding `text` alone."""
    docs = write_site(tmp_path / "docs", {f"{name}.mdx": text}, minimal_config([name]))
    build_site(docs, tmp_path / "out")
    return (tmp_path / "out" / name / "index.html").read_text(encoding="utf-8")


def minimal_config(pages: list[Any], **extra: Any) -> dict[str, Any]:
    return {
        "name": "Test",
        "theme": "mint",
        "colors": {"primary": "#0D9373"},
        "navigation": {"groups": [{"group": "Docs", "pages": pages}]},
        **extra,
    }


API_HEAD: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "t", "version": "1"},
    "servers": [{"url": "https://api.example.com"}],
}
"""The head of a small test spec: `{**API_HEAD, "paths": {...}}`."""


def body(html: str) -> str:
    """The rendered page body (inside the prose container)."""
    m = re.search(
        r'<div class="[^"]*mdx-content[^"]*"[^>]*>(.*?)</div>\s*<!-- /content -->', html, re.S
    )
    if m:
        return m.group(1)
    start = html.find("mdx-content")
    return html[start:] if start >= 0 else html


@dataclass(frozen=True)
class PageRow:
    """A page of a build report."""

    output_path: str
    kind: str


@dataclass(frozen=True)
class SharedBuild:
    """A site built once per test run by the CLI, for every test that only reads it."""

    out: Path
    """The site (read-only for tests: copy it before changing anything)."""
    report: dict[str, Any]
    """The `--report` JSON; empty when nothing was built (a fatal error)."""
    returncode: int
    stderr: str

    @property
    def diagnostics(self) -> Diagnostics:
        found = Diagnostics()
        for d in self.report.get("diagnostics", []):
            fields = {k: v for k, v in d.items() if k != "traceback"}
            found.append(Diagnostic(**fields, detail=d.get("traceback", "")))
        return found

    @property
    def pages(self) -> list[PageRow]:
        return [PageRow(p["output"], p["kind"]) for p in self.report.get("pages", [])]


_SHARED: dict[tuple[str, ...], SharedBuild] = {}


def shared_build(docs: Path, *args: str) -> SharedBuild:
    """`python -m renderer build DOCS -o OUT --report FILE *ARGS`, run once per test run for the
    same docs and arguments: across test files and pytest-xdist workers (a file lock), so the
    corpora are built once per option set. Tests must not change `out`."""
    key = (str(docs), *args)
    if key in _SHARED:
        return _SHARED[key]
    root = os.environ.get(SHARED_BUILDS_ENV)
    if not root:  # outside a pytest run of this repository: one folder per process
        root = os.environ[SHARED_BUILDS_ENV] = tempfile.mkdtemp(prefix="mintrender-builds-")
    digest = hashlib.sha256("\0".join(key).encode()).hexdigest()[:12]
    folder = Path(root) / f"{docs.name}-{digest}"
    out, report, meta = folder / "site", folder / "report.json", folder / "build.json"
    with FileLock(str(folder) + ".lock"):
        if not meta.is_file():
            folder.mkdir(parents=True, exist_ok=True)
            proc = subprocess.run(
                [sys.executable, "-m", "renderer", "build", str(docs), "-o", str(out)]
                + ["--report", str(report), *args],
                cwd=REPO,
                env={**os.environ, "PYTHONHASHSEED": SHARED_HASH_SEED},
                capture_output=True,
                text=True,
                timeout=900,
            )
            meta.write_text(json.dumps({"returncode": proc.returncode, "stderr": proc.stderr}))
    done = json.loads(meta.read_text())
    data = json.loads(report.read_text(encoding="utf-8")) if report.is_file() else {}
    _SHARED[key] = SharedBuild(out, data, done["returncode"], done["stderr"])
    return _SHARED[key]


def offline_build(docs: Path) -> SharedBuild:
    """The offline bundle of `docs` and its zip (`--offline --zip`), once per test run."""
    return shared_build(docs, "--offline", "--zip")


_SEEN_AT_START = """(() => {
  try { window.__mrStoredAtStart = Object.assign({}, localStorage); } catch (e) {}
})()"""


def reload_once_stored(page: Any, key: str, tries: int = 8) -> None:
    """Reload a Playwright `page` until the new document, as it starts, reads at localStorage
    `key` what the page had stored there; fail after `tries` reloads.

    Chromium hands a localStorage write to its storage service asynchronously, and a reload
    can start a document in a new renderer before the write arrives (tests flaked so under
    load, even after a second page of the context had read the value: it can share the first
    page's renderer and its copy of the storage). An init script records what each new
    document reads before the page's own head script runs; a reload that read the old value
    is repeated after a pause, so a page that ignores a value it could read still fails."""
    _open_once_stored(page, key, None, tries)


def goto_once_stored(page: Any, url: str, key: str, tries: int = 8) -> None:
    """`reload_once_stored` for a navigation to another page, `url`: another file can open in
    another renderer, which reads the storage service's copy."""
    _open_once_stored(page, key, url, tries)


def _open_once_stored(page: Any, key: str, url: str | None, tries: int) -> None:
    value = page.evaluate("k => localStorage.getItem(k)", key)
    if not getattr(page, "_mr_seen_at_start", False):
        page.add_init_script(_SEEN_AT_START)
        page._mr_seen_at_start = True
    for attempt in range(tries):
        if url is None:
            page.reload()
        else:
            page.goto(url)
        seen = page.evaluate("k => (window.__mrStoredAtStart || {})[k] ?? null", key)
        if seen == value:
            return
        page.wait_for_timeout(50 * 2**attempt)
    raise AssertionError(f"localStorage {key!r} still not {value!r} after {tries} loads")
