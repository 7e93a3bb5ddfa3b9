"""The statements a custom component runs before its `return`, for its first render.

Mintlify renders a snippet's React component on the server before the page reaches the
reader: `const [open, setOpen] = useState(false)` gives `open` its initial value, effects run
later in the browser, and event handlers only matter once it is interactive. A static site
shows that first render. `split_block` reads a block body (`{ ...; return (<jsx/>); }`) into
`Local` statements and the returned expression; `run_locals` gives each local its first-render
value where the build-time expression subset can compute it, `let` assignments and `if`/`else`
branches included. Anything else a body does (loops, calls for their effect) makes it
unreadable (None), and the component is shown as before: its children, with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mintrender.components._jsxparse import (
    Expression,
    JsxSyntaxError,
    eval_expression,
    find_brace_end,
)
from mintrender.parse.expr import ExprError, parse_expression
from mintrender.parse.expreval import Opaque, eval_js, free_names, js_function
from mintrender.parse.jsglobals import run_block
from mintrender.parse.jsvalues import truthy
from mintrender.parse.jsxtext import jsx_text
from mintrender.parse.params import bind_args, bindable, parse_params
from mintrender.parse.statements import RETURN_WORD, split_statements

_DECLARE = re.compile(
    r"(?:const|let|var)\s+(?P<target>[\w$]+|\[[^\]]*\]|\{[^{}]*\})\s*=\s*(?P<expr>.+)", re.S
)
_HOOK = re.compile(r"(?:React\.)?(?P<hook>use[A-Z]\w*)\s*\((?P<args>.*)\)", re.S)
_EFFECT = re.compile(r"(?:(?:React\.)?use(?:Layout|Insertion)?Effect|console\.\w+)\s*\(", re.S)
"""An effect (it runs after the first render) or a `console.log(...)`: nothing drawn."""
_FUNCTION = re.compile(r"(?:async\s+)?(?:function\b|\([^()]*\)\s*=>|[\w$]+\s*=>)", re.S)
_NAME = re.compile(r"[\w$]+\Z")
_ASSIGN = re.compile(r"(?P<target>[\w$]+)\s*=(?!=)\s*(?P<expr>.+)", re.S)
_UNSET = re.compile(r"(?:let|var)\s+[\w$]+(?:\s*,\s*[\w$]+)*")
"""`let a, b`: declared, undefined until assigned."""


@dataclass(frozen=True, slots=True)
class Local:
    """`const name = expr` (kind "value"; also each name of `const { a, b = 1 } = expr`),
    `const [name, setName] = useState(expr)` ("state"), `const name = useRef(expr)` ("ref":
    `{current: expr}`), or a function or another hook's result ("function": its value is only
    known in the browser; an event handler, which a static page leaves out, may use it).
    `useEffect(...)` declares none: it runs after the first render."""

    kind: str
    name: str
    expr: str
    returns: str = ""
    """A guard's (kind "guard": `if (expr) return ...;`) returned JSX, as `jsx_body` reads it."""
    branches: tuple[tuple[Local, ...], tuple[Local, ...]] = ((), ())
    """kind "branch" (`if (expr) { x = ...; } else { ... }`, no return): the statements run
    when `expr` holds, and those run when it does not. An assignment (`x = expr`) is kind
    "value", as a declaration is."""


def jsx_body(returned: str) -> str:
    """What a component returns, ready to expand: its parentheses dropped and its text read as
    JSX (`jsx_text`); an expression that is not one element (`ok ? <A/> : <B/>`, `ok && <A/>`,
    a `.map`, a string) in braces, so that it is run, never shown as text."""
    body = returned.strip()
    while body.startswith("(") and body.endswith(")"):
        inner = body[1:-1].strip()
        # one bracket group; or, where a lone `'` in JSX text defeats the scanner, an element
        end = _group_end(body)
        if end != len(body) and not (end < 0 and inner[:1] == "<" and inner[-1:] == ">"):
            break
        body = inner
    if body and not body.startswith("<"):
        body = "{" + body + "}"
    return jsx_text(body)


def _group_end(text: str) -> int:
    """The index after the bracket group that opens `text` (strings skipped), or -1."""
    try:
        return find_brace_end(text, 0)
    except JsxSyntaxError:
        return -1


