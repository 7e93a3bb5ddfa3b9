"""The build-time JavaScript subset (mintrender.parse.expr / expreval): values and bounds."""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any

import pytest

from mintrender.parse.blocks import use_block_bodies
from mintrender.parse.expr import MAX_DEPTH, MAX_SOURCE, ExprError, parse_expression
from mintrender.parse.expreval import MAX_SIZE, eval_js, free_names
from tests.sitekit import build_site, minimal_config, write_site

use_block_bodies()  # as a build does (`esm`): `{ ... }` function bodies run

SCOPE: dict[str, Any] = {
    "props": {"src": None, "n": 2, "title": "Setup", "list": ["a", "b"]},
    "name": "Ada",
    "CONFIG": {"urls": {"api": "https://api.example.com"}, "plans": ["Free", "Pro"]},
    "empty": "",
    "zero": 0,
}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('"https://example.com/survey?src=" + (props.src || "docs")', "https://example.com/survey?src=docs"),
        ("`Hello ${name}, ${props.n + 1} items`", "Hello Ada, 3 items"),
        ("`nested ${`inner ${name}`}`", "nested inner Ada"),
        ('props.list.join(", ")', "a, b"),
        ("props.list.join()", "a,b"),
        ('props.n === 2 ? "two" : "other"', "two"),
        ('props.n == "2"', True),
        ('props.n === "2"', False),
        ("CONFIG.urls.api + '/v1'", "https://api.example.com/v1"),
        ('CONFIG["plans"][1]', "Pro"),
        ("CONFIG.plans.length", 2),
        ("CONFIG.missing?.deep", None),
        ('props.src ?? "fallback"', "fallback"),
        ('empty ?? "kept"', ""),
        ('empty || "replaced"', "replaced"),
        ('zero && "never"', 0),
        ('props.title && "shown"', "shown"),
        ("[1, ...props.list, [2]]", [1, "a", "b", [2]]),
        ("{a: 1, 'b c': 2, 3: 4, name, ...{d: 5}}", {"a": 1, "b c": 2, "3": 4, "name": "Ada", "d": 5}),
        ("1.0e3", 1000.0),
        ("0x1F + 0o7 + 0b1", 39),
        ('"a" + 1 + 2', "a12"),
        ('1 + 2 + "a"', "3a"),
        ("10 / 4 * 2 - 1", 4),
        ("-props.n", -2),
        ("!props.src", True),
        ("typeof name", "string"),
        ("null", None),
        ("undefined", None),
        ('"caf\\u00e9 \\x41\\n"', "café A\n"),
        ("name.toUpperCase().toLowerCase()", "ada"),
        ('String(12) + Number("3")', "123"),
        ('encodeURIComponent("a b&c")', "a%20b%26c"),
        ("1 /* comment */ + // line\n 2", 3),
        ("(((name)))", "Ada"),
        ('"x" + [1, 2] + {}', "x1,2[object Object]"),
        ("Array.isArray(props.list) && !Array.isArray(name) && !Array.isArray()", True),
        ('"#general".replace(/^#/, "")', "general"),
        ('"my-cool-page".replace(/-/g, " ")', "my cool page"),
        ('"my-cool-page".replace("-", " ")', "my cool-page"),
        ('"my-cool-page".replaceAll("-", "_")', "my_cool_page"),
        ('"my-page".replace(/(\\w+)-(\\w+)/, "$2 $1 $$ [$&]")', "page my $ [my-page]"),
        ('"Ab".replace(/a/i, "x")', "xb"),
        ("/^v\\d/.test(props.title)", False),
        ("/^v\\d/.test('v2.1') && 10 / 2", 5),
        ("props.list.map((x, i) => x + i)", ["a0", "b1"]),
        ("props.list.map(x => x.toUpperCase()).join('')", "AB"),
        ("CONFIG.plans.filter((p) => p !== 'Free')", ["Pro"]),
        ("CONFIG.plans.find((p) => p.startsWith('P'))", "Pro"),
        ("CONFIG.plans.findIndex((p) => p === 'x')", -1),
        ("[1, 2, 3].some((v) => v > 2) && [1, 2].every((v) => v > 0)", True),
        ("[[1], [2, 3]].flatMap((v) => v)", [1, 2, 3]),
        ("[1, 2, 3].reduce((a, b) => a + b, 10)", 16),
        ("[1, 2, 3].reduce((a, b) => a * b)", 6),
        ('"agent_plan".replace(/_/g, " ").replace(/\\b\\w/g, (l) => l.toUpperCase())', "Agent Plan"),
        ('"a-b".replace("-", (m, at) => `[${m}${at}]`)', "a[-1]b"),
        ("props.list.map((name) => name + '!')", ["a!", "b!"]),
        ("props.list.map((x) => { const y = x + x; if (y === 'aa') return 1; return y; })", [1, "bb"]),
        ("(() => {\n let n = props.n;\n if (n > 1) { n = n * 10; }\n return n;\n})()", 20),
        ("props.n > 1 ? 'big' : (() => { for (;;) {} })()", "big"),
        # more methods, each checked against Node.js
        ("(2.005).toFixed(2) + (2.5).toFixed(0) + (-1.5).toFixed(0)", "2.003-2"),
        ("(1234567.891).toLocaleString() + ' ' + (1.0005).toLocaleString()", "1,234,567.891 1.001"),
        ("(5).toLocaleString('en-US', { minimumFractionDigits: 2 })", "5.00"),
        ("(1234.5).toLocaleString('en-US', { style: 'currency', currency: 'USD' })", "$1,234.50"),
        ("(-5).toLocaleString('en-US', { style: 'currency', currency: 'USD' })", "-$5.00"),
        ("(1234).toLocaleString('en-US', { style: 'currency', currency: 'JPY' })", "¥1,234"),
        ("(0.256).toLocaleString('en-US', { style: 'percent' })", "26%"),
        ("(1234.5).toLocaleString('de-DE', { style: 'currency', currency: 'EUR' })", "1.234,50\u00a0€"),
        ("(1234.5).toLocaleString('fr-FR') + (12).toLocaleString('en', { minimumIntegerDigits: 3 })", "1\u202f234,5012"),
        ("name.charAt(0).toLowerCase() + name.slice(1) + String(7).padStart(3, '0')", "ada007"),
        ("[3, 1, 10, 2].sort().join('-') + ' ' + [3, 1, 10, 2].sort((a, b) => a - b).join('-')", "1-10-2-3 1-2-3-10"),
        ("[1, 2, 3].at(-1) + [1, 2].indexOf(2) + 'ab'.padEnd(5, 'xy').length", 9),
        ("parseInt('12px') + parseFloat('3.5em') + parseInt('z', 36)", 50.5),
        ("'hello'.substring(3, 1) + 'x'.repeat(3) + [1].concat([2], 3).reverse().join('')", "elxxx321"),
        ("Array.from({ length: 3 }, (_, i) => i * 2).join() + Array.from('ab').join('')", "0,2,4ab"),
        ("Object.fromEntries([['a', 1]]).a + Object.assign({}, { b: 2 }).b", 3),
        ("Number.isInteger(3) && !Number.isInteger(3.5) && Number.parseInt('5px') === 5", True),
        # parameters with defaults, patterns and a rest (each checked against Node.js)
        ("[{ n: 'p', on: true }, { n: 'q' }].filter(({ on }) => on).map(({ n }) => n).join()", "p"),
        ("Object.entries({ a: 1, b: 2 }).map(([k, v]) => `${k}=${v}`).join(', ')", "a=1, b=2"),
        ("[{ n: 'p' }].map(({ n, on = false }) => n + on).join()", "pfalse"),
        ("((x = 2, y = x * 3) => x + y)() + ((...xs) => xs.length)(1, 2, 3)", 11),
        ("(({ a, ...rest }) => Object.keys(rest).join())({ a: 1, b: 2, c: 3 })", "b,c"),
        ("2 ** 3 ** 2 + Math.min(...[3, 1, 2]) + Math.max(...[1, 5], 2)", 518),
        ("[...new Set(['a', 'b', 'a'])].join() + new Set('aab').size", "a,b2"),
        ("Array.from(new Set([1, 1, 2])).length + new Map([['k', 3]]).get('k')", 5),
        ("new Set([1]).has(1) && !new Map([['a', 1]]).has('b')", True),
        ("'a/b/c.png'.split('/').pop() + ['b', 'A', 'a'].sort((x, y) => x.localeCompare(y))", "c.pnga,A,b"),
        # spreading a primitive into an object spreads nothing, a string its letters (Node.js)
        ("Object.keys({ a: 1, ...(false && { b: 2 }), ...null, ...undefined, ...0 }).join() + ({ ...'xy', ...[5] })[0] + ({ ...'xy' })[1]", "a5y"),
        # a `?.` cuts the rest of its chain; `?.[` and `?.(` too
        ("`${props.nothing?.deep.er}` + (props.nothing?.deep.er ?? '!')", "undefined!"),
        ("props.list?.[1] + (props.nothing?.[0] ?? '-') + (props.src?.(1).x ?? '+')", "b-+"),
    ],
)  # fmt: skip
def test_values(source: str, expected: Any) -> None:
    assert eval_js(source, SCOPE) == expected


