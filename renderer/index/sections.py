"""Index stage glue: which pages are searchable, their sections, one index per language."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from mintrender.cache import Store, code_fingerprint, digest
from mintrender.index.search import SearchSection, build_search_index
from mintrender.load.config import SiteConfig
from mintrender.load.nav import PageSlot
from mintrender.model import PageRecord
from mintrender.spill import Spill, SpillRef
from mintrender.urls import ASSET_DIR, ROOT
from mintrender.workers import auto_jobs, can_fork, fork_map


@dataclass(frozen=True, slots=True)
class SearchFiles:
    """The index stage's result: the files to write and the URL of each language's index."""

    files: Mapping[str, str]
    """Site-relative path (`_mintrender/search-index.js`) -> text (`IndexScripts`)."""
    urls: dict[str, str]
    """Language code ("" for the default) -> URL of its index, with the ROOT placeholder."""


class IndexScripts(Mapping[str, str]):
    """Path -> index script. A script a forked worker made stays in its spill file until it is
    read: a big site's indexes are written one at a time, never all held at once."""

    def __init__(self, entries: dict[str, str | SpillRef]) -> None:
        self._entries = entries

    def __getitem__(self, path: str) -> str:
        value = self._entries[path]
        return value if isinstance(value, str) else value.read().decode("utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


@dataclass(frozen=True, slots=True)
class SearchablePage:
    """A page the index holds, with what its navigation entry adds (small: no page text)."""

    record: PageRecord
    version: str
    """`navigation.versions` label of its entry ("" outside versions)."""
    trail: tuple[str, ...]
    """Labels of the groups around its entry."""
    boost: float


def searchable_pages(
    config: SiteConfig, pages: Sequence[PageRecord], slots: Sequence[PageSlot]
) -> dict[str, list[SearchablePage]]:
    """language code ("" without languages) -> every searchable page, in `pages` order."""
    first_slot: dict[str, PageSlot] = {}
    for entry in slots:
        first_slot.setdefault(entry.ref, entry)
    out: dict[str, list[SearchablePage]] = {}
    for record in pages:
        if record.rendered is None:
            continue
        meta = record.meta
        if meta.hidden or meta.noindex or not meta.searchable:
            continue
        slot = first_slot.get(record.ref)
        if slot is None and config.seo_indexing != "all":
            continue
        if slot is not None and not slot.searchable:
            continue
        # languages: pages with no language division belong to the default one
        language = language_of_slot(slot) if slot else ""
        version = next((d.label for d in slot.divisions if d.kind == "version"), "") if slot else ""
        trail = tuple(g.label for g in slot.groups) if slot else ()
        boost = meta.boost
        if boost is None:
            boost = slot.boost if slot is not None and slot.boost is not None else 1.0
        out.setdefault(language, []).append(SearchablePage(record, version, trail, float(boost)))
    return out


def page_sections(page: SearchablePage) -> list[SearchSection]:
    """The search sections of one page (its body unpacked for the time it takes)."""
    record, version, trail, boost = page.record, page.version, page.trail, page.boost
    keywords_t = record.meta.keywords
    record = record.unpacked()
    api_text = record.api.search_text if record.api is not None else ""
    rendered = record.rendered
    assert rendered is not None
    if not rendered.sections:
        return [
            SearchSection(
                record.site_path,
                "",
                rendered.title,
                rendered.title,
                rendered.description,
                trail,
                keywords_t,
                api_text,
                boost,
                version,
            )
        ]
    sections = []
    for i, section in enumerate(rendered.sections):
        text = section.text
        if i == 0 and rendered.description:
            text = rendered.description + " " + text
        sections.append(
            SearchSection(
                url=record.site_path,
                anchor=section.anchor,
                page_title=rendered.title,
                title=section.title,
                text=text,
                breadcrumb=trail,
                keywords=keywords_t if i == 0 else (),
                api=api_text if i == 0 else "",
                boost=boost,
                version=version,
            )
        )
    return sections


def build_indexes(
    config: SiteConfig,
    pages: Sequence[PageRecord],
    slots: Sequence[PageSlot],
    store: Store | None = None,
) -> SearchFiles:
    """One index script per language (the write stage writes them); with a build cache
    `store`, a language whose sections are all as last time reuses its script.

    Each language's sections are made where its index is built (a forked worker when there
    are several languages), one language at a time: the build never holds every language's
    text at once, and the workers inherit no sections."""
    files: dict[str, str | SpillRef] = {}
    by_language = searchable_pages(config, pages, slots)
    if not by_language:
        by_language = {"": []}
    languages = sorted(by_language)
    scripts = _index_scripts([(lang, by_language[lang]) for lang in languages], store)
    urls = search_urls(languages)
    for language, script in zip(languages, scripts, strict=True):
        files[index_path(language)] = script
    return SearchFiles(IndexScripts(files), urls)


def language_of_slot(slot: PageSlot) -> str:
    """The language division a navigation entry sits in ("" for none)."""
    return next((d.label for d in slot.divisions if d.kind == "language"), "")


def index_path(language: str) -> str:
    """Site-relative path of a language's index script ("" = the default index)."""
    name = f"search-index-{language}.js" if language else "search-index.js"
    return f"{ASSET_DIR}/{name}"


def search_urls(languages: Sequence[str]) -> dict[str, str]:
    """Language -> URL (with ROOT) of its index; "" falls back to the first language's."""
    urls = {language: ROOT + index_path(language) for language in sorted(languages)}
    if "" not in urls:
        urls[""] = next(iter(urls.values()))
    return urls


_Job = tuple[str, list[SearchablePage]]


def _index_one(job: _Job, store: Store | None) -> tuple[str, bool]:
    """One language's index script, and whether the build cache had it."""
    language, found = job
    sections: list[SearchSection] | None = None
    name = key = ""
    if store is not None:
        key = _pages_key(found)
        if not key:  # a page without a render key: its sections stand for themselves
            sections = [section for page in found for section in page_sections(page)]
            key = repr(sections)
        key = digest(code_fingerprint(), language, key)
        name = f"search-{digest(language)}"
        script = store.get(name, key)
        if isinstance(script, str):
            return script, True
    if sections is None:
        sections = [section for page in found for section in page_sections(page)]
    script = build_search_index(sections, language=language or None).index_js
    del sections
    if store is not None:
        store.put(name, key, script)
    return script, False


def _pages_key(found: Sequence[SearchablePage]) -> str:
    """What the sections of `found` are made of, without unpacking a page: each page's render
    key (`PageRecord.inputs_key`: its files, docs.json, the set of pages, the options and
    mintrender's code) and what its navigation entry adds. "" when a page has no render key."""
    rows = []
    for page in found:
        record = page.record
        if not record.inputs_key:
            return ""
        rows.append(
            repr((record.inputs_key, record.site_path, page.version, page.trail, page.boost))
        )
    return digest(*rows)


def _index_scripts(jobs: list[_Job], store: Store | None) -> list[str | SpillRef]:
    """Index scripts in `jobs` order; several languages are indexed by forked workers at once
    (they inherit the pages and send back where they put each script)."""
    total = sum(len(found) for _, found in jobs)
    workers = min(len(jobs), auto_jobs(total))
    if workers <= 1 or not can_fork():
        done = [_index_one(job, store) for job in jobs]
    else:
        if store is not None:
            code_fingerprint()  # once, before the workers fork
        spill = Spill()

        def work(i: int) -> tuple[SpillRef, bool]:
            script, hit = _index_one(jobs[i], store)
            return spill.keep(script.encode("utf-8", "surrogatepass")), hit

        try:
            sent = fork_map(work, range(len(jobs)), workers)
        finally:
            spill.close()  # the references hold their files open (spill.py)
        if store is not None:  # counted in the workers: the build's figure is the sum
            hits = sum(1 for _, hit in sent if hit)
            store.hits += hits
            store.misses += len(sent) - hits
        return [ref for ref, _ in sent]
    return [script for script, _ in done]
