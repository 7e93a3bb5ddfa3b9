"""AsyncAPI 2.x and 3.x documents: channels, their operations and messages, servers, bindings.

```python
index = load_async_index(docs_dir, ["asyncapi.yaml"], diagnostics)     # AsyncIndex
found = index.resolve("/asyncapi.yaml channelOne", "ws/page.mdx")       # AsyncResolution
found.channel.messages[0].payload                                        # Schema (field tree)
```

Both versions load into one model. AsyncAPI 3 operations name their channel (`action: send |
receive`); 2.x channels hold `publish` / `subscribe`, read as the 3.0 migration guide maps them
(`publish` -> `receive`, `subscribe` -> `send`: the application's point of view).
"""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mintrender.errors import Diagnostics
from mintrender.openapi.model import Schema
from mintrender.openapi.refs import SpecStore
from mintrender.openapi.schema import SchemaBuilder
from mintrender.openapi.source import SpecSource, join_pointer


@dataclass(frozen=True, slots=True)
class AsyncServer:
    name: str
    url: str
    """`host` + `pathname` (3.x) or `url` (2.x), with the protocol as scheme when it has none."""
    protocol: str
    description: str = ""
    bindings: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class AsyncMessage:
    key: str
    """Key in the channel's (or components') `messages`."""
    title: str
    """`title`, else `name`, else the key."""
    summary: str
    description: str
    content_type: str
    payload: Schema | None
    headers: Schema | None
    examples: tuple[Any, ...] = ()
    """`examples[].payload` values."""
    bindings: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class AsyncOperation:
    key: str
    action: str
    """`send` or `receive` (2.x `subscribe` / `publish` mapped)."""
    title: str
    summary: str
    description: str
    messages: tuple[AsyncMessage, ...]
    bindings: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class AsyncParameter:
    """A `{name}` of a channel's address: 3.0 gives `enum`, `default` and `examples` on the
    parameter, 2.x in its `schema`."""

    name: str
    description: str = ""
    enum: tuple[Any, ...] = ()
    default: Any = None
    examples: tuple[Any, ...] = ()


@dataclass(frozen=True, slots=True)
class AsyncChannel:
    key: str
    """Key in `channels` (2.x: the address too)."""
    address: str
    title: str
    summary: str
    description: str
    messages: tuple[AsyncMessage, ...]
    """The channel's messages, then those only its operations name."""
    operations: tuple[AsyncOperation, ...]
    servers: tuple[AsyncServer, ...]
    """The servers the channel is available on (all of the document's when not restricted)."""
    parameters: tuple[AsyncParameter, ...] = ()
    """The address's `{parameters}`."""
    bindings: Mapping[str, Any] | None = None
    spec_file: str = ""


@dataclass(frozen=True, slots=True)
class AsyncSpec:
    rel_path: str
    title: str
    version: str
    asyncapi: str
    channels: tuple[AsyncChannel, ...]


@dataclass(frozen=True, slots=True)
class AsyncResolution:
    channel: AsyncChannel | None
    problem: str | None = None


class AsyncIndex:
    """Every loaded AsyncAPI document."""

    def __init__(self, specs: Sequence[AsyncSpec]) -> None:
        self.specs = {s.rel_path: s for s in specs}

    def find(self, token: str) -> AsyncSpec | None:
        """The loaded document a docs.json path names (`/asyncapi.yaml`)."""
        path = posixpath.normpath(token.strip().lstrip("/"))
        return self.specs.get(path)

    def resolve(self, ref: str, page_rel_path: str) -> AsyncResolution:
        """`[spec] channel` -> the channel (by key, else by address); the page's folder first."""
        tokens = ref.strip().strip("\"'").split()
        if not tokens:
            return AsyncResolution(None, "asyncapi names no channel")
        name = tokens[-1] if len(tokens) > 1 else tokens[0]
        pool = sorted(self.specs, key=lambda p: _distance(p, posixpath.dirname(page_rel_path)))
        if len(tokens) > 1:
            token = tokens[0].lstrip("/")
            near = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel_path), token))
            pool = [p for p in pool if p in (token, near) or p.endswith("/" + token)]
            if not pool:
                known = ", ".join(sorted(self.specs)) or "none"
                return AsyncResolution(
                    None, f"{tokens[0]!r} is not a loaded AsyncAPI file (loaded: {known})"
                )
        for path in pool:
            for ch in self.specs[path].channels:
                if name in (ch.key, ch.address):
                    return AsyncResolution(ch)
        every = [ch.key for p in pool for ch in self.specs[p].channels]
        close = difflib.get_close_matches(name, every, n=3, cutoff=0.6)
        hint = "; did you mean " + ", ".join(repr(c) for c in close) + "?" if close else ""
        listed = f" (channels: {', '.join(every[:8])})" if every and not close else ""
        return AsyncResolution(None, f"channel {name!r} was not found{listed}{hint}")


