"""Inline JSX: elements and `{expressions}` inside paragraphs, and MDX's paragraph unravelling.

Text <Badge color="red">new</Badge> and {product} {/* hidden */}
-> text, component_open/close (inline), text "Mint" (from `export const product = "Mint"`)

A paragraph holding nothing but JSX or expressions loses its `<p>`, as in MDX.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from typing import TYPE_CHECKING, Any

from mintrender.components import RAW_NAMES, REGISTRY, SOURCE_NAMES
from mintrender.components._jsxflow import (
    FlowError,
    flow_fragments,
    holds_markup,
    left_out,
    shown,
)
from mintrender.components._jsxparse import (
    ComponentRef,
    Expression,
    JsxSyntaxError,
    eval_expression,
    find_brace_end,
    to_text,
)
from mintrender.components._jsxscan import (
    HTML_NAMES,
    closing_tag,
    dropped_message,
    drops_to_report,
    expansion_for,
    is_void,
    lowercase_component,
    open_void,
    push_open,
    read_tag,
    scope_of,
    unreadable_tag,
    void_close,
)
from mintrender.components._mdxenv import Expansion, expanding, inline_report
from mintrender.parse.frontmatter import VARIABLE
from mintrender.parse.prelude import JsxLocal

if TYPE_CHECKING:
    from markdown_it.rules_core import StateCore
    from markdown_it.rules_inline import StateInline

_IDENTIFIER = re.compile(r"^[A-Za-z_$][\w$]*$")


def reads_tag(env: MutableMapping[str, Any], name: str) -> bool:
    """Whether `<name>` is a tag in the text being parsed. MDX pages: any name. Lenient text
    (`.md` pages): components and HTML elements. Spec text (`known_tags_only`: OpenAPI
    descriptions, Markdown with HTML): HTML elements and catalogue components only, so a
    placeholder such as `p<page>.b<index>` stays text."""
    if env.get("known_tags_only"):
        return name in HTML_NAMES or name in REGISTRY
    if env.get("lenient"):
        return not name or name[0].isupper() or name in HTML_NAMES
    return True


HTML_COMMENT = (
    "an HTML comment `<!-- -->` is not MDX, so Mintlify refuses this page; write "
    "`{/* ... */}` instead (left out here)"
)
"""What an HTML comment costs on Mintlify (create/text.mdx: not supported in MDX)."""

_NO_TAG_START = re.compile(r"<(?:[^\s\w$/>!]|\d|!(?!--))")
"""A `<` followed by what MDX never reads after it: not a name, `/`, `>` or white space."""


def jsx_inline(state: StateInline, silent: bool) -> bool:
    src = state.src
    pos = state.pos
    if src[pos] != "<":
        return False
    if src.startswith("<!--", pos):
        end = src.find("-->", pos, state.posMax)
        if end < 0:
            if not silent and not state.env.get("lenient"):
                why = "an HTML comment `<!--` is never closed (and is not MDX), so Mintlify "
                inline_report(state, pos, "html-comment", why + "refuses this page; shown as text")
            return False
        if not silent and not state.env.get("lenient"):
            inline_report(state, pos, "html-comment", HTML_COMMENT)
        state.pos = end + 3
        return True
    env = state.env
    lenient = env.get("lenient", False)
    tag = read_tag(src, pos, env, lenient)
    if tag is None:
        if not silent and not lenient and (why := unreadable_tag(src, pos)):
            inline_report(state, pos, "jsx-syntax", why)  # `<Note title="abc>`: MDX refuses it
        elif not silent and not lenient and _NO_TAG_START.match(src, pos):
            # `<-chan`, `<3`, `<=`: MDX reads `<` as a tag's start and fails the page there
            # (remark-mdx: "Unexpected character before name"); shown here as written
            inline_report(
                state,
                pos,
                "jsx-syntax",
                f"`{src[pos : pos + 2]}` cannot start a tag, so MDX (and Mintlify) refuses this "
                "page; it is shown as written here (write `\\<` or `&lt;`)",
            )
        return False
    name = tag.name
    if not reads_tag(env, name):
        return False
    if tag.end > state.posMax:
        return False
    if tag.closing:
        if lenient:
            return _unmatched_as_text(state, tag.end, silent)
        if not silent:
            inline_report(
                state, pos, "jsx-stray-close", f"closing tag </{name}> has no matching <{name}>"
            )
        state.pos = tag.end
        return True
    close = None
    end = void_close(src, name, tag.end, state.posMax) if is_void(name) else tag.end
    if not (tag.self_closing or is_void(name)):
        close = closing_tag(src, name, tag.end, state.posMax, env)
        if close is None:
            if lenient:
                return _unmatched_as_text(state, tag.end, silent)
            if not silent:
                inline_report(
                    state,
                    pos,
                    "jsx-unclosed",
                    f"<{name or '>'}> is never closed in this paragraph: expected </{name}>",
                    "error",
                )
    if silent:
        state.pos = close[1] if close else end
        return True
    if not lenient and (open_tag := open_void(name, tag.self_closing, end, tag.end)):
        inline_report(state, pos, "jsx-unclosed", open_tag)
    if state.level >= state.md.options["maxNesting"] - 2:  # deeper, markdown-it reads text
        if not env.get("_too_deep"):
            env["_too_deep"] = True
            inline_report(
                state,
                pos,
                "mdx-depth",
                f"elements in a line are nested more than {state.level} levels deep; what is "
                "deeper is left out",
                "error",
            )
        state.pos = close[1] if close else end
        return True
    if tag.problem:
        inline_report(state, pos, "jsx-syntax", tag.problem)
    for attr, offset, why in drops_to_report(tag, env):
        inline_report(state, offset, "mdx-expression", dropped_message(tag.name, attr, why))
    inner = src[tag.end : close[0]] if close else ""
    file, first_line, _ = env.get("_inline") or (env.get("src_path", "<page>"), 0, False)
    expansion = expansion_for(env, tag, inner, (file, first_line + src.count("\n", 0, pos)))
    if expansion is None and (lowercase := lowercase_component(env, tag.name)):
        inline_report(state, pos, "unknown-component", lowercase)
    if expansion is not None:
        _inline_expansion(state, expansion, pos, inner)
        state.pos = close[1] if close else end
        return True
    if name in SOURCE_NAMES:
        tag.props.setdefault("children", inner.strip())
    push_open(state, tag, True, close is None)
    name = tag.name  # an alias's element (`<Link>`: `a`)
    if close is not None and name not in RAW_NAMES:
        old_max = state.posMax
        state.pos = tag.end
        state.posMax = close[0]
        state.md.inline.tokenize(state)
        state.posMax = old_max
    state.pos = close[1] if close is not None else end
    closing = state.push("component_close", "", -1)
    closing.meta = {"name": name}
    return True


_SOURCE_TAG = re.compile(r"</?[^\W\d_][^<>]*>|</?>")
_SOURCE_EXPRESSION = re.compile(r"\{[^{}]*\}")
_SOURCE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_SOURCE_MARKS = re.compile(r"\*+|~~|`+|(?<!\w)_+|_+(?!\w)")


def source_text(mdx: str) -> str:
    """The text of inline MDX as written: tags and expressions out, a link's text kept,
    Markdown's marks dropped (what a heading's id reads of a component's children)."""
    text = _SOURCE_LINK.sub(r"\1", _SOURCE_EXPRESSION.sub("", _SOURCE_TAG.sub("", mdx)))
    return " ".join(_SOURCE_MARKS.sub("", text).split())


