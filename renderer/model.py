"""The types every stage shares: build options, page metadata, page records, build results.

Stages import this module and nothing later than themselves; `build.py` (the recipe) fills these
records stage by stage. Page metadata is read from frontmatter once, here, with one set of
coercions (`deprecated: "true"` means the same to the sidebar and to the page header).
"""

from __future__ import annotations

import dataclasses
import pickle
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from mintrender.errors import Diagnostics, sort_key
from mintrender.spill import Spill, SpillRef
from mintrender.urls import ROOT, absolute_base, base_path_of, relative_root

Progress = Callable[[str, int, int], None]
"""`progress(stage, done, total)`: called while a build runs (the CLI draws a status line)."""

PAGE_MODES = ("wide", "custom", "frame", "center")
HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE")


IFRAME_HOSTS = ("youtube.com", "youtube-nocookie.com", "vimeo.com", "loom.com")
"""The video hosts Mintlify documents for embeds: `--safe` keeps iframes from these (and their
subdomains) only."""


MAX_BOOST = 1000.0
"""The largest search boost a page gets (docs.json or frontmatter `boost`): `1e308` overflowed
the index's integer weights (an internal error for the whole search)."""


@dataclass(frozen=True, slots=True)
class Safety:
    """`--safe`: the docs folder is not trusted (SECURITY.md)."""

    iframe_hosts: tuple[str, ...] = IFRAME_HOSTS
    """Hosts (and their subdomains) whose iframes are kept."""
    remote_specs: bool = False
    """Fetch OpenAPI specs given as URLs (off: a safe build makes no request the docs ask for)."""


@dataclass(frozen=True, slots=True)
class BuildOptions:
    docs_dir: Path
    out_dir: Path
    mode: Literal["hosted", "offline"] = "hosted"
    base_url: str = ""
    """`https://example.com/docs/` or `/docs/`; empty = served at the root."""
    zip: bool = False
    jobs: int = 1
    safe: Safety | None = None
    """`--safe`: sanitize author HTML, leave out custom scripts and theme overrides."""
    local_assets: bool | None = None
    """Download remote images, stylesheets, fonts and scripts into the site; None: only
    offline bundles do (`--no-remote-assets` turns it on for hosted builds)."""
    cache_dir: Path | None = None
    """The cache folder (`--cache-dir`): downloads and the build cache; None: the user cache
    folder (`mintrender.cache.default_cache_root`)."""
    cache: bool = True
    """Keep rendered pages and search indexes in `build/` of the cache folder and reuse what
    did not change (`--no-cache`: off)."""

    @property
    def downloads_assets(self) -> bool:
        """Are remote assets downloaded into the site?"""
        return self.mode == "offline" if self.local_assets is None else self.local_assets

    @property
    def written(self) -> tuple[Path, ...]:
        """Every path this build writes (never read back as input, whatever its name)."""
        return (self.out_dir, zip_path_for(self.out_dir))


DEFAULT_OUT = "_site"
"""The output folder's name inside the docs folder when no `-o` is given."""


def default_out_dir(docs_dir: Path) -> Path:
    return docs_dir / DEFAULT_OUT


def zip_path_for(out_dir: Path) -> Path:
    """`--zip` writes OUT.zip beside OUT, holding one top-level folder named like OUT."""
    out = out_dir.resolve()
    return out.with_name(out.name + ".zip")


