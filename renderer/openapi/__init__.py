"""OpenAPI: load specs into an `ApiIndex`, resolve page references, render reference views.

```python
files = find_spec_files(docs_dir)                       # ["api/openapi.json", ...]
index = load_api_index(docs_dir, files, diagnostics)    # ApiIndex
res = index.resolve("POST /users", "api/create.mdx", nav_specs=["api/openapi.json"])
view = render_operation(res.operation, options=ApiOptions.from_settings(cfg_api),
                        markdown=md, highlight=hl)      # ApiView(header_html, body_html, ...)
```
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mintrender.openapi.codegen import HttpRequest
    from mintrender.openapi.discover import find_spec_files
    from mintrender.openapi.languages import canonical_language, language_label
    from mintrender.openapi.loader import load_api_index
    from mintrender.openapi.manual import ManualParam, manual_params, render_manual_endpoint
    from mintrender.openapi.model import (
        HTTP_METHODS,
        CodeSample,
        MediaType,
        NamedExample,
        Operation,
        Parameter,
        Property,
        RequestBody,
        Response,
        Schema,
        SecurityRequirement,
        SecurityScheme,
        Server,
        ServerVariable,
    )
    from mintrender.openapi.reference import render_operation
    from mintrender.openapi.resolve import (
        ApiIndex,
        ApiSpec,
        NavOperation,
        NavTagGroup,
        ParsedRef,
        Resolution,
        Tag,
        endpoint_slug,
        parse_ref,
        slugify,
        url_part,
    )
    from mintrender.openapi.samples import schema_example
    from mintrender.openapi.view import ApiOptions, ApiSection, ApiView, method_pill_html

_HOME = {
    "ApiIndex": "mintrender.openapi.resolve",
    "ApiOptions": "mintrender.openapi.view",
    "ApiSection": "mintrender.openapi.view",
    "ApiSpec": "mintrender.openapi.resolve",
    "ApiView": "mintrender.openapi.view",
    "CodeSample": "mintrender.openapi.model",
    "HTTP_METHODS": "mintrender.openapi.model",
    "HttpRequest": "mintrender.openapi.codegen",
    "ManualParam": "mintrender.openapi.manual",
    "manual_params": "mintrender.openapi.manual",
    "MediaType": "mintrender.openapi.model",
    "NamedExample": "mintrender.openapi.model",
    "NavOperation": "mintrender.openapi.resolve",
    "NavTagGroup": "mintrender.openapi.resolve",
    "Operation": "mintrender.openapi.model",
    "Parameter": "mintrender.openapi.model",
    "ParsedRef": "mintrender.openapi.resolve",
    "Property": "mintrender.openapi.model",
    "RequestBody": "mintrender.openapi.model",
    "Resolution": "mintrender.openapi.resolve",
    "Response": "mintrender.openapi.model",
    "Schema": "mintrender.openapi.model",
    "SecurityRequirement": "mintrender.openapi.model",
    "SecurityScheme": "mintrender.openapi.model",
    "Server": "mintrender.openapi.model",
    "ServerVariable": "mintrender.openapi.model",
    "Tag": "mintrender.openapi.resolve",
    "canonical_language": "mintrender.openapi.languages",
    "find_spec_files": "mintrender.openapi.discover",
    "language_label": "mintrender.openapi.languages",
    "load_api_index": "mintrender.openapi.loader",
    "method_pill_html": "mintrender.openapi.view",
    "parse_ref": "mintrender.openapi.resolve",
    "render_manual_endpoint": "mintrender.openapi.manual",
    "render_operation": "mintrender.openapi.reference",
    "schema_example": "mintrender.openapi.samples",
    "slugify": "mintrender.openapi.resolve",
    "endpoint_slug": "mintrender.openapi.resolve",
    "url_part": "mintrender.openapi.resolve",
}
"""Where each name lives: imported on first use (start-up time: `check` and small builds need
the loader, not the reference views and their templates)."""


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


__all__ = [
    "HTTP_METHODS",
    "ApiIndex",
    "ApiOptions",
    "ApiSection",
    "ApiSpec",
    "ApiView",
    "CodeSample",
    "HttpRequest",
    "ManualParam",
    "manual_params",
    "MediaType",
    "NamedExample",
    "NavOperation",
    "NavTagGroup",
    "Operation",
    "Parameter",
    "ParsedRef",
    "Property",
    "RequestBody",
    "Resolution",
    "Response",
    "Schema",
    "SecurityRequirement",
    "SecurityScheme",
    "Server",
    "ServerVariable",
    "Tag",
    "canonical_language",
    "find_spec_files",
    "language_label",
    "load_api_index",
    "method_pill_html",
    "parse_ref",
    "render_manual_endpoint",
    "render_operation",
    "schema_example",
    "slugify",
    "endpoint_slug",
    "url_part",
]
