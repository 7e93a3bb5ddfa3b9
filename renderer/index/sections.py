"""Index stage glue: which pages are searchable, their sections, one index per language
and version."""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from mintrender.cache import Store, code_fingerprint, digest
from mintrender.index.languages import language_profile
from mintrender.index.search import SearchSection, build_search_index
from mintrender.load.config import SiteConfig
from mintrender.load.nav import PageSlot, version_key
from mintrender.model import MAX_BOOST, PageRecord
from mintrender.render.navview import LANGUAGE_NAMES
from mintrender.spill import Spill, SpillRef
from mintrender.urls import ASSET_DIR, ROOT
from mintrender.workers import Background, auto_jobs, can_fork, fork_map

IndexKey = tuple[str, str]
"""(language code, `navigation.versions` label): one index script each ("" for none)."""


@dataclass(frozen=True, slots=True)
class SearchFiles:
    """The index stage's result: the files to write and the URL of each index."""

    files: Mapping[str, str]
    """Site-relative path (`_mintrender/search-index.js`) -> text (`IndexScripts`)."""
    urls: dict[IndexKey, str]
    """(language, version) -> URL of its index, with the ROOT placeholder, in index order
    (languages sorted, versions in navigation order)."""


class IndexScripts(Mapping[str, str]):
    """Path -> index script. A script a forked worker made stays in its spill file until it is
    read: a big site's indexes are written one at a time, never all held at once."""

    def __init__(self, entries: dict[str, str | SpillRef]) -> None:
        self.entries = entries

    def __getitem__(self, path: str) -> str:
        value = self.entries[path]
        return value if isinstance(value, str) else value.read().decode("utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


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
) -> dict[IndexKey, list[SearchablePage]]:
    """(language, version) -> every searchable page of that index, in `pages` order; keys in
    index order (`index_keys`). A page outside versions ("") in a language that has versions
    (an orphan indexed by `seo.indexing: "all"`, odd navigation) is in each of its versions'
    indexes, so that every page of the language finds it."""
    # each page's first entry in each (language, version) it is listed in: a page two
    # versions list is found from both
    placed: dict[str, dict[IndexKey, PageSlot]] = {}
    for entry in slots:
        where = placed.setdefault(entry.ref, {})
        where.setdefault((language_of_slot(entry), version_of_slot(entry)), entry)
    found: list[tuple[str, SearchablePage]] = []
    everything = config.seo_indexing == "all"  # hidden pages too (hidden-pages.mdx's table)
    for record in pages:
        if record.rendered is None:
            continue
        meta = record.meta
        if (meta.hidden and not everything) or meta.noindex or not meta.searchable:
            continue
        entries: list[PageSlot | None] = list(placed.get(record.ref, {}).values())
        if not entries and config.seo_indexing == "all":
            entries = [None]
        for slot in entries:
            if slot is not None and not slot.searchable and not everything:
                continue
            # languages: pages with no language division belong to the default one
            language = language_of_slot(slot) if slot else ""
            version = version_of_slot(slot) if slot else ""
            trail = tuple(g.label for g in slot.groups) if slot else ()
            boost = meta.boost
            if boost is None:
                boost = slot.boost if slot is not None and slot.boost is not None else 1.0
            boost = min(max(float(boost), 0.0), MAX_BOOST) if math.isfinite(boost) else 1.0
            found.append((language, SearchablePage(record, version, trail, boost)))
    keys = index_keys([(language, page.version) for language, page in found], slots)
    out: dict[IndexKey, list[SearchablePage]] = {key: [] for key in keys}
    versions: dict[str, list[str]] = {}
    for language, version in keys:
        versions.setdefault(language, []).append(version)
    for language, page in found:
        if (language, page.version) in out:
            out[language, page.version].append(page)
        else:  # outside versions in a language with versions: in each of them
            for version in versions[language]:
                out[language, version].append(page)
    return out


def index_keys(pairs: Iterable[IndexKey], slots: Sequence[PageSlot]) -> list[IndexKey]:
    """The indexes for these (language, version) pairs: languages sorted, each language's
    versions in navigation order (`slots`); version "" only in a language with no version."""
    order: dict[str, int] = {}
    for slot in slots:
        order.setdefault(version_of_slot(slot), len(order))
    versions: dict[str, set[str]] = {}
    for language, version in pairs:
        versions.setdefault(language, set()).add(version)
    keys: list[IndexKey] = []
    for language in sorted(versions):
        labels = versions[language]
        if len(labels) > 1:
            labels.discard("")
        ranked = sorted(labels, key=lambda label: (order.get(label, len(order)), label))
        keys.extend((language, version) for version in ranked)
    return keys


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
                page_title_searched=i == 0,
            )
        )
    return sections


