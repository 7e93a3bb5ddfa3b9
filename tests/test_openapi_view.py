"""The reference view: endpoint bar, field rows, examples column, playground data, manual pages."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from sitekit import API_HEAD, built_page

from mintrender.errors import Diagnostics
from mintrender.openapi import (
    ApiIndex,
    ApiOptions,
    ApiView,
    ManualParam,
    Operation,
    Property,
    Schema,
    find_spec_files,
    load_api_index,
    method_pill_html,
    render_manual_endpoint,
    render_operation,
)
from mintrender.openapi.languages import LANGUAGES
from mintrender.openapi.view import build_http_request

SPECS = Path(__file__).parent / "specs"


def md(text: str) -> str:
    """Stand-in Markdown renderer: escapes, keeps **bold**."""
    body = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html.escape(text))
    return f"<p>{body}</p>"


def hl(code: str, lang: str, title: str) -> str:
    """Stand-in highlighter."""
    return f'<pre data-lang="{lang}" data-title="{html.escape(title)}"><code>{html.escape(code)}</code></pre>'


class Elements(HTMLParser):
    """Every start tag with its attributes, in document order; plus text per id."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def find(self, **attrs: str) -> list[dict[str, str | None]]:
        key = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
        return [a for _, a in self.tags if all(a.get(k) == v for k, v in key.items())]

    def classes(self, cls: str) -> list[dict[str, str | None]]:
        return [a for _, a in self.tags if cls in (a.get("class") or "").split()]


@pytest.fixture(scope="module")
def index() -> ApiIndex:
    return load_api_index(SPECS, find_spec_files(SPECS), Diagnostics())


def get(index: ApiIndex, ref: str) -> Operation:
    res = index.resolve(ref, "page.mdx", [])
    assert res.operation is not None, res.problem
    return res.operation


def render(op: Operation, **options: object) -> ApiView:
    api = ApiOptions(**options)  # type: ignore[arg-type]
    return render_operation(op, options=api, markdown=md, highlight=hl)


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_endpoint_bar(index: ApiIndex) -> None:
    view = render(get(index, "composition.yaml PATCH /pets/{petId}"))
    el = Elements(view.header_html)
    [bar] = el.find(data_component="api-endpoint")
    assert bar["data-url"] == "https://pets.example.com/pets/{petId}"
    [pill] = el.classes("method-pill")
    assert "mr-api-method--patch" in (pill["class"] or "")
    assert '<span class="mr-api-endpoint__param">{petId}</span>' in view.header_html
    # one server: the path alone (the request's full URL is the bar's data-url and the
    # samples'); `api.url: "full"` shows the server too (openapi.md §2)
    assert "mr-api-endpoint__base" not in view.header_html
    full = render(get(index, "composition.yaml PATCH /pets/{petId}"), url_full=True)
    assert '<span class="mr-api-endpoint__base">https://pets.example.com</span>' in full.header_html
    assert ApiOptions.from_settings({"url": "full"}).url_full
    assert len(el.classes("tryit-button")) == 1
    assert len(el.find(data_component="api-playground-data")) == 1
    assert "deprecated" not in view.header_html


def test_several_servers_give_a_select_with_variables_substituted(index: ApiIndex) -> None:
    view = render(get(index, "servers.json GET /users"))
    el = Elements(view.header_html)
    assert len(el.find(data_component="api-server-select")) == 1
    options = re.findall(r'<option[^>]*title="([^"]*)"[^>]*>([^<]*)</option>', view.header_html)
    # an https server is named by its host and path (the bar is narrow); its title is the URL
    assert options == [
        ("https://eu.api.example.com/v2 (Regional)", "eu.api.example.com/v2"),
        ("https://sandbox.example.com/v2 (Sandbox)", "sandbox.example.com/v2"),
    ]
    assert el.find(data_component="api-endpoint")[0]["data-url"] == (
        "https://eu.api.example.com/v2/users"
    )
    data = playground(view)
    assert data["servers"][0]["variables"] == [
        {"name": "region", "default": "eu", "enum": ["eu", "us"]},
        {"name": "version", "default": "v2", "enum": []},
    ]


def test_a_server_variable_without_default_stays_a_placeholder(tmp_path: Path) -> None:
    """Notifuse's `https://{customerDomain}` with no `default`: every sample read `https:/api/
    send` (an empty default, and the `//` cut as a trailing slash) without a word. The URL keeps
    `{customerDomain}`, the spec gets a warning, and the playground asks for the value."""
    spec = {
        **API_HEAD,
        "servers": [
            {"url": "https://{customerDomain}", "variables": {"customerDomain": {}}},
        ],
        "paths": {"/api/send": {"post": {"responses": {"200": {"description": "ok"}}}}},
    }
    (tmp_path / "openapi.json").write_text(json.dumps(spec))
    diagnostics = Diagnostics()
    index = load_api_index(tmp_path, find_spec_files(tmp_path), diagnostics)
    view = render(get(index, "openapi.json POST /api/send"))
    el = Elements(view.header_html)
    assert el.find(data_component="api-endpoint")[0]["data-url"] == (
        "https://{customerDomain}/api/send"
    )
    assert "https:/api" not in view.header_html + view.aside_html
    assert playground(view)["servers"][0]["variables"] == [
        {"name": "customerDomain", "default": "", "enum": [], "required": True}
    ]
    (warning,) = [d for d in diagnostics if d.code == "openapi-server"]
    assert "'customerDomain' has no `default`" in warning.message and warning.line > 0


