"""Problems of a site's OpenAPI specs: each is one finding, located in the file the writer
edits (file, line, column), and the same from `build` and `check`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sitekit import build_site, write_site

from mintrender.check.options import CheckOptions
from mintrender.check.run import check_site

Finding = tuple[str, int, int, str]
"""(file, line, column, code)."""

HEAD = 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\n'


def _site(tmp_path: Path, files: dict[str, Any], pages: list[str] | None = None) -> Path:
    groups: list[dict[str, Any]] = [{"group": "API", "openapi": "openapi.yaml"}]
    if pages:
        groups.insert(0, {"group": "G", "pages": pages})
    config = {
        "name": "x",
        "theme": "mint",
        "colors": {"primary": "#000000"},
        "navigation": {"groups": groups},
    }
    return write_site(tmp_path / "docs", files, config)


def _findings(docs: Path, code_prefix: str = "") -> tuple[list[Finding], list[Finding]]:
    """What `build` and `check` report (codes starting with `code_prefix`), in order."""
    built = build_site(docs, docs.parent / "out")
    checked = check_site(CheckOptions(docs_dir=docs, jobs=1))

    def rows(diags: Any) -> list[Finding]:
        return sorted(
            (d.file, d.line, d.column, d.code) for d in diags if d.code.startswith(code_prefix)
        )

    return rows(built.diagnostics), rows(checked.diagnostics)


def _messages(docs: Path, code: str) -> list[str]:
    return [
        d.message
        for d in check_site(CheckOptions(docs_dir=docs, jobs=1)).diagnostics
        if d.code == code
    ]


def test_a_ref_to_a_page_is_one_warning_at_the_ref_and_the_page_is_left_alone(
    tmp_path: Path,
) -> None:
    # the page's `---` rules were read as YAML documents: an error on a valid page, exit 1
    spec = HEAD + "paths:\n  /a:\n    get:\n      summary: A\n      responses:\n"
    spec += '        "200": {$ref: "guide.mdx#/x"}\n        "404": {$ref: "logo.png"}\n'
    docs = _site(
        tmp_path,
        {
            "openapi.yaml": spec,
            "guide.mdx": "---\ntitle: Guide\n---\n\nSome text.\n\n---\n\nMore text.\n",
            "logo.png": b"\x89PNG\r\n\x1a\n\x00\x00",
        },
        ["guide"],
    )
    built, checked = _findings(docs)
    expected = [("openapi.yaml", 8, 17, "openapi-ref"), ("openapi.yaml", 9, 17, "openapi-ref")]
    assert built == expected
    assert checked == expected
    assert "not a JSON or YAML file" in _messages(docs, "openapi-ref")[0]
    assert (tmp_path / "out" / "guide" / "index.html").is_file()


@pytest.mark.parametrize(
    ("ref", "code"),
    [
        ("#/components/schemas/Nope", "openapi-ref"),
        ("../outside.yaml#/S", "openapi-ref"),
        ("https://example.com/pet.json#/Pet", "openapi-remote-ref"),
        ("file:///etc/spec.yaml#/S", "openapi-remote-ref"),
    ],
)
def test_a_bad_schema_ref_is_one_finding_at_the_ref(tmp_path: Path, ref: str, code: str) -> None:
    # check reported it twice: at the `schema:` key (its walk) and at the `$ref` (the loader)
    spec = HEAD + "paths:\n  /a:\n    get:\n      summary: A\n      responses:\n"
    spec += "        '200':\n          description: ok\n          content:\n"
    spec += f"            application/json:\n              schema:\n                $ref: '{ref}'\n"
    docs = _site(tmp_path, {"openapi.yaml": spec})
    built, checked = _findings(docs, "openapi")
    assert built == [("openapi.yaml", 13, 17, code)]
    assert checked == built


def test_a_bad_parameter_ref_is_one_finding_at_the_ref(tmp_path: Path) -> None:
    # check added a copy at 1:1 (the path-parameter pass knew no place for it)
    spec = HEAD + "paths:\n  /a/{id}:\n    get:\n      summary: A\n      parameters:\n"
    spec += "        - {$ref: '#/components/parameters/~2bad'}\n"
    spec += "        - {name: id, in: path, required: true, schema: {type: string}}\n"
    spec += "      responses: {'200': {description: ok}}\n"
    docs = _site(tmp_path, {"openapi.yaml": spec})
    built, checked = _findings(docs, "openapi-ref")
    assert built == [("openapi.yaml", 8, 12, "openapi-ref")]
    assert checked == built


def test_a_bad_ref_inside_an_example_is_located_where_it_is_written(tmp_path: Path) -> None:
    spec = HEAD + "paths:\n  /a:\n    get:\n      summary: A\n      responses:\n"
    spec += "        '200':\n          description: ok\n          content:\n"
    spec += "            application/json:\n              schema: {type: object}\n"
    spec += "              example:\n                items:\n"
    spec += "                  - {$ref: '#/components/examples/Nope'}\n"
    docs = _site(tmp_path, {"openapi.yaml": spec})
    built, _ = _findings(docs, "openapi-ref")
    assert built == [("openapi.yaml", 15, 22, "openapi-ref")]


OP = '    get:\n      summary: "{s}"\n      responses: {{"200": {{description: ok}}}}\n'


def test_a_key_given_twice_in_a_yaml_spec_is_an_error_at_the_second(tmp_path: Path) -> None:
    # js-yaml (Mintlify) refuses the spec; PyYAML dropped the first operation silently
    spec = HEAD + "paths:\n  /a:\n" + OP.format(s="First") + "  /a:\n" + OP.format(s="Second")
    spec += "components:\n  schemas:\n    S: {type: object, type: string}\n"
    spec += "x-base: &b {summary: Base, description: d}\nx-use:\n  <<: *b\n  summary: Own\n"
    docs = _site(tmp_path, {"openapi.yaml": spec})
    built, checked = _findings(docs, "openapi-duplicate-key")
    assert built == [
        ("openapi.yaml", 8, 3, "openapi-duplicate-key"),
        ("openapi.yaml", 14, 23, "openapi-duplicate-key"),
    ]  # a merge key (`<<`) overridden is no duplicate
    assert checked == built
    assert "first on line 4" in _messages(docs, "openapi-duplicate-key")[0]
    html = (tmp_path / "out" / "api-reference" / "second" / "index.html").read_text("utf-8")
    assert "Second" in html  # still built, with the last value


def test_a_key_given_twice_in_a_json_spec_is_an_error_at_the_second(tmp_path: Path) -> None:
    op = '{"get": {"summary": "%s", "responses": {"200": {"description": "ok"}}}}'
    spec = '{"openapi": "3.0.3", "info": {"title": "T", "version": "1"},\n"paths": {\n'
    spec += f'  "/a": {op % "First"},\n  "/a": {op % "Second"}\n}}}}\n'
    docs = _site(tmp_path, {"openapi.json": spec})
    config = (docs / "docs.json").read_text("utf-8").replace("openapi.yaml", "openapi.json")
    (docs / "docs.json").write_text(config, "utf-8")
    built, checked = _findings(docs, "openapi-duplicate-key")
    assert built == [("openapi.json", 4, 3, "openapi-duplicate-key")]
    assert checked == built


def test_a_key_given_twice_in_docs_json_is_a_warning_at_the_second(tmp_path: Path) -> None:
    docs = write_site(tmp_path / "docs", {"index.mdx": "---\ntitle: I\n---\nHi\n"})
    (docs / "docs.json").write_text(
        '{"name": "x", "theme": "mint", "colors": {"primary": "#000000"},\n'
        ' "name": "y", "navigation": {"groups": [{"group": "G", "pages": ["index"]}]}}\n',
        "utf-8",
    )
    built, checked = _findings(docs, "config-duplicate-key")
    assert built == [("docs.json", 2, 2, "config-duplicate-key")]
    assert checked == built


def test_a_binary_spec_is_one_located_encoding_finding(tmp_path: Path) -> None:
    # the raw `'utf-8' codec can't decode byte 0xff in position 2`, with no line
    docs = _site(tmp_path, {"openapi.yaml": b"op\xffenapi: 3\n\x00\x01"})
    built, checked = _findings(docs, "file-encoding")
    assert built == [("openapi.yaml", 2, 1, "file-encoding")]
    assert checked == built
    assert not [m for m in _messages(docs, "openapi-read")]


def test_a_spec_not_in_utf8_is_read_with_a_located_warning(tmp_path: Path) -> None:
    spec = (HEAD + "paths:\n  /a:\n" + OP.format(s="Caf\u00e9")).encode("cp1252")
    docs = _site(tmp_path, {"openapi.yaml": spec})
    built, checked = _findings(docs, "file-encoding")
    assert built == [("openapi.yaml", 6, 20, "file-encoding")]
    assert checked == built
    html = (tmp_path / "out" / "api-reference" / "caf\u00e9" / "index.html").read_text("utf-8")
    assert "Caf\u00e9" in html


def test_an_alias_bomb_or_an_alias_inside_itself_is_located_at_the_alias(tmp_path: Path) -> None:
    lines = ["  x0: &x0 [a, a, a, a, a, a, a, a, a, a]"]
    lines += [f"  x{i}: &x{i} [" + ", ".join([f"*x{i - 1}"] * 10) + "]" for i in range(1, 8)]
    bomb = HEAD + "x-bomb:\n" + "\n".join(lines) + "\npaths: {}\n"
    docs = _site(tmp_path, {"openapi.yaml": bomb})
    built, checked = _findings(docs, "openapi-syntax")
    assert built == [("openapi.yaml", 10, 12, "openapi-syntax")]  # the alias past 2,000,000
    assert checked == built
    looped = HEAD + "paths:\n  /a: &p\n" + OP.format(s="A") + "    x-self: *p\n"
    docs = _site(tmp_path / "loop", {"openapi.yaml": looped})
    built, checked = _findings(docs, "openapi-syntax")
    assert built == [("openapi.yaml", 8, 13, "openapi-syntax")]
    assert checked == built


def test_a_path_key_that_is_no_path_is_reported_in_the_spec(tmp_path: Path) -> None:
    # it was `docs.json: navigation lists 'openapi.yaml GET 123'`, which it does not
    spec = HEAD + "paths:\n  123:\n" + OP.format(s="N") + "  /b:\n" + OP.format(s="B")
    docs = _site(tmp_path, {"openapi.yaml": spec})
    built, checked = _findings(docs)
    assert built == [("openapi.yaml", 4, 3, "openapi-paths")]
    assert checked == built
    assert "does not start with `/`" in _messages(docs, "openapi-paths")[0]


def test_a_nul_byte_in_docs_json_is_said_as_such_where_it_is(tmp_path: Path) -> None:
    # it was "the file ends too early … cut short" at 1:1 plus "binary … left out"
    docs = write_site(tmp_path / "docs", {"index.mdx": "---\ntitle: I\n---\nHi\n"})
    (docs / "docs.json").write_bytes(
        b'{"theme": "mint", "colors": {"primary": "#000000"},\n "name": "a\x00b",\n'
        b' "navigation": {"groups": [{"group": "G", "pages": ["index"]}]}}\n'
    )
    built = build_site(docs, tmp_path / "out")
    checked = check_site(CheckOptions(docs_dir=docs, jobs=1))
    for diags in (built.diagnostics, checked.diagnostics):
        [only] = [d for d in diags if d.severity != "info"] or [checked.fatal]
        assert (only.file, only.line, only.column, only.code) == ("docs.json", 2, 12, "config-json")
        assert "NUL byte" in only.message


def test_a_reference_cut_short_is_reported_at_its_operation_in_the_spec(tmp_path: Path) -> None:
    # it was located at `api-reference/wide:1:1`, a generated page no writer can open
    props = ", ".join(f"p{i}: {{type: string}}" for i in range(2100))
    spec = HEAD + "paths:\n  /a:\n    get:\n      summary: Wide\n      responses:\n"
    spec += "        '200': {description: ok, content: {application/json: {schema: "
    spec += f"{{type: object, properties: {{{props}}}}}}}}}}}\n"
    docs = _site(tmp_path, {"openapi.yaml": spec})
    built = build_site(docs, tmp_path / "out")
    found = [(d.file, d.line, d.column) for d in built.diagnostics if d.code == "openapi-limit"]
    assert found == [("openapi.yaml", 5, 5)]
