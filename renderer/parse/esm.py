"""MDX ESM: `import`/`export` statements, snippet files and plain custom components."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from mintrender.components._jsxparse import (
    ComponentRef,
    Expression,
    JsxSyntaxError,
    eval_expression,
    find_brace_end,
)
from mintrender.components._jsxscan import closes_fence, opens_fence
from mintrender.parse.blocks import use_block_bodies
from mintrender.parse.expr import ExprError, parse_expression
from mintrender.parse.expreval import eval_members, free_names
from mintrender.parse.params import parse_params
from mintrender.parse.prelude import (
    ARROW,
    PARAMS,
    JsxFunction,
    Local,
    data_function,
    jsx_body,
    markup_value,
    returned_jsx,
)
from mintrender.parse.statements import NEVER_ENDS, statement_end, unfinished

use_block_bodies()  # functions' `{ ... }` bodies run at build time (`parse.blocks`)
ESM_START = re.compile(r"^(?:import\s+[\w{*$'\"]|export\s+(?:const|let|var|function|default|\{))")
IMPORT_ATTEMPT = re.compile(r"\bfrom\s*['\"]|;\s*$|^import\s*\{")
_SIDE_EFFECT = re.compile(r"^import\s+['\"][^'\"]+['\"]")
_IMPORT = re.compile(
    r"^import\s+(?:(?P<default>[\w$]+)\s*,?\s*)?(?:\{(?P<named>[^}]*)\}\s*)?(?:\*\s+as\s+(?P<ns>[\w$]+)\s*)?from\s+['\"](?P<path>[^'\"]+)['\"]",
    re.S,
)
_JS_DECLARATION = re.compile(r"^(?:const|let|var|function)\s+[\w$]")  # a module's own
_EXPORT_CONST = re.compile(
    r"^export\s+(?:const|let|var)\s+(?P<name>[\w$]+)\s*=\s*(?P<value>.*)$", re.S
)
_EXPORT_FUNCTION = re.compile(
    rf"^export\s+(?P<default>default\s+)?function\s+(?P<name>[\w$]+)\s*\((?P<params>{PARAMS})\)\s*(?P<body>\{{.*\}})\s*;?\s*$",
    re.S,
)
_EXPORT_DEFAULT_NAME = re.compile(r"^export\s+default\s+([A-Za-z_$][\w$]*)\s*;?\s*$")
HANDLER = re.compile(r"\s+(?:on[A-Z][\w$]*|ref)\s*=\Z")
"""An event handler (`onClick=`) or ref callback attribute before its `{...}`: browser work,
which a static page leaves out."""
_NAME = re.compile(r"[\w$]+")
BRACE_EXPR = re.compile(r"\{")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})(.*)$")


@dataclass(frozen=True, slots=True)
class Statement:
    start_line: int
    """0-based first line."""
    end_line: int
    """0-based line after the statement."""
    text: str


@dataclass(frozen=True, slots=True)
class CustomComponent:
    """`export const Name = ({a, b}) => (<jsx/>)`."""

    name: str
    params: tuple[str, ...]
    """Destructured prop names; `children` among them when used."""
    props_name: str | None  # `props` in `(props) => ...`
    defaults: dict[str, Any]
    body: str  # the JSX returned, as MDX source
    plain: bool
    """Every `{...}` of the body a prop, local, literal, comment or JSX (`NotExpandable`)."""
    file: str
    locals: tuple[Local, ...] = ()
    """What a block body computes before its `return` (`prelude.split_block`)."""
    renames: tuple[tuple[str, str], ...] = ()
    """(prop, local name) of a destructured prop given a name of its own (`{ a: b }`)."""
    rest: str | None = None
    """`props` in `({ children, ...props })`: the props not named, spread as `{...props}`."""
    closure: dict[str, Any] | None = None
    """A component defined in another's body: the values of that body it reads (`ICONS`)."""
    effects: bool = False
    """Its body calls `useEffect`: what that does happens in the browser, after the first
    render, which is what the page shows (a notice says so)."""


class NotExpandable(Exception):
    """A custom component whose first render the build cannot compute, and why."""