def test_playground_modes_and_deprecated_banner(index: ApiIndex) -> None:
    op = get(index, "servers.json DELETE /admin")
    interactive = render(op)
    assert "mr-api-deprecated" in interactive.header_html
    assert "mr-api-method--delete" in interactive.header_html
    simple = render(op, playground="simple")
    el = Elements(simple.header_html)
    assert not el.classes("tryit-button") and not el.find(data_component="api-playground-data")
    [copy] = el.classes("mr-api-copy-url")
    assert copy["data-copy"] == "https://admin.example.com/admin"
    none = render(op, playground="none")
    assert "tryit-button" not in none.header_html and "mr-api-copy-url" not in none.header_html
    assert ApiOptions.from_settings({"playground": {"display": "simple"}}).playground == "simple"
    assert ApiOptions.from_settings({}, {"playground": "none"}).playground == "none"
    assert ApiOptions.from_settings({"playground": {"display": "auth"}}).playground == "interactive"


def field_heads(body: str) -> dict[str, str]:
    """Field id -> text of its head row (name and pills)."""
    heads = re.findall(
        r'<div class="mr-api-field field" id="([^"]+)".*?<div class="mr-api-field__head">(.*?)</div>',
        body,
        re.S,
    )
    return {anchor: " ".join(text_of(h).split()) for anchor, h in heads}


def test_field_rows_types_pills_and_anchors(index: ApiIndex) -> None:
    view = render(get(index, "composition.yaml PATCH /pets/{petId}"))
    heads = field_heads(view.body_html)
    assert heads == {
        "param-petId": "petId integer<int64> required",
        "param-nickname": "nickname string | null",
        "param-age": "age integer default: 1",
        "param-birthday": "birthday string<date> deprecated",
        "param-id": "id string<uuid> read-only",
        "param-secret": "secret string write-only",
        "param-tags": "tags object",
        "param-tags-key": "{key} string",
        "param-color": "color enum<string>",
        "param-weight": "weight number | null",
        "param-code": "code string",
    }
    body = view.body_html
    assert '<span class="mr-api-pill mr-api-pill--required">required</span>' in body
    assert "Available options: <code>black</code>, <code>white</code>, <code>ginger</code>" in body
    assert "Required range: <code>0 &lt;= x &lt;= 40</code>" in body
    assert "Required string length: <code>2 &lt;= length &lt;= 20</code>" in body
    assert "Allowed pattern: <code>^[A-Z]{3}$</code>" in body
    assert "<p>A <strong>short</strong> name</p>" in body
    assert re.search(r'id="api-path-parameters".*Path Parameters', body, re.S)
    assert view.field_names == [
        "petId",
        "nickname",
        "age",
        "birthday",
        "id",
        "secret",
        "tags",
        "{key}",
        "color",
        "weight",
        "code",
    ]


def test_nested_objects_are_expandable_and_open_with_expanded_all(index: ApiIndex) -> None:
    op = get(index, "circular.json POST /trees")
    closed = render(op)
    assert closed.body_html.count('<details class="mr-api-expandable expandable">') == 1
    assert "Show child attributes" in closed.body_html
    heads = field_heads(closed.body_html)
    assert heads["param-children"] == "children object[]"
    assert heads["response-pet-owner"] == "owner object"
    assert heads["response-pet-nickname"] == "nickname string"
    assert "Same structure as <code>Node</code>" in closed.body_html
    opened = render(op, expanded="all")
    assert opened.body_html.count('<details class="mr-api-expandable expandable" open>') == 1


def test_all_of_merged_and_one_of_tabs(index: ApiIndex) -> None:
    view = render(get(index, "composition.yaml POST /pets"))
    heads = field_heads(view.body_html)
    assert heads["param-name"] == "name string required"
    assert heads["param-kind"] == "kind enum<string> required"
    tabs = re.findall(
        r'role="tab" class="mr-api-tabs__tab[^"]*" data-tab-title="([^"]+)"', view.body_html
    )
    assert tabs == ["201", "400", "Cat", "Dog", "Validation error", "Plain message"]
    assert heads["response-option-1-meow"] == "meow boolean default: true"
    assert view.body_html.count('data-component="api-tabs"') == 3


def test_authorizations_for_every_scheme_type(index: ApiIndex) -> None:
    bearer = render(get(index, "servers.json GET /users")).body_html
    assert 'id="api-authorizations"' in bearer
    assert field_heads(bearer)["authorization-Authorization"] == (
        "Authorization string header required"
    )
    assert "Bearer authentication header of the form <code>" not in bearer  # markdown stand-in
    assert "Bearer &lt;token&gt;" in bearer and "(JWT)" in bearer
    alts = render(get(index, "servers.json GET /admin")).body_html
    assert re.findall(r'data-tab-title="([^"]+)" aria-selected', alts)[:2] == ["key", "basic"]
    heads = field_heads(alts)
    assert heads["authorization-X-API-Key"] == "X-API-Key string header required"
    assert "<p>Your <strong>key</strong>.</p>" in alts and "base64-encoded" in alts
    multi = render(get(index, "servers.json POST /admin")).body_html
    heads = field_heads(multi)
    assert heads["authorization-sid"] == "sid string cookie required"
    assert heads["authorization-api_key"] == "api_key string query required"
    assert "oauth + oidc" in multi and "access token" in multi
    assert "api-authorizations" not in render(get(index, "servers.json DELETE /admin")).body_html


def test_parameter_groups(index: ApiIndex) -> None:
    body = render(get(index, "servers.json GET /users")).body_html
    titles = re.findall(r'<h2 class="mr-api-section__title">([^<]+)</h2>', body)
    assert titles == ["Authorizations", "Query Parameters", "Headers", "Cookies", "Response"]
    heads = field_heads(body)
    assert heads["param-limit"] == "limit integer default: 10"
    assert heads["param-X-Trace"] == "X-Trace string"