def _inline_expansion(state: StateInline, expansion: Expansion, pos: int, inner: str) -> None:
    """Parse a snippet or custom component used inside a paragraph as inline content. Its
    tokens are marked `expanded`, the first with the text of its children as written
    (`source_text`): what a heading's id is made of, as MDX reads the heading before any
    component runs (`<Since version="6.0" />` adds nothing to `## Video <Since …/>`'s id)."""
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
    for tok in children:
        tok.meta = {**(tok.meta or {}), "expanded": True}
    if children and inner.strip():
        children[0].meta["source_text"] = source_text(inner)
    _push_children(state, children)


def _unmatched_as_text(state: StateInline, end: int, silent: bool) -> bool:
    """A tag without its other half in lenient text: raw HTML (`html_inline`) where the author
    writes HTML; in an API spec's description, text ("into an HTML <table>."): an unclosed
    `<table>` there would swallow the rest of the page."""
    if not state.env.get("known_tags_only"):
        return False
    if not silent:
        token = state.push("text", "", 0)
        token.content = state.src[state.pos : end]
    state.pos = end
    return True


UNCLOSED_SCANS = 16
"""Unclosed `{`s of one paragraph scanned to its end; later ones are text at once (linear time
for a paragraph of braces)."""


def expression_inline(state: StateInline, silent: bool) -> bool:
    """`{/* comment */}` disappears; `{name}` prints a scoped value; `{"{"}` a literal."""
    src = state.src
    pos = state.pos
    if src[pos] != "{" or state.env.get("lenient"):
        return False
    unclosed: dict[str, int] = state.env.setdefault("unclosed_braces", {})
    failed = unclosed.get(src, 0)
    if failed >= UNCLOSED_SCANS:  # `{{{{…` thousands long: each scan would read to the end
        return False
    try:
        end = find_brace_end(src, pos)
    except JsxSyntaxError:
        end = len(src) + 1
    if end > state.posMax:  # text, as written, but MDX fails the page (remark-mdx)
        if not silent:
            unclosed[src] = failed + 1
            if not failed:  # once per paragraph: MDX stops at the first
                why = (
                    "`{` is never closed in its paragraph, so MDX (and Mintlify) refuses this page"
                )
                inline_report(state, pos, "mdx-expression", why + "; write `\\{` for a brace")
        return False
    raw = src[pos + 1 : end - 1]
    inner = raw.strip()
    flow = "<" in inner or ".map(" in inner or holds_markup(inner, scope_of(state.env))
    if not silent and flow and _inline_flow(state, pos, end):
        state.pos = end
        return True
    if not silent and inner and not (inner.startswith("/*") and inner.endswith("*/")):
        value = eval_expression(inner, scope_of(state.env))
        if isinstance(value, JsxLocal) and not flow and _inline_flow(state, pos, end):
            state.pos = end  # `{!on && card}`: the markup a name holds
            return True
        if isinstance(value, ComponentRef):  # `{Code}`: React draws nothing for a component
            pass
        elif inner[0] == "{" and inner[-1] == "}" and isinstance(value, (Expression, dict)):
            # `{{.Values.name}}`, `{{ user }}`: Go, Helm or Mustache template text in prose, not
            # a value React could show (an object, or no JavaScript at all); a `{{name}}` no
            # docs.json variable fills was reported as such (`variable-undefined`)
            if not (state.env.get("variables") and VARIABLE.fullmatch("{" + inner + "}")):
                inline_report(
                    state,
                    pos,
                    "mdx-expression",
                    f"{shown('{' + inner + '}')} is template text, not an MDX expression; it is "
                    "shown as written (escape it as \\{ or `{...}`)",
                )
            token = state.push("text_special", "", 0)
            token.content = "{" + inner + "}"
        elif isinstance(value, Expression):
            literal = _IDENTIFIER.match(inner) is not None
            written = " ".join(inner.split())
            if len(written) > 60:
                written = written[:57] + "..."
            lead = pos + 1 + len(raw) - len(raw.lstrip())
            why = value.problem or "JSX inside an expression is not supported"
            inline_report(
                state,
                lead + value.offset if not literal else pos,
                "mdx-expression",
                f"{{{written}}} is not defined on this page; "
                "it is shown as written (escape it as \\{ or `{...}`)"
                if literal
                else f"{{{written}}} cannot be evaluated at build time ({why}); it is left out",
            )
            if literal:
                token = state.push("text_special", "", 0)
                token.content = "{" + inner + "}"
        else:
            # `text_special`: text of its own until `text_join`, so a bare URL before it is
            # never read on into it (MDX's autolinks are made of the text as written)
            token = state.push("text_special", "", 0)
            token.content = to_text(value)
            token.meta = {"expression": True}
    state.pos = end
    return True


