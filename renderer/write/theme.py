"""The theme: Jinja2 environment, the parts of the theme's static folder and which a page links."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import nodes
from jinja2.ext import Extension

from mintrender.cache import Store
from mintrender.components import PARTS_OF
from mintrender.fileio import is_dir
from mintrender.index.languages import text_direction
from mintrender.load.contain import resolve_inside
from mintrender.render.highlight import pygments_css
from mintrender.themes import theme_dir
from mintrender.themes.uitext import js_ui_text, ui_text
from mintrender.urls import ASSET_DIR, ROOT
from mintrender.write.bundle import bundle_theme, minify_css, part_of, theme_manifest, theme_parts

if TYPE_CHECKING:
    from mintrender.model import PageRecord


_LAYOUT_WHITESPACE = re.compile(r"(?<=[>}])\n[ \t]*(?=[<{])")


class TightLoader(jinja2.FileSystemLoader):
    """The theme's own templates, indented for reading: the newline + indentation between two
    tags (or template tags) is dropped when they load (page weight). Spaces written on a line
    stay, and so do templates a site overrides in `_theme/`. Done in the loader, not in an
    extension, so that Jinja's bytecode caches key on the tightened source."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        return _LAYOUT_WHITESPACE.sub("", source), filename, uptodate


class ContainedLoader(jinja2.FileSystemLoader):
    """A site's `_theme/` overrides, read only inside the docs folder (load/contain.py)."""

    def __init__(self, folder: Path, docs_dir: Path) -> None:
        super().__init__(str(folder))
        self.docs_dir = docs_dir

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        if resolve_inside(self.docs_dir, Path(filename)) is None:
            raise jinja2.TemplateNotFound(template)  # the theme's own template applies
        return source, filename, uptodate


class StoreBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in the build cache (`mintrender.cache.Store`: verified entries,
    keyed by the template's source checksum); anything amiss compiles the template again."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.store.get(f"template-{bucket.key}", bucket.checksum)
        if isinstance(data, bytes):
            try:
                bucket.bytecode_from_string(data)
            except Exception:  # noqa: BLE001 - compiled again
                bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.code is not None:
            self.store.put(f"template-{bucket.key}", bucket.checksum, bucket.bytecode_to_string())


_DICT_ATTRIBUTES = frozenset(dir(dict))


class ThemeEnvironment(jinja2.Environment):
    """The theme's Jinja environment. `a.b` on a plain dict is looked up as a key straight
    away: Jinja tries the attribute first and a dict has none but its methods, so the answer
    is the same without the AttributeError raised and caught on every lookup of the theme's
    (dict) context."""

    overridden = False
    """Whether a site's `_theme/` folder overrides any template (then no `{% cache %}`)."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


FRAGMENTS = "fragments"
"""The context variable holding a page writer's fragment store (`FragmentCache`)."""


class FragmentCache(Extension):
    """`{% cache "name", a, b %}...{% endcache %}`: the enclosed output is rendered once per
    page writer for each value of the keys `a, b` and reused by every page where they are equal
    (the banner, the header, the sidebar's selectors, the footer: the same on most pages).

    The keys must name everything the enclosed part reads that varies between the pages of one
    build (what is the same for the whole build, `root`, `offline`, `site` but for a language's
    own banner, navbar and footer, which `site.chrome_key` names, needs no key). The
    store is the context variable `fragments` (a dict the page writer owns); without it, or
    when a site overrides templates (`ThemeEnvironment.overridden`: an override may read
    anything), the part is rendered every time."""

    tags = {"cache"}

    def parse(self, parser: Any) -> nodes.Node:
        lineno = next(parser.stream).lineno
        args: list[nodes.Expr] = [nodes.ContextReference(), parser.parse_expression()]
        while parser.stream.skip_if("comma"):
            args.append(parser.parse_expression())
        body = parser.parse_statements(("name:endcache",), drop_needle=True)
        call = self.call_method("_fragment", args)
        return nodes.CallBlock(call, [], [], body).set_lineno(lineno)

    def _fragment(
        self, context: jinja2.runtime.Context, name: str, *keys: Any, caller: Callable[[], str]
    ) -> str:
        store = context.get(FRAGMENTS)
        if store is None or getattr(self.environment, "overridden", True):
            return caller()
        key = (name, repr(keys))  # the context's plain values: their repr tells them apart
        text = store.get(key)
        if text is None:
            text = store[key] = caller()
        return text


def make_environment(
    docs_dir: Path, *, overrides: bool = True, compiled: Path | None = None
) -> jinja2.Environment:
    """The theme's templates, under a site's `_theme/` overrides unless `overrides` is off
    (`--safe`: a template is code that runs at build time); compiled templates are kept in the
    folder `compiled` when given (the build cache)."""
    loaders: list[jinja2.BaseLoader] = []
    override = docs_dir / "_theme"
    if overrides and resolve_inside(docs_dir, override) is not None and is_dir(override):
        loaders.append(ContainedLoader(override, docs_dir))
    loaders.append(TightLoader(str(theme_dir("mint") / "templates")))
    env = ThemeEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=StoreBytecodeCache(Store(compiled)) if compiled is not None else None,
        extensions=[FragmentCache],
        cache_size=-1,  # a plain dict: a few dozen templates, looked up on every include
    )
    env.overridden = len(loaders) > 1 and bool(loaders[0].list_templates())
    env.globals["text_direction"] = text_direction
    env.globals["ui_text"] = ui_text
    env.globals["js_ui_text"] = js_ui_text
    return env


