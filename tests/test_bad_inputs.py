"""The catalogue of bad inputs: each gives its diagnostic (file:line:col), never a crash or a hang,
and the rest of the site builds (issue 11)."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path
from typing import Any

import pytest

from mintrender import cli
from mintrender.errors import INTERNAL_ERROR, Diagnostic
from mintrender.model import BuildResult
from mintrender.parse.mdx import MAX_PAGE_CHARS
from tests.sitekit import build_site, minimal_config, write_site

OK_PAGE = "---\ntitle: Fine\n---\n\nThis page is fine.\n"


def _build(
    tmp_path: Path, files: dict[str, Any], pages: list[Any] | None = None, **config: Any
) -> BuildResult:
    """Build `files` plus a good page `ok.mdx`; the good page must always come out whole."""
    docs = write_site(
        tmp_path / "docs",
        {"ok.mdx": OK_PAGE, **files},
        minimal_config(pages if pages is not None else ["ok", *_refs(files)], **config),
    )
    result = build_site(docs, tmp_path / "out")
    assert result.fatal is None, result.fatal
    assert not [d for d in result.diagnostics if d.code == INTERNAL_ERROR], result.diagnostics
    assert "This page is fine." in (tmp_path / "out" / "ok" / "index.html").read_text()
    return result


def _refs(files: dict[str, Any]) -> list[str]:
    return [
        rel.rsplit(".", 1)[0]
        for rel in files
        if rel.endswith((".mdx", ".md")) and not rel.startswith("snippets/")
    ]


def _found(result: BuildResult, code: str) -> list[Diagnostic]:
    return [d for d in result.diagnostics if d.code == code]


def test_a_docs_json_not_in_utf8_or_nested_past_reason_is_a_diagnostic(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A byte UTF-8 cannot read in docs.json, or `[[[[…` thousands deep: both were an
    internal error (UnicodeDecodeError, RecursionError) and exit 3."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.mdx").write_text("---\ntitle: T\n---\n\nHi.\n", encoding="utf-8")
    good = '"theme": "mint", "colors": {"primary": "#000000"}, "navigation": {"pages": ["index"]}'
    (docs / "docs.json").write_bytes(b'{"name": "Caf\xe9", ' + good.encode() + b"}")
    assert cli.main(["build", str(docs), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "docs.json:1:14: warning: this file is not valid UTF-8 (byte 0xE9)" in err
    assert "Café" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    deep = "[" * 100_000 + "]" * 100_000
    (docs / "docs.json").write_text('{"name": "x", "z": ' + deep + ", " + good + "}")
    assert cli.main(["build", str(docs), "-o", str(tmp_path / "out2")]) == 2
    err = capsys.readouterr().err
    assert "docs.json:1:1: error: the configuration is nested too deeply" in err
    assert "internal error" not in err
    # 600 levels, or 250 nested groups: past the parser's limit no more, but past what the
    # loader walks by recursion (RecursionError, exit 3)
    group: dict[str, Any] = {"group": "G", "pages": ["index"]}
    for i in range(250):
        group = {"group": f"G{i}", "pages": [group]}
    base = {"name": "x", "theme": "mint", "colors": {"primary": "#000000"}}
    for extra in (
        '"z": ' + "[" * 600 + "]" * 600,
        '"navigation": ' + json.dumps({"groups": [group]}),
    ):
        (docs / "docs.json").write_text(json.dumps(base)[:-1] + ", " + extra + "}")
        assert cli.main(["build", str(docs), "-o", str(tmp_path / "out3")]) == 2
        err = capsys.readouterr().err
        assert "error: the configuration is nested too deeply (more than 200 levels)" in err
        assert "internal error" not in err


def test_a_nul_byte_in_a_navigation_path_is_a_missing_page(tmp_path: Path) -> None:
    """`"pages": ["oth\\u0000er"]` or `"openapi": "o\\u0000.json"`: `ValueError: embedded null
    byte` stopped the build (exit 3); each is a path that names no file, reported as such."""
    result = _build(tmp_path, {}, ["ok", "oth\u0000er"])
    assert len(_found(result, "nav-missing-page")) == 1
    groups = [{"group": "G", "openapi": "o\u0000.json", "pages": ["ok"]}]
    result = _build(tmp_path / "b", {}, navigation={"groups": groups})
    assert len(_found(result, "openapi-nav-spec")) == 1


def test_wrong_types_in_mint_json_and_a_non_text_href_are_diagnostics(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`"navigation": 5` in a mint.json, and `<a href={5}>`: both were an internal error
    (TypeError, AttributeError), exit 3, the whole site unbuilt for the first."""
    docs = tmp_path / "docs"
    docs.mkdir()
    mint = {"name": "T", "colors": {"primary": "#000000"}, "navigation": 5}
    mint |= {"tabs": {}, "api": {"playground": 5}}
    (docs / "mint.json").write_text(json.dumps(mint), encoding="utf-8")
    (docs / "index.mdx").write_text("---\ntitle: T\n---\n\n<a href={5}>a</a>\n", "utf-8")
    assert cli.main(["build", str(docs), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "mint.json:1:" in err and "navigation: should be an array; it is left out" in err
    assert "tabs: should be an array" in err and "api.playground: should be an object" in err
    assert "internal error" not in err
    assert '<a href="/5/">a</a>' in (tmp_path / "out" / "index.html").read_text("utf-8")
    # `5` and `null` among mint.json's groups were dropped without a word
    mint["navigation"] = [5, None, {"group": "G", "pages": ["index"]}]
    (docs / "mint.json").write_text(json.dumps(mint), encoding="utf-8")
    assert cli.main(["build", str(docs), "-o", str(tmp_path / "out2")]) == 0
    err = capsys.readouterr().err
    assert "navigation[0]: expected a group object; it is left out" in err
    assert "navigation[1]: expected a group object" in err


def test_a_global_of_a_wrong_type_and_an_allof_loop_are_reported(tmp_path: Path) -> None:
    """`"global": "x"` said nothing; schemas `A: {allOf: [B]}`, `B: {allOf: [A]}` drew an
    empty body and `--data '{}'` without a word (a plain A -> B -> A loop was reported)."""
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/A"}}
                        }
                    },
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
        "components": {
            "schemas": {
                "A": {"allOf": [{"$ref": "#/components/schemas/B"}]},
                "B": {"allOf": [{"$ref": "#/components/schemas/A"}]},
            }
        },
    }
    files = {"openapi.json": json.dumps(spec), "a.mdx": "---\nopenapi: POST /a\n---\n"}
    result = _build(tmp_path, files, ["ok", "a"], navigation={"pages": ["ok", "a"], "global": "x"})
    codes = sorted(d.code for d in result.diagnostics if d.severity != "info")
    assert codes == ["nav-type", "openapi-ref"], codes


