"""JavaScript's built-in functions the build-time subset offers beyond its core (`expreval`):
`btoa`, `JSON.stringify`, `Math.max` and kin, as a browser computes them."""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from mintrender.parse.expr import MAX_SIZE, ExprError
from mintrender.parse.jsdate import now, parse_date
from mintrender.parse.jsmethods import parse_float, parse_int
from mintrender.parse.jsvalues import js_string, to_number, truthy


def btoa(text: str) -> str:
    """`btoa(text)`: Base64 of Latin-1 text (JavaScript throws beyond U+00FF)."""
    try:
        return base64.b64encode(text.encode("latin-1")).decode("ascii")
    except UnicodeEncodeError:
        raise ExprError("`btoa` of text beyond Latin-1 throws in JavaScript", 0) from None


def stringify(args: list[Any]) -> str:
    """`JSON.stringify(value, null, indent)` (no replacer function)."""
    value = args[0] if args else None
    indent = args[2] if len(args) > 2 and isinstance(args[2], (int, str)) else None
    if isinstance(indent, int):
        indent = min(max(indent, 0), 10) or None
    separators = (",", ": ") if indent else (",", ":")
    return json.dumps(value, indent=indent, separators=separators, ensure_ascii=False)


def parse_json(text: str) -> Any:
    """`JSON.parse(text)`; text that is no JSON throws, as in JavaScript."""
    try:
        return json.loads(text)
    except ValueError as exc:
        raise ExprError(f"`JSON.parse` of text that is no JSON ({exc.args[0]})", 0) from None


def js_math(name: str, numbers: list[float]) -> float:
    """`Math.max`, `min`, `abs`, `floor`, `ceil`, `round` of `numbers`."""
    if name in ("max", "min"):
        if not numbers:  # Math.max() is -Infinity, Math.min() Infinity
            return -math.inf if name == "max" else math.inf
        return max(numbers) if name == "max" else min(numbers)
    value = numbers[0] if numbers else math.nan
    if not math.isfinite(value):
        return value
    if name == "abs":
        return abs(value)
    if name == "floor":
        return math.floor(value)
    if name == "ceil":
        return math.ceil(value)
    return math.floor(value + 0.5)  # Math.round: halves up


_BLOCK_RUNNER: list[Callable[[str, dict[str, Any]], Any]] = []
"""The runner of `{ ... }` function bodies (`prelude`'s statements: `parse.blocks`)."""


def set_block_runner(runner: Callable[[str, dict[str, Any]], Any]) -> None:
    """Make `runner(block, scope)` run the block bodies of functions expressions define."""
    _BLOCK_RUNNER[:] = [runner]


def run_block(block: str, scope: dict[str, Any]) -> Any:
    """The value a function's `{ ... }` body returns, its parameters bound in `scope`
    (raises ExprError for a body the build cannot run)."""
    if not _BLOCK_RUNNER:
        raise ExprError("functions with a `{ ... }` body cannot run at build time", 0)
    return _BLOCK_RUNNER[0](block, scope)


def bind_params(
    params: tuple[Any, ...], args: list[Any], default: Callable[[str, dict[str, Any]], Any]
) -> dict[str, Any]:
    """Each parameter's value for a call with `args` (`expr.param_specs`: names, defaults,
    `{ a, b = 1 }` and `[k, v]` patterns, `...rest`); `default(source, bound)` computes a
    default where its argument is undefined, reading the parameters bound before it."""
    bound: dict[str, Any] = {}
    for i, spec in enumerate(params):
        value = args[i] if i < len(args) else None
        if isinstance(spec, str):
            bound[spec] = value
            continue
        kind = spec[0]
        if kind == "rest":
            bound[spec[1]] = list(args[i:])
            break
        if kind == "default":
            bound[spec[1]] = default(spec[2], bound) if value is None else value
            continue
        if value is None and spec[-1]:  # `({ a } = {})`
            value = default(spec[-1], bound)
        if kind == "object":
            given = value if isinstance(value, dict) else {}
            for key, local, fallback in spec[1]:
                found = given.get(key)
                bound[local] = default(fallback, bound) if found is None and fallback else found
            if spec[2]:
                named = {key for key, _, _ in spec[1]}
                bound[spec[2]] = {k: v for k, v in given.items() if k not in named}
        else:  # array
            items = value if isinstance(value, list) else []
            for j, item in enumerate(spec[1]):
                if item is None:
                    continue
                found = items[j] if j < len(items) else None
                bound[item[0]] = default(item[1], bound) if found is None and item[1] else found
    return bound


