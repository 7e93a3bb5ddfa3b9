"""The reference view of an operation: endpoint bar, field sections and example column."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup, escape

from mintrender.openapi.codegen import HttpRequest
from mintrender.openapi.fields import FieldBuilder, FieldView
from mintrender.openapi.languages import DEFAULT_LANGUAGES, LANGUAGES, canonical_language
from mintrender.openapi.model import (
    MediaType,
    Parameter,
    RequestBody,
    SecurityRequirement,
    SecurityScheme,
    Server,
)
from mintrender.openapi.samples import (
    FILE_PLACEHOLDER,
    as_text,
    parameter_example,
    schema_example,
)
from mintrender.themes import theme_dir
from mintrender.themes.uitext import ui_text

Highlight = Callable[[str, str, str], str]
"""`highlight(code, lang, title)` -> HTML of a highlighted code block."""

TEMPLATES_DIR = theme_dir("mint") / "templates"
"""Default templates (`api/*.html`)."""

_LOCATIONS = (
    ("path", "Path Parameters"),
    ("query", "Query Parameters"),
    ("header", "Headers"),
    ("cookie", "Cookies"),
)


@dataclass(frozen=True, slots=True)
class ApiOptions:
    """docs.json `api` settings plus page-level overrides."""

    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    """Canonical sample languages in display order (`api.examples.languages`)."""
    defaults: str = "all"
    """`api.examples.defaults`: `all` or `required` (optional params left out of samples)."""
    autogenerate: bool = True
    """`api.examples.autogenerate`: false keeps only `x-codeSamples`."""
    expanded: str = "closed"
    """`api.params.expanded`: `all` opens every child-attributes box."""
    playground: str = "interactive"
    """`interactive`, `simple` (copy URL), `none` (or `auth`, treated as interactive)."""
    url_full: bool = False
    """`api.url: full`."""
    params_post: tuple[str, ...] = ()
    """`api.params.post`: spec keys shown as pills."""
    prefill: bool = False
    """`api.examples.prefill`: fill playground inputs from examples."""
    credentials: bool = False
    """`api.playground.credentials`: send cookies with playground requests."""
    mdx_server: tuple[str, ...] = ()
    """`api.mdx.server`: base URLs for relative manual `api:` pages."""
    mdx_auth_method: str = ""
    """`api.mdx.auth.method`: bearer, basic, key, cobo."""
    mdx_auth_name: str = ""
    """`api.mdx.auth.name`: header name for `key`."""
    unknown_languages: tuple[str, ...] = ()
    """Requested languages without a generator (the caller may warn)."""
    language: str = ""
    """The page's language code: the theme's words in the view (themes/uitext.py)."""

    @classmethod
    def from_settings(
        cls,
        api: Mapping[str, Any] | None,
        page: Mapping[str, Any] | None = None,
        language: str = "",
    ) -> ApiOptions:
        """Read docs.json `api` and a page's frontmatter (`playground`); `language`: the page's."""
        api = api if isinstance(api, Mapping) else {}
        examples = _map(api.get("examples"))
        params = _map(api.get("params"))
        playground = _map(api.get("playground"))
        mdx = _map(api.get("mdx"))
        auth = _map(mdx.get("auth"))
        langs = DEFAULT_LANGUAGES
        unknown: tuple[str, ...] = ()
        if isinstance(examples.get("languages"), list):
            keys = [canonical_language(str(x)) for x in examples["languages"]]
            langs = tuple(dict.fromkeys(k for k in keys if k in LANGUAGES))
            unknown = tuple(k for k in keys if k not in LANGUAGES)
        display = str(playground.get("display") or "interactive")
        if page and isinstance(page.get("playground"), str):
            display = page["playground"]
        servers = mdx.get("server")
        post = params.get("post")
        return cls(
            languages=langs,
            defaults="required" if examples.get("defaults") == "required" else "all",
            autogenerate=examples.get("autogenerate") is not False,
            expanded="all" if params.get("expanded") == "all" else "closed",
            playground=display if display in ("simple", "none") else "interactive",
            url_full=api.get("url") == "full",
            params_post=tuple(str(p) for p in post) if isinstance(post, list) else (),
            prefill=examples.get("prefill") is True,
            credentials=playground.get("credentials") is True,
            mdx_server=(servers,) if isinstance(servers, str) else tuple(servers or ()),
            mdx_auth_method=str(auth.get("method") or ""),
            mdx_auth_name=str(auth.get("name") or ""),
            unknown_languages=tuple(unknown),
            language=language,
        )


def _map(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


@dataclass(frozen=True, slots=True)
class ApiSection:
    """Search-index section (the caller converts it to `renderer.search.SearchSection`)."""

    title: str
    """Section heading."""
    anchor: str
    """Element id ("" for the page top)."""
    text: str
    """Plain text."""


@dataclass(frozen=True, slots=True)
class ApiView:
    """HTML pieces of an API page."""

    header_html: str
    """Endpoint bar (+ playground data and container)."""
    body_html: str
    """Authorizations, parameters, body, responses."""
    aside_html: str
    """Right column: request and response examples."""
    sections: list[ApiSection]
    """Sections for the search index."""
    field_names: list[str]
    """Every field name shown (parameters, body and response properties)."""
    aside_part: Callable[[str], str] | None = None
    """The right column with only its "request" or "response" examples, for a page whose MDX
    gives the other half (`<ResponseExample>` replaces the generated responses only)."""


class _SharedCode(jinja2.BytecodeCache):
    """Compiled templates kept in memory for every environment given it: the API environments
    of a site's languages differ in their globals only, so each template is compiled once per
    process, not once per language (compiling is most of a worker's first API pages)."""

    def __init__(self) -> None:
        self._codes: dict[tuple[str, str], Any] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        bucket.code = self._codes.get((bucket.key, bucket.checksum))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._codes[(bucket.key, bucket.checksum)] = bucket.code


_API_CODE = _SharedCode()


@functools.lru_cache(maxsize=32)
def _default_env(folder: str, language: str = "en") -> jinja2.Environment:
    """The API templates' environment for one language of the theme's words (global `t`): each
    has its own memo of field rows, which hold those words; all share their compiled templates
    (same loader and options)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # mintrender's own templates: no stat of the file per operation
        bytecode_cache=_API_CODE,
    )
    env.globals["field_memo"] = _field_memo()
    env.globals["t"] = ui_text(language)
    return env


FIELD_MEMO_MAX = 4096


def _field_memo() -> Callable[[Any, Any], Any]:
    """`field_memo(f, field)` in api/fields.html: a field row's HTML is a pure function of its
    `FieldView` (frozen: anchor, description HTML and child rows included), so a row that
    operations and pages repeat (an API key, a shared schema) is drawn once per process and
    template environment. A view that cannot be a key is drawn every time."""
    memo: dict[Any, Any] = {}

    def field_memo(view: Any, macro: Any) -> Any:
        try:
            return memo[view]
        except KeyError:
            pass
        except TypeError:  # not hashable: not a FieldView
            return macro(view)
        out = macro(view)
        if len(memo) >= FIELD_MEMO_MAX:
            memo.clear()
        memo[view] = out
        return out

    return field_memo


def method_pill_html(method: str, *, compact: bool = False) -> str:
    """`<span class="mr-api-method mr-api-method--post method-pill">POST</span>` (DEL if compact)."""
    m = method.upper()
    label = "DEL" if compact and m == "DELETE" else ("HOOK" if m == "WEBHOOK" else m)
    cls = m.lower() if m in ("GET", "POST", "PUT", "PATCH", "DELETE") else "other"
    return (
        f'<span class="mr-api-method mr-api-method--{cls} method-pill" data-method="{escape(m)}">'
        f"{escape(label)}</span>"
    )


def _path_html(path: str) -> Markup:
    out, rest = [], path
    while "{" in rest and "}" in rest.split("{", 1)[1]:
        before, after = rest.split("{", 1)
        name, rest = after.split("}", 1)
        out.append(escape(before))
        out.append(Markup('<span class="mr-api-endpoint__param">{%s}</span>') % name)
    out.append(escape(rest))
    return Markup("").join(out)


def auth_rows(
    req: SecurityRequirement, builder: FieldBuilder, *, required: bool = True
) -> list[FieldView]:
    """Rows of an Authorizations alternative (`required`: false where anonymous calls are
    allowed too, `security: [{}, …]`)."""
    rows: list[FieldView] = []
    for scheme in req.schemes:
        name, location, text = _auth_text(scheme)
        desc = builder.markdown(scheme.description or text)
        rows.append(
            FieldView(
                name=name,
                anchor=builder.anchors.take(f"authorization-{name}"),
                type_label="string",
                required=required,
                location=location,
                description_html=desc,
            )
        )
    return rows


def _auth_text(s: SecurityScheme) -> tuple[str, str, str]:
    if s.type == "apiKey":
        return s.param_name, s.location, f"API key sent in the `{s.param_name}` {s.location}."
    if s.type == "http" and s.scheme == "basic":
        return (
            "Authorization",
            "header",
            "Basic authentication header of the form `Basic <encoded-value>`, where "
            "`<encoded-value>` is the base64-encoded string `username:password`.",
        )
    if s.type in ("oauth2", "openIdConnect"):
        return "Authorization", "header", "The access token received from the authorization server."
    fmt = f" ({s.bearer_format})" if s.bearer_format else ""
    return (
        "Authorization",
        "header",
        f"Bearer authentication header of the form `Bearer <token>`, where `<token>` is your "
        f"auth token{fmt}.",
    )


def auth_header(s: SecurityScheme) -> tuple[str, str, str]:
    """(location, name, placeholder value) of a credential in samples."""
    if s.type == "apiKey":
        if s.location == "cookie":
            return "header", "Cookie", f"{s.param_name}=<api-key>"
        return s.location, s.param_name, "<api-key>"
    if s.type == "http" and s.scheme == "basic":
        return "header", "Authorization", "Basic <encoded-value>"
    return "header", "Authorization", "Bearer <token>"


def _pick_media(contents: Sequence[MediaType]) -> MediaType | None:
    return next(
        (m for m in contents if "json" in m.content_type), contents[0] if contents else None
    )


def _body_kind(media: MediaType) -> str:
    ct = media.content_type.lower()
    if "json" in ct:
        return "json"
    if "x-www-form-urlencoded" in ct:
        return "form"
    if "multipart/" in ct:
        return "multipart"
    if ct.startswith("text/") or ct.endswith("xml"):
        return "text"
    if media.schema is not None and media.schema.binary or ct == "application/octet-stream":
        return "binary"
    return "json"


def build_http_request(
    method: str,
    servers: Sequence[Server],
    path: str,
    security: Sequence[SecurityRequirement],
    parameters: Sequence[Parameter],
    body: RequestBody | None,
    options: ApiOptions,
    example: int = 0,
) -> HttpRequest:
    """Example request used by every generated sample (`example`: which of the body's named
    examples it sends)."""
    required_only = options.defaults == "required"
    base = servers[0].resolved_url if servers else ""
    query: list[tuple[str, str]] = []
    headers: list[tuple[str, str]] = []
    cookies: list[str] = []
    first = next((req for req in security if req.schemes), None)
    if first is not None:
        for scheme in first.schemes:
            where, name, value = auth_header(scheme)
            (query if where == "query" else headers).append((name, value))
    for p in parameters:
        if required_only and not p.required or p.location == "path":
            continue
        pairs = serialized(p, parameter_example(p))
        if p.location == "query":
            query.extend(pairs)
        elif p.location == "header":
            headers.extend(pairs)
        elif p.location == "cookie":
            cookies.extend(f"{name}={value}" for name, value in pairs)
    if cookies:
        headers.append(("Cookie", "; ".join(cookies)))
    media = _pick_media(body.contents) if body else None
    if media is None:
        return HttpRequest(method, base + path, tuple(query), tuple(headers))
    kind = _body_kind(media)
    headers.append(("Content-Type", media.content_type))
    value = (
        media.examples[min(example, len(media.examples) - 1)].value
        if media.examples
        else schema_example(media.schema, required_only=required_only)
    )
    fields: list[tuple[str, str, bool]] = []
    if kind in ("form", "multipart") and isinstance(value, dict):
        props = media.schema.properties if media.schema else ()
        binary = {p.name for p in props if p.schema.binary}
        files = {p.name for p in props if p.schema.items is not None and p.schema.items.binary}
        for k, v in value.items():
            if k in files and isinstance(v, list):  # an array of files: a file part each
                fields += [(k, FILE_PLACEHOLDER, True) for _ in v or [FILE_PLACEHOLDER]]
                continue
            fields.append((k, as_text(v), k in binary or v == FILE_PLACEHOLDER))
    return HttpRequest(
        method,
        base + path,
        tuple(query),
        tuple(headers),
        kind,  # type: ignore[arg-type]
        value,
        tuple(fields),
    )


_DELIMITERS = {"spaceDelimited": " ", "pipeDelimited": "|"}


def serialized(p: Parameter, value: Any) -> list[tuple[str, str]]:
    """The (name, value) pairs a client sends for parameter `p` holding `value`, by its
    `style` and `explode` (OpenAPI 3 "Style Values"): query and cookie parameters `form`
    (an array exploded is the name once per item, `?id=3&id=4`; not exploded, `id=3,4`),
    headers `simple` (`3,4`); `spaceDelimited`, `pipeDelimited`, `deepObject` (`id[role]=x`).
    An object exploded in `form` gives a pair per property. A parameter given with `content`
    is its value serialized in that media type (JSON, compact) under its name."""
    if p.media_type:
        if "json" in p.media_type.lower() or not isinstance(value, str):
            text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            return [(p.name, text)]
        return [(p.name, value)]
    style = p.style or ("simple" if p.location == "header" else "form")
    explode = p.explode if p.explode is not None else style == "form"
    if isinstance(value, list):
        items = [as_text(v) for v in value]
        if explode and style in ("form", "spaceDelimited", "pipeDelimited"):
            return [(p.name, item) for item in items] or [(p.name, "")]
        return [(p.name, _DELIMITERS.get(style, ",").join(items))]
    if isinstance(value, dict):
        pairs = [(str(k), as_text(v)) for k, v in value.items()]
        if style == "deepObject":
            return [(f"{p.name}[{k}]", v) for k, v in pairs]
        if explode and style == "form":
            return pairs
        if explode:  # simple: `role=admin,name=Ann`
            return [(p.name, ",".join(f"{k}={v}" for k, v in pairs))]
        return [(p.name, ",".join(part for pair in pairs for part in pair))]
    return [(p.name, as_text(value))]
