"""Index stage glue: which pages are searchable, their sections, one index per language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mintrender.cache import Store, code_fingerprint, digest
from mintrender.index.search import SearchSection, build_search_index
from mintrender.load.config import SiteConfig
from mintrender.load.nav import PageSlot
from mintrender.model import PageRecord
from mintrender.urls import ASSET_DIR, ROOT
from mintrender.workers import auto_jobs, can_fork, fork_map


@dataclass(frozen=True, slots=True)
class SearchFiles:
    """The index stage's result: the files to write and the URL of each language's index."""

    files: dict[str, str]
    """Site-relative path (`_mintrender/search-index.js`) -> text."""
    urls: dict[str, str]
    """Language code ("" for the default) -> URL of its index, with the ROOT placeholder."""


def searchable_sections(
    config: SiteConfig, pages: Sequence[PageRecord], slots: Sequence[PageSlot]
) -> dict[str, list[SearchSection]]:
    """language code ("" without languages) -> sections of every searchable page."""
    first_slot: dict[str, PageSlot] = {}
    for entry in slots:
        first_slot.setdefault(entry.ref, entry)
    out: dict[str, list[SearchSection]] = {}
    for record in pages:
        rendered = record.rendered
        if rendered is None:
            continue
        meta = record.meta
        if meta.hidden or meta.noindex or not meta.searchable:
            continue
        slot = first_slot.get(record.ref)
        if slot is None and config.seo_indexing != "all":
            continue
        if slot is not None and not slot.searchable:
            continue
        language = language_of_slot(slot) if slot else ""
        version = next((d.label for d in slot.divisions if d.kind == "version"), "") if slot else ""
        trail = tuple(g.label for g in slot.groups) if slot else ()
        keywords_t = meta.keywords
        boost = meta.boost
        if boost is None:
            boost = slot.boost if slot is not None and slot.boost is not None else 1.0
        api_text = record.api.search_text if record.api is not None else ""
        sections = out.setdefault(language, [])
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
                    boost=float(boost),
                    version=version,
                )
            )
        if not rendered.sections:
            sections.append(
                SearchSection(
                    record.site_path,
                    "",
                    rendered.title,
                    rendered.title,
                    rendered.description,
                    trail,
                    keywords_t,
                    api_text,
                    float(boost),
                    version,
                )
            )
    # languages: pages with no language division belong to the default one
    return out


def build_indexes(
    config: SiteConfig,
    pages: Sequence[PageRecord],
    slots: Sequence[PageSlot],
    store: Store | None = None,
) -> SearchFiles:
    """One index script per language (the write stage writes them); with a build cache
    `store`, a language whose sections are all as last time reuses its script."""
    files: dict[str, str] = {}
    by_language = searchable_sections(config, pages, slots)
    if not by_language:
        by_language = {"": []}
    languages = sorted(by_language)
    scripts = _cached_scripts([(lang, by_language[lang]) for lang in languages], store)
    urls = search_urls(languages)
    for language, script in zip(languages, scripts, strict=True):
        files[index_path(language)] = script
    return SearchFiles(files, urls)


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


def _cached_scripts(jobs: list[tuple[str, list[SearchSection]]], store: Store | None) -> list[str]:
    if store is None:
        return _index_scripts(jobs)
    keys = [digest(code_fingerprint(), language, repr(sections)) for language, sections in jobs]
    names = [f"search-{digest(language)}" for language, _ in jobs]
    found: list[Any] = [store.get(name, key) for name, key in zip(names, keys, strict=True)]
    todo = [job for job, script in zip(jobs, found, strict=True) if not isinstance(script, str)]
    made = iter(_index_scripts(todo))
    out = []
    for name, key, script in zip(names, keys, found, strict=True):
        if not isinstance(script, str):
            script = next(made)
            store.put(name, key, script)
        out.append(script)
    return out


def _index_one(job: tuple[str, list[SearchSection]]) -> str:
    language, sections = job
    return build_search_index(sections, language=language or None).index_js


def _index_scripts(jobs: list[tuple[str, list[SearchSection]]]) -> list[str]:
    """Index scripts in `jobs` order; several languages are indexed by forked workers at once."""
    total = sum(len(sections) for _, sections in jobs)
    workers = min(len(jobs), auto_jobs(total // 4))
    if workers <= 1 or not can_fork():
        return [_index_one(job) for job in jobs]
    return fork_map(_index_one, jobs, workers)