def _guard(text: str) -> Local | None:
    """`if (cond) return <X/>;` or `if (cond) { return <X/>; }` (no `else`): an early return;
    `if (cond) { x = ...; } else { ... }` (no return in either): a branch (`_branch`)."""
    m = re.match(r"if\s*(?=\()", text)
    if m is None:
        return None
    end = _group_end(text[m.end() :])
    if end < 0:
        return None
    cond, rest = text[m.end() + 1 : m.end() + end - 1].strip(), text[m.end() + end :].strip()
    if rest.startswith("{"):
        block_end = _group_end(rest)
        found = split_block(rest) if block_end == len(rest) else None
        if found is None:  # no return in it, or an `else` after it
            return _branch(cond, rest, block_end)
        if found[0]:
            return None
        returned = found[1]
    elif RETURN_WORD.match(rest):  # `if (skip) return;`: undefined, nothing drawn
        returned = rest[len("return") :].strip().rstrip(";").strip() or "null"
    else:
        return None
    return Local("guard", "", cond, Returned(returned)) if cond and returned else None


class Returned(str):
    """A guard's returned JSX as `jsx_body` reads it; `raw`: the expression as written, which
    a `.map` callback's early return draws for each item (read again there, in its scope)."""

    raw: str

    def __new__(cls, returned: str) -> Returned:
        made = super().__new__(cls, jsx_body(returned))
        made.raw = returned
        return made


def _branch(cond: str, rest: str, block_end: int) -> Local | None:
    """`if (cond) { statements }` with an optional `else { statements }` or `else if ...`,
    neither returning: a "branch" local; None for anything else."""
    if not cond or block_end < 0:
        return None
    then = _block_locals(rest[:block_end])
    tail = rest[block_end:].strip()
    otherwise: tuple[Local, ...] | None = ()
    if tail:
        m = re.match(r"else(?![\w$])\s*", tail)
        if m is None:
            return None
        tail = tail[m.end() :]
        if tail.startswith("{"):
            otherwise = _block_locals(tail) if _group_end(tail) == len(tail) else None
        else:
            nested = _guard(tail)
            otherwise = (nested,) if nested is not None and nested.kind == "branch" else None
    if then is None or otherwise is None:
        return None
    return Local("branch", "", cond, branches=(then, otherwise))


_CASE = re.compile(r"\s*(?:case\s+((?:\"[^\"]*\"|'[^']*'|`[^`]*`|[^:'\"`])+?)|default)\s*:")
_BREAK = re.compile(r"break\s*;?\Z")


def _switch(text: str) -> tuple[list[Local], str | None] | None:
    """`switch (x) { case "a": case "b": return …; default: … }`: each case a guard (one that
    returns) or a branch (one that assigns, then `break`s); the default's returned expression
    when it returns. None for what else a switch does (a case falling into the next)."""
    m = re.match(r"switch\s*(?=\()", text)
    end = _group_end(text[m.end() :]) if m else -1
    if m is None or end < 0:
        return None
    subject = text[m.end() + 1 : m.end() + end - 1].strip()
    body = text[m.end() + end :].strip()
    if not (body.startswith("{") and _group_end(body) == len(body)):
        return None
    statements = split_statements(body[1:-1], cases=True)
    if statements is None:
        return None
    clauses: list[tuple[list[str | None], list[str]]] = []  # (labels, None: default), body
    for statement in statements:
        labels: list[str | None] = []
        while (label := _CASE.match(statement)) is not None:
            labels.append(label.group(1).strip() if label.group(1) else None)
            statement = statement[label.end() :].strip()
        if labels:
            clauses.append((labels, []))
        if statement and not clauses:
            return None
        if statement:
            clauses[-1][1].append(statement)
    out: list[Local] = []
    seen: list[str] = []
    returned: str | None = None
    for i, (labels, body_statements) in enumerate(clauses):
        tests = [f"({subject}) === ({v})" for v in labels if v is not None]
        seen += tests
        cond = " || ".join(tests) if None not in labels else f"!({' || '.join(seen) or 'false'})"
        first = body_statements[0] if body_statements else ""
        if RETURN_WORD.match(first):
            expr = first[len("return") :].strip()
            if None in labels and i == len(clauses) - 1:
                returned = expr or "null"
            else:
                out.append(Local("guard", "", cond, jsx_body(expr or "null")))
            continue
        if not body_statements or not _BREAK.match(body_statements[-1]):
            if i != len(clauses) - 1:
                return None  # falls into the next case
        kept = [x for x in body_statements if not _BREAK.match(x)]
        then = _block_locals("{" + ";\n".join(kept) + "}")
        if then is None:
            return None
        out.append(Local("branch", "", cond, branches=(then, ())))
    return out, returned


