"""Component families (callouts, cards, steps, tabs, accordions, code, fields, inline).

Fixtures: `tests/fixtures/components/<family>.md` in markdown-it-py's format (title, `.`, MDX,
`.`, expected HTML, `.`). The HTML is normalised before comparing: icon SVGs shrink to
`<svg class="…"/>` (the icon module has its own tests), the ROOT placeholder of internal URLs
becomes `/`, and each diagnostic is appended as `<!-- warning: message [code] -->`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from markdown_it.utils import read_fixture_file
from mintrender.components import REGISTRY
from mintrender.components._util import check_children, coerce_bool, coerce_int, css_color
from mintrender.components.fields import parse_enum
from mintrender.errors import Diagnostics
from mintrender.load.config import SiteConfig, load_config
from mintrender.model import RenderedPage
from mintrender.parse.mdx import parse_page
from mintrender.render.context import RenderContext
from mintrender.render.page import render_page
from mintrender.urls import ROOT, UrlBuilder

FIXTURES = Path(__file__).parent / "fixtures" / "components"
FAMILIES = ("callouts", "cards", "steps", "tabs", "accordions", "code", "fields", "inline")
PAGES = frozenset({"/", "/quickstart", "/guides/intro"})
FILES = frozenset({"images/a.png", "images/dark.png", "logo.svg"})
_SVG = re.compile(r"<svg\b([^>]*)>.*?</svg>", re.S)
_CLASS = re.compile(r'\sclass="[^"]*"')


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> SiteConfig:
    docs = tmp_path_factory.mktemp("docs")
    (docs / "docs.json").write_text(
        json.dumps(
            {
                "name": "Test",
                "theme": "mint",
                "colors": {"primary": "#0260fa"},
                "navigation": {"pages": ["index"]},
            }
        ),
        encoding="utf-8",
    )
    return load_config(docs, Diagnostics())


def render_mdx(
    source: str, config: SiteConfig, rel_path: str = "index.mdx"
) -> tuple[RenderedPage, RenderContext, Diagnostics]:
    """Parse and render one page the way the build does (hosted URLs)."""
    diagnostics = Diagnostics()
    urls = UrlBuilder("hosted", pages=PAGES, files=FILES)
    parsed = parse_page(
        rel_path,
        source,
        docs_dir=config.docs_dir,
        diagnostics=diagnostics,
        read=lambda rel: None,
    )
    ctx = RenderContext(config, rel_path, urls, diagnostics)
    return render_page(parsed, ctx), ctx, diagnostics


def normalise(markup: str, diagnostics: Diagnostics | None = None) -> str:
    def svg(m: re.Match[str]) -> str:
        cls = _CLASS.search(m.group(1))
        return f"<svg{cls.group(0) if cls else ''}/>"

    out = _SVG.sub(svg, markup).replace(ROOT, "/")
    if not out.endswith("\n"):
        out += "\n"
    for d in diagnostics or ():
        out += f"<!-- {d.severity}: {d.message} [{d.code}] -->\n"
    return out


def fixture_cases() -> list[Any]:
    cases = []
    for family in FAMILIES:
        path = FIXTURES / f"{family}.md"
        if not path.exists():
            continue  # test_every_family_has_fixtures reports it
        for line, title, source, expected in read_fixture_file(path):
            cases.append(pytest.param(source, expected, id=f"{family}:{line}:{title}"))
    return cases


@pytest.mark.parametrize(("source", "expected"), fixture_cases())
def test_fixture(source: str, expected: str, config: SiteConfig) -> None:
    page, _ctx, diagnostics = render_mdx(source, config)
    assert normalise(page.body_html, diagnostics) == expected


def test_every_family_is_registered() -> None:
    names = (
        "Note Warning Info Tip Check Danger Callout Card CardGroup Columns Column Tile Steps "
        "Step Tabs Tab Accordion AccordionGroup Expandable CodeGroup RequestExample "
        "ResponseExample CodeBlock Panel ParamField ResponseField Icon Badge Tooltip"
    ).split()
    assert [n for n in names if n not in REGISTRY] == []
    assert all(REGISTRY[n].inline for n in ("Icon", "Badge", "Tooltip"))


def test_every_family_has_fixtures() -> None:
    for family in FAMILIES:
        assert len(read_fixture_file(FIXTURES / f"{family}.md")) >= 5, family


def test_fixtures_cover_every_component() -> None:
    text = "".join((FIXTURES / f"{f}.md").read_text(encoding="utf-8") for f in FAMILIES)
    for name in (
        "Note Warning Info Tip Check Danger Callout Card CardGroup Columns Column Tile Steps Step "
        "Tabs Tab Accordion AccordionGroup Expandable CodeGroup RequestExample ResponseExample "
        "CodeBlock Panel ParamField ResponseField Icon Badge Tooltip"
    ).split():
        assert f"<{name} " in text or f"<{name}>" in text, name


# ---- props coercion -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [(True, True), ("true", True), ("True", True), ("", True), (False, False), ("false", False)],
)
def test_coerce_bool(value: Any, expected: bool) -> None:
    assert coerce_bool(value) is expected


def test_coerce_int_and_color() -> None:
    assert coerce_int("3") == 3 and coerce_int(2.0) == 2 and coerce_int("x", 2) == 2
    assert coerce_int(True, 1) == 1
    assert css_color("#FFC107") == "#FFC107"
    assert css_color("red; background: url(x)") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("a,b,c", ["a", "b", "c"]),
        ("[21, 31, 41]", ["21", "31", "41"]),
        ('["x", "y"]', ["x", "y"]),
        (["p", 2], ["p", "2"]),
        ("", []),
    ],
)
def test_parse_enum(value: Any, expected: list[str]) -> None:
    assert parse_enum(value) == expected


# ---- what components hand to the page -----------------------------------------------------


def test_param_fields_feed_the_playground(config: SiteConfig) -> None:
    source = """<ParamField body="user" type="object" required>
  The user.

  <Expandable title="properties">
    <ParamField body="name" type="string" default="bob" placeholder="Name">
      Name.
    </ParamField>
  </Expandable>
