"""JavaScript's value semantics for the build-time subset (`expreval`): truthiness, `Number()`,
`String()` and the two equalities, as a browser computes them."""

from __future__ import annotations

import math
from typing import Any

from mintrender.load.yaml12 import js_number
from mintrender.parse.expr import NUMBER


class JsObject:
    """A built-in object of the subset (`Date`, `Intl.NumberFormat`): what `String(x)` and
    `Number(x)` give for it."""

    __slots__ = ()

    def js_text(self) -> str:
        return "[object Object]"

    def js_number(self) -> int | float:
        return math.nan


def truthy(value: Any) -> bool:
    """JavaScript truthiness: "", 0, NaN, false, null and undefined are false; [] and {} true."""
    if value is None or value is False:
        return False
    if isinstance(value, (int, float)):
        return value == value and value != 0
    if isinstance(value, str):
        return value != ""
    return True


def to_number(value: Any) -> int | float:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return value
    if value is None:
        return math.nan
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return 0
        try:
            return _tidy(float(text)) if NUMBER.fullmatch(text.lstrip("+-")) else math.nan
        except ValueError:
            return math.nan
    if isinstance(value, list):
        return to_number(_js_string(value))
    if isinstance(value, JsObject):
        return value.js_number()
    return math.nan


def _tidy(value: int | float) -> int | float:
    """Integral floats within the safe range as ints (so `2` prints as "2", a prop as 2)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _js_string(value: Any) -> str:
    """JavaScript's String(value)."""
    if isinstance(value, str):
        return value
    if value is None:
        return "undefined"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return js_number(value)
    if isinstance(value, list):
        return ",".join("" if v is None else _js_string(v) for v in value)
    if isinstance(value, dict):
        return "[object Object]"
    if isinstance(value, JsObject):
        return value.js_text()
    return "function"


def js_string(value: Any) -> str:
    """JavaScript's String(value), for callers that print an evaluated value."""
    return _js_string(value)


def strict_equal(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    if a is None or b is None:
        return a is None and b is None
    return a is b


def loose_equal(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if type(a) is type(b) or (isinstance(a, str) and isinstance(b, str)):
        return strict_equal(a, b)
    if isinstance(a, (int, float, str, bool)) and isinstance(b, (int, float, str, bool)):
        return to_number(a) == to_number(b)
    return False


def arithmetic(op: str, a: int | float, b: int | float) -> int | float:
    """`a op b` for `-`, `*`, `**`, `/` and `%`, as JavaScript computes them (division by
    zero gives Infinity or NaN; `%` is the remainder with the dividend's sign)."""
    if op == "-":
        return _tidy(a - b)
    if op == "*":
        return _tidy(a * b)
    if op == "**":
        try:
            return _tidy(math.nan if math.isnan(b) else math.pow(a, b))
        except (OverflowError, ValueError):  # `10 ** 400`, `(-8) ** 0.5`
            return math.nan if a < 0 else math.inf
    if op == "/":
        if b == 0:
            return (
                math.nan
                if a == 0 or math.isnan(a)
                else math.copysign(math.inf, a) * (-1 if math.copysign(1, b) < 0 else 1)
            )
        return _tidy(a / b)
    if b == 0 or math.isinf(a) or math.isnan(a) or math.isnan(b):  # "%"
        return math.nan
    return _tidy(math.fmod(a, b))


class JsSet(list[Any]):
    """`new Set(items)`: its items once each, in order (an array with `.size` and `.has`)."""


class JsMap(dict[str, Any]):
    """`new Map(entries)`: an object with `.size`, `.get` and `.has`."""


def make_collection(kind: str, args: list[Any]) -> JsSet | JsMap:
    """`new Set(iterable)` or `new Map([[key, value], …])`."""
    source = args[0] if args else None
    items = list(source) if isinstance(source, (list, str)) else []
    if kind == "Map":
        return JsMap(
            (js_string(e[0]) if not isinstance(e[0], str) else e[0], e[1] if len(e) > 1 else None)
            for e in items
            if isinstance(e, list) and e
        )
    unique = JsSet()
    for item in items:
        if not any(strict_equal(item, seen) for seen in unique):
            unique.append(item)
    return unique
