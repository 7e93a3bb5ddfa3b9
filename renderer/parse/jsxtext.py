"""JSX text as MDX reads it: a component's returned markup made MDX source (`jsx_text`), and
text or values escaped so that Markdown shows them as JSX would (`jsx_escape`)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from mintrender.components._attrnames import INLINE_ELEMENTS, SVG_ELEMENTS
from mintrender.components._jsxparse import (
    REFERENCE,
    Expression,
    JsxSyntaxError,
    find_brace_end,
    parse_tag,
)
from mintrender.parse.expreval import Opaque

_MARKDOWN_PUNCTUATION = re.compile(r"([!-%'-/:-@\[-`{-~])")
"""ASCII punctuation Markdown or MDX may read as markup (`&` is left: JSX text decodes
entities)."""
_VALUE_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
"""The same and `&`: a value's `&amp;` is shown as written."""
_TEXT_ESCAPE = re.compile(REFERENCE.pattern + "|" + _MARKDOWN_PUNCTUATION.pattern)
"""A character reference (kept) or punctuation to escape (its group 1)."""


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
    spans = _element_spans(pieces)
    out: list[str] = []
    depth_inline: list[bool] = []  # per open element: is it (or an ancestor) on one line?
    for k, (kind, raw) in enumerate(pieces):
        if kind == "text":
            if "\n" in raw and not raw.strip() and _between_inline(pieces, k, inline, spans):
                continue  # `<span>A</span>⏎<span>B</span>`: JSX drops it, "AB" (MDX: "A B")
            one_line = bool(depth_inline and depth_inline[-1])
            out.append(_jsx_text_run(raw, one_line))
            continue
        out.append(raw)
        if kind == "tag" and not raw.endswith("/>"):
            depth_inline.append(k in inline or bool(depth_inline and depth_inline[-1]))
        elif kind == "close" and depth_inline:
            depth_inline.pop()
    return "".join(out)


_TAG_NAME = re.compile(r"</?([^\W\d_][\w.-]*)")


def _between_inline(
    pieces: list[tuple[str, str]], k: int, inline: set[int], spans: dict[int, int]
) -> bool:
    """Is the text piece `k` between two inline HTML elements (the end of one, the start of
    the next), either of them perhaps drawn by an expression (`{t && <span>…</span>}`), each
    written on one line? An element that keeps lines of its own (`<span>` holding elements
    on lines of their own) is flow: joined to the line of a `<b>x</b>` before it, it would
    open in that paragraph and never close there (Bodhveda's `<b>x</b>⏎<span>⏎…`)."""
    if k == 0 or k + 1 >= len(pieces):
        return False
    (before_kind, before), (after_kind, after) = pieces[k - 1], pieces[k + 1]
    if before_kind == "brace":  # `{ok && <b>…</b>}`: the element it ends with
        first = (_TAG_NAME.findall(before) or [""])[-1]
    elif before_kind == "close" or (before_kind == "tag" and before.endswith("/>")):
        first = (_TAG_NAME.findall(before) or [""])[0]
        opener = spans.get(k - 1)
        if opener is not None and not _one_line(pieces, opener, k - 1, inline):
            return False
    else:
        return False
    if after_kind not in ("tag", "brace"):
        return False
    if (
        after_kind == "tag"
        and k + 1 in spans
        and not _one_line(pieces, k + 1, spans[k + 1], inline)
    ):
        return False
    second = (_TAG_NAME.findall(after) or [""])[0]  # a brace: the element it starts with
    return {first, second} <= INLINE_ELEMENTS


def _element_spans(pieces: list[tuple[str, str]]) -> dict[int, int]:
    """Each element's opening piece and closing piece, both ways (opener -> closer and
    closer -> opener)."""
    spans: dict[int, int] = {}
    stack: list[int] = []
    for k, (kind, raw) in enumerate(pieces):
        if kind == "tag" and not raw.endswith("/>"):
            stack.append(k)
        elif kind == "close" and stack:
            opener = stack.pop()
            spans[opener], spans[k] = k, opener
    return spans


def _one_line(pieces: list[tuple[str, str]], opener: int, closer: int, inline: set[int]) -> bool:
    """Is the element from piece `opener` to `closer` written on one line by `jsx_text`: it
    holds text (`inline`: all of it joined) or no line break between its tags?"""
    return opener in inline or not any(
        kind == "text" and "\n" in raw for kind, raw in pieces[opener + 1 : closer]
    )


_READS_CHILDREN = re.compile(r"(?<![\w$])children(?![\w$])")


