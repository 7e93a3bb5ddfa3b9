"""The build: load, parse and render every page, index, then write the site (DESIGN.md)."""

from __future__ import annotations

import dataclasses
import functools
import gc
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from mintrender.buildcache import (
    CachedPage,
    PageStore,
    file_digests,
    folder_key,
    options_key,
    site_key,
    spec_files_key,
    unique,
)
from mintrender.cache import build_cache_dir, prune, site_store
from mintrender.check.config import config_findings, duplicate_entries
from mintrender.errors import Diagnostic, Diagnostics
from mintrender.faults import fault_notice
from mintrender.hints import closest_path
from mintrender.load.config import ConfigError, SiteConfig, find_config, load_config
from mintrender.load.jsonpos import format_path
from mintrender.load.nav import (
    NavDivision,
    Navigation,
    PageSlot,
    build_navigation,
    file_languages,
    is_operation_ref,
)
from mintrender.load.redirects import RedirectTargets
from mintrender.load.remote import spec_downloads
from mintrender.load.sources import (
    Reader,
    SourceFiles,
    discover,
    listed_folders,
    not_a_page,
    page_file_for_ref,
    page_shares,
    snippet_globs,
    unique_pages,
)
from mintrender.model import (
    BuildOptions,
    BuildResult,
    PageMeta,
    PageRecord,
    Progress,
    Publish,
    Safety,
)
from mintrender.parse.mdx import ParsedPage, parse_page
from mintrender.render import navview as navigation_view
from mintrender.render.apipages import ApiStage, AttachesApi
from mintrender.render.context import RenderContext
from mintrender.render.navview import NavView, PageInfo, sidebar_icons
from mintrender.render.page import render_page, without_imported
from mintrender.render.pageinfo import page_info
from mintrender.render.sanitize import (
    sanitize_record,
    without_active_files,
    without_unsafe_redirects,
)
from mintrender.spill import Spill
from mintrender.urls import UrlBuilder, output_path_for, site_path_for
from mintrender.workers import Background, auto_jobs, can_fork, fork_map
from mintrender.write.files import output_problem, unwritable

_IN_WORKERS = "rendering pages in worker processes for"  # a worker failed as a whole


@dataclass(frozen=True, slots=True)
class SiteInputs:
    """The load stage: configuration, source files and the navigation tree."""

    config: SiteConfig
    sources: SourceFiles
    nav: Navigation
    slots: tuple[PageSlot, ...]
    """Every navigation entry in reading order."""


def load_inputs(
    docs_dir: Path, written: Sequence[Path], diagnostics: Diagnostics, safe: Safety | None = None
) -> SiteInputs:
    """docs.json, the docs folder (never `written`) and the navigation; raises ConfigError."""
    config = load_config(docs_dir, diagnostics)
    listed = listed_folders(config.raw.get("navigation"))
    sources = discover(docs_dir, written, snippet_globs(config.raw.get("snippets")), listed)
    sources.report(diagnostics)
    config.report_missing_files(frozenset(sources.static), diagnostics)
    if safe is not None:
        sources = without_active_files(sources, diagnostics)
        config = without_unsafe_redirects(config, diagnostics)
    try:
        nav = _load_navigation(config, diagnostics)
    except Exception as exc:  # the pages still build, without a sidebar
        diagnostics.internal(config.config_file, 0, "reading the navigation of", exc)
        nav = Navigation(NavDivision("root", "", ("navigation",)), {})
    return SiteInputs(config, sources, nav, tuple(nav.slots()))


def new_record(rel: str, frontmatter: dict[str, Any]) -> PageRecord:
    site_path = site_path_for(rel)
    return PageRecord(
        rel,
        rel.rsplit(".", 1)[0],
        site_path,
        output_path_for(site_path),
        frontmatter,
        PageMeta.of(frontmatter),
    )


