"""Example values synthesised from schemas (example > examples > default > enum > type)."""

from __future__ import annotations

import json
import math
from decimal import Decimal
from typing import Any, Literal

from mintrender.load.yaml12 import js_number
from mintrender.openapi.model import MediaType, NamedExample, Parameter, Schema

Mode = Literal["request", "response"]
"""Which side of the exchange: read-only fields are left out of requests, write-only of responses."""

FILE_PLACEHOLDER = "<file>"
"""Stands for a file in multipart bodies and samples."""

_BY_FORMAT: dict[str, str] = {
    "date-time": "2023-11-07T05:31:56Z",
    "date": "2023-12-25",
    "time": "05:31:56Z",
    "email": "jsmith@example.com",
    "uri": "https://example.com",
    "url": "https://example.com",
    "uri-reference": "/example",
    "hostname": "example.com",
    "ipv4": "127.0.0.1",
    "ipv6": "::1",
    "uuid": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
    "byte": "aSDinaTvuI8gbWludGxpZnk=",
    "password": "<password>",
}
_MAX_DEPTH = 8


MAX_EXAMPLE_VALUES = 3_000
"""Values one synthesised example may hold: schemas sharing `$ref`s can describe objects that
grow exponentially with depth; past this, the example is cut short (and counted)."""
_CUT = [0]


def limits_hit() -> int:
    """How many examples (`MAX_EXAMPLE_VALUES`) and field trees (`fields.MAX_FIELDS`) this
    process cut short: callers compare before and after rendering an operation to warn."""
    return _CUT[0]


def note_limit() -> None:
    """Count one example or field tree cut short."""
    _CUT[0] += 1


def schema_example(
    schema: Schema | None, *, mode: Mode = "request", required_only: bool = False
) -> Any:
    """A plausible value for `schema`; objects list their (required, when asked) properties."""
    budget = [MAX_EXAMPLE_VALUES]
    value = _example(schema, mode, required_only, 0, budget)
    if budget[0] < 0:
        note_limit()
    return value


def _example(
    schema: Schema | None, mode: Mode, required_only: bool, depth: int, budget: list[int]
) -> Any:
    budget[0] -= 1
    if schema is None:
        return {}
    if budget[0] < 0:
        return "…"
    if schema.examples:
        return schema.examples[0]
    if schema.has_default:
        return schema.default
    if schema.enum:
        return schema.enum[0]
    if schema.binary:
        return FILE_PLACEHOLDER
    kind = schema.types[0] if schema.types else ""
    shaped = kind in ("object", "array") or schema.properties or schema.alternatives
    if schema.recursive or (depth > _MAX_DEPTH and (shaped or not kind)):
        return [] if "array" in schema.types else {}  # a string or number deep down is drawn
    if not kind and schema.nullable and not shaped and schema.items is None:
        return None  # the null type alone (`enum: [null]`, `type: "null"`)
    if not kind and schema.alternatives and not schema.properties:
        return _example(schema.alternatives[0], mode, required_only, depth + 1, budget)
    if kind == "object" or schema.properties or (not kind and schema.alternatives):
        return _object_example(schema, mode, required_only, depth, budget)
    if kind == "array":
        if schema.prefix_items:  # a tuple: a value per position
            return [
                _example(s, mode, required_only, depth + 1, budget) for s in schema.prefix_items
            ]
        if schema.items is None:
            return []
        return [_example(schema.items, mode, required_only, depth + 1, budget)]
    if kind == "string":
        return _BY_FORMAT.get(schema.format, "<string>")  # a placeholder, as Mintlify shows
    if kind in ("integer", "number"):
        return _number_example(schema, kind)
    if kind == "boolean":
        return True
    return "<any>"


