"""View models of field rows (parameters, body and response properties) for the templates."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from mintrender.openapi.model import Parameter, Schema
from mintrender.openapi.samples import Mode, as_text, note_limit

Markdown = Callable[[str], str]
"""Renders a Markdown description to HTML."""

MAX_DEPTH = 12
MAX_FIELDS = 2_000
"""Field rows one operation's reference shows, at most."""


@dataclass(frozen=True, slots=True)
class FieldView:
    """One field row."""

    name: str
    """Displayed name."""
    anchor: str
    """Unique element id (`param-user-name`)."""
    type_label: str
    """`string`, `integer<int64>`, `object[]`, `enum<string>`..."""
    required: bool = False
    """Red `required` pill."""
    deprecated: bool = False
    """Amber `deprecated` pill."""
    read_only: bool = False
    """`read-only` pill."""
    write_only: bool = False
    """`write-only` pill."""
    default: str | None = None
    """Text of the `default: x` pill."""
    location: str = ""
    """Extra grey pill (a parameter's location on manual pages)."""
    pre_pills: tuple[str, ...] = ()
    """`x-mint.pre` pills before the name."""
    post_pills: tuple[str, ...] = ()
    """`api.params.post` and `x-mint.post` pills after the built-in ones."""
    constraints: tuple[tuple[str, str], ...] = ()
    """(word key, value) lines: `constraint_range` -> `1 <= x <= 10` (`constraint_lines`)."""
    enum: tuple[str, ...] = ()
    """Allowed values, as text."""
    example: str | None = None
    """Example value, as text."""
    description_html: str = ""
    """Rendered description."""
    children: tuple[FieldView, ...] = ()
    """Nested properties (object, or array of objects)."""
    options: tuple[OptionView, ...] = ()
    """`oneOf`/`anyOf` alternatives shown as tabs."""
    recursive: str = ""
    """Name of the schema this field repeats (children not expanded again)."""
    expanded: bool = False
    """Open the child box initially (`api.params.expanded: all`)."""


@dataclass(frozen=True, slots=True)
class OptionView:
    """One alternative of a `oneOf`/`anyOf`."""

    title: str
    """Tab label: `title`, component name, or `Option N`."""
    type_label: str
    """Type of the alternative."""
    description_html: str
    """Its description."""
    fields: tuple[FieldView, ...]
    """Its properties (object alternatives)."""
    enum: tuple[str, ...] = ()
    """Its allowed values (a scalar alternative's, or its array items')."""
    constraints: tuple[tuple[str, str], ...] = ()
    """Its validation rules (`constraint_lines`)."""
    example: str | None = None


@dataclass(frozen=True, slots=True)
class SchemaView:
    """A body or response schema as rows (object), option tabs, or one row (anything else)."""

    fields: tuple[FieldView, ...]
    """Rows."""
    options: tuple[OptionView, ...] = ()
    """Top-level alternatives."""
    description_html: str = ""
    """Schema description."""


