"""mint theme behaviour in headless Chromium: dark toggle, drawer, TOC scroll-spy, copy, banner.

The pages come from a real offline build of the fixture site tests/sites/theme (docs.json, MDX
pages and a small OpenAPI spec), so the tests see what users get.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sitekit import minimal_config, reload_once_stored, write_site

from mintrender.build import build
from mintrender.model import BuildOptions

pytestmark = pytest.mark.browser

SITE = Path(__file__).resolve().parent / "sites" / "theme"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("mint-theme")
    result = build(BuildOptions(docs_dir=SITE, out_dir=out, mode="offline"))
    assert result.fatal is None, result.fatal
    # the fixture is clean: a warning means it (or the build) drifted
    assert [d.format() for d in result.diagnostics if d.severity != "info"] == []
    for name in ("quickstart", "api", "nested"):
        assert (out / name / "index.html").is_file(), name
    return out


def open_page(
    browser: Any, url: str, width: int = 1440, height: int = 900, scheme: str = "light"
) -> Any:
    ctx = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.errors = errors
    return page


def _one_page(browser: Any, tmp_path: Path, text: str, width: int = 1280) -> Any:
    """A site of one page of `text`, built for disk and opened at `width`."""
    docs = write_site(tmp_path / "docs", {"index.mdx": text}, minimal_config(["index"]))
    out = tmp_path / "out"
    assert build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline")).fatal is None
    return open_page(browser, (out / "index.html").as_uri(), width=width)


def test_dark_toggle_persists_across_reload(browser: Any, site: Path) -> None:
    page = open_page(browser, (site / "quickstart" / "index.html").as_uri())
    html_has_dark = "document.documentElement.classList.contains('dark')"
    assert page.evaluate(html_has_dark) is False
    page.click('[data-component="theme-toggle"]')
    assert page.evaluate(html_has_dark) is True
    assert page.evaluate("localStorage.getItem('mr-theme')") == "dark"
    reload_once_stored(page, "mr-theme")
    assert page.evaluate(html_has_dark) is True
    page.click('[data-component="theme-toggle"]')
    reload_once_stored(page, "mr-theme")
    assert page.evaluate(html_has_dark) is False
    assert page.errors == []
    page.context.close()


def test_a_page_left_open_or_back_from_the_cache_shows_the_theme_chosen_since(
    browser: Any, site: Path
) -> None:
    """Toggled to dark on one page: another page open in a second tab turns dark too, and a
    page shown again from the back/forward cache (`pageshow` with `persisted`) shows the theme
    chosen since; both kept the one they were left with."""
    first = open_page(browser, (site / "quickstart" / "index.html").as_uri())
    second = first.context.new_page()
    second.goto((site / "nested" / "index.html").as_uri())
    dark = "document.documentElement.classList.contains('dark')"
    assert second.evaluate(dark) is False
    first.click('[data-component="theme-toggle"]')
    second.wait_for_function(dark)
    # the cache: the page as it was left (light), then shown again after the choice (dark)
    second.evaluate("document.documentElement.classList.remove('dark')")
    second.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert second.evaluate(dark) is True
    assert second.evaluate("document.documentElement.style.colorScheme") == "dark"
    assert first.errors == []
    first.context.close()


def test_drawer_opens_and_closes_on_phone(browser: Any, site: Path) -> None:
    page = open_page(browser, (site / "nested" / "index.html").as_uri(), 390, 844)
    sidebar = page.locator("#sidebar")
    assert not sidebar.is_visible()
    page.click('.mr-subbar [data-component="drawer-open"]')
    page.wait_for_timeout(300)
    assert sidebar.is_visible()
    assert page.evaluate("document.documentElement.classList.contains('mr-drawer-open')")
    assert page.locator('[data-component="drawer-backdrop"]').is_visible()
    # the active page (below the fold of the fixture's long sidebar) is scrolled into view
    active = page.locator("#sidebar .mr-nav a[data-active]")
    assert active.is_visible()
    box = active.bounding_box()
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= 844
    assert page.evaluate("document.querySelector('#sidebar .mr-sidebar__scroll').scrollTop") > 0
    page.click('#sidebar [data-component="drawer-close"]')
    sidebar.wait_for(state="hidden", timeout=5000)  # the closing transition, however slow
    assert not sidebar.is_visible()
    page.click('.mr-subbar [data-component="drawer-open"]')
    sidebar.wait_for(state="visible", timeout=5000)
    # a modal dialog: Tab never leaves it for the dimmed page behind (it did, 17 times in 40)
    assert sidebar.get_attribute("aria-modal") == "true"
    for _ in range(40):
        page.keyboard.press("Tab")
        assert page.evaluate("!!document.activeElement.closest('#sidebar')")
    page.keyboard.press("Escape")  # Escape closes an open drawer
    sidebar.wait_for(state="hidden", timeout=5000)
    assert not sidebar.is_visible() and sidebar.get_attribute("aria-modal") is None
    assert page.evaluate("!document.querySelector('.mr-main').inert")
    assert page.errors == []
    page.context.close()


def test_toc_scroll_spy(browser: Any, site: Path) -> None:
    page = open_page(browser, (site / "quickstart" / "index.html").as_uri())
    active = "Array.from(document.querySelectorAll('.toc-item[data-active-deepest] a')).map(a => a.getAttribute('href'))"
    assert page.evaluate(active) == ["#get-your-api-key"]
    page.evaluate("document.getElementById('status-values').scrollIntoView()")
    page.wait_for_timeout(200)
    assert page.evaluate(active) == ["#status-values"]
    # the h2 above the h3 in view is marked too
    parents = page.evaluate(
        "Array.from(document.querySelectorAll('.toc-item[data-active] a')).map(a => a.getAttribute('href'))"
    )
    assert parents == ["#make-your-first-request", "#status-values"]
    page.evaluate("document.getElementById('migrating-from-v5').scrollIntoView()")
    page.wait_for_timeout(200)
    assert page.evaluate(active) == ["#migrating-from-v5"]
    page.context.close()


def test_toc_scroll_spy_passes_over_headings_in_closed_tabs(browser: Any, tmp_path: Path) -> None:
    """A heading inside a tab that is not open measured top 0, "already passed": the TOC
    marked it from the page's top on (Bun's installation page). It is skipped until shown."""
    filler = "\n\n".join(["Lorem ipsum dolor sit amet. " * 12] * 8)
    text = (
        f'## Alpha\n\n{filler}\n\n<Tabs>\n<Tab title="One">\nx\n</Tab>\n<Tab title="Two">\n'
        f"### Hidden in two\n\ny\n</Tab>\n</Tabs>\n\n{filler}\n\n## Beta\n\n{filler}\n"
    )
    page = _one_page(browser, tmp_path, text, width=1440)
    active = "Array.from(document.querySelectorAll('.toc-item[data-active-deepest] a')).map(a => a.getAttribute('href'))"
    page.evaluate("window.scrollTo(0, 400)")
    page.wait_for_timeout(200)
    assert page.evaluate(active) == ["#alpha"]
    page.evaluate("document.getElementById('beta').scrollIntoView()")
    page.wait_for_timeout(200)
    assert page.evaluate(active) == ["#beta"]
    assert page.errors == []
    page.context.close()


def test_image_icons_are_glyph_sized_and_long_descriptions_wrap(
    browser: Any, tmp_path: Path
) -> None:
    """An image `icon` on a code block had no size: an SVG with only a viewBox filled the
    title and hid the file name (Bun's `index.ts`). A long URL in the description made the
    whole page scroll sideways on a phone."""
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="18" height="18"/></svg>'
    long_url = "https://platform.example.com/" + "/".join(["segment"] * 12)
    text = (
        f'---\ntitle: T\ndescription: "See ({long_url}) for details."\n---\n\n'
        '```ts index.ts icon="/ts.svg"\nconst a = 1;\n```\n'
    )
    docs = write_site(tmp_path / "docs", {"index.mdx": text}, minimal_config(["index"]))
    (docs / "ts.svg").write_text(svg, encoding="utf-8")
    out = tmp_path / "out"
    assert build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline")).fatal is None
    page = open_page(browser, (out / "index.html").as_uri(), width=390)
    icon = page.locator(".mr-code__title img").bounding_box()
    assert icon is not None and icon["width"] <= 16 and icon["height"] <= 16
    assert page.locator(".mr-code__title", has_text="index.ts").is_visible()
    overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert page.evaluate(overflow) <= 0
    page.context.close()


def test_copy_button_and_banner_dismiss(browser: Any, site: Path) -> None:
    page = open_page(browser, (site / "quickstart" / "index.html").as_uri())
    button = page.locator(".mr-code .mr-copy").first
    page.locator(".mr-code").first.hover()
    button.click()
    # the copy is asynchronous (the clipboard's promise): wait for it to be shown as done
    page.wait_for_function("b => b.hasAttribute('data-copied')", arg=button.element_handle())
    assert button.get_attribute("aria-label") == "Copied"
    assert page.locator("#banner").is_visible()
    page.focus('[data-component="banner-dismiss"]')
    page.keyboard.press("Enter")
    assert not page.locator("#banner").is_visible()
    # its button gone, focus goes on to the header (it fell back to the document's start)
    assert page.evaluate("!!document.activeElement.closest('.mr-navbar')")
    key = page.locator("#banner").get_attribute("data-key")
    assert page.evaluate("k => localStorage.getItem(k)", f"mr-banner:{key}") == "1"
    reload_once_stored(page, f"mr-banner:{key}")
    assert not page.locator("#banner").is_visible()
    page.context.close()


def test_expandable_code_and_feedback(browser: Any, site: Path) -> None:
    page = open_page(browser, (site / "quickstart" / "index.html").as_uri())
    block = page.locator(".mr-code[data-expandable]")
    assert "mr-code--collapsed" in (block.get_attribute("class") or "")
    block.locator(".mr-code__expand").click()
    assert "mr-code--collapsed" not in (block.get_attribute("class") or "")
    page.click('[data-feedback="yes"]')
    assert page.locator(".mr-feedback__thanks").is_visible()
    page.context.close()


def test_api_aside_sticks_right_on_desktop_and_inline_on_phone(browser: Any, site: Path) -> None:
    url = (site / "api" / "index.html").as_uri()
    page = open_page(browser, url)
    aside = page.locator(".mr-api-aside").bounding_box()
    title = page.locator("#page-title").bounding_box()
    assert aside and title and aside["x"] > title["x"] + title["width"] / 2
    page.context.close()
    phone = open_page(browser, url, 390, 844)
    aside = phone.locator(".mr-api-aside").bounding_box()
    header = phone.locator(".mr-api-header").bounding_box()
    body = phone.locator(".mr-prose").bounding_box()
    assert aside and header and body
    assert header["y"] < aside["y"] < body["y"]
    phone.context.close()


def test_header_geometry(browser: Any, site: Path) -> None:
    """look.md §1: 64px navbar row, 48px tabs row, sticky header, 18rem sidebar."""
    page = open_page(browser, (site / "quickstart" / "index.html").as_uri())
    row = page.locator(".mr-navbar__row").bounding_box()
    tabs = page.locator(".nav-tabs").bounding_box()
    sidebar = page.locator("#sidebar").bounding_box()
    assert row and tabs and sidebar
    assert round(row["height"]) == 64
    assert round(tabs["height"]) == 48
    assert 270 <= sidebar["width"] <= 300
    page.evaluate("window.scrollTo(0, 1200)")
    page.wait_for_timeout(100)
    header = page.locator(".mr-header").bounding_box()
    assert header and header["y"] == 0
    page.context.close()


def test_styling_codeblocks_one_look_in_both_modes(browser: Any, tmp_path: Path) -> None:
    """docs.json `styling.codeblocks: "dark"`: in light mode a code block and a code group have
    the dark panel and the dark token colours; the page around them stays light. A light Shiki
    theme for both modes (`github-light`) does the same the other way round in dark mode.
    Without either, code follows the mode."""
    page_text = (
        '---\ntitle: Code\n---\n\n```python a.py\ndef f():\n    return "x"\n```\n\n'
        "<CodeGroup>\n```bash npm\nnpm i\n```\n```bash yarn\nyarn add\n```\n</CodeGroup>\n"
    )
    looks = {}
    cases = (
        ("dark", {"codeblocks": "dark"}, "light"),
        ("system", {}, "light"),
        ("light", {"codeblocks": "github-light"}, "dark"),
        ("system-dark", {}, "dark"),
    )
    for name, styling, scheme in cases:
        docs = write_site(
            tmp_path / name, {"index.mdx": page_text}, minimal_config(["index"], styling=styling)
        )
        out = tmp_path / f"{name}-out"
        assert build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline")).fatal is None
        page = open_page(browser, (out / "index.html").as_uri(), scheme=scheme)
        looks[name] = page.evaluate(
            """() => {
              const bg = (s) => getComputedStyle(document.querySelector(s)).backgroundColor;
              const fg = (s) => getComputedStyle(document.querySelector(s)).color;
              return {pre: bg(".mr-code__pre"), group: bg(".mr-codegroup"), body: bg("body"),
                      keyword: fg(".mr-code__pre .k"), tab: fg(".mr-codegroup__tab:not([aria-selected=true])")};
            }"""
        )
        assert page.errors == []
        page.context.close()
    dark, system = looks["dark"], looks["system"]
    assert dark["pre"] == "rgb(11, 12, 14)" and dark["group"] == "rgb(22, 23, 28)"
    assert dark["body"] == system["body"] == "rgb(255, 255, 255)"
    assert system["pre"] == "rgb(255, 255, 255)"
    assert dark["keyword"] != system["keyword"]  # the dark style's keyword colour
    assert dark["tab"] == "rgb(156, 163, 175)"  # muted text for a dark panel
    light, system_dark = looks["light"], looks["system-dark"]
    assert light["body"] == system_dark["body"] == "rgb(15, 16, 20)"  # the page stays dark
    assert system_dark["pre"] == "rgb(11, 12, 14)" and system_dark["keyword"] == dark["keyword"]
    assert light["pre"] == "rgb(255, 255, 255)" and light["keyword"] == system["keyword"]
    assert light["tab"] == "rgb(107, 114, 128)"  # muted text for a light panel


def test_navbar_links_never_run_under_the_search(browser: Any, tmp_path: Path) -> None:
    """A navbar with several links, a language menu and a button (Phoenix's): from 1024px up
    the search pill ends before the first link, and stays centred when there is room."""
    config = minimal_config(["index"])
    config["navbar"] = {
        "links": [
            {"label": name, "href": f"https://example.com/{i}"}
            for i, name in enumerate(["TypeScript API", "Python API", "GitHub"])
        ],
        "primary": {"type": "button", "label": "Phoenix Cloud", "href": "https://example.com"},
    }
    docs = write_site(tmp_path / "docs", {"index.mdx": "# Hi\n\nText.\n"}, config)
    out = tmp_path / "out"
    assert build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline")).fatal is None
    for width in (1024, 1280, 1600):
        page = open_page(browser, (out / "index.html").as_uri(), width=width)
        search = page.locator(".mr-search-trigger").bounding_box()
        link = page.locator(".mr-navbar__links a").first.bounding_box()
        assert search and link
        assert search["x"] + search["width"] <= link["x"], width
        if width == 1600:  # room enough: the pill is in the middle of the row
            assert abs(search["x"] + search["width"] / 2 - width / 2) <= 2
        page.context.close()


def test_code_keeps_its_look_in_tables_fields_and_descriptions(
    browser: Any, tmp_path: Path
) -> None:
    """Inline code in a table cell stays one word (the table scrolls sideways on a phone, as
    Dify's and Prefect's variable tables need); a code block in a field looks like any other
    code block (FastMCP's), not like inline code; an operation description from a spec keeps
    its paragraphs and list apart (ComfyUI's)."""
    page_text = (
        "---\ntitle: Code\n---\n\n| Variable | Type | Description | Notes |\n|--|--|--|--|\n"
        "| `sys.workflow_run_id` | String | Workflow run id, used to record the runtime status "
        "of a workflow. | Can be used to track the application's execution records. |\n\n"
        '```python\nprint("top")\n```\n\n<ParamField body="url" type="str">\n  Issuer.\n\n'
        '  ```python\n  print("field")\n  ```\n</ParamField>\n'
    )
    spec = (
        '{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {"/jobs": {"get": '
        '{"summary": "List jobs", "description": "First.\\n\\n- one\\n- two\\n\\nSecond.", '
        '"responses": {"200": {"description": "OK"}}}}}}'
    )
    config = minimal_config(["index", "GET /jobs"])
    config["api"] = {"openapi": "openapi.json"}
    docs = write_site(tmp_path / "docs", {"index.mdx": page_text, "openapi.json": spec}, config)
    out = tmp_path / "out"
    assert build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline")).fatal is None
    page = open_page(browser, (out / "index.html").as_uri(), width=390)
    looks = page.evaluate(
        """() => {
          const code = document.querySelector("td code");
          const wrap = document.querySelector(".mr-table-wrap");
          const pre = [...document.querySelectorAll(".mr-code__pre code")];
          const style = (e) => { const c = getComputedStyle(e); return [c.fontSize, c.borderTopWidth, c.paddingLeft]; };
          return {lines: code.getClientRects().length, scrolls: wrap.scrollWidth > wrap.clientWidth,
                  top: style(pre[0]), field: style(pre[1])};
        }"""
    )
    assert looks["lines"] == 1 and looks["scrolls"]
    assert looks["field"] == looks["top"]
    page.context.close()
    operation = next(out.rglob("list-jobs/index.html"))
    page = open_page(browser, operation.as_uri())
    gaps = page.evaluate(
        """() => {
          const d = document.querySelector(".mr-page-description");
          const [p1, list, p2] = d.children;
          const box = (e) => e.getBoundingClientRect();
          return {after_list: box(p2).top - box(list).bottom, list_in: box(list.firstElementChild).left - box(d).left,
                  marker: getComputedStyle(list).listStyleType};
        }"""
    )
    assert gaps["after_list"] >= 8 and gaps["list_in"] >= 16 and gaps["marker"] == "disc"
    page.context.close()


def test_background_color_is_the_page_colour_in_each_mode(browser: Any, tmp_path: Path) -> None:
    """docs.json `background.color` (Activepieces': a near-black dark page) replaces the page
    colour per mode; the header's translucent fill follows it."""
    config = minimal_config(["index"])
    config["background"] = {"color": {"light": "#fdf6e3", "dark": "#090d0d"}}
    docs = write_site(tmp_path / "docs", {"index.mdx": "# Hi\n\nText.\n"}, config)
    out = tmp_path / "out"
    assert build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline")).fatal is None
    seen = {}
    for scheme in ("light", "dark"):
        page = open_page(browser, (out / "index.html").as_uri(), scheme=scheme)
        seen[scheme] = page.evaluate(
            "() => [getComputedStyle(document.body).backgroundColor,"
            " getComputedStyle(document.documentElement).getPropertyValue('--mr-bg-translucent')]"
        )
        page.context.close()
    assert seen["light"][0] == "rgb(253, 246, 227)" and seen["dark"][0] == "rgb(9, 13, 13)"
    assert "#fdf6e3" in seen["light"][1] and "#090d0d" in seen["dark"][1]


def test_code_samples_of_one_language_are_chosen_by_label(browser: Any, tmp_path: Path) -> None:
    """`x-codeSamples` with several samples per language (Portkey's Default and Self-Hosted
    per language): one tab per language, its samples chosen by label in a menu."""
    sample = {"lang": "cURL", "label": "Default", "source": "curl https://api.example.com/chat"}
    samples = [
        sample,
        {"lang": "cURL", "label": "Self-Hosted", "source": "curl https://self.example/chat"},
        {"lang": "python", "label": "Default", "source": "client.chat()"},
    ]
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/chat": {
                "post": {
                    "summary": "Chat",
                    "x-codeSamples": samples,
                    "responses": {"200": {"description": "OK"}},
                }
            }
        },
    }
    config = minimal_config(["POST /chat"])
    config["api"] = {"openapi": "openapi.json", "examples": {"autogenerate": False}}
    files = {"openapi.json": json.dumps(spec)}
    docs = write_site(tmp_path / "docs", files, config)
    out = tmp_path / "out"
    assert build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline")).fatal is None
    page = open_page(browser, next(out.rglob("chat/index.html")).as_uri())
    request = page.locator("#request-example")
    tabs = request.locator('[role="tab"]')
    assert tabs.all_inner_texts() == ["cURL", "Python"]

    def shown() -> list[str]:
        return [t.strip() for t in request.locator("pre:visible").all_inner_texts()]

    assert shown() == ["curl https://api.example.com/chat"]
    request.locator("select").select_option(label="Self-Hosted")
    assert shown() == ["curl https://self.example/chat"]
    tabs.nth(1).click()
    assert shown() == ["client.chat()"]
    assert page.errors == []
    page.context.close()


def test_a_group_after_loose_pages_is_spaced_as_after_a_group(browser: Any, tmp_path: Path) -> None:
    """A sidebar group heading right after pages listed before any group (Prefect's "Overview"
    then "Workflows") has the space above it that it has after another group."""
    config = minimal_config([])
    config["navigation"] = {
        "pages": [
            "index",
            {"group": "Workflows", "pages": ["flows"]},
            {"group": "Deploy", "pages": ["d"]},
        ]
    }
    files = {"index.mdx": "Overview.\n", "flows.mdx": "Flows.\n", "d.mdx": "D.\n"}
    docs = write_site(tmp_path / "docs", files, config)
    out = tmp_path / "out"
    assert build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline")).fatal is None
    page = open_page(browser, (out / "index.html").as_uri())
    gaps = page.evaluate(
        """() => [...document.querySelectorAll(".mr-nav__list--root > li")].map((li) => {
             const prev = li.previousElementSibling;
             return prev ? li.getBoundingClientRect().top - prev.getBoundingClientRect().bottom : null;
           })"""
    )
    assert gaps[1] >= 16 and abs(gaps[1] - gaps[2]) <= 2, gaps
    page.context.close()


def test_a_server_menu_and_a_long_path_share_the_endpoint_bar(browser: Any, tmp_path: Path) -> None:
    """Several servers and a long path (Dograh's telephony callbacks): the server menu keeps
    its host readable, and the path keeps its start, on a desktop and on a phone."""
    path = "/api/v1/telephony/telnyx/transfer-result/{transfer_id}"
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "servers": [{"url": "https://app.dograh.com"}, {"url": "http://localhost:8000"}],
        "paths": {
            path: {"post": {"summary": "Result", "responses": {"200": {"description": "OK"}}}}
        },
    }
    config = minimal_config([f"POST {path}"])
    config["api"] = {"openapi": "openapi.json"}
    docs = write_site(tmp_path / "docs", {"openapi.json": json.dumps(spec)}, config)
    out = tmp_path / "out"
    assert build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline")).fatal is None
    target = next(out.rglob("result/index.html")).as_uri()
    for width, least in ((1280, "app.dograh.com"), (390, "app.")):
        page = open_page(browser, target, width=width)
        menu, path_part, ch = page.evaluate(
            """() => {
                 const sel = document.querySelector(".mr-api-endpoint__server");
                 const path = document.querySelector(".mr-api-endpoint__path");
                 const probe = document.createElement("span");
                 probe.textContent = "0";
                 sel.parentNode.appendChild(probe);
                 const ch = probe.getBoundingClientRect().width;
                 probe.remove();
                 const style = getComputedStyle(sel);
                 const inner = sel.clientWidth - parseFloat(style.paddingLeft)
                   - parseFloat(style.paddingRight);
                 return [inner, path.clientWidth, ch];
               }"""
        )
        assert menu >= (len(least) + 1) * ch - 1, (width, menu, ch)
        assert path_part >= 8 * ch - 1, (width, path_part, ch)
        page.context.close()