def _block_locals(block: str, *, loop: bool = False) -> tuple[Local, ...] | None:
    """The statements of `{ ... }` that only declare, assign or branch (no return); with
    `loop`, a loop body's (`parse.loops`): any guard, and a `return` kept as a guard that
    always holds."""
    statements = split_statements(block.strip()[1:-1])
    if statements is None:
        return None
    out: list[Local] = []
    for text in statements:
        if RETURN_WORD.match(text):
            if not loop:
                return None
            out.append(Local("guard", "", "true", Returned(text[6:].strip().rstrip(";") or "null")))
            continue
        if text.startswith("switch"):
            found_switch = _switch(text)
            if found_switch is None or found_switch[1] is not None:
                return None
            out.extend(found_switch[0])
            continue
        guard = _guard(text)
        if guard is not None and guard.kind != "branch" and not loop:
            return None
        found = [guard] if guard is not None else _locals(text)
        if found is None:
            return None
        out.extend(found)
    return tuple(out)


def returned_jsx(block: str) -> tuple[str | None, tuple[Local, ...]]:
    """The JSX a block body returns (its parentheses dropped) and the locals before it."""
    found = split_block(block)
    if found is None:
        return None, ()
    locals_, expr = found
    expr = expr.strip()
    jsx = expr[1:-1] if expr.startswith("(") and expr.endswith(")") else expr
    return jsx or None, locals_


def split_block(block: str) -> tuple[tuple[Local, ...], str] | None:
    """`{ statements; return expr; }` -> (the locals, expr); None for a body that does more."""
    inner = block.strip()
    if not (inner.startswith("{") and inner.endswith("}")):
        return None
    inner = inner[1:-1]
    statements = split_statements(inner)
    if statements is None:
        return None
    locals_: list[Local] = []
    for i, text in enumerate(statements):
        if RETURN_WORD.match(text):
            rest = [s for s in statements[i + 1 :] if s]
            expr = text[len("return") :].strip()
            return (tuple(locals_), expr) if expr and not rest else None
        if text.startswith("switch"):  # its cases as guards and branches
            found_switch = _switch(text)
            if found_switch is None:
                return None
            locals_.extend(found_switch[0])
            if found_switch[1] is not None:  # `default: return …`: the function's end
                rest = [s for s in statements[i + 1 :] if s]
                return (tuple(locals_), found_switch[1]) if not rest else None
            continue
        guard = _guard(text)
        found = [guard] if guard is not None else _locals(text)
        if found is None:
            return None
        locals_.extend(found)
    return None


@dataclass(frozen=True, slots=True)
class JsxLocal(Expression, Opaque):
    """`const icon = <svg .../>` or `ok ? <Yes/> : <No/>`: markup, drawn where `{icon}` is
    (`expand_component` reads `source` there, in the scope of that place); an expression may
    carry it (`icons[name]`, `!icon`) but not compute on it."""


PARAMS = r"""(?:[^()'"`]|'[^']*'|"[^"]*"|`[^`]*`|\((?:[^()'"]|'[^']*'|"[^"]*")*\))*"""
"""A parameter list's text: strings and bracket pairs inside it (`color = "rgb(0, 0, 0)"`,
`bg = var(--x)`) kept whole."""
ARROW = re.compile(
    rf"^(?:async\s*)?(?:\((?P<params>{PARAMS})\)|(?P<single>[\w$]+))\s*=>\s*(?P<body>.*)$", re.S
)
"""An arrow function: its parameters (`(a, b)` or `a`) and its body."""


