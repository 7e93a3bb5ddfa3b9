"""The API index: finding the operation a page's `openapi:` frontmatter refers to."""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mintrender.openapi.model import HTTP_METHODS, Operation

if TYPE_CHECKING:
    from mintrender.openapi.refs import SpecStore
    from mintrender.openapi.schemas import SchemaIndex


@dataclass(frozen=True, slots=True)
class Tag:
    """A tag of the spec's `tags` list (or one only used by operations)."""

    name: str
    """Tag name (used in URLs)."""
    label: str
    """Display label: `x-group`, else the name."""
    description: str = ""
    """Markdown description."""


@dataclass(frozen=True, slots=True)
class ApiSpec:
    """One loaded OpenAPI document."""

    rel_path: str
    """POSIX path relative to the docs folder."""
    title: str
    """`info.title`."""
    version: str
    """`info.version`."""
    openapi: str
    """`openapi` version string (`3.0.3`, `3.1.0`)."""
    operations: tuple[Operation, ...]
    """Operations then webhooks, in spec order."""
    tags: tuple[Tag, ...] = ()
    """Declared tags, then tags only found on operations."""


@dataclass(frozen=True, slots=True)
class Resolution:
    """Outcome of resolving an `openapi:` reference."""

    operation: Operation | None
    """The chosen operation, `None` when nothing matched."""
    candidates: list[str]
    """Every match as `spec METHOD /path`, chosen one first."""
    problem: str | None
    """Why nothing matched, or a warning about the choice; `None` when all is well."""
    ambiguous: bool = False
    """Several specs matched and neither folder nor navigation decided: alphabetical order did."""


@dataclass(frozen=True, slots=True)
class NavOperation:
    """An operation listed for a navigation-generated page."""

    operation: Operation
    """The operation."""
    slug: str
    """Stable URL slug relative to the generated directory (`tag-slug/summary-slug`)."""
    href: str | None = None
    """`x-mint.href` when set (the page URL chosen by the author)."""
    hidden: bool = False
    """`x-hidden`: generate the page but leave it out of the sidebar."""


@dataclass(frozen=True, slots=True)
class NavTagGroup:
    """Operations of one tag, in spec order."""

    tag: str
    """Tag name ("" for untagged operations)."""
    label: str
    """Group label (`x-group` or the tag name; untagged: "Endpoints")."""
    operations: tuple[NavOperation, ...]
    """The operations."""


@dataclass(frozen=True, slots=True)
class ParsedRef:
    """A frontmatter reference split into its parts."""

    spec: str | None
    """The SPEC token, `None` when absent."""
    method: str
    """Upper-case method, or `WEBHOOK`."""
    target: str
    """Path (or webhook name)."""


_REF_METHODS = {*HTTP_METHODS, "WEBHOOK"}


def parse_ref(ref: str) -> ParsedRef | None:
    """Split `[SPEC ]METHOD PATH` / `[SPEC ]webhook NAME`; `None` when malformed."""
    text = ref.strip().strip("\"'").strip()
    tokens = text.split()
    if len(tokens) < 2:
        return None
    spec = None
    if tokens[0].upper() not in _REF_METHODS:
        spec, tokens = tokens[0].strip("\"'"), tokens[1:]
    if len(tokens) < 2 or tokens[0].upper() not in _REF_METHODS:
        return None
    return ParsedRef(spec, tokens[0].upper(), " ".join(tokens[1:]).strip("\"'"))


def _norm_path(path: str) -> str:
    return path.rstrip("/") or "/"


def _loose(path: str) -> str:
    return re.sub(r"[-_]", "", path.lower()).rstrip("/")


def slugify(text: str) -> str:
    """Lower-case ASCII slug: `Create a user` -> `create-a-user`."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "endpoint"


_URL_DROPPED = re.compile(r"[{}(),.'/\\\x00-\x1f\x7f]")
"""What a generated page's URL leaves out: Mintlify's list, and a backslash or a control
character (a NUL in a summary made a folder no file system takes: no site at all)."""


def url_part(text: str) -> str:
    """A summary or tag in a generated page's URL, as Mintlify converts it (its
    api-playground/endpoint-urls page): spaces become hyphens; `{ } ( ) , . ' /` are removed;
    lower case; every other character stays (`?`, `&`, `:`, non-ASCII letters) but a backslash
    or a control character."""
    part = _URL_DROPPED.sub("", text.strip().replace(" ", "-")).lower()
    if len(part.encode("utf-8")) > URL_PART_BYTES:  # a folder no file system takes: cut short
        part = part.encode("utf-8")[:URL_PART_BYTES].decode("utf-8", "ignore").rstrip("-")
    return part


URL_PART_BYTES = 200
"""The longest summary or tag in a URL, in UTF-8 bytes: file systems take 255 per name (a
400-character summary failed the whole build)."""


def endpoint_slug(op: Operation) -> str:
    """The last part of an operation's page URL: its summary (`Get user` -> `get-user`), else
    its method and the path's fixed segments (`GET /users/{id}/posts` -> `get-users-posts`)."""
    if op.summary and url_part(op.summary):
        return url_part(op.summary)
    if op.webhook:
        return url_part(op.webhook) or "webhook"
    fixed = [seg for seg in op.path.split("/") if seg and not seg.startswith("{")]
    return url_part("-".join([op.method.lower(), *fixed]))


