"""Incremental site state for the preview server: pages on demand, re-rendered by dependency.

`SiteState` holds what `build()` computes, page by page and lazily: the load stage once, then
each page parsed, rendered and templated the first time it is asked for (or by the background
pass), and kept until a file it depends on changes. `apply_changes()` maps changed files to
work (DESIGN.md "Incremental builds"):

* a page, snippet or other imported file: re-parse and re-render the pages whose
  `depends_on` lists it (a page depends on itself);
* docs.json (or a file it `$ref`s): reload config and navigation, re-render every page, re-parse
  none (unless `variables` changed, which are substituted while parsing);
* a file added or removed: rediscover sources, rebuild URLs and navigation, re-render every page;
* an OpenAPI spec: reload the API stage, re-render the API pages;
* an image or other static file: no render, reload the pages that link to it;
* the theme: new Jinja environment or asset bundles; every page is templated again.

Every page is re-rendered lazily: the pages named by a change and the pages viewed last are done
before the change is reported (so the browser reloads into a ready page); the rest are done by
`background_step()` or when requested. All state is guarded by one lock; a request waits while a
change is applied ("requests held while a build runs"). Nothing here raises on user content: a
broken page or docs.json becomes diagnostics that the server overlays on the last good output.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import tempfile
import threading
import time
import traceback
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

import yaml

from renderer.build import (
    BuildOptions,
    BuildResult,
    PageRecord,
    ParseCache,
    Reader,
    SiteInputs,
    load_inputs,
    make_navview,
    make_urls,
    new_record,
    page_info,
    parse_source,
    render_record,
    resolve_refs,
)
from renderer.config import ConfigError
from renderer.errors import Diagnostic, Diagnostics
from renderer.nav import is_operation_ref
from renderer.output import OutputWriter
from renderer.preview_write import build_search_files, expected_search_urls, write_extras_folder
from renderer.sources import discover
from themes import theme_dir

if TYPE_CHECKING:
    from renderer.mdx import ParsedPage
    from renderer.navview import NavView, PageInfo

ChangeKind = Literal["added", "modified", "deleted"]
HOT_PAGES = 4
"""The pages viewed last are re-rendered first after a change (their tabs reload first)."""
NAV_KEYS = (
    "title",
    "sidebarTitle",
    "icon",
    "iconType",
    "tag",
    "api",
    "openapi",
    "hideApiMarker",
    "deprecated",
    "hidden",
    "url",
)
"""Frontmatter keys the navigation shows (see `build.page_info`)."""
SPEC_SUFFIXES = (".json", ".yaml", ".yml")
_FRONTMATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*$", re.S | re.M
)
_CONFIG_FILES = ("docs.json", "mint.json")
_HEAD_BYTES = 8192
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class Update:
    """What applying one batch of file changes did."""

    affected: frozenset[str] | None
    """Site paths whose open tabs must reload; None = every page; empty = nothing to do."""
    pages: int
    """Pages to re-render (done by the background pass, or by the first request for them)."""
    seconds: float
    summary: str
    """One line for the console, e.g. `intro.mdx: 1 page re-rendered`."""


@dataclass(frozen=True, slots=True)
class PageView:
    """A page as the server sends it (before the preview script is injected)."""

    html: str
    problems: tuple[Diagnostic, ...]
    """Errors to overlay: the page's own, the configuration's."""
    failure: str | None = None
    """Traceback when rendering crashed (the HTML is then the last good one, or a stub)."""


class LiveReader(Reader):
    """The build's file reader, with entries dropped when the watcher reports a change."""

    def forget(self, rel: str) -> None:
        self.cache.pop(rel, None)

    def clear(self) -> None:
        self.cache.clear()