def test_request_samples_default_languages_and_full_url(index: ApiIndex) -> None:
    view = render(get(index, "servers.json GET /users"))
    el = Elements(view.aside_html)
    assert [t["data-tab-title"] for t in el.find(role="tab")][:3] == [
        "cURL",
        "Python",
        "JavaScript",
    ]
    assert (
        'id="request-example"' in view.aside_html and 'id="response-example"' not in view.aside_html
    )
    assert 'data-component="code-group"' in view.aside_html
    curl = text_of(re.search(r'data-lang="bash".*?</pre>', view.aside_html, re.S).group(0))
    assert "--url 'https://eu.api.example.com/v2/users?limit=10&X-Trace" not in curl
    assert "--url 'https://eu.api.example.com/v2/users?limit=10'" in curl
    assert "--header 'Authorization: Bearer <token>'" in curl
    assert "--header 'X-Trace: <string>'" in curl and "--header 'Cookie: session=<string>'" in curl


def test_languages_aliases_order_and_compilable_python(index: ApiIndex) -> None:
    options = ApiOptions.from_settings(
        {"examples": {"languages": ["js", "curl", "golang", "rb", "php", "java", "py", "swift"]}}
    )
    assert options.languages == ("javascript", "bash", "go", "ruby", "php", "java", "python")
    assert options.unknown_languages == ("swift",)
    op = get(index, "composition.yaml POST /pets")
    view = render_operation(op, options=options, markdown=md, highlight=hl)
    tabs = [t["data-tab-title"] for t in Elements(view.aside_html).find(role="tab")]
    assert tabs[:7] == ["JavaScript", "cURL", "Go", "Ruby", "PHP", "Java", "Python"]
    request = build_http_request(
        op.method, op.servers, op.path, op.security, op.parameters, op.request_body, options
    )
    for key, (_, _, generate) in LANGUAGES.items():
        code = generate(request)
        assert "https://pets.example.com/pets" in code, key
        assert "Rex" in code, key  # example from the schema
    compile(LANGUAGES["python"][2](request), "sample.py", "exec")
    assert json.loads(request.body_text()) == {"name": "Rex", "tag": "<string>", "kind": "cat"}


def test_defaults_required_limits_samples(index: ApiIndex) -> None:
    op = get(index, "composition.yaml POST /pets")
    options = ApiOptions.from_settings({"examples": {"defaults": "required"}})
    request = build_http_request(
        op.method, op.servers, op.path, op.security, op.parameters, op.request_body, options
    )
    assert request.json_body == {"name": "Rex", "kind": "cat"}
    users = get(index, "servers.json GET /users")
    request = build_http_request(
        users.method, users.servers, users.path, users.security, users.parameters, None, options
    )
    assert request.query == () and request.headers == (("Authorization", "Bearer <token>"),)


def test_code_samples_override_and_autogenerate_false(index: ApiIndex) -> None:
    op = get(index, "examples.json POST /upload")
    view = render(op)
    tabs = [t["data-tab-title"] for t in Elements(view.aside_html).find(role="tab")]
    assert tabs == ["SDK", "cURL", "JavaScript", "200", "413"]
    assert "client.upload(&#x27;a.png&#x27;)" in view.aside_html
    assert "--form &#x27;file=@example-file&#x27;" in view.aside_html
    only = render(op, autogenerate=False)
    tabs = [t["data-tab-title"] for t in Elements(only.aside_html).find(role="tab")]
    assert tabs == ["SDK", "200", "413"]


def test_response_examples_named_and_synthesised(index: ApiIndex) -> None:
    view = render(get(index, "examples.json POST /upload"))
    aside = view.aside_html
    assert re.findall(r"<option value=\"\d\">([^<]+)</option>", aside) == [
        "Small file",
        "Large file",
    ]
    assert "&quot;size&quot;: 10000000" in aside and "too large" in aside
    tree = render(get(index, "circular.json POST /trees")).aside_html
    example = re.search(r'data-tab-title="200">\s*<div[^>]*>\s*(<pre.*?</pre>)', tree, re.S)
    assert example is not None
    assert json.loads(text_of(example.group(1))) == {
        "id": 123,
        "pet": {"owner": {}, "nickname": "<string>"},
    }


def test_body_content_type_selector(index: ApiIndex) -> None:
    body = render(get(index, "examples.json POST /upload")).body_html
    assert re.findall(r'<option value="\d">([^<]+)</option>', body) == [
        "multipart/form-data",
        "application/x-www-form-urlencoded",
    ]
    assert field_heads(body)["param-file"] == "file file required"


def playground(view: ApiView) -> dict:
    m = re.search(r'data-component="api-playground-data">(.*?)</script>', view.header_html, re.S)
    assert m is not None
    return json.loads(m.group(1))


def test_playground_payload(index: ApiIndex) -> None:
    data = playground(render(get(index, "servers.json POST /admin")))
    assert data["method"] == "POST" and data["path"] == "/admin"
    assert data["servers"][0]["url"] == "https://op.example.com/base"
    assert [s["label"] for s in data["security"]] == ["oauth + oidc", "cookieKey", "queryKey"]
    assert data["security"][0]["schemes"][0]["kind"] == "bearer"
    upload = playground(render(get(index, "examples.json POST /upload")))
    assert upload["body"]["contentType"] == "multipart/form-data"
    assert [(f["name"], f["kind"], f["required"]) for f in upload["body"]["fields"]] == [
        ("file", "file", True),
        ("caption", "string", False),
    ]
    pets = playground(render(get(index, "composition.yaml PATCH /pets/{petId}")))
    kinds = {f["name"]: f["kind"] for f in pets["body"]["fields"]}
    assert kinds == {
        "nickname": "string",
        "age": "integer",
        "birthday": "string",
        "secret": "string",
        "tags": "json",
        "color": "enum",
        "weight": "number",
        "code": "string",
    }  # read-only `id` is not an input
    assert pets["params"] == [{"in": "path", "name": "petId", "kind": "integer", "required": True}]


