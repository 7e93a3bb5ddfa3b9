"""`openapi-schema:` pages: a component schema, found across the site's specs, as a field tree."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sitekit import body, build_site, minimal_config, write_site


def spec(schemas: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    }


TAX = {
    "type": "object",
    "description": "A tax rate applied to an invoice.",
    "required": ["id"],
    "properties": {
        "id": {"type": "string", "example": "tax_123"},
        "rate": {"type": "number", "minimum": 0, "maximum": 100},
        "kind": {"type": "string", "enum": ["vat", "sales"]},
        "region": {"$ref": "#/components/schemas/Region"},
        "applies_to": {
            "oneOf": [
                {"title": "Product", "type": "object", "properties": {"sku": {"type": "string"}}},
                {"title": "Plan", "type": "object", "properties": {"plan_id": {"type": "string"}}},
            ]
        },
    },
}
REGION = {"type": "object", "properties": {"country": {"type": "string", "example": "DE"}}}


def _site(tmp_path: Path) -> tuple[Path, Any]:
    docs = write_site(
        tmp_path / "d",
        {
            "api/openapi.json": spec({"TaxObject": TAX, "Region": REGION}),
            "openapi.json": spec({"TaxObject": {"type": "string"}, "PlanObject": REGION}),
            "a/openapi.json": spec({"Shared": REGION}),
            "b/openapi.json": spec({"Shared": REGION}),
            "api/tax.mdx": '---\ntitle: "The tax object"\nopenapi-schema: TaxObject\n---\n\n'
            "Intro written by the author.\n",
            "plan.mdx": "---\ntitle: The plan object\nopenapi-schema: PlanObject\n---\n",
            "shared.mdx": "---\nopenapi-schema: Shared\n---\n",
            "typo.mdx": "---\ntitle: Typo\nopenapi-schema: TaxObjekt\n---\n",
        },
        minimal_config(["api/tax", "plan", "shared", "typo"]),
    )
    return docs, build_site(docs, tmp_path / "out")


def test_schema_page_renders_the_field_tree(tmp_path: Path) -> None:
    _, result = _site(tmp_path)
    page = (tmp_path / "out" / "api" / "tax" / "index.html").read_text()
    main = body(page)
    # the page's own MDX, then the schema from the spec of the page's folder
    assert main.index("Intro written by the author.") < main.index('id="api-schema"')
    assert "A tax rate applied to an invoice." in main
    for field in ("id", "rate", "kind", "region", "region-country"):
        assert f'id="schema-{field}"' in main, field
    assert ">vat<" in main and ">sales<" in main  # enum values
    assert "tax_123" in main  # example
    assert "0 &lt;= x &lt;= 100" in main or "<= 100" in main  # range constraint
    assert "Product" in main and "Plan" in main  # oneOf tabs
    assert 'class="mr-api-aside' in page and "tax_123" in page[page.find("mr-api-aside") :]
    by_path = {p.site_path: p for p in result.pages}
    assert by_path["/api/tax"].kind == "api" and by_path["/plan"].kind == "api"
    assert by_path["/api/tax"].rendered.title == "The tax object"
    assert 'id="schema-country"' in (tmp_path / "out" / "plan" / "index.html").read_text()


def test_ambiguous_and_unknown_names_warn(tmp_path: Path) -> None:
    _, result = _site(tmp_path)
    found = {(d.file, d.line, d.code): d.message for d in result.diagnostics}
    assert ("api/tax.mdx", 3, "openapi-several-specs") not in found  # own folder decided
    ambiguous = found[("shared.mdx", 2, "openapi-several-specs")]
    assert "a/openapi.json, b/openapi.json" in ambiguous and "chose a/openapi.json" in ambiguous
    typo = found[("typo.mdx", 3, "openapi-schema-unresolved")]
    assert "did you mean 'TaxObject' (in openapi.json)" in typo
    assert 'id="api-schema"' not in body((tmp_path / "out" / "typo" / "index.html").read_text())
