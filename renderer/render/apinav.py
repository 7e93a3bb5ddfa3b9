"""Navigation-generated API pages: `openapi` divisions and groups expanded into one page per
operation, and the pages of entries naming operations (`"GET /users"`, `"spec.json webhook x"`).

One generated page stands for one operation of one spec at one URL. However an entry spells
it (the group's inherited spec or an explicit `spec.json` prefix, `/spec.json`, `./spec.json`,
a lowercase method, a trailing slash), the entry is rewritten to one canonical reference, so
the sidebar lists that one page wherever the operation is named, as a page listed twice is. The
URL comes from the entry's `openapi.directory` (navigation.md §3.5): an operation named under
two directories is two pages, one in each, as Mintlify writes each directory's pages.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from mintrender.errors import Diagnostics
from mintrender.load.config import SiteConfig
from mintrender.load.nav import (
    CHANNEL_REF_PREFIX,
    NavApiSpec,
    NavDivision,
    NavGroup,
    Navigation,
    NavPage,
    PageSlot,
    is_operation_ref,
)
from mintrender.model import PageMeta, PageRecord
from mintrender.render import xmint
from mintrender.urls import output_path_for

# `mintrender.openapi` is imported in the functions that use it (start-up time, see apipages).

DEFAULT_DIRECTORY = "api-reference"


@dataclasses.dataclass(slots=True)
class OperationPage:
    """The page of one operation at one URL (before a clash with another page moves it)."""

    operation: Any
    """The `openapi.Operation`."""
    site_path: str
    hidden: bool = False
    """Generated from an x-hidden operation: built, left out of the sidebar."""


def target_of(op: Any) -> str:
    """`GET /users` or `webhook name`, as the spec writes it."""
    return f"webhook {op.webhook}" if op.webhook else f"{op.method} {op.path}"


class NavPages:
    """Expands the navigation's specs and makes the pages its operation entries name."""

    def __init__(
        self,
        config: SiteConfig,
        api: Any,
        diagnostics: Diagnostics,
        nav_specs: dict[str, str],
        x_content: xmint.Contents,
    ) -> None:
        """`api`: the `ApiStage` (its spec indexes and frontmatter-named operations, read at
        each use: a page naming a spec by URL adds to the index). `nav_specs` and `x_content`
        are the stage's, filled here."""
        self.config = config
        self.api = api
        self.diagnostics = diagnostics
        self.nav_specs = nav_specs
        self.x_content = x_content
        self.pages: dict[str, OperationPage] = {}
        """Canonical operation ref -> its page."""
        self._refs: dict[tuple[str, str, str], str] = {}
        """(spec file, target, site path) -> its canonical ref."""
        self.channel_titles: dict[str, str] = {}  # generated channel ref -> page title
        self.channel_paths: dict[str, str] = {}  # generated channel ref -> its site path

    # -- expansion -----------------------------------------------------------------------------
    def expand(self, nav: Navigation) -> Navigation:
        """Replace each `openapi` division/group without pages by one group per tag of its
        spec, listing every operation (x-hidden ones are built but left out of the sidebar),
        and each entry naming an operation by its canonical ref."""
        if not has_api_entries(nav.root):
            return nav
        self.pages.clear()
        self._refs.clear()
        return dataclasses.replace(nav, root=self._expand(nav.root)[0])

    def _expand(self, node: Any) -> list[Any]:
        if isinstance(node, NavApiSpec) and node.kind == "asyncapi":
            return self._expand_channels(node)
        if isinstance(node, NavApiSpec):
            return self._expand_spec(node)
        if isinstance(node, NavPage):
            return [self._listed(node)]
        if isinstance(node, (NavDivision, NavGroup)):
            children: list[Any] = []
            names_operations = self._names_operations(node)
            for child in node.children:
                if isinstance(child, NavApiSpec) and child.beside_pages and names_operations:
                    self._check_inherited(child)
                    continue  # its pages name operations: only those are shown
                children.extend(self._expand(child))
            return [dataclasses.replace(node, children=tuple(children))]
        return [node]

    def _expand_spec(self, node: NavApiSpec) -> list[NavGroup]:
        groups = self.api.index.operations_for_nav(node.source.lstrip("/"))
        if not groups:
            self._nav_warning(
                node.json_path,
                "openapi-nav-spec",
                f"openapi {node.source!r} names no loaded OpenAPI file with operations; "
                "no pages are generated for it",
            )
            return []
        out = []
        for group in groups:
            pages = []
            for nav_op in group.operations:
                where = nav_op.href or f"/{node.directory.strip('/')}/{nav_op.slug}"
                ref = self._page_ref(nav_op.operation, "/" + where.strip("/"), nav_op.hidden)
                pages.append(NavPage(ref, node.json_path, nav_op.operation.spec_file))
            out.append(NavGroup(group.label, node.json_path, tuple(pages)))
        return out

    def _listed(self, node: NavPage) -> NavPage:
        """An entry naming an operation, under the canonical ref of its page (as written
        when it names none: `generated` reports it)."""
        if not is_operation_ref(node.ref) or node.ref.startswith(CHANNEL_REF_PREFIX):
            return node
        op = self._resolve(node.ref, node.openapi).operation
        if op is None:
            return node
        ref = self._page_ref(op, listed_path(op, node.directory))
        return dataclasses.replace(node, ref=ref)

    def _page_ref(self, op: Any, site_path: str, hidden: bool = False) -> str:
        """The one ref of the operation's page at `site_path`: `spec METHOD /path`, with the
        URL after it when the operation also has a page at another URL (another directory)."""
        key = (op.spec_file, target_of(op), site_path)
        ref = self._refs.get(key)
        if ref is None:
            ref = f"{op.spec_file} {target_of(op)}"
            if ref in self.pages:
                ref += f" ({site_path})"
            self._refs[key] = ref
            self.pages[ref] = OperationPage(op, site_path)
        self.pages[ref].hidden |= hidden
        return ref

    def _resolve(self, ref: str, openapi: str | None) -> Any:
        """The `Resolution` of an entry: in its inherited spec alone when it names none
        ("an operation from the inherited spec", navigation.md)."""
        from mintrender.openapi import parse_ref  # start-up time, see apipages

        index = self.api.index
        specs = [openapi.lstrip("/")] if openapi else []
        inherited = index.find_spec(specs[0]) if specs else None
        parsed = parse_ref(ref)
        if inherited is not None and parsed is not None and parsed.spec is None:
            return index.resolve(f"{inherited} {ref.strip()}", "", specs)
        return index.resolve(ref, "", specs)

    def _nav_warning(self, path: Any, code: str, message: str, text: str | None = None) -> None:
        """A warning at the navigation entry at JSON `path` (at its `text` when given)."""
        line, col = self.config.locate(path, text)
        self.diagnostics.warning(self.config.config_file, line, col, code, message)

    def _check_inherited(self, node: NavApiSpec) -> None:
        """A spec whose listed operations are looked up in it must be a loaded spec."""
        if node.kind != "asyncapi" and self.api.index.find_spec(node.source.lstrip("/")) is None:
            why = "names no loaded OpenAPI file; the operations listed under it are looked up"
            self._nav_warning(
                node.json_path, "openapi-nav-spec", f"openapi {node.source!r} {why} in every spec"
            )

    def _names_operations(self, node: NavDivision | NavGroup) -> bool:
        """Whether a page listed under `node` is an operation (`GET /x`, or a page whose
        frontmatter names one): then no other operation of its spec is added (openapi.md §3)."""
        for child in node.children:
            if isinstance(child, NavPage):
                ref = child.ref.lstrip("/")
                if is_operation_ref(child.ref) or ref in self.api.operation_pages:
                    return True
            elif isinstance(child, (NavDivision, NavGroup)) and self._names_operations(child):
                return True
        return False

    def _expand_channels(self, node: NavApiSpec) -> list[NavPage]:
        """A nav-level `asyncapi`: one page per channel, at `<directory>/<channel slug>`."""
        from mintrender.openapi import slugify  # start-up time, see apipages

        spec = self.api.async_index.find(node.source)
        if spec is None:
            self._nav_warning(
                node.json_path,
                "asyncapi-nav-spec",
                f"asyncapi {node.source!r} names no loaded AsyncAPI file; "
                "no pages are generated for it",
            )
            return []
        pages = []
        for channel in spec.channels:
            ref = f"{CHANNEL_REF_PREFIX}{spec.rel_path} {channel.key}"
            where = f"/{node.directory.strip('/')}/{slugify(channel.key)}"
            self.channel_paths[ref] = "/" + where.strip("/")
            self.channel_titles[ref] = channel.title or channel.key
            pages.append(NavPage(ref, node.json_path))
        return pages

    # -- pages ---------------------------------------------------------------------------------
    def generated(
        self, slots: Sequence[PageSlot], records: dict[str, PageRecord]
    ) -> list[tuple[PageRecord, str]]:
        """A record per navigation entry naming an operation (`"GET /users"`)."""
        out: list[tuple[PageRecord, str]] = []
        made: set[str] = set()
        taken = {r.site_path for r in records.values()}
        for slot in slots:
            if slot.openapi:
                self.nav_specs.setdefault(slot.ref, slot.openapi.lstrip("/"))
            if not is_operation_ref(slot.ref) or slot.ref in made:
                continue
            if slot.ref.startswith(CHANNEL_REF_PREFIX):
                record = self._channel_record(slot.ref, taken)
            else:
                record = self._operation_record(slot, taken)
            if record is not None:
                made.add(slot.ref)
                out.append((record, slot.ref))
        return out

    def _channel_record(self, ref: str, taken: set[str]) -> PageRecord | None:
        site_path = self.channel_paths.get(ref, "")
        if not site_path or site_path in taken:
            return None
        taken.add(site_path)
        fm: dict[str, Any] = {
            "title": self.channel_titles.get(ref, ""),
            "asyncapi": ref[len(CHANNEL_REF_PREFIX) :],
        }
        return PageRecord(
            site_path.lstrip("/"), ref, site_path, output_path_for(site_path), fm, PageMeta.of(fm)
        )

    def _operation_record(self, slot: PageSlot, taken: set[str]) -> PageRecord | None:
        page = self.pages.get(slot.ref)
        if page is None:  # the entry names no operation (or the expansion failed)
            res = self._resolve(slot.ref, slot.openapi)
            if res.operation is None:
                problem = f"navigation entry {slot.ref!r}: {res.problem or 'no such operation'}"
                self._nav_warning(slot.json_path, "openapi-unresolved", problem, slot.ref)
                return None
            page = OperationPage(res.operation, listed_path(res.operation, slot.directory))
        op = page.operation
        site_path = page.site_path
        while site_path in taken:  # another page (or operation) has its URL
            site_path += "-2"
        taken.add(site_path)
        rel = site_path.lstrip("/")
        target = target_of(op)
        x_mint = dict(op.x_mint)
        fm = xmint.page_frontmatter(op.summary or target, f"{op.spec_file} {target}", x_mint)
        if content := xmint.content_of(x_mint):
            self.x_content[rel] = (content, op.spec_file, target)
        if page.hidden:
            fm["hidden"] = True
        return PageRecord(rel, slot.ref, site_path, output_path_for(site_path), fm, PageMeta.of(fm))


def listed_path(op: Any, directory: str | None) -> str:
    """The URL of a listed operation's page: `x-mint.href`, else `<directory>/<tag>/<slug>`."""
    from mintrender.openapi import endpoint_slug, url_part  # start-up time, see apipages

    href = op.x_mint.get("href") if isinstance(op.x_mint.get("href"), str) else None
    if href:
        return "/" + href.strip("/")
    tag = url_part(op.tags[0]) if op.tags else ""
    where = f"{tag}/{endpoint_slug(op)}" if tag else endpoint_slug(op)
    folder = (directory or DEFAULT_DIRECTORY).strip("/") or DEFAULT_DIRECTORY
    return f"/{folder}/{where}"


def has_api_specs(node: Any) -> bool:
    if isinstance(node, NavApiSpec):
        return True
    return any(has_api_specs(c) for c in getattr(node, "children", ()))


def has_api_entries(node: Any) -> bool:
    """Whether the navigation has a spec to expand or an entry naming an operation."""
    if isinstance(node, NavApiSpec) or (isinstance(node, NavPage) and is_operation_ref(node.ref)):
        return True
    return any(has_api_entries(c) for c in getattr(node, "children", ()))