def test_playground_json_cannot_close_the_script(index: ApiIndex) -> None:
    op = get(index, "composition.yaml POST /pets")
    evil = Schema(
        types=("object",), properties=(Property("</script><b>", Schema(types=("string",))),)
    )
    from dataclasses import replace

    from mintrender.openapi import MediaType, RequestBody

    op = replace(op, request_body=RequestBody((MediaType("application/json", evil),)))
    view = render(op)
    assert "</script><b>" not in view.header_html and "</script><b>" not in view.body_html
    assert "&lt;/script&gt;&lt;b&gt;" in view.body_html


def test_webhook_view(index: ApiIndex) -> None:
    view = render(get(index, "webhooks.yaml webhook orderUpdated"))
    assert "mr-api-method--other" in view.header_html and ">HOOK<" in view.header_html
    assert "tryit-button" not in view.header_html
    assert field_heads(view.body_html)["param-status"] == "status enum<string>"


def test_search_sections(index: ApiIndex) -> None:
    view = render(get(index, "servers.json GET /users"))
    assert [(s.title, s.anchor) for s in view.sections] == [
        ("List users", ""),
        ("Query Parameters", "api-query-parameters"),
        ("Headers", "api-header-parameters"),
        ("Cookies", "api-cookie-parameters"),
    ]
    assert view.sections[0].text.startswith("GET /users List users")


def test_method_pills() -> None:
    assert method_pill_html("delete", compact=True).endswith(">DEL</span>")
    assert "mr-api-method--delete method-pill" in method_pill_html("DELETE")
    assert "mr-api-method--other" in method_pill_html("OPTIONS")


def test_every_fixture_operation_renders(index: ApiIndex) -> None:
    for op in index.operations():
        for opts in ({}, {"expanded": "all", "playground": "simple", "defaults": "required"}):
            view = render(op, **opts)
            assert op.method in view.header_html or op.webhook


def test_manual_endpoint() -> None:
    params = [
        ManualParam("workflow_id", "path", "string", True, None, "The workflow"),
        ManualParam("key", "body", "string", True, None, "API key"),
        ManualParam("inputs", "body", "object", False, None, "Inputs"),
        ManualParam("count", "query", "integer", False, 2, "How many"),
    ]
    options = ApiOptions.from_settings({"mdx": {"auth": {"method": "bearer"}}})
    view = render_manual_endpoint(
        "post",
        "https://modelslab.com/api/v1/workflows/{workflow_id}/run",
        params,
        options=options,
        markdown=md,
        highlight=hl,
    )
    assert view.body_html == ""
    bar = Elements(view.header_html).find(data_component="api-endpoint")[0]
    assert bar["data-url"] == "https://modelslab.com/api/v1/workflows/{workflow_id}/run"
    assert '<span class="mr-api-endpoint__param">{workflow_id}</span>' in view.header_html
    data = playground(view)
    assert [(p["name"], p["in"]) for p in data["params"]] == [
        ("workflow_id", "path"),
        ("count", "query"),
    ]
    assert [f["name"] for f in data["body"]["fields"]] == ["key", "inputs"]
    assert data["security"][0]["schemes"][0]["kind"] == "bearer"
    curl = text_of(view.aside_html)
    assert "https://modelslab.com/api/v1/workflows/{workflow_id}/run?count=2" in curl
    assert '"key": "<string>"' in curl and "Authorization: Bearer <token>" in curl
    assert view.field_names == ["workflow_id", "key", "inputs", "count"]
    none = render_manual_endpoint(
        "GET",
        "/v1/users",
        [],
        options=ApiOptions(mdx_server=("https://api.x.com",)),
        markdown=md,
        highlight=hl,
        auth_method="none",
    )
    assert Elements(none.header_html).find(data_component="api-endpoint")[0]["data-url"] == (
        "https://api.x.com/v1/users"
    )
    assert "Authorization" not in none.aside_html


def _spec_view(tmp_path: Path, spec: dict[str, Any], ref: str) -> ApiView:
    """The view of operation `ref` of `spec`, written as the docs folder's openapi.json."""
    (tmp_path / "openapi.json").write_text(json.dumps(spec))
    return render(get(load_api_index(tmp_path, ["openapi.json"], Diagnostics()), ref))


def _body_fields_html(
    tmp_path: Path, properties: dict[str, Any], version: str = "3.0.0", part: str = "body_html"
) -> str:
    """The body HTML (or another `part` of the view) of `POST /x`, whose JSON body is an object
    of `properties`."""
    schema = {"type": "object", "properties": properties}
    operation = {
        "requestBody": {"content": {"application/json": {"schema": schema}}},
        "responses": {"200": {"description": "ok"}},
    }
    spec = {
        "openapi": version,
        "info": {"title": "t", "version": "1"},
        "paths": {"/x": {"post": operation}},
    }
    (tmp_path / "openapi.json").write_text(json.dumps(spec))
    index = load_api_index(tmp_path, ["openapi.json"], Diagnostics())
    html_part: str = getattr(render(get(index, "POST /x")), part)
    return html_part