@dataclass(slots=True)
class ModuleScope:
    """What a file's ESM statements define."""

    imports: dict[str, tuple[str, str]] = field(default_factory=dict)
    """local name -> (import path as written, imported name or "default")."""
    values: dict[str, Any] = field(default_factory=dict)
    components: dict[str, CustomComponent] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
    late: list[tuple[str, str]] = field(default_factory=list)
    """Exported constants (name, value) from the first that could not be evaluated on: they
    may read an import (`export const b = { name: Info.pkg.name }`), evaluated again once the
    imports are known (`evaluate_late`)."""


def is_statement(text: str) -> bool:
    """True for text that reads as an import or export (`import is a keyword` does not)."""
    text = text.strip()
    if text.startswith("export"):
        return True
    return bool(_IMPORT.match(text) or _SIDE_EFFECT.match(text))


_ESM_OR_FENCE = re.compile(r"\n(?=[ \t]*(?:`{3}|~{3})|import\s|export\s)")
"""The line breaks before the lines `scan_statements` looks at (a superset of `_FENCE` and
`ESM_START` lines); searching from a literal line break is several times faster than `^`."""


def _candidate_lines(source: str) -> Iterator[int]:
    """0-based numbers of the first line and of every line `_ESM_OR_FENCE` finds, in order."""
    yield 0
    line_no, at = 0, 0
    for m in _ESM_OR_FENCE.finditer(source):
        line_no += source.count("\n", at, m.end())
        at = m.end()
        yield line_no


_ENDS_BLOCK = re.compile(
    r"[ \t]*(?:#{1,6}(?:[ \t].*)?|<[^<>]*>|\{[^{}]*\}[ \t]*|(?:\*/)?\)?\}[ \t]*|(?:-[ \t]*){3,}"
    r"|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})\Z"
)
"""A line after which a new block starts: an ATX heading, a line holding one JSX tag or one
`{...}` expression (`{/* note */}`), the last line of one (`*/}`, `)}`), or a thematic break
(or setext underline)."""


def _block_start(lines: list[str], line_no: int, after: int) -> bool:
    """Can a block start at `line_no`? Not where the line would continue a paragraph (MDX
    reads `import x from "y"` there as text, as remark-mdx does): after a line of text, a
    list item or a table row. `after`: the first line past the last fence or statement."""
    if line_no == 0 or line_no == after:
        return True
    previous = lines[line_no - 1]
    return not previous.strip() or _ENDS_BLOCK.match(previous) is not None


def scan_statements(source: str, javascript: bool = False) -> list[Statement]:
    """Top-level import/export statements (outside fences, at column 0, where a block can
    start: `_block_start`); `javascript`: of a .js/.jsx/.ts file, where there is no Markdown
    (no fences, no paragraphs: a comment line before an `export` is no text it continues)."""
    lines = source.split("\n")
    out: list[Statement] = []
    fence: str | None = None
    i = 0  # the first line not read yet (a statement's lines are read with it)
    if javascript:  # a module's own declarations too (`const VERSION = …`, `function Sep()`)
        for line_no, line in enumerate(lines):
            if line_no >= i and (ESM_START.match(line) or _JS_DECLARATION.match(line)):
                i = statement_end(lines, line_no)
                out.append(Statement(line_no, i, "\n".join(lines[line_no:i])))
        return out
    for line_no in _candidate_lines(source):  # other lines change nothing
        if line_no < i:
            continue
        line = lines[line_no]
        m = None if javascript else _FENCE.match(line)
        if m and (fence is not None or opens_fence(m.group(1), m.group(2))):
            marker, rest = m.group(1), m.group(2)
            if fence is None:
                fence = marker
            elif closes_fence(fence, marker, rest):
                fence = None
            i = line_no + 1
            continue
        if (
            fence is None
            and ESM_START.match(line)
            and (javascript or _block_start(lines, line_no, i))
        ):
            end = statement_end(lines, line_no)
            out.append(Statement(line_no, end, "\n".join(lines[line_no:end])))
            i = end
    return out


TWICE = "MDX (and Mintlify) refuses this page; the later import is used"


