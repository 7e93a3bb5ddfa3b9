"""The Try it playground in headless Chromium against a local CORS-enabled API server."""

from __future__ import annotations

import html
import json
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from mintrender.errors import Diagnostics
from mintrender.openapi import ApiOptions, ApiView, load_api_index, render_operation

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "themes" / "mint" / "static"
MODELSLAB = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "modelslab"
CHROMIUM = shutil.which("chromium")
if CHROMIUM is None:
    pytest.skip("no chromium executable on PATH: browser tests skipped", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf000000030101007a2fbd430000000049454e44ae426082"
)


def md(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def hl(code: str, lang: str, title: str) -> str:
    return f'<pre class="mr-code" data-lang="{lang}"><code>{html.escape(code)}</code></pre>'


class Recorder:
    """Requests that reached the API server."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.lock = threading.Lock()

    def add(self, entry: dict[str, Any]) -> None:
        with self.lock:
            self.requests.append(entry)


def api_handler(recorder: Recorder) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def cors(self) -> None:
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Headers", "*")
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Expose-Headers", "X-Request-Id")

        def record(self, body: bytes) -> None:
            recorder.add(
                {
                    "method": self.command,
                    "path": self.path,
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                    "body": body.decode("utf-8", "replace"),
                }
            )

        def do_OPTIONS(self) -> None:  # noqa: N802 - http.server API
            self.record(b"")
            self.send_response(204)
            self.cors()
            self.end_headers()

        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.record(body)
            try:  # a JSON body is echoed as data, any other (a form) as its text
                echo = json.loads(body or b"{}")
            except ValueError:
                echo = body.decode("utf-8", "replace")
            payload = json.dumps({"ok": True, "echo": echo}).encode()
            self.send_response(200)
            self.cors()
            self.send_header("Content-Type", "application/json")
            self.send_header("X-Request-Id", "req-42")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self) -> None:  # noqa: N802
            self.record(b"")
            self.send_response(200)
            self.cors()
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(PNG)))
            self.end_headers()
            self.wfile.write(PNG)

    return Handler


def page_handler(pages: dict[str, str]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            body = pages.get(self.path, "not found").encode()
            self.send_response(200 if self.path in pages else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture()
def api_server(recorder: Recorder) -> Iterator[ThreadingHTTPServer]:
    yield from serve(api_handler(recorder))


@pytest.fixture()
def pages() -> dict[str, str]:
    return {}


@pytest.fixture()
def page_server(pages: dict[str, str]) -> Iterator[ThreadingHTTPServer]:
    yield from serve(page_handler(pages))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield b
        b.close()


def document(view: ApiView, *, dark: bool = False, primary: str = "#0260fa") -> str:
    css = "\n".join(
        (STATIC / "css" / name).read_text()
        for name in ("00-base.css", "39-fields.fields.css", "40-api.css")
        if (STATIC / "css" / name).exists()
    )
    js = (STATIC / "js" / "40-playground.js").read_text()
    return f"""<!doctype html>
<html class="{"dark" if dark else ""}"
 style="--mr-primary: {primary}; --mr-primary-light: #e8e8e8; --mr-primary-dark: #202024">
<head><meta charset="utf-8"><title>API</title>
<style>{css}
.page {{ display: grid; grid-template-columns: minmax(0, 1fr) 26rem; gap: 40px;
         max-width: 1180px; margin: 0 auto; padding: 32px; }}
.page h1 {{ margin: 0 0 8px; font-size: 30px; color: var(--mr-text-strong); }}
.page .lead {{ margin: 0 0 24px; color: var(--mr-text-muted); font-size: 18px; }}
</style></head>
<body><div class="page"><main><h1>Operation</h1><p class="lead">Description.</p>
<div class="mr-api-header">{view.header_html}</div>{view.body_html}</main>
<aside>{view.aside_html}</aside></div><script>{js}</script></body></html>"""


def spec_for(api: str) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Local", "version": "1"},
        "servers": [{"url": f"{api}/v1"}],
        "security": [{"bearer": []}],
        "paths": {
            "/generate/{model}": {
                "post": {
                    "summary": "Generate",
                    "parameters": [
                        {"name": "model", "in": "path", "schema": {"type": "string"}},
                        {"name": "fast", "in": "query", "schema": {"type": "boolean"}},
                    ],
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["prompt"],
                                    "properties": {
                                        "prompt": {"type": "string"},
                                        "samples": {"type": "integer", "default": 1},
                                        "style": {"type": "string", "enum": ["photo", "anime"]},
                                        "tags": {"type": "array", "items": {"type": "string"}},
                                        "meta": {
                                            "type": "object",
                                            "properties": {
                                                "color": {"type": "string", "example": "red"}
                                            },
                                        },
                                    },
                                }
                            }
                        }
                    },
                    "responses": {"200": {"description": "ok"}, "400": {"description": "bad"}},
                }
            },
            "/image": {"get": {"summary": "Image", "responses": {"200": {"description": "png"}}}},
        },
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
    }


def render_local(tmp_path: Path, api: str, ref: str, spec: dict[str, Any] | None = None) -> ApiView:
    """The view of operation `ref` of `spec` (default: `spec_for(api)`)."""
    (tmp_path / "openapi.json").write_text(json.dumps(spec or spec_for(api)))
    index = load_api_index(tmp_path, ["openapi.json"], Diagnostics())
    res = index.resolve(ref, "page.mdx", [])
    assert res.operation is not None
    return render_operation(res.operation, options=ApiOptions(), markdown=md, highlight=hl)


def tried(browser: Any, page_server: ThreadingHTTPServer) -> tuple[Any, list[str]]:
    """The page `/op` of `page_server` with its playground open, and the list its script
    errors go to."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"http://127.0.0.1:{page_server.server_address[1]}/op")
    page.click('[data-component="api-tryit"]')
    return page, errors


def test_try_it_sends_only_on_click(
    browser: Any,
    tmp_path: Path,
    api_server: ThreadingHTTPServer,
    page_server: ThreadingHTTPServer,
    pages: dict[str, str],
    recorder: Recorder,
) -> None:
    api = f"http://127.0.0.1:{api_server.server_address[1]}"
    pages["/op"] = document(render_local(tmp_path, api, "POST /generate/{model}"))
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"http://127.0.0.1:{page_server.server_address[1]}/op")
    page.wait_for_timeout(300)
    assert recorder.requests == []

    # tabs of the examples column switch without sending anything
    page.click('#request-example [role="tab"][data-tab-title="Python"]')
    assert page.is_visible('#request-example [role="tabpanel"][data-tab-title="Python"]')
    assert page.is_hidden('#request-example [role="tabpanel"][data-tab-title="cURL"]')
    page.click('.mr-api-responses [role="tab"][data-tab-title="400"]')
    assert page.is_visible('.mr-api-responses [role="tabpanel"][data-tab-title="400"]')

    page.click('[data-component="api-tryit"]')
    assert page.is_visible('[data-component="api-playground"]')
    assert recorder.requests == []
    # an object field shows its example, and sends nothing until typed (`prefill` is off)
    assert page.input_value('textarea[data-name="meta"]') == ""
    assert '"color": "red"' in (
        page.get_attribute('textarea[data-name="meta"]', "placeholder") or ""
    )

    # a missing required field is reported and nothing is sent
    page.fill("[data-auth=bearer]", "secret-key")
    page.click('[data-component="api-send"]')
    assert "Required: model, prompt" in page.inner_text(".mr-api-playground__error")
    assert recorder.requests == []

    page.fill('[data-in="path"][data-name="model"]', "flux")
    page.select_option('[data-in="query"][data-name="fast"]', "true")
    page.fill('[data-name="prompt"]:not([data-in])', "a cat")
    page.fill('[data-name="samples"]', "2")
    page.select_option('[data-name="style"]', "anime")
    page.fill('[data-name="tags"]', "cute, small")
    assert page.inner_text(".mr-api-playground__url") == f"{api}/v1/generate/flux?fast=true"
    page.click('[data-component="api-send"]')
    page.wait_for_selector('[data-component="api-status"]')
    assert page.inner_text('[data-component="api-status"]').startswith("200")
    body = json.loads(page.inner_text('[data-component="api-response-body"]'))
    assert body == {
        "ok": True,
        "echo": {"prompt": "a cat", "samples": 2, "style": "anime", "tags": ["cute", "small"]},
    }
    assert "x-request-id" in (page.text_content(".mr-api-playground__headers") or "")
    assert " ms" in page.inner_text(".mr-api-playground__time")

    posts = [r for r in recorder.requests if r["method"] == "POST"]
    assert len(posts) == 1
    assert posts[0]["path"] == "/v1/generate/flux?fast=true"
    assert posts[0]["headers"]["authorization"] == "Bearer secret-key"
    assert posts[0]["headers"]["content-type"] == "application/json"
    assert {r["method"] for r in recorder.requests} <= {"OPTIONS", "POST"}
    # not remembered unless asked
    assert page.evaluate("Object.keys(localStorage).length") == 0

    page.keyboard.press("Escape")
    assert page.is_hidden('[data-component="api-playground"]')
    page.click('[data-component="api-tryit"]')  # reopening keeps what was typed
    assert page.input_value("[data-auth=bearer]") == "secret-key"
    assert errors == []
    page.close()


