"""AsyncAPI 2.x / 3.x channel pages: address, servers, operations, messages as field trees."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from sitekit import CORPORA, body, build_site, minimal_config, write_site

from mintrender.errors import Diagnostics
from mintrender.openapi.asyncapi import AsyncParameter, load_async_index

V2 = """asyncapi: 2.6.0
info: {title: Streetlights, version: "1.0"}
defaultContentType: application/json
servers:
  production:
    url: mqtt.example.com:1883
    protocol: mqtt
    description: Production broker
    bindings: {mqtt: {clientId: docs}}
channels:
  smartylighting/streetlights/{streetlightId}/lighting/measured:
    description: The topic on which measured values may be produced and consumed.
    parameters:
      streetlightId:
        description: The ID of the streetlight.
        schema: {type: string, enum: [a1, b2], default: a1, example: b2}
    subscribe:
      summary: Receive information about environmental lighting conditions.
      operationId: receiveLightMeasurement
      message:
        $ref: "#/components/messages/LightMeasured"
    publish:
      operationId: dimLight
      message:
        oneOf:
          - $ref: "#/components/messages/Dim"
          - $ref: "#/components/messages/LightMeasured"
components:
  messages:
    LightMeasured:
      name: lightMeasured
      title: Light measured
      headers:
        type: object
        properties:
          my-app-header: {type: integer, minimum: 0, maximum: 100}
      payload: {$ref: "#/components/schemas/lightMeasuredPayload"}
    Dim:
      name: dim
      payload: {type: object, properties: {percentage: {type: integer}}}
  schemas:
    lightMeasuredPayload:
      type: object
      properties:
        lumens: {type: integer, minimum: 0, description: Light intensity measured in lumens.}
        sentAt: {type: string, format: date-time}
"""


def test_v2_channels_load_with_operations_and_messages(tmp_path: Path) -> None:
    (tmp_path / "events.yaml").write_text(V2)
    diags = Diagnostics()
    index = load_async_index(tmp_path, ["events.yaml"], diags)
    # Mintlify reads AsyncAPI 3.0 only (asyncapi-setup): a 2.x document is read, with a warning
    assert [(d.code, d.severity, d.line) for d in diags] == [("asyncapi-version", "warning", 1)]
    assert "AsyncAPI 2.6.0" in diags[0].message
    found = index.resolve(
        "events.yaml smartylighting/streetlights/{streetlightId}/lighting/measured", "x.mdx"
    )
    ch = found.channel
    assert ch is not None
    assert [(o.key, o.action) for o in ch.operations] == [
        ("receiveLightMeasurement", "send"),
        ("dimLight", "receive"),
    ]
    assert [m.title for m in ch.messages] == ["Light measured", "dim"]
    payload = ch.messages[0].payload
    assert payload is not None and [p.name for p in payload.properties] == ["lumens", "sentAt"]
    assert ch.servers[0].url == "mqtt://mqtt.example.com:1883"
    assert ch.parameters == (
        AsyncParameter("streetlightId", "The ID of the streetlight.", ("a1", "b2"), "a1", ("b2",)),
    )
    missing = index.resolve("events.yaml lighting", "x.mdx")
    assert missing.channel is None and "was not found" in (missing.problem or "")


def test_v2_page_renders_field_trees(tmp_path: Path) -> None:
    docs = write_site(
        tmp_path / "d",
        {
            "events.yaml": V2,
            "light.mdx": "---\ntitle: Light\nasyncapi: "
            '"events.yaml smartylighting/streetlights/{streetlightId}/lighting/measured"\n---\n'
            "Own words.\n",
            "typo.mdx": '---\ntitle: T\nasyncapi: "events.yaml lights"\n---\n',
        },
        minimal_config(["light", "typo"]),
    )
    result = build_site(docs, tmp_path / "out")
    codes = [(d.file, d.code) for d in result.diagnostics if d.severity != "info"]
    assert codes == [("events.yaml", "asyncapi-version"), ("typo.mdx", "asyncapi-unresolved")]
    page = (tmp_path / "out" / "light" / "index.html").read_text()
    main = body(page)
    assert "Own words." in main and "mr-api-endpoint" in page and ">MQTT<" in page
    assert "mqtt://mqtt.example.com:1883" in page
    for anchor in (
        "message-LightMeasured-payload-lumens",
        "message-LightMeasured-header-my-app-header",
        "message-Dim-payload-percentage",
        "operation-receiveLightMeasurement",
        "parameter-streetlightId",
    ):
        assert f'id="{anchor}"' in main, anchor
    assert "mr-asyncapi__action--send" in main and "mr-asyncapi__action--receive" in main
    assert "clientId" in main  # server bindings
    assert "not supported" not in page
    assert [p.kind for p in result.pages if p.site_path == "/light"] == ["api"]
    copy = (tmp_path / "out" / "light.md").read_text()
    assert "**AsyncAPI channel:** `events.yaml smartylighting/" in copy and "Own words." in copy


def test_mintlify_channel_page_v3(tmp_path: Path) -> None:
    """The corpus's AsyncAPI 3.0 document: channelOne with two messages and three operations."""
    corpus = CORPORA / "mintlify-docs"
    docs = tmp_path / "d"
    docs.mkdir()
    shutil.copy(corpus / "asyncapi.yaml", docs / "asyncapi.yaml")
    page = (corpus / "api-playground" / "websocket-playground.mdx").read_text()
    (docs / "ws.mdx").write_text(page)
    (docs / "docs.json").write_text(
        '{"name": "T", "colors": {"primary": "#000000"}, "navigation": {"pages": ["ws"]}}'
    )
    result = build_site(docs, tmp_path / "out")
    assert not [d for d in result.diagnostics if d.code.startswith("asyncapi")]
    main = body((tmp_path / "out" / "ws" / "index.html").read_text())
    assert (
        "wss://echo-websocket.hoppscotch.io" in main
        or "echo-websocket.hoppscotch.io" in (tmp_path / "out" / "ws" / "index.html").read_text()
    )
    for anchor in ("message-TestMessage-payload-text", "operation-receiveTimestamp"):
        assert f'id="{anchor}"' in main, anchor
    assert "Timestamp message sent from echo hoppscotch server" in main
    assert main.count("mr-asyncapi__operation") == 3


