"""Build-time evaluation of the JavaScript expressions authors write in MDX: a safe subset.

    href={"https://example.com/survey?src=" + (props.src || "docs")}
    {`Hello ${name}!`}   {tags.join(", ")}   {plan === "pro" ? "Pro" : "Free"}   {CONFIG.urls.api}

Grammar (lowest precedence first; a pure parser of our own, nothing is ever executed)::

    expression  := conditional
    conditional := binary ("?" expression ":" expression)?
    binary      := unary (operator unary)*        ?? || && | == != === !== | < > <= >= | + - | * / %
    unary       := ("!" | "-" | "+" | "typeof") unary | postfix
    postfix     := primary ("." name | "?." name | "[" expression "]" | "(" arguments ")")*
    primary     := number | string | template | regex | name | "(" expression ")"
                 | "[" (expression | "..." expression),* "]"
                 | "{" (name | key ":" expression | "[" expression "]" ":" expression
                        | "..." expression),* "}"

Names are looked up in a scope (exported constants, imported values, snippet props, `props`);
`true false null undefined NaN Infinity` are literals. Calls are limited to a few pure methods
(`join`, `toUpperCase`, `includes`, ... in `_METHODS`) and `String`, `Number`,
`encodeURIComponent`. Values are JSON-like Python values: str, int/float, bool, None (null and
undefined), list, dict. Anything else (functions, JSX, assignments, unknown names) raises
`ExprError(message, offset)`, as do inputs past the bounds (`MAX_SOURCE`, `MAX_DEPTH`,
`MAX_STEPS`, `MAX_SIZE`): evaluation never hangs.
"""

from __future__ import annotations

import math
import re
from typing import Any

from mintrender.fileio import whole_text

MAX_SOURCE = 20_000
"""Characters of one expression."""
MAX_DEPTH = 100
"""Depth of the syntax tree (nesting, and chains of operators or property accesses)."""
MAX_STEPS = 20_000
"""Evaluation steps of one expression."""
MAX_SIZE = 1_000_000
"""Characters of a string, or items of a list, an expression may build."""