PURE_MACROS = (("partials/icons.html", "icon"),)
"""Theme macros whose output depends on their arguments alone (imported without context)."""


def remember_macros(env: jinja2.Environment) -> None:
    """Each of the `PURE_MACROS` answers a call it answered before from memory (the theme's UI
    icons: a dozen on each page, from a handful of arguments). Not when a site overrides
    templates: an override may be anything."""
    if getattr(env, "overridden", True):
        return
    for name, attribute in PURE_MACROS:
        module = env.get_template(name).module  # the module every `{% import %}` of it gets
        macro = getattr(module, attribute)
        if not isinstance(macro, jinja2.runtime.Macro):
            continue  # remembered already
        memory: dict[str, Any] = {}

        def remembered(
            *args: Any, _macro: Any = macro, _memory: Any = memory, **kwargs: Any
        ) -> Any:
            key = repr((args, kwargs))
            value = _memory.get(key)
            if value is None:
                value = _memory[key] = _macro(*args, **kwargs)
            return value

        setattr(module, attribute, remembered)


def compile_all(env: jinja2.Environment) -> None:
    """Load (compile) every template now, e.g. before page writers fork, so that each of them
    does not compile its own copy; a template that fails to compile is left for its page."""
    for name in env.list_templates(filter_func=lambda n: n.endswith(".html")):
        try:
            env.get_template(name)
        except jinja2.TemplateError:
            continue


@dataclass(frozen=True, slots=True)
class ThemeParts:
    """What the write stage needs to know about a theme's parts (see `parts.json`)."""

    order: tuple[str, ...]
    """Linkable parts in cascade order."""
    kinds: dict[str, frozenset[str]]
    """Part -> the bundles it has ("css", "js")."""
    when: dict[str, tuple[str, ...]]
    """Part -> the strings of a page's content (or feature flags) that call for it, besides the
    components that name it (`ComponentSpec.parts`)."""


_PARTS_CACHE: dict[Path, tuple[tuple[object, ...], ThemeParts]] = {}


def theme_static() -> Path:
    return theme_dir("mint") / "static"


def load_theme_parts(static: Path | None = None) -> ThemeParts:
    """The parts of the theme's static folder (cached until a file is added, removed or the
    manifest changes)."""
    static = static or theme_static()
    names = tuple(sorted(p.name for k in ("css", "js") for p in (static / k).glob(f"*.{k}")))
    manifest_path = static / "parts.json"
    stamp: tuple[object, ...] = (
        names,
        manifest_path.stat().st_mtime_ns if manifest_path.exists() else 0,
    )
    cached = _PARTS_CACHE.get(static)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    manifest = theme_manifest(static)
    assigned = {str(n): part for part, spec in manifest.items() for n in spec.get("files", ())}
    kinds: dict[str, set[str]] = {}
    for name in names:
        part = part_of(name, assigned)
        if part is not None:
            kinds.setdefault(part, set()).add(name.rsplit(".", 1)[1])
    lazy = {part for part, spec in manifest.items() if spec.get("lazy")}
    order = tuple(p for p in theme_parts(static) if p not in lazy)
    when = {
        part: tuple(str(w) for w in manifest[part].get("when", ()))
        if part in manifest
        else (f"[{part}]",)
        for part in order
    }
    parts = ThemeParts(order, {k: frozenset(v) for k, v in kinds.items()}, when)
    _PARTS_CACHE[static] = (stamp, parts)
    return parts