def test_text_after_an_authors_own_block_has_a_paragraphs_space(
    browser: Any, tmp_path: Path
) -> None:
    """A `<div>` the author styles has no margin: the paragraph or list after it keeps the
    space typography gives it (OpenClaw's video embed, then "Watch on YouTube"); after a
    component, the component's own margin decides, as before."""
    page_text = (
        "<div style={{ height: 100, background: '#ccc' }} />\n\n[Watch](https://example.com)\n\n"
        '<div className="flex">Row</div>\n\n- item\n\n<Note>Careful.</Note>\n\nAfter the note.\n'
    )
    page = _one_page(browser, tmp_path, page_text)
    gaps = page.evaluate(
        """() => [...document.querySelectorAll(".mr-prose > *")].slice(1).map((el) => {
             const prev = el.previousElementSibling;
             return [prev.tagName + "." + (prev.className || ""), el.tagName,
                     Math.round(el.getBoundingClientRect().top - prev.getBoundingClientRect().bottom)];
           })"""
    )
    assert ["DIV.", "P", 20] in gaps and ["DIV.flex", "UL", 20] in gaps, gaps
    after_note = [g for g in gaps if g[0].startswith("DIV.mr-callout")]
    margin = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.mr-callout')).marginBottom)"
    )
    assert after_note and after_note[0][1:] == ["P", max(round(margin), 0)], (after_note, margin)
    page.context.close()


