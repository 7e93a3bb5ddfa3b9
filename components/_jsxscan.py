"""Shared by the JSX rules: element name sets, reading a tag, finding its closing tag.

`read_tag` parses strictly and falls back to a loose reading (with a `problem` for a
`jsx-syntax` warning) for names of components and HTML elements, so that no real tag is ever
shown as raw text; `find_close` finds the matching `</Name>` outside code and comments.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from functools import lru_cache
from typing import Any

from mintrender.components._jsxparse import VOID_ELEMENTS, JsxSyntaxError, Tag, parse_tag
from mintrender.parse.prelude import markup_value

# Elements that sit inside a paragraph when text follows them on their line (MDX "text" JSX).
# Alone on their line they are flow elements like any other tag.
# Components with `ComponentSpec.inline` join them (components/__init__.py: INLINE_COMPONENTS).
HTML_NAMES = frozenset(
    "a abbr address article aside audio b blockquote br button caption center cite code col "
    "colgroup dd del details dfn div dl dt em figcaption figure font footer form h1 h2 h3 h4 h5 "
    "h6 header hr i iframe img input ins kbd label li main mark nav ol p path picture pre q s "
    "samp section small source span strong sub summary sup svg table tbody td tfoot th thead tr "
    "u ul var video wbr".split()
)
_TAG_NAME = re.compile(r"<(?:/\s*)?([^\W\d_][\w.]*)")
_COMPONENT_NAME = re.compile(r"[A-Z][\w$]*")


def is_void(name: str) -> bool:
    """A void HTML element (`<br>`, `<img>`) never has children or a closing tag. Names are
    case-sensitive in JSX: `<Link>` and `<Source>` are components, not `<link>`/`<source>`."""
    return name in VOID_ELEMENTS


def open_void(name: str, self_closing: bool, closed_at: int, tag_end: int) -> str | None:
    """The `jsx-unclosed` message for a void element written as HTML writes it (`<br>`,
    `<img src="x">`): MDX refuses the page, since JSX closes every tag. None when it is closed
    (`<br />`, or `<br></br>`: `closed_at`, from `void_close`, is past the tag's end)."""
    if not is_void(name) or self_closing or closed_at > tag_end:
        return None
    return f"<{name}> is not closed: MDX needs <{name} /> and refuses the page as written"


def void_close(src: str, name: str, pos: int, limit: int) -> int:
    """Where a void element that ends at `pos` ends with the closing tag that follows it at once
    on its line (`<br></br>`: JSX reads an element with no children), else `pos`."""
    m = _void_close_pattern(name).match(src, pos, limit)
    return m.end() if m else pos


@lru_cache(maxsize=32)
def _void_close_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"[ \t]*</\s*" + re.escape(name) + r"\s*>")


def scope_of(env: MutableMapping[str, Any]) -> dict[str, Any]:
    return env.setdefault("scope", {})


def read_tag(src: str, pos: int, env: MutableMapping[str, Any], lenient: bool) -> Tag | None:
    """The tag at `pos`; an invalid one that names a component or HTML element is read
    loosely and keeps its problem for a `jsx-syntax` warning (never shown as raw text)."""
    try:
        return parse_tag(src, pos, scope_of(env))
    except JsxSyntaxError as exc:
        m = _TAG_NAME.match(src, pos)
        if lenient or m is None or not (m.group(1)[0].isupper() or m.group(1) in HTML_NAMES):
            return None
        try:
            tag = parse_tag(src, pos, scope_of(env), loose=True)
        except JsxSyntaxError:
            return None
        tag.problem = f"<{tag.name}> is not valid JSX ({exc.message}); it was read leniently"
        return tag


def unreadable_tag(src: str, pos: int) -> str:
    """Why the tag at `pos`, which names a component or HTML element, cannot be read even
    loosely (an attribute's string never closed), "" for anything else: MDX refuses the
    page there, and the text is shown as written."""
    m = _TAG_NAME.match(src, pos)
    if m is None or not (m.group(1)[0].isupper() or m.group(1) in HTML_NAMES):
        return ""
    try:
        parse_tag(src, pos, None, loose=True)
    except JsxSyntaxError as exc:
        return (
            f"<{m.group(1)}> cannot be read as a tag ({exc.message}), so MDX (and Mintlify) "
            "refuses this page; it is shown as text here"
        )
    return ""


