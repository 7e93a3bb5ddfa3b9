"""Markdown copies of every page (`/a/b.md`), llms.txt and llms-full.txt for readers and AI tools."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Container, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from mintrender.errors import Diagnostics
from mintrender.load.sources import Reader
from mintrender.model import HTTP_METHODS, Publish
from mintrender.parse.mdx import parse_page
from mintrender.render.markdown import first_paragraph, instructions_block, page_markdown
from mintrender.urls import ROOT, is_external, markdown_path_for, relative_root
from mintrender.write.crawl import indexable

if TYPE_CHECKING:
    from mintrender.load.config import SiteConfig
    from mintrender.load.nav import PageSlot
    from mintrender.load.sources import SourceFiles
    from mintrender.model import BuildResult, PageRecord
    from mintrender.urls import UrlBuilder
    from mintrender.write.files import OutputWriter


def _instructions(config: SiteConfig) -> str:
    value = config.raw.get("markdown", {}) if isinstance(config.raw, dict) else {}
    inst = value.get("instructions") if isinstance(value, dict) else None
    if isinstance(inst, list):
        return "\n".join(str(x) for x in inst if isinstance(x, (str, int, float)))
    return inst if isinstance(inst, str) else ""


def _api_summary(record: PageRecord, link: Any) -> str:
    """An API page's endpoint line (and spec file) for its Markdown copy."""
    return _endpoint_line(record, link)


def _api_spec(record: PageRecord, schema: bool = True) -> str:
    """What an API page's Markdown copy ends with, as Mintlify's: `## OpenAPI` and the
    operation's own document in YAML (`schema`: docs.json's `markdown.schema`, true unless it
    is `false`)."""
    api = getattr(record, "api", None)
    return str(getattr(api, "spec_markdown", "") or "") if schema else ""


def _schema_in_markdown(config: SiteConfig) -> bool:
    value = config.raw.get("markdown", {}) if isinstance(config.raw, dict) else {}
    return not (isinstance(value, dict) and value.get("schema") is False)


def _method_first(words: list[str]) -> list[str]:
    """`delete /x` as generated pages write it: `DELETE /x`."""
    if words and words[0].upper() in HTTP_METHODS:
        return [words[0].upper(), *words[1:]]
    return words


def _endpoint_line(record: PageRecord, link: Any) -> str:
    ref = record.meta.openapi
    if ref:
        parts = ref.split()
        spec = ""
        if len(parts) >= 3 or (len(parts) == 2 and parts[0].lower().endswith(_SPEC_EXT)):
            spec = parts[0]
            parts = parts[1:]
        parts = _method_first(parts)
        line = f"**Endpoint:** `{' '.join(parts)}`" if parts else ""
        if spec and not is_external(spec):
            line += f"\n\n**OpenAPI spec:** [{spec.lstrip('/')}]({link('/' + spec.lstrip('/'))})"
        return line
    api = record.meta.api
    if api:
        return f"**Endpoint:** `{' '.join(_method_first(api.split()))}`"
    for label, value in (
        ("AsyncAPI channel", record.meta.asyncapi),
        ("Schema", record.meta.openapi_schema),
    ):
        if value and value.strip():
            return f"**{label}:** `{' '.join(value.split())}`"
    return ""


_SPEC_EXT = (".json", ".yaml", ".yml")


_MD_ROOT = "\x00root\x00"
"""The site's root in an offline Markdown copy's links, until it is written (`_written`)."""


def _written(text: str, output_path: str) -> str:
    """A Markdown copy's text as written at `output_path`: its offline links relative there."""
    return text.replace(_MD_ROOT, relative_root(output_path)) if _MD_ROOT in text else text


def write_markdown_copies(
    config: SiteConfig,
    records: Iterable[PageRecord],
    writer: OutputWriter,
    urls: UrlBuilder,
    publish: Publish,
    diagnostics: Diagnostics,
    keep: Container[str] | None = None,
    skip: Container[str] = (),
) -> dict[str, str]:
    """`/a/b` -> `a/b.md` for every page of `records`, except where a file of the docs folder
    has that name (`skip`: the docs folder's files, which win, or a file already written);
    returns site path -> Markdown of the pages whose site path is in `keep` (every page when
    None), for llms-full.txt."""
    reader = Reader(config.docs_dir)
    instructions = _instructions(config)
    out: dict[str, str] = {}
    for record in records:
        if record.rendered is None:
            continue
        md_path = markdown_path_for(record.site_path)
        if md_path in skip or writer.exists(md_path):
            continue
        text = record.markdown_text()  # made with the page (build._render_whole)
        if text is None:
            text = page_markdown_text(
                record, config, urls, publish, instructions, reader, diagnostics
            )
        written = _written(text, md_path)
        writer.write_text(md_path, written)
        if publish.mode == "offline":  # "Copy page" from file://, where no fetch reads the .md
            writer.write_text(md_path + ".js", f"window.mrPageMarkdown = {json.dumps(written)};\n")
        if keep is None or record.site_path in keep:
            out[record.site_path] = text
    return out


