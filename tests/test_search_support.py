"""Helpers for the search tests and benchmark: corpus sections, a small test site, Chromium.

`corpus_sections` walks a Mintlify corpus crudely (split at `## `, strip tags) so search can be
measured without the real build; `built_sections` uses the real build once it exists.
"""

from __future__ import annotations

import contextlib
import functools
import html
import http.server
import json
import os
import re
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from lunr.index import Index
from sitekit import offline_build, shared_build

from mintrender.index.search import (
    GLOBAL_NAME,
    SearchIndexFiles,
    SearchSection,
    build_lunr_index,
    build_search_index,
    decode_payload,
)

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
MODELSLAB = CORPORA / "modelslab"
MINTLIFY = CORPORA / "mintlify-docs"
STATIC = REPO / "themes" / "mint" / "static"
SEARCH_JS = STATIC / "js" / "50-search.js"
SEARCH_TEXT_JS = STATIC / "js" / "49-searchtext.js"
SEARCH_CSS = STATIC / "css" / "50-search.css"
BASE_CSS = STATIC / "css" / "00-base.css"

_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_FENCE = re.compile(r"^(```|~~~)")
_TAG = re.compile(r"</?[A-Za-z][^<>]*?/?>", re.S)
_MD = re.compile(r"[*_`#>|]+|!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|\[")
_EXPR = re.compile(r"\{[^{}]*\}")
_IMPORT = re.compile(r"^(import|export)\s.*$", re.M)


def slugify(text: str) -> str:
    """GitHub-like heading id."""
    text = re.sub(r"[^\w\s-]", "", text.lower()).strip()
    return re.sub(r"[\s]+", "-", text)


def _strip(markdown: str) -> str:
    text = _IMPORT.sub(" ", markdown)
    text = _TAG.sub(" ", text)
    text = _EXPR.sub(" ", text)
    text = _MD.sub(" ", text)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def _front_matter(source: str) -> tuple[dict[str, Any], str]:
    m = _FRONT.match(source)
    if not m:
        return {}, source
    try:
        data = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError:
        data = {}
    return (data if isinstance(data, dict) else {}), source[m.end() :]


def _split_h2(body: str) -> list[tuple[str, str]]:
    """[(heading, text)] with "" for the text before the first `## `; skips fenced code markers."""
    parts: list[tuple[str, list[str]]] = [("", [])]
    in_fence = False
    for line in body.splitlines():
        if _FENCE.match(line.strip()):
            in_fence = not in_fence
            continue
        if not in_fence and line.startswith("## "):
            parts.append((line[3:].strip(), []))
        else:
            parts[-1][1].append(line)
    return [(h, "\n".join(lines)) for h, lines in parts]


def corpus_sections(root: Path, *, language_dirs: tuple[str, ...] = ()) -> list[SearchSection]:
    """Sections of every page of a corpus (no snippets, no hidden/noindex pages, no languages)."""
    sections: list[SearchSection] = []
    for path in sorted(root.rglob("*.mdx")):
        rel = path.relative_to(root).as_posix()
        first = rel.split("/")[0]
        if "snippets" in rel.split("/") or first in language_dirs or first.startswith("."):
            continue
        meta, body = _front_matter(path.read_text(encoding="utf-8"))
        if meta.get("hidden") or meta.get("noindex") or meta.get("searchable") is False:
            continue
        stem = rel[: -len(".mdx")]
        url = "/" + (stem[: -len("index")].rstrip("/") if stem.endswith("index") else stem)
        url = url if url != "" else "/"
        title = str(meta.get("title") or path.stem.replace("-", " ").title())
        keywords = meta.get("keywords") or ()
        keywords = tuple(str(k) for k in keywords) if isinstance(keywords, list) else ()
        api = str(meta.get("openapi") or meta.get("api") or "")
        if api:
            api = f"{api} {title}"
        crumbs = tuple(p.replace("-", " ").title() for p in stem.split("/")[:-1])
        seen: set[str] = set()
        for i, (heading, text) in enumerate(_split_h2(body)):
            plain = _strip(text)
            if i == 0:
                description = str(meta.get("description") or "")
                plain = f"{description} {plain}".strip()
                sections.append(SearchSection(url, "", title, title, plain, crumbs, keywords, api))
                continue
            head = _strip(heading)
            anchor = slugify(head) or f"section-{i}"
            while anchor in seen:
                anchor += "-1"
            seen.add(anchor)
            sections.append(SearchSection(url, anchor, title, head, plain, crumbs, keywords))
    return sections