@dataclass(frozen=True, slots=True)
class JsxFunction(Expression, Opaque):
    """`const row = ({ label }) => <li>{label}</li>`: a helper that returns markup, drawn where
    it is called (`{row({ label: "A" })}`) with its arguments bound (`markup_call`)."""


def markup_call(
    function: JsxFunction, args: list[Any], scope: dict[str, Any]
) -> tuple[str, dict[str, Any]] | None:
    """The JSX a `JsxFunction` returns for `args` (as `jsx_body` reads it) and the scope it is
    read in: `scope` with the parameters bound; None for parameters it cannot bind."""
    m = ARROW.match(function.source.strip())
    if m is None:
        return None
    body = m.group("body").strip()
    locals_: tuple[Local, ...] = ()
    if body.startswith("{"):  # a block: its locals and guards run for these arguments
        found = split_block(body)
        if found is None:
            return None
        locals_, body = found
    bound = bind_args(*parse_params(m.group("params") or m.group("single") or ""), args, scope)
    if bound is None:
        return None
    inner = {**scope, **bound}
    if locals_:
        _, early = run_locals(locals_, inner)
        if isinstance(early, Expression):  # a condition only the browser knows
            return None
        if early is not None:  # `if (!icon) return null;`: that guard's markup
            return early, inner
    return jsx_body(body.rstrip(";")), inner


def _markup_object(expr: str, scope: dict[str, Any]) -> dict[str, Any] | None:
    """`{ database: (<svg .../>), "math-min": <svg/> }` (a component's icon map): its keys and
    values, markup as `JsxLocal`; None for anything else."""
    text = expr.strip()
    if not (text.startswith("{") and _group_end(text) == len(text)):
        return None
    out: dict[str, Any] = {}
    entries = split_statements(text[1:-1], commas=True)
    if entries is None:
        return None
    for entry in entries:
        if not entry:
            continue
        key_text, colon, value_text = entry.partition(":")
        key_text, value_text = key_text.strip(), value_text.strip()
        if not colon or not value_text:
            return None
        if len(key_text) > 1 and key_text[0] in "\"'" and key_text[-1] == key_text[0]:
            key = key_text[1:-1]
        elif _NAME.match(key_text):
            key = key_text
        else:
            return None  # computed keys, spreads, methods
        if JSX_OPERAND.search(value_text):  # `icon: () => (<svg/>)` is a markup helper
            markup = JsxFunction if ARROW.match(value_text) else JsxLocal
            out[key] = markup(value_text)
            continue
        value = eval_expression(value_text, scope)
        if isinstance(value, Expression):
            return None
        out[key] = value
    return out


JSX_OPERAND = re.compile(r"(?:\A|[(?:&|=,]|\breturn)\s*<[A-Za-z>]")
"""A JSX element where an operand starts: the expression holds markup."""


def _markup_array(expr: str, scope: dict[str, Any]) -> list[Any] | None:
    """`[{ name: "SDK", icon: () => (<svg/>) }, …]`: its items, an object's markup (or
    function giving markup) kept as a `JsxLocal` it holds; None for anything else."""
    text = expr.strip()
    if not (text.startswith("[") and _group_end(text) == len(text)):
        return None
    entries = split_statements(text[1:-1], commas=True)
    out: list[Any] = []
    for entry in entries or ():
        item = entry.strip()
        if not item:
            continue
        value: Any = _markup_object(item, scope) if item.startswith("{") else None
        if value is None:
            value = JsxLocal(item) if JSX_OPERAND.search(item) else eval_expression(item, scope)
        if isinstance(value, Expression) and not isinstance(value, JsxLocal):
            return None
        out.append(value)
    return out if entries is not None else None


def markup_value(expr: str, scope: dict[str, Any]) -> JsxLocal | dict[str, Any] | list[Any] | None:
    """What a constant holding markup is worth (`<div/>`, `(<>…</>)`, `ok ? <A/> : <B/>`, an
    object or an array of objects holding markup: drawn where it is used), or None when
    `expr` holds no markup."""
    if not JSX_OPERAND.search(expr):
        return None
    markup: dict[str, Any] | list[Any] | None = _markup_object(expr, scope)
    if markup is None:
        markup = _markup_array(expr, scope)
    return markup if markup is not None else JsxLocal(expr)


