"""The contextual page menu: only actions that work here; Copy page copies the page's Markdown."""

from __future__ import annotations

import contextlib
import http.server
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sitekit import build_site, minimal_config, write_site

from mintrender.write.contextual import contextual_options

OPTIONS = {
    "options": [
        "claude",
        "copy",
        "view",
        "mcp",
        {"title": "Ideas", "href": "https://x.example/$path"},
    ]
}


def test_options_need_what_they_use() -> None:
    ids = [o["id"] for o in contextual_options(OPTIONS, {}, "/a/b", None)]
    assert ids == ["copy", "view", "custom"]  # no public URL: no AI chat; mcp needs a server
    with_url = contextual_options(OPTIONS, {}, "/a/b", "https://docs.example.com/a/b/")
    assert with_url[0]["id"] == "claude" and "docs.example.com%2Fa%2Fb" in with_url[0]["href"]
    assert with_url[-1]["href"] == "https://x.example//a/b"
    assert contextual_options(OPTIONS, {"contextual": {"options": []}}, "/a", None) == []
    assert contextual_options(None, {}, "/a", None) == []
    # `contextual: false` in a page's frontmatter (Bun's guides index) hides its menu
    assert contextual_options(OPTIONS, {"contextual": False}, "/a", None) == []


@contextlib.contextmanager
def served_page(out: Path, path: str, width: int = 1280) -> Iterator[Any]:
    """A page of the site built in `out`, served over HTTP and opened in headless Chromium at
    `width`, with the clipboard allowed (Copy page writes it)."""
    from playwright.sync_api import sync_playwright

    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    handler.log_message = lambda *a: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium"),
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            context = browser.new_context(viewport={"width": width, "height": 900})
            context.grant_permissions(["clipboard-read", "clipboard-write"])
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{server.server_port}{path}")
            yield page
            browser.close()
    finally:
        server.shutdown()


@pytest.mark.skipif(
    shutil.which("chromium") is None, reason="no chromium on PATH (apt-get install chromium)"
)
def test_copy_page_copies_the_markdown(tmp_path: Path) -> None:
    config = minimal_config(["a"], contextual={"options": ["copy", "view"]})
    docs = write_site(
        tmp_path / "d", {"a.mdx": "---\ntitle: Alpha\n---\n\nSome **text**.\n"}, config
    )
    build_site(docs, tmp_path / "out")
    with served_page(tmp_path / "out", "/a/") as page:
        page.click(".mr-contextual__main")
        page.wait_for_selector(".mr-contextual.is-copied")
        text = page.evaluate("navigator.clipboard.readText()")
        assert "Alpha" in text and "**text**" in text


@pytest.mark.skipif(
    shutil.which("chromium") is None, reason="no chromium on PATH (apt-get install chromium)"
)
def test_display_toc_puts_the_menu_atop_the_table_of_contents(tmp_path: Path) -> None:
    """`contextual.display: "toc"` was read by nothing: the menu stayed by the title. It heads
    the table of contents where that column shows (wide screens), works there, opens
    unclipped, and stays by the title on narrower screens and on pages with no contents."""
    config = minimal_config(["a", "b"], contextual={"options": ["copy", "view"], "display": "toc"})
    pages = {"a.mdx": "---\ntitle: Alpha\n---\n\n## One\n\nSome **text**.\n", "b.mdx": "B.\n"}
    docs = write_site(tmp_path / "d", pages, config)
    build_site(docs, tmp_path / "out")
    plain = (tmp_path / "out" / "b" / "index.html").read_text(encoding="utf-8")
    assert plain.count('class="mr-contextual"') == 1 and "mr-contextual-toc" not in plain
    with served_page(tmp_path / "out", "/a/", width=1440) as page:
        assert page.is_hidden(".mr-page-header .mr-contextual")
        page.click(".mr-toc .mr-contextual__more summary")
        item = page.locator(".mr-toc .mr-contextual__menu a").first
        box = item.bounding_box()
        assert box is not None
        hit = "([x, y]) => !!document.elementFromPoint(x, y)?.closest('.mr-contextual__menu')"
        assert page.evaluate(hit, [box["x"] + 10, box["y"] + box["height"] / 2])  # unclipped
        page.click(".mr-toc .mr-contextual__main")
        page.wait_for_selector(".mr-toc .mr-contextual.is-copied")
        assert "**text**" in page.evaluate("navigator.clipboard.readText()")
        page.set_viewport_size({"width": 900, "height": 900})
        assert page.is_visible(".mr-page-header .mr-contextual")


