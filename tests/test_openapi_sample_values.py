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
