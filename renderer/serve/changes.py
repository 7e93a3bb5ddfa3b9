"""Which work a changed file causes (DESIGN.md "Incremental builds").

`apply_changes()` turns a batch of watcher events into invalidations of the preview's
`pages.Pages` and `outputs.SiteOutputs`, and the set of pages whose tabs must reload:

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

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from mintrender.load.config import CONFIG_FILES
from mintrender.load.sources import SPEC_SUFFIXES
from mintrender.model import PageMeta
from mintrender.serve.files import is_spec, relative
from mintrender.serve.outputs import SiteOutputs
from mintrender.serve.pages import Pages

ChangeKind = Literal["added", "modified", "deleted"]


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


def apply_changes(
    pages: Pages,
    outputs: SiteOutputs,
    theme: Path,
    changes: Iterable[tuple[ChangeKind, str | Path]],
) -> Update:
    """Map changed files to work and say which pages must reload (the state's lock held).

    Only bookkeeping happens here (invalidation, and reading the frontmatter of changed
    pages, which the sidebar of every page shows): the pages are re-rendered right after,
    by the background pass (the pages viewed last first) or by the reloading tab's request,
    which waits on the lock and so never sees the old page.
    """
    t0 = time.perf_counter()
    affected, count, summary = _apply(pages, outputs, theme, list(changes))
    return Update(affected, count, time.perf_counter() - t0, summary)


def _apply(
    pages: Pages,
    outputs: SiteOutputs,
    theme: Path,
    changes: list[tuple[ChangeKind, str | Path]],
) -> tuple[frozenset[str] | None, int, str]:
    every = False
    templates = config = structure = False
    files: list[str] = []
    names: list[str] = []
    for kind, raw in changes:
        path = Path(raw)
        theme_rel = relative(path, theme)
        if theme_rel is not None:
            names.append("theme/" + theme_rel)
            templates = True
            continue
        rel = relative(path, pages.docs_dir)
        if rel is None:
            continue
        names.append(rel)
        pages.reader.forget(rel)
        if rel.startswith("_theme/"):
            templates = True
            continue
        if rel in CONFIG_FILES or rel in pages.config_refs:
            config = True
        if rel == ".mintignore" or _adds_or_removes(pages, kind, path, rel):
            structure = True
        files.append(rel)
    if pages.inputs is None:
        pages.load()
        return None, 0, _summary(names, "configuration loaded" if not pages.fatal else "")
    if templates:
        pages.template_failures.clear()
        outputs.theme_changed()
        every = True
    if config:
        pages.reload_config()
        every = True
    elif structure:
        pages.rediscover(files)
        every = True
    touched: set[str] = set()
    reload: set[str] = set()
    specs = False
    read = pages.api.read_files() if pages.api is not None else set()
    for rel in files:
        if rel in CONFIG_FILES or rel in pages.config_refs:
            continue
        users = set(pages.dependents.get(rel, ()))
        if rel in pages.records:
            users.add(rel)
        touched.update(page for page in users if not pages.is_current(page))
        if rel in read or rel.endswith(SPEC_SUFFIXES) and is_spec(pages.docs_dir / rel):
            specs = True
        elif not users and pages.inputs is not None and rel in pages.static_set():
            linking = _pages_using(pages, rel)
            if linking is None:
                every = True
            reload |= linking or set()
    if specs:
        touched |= pages.reload_api()
    labels_moved = versions_moved = False
    for rel in touched:
        pages.mark_stale(rel, reparse=True)
        record = pages.records.get(rel)
        if record is not None and rel not in pages.generated:
            # what the sidebar shows comes from frontmatter: read it now, render later
            frontmatter = pages.frontmatter(rel)
            if frontmatter.get("version") != record.frontmatter.get("version"):
                versions_moved = _legacy(pages)  # a mint.json page's own version places it
            if _nav_fields(PageMeta.of(frontmatter)) != _nav_fields(record.meta):
                record.set_frontmatter(frontmatter)
                labels_moved = True
    if versions_moved:
        pages.reload_config()
        every = True
    if labels_moved:
        pages.nav_changed()
        every = True
    if every:
        return None, len(pages.stale), _summary(names, "every page reloads")
    affected = frozenset(
        pages.records[rel].site_path for rel in touched | reload if rel in pages.records
    )
    if touched:
        what = f"{len(touched)} page{'s' if len(touched) > 1 else ''} to re-render"
    else:
        what = "reload" if reload else "nothing changed"
    return affected, len(touched), _summary(names, what)


def _legacy(pages: Pages) -> bool:
    """Is the site's configuration a mint.json (whose pages' `version` the navigation reads)?"""
    return pages.inputs is not None and pages.inputs.config.config_file == "mint.json"


def _adds_or_removes(pages: Pages, kind: ChangeKind, path: Path, rel: str) -> bool:
    """Does the event change which files exist? Atomic saves (write a temporary file, rename
    it over the page) report the page as added: it is only modified."""
    if kind == "modified":
        return False
    inputs = pages.inputs
    known = inputs is not None and (
        rel in pages.records or rel in pages.static_set() or rel in inputs.sources.snippets
    )
    exists = path.exists()
    return (exists and not known) if kind == "added" else (known and not exists)


def _pages_using(pages: Pages, rel: str) -> set[str] | None:
    """Pages linking to a static file; None when unknown (user CSS/JS: every page)."""
    assert pages.inputs is not None
    if rel in pages.inputs.sources.user_css or rel in pages.inputs.sources.user_js:
        return None
    users = {
        p for p, r in pages.records.items() if r.rendered is not None and rel in r.rendered.assets
    }
    return users or None


def _nav_fields(meta: PageMeta) -> tuple[object, ...]:
    """What the navigation shows of a page (see `pageinfo.page_info`)."""
    return (
        meta.title,
        meta.sidebar_title,
        meta.icon,
        meta.icon_type,
        meta.tag,
        meta.api,
        meta.openapi,
        meta.hide_api_marker,
        meta.deprecated,
        meta.hidden,
        meta.url,
    )


def _summary(names: list[str], what: str) -> str:
    shown = ", ".join(sorted(set(names))[:3])
    more = len(set(names)) - 3
    if more > 0:
        shown += f" (+{more})"
    return f"{shown}: {what}" if what else shown