</ParamField>

<ParamField query="key" type="string" required placeholder="Your API key" enum="a,b">
  Your API Key.
</ParamField>

<ParamField path="id" type="integer" min="1" max="9" initialValue="3">The id.</ParamField>
"""
    page, _ctx, _d = render_mdx(source, config)
    by_name = {f["name"]: f for f in page.fields}
    assert [f["name"] for f in page.fields] == ["name", "user", "key", "id"]
    assert by_name["name"]["parent"] == "user" and by_name["user"]["parent"] is None
    assert by_name["user"]["description"] == "The user."
    assert by_name["key"] == {
        **by_name["key"],
        "location": "query",
        "type": "string",
        "required": True,
        "default": None,
        "placeholder": "Your API key",
        "enum": ["a", "b"],
        "description": "Your API Key.",
    }
    assert by_name["id"]["location"] == "path"
    assert (by_name["id"]["min"], by_name["id"]["max"], by_name["id"]["initial"]) == ("1", "9", "3")


def test_examples_go_to_the_right_column_and_stay_inline(config: SiteConfig) -> None:
    source = """<RequestExample>

```bash cURL
curl https://example.com
```

```python Python
requests.get("https://example.com")
```

</RequestExample>

<ResponseExample dropdown>

```json 200
{ "ok": true }
```

</ResponseExample>
"""
    page, _ctx, _d = render_mdx(source, config)
    request, response = page.examples["request"], page.examples["response"]
    assert request.startswith('<div id="request-example" class="mr-examples mr-examples--request"')
    assert response.startswith('<div id="response-example"')
    assert 'data-tab-title="cURL"' in request and 'data-tab-title="Python"' in request
    assert "mr-codegroup--dropdown" in response
    assert page.body_html.count("mr-examples--inline") == 2
    assert 'id="request-example"' not in page.body_html


def test_two_request_examples_share_one_column(config: SiteConfig) -> None:
    block = "<RequestExample>\n\n```bash A\na\n```\n\n</RequestExample>\n\n"
    page, _ctx, _d = render_mdx(block + block.replace("A", "B"), config)
    request = page.examples["request"]
    assert request.count('id="request-example"') == 1
    assert request.count('data-component="code-group"') == 2


def test_panel_replaces_the_toc_and_keeps_its_examples(config: SiteConfig) -> None:
    source = """<Panel>
  <Info>Pinned.</Info>

  <RequestExample>

  ```bash cURL
  curl x
  ```

  </RequestExample>
</Panel>

Body text.
"""
    page, _ctx, _d = render_mdx(source, config)
    assert page.examples == {}
    assert page.panel_html.startswith('<div id="panel" class="mr-panel panel">')
    assert 'id="request-example"' in page.panel_html and "Pinned." in page.panel_html
    assert "Pinned." not in page.body_html and "Body text." in page.body_html


def test_children_check_names_what_it_found(config: SiteConfig) -> None:
    _page, _ctx, diagnostics = render_mdx(
        '<Tabs>\n  <Tab title="A">a</Tab>\n  <Note>no</Note>\n</Tabs>\n', config
    )
    assert [d.message for d in diagnostics] == ["<Tabs> may only contain <Tab>, found <Note>"]
    assert [d.code for d in diagnostics] == ["component-children"]
    assert [d.line for d in diagnostics] == [1]


def test_check_children_accepts_allowed_children(config: SiteConfig) -> None:
    page, ctx, diagnostics = render_mdx('<Steps>\n  <Step title="A">a</Step>\n</Steps>\n', config)
    assert list(diagnostics) == []
    assert "mr-step" in page.body_html
    assert check_children  # the helper is public for other families


def test_no_placeholder_leaks(config: SiteConfig) -> None:
    source = '<Steps>\n  <Step title="A">a</Step>\n</Steps>\n\n<Step title="Lone">x</Step>\n'
    page, _ctx, _d = render_mdx(source, config)
    first = page.body_html.split("</div></div></div>", 1)[0]
    assert "<!--mr-step" not in first
