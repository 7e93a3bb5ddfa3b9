"""Pure parsers for JSX tags and the JavaScript literals used as props.

Grammar (a subset of JSX that real Mintlify pages use)::

    tag        := "<" "/"? name? attribute* S* "/"? ">"
    name       := letter [letter digit _ . : -]*  (Unicode, as JS identifiers; dotted: Tree.Folder)
    attribute  := S+ attr-name ("=" value)?  |  S* "{" "..." expr "}"   (spread: an object's keys)
    value      := '"' ... '"' | "'" ... "'" | "{" js-expression "}"
    js-value   := an expression of the build-time subset (mintrender.parse.expr): literals,
                  names looked up in a scope, `+ || ?? && ?:`, `.join()`, ...; a value outside
                  it is left out of `props` and listed in `Tag.dropped`

Errors raise `JsxSyntaxError(message, offset)`; callers catch it and decline or diagnose.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from mintrender.parse.expr import ExprError
from mintrender.parse.expreval import Opaque, eval_js
from mintrender.parse.jsvalues import js_string

_NAME = re.compile(r"[^\W\d_][\w.:\-]*")
"""A tag name: JSX names follow JavaScript's identifier rules (Unicode letters: `<Información>`)
plus `-`, `.` and `:` between parts."""
_ATTR_NAME = re.compile(r"[A-Za-z_:$@][A-Za-z0-9_:.$\-]*")
_WS = re.compile(r"\s*")
REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
"""A character reference, as JSX decodes it in text and in quoted attribute values."""


def decode_references(value: str) -> str:
    """A quoted attribute value as JSX reads it: `&amp;`, `&quot;`, `&#65;` decoded (with their
    `;`; `&amp x` stays as written)."""
    if "&" not in value:
        return value
    return REFERENCE.sub(lambda m: html.unescape(m.group(0)), value)


CLOSE_FRAGMENT = re.compile(r"</\s*>")
"""A fragment's closing tag: MDX allows white space after `</` (`</ >`, `</ Warning>`)."""
_HANDLER = re.compile(r"on[A-Z]")
_UNQUOTED = re.compile(r"[^\s>\"'=<`{}]+(?<!/)")


class JsxSyntaxError(Exception):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


@dataclass(frozen=True, slots=True)
class Expression:
    """A `{...}` the build cannot evaluate (JSX, a function, an unknown name, ...)."""

    source: str
    problem: str = ""
    """Why it cannot be evaluated."""
    offset: int = 0
    """Where in `source` the problem is."""


@dataclass(frozen=True, slots=True)
class JsxElement(Expression):
    """A `{<svg .../>}` prop: JSX markup; `ctx.markdown(value.source, inline=True)` renders it."""


@dataclass(frozen=True, slots=True)
class ComponentRef(Expression, Opaque):
    """A custom component as a value (`ui={{ Code }}`, `export const UI = { Code }`): carried
    in objects and props, never printed (React draws nothing for a function), and drawn where
    a tag names it (`<props.ui.Code />`, `parse.expand`). `source` is its name; `component`
    the `parse.esm.CustomComponent`."""

    component: Any = None


@dataclass(slots=True)
class Tag:
    name: str
    """Component or element name; "" for a fragment `<>`."""
    props: dict[str, Any] = field(default_factory=dict)
    closing: bool = False
    self_closing: bool = False
    start: int = 0
    end: int = 0
    """Offset just after `>`."""
    raw_props: dict[str, str] = field(default_factory=dict)
    """Source text of `{...}` props, for custom-component expansion."""
    dropped: list[tuple[str, int, str]] = field(default_factory=list)
    """`(attribute, offset, why)` of `{...}` values the build cannot evaluate: left out."""
    problem: str = ""
    """Why a strict parse failed, when the tag was read loosely."""


def skip_string(src: str, i: int, end: int) -> int:
    """Offset after the string or template starting at `src[i]`, its escapes skipped (a quote
    ends at a line's end: an apostrophe in JSX text never runs on). Closed when
    `src[result - 1]` is the quote (and `result - 1 > i`)."""
    quote = src[i]
    j = i + 1
    while j < end and src[j] != quote:
        if src[j] == "\\":
            j += 1
        elif src[j] == "\n" and quote != "`":
            break
        j += 1
    return j + 1


