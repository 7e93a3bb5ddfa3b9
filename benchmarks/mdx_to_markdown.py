"""Convert a Mintlify docs folder into a plain-Markdown MkDocs / Zensical project (for benchmarks).

The peers in `bench_peers.py` build the same pages as mintrender, converted by this module:

* every page file of the docs folder (`mintrender.load.sources.discover`, all languages) becomes
  `OUT/docs/<path>.md`; every static file (images, specs, downloads) is copied beside it;
* MDX is reduced to Markdown: `import`/`export` statements and `{/* comments */}` are dropped,
  each component tag (`<Card ...>`, `</Card>`, `<Icon ... />`, fragments) is removed and its
  children kept, dedented to where the component's content starts; a tag alone on its line that
  carries a `title` (or `name`, `label`, or a ParamField's `path`/`query`/`body`/`header`) leaves
  that text as a bold line. Lower-case HTML is left alone (Python-Markdown passes it through).
  Fenced code is kept verbatim, its info string cut to the language;
* frontmatter keeps `title`, `description` and `keywords` as YAML (MkDocs-Material and Zensical
  give other Mintlify keys such as `icon` or `mode` meanings of their own);
* the navigation of docs.json (or mint.json), `$ref` files included, becomes the `nav` of
  `OUT/mkdocs.yml` and `OUT/zensical.toml`: every language, version, tab, anchor, dropdown,
  product and group is a section, every page an entry (OpenAPI operations, which have no page
  file, are left out, as are pages missing from the folder).

    python benchmarks/mdx_to_markdown.py DOCS_DIR OUT_DIR
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from mintrender.load.sources import discover

KEPT_META = ("title", "description", "keywords")
"""Frontmatter keys carried over to the Markdown pages."""

TEXT_ATTRS = ("title", "name", "label", "path", "query", "body", "header")
"""Attributes whose text stands in for a block component's tag (first one present wins)."""

LABEL_KEYS = ("language", "version", "tab", "anchor", "dropdown", "product", "group", "item")
"""Keys naming a navigation node (the first one present is the section title)."""

CHILD_KEYS = (
    "languages",
    "versions",
    "tabs",
    "anchors",
    "dropdowns",
    "products",
    "menu",
    "groups",
    "pages",
    "navigation",
)
"""Keys holding a navigation node's children, in the order they are listed."""

MARKDOWN_EXTENSIONS: dict[str, dict[str, Any]] = {
    "abbr": {},
    "admonition": {},
    "attr_list": {},
    "def_list": {},
    "footnotes": {},
    "md_in_html": {},
    "tables": {},
    "toc": {"permalink": True},
    "pymdownx.details": {},
    "pymdownx.highlight": {"anchor_linenums": True},
    "pymdownx.inlinehilite": {},
    "pymdownx.superfences": {},
    "pymdownx.tabbed": {"alternate_style": True},
}
"""Markdown extensions of both peers (the same set, so they do the same work)."""

THEME_FEATURES = ("navigation.prune",)
"""Theme features of both peers. `navigation.prune` renders only the current page's part of the
navigation, as mintrender's sidebar does (the tab and language it is in); without it, every page
of a 1,000-page site carries the whole tree and MkDocs-Material's build takes 4 times longer."""

_FRONTMATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
_TAG_START = re.compile(r"</?(?:[A-Z][\w.:-]*|>)|<>")
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][\w.:-]*)?")
_ATTR = re.compile(
    r"""(?<![\w-])([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})"""
)
_COMMENT = re.compile(r"\{\s*/\*.*?\*/\s*\}", re.S)
_STATEMENT = re.compile(r"^(import|export)\s")
_MAX_TAG_LINES = 200


@dataclass(frozen=True, slots=True)
class ConvertedSite:
    """What `convert_site` wrote."""

    pages: tuple[str, ...]
    """Markdown pages written under `OUT/docs`, POSIX paths."""
    static: int
    """Static files copied."""
    nav: list[Any]
    """The MkDocs `nav` list (also written into both config files)."""


@dataclass(slots=True)
class _Open:
    name: str
    indent: int | None = None
    """Indentation of the component's first content line: its children are dedented by it."""


def split_frontmatter(text: str) -> tuple[dict[str, Any], str]:
    """The page's frontmatter (`{}` if absent or not a YAML mapping) and the body after it."""
    match = _FRONTMATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        meta = None
    return (meta if isinstance(meta, dict) else {}), text[match.end() :]


def _scan_tag(text: str, start: int) -> int | None:
    """End (exclusive) of the JSX tag starting at `text[start] == "<"`, or None if unclosed."""
    depth = 0
    quote = ""
    for j in range(start + 1, len(text)):
        c = text[j]
        if quote:
            if c == quote:
                quote = ""
        elif c in "\"'`":
            quote = c
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == ">" and depth <= 0:
            return j + 1
    return None


