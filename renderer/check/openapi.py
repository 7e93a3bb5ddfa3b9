"""OpenAPI problems a reader of the API pages would hit, at the spec's file and line:

* a `{name}` in a path that no `in: path` parameter declares (and the reverse);
* a `$ref` to nothing, anywhere in the file (the loader only follows the ones it renders);
* a `required` property that `properties` does not define;
* an `example` that contradicts its schema (type, enum, nested properties and items).

`--validate-openapi` adds openapi-spec-validator's full structural validation
(`pip install 'mintrender[validate]'`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from mintrender.errors import Diagnostics
from mintrender.openapi.model import HTTP_METHODS
from mintrender.openapi.refs import SpecStore
from mintrender.openapi.resolve import ApiIndex
from mintrender.openapi.source import SpecSource, join_pointer

_TEMPLATE = re.compile(r"\{([^{}]+)\}")
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
}
_COMBINERS = ("allOf", "anyOf", "oneOf", "not", "$ref", "additionalProperties", "patternProperties")
MAX_DEPTH = 40


def lint_specs(index: ApiIndex, diagnostics: Diagnostics, *, full: bool = False) -> None:
    """Report structural problems of every loaded spec (through the loader's store, so a place
    the loader already reported is not reported twice)."""
    store = index.store
    if store is None:
        return
    for rel in index.specs:
        src = store.named(rel)
        if src is None or not isinstance(src.data, dict):
            continue
        _path_parameters(store, src)
        for pointer, node in _walk(src.data, "", 0):
            _check_node(store, src, pointer, node)
        if full:
            _full_validation(src, diagnostics)


def _walk(node: Any, pointer: str, depth: int) -> Iterator[tuple[str, dict[str, Any]]]:
    if depth > MAX_DEPTH:
        return
    if isinstance(node, dict):
        yield pointer, node
        for key, value in node.items():
            if key in ("example", "examples") and not isinstance(value, dict):
                continue  # example payloads are data, not spec
            if key == "example":
                continue
            yield from _walk(value, join_pointer(pointer, str(key)), depth + 1)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, join_pointer(pointer, i), depth + 1)


def _check_node(store: SpecStore, src: SpecSource, pointer: str, node: dict[str, Any]) -> None:
    ref = node.get("$ref")
    if isinstance(ref, str):
        store.lookup(ref, src, pointer)  # reports a $ref to nothing (once per place)
    required, props = node.get("required"), node.get("properties")
    if isinstance(required, list) and isinstance(props, dict):
        # in an `allOf` branch, `required` may name a property of another branch (merged)
        if not any(k in node for k in _COMBINERS) and not _ALL_OF_BRANCH.search(pointer):
            for i, name in enumerate(required):
                if isinstance(name, str) and name not in props:
                    store.report(
                        src,
                        join_pointer(pointer, "required", i),
                        "openapi-schema",
                        f"required property {name!r} is not in `properties` "
                        f"({', '.join(sorted(props)) or 'none'})",
                    )
    if "example" in node:
        schema = node.get("schema") if "schema" in node else node
        if _is_schema(schema):
            _check_example(store, src, join_pointer(pointer, "example"), node["example"], schema)
    examples = node.get("examples")
    if isinstance(examples, dict) and _is_schema(node.get("schema")):
        for key, ex in examples.items():
            if isinstance(ex, dict) and "value" in ex and "$ref" not in ex:
                where = join_pointer(pointer, "examples", str(key), "value")
                _check_example(store, src, where, ex["value"], node["schema"])


_ALL_OF_BRANCH = re.compile(r"/allOf/\d+$")


def _is_schema(node: Any) -> bool:
    return isinstance(node, dict) and any(
        k in node for k in ("type", "properties", "items", "enum", "$ref")
    )


def _check_example(
    store: SpecStore, src: SpecSource, pointer: str, value: Any, schema: Any
) -> None:
    problem = contradiction(store, src, value, schema, "", 0)
    if problem:
        store.report(src, pointer, "openapi-example", f"example contradicts its schema: {problem}")


def contradiction(
    store: SpecStore, src: SpecSource, value: Any, schema: Any, where: str, depth: int
) -> str | None:
    """How `value` breaks `schema` (type, enum, nested properties and items), or None."""
    if depth > MAX_DEPTH:
        return None
    schema, src, _ = store.deref(schema, src, "", report=False)  # the walk reports its $refs
    if not isinstance(schema, dict) or any(k in schema for k in ("anyOf", "oneOf", "allOf")):
        return None  # combinations: too many readings to call one wrong
    at = f" at {where}" if where else ""
    if value is None:
        nullable = schema.get("nullable") is True or "null" in _types(schema)
        return (
            None if nullable or not _types(schema) else f"null{at} but the schema is not nullable"
        )
    types = _types(schema)
    if types and not any(_is_type(value, t) for t in types):
        return f"{_json_type(value)} {_short(value)}{at} where the schema says {' or '.join(types)}"
    enum = schema.get("enum")
    if isinstance(enum, list) and enum and value not in enum:
        return f"{_short(value)}{at} is not one of {', '.join(map(_short, enum[:8]))}"
    if isinstance(value, dict) and isinstance(schema.get("properties"), dict):
        for key, sub in value.items():
            if key in schema["properties"]:
                found = contradiction(
                    store,
                    src,
                    sub,
                    schema["properties"][key],
                    f"{where}.{key}".lstrip("."),
                    depth + 1,
                )
                if found:
                    return found
    if isinstance(value, list):  # 3.1 `prefixItems` by position, `items` for the rest
        prefix = schema.get("prefixItems")
        prefix = prefix if isinstance(prefix, list) else []
        for i, item in enumerate(value[:50]):
            sub = prefix[i] if i < len(prefix) else schema.get("items")
            found = contradiction(store, src, item, sub, f"{where}[{i}]", depth + 1)
            if found:
                return found
    return None


def _types(schema: dict[str, Any]) -> list[str]:
    t = schema.get("type")
    names = (
        [t]
        if isinstance(t, str)
        else [x for x in t if isinstance(x, str)]
        if isinstance(t, list)
        else []
    )
    return [n for n in names if n in _JSON_TYPES or n == "null"]


def _is_type(value: Any, name: str) -> bool:
    if name == "null":
        return value is None
    if isinstance(value, bool) and name != "boolean":
        return False
    if name == "integer" and isinstance(value, float):
        return value.is_integer()
    return isinstance(value, _JSON_TYPES[name])


def _json_type(value: Any) -> str:
    for name in ("boolean", "integer", "number", "string", "array", "object"):
        if _is_type(value, name):
            return name
    return "null"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _path_parameters(store: SpecStore, src: SpecSource) -> None:
    """`{id}` in a path must be an `in: path` parameter of each of its operations."""
    paths = src.data.get("paths")
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        ptr = join_pointer("/paths", str(path))
        item, isrc, iptr = store.deref(item, src, ptr)
        if not isinstance(item, dict):
            continue
        in_template = _TEMPLATE.findall(str(path))
        common = _path_params(store, isrc, item.get("parameters"), join_pointer(iptr, "parameters"))
        for method in HTTP_METHODS:
            op = item.get(method.lower())
            if not isinstance(op, dict):
                continue
            op_ptr = join_pointer(iptr, method.lower())
            declared = common | _path_params(
                store, isrc, op.get("parameters"), join_pointer(op_ptr, "parameters")
            )
            for name in in_template:
                if name not in declared:
                    store.report(
                        isrc,
                        op_ptr,
                        "openapi-parameter",
                        f"{method} {path}: path parameter {{{name}}} is not declared "
                        f"(add a parameter with `name: {name}` and `in: path`)",
                    )
            for name in sorted(declared - set(in_template)):
                store.report(
                    isrc,
                    op_ptr,
                    "openapi-parameter",
                    f"{method} {path}: parameter {name!r} is `in: path` but the path has no "
                    f"{{{name}}}",
                )


def _path_params(store: SpecStore, src: SpecSource, raw: Any, pointer: str) -> set[str]:
    """The `in: path` names of the parameter list `raw`, found at `pointer` of `src`."""
    names: set[str] = set()
    if not isinstance(raw, list):
        return names
    for i, node in enumerate(raw):
        node, _, _ = store.deref(node, src, join_pointer(pointer, i))
        if (
            isinstance(node, dict)
            and node.get("in") == "path"
            and isinstance(node.get("name"), str)
        ):
            names.add(node["name"])
    return names


def _full_validation(src: SpecSource, diagnostics: Diagnostics) -> None:
    """openapi-spec-validator's findings, located by their path in the document."""
    try:
        from openapi_spec_validator import (  # start-up time: the optional extra
            OpenAPIV30SpecValidator,
            OpenAPIV31SpecValidator,
        )
    except ImportError:
        diagnostics.add(
            "warning",
            src.rel_path,
            1,
            1,
            "openapi-spec",
            "--validate-openapi needs openapi-spec-validator: pip install 'mintrender[validate]'",
        )
        return
    version = str(src.data.get("openapi", ""))
    validator_class = (
        OpenAPIV31SpecValidator if version.startswith("3.1") else OpenAPIV30SpecValidator
    )
    seen: set[tuple[str, str]] = set()
    for error in validator_class(src.data, base_uri=src.abs_path.as_uri()).iter_errors():
        parts = [str(p) for p in getattr(error, "absolute_path", getattr(error, "path", []))]
        pointer = "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in parts)
        message = str(getattr(error, "message", error)).split("\n", 1)[0]
        if (pointer, message) in seen:
            continue
        seen.add((pointer, message))
        line, col = src.position(pointer)
        diagnostics.add("warning", src.rel_path, line, col, "openapi-spec", message)