def _a_value(brace: str) -> bool:
    """Does `{...}` show a value (text), not `{children}` or elements (`{open && <X/>}`)?"""
    inner = brace[1:-1].strip()
    if _READS_CHILDREN.search(inner):  # `{show && children}`: blocks, as `{children}` is
        return False
    return bool(inner) and "<" not in inner and not inner.startswith("/*")


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
    # a character reference (`&nbsp;`) stays whole: JSX decodes it
    return _TEXT_ESCAPE.sub(lambda m: m.group(0) if m.group(1) is None else "\\" + m.group(1), text)


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
        elif body.startswith(("//", "/*"), j) and body[j - 1].isspace():
            # a JavaScript comment between attributes: white space (`// title="Old"`)
            close = body.find("\n" if body[j + 1] == "/" else "*/", j + 2)
            if close < 0:
                return None
            j = close + (0 if body[j + 1] == "/" else 2)
            out.append(" ")
            continue
        elif c == ">":
            out.append(">")
            return j + 1, "".join(out)
        else:
            end = j + 1
        out.append(body[j:end])
        j = end
    return None


ELEMENT_NAME = re.compile(r"[a-z][a-z0-9-]*")
"""An HTML element's name, as a string a component draws as its tag (`const Tag = "dl"`)."""
_ATTRIBUTE_NAME = re.compile(r"[A-Za-z_:][\w:.-]*")


def spread_attributes(values: dict[str, Any]) -> str:
    """`{...props}` in a tag: each value React would write as an attribute, in JSX's syntax."""
    out = []
    for key, value in values.items():
        if not _ATTRIBUTE_NAME.fullmatch(key) or value is None or value is False:
            continue
        if value is True:
            out.append(f" {key}")
        elif isinstance(value, str):
            out.append(f' {key}="{value.replace("&", "&amp;").replace(chr(34), "&quot;")}"')
        elif isinstance(value, (int, float, dict, list)):
            out.append(f" {key}={{{json.dumps(value)}}}")
    return "".join(out)


def without_providers(body: str) -> str:
    """A React context's `<Ctx.Provider value={…}>` around a component's render draws none
    of its own: its children, in a fragment (`<>…</>`), as React shows them."""
    if ".Provider" not in body:
        return body
    out: list[str] = []
    done = 0
    for m in _PROVIDER.finditer(body):
        if m.start() < done:
            continue
        try:
            tag = parse_tag(body, m.start(), {})
        except JsxSyntaxError:
            return body
        drawn = "" if tag.self_closing else "</>" if tag.closing else "<>"
        out += [body[done : m.start()], drawn]
        done = tag.end
    return "".join(out) + body[done:]


_PROVIDER = re.compile(r"<(/?)[A-Za-z_$][\w$]*\.Provider(?=[\s/>])")
_OPENS_LAST = re.compile(r"<[^\W\d_][\w.:-]*(?:\s(?:[^<>{}]|\{[^{}]*\}|\{\{[^{}]*\}\})*)?>\s*\Z")
_BLANK_LINE_END = re.compile(r"\n[ \t]*\n[ \t]*\Z")
_CLOSE_NEXT = re.compile(r"\s*(?=</)")
_CLOSING_TAG_END = re.compile(r"</[^<>]*>\Z")


def place_children(
    out: list[str], children: str, before: str, body: str, end: int, stop: int
) -> int:
    """Add to `out` (the render so far) `before` and the `children` that replace `{children}`
    (ending at `body[end]`); return where the body goes on. Children written on their tag's
    line (`<Chip>New</Chip>`) are phrasing, as MDX reads them: when they are all their element
    holds (`<span>\n  {children}\n</span>`: JSX drops the line breaks) the element is drawn
    on one line, so that they are its text, not a paragraph; beside other elements, they are
    its text too (in a fragment: `<>…</>`). Children written on lines of their own are
    blocks, and so is the element holding them: on a line of its own, not in a paragraph
    beside the elements before it (`<b>A</b><em>` + blocks + `</em>`: an unclosed `<em>`)."""
    if "\n" in children:
        done = open_line("".join(out) + before)
        tag = _OPENS_LAST.search(done)
        if tag is not None and not _BLANK_LINE_END.search(done, 0, tag.start()):
            done = done[: tag.start()].rstrip(" \t") + "\n\n" + done[tag.start() :]
        out[:] = [f"{done}\n\n{children}\n\n"]
        return end
    placed, end = _phrasing_children(children, before, body, end, stop)
    out.append(placed)
    return end