def _tag_text(tag: str) -> str:
    attrs: dict[str, str] = {}
    for m in _ATTR.finditer(tag):
        attrs.setdefault(m.group(1), next(g for g in m.groups()[1:] if g is not None))
    return next((attrs[k].strip() for k in TEXT_ATTRS if attrs.get(k, "").strip()), "")


def _rewrite_tags(chunk: str, stack: list[_Open]) -> tuple[str, list[str], bool]:
    """Remove the component tags of `chunk`, updating `stack`.

    Returns the remaining text, the texts of the tags (`TEXT_ATTRS`) and whether `chunk` ended
    inside an unclosed tag (the caller then joins the next line and tries again)."""
    out: list[str] = []
    texts: list[str] = []
    i = 0
    while i < len(chunk):
        c = chunk[i]
        if c == "`":
            run = len(chunk[i:]) - len(chunk[i:].lstrip("`"))
            close = chunk.find("`" * run, i + run)
            end = len(chunk) if close < 0 else close + run
            out.append(chunk[i:end])
            i = end
            continue
        if c == "<" and _TAG_START.match(chunk, i):
            tag_end = _scan_tag(chunk, i)
            if tag_end is None:
                return chunk, [], True
            tag = chunk[i:tag_end]
            name_match = _TAG_NAME.match(tag)
            name = (name_match.group(1) if name_match else "") or ""
            if tag.startswith("</"):
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k].name == name:
                        del stack[k:]
                        break
            else:
                text = _tag_text(tag)
                if text:
                    texts.append(text)
                if not tag.endswith("/>"):
                    stack.append(_Open(name))
            i = tag_end
            continue
        out.append(c)
        i += 1
    return "".join(out), texts, False


def _dedent(line: str, amount: int) -> str:
    indent = len(line) - len(line.lstrip(" \t"))
    return line[min(indent, amount) :]


def mdx_to_markdown(body: str) -> str:
    """The Markdown left of an MDX page body: components stripped to their children (see the
    module docstring)."""
    lines = _COMMENT.sub("", body).splitlines()
    stack: list[_Open] = []
    out: list[str] = []
    fence = ""
    fence_dedent = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if fence:
            stripped = _dedent(line, fence_dedent)
            out.append(stripped)
            if stripped.strip().startswith(fence) and not stripped.strip().strip(fence[0]):
                fence = ""
            continue
        if not stack and _STATEMENT.match(line):
            depth = line.count("{") + line.count("(") - line.count("}") - line.count(")")
            while depth > 0 and i < len(lines):
                depth += lines[i].count("{") + lines[i].count("(")
                depth -= lines[i].count("}") + lines[i].count(")")
                i += 1
            continue
        if stack and stack[-1].indent is None and line.strip():
            stack[-1].indent = len(line) - len(line.lstrip(" \t"))
        amount = (stack[-1].indent or 0) if stack else 0
        match = _FENCE.match(line)
        if match:
            fence = match.group(2)
            fence_dedent = amount
            lang = match.group(3).strip().split(" ")[0].split("{")[0]
            out.append(_dedent(match.group(1), amount) + fence + lang)
            continue
        chunk = line
        saved = [_Open(o.name, o.indent) for o in stack]
        text, texts, unclosed = _rewrite_tags(chunk, stack)
        extra = 0
        while unclosed and extra < _MAX_TAG_LINES and i + extra < len(lines):
            chunk += "\n" + lines[i + extra]
            extra += 1
            stack[:] = [_Open(o.name, o.indent) for o in saved]
            text, texts, unclosed = _rewrite_tags(chunk, stack)
        if unclosed:  # a lone "<" that opens no tag: keep the line as it is
            stack[:] = saved
            out.append(_dedent(line, amount))
            continue
        i += extra
        if text.strip() or not (texts or chunk.strip()):
            out.append(_dedent(text, amount) if text.strip() else "")
        else:  # only tags on this line: a block component's tag
            out.append("")
            for t in texts:
                out.extend([f"**{t}**", ""])
    return "\n".join(out).strip("\n") + "\n"


def convert_page(text: str) -> str:
    """A whole page file (frontmatter + MDX) as a Markdown page for MkDocs."""
    meta, body = split_frontmatter(text)
    kept = {k: meta[k] for k in KEPT_META if meta.get(k) not in (None, "")}
    head = ""
    if kept:
        head = "---\n" + yaml.safe_dump(kept, allow_unicode=True, sort_keys=False) + "---\n\n"
    return head + mdx_to_markdown(body)


def _load_config(docs_dir: Path) -> tuple[dict[str, Any], Path]:
    for name in ("docs.json", "mint.json"):
        path = docs_dir / name
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            return (data if isinstance(data, dict) else {}), path
    return {}, docs_dir / "docs.json"


