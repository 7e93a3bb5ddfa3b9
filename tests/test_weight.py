"""Page weight: pages link the core theme bundle and only the parts their content uses; search,
the Try it playground and closed sidebar groups load on first use (from file:// too, and under
a base URL). Sizes are measured by benchmarks/bench_weight.py, not asserted here."""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from sitekit import build_site, minimal_config, write_site

from mintrender.themes import theme_dir
from mintrender.write.bundle import theme_parts

GROUPS = 5
PER_GROUP = 20
REF_PAGES = [f"reference/entry-number-{i:03d}" for i in range(GROUPS * PER_GROUP)]

SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Items", "version": "1"},
    "servers": [{"url": "https://api.example.com"}],
    "paths": {
        "/items": {
            "post": {
                "summary": "Create item",
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {"name": {"type": "string"}},
                            }
                        }
                    }
                },
                "responses": {"200": {"description": "ok"}},
            }
        }
    },
}

FILES: dict[str, Any] = {
    "index.mdx": "---\ntitle: Home\n---\n\nPlain words, nothing else.\n",
    "guide.mdx": (
        "---\ntitle: Guide\n---\n\n## Install\n\n<Note>Read this first.</Note>\n\n"
        "```bash\npip install x\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    ),
    "api/create.mdx": "---\ntitle: Create\nopenapi: POST /items\n---\n",
    "openapi.json": SPEC,
    **{f"{p}.mdx": f"---\ntitle: Entry {p[-3:]}\n---\n\nText.\n" for p in REF_PAGES},
}

CONFIG = {
    "name": "Weight",
    "theme": "mint",
    "colors": {"primary": "#0D9373"},
    "api": {"openapi": "openapi.json"},
    "navigation": {
        "groups": [
            {"group": "Docs", "pages": ["index", "guide", "api/create"]},
            {
                "group": "Reference",
                "pages": [
                    {"group": f"Group {g}", "pages": REF_PAGES[g * PER_GROUP : (g + 1) * PER_GROUP]}
                    for g in range(GROUPS)
                ],
            },
        ]
    },
}


@functools.cache
def _built(mode: str, base_url: str, root: str) -> Path:
    docs = write_site(Path(root) / "docs", FILES, CONFIG)
    out = Path(root) / f"site-{mode}{base_url.replace('/', '-')}"
    result = build_site(docs, out, mode=mode, base_url=base_url)
    assert result.fatal is None, result.fatal
    return out


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("weight"))


@pytest.fixture(scope="module")
def site(workdir: str) -> Path:
    return _built("hosted", "", workdir)


def assets_of(html: str) -> tuple[list[str], list[str]]:
    """(stylesheets, scripts) the page links from _mintrender/, as file names, in order."""
    css = re.findall(r'<link rel="stylesheet" href="[^"]*_mintrender/([^"]+)"', html)
    js = re.findall(r'<script src="[^"]*_mintrender/([^"]+)"', html)
    return css, js


def test_home_page_references_only_the_core_bundles(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    css, js = assets_of(html)
    assert css[0] == "mintrender.css" and js == ["mintrender.js"]
    assert set(css) <= {"mintrender.css", "utilities.css"}
    for name in css + js:
        assert (site / "_mintrender" / name).is_file(), name
    # nothing of the search engine, the playground or any component part in the core
    core_js = (site / "_mintrender" / "mintrender.js").read_text(encoding="utf-8")
    assert "stemBmp" not in core_js and "mintrender.api.credential" not in core_js
    core_css = (site / "_mintrender" / "mintrender.css").read_text(encoding="utf-8")
    for part_class in ("mr-callout", "mr-card", "mr-api-field", "mr-search__", ".mr-code "):
        assert part_class not in core_css, part_class


def test_pages_link_the_parts_their_content_uses(site: Path) -> None:
    order = theme_parts(theme_dir("mint") / "static")
    guide_css, guide_js = assets_of((site / "guide" / "index.html").read_text(encoding="utf-8"))
    assert {"callout.css", "code.css", "table.css", "toc.css"} <= set(guide_css)
    assert {"code.js", "toc.js"} <= set(guide_js)
    assert not {"api.css", "fields.css", "card.css", "aside.css"} & set(guide_css)
    api_css, api_js = assets_of((site / "api" / "create" / "index.html").read_text("utf-8"))
    assert {"aside.css", "code.css", "fields.css", "api.css"} <= set(api_css)
    assert {"api.js", "code.js"} <= set(api_js) and "toc.css" not in api_css
    for css in (guide_css, api_css):  # core first, then the parts in cascade order
        parts = [n[: -len(".css")] for n in css if n not in ("mintrender.css", "utilities.css")]
        assert css[0] == "mintrender.css" and parts == sorted(parts, key=order.index)


def test_lazy_parts_are_written_but_never_linked(site: Path) -> None:
    assets = site / "_mintrender"
    for name in ("search.js", "search.css", "playground.js", "playground.css"):
        assert (assets / name).is_file(), name
    for page in site.rglob("*.html"):
        css, js = assets_of(page.read_text(encoding="utf-8"))
        assert not {"search", "playground"} & {n.rsplit(".", 1)[0] for n in css + js}, page


def test_closed_sidebar_groups_come_empty_with_their_payload(site: Path) -> None:
    html = (site / "reference" / "entry-number-025" / "index.html").read_text(encoding="utf-8")
    lazy = re.findall(r'<details data-lazy="([0-9a-f]{8})/(\d+)">', html)
    assert len(lazy) == GROUPS - 1  # every group but the open one
    assert html.count('<li><a href="/reference/entry-number-') == PER_GROUP
    [key] = {k for k, _ in lazy}
    payload = (site / "_mintrender" / f"nav-{key}.js").read_text(encoding="utf-8")
    data = json.loads(payload.split("]=", 1)[1].rstrip().rstrip(";"))
    assert set(data) >= {n for _, n in lazy}
    assert "\x1ereference/entry-number-000/" in data[lazy[0][1]]  # the root is put in by JS
    # without JS a closed group's title leads to its first page
    assert '<a class="mr-nav__first" href="/reference/entry-number-040/">' in html


# ---- in Chromium ---------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium")


def _page(browser: Any, **kw: Any) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **kw)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    return page


