"""API stage glue: bind pages with `openapi`/`api` frontmatter to operations and render their view."""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from mintrender.cache import Store
from mintrender.errors import Diagnostics
from mintrender.load.config import SiteConfig
from mintrender.load.contain import resolve_inside
from mintrender.load.nav import Navigation, PageSlot
from mintrender.load.remote import Downloads, is_remote
from mintrender.load.sources import SourceFiles
from mintrender.model import ApiPage, PageRecord
from mintrender.parse.frontmatter import frontmatter_line
from mintrender.parse.mdx import ParsedPage
from mintrender.render import specfiles, xmint
from mintrender.render.apicache import load_index
from mintrender.render.apinav import NavPages
from mintrender.render.context import RenderContext
from mintrender.render.remotespecs import RemoteSpecs
from mintrender.render.specfiles import configured_specs, is_config, page_specs, text_line

# `mintrender.openapi` takes about 0.6 s to import: it is imported where a spec is first
# needed, so the preview server starts without it on sites whose pages name no operation.

Markdown = Callable[[str], str]
"""Renders a description to HTML."""


_NO_SERVER = (
    "api %r names no server, and docs.json sets no `api.mdx.server`: its samples and the "
    "playground send the request to this site's own address"
)


class AttachesApi(Protocol):
    """What rendering a page needs of the API stage (the preview server passes a lazy one)."""

    def attach(self, record: PageRecord, ctx: RenderContext) -> None: ...


