"""Shared fixture site and helpers for the offline / mirror / reproducibility tests, plus unit
tests of the pieces they rely on (redirect patterns, Markdown export, minifiers, CSS rewrite)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from mintrender.build import build
from mintrender.load.redirects import compile_rules, final_destination, match, normalize_path
from mintrender.model import BuildOptions, BuildResult
from mintrender.render.markdown import first_paragraph, page_markdown
from mintrender.urls import absolute_base, base_path_of
from mintrender.write.bundle import minify_css, minify_js
from mintrender.write.files import rewrite_css_urls
from tests.sitekit import build_site, minimal_config, write_site

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
MODELSLAB = CORPORA / "modelslab"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100ffff03000006000557bfabd40000000049454e44ae426082"
)
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>'

CONFIG: dict[str, Any] = {
    "name": "Fixture Docs",
    "description": "A small site for the offline and mirror tests.",
    "theme": "mint",
    "colors": {"primary": "#0D9373"},
    "favicon": "/favicon.svg",
    "logo": {"light": "/logo/light.svg", "dark": "/logo/dark.svg"},
    "seo": {
        "metatags": {
            "og:image": "/images/og.png",
            "twitter:site": "@fixture",
            "google-site-verification": "abc123",
        }
    },
    "navigation": {
        "tabs": [
            {
                "tab": "Guides",
                "groups": [
                    {
                        "group": "Start",
                        "pages": [
                            "index",
                            "quickstart",
                            "guides/hidden-fm",
                            {"group": "Deep", "pages": ["guides/deep/one", "guides/deep/two"]},
                        ],
                    }
                ],
            },
            {
                "tab": "API",
                "groups": [{"group": "Endpoints", "pages": ["api/create", "api/noindexed"]}],
            },
            {
                "tab": "Hidden",
                "hidden": True,
                "groups": [{"group": "Secret", "pages": ["secret/page"]}],
            },
        ],
        "global": {"anchors": [{"anchor": "Community", "href": "https://example.org/community"}]},
    },
    "redirects": [
        {"source": "/old-quickstart", "destination": "/quickstart"},
        {"source": "/chain/a", "destination": "/old-quickstart"},
        {"source": "/moved/:slug*", "destination": "/guides/deep/:slug*"},
        {"source": "/v1/:page", "destination": "/api/:page"},
        {"source": "/articles/concepts-*", "destination": "/guides/deep/*"},
        {"source": "/with-anchor", "destination": "/quickstart#install"},
        {"source": "/loop/a", "destination": "/loop/b"},
        {"source": "/loop/b", "destination": "/loop/a"},
    ],
}

FILES: dict[str, Any] = {
    "index.mdx": """---
title: Welcome
description: "Start here. Everything about the fixture."
---

Read the [quickstart](/quickstart) or an [unlisted page](/unlisted).

<CardGroup cols={2}>
  <Card title="Quickstart" icon="rocket" href="/quickstart">Set it up in a minute.</Card>
  <Card title="Create" href="/api/create">The create endpoint.</Card>
</CardGroup>

![A picture](/images/pic.png)
""",
    "quickstart.mdx": """---
title: Quickstart
description: Install and run.
keywords: ["setup", "install"]
---

## Install

<Note>Install with **pip**.</Note>

<Visibility for="humans">
Click the big green button.
</Visibility>

<Visibility for="agents">
Call `POST /v1/install` with your key.
</Visibility>

<Tabs>
  <Tab title="macOS">Use brew.</Tab>
  <Tab title="Linux">Use apt.</Tab>
</Tabs>

<CodeGroup>
```bash install.sh
pip install fixture
```

```python main.py
import fixture
```
</CodeGroup>

