"""Finding OpenAPI documents in a docs folder with a cheap look at each file's top level."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from mintrender.load.contain import is_outside_link
from mintrender.load.sources import SPEC_SUFFIXES

_SKIP_DIRS = {"node_modules", "snippets", "_site"}
_YAML_TOP = re.compile(r"^['\"]?(openapi|swagger)['\"]?\s*:", re.M)
_JSON_KEY = re.compile(r"\"(openapi|swagger)\"\s*:")
_HEAD = 4096


def find_spec_files(docs_dir: Path) -> list[str]:
    """POSIX paths (relative to `docs_dir`) of files whose top level has `openapi` or `swagger`.

    Skips dot-folders, `node_modules`, `snippets` and the default output folder `_site`.
    AsyncAPI and other JSON/YAML files are left out silently.
    """
    found: list[str] = []
    for root, dirs, files in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
        for name in sorted(files):
            if not name.lower().endswith(SPEC_SUFFIXES):
                continue
            path = Path(root) / name
            if is_outside_link(docs_dir, path):
                continue  # never read; discovery (load/sources.py) warns about it
            if _looks_like_spec(path):
                found.append(path.relative_to(docs_dir).as_posix())
    return sorted(found)


def _looks_like_spec(path: Path) -> bool:
    try:
        with path.open("r", encoding="utf-8-sig", errors="replace") as fh:
            head = fh.read(_HEAD)
    except OSError:
        return False
    if path.suffix.lower() != ".json":
        return bool(_YAML_TOP.search(head))
    if not _JSON_KEY.search(head):
        return False
    try:  # the key may sit in a nested object; only a top-level key counts
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return True  # broken JSON that looks like a spec: loading reports the syntax error
    return isinstance(data, dict) and ("openapi" in data or "swagger" in data)
