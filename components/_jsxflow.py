"""Flow expressions that make elements: the `{...}` blocks of MDX that hold JSX.

    {tasks.map((task) => (
      <Card key={task.href} title={task.title} href={task.href} />
    ))}
    {plan === "pro" && <Tip>Pro only</Tip>}
    {beta ? <Warning>Beta</Warning> : null}

Mintlify runs them in the browser with React; the build runs the JavaScript subset of
`mintrender.parse.expr` and turns each expression into the stretches of JSX it yields, each
with the names it binds (`Fragment`): `.map` over an array the page can evaluate (exported,
imported, in docs.json `variables`), with an arrow function whose parameters are a name, a
name and an index, or destructured object keys, and whose body is JSX, `( JSX )`, another such
expression or `{ return JSX; }`; `cond && JSX`; `cond ? a : b`; `null`, `false`, `undefined`.
The caller parses each stretch as MDX in its scope (`_jsx.py`). Nothing is ever executed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from mintrender.components._jsxparse import (
    Expression,
    JsxSyntaxError,
    eval_expression,
    parse_tag,
    skip_string,
    to_text,
)
from mintrender.components._jsxscan import find_close
from mintrender.parse.expr import param_specs
from mintrender.parse.expreval import Opaque
from mintrender.parse.jsglobals import bind_params
from mintrender.parse.jsvalues import truthy
from mintrender.parse.jsxtext import Children
from mintrender.parse.prelude import (
    JsxFunction,
    JsxLocal,
    Local,
    markup_call,
    run_locals,
    split_block,
)

MAX_ITEMS = 1000
"""Items one `.map` may run over: a longer array leaves the expression out, with a warning."""
MAX_DEPTH = 16
"""Expressions nested in one another (a `.map` in a `.map` ...)."""

_NAME = r"[A-Za-z_$][\w$]*"
_CALLBACK = re.compile(rf"\s*(?:\((?P<params>[^()]*)\)|(?P<name>{_NAME}))\s*=>\s*", re.S)
_RETURN = re.compile(r"\{\s*return\s+", re.S)
_HELPER_CALL = re.compile(rf"({_NAME})\s*\((.*)\)", re.S)
_VOID = frozenset({"null", "undefined", "false", "true", ""})


@dataclass(frozen=True, slots=True)
class Fragment:
    """JSX markup at `src[start:end]`, to be read with `scope`; or, for a value a branch or a
    callback gives (`"no"`, `item.name`), `text`: that value as Markdown that reads as itself."""

    start: int
    end: int
    scope: dict[str, Any]
    text: str | None = None
    source: str | None = None
    """Where `start:end` are, when not in the expression's own text: the markup a name holds
    (`const card = <div/>`)."""

    def markup(self, src: str) -> str:
        if self.text is not None:
            return self.text
        return (src if self.source is None else self.source)[self.start : self.end]


class FlowError(Exception):
    """An element-making expression the build cannot run: `offset` in src, and why."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


def shown(source: str, width: int = 60) -> str:
    """`{...}` source as a message shows it: on one line, cut to `width` (keeping its `}`)."""
    text = " ".join(source.split())
    return text if len(text) <= width else text[: width - 4] + "...}"


def left_out(src: str, start: int, end: int, why: str) -> str:
    """The warning for the expression `src[start:end]` (braces included) that cannot run."""
    return f"{shown(src[start:end])} cannot be evaluated at build time ({why}); it is left out"


def flow_fragments(src: str, start: int, end: int, scope: dict[str, Any]) -> list[Fragment] | None:
    """The JSX an expression `src[start:end]` (inside its braces) yields, in order; None when
    it is not an element-making expression (a plain value: the inline rule prints it). Raises
    `FlowError` for one that is but cannot run at build time."""
    return _fragments(src, start, end, scope, 0)


