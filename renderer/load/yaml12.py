"""YAML as YAML 1.2 (its core schema), the one loader for frontmatter and specs alike.

PyYAML implements YAML 1.1, where `2024-01-01` is a date, `on`/`yes`/`no`/`off` are booleans,
`0755` is octal and `1.0e3` is a string. OpenAPI and today's tools read YAML 1.2, as does
Mintlify; here a plain scalar is

    null   ~ | null | Null | NULL | (empty)
    bool   true | True | TRUE | false | False | FALSE
    int    [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+
    float  [-+]?(\\.[0-9]+ | [0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)? | [-+]?.inf | .nan (any case)
    str    anything else (dates included)

and the merge key `<<` still works, as most tools allow it. `load_yaml` then turns the result
into plain JSON data (what the rest of mintrender and `json.dumps` expect): mapping keys become
strings as JavaScript makes them, explicitly tagged dates, sets and binaries become strings and
lists, and aliases are expanded within a budget (a "billion laughs" document or a recursive
alias is a `YAMLError`, hence a diagnostic, never a hang).
"""

from __future__ import annotations

import base64
import datetime
import math
import re
from typing import Any

import yaml

MAX_VALUES = 2_000_000
"""Values a document may expand to (aliases count each time they are used)."""
MAX_DEPTH = 1_000
"""Nesting depth of a document's values."""

FRONTMATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*\r?$", re.S | re.M
)
"""A page's frontmatter: the YAML (group 1) between `---` lines at its top. Here, in the load
stage, because a legacy mint.json's conversion reads the pages' `version` too."""

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: about 10x faster


_MERGE = "tag:yaml.org,2002:merge"


class _NotingDuplicates:
    """A loader noting each key a mapping gives twice (YAML forbids it; js-yaml, the reader of
    Mintlify's toolchain, refuses the document; PyYAML keeps the last value silently), while it
    builds the mapping anyway: no second read of the document to find them."""

    duplicates: list[tuple[str, int, int, int]]
    """(key, line, column, line of its first use), 0-based, as the document gives them."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)  # type: ignore[call-arg]
        self.duplicates = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode) and len(node.value) > 1:
            first: dict[str, int] = {}
            for key, _ in node.value:  # before a merge key (`<<`) adds the pairs it brings
                if isinstance(key, yaml.ScalarNode) and key.tag != _MERGE:
                    name = str(key.value)
                    if name in first:
                        mark = key.start_mark
                        self.duplicates.append((name, mark.line, mark.column, first[name]))
                    else:
                        first[name] = key.start_mark.line
        return super().construct_mapping(node, deep)  # type: ignore[misc]


class Yaml12Loader(_NotingDuplicates, _Base):
    """PyYAML's safe loader with YAML 1.2's core-schema resolvers instead of YAML 1.1's."""

    yaml_implicit_resolvers: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {}

    def construct_yaml12_int(self, node: yaml.ScalarNode) -> int:
        value = str(self.construct_scalar(node))
        sign = -1 if value.startswith("-") else 1
        digits = value.lstrip("+-")
        if digits.startswith("0o"):
            return sign * int(digits[2:], 8)
        if digits.startswith("0x"):
            return sign * int(digits[2:], 16)
        if len(digits) > 4000:  # past Python's digit limit: a float, as JavaScript reads it
            return sign * float(digits)  # type: ignore[return-value]
        return sign * int(digits)


_IMPLICIT: list[tuple[str, str, list[str]]] = [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("null", r"^(?:~|null|Null|NULL|)$", [*"~nN", ""]),  # "" first: the empty scalar
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+0123456789."),
    ),
    ("merge", r"^(?:<<)$", ["<"]),
]
for _name, _pattern, _first in _IMPLICIT:
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_name}", re.compile(_pattern), _first)
Yaml12Loader.add_constructor("tag:yaml.org,2002:int", Yaml12Loader.construct_yaml12_int)