GLOBALS: dict[str, Callable[[list[Any]], Any]] = {
    "String": lambda args: js_string(args[0]) if args else "",
    "Number": lambda args: to_number(args[0]) if args else 0,
    "Boolean": lambda args: truthy(args[0]) if args else False,  # `.filter(Boolean)`
    "encodeURIComponent": lambda args: quote(
        js_string(args[0]) if args else "undefined", safe="-_.!~*'()"
    ),
    "encodeURI": lambda args: quote(
        js_string(args[0]) if args else "undefined", safe="-_.!~*'();/?:@&=+$,#"
    ),
    "btoa": lambda args: btoa(js_string(args[0]) if args else "undefined"),
    "parseInt": parse_int,
    "parseFloat": parse_float,
}
"""The global functions of the build-time subset (`expreval`)."""


def _object(args: list[Any]) -> dict[str, Any]:
    value = args[0] if args else None
    return value if isinstance(value, dict) else {}


def _array_from(args: list[Any]) -> list[Any]:
    """`Array.from(items, (v, i) => …)`, `Array.from({ length: 3 }, (_, i) => i)`."""
    source = args[0] if args else None
    if isinstance(source, dict):
        count = to_number(source.get("length"))
        if count == count and count > MAX_SIZE:  # a bound on the page's size, as elsewhere
            raise ExprError(f"builds a value larger than {MAX_SIZE:,}", 0)
        items: list[Any] = [None] * int(count) if count == count and count >= 0 else []
    else:
        items = list(source) if isinstance(source, (list, str)) else []
    if len(args) > 1:
        if not callable(args[1]):
            raise ExprError("`Array.from()` needs a function `(x) => ...` at build time", 0)
        return [args[1](v, i) for i, v in enumerate(items)]
    return items


def array_of(args: list[Any]) -> list[Any]:
    """`Array(3)` or `new Array(3)`: that many undefined items (bounded as `Array.from` is);
    `Array("a", "b")`: those items."""
    if len(args) == 1 and isinstance(args[0], (int, float)) and not isinstance(args[0], bool):
        return _array_from([{"length": args[0]}])
    return list(args)


def _math(name: str) -> Callable[[list[Any]], Any]:
    return lambda args: js_math(name, [to_number(a) for a in args])


NAMESPACES: dict[str, dict[str, Callable[[list[Any]], Any]]] = {
    "Date": {"now": now, "parse": parse_date},
    "Object": {
        "keys": lambda args: list(_object(args)),
        "values": lambda args: list(_object(args).values()),
        "entries": lambda args: [[k, v] for k, v in _object(args).items()],
        "fromEntries": lambda args: {
            js_string(e[0]): e[1] if len(e) > 1 else None
            for e in (args[0] if args and isinstance(args[0], list) else [])
            if isinstance(e, list) and e
        },
        "assign": lambda args: {k: v for a in args if isinstance(a, dict) for k, v in a.items()},
    },
    "Array": {
        "isArray": lambda args: bool(args) and isinstance(args[0], list),
        "from": _array_from,
    },
    "Number": {
        "isInteger": lambda args: (
            bool(args)
            and isinstance(args[0], (int, float))
            and not isinstance(args[0], bool)
            and float(args[0]).is_integer()
        ),
        "parseFloat": parse_float,
        "parseInt": parse_int,
    },
    "JSON": {
        "stringify": stringify,
        "parse": lambda args: parse_json(js_string(args[0]) if args else ""),
    },
    "Math": {name: _math(name) for name in ("max", "min", "abs", "floor", "ceil", "round")},
}
"""Pure functions of global objects (`Object.entries(plans)`, to `.map` in MDX;
`Array.isArray(rows)`, a component's guard)."""