See [the first deep page](./guides/deep/one) and [two](/guides/deep/two#usage).
""",
    "guides/hidden-fm.mdx": "---\ntitle: Hidden by frontmatter\nhidden: true\n---\n\nHidden.\n",
    "guides/deep/one.mdx": """---
title: Deep one
description: The first deep page.
"og:title": Social title of deep one
---

## Usage

Back to [the start](/).
""",
    "guides/deep/two.mdx": """---
title: Deep two
canonical: https://canonical.example.net/two
---

## Usage

Text with an image: ![logo](../../logo/light.svg)
""",
    "api/create.mdx": """---
title: Create a thing
description: Creates a thing.
api: "POST https://api.example.com/v1/create"
---

<ParamField body="name" type="string" required>
  The thing's name.
</ParamField>

<ParamField body="size" type="integer" default="3">
  How big.
</ParamField>
""",
    "api/noindexed.mdx": "---\ntitle: Not indexed\nnoindex: true\n---\n\nShh.\n",
    "secret/page.mdx": "---\ntitle: Secret page\n---\n\nIn a hidden tab.\n",
    "unlisted.mdx": "---\ntitle: Unlisted page\n---\n\nNot in navigation.\n",
    "styles.css": (
        '@import url("https://fonts.googleapis.com/css2?family=Inter&display=swap");\n'
        ".fixture-bg { background: url(/images/bg.png) no-repeat; }\n"
        ".fixture-rel { background: url('images/pic.png'); }\n"
        ".fixture-data { background: url(data:image/png;base64,AAAA); }\n"
    ),
    "scripts/extra.js": "window.__fixtureUserJs = true;\n",
    "images/pic.png": PNG,
    "images/bg.png": PNG,
    "images/og.png": PNG,
    "favicon.svg": SVG,
    "logo/light.svg": SVG,
    "logo/dark.svg": SVG,
}


def make_fixture(root: Path) -> Path:
    """Write the fixture docs folder under `root` and return it."""
    import json

    root.mkdir(parents=True, exist_ok=True)
    (root / "docs.json").write_text(json.dumps(CONFIG, indent=2), encoding="utf-8")
    for rel, content in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def build_into(
    docs: Path, out: Path, *, mode: str = "hosted", base_url: str = "", zip: bool = False
) -> BuildResult:
    result = build(
        BuildOptions(docs_dir=docs, out_dir=out, mode=mode, base_url=base_url, zip=zip)  # type: ignore[arg-type]
    )
    assert result.fatal is None, result.fatal
    return result


# --- HTML reading ----------------------------------------------------------------------------

URL_ATTRS = {
    "a": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "source": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
}


class RefParser(HTMLParser):
    """Every URL a page references: (tag, attribute, value)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str]] = []
        self.metas: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        d = {k: v or "" for k, v in attrs}
        for attr in URL_ATTRS.get(tag, ()):
            if d.get(attr):
                self.refs.append((tag, attr, d[attr]))
        if tag == "meta":
            key = d.get("name") or d.get("property") or d.get("http-equiv") or ""
            if key:
                self.metas[key] = d.get("content", "")
            if key == "mr-search-index":
                self.refs.append((tag, "content", d.get("content", "")))


def refs_of(html_text: str) -> RefParser:
    parser = RefParser()
    parser.feed(html_text)
    return parser


CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")
EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def broken_link_hrefs(result: BuildResult) -> set[str]:
    """Hrefs the build itself reported as pointing nowhere (author content problems)."""
    out = set()
    for d in result.diagnostics:
        if d.code == "broken-link":
            m = re.search(r"link '([^']*)'|link \"([^\"]*)\"", d.message)
            if m:
                out.add(m.group(1) or m.group(2))
    return out


# --- static server ---------------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


class _NotFoundPageHandler(_QuietHandler):
    """Like GitHub Pages / Netlify / nginx `error_page 404`: unknown paths get /docs/404.html."""

    not_found_page: Path | None = None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code == 404 and self.not_found_page is not None and self.not_found_page.is_file():
            body = self.not_found_page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return  # the browser navigated away mid-response
        super().handle_error(request, client_address)


