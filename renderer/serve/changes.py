"""Which work a changed file causes (DESIGN.md "Incremental builds").

`ChangeMapping.apply_changes()` turns a batch of watcher events into invalidations of
`SiteState` (it is a base class of it) and the set of pages whose tabs must reload:

* a page, snippet or other imported file: the pages whose `depends_on` lists it are re-parsed
  and re-rendered (a page depends on itself); a save that did not change the content of any
  file a page read (editor "save", `touch`, undo) does nothing;
* docs.json (or a file it `$ref`s): configuration and navigation are reloaded and every page is
  re-rendered, none re-parsed (unless `variables` changed: they are substituted while parsing);
  a docs.json that cannot be read keeps the last good configuration and becomes an error
  overlaid on every page;
* a file added or removed, or `.mintignore`: sources are rediscovered, URLs and navigation
  rebuilt, every page re-rendered (pages with unresolved imports re-parsed);
* an OpenAPI spec: the API stage is reloaded and the API pages re-rendered;
* an image or other static file: nothing to render, the pages linking to it reload;
* the theme (templates, CSS, JS, or the docs folder's `_theme/`): every page is templated again.

Only bookkeeping happens here, and reading the frontmatter of changed pages (the sidebar of every
page shows their titles): the reload is signalled right away and the pages are rendered just
after, by the background pass (the pages viewed last first) or by the reloading tab's request,
which waits on the state's lock and so never sees the old page.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from mintrender.build import SiteInputs, load_inputs, new_record
from mintrender.errors import Diagnostic, Diagnostics
from mintrender.load.config import ConfigError
from mintrender.load.sources import discover

if TYPE_CHECKING:
    from mintrender.serve.state import SiteState

ChangeKind = Literal["added", "modified", "deleted"]
CONFIG_FILES = ("docs.json", "mint.json")
NAV_KEYS = (
    "title",
    "sidebarTitle",
    "icon",
    "iconType",
    "tag",
    "api",
    "openapi",
    "hideApiMarker",
    "deprecated",
    "hidden",
    "url",
)
"""Frontmatter keys the navigation shows (see `navview.page_info`)."""
SPEC_SUFFIXES = (".json", ".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class Update:
    """What applying one batch of file changes did."""

    affected: frozenset[str] | None
    """Site paths whose open tabs must reload; None = every page; empty = nothing to do."""
    pages: int
    """Pages to re-render (done by the background pass, or by the first request for them)."""
    seconds: float
    summary: str
    """One line for the console, e.g. `intro.mdx: 1 page re-rendered`."""


class ChangeMapping:
    """The change-handling half of `SiteState`."""

    def apply_changes(self: SiteState, changes: Iterable[tuple[ChangeKind, str | Path]]) -> Update:
        """Map changed files to work and say which pages must reload.

        Only bookkeeping happens here (invalidation, and reading the frontmatter of changed
        pages, which the sidebar of every page shows): the pages are re-rendered right after,
        by the background pass (the pages viewed last first) or by the reloading tab's request,
        which waits on the lock and so never sees the old page.
        """
        t0 = time.perf_counter()
        with self.foreground():
            update = self._apply(list(changes))
            self.last_change = time.monotonic()
        seconds = time.perf_counter() - t0
        return Update(update[0], update[1], seconds, update[2])

    def _apply(
        self: SiteState, changes: list[tuple[ChangeKind, str | Path]]
    ) -> tuple[frozenset[str] | None, int, str]:
        every = False
        templates = bundles = config = structure = False
        files: list[str] = []
        names: list[str] = []
        for kind, raw in changes:
            path = Path(raw)
            theme_rel = relative(path, self.theme)
            if theme_rel is not None:
                names.append("theme/" + theme_rel)
                if theme_rel.startswith("static/"):
                    bundles = True
                else:
                    templates = True
                continue
            rel = relative(path, self.docs_dir)
            if rel is None:
                continue
            names.append(rel)
            self.reader.forget(rel)
            if rel.startswith("_theme/"):
                templates = True
                continue
            if rel in CONFIG_FILES or rel in self.config_refs:
                config = True
            if rel == ".mintignore" or self._adds_or_removes(kind, path, rel):
                structure = True
            files.append(rel)
        if self.inputs is None:
            self.load()
            return None, 0, _summary(names, "configuration loaded" if not self.fatal else "")
        if templates or bundles:
            self.template_failures.clear()
            self.outputs.theme_changed_locked()
            self._nav_changed()
            every = True
        if config:
            every = self._reload_config() or every
        elif structure:
            self._rediscover(files)
            every = True
        touched: set[str] = set()
        reload: set[str] = set()
        specs = False
        for rel in files:
            if rel in CONFIG_FILES or rel in self.config_refs:
                continue
            pages = set(self.dependents.get(rel, ()))
            if rel in self.records:
                pages.add(rel)
            for page in pages:
                if self._changed(page):
                    touched.add(page)
            if rel.endswith(SPEC_SUFFIXES) and is_spec(self.docs_dir / rel):
                specs = True
            elif not pages and self.inputs is not None and rel in self.static_set():
                users = self._pages_using(rel)
                if users is None:
                    every = True
                reload |= users or set()
        if specs:
            touched |= self._reload_api()
        labels_moved = False
        for rel in touched:
            self._mark_stale(rel, reparse=True)
            record = self.records.get(rel)
            if record is not None and rel not in self.generated:
                # what the sidebar shows comes from frontmatter: read it now, render later
                frontmatter = self._quick_frontmatter(rel)
                if _nav_fields(frontmatter) != _nav_fields(record.frontmatter):
                    record.set_frontmatter(frontmatter)
                    labels_moved = True
        if labels_moved:
            self._nav_changed()
            every = True
        if touched:
            self.outputs.pages_changed_locked()
        if every:
            return None, len(self.stale), _summary(names, "every page reloads")
        affected = frozenset(
            self.records[rel].site_path for rel in touched | reload if rel in self.records
        )
        if touched:
            what = f"{len(touched)} page{'s' if len(touched) > 1 else ''} to re-render"
        else:
            what = "reload" if reload else "nothing changed"
        return affected, len(touched), _summary(names, what)

    def _adds_or_removes(self: SiteState, kind: ChangeKind, path: Path, rel: str) -> bool:
        """Does the event change which files exist? Atomic saves (write a temporary file,
        rename it over the page) report the page as added: it is only modified."""
        if kind == "modified":
            return False
        inputs = self.inputs
        known = inputs is not None and (
            rel in self.records or rel in self.static_set() or rel in inputs.sources.snippets
        )
        exists = path.exists()
        return (exists and not known) if kind == "added" else (known and not exists)

    def _changed(self: SiteState, rel: str) -> bool:
        """False when a page's files hold what it was parsed from (a save without edits)."""
        if rel not in self.parsed or rel in self.generated or self.inputs is None:
            return True
        salt = variables_key(self.inputs.config.variables)
        return self.parse_cache.lookup(rel, salt, self.reader) is None

    def _pages_using(self: SiteState, rel: str) -> set[str] | None:
        """Pages linking to a static file; None when unknown (user CSS/JS: every page)."""
        assert self.inputs is not None
        if rel in self.inputs.sources.user_css or rel in self.inputs.sources.user_js:
            return None
        users = {
            p
            for p, r in self.records.items()
            if r.rendered is not None and rel in r.rendered.assets
        }
        return users or None

    def _reload_config(self: SiteState) -> bool:
        """New docs.json: re-render all, re-parse none. A broken one keeps the last good."""
        diagnostics = Diagnostics()
        try:
            inputs = load_inputs(self.docs_dir, None, diagnostics)
        except ConfigError as exc:
            self.config_problems = (config_error(exc),)
            self.html.clear()
            return True
        old = self.inputs
        self.config_problems = ()
        self.inputs = inputs
        self.site_diagnostics = tuple(diagnostics)
        self.config_refs = config_refs(self.docs_dir, inputs.config.config_file)
        reparse = old is None or old.config.variables != inputs.config.variables
        self._sync_pages(inputs.sources.pages)
        self._structure_changed()
        if reparse:
            self.parsed.clear()
        return True

    def _rediscover(self: SiteState, files: list[str]) -> None:
        """Files came or went: new sources; pages that may name a new file are re-parsed."""
        assert self.inputs is not None
        sources = discover(self.docs_dir)
        self.inputs = SiteInputs(self.inputs.config, sources, self.inputs.nav, self.inputs.slots)
        self._sync_pages(sources.pages)
        # an import or <Snippet file> that did not resolve names the file by its stem
        stems = {Path(rel).stem for rel in files if Path(rel).stem}
        for rel in list(self.parsed):
            text = self.reader(rel) or ""
            unresolved = any(d.code == "mdx-import" for d in self.parse_diagnostics.get(rel, ()))
            if unresolved or any(stem in text for stem in stems):
                self.parsed.pop(rel, None)
                self.parse_cache.forget(rel)  # its files are the same, what exists is not
        self._structure_changed()

    def _sync_pages(self: SiteState, pages: Iterable[str]) -> None:
        wanted = set(pages)
        for rel in [r for r in self.records if r not in wanted and r not in self.generated]:
            del self.records[rel]
            self._drop_page(rel)
        for rel in sorted(wanted - set(self.records)):
            self.records[rel] = new_record(rel, self._quick_frontmatter(rel))

    def _reload_api(self: SiteState) -> set[str]:
        """A spec changed: reload the API stage; the pages it rendered must render again."""
        api_pages = {
            rel
            for rel, r in self.records.items()
            if r.kind == "api"
            or rel in self.generated
            or isinstance(r.frontmatter.get("openapi"), str)
            or isinstance(r.frontmatter.get("api"), str)
        }
        if self.generated:  # navigation names operations: their pages may come or go
            self._structure_changed()
            return api_pages | self.generated
        from mintrender.serve.state import LazyApiStage

        self.api = LazyApiStage(self._load_api)
        return api_pages