def test_scalar_alternatives_keep_their_allowed_values_and_a_null_enum_is_null(
    tmp_path: Path,
) -> None:
    """An `anyOf`/`oneOf` branch shows its own allowed values, rules and example; zod's
    nullable branch `{type: string, nullable: true, enum: [null]}` is just `null`, folded into
    the field (Helicone's `service_tier`)."""
    null_branch = {"type": "string", "nullable": True, "enum": [None]}
    tiers = {"type": "string", "enum": ["auto", "default", "flex"]}
    properties = {
        "tier": {"anyOf": [tiers, null_branch]},
        "top_p": {"anyOf": [{"type": "number"}, null_branch]},
        "size": {
            "oneOf": [
                {**tiers, "example": "flex"},
                {"type": "integer", "minimum": 1, "maximum": 9},
            ]
        },
    }
    body = _body_fields_html(tmp_path, properties)
    heads = field_heads(body)
    assert heads["param-tier"] == "tier enum<string> | null"
    assert heads["param-top_p"] == "top_p number | null"
    assert heads["param-size"] == "size enum<string> | integer"
    size = body[body.index('id="param-size"') :]
    panels = [text_of(p).split() for p in re.split(r'<div role="tabpanel"[^>]*>', size)[1:]]
    assert panels[0] == [
        *("enum<string>", "Available", "options:", "auto,", "default,", "flex"),
        *("Example:", "flex"),
    ]
    assert panels[1][:8] == ["integer", "Required", "range:", "1", "<=", "x", "<=", "9"]
    tier = body[body.index('id="param-tier"') : body.index('id="param-top_p"')]
    assert "Available options: <code>auto</code>, <code>default</code>, <code>flex</code>" in tier
    assert "mr-api-tabs" not in tier  # one branch left: no tabs


def test_nullable_with_no_type_is_any_value(tmp_path: Path) -> None:
    """`{nullable: true}` and nothing else (Laminar's `executorOutput`, "any JSON value") is any
    value, not the null type; `type: "null"` is null."""
    properties = {
        "data": {"description": "Any JSON value."},
        "out": {"description": "Any.", "nullable": True},
        "none": {"type": "null"},
        "name": {"type": "string", "nullable": True},
    }
    heads = field_heads(_body_fields_html(tmp_path, properties, "3.1.1"))
    assert heads["param-data"] == "data any" and heads["param-out"] == "out any"
    assert heads["param-none"] == "none null" and heads["param-name"] == "name string | null"


def test_an_optional_field_written_as_any_of_null_keeps_its_own_keywords(tmp_path: Path) -> None:
    """FastAPI writes `Optional[T] = value` as `anyOf: [T, {type: null}]` with the default,
    flags and examples beside the `anyOf` (Dograh's `timeout_ms`): they are the field's."""
    properties = {
        "timeout_ms": {
            "anyOf": [{"type": "integer", "minimum": 1}, {"type": "null"}],
            "title": "Timeout Ms",
            "description": "Request timeout in milliseconds.",
            "default": 5000,
        },
        "phone": {
            "anyOf": [{"type": "string"}, {"type": "null"}],
            "deprecated": True,
            "examples": ["+15550100"],
        },
        "token": {"anyOf": [{"type": "string"}, {"type": "null"}], "readOnly": True},
        "nick": {"anyOf": [{"type": "string"}, {"type": "null"}], "default": None},
    }
    body = _body_fields_html(tmp_path, properties, "3.1.0")
    heads = field_heads(body)
    assert heads["param-timeout_ms"] == "timeout_ms integer | null default: 5000"
    assert heads["param-phone"].startswith("phone string | null deprecated")
    timeout = text_of(body[body.index('id="param-timeout_ms"') : body.index('id="param-phone"')])
    assert "Request timeout in milliseconds." in timeout and "x >= 1" in timeout
    assert "Example: +15550100" in " ".join(text_of(body[body.index('id="param-phone"') :]).split())
    assert heads["param-token"] == "token string | null read-only"
    aside = text_of(_body_fields_html(tmp_path, properties, "3.1.0", "aside_html"))
    assert '"timeout_ms": 5000' in aside and '"phone": "+15550100"' in aside
    # `Optional[str] = None`: the default is said, and the example uses it, as for any field
    assert heads["param-nick"] == "nick string | null default: null"
    assert '"nick": null' in aside


def test_a_type_beside_a_single_alternative_is_one_field(tmp_path: Path) -> None:
    """Typecast's `seed`: `type: integer` beside `anyOf: [{integer, 0..10}, {type: null}]`
    drew a picker of one tab, "Option 1", and sampled 123, past the maximum; without the
    `type` it was one field. A lone `oneOf: [X]` is X too."""
    bounded = {"type": "integer", "minimum": 0, "maximum": 10}
    properties = {
        "seed": {"type": "integer", "anyOf": [bounded, {"type": "null"}]},
        "vol": {"anyOf": [bounded, {"type": "null"}]},
        "lone": {"description": "Only one.", "oneOf": [{"type": "string", "enum": ["a"]}]},
    }
    body = _body_fields_html(tmp_path, properties, "3.1.0")
    heads = field_heads(body)
    assert heads["param-seed"] == heads["param-vol"].replace("vol", "seed")
    assert heads["param-seed"].startswith("seed integer | null")
    assert heads["param-lone"].startswith("lone enum<string>")
    assert "Option 1" not in text_of(body)
    aside = text_of(_body_fields_html(tmp_path, properties, "3.1.0", "aside_html"))
    assert '"seed": 10' in aside and '"vol": 10' in aside and '"lone": "a"' in aside


