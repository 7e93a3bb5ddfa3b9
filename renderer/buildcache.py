"""What `build` keeps between runs: each page as rendered, with the findings it produced.

A page entry (`PageStore`) holds the finished record (rendered body, API view, Markdown copy;
no tokens), the diagnostics its parse and render reported, and the hash of every docs file the
page read (its own text, its snippets, any file a component looked at). It is reused when

* the **site key** is the same: mintrender's code fingerprint, the build options that change
  output (mode, base URL, `--safe`), docs.json, the lists of pages, snippets and other files
  (which pages exist decides how links are written), every site path (generated API pages
  included) and the text of every spec; and
* every file the page read still hashes the same (a page that read the clock, `new Date()`,
  counts the day as one of its files: it is rendered again the next day).

Everything the build makes from the whole site (navigation, sidebars, search index, the write
stage) is made again from the pages, so a warm build writes what a cold one would.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mintrender.cache import Store, code_fingerprint, digest, site_store
from mintrender.components import REGISTRY
from mintrender.errors import Diagnostic
from mintrender.model import BuildOptions, PageRecord
from mintrender.parse.jsdate import CLOCK, clock_stamp, take_clock_read

if TYPE_CHECKING:
    from mintrender.load.config import SiteConfig
    from mintrender.load.sources import Reader, SourceFiles, Status
    from mintrender.render.apipages import ApiStage

SPEC_SUFFIXES = (".json", ".yaml", ".yml")


def options_key(options: BuildOptions) -> str:
    """The build options a rendered page depends on (not the output folder, jobs or zip)."""
    return digest(options.mode, options.base_url, repr(options.safe))


def site_key(
    config: SiteConfig,
    sources: SourceFiles,
    api: ApiStage,
    site_paths: Iterable[str],
    *extra: str,
) -> str:
    """Everything around a page its result depends on (`check` and `build` alike)."""
    store = api.index.store
    specs = []
    for rel in sorted(api.index.specs):
        src = store.named(rel) if store is not None else None
        specs.append(f"{rel}:{digest(src.text) if src is not None else ''}")
    return digest(
        code_fingerprint(),
        config.config_file,
        json.dumps(config.raw, sort_keys=True, default=str),
        "\n".join(sources.pages),
        "\n".join(sources.snippets),
        "\n".join(sources.static),
        "\n".join(sources.user_css + sources.user_js),
        "\n".join(sorted(site_paths)),
        "\n".join(specs),
        registry_key(),
        *extra,
    )


def registry_key() -> str:
    """Which function draws each component: the registry is replaceable at run time (a plugin,
    a test injecting a failure), and a page drawn by another function is another page."""
    rows = []
    for name, spec in sorted(REGISTRY.items()):
        functions = (spec.render, spec.markdown, spec.markdown_inline)
        rows.append(name + ":" + ",".join(_qualified(f) for f in functions))
    return digest(*rows)


def _qualified(function: Any) -> str:
    if function is None:
        return ""
    return f"{getattr(function, '__module__', '')}.{getattr(function, '__qualname__', '')}"


def spec_files_key(docs_dir: Path, sources: SourceFiles) -> str:
    """The text of every JSON and YAML file of the docs folder: OpenAPI and AsyncAPI specs and
    the files their `$ref`s name."""
    rows = []
    for rel in sources.static:
        if rel.endswith(SPEC_SUFFIXES):
            try:
                rows.append(f"{rel}:{digest((docs_dir / rel).read_bytes().hex())}")
            except OSError:
                rows.append(f"{rel}:")
    return digest(*rows)


@dataclasses.dataclass(slots=True)
class CachedPage:
    record: PageRecord
    diagnostics: list[Diagnostic]
    files: dict[str, str]
    """Docs file -> digest of its text when the page was rendered."""


class PageStore:
    """Rendered pages of one docs folder under one site key."""

    def __init__(self, folder: Path | None, docs_dir: Path, key: str, options: str) -> None:
        self.store = site_store(folder, docs_dir)
        self.key = key
        self.options = options
        self.reused: list[str] = []

    def _name(self, rel: str) -> str:
        return digest(rel, self.options)

    def get(self, rel: str, stamps: Stamps) -> CachedPage | None:
        """The page as last rendered, when nothing it read has changed since."""
        found: Any = self.store.get(self._name(rel), self.key)
        if not isinstance(found, CachedPage) or found.record.rel_path != rel:
            return None
        for file, known in found.files.items():
            if stamps.digest(file) != known:
                return None
        self.reused.append(rel)
        return found

    def reuse(self, rels: Iterable[str], read: Reader) -> dict[str, CachedPage]:
        """The pages of `rels` that are as last rendered (`get`), in order."""
        stamps = Stamps(self.store, read)
        found = {rel: self.get(rel, stamps) for rel in rels}
        stamps.save()
        return {rel: entry for rel, entry in found.items() if entry is not None}

    def inputs_key(self, entry: CachedPage, *extra: str) -> str:
        """Digest of what the page was rendered from (`PageRecord.inputs_key`)."""
        files = "\n".join(f"{f}:{h}" for f, h in sorted(entry.files.items()))
        return digest(self.key, entry.record.rel_path, files, *extra)

    def put(self, entry: CachedPage) -> None:
        """Keep a rendered page; one whose render hit a bug (`internal-error`) is not kept."""
        if any(d.code == "internal-error" for d in entry.diagnostics):
            return
        self.store.put(self._name(entry.record.rel_path), self.key, entry)

    @property
    def problem(self) -> str | None:
        return self.store.problem

    def noted(self, problem: str | None) -> None:
        """A problem a forked worker met keeping its pages (the first one counts)."""
        if self.store.problem is None:
            self.store.problem = problem


def folder_key(folder: Path) -> str:
    """The names and text of every file under `folder` (a site's `_theme/` overrides)."""
    if not folder.is_dir():
        return ""
    rows = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            try:
                rows.append(f"{path.relative_to(folder)}:{digest(path.read_bytes().hex())}")
            except OSError:
                rows.append(f"{path}:")
    return digest(*rows)


def file_digest(read: Reader, rel: str) -> str:
    if rel == CLOCK:  # a page that read the clock (`new Date()`): good for that day
        return clock_stamp()
    text = read(rel)
    return "-" if text is None else digest(text)


def file_digests(read: Reader, files: Iterable[str]) -> dict[str, str]:
    """The digests of what a page just rendered read: `files`, and the clock (`CLOCK`) when it
    read it (`new Date()`) since the last page's digests were taken."""
    inputs = set(files) | ({CLOCK} if take_clock_read() else set())
    return {f: file_digest(read, f) for f in sorted(inputs)}


STAMP_MARGIN_NS = 3_000_000_000
"""A file changed this close before a build began is not stamped: an edit within the same tick
of the file system's clock (2 s on FAT) would leave its status as it was (racy git)."""


class Stamps:
    """The digest of each docs file as a build found it, with the file's `Reader.status`
    (device, inode, size, modification and change times) taken before it was read, as git's
    index keeps them: while a file's status is the same, its digest is, and it is not read and
    hashed again. An edit changes the change time, which no tool sets back, and a file replaced
    by another has another inode. A file changed in the `STAMP_MARGIN_NS` before the build
    began gets no stamp: it is hashed each time until it settles."""

    NAME = "source-stamps"
    KEY = "source-stamps-1"

    def __init__(self, store: Store, read: Reader) -> None:
        """`read`: a `Reader.stamping` reader (each status taken before the first read)."""
        self._store = store
        self._read = read
        old = store.get(self.NAME, self.KEY)
        self._old: dict[str, tuple[Status, str]] = old if isinstance(old, dict) else {}
        self._new: dict[str, tuple[Status, str]] = {}
        self._settled = time.time_ns() - STAMP_MARGIN_NS

    def digest(self, rel: str) -> str:
        """`file_digest(read, rel)`, known without reading while the file is the same."""
        if rel == CLOCK:
            return clock_stamp()
        status = self._read.status(rel)
        if status is not None:
            known = self._old.get(rel)
            if known is not None and known[0] == status:
                self._new[rel] = known
                return known[1]
        value = file_digest(self._read, rel)
        if status is not None and max(status[3], status[4]) < self._settled:
            self._new[rel] = (status, value)  # a change made after the status was taken gives
        return value  # the file another status: the next build reads it again

    def save(self) -> None:
        """Keep the stamps of the files this build looked at, when they changed."""
        if self._new != self._old:
            self._store.put(self.NAME, self.KEY, self._new)


def unique(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics without repeats, first seen first: a finding about a shared file (a spec, a
    snippet) is reported by the page that read it first, cached or not."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for d in diagnostics:
        key = (d.severity, d.file, d.line, d.column, d.code, d.message, d.hint)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out