def _open_group(page: Any, title: str) -> list[str]:
    page.click(f'#sidebar summary:has-text("{title}")')
    group = page.locator(f'#sidebar details:has(> summary:has-text("{title}"))')
    group.locator("ul > li >> nth=0").wait_for()
    return group.locator("ul > li > a").evaluate_all("els => els.map(e => e.getAttribute('href'))")


@pytest.mark.browser
def test_offline_lazy_parts_from_file_urls(browser: Any, workdir: str) -> None:
    site = _built("offline", "", workdir)
    page = _page(browser)
    page.goto((site / "reference" / "entry-number-025" / "index.html").as_uri())
    hrefs = _open_group(page, "Group 0")
    assert hrefs[0] == "../../reference/entry-number-000/index.html"
    assert page.url.endswith("entry-number-025/index.html")  # opened, not navigated
    page.click('#sidebar a[href$="entry-number-003/index.html"]')
    page.wait_for_url("**/entry-number-003/index.html")
    # search: the engine and its stylesheet load on first use
    assert page.locator("script[src*='search.js']").count() == 0
    page.keyboard.press("Control+K")
    page.wait_for_selector(".mr-search__input", state="visible")
    # Try it: the playground loads on the first click
    page.goto((site / "api" / "create" / "index.html").as_uri())
    page.click('[data-component="api-tryit"]')
    page.wait_for_selector('[data-component="api-playground"]', state="visible")
    assert page.errors == []


@pytest.mark.browser
def test_without_js_closed_groups_link_to_their_first_page(browser: Any, workdir: str) -> None:
    site = _built("offline", "", workdir)
    page = _page(browser, java_script_enabled=False)
    page.goto((site / "reference" / "entry-number-025" / "index.html").as_uri())
    page.click('#sidebar a.mr-nav__first:has-text("Group 2")')
    page.wait_for_url("**/reference/entry-number-040/index.html")
    assert page.locator("#sidebar a[data-active]").inner_text() == "Entry 040"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.mark.browser
def test_base_url_lazy_sidebar(browser: Any, workdir: str) -> None:
    site = _built("hosted", "/docs/", workdir)
    root = Path(workdir) / "served"
    if not (root / "docs").exists():
        root.mkdir(exist_ok=True)
        shutil.copytree(site, root / "docs")
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = _page(browser)
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/docs/reference/entry-number-025/")
        assert _open_group(page, "Group 4")[0] == "/docs/reference/entry-number-080/"
        assert page.errors == []
    finally:
        server.shutdown()
        server.server_close()


def test_components_of_an_api_view_link_their_parts(tmp_path: Path) -> None:
    """An OpenAPI description renders components after the page's own MDX: their theme parts
    are linked too (and the report still counts the page's own components only)."""
    spec = {
        "openapi": "3.0.0",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/things": {
                "post": {
                    "summary": "Create a thing",
                    "description": '<Accordion title="Limits">At most ten.</Accordion>',
                    "responses": {"200": {"description": "OK"}},
                }
            }
        },
    }
    docs = write_site(
        tmp_path / "docs",
        {"openapi.json": spec, "create.mdx": '---\nopenapi: "POST /things"\n---\n'},
        minimal_config(["create"]),
    )
    result = build_site(docs, tmp_path / "out")
    page = (tmp_path / "out" / "create" / "index.html").read_text(encoding="utf-8")
    assert "mr-accordion" in page
    css, js = assets_of(page)
    assert "accordion.css" in css and "accordion.js" in js
    assert "Accordion" not in result.components
