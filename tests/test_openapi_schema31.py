"""OpenAPI 3.1 schema forms: boolean schemas (`true`, `false`) and `prefixItems` tuples."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

from sitekit import API_HEAD, build_site, write_site

BODY = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "anything": True,
        "never": False,
        "pair": {
            "type": "array",
            "prefixItems": [{"type": "string"}, {"type": "integer"}],
            "items": False,
        },
        "choice": {"anyOf": [False, {"type": "string"}]},
        "both": {"allOf": [True, {"type": "string"}]},
        "rules": {"not": False, "if": True, "then": False, "else": False},
        "map": {"type": "object", "additionalProperties": True},
    },
}
TUPLE = {
    "type": "array",
    "prefixItems": [{"type": "string"}, {"type": "integer"}],
    "items": {"type": "boolean"},
    "example": ["a", 1, True],
}
SPEC = {
    **API_HEAD,
    "paths": {
        "/items": {
            "post": {
                "summary": "Create item",
                "requestBody": {"content": {"application/json": {"schema": BODY}}},
                "responses": {"200": {"description": "ok"}},
            }
        }
    },
    "components": {"schemas": {"Pair": TUPLE}},
}
CONFIG = {
    "theme": "mint",
    "name": "t",
    "colors": {"primary": "#0a0"},
    "navigation": {"groups": [{"group": "API", "openapi": "openapi.json"}]},
}


def test_boolean_schemas_and_tuples_are_valid(tmp_path: Path) -> None:
    """`false` (and `true`) where a schema may be warned "a schema must be an object, found
    False"; an example of a tuple was checked against `items` at every position."""
    docs = write_site(tmp_path / "docs", {"openapi.json": SPEC}, CONFIG)
    done = subprocess.run(
        [sys.executable, "-m", "mintrender", "check", "--no-cache", str(docs)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "openapi-" not in done.stdout + done.stderr, done.stdout
    assert done.returncode == 0


def test_a_tuple_shows_its_item_types_and_a_tuple_example(tmp_path: Path) -> None:
    docs = write_site(tmp_path / "docs", {"openapi.json": SPEC}, CONFIG)
    build_site(docs, tmp_path / "out")
    page = next((tmp_path / "out").rglob("create-item/index.html")).read_text()
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))
    assert "pair [string, integer]" in text and "any[]" not in text
    assert " never " not in text  # a property that must not be there is no field
    assert "choice string" in text and "both string" in text
    example = re.search(
        r'"pair": \[\s*"<string>",\s*123\s*\]', html.unescape(re.sub(r"<[^>]+>", "", page))
    )
    assert example is not None, "the example holds a value per position"


def test_each_position_of_a_tuple_is_a_field_with_its_description(tmp_path: Path) -> None:
    """`prefixItems` entries' descriptions and their objects' fields were not drawn at all
    (the page showed only `[string, integer, object]`); each position is a row now."""
    leaf = {"type": "object", "properties": {"id": {"type": "string", "description": "Leaf id"}}}
    pair = {
        "type": "array",
        "prefixItems": [
            {"type": "string", "description": "The name"},
            {"type": "integer", "description": "The count"},
            leaf,
        ],
        "items": False,
    }
    body = {"type": "object", "properties": {"pair": pair}}
    operation = {
        "summary": "Create item",
        "requestBody": {"content": {"application/json": {"schema": body}}},
        "responses": {"200": {"description": "ok"}},
    }
    spec = {**API_HEAD, "paths": {"/items": {"post": operation}}}
    docs = write_site(tmp_path / "docs", {"openapi.json": spec}, CONFIG)
    build_site(docs, tmp_path / "out")
    page = next((tmp_path / "out").rglob("create-item/index.html")).read_text()
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))
    assert "pair [string, integer, object]" in text
    assert "[0] string The name" in text and "[1] integer The count" in text
    assert "Leaf id" in text and 'id="param-pair-2-id"' in page
