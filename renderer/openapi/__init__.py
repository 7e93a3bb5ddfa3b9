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

from mintrender.openapi.codegen import HttpRequest
from mintrender.openapi.discover import find_spec_files
from mintrender.openapi.languages import canonical_language, language_label
from mintrender.openapi.loader import load_api_index
from mintrender.openapi.manual import ManualParam, render_manual_endpoint
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
    parse_ref,
    slugify,
)
from mintrender.openapi.samples import schema_example
from mintrender.openapi.view import ApiOptions, ApiSection, ApiView, method_pill_html

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
]
