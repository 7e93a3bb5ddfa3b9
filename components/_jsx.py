"""JSX for markdown-it: block and inline rules that turn MDX elements into component tokens.

Accepts (at any indentation, in lists, tabs and other components)::

    <Card title="Quickstart" href="/quickstart" icon="rocket">
      Markdown **children**, lists, ```fences```, nested <Components/>.
    </Card>
    <Icon icon="check" /> inline, <Tooltip tip="x">word</Tooltip>, {variable}, {/* comment */}

Produces `component_open` / `component_close` token pairs (block or inline) whose `meta` is
`{"name", "props", "raw_props", "self_closing", "phrasing"}` and whose `map` is the source
line range. Snippets (`import X from "/snippets/x.mdx"`) and plain custom components
(`export const X = ({title}) => (<div>{title}</div>)`) are expanded in place.
"""

from __future__ import annotations

import bisect
import html
import re
from typing import TYPE_CHECKING, Any

from components._jsxparse import (
    Expression,
    JsxSyntaxError,
    eval_expression,
    find_brace_end,
    parse_tag,
    to_text,
)

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_inline import StateInline

VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
# Elements and components that live inside a paragraph; a line holding only one of them is
# still a paragraph, as in MDX.
INLINE_NAMES = frozenset(
    "a abbr b bdi bdo br cite code data dfn em i img input kbd label mark q s samp small span "
    "strong sub sup time u var wbr del ins Badge Icon Tooltip".split()
)
_IDENTIFIER = re.compile(r"^[A-Za-z_$][\w$]*$")


def _line_of(state: StateBlock, pos: int) -> int:
    return max(0, bisect.bisect_right(state.bMarks, pos) - 1)


def _scope(env: dict[str, Any]) -> dict[str, Any]:
    return env.setdefault("scope", {})


def _diag(
    env: dict[str, Any], line: int, code: str, message: str, severity: str = "warning"
) -> None:
    sink = env.get("diagnostics")
    file = env.get("src_path", "<page>")
    if sink is not None:
        sink.add(severity, file, line + 1 + env.get("line_offset", 0), 1, code, message)


def find_close(
    src: str, name: str, start: int, limit: int, scope: dict[str, Any]
) -> tuple[int, int] | None:
    """(start, end) of the `</name>` matching an element opened just before `start`.

    Same-name nesting is counted; fenced code and inline code spans are skipped.
    """
    pattern = re.compile(r"</?" + re.escape(name) + r"(?=[\s/>])|^[ \t>]*(`{3,}|~{3,})|`+", re.M)
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
                fence = None
            pos = m.end()
            continue
        if fence is not None:
            pos = m.end()
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


def _dedent(lines: list[str]) -> list[str]:
    indents = [len(ln) - len(ln.lstrip(" \t")) for ln in lines if ln.strip()]
    cut = min(indents) if indents else 0
    return [ln[cut:] if ln.strip() else "" for ln in lines]


def _parse_nested(state: StateBlock, text: str, line_offset: int) -> None:
    """Block-parse `text` into state.tokens, shifting maps and levels into place."""
    first = len(state.tokens)
    state.md.block.parse(text, state.md, state.env, state.tokens)
    level = state.level
    for tok in state.tokens[first:]:
        if tok.map:
            tok.map = [tok.map[0] + line_offset, tok.map[1] + line_offset]
        tok.level += level


