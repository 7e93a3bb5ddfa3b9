"""The statements a custom component runs before its `return`, for its first render.

Mintlify renders a snippet's React component on the server before the page reaches the
reader: `const [open, setOpen] = useState(false)` gives `open` its initial value, effects run
later in the browser, and event handlers only matter once it is interactive. A static site
shows that first render. `split_block` reads a block body (`{ ...; return (<jsx/>); }`) into
`Local` statements and the returned expression; `run_locals` gives each local its first-render
value where the build-time expression subset can compute it. Anything else a body does (`if`,
loops, calls for their effect) makes it unreadable (None), and the component is shown as
before: its children, with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from mintrender.components._jsxparse import (
    REFERENCE,
    Expression,
    JsxSyntaxError,
    eval_expression,
    find_brace_end,
    jsx_end,
    skip_string,
)
from mintrender.parse.expr import ExprError, parse_expression
from mintrender.parse.expreval import Opaque, free_names, truthy

_DECLARE = re.compile(
    r"(?:const|let|var)\s+(?P<target>[\w$]+|\[[^\]]*\]|\{[^{}]*\})\s*=\s*(?P<expr>.+)", re.S
)
_HOOK = re.compile(r"(?:React\.)?(?P<hook>use[A-Z]\w*)\s*\((?P<args>.*)\)", re.S)
_EFFECT = re.compile(r"(?:React\.)?use(?:Layout|Insertion)?Effect\s*\(", re.S)
_FUNCTION = re.compile(r"(?:async\s+)?(?:function\b|\([^()]*\)\s*=>|[\w$]+\s*=>)", re.S)
_NAME = re.compile(r"[\w$]+\Z")
_RETURN_WORD = re.compile(r"return(?![\w$])")
_STARTS = re.compile(r"(?:const|let|var|return|function|if)\b|(?:React\.)?use[A-Z]")
"""Words that start a statement on a new line (statements need no `;` in JavaScript)."""


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
    """`if (cond) return <X/>;` or `if (cond) { return <X/>; }` (no `else`): an early return."""
    m = re.match(r"if\s*(?=\()", text)
    if m is None:
        return None
    end = _group_end(text[m.end() :])
    if end < 0:
        return None
    cond, rest = text[m.end() + 1 : m.end() + end - 1].strip(), text[m.end() + end :].strip()
    if rest.startswith("{"):
        found = split_block(rest) if _group_end(rest) == len(rest) else None
        if found is None or found[0]:
            return None
        returned = found[1]
    elif _RETURN_WORD.match(rest):
        returned = rest[len("return") :].strip().rstrip(";")
    else:
        return None
    return Local("guard", "", cond, jsx_body(returned)) if cond and returned else None


def split_block(block: str) -> tuple[tuple[Local, ...], str] | None:
    """`{ statements; return expr; }` -> (the locals, expr); None for a body that does more."""
    inner = block.strip()
    if not (inner.startswith("{") and inner.endswith("}")):
        return None
    inner = inner[1:-1]
    statements = _statements(inner)
    if statements is None:
        return None
    locals_: list[Local] = []
    for i, text in enumerate(statements):
        if _RETURN_WORD.match(text):
            rest = [s for s in statements[i + 1 :] if s]
            expr = text[len("return") :].strip()
            return (tuple(locals_), expr) if expr and not rest else None
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


ARROW = re.compile(
    r"^(?:async\s*)?(?:\((?P<params>[^)]*)\)|(?P<single>[\w$]+))\s*=>\s*(?P<body>.*)$", re.S
)
"""An arrow function: its parameters (`(a, b)` or `a`) and its body."""


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
    for part in (text[1:-1] if destructured else text).split(","):
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
    if body.startswith("{"):  # a block: its locals and guards are not run here
        found = split_block(body)
        if found is None or found[0]:
            return None
        body = found[1]
    bound = bind_args(*parse_params(m.group("params") or m.group("single") or ""), args, scope)
    if bound is None:
        return None
    return jsx_body(body.rstrip(";")), {**scope, **bound}


def _argument(value: Any, default: str, scope: dict[str, Any]) -> Any:
    """A parameter's value: the argument given, else its default (undefined when it has none or
    the build cannot compute it)."""
    if value is None and default:
        value = eval_expression(default, scope)
        return None if isinstance(value, Expression) else value
    return value


def _markup_object(expr: str, scope: dict[str, Any]) -> dict[str, Any] | None:
    """`{ database: (<svg .../>), "math-min": <svg/> }` (a component's icon map): its keys and
    values, markup as `JsxLocal`; None for anything else."""
    text = expr.strip()
    if not (text.startswith("{") and _group_end(text) == len(text)):
        return None
    out: dict[str, Any] = {}
    entries = _statements(text[1:-1], commas=True)
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
        if JSX_OPERAND.search(value_text):
            out[key] = JsxLocal(value_text)
            continue
        value = eval_expression(value_text, scope)
        if isinstance(value, Expression):
            return None
        out[key] = value
    return out


JSX_OPERAND = re.compile(r"(?:\A|[(?:&|=,])\s*<[A-Za-z>]")
"""A JSX element where an operand starts: the expression holds markup."""


def run_locals(locals_: tuple[Local, ...], scope: dict[str, Any]) -> tuple[set[str], Any]:
    """Put each local's first-render value into `scope` (in order: later ones may read earlier
    ones; markup as a `JsxLocal`). Returns the names whose value cannot be known (functions
    included), and the JSX of the first guard whose condition holds (None when none does; an
    `Expression` when a condition is only known in the browser)."""
    unknown: set[str] = set()
    for local in locals_:
        if local.kind == "guard":
            if _names_in(local.expr) & unknown:
                return unknown, Expression(local.expr, "its condition is only known in the browser")
            holds = eval_expression(local.expr, scope)
            if isinstance(holds, Expression):
                return unknown, Expression(local.expr, holds.problem)
            if truthy(holds):
                return unknown, local.returns
            continue
        if local.kind == "markup":
            unknown.discard(local.name)
            scope[local.name] = JsxFunction(local.expr)
            continue
        if local.kind == "function":
            unknown.add(local.name)
            scope.pop(local.name, None)
            continue
        value = eval_expression(local.expr, scope) if local.expr else None
        if (
            isinstance(value, Expression)
            and local.kind == "value"
            and JSX_OPERAND.search(local.expr)
        ):
            markup = _markup_object(local.expr, scope)
            value = markup if markup is not None else JsxLocal(local.expr)
        if isinstance(value, (JsxLocal, dict)) and local.kind == "value":
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
    m = _DECLARE.fullmatch(text)
    if m is None:
        fn = re.fullmatch(r"(?:async\s+)?function\s+([\w$]+)\s*\(.*", text, re.S)
        return [Local("function", fn.group(1), "")] if fn else None
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
    if _FUNCTION.match(expr):
        return [Local("function", target, "")]
    return [Local("value", target, expr)]


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


def _statements(text: str, *, commas: bool = False) -> list[str] | None:
    """`text` split at its top-level `;` and at line breaks before a statement word (`commas`:
    at its top-level `,` only, an object literal's entries); None when its brackets or
    strings do not close."""
    out: list[str] = []
    depth, start, i, n = 0, 0, 0, len(text)
    while i < n:
        c = text[i]
        if c in "\"'`":
            end = _string_end(text, i)
            if end < 0:
                return None
            i = end
            continue
        if text.startswith("//", i):
            end = text.find("\n", i)
            text = text[:i] + " " * ((end if end >= 0 else n) - i) + text[end if end >= 0 else n :]
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                return None
            text = text[:i] + " " * (end + 2 - i) + text[end + 2 :]
            continue
        if c == "<" and (element_end := jsx_end(text, i)) is not None:  # "Don't" is JSX text
            i = element_end
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0 and commas:
            if c == ",":
                out.append(text[start:i].strip())
                start = i + 1
        elif depth == 0 and (c == ";" or (c == "\n" and _STARTS.match(text, _skip_space(text, i)))):
            out.append(text[start:i].strip())
            start = i + 1
        elif depth == 0 and _RETURN_WORD.match(text, i) and not text[start:i].strip():
            out.append(text[i:].strip().rstrip(";").strip())  # the rest is the return
            return out
        i += 1
    if depth:
        return None
    out.append(text[start:].strip())
    return out


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


def _string_end(text: str, i: int) -> int:
    """The index after the string literal that starts at `i`, or -1 when it does not close."""
    end = skip_string(text, i, len(text))
    return end if i < end - 1 < len(text) and text[end - 1] == text[i] else -1


_MARKDOWN_PUNCTUATION = re.compile(r"([!-%'-/:-@\[-`{-~])")
"""ASCII punctuation Markdown or MDX may read as markup (`&` is left: JSX text decodes
entities)."""
_VALUE_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
"""The same and `&`: a value's `&amp;` is shown as written."""


def jsx_text(body: str) -> str:
    """`body` (JSX a component returns) with its text read as JSX reads it, not as Markdown:
    each run of text between tags and `{...}` loses the line breaks and indentation JSX drops
    (lines trimmed, blank ones removed, the rest joined by a space) and has its punctuation
    escaped, so `-` alone in a `<button>` is a minus sign, not a list item. An element that
    holds text is written on one line (MDX reads it as one element with its text); elements
    that hold only elements keep a line each, as MDX's flow wants."""
    pieces: list[tuple[str, str]] = []  # (kind, source): "tag", "close", "brace", "text"
    i, n, text_from = 0, len(body), 0
    while i < n:
        c = body[i]
        if c == "<" and i + 1 < n and (body[i + 1].isalpha() or body[i + 1] in "/>"):
            tag = _tag(body, i)
            if tag is None:
                return body  # not JSX this reader understands: left as it is
            end, flat = tag
        elif c == "{":
            try:
                end = find_brace_end(body, i)
            except JsxSyntaxError:
                return body
        else:
            i += 1
            continue
        pieces.append(("text", body[text_from:i]))
        raw = body[i:end]
        kind = "brace" if c == "{" else "close" if raw.startswith("</") else "tag"
        pieces.append((kind, raw if c == "{" else flat))
        i = text_from = end
    pieces.append(("text", body[text_from:]))
    inline = _inline_elements(pieces)
    out: list[str] = []
    depth_inline: list[bool] = []  # per open element: is it (or an ancestor) on one line?
    for k, (kind, raw) in enumerate(pieces):
        if kind == "text":
            one_line = bool(depth_inline and depth_inline[-1])
            out.append(_jsx_text_run(raw, one_line))
            continue
        out.append(raw)
        if kind == "tag" and not raw.endswith("/>"):
            depth_inline.append(k in inline or bool(depth_inline and depth_inline[-1]))
        elif kind == "close" and depth_inline:
            depth_inline.pop()
    return "".join(out)


def _a_value(brace: str) -> bool:
    """Does `{...}` show a value (text), not `{children}` or elements (`{open && <X/>}`)?"""
    inner = brace[1:-1].strip()
    return bool(inner) and inner != "children" and "<" not in inner and not inner.startswith("/*")


def _inline_elements(pieces: list[tuple[str, str]]) -> set[int]:
    """Indices of the opening tags whose element holds text or a value directly (`_a_value`:
    `{children}` is Markdown blocks, `{open && <X/>}` elements)."""
    found: set[int] = set()
    stack: list[int] = []
    for k, (kind, raw) in enumerate(pieces):
        if kind == "tag" and not raw.endswith("/>"):
            stack.append(k)
        elif kind == "close":
            if stack:
                stack.pop()
        elif stack and ((kind == "text" and raw.strip()) or (kind == "brace" and _a_value(raw))):
            found.add(stack[-1])
    return found


def jsx_escape(text: str, value: bool = False) -> str:
    """`text` (JSX text as written, or a `value` shown as text) with the punctuation Markdown
    or MDX would read as markup escaped: JSX shows a value as it is, braces and `&amp;`
    included, and a value's line breaks (as `&#10;`, so the spaces after one are kept, for a
    `<pre>`)."""
    if value:
        return _VALUE_PUNCTUATION.sub(r"\\\1", text).replace("\n", "&#10;")
    if "&" not in text:
        return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
    out, at = [], 0  # a character reference (`&nbsp;`) stays one: JSX decodes it
    for m in REFERENCE.finditer(text):
        out.append(_MARKDOWN_PUNCTUATION.sub(r"\\\1", text[at : m.start()]) + m.group(0))
        at = m.end()
    out.append(_MARKDOWN_PUNCTUATION.sub(r"\\\1", text[at:]))
    return "".join(out)


def _jsx_text_run(text: str, one_line: bool = False) -> str:
    if "\n" in text and not text.strip():  # no text: JSX drops it
        return "" if one_line else "\n"
    if "\n" in text:
        lines = text.split("\n")
        kept = []
        for k, line in enumerate(lines):
            line = line.lstrip() if k else line
            line = line.rstrip() if k < len(lines) - 1 else line
            if line:
                kept.append(line)
        text = " ".join(kept)
    return jsx_escape(text)


def _tag(body: str, i: int) -> tuple[int, str] | None:
    """The tag that starts at `body[i] == "<"`: the index after it, and its text with the line
    breaks between attributes made spaces (a tag that starts within a line of text must not
    span lines; quoted values and `{...}` are kept as written); None when it does not end."""
    out: list[str] = ["<"]
    j, n = i + 1, len(body)
    while j < n:
        c = body[j]
        if c in "\"'":
            end = body.find(c, j + 1)
            if end < 0:
                return None
            end += 1
        elif c == "{":
            try:
                end = find_brace_end(body, j)
            except JsxSyntaxError:
                return None
        elif c.isspace():
            end = j + 1
            while end < n and body[end].isspace():
                end += 1
            out.append(" " if "\n" in body[j:end] else body[j:end])
            j = end
            continue
        elif c == ">":
            out.append(">")
            return j + 1, "".join(out)
        else:
            end = j + 1
        out.append(body[j:end])
        j = end
    return None
