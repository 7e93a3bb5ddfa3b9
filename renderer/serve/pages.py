"""The site as the preview server holds it: load-stage inputs and every page, parsed and
rendered on demand by the build's own stage functions (`mintrender.build`).

`Pages` runs the load stage once (configuration, sources, navigation; page titles for the
sidebar from a quick frontmatter read), then parses and renders each page the first time it is
needed, and keeps it until a file it depends on changes. Parsed pages are kept too, so a
configuration change re-renders without re-parsing; `cache.ParseCache` skips pages whose files
did not really change. Nothing here raises on user content: a broken page or docs.json becomes
diagnostics. Not thread-safe: `state.SiteState` holds its lock around every call.

Three counters say what changed, so the write-stage pieces built from this state
(`outputs.SiteOutputs`) know when to rebuild: `structure_version` (pages, URLs, configuration),
`nav_version` (what the sidebar shows), `content_version` (any page's render).
"""

from __future__ import annotations

import dataclasses
import traceback
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

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
from mintrender.errors import Diagnostic, Diagnostics, internal_error
from mintrender.load.config import CONFIG_FILES, ConfigError
from mintrender.load.contain import resolve_inside
from mintrender.load.nav import Navigation, PageSlot, file_languages, is_operation_ref
from mintrender.load.remote import spec_downloads
from mintrender.load.sources import (
    Reader,
    discover,
    listed_folders,
    shadowed_files,
    snippet_globs,
)
from mintrender.model import BuildOptions, PageRecord
from mintrender.parse.mdx import ParsedPage
from mintrender.render.apinav import has_api_entries
from mintrender.render.apipages import ApiStage
from mintrender.render.context import RenderContext
from mintrender.render.navview import NavView
from mintrender.render.pageinfo import page_info
from mintrender.render.sanitize import without_active_files
from mintrender.serve.cache import ParseCache, variables_key
from mintrender.serve.files import config_refs, inside, quick_frontmatter
from mintrender.urls import UrlBuilder


class LiveReader(Reader):
    """The build's file reader, resolving folders afresh on every read (entries are dropped,
    `forget`, when the watcher reports a change)."""

    def _inside(self, rel: str) -> Path | None:
        # folders change while serving (one may become a link): every read resolves afresh
        return resolve_inside(self.docs_dir, self.docs_dir / rel)


