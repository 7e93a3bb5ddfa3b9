"""Request code samples (cURL, Python, JavaScript, PHP, Go, Java, Ruby) for an HTTP request."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import quote

from mintrender.urls import percent_encode

BodyKind = Literal["none", "json", "form", "multipart", "binary", "text"]
"""How the body is encoded."""

FILE_NAME = "example-file"
"""Name used for file uploads in samples."""


@dataclass(frozen=True, slots=True)
class HttpRequest:
    """Everything a sample needs, with example values already chosen."""

    method: str
    """Upper-case method."""
    url: str
    """Server URL + path (path parameters left as `{name}`)."""
    query: tuple[tuple[str, str], ...] = ()
    """Query parameters."""
    headers: tuple[tuple[str, str], ...] = ()
    """Headers, authentication and `Content-Type` included."""
    body_kind: BodyKind = "none"
    """Body encoding."""
    json_body: Any = None
    """The body value for `json` (and `text`: a string)."""
    fields: tuple[tuple[str, str, bool], ...] = ()
    """(name, value, is_file) for `form` and `multipart`."""

    @property
    def full_url(self) -> str:
        """URL with the query string."""
        if not self.query:
            return self.url
        safe = "<>:/@,"  # `[]` and `{}` encoded: `filter[role]` and `{a,b}` are curl globs
        qs = "&".join(f"{quote(k, safe=safe)}={quote(v, safe=safe)}" for k, v in self.query)
        return f"{self.url}?{qs}"

    def body_text(self) -> str:
        """JSON (indented) or text body."""
        if self.body_kind == "text":
            return str(self.json_body)
        return json.dumps(self.json_body, indent=2, ensure_ascii=False)

    def headers_without_multipart_type(self) -> list[tuple[str, str]]:
        """Headers, minus `Content-Type` when the client sets it (multipart boundary)."""
        if self.body_kind != "multipart":
            return list(self.headers)
        return [(k, v) for k, v in self.headers if k.lower() != "content-type"]


def _sq(text: str) -> str:
    """Shell single-quoted string."""
    return "'" + text.replace("'", "'\\''") + "'"


def _dq(text: str) -> str:
    """Double-quoted C-like string: literal in Python, Go, Java and JavaScript (PHP and Ruby
    interpolate in double quotes: `_php` and `_rb`)."""
    return json.dumps(text, ensure_ascii=False)


def _php(text: str) -> str:
    """PHP single-quoted string: double quotes would read `$API_KEY` as a variable (and
    `\\u00e9` as six characters), so only `\\` and `\'` are escaped."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _rb(text: str) -> str:
    """Ruby double-quoted string: `#{...}`, `#$var` and `#@var` interpolate there, so their
    `#` is escaped (`\\#`); the rest of the JSON escapes mean the same in Ruby."""
    return re.sub(r"#(?=[{$@])", r"\\#", _dq(text))