class ApiIndex:
    """Every loaded spec and its operations."""

    def __init__(
        self,
        specs: Sequence[ApiSpec],
        store: SpecStore | None = None,
        schemas: SchemaIndex | None = None,
    ) -> None:
        self.specs: dict[str, ApiSpec] = {s.rel_path: s for s in specs}
        self.store = store
        """The parsed files and `$ref` resolution the specs were loaded with (for `check`)."""
        self.schemas = schemas
        """Component schemas by spec, for `openapi-schema:` pages."""
        self._tables: dict[int, tuple[ApiSpec, dict[tuple[str, str], Operation]]] = {}
        """Per spec: (method or WEBHOOK, path or name) -> its first operation (`_matches`)."""

    def __len__(self) -> int:
        return sum(len(s.operations) for s in self.specs.values())

    def operations(self) -> list[Operation]:
        """All operations of all specs."""
        return [op for s in self.specs.values() for op in s.operations]

    def find_spec(self, token: str, page_rel_path: str = "") -> str | None:
        """Map a SPEC token (`/api/openapi.json`, `openapi.json`, `v1`) to a loaded spec."""
        tok = token.strip("\"'")
        if tok in self.specs:  # a spec fetched from a URL is named by it
            return tok
        if re.match(r"^[a-z]+://", tok, re.I):
            tok = urlsplit(tok).path or "/"  # no network: match the URL's path to local files
        plain = posixpath.normpath(tok.lstrip("/")) if tok.strip("/") else tok
        if plain in self.specs:
            return plain
        page_dir = posixpath.dirname(page_rel_path)
        if not tok.startswith("/") and page_dir:
            near = posixpath.normpath(posixpath.join(page_dir, tok))
            if near in self.specs:
                return near
        ends = sorted(p for p in self.specs if p.endswith("/" + plain))
        if ends:
            return min(ends, key=lambda p: (p.count("/"), p))
        stems = sorted(
            p for p in self.specs if posixpath.splitext(posixpath.basename(p))[0] == plain
        )
        return stems[0] if stems else None

    def _matches(self, spec: ApiSpec, method: str, target: str) -> Operation | None:
        """The first operation of `spec` with this method and path (or webhook name)."""
        known = self._tables.get(id(spec))
        if known is None or known[0] is not spec:
            table: dict[tuple[str, str], Operation] = {}
            for op in spec.operations:
                if op.webhook is not None:
                    table.setdefault(("WEBHOOK", op.webhook), op)
                else:
                    table.setdefault((op.method, _norm_path(op.path)), op)
            known = self._tables[id(spec)] = (spec, table)
        key = target if method == "WEBHOOK" else _norm_path(target)
        return known[1].get((method, key))

    def resolve(self, ref: str, page_rel_path: str, nav_specs: Sequence[str] = ()) -> Resolution:
        """Find the operation of a frontmatter reference, preferring the page's own folder."""
        parsed = parse_ref(ref)
        if parsed is None:
            return Resolution(
                None,
                [],
                f"cannot read the openapi reference {ref!r}: expected '[spec] METHOD /path' "
                "or '[spec] webhook name'",
            )
        if parsed.spec is not None:
            spec_path = self.find_spec(parsed.spec, page_rel_path)
            if spec_path is None:
                known = ", ".join(sorted(self.specs)) or "none"
                return Resolution(
                    None, [], f"spec {parsed.spec!r} is not a loaded OpenAPI file (loaded: {known})"
                )
            op = self._matches(self.specs[spec_path], parsed.method, parsed.target)
            if op is None:
                return Resolution(None, [], self._explain(parsed, [spec_path], explicit=True))
            return Resolution(op, [_describe(op)], None)

        page_dir = posixpath.dirname(page_rel_path)
        ranked: list[tuple[tuple[int, int, str], Operation]] = []
        for path, spec in self.specs.items():
            op = self._matches(spec, parsed.method, parsed.target)
            if op is not None:
                ranked.append((self._rank(path, page_dir, nav_specs), op))
        if not ranked:
            return Resolution(None, [], self._explain(parsed, self._near_specs(page_dir)))
        ranked.sort(key=lambda r: r[0])
        chosen = ranked[0][1]
        candidates = [_describe(op) for _, op in ranked]
        ambiguous = len(ranked) > 1 and ranked[0][0][:2] == ranked[1][0][:2]
        problem = None
        own = [p for p in self.specs if posixpath.dirname(p) == page_dir]
        if own and chosen.spec_file not in own:
            problem = (
                f"'{parsed.method} {parsed.target}' is not in {own[0]} (the spec of this page's "
                f"folder); bound to {chosen.spec_file}"
            )
        if ambiguous:
            problem = (
                f"'{parsed.method} {parsed.target}' is in several specs; chose {chosen.spec_file} "
                "(alphabetical). Prefix the reference with the spec path to choose"
            )
        return Resolution(chosen, candidates, problem, ambiguous)

    def _rank(
        self, spec_path: str, page_dir: str, nav_specs: Sequence[str]
    ) -> tuple[int, int, str]:
        spec_dir = posixpath.dirname(spec_path)
        if spec_dir == page_dir:
            folder = 0
        elif spec_dir == "" or page_dir.startswith(spec_dir + "/"):
            folder = _depth(page_dir) - _depth(spec_dir)
        else:
            folder = 1 << 20
        navs = [self.find_spec(n) or n for n in nav_specs]
        nav = navs.index(spec_path) if spec_path in navs else len(navs)
        if folder < (1 << 20):
            nav = 0
        return (folder, nav, spec_path)

    def _near_specs(self, page_dir: str) -> list[str]:
        """Specs in the page's folder, then in its ancestors, nearest first."""
        found: list[str] = []
        parts = page_dir.split("/") if page_dir else []
        for n in range(len(parts), -1, -1):
            folder = "/".join(parts[:n])
            found.extend(sorted(p for p in self.specs if posixpath.dirname(p) == folder))
        return found

    def _explain(self, parsed: ParsedRef, near: list[str], explicit: bool = False) -> str:
        """Name what was looked for and the closest things that exist."""
        what = (
            f"'{parsed.method} {parsed.target}'"
            if parsed.method != "WEBHOOK"
            else (f"webhook '{parsed.target}'")
        )
        where = near[0] if near else "any loaded spec"
        hints: list[str] = []
        pool = [self.specs[p] for p in near] if near else list(self.specs.values())
        pool += [s for s in self.specs.values() if s not in pool]
        target = _norm_path(parsed.target)
        for spec in pool:
            for op in spec.operations:
                hint = _near_miss(parsed, target, op, spec.rel_path in near[:1])
                if hint and len(hints) < 3:
                    hints.append(f"{hint} in {spec.rel_path}")
            if hints:
                break
        if not hints and near:
            own_ops = [op for op in self.specs[near[0]].operations if op.webhook is None]
            close = difflib.get_close_matches(target, [op.path for op in own_ops], n=1, cutoff=0.8)
            if close:
                hints.append(f"did you mean '{parsed.method} {close[0]}'?")
            elif own_ops:
                listed = ", ".join(op.ref for op in own_ops[:6])
                more = ", ..." if len(own_ops) > 6 else ""
                hints.append(f"{near[0]} has {listed}{more}")
        message = f"{what} was not found in {where}"
        if len(self.specs) > 1 and near and not explicit:
            message += " nor in any other loaded spec"
        return message + ("; " + "; ".join(hints) if hints else "")

    def operations_for_nav(self, spec: str) -> list[NavTagGroup]:
        """Operations of a spec grouped by first tag, for navigation-generated pages."""
        path = self.find_spec(spec) if spec not in self.specs else spec
        if path is None:
            return []
        api = self.specs[path]
        labels = {t.name: t.label for t in api.tags}
        groups: dict[str, list[NavOperation]] = {}
        used: set[str] = set()
        for op in api.operations:
            if op.excluded:
                continue
            tag = op.tags[0] if op.tags else ""
            # Mintlify's URL: `<tag>/<summary>`, no tag part without a tag; a later operation
            # with the same URL gets -1, -2…
            base = f"{url_part(tag)}/{endpoint_slug(op)}" if url_part(tag) else endpoint_slug(op)
            slug, n = base, 1
            while slug in used:
                slug, n = f"{base}-{n}", n + 1
            used.add(slug)
            href = op.x_mint.get("href") if isinstance(op.x_mint.get("href"), str) else None
            groups.setdefault(tag, []).append(NavOperation(op, slug, href, op.hidden))
        return [
            NavTagGroup(tag, labels.get(tag, tag) or "Endpoints", tuple(ops))
            for tag, ops in groups.items()
        ]


def _depth(folder: str) -> int:
    return folder.count("/") + 1 if folder else 0


def _describe(op: Operation) -> str:
    return f"{op.spec_file} {op.ref}"


def _near_miss(parsed: ParsedRef, target: str, op: Operation, own: bool) -> str | None:
    if parsed.method == "WEBHOOK":
        if op.webhook and op.webhook.lower() == parsed.target.lower():
            return f"the spec has webhook '{op.webhook}'"
        return None
    if op.webhook is not None:
        return None
    path = _norm_path(op.path)
    if path == target and op.method == parsed.method:
        return f"'{op.ref}' exists"
    if path == target and op.method != parsed.method:
        return f"the spec has '{op.method} {op.path}' (other method)"
    if path.startswith(target + "/"):
        return f"the spec has '{op.ref}' (longer path)"
    if target.startswith(path + "/") and "{" in target[len(path) :]:
        return f"the spec has '{op.ref}' (shorter path)"
    if _loose(path) == _loose(target):
        return f"the spec has '{op.ref}' (hyphen/underscore or case differs)"
    if own and (path.endswith(target) or target.endswith(path)):
        return f"the spec has '{op.ref}' (different prefix)"
    return None
