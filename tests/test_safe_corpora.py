"""`--safe` keeps Mintlify's own components working: both shared corpora built with and without
it give the same pages, but for what `--safe` promises to remove (custom scripts, unsafe URLs)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from sitekit import CORPORA, shared_build

from mintrender.safeurl import is_safe_url

pytestmark = pytest.mark.corpus

_URL_ATTRS = {"href", "src", "poster", "xlink:href"}


class Outline(HTMLParser):
    """A page as elements (tag, attributes) and text, SVG drawings left out: `--safe`
    re-serialises SVG, which changes how the writer shares repeated drawings, not the page."""

    def __init__(self, *, unsafe_removed: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, ...]] = []
        self.svg = 0
        self.unsafe_removed = unsafe_removed

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "svg":
            self.svg += 1
        if self.svg:
            return
        kept = []
        for name, value in attrs:
            value = value or ""
            if self.unsafe_removed and name in _URL_ATTRS and not is_safe_url(value, image=True):
                continue  # what --safe promises to remove (the sanitizer drops it ...)
            if name == "href" and value == "#":
                continue  # (... or the URL builder writes `#` instead)
            kept.append(f"{name}={value}")
        if tag == "script" and any(a.startswith("src=/") for a in kept):
            if not any(a.startswith("src=/_mintrender/") for a in kept):
                return  # a custom script of the docs folder
        self.items.append((tag, *sorted(kept)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "svg":
            self.svg -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg" and self.svg:
            self.svg -= 1

    def handle_data(self, data: str) -> None:
        if data.strip() and not self.svg:
            self.items.append(("#text", data.strip()))


def outline(path: Path, *, unsafe_removed: bool) -> list[tuple[str, ...]]:
    parser = Outline(unsafe_removed=unsafe_removed)
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.items


@pytest.mark.parametrize("corpus", ["modelslab", "mintlify-docs"])
def test_safe_build_gives_the_same_pages(corpus: str) -> None:
    docs = CORPORA / corpus
    if not docs.is_dir():
        pytest.skip(f"shared corpus {corpus} not available")
    # both built once per test run (test_cli_corpora reads the trusted build too)
    trusted = shared_build(docs).out
    built = shared_build(docs, "--safe")
    assert built.report, built.stderr[-2000:]  # no report: a fatal error, nothing was built
    safe = built.out
    pages = sorted(trusted.rglob("*.html"))
    assert len(pages) > 300
    different = []
    for page in pages:
        other = safe / page.relative_to(trusted)
        assert other.is_file(), page
        a = outline(page, unsafe_removed=True)
        b = outline(other, unsafe_removed=False)
        if a != b:
            first = next(
                (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                min(len(a), len(b)),
            )
            different.append(
                (str(page.relative_to(trusted)), a[first : first + 2], b[first : first + 2])
            )
    assert different == [], different[:5]
