"""Render stage: a parsed page's tokens into HTML, table of contents and search sections."""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML

from mintrender.components import REGISTRY, Child, Node
from mintrender.components.html import render_element
from mintrender.components.math import render_math
from mintrender.faults import fault_notice
from mintrender.hints import did_you_mean
from mintrender.model import PageMeta, PageRecord, RenderedPage
from mintrender.parse.mdx import make_markdown
from mintrender.render.diagrams import Failed, draw_mermaid, mermaid_html
from mintrender.render.diagrams import available as diagrams_available
from mintrender.render.highlight import parse_fence_info
from mintrender.render.lift import OPEN, in_paragraph, lifted, mark, unmark
from mintrender.render.sections import assign_ids, plain_text

if TYPE_CHECKING:
    from markdown_it.token import Token
    from markdown_it.utils import OptionsDict

    from mintrender.components._spec import RenderCtx
    from mintrender.parse.mdx import ParsedPage


@dataclass(slots=True)
class _Frame:
    token: Token | None
    parts: list[str] = field(default_factory=list)
    children: list[Child] = field(default_factory=list)


class MdxRenderer(RendererHTML):
    """markdown-it's HTML renderer plus components, ids, highlighting and link rewriting."""

    def render(self, tokens: Sequence[Token], options: OptionsDict, env: Any) -> str:
        return unmark(self._render_stream(tokens, options, env))

    def renderInline(self, tokens: Sequence[Token], options: OptionsDict, env: Any) -> str:  # noqa: N802
        return unmark(self._render_stream(tokens, options, env))

    def footnote_caption(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
    ) -> str:
        """A footnote's number as remark-gfm writes it: `1`, not `[1]`, and `1` again where it
        is referenced again (not markdown-it's `1:1`)."""
        return str(tokens[idx].meta["id"] + 1)

    def paragraph_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
    ) -> str:
        """A paragraph MDX unwraps (lines holding only JSX) still ends with the line break MDX
        keeps between elements: `<a>One</a>` and `<a>Two</a>` read "One Two"."""
        tok = tokens[idx]
        if tok.hidden and tok.meta.get("unraveled"):  # between siblings, not after the last
            after = tokens[idx + 1] if idx + 1 < len(tokens) else None
            return "\n" if after is not None and after.nesting != -1 else ""
        return self.renderToken(tokens, idx, options, env)

    def _render_stream(self, tokens: Sequence[Token], options: OptionsDict, env: Any) -> str:
        parts: list[str] = []  # the innermost open frame's
        stack = [_Frame(None, parts, [])]
        rules = self.rules
        skip = -1  # a paragraph's close, when its text was lifted into paragraphs of its own
        for i, tok in enumerate(tokens):
            if i == skip:
                continue
            ttype = tok.type
            if tok.map:
                env["_line"] = tok.map[0] + 1
            if ttype == "text":  # most tokens: markdown-it's `text` rule, without the call
                parts.append(escapeHtml(tok.content))
                continue
            if ttype == "component_open":
                parts = []
                stack.append(_Frame(tok, parts, []))
                continue
            if ttype == "component_close":
                if len(stack) == 1:
                    continue
                frame = stack.pop()
                out = self._render_component(frame, env)
                if frame.token is not None and not frame.token.block:
                    out = mark(out)  # block markup inside a sentence: lifted out (lift.py)
                parent = stack[-1]
                parts = parent.parts
                parts.append(out)
                meta = frame.token.meta if frame.token is not None else {}
                parent.children.append(Child(meta.get("name", ""), meta.get("props", {}), out))
                continue
            if ttype == "inline":
                if not tok.meta or _foreign_origin(env["ctx"], tok) is None:  # the common case
                    out = self._render_stream(tok.children or [], options, env)
                else:
                    with _from_origin(env["ctx"], tok):
                        out = self._render_stream(tok.children or [], options, env)
                if OPEN in out:
                    if in_paragraph(tokens, i) and parts and parts[-1] == "<p>":
                        parts.pop()
                        out, skip = lifted(out), i + 1
                    else:
                        out = unmark(out)
            elif ttype in rules:
                try:
                    out = rules[ttype](tokens, i, options, env)
                except Exception as exc:  # e.g. a highlighter bug: this block only
                    env["ctx"].diagnostics.internal(
                        env["ctx"].src_path, env.get("_line", 0), f"rendering a {ttype} in", exc
                    )
                    out = fault_notice(f"This {ttype.replace('_', ' ')}")
            else:
                out = self.renderToken(tokens, i, options, env)
            parts.append(out)
            if ttype == "fence":
                stack[-1].children.append(Child("code", tok.meta.get("code_props", {}), out))
        while len(stack) > 1:  # unbalanced stream: close what is open
            frame = stack.pop()
            stack[-1].parts.append(self._render_component(frame, env))
        return "".join(stack[0].parts)

    def _render_component(self, frame: _Frame, env: Any) -> str:
        ctx: RenderCtx = env["ctx"]
        tok = frame.token
        meta = tok.meta if tok is not None else {}
        name = meta.get("name", "")
        line = (tok.map[0] + 1) if tok is not None and tok.map else env.get("_line", 0)
        node = Node(
            name=name,
            props=meta.get("props", {}),
            html="".join(frame.parts),
            children=frame.children,
            line=line + ctx.line_offset if line else 0,
            anchor=meta.get("anchor"),
            inline=not (tok.block if tok is not None else True),
            phrasing=bool(meta.get("phrasing")),
        )
        if not name:
            return node.html  # fragment <>…</>
        try:
            return self._draw(node, ctx, tok)
        except Exception as exc:  # a bug in one component costs that component only
            if f"internal-error:{name}" not in ctx.data:
                ctx.data[f"internal-error:{name}"] = True
                ctx.diagnostics.internal(ctx.src_path, node.line, f"rendering <{name}> in", exc)
            return fault_notice(f"<{name}>")

    def _draw(self, node: Node, ctx: RenderCtx, tok: Token | None) -> str:
        name = node.name
        if name[0].islower():
            return render_element(node, ctx)
        class_name = node.props.get("className")
        if isinstance(class_name, str):
            ctx.note_classes(class_name)
        spec = REGISTRY.get(name)
        if spec is not None:
            ctx.components[name] += 1
            if _foreign_origin(ctx, tok) is None:  # the common case: no context manager
                return spec.render(node, ctx)
            with _from_origin(ctx, tok):
                return spec.render(node, ctx)
        ctx.unknown_components[name] += 1
        ctx.warn_once(
            name,
            node.line,
            "unknown-component",
            f"<{name}> is not a Mintlify component, nor imported or defined on this page "
            "(its children are shown as they are)",
            did_you_mean(name, REGISTRY, fmt=lambda s: f"<{s}>"),
            column=tok.meta.get("column", 1) if tok is not None else 1,
        )
        tag = "span" if node.inline else "div"
        return (
            f'<{tag} class="mdx-unknown" data-component="{html.escape(name)}">{node.html}</{tag}>'
        )

    def renderToken(  # noqa: N802
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
    ) -> str:
        """markdown-it's default token renderer, the same output for less work per token."""
        token = tokens[idx]
        if token.hidden:  # tight list paragraphs
            return ""
        nesting = token.nesting
        out = "</" + token.tag if nesting == -1 else "<" + token.tag
        if token.block and nesting != -1 and idx and tokens[idx - 1].hidden:
            out = "\n" + out  # a newline between a hidden paragraph and the next block tag
        if token.attrs:
            for key, value in token.attrs.items():
                out += " " + escapeHtml(key) + '="' + escapeHtml(str(value)) + '"'
        if nesting == 0 and options["xhtmlOut"]:
            out += " /"
        if not token.block:
            return out + ">"
        if nesting == 1 and idx + 1 < len(tokens):
            following = tokens[idx + 1]
            if following.type == "inline" or following.hidden:
                return out + ">"  # a block tag holding inline content
            if following.nesting == -1 and following.tag == token.tag:
                return out + ">"  # an empty pair, e.g. `<li></li>`
        return out + ">\n"

    def text(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        return escapeHtml(tokens[idx].content)  # what `_render_stream` writes inline

    # markdown-it rule overrides ---------------------------------------------------------------
    def fence(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        tok = tokens[idx]
        ctx: RenderCtx = env["ctx"]
        info = tok.info.strip()
        lang, _, meta = info.partition(" ")
        if lang.lower() == "mermaid" and ctx.draws_diagrams:
            return _mermaid(tok, meta, ctx)
        out = ctx.highlight(
            tok.content, lang, meta, tok.map[0] + 1 + ctx.line_offset if tok.map else 0
        )
        parsed = parse_fence_info(info)
        tok.meta = {
            **(tok.meta or {}),
            "code_props": {
                "lang": parsed.lang,
                "title": parsed.title,
                "icon": parsed.icon,
                "code": tok.content,
            },
        }
        return out

    def heading_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
    ) -> str:
        tok = tokens[idx]
        anchor = tok.attrGet("id")
        if not anchor:
            return f"<{tok.tag}>"
        a = html.escape(str(anchor))
        label = html.escape(env["ctx"].text("link_section"))  # in the page's language
        return (
            f'<{tok.tag} id="{a}" class="mr-heading"><a class="mr-heading__anchor" href="#{a}" '
            f'aria-label="{label}"></a>'
        )

    def link_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        tok = tokens[idx]
        ctx: RenderCtx = env["ctx"]
        href = str(tok.attrGet("href") or "")
        line, column = (tok.meta or {}).get("pos") or (env.get("_line", 0), 1)
        url = ctx.link(href, line=line, column=column)
        extra = ""
        if href[:8].lower().startswith(("http://", "https://")):
            extra = ' target="_blank" rel="noopener"'
        title = tok.attrGet("title")
        title_attr = f' title="{html.escape(str(title))}"' if title else ""
        return f'<a href="{html.escape(url)}"{title_attr}{extra}>'

    def image(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        tok = tokens[idx]
        ctx: RenderCtx = env["ctx"]
        line, column = (tok.meta or {}).get("pos") or (env.get("_line", 0), 1)
        src = ctx.link(str(tok.attrGet("src") or ""), line=line, column=column)
        alt = plain_text(tok.children or [])
        title = tok.attrGet("title")
        title_attr = f' title="{html.escape(str(title))}"' if title else ""
        return f'<img src="{html.escape(src)}" alt="{html.escape(alt)}"{title_attr} loading="lazy" data-zoom>'

    def math_inline(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        return _math(env, tokens[idx].content, display=False)

    def math_inline_double(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
    ) -> str:
        """`$$…$$` inside a sentence: inline math, as remark-math reads it (a block there
        would be a `<div>` inside a `<p>`, which the browser splits the paragraph at)."""
        return _math(env, tokens[idx].content, display=False)

    def math_block(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        return _math(env, tokens[idx].content, display=True)

    def math_block_label(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any
    ) -> str:
        return _math(env, tokens[idx].content, display=True)

    def table_open(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        return '<div class="mr-table-wrap"><table>'

    def table_close(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: Any) -> str:
        return "</table></div>"


def _foreign_origin(ctx: RenderCtx, tok: Token | None) -> Any:
    """Where `tok` was written when that is another file (a snippet), else None."""
    origin = tok.meta.get("origin") if tok is not None and isinstance(tok.meta, dict) else None
    if origin is None or not origin[2] or origin[0] == ctx.src_path:
        return None
    return origin


@contextmanager
def _from_origin(ctx: RenderCtx, tok: Token | None) -> Iterator[None]:
    """Findings while rendering `tok` point at the snippet line it came from, not the page's."""
    origin = _foreign_origin(ctx, tok)
    if origin is None:
        yield
        return
    saved = ctx.where
    ctx.where = (origin[0], origin[1] + 1)
    try:
        yield
    finally:
        ctx.where = saved


def _math(env: Any, tex: str, *, display: bool) -> str:
    return render_math(tex, display=display, ctx=env["ctx"])


_RENDERER: MdxRenderer | None = None


def _renderer() -> MdxRenderer:
    global _RENDERER
    if _RENDERER is None:
        md = make_markdown()
        renderer = MdxRenderer(md)
        # the plugins' own rules (footnotes' `footnote_ref`, `footnote_block_open`…) were
        # given to the parser's renderer: this one draws them too
        for name, rule in getattr(md.renderer, "rules", {}).items():
            if name not in renderer.rules:
                renderer.rules[name] = getattr(rule, "__func__", rule).__get__(renderer)
        _RENDERER = renderer
    return _RENDERER


def fallback_title(rel_path: str) -> str:
    """`guides/getting-started.md` -> "Getting started"."""
    stem = rel_path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    text = stem.replace("-", " ").replace("_", " ").strip()
    return text[:1].upper() + text[1:] if text else "Untitled"


def render_page(parsed: ParsedPage, ctx: RenderCtx, *, with_sections: bool = True) -> RenderedPage:
    """Render one parsed page; never raises: a bug in mintrender becomes an `internal-error`
    and a page holding a notice and the page's text. Without `with_sections` (a check), the
    page has no search sections."""
    try:
        return _render_page(parsed, ctx, with_sections)
    except Exception as exc:
        ctx.diagnostics.internal(ctx.src_path, 0, "rendering", exc)
    meta = PageMeta.of(parsed.frontmatter)
    paragraphs = "".join(
        f"<p>{html.escape(plain_text(tok.children or []))}</p>"
        for tok in parsed.tokens
        if tok.type == "inline"
    )
    return RenderedPage(
        rel_path=parsed.rel_path,
        title=meta.title if meta.title is not None else fallback_title(parsed.rel_path),
        description=meta.description or "",
        body_html=fault_notice("This page") + paragraphs,
        toc=(),
        sections=(),
        depends_on=parsed.depends_on,
        classes=frozenset(),
        assets=frozenset(),
        components={},
        unknown_components={},
    )


def _render_page(parsed: ParsedPage, ctx: RenderCtx, with_sections: bool) -> RenderedPage:
    meta = PageMeta.of(parsed.frontmatter)
    title = (
        meta.title or (meta.title_hidden and meta.sidebar_title) or fallback_title(parsed.rel_path)
    )
    description = meta.description or ""
    toc, sections = assign_ids(parsed.tokens, ctx, title, with_sections=with_sections)
    env = dict(parsed.env)
    env["ctx"] = ctx
    renderer = _renderer()
    body = renderer.render(parsed.tokens, renderer_options(), env)
    return RenderedPage(
        rel_path=parsed.rel_path,
        title=title,
        description=description,
        body_html=body,
        toc=tuple(toc),
        sections=tuple(sections),
        depends_on=parsed.depends_on,
        classes=frozenset(ctx.classes),
        assets=frozenset(ctx.assets),
        components=dict(ctx.components),
        unknown_components=dict(ctx.unknown_components),
        fields=tuple(ctx.fields),
        examples=dict(ctx.examples),
        panel_html=ctx.panel_html,
        updates=tuple(ctx.data.get("updates", ())),
    )


def renderer_options() -> OptionsDict:
    return make_markdown().options


def render_fragment(text: str, ctx: RenderCtx, *, inline: bool = False, spec: bool = False) -> str:
    """Render a Markdown string (a prop, a spec description) with this page's context.

    `spec`: Markdown with HTML from an API spec, not MDX: `{` is text, and `<name>` is a tag
    only for HTML elements and catalogue components (`p<page>.b<index>` is text)."""
    if not text:
        return ""
    key = (text, inline, spec)
    memo = _context_free(text)
    if memo and (_FRAGMENTS_OF[0] is not ctx.site or _FRAGMENTS_OF[1] is not ctx.urls):
        _FRAGMENTS.clear()  # another build in this process (the preview server, tests)
        _FRAGMENTS_OF[:] = [ctx.site, ctx.urls]
    if memo and key in _FRAGMENTS:
        return _FRAGMENTS[key]
    before = _effects(ctx)
    out = _render_fragment(text, ctx, inline, spec)
    if memo and _effects(ctx) == before:  # nothing the page keeps: the same on every page
        if len(_FRAGMENTS) >= _FRAGMENTS_MAX:
            _FRAGMENTS.clear()
        _FRAGMENTS[key] = out
    return out


_FRAGMENTS: dict[tuple[str, bool, bool], str] = {}
"""`render_fragment`'s output for text that does not depend on the page (this process's; spec
descriptions repeat across operations and pages)."""
_FRAGMENTS_MAX = 20_000
_FRAGMENTS_OF: list[Any] = [None, None]
"""The site configuration and URL builder `_FRAGMENTS` was rendered with (held, so that their
ids are not reused)."""
_PAGE_MARKS = ("<", "{", "[", "$", "@", "://", "www.", "```", "~~~")
"""What can make a fragment's HTML or findings depend on the page: HTML and components,
expressions, links and images (relative URLs, broken-link warnings, assets), math, bare URLs
and e-mail addresses (autolinks), fences (code titles, icons, diagrams)."""


def _context_free(text: str) -> bool:
    return not any(mark in text for mark in _PAGE_MARKS)


def _effects(ctx: RenderCtx) -> tuple[int, ...]:
    """Sizes of what rendering leaves in the page's context (findings, assets, components)."""
    return (
        len(ctx.diagnostics),
        len(ctx.assets),
        len(ctx.classes),
        sum(ctx.components.values()),
        sum(ctx.unknown_components.values()),
        len(ctx.data),
        len(ctx.fields),
        len(ctx.examples),
        len(ctx.panel_html),
    )


def _render_fragment(text: str, ctx: RenderCtx, inline: bool, spec: bool) -> str:
    md = make_markdown()
    env: dict[str, Any] = {
        "src_path": ctx.src_path,
        "diagnostics": ctx.diagnostics,
        "scope": {},
        "ctx": ctx,
        "lenient": spec,
        "known_tags_only": spec,
    }
    renderer = _renderer()
    if inline:
        tokens = md.parseInline(text, env)
        return renderer.render(tokens, md.options, env)
    tokens = md.parse(text, env)
    return renderer.render(tokens, md.options, env)


def _mermaid(tok: Token, meta: str, ctx: RenderCtx) -> str:
    """A ```mermaid fence drawn as inline SVG; its source (and an info diagnostic) when the
    `diagrams` extra is absent or Mermaid cannot draw it."""
    drawn = draw_mermaid(tok.content)
    line = (tok.map[0] + 1 + ctx.line_offset) if tok.map else 0
    notes = [drawn.reason] if isinstance(drawn, Failed) else list(drawn.notes)
    if isinstance(drawn, Failed) and not diagrams_available():
        notes = [] if ctx.data.get("mermaid-extra") else notes  # once per page
        ctx.data["mermaid-extra"] = True
    code = "mermaid-not-drawn" if isinstance(drawn, Failed) else "mermaid-layout"
    for note in notes:
        ctx.diagnostics.info(ctx.src_path, line, 1, code, note)
    count = ctx.data["mermaid-count"] = ctx.data.get("mermaid-count", 0) + 1
    return mermaid_html(tok.content, meta, drawn, f"mmd{count}")


def without_imported(records: list[PageRecord], listed: set[str]) -> list[PageRecord]:
    """`records` less the pages another page imports that the navigation does not list: a
    file imported is a snippet, shown where it is imported and not as a page of its own
    (Mintlify's "Reusable snippets"), wherever it is kept."""
    imported = {
        dep
        for record in records
        if record.rendered is not None
        for dep in record.rendered.depends_on
        if dep != record.rel_path
    }
    if not imported:
        return records
    return [r for r in records if r.rel_path not in imported or r.rel_path in listed]