class SiteState:
    """The site as the preview server sees it; every public method takes the lock."""

    def __init__(self, docs_dir: Path, work_dir: Path, *, theme: Path | None = None) -> None:
        self.docs_dir = docs_dir.resolve()
        self.work_dir = work_dir
        self.theme = (theme or theme_dir("mint")).resolve()
        self.options = BuildOptions(self.docs_dir, work_dir / "site", mode="hosted")
        self.lock = threading.RLock()
        self._waiting = 0
        self._waiting_lock = threading.Lock()
        self.reader = LiveReader(self.docs_dir)
        self.parse_cache = ParseCache()
        self.inputs: SiteInputs | None = None
        self.fatal: str | None = None
        """Set while no configuration has ever loaded (no page can be shown)."""
        self.config_problems: tuple[Diagnostic, ...] = ()
        """Errors of docs.json: broken JSON keeps the last good configuration."""
        self.site_diagnostics: tuple[Diagnostic, ...] = ()
        """Problems of the load stage (docs.json warnings and errors)."""
        self.structure_diagnostics: tuple[Diagnostic, ...] = ()
        """Problems of navigation refs and the API stage."""
        self.template_failure: str | None = None
        """Traceback of the last theme template error (cleared when the theme changes)."""
        self.config_refs: frozenset[str] = frozenset()
        self.records: dict[str, PageRecord] = {}
        self.generated: set[str] = set()
        self.by_path: dict[str, str] = {}
        self.ref_to_file: dict[str, str] = {}
        self.api: Any = None
        self.api_diagnostics = Diagnostics()
        self.urls: Any = None
        self.parsed: dict[str, ParsedPage] = {}
        self.parse_diagnostics: dict[str, tuple[Diagnostic, ...]] = {}
        self.render_diagnostics: dict[str, tuple[Diagnostic, ...]] = {}
        self.failures: dict[str, str] = {}
        self.html: dict[str, str] = {}
        self.good_html: dict[str, str] = {}
        self.dependents: dict[str, set[str]] = {}
        self.stale: set[str] = set()
        """Pages whose render is missing or out of date."""
        self.hot: OrderedDict[str, None] = OrderedDict()
        self.infos: dict[str, PageInfo] = {}
        self._navview: NavView | None = None
        self._writer: Any = None
        self._bundles: dict[str, str] = {}
        self._utilities: tuple[frozenset[str], str] | None = None
        self._not_found: str | None = None
        self.search_files: dict[str, str] = {}
        self.search_urls: dict[str, str] = {}
        self.search_stale = True
        self.search_wanted = False
        self.search_ready = threading.Event()
        self._extras: OutputWriter | None = None
        self._extras_stale = True
        self._extras_wanted = False
        self.last_change = 0.0
        self.counters = {"parsed": 0, "rendered": 0, "templated": 0}

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

    # -- load ------------------------------------------------------------------------------------
    def load(self) -> None:
        """The load stage: configuration, sources, navigation; pages known by frontmatter only."""
        with self.foreground():
            diagnostics = Diagnostics()
            try:
                inputs = load_inputs(self.docs_dir, None, diagnostics)
            except ConfigError as exc:
                self.fatal = str(exc)
                self.config_problems = (config_error(exc),)
                return
            self.fatal = None
            self.config_problems = ()
            self.inputs = inputs
            self.site_diagnostics = tuple(diagnostics)
            self.config_refs = _config_refs(self.docs_dir, inputs.config.config_file)
            self.records = {}
            self.parsed.clear()
            for rel in inputs.sources.pages:
                self.records[rel] = new_record(rel, self._quick_frontmatter(rel))
            self._structure_changed()

    def _quick_frontmatter(self, rel: str) -> dict[str, Any]:
        """Frontmatter for navigation labels before the page is parsed (libyaml when present)."""
        try:
            with open(self.docs_dir / rel, "rb") as f:
                head = f.read(_HEAD_BYTES)
                m = _FRONTMATTER.match(head.decode("utf-8-sig", errors="replace"))
                if m is None and len(head) == _HEAD_BYTES and head.lstrip().startswith(b"---"):
                    head += f.read()  # rare: frontmatter longer than the first block
                    m = _FRONTMATTER.match(head.decode("utf-8-sig", errors="replace"))
        except OSError:
            return {}
        if not m:
            return {}
        try:
            data = yaml.load(m.group(1), Loader=_SAFE_LOADER) or {}
        except yaml.YAMLError:
            return {}
        return {str(k).strip(): v for k, v in data.items()} if isinstance(data, dict) else {}

    def _structure_changed(self) -> None:
        """Pages, navigation or configuration changed: rebuild URLs, refs, API pages, navview."""
        assert self.inputs is not None
        config, sources = self.inputs.config, self.inputs.sources
        for rel in self.generated:
            self.records.pop(rel, None)
            self._drop_page(rel)
        self.generated = set()
        nav_diagnostics = Diagnostics()
        self.ref_to_file = resolve_refs(
            config, self.inputs.slots, frozenset(sources.pages), nav_diagnostics
        )
        self.api_diagnostics = Diagnostics()
        self.structure_diagnostics = tuple(nav_diagnostics)
        self.api = LazyApiStage(self._load_api)
        if any(is_operation_ref(s.ref) or s.openapi for s in self.inputs.slots):
            # navigation names operations: their generated pages belong to the structure
            try:
                pages = self.api.real().generated_pages(
                    self.inputs.nav, list(self.inputs.slots), dict(self.records)
                )
                for record, ref in pages:
                    self.records[record.rel_path] = record
                    self.generated.add(record.rel_path)
                    self.ref_to_file.setdefault(ref, record.rel_path)
            except Exception:
                self._api_problem()
            self.structure_diagnostics += tuple(self.api_diagnostics)
            del self.api_diagnostics[:]
        self.urls = make_urls("hosted", (r.site_path for r in self.records.values()), sources)
        self.by_path = {r.site_path: rel for rel, r in sorted(self.records.items())}
        for rel in self.records:
            self._mark_stale(rel, reparse=False)
        self._nav_changed()
        self._writer = None
        self._extras_stale = True
        self.search_stale = True

    def _load_api(self) -> Any:
        """The API stage, loaded the first time a page needs it (specs take a while to load)."""
        assert self.inputs is not None
        found = Diagnostics()
        try:
            from renderer.apipages import ApiStage

            stage: Any = ApiStage(self.inputs.config, self.docs_dir, self.inputs.sources, found)
        except Exception:
            stage = _NoApi()
            found.error(self.inputs.config.config_file, 0, 0, "internal-error", _last_line())
        self.structure_diagnostics += tuple(found)
        found.clear()
        stage.diagnostics = self.api_diagnostics  # what it reports later belongs to a page
        return stage

    def _api_problem(self) -> None:
        assert self.inputs is not None
        self.api_diagnostics.error(
            self.inputs.config.config_file, 0, 0, "internal-error", "API stage: " + _last_line()
        )

    def _nav_changed(self) -> None:
        self._navview = None
        self.html.clear()
        self._not_found = None

    # -- pages -----------------------------------------------------------------------------------
    def page_for(self, site_path: str) -> str | None:
        return self.by_path.get(site_path)

    def page_at(self, site_path: str) -> PageView | None:
        """The page served at `site_path` (rendered now if needed); None when there is none."""
        with self.foreground():
            rel = self.by_path.get(site_path)
            return self.page(rel) if rel is not None and rel in self.records else None

    def page(self, rel: str) -> PageView:
        """The page's HTML (rendered now if needed), its errors, its crash if any."""
        with self.foreground():
            self.hot.pop(rel, None)
            self.hot[rel] = None
            while len(self.hot) > HOT_PAGES:
                self.hot.popitem(last=False)
            text = self._page_html(rel)
            failure = self.failures.get(rel) or self.template_failure
            return PageView(text, self.problems(rel), failure)

    def problems(self, rel: str | None) -> tuple[Diagnostic, ...]:
        found = [*self.config_problems]
        found += [
            d
            for d in (*self.site_diagnostics, *self.structure_diagnostics)
            if d.severity == "error"
        ]
        if rel is not None:
            for d in (*self.parse_diagnostics.get(rel, ()), *self.render_diagnostics.get(rel, ())):
                if d.severity == "error" and d not in found:
                    found.append(d)
        return tuple(found)

    def _page_html(self, rel: str) -> str:
        cached = self.html.get(rel)
        if cached is not None:
            return cached
        record = self.records[rel]
        self._ensure_rendered(rel)
        if rel in self.failures or record.rendered is None:
            return self.good_html.get(rel) or _stub_page(record.rel_path)
        try:
            utilities = bool(self._utilities_css().strip())
            text = self._page_writer().page(record, self._nav(), self._search_urls(), utilities)
        except Exception:
            self.template_failure = traceback.format_exc(limit=-8)
            return self.good_html.get(rel) or _stub_page(record.rel_path)
        self.counters["templated"] += 1
        self.html[rel] = text
        if not any(d.severity == "error" for d in self.problems(rel)):
            self.good_html[rel] = text
        return text

    def _ensure_parsed(self, rel: str) -> ParsedPage | None:
        parsed = self.parsed.get(rel)
        if parsed is not None:
            return parsed
        assert self.inputs is not None
        record = self.records[rel]
        config = self.inputs.config
        try:
            if rel in self.generated:
                parsed, found = self.api.parsed_stub(record), ()
            else:
                salt = _variables_key(config.variables)
                hit = self.parse_cache.lookup(rel, salt, self.reader)
                if hit is None:
                    diagnostics = Diagnostics()
                    parsed = parse_source(rel, config, self.reader, diagnostics)
                    found = tuple(diagnostics)
                    self.parse_cache.store(rel, salt, self.reader, parsed, found)
                    self.counters["parsed"] += 1
                else:
                    parsed, found = hit
        except Exception:
            self.failures[rel] = traceback.format_exc(limit=-8)
            self.parse_diagnostics[rel] = (_crash(rel, "parsing"),)
            return None
        old = self.parsed.get(rel)
        if old is not None:
            for dep in old.depends_on:
                self.dependents.get(dep, set()).discard(rel)
        for dep in parsed.depends_on | {rel}:
            self.dependents.setdefault(dep, set()).add(rel)
        self.parsed[rel] = parsed
        self.parse_diagnostics[rel] = found
        if record.frontmatter != parsed.frontmatter:
            record.frontmatter = parsed.frontmatter
        return parsed

    def _ensure_rendered(self, rel: str) -> None:
        record = self.records[rel]
        if record.rendered is not None and rel not in self.stale:
            return
        self.failures.pop(rel, None)
        parsed = self._ensure_parsed(rel)
        self.stale.discard(rel)
        if parsed is None:
            record.rendered = None
            return
        assert self.inputs is not None
        diagnostics = Diagnostics()
        before = len(self.api_diagnostics)
        if rel not in self.generated:  # as fresh as the build's record
            record.kind, record.api = "markdown", None
        try:
            render_record(record, parsed, self.inputs.config, self.urls, diagnostics, self.api)
        except Exception:
            self.failures[rel] = traceback.format_exc(limit=-8)
            diagnostics.append(_crash(rel, "rendering"))
        diagnostics.extend(self.api_diagnostics[before:])
        del self.api_diagnostics[before:]
        self.render_diagnostics[rel] = tuple(diagnostics)
        self.counters["rendered"] += 1
        self.search_stale = True
        self._extras_stale = True
        self._check_info(record)

    def _check_info(self, record: PageRecord) -> None:
        """A new title, icon or method changes every page's sidebar."""
        info = page_info(record)
        known = self.infos.get(record.ref)
        if self._navview is not None and known is not None and known != info:
            self.infos[record.ref] = info
            self._nav_changed()

    def _mark_stale(self, rel: str, *, reparse: bool) -> None:
        self.stale.add(rel)
        self.html.pop(rel, None)
        if reparse:
            self.parsed.pop(rel, None)

    def _drop_page(self, rel: str) -> None:
        for table in (
            self.parsed,
            self.parse_diagnostics,
            self.render_diagnostics,
            self.failures,
            self.html,
            self.good_html,
        ):
            table.pop(rel, None)  # type: ignore[attr-defined]
        self.stale.discard(rel)
        self.hot.pop(rel, None)
        self.parse_cache.forget(rel)
        for pages in self.dependents.values():
            pages.discard(rel)

    # -- write stage pieces ----------------------------------------------------------------------
    def _nav(self) -> NavView:
        if self._navview is None:
            assert self.inputs is not None
            self._navview = make_navview(
                self.inputs.config,
                self.inputs.nav,
                self.inputs.slots,
                self.records.values(),
                self.ref_to_file,
                self.urls,
                Diagnostics(),
            )
            for record in self.records.values():
                guess = _guess_method(record)
                info = self._navview.pages.get(record.ref)
                if guess and info is not None and info.method is None:
                    self._navview.pages[record.ref] = dataclasses.replace(info, method=guess)
            self.infos = dict(self._navview.pages)
            self.by_path = {r.site_path: rel for rel, r in sorted(self.records.items())}
            if self._writer is not None:
                self._writer.reset_sidebars()
        return self._navview

    def _page_writer(self) -> Any:
        if self._writer is None:
            from renderer.preview_write import PageWriter

            assert self.inputs is not None
            self._writer = PageWriter(self.inputs, self.urls, self.options)
        return self._writer

    def _utilities_css(self) -> str:
        """Tailwind utilities for every class the pages rendered so far use."""
        classes = frozenset(
            c for r in self.records.values() if r.rendered for c in r.rendered.classes
        )
        if self._utilities is None or self._utilities[0] != classes:
            had = bool(self._utilities and self._utilities[1].strip())
            self._utilities = (classes, self._page_writer().utilities(classes))
            if had != bool(self._utilities[1].strip()):
                self.html.clear()  # the build links utilities.css only when it is not empty
                self._not_found = None
        return self._utilities[1]

    def _search_urls(self) -> dict[str, str]:
        if not self.search_urls:
            assert self.inputs is not None
            self.search_urls = expected_search_urls(self.inputs)
        return self.search_urls

    def asset(self, name: str) -> str | None:
        """`_mintrender/<name>` generated in memory: theme bundles, utilities, search index."""
        with self.foreground():
            if self.inputs is None:
                return None
            if not self._bundles:
                self._bundles = self._page_writer().bundles()
            if name in self._bundles:
                return self._bundles[name]
            if name == "utilities.css":
                return self._utilities_css()
            return None

    def not_found_html(self) -> str:
        with self.foreground():
            if self.inputs is None:
                return _stub_page("404")
            if self._not_found is None:
                try:
                    utilities = bool(self._utilities_css().strip())
                    self._not_found = self._page_writer().not_found(
                        self._nav(), self._search_urls(), self.work_dir, utilities
                    )
                except Exception:
                    self._not_found = _stub_page("404")
            return self._not_found

    def static_file(self, rel: str) -> Path | None:
        """A docs-folder file the build would copy (never a page source or docs.json)."""
        inputs = self.inputs
        if inputs is None or rel not in _static_set(inputs):
            return None
        name = PurePosixPath(rel).name
        if name in _CONFIG_FILES or name.endswith((".mdx", ".md")):
            return None
        return _inside(self.docs_dir / rel, self.docs_dir)

    def extra_file(self, rel: str) -> Path | None:
        """A file of the write stage's extras (sitemap, llms.txt, Markdown copies, redirects).

        Served from the last extras folder; a stale one is rebuilt by the background pass.
        """
        with self.foreground():
            if self._extras_stale:
                self._extras_wanted = True
            root = self._extras.tmp if self._extras is not None else None
        if root is None:
            return None
        return _inside(root / rel, root)

    def search_file(self, name: str, wait: float = 60.0) -> str | None:
        """A search index script; the first request waits for the background pass to build it."""
        with self.foreground():
            if self.search_stale:
                self.search_wanted = True
        self.search_ready.wait(wait)
        with self.foreground():
            return self.search_files.get(name)

    def _result(self) -> BuildResult:
        assert self.inputs is not None
        result = BuildResult(self.inputs.config, Diagnostics())
        result.pages = sorted(
            (r for r in self.records.values() if r.rendered is not None),
            key=lambda r: r.output_path,
        )
        return result

    # -- background ------------------------------------------------------------------------------
    def background_step(self) -> bool:
        """Do one piece of pending work; False when there is none. Yields to requests first.

        Pieces: render one stale page; once none is stale, build the search index (at start,
        later only when a request found it stale) and the extras (same rule).
        """
        self._yield_to_foreground()
        with self.lock:
            if self.inputs is None:
                return False
            if self.stale:
                hot = [r for r in reversed(self.hot) if r in self.stale]
                rel = hot[0] if hot else min(self.stale)
                try:
                    self._ensure_rendered(rel)
                except Exception:
                    self.stale.discard(rel)
                return True
            job = ""
            if self.search_stale and (not self.search_ready.is_set() or self.search_wanted):
                job, self.search_stale, self.search_wanted = "search", False, False
            elif self._extras_stale and (self._extras is None or self._extras_wanted):
                job, self._extras_stale, self._extras_wanted = "extras", False, False
            inputs, result, navview, urls = self.inputs, self._result(), self._nav(), self.urls
        if job == "search":
            files, search_urls = build_search_files(inputs, result, navview, self.work_dir)
            with self.lock:
                self.search_files = files
                self.search_ready.set()
                if search_urls and search_urls != self.search_urls:
                    self.search_urls = search_urls
                    self.html.clear()
        elif job == "extras":
            writer = write_extras_folder(inputs, result, urls, self.options, self.work_dir)
            with self.lock:
                old, self._extras = self._extras, writer
            if old is not None:
                old.abort()
        return bool(job)

    def is_idle(self) -> bool:
        """Every page rendered; search index and extras built (at least once)."""
        return not self.stale and self.search_ready.is_set() and self._extras is not None

    # -- changes ---------------------------------------------------------------------------------
    def apply_changes(self, changes: Iterable[tuple[ChangeKind, str | Path]]) -> Update:
        """Map changed files to work and say which pages must reload.

        Only bookkeeping happens here (invalidation, and reading the frontmatter of changed
        pages, which the sidebar of every page shows): the pages are re-rendered right after,
        by the background pass (the pages viewed last first) or by the reloading tab's request,
        which waits on the lock and so never sees the old page.
        """
        t0 = time.perf_counter()
        with self.foreground():
            update = self._apply(list(changes))
            self.last_change = time.monotonic()
        seconds = time.perf_counter() - t0
        return Update(update[0], update[1], seconds, update[2])

    def _apply(
        self, changes: list[tuple[ChangeKind, str | Path]]
    ) -> tuple[frozenset[str] | None, int, str]:
        every = False
        templates = bundles = config = structure = False
        files: list[str] = []
        names: list[str] = []
        for kind, raw in changes:
            path = Path(raw)
            theme_rel = _relative(path, self.theme)
            if theme_rel is not None:
                names.append("theme/" + theme_rel)
                if theme_rel.startswith("static/"):
                    bundles = True
                else:
                    templates = True
                continue
            rel = _relative(path, self.docs_dir)
            if rel is None:
                continue
            names.append(rel)
            self.reader.forget(rel)
            if rel.startswith("_theme/"):
                templates = True
                continue
            if rel in _CONFIG_FILES or rel in self.config_refs:
                config = True
            if kind != "modified" or rel == ".mintignore":
                structure = True
            files.append(rel)
        if self.inputs is None:
            self.load()
            return None, 0, _summary(names, "configuration loaded" if not self.fatal else "")
        if templates:
            self.template_failure = None
            self._writer = None
            self._nav_changed()
            every = True
        if bundles:
            self._bundles.clear()
            self._writer = None  # it links the optional API bundles only when they exist
            self._nav_changed()
            every = True
        if config:
            every = self._reload_config() or every
        elif structure:
            self._rediscover()
            every = True
        touched: set[str] = set()
        reload: set[str] = set()
        specs = False
        for rel in files:
            if rel in _CONFIG_FILES or rel in self.config_refs:
                continue
            pages = set(self.dependents.get(rel, ()))
            if rel in self.records:
                pages.add(rel)
            for page in pages:
                if self._changed(page):
                    touched.add(page)
            if rel.endswith(SPEC_SUFFIXES) and rel not in self.records:
                specs = True
            elif not pages and self.inputs is not None and rel in _static_set(self.inputs):
                users = self._pages_using(rel)
                if users is None:
                    every = True
                reload |= users or set()
        if specs:
            touched |= self._reload_api()
        labels_moved = False
        for rel in touched:
            self._mark_stale(rel, reparse=True)
            record = self.records.get(rel)
            if record is not None and rel not in self.generated:
                # what the sidebar shows comes from frontmatter: read it now, render later
                frontmatter = self._quick_frontmatter(rel)
                if _nav_fields(frontmatter) != _nav_fields(record.frontmatter):
                    record.frontmatter = frontmatter
                    labels_moved = True
        if labels_moved:
            self._nav_changed()
            every = True
        if touched:
            self.search_stale = True
            self._extras_stale = True
        if every:
            return None, len(self.stale), _summary(names, "every page reloads")
        affected = frozenset(
            self.records[rel].site_path for rel in touched | reload if rel in self.records
        )
        if touched:
            what = f"{len(touched)} page{'s' if len(touched) > 1 else ''} to re-render"
        else:
            what = "reload" if reload else "nothing changed"
        return affected, len(touched), _summary(names, what)

    def _changed(self, rel: str) -> bool:
        """False when a page's files hold what it was parsed from (a save without edits)."""
        if rel not in self.parsed or rel in self.generated or self.inputs is None:
            return True
        salt = _variables_key(self.inputs.config.variables)
        return self.parse_cache.lookup(rel, salt, self.reader) is None

    def _pages_using(self, rel: str) -> set[str] | None:
        """Pages linking to a static file; None when unknown (user CSS/JS: every page)."""
        assert self.inputs is not None
        if rel in self.inputs.sources.user_css or rel in self.inputs.sources.user_js:
            return None
        users = {
            p
            for p, r in self.records.items()
            if r.rendered is not None and rel in r.rendered.assets
        }
        return users or None

    def _reload_config(self) -> bool:
        """New docs.json: re-render all, re-parse none. A broken one keeps the last good."""
        diagnostics = Diagnostics()
        try:
            inputs = load_inputs(self.docs_dir, None, diagnostics)
        except ConfigError as exc:
            self.config_problems = (config_error(exc),)
            self.html.clear()
            return True
        old = self.inputs
        self.config_problems = ()
        self.inputs = inputs
        self.site_diagnostics = tuple(diagnostics)
        self.config_refs = _config_refs(self.docs_dir, inputs.config.config_file)
        reparse = old is None or old.config.variables != inputs.config.variables
        self._sync_pages(inputs.sources.pages)
        self._structure_changed()
        if reparse:
            self.parsed.clear()
        return True

    def _rediscover(self) -> None:
        assert self.inputs is not None
        sources = discover(self.docs_dir)
        self.inputs = SiteInputs(self.inputs.config, sources, self.inputs.nav, self.inputs.slots)
        self._sync_pages(sources.pages)
        for rel in list(self.parsed):
            if any(d.code == "mdx-import" for d in self.parse_diagnostics.get(rel, ())):
                self.parsed.pop(rel, None)
        self._structure_changed()

    def _sync_pages(self, pages: Iterable[str]) -> None:
        wanted = set(pages)
        for rel in [r for r in self.records if r not in wanted and r not in self.generated]:
            del self.records[rel]
            self._drop_page(rel)
        for rel in sorted(wanted - set(self.records)):
            self.records[rel] = new_record(rel, self._quick_frontmatter(rel))

    def _reload_api(self) -> set[str]:
        """A spec changed: reload the API stage; the pages it rendered must render again."""
        api_pages = {
            rel
            for rel, r in self.records.items()
            if r.kind == "api"
            or rel in self.generated
            or isinstance(r.frontmatter.get("openapi"), str)
            or isinstance(r.frontmatter.get("api"), str)
        }
        self._structure_changed()
        return api_pages | self.generated

    # -- reporting -------------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        with self.foreground():
            rendered = sum(1 for r in self.records.values() if r.rendered is not None)
            return {
                "pages": len(self.records),
                "rendered": rendered,
                "stale": len(self.stale),
                "idle": self.is_idle(),
                "errors": sum(
                    1
                    for rel in self.records
                    for d in self.render_diagnostics.get(rel, ())
                    + self.parse_diagnostics.get(rel, ())
                    if d.severity == "error"
                ),
                "config_problems": [d.format() for d in self.config_problems],
                **self.counters,
            }

    def close(self) -> None:
        with self.lock:
            if self._extras is not None:
                self._extras.abort()
                self._extras = None