STATEMENT_READERS: list[Callable[[str], list[Local] | None]] = []
"""Readers of statements `_locals` does not know, tried first (`parse.loops` adds its own)."""
LOCAL_RUNNERS: dict[str, Callable[[Local, dict[str, Any], set[str]], tuple[set[str], Any]]] = {}
"""kind -> how `run_locals` runs a local of that kind: (unknown names, early return or None)."""

MAX_CALL_DEPTH = 32
"""Calls of a file's functions inside one another, at most (a function that calls itself)."""


def data_function(name: str, arrow: re.Match[str], module: dict[str, Any]) -> Any | None:
    """`export const rows = (kind = "all") => [...]` (or a component's `const cls = (on) =>
    on ? "on" : "off"`): a function of the build-time subset that returns a value (no markup),
    callable in the expressions of `module`'s scope and its importers'; its body reads its
    parameters and that scope's values as they are when it is called. None for anything
    else."""
    body = block = arrow.group("body").strip().rstrip(";")
    if body.startswith("{"):  # statements before the return: run by `parse.blocks`
        found = split_block(body)
        if found is None:
            return None
        body, block = found[1].strip().rstrip(";"), block if found[0] else ""
    if not body or body.lstrip("(").startswith("<") or JSX_OPERAND.search(body):
        return None
    params, destructured = parse_params(arrow.group("params") or arrow.group("single") or "")
    if destructured or not bindable(params):
        return None  # destructured, rest or annotated parameters
    depth = [0]

    def call(args: list[Any]) -> Any:
        if depth[0] >= MAX_CALL_DEPTH:
            raise ExprError(f"`{name}` calls itself more than {MAX_CALL_DEPTH} times", 0)
        bound = bind_args(params, False, args, module) or {}
        depth[0] += 1
        try:
            if block.startswith("{"):
                return run_block(block, {**module, **bound})
            return eval_js(body, {**module, **bound})
        finally:
            depth[0] -= 1

    return js_function(name, call)


def run_locals(locals_: tuple[Local, ...], scope: dict[str, Any]) -> tuple[set[str], Any]:
    """Put each local's first-render value into `scope` (in order: later ones may read earlier
    ones; markup as a `JsxLocal`). Returns the names whose value cannot be known (functions
    included), and the JSX of the first guard whose condition holds (None when none does; an
    `Expression` when a condition is only known in the browser)."""
    unknown: set[str] = set()
    for local in locals_:
        if local.kind == "branch":
            holds = (
                Expression(local.expr, "only known in the browser")
                if _names_in(local.expr) & unknown
                else eval_expression(local.expr, scope)
            )
            if isinstance(holds, Expression):  # its statements' values are unknown
                for branch in local.branches:
                    unknown.update(_assigned(branch))
                for name in unknown:
                    scope.pop(name, None)
                continue
            more, early = run_locals(local.branches[0 if truthy(holds) else 1], scope)
            unknown = (unknown - _assigned(local.branches[0 if truthy(holds) else 1])) | more
            if early is not None:
                return unknown, early
            continue
        if local.kind == "guard":
            if _names_in(local.expr) & unknown:
                return unknown, Expression(local.expr, "its condition is only known in the browser")
            holds = eval_expression(local.expr, scope)
            if isinstance(holds, Expression):
                return unknown, Expression(local.expr, holds.problem)
            if truthy(holds):
                return unknown, local.returns
            continue
        if local.kind in LOCAL_RUNNERS:  # a loop, `break`, `continue`: `parse.loops`
            unknown, early = LOCAL_RUNNERS[local.kind](local, scope, unknown)
            if early is not None:
                return unknown, early
            continue
        if local.kind == "markup":
            unknown.discard(local.name)
            scope[local.name] = JsxFunction(local.expr)
            continue
        helper = None
        if local.kind == "helper":
            arrow = ARROW.match(local.expr)
            helper = data_function(local.name, arrow, scope) if arrow else None
        if helper is not None:
            unknown.discard(local.name)
            scope[local.name] = helper
            continue
        if local.kind in ("function", "helper"):
            unknown.add(local.name)
            scope.pop(local.name, None)
            continue
        value = eval_expression(local.expr, scope) if local.expr else None
        markup = markup_value(local.expr, scope) if isinstance(value, Expression) else None
        if markup is not None and local.kind == "value":
            value = markup
        if isinstance(value, (JsxLocal, dict, list)) and local.kind == "value":
            unknown.discard(local.name)
            scope[local.name] = value
            continue
        if isinstance(value, Expression):
            unknown.add(local.name)
            scope.pop(local.name, None)
            continue
        unknown.discard(local.name)
        scope[local.name] = {"current": value} if local.kind == "ref" else value
    return unknown, None


