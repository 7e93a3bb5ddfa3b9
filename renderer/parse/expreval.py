"""Evaluation of a parsed build-time expression (`mintrender.parse.expr`), with JavaScript's
value semantics: truthiness, `+` on strings and numbers, `===` and `==`, String(value).

Values are JSON-like Python values (str, int/float, bool, None for null and undefined, list,
dict); bounds (`MAX_STEPS`, `MAX_SIZE`, `MAX_DEPTH`) turn runaway input into an `ExprError`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from mintrender.parse.expr import (
    MAX_DEPTH,
    MAX_SIZE,
    MAX_STEPS,
    ExprError,
    Node,
    parse_expression,
)
from mintrender.parse.jsdate import JsDate, JsFormat, date_method, format_method, make_instance
from mintrender.parse.jsglobals import (
    GLOBALS,
    NAMESPACES,
    array_of,
    bind_params,
    run_block,
)
from mintrender.parse.jsmethods import (
    LIST_METHODS,
    NUMBER_METHODS,
    STRING_METHODS,
    more_method,
)
from mintrender.parse.jsregex import JsRegex, js_regex, replace_text
from mintrender.parse.jsvalues import (
    JsMap,
    JsObject,
    JsSet,
    _js_string,
    _tidy,
    arithmetic,
    loose_equal,
    make_collection,
    strict_equal,
    to_number,
    truthy,
)


def eval_members(text: str, scope: dict[str, Any]) -> Any:
    """`text` (an object literal a module defines) with its function members kept callable
    (`strings.install("npm")`, Helicone's `{ install: (tool) => ... }`); where the object is
    shown or passed on, `evaluate` leaves them out (undefined), as before."""
    value = _Evaluator(scope).run(parse_expression(text, lazy=True))
    if not isinstance(value, dict):
        return _data(value, 0) if _is_data(value) else None
    kept: dict[str, Any] = {}
    for key, item in value.items():
        if isinstance(item, _Arrow):
            kept[key] = _Function(key, _calling(item))
        else:
            kept[key] = item if isinstance(item, _Function) else _data(item, 1)
    return kept


def _calling(arrow: _Arrow) -> Callable[[list[Any]], Any]:
    return lambda args: arrow(*args)


def evaluate(node: Node, scope: dict[str, Any]) -> Any:
    """The value of a parsed expression in `scope`: JSON-like data (raises ExprError)."""
    value = _Evaluator(scope).run(node)
    if not _is_data(value):
        raise ExprError("a function is not a value that can be shown", 0)
    return _data(value, 0)


def _data(value: Any, depth: int) -> Any:
    """`value` with the functions inside it (`{ label, onClick: () => … }`: a handler, which
    a static page never calls) left out as undefined: the rest of the data stays usable."""
    if depth > MAX_DEPTH:
        raise ExprError(f"builds a value nested more than {MAX_DEPTH} levels deep", 0)
    if isinstance(value, list):
        items = [_data(item, depth + 1) for item in value]
        same = all(a is b for a, b in zip(items, value, strict=True))
        return value if same else items  # unchanged data keeps its identity
    if isinstance(value, dict):
        found = {key: _data(item, depth + 1) for key, item in value.items()}
        return value if all(found[k] is v for k, v in value.items()) else found
    return value if _is_data(value) else None


def eval_js(text: str, scope: dict[str, Any]) -> Any:
    """Parse and evaluate `text` (raises ExprError)."""
    return evaluate(parse_expression(text, lazy=True), scope)


def free_names(node: Node) -> set[str]:
    """Names an expression reads from its scope (not the built-in `encodeURIComponent`,
    `Object`…, nor a name only asked its `typeof`, which needs no value)."""
    out: set[str] = set()
    stack: list[Any] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple) and item:
            if item[0] == "name":
                if item[1] not in GLOBALS and item[1] not in NAMESPACES:
                    out.add(item[1])
                continue
            if item[0] == "unary" and item[1] == "typeof" and item[2][0] == "name":
                continue
            if item[0] == "arrow":  # its parameters are its own
                out |= free_names(item[2]) - _param_names(item[1])
                continue
            stack.extend(x for x in item[1:] if isinstance(x, (tuple, list)))
        elif isinstance(item, list):
            stack.extend(item)
    return out


def _param_names(specs: tuple[Any, ...]) -> set[str]:
    """The names an arrow function's parameters bind (`expr.param_specs`: a name, a default,
    an object or array pattern, a rest)."""
    out: set[str] = set()
    for spec in specs:
        if isinstance(spec, str):
            out.add(spec)
        elif spec[0] in ("default", "rest"):
            out.add(spec[1])
        elif spec[0] == "object":
            out |= {local for _, local, _ in spec[1]} | ({spec[2]} if spec[2] else set())
        elif spec[0] == "array":
            out |= {item[0] for item in spec[1] if item}
    return out


_CUT = object()
"""A chain cut by `?.` (`a?.b.c` with `a` undefined): undefined at the chain's end."""