class ExprError(Exception):
    """An expression outside the subset (or past a bound); `offset` is in its source."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


Node = tuple[Any, ...]
_FLAGS = re.compile(r"[a-z]*")

NUMBER = re.compile(
    r"0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
)
_NAME = re.compile(r"[A-Za-z_$][\w$]*")
_ARROW = re.compile(r"\((?:[^()]|\([^()]*\))*\)\s*=>")
_WS = re.compile(r"(?:\s+|//[^\n]*|/\*.*?\*/)*", re.S)
_BINARY: dict[str, int] = {
    "??": 1, "||": 2, "&&": 3,
    "==": 4, "!=": 4, "===": 4, "!==": 4,
    "<": 5, ">": 5, "<=": 5, ">=": 5,
    "+": 6, "-": 6, "*": 7, "/": 7, "%": 7, "**": 8,
}  # fmt: skip
_OPERATORS = sorted(_BINARY, key=len, reverse=True)
_LITERALS: dict[str, Any] = {
    "true": True,
    "false": False,
    "null": None,
    "undefined": None,
    "NaN": math.nan,
    "Infinity": math.inf,
}
_KEYWORDS = frozenset(
    "function class new this return var let const if else for while do switch case await "
    "async yield delete void in instanceof import export super throw try catch".split()
)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


# -- parsing -------------------------------------------------------------------------------------
def parse_expression(text: str, *, lazy: bool = False) -> Node:
    """The syntax tree of a whole expression (raises ExprError).

    `lazy`: a function with a `{ ... }` body is a `("block", params, source, offset)` node,
    run when it is called (`expreval.run_block`), and one the subset cannot run (default or
    destructured parameters) an `("opaque", why, offset)` node that fails only when it is
    evaluated, so `known[v] ?? (() => { ... })()` gives `known[v]` whenever that is defined,
    as in JavaScript. Without it such a function fails the parse (for callers reading
    names)."""
    if len(text) > MAX_SOURCE:
        raise ExprError(f"expression longer than {MAX_SOURCE:,} characters", 0)
    parser = _Parser(text, lazy)
    node = parser.expression(0)
    end = parser.ws(parser.pos)
    if end != len(text):
        raise ExprError(_unexpected(text, end), end)
    return node


_BLOCK_BODY = "functions with a `{ ... }` body cannot run at build time"
_NEW = re.compile(r"\s+(Set|Map|Array|Date|Intl\.NumberFormat|Intl\.DateTimeFormat)\s*\(")


def _top_split(text: str, mark: str) -> list[str]:
    """`text` split at `mark` outside brackets and strings."""
    out, depth, start, quote = [], 0, 0, ""
    for i, c in enumerate(text):
        if quote:
            quote = "" if c == quote and text[i - 1] != "\\" else quote
        elif c in "\"'`":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == mark and depth == 0 and not (mark == "=" and text[i + 1 : i + 2] in ("=", ">")):
            out.append(text[start:i])
            start = i + 1
    return [*out, text[start:]]


def _binding(text: str) -> tuple[str, str] | None:
    """`name` or `name = default` -> (name, default source); None for anything else."""
    name, *rest = _top_split(text, "=")
    name = name.strip()
    if not _NAME.fullmatch(name) or name in _KEYWORDS:
        return None
    return name, "=".join(rest).strip()


def param_specs(raw: str) -> list[Any] | None:
    """An arrow function's parameter list with defaults or patterns: each a name, or
    ("default", name, source), ("object", ((key, local, default), …), rest, default),
    ("array", ((name, default) or None, …), default), ("rest", name); None for a list the
    build cannot bind (nested patterns)."""
    specs: list[Any] = []
    for part in (p.strip() for p in _top_split(raw, ",")):
        if not part:
            continue
        if part.startswith("...") and _NAME.fullmatch(part[3:].strip()):
            specs.append(("rest", part[3:].strip()))
            continue
        pattern, *rest = _top_split(part, "=")
        pattern, whole = pattern.strip(), "=".join(rest).strip()
        if pattern.startswith("{") and pattern.endswith("}"):
            keys: list[tuple[str, str, str]] = []
            spread = ""
            for item in (x.strip() for x in _top_split(pattern[1:-1], ",")):
                if item.startswith("..."):
                    spread = item[3:].strip()
                    continue
                key, colon, target = (x.strip() for x in item.partition(":"))
                bound = _binding(target if colon else item)
                if not item or bound is None or not (_NAME.fullmatch(key) or not colon):
                    if not item:
                        continue
                    return None
                keys.append((key.split("=")[0].strip() if not colon else key, *bound))
            specs.append(("object", tuple(keys), spread, whole))
        elif pattern.startswith("[") and pattern.endswith("]"):
            items: list[tuple[str, str] | None] = []
            for x in _top_split(pattern[1:-1], ","):
                bound = _binding(x) if x.strip() else None  # `[, second]`: a hole
                if bound is None and x.strip():
                    return None
                items.append(bound)
            specs.append(("array", tuple(items), whole))
        else:
            bound = _binding(part)
            if bound is None:
                return None
            specs.append(("default", *bound) if bound[1] else bound[0])
    return specs


_BEFORE_REGEX = re.compile(r"(?:[(,=:\[!&|?{};+\-*%<>~^]|\breturn|\btypeof|\A)\s*\Z")


def regex_literal_end(text: str, i: int) -> int | None:
    r"""The index after the regular expression literal that starts at `text[i] == "/"` (its
    flags too), for scanners that skip literals (`/\s|\//g` is no comment, `/"/` no string);
    None when `/` is a division or a comment there, or the literal does not close on its
    line."""
    if text.startswith(("//", "/*"), i) or not _BEFORE_REGEX.search(text, max(0, i - 12), i):
        return None
    j, in_class = i + 1, False
    while j < len(text) and text[j] != "\n":
        c = text[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        elif c == "/" and not in_class:
            return _FLAGS.match(text, j + 1).end()  # type: ignore[union-attr]
        j += 1
    return None


def _block_end(text: str, i: int) -> int:
    """Offset after the `}` closing the block at `text[i]`, strings, templates and comments
    skipped; -1 when it cannot be found."""
    depth, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "\"'`":
            j = i + 1
            while j < n and text[j] != ch:
                if text[j] == "\\":
                    j += 1
                elif ch == "`" and text.startswith("${", j):
                    j = _block_end(text, j + 1) - 1
                    if j < 0:
                        return -1
                j += 1
            i = j + 1
            continue
        if text.startswith(("//", "/*"), i):
            close = text.find("\n" if text[i + 1] == "/" else "*/", i + 2)
            if close < 0:
                return -1
            i = close + (1 if text[i + 1] == "/" else 2)
            continue
        if ch in "{[(":
            depth += 1
        elif ch in "}])":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


class _Parser:
    def __init__(self, text: str, lazy: bool = False) -> None:
        self.text = text
        self.pos = 0
        self.lazy = lazy

    def ws(self, i: int) -> int:
        return _WS.match(self.text, i).end()  # type: ignore[union-attr]

    def peek(self, *options: str) -> str | None:
        self.pos = self.ws(self.pos)
        for option in options:
            if self.text.startswith(option, self.pos):
                return option
        return None

    def take(self, token: str) -> None:
        if self.peek(token) is None:
            raise ExprError(f"expected `{token}`, " + _unexpected(self.text, self.pos), self.pos)
        self.pos += len(token)

    def expression(self, depth: int) -> Node:
        if depth > MAX_DEPTH:
            raise ExprError(f"nested more than {MAX_DEPTH} levels deep", self.pos)
        test = self.binary(0, depth + 1)
        if self.peek("?.") is None and self.peek("??") is None and self.peek("?"):
            start = self.pos
            self.pos += 1
            yes = self.expression(depth + 1)
            self.take(":")
            no = self.expression(depth + 1)
            return ("cond", test, yes, no, start)
        if self.peek("=>"):
            raise ExprError("functions (`=>`) cannot run at build time", self.pos)
        return test

    def binary(self, min_level: int, depth: int) -> Node:
        left = self.unary(depth)
        while True:
            depth += 1  # `a + b + c` nests to the left: each operator is a level
            if depth > MAX_DEPTH:
                raise ExprError(f"nested more than {MAX_DEPTH} levels deep", self.pos)
            op = self.peek(*_OPERATORS)
            if op is None or _BINARY[op] <= min_level:
                if op is None and self.peek("="):
                    if not self.text.startswith("=>", self.pos):
                        raise ExprError("assignments cannot run at build time", self.pos)
                return left
            if op in ("<", ">") and self.text.startswith(op + op, self.pos):
                raise ExprError(f"the operator `{op + op}` is not supported", self.pos)
            start = self.pos
            self.pos += len(op)
            # `**` groups to the right (`2 ** 3 ** 2` is 2 ** 9)
            right = self.binary(_BINARY[op] - (op == "**"), depth + 1)
            left = ("bin", op, left, right, start)

    def unary(self, depth: int) -> Node:
        if depth > MAX_DEPTH:
            raise ExprError(f"nested more than {MAX_DEPTH} levels deep", self.pos)
        self.pos = self.ws(self.pos)
        start = self.pos
        if self.text.startswith("typeof", start) and not _continues_name(self.text, start + 6):
            self.pos += 6
            return ("unary", "typeof", self.unary(depth + 1), start)
        op = self.peek("!", "-", "+")
        if op is not None and not self.text.startswith(op * 2, self.pos):
            self.pos += 1
            return ("unary", op, self.unary(depth + 1), start)
        return self.postfix(depth)

    def postfix(self, depth: int) -> Node:
        node = self.primary(depth)
        while True:
            depth += 1  # `a.b.c` nests too
            if depth > MAX_DEPTH:
                raise ExprError(f"nested more than {MAX_DEPTH} levels deep", self.pos)
            step = self.peek("?.", ".", "[", "(", "`")
            start = self.pos
            if step in ("?.", "."):
                self.pos += len(step)
                bracket = self.peek("[", "(") if step == "?." else None
                if bracket == "[":  # `rows?.[key]`
                    self.pos += 1
                    key = self.expression(depth + 1)
                    self.take("]")
                    node = ("member", node, key, True, start)
                    continue
                if bracket == "(":  # `onDone?.(x)`: undefined when there is no function
                    self.pos += 1
                    node = ("call", node, self.items(")", depth, spread=True), start, True)
                    continue
                self.pos = self.ws(self.pos)
                m = _NAME.match(self.text, self.pos)
                if not m:
                    raise ExprError("expected a property name after `.`", self.pos)
                self.pos = m.end()
                node = ("member", node, ("lit", m.group(0)), step == "?.", start)
            elif step == "[":
                self.pos += 1
                key = self.expression(depth + 1)
                self.take("]")
                node = ("member", node, key, False, start)
            elif step == "(":
                self.pos += 1
                args = self.items(")", depth, spread=True)  # `Math.max(...prices)`
                node = ("call", node, args, start)
            elif step == "`":
                raise ExprError("tagged templates are not supported", start)
            else:
                return node

    def items(self, close: str, depth: int, *, spread: bool) -> list[Node]:
        out: list[Node] = []
        while self.peek(close) is None:
            if self.peek("..."):
                if not spread:
                    raise ExprError("spread arguments are not supported", self.pos)
                start = self.pos
                self.pos += 3
                out.append(("spread", self.expression(depth + 1), start))
            else:
                out.append(self.expression(depth + 1))
            if self.peek(",") is None:
                break
            self.pos += 1
        self.take(close)
        return out

    def primary(self, depth: int) -> Node:
        text = self.text
        i = self.pos = self.ws(self.pos)
        if i >= len(text):
            raise ExprError("the expression ends too early", i)
        ch = text[i]
        if ch in "\"'":
            value, self.pos = _string(text, i)
            return ("lit", value)
        if ch == "`":
            return self.template(depth)
        if ch == "(":
            arrow = _ARROW.match(text, i)
            if arrow:
                raw = text[i + 1 : arrow.end()].rsplit(")", 1)[0]
                names = [n.strip() for n in raw.split(",")]
                plain = all(_NAME.fullmatch(n) for n in names if n)
                specs = None if plain else param_specs(raw)
                if specs is not None:  # `({ name, on = false }) =>`, `([k, v]) =>`
                    self.pos = self.ws(arrow.end())
                    if self.text.startswith("{", self.pos):
                        end = _block_end(self.text, self.pos) if self.lazy else -1
                        if end < 0:
                            raise ExprError(_BLOCK_BODY, i)
                        block, self.pos = self.text[self.pos : end], end
                        return ("block", tuple(specs), block, i)
                    return ("arrow", tuple(specs), self.expression(depth + 1), i)
                return self.arrow([n for n in names if n], arrow.end(), i, depth)
            self.pos += 1
            node = self.expression(depth + 1)
            self.take(")")
            return node
        if ch == "[":
            self.pos += 1
            return ("array", self.items("]", depth + 1, spread=True), i)
        if ch == "{":
            return self.object(depth + 1)
        m = NUMBER.match(text, i)
        if m and not _continues_name(text, m.end()):
            self.pos = m.end()
            return ("lit", _number(m.group(0)))
        m = _NAME.match(text, i)
        if m:
            word = m.group(0)
            self.pos = m.end()
            if word in _LITERALS:
                return ("lit", _LITERALS[word])
            if word == "new" and (made := _NEW.match(text, self.pos)):  # `new Set(items)`, Date
                self.pos = made.end()
                return ("new", made.group(1), self.items(")", depth, spread=True), i)
            if word in _KEYWORDS:
                raise ExprError(f"`{word}` cannot run at build time", i)
            if self.peek("=>"):  # `x => x.name`
                return self.arrow([word], self.pos + 2, i, depth)
            return ("name", word, i)
        if ch == "<":
            raise ExprError("JSX inside an expression is not supported", i)
        if ch == "/" and not text.startswith(("//", "/*"), i):
            return self.regex(i)
        raise ExprError(_unexpected(text, i), i)

    def arrow(self, params: list[str], body_at: int, start: int, depth: int) -> Node:
        """`(a, b) => expr`: a function of plain parameters and an expression body (no block,
        no defaults, no destructuring), for `.map`, `.filter`, `.replace` and their kin."""
        why = ""
        if not all(_NAME.fullmatch(p) and p not in _KEYWORDS for p in params):
            why = "functions with default or destructured parameters cannot run at build time"
        self.pos = self.ws(body_at)
        if self.text.startswith("{", self.pos):
            end = _block_end(self.text, self.pos) if self.lazy else -1
            if end < 0:
                raise ExprError(why or _BLOCK_BODY, start)
            block, self.pos = self.text[self.pos : end], end
            return ("opaque", why, start) if why else ("block", tuple(params), block, start)
        if why and not self.lazy:
            raise ExprError(why, start)
        body = self.expression(depth + 1)
        return ("opaque", why, start) if why else ("arrow", tuple(params), body, start)

    def regex(self, start: int) -> Node:
        """A regular expression literal `/source/flags` (`jsregex` checks and runs it)."""
        text, j, in_class = self.text, start + 1, False
        while j < len(text) and text[j] != "\n":
            c = text[j]
            if c == "\\":
                j += 2
                continue
            if c == "/" and not in_class:
                flags = _FLAGS.match(text, j + 1)
                assert flags is not None  # `[a-z]*` matches
                self.pos = flags.end()
                return ("regex", text[start + 1 : j], flags.group(0), start)
            in_class = (in_class or c == "[") and c != "]"
            j += 1
        raise ExprError("unclosed regular expression", start)

    def object(self, depth: int) -> Node:
        start = self.pos
        self.pos += 1
        entries: list[Node] = []
        while self.peek("}") is None:
            i = self.pos
            if self.peek("..."):
                self.pos += 3
                entries.append(("spread", self.expression(depth + 1), i))
            else:
                shorthand = None
                if i >= len(self.text):
                    raise ExprError("unclosed object: expected `}`", start)
                if self.text[i] in "\"'":
                    key, self.pos = _string(self.text, i)
                    key_node: Node = ("lit", key)
                elif self.text[i] == "[":
                    self.pos += 1
                    key_node = self.expression(depth + 1)
                    self.take("]")
                elif m := (_NAME.match(self.text, i) or NUMBER.match(self.text, i)):
                    self.pos = m.end()
                    word = m.group(0)
                    key_node = ("lit", word if _NAME.fullmatch(word) else _number_key(word))
                    shorthand = word if _NAME.fullmatch(word) else None
                else:
                    raise ExprError("expected a property name, " + _unexpected(self.text, i), i)
                if self.peek(":"):
                    self.pos += 1
                    entries.append(("entry", key_node, self.expression(depth + 1)))
                elif shorthand is not None and self.peek(",", "}"):
                    entries.append(("entry", key_node, ("name", shorthand, i)))
                else:
                    raise ExprError("methods and getters cannot run at build time", self.pos)
            if self.peek(",") is None:
                break
            self.pos += 1
        self.take("}")
        return ("object", entries, start)

    def template(self, depth: int) -> Node:
        text = self.text
        start = self.pos
        i = start + 1
        parts: list[Node] = []
        chunk: list[str] = []
        while True:
            if i >= len(text):
                raise ExprError("unclosed template literal", start)
            ch = text[i]
            if ch == "`":
                break
            if ch == "\\" and i + 1 < len(text):
                value, i = _escape(text, i)
                chunk.append(value)
                continue
            if text.startswith("${", i):
                parts.append(("lit", whole_text("".join(chunk))))
                chunk = []
                self.pos = i + 2
                parts.append(self.expression(depth + 1))
                self.take("}")
                i = self.pos
                continue
            chunk.append(ch)
            i += 1
        parts.append(("lit", whole_text("".join(chunk))))
        self.pos = i + 1
        return ("template", parts, start)


def _continues_name(text: str, i: int) -> bool:
    return i < len(text) and (text[i].isalnum() or text[i] in "_$")


def _unexpected(text: str, i: int) -> str:
    if i >= len(text):
        return "found the end of the expression"
    return f"found `{text[i : i + 12].split()[0] if text[i:].strip() else text[i]}`"


def _string(text: str, i: int) -> tuple[str, int]:
    quote_char = text[i]
    out: list[str] = []
    j = i + 1
    while True:
        if j >= len(text) or text[j] == "\n":
            raise ExprError("unclosed string", i)
        ch = text[j]
        if ch == quote_char:  # `"\ud83d\ude00"` one character, a lone `"\ud800"` U+FFFD
            return whole_text("".join(out)), j + 1
        if ch == "\\" and j + 1 < len(text):
            value, j = _escape(text, j)
            out.append(value)
            continue
        out.append(ch)
        j += 1


def _escape(text: str, i: int) -> tuple[str, int]:
    """The character a backslash escape at `i` stands for, and the offset after it."""
    nxt = text[i + 1]
    if nxt in "ux":
        if text.startswith("u{", i + 1):
            end = text.find("}", i + 3)
            digits = text[i + 3 : end] if end > 0 else ""
            if digits and all(c in "0123456789abcdefABCDEF" for c in digits) and len(digits) < 7:
                code = int(digits, 16)
                if code <= 0x10FFFF:
                    return chr(code), end + 1
        size = 4 if nxt == "u" else 2
        digits = text[i + 2 : i + 2 + size]
        if len(digits) == size and all(c in "0123456789abcdefABCDEF" for c in digits):
            return chr(int(digits, 16)), i + 2 + size
    if nxt == "\r" and text.startswith("\r\n", i + 1):
        return "", i + 3
    return _ESCAPES.get(nxt, "" if nxt in "\n\u2028\u2029" else nxt), i + 2


def _number_key(raw: str) -> str:
    """`{1: x}`, `{1.50: x}`: the property names JavaScript makes of numeric keys."""
    value = _number(raw)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _number(raw: str) -> int | float:
    low = raw.lower()
    if low.startswith(("0x", "0o", "0b")):
        return int(low[2:], {"x": 16, "o": 8, "b": 2}[low[1]])
    if any(c in low for c in ".e"):
        return float(raw)
    return int(raw)