@contextlib.contextmanager
def static_server(root: Path, not_found_page: Path | None = None) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 (free port); yields the base URL; always stops the server."""
    if not_found_page is None:
        handler: Any = functools.partial(_QuietHandler, directory=str(root))
    else:
        cls = type("Handler", (_NotFoundPageHandler,), {"not_found_page": not_found_page})
        handler = functools.partial(cls, directory=str(root))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- unit tests ------------------------------------------------------------------------------


class _R:
    def __init__(self, source: str, destination: str) -> None:
        self.source, self.destination, self.permanent = source, destination, True


RULES = compile_rules([_R(r["source"], r["destination"]) for r in CONFIG["redirects"]])


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/old-quickstart", "/quickstart"),
        ("/old-quickstart/", "/quickstart"),
        ("/old-quickstart/index.html", "/quickstart"),
        ("/moved/one", "/guides/deep/one"),
        ("/moved/a/b", "/guides/deep/a/b"),
        ("/moved", "/guides/deep/"),
        ("/v1/create", "/api/create"),
        ("/articles/concepts-two", "/guides/deep/two"),
        ("/with-anchor", "/quickstart#install"),
        ("/nothing", None),
        ("/v1/a/b", None),
    ],
)
def test_redirect_patterns(path: str, expected: str | None) -> None:
    hit = match(RULES, path)
    assert (hit[1] if hit else None) == expected


def test_redirect_chains_and_loops() -> None:
    assert final_destination(RULES, "/old-quickstart") == "/quickstart"
    assert final_destination(RULES, "/chain/a") == "/quickstart"
    assert final_destination(RULES, "/loop/a") is None


def test_normalize_path() -> None:
    assert normalize_path("/a/b/index.html") == "/a/b"
    assert normalize_path("a//b/") == "/a/b"
    assert normalize_path("/") == "/"


def test_base_url_helpers() -> None:
    assert base_path_of("https://example.com/docs") == "/docs/"
    assert base_path_of("/docs") == "/docs/"
    assert base_path_of("https://example.com") == "/"
    assert base_path_of("") == "/"
    assert absolute_base("https://example.com/docs") == "https://example.com/docs/"
    assert absolute_base("/docs/") == ""


def test_css_rewrite_offline_and_hosted() -> None:
    css = FILES["styles.css"]
    off = rewrite_css_urls(css, "css/site.css", mode="offline")
    assert 'url("../images/bg.png")' in off
    assert 'fonts.googleapis.com/css2?family=Inter&display=swap");' not in off
    assert "url('images/pic.png')" in off  # relative URLs are left alone
    assert "data:image/png;base64,AAAA" in off
    hosted = rewrite_css_urls(css, "styles.css", mode="hosted", base_path="/docs/")
    assert 'url("/docs/images/bg.png")' in hosted
    assert '@import url("https://fonts.googleapis.com' in hosted


def test_minify_css_keeps_meaning() -> None:
    src = (
        "/* c */\na  >  b { color : red ; }\n"
        ".x:hover , .y a{margin:calc(1px + 2px) ;}\n"
        "/*! licence */\n"
        "@media (min-width: 40em) { .z { padding : 0 } }\n"
    )
    out = minify_css(src)
    assert "/* c */" not in out and "\n" not in out.replace("/*! licence */", "")
    assert "a>b{color:red}" in out
    assert ".y a{" in out  # descendant combinator kept
    assert "calc(1px + 2px)" in out  # spaces calc() needs are kept
    assert "/*! licence */" in out
    assert "@media (min-width:40em){.z{padding:0}}" in out
    assert minify_css('a::after{content:" ; } /* x */ "}') == 'a::after{content:" ; } /* x */ "}'
    assert len(out) < len(src) - 30


def test_minified_css_urls_are_still_rewritten() -> None:
    css = minify_css(FILES["styles.css"])
    assert "url(/images/bg.png)" in css
    off = rewrite_css_urls(css, "css/site.css", mode="offline")
    assert 'url("../images/bg.png")' in off
    assert "url('images/pic.png')" in off
    assert "data:image/png;base64,AAAA" in off
    hosted = rewrite_css_urls(css, "styles.css", mode="hosted", base_path="/docs/")
    assert 'url("/docs/images/bg.png")' in hosted


def test_minify_js_keeps_strings_and_regexes() -> None:
    src = (
        "var a = x / 2; // half\n"
        "var r = /[/]\\//g.test(s); /* note */\n"
        "function f(u) {\n"
        "  return /a\\/b/.test(u);\n"
        "}\n"
        "var s = 'http://x // y';\n"
        "var t = `a ${ {b: 1}.b } /* kept */ c`;\n"
        "var n = a\n"
        "++b\n"
        "/*! licence */\n"
    )
    out = minify_js(src)
    assert "// half" not in out and "/* note */" not in out
    assert "    " not in out  # indentation gone
    assert "/[/]\\//g.test(s)" in out
    assert "return/a\\/b/.test(u)" in out or "return /a\\/b/.test(u)" in out
    assert "'http://x // y'" in out
    assert "`a ${ {b: 1}.b } /* kept */ c`" in out
    assert "/*! licence */" in out
    assert "a\n++b" in out  # the line break semicolon insertion depends on stays
    assert out.endswith("\n") and len(out) < len(src)


def test_markdown_export_components(tmp_path: Path) -> None:
    from mintrender.errors import Diagnostics
    from mintrender.parse.mdx import parse_page

    docs = make_fixture(tmp_path / "docs")
    src = (docs / "quickstart.mdx").read_text(encoding="utf-8")
    parsed = parse_page(
        "quickstart.mdx",
        src,
        docs_dir=docs,
        diagnostics=Diagnostics(),
        read=lambda rel: (docs / rel).read_text() if (docs / rel).is_file() else None,
    )
    md = page_markdown(
        parsed.tokens, title="Quickstart", description="Install and run.", link=lambda h: h
    )
    assert md.startswith("# Quickstart\n\n> Install and run.\n")
    assert "> **Note**\n>\n> Install with **pip**." in md
    assert "Call `POST /v1/install` with your key." in md
    assert "big green button" not in md
    assert "### macOS" in md and "### Linux" in md
    assert "```bash install.sh\npip install fixture\n```" in md
    assert "```python main.py\nimport fixture\n```" in md


def test_first_paragraph() -> None:
    assert first_paragraph("One\ntwo\n\nThree") == "One two"
    long = "word " * 100
    cut = first_paragraph(long)
    assert len(cut) <= 300 and cut.endswith("…")


def test_links_to_redirect_sources_go_to_the_destination() -> None:
    from mintrender.load.redirects import RedirectTargets
    from mintrender.urls import ROOT, UrlBuilder

    targets = RedirectTargets([_R(r["source"], r["destination"]) for r in CONFIG["redirects"]])
    assert targets["/chain/a"] == "/quickstart"
    assert "/loop/a" not in targets and "/moved/:slug*" not in list(targets)
    assert targets["/moved/one"] == "/guides/deep/one"  # a wildcard source matches
    urls = UrlBuilder("hosted", frozenset({"/quickstart", "/"}), frozenset(), targets)
    assert urls.resolve("/chain/a#x") == (ROOT + "quickstart/#x", True)
    assert urls.resolve("/with-anchor#x") == (ROOT + "quickstart/#install", True)
    assert urls.resolve("/missing") == (ROOT + "missing/", False)


def test_a_link_to_a_missing_file_keeps_its_file_name() -> None:
    """`/img/x.png` that the docs do not hold (the files a server holds beside the docs) is
    written as a file, not as the page `/img/x.png/`; a missing page is still a page."""
    from mintrender.urls import ROOT, UrlBuilder

    for mode, page in (("hosted", "v1.2/"), ("offline", "v1.2/index.html")):
        urls = UrlBuilder(mode, frozenset({"/"}), frozenset())  # type: ignore[arg-type]
        assert urls.resolve("/img/missing.png") == (ROOT + "img/missing.png", False)
        assert urls.resolve("files/report.pdf?dl=1#p2") == (
            ROOT + "files/report.pdf?dl=1#p2",
            False,
        )
        assert urls.resolve("/x.tar.gz") == (ROOT + "x.tar.gz", False)
        assert urls.resolve("/guide.md") == (ROOT + "guide.md", False)
        assert urls.resolve("/v1.2") == (ROOT + page, False)


def test_links_to_the_files_every_build_writes_are_known() -> None:
    """`/llms.txt`, `/llms-full.txt`, `/sitemap.xml` and `/robots.txt` are written by every
    build (grid-api links to the first two: two false `broken-link` warnings), and
    `/index.md` is the home page's source."""
    from mintrender.urls import ROOT, UrlBuilder

    urls = UrlBuilder("hosted", frozenset({"/"}), frozenset())
    for name in ("llms.txt", "llms-full.txt", "sitemap.xml", "robots.txt"):
        assert urls.resolve("/" + name) == (ROOT + name, True)
    assert urls.resolve("/index.md") == (ROOT, True)
    assert urls.resolve("/llms-other.txt") == (ROOT + "llms-other.txt", False)


