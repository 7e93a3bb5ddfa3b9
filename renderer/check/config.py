"""docs.json against Mintlify's documented schema (`docs_schema.json`, written from
organize/settings-reference.mdx and the settings pages beside it).

Unknown keys, wrong types and values outside an enum are `config-schema` warnings at the line
and column of the value, with a "did you mean" hint; documented settings mintrender does not
honour yet are one `unsupported-setting` info each, so none is silently ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from mintrender.errors import Diagnostic, Diagnostics
from mintrender.hints import did_you_mean
from mintrender.load.chrome import CHROME_KEYS
from mintrender.load.config import SiteConfig
from mintrender.load.jsonpos import PathKey, format_path
from mintrender.load.nav import DIVISION_KEYS, PageSlot, is_operation_ref

UNSUPPORTED: dict[PathKey, str] = {
    ("fonts",): "the theme's own fonts are used",
    ("background", "image"): "the theme's plain page background is used",
    ("background", "decoration"): "the theme's plain page background is used",
    ("thumbnails",): "social images are not generated",
    ("interaction", "drilldown"): "clicking a group expands it",
    ("metadata", "timestamp"): "pages show no last-modified date",
    ("integrations",): "no third-party analytics or chat script is loaded",
    ("seo", "organization"): "no JSON-LD publisher is written",
    ("api", "asyncapi"): "AsyncAPI channel pages show their own content only",
    ("api", "playground", "proxy"): "the playground calls the API directly",
    ("styling", "codeblocks", "languages"): "custom Shiki grammars are not loaded",
}
"""Documented settings mintrender does not honour yet, and what readers see instead."""

RENAMED = {
    "analytics": "integrations",
    "topbarLinks": "navbar.links",
    "topbarCtaButton": "navbar.primary",
    "footerSocials": "footer.socials",
    "modeToggle": "appearance",
    "tabs": "navigation.tabs",
    "anchors": "navigation.anchors",
}
"""mint.json keys whose docs.json names differ (a migrated file often keeps the old one)."""

LEGACY_NAMES: dict[PathKey, PathKey] = {
    ("background", "image"): ("backgroundImage",),
    ("fonts",): ("font",),
    ("integrations",): ("analytics",),
}
"""The mint.json names of unsupported settings its conversion moves (said under them)."""

_TYPE_NAMES = {
    "string": "a string",
    "object": "an object",
    "array": "an array",
    "boolean": "a boolean",
    "number": "a number",
    "integer": "an integer",
}
# what the load stage already reports: `navigation` missing, and type and colour problems
_ALREADY = {"navigation"}
_LOADER_CODES = {"config-type", "config-color", "config-missing"}


@lru_cache(maxsize=1)
def docs_schema() -> dict[str, Any]:
    text = resources.files("mintrender.check").joinpath("docs_schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def config_findings(config: SiteConfig, known: Diagnostics) -> list[Diagnostic]:
    """What `validate_config` adds to `known` (the loader's findings, which it does not
    repeat); a failure of the check itself is an internal error at the configuration file,
    and the build or check goes on without its findings."""
    found = Diagnostics()
    found.extend(known)
    mark = len(found)
    try:
        validate_config(config, found)
    except Exception as exc:  # a bug in the check, not in the docs: say so and go on
        del found[mark:]
        found.internal(config.config_file, 0, "checking the schema of", exc)
    return list(found[mark:])


def validate_config(config: SiteConfig, diagnostics: Diagnostics) -> None:
    """Schema findings and unsupported settings for a docs.json (mint.json is converted first,
    so its own names are not judged)."""
    if not isinstance(config.raw, dict):
        return
    if config.config_file == "mint.json":  # its own names are not docs.json's: not judged
        _unsupported(config, diagnostics, LEGACY_NAMES)
        return
    if config.config_file != "docs.json":
        return
    # the loader's messages start with the key's path: keys of a `$ref`-ed file all stand at
    # the `$ref`, so the place alone does not tell them apart
    already = {
        (d.line, d.column, d.message.split(": ", 1)[0])
        for d in diagnostics
        if d.file == config.config_file and d.code in _LOADER_CODES
    }
    for path, message, hint in _all_problems(config.raw):
        line, col = config.locate(path)
        where = format_path(path)
        if (line, col, where) in already:
            continue  # the loader said it already (config-type, config-color)
        diagnostics.warning(
            config.config_file, line, col, "config-schema", f"{where}: {message}", hint
        )
    _unsupported(config, diagnostics, {})


def _unsupported(
    config: SiteConfig, diagnostics: Diagnostics, names: dict[PathKey, PathKey]
) -> None:
    """An info for each documented setting mintrender does not honour; `names`: the path
    the configuration file writes a setting at, when it is not docs.json's (mint.json)."""
    for path, effect in UNSUPPORTED.items():
        # a setting turned off (`proxy: false`, `drilldown: false`) asks for what we do
        if _has(config.raw, path) and _value(config.raw, path) not in (False, None, "", [], {}):
            written = names.get(path, path)
            line, col = config.locate(written)
            diagnostics.add(
                "info",
                config.config_file,
                line,
                col,
                "unsupported-setting",
                f"{format_path(written)} is a Mintlify setting mintrender does not honour yet: "
                f"{effect}",
            )


def _value(data: Any, path: PathKey) -> Any:
    for key in path:
        data = data[key]
    return data


def _has(data: Any, path: PathKey) -> bool:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return False
        data = data[key]
    return True


