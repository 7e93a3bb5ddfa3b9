"""MDX front-end: frontmatter, ESM, snippets, JSX and Markdown into one markdown-it token stream."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from components._jsx import jsx_plugin
from components._jsxparse import Expression, to_text
from components._mdxenv import Expansion
from components.math import check_math
from renderer.errors import Diagnostics
from renderer.esm import (
    ESM_START,
    CustomComponent,
    ModuleScope,
    expand_component,
    parse_module,
    scan_statements,
    statement_end,
)

if TYPE_CHECKING:
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

_FRONTMATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*$", re.S | re.M
)
_CUSTOM_ID = re.compile(r"\s*\{#([\w\-:.]+)\}\s*$")
_VARIABLE = re.compile(r"\{\{\s*([A-Za-z0-9_-]+)\s*\}\}")
_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})(.*)$")
_PLACEHOLDER = re.compile(r"\{\s*([A-Za-z_$][\w$]*)\s*\}")
# Built-in tag names never resolve to a snippet's export of the same name.
REGISTRY_NAMES = frozenset(
    "Note Warning Info Tip Check Danger Callout Accordion AccordionGroup Expandable Badge Icon "
    "Tooltip Card CardGroup Columns Column Tile Panel Frame CodeGroup RequestExample "
    "ResponseExample CodeBlock Tabs Tab View Visibility Steps Step ParamField ResponseField Tree "
    "FileTree Tree.Folder Tree.File Color Color.Row Color.Item Update Prompt GitHub.Repo Heading "
    "Latex Snippet".split()
)
SNIPPET_EXTENSIONS = (".mdx", ".md", ".jsx", ".js", ".tsx", ".ts")


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """A source page after parsing: frontmatter and the token stream."""

    rel_path: str
    """POSIX path relative to the docs root, with extension."""
    frontmatter: dict[str, Any]
    tokens: list[Token]
    env: dict[str, Any] = field(repr=False)
    """markdown-it env after parsing (scope, footnotes, ...)."""
    depends_on: frozenset[str]
    """Every file this page read: itself and its snippets."""
    body_start_line: int
    """0-based line where the body starts (after the frontmatter)."""


def esm_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Skip top-level `import`/`export` statements; `parse_page` already read them."""
    if state.sCount[start_line] != 0 or state.blkIndent != 0:
        return False
    start = state.bMarks[start_line]
    line = state.src[start : state.eMarks[start_line]]
    if not ESM_START.match(line):
        return False
    if silent:
        return True
    lines = state.src[start:].split("\n")
    state.line = min(end_line, start_line + statement_end(lines, 0))
    return True


def heading_ids(state: StateCore) -> None:
    """Strip `{#custom-id}` suffixes from headings before inline parsing."""
    tokens = state.tokens
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and i + 1 < len(tokens):
            inline = tokens[i + 1]
            m = _CUSTOM_ID.search(inline.content)
            if m:
                tok.meta = {**(tok.meta or {}), "custom_id": m.group(1)}
                inline.content = inline.content[: m.start()]


def inline_with_lines(state: StateCore) -> None:
    """The core `inline` rule, telling the JSX rules which file, line and scope they are in."""
    md = state.md
    env = state.env
    page = env.get("src_path", "<page>")
    page_scope = env.get("scope", {})
    expander = env.get("expand_component")
    for tok in state.tokens:
        if tok.type != "inline":
            continue
        meta = tok.meta if isinstance(tok.meta, dict) else {}
        origin = meta.get("origin") or (page, tok.map[0] if tok.map else 0, True)
        env["_inline"] = origin
        env["scope"] = meta.get("scope", page_scope)
        if expander is not None:
            expander.use_file(origin[0])
        md.inline.parse(tok.content, md, env, tok.children)
    env["scope"] = page_scope
    env.pop("_inline", None)
    if expander is not None:
        expander.use_file(page)


