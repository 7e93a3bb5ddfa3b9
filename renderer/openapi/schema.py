"""JSON Schema objects -> `Schema` trees: `$ref`s followed, `allOf` merged, cycles cut."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from mintrender.openapi.model import Property, Schema
from mintrender.openapi.refs import SpecStore, ref_name
from mintrender.openapi.source import SpecSource, join_pointer

CONSTRAINT_KEYS: tuple[str, ...] = (
    "minimum",
    "exclusiveMinimum",
    "maximum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
)
"""Validation keywords shown with a field."""

_MAX_DEPTH = 64
_ANY = Schema()
_KNOWN_TYPES = {"string", "number", "integer", "boolean", "object", "array", "null"}


_CONSTRAINT_ONLY = frozenset(
    {"required", "not", "minProperties", "maxProperties", "dependentRequired", "description"}
    | {"title", "$comment"}
)


def _only_refs(target: object) -> bool:
    """A schema that is a `$ref`, or an `allOf` of `$ref`s, and nothing else: a loop of
    these (A -> B -> A) defines no field at all."""
    if not isinstance(target, dict):
        return False
    if set(target) == {"$ref"}:
        return True
    members = target.get("allOf")
    return (
        set(target) <= {"allOf", "description", "title"}
        and isinstance(members, list)
        and all(isinstance(m, dict) and set(m) == {"$ref"} for m in members)
    )


def _constraint_only(sub: object) -> bool:
    """An alternative that only says which of the object's own properties must be there
    (Giftbit's `anyOf: [{required: [brand_codes]}, {required: [region]}]`): a rule on the
    object, not a shape of its own to show as a tab ("any")."""
    return isinstance(sub, dict) and bool(sub) and set(sub) <= _CONSTRAINT_ONLY


class SchemaBuilder:
    """Builds `Schema`s for one load; memoizes component schemas that do not depend on context."""

    def __init__(self, store: SpecStore) -> None:
        self.store = store
        self._stack: list[tuple[Path, str]] = []
        self._low = 1 << 30
        self._memo: dict[tuple[Path, str], Schema] = {}

    def build(self, node: Any, src: SpecSource, pointer: str) -> Schema:
        """Convert the schema `node` found at `pointer` of `src`."""
        if isinstance(node, bool) or node is None:  # 3.1: `true` allows all, `false` nothing
            return _ANY  # (callers leave out a `false` property, item or alternative)
        if not isinstance(node, dict):
            self.store.report(
                src, pointer, "openapi-schema", f"a schema must be an object, found {node!r:.40}"
            )
            return _ANY
        if len(self._stack) > _MAX_DEPTH:
            return replace(_ANY, recursive="…")
        ref = node.get("$ref")
        if isinstance(ref, str):
            return self._build_ref(node, ref, src, pointer)
        return self._build_plain(node, src, pointer)

    def _build_ref(self, node: dict[str, Any], ref: str, src: SpecSource, pointer: str) -> Schema:
        found = self.store.lookup(ref, src, pointer)
        if found is None:
            return replace(_ANY, description=str(node.get("description", "")))
        target, tsrc, frag = found
        key = (tsrc.abs_path, frag)
        name = ref_name(frag) or tsrc.abs_path.stem
        if key in self._stack:
            if _only_refs(target):  # A -> B -> A (or through `allOf`), nothing else
                self.store.report(
                    tsrc, frag.lstrip("#"), "openapi-ref", f"$ref '{ref}' loops on itself"
                )
            self._low = min(self._low, self._stack.index(key))
            kind = target.get("type") if isinstance(target, dict) else None
            types = (kind,) if isinstance(kind, str) and kind != "null" else ()
            back = Schema(types=types, ref_name=name, recursive=name)
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            if not siblings:
                return back
            own = self._build_plain(siblings, src, pointer)  # `description` beside the $ref
            return replace(
                back,
                description=own.description,
                deprecated=own.deprecated,
                nullable=own.nullable,
                read_only=own.read_only,
                write_only=own.write_only,
            )
        if key in self._memo:
            result = self._memo[key]
        else:
            depth = len(self._stack)
            outer_low, self._low = self._low, 1 << 30
            self._stack.append(key)
            try:
                result = self.build(target, tsrc, frag.lstrip("#"))
            finally:
                self._stack.pop()
            if self._low >= depth:
                self._memo[key] = result
            self._low = min(outer_low, self._low)
        if not result.ref_name and not result.recursive:
            result = replace(result, ref_name=name)
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        if siblings:  # 3.1 allows keywords next to $ref; they refine the target
            own = self._build_plain(siblings, src, pointer)
            result = merge_schemas(own, [result], own_first=True)
        return result

    def _build_plain(self, node: dict[str, Any], src: SpecSource, pointer: str) -> Schema:
        raw_type = node.get("type")
        types: list[str] = []
        # `nullable: true` with nothing else said (no type, enum or shape): any value, null
        # included; not the null type alone (that is `type: "null"` or `enum: [null]`)
        shapes = ("type", "enum", "const", "properties", "items", "allOf", "oneOf", "anyOf")
        nullable = node.get("nullable") is True and any(k in node for k in shapes)
        if isinstance(raw_type, str):
            raw_type = [raw_type]
        if isinstance(raw_type, list):
            for t in raw_type:
                if t == "null":
                    nullable = True
                elif isinstance(t, str) and t in _KNOWN_TYPES:
                    if t not in types:
                        types.append(t)
                else:
                    self.store.report(
                        src, join_pointer(pointer, "type"), "openapi-schema", f"unknown type {t!r}"
                    )
        elif raw_type is not None:
            self.store.report(
                src, join_pointer(pointer, "type"), "openapi-schema", "`type` must be a string"
            )

        props: list[Property] = []
        required = node.get("required")
        req = {r for r in required if isinstance(r, str)} if isinstance(required, list) else set()
        raw_props = node.get("properties")
        if isinstance(raw_props, dict):
            base = join_pointer(pointer, "properties")
            for pname, pnode in raw_props.items():
                if pnode is False:  # a property that must not be there
                    continue
                pschema = self.build(pnode, src, join_pointer(base, str(pname)))
                props.append(Property(str(pname), pschema, str(pname) in req))

        items = None
        raw_items = node.get("items")
        if isinstance(raw_items, list):  # draft-4 tuple form: show the first
            raw_items = raw_items[0] if raw_items else None
        if raw_items is not None and raw_items is not False:  # `false`: no more items
            items = self.build(raw_items, src, join_pointer(pointer, "items"))
        raw_prefix = node.get("prefixItems")
        prefix: tuple[Schema, ...] = ()
        if isinstance(raw_prefix, list):
            base = join_pointer(pointer, "prefixItems")
            prefix = tuple(
                self.build(s, src, join_pointer(base, i)) for i, s in enumerate(raw_prefix)
            )

        additional = None
        raw_add = node.get("additionalProperties")
        if raw_add is True or (isinstance(raw_add, dict) and not raw_add):
            additional = _ANY
        elif isinstance(raw_add, dict):
            additional = self.build(raw_add, src, join_pointer(pointer, "additionalProperties"))

        if not types:
            if props or additional is not None:
                types = ["object"]
            elif items is not None or prefix:
                types = ["array"]

        alternatives: list[Schema] = []
        kind = ""
        for key in ("oneOf", "anyOf"):
            subs = node.get(key)
            if isinstance(subs, list) and props:  # `anyOf: [{required: [a]}, …]`: no shapes
                subs = [s for s in subs if not _constraint_only(s)]
            if isinstance(subs, list):  # a `false` alternative matches nothing
                subs = [s for s in subs if s is not False]
            if isinstance(subs, list) and subs and not alternatives:
                kind = key
                base = join_pointer(pointer, key)
                alternatives = [
                    self.build(s, src, join_pointer(base, i)) for i, s in enumerate(subs)
                ]
        # `type: [a, null]` written as oneOf [{...}, {type: null}] is just nullable
        nulls = [a for a in alternatives if a.types == () and a.nullable and not a.properties]
        only: Schema | None = None  # the one alternative (besides null): the schema itself
        if nulls and len(alternatives) - len(nulls) >= 1:
            nullable = True
            alternatives = [a for a in alternatives if a not in nulls]
        if len(alternatives) == 1 and not props and set(types) <= set(alternatives[0].types):
            only, alternatives = alternatives[0], []  # also beside `type: integer` (Typecast)

        enum: tuple[Any, ...] | None = None
        if isinstance(node.get("enum"), list):
            enum = tuple(v for v in node["enum"] if v is not None)
            if len(enum) < len(node["enum"]):
                nullable = True
                if not enum:  # `enum: [null]` (zod's nullable branch): the value null only
                    enum, types = None, []
        elif "const" in node:
            enum = (node["const"],)

        examples: list[Any] = []
        if "example" in node:
            examples.append(node["example"])
        raw_examples = node.get("examples")
        if isinstance(raw_examples, list):
            examples.extend(raw_examples)

        fmt = node.get("format")
        fmt = fmt if isinstance(fmt, str) else ""
        binary = (
            fmt in ("binary", "base64")
            or node.get("contentEncoding") in ("base64", "base64url")
            or ("contentMediaType" in node and types in ([], ["string"]))
        )
        constraints = tuple((k, node[k]) for k in CONSTRAINT_KEYS if k in node)
        extensions = {k: v for k, v in node.items() if isinstance(k, str) and k.startswith("x-")}

        own = Schema(
            types=tuple(types),
            nullable=nullable,
            format=fmt,
            title=_text(node.get("title")),
            description=_text(node.get("description")),
            properties=tuple(props),
            items=items,
            prefix_items=prefix,
            additional=additional,
            alternatives=tuple(alternatives),
            alternative_kind=kind if alternatives else "",
            enum=enum,
            has_default="default" in node,
            default=node.get("default"),
            examples=tuple(examples),
            deprecated=node.get("deprecated") is True,
            read_only=node.get("readOnly") is True,
            write_only=node.get("writeOnly") is True,
            constraints=constraints,
            binary=bool(binary),
            extensions=extensions,
        )
        if only is not None:
            own = _nullable_of(only, own)
        all_of = node.get("allOf")
        if isinstance(all_of, list) and all_of:
            base = join_pointer(pointer, "allOf")
            members = [
                self.build(s, src, join_pointer(base, i))
                for i, s in enumerate(all_of)
                if not isinstance(s, bool)  # `true` adds nothing (and `false` is unsatisfiable)
            ]
            own = merge_schemas(own, members)
        return own


def _nullable_of(only: Schema, outer: Schema) -> Schema:
    """`anyOf: [X, {type: null}]` (or `oneOf: [X]`) with the outer schema's own keywords (FastAPI writes every
    `Optional[T] = value` field so): X made nullable, with the outer title, description,
    default, examples, flags, constraints and extensions winning over X's."""
    kept = dict(outer.constraints)
    return replace(
        only,
        nullable=outer.nullable or only.nullable,
        title=outer.title or only.title,
        description=outer.description or only.description,
        has_default=outer.has_default or only.has_default,
        default=outer.default if outer.has_default else only.default,
        examples=outer.examples or only.examples,
        enum=outer.enum if outer.enum is not None else only.enum,
        deprecated=outer.deprecated or only.deprecated,
        read_only=outer.read_only or only.read_only,
        write_only=outer.write_only or only.write_only,
        constraints=tuple((k, v) for k, v in only.constraints if k not in kept) + outer.constraints,
        extensions={**only.extensions, **outer.extensions},
    )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def merge_schemas(own: Schema, members: list[Schema], *, own_first: bool = False) -> Schema:
    """Merge `allOf` members into one object: properties combined, `required` united.

    Scalar keywords come from `own` first when `own_first` (a `$ref`'s siblings), else from the
    first member that has them, with `own` as the fallback.
    """
    order = [own, *members] if own_first else [*members, own]
    props: dict[str, Property] = {}
    for part in [*members, own]:
        for prop in part.properties:
            old = props.get(prop.name)
            if old is None:
                props[prop.name] = prop
            else:
                schema = prop.schema
                if not schema.description and old.schema.description:
                    schema = replace(schema, description=old.schema.description)
                props[prop.name] = Property(prop.name, schema, prop.required or old.required)

    def first(attr: str, empty: Any) -> Any:
        for part in order:
            value = getattr(part, attr)
            if value != empty:
                return value
        return empty

    named = [m for m in members if m.ref_name]
    types = first("types", ())
    if props and not types:
        types = ("object",)
    alternatives = first("alternatives", ())
    kind = next((p.alternative_kind for p in order if p.alternatives), "")
    constraints: dict[str, Any] = {}
    for part in [*members, own]:
        constraints.update(part.constraints)
    extensions: dict[str, Any] = {}
    for part in [*members, own]:
        extensions.update(part.extensions)
    has_default = any(p.has_default for p in order)
    recursive = ""
    if not props and not types and not alternatives:
        recursive = next((m.recursive for m in members if m.recursive), "")
    return Schema(
        types=types,
        nullable=own.nullable or (bool(members) and all(m.nullable for m in members)),
        format=first("format", ""),
        title=own.title or (members[0].title if len(members) == 1 else ""),
        description=own.description or first("description", ""),
        properties=tuple(props.values()),
        items=first("items", None),
        prefix_items=first("prefix_items", ()),
        additional=first("additional", None),
        alternatives=alternatives,
        alternative_kind=kind,
        enum=first("enum", None),
        has_default=has_default,
        default=next((p.default for p in order if p.has_default), None),
        examples=first("examples", ()),
        deprecated=any(p.deprecated for p in order),
        read_only=any(p.read_only for p in order),
        write_only=any(p.write_only for p in order),
        constraints=tuple(constraints.items()),
        binary=any(p.binary for p in order),
        ref_name=own.ref_name or (named[0].ref_name if len(named) == 1 and own_first else ""),
        recursive=recursive,
        extensions=extensions,
    )