def test_lucide_icons_in_the_navigation_are_drawn_as_strokes(browser: Any, tmp_path: Path) -> None:
    """With `icons.library: "lucide"` (Hebo), the icons of groups, anchors, tabs and navbar
    links are outlines, as Lucide draws them, not solid shapes; Font Awesome's stay filled."""
    seen = {}
    for library in ("lucide", "fontawesome"):
        config = minimal_config([], icons={"library": library})
        config["navigation"] = {
            "global": {"anchors": [{"anchor": "Blog", "icon": "gauge", "href": "https://e.com"}]},
            "tabs": [
                {
                    "tab": "Docs",
                    "icon": "book",
                    "groups": [{"group": "Log", "icon": "calendar-days", "pages": ["index"]}],
                }
            ],
        }
        config["navbar"] = {"links": [{"label": "Src", "href": "https://e.com/s", "icon": "code"}]}
        docs = write_site(tmp_path / library, {"index.mdx": "Hi.\n"}, config)
        out = tmp_path / f"{library}-out"
        assert build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline")).fatal is None
        page = open_page(browser, (out / "index.html").as_uri(), width=1280)
        seen[library] = page.evaluate(
            """() => [".mr-nav__icon", ".mr-anchor__tile", ".mr-navtabs__icon",
                      ".mr-navbar__link-icon"].map((c) => {
                 const svg = document.querySelector(c + " svg");
                 return svg ? getComputedStyle(svg).fill : c + ": no icon";
               })"""
        )
        page.context.close()
    assert seen["lucide"] == ["none"] * 4, seen
    assert all(fill.startswith("rgb(") for fill in seen["fontawesome"]), seen


