"""MDX front-end: frontmatter, ESM, snippets, JSX and Markdown into one markdown-it token stream."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from components._jsx import jsx_plugin
from renderer.errors import Diagnostics
from renderer.esm import ESM_START, CustomComponent, expand_component, parse_module, statement_end

if TYPE_CHECKING:
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

_FRONTMATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*$", re.S | re.M
)
_CUSTOM_ID = re.compile(r"\s*\{#([\w\-:.]+)\}\s*$")
_VARIABLE = re.compile(r"\{\{\s*([A-Za-z0-9_-]+)\s*\}\}")
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
    """The core `inline` rule, recording each inline token's line for diagnostics."""
    md = state.md
    env = state.env
    for tok in state.tokens:
        if tok.type == "inline":
            env["_inline_line"] = tok.map[0] if tok.map else 0
            md.inline.parse(tok.content, md, env, tok.children)


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


class Expander:
    """Resolves snippet imports and custom components while a page is parsed."""

    def __init__(
        self,
        docs_dir: Path,
        rel_path: str,
        read: Callable[[str], str | None],
        diagnostics: Diagnostics,
        variables: dict[str, str],
    ) -> None:
        self.docs_dir = docs_dir
        self.rel_path = rel_path
        self.read = read
        self.diagnostics = diagnostics
        self.variables = variables
        self.imports: dict[str, tuple[str, str, str]] = {}
        """local name -> (resolved snippet rel path, imported name, importing file)."""
        self.components: dict[str, CustomComponent] = {}
        self.values: dict[str, Any] = {}
        self.depends_on: set[str] = {rel_path}
        self.warned: set[str] = set()
        self.modules: dict[str, Any] = {}

    def load_module(self, source: str, file: str) -> None:
        scope, problems = parse_module(source, file)
        for line, message in problems:
            self.diagnostics.warning(file, line + 1, 1, "mdx-import", message)
        self.values.update(scope.values)
        self.components.update(scope.components)
        for local, (path, imported) in scope.imports.items():
            resolved = self.resolve_import(path, file)
            if resolved is None:
                line = next((s.start_line for s in scope.statements if path in s.text), 0)
                self.diagnostics.warning(
                    file, line + 1, 1, "mdx-import", f"cannot find imported file {path!r}"
                )
                continue
            self.imports[local] = (resolved, imported, file)
            if imported != "default" or not resolved.endswith((".mdx", ".md")):
                self._load_named(resolved, imported, local)

    def _load_named(self, resolved: str, imported: str, local: str) -> None:
        mod = self.modules.get(resolved)
        if mod is None:
            text = self.read(resolved)
            self.depends_on.add(resolved)
            mod, _ = parse_module(text or "", resolved)
            self.modules[resolved] = mod
        if imported in mod.components:
            self.components[local] = mod.components[imported]
        elif imported in mod.values:
            self.values[local] = mod.values[imported]

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

    def __call__(
        self, name: str, props: dict[str, Any], raw_props: dict[str, str], inner: str, line: int
    ) -> tuple[str, str] | None:
        if name in self.imports:
            resolved, imported, _ = self.imports[name]
            if imported == "default" and resolved.endswith((".mdx", ".md")):
                text = self.read(resolved)
                self.depends_on.add(resolved)
                if text is None:
                    return None
                _, body, _ = split_frontmatter(text, resolved, self.diagnostics)
                body = substitute_variables(body, self.variables)
                self.load_module(body, resolved)
                for key, value in props.items():
                    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                        body = re.sub(
                            r"\{\s*" + re.escape(key) + r"\s*\}",
                            str(value).replace("\\", "\\\\"),
                            body,
                        )
                return body, resolved
        if name == "Snippet" and isinstance(props.get("file"), str):
            resolved = self.resolve_import("/snippets/" + props["file"].lstrip("/"), self.rel_path)
            resolved = resolved or self.resolve_import(props["file"], self.rel_path)
            if resolved:
                text = self.read(resolved) or ""
                self.depends_on.add(resolved)
                _, body, _ = split_frontmatter(text, resolved, self.diagnostics)
                return substitute_variables(body, self.variables), resolved
        comp = self.components.get(name)
        if comp is not None:
            if comp.plain:
                return expand_component(comp, props, inner), f"<{name}>"
            if name not in self.warned:
                self.warned.add(name)
                self.diagnostics.warning(
                    self.rel_path,
                    line + 1,
                    1,
                    "custom-component",
                    f"<{name}> (defined in {comp.file}) uses JavaScript that cannot run at build "
                    "time; only its children are shown",
                )
            return inner, f"<{name}>"
        return None


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
    expander = Expander(docs_dir, rel_path, read, diagnostics, variables or {})
    expander.load_module(body, rel_path)
    env: dict[str, Any] = {
        "src_path": rel_path,
        "diagnostics": diagnostics,
        "scope": expander.values,
        "expand_component": expander,
        "lenient": rel_path.endswith(".md"),
    }
    md = make_markdown()
    try:
        tokens = md.parse(body, env)
    except RecursionError:
        diagnostics.error(rel_path, 1, 1, "mdx-depth", "components are nested too deeply to render")
        tokens = []
    env.pop("expand_component", None)
    return ParsedPage(
        rel_path=rel_path,
        frontmatter=frontmatter,
        tokens=tokens,
        env=env,
        depends_on=frozenset(expander.depends_on),
        body_start_line=body_line,
    )
