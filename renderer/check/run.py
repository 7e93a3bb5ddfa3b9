"""The check recipe: load, validate config and specs, check pages, then the site-wide passes.

Like `build`, minus everything only a reader sees: no highlighting, no API reference views, no
theme, no search index, no writing. `paths` narrows the run to some files (pre-commit): their
pages are checked with whatever they need (snippets, the pages their anchors target), and only
findings located in those files (or in the snippets their pages include) are reported.
"""

from __future__ import annotations

import functools
import gc
import time
from collections.abc import Callable, Iterable

from mintrender.build import load_inputs, make_urls, resolve_refs
from mintrender.buildcache import site_key
from mintrender.cache import prune
from mintrender.check.cache import PageCache
from mintrender.check.config import config_findings
from mintrender.check.openapi import lint_specs
from mintrender.check.options import CheckOptions, CheckResult
from mintrender.check.pages import PageFacts, check_page
from mintrender.check.rules import matching
from mintrender.check.sitewide import (
    check_anchors,
    check_navigation,
    check_redirects,
    merge_page_findings,
)
from mintrender.errors import Diagnostic, Diagnostics
from mintrender.load.config import ConfigError, SiteConfig
from mintrender.load.nav import Navigation
from mintrender.load.remote import spec_downloads
from mintrender.load.sources import SNIPPET_FOLDERS, Reader, shadowed_files
from mintrender.render.apipages import ApiStage
from mintrender.render.navview import IconFn, sidebar_icons
from mintrender.urls import site_path_for
from mintrender.workers import Background, auto_jobs, can_fork, fork_map, slices


def check_site(options: CheckOptions) -> CheckResult:
    """Every finding for the site (or `options.files`); never raises on user content."""
    gc_was_enabled = gc.isenabled()
    gc.disable()  # many short-lived objects and few cycles, as in build()
    try:
        return _check(options)
    finally:
        if gc_was_enabled:
            gc.enable()


def _check(options: CheckOptions) -> CheckResult:
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    docs_dir = options.docs_dir.resolve()
    diagnostics = Diagnostics()
    try:
        inputs = load_inputs(docs_dir, (), diagnostics, options.safe)
    except ConfigError as exc:
        return CheckResult(list(diagnostics), fatal=exc.diagnostic)
    config, sources = inputs.config, inputs.sources
    # docs.json against its schema, and later the specs' lint, run beside the serial stretches
    # (another core is idle then); their findings go where they always went in the list
    at_config = len(diagnostics)
    schema_findings = Background(functools.partial(config_findings, config, diagnostics))
    timings["load"] = time.perf_counter() - t0

    t = time.perf_counter()
    # specs given as URLs: from the download cache, fetched once, as the build has them
    api = ApiStage(config, docs_dir, sources, diagnostics, spec_downloads(options.safe))
    nav = api.expand_navigation(inputs.nav)
    slots = list(nav.slots())
    at_lint = len(diagnostics)
    lint_findings = Background(
        lambda: diagnostics.found_by(lint_specs, api.index, full=options.validate_openapi)
    )
    timings["api"] = time.perf_counter() - t

    t = time.perf_counter()
    pages = frozenset(sources.pages)
    ref_to_file = resolve_refs(config, slots, pages, diagnostics)
    generated = api.generated_pages(slots, {})
    site_paths = [site_path_for(rel) for rel in sources.pages]
    named = list(zip(sources.pages, site_paths, strict=True))
    shadowed = shadowed_files(named, set(ref_to_file.values()), diagnostics)  # as in builds
    site_paths += [record.site_path for record, _ in generated]
    urls = make_urls("hosted", site_paths, sources, config)
    reader = Reader(docs_dir)
    nav_icons(config, nav, sidebar_icons(config, urls, diagnostics, reader))  # as builds draw
    # `--safe` changes what a page is told (its sanitizer, the specs it may fetch)
    key = (
        site_key(config, sources, api, site_paths, repr(options.safe)) if options.cache_dir else ""
    )
    cache = PageCache(options.cache_dir, docs_dir, key)

    def check_all(rels: list[str], jobs: int) -> list[PageFacts]:
        cached = {rel: cache.get(rel, reader) for rel in rels}
        todo = [rel for rel in rels if cached[rel] is None]
        fresh = _check_pages(todo, jobs, lambda rel: check_page(rel, config, urls, api, reader))
        cache.put(fresh, reader)
        done = {f.rel_path: f for f in fresh}
        return [cached[rel] or done[rel] for rel in rels]

    wanted = _pages_to_check(options.files, sources.pages, sources.snippets, reader)
    facts = check_all(wanted, options.jobs)
    by_site = {f.site_path: f for f in facts}
    # anchors into pages outside the selection: check those pages too, for their ids
    needed = {a.site_path for f in facts for a in f.anchors} - set(by_site)
    extra = [rel for rel in sources.pages if site_path_for(rel) in needed]
    for f in check_all(extra, 1):
        by_site[f.site_path] = f
    cache.save()
    if options.cache_dir is not None:
        prune(options.cache_dir)  # entries no check used for a month
    timings["pages"] = time.perf_counter() - t

    diagnostics[at_lint:at_lint] = lint_findings.result()
    diagnostics[at_config:at_config] = schema_findings.result()
    found = list(diagnostics)
    found += merge_page_findings(facts)
    found += check_anchors(facts, by_site, generated_paths={r.site_path for r, _ in generated})
    hidden = {f.rel_path for f in by_site.values() if f.hidden}
    built = [rel for rel in sources.pages if rel not in shadowed]
    found += check_navigation(config, slots, ref_to_file, built, hidden)
    found += check_redirects(config, site_paths, urls)
    found = _suppressed(found, facts)
    if options.files:
        found = _in_scope(found, options.files, facts)
    timings["total"] = time.perf_counter() - t0
    return CheckResult(found, pages=len(facts), timings=timings)


