"""The JSON the "Try it" playground reads: servers, auth, inputs and a simplified body schema."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from typing import Any

from mintrender.openapi.model import (
    MediaType,
    Parameter,
    RequestBody,
    Schema,
    SecurityRequirement,
    SecurityScheme,
    Server,
)
from mintrender.openapi.samples import NOT_GIVEN, given_example, schema_example


def scheme_data(scheme: SecurityScheme) -> dict[str, Any]:
    """One credential input."""
    if scheme.type == "apiKey":
        return {
            "key": scheme.key,
            "kind": "apiKey",
            "in": scheme.location,
            "name": scheme.param_name,
            "default": scheme.default,
        }
    kind = "basic" if scheme.type == "http" and scheme.scheme == "basic" else "bearer"
    return {
        "key": scheme.key,
        "kind": kind,
        "in": "header",
        "name": "Authorization",
        "default": scheme.default,
    }


def input_kind(schema: Schema) -> str:
    """How the form asks for a value: string, number, integer, boolean, enum, array, json, file."""
    if schema.binary:
        return "file"
    if schema.enum:
        return "enum"
    types = schema.types
    if len(types) == 1 and types[0] in ("string", "number", "integer", "boolean"):
        return types[0]
    if types == ("array",) and schema.items is not None and not schema.prefix_items:
        inner = schema.items
        if inner.binary:
            return "files"
        if _scalar_item_type(inner) is not None:
            return "array"
    if not types and not schema.properties and not schema.alternatives:
        return "string"
    return "json"


_SCALARS = ("string", "number", "integer")


def _scalar_item_type(item: Schema) -> str | None:
    """The type of a list's items when each is one scalar: `string`, `number` or `integer`,
    also when they are alternatives of scalars (FastAPI's `anyOf: [enum, {const: "ALL"}]`);
    None for objects, lists or mixed types."""
    if len(item.types) == 1 and item.types[0] in _SCALARS and not item.properties:
        return item.types[0]
    if item.types or item.properties or not item.alternatives:
        return None
    kinds = {_scalar_item_type(a) for a in item.alternatives}
    if None in kinds:
        return None
    if kinds <= {"number", "integer"}:
        return "integer" if kinds == {"integer"} else "number"
    return "string" if kinds == {"string"} else None


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_MARKS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`+|~~")
HINT_CHARS = 300


def hint_text(markdown: str) -> str:
    """A field's Markdown description as the form's hint shows it: text without Markdown's
    marks (links by their text), its lines kept, cut at a word near `HINT_CHARS`."""
    text = html.unescape(_MARKS.sub("", _TAG.sub("", _LINK.sub(r"\1", markdown))))
    text = "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
    if len(text) > HINT_CHARS:
        cut = text.rfind(" ", 0, HINT_CHARS)
        text = text[: cut if cut > HINT_CHARS // 2 else HINT_CHARS].rstrip() + "…"
    return text


def field_data(
    name: str, schema: Schema, required: bool, description: str = "", prefill: bool = False
) -> dict[str, Any]:
    """One input of the form."""
    kind = input_kind(schema)
    data: dict[str, Any] = {"name": name, "kind": kind, "required": required}
    if schema.enum:
        data["enum"] = [
            v if isinstance(v, (str, int, float, bool)) else json.dumps(v) for v in schema.enum
        ]
    if schema.has_default:
        data["default"] = schema.default
    placeholder = schema.examples[0] if schema.examples else None
    if placeholder is not None and not isinstance(placeholder, (dict, list)):
        data["placeholder"] = str(placeholder)
    if kind == "json":  # an example the reader sees; with `prefill`, what the spec gives is sent
        data["placeholder"] = json.dumps(schema_example(schema), indent=2, ensure_ascii=False)
        given = given_example(schema) if prefill else NOT_GIVEN
        if given is not NOT_GIVEN:
            data["value"] = json.dumps(given, indent=2, ensure_ascii=False)
    elif prefill and (schema.examples or schema.has_default):
        value = schema.examples[0] if schema.examples else schema.default
        if not isinstance(value, (dict, list)):
            data["value"] = value
    if kind == "enum" and schema.has_default and isinstance(schema.default, (str, int, float)):
        data.setdefault("value", schema.default)  # a choice starts at the server's default
    x_default = schema.extensions.get("x-default")
    if prefill and x_default is not None and not isinstance(x_default, (dict, list)):
        data["value"] = x_default
    if kind in ("array", "files") and schema.items is not None:
        data["itemType"] = _scalar_item_type(schema.items) or "string"
    if description:
        data["description"] = hint_text(description)
    return data


def param_data(param: Parameter, prefill: bool = False) -> dict[str, Any]:
    """One parameter's input: `field_data`, where it is sent, the parameter's own example as
    its placeholder (when its schema has none), and for a list how its items are sent."""
    data = {
        "in": param.location,
        **field_data(param.name, param.schema, param.required, param.description, prefill),
    }
    example = param.examples[0].value if param.examples else None
    if isinstance(example, list) and all(not isinstance(v, (dict, list)) for v in example):
        example = ", ".join(str(v) for v in example)  # as the list's input takes it
    if example is not None and not isinstance(example, (dict, list)):
        data.setdefault("placeholder", str(example))
        if prefill:
            data.setdefault("value", example)
    if data["kind"] == "array":
        data["list"] = list_style(param)
    return data


def list_style(param: Parameter) -> str:
    """How an array parameter's items are sent (OpenAPI `style` and `explode`): "multi"
    repeats the parameter, `ids=1&ids=2` (a query's default: `form`, exploded), else the
    separator between the items of one value (`form` unexploded and path and header
    parameters: ","; `spaceDelimited`: " "; `pipeDelimited`: "|")."""
    if param.location != "query":
        return ","
    style = param.style or "form"
    explode = param.explode if param.explode is not None else style == "form"
    if style == "spaceDelimited":
        return " "
    if style == "pipeDelimited":
        return "|"
    return "multi" if explode else ","


def body_data(body: RequestBody | None, prefill: bool = False) -> dict[str, Any] | None:
    """The form of the body's first JSON content type (else its first), and each other
    content type's in `others`, for the playground's choice of what to send."""
    if body is None or not body.contents:
        return None
    media: MediaType = next(
        (m for m in body.contents if "json" in m.content_type), body.contents[0]
    )
    data = _media_data(media, body.required, prefill)
    data["contentTypes"] = [m.content_type for m in body.contents]
    others = [_media_data(m, body.required, prefill) for m in body.contents if m is not media]
    if others:
        data["others"] = others
    return data


def _media_data(media: MediaType, required: bool, prefill: bool) -> dict[str, Any]:
    """One content type's form: its fields, a file, or the raw text to send."""
    data: dict[str, Any] = {"contentType": media.content_type, "required": required}
    schema = media.schema
    if schema is not None and schema.properties and not schema.recursive:
        data["fields"] = [
            field_data(p.name, p.schema, p.required, p.schema.description, prefill)
            for p in schema.properties
            if not p.schema.read_only
        ]
    elif schema is not None and schema.binary:
        data["fields"] = []
        data["binary"] = True
    else:
        value = media.examples[0].value if media.examples else schema_example(schema)
        value = value if isinstance(value, str) else json.dumps(value, indent=2)
        given = media.examples[0].value if media.examples else given_example(schema)
        if prefill and given is not NOT_GIVEN:  # what the spec gives, never a placeholder
            data["raw"], data["rawHint"] = (
                (given if isinstance(given, str) else json.dumps(given, indent=2)),
                "",
            )
        else:
            data["raw"], data["rawHint"] = "", value
    return data


def playground_data(
    method: str,
    path: str,
    servers: Sequence[Server],
    security: Sequence[SecurityRequirement],
    parameters: Sequence[Parameter],
    body: RequestBody | None,
    *,
    prefill: bool = False,
    credentials: bool = False,
) -> dict[str, Any]:
    """The whole payload embedded in the page."""
    return {
        "method": method,
        "path": path,
        "servers": [
            {
                "url": s.url,
                "description": s.description,
                "variables": [
                    {"name": v.name, "default": v.default, "enum": list(v.enum)}
                    | ({} if v.given else {"required": True})
                    for v in s.variables
                ],
            }
            for s in servers
        ],
        "security": [
            {
                "label": " + ".join(s.key for s in req.schemes),
                "schemes": [scheme_data(s) for s in req.schemes],
            }
            for req in security
            if req.schemes  # `{}`: anonymous, no credentials to ask for
        ],
        "params": [param_data(p, prefill) for p in parameters],
        "body": body_data(body, prefill),
        "credentials": credentials,
    }


def embed_json(data: Any) -> str:
    """JSON safe to place inside `<script type="application/json">`."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
