"""MDX front-end: frontmatter, ESM, snippets, JSX and Markdown into one markdown-it token stream."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.rules_inline.autolink import autolink as commonmark_autolink
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from mintrender.components._jsx import jsx_plugin
from mintrender.components._jsxparse import JsxElement
from mintrender.components._mdxenv import report
from mintrender.components.math import check_math
from mintrender.errors import Diagnostics
from mintrender.faults import fault_notice
from mintrender.hints import closest
from mintrender.parse.autolink import autolink_literal, mdx_autolink, url_inline
from mintrender.parse.checkinline import plain_children, plain_inline_tokens
from mintrender.parse.dispatch import dispatch_rules
from mintrender.parse.esm import ESM_START, IMPORT_ATTEMPT, is_statement
from mintrender.parse.flow import flow_plugin
from mintrender.parse.frontmatter import VARIABLE, split_frontmatter, substitute_variables
from mintrender.parse.lean import lean_normalize, lean_plugins
from mintrender.parse.snippets import Expander
from mintrender.parse.statements import (
    NEVER_ENDS,
    STATEMENT_WINDOW,
    statement_end,
    unfinished,
)
from mintrender.parse.states import fast_states

if TYPE_CHECKING:
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_core import StateCore

_CUSTOM_ID = re.compile(r"\s*\{#([\w\-:.]+)\}\s*$")


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """A source page after parsing: frontmatter and the token stream."""

    rel_path: str
    """POSIX path relative to the docs root, with extension."""
    frontmatter: dict[str, Any]
    tokens: list[Token]
    env: dict[str, Any] = field(repr=False)
    """markdown-it env after parsing (scope, footnotes, ...)."""
    depends_on: frozenset[str]
    """Every file this page read: itself and its snippets."""
    body_start_line: int
    """0-based line where the body starts (after the frontmatter)."""


def esm_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Skip top-level `import`/`export` statements; `parse_page` already read them."""
    env = state.env
    if state.sCount[start_line] != 0 or state.blkIndent != 0:
        return False
    if env.get("_depth"):  # ESM is for the top level; prose at a component's margin is not
        line = state.src[state.bMarks[start_line] : state.eMarks[start_line]]
        if not silent and not is_statement(line):
            _not_a_statement(state, start_line, line)
        return False
    if env.get("known_tags_only"):
        return False  # spec text is Markdown: "import ..." there is a sentence
    start = state.bMarks[start_line]
    line = state.src[start : state.eMarks[start_line]]
    if not ESM_START.match(line):
        if not silent:
            _not_a_statement(state, start_line, line)
        return False
    rest = state.src[start:]
    lines = rest.split("\n", STATEMENT_WINDOW)  # the last item: the rest of the page
    end = statement_end(lines, 0)
    if end >= STATEMENT_WINDOW:
        lines = rest.split("\n")
    statement = "\n".join(lines[:end])
    if not is_statement(statement):
        if not silent:
            _not_a_statement(state, start_line, line)
        return False
    if not silent:
        if start_line + end >= end_line and unfinished(statement):
            report(env, start_line, "esm-syntax", NEVER_ENDS, "error")
        state.line = min(end_line, start_line + end)
    return True


_ESM_KEYWORD = re.compile(r"(?:import|export) ")
"""What makes MDX read a block as ESM: `import` or `export` and a space, at column 1."""


def _not_a_statement(state: StateBlock, start_line: int, line: str) -> None:
    """Warn about prose that starts a block with `import ` or `export ` at the margin (`import
    the data from a CSV file first.`): MDX reads it as ESM, which acorn cannot parse, and
    refuses the page. It is still shown as the text it is."""
    env = state.env
    start = state.bMarks[start_line]
    if not _ESM_KEYWORD.match(line) or env.get("lenient") or env.get("known_tags_only"):
        return  # no space after the word (MDX reads no ESM there), a `.md` page, spec text
    if env.get("_col_base") or (start and state.src[start - 1] != "\n"):
        return  # not at the margin (a quote, an indented component's text)
    if env.get("_line_fixed") is not None:
        return  # a custom component's render: JSX text, not MDX
    if line.startswith("import") and IMPORT_ATTEMPT.search(line):
        return  # an import written wrong: `mdx-import` says so
    word = line.split(" ", 1)[0]
    report(
        env,
        start_line,
        "esm-syntax",
        f"a block starting with `{word} ` is a JavaScript {word} for MDX, and this line is "
        'none ("Could not parse import/exports with acorn"), so MDX (and Mintlify) refuses '
        f"this page; reword it (`{word.capitalize()} …`) or put it in a sentence",
    )