class _Redefining(_NotingDuplicates, yaml.SafeLoader):
    """`Yaml12Loader` in Python, where an anchor may be defined again (YAML 1.2: an alias
    names the latest node of its anchor, as js-yaml reads it); libyaml refuses the document."""

    yaml_implicit_resolvers = Yaml12Loader.yaml_implicit_resolvers
    construct_yaml12_int = Yaml12Loader.construct_yaml12_int

    def compose_node(self, parent: Any, index: Any) -> Any:
        if not self.check_event(yaml.AliasEvent):
            anchor = self.peek_event().anchor
            if anchor is not None:
                self.anchors.pop(anchor, None)
        return super().compose_node(parent, index)


_Redefining.add_constructor("tag:yaml.org,2002:int", _Redefining.construct_yaml12_int)


def load_yaml(text: str, duplicates: list[tuple[str, int, int, int]] | None = None) -> Any:
    """Parse one YAML 1.2 document into plain JSON data (raises `yaml.YAMLError`). With
    `duplicates`, the keys a mapping gives twice are appended to it as (key, line, column, line
    of the first), 0-based; the last value is kept."""
    try:
        data, found = _load(text, Yaml12Loader)
    except yaml.composer.ComposerError as exc:
        if "duplicate anchor" not in f"{exc.context} {exc.problem}":
            raise
        data, found = _load(text, _Redefining)
    if duplicates is not None:
        duplicates.extend(sorted(found, key=lambda f: (f[1], f[2])))
    try:
        return plain(data)
    except YamlLimitError as exc:
        exc.problem_mark = limit_mark(text)
        raise


def _load(text: str, loader_class: type) -> tuple[Any, list[tuple[str, int, int, int]]]:
    """What `yaml.load` does, keeping the loader's noted duplicates."""
    loader = loader_class(text)
    try:
        return loader.get_single_data(), loader.duplicates
    finally:
        loader.dispose()


_KEY_LINE = re.compile(r"^([ \t]*(?:- +)?)([^\s#:'\"\-][^:\n]*?)[ \t]*:(?:[ \t]|$)", re.M)


