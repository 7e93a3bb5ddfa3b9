"""Index stage glue: which pages are searchable, their sections, one index per language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mintrender.index.search import SearchSection, build_search_index
from mintrender.urls import ASSET_DIR

if TYPE_CHECKING:
    from mintrender.load.config import SiteConfig
    from mintrender.load.nav import PageSlot
    from mintrender.model import BuildResult
    from mintrender.render.navview import NavView
    from mintrender.write.files import OutputWriter


def searchable_sections(
    config: SiteConfig, result: BuildResult, slots: list[PageSlot], navview: NavView
) -> dict[str, list[SearchSection]]:
    """language code ("" without languages) -> sections of every searchable page."""
    first_slot: dict[str, PageSlot] = {}
    for slot in slots:
        first_slot.setdefault(slot.ref, slot)
    out: dict[str, list[SearchSection]] = {}
    for record in result.pages:
        rendered = record.rendered
        if rendered is None:
            continue
        fm = record.frontmatter
        if fm.get("hidden") is True or fm.get("noindex") is True or fm.get("searchable") is False:
            continue
        slot = first_slot.get(record.ref)
        if slot is None and config.seo_indexing != "all":
            continue
        if slot is not None and not slot.searchable:
            continue
        language = (
            next((d.label for d in slot.divisions if d.kind == "language"), "") if slot else ""
        )
        trail = tuple(g.label for g in slot.groups) if slot else ()
        keywords = fm.get("keywords")
        keywords_t = tuple(str(k) for k in keywords) if isinstance(keywords, list) else ()
        boost = fm.get("boost")
        if not isinstance(boost, (int, float)) or isinstance(boost, bool):
            boost = slot.boost if slot is not None and slot.boost is not None else 1.0
        api_text = ""
        if record.api is not None:
            api_text = getattr(record.api, "search_text", "") or ""
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
                )
            )
    # languages: pages with no language division belong to the default one
    return out


def build_indexes(
    config: SiteConfig,
    result: BuildResult,
    slots: list[PageSlot],
    navview: NavView,
    writer: OutputWriter,
) -> dict[str, str]:
    """Write one index script per language; return language -> URL (with ROOT placeholder)."""
    from mintrender.urls import ROOT

    urls: dict[str, str] = {}
    by_language = searchable_sections(config, result, slots, navview)
    if not by_language:
        by_language = {"": []}
    languages = sorted(by_language)
    scripts = _index_scripts([(lang, by_language[lang]) for lang in languages])
    for language, script in zip(languages, scripts, strict=True):
        name = f"search-index-{language}.js" if language else "search-index.js"
        writer.write_text(f"{ASSET_DIR}/{name}", script)
        urls[language] = ROOT + f"{ASSET_DIR}/{name}"
    if "" not in urls:
        urls[""] = next(iter(urls.values()))
    return urls


def _index_one(job: tuple[str, list[SearchSection]]) -> str:
    language, sections = job
    return build_search_index(sections, language=language or None).index_js


def _index_scripts(jobs: list[tuple[str, list[SearchSection]]]) -> list[str]:
    """Index scripts in `jobs` order; several languages are indexed by forked workers at once."""
    from mintrender.parallel import auto_jobs, can_fork

    total = sum(len(sections) for _, sections in jobs)
    workers = min(len(jobs), auto_jobs(total // 4))
    if workers <= 1 or not can_fork():
        return [_index_one(job) for job in jobs]
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(_index_one, jobs, chunksize=1)