class LazyApiStage:
    """Stands for `ApiStage` until a page with `openapi`/`api` frontmatter needs it."""

    def __init__(self, load: Callable[[], Any]) -> None:
        self._load = load
        self._stage: Any = None

    def real(self) -> Any:
        if self._stage is None:
            self._stage = self._load()
        return self._stage

    @property
    def operations_rendered(self) -> int:
        return int(getattr(self._stage, "operations_rendered", 0))

    def parsed_stub(self, record: PageRecord) -> ParsedPage:
        return self.real().parsed_stub(record)  # type: ignore[no-any-return]

    def attach(self, record: PageRecord, ctx: Any) -> None:
        fm = record.frontmatter
        if self._stage is not None or "openapi" in fm or "api" in fm:
            self.real().attach(record, ctx)


class _NoApi:
    """Stands in for the API stage when it failed to load: pages render without it."""

    operations_rendered = 0

    def parsed_stub(self, record: PageRecord) -> ParsedPage:
        from renderer.mdx import ParsedPage

        return ParsedPage(record.rel_path, record.frontmatter, [], {}, frozenset(), 0)

    def attach(self, record: PageRecord, ctx: Any) -> None:
        return None


_METHODS = frozenset("GET POST PUT PATCH DELETE HEAD OPTIONS TRACE".split())