def _all_problems(data: dict[str, Any]) -> Iterator[tuple[PathKey, str, str]]:
    """The schema's findings in docs.json, then in each language's own `banner`, `footer` and
    `navbar`, checked against the schema of the site's keys (the schema stops at the first
    level of navigation)."""
    yield from schema_problems(data)
    properties = docs_schema()["properties"]
    chrome_schema = {
        "type": "object",
        "properties": {k: properties[k] for k in CHROME_KEYS},
    }
    for where, entry in _language_entries(data.get("navigation"), ("navigation",)):
        own = {k: entry[k] for k in CHROME_KEYS if k in entry}
        if own:
            for path, message, hint in schema_problems(own, chrome_schema):
                yield (*where, *path), message, hint


def _language_entries(nav: Any, path: PathKey) -> Iterator[tuple[PathKey, dict[str, Any]]]:
    """Every entry of a `languages` list in the navigation `nav` (at `path`), with its path."""
    if not isinstance(nav, dict):
        return
    for key, _, _ in DIVISION_KEYS:
        entries = nav.get(key)
        for i, entry in enumerate(entries if isinstance(entries, list) else ()):
            if isinstance(entry, dict):
                if key == "languages":
                    yield (*path, key, i), entry
                yield from _language_entries(entry, (*path, key, i))


def schema_problems(
    data: dict[str, Any], schema: dict[str, Any] | None = None
) -> Iterator[tuple[PathKey, str, str]]:
    """(path, message, hint) for each way `data` breaks the schema (docs.json's unless given),
    most specific first."""
    from jsonschema import Draft202012Validator  # start-up time: only docs.json needs it

    validator = Draft202012Validator(docs_schema() if schema is None else schema)
    seen: set[tuple[PathKey, str]] = set()  # jsonschema gives one `required` error per key
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.path))):
        path = tuple(error.absolute_path)
        if path == () and error.validator == "required":
            missing = [k for k in error.validator_value if k not in data]
            problems: list[tuple[PathKey, str, str]] = [
                ((), f"required key {k!r} is missing", "") for k in missing if k not in _ALREADY
            ]
        else:
            problems = list(_describe(error, path))
        for where, message, hint in problems:
            if (where, message) not in seen:
                seen.add((where, message))
                yield where, message, hint


def _describe(error: Any, path: PathKey) -> Iterator[tuple[PathKey, str, str]]:
    kind = error.validator
    schema = error.schema
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        known = sorted(schema.get("properties", {}))
        for key in sorted(set(error.instance) - set(known)):
            hint = did_you_mean(key, known)
            if key in RENAMED:
                hint = f"docs.json calls it {RENAMED[key]!r} ({key!r} is mint.json's name)"
            yield (*path, key), f"unknown key {key!r}", hint
    elif kind == "enum":
        options = [str(v) for v in error.validator_value]
        hint = did_you_mean(str(error.instance), options)
        yield path, f"{error.instance!r} is not one of {', '.join(options)}", hint
    elif kind == "type":
        expected = error.validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        want = " or ".join(_TYPE_NAMES.get(n, n) for n in names)
        yield path, f"expected {want}, found {_type_of(error.instance)}", ""
    elif kind in ("anyOf", "oneOf"):
        fitting = [
            i for i, option in enumerate(error.validator_value) if _fits(option, error.instance)
        ]
        if len(fitting) == 1:  # the one shape of that type: what is wrong inside it
            for sub in error.context or []:
                if sub.relative_schema_path and sub.relative_schema_path[0] == fitting[0]:
                    yield from _describe(sub, tuple(sub.absolute_path))
            return
        want = _alternatives(error.validator_value)
        yield path, f"expected {want}, found {_type_of(error.instance)}", ""
    elif kind == "required":
        for key in error.validator_value:
            if isinstance(error.instance, dict) and key not in error.instance:
                yield path, f"required key {key!r} is missing", ""
    elif kind == "pattern":
        yield path, f"{error.instance!r} does not match {error.validator_value}", ""
    else:
        yield path, error.message, ""


def _fits(option: dict[str, Any], value: Any) -> bool:
    """Whether `value` has the JSON type `option` asks for (enums count as strings)."""
    kind = option.get("type", "string" if "enum" in option else None)
    return {
        "string": isinstance(value, str),
        "object": isinstance(value, dict),
        "array": isinstance(value, list),
        "boolean": isinstance(value, bool),
    }.get(str(kind), False)


def _alternatives(options: list[dict[str, Any]]) -> str:
    names = []
    for option in options:
        if "enum" in option:
            names.append(" or ".join(repr(v) for v in option["enum"]))
        else:
            names.append(_TYPE_NAMES.get(str(option.get("type")), str(option.get("type"))))
    return " or ".join(dict.fromkeys(names))


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return f"the string {value!r}" if len(value) < 40 else "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "null"


SCOPES = ("language", "version", "product")
"""Navigation divisions a page may legitimately appear once in each of."""


def duplicate_entries(config: SiteConfig, slots: Sequence[PageSlot]) -> list[Diagnostic]:
    """A `nav-duplicate` warning for each page listed again in one language/version (`build`
    reports them too: `--strict` fails on them as `check` does)."""
    out: list[Diagnostic] = []
    first: dict[tuple[object, ...], PageSlot] = {}
    for slot in slots:
        ref = slot.ref.strip().strip("/")
        if is_operation_ref(ref):
            continue
        scope = tuple((d.kind, d.label) for d in slot.divisions if d.kind in SCOPES)
        key = (ref, scope)
        if key not in first:
            first[key] = slot
            continue
        line, col = config.locate(slot.json_path, slot.ref)
        earlier, _ = config.locate(first[key].json_path)
        out.append(
            Diagnostic(
                "warning",
                config.config_file,
                line,
                col,
                "nav-duplicate",
                f"{ref!r} is already listed in the navigation (line {earlier}); a page appears "
                "once per language or version, so readers land in one place",
            )
        )
    return out
