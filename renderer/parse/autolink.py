"""GFM autolink literals: bare `https://…` and `www.…` URLs, and email addresses, in text
become links."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from markdown_it.token import Token

if TYPE_CHECKING:
    from markdown_it.rules_core import StateCore
    from markdown_it.rules_inline import StateInline

_URL = re.compile(r"(?<![\w/@.])(?:https?://|www\.)[^\s<>\"'`{}]*")
_TRAILING = frozenset("?!.,:;*_~]'")
_ENTITY_END = re.compile(r"&[A-Za-z0-9]+;\Z")
_SCHEME = re.compile(r"(?:https?://|www\.)")
_FOUND = re.compile(
    _URL.pattern
    + r"|(?P<email>(?<![A-Za-z0-9_.+\-@/])[A-Za-z0-9._+-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+)"
)
"""A bare URL, or an email address as GFM links one: letters, digits, `.`, `-`, `_`, `+`, an
`@`, then names separated by dots (at least one dot)."""


def _email(found: str) -> str | None:
    """The address GFM links out of `found`, or None: a last `.` is left out, and one that
    ends in `-` or `_` (or has no dot left) is no address."""
    address = found.rstrip(".")
    if address[-1] in "-_" or "." not in address.split("@", 1)[1]:
        return None
    return address


def _balance(url: str) -> str:
    """The URL without the punctuation GFM leaves out at its end: `.`, `,`, `?` and the like,
    a `)` that closes no `(` of the URL (one that does stays: `Foo_(bar)`), and what looks like
    an entity (`&amp;`)."""
    while url:
        if url[-1] in _TRAILING:
            entity = _ENTITY_END.search(url) if url[-1] == ";" else None
            url = url[: entity.start()] if entity else url[:-1]
        elif url[-1] == ")" and url.count(")") > url.count("("):
            url = url[:-1]
        else:
            break
    return url


def autolink_literal(state: StateCore) -> None:
    """Core rule (after `inline`): split text tokens around bare URLs."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        depth = 0
        changed = False
        for tok in block.children:
            # inside a link, a Markdown one or an `<a>` element, text is never linked again
            anchor = tok.type.startswith("component_") and (tok.meta or {}).get("name") == "a"
            if tok.type == "link_open" or anchor and tok.type == "component_open":
                depth += 1
            elif tok.type == "link_close" or anchor and tok.type == "component_close":
                depth -= 1
            content = tok.content
            if (
                tok.type != "text"
                or depth > 0
                or ("http" not in content and "www." not in content and "@" not in content)
            ):
                children.append(tok)
                continue
            text = tok.content
            pos = 0
            for m in _FOUND.finditer(text):
                if m.group("email"):
                    url = _email(m.group("email")) or ""
                    href = "mailto:" + url
                else:
                    url = _balance(m.group(0))
                    href = url if url.startswith("http") else "http://" + url
                if not url or _SCHEME.fullmatch(url):
                    continue  # nothing after the scheme (`https://.`), no address: text
                if m.start() > pos:
                    t = Token("text", "", 0)
                    t.content = text[pos : m.start()]
                    children.append(t)
                link = Token("link_open", "a", 1)
                link.attrs = {"href": href}
                link.markup = "linkify"
                link.info = "auto"
                inner = Token("text", "", 0)
                inner.content = url
                children.extend([link, inner, Token("link_close", "a", -1)])
                pos = m.start() + len(url)
                changed = True
            if pos < len(text):
                t = Token("text", "", 0)
                t.content = text[pos:]
                children.append(t)
        if changed:
            block.children = children


_PROTOCOL = re.compile(r"(?<![A-Za-z])(https?)\Z", re.I)
_REST = re.compile(r"://[^\s<>\"`{}]*")


def url_inline(state: StateInline, silent: bool) -> bool:
    """Inline rule at the `:` of `https://`: the bare URL as one link, before emphasis and
    math read its `_`, `*` or `$` (`…#object.__init__`, `?$select=a&$top=5` were cut short),
    as GFM finds autolink literals first. The scheme is the end of the text before (not after
    an ASCII letter: after Chinese text it is a URL). `www.` and e-mail addresses are
    `autolink_literal`'s, after the inline rules."""
    pos = state.pos
    if state.linkLevel > 0 or not state.src.startswith("://", pos):
        return False
    proto = _PROTOCOL.search(state.pending)
    rest = _REST.match(state.src, pos, state.posMax)
    if proto is None or rest is None or _inside_anchor(state):
        return False
    url = _balance(proto.group(1) + rest.group(0))
    if _SCHEME.fullmatch(url.lower()) or len(url) <= len(proto.group(1)) + 3:
        return False  # nothing after the scheme
    if not silent:
        state.pending = state.pending[: -len(proto.group(1))]
        link = state.push("link_open", "a", 1)
        link.attrs = {"href": url}
        link.markup = "linkify"
        link.info = "auto"
        state.push("text", "", 0).content = url
        state.push("link_close", "a", -1).markup = "linkify"
    state.pos = pos + len(url) - len(proto.group(1))
    return True


def _inside_anchor(state: StateInline) -> bool:
    """Is the text inside an `<a>` element of the paragraph (never linked again)?"""
    depth = 0
    for tok in state.tokens:
        if tok.type.startswith("component_") and (tok.meta or {}).get("name") == "a":
            depth += (
                1 if tok.type == "component_open" else -1 if tok.type == "component_close" else 0
            )
    return depth > 0


AUTOLINK_NOT_MDX = (
    "`<{url}>` is not MDX: MDX reads `<` as the start of a tag, so Mintlify refuses this page; "
    "write [text]({url}) or the bare address (linked here)"
)


def mdx_autolink(
    rule: Callable[[StateInline, bool], bool],
) -> Callable[[StateInline, bool], bool]:
    """CommonMark's `<https://…>` and `<name@host>` autolinks, linked as before but reported:
    MDX has no autolinks (micromark-extension-mdx-jsx turns them off), and remark-mdx fails
    the page at the `<`."""
    from mintrender.components._mdxenv import inline_report  # (components import parse)

    def autolink(state: StateInline, silent: bool) -> bool:
        start = state.pos
        if not rule(state, silent):
            return False
        if not silent and not state.env.get("lenient"):
            url = state.src[start + 1 : state.pos - 1]
            inline_report(state, start, "jsx-syntax", AUTOLINK_NOT_MDX.format(url=url))
        return True

    return autolink