def flag(value: Any) -> bool:
    """A frontmatter switch: YAML `true`, or the string "true" (any case), as Mintlify reads it."""
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def text(value: Any) -> str | None:
    """A frontmatter scalar as text (strings and numbers; not booleans, lists or maps)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return str(value)


def string(value: Any) -> str | None:
    """A frontmatter string (anything else is None)."""
    return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What the stages read of a page's frontmatter, coerced once."""

    title: str | None = None
    """`title`, when a non-blank scalar."""
    title_hidden: bool = False
    """`title: " "`: a blank title given on purpose (the page's own heading is in its body):
    no title is drawn above the content; `sidebarTitle` or the file name names the page."""
    sidebar_title: str | None = None
    description: str | None = None
    icon: str | None = None
    icon_type: str | None = None
    tag: str | None = None
    mode: str = "default"
    """`wide`, `custom`, `frame`, `center` or `default`."""
    url: str | None = None
    """An external link shown in the sidebar instead of the page."""
    api: str | None = None
    """`api: "POST https://…"` (a manual API page)."""
    openapi: str | None = None
    asyncapi: str | None = None
    openapi_schema: str | None = None
    """`openapi-schema: "TaxObject"`: a page showing one component schema."""
    auth_method: str | None = None
    deprecated: bool = False
    hidden: bool = False
    noindex: bool = False
    searchable: bool = True
    """False only for `searchable: false`."""
    hide_pagination: bool = False
    hide_api_marker: bool = False
    keywords: tuple[str, ...] = ()
    boost: float | None = None

    @classmethod
    def of(cls, frontmatter: dict[str, Any]) -> PageMeta:
        fm = frontmatter
        title = text(fm.get("title"))
        mode = fm.get("mode")
        keywords = fm.get("keywords")
        boost = fm.get("boost")
        return cls(
            title=title if title is not None and title.strip() else None,
            title_hidden=isinstance(fm.get("title"), str) and not fm["title"].strip(),
            sidebar_title=string(fm.get("sidebarTitle")),
            description=text(fm.get("description")),
            icon=string(fm.get("icon")),
            icon_type=string(fm.get("iconType")),
            tag=text(fm.get("tag")),
            mode=mode if isinstance(mode, str) and mode in PAGE_MODES else "default",
            url=string(fm.get("url")),
            api=string(fm.get("api")),
            openapi=string(fm.get("openapi")),
            asyncapi=string(fm.get("asyncapi")),
            openapi_schema=string(fm.get("openapi-schema")),
            auth_method=string(fm.get("authMethod")),
            deprecated=flag(fm.get("deprecated")),
            hidden=flag(fm.get("hidden")),
            noindex=flag(fm.get("noindex")),
            searchable=not (
                fm.get("searchable") is False
                or (isinstance(fm.get("searchable"), str) and fm["searchable"].lower() == "false")
            ),
            hide_pagination=flag(fm.get("hideFooterPagination")),
            hide_api_marker=flag(fm.get("hideApiMarker")),
            keywords=tuple(str(k) for k in keywords)
            if isinstance(keywords, list)
            else tuple(k.strip() for k in keywords.split(",") if k.strip())
            if isinstance(keywords, str)  # `keywords: setup, install`: a list written as text
            else (),
            boost=float(boost)
            if isinstance(boost, (int, float)) and not isinstance(boost, bool)
            else None,
        )

    @property
    def method(self) -> str | None:
        """The HTTP method the page documents, from `api` or `openapi`, for sidebar pills."""
        if self.api and self.api.split():
            return self.api.split()[0].upper()
        if self.openapi:
            found = [w.upper() for w in self.openapi.split() if w.upper() in HTTP_METHODS]
            return found[0] if found else None
        return None


@dataclass(frozen=True, slots=True)
class TocEntry:
    id: str
    text: str
    level: int


@dataclass(frozen=True, slots=True)
class Section:
    """A stretch of a page between headings, for the search index."""

    anchor: str
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class UpdateEntry:
    """One `<Update>` of a page, for the page's RSS feed (`rss: true`)."""

    anchor: str
    """Id of the entry on the page."""
    label: str
    description: str
    tags: tuple[str, ...]
    html: str
    """The entry's rendered content (URLs still carry the ROOT placeholder)."""
    rss_title: str = ""
    """`rss={{title}}`: the feed item's title instead of the label."""
    rss_description: str = ""
    """`rss={{description}}`: the feed item's text instead of the content."""


@dataclass(frozen=True, slots=True)
class RenderedPage:
    """The render stage's result for one page."""

    rel_path: str
    title: str
    description: str
    body_html: str
    toc: tuple[TocEntry, ...]
    sections: tuple[Section, ...]
    depends_on: frozenset[str]
    """Every docs file the page read (its source, snippets, specs)."""
    classes: frozenset[str]
    """Every `className` written on the page (for the Tailwind utilities)."""
    assets: frozenset[str]
    components: dict[str, int]
    unknown_components: dict[str, int]
    fields: tuple[dict[str, Any], ...] = ()
    examples: dict[str, str] = field(default_factory=dict)
    panel_html: str = ""
    drawn: frozenset[str] = frozenset()
    """Every component drawn on the page, those of its API view included (`components` counts
    the page's own MDX only, for the report): the write stage links their theme parts."""
    updates: tuple[UpdateEntry, ...] = ()
    """The page's `<Update>` entries, in order (its RSS feed's items)."""