def _push_children(state: StateInline, children: list[Any]) -> None:
    """Tokens parsed apart (an expansion, an expression's JSX) added at this point."""
    if state.pending:
        state.pushPending()
    for tok in children:
        tok.level += state.level
    state.tokens.extend(children)


def _inline_flow(state: StateInline, pos: int, end: int) -> bool:
    """`{cond && <Badge>new</Badge>}`, `{tags.map((t) => <code>{t}</code>)}` in a line of text
    (`_jsxflow`): the JSX each yields, read inline in its scope; False for a plain value."""
    src, env = state.src, state.env
    try:
        fragments = flow_fragments(src, pos + 1, end - 1, scope_of(env))
    except FlowError as exc:
        if "<" not in src[pos:end]:  # `{items.map((m) => m.id).join(", ")}`: maybe a value
            return False
        inline_report(state, exc.offset, "mdx-expression", left_out(src, pos, end, exc.message))
        return True
    if fragments is None:
        return False
    saved = env.get("_inline"), env.get("scope")
    file, line, _ = saved[0] or (env.get("src_path", "<page>"), 0, False)
    children: list[Any] = []
    try:
        for fragment in fragments:
            env["_inline"] = (file, line + src.count("\n", 0, fragment.start), False)
            env["scope"] = fragment.scope
            state.md.inline.parse(fragment.markup(src), state.md, env, children)
        if all(f.text is not None for f in fragments):  # values `.map` or a branch gave
            for tok in children:
                if tok.type in ("text", "text_special"):
                    tok.meta = {**tok.meta, "expression": True}
    finally:
        env["_inline"], env["scope"] = saved
    _push_children(state, children)
    return True


