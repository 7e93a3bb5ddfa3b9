"""Per-page check results kept between runs, keyed by everything they depend on.

A page's findings depend on its own text and its snippets' (`depends_on`), and on the site
around it: the configuration, which pages and files exist (link targets), the specs, and
mintrender itself. The site part is one key for the whole cache file; a page entry is reused
when every file it depended on still hashes the same. Checking again after editing one page
parses that page only.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mintrender.check import memo
from mintrender.check.memo import default_cache_dir, digest

if TYPE_CHECKING:
    from mintrender.check.pages import PageFacts

__all__ = ["FORMAT", "PageCache", "code_fingerprint", "default_cache_dir", "digest"]

FORMAT = 1
"""Bumped when the layout of the cache file changes."""


def code_fingerprint() -> str:
    """mintrender's own version and sources, and this file's layout: a changed renderer never
    reuses old findings."""
    return digest(memo.code_fingerprint(), str(FORMAT))


class PageCache:
    """Findings per page for one docs folder and one state of the site around the pages."""

    def __init__(self, cache_dir: Path | None, docs_dir: Path, site_key: str) -> None:
        self.path = cache_dir / f"{digest(str(docs_dir))}.pickle" if cache_dir else None
        self.site_key = site_key
        self.pages: dict[str, tuple[dict[str, str], PageFacts]] = {}
        self.changed = False
        if self.path is not None and self.path.is_file():
            try:
                data: Any = pickle.loads(self.path.read_bytes())
            except Exception:  # noqa: BLE001 - a damaged or foreign cache file is ignored
                data = None
            if isinstance(data, dict) and data.get("site") == site_key:
                self.pages = data.get("pages", {})

    def get(self, rel: str, read: Callable[[str], str | None]) -> PageFacts | None:
        entry = self.pages.get(rel)
        if entry is None:
            return None
        hashes, facts = entry
        for file, known in hashes.items():
            if digest(read(file) or "") != known:
                return None
        return facts

    def put(self, facts: Iterable[PageFacts], read: Callable[[str], str | None]) -> None:
        if self.path is None:
            return  # no cache: nothing to hash
        for f in facts:
            hashes = {
                file: digest(read(file) or "") for file in sorted(f.depends_on | {f.rel_path})
            }
            self.pages[f.rel_path] = (hashes, f)
            self.changed = True

    def save(self) -> None:
        if self.path is None or not self.changed:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(pickle.dumps({"site": self.site_key, "pages": self.pages}))
            tmp.replace(self.path)
        except OSError:
            pass  # a read-only home: the next run checks everything again
