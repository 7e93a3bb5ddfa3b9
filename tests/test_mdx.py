"""MDX front-end fixtures: JSX, props, expressions, ESM, snippets, custom components, HTML.

Each fixture file in `tests/fixtures/mdx/` uses markdown-it-py's format (title, `.`, MDX input,
`.`, expected output, `.`). The expected output is the token stream printed as HTML, components
shown as `<Name prop=value>` tags (so these tests do not depend on how a family renders), then one
`!! file:line:col severity code` line per diagnostic. `html.md` renders through the real renderer.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from markdown_it.renderer import RendererHTML
from markdown_it.utils import read_fixture_file
from mintrender.components._jsxparse import Expression
from mintrender.errors import Diagnostics
from mintrender.load.config import load_config
from mintrender.parse.mdx import ParsedPage, make_markdown, parse_page
from mintrender.render.context import RenderContext
from mintrender.render.page import render_page
from mintrender.urls import UrlBuilder

FIXTURES = Path(__file__).parent / "fixtures" / "mdx"
DOCS = FIXTURES / "docs"


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


def parse(text: str, rel_path: str = "page.mdx") -> tuple[ParsedPage, Diagnostics]:
    diagnostics = Diagnostics()

    def read(rel: str) -> str | None:
        path = DOCS / rel
        return path.read_text(encoding="utf-8") if path.is_file() else None

    parsed = parse_page(
        rel_path, text, docs_dir=DOCS, diagnostics=diagnostics, read=read, variables={"v": "1.2"}
    )
    return parsed, diagnostics


def _diagnostic_lines(diagnostics: Diagnostics) -> str:
    return "".join(f"!! {d.file}:{d.line}:{d.column} {d.severity} {d.code}\n" for d in diagnostics)


def structure(text: str, rel_path: str = "page.mdx") -> str:
    parsed, diagnostics = parse(text, rel_path)
    renderer = StructureRenderer()
    out = renderer.render(parsed.tokens, make_markdown().options, parsed.env)
    return out + _diagnostic_lines(diagnostics)


def rendered(text: str, rel_path: str = "page.mdx") -> str:
    parsed, diagnostics = parse(text, rel_path)
    config = load_config(DOCS, Diagnostics())
    urls = UrlBuilder(pages=frozenset({"/", "/page"}), files=frozenset({"images/a.png"}))
    ctx = RenderContext(config, rel_path, urls, diagnostics)
    page = render_page(parsed, ctx)
    return page.body_html.replace("\x1e", "/") + "\n" + _diagnostic_lines(diagnostics)


def _cases(name: str) -> list[Any]:
    return [
        pytest.param(text, expected, id=f"{name}:{line}:{title}")
        for line, title, text, expected in read_fixture_file(FIXTURES / f"{name}.md")
    ]


def _normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *_cases("jsx"),
        *_cases("props"),
        *_cases("expressions"),
        *_cases("esm"),
        *_cases("snippets"),
        *_cases("custom"),
        *_cases("code"),
        *_cases("containers"),
        *_cases("lines"),
    ],
)
def test_structure(text: str, expected: str) -> None:
    assert _normalise(structure(text)) == _normalise(expected)


@pytest.mark.parametrize(("text", "expected"), _cases("lenient"))
def test_lenient_md(text: str, expected: str) -> None:
    assert _normalise(structure(text, "page.md")) == _normalise(expected)


@pytest.mark.parametrize(("text", "expected"), _cases("html"))
def test_html_elements(text: str, expected: str) -> None:
    assert _normalise(rendered(text)) == _normalise(expected)
