"""The loaded form of an OpenAPI document: schemas, parameters, bodies, operations."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

HTTP_METHODS: tuple[str, ...] = (
    "GET",
    "POST",
    "PUT",
    "PATCH",
    "DELETE",
    "HEAD",
    "OPTIONS",
    "TRACE",
)
"""Methods an OpenAPI path item may hold, in display order."""

_NO_EXTENSIONS: Mapping[str, Any] = {}


@dataclass(frozen=True, slots=True)
class Schema:
    """A JSON Schema after `$ref` resolution and `allOf` merging."""

    types: tuple[str, ...] = ()
    """JSON types other than `null` (`string`, `object`, ...); empty means any type."""
    nullable: bool = False
    """`null` is allowed (3.1 `type: [x, "null"]` or 3.0 `nullable: true`)."""
    format: str = ""
    """The `format` keyword (`int64`, `date-time`, `binary`...)."""
    title: str = ""
    """The `title` keyword (used as the tab label of a `oneOf` option)."""
    description: str = ""
    """Markdown description."""
    properties: tuple[Property, ...] = ()
    """Object properties in spec order."""
    items: Schema | None = None
    """Schema of array items (after `prefix_items`, when those are given)."""
    prefix_items: tuple[Schema, ...] = ()
    """3.1 `prefixItems`: a tuple's items, one schema per position."""
    additional: Schema | None = None
    """Schema of `additionalProperties` when it is a schema (or `true`: an any-schema)."""
    alternatives: tuple[Schema, ...] = ()
    """`oneOf` / `anyOf` subschemas."""
    alternative_kind: str = ""
    """`oneOf` or `anyOf` when `alternatives` is set."""
    enum: tuple[Any, ...] | None = None
    """Allowed values (`const` becomes a one-value enum)."""
    has_default: bool = False
    """Whether `default` was given (it may legitimately be `null`)."""
    default: Any = None
    """The `default` value."""
    examples: tuple[Any, ...] = ()
    """`example` then the values of `examples`, in that order."""
    deprecated: bool = False
    """`deprecated: true`."""
    read_only: bool = False
    """`readOnly: true`: only in responses."""
    write_only: bool = False
    """`writeOnly: true`: only in requests."""
    constraints: tuple[tuple[str, Any], ...] = ()
    """Validation keywords present (`minimum`, `maxLength`, `pattern`...) with their values."""
    binary: bool = False
    """A file: 3.0 `format: binary|base64`, 3.1 `contentEncoding` or `contentMediaType`."""
    ref_name: str = ""
    """Name of the component the schema came from (`Pet` for `#/components/schemas/Pet`)."""
    recursive: str = ""
    """Set on a back-reference to a schema being expanded: the name it points to."""
    extensions: Mapping[str, Any] = field(default_factory=lambda: _NO_EXTENSIONS)
    """`x-*` keys of the schema (`x-mint`, `x-default`...)."""


@dataclass(frozen=True, slots=True)
class Property:
    """One object property."""

    name: str
    """Property name."""
    schema: Schema
    """Its schema."""
    required: bool = False
    """Listed in the parent's `required`."""


@dataclass(frozen=True, slots=True)
class NamedExample:
    """An entry of `examples` (or the single `example`, named `example`)."""

    name: str
    """Key in `examples`."""
    value: Any
    """The example value (`None` with `external_value` set when only a URL is given)."""
    summary: str = ""
    """Short label for a selector."""
    description: str = ""
    """Markdown description."""
    external_value: str = ""
    """`externalValue` URL."""


@dataclass(frozen=True, slots=True)
class Parameter:
    """A path, query, header or cookie parameter (also used for response headers)."""

    name: str
    """Parameter name."""
    location: str
    """`path`, `query`, `header` or `cookie`."""
    schema: Schema
    """Schema (from `schema`, or the first media type of `content`)."""
    required: bool = False
    """Path parameters are always required."""
    deprecated: bool = False
    """`deprecated: true`."""
    description: str = ""
    """Markdown description."""
    examples: tuple[NamedExample, ...] = ()
    """`example` / `examples` of the parameter itself."""
    style: str = ""
    """`style` as written ("": the location's default, `form` or `simple`)."""
    explode: bool | None = None
    """`explode` as written (None: true for `form`, else false)."""
    media_type: str = ""
    """The media type of `content` when it replaces `schema`: the value is then sent whole,
    serialized in it (`filter={"color":"red"}`), not split by `style`."""


@dataclass(frozen=True, slots=True)
class MediaType:
    """One content type of a body."""

    content_type: str
    """`application/json`, `multipart/form-data`..."""
    schema: Schema | None
    """Body schema, `None` when absent."""
    examples: tuple[NamedExample, ...] = ()
    """`example` and `examples` of the media type."""


@dataclass(frozen=True, slots=True)
class RequestBody:
    """An operation's `requestBody`."""

    contents: tuple[MediaType, ...]
    """Content types in spec order."""
    required: bool = False
    """`required: true`."""
    description: str = ""
    """Markdown description."""


@dataclass(frozen=True, slots=True)
class Response:
    """One entry of `responses`."""

    status: str
    """`200`, `4XX`, `default`..."""
    description: str = ""
    """Markdown description."""
    contents: tuple[MediaType, ...] = ()
    """Content types in spec order."""
    headers: tuple[Parameter, ...] = ()
    """Response headers."""


