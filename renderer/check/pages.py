"""Checking one page: parse and render it only as far as finding problems needs.

The render runs the real component renderers (they are what know a prop is wrong, an icon is
unknown or a link points nowhere) through a `CheckContext` that draws no code highlighting and no
API reference view, and records every internal link with an anchor for the site-wide pass.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mintrender.build import new_record, parse_source
from mintrender.errors import Diagnostic, Diagnostics, internal_error
from mintrender.render.context import RenderContext, find_text
from mintrender.render.highlight import parse_fence_info
from mintrender.render.page import render_page
from mintrender.urls import ROOT, is_external, site_path_for

if TYPE_CHECKING:
    from mintrender.load.config import SiteConfig
    from mintrender.load.sources import Reader
    from mintrender.render.apipages import ApiStage
    from mintrender.urls import UrlBuilder

_ID = re.compile(r'\sid="([^"]+)"')
DISABLE_KEY = "mintrender-disable"
"""Frontmatter key turning rules off for one page: a code, a list, or "a, b"."""


@dataclass(frozen=True, slots=True)
class AnchorLink:
    """An internal link with a `#fragment`, to check once every page's ids are known."""

    href: str
    site_path: str
    """The page it targets."""
    fragment: str
    file: str
    line: int
    column: int


@dataclass(slots=True)
class PageFacts:
    """What the site-wide pass needs of one checked page."""

    rel_path: str
    site_path: str
    diagnostics: list[Diagnostic]
    ids: frozenset[str]
    """Every element id the page's body defines (headings, anchored components)."""
    anchors: list[AnchorLink] = field(default_factory=list)
    depends_on: frozenset[str] = frozenset()
    disabled: tuple[str, ...] = ()
    """Codes the page's frontmatter turns off."""
    api: bool = False
    """An API page: its reference view (and the ids in it) is not drawn by the check."""
    hidden: bool = False
    """`hidden: true` in frontmatter: meant to be left out of the navigation."""


@dataclass(slots=True)
class CheckContext(RenderContext):
    """A render context that skips what only a reader sees and notes links with anchors."""

    anchors: list[AnchorLink] = field(default_factory=list)
    draws_diagrams: bool = False

    def highlight(self, code: str, lang: str = "", meta: str = "", line: int = 0) -> str:
        info = parse_fence_info(f"{lang} {meta}".strip())
        if info.icon:
            self.icon(info.icon, css_class="mr-code__icon", line=line)
        return f"<pre>{html.escape(code)}</pre>"

    def link(self, href: str, *, line: int = 0, column: int = 1) -> str:
        url = RenderContext.link(self, href, line=line, column=column)
        if not isinstance(href, str) or "#" not in href or is_external(href.strip()):
            return url
        href = href.strip()
        fragment = href.split("#", 1)[1]
        if not fragment or not url.startswith(("#", ROOT)):
            return url
        if href.startswith("#"):
            target = ""  # this page
        else:
            path = url[len(ROOT) :].split("#", 1)[0].split("?", 1)[0]
            target = "/" + path.strip("/")
            if target not in self.urls.pages:
                return url  # a file, or a page this check cannot see
        file, at = self.where if self.where is not None else (self.src_path, line)
        found = find_text(self.read(file) if self.read else None, at, "#" + fragment)
        where_line, column = found if found else (at, 1)
        self.anchors.append(AnchorLink(href, target, fragment, file, where_line, column))
        return url


def check_page(
    rel: str,
    config: SiteConfig,
    urls: UrlBuilder,
    api: ApiStage,
    read: Reader,
) -> PageFacts:
    """Parse and render one page for its findings; a failure of ours becomes an
    `internal-error` finding for the page, and the rest of the site is still checked."""
    try:
        return _check_page(rel, config, urls, api, read)
    except Exception as exc:  # noqa: BLE001 - one page's bug must not stop the check
        return PageFacts(
            rel, site_path_for(rel), [internal_error(rel, 0, "checking", exc)], frozenset()
        )


def _check_page(
    rel: str,
    config: SiteConfig,
    urls: UrlBuilder,
    api: ApiStage,
    read: Reader,
) -> PageFacts:
    found = Diagnostics()
    api.diagnostics = found  # in a forked worker, this process's copy reports to us
    parsed = parse_source(rel, config, read, found, for_check=True)  # findings-deep inline
    record = new_record(rel, parsed.frontmatter)
    ctx = CheckContext(config, rel, urls, found, read=read)
    rendered = render_page(parsed, ctx, with_sections=False)  # no search index to feed
    if record.meta.icon:  # drawn in the sidebar by a build: said at line 1, as there
        ctx.icon(record.meta.icon, record.meta.icon_type, line=1)
    api.check(record)
    is_api = bool(record.meta.openapi or record.meta.api)
    anchors = [
        a if a.site_path else AnchorLink(a.href, record.site_path, *_rest(a)) for a in ctx.anchors
    ]
    return PageFacts(
        rel,
        record.site_path,
        list(found),
        frozenset(html.unescape(i) for i in _ID.findall(rendered.body_html)),  # `fees-&-billing`
        anchors,
        parsed.depends_on,
        disabled_codes(parsed.frontmatter.get(DISABLE_KEY)),
        is_api,
        record.meta.hidden,
    )


def _rest(a: AnchorLink) -> tuple[str, str, int, int]:
    return a.fragment, a.file, a.line, a.column


def disabled_codes(value: Any) -> tuple[str, ...]:
    """`broken-link`, `[broken-link, unknown-icon]` or `"broken-link, unknown-icon"`."""
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return ()
    return tuple(str(v).strip() for v in value if str(v).strip())
