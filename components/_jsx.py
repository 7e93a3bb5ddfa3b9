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
`env["expand_component"]` (see `renderer.mdx.Expander`).
"""

from __future__ import annotations

import bisect
import html
import re
from typing import TYPE_CHECKING, Any

from components._jsxparse import (
    Expression,
    JsxSyntaxError,
    Tag,
    eval_expression,
    find_brace_end,
    parse_tag,
    to_text,
)
from components._mdxenv import (
    Expansion,
    expanding,
    inline_report,
    mark_origin,
    report,
    usage_line,
)

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_core import StateCore
    from markdown_it.rules_inline import StateInline

VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
# Elements that sit inside a paragraph when text follows them on their line (MDX "text" JSX).
# Alone on their line they are flow elements like any other tag.
INLINE_NAMES = frozenset(
    "a abbr b bdi bdo br cite code data dfn em i img input kbd label mark q s samp small span "
    "strong sub sup time u var wbr del ins Badge Icon Tooltip".split()
)
HTML_NAMES = frozenset(
    "a abbr address article aside audio b blockquote br button caption center cite code col "
    "colgroup dd del details dfn div dl dt em figcaption figure font footer form h1 h2 h3 h4 h5 "
    "h6 header hr i iframe img input ins kbd label li main mark nav ol p path picture pre q s "
    "samp section small source span strong sub summary sup svg table tbody td tfoot th thead tr "
    "u ul var video wbr".split()
)
# Components whose renderer needs the children's MDX source (copied text, TeX): props["children"].
SOURCE_NAMES = frozenset({"Prompt", "Latex"})
# ...and whose children are not MDX at all (`\frac{1}{2}` holds no expressions).
RAW_NAMES = frozenset({"Latex"})
_IDENTIFIER = re.compile(r"^[A-Za-z_$][\w$]*$")
_TAG_NAME = re.compile(r"</?([A-Za-z][\w.]*)")


def _scope(env: dict[str, Any]) -> dict[str, Any]:
    return env.setdefault("scope", {})


def _line_of(state: StateBlock, pos: int) -> int:
    return max(0, bisect.bisect_right(state.bMarks, pos) - 1)


def _read_tag(src: str, pos: int, env: dict[str, Any], lenient: bool) -> Tag | None:
    """The tag at `pos`; an invalid one that names a component or HTML element is read
    loosely and keeps its problem for a `jsx-syntax` warning (never shown as raw text)."""
    try:
        return parse_tag(src, pos, _scope(env))
    except JsxSyntaxError as exc:
        m = _TAG_NAME.match(src, pos)
        if lenient or m is None or not (m.group(1)[0].isupper() or m.group(1) in HTML_NAMES):
            return None
        try:
            tag = parse_tag(src, pos, _scope(env), loose=True)
        except JsxSyntaxError:
            return None
        tag.problem = f"<{tag.name}> is not valid JSX ({exc.message}); it was read leniently"
        return tag


def find_close(
    src: str, name: str, start: int, limit: int, scope: dict[str, Any]
) -> tuple[int, int] | None:
    """(start, end) of the `</name>` matching an element opened just before `start`.

    Same-name nesting is counted; fenced code, inline code spans and `{...}` expressions
    are skipped, so `</Note>` written inside backticks or a fence never closes a `<Note>`.
    """
    pattern = re.compile(
        r"</?" + re.escape(name) + r"(?=[\s/>])|^[ \t>]*(`{3,}|~{3,})|`+|\{/\*", re.M
    )
    depth = 1
    pos = start
    fence: str | None = None
    while True:
        m = pattern.search(src, pos, limit)
        if not m:
            return None
        token = m.group(0)
        if m.group(1):  # fence marker at line start
            marker = m.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                rest = src[m.end() : src.find("\n", m.end()) if "\n" in src[m.end() :] else None]
                if not rest.strip():
                    fence = None
            pos = m.end()
            continue
        if fence is not None:
            pos = m.end()
            continue
        if token == "{/*":
            end = src.find("*/", m.end(), limit)
            pos = end + 2 if end >= 0 else m.end()
            continue
        if token.startswith("`"):  # inline code span: skip to the matching run
            end = src.find(token, m.end(), limit)
            nl = src.find("\n\n", m.end(), limit)
            pos = end + len(token) if end >= 0 and (nl < 0 or end < nl) else m.end()
            continue
        try:
            tag = parse_tag(src, m.start(), scope)
        except JsxSyntaxError:
            pos = m.end()
            continue
        if tag.closing:
            depth -= 1
            if depth == 0:
                return m.start(), tag.end
        elif not tag.self_closing:
            depth += 1
        pos = tag.end


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
    saved = env.get("_line_base", 0), env.get("_col_base", 0)
    if not fixed:
        env["_line_base"] = saved[0] + line_offset
        env["_col_base"] = saved[1] + col_offset
    try:
        state.md.block.parse(text, state.md, env, state.tokens)
    finally:
        env["_line_base"], env["_col_base"] = saved
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


def _push_open(state: Any, tag: Tag, phrasing: bool, self_closing: bool) -> Any:
    token = state.push("component_open", "", 1)
    token.meta = {
        "name": tag.name,
        "props": tag.props,
        "raw_props": tag.raw_props,
        "self_closing": self_closing,
        "phrasing": phrasing,
    }
    return token


def jsx_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    src = state.src
    pos = state.bMarks[start_line] + state.tShift[start_line]
    line_end = state.eMarks[start_line]
    if pos >= line_end:
        return False
    ch = src[pos]
    if ch == "{":
        return _comment_block(state, start_line, end_line, silent, pos)
    if ch != "<":
        return False
    if src.startswith("<!--", pos):
        return _html_comment_block(state, end_line, silent, pos)
    env = state.env
    lenient = env.get("lenient", False)
    tag = _read_tag(src, pos, env, lenient)
    if tag is None:
        return False
    name = tag.name
    if lenient and name and not (name[0].isupper() or name in HTML_NAMES):
        return False
    if name in INLINE_NAMES and src[tag.end : state.eMarks[_line_of(state, tag.end)]].strip():
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
    if not (tag.self_closing or name.lower() in VOID_ELEMENTS):
        close = find_close(src, name, tag.end, limit, _scope(env))
        if close is None:
            if lenient:
                return False
            if not silent:
                report(
                    env,
                    start_line,
                    "jsx-unclosed",
                    f"<{name or '>'}> is never closed: expected </{name}> before the end of its "
                    "container; its content is rendered after it",
                    "error",
                    column=pos - state.bMarks[start_line] + 1,
                )
    content_end, after = close if close else (tag.end, tag.end)
    last_line = _line_of(state, max(after - 1, pos))
    if src[after : state.eMarks[last_line]].strip():
        return False  # text follows the element on its line: a paragraph with inline JSX
    if silent:
        return True
    if tag.problem:
        report(
            env, start_line, "jsx-syntax", tag.problem, column=pos - state.bMarks[start_line] + 1
        )
    open_line = _line_of(state, tag.end - 1)
    lines = [src[tag.end : min(content_end, state.eMarks[open_line])].strip()]
    for ln in range(open_line + 1, last_line + 1):
        begin = state.bMarks[ln]
        end = min(state.eMarks[ln], content_end)
        lines.append(src[begin:end] if end > begin else "")
    body, cut = _dedent(lines[1:])
    inner = "\n".join([lines[0], *body])
    phrasing = bool(lines[0]) and "\n\n" not in inner.strip()
    old_parent, old_line_max = state.parentType, state.lineMax
    where = (env.get("src_path", "<page>"), usage_line(env, start_line))
    expansion = _expansion(env, tag, inner, where)
    if expansion is not None:
        with expanding(env, expansion, start_line) as ok:
            if ok:
                parse_nested(state, expansion.text, start_line, expansion=expansion)
        state.line = last_line + 1
        return True
    if name in SOURCE_NAMES:
        tag.props.setdefault("children", "\n".join([lines[0], *body]).strip())
    token = _push_open(state, tag, phrasing, close is None)
    token.map = [start_line, last_line + 1]
    token.block = True
    if inner.strip() and name not in RAW_NAMES:
        first = parse_nested(state, inner, open_line, col_offset=cut)
        if phrasing:
            for tok in state.tokens[first:]:
                if tok.type in ("paragraph_open", "paragraph_close") and tok.level == state.level:
                    tok.hidden = True
    close_tok = state.push("component_close", "", -1)
    close_tok.meta = {"name": name}
    close_tok.block = True
    state.parentType, state.lineMax = old_parent, old_line_max
    state.line = last_line + 1
    return True


def _expansion(env: dict[str, Any], tag: Tag, inner: str, where: tuple[str, int]) -> Any:
    """The `Expansion` replacing a snippet or custom component, or None."""
    expander = env.get("expand_component")
    if expander is None or not tag.name[:1].isupper():
        return None
    return expander(tag.name, tag.props, inner, where)


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


def _html_comment_block(state: StateBlock, end_line: int, silent: bool, pos: int) -> bool:
    end = state.src.find("-->", pos)
    if end < 0:
        return False
    last = _line_of(state, end)
    if last >= end_line or state.src[end + 3 : state.eMarks[last]].strip():
        return False
    if not silent:
        state.line = last + 1
    return True


def jsx_inline(state: StateInline, silent: bool) -> bool:
    src = state.src
    pos = state.pos
    if src[pos] != "<":
        return False
    if src.startswith("<!--", pos):
        end = src.find("-->", pos, state.posMax)
        if end < 0:
            return False
        state.pos = end + 3
        return True
    env = state.env
    lenient = env.get("lenient", False)
    tag = _read_tag(src, pos, env, lenient)
    if tag is None:
        return False
    name = tag.name
    if lenient and not (name[:1].isupper() or name in HTML_NAMES):
        return False
    if tag.end > state.posMax:
        return False
    if tag.closing:
        if lenient:
            return False
        if not silent:
            inline_report(
                state, pos, "jsx-stray-close", f"closing tag </{name}> has no matching <{name}>"
            )
        state.pos = tag.end
        return True
    close = None
    if not (tag.self_closing or name.lower() in VOID_ELEMENTS):
        close = find_close(src, name, tag.end, state.posMax, _scope(env))
        if close is None:
            if lenient:
                return False
            if not silent:
                inline_report(
                    state,
                    pos,
                    "jsx-unclosed",
                    f"<{name or '>'}> is never closed in this paragraph: expected </{name}>",
                    "error",
                )
    if silent:
        state.pos = close[1] if close else tag.end
        return True
    if tag.problem:
        inline_report(state, pos, "jsx-syntax", tag.problem)
    inner = src[tag.end : close[0]] if close else ""
    file, first_line, _ = env.get("_inline") or (env.get("src_path", "<page>"), 0, False)
    expansion = _expansion(env, tag, inner, (file, first_line + src.count("\n", 0, pos)))
    if expansion is not None:
        _inline_expansion(state, expansion, pos)
        state.pos = close[1] if close else tag.end
        return True
    if name in SOURCE_NAMES:
        tag.props.setdefault("children", inner.strip())
    _push_open(state, tag, True, close is None)
    if close is not None and name not in RAW_NAMES:
        old_max = state.posMax
        state.pos = tag.end
        state.posMax = close[0]
        state.md.inline.tokenize(state)
        state.posMax = old_max
    state.pos = close[1] if close is not None else tag.end
    closing = state.push("component_close", "", -1)
    closing.meta = {"name": name}
    return True


def _inline_expansion(state: StateInline, expansion: Expansion, pos: int) -> None:
    """Parse a snippet or custom component used inside a paragraph as inline content."""
    env = state.env

    def cycle(code: str, message: str, severity: str) -> None:
        inline_report(state, pos, code, message, severity)

    children: list[Any] = []
    with expanding(env, expansion, 0, reporter=cycle) as ok:
        if not ok:
            return
        saved = env.get("_inline"), env.get("scope")
        text = expansion.text
        if expansion.first_line is None:
            file, line, _ = saved[0] or (env.get("src_path", "<page>"), 0, False)
            env["_inline"] = (file, line + state.src.count("\n", 0, pos), False)
        else:
            lead = text[: len(text) - len(text.lstrip())].count("\n")
            env["_inline"] = (expansion.file, expansion.first_line + lead, True)
        if expansion.scope is not None:
            env["scope"] = expansion.scope
        try:
            state.md.inline.parse(text.strip(), state.md, env, children)
        finally:
            env["_inline"], env["scope"] = saved
    if state.pending:
        state.pushPending()
    for tok in children:
        tok.level += state.level
    state.tokens.extend(children)


def expression_inline(state: StateInline, silent: bool) -> bool:
    """`{/* comment */}` disappears; `{name}` prints a scoped value; `{"{"}` a literal."""
    src = state.src
    pos = state.pos
    if src[pos] != "{" or state.env.get("lenient"):
        return False
    try:
        end = find_brace_end(src, pos)
    except JsxSyntaxError:
        return False
    if end > state.posMax:
        return False
    inner = src[pos + 1 : end - 1].strip()
    if not silent and inner and not (inner.startswith("/*") and inner.endswith("*/")):
        value = eval_expression(inner, _scope(state.env))
        if isinstance(value, Expression):
            literal = _IDENTIFIER.match(inner) is not None
            shown = " ".join(inner.split())
            inline_report(
                state,
                pos,
                "mdx-expression",
                f"{{{shown[:60]}}} is not defined on this page; "
                + (
                    "it is shown as written (escape it as \\{ or `{...}`)"
                    if literal
                    else "it renders as nothing"
                ),
            )
            if literal:
                token = state.push("text", "", 0)
                token.content = "{" + inner + "}"
        else:
            token = state.push("text", "", 0)
            token.content = to_text(value)
            token.meta = {"expression": True}
    state.pos = end
    return True


def unravel(state: StateCore) -> None:
    """MDX drops the paragraph around lines holding only JSX or expressions: `<Icon/>`, `{x}`."""
    tokens = state.tokens
    for i, tok in enumerate(tokens):
        if tok.type != "inline" or i == 0 or tokens[i - 1].type != "paragraph_open":
            continue
        depth = 0
        seen = False
        for child in tok.children or []:
            if child.type == "component_open":
                depth += 1
                seen = True
            elif child.type == "component_close":
                depth -= 1
            elif depth == 0 and child.type == "text" and child.meta.get("expression"):
                seen = True
            elif depth == 0 and not (
                child.type == "softbreak" or (child.type == "text" and not child.content.strip())
            ):
                break
        else:
            if seen:
                tokens[i - 1].hidden = True
                tokens[i + 1].hidden = True


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
        if state.src[state.pos + 1 : state.pos + 3].lstrip("/")[:1].isupper():
            return False
        return bool(html_inline(state, silent))

    md.inline.ruler.at("html_inline", lowercase_html_inline)
    md.core.ruler.after("inline", "mdx_unravel", unravel)


def escape_prop_text(value: Any) -> str:
    """Text form of a prop value for substitution into MDX source."""
    return html.escape(to_text(value), quote=False)