def drops_to_report(tag: Tag, env: MutableMapping[str, Any]) -> list[tuple[str, int, str]]:
    """`tag.dropped`, less props that pass a component (`Component={WidgetCodeBlock}`): a
    value no static page can use, but not a mistake either."""
    if not tag.dropped:
        return []
    knows = getattr(env.get("expand_component"), "knows", None)
    out = []
    for attr, offset, why in tag.dropped:
        raw = tag.raw_props.get(attr, "").strip()
        if knows is not None and _COMPONENT_NAME.fullmatch(raw) and knows(raw):
            continue
        if knows is not None and tag.name[:1].isupper() and knows(tag.name):
            # `tabs={[{ label: "A", content: <b>one</b> }]}` for a custom component: the data,
            # its markup drawn where the component puts it (LiqUIdify's tabs)
            data = markup_value(raw, env.get("scope") or {})
            if isinstance(data, (list, dict)):
                tag.props[attr] = data
                continue
        out.append((attr, offset, why))
    return out


def dropped_message(name: str, attr: str, why: str) -> str:
    """The warning for an attribute whose `{...}` value the build cannot evaluate."""
    return (
        f"<{name}> {attr}={{...}} cannot be evaluated at build time ({why}); "
        "the attribute is left out"
    )


@lru_cache(maxsize=512)
def _close_pattern(name: str) -> re.Pattern[str]:
    """What `find_close` stops at for elements called `name`: the tag, a fence marker at the
    start of a line (matched from the newline before it), a backtick run, a comment. Each
    branch starts with a literal character, so the regex engine skips to those characters
    at C speed (a `^` branch would make it try every position)."""
    # `</ Warning>`: white space may follow `</` (not `<`); `<>` fragments
    tag = r"<(?:/\s*)?" + (re.escape(name) + r"(?=[\s/>])" if name else r"(?=>)")
    return re.compile(tag + r"|\n[ \t>]*(`{3,}|~{3,})|``*|\{/\*")


_FENCE_LINE = re.compile(r"\n[ \t>]*(`{3,}|~{3,})")
"""The fence-marker branch of `_close_pattern`."""


def opens_fence(marker: str, info: str) -> bool:
    """Does a line starting with the fence `marker` (three or more backticks or tildes) and going
    on with `info` open a fenced code block? Not when a backtick marker's info string holds a
    backtick (CommonMark 4.5): "```js one``` and ```two```" is a paragraph of code spans."""
    return marker[0] != "`" or "`" not in info


def closes_fence(fence: str, marker: str, info: str) -> bool:
    """Does a line starting with `marker`, going on with `info`, close the fence `fence` opened:
    the same character, at least as many, nothing after it (CommonMark 4.5)?"""
    return marker[0] == fence[0] and len(marker) >= len(fence) and not info.strip()


def find_close(
    src: str,
    name: str,
    start: int,
    limit: int,
    scope: dict[str, Any],
    nested: dict[int, tuple[int, int] | None] | None = None,
) -> tuple[int, int] | None:
    """(start, end) of the `</name>` matching an element opened just before `start`.

    Same-name nesting is counted; fenced code, inline code spans and `{...}` expressions
    are skipped, so `</Note>` written inside backticks or a fence never closes a `<Note>`.
    `nested` receives the same answer for each `<name>` the scan passes, by the end of its
    tag (a scan from there reads what this one reads after it; `closing_tag`).
    """
    pattern = _close_pattern(name)
    depth = 1
    pos = start
    fence: str | None = None
    opened: list[int] = []  # the ends of the nested openers not closed yet
    while True:
        # at the start of a line, search from its newline: a fence marker may start there;
        # in a fence only the fence markers change anything: the others are not even read
        at = pos - 1 if pos and src[pos - 1] == "\n" else pos
        m = (pattern if fence is None else _FENCE_LINE).search(src, at, limit)
        if not m:
            if nested is not None:
                nested.update(dict.fromkeys(opened))
            return None
        token = m.group(0)
        if m.group(1):  # fence marker at line start
            marker = m.group(1)
            line_end = src.find("\n", m.end())
            rest = src[m.end() : line_end if line_end >= 0 else None]
            if fence is not None:
                if closes_fence(fence, marker, rest):
                    fence = None
                pos = m.end()
                continue
            if opens_fence(marker, rest):
                fence = marker
                pos = m.end()
                continue
            token = marker  # code spans on the line, not a fence: skipped below
        if token == "{/*":
            end = src.find("*/", m.end(), limit)
            pos = end + 2 if end >= 0 else m.end()
            continue
        if token.startswith("`"):  # inline code span: skip to the matching run
            end = src.find(token, m.end(), limit)
            nl = src.find("\n\n", m.end(), limit)
            pos = end + len(token) if end >= 0 and (nl < 0 or end < nl) else m.end()
            continue
        try:
            tag = parse_tag(src, m.start(), scope)
        except JsxSyntaxError:
            pos = m.end()
            continue
        if tag.closing:
            depth -= 1
            if depth == 0:
                return m.start(), tag.end
            if nested is not None:
                nested[opened.pop()] = (m.start(), tag.end)
        elif not tag.self_closing:
            depth += 1
            if nested is not None:
                opened.append(tag.end)
        pos = tag.end