@dataclass(slots=True)
class PageRecord:
    """A page on its way through the build."""

    rel_path: str
    ref: str
    site_path: str
    output_path: str
    frontmatter: dict[str, Any]
    meta: PageMeta = field(default_factory=PageMeta)
    """`frontmatter` coerced once (set by the build when the record is made)."""
    rendered: RenderedPage | None = None
    kind: str = "markdown"
    api: Any = None
    """The ApiView of an API page (header, body, aside)."""
    tokens: list[Any] | None = None
    """Parsed tokens, kept for the Markdown export (None when rendered in a worker)."""
    markdown: str | None = None
    """The page's Markdown copy, when a render worker already made it."""
    inputs_key: str | None = None
    """Digest of everything the page was rendered from (set by a build that caches; the
    write stage keys the page's HTML by it and the navigation around it)."""
    packed: bytes | SpillRef | None = None
    """The page's bulk, compressed by `pack` (those fields are then empty; `unpacked` gives
    them back): most of a page's weight, while the build holds every page. A big build keeps
    it on disk instead (`spill`)."""

    def pack(self, level: int = 1) -> None:
        """Compress the page's bulk (`PACKED_FIELDS`, and the HTML of its API view): a big
        site's pages fit in a fraction of the memory, and cost a fraction to send back from
        a render worker. `level` 0 stores it uncompressed, for bulk bound for a spill file
        that nothing keeps (compressing and unpacking it twice cost more than the disk)."""
        rendered = self.rendered
        if self.packed is not None or rendered is None:
            return
        api = _api_bulk(self.api)
        # plain tuples, not the dataclasses: pickling a slotted dataclass costs ten times more
        bulk = (
            rendered.body_html,
            [(s.anchor, s.title, s.text) for s in rendered.sections],
            [(t.id, t.text, t.level) for t in rendered.toc],
            [_astuple(u) for u in rendered.updates],
            api,
        )
        # the Markdown copy apart, first: `markdown_text` reads it without the rest
        head = zlib.compress(pickle.dumps(self.markdown, protocol=pickle.HIGHEST_PROTOCOL), level)
        rest = zlib.compress(pickle.dumps(bulk, protocol=pickle.HIGHEST_PROTOCOL), level)
        self.packed = len(head).to_bytes(4, "big") + head + rest
        self.rendered = dataclasses.replace(rendered, **_EMPTY)
        self.markdown = None
        if api:
            self.api = dataclasses.replace(self.api, **dict.fromkeys(api, ""))

    def spill(self, spill: Spill) -> None:
        """Move the packed bulk to `spill`'s file: only where it is stays in memory."""
        if isinstance(self.packed, bytes):
            self.packed = spill.keep(self.packed)

    def unpacked(self) -> PageRecord:
        """The record with its bulk back (a copy; itself when it is not packed)."""
        if self.packed is None or self.rendered is None:
            return self
        head, rest = self._segments()
        markdown = pickle.loads(zlib.decompress(head))
        body, sections, toc, updates, api = pickle.loads(zlib.decompress(rest))
        rendered = dataclasses.replace(
            self.rendered,
            body_html=body,
            sections=tuple([Section(*s) for s in sections]),
            toc=tuple([TocEntry(*t) for t in toc]),
            updates=tuple([UpdateEntry(*u) for u in updates]),
        )
        view = dataclasses.replace(self.api, **api) if api else self.api
        return dataclasses.replace(
            self, rendered=rendered, markdown=markdown, api=view, packed=None
        )

    def markdown_text(self) -> str | None:
        """`unpacked().markdown`, without making the rest of the bulk into records again."""
        if self.packed is None or self.rendered is None:
            return self.markdown
        markdown: str | None = pickle.loads(zlib.decompress(self._segments()[0]))
        return markdown

    def _segments(self) -> tuple[bytes, bytes]:
        """The packed Markdown copy and the rest of the bulk (`pack`'s layout)."""
        assert self.packed is not None
        packed = self.packed if isinstance(self.packed, bytes) else self.packed.read()
        split = 4 + int.from_bytes(packed[:4], "big")
        return packed[4:split], packed[split:]

    def set_frontmatter(self, frontmatter: dict[str, Any]) -> None:
        """New frontmatter (the preview server re-read the page), and its metadata with it."""
        self.frontmatter = frontmatter
        self.meta = PageMeta.of(frontmatter)


