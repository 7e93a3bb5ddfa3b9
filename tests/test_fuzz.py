"""Fuzzing (hypothesis): the MDX front-end, docs.json loading and the OpenAPI loader never fall over.

Inputs: arbitrary text, generated MDX, and real pages, configs and specs of the shared corpora
mutated (lines deleted, duplicated or swapped, truncation, unbalanced tags, random characters).
Invariants: nothing raises out of a stage, no `internal-error` is reported (a caught bug is still
a bug), every diagnostic names a real file and a line inside it, and the text of a page that
parses cleanly is in its HTML.

CI runs the `ci` profile (about two minutes on a shared 2-core machine). A longer run:

    MINTRENDER_FUZZ=long python -m pytest tests/test_fuzz.py -s       # 20x the examples
    MINTRENDER_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz.py -s
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from mintrender.build import make_urls  # noqa: E402
from mintrender.errors import INTERNAL_ERROR, Diagnostics  # noqa: E402
from mintrender.load.config import ConfigError, load_config  # noqa: E402
from mintrender.load.sources import Reader, discover  # noqa: E402
from mintrender.openapi import ApiOptions, load_api_index, render_operation  # noqa: E402
from mintrender.parse.mdx import parse_page  # noqa: E402
from mintrender.render.context import RenderContext  # noqa: E402
from mintrender.render.page import render_page  # noqa: E402
from tests.sitekit import CORPORA, minimal_config, write_site  # noqa: E402

_SCALE = {"ci": 1, "long": 20}[os.environ.get("MINTRENDER_FUZZ", "ci")]
_FIXED = int(os.environ.get("MINTRENDER_FUZZ_EXAMPLES", "0"))


def examples(n: int) -> int:
    """Examples for a test: `n` in CI, more for a long run."""
    return _FIXED or n * _SCALE


def fuzz_settings(n: int) -> Callable[[Any], Any]:
    return settings(
        max_examples=examples(n),
        deadline=None,  # the machine is shared: time is not an invariant
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        derandomize=_SCALE == 1 and not _FIXED,  # CI: the same inputs on every run
    )


RAN: Counter[str] = Counter()
"""Inputs run per target (printed at the end of the module: `-s` shows it)."""


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    yield
    total = sum(RAN.values())
    print(f"\nfuzz inputs: {total} ({', '.join(f'{k} {v}' for k, v in sorted(RAN.items()))})")


# -- the page pipeline ---------------------------------------------------------------------------
class Site:
    """A docs folder to parse and render pages in (snippets included), built once."""

    def __init__(self, docs: Path) -> None:
        self.docs = docs
        self.config = load_config(docs, Diagnostics())
        self.sources = discover(docs)
        self.reader = Reader(docs)
        self.urls = make_urls("hosted", ["/", "/guide"], self.sources, self.config)

    def run(self, rel: str, text: str) -> tuple[str, Diagnostics]:
        """Parse and render `text` as the page `rel`; returns the body HTML and diagnostics."""
        diagnostics = Diagnostics()
        parsed = parse_page(
            rel,
            text,
            docs_dir=self.docs,
            diagnostics=diagnostics,
            read=self.reader,
            variables=self.config.variables,
        )
        ctx = RenderContext(self.config, rel, self.urls, diagnostics)
        rendered = render_page(parsed, ctx)
        assert isinstance(rendered.body_html, str)
        check_diagnostics(diagnostics, {rel: text}, self.reader)
        return rendered.body_html, diagnostics


def check_diagnostics(
    diagnostics: Diagnostics, texts: dict[str, str], read: Callable[[str], str | None]
) -> None:
    """No internal error; each diagnostic names a real file and a line inside it."""
    internal = [d for d in diagnostics if d.code == INTERNAL_ERROR]
    assert not internal, internal[0].detail
    for d in diagnostics:
        text = texts.get(d.file)
        if text is None:
            text = read(d.file)
        assert text is not None, f"diagnostic names a file that does not exist: {d}"
        assert 0 <= d.line <= text.count("\n") + 2, d
        assert d.column >= 0, d
        assert d.severity in ("error", "warning", "info") and d.code and d.message, d


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with tempfile.TemporaryDirectory(prefix="mintrender-fuzz-") as tmp:
        docs = write_site(
            Path(tmp) / "docs",
            {
                "index.mdx": "# Home\n",
                "guide.mdx": "# Guide\n",
                "snippets/hello.mdx": "Hello {name}, from <b>{props.where || 'here'}</b>.\n",
                "snippets/loop.mdx": 'import L from "/snippets/loop.mdx";\n\n<L />\n',
                "snippets/parts.jsx": "export const Pill = ({ label }) => (<span>{label}</span>);\n"
                'export const NAMES = ["a", "b"];\n',
            },
            minimal_config(["index", "guide"], variables={"product": "Mint"}),
        )
        yield Site(docs)


WORDS = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=9
)
COMPONENTS = ["Note", "Warning", "Tip", "Card", "CardGroup", "Steps", "Step", "Tabs", "Tab",
              "Accordion", "AccordionGroup", "CodeGroup", "Frame", "Expandable", "ParamField",
              "ResponseField", "Columns", "Tooltip", "Badge", "Icon", "Update", "div", "span",
              "Unknown", "Hello", "L", "Pill"]  # fmt: skip
PIECES = [
    "<", ">", "</", "/>", "{", "}", "{/*", "*/}", "```", "~~~", "---", "\n", "\n\n", "  ", "\t",
    "# ", "## ", "- ", "1. ", "> ", "|", "| --- |", "**", "_", "`", "[", "](", ")", "![", "$",
    "$$", "\\", "&amp;", "&#x0;", "<!--", "-->", "import X from './x'", "export const a = 1",
    'title="', "={", "props.", "${", "`", "...", "=>", "\x00", "\u2028", "\r", "\ufeff",
    "{{product}}", ":::", "<br>", "<script>", "<style>", "%", "@", "é", "日本",
]  # fmt: skip


@st.composite
def mdx_documents(draw: st.DrawFn, depth: int = 0) -> str:
    """MDX built from real constructs, nested, with words to find in the output."""
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["para", "heading", "comp", "list", "fence", "expr", "inline"]))
        words = " ".join(draw(st.lists(WORDS, min_size=1, max_size=6)))
        if kind == "para":
            parts.append(words)
        elif kind == "heading":
            parts.append("#" * draw(st.integers(1, 4)) + " " + words)
        elif kind == "list":
            parts.append("\n".join(f"- {w}" for w in words.split()))
        elif kind == "fence":
            lang = draw(st.sampled_from(["", "js", "python", "bash title.sh", "mermaid", "json"]))
            parts.append(f"```{lang}\n{words}\n```")
        elif kind == "expr":
            expr = draw(
                st.sampled_from(
                    ['{"' + words + '"}', "{`" + words + "`}", "{'" + words + "' + ''}"]
                )
            )
            parts.append(expr)
        elif kind == "inline":
            parts.append(f"{words} <Badge>{words}</Badge> **{words}** `{words}`")
        elif depth < 3:
            name = draw(st.sampled_from(COMPONENTS[:18]))
            inner = draw(mdx_documents(depth + 1))
            indent = " " * draw(st.sampled_from([0, 2, 4]))
            body = "\n".join(indent + line if line else line for line in inner.split("\n"))
            parts.append(f'<{name} title="T{depth}">\n{body}\n</{name}>')
    return "\n\n".join(parts) + "\n"


VOCABULARY = frozenset(["title", "python", "bash", "json", "mermaid", *COMPONENTS])
"""Words of the generator's own markup (fence languages, tag names), not the page's text."""


def _visible_words(text: str) -> list[str]:
    """Words of the page's text: tags and fence info strings are markup."""
    text = re.sub(r"^```.*$", "", re.sub(r"<[^>]*>", " ", text), flags=re.M)
    return re.findall(r"\b[A-Za-z]{3,9}\b", text)