class Pages:
    """Load-stage inputs, page records, and each page's parse, render and HTML when known."""

    def __init__(self, docs_dir: Path, options: BuildOptions) -> None:
        self.docs_dir = docs_dir
        self.options = options
        self.reader = LiveReader(docs_dir)
        self.parse_cache = ParseCache()
        self.inputs: SiteInputs | None = None
        self.listed_nav: Navigation | None = None
        """The navigation as docs.json gives it (`inputs.nav` is it expanded)."""
        self.fatal: str | None = None
        """Set while no configuration has ever loaded (no page can be shown)."""
        self.config_problems: tuple[Diagnostic, ...] = ()
        """Errors of docs.json: broken JSON keeps the last good configuration."""
        self.site_diagnostics: tuple[Diagnostic, ...] = ()
        """Problems of the load stage (docs.json warnings and errors)."""
        self.structure_diagnostics: tuple[Diagnostic, ...] = ()
        """Problems of navigation refs and the API stage."""
        self.config_refs: frozenset[str] = frozenset()
        self.records: dict[str, PageRecord] = {}
        self.generated: set[str] = set()
        """Pages the API stage made for navigation entries naming operations."""
        self.by_path: dict[str, str] = {}
        self.shadowed: set[str] = set()
        """Page files left out because another file makes the same page (`page-shadowed`)."""
        self.ref_to_file: dict[str, str] = {}
        self.languages: dict[str, str] = {}
        """Page file -> its language code (`file_languages`), with `ref_to_file`."""
        self.api: LazyApiStage | None = None
        self.api_diagnostics = Diagnostics()
        self.urls: UrlBuilder | None = None
        self.parsed: dict[str, ParsedPage] = {}
        self.parse_diagnostics: dict[str, tuple[Diagnostic, ...]] = {}
        self.render_diagnostics: dict[str, tuple[Diagnostic, ...]] = {}
        self.failures: dict[str, str] = {}
        """Tracebacks of pages whose parse or render crashed."""
        self.html: dict[str, str] = {}
        """Templated pages (filled by `outputs.SiteOutputs.page_html`)."""
        self.good_html: dict[str, str] = {}
        """The last HTML of each page without errors (shown while it is broken)."""
        self.template_failures: dict[str, str] = {}
        """Theme template errors per page (cleared when the page templates again)."""
        self.dependents: dict[str, set[str]] = {}
        self.stale: set[str] = set()
        """Pages whose render is missing or out of date."""
        self.hot: OrderedDict[str, None] = OrderedDict()
        """Pages viewed last, newest last (re-rendered first after a change)."""
        self.order: dict[str, int] = {}
        """Pages in the order the background pass renders them."""
        self._navview: NavView | None = None
        self.counters = {"parsed": 0, "rendered": 0, "templated": 0}
        self.structure_version = 0
        self.nav_version = 0
        self.content_version = 0

    # -- load stage ------------------------------------------------------------------------------
    def load(self) -> None:
        """The load stage: configuration, sources, navigation; pages known by frontmatter only."""
        diagnostics = Diagnostics()
        try:
            inputs = load_inputs(self.docs_dir, (), diagnostics, self.options.safe)
        except ConfigError as exc:
            self.fatal = str(exc)
            self.config_problems = (exc.diagnostic,)
            return
        self.fatal = None
        self.config_problems = ()
        self.inputs = inputs
        self.listed_nav = inputs.nav
        self.site_diagnostics = tuple(diagnostics)
        self.config_refs = config_refs(self.docs_dir, inputs.config.config_file)
        self.records = {}
        self.parsed.clear()
        for rel in inputs.sources.pages:
            self.records[rel] = new_record(rel, self.frontmatter(rel))
        self.structure_changed()

    def frontmatter(self, rel: str) -> dict[str, Any]:
        """A page's frontmatter read from its file now (before, or without, parsing it)."""
        return quick_frontmatter(self.docs_dir / rel)

    def reload_config(self) -> None:
        """New docs.json: re-render all, re-parse none. A broken one keeps the last good."""
        diagnostics = Diagnostics()
        try:
            inputs = load_inputs(self.docs_dir, (), diagnostics, self.options.safe)
        except ConfigError as exc:
            self.config_problems = (exc.diagnostic,)
            self.html.clear()
            return
        old = self.inputs
        self.config_problems = ()
        self.inputs = inputs
        self.listed_nav = inputs.nav
        self.site_diagnostics = tuple(diagnostics)
        self.config_refs = config_refs(self.docs_dir, inputs.config.config_file)
        reparse = old is None or old.config.variables != inputs.config.variables
        self._sync_pages(inputs.sources.pages)
        self.structure_changed()
        if reparse:
            self.parsed.clear()

    def rediscover(self, files: list[str]) -> None:
        """Files came or went: new sources; pages that may name a new file are re-parsed."""
        assert self.inputs is not None
        globs = snippet_globs(self.inputs.config.raw.get("snippets"))
        listed = listed_folders(self.inputs.config.raw.get("navigation"))
        sources = discover(self.docs_dir, (), globs, listed)
        if self.options.safe is not None:
            sources = without_active_files(sources, Diagnostics())  # said at load already
        self.inputs = SiteInputs(self.inputs.config, sources, self.inputs.nav, self.inputs.slots)
        self._sync_pages(sources.pages)
        # an import or <Snippet file> that did not resolve names the file by its stem
        stems = {Path(rel).stem for rel in files if Path(rel).stem}
        for rel in list(self.parsed):
            text = self.reader(rel) or ""
            unresolved = any(d.code == "mdx-import" for d in self.parse_diagnostics.get(rel, ()))
            if unresolved or any(stem in text for stem in stems):
                self.parsed.pop(rel, None)
                self.parse_cache.forget(rel)  # its files are the same, what exists is not
        self.structure_changed()

    def _sync_pages(self, pages: Iterable[str]) -> None:
        wanted = set(pages)
        for rel in [r for r in self.records if r not in wanted and r not in self.generated]:
            del self.records[rel]
            self._drop_page(rel)
        for rel in sorted(wanted - set(self.records)):
            self.records[rel] = new_record(rel, self.frontmatter(rel))

    def reload_api(self) -> set[str]:
        """A spec changed: reload the API stage; returns the pages that must render again."""
        api_pages = {
            rel
            for rel, r in self.records.items()
            if r.kind == "api"
            or rel in self.generated
            or r.meta.openapi is not None
            or r.meta.api is not None
            or r.meta.asyncapi is not None
            or r.meta.openapi_schema is not None
        }
        if self.generated:  # navigation names operations: their pages may come or go
            self.structure_changed()
            return api_pages | self.generated
        self.api = LazyApiStage(self._load_api)
        return api_pages

    def structure_changed(self) -> None:
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
        api = self.api = LazyApiStage(self._load_api)
        listed = self.listed_nav or self.inputs.nav
        if has_api_entries(listed.root):
            # navigation-level specs (one page per operation, grouped by tag) and operation
            # entries (each under its page's one ref), from the navigation as docs.json has it
            try:
                nav = api.real().expand_navigation(listed)
                self.inputs = SiteInputs(config, sources, nav, tuple(nav.slots()))
                self.ref_to_file = resolve_refs(
                    config, self.inputs.slots, frozenset(sources.pages), Diagnostics()
                )
            except Exception:
                self._api_problem()
        if any(is_operation_ref(s.ref) or s.openapi for s in self.inputs.slots):
            # navigation names operations: their generated pages belong to the structure
            try:
                pages = api.real().generated_pages(list(self.inputs.slots), dict(self.records))
                for record, ref in pages:
                    self.records[record.rel_path] = record
                    self.generated.add(record.rel_path)
                    self.ref_to_file.setdefault(ref, record.rel_path)
            except Exception:
                self._api_problem()
            self.structure_diagnostics += tuple(self.api_diagnostics)
            del self.api_diagnostics[:]
        self.languages = file_languages(self.inputs.slots, self.ref_to_file)
        self.urls = make_urls(
            "hosted",
            (r.site_path for r in self.records.values()),
            sources,
            config,
            self.options.safe is not None,
        )
        shadowing = Diagnostics()
        named = [(rel, r.site_path) for rel, r in sorted(self.records.items())]
        self.shadowed = shadowed_files(named, set(self.ref_to_file.values()), shadowing)
        self.structure_diagnostics += tuple(shadowing)
        self.by_path = {
            r.site_path: rel for rel, r in sorted(self.records.items()) if rel not in self.shadowed
        }
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
            self.mark_stale(rel, reparse=False)
        self.structure_version += 1
        self.nav_changed()

    def _load_api(self) -> ApiStage | NoApi:
        """The API stage, loaded the first time a page needs it (specs take a while to load)."""
        assert self.inputs is not None
        found = Diagnostics()
        stage: ApiStage | NoApi
        try:
            stage = ApiStage(
                self.inputs.config,
                self.docs_dir,
                self.inputs.sources,
                found,
                spec_downloads(self.options.safe, self.options.cache_dir),
            )
        except Exception:
            stage = NoApi()
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

    def nav_changed(self) -> None:
        """What the sidebar shows changed: every page templates again."""
        self._navview = None
        self.html.clear()
        self.nav_version += 1

    # -- pages -----------------------------------------------------------------------------------
    def viewed(self, rel: str, keep: int) -> None:
        """A page was requested: it is re-rendered first after the next change."""
        self.hot.pop(rel, None)
        self.hot[rel] = None
        while len(self.hot) > keep:
            self.hot.popitem(last=False)

    def problems(self, rel: str | None) -> tuple[Diagnostic, ...]:
        """Errors to overlay on a page: the configuration's, then the page's own."""
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

    def is_current(self, rel: str) -> bool:
        """False when a page's files changed since it was parsed (a save without edits: True)."""
        if rel not in self.parsed or rel in self.generated or self.inputs is None:
            return False
        salt = variables_key(self.inputs.config.variables)
        return self.parse_cache.lookup(rel, salt, self.reader) is not None

    def _ensure_parsed(self, rel: str) -> ParsedPage | None:
        parsed = self.parsed.get(rel)
        if parsed is not None:
            return parsed
        assert self.inputs is not None and self.api is not None
        record = self.records[rel]
        config = self.inputs.config
        found: tuple[Diagnostic, ...] = ()
        try:
            if rel in self.generated:
                parsed = self.api.real().parsed_stub(record)
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
        except Exception as exc:
            self.failures[rel] = traceback.format_exc(limit=-8)
            self.parse_diagnostics[rel] = (internal_error(rel, 0, "parsing", exc),)
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

    def ensure_rendered(self, rel: str) -> None:
        """Parse (unless kept) and render the page when its render is missing or stale."""
        record = self.records[rel]
        if record.rendered is not None and rel not in self.stale:
            return
        self.failures.pop(rel, None)
        parsed = self._ensure_parsed(rel)
        self.stale.discard(rel)
        if parsed is None:
            record.rendered = record.tokens = None
            self.content_version += 1
            return
        assert self.inputs is not None and self.urls is not None and self.api is not None
        diagnostics = Diagnostics()
        before = len(self.api_diagnostics)
        if rel not in self.generated:  # as fresh as the build's record
            record.kind, record.api = "markdown", None
        record.tokens = parsed.tokens  # for the Markdown copy, as the build keeps them
        try:
            render_record(
                record,
                parsed,
                self.inputs.config,
                self.urls,
                diagnostics,
                self.api,
                safe=self.options.safe,
                language=self.languages.get(rel, ""),
            )
        except Exception as exc:
            self.failures[rel] = traceback.format_exc(limit=-8)
            diagnostics.append(internal_error(rel, 0, "rendering", exc))
        diagnostics.extend(self.api_diagnostics[before:])
        del self.api_diagnostics[before:]
        self.render_diagnostics[rel] = tuple(diagnostics)
        self.counters["rendered"] += 1
        self.content_version += 1
        self._check_info(record)

    def _check_info(self, record: PageRecord) -> None:
        """A new title, icon or method changes every page's sidebar."""
        if self._navview is None:
            return
        known = self._navview.pages.get(record.ref)
        if known is not None and known != page_info(record):
            self.nav_changed()

    def mark_stale(self, rel: str, *, reparse: bool) -> None:
        self.stale.add(rel)
        self.html.pop(rel, None)
        self.content_version += 1
        if reparse:
            self.parsed.pop(rel, None)

    def next_stale(self) -> str | None:
        """The stale page to render next: the last viewed first, then in navigation order."""
        if not self.stale:
            return None
        hot = [r for r in reversed(self.hot) if r in self.stale]
        return hot[0] if hot else min(self.stale, key=lambda r: self.order.get(r, 1 << 30))

    def _drop_page(self, rel: str) -> None:
        for table in (
            self.parsed,
            self.parse_diagnostics,
            self.render_diagnostics,
            self.failures,
            self.html,
            self.good_html,
            self.template_failures,
        ):
            table.pop(rel, None)
        self.stale.discard(rel)
        self.hot.pop(rel, None)
        self.parse_cache.forget(rel)
        for pages in self.dependents.values():
            pages.discard(rel)

    # -- navigation and files --------------------------------------------------------------------
    def built(self) -> list[PageRecord]:
        """The pages the site has: every record but the shadowed ones (as `build` leaves out)."""
        return [r for rel, r in self.records.items() if rel not in self.shadowed]

    def nav(self) -> NavView:
        """The navigation view (rebuilt after navigation or label changes)."""
        if self._navview is None:
            assert self.inputs is not None and self.urls is not None
            self._navview = make_navview(
                self.inputs.config,
                self.inputs.nav,
                self.inputs.slots,
                self.built(),
                self.ref_to_file,
                self.urls,
                Diagnostics(),
            )
            for record in self.records.values():
                guess = _guess_method(record)
                info = self._navview.pages.get(record.ref)
                if guess and info is not None and info.method is None:
                    self._navview.pages[record.ref] = dataclasses.replace(info, method=guess)
        return self._navview

    def static_set(self) -> frozenset[str]:
        """Every static file of the docs folder (as discovery last saw it: the URL builder's)."""
        if self.inputs is None or self.urls is None:
            return frozenset()
        return self.urls.files

    def static_file(self, rel: str) -> Path | None:
        """A docs-folder file the build would copy (never a page source or docs.json)."""
        if rel not in self.static_set():
            return None
        name = PurePosixPath(rel).name
        if name in CONFIG_FILES or name.endswith((".mdx", ".md")):
            return None
        return inside(self.docs_dir / rel, self.docs_dir)

    def count(self, severity: str) -> int:
        """Distinct diagnostics of this severity over the site (pages rendered so far)."""
        return sum(1 for d in self.all_problems() if d.severity == severity)

    def all_problems(self) -> set[Diagnostic]:
        """Every distinct diagnostic of the site as it stands (pages rendered so far)."""
        found = {
            d
            for rel in self.records
            for d in (*self.parse_diagnostics.get(rel, ()), *self.render_diagnostics.get(rel, ()))
        }
        found.update(self.site_diagnostics)
        found.update(self.structure_diagnostics)
        found.update(self.config_problems)
        return found


