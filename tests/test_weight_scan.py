"""`share_svgs` and `merge_token_spans` scan pages with `str.find` (write/weight.py `elements`);
they must give what the regular expressions they replace give, on any text. The reference
implementations below are the former ones, kept as the specification."""

from __future__ import annotations

import random
import re
from pathlib import Path

import jinja2

from mintrender.write.theme import make_environment, remember_macros
from mintrender.write.weight import SVG_SHARE_MIN, elements, merge_token_spans, share_svgs

_SVG = re.compile(r"<svg\b[^>]*>(.*?)</svg>", re.S)
_OPAQUE = re.compile(r"<(script|textarea|template|noscript)\b.*?</\1>", re.S | re.I)
_NOT_SHARED = ("<svg", " id=", "<defs", "url(#", "<style", "<script", "<use", "<foreignObject")
_PRE = re.compile(r"<pre\b[^>]*>.*?</pre>", re.S)
_TOKEN_PAIR = re.compile(r'<span class="([a-z]{1,3}[0-9]?)">([^<]*)</span><span class="\1">')


def reference_share(page: str) -> str:
    body = re.search(r"<body\b[^>]*>", page)
    if body is None:
        return page
    start = body.end()
    spans = [(m.start(), m.end()) for m in _OPAQUE.finditer(page, start)]
    matches = []
    for m in _SVG.finditer(page, start):
        if any(a < m.end() and m.start() < b for a, b in spans):
            continue
        inner = m.group(1)
        if len(inner) >= SVG_SHARE_MIN and not any(x in inner for x in _NOT_SHARED):
            matches.append(m)
    counts: dict[str, int] = {}
    for m in matches:
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    ids: dict[str, str] = {}
    for m in matches:
        if counts[m.group(1)] > 1 and m.group(1) not in ids:
            ids[m.group(1)] = f"mr-s{len(ids) + 1}"
    if not ids:
        return page
    out, pos = [], 0
    for m in matches:
        if m.group(1) in ids:
            out += [page[pos : m.start(1)], f'<use href="#{ids[m.group(1)]}"/>']
            pos = m.end(1)
    page = "".join(out) + page[pos:]
    symbols = "".join(f'<symbol id="{ref}">{inner}</symbol>' for inner, ref in ids.items())
    sprite = (
        '<svg aria-hidden="true" style="position:absolute;width:0;height:0;overflow:hidden">'
        f"{symbols}</svg>"
    )
    return page[:start] + sprite + page[start:]


def reference_merge(page: str) -> str:
    def merge(m: re.Match[str]) -> str:
        block = m.group(0)
        while (merged := _TOKEN_PAIR.sub(r'<span class="\1">\2', block)) != block:
            block = merged
        return block

    return _PRE.sub(merge, page)


DRAWING = '<path d="' + "M0 0L1 1" * 12 + '"/>'
ATOMS = [
    "<body>",
    "<body class=x>",
    "<svg>",
    '<svg class="a" width="1">',
    "</svg>",
    "<svgx>",
    "<svg_",
    "<svg",
    DRAWING,
    DRAWING.replace("M0", "M2"),
    "<script>",
    "</script>",
    "</SCRIPT>",
    "<Script x>",
    "<noscript>",
    "</noscript>",
    "<textarea>",
    "</textarea>",
    " id=",
    "<use",
    "<pre>",
    '<pre class="x">',
    "</pre>",
    "<prex>",
    '<span class="s2">',
    '<span class="k">',
    "</span>",
    '<span class="s2">x</span>',
    '<span class="s2">y</span><span class="s2">',
    '<span class="k">z</span><span class="k">',
    "<",
    ">",
    "a",
    "\n",
    "é",
]


def test_same_as_the_regular_expressions_on_random_pages() -> None:
    rng = random.Random(15)
    for _ in range(20000):
        page = "".join(rng.choice(ATOMS) for _ in range(rng.randint(1, 40)))
        assert share_svgs(page) == reference_share(page), page
        assert merge_token_spans(page) == reference_merge(page), page


def test_elements_are_the_matches_of_the_expression() -> None:
    rng = random.Random(7)
    for _ in range(5000):
        page = "".join(rng.choice(ATOMS) for _ in range(rng.randint(1, 30)))
        expected = [(m.start(), m.start(1), m.end(1), m.end()) for m in _SVG.finditer(page)]
        assert list(elements(page, "svg")) == expected, page


def test_a_repeated_drawing_is_shared_and_one_in_a_script_is_not() -> None:
    page = (
        f"<body><svg a>{DRAWING}</svg><script>x<svg>{DRAWING}</svg></script><svg b>{DRAWING}</svg>"
    )
    shared = share_svgs(page)
    assert shared.count('<use href="#mr-s1"/>') == 2
    assert f"<script>x<svg>{DRAWING}</svg></script>" in shared
    assert shared == reference_share(page)


def test_remembered_icon_macro_draws_what_the_macro_draws(tmp_path: Path) -> None:
    env = make_environment(tmp_path)
    template = env.from_string(
        '{% import "partials/icons.html" as ui %}'
        '{{ ui.icon("search") }}|{{ ui.icon("x", 18) }}|{{ ui.icon("x", 18, "c") }}|'
        '{{ ui.icon("nope", 12) }}|{{ ui.icon("x", 18) }}'
    )
    drawn = template.render()
    remember_macros(env)
    module = env.get_template("partials/icons.html").module
    assert not isinstance(module.icon, jinja2.runtime.Macro)  # type: ignore[attr-defined]
    assert template.render() == drawn
    assert template.render() == drawn  # answered from memory
    assert 'mr-ui-icon--x c"' in drawn and drawn.count("mr-ui-icon--x") == 3
