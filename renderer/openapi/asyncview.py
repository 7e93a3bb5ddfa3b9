"""`render_channel`: the reference view of an AsyncAPI channel page, in the OpenAPI pages' layout.

Header: the protocol pill and the channel's address on its server(s). Body: servers, address
parameters, operations (send / receive), then each message's payload and headers as field trees
(the rows request and response bodies use) and bindings. Right column: a payload example per
message.
"""

from __future__ import annotations

import json
from typing import Any

import jinja2
from markupsafe import Markup

from mintrender.openapi.asyncapi import AsyncChannel, AsyncMessage
from mintrender.openapi.fields import AnchorSet, FieldBuilder, FieldView, Markdown, example_text
from mintrender.openapi.model import Server
from mintrender.openapi.reference import _describe, _env, _header_html, _view_fields, _walk_names
from mintrender.openapi.samples import schema_example
from mintrender.openapi.view import ApiOptions, ApiSection, ApiView, Highlight
from mintrender.themes.uitext import ui_text

ACTIONS = ("send", "receive")
"""The actions whose label is one of the theme's words (`ui_text`); another is shown title-cased."""


def channel_method(channel: AsyncChannel) -> str:
    """The pill of a channel page: its protocol (`WSS`), else `WS`."""
    protocols = [s.protocol for s in channel.servers if s.protocol]
    return (protocols[0] if protocols else "ws").upper()


def render_channel(
    channel: AsyncChannel,
    *,
    options: ApiOptions,
    markdown: Markdown,
    highlight: Highlight,
    templates: jinja2.Environment | None = None,
) -> ApiView:
    """Header, body and examples of one AsyncAPI channel."""
    env = _env(templates, options.language)
    words = ui_text(options.language)
    anchors = AnchorSet()
    builder = FieldBuilder(markdown, anchors, expanded=options.expanded == "all")

    def bindings(value: Any) -> Markup | str:
        if not value:
            return ""
        return Markup(highlight(json.dumps(value, indent=2, ensure_ascii=False), "json", ""))

    messages = []
    all_fields: list[FieldView] = []
    for msg in channel.messages:
        anchor = anchors.take(f"message-{msg.key}")
        payload = builder.schema_view(msg.payload, f"{anchor}-payload", "response", "payload")
        headers = builder.schema_view(msg.headers, f"{anchor}-header", "response", "headers")
        all_fields += _view_fields(payload) + _view_fields(headers)
        messages.append(
            {
                "id": anchor,
                "title": msg.title,
                "key": msg.key,
                "summary": msg.summary,
                "description_html": builder._md(msg.description),
                "content_type": msg.content_type,
                "payload": payload if msg.payload is not None else None,
                "headers": headers if msg.headers is not None else None,
                "bindings": bindings(msg.bindings),
            }
        )
    message_ids = {m["key"]: m["id"] for m in messages}
    operations = [
        {
            "id": anchors.take(f"operation-{op.key}"),
            "action": op.action,
            "label": words[op.action] if op.action in ACTIONS else op.action.title(),
            "title": op.title or op.summary or op.key,
            "summary": op.summary if op.title else "",
            "description_html": builder._md(op.description),
            "messages": [{"title": m.title, "id": message_ids.get(m.key, "")} for m in op.messages],
            "bindings": bindings(op.bindings),
        }
        for op in channel.operations
    ]
    servers = [
        {
            "name": s.name,
            "url": s.url,
            "protocol": s.protocol,
            "description_html": builder._md(s.description),
            "bindings": bindings(s.bindings),
        }
        for s in channel.servers
    ]
    body_html = env.get_template("api/channel.html").render(
        servers=servers,
        parameters=[
            {
                "name": p.name,
                "id": anchors.take(f"parameter-{p.name}"),
                "description_html": builder._md(p.description),
                "enum": [example_text(v) for v in p.enum],
                "default": None if p.default is None else example_text(p.default),
                "example": example_text(p.examples[0]) if p.examples else None,
            }
            for p in channel.parameters
        ],
        operations=operations,
        messages=messages,
        bindings=bindings(channel.bindings),
        description_html=builder._md(channel.description or channel.summary),
    )
    method = channel_method(channel)
    header_html = _header_html(
        env,
        method,
        channel.address,
        [Server(s.url) for s in channel.servers],
        False,
        ApiOptions(playground="simple"),
        None,
    )
    aside_html = env.get_template("api/examples.html").render(
        method_pill="",
        title=channel.title or channel.key,
        samples=[
            {"label": m.title, "html": Markup(_example(m, highlight))} for m in channel.messages
        ],
        responses=[],
    )
    names = list(dict.fromkeys(_walk_names(all_fields)))
    text = " ".join(
        [
            channel.address,
            channel.title,
            *(m.title for m in channel.messages),
            _describe(all_fields),
        ]
    )
    sections = [ApiSection(channel.title or channel.key, "", text)]
    return ApiView(header_html, body_html, aside_html, sections, names)


def _example(msg: AsyncMessage, highlight: Highlight) -> str:
    value = msg.examples[0] if msg.examples else schema_example(msg.payload, mode="response")
    if isinstance(value, str):
        return highlight(value, "text", "")
    return highlight(json.dumps(value, indent=2, ensure_ascii=False), "json", "")