def _guess_method(record: PageRecord) -> str | None:
    """The sidebar method pill of an `openapi:` page before its operation is resolved."""
    fm = record.frontmatter
    if record.rendered is not None or record.kind == "api" or fm.get("hideApiMarker") is True:
        return None
    ref = fm.get("openapi")
    if not isinstance(ref, str):
        return None
    tokens = ref.split()
    for token in tokens:
        if token.upper() in _METHODS:
            return token.upper()
    if tokens and tokens[0].lower() == "webhook":
        return "WEBHOOK"
    return None


def config_error(exc: ConfigError) -> Diagnostic:
    """`docs.json:1:49: invalid JSON: ...` as a Diagnostic."""
    text = str(exc)
    m = re.match(r"([^:]+):(\d+):(\d+): (.*)", text, re.S)
    if m:
        return Diagnostic(
            "error", m.group(1), int(m.group(2)), int(m.group(3)), "config", m.group(4)
        )
    return Diagnostic("error", "docs.json", 0, 0, "config", text)


def _config_refs(docs_dir: Path, config_file: str) -> frozenset[str]:
    """Files docs.json pulls in with `$ref` (a change to them is a configuration change)."""
    found: set[str] = set()
    pending = [docs_dir / config_file]
    while pending and len(found) < 200:
        path = pending.pop()
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError):
            continue
        stack = [data]
        while stack:
            value = stack.pop()
            if isinstance(value, dict):
                ref = value.get("$ref")
                if isinstance(ref, str) and not ref.startswith("#"):
                    target = (path.parent / ref).resolve()
                    rel = _relative(target, docs_dir)
                    if rel is not None and rel not in found:
                        found.add(rel)
                        pending.append(target)
                stack.extend(value.values())
            elif isinstance(value, list):
                stack.extend(value)
    return frozenset(found)