def html_text(html: str) -> str:
    """The text of some HTML (tags dropped, entities decoded): what a reader sees."""
    return unescape(re.sub(r"<[^>]*>", "", html))


@fuzz_settings(60)
@given(text=mdx_documents())
def test_generated_mdx_keeps_its_text(site: Site, text: str) -> None:
    RAN["mdx generated"] += 1
    html, diagnostics = site.run("guide.mdx", text)
    if any(d.severity == "error" for d in diagnostics):
        return
    shown = html_text(html)
    for word in _visible_words(text):
        if word in VOCABULARY:
            continue
        assert word in shown, (word, text)


@fuzz_settings(150)
@given(
    text=st.lists(
        st.one_of(
            st.sampled_from(PIECES),
            st.sampled_from([f"<{c}" for c in COMPONENTS] + [f"</{c}>" for c in COMPONENTS]),
            st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
        ),
        max_size=60,
    ).map("".join)
)
def test_arbitrary_text(site: Site, text: str) -> None:
    RAN["mdx arbitrary"] += 1
    site.run("guide.mdx", text)


def _corpus_pages() -> list[tuple[Path, str]]:
    out: list[tuple[Path, str]] = []
    for name in ("modelslab", "mintlify-docs"):
        root = CORPORA / name
        if root.is_dir():
            out += [(root, rel) for rel in discover(root).pages]
    return out