def _distance(spec_path: str, page_dir: str) -> tuple[int, str]:
    spec_dir = posixpath.dirname(spec_path)
    if spec_dir == page_dir:
        return (0, spec_path)
    if spec_dir == "" or page_dir.startswith(spec_dir + "/"):
        return (1 + page_dir.count("/") - spec_dir.count("/"), spec_path)
    return (1 << 20, spec_path)


def load_async_index(docs_dir: Path, files: Sequence[str], diagnostics: Diagnostics) -> AsyncIndex:
    """Load AsyncAPI documents (POSIX paths relative to `docs_dir`); problems are diagnostics."""
    store = SpecStore(docs_dir, diagnostics)
    builder = SchemaBuilder(store)
    specs: list[AsyncSpec] = []
    for rel in dict.fromkeys(files):
        src = store.load(docs_dir / rel)
        if src is None:
            continue
        data = src.data
        version = str(data.get("asyncapi", "")) if isinstance(data, dict) else ""
        if not version.startswith(("2.", "3.")):
            store.report(
                src,
                "/asyncapi",
                "asyncapi-version",
                f"expected `asyncapi: 3.0.0` (or 2.x) at the top of the document, found {version!r}",
                "error",
            )
            continue
        if version.startswith("2."):  # read here; Mintlify's asyncapi-setup asks for 3.0
            store.report(
                src,
                "/asyncapi",
                "asyncapi-version",
                f"AsyncAPI {version}: Mintlify reads AsyncAPI 3.0 documents only, so its pages "
                "would not build there; mintrender renders it",
                "warning",
            )
        specs.append(_Loader(src, store, builder, version).load())
    return AsyncIndex(specs)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