def find_brace_end(src: str, pos: int) -> int:
    """Offset after the `}` matching the `{` at `pos`, skipping strings, templates, comments."""
    depth = 0
    i = pos
    n = len(src)
    while i < n:
        ch = src[i]
        if ch in "\"'":
            i = skip_string(src, i, n)
            continue
        if ch == "`":
            j = i + 1
            while j < n and src[j] != "`":
                if src[j] == "\\":
                    j += 1
                elif src.startswith("${", j):
                    j = find_brace_end(src, j + 1) - 1
                j += 1
            i = j + 1
            continue
        if src.startswith("/*", i):
            end = src.find("*/", i + 2)
            if end < 0:
                raise JsxSyntaxError("unclosed comment /*", i)
            i = end + 2
            continue
        if ch == "<":
            element_end = jsx_end(src, i, n)
            if element_end is not None:
                i = element_end
                continue
        elif ch in "{[(":
            depth += 1
        elif ch in "}])":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise JsxSyntaxError("unclosed `{`", pos)


VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
"""Elements that never have children: `<img src="x">` unclosed is read as closed."""
_JSX_TEXT = re.compile(r"[^<{]+")
_OPERAND_WORD = re.compile(r"(?:\breturn|[(\[{,;=?:&|!>])\Z")


def jsx_end(src: str, i: int, end: int | None = None) -> int | None:
    """Offset after the JSX element or fragment that starts at `src[i] == "<"` where an operand
    can start (after `(`, `=`, `?`, `&&`, `=>`, `return`..., not in `a < b`): its tags, its
    text and its `{...}` skipped as JSX reads them, so an apostrophe in its text ("Don't") is
    no string. None when no JSX element starts there."""
    n = len(src) if end is None else end
    k = i
    while k > 0 and i - k < 200 and src[k - 1] in " \t\r\n":
        k -= 1
    if k > 0 and not _OPERAND_WORD.search(src, max(0, k - 6), k):
        return None
    depth, j = 0, i
    while j < n:
        c = src[j]
        if c == "<":
            if close := CLOSE_FRAGMENT.match(src, j):
                depth, j = depth - 1, close.end()
            elif src.startswith("<>", j):
                depth, j = depth + 1, j + 2
            else:
                try:
                    tag = parse_tag(src, j, None, loose=True)
                except JsxSyntaxError:
                    return None
                j = tag.end
                # `<img src="x">` unclosed, `<br></br>`: a void element has no children
                if tag.name not in VOID_ELEMENTS:
                    depth += -1 if tag.closing else 0 if tag.self_closing else 1
            if depth <= 0:
                return j if depth == 0 else None
        elif depth == 0:
            return None
        elif c == "{":
            try:
                j = find_brace_end(src, j)
            except JsxSyntaxError:
                return None
        else:
            text = _JSX_TEXT.match(src, j, n)
            j = text.end() if text else j + 1
    return None