def build_indexes(
    config: SiteConfig,
    pages: Sequence[PageRecord],
    slots: Sequence[PageSlot],
    store: Store | None = None,
    workers: int = 0,
) -> SearchFiles:
    """One index script per (language, version) (the write stage writes them), and with
    versions the manifest of them all (`manifest_script`); with a build cache `store`, an
    index whose sections are all as last time reuses its script. At most `workers` processes
    build them (0: `auto_jobs`; `--jobs 1` builds them in this process).

    Each index's sections are made where it is built (a forked worker when there are several
    indexes), one index at a time: the build never holds more than one index's text at once,
    and the workers inherit no sections. Memory follows the largest (language, version), not
    the number of versions."""
    by_key = searchable_pages(config, pages, slots) or {("", ""): []}
    return _built(by_key, store, None, workers)


def _built(
    by_key: dict[IndexKey, list[SearchablePage]],
    store: Store | None,
    spill: Spill | None,
    workers: int,
) -> SearchFiles:
    files: dict[str, str | SpillRef] = {}
    keys = list(by_key)
    scripts = _index_scripts([(key, by_key.pop(key)) for key in keys], store, spill, workers)
    urls = search_urls(keys)
    for key, script in zip(keys, scripts, strict=True):
        files[urls[key].removeprefix(ROOT)] = script
    if manifest_url(urls) is not None:
        files[MANIFEST_PATH] = manifest_script(urls)
    return SearchFiles(IndexScripts(files), urls)


def start_indexes(
    config: SiteConfig,
    pages: Sequence[PageRecord],
    slots: Sequence[PageSlot],
    store: Store | None,
    failed: Callable[[Exception], None],
    timings: dict[str, float],
    workers: int = 0,
) -> SearchFiles:
    """`build_indexes` in a forked process while the caller goes on (the write stage: on two
    cores the index fills what the page writers leave idle). The URLs are known at once; the
    files are waited for when first read, and `timings["index"]` is then the seconds the index
    took there. A failure there is given to `failed`, and every index is then an empty one at
    its URL."""
    by_key = searchable_pages(config, pages, slots) or {("", ""): []}
    urls = search_urls(by_key)
    if not can_fork():
        return _built(by_key, store, None, workers)
    spill = Spill()  # the forked index workers' scripts stay there until written

    def run() -> tuple[dict[str, str | SpillRef], int, int, float]:
        t = time.perf_counter()
        search = _built(by_key, store, spill, workers)
        assert isinstance(search.files, IndexScripts)
        hits, misses = (store.hits, store.misses) if store else (0, 0)
        return search.files.entries, hits, misses, time.perf_counter() - t

    return SearchFiles(_Later(Background(run), urls, store, spill, failed, timings), urls)


class _Later(Mapping[str, str]):
    """`start_indexes`' files: its background's, once it is done."""

    def __init__(
        self,
        work: Background,
        urls: dict[IndexKey, str],
        store: Store | None,
        spill: Spill,
        failed: Callable[[Exception], None],
        timings: dict[str, float],
    ) -> None:
        self._work: Background | None = work
        self._urls, self._store, self._spill, self._failed = urls, store, spill, failed
        self._timings = timings
        self._files: Mapping[str, str] = {}

    def _done(self) -> Mapping[str, str]:
        if self._work is not None:
            work, self._work = self._work, None
            try:
                entries, hits, misses, self._timings["index"] = work.result()
                self._files = IndexScripts(entries)
                if self._store is not None:  # counted in the forked process
                    self._store.hits += hits
                    self._store.misses += misses
            except Exception as exc:  # the site is still written, with empty indexes
                self._failed(exc)
                empty = build_search_index([]).index_js
                files = {url.removeprefix(ROOT): empty for url in self._urls.values()}
                if manifest_url(self._urls) is not None:
                    files[MANIFEST_PATH] = manifest_script(self._urls)
                self._files = files
            finally:
                self._spill.close()  # the references hold their files open (spill.py)
        return self._files

    def __getitem__(self, path: str) -> str:
        return self._done()[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._done())

    def __len__(self) -> int:
        return len(self._done())


def language_of_slot(slot: PageSlot) -> str:
    """The language division a navigation entry sits in ("" for none)."""
    return next((d.label for d in slot.divisions if d.kind == "language"), "")


def version_of_slot(slot: PageSlot) -> str:
    """The version a navigation entry sits in (`load.nav.version_key`; "" for none)."""
    return version_key(slot.divisions)


MANIFEST_PATH = f"{ASSET_DIR}/search-indexes.js"
"""Every index of a versioned site (`manifest_script`), for the "All versions" search."""

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def version_slugs(labels: Iterable[str]) -> dict[str, str]:
    """Version label -> a file-name-safe slug, unique among `labels`: the label itself when it
    is made of [A-Za-z0-9._-] only, else its safe characters and a short digest of the label
    (also for labels whose slugs would collide, whatever their case)."""
    labels = sorted(set(labels))
    plain = {label: _UNSAFE.sub("-", label).strip("-.") for label in labels}
    seen: dict[str, int] = {}
    for slug in plain.values():
        seen[slug.lower()] = seen.get(slug.lower(), 0) + 1
    out = {}
    for label, slug in plain.items():
        if slug != label or seen[slug.lower()] > 1:
            slug = f"{slug}-{digest(label)[:8]}" if slug else digest(label)[:8]
        out[label] = slug
    return out


