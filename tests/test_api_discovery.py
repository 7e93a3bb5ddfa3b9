"""Which files are specs: named specs load wherever their `openapi` key sits, config files never."""

from __future__ import annotations

import json
from pathlib import Path

from sitekit import build_site, minimal_config, write_site

from mintrender.errors import Diagnostics
from mintrender.openapi import find_spec_files, load_api_index


def sorted_spec(title: str) -> dict[str, object]:
    """A spec whose keys are sorted (as translation tools write them): `openapi` after 4 KB."""
    schemas = {
        f"Thing{i}": {"type": "object", "description": "x" * 200, "properties": {"a": {}}}
        for i in range(40)
    }
    return {
        "components": {"schemas": schemas},
        "info": {"title": title, "version": "1"},
        "openapi": "3.1.0",
        "paths": {
            "/crawl/{id}": {
                "get": {"summary": "Get a crawl", "responses": {"200": {"description": "ok"}}}
            }
        },
        "webhooks": {
            "orderUpdated": {
                "post": {
                    "summary": "Order updated",
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"id": {"type": "string"}},
                                }
                            }
                        }
                    },
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
    }


def test_a_spec_with_openapi_after_4kb_is_found(tmp_path: Path) -> None:
    text = json.dumps(sorted_spec("es"), indent=2)
    assert text.index('"openapi"') > 4096
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "v2-openapi.json").write_text(text)
    assert find_spec_files(tmp_path) == ["es/v2-openapi.json"]


def test_page_named_spec_and_webhook_page_resolve(tmp_path: Path) -> None:
    docs = write_site(
        tmp_path / "d",
        {
            # a .yaml spec whose `openapi` key is nested only: discovery skips it, the page names it
            "es/v2.yaml": "components: {}\ninfo: {title: es, version: '1'}\n"
            + "paths:\n  /crawl/{id}:\n    get:\n      summary: Obtener\n"
            + "      responses: {'200': {description: ok}}\n"
            + "x: {openapi: nested}\nopenapi: 3.1.0\n",
            "es/v2-openapi.json": sorted_spec("es"),
            "es/crawl.mdx": '---\ntitle: Crawl\nopenapi: "/es/v2-openapi.json GET /crawl/{id}"\n---\n',
            "es/obtener.mdx": '---\nopenapi: "v2.yaml GET /crawl/{id}"\n---\n',
            "es/order.mdx": '---\nopenapi: "/es/v2-openapi.json webhook orderUpdated"\n---\n',
        },
        minimal_config(["es/crawl", "es/obtener", "es/order"]),
    )
    result = build_site(docs)
    assert not [d for d in result.diagnostics if d.code.startswith("openapi")], result.diagnostics
    assert result.openapi_operations == 3
    out = docs.parent / "d-out"
    order = (out / "es" / "order" / "index.html").read_text()
    assert "Order updated" in order and 'id="param-id"' in order
    assert "Obtener" in (out / "es" / "obtener" / "index.html").read_text()


def test_config_files_are_never_specs(tmp_path: Path) -> None:
    docs = tmp_path / "d"
    legacy = {
        "name": "Legacy",
        "colors": {"primary": "#0D9373"},
        "openapi": "openapi.json",
        "navigation": [{"group": "API", "pages": ["get-x"]}],
    }
    spec = sorted_spec("root")
    write_site(
        docs,
        {
            "mint.json": legacy,
            "sub/docs.json": {"openapi": "3.1.0", "name": "not a spec either"},
            "openapi.json": spec,
            "get-x.mdx": '---\nopenapi: "GET /crawl/{id}"\n---\n',
        },
    )
    assert find_spec_files(docs) == ["openapi.json"]
    diags = Diagnostics()
    load_api_index(docs, find_spec_files(docs), diags)
    assert not diags
    result = build_site(docs)
    assert not [d for d in result.diagnostics if d.severity == "error"], result.diagnostics
    assert result.openapi_operations == 1


def test_an_api_spec_named_in_docs_json_that_is_not_there_is_said(tmp_path: Path) -> None:
    """world-engine's `"openapi": ["/openapi.json"]` named a file that is not there (the spec
    is at `cardinal/openapi.json`, found by discovery): a warning at the config, and the page
    still finds its operation; a navigation-level one keeps its own warning, once."""
    spec = {
        "openapi": "3.0.1",
        "info": {"title": "T", "version": "1"},
        "paths": {"/ping": {"get": {"responses": {"200": {"description": "ok"}}}}},
    }
    files = {
        "cardinal/openapi.json": json.dumps(spec),
        "ping.mdx": "---\ntitle: Ping\nopenapi: get /ping\n---\n",
    }
    config = minimal_config(["ping"], api={"openapi": ["/openapi.json"]})
    docs = write_site(tmp_path / "d", files, config)
    result = build_site(docs, tmp_path / "out")
    missing = [d for d in result.diagnostics if d.code == "openapi-missing"]
    assert [(d.file, d.severity) for d in missing] == [("docs.json", "warning")]
    assert "'/openapi.json'" in missing[0].message and missing[0].line > 0
    assert result.openapi_operations == 1