CORPUS_PAGES = _corpus_pages()
TAGS = ["<Note>", "</Note>", "<Steps>", "</Step>", "<Tabs>", "<Tab title=\"x\">", "</CodeGroup>",
        "<Card title={", "}", "<div>", "</div>", "{", "```", "<Accordion>", "<>", "</>"]  # fmt: skip


def mutate(text: str, rng: random.Random) -> str:
    """Lines deleted, duplicated or swapped, truncation, unbalanced tags, random characters."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 6)):
        op = rng.choice(["delete", "duplicate", "swap", "truncate", "tag", "chars", "indent"])
        i = rng.randrange(len(lines)) if lines else 0
        if not lines:
            lines = [""]
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "truncate":
            cut = rng.randrange(len("\n".join(lines)) + 1)
            lines = "\n".join(lines)[:cut].split("\n")
        elif op == "tag":
            pos = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:pos] + rng.choice(TAGS) + lines[i][pos:]
        elif op == "chars":
            pos = rng.randrange(len(lines[i]) + 1)
            junk = "".join(
                chr(rng.choice([rng.randrange(32), rng.randrange(32, 0xD7FF)]))
                for _ in range(rng.randint(1, 8))
            )
            lines[i] = lines[i][:pos] + junk + lines[i][pos:]
        else:
            lines[i] = " " * rng.choice([1, 2, 4, 8]) + lines[i]
    return "\n".join(lines)


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS_PAGES, reason="shared corpora not found beside the checkout")
@fuzz_settings(60)
@given(page=st.sampled_from(CORPUS_PAGES or [(Path("."), "x")]), seed=st.integers(0, 2**32))
def test_mutated_corpus_pages(page: tuple[Path, str], seed: int) -> None:
    RAN["mdx corpus mutated"] += 1
    root, rel = page
    reader = Reader(root)
    text = mutate(reader(rel) or "", random.Random(seed))
    diagnostics = Diagnostics()
    parsed = parse_page(rel, text, docs_dir=root, diagnostics=diagnostics, read=reader)
    config = _corpus_config(root)
    urls = make_urls("hosted", ["/"], discover_cached(root), config)
    rendered = render_page(parsed, RenderContext(config, rel, urls, diagnostics))
    assert isinstance(rendered.body_html, str)
    check_diagnostics(diagnostics, {rel: text}, reader)


_CACHE: dict[Path, Any] = {}


def _corpus_config(root: Path) -> Any:
    key = root / "config"
    if key not in _CACHE:
        _CACHE[key] = load_config(root, Diagnostics())
    return _CACHE[key]


def discover_cached(root: Path) -> Any:
    if root not in _CACHE:
        _CACHE[root] = discover(root)
    return _CACHE[root]


# -- docs.json -----------------------------------------------------------------------------------
CONFIG_KEYS = ["name", "theme", "colors", "navigation", "tabs", "groups", "pages", "group",
               "tab", "anchors", "anchor", "languages", "language", "versions", "version",
               "dropdowns", "products", "global", "openapi", "logo", "favicon", "navbar",
               "footer", "redirects", "source", "destination", "variables", "icon", "hidden",
               "root", "href", "$ref", "banner", "contextual", "seo", "api", "primary"]  # fmt: skip
JSON_VALUES = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=False),
        st.sampled_from(["index", "guide", "missing/page", "/abs", "GET /x", "", "#fff", "mint", "../up", "en"]),
        st.text(max_size=8),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(CONFIG_KEYS), st.text(max_size=5)), children, max_size=5),
    ),
    max_leaves=30,
)  # fmt: skip


def _load(docs: Path, text: str) -> None:
    (docs / "docs.json").write_text(text, encoding="utf-8", errors="surrogatepass")
    diagnostics = Diagnostics()
    try:
        config = load_config(docs, diagnostics)
    except ConfigError as exc:
        assert "docs.json" in str(exc)
        return
    from mintrender.build import _load_navigation, resolve_refs  # the load stage's own steps

    nav = _load_navigation(config, diagnostics)
    resolve_refs(config, nav.slots(), frozenset(["index.mdx", "guide.mdx"]), diagnostics)
    check_diagnostics(diagnostics, {"docs.json": text}, lambda rel: None)


@pytest.fixture(scope="module")
def config_dir() -> Iterator[Path]:
    tmp = Path(tempfile.mkdtemp(prefix="mintrender-fuzz-config-"))
    write_site(tmp, {"index.mdx": "# Home\n", "guide.mdx": "# Guide\n", "logo.svg": "<svg/>"})
    yield tmp
    shutil.rmtree(tmp)


@fuzz_settings(120)
@given(data=st.one_of(JSON_VALUES, st.builds(lambda nav, extra: {"name": "x", "theme": "mint", "colors": {"primary": "#000"}, "navigation": nav, **extra}, JSON_VALUES, st.dictionaries(st.sampled_from(CONFIG_KEYS), JSON_VALUES, max_size=3))))  # fmt: skip
def test_docs_json_values(config_dir: Path, data: Any) -> None:
    RAN["docs.json generated"] += 1
    _load(config_dir, json.dumps(data, indent=2))


CORPUS_CONFIGS = [p.read_text() for p in (CORPORA / "modelslab" / "docs.json", CORPORA / "mintlify-docs" / "docs.json") if p.is_file()]  # fmt: skip


@pytest.mark.skipif(not CORPUS_CONFIGS, reason="shared corpora not found beside the checkout")
@fuzz_settings(60)
@given(which=st.integers(0, 1), seed=st.integers(0, 2**32))
def test_mutated_corpus_docs_json(config_dir: Path, which: int, seed: int) -> None:
    RAN["docs.json corpus mutated"] += 1
    _load(config_dir, mutate(CORPUS_CONFIGS[which % len(CORPUS_CONFIGS)], random.Random(seed)))


# -- OpenAPI -------------------------------------------------------------------------------------
SPEC_KEYS = ["openapi", "info", "paths", "components", "schemas", "$ref", "type", "properties",
             "items", "allOf", "oneOf", "anyOf", "required", "parameters", "requestBody",
             "responses", "content", "application/json", "schema", "example", "examples",
             "get", "post", "/x", "/y/{id}", "name", "in", "query", "path", "servers", "url",
             "security", "securitySchemes", "enum", "default", "additionalProperties",
             "webhooks", "x-codeSamples", "tags", "description", "format", "nullable"]  # fmt: skip
SPEC_VALUES = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(-3, 300), st.floats(allow_nan=True),
        st.sampled_from(["#/components/schemas/A", "#/components/schemas/B", "#", "other.yaml#/X", "missing.json", "object", "string", "array", "integer", "3.1.0", "3.0.3", "2024-01-01", "query", "date-time"]),
        st.text(max_size=6),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(SPEC_KEYS), st.text(max_size=4)), children, max_size=6),
    ),
    max_leaves=40,
)  # fmt: skip


def _load_spec(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8", errors="surrogatepass")
    diagnostics = Diagnostics()
    index = load_api_index(folder, [name], diagnostics)
    for op in index.operations():
        render_operation(
            op,
            options=ApiOptions(expanded="all"),
            markdown=lambda t: t,
            highlight=lambda c, lang, title: c,
        )
    for spec in index.specs:
        index.operations_for_nav(spec)
    check_diagnostics(
        diagnostics,
        {name: text},
        lambda rel: (folder / rel).read_text() if (folder / rel).is_file() else None,
    )


@pytest.fixture(scope="module")
def spec_dir() -> Iterator[Path]:
    tmp = Path(tempfile.mkdtemp(prefix="mintrender-fuzz-spec-"))
    (tmp / "other.yaml").write_text("X: {type: object, properties: {a: {$ref: 'other.yaml#/X'}}}\n")
    yield tmp
    shutil.rmtree(tmp)


@fuzz_settings(120)
@given(
    body=SPEC_VALUES,
    version=st.sampled_from(["3.0.3", "3.1.0", 3.1, None]),
    as_yaml=st.booleans(),
)
def test_openapi_generated(spec_dir: Path, body: Any, version: Any, as_yaml: bool) -> None:
    RAN["openapi generated"] += 1
    import yaml

    doc = {"openapi": version, "info": {"title": "t", "version": "1"}}
    if isinstance(body, dict):
        doc.update(body)
    else:
        doc["paths"] = {"/x": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": body}}}}}}}  # fmt: skip
    if as_yaml:
        _load_spec(spec_dir, "s.yaml", yaml.safe_dump(doc, allow_unicode=True))
    else:
        _load_spec(spec_dir, "s.json", json.dumps(doc, allow_nan=True))


SPEC_FILES = sorted(
    [p for p in (Path(__file__).parent / "specs").rglob("*") if p.suffix in (".json", ".yaml")]
    + [p for p in (CORPORA / "mintlify-docs").glob("*openapi*.json")]
    + [p for p in (CORPORA / "modelslab").rglob("*.json") if "openapi" in p.read_text(errors="replace")[:2000]][:6]
)  # fmt: skip


@fuzz_settings(60)
@given(which=st.integers(0, 10_000), seed=st.integers(0, 2**32))
def test_mutated_specs(spec_dir: Path, which: int, seed: int) -> None:
    RAN["openapi mutated"] += 1
    path = SPEC_FILES[which % len(SPEC_FILES)]
    _load_spec(spec_dir, "m" + path.suffix, mutate(path.read_text(), random.Random(seed)))