def test_a_long_heading_wraps_in_the_table_of_contents(browser: Any, tmp_path: Path) -> None:
    """01Resolved's `## GET /api/v1/proposal/analytics/{publicKey}/conviction-chart`: the
    contents column kept it on one line and clipped it behind a hidden scrollbar."""
    text = (
        "## GET /api/v1/proposal/analytics/publicKey/trade-frequency-chart\n\nText.\n\n"
        "## Second\n\nText.\n"
    )
    page = _one_page(browser, tmp_path, text)
    widths = page.evaluate(
        "() => { const t = document.querySelector('.mr-toc'); return [t.scrollWidth, t.clientWidth]; }"
    )
    assert widths[0] <= widths[1], widths
    page.context.close()


def test_a_long_default_wraps_in_its_column(browser: Any, tmp_path: Path) -> None:
    """agentset's `systemPrompt` default of 1,500 characters was one line 8,188 px wide: the
    page scrolled sideways on a phone and ran under the examples on a desktop."""
    prompt = "You are a helpful assistant. Answer with the search results only. " * 20
    text = f'<ParamField body="systemPrompt" type="string" default="{prompt}">The prompt.</ParamField>\n'
    for width in (1280, 390):
        page = _one_page(browser, tmp_path / str(width), text, width=width)
        overflow, pill = page.evaluate(
            """() => [document.documentElement.scrollWidth - window.innerWidth,
                      document.querySelector('.mr-api-field__head .mr-api-pill:not(.mr-api-pill--type)')
                        .getBoundingClientRect().right
                      - document.querySelector('.mr-api-field').getBoundingClientRect().right]"""
        )
        assert overflow <= 0 and pill <= 1, (width, overflow, pill)
        page.context.close()