@pytest.mark.parametrize(
    ("source", "problem", "offset"),
    [
        ("unknown", "`unknown` is not defined", 0),
        ("props.nothing.deeper", "cannot read `deeper` of undefined", 13),
        ("() => 1", "a function is not a value", 0),
        ("x => x", "a function is not a value", 0),
        ("props.list.map((x) => { for (;;) {} })", "statements cannot run", 15),
        ("props.list.map(({ a: { b } }) => b)", "destructured", 15),
        ("props.title?.(1)", "only a few string and array methods", 11),
        ("props.list.map(x => x.y.z)", "cannot read `z` of undefined", 23),
        ("props.list.map(1)", "needs a function", 14),
        ("[].reduce((a, b) => a + b)", "empty array", 9),
        ("a = 1", "assignments", 2),
        ("name = 1", "assignments", 5),
        ("new Foo()", "`new` cannot run", 0),
        ("Array.from({ length: 1e9 }).length", "larger than", 0),
        ("new Set([1]).add(2)", "only a few string and array methods", 16),
        ("fetch('/x')", "`fetch` is not defined", 0),
        ("props.list.push(1)", "only a few string and array methods", 15),
        ("<Note/>", "JSX", 0),
        ("`open ${name}", "unclosed template", 0),
        ('"open', "unclosed string", 0),
        ("1 +", "ends too early", 3),
        ("1 2", "found `2`", 2),
        ("name.toUpperCase", "function", 0),
        ("this.x", "`this` cannot run", 0),
        ("1 << 2", "`<<`", 2),
        ("{ a: 1, // the rest is a comment", "unclosed object", 0),
        ("{", "unclosed object", 0),
        ('name.replace(/(a+)+$/, "")', "nested repetition", 13),
        ('name.replace(/[a/, "")', "unclosed regular expression", 13),
        ('name.replaceAll(/a/, "b")', "needs a global", 15),
        ("/a/", "a function is not a value", 0),
    ],
)
def test_outside_the_subset(source: str, problem: str, offset: int) -> None:
    with pytest.raises(ExprError) as info:
        eval_js(source, SCOPE)
    assert problem in info.value.message
    assert info.value.offset == offset