def _nav_items(node: Any, base: Path, pages: dict[str, str], seen: set[Path]) -> list[Any]:
    if isinstance(node, str):
        key = node.strip().strip("/")
        md = pages.get(key) or pages.get(key.rsplit(".", 1)[0])
        return [md] if md else []
    if isinstance(node, list):
        return [item for child in node for item in _nav_items(child, base, pages, seen)]
    if not isinstance(node, dict):
        return []
    ref = node.get("$ref")
    if isinstance(ref, str):
        path = (base / ref).resolve()
        if path not in seen and path.is_file():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                loaded = {}
            if isinstance(loaded, dict):
                merged = {**loaded, **{k: v for k, v in node.items() if k != "$ref"}}
                return _nav_items(merged, path.parent, pages, seen | {path})
    items: list[Any] = []
    if isinstance(node.get("root"), str):
        items += _nav_items(node["root"], base, pages, seen)
    for key in CHILD_KEYS:
        if key in node:
            items += _nav_items(node[key], base, pages, seen)
    label = next((node[k] for k in LABEL_KEYS if isinstance(node.get(k), str)), None)
    if label is None or not items:
        return items
    return [{label.strip() or "Pages": items}]


def mkdocs_nav(docs_dir: Path, page_files: tuple[str, ...]) -> list[Any]:
    """The MkDocs `nav` of the docs folder's docs.json / mint.json, over `page_files` (POSIX
    paths of page files, e.g. `es/index.mdx`), each entry the page's `.md` path."""
    config, path = _load_config(docs_dir)
    pages = {rel.rsplit(".", 1)[0]: _md_path(rel) for rel in page_files}
    return _nav_items(config.get("navigation", []), path.parent, pages, set())


def _md_path(rel: str) -> str:
    return rel.rsplit(".", 1)[0] + ".md"


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{ "
            + ", ".join(f"{_toml_value(str(k))} = {_toml_value(v)}" for k, v in value.items())
            + " }"
        )
    return str(value)


def mkdocs_yml(site_name: str, nav: list[Any]) -> str:
    """mkdocs.yml for MkDocs 1.6 + Material over `docs/` into `site/`."""
    config = {
        "site_name": site_name,
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"name": "material", "features": list(THEME_FEATURES)},
        "plugins": ["search"],
        "markdown_extensions": [{k: v} if v else k for k, v in MARKDOWN_EXTENSIONS.items()],
        "nav": nav,
    }
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def zensical_toml(site_name: str, nav: list[Any]) -> str:
    """zensical.toml over `docs/` into `site/` (the same nav and Markdown extensions)."""
    lines = [
        "[project]",
        f"site_name = {_toml_value(site_name)}",
        'docs_dir = "docs"',
        'site_dir = "site"',
        f"nav = {_toml_value(nav)}",
        "",
        "[project.theme]",
        f"features = {_toml_value(list(THEME_FEATURES))}",
        "",
        "[project.markdown_extensions]",
    ]
    for name, options in MARKDOWN_EXTENSIONS.items():
        lines.append(f"{_toml_value(name)} = {_toml_value(options)}")
    return "\n".join(lines) + "\n"


def convert_site(docs_dir: Path, out_dir: Path) -> ConvertedSite:
    """Write the plain-Markdown project of `docs_dir` into `out_dir` (docs/, mkdocs.yml,
    zensical.toml); `out_dir` is replaced if it exists."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    target = out_dir / "docs"
    target.mkdir(parents=True)
    sources = discover(docs_dir)
    written: dict[str, str] = {}
    for rel in sources.pages:
        md = _md_path(rel)
        if md in written:  # foo.md beside foo.mdx: the first (sorted) wins
            continue
        text = (docs_dir / rel).read_text(encoding="utf-8", errors="replace")
        path = target / md
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(convert_page(text), encoding="utf-8")
        written[md] = rel
    for rel in sources.static:
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(docs_dir / rel, path)
    config, _ = _load_config(docs_dir)
    name = str(config.get("name") or docs_dir.name)
    nav = mkdocs_nav(docs_dir, tuple(written.values()))
    (out_dir / "mkdocs.yml").write_text(mkdocs_yml(name, nav), encoding="utf-8")
    (out_dir / "zensical.toml").write_text(zensical_toml(name, nav), encoding="utf-8")
    return ConvertedSite(tuple(written), len(sources.static), nav)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python benchmarks/mdx_to_markdown.py DOCS_DIR OUT_DIR", file=sys.stderr)
        return 2
    site = convert_site(Path(args[0]), Path(args[1]))
    print(f"{len(site.pages)} pages, {site.static} static files -> {args[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
