"""The parameters of a snippet's arrow functions and components: read (`parse_params`:
`a, b = 1`, `{ a, b: c = 1, ...rest }`) and bound to a call's arguments (`bind_args`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from mintrender.components._jsxparse import Expression, eval_expression
from mintrender.parse.statements import split_statements

_NAME = re.compile(r"[\w$]+\Z")


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter of an arrow function, or one name of a destructuring pattern."""

    key: str
    """The argument's name; destructured, the property read (`private` of `{ private: p }`)."""
    local: str
    """The name it is bound to."""
    default: str = ""
    """Its default value's source ("" for none)."""
    rest: bool = False
    """`...rest`."""


def parse_params(text: str) -> tuple[list[Param], bool]:
    """`a, b = 1` or `{ a, b: c = 1, ...rest }`: the parameters as written (their names are not
    checked: `bind_args` does), and whether they destructure one object."""
    text = text.strip()
    destructured = text.startswith("{") and text.endswith("}")
    out: list[Param] = []
    inner = text[1:-1] if destructured else text
    for part in split_statements(inner, commas=True) or inner.split(","):  # `bg = "rgb(0, 0, 0)"`
        part = part.strip()
        if part.startswith("..."):
            out.append(Param(part[3:].strip(), part[3:].strip(), rest=True))
            continue
        key, _, default = (p.strip() for p in part.partition("="))
        local = key
        if destructured:  # `{ private: isPrivate }`; a positional `label: string` is a type
            key, _, local = (p.strip() for p in key.partition(":"))
            local = local or key
        if key:
            out.append(Param(key, local, default))
    return out, destructured


def bindable(params: list[Param]) -> bool:
    """Can the build bind these parameters: plain names, no rest element?"""
    return all(not p.rest and _NAME.match(p.key) and _NAME.match(p.local) for p in params)


def bind_args(
    params: list[Param], destructured: bool, args: list[Any], scope: dict[str, Any]
) -> dict[str, Any] | None:
    """Each parameter's value for a call with `args` (a default computed in `scope`); None for
    parameters the build cannot bind (rest elements, nested patterns, type annotations)."""
    if not bindable(params):
        return None
    given = args[0] if destructured and args and isinstance(args[0], dict) else {}
    bound: dict[str, Any] = {}
    for i, p in enumerate(params):
        value = given.get(p.key) if destructured else (args[i] if i < len(args) else None)
        bound[p.local] = _argument(value, p.default, scope)
    return bound


def _argument(value: Any, default: str, scope: dict[str, Any]) -> Any:
    """A parameter's value: the argument given, else its default (undefined when it has none or
    the build cannot compute it)."""
    if value is None and default:
        value = eval_expression(default, scope)
        return None if isinstance(value, Expression) else value
    return value