def heading_ids(state: StateCore) -> None:
    """Strip `{#custom-id}` suffixes from headings before inline parsing."""
    tokens = state.tokens
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and i + 1 < len(tokens):
            inline = tokens[i + 1]
            m = _CUSTOM_ID.search(inline.content)
            if m:
                tok.meta = {**(tok.meta or {}), "custom_id": m.group(1)}
                inline.content = inline.content[: m.start()]


def inline_with_lines(state: StateCore, done: Sequence[Token] = ()) -> None:
    """The core `inline` rule, telling the JSX rules which file, line and scope they are in;
    the inline tokens in `done` already have their children."""
    skip = {id(tok) for tok in done}
    md = state.md
    env = state.env
    page = env.get("src_path", "<page>")
    page_scope = env.get("scope", {})
    expander = env.get("expand_component")
    for tok in state.tokens:
        if tok.type != "inline" or id(tok) in skip:
            continue
        meta = tok.meta if isinstance(tok.meta, dict) else {}
        origin = meta.get("origin") or (page, tok.map[0] if tok.map else 0, True)
        env["_inline"] = origin
        env["scope"] = meta.get("scope", page_scope)
        if expander is not None:
            expander.use_file(origin[0])
        if tok.children is None:
            tok.children = []
        enter = meta.pop("enter", None)  # (a context manager: never kept in the tokens)
        with enter() if enter is not None else nullcontext():
            md.inline.parse(tok.content, md, env, tok.children)
    env["scope"] = page_scope
    env.pop("_inline", None)
    if expander is not None:
        expander.use_file(page)


def expand_markup_props(state: StateCore) -> None:
    """Custom components in a tag's JSX-valued attribute (`<Card title={<CardTitle …/>}>`,
    livepeer's cards) drawn while the page's components are known: the attribute's markup is
    rendered later, on its own, where they are not."""
    expander = state.env.get("expand_component")
    if expander is None:
        return
    page = state.env.get("src_path", "<page>")
    stack = list(state.tokens)
    while stack:
        tok = stack.pop()
        stack.extend(tok.children or ())
        props = tok.meta.get("props") if isinstance(tok.meta, dict) else None
        if not isinstance(props, dict):
            continue
        for key, value in props.items():
            if isinstance(value, JsxElement):
                line = tok.map[0] if tok.map else 0
                drawn = expander.expand_markup(value.source, (page, line))
                if drawn != value.source:
                    props[key] = JsxElement(drawn)


def link_positions(state: StateCore) -> None:
    """Note where each link and image of the page's own text starts (`meta["pos"]`: 1-based
    line and column of its URL), so a broken link is reported where it is written; and the
    column of each block component's tag (`meta["column"]`)."""
    page = state.env.get("src_path", "<page>")
    lines = state.env.get("_sources", {}).get(page)
    if lines is None:
        return
    for tok in state.tokens:
        if tok.type == "component_open" and tok.map and tok.map[0] < len(lines):
            # a block component: the column of its `<Name` on its first line
            at = lines[tok.map[0]].find("<" + str((tok.meta or {}).get("name", "")))
            if at >= 0:
                tok.meta = {**(tok.meta or {}), "column": at + 1}
        if tok.type != "inline" or not tok.children or "](" not in tok.content:
            continue
        meta = tok.meta if isinstance(tok.meta, dict) else {}
        file, first, exact = meta.get("origin") or (page, tok.map[0] if tok.map else 0, True)
        if file != page or not exact:
            continue
        line, col = first, 0
        for child in tok.children:
            attr = "href" if child.type == "link_open" else "src" if child.type == "image" else ""
            url = str(child.attrGet(attr) or "") if attr else ""
            if not url:
                continue
            for written in dict.fromkeys((url, unquote(url))):
                found = _find_from(lines, written, line, col, first + (tok.map or [0, 0])[1])
                if found is not None:
                    line, col = found
                    child.meta = {**(child.meta or {}), "pos": (line + 1, col + 1)}
                    col += len(written)
                    break


def _find_from(
    lines: list[str], needle: str, line: int, col: int, end: int
) -> tuple[int, int] | None:
    """(line, column) of `needle` at or after (line, col), before line `end` (0-based)."""
    for i in range(line, min(end + 1, len(lines))):
        at = lines[i].find(needle, col if i == line else 0)
        if at >= 0:
            return i, at
    return None


def findings_inline(state: StateCore) -> None:
    """The core `inline` rule of the check's parser: plain text gets its children without
    the inline rule chain where findings cannot tell the difference (`parse.checkinline`)."""
    plain = plain_inline_tokens(state.tokens)
    for tok in plain:
        if tok.children is None:
            tok.children = []
        tok.children.extend(plain_children(tok.content))
    inline_with_lines(state, plain)