def parse_source(
    rel: str, config: SiteConfig, read: Reader, diagnostics: Diagnostics, *, for_check: bool = False
) -> ParsedPage:
    """Parse one page file (a missing file parses as an empty page); a file it read that is
    not UTF-8 gets a warning at its first bad byte, one it could not read a warning too
    (`Reader.report`). `for_check`: see `parse_page`."""
    parsed = parse_page(
        rel,
        read(rel) or "",
        docs_dir=config.docs_dir,
        diagnostics=diagnostics,
        read=read,
        variables=config.variables,
        for_check=for_check,
    )
    read.report(sorted(parsed.depends_on | {rel}), diagnostics)
    return parsed


def resolve_refs(
    config: SiteConfig,
    slots: Sequence[PageSlot],
    page_files: frozenset[str],
    diagnostics: Diagnostics,
) -> dict[str, str]:
    """Navigation ref -> page file; a ref naming no file is a warning."""
    ref_to_file: dict[str, str] = {}
    for slot in slots:
        if slot.ref in ref_to_file:
            continue
        if is_operation_ref(slot.ref):
            continue  # operation entries become pages in the API stage
        rel = page_file_for_ref(slot.ref, page_files)
        if rel is None:
            line, col = config.locate(slot.json_path, slot.ref)
            refs = (p.rsplit(".", 1)[0] for p in page_files)
            why = f"there is no {slot.ref}.mdx or {slot.ref}.md"
            hint = _did_you_mean_page(slot.ref.strip().strip("/"), refs)
            if (skipped := not_a_page(config.docs_dir, slot.ref)) is not None:
                why, hint = f"{skipped[0]} is not a page: {skipped[1]}", "move it, or rename it"
            message = f"navigation lists {slot.ref!r} but {why}"
            diagnostics.warning(config.config_file, line, col, "nav-missing-page", message, hint)
            continue
        ref_to_file[slot.ref] = rel
    return ref_to_file


def _did_you_mean_page(ref: str, refs: Iterable[str]) -> str:
    near = closest_path(ref, refs)
    return f"did you mean '{near}'?" if near else ""


def make_urls(
    mode: Literal["hosted", "offline"],
    site_paths: Iterable[str],
    sources: SourceFiles,
    config: SiteConfig | None = None,
    safe: bool = False,
) -> UrlBuilder:
    redirects = None
    if config is not None and config.redirects:
        redirects = RedirectTargets(config.redirects)
    return UrlBuilder(
        mode,
        pages=frozenset(site_paths),
        files=frozenset(sources.static),
        redirects=redirects,
        safe=safe,
    )


def render_record(
    record: PageRecord,
    parsed: ParsedPage,
    config: SiteConfig,
    urls: UrlBuilder,
    diagnostics: Diagnostics,
    api: AttachesApi,
    read: Reader | None = None,
    safe: Safety | None = None,
    language: str = "",
) -> RenderContext:
    """Render one page into `record.rendered`, then let the API stage attach its view;
    `--safe` sanitizes both (render/sanitize.py); `language`: the page's (`file_languages`)."""
    ctx = RenderContext(config, record.rel_path, urls, diagnostics, read=read, language=language)
    record.rendered = render_page(parsed, ctx)  # never raises (internal errors are reported)
    kind, view, rendered = record.kind, record.api, record.rendered
    try:
        api.attach(record, ctx)
    except Exception as exc:  # the page keeps its own content, with a notice
        diagnostics.internal(record.rel_path, 0, "building the API reference of", exc)
        notice = fault_notice("The API reference of this page")
        record.kind, record.api = kind, view
        record.rendered = dataclasses.replace(rendered, body_html=notice + rendered.body_html)
    # the API view renders through the same context: its components need their theme parts too
    assert record.rendered is not None
    record.rendered = dataclasses.replace(record.rendered, drawn=frozenset(ctx.components))
    if safe is not None:
        sanitize_record(record, safe)
    return ctx