def is_spec(path: Path) -> bool:
    """Does the file look like an OpenAPI / AsyncAPI document (JSON or YAML)?"""
    try:
        with open(path, "rb") as f:
            head = f.read(4096).lower()
    except OSError:
        return False
    return any(key in head for key in (b"openapi", b"swagger", b"asyncapi"))


def config_error(exc: ConfigError) -> Diagnostic:
    """`docs.json:1:49: invalid JSON: ...` as a Diagnostic."""
    text = str(exc)
    m = re.match(r"([^:]+):(\d+):(\d+): (.*)", text, re.S)
    if m:
        return Diagnostic(
            "error", m.group(1), int(m.group(2)), int(m.group(3)), "config", m.group(4)
        )
    return Diagnostic("error", "docs.json", 0, 0, "config", text)


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


_STATIC_SETS: dict[int, frozenset[str]] = {}


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


def _nav_fields(frontmatter: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(frontmatter.get(key) for key in NAV_KEYS)


def _summary(names: list[str], what: str) -> str:
    shown = ", ".join(sorted(set(names))[:3])
    more = len(set(names)) - 3
    if more > 0:
        shown += f" (+{more})"
    return f"{shown}: {what}" if what else shown


def variables_key(variables: dict[str, str]) -> str:
    """Part of the parse cache key: docs.json `variables` are substituted while parsing."""
    return json.dumps(variables, sort_keys=True, default=str)
