"""Pages that are not UTF-8 (issue 11, class 8): read with a Windows-1252 fallback, warned at
the first bad byte, in the build and in its Markdown copy alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitekit import build_site, minimal_config, write_site

from mintrender.load.encoding import decode_source
from mintrender.load.sources import Reader


@pytest.mark.parametrize(
    ("data", "text", "bad"),
    [
        (b"caf\xe9", "café", (1, 4, 0xE9)),
        (b"# T\n\n\x93quoted\x94 \xe2\x80\x99", "# T\n\n“quoted” ’", (3, 1, 0x93)),
        ("\ufeffcafé".encode(), "café", None),
        ("café ✓".encode("utf-16"), "café ✓", None),
        (b"ok \xe2\x80\x99 then caf\xe9", "ok ’ then café", (1, 14, 0xE9)),
    ],
    ids=["latin-1", "cp1252-quotes", "utf-8-bom", "utf-16-bom", "mixed"],
)
def test_decode_falls_back_per_bad_byte(data: bytes, text: str, bad: object) -> None:
    decoded = decode_source(data)
    assert (decoded.text, decoded.bad) == (text, bad)


def test_a_file_with_a_nul_byte_is_binary_and_left_out() -> None:
    decoded = decode_source(b"# Title\nab\x00\x01\xff")
    assert (decoded.text, decoded.bad, decoded.binary) == ("", (2, 3, 0), True)
    assert "binary" in decoded.problem()
    assert decode_source("a\x00".encode("utf-16")).binary is False  # UTF-16 with a BOM is text


def test_reader_remembers_which_files_needed_the_fallback(tmp_path: Path) -> None:
    (tmp_path / "a.mdx").write_bytes(b"caf\xe9")
    (tmp_path / "b.mdx").write_text("café", encoding="utf-8")
    read = Reader(tmp_path)
    assert (read("a.mdx"), read("b.mdx"), read("missing.mdx")) == ("café", "café", None)
    assert set(read.not_utf8) == {"a.mdx"}


def test_latin1_page_builds_with_a_warning_at_its_first_bad_byte(tmp_path: Path) -> None:
    docs = write_site(
        tmp_path / "docs",
        {
            "index.mdx": "---\ntitle: Home\n---\n\nFine.\n",
            "menu.mdx": b"---\ntitle: Menu\n---\n\nUn caf\xe9 cr\xe8me, s'il vous pla\xeet.\n",
            "snippets/tip.mdx": b"Pay at the caisse \x96 thanks.\n",
            "tips.mdx": '---\ntitle: Tips\n---\n\nimport Tip from "/snippets/tip.mdx";\n\n<Tip />\n',
        },
        minimal_config(["index", "menu", "tips"]),
    )
    result = build_site(docs)
    html = (tmp_path / "docs-out" / "menu" / "index.html").read_text(encoding="utf-8")
    assert "Un café crème" in html and "plaît." in html
    assert "\ufffd" not in html
    tips = (tmp_path / "docs-out" / "tips" / "index.html").read_text(encoding="utf-8")
    assert "Pay at the caisse – thanks." in tips
    found = sorted(
        (d.file, d.line, d.column, d.severity)
        for d in result.diagnostics
        if d.code == "file-encoding"
    )
    assert found == [("menu.mdx", 5, 7, "warning"), ("snippets/tip.mdx", 1, 19, "warning")]
    message = next(d.message for d in result.diagnostics if d.code == "file-encoding")
    assert "0xE9" in message and "Windows-1252" in message


CRLF_SITE = {
    "index.mdx": (
        '---\ntitle: "Hello"\ndescription: "A page"\nmode: "wide"\n---\n'
        "import { Chip } from '/snippets/chip.jsx';\nimport Intro from '/snippets/intro.mdx';\n\n"
        'export const name = "World";\n\n## Hi {name}\n\n<Intro />\n\n<Chip label="x" />\n\n'
        '<Tabs>\n  <Tab title="One">\n    Text **bold**.\n\n    ```js title="a.js"\n'
        "    const a = 1;\n    ```\n  </Tab>\n</Tabs>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    ),
    "snippets/chip.jsx": (
        'export const Chip = ({ label }) => {\n  return <span className="chip">{label}</span>;\n};\n'
    ),
    "snippets/intro.mdx": "---\ntitle: ignored\n---\nIntro **text**.\n",
    "api.mdx": '---\ntitle: "Create"\nopenapi: "POST /x"\n---\n',
    "openapi.json": (
        '{"openapi": "3.0.0", "info": {"title": "T", "version": "1"},\n "paths": {"/x": {"post":'
        ' {"summary": "X", "responses": {"200": {"description": "OK"}}}}}}\n'
    ),
}


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["windows-crlf", "old-mac-cr"])
def test_files_saved_with_other_line_endings_build_as_with_lf(tmp_path: Path, ending: str) -> None:
    """CommonMark and MDX read CRLF and CR as line endings: a site saved on Windows (Sequence's
    pages) has the same frontmatter, imports, exports, components and API pages as with LF."""
    config = minimal_config(["index", "api"])
    lf = write_site(tmp_path / "lf", CRLF_SITE, config)
    other = write_site(
        tmp_path / "other", {k: v.replace("\n", ending) for k, v in CRLF_SITE.items()}, config
    )
    results = [build_site(docs, tmp_path / f"{docs.name}-out") for docs in (lf, other)]
    assert [d.format() for r in results for d in r.diagnostics if d.severity != "info"] == []
    for page in ("index.html", "index.md", "api/index.html", "llms-full.txt"):
        want = (tmp_path / "lf-out" / page).read_text(encoding="utf-8")
        assert (tmp_path / "other-out" / page).read_text(encoding="utf-8") == want, page
    home = (tmp_path / "other-out" / "index.html").read_text(encoding="utf-8")
    assert "<title>Hello" in home and 'class="chip">x</span>' in home
    assert "Intro <strong>text</strong>" in home and 'id="hi-world"' in home