class _Evaluator:
    def __init__(self, scope: dict[str, Any]) -> None:
        self.scope = scope
        self.steps = 0

    def run(self, node: Node) -> Any:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise ExprError(f"takes more than {MAX_STEPS:,} steps to evaluate", 0)
        kind = node[0]
        if kind == "lit":
            return node[1]
        if kind == "regex":
            return js_regex(node[1], node[2], node[3])
        if kind == "name":
            return self.name(node[1], node[2])
        if kind == "template":
            return _sized("".join(_js_string(self.run(part)) for part in node[1]), node[2])
        if kind == "array":
            return self._items(node[1], "an array", node[2])
        if kind == "object":
            obj: dict[str, Any] = {}
            for entry in node[1]:
                if entry[0] == "spread":
                    value = self.run(entry[1])  # as JavaScript: `...(on && {…})` with `on`
                    if isinstance(value, dict):  # false spreads nothing, a string its letters
                        obj.update(value)
                    elif isinstance(value, (list, str)):
                        obj.update((str(i), item) for i, item in enumerate(value))
                else:
                    obj[_js_string(self.run(entry[1]))] = self.run(entry[2])
            return obj
        if kind == "cond":
            return self.run(node[2] if truthy(self.run(node[1])) else node[3])
        if kind == "unary":
            operand = node[2]
            if node[1] == "typeof" and operand[0] == "name" and not self.knows(operand[1]):
                return "undefined"  # `typeof window`: as JavaScript, no error (and no browser)
            return self.unary(node[1], self.run(operand))
        if kind == "bin":
            return self.binary(node)
        if kind in ("member", "call"):  # the end of a chain: a `?.` that cut it is undefined
            value = self._link(node)
            return None if value is _CUT else value
        if kind == "new":  # `new Set(items)`, `new Map(entries)`, `new Date()`
            if node[1] in ("Set", "Map"):
                return make_collection(node[1], self._arguments(node[2]))
            if node[1] == "Array":  # `new Array(3)`: 3 empty slots, `.fill`ed or spread
                return array_of(self._arguments(node[2]))
            return make_instance(node[1], self._arguments(node[2]), node[3])
        if kind == "arrow":
            return _Arrow(node[1], node[2], self)
        if kind == "opaque":  # a function the subset cannot run: fails once it is needed
            raise ExprError(node[1], node[2])
        if kind == "block":  # `(a) => { ...; return x; }`: its statements run when called
            params, block, scope, start = node[1], node[2], self.scope, node[3]

            def call(args: list[Any]) -> Any:
                bound = bind_params(params, args, _defaults(scope))
                try:
                    return run_block(block, {**scope, **bound})
                except ExprError as exc:  # at the function, in the expression's source
                    raise ExprError(exc.message, start) from None

            return _Function("function", call)
        raise ExprError(f"unsupported expression ({kind})", 0)  # pragma: no cover

    def knows(self, word: str) -> bool:
        return word in self.scope or word in GLOBALS or word in NAMESPACES

    def name(self, word: str, offset: int) -> Any:
        if word in self.scope:
            value = self.scope[word]
            if not _is_data(value) and not isinstance(value, _Function):  # a file's function
                raise ExprError(f"`{word}` is not a value known at build time", offset)
            return value
        if word in GLOBALS:
            return _Function(word, GLOBALS[word])
        if word in NAMESPACES:
            return _Namespace(word)
        raise ExprError(f"`{word}` is not defined on this page", offset)

    def unary(self, op: str, value: Any) -> Any:
        if op == "!":
            return not truthy(value)
        if op == "typeof":
            return _typeof(value)
        number = to_number(value)
        return -number if op == "-" else number

    def binary(self, node: Node) -> Any:
        _, op, left_node, right_node, offset = node
        left = self.run(left_node)
        if op == "||":
            return left if truthy(left) else self.run(right_node)
        if op == "&&":
            return self.run(right_node) if truthy(left) else left
        if op == "??":
            return self.run(right_node) if left is None else left
        right = self.run(right_node)
        if op == "+":
            if isinstance(left, (str, list, dict)) or isinstance(right, (str, list, dict)):
                return _sized(_js_string(left) + _js_string(right), offset)
            return _tidy(to_number(left) + to_number(right))
        if op in ("===", "!=="):
            return strict_equal(left, right) == (op == "===")
        if op in ("==", "!="):
            return loose_equal(left, right) == (op == "==")
        if op in ("<", ">", "<=", ">="):
            if isinstance(left, str) and isinstance(right, str):
                a: Any = left
                b: Any = right
            else:
                a, b = to_number(left), to_number(right)
            if isinstance(a, float) and math.isnan(a) or isinstance(b, float) and math.isnan(b):
                return False
            return {"<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[op]
        return arithmetic(op, to_number(left), to_number(right))

    def member(self, node: Node) -> Any:
        _, obj_node, key_node, optional, offset = node
        obj = self._link(obj_node)
        if obj is _CUT:
            return _CUT
        key = self.run(key_node)
        if obj is None:
            if optional:
                return _CUT
            what = _js_string(key)
            raise ExprError(f"cannot read `{what}` of undefined (use `?.` or `||`)", offset)
        if isinstance(obj, _Function) and obj.name in NAMESPACES:  # `Number.isInteger`
            obj = _Namespace(obj.name)
        if isinstance(obj, _Function):
            raise ExprError("properties of functions are not supported", offset)
        if isinstance(obj, _Namespace):
            fn = NAMESPACES[obj.name].get(_js_string(key))
            if fn is None:
                raise ExprError(f"`{obj.name}.{_js_string(key)}` cannot run at build time", offset)
            return _Function(f"{obj.name}.{_js_string(key)}", fn)
        if isinstance(obj, (JsDate, JsFormat)) and isinstance(key, str):
            return _Method(obj, key)  # its methods, or an error naming the one it lacks
        if isinstance(obj, (JsSet, JsMap)) and key in ("size", "has", "get"):
            return len(obj) if key == "size" else _Method(obj, key)
        if isinstance(key, str) and key in _METHODS and _method_applies(obj, key):
            return _Method(obj, key)
        if isinstance(obj, dict):
            return obj.get(_js_string(key))
        if isinstance(obj, (list, str)):
            if key == "length":
                return len(obj)
            index = key if isinstance(key, int) and not isinstance(key, bool) else None
            if isinstance(key, str) and key.isdigit():
                index = int(key)
            if index is not None and 0 <= index < len(obj):
                return obj[index]
        return None

    def _arguments(self, nodes: list[Node]) -> list[Any]:
        return self._items(nodes, "a call")  # `Math.max(...prices)`: the array's items

    def _items(self, nodes: list[Node], into: str, sized_at: int | None = None) -> list[Any]:
        """The values of array items or call arguments, spreads (`...xs`) spread; an array's
        size is checked as it grows (`sized_at`: its offset)."""
        items: list[Any] = []
        for item in nodes:
            if item[0] == "spread":
                value = self.run(item[1])
                if not isinstance(value, (list, str)):
                    raise ExprError(f"only arrays can be spread into {into}", item[2])
                items.extend(value)
            else:
                items.append(self.run(item))
            if sized_at is not None:
                _sized(items, sized_at)
        return items

    def _link(self, node: Node) -> Any:
        """A link of a chain (`a?.b.c`, `f?.(x).y`): `_CUT` once a `?.` met undefined, so the
        rest of the chain is skipped, as JavaScript does."""
        if node[0] == "member":
            return self.member(node)
        if node[0] == "call":
            return self.call(node)
        return self.run(node)

    def call(self, node: Node) -> Any:
        callee_node, arg_nodes, offset = node[1], node[2], node[3]
        callee = self._link(callee_node)
        if callee is _CUT or (callee is None and len(node) > 4):  # `f?.()`, `f` undefined
            return _CUT
        args = self._arguments(arg_nodes)
        if isinstance(callee, _Method):
            return _sized(callee.call(args, offset), offset)
        if isinstance(callee, _Function):
            return _sized(callee.fn(args), offset)
        if isinstance(callee, _Arrow):  # `((x = 2) => x * 2)()`
            return _sized(callee(*args), offset)
        if isinstance(callee, _Namespace) and callee.name == "Array":  # `[...Array(3)]`
            return array_of(args)
        raise ExprError("only a few string and array methods can be called at build time", offset)


def _defaults(scope: dict[str, Any]) -> Callable[[str, dict[str, Any]], Any]:
    """A parameter's default computed over `scope` and the parameters bound before it."""
    return lambda source, bound: _Evaluator({**scope, **bound}).run(
        parse_expression(source, lazy=True)
    )


class _Arrow:
    """`(a, b) => expr`, run where a method calls it: its parameters bound over the scope it
    was written in; its steps count towards the expression's."""

    def __init__(self, params: tuple[str, ...], body: Node, outer: _Evaluator) -> None:
        self.params, self.body, self.outer = params, body, outer

    def __call__(self, *args: Any) -> Any:
        scope = self.outer.scope
        inner = _Evaluator({**scope, **bind_params(self.params, list(args), _defaults(scope))})
        inner.steps = self.outer.steps
        try:
            return inner.run(self.body)
        finally:
            self.outer.steps = inner.steps


def _callback(args: list[Any], name: str, offset: int) -> Callable[..., Any]:
    """The function a method is given: an arrow written there, or a named function of the
    build-time subset (`items.map(label)`)."""
    if args and isinstance(args[0], _Arrow):
        return args[0]
    if args and isinstance(args[0], _Function):
        fn = args[0].fn
        return lambda *values: fn(list(values))
    raise ExprError(f"`.{name}()` needs a function `(x) => ...` at build time", offset)


def _list_call(target: list[Any], name: str, args: list[Any], offset: int) -> Any:
    """`.map`, `.filter`, `.find`, `.findIndex`, `.some`, `.every`, `.flatMap`, `.reduce` with
    an arrow function."""
    fn = _callback(args, name, offset)
    if name == "map":
        return [fn(v, i) for i, v in enumerate(target)]
    if name == "flatMap":
        out: list[Any] = []
        for i, v in enumerate(target):
            found = fn(v, i)
            out.extend(found if isinstance(found, list) else [found])
        return out
    if name == "filter":
        return [v for i, v in enumerate(target) if truthy(fn(v, i))]
    if name in ("find", "findIndex"):
        for i, v in enumerate(target):
            if truthy(fn(v, i)):
                return v if name == "find" else i
        return None if name == "find" else -1
    if name == "some":
        return any(truthy(fn(v, i)) for i, v in enumerate(target))
    if name == "every":
        return all(truthy(fn(v, i)) for i, v in enumerate(target))
    # reduce
    items = list(enumerate(target))
    if len(args) > 1:
        acc = args[1]
    elif items:
        acc = items.pop(0)[1]
    else:
        raise ExprError("`.reduce()` of an empty array needs a start value", offset)
    for i, v in items:
        acc = fn(acc, v, i)
    return acc


class _Namespace:
    """`Object`: its functions in `NAMESPACES` (`Object.keys(x)`), nothing else."""

    def __init__(self, name: str) -> None:
        self.name = name


class _Function:
    def __init__(self, name: str, fn: Callable[[list[Any]], Any]) -> None:
        self.name = name
        self.fn = fn

    def __call__(self, *args: Any) -> Any:  # as a callback (`Array.from(xs, format)`)
        return self.fn(list(args))


def js_function(name: str, fn: Callable[[list[Any]], Any]) -> Any:
    """A value the build-time subset can call (`name(args)`): `fn` gets the evaluated
    arguments and returns the result (an `ExprError` it raises is the call's)."""
    return _Function(name, fn)


class _Method:
    def __init__(self, target: Any, name: str) -> None:
        self.target = target
        self.name = name

    def call(self, args: list[Any], offset: int) -> Any:
        target, name = self.target, self.name
        if isinstance(target, JsDate):
            return date_method(target, name, args, offset)
        if isinstance(target, JsFormat):
            return format_method(target, name, args, offset)
        arg = args[0] if args else None
        if name == "join":
            sep = "," if arg is None else _js_string(arg)
            return sep.join("" if v is None else _js_string(v) for v in target)
        if name == "toString":
            return _js_string(target)
        if name == "includes":
            return (
                any(strict_equal(v, arg) for v in target)
                if isinstance(target, list)
                else _js_string(arg) in target
            )
        if name == "slice":
            start = int(to_number(arg)) if arg is not None else 0
            end = int(to_number(args[1])) if len(args) > 1 and args[1] is not None else None
            return target[start:end]
        if name == "split":
            return list(target) if arg == "" else target.split(_js_string(arg))
        if name == "startsWith":
            return target.startswith(_js_string(arg))
        if name == "endsWith":
            return target.endswith(_js_string(arg))
        if name == "trim":
            return target.strip()
        if name == "toUpperCase":
            return target.upper()
        if name == "toLowerCase":
            return target.lower()
        if name in ("replace", "replaceAll"):
            return _replace(target, args, name == "replaceAll", offset)
        if name in _CALLBACK_METHODS:
            return _list_call(target, name, args, offset)
        if name == "test":
            return target.test(_js_string(arg))
        if isinstance(target, JsMap):  # `map.get(key)`, `map.has(key)`
            key = arg if isinstance(arg, str) else _js_string(arg)
            return target.get(key) if name == "get" else key in target
        if isinstance(target, JsSet) and name == "has":
            return any(strict_equal(v, arg) for v in target)
        fn = _callback(args, name, offset) if name == "sort" and args else None
        return more_method(target, name, args, fn, offset)  # `.toFixed(2)`, `.padStart(3)`…


_STRING_METHODS = frozenset(
    "toString includes slice split startsWith endsWith trim toUpperCase toLowerCase replace "
    "replaceAll".split()
)
_CALLBACK_METHODS = frozenset("map filter find findIndex some every flatMap reduce".split())
_LIST_METHODS = frozenset("join toString includes slice".split()) | _CALLBACK_METHODS
_STRING_METHODS |= STRING_METHODS
_LIST_METHODS |= LIST_METHODS
_METHODS = _STRING_METHODS | _LIST_METHODS | NUMBER_METHODS | {"test"}


def _replace(target: str, args: list[Any], every: bool, offset: int) -> str:
    """`target.replace(pattern, replacement)` (`.replaceAll`): a string or regex pattern, a
    string replacement (a function replacement cannot run at build time)."""
    pattern = args[0] if args else None
    if len(args) > 1 and isinstance(args[1], _Arrow):  # `.replace(/\b\w/g, (l) => l.toUpperCase())`
        fn = args[1]
        if isinstance(pattern, JsRegex):
            if every and not pattern.global_:
                raise ExprError("`.replaceAll` needs a global (`/g`) regular expression", offset)
            count = 0 if (every or pattern.global_) else 1

            def call(m: Any) -> str:
                return _js_string(fn(m.group(0), *m.groups(), m.start(), target))

            return _sized(pattern.compiled.sub(call, target, count=count), offset)
        text = _js_string(pattern)
        at = target.find(text)
        if at < 0:
            return target
        if every:
            return _sized(target.replace(text, _js_string(fn(text, at, target))), offset)
        return _sized(
            target[:at] + _js_string(fn(text, at, target)) + target[at + len(text) :], offset
        )
    replacement = _js_string(args[1]) if len(args) > 1 else "undefined"
    if isinstance(pattern, JsRegex):
        if every and not pattern.global_:
            raise ExprError("`.replaceAll` needs a global (`/g`) regular expression", offset)
        return _sized(pattern.replace(target, replacement, every=every), offset)
    return _sized(replace_text(target, _js_string(pattern), replacement, every=every), offset)


def _method_applies(obj: Any, name: str) -> bool:
    if isinstance(obj, JsRegex):
        return name == "test"
    if isinstance(obj, str):
        return name in _STRING_METHODS
    if isinstance(obj, list):
        return name in _LIST_METHODS
    if isinstance(obj, (int, float)) and not isinstance(obj, bool) and name in NUMBER_METHODS:
        return True
    return name == "toString" and not isinstance(obj, dict)


# -- JavaScript value semantics -------------------------------------------------------------------
def _typeof(value: Any) -> str:
    if value is None:
        return "undefined"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (_Function, _Method, _Namespace)):
        return "function"
    return "object"


class Opaque:
    """A value the build-time subset carries without looking inside it (a component's markup,
    `const icons = { a: <svg/> }`): it can be stored, looked up and tested, never computed on."""

    __slots__ = ()


def _is_data(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool, list, dict, Opaque, JsObject))


def _sized(value: Any, offset: int) -> Any:
    if isinstance(value, (str, list)) and len(value) > MAX_SIZE:
        raise ExprError(f"builds a value larger than {MAX_SIZE:,}", offset)
    return value