def test_openapi_parts_of_a_wrong_type_are_reported(tmp_path: Path) -> None:
    """`requestBody: 5`, `responses: {"200": "ok"}`, `content: 5`, a path item `5`: each was
    left out without a word."""
    op = {"requestBody": 5, "responses": {"200": "ok", "201": {"description": "c", "content": 5}}}
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}}
    spec["paths"] = {"/a": {"post": op}, "/b": 5}
    files = {"openapi.json": json.dumps(spec), "a.mdx": "---\nopenapi: POST /a\n---\n"}
    result = _build(tmp_path, files, ["ok", "a"])
    found = sorted(d.message for d in result.diagnostics if d.code == "openapi-type")
    assert found == [
        f"`{name}` must be an object; it is left out"
        for name in ("/b", "200", "content", "requestBody")
    ]
    # `paths: null` and `servers: "x"` were left out without a word too
    bare = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": None}
    bare["servers"] = "https://api.example.com"
    result = _build(tmp_path / "bare", {"bare.json": json.dumps(bare)}, ["ok"])
    assert [d.message for d in _found(result, "openapi-paths")] == ["`paths` must be a map"]
    (server,) = _found(result, "openapi-server")
    assert "`servers` must be a list" in server.message and server.line > 0


def test_invalid_json_in_docs_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = write_site(tmp_path / "docs", {"index.mdx": "# Hi\n"})
    (docs / "docs.json").write_text('{\n  "name": "x",\n  "navigation": [\n}\n')
    result = build_site(docs, tmp_path / "out")
    assert result.fatal is not None and result.fatal.startswith(
        "docs.json:4:1: error: invalid JSON"
    )
    assert cli.main(["build", str(docs), "-o", str(tmp_path / "out")]) == 2
    assert "docs.json:4:1: error: invalid JSON" in capsys.readouterr().err


def test_a_build_reports_docs_json_schema_findings_as_check_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown or misspelt docs.json key is a `config-schema` warning in `build` too (it was
    only in `check`), so `--strict` fails on it; the site still builds, cold and warm."""
    docs = write_site(
        tmp_path / "docs",
        {"index.mdx": "# Hi\n"},
        minimal_config(["index"], colours={"primary": "#123456"}, footerSocials={"x": "u"}),
    )
    out = str(tmp_path / "out")
    for _ in range(2):  # cold, then from the build cache
        assert cli.main(["build", str(docs), "-o", out, "--cache-dir", str(tmp_path / "c")]) == 0
        err = capsys.readouterr().err
        assert "docs.json:" in err and "unknown key 'colours'" in err, err
        assert "did you mean 'colors'" in err and "footer.socials" in err, err
    assert cli.main(["build", str(docs), "-o", out, "--strict"]) == 1
    assert (tmp_path / "out" / "index.html").is_file()


def test_output_folder_that_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An OUT that cannot be made (here: its parent is a file; a read-only docs folder is the
    same) is one `output-unwritable` error before any page is rendered, exit 2, no traceback."""
    import mintrender.build

    docs = write_site(tmp_path / "docs", {"index.mdx": "# Hi\n"}, minimal_config(["index"]))
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    rendered: list[str] = []
    real = mintrender.build.parse_source
    monkeypatch.setattr(
        mintrender.build,
        "parse_source",
        lambda rel, *a, **k: rendered.append(rel) or real(rel, *a, **k),
    )
    result = build_site(docs, blocked / "out")
    assert result.fatal is not None and not rendered
    assert [d.severity for d in _found(result, "output-unwritable")] == ["error"]
    assert cli.main(["build", str(docs), "-o", str(blocked / "out")]) == 2
    err = capsys.readouterr().err
    assert "output-unwritable" in err and "Traceback" not in err


