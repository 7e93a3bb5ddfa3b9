"""The set of parsed spec files and `$ref` lookup within and across them."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin

from mintrender.errors import Diagnostics, Severity
from mintrender.fileio import is_file
from mintrender.load.contain import outside_link_message
from mintrender.openapi.source import SpecSource, join_pointer, read_source, split_pointer

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")

Located = tuple[Any, SpecSource, str]
"""A node, the file holding it and its JSON pointer there."""


class SpecStore:
    """Parsed files by absolute path, `$ref` resolution and deduplicated diagnostics."""

    def __init__(
        self,
        docs_dir: Path,
        diagnostics: Diagnostics,
        fetch: Callable[[str], Path | None] | None = None,
    ) -> None:
        self.docs_dir = docs_dir.resolve()
        self.fetch = fetch
        """URL -> cached file (load/remote.py), for `$ref`s to URLs; None: not followed."""
        self.diagnostics = diagnostics
        self._sources: dict[Path, SpecSource | None] = {}
        self._reported: set[tuple[str, str, str]] = set()
        self._quiet = False  # `inline(report=False)`: nothing reported meanwhile
        self.downloaded: dict[Path, str] = {}
        """Specs fetched from a URL (load/remote.py): cached file -> the URL, its name."""

    def rel(self, abs_path: Path) -> str:
        """POSIX path relative to the docs folder (absolute when outside it), or the URL of a
        downloaded spec."""
        if abs_path in self.downloaded:
            return self.downloaded[abs_path]
        try:
            return abs_path.relative_to(self.docs_dir).as_posix()
        except ValueError:
            return abs_path.as_posix()

    def files(self) -> list[tuple[Path, SpecSource | None]]:
        """Every file asked for so far (resolved), with what it gave (None: not read)."""
        return list(self._sources.items())

    def named(self, rel: str) -> SpecSource | None:
        """The spec the site names `rel`: a file of the docs folder, or the URL it was fetched
        from (None when it was not: a URL is never read as a file of the docs folder)."""
        for path, url in self.downloaded.items():
            if url == rel:
                return self.load(path)
        return None if _URL.match(rel) else self.load(self.docs_dir / rel)

    def load(self, abs_path: Path) -> SpecSource | None:
        """Parse a file once; later calls return the cached result."""
        link, abs_path = abs_path, abs_path.resolve()
        if abs_path not in self._sources:
            if abs_path.is_relative_to(self.docs_dir) or abs_path in self.downloaded:
                self._sources[abs_path] = read_source(
                    abs_path, self.rel(abs_path), self.diagnostics
                )
            else:  # a link leading outside the docs folder: its target is never read
                rel = self.rel(link.absolute())
                self.diagnostics.warning(rel, 1, 1, "symlink-outside", outside_link_message(rel))
                self._sources[abs_path] = None
        return self._sources[abs_path]

    def report(
        self,
        src: SpecSource,
        pointer: str,
        code: str,
        message: str,
        severity: Severity = "warning",
    ) -> None:
        """Add a diagnostic located at `pointer` of `src`, once per place and code (none
        while `inline(report=False)` runs)."""
        key = (src.rel_path, pointer, code)
        if key in self._reported or getattr(self, "_quiet", False):
            return
        self._reported.add(key)
        line, col = src.position(pointer)
        self.diagnostics.add(severity, src.rel_path, line, col, code, message)

    def find(self, ref: str, src: SpecSource) -> Located | None:
        """`lookup` reporting nothing: for a `$ref` the load met (and reported) already."""
        self._quiet = True
        try:
            return self.lookup(ref, src, "")
        finally:
            self._quiet = False

    def lookup(self, ref: str, src: SpecSource, at: str) -> Located | None:
        """Find the target of `ref`, the `$ref` of the object at pointer `at` of `src`. A
        problem is reported at the `$ref` itself, whoever asks (the loader, the check), so each
        bad `$ref` gives one finding at one place."""
        at = join_pointer(at, "$ref")
        file_part, _, fragment = ref.partition("#")
        target = src
        base_url = self.downloaded.get(src.abs_path)
        if file_part and self.fetch is not None and (base_url or _URL.match(file_part)):
            url = urljoin(base_url or "", file_part)
            path = self.fetch(url)
            if path is None:
                self.report(src, at, "openapi-remote-ref", f"$ref '{ref}': {url} cannot be had")
                return None
            self.downloaded.setdefault(path.resolve(), url)
            loaded = self.load(path)
            if loaded is None:
                return None
            target = loaded
        elif file_part:
            if _URL.match(file_part):
                self.report(
                    src,
                    at,
                    "openapi-remote-ref",
                    f"remote $ref '{ref}' is not followed (--safe builds fetch nothing unless "
                    "--allow-remote-specs); copy the file next to the spec and use a relative path",
                )
                return None
            abs_path = (src.abs_path.parent / unquote(file_part)).resolve()
            if not abs_path.is_relative_to(self.docs_dir):
                self.report(src, at, "openapi-ref", f"$ref '{ref}' points outside the docs folder")
                return None
            if not is_file(abs_path):
                self.report(src, at, "openapi-ref", f"$ref '{ref}': file '{file_part}' not found")
                return None
            if abs_path.suffix.lower() not in SPEC_SUFFIXES:
                self.report(
                    src,
                    at,
                    "openapi-ref",
                    f"$ref '{ref}' names '{file_part}', which is not a JSON or YAML file (.json, "
                    ".yaml or .yml); it is not followed",
                )
                return None
            loaded = self.load(abs_path)
            if loaded is None:
                return None
            target = loaded
        node: Any = target.data
        for tok in split_pointer(fragment):
            if isinstance(node, dict) and tok in node:
                node = node[tok]
            elif isinstance(node, list) and tok.isdigit() and int(tok) < len(node):
                node = node[int(tok)]
            else:
                self.report(
                    src,
                    at,
                    "openapi-ref",
                    f"unresolved $ref '{ref}': no '{tok}' in {target.rel_path}",
                )
                return None
        return node, target, "#" + fragment if fragment else ""

    def deref(self, node: Any, src: SpecSource, pointer: str, *, report: bool = True) -> Located:
        """Follow a chain of `$ref`s (non-schema objects) from `node`, found at `pointer` of
        `src`; unresolved refs give `{}`. `report=False` when the caller does not know where
        `node` is (what a misplaced finding would say is wrong): the walk of the spec, or the
        loader, reports that `$ref` at its place."""
        if not report:
            quiet, self._quiet = self._quiet, True
            try:
                return self.deref(node, src, pointer)
            finally:
                self._quiet = quiet
        seen: set[tuple[Path, str]] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            found = self.lookup(ref, src, pointer)
            if found is None:
                return {}, src, pointer
            node, src, frag = found
            key = (src.abs_path, frag)
            if key in seen:
                self.report(src, frag.lstrip("#"), "openapi-ref", f"$ref '{ref}' loops on itself")
                return {}, src, pointer
            seen.add(key)
            pointer = frag.lstrip("#")
        return node, src, pointer

    def inline(
        self,
        value: Any,
        src: SpecSource,
        pointer: str,
        *,
        report: bool = True,
        keep: frozenset[tuple[Path, str]] = frozenset(),
    ) -> Any:
        """An example value with every `{"$ref": ...}` inside it replaced by what it names
        (Mintlify's parser dereferences the whole document, examples included: Phonic writes
        `agents: [{$ref: '#/components/examples/Agent/value'}]`). A `$ref` to nothing stays
        as written (and is reported unless `report` is off: the loader reported it already);
        one inside its own target stays too, as does one to a target in `keep` ((file,
        fragment) pairs: `value` is that target, its self-references stay references)."""
        if not report:
            self._quiet = True
            try:
                return self.inline(value, src, pointer, keep=keep)
            finally:
                self._quiet = False
        budget = [MAX_INLINED_REFS]

        def walk(
            node: Any, src: SpecSource, at: str, chain: frozenset[tuple[Path, str]], depth: int
        ) -> Any:
            if depth > 64:
                return node
            if isinstance(node, list):
                return [
                    walk(v, src, join_pointer(at, i), chain, depth + 1) for i, v in enumerate(node)
                ]
            if not isinstance(node, dict):
                return node
            ref = node.get("$ref")
            if isinstance(ref, str) and budget[0] > 0:
                budget[0] -= 1
                found = self.lookup(ref, src, at)
                if found is not None:
                    target, target_src, frag = found
                    key = (target_src.abs_path, frag)
                    if key not in chain:
                        return walk(target, target_src, frag.lstrip("#"), chain | {key}, depth + 1)
                return node
            return {
                k: walk(v, src, join_pointer(at, str(k)), chain, depth + 1) for k, v in node.items()
            }

        if not _holds_ref(value, 0):
            return value
        return walk(value, src, pointer, keep, 0)


SPEC_SUFFIXES = (".json", ".yaml", ".yml", "")
"""Files a `$ref` is followed into: a page, an image or other file is not a spec to parse
(an `.mdx` page's `---` rules read as YAML documents and failed the page itself)."""

MAX_INLINED_REFS = 500
"""`$ref`s one example may hold (a fan-out past that stays as written)."""


def _holds_ref(node: Any, depth: int) -> bool:
    if depth > 64:
        return False
    if isinstance(node, dict):
        return "$ref" in node or any(_holds_ref(v, depth + 1) for v in node.values())
    if isinstance(node, list):
        return any(_holds_ref(v, depth + 1) for v in node)
    return False


def ref_name(fragment: str) -> str:
    """Last token of a ref fragment: `#/components/schemas/Pet` -> `Pet`."""
    tokens = split_pointer(fragment)
    return tokens[-1] if tokens else ""