@lru_cache(maxsize=1)
def make_markdown() -> MarkdownIt:
    """The one markdown-it instance used for every page."""
    md = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.disable("code")  # MDX has no indented code blocks: indentation inside components is not code
    md.use(jsx_plugin)
    md.block.ruler.before("jsx_block", "esm", esm_block)
    md.use(footnote_plugin)
    md.use(tasklists_plugin, enabled=False)
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True)
    md.core.ruler.before("inline", "heading_custom_ids", heading_ids)
    md.core.ruler.at("inline", inline_with_lines)
    md.core.ruler.after("inline", "math_check", check_math)
    _enable_autolinks(md)
    return md


def _enable_autolinks(md: MarkdownIt) -> None:
    """GFM autolink literals (bare URLs) without the linkify-it dependency."""
    from renderer.autolink import autolink_literal

    md.core.ruler.after("inline", "autolink_literal", autolink_literal)


def split_frontmatter(
    source: str, rel_path: str, diagnostics: Diagnostics
) -> tuple[dict[str, Any], str, int]:
    """(frontmatter, source with the frontmatter lines blanked, first body line)."""
    m = _FRONTMATTER.match(source)
    if not m:
        return {}, source, 0
    block = m.group(1)
    n_lines = source[: m.end()].count("\n") + 1
    data: Any = {}
    try:
        data = yaml.safe_load(block) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark else 1
        col = (mark.column + 1) if mark else 1
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        diagnostics.error(
            rel_path, line, col, "frontmatter-yaml", f"invalid YAML frontmatter: {problem}"
        )
        data = _loose_frontmatter(block)
    if not isinstance(data, dict):
        diagnostics.error(
            rel_path, 2, 1, "frontmatter-type", "frontmatter must be a mapping of keys to values"
        )
        data = {}
    data = {str(k).strip(): v for k, v in data.items()}
    blank = "\n" * (n_lines - 1)
    return data, blank + source[m.end() :], n_lines


def _loose_frontmatter(block: str) -> dict[str, Any]:
    """Best effort `key: value` reading when the YAML is invalid, so the page keeps its title."""
    out: dict[str, Any] = {}
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t", "-")):
            out[key.strip()] = value.strip().strip("'\"")
    return out