def test_binary_responses_render_inline(
    browser: Any,
    tmp_path: Path,
    api_server: ThreadingHTTPServer,
    page_server: ThreadingHTTPServer,
    pages: dict[str, str],
    recorder: Recorder,
) -> None:
    api = f"http://127.0.0.1:{api_server.server_address[1]}"
    pages["/img"] = document(render_local(tmp_path, api, "GET /image"), dark=True)
    page = browser.new_page()
    page.goto(f"http://127.0.0.1:{page_server.server_address[1]}/img")
    page.click('[data-component="api-tryit"]')
    page.fill("[data-auth=bearer]", "k")
    page.check("[data-remember]")
    page.click('[data-component="api-send"]')
    page.wait_for_selector("img.mr-api-playground__media")
    assert [r["method"] for r in recorder.requests if r["method"] != "OPTIONS"] == ["GET"]
    assert page.evaluate("localStorage.getItem('mintrender.api.credential.bearer')") == "k"
    page.close()


def test_modelslab_fragment_light_and_dark(browser: Any, tmp_path: Path) -> None:
    if not MODELSLAB.is_dir():
        pytest.skip("ModelsLab corpus not available")
    index = load_api_index(MODELSLAB, ["llm-api/openapi.json"], Diagnostics())
    res = index.resolve("POST /chat/completions", "llm-api/chat-completions.mdx", [])
    assert res.operation is not None
    view = render_operation(res.operation, options=ApiOptions(), markdown=md, highlight=hl)
    colours = {}
    for dark in (False, True):
        path = tmp_path / f"op-{'dark' if dark else 'light'}.html"
        path.write_text(document(view, dark=dark))
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(path.as_uri())
        page.screenshot(path=str(tmp_path / f"{path.stem}.png"), full_page=True)
        colours[dark] = (
            page.eval_on_selector(".mr-api-field__name", "el => getComputedStyle(el).color"),
            page.eval_on_selector(".method-pill", "el => getComputedStyle(el).color"),
        )
        page.close()
        assert (tmp_path / f"{path.stem}.png").stat().st_size > 10_000
    assert colours[False][0] == "rgb(2, 96, 250)"  # field names in the primary colour
    assert colours[True][0] == "rgb(232, 232, 232)"  # primary-light in dark mode
    assert colours[False][1] != colours[True][1]


