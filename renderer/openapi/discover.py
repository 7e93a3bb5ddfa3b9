"""Finding OpenAPI documents in a docs folder with a cheap look at each file's top level."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from mintrender.fileio import regular_text
from mintrender.load.config import CONFIG_FILES
from mintrender.load.contain import is_outside_link
from mintrender.load.sources import SPEC_SUFFIXES

_SKIP_DIRS = {"node_modules", "snippets", "_site"}
_OPENAPI = ("openapi", "swagger")
_ASYNCAPI = ("asyncapi",)


def find_spec_files(docs_dir: Path, keys: tuple[str, ...] = _OPENAPI) -> list[str]:
    """POSIX paths (relative to `docs_dir`) of files whose top level has `openapi` or `swagger`.

    Skips dot-folders, `node_modules`, `snippets`, the default output folder `_site` and the
    config files (a legacy mint.json's top-level `"openapi": "openapi.json"` names a spec, it is
    not one). The whole file is read: a translated spec with sorted keys has `openapi` far down.
    AsyncAPI and other JSON/YAML files are left out silently (`keys=("asyncapi",)` finds
    AsyncAPI documents instead: see `find_asyncapi_files`).
    """
    found: list[str] = []
    for root, dirs, files in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
        for name in sorted(files):
            if not name.lower().endswith(SPEC_SUFFIXES) or name in CONFIG_FILES:
                continue
            path = Path(root) / name
            if is_outside_link(docs_dir, path):
                continue  # never read; discovery (load/sources.py) warns about it
            if _looks_like_spec(path, keys):
                found.append(path.relative_to(docs_dir).as_posix())
    return sorted(found)


def find_asyncapi_files(docs_dir: Path) -> list[str]:
    """POSIX paths of the AsyncAPI documents (top-level `asyncapi` key) in a docs folder."""
    return find_spec_files(docs_dir, _ASYNCAPI)


def _looks_like_spec(path: Path, keys: tuple[str, ...]) -> bool:
    try:
        text = regular_text(path, errors="replace")  # (a named pipe never ends: not read)
    except OSError:
        return False
    names = "|".join(keys)
    if path.suffix.lower() != ".json":
        return bool(re.search(rf"^['\"]?({names})['\"]?\s*:", text, re.M))
    if not re.search(rf"\"({names})\"\s*:", text):
        return False
    try:  # the key may sit in a nested object; only a top-level key counts
        data = json.loads(text)
    except (ValueError, RecursionError):
        return True  # broken JSON that looks like a spec: loading reports the syntax error
    return isinstance(data, dict) and any(k in data for k in keys)
