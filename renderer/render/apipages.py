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
from mintrender.load.nav import (
    CHANNEL_REF_PREFIX,
    NavApiSpec,
    NavDivision,
    NavGroup,
    Navigation,
    NavPage,
    PageSlot,
    is_operation_ref,
)
from mintrender.load.remote import Downloads, is_remote
from mintrender.load.sources import SourceFiles
from mintrender.model import ApiPage, PageMeta, PageRecord
from mintrender.parse.frontmatter import frontmatter_line
from mintrender.parse.mdx import ParsedPage
from mintrender.render import specfiles, xmint
from mintrender.render.apicache import load_index
from mintrender.render.context import RenderContext
from mintrender.render.remotespecs import RemoteSpecs
from mintrender.render.specfiles import configured_specs, is_config, page_specs, text_line
from mintrender.urls import output_path_for

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
        self.generated_paths: dict[str, str] = {}  # operation ref -> its generated site path
        self.hidden_refs: set[str] = set()
        self.channel_titles: dict[str, str] = {}  # generated channel ref -> page title
        self.x_content: xmint.Contents = {}  # generated page -> its x-mint.content

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

    # -- navigation-generated pages ----------------------------------------------------------
    def expand_navigation(self, nav: Navigation) -> Navigation:
        """Replace each `openapi` division/group without pages by one group per tag of its spec,
        listing every operation (x-hidden ones are built but left out of the sidebar)."""

        def expand(node: Any) -> list[Any]:
            if isinstance(node, NavApiSpec) and node.kind == "asyncapi":
                return self._expand_channels(node)
            if isinstance(node, NavApiSpec):
                spec = node.source.lstrip("/")
                groups = self.index.operations_for_nav(spec)
                if not groups:
                    self._nav_warning(
                        node.json_path,
                        "openapi-nav-spec",
                        f"openapi {node.source!r} names no loaded OpenAPI file with operations; "
                        "no pages are generated for it",
                    )
                    return []
                out = []
                for group in groups:
                    pages = []
                    for nav_op in group.operations:
                        op = nav_op.operation
                        target = f"webhook {op.webhook}" if op.webhook else f"{op.method} {op.path}"
                        ref = f"{op.spec_file} {target}"
                        where = nav_op.href or f"/{node.directory.strip('/')}/{nav_op.slug}"
                        self.generated_paths[ref] = "/" + where.strip("/")
                        if nav_op.hidden:
                            self.hidden_refs.add(ref)
                        pages.append(NavPage(ref, node.json_path, op.spec_file))
                    out.append(NavGroup(group.label, node.json_path, tuple(pages)))
                return out
            if isinstance(node, (NavDivision, NavGroup)):
                children: list[Any] = []
                names_operations = self._names_operations(node)
                for child in node.children:
                    if isinstance(child, NavApiSpec) and child.beside_pages and names_operations:
                        self._check_inherited(child)
                        continue  # its pages name operations: only those are shown
                    children.extend(expand(child))
                return [dataclasses.replace(node, children=tuple(children))]
            return [node]

        if not has_api_specs(nav.root):
            return nav
        return dataclasses.replace(nav, root=expand(nav.root)[0])

    def _nav_warning(self, path: Any, code: str, message: str, text: str | None = None) -> None:
        """A warning at the navigation entry at JSON `path` (at its `text` when given)."""
        line, col = self.config.locate(path, text)
        self.diagnostics.warning(self.config.config_file, line, col, code, message)

    def _check_inherited(self, node: NavApiSpec) -> None:
        """A spec whose listed operations are looked up in it must be a loaded spec."""
        if node.kind != "asyncapi" and self.index.find_spec(node.source.lstrip("/")) is None:
            why = "names no loaded OpenAPI file; the operations listed under it are looked up"
            self._nav_warning(
                node.json_path, "openapi-nav-spec", f"openapi {node.source!r} {why} in every spec"
            )

    def _names_operations(self, node: NavDivision | NavGroup) -> bool:
        """Whether a page listed under `node` is an operation (`GET /x`, or a page whose
        frontmatter names one): then no other operation of its spec is added (openapi.md §3)."""
        for child in node.children:
            if isinstance(child, NavPage):
                ref = child.ref.lstrip("/")
                if is_operation_ref(child.ref) or ref in self.operation_pages:
                    return True
            elif isinstance(child, (NavDivision, NavGroup)) and self._names_operations(child):
                return True
        return False

    def _expand_channels(self, node: NavApiSpec) -> list[NavPage]:
        """A nav-level `asyncapi`: one page per channel, at `<directory>/<channel slug>`."""
        from mintrender.openapi import slugify  # start-up time, see top

        spec = self.async_index.find(node.source)
        if spec is None:
            self._nav_warning(
                node.json_path,
                "asyncapi-nav-spec",
                f"asyncapi {node.source!r} names no loaded AsyncAPI file; "
                "no pages are generated for it",
            )
            return []
        pages = []
        for channel in spec.channels:
            ref = f"{CHANNEL_REF_PREFIX}{spec.rel_path} {channel.key}"
            where = f"/{node.directory.strip('/')}/{slugify(channel.key)}"
            self.generated_paths[ref] = "/" + where.strip("/")
            self.channel_titles[ref] = channel.title or channel.key
            pages.append(NavPage(ref, node.json_path))
        return pages

    def generated_pages(
        self, slots: Sequence[PageSlot], records: dict[str, PageRecord]
    ) -> list[tuple[PageRecord, str]]:
        """A record per navigation entry naming an operation (`"GET /users"`)."""
        from mintrender.openapi import endpoint_slug, parse_ref, url_part  # start-up time

        out: list[tuple[PageRecord, str]] = []
        taken = {r.site_path for r in records.values()}
        for slot in slots:
            if slot.openapi:
                self.nav_specs.setdefault(slot.ref, slot.openapi.lstrip("/"))
            if not is_operation_ref(slot.ref) or any(ref == slot.ref for _, ref in out):
                continue
            if slot.ref.startswith(CHANNEL_REF_PREFIX):
                site_path = self.generated_paths.get(slot.ref, "")
                if site_path and site_path not in taken:
                    taken.add(site_path)
                    channel_fm: dict[str, Any] = {
                        "title": self.channel_titles.get(slot.ref, ""),
                        "asyncapi": slot.ref[len(CHANNEL_REF_PREFIX) :],
                    }
                    record = PageRecord(
                        site_path.lstrip("/"),
                        slot.ref,
                        site_path,
                        output_path_for(site_path),
                        channel_fm,
                        PageMeta.of(channel_fm),
                    )
                    out.append((record, slot.ref))
                continue
            specs = [slot.openapi.lstrip("/")] if slot.openapi else []
            inherited = self.index.find_spec(specs[0]) if specs else None
            parsed = parse_ref(slot.ref)
            if inherited is not None and parsed is not None and parsed.spec is None:
                # "an operation from the inherited spec" (navigation.md): that spec's only
                res = self.index.resolve(f"{inherited} {slot.ref.strip()}", "", specs)
            else:
                res = self.index.resolve(slot.ref, "", specs)
            if res.operation is None:
                problem = f"navigation entry {slot.ref!r}: {res.problem or 'no such operation'}"
                self._nav_warning(slot.json_path, "openapi-unresolved", problem, slot.ref)
                continue
            op = res.operation
            x_mint = dict(op.x_mint)
            href = x_mint.get("href") if isinstance(x_mint.get("href"), str) else None
            tag = url_part(op.tags[0]) if op.tags else ""
            where = f"{tag}/{endpoint_slug(op)}" if tag else endpoint_slug(op)
            folder = (slot.directory or "api-reference").strip("/") or "api-reference"
            site_path = self.generated_paths.get(slot.ref) or (
                "/" + (href.strip("/") if href else f"{folder}/{where}")
            )
            while site_path in taken:
                site_path += "-2"
            taken.add(site_path)
            rel = site_path.lstrip("/")
            target = f"webhook {op.webhook}" if op.webhook else f"{op.method} {op.path}"
            fm = xmint.page_frontmatter(op.summary or target, f"{op.spec_file} {target}", x_mint)
            if content := xmint.content_of(x_mint):
                self.x_content[rel] = (content, op.spec_file, target)
            if slot.ref in self.hidden_refs:
                fm["hidden"] = True
            record = PageRecord(
                rel, slot.ref, site_path, output_path_for(site_path), fm, PageMeta.of(fm)
            )
            out.append((record, slot.ref))
        return out

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


def has_api_specs(node: Any) -> bool:
    if isinstance(node, NavApiSpec):
        return True
    return any(has_api_specs(c) for c in getattr(node, "children", ()))
