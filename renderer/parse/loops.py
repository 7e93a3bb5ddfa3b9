"""Loops in the statements a component or helper runs for its first render (`prelude`).

    for (let i = 0; i < steps.length; i += 1) { if (i > 3) break; total += steps[i]; }
    for (const item of items) { if (typeof item === "string") return item; }
    for (const key in labels) { names.push(labels[key]); }
    while (n > 1) { n = n / 2; count++; }

Each is a "loop" `Local`, its body's statements read as a component body's are (declarations,
assignments, `if`/`else`, early returns), with `break`, `continue`, compound assignments
(`x += 1`, `i++`), `xs.push(x)` and member assignments (`acc[k] = …`, `o.x += 1`: the
object copied, then set) besides. `run_locals` runs it over the values the build
knows; every loop run while another runs shares one budget of iterations (`MAX_ITERATIONS`),
so a loop that never ends leaves the component out with a warning instead of hanging the build.
A loop whose condition or items are only known in the browser leaves what it assigns unknown.
"""

from __future__ import annotations

import re
from typing import Any

from mintrender.components._jsxparse import (
    Expression,
    JsxSyntaxError,
    eval_expression,
    find_brace_end,
)
from mintrender.parse.expr import MAX_STEPS, ExprError, param_specs
from mintrender.parse.jsglobals import bind_params
from mintrender.parse.jsvalues import JsMap, JsSet, js_string, truthy
from mintrender.parse.prelude import (
    JSX_OPERAND,
    LOCAL_RUNNERS,
    STATEMENT_READERS,
    Local,
    _assigned,
    _block_locals,
    _locals,
    _names_in,
    run_locals,
)
from mintrender.parse.statements import RETURN_WORD, split_statements

MAX_ITERATIONS = MAX_STEPS // 2
"""Iterations of all the loops one render runs inside one another, at most."""
_LOOP = re.compile(r"(?P<word>for|while)\s*\(")
_OF_IN = re.compile(
    r"\s*(?:const|let|var)\s+(?P<pattern>[\w$]+|\[[^\]]*\]|\{[^{}]*\})\s+(?P<mode>of|in)\s+(?P<expr>.+)",
    re.S,
)
_IF = re.compile(r"if\s*\(")
_ELSE = re.compile(r"(?<![\w$])else(?![\w$])")
_JUMP = re.compile(r"(break|continue)\s*;?")
_COMPOUND = re.compile(
    r"(?P<name>[\w$]+)\s*(?P<op>\*\*|\?\?|\|\||&&|[-+*/%])=\s*(?P<expr>.+)", re.S
)
_STEP = re.compile(r"(?:(?P<pre>\+\+|--)\s*(?P<a>[\w$]+)|(?P<b>[\w$]+)\s*(?P<post>\+\+|--))\s*;?")
_PUSH = re.compile(r"(?P<name>[\w$]+)\.push\((?P<args>.*)\)\s*;?", re.S)


class _Jump(str):
    """What `break` or `continue` makes `run_locals` return, up to the loop that takes it;
    anywhere else (JavaScript refuses that) it draws nothing."""


BREAK, CONTINUE = _Jump(""), _Jump("")
_running = [0, 0]
"""Loops running inside one another, and the iterations they have run together."""


def read_statement(text: str) -> list[Local] | None:
    """The locals of a loop, `break`/`continue`, `x += e`, `i++` or `xs.push(e)`; None for
    any other statement (`prelude._locals` reads it)."""
    text = text.strip().rstrip(";").strip()
    if (jump := _JUMP.fullmatch(text)) is not None:
        return [Local("jump", "", jump.group(1))]
    if (m := _COMPOUND.fullmatch(text)) is not None:
        return [Local("value", m["name"], f"{m['name']} {m['op']} ({m['expr']})")]
    if (m := _STEP.fullmatch(text)) is not None:
        name, op = m["a"] or m["b"], (m["pre"] or m["post"])[0]
        return [Local("value", name, f"{name} {op} 1")]
    if (member := _member_assignment(text)) is not None:  # `acc[k] = …`, `o.x += 1`
        return [member]
    if (m := _PUSH.fullmatch(text)) is not None:
        if JSX_OPERAND.search(m["args"]):  # markup read later would see the last item's names
            return None
        return [Local("value", m["name"], f"[...{m['name']}, {m['args']}]")]
    if (m := _IF.match(text)) is not None:  # `if (i === 1) continue;`, `if (x) n += 1;`
        return _one_line_if(text, m.end() - 1)
    loop = _LOOP.match(text)
    return _loop(text, loop) if loop is not None else None