class AnchorSet:
    """Hands out page-unique ids."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, base: str) -> str:
        base = re.sub(r"[^A-Za-z0-9_-]+", "-", base).strip("-") or "field"
        anchor, n = base, 2
        while anchor in self.used:
            anchor, n = f"{base}-{n}", n + 1
        self.used.add(anchor)
        return anchor


def type_label(schema: Schema) -> str:
    """Short type text for the type pill."""
    label = _base_label(schema)
    return f"{label} | null" if schema.nullable and label != "null" else label


def _base_label(schema: Schema) -> str:
    if schema.binary:
        return "file"
    types = schema.types
    if "array" in types and len(types) == 1 and schema.prefix_items:  # a tuple
        labels = [type_label(s) for s in schema.prefix_items]
        rest = [f"...{type_label(schema.items)}[]"] if schema.items is not None else []
        return "[" + ", ".join(labels + rest) + "]"
    if "array" in types and len(types) == 1:
        inner = type_label(schema.items) if schema.items is not None else "any"
        return f"({inner})[]" if " | " in inner else f"{inner}[]"
    if schema.enum is not None and types:
        return f"enum<{types[0]}>"
    if not types:
        if schema.enum:
            return "enum"
        if schema.alternatives:
            labels = list(dict.fromkeys(type_label(a) for a in schema.alternatives))
            return " | ".join(labels[:4]) if len(labels) > 1 else labels[0]
        if schema.properties:
            return "object"
        return "null" if schema.nullable else "any"
    text = " | ".join(types)
    return f"{text}<{schema.format}>" if schema.format and len(types) == 1 else text


def constraint_lines(schema: Schema) -> tuple[tuple[str, str], ...]:
    """Validation rules, as (the theme's word for the rule, value): `constraint_range` ->
    `1 <= x <= 10` ("Required range" in English, themes/uitext.py)."""
    if not schema.constraints:  # most fields
        return ()
    c = dict(schema.constraints)
    lines: list[tuple[str, str]] = []

    def bounds(low_key: str, xlow: str, high_key: str, xhigh: str, var: str) -> str | None:
        low, high = c.get(low_key), c.get(high_key)
        low_op, high_op = "<=", "<="
        if isinstance(c.get(xlow), (int, float)) and not isinstance(c.get(xlow), bool):
            low, low_op = c[xlow], "<"
        elif c.get(xlow) is True:
            low_op = "<"
        if isinstance(c.get(xhigh), (int, float)) and not isinstance(c.get(xhigh), bool):
            high, high_op = c[xhigh], "<"
        elif c.get(xhigh) is True:
            high_op = "<"
        if low is not None and high is not None:
            return f"{as_text(low)} {low_op} {var} {high_op} {as_text(high)}"
        if low is not None:
            return f"{var} {'>' if low_op == '<' else '>='} {as_text(low)}"
        if high is not None:
            return f"{var} {high_op} {as_text(high)}"
        return None

    rng = bounds("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "x")
    if rng:
        lines.append(("constraint_range", rng))
    length = bounds("minLength", "", "maxLength", "", "length")
    if length:
        lines.append(("constraint_string_length", length))
    items = bounds("minItems", "", "maxItems", "", "items")
    if items:
        lines.append(("constraint_array_length", items))
    props = bounds("minProperties", "", "maxProperties", "", "properties")
    if props:
        lines.append(("constraint_properties", props))
    if "multipleOf" in c:
        lines.append(("constraint_multiple_of", as_text(c["multipleOf"])))
    if "pattern" in c:
        lines.append(("constraint_pattern", as_text(c["pattern"])))
    if c.get("uniqueItems") is True:
        lines.append(("constraint_items", "constraint_unique"))
    return tuple(lines)


def _pills(value: Any) -> list[str]:
    """Pill texts for an `api.params.post` / `x-mint` value (openapi.md §5)."""
    if value is True:
        return []  # the caller uses the key name
    if isinstance(value, list):
        return [p for v in value for p in _pills(v)]
    if value is None or value is False or value == "" or isinstance(value, dict):
        return []
    return [as_text(value)]


class FieldBuilder:
    """Turns schemas into `FieldView` trees for one page."""

    def __init__(
        self,
        markdown: Markdown,
        anchors: AnchorSet,
        *,
        expanded: bool = False,
        post_keys: Sequence[str] = (),
    ) -> None:
        self.markdown = markdown
        self.anchors = anchors
        self.expanded = expanded
        self.post_keys = tuple(post_keys)
        self.budget = MAX_FIELDS
        """Rows left to build: schemas sharing `$ref`s can nest exponentially."""

    def _md(self, text: str) -> str:
        return self.markdown(text) if text.strip() else ""

    def parameter(self, param: Parameter, prefix: str = "param") -> FieldView:
        """Row of a path/query/header/cookie parameter."""
        view = self.field(param.name, param.schema, param.required, [param.name], prefix, "request")
        extra: dict[str, Any] = {"deprecated": view.deprecated or param.deprecated}
        if param.description:
            extra["description_html"] = self._md(param.description)
        if param.examples and view.example is None:
            extra["example"] = example_text(param.examples[0].value)
        return replace(view, **extra)

    def field(
        self,
        name: str,
        schema: Schema,
        required: bool,
        path: list[str],
        prefix: str,
        mode: Mode,
        depth: int = 0,
    ) -> FieldView:
        """Row of a named property (or the whole body when it is not an object)."""
        anchor = self.anchors.take(prefix + "-" + "-".join(path).replace(".", "-"))
        children: tuple[FieldView, ...] = ()
        options: tuple[OptionView, ...] = ()
        target = schema
        while target.items is not None and "array" in target.types:
            target = target.items
        self.budget -= 1
        if self.budget == 0:
            note_limit()  # the rest of the tree is cut short (ApiStage warns)
        if depth >= MAX_DEPTH and (target.properties or target.alternatives):
            note_limit()  # deeper levels are not drawn (ApiStage warns)
        if depth < MAX_DEPTH and not target.recursive and self.budget > 0:
            extra = target.additional
            if target.properties or (extra is not None and (extra.types or extra.properties)):
                children = self.rows(target, path, prefix, mode, depth + 1)
            if target.alternatives:
                options = self.options(target.alternatives, path, prefix, mode, depth + 1)
            if schema.prefix_items and "array" in schema.types:  # a tuple: a row per position
                at = [(f"[{i}]", s, [*path, str(i)]) for i, s in enumerate(schema.prefix_items)]
                rows = [self.field(n, s, False, p, prefix, mode, depth + 1) for n, s, p in at]
                children = (*rows, *children)
        post: list[str] = []
        ext = schema.extensions
        for key in self.post_keys:
            if key in ext:
                post += [key] if ext[key] is True else _pills(ext[key])
        raw_mint = ext.get("x-mint")
        mint: dict[str, Any] = raw_mint if isinstance(raw_mint, dict) else {}
        post += _pills(mint.get("post"))
        example = example_text(schema.examples[0]) if schema.examples else None
        return FieldView(
            name=name,
            anchor=anchor,
            type_label=type_label(schema),
            required=required,
            deprecated=schema.deprecated,
            read_only=schema.read_only,
            write_only=schema.write_only,
            default=example_text(schema.default) if schema.has_default else None,
            pre_pills=tuple(_pills(mint.get("pre"))),
            post_pills=tuple(post),
            constraints=constraint_lines(schema),
            enum=tuple(as_text(v) for v in _allowed(schema)),
            example=example,
            description_html=self._md(schema.description),
            children=children,
            options=options,
            recursive=target.recursive,
            expanded=self.expanded,
        )

    def rows(
        self, schema: Schema, path: list[str], prefix: str, mode: Mode, depth: int = 0
    ) -> tuple[FieldView, ...]:
        """Rows of an object's properties (plus a `{key}` row for `additionalProperties`)."""
        out = [
            self.field(p.name, p.schema, p.required, [*path, p.name], prefix, mode, depth)
            for p in schema.properties
        ]
        if schema.additional is not None and (
            schema.additional.types or schema.additional.properties
        ):
            out.append(
                self.field("{key}", schema.additional, False, [*path, "key"], prefix, mode, depth)
            )
        return tuple(out)

    def options(
        self, alternatives: Sequence[Schema], path: list[str], prefix: str, mode: Mode, depth: int
    ) -> tuple[OptionView, ...]:
        """Tabs for `oneOf`/`anyOf`."""
        out: list[OptionView] = []
        for i, alt in enumerate(alternatives):
            title = alt.title or alt.ref_name or f"Option {i + 1}"
            target = alt.items if alt.items is not None and "array" in alt.types else alt
            fields: tuple[FieldView, ...] = ()
            if target is not None and target.properties and not target.recursive:
                fields = self.rows(target, [*path, f"option-{i + 1}"], prefix, mode, depth)
            facts = target if target is not None else alt
            out.append(
                OptionView(
                    title,
                    type_label(alt),
                    self._md(alt.description),
                    fields,
                    enum=tuple(as_text(v) for v in facts.enum or ()),
                    constraints=constraint_lines(facts),
                    example=example_text(facts.examples[0]) if facts.examples else None,
                )
            )
        return tuple(out)

    def schema_view(self, schema: Schema | None, prefix: str, mode: Mode, name: str) -> SchemaView:
        """Top-level body/response schema."""
        if schema is None:
            return SchemaView(())
        desc = self._md(schema.description)
        if schema.properties and not schema.recursive:
            options: tuple[OptionView, ...] = ()
            if schema.alternatives:
                options = self.options(schema.alternatives, [], prefix, mode, 1)
            return SchemaView(self.rows(schema, [], prefix, mode), options, desc)
        if schema.alternatives and not schema.types:
            return SchemaView((), self.options(schema.alternatives, [], prefix, mode, 1), desc)
        if not schema.types and not schema.binary and not schema.enum:
            return SchemaView((), (), desc)
        row = self.field(name, schema, False, [name], prefix, mode)
        return SchemaView((row,), (), "")


def _allowed(schema: Schema) -> tuple[Any, ...]:
    """The values a field may hold: its `enum`, or its items' (`enum<string>[]`, as Mintlify
    lists a list of choices' options)."""
    if schema.enum:
        return schema.enum
    items = schema.items
    return items.enum or () if items is not None and "array" in schema.types else ()


def example_text(value: Any) -> str:
    """A value as a field's facts show it (JSON for objects, cut at 120 characters)."""
    if isinstance(value, (dict, list)):
        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= 120 else text[:117] + "..."
    return '""' if value == "" else as_text(value)  # the empty string, shown as one