def test_a_missing_file_is_never_said_to_mean_a_page() -> None:
    """`/images/mark-solution-instructions.png` is an image: the guess is a file near it, or
    none, never the page `/channel-settings/mark-solution-instructions` (AnswerOverflow)."""
    from mintrender.urls import UrlBuilder

    pages = frozenset({"/", "/channel-settings/mark-solution-instructions"})
    urls = UrlBuilder("hosted", pages, frozenset({"images/mark-solution.png"}))
    assert urls.nearest("/images/mark-solution-instructions.png") == "/images/mark-solution.png"
    assert UrlBuilder("hosted", pages).nearest("/images/mark-solution-instructions.png") is None
    assert urls.nearest("/channel-settings/mark-solution-instruction") == (
        "/channel-settings/mark-solution-instructions"
    )


def test_offline_llms_full_links_are_relative_to_the_site_root(tmp_path: Path) -> None:
    """Each page's Markdown copy links relative to its own folder; pasted into llms-full.txt
    (at the root) those links climbed out of the site (`../../index.html`, Bytez). In a table
    cell too (rockboxd)."""
    table = "| Where | Link |\n| --- | --- |\n| cell | [Home](/index) |\n"
    files = {
        "index.mdx": "Home page.\n",
        "guide/deep/page.mdx": "See [the home page](/index).\n\n" + table,
    }
    docs = write_site(tmp_path / "d", files, minimal_config(["index", "guide/deep/page"]))
    build_site(docs, tmp_path / "out", mode="offline")
    full = (tmp_path / "out" / "llms-full.txt").read_text(encoding="utf-8")
    copy = (tmp_path / "out" / "guide" / "deep" / "page.md").read_text(encoding="utf-8")
    assert "See [the home page](index.html)." in full and "\x1e" not in full
    assert "See [the home page](../../index.html)." in copy and "\x1e" not in copy
    # rockboxd: a link in a table cell lost its `../` (the cell's white space made one line)
    assert "| cell | [Home](../../index.html) |" in copy and "| cell | [Home](index.html) |" in full
    assert "\x00" not in copy + full