_MEMBER_ROOT = re.compile(
    r"(?!(?:const|let|var|return|typeof|void|delete|new|await|yield|case|throw)(?![\w$]))"
    r"(?P<name>[A-Za-z_$][\w$]*)(?=\s*\.|\[)"
)
_MEMBER_LINK = re.compile(r"\s*(?:\.\s*(?P<prop>[A-Za-z_$][\w$]*)|(?P<open>\[))")
_MEMBER_OP = re.compile(
    r"\s*(?:(?P<op>\*\*|\?\?|\|\||&&|[-+*/%])?=(?!=)\s*(?P<expr>.+)|(?P<step>\+\+|--))", re.S
)
MAX_MEMBER_LINKS = 16
"""Links of an assigned member (`a.b[c].d = …`), at most."""


def _member_assignment(text: str) -> Local | None:
    """`obj.x = e`, `acc[k] = e`, `a.b[c] += e`, `acc[k]++`: a "member" local whose `returns`
    holds the keys' expressions (a `.name` as a string), one a line, and whose `expr` is the
    value assigned (read before the assignment, as JavaScript does)."""
    root = _MEMBER_ROOT.match(text)
    if root is None:
        return None
    keys: list[str] = []
    at = root.end()
    while (link := _MEMBER_LINK.match(text, at)) is not None and len(keys) < MAX_MEMBER_LINKS:
        if link["prop"] is not None:
            keys.append(repr(link["prop"]))
            at = link.end()
            continue
        try:
            close = find_brace_end(text, link.start("open"))
        except JsxSyntaxError:
            return None
        key = text[link.end() : close - 1].strip()
        if not key or "\n" in key:
            return None
        keys.append(key)
        at = close
    op = _MEMBER_OP.fullmatch(text, at)
    if not keys or op is None or JSX_OPERAND.search(text):
        return None
    target = text[:at].strip()
    if op["step"]:
        value = f"{target} {op['step'][0]} 1"
    elif op["op"]:
        value = f"{target} {op['op']} ({op['expr']})"
    else:
        value = op["expr"].strip()
    return Local("member", root["name"], value, "\n".join(keys))


def _run_member(local: Local, scope: dict[str, Any], unknown: set[str]) -> tuple[set[str], Any]:
    """Assign a member of a local object or array: the containers along the way are copied
    (a value another name shares, a page's data, stays as it was)."""
    keys = [eval_expression(k, scope) for k in local.returns.split("\n")]
    value = eval_expression(local.expr, scope)
    root = scope.get(local.name)
    if local.name in unknown or any(isinstance(v, Expression) for v in (*keys, value)):
        unknown.add(local.name)
        scope.pop(local.name, None)
        return unknown, None
    made = _with_member(root, keys, value)
    if made is None:
        return unknown, Expression(local.name, "a member it assigns cannot be set at build time")
    scope[local.name] = made
    return unknown, None


def _with_member(container: Any, keys: list[Any], value: Any) -> Any:
    """A copy of `container` with `container[keys[0]][keys[1]]… = value`; None when a key does
    not fit (an object's key a name or number, an array's an index within reach)."""
    key, rest = keys[0], keys[1:]
    if isinstance(container, dict) and not isinstance(container, JsMap):
        if isinstance(key, bool) or not isinstance(key, (str, int, float)) or key is None:
            return None
        name = key if isinstance(key, str) else js_string(key)
        inner = _with_member(container.get(name), rest, value) if rest else value
        return None if rest and inner is None else {**container, name: inner}
    if isinstance(container, list) and not isinstance(container, JsSet):
        if isinstance(key, str) and key.isdigit():
            key = int(key)
        if isinstance(key, float) and key.is_integer():
            key = int(key)
        if isinstance(key, bool) or not isinstance(key, int) or not 0 <= key <= len(container):
            return None
        inner = value
        if rest:
            inner = _with_member(container[key] if key < len(container) else None, rest, value)
            if inner is None:
                return None
        copied = list(container)
        copied[key : key + 1] = [inner]
        return copied
    return None


def _one_line_if(text: str, open_at: int) -> list[Local] | None:
    """`if (cond) statement` without braces, `else` or `return` (`prelude._guard` reads
    those): a branch whose statement runs when `cond` holds."""
    try:
        end = find_brace_end(text, open_at)
    except JsxSyntaxError:
        return None
    rest = text[end:].strip()
    if not rest or rest.startswith("{") or RETURN_WORD.match(rest) or _ELSE.search(rest):
        return None
    then = _statement(rest)
    cond = text[open_at + 1 : end - 1].strip()
    return [Local("branch", "", cond, branches=(tuple(then), ()))] if then and cond else None


