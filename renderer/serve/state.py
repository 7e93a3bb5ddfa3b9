"""The preview server's site state behind one lock: what requests, the watcher and the
background pass ask of it.

`SiteState` owns a `pages.Pages` (inputs, pages parsed and rendered on demand), the
`outputs.SiteOutputs` built from them (page HTML, bundles, 404, search index, extras), and the
lock around both. Requests take the lock ahead of the background pass, and wait while a change
is applied (`changes.apply_changes`: "requests held while a build runs"). Nothing here raises on
user content: a broken page or docs.json becomes diagnostics that the server overlays on the
last good output.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from mintrender.build import SiteInputs
from mintrender.errors import Diagnostic
from mintrender.model import BuildOptions, Safety
from mintrender.serve.changes import ChangeKind, Update, apply_changes
from mintrender.serve.files import inside
from mintrender.serve.outputs import SiteOutputs
from mintrender.serve.pages import Pages
from mintrender.themes import theme_dir
from mintrender.urls import BUILT_FILES

HOT_PAGES = 4
"""The pages viewed last are re-rendered first after a change (their tabs reload first)."""


@dataclass(frozen=True, slots=True)
class PageView:
    """A page as the server sends it (before the preview script is injected)."""

    html: str
    problems: tuple[Diagnostic, ...]
    """Errors to overlay: the page's own, the configuration's."""
    failure: str | None = None
    """Traceback when rendering crashed (the HTML is then the last good one, or a stub)."""


class SiteState:
    """The site as the preview server sees it; every public method takes the lock."""

    def __init__(
        self,
        docs_dir: Path,
        work_dir: Path,
        *,
        theme: Path | None = None,
        safe: Safety | None = None,
    ) -> None:
        self.docs_dir = docs_dir.resolve()
        self.theme = (theme or theme_dir("mint")).resolve()
        self.lock = threading.RLock()
        self._waiting = 0
        self._waiting_lock = threading.Lock()
        options = BuildOptions(self.docs_dir, work_dir / "site", mode="hosted", safe=safe)
        self.pages = Pages(self.docs_dir, options)
        self.outputs = SiteOutputs(self.pages, self.lock, work_dir)

    @property
    def inputs(self) -> SiteInputs | None:
        """The load stage's result; None while docs.json never loaded."""
        return self.pages.inputs

    # -- locking ---------------------------------------------------------------------------------
    @contextmanager
    def foreground(self) -> Iterator[None]:
        """Take the lock ahead of the background pass (which yields while anyone waits)."""
        with self._waiting_lock:
            self._waiting += 1
        try:
            self.lock.acquire()
        finally:
            with self._waiting_lock:
                self._waiting -= 1
        try:
            yield
        finally:
            self.lock.release()

    def _yield_to_foreground(self) -> None:
        for _ in range(2000):  # bounded: at most ~2 s
            if not self._waiting:
                return
            time.sleep(0.001)

    # -- changes ---------------------------------------------------------------------------------
    def load(self) -> None:
        """The load stage: configuration, sources, navigation; pages known by frontmatter only."""
        with self.foreground():
            self.pages.load()

    def apply_changes(self, changes: Iterable[tuple[ChangeKind, str | Path]]) -> Update:
        """Map changed files to work and say which pages must reload (see `changes`)."""
        with self.foreground():
            return apply_changes(self.pages, self.outputs, self.theme, changes)

    # -- requests --------------------------------------------------------------------------------
    def page_at(self, site_path: str) -> PageView | None:
        """The page served at `site_path` (rendered now if needed); None when there is none."""
        with self.foreground():
            rel = self.pages.by_path.get(site_path)
            return self.page(rel) if rel is not None and rel in self.pages.records else None

    def page(self, rel: str) -> PageView:
        """The page's HTML (rendered now if needed), its errors, its crash if any."""
        with self.foreground():
            pages = self.pages
            pages.viewed(rel, HOT_PAGES)
            text = self._page_html(rel)
            failure = pages.failures.get(rel) or pages.template_failures.get(rel)
            return PageView(text, pages.problems(rel), failure)

    def _page_html(self, rel: str) -> str:
        pages = self.pages
        cached = pages.html.get(rel)
        if cached is not None:
            return cached
        record = pages.records[rel]
        pages.ensure_rendered(rel)
        text = None
        if rel not in pages.failures and record.rendered is not None:
            text = self.outputs.page_html(record)
        if text is None:
            return pages.good_html.get(rel) or _stub_page(record.rel_path)
        if not any(d.severity == "error" for d in pages.problems(rel)):
            pages.good_html[rel] = text
        return text

    def problems(self, rel: str | None) -> tuple[Diagnostic, ...]:
        """Errors to overlay on a page (`None`: the site's only)."""
        with self.foreground():
            return self.pages.problems(rel)

    def asset(self, name: str) -> str | None:
        """`_mintrender/<name>` made in memory: theme files, utilities, sidebar payloads."""
        with self.foreground():
            return self.outputs.asset(name)

    def first_page_url(self) -> str | None:
        """Where `/` leads when the site has no index page: its first navigation page."""
        with self.foreground():
            try:
                return self.outputs.first_page_url()
            except Exception:
                return None

    def not_found_html(self) -> str:
        """The hosted 404.html (a stub when the theme cannot render it)."""
        with self.foreground():
            try:
                return self.outputs.not_found_html() or _stub_page("404")
            except Exception:
                return _stub_page("404")

    def static_file(self, rel: str) -> Path | None:
        """A docs-folder file the build would copy (never a page source or docs.json)."""
        with self.foreground():
            return self.pages.static_file(rel)

    def extra_file(self, rel: str, wait: float = 60.0) -> Path | None:
        """A file of the last extras folder (a stale one is rebuilt by the background pass);
        a Markdown copy, llms.txt, the sitemap or robots.txt asked for before the first one is
        made waits for it, as the first search does, rather than being "not found"."""
        with self.foreground():
            root = self.outputs.extras_root()
        if root is None and (rel.endswith(".md") or rel in BUILT_FILES):
            self.outputs.extras_ready.wait(wait)
            with self.foreground():
                root = self.outputs.extras_root()
        return inside(root / rel, root) if root is not None else None

    def search_file(self, name: str, wait: float = 60.0) -> str | None:
        """A search index script; the first request waits for the background pass to build it."""
        with self.foreground():
            self.outputs.want_search()
        self.outputs.search_ready.wait(wait)
        with self.foreground():
            return self.outputs.search_files.get(name)

    # -- background ------------------------------------------------------------------------------
    def background_step(self) -> bool:
        """Do one piece of pending work; False when there is none. Yields to requests first.

        Pieces: render one stale page; once none is stale, build the search index (at start,
        later only when a request found it stale) and the extras (same rule).
        """
        self._yield_to_foreground()
        with self.lock:
            if self.pages.inputs is None:
                return False
            rel = self.pages.next_stale()
            if rel is not None:
                try:
                    self.pages.ensure_rendered(rel)
                except Exception:
                    self.pages.stale.discard(rel)
                return True
            job = self.outputs.next_job()
        if job is None:
            return False
        job()
        return True

    def is_idle(self) -> bool:
        """Every page rendered; search index and extras built (at least once)."""
        return not self.pages.stale and self.outputs.ready()

    # -- reporting -------------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        """Counts for `/_mintrender/status` and the console."""
        with self.foreground():
            pages = self.pages
            rendered = sum(1 for r in pages.records.values() if r.rendered is not None)
            return {
                "pages": len(pages.records),
                "rendered": rendered,
                "stale": len(pages.stale),
                "idle": self.is_idle(),
                "errors": pages.count("error"),
                "warnings": pages.count("warning"),
                "config_problems": [d.format() for d in pages.config_problems],
                **pages.counters,
            }

    def close(self) -> None:
        with self.lock:
            self.outputs.close()


def _stub_page(title: str) -> str:
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>"
        + escape(title)
        + "</title></head><body></body></html>"
    )
