"""Incremental site state for the preview server: pages on demand, re-rendered by dependency.

`SiteState` holds what `build()` computes, page by page and lazily, through the same stage
functions (`renderer.build`): the load stage once (configuration, sources, navigation; page
titles for the sidebar from a quick frontmatter read), then each page parsed, rendered and
templated the first time it is requested or reached by the background pass, and kept until a
file it depends on changes (`renderer.changes` maps changed files to that work). Parsed pages are
kept too, so a configuration change re-renders without re-parsing; `cache.ParseCache` skips
pages whose files did not really change.

One lock guards everything; requests take it ahead of the background pass, and wait while a
change is applied ("requests held while a build runs"). Nothing here raises on user content: a
broken page or docs.json becomes diagnostics that the server overlays on the last good output.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import tempfile
import threading
import time
import traceback
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import yaml
from mintrender.build import (
    SiteInputs,
    load_inputs,
    make_navview,
    make_urls,
    new_record,
    parse_source,
    render_record,
    resolve_refs,
)
from mintrender.errors import Diagnostic, Diagnostics
from mintrender.load.config import ConfigError
from mintrender.load.nav import is_operation_ref
from mintrender.load.sources import Reader
from mintrender.model import BuildOptions, PageRecord
from mintrender.render.navview import page_info
from mintrender.serve.cache import ParseCache
from mintrender.serve.changes import (
    CONFIG_FILES,
    ChangeMapping,
    config_error,
    config_refs,
    variables_key,
)
from mintrender.serve.pagewriter import SiteOutputs
from mintrender.themes import theme_dir

if TYPE_CHECKING:
    from mintrender.parse.mdx import ParsedPage
    from mintrender.render.navview import NavView, PageInfo

HOT_PAGES = 4
"""The pages viewed last are re-rendered first after a change (their tabs reload first)."""
_FRONTMATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*$", re.S | re.M
)
_HEAD_BYTES = 8192
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


class SiteState(ChangeMapping):
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
        self.template_failures: dict[str, str] = {}
        """Theme template errors per page (cleared when the page templates again)."""
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
        self._static: tuple[Any, frozenset[str]] = (None, frozenset())
        self.order: dict[str, int] = {}
        """Pages in the order the background pass renders them."""
        self.outputs = SiteOutputs(self)
        """Theme bundles, utilities, 404, search index, extras (`preview_write`)."""
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
            self.config_refs = config_refs(self.docs_dir, inputs.config.config_file)
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
        from mintrender.render.apipages import has_api_specs

        if has_api_specs(self.inputs.nav.root):
            # navigation-level specs: one page per operation, grouped by tag
            try:
                nav = self.api.real().expand_navigation(self.inputs.nav)
                self.inputs = SiteInputs(config, sources, nav, tuple(nav.slots()))
                self.ref_to_file = resolve_refs(
                    config, self.inputs.slots, frozenset(sources.pages), Diagnostics()
                )
            except Exception:
                self._api_problem()
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
        self.urls = make_urls(
            "hosted", (r.site_path for r in self.records.values()), sources, config
        )
        self.by_path = {r.site_path: rel for rel, r in sorted(self.records.items())}
        # background order: the home page, then navigation order, then the rest
        order = [
            self.by_path.get("/", ""),
            *(self.ref_to_file.get(s.ref, "") for s in self.inputs.slots),
        ]
        self.order = {}
        for rel in [*order, *sorted(self.records)]:
            if rel in self.records:
                self.order.setdefault(rel, len(self.order))
        for rel in self.records:
            self._mark_stale(rel, reparse=False)
        self._nav_changed()
        self.outputs.structure_changed_locked()

    def _load_api(self) -> Any:
        """The API stage, loaded the first time a page needs it (specs take a while to load)."""
        assert self.inputs is not None
        found = Diagnostics()
        try:
            from mintrender.render.apipages import ApiStage

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
        self.outputs.nav_changed_locked()

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
            failure = self.failures.get(rel) or self.template_failures.get(rel)
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
            outputs = self.outputs
            utilities = bool(outputs.utilities_locked().strip())
            text = outputs.writer_locked().page(
                record, self.nav_locked(), outputs.search_urls_locked(), utilities
            )
        except Exception:
            self.template_failures[rel] = traceback.format_exc(limit=-8)
            return self.good_html.get(rel) or _stub_page(record.rel_path)
        self.template_failures.pop(rel, None)
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
                salt = variables_key(config.variables)
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
            record.set_frontmatter(parsed.frontmatter)
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
        self.outputs.pages_changed_locked()
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
        self.template_failures.pop(rel, None)
        self.stale.discard(rel)
        self.hot.pop(rel, None)
        self.parse_cache.forget(rel)
        for pages in self.dependents.values():
            pages.discard(rel)

    # -- write stage pieces ----------------------------------------------------------------------
    def nav_locked(self) -> NavView:
        """The navigation view (rebuilt after navigation or label changes); lock held."""
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
        return self._navview

    def asset(self, name: str) -> str | None:
        return self.outputs.asset(name)

    def first_page_url(self) -> str | None:
        try:
            return self.outputs.first_page_url()
        except Exception:
            return None

    def not_found_html(self) -> str:
        try:
            return self.outputs.not_found_html() or _stub_page("404")
        except Exception:
            return _stub_page("404")

    def static_set(self) -> frozenset[str]:
        """Every static file of the docs folder (as discovery last saw it)."""
        inputs = self.inputs
        if inputs is None:
            return frozenset()
        sources, found = self._static
        if sources is not inputs.sources:
            found = frozenset(inputs.sources.static)
            self._static = (inputs.sources, found)
        return found

    def static_file(self, rel: str) -> Path | None:
        """A docs-folder file the build would copy (never a page source or docs.json)."""
        inputs = self.inputs
        if inputs is None or rel not in self.static_set():
            return None
        name = PurePosixPath(rel).name
        if name in CONFIG_FILES or name.endswith((".mdx", ".md")):
            return None
        return inside(self.docs_dir / rel, self.docs_dir)

    def extra_file(self, rel: str) -> Path | None:
        return self.outputs.extra_file(rel)

    def search_file(self, name: str, wait: float = 60.0) -> str | None:
        return self.outputs.search_file(name, wait)

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
                rel = hot[0] if hot else min(self.stale, key=lambda r: self.order.get(r, 1 << 30))
                try:
                    self._ensure_rendered(rel)
                except Exception:
                    self.stale.discard(rel)
                return True
            job = self.outputs.next_job_locked()
        if job is None:
            return False
        job()
        return True

    def is_idle(self) -> bool:
        """Every page rendered; search index and extras built (at least once)."""
        return not self.stale and self.outputs.ready()

    # -- reporting -------------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        with self.foreground():
            rendered = sum(1 for r in self.records.values() if r.rendered is not None)
            return {
                "pages": len(self.records),
                "rendered": rendered,
                "stale": len(self.stale),
                "idle": self.is_idle(),
                "errors": self._count("error"),
                "warnings": self._count("warning"),
                "config_problems": [d.format() for d in self.config_problems],
                **self.counters,
            }

    def _count(self, severity: str) -> int:
        found = {
            d
            for rel in self.records
            for d in (*self.parse_diagnostics.get(rel, ()), *self.render_diagnostics.get(rel, ()))
            if d.severity == severity
        }
        found.update(d for d in self.site_diagnostics if d.severity == severity)
        found.update(d for d in self.structure_diagnostics if d.severity == severity)
        return len(found)

    def close(self) -> None:
        with self.lock:
            self.outputs.close()


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
        from mintrender.parse.mdx import ParsedPage

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


def inside(path: Path, root: Path) -> Path | None:
    """`path` when it is a regular file that resolves inside `root` (symlinks followed)."""
    try:
        resolved = path.resolve(strict=True)
        root_resolved = root.resolve()
    except (OSError, RuntimeError):
        return None
    if not resolved.is_relative_to(root_resolved) or not resolved.is_file():
        return None
    return resolved


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


def make_work_dir() -> Path:
    """The private folder of one preview server (outside the docs folder)."""
    return Path(tempfile.mkdtemp(prefix="mintrender-preview-"))


def remove_work_dir(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
