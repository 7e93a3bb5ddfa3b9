"""Snippets and custom components: per-file scopes and the MDX text that replaces a tag.

import Greeting from "/snippets/greeting.mdx";     -> <Greeting name="Ada" /> expands the snippet
import { Pill, plan } from "/snippets/vars.mdx";    -> custom component and value in scope
export const Hero = ({ title }) => (<h2>{title}</h2>)  -> <Hero title="x" /> expands in place

Each file resolves its own imports; a snippet sees its exports, its imports and its props.
A component some snippet exports but the page never imported is still found (Mintlify does).
"""

from __future__ import annotations

import dataclasses
import re
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any

from mintrender.components import REGISTRY
from mintrender.components._jsxparse import (
    ComponentRef,
    Expression,
    JsxSyntaxError,
    parse_tag,
    to_text,
)
from mintrender.components._jsxscan import closes_fence, find_close, opens_fence
from mintrender.components._mdxenv import Expansion
from mintrender.errors import Diagnostics
from mintrender.fileio import is_dir, is_file
from mintrender.hints import closest_path
from mintrender.parse.esm import (
    CustomComponent,
    ModuleScope,
    NotExpandable,
    evaluate_late,
    parse_module,
    scan_statements,
)
from mintrender.parse.expand import expand_component
from mintrender.parse.frontmatter import split_frontmatter, substitute_variables

REACT_MODULES = frozenset({"react", "react-dom"})
"""Imports a snippet may write that Mintlify provides (its hooks: components.md §23)."""
SNIPPET_EXTENSIONS = (".mdx", ".md", ".jsx", ".js", ".tsx", ".ts")
_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})(.*)$")
_PLACEHOLDER = re.compile(r"\{\s*([A-Za-z_$][\w$]*)\s*\}")
_CHILDREN = re.compile(r"\{\s*(?:props\s*\.\s*)?children\s*\}")
"""Where an MDX snippet draws what its tag holds: `{children}` or `{props.children}`."""
_CUSTOM_TAG = re.compile(r"<([A-Z][\w$]*)\b")
"""A tag that may be a custom component, in an attribute's JSX value."""
# Built-in tag names never resolve to a snippet's export of the same name.
BUILT_IN = frozenset(REGISTRY)


_EXTENSIONS = (".jsx", ".tsx", ".js", ".ts", ".mdx", ".md")


@dataclass(slots=True)
class FileScope:
    """What one file (page or snippet) can use: each file resolves its own imports."""

    file: str
    values: dict[str, Any]
    """`export const` values and imported values, for `{name}` and `prop={name}`."""
    components: dict[str, CustomComponent]
    snippets: dict[str, str]
    """Local tag name -> snippet file (`import X from "/snippets/x.mdx"`)."""
    missing: set[str] = field(default_factory=set)
    """Local names whose import names no file (already reported: their tags draw nothing)."""


def _import_line(module: ModuleScope, path: str) -> int:
    """The line (from 0) of the statement importing `path` (quoted as written)."""
    quoted = (f'"{path}"', f"'{path}'")
    found = (st.start_line for st in module.statements if any(q in st.text for q in quoted))
    return next(found, next((st.start_line for st in module.statements if path in st.text), 0))


def _is_package(path: str) -> bool:
    """Is the import path an npm package (`@mintlify/components`, `mint`), not a file?"""
    if path.startswith((".", "/", "~")) or "\\" in path:
        return False
    return not path.endswith((".mdx", ".md", ".jsx", ".js", ".tsx", ".ts", ".json"))