def parse_tag(
    src: str, pos: int, scope: dict[str, Any] | None = None, *, loose: bool = False
) -> Tag:
    """Parse a JSX tag starting at `src[pos] == "<"`.

    `loose` also reads HTML habits JSX rejects (`width=300`, attributes without a space
    between them, stray characters), for recovery after a strict parse failed.
    """
    if pos >= len(src) or src[pos] != "<":
        raise JsxSyntaxError("expected `<`", pos)
    i = pos + 1
    closing = False
    if i < len(src) and src[i] == "/":
        closing = True
        i = _WS.match(src, i + 1).end()  # type: ignore[union-attr]  # `</ Warning>`, as MDX reads
    m = _NAME.match(src, i)
    if m:
        name = m.group(0)
        i = m.end()
        if name.endswith(":") or src.startswith("//", i):
            raise JsxSyntaxError("not a tag", pos)
    elif i < len(src) and src[i] == ">":
        name = ""
    else:
        raise JsxSyntaxError("expected a tag name after `<`", i)
    tag = Tag(name, closing=closing, start=pos)
    n = len(src)
    name_end = i
    while True:
        ws = _WS.match(src, i)
        # white space parts the name from the first attribute; after a value (`"1"rel=`,
        # `{x}rel=`) MDX needs none
        had_space = ws.end() > i or i != name_end  # type: ignore[union-attr]
        i = ws.end()  # type: ignore[union-attr]
        if i >= n:
            raise JsxSyntaxError(f"unclosed tag <{name}>", pos)
        ch = src[i]
        if ch == ">":
            tag.end = i + 1
            return tag
        if src.startswith("/>", i):
            tag.self_closing = True
            tag.end = i + 2
            return tag
        if ch == "{":
            end = find_brace_end(src, i)
            inner = src[i + 1 : end - 1].strip()
            comment = inner.startswith("/*") and inner.endswith("*/")
            if not (inner.startswith("...") or comment or (loose and not inner)):
                raise JsxSyntaxError("unexpected `{` in tag", i)
            if inner.startswith("...") and scope is not None:
                _spread(tag, inner[3:], scope)
            elif not inner.startswith("..."):  # read as before, but MDX refuses the page
                tag.problem = tag.problem or (
                    f"<{name}> holds a comment `{{/* … */}}` among its attributes, where MDX "
                    'takes only a spread `{...props}` ("Unexpected empty expression"), so '
                    "MDX (and Mintlify) refuses this page; put the comment outside the tag"
                )
            i = end
            continue
        if loose and src.startswith(("//", "/*"), i):  # a JS comment: no attribute in it
            close = src.find("\n" if src[i + 1] == "/" else "*/", i + 2)
            i = n if close < 0 else close + (0 if src[i + 1] == "/" else 2)
            continue
        am = _ATTR_NAME.match(src, i)
        if closing or not am or not (had_space or loose):
            if loose and ch != "<":
                i += 1
                continue
            raise JsxSyntaxError(f"unexpected {ch!r} in tag <{name}>", i)
        attr = am.group(0)
        i = am.end()
        after = _WS.match(src, i).end()  # type: ignore[union-attr]
        if after < n and src[after] == "=":
            i = _WS.match(src, after + 1).end()  # type: ignore[union-attr]
            if i >= n:
                raise JsxSyntaxError(f"missing value for {attr}", i)
            q = src[i]
            if q in "\"'":
                end = src.find(q, i + 1)
                if end < 0:
                    raise JsxSyntaxError(f"unclosed string in {attr}", i)
                tag.props[attr] = decode_references(src[i + 1 : end])
                i = end + 1
            elif q == "{":
                end = find_brace_end(src, i)
                raw = src[i + 1 : end - 1]
                tag.raw_props[attr] = raw
                value = eval_expression(raw, scope or {})
                if isinstance(value, JsxElement) and (void := _open_void(value.source)):
                    tag.problem = tag.problem or (
                        f"<{name}> {attr}={{…}}: <{void}> is not closed, so MDX (and Mintlify) "
                        f"refuses this page (JSX closes every tag); write <{void} />"
                    )
                if isinstance(value, Expression) and not isinstance(
                    value, (JsxElement, ComponentRef)
                ):
                    if not _HANDLER.match(attr):  # event handlers never run in static docs
                        tag.dropped.append((attr, i + 1 + value.offset, value.problem))
                else:
                    tag.props[attr] = value
                i = end
            elif loose and (um := _UNQUOTED.match(src, i)):
                tag.props[attr] = um.group(0)
                i = um.end()
            else:
                raise JsxSyntaxError(f"expected a quoted or {{...}} value for {attr}", i)
        else:
            tag.props[attr] = True


def _spread(tag: Tag, source: str, scope: dict[str, Any]) -> None:
    """`{...item}`: the keys of an object the page defines become props, in their place among
    the others (a later attribute wins); anything else is left out, as before."""
    try:
        value = eval_js(source, scope)
    except ExprError:
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and key != "children":
                tag.props[key] = item


_VOID_TAG = re.compile(
    r"<(area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)\b"
    r"(?:\s[^<>]*)?(?<!/)>(?![ \t]*</\1\s*>)"
)


def _open_void(markup: str) -> str:
    """The name of a void element written unclosed as HTML writes it (`<img src="x">`) in JSX
    markup, "" when there is none."""
    m = _VOID_TAG.search(markup)
    return m.group(1) if m else ""


def eval_expression(source: str, scope: dict[str, Any]) -> Any:
    """Evaluate a JavaScript expression of the build-time subset (`mintrender.parse.expr`);
    anything else becomes an `Expression` saying why (JSX markup: a `JsxElement`)."""
    text = strip_js_comments(source).strip()
    if not text:
        return Expression(source, "the expression is empty")
    while text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    if text.startswith("<"):
        return JsxElement(text)
    try:
        return eval_js(source, scope)
    except ExprError as exc:
        return Expression(source, exc.message, exc.offset)


def strip_js_comments(text: str) -> str:
    return re.sub(r"/\*.*?\*/", "", text, flags=re.S)


def to_text(value: Any) -> str:
    """How JSX prints a value as a child: strings as-is, numbers, nothing for bool/None."""
    if value is None or isinstance(value, (bool, dict, Expression)):
        return ""
    if isinstance(value, (list, tuple)):
        return "".join(to_text(v) for v in value)
    return js_string(value)