def modelslab_sections() -> list[SearchSection]:
    return corpus_sections(MODELSLAB)


# ---- A tiny site around the search UI ---------------------------------------------------------

_PAGE = """<!doctype html>
<html lang="en"{html_class}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<meta name="mr-root" content="{root}">
{offline}<meta name="mr-search-index" content="{root}_mintrender/search-index.js">
<link rel="stylesheet" href="{root}_mintrender/mintrender.css">
<style>
 header {{ display: flex; justify-content: center; padding: 14px; border-bottom: 1px solid var(--mr-border); }}
 .mr-search-trigger {{ display: flex; align-items: center; gap: 8px; width: 18rem; height: 38px;
   padding: 0 14px; border: 1px solid var(--mr-border-strong); border-radius: 999px;
   color: var(--mr-text-subtle); }}
 .mr-search-trigger kbd {{ margin-left: auto; font-size: 12px; }}
 main {{ max-width: 46rem; margin: 40px auto; padding: 0 24px; }}
 main h2 {{ margin-top: 1200px; }}
</style>
</head>
<body>
<header><button type="button" data-component="search-trigger" class="mr-search-trigger">
<span class="mr-search-trigger__text">Search...</span><kbd>Ctrl K</kbd></button></header>
<main>
<h1 id="page-title">{title}</h1>
{body}
</main>
<script src="{root}_mintrender/mintrender.js"></script>
</body>
</html>
"""