@dataclass(frozen=True, slots=True)
class ServerVariable:
    """A `{name}` placeholder of a server URL."""

    name: str
    """Variable name."""
    default: str
    """Default value (substituted in the displayed URL)."""
    enum: tuple[str, ...] = ()
    """Allowed values."""
    description: str = ""
    """Markdown description."""
    given: bool = True
    """False when the spec gives no `default` (which OpenAPI requires) and no `enum`: the URL
    keeps `{name}`, and the playground asks for a value."""


@dataclass(frozen=True, slots=True)
class Server:
    """A server entry."""

    url: str
    """URL template as written."""
    description: str = ""
    """Description."""
    variables: tuple[ServerVariable, ...] = ()
    """Variables of the template."""

    @property
    def resolved_url(self) -> str:
        """The URL with variables replaced by their defaults, without a trailing slash."""
        url = self.url
        for var in self.variables:
            if var.given:  # else `{name}` stays: a placeholder the reader fills in
                url = url.replace("{" + var.name + "}", var.default)
        return url.rstrip("/")


@dataclass(frozen=True, slots=True)
class SecurityScheme:
    """An entry of `components.securitySchemes`."""

    key: str
    """Name under `securitySchemes`."""
    type: str
    """`apiKey`, `http`, `oauth2`, `openIdConnect` or `mutualTLS`."""
    scheme: str = ""
    """For `http`: `bearer`, `basic`... (lower case)."""
    location: str = "header"
    """For `apiKey`: `header`, `query` or `cookie`; others use the header."""
    param_name: str = "Authorization"
    """Header / query / cookie name carrying the credential."""
    description: str = ""
    """Markdown description (replaces the generated text)."""
    bearer_format: str = ""
    """`bearerFormat` hint."""
    default: str = ""
    """`x-default`: playground prefill."""


@dataclass(frozen=True, slots=True)
class SecurityRequirement:
    """One alternative of `security`: all its schemes apply together."""

    schemes: tuple[SecurityScheme, ...]
    """The schemes of this alternative."""
    scopes: tuple[tuple[str, ...], ...] = ()
    """Scopes per scheme, parallel to `schemes`."""


@dataclass(frozen=True, slots=True)
class CodeSample:
    """An `x-codeSamples` entry (or `x-mint` sample)."""

    lang: str
    """Language key as written (`python`, `curl`...)."""
    source: str
    """The code."""
    label: str = ""
    """Tab label; defaults to the language's display name."""


@dataclass(frozen=True, slots=True)
class Operation:
    """One HTTP operation (or webhook) of a spec, with everything the page needs."""

    method: str
    """Upper-case HTTP method."""
    path: str
    """Path key as written in `paths` (or the webhook name)."""
    operation_id: str
    """`operationId`, "" when absent."""
    summary: str
    """`summary`, "" when absent."""
    description: str
    """Markdown `description`."""
    parameters: tuple[Parameter, ...]
    """Path-item and operation parameters merged (the operation wins)."""
    request_body: RequestBody | None
    """The request body."""
    responses: tuple[Response, ...]
    """Responses in spec order."""
    servers: tuple[Server, ...]
    """Effective servers: operation, else path item, else root."""
    security: tuple[SecurityRequirement, ...]
    """Effective security alternatives; empty means no authentication."""
    deprecated: bool
    """`deprecated: true`."""
    tags: tuple[str, ...]
    """Tags in spec order."""
    spec_file: str
    """POSIX path of the spec relative to the docs folder."""
    pointer: str
    """JSON pointer of the operation object (`/paths/~1users/get`)."""
    line: int = 0
    """1-based line of the operation in the spec file, 0 when unknown."""
    x_code_samples: tuple[CodeSample, ...] = ()
    """`x-codeSamples` / `x-code-samples` entries."""
    x_mint: Mapping[str, Any] = field(default_factory=lambda: _NO_EXTENSIONS)
    """The `x-mint` object (metadata, content, href, mcp)."""
    webhook: str | None = None
    """Webhook name for entries of 3.1 `webhooks`."""
    hidden: bool = False
    """`x-hidden`: page generated but not listed in navigation."""
    excluded: bool = False
    """`x-excluded`: no generated page."""
    callbacks: tuple[Callback, ...] = ()
    """`callbacks`: requests the API makes back to the caller, listed under the operation."""

    @property
    def x_codeSamples(self) -> tuple[CodeSample, ...]:  # noqa: N802 - spelled like the key
        """Alias of `x_code_samples`."""
        return self.x_code_samples

    @property
    def title(self) -> str:
        """Summary, else a title derived from the method and path."""
        if self.summary:
            return self.summary
        if self.webhook:
            return self.webhook
        words = [w for w in re.split(r"[/{}_\-]+", self.path) if w]
        return " ".join([self.method.capitalize(), *words]) if words else self.method

    @property
    def ref(self) -> str:
        """The frontmatter form: `POST /x` or `webhook name`."""
        return f"webhook {self.webhook}" if self.webhook else f"{self.method} {self.path}"


@dataclass(frozen=True, slots=True)
class Callback:
    """One entry of an operation's `callbacks` map."""

    name: str
    """The callback's key (`onPaymentSucceeded`)."""
    operations: tuple[Operation, ...]
    """Its operations; `path` holds the runtime expression (`{$request.body#/callbackUrl}`)."""
