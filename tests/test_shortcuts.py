"""The speed shortcuts (renderer/parse/lean.py, the ESM scan, page_specs, the redirect matcher)
give what the long way gives: footnotes and task lists where a page has them, statements of any
length, specs named in frontmatter whatever the line endings or characters before them, the
first matching redirect rule."""

from __future__ import annotations

from pathlib import Path

from mintrender.parse.esm import scan_statements
from mintrender.parse.mdx import make_markdown
from mintrender.parse.statements import STATEMENT_WINDOW, statement_end
from mintrender.render.specfiles import page_specs


def _types(text: str) -> list[str]:
    tokens = make_markdown().parse(text, {"src_path": "p.mdx", "scope": {}})
    out = []
    for tok in tokens:
        out.append(tok.type)
        out += [child.type for child in tok.children or []]
    return out


def test_footnotes_still_move_to_the_end_of_a_page_that_has_them() -> None:
    types = _types("Text[^1] and more.\n\n[^1]: The note.\n\nLast paragraph.\n")
    assert "footnote_ref" in types
    assert types.index("footnote_block_open") > types.index("footnote_ref")
    assert "footnote_block_open" not in _types("Text with [^1] but no note.\n")


def test_task_list_items_still_get_their_checkbox() -> None:
    tokens = make_markdown().parse("- [x] done\n- [ ] to do\n- plain\n", {"scope": {}})
    checkboxes = [
        c.content
        for t in tokens
        for c in t.children or []
        if c.type == "html_inline" and "checkbox" in c.content
    ]
    assert len(checkboxes) == 2
    assert 'checked="checked"' in checkboxes[0]


def test_a_statement_longer_than_the_window_is_read_to_its_end() -> None:
    body = [f"  k{i}: {i}," for i in range(STATEMENT_WINDOW + 10)]
    lines = ["export const big = {", *body, "};", "", "# Title"]
    assert statement_end(lines, 0) == len(body) + 2
    short = ["import A from '/snippets/a.mdx'", *["text"] * (STATEMENT_WINDOW * 2)]
    assert statement_end(short, 0) == 1
    # a template literal opened in the window and closed after it
    literal = ["export const t = `", *["line"] * STATEMENT_WINDOW, "`;", "after"]
    assert statement_end(literal, 0) == STATEMENT_WINDOW + 2


def test_the_esm_scan_skips_fences_and_finds_statements_after_them() -> None:
    source = "\n".join(
        [
            "import A from '/snippets/a.mdx'",
            "",
            "```js",
            "import notMe from 'x'",
            "```",
            "  import indented from 'y'",
            "export const x = 1",
            "~~~~",
            "export const no = 2",
            "~~~~",
            "export default function F() {",
            "  return 1",
            "}",
        ]
    )
    found = [(s.start_line, s.end_line) for s in scan_statements(source)]
    # line 6 continues the paragraph of line 5: text, as remark-mdx reads it
    assert found == [(0, 1), (10, 13)]


def test_an_esm_line_that_continues_a_paragraph_or_list_item_is_text() -> None:
    """remark-mdx reads `import`/`export` as ESM only where a block may start: a real page
    (Plane's API introduction) ends a list with `import { appendFileSync } from "fs"`."""
    continued = ["* item", "text", "| a | b |", "  indented text"]
    for before in continued:
        assert scan_statements(f"{before}\nimport {{ a }} from 'fs'\n") == [], before
        assert scan_statements(f"{before}\nexport const x = 1\n") == [], before
    starts = ["", "# Title", "</Card>", "<Snippet />", "---", "* * *"]
    for before in starts:
        found = scan_statements(f"{before}\nimport A from '/a.mdx'\n")
        assert [(s.start_line, s.text) for s in found] == [(1, "import A from '/a.mdx'")], before
    two = scan_statements("import A from '/a.mdx'\nimport B from '/b.mdx'\n")
    assert [s.start_line for s in two] == [0, 1]
    # a line of code spans that starts like a fence opens none (remark-mdx: inlineCode, then ESM)
    spans = scan_statements("```js a``` inline\n\nimport A from '/a.mdx'\n")
    assert [(s.start_line, s.text) for s in spans] == [(2, "import A from '/a.mdx'")]


def test_page_specs_reads_frontmatter_with_crlf_and_non_ascii_text(tmp_path: Path) -> None:
    (tmp_path / "api.json").write_text('{"openapi": "3.0.0", "paths": {}}', encoding="utf-8")
    (tmp_path / "a.mdx").write_bytes(
        "---\r\ntitle: Café ünïcode\r\nopenapi: /api.json GET /x\r\n---\r\nBody\r\n".encode()
    )
    (tmp_path / "b.mdx").write_text("No frontmatter, openapi: /api.json GET /x\n")
    (tmp_path / "c.mdx").write_text("---\ntitle: " + "é" * 5000 + "\nopenapi: /api.json GET /y\n")
    found = page_specs(tmp_path, ["a.mdx", "b.mdx", "c.mdx", "missing.mdx"])
    assert found["openapi"] == {"api.json"}
    # c.mdx names its spec after its first 4,096 characters: not read, as before
    assert page_specs(tmp_path, ["c.mdx"])["openapi"] == set()


def test_the_redirect_matcher_answers_as_the_rule_by_rule_match() -> None:
    from types import SimpleNamespace

    from mintrender.load.redirects import compile_rules, match, matcher

    def r(source: str, destination: str) -> SimpleNamespace:
        return SimpleNamespace(source=source, destination=destination, permanent=True)

    rules = compile_rules(
        [
            r("/old/:slug", "/new/:slug"),  # a wildcard before a concrete source wins
            r("/old/page", "/never"),
            r("/a", "/b"),
            r("/a/", "/c"),  # the same source again: the first rule wins
            r("/docs/*", "/guides/*"),
            r("/z", "/y"),
        ]
    )
    find = matcher(rules)
    for path in ("/old/page", "/a", "/a/", "/a/index.html", "/docs/x/y", "/z", "/none", "/"):
        assert find(path) == match(rules, path), path
    assert find("/old/page") is not None and find("/old/page")[1] == "/new/page"


def test_json_pointer_lines_are_found_in_any_order(tmp_path: Path) -> None:
    import json

    from mintrender.openapi.source import SpecSource

    paths = {f"/p{i}": {"get": {"tags": ["a", "b"], "summary": f"s{i}"}} for i in range(30)}
    text = json.dumps({"openapi": "3.0.0", "paths": paths}, indent=2)
    lines = text.split("\n")

    def spec() -> SpecSource:
        return SpecSource("s.json", tmp_path / "s.json", text, json.loads(text), "json")

    def line_of(needle: str) -> int:
        return next(i for i, ln in enumerate(lines, 1) if needle in ln)

    one = spec()
    for i in (29, 3, 17, 0):  # later paths first, then earlier ones: read once, still right
        assert one.line(f"/paths/~1p{i}/get/summary") == line_of(f'"summary": "s{i}"')
    assert one.line("/paths/~1p5/get/tags/1") == line_of('"summary": "s5"') - 2
    assert one.position("/paths/~1p5/get/nope") == spec().position("/paths/~1p5/get")
    assert one.position("/paths/~1p5/get/tags/7") == (1, 1)  # past the array's end