def make_navview(
    config: SiteConfig,
    nav: Navigation,
    slots: Sequence[PageSlot],
    records: Iterable[PageRecord],
    ref_to_file: dict[str, str],
    urls: UrlBuilder,
    diagnostics: Diagnostics,
) -> NavView:
    """Give each record its navigation ref, then build the per-page navigation view."""
    infos: dict[str, PageInfo] = {}
    file_to_ref = {rel: ref for ref, rel in ref_to_file.items()}
    for record in records:
        record.ref = file_to_ref.get(record.rel_path, record.ref)
        infos[record.ref] = page_info(record)
    icon = sidebar_icons(config, urls, diagnostics, Reader(config.docs_dir))
    navigation_view.report_broken_hrefs(config, nav, urls, diagnostics)
    return NavView(nav, list(slots), infos, urls, icon)


def build(options: BuildOptions, progress: Progress | None = None) -> BuildResult:
    """Build the site; never raises on user content. Writes OUT only when everything is done."""
    # A build makes millions of short-lived objects and few cycles: the cyclic collector's
    # repeated full scans cost more than the memory they would free, so it waits until the end.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        result = _build(options, progress)
    finally:
        if gc_was_enabled:
            gc.enable()
    folder = build_cache_dir(options)
    if folder is not None:
        prune(folder)  # entries no build wrote or reused for a month
    return result


def _build(options: BuildOptions, progress: Progress | None) -> BuildResult:
    # start-up time: `check` uses this module's helpers and never indexes or writes
    from mintrender.index.sections import build_indexes, start_indexes  # start-up time
    from mintrender.write.site import ThemePrep, prepare_theme_into, write_site  # (see above)

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    diagnostics = Diagnostics()
    docs_dir = options.docs_dir.resolve()
    if (problem := output_problem(options.out_dir, docs_dir)) is not None:  # before anything
        diagnostics.error(str(options.out_dir), 0, 0, *problem)
        return BuildResult(diagnostics, fatal=problem[1])

    # --- load: docs.json, source files, navigation; every spec once (API pages per operation)
    try:
        inputs = load_inputs(docs_dir, options.written, diagnostics, options.safe)
    except ConfigError as exc:
        diagnostics.append(exc.diagnostic)
        return BuildResult(diagnostics, fatal=str(exc))
    except Exception as exc:  # nothing to build without the configuration and the files
        config_file = find_config(docs_dir)
        diagnostics.internal(config_file.name if config_file else "docs.json", 0, "loading", exc)
        return BuildResult(diagnostics, fatal=diagnostics[-1].message)
    config, sources = inputs.config, inputs.sources
    schema_findings = Background(functools.partial(config_findings, config, diagnostics))
    timings["load"] = time.perf_counter() - t0
    t = time.perf_counter()
    folder = build_cache_dir(options)
    spec_key = spec_files_key(config.docs_dir, sources) if folder else ""  # what specs are made of
    specs = (site_store(folder, config.docs_dir), spec_key) if folder is not None else None
    downloads = spec_downloads(options.safe, options.cache_dir, refresh=not options.cache)
    api = ApiStage(config, docs_dir, sources, diagnostics, downloads, specs)
    nav = inputs.nav
    try:
        nav = api.expand_navigation(inputs.nav)
    except Exception as exc:  # navigation-level specs generate no pages; the rest builds
        diagnostics.internal(config.config_file, 0, "expanding the OpenAPI navigation of", exc)
    slots = list(nav.slots())
    diagnostics.extend(duplicate_entries(config, slots))  # as `check` reports them
    timings["api_load"] = time.perf_counter() - t

    # --- parse and render every page: one process, or forked workers (--jobs)
    jobs = options.jobs if options.jobs > 0 else auto_jobs(len(sources.pages))
    jobs = jobs if can_fork() else 1
    spill = Spill() if jobs > 1 else None  # forked workers keep the pages' bulk on disk
    job = RenderJob(options, config, sources, slots, api, jobs, diagnostics, timings, progress)
    theme: list[ThemePrep] = []  # made while the workers render, when this process would wait
    prepare = functools.partial(prepare_theme_into, options, config, theme) if jobs > 1 else None
    job = dataclasses.replace(job, spill=spill, meanwhile=prepare)
    try:
        pages = _render_pages(job) if folder is None else _render_cached(job, folder, spec_key)
    finally:
        if spill is not None:
            spill.close()  # the records hold their files open (spill.py)
    listed = set(pages.ref_to_file.values())
    records = unique_pages(without_imported(pages.records, listed), listed, diagnostics)
    # OpenAPI operations rendered: pages whose `openapi` reference got its API view
    operations = sum(1 for r in records if r.api is not None and (r.meta.openapi or "").strip())
    result = BuildResult(diagnostics, openapi_operations=operations)
    result.cache = pages.cache
    for record in records:
        assert record.rendered is not None
        result.components.update(record.rendered.components)
        result.unknown_components.update(record.rendered.unknown_components)
    navview = make_navview(config, nav, slots, records, pages.ref_to_file, pages.urls, diagnostics)
    result.pages = sorted(records, key=lambda r: r.output_path)

    # --- index: one search index per language and version; with workers, forked while the
    # pages are written (the write stage reads its files last; "index": the seconds it took)
    t = time.perf_counter()
    index_store = site_store(folder, docs_dir) if folder is not None else None

    def failed(exc: Exception) -> None:  # the site is still written, with empty indexes
        diagnostics.internal(config.config_file, 0, "building the search index of", exc)

    try:
        if jobs > 1:
            search = start_indexes(
                config, result.pages, slots, index_store, failed, timings, workers=jobs
            )
        else:
            search = build_indexes(config, result.pages, slots, index_store, workers=jobs)
    except Exception as exc:
        failed(exc)
        search = build_indexes(config, [], [])
    timings["index"] = time.perf_counter() - t

    # --- write: theme around every page, assets, extras; OUT swapped in when complete
    t = time.perf_counter()
    try:
        prepared = theme[0] if theme else None
        write_site(
            options, config, sources, result, navview, pages.urls, slots, search, progress, prepared
        )
    except OSError as exc:  # OUT could not be written after all: a full disk, a folder taken away
        result.fatal = unwritable(options.out_dir, exc)
        diagnostics.error(str(options.out_dir), 0, 0, "output-unwritable", result.fatal)
    timings["write"] = time.perf_counter() - t
    if index_store is not None:
        result.cache["indexes_reused"] = index_store.hits
    diagnostics += schema_findings.result()  # docs.json's schema, computed meanwhile
    timings["total"] = time.perf_counter() - t0
    result.timings = timings
    return result


