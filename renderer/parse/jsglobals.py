"""JavaScript's built-in functions the build-time subset offers beyond its core (`expreval`):
`btoa`, `JSON.stringify`, `Math.max` and kin, as a browser computes them."""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Callable
from typing import Any

from mintrender.parse.expr import ExprError


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
