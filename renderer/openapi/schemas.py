"""Component schemas: finding the one an `openapi-schema:` page names, across the site's specs.

```python
found = index.schemas.resolve("TaxObject", "api/tax.mdx")   # SchemaResolution
found.schema    # Schema of components.schemas.TaxObject, built on first use
```

A name (optionally prefixed by its spec, `"openapi.json TaxObject"`) is looked up in every
loaded spec; the spec in the page's own folder wins, then the nearest ancestor folder, then
alphabetical order (reported as ambiguous).
"""

from __future__ import annotations

import difflib
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mintrender.openapi.model import Schema
from mintrender.openapi.source import join_pointer

if TYPE_CHECKING:
    from mintrender.openapi.refs import SpecStore
    from mintrender.openapi.schema import SchemaBuilder


@dataclass(frozen=True, slots=True)
class SchemaResolution:
    """Outcome of resolving an `openapi-schema:` reference."""

    name: str
    """The schema's name as written in `components.schemas`."""
    spec: str | None
    """The chosen spec (POSIX path), `None` when nothing matched."""
    schema: Schema | None
    """The built schema, `None` when nothing matched."""
    candidates: tuple[str, ...] = ()
    """Every spec defining the name, chosen one first."""
    problem: str | None = None
    """Why nothing matched (with a near-miss hint), or why the choice was arbitrary."""


class SchemaIndex:
    """The names of `components.schemas` of every loaded spec; schemas built on first use."""

    def __init__(self, docs_dir: Path, store: SpecStore, builder: SchemaBuilder) -> None:
        self.docs_dir = docs_dir
        self.store = store
        self.builder = builder
        self.names: dict[str, tuple[str, ...]] = {}
        """Spec path -> its component schema names, in spec order."""
        self._built: dict[tuple[str, str], Schema] = {}

    def add(self, spec_rel: str, names: tuple[str, ...]) -> None:
        self.names[spec_rel] = names

    def resolve(self, ref: str, page_rel_path: str) -> SchemaResolution:
        """Find the schema named by `ref` (`Name` or `spec.json Name`) for a page."""
        tokens = ref.strip().strip("\"'").split()
        if not tokens:
            return SchemaResolution("", None, None, problem="openapi-schema names no schema")
        name = tokens[-1]
        specs = sorted(self.names)
        if len(tokens) > 1:
            token = tokens[0].lstrip("/")
            specs = [s for s in specs if s == token or s.endswith("/" + token)]
            if not specs:
                known = ", ".join(sorted(self.names)) or "none"
                return SchemaResolution(
                    name,
                    None,
                    None,
                    problem=f"spec {tokens[0]!r} is not a loaded OpenAPI file (loaded: {known})",
                )
        page_dir = posixpath.dirname(page_rel_path)
        found = sorted(
            (s for s in specs if name in self.names[s]), key=lambda s: _rank(s, page_dir)
        )
        if not found:
            return SchemaResolution(name, None, None, problem=self._near_miss(name, specs))
        chosen = found[0]
        problem = None
        if len(found) > 1 and _rank(found[0], page_dir)[0] == _rank(found[1], page_dir)[0]:
            problem = (
                f"schema '{name}' is in several specs ({', '.join(found)}); chose {chosen} "
                f'(alphabetical). Name the spec to choose: openapi-schema: "<spec> {name}"'
            )
        return SchemaResolution(name, chosen, self.schema(chosen, name), tuple(found), problem)

    def schema(self, spec_rel: str, name: str) -> Schema:
        """`components.schemas.<name>` of a spec, built once."""
        key = (spec_rel, name)
        if key not in self._built:
            src = self.store.load(self.docs_dir / spec_rel)
            data = src.data if src is not None else None
            node = (
                data.get("components", {}).get("schemas", {}).get(name)
                if isinstance(data, dict) and src is not None
                else None
            )
            pointer = join_pointer("/components/schemas", name)
            self._built[key] = (
                self.builder.build(node, src, pointer) if src is not None else Schema()
            )
        return self._built[key]

    def _near_miss(self, name: str, specs: list[str]) -> str:
        every = {n: s for s in specs for n in self.names[s]}
        if not every:
            return f"schema '{name}' was not found: no loaded spec has `components.schemas`"
        by_lower = {n.lower(): n for n in every}
        close = [by_lower[name.lower()]] if name.lower() in by_lower else []
        close = close or difflib.get_close_matches(name, list(every), n=3, cutoff=0.6)
        hint = (
            "; did you mean " + ", ".join(f"'{c}' (in {every[c]})" for c in close) + "?"
            if close
            else ""
        )
        return f"schema '{name}' was not found in the components.schemas of any loaded spec{hint}"


def _rank(spec_path: str, page_dir: str) -> tuple[int, str]:
    spec_dir = posixpath.dirname(spec_path)
    if spec_dir == page_dir:
        return (0, spec_path)
    if spec_dir == "" or page_dir.startswith(spec_dir + "/"):
        depth = page_dir.count("/") + 1 if page_dir else 0
        return (depth - (spec_dir.count("/") + 1 if spec_dir else 0), spec_path)
    return (1 << 20, spec_path)
