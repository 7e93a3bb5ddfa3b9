"""The whole result of the last check of a docs folder, reused while nothing it read changed.

`mintrender check` reads only files of the docs folder (remote specs are not fetched) and
mintrender's own sources, so its findings are a function of those files and of the options.
This module keys a result by all of them: the text of every file check may read (pages,
snippets, specs, config, ignore files, styles and scripts) and the size and modification time
of every other file (images and downloads: only their existence matters to a link). A check run
again on an unchanged folder returns the findings before the pipeline is even imported; any
change falls back to the per-page cache (`mintrender.check.cache`).

Deliberately light: nothing of the pipeline is imported here (start-up time is most of a warm
run).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import mintrender
from mintrender.cache import default_cache_root, digest

if TYPE_CHECKING:
    from mintrender.check.options import CheckOptions, CheckResult

FORMAT = 1
"""Bumped when the layout of the memo file changes."""

SKIPPED_DIRS = frozenset(
    "node_modules build dist coverage .cache tmp temp __pycache__ _site".split()
)
"""Folders the source walk never enters (`mintrender.load.sources.IGNORED_DIRS`; every
dot-folder is skipped as well)."""

TEXT_SUFFIXES = frozenset(
    ".mdx .md .markdown .json .yaml .yml .toml .js .jsx .ts .tsx .css .txt .html .htm .svg".split()
)
"""Files keyed by their content; any other file by its size and modification time."""


def default_cache_dir() -> Path:
    """`check/` in mintrender's cache folder (`$MINTRENDER_CACHE_DIR`, else the user's)."""
    return default_cache_root() / "check"


LIBRARIES = ("markdown_it", "mdit_py_plugins", "yaml", "jsonschema", "pygments")
"""Libraries whose upgrade can change a finding (their `__init__.py` is rewritten then)."""


def code_fingerprint() -> str:
    """mintrender's own version and sources, Python's version and the libraries that parse
    and validate: a changed renderer never reuses old findings."""
    rows = [mintrender.__version__, sys.version]
    for package in ("mintrender", "mintrender.components"):  # found, not imported
        spec = importlib.util.find_spec(package)
        rows += _stat_rows(Path(spec.origin if spec and spec.origin else "").parent)
    for library in LIBRARIES:
        spec = importlib.util.find_spec(library)
        if spec is not None and spec.origin:
            st = os.stat(spec.origin)
            rows.append(f"{spec.origin}:{st.st_mtime_ns}:{st.st_size}")
    return digest(*rows)


def _stat_rows(root: Path, suffixes: tuple[str, ...] = (".py", ".json")) -> list[str]:
    rows = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(suffixes):
                st = os.stat(os.path.join(folder, name))
                rows.append(f"{folder}/{name}:{st.st_mtime_ns}:{st.st_size}")
    return rows


def folder_key(docs_dir: Path) -> str | None:
    """Every file of the docs folder the check may look at: text by content, others by stat.
    None when a folder in it is a symbolic link (what it shows may change with no file inside
    the docs folder changing): such a folder is checked every time."""
    h = hashlib.blake2b(digest_size=16)
    for folder, dirs, files in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        if any(os.path.islink(os.path.join(folder, d)) for d in dirs):
            return None
        h.update(f"D{folder}\0".encode("utf-8", "surrogatepass"))
        for name in sorted(files):
            path = os.path.join(folder, name)
            h.update(f"F{name}\0".encode("utf-8", "surrogatepass"))
            try:
                st = os.stat(path)
                text = os.path.splitext(name)[1].lower() in TEXT_SUFFIXES or name.startswith(".")
                if text and stat.S_ISREG(st.st_mode):  # never a pipe: opening one waits
                    with open(path, "rb") as f:
                        h.update(hashlib.blake2b(f.read(), digest_size=16).digest())
                else:
                    h.update(f"{st.st_mode}:{st.st_size}:{st.st_mtime_ns}".encode())
            except OSError:
                h.update(b"?")  # a dangling link, or unreadable: keyed as such
    return h.hexdigest()


def run_key(options: CheckOptions) -> str | None:
    """The memo key of one check run: code, options and the docs folder's files."""
    folder = folder_key(options.docs_dir)
    if folder is None:
        return None
    return digest(
        str(FORMAT),
        code_fingerprint(),
        str(options.docs_dir),
        "\n".join(options.files),
        repr(options.validate_openapi),
        repr(options.safe),
        folder,
    )


def _memo_path(options: CheckOptions) -> Path | None:
    if options.cache_dir is None:
        return None
    return options.cache_dir / f"{digest(str(options.docs_dir))}.result.pickle"


def recall(options: CheckOptions) -> tuple[str | None, CheckResult | None]:
    """The key of this run, and the result stored under it (None: not checked in this state)."""
    path = _memo_path(options)
    key = run_key(options) if path is not None else None
    if path is None or key is None:
        return key, None
    try:
        data: Any = pickle.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - missing, damaged or foreign: check afresh
        return key, None
    if isinstance(data, dict) and data.get("key") == key:
        return key, data.get("result")
    return key, None


def remember(options: CheckOptions, key: str | None, result: CheckResult) -> None:
    path = _memo_path(options)
    if path is None or not key or result.fatal is not None:
        return
    if any(d.code == "internal-error" for d in result.diagnostics):
        return  # a failure of ours may not happen again: never replayed
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps({"key": key, "result": result}))
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: the next run checks again