def page_markdown_text(
    record: PageRecord,
    config: SiteConfig,
    urls: UrlBuilder,
    publish: Publish,
    instructions: str | None = None,
    reader: Any = None,
    diagnostics: Diagnostics | None = None,
) -> str:
    """The Markdown copy of one page, from the build's tokens when kept, else parsed again.
    Never raises: a bug becomes an `internal-error` in `diagnostics` and a copy with a notice."""
    try:
        return _page_markdown_text(record, config, urls, publish, instructions, reader)
    except Exception as exc:
        if diagnostics is not None:
            diagnostics.internal(record.rel_path, 0, "making the Markdown copy of", exc)
        title = record.rendered.title if record.rendered is not None else record.rel_path
        return (
            f"# {title}\n\n> The Markdown copy of this page could not be made: mintrender hit "
            "an internal error.\n"
        )


def _page_markdown_text(
    record: PageRecord,
    config: SiteConfig,
    urls: UrlBuilder,
    publish: Publish,
    instructions: str | None,
    reader: Any,
) -> str:
    rendered = record.rendered
    assert rendered is not None
    if instructions is None:
        instructions = _instructions(config)
    md_path = markdown_path_for(record.site_path)
    tokens: list[Any] = list(record.tokens or [])
    if not tokens and record.rel_path.endswith((".mdx", ".md")):
        source = (reader or Reader(config.docs_dir))(record.rel_path)
        if source is not None:
            try:
                parsed = parse_page(
                    record.rel_path,
                    source,
                    docs_dir=config.docs_dir,
                    diagnostics=Diagnostics(),  # the build already reported these pages
                    read=reader or Reader(config.docs_dir),
                    variables=config.variables,
                )
                tokens = parsed.tokens
            except Exception:  # noqa: BLE001 - never fail a build over the Markdown copy
                tokens = []

    def link(href: str, _rel: str = record.rel_path, _out: str = md_path) -> str:
        if not href or href.startswith("#") or is_external(href):
            return href
        url = urls.link(href, _rel)
        # offline: relative to where the text is written (the page's copy, llms-full.txt), so
        # a placeholder stays until then (`_written`): not ROOT, which `str.split` and `strip`
        # take for white space (a table cell's text is `one_line`d)
        return (
            url.replace(ROOT, _MD_ROOT) if publish.mode == "offline" else publish.public(url, _out)
        )

    return page_markdown(
        tokens,
        title=rendered.title,
        description=rendered.description,
        link=link,
        extra=_api_summary(record, link),
        after=_api_spec(record, _schema_in_markdown(config)),
        instructions=instructions,
    )


def _default_labels(slots: list[PageSlot], kind: str) -> str | None:
    first = None
    for slot in slots:
        for d in slot.divisions:
            if d.kind == kind:
                if d.default:
                    return d.label
                if first is None:
                    first = d.label
    return first


def _section_of(slot: PageSlot | None) -> str:
    if slot is None:
        return "Other pages"
    labels = [
        d.label
        for d in slot.divisions
        if d.kind in ("product", "tab", "anchor", "dropdown", "item") and d.label
    ]
    if slot.groups:
        labels.append(slot.groups[0].label)
    return " / ".join(labels) or "Docs"


def _external_nav_links(node: Any, out: list[tuple[str, str]]) -> None:
    if isinstance(node, dict):
        href = node.get("href")
        if isinstance(href, str) and href.startswith(("http://", "https://")):
            for key in ("tab", "anchor", "dropdown", "item", "product", "label", "group"):
                if isinstance(node.get(key), str):
                    if (node[key], href) not in out:
                        out.append((node[key], href))
                    break
        for key, value in node.items():
            if key in ("languages", "versions") and isinstance(value, list):
                # llms.txt holds the default language and version only (ai/llmstxt.mdx)
                entries = [v for v in value if isinstance(v, dict)]
                default = next((v for v in entries if v.get("default") is True), None)
                value = [default or entries[0]] if entries else []
            if key != "href":
                _external_nav_links(value, out)
    elif isinstance(node, list):
        for value in node:
            _external_nav_links(value, out)


