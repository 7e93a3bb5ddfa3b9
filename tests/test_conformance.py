"""Conformance with the reference MDX parser (remark-parse + remark-mdx + remark-gfm +
remark-frontmatter, run by node): every page of the shared corpora and every fixture input is
parsed by both, and their block outlines must agree: JSX elements by name and nesting, code
blocks, headings, lists and list items.

The oracle is installed with npm into a temporary folder keyed by its versions (CI pays once;
its outlines are cached there by page text too), never a runtime dependency; without node or
npm, or when the install fails, the test is skipped with the reason. Pages the reference
rejects (MDX errors: HTML comments, unclosed tags...) are counted, not compared. Differences
we keep on purpose are listed in tests/conformance/differences.toml, each with its reason.

Run with `-s` to see the agreement figure.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomllib
from markdown_it.utils import read_fixture_file
from sitekit import CORPORA

from mintrender.errors import Diagnostic, Diagnostics
from mintrender.load.sources import Reader
from mintrender.parse.mdx import parse_page

HERE = Path(__file__).parent
SCRIPT = HERE / "conformance" / "outline.mjs"
DIFFERENCES = HERE / "conformance" / "differences.toml"
FIXTURE_DOCS = HERE / "fixtures" / "mdx" / "docs"
ORACLE = {
    "unified": "11.0.5",
    "remark-parse": "11.0.0",
    "remark-mdx": "3.1.1",
    "remark-gfm": "4.0.1",
    "remark-frontmatter": "5.0.0",
}
CORPUS_NAMES = ("modelslab", "mintlify-docs")
_OPEN = {"bullet_list_open": "ul", "ordered_list_open": "ol", "list_item_open": "li"}
_CLOSE = frozenset(
    {"component_close", "bullet_list_close", "ordered_list_close", "list_item_close"}
)

Outline = list[tuple[int, str, int]]


def oracle_dir() -> Path:
    """The folder holding the oracle's node_modules and script (installed once per version)."""
    npm, node = shutil.which("npm"), shutil.which("node")
    if not npm or not node:
        pytest.skip("node and npm are needed for the reference MDX parser (remark-mdx)")
    script = SCRIPT.read_bytes()
    key = hashlib.sha256(json.dumps(ORACLE, sort_keys=True).encode() + script).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / f"mintrender-mdx-oracle-{key}"
    if not (folder / "installed").is_file():
        work = Path(tempfile.mkdtemp(prefix="mintrender-mdx-oracle-"))
        (work / "package.json").write_text('{"private": true, "type": "module"}\n')
        specs = [f"{name}@{version}" for name, version in ORACLE.items()]
        try:
            done = subprocess.run(
                [npm, "install", "--no-audit", "--no-fund", "--ignore-scripts", *specs],
                cwd=work,
                capture_output=True,
                text=True,
                timeout=600,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            shutil.rmtree(work, ignore_errors=True)
            pytest.skip(f"npm install of the reference MDX parser failed: {exc}")
        if done.returncode != 0:
            shutil.rmtree(work, ignore_errors=True)
            tail = " ".join(done.stderr.strip().splitlines()[-3:])
            pytest.skip(f"npm install of the reference MDX parser failed: {tail}")
        (work / "outline.mjs").write_bytes(script)
        (work / "installed").write_text(" ".join(specs) + "\n")
        try:
            work.rename(folder)
        except OSError:  # another run installed it meanwhile
            shutil.rmtree(work, ignore_errors=True)
    return folder


def reference_outlines(pages: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Page id -> `{"outline": [...]}` or `{"error": ...}`, cached by page text."""
    folder = oracle_dir()
    cache_file = folder / "outlines.json"
    cache: dict[str, Any] = {}
    if cache_file.is_file():
        cache = json.loads(cache_file.read_text(encoding="utf-8"))
    digest = {pid: hashlib.sha256(text.encode()).hexdigest() for pid, text in pages.items()}
    todo = [{"id": pid, "text": pages[pid]} for pid in pages if digest[pid] not in cache]
    if todo:
        done = subprocess.run(
            ["node", str(folder / "outline.mjs")],
            input=json.dumps(todo),
            capture_output=True,
            text=True,
            cwd=folder,
            timeout=900,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        for line in done.stdout.splitlines():
            result = json.loads(line)
            cache[digest[result.pop("id")]] = result
        tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(cache), encoding="utf-8")
        tmp.replace(cache_file)
    return {pid: cache[digest[pid]] for pid in pages}


def our_outline(rel: str, text: str, docs_dir: Path, read: Reader) -> Outline:
    """The same outline from mintrender's token stream (snippets not expanded: the reference
    parses the page as written; snippet files are pages of their own here)."""
    parsed = parse_page(
        rel, text, docs_dir=docs_dir, diagnostics=Diagnostics(), read=read, expand=False
    )
    out: Outline = []
    depth = 0

    def visit(tokens: list[Any], line: int) -> None:
        nonlocal depth
        for tok in tokens:
            at = tok.map[0] + 1 if tok.map else line
            kind = (
                f"<{tok.meta.get('written', tok.meta['name'])}>"
                if tok.type == "component_open"
                else _OPEN.get(tok.type)
                or (
                    "code" if tok.type == "fence" else tok.tag if tok.type == "heading_open" else ""
                )
            )
            if kind:
                out.append((depth, kind, at))
                depth += tok.type != "fence" and tok.type != "heading_open"
            elif tok.type in _CLOSE:
                depth -= 1
            if tok.children:
                visit(tok.children, at)

    visit(parsed.tokens, 1)
    return out


def corpus_pages() -> Iterator[tuple[str, Path, str, str]]:
    """(id, docs dir, rel path, text) of every MDX file of the shared corpora and fixture."""
    for name in CORPUS_NAMES:
        root = CORPORA / name
        for path in sorted(root.rglob("*.mdx")):
            rel = path.relative_to(root).as_posix()
            if "node_modules" in rel or any(part.startswith(".") for part in rel.split("/")):
                continue
            yield f"{name}/{rel}", root, rel, path.read_text(encoding="utf-8")
    for folder in ("mdx", "components"):
        for file in sorted((HERE / "fixtures" / folder).glob("*.md")):
            for line, _title, source, _expected in read_fixture_file(file):
                yield f"fixtures/{folder}/{file.stem}.md:{line}", FIXTURE_DOCS, "page.mdx", source


def _first_difference(ref: Outline, ours: Outline) -> str:
    at = next(
        (i for i, (a, b) in enumerate(zip(ref, ours, strict=False)) if a[:2] != b[:2]),
        min(len(ref), len(ours)),
    )
    ref_at = ref[at] if at < len(ref) else "(end)"
    ours_at = ours[at] if at < len(ours) else "(end)"
    return f"entry {at}: reference {ref_at}, mintrender {ours_at}"


def test_block_outline_agrees_with_the_reference_mdx_parser() -> None:
    pages = list(corpus_pages())
    assert pages, "no pages found"
    reference = reference_outlines({pid: text for pid, _, _, text in pages})
    listed: dict[str, str] = tomllib.loads(DIFFERENCES.read_text(encoding="utf-8"))["pages"]
    readers: dict[Path, Reader] = {}
    agree = rejected = 0
    differ: dict[str, str] = {}
    for pid, docs_dir, rel, text in pages:
        ref = reference[pid]
        if "error" in ref:
            rejected += 1
            continue
        read = readers.setdefault(docs_dir, Reader(docs_dir))
        ours = our_outline(rel, text, docs_dir, read)
        expected: Outline = [(int(d), str(k), int(n)) for d, k, n in ref["outline"]]
        if [e[:2] for e in expected] == [e[:2] for e in ours]:
            agree += 1
        else:
            differ[pid] = _first_difference(expected, ours)
    compared = agree + len(differ)
    print(
        f"\nconformance: {agree} of {compared} pages agree with remark-mdx "
        f"({100 * agree / compared:.2f}%), {len(differ)} differ "
        f"({len(set(differ) & set(listed))} listed), {rejected} rejected by the reference"
    )
    unlisted = {pid: why for pid, why in differ.items() if pid not in listed}
    stale = sorted(pid for pid in listed if pid not in differ)
    assert not unlisted, "outlines differ from remark-mdx:\n" + "\n".join(
        f"{pid}: {why}" for pid, why in sorted(unlisted.items())
    )
    assert not stale, f"listed in {DIFFERENCES.name} but agree now: {stale}"


VOID_CASES = {
    "br-flow": "<br>\n",
    "br-inline": "A line<br>and the next.\n",
    "br-closed": "A line<br />and the next.\n",
    "br-paired": "<br></br>\n",
    "br-table": "| a | b |\n|---|---|\n| x<br>y | z |\n",
    "br-table-closed": "| a | b |\n|---|---|\n| x<br/>y | z |\n",
    "img-flow": '<img src="/a.png" alt="a">\n',
    "img-closed": '<img src="/a.png" alt="a" />\n',
    "img-in-div": '<div>\n  <img src="/a.png">\n</div>\n',
    "hr-input": '<hr>\n\nType <input type="text"> here.\n',
    "in-code": "Inline `<br>` code.\n\n```html\n<img src=x>\n```\n",
}


def _said_where_refused(
    tmp_path: Path, prefix: str, cases: dict[str, str], code: str
) -> Iterator[tuple[str, list[Diagnostic]]]:
    """Each case's text and our `code` findings on it, once asserted that we have some exactly
    where remark-mdx refuses the page."""
    reference = reference_outlines({f"{prefix}-{k}": v for k, v in cases.items()})
    for key, text in cases.items():
        found = Diagnostics()
        parse_page("p.mdx", text, docs_dir=tmp_path, diagnostics=found, read=Reader(tmp_path))
        ours = [d for d in found if d.code == code]
        refused = "error" in reference[f"{prefix}-{key}"]
        assert bool(ours) == refused, (key, reference[f"{prefix}-{key}"], ours)
        yield text, ours


def test_an_unclosed_void_element_is_reported_where_remark_mdx_refuses_the_page(
    tmp_path: Path,
) -> None:
    """`<br>` and `<img …>` as HTML writes them: remark-mdx refuses the page (JSX closes every
    tag), so each is a `jsx-unclosed` warning, and nothing is said where the reference reads
    the page."""
    for _text, ours in _said_where_refused(tmp_path, "void", VOID_CASES, "jsx-unclosed"):
        assert all(d.severity == "warning" and d.line >= 1 for d in ours), ours


AUTOLINK_CASES = {
    "url": "Use <https://example.com> here.\n",
    "mail": "Mail <team@example.com> now.\n",
    "code": "Inline `<https://example.com>` code.\n",
    "bare": "A bare https://example.com link.\n",
    "markdown": "A [link](https://example.com).\n",
}


def test_an_autolink_is_reported_where_remark_mdx_refuses_the_page(tmp_path: Path) -> None:
    """CommonMark's `<https://…>` and `<name@host>` autolinks: MDX has none and remark-mdx
    refuses the page at the `<`; they were linked without a word. They are still linked, with
    a `jsx-syntax` warning exactly where the reference refuses the page."""
    for text, ours in _said_where_refused(tmp_path, "autolink", AUTOLINK_CASES, "jsx-syntax"):
        assert all((d.line, d.column) == (1, text.index("<") + 1) for d in ours), ours


LT_CASES = {
    "shift": "Shift with A << B here.\n",
    "amp": "Compare a <&b c.\n",
    "paren": "Call <(x) now.\n",
    "hash": "Issue <#12> is open.\n",
    "bang": "Odd <!x here.\n",
    "digit": "Love <3 you.\n",
    "space": "If a < b then.\n",
    "tag": "A <b>bold</b> word.\n",
    "code": "Code `A << B` here.\n",
}


def test_a_lt_that_cannot_start_a_tag_is_reported_where_remark_mdx_refuses_the_page(
    tmp_path: Path,
) -> None:
    """`A << B` was shown without a word where remark-mdx refuses the page ("Unexpected
    character before name"), as were `<&`, `<(`, `<#`, `<!x`: any `<` followed by what starts
    no name, no closing tag and no fragment is a `jsx-syntax` warning; `a < b` and code are not."""
    for text, ours in _said_where_refused(tmp_path, "lt", LT_CASES, "jsx-syntax"):
        assert all((d.line, d.column) == (1, text.index("<") + 1) for d in ours), ours


FINDING_CODES = ("jsx-", "mdx-", "esm-", "html-comment")
"""The codes of our findings on MDX syntax (`html-comment`: `<!-- -->`, which MDX refuses)."""


def test_every_page_remark_mdx_refuses_gets_a_located_finding() -> None:
    """Each page of the corpora and fixtures the reference refuses is rendered leniently here,
    so it must say why Mintlify would not build it: at least one MDX-syntax diagnostic with a
    line. Exceptions are listed in differences.toml's `[refused]`, each with its reason."""
    pages = list(corpus_pages())
    reference = reference_outlines({pid: text for pid, _, _, text in pages})
    listed: dict[str, str] = tomllib.loads(DIFFERENCES.read_text(encoding="utf-8"))["refused"]
    readers: dict[Path, Reader] = {}
    silent: dict[str, str] = {}
    refused = 0
    for pid, docs_dir, rel, text in pages:
        ref = reference[pid]
        if "error" not in ref:
            continue
        refused += 1
        found = Diagnostics()
        read = readers.setdefault(docs_dir, Reader(docs_dir))
        parse_page(rel, text, docs_dir=docs_dir, diagnostics=found, read=read, expand=False)
        if not [d for d in found if d.code.startswith(FINDING_CODES) and d.line >= 1]:
            silent[pid] = f"line {ref['line']}: {ref['error'][:160]}"
    print(f"\nrefused by remark-mdx: {refused} pages, {len(silent)} without a finding")
    unlisted = {pid: why for pid, why in silent.items() if pid not in listed}
    stale = sorted(pid for pid in listed if pid not in silent)
    assert not unlisted, "refused by remark-mdx, and nothing said:\n" + "\n".join(
        f"{pid}: {why}" for pid, why in sorted(unlisted.items())
    )
    assert not stale, f"listed in {DIFFERENCES.name} [refused] but reported now: {stale}"


def _located_where_refused(tmp_path: Path, prefix: str, cases: dict[str, str], code: str) -> None:
    """`_said_where_refused`, and each finding on the line remark-mdx refuses the page at."""
    reference = reference_outlines({f"{prefix}-{k}": v for k, v in cases.items()})
    for key, (_text, ours) in zip(
        cases, _said_where_refused(tmp_path, prefix, cases, code), strict=True
    ):
        ref = reference[f"{prefix}-{key}"]
        assert all(d.severity == "warning" for d in ours), (key, ours)
        assert not ours or ref["line"] in {d.line for d in ours}, (key, ref, ours)


PARAGRAPH_CASES = {
    "note": "<Note>Some text\n</Note>\n",
    "note-later": "Intro.\n\n<Note>Some text\nmore text\n\n</Note>\n",
    "tip-link": '<Tip>para\n<a href="/x">\nlink</a></Tip>\n',
    "cards-fence": '<CardGroup cols={4}>```markdown\n<Card title="A" href="/a" />\n```</CardGroup>\n',
    "list": "<Note>Some text\n- item\n</Note>\n",
    "heading": "<Note>Some text\n   ## h\nx</Note>\n",
    "quote": "<Note>Some text\n> q\nx</Note>\n",
    "setext": "<Note>Some text\n---\nx</Note>\n",
    "expression": "<Note>Some text\n{1}\nx</Note>\n",
    "indented-close": "<Note>Some text\n    </Note>\n",
    "in-list": "* <Note>Some text\n  </Note>\n",
    "close-in-text": "<Info>\nText here.</Info>\n",
    "close-after-list": "<Note>\n- a\n- b</Note>\n",
    "close-after-tag": "<Note>\n<Tip>x</Tip></Note>\n",
    # MDX reads these: the closing tag is in the paragraph, or no paragraph is involved
    "closed-in-paragraph": "<Note>Some text\nmore </Note>\n",
    "text-after-close": "<Note>Some text\n</Note> tail\n",
    "ordered-two": "<Note>Some text\n2. a\nx</Note>\n",
    "text-element": "<Note>Some text\n<b>x</b>\nx</Note>\n",
    "one-line": "<Note>Some text</Note>\n",
    "flow": "<Note>\nSome text\n</Note>\n",
    "flow-close-line": "<Note>\n**Some** text\n</Note>\n",
    "expression-after-tag": "<Note>{1}\n</Note>\n",
}


def test_an_element_closed_outside_its_paragraph_is_reported_where_remark_mdx_refuses(
    tmp_path: Path,
) -> None:
    """`<Note>Some text⏎</Note>`: text after the opening tag puts it in a paragraph, which
    the closing tag's line (tags alone), a blank line or a block ends first; `<Info>⏎Text
    here.</Info>`: the closing tag ends a paragraph its element does not start. MDX refuses
    both and they were rendered without a word; they still render as meant, with a
    `jsx-unclosed` warning on the line remark-mdx refuses."""
    _located_where_refused(tmp_path, "paragraph", PARAGRAPH_CASES, "jsx-unclosed")


ESM_PROSE_CASES = {
    "import": "import the data from a CSV file first.\n",
    "export": "export the data\n",
    "after-heading": "# T\nimport the data\n",
    "in-component": "<Note>\nimport the data\n</Note>\n",
    "after-export": "export default function X() {}\n\nexport the x\n",
    # no ESM for MDX: a paragraph's second line, indented, a list, a quote, no space, a capital
    "continuation": "Some text\nimport the data\n",
    "indented": "  import the data\n",
    "list": "- import the data\n",
    "quote": "> import the data\n",
    "tab": "import\tthe data\n",
    "capital": "Import the data\n",
    "word": "importing data\n",
    "statement": 'import "./x.css"\n',
}


def test_prose_starting_with_import_is_reported_where_remark_mdx_refuses(
    tmp_path: Path,
) -> None:
    """`import the data from a CSV file first.` starting a block at the margin: MDX reads ESM
    there, acorn cannot parse it, and the page is refused; it was shown without a word. It is
    still shown, with an `esm-syntax` warning on that line."""
    _located_where_refused(tmp_path, "esmprose", ESM_PROSE_CASES, "esm-syntax")


ATTRIBUTE_CASES = {
    "comment": '<Card {/* c */} title="x">y</Card>\n',
    "inline": 'Text <Card {/* c */} title="x">y</Card>\n',
    "after": '<Card title="x" {/* c */}>\ny\n</Card>\n',
    "unclosed-img": '<Card title="A" icon={<img src="/a.png">}>\ny\n</Card>\n',
    "spread": '<Card {...{a: 1}} title="x">y</Card>\n',
    "comment-child": '<Card title="x">{/* c */}y</Card>\n',
    "closed-img": '<Card title="A" icon={<img src="/a.png" />}>\ny\n</Card>\n',
}


def test_an_attribute_expression_mdx_refuses_is_reported(tmp_path: Path) -> None:
    """`<Card {/* c */} title="x">`: MDX takes only a spread `{...obj}` among attributes
    ("Unexpected empty expression"), and an unclosed `<img>` in an attribute's JSX is no JSX;
    both were read without a word. They are still read, with a `jsx-syntax` warning."""
    _located_where_refused(tmp_path, "attribute", ATTRIBUTE_CASES, "jsx-syntax")


ACCEPTED_CASES = {
    "unicode-name": "<Información>texto uno</Información>\n",
    "unicode-inline": "Un <Información>dato</Información> más y <Ñandú />.\n",
    "template-pre": "<pre><code>{`line one\n\nline two`}</code></pre>\n",
    "template-code": "<code>{`a\n\nb`}</code>\n",
    "template-span": "<div><span>{`a\n\nb`}</span></div>\n",
}


def test_pages_remark_mdx_reads_get_no_syntax_finding(tmp_path: Path) -> None:
    """Non-ASCII JSX names (`<Información>` was cut at `ó`, with a `jsx-unclosed` error) and a
    template literal across a blank line in an element opened inline (cut at the blank line):
    remark-mdx reads them, so no MDX-syntax finding is given."""
    reference = reference_outlines({f"accepted-{k}": v for k, v in ACCEPTED_CASES.items()})
    for key, text in ACCEPTED_CASES.items():
        assert "error" not in reference[f"accepted-{key}"], key
        found = Diagnostics()
        parse_page("p.mdx", text, docs_dir=tmp_path, diagnostics=found, read=Reader(tmp_path))
        assert not [d for d in found if d.code.startswith(FINDING_CODES)], (key, list(found))
