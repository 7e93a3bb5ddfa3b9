"""The check's parser (`make_check_markdown`) finds what the build's parser finds.

Its block and inline rules are tried by first character (renderer/parse/dispatch.py): the same tokens.
Its inline shortcut (renderer/parse/checkinline.py): plain text gets exactly the full parse's
tokens, and text outside components and headings that holds no link, image, HTML, JSX,
expression, math, entity, footnote or bare URL gives the same findings, ids and anchors."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.harness import DOCS, FILES, PAGES, site_config
from markdown_it.utils import read_fixture_file
from sitekit import minimal_config, write_site

import mintrender.check.pages as check_pages
from mintrender.build import parse_source
from mintrender.check.options import CheckOptions
from mintrender.check.run import check_site
from mintrender.errors import Diagnostics
from mintrender.load.config import load_config
from mintrender.load.sources import Reader
from mintrender.parse import mdx
from mintrender.parse.checkinline import (
    FINDING_START,
    INLINE_RULES,
    RULE_START,
    plain_children,
    plain_inline_tokens,
)
from mintrender.parse.dispatch import dispatch_rules
from mintrender.parse.mdx import make_check_markdown, make_markdown, new_markdown, parse_page
from mintrender.render.page import render_page
from mintrender.urls import UrlBuilder

FIXTURE_SOURCES = [
    source
    for folder in ("mdx", "components")
    for path in sorted((Path(__file__).parent / "fixtures" / folder).glob("*.md"))
    for _, _, source, _ in read_fixture_file(path)
]
"""Every MDX input of the component and MDX fixture tests."""

BLOCKS = [
    "import { A } from '/snippets/a.mdx'\nexport const x = 1\n\nText {x}\n",
    "Para\n***\n\n---\n\n___\n\n- - -\n",
    "Para\n- a\n- b\n\n* c\n+ d\n\n1. one\n2) two\n10. ten\n",
    "Text\n\n9. nine\n\n> 9) in a quote\n",
    "Para\n```js\ncode\n```\n~~~\ntilde\n~~~\n",
    "Para\n> quote\n> - in list\n>\n> > nested\n",
    "Para\n# One\n## Two ##\n#NotHeading\n\nSetext\n===\n\nSetext two\n---\n",
    "| a | b |\n|---|:-:|\n| 1 | 2 |\nPara\n| x |\n|---|\n",
    "Para\n$$\nx^2\n$$\n\n$$ y $$\n",
    "Text[^1] and [ref].\n[^1]: Note.\n\n[ref]: /page\n[^2]:\n    indented note\n",
    "Para\n<Note>\n  - item\n    ---\n  > q\n</Note>\n{/* comment */}\n<!-- html -->\n",
    "- item\n    <Tip>\n    in list\n    </Tip>\n\n  ```\n  indented fence\n  ```\n",
    "Lazy\n        # indented heading\n        - indented item\n        <Card>x</Card>\n",
    "export default function X() {}\n\nimported? no: import is a word\n",
    "",
    "\n\n   \n",
]
"""Block inputs for every dispatched rule: each starting, interrupting a paragraph, nested."""

PLAIN = [
    "One line of text.",
    "Two lines\nof text.",
    "A soft break after one space \nhere.",
    "A hard break after two spaces  \nhere, and three   \nthere.",
    "Only spaces before the break:\n   \nnext.",
    "Tab before the break\t\nand tab-indented\n\t\tnext line.",
    "Trailing spaces at the very end   ",
    "Punctuation that starts nothing: ! ^ ] } # % + - : = > @ |, (parens) and 'quotes'.",
    "Wow! Really^2? a]b c}d -- e:f",
    "Unicode ünïcödé — “quotes” and emoji 🎉\n  indented continuation",
]


def _full_children(text: str) -> list[dict]:
    md = new_markdown()  # every rule tried everywhere: the reference
    return [t.as_dict() for t in md.inline.parse(text, md, {"scope": {}}, [])]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_gets_exactly_the_full_parse_tokens(text: str) -> None:
    assert RULE_START.search(text) is None
    assert [t.as_dict() for t in plain_children(text)] == _full_children(text)


def test_the_rule_start_set_covers_every_inline_rule() -> None:
    # a new inline rule must be added to INLINE_RULES and its start characters to RULE_START
    for md in (make_markdown(), make_check_markdown()):
        enabled = [r.name for r in md.inline.ruler.__rules__ if r.enabled]
        assert tuple(enabled) == INLINE_RULES
    for text in (
        "*em*",
        "_em_",
        "`code`",
        "~s~",
        "\\*",
        "&amp;",
        "$x$",
        "{x}",
        "<b>",
        "[a]",
        "https://x",
    ):
        assert RULE_START.search(text) is not None
    for text in ("[a](b)", "![i](p.png)", "[^1]", "^[note]", "<Icon/>", "{1}", "&copy;", "$x$"):
        assert FINDING_START.search(text) is not None
    assert FINDING_START.search("see https://example.com and www.example.com") is not None


def test_headings_and_component_children_keep_their_formatting() -> None:
    src = "# A *b*\n\n<Note>\n  a *b*\n</Note>\n\nplain *b*\n\n| x *y* |\n|---|\n| z |\n"
    tokens = make_markdown().parse(src, {"src_path": "p.mdx", "scope": {}})
    plain = [t.content for t in plain_inline_tokens(tokens)]
    assert plain == ["plain *b*", "x *y*", "z"]


def test_check_parser_leaves_the_build_parser_alone(tmp_path: Path) -> None:
    docs = write_site(tmp_path / "d", {"a.mdx": "Some *emphasis* here.\n"}, minimal_config(["a"]))
    config = load_config(docs, Diagnostics())
    quick = parse_source("a.mdx", config, Reader(docs), Diagnostics(), for_check=True)
    full = parse_source("a.mdx", config, Reader(docs), Diagnostics())
    types = [[c.type for c in t.children or []] for t in quick.tokens if t.type == "inline"]
    assert types == [["text"]]  # the shortcut was taken
    types = [[c.type for c in t.children or []] for t in full.tokens if t.type == "inline"]
    assert types == [["text", "em_open", "text", "em_close", "text"]]


EDGE_PAGES = {
    "a.mdx": (
        "---\ntitle: A\n---\n\n"
        "A link in plain words [here](/missing) and nothing else.\n\n"
        "Emphasis *only* and `code` and ~~strike~~ and \\escapes, no links.\n\n"
        "An autolink <https://example.com/x> and a bare https://example.com/y URL.\n\n"
        'An icon <Icon icon="no-such-icon-anywhere" /> inline.\n\n'
        "An expression {undefinedName} and {1 + 1}.\n\n"
        "Entities &amp; &copy; &nbsp;.\n\n"
        "A footnote[^n] reference.\n\n[^n]: The *note* [inside](/gone-too).\n\n"
        "A reference [link][ref] with its definition elsewhere.\n\n"
        "![an image](/images/none.png)\n\n"
        "| col | other |\n|---|---|\n| [cell link](/b#nowhere) | *plain* |\n\n"
        "- item *one*\n- item [two](/b#deep-heading)\n\n"
        "## Heading *with* `code` and [link](/b#also-missing)\n\n"
        "### Deep `heading` *here*\n\n"
        "[self](#heading-with-code-and-link) and [self bad](#not-here)\n\n"
        "<Note>\n  Inside *a* component, text [link](/nope).\n</Note>\n\n"
        '<Steps>\n  plain text in steps\n  <Step title="S">x</Step>\n</Steps>\n\n'
        "$x^2$ math and $$\\frac{1}{2}$$\n\n"
        "[ref]: /ref-target\n"
    ),
    "b.mdx": "# B\n\n## Deep *heading*\n\nSee [a](/a#deep-heading-here) and [a2](/a#nope).\n",
}


def _findings(docs: Path) -> list[tuple]:
    result = check_site(CheckOptions(docs_dir=docs, jobs=1))
    return [(d.file, d.line, d.column, d.code, d.message) for d in result.diagnostics]


def test_findings_equal_the_full_parse_on_edge_cases(tmp_path: Path, monkeypatch) -> None:
    docs = write_site(tmp_path / "d", EDGE_PAGES, minimal_config(["a", "b"]))
    quick = _findings(docs)

    def full_parse(*args, **kwargs):
        kwargs["for_check"] = False
        return parse_source(*args, **kwargs)

    monkeypatch.setattr(check_pages, "parse_source", full_parse)
    assert _findings(docs) == quick
    codes = {(file, line, code) for file, line, _, code, _ in quick}
    # a plain paragraph's link, the footnote's, the image, the reference definition's, the
    # link inside a component; anchors from a table cell, a heading, this page, another page
    for line in (5, 19, 23, 39, 49):
        assert ("a.mdx", line, "broken-link") in codes
    for line in (27, 32, 36):
        assert ("a.mdx", line, "broken-anchor") in codes
    assert ("b.mdx", 5, "broken-anchor") in codes  # /a#nope; /a#deep-heading-here is found
    assert len([c for c in codes if c[2] == "broken-anchor"]) == 4  # /b#deep-heading is found
    assert ("a.mdx", 11, "unknown-icon") in codes
    assert ("a.mdx", 13, "mdx-expression") in codes
    assert ("a.mdx", 42, "component-children") in codes


def _parse(text: str, *, for_check: bool) -> tuple[mdx.ParsedPage, Diagnostics]:
    found = Diagnostics()

    def read(rel: str) -> str | None:
        path = DOCS / rel
        return path.read_text(encoding="utf-8") if path.is_file() else None

    parsed = parse_page(
        "page.mdx", text, docs_dir=DOCS, diagnostics=found, read=read, for_check=for_check
    )
    return parsed, found


@pytest.mark.parametrize("parser", ["check", "build"])
def test_block_dispatch_gives_the_same_tokens_on_every_fixture(monkeypatch, parser: str) -> None:
    """The check's dispatched parser, and the build's own (`make_markdown`: dispatched, lean
    normalize), against markdown-it trying every rule everywhere."""
    plain = new_markdown()
    if parser == "check":
        dispatched = new_markdown()
        dispatch_rules(dispatched)
    else:
        dispatched = make_markdown()
    monkeypatch.setattr(mdx, "make_markdown", lambda: plain)
    monkeypatch.setattr(mdx, "make_check_markdown", lambda: dispatched)
    assert len(FIXTURE_SOURCES) > 200
    for text in BLOCKS + FIXTURE_SOURCES:
        full, full_found = _parse(text, for_check=False)
        quick, quick_found = _parse(text, for_check=True)
        assert [t.as_dict() for t in quick.tokens] == [t.as_dict() for t in full.tokens], text
        assert list(quick_found) == list(full_found)


def test_check_parser_findings_equal_on_every_fixture() -> None:
    urls = UrlBuilder("hosted", pages=PAGES, files=FILES)
    for text in BLOCKS + FIXTURE_SOURCES:
        seen = []
        for for_check in (False, True):
            parsed, found = _parse(text, for_check=for_check)
            ctx = check_pages.CheckContext(site_config(), "page.mdx", urls, found)
            body = render_page(parsed, ctx, with_sections=False).body_html
            ids = sorted(check_pages._ID.findall(body))
            seen.append(([str(d) for d in found], ids, ctx.anchors))
        assert seen[0] == seen[1], text


def test_line_endings_and_nul_are_still_normalized() -> None:
    for text in ("a\r\nb\rc\n", "x\0y\n", "plain\n"):
        env: dict = {"scope": {}}
        full = [t.as_dict() for t in new_markdown().parse(text, env)]
        for md in (make_markdown(), make_check_markdown()):
            assert [t.as_dict() for t in md.parse(text, {"scope": {}})] == full
    tokens = make_check_markdown().parse("a\r\nb\0\n", {"scope": {}})
    assert tokens[1].content == "a\nb\ufffd"
