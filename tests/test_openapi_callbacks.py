"""Callbacks listed under their operation: each callback's operations, bodies and responses."""

from __future__ import annotations

from pathlib import Path

from sitekit import body, build_site, minimal_config, write_site

from mintrender.errors import Diagnostics
from mintrender.openapi import find_spec_files, load_api_index

SPEC = """openapi: 3.1.0
info: {title: Payments, version: "1"}
paths:
  /payments:
    post:
      summary: Create a payment
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                callbackUrl: {type: string, format: uri}
      responses:
        "201": {description: Created}
      callbacks:
        onPaymentSucceeded:
          "{$request.body#/callbackUrl}":
            post:
              summary: Payment succeeded
              description: Sent when the payment **settles**.
              requestBody:
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Event"}
              responses:
                "200": {description: Acknowledged}
                "410": {description: Stop sending}
        onRefund:
          $ref: "#/components/callbacks/Refund"
components:
  schemas:
    Event:
      type: object
      properties:
        id: {type: string}
        amount: {type: integer, minimum: 1}
  callbacks:
    Refund:
      "{$request.body#/callbackUrl}/refunds":
        put:
          requestBody:
            content:
              application/json:
                schema: {type: object, properties: {refund_id: {type: string}}}
          responses:
            "204": {description: Done}
"""


def test_callbacks_are_loaded(tmp_path: Path) -> None:
    (tmp_path / "openapi.yaml").write_text(SPEC)
    diags = Diagnostics()
    index = load_api_index(tmp_path, find_spec_files(tmp_path), diags)
    assert not diags
    (op,) = index.operations()
    assert [cb.name for cb in op.callbacks] == ["onPaymentSucceeded", "onRefund"]
    first, refund = op.callbacks
    assert [(o.method, o.path) for o in first.operations] == [
        ("POST", "{$request.body#/callbackUrl}")
    ]
    assert [r.status for r in first.operations[0].responses] == ["200", "410"]
    assert [(o.method, o.path) for o in refund.operations] == [
        ("PUT", "{$request.body#/callbackUrl}/refunds")
    ]


def test_callbacks_render_under_the_operation(tmp_path: Path) -> None:
    docs = write_site(
        tmp_path / "d",
        {"openapi.yaml": SPEC, "pay.mdx": '---\nopenapi: "POST /payments"\n---\n'},
        minimal_config(["pay"]),
    )
    result = build_site(docs, tmp_path / "out")
    assert not [d for d in result.diagnostics if d.severity != "info"], result.diagnostics
    main = body((tmp_path / "out" / "pay" / "index.html").read_text())
    section = main[main.index('id="api-callbacks"') :]
    # between the body and the responses, each one collapsible (openapi.md §5)
    assert (
        main.index('id="api-body"')
        < main.index('id="api-callbacks"')
        < main.index('id="api-response"')
    )
    assert '<details class="mr-api-callback" id="callback-onRefund">' in section
    assert 'id="callback-onPaymentSucceeded"' in section and 'id="callback-onRefund"' in section
    assert "{$request.body#/callbackUrl}/refunds" in section
    assert "Payment succeeded" in section and "<strong>settles</strong>" in section
    for anchor in (
        "callback-onPaymentSucceeded-param-id",
        "callback-onPaymentSucceeded-param-amount",
        "callback-onRefund-param-refund_id",
    ):
        assert f'id="{anchor}"' in section, anchor
    assert 'data-tab-title="410"' in section and 'data-tab-title="204"' in section
    assert 'id="param-callbackUrl"' in main  # the operation's own body is unchanged