class Expander:
    """Resolves snippet imports and custom components while a page is parsed.

    Called by the JSX rules as `expander(name, props, inner, where)` for every uppercase tag;
    returns an `Expansion` (MDX text replacing the tag) or None for a built-in component.
    """

    def __init__(
        self,
        docs_dir: Path,
        rel_path: str,
        read: Callable[[str], str | None],
        diagnostics: Diagnostics,
        variables: dict[str, str],
        sources: dict[str, list[str]],
    ) -> None:
        self.docs_dir = docs_dir
        self.rel_path = rel_path
        self.read = read
        self.diagnostics = diagnostics
        self.variables = variables
        self.sources = sources
        """File -> its lines, for diagnostics columns."""
        self.depends_on: set[str] = {rel_path}
        self.scopes: dict[str, FileScope] = {}
        self.bodies: dict[str, str] = {}
        self.modules: dict[str, ModuleScope] = {}
        self.module_snippets: dict[str, dict[str, str]] = {}
        """A JavaScript snippet's imports of MDX snippets: local name -> file."""
        self.stack: list[FileScope] = []
        self.warned: set[tuple[str, ...]] = set()

    # files -----------------------------------------------------------------------------------
    def load_page(self, body: str) -> FileScope:
        scope = self.file_scope(self.rel_path, body)
        self.stack = [scope]
        return scope

    def file_scope(self, file: str, body: str) -> FileScope:
        """Parse a file's ESM once: its values, components and snippet imports."""
        if file in self.scopes:
            return self.scopes[file]
        module, problems = parse_module(body, file)
        for line, message in problems:
            self.diagnostics.warning(file, line + 1, 1, "mdx-import", message)
        scope = FileScope(file, dict(module.values), dict(module.components), {})
        self.scopes[file] = scope
        for local, (path, imported) in module.imports.items():
            if path in REACT_MODULES:  # `import { useState } from "react"`: there already
                continue
            line = _import_line(module, path)
            resolved = self.resolve_import(path, file)
            if resolved is None and local in BUILT_IN and _is_package(path):
                # `import { Note } from "@mintlify/components"`: Mintlify's own tag is drawn
                self.diagnostics.warning(
                    file,
                    line + 1,
                    1,
                    "mdx-import",
                    f"{path!r} is a package, which a page cannot import (only snippet files); "
                    f"<{local}> is drawn as Mintlify's built-in component",
                )
                continue
            if resolved is None:
                scope.missing.add(local)
                near = self.nearest_file(path, file)
                self.diagnostics.warning(
                    file,
                    line + 1,
                    1,
                    "mdx-import",
                    f"{path!r} is a package, which a page cannot import (only snippet files); "
                    + (
                        f"<{local}> draws nothing"
                        if local[:1].isupper()
                        else f"{local} has no value"
                    )
                    if _is_package(path) and not near
                    else f"cannot find imported file {path!r}",
                    f"did you mean '{near}'?" if near else "",
                )
            elif imported == "default" and resolved.endswith((".mdx", ".md")):
                # its content, unless it exports a default component (`export default function`)
                default = self.snippet_scope(resolved).components.get("default")
                if default is not None:
                    scope.components[local] = default
                else:
                    scope.snippets[local] = resolved
            else:
                self._import_named(scope, resolved, imported, local, line)
        evaluate_late(module, scope.values)
        return scope

    def _import_named(
        self, scope: FileScope, resolved: str, imported: str, local: str, line: int
    ) -> None:
        if resolved.endswith((".mdx", ".md")):
            mod = self.snippet_scope(resolved)
            values, components = mod.values, mod.components
        else:
            module = self.module(resolved)
            values, components = module.values, module.components
        if imported in components:
            scope.components[local] = components[imported]
            if local[:1].isupper():  # `ui={{ Code }}`: the component as a value
                scope.values[local] = ComponentRef(local, component=components[imported])
        elif imported in values:
            scope.values[local] = values[imported]
        else:
            self.diagnostics.warning(
                scope.file,
                line + 1,
                1,
                "mdx-import",
                f"{resolved} has no export named {imported!r} that can be used at build time",
            )

    def module(self, rel: str) -> ModuleScope:
        """A JavaScript snippet's exports (parsed once)."""
        if rel not in self.modules:
            self.depends_on.add(rel)
            module, problems = parse_module(self.read(rel) or "", rel, javascript=True)
            for line, message in problems:  # at the snippet's own line, once per page
                self.diagnostics.warning(rel, line + 1, 1, "mdx-import", message)
            self.modules[rel] = module  # before its imports: a cycle meets it as it is
            # what it imports from other files, in the scope its components render in
            scope = FileScope(rel, module.values, module.components, {})
            self.module_snippets[rel] = scope.snippets  # `import Intro from "./intro.mdx"`
            for local, (path, imported) in module.imports.items():
                if path in REACT_MODULES:
                    continue
                line = _import_line(module, path)
                resolved = self.resolve_import(path, rel)
                if resolved is None:
                    where = f"cannot find imported file {path!r}"
                    self.diagnostics.warning(rel, line + 1, 1, "mdx-import", where)
                elif imported == "default" and resolved.endswith((".mdx", ".md")):
                    scope.snippets[local] = resolved  # its content, where its tag is
                elif resolved != rel:
                    self._import_named(scope, resolved, imported, local, line)
            evaluate_late(module, scope.values)
        return self.modules[rel]

    def snippet_scope(self, rel: str) -> FileScope:
        """What an .mdx snippet defines and imports (read and parsed once)."""
        return self.file_scope(rel, self.snippet_body(rel))

    def snippet_body(self, rel: str) -> str:
        """A snippet's MDX with frontmatter and ESM lines blanked (line numbers kept)."""
        if rel not in self.bodies:
            self.depends_on.add(rel)
            text = self.read(rel) or ""
            _, body, _ = split_frontmatter(text, rel, self.diagnostics)
            body = substitute_variables(body, self.variables)
            self.file_scope(rel, body)
            self.sources[rel] = body.split("\n")
            self.bodies[rel] = blank_statements(body)
        return self.bodies[rel]

    def resolve_import(self, path: str, from_file: str) -> str | None:
        rel = self.resolve_path(path, from_file)
        candidates = [rel] if PurePosixPath(rel).suffix in SNIPPET_EXTENSIONS else []
        candidates += [rel + ext for ext in SNIPPET_EXTENSIONS]
        for cand in candidates:
            if is_file(self.docs_dir / cand):
                return cand
        return None

    @staticmethod
    def resolve_path(path: str, from_file: str) -> str:
        """An import path as a docs-relative POSIX path (`..` never leaves the docs folder)."""
        if path.startswith("/"):
            base = PurePosixPath(path.lstrip("/"))
        else:
            base = PurePosixPath(from_file).parent / path
        parts: list[str] = []
        for part in base.parts:
            if part == "..":
                if parts:
                    parts.pop()
            elif part != ".":
                parts.append(part)
        return "/".join(parts)

    def nearest_file(self, path: str, from_file: str) -> str | None:
        """The snippet file closest to an import that names none, written as an import path."""
        folders = {self.docs_dir / "snippets", (self.docs_dir / from_file).parent}
        if path.startswith("/"):
            folders.add(self.docs_dir / PurePosixPath(path.lstrip("/")).parent)
        found: list[str] = []
        for folder in folders:
            if is_dir(folder) and folder.resolve().is_relative_to(self.docs_dir.resolve()):
                for f in sorted(folder.rglob("*"))[:2000]:
                    if f.suffix in SNIPPET_EXTENSIONS and is_file(f):
                        found.append("/" + f.relative_to(self.docs_dir).as_posix())
        target = path if path.startswith("/") else "/" + (self.resolve_path(path, from_file))
        return closest_path(target, found)

    def use_file(self, file: str) -> None:
        """Inline parsing of a snippet's text resolves names against that snippet's imports."""
        scope = self.scopes.get(file)
        if scope is not None:
            self.stack = [scope]

    @contextmanager
    def _enter(self, scope: FileScope) -> Iterator[None]:
        self.stack.append(scope)
        try:
            yield
        finally:
            self.stack.pop()

    def knows(self, name: str) -> bool:
        """True for a component name the current file can use (`prop={Name}` passes it)."""
        current = self.stack[-1] if self.stack else None
        if name in BUILT_IN:
            return True
        return current is not None and (name in current.components or name in current.snippets)

    def is_snippet(self, name: str, props: dict[str, Any]) -> bool:
        """True when `<name>` draws an MDX snippet file: its own document, whose paragraphs,
        code blocks and lists are blocks wherever the tag is written."""
        current = self.stack[-1] if self.stack else None
        if current is not None and name in current.snippets:
            return current.snippets[name].endswith((".mdx", ".md"))
        return name == "Snippet" and isinstance(props.get("file"), str)

    # expansion ------------------------------------------------------------------------------
    def __call__(
        self, name: str, props: dict[str, Any], inner: str, where: tuple[str, int]
    ) -> Expansion | None:
        current = self.stack[-1] if self.stack else None
        if current is not None and name in current.snippets:
            return self._snippet(current.snippets[name], props, inner)
        if current is not None and name in current.missing:
            return Expansion("", f"<{name}>", where[0], None)  # its import was reported
        if name == "Snippet" and isinstance(props.get("file"), str):
            file = props["file"]
            resolved = self.resolve_import("/snippets/" + file.lstrip("/"), self.rel_path)
            resolved = resolved or self.resolve_import("/_snippets/" + file.lstrip("/"), "")
            resolved = resolved or self.resolve_import(file, where[0])
            if resolved is not None:
                given = {k: v for k, v in props.items() if k != "file"}
                return self._snippet(resolved, given, inner)
            self.diagnostics.warning(
                where[0], where[1] + 1, 1, "mdx-import", f"<Snippet> file {file!r} not found"
            )
            return Expansion("", "<Snippet>", where[0], None)
        comp = current.components.get(name) if current is not None else None
        if comp is None and name not in BUILT_IN:
            comp = self._global_component(name)
        if comp is None:
            return None
        key = f"<{name}>"
        why = "uses JavaScript that cannot run at build time"
        if comp.plain:
            try:
                home = self.scopes.get(comp.file) or self.modules.get(comp.file)
                module = home.values if home is not None else None
                if comp.closure:  # a component defined in another's body: that body's values
                    module = {**(module or {}), **comp.closure}
                left: list[str] = []
                defined: dict[str, CustomComponent] = {}
                text = expand_component(comp, props, inner, module, left, defined)
                if left:
                    self._warn_once(
                        name,
                        where,
                        f"<{name}> (defined in {comp.file}): {left[0]}; that part is left out",
                    )
                if comp.effects and ("useEffect", name, where[0]) not in self.warned:
                    self.warned.add(("useEffect", name, where[0]))  # once per file, as above
                    self.diagnostics.info(
                        where[0],
                        where[1] + 1,
                        1,
                        "custom-component",
                        f"<{name}> (defined in {comp.file}): its `useEffect` runs in the browser, "
                        "after the first render; the page shows the first render",
                    )
                # the components of its file and its own, for its render's tags (`<Sep />`)
                known = {**(home.components if home is not None else {}), **defined}
                known = {k: v for k, v in known.items() if k != name and k != "default"}
                snippets = self.module_snippets.get(comp.file) or {}
                if (known or snippets) and current is not None:
                    inner_scope = dataclasses.replace(
                        current,
                        components={**current.components, **known},
                        snippets={**current.snippets, **snippets},
                    )
                    return Expansion(
                        text, key, where[0], None, enter=partial(self._enter, inner_scope)
                    )
                return Expansion(text, key, where[0], None)
            except NotExpandable as exc:
                why = f"cannot be drawn at build time ({exc})"
        message = f"<{name}> (defined in {comp.file}) {why}; only its children are shown"
        self._warn_once(name, where, message)
        return Expansion(inner, key, where[0], None)

    def expand_markup(self, source: str, where: tuple[str, int]) -> str:
        """JSX given as an attribute's value (`title={<CardTitle icon="users" />}`) with the
        custom components of the current file in it drawn, as a tag of the page is; the rest
        (HTML, catalogue components) stays for the attribute's own rendering."""
        scope = self.stack[-1].values if self.stack else {}
        out: list[str] = []
        done = 0
        for m in _CUSTOM_TAG.finditer(source):
            name = m.group(1)
            if m.start() < done or name in BUILT_IN or not self.knows(name):
                continue
            try:
                tag = parse_tag(source, m.start(), scope)
            except JsxSyntaxError:
                continue
            inner, end = "", tag.end
            if not tag.self_closing:
                close = find_close(source, name, tag.end, len(source), scope)
                if close is None:
                    continue
                inner, end = source[tag.end : close[0]], close[1]
            expansion = self(name, tag.props, inner, where)
            if expansion is None:
                continue
            out += [source[done : m.start()], expansion.text.strip()]
            done = end
        return "".join(out) + source[done:]

    def _warn_once(self, name: str, where: tuple[str, int], message: str) -> None:
        """A `custom-component` warning, once per component and file."""
        if (name, where[0]) not in self.warned:
            self.warned.add((name, where[0]))
            self.diagnostics.warning(where[0], where[1] + 1, 1, "custom-component", message)

    def _snippet(self, rel: str, props: dict[str, Any], inner: str = "") -> Expansion:
        body = self.snippet_body(rel)
        if "children" in body:  # what the tag holds, drawn where the snippet asks for it
            children = textwrap.dedent(inner).strip("\n")
            body = _CHILDREN.sub(lambda _: children, body)
        scope = self.scopes[rel]
        values = dict(scope.values)
        given = {k: v for k, v in props.items() if not isinstance(v, Expression)}
        values.update(given)
        values.setdefault("props", given)  # MDX gives a snippet its props as `props` too
        text = substitute_in_fences(body, values)
        return Expansion(text, rel, rel, 0, values, partial(self._enter, scope))

    def _global_component(self, name: str) -> CustomComponent | None:
        """A component some snippet exports but the page never imported (Mintlify finds it)."""
        root = self.docs_dir / "snippets"
        pattern = re.compile(r"^export\s+(?:const|function)\s+" + re.escape(name) + r"\b", re.M)
        found: list[str] = []
        if is_dir(root):
            for path in sorted(root.rglob("*")):
                if path.suffix in _EXTENSIONS and is_file(path):
                    rel = path.relative_to(self.docs_dir).as_posix()
                    if pattern.search(self.read(rel) or ""):
                        found.append(rel)
        if not found:
            return None
        locale = "snippets/" + self.rel_path.split("/", 1)[0] + "/"
        local = [f for f in found if f.startswith(locale)]
        best = min(local or found, key=lambda f: (f.count("/"), f))
        if best.endswith((".mdx", ".md")):
            return self.file_scope(best, self.snippet_body(best)).components.get(name)
        return self.module(best).components.get(name)


def substitute_in_fences(body: str, values: dict[str, Any]) -> str:
    """Snippet props interpolate inside fenced code too (`npm install {packageName}`)."""
    if "{" not in body or not values:
        return body
    lines = body.split("\n")
    fence: str | None = None
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if fence is None:
            if m and opens_fence(m.group(1), m.group(2)):
                fence = m.group(1)
            continue
        if m and closes_fence(fence, m.group(1), m.group(2)):
            fence = None
            continue
        if "{" in line:
            lines[i] = _PLACEHOLDER.sub(
                lambda mm: to_text(values[mm.group(1)]) if mm.group(1) in values else mm.group(0),
                line,
            )
    return "\n".join(lines)


def blank_statements(body: str) -> str:
    """Replace top-level import/export statements by empty lines."""
    statements = scan_statements(body)
    if not statements:
        return body
    lines = body.split("\n")
    for st in statements:
        for i in range(st.start_line, min(st.end_line, len(lines))):
            lines[i] = ""
    return "\n".join(lines)