@lru_cache(maxsize=1)
def make_markdown() -> MarkdownIt:
    """The one markdown-it instance used for every page: rules tried by first character
    (`dispatch_rules`) and page text normalized only when it needs it; the same tokens."""
    return _tuned(new_markdown())


@lru_cache(maxsize=1)
def make_check_markdown() -> MarkdownIt:
    """The instance `mintrender check` parses pages with: `make_markdown`'s, whose inline
    tokens are parsed only as far as findings need (`findings_inline`)."""
    md = new_markdown()
    md.core.ruler.at("inline", findings_inline)
    return _tuned(md)


def _tuned(md: MarkdownIt) -> MarkdownIt:
    """`md` with its rules tried by first character and page text normalized only when it
    needs it: the same tokens, less work."""
    dispatch_rules(md)
    fast_states(md)
    lean_normalize(md)
    return md


def new_markdown() -> MarkdownIt:
    """A markdown-it instance with the MDX plugins."""
    options = {"html": True, "linkify": False, "typographer": False}
    # GFM's strikethrough with one tilde as with two (`~text~`, which Mintlify's text guide
    # documents); three or more are text
    md = MarkdownIt(
        "commonmark", {**options, "strikethrough_single_tilde": True, "maxNesting": MAX_NESTING}
    )
    md.enable(["table", "strikethrough"])
    md.disable("code")  # MDX has no indented code blocks: indentation inside components is not code
    md.use(jsx_plugin)
    md.use(flow_plugin)
    md.block.ruler.before("jsx_block", "esm", esm_block)
    md.use(footnote_plugin, inline=False)  # GFM has no `^[inline]` footnotes: text
    md.use(tasklists_plugin, enabled=False)
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True)
    md.core.ruler.before("inline", "heading_custom_ids", heading_ids)
    md.core.ruler.at("inline", inline_with_lines)
    md.core.ruler.after("inline", "math_check", check_math)
    md.core.ruler.after("inline", "link_positions", link_positions)
    md.core.ruler.after("inline", "expand_markup_props", expand_markup_props)
    # GFM autolink literals (bare URLs) without the linkify-it dependency: `https://…` while
    # the inline rules run (before emphasis and math), `www.` and e-mail addresses after them
    md.inline.ruler.before("emphasis", "url_inline", url_inline)
    md.core.ruler.after("inline", "autolink_literal", autolink_literal)
    # `<https://…>`: linked, and reported (MDX refuses it)
    md.inline.ruler.at("autolink", mdx_autolink(commonmark_autolink))
    md.use(lean_plugins)
    _guard_depth(md)
    return md


MAX_NESTING = 40
"""Lists and quotes nested in one another (each list 2 levels), at most: markdown-it leaves
out what is deeper, which `_depth_guard` reports."""


def _guard_depth(md: MarkdownIt) -> None:
    """Report (once a page) Markdown nested past `MAX_NESTING`, which markdown-it leaves out
    with the rest of its container (lists and quotes tokenize their content here)."""
    plain = md.block.tokenize

    def tokenize(state: Any, start_line: int, end_line: int) -> None:
        if state.level >= MAX_NESTING and not state.env.get("_too_deep"):
            if state.skipEmptyLines(start_line) < end_line:
                state.env["_too_deep"] = True
                why = "lists or quotes are nested too deeply; what is deeper is left out"
                report(state.env, start_line, "mdx-depth", why, "error")
        plain(state, start_line, end_line)

    md.block.tokenize = tokenize  # type: ignore[method-assign,assignment]


def parse_page(
    rel_path: str,
    source: str,
    *,
    docs_dir: Path,
    diagnostics: Diagnostics,
    read: Callable[[str], str | None],
    variables: dict[str, str] | None = None,
    expand: bool = True,
    for_check: bool = False,
) -> ParsedPage:
    """Parse one page file into a `ParsedPage`; never raises: a bug in mintrender becomes an
    `internal-error` and the page parsed as plain CommonMark after a notice.

    `expand=False` keeps snippet and custom-component tags as written (the MDX of the page
    itself, as tests/test_conformance.py compares it with the reference parser).
    `for_check`: the tokens are complete only as far as `mintrender check` reads them
    (`make_check_markdown`)."""
    md = make_check_markdown() if for_check else make_markdown()
    try:
        return _parse_page(rel_path, source, docs_dir, diagnostics, read, variables, expand, md)
    except Exception as exc:
        diagnostics.internal(rel_path, 0, "parsing", exc)
        return plain_page(rel_path, source)


MAX_PAGE_CHARS = 1_000_000
"""Characters of a page rendered; the rest of a longer page is left out, with a warning."""


