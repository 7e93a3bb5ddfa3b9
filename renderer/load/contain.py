"""Containment: the build reads nothing outside the docs folder, whatever symlinks say.

A symbolic link inside the docs folder is followed when its target (every link resolved) is
inside the docs folder too; a link that leads outside, or nowhere, is skipped with a warning
naming the link. Its target is never read, copied, or written into the site, not even as a link.
"""

from __future__ import annotations

import os
from pathlib import Path


def resolve_inside(root: Path, path: Path) -> Path | None:
    """`path` with every link resolved, when it exists inside `root`; None otherwise."""
    try:
        resolved = path.resolve(strict=True)
        root_resolved = root.resolve()
    except (OSError, RuntimeError, ValueError):  # missing, dangling, a loop, a NUL byte
        return None
    return resolved if resolved.is_relative_to(root_resolved) else None


def is_outside_link(root: Path, path: Path) -> bool:
    """Is `path` a symbolic link whose target is not inside `root` (or does not exist)?"""
    return os.path.islink(path) and resolve_inside(root, path) is None


def outside_link_message(rel: str) -> str:
    """The warning for a skipped link; the target is not named (it may be a secret path)."""
    return (
        f"{rel} is a symbolic link that leads outside the docs folder (or nowhere); it is "
        "skipped: nothing outside the docs folder is read or published"
    )
