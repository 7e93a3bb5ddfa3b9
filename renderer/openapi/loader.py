"""Finding spec files in a docs folder and loading them into an `ApiIndex`."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from mintrender.errors import Diagnostics
from mintrender.fileio import is_file
from mintrender.openapi.model import (
    HTTP_METHODS,
    Callback,
    CodeSample,
    MediaType,
    NamedExample,
    Operation,
    Parameter,
    RequestBody,
    Response,
    Schema,
    SecurityRequirement,
    SecurityScheme,
    Server,
    ServerVariable,
)
from mintrender.openapi.refs import SpecStore
from mintrender.openapi.resolve import ApiIndex, ApiSpec, Tag
from mintrender.openapi.schema import SchemaBuilder
from mintrender.openapi.schemas import SchemaIndex
from mintrender.openapi.source import SpecSource, join_pointer


def load_api_index(
    docs_dir: Path,
    spec_files: Sequence[str],
    diagnostics: Diagnostics,
    downloaded: Mapping[str, Path] | None = None,
    fetch: Callable[[str], Path | None] | None = None,
) -> ApiIndex:
    """Load every spec (POSIX paths relative to `docs_dir`, and `downloaded`: URL -> cached
    file of specs fetched by load/remote.py, named by their URL); problems become diagnostics.
    `fetch` (URL -> cached file) follows `$ref`s to URLs and, in a downloaded spec, relative
    ones; without it they are reported and not followed."""
    store = SpecStore(docs_dir, diagnostics, fetch)
    builder = SchemaBuilder(store)
    schemas = SchemaIndex(docs_dir, store, builder)
    specs: list[ApiSpec] = []
    for url, path in (downloaded or {}).items():
        store.downloaded[path.resolve()] = url
        src = store.load(path)
        if src is not None:
            spec = _SpecLoader(src, store, builder).load()
            if spec is not None:
                specs.append(spec)
                components = _dict(_dict(src.data).get("components"))
                schemas.add(spec.rel_path, tuple(str(k) for k in _dict(components.get("schemas"))))
    for rel in dict.fromkeys(spec_files):
        abs_path = docs_dir / rel
        if not is_file(abs_path):
            diagnostics.error(rel, 0, 0, "openapi-missing", f"spec file '{rel}' does not exist")
            continue
        try:
            src = store.load(abs_path)
            spec = _SpecLoader(src, store, builder).load() if src is not None else None
        except Exception as exc:  # a bug on one spec: its pages say so, the others load
            diagnostics.internal(rel, 0, "loading the OpenAPI spec", exc)
            continue
        if spec is not None and src is not None:
            specs.append(spec)
            components = _dict(_dict(src.data).get("components"))
            schemas.add(spec.rel_path, tuple(str(k) for k in _dict(components.get("schemas"))))
    return ApiIndex(specs, store, schemas)


_NOT_MAP = "{} must be an object; it is left out"


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _dict(value: Any) -> dict[str, Any]:
    """`value` if it is a map, else an empty one."""
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    """`value` if it is a list, else an empty one."""
    return value if isinstance(value, list) else []


class _SpecLoader:
    """Builds the operations of one spec."""

    def __init__(self, src: SpecSource, store: SpecStore, builder: SchemaBuilder) -> None:
        self.src = src
        self.store = store
        self.builder = builder
        self.schemes: dict[str, SecurityScheme] = {}
        self.spec_rel = src.rel_path
        """The spec the operations belong to (differs from `src` for path items in other files)."""
        self.spec_src = src

    def load(self) -> ApiSpec | None:
        src, data = self.src, self.src.data
        if not isinstance(data, dict):
            self.store.report(src, "", "openapi-version", "a spec must be an object", "error")
            return None
        if "swagger" in data:
            self.store.report(
                src,
                "/swagger",
                "openapi-version",
                f"Swagger {data.get('swagger')} is not supported: convert the spec to OpenAPI 3 "
                "(for example with swagger2openapi) and point docs.json at the new file",
                "error",
            )
            return None
        version = str(data.get("openapi", ""))
        if not version.startswith("3."):
            self.store.report(
                src,
                "/openapi",
                "openapi-version",
                f"expected `openapi: 3.0.x` or `3.1.x` at the top of the spec, found {version!r}",
                "error",
            )
            return None
        info = _dict(data.get("info"))
        components = _dict(data.get("components"))
        raw_schemes = components.get("securitySchemes")
        if isinstance(raw_schemes, dict):
            for key, node in raw_schemes.items():
                ptr = join_pointer("/components/securitySchemes", key)
                node, _, _ = self.store.deref(node, src, ptr)
                if isinstance(node, dict):
                    self.schemes[str(key)] = _scheme(str(key), node)
        root_servers = self._servers(data.get("servers"), "/servers")
        root_security = self._security(data.get("security"), "/security") or ()

        operations: list[Operation] = []
        for section in ("paths", "webhooks"):
            items = data.get(section)
            if items is None and section not in data:
                continue
            if not isinstance(items, dict):  # `paths: null` or `paths: []`
                self.store.report(src, f"/{section}", "openapi-paths", f"`{section}` must be a map")
                continue
            for key, item in items.items():
                ptr = join_pointer(f"/{section}", str(key))
                if section == "paths" and not str(key).startswith("/"):  # `123:`, `null:`, `users:`
                    self.store.report(
                        src,
                        ptr,
                        "openapi-paths",
                        f"path {key!r} does not start with `/` (a path of `paths` is written "
                        "`/users`); it is left out",
                    )
                    continue
                item, isrc, iptr = self.store.deref(item, src, ptr)
                if not isinstance(item, dict):
                    self.store.report(src, ptr, "openapi-type", _NOT_MAP.format(f"`{key}`"))
                    continue
                loader = self if isrc is src else self._for(isrc)
                operations += loader._path_item(
                    item, str(key), iptr, section, root_servers, root_security, ptr
                )
        tags: dict[str, Tag] = {}
        for i, tag in enumerate(_list(data.get("tags"))):
            if isinstance(tag, dict) and isinstance(tag.get("name"), str):
                name: str = tag["name"]
                group = tag.get("x-group")
                label = group if isinstance(group, str) else name
                tags[name] = Tag(name, label, _text(tag.get("description")))
            else:
                self.store.report(src, f"/tags/{i}", "openapi-tags", "a tag needs a `name`")
        for op in operations:
            for name in op.tags:
                tags.setdefault(name, Tag(name, name))
        return ApiSpec(
            src.rel_path,
            _text(info.get("title")),
            str(info.get("version", "")),
            version,
            tuple(operations),
            tuple(tags.values()),
        )

    def _path_item(
        self,
        item: dict[str, Any],
        key: str,
        pointer: str,
        section: str,
        root_servers: tuple[Server, ...],
        root_security: tuple[SecurityRequirement, ...],
        spec_pointer: str,
        *,
        nested: bool = False,
    ) -> list[Operation]:
        src = self.src
        common = self._parameters(item.get("parameters"), join_pointer(pointer, "parameters"))
        item_servers = self._servers(item.get("servers"), join_pointer(pointer, "servers"))
        ops: list[Operation] = []
        for method in HTTP_METHODS:
            node = item.get(method.lower())
            if node is None:
                continue
            ptr = join_pointer(pointer, method.lower())
            if not isinstance(node, dict):
                self.store.report(src, ptr, "openapi-operation", "an operation must be an object")
                continue
            params = {(p.name, p.location): p for p in common}
            for p in self._parameters(node.get("parameters"), join_pointer(ptr, "parameters")):
                params[(p.name, p.location)] = p
            servers = (
                self._servers(node.get("servers"), join_pointer(ptr, "servers"))
                or item_servers
                or root_servers
            )
            security = self._security(node.get("security"), join_pointer(ptr, "security"))
            tags = tuple(t for t in _list(node.get("tags")) if isinstance(t, str))
            x_mint = _dict(node.get("x-mint"))
            ops.append(
                Operation(
                    method=method,
                    path=key,
                    operation_id=_text(node.get("operationId")),
                    summary=_text(node.get("summary")) or _text(item.get("summary")),
                    description=_text(node.get("description")) or _text(item.get("description")),
                    parameters=tuple(params.values()),
                    request_body=self._body(
                        node.get("requestBody"), join_pointer(ptr, "requestBody")
                    ),
                    responses=self._responses(
                        node.get("responses"), join_pointer(ptr, "responses")
                    ),
                    servers=servers,
                    security=root_security if security is None else security,
                    deprecated=node.get("deprecated") is True,
                    tags=tags,
                    spec_file=self.spec_rel,
                    pointer=join_pointer(spec_pointer, method.lower()),
                    line=self.spec_src.line(join_pointer(spec_pointer, method.lower())),
                    x_code_samples=self._code_samples(node, ptr),
                    x_mint=x_mint,
                    webhook=key if section == "webhooks" else None,
                    hidden=node.get("x-hidden") is True,
                    excluded=node.get("x-excluded") is True,
                    callbacks=() if nested else self._callbacks(node.get("callbacks"), ptr),
                )
            )
        return ops

    def _callbacks(self, raw: Any, pointer: str) -> tuple[Callback, ...]:
        """`callbacks` of an operation: name -> {expression: path item}. They are requests to the
        caller's server (no API servers or security); callbacks of callbacks are not followed."""
        out: list[Callback] = []
        for name, node in _dict(raw).items():
            cptr = join_pointer(pointer, "callbacks", str(name))
            node, csrc, cptr = self.store.deref(node, self.src, cptr)
            loader = self if csrc is self.src else self._for(csrc)
            ops: list[Operation] = []
            for expression, item in _dict(node).items():
                iptr = join_pointer(cptr, str(expression))
                item, isrc, iptr = self.store.deref(item, csrc, iptr)
                if isinstance(item, dict):
                    sub = loader if isrc is csrc else loader._for(isrc)
                    ops += sub._path_item(
                        item, str(expression), iptr, "callbacks", (), (), iptr, nested=True
                    )
            if ops:
                out.append(Callback(str(name), tuple(ops)))
        return tuple(out)

    def _schema(self, node: Any, pointer: str) -> Schema:
        return self.builder.build(node, self.src, pointer)

    def _parameters(self, raw: Any, pointer: str) -> list[Parameter]:
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.store.report(self.src, pointer, "openapi-parameter", "`parameters` must be a list")
            return []
        out: list[Parameter] = []
        for i, node in enumerate(raw):
            node, psrc, ptr = self.store.deref(node, self.src, join_pointer(pointer, i))
            if not isinstance(node, dict):
                node = {}
            name, location = node.get("name"), node.get("in")
            if not isinstance(name, str) or location not in ("path", "query", "header", "cookie"):
                self.store.report(
                    psrc,
                    ptr,
                    "openapi-parameter",
                    "a parameter needs `name` and `in` (path, query, header or cookie)",
                )
                continue
            out.append(self._parameter(node, name, location, psrc, ptr))
        return out

    def _parameter(
        self, node: dict[str, Any], name: str, location: str, src: SpecSource, ptr: str
    ) -> Parameter:
        media_type, examples = "", self._examples(node, src, ptr)
        if "schema" in node:
            schema = self.builder.build(node["schema"], src, join_pointer(ptr, "schema"))
        elif isinstance(node.get("content"), dict) and node["content"]:
            ctype, media = next(iter(node["content"].items()))
            media_type, media = str(ctype), media if isinstance(media, dict) else {}
            mptr = join_pointer(ptr, "content", ctype)
            schema = self.builder.build(media.get("schema"), src, join_pointer(mptr, "schema"))
            examples = examples or self._examples(media, src, mptr)  # the media type's own
        else:
            schema = Schema(types=("string",))
        return Parameter(
            name=name,
            location=location,
            schema=schema,
            required=location == "path" or node.get("required") is True,
            deprecated=node.get("deprecated") is True,
            description=_text(node.get("description")),
            examples=examples,
            style=node["style"] if isinstance(node.get("style"), str) else "",
            explode=node["explode"] if isinstance(node.get("explode"), bool) else None,
            media_type=media_type,
        )

    def _examples(
        self, node: dict[str, Any], src: SpecSource, ptr: str
    ) -> tuple[NamedExample, ...]:
        out: list[NamedExample] = []
        if "example" in node:
            value = self.store.inline(node["example"], src, join_pointer(ptr, "example"))
            out.append(NamedExample("example", value))
        raw = node.get("examples")
        if isinstance(raw, dict):
            for name, ex in raw.items():
                where = join_pointer(ptr, "examples", str(name))
                ex, ex_src, at = self.store.deref(ex, src, where)
                if isinstance(ex, dict) and ("value" in ex or "externalValue" in ex):
                    out.append(
                        NamedExample(
                            str(name),
                            self.store.inline(ex.get("value"), ex_src, join_pointer(at, "value")),
                            _text(ex.get("summary")),
                            _text(ex.get("description")),
                            _text(ex.get("externalValue")),
                        )
                    )
        elif isinstance(raw, list):
            out.extend(NamedExample(f"example-{i + 1}", v) for i, v in enumerate(raw))
        return tuple(out)

    def _contents(self, raw: Any, pointer: str) -> tuple[MediaType, ...]:
        if not isinstance(raw, dict):
            if raw is not None:
                self.store.report(self.src, pointer, "openapi-type", _NOT_MAP.format("`content`"))
            return ()
        out: list[MediaType] = []
        for ctype, media in raw.items():
            ptr = join_pointer(pointer, str(ctype))
            if not isinstance(media, dict):
                self.store.report(self.src, ptr, "openapi-type", _NOT_MAP.format(f"`{ctype}`"))
                media = {}
            schema = None
            if "schema" in media:
                schema = self._schema(media["schema"], join_pointer(ptr, "schema"))
            out.append(MediaType(str(ctype), schema, self._examples(media, self.src, ptr)))
        return tuple(out)

    def _body(self, raw: Any, pointer: str) -> RequestBody | None:
        if raw is None:
            return None
        node, bsrc, ptr = self.store.deref(raw, self.src, pointer)
        if not isinstance(node, dict):
            self.store.report(self.src, pointer, "openapi-type", _NOT_MAP.format("`requestBody`"))
            return None
        loader = self if bsrc is self.src else self._for(bsrc)
        return RequestBody(
            loader._contents(node.get("content"), join_pointer(ptr, "content")),
            node.get("required") is True,
            _text(node.get("description")),
        )

    def _responses(self, raw: Any, pointer: str) -> tuple[Response, ...]:
        if not isinstance(raw, dict):
            if raw is not None:
                self.store.report(self.src, pointer, "openapi-type", _NOT_MAP.format("`responses`"))
            return ()
        out: list[Response] = []
        for status, node in raw.items():
            node, rsrc, ptr = self.store.deref(node, self.src, join_pointer(pointer, str(status)))
            if not isinstance(node, dict):
                where = join_pointer(pointer, str(status))
                self.store.report(self.src, where, "openapi-type", _NOT_MAP.format(f"`{status}`"))
                continue
            loader = self if rsrc is self.src else self._for(rsrc)
            headers: list[Parameter] = []
            if isinstance(node.get("headers"), dict):
                for name, h in node["headers"].items():
                    hptr = join_pointer(ptr, "headers", str(name))
                    h, hsrc, hptr = self.store.deref(h, rsrc, hptr)
                    if isinstance(h, dict):
                        headers.append(loader._parameter(h, str(name), "header", hsrc, hptr))
            out.append(
                Response(
                    str(status),
                    _text(node.get("description")),
                    loader._contents(node.get("content"), join_pointer(ptr, "content")),
                    tuple(headers),
                )
            )
        return tuple(out)

    def _for(self, src: SpecSource) -> _SpecLoader:
        sub = _SpecLoader(src, self.store, self.builder)
        sub.schemes = self.schemes
        sub.spec_rel, sub.spec_src = self.spec_rel, self.spec_src
        return sub

    def _servers(self, raw: Any, pointer: str) -> tuple[Server, ...]:
        if not isinstance(raw, list):
            if raw is not None:  # `servers: "https://…"`: a list of {url} objects, left out
                why = "`servers` must be a list of objects with a `url`; it is left out"
                self.store.report(self.src, pointer, "openapi-server", why)
            return ()
        out: list[Server] = []
        for i, node in enumerate(raw):
            if not isinstance(node, dict) or not isinstance(node.get("url"), str):
                self.store.report(
                    self.src, join_pointer(pointer, i), "openapi-server", "a server needs a `url`"
                )
                continue
            variables: list[ServerVariable] = []
            raw_vars = node.get("variables")
            if isinstance(raw_vars, dict):
                for name, var in raw_vars.items():
                    var = _dict(var)
                    enum = tuple(str(v) for v in _list(var.get("enum")))
                    given = "default" in var or bool(enum)
                    default = str(var.get("default", enum[0] if enum else ""))
                    if not given:
                        self.store.report(
                            self.src,
                            join_pointer(pointer, i, "variables", str(name)),
                            "openapi-server",
                            f"server variable {name!r} has no `default` (OpenAPI requires one): "
                            f"the URL keeps {{{name}}} and the playground asks for it",
                        )
                    variables.append(
                        ServerVariable(
                            str(name), default, enum, _text(var.get("description")), given
                        )
                    )
            out.append(Server(node["url"], _text(node.get("description")), tuple(variables)))
        return tuple(out)

    def _security(self, raw: Any, pointer: str) -> tuple[SecurityRequirement, ...] | None:
        if raw is None:
            return None
        if not isinstance(raw, list):
            self.store.report(self.src, pointer, "openapi-security", "`security` must be a list")
            return None
        out: list[SecurityRequirement] = []
        for i, req in enumerate(raw):
            if isinstance(req, dict) and not req:  # `{}`: anonymous is allowed too
                out.append(SecurityRequirement((), ()))
                continue
            if not isinstance(req, dict):
                continue
            schemes: list[SecurityScheme] = []
            scopes: list[tuple[str, ...]] = []
            for key, sc in req.items():
                scheme = self.schemes.get(str(key))
                if scheme is None:
                    self.store.report(
                        self.src,
                        join_pointer(pointer, i, str(key)),
                        "openapi-security",
                        f"security scheme '{key}' is not defined in components.securitySchemes",
                    )
                    continue
                schemes.append(scheme)
                scopes.append(tuple(str(s) for s in sc) if isinstance(sc, list) else ())
            if schemes:
                out.append(SecurityRequirement(tuple(schemes), tuple(scopes)))
        return tuple(out)

    def _code_samples(self, node: dict[str, Any], pointer: str) -> tuple[CodeSample, ...]:
        raw = node.get("x-codeSamples", node.get("x-code-samples"))
        if raw is None:
            return ()
        out: list[CodeSample] = []
        for i, sample in enumerate(_list(raw)):
            if isinstance(sample, dict) and isinstance(sample.get("source"), str):
                lang = _text(sample.get("lang")) or "text"
                out.append(CodeSample(lang, sample["source"], _text(sample.get("label"))))
            else:
                ptr = join_pointer(pointer, "x-codeSamples", i)
                self.store.report(
                    self.src, ptr, "openapi-code-sample", "an x-codeSamples entry needs `source`"
                )
        return tuple(out)


def _scheme(key: str, node: dict[str, Any]) -> SecurityScheme:
    kind = _text(node.get("type"))
    default = node.get("x-default")
    common = {
        "description": _text(node.get("description")),
        "default": str(default) if default is not None else "",
    }
    if kind == "apiKey":
        return SecurityScheme(
            key,
            kind,
            location=_text(node.get("in")) or "header",
            param_name=_text(node.get("name")) or key,
            **common,
        )
    if kind == "http":
        scheme = (_text(node.get("scheme")) or "bearer").lower()
        return SecurityScheme(
            key, kind, scheme=scheme, bearer_format=_text(node.get("bearerFormat")), **common
        )
    return SecurityScheme(key, kind or "http", scheme="bearer", **common)