def test_every_page_action_left_out_is_said_once(tmp_path: Path) -> None:
    """Hebo lists `chatgpt` and builds with no public address: the entry needs the page's
    absolute URL, so it is left out, with an info saying how to get it; an action of
    Mintlify's own services is left out with an info too. None is dropped without a word."""
    custom = {"title": "Ask us", "href": "https://example.com/ask"}
    config = minimal_config(["index"], contextual={"options": ["copy", custom, "chatgpt", "mcp"]})
    docs = write_site(tmp_path / "docs", {"index.mdx": "Hi.\n"}, config)

    def infos(**options: str) -> list[str]:
        result = build_site(docs, tmp_path / "out", **options)
        return [d.message for d in result.diagnostics if d.code == "contextual-option"]

    found = infos()
    assert len(found) == 2
    assert found[0].startswith("page action 'chatgpt' needs the site's public address")
    assert "--base-url https://" in found[0]
    assert found[1].startswith("page action 'mcp' needs Mintlify's own services")
    assert [m.split("'")[1] for m in infos(base_url="https://docs.example.com/")] == ["mcp"]


def test_each_menu_row_has_an_icon_tile(tmp_path: Path) -> None:
    config = minimal_config(["a"], contextual={"options": OPTIONS["options"]})
    docs = write_site(tmp_path / "d", {"a.mdx": "---\ntitle: Alpha\n---\n\nText.\n"}, config)
    build_site(docs, tmp_path / "out", base_url="https://docs.example.com/")
    html = (tmp_path / "out" / "a" / "index.html").read_text(encoding="utf-8")
    menu = html[html.index('<ul class="mr-contextual__menu">') :]
    menu = menu[: menu.index("</ul>")]
    rows = menu.split("<li>")[1:]
    tiles = [
        row.split('class="mr-contextual__tile">')[1].split('"')[1].split("mr-ui-icon--")[1]
        for row in rows
    ]
    assert tiles == ["message-circle", "copy", "file-text", "link"]  # claude, copy, view, custom
    # links that leave the site say so; copying and the Markdown view do not
    outs = ["mr-contextual__out" in row for row in rows]
    assert outs == [True, False, False, True]


@pytest.mark.skipif(
    shutil.which("chromium") is None, reason="no chromium on PATH (apt-get install chromium)"
)
def test_the_page_menu_closes_on_escape_and_outside_clicks(tmp_path: Path) -> None:
    """The page menu's dropdown stayed open over the text after a click elsewhere or Escape
    (only the navbar's menus and selects closed): it closes as they do."""
    config = minimal_config(["a"], contextual={"options": ["copy", "view"]})
    docs = write_site(tmp_path / "d", {"a.mdx": "---\ntitle: Alpha\n---\n\nSome text.\n"}, config)
    build_site(docs, tmp_path / "out")
    more = ".mr-page-header .mr-contextual__more"
    with served_page(tmp_path / "out", "/a/") as page:
        page.click(f"{more} summary")
        assert page.evaluate(f"document.querySelector('{more}').open") is True
        page.click(".mr-prose p")
        assert page.evaluate(f"document.querySelector('{more}').open") is False
        page.click(f"{more} summary")
        page.keyboard.press("Escape")
        assert page.evaluate(f"document.querySelector('{more}').open") is False


@pytest.mark.skipif(
    shutil.which("chromium") is None, reason="no chromium on PATH (apt-get install chromium)"
)
def test_copy_page_from_disk_copies_the_markdown_or_all_the_text(tmp_path: Path) -> None:
    """From file:// (an `--offline` bundle), where no request can fetch the page's `.md`,
    "Copy page" copies that Markdown from its script twin `a.md.js` (it copied the page's
    flattened text: no headings, fences or description). Without the twin it copies the text,
    a closed accordion's answer and another tab's content included."""
    from playwright.sync_api import sync_playwright

    page_text = (
        "---\ntitle: Home\ndescription: What it is.\n---\n\n## Install\n\n"
        '<Tabs>\n  <Tab title="npm">Use npm.</Tab>\n'
        '  <Tab title="yarn">Use yarn.</Tab>\n</Tabs>\n\n'
        '<Accordion title="Secret">Hidden body text</Accordion>\n\n```bash\nnpm i x\n```\n'
    )
    config = minimal_config(["a"], contextual={"options": ["copy", "view"]})
    docs = write_site(tmp_path / "d", {"a.mdx": page_text}, config)
    out = tmp_path / "out"
    build_site(docs, out, mode="offline")
    markdown = (out / "a.md").read_text(encoding="utf-8")
    copied = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"))
        context = browser.new_context()
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        page = context.new_page()
        for _ in range(2):
            page.goto((out / "a" / "index.html").as_uri())
            page.click(".mr-contextual__main")
            page.wait_for_selector(".mr-contextual.is-copied")
            copied.append(page.evaluate("navigator.clipboard.readText()"))
            (out / "a.md.js").unlink(missing_ok=True)  # the second time: no twin
        browser.close()
    assert copied[0] == markdown and "## Install" in markdown and "> What it is." in markdown
    assert "```bash" in markdown
    text = copied[1]
    assert text.startswith("# Home")
    for part in ("Use npm.", "Use yarn.", "Secret", "Hidden body text"):
        assert part in text, (part, text)
    assert "Copy" not in text  # the buttons are no text of the page
