"""Sample values of generated request and response examples (renderer/openapi/samples.py)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from tests.sitekit import build_site, minimal_config, write_site


def _deep(levels: int, leaf: dict[str, object]) -> dict[str, object]:
    schema: dict[str, object] = leaf
    for i in range(levels):
        schema = {"type": "object", "properties": {f"l{i}": schema}}
    return schema


SPEC = {
    "openapi": "3.0.0",
    "info": {"title": "t", "version": "1"},
    "servers": [{"url": "https://api.example.com"}],
    "paths": {
        "/log": {
            "post": {
                "summary": "Log",
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": _deep(
                                8,
                                {
                                    "type": "object",
                                    "properties": {
                                        "count": {"type": "integer"},
                                        "name": {"type": "string"},
                                        "more": {"type": "object", "properties": {}},
                                    },
                                },
                            )
                        }
                    }
                },
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "data": {"type": "string"},
                                        "error": {
                                            "type": "number",
                                            "enum": [None],
                                            "nullable": True,
                                        },
                                    },
                                }
                            }
                        },
                    }
                },
            }
        }
    },
}


def test_scalars_deep_down_and_the_null_type_have_their_values(tmp_path: Path) -> None:
    config = minimal_config([])
    config["navigation"] = {"groups": [{"group": "API", "openapi": "openapi.json"}]}
    docs = write_site(tmp_path / "d", {"openapi.json": json.dumps(SPEC)}, config)
    result = build_site(docs, tmp_path / "out")
    assert result.fatal is None
    page = (tmp_path / "out" / "api-reference" / "log" / "index.html").read_text("utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    # past the depth where objects are cut short (8), a string or number is still drawn
    assert '"count": 123' in text and '"name": "<string>"' in text
    assert '"more": {}' in text
    # `enum: [null]` (zod and tsoa write it for an error that is always null) is null
    assert '"error": null' in text and '"error": "<any>"' not in text


def _bounded_site(tmp_path: Path, version: str, properties: dict[str, object]) -> str:
    """The text of the page of `POST /order`, whose JSON body has `properties`."""
    body = {"type": "object", "properties": properties}
    spec = {
        "openapi": version,
        "info": {"title": "t", "version": "1"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": {
            "/order": {
                "post": {
                    "summary": "Order",
                    "requestBody": {"content": {"application/json": {"schema": body}}},
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": body}},
                        }
                    },
                }
            }
        },
    }
    config = minimal_config([])
    config["navigation"] = {"groups": [{"group": "API", "openapi": "openapi.json"}]}
    docs = write_site(tmp_path / version, {"openapi.json": json.dumps(spec)}, config)
    assert build_site(docs, tmp_path / f"{version}-out").fatal is None
    page = tmp_path / f"{version}-out" / "api-reference" / "order" / "index.html"
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text("utf-8")))


def test_invented_values_keep_within_the_schemas_limits(tmp_path: Path) -> None:
    """Paxos's `price` (`minimum: 0, exclusiveMaximum: 100`) was sampled as 100 in every
    language's request body: 123 brought down to the bound, though the bound is excluded. An
    invented value keeps every limit of its schema (bounds in OpenAPI 3.1's number form and
    3.0's `true` form, `multipleOf`); strings and arrays stay placeholders (`<string>`, one
    item), as Mintlify shows them; a value the spec gives is
    shown as given, whatever its limits."""
    common = {
        "step": {"type": "integer", "multipleOf": 5, "maximum": 112},
        "share": {"type": "number", "multipleOf": 0.1, "minimum": 0, "maximum": 0.35},
        "given": {"type": "integer", "maximum": 10, "example": 50},
        "kept": {"type": "number", "exclusiveMaximum": 100, "default": 100},
    }
    v31 = _bounded_site(
        tmp_path,
        "3.1.0",
        {"price": {"type": "number", "minimum": 0, "exclusiveMaximum": 100}, **common},
    )
    v30 = _bounded_site(
        tmp_path,
        "3.0.3",
        {
            "price": {"type": "number", "maximum": 100, "exclusiveMaximum": True},
            "low": {"type": "integer", "minimum": 200, "exclusiveMinimum": True},
            **common,
        },
    )
    for text in (v31, v30):
        # the request in curl, Python and JavaScript, and the response example
        assert text.count('"price": 99') >= 4 and '"price": 100' not in text
        assert text.count('"step": 110') >= 4 and text.count('"share": 0.3') >= 4
        assert text.count('"given": 50') >= 4 and text.count('"kept": 100') >= 4
    assert v30.count('"low": 201') >= 4