_CLOSER_NAME = re.compile(r"<(?=/\s*([^\s/>]*))")
"""The name of every closing tag `find_close` could stop at (and more): the text from `</` up
to what must follow the name. Read from each `<`, so `</a</b>` holds `b`."""


def closing_tag(
    src: str, name: str, start: int, limit: int, env: MutableMapping[str, Any]
) -> tuple[int, int] | None:
    """`find_close`, answered from what an earlier scan of the same text found when it passed
    this opener. Unclosed openers in a row each scanned to the end of their paragraph:
    thousands of `<span>` (or `List<String>` lines) in one took minutes; the first scan now
    answers for every `<name>` after it."""
    closers: dict[str, frozenset[str]] = env.setdefault("_closers", {})
    if src not in closers:
        closers[src] = frozenset(_CLOSER_NAME.findall(src))
    if name not in closers[src]:  # thousands of names each scanned to the end, else
        return None
    known: dict[tuple[str, str, int], dict[int, tuple[int, int] | None]]
    known = env.setdefault("_closes", {})
    nested = known.setdefault((src, name, limit), {})
    if start in nested:
        return nested[start]
    close = find_close(src, name, start, limit, scope_of(env), nested)
    nested[start] = close
    return close


def expansion_for(
    env: MutableMapping[str, Any], tag: Tag, inner: str, where: tuple[str, int]
) -> Any:
    """The `Expansion` replacing a snippet or custom component, or None."""
    expander = env.get("expand_component")
    if expander is None or not tag.name[:1].isupper():
        return None
    return expander(tag.name, tag.props, inner, where)


def lowercase_component(env: MutableMapping[str, Any], name: str) -> str | None:
    """The warning for `<createAccount />` naming an imported or defined component in
    lowercase (Wavix): MDX reads a lowercase name as an HTML element, so the component is not
    drawn; None for any other tag."""
    knows = getattr(env.get("expand_component"), "knows", None)
    if knows is None or not name[:1].islower() or name in HTML_NAMES or not knows(name):
        return None
    return (
        f"<{name}> starts with a lowercase letter, so MDX reads it as an HTML element, not the "
        f"component `{name}` this page imports or defines; name it with a capital letter "
        "(import it as one) to draw it"
    )


ELEMENT_ALIASES = {"Link": "a"}
"""Components Mintlify's MDX knows without an import that are an HTML element here: `<Link
href="/x">` (Next.js's link, which real sites write) is an `<a>`; a page that imports or
defines its own `Link` keeps it (`expansion_for` answers first)."""


def push_open(state: Any, tag: Tag, phrasing: bool, self_closing: bool) -> Any:
    """The opening token of an element; an `ELEMENT_ALIASES` name becomes its element's (the
    name as written stays in `meta["written"]`)."""
    written = tag.name
    tag.name = ELEMENT_ALIASES.get(written, written)
    token = state.push("component_open", "", 1)
    token.meta = {
        "name": tag.name,
        "props": tag.props,
        "raw_props": tag.raw_props,
        "self_closing": self_closing,
        "phrasing": phrasing,
    }
    if written != tag.name:
        token.meta["written"] = written
    return token