def _spec_files(config: SiteConfig, result: BuildResult, static: set[str]) -> list[str]:
    found: list[str] = []
    api = config.api.get("openapi") if isinstance(config.api, dict) else None
    candidates: list[str] = []
    if isinstance(api, str):
        candidates.append(api)
    elif isinstance(api, list):
        candidates.extend(str(a) for a in api if isinstance(a, str))
    elif isinstance(api, dict) and isinstance(api.get("source"), str):
        candidates.append(api["source"])
    for record in result.pages:
        ref = record.meta.openapi
        if ref and ref.split() and ref.split()[0].lower().endswith(_SPEC_EXT):
            candidates.append(ref.split()[0])
    for c in candidates:
        rel = c.strip().lstrip("/")
        if rel in static and rel not in found:
            found.append(rel)
    return sorted(found)


def llms_pages(config: SiteConfig, result: BuildResult, slots: list[PageSlot]) -> list[PageRecord]:
    """The pages llms.txt and llms-full.txt list: indexable, of the default language and version."""
    pages = indexable(config, result, slots, for_sitemap=False)
    first_slot: dict[str, PageSlot] = {}
    for slot in slots:
        first_slot.setdefault(slot.ref, slot)
    lang = _default_labels(slots, "language")
    version = _default_labels(slots, "version")

    def default_variant(slot: PageSlot | None) -> bool:
        if slot is None:
            return True
        for d in slot.divisions:
            if d.kind == "language" and lang is not None and d.label != lang:
                return False
            if d.kind == "version" and version is not None and d.label != version:
                return False
        return True

    return [p for p in pages if default_variant(first_slot.get(p.ref))]


def write_llms(
    config: SiteConfig,
    result: BuildResult,
    writer: OutputWriter,
    urls: UrlBuilder,
    publish: Publish,
    slots: list[PageSlot],
    markdown: dict[str, str],
    sources: SourceFiles | None,
) -> None:
    pages = llms_pages(config, result, slots)
    first_slot: dict[str, PageSlot] = {}
    for slot in slots:
        first_slot.setdefault(slot.ref, slot)
    instructions = _instructions(config)
    if not writer.exists("llms.txt"):
        lines = [f"# {config.name}", ""]
        if config.description:
            lines += [f"> {' '.join(config.description.split())}", ""]
        if instructions:
            lines += [instructions_block(instructions), ""]
        sections: dict[str, list[str]] = {}
        for record in pages:
            rendered = record.rendered
            assert rendered is not None
            url = publish.public(urls.markdown(record.site_path), "llms.txt")
            entry = f"- [{rendered.title}]({url})"
            desc = first_paragraph(rendered.description) if rendered.description else ""
            if desc:
                entry += f": {desc}"
            sections.setdefault(_section_of(first_slot.get(record.ref)), []).append(entry)
        for title, entries in sections.items():
            lines += [f"## {title}", "", *entries, ""]
        static = set(sources.static) if sources is not None else set()
        specs = _spec_files(config, result, static)
        if specs:
            lines += ["## OpenAPI Specs", ""]
            lines += [
                f"- [{posixpath.basename(s).rsplit('.', 1)[0]}]"
                f"({publish.public(urls.asset(s), 'llms.txt')})"
                for s in specs
            ]
            lines.append("")
        external: list[tuple[str, str]] = []
        _external_nav_links(config.navigation, external)
        if external:
            lines += ["## Optional", ""]
            lines += [f"- [{label}]({href})" for label, href in external]
            lines.append("")
        writer.write_text("llms.txt", "\n".join(lines).rstrip("\n") + "\n")
    if not writer.exists("llms-full.txt"):
        writer.write_parts(
            "llms-full.txt", _full_parts(pages, markdown, instructions, urls, publish)
        )


def _full_parts(
    pages: list[PageRecord],
    markdown: dict[str, str],
    instructions: str | None,
    urls: UrlBuilder,
    publish: Publish,
) -> Iterator[str]:
    """llms-full.txt in parts: each page's copy once, taken out of `markdown` as it goes (a big
    site's text is never held twice)."""
    separator = ""
    if instructions:
        yield instructions_block(instructions) + "\n"
        separator = "\n"
    for record in pages:
        text = markdown.pop(record.site_path, None)
        if text is None:
            continue
        url = publish.public(urls.page(record.site_path), "llms-full.txt")
        title_line, _, rest = _written(text, "llms-full.txt").partition("\n")
        yield f"{separator}{title_line}\nSource: {url}\n{rest}"
        separator = "\n"