def test_selectors_tabs_and_expandables(browser: Any, tmp_path: Path) -> None:
    specs = ROOT / "tests" / "specs"
    index = load_api_index(specs, ["examples.json", "circular.json"], Diagnostics())
    upload = index.resolve("POST /upload", "p.mdx", []).operation
    tree = index.resolve("POST /trees", "p.mdx", []).operation
    assert upload is not None and tree is not None
    options = ApiOptions()
    for name, op in (("upload", upload), ("tree", tree)):
        view = render_operation(op, options=options, markdown=md, highlight=hl)
        (tmp_path / f"{name}.html").write_text(document(view))
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((tmp_path / "upload.html").as_uri())
    # named response examples
    variant = '#response-example [data-tab-title="200"] [data-api-panel="{}"]'
    assert page.is_visible(variant.format(0)) and page.is_hidden(variant.format(1))
    page.select_option("#response-example select", "1")
    assert page.is_hidden(variant.format(0)) and page.is_visible(variant.format(1))
    # request content types
    body = '#api-body > [data-api-panel="{}"]'
    assert page.is_visible(body.format(0)) and page.is_hidden(body.format(1))
    page.select_option("#api-body select", "1")
    assert page.is_hidden(body.format(0)) and page.is_visible(body.format(1))
    assert page.is_visible("#param-url")
    page.goto((tmp_path / "tree.html").as_uri())
    summary = "#response-pet .mr-api-expandable__summary"
    assert page.inner_text(summary) == "Show child attributes"
    assert page.is_hidden("#response-pet-nickname")
    page.click(summary)
    assert page.inner_text(summary) == "Hide child attributes"
    assert page.is_visible("#response-pet-nickname")
    assert errors == []
    page.close()