@pytest.mark.parametrize(
    "source",
    [
        "(" * 5000 + "1" + ")" * 5000,
        "[" * 5000 + "]" * 5000,
        "1" + " + 1" * 5000,
        "name" + ".x" * 5000,
        "-" * 5000 + "1",
        "x" * (MAX_SOURCE + 1),
        "`${" * 3000 + "1" + "}`" * 3000,
    ],
)
def test_bounds_give_an_error_fast(source: str) -> None:
    start = time.perf_counter()
    with pytest.raises(ExprError):
        eval_js(source, SCOPE)
    assert time.perf_counter() - start < 5  # generous: a bound, never a hang


def test_built_values_are_bounded() -> None:
    big = {"s": "x" * (MAX_SIZE // 2 + 1)}
    with pytest.raises(ExprError, match="larger than"):
        eval_js("s + s", big)
    assert eval_js("(" * (MAX_DEPTH // 4) + "1" + ")" * (MAX_DEPTH // 4), {}) == 1


def test_free_names() -> None:
    node = parse_expression('title + (props.x || other) + `${a}` + {b, c: d}.c + "lit"')
    assert free_names(node) == {"title", "props", "other", "a", "b", "d"}
    node = parse_expression("rows.map((row, i) => row[key] + i)")
    assert free_names(node) == {"rows", "key"}


def test_snippet_expression_in_a_forked_build(tmp_path: Path) -> None:
    """Issue 11, class 1: this once left an unevaluated object in `href` and killed a worker."""
    docs = write_site(
        tmp_path / "docs",
        {
            "snippets/survey.mdx": '<a href={"https://example.com/survey?src=" + '
            '(props.src || "docs")}>Take the survey</a>\n',
            **{
                f"p{i}.mdx": f'---\ntitle: P{i}\n---\nimport Survey from "/snippets/survey.mdx";'
                "\n\n<Survey " + ('src="p"' if i % 2 else "") + " />\n"
                for i in range(4)
            },
        },
        minimal_config([f"p{i}" for i in range(4)]),
    )
    result = build_site(docs, jobs=2)
    assert result.fatal is None
    assert not [d for d in result.diagnostics if d.severity == "error"], result.diagnostics
    out = tmp_path / "docs-out"
    assert 'href="https://example.com/survey?src=docs"' in (out / "p0/index.html").read_text()
    assert 'href="https://example.com/survey?src=p"' in (out / "p1/index.html").read_text()


def test_nan_and_infinity_print_as_javascript() -> None:
    assert math.isnan(eval_js("NaN", {}))
    assert eval_js('"" + 1 / 0 + " " + 0 / 0', {}) == "Infinity NaN"