def test_banner_api_headings_and_footer_keep_their_room(browser: Any, tmp_path: Path) -> None:
    """ModelsLab's own `#banner { padding: 12px 20px }` put its text under the close button
    at phone width; API section titles took the prose h2's 24px and margins; four footer
    columns ran past an API page's narrow content column. Each keeps its room now."""
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": {"/x": {"get": {"summary": "X", "responses": {"200": {"description": "ok"}}}}},
    }
    links = [
        {"header": h, "items": [{"label": "Terms of Service and more", "href": "https://e.com"}]}
        for h in ("Product", "Company", "Resources", "Legal")
    ]
    config = minimal_config(["index", "api"], footer={"links": links})
    config["banner"] = {"content": "NEW: a long announcement " * 3, "dismissible": True}
    files = {
        "index.mdx": "---\ntitle: Home\n---\n\nHello.\n",
        "api.mdx": "---\ntitle: X\nopenapi: GET /x\n---\n",
        "openapi.json": json.dumps(spec),
        "style.css": "#banner { padding: 12px 20px; }\n",
    }
    docs = write_site(tmp_path / "docs", files, config)
    out = tmp_path / "out"
    assert build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline")).fatal is None
    phone = open_page(browser, (out / "index.html").as_uri(), width=390)
    text = phone.locator(".mr-banner__content").bounding_box()
    close = phone.locator(".mr-banner__close").bounding_box()
    assert text["x"] + text["width"] <= close["x"], (text, close)
    page = open_page(browser, (out / "api" / "index.html").as_uri(), width=1280)
    title = page.locator(".mr-api-section__title").first
    assert title.evaluate("e => getComputedStyle(e).fontSize") == "20px"
    columns = page.locator(".mr-footer__columns").bounding_box()
    footer = page.locator(".mr-footer").bounding_box()
    assert columns["x"] + columns["width"] <= footer["x"] + footer["width"] + 1, (columns, footer)