def _cut(source: str, rel_path: str, diagnostics: Diagnostics) -> str:
    """The first `MAX_PAGE_CHARS` of a page, cut at a blank line (or line end) when possible."""
    cut = source.rfind("\n\n", 0, MAX_PAGE_CHARS)
    if cut < MAX_PAGE_CHARS // 2:
        cut = source.rfind("\n", 0, MAX_PAGE_CHARS)
    if cut < MAX_PAGE_CHARS // 2:
        cut = MAX_PAGE_CHARS
    line = source.count("\n", 0, cut) + 1
    diagnostics.warning(
        rel_path,
        line,
        1,
        "page-too-large",
        f"the page has {len(source):,} characters; only the first {cut:,} (up to this line) "
        "are rendered: split it into several pages",
    )
    return source[:cut]


def plain_page(rel_path: str, source: str) -> ParsedPage:
    """A page read as plain CommonMark (no JSX, no raw HTML) after a fault notice: what a page
    whose MDX parse failed still shows."""
    try:
        frontmatter, body, body_line = split_frontmatter(source, rel_path, Diagnostics())
    except Exception:
        frontmatter, body, body_line = {}, source, 0
    notice = Token("html_block", "", 0)
    notice.content = fault_notice("This page") + "\n"
    env: dict[str, Any] = {"src_path": rel_path, "scope": {}}
    try:
        tokens = [notice, *MarkdownIt("commonmark", {"html": False}).parse(body, env)]
    except Exception:
        tokens = [notice]
    return ParsedPage(rel_path, frontmatter, tokens, env, frozenset({rel_path}), body_line)


def _parse_page(
    rel_path: str,
    source: str,
    docs_dir: Path,
    diagnostics: Diagnostics,
    read: Callable[[str], str | None],
    variables: dict[str, str] | None,
    expand: bool,
    md: MarkdownIt,
) -> ParsedPage:
    if len(source) > MAX_PAGE_CHARS:
        source = _cut(source, rel_path, diagnostics)
    frontmatter, body, body_line = split_frontmatter(source, rel_path, diagnostics)
    body = substitute_variables(body, variables or {})
    if variables:  # `title: "{{product}} quickstart"`: the raw text, frontmatter included
        frontmatter = _substituted(frontmatter, variables)
        _report_undefined(body, variables, rel_path, diagnostics)
    sources = {rel_path: body.split("\n")}
    expander = Expander(docs_dir, rel_path, read, diagnostics, variables or {}, sources)
    page_scope = expander.load_page(body)
    env: dict[str, Any] = {
        "src_path": rel_path,
        "diagnostics": diagnostics,
        "scope": page_scope.values,
        "expand_component": expander if expand else None,
        "lenient": rel_path.endswith(".md"),
        "_sources": sources,
        "variables": bool(variables),
    }
    try:
        tokens = md.parse(body, env)
    except RecursionError:
        diagnostics.error(rel_path, 1, 1, "mdx-depth", "components are nested too deeply to render")
        tokens = []
    for key in (
        "expand_component",
        "_expanding",
        "_inline",
        "_sources",
        "_line_fixed",
        "_too_deep",
    ):
        env.pop(key, None)
    env["scope"] = page_scope.values
    return ParsedPage(
        rel_path=rel_path,
        frontmatter=frontmatter,
        tokens=tokens,
        env=env,
        depends_on=frozenset(expander.depends_on),
        body_start_line=body_line,
    )


def _substituted(value: Any, variables: dict[str, str]) -> Any:
    """docs.json `variables` in the frontmatter's texts (keys and lists too)."""
    if isinstance(value, str):
        return substitute_variables(value, variables)
    if isinstance(value, dict):
        return {k: _substituted(v, variables) for k, v in value.items()}
    if isinstance(value, list):
        return [_substituted(v, variables) for v in value]
    return value


def _report_undefined(
    body: str, variables: dict[str, str], rel_path: str, diagnostics: Diagnostics
) -> None:
    """A `{{name}}` substitution left: no docs.json variable has that name, and Mintlify fails
    the build ("you must define all variables referenced in your content")."""
    for m in VARIABLE.finditer(body):
        line = body.count("\n", 0, m.start()) + 1
        column = m.start() - body.rfind("\n", 0, m.start())
        near = closest(m.group(1), list(variables), cutoff=0.6)
        diagnostics.error(
            rel_path,
            line,
            column,
            "variable-undefined",
            f"{m.group(0)} names no docs.json variable, so Mintlify fails the build; it is "
            "shown as written",
            f"did you mean {{{{{near[0]}}}}}?" if near else "define it in docs.json `variables`",
        )