def _has_jsx(children: list[Any]) -> bool:
    """Do these inline tokens hold an element or an expression's value?"""
    return any(c.type == "component_open" or c.meta.get("expression") for c in children)


_MDX_SPACE = " \t\n\r\f"
"""White space as MDX means it: `&nbsp;` (U+00A0) between two elements is text."""


def _lone(children: list[Any]) -> bool:
    """Do these inline tokens hold only JSX, expressions and white space (and some of those)?"""
    depth = 0
    for child in children:
        if child.type == "component_open":
            depth += 1
        elif child.type == "component_close":
            depth -= 1
        elif depth == 0 and not (
            child.type == "softbreak"
            or (
                child.type in ("text", "text_special")
                and (child.meta.get("expression") or not child.content.strip(_MDX_SPACE))
            )
        ):
            return False
    return _has_jsx(children)


def mark_lone(state: StateInline) -> None:
    """Before markdown-it joins adjacent text tokens (which keeps one token's meta: "Direct: "
    and `{MODE}` become one text): whether the content is `_lone`, on each text token of
    content with JSX or an expression (plain text is left as it is)."""
    if not _has_jsx(state.tokens):
        return
    lone = _lone(state.tokens)
    for tok in state.tokens:
        if tok.type == "text":
            tok.meta = {**tok.meta, "lone": lone}


def unravel(state: StateCore) -> None:
    """MDX drops the paragraph around lines holding only JSX or expressions: `<Icon/>`, `{x}`
    (`mark_lone` decided, for contents with text)."""
    tokens = state.tokens
    for i, tok in enumerate(tokens):
        if tok.type != "inline" or i == 0 or tokens[i - 1].type != "paragraph_open":
            continue
        children = tok.children or []
        mark = next((c.meta["lone"] for c in children if "lone" in c.meta), None)
        if _lone(children) if mark is None else mark:
            tokens[i - 1].hidden = True
            tokens[i + 1].hidden = True
            tokens[i + 1].meta["unraveled"] = True  # drawn as the line break MDX keeps
