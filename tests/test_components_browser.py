"""Components in headless Chromium: tabs, code groups and their sync, dropdowns, accordions
and the URL hash, copy buttons, tooltips, and the no-JS fallback. One small offline site."""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sitekit import reload_once_stored

from mintrender.build import build
from mintrender.model import BuildOptions

CHROMIUM = shutil.which("chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium executable on PATH"),
]

PAGE = """---
title: "Components"
---

## Tabs

<Tabs>
  <Tab title="npm">npm content</Tab>
  <Tab title="yarn">yarn content</Tab>
  <Tab title="pnpm">pnpm content</Tab>
</Tabs>

## Groups

<CodeGroup>

```bash npm
npm i mint
```

```bash yarn
yarn add mint
```

</CodeGroup>

<CodeGroup>

```bash npm
npm run dev
```

```bash yarn
yarn dev
```

</CodeGroup>

<Tabs sync={false}>
  <Tab title="npm">unsynced npm</Tab>
  <Tab title="yarn">unsynced yarn</Tab>
</Tabs>

<CodeGroup dropdown>

```javascript hello.js
console.log("js");
```

```python hello.py
print("py")
```

</CodeGroup>

## Accordions

<Accordion title="First question">First answer.</Accordion>

<Accordion title="Second question" id="second">
  <ParamField body="deep" type="string">Inside an accordion.</ParamField>
</Accordion>

## Inline

An <Tooltip tip="Application programming interface" headline="API">API</Tooltip> call.

```bash title.sh
echo copied
```
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = tmp_path_factory.mktemp("docs")
    (docs / "docs.json").write_text(
        json.dumps(
            {
                "name": "Demo",
                "theme": "mint",
                "colors": {"primary": "#0260fa"},
                "navigation": {"pages": ["index"]},
            }
        ),
        encoding="utf-8",
    )
    (docs / "index.mdx").write_text(PAGE, encoding="utf-8")
    out = tmp_path_factory.mktemp("site")
    result = build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline"))
    assert not result.fatal
    return out / "index.html"


@contextlib.contextmanager
def open_page(java_script: bool = True) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            context = b.new_context(java_script_enabled=java_script)
            context.add_init_script(
                "window.__copied = [];"
                "Object.defineProperty(navigator, 'clipboard', {configurable: true, value: "
                "{writeText: function (t) { window.__copied.push(t); return Promise.resolve(); }}});"
            )
            yield context.new_page()
        finally:
            b.close()


@pytest.fixture()
def page(site: Path) -> Iterator[Any]:
    with open_page() as pg:
        pg.goto(site.as_uri())
        yield pg


def visible_text(page: Any, selector: str) -> list[str]:
    return page.eval_on_selector_all(
        selector,
        "els => els.filter(e => e.offsetParent !== null).map(e => e.textContent.trim())",
    )


def test_tabs_switch_on_click_and_keyboard(page: Any) -> None:
    tabs = page.locator(".mr-tabs").first
    assert tabs.locator(".mr-tabs__panel").nth(0).is_visible()
    assert tabs.locator(".mr-tabs__panel-title").nth(0).is_hidden()
    assert tabs.locator(".mr-tabs__panel").nth(1).is_hidden()
    tabs.get_by_role("tab", name="yarn").click()
    assert tabs.locator(".mr-tabs__panel").nth(1).is_visible()
    assert tabs.locator(".mr-tabs__panel").nth(0).is_hidden()
    assert tabs.get_by_role("tab", name="yarn").get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowRight")
    assert tabs.locator(".mr-tabs__panel").nth(2).is_visible()
    assert page.evaluate("document.activeElement.dataset.tabTitle") == "pnpm"
    page.keyboard.press("Home")
    assert tabs.locator(".mr-tabs__panel").nth(0).is_visible()


def test_code_groups_and_tabs_sync_by_title_and_remember(page: Any, site: Path) -> None:
    groups = page.locator('[data-component="code-group"]')
    first, second = groups.nth(0), groups.nth(1)
    assert second.locator(".mr-codegroup__panel").nth(0).is_visible()
    first.get_by_role("tab", name="yarn").click()
    assert first.locator(".mr-codegroup__panel").nth(1).is_visible()
    assert second.locator(".mr-codegroup__panel").nth(1).is_visible()
    assert second.locator(".mr-codegroup__panel").nth(0).is_hidden()
    # a synced <Tabs> with the same title follows; sync={false} does not
    tabs = page.locator(".mr-tabs")
    assert tabs.nth(0).locator(".mr-tabs__panel").nth(1).is_visible()
    assert tabs.nth(1).locator(".mr-tabs__panel").nth(0).is_visible()
    # remembered across a reload (localStorage)
    reload_once_stored(page, "mr-tab-sync")
    assert (
        page.locator('[data-component="code-group"]')
        .nth(1)
        .locator(".mr-codegroup__panel")
        .nth(1)
        .is_visible()
    )


def test_dropdown_code_group(page: Any) -> None:
    group = page.locator(".mr-codegroup--dropdown")
    assert group.locator("select").input_value() == "hello.js"
    group.locator("select").select_option("hello.py")
    assert group.locator(".mr-codegroup__panel").nth(1).is_visible()
    assert group.locator(".mr-codegroup__panel").nth(0).is_hidden()
    assert visible_text(page, ".mr-codegroup--dropdown .mr-codegroup__tab") == ["hello.py"]


def test_accordion_opens_closes_and_writes_hash(page: Any) -> None:
    acc = page.locator("details.mr-accordion").first
    assert acc.evaluate("d => d.open") is False
    acc.locator("summary").click()
    assert acc.evaluate("d => d.open") is True
    page.wait_for_function("location.hash === '#first-question'")
    acc.locator("summary").click()
    assert acc.evaluate("d => d.open") is False


def test_accordion_opens_from_hash_of_itself_or_inside(site: Path) -> None:
    with open_page() as pg:
        pg.goto(site.as_uri() + "#second")
        assert pg.locator("#second").evaluate("d => d.open") is True
        assert pg.locator("#first-question").evaluate("d => d.open") is False
    with open_page() as pg:
        pg.goto(site.as_uri() + "#param-deep")
        assert pg.locator("#second").evaluate("d => d.open") is True
        assert pg.locator("#param-deep").is_visible()


def test_a_hash_differing_in_case_or_punctuation_lands_on_its_heading(site: Path) -> None:
    """`#First-Question` or `#firstquestion` for the id `first-question` (slugifiers differ in
    case and punctuation; `check` accepts such links): the browser found nothing and the link
    led nowhere. The page opens what the letters and digits name."""
    for fragment in ("#First-Question", "#firstquestion"):
        with open_page() as pg:
            pg.goto(site.as_uri() + fragment)
            assert pg.locator("#first-question").evaluate("d => d.open") is True, fragment
    with open_page() as pg:  # an exact id is still what it names
        pg.goto(site.as_uri() + "#second")
        assert pg.locator("#first-question").evaluate("d => d.open") is False


def test_hash_selects_the_tab_holding_the_target(site: Path) -> None:
    with open_page() as pg:
        pg.goto(site.as_uri() + "#pnpm")
        assert pg.locator("#pnpm").is_visible()


def test_copy_buttons_copy_the_visible_code(page: Any) -> None:
    block = page.locator(".mr-code", has_text="echo copied").first
    block.hover()
    block.locator('button[data-component="copy"]').click()
    page.wait_for_function("window.__copied.length === 1")
    assert page.evaluate("window.__copied") == ["echo copied"]
    group = page.locator('[data-component="code-group"]').first
    group.get_by_role("tab", name="yarn").click()
    group.locator(".mr-codegroup__copy").click()
    page.wait_for_function("window.__copied.length === 2")
    assert page.evaluate("window.__copied[1]") == "yarn add mint"


def test_tooltip_shows_on_hover_and_focus(page: Any) -> None:
    bubble = page.locator(".mr-tooltip__bubble")
    assert bubble.evaluate("b => getComputedStyle(b).visibility") == "hidden"
    page.locator(".mr-tooltip__trigger").hover()
    page.wait_for_function(
        "getComputedStyle(document.querySelector('.mr-tooltip__bubble')).opacity === '1'"
    )
    assert bubble.evaluate("b => getComputedStyle(b).visibility") == "visible"
    assert "Application programming interface" in bubble.inner_text()
    page.mouse.move(0, 0)
    page.locator(".mr-tooltip__trigger").focus()
    assert bubble.evaluate("b => getComputedStyle(b).visibility") == "visible"
    page.keyboard.press("Escape")
    page.wait_for_function(
        "getComputedStyle(document.querySelector('.mr-tooltip__bubble')).visibility === 'hidden'"
    )


def test_without_javascript_every_panel_is_readable(site: Path) -> None:
    with open_page(java_script=False) as pg:
        pg.goto(site.as_uri())
        tabs = pg.locator(".mr-tabs").first
        assert tabs.locator(".mr-tabs__list").is_hidden()
        for i in range(3):
            assert tabs.locator(".mr-tabs__panel").nth(i).is_visible()
        assert tabs.locator(".mr-tabs__panel-title").nth(1).inner_text() == "yarn"
        group = pg.locator('[data-component="code-group"]').first
        assert group.locator(".mr-codegroup__panel").nth(1).is_visible()
        assert group.locator(".mr-code__header").nth(1).is_visible()


def test_a_closed_tooltip_never_widens_a_phone_page(tmp_path: Path) -> None:
    """A tooltip at the end of a line (OpenClaw's "…on the host."): the closed bubble is out of
    the layout, so a phone's page does not scroll sideways; tapped, it opens on screen."""
    docs = tmp_path / "docs"
    docs.mkdir()
    config = {"name": "D", "theme": "mint", "colors": {"primary": "#0260fa"}}
    config["navigation"] = {"pages": ["index"]}
    (docs / "docs.json").write_text(json.dumps(config), encoding="utf-8")
    words = "Open the Control UI in the browser on the"
    tip = "The machine running the gateway service."
    page_text = f'---\ntitle: "Tip"\n---\n\n{words} <Tooltip tip="{tip}">host</Tooltip>.\n'
    (docs / "index.mdx").write_text(page_text, encoding="utf-8")
    out = tmp_path / "out"
    assert not build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline")).fatal
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            pg = b.new_page(viewport={"width": 390, "height": 800}, has_touch=True)
            pg.goto((out / "index.html").as_uri())
            width = "document.documentElement.scrollWidth"
            assert pg.evaluate(width) <= 390
            pg.locator(".mr-tooltip__trigger").tap()
            bubble = pg.locator(".mr-tooltip__bubble")
            pg.wait_for_function(
                "getComputedStyle(document.querySelector('.mr-tooltip__bubble')).opacity === '1'"
            )
            box = bubble.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
            assert tip in bubble.inner_text()
        finally:
            b.close()


def test_a_steps_own_title_size_wins_over_its_steps(tmp_path: Path) -> None:
    """`<Steps titleSize="h3">` with one `<Step titleSize="p">`: that step's title is drawn at
    the size of a `p` title, as its own prop says (the Steps' rule outweighed it: 20px)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    config = {"name": "D", "theme": "mint", "colors": {"primary": "#0260fa"}}
    config["navigation"] = {"pages": ["index"]}
    (docs / "docs.json").write_text(json.dumps(config), encoding="utf-8")
    steps = (
        '<Steps titleSize="h3">\n  <Step title="Three">Body.</Step>\n'
        '  <Step title="Para" titleSize="p">Body.</Step>\n'
        '  <Step title="Two" titleSize="h2">Body.</Step>\n</Steps>\n\n'
        '<Steps>\n  <Step title="Plain">Body.</Step>\n</Steps>\n'
    )
    (docs / "index.mdx").write_text(f'---\ntitle: "S"\n---\n\n{steps}', encoding="utf-8")
    out = tmp_path / "out"
    assert not build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline")).fatal
    with open_page() as pg:
        pg.goto((out / "index.html").as_uri())
        sizes = pg.evaluate(
            "[...document.querySelectorAll('.mr-step__title')].map(e => "
            "[e.textContent, e.tagName, getComputedStyle(e).fontSize])"
        )
    assert sizes == [
        ["Three", "H3", "20px"],
        ["Para", "P", "16px"],
        ["Two", "H2", "24px"],
        ["Plain", "P", "16px"],
    ]
