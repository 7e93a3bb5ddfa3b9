"""Mintlify components: one module per family, concatenated into one registry.

`REGISTRY` maps a component name (as written in MDX, e.g. `Card`, `Tree.Folder`) to its
`ComponentSpec`. A name defined twice fails at import time, as markdown-it's rule tables do.
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
)


def _build_registry() -> dict[str, ComponentSpec]:
    registry: dict[str, ComponentSpec] = {}
    for module_name in FAMILIES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue  # family not written yet
            raise
        for spec in getattr(module, "COMPONENTS", ()):
            if spec.name in registry:
                raise ImportError(f"component {spec.name!r} is registered twice ({module_name})")
            registry[spec.name] = spec
    return registry


REGISTRY: dict[str, ComponentSpec] = _build_registry()

__all__ = ["REGISTRY", "Child", "ComponentSpec", "Node"]
