"""Component families: every fixture of `tests/fixtures/components/` through the real
pipeline (fixtures/harness.py: markdown-it-py's format, diagnostics as `!! file:line:col severity
code: message` lines), plus the props coercion helpers and behaviour the fixtures cannot show.
"""

from __future__ import annotations

from typing import Any

import pytest
from fixtures.harness import COMPONENT_FIXTURES, HERE, cases, normalise, render, rendered

from mintrender.components import REGISTRY
from mintrender.components._util import check_children, coerce_bool, coerce_int, css_color
from mintrender.components.fields import parse_enum


@pytest.mark.parametrize(("source", "expected"), cases("components", *COMPONENT_FIXTURES))
def test_fixture(source: str, expected: str) -> None:
    assert normalise(rendered(source)) == normalise(expected)


def test_every_component_has_fixtures() -> None:
    """Every registered component is written in some fixture of tests/fixtures/components."""
    text = "".join((HERE / "components" / f"{n}.md").read_text("utf-8") for n in COMPONENT_FIXTURES)
    missing = [n for n in REGISTRY if not any(f"<{n}{c}" in text for c in " >/\n")]
    assert missing == []


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


def test_param_fields_feed_the_playground() -> None:
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
    page, _ctx, _d = render(source)
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


def test_examples_go_to_the_right_column_and_stay_inline() -> None:
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
    page, _ctx, _d = render(source)
    request, response = page.examples["request"], page.examples["response"]
    assert request.startswith('<div id="request-example" class="mr-examples mr-examples--request"')
    assert response.startswith('<div id="response-example"')
    assert 'data-tab-title="cURL"' in request and 'data-tab-title="Python"' in request
    assert "mr-codegroup--dropdown" in response
    assert page.body_html.count("mr-examples--inline") == 2
    assert 'id="request-example"' not in page.body_html


def test_two_request_examples_share_one_column() -> None:
    block = "<RequestExample>\n\n```bash A\na\n```\n\n</RequestExample>\n\n"
    page, _ctx, _d = render(block + block.replace("A", "B"))
    request = page.examples["request"]
    assert request.count('id="request-example"') == 1
    assert request.count('data-component="code-group"') == 2


def test_panel_replaces_the_toc_and_keeps_its_examples() -> None:
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
    page, _ctx, _d = render(source)
    assert page.examples == {}
    assert page.panel_html.startswith('<div id="panel" class="mr-panel panel">')
    assert 'id="request-example"' in page.panel_html and "Pinned." in page.panel_html
    assert "Pinned." not in page.body_html and "Body text." in page.body_html


def test_children_check_names_what_it_found() -> None:
    _page, _ctx, diagnostics = render(
        '<Tabs>\n  <Tab title="A">a</Tab>\n  <Note>no</Note>\n</Tabs>\n'
    )
    assert [d.message for d in diagnostics] == ["<Tabs> may only contain <Tab>, found <Note>"]
    assert [d.code for d in diagnostics] == ["component-children"]
    assert [d.line for d in diagnostics] == [1]


def test_children_check_names_the_direct_child() -> None:
    """A Markdown list in `<Steps>` whose item holds a `<Frame>` was reported as "found
    <Frame>": the nested component was named before the list around it. The first misfit
    in source order is named: the list, or the blockquote around a `<Note>` in `<Tabs>`."""
    _page, _ctx, diagnostics = render(
        "<Steps>\n1. Do this\n   <Frame>Shot.</Frame>\n2. Then that\n</Steps>\n\n"
        '<Tabs>\n  <Tab title="A">a</Tab>\n\n  > <Note>no</Note>\n</Tabs>\n\n'
        '<Steps>\n  <Step title="A">a</Step>\n\n  Text.\n\n  <Note>n</Note>\n</Steps>\n'
    )
    assert [d.message for d in diagnostics if d.code == "component-children"] == [
        "<Steps> may only contain <Step>, found <ol>",
        "<Tabs> may only contain <Tab>, found <blockquote>",
        "<Steps> may only contain <Step>, found <p>",
    ]


def test_check_children_accepts_allowed_children() -> None:
    page, ctx, diagnostics = render('<Steps>\n  <Step title="A">a</Step>\n</Steps>\n')
    assert list(diagnostics) == []
    assert "mr-step" in page.body_html
    assert check_children  # the helper is public for other families


def test_no_placeholder_leaks() -> None:
    source = '<Steps>\n  <Step title="A">a</Step>\n</Steps>\n\n<Step title="Lone">x</Step>\n'
    page, _ctx, _d = render(source)
    first = page.body_html.split("</div></div></div>", 1)[0]
    assert "<!--mr-step" not in first


def test_an_empty_string_default_is_shown_as_one() -> None:
    """`default=""` (Autumn) read as a cut-off `default: ` pill; it is `default: ""`."""
    html = render('<ParamField body="group" type="string" default="">Group.</ParamField>\n')[
        0
    ].body_html
    assert '<span class="mr-pill mr-api-pill">default: &quot;&quot;</span>' in html


def test_a_fields_children_keep_their_order_around_an_expandable() -> None:
    """superdoc's `viewOptions`: a Note written after the Expandable came above it."""
    source = (
        '<ParamField path="viewOptions" type="Object">\n  Intro text\n'
        '  <Expandable title="properties">\n    <ParamField path="layout" type="string">'
        "Layout mode</ParamField>\n  </Expandable>\n  <Note>After it</Note>\n</ParamField>\n"
    )
    html = render(source)[0].body_html
    order = [html.find(text) for text in ("Intro text", "Layout mode", "After it")]
    assert -1 not in order and order == sorted(order)


def test_a_heading_with_class_is_styled_like_one_with_classname() -> None:
    """fast-auth's `<h3 class="text-xl">` got a second `class` attribute (`mr-heading`), which
    browsers drop: `class` is React 19's `className`, a styled heading with only its id."""
    html = render('<h3 class="text-xl font-bold">Styled</h3>\n\n<h2>Plain</h2>\n')[0].body_html
    assert '<h3 id="styled" class="text-xl font-bold">Styled</h3>' in html
    assert '<h2 id="plain" class="mr-heading">' in html


def test_param_field_shows_its_pre_and_post_labels_as_response_field_does() -> None:
    """4mica writes `<ParamField path="scheme" … post={["eip712|eip191"]} />`: the labels were
    dropped without a word, where ResponseField draws them. Both draw them alike now."""
    page, _ctx, diagnostics = render(
        '<ParamField path="scheme" type="string" required pre={["v2"]} post={["eip712|eip191"]} />\n'
        "\n"
        '<ResponseField name="scheme" type="string" required pre={["v2"]} post={["eip712|eip191"]} />\n'
    )
    html = page.body_html
    assert html.count("eip712|eip191") == 2 and html.count(">v2<") == 2
    first = html.split('data-field="scheme"')[1]
    assert first.index(">v2<") < first.index(">scheme<") < first.index("eip712|eip191")
    assert not list(diagnostics)