def _fragments(
    src: str, start: int, end: int, scope: dict[str, Any], depth: int
) -> list[Fragment] | None:
    if depth > MAX_DEPTH:
        raise FlowError(f"expressions nest more than {MAX_DEPTH} deep", start)
    start, end = _trim(src, start, end)
    while start < end and src[start] == "(" and _group_end(src, start, end) == end:
        start, end = _trim(src, start + 1, end - 1)
    text = src[start:end]
    if text in _VOID:
        return []
    if src[start] == "<":
        if _element_end(src, start, end, scope) != end:  # `<li/>; }).x`: never shown as text
            raise FlowError("JavaScript follows this element", start)
        return [Fragment(start, end, scope)]
    call = _HELPER_CALL.fullmatch(text)
    helper = scope.get(call.group(1)) if call else None
    if call and isinstance(helper, JsxFunction):  # `(x) => pill(x.id)`: the markup it gives
        args = eval_expression("[" + call.group(2) + "]", scope)
        if not isinstance(args, list):
            raise FlowError(f"`{shown(text, 42)}`: its arguments cannot be computed", start)
        return _called(helper, args, scope, depth)
    if text.startswith(_ARRAY_FROM) and src[end - 1] == ")":  # `Array.from({ length: n }, f)`
        comma = _top_level(src, start + len(_ARRAY_FROM), end - 1, ",")
        if comma is not None and _group_end(src, start + len(_ARRAY_FROM) - 1, end) == end:
            items = _value(src, start, comma[1], scope, ")")
            if not isinstance(items, list):
                raise FlowError("`Array.from` needs an array or a `{ length }`", start)
            return _map_items(src, items, comma[1] + 1, end - 1, scope, depth)
    found = _top_level(src, start, end)
    if found is None:  # a plain value: the inline rule prints one that is the whole expression
        if depth == 0 and not holds_markup(text, scope):
            return None
        value = _value(src, start, end, scope)
        if isinstance(value, JsxLocal):  # `cond ? <a>{card}</a> : card`: the markup it holds
            return _local_markup(value, scope, depth)
        if isinstance(value, Children):  # `cond ? <b/> : children`: what the tag holds, as MDX
            source = value.source.strip()
            return [
                Fragment(start, end, scope, f"\n\n{source}\n\n" if "\n" in value.source else source)
            ]
        return _text(src, start, end, scope)
    kind, at = found
    if kind == ".map(":
        return _map(src, start, at, end, scope, depth)
    if kind == "&&":
        left = _value(src, start, at, scope)
        if truthy(left):
            return _fragments(src, at + 2, end, scope, depth + 1) or []
        if isinstance(left, (int, float)) and not isinstance(left, bool):  # React shows 0, NaN
            return [Fragment(start, at, scope, to_text(left))]
        return []
    # `cond ? a : b`
    cond = _value(src, start, at, scope)
    first, colon = _consequent(src, at + 1, end, scope)
    if truthy(cond):
        return _fragments(src, first, colon, scope, depth + 1) or []
    return _fragments(src, colon + 1, end, scope, depth + 1) or []


def _map(
    src: str, start: int, at: int, end: int, scope: dict[str, Any], depth: int
) -> list[Fragment]:
    if src[end - 1] != ")":
        raise FlowError("only a `.map(...)` that ends the expression can run at build time", at)
    close = _group_end(src, at + len(".map"), end)
    items = _array(src, start, at, scope, depth)
    if len(items) > MAX_ITEMS:  # a bound on the page's size: the whole expression is left out
        raise FlowError(f"`.map` of {len(items)} items, more than {MAX_ITEMS}", at)
    if close == end:
        return _map_items(src, items, at + len(".map("), end - 1, scope, depth)
    groups = _map_groups(src, items, at + len(".map("), close - 1, scope, depth)
    return [f for group in _chained(src, close, end, groups, scope) for f in group]


_CHAINED = re.compile(rf"\s*\.\s*({_NAME})\s*\(")
_IDENTITY = re.compile(rf"\s*(?:\(\s*({_NAME})\s*\)|({_NAME}))\s*=>\s*(?:!!\s*)?({_NAME})\s*")


def _chained(
    src: str, start: int, end: int, groups: list[list[Fragment]], scope: dict[str, Any]
) -> list[list[Fragment]]:
    """The items a `.map(...)` made (each item's fragments), after the array methods chained
    to it (`.filter(Boolean)`, `.slice(0, 3)`, `.reverse()`, `.join(", ")` of text items);
    FlowError for any other: the expression is left out, never shown as source."""
    while start < end:
        m = _CHAINED.match(src, start, end)
        if m is None:
            raise FlowError("only array methods can follow a `.map(...)` at build time", start)
        close = _group_end(src, m.end() - 1, end)
        method, args = m.group(1), src[m.end() : close - 1].strip()
        identity = _IDENTITY.fullmatch(args)
        if method == "filter" and (
            args == "Boolean"
            or (identity and (identity.group(1) or identity.group(2)) == identity.group(3))
        ):  # `null` and `false` items, which draw nothing, go
            groups = [g for g in groups if any(f.text is None or f.text for f in g)]
        elif method in ("slice", "reverse", "flat", "join"):
            values = eval_expression("[" + args + "]", scope)
            if not isinstance(values, list) or not all(
                isinstance(v, (int, float, str)) or v is None for v in values
            ):
                raise FlowError(f"`.{method}(...)` after a `.map`: its arguments cannot run", start)
            groups = _array_method(method, values, groups, start)
        else:
            raise FlowError(f"`.{method}(...)` after a `.map` cannot run at build time", start)
        start = close
    return groups