@dataclass(frozen=True, slots=True)
class RenderJob:
    """What the parse and render stages need for the whole site."""

    options: BuildOptions
    config: SiteConfig
    sources: SourceFiles
    slots: Sequence[PageSlot]
    api: ApiStage
    jobs: int
    diagnostics: Diagnostics
    timings: dict[str, float]
    """Filled with the `parse` and `render` seconds."""
    progress: Progress | None
    spill: Spill | None = None
    """Where forked workers put the pages' packed bulk (None: it stays in the records)."""
    meanwhile: Callable[[], None] | None = None
    """Run here while forked workers render (`fork_map`)."""


@dataclass(slots=True)
class RenderedPages:
    """The parse and render stages' result for the whole site."""

    records: list[PageRecord]
    ref_to_file: dict[str, str]
    """Navigation ref -> page file (generated API pages included)."""
    urls: UrlBuilder
    cache: dict[str, int] = dataclasses.field(default_factory=dict)
    """Pages reused from the build cache and pages rendered (`_render_cached`)."""


def _site_around(
    job: RenderJob,
) -> tuple[list[tuple[PageRecord, str]], dict[str, str], list[str], UrlBuilder, dict[str, str]]:
    """What every page is rendered against, before any page is parsed: the generated API pages,
    navigation refs -> files, every site path, the URL builder over them, and each page file's
    language (`file_languages`)."""
    config, sources, slots, api = job.config, job.sources, job.slots, job.api
    placeholders = {rel: new_record(rel, {}) for rel in sources.pages}
    generated = _generated_pages(api, slots, placeholders, config, job.diagnostics)
    ref_to_file = resolve_refs(config, slots, frozenset(sources.pages), job.diagnostics)
    for record, ref in generated:
        ref_to_file.setdefault(ref, record.rel_path)
    site_paths = [r.site_path for r in placeholders.values()] + [r.site_path for r, _ in generated]
    urls = make_urls(job.options.mode, site_paths, sources, config, job.options.safe is not None)
    return generated, ref_to_file, site_paths, urls, file_languages(slots, ref_to_file)


