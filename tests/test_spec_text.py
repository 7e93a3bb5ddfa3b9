"""Descriptions in OpenAPI specs are Markdown with HTML, not MDX (issue 11, class 7).

Placeholders that are not known tags (`p<page>.b<index>`, `Bearer <token>`) and braces are
text; HTML elements and catalogue components still render; anything reported about a
description names the spec file and the description's line, never the page.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sitekit import build_site, minimal_config, write_site

JSON_SPEC = {
    "openapi": "3.0.0",
    "info": {"title": "Blocks", "version": "1"},
    "paths": {
        "/blocks/{id}": {
            "get": {
                "summary": "Get block",
                "description": "Block ids look like p<page>.b<index>, e.g. `p3.b2`, at "
                "/blocks/{id}.\n\nSee <b>bold</b> and [the guide](/nowhere).\n\n"
                "<Note>Rate limited.</Note>",
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "description": "The id, p<page>.b<index>, a row of the HTML <table>.",
                        "schema": {"type": "string"},
                    }
                ],
                "responses": {"200": {"description": "Send `Authorization: Bearer <token>`"}},
            }
        }
    },
}

YAML_SPEC = """openapi: 3.0.0
info:
  title: Blocks
  version: "1"
paths:
  /blocks/{id}:
    get:
      summary: Get block
      description: |
        Block ids look like p<page>.b<index>, at /blocks/{id}.

        See <b>bold</b> and [the guide](/nowhere).

        <Note>Rate limited.</Note>
      parameters:
        - name: id
          in: path
          required: true
          description: The id, p<page>.b<index>, a row of the HTML <table>.
          schema:
            type: string
      responses:
        "200":
          description: "Send `Authorization: Bearer <token>`"
"""


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize("kind", ["json", "yaml"])
def test_spec_descriptions_are_markdown_with_html(tmp_path: Path, kind: str) -> None:
    spec_text = json.dumps(JSON_SPEC, indent=2) if kind == "json" else YAML_SPEC
    spec = f"openapi.{kind}"
    config = minimal_config(["index", "GET /blocks/{id}"])
    config["navigation"]["groups"][0]["openapi"] = spec
    docs = write_site(
        tmp_path / "docs",
        {"index.mdx": "---\ntitle: Home\n---\n\nHi.\n", spec: spec_text},
        config,
    )
    result = build_site(docs)
    page = next(p for p in result.pages if p.kind == "api" or p.api is not None)
    out = tmp_path / "docs-out" / page.output_path
    html = out.read_text(encoding="utf-8")
    assert "p&lt;page&gt;.b&lt;index&gt;" in html
    assert "Bearer &lt;token&gt;" in html
    assert "/blocks/{id}." in html
    assert "<b>bold</b>" in html
    assert "Rate limited." in html and "callout" in html
    assert "<page>" not in html and "<token>" not in html
    # a tag without its other half is text in a spec: an unclosed <table> would eat the page
    assert "the HTML &lt;table&gt;." in html and "<table>." not in html
    codes = {d.code for d in result.diagnostics}
    assert not codes & {"jsx-unclosed", "jsx-stray-close", "mdx-expression"}
    broken = [(d.file, d.line) for d in result.diagnostics if d.code == "broken-link"]
    assert broken and set(broken) == {(spec, _line_of(spec_text, "See <b>bold</b>"))}


def test_schema_page_descriptions_are_spec_text(tmp_path: Path) -> None:
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "Block": {
                    "type": "object",
                    "description": "A block p<page>.b<index> of {doc}; see [x](/nowhere).",
                    "properties": {"id": {"type": "string", "description": "Like <token>"}},
                }
            }
        },
    }
    spec_text = json.dumps(spec, indent=2)
    docs = write_site(
        tmp_path / "docs",
        {
            "openapi.json": spec_text,
            "block.mdx": "---\ntitle: Block\nopenapi-schema: Block\n---\n",
        },
        minimal_config(["block"]),
    )
    result = build_site(docs)
    html = (tmp_path / "docs-out" / "block" / "index.html").read_text(encoding="utf-8")
    assert "p&lt;page&gt;.b&lt;index&gt; of {doc}" in html and "Like &lt;token&gt;" in html
    assert not {d.code for d in result.diagnostics} & {"jsx-unclosed", "mdx-expression"}
    broken = [(d.file, d.line) for d in result.diagnostics if d.code == "broken-link"]
    assert broken == [("openapi.json", _line_of(spec_text, "A block p<page>"))]
