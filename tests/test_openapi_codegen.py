"""Generated request samples (renderer/openapi/codegen.py) compile and, run against stand-ins
for their HTTP clients, send exactly the example values: no interpolation, no lost escapes."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from sitekit import API_HEAD

from mintrender.errors import Diagnostics
from mintrender.openapi import ApiOptions, load_api_index, render_operation
from mintrender.openapi.codegen import (
    FILE_NAME,
    HttpRequest,
    curl,
    go,
    java,
    javascript,
    php,
    python,
    ruby,
)


def _multipart(files: int, texts: int) -> HttpRequest:
    fields = []
    for i in range(max(files, texts)):
        if i < texts:
            fields.append((f"note{i}", f"v{i}", False))
        if i < files:
            fields.append((f"file{i}", "<file>", True))
    return HttpRequest(
        "POST",
        "https://api.example.com/merge",
        headers=(("Content-Type", "multipart/form-data"),),
        body_kind="multipart",
        fields=tuple(fields),
    )


@pytest.mark.skipif(shutil.which("go") is None, reason="needs the go toolchain")
@pytest.mark.parametrize(("files", "texts"), [(0, 2), (1, 1), (2, 0), (2, 1), (3, 2)])
def test_go_multipart_compiles_whatever_the_number_of_files(
    tmp_path: Path, files: int, texts: int
) -> None:
    """(`go vet`, bar its advice to check errors first.) Each file part used to redeclare `file, _ :=` (no new variables on left side of :=),
    and a body of text fields only imported `os` without using it."""
    code = go(_multipart(files, texts))
    assert code.count("os.Open") == files
    done = _go_vet(tmp_path, code)
    assert done.returncode == 0, done.stderr


TRICKY = "$API_KEY #{x} #$y #@z ${HOME} {0} %s %d `id` \\n\\u00e9 \\ 'q' \"dq\" é\nline2"
"""A value with every character some language reads specially in a string literal."""
HEADER = "Bearer " + TRICKY.replace("\n", " ")
"""The same in a header (a header holds no line break)."""


def _requests() -> dict[str, HttpRequest]:
    url = "https://api.example.com/echo"
    auth = (("Authorization", HEADER),)
    return {
        "json": HttpRequest(
            "POST",
            url,
            headers=(*auth, ("Content-Type", "application/json")),
            body_kind="json",
            json_body={"note": TRICKY, TRICKY: [TRICKY]},
        ),
        "text": HttpRequest("POST", url, headers=auth, body_kind="text", json_body="@" + TRICKY),
        "form": HttpRequest(
            "POST", url, headers=auth, body_kind="form", fields=(("note", TRICKY, False),)
        ),
        "multipart": HttpRequest(
            "POST",
            url,
            headers=auth,
            body_kind="multipart",
            fields=(("note", TRICKY, False), ("at", "@" + TRICKY, False), ("f", "", True)),
        ),
    }


def _expected(req: HttpRequest) -> tuple[str, object]:
    """The Authorization header and the body (decoded) the sample must send."""
    if req.body_kind == "json":
        body: object = req.json_body
    elif req.body_kind == "text":
        body = req.json_body
    else:
        body = [[k, "FILE" if f else v] for k, v, f in req.fields]
    return HEADER, body


def _run(cmd: list[str], cwd: Path, code: str) -> object:
    (cwd / FILE_NAME).write_text("file")
    done = subprocess.run(
        cmd, cwd=cwd, input=code, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr + done.stdout
    return json.loads(done.stdout.strip().splitlines()[-1])


def _check(sent: dict[str, object], req: HttpRequest) -> None:
    header, body = _expected(req)
    headers = {str(k).lower(): v for k, v in dict(sent["headers"]).items()}  # type: ignore[call-overload]
    assert headers["authorization"] == header
    got = sent["body"]
    if req.body_kind == "json" and isinstance(got, str):
        got = json.loads(got)
    if req.body_kind == "form" and isinstance(got, str):
        got = [list(pair) for pair in parse_qsl(got)]
    assert got == body


_CURL_STUB = """
curl() {
  local headers=() body=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --header) headers+=("$2"); shift 2;;
      --data|--data-raw) body="$2"; shift 2;;
      --data-urlencode|--form|--form-string) body+="$1"$'\\x1f'"$2"$'\\x1e'; shift 2;;
      *) shift;;
    esac
  done
  python3 -c 'import json,sys; print(json.dumps({"headers": sys.argv[1:-1], "body": sys.argv[-1]}))' \\
    "${headers[@]}" "$body"
}
"""


def test_curl_sends_the_values_as_written(tmp_path: Path) -> None:
    """`--data @x` and `--form k=@x` (or `k=<x`, `;type=`) read files: those go raw."""
    for req in _requests().values():
        code = curl(req)
        sent = _run(["bash"], tmp_path, _CURL_STUB + code)
        assert isinstance(sent, dict)
        headers = dict(h.split(": ", 1) for h in sent["headers"])
        body = sent["body"]
        if req.body_kind in ("form", "multipart"):
            parts = []
            for item in body.split("\x1e")[:-1]:
                option, arg = item.split("\x1f", 1)
                name, value = arg.split("=", 1)
                if value != "@" + FILE_NAME and (value.startswith(("@", "<")) or ";" in value):
                    assert option != "--form", arg  # curl would read a file or options
                parts.append([name, "FILE" if value == "@" + FILE_NAME else value])
            body = parts
        _check({"headers": headers, "body": body}, req)


_PY_STUB = """
import json, sys, types
def request(method, url, **kw):
    body = kw.get("json", kw.get("data"))
    if kw.get("files") or kw.get("data") and isinstance(kw.get("data"), dict):
        body = [[k, v] for k, v in (kw.get("data") or {}).items()]
        body += [[k, "FILE"] for k in kw.get("files") or {}]
    print(json.dumps({"headers": kw.get("headers", {}), "body": body}))
    return types.SimpleNamespace(text="")