class ApiStage:
    """Loads every spec once; `attach` turns a rendered page into an API page when it names one."""

    def __init__(
        self,
        config: SiteConfig,
        docs_dir: Path,
        sources: SourceFiles,
        diagnostics: Diagnostics,
        downloads: Downloads | None = None,
        cache: tuple[Store, str] | None = None,
    ) -> None:
        """`downloads` fetches specs given as URLs (None: left out, warned). `cache`: the
        build cache and a key of the docs folder's JSON and YAML files: the loaded specs are
        reused while those files are the same."""
        from mintrender.openapi import find_spec_files  # start-up time, see top
        from mintrender.openapi.asyncapi import load_async_index  # start-up time
        from mintrender.openapi.discover import find_asyncapi_files  # start-up time

        self.config = config
        self.docs_dir = docs_dir
        self.diagnostics = diagnostics
        self.remote = RemoteSpecs(downloads)
        self._spec_texts: dict[str, str] = {}
        files = set(find_spec_files(docs_dir))
        fetched: dict[str, Path] = {}
        for spec in configured_specs(config):
            if is_remote(spec):
                line = config.locate(("api",))[0]
                path = self.remote.spec(spec, config.config_file, line, diagnostics)
                if path is not None:
                    fetched[spec] = path
            elif not is_config(spec) and specfiles.local_file(docs_dir, spec):
                files.add(spec.lstrip("/"))
        specfiles.report_missing_specs(config, files, diagnostics)
        specfiles.report_unknown_languages(config, diagnostics)
        named = page_specs(docs_dir, sources.pages)
        files.update(named["openapi"])
        self.operation_pages = named["pages"]  # frontmatter `openapi: GET /x`
        self.index = load_index(
            docs_dir, sorted(files), diagnostics, fetched, self.remote.ref, cache
        )
        async_files = set(find_asyncapi_files(docs_dir)) | named["asyncapi"]
        for spec in configured_specs(config, "asyncapi"):
            local = not is_remote(spec) and not is_config(spec)
            if local and resolve_inside(docs_dir, docs_dir / spec.lstrip("/")):
                async_files.add(spec.lstrip("/"))
        self.async_index = load_async_index(docs_dir, sorted(async_files), diagnostics)
        self.nav_specs: dict[str, str] = {}
        self.x_content: xmint.Contents = {}  # generated page -> its x-mint.content
        self.nav_pages = NavPages(config, self, diagnostics, self.nav_specs, self.x_content)

    def _load_page_spec(self, ref: str, record: PageRecord, line: int) -> None:
        """A page naming its spec by URL (`openapi: "https://x/openapi.yaml GET /a"`): fetched
        and added to the index the first time a page asks."""
        from mintrender.openapi import load_api_index, parse_ref  # start-up time, see top

        parsed = parse_ref(ref)
        url = parsed.spec if parsed is not None else None
        if url is None or not is_remote(url) or url in self.remote.tried:
            return
        path = self.remote.spec(url, record.rel_path, line, self.diagnostics)
        if path is not None:
            extra = load_api_index(
                self.docs_dir, [], self.diagnostics, {url: path}, self.remote.ref
            )
            self.index.specs.update(extra.specs)

    # -- navigation-generated pages (render/apinav.py) ---------------------------------------
    def expand_navigation(self, nav: Navigation) -> Navigation:
        """The navigation with its specs expanded and its operation entries canonical."""
        return self.nav_pages.expand(nav)

    def generated_pages(
        self, slots: Sequence[PageSlot], records: dict[str, PageRecord]
    ) -> list[tuple[PageRecord, str]]:
        """A record per navigation entry naming an operation (`"GET /users"`)."""
        return self.nav_pages.generated(slots, records)

    def parsed_stub(self, record: PageRecord) -> ParsedPage:
        return xmint.parsed_page(record, self.x_content, self.docs_dir, self.diagnostics)

    # -- every page ----------------------------------------------------------------------------
    def attach(self, record: PageRecord, ctx: RenderContext) -> None:
        xmint.relocate(ctx.diagnostics, record.rel_path, self.x_content)  # x-mint.content's
        meta = record.meta
        if meta.openapi and meta.openapi.strip():
            self._attach_openapi(record, ctx, meta.openapi.strip())
        elif meta.api and meta.api.strip():
            self._attach_manual(record, ctx, meta.api.strip())
        elif meta.asyncapi and meta.asyncapi.strip():
            self._attach_asyncapi(record, ctx, meta.asyncapi.strip())
        elif meta.openapi_schema and meta.openapi_schema.strip():
            self._attach_schema(record, ctx, meta.openapi_schema.strip())

    def _resolve_schema(self, record: PageRecord, ref: str) -> Any:
        """The component schema an `openapi-schema:` page names (warned when none or several)."""
        if self.index.schemas is None:
            return None
        res = self.index.schemas.resolve(ref, record.rel_path)
        if res.problem:
            line = frontmatter_line(self.docs_dir, record.rel_path, "openapi-schema")
            code = "openapi-schema-unresolved" if res.schema is None else "openapi-several-specs"
            tail = " (the page is shown without it)" if res.schema is None else ""
            self.diagnostics.warning(record.rel_path, line, 1, code, res.problem + tail)
        return res if res.schema is not None else None

    def _attach_schema(self, record: PageRecord, ctx: RenderContext, ref: str) -> None:
        """`openapi-schema: "TaxObject"`: the component schema as a field tree."""
        from mintrender.openapi.schemaview import render_schema  # start-up time, see top

        res = self._resolve_schema(record, ref)
        if res is None:
            return
        view = render_schema(
            res.name,
            res.schema,
            options=self._options(record.frontmatter, ctx),
            markdown=self._spec_markdown(ctx, res.spec or record.rel_path, 1),
            highlight=lambda code, lang, title: ctx.highlight(code, lang, title),
        )
        # the schema's description opens the view: not repeated as the page's
        self._finish(record, ctx, view, "", res.name, "", res.name)

    def _resolve_channel(self, record: PageRecord, ref: str) -> Any:
        """The AsyncAPI channel an `asyncapi:` page names (warned when there is none)."""
        res = self.async_index.resolve(ref, record.rel_path)
        if res.channel is None:
            line = frontmatter_line(self.docs_dir, record.rel_path, "asyncapi")
            self.diagnostics.warning(
                record.rel_path,
                line,
                1,
                "asyncapi-unresolved",
                f"asyncapi {ref!r} matches no channel: {res.problem} "
                "(the page is shown without its channel reference)",
            )
        return res.channel

    def _attach_asyncapi(self, record: PageRecord, ctx: RenderContext, ref: str) -> None:
        """`asyncapi: "/asyncapi.yaml channelOne"`: the channel's reference view."""
        from mintrender.openapi.asyncview import channel_method, render_channel  # start-up

        channel = self._resolve_channel(record, ref)
        if channel is None:
            return
        view = render_channel(
            channel,
            options=self._options(record.frontmatter, ctx),
            markdown=self._spec_markdown(ctx, channel.spec_file or record.rel_path, 1),
            highlight=lambda code, lang, title: ctx.highlight(code, lang, title),
        )
        method = channel_method(channel)
        self._finish(
            record,
            ctx,
            view,
            method,
            channel.title or channel.key,
            "",  # the channel's description opens the view
            f"{method} {channel.address}",
        )

    def _options(self, fm: dict[str, Any], ctx: RenderContext) -> Any:
        from mintrender.openapi import ApiOptions  # start-up time, see top

        return ApiOptions.from_settings(self.config.api, fm, ctx.language)

    def check(self, record: PageRecord) -> None:
        """What `attach` reports about a page's API reference, without drawing its view."""
        meta = record.meta
        if meta.openapi and meta.openapi.strip():
            self._resolve_openapi(record, meta.openapi.strip())
        elif meta.api and meta.api.strip():
            method, _, url = meta.api.strip().partition(" ")
            if not url.strip():
                self._bad_api_frontmatter(record, meta.api.strip())
        elif meta.asyncapi and meta.asyncapi.strip():
            self._resolve_channel(record, meta.asyncapi.strip())
        elif meta.openapi_schema and meta.openapi_schema.strip():
            self._resolve_schema(record, meta.openapi_schema.strip())

    def _attach_openapi(self, record: PageRecord, ctx: RenderContext, ref: str) -> None:
        from mintrender.openapi import render_operation  # start-up time, see top
        from mintrender.openapi.opdoc import operation_yaml  # same
        from mintrender.openapi.samples import limits_hit  # same

        op = self._resolve_openapi(record, ref)
        if op is None:
            return
        markdown = self._spec_markdown(ctx, op.spec_file, op.line)
        cut = limits_hit()
        view = render_operation(
            op,
            options=self._options(record.frontmatter, ctx),
            markdown=markdown,
            highlight=lambda code, lang, title: ctx.highlight(code, lang, title),
            page_title=record.meta.title,
        )
        if limits_hit() > cut:
            self._cut_short(op)
        self._finish(
            record,
            ctx,
            view,
            op.method if not op.webhook else "WEBHOOK",
            op.summary or "",
            op.description or "",
            f"{op.method} {op.path}",
            markdown=markdown,
            deprecated=op.deprecated,
            spec=operation_yaml(self.index.store, op) if self.index.store is not None else "",
        )

    def _cut_short(self, op: Any) -> None:
        """`openapi-limit` at the operation in its spec (the page may be generated)."""
        from mintrender.openapi.reference import limit_message  # start-up time, see top

        src = self.index.store.named(op.spec_file) if self.index.store is not None else None
        line, col = src.position(op.pointer) if src is not None else (op.line, 1)
        if line != op.line:  # a path item `$ref`d from another file: its line in the spec
            line, col = op.line, 1
        self.diagnostics.warning(op.spec_file, line, col, "openapi-limit", limit_message(op))

    def _resolve_openapi(self, record: PageRecord, ref: str) -> Any:
        """The page's operation (None when it names none), reporting how it was resolved."""
        nav_spec = self.nav_specs.get(record.ref)
        line = frontmatter_line(self.docs_dir, record.rel_path, "openapi")
        self._load_page_spec(ref, record, line)
        res = self.index.resolve(ref, record.rel_path, [nav_spec] if nav_spec else [])
        if res.operation is None:
            self.diagnostics.warning(
                record.rel_path,
                line,
                1,
                "openapi-unresolved",
                f"openapi {ref!r} matches no operation: {res.problem or 'check the method and path'}; "
                "the page is shown without its API reference",
            )
            return None
        if len(res.candidates) > 1:
            how = (
                "alphabetical order of the spec paths decided"
                if res.ambiguous
                else "the spec nearest to the page decided"
            )
            self.diagnostics.warning(
                record.rel_path,
                line,
                1,
                "openapi-several-specs",
                f"openapi {ref!r} matches {len(res.candidates)} operations ("
                + "; ".join(res.candidates)
                + f"); {how}: {res.candidates[0]}. Name the spec file to choose: "
                f'openapi: "<spec> {ref}"',
            )
        elif res.problem:
            self.diagnostics.warning(record.rel_path, line, 1, "openapi-foreign-spec", res.problem)
        return res.operation

    def _spec_markdown(self, ctx: RenderContext, spec_file: str, line: int) -> Markdown:
        """Descriptions of a spec are Markdown with HTML (not MDX); what they report names the
        spec file and the line of the description (else of the operation), not the page."""

        def render(text: str) -> str:
            mark = len(ctx.diagnostics)
            out = ctx.markdown(text, spec=True)
            if len(ctx.diagnostics) > mark:
                spec_text = self._spec_text(spec_file)
                ctx.diagnostics[mark:] = [
                    dataclasses.replace(
                        d, file=spec_file, line=text_line(spec_text, text, d.line) or line, column=1
                    )
                    for d in ctx.diagnostics[mark:]
                ]
            return out

        return render

    def _spec_text(self, spec_file: str) -> str:
        """A spec's text, read again only when one of its descriptions has a problem."""
        if spec_file not in self._spec_texts:
            try:
                text = (self.docs_dir / spec_file).read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            self._spec_texts[spec_file] = text
        return self._spec_texts[spec_file]

    def _attach_manual(self, record: PageRecord, ctx: RenderContext, api: str) -> None:
        from mintrender.openapi import manual_params, render_manual_endpoint  # start-up time

        method, _, url = api.partition(" ")
        method, url = method.upper(), url.strip()
        if not url:
            self._bad_api_frontmatter(record, api)
            return
        params = manual_params(ctx.fields)
        options = self._options(record.frontmatter, ctx)
        if "://" not in url and not options.mdx_server:  # `api: "POST /v2/emails"` (Inbound)
            line = frontmatter_line(self.docs_dir, record.rel_path, "api")
            self.diagnostics.info(record.rel_path, line, 1, "api-frontmatter", _NO_SERVER % api)
        view = render_manual_endpoint(
            method,
            url,
            params,
            options=options,
            markdown=lambda text: ctx.markdown(text),
            highlight=lambda code, lang, title: ctx.highlight(code, lang, title),
            auth_method=record.meta.auth_method,
        )
        self._finish(record, ctx, view, method, "", "", f"{method} {url}", body=False)

    def _bad_api_frontmatter(self, record: PageRecord, api: str) -> None:
        line = frontmatter_line(self.docs_dir, record.rel_path, "api")
        self.diagnostics.warning(
            record.rel_path,
            line,
            1,
            "api-frontmatter",
            f'api {api!r} should be "METHOD URL", e.g. "POST https://api.example.com/v1/users"',
        )

    def _finish(
        self,
        record: PageRecord,
        ctx: RenderContext,
        view: Any,
        method: str,
        summary: str,
        description: str,
        endpoint: str,
        *,
        body: bool = True,
        markdown: Markdown | None = None,
        deprecated: bool = False,
        spec: str = "",
    ) -> None:
        rendered = record.rendered
        assert rendered is not None
        changes: dict[str, Any] = {}
        if record.meta.title is None and summary:
            changes["title"] = summary
        description_html = ""
        if record.meta.description is None and description:
            changes["description"] = " ".join(description.split())[:300]
            description_html = (markdown or ctx.markdown)(description)
        if changes:
            record.rendered = dataclasses.replace(rendered, **changes)
        # RequestExample / ResponseExample in the page's MDX take the place of the generated
        # request samples / response examples, each of its own half only, as in Mintlify
        aside = view.aside_html
        if rendered.examples:
            part = view.aside_part
            aside = "".join(
                rendered.examples.get(k) or (part(k) if part is not None else "")
                for k in ("request", "response")
            )
        search_text = " ".join(
            [endpoint, summary, *view.field_names, *(s.text for s in view.sections)]
        )
        record.kind = "api"
        record.api = ApiPage(
            method=method,
            header_html=view.header_html,
            body_html=view.body_html if body else "",
            aside_html=aside,
            description_html=description_html,
            search_text=html.unescape(search_text),
            deprecated=deprecated,
            spec_markdown=spec,
        )