class _Loader:
    def __init__(self, src: SpecSource, store: SpecStore, builder: SchemaBuilder, version: str):
        self.src, self.store, self.builder, self.version = src, store, builder, version
        self.data: dict[str, Any] = src.data

    def deref(self, node: Any, pointer: str) -> tuple[dict[str, Any], str]:
        found, _, ptr = self.store.deref(node, self.src, pointer)
        return _dict(found), ptr

    def load(self) -> AsyncSpec:
        info = _dict(self.data.get("info"))
        servers = self._servers()
        channels = (
            self._channels_v3(servers)
            if self.version.startswith("3.")
            else self._channels_v2(servers)
        )
        return AsyncSpec(
            self.src.rel_path,
            _text(info.get("title")),
            str(info.get("version", "")),
            self.version,
            tuple(channels),
        )

    def _servers(self) -> dict[str, AsyncServer]:
        out: dict[str, AsyncServer] = {}
        for name, node in _dict(self.data.get("servers")).items():
            node, _ = self.deref(node, join_pointer("/servers", str(name)))
            protocol = _text(node.get("protocol"))
            url = _text(node.get("url")) or (_text(node.get("host")) + _text(node.get("pathname")))
            if url and "://" not in url and protocol:
                url = f"{protocol}://{url}"
            out[str(name)] = AsyncServer(
                str(name), url, protocol, _text(node.get("description")), _bindings(node)
            )
        return out

    def _message(self, key: str, node: Any, pointer: str) -> AsyncMessage:
        node, ptr = self.deref(node, pointer)
        payload = node.get("payload")
        pptr = join_pointer(ptr, "payload")
        if (
            isinstance(payload, dict)
            and "schema" in payload
            and set(payload)
            <= {
                "schema",
                "schemaFormat",
            }
        ):  # a Multi Format Schema Object (3.x)
            payload, pptr = payload["schema"], join_pointer(pptr, "schema")
        headers = node.get("headers")
        examples = tuple(
            ex["payload"]
            for ex in node.get("examples") or ()
            if isinstance(ex, dict) and "payload" in ex
        )
        return AsyncMessage(
            key,
            _text(node.get("title")) or _text(node.get("name")) or key,
            _text(node.get("summary")),
            _text(node.get("description")),
            _text(node.get("contentType")) or _text(self.data.get("defaultContentType")),
            self.builder.build(payload, self.src, pptr) if payload is not None else None,
            self.builder.build(headers, self.src, join_pointer(ptr, "headers"))
            if headers is not None
            else None,
            examples,
            _bindings(node),
        )

    def _channels_v3(self, servers: dict[str, AsyncServer]) -> list[AsyncChannel]:
        by_pointer: dict[str, str] = {}
        raw: dict[str, tuple[dict[str, Any], str]] = {}
        for key, node in _dict(self.data.get("channels")).items():
            ptr = join_pointer("/channels", str(key))
            node, real = self.deref(node, ptr)
            raw[str(key)] = (node, real)
            by_pointer[ptr] = by_pointer[real] = str(key)
        ops: dict[str, list[AsyncOperation]] = {k: [] for k in raw}
        for okey, onode in _dict(self.data.get("operations")).items():
            onode, optr = self.deref(onode, join_pointer("/operations", str(okey)))
            ref = _dict(onode.get("channel")).get("$ref", "")
            channel = by_pointer.get(ref.partition("#")[2]) if isinstance(ref, str) else None
            if channel is None:
                self.store.report(
                    self.src, optr, "asyncapi-operation", "an operation needs a `channel` $ref"
                )
                continue
            msgs = [
                self._message(_ref_key(m), m, join_pointer(optr, "messages", i))
                for i, m in enumerate(onode.get("messages") or ())
            ]
            ops[channel].append(
                AsyncOperation(
                    str(okey),
                    _text(onode.get("action")) or "send",
                    _text(onode.get("title")),
                    _text(onode.get("summary")),
                    _text(onode.get("description")),
                    tuple(msgs),
                    _bindings(onode),
                )
            )
        out = []
        for key, (node, ptr) in raw.items():
            messages = [
                self._message(str(mkey), m, join_pointer(ptr, "messages", str(mkey)))
                for mkey, m in _dict(node.get("messages")).items()
            ]
            names = [_ref_key(s) for s in node.get("servers") or () if isinstance(s, dict)]
            address = node.get("address")
            out.append(
                self._channel(
                    key,
                    address if isinstance(address, str) else key,
                    node,
                    messages,
                    ops[key],
                    [servers[n] for n in names if n in servers] or list(servers.values()),
                )
            )
        return out

    def _channels_v2(self, servers: dict[str, AsyncServer]) -> list[AsyncChannel]:
        out = []
        for key, node in _dict(self.data.get("channels")).items():
            node, ptr = self.deref(node, join_pointer("/channels", str(key)))
            ops: list[AsyncOperation] = []
            for verb, action in (("subscribe", "send"), ("publish", "receive")):
                onode = _dict(node.get(verb))
                if not onode:
                    continue
                optr = join_pointer(ptr, verb)
                msg, mptr = self.deref(onode.get("message"), join_pointer(optr, "message"))
                many = msg.get("oneOf") if isinstance(msg.get("oneOf"), list) else None
                msgs = (
                    [
                        self._message(
                            _ref_key(m) or f"message{i + 1}", m, join_pointer(mptr, "oneOf", i)
                        )
                        for i, m in enumerate(many)
                    ]
                    if many is not None
                    else [self._message(_ref_key(onode.get("message")) or verb, msg, mptr)]
                    if msg
                    else []
                )
                ops.append(
                    AsyncOperation(
                        _text(onode.get("operationId")) or verb,
                        action,
                        "",
                        _text(onode.get("summary")),
                        _text(onode.get("description")),
                        tuple(msgs),
                        _bindings(onode),
                    )
                )
            names = [n for n in node.get("servers") or () if isinstance(n, str)]
            out.append(
                self._channel(
                    str(key),
                    str(key),
                    node,
                    [],
                    ops,
                    [servers[n] for n in names if n in servers] or list(servers.values()),
                )
            )
        return out

    def _channel(
        self,
        key: str,
        address: str,
        node: dict[str, Any],
        messages: list[AsyncMessage],
        ops: list[AsyncOperation],
        servers: list[AsyncServer],
    ) -> AsyncChannel:
        seen = {m.key for m in messages}
        for op in ops:
            for m in op.messages:
                if m.key not in seen:
                    seen.add(m.key)
                    messages.append(m)
        params = tuple(
            _parameter(str(n), _dict(p)) for n, p in _dict(node.get("parameters")).items()
        )
        return AsyncChannel(
            key,
            address,
            _text(node.get("title")),
            _text(node.get("summary")),
            _text(node.get("description")),
            tuple(messages),
            tuple(ops),
            tuple(servers),
            params,
            _bindings(node),
            self.src.rel_path,
        )


def _parameter(name: str, node: dict[str, Any]) -> AsyncParameter:
    schema = _dict(node.get("schema"))  # 2.x
    enum = node.get("enum", schema.get("enum"))
    examples = node.get("examples", schema.get("examples"))
    if "example" in schema and not isinstance(examples, list):
        examples = [schema["example"]]
    return AsyncParameter(
        name,
        _text(node.get("description") or schema.get("description")),
        tuple(enum) if isinstance(enum, list) else (),
        node.get("default", schema.get("default")),
        tuple(examples) if isinstance(examples, list) else (),
    )


def _ref_key(node: Any) -> str:
    """Last token of a `$ref` (`#/components/messages/Tick` -> `Tick`), "" when none."""
    ref = _dict(node).get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else ""


def _bindings(node: dict[str, Any]) -> Mapping[str, Any] | None:
    value = node.get("bindings")
    return value if isinstance(value, dict) and value else None