def test_navigation_asyncapi_generates_a_page_per_channel(tmp_path: Path) -> None:
    v3 = (CORPORA / "mintlify-docs" / "asyncapi.yaml").read_text()
    docs = write_site(
        tmp_path / "d",
        {"ws/asyncapi.yaml": v3, "events.yaml": V2, "index.mdx": "---\ntitle: Home\n---\nHi\n"},
        {
            "name": "T",
            "theme": "mint",
            "colors": {"primary": "#0D9373"},
            "navigation": {
                "groups": [
                    {"group": "Docs", "pages": ["index"]},
                    {"group": "WebSockets", "asyncapi": "/ws/asyncapi.yaml"},
                    {"group": "MQTT", "asyncapi": {"source": "events.yaml", "directory": "mqtt"}},
                    {"group": "Nothing", "asyncapi": "missing.yaml"},
                ]
            },
        },
    )
    result = build_site(docs, tmp_path / "out")
    api = sorted((p.site_path, p.rendered.title) for p in result.pages if p.kind == "api")
    assert api == [
        ("/api-reference/channelone", "Test channel"),
        (
            "/mqtt/smartylighting-streetlights-streetlightid-lighting-measured",
            "smartylighting/streetlights/{streetlightId}/lighting/measured",
        ),
    ]
    codes = [d.code for d in result.diagnostics if d.severity != "info"]
    assert sorted(codes) == ["asyncapi-nav-spec", "asyncapi-version"]  # missing.yaml; 2.6.0
    page = (tmp_path / "out" / "api-reference" / "channelone" / "index.html").read_text()
    assert 'id="message-TestMessage-payload-text"' in page
    sidebar = page[page.find('id="sidebar"') : page.find('id="content-area"')]
    assert ">WebSockets<" in sidebar and "Test channel" in sidebar and ">WSS<" in sidebar


def test_channel_parameters_show_their_values_default_and_example(tmp_path: Path) -> None:
    """OpenPX's `{league}`: an AsyncAPI 3.0 parameter's `enum`, `default` and `examples` (2.x
    puts them in its `schema`) were dropped; only the name and description were shown."""
    spec = (
        "asyncapi: 3.0.0\ninfo: {title: t, version: '1'}\n"
        "servers: {prod: {host: ws.example.com, protocol: wss}}\n"
        "channels:\n  scores:\n    address: /scores/{league}\n    parameters:\n"
        "      league: {enum: [nba, nfl], default: nba, examples: [nfl], description: League.}\n"
        "    messages:\n      Score: {payload: {type: object, properties: {home: {type: integer}}}}\n"
        "operations:\n  recv: {action: receive, channel: {$ref: '#/channels/scores'}}\n"
    )
    page = '---\ntitle: Scores\nasyncapi: "/asyncapi.yaml scores"\n---\n'
    docs = write_site(tmp_path / "d", {"scores.mdx": page}, minimal_config(["scores"]))
    (docs / "asyncapi.yaml").write_text(spec)
    build_site(docs, tmp_path / "out")
    main = body((tmp_path / "out" / "scores" / "index.html").read_text())
    item = main.split('id="parameter-league"', 1)[1].split("</section>", 1)[0]
    assert "default: nba" in item and "League." in item
    assert re.search(r"Available options: <code>nba</code>, <code>nfl</code>", item), item
    assert "Example: <code>nfl</code>" in item