def _assigned(locals_: tuple[Local, ...]) -> set[str]:
    """The names statements give a value to, in their branches too."""
    out = {local.name for local in locals_ if local.name}
    for local in locals_:
        for branch in local.branches:
            out |= _assigned(branch)
    return out


def _names_in(expr: str) -> set[str]:
    """The names `expr` reads (none when it is outside the build-time subset)."""
    try:
        return free_names(parse_expression(expr))
    except ExprError:
        return set()


def _locals(text: str) -> list[Local] | None:
    """The locals one statement declares; None for a statement that is not a declaration."""
    if not text or _EFFECT.match(text):  # an effect runs in the browser, after the first render
        return []
    for reader in STATEMENT_READERS:  # loops, `x += 1`, `xs.push(x)`: `parse.loops`
        if (read := reader(text)) is not None:
            return read
    if _UNSET.fullmatch(text):  # let a, b;
        return [Local("value", name.strip(), "") for name in text.split(None, 1)[1].split(",")]
    m = _DECLARE.fullmatch(text) or _ASSIGN.fullmatch(text)
    if m is None:  # `function label(x) { … }`: as `const label = (x) => { … }`
        fn = re.fullmatch(r"(async\s+)?function\s+([\w$]+)\s*(\(.*)", text, re.S)
        if fn is None:
            return None
        if fn.group(1):
            return [Local("function", fn.group(2), "")]
        m = _DECLARE.fullmatch(f"const {fn.group(2)} = {_as_arrow(fn.group(3))}")
        if m is None:
            return [Local("function", fn.group(2), "")]
    target, expr = m.group("target"), m.group("expr").strip()
    if target.startswith("{"):  # const { title, size = "sm" } = props
        return _destructured(target, expr)
    hook = _HOOK.fullmatch(expr)
    if target.startswith("["):
        names = [n.strip() for n in target[1:-1].split(",")]
        if hook is None or hook.group("hook") not in ("useState", "useReducer"):
            return None
        if not _NAME.match(names[0]):
            return None
        args = hook.group("args").strip()
        if hook.group("hook") == "useReducer":  # useReducer(reducer, initial)
            args = args.split(",", 1)[1].strip() if "," in args else ""
        if _FUNCTION.match(args):  # a lazy initial state: computed in the browser
            return [Local("function", names[0], "")]
        return [Local("state", names[0], args)]
    if hook is not None:
        if hook.group("hook") == "useRef":
            return [Local("ref", target, hook.group("args").strip())]
        return [Local("function", target, "")]  # useMemo, useCallback, a custom hook
    arrow = ARROW.match(expr)
    if arrow and JSX_OPERAND.search(arrow.group("body")):  # const row = (label) => <b>{label}</b>
        return [Local("markup", target, expr)]
    if arrow:  # const cls = (on) => (on ? "on" : "off"): run where it is called, if it can
        return [Local("helper", target, expr)]
    if _FUNCTION.match(expr):
        return [Local("function", target, "")]
    return [Local("value", target, expr)]


def _as_arrow(rest: str) -> str:
    """`(x) { body }` (what follows a function declaration's name) as `(x) => { body }`."""
    end = _group_end(rest)
    return rest if end < 0 else rest[:end] + " => " + rest[end:].lstrip()


def _destructured(pattern: str, expr: str) -> list[Local] | None:
    """`const { title, size: scale = "sm" } = expr`: a local per name."""
    params = parse_params(pattern)[0]
    if not bindable(params):
        return None  # nested patterns, rest elements
    out = []
    for p in params:
        value = f"({expr}).{p.key}"
        out.append(Local("value", p.local, f"{value} ?? ({p.default})" if p.default else value))
    return out