class LazyApiStage:
    """Stands for `ApiStage` until a page with `openapi`, `api`, `asyncapi` or
    `openapi-schema` needs it."""

    def __init__(self, load: Callable[[], ApiStage | NoApi]) -> None:
        self._load = load
        self._stage: ApiStage | NoApi | None = None

    def real(self) -> ApiStage | NoApi:
        if self._stage is None:
            self._stage = self._load()
        return self._stage

    def read_files(self) -> set[str]:
        """The files its specs were read from, and those their `$ref`s name (docs-folder
        relative): saving one of them changes the API pages, whatever its first lines hold."""
        store = getattr(getattr(self._stage, "index", None), "store", None)
        return {store.rel(path) for path, _ in store.files()} if store is not None else set()

    def attach(self, record: PageRecord, ctx: RenderContext) -> None:
        meta = record.meta
        if (
            self._stage is not None
            or meta.openapi
            or meta.api
            or meta.asyncapi
            or meta.openapi_schema
        ):
            self.real().attach(record, ctx)


class NoApi:
    """Stands in for the API stage when it failed to load: pages render without it."""

    def __init__(self) -> None:
        self.diagnostics = Diagnostics()

    def expand_navigation(self, nav: Navigation) -> Navigation:
        raise RuntimeError("the API stage did not load")

    def generated_pages(
        self, slots: Sequence[PageSlot], records: dict[str, PageRecord]
    ) -> list[tuple[PageRecord, str]]:
        return []

    def parsed_stub(self, record: PageRecord) -> ParsedPage:
        return ParsedPage(record.rel_path, record.frontmatter, [], {}, frozenset(), 0)

    def attach(self, record: PageRecord, ctx: RenderContext) -> None:
        return None


def _guess_method(record: PageRecord) -> str | None:
    """The sidebar pill of an `openapi: webhook ...` page before its operation is resolved
    (`PageMeta.method` already gives HTTP methods; the build shows the resolved operation's)."""
    meta = record.meta
    if record.rendered is not None or record.kind == "api" or meta.hide_api_marker:
        return None
    tokens = (meta.openapi or "").split()
    return "WEBHOOK" if tokens and tokens[0].lower() == "webhook" else None


def _last_line() -> str:
    lines = traceback.format_exc().strip().splitlines()
    return lines[-1] if lines else "unknown error"