def test_the_forms_hints_are_text_not_markdown(tmp_path: Path) -> None:
    """Calibrate's `type` field: a Markdown list with code and a link. The Try it form's hint
    is its text, lines kept and marks dropped (the raw `**` and backticks showed), cut at a
    word with an ellipsis."""
    from mintrender.openapi.playground import hint_text

    markdown = "- `agent`: built inside\n- `connection`: **your** agent, see [docs](https://e.com)"
    properties = {"type": {"type": "string", "description": markdown}}
    spec = {
        **API_HEAD,
        "paths": {
            "/x": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {"type": "object", "properties": properties}
                            }
                        }
                    },
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
    }
    (tmp_path / "openapi.json").write_text(json.dumps(spec))
    index = load_api_index(tmp_path, ["openapi.json"], Diagnostics())
    data = playground(render(get(index, "POST /x")))
    [field] = data["body"]["fields"]
    assert field["description"] == "- agent: built inside\n- connection: your agent, see docs"
    long = hint_text("word " * 100)
    assert len(long) <= 301 and long.endswith("word…")
    # with no server to send to, the playground is simple: no form posting to the docs' host
    del spec["servers"]
    (tmp_path / "openapi.json").write_text(json.dumps(spec))
    index = load_api_index(tmp_path, ["openapi.json"], Diagnostics())
    assert "api-playground-data" not in render(get(index, "POST /x")).header_html


def test_parameters_are_sent_as_their_style_serializes_them(tmp_path: Path) -> None:
    """OpenAPI's `style`/`explode` (query `form`, exploded, by default): an array query
    parameter is its name once per item (`?currency=INR&currency=GBP`), never a JSON array
    (AI-Stats, grid-api); headers `simple`; `deepObject`, delimited and unexploded forms."""
    array = {"type": "array", "items": {"type": "string"}}
    parameters = [
        {"name": "currency", "in": "query", "schema": array, "example": ["INR", "GBP"]},
        {"name": "ids", "in": "query", "explode": False, "schema": array, "example": [3, 4]},
        {
            "name": "tags",
            "in": "query",
            "style": "pipeDelimited",
            "explode": False,
            "schema": array,
            "example": ["a", "b"],
        },
        {
            "name": "filter",
            "in": "query",
            "style": "deepObject",
            "schema": {"type": "object"},
            "example": {"role": "admin"},
        },
        {"name": "X-Ids", "in": "header", "schema": array, "example": [1, 2]},
    ]
    spec = {
        **API_HEAD,
        "paths": {
            "/rates": {
                "get": {"parameters": parameters, "responses": {"200": {"description": "ok"}}}
            }
        },
    }
    (tmp_path / "openapi.json").write_text(json.dumps(spec))
    op = get(load_api_index(tmp_path, ["openapi.json"], Diagnostics()), "GET /rates")
    request = build_http_request(
        op.method, op.servers, op.path, op.security, op.parameters, None, ApiOptions()
    )
    assert request.query == (
        ("currency", "INR"),
        ("currency", "GBP"),
        ("ids", "3,4"),
        ("tags", "a|b"),
        ("filter[role]", "admin"),
    )
    assert ("X-Ids", "1,2") in request.headers
    assert (
        "rates?currency=INR&currency=GBP&ids=3,4&tags=a%7Cb&filter%5Brole%5D=admin"
        in request.full_url
    )
    python = LANGUAGES["python"][2](request)
    assert '"currency": [\n        "INR",\n        "GBP"\n    ]' in python
    compile(python, "sample.py", "exec")


def test_alternatives_that_only_require_properties_are_no_tabs(tmp_path: Path) -> None:
    """Giftbit's body is an object with `anyOf: [{required: [brand_codes]}, {required:
    [region]}]`: rules on its own properties, which showed as two "Option" tabs of `any`.
    An alternative with a shape of its own is still a tab."""
    schema = {
        "type": "object",
        "properties": {"id": {"type": "string"}, "region": {"type": "string"}},
        "anyOf": [{"required": ["id"]}, {"required": ["region"]}],
    }
    shaped = {**schema, "anyOf": [{"required": ["id"]}, {"properties": {"x": {"type": "integer"}}}]}
    paths = {}
    for name, body in (("/plain", schema), ("/shaped", shaped)):
        content = {"application/json": {"schema": body}}
        paths[name] = {
            "post": {
                "requestBody": {"content": content},
                "responses": {"200": {"description": "ok"}},
            }
        }
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths}
    (tmp_path / "openapi.json").write_text(json.dumps(spec))
    index = load_api_index(tmp_path, ["openapi.json"], Diagnostics())
    plain = render(get(index, "POST /plain")).body_html
    assert "Option 1" not in plain and ">any<" not in plain and 'id="param-region"' in plain
    assert "Option 1" in render(get(index, "POST /shaped")).body_html


def test_a_webhook_names_no_server_and_shows_its_payload(tmp_path: Path) -> None:
    """A webhook is sent to the reader's own endpoint: with `servers` in the spec, its samples
    posted to `https://api.example.com/v1kyc-status` (umaaas). Its header has no server, and
    its sample is the payload."""
    body = {"type": "object", "properties": {"kycStatus": {"type": "string", "example": "OK"}}}
    hook = {
        "post": {
            "summary": "KYC status change",
            "requestBody": {"content": {"application/json": {"schema": body}}},
            "responses": {"200": {"description": "OK"}},
        }
    }
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Hooks", "version": "1"},
        "servers": [{"url": "https://api.example.com/v1"}],
        "webhooks": {"kyc-status": hook},
    }
    view = _spec_view(tmp_path, spec, "webhook kyc-status")
    assert "api.example.com" not in view.header_html + view.aside_html
    tabs = [t["data-tab-title"] for t in Elements(view.aside_html).find(role="tab")]
    assert tabs[0] == "Payload" and "kycStatus" in text_of(view.aside_html)


def test_a_list_of_choices_lists_its_options(tmp_path: Path) -> None:
    """LobbyStack's `events` (an array of an enum) showed `enum<string>[]` and no options;
    Mintlify lists them (`Available options: …`), as for a plain enum."""
    events = {"type": "array", "items": {"type": "string", "enum": ["call.completed", "taken"]}}
    body = _body_fields_html(tmp_path, {"events": events})
    assert "Available options: <code>call.completed</code>, <code>taken</code>" in body


