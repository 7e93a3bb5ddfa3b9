"""MDX front-end fixtures: JSX, props, expressions, ESM, snippets, custom components, HTML.

Each fixture file in `tests/fixtures/mdx/` uses markdown-it-py's format, read by the harness of
all fixture tests (tests/fixtures/harness.py). The expected output is the token stream printed as
HTML, components shown as `<Name prop=value>` tags (so these tests do not depend on how a family
renders), then one `!! file:line:col severity code: message` line per diagnostic. `html.md`
renders through the real renderer.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from typing import Any

import pytest
from fixtures.harness import cases, diagnostic_lines, normalise, parse, render, rendered
from markdown_it.renderer import RendererHTML

from mintrender.components._jsxparse import Expression
from mintrender.parse.mdx import make_markdown


def _show(value: Any) -> str:
    if isinstance(value, Expression):
        return "{" + value.source.strip() + "}"
    return json.dumps(value, ensure_ascii=False)


class StructureRenderer(RendererHTML):
    """HTML for Markdown, `<Name prop=json>` for components (block ones on their own lines)."""

    def component_open(self, tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
        tok = tokens[idx]
        meta = tok.meta
        props = "".join(f" {k}={_show(v)}" for k, v in meta["props"].items())
        name = meta["name"] or "<>"
        end = "/>" if meta.get("self_closing") else ">"
        return f"<{name}{props}{end}" + ("\n" if tok.block else "")

    def component_close(self, tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
        tok = tokens[idx]
        opening = next(
            t for t in reversed(tokens[:idx]) if t.type == "component_open" and t.level == tok.level
        )
        if opening.meta.get("self_closing"):
            return ""
        return f"</{tok.meta['name'] or '<>'}>" + ("\n" if tok.block else "")

    def heading_open(self, tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
        tok = tokens[idx]
        custom = (tok.meta or {}).get("custom_id")
        return f'<{tok.tag} id="{custom}">' if custom else f"<{tok.tag}>"

    def math_inline(self, tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
        return f"<math>{html.escape(tokens[idx].content)}</math>"

    def math_block(self, tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
        return f"<math display>{html.escape(tokens[idx].content)}</math>\n"

    math_inline_double = math_block


def structure(text: str, rel_path: str = "page.mdx") -> str:
    parsed, diagnostics = parse(text, rel_path)
    out = StructureRenderer().render(parsed.tokens, make_markdown().options, parsed.env)
    return "\n".join([out.rstrip("\n"), *diagnostic_lines(diagnostics)])


@pytest.mark.parametrize(
    ("text", "expected"),
    cases(
        "mdx",
        "jsx",
        "props",
        "expressions",
        "esm",
        "snippets",
        "custom",
        "code",
        "containers",
        "flow",
    )
    + cases("mdx", "lines"),
)
def test_structure(text: str, expected: str) -> None:
    assert normalise(structure(text)) == normalise(expected)


@pytest.mark.parametrize(("text", "expected"), cases("mdx", "lenient"))
def test_lenient_md(text: str, expected: str) -> None:
    assert normalise(structure(text, "page.md")) == normalise(expected)


@pytest.mark.parametrize(("text", "expected"), cases("mdx", "html"))
def test_html_elements(text: str, expected: str) -> None:
    assert normalise(rendered(text)) == normalise(expected)


@pytest.mark.parametrize(
    ("text", "links"),
    [
        # the GFM spec's extended autolink examples (those MDX can read: no `<`)
        ("Visit www.commonmark.org/a.b.", ["www.commonmark.org/a.b"]),
        (
            "www.google.com/search?q=Markup+(business)",
            ["www.google.com/search?q=Markup+(business)"],
        ),
        (
            "www.google.com/search?q=Markup+(business)))",
            ["www.google.com/search?q=Markup+(business)"],
        ),
        (
            "(www.google.com/search?q=Markup+(business))",
            ["www.google.com/search?q=Markup+(business)"],
        ),
        (
            "(www.google.com/search?q=Markup+(business)",
            ["www.google.com/search?q=Markup+(business)"],
        ),
        ("www.google.com/search?q=(business))+ok", ["www.google.com/search?q=(business))+ok"]),
        ("www.google.com/search?q=commonmark&hl=en", ["www.google.com/search?q=commonmark&hl=en"]),
        ("www.google.com/search?q=commonmark&hl;", ["www.google.com/search?q=commonmark"]),
        (
            "See https://en.wikipedia.org/wiki/Foo_(bar) now.",
            ["https://en.wikipedia.org/wiki/Foo_(bar)"],
        ),
        ("Is it https://example.com/x?", ["https://example.com/x"]),
        # email addresses (mdcms' "demo@mdcms.local"), each checked with remark-gfm
        ("foo@bar.baz", ["foo@bar.baz"]),
        ("mail a.b-c+d@x.y. now", ["a.b-c+d@x.y"]),
        ("foo@bar and x@y.com_ and x@y.co-", []),
        ("@user hi and a@b.c.", ["a@b.c"]),
        ("see user@example.com, then", ["user@example.com"]),
        ("ü@ex.com and tést@ex.com", ["st@ex.com"]),
        # inside an `<a>` element, text is never linked again (mintlify-docs' help center)
        (
            'Mail <a href="mailto:x@y.com">x@y.com</a> or <a href="https://a.io">https://a.io</a>',
            ["x@y.com", "https://a.io"],
        ),
    ],
)
def test_bare_urls_end_where_gfm_ends_them(text: str, links: list[str]) -> None:
    """A `)` that balances a `(` of the URL stays in it; trailing punctuation and an unbalanced
    `)` do not (remark-gfm, the GFM spec's section 6.9); an email address is a `mailto:` link."""
    out = rendered(text)
    assert [html.unescape(t) for t in re.findall(r'<a href="[^"]*"[^>]*>([^<]*)</a>', out)] == links


def test_text_inside_an_a_element_is_never_linked_again() -> None:
    """`<a href="mailto:…">support@mintlify.com</a>` (mintlify-docs' help center) and an `<a>`
    around a bare URL: their text was made a second link inside the first."""
    out = rendered(
        'Mail <a href="mailto:x@y.com">x@y.com</a> or <a href="https://a.io">https://a.io</a>'
    )
    assert out.count("<a ") == 2 and out.count("</a>") == 2


def test_a_lt_that_cannot_start_a_tag_is_said() -> None:
    """World Engine's `<-chan time.Time` in a table: remark-mdx fails the page ("Unexpected
    character `-` before name"), so Mintlify shows nothing; we show it as written, and say so.
    `a < b`, code and math are no tags to MDX either, and no warning."""
    for text, warned in (
        ("| ch | <-chan time.Time |\n|---|---|\n| a | b |", True),
        ("love <3 and a <= b", True),
        ("a < b, `x <- y`, $x <3$", False),
    ):
        page, _, found = render(text)
        assert ("jsx-syntax" in [d.code for d in found]) is warned, text
        assert "&lt;" in page.body_html