def test_a_tab_menu_opens_under_its_tab(browser: Any, tmp_path: Path) -> None:
    """A tab's `menu` (mintlify-docs' "Learn"): a panel of its items under the tab, on hover and
    on keyboard focus, not clipped by the scrolling tabs row; each item links its first page."""
    config = minimal_config(["index"])
    config["navigation"] = {
        "tabs": [
            {"tab": "Docs", "pages": ["index"]},
            {
                "tab": "Learn",
                "menu": [
                    {
                        "item": "Course",
                        "icon": "book-open",
                        "description": "Self-paced lessons.",
                        "href": "https://example.com/learn",
                    },
                    {
                        "item": "Guides",
                        "description": "How-to guides.",
                        "groups": [{"group": "Guides", "pages": ["guides/one"]}],
                    },
                ],
            },
        ]
    }
    files = {"index.mdx": "# Hi\n\nText.\n", "guides/one.mdx": "---\ntitle: One\n---\nOne.\n"}
    docs = write_site(tmp_path / "docs", files, config)
    out = tmp_path / "out"
    assert build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline")).fatal is None
    page = open_page(browser, (out / "index.html").as_uri(), width=1280)
    panel = page.locator(".mr-navtabs__menu")
    assert panel.count() == 1 and not panel.is_visible()
    tab = page.locator(".mr-navtabs__item--menu > a")
    tab.hover()
    assert panel.is_visible()
    box, tab_box = panel.bounding_box(), tab.bounding_box()
    assert box and tab_box
    assert abs(box["x"] - tab_box["x"]) <= 1 and box["y"] >= tab_box["y"] + tab_box["height"] - 4
    # drawn, not clipped: the point in the panel's middle is the panel's
    inside = page.evaluate(
        "([x, y]) => !!document.elementFromPoint(x, y).closest('.mr-navtabs__menu')",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert inside
    items = page.locator(".mr-navtabs__menu-item")
    assert items.all_inner_texts()[0].split("\n")[:2] == ["Course", "Self-paced lessons."]
    assert items.nth(0).get_attribute("target") == "_blank"
    assert items.nth(1).get_attribute("href").endswith("guides/one/index.html")
    page.mouse.move(5, 600)
    assert not panel.is_visible()
    tab.focus()  # keyboard: Tab onto it, then on into its items
    assert panel.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").startswith("Course")
    assert panel.is_visible()
    assert page.errors == []
    page.context.close()


def test_an_authors_details_keeps_its_disclosure_triangle(browser: Any, tmp_path: Path) -> None:
    """`<details><summary>` written on a page shows its marker (the theme's own summaries, in
    accordions and menus, stay without one)."""
    text = (
        "---\ntitle: D\n---\n\n<details>\n<summary>Click to expand</summary>\n\n"
        'Hidden **text**.\n\n</details>\n\n<Accordion title="Acc">\n\nIn.\n\n</Accordion>\n'
    )
    page = _one_page(browser, tmp_path, text)
    own = page.eval_on_selector(
        ".mr-prose details > summary:not([class])",
        "e => [getComputedStyle(e).display, getComputedStyle(e).listStyleType]",
    )
    assert own == ["list-item", "disclosure-closed"]
    theirs = page.eval_on_selector(
        ".mr-prose summary[class]", "e => getComputedStyle(e).listStyleType"
    )
    assert theirs == "none"
    page.click("text=Click to expand")
    assert page.is_visible("text=Hidden")
    page.context.close()


def test_not_prose_turns_the_pages_text_styles_off_inside_it(browser: Any, tmp_path: Path) -> None:
    """`not-prose` (mint-tsdocs' type trees, Flowy's figures): Mintlify's typography skips what
    is inside it, so a custom component's paragraphs, code and headings are the author's own.
    The theme's text styles applied there anyway; outside it they still apply."""
    page_text = (
        "Outside with `code`.\n\n"
        '<div className="not-prose">\n  <p id="np-p">First</p>\n'
        '  <p>Second <code id="np-code">code</code></p>\n  <h3 id="np-h">Heading</h3>\n'
        '  <table><tbody><tr><td id="np-td">cell</td></tr></tbody></table>\n</div>\n\n'
        '<p className="not-prose" id="np-self">Itself.</p>\n'
    )
    page = _one_page(browser, tmp_path, page_text)

    def style(selector: str, prop: str) -> str:
        return str(page.eval_on_selector(selector, f"e => getComputedStyle(e).{prop}"))

    assert style(".mr-prose > p", "marginBottom") == "20px"
    assert style(".mr-prose > p code", "paddingLeft") != "0px"
    assert style("#np-p", "marginBottom") == "0px" and style("#np-self", "marginBottom") == "0px"
    assert style("#np-code", "paddingLeft") == "0px"
    assert style("#np-code", "backgroundColor") == "rgba(0, 0, 0, 0)"
    assert style("#np-h", "fontSize") == style("#np-p", "fontSize")
    assert style("#np-h", "marginTop") == "0px" and style("#np-td", "paddingTop") in ("0px", "1px")
    page.context.close()


def test_an_example_menu_with_a_long_summary_stays_inside_its_card(
    browser: Any, tmp_path: Path
) -> None:
    """Bodhveda's response examples ("Direct Notification Fanned Out to Inbox + Email"): the
    example menu took its longest option's width and ran past its card, whose edge cut the
    arrow off. Every API menu (request and response examples, content types) keeps within its
    box at any width, its text cut with an ellipsis."""
    long_type = "application/vnd.bodhveda.notification-fanout-result+json; charset=utf-8"
    examples = {
        "a": {"summary": "Direct Notification Fanned Out to Inbox + Email", "value": {"id": 1}},
        "b": {"summary": "Short", "value": {"id": 2}},
    }
    response = {"schema": {"type": "object"}, "examples": examples}
    request = {"one": {"summary": "A request example with a long summary", "value": {"x": "1"}}}
    request["two"] = {"summary": "Two", "value": {"x": "2"}}
    operation = {
        "summary": "Send notification",
        "requestBody": {"content": {"application/json": {"examples": request}}},
        "responses": {
            "200": {
                "description": "ok",
                "content": {"application/json": response, long_type: response},
            }
        },
    }
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": {"/notify": {"post": operation}},
    }
    config = minimal_config(["POST /notify"])
    config["api"] = {"openapi": "openapi.json"}
    docs = write_site(tmp_path / "docs", {"openapi.json": json.dumps(spec)}, config)
    out = tmp_path / "out"
    assert build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline")).fatal is None
    target = next(out.rglob("send-notification/index.html")).as_uri()
    for width in (1440, 1024, 390):
        page = open_page(browser, target, width=width)
        menus = page.evaluate(
            """() => [...document.querySelectorAll("select.mr-api-select")].map(sel => {
                 const box = sel.closest(".mr-api-example__group, .mr-api-response__head");
                 const r = sel.getBoundingClientRect(), b = box.getBoundingClientRect();
                 return [sel.closest(".mr-api-example") ? "aside" : "body",
                         r.right - b.right, r.left - b.left, sel.offsetParent !== null];
               })"""
        )
        shown = [m for m in menus if m[3]]
        assert len(shown) == 3 and {m[0] for m in shown} == {"aside", "body"}, (width, menus)
        for where, past_right, past_left, _ in shown:
            assert past_right <= 0 and past_left >= 0, (width, where, past_right, past_left)
        page.context.close()