def _grouped(pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Query pairs as a dict for `requests`: a name given more than once holds the list of
    its values (sent as the name once per value)."""
    out: dict[str, Any] = {}
    for name, value in pairs:
        if name in out:
            held = out[name]
            out[name] = [*held, value] if isinstance(held, list) else [held, value]
        else:
            out[name] = value
    return out


def literal(value: Any, style: Literal["python", "ruby", "php"], indent: int = 0) -> str:
    """Source literal for a JSON value in the given language."""
    pad, inner = "  " * indent, "  " * (indent + 1)
    if style == "python":
        pad, inner = "    " * indent, "    " * (indent + 1)
    if isinstance(value, dict):
        if not value:
            return "[]" if style == "php" else "{}"
        arrow = {"python": ": ", "ruby": " => ", "php": " => "}[style]
        key = {"python": _dq, "ruby": _rb, "php": _php}[style]
        rows = [
            f"{inner}{key(str(k))}{arrow}{literal(v, style, indent + 1)}" for k, v in value.items()
        ]
        open_, close = ("[", "]") if style == "php" else ("{", "}")
        return open_ + "\n" + ",\n".join(rows) + "\n" + pad + close
    if isinstance(value, list):
        if not value:
            return "[]"
        rows = [f"{inner}{literal(v, style, indent + 1)}" for v in value]
        return "[\n" + ",\n".join(rows) + "\n" + pad + "]"
    if value is None:
        return {"python": "None", "ruby": "nil", "php": "null"}[style]
    if isinstance(value, bool):
        if style == "python":
            return "True" if value else "False"
        return "true" if value else "false"
    if isinstance(value, str):
        return {"python": _dq, "ruby": _rb, "php": _php}[style](value)
    return json.dumps(value)


def curl(req: HttpRequest) -> str:
    lines = [f"curl --request {req.method}", f"--url {_sq(req.full_url)}"]
    lines += [f"--header {_sq(f'{k}: {v}')}" for k, v in req.headers_without_multipart_type()]
    if req.body_kind in ("json", "text"):
        text = req.body_text()  # `--data @x` would send the file x: `--data-raw` sends `@x`
        lines.append(f"--data{'-raw' if text.startswith('@') else ''} {_sq(text)}")
    elif req.body_kind == "form":
        lines += [f"--data-urlencode {_sq(f'{k}={v}')}" for k, v, _ in req.fields]
    elif req.body_kind == "multipart":
        lines += [_curl_form(k, v, f) for k, v, f in req.fields]
    elif req.body_kind == "binary":
        lines.append(f"--data-binary {_sq('@' + FILE_NAME)}")
    return " \\\n  ".join(lines)


def _curl_form(name: str, value: str, is_file: bool) -> str:
    """A `--form` part; a text value that curl would read as a file (`@x`, `<x`) or as part
    options (`;type=`) goes as `--form-string`, which sends it as written. A placeholder
    (`<string>`, to be replaced) keeps Mintlify's `--form`."""
    if is_file:
        return f"--form {_sq(f'{name}=@{FILE_NAME}')}"
    placeholder = re.fullmatch(r"<[\w-]+>", value) is not None
    literal_only = not placeholder and (value.startswith(("@", "<")) or ";" in value)
    return f"--form{'-string' if literal_only else ''} {_sq(f'{name}={value}')}"


def python(req: HttpRequest) -> str:
    out = ["import requests", "", f"url = {_dq(req.url)}", ""]
    args = ["url"]
    if req.query:
        out += [f"querystring = {literal(_grouped(req.query), 'python')}", ""]
    if req.body_kind == "json":
        out += [f"payload = {literal(req.json_body, 'python')}", ""]
        args.append("json=payload")
    elif req.body_kind == "text":
        out += [f"payload = {_dq(str(req.json_body))}", ""]
        args.append("data=payload")
    elif req.body_kind in ("form", "multipart"):
        data = {k: v for k, v, f in req.fields if not f}
        files = [k for k, _, f in req.fields if f]
        if data:
            out += [f"data = {literal(data, 'python')}", ""]
            args.append("data=data")
        if files:
            pairs = ", ".join(f'{_dq(k)}: open("{FILE_NAME}", "rb")' for k in files)
            out += [f"files = {{{pairs}}}", ""]
            args.append("files=files")
    elif req.body_kind == "binary":
        out += [f'payload = open("{FILE_NAME}", "rb")', ""]
        args.append("data=payload")
    headers = req.headers_without_multipart_type()
    if headers:
        out += [f"headers = {literal(dict(headers), 'python')}", ""]
        args.append("headers=headers")
    if req.query:
        args.append("params=querystring")
    out += [
        f'response = requests.request("{req.method}", {", ".join(args)})',
        "",
        "print(response.text)",
    ]
    return "\n".join(out)


_FILE_INPUT = "const fileInput = document.querySelector('input[type=\"file\"]');"
"""Where a browser sample's file comes from (it used `fileInput` without declaring it)."""


def javascript(req: HttpRequest) -> str:
    pre: list[str] = []
    opts = [f"  method: '{req.method}'"]
    headers = req.headers_without_multipart_type()
    if headers:
        inner = ", ".join(f"{_dq(k)}: {_dq(v)}" for k, v in headers)
        opts.append(f"  headers: {{{inner}}}")
    if req.body_kind == "json":
        body = json.dumps(req.json_body, indent=2, ensure_ascii=False).replace("\n", "\n  ")
        opts.append(f"  body: JSON.stringify({body})")
    elif req.body_kind == "text":
        opts.append(f"  body: {_dq(str(req.json_body))}")
    elif req.body_kind == "form":
        inner = ", ".join(f"{_dq(k)}: {_dq(v)}" for k, v, _ in req.fields)
        opts.append(f"  body: new URLSearchParams({{{inner}}})")
    elif req.body_kind == "multipart":
        pre.append("const form = new FormData();")
        for k, v, f in req.fields:
            value = "fileInput.files[0]" if f else _dq(v)
            pre.append(f"form.append({_dq(k)}, {value});")
        pre.append("")
        opts.append("  body: form")
    elif req.body_kind == "binary":
        opts.append("  body: fileInput.files[0]")
    if any("fileInput" in line for line in (*pre, *opts)):  # the page's <input type="file">
        pre.insert(0, _FILE_INPUT)
    return "\n".join(
        [
            *pre,
            "const options = {",
            ",\n".join(opts),
            "};",
            "",
            f"fetch({_dq(req.full_url)}, options)",
            "  .then(response => response.json())",
            "  .then(response => console.log(response))",
            "  .catch(err => console.error(err));",
        ]
    )


def php(req: HttpRequest) -> str:
    opts = [
        f"  CURLOPT_URL => {_php(req.full_url)},",
        "  CURLOPT_RETURNTRANSFER => true,",
        f'  CURLOPT_CUSTOMREQUEST => "{req.method}",',
    ]
    if req.body_kind == "json":
        opts.append(f"  CURLOPT_POSTFIELDS => json_encode({literal(req.json_body, 'php', 1)}),")
    elif req.body_kind == "text":
        opts.append(f"  CURLOPT_POSTFIELDS => {literal(str(req.json_body), 'php')},")
    elif req.body_kind in ("form", "multipart"):
        rows = [
            f"    {literal(k, 'php')} => "
            + (f"new CURLFile('{FILE_NAME}')" if f else literal(v, "php"))
            for k, v, f in req.fields
        ]
        arr = "[\n" + ",\n".join(rows) + "\n  ]"
        value = f"http_build_query({arr})" if req.body_kind == "form" else arr
        opts.append(f"  CURLOPT_POSTFIELDS => {value},")
    elif req.body_kind == "binary":
        opts.append(f"  CURLOPT_POSTFIELDS => file_get_contents('{FILE_NAME}'),")
    headers = req.headers_without_multipart_type()
    if headers:
        rows = [f"    {_php(f'{k}: {v}')}" for k, v in headers]
        opts.append("  CURLOPT_HTTPHEADER => [\n" + ",\n".join(rows) + "\n  ],")
    return "\n".join(
        [
            "<?php",
            "",
            "$curl = curl_init();",
            "",
            "curl_setopt_array($curl, [",
            *opts,
            "]);",
            "",
            "$response = curl_exec($curl);",
            "$err = curl_error($curl);",
            "",
            "curl_close($curl);",
            "",
            "if ($err) {",
            '  echo "cURL Error #:" . $err;',
            "} else {",
            "  echo $response;",
            "}",
        ]
    )


def go(req: HttpRequest) -> str:
    imports = {"fmt", "io", "net/http"}
    body_lines: list[str] = []
    payload = "nil"
    after: list[str] = []
    if req.body_kind in ("json", "text"):
        imports.add("strings")
        body_lines.append(f"\tpayload := strings.NewReader({_dq(req.body_text())})")
        payload = "payload"
    elif req.body_kind == "form":
        imports.add("strings")
        encoded = "&".join(f"{quote(k)}={quote(v)}" for k, v, _ in req.fields)
        body_lines.append(f"\tpayload := strings.NewReader({_dq(encoded)})")
        payload = "payload"
    elif req.body_kind == "multipart":
        imports |= {"bytes", "mime/multipart"}
        body_lines += ["\tpayload := &bytes.Buffer{}", "\twriter := multipart.NewWriter(payload)"]
        declare = ":="  # `file` and `part` are declared once: a second `:=` does not compile
        for k, v, f in req.fields:
            if f:
                imports.add("os")
                body_lines += [
                    f'\tfile, _ {declare} os.Open("{FILE_NAME}")',
                    f'\tpart, _ {declare} writer.CreateFormFile({_dq(k)}, "{FILE_NAME}")',
                    "\tio.Copy(part, file)",
                ]
                declare = "="
            else:
                body_lines.append(f"\twriter.WriteField({_dq(k)}, {_dq(v)})")
        body_lines.append("\twriter.Close()")
        after.append('\treq.Header.Set("Content-Type", writer.FormDataContentType())')
        payload = "payload"
    elif req.body_kind == "binary":
        imports.add("os")
        body_lines.append(f'\tpayload, _ := os.Open("{FILE_NAME}")')
        payload = "payload"
    header_lines = [
        f"\treq.Header.Add({_dq(k)}, {_dq(v)})" for k, v in req.headers_without_multipart_type()
    ]
    out = ["package main", "", "import (", *[f'\t"{i}"' for i in sorted(imports)], ")", ""]
    out += ["func main() {", "", f"\turl := {_dq(req.full_url)}", ""]
    if body_lines:
        out += [*body_lines, ""]
    out += [f'\treq, _ := http.NewRequest("{req.method}", url, {payload})', ""]
    if header_lines or after:
        out += [*header_lines, *after, ""]
    out += [
        "\tres, _ := http.DefaultClient.Do(req)",
        "",
        "\tdefer res.Body.Close()",
        "\tbody, _ := io.ReadAll(res.Body)",
        "",
        "\tfmt.Println(res)",
        "\tfmt.Println(string(body))",
        "",
        "}",
    ]
    return "\n".join(out)


_URI_ILLEGAL = re.compile(r'[<>{}"|\\^` ]')


def _java_uri(url: str) -> str:
    """A URL `URI.create` takes: `<`, `>`, `{`, `}` and the like percent-encoded (a `<string>`
    placeholder or a `{id}` path raised IllegalArgumentException; the other clients send them
    as they are)."""
    return percent_encode(url, _URI_ILLEGAL)


def java(req: HttpRequest) -> str:
    if req.body_kind == "multipart":
        return _java_okhttp_multipart(req)
    lines = [
        "HttpRequest request = HttpRequest.newBuilder()",
        f"    .uri(URI.create({_dq(_java_uri(req.full_url))}))",
    ]
    lines += [f"    .header({_dq(k)}, {_dq(v)})" for k, v in req.headers]
    if req.body_kind in ("json", "text"):
        text = req.body_text() if req.body_kind == "text" else json.dumps(req.json_body)
        publisher = f"HttpRequest.BodyPublishers.ofString({json.dumps(text)})"
    elif req.body_kind == "form":
        encoded = "&".join(f"{quote(k)}={quote(v)}" for k, v, _ in req.fields)
        publisher = f"HttpRequest.BodyPublishers.ofString({_dq(encoded)})"
    elif req.body_kind == "binary":
        publisher = f'HttpRequest.BodyPublishers.ofFile(Path.of("{FILE_NAME}"))'
    else:
        publisher = "HttpRequest.BodyPublishers.noBody()"
    lines += [f'    .method("{req.method}", {publisher})', "    .build();"]
    lines += [
        "HttpResponse<String> response = HttpClient.newHttpClient()"
        ".send(request, HttpResponse.BodyHandlers.ofString());",
        "System.out.println(response.body());",
    ]
    return "\n".join(lines)


def _java_okhttp_multipart(req: HttpRequest) -> str:
    lines = [
        "OkHttpClient client = new OkHttpClient();",
        "",
        "RequestBody body = new MultipartBody.Builder()",
        "    .setType(MultipartBody.FORM)",
    ]
    for k, v, f in req.fields:
        if f:
            lines.append(
                f'    .addFormDataPart({_dq(k)}, "{FILE_NAME}", '
                f'RequestBody.create(new File("{FILE_NAME}"), null))'
            )
        else:
            lines.append(f"    .addFormDataPart({_dq(k)}, {_dq(v)})")
    lines += ["    .build();", "", "Request request = new Request.Builder()"]
    lines += [f"    .url({_dq(req.full_url)})", f'    .method("{req.method}", body)']
    lines += [
        f"    .addHeader({_dq(k)}, {_dq(v)})" for k, v in req.headers_without_multipart_type()
    ]
    lines += ["    .build();", "", "Response response = client.newCall(request).execute();"]
    return "\n".join(lines)


def ruby(req: HttpRequest) -> str:
    klass = req.method.capitalize()
    out = ["require 'uri'", "require 'net/http'", "", f"url = URI({_rb(req.full_url)})", ""]
    out += ["http = Net::HTTP.new(url.host, url.port)", "http.use_ssl = true", ""]
    out.append(f"request = Net::HTTP::{klass}.new(url)")
    out += [f"request[{_rb(k)}] = {_rb(v)}" for k, v in req.headers_without_multipart_type()]
    if req.body_kind in ("json", "text"):
        out.append(f"request.body = {literal(req.body_text(), 'ruby')}")
    elif req.body_kind == "form":
        out.append(f"request.set_form_data({literal({k: v for k, v, _ in req.fields}, 'ruby')})")
    elif req.body_kind == "multipart":
        parts = ", ".join(
            f'[{_rb(k)}, File.open("{FILE_NAME}")]' if f else f"[{_rb(k)}, {literal(v, 'ruby')}]"
            for k, v, f in req.fields
        )
        out.append(f"request.set_form([{parts}], 'multipart/form-data')")
    elif req.body_kind == "binary":
        out.append(f'request.body = File.binread("{FILE_NAME}")')
    out += ["", "response = http.request(request)", "puts response.read_body"]
    return "\n".join(out)
