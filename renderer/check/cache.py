"""Per-page check results kept between runs, keyed by everything they depend on.

A page's findings depend on its own text and its snippets' (`depends_on`), and on the site
around it: the configuration, which pages and files exist (link targets), the specs, and
mintrender itself. The site part is one key for the whole entry (`mintrender.cache.Store`); a
page's findings are reused when every file it depended on still hashes the same. Checking again
after editing one page parses that page only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mintrender.cache import Store, digest
from mintrender.check.memo import default_cache_dir

if TYPE_CHECKING:  # start-up time: the pipeline is imported only when pages are checked
    from mintrender.check.pages import PageFacts


__all__ = ["PageCache", "default_cache_dir"]


class PageCache:
    """Findings per page for one docs folder and one state of the site around the pages."""

    def __init__(self, cache_dir: Path | None, docs_dir: Path, site_key: str) -> None:
        self.store = Store(cache_dir)
        self.name = digest(str(docs_dir))
        self.site_key = site_key
        self.pages: dict[str, tuple[dict[str, str], PageFacts]] = {}
        self.changed = False
        data: Any = self.store.get(self.name, site_key)
        if isinstance(data, dict):
            self.pages = data

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
        if self.store.folder is None:
            return  # no cache: nothing to hash
        for f in facts:
            hashes = {
                file: digest(read(file) or "") for file in sorted(f.depends_on | {f.rel_path})
            }
            self.pages[f.rel_path] = (hashes, f)
            self.changed = True

    def save(self) -> None:
        """Keep the findings (a read-only cache folder: the next run checks everything again)."""
        if self.changed:
            self.store.put(self.name, self.site_key, self.pages)