def test_list_parameters_and_security_alternatives_are_sent_as_declared(
    browser: Any,
    tmp_path: Path,
    api_server: ThreadingHTTPServer,
    page_server: ThreadingHTTPServer,
    pages: dict[str, str],
    recorder: Recorder,
) -> None:
    """An array query parameter was sent as one value, `ids=1%2C%202`: it is `ids=1&ids=2`
    (form, exploded: OpenAPI's default), `tags=a,b` unexploded, `p=x%7Cy` pipe-delimited,
    and a header list `a,b`. With several security alternatives (OR) the playground asked
    only for the first; the reader picks one, and only its credentials are sent."""
    api = f"http://127.0.0.1:{api_server.server_address[1]}"
    listed = {"type": "array", "items": {"type": "integer"}}
    words = {"type": "array", "items": {"type": "string"}}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Local", "version": "1"},
        "servers": [{"url": api}],
        "security": [{"basic": []}, {"key": []}],
        "paths": {
            "/items": {
                "get": {
                    "parameters": [
                        {"name": "ids", "in": "query", "schema": listed, "example": [1, 2]},
                        {"name": "tags", "in": "query", "explode": False, "schema": words},
                        {"name": "p", "in": "query", "style": "pipeDelimited", "schema": words},
                        {"name": "X-List", "in": "header", "schema": words},
                    ],
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
        "components": {
            "securitySchemes": {
                "basic": {"type": "http", "scheme": "basic"},
                "key": {"type": "apiKey", "in": "header", "name": "X-Key"},
            }
        },
    }
    pages["/op"] = document(render_local(tmp_path, api, "GET /items", spec))
    page, errors = tried(browser, page_server)
    assert page.get_attribute('[data-name="ids"]', "placeholder") == "1, 2"  # its example
    page.fill('[data-name="ids"]', "1, 2")
    page.fill('[data-name="tags"]', "a, b")
    page.fill('[data-name="p"]', "x, y")
    page.fill('[data-name="X-List"]', "a, b")
    assert page.is_visible('[data-auth-set="0"] [data-auth="basic"]')
    assert page.is_hidden('[data-auth-set="1"] [data-auth="key"]')
    page.select_option("select[data-auth-choice]", "1")
    assert page.is_hidden('[data-auth="basic"]')
    page.fill('[data-auth-set="1"] [data-auth="key"]', "k-123")
    page.click('[data-component="api-send"]')
    page.wait_for_selector('[data-component="api-status"]')
    [sent] = [r for r in recorder.requests if r["method"] == "GET"]
    assert sent["path"] == "/items?ids=1&ids=2&tags=a,b&p=x%7Cy"
    assert sent["headers"]["x-list"] == "a,b" and sent["headers"]["x-key"] == "k-123"
    assert "authorization" not in sent["headers"]
    assert errors == []
    page.close()


def test_typed_choices_and_lists_of_alternatives_are_sent_as_declared(
    browser: Any,
    tmp_path: Path,
    api_server: ThreadingHTTPServer,
    page_server: ThreadingHTTPServer,
    pages: dict[str, str],
    recorder: Recorder,
) -> None:
    """An integer enum in a JSON body was sent as `"2"`: it is `2`. A query list whose items
    are alternatives of strings (FastAPI's `anyOf: [enum, {const: "ALL"}]`, Klavis) was a
    JSON box sent as `?servers=%5B%22x%22...`: it is a list, `servers=x&servers=ALL`."""
    api = f"http://127.0.0.1:{api_server.server_address[1]}"
    names = {"anyOf": [{"type": "string", "enum": ["x", "y"]}, {"type": "string", "const": "ALL"}]}
    servers = {"anyOf": [{"type": "array", "items": names}, {"type": "null"}]}
    body = {
        "type": "object",
        "properties": {
            "kind": {"type": "integer", "enum": [1, 2, 3]},
            "mode": {"type": "string", "enum": ["a", "b"]},
        },
    }
    spec = {
        **spec_for(api),
        "security": [],
        "paths": {
            "/servers": {
                "post": {
                    "parameters": [{"name": "servers", "in": "query", "schema": servers}],
                    "requestBody": {"content": {"application/json": {"schema": body}}},
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
    }
    pages["/op"] = document(render_local(tmp_path, api, "POST /servers", spec))
    page, errors = tried(browser, page_server)
    page.fill('[data-name="servers"]', "x, ALL")
    page.select_option('[data-name="kind"]', "2")
    page.select_option('[data-name="mode"]', "b")
    page.click('[data-component="api-send"]')
    page.wait_for_selector('[data-component="api-status"]')
    [sent] = [r for r in recorder.requests if r["method"] == "POST"]
    assert sent["path"] == "/v1/servers?servers=x&servers=ALL"
    assert json.loads(sent["body"]) == {"kind": 2, "mode": "b"}
    assert errors == []
    page.close()


def test_a_body_of_several_content_types_is_sent_as_the_one_chosen(
    browser: Any,
    tmp_path: Path,
    api_server: ThreadingHTTPServer,
    page_server: ThreadingHTTPServer,
    pages: dict[str, str],
    recorder: Recorder,
) -> None:
    """A body given as JSON and as a form (`application/x-www-form-urlencoded`): the page
    showed both, but the playground offered and sent the JSON one only. The reader picks the
    content type; its own fields are sent, with its Content-Type, and only its required
    fields are asked for."""
    api = f"http://127.0.0.1:{api_server.server_address[1]}"
    as_json = {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}
    form = {"type": "object", "required": ["title"], "properties": {"title": {"type": "string"}}}
    form["properties"]["count"] = {"type": "integer"}
    content = {
        "application/json": {"schema": as_json},
        "application/x-www-form-urlencoded": {"schema": form},
    }
    spec = {
        **spec_for(api),
        "security": [],
        "paths": {
            "/things": {
                "post": {
                    "requestBody": {"required": True, "content": content},
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
    }
    pages["/op"] = document(render_local(tmp_path, api, "POST /things", spec))
    page, errors = tried(browser, page_server)
    assert page.is_visible('[data-body="0"] [data-name="name"]')
    assert page.is_hidden('[data-body="1"] [data-name="title"]')
    page.select_option("select[data-body-choice]", "1")
    assert page.is_hidden('[data-body="0"] [data-name="name"]')
    page.fill('[data-body="1"] [data-name="title"]', "Hello world")
    page.fill('[data-body="1"] [data-name="count"]', "3")
    page.click('[data-component="api-send"]')  # `name`, required in JSON, is not asked for
    page.wait_for_selector('[data-component="api-status"]')
    [sent] = [r for r in recorder.requests if r["method"] == "POST"]
    assert sent["headers"]["content-type"] == "application/x-www-form-urlencoded"
    assert sent["body"] == "title=Hello+world&count=3"
    assert errors == []
    page.close()


def test_cookie_inputs_say_they_are_not_sent(
    browser: Any, tmp_path: Path, page_server: ThreadingHTTPServer, pages: dict[str, str]
) -> None:
    """A browser page cannot set `Cookie` on fetch: cookie parameters and an apiKey in a
    cookie were asked for and silently never sent. Their inputs say so now, and only theirs."""
    api = "http://127.0.0.1:9"
    spec = {
        **spec_for(api),
        "security": [{"session": []}],
        "paths": {
            "/me": {
                "get": {
                    "parameters": [
                        {"name": "theme", "in": "cookie", "schema": {"type": "string"}},
                        {"name": "q", "in": "query", "schema": {"type": "string"}},
                    ],
                    "responses": {"200": {"description": "ok"}},
                }
            },
            "/plain": {"get": {"responses": {"200": {"description": "ok"}}}},
        },
        "components": {
            "securitySchemes": {"session": {"type": "apiKey", "in": "cookie", "name": "sid"}}
        },
    }
    pages["/op"] = document(render_local(tmp_path, api, "GET /me", spec))
    page, errors = tried(browser, page_server)
    notes = page.locator("[data-cookie-note]")
    assert notes.count() == 2  # under the cookie parameters and the cookie key
    assert notes.nth(0).is_visible() and notes.nth(1).is_visible()
    assert "browsers do not let a page set cookies" in notes.nth(0).inner_text()
    auth = page.locator('[data-auth="session"]')
    assert auth.evaluate(
        "a => a.closest('fieldset').contains(document.querySelector('[data-cookie-note]'))"
    )
    assert errors == []
    page.close()
    spec["security"] = []
    pages["/op"] = document(render_local(tmp_path, api, "GET /plain", spec))
    page, errors = tried(browser, page_server)
    assert page.locator("[data-cookie-note]").count() == 0 and errors == []
    page.close()


def test_a_required_body_written_whole_is_asked_for(
    browser: Any, tmp_path: Path, page_server: ThreadingHTTPServer, pages: dict[str, str]
) -> None:
    """A required body the form writes as raw JSON (a top-level oneOf, an array) showed its
    example as a placeholder only, and Send sent it empty. It is asked for as a required
    field is ("Required: Body"); once written, it is sent as written."""
    api = "https://api.example.test"
    card = {"title": "Card", "type": "object", "properties": {"card": {"type": "string"}}}
    bank = {"title": "Bank", "type": "object", "properties": {"iban": {"type": "string"}}}
    bodies = {
        "/charge": {"oneOf": [card, bank]},
        "/batch": {"type": "array", "items": {"type": "string"}},
    }
    paths = {
        path: {
            "post": {
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": schema}},
                },
                "responses": {"200": {"description": "ok"}},
            }
        }
        for path, schema in bodies.items()
    }
    spec = {**spec_for(api), "security": [], "paths": paths}
    sent: list[str | None] = []

    def answer(route: Any) -> None:
        sent.append(route.request.post_data)
        headers = {"Access-Control-Allow-Origin": "*", "Content-Type": "application/json"}
        route.fulfill(status=200, headers=headers, body="{}")

    for path in bodies:
        sent.clear()
        pages["/op"] = document(render_local(tmp_path, api, f"POST {path}", spec))
        page, errors = tried(browser, page_server)
        page.route(f"{api}/**", answer)
        raw = page.locator("textarea[data-raw]")
        assert raw.input_value() == "" and raw.get_attribute("placeholder")  # an example shown
        page.click('[data-component="api-send"]')
        alert = page.locator('[role="alert"]')
        alert.wait_for()
        assert "Required: Body" in alert.inner_text()
        assert sent == []  # nothing left the page
        raw.fill('{"iban": "DE00"}' if path == "/charge" else '["a"]')
        page.click('[data-component="api-send"]')
        page.wait_for_selector('[data-component="api-status"]')
        assert sent == ['{"iban": "DE00"}' if path == "/charge" else '["a"]'], path
        assert errors == []
        page.close()


def test_playground_deep_link_opens_it_and_the_address_follows(
    browser: Any, tmp_path: Path
) -> None:
    """Mintlify's deep link: `?playground=open` on an endpoint page opens its playground,
    and the address says `?playground=open` while it is open, and not once it is closed
    (guides/linking.mdx). The link did nothing and the address never changed."""
    from mintrender.build import build
    from mintrender.model import BuildOptions

    docs = tmp_path / "docs"
    docs.mkdir()
    config = {"name": "R", "theme": "mint", "colors": {"primary": "#0D9373"}}
    config["navigation"] = {"groups": [{"group": "API", "pages": ["index", "ping"]}]}
    (docs / "docs.json").write_text(json.dumps(config), encoding="utf-8")
    spec = spec_for("https://api.example.com")
    (docs / "openapi.json").write_text(json.dumps(spec), encoding="utf-8")
    (docs / "index.mdx").write_text("---\ntitle: Home\n---\n\nHi.\n", encoding="utf-8")
    ping = '---\nopenapi: "/openapi.json POST /generate/{model}"\n---\n'
    (docs / "ping.mdx").write_text(ping, encoding="utf-8")
    out = tmp_path / "out"
    assert build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline")).fatal is None
    page = browser.new_page()
    try:
        url = (out / "ping" / "index.html").as_uri()
        page.goto(url + "?playground=open")
        panel = page.locator(".mr-api-playground")
        panel.wait_for(state="visible", timeout=10000)
        page.keyboard.press("Escape")
        panel.wait_for(state="hidden", timeout=5000)
        assert "playground" not in page.evaluate("location.search")
        page.goto(url)
        assert page.locator(".mr-api-playground").count() == 0  # not opened unasked
        page.click('[data-component="api-tryit"]')
        page.locator(".mr-api-playground").wait_for(state="visible", timeout=10000)
        assert page.evaluate("location.search") == "?playground=open"
    finally:
        page.close()