def _built_copies(tmp_path: Path, body: str) -> tuple[str, str]:
    """The Markdown copy and llms-full.txt of a one-page site holding `body`."""
    files = {"index.mdx": "---\ntitle: P\n---\n\n" + body}
    docs = write_site(tmp_path / "d", files, minimal_config(["index"]))
    build_site(docs, tmp_path / "out")
    out = tmp_path / "out"
    return tuple(  # type: ignore[return-value]
        (out / name).read_text(encoding="utf-8") for name in ("index.md", "llms-full.txt")
    )


def test_a_prompts_markdown_copy_is_the_text_it_copies(tmp_path: Path) -> None:
    """mdcms' Prompts: a description with its own `**` was bolded again (`****Complete…`),
    and the fence held the prompt rebuilt from Markdown (`[http://…](http://…)`), not the
    text the Copy button copies."""
    text = (
        '<Prompt description="**Complete setup** — Docker and first sync">\n'
        "Server runs at http://localhost:4000. Log in.\n</Prompt>\n\n"
        '<Prompt description="Plain">\nDo *this*.\n</Prompt>\n'
    )
    copy = _built_copies(tmp_path, text)[0]
    assert "**Complete setup** — Docker and first sync\n\n```text\n" in copy
    assert "Server runs at http://localhost:4000. Log in.\n```" in copy
    assert "**Plain**\n\n```text\nDo *this*.\n```" in copy


def test_a_light_and_dark_colors_markdown_copy_names_both(tmp_path: Path) -> None:
    """Context7's `<Color.Item value={{ light, dark }}>` gave `- Surface: ``` in the page's
    Markdown copy and llms-full.txt, where the swatch shows both colours."""
    text = (
        '<Color variant="compact">\n'
        '  <Color.Item name="Primary" value="#10B981" />\n'
        '  <Color.Item name="Surface" value={{ light: "#FFFFFF", dark: "#18181B" }} />\n'
        '  <Color.Item name="Same" value={{ light: "#000000", dark: "#000000" }} />\n'
        "</Color>\n"
    )
    for copy in _built_copies(tmp_path, text):
        assert "- Primary: `#10B981`\n" in copy
        assert "- Surface: `#FFFFFF` (light), `#18181B` (dark)\n" in copy
        assert "- Same: `#000000`\n" in copy


def test_frame_captions_and_tooltip_headlines_reach_the_markdown_copy(tmp_path: Path) -> None:
    """A Frame's caption and hint, and a Tooltip's headline, were left out of the page's
    Markdown copy and llms-full.txt, where the HTML shows them."""
    text = (
        '<Frame caption="Demo video" hint="Watch first">\n'
        '  <video src="https://example.com/demo.mp4" controls />\n</Frame>\n\n'
        'Hover <Tooltip headline="API key" tip="A secret token">here</Tooltip> now.\n'
    )
    for copy in _built_copies(tmp_path, text):
        assert "Watch first\n\n[Video](https://example.com/demo.mp4)\n\n*Demo video*\n" in copy
        assert "Hover here (API key: A secret token) now." in copy