def nav_icons(config: SiteConfig, nav: Navigation, icon: IconFn) -> None:
    """Every icon docs.json's navigation names (tabs, anchors, groups...), drawn as a build's
    sidebar draws them: an unknown one is an `unknown-icon` at its place."""
    for node in nav.nodes():
        if node.icon:
            icon(node.icon, node.icon_type, "")


def _pages_to_check(
    files: tuple[str, ...], pages: tuple[str, ...], snippets: tuple[str, ...], read: Reader
) -> list[str]:
    if not files:
        return list(pages)
    chosen = [rel for rel in files if rel in set(pages)]
    # a changed snippet: the pages that may include it (confirmed by their depends_on later)
    for rel in files:
        if rel in set(pages):
            continue
        stem = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if rel in snippets or rel.startswith(SNIPPET_FOLDERS):
            chosen += [p for p in pages if stem in (read(p) or "") and p not in chosen]
    return chosen


def _check_pages(
    rels: list[str], jobs: int, work_one: Callable[[str], PageFacts]
) -> list[PageFacts]:
    jobs = jobs if jobs > 0 else auto_jobs(len(rels))
    if jobs <= 1 or not can_fork() or len(rels) < 2:
        return [work_one(rel) for rel in rels]

    def work(share: list[str]) -> list[PageFacts]:
        return [work_one(rel) for rel in share]

    out: list[PageFacts] = []
    for done in fork_map(work, slices(rels, jobs), jobs):
        out.extend(done)
    order = {rel: i for i, rel in enumerate(rels)}
    return sorted(out, key=lambda f: order[f.rel_path])


def _suppressed(found: Iterable[Diagnostic], facts: list[PageFacts]) -> list[Diagnostic]:
    """Drop what a page's `mintrender-disable` frontmatter turns off for that page."""
    off: dict[str, set[str]] = {}
    for f in facts:
        for name in f.disabled:
            off.setdefault(f.rel_path, set()).update(matching(name))
    return [d for d in found if d.code not in off.get(d.file, ())]


def _in_scope(
    found: list[Diagnostic], files: tuple[str, ...], facts: list[PageFacts]
) -> list[Diagnostic]:
    """Findings in the given files, or in the snippets their pages include."""
    scope = set(files)
    for f in facts:
        if f.rel_path in scope:
            scope |= f.depends_on
    return [d for d in found if d.file in scope]