def write_test_site(
    out: Path,
    sections: list[SearchSection],
    files: SearchIndexFiles,
    *,
    offline: bool = True,
    dark: bool = False,
) -> Path:
    """Write one HTML page per url (headings with the section anchors) plus the search assets.

    Returns the path of the home page (`index.html`).
    """
    assets = out / "_mintrender"
    assets.mkdir(parents=True, exist_ok=True)
    (assets / "search-index.js").write_text(files.index_js, encoding="utf-8")
    script = SEARCH_TEXT_JS.read_text(encoding="utf-8") + SEARCH_JS.read_text(encoding="utf-8")
    (assets / "mintrender.js").write_text(script, encoding="utf-8")
    css = BASE_CSS.read_text(encoding="utf-8") if BASE_CSS.exists() else ""
    css += "\n:root { --mr-primary: #0260fa; }\n" + SEARCH_CSS.read_text(encoding="utf-8")
    (assets / "mintrender.css").write_text(css, encoding="utf-8")
    pages: dict[str, list[SearchSection]] = {"/": []}
    for section in sections:
        pages.setdefault(section.url, []).append(section)
    for url, secs in pages.items():
        parts = [p for p in url.split("/") if p]
        root = "../" * len(parts)
        body = "\n".join(
            f'<h2 id="{html.escape(s.anchor)}">{html.escape(s.title)}</h2><p>{html.escape(s.text[:300])}</p>'
            for s in secs
            if s.anchor
        )
        page = _PAGE.format(
            title=html.escape(secs[0].page_title if secs else "Home"),
            root=root if offline else "/",
            offline='<meta name="mr-offline" content="1">\n' if offline else "",
            body=body,
            html_class=' class="dark"' if dark else "",
        )
        target = out.joinpath(*parts, "index.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    return out / "index.html"


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` over HTTP on 127.0.0.1 (hosted mode); yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


# ---- Chromium ----------------------------------------------------------------------------------

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


def chromium_path() -> str | None:
    return shutil.which("chromium") or os.environ.get("MR_CHROMIUM")


@contextlib.contextmanager
def browser() -> Iterator[Any]:
    """A headless Chromium (playwright); callers skip when `chromium_path()` is None."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def block_network(page: Any) -> list[str]:
    """Abort every non-file:// request; returns the list of blocked URLs."""
    blocked: list[str] = []

    def handle(route: Any) -> None:
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    page.route("**/*", handle)
    return blocked


# ---- The site under test -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SiteUnderTest:
    """A ModelsLab site with the search UI, and lunr.py's index of the same sections."""

    home: Path
    """`index.html` of the site (open it with `.as_uri()`)."""
    payload: dict[str, Any]
    """The compact search payload the UI loads."""
    index: Index
    """lunr.py's index of the same documents."""
    source: str
    """`"corpus-helper"` (crude sections from `corpus_sections`) or `"build"`."""


def read_index_script(path: Path) -> dict[str, Any]:
    """The payload of a `search-index.js` written by `build_search_index`."""
    text = path.read_text(encoding="utf-8").strip()
    prefix = f"window.{GLOBAL_NAME}="
    assert text.startswith(prefix) and text.endswith(";"), text[:80]
    return dict(json.loads(text[len(prefix) : -1]))


def build_site(docs_dir: Path, *, offline: bool = True) -> Path | None:
    """The real build (`python -m renderer build`, once per test run: sitekit.shared_build);
    the home page, or None if it fails."""
    if not (REPO / "renderer" / "build.py").exists():
        return None
    built = offline_build(docs_dir) if offline else shared_build(docs_dir)
    home = built.out / "index.html"
    if not home.exists() or not (built.out / "_mintrender" / "search-index.js").exists():
        print(f"real build failed ({built.returncode}): {built.stderr[-2000:]}", file=sys.stderr)
        return None
    return home


@functools.cache
def modelslab_site(offline: bool = True) -> SiteUnderTest:
    """The ModelsLab site, built once per test process into a temporary folder.

    Uses the real build when it works (`source == "build"`), else the corpus helper's sections
    around `write_test_site`. lunr.py's index comes from lunr's own serialization of the
    payload the UI loads (`decode_payload` -> `Index.load`).
    """
    out = Path(tempfile.mkdtemp(prefix="mr-search-site-"))
    if os.environ.get("MR_SEARCH_CORPUS_HELPER") != "1":
        home = build_site(MODELSLAB, offline=offline)
        if home is not None:
            payload = read_index_script(home.parent / "_mintrender" / "search-index.js")
            return SiteUnderTest(home, payload, Index.load(decode_payload(payload)), "build")
    sections = modelslab_sections()
    files = build_search_index(sections)
    home = write_test_site(out / "site", sections, files, offline=offline)
    payload = json.loads(files.index_json)
    return SiteUnderTest(home, payload, build_lunr_index(sections), "corpus-helper")


def load_queries() -> list[dict[str, str]]:
    data = json.loads((REPO / "tests" / "search_queries.json").read_text(encoding="utf-8"))
    return list(data["queries"])


def open_search(page: Any, home: Path) -> None:
    """Open `home`, press Ctrl+K and wait for the modal's input."""
    page.goto(home.as_uri())
    page.wait_for_function("window.mrSearch !== undefined")
    page.keyboard.press("Control+K")
    page.wait_for_selector(".mr-search__input", state="visible")


def type_query(page: Any, typed: str, expected_query: str) -> list[dict[str, Any]]:
    """Clear the input, type `typed`, wait for its results; [{ref, rank, score, href}] by rank."""
    page.fill(".mr-search__input", "")
    page.type(".mr-search__input", typed)
    page.wait_for_function(
        "q => document.querySelector('.mr-search__results').getAttribute('data-rendered') === q",
        arg=expected_query,
    )
    rows = page.eval_on_selector_all(
        ".mr-search__result",
        """els => els.map(e => ({ref: e.dataset.ref, rank: +e.dataset.rank,
             score: +e.dataset.score, href: e.getAttribute('href')}))""",
    )
    return sorted(rows, key=lambda r: r["rank"])


def scoped_results(page: Any, typed: str) -> list[dict[str, str]]:
    """Fill the search input; the results once shown: [{href, lang, crumbs}] (the text of
    the group head: language, version, groups). Type another query after a scope change."""
    page.fill(".mr-search__input", typed)
    page.wait_for_function(
        "t => document.querySelector('.mr-search__results').getAttribute('data-rendered')"
        " === window.mrSearch.mapQuery(t)",
        arg=typed,
    )
    return list(
        page.eval_on_selector_all(
            ".mr-search__result",
            """els => els.map(e => ({href: e.getAttribute('href'), lang: e.dataset.lang,
                 crumbs: e.closest('.mr-search__group').querySelector('.mr-search__group-head')
                   .textContent}))""",
        )
    )


VERSIONS_SITE = Path(__file__).resolve().parent / "sites" / "search-versions"
"""2 languages x 3 versions (tests/test_search_versions*.py)."""


def build_versions_site(factory: Any, mode: str) -> Path:
    """`VERSIONS_SITE` built without the cache in `mode` into a fresh folder of `factory`
    (pytest's `tmp_path_factory`)."""
    from mintrender.build import build  # the builder, only for the tests that build
    from mintrender.model import BuildOptions

    out = factory.mktemp(f"search-versions-{mode}")
    result = build(BuildOptions(docs_dir=VERSIONS_SITE, out_dir=out, mode=mode, cache=False))
    assert result.fatal is None, result.fatal
    return Path(out)