_STATIC_SETS: dict[int, frozenset[str]] = {}


def _static_set(inputs: SiteInputs) -> frozenset[str]:
    key = id(inputs.sources)
    found = _STATIC_SETS.get(key)
    if found is None:
        _STATIC_SETS.clear()
        found = _STATIC_SETS[key] = frozenset(inputs.sources.static)
    return found


def _relative(path: Path, root: Path) -> str | None:
    """POSIX path of `path` inside `root` (the watcher reports absolute paths under it)."""
    if not path.is_absolute():
        return None
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(root).as_posix()
    except (ValueError, OSError):
        return None


def _inside(path: Path, root: Path) -> Path | None:
    """`path` when it is a regular file that resolves inside `root` (symlinks followed)."""
    try:
        resolved = path.resolve(strict=True)
        root_resolved = root.resolve()
    except (OSError, RuntimeError):
        return None
    if not resolved.is_relative_to(root_resolved) or not resolved.is_file():
        return None
    return resolved


def _nav_fields(frontmatter: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(frontmatter.get(key) for key in NAV_KEYS)


def _variables_key(variables: dict[str, str]) -> str:
    return json.dumps(variables, sort_keys=True, default=str)


def _crash(rel: str, stage: str) -> Diagnostic:
    return Diagnostic("error", rel, 0, 0, "internal-error", f"{stage} crashed: {_last_line()}")


def _last_line() -> str:
    lines = traceback.format_exc().strip().splitlines()
    return lines[-1] if lines else "unknown error"


def _stub_page(title: str) -> str:
    from html import escape

    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>"
        + escape(title)
        + "</title></head><body></body></html>"
    )


def _summary(names: list[str], what: str) -> str:
    shown = ", ".join(sorted(set(names))[:3])
    more = len(set(names)) - 3
    if more > 0:
        shown += f" (+{more})"
    return f"{shown}: {what}" if what else shown


def make_work_dir() -> Path:
    """The private folder of one preview server (outside the docs folder)."""
    return Path(tempfile.mkdtemp(prefix="mintrender-preview-"))


def remove_work_dir(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
