"""Mintlify components: one module per family, concatenated into one registry.

`REGISTRY` maps a component name (as written in MDX, e.g. `Card`, `Tree.Folder`) to its
`ComponentSpec`. A name defined twice fails at import time, as markdown-it's rule tables do.
The name sets the JSX rules need are read from the specs here.
"""

from __future__ import annotations

import importlib

from mintrender.components._spec import Child, ComponentSpec, Node

# Family modules, in registration order. Each exports COMPONENTS: tuple[ComponentSpec, ...].
FAMILIES = (
    "mintrender.components.html",
    "mintrender.components.callouts",
    "mintrender.components.cards",
    "mintrender.components.steps",
    "mintrender.components.tabs",
    "mintrender.components.accordions",
    "mintrender.components.code",
    "mintrender.components.fields",
    "mintrender.components.inline",
    "mintrender.components.media",
    "mintrender.components.data",
    "mintrender.components.misc",
    "mintrender.components.math",
)


def _build_registry() -> dict[str, ComponentSpec]:
    registry: dict[str, ComponentSpec] = {}
    for module_name in FAMILIES:
        for spec in importlib.import_module(module_name).COMPONENTS:
            if spec.name in registry:
                raise ImportError(f"component {spec.name!r} is registered twice ({module_name})")
            registry[spec.name] = spec
    return registry


REGISTRY: dict[str, ComponentSpec] = _build_registry()

INLINE_COMPONENTS = frozenset(name for name, spec in REGISTRY.items() if spec.inline)
"""Components that sit inside a paragraph when text follows them on their line."""
SOURCE_NAMES = frozenset(name for name, spec in REGISTRY.items() if spec.source != "mdx")
"""Components whose renderer needs the children's MDX source (`props["children"]`)."""
PARTS_OF = {name: spec.parts for name, spec in REGISTRY.items() if spec.parts}
"""Component -> the theme parts a page that renders it links."""

RAW_NAMES = frozenset(name for name, spec in REGISTRY.items() if spec.source == "raw")
"""...and whose children are not MDX at all (`\\frac{1}{2}` holds no expressions)."""

__all__ = ["REGISTRY", "Child", "ComponentSpec", "Node"]