def theme_files(static: Path | None = None) -> dict[str, str]:
    """Every file the theme puts in `_mintrender/` (name -> text), as the build writes them:
    `mintrender.css`/`.js` (the core every page links) and `PART.css`/`.js` per part. The
    Pygments token colours go with the `code` part. The preview server serves these too."""
    static = static or theme_static()
    files = {
        "mintrender.css": bundle_theme(static, "css", part="main"),
        "mintrender.js": bundle_theme(static, "js", part="main"),
    }
    for part in theme_parts(static):
        for kind in ("css", "js"):
            text = bundle_theme(static, kind, part=part)
            if part == "code" and kind == "css":
                text += "/* pygments */\n" + compact_token_css(minify_css(pygments_css())) + "\n"
            if text:
                files[f"{part}.{kind}"] = text
    return files


_TOKEN_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def compact_token_css(css: str) -> str:
    """Merge Pygments rules with the same declarations: `.a .k{x}.a .kd{x}` -> `.a :is(.k,.kd){x}`
    (same specificity: `:is()` counts as its one class).

    Safe for Pygments' stylesheet only: every rule of one scope (light, or `.dark`) targets a
    different token class and a token has one class, so no element matches two merged rules.
    """
    groups: dict[tuple[str, str], list[str]] = {}
    for m in _TOKEN_RULE.finditer(css):
        selector, body = m.group(1).strip(), m.group(2).strip().rstrip(";")
        scope, _, token = selector.rpartition(" ")
        groups.setdefault((scope, body.replace(": ", ":")), []).append(token)
    out = []
    for (scope, body), tokens in groups.items():
        target = tokens[0] if len(tokens) == 1 else ":is(" + ",".join(tokens) + ")"
        out.append(f"{scope} {target}{{{body}}}")
    return "".join(out)


def fill(env: jinja2.Environment, name: str, offline: bool, **context: Any) -> str:
    """Theme template `name` rendered with `context` and what every page template gets: the
    ROOT placeholder and whether the site is an offline bundle."""
    return env.get_template(name).render(root=ROOT, offline=offline, **context)


def page_parts(
    content: str,
    flags: frozenset[str],
    parts: ThemeParts,
    components: Iterable[str] = (),
) -> list[str]:
    """The parts a page needs, in cascade order: the parts of the components it rendered
    (`ComponentSpec.parts`), and those whose `when` strings occur in its content HTML or name
    one of its feature flags (`[toc]`, `[aside]`, `[menu]`, `[api]`)."""
    used = {part for name in components for part in PARTS_OF.get(name, ())}
    return [
        part
        for part in parts.order
        if part in used
        or any(w in flags if w.startswith("[") else w in content for w in parts.when[part])
    ]


def with_parts(assets: dict[str, Any], needed: list[str], parts: ThemeParts) -> dict[str, Any]:
    """`assets` with the part bundles of `needed` after the core ones (and any part bundle a
    caller put there already moved into cascade order)."""
    out = dict(assets)
    for kind in ("css", "js"):
        known = {f"{ROOT}{ASSET_DIR}/{part}.{kind}" for part in parts.order}
        core = [u for u in assets.get(kind) or [] if u not in known]
        extra = [f"{ROOT}{ASSET_DIR}/{p}.{kind}" for p in needed if kind in parts.kinds.get(p, ())]
        out[kind] = core + extra
    return out


def page_flags(record: PageRecord, nav: dict[str, Any], page: dict[str, Any]) -> frozenset[str]:
    flags = set()
    if page["aside_html"]:
        flags.add("[aside]")
    has_toc = any(e["level"] in (2, 3) for e in page["toc"])
    if page["mode"] == "default" and not page["is_api"] and not page["aside_html"] and has_toc:
        flags.add("[toc]")
    if any(nav.get(k) for k in ("languages", "products", "versions", "dropdowns", "menu")):
        flags.add("[menu]")
    if record.api is not None or record.kind == "api":
        flags.add("[api]")  # a reference view (ParamField pages only need the `fields` part)
    return frozenset(flags)
