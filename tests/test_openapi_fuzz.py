"""Bad input never crashes: specs with random subtrees replaced by wrong types load and render."""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from mintrender.errors import Diagnostics
from mintrender.openapi import ApiOptions, load_api_index, render_operation

SPECS = Path(__file__).parent / "specs"

WEIRD: list[Any] = [
    None, 1, -1.5, "x", "", [], {}, True, [1, "a"],
    {"$ref": "#/nope"}, {"$ref": "#"}, {"$ref": 5}, {"$ref": "other.json#/x"},
    {"type": 7}, {"type": ["a", None]}, {"allOf": 3}, {"oneOf": [None]}, {"anyOf": []},
    {"enum": "x"}, {"items": []}, {"properties": []}, {"required": "x"},
    {"additionalProperties": 3}, {"examples": {"a": 1}}, {"name": 3, "in": "query"},
]  # fmt: skip


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*path, i))


def _mutate(doc: Any, rng: random.Random) -> Any:
    doc = copy.deepcopy(doc)
    paths = list(_paths(doc))[1:]
    for _ in range(rng.randint(1, 4)):
        path = rng.choice(paths)
        parent = doc
        try:
            for key in path[:-1]:
                parent = parent[key]
            parent[path[-1]] = copy.deepcopy(rng.choice(WEIRD))
        except (KeyError, IndexError, TypeError):
            continue
    return doc


@pytest.mark.parametrize("seed", range(4))
def test_mutated_specs_load_and_render(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    sources = [
        json.loads((SPECS / "circular.json").read_text()),
        json.loads((SPECS / "servers.json").read_text()),
        json.loads((SPECS / "examples.json").read_text()),
        yaml.safe_load((SPECS / "composition.yaml").read_text()),
    ]
    for _ in range(30):
        doc = _mutate(rng.choice(sources), rng)
        (tmp_path / "s.json").write_text(json.dumps(doc))
        (tmp_path / "s.yaml").write_text(yaml.safe_dump(doc))
        index = load_api_index(tmp_path, ["s.json", "s.yaml"], Diagnostics())
        for op in index.operations():
            render_operation(
                op,
                options=ApiOptions(expanded="all"),
                markdown=lambda t: t,
                highlight=lambda c, lang, title: c,
            )
        for spec in index.specs:
            index.operations_for_nav(spec)
            index.resolve("GET /users", "p.mdx", [spec])
