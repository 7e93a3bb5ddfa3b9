"""Page weight: repeated inline SVGs drawn once, neighbouring Pygments token spans merged.

Both scan every page the build writes, so elements are found with `str.find` rather than
regular expressions with a lazy `.*?` (several times slower on a whole page); `elements` gives
exactly the matches of `<TAG\\b[^>]*>(.*?)</TAG>` (re.S) that `re.finditer` would.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_NOT_SHARED = ("<svg", " id=", "<defs", "url(#", "<style", "<script", "<use", "<foreignObject")


_OPAQUE = re.compile(r"<(script|textarea|template|noscript)\b.*?</\1>", re.S | re.I)


_BODY = re.compile(r"<body\b[^>]*>")


SVG_SHARE_MIN = 80
"""Drawings shorter than this stay inline (a `<use>` and the symbol would cost more)."""


def elements(page: str, tag: str, start: int = 0) -> Iterator[tuple[int, int, int, int]]:
    """`(start, inner start, inner end, end)` of each `<tag ...>inner</tag>` from `start`, left
    to right and not overlapping: the inner part ends at the first closing tag (no nesting),
    as `re.finditer(r"<tag\\b[^>]*>(.*?)</tag>", page, re.S)` finds them."""
    opening, closing = "<" + tag, f"</{tag}>"
    pos = start
    while True:
        at = page.find(opening, pos)
        if at < 0:
            return
        after = at + len(opening)
        if after < len(page) and (page[after].isalnum() or page[after] == "_"):  # `\b`
            pos = at + 1
            continue
        tag_end = page.find(">", after)
        if tag_end < 0:
            return  # no later opening tag can be closed either
        inner_end = page.find(closing, tag_end + 1)
        if inner_end < 0:
            return
        end = inner_end + len(closing)
        yield at, tag_end + 1, inner_end, end
        pos = end


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
    drawings = [
        (at, end, inner_start, inner_end, page[inner_start:inner_end])
        for at, inner_start, inner_end, end in elements(page, "svg", start)
        if inner_end - inner_start >= SVG_SHARE_MIN
    ]
    times: dict[str, int] = {}
    for drawing in drawings:
        times[drawing[4]] = times.get(drawing[4], 0) + 1
    repeated = {inner for inner, n in times.items() if n > 1}
    if not repeated:
        return page
    # drawings inside script, textarea, template and noscript elements are left alone: only
    # the elements that start before the last repeated drawing ends can hold one
    last = max(end for _, end, _, _, inner in drawings if inner in repeated)
    spans: list[tuple[int, int]] = []
    for m in _OPAQUE.finditer(page, start):
        if m.start() >= last:
            break
        spans.append((m.start(), m.end()))
    # each drawing kept: (inner start, inner end, inner), counted before the (costlier) checks
    # of what may be shared, which depend on the inner text alone
    found: list[tuple[int, int, str]] = []
    counts: dict[str, int] = {}
    k = 0
    for at, end, inner_start, inner_end, inner in drawings:
        while k < len(spans) and spans[k][1] <= at:
            k += 1
        if k < len(spans) and spans[k][0] < end:
            continue
        found.append((inner_start, inner_end, inner))
        counts[inner] = counts.get(inner, 0) + 1
    ids: dict[str, str] = {}
    for _, _, inner in found:
        if counts[inner] > 1 and inner not in ids and not any(x in inner for x in _NOT_SHARED):
            ids[inner] = f"mr-s{len(ids) + 1}"
    if not ids:
        return page
    out, pos = [], 0
    for inner_start, inner_end, inner in found:
        ref = ids.get(inner)
        if ref is None:
            continue
        out.append(page[pos:inner_start])
        out.append(f'<use href="#{ref}"/>')
        pos = inner_end
    out.append(page[pos:])
    page = "".join(out)
    symbols = "".join(f'<symbol id="{ref}">{inner}</symbol>' for inner, ref in ids.items())
    sprite = (
        '<svg aria-hidden="true" style="position:absolute;width:0;height:0;overflow:hidden">'
        f"{symbols}</svg>"
    )
    return page[:start] + sprite + page[start:]


_TOKEN_RUN = re.compile(r'<span class="([a-z]{1,3}[0-9]?)">[^<]*(?:</span><span class="\1">[^<]*)+')


def _merged_run(m: re.Match[str]) -> str:
    return m.group(0).replace(f'</span><span class="{m.group(1)}">', "")


def merge_token_spans(page: str) -> str:
    """Page weight: neighbouring Pygments tokens of one class in a code block become one span
    (`<span class="s2">"</span><span class="s2">key</span>` -> `<span class="s2">"key</span>`);
    the text and its colours are the same. A run of any length is merged in one pass (the
    texts of its tokens hold no `<`, so the only `</span><span class="C">` in it are seams)."""
    out: list[str] = []
    pos = 0
    for start, _, _, end in elements(page, "pre"):
        block = page[start:end]
        if "</span><span" not in block:
            continue
        out.append(page[pos:start])
        out.append(_TOKEN_RUN.sub(_merged_run, block))
        pos = end
    if not out:
        return page
    out.append(page[pos:])
    return "".join(out)