def _array_method(
    method: str, args: list[Any], groups: list[list[Fragment]], at: int
) -> list[list[Fragment]]:
    """`slice`, `reverse`, `flat` or `join` of the items a `.map` made, as JavaScript does them."""
    if method == "reverse":
        return groups[::-1]
    if method == "flat":
        return groups
    if method == "slice":
        bounds = [int(a) if isinstance(a, (int, float)) else 0 for a in args[:2]]
        return groups[slice(*bounds)] if bounds else groups
    # `join`: text items (what a callback gives as a value) joined into one text
    if any(f.text is None for g in groups for f in g):
        raise FlowError("`.join(...)` of elements cannot run at build time", at)
    sep = "," if not args or args[0] is None else to_text(args[0])
    joined = _PUNCTUATION.sub(r"\\\1", sep).join("".join(f.text or "" for f in g) for g in groups)
    return [[Fragment(at, at, {}, joined)]] if joined else []


_ARRAY_FROM = "Array.from("


def _map_items(
    src: str, items: list[Any], start: int, end: int, scope: dict[str, Any], depth: int
) -> list[Fragment]:
    """The fragments the callback `src[start:end]` (an arrow function or a markup helper's
    name) gives for each item, in order."""
    return [f for group in _map_groups(src, items, start, end, scope, depth) for f in group]


def _map_groups(
    src: str, items: list[Any], start: int, end: int, scope: dict[str, Any], depth: int
) -> list[list[Fragment]]:
    """`_map_items`, each item's fragments apart (what methods chained to the `.map` see)."""
    if len(items) > MAX_ITEMS:  # a bound on the page's size: the whole expression is left out
        raise FlowError(f"`.map` of {len(items)} items, more than {MAX_ITEMS}", start)
    named = scope.get(src[start:end].strip())
    if isinstance(named, JsxFunction):  # `items.map(renderCard)`: a helper that gives markup
        return [_called(named, [item, i], scope, depth) for i, item in enumerate(items)]
    binds, body, body_end = _callback(src, start, end, "map")
    locals_, body, body_end = _statements_before(src, body, body_end)
    out: list[list[Fragment]] = []
    for i, item in enumerate(items):
        bound = _bound(scope, binds, item, i)
        early = run_locals(locals_, bound)[1] if locals_ else None
        if isinstance(early, str) and early.strip() in _NOTHING:  # `if (!rec) return null;`
            out.append([])
            continue
        if isinstance(early, Expression):
            raise FlowError("the `.map` callback returns early: only known in the browser", body)
        if early is not None:  # `if (i === 0) { return <b/> }`: what that return gives
            returned = getattr(early, "raw", early)
            out.append(_local_markup(JsxLocal(returned), bound, depth) if returned else [])
            continue
        made = _fragments(src, body, body_end, bound, depth + 1)
        if made is None:
            raise FlowError("the `.map` callback must give JSX", body)
        out.append(made)
    return out


_CALLED_NAME = re.compile(rf"(?<![\w$.])({_NAME})\s*\(")
_MAP_BY_NAME = re.compile(rf"\.map\(\s*({_NAME})\s*\)")


_NOTHING = frozenset(("", "{null}", "{undefined}", "{false}"))
"""What a callback's early return draws nothing with."""


def _statements_before(src: str, body: int, body_end: int) -> tuple[tuple[Local, ...], int, int]:
    """The statements of a `{ ...; return (...); }` callback before its return, and where the
    returned expression is (none, and the body as it is, for an expression body or one that
    only returns); FlowError for statements that cannot run at build time."""
    if src[body] != "{" or _RETURN.match(src, body, body_end):
        return (), body, body_end
    found = split_block(src[body:body_end])
    if found is None:
        raise FlowError("the `.map` callback's statements cannot run at build time", body)
    returned = found[1].strip()
    at = src.rfind(returned, body, body_end)
    if at < 0:
        raise FlowError("the `.map` callback's return cannot be read at build time", body)
    end = at + len(returned)
    while end > at and src[end - 1] == ";":
        end -= 1
    return found[0], *_trim(src, at, end)