def _astuple(entry: UpdateEntry) -> tuple[Any, ...]:
    return tuple([getattr(entry, f) for f in UpdateEntry.__slots__])


@dataclass(frozen=True, slots=True)
class ApiPage:
    """What the writer, the search index and the Markdown copy need of an API page."""

    method: str
    """HTTP method (or WEBHOOK) for the sidebar pill."""
    header_html: str
    body_html: str
    aside_html: str
    description_html: str
    search_text: str
    """Method, path, summary and field names, for the search index."""
    deprecated: bool = False
    """The operation is `deprecated` in its spec: so is its sidebar entry."""
    spec_markdown: str = ""
    """The `## OpenAPI` section of its Markdown copy: the operation's own document as YAML
    (openapi/opdoc.py); "" for other API pages."""


PACKED_FIELDS = ("body_html", "sections", "toc", "updates")
"""The `RenderedPage` fields `PageRecord.pack` compresses (what only the writer, the index,
the Markdown copy and the feeds read, each through `unpacked`)."""
_EMPTY: dict[str, Any] = {"body_html": "", "sections": (), "toc": (), "updates": ()}

_API_HTML = (
    "header_html",
    "body_html",
    "aside_html",
    "description_html",
    "search_text",
    "spec_markdown",
)
"""The text fields of an API view (`ApiPage`) that `pack` compresses."""


def _api_bulk(api: Any) -> dict[str, str]:
    """The API view's text fields (none when it is not a dataclass that has them)."""
    if api is None or not dataclasses.is_dataclass(api):
        return {}
    names = {f.name for f in dataclasses.fields(api)}
    return {name: getattr(api, name) for name in _API_HTML if name in names}


@dataclass(slots=True)
class BuildResult:
    diagnostics: Diagnostics
    pages: list[PageRecord] = field(default_factory=list)
    components: Counter[str] = field(default_factory=Counter)
    unknown_components: Counter[str] = field(default_factory=Counter)
    openapi_operations: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    cache: dict[str, int] = field(default_factory=dict)
    """What the build cache saved: `pages_reused`, `pages_rendered`, `indexes_reused`, ..."""
    fatal: str | None = None
    """Set when the configuration could not be used at all (exit code 2)."""

    def report(self) -> dict[str, Any]:
        return {
            "pages": [
                {
                    "path": p.site_path,
                    "source": p.rel_path,
                    "output": p.output_path,
                    "title": p.rendered.title if p.rendered else "",
                    "kind": p.kind,
                }
                for p in self.pages
            ],
            "diagnostics": [d.to_dict() for d in sorted(self.diagnostics, key=sort_key)],
            "components": dict(sorted(self.components.items())),
            "unknown_components": dict(sorted(self.unknown_components.items())),
            "openapi_operations": self.openapi_operations,
            "timings": {k: round(v, 4) for k, v in self.timings.items()},
            "cache": dict(self.cache),
        }


@dataclass(frozen=True, slots=True)
class Publish:
    """Where the site is published: how to turn a ROOT-placeholder URL into a final one."""

    mode: str
    base_path: str
    """`/` or `/docs/` (hosted)."""
    public_base: str
    """Absolute base (`https://example.com/docs/`) when known, else ""."""

    @classmethod
    def of(cls, options: BuildOptions, metatags: Sequence[tuple[str, str]]) -> Publish:
        """From the build options, or docs.json's `canonical` metatag when no base URL is set;
        a path-only base URL (`--base-url /docs/`) takes its scheme and host from `canonical`."""
        public = absolute_base(options.base_url)
        canonical = absolute_base(dict(metatags).get("canonical", ""))
        if not public and not options.base_url:
            public = canonical
        elif not public and canonical:
            origin = canonical[: canonical.index("/", canonical.index("://") + 3)]
            public = origin + base_path_of(options.base_url)
        return cls(options.mode, base_path_of(options.base_url), public)

    def for_file(self, url: str, output_path: str) -> str:
        """A URL as written into a file at `output_path` (relative when offline)."""
        if self.mode == "offline":
            return url.replace(ROOT, relative_root(output_path))
        return url.replace(ROOT, self.base_path)

    def public(self, url: str, output_path: str = "") -> str:
        """The most absolute form available: `https://…` when known, else like `for_file`."""
        if self.public_base and self.mode != "offline":
            return url.replace(ROOT, self.public_base)
        return self.for_file(url, output_path)
