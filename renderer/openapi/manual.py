"""Manual endpoint pages (`api: "METHOD URL"` frontmatter): header, samples and playground."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

import jinja2

from mintrender.openapi.fields import Markdown
from mintrender.openapi.model import (
    MediaType,
    Parameter,
    Property,
    RequestBody,
    Schema,
    SecurityRequirement,
    SecurityScheme,
    Server,
)
from mintrender.openapi.playground import playground_data
from mintrender.openapi.reference import _aside_html, _env, _header_html, _request_samples
from mintrender.openapi.view import ApiOptions, ApiSection, ApiView, Highlight, build_http_request


@dataclass(frozen=True, slots=True)
class ManualParam:
    """A `ParamField` of a manual `api:` page."""

    name: str
    """Field name."""
    location: str
    """`path`, `query`, `header`, `cookie` or `body`."""
    type: str = "string"
    """Type as written (`string`, `integer`, `boolean`, `string[]`, `file`, `object`...)."""
    required: bool = False
    """`required` attribute."""
    default: Any = None
    """`default` attribute (`None` when absent)."""
    description_text: str = ""
    """Plain text of the field's description (for the playground)."""
    children: tuple[ManualParam, ...] = ()
    """The fields of its `<Expandable>`: an object's properties (an `object[]`'s items')."""
    enum: tuple[str, ...] = ()
    """`enum` attribute: the values it may hold (a select in the playground)."""
    deprecated: bool = False
    placeholder: str = ""
    """`placeholder` attribute: the playground input's hint."""


def manual_params(fields: Sequence[Mapping[str, Any]]) -> list[ManualParam]:
    """The page's `ParamField`s as `components/fields.py` records them, nested: a field's
    `<Expandable>` fields are recorded just before it, each naming it as `parent`."""
    built: list[tuple[Mapping[str, Any], ManualParam]] = []
    for f in (f for f in fields if f.get("name")):
        kids: list[ManualParam] = []
        while built and built[-1][0].get("parent") == f["name"]:
            kids.insert(0, built.pop()[1])
        param = ManualParam(
            name=str(f["name"]),
            location=str(f.get("location", "body")),
            type=str(f.get("type") or "string"),
            required=bool(f.get("required")),
            default=f.get("default"),
            description_text=str(f.get("description", "")),
            children=tuple(kids),
            enum=tuple(str(v) for v in f.get("enum") or ()),
            deprecated=bool(f.get("deprecated")),
            placeholder=str(f.get("placeholder") or ""),
        )
        built.append((f, param))
    return [p for f, p in built if f.get("parent") is None]


_MANUAL_TYPES = {"string", "number", "integer", "boolean", "object", "array"}


def _manual_schema(p: ManualParam) -> Schema:
    kind = (p.type or "string").strip().lower()
    if kind in ("file", "binary"):
        return Schema(types=("string",), format="binary", binary=True, has_default=False)
    fields = tuple(Property(c.name, _manual_schema(c), c.required) for c in p.children)
    enum = tuple(p.enum) or None
    if kind.endswith("[]"):
        inner = kind[:-2] if kind[:-2] in _MANUAL_TYPES else "string"
        inner = "object" if fields else inner
        item = Schema(types=(inner,), properties=fields, enum=None if fields else enum)
        schema = Schema(types=("array",), items=item)
    elif fields:  # `<Expandable>` fields: an object, whatever the type says
        schema = Schema(types=("object",), properties=fields)
    else:
        schema = Schema(types=(kind if kind in _MANUAL_TYPES else "string",), enum=enum)
    schema = replace(schema, deprecated=p.deprecated) if p.deprecated else schema
    schema = replace(schema, examples=(p.placeholder,)) if p.placeholder else schema
    if p.default is not None:
        schema = replace(schema, has_default=True, default=_typed(p.default, schema))
    return schema


_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "integer": (int,),
    "number": (int, float),
    "array": (list,),
    "object": (dict,),
}
"""The Python values JSON gives for each schema type a default is read as."""


def _typed(default: Any, schema: Schema) -> Any:
    """A `default` as its field's `type` reads it: the attribute is recorded as shown
    (`default={false}` is "false", `{["a"]}` is `["a"]` as JSON), and the samples must send
    `false` and `["a"]`, not strings (ToAPIs' `watermark`)."""
    if not isinstance(default, str):
        return default
    kind = schema.types[0] if schema.types else "string"
    text = default.strip()
    if kind == "boolean" and text in ("true", "false"):
        return text == "true"
    if kind in _JSON_TYPES:
        try:
            value = json.loads(text)
        except ValueError:
            return default
        if isinstance(value, _JSON_TYPES[kind]) and not isinstance(value, bool):
            return value
    return default


def _manual_auth(method: str, options: ApiOptions) -> tuple[SecurityRequirement, ...]:
    method = method.lower()
    if method in ("", "none"):
        return ()
    if method == "basic":
        scheme = SecurityScheme("basic", "http", scheme="basic")
    elif method in ("key", "cobo"):
        name = options.mdx_auth_name or "key"
        scheme = SecurityScheme(name, "apiKey", location="header", param_name=name)
    else:
        scheme = SecurityScheme("bearer", "http", scheme="bearer")
    return (SecurityRequirement((scheme,), ((),)),)


def render_manual_endpoint(
    method: str,
    url: str,
    params: Sequence[ManualParam],
    *,
    options: ApiOptions,
    markdown: Markdown,
    highlight: Highlight,
    auth_method: str | None = None,
    templates: jinja2.Environment | None = None,
) -> ApiView:
    """Header, samples and playground of an `api: "METHOD URL"` page (its MDX is the body)."""
    env = _env(templates, options.language)
    method = method.upper()
    parts = urlsplit(url)
    if parts.scheme and parts.netloc:
        servers: tuple[Server, ...] = (Server(f"{parts.scheme}://{parts.netloc}"),)
        path = parts.path or "/"
    else:
        servers = tuple(Server(s) for s in options.mdx_server)
        path = url if url.startswith("/") else "/" + url
    parameters = tuple(
        Parameter(
            p.name,
            p.location,
            _manual_schema(p),
            p.required or p.location == "path",
            description=p.description_text,
        )
        for p in params
        if p.location in ("path", "query", "header", "cookie")
    )
    body_props = tuple(
        Property(p.name, _manual_schema(p), p.required) for p in params if p.location == "body"
    )
    body = None
    if body_props:
        schema = Schema(types=("object",), properties=body_props)
        files = any(prop.schema.binary for prop in body_props)
        ctype = "multipart/form-data" if files else "application/json"
        body = RequestBody((MediaType(ctype, schema),), required=True)
    security = _manual_auth(
        auth_method if auth_method is not None else options.mdx_auth_method, options
    )
    playground = None
    if options.playground == "interactive":
        playground = playground_data(
            method,
            path,
            servers,
            security,
            parameters,
            body,
            prefill=options.prefill,
            credentials=options.credentials,
        )
    header_html = _header_html(env, method, path, servers, False, options, playground)
    request = build_http_request(method, servers, path, security, parameters, body, options)
    samples = _request_samples([], [("", request)], options, highlight)
    aside_html = _aside_html(env, method, path, samples, [])
    names = list(dict.fromkeys(p.name for p in params))
    top = ApiSection(f"{method} {path}", "", f"{method} {path} " + " ".join(names))

    def aside_part(kind: str) -> str:  # a page's <ResponseExample> leaves the request samples
        return aside_html if kind == "request" and samples else ""

    return ApiView(header_html, "", aside_html, [top], names, aside_part)
