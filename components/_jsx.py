"""JSX for markdown-it: block and inline rules that turn MDX elements into component tokens.

Accepts (at any indentation, in lists, tables, tabs and other components)::

    <Card title="Quickstart" href="/quickstart" icon="rocket">
      Markdown **children**, lists, ```fences```, nested <Components/>.
    </Card>
    <Icon icon="check" /> inline, <Tooltip tip="x">word</Tooltip>, {variable}, {/* comment */}

Produces `component_open` / `component_close` token pairs (block or inline) whose `meta` is
`{"name", "props", "raw_props", "self_closing", "phrasing"}` and whose `map` is the source
line range. Snippets (`import X from "/snippets/x.mdx"`) and plain custom components
(`export const X = ({title}) => (<div>{title}</div>)`) are expanded in place through
`env["expand_component"]` (see `renderer.snippets.Expander`).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any, Literal

from mintrender.components import INLINE_COMPONENTS, RAW_NAMES, REGISTRY, SOURCE_NAMES
from mintrender.components._attrnames import INLINE_ELEMENTS
from mintrender.components._jsxflow import FlowError, flow_fragments, holds_markup, left_out
from mintrender.components._jsxinline import (
    HTML_COMMENT,
    expression_inline,
    jsx_inline,
    mark_lone,
    reads_tag,
    unravel,
)
from mintrender.components._jsxpara import paragraph_mismatch
from mintrender.components._jsxparse import JsxSyntaxError, find_brace_end
from mintrender.components._jsxscan import (
    HTML_NAMES,
    VOID_ELEMENTS,
    closing_tag,
    dropped_message,
    drops_to_report,
    expansion_for,
    find_close,
    is_void,
    lowercase_component,
    open_void,
    push_open,
    read_tag,
    scope_of,
    void_close,
)
from mintrender.components._mdxenv import Expansion, expanding, mark_origin, report, usage_line

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_inline import StateInline

_HTML_TAG = re.compile(r"</?([^\W\d_][\w-]*)")
INLINE_NAMES = INLINE_ELEMENTS | INLINE_COMPONENTS
"""Elements that sit inside a paragraph when text follows them on their line (MDX "text" JSX);
alone on their line they are flow elements like any other tag."""

__all__ = ["HTML_NAMES", "INLINE_NAMES", "VOID_ELEMENTS", "jsx_plugin", "parse_nested"]


def _line_of(state: StateBlock, pos: int) -> int:
    return max(0, bisect.bisect_right(state.bMarks, pos) - 1)


def _dedent(lines: list[str]) -> tuple[list[str], int]:
    indents = [len(ln) - len(ln.lstrip(" \t")) for ln in lines if ln.strip()]
    cut = min(indents) if indents else 0
    return [ln[cut:] if ln.strip() else "" for ln in lines], cut


def parse_nested(
    state: StateBlock,
    text: str,
    line_offset: int,
    *,
    col_offset: int = 0,
    expansion: Expansion | None = None,
) -> int:
    """Block-parse `text` into state.tokens at `line_offset`; returns the first new token index.

    Token maps are shifted into the caller's lines. An expansion's lines are not the caller's:
    its inline tokens remember where they come from and every map becomes the usage line.
    """
    env = state.env
    first = len(state.tokens)
    fixed = expansion is not None
    saved = env.get("_line_base", 0), env.get("_col_base", 0), env.get("_depth", 0)
    if not fixed:
        env["_line_base"] = saved[0] + line_offset
        env["_col_base"] = saved[1] + col_offset
    env["_depth"] = saved[2] + 1
    try:
        state.md.block.parse(text, state.md, env, state.tokens)
    finally:
        env["_line_base"], env["_col_base"], env["_depth"] = saved
    if expansion is not None:
        mark_origin(state.tokens[first:], expansion, env, line_offset)
    level = state.level
    for tok in state.tokens[first:]:
        if tok.map:
            tok.map = (
                [line_offset, line_offset + 1]
                if fixed
                else [tok.map[0] + line_offset, tok.map[1] + line_offset]
            )
        tok.level += level
    return first


MAX_NESTING = 64
"""Elements (components, HTML, snippets) nested in one another, at most."""


def jsx_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    src = state.src
    pos = state.bMarks[start_line] + state.tShift[start_line]
    line_end = state.eMarks[start_line]
    if pos >= line_end:
        return False
    ch = src[pos]
    if ch == "{":
        return _comment_block(state, start_line, end_line, silent, pos) or _flow_block(
            state, start_line, end_line, silent, pos
        )
    if ch != "<":
        return False
    if src.startswith("<!--", pos):
        return _html_comment_block(state, start_line, end_line, silent, pos)
    env = state.env
    if env.get("_depth", 0) >= MAX_NESTING:
        if silent:
            return False
        if not env.get("_too_deep"):
            env["_too_deep"] = True
            report(
                env,
                start_line,
                "mdx-depth",
                f"elements are nested more than {MAX_NESTING} levels deep; what is deeper "
                "is left out",
                "error",
            )
        state.line = end_line
        return True
    lenient = env.get("lenient", False)
    tag = read_tag(src, pos, env, lenient)
    if tag is None:
        return False
    name = tag.name
    if not reads_tag(env, name):
        return False
    if (
        name in INLINE_NAMES
        and src[tag.end : state.eMarks[_line_of(state, tag.end)]].strip()
        and not _value_across_blank(src, tag.end)
    ):
        return False  # text follows: a paragraph with text JSX
    if tag.closing:
        if src[tag.end : state.eMarks[_line_of(state, tag.end)]].strip():
            return False
        if not silent:
            report(
                env,
                start_line,
                "jsx-stray-close",
                f"closing tag </{name}> has no matching <{name}>",
            )
            state.line = _line_of(state, tag.end) + 1
        return True
    limit = state.eMarks[end_line - 1] if end_line > start_line else line_end
    close = None
    if not (tag.self_closing or is_void(name)):
        close = closing_tag(src, name, tag.end, limit, env)
        if close is None and lenient:
            return False
    end = void_close(src, name, tag.end, limit) if is_void(name) else tag.end
    content_end, after = close if close else (tag.end, end)
    last_line = _line_of(state, max(after - 1, pos))
    rest = _flow_rest(state, start_line, last_line, after)
    if rest is None:  # text follows the element on its line: a paragraph with inline JSX
        return False  # (the inline rule reads it, and says so when it is never closed)
    if silent:
        return True
    if close is None and not (tag.self_closing or is_void(name)):
        report(
            env,
            start_line,
            "jsx-unclosed",
            f"<{name or '>'}> is never closed: expected </{name}> before the end of its "
            "container; its content is rendered after it",
            "error",
            column=pos - state.bMarks[start_line] + 1,
        )
    if tag.problem:
        report(
            env, start_line, "jsx-syntax", tag.problem, column=pos - state.bMarks[start_line] + 1
        )
    if not lenient and (why := open_void(name, tag.self_closing, end, tag.end)):
        report(env, start_line, "jsx-unclosed", why, column=pos - state.bMarks[start_line] + 1)
    for attr, offset, why in drops_to_report(tag, env):
        line = _line_of(state, offset)
        report(
            env,
            line,
            "mdx-expression",
            dropped_message(tag.name, attr, why),
            column=offset - state.bMarks[line] + 1,
        )
    open_line = _line_of(state, tag.end - 1)
    lines = [src[tag.end : min(content_end, state.eMarks[open_line])].strip()]
    for ln in range(open_line + 1, last_line + 1):
        begin = state.bMarks[ln]
        end = min(state.eMarks[ln], content_end)
        lines.append(src[begin:end] if end > begin else "")
    if close is not None and not lenient and state.env.get("_line_fixed") is None:
        paragraph_mismatch(state, tag, start_line, pos, open_line, close[0], bool(lines[0]))
    body, cut = _dedent(lines[1:])
    inner = "\n".join([lines[0], *body])
    # text on the opening line: phrasing, as is the content of a `<p>` (its paragraph would be
    # a `<p>` in a `<p>`, which a browser splits in two, leaving the element's class behind)
    phrasing = (bool(lines[0]) and "\n\n" not in inner.strip()) or name == "p"
    if phrasing and name != "p" and name not in INLINE_NAMES and _only_snippet(env, inner.strip()):
        phrasing = False  # `<Note><Install /></Note>`: the snippet's blocks, as MDX draws them
    elif phrasing and name in REGISTRY and name not in INLINE_NAMES and _block_child(inner):
        phrasing = False  # `<Tabs><Tab title="A">a</Tab>…</Tabs>` on one line: its children
    old_parent, old_line_max = state.parentType, state.lineMax
    where = (env.get("src_path", "<page>"), usage_line(env, start_line))
    expansion = expansion_for(env, tag, inner, where)
    if expansion is None and (why := lowercase_component(env, name)):
        report(env, start_line, "unknown-component", why, column=pos - state.bMarks[start_line] + 1)
    if expansion is not None:
        with expanding(env, expansion, start_line) as ok:
            if ok:
                parse_nested(state, expansion.text, start_line, expansion=expansion)
        _continue_at(state, last_line, rest)
        return True
    if name in SOURCE_NAMES:
        tag.props.setdefault("children", "\n".join([lines[0], *body]).strip())
    token = push_open(state, tag, phrasing, close is None)
    name = tag.name  # an alias's element (`<Link>`: `a`)
    token.map = [start_line, last_line + 1]
    token.block = True
    if inner.strip() and name not in RAW_NAMES and phrasing and open_line == last_line:
        _push_line_text(state, inner.strip(), open_line)
    elif inner.strip() and name not in RAW_NAMES:
        if not phrasing and open_line == last_line:  # `<Tabs><Tab …>a</Tab><Tab …>b</Tab>`
            inner = _one_per_line(inner, env)
        first = parse_nested(state, inner, open_line, col_offset=cut)
        if phrasing:
            for tok in state.tokens[first:]:
                if tok.type in ("paragraph_open", "paragraph_close") and tok.level == state.level:
                    tok.hidden = True
    close_tok = state.push("component_close", "", -1)
    close_tok.meta = {"name": name}
    close_tok.block = True
    state.parentType, state.lineMax = old_parent, old_line_max
    _continue_at(state, last_line, rest)
    return True


def _value_across_blank(src: str, pos: int) -> bool:
    """Does an expression spanning a blank line follow at once the tag ending at `pos`
    (`<code>{`one⏎⏎two`}</code>`)? MDX reads a line of tags and expressions as flow, so the
    expression is whole; as the paragraph of an inline tag, the blank line would cut it."""
    at = pos
    while at < len(src) and src[at] in " \t":
        at += 1
    if not src.startswith("{", at):
        return False
    try:
        end = find_brace_end(src, at)
    except JsxSyntaxError:
        return False
    return _BLANK_LINE.search(src, at, end) is not None


_FIRST_TAG = re.compile(r"\s*<([A-Z][\w.]*)")


def _block_child(inner: str) -> bool:
    """Does `inner` (a component's content, on its opening line) start with a Mintlify
    component that is no inline one (`<Tab>`, `<Step>`, `<Card>`)? MDX reads the line as a
    paragraph of elements, and React draws them all the same: its children are blocks."""
    m = _FIRST_TAG.match(inner)
    return m is not None and m.group(1) in REGISTRY and m.group(1) not in INLINE_NAMES


def _one_per_line(inner: str, env: Any) -> str:
    """`inner`, a run of sibling elements on one line, with each on a line of its own: block
    parsing reads a line at a time, and the line `<Tab …>a</Tab><Tab …>b</Tab>` would be one
    paragraph. Unchanged when anything but elements is there."""
    parts: list[str] = []
    pos, end = 0, len(inner)
    while pos < end:
        while pos < end and inner[pos] in " \t":
            pos += 1
        if pos >= end:
            break
        tag = read_tag(inner, pos, env, False) if inner[pos] == "<" else None
        if tag is None or tag.closing or tag.problem:
            return inner
        stop = tag.end
        if not tag.self_closing:
            close = find_close(inner, tag.name, tag.end, end, scope_of(env))
            if close is None:
                return inner
            stop = close[1]
        parts.append(inner[pos:stop])
        pos = stop
    return "\n".join(parts) if len(parts) > 1 else inner


def _only_snippet(env: Any, text: str) -> bool:
    """Is `text` one tag that draws an MDX snippet (`<Install />`, `<Snippet file="x.mdx" />`)?
    A snippet is a document of its own: written on its parent's line, its code blocks and lists
    are still blocks (read as the line's text, a fence became inline code)."""
    if not text.startswith("<") or not text[1:2].isupper():
        return False
    tag = read_tag(text, 0, env, False)
    if tag is None or tag.closing or tag.problem:
        return False
    if tag.self_closing:
        end = tag.end
    else:
        close = find_close(text, tag.name, tag.end, len(text), scope_of(env))
        end = close[1] if close is not None else -1
    is_snippet = getattr(env.get("expand_component"), "is_snippet", None)
    return end == len(text) and is_snippet is not None and bool(is_snippet(tag.name, tag.props))


def _push_line_text(state: StateBlock, text: str, line: int) -> None:
    """The text of an element written on one line (`<p>> Starting...</p>`): inline content,
    as MDX reads it (`> ` is no block quote there, `# ` no heading, `- ` no list), in a hidden
    paragraph as other phrasing children are."""
    steps: tuple[tuple[str, Literal[-1, 0, 1]], ...] = (
        ("paragraph_open", 1),
        ("inline", 0),
        ("paragraph_close", -1),
    )
    for kind, nesting in steps:
        tok = state.push(kind, "p" if nesting else "", nesting)
        tok.map = [line, line + 1]
        tok.block = True
        if nesting:
            tok.hidden = True
        else:
            tok.content, tok.children = text, []


def _flow_rest(state: StateBlock, start_line: int, last_line: int, after: int) -> int | None:
    """Where the next flow element starts on the element's last line (`</Step><Step>`: MDX
    reads two flow tags), -1 when the line ends with the element, None when text follows."""
    src = state.src
    rest = src[after : state.eMarks[last_line]]
    if not rest.strip():
        return -1
    begin = after + len(rest) - len(rest.lstrip())
    if last_line == start_line or src[begin] not in "<{":
        return None  # one line `<A/><B/>` stays a paragraph (the rule must advance a line)
    if src[begin] == "{":  # `</div>{/* note */}`: an expression may follow a tag (micromark)
        try:
            return begin if find_brace_end(src, begin) <= state.eMarks[last_line] else None
        except JsxSyntaxError:
            return None
    tag = read_tag(src, begin, state.env, state.env.get("lenient", False))
    return begin if tag is not None else None


def _continue_at(state: StateBlock, last_line: int, rest: int) -> None:
    """Block parsing resumes after the element: on its last line when a tag follows it."""
    if rest < 0:
        state.line = last_line + 1
        return
    state.bMarks[last_line] = rest  # the rest of the line is read as a line of its own
    state.tShift[last_line] = 0
    state.line = last_line


def _comment_block(
    state: StateBlock, start_line: int, end_line: int, silent: bool, pos: int
) -> bool:
    src = state.src
    if not src.startswith("{/*", pos):
        return False
    try:
        end = find_brace_end(src, pos)
    except JsxSyntaxError:
        return False
    last = _line_of(state, end - 1)
    if last >= end_line or src[end : state.eMarks[last]].strip():
        return False
    if not silent:
        state.line = last + 1
    return True


_JSX_LINE = re.compile(r"\n[ \t]*<[A-Za-z>]")
"""A line of an expression that starts with a tag."""


def _flow_block(state: StateBlock, start_line: int, end_line: int, silent: bool, pos: int) -> bool:
    """A `{...}` block that makes elements (`_jsxflow`: `.map`, `&&`, `?:` with JSX): each
    stretch of JSX it yields is read as MDX in its scope, in place of the expression."""
    src = state.src
    try:
        end = find_brace_end(src, pos)
    except JsxSyntaxError:
        return False
    last = _line_of(state, end - 1)
    if last >= end_line or src[end : state.eMarks[last]].strip():
        return False
    if "<" not in src[pos:end] and not holds_markup(src[pos + 1 : end - 1], scope_of(state.env)):
        # a value: one across a blank line is still one expression
        blank = _BLANK_LINE.search(src, pos, end) is not None
        return blank and _value_block(state, start_line, last, pos, end, silent)
    env = state.env
    try:
        fragments = flow_fragments(src, pos + 1, end - 1, scope_of(env))
    except FlowError as exc:
        if silent:
            return True
        line = _line_of(state, exc.offset)
        why = left_out(src, pos, end, exc.message)
        report(env, line, "mdx-expression", why, column=exc.offset - state.bMarks[line] + 1)
        state.line = last + 1
        return True
    if fragments is None:
        if _BLANK_LINE.search(src, pos, end):
            return _value_block(state, start_line, last, pos, end, silent)
        if last == start_line or not _JSX_LINE.search(src, pos, end):
            return False  # a value: the paragraph's inline rule shows it
        # JSX starting a line of an expression the build cannot run (a function called in
        # place): read as a paragraph, those lines would end it and show the code around them
        if silent:
            return True
        why = "it makes elements with JavaScript the build cannot run"
        report(env, start_line, "mdx-expression", left_out(src, pos, end, why), column=1)
        state.line = last + 1
        return True
    if silent:
        return True
    for fragment in fragments:
        line = _line_of(state, fragment.start if fragment.source is None else pos)
        lines = fragment.markup(src).split("\n")
        body, cut = _dedent(lines[1:])
        saved = scope_of(env)
        env["scope"] = fragment.scope
        try:
            first = parse_nested(state, "\n".join([lines[0], *body]), line, col_offset=cut)
        finally:
            env["scope"] = saved
        for tok in state.tokens[first:]:
            if tok.type == "inline":
                meta = tok.meta if isinstance(tok.meta, dict) else {}
                meta.setdefault("scope", fragment.scope)
                tok.meta = meta
    state.line = last + 1
    return True


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _value_block(
    state: StateBlock, start_line: int, last: int, pos: int, end: int, silent: bool
) -> bool:
    """A `{...}` value whose lines hold a blank one, alone on its lines: one expression to
    MDX (a paragraph would end at the blank line and show the two halves as text), given to
    the inline rule whole; the paragraph around it is dropped as around any lone `{x}`."""
    if not silent:
        opened = state.push("paragraph_open", "p", 1)
        opened.map = [start_line, last + 1]
        inline = state.push("inline", "", 0)
        inline.content = state.src[pos:end]
        inline.map = [start_line, last + 1]
        inline.children = []
        state.push("paragraph_close", "p", -1)
    state.line = last + 1
    return True


def _html_comment_block(
    state: StateBlock, start_line: int, end_line: int, silent: bool, pos: int
) -> bool:
    end = state.src.find("-->", pos)
    if end < 0:
        return False
    last = _line_of(state, end)
    if last >= end_line or state.src[end + 3 : state.eMarks[last]].strip():
        return False
    if not silent:
        if not state.env.get("lenient"):
            column = pos - state.bMarks[start_line] + 1
            report(state.env, start_line, "html-comment", HTML_COMMENT, column=column)
        state.line = last + 1
    return True


def jsx_plugin(md: MarkdownIt) -> None:
    """Register the JSX block rule before `html_block` and the inline rules before `html_inline`.

    `html_block` is disabled (MDX has no HTML blocks: every tag is JSX), and `html_inline`
    only passes lowercase tags the JSX rule could not read.
    """
    md.block.ruler.before(
        "html_block",
        "jsx_block",
        jsx_block,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    md.disable("html_block")
    md.inline.ruler.before("html_inline", "jsx_inline", jsx_inline)
    md.inline.ruler.before("html_inline", "mdx_expression", expression_inline)
    html_inline = md.inline.ruler.__rules__[md.inline.ruler.__find__("html_inline")].fn

    def lowercase_html_inline(state: StateInline, silent: bool) -> bool:
        m = _HTML_TAG.match(state.src, state.pos)
        if m is not None and (m.group(1)[0].isupper() or not reads_tag(state.env, m.group(1))):
            return False  # spec text: `<page>` is not a known tag, it is text
        return bool(html_inline(state, silent))

    md.inline.ruler.at("html_inline", lowercase_html_inline)
    md.inline.ruler2.before("fragments_join", "mdx_mark_lone", mark_lone)
    md.core.ruler.after("inline", "mdx_unravel", unravel)