def index_paths(keys: Iterable[IndexKey]) -> dict[IndexKey, str]:
    """(language, version) -> site-relative path of its index script. Without versions:
    `search-index.js` (the default language) and `search-index-{language}.js`; a version adds
    `.v-{slug}` (`version_slugs`, unique among the versions of `keys`)."""
    keys = list(keys)
    slugs = version_slugs(version for _, version in keys if version)
    out = {}
    for language, version in keys:
        name = f"search-index-{language}" if language else "search-index"
        if version:
            name += f".v-{slugs[version]}"
        out[language, version] = f"{ASSET_DIR}/{name}.js"
    return out


def search_urls(keys: Iterable[IndexKey]) -> dict[IndexKey, str]:
    """(language, version) -> URL (with ROOT) of its index, in `keys` order."""
    return {key: ROOT + path for key, path in index_paths(keys).items()}


def index_url(urls: Mapping[IndexKey, str], language: str, version: str = "") -> str:
    """URL of the index a page of (language, version) searches: its own; else its language's
    first version; else the default language's (or the first index of the site)."""
    if (found := urls.get((language, version))) is not None:
        return found
    for lang in (language, ""):
        for (other, _), url in urls.items():
            if other == lang:
                return url
    return next(iter(urls.values()), "")


def manifest_url(urls: Mapping[IndexKey, str]) -> str | None:
    """URL (with ROOT) of the manifest of every index, when the site has versions."""
    return ROOT + MANIFEST_PATH if any(version for _, version in urls) else None


def manifest_script(urls: Mapping[IndexKey, str]) -> str:
    """`_mintrender/search-indexes.js`: `[language, label, version, file]` per index, each file
    name relative to this script (a page-relative URL cannot live in a script file)."""
    rows = [
        [language, LANGUAGE_NAMES.get(language, language), version, url.rsplit("/", 1)[-1]]
        for (language, version), url in urls.items()
    ]
    text = json.dumps(rows, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"window.__MR_SEARCH_SOURCES__={text};\n"


_Job = tuple[IndexKey, list[SearchablePage]]


def _index_one(job: _Job, store: Store | None) -> tuple[str, bool]:
    """One (language, version)'s index script, and whether the build cache had it."""
    (language, version), found = job
    sections: list[SearchSection] | None = None
    name = key = ""
    if store is not None:
        key = _pages_key(found)
        if not key:  # a page without a render key: its sections stand for themselves
            sections = _sections(found)
            key = repr(sections)
        key = digest(code_fingerprint(), language, version, key)
        name = f"search-{digest(language, version)}"
        script = store.get(name, key)
        if isinstance(script, str):
            return script, True
    if sections is None:
        sections = _sections(found)
    script = build_search_index(sections, language=language or None).index_js
    del sections
    if store is not None:
        store.put(name, key, script)
    return script, False


def _sections(found: Sequence[SearchablePage]) -> list[SearchSection]:
    return [section for page in found for section in page_sections(page)]


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


def _index_cost(job: _Job) -> int:
    """About how much work an index is, without unpacking a page: its pages' packed bytes,
    twice that in a language indexed as character bigrams (a term per Han or kana character
    where others have one per word)."""
    (language, _), found = job
    size = 0
    for page in found:
        packed = page.record.packed
        size += len(packed) if isinstance(packed, bytes) else packed.length if packed else 1
    return size * 2 if language_profile(language or None).bigrams else size


def _index_scripts(
    jobs: list[_Job], store: Store | None, into: Spill | None = None, workers: int = 0
) -> list[str | SpillRef]:
    """Index scripts in `jobs` order; several indexes are built by forked workers at once (at
    most `workers`, 0: `auto_jobs`; they inherit the pages and send back where they put each script: in `into` when given,
    which the caller closes, else a spill of their own), the biggest (`_index_cost`) handed
    out first, so that no worker is left with a big one at the end."""
    total = sum(len(found) for _, found in jobs)
    workers = min(len(jobs), auto_jobs(total), workers if workers > 0 else len(jobs))
    if workers <= 1 or not can_fork():
        done = [_index_one(job, store) for job in jobs]
    else:
        if store is not None:
            code_fingerprint()  # once, before the workers fork
        spill = into or Spill()

        def work(i: int) -> tuple[SpillRef, bool]:
            script, hit = _index_one(jobs[i], store)
            return spill.keep(script.encode("utf-8", "surrogatepass")), hit

        order = sorted(range(len(jobs)), key=lambda i: -_index_cost(jobs[i]))
        try:
            done_in_order = fork_map(work, order, workers)
        finally:
            if into is None:
                spill.close()  # the references hold their files open (spill.py)
        sent = [done for _, done in sorted(zip(order, done_in_order, strict=True))]
        if store is not None:  # counted in the workers: the build's figure is the sum
            hits = sum(1 for _, hit in sent if hit)
            store.hits += hits
            store.misses += len(sent) - hits
        return [ref for ref, _ in sent]
    return [script for script, _ in done]