def parse_module(
    source: str, file: str, javascript: bool = False
) -> tuple[ModuleScope, list[tuple[int, str]]]:
    """Imports, constant values and custom components of a file (`javascript`: a .js/.jsx/.ts
    file, see `scan_statements`); problems as (line, message)."""
    scope = ModuleScope()
    problems: list[tuple[int, str]] = []
    last_line = source.count("\n")
    for st in scan_statements(source, javascript):
        scope.statements.append(st)
        if javascript and st.end_line > last_line and unfinished(st.text):  # `F( {`
            problems.append((st.start_line, NEVER_ENDS))
        text = st.text.strip().rstrip(";")
        m = _IMPORT.match(text)
        if m:
            path = m.group("path")
            parts = [f"default as {m.group('default')}"] if m.group("default") else []
            for part in parts + (m.group("named") or "").split(","):
                orig, _, local = (p.strip() for p in part.partition(" as "))
                if orig and (local := local or orig) in scope.imports:  # esbuild refuses it
                    problems.append((st.start_line, f"{local!r} is imported twice; {TWICE}"))
                if orig:
                    scope.imports[local] = (path, orig)
            continue
        if _SIDE_EFFECT.match(text):
            continue  # `import "./style.css"`: stylesheets in the docs folder load anyway
        if text.startswith("import"):
            if IMPORT_ATTEMPT.search(st.text):  # not prose such as "import is a keyword"
                problems.append((st.start_line, f"cannot read this import: {text[:80]}"))
            continue
        jsx: str | None
        locals_: tuple[Local, ...]
        if javascript and _JS_DECLARATION.match(text):  # the module's own: its components see it
            text = "export " + text
        m = _EXPORT_FUNCTION.match(text)
        if m:
            jsx, locals_ = returned_jsx(m.group("body"))
            comp = _component(m.group("name"), m.group("params"), None, jsx, file, locals_)
            comp = dataclasses.replace(comp, effects=bool(_USES_EFFECT.search(m.group("body"))))
            scope.components[comp.name] = comp
            if m.group("default"):  # `export default function Trace(...)`: imported by default
                scope.components["default"] = comp
            continue
        m = _EXPORT_CONST.match(text)
        if not m:
            continue
        name, value = m.group("name"), m.group("value").strip().rstrip(";")
        arrow = ARROW.match(value)
        if arrow and not name[:1].isupper():  # `rows = () => [...]`: data, not a component
            function = data_function(name, arrow, scope.values)
            if function is not None:
                scope.values[name] = function
                continue
        if arrow:
            scope.components[name] = arrow_component(name, arrow, file)
            if not name[:1].isupper():  # `pill = (s) => <b>{s}</b>`: called, `{pill("a")}`
                scope.values[name] = JsxFunction(value)
            continue
        evaluated = _export_value(value, scope.values)
        if scope.late or (evaluated is _UNREAD and scope.imports):
            scope.late.append((name, value))
        if evaluated is not _UNREAD:
            scope.values[name] = evaluated
    for st in scope.statements:  # `const Embed = …` then `export default Embed;`
        if (m := _EXPORT_DEFAULT_NAME.match(st.text.strip())) and m[1] in scope.components:
            scope.components["default"] = scope.components[m[1]]
    # a component may read what its file defines, whatever the order (it runs later)
    names = {*scope.values, *scope.imports}
    for key, comp in scope.components.items():
        scope.components[key] = with_plain(comp, names)
        if key[:1].isupper():  # `{ Code }`: the component as a value, for the tags that use it
            scope.values.setdefault(key, ComponentRef(key, component=scope.components[key]))
    return scope, problems


_UNREAD = object()


def _export_value(value: str, values: dict[str, Any]) -> Any:
    """An exported constant's value, or `_UNREAD`."""
    evaluated = eval_expression(value, values)
    if isinstance(evaluated, dict) and value.startswith("{"):  # `{ go: (x) => … }`
        evaluated = _with_members(value, values, evaluated)
    if isinstance(evaluated, Expression):  # `export const card = <div/>`: drawn at `{card}`
        evaluated = markup_value(value, values)
        if evaluated is None:
            return _UNREAD
    return evaluated


