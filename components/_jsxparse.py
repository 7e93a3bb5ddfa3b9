"""Pure parsers for JSX tags and the JavaScript literals used as props.

Grammar (a subset of JSX that real Mintlify pages use)::

    tag        := "<" "/"? name? attribute* S* "/"? ">"
    name       := [A-Za-z][A-Za-z0-9_.:-]*          (dotted: Tree.Folder)
    attribute  := S+ attr-name ("=" value)?  |  S* "{" "..." expr "}"   (spread, ignored)
    value      := '"' ... '"' | "'" ... "'" | "{" js-expression "}"
    js-value   := number | string | template | true | false | null | undefined
                | array | object | identifier ("." identifier)*   (looked up in a scope)

Errors raise `JsxSyntaxError(message, offset)`; callers catch it and decline or diagnose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_.:\-]*")
_ATTR_NAME = re.compile(r"[A-Za-z_:$@][A-Za-z0-9_:.$\-]*")
_WS = re.compile(r"\s*")
_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_IDENT = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
_UNQUOTED = re.compile(r"[^\s>\"'=<`{}]+(?<!/)")


class JsxSyntaxError(Exception):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


@dataclass(frozen=True, slots=True)
class Expression:
    """A `{...}` prop that is not a plain literal (JSX, function, unknown identifier)."""

    source: str


@dataclass(frozen=True, slots=True)
class JsxElement(Expression):
    """A `{<svg .../>}` prop: JSX markup; `ctx.markdown(value.source, inline=True)` renders it."""


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
    problem: str = ""
    """Why a strict parse failed, when the tag was read loosely."""


def find_brace_end(src: str, pos: int) -> int:
    """Offset after the `}` matching the `{` at `pos`, skipping strings, templates, comments."""
    depth = 0
    i = pos
    n = len(src)
    while i < n:
        ch = src[i]
        if ch in "\"'":
            j = i + 1
            while j < n and src[j] != ch:
                if src[j] == "\\":
                    j += 1
                elif src[j] == "\n" and ch != "`":
                    break
                j += 1
            i = j + 1
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
        if ch in "{[(":
            depth += 1
        elif ch in "}])":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise JsxSyntaxError("unclosed `{`", pos)


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
        i += 1
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
    while True:
        ws = _WS.match(src, i)
        had_space = ws.end() > i  # type: ignore[union-attr]
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
            if not (inner.startswith("...") or (inner.startswith("/*") and inner.endswith("*/"))):
                raise JsxSyntaxError("unexpected `{` in tag", i)
            i = end
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
                tag.props[attr] = src[i + 1 : end]
                i = end + 1
            elif q == "{":
                end = find_brace_end(src, i)
                raw = src[i + 1 : end - 1]
                tag.raw_props[attr] = raw
                tag.props[attr] = eval_expression(raw, scope or {})
                i = end
            elif loose and (um := _UNQUOTED.match(src, i)):
                tag.props[attr] = um.group(0)
                i = um.end()
            else:
                raise JsxSyntaxError(f"expected a quoted or {{...}} value for {attr}", i)
        else:
            tag.props[attr] = True


def eval_expression(source: str, scope: dict[str, Any]) -> Any:
    """Evaluate a JS literal or scoped identifier; anything else becomes an `Expression`."""
    text = strip_js_comments(source).strip()
    if not text:
        return Expression(source)
    while text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    if text.startswith("<"):
        return JsxElement(text)
    try:
        value, end = _JsValue(text, scope).parse(0)
    except (JsxSyntaxError, KeyError, IndexError, ValueError, TypeError):
        return Expression(source)
    if _WS.match(text, end).end() != len(text):  # type: ignore[union-attr]
        return Expression(source)
    return value


def strip_js_comments(text: str) -> str:
    return re.sub(r"/\*.*?\*/", "", text, flags=re.S)


class _JsValue:
    """Recursive-descent parser for JSON-like JavaScript literals."""

    def __init__(self, text: str, scope: dict[str, Any]) -> None:
        self.text = text
        self.scope = scope

    def ws(self, i: int) -> int:
        while True:
            i = _WS.match(self.text, i).end()  # type: ignore[union-attr]
            if self.text.startswith("//", i):
                nl = self.text.find("\n", i)
                i = len(self.text) if nl < 0 else nl
                continue
            return i

    def parse(self, i: int) -> tuple[Any, int]:
        t = self.text
        i = self.ws(i)
        if i >= len(t):
            raise JsxSyntaxError("unexpected end", i)
        ch = t[i]
        if ch in "\"'":
            end = i + 1
            while end < len(t) and t[end] != ch:
                end += 2 if t[end] == "\\" else 1
            raw = t[i + 1 : end]
            return _unescape(raw), end + 1
        if ch == "`":
            end = i + 1
            out = []
            while end < len(t) and t[end] != "`":
                if t.startswith("${", end):
                    close = find_brace_end(t, end + 1)
                    value = eval_expression(t[end + 2 : close - 1], self.scope)
                    if isinstance(value, Expression):
                        raise JsxSyntaxError("template expression", end)
                    out.append(to_text(value))
                    end = close
                    continue
                if t[end] == "\\" and end + 1 < len(t):
                    out.append(t[end + 1])
                    end += 2
                    continue
                out.append(t[end])
                end += 1
            return "".join(out), end + 1
        if ch == "[":
            items = []
            i = self.ws(i + 1)
            while t[i] != "]":
                value, i = self.parse(i)
                items.append(value)
                i = self.ws(i)
                if t[i] == ",":
                    i = self.ws(i + 1)
            return items, i + 1
        if ch == "{":
            obj: dict[str, Any] = {}
            i = self.ws(i + 1)
            while t[i] != "}":
                if t[i] in "\"'":
                    key, i = self.parse(i)
                else:
                    m = _IDENT.match(t, i) or _NUMBER.match(t, i)
                    if not m:
                        raise JsxSyntaxError("object key", i)
                    key, i = m.group(0), m.end()
                i = self.ws(i)
                if t[i] == ":":
                    obj[str(key)], i = self.parse(i + 1)
                else:  # shorthand {a}
                    obj[str(key)] = self.scope[str(key)]
                i = self.ws(i)
                if t[i] == ",":
                    i = self.ws(i + 1)
            return obj, i + 1
        m = _NUMBER.match(t, i)
        if m:
            num = m.group(0)
            return (float(num) if any(c in num for c in ".eE") else int(num)), m.end()
        m = _IDENT.match(t, i)
        if m:
            word = m.group(0)
            if word in ("true", "false"):
                return word == "true", m.end()
            if word in ("null", "undefined"):
                return None, m.end()
            value = self.scope[word]
            i = m.end()
            while i < len(t) and t[i] == ".":
                m = _IDENT.match(t, i + 1)
                if not m or not isinstance(value, dict):
                    raise JsxSyntaxError("member access", i)
                value = value.get(m.group(0))
                i = m.end()
            return value, i
        raise JsxSyntaxError(f"unexpected {ch!r}", i)


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def _unescape(raw: str) -> str:
    """JavaScript string escapes: `\\n`, `\\"`, `\\u00e9`, `\\x41`; unknown ones drop the backslash."""
    if "\\" not in raw:
        return raw
    out: list[str] = []
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch != "\\" or i + 1 >= len(raw):
            out.append(ch)
            i += 1
            continue
        nxt = raw[i + 1]
        hex_len = 4 if nxt == "u" else 2 if nxt == "x" else 0
        digits = raw[i + 2 : i + 2 + hex_len]
        if (
            hex_len
            and len(digits) == hex_len
            and all(c in "0123456789abcdefABCDEF" for c in digits)
        ):
            out.append(chr(int(digits, 16)))
            i += 2 + hex_len
            continue
        out.append(_ESCAPES.get(nxt, "" if nxt == "\n" else nxt))
        i += 2
    return "".join(out)


def to_text(value: Any) -> str:
    """How JSX prints a value as a child: strings as-is, numbers, nothing for bool/None."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return "".join(to_text(v) for v in value)
    if isinstance(value, Expression):
        return ""
    return str(value)