def duplicate_keys(text: str) -> list[tuple[str, int, int, int]]:
    """The keys a YAML document gives twice in one mapping, as (key, line, column, line of its
    first use), 0-based: YAML forbids them and JavaScript's readers (js-yaml) refuse such a
    document, where PyYAML keeps the last. Cheap when no key line repeats (no second parse)."""
    seen: set[tuple[int, str]] = set()
    for m in _KEY_LINE.finditer(text):
        where = (len(m.group(1).expandtabs()), m.group(2))
        if where in seen:
            break
        seen.add(where)
    else:
        return []
    try:
        root = yaml.compose(text, Loader=Yaml12Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return []
    found: list[tuple[str, int, int, int]] = []
    stack, visited = [root], set()
    while stack:
        node = stack.pop()
        if node is None or id(node) in visited:
            continue
        visited.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                    name = str(key.value)
                    if name in first:
                        mark = key.start_mark
                        found.append((name, mark.line, mark.column, first[name]))
                    else:
                        first[name] = key.start_mark.line
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return sorted(found, key=lambda f: (f[1], f[2]))


class YamlLimitError(yaml.YAMLError):
    """A document past `MAX_VALUES` or `MAX_DEPTH`, or an alias that contains itself."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.problem_mark: Any = None
        """Where the document goes past the limit (`limit_mark`), once `load_yaml` knows."""


def limit_mark(text: str) -> Any:
    """The mark of the alias (or value) where `text` goes past a limit of `plain`: an alias
    inside the value it names, the value that takes the expanded document past `MAX_VALUES`,
    or past `MAX_DEPTH` levels. Read again as events (no values built), only after `plain`
    refused the document; the document's start if no event is found."""
    anchors: dict[str, tuple[int, int]] = {}  # anchor -> (expanded size, levels below it)
    stack: list[list[Any]] = []  # open collections: [anchor, size, levels below]
    total, start = 0, None
    try:
        for event in yaml.parse(text, Loader=Yaml12Loader):
            start = start or event.start_mark
            if isinstance(event, yaml.AliasEvent):
                if any(frame[0] == event.anchor for frame in stack):
                    return event.start_mark  # an alias inside the value it names
                size, below = anchors.get(str(event.anchor), (1, 0))
            elif isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
                size, below = 1, 0
            elif isinstance(event, yaml.CollectionEndEvent) and stack:
                anchor, size, below = stack.pop()
                if anchor is not None:
                    anchors[anchor] = (size, below)
                if stack:
                    stack[-1][1] += size - 1  # its own 1 was counted when it opened
                    stack[-1][2] = max(stack[-1][2], below + 1)
                continue
            else:
                continue
            total += size
            if total > MAX_VALUES or len(stack) + below > MAX_DEPTH:
                return event.start_mark
            if isinstance(event, yaml.CollectionStartEvent):
                stack.append([event.anchor, 1, 0])
                continue
            if isinstance(event, yaml.ScalarEvent) and event.anchor is not None:
                anchors[event.anchor] = (1, 0)
            if stack:
                stack[-1][1] += size
                stack[-1][2] = max(stack[-1][2], below + 1)
    except yaml.YAMLError:
        pass
    return start


def plain(data: Any) -> Any:
    """`data` as JSON data: str keys, no dates, sets, tuples or bytes. A value an alias repeats
    is converted once and shared, but counts as often as it is used: a document expanding to
    more than `MAX_VALUES` values (or nested deeper than `MAX_DEPTH`) is refused."""
    value, size = _Plain().convert(data, 0)
    return value


class _Plain:
    def __init__(self) -> None:
        self.done: dict[int, tuple[Any, int]] = {}
        """id of a list or mapping already converted -> (converted, expanded size)."""
        self.path: set[int] = set()

    def convert(self, value: Any, depth: int) -> tuple[Any, int]:
        if value is None or isinstance(value, (str, bool, int, float)):
            return value, 1
        if isinstance(value, (datetime.date, datetime.datetime)):
            return value.isoformat(), 1
        if isinstance(value, bytes):
            return base64.b64encode(value).decode("ascii"), 1
        if not isinstance(value, (dict, list, tuple, set, frozenset)):
            return str(value), 1
        key = id(value)
        if key in self.done:
            return self.done[key]
        if key in self.path:
            raise YamlLimitError("an alias refers to a value that contains it")
        if depth > MAX_DEPTH:
            raise YamlLimitError(f"values are nested more than {MAX_DEPTH} levels deep")
        self.path.add(key)
        size = 1
        out: Any
        if isinstance(value, dict):
            out = {}
            for k, v in value.items():
                out[js_key(k)], n = self.convert(v, depth + 1)
                size += n
        else:
            items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
            out = []
            for v in items:
                converted, n = self.convert(v, depth + 1)
                out.append(converted)
                size += n
        self.path.discard(key)
        if size > MAX_VALUES:
            raise YamlLimitError(f"the document expands to more than {MAX_VALUES:,} values")
        self.done[key] = (out, size)
        return out, size


def js_key(key: Any) -> str:
    """A mapping key as JavaScript's object would hold it: `200` -> "200", `true` -> "true"."""
    if isinstance(key, str):
        return key
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    if isinstance(key, float):
        return js_number(key)
    if isinstance(key, (list, tuple)):
        return ",".join(js_key(k) for k in key)
    return str(key)


def js_number(value: float) -> str:
    """A number as JavaScript prints it: `2.0` -> "2", `nan` -> "NaN", `inf` -> "Infinity"."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return str(int(value)) if value.is_integer() and abs(value) < 1e21 else repr(value)
