"""The docs folder as the preview server reads it beside the stages: paths under a root, a page's
frontmatter head, the files docs.json `$ref`s, spec sniffing, and the server's private folder."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from mintrender.parse.frontmatter import read_frontmatter

_HEAD_BYTES = 8192


def quick_frontmatter(path: Path) -> dict[str, Any]:
    """A page's frontmatter without parsing the page (for sidebar labels before it renders)."""
    try:
        with open(path, "rb") as f:
            head = f.read(_HEAD_BYTES)
            found = read_frontmatter(head.decode("utf-8-sig", errors="replace"))
            if not found and len(head) == _HEAD_BYTES and head.lstrip().startswith(b"---"):
                head += f.read()  # rare: frontmatter longer than the first block
                found = read_frontmatter(head.decode("utf-8-sig", errors="replace"))
    except OSError:
        return {}
    return found


def relative(path: Path, root: Path) -> str | None:
    """POSIX path of `path` inside `root` (the watcher reports absolute paths under it)."""
    if not path.is_absolute():
        return None
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(root).as_posix()
    except (ValueError, OSError):
        return None


def inside(path: Path, root: Path) -> Path | None:
    """`path` when it is a regular file that resolves inside `root` (symlinks followed)."""
    try:
        resolved = path.resolve(strict=True)
        root_resolved = root.resolve()
    except (OSError, RuntimeError):
        return None
    if not resolved.is_relative_to(root_resolved) or not resolved.is_file():
        return None
    return resolved


def is_spec(path: Path) -> bool:
    """Does the file look like an OpenAPI / AsyncAPI document (JSON or YAML)? Its key may come
    anywhere: a generator that sorts keys writes `"openapi"` after all of `components`."""
    try:
        with open(path, "rb") as f:
            text = f.read(SPEC_SNIFF_BYTES).lower()
    except OSError:
        return False
    return any(key in text for key in (b"openapi", b"swagger", b"asyncapi"))


SPEC_SNIFF_BYTES = 64 << 20
"""How much of a saved JSON/YAML file is searched for the key that makes it a spec."""


def config_refs(docs_dir: Path, config_file: str) -> frozenset[str]:
    """Files docs.json pulls in with `$ref` (a change to them is a configuration change)."""
    found: set[str] = set()
    pending = [docs_dir / config_file]
    while pending and len(found) < 200:
        path = pending.pop()
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError):
            continue
        stack = [data]
        while stack:
            value = stack.pop()
            if isinstance(value, dict):
                ref = value.get("$ref")
                if isinstance(ref, str) and not ref.startswith("#"):
                    target = (path.parent / ref).resolve()
                    rel = relative(target, docs_dir)
                    if rel is not None and rel not in found:
                        found.add(rel)
                        pending.append(target)
                stack.extend(value.values())
            elif isinstance(value, list):
                stack.extend(value)
    return frozenset(found)


def make_work_dir() -> Path:
    """The private folder of one preview server (outside the docs folder)."""
    return Path(tempfile.mkdtemp(prefix="mintrender-preview-"))


def remove_work_dir(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