def test_a_failing_schema_check_costs_neither_build_nor_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The docs.json schema check runs in a forked process beside the build; when it fails
    itself, that is one internal error at docs.json, and the site is built all the same (the
    failure came back as an exception that stopped `build` and `check` with nothing made)."""
    import mintrender.check.config
    from mintrender.check.options import CheckOptions
    from mintrender.check.run import check_site

    def broken() -> None:
        raise RuntimeError("schema check broke")

    monkeypatch.setattr(mintrender.check.config, "docs_schema", broken)
    docs = write_site(tmp_path / "docs", {"index.mdx": "# Hi\n"}, minimal_config(["index"]))
    result = build_site(docs, tmp_path / "out")
    assert result.fatal is None and (tmp_path / "out" / "index.html").is_file()
    [internal] = _found(result, INTERNAL_ERROR)
    assert (internal.file, internal.line) == ("docs.json", 0)
    assert "checking the schema of" in internal.message and "RuntimeError" in internal.message
    checked = check_site(CheckOptions(docs_dir=docs))
    assert [d.file for d in checked.diagnostics if d.code == INTERNAL_ERROR] == ["docs.json"]


@pytest.mark.parametrize(
    ("where", "code"),
    [
        ("docs", "output-holds-docs"),  # -o DOCS_DIR
        (".", "output-holds-docs"),  # -o . from the project holding the docs folder
        ("/", "output-holds-docs"),
        ("notes.txt", "output-not-a-site"),  # a file
        ("mine", "output-not-a-site"),  # a folder of the user's files
        ("repo", "output-not-a-site"),  # a repository, even holding an earlier site
    ],
)
def test_output_folder_that_must_not_be_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str, code: str
) -> None:
    """A build replaces OUT as a whole, so an OUT that holds the docs folder, is a file, or
    holds anything but a site mintrender wrote is one error before anything is written, exit
    2, and every file stays as it was; an empty folder or an earlier site is replaced."""
    project = tmp_path / "project"
    docs = write_site(project / "docs", {"index.mdx": "# Hi\n"}, minimal_config(["index"]))
    (project / "notes.txt").write_text("my notes", encoding="utf-8")
    (project / "mine").mkdir()
    (project / "mine" / "letter.txt").write_text("dear", encoding="utf-8")
    (project / "repo" / ".git").mkdir(parents=True)
    (project / "repo" / "_mintrender").mkdir()
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    out = Path(where) if where == "/" else project / where
    assert cli.main(["build", str(docs), "-o", str(out), "-q"]) == 2
    err = capsys.readouterr().err
    assert f"[{code}]" in err and "Traceback" not in err, err
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in project.iterdir()) == ["docs", "mine", "notes.txt", "repo"]

    for fine in (project / "empty", project / "site"):
        fine.mkdir()
        assert cli.main(["build", str(docs), "-o", str(fine), "-q"]) == 0
        assert (fine / "index.html").is_file()  # the next build replaces the site it wrote
    assert cli.main(["build", str(docs), "-o", str(project / "site"), "-q"]) == 0


def test_output_failing_while_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A write that fails midway (a full disk) is an `output-unwritable` error, OUT is left
    as it was and nothing half-written stays beside it; exit 2, no traceback."""
    import errno

    from mintrender.write.files import OutputWriter

    docs = write_site(tmp_path / "docs", {"index.mdx": "# Hi\n"}, minimal_config(["index"]))
    out = tmp_path / "out"
    (out / "_mintrender").mkdir(parents=True)  # a site an earlier build wrote
    (out / "old.txt").write_text("the last good site", encoding="utf-8")

    def full(self: OutputWriter) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(OutputWriter, "commit", full)
    assert cli.main(["build", str(docs), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "No space left on device" in err and "output-unwritable" in err
    assert "Traceback" not in err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")] == []
    assert (out / "old.txt").read_text(encoding="utf-8") == "the last good site"


def test_navigation_pointing_at_missing_files(tmp_path: Path) -> None:
    result = _build(tmp_path, {}, pages=["ok", "guides/missing"])
    [d] = _found(result, "nav-missing-page")
    assert (d.file, d.line, d.severity) == ("docs.json", 1, "warning")
    assert d.column > 1 and "guides/missing" in d.message


def test_unclosed_jsx(tmp_path: Path) -> None:
    result = _build(tmp_path, {"page.mdx": "# T\n\nText.\n\n<Note>\nnever closed\n"})
    [d] = _found(result, "jsx-unclosed")
    assert (d.file, d.line, d.column, d.severity) == ("page.mdx", 5, 1, "error")
    assert "never closed" in (tmp_path / "out" / "page" / "index.html").read_text()


def test_mismatched_jsx(tmp_path: Path) -> None:
    result = _build(tmp_path, {"page.mdx": "# T\n\n<Note>\nhello\n</Tip>\n"})
    [unclosed] = _found(result, "jsx-unclosed")
    [stray] = _found(result, "jsx-stray-close")
    assert (unclosed.file, unclosed.line) == ("page.mdx", 3)
    assert (stray.file, stray.line, stray.column) == ("page.mdx", 5, 1)


def test_unclosed_or_mistyped_frontmatter_is_reported(tmp_path: Path) -> None:
    """Frontmatter never closed was read as the page's text, and `title: [1, 2]` or
    `hidden: "yes"` did nothing, all without a word."""
    result = _build(
        tmp_path,
        {
            "open.mdx": "---\ntitle: X\ndescription: D\n\n# Body\n",
            "typed.mdx": '---\ntitle: [1, 2]\nhidden: "yes"\ncontextual: 42\n---\n\nB\n',
            "menu.mdx": "---\ntitle: M\ncontextual:\n  options: copy\n---\n\nB\n",
            # a number for a spec reference, a mode no page has (both were left out silently)
            "named.mdx": "---\ntitle: N\nopenapi: 123\nmode: fullwidth\nkeywords: a, b\n---\n\nB\n",
        },
    )
    found = sorted((d.file, d.line, d.code) for d in result.diagnostics if d.severity != "info")
    assert found == [
        ("menu.mdx", 3, "frontmatter-value"),
        ("named.mdx", 3, "frontmatter-value"),
        ("named.mdx", 4, "frontmatter-value"),
        ("open.mdx", 1, "frontmatter-unclosed"),
        ("typed.mdx", 2, "frontmatter-value"),
        ("typed.mdx", 3, "frontmatter-value"),
        ("typed.mdx", 4, "frontmatter-value"),
    ]


def test_frontmatter_key_given_twice_is_reported(tmp_path: Path) -> None:
    """YAML forbids a key twice in one mapping and js-yaml (Mintlify's reader) refuses the
    frontmatter; PyYAML kept the last value without a word. Keys repeated in different
    mappings (a list of items) are fine."""
    page = (
        "---\ntitle: One\ndescription: D\ntitle: Two\nlinks:\n  - name: a\n  - name: b\n"
        "meta:\n  k: 1\n  k: 2\n---\n\nBody.\n"
    )
    result = _build(tmp_path, {"page.mdx": page})
    found = [(d.line, d.column, d.message[:24]) for d in _found(result, "frontmatter-duplicate")]
    assert found == [(4, 1, "frontmatter key `title` "), (10, 3, "frontmatter key `k` is g")]
    [record] = [r for r in result.pages if r.rel_path == "page.mdx"]
    assert record.frontmatter["title"] == "Two"  # the last value, as before


def test_invalid_yaml_frontmatter(tmp_path: Path) -> None:
    result = _build(tmp_path, {"page.mdx": "---\ntitle: Kept\ntags: [oops\n---\n\nBody.\n"})
    [d] = _found(result, "frontmatter-yaml")
    assert (d.file, d.line, d.severity) == ("page.mdx", 3, "error")  # the line of `[oops`
    html = (tmp_path / "out" / "page" / "index.html").read_text()
    assert "<title>Kept" in html and "Body." in html  # the loose reading keeps the title


@pytest.mark.parametrize(
    "content",
    [
        bytes(range(256)) * 64,  # binary
        b"\x00\x01\x02PK\x03\x04" + os.urandom(0) + b"\xff\xfe\x00" * 500,  # NUL bytes
        "# Caf\xe9\n\ncaf\xe9 au lait, na\xefve\n".encode("latin-1"),  # not UTF-8
        b"\xef\xbb\xbf# BOM page\n",
        "# Mixed \u2028 line \r\n separators \r old mac\n".encode(),
    ],
    ids=["binary", "nul-bytes", "latin-1", "bom", "odd-newlines"],
)
def test_binary_and_non_utf8_pages(tmp_path: Path, content: bytes) -> None:
    result = _build(tmp_path, {"page.mdx": content})
    assert (tmp_path / "out" / "page" / "index.html").is_file()
    assert all(d.line >= 0 and d.column >= 0 for d in result.diagnostics)
    if b"\x00" in content:  # binary: one warning at the NUL byte, and nothing else said of it
        assert [(d.file, d.code) for d in result.diagnostics if d.file == "page.mdx"] == [
            ("page.mdx", "file-encoding")
        ]
        assert "binary" in _found(result, "file-encoding")[0].message
    if content.startswith(b"# Caf"):  # Latin-1: read as Windows-1252, warned at the first byte
        [d] = _found(result, "file-encoding")
        assert (d.file, d.line, d.column) == ("page.mdx", 1, 6)
        assert "Café" in (tmp_path / "out" / "page" / "index.html").read_text()


def test_twenty_megabyte_page(tmp_path: Path) -> None:
    line = "Plenty of words in a paragraph that goes on and on, with **bold** and `code`.\n\n"
    big = "# Huge\n\n" + line * (20_000_000 // len(line))
    start = time.perf_counter()
    result = _build(tmp_path, {"huge.mdx": big})
    elapsed = time.perf_counter() - start
    [d] = _found(result, "page-too-large")
    assert d.file == "huge.mdx" and d.severity == "warning"
    assert d.line == big.count("\n", 0, big.rfind("\n\n", 0, MAX_PAGE_CHARS)) + 1
    assert "Plenty of words" in (tmp_path / "out" / "huge" / "index.html").read_text()
    print(f"20 MB page: {elapsed:.1f}s")  # a figure, not an assert: the machine is shared


@pytest.mark.parametrize(
    "text",
    [
        "<Note>\n" * 2000 + "deep\n" + "</Note>\n" * 2000,
        "<div>" * 2000 + "deep" + "</div>" * 2000 + "\n",
        "".join("  " * i + "<Card>\n" for i in range(300))
        + "deep\n"
        + "".join("  " * i + "</Card>\n" for i in reversed(range(300))),
    ],
    ids=["components", "html-on-one-line", "indented"],
)
def test_two_thousand_levels_of_components(tmp_path: Path, text: str) -> None:
    result = _build(tmp_path, {"deep.mdx": "# Deep\n\n" + text})
    [d] = _found(result, "mdx-depth")
    assert d.file == "deep.mdx" and d.severity == "error" and d.line >= 3


@pytest.mark.parametrize(
    "text",
    [
        ">" * 2000 + " quoted\n",
        "".join("  " * i + "- item\n" for i in range(2000)),
        "[" * 2000 + "x" + "]" * 2000 + "\n\n" + "*" * 2000 + "x" + "*" * 2000 + "\n",
        "{" * 2000 + "}" * 2000 + "\n",
        "<Card title={" + "[" * 2000 + "]" * 2000 + "} />\n",
    ],
    ids=["blockquotes", "lists", "brackets-and-emphasis", "braces", "expression"],
)
def test_two_thousand_levels_of_markdown(tmp_path: Path, text: str) -> None:
    _build(tmp_path, {"deep.mdx": "# Deep\n\n" + text})
    assert (tmp_path / "out" / "deep" / "index.html").is_file()


def test_circular_snippet_imports(tmp_path: Path) -> None:
    result = _build(
        tmp_path,
        {
            "page.mdx": 'import A from "/snippets/a.mdx";\n\n<A />\n\nAfter.\n',
            "snippets/a.mdx": 'import B from "/snippets/b.mdx";\n\nIn A.\n\n<B />\n',
            "snippets/b.mdx": 'import A from "/snippets/a.mdx";\n\nIn B.\n\n<A />\n',
        },
    )
    [d] = _found(result, "snippet-cycle")
    assert (d.file, d.line, d.severity) == ("snippets/b.mdx", 5, "error")
    assert "snippets/a.mdx -> snippets/b.mdx -> snippets/a.mdx" in d.message
    html = (tmp_path / "out" / "page" / "index.html").read_text()
    assert "In A." in html and "In B." in html and "After." in html


def test_snippet_bomb_is_bounded(tmp_path: Path) -> None:
    """Ten snippets each using the next ten times: 10^10 expansions without a bound."""
    files: dict[str, Any] = {"page.mdx": 'import S0 from "/snippets/s0.mdx";\n\n<S0 />\n'}
    for i in range(10):
        files[f"snippets/s{i}.mdx"] = (
            f'import S{i + 1} from "/snippets/s{i + 1}.mdx";\n\n' + f"<S{i + 1} />\n\n" * 10
        )
    files["snippets/s10.mdx"] = "leaf\n"
    start = time.perf_counter()
    result = _build(tmp_path, files)
    [d] = _found(result, "snippet-depth")  # no cycle: it was reported as one
    assert "one expansion too many" in d.message and not _found(result, "snippet-cycle")
    print(f"snippet bomb: {time.perf_counter() - start:.1f}s")


_SPEC_HEAD = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}}


def _operation(schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "/things": {
            "post": {
                "summary": "Make a thing",
                "requestBody": {"content": {"application/json": {"schema": schema}}},
                "responses": {"200": {"description": "OK"}},
            }
        }
    }


def test_circular_and_cross_file_refs(tmp_path: Path) -> None:
    spec = {
        **_SPEC_HEAD,
        "paths": _operation({"$ref": "#/components/schemas/Node"}),
        "components": {
            "schemas": {
                "Node": {
                    "type": "object",
                    "properties": {
                        "child": {"$ref": "#/components/schemas/Node"},
                        "other": {"$ref": "other.json#/Other"},
                    },
                }
            }
        },
    }
    other = {"Other": {"type": "object", "properties": {"back": {"$ref": "api.json#/components/schemas/Node"}, "name": {"type": "string"}}}}  # fmt: skip
    result = _build(
        tmp_path,
        {"api.json": spec, "other.json": other, "make.mdx": "---\nopenapi: POST /things\n---\n"},
    )
    assert not [d for d in result.diagnostics if d.severity == "error"], result.diagnostics
    html = (tmp_path / "out" / "make" / "index.html").read_text()
    assert "param-child" in html and "param-other-name" in html


def test_ref_loop_and_missing_file(tmp_path: Path) -> None:
    spec = {
        **_SPEC_HEAD,
        "paths": _operation(
            {
                "type": "object",
                "properties": {
                    "a": {"$ref": "#/components/schemas/A"},
                    "gone": {"$ref": "missing.json#/Thing"},
                },
            }
        ),
        "components": {
            "schemas": {
                "A": {"$ref": "#/components/schemas/B"},
                "B": {"$ref": "#/components/schemas/A"},
            }
        },  # fmt: skip
    }
    result = _build(tmp_path, {"api.json": spec, "make.mdx": "---\nopenapi: POST /things\n---\n"})
    refs = _found(result, "openapi-ref")
    messages = " | ".join(d.message for d in refs)
    assert "file 'missing.json' not found" in messages and "loops on itself" in messages
    assert all(d.file == "api.json" and d.line >= 1 for d in refs), refs
    assert (tmp_path / "out" / "make" / "index.html").is_file()


def test_duplicate_heading_ids(tmp_path: Path) -> None:
    result = _build(
        tmp_path, {"page.mdx": "# T\n\n## Same\n\n## Same\n\n## One {#x}\n\n## Two {#x}\n"}
    )
    [d] = _found(result, "duplicate-id")
    assert (d.file, d.line, d.severity) == ("page.mdx", 9, "warning")
    html = (tmp_path / "out" / "page" / "index.html").read_text()
    for anchor in ("same", "same-2", "x", "x-2"):
        assert f'id="{anchor}"' in html


def test_empty_files(tmp_path: Path) -> None:
    result = _build(
        tmp_path,
        {
            "empty.mdx": "",
            "only-frontmatter.mdx": "---\n---\n",
            "snippets/empty.mdx": "",
            "uses.mdx": 'import E from "/snippets/empty.mdx";\n\n<E />\n',
            "spec.yaml": "",
            "spec.json": "",
        },
    )
    assert (tmp_path / "out" / "empty" / "index.html").is_file()
    assert "<title>Empty" in (tmp_path / "out" / "empty" / "index.html").read_text()
    docs = write_site(tmp_path / "docs2", {"index.mdx": ""})
    (docs / "docs.json").write_text("")
    empty = build_site(docs, tmp_path / "out2")
    assert empty.fatal is not None and "docs.json:1:1" in empty.fatal
    assert not result.diagnostics or all(
        d.severity != "error" or d.file.startswith("spec") for d in result.diagnostics
    )


def test_symlink_loop_in_docs_folder(tmp_path: Path) -> None:
    docs = write_site(
        tmp_path / "docs", {"ok.mdx": OK_PAGE, "guides/a.mdx": "# A\n"}, minimal_config(["ok"])
    )
    try:
        (docs / "guides" / "loop").symlink_to(docs, target_is_directory=True)
        (docs / "self.mdx").symlink_to(docs / "self.mdx")
        (docs / "x.mdx").symlink_to(docs / "y.mdx")
        (docs / "y.mdx").symlink_to(docs / "x.mdx")
    except OSError:
        pytest.skip("no symlinks on this file system")
    start = time.perf_counter()
    result = build_site(docs, tmp_path / "out")
    assert time.perf_counter() - start < 120
    assert result.fatal is None
    assert not [d for d in result.diagnostics if d.code == INTERNAL_ERROR]
    assert "This page is fine." in (tmp_path / "out" / "ok" / "index.html").read_text()
    written = {p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*")}
    assert not any(p.startswith("guides/loop/") for p in written)
    json.dumps(result.report())  # the report is JSON whatever happened


def test_schema_that_grows_exponentially(tmp_path: Path) -> None:
    """Ten levels of ten properties, each level a `$ref` to the next: 10^10 fields unbounded."""
    schemas: dict[str, Any] = {}
    for level in range(10):
        target = {"$ref": f"#/components/schemas/L{level + 1}"} if level < 9 else {"type": "string"}
        schemas[f"L{level}"] = {
            "type": "object",
            "properties": {f"p{i}": target for i in range(10)},
        }
    spec = {
        **_SPEC_HEAD,
        "paths": _operation({"$ref": "#/components/schemas/L0"}),
        "components": {"schemas": schemas},
    }
    start = time.perf_counter()
    result = _build(tmp_path, {"api.json": spec, "make.mdx": "---\nopenapi: POST /things\n---\n"})
    elapsed = time.perf_counter() - start
    codes = {d.code for d in result.diagnostics}
    assert "openapi-limit" in codes
    html = (tmp_path / "out" / "make" / "index.html").read_text()
    assert "param-p0" in html and len(html) < 20_000_000
    print(f"schema bomb: {elapsed:.1f}s, {len(html):,} bytes of HTML")


def test_schema_deeper_than_the_view_draws_is_said(tmp_path: Path) -> None:
    """100 nested levels written out (no $ref): the reference stops at its depth limit and
    says so once, at the page."""
    node: dict[str, Any] = {"type": "string"}
    for level in range(100):
        node = {"type": "object", "properties": {f"d{level}": node}}
    spec = {**_SPEC_HEAD, "paths": _operation(node)}
    result = _build(tmp_path, {"api.json": spec, "deep.mdx": "---\nopenapi: POST /things\n---\n"})
    (limit,) = _found(result, "openapi-limit")
    assert limit.file == "api.json" and "levels deep" in limit.message
    html = (tmp_path / "out" / "deep" / "index.html").read_text()
    assert "param-d99" in html and "-d50" not in html


def test_report_that_cannot_be_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--report` into a folder that cannot hold it: the site is built, the report is one
    error line naming the file and the reason, exit 2, no traceback."""
    docs = write_site(tmp_path / "docs", {"index.mdx": "# Hi\n"}, minimal_config(["index"]))
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["build", str(docs), "-o", str(out), "--report", str(blocked / "r.json")]) == 2
    err = capsys.readouterr().err
    assert f"cannot write the report {blocked / 'r.json'}: Not a directory" in err, err
    assert "Traceback" not in err
    assert (out / "index.html").is_file()


def test_files_and_folders_that_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page, a snippet or a folder the system will not let the build read (no permission:
    simulated, as the tests may run as root) is a `file-unreadable` warning naming it and the
    reason, never a silent empty page or a missing folder; the rest of the site builds."""
    import errno

    files = {
        "locked.mdx": "---\ntitle: Locked\n---\n\nSecret words.\n",
        "uses.mdx": "---\ntitle: Uses\n---\nimport Part from '/snippets/part.mdx';\n\n<Part />\n",
        "snippets/part.mdx": "A part.\n",
        "private/a.png": "png",
    }
    import mintrender.load.sources

    refused = {"locked.mdx", "snippets/part.mdx"}
    real_read, real_scandir = mintrender.load.sources.read_bytes, os.scandir

    def read_bytes(path: Any, limit: int = -1) -> bytes:
        if Path(path).name in {Path(r).name for r in refused} and "docs" in Path(path).parts:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_read(path, limit)

    def scandir(path: Any = ".") -> Any:
        if str(path).endswith("private"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(mintrender.load.sources, "read_bytes", read_bytes)
    monkeypatch.setattr(os, "scandir", scandir)
    result = _build(tmp_path, files)
    found = {(d.file, d.message) for d in _found(result, "file-unreadable")}
    assert found == {
        ("locked.mdx", "cannot be read: Permission denied"),
        ("snippets/part.mdx", "cannot be read: Permission denied"),
        ("private", "this folder cannot be read: Permission denied; its files are not in the site"),
    }
    assert all(d.severity == "warning" for d in _found(result, "file-unreadable"))


def test_a_snippets_folder_that_cannot_be_entered_is_a_warning_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`chmod 000 snippets` (simulated, as the tests may run as root): looking for an imported
    snippet in it raised PermissionError (Python before 3.13), an internal error (exit 3) that
    cost the page all its content. Now the snippet is unreadable, the page builds."""
    import errno

    files = {
        "index.mdx": "---\ntitle: Home\n---\nimport A from '/snippets/a.mdx'\n\n<A />\n\nAfter it.\n",
        "snippets/a.mdx": "A part.\n",
    }
    real_stat, real_scandir = os.stat, os.scandir

    def refused(path: Any) -> bool:
        parts = Path(os.fsdecode(path)).parts
        return "snippets" in parts and "docs" in parts and parts[-1] != "snippets"

    def stat(path: Any, *args: Any, **kwargs: Any) -> Any:
        if not isinstance(path, int) and refused(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    def scandir(path: Any = ".") -> Any:
        if os.fsdecode(path).endswith("snippets"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(os, "scandir", scandir)
    result = _build(tmp_path, files)
    assert [d for d in result.diagnostics if d.code == "internal-error"] == []
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "After it." in html
    assert {d.code for d in result.diagnostics if d.severity != "info"} <= {
        "file-unreadable",
        "mdx-import",
    }


def test_a_docs_json_that_cannot_be_read_is_a_located_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`chmod 000 docs.json` (simulated, as the tests may run as root): `build` called it a
    bug in mintrender (exit 3), `check` printed a bare "Permission denied" (exit 2)."""
    import errno

    from mintrender.cli import main

    docs = write_site(tmp_path / "docs", {"index.mdx": "# Hi\n"}, minimal_config(["index"]))
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "docs.json":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    build = ["build", str(docs), "-o", str(tmp_path / "out")]
    for args, exit_code in ((build, 2), (["check", str(docs)], 2)):  # as for invalid JSON
        code = main(args)
        out = capsys.readouterr()
        text = out.out + out.err
        assert code == exit_code, (args, text)
        assert "docs.json: error: the configuration cannot be read: Permission denied" in text
        assert "[file-unreadable]" in text and "bug" not in text


def test_operation_summaries_no_file_system_takes_still_build_the_site(tmp_path: Path) -> None:
    """A NUL in an operation's summary or tag, and a 400-character summary: their generated
    pages' folders were no file names (ValueError, ENAMETOOLONG), and no site was written at
    all (exit 3). Their URLs leave the NUL out and are cut at 200 bytes."""
    long_summary = "word " * 80
    ok = {"200": {"description": "ok"}}
    paths = {
        "/a": {"get": {"summary": "List\x00pets", "tags": ["Ta\x00g"], "responses": ok}},
        "/b": {"get": {"summary": long_summary, "responses": ok}},
    }
    spec = {"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": paths}
    config = minimal_config(["ok"])
    config["navigation"]["groups"].append({"group": "API", "openapi": "openapi.json"})
    docs = write_site(
        tmp_path / "docs", {"ok.mdx": OK_PAGE, "openapi.json": json.dumps(spec)}, config
    )
    result = build_site(docs, tmp_path / "out")
    assert result.fatal is None
    assert [d.code for d in result.diagnostics if d.severity == "error"] == []
    built = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("index.html")
    )
    assert "api-reference/tag/listpets/index.html" in built
    long_page = [b for b in built if b.startswith("api-reference/word-")]
    assert len(long_page) == 1 and len(long_page[0].split("/")[1].encode()) <= 200


def test_a_page_whose_file_cannot_be_written_costs_that_page_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page whose template failed and whose path is no file name here: writing its bare
    page raised again, and the whole site was lost ("nothing was built", exit 3). Now it is
    a `page-unwritable` error for that page; the rest of the site is written."""
    import errno

    import mintrender.write.files
    import mintrender.write.site

    real_job_write = mintrender.write.site._PageJob.write
    real_write_page = mintrender.write.files.OutputWriter.write_page

    def job_write(self: Any, record: Any) -> None:
        if record.rel_path == "bad.mdx":
            raise RuntimeError("template failed")
        real_job_write(self, record)

    def write_page(self: Any, output_path: str, text: str) -> None:
        if output_path.startswith("bad/"):
            raise OSError(errno.ENAMETOOLONG, "File name too long", output_path)
        real_write_page(self, output_path, text)

    monkeypatch.setattr(mintrender.write.site._PageJob, "write", job_write)
    monkeypatch.setattr(mintrender.write.files.OutputWriter, "write_page", write_page)
    result = _build(tmp_path, {"bad.mdx": "---\ntitle: Bad\n---\n\nText.\n"})
    assert result.fatal is None
    (found,) = _found(result, "page-unwritable")
    assert found.file == "bad.mdx" and "File name too long" in found.message
    assert (tmp_path / "out" / "ok" / "index.html").is_file()


def test_extreme_boosts_and_javascript_constants_in_docs_json(tmp_path: Path) -> None:
    """A group's `"boost": 1e308` (or `-1e308`) overflowed the search index's weights: an
    internal error for the whole search (exit 3); now capped with a located warning, as is a
    page's own `boost`. `NaN`/`Infinity`, which JavaScript's JSON.parse refuses, passed
    without a word; now a located `config-json` error."""
    page = "---\ntitle: Big\nboost: 1.0e+308\n---\n\nBig words.\n"
    config = minimal_config(["ok", "big"])
    config["navigation"]["groups"][0]["boost"] = 1e308
    docs = write_site(tmp_path / "docs", {"ok.mdx": OK_PAGE, "big.mdx": page}, config)
    result = build_site(docs, tmp_path / "out")
    assert result.fatal is None and _found(result, INTERNAL_ERROR) == []
    (capped,) = _found(result, "nav-type")
    assert "boost 1e+308 is outside 0 to 1000" in capped.message and capped.line == 1
    text = (docs / "docs.json").read_text(encoding="utf-8")
    (docs / "docs.json").write_text(text.replace("1e+308", "NaN"), encoding="utf-8")
    result = build_site(docs, tmp_path / "out2")
    assert result.fatal is not None and "NaN is no JSON value" in result.fatal
    assert "[config-json]" in result.fatal and "docs.json:1:" in result.fatal
    (docs / "docs.json").write_text(text.replace("1e+308", '"NaN"'), encoding="utf-8")
    assert build_site(docs, tmp_path / "out3").fatal is None  # in a string: a string


def test_commands_never_end_in_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """From a current folder that was removed, `build`, `check` and `serve` say so in one
    line, exit 2; a failure nobody foresaw is one line calling it a bug, exit 3, and its
    traceback only with -v."""
    import mintrender.build

    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    for command in (["build"], ["check"], ["serve", "--port", "0"]):
        assert cli.main(command) == 2, command
        err = capsys.readouterr().err
        assert err.startswith("mintrender: ") and "No such file or directory" in err, err
        assert "Traceback" not in err
    monkeypatch.chdir(tmp_path)

    docs = write_site(tmp_path / "docs", {"index.mdx": "# Hi\n"}, minimal_config(["index"]))

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("unforeseen")

    monkeypatch.setattr(mintrender.build, "build", broken)
    out = str(tmp_path / "out")
    assert cli.main(["build", str(docs), "-o", out]) == 3
    err = capsys.readouterr().err
    assert "internal error (RuntimeError: unforeseen)" in err and "Traceback" not in err
    assert cli.main(["build", str(docs), "-o", out, "-v"]) == 3
    assert "Traceback" in capsys.readouterr().err


def test_lone_surrogates_huge_integers_and_deep_specs_never_stop_the_build(
    tmp_path: Path,
) -> None:
    """A lone surrogate escape (`"\\ud800"`, valid JSON and JavaScript) in docs.json, a page's
    expression or a spec stopped the whole build when the site was written (UnicodeEncodeError,
    exit 3, nothing built); an integer of 5,000 digits (past Python's limit) did too, and a JSON
    spec nested thousands deep (RecursionError). Now a lone surrogate is U+FFFD, as a browser
    shows it, a surrogate pair one character, a huge integer a float, and the deep spec an
    `openapi-syntax` error."""
    huge = "1" + "0" * 5000
    spec = (
        '{"openapi":"3.0.0","info":{"title":"t","version":"1"},'
        '"servers":[{"url":"https://a.example"}],"paths":{"/p":{"get":'
        '{"summary":"S\\udfff","responses":{"200":{"description":"ok"}}}}}}'
    )
    deep = '{"openapi":"3.0.0","info":{"title":"d","version":"1"},"paths":{},"x":'
    deep += "[" * 100_000 + "]" * 100_000 + "}"
    page = f'---\ntitle: T\nversion: {huge}\n---\n\nHi {{"\\ud800"}} {{"\\ud83d\\ude00"}} {{`t\\udfff`}}.\n'
    files = {"page.mdx": page, "openapi.json": spec, "deep.json": deep}
    docs = write_site(tmp_path / "docs", {"ok.mdx": OK_PAGE, **files})
    config = minimal_config(["ok", "page", {"group": "API", "openapi": "openapi.json"}])
    config["name"] = "Docs \\ud800"
    config["seo"] = {"metatags": {"x": "__HUGE__"}}
    config["api"] = {"openapi": ["openapi.json", "deep.json"]}
    text = json.dumps(config).replace('"__HUGE__"', huge).replace("\\\\ud800", "\\ud800")
    (docs / "docs.json").write_text(text, encoding="utf-8")
    result = build_site(docs, tmp_path / "out")
    assert result.fatal is None, result.fatal
    assert not [d for d in result.diagnostics if d.code == INTERNAL_ERROR], result.diagnostics
    html = (tmp_path / "out" / "page" / "index.html").read_text(encoding="utf-8")
    assert "Hi \ufffd 😀 t\ufffd." in html and "Docs \ufffd" in html
    assert [(d.file, d.code) for d in _found(result, "openapi-syntax")] == [
        ("deep.json", "openapi-syntax")
    ]
    assert any("S\ufffd" in p.read_text("utf-8") for p in (tmp_path / "out").rglob("*.html"))


def test_a_file_name_that_is_not_utf8_keeps_the_json_report_utf8() -> None:
    """`check --format json` wrote a file named `bad\\xff.mdx` with its raw byte (Python's
    surrogate escape), so JSON parsers refused the report; the byte is U+FFFD now."""
    from mintrender.check.report import render

    found = [Diagnostic("warning", "bad\udcff.mdx", 1, 1, "jsx-unclosed", "x", "")]
    for fmt in ("json", "sarif"):
        text = render(found, fmt)  # type: ignore[arg-type]
        assert "bad\ufffd.mdx" in json.loads(text.encode("utf-8").decode("utf-8")).__repr__()


def test_nested_inline_components_are_read_once_for_the_markdown_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`<kbd>` inside `<kbd>` 26 deep never finished: the Markdown copy read each level's
    children twice (its own text, then the component's export), doubling the work per level."""
    from mintrender.render import markdown

    calls = [0]
    real = markdown.MarkdownWriter.inline_nodes

    def counted(self: Any, items: Any) -> str:
        calls[0] += 1
        return real(self, items)

    monkeypatch.setattr(markdown.MarkdownWriter, "inline_nodes", counted)
    page = "# T\n\nPress " + "<kbd>" * 18 + "K" + "</kbd>" * 18 + " and " + "<Badge>" * 18
    page += "B" + "</Badge>" * 18 + ".\n"
    _build(tmp_path, {"keys.mdx": page})
    assert "K" in (tmp_path / "out" / "keys" / "index.html").read_text(encoding="utf-8")
    assert calls[0] < 500, calls[0]  # linear in the depth (it was 2 ** 18 and more)


def test_many_wildcard_redirects_compile_each_pattern_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """600 wildcard redirects took a minute to check and build: each look-up called
    `re.match` with the pattern's text, and past 512 patterns Python's own cache thrashed, so
    every look-up compiled again (461k compilations)."""
    import re as real_re
    import types

    from mintrender.load import redirects

    compiled = [0]

    def compile_counted(pattern: str, flags: int = 0) -> Any:
        compiled[0] += 1
        return real_re.compile(pattern, flags)

    def no_match(*args: Any) -> Any:
        raise AssertionError("a rule's pattern is matched by its text, compiled again")

    proxy = types.SimpleNamespace(
        **{k: getattr(real_re, k) for k in dir(real_re) if not k.startswith("__")}
    )
    proxy.compile, proxy.match = compile_counted, no_match
    monkeypatch.setattr(redirects, "re", proxy)
    redirects._pattern.cache_clear()
    rules = [{"source": f"/old{i}/:slug*", "destination": f"/new{i}/:slug*"} for i in range(600)]
    rules += [{"source": f"/p{i}", "destination": "/ok"} for i in range(600)]
    _build(tmp_path, {}, redirects=rules)
    assert (tmp_path / "out" / "p5" / "index.html").is_file()
    assert compiled[0] <= 600, compiled[0]


def test_refs_are_reported_at_their_place_and_their_expansions_bounded(tmp_path: Path) -> None:
    """A `$ref` to a missing file, or one outside the docs folder, was reported at
    `docs.json:1:1`; files that each refer twice to the next doubled the work per level (25
    never finished). Now each problem is at its `$ref`, each file is read once, and past
    2,000 expansions one `config-ref` error says the rest are left out."""
    files = {
        f"r{i}.json": json.dumps({"group": f"G{i}", "pages": [{"$ref": f"r{i + 1}.json"}] * 2})
        for i in range(24)
    }
    files["r24.json"] = json.dumps({"group": "End", "pages": ["ok"]})
    config = minimal_config(["ok"])
    config["navigation"] = {
        "groups": [
            {"group": "Start", "pages": ["ok"]},
            {"$ref": "missing.json"},
            {"$ref": "../outside.json"},
            {"$ref": "r0.json"},
        ]
    }
    docs = write_site(tmp_path / "docs", {"ok.mdx": OK_PAGE, **files})
    (docs / "docs.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    result = build_site(docs, tmp_path / "out")
    assert result.fatal is None, result.fatal
    refs = [(d.file, d.line, d.message) for d in _found(result, "config-ref")]
    text = (docs / "docs.json").read_text(encoding="utf-8").split("\n")
    missing = next(i + 1 for i, t in enumerate(text) if "missing.json" in t)
    outside = next(i + 1 for i, t in enumerate(text) if "outside.json" in t)
    at = {(f, ln): m for f, ln, m in refs}
    assert "'missing.json' cannot be read" in at[("docs.json", missing)], refs
    assert "points outside the docs folder" in at[("docs.json", outside)], refs
    assert [m for _, _, m in refs if m.startswith("more than")] == [
        "more than 2,000 $ref expansions (files that each refer to others several times); "
        "the rest are left out"
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_in_the_docs_folder_is_left_out_with_a_warning(tmp_path: Path) -> None:
    """`mkfifo notes.mdx`: `check` and `build` opened it and waited for ever. A pipe, socket
    or device is left out with a `file-unreadable` warning, and the rest builds."""
    from mintrender.check.command import check_folder
    from mintrender.check.options import CheckOptions

    docs = write_site(tmp_path / "docs", {"ok.mdx": OK_PAGE}, minimal_config(["ok"]))
    os.mkfifo(docs / "notes.mdx")
    os.mkfifo(docs / "data.txt")
    result = build_site(docs, tmp_path / "out")
    found = sorted((d.file, d.severity) for d in _found(result, "file-unreadable"))
    assert found == [("data.txt", "warning"), ("notes.mdx", "warning")]
    assert (tmp_path / "out" / "ok" / "index.html").is_file()
    checked = check_folder(CheckOptions(docs_dir=docs))
    assert "file-unreadable" in {d.code for d in checked.diagnostics}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_named_like_a_spec_or_a_ref_never_hangs(tmp_path: Path) -> None:
    """`mkfifo p.json`: spec discovery read every `.json` and `.yaml` file, a docs.json
    `$ref` and a navigation spec were read too, and a pipe never ends: `build` and `check`
    waited for ever. Each is left out with a diagnostic, and the rest builds."""
    import subprocess
    import sys

    config = minimal_config(["ok"])
    config["footer"] = {"$ref": "./r.json"}
    config["navigation"]["groups"].append({"group": "API", "openapi": "q.json"})
    docs = write_site(tmp_path / "docs", {"ok.mdx": OK_PAGE}, config)
    for name in ("p.json", "q.json", "r.json", "s.yaml"):
        os.mkfifo(docs / name)
    for command in (["build", str(docs), "-o", str(tmp_path / "out")], ["check", str(docs)]):
        done = subprocess.run(
            [sys.executable, "-m", "mintrender", *command],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
        assert "$ref './r.json' cannot be read: not a regular file" in done.stdout + done.stderr
    assert (tmp_path / "out" / "ok" / "index.html").is_file()


def test_a_script_url_is_left_out_of_every_link_with_a_warning(tmp_path: Path) -> None:
    """`<a href="javascript:…">` was left out with an `unsafe-url` warning, but a Card's or
    Tile's stayed a live link without a word (the default build, not only `--safe`)."""
    page = (
        '# T\n\n[md](javascript:alert(1))\n\n<a href="javascript:alert(2)">a</a>\n\n'
        '<Card title="card" href="javascript:alert(3)">x</Card>\n\n'
        '<Tile href="JavaScript:alert(5)" title="t">x</Tile>\n\n'
        '<Card title="fine" href="/ok">y</Card>\n'
    )
    result = _build(tmp_path, {"links.mdx": page})
    assert sorted(d.line for d in _found(result, "unsafe-url")) == [5, 7, 9]
    html = (tmp_path / "out" / "links" / "index.html").read_text(encoding="utf-8")
    assert not re.search(r'href="[^"]*script:', html, re.I)
    assert '<div class="mr-card card" data-component="card">' in html
    assert 'class="mr-card card mr-card--link" href="/ok/"' in html


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("<Note>Never closed.\n\nMore.\n", 1),  # text after the tag on its line
        ("<Note>\n  Never closed.\n", 1),
        ("Intro <Note>inline, never closed.\n\nMore.\n", 7),
    ],
)
def test_an_unclosed_tag_is_reported_once(tmp_path: Path, text: str, column: int) -> None:
    """`<Note>Never closed.` was two `jsx-unclosed` errors at one place: the block rule
    reported it, then left the line to the paragraph rule, which reported it again."""
    result = _build(tmp_path, {"page.mdx": text})
    found = [(d.line, d.column) for d in _found(result, "jsx-unclosed")]
    assert found == [(1, column)]


def test_build_reports_a_page_listed_twice_as_check_does(tmp_path: Path) -> None:
    """Turso lists `features/branching` twice: `check` said so, `build` said nothing, and
    `build --strict` passed. Both report it, at the second entry."""
    config = minimal_config(
        [{"group": "A", "pages": ["index"]}, {"group": "B", "pages": ["index"]}]
    )
    docs = write_site(tmp_path / "docs", {"index.mdx": "# Hi\n"}, config)
    result = build_site(docs, tmp_path / "out")
    [found] = _found(result, "nav-duplicate")
    assert found.file == "docs.json" and "'index' is already listed" in found.message
    strict = cli.main(["build", str(docs), "-o", str(tmp_path / "out2"), "--strict", "-q"])
    assert strict == 1


def test_a_manual_api_page_with_no_server_anywhere_is_said(tmp_path: Path) -> None:
    """`api: "POST /v2/emails"` with no `api.mdx.server`: the samples and the playground send
    the request to the docs site itself, and nothing said so. An absolute URL, or a server in
    docs.json, says nothing."""
    page = '---\ntitle: Send\napi: "POST /v2/emails"\n---\n\n<ParamField body="to" type="string">To</ParamField>\n'
    absolute = '---\ntitle: Get\napi: "GET https://api.example.com/v2/x"\n---\n\nX.\n'
    files = {"send.mdx": page, "get.mdx": absolute}
    result = _build(tmp_path / "a", files)
    assert [(d.file, d.line, d.severity) for d in _found(result, "api-frontmatter")] == [
        ("send.mdx", 3, "info")
    ]
    served = _build(tmp_path / "b", files, api={"mdx": {"server": "https://api.example.com"}})
    assert _found(served, "api-frontmatter") == []


def test_an_unknown_icon_on_a_code_fence_is_reported_where_it_is_written(tmp_path: Path) -> None:
    """```` ```js icon="nosuchicon" ```` gave its `unknown-icon` warning at line 0: the
    highlighter did not know the fence's line. A fence in a CodeGroup too."""
    page = (
        '# T\n\n```js icon="nosuchicon"\nx\n```\n\n<CodeGroup>\n'
        '```py a.py icon="nosuchicon2"\ny\n```\n</CodeGroup>\n'
    )
    result = _build(tmp_path, {"fences.mdx": page})
    found = [(d.line, d.column) for d in _found(result, "unknown-icon")]
    assert found == [(3, 13), (8, 18)]


def test_keywords_written_as_text_are_a_list() -> None:
    """`keywords: setup, install` (text, where Mintlify documents a list) was dropped without a
    word, so none of them was searchable; it is the list its commas separate."""
    from mintrender.model import PageMeta

    assert PageMeta.of({"keywords": "setup, install ,"}).keywords == ("setup", "install")
    assert PageMeta.of({"keywords": ["a", 2]}).keywords == ("a", "2")
    assert PageMeta.of({"keywords": 5}).keywords == ()