def maps_markup(text: str, scope: dict[str, Any]) -> bool:
    """Whether `text` maps over items with a named helper that gives markup
    (`items.map(renderCard)`, `const renderCard = (c) => <Card …/>`)."""
    if any(isinstance(scope.get(m.group(1)), JsxFunction) for m in _MAP_BY_NAME.finditer(text)):
        return True
    return ".map(" in text and any(  # `items.map((x) => pill(x))`
        isinstance(scope.get(m.group(1)), JsxFunction) for m in _CALLED_NAME.finditer(text)
    )


def holds_markup(text: str, scope: dict[str, Any]) -> bool:
    """Whether `text` is a name whose value is markup (`const card = <div/>`)."""
    return isinstance(scope.get(text.strip()), JsxLocal)


def _local_markup(value: JsxLocal, scope: dict[str, Any], depth: int) -> list[Fragment]:
    """The fragments of the markup a name holds (`const card = <div/>`, or a `cond ? <A/> :
    <B/>` of its own), read where the name is used, in `scope`."""
    source = value.source
    made = _fragments(source, 0, len(source), scope, depth + 1) or []
    return [
        f if f.text is not None or f.source else Fragment(f.start, f.end, f.scope, None, source)
        for f in made
    ]


def _called(
    helper: JsxFunction, args: list[Any], scope: dict[str, Any], depth: int
) -> list[Fragment]:
    """The fragments of the markup a helper gives for `args`, read in its own text."""
    drawn = markup_call(helper, args, scope)
    if drawn is None:
        raise FlowError("the `.map` callback's parameters cannot be read", 0)
    return _local_markup(JsxLocal(drawn[0]), drawn[1], depth)


_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def _text(src: str, start: int, end: int, scope: dict[str, Any]) -> list[Fragment]:
    """A value as text: every ASCII punctuation mark escaped, so Markdown reads it as itself."""
    text = to_text(_value(src, start, end, scope))
    return [Fragment(start, end, scope, _PUNCTUATION.sub(r"\\\1", text))] if text else []


def _array(src: str, start: int, end: int, scope: dict[str, Any], depth: int) -> list[Any]:
    """The array `src[start:end]` names: a value of the page, or such an array's
    `.filter((item) => condition)` (one after another)."""
    start, end = _trim(src, start, end)
    found = _top_level(src, start, end, ".filter(")
    if found is not None and src[end - 1] == ")":
        at = found[1]
        if _group_end(src, at + len(".filter"), end) == end:
            if depth > MAX_DEPTH:
                raise FlowError(f"expressions nest more than {MAX_DEPTH} deep", at)
            base = _array(src, start, at, scope, depth + 1)
            binds, body, body_end = _callback(src, at + len(".filter("), end - 1, "filter")
            return [
                item
                for i, item in enumerate(base)
                if truthy(_value(src, body, body_end, _bound(scope, binds, item, i)))
            ]
    items = _value(src, start, end, scope)
    if isinstance(items, dict):
        raise FlowError("`.map` of an object (not an array) cannot run", start)
    if not isinstance(items, (list, tuple)):
        raise FlowError("`.map` needs an array the page defines", start)
    return list(items)


Binds = list[Any]
"""A callback's parameters (`expr.param_specs`): `item`, `{ title, on = false }, i`, `[k, v]`."""


def _callback(src: str, start: int, end: int, method: str) -> tuple[Binds, int, int]:
    """The parameters of the arrow function `src[start:end]` and where its body is (the
    expression a `{ return ...; }` body returns)."""
    m = _CALLBACK.match(src, start, end)
    if m is None:
        raise FlowError(
            f"the `.{method}` callback must be an arrow function `(item) => ...`", start
        )
    binds = param_specs(m.group("params") if m.group("params") is not None else m.group("name"))
    if binds is None or len(binds) > 2:
        raise FlowError(f"the `.{method}` callback's parameters cannot be read", start)
    body, body_end = _trim(src, m.end(), end)
    if body < body_end and src[body] == "{" and _group_end(src, body, body_end) != body_end:
        raise FlowError(f"the `.{method}` callback's body cannot be read", body)
    r = _RETURN.match(src, body, body_end)
    if r is not None:  # `{ return (...); }`
        inner_end = body_end - 1 if src[body_end - 1] == "}" else body_end
        body, body_end = _trim(src, r.end(), inner_end)
        while body_end > body and src[body_end - 1] == ";":
            body, body_end = _trim(src, body, body_end - 1)
    return binds, body, body_end


