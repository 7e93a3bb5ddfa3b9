"""Parse and render pages in worker processes (`--jobs N`).

Pages are independent once the configuration, navigation, URL set and API index are known, so
the build forks workers that inherit those (no pickling of the big objects), gives each a
share of the page files, and gets back finished `PageRecord`s and their diagnostics. Records
come back in the same order as a one-process build, so the output is byte-identical.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mintrender.errors import Diagnostic, Diagnostics

if TYPE_CHECKING:
    from mintrender.load.config import SiteConfig
    from mintrender.load.sources import Reader
    from mintrender.model import PageRecord
    from mintrender.render.apipages import ApiStage
    from mintrender.urls import UrlBuilder


@dataclass(frozen=True, slots=True)
class _Shared:
    config: SiteConfig
    urls: UrlBuilder
    api: ApiStage
    reader: Reader
    publish: Any
    """`Publish` of this build (how Markdown copies link to pages)."""


_SHARED: _Shared | None = None
"""Set in the parent just before forking; workers read it (never pickled)."""


def auto_jobs(page_count: int) -> int:
    """Worker count for `--jobs 0` (auto): one process for small sites, else the cores (max 8)."""
    if page_count < 150:
        return 1
    cores = (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )
    return max(1, min(cores, 8))


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _work(rels: Sequence[str]) -> tuple[list[PageRecord], list[Diagnostic]]:
    from mintrender.build import new_record, parse_source, render_record
    from mintrender.write.extras import page_markdown_text

    shared = _SHARED
    assert shared is not None, "worker started without shared state"
    diagnostics = Diagnostics()
    shared.api.diagnostics = diagnostics  # this process's copy of the stage reports to us
    out = []
    for rel in rels:
        parsed = parse_source(rel, shared.config, shared.reader, diagnostics)
        record = new_record(rel, parsed.frontmatter)
        render_record(record, parsed, shared.config, shared.urls, diagnostics, shared.api)
        # the Markdown copy is made here, from tokens that stay in this process
        record.tokens = parsed.tokens
        record.markdown = page_markdown_text(record, shared.config, shared.urls, shared.publish)
        record.tokens = None
        out.append(record)
    return out, list(diagnostics)


def parse_and_render(
    rels: Sequence[str],
    *,
    config: SiteConfig,
    urls: UrlBuilder,
    api: ApiStage,
    reader: Reader,
    jobs: int,
    diagnostics: Diagnostics,
    publish: Any,
) -> list[PageRecord]:
    """Records of `rels`, rendered by `jobs` forked workers, in the order of `rels`."""
    global _SHARED
    chunks: list[list[str]] = [[] for _ in range(jobs)]
    for i, rel in enumerate(rels):  # interleave: neighbouring pages cost alike
        chunks[i % jobs].append(rel)
    _SHARED = _Shared(config, urls, api, reader, publish)
    try:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(jobs) as pool:
            results = pool.map(_work, chunks)
    finally:
        _SHARED = None
    by_rel: dict[str, Any] = {}
    for records, diags in results:
        diagnostics.extend(diags)
        for record in records:
            by_rel[record.rel_path] = record
    return [by_rel[rel] for rel in rels]
