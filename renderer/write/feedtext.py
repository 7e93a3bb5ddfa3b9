"""An `<Update>`'s content as an RSS item carries it: pure Markdown, split at its headings.

components/update.mdx: feed entries "contain pure Markdown only--components, code blocks, inline
code, and raw HTML elements are not included", and "Updates with Markdown headings create a
separate RSS feed entry for each heading". The entry's rendered HTML is filtered here: the
elements Markdown writes are kept (without the theme's classes), everything else is left out
with its content, and a table keeps its rows without the theme's wrapper.

```python
pure_markdown('<p>Run <code>x</code></p><div class="mr-callout">…</div>')  # '<p>Run </p>'
split_at_headings(fragment)  # [(None, intro), (Heading("new", "New"), part), …]
```
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

MARKDOWN_TAGS = frozenset(
    "p a strong b em i del s ul ol li blockquote h1 h2 h3 h4 h5 h6 br hr img "
    "table thead tbody tr th td sup sub".split()
)
"""Elements Markdown (CommonMark and GFM) writes: kept."""
_VOID = frozenset({"br", "hr", "img"})
_ATTRS = {"a": ("href", "title"), "img": ("src", "alt", "title")}
_WRAPPERS = frozenset({"mr-table-wrap"})
"""Classes of the theme's wrappers around Markdown (a table's scroll box): dropped, their
content kept."""


@dataclass(frozen=True, slots=True)
class Heading:
    anchor: str
    text: str


class _Filter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.skip = 0  # depth inside an element left out with its content
        self.stack: list[bool] = []  # per open element: was its tag written?

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = set((dict(attrs).get("class") or "").split())
        if self.skip:
            if tag not in _VOID:
                self.skip += 1
            return
        if tag in MARKDOWN_TAGS and not _own_widget(tag, classes):
            kept = "".join(
                f' {k}="{html.escape(v or "", quote=True)}"'
                for k, v in attrs
                if k in _ATTRS.get(tag, ())
            )
            self.out.append(f"<{tag}{kept}>")
            if tag not in _VOID:
                self.stack.append(True)
        elif tag == "div" and classes & _WRAPPERS:
            self.stack.append(False)
        elif tag not in _VOID:
            self.skip = 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self.skip:
            self.skip -= 1
            return
        if self.stack and self.stack.pop():
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        if not self.skip:
            self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if not self.skip:
            self.out.append(f"&#{name};")


def _own_widget(tag: str, classes: set[str]) -> bool:
    """A Markdown tag the theme uses for its own parts (a heading's anchor link)."""
    return tag == "a" and "mr-heading__anchor" in classes


def pure_markdown(fragment: str) -> str:
    """`fragment` with only what Markdown writes (see the module docstring)."""
    parser = _Filter()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.out).strip()


_HEADING = re.compile(r'<h([1-6])\b[^>]*\bid="([^"]*)"[^>]*>(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")


def plain_text(fragment: str, gap: str = " ") -> str:
    """The text of an HTML fragment on one line: each tag `gap`, references read."""
    return " ".join(html.unescape(_TAG.sub(gap, fragment)).split())


def split_at_headings(fragment: str) -> list[tuple[Heading | None, str]]:
    """The parts of `fragment` before its first heading (None) and under each heading."""
    parts: list[tuple[Heading | None, str]] = []
    heading: Heading | None = None
    start = 0
    for m in _HEADING.finditer(fragment):
        parts.append((heading, fragment[start : m.start()]))
        text = plain_text(m.group(3), gap="")
        heading, start = Heading(html.unescape(m.group(2)), text), m.end()
    parts.append((heading, fragment[start:]))
    return parts