def _push_component(
    state: StateBlock, name: str, tag: Any, start_line: int, end_line: int, phrasing: bool
) -> Any:
    token = state.push("component_open", "", 1)
    token.meta = {
        "name": name,
        "props": tag.props,
        "raw_props": tag.raw_props,
        "self_closing": tag.self_closing,
        "phrasing": phrasing,
    }
    token.map = [start_line, end_line]
    token.block = True
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
        return _html_comment_block(state, start_line, end_line, silent, pos)
    env = state.env
    try:
        tag = parse_tag(src, pos, _scope(env))
    except JsxSyntaxError:
        return False
    name = tag.name
    if name in INLINE_NAMES:
        return False
    limit = state.eMarks[end_line - 1] if end_line > start_line else line_end
    if tag.closing:
        if src[tag.end : state.eMarks[_line_of(state, tag.end)]].strip():
            return False
        if not silent:
            _diag(
                env,
                start_line,
                "jsx-stray-close",
                f"closing tag </{name}> has no matching <{name}>",
            )
        state.line = _line_of(state, tag.end) + 1
        return True
    if tag.self_closing or name.lower() in VOID_ELEMENTS:
        close = None
        content_end = after = tag.end
    else:
        close = find_close(src, name, tag.end, limit, _scope(env))
        if close is None:
            if not silent:
                _diag(
                    env,
                    start_line,
                    "jsx-unclosed",
                    f"<{name}> is never closed: expected </{name}>; its content is rendered after it",
                    "error",
                )
            tag.self_closing = True
            content_end = after = tag.end
        else:
            content_end, after = close
    last_line = _line_of(state, max(after - 1, pos))
    if src[after : state.eMarks[last_line]].strip():
        return False  # text follows the element on its line: a paragraph with inline JSX
    if silent:
        return True
    open_line = _line_of(state, tag.end if tag.end < len(src) else pos)
    first_fragment = src[tag.end : min(content_end, state.eMarks[open_line])]
    lines = [first_fragment.strip()]
    for ln in range(open_line + 1, last_line + 1):
        begin = state.bMarks[ln]
        end = min(state.eMarks[ln], content_end)
        lines.append(src[begin:end] if end > begin else "")
    if close is not None and last_line > open_line:
        # the closing tag's own line contributes only what precedes the tag
        tail = src[state.bMarks[last_line] : content_end]
        lines[-1] = tail
    body = [lines[0], *_dedent(lines[1:])]
    inner = "\n".join(body)
    phrasing = bool(lines[0]) and "\n\n" not in inner.strip()
    old_parent, old_line_max = state.parentType, state.lineMax
    expansion = _expansion(state, name, tag, inner, start_line)
    if expansion is not None:
        text, label = expansion
        stack = env.setdefault("_expanding", [])
        if label in stack:
            _diag(
                env,
                start_line,
                "snippet-cycle",
                f"{label} includes itself: {' -> '.join([*stack, label])}",
                "error",
            )
        else:
            stack.append(label)
            saved_scope = dict(_scope(env))
            _scope(env).update(
                {k: v for k, v in tag.props.items() if not isinstance(v, Expression)}
            )
            _parse_nested(state, text, start_line)
            env["scope"] = saved_scope
            stack.pop()
        state.line = last_line + 1
        return True
    _push_component(state, name, tag, start_line, last_line + 1, phrasing)
    if inner.strip():
        first = len(state.tokens)
        _parse_nested(state, inner, open_line)
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


def _expansion(
    state: StateBlock, name: str, tag: Any, inner: str, line: int
) -> tuple[str, str] | None:
    """Source text replacing a snippet or plain custom component, or None."""
    env = state.env
    expander = env.get("expand_component")
    if expander is None or not name[:1].isupper():
        return None
    return expander(name, tag.props, tag.raw_props, inner, line)


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
    try:
        tag = parse_tag(src, pos, _scope(env))
    except JsxSyntaxError:
        return False
    name = tag.name
    if env.get("lenient") and not (name[:1].isupper() or name.lower() in _HTML_NAMES):
        return False
    if tag.closing:
        if not silent:
            _diag(
                env,
                _inline_line(state),
                "jsx-stray-close",
                f"closing tag </{name}> has no matching <{name}>",
            )
        state.pos = tag.end
        return True
    close = None
    if not (tag.self_closing or name.lower() in VOID_ELEMENTS):
        close = find_close(src, name, tag.end, state.posMax, _scope(env))
        if close is None and not silent:
            _diag(
                env,
                _inline_line(state),
                "jsx-unclosed",
                f"<{name}> is never closed on this paragraph: expected </{name}>",
                "error",
            )
    if silent:
        state.pos = close[1] if close else tag.end
        return True
    token = state.push("component_open", "", 1)
    token.meta = {
        "name": name,
        "props": tag.props,
        "raw_props": tag.raw_props,
        "self_closing": close is None,
        "phrasing": True,
    }
    if close is not None:
        old_max = state.posMax
        state.pos = tag.end
        state.posMax = close[0]
        state.md.inline.tokenize(state)
        state.posMax = old_max
        state.pos = close[1]
    else:
        state.pos = tag.end
    closing = state.push("component_close", "", -1)
    closing.meta = {"name": name}
    return True


def _inline_line(state: StateInline) -> int:
    line = state.env.get("_inline_line", 0)
    return int(line)


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
            _diag(
                state.env,
                _inline_line(state),
                "mdx-expression",
                f"{{{inner[:60]}}} is not defined on this page; "
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
    state.pos = end
    return True


_HTML_NAMES = frozenset(
    "a abbr b blockquote br caption code col colgroup dd del details dfn div dl dt em figcaption "
    "figure h1 h2 h3 h4 h5 h6 hr i iframe img input ins kbd label li mark ol p picture pre q s "
    "samp section small source span strong sub summary sup table tbody td tfoot th thead tr u ul "
    "video audio var wbr svg path center font".split()
)


def jsx_plugin(md: MarkdownIt) -> None:
    """Register the JSX block rule before `html_block` and the inline rules before `html_inline`."""
    md.block.ruler.before(
        "html_block",
        "jsx_block",
        jsx_block,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    md.inline.ruler.before("html_inline", "jsx_inline", jsx_inline)
    md.inline.ruler.before("html_inline", "mdx_expression", expression_inline)


def escape_prop_text(value: Any) -> str:
    """Text form of a prop value for substitution into MDX source."""
    return html.escape(to_text(value), quote=False)