def _render_whole(
    job: RenderJob,
    record: PageRecord,
    parsed: ParsedPage,
    urls: UrlBuilder,
    reader: Reader,
    publish: Publish,
    found: Diagnostics,
    level: int = 1,
    languages: Mapping[str, str] | None = None,
) -> None:
    """Render one page in a worker with its Markdown copy (the tokens stay in the worker), then
    pack it (zlib `level`): the main process holds every page, and the cache keeps it small."""
    from mintrender.write.llms import page_markdown_text  # start-up time, as in _build

    config = job.config
    language = (languages or {}).get(record.rel_path, "")  # the theme's words on the page
    render_record(record, parsed, config, urls, found, job.api, reader, job.options.safe, language)
    record.tokens = parsed.tokens
    record.markdown = page_markdown_text(record, config, urls, publish, diagnostics=found)
    record.tokens = None
    record.pack(level)


def _render_pages(job: RenderJob) -> RenderedPages:
    """Parse and render each page with its Markdown copy, then pack it (its tokens are dropped):
    in `jobs` forked workers that inherit config, URLs and the API index, or in this process.
    Records come back in the one-process order, so the output is byte-identical."""
    options, config, sources, api = job.options, job.config, job.sources, job.api
    diagnostics, timings, progress = job.diagnostics, job.timings, job.progress
    t = time.perf_counter()
    generated, ref_to_file, site_paths, urls, languages = _site_around(job)
    reader = Reader(config.docs_dir)
    publish = Publish.of(options, config.metatags)
    level = 0 if job.spill is not None else 1  # spilled and not cached: stored as it is

    def work(rels: list[str], here: bool = False) -> tuple[list[PageRecord], list[Diagnostic]]:
        found = Diagnostics()
        api.diagnostics = found  # this process's copy of the stage reports to us
        out = []
        for i, rel in enumerate(rels):
            if here and progress:
                progress("render", i, len(rels))
            parsed = parse_source(rel, config, reader, found)
            record = new_record(rel, parsed.frontmatter)
            _render_whole(job, record, parsed, urls, reader, publish, found, level, languages)
            reader.forget(rel)  # the page's own text: read once (snippets stay)
            if job.spill is not None:
                record.spill(job.spill)
            out.append(record)
        return out, list(found)

    if progress:
        progress("render", 0, len(sources.pages))
    by_rel: dict[str, PageRecord] = {}
    shares = None
    if job.jobs > 1:
        try:
            given = page_shares(sources.pages, job.jobs, config.docs_dir)
            shares = fork_map(work, given, job.jobs, job.meanwhile)
        except Exception as exc:  # a worker or its result failed as a whole: redo it here
            diagnostics.internal(config.config_file, 0, _IN_WORKERS, exc)
    if shares is None:
        try:
            shares = [work(list(sources.pages), here=True)]
        finally:
            api.diagnostics = diagnostics  # `work` points it at its own list
    diagnostics.extend(unique(d for _, found in shares for d in found))  # snippets: once
    for done, _ in shares:
        by_rel.update((record.rel_path, record) for record in done)
    records = [by_rel[rel] for rel in sources.pages]
    for record, _ in generated:
        render_record(
            record, api.parsed_stub(record), config, urls, diagnostics, api, safe=options.safe
        )
        records.append(record)
    timings["parse"] = 0.0
    timings["render"] = time.perf_counter() - t
    return RenderedPages(records, ref_to_file, urls)


