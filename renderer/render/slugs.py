"""Heading anchors as Mintlify makes them (mdx-and-markdown.md §3), unique per page."""

from __future__ import annotations

import re
from functools import lru_cache

_DROP = re.compile(r"[!\"#$%()*+,:;<=>?@\[\\\]^`{|}~\u2018\u201c\u201d]")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def slugify(text: str) -> str:
    """`Config.json options` -> `config-json-options`; `What's new` -> `what’s-new`.
    Memoized (a pure function of the text): headings repeat across a site's pages."""
    text = text.strip().lower().replace("'", "\u2019").replace(".", "-")
    text = _DROP.sub("", text)
    return _SPACE.sub("-", text.strip())


class Slugger:
    """One counter per page: the second `Intro` becomes `intro-2`, then `intro-3`."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def slug(self, text: str, *, explicit: str | None = None) -> str:
        base = explicit or slugify(text) or "section"
        count = self.seen.get(base, 0) + 1
        self.seen[base] = count
        if count == 1:
            return base
        candidate = f"{base}-{count}"
        while candidate in self.seen:
            count += 1
            candidate = f"{base}-{count}"
        self.seen[candidate] = 1
        return candidate