def _loop(text: str, m: re.Match[str]) -> list[Local] | None:
    try:
        header_end = find_brace_end(text, m.end() - 1)
    except JsxSyntaxError:
        return None
    header = text[m.end() : header_end - 1]
    body_text = text[header_end:].strip()
    if not body_text.startswith("{"):
        body_text = "{" + body_text + "}"
    try:
        if find_brace_end(body_text, 0) != len(body_text):
            return None  # `do … while`, or more after the body
    except JsxSyntaxError:
        return None
    body = _block_locals(body_text, loop=True)
    if body is None:
        return None
    if m["word"] == "while":
        return [Local("loop", "", header.strip(), "while", (body, ()))]
    of_in = _OF_IN.fullmatch(header)
    if of_in is not None:
        kind = f"{of_in['mode']} {of_in['pattern']}"
        return [Local("loop", "", of_in["expr"].strip(), kind, (body, ()))]
    parts = split_statements(header)
    if parts is None or len(parts) != 3:
        return None
    init = _statement(parts[0]) if parts[0].strip() else []
    update = _statement(parts[2]) if parts[2].strip() else []
    if init is None or update is None:
        return None
    return [*init, Local("loop", "", parts[1].strip() or "true", "for", (body, tuple(update)))]


def _statement(text: str) -> list[Local] | None:
    return read_statement(text) or _locals(text.strip())


def _run_jump(local: Local, scope: dict[str, Any], unknown: set[str]) -> tuple[set[str], Any]:
    return unknown, BREAK if local.expr == "break" else CONTINUE


def _run_loop(local: Local, scope: dict[str, Any], unknown: set[str]) -> tuple[set[str], Any]:
    body, update = local.branches
    kind, _, pattern = local.returns.partition(" ")
    items: list[Any] | None = None
    if not _names_in(local.expr) & unknown:
        if kind in ("of", "in"):
            items = _items(eval_expression(local.expr, scope), kind)
        else:
            items = []  # the condition is tested at each turn
    if items is None:  # only known in the browser: what it assigns is unknown too
        unknown |= _assigned(body) | _assigned(update)
        for name in unknown:
            scope.pop(name, None)
        return unknown, None
    binds = param_specs(pattern) if pattern else None
    if pattern and (binds is None or len(binds) != 1):
        return unknown, Expression(local.expr, "its loop variable cannot be read")
    if _running[0] == 0:
        _running[1] = 0
    _running[0] += 1
    try:
        turn = 0
        while kind not in ("of", "in") or turn < len(items):
            _running[1] += 1
            if _running[1] > MAX_ITERATIONS:
                why = f"its loops run more than {MAX_ITERATIONS:,} times"
                word = "while" if kind == "while" else "for"
                return unknown, Expression(f"{word} ({local.expr})", why)
            if binds is not None:
                scope.update(bind_params(tuple(binds), [items[turn]], _no_default))
            elif not truthy(holds := eval_expression(local.expr, scope)) or isinstance(
                holds, Expression
            ):
                if isinstance(holds, Expression):
                    return unknown, Expression(local.expr, holds.problem)
                break
            turn += 1
            more, early = run_locals(body, scope)
            unknown |= more
            if early is BREAK:
                break
            if early is not None and early is not CONTINUE:
                return unknown, early
            if update:
                unknown |= run_locals(update, scope)[0]
        return unknown, None
    finally:
        _running[0] -= 1


def _no_default(source: str, bound: dict[str, Any]) -> Any:
    raise ExprError("a loop variable's default cannot run at build time", 0)


def _items(value: Any, kind: str) -> list[Any] | None:
    """What `for … of` (values) or `for … in` (keys) goes over; None when the build cannot
    know it."""
    if isinstance(value, Expression):
        return None
    if kind == "in":
        if isinstance(value, dict):
            return list(value)
        return [str(i) for i in range(len(value))] if isinstance(value, (list, str)) else []
    if isinstance(value, JsMap):
        return [[k, v] for k, v in value.items()]
    if isinstance(value, (list, str, JsSet)):
        return list(value)
    return None


def use_loops() -> None:
    """Let `prelude` read and run loops (`blocks.use_block_bodies` calls it)."""
    if read_statement not in STATEMENT_READERS:
        STATEMENT_READERS.append(read_statement)
    LOCAL_RUNNERS.update(loop=_run_loop, jump=_run_jump, member=_run_member)
