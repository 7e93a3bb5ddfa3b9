"""An operation as its own OpenAPI document, for the Markdown copy of its page (openapi.md §10):
what Mintlify's `.md` of an API page ends with, a `## OpenAPI` section holding a YAML block
(`yaml openapi.json GET /users`) of the spec's head (`openapi`, `info`, `servers`, `security`),
the one path (or webhook) with this operation alone, and the security schemes; every `$ref` in
it replaced by what it names, so the block reads on its own."""

from __future__ import annotations

from typing import Any

import yaml

from mintrender.openapi.model import Operation
from mintrender.openapi.refs import SpecStore
from mintrender.openapi.source import SpecSource, split_pointer

_PATH_ITEM_KEYS = ("summary", "description", "servers", "parameters")
"""What a path item holds for all its operations, kept beside the operation."""


def operation_document(store: SpecStore, op: Operation) -> dict[str, Any] | None:
    """The operation's document (None when its spec cannot be read again)."""
    abs_path = next((p for p, url in store.downloaded.items() if url == op.spec_file), None)
    src = store.load(abs_path or store.docs_dir / op.spec_file)
    if src is None or not isinstance(src.data, dict):
        return None
    root: dict[str, Any] = src.data
    tokens = split_pointer(op.pointer)
    if len(tokens) != 3 or tokens[0] not in ("paths", "webhooks"):
        return None
    item = _get(root, tokens[:2])
    operation = item.get(tokens[2]) if isinstance(item, dict) else None
    if not isinstance(operation, dict):
        return None
    version = "swagger" if "swagger" in root and "openapi" not in root else "openapi"
    doc: dict[str, Any] = {version: root.get(version)}
    for key in ("info", "servers", "security"):
        if key in root:
            doc[key] = root[key]
    shared = {k: item[k] for k in _PATH_ITEM_KEYS if k in item}
    doc[tokens[0]] = {tokens[1]: {**shared, tokens[2]: operation}}
    schemes = _get(root, ["components", "securitySchemes"])
    if isinstance(schemes, dict) and schemes:
        doc["components"] = {"securitySchemes": schemes}
    # a `$ref` to nothing was reported when the spec loaded
    inlined: dict[str, Any] = store.inline(doc, src, "", report=False)
    _add_kept_targets(store, inlined, src)
    return inlined


def _add_kept_targets(store: SpecStore, doc: dict[str, Any], src: SpecSource) -> None:
    """Put in `doc`, at their own place (`components/schemas/Node`), the targets of the
    `$ref`s inlining kept (a recursive schema refers to itself), and theirs in turn: without
    them the block names schemas it does not hold and is no valid document."""
    placed: set[str] = set()
    pending = _local_refs(doc, 0)
    while pending:
        ref = pending.pop()
        tokens = split_pointer(ref[1:])
        if ref in placed or not tokens or _get(doc, tokens) is not None:
            continue
        placed.add(ref)
        found = store.find(ref, src)
        if found is None or found[1] is not src:
            continue
        keep = frozenset({(src.abs_path, found[2])})
        value = store.inline(found[0], src, ref[1:], report=False, keep=keep)
        node = doc
        for token in tokens[:-1]:
            if not isinstance(node.get(token), dict):
                node[token] = {}
            node = node[token]
        node[tokens[-1]] = value
        pending |= _local_refs(value, 0)


def _local_refs(node: Any, depth: int) -> set[str]:
    """The `#/...` `$ref`s in `node`."""
    if depth > 64:
        return set()
    if isinstance(node, list):
        return set().union(*(_local_refs(v, depth + 1) for v in node))
    if not isinstance(node, dict):
        return set()
    ref = node.get("$ref")
    found = {ref} if isinstance(ref, str) and ref.startswith("#/") else set()
    return found.union(*(_local_refs(v, depth + 1) for v in node.values()))


def operation_yaml(store: SpecStore, op: Operation) -> str:
    """The `## OpenAPI` section of the operation's Markdown copy ("" when there is none)."""
    doc = operation_document(store, op)
    if doc is None:
        return ""
    try:
        text = yaml.dump(
            doc, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=80, indent=2
        )
    except yaml.YAMLError:
        return ""
    what = f"webhook {op.webhook}" if op.webhook else f"{op.method} {op.path}"
    fence = "````" if "```" in text else "```"
    return f"## OpenAPI\n\n{fence}yaml {op.spec_file} {what}\n{text}{fence}"


def _get(node: Any, tokens: list[str]) -> Any:
    for token in tokens:
        if not isinstance(node, dict):
            return None
        node = node.get(token)
    return node


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """libyaml's emitter when there is one; a value met twice is written twice, no `&id001`."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """A text of several lines (a code sample, a long description) as a `|` block."""
    style = "|" if "\n" in value.rstrip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)