def _bound(scope: dict[str, Any], binds: Binds, item: Any, index: int) -> dict[str, Any]:
    """`scope` with a callback's parameters bound to an item and its index (a default read
    where the item leaves it undefined)."""

    def default(source: str, bound: dict[str, Any]) -> Any:
        value = eval_expression(source, {**scope, **bound})
        return None if isinstance(value, Expression) else value

    return {**scope, **bind_params(tuple(binds), [item, index], default)}


def _value(src: str, start: int, end: int, scope: dict[str, Any], close: str = "") -> Any:
    value = eval_expression(src[start:end] + close, scope)
    if isinstance(value, Expression) and not isinstance(value, Opaque):  # markup is a value
        raise FlowError(value.problem or "it cannot be evaluated", start + value.offset)
    return value


def _consequent(src: str, start: int, end: int, scope: dict[str, Any]) -> tuple[int, int]:
    """(start of `a`, offset of the `:`) in `? a : b`."""
    first, _ = _trim(src, start, end)
    if first >= end:
        raise FlowError("`?` without a value", start)
    if src[first] == "<":
        stop = _element_end(src, first, end, scope)
    elif src[first] == "(":
        stop = _group_end(src, first, end)
    else:
        found = _top_level(src, first, end, ":")
        if found is None:
            raise FlowError("`?` without `:`", start)
        return first, found[1]
    colon, _ = _trim(src, stop, end)
    if colon >= end or src[colon] != ":":
        raise FlowError("`?` without `:`", stop)
    return first, colon


def _element_end(src: str, start: int, end: int, scope: dict[str, Any]) -> int:
    try:
        tag = parse_tag(src, start, scope)
    except JsxSyntaxError as exc:
        raise FlowError(exc.message, exc.offset) from None
    if tag.self_closing or tag.closing:
        return tag.end
    close = find_close(src, tag.name, tag.end, end, scope)
    if close is None:
        raise FlowError(f"<{tag.name}> is never closed", start)
    return close[1]


def _trim(src: str, start: int, end: int) -> tuple[int, int]:
    while start < end and src[start].isspace():
        start += 1
    while end > start and src[end - 1].isspace():
        end -= 1
    return start, end


def _walk(src: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Each character outside strings and templates: (offset, brackets open before it)."""
    depth = 0
    i = start
    while i < end:
        ch = src[i]
        if ch in "\"'`":
            i = skip_string(src, i, end)
            continue
        yield i, depth
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        i += 1


def _group_end(src: str, start: int, end: int) -> int:
    """Offset after the bracket closing the one at `src[start]` (strings skipped)."""
    for i, depth in _walk(src, start, end):
        if depth == 1 and src[i] in ")]}":
            return i + 1
    raise FlowError("unbalanced brackets", start)


def _top_level(src: str, start: int, end: int, only: str | None = None) -> tuple[str, int] | None:
    """The first `.map(`, `&&` or `?` (or only `only`) outside brackets and strings, with its
    offset; the JavaScript before it holds no JSX."""
    for i, depth in _walk(src, start, end):
        ch = src[i]
        if depth or ch in "([{)]}":
            continue
        if only is not None:
            if src.startswith(only, i):
                return only, i
        elif src.startswith(".map(", i):
            return ".map(", i
        elif src.startswith("&&", i):
            return "&&", i
        elif ch == "?" and src[i + 1 : i + 2] not in ("?", ".") and src[i - 1] != "?":
            return "?", i
        elif ch == "<" and not _comparison(src, start, i):
            return None  # JSX before any of them: not ours
    return None


def _comparison(src: str, start: int, at: int) -> bool:
    """Is the `<` at `at` a less-than (`i < items.length - 1 && <Sep/>`)? It follows an
    operand (a name, a number, a closing bracket), as JavaScript reads it; JSX follows an
    operator or nothing."""
    before = src[start:at].rstrip()
    if _KEYWORD_END.search(before):  # `return <li/>`
        return False
    return bool(before) and (before[-1].isalnum() or before[-1] in "_$)]")


_KEYWORD_END = re.compile(r"(?<![\w$])(?:return|typeof|void|case|else|yield|await|in|of|new)$")