_LINE_TAG = re.compile(
    r"<(/?)([^\W\d_][\w.:-]*)?((?:[^<>{}\"']|\"[^\"]*\"|'[^']*'|\{[^{}]*\})*?)(/?)>"
)


def open_line(done: str) -> str:
    """`done` (a render so far) made ready for blocks to follow: when its last line holds text
    inside elements it opened (`<li>b`, an element `jsx_text` wrote on one line because it
    holds text), each of those tags goes on a line of its own, and the text too; else MDX
    reads the line as a paragraph whose elements never close in it."""
    start = done.rfind("\n") + 1
    line = done[start:]
    opened: list[re.Match[str]] = []
    for m in _LINE_TAG.finditer(line):
        if m.group(4):
            continue
        if m.group(1):
            opened = opened[:-1] if opened and opened[-1].group(2) == m.group(2) else opened
        else:
            opened.append(m)
    if not opened or not _LINE_TAG.sub("", line[opened[0].start() :]).strip():
        return done
    out, at = [done[:start]], start
    for m in opened:
        out += [done[at : start + m.start()].rstrip(" \t"), "\n", m.group(0), "\n"]
        at = start + m.end()
    return "".join(out) + done[at:].lstrip(" \t")


def _phrasing_children(
    children: str, before: str, body: str, end: int, stop: int
) -> tuple[str, int]:
    opened = before.rstrip()
    after = _CLOSE_NEXT.match(body, end, stop)
    tight = after is not None and opened.endswith(">") and not opened.endswith("/>")
    if tight and not _CLOSING_TAG_END.search(opened):
        return opened + children, after.end()  # type: ignore[union-attr]
    return text_in_element(before, children), end


def text_in_element(before: str, text: str) -> str:
    """`before` and one line of `text` a component's element shows: on a line of its own
    beside other elements (`<b>*</b>\n{children}`, `{cond ? <b/> : title}`), the text of the
    element around it, as React draws it (in a fragment, `<>…</>`), not a paragraph."""
    if text and "\n" not in text and "\n" in before and not before.rpartition("\n")[2].strip():
        opened = before.rstrip()  # after an element (not the one it is in): JSX drops the
        after_element = opened.endswith("/>") or _CLOSING_TAG_END.search(opened) is not None
        return f"{opened if after_element else before}<>{text}</>"  # line break between
    return before + text


def own_lines(markup: str, source: str) -> str:
    """`markup` made of JSX written over several lines (`<><h3>…</h3>…</>`, a `cond && (…)`
    branch) on lines of its own: its blocks are blocks of the element around it, not the text
    of a paragraph it would otherwise join (where a `<>` opened on a text line and closed
    lines later is never closed). Text and phrasing elements only (`<>one <br />two</>`) stay
    where they are: on lines of their own inside a `<span>` they split it (Bvndle's tables)."""
    if "\n" not in source:
        return markup
    if all(n in _PHRASING for n in _TAG_NAME.findall(markup)):  # one line, as JSX joins it
        return _SPACE_IN_TAG.sub(" ", _BETWEEN_TAGS.sub("><", markup))
    return f"\n{markup}\n"


_BETWEEN_TAGS = re.compile(r">[ \t]*\n\s*<")
_SPACE_IN_TAG = re.compile(r"[ \t]*\n\s*")


_PHRASING = INLINE_ELEMENTS | SVG_ELEMENTS | {"button", "select", "option", "textarea"}
"""Elements that sit in a line of text: an icon (`{copyable && (<svg>…</svg>)}` written over
several lines beside a label) stays on the line, which a one-line element needs."""


def attribute_text(value: str) -> str:
    """`value` as the text of a quoted JSX attribute, character references for what would end
    it or the block it is in (a line break: a blank line in a prompt split the element)."""
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("\n", "&#10;")


@dataclass(frozen=True, slots=True)
class Children(Expression, Opaque):
    """What a custom component's tag holds, when it is more than one line of plain text: the
    page's MDX source (`source`), drawn as the page draws it wherever the value goes
    (`props.children`, `{ children: content }`, `open ? children : null`, `show && children`,
    another component's children), never shown as text. React gives such children as
    elements: true in a condition, no string to compute on."""


_PLAIN_TEXT = re.compile(r"[^<>{}\[\]*_`\\!&#|~\n]*")
"""One line of text with nothing Markdown or JSX reads as markup: React's children string."""


def children_value(source: str) -> Any:
    """The value `children` has in a component's body for what its tag holds: a string for
    one line of plain text (`<Desc>Some text</Desc>`), else `Children`."""
    text = source.strip()
    return text if _PLAIN_TEXT.fullmatch(text) else Children(source)
