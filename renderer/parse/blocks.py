"""Function bodies in braces run at build time: `(x) => { const y = ...; if (c) return a;
return b; }`, written inline (`items.map((item) => { ... })`, `(() => { ... })()`) or as a
named helper (`const fmt = (n) => { ... }`). The statements are a component body's
(`prelude.split_block`, `prelude.run_locals`): declarations, assignments, `if`/`else` and
early returns. A body that returns markup, or does anything else (loops, `switch`, effects),
cannot run: the call fails with an `ExprError`, and the value is left out as before."""

from __future__ import annotations

from typing import Any

from mintrender.components._jsxparse import Expression
from mintrender.parse.expr import ExprError, parse_expression
from mintrender.parse.expreval import eval_js, free_names
from mintrender.parse.jsglobals import set_block_runner
from mintrender.parse.loops import use_loops
from mintrender.parse.prelude import JSX_OPERAND, run_locals, split_block

MAX_DEPTH = 32
"""Block bodies running inside one another (a helper calling itself), at most."""
_depth = [0]


def use_block_bodies() -> None:
    """Let expressions run the `{ ... }` bodies of the functions they define (`esm` calls it:
    every page and snippet with a custom component is read there first)."""
    set_block_runner(run_block)
    use_loops()  # and the loops in them, and in components' bodies


def run_block(block: str, scope: dict[str, Any]) -> Any:
    """The value `block` (`{ statements }`) returns with `scope` (raises ExprError)."""
    found = split_block(block)
    if found is None:
        raise ExprError("this function's statements cannot run at build time", 0)
    locals_, expr = found
    if _depth[0] >= MAX_DEPTH:
        raise ExprError(f"functions call one another more than {MAX_DEPTH} deep", 0)
    _depth[0] += 1
    try:
        scope = dict(scope)
        unknown, early = run_locals(locals_, scope)
        if isinstance(early, Expression):
            raise ExprError(f"`{early.source}`: {early.problem}", 0)
        if early is not None:  # a guard's return, as JSX reads it: `{value}`, or markup
            early = early.strip()
            if not (early.startswith("{") and early.endswith("}")):
                raise ExprError("a function that returns markup cannot run here", 0)
            expr = early[1:-1]
        expr = expr.strip().rstrip(";")
        if expr.lstrip("(").startswith("<") or JSX_OPERAND.search(expr):
            raise ExprError("a function that returns markup cannot run here", 0)
        if unknown and free_names(parse_expression(expr)) & unknown:
            raise ExprError("its value is only computed in the browser", 0)
        return eval_js(expr, scope)
    finally:
        _depth[0] -= 1
