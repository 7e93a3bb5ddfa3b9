"""Site configuration: load docs.json (or a legacy mint.json), resolve `$ref`, validate, normalise."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mintrender.errors import Diagnostic, Diagnostics
from mintrender.fileio import is_file, load_json, regular_text
from mintrender.hints import json_problem, strip_trailing_commas
from mintrender.load.chrome import (
    Banner,
    Chrome,
    FooterColumn,
    NavbarLink,
    read_banner,
    read_footer,
    read_navbar,
)
from mintrender.load.contain import outside_link_message, resolve_inside
from mintrender.load.encoding import decode_source
from mintrender.load.jsonpos import JsonPositions, PathKey, duplicate_keys, format_path
from mintrender.load.legacy import convert_mint_json, legacy_types, page_versions
from mintrender.load.shapes import Warn, check_types
from mintrender.load.shapes import as_dict as _dict
from mintrender.load.shapes import as_str as _str
from mintrender.urls import docs_file

CONFIG_FILES = ("docs.json", "mint.json")
"""The configuration file names, the first found wins."""
HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")


MINTLIFY_THEMES = (
    "mint",
    "maple",
    "palm",
    "willow",
    "linden",
    "almond",
    "aspen",
    "sequoia",
    "luma",
)
"""The themes Mintlify documents; we draw every one with `mint` (a misspelt one is a schema
warning of `check`, not a fallback)."""
STYLED_THEMES = frozenset({"maple", "palm", "willow", "linden", "almond"})
"""The themes drawn with their own look over mint's layout (60-themes.css, keyed on the
`data-theme` base.html gives `<html>`)."""


class ConfigError(Exception):
    """The configuration cannot be used at all (missing file, invalid JSON).

    `str(exc)` is the diagnostic's one line, `file:line:col: error: message; hint [code]`.
    """

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.format())
        self.diagnostic = diagnostic


@dataclass(frozen=True, slots=True)
class Colors:
    primary: str = "#0D9373"
    """Light-mode accent."""
    light: str = ""
    """Dark-mode accent (falls back to primary)."""
    dark: str = ""
    """Button fill (falls back to primary)."""
    background_light: str = ""
    """`background.color.light`: the page colour in light mode ("": the theme's)."""
    background_dark: str = ""
    """`background.color.dark`: the page colour in dark mode ("": the theme's)."""


@dataclass(frozen=True, slots=True)
class Logo:
    light: str | None = None
    """Path or URL of the logo shown in light mode."""
    dark: str | None = None
    """Path or URL of the logo shown in dark mode."""
    href: str | None = None
    """Where the logo links to (default: home)."""


@dataclass(frozen=True, slots=True)
class Redirect:
    source: str
    destination: str
    permanent: bool = True


_LIGHT_SHIKI_THEMES = ("light", "latte", "lotus", "dawn", "ochin")
"""Words that mark a light Shiki theme (`github-light`, `catppuccin-latte`, `rose-pine-dawn`);
Shiki's other bundled themes are dark."""


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """Everything docs.json says that changes what a reader sees."""

    docs_dir: Path
    """Absolute path of the docs folder."""
    config_file: str
    """`docs.json` or `mint.json`."""
    name: str
    description: str
    theme: str
    colors: Colors
    logo: Logo
    favicon: str | None
    favicon_dark: str | None
    appearance_default: str
    """`system`, `light` or `dark`."""
    appearance_strict: bool
    icons_library: str
    navbar_links: tuple[NavbarLink, ...]
    navbar_primary: NavbarLink | None
    footer_socials: tuple[tuple[str, str], ...]
    footer_columns: tuple[FooterColumn, ...]
    banner: Banner | None
    redirects: tuple[Redirect, ...]
    metatags: tuple[tuple[str, str], ...]
    """Global meta tags: `seo.metatags` merged over the legacy `metadata` mapping."""
    seo_indexing: str
    search_prompt: str
    """docs.json `search.prompt`; "" for the theme's own, in the page's language."""
    variables: dict[str, str]
    eyebrows: str
    codeblocks: Any
    latex: bool | None
    api: dict[str, Any]
    """The raw `api` section (openapi.md §6)."""
    errors_404: dict[str, Any]
    navigation: dict[str, Any]
    """Raw navigation, `$ref`s resolved; `renderer.nav` builds the tree."""
    raw: dict[str, Any] = field(repr=False)
    positions: JsonPositions | None = field(default=None, repr=False, compare=False)

    @property
    def chrome(self) -> Chrome:
        """The site-wide banner, navbar and footer."""
        return Chrome(
            self.navbar_links,
            self.navbar_primary,
            self.footer_socials,
            self.footer_columns,
            self.banner,
        )

    @property
    def codeblocks_mode(self) -> str:
        """How code blocks look: "dark" in both modes (`styling.codeblocks` is "dark", or one
        dark Shiki theme for both modes: a name, or `{theme: name}`); "light" in both modes (one
        light Shiki theme); "" to follow the mode ("system", a theme per mode)."""
        value = self.codeblocks
        if isinstance(value, dict):
            value = value.get("theme")
        if not isinstance(value, str) or value.strip() in ("", "system", "auto"):
            return ""  # "auto": mint.json's `codeBlock.mode` as Mintlify's migration writes it
        value = value.strip().lower()
        return "light" if any(w in value for w in _LIGHT_SHIKI_THEMES) else "dark"

    def report_missing_files(self, files: frozenset[str], diagnostics: Diagnostics) -> None:
        """A logo or favicon docs.json names that is no file of the docs folder (`files`) and
        no URL: a warning at its place (a broken image in the header, no icon in the tab)."""
        for key in ("logo", "favicon"):
            value = self.raw.get(key)
            places: list[tuple[PathKey, Any]] = [((key,), value)] if isinstance(value, str) else []
            if isinstance(value, dict):
                places = [((key, mode), value.get(mode)) for mode in ("light", "dark")]
            for path, name in places:
                if not isinstance(name, str) or not name.strip() or "://" in name:
                    continue
                if name.startswith(("data:", "//")) or docs_file(name) in files:
                    continue
                line, col = self.locate(path)
                diagnostics.warning(
                    self.config_file,
                    line,
                    col,
                    "config-file",
                    f"{format_path(path)}: {name!r} is no file of the docs folder; "
                    + ("the header shows a broken image" if key == "logo" else "no site icon"),
                )

    def locate(self, path: PathKey, value: str | None = None) -> tuple[int, int]:
        """Line and column of a JSON path in the config file (1, 1 when unknown); `value`: the
        string found there, looked for when the file is not in docs.json's shape (mint.json)."""
        if self.positions is None:
            return (1, 1)
        legacy = self.config_file == "mint.json"
        return self.positions.line_col(path, value, legacy=legacy)


def find_config(docs_dir: Path) -> Path | None:
    """`docs.json` wins over `mint.json` (navigation.md §6)."""
    for name in CONFIG_FILES:
        candidate = docs_dir / name
        if is_file(candidate):
            return candidate
    return None


def load_config(docs_dir: Path, diagnostics: Diagnostics) -> SiteConfig:
    """Read, `$ref`-resolve, convert and validate the site configuration.

    Raises ConfigError only when nothing usable can be produced.
    """
    docs_dir = docs_dir.resolve()
    path = find_config(docs_dir)
    if path is None:
        raise ConfigError(
            Diagnostic(
                "error",
                str(docs_dir),
                0,
                0,
                "config-missing",
                "no docs.json or mint.json in this folder",
                "run mintrender in the folder that holds docs.json, or name it: "
                "mintrender build path/to/docs",
            )
        )
    if resolve_inside(docs_dir, path) is None:
        raise ConfigError(
            Diagnostic(
                "error",
                path.name,
                1,
                1,
                "symlink-outside",
                outside_link_message(path.name),
                "copy the configuration into the docs folder",
            )
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:  # no permission, a folder named docs.json, a disk error
        why = f"the configuration cannot be read: {exc.strerror or exc}"
        hint = "let the user running mintrender read it (chmod a+r)"
        diagnostic = Diagnostic("error", path.name, 0, 0, "file-unreadable", why, hint)
        raise ConfigError(diagnostic) from None
    decoded = decode_source(raw)  # not UTF-8: read on, with a warning
    if decoded.binary and decoded.bad is not None:  # JSON.parse refuses a raw NUL as well
        line, column, _ = decoded.bad
        why = (
            "invalid JSON: a NUL byte (0x00) is in the file, where JSON allows no control character"
        )
        hint = "remove it; inside a string, write it as \\u0000"
        raise ConfigError(Diagnostic("error", path.name, line, column, "config-json", why, hint))
    if decoded.bad is not None:
        line, column, _ = decoded.bad
        diagnostics.warning(path.name, line, column, "file-encoding", decoded.problem())
    text = decoded.text
    data = read_json_config(text, path.name, diagnostics)
    if not isinstance(data, dict):
        raise ConfigError(
            Diagnostic(
                "error",
                path.name,
                1,
                1,
                "config-type",
                "the configuration must be a JSON object",
                'start it with { "name": ..., "navigation": ... }',
            )
        )
    positions = JsonPositions(text)

    def warn(p: PathKey, code: str, message: str) -> None:
        line, col = positions.line_col(p)
        diagnostics.warning(path.name, line, col, code, f"{format_path(p)}: {message}")

    data = _Refs(docs_dir, diagnostics, positions).resolve(data, path, (), frozenset())
    if _deeper_than(data, MAX_CONFIG_DEPTH):  # files `$ref`s join may nest deeper together
        why = f"the configuration is nested too deeply (more than {MAX_CONFIG_DEPTH} levels)"
        raise ConfigError(Diagnostic("error", path.name, 1, 1, "config-json", why, ""))
    if path.name == "mint.json":
        data = convert_mint_json(legacy_types(data, warn), page_versions(docs_dir), warn)
    _validate(data, warn)
    theme = data.get("theme")
    if isinstance(theme, str) and theme.strip() in MINTLIFY_THEMES and theme.strip() != "mint":
        line, col = positions.line_col(("theme",))
        diagnostics.info(
            path.name,
            line,
            col,
            "theme-fallback",
            f"theme {theme.strip()!r} is drawn with the `mint` theme"
            + (" and its own look" if theme.strip() in STYLED_THEMES else ""),
            "the layout is mint's, with this theme's fonts, corners, spacing and panels"
            if theme.strip() in STYLED_THEMES
            else "the layout is mint's; your colours and logo are kept",
        )
    return _build(data, docs_dir, path.name, positions, warn)


MAX_CONFIG_DEPTH = 200
"""Levels of arrays and objects a configuration may nest (a real one has a dozen or two)."""


def _deeper_than(data: Any, limit: int) -> bool:
    stack = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)
    return False


def read_json_config(text: str, file: str, diagnostics: Diagnostics) -> Any:
    """Parse the configuration's JSON. A trailing comma is reported and forgiven (the rest of
    the site builds); any other syntax error raises ConfigError with a hint, and so does a
    configuration nested more than `MAX_CONFIG_DEPTH` levels deep. A key given twice in one
    object is a warning at the second: the last value counts, as `JSON.parse` has it."""
    duplicates: list[str] = []
    try:
        data = _parsed(text, file, diagnostics, duplicates)
    except RecursionError:  # `[[[[…` thousands deep
        data = None
    if data is None or _deeper_than(data, MAX_CONFIG_DEPTH):  # walked by recursion below
        why = f"the configuration is nested too deeply (more than {MAX_CONFIG_DEPTH} levels)"
        raise ConfigError(Diagnostic("error", file, 1, 1, "config-json", why, "")) from None
    for key, line, col, first in duplicate_keys(text) if duplicates else ():
        diagnostics.warning(
            file,
            line,
            col,
            "config-duplicate-key",
            f"key {key!r} is given twice in one object (first on line {first}); the last one "
            "is used, as Mintlify reads it; remove the other",
        )
    return data


def _parsed(text: str, file: str, diagnostics: Diagnostics, duplicates: list[str]) -> Any:
    try:
        data = load_json(text, duplicates)
    except json.JSONDecodeError as exc:
        problem = json_problem(text, exc)
        diagnostic = Diagnostic(
            "error",
            file,
            problem.line,
            problem.column,
            "config-json",
            problem.message,
            problem.hint,
        )
    else:
        constant = _JS_CONSTANT.search(text) if "NaN" in text or "Infinity" in text else None
        while constant is not None and not constant.group(1):  # a string: skipped
            constant = _JS_CONSTANT.search(text, constant.end())
        if constant is None:
            return data
        at = constant.start(1)
        line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
        why = f"{constant.group(1)} is no JSON value (JSON.parse refuses it, as Mintlify does)"
        hint = "write a number or a string"
        raise ConfigError(Diagnostic("error", file, line, column, "config-json", why, hint))
    try:
        data = load_json(strip_trailing_commas(text), duplicates)
    except json.JSONDecodeError:
        raise ConfigError(diagnostic) from None
    # the commas were the only mistake: say where each one is and go on
    while True:
        try:
            load_json(text)
            break
        except json.JSONDecodeError as exc:
            problem = json_problem(text, exc)
            if "trailing comma" not in problem.message:
                break
            diagnostics.error(
                file, problem.line, problem.column, "config-json", problem.message, problem.hint
            )
            text = _drop_char(text, problem.line, problem.column)
    return data


_JS_CONSTANT = re.compile(r'"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)\b')
"""A JSON string, or a constant Python's parser takes and JavaScript's does not."""


def _drop_char(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    row = lines[line - 1]
    lines[line - 1] = row[: column - 1] + " " + row[column:]
    return "\n".join(lines)


MAX_REFS = 2_000
"""`$ref` expansions of one configuration, at most: a file that refers twice to one that
refers twice to another… doubles per level (25 such files never finished)."""


class _Refs:
    """The `$ref`s of a configuration: each file read once, its problems reported at the
    `$ref` that names it, and the expansions counted (`MAX_REFS`)."""

    def __init__(self, docs_dir: Path, diagnostics: Diagnostics, positions: JsonPositions):
        self.docs_dir, self.diagnostics = docs_dir, diagnostics
        self.positions: dict[Path, JsonPositions] = {}
        self.root_positions = positions
        self.loaded: dict[Path, Any] = {}
        self.count = 0

    def error(self, file: Path, path: PathKey, message: str) -> None:
        positions = self.positions.get(file, self.root_positions)
        line, col = positions.line_col((*path, "$ref"))
        rel = (
            file.relative_to(self.docs_dir).as_posix()
            if file.is_relative_to(self.docs_dir)
            else file.name
        )
        self.diagnostics.error(rel, line, col, "config-ref", message)

    def load(self, target: Path, ref: str, file: Path, path: PathKey) -> Any:
        if target in self.loaded:
            return self.loaded[target]
        ref_file = target.relative_to(self.docs_dir).as_posix()
        try:
            text = regular_text(target)
            loaded = read_json_config(text, ref_file, self.diagnostics)
        except OSError as exc:
            self.error(file, path, f"$ref {ref!r} cannot be read: {exc}")
            loaded = {}
        except ConfigError as exc:
            self.diagnostics.append(exc.diagnostic)
            loaded = {}
        else:
            self.positions[target] = JsonPositions(text)
        self.loaded[target] = loaded
        return loaded

    def resolve(self, value: Any, file: Path, path: PathKey, seen: frozenset[Path]) -> Any:
        """Replace `{"$ref": "./x.json", ...siblings}` by the file's JSON (siblings win for
        objects)."""
        if isinstance(value, list):
            return [self.resolve(v, file, (*path, i), seen) for i, v in enumerate(value)]
        if not isinstance(value, dict):
            return value
        if isinstance(value.get("$ref"), str) and not value["$ref"].startswith("#"):
            ref = value["$ref"]
            target = (file.parent / ref).resolve()
            if not target.is_relative_to(self.docs_dir):
                self.error(file, path, f"$ref {ref!r} points outside the docs folder")
                return {}
            if target in seen:
                self.error(file, path, f"$ref {ref!r} forms a cycle")
                return {}
            self.count += 1
            if self.count > MAX_REFS:
                if self.count == MAX_REFS + 1:
                    self.error(
                        file,
                        path,
                        f"more than {MAX_REFS:,} $ref expansions (files that each refer to "
                        "others several times); the rest are left out",
                    )
                return {}
            loaded = self.resolve(self.load(target, ref, file, path), target, (), seen | {target})
            siblings = {k: v for k, v in value.items() if k != "$ref"}
            if isinstance(loaded, dict):
                merged = dict(loaded)
                merged.update(self.resolve(siblings, file, path, seen))
                return merged
            return loaded
        return {k: self.resolve(v, file, (*path, k), seen) for k, v in value.items()}


def _validate(data: dict[str, Any], warn: Warn) -> None:
    check_types(data, warn)
    if "navigation" not in data:
        warn((), "config-missing", "required key `navigation` is missing")
    background = data.get("background")
    places: list[tuple[tuple[str, ...], Any, tuple[str, ...]]] = [
        (("colors",), data.get("colors"), ("primary", "light", "dark"))
    ]
    if isinstance(background, dict):
        places.append((("background", "color"), background.get("color"), ("light", "dark")))
    for path, colors, keys in places:
        if not isinstance(colors, dict):
            continue
        for k in keys:
            v = colors.get(k)
            if v is not None and not (isinstance(v, str) and HEX_COLOR.match(v)):
                warn(
                    (*path, k),
                    "config-color",
                    f"expected a hex colour like #0D9373, found {v!r}",
                )


def _background_colors(data: dict[str, Any]) -> tuple[str, str]:
    """`background.color`'s light and dark page colours, where they are hex colours (else
    "": `_validate` warned)."""
    color = _dict(_dict(data.get("background")).get("color"))
    out = []
    for mode in ("light", "dark"):
        value = color.get(mode)
        out.append(value if isinstance(value, str) and HEX_COLOR.match(value) else "")
    return out[0], out[1]


def _build(
    data: dict[str, Any], docs_dir: Path, file: str, positions: JsonPositions, warn: Warn
) -> SiteConfig:
    colors = _dict(data.get("colors"))
    primary = _str(colors.get("primary")) or "#0D9373"
    logo_raw = data.get("logo")
    if isinstance(logo_raw, str):
        logo = Logo(logo_raw, logo_raw, None)
    else:
        lr = _dict(logo_raw)
        logo = Logo(
            _str(lr.get("light")) or _str(lr.get("dark")),
            _str(lr.get("dark")) or _str(lr.get("light")),
            _str(lr.get("href")),
        )
    fav = data.get("favicon")
    favicon = fav if isinstance(fav, str) else _str(_dict(fav).get("light"))
    favicon_dark = fav if isinstance(fav, str) else _str(_dict(fav).get("dark")) or favicon
    appearance = _dict(data.get("appearance"))
    links, navbar_primary = read_navbar(_dict(data.get("navbar")), ("navbar",), warn)
    socials, columns = read_footer(_dict(data.get("footer")), ("footer",), warn)
    banner = read_banner(_dict(data.get("banner")))
    redirects = []
    for i, r in enumerate(data.get("redirects") or []):
        if isinstance(r, dict) and _str(r.get("source")) and _str(r.get("destination")):
            redirects.append(
                Redirect(r["source"], r["destination"], r.get("permanent", True) is not False)
            )
            if "#" in r["source"] or "?" in r["source"]:
                why = "a redirect source cannot hold `#` or `?`: a browser never sends a fragment"
                warn(("redirects", i, "source"), "config-redirect", f"{why}; the rule is left out")
        else:
            warn(("redirects", i), "config-redirect", "a redirect needs `source` and `destination`")
    seo = _dict(data.get("seo"))
    metatags: dict[str, str] = {}
    for source in (_dict(data.get("metadata")), _dict(seo.get("metatags"))):
        for k, v in source.items():
            if isinstance(v, (str, int, float)) and not isinstance(v, bool):
                metatags[str(k)] = str(v)
    styling = _dict(data.get("styling"))
    latex = styling.get("latex")
    nav = data.get("navigation")
    if isinstance(nav, list):  # a bare list of groups
        nav = {"groups": nav}
    variables = {str(k): str(v) for k, v in _dict(data.get("variables")).items()}
    for name in variables:  # names: letters, digits and hyphens (settings-structure.mdx)
        if not re.fullmatch(r"[A-Za-z0-9_-]+", name):
            why = f"variable name {name!r} can hold only letters, digits and hyphens: "
            warn(("variables", name), "config-type", why + f"{{{{{name}}}}} fills nothing")
    return SiteConfig(
        docs_dir=docs_dir,
        config_file=file,
        name=_str(data.get("name")) or docs_dir.name,
        description=_str(data.get("description")) or "",
        theme=_str(data.get("theme")) or "mint",
        colors=Colors(
            primary,
            _str(colors.get("light")) or primary,
            _str(colors.get("dark")) or primary,
            *_background_colors(data),
        ),
        logo=logo,
        favicon=favicon,
        favicon_dark=favicon_dark,
        appearance_default=_str(appearance.get("default")) or "system",
        appearance_strict=bool(appearance.get("strict")),
        icons_library=_str(_dict(data.get("icons")).get("library")) or "fontawesome",
        navbar_links=links,
        navbar_primary=navbar_primary,
        footer_socials=socials,
        footer_columns=columns,
        banner=banner,
        redirects=tuple(redirects),
        metatags=tuple(sorted(metatags.items())),
        seo_indexing=_str(seo.get("indexing")) or "navigable",
        search_prompt=_str(_dict(data.get("search")).get("prompt")) or "",
        variables=variables,
        eyebrows=_str(styling.get("eyebrows")) or "section",
        codeblocks=styling.get("codeblocks", "system"),
        latex=latex if isinstance(latex, bool) else None,
        api=_dict(data.get("api")),
        errors_404=_dict(_dict(data.get("errors")).get("404")),
        navigation=_dict(nav),
        raw=data,
        positions=positions,
    )
