"""The OpenAPI index in the build cache: a warm build does not parse its specs again.

Kept with the index: a digest of every file the spec loader read and the diagnostics loading
gave (replayed on reuse). An index that fetched anything over the network, read a file outside
the docs folder or hit a bug is not kept.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mintrender.cache import Store, code_fingerprint, digest
from mintrender.errors import Diagnostics

if TYPE_CHECKING:
    from mintrender.openapi.refs import SpecStore
    from mintrender.openapi.resolve import ApiIndex

_NAME = "api-index"


def load_index(
    docs_dir: Path,
    files: list[str],
    diagnostics: Diagnostics,
    fetched: dict[str, Path],
    fetch: Callable[[str], Path | None],
    cache: tuple[Store, str] | None,
) -> ApiIndex:
    """`load_api_index` of `files` (and the `fetched` remote specs), from the build cache
    `cache` (the store, and a key of every JSON and YAML file of the docs folder) when it holds
    the index of the same files and every file their `$ref`s read is as it was."""
    from mintrender.openapi import load_api_index  # start-up time (see render/apipages.py)

    if cache is None or fetched:
        return load_api_index(docs_dir, files, diagnostics, fetched, fetch)
    store, files_key = cache
    key = digest(code_fingerprint(), str(docs_dir), files_key, "\n".join(files))
    found = store.get(_NAME, key)
    if isinstance(found, tuple) and len(found) == 3 and _same_files(found[1]):
        index, _, replay = found
        if index.store is not None:
            index.store.diagnostics, index.store.fetch = diagnostics, fetch
        diagnostics.extend(replay)
        return index
    fetches: list[str] = []

    def counted(url: str) -> Path | None:
        fetches.append(url)
        return fetch(url)

    start = len(diagnostics)
    index = load_api_index(docs_dir, files, diagnostics, fetched, counted)
    replay = diagnostics[start:]
    spec_store = index.store
    if spec_store is None:
        return index
    spec_store.fetch = fetch
    read = _read_files(spec_store)
    if read is None or fetches or any(d.code == "internal-error" for d in replay):
        return index
    spec_store.diagnostics, spec_store.fetch = None, None  # type: ignore[assignment]
    try:
        store.put(_NAME, key, (index, read, list(replay)))
    finally:
        spec_store.diagnostics, spec_store.fetch = diagnostics, fetch
    return index


def _read_files(store: SpecStore) -> dict[Path, str] | None:
    """Every file the spec loader read, with a digest of its bytes; None when one is missing
    or outside the docs folder (such an index is not kept)."""
    out = {}
    for path, source in store.files():
        if source is None or not path.is_relative_to(store.docs_dir):
            return None
        try:
            out[path] = digest(path.read_bytes().hex())
        except OSError:
            return None
    return out


def _same_files(read: Any) -> bool:
    """Whether every file a kept index read (`_read_files`) still has the same bytes."""
    if not isinstance(read, dict):
        return False
    for path, known in read.items():
        try:
            if digest(path.read_bytes().hex()) != known:
                return False
        except OSError:
            return False
    return True
