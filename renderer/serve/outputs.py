"""What the write stage makes from the preview's pages, built lazily and kept until stale.

`SiteOutputs` reads a `pages.Pages` (never the other way round) and makes page HTML, theme
bundles, Tailwind utilities, the 404 page, the search index and the extras (Markdown copies,
llms.txt, sitemap, redirects) with `pagewriter`. It knows what is stale from the counters of
`Pages` (structure, navigation, content). Every method expects the state's lock, except the
background jobs, which run without it and take it to store their result. The search index and
extras are built by the background pass: at start, then again only once a request found them
stale (a lunr index of a large site takes seconds: no need to rebuild it after every keystroke
nobody searches for).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from mintrender.errors import Diagnostics
from mintrender.index.sections import IndexKey
from mintrender.model import BuildResult, PageRecord
from mintrender.serve.pages import Pages
from mintrender.serve.pagewriter import (
    PageWriter,
    build_search_files,
    expected_search_urls,
    theme_bundles,
    utilities_css,
    write_extras_folder,
)
from mintrender.urls import ROOT
from mintrender.write.files import OutputWriter
from mintrender.write.notfound import root_redirect_target


class SiteOutputs:
    """Page HTML and the site-wide files of the write stage, for one `Pages`."""

    def __init__(self, pages: Pages, lock: threading.RLock, work_dir: Path) -> None:
        self.pages = pages
        self.lock = lock
        """The state's lock, taken by background jobs to store what they built."""
        self.work_dir = work_dir
        self._writer: PageWriter | None = None
        self._writer_key = (-1, -1)
        """(structure, navigation) versions the writer and its sidebar cache were made for."""
        self._bundles: dict[str, str] = {}
        self._utilities: tuple[frozenset[str], str] | None = None
        self._utilities_for = (-1, -1)
        """(structure, content) versions `_utilities` was last checked at."""
        self._not_found: tuple[tuple[object, ...], str] | None = None
        self.search_files: dict[str, str] = {}
        self._search_urls: dict[IndexKey, str] = {}
        self._search_urls_for = -1
        self._search_built = -1
        """`content_version` the search index was last built from."""
        self._search_wanted = False
        self.search_ready = threading.Event()
        self.extras: OutputWriter | None = None
        self.extras_ready = threading.Event()
        """Set once the first extras folder is there (Markdown copies, llms.txt, sitemap)."""
        self._extras_built = -1
        self._extras_wanted = False

    def theme_changed(self) -> None:
        """Templates, CSS or JS of the theme changed (also the optional API bundles it links):
        every page templates again (a new `nav_version` also renews the 404 page)."""
        self._bundles.clear()
        self._writer = None
        self.pages.nav_changed()

    # -- pieces ----------------------------------------------------------------------------------
    def writer(self) -> PageWriter:
        pages = self.pages
        key = (pages.structure_version, pages.nav_version)
        if self._writer is None or self._writer_key[0] != key[0]:
            assert pages.inputs is not None and pages.urls is not None
            self._writer = PageWriter(pages.inputs, pages.urls, pages.options)
        elif self._writer_key[1] != key[1]:
            self._writer.reset_sidebars()
        self._writer_key = key
        return self._writer

    def utilities(self) -> str:
        """Tailwind utilities for every class the pages rendered so far use."""
        pages = self.pages
        key = (pages.structure_version, pages.content_version)
        if self._utilities is not None and self._utilities_for == key:
            return self._utilities[1]  # no page rendered (or went) since
        self._utilities_for = key
        classes = frozenset(
            c for r in pages.records.values() if r.rendered for c in r.rendered.classes
        )
        if self._utilities is None or self._utilities[0] != classes:
            had = bool(self._utilities and self._utilities[1].strip())
            self._utilities = (classes, utilities_css(classes))
            if had != bool(self._utilities[1].strip()):
                pages.html.clear()  # the build links utilities.css only when not empty
        return self._utilities[1]

    def search_urls(self) -> dict[IndexKey, str]:
        pages = self.pages
        if self._search_urls_for != pages.structure_version:
            assert pages.inputs is not None
            self._search_urls = expected_search_urls(pages.inputs)
            self._search_urls_for = pages.structure_version
        return self._search_urls

    def result(self) -> BuildResult:
        """The rendered pages as the build hands them to the index and write stages."""
        result = BuildResult(Diagnostics())
        result.pages = sorted(
            (r for r in self.pages.built() if r.rendered is not None),
            key=lambda r: r.output_path,
        )
        return result

    # -- requests --------------------------------------------------------------------------------
    def page_html(self, record: PageRecord) -> str | None:
        """The page templated now (None when the theme failed: see `template_failures`)."""
        pages = self.pages
        rel = record.rel_path
        try:
            utilities = bool(self.utilities().strip())
            text = self.writer().page(record, pages.nav(), self.search_urls(), utilities)
        except Exception:
            pages.template_failures[rel] = traceback.format_exc(limit=-8)
            return None
        pages.template_failures.pop(rel, None)
        pages.counters["templated"] += 1
        pages.html[rel] = text
        return text

    def asset(self, name: str) -> str | None:
        """`_mintrender/<name>` made in memory: theme files, utilities, sidebar payloads."""
        if self.pages.inputs is None:
            return None
        if not self._bundles:
            self._bundles = theme_bundles()
        if name in self._bundles:
            return self._bundles[name]
        if name == "utilities.css":
            return self.utilities()
        if name.startswith("nav-") and name.endswith(".js"):
            # closed sidebar groups of a section rendered so far, filled in when opened
            return self.writer().sidebars.payload_files().get(name)
        return None

    def first_page_url(self) -> str | None:
        """Where `/` leads when the site has no index page: its first navigation page."""
        if self.pages.inputs is None:
            return None
        target = root_redirect_target(self.pages.nav())
        return None if target is None else target.replace(ROOT, "/")

    def not_found_html(self) -> str | None:
        pages = self.pages
        if pages.inputs is None:
            return None
        utilities = bool(self.utilities().strip())
        search_urls = self.search_urls()
        key = (
            pages.structure_version,
            pages.nav_version,
            utilities,
            tuple(search_urls.items()),
        )
        if self._not_found is None or self._not_found[0] != key:
            text = self.writer().not_found(pages.nav(), search_urls, utilities)
            self._not_found = (key, text)
        return self._not_found[1]

    def extras_root(self) -> Path | None:
        """The last extras folder (a stale one is rebuilt by the background pass)."""
        if self._extras_built != self.pages.content_version:
            self._extras_wanted = True
        return self.extras.tmp if self.extras is not None else None

    def want_search(self) -> None:
        """A request needs the search index: rebuild it if stale."""
        if self._search_built != self.pages.content_version:
            self._search_wanted = True

    # -- background --------------------------------------------------------------------------------
    def next_job(self) -> Callable[[], None] | None:
        """The next piece of background work (run without the lock), or None."""
        pages = self.pages
        inputs, version = pages.inputs, pages.content_version
        if inputs is None:
            return None
        if self._search_built != version and (
            not self.search_ready.is_set() or self._search_wanted
        ):
            self._search_built, self._search_wanted = version, False
            records = self.result().pages

            def search() -> None:
                files, urls = build_search_files(inputs, records)
                with self.lock:
                    self.search_files = files
                    self.search_ready.set()
                    if urls and urls != self._search_urls:
                        self._search_urls = urls
                        pages.html.clear()

            return search
        if self._extras_built != version and (self.extras is None or self._extras_wanted):
            self._extras_built, self._extras_wanted = version, False
            result, urls = self.result(), pages.urls
            assert urls is not None

            def extras() -> None:
                writer = write_extras_folder(inputs, result, urls, pages.options, self.work_dir)
                with self.lock:
                    old, self.extras = self.extras, writer
                    self.extras_ready.set()
                if old is not None:
                    old.abort()

            return extras
        return None

    def ready(self) -> bool:
        """The search index and the extras were built at least once."""
        return self.search_ready.is_set() and self.extras is not None

    def close(self) -> None:
        if self.extras is not None:
            self.extras.abort()
            self.extras = None