SnippetReader = Callable[[str], "str | None"]
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
        self.stack: list[FileScope] = []
        self.warned: set[str] = set()

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
            line = next((st.start_line for st in module.statements if path in st.text), 0)
            resolved = self.resolve_import(path, file)
            if resolved is None:
                self.diagnostics.warning(
                    file, line + 1, 1, "mdx-import", f"cannot find imported file {path!r}"
                )
            elif imported == "default" and resolved.endswith((".mdx", ".md")):
                scope.snippets[local] = resolved
            else:
                self._import_named(scope, resolved, imported, local, line)
        return scope

    def _import_named(
        self, scope: FileScope, resolved: str, imported: str, local: str, line: int
    ) -> None:
        if resolved.endswith((".mdx", ".md")):
            mod = self.file_scope(resolved, self.snippet_body(resolved))
            values, components = mod.values, mod.components
        else:
            module = self.module(resolved)
            values, components = module.values, module.components
        if imported in components:
            scope.components[local] = components[imported]
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
            self.modules[rel], _ = parse_module(self.read(rel) or "", rel)
        return self.modules[rel]

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
        rel = "/".join(parts)
        candidates = [rel] if PurePosixPath(rel).suffix in SNIPPET_EXTENSIONS else []
        candidates += [rel + ext for ext in SNIPPET_EXTENSIONS]
        for cand in candidates:
            if (self.docs_dir / cand).is_file():
                return cand
        return None

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

    # expansion ------------------------------------------------------------------------------
    def __call__(
        self, name: str, props: dict[str, Any], inner: str, where: tuple[str, int]
    ) -> Expansion | None:
        current = self.stack[-1] if self.stack else None
        if current is not None and name in current.snippets:
            return self._snippet(current.snippets[name], props)
        if name == "Snippet" and isinstance(props.get("file"), str):
            file = props["file"]
            resolved = self.resolve_import("/snippets/" + file.lstrip("/"), self.rel_path)
            resolved = resolved or self.resolve_import(file, where[0])
            if resolved is not None:
                return self._snippet(resolved, {k: v for k, v in props.items() if k != "file"})
            self.diagnostics.warning(
                where[0], where[1] + 1, 1, "mdx-import", f"<Snippet> file {file!r} not found"
            )
            return Expansion("", "<Snippet>", where[0], None)
        comp = current.components.get(name) if current is not None else None
        if comp is None and name not in REGISTRY_NAMES:
            comp = self._global_component(name)
        if comp is None:
            return None
        key = f"<{name}>"
        if comp.plain:
            return Expansion(expand_component(comp, props, inner), key, where[0], None)
        if (name, where[0]) not in self.warned:
            self.warned.add((name, where[0]))
            self.diagnostics.warning(
                where[0],
                where[1] + 1,
                1,
                "custom-component",
                f"<{name}> (defined in {comp.file}) uses JavaScript that cannot run at build "
                "time; only its children are shown",
            )
        return Expansion(inner, key, where[0], None)

    def _snippet(self, rel: str, props: dict[str, Any]) -> Expansion:
        body = self.snippet_body(rel)
        scope = self.scopes[rel]
        values = dict(scope.values)
        values.update({k: v for k, v in props.items() if not isinstance(v, Expression)})
        text = substitute_in_fences(body, values)
        return Expansion(text, rel, rel, 0, values, partial(self._enter, scope))

    def _global_component(self, name: str) -> CustomComponent | None:
        """A component some snippet exports but the page never imported (Mintlify finds it)."""
        root = self.docs_dir / "snippets"
        pattern = re.compile(r"^export\s+(?:const|function)\s+" + re.escape(name) + r"\b", re.M)
        found: list[str] = []
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.suffix in _EXTENSIONS and path.is_file():
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
            if m:
                fence = m.group(1)
            continue
        if (
            m
            and m.group(1)[0] == fence[0]
            and len(m.group(1)) >= len(fence)
            and not m.group(2).strip()
        ):
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


def substitute_variables(source: str, variables: dict[str, str]) -> str:
    """docs.json `variables`: `{{name}}` replaced before MDX parsing."""
    if not variables or "{{" not in source:
        return source
    return _VARIABLE.sub(lambda m: variables.get(m.group(1), m.group(0)), source)


def parse_page(
    rel_path: str,
    source: str,
    *,
    docs_dir: Path,
    diagnostics: Diagnostics,
    read: Callable[[str], str | None],
    variables: dict[str, str] | None = None,
) -> ParsedPage:
    """Parse one page file into a `ParsedPage` (never raises on user content)."""
    frontmatter, body, body_line = split_frontmatter(source, rel_path, diagnostics)
    body = substitute_variables(body, variables or {})
    sources = {rel_path: body.split("\n")}
    expander = Expander(docs_dir, rel_path, read, diagnostics, variables or {}, sources)
    page_scope = expander.load_page(body)
    env: dict[str, Any] = {
        "src_path": rel_path,
        "diagnostics": diagnostics,
        "scope": page_scope.values,
        "expand_component": expander,
        "lenient": rel_path.endswith(".md"),
        "_sources": sources,
    }
    md = make_markdown()
    try:
        tokens = md.parse(body, env)
    except RecursionError:
        diagnostics.error(rel_path, 1, 1, "mdx-depth", "components are nested too deeply to render")
        tokens = []
    for key in ("expand_component", "_expanding", "_inline", "_sources", "_line_fixed"):
        env.pop(key, None)
    env["scope"] = page_scope.values
    return ParsedPage(
        rel_path=rel_path,
        frontmatter=frontmatter,
        tokens=tokens,
        env=env,
        depends_on=frozenset(expander.depends_on),
        body_start_line=body_line,
    )
