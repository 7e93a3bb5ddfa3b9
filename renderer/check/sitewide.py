"""Site-wide passes of `check`: findings merged across pages, anchors, navigation coverage."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING
from urllib.parse import unquote

from mintrender.check.config import duplicate_entries
from mintrender.errors import Diagnostic, Diagnostics
from mintrender.hints import did_you_mean
from mintrender.load.redirects import plan_redirect_pages

if TYPE_CHECKING:
    from mintrender.check.pages import PageFacts
    from mintrender.load.config import SiteConfig
    from mintrender.load.nav import PageSlot
    from mintrender.urls import UrlBuilder

_PUNCTUATION = re.compile(r"[\W_]+")
MAX_NAMED = 5
"""Including pages named in a snippet finding's message before "and N more"."""


def merge_page_findings(facts: Iterable[PageFacts]) -> list[Diagnostic]:
    """Each page's findings, once: a finding inside a snippet is reported at the snippet's line,
    once, naming the pages that include it."""
    including: dict[Diagnostic, list[str]] = {}
    for f in facts:
        for d in f.diagnostics:
            pages = including.setdefault(d, [])
            if d.file != f.rel_path and f.rel_path not in pages:
                pages.append(f.rel_path)
    return [_included_by(d, pages) if pages else d for d, pages in including.items()]


def _included_by(d: Diagnostic, pages: list[str]) -> Diagnostic:
    """`d`, found in a snippet, with the pages including it named in its message."""
    named = ", ".join(pages[:MAX_NAMED])
    if len(pages) > MAX_NAMED:
        named += f" and {len(pages) - MAX_NAMED} more"
    message = f"{d.message} (included by {named})"
    return Diagnostic(d.severity, d.file, d.line, d.column, d.code, message, d.hint)


def check_anchors(
    facts: Iterable[PageFacts], by_site: Mapping[str, PageFacts], generated_paths: set[str]
) -> list[Diagnostic]:
    """`/page#section` and `#section` links whose fragment is no id on the target page."""
    out: dict[tuple[str, int, int, str], Diagnostic] = {}
    including: dict[tuple[str, int, int, str], list[str]] = {}  # a snippet's link: the pages
    loose_ids: dict[str, set[str]] = {}  # per target page, made once
    hints: dict[tuple[str, str], str] = {}
    for f in facts:
        for a in f.anchors:
            target = by_site.get(a.site_path)
            if target is None or target.api or a.site_path in generated_paths:
                continue  # an API reference view's ids are not drawn by the check
            fragment = unquote(a.fragment)
            if fragment in target.ids:
                continue
            if a.site_path not in loose_ids:
                loose_ids[a.site_path] = {_loose(i) for i in target.ids}
            if _loose(fragment) in loose_ids[a.site_path]:
                continue
            where = "this page" if a.site_path == f.site_path else a.site_path
            if (fragment, a.site_path) not in hints:  # the same link, in page after page
                hints[fragment, a.site_path] = did_you_mean(fragment, sorted(target.ids))
            hint = hints[fragment, a.site_path]
            key = (a.file, a.line, a.column, a.href)
            if a.file != f.rel_path and f.rel_path not in including.setdefault(key, []):
                including[key].append(f.rel_path)
            out.setdefault(
                key,
                Diagnostic(
                    "warning",
                    a.file,
                    a.line,
                    a.column,
                    "broken-anchor",
                    f"link {a.href!r}: {where} has no heading or id {fragment!r}",
                    hint,
                ),
            )
    for key, pages in including.items():  # "this page": the including pages that lack it
        out[key] = _included_by(out[key], pages)
    return list(out.values())


def check_redirects(config: SiteConfig, site_paths: Iterable[str], urls: UrlBuilder) -> Diagnostics:
    """What the build reports about docs.json redirects (shadowed sources, loops, targets)."""
    found = Diagnostics()
    plan_redirect_pages(
        config.redirects,
        set(site_paths),
        urls,
        found,
        config.config_file,
        lambda index: config.locate(("redirects", index)),
    )
    return found


def _loose(anchor: str) -> str:
    """An anchor as letters and digits only: heading slugs differ in punctuation between
    slugifiers (`robots.txt` -> `robotstxt` or `robots-txt`, `$ref`, a pasted zero-width
    space), and a link that differs only there is not reported."""
    return _PUNCTUATION.sub("", unicodedata.normalize("NFKC", anchor).lower())


def check_navigation(
    config: SiteConfig,
    slots: Sequence[PageSlot],
    ref_to_file: Mapping[str, str],
    pages: Sequence[str],
    hidden: set[str],
) -> list[Diagnostic]:
    """Pages listed twice in one language/version, and page files no navigation entry lists."""
    out = duplicate_entries(config, slots)
    listed = set(ref_to_file.values())
    for rel in pages:
        if rel not in listed and rel not in hidden:
            out.append(
                Diagnostic(
                    "info",
                    rel,
                    1,
                    1,
                    "nav-orphan",
                    "no navigation entry lists this page: it is built but readers reach it only "
                    f"by URL (list it in {config.config_file}, or set `hidden: true` in its "
                    "frontmatter to say it is meant)",
                )
            )
    return out