def evaluate_late(scope: ModuleScope, values: dict[str, Any]) -> None:
    """The file's `late` constants again, in order, now that `values` holds its imports."""
    for name, value in scope.late:
        evaluated = _export_value(value, values)
        if evaluated is not _UNREAD:
            values[name] = evaluated


def _with_members(text: str, scope: dict[str, Any], plain: dict[str, Any]) -> Any:
    """An object literal's value with its function members callable (`eval_members`)."""
    try:
        return eval_members(text, scope) if "=>" in text else plain
    except ExprError:
        return plain


def arrow_component(name: str, arrow: re.Match[str], file: str) -> CustomComponent:
    """`Name = (props) => (<jsx/>)` or `=> { ...; return (<jsx/>); }` as a component."""
    body = arrow.group("body").strip()
    locals_: tuple[Local, ...] = ()
    jsx: str | None
    if body.startswith("("):
        try:
            jsx = body[1 : find_brace_end(body, 0) - 1]
        except JsxSyntaxError:
            jsx = None
    elif body.startswith("{"):
        jsx, locals_ = returned_jsx(body)
    else:
        jsx = body
    comp = _component(name, arrow.group("params"), arrow.group("single"), jsx, file, locals_)
    return dataclasses.replace(comp, effects=bool(_USES_EFFECT.search(body)))


_USES_EFFECT = re.compile(r"(?<![\w$.])(?:React\.)?use(?:Layout)?Effect\s*\(")


def with_plain(comp: CustomComponent, names: set[str]) -> CustomComponent:
    """`comp`, marked plain when every `{...}` it shows reads its props, locals or `names`."""
    known = {*comp.params, *(b for _, b in comp.renames), *(x.name for x in comp.locals)}
    known |= {comp.rest} if comp.rest else set()
    bodies = [comp.body, *(x.returns for x in comp.locals if x.kind == "guard")]
    if comp.body and all(_is_plain(b, known | names, comp.props_name) for b in bodies):
        return dataclasses.replace(comp, plain=True)
    return comp


def _component(
    name: str,
    params: str | None,
    single: str | None,
    jsx: str | None,
    file: str,
    locals_: tuple[Local, ...] = (),
) -> CustomComponent:
    names: list[str] = []
    renames: list[tuple[str, str]] = []
    defaults: dict[str, Any] = {}
    props_name = single
    params = (params or "").strip()
    found, destructured = parse_params(params)
    rest = None
    if destructured:
        for p in found:
            if p.rest:
                rest = p.local if _NAME.fullmatch(p.local) else None
                continue
            names.append(p.key)
            if p.local != p.key and _NAME.fullmatch(p.local):
                renames.append((p.key, p.local))  # `{ private: isPrivate = false }`
            if p.default:  # one that reads the file's values (`items = ITEMS`): when drawn
                value = eval_expression(p.default, {})
                defaults[p.key] = (
                    value if not isinstance(value, Expression) else Expression(p.default)
                )
    elif params:
        props_name = params.split(":")[0].strip()
    body = jsx_body(jsx or "")
    plain = False  # `parse_module` decides, once the file's names are known
    return CustomComponent(
        name, tuple(names), props_name, defaults, body, plain, file, locals_, tuple(renames), rest
    )


def _is_plain(body: str, names: set[str], props_name: str | None) -> bool:
    """True when every `{...}` of the body is in the build-time subset and reads only props
    and locals, or makes JSX (a condition, a `.map`: run by `expand_component`)."""
    known = {*names, "children", *([props_name] if props_name else [])}
    i = 0
    while True:
        m = BRACE_EXPR.search(body, i)
        if not m:
            return True
        try:
            end = find_brace_end(body, m.start())
        except JsxSyntaxError:
            return False
        inner = body[m.start() + 1 : end - 1].strip()
        if inner.startswith("..."):  # <details {...props}>: read by `_expand`, or left out
            i = end
            continue
        if inner and not (inner.startswith("/*") and inner.endswith("*/")):
            handler = HANDLER.search(body, max(0, m.start() - 80), m.start()) is not None
            try:
                if not handler and not free_names(parse_expression(inner)) <= known:
                    return False
            except ExprError:
                if not handler and "<" not in inner:
                    return False
        i = end