def test_a_server_at_the_sites_own_host_is_named_slash(tmp_path: Path) -> None:
    """Atlas's third server is `url: "/"` ("Relative to current host"): its entry in the
    server menu was blank."""
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "servers": [{"url": "https://api.example.com"}, {"url": "/", "description": "Here"}],
        "paths": {"/health": {"get": {"responses": {"200": {"description": "ok"}}}}},
    }
    view = _spec_view(tmp_path, spec, "GET /health")
    assert '<option value="1" title="/ (Here)">/</option>' in view.header_html


def test_whole_decimals_read_as_javascript_writes_them(tmp_path: Path) -> None:
    """FastAPI writes `minimum: 0.0` and `default: 1.0` (Atlas; 18 ModelsLab pages): Mintlify,
    in JavaScript, shows `x >= 0` and `default: 1`, and sends `threshold=1`."""
    schema = {"type": "number", "default": 1.0, "minimum": 0.0, "maximum": 2.5}
    parameter = {"in": "query", "name": "threshold", "schema": schema}
    spec = {
        **API_HEAD,
        "paths": {
            "/runs": {
                "get": {"parameters": [parameter], "responses": {"200": {"description": "ok"}}}
            }
        },
    }
    view = _spec_view(tmp_path, spec, "GET /runs")
    assert "default: 1<" in view.body_html and "0 &lt;= x &lt;= 2.5" in view.body_html
    assert "threshold=1" in view.aside_html and "1.0" not in view.body_html + view.aside_html


def test_optional_auth_is_not_required(tmp_path: Path) -> None:
    """`security: [{}, {key: []}]` allows anonymous calls: the key was shown as required."""
    spec = {
        **API_HEAD,
        "components": {
            "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}}
        },
        "paths": {"/x": {"get": {"security": [{}, {"key": []}], "responses": {"200": {}}}}},
    }
    (tmp_path / "openapi.json").write_text(json.dumps(spec))
    index = load_api_index(tmp_path, ["openapi.json"], Diagnostics())
    view = render(get(index, "GET /x"))
    auth = view.body_html.split('id="api-authorizations"', 1)[1].split("</section>", 1)[0]
    assert "X-Key" in auth and "required" not in auth
    data = playground(view)
    assert [s["label"] for s in data["security"]] == ["key"]


def test_the_playground_sends_examples_only_with_prefill(tmp_path: Path) -> None:
    """Typecast's `segments`: object and array fields opened filled with a made-up example,
    which Send posted though the reader typed nothing. `api.examples.prefill` (off by default)
    is the only switch that fills the playground; otherwise the example is a placeholder."""
    from mintrender.openapi.playground import body_data

    item = {"type": "object", "properties": {"k": {"type": "string", "example": "size"}}}
    schema = {"type": "object", "properties": {"name": {"type": "string", "example": "W"}}}
    schema["properties"]["tags"] = {"type": "array", "items": item}
    raw = {"type": "array", "items": item}
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": {
            p: {"post": {"requestBody": {"content": {"application/json": {"schema": s}}}}}
            for p, s in (("/fields", schema), ("/raw", raw))
        },
    }
    (tmp_path / "openapi.json").write_text(json.dumps(spec))
    index = load_api_index(tmp_path, ["openapi.json"], Diagnostics())
    fields, whole = (get(index, f"POST /{p}").request_body for p in ("fields", "raw"))
    off, on = body_data(fields), body_data(fields, prefill=True)
    assert off is not None and on is not None
    tags_off, tags_on = off["fields"][1], on["fields"][1]
    assert "value" not in tags_off and json.loads(tags_off["placeholder"]) == [{"k": "size"}]
    assert json.loads(tags_on["value"]) == [{"k": "size"}]
    assert "value" not in off["fields"][0] and on["fields"][0]["value"] == "W"
    raw_off, raw_on = body_data(whole), body_data(whole, prefill=True)
    assert raw_off is not None and raw_on is not None
    assert raw_off["raw"] == "" and json.loads(raw_off["rawHint"]) == [{"k": "size"}]
    assert json.loads(raw_on["raw"]) == [{"k": "size"}] and raw_on["rawHint"] == ""


def test_prefill_sends_what_the_spec_gives_never_placeholders(tmp_path: Path) -> None:
    """Klavis with `prefill: true`: an object field without examples was filled (and sent) as
    `{"color": "<string>"}`. Prefill takes the spec's examples and defaults only, down to the
    properties that have one; a field with none anywhere stays empty, its example a hint."""
    from mintrender.openapi.playground import body_data

    props = {
        "name": {"type": "string", "example": "Widget"},
        "meta": {"type": "object", "properties": {"color": {"type": "string"}}},
        "opts": {
            "type": "object",
            "properties": {"size": {"type": "integer", "default": 3}, "tint": {"type": "string"}},
        },
    }
    raw = {"type": "object", "additionalProperties": {"type": "string"}}
    spec = {
        **API_HEAD,
        "paths": {
            p: {"post": {"requestBody": {"content": {"application/json": {"schema": s}}}}}
            for p, s in (("/f", {"type": "object", "properties": props}), ("/r", raw))
        },
    }
    (tmp_path / "openapi.json").write_text(json.dumps(spec))
    index = load_api_index(tmp_path, ["openapi.json"], Diagnostics())
    fields, whole = (get(index, f"POST /{p}").request_body for p in ("f", "r"))
    on = body_data(fields, prefill=True)
    assert on is not None
    name, meta, opts = on["fields"]
    assert name["value"] == "Widget"
    assert "value" not in meta and json.loads(meta["placeholder"]) == {"color": "<string>"}
    assert json.loads(opts["value"]) == {"size": 3}  # the property with a default alone
    raw_on = body_data(whole, prefill=True)
    assert raw_on is not None and raw_on["raw"] == "" and raw_on["rawHint"]