sys.modules["requests"] = types.SimpleNamespace(request=request)
"""


def test_python_sends_the_values_as_written(tmp_path: Path) -> None:
    for req in _requests().values():
        sent = _run([sys.executable, "-"], tmp_path, _PY_STUB + python(req))
        assert isinstance(sent, dict)
        if req.body_kind == "multipart":  # `requests` sends data fields before files
            names = [f[0] for f in req.fields]
            sent["body"] = sorted(sent["body"], key=lambda part: names.index(part[0]))
        _check(sent, req)


_JS_STUB = """
globalThis.document = {querySelector: () => ({files: ["FILE"]})};
globalThis.fetch = (url, options) => {
  let body = options.body;
  if (body instanceof FormData) body = [...body.entries()].map(([k, v]) => [k, typeof v === "string" ? v : "FILE"]);
  if (body instanceof URLSearchParams) body = body.toString();
  console.log(JSON.stringify({headers: options.headers, body}));
  return new Promise(() => {});
};
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node")
def test_javascript_sends_the_values_as_written(tmp_path: Path) -> None:
    for req in _requests().values():
        code = javascript(req).replace("fileInput.files[0]", "'FILE'")
        _check(_run(["node", "-"], tmp_path, _JS_STUB + code), req)  # type: ignore[arg-type]


_PHP_STUB = """<?php
namespace Stub;  // the sample's curl calls land here, whether PHP has its curl extension or not
foreach (['URL', 'RETURNTRANSFER', 'CUSTOMREQUEST', 'POSTFIELDS', 'HTTPHEADER'] as $n) {
  define('Stub\\CURLOPT_' . $n, $n);
}
class CURLFile { public $f = 'FILE'; function __construct($f) {} }
function curl_init() { return 1; }
function curl_setopt_array($c, $o) {
  $h = [];
  foreach ($o['HTTPHEADER'] as $line) { [$k, $v] = explode(': ', $line, 2); $h[$k] = $v; }
  $b = $o['POSTFIELDS'];
  if (is_array($b)) { $b = array_map(fn($k) => [$k, is_object($b[$k]) ? 'FILE' : $b[$k]], array_keys($b)); }
  echo json_encode(['headers' => $h, 'body' => $b]), "\\n";
}
function curl_exec($c) { return ''; }
function curl_error($c) { return ''; }
function curl_close($c) {}
?>"""


@pytest.mark.skipif(shutil.which("php") is None, reason="needs php")
def test_php_sends_the_values_as_written(tmp_path: Path) -> None:
    """Double quotes read `$API_KEY` as a variable: `Bearer ` was sent."""
    for req in _requests().values():
        _check(_run(["php"], tmp_path, _PHP_STUB + php(req)), req)  # type: ignore[arg-type]


_RUBY_STUB = """
require 'net/http'
require 'json'
class Net::HTTP
  def request(r)
    body = r.body
    data = r.instance_variable_get(:@body_data)
    body = data.map { |k, v| [k, v.is_a?(File) ? 'FILE' : v] } if data
    puts JSON.generate({headers: r.each_header.to_h, body: body})
    Struct.new(:read_body).new('')
  end
end
"""


@pytest.mark.skipif(shutil.which("ruby") is None, reason="needs ruby")
def test_ruby_sends_the_values_as_written(tmp_path: Path) -> None:
    """`"tok #{x}"` raised NameError, `#$y` and `#@z` read variables."""
    for req in _requests().values():
        _check(_run(["ruby", "-"], tmp_path, _RUBY_STUB + ruby(req)), req)  # type: ignore[arg-type]