def _render_cached(job: RenderJob, folder: Path, spec_key: str) -> RenderedPages:
    """Render the pages the build cache (buildcache.py) has no entry for, as `_render_pages`
    does, and take the others (with their diagnostics) from it; `spec_key`: `spec_files_key`."""
    options, config, sources, api = job.options, job.config, job.sources, job.api
    diagnostics, timings, progress = job.diagnostics, job.timings, job.progress
    t = time.perf_counter()
    generated, ref_to_file, site_paths, urls, languages = _site_around(job)
    reader = Reader(config.docs_dir)
    reader.stamping = True
    publish = Publish.of(options, config.metatags)
    opts = options_key(options)
    store = PageStore(
        folder, config.docs_dir, site_key(config, sources, api, site_paths, opts, spec_key), opts
    )
    stubs = {record.rel_path: record for record, _ in generated}

    def work(rels: list[str]) -> tuple[list[CachedPage], str | None]:
        """Render and keep each page (in the cache, with its bulk; then in the spill)."""
        out = []
        for rel in rels:
            found = Diagnostics()
            api.diagnostics = found  # the API stage reports this page's findings to it
            reader.seen = set()
            if rel in stubs:
                record, parsed = stubs[rel], api.parsed_stub(stubs[rel])
            else:
                parsed = parse_source(rel, config, reader, found)
                record = new_record(rel, parsed.frontmatter)
            _render_whole(job, record, parsed, urls, reader, publish, found, 1, languages)
            files = reader.seen | parsed.depends_on | ({rel} if rel not in stubs else set())
            reader.seen = None
            out.append(CachedPage(record, list(found), file_digests(reader, files)))
            reader.forget(rel)  # the page's own text: read once (snippets stay)
            store.put(out[-1])
            if job.spill is not None:
                record.spill(job.spill)
        api.diagnostics = diagnostics
        return out, store.problem

    every = list(sources.pages) + list(stubs)
    if progress:
        progress("render", 0, len(every))
    done = store.reuse(every, reader)
    if job.spill is not None:
        for hit in done.values():
            hit.record.spill(job.spill)
    todo = [rel for rel in every if rel not in done]
    fresh: list[CachedPage] = []
    if job.jobs > 1 and len(todo) > 1:
        try:
            given = page_shares(todo, job.jobs, config.docs_dir)
            for share, problem in fork_map(work, given, job.jobs, job.meanwhile):
                fresh.extend(share)
                store.noted(problem)
        except Exception as exc:  # a worker or its result failed as a whole: redo it here
            diagnostics.internal(config.config_file, 0, _IN_WORKERS, exc)
            fresh = work(todo)[0]
    else:
        fresh = work(todo)[0]
    for entry in fresh:
        done[entry.record.rel_path] = entry
    if store.problem:
        why = f"the build cache cannot be kept ({store.problem}); the build goes on without it"
        diagnostics.info(str(folder), 0, 0, "cache-unwritable", why)
    theme = folder_key(config.docs_dir / "_theme")
    records = []
    for rel in every:
        records.append(done[rel].record)
        records[-1].inputs_key = store.inputs_key(done[rel], theme)
    diagnostics.extend(unique(d for rel in every for d in done[rel].diagnostics))
    timings["parse"] = 0.0
    timings["render"] = time.perf_counter() - t
    cache = {"pages_reused": len(every) - len(todo), "pages_rendered": len(todo)}
    return RenderedPages(records, ref_to_file, urls, cache)


def _generated_pages(
    api: ApiStage,
    slots: Sequence[PageSlot],
    records: dict[str, PageRecord],
    config: SiteConfig,
    diagnostics: Diagnostics,
) -> list[tuple[PageRecord, str]]:
    """The pages navigation entries naming operations generate (none when that fails)."""
    try:
        return api.generated_pages(slots, records)
    except Exception as exc:
        diagnostics.internal(config.config_file, 0, "generating the API pages of", exc)
        return []


def _load_navigation(config: SiteConfig, diagnostics: Diagnostics) -> Navigation:
    def warn(path: tuple[object, ...], code: str, message: str) -> None:
        line, col = config.locate(path)
        diagnostics.warning(config.config_file, line, col, code, f"{format_path(path)}: {message}")

    return build_navigation(config.navigation, warn)