def test_a_manual_fields_default_is_sent_as_its_type(tmp_path: Path) -> None:
    """ToAPIs' `<ParamField body="watermark" type="boolean" default={false}>`: the attribute
    is recorded as shown, so the samples sent `"false"`, `"0.5"` and `"[\\"a\\", \\"b\\"]"`,
    strings, where the reader's API wants `false`, `0.5` and `["a", "b"]`."""
    page = (
        '---\ntitle: P\napi: "POST https://api.example.com/v1/x"\n---\n\n'
        '<ParamField body="flag" type="boolean" default={false}>F</ParamField>\n'
        '<ParamField body="ratio" type="number" default="0.5">R</ParamField>\n'
        '<ParamField body="tags" type="string[]" default={["a","b"]}>T</ParamField>\n'
        '<ParamField body="n" type="integer" default={1}>N</ParamField>\n'
        '<ParamField body="name" type="string" default="1">A string stays one</ParamField>\n'
        '<ParamField body="odd" type="integer" default="many">Not a number: as written</ParamField>\n'
    )
    curl = text_of(built_page(tmp_path, "p", page)).split("--data '", 1)[1].split("'", 1)[0]
    assert json.loads(curl) == {
        "flag": False,
        "ratio": 0.5,
        "tags": ["a", "b"],
        "n": 1,
        "name": "1",
        "odd": "many",
    }


def test_an_array_of_files_is_sent_as_file_parts(tmp_path: Path) -> None:
    """Klavis' `files` (an array of `format: binary`): the samples sent the text `["<file>"]`
    (`--form 'files=["<file>"]'`, a JSON string in Python and JavaScript), where a single file
    field was already a file part. Each item is a file part now."""
    item = {"type": "string", "format": "binary"}
    schema = {"type": "object", "properties": {"files": {"type": "array", "items": item}}}
    schema["properties"]["note"] = {"type": "string"}
    spec = {
        **API_HEAD,
        "paths": {
            "/upload": {
                "post": {
                    "requestBody": {"content": {"multipart/form-data": {"schema": schema}}},
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
    }
    aside = text_of(_spec_view(tmp_path, spec, "POST /upload").aside_html)
    assert "--form 'files=@example-file'" in aside and "--form 'note=<string>'" in aside
    assert 'files = {"files": open("example-file", "rb")}' in aside
    assert '"files": "[' not in aside and "<file>" not in aside
    # the browser sample says where its file comes from before using it
    declared = aside.find("const fileInput = document.querySelector")
    assert 0 <= declared < aside.find('form.append("files", fileInput.files[0])')
    binary = {"content": {"application/octet-stream": {"schema": item}}}
    spec["paths"]["/upload"]["post"]["requestBody"] = binary
    aside = text_of(_spec_view(tmp_path, spec, "POST /upload").aside_html)
    declared = aside.find("const fileInput = document.querySelector")
    assert 0 <= declared < aside.find("body: fileInput.files[0]")


def test_a_ref_inside_an_example_value_is_what_it_names(tmp_path: Path) -> None:
    """Phonic's response examples hold `agents: [{$ref: '#/components/examples/Agent/value'}]`:
    Mintlify's parser dereferences the whole document, examples included, where the page
    showed the `$ref` object as the example. A named example's value, a `$ref` chain and a
    `$ref` to nothing (kept as written) too."""
    agent = {"id": "agent_123", "owner": {"$ref": "#/components/examples/Owner/value"}}
    spec = {
        **API_HEAD,
        "paths": {
            "/agents": {
                "get": {
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "example": {
                                        "agents": [
                                            {"$ref": "#/components/examples/Agent/value"},
                                            {"$ref": "#/components/examples/Gone/value"},
                                        ]
                                    }
                                }
                            },
                        },
                        "201": {
                            "description": "made",
                            "content": {
                                "application/json": {
                                    "examples": {
                                        "one": {"value": {"$ref": "#/components/examples/Agent"}}
                                    }
                                }
                            },
                        },
                    }
                }
            }
        },
        "components": {
            "examples": {"Agent": {"value": agent}, "Owner": {"value": {"name": "Ada"}}}
        },
    }
    aside = text_of(_spec_view(tmp_path, spec, "GET /agents").aside_html)
    listed = re.search(r'\{\s*"agents".*?\n\}', aside, re.S)
    assert listed is not None
    assert json.loads(listed.group(0)) == {
        "agents": [
            {"id": "agent_123", "owner": {"name": "Ada"}},
            {"$ref": "#/components/examples/Gone/value"},
        ]
    }
    assert '"value": {' in aside and '"name": "Ada"' in aside  # the named example, resolved


def test_a_choice_with_a_default_starts_at_it_in_the_playground(tmp_path: Path) -> None:
    """Rhombus' required `x-auth-scheme` header (enum, default `api-token`) started at
    "Select…", and Send was refused until the reader chose what the server takes anyway."""
    scheme = {"type": "string", "enum": ["api-token", "session"], "default": "api-token"}
    plain = {"type": "string", "enum": ["a", "b"]}
    spec = {
        **API_HEAD,
        "paths": {
            "/x": {
                "get": {
                    "parameters": [
                        {
                            "name": "x-auth-scheme",
                            "in": "header",
                            "required": True,
                            "schema": scheme,
                        },
                        {"name": "mode", "in": "query", "schema": plain},
                    ],
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
    }
    data = playground(_spec_view(tmp_path, spec, "GET /x"))
    values = {p["name"]: p.get("value") for p in data["params"]}
    assert values == {"x-auth-scheme": "api-token", "mode": None}