def _object_example(
    schema: Schema, mode: Mode, required_only: bool, depth: int, budget: list[int]
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for prop in schema.properties:
        if budget[0] < 0:
            break
        if (mode == "request" and prop.schema.read_only) or (
            mode == "response" and prop.schema.write_only
        ):
            continue
        if required_only and not prop.required:
            continue
        out[prop.name] = _example(prop.schema, mode, required_only, depth + 1, budget)
    if schema.alternatives and budget[0] >= 0:  # the first option's properties complete it
        first = _example(schema.alternatives[0], mode, required_only, depth + 1, budget)
        if isinstance(first, dict):
            for key, value in first.items():
                out.setdefault(key, value)
    if not schema.properties and schema.additional is not None and not required_only:
        out["key"] = _example(schema.additional, mode, False, depth + 1, budget)
    return out


def _limit(constraints: dict[str, Any], key: str) -> float | None:
    """A numeric validation keyword's value (a finite number; `true` and the like are not)."""
    value = constraints.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return value
    return None


def _bound(constraints: dict[str, Any], lower: bool) -> tuple[float | None, bool]:
    """The tighter of `minimum` and a 3.1 `exclusiveMinimum` number (or of the maximums),
    and whether a value may not equal it (3.0 writes that `exclusiveMinimum: true`)."""
    plain, strict_key = (
        ("minimum", "exclusiveMinimum") if lower else ("maximum", "exclusiveMaximum")
    )
    value, strict = _limit(constraints, plain), constraints.get(strict_key) is True
    given = _limit(constraints, strict_key)
    if given is not None and (value is None or (given >= value if lower else given <= value)):
        value, strict = given, True
    return value, strict


def _number_example(schema: Schema, kind: str) -> int | float:
    """123, else the nearest value the schema's range allows (its maximum, or just under an
    exclusive one), on a `multipleOf` step when one is in range: a sample the API accepts."""
    c = dict(schema.constraints)
    low, low_strict = _bound(c, lower=True)
    high, high_strict = _bound(c, lower=False)

    def fits(v: float) -> bool:
        above = low is None or v > low or (v == low and not low_strict)
        below = high is None or v < high or (v == high and not high_strict)
        return above and below and (kind != "integer" or float(v).is_integer())

    value: float = 123
    if kind == "integer":  # the range's whole numbers
        if high is not None:
            value = min(value, math.ceil(high) - 1 if high_strict else math.floor(high))
        if low is not None:
            value = max(value, math.floor(low) + 1 if low_strict else math.ceil(low))
    else:
        if high is not None and not fits(value) and value >= high:
            value = high - 1 if high_strict else high
        if low is not None and not fits(value) and value <= low:
            value = low + 1 if low_strict else low
        if not fits(value) and low is not None and high is not None:
            value = (low + high) / 2
    step = _limit(c, "multipleOf")
    if (
        step is not None
        and step > 0
        and all(math.isfinite(v / step) for v in (value, low or 0, high or 0))
    ):
        k = round(value / step)
        ends = [math.ceil(low / step)] if low is not None else []
        ends += [math.floor(high / step)] if high is not None else []
        for n in (k, k - 1, k + 1, *ends, *(e + 1 for e in ends), *(e - 1 for e in ends)):
            multiple = float(Decimal(repr(float(step))) * n)  # 3 * 0.1 is 0.3, not 0.30…04
            if fits(multiple):
                value = multiple
                break
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def parameter_example(param: Parameter) -> Any:
    """The parameter's own example, else one from its schema."""
    if param.examples:
        return param.examples[0].value
    return schema_example(param.schema)


def media_examples(
    media: MediaType | None, *, mode: Mode = "response", required_only: bool = False
) -> tuple[NamedExample, ...]:
    """The media type's own named examples, else one synthesised from its schema."""
    if media is None:
        return ()
    if media.examples:
        return media.examples
    if media.schema is None:
        return ()
    value = schema_example(media.schema, mode=mode, required_only=required_only)
    return (NamedExample("example", value),)


def as_text(value: Any) -> str:
    """Display form of a scalar for pills (`true`, `null`, `1.5`, strings unquoted)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        return js_number(value)  # `0.0` is `0` in JavaScript, which Mintlify shows (FastAPI's)
    return json.dumps(value, ensure_ascii=False)


NOT_GIVEN: Any = object()
"""`given_example`'s answer for a schema whose spec gives no value anywhere inside it."""


def given_example(schema: Schema | None, depth: int = 0) -> Any:
    """A request value made only of what the spec gives (`example`s and `default`s, of the
    schema or of its properties and items, read-only ones left out), for `prefill`; NOT_GIVEN
    when it gives none: generated placeholders (`"<string>"`) are never sent."""
    if schema is None or schema.recursive or depth > _MAX_DEPTH:
        return NOT_GIVEN
    if schema.examples:
        return schema.examples[0]
    if schema.has_default:
        return schema.default
    if schema.properties:
        out = {}
        for prop in schema.properties:
            if not prop.schema.read_only:
                value = given_example(prop.schema, depth + 1)
                if value is not NOT_GIVEN:
                    out[prop.name] = value
        return out if out else NOT_GIVEN
    if schema.items is not None:
        item = given_example(schema.items, depth + 1)
        return [item] if item is not NOT_GIVEN else NOT_GIVEN
    return NOT_GIVEN