@pytest.mark.skipif(shutil.which("go") is None, reason="needs the go toolchain")
def test_go_compiles_with_the_values(tmp_path: Path) -> None:
    """Go (like Java) takes JSON's escapes as written; compiled, not run."""
    for req in _requests().values():
        done = _go_vet(tmp_path, go(req))
        assert done.returncode == 0, done.stderr


def _go_vet(folder: Path, code: str) -> subprocess.CompletedProcess[str]:
    """`go vet` (bar its advice to check errors first) of `code` as a module's main.go."""
    (folder / "go.mod").write_text("module sample\n\ngo 1.19\n")
    (folder / "main.go").write_text(code)
    env = {**os.environ, "GOFLAGS": "-mod=mod", "GOPROXY": "off"}
    return subprocess.run(
        ["go", "vet", "-httpresponse=false", "."],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )


@pytest.mark.skipif(shutil.which("javac") is None, reason="needs a JDK")
def test_java_compiles_with_the_values(tmp_path: Path) -> None:
    """java.net.http samples (multipart ones need OkHttp), each in a method of one class."""
    methods = [
        f"static void sample{i}() throws Exception {{\n{java(req)}\n}}"
        for i, req in enumerate(_requests().values())
        if req.body_kind != "multipart"
    ]
    source = "\n".join(
        [
            "import java.net.URI;",
            "import java.net.http.*;",
            "import java.nio.file.Path;",
            "class Sample {",
            *methods,
            "}",
        ]
    )
    (tmp_path / "Sample.java").write_text(source)
    done = subprocess.run(
        ["javac", "Sample.java"], cwd=tmp_path, capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stderr


def _operation_view(tmp_path: Path, operation: dict[str, object], languages: list[str]) -> str:
    """The text of `GET /items` built from a spec holding `operation` (samples and fields)."""
    spec = {**API_HEAD, "paths": {"/items": {"get": operation}}}
    (tmp_path / "openapi.json").write_text(json.dumps(spec))
    index = load_api_index(tmp_path, ["openapi.json"], Diagnostics())
    res = index.resolve("GET /items", "page.mdx", [])
    assert res.operation is not None
    options = ApiOptions.from_settings({"examples": {"languages": languages}})
    view = render_operation(
        res.operation, options=options, markdown=html.escape, highlight=lambda c, _l, _t: c
    )
    return html.unescape(re.sub(r"<[^>]+>", " ", view.aside_html + view.body_html))


def test_a_content_parameter_is_sent_whole_under_its_name(tmp_path: Path) -> None:
    """`parameters[].content` (here JSON): the value is the serialized media type under the
    parameter's name (`filter={...}`); the samples sent each property as its own field
    (`?color=red&size=3`) and lost `filter`. The media type's own example is the value."""
    schema = {
        "type": "object",
        "properties": {
            "color": {"type": "string", "example": "red"},
            "size": {"type": "integer", "example": 3},
        },
    }
    param = {"name": "filter", "in": "query", "content": {"application/json": {"schema": schema}}}
    header = {
        "name": "X-Meta",
        "in": "header",
        "content": {"application/json": {"schema": schema, "example": {"color": "blue"}}},
    }
    operation = {"parameters": [param, header], "responses": {"200": {"description": "ok"}}}
    langs = ["curl", "python", "javascript", "php", "go", "java", "ruby"]
    text = _operation_view(tmp_path, operation, langs)
    encoded = "filter=%7B%22color%22:%22red%22,%22size%22:3%7D"  # `{` is a curl glob
    assert "color=red" not in text and "size=3" not in text
    assert text.count(encoded) == 6  # every sample but Python's
    assert '"filter": "{\\"color\\":\\"red\\",\\"size\\":3}"' in text  # Python's params
    assert 'X-Meta: {"color":"blue"}' in text
    # the field list: one object-typed parameter, its properties inside
    fields = re.sub(r"\s+", " ", text[text.find("Query Parameters") :])
    assert fields.startswith("Query Parameters filter object")


def test_java_uri_holds_only_characters_uri_create_takes() -> None:
    """A `<string>` placeholder, `a<b` in a query value or `{id}` in the path: Java's
    `URI.create` threw IllegalArgumentException ("Illegal character in query"); the other
    clients send them as they are, so only Java's URL is percent-encoded."""
    req = HttpRequest(
        "GET",
        "https://api.example.com/items/{id}",
        query=(("q", "a<b"), ("s", "<string>"), ("t", 'x"y z')),
    )
    (uri,) = re.findall(r'URI\.create\("([^"]*)"\)', java(req))
    assert uri == "https://api.example.com/items/%7Bid%7D?q=a%3Cb&s=%3Cstring%3E&t=x%22y%20z"
    assert "<string>" in curl(req)  # the others keep the placeholder readable
