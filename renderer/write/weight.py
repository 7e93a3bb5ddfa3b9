"""Page weight: repeated inline SVGs drawn once, neighbouring Pygments token spans merged."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass


_SVG = re.compile(r"<svg\b[^>]*>(.*?)</svg>", re.S)


_NOT_SHARED = ("<svg", " id=", "<defs", "url(#", "<style", "<script", "<use", "<foreignObject")


_OPAQUE = re.compile(r"<(script|textarea|template|noscript)\b.*?</\1>", re.S | re.I)


_BODY = re.compile(r"<body\b[^>]*>")


SVG_SHARE_MIN = 80
"""Drawings shorter than this stay inline (a `<use>` and the symbol would cost more)."""


def share_svgs(page: str) -> str:
    """Page weight: an inline SVG drawing repeated on a page (copy buttons, link chips, callout
    and card icons) goes once into a `<symbol>` at the top of `<body>`; each copy keeps its own
    `<svg>` element and attributes (class, size, colour) and draws it with `<use href="#…">`,
    a reference within the page (works from file:// too). Drawings with ids, defs or styles are
    left alone, and so is anything inside script, textarea, template and noscript elements."""
    body = _BODY.search(page)
    if body is None:
        return page
    start = body.end()
    spans = [(m.start(), m.end()) for m in _OPAQUE.finditer(page, start)]

    def drawings() -> list[re.Match[str]]:
        found, k = [], 0
        for m in _SVG.finditer(page, start):
            while k < len(spans) and spans[k][1] <= m.start():
                k += 1
            if k < len(spans) and spans[k][0] < m.end():
                continue
            inner = m.group(1)
            if len(inner) >= SVG_SHARE_MIN and not any(x in inner for x in _NOT_SHARED):
                found.append(m)
        return found

    matches = drawings()
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
        ref = ids.get(m.group(1))
        if ref is None:
            continue
        out.append(page[pos : m.start(1)])
        out.append(f'<use href="#{ref}"/>')
        pos = m.end(1)
    out.append(page[pos:])
    page = "".join(out)
    symbols = "".join(f'<symbol id="{ref}">{inner}</symbol>' for inner, ref in ids.items())
    sprite = (
        '<svg aria-hidden="true" style="position:absolute;width:0;height:0;overflow:hidden">'
        f"{symbols}</svg>"
    )
    return page[:start] + sprite + page[start:]


_PRE = re.compile(r"<pre\b[^>]*>.*?</pre>", re.S)


_TOKEN_PAIR = re.compile(r'<span class="([a-z]{1,3}[0-9]?)">([^<]*)</span><span class="\1">')


def merge_token_spans(page: str) -> str:
    """Page weight: neighbouring Pygments tokens of one class in a code block become one span
    (`<span class="s2">"</span><span class="s2">key</span>` -> `<span class="s2">"key</span>`);
    the text and its colours are the same."""

    def merge(m: re.Match[str]) -> str:
        block = m.group(0)
        while True:
            merged = _TOKEN_PAIR.sub(r'<span class="\1">\2', block)
            if merged == block:
                return block
            block = merged

    return _PRE.sub(merge, page)
