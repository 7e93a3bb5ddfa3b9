"""Media, data and misc families: Frame, Tree, Color, Update, View, Visibility, Prompt,
GitHub.Repo, Heading, math. Fixtures in `tests/fixtures/components/{media,data,misc}.md`
(markdown-it-py format: title, `.`, MDX, `.`, expected page body HTML, `.`), rendered by the
real pipeline; diagnostics follow the HTML as `!! file:line:col severity code` lines.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from markdown_it.utils import read_fixture_file

from components import REGISTRY
from components.math import MathError, render_math, tex_to_mathml
from renderer.config import load_config
from renderer.context import RenderContext
from renderer.errors import Diagnostics
from renderer.mdx import parse_page
from renderer.render import render_page
from renderer.urls import UrlBuilder

FIXTURES = Path(__file__).parent / "fixtures" / "components"
DOCS = Path(__file__).parent / "fixtures" / "mdx" / "docs"
# Lucide SVG bodies are long and not what these tests are about.
_SVG = re.compile(r"<svg\b[^>]*class=\"([^\"]*)\"[^>]*>.*?</svg>", re.S)


def render(text: str, rel_path: str = "page.mdx") -> tuple[str, Diagnostics]:
    diagnostics = Diagnostics()
    config = load_config(DOCS, Diagnostics())

    def read(rel: str) -> str | None:
        path = DOCS / rel
        return path.read_text(encoding="utf-8") if path.is_file() else None

    parsed = parse_page(rel_path, text, docs_dir=DOCS, diagnostics=diagnostics, read=read)
    urls = UrlBuilder(pages=frozenset({"/", "/page"}), files=frozenset({"images/a.png"}))
    ctx = RenderContext(config, rel_path, urls, diagnostics)
    page = render_page(parsed, ctx)
    return page.body_html.replace("\x1e", "/"), diagnostics


def shown(text: str) -> str:
    body, diagnostics = render(text)
    body = _SVG.sub(lambda m: f'<svg class="{m.group(1)}"/>', body)
    lines = [f"!! {d.file}:{d.line}:{d.column} {d.severity} {d.code}" for d in diagnostics]
    return "\n".join([body.strip(), *lines])


def _normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def _cases(name: str) -> list[Any]:
    return [
        pytest.param(text, expected, id=f"{name}:{line}:{title}")
        for line, title, text, expected in read_fixture_file(FIXTURES / f"{name}.md")
    ]


@pytest.mark.parametrize(("text", "expected"), [*_cases("media"), *_cases("data"), *_cases("misc")])
def test_fixture(text: str, expected: str) -> None:
    assert _normalise(shown(text)) == _normalise(expected)


def test_registry_holds_the_families() -> None:
    for name in (
        "Frame Tree FileTree Tree.Folder Tree.File Color Color.Row Color.Item Update View "
        "Visibility Prompt GitHub.Repo Heading Latex"
    ).split():
        assert name in REGISTRY, name


def test_update_anchor_and_toc() -> None:
    text = '<Update label="March 2025" description="v2">\n  Body\n</Update>\n'
    diagnostics = Diagnostics()
    parsed = parse_page(
        "page.mdx", text, docs_dir=DOCS, diagnostics=diagnostics, read=lambda r: None
    )
    config = load_config(DOCS, Diagnostics())
    page = render_page(parsed, RenderContext(config, "page.mdx", UrlBuilder(), diagnostics))
    assert [(e.id, e.text) for e in page.toc] == [("march-2025", "March 2025")]
    assert 'id="march-2025"' in page.body_html


@pytest.mark.parametrize(
    ("tex", "display"),
    [
        ("E = mc^2", True),
        (r"\frac{a}{b}", False),
        (r"\sum_{i=1}^n i", True),
        (r"\mathbb{R}", False),
    ],
)
def test_math_converts(tex: str, display: bool) -> None:
    mathml = tex_to_mathml(tex, display=display)
    assert mathml.startswith("<math") and ('display="block"' in mathml) == display


@pytest.mark.parametrize("tex", [r"\frac{a", r"a}", r"\notacommand{x}"])
def test_math_errors(tex: str) -> None:
    with pytest.raises(MathError):
        tex_to_mathml(tex, display=False)


def test_math_disabled_by_config() -> None:
    class Site:
        latex = False

    class Ctx:
        site = Site()

    assert render_math("x^2", display=False, ctx=Ctx()) == "$x^2$"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "Costs $0.002 per call and $5 per month.",
        "Charge amount, $5-$10000 (required).",
        "Each training cost $1. Fund your wallet.",
        "Pay $25 via Stripe, then $30 later.",
    ],
)
def test_prices_are_not_math(text: str) -> None:
    body, _ = render(text)
    assert "mr-math" not in body and "$" in body
