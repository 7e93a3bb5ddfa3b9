"""The mint theme's layout measured in headless Chromium against look.md: the navbar's logo and
links at desktop widths, hover colours in dark mode, a long site name in the phone footer,
focus rings in scrolling tab strips, and the few sizes and colours look.md states exactly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sitekit import minimal_config, write_site

from mintrender.build import build
from mintrender.model import BuildOptions

pytestmark = pytest.mark.browser

LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="740" height="255" viewBox="0 0 740 255">'
    '<rect width="740" height="255" fill="#0D9373"/></svg>'
)
"""A wide logo (drawn 81px wide at 28px tall), as Acme's."""

LINKS = ["Community Forum", "Changelog", "Status Page", "Support", "GitHub"]


def _build(tmp_path: Path, config: dict[str, Any], files: dict[str, Any]) -> Path:
    docs = write_site(tmp_path / "docs", files, config)
    out = tmp_path / "out"
    assert build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline")).fatal is None
    return out


def _open(browser: Any, out: Path, width: int, scheme: str = "light", page: str = "") -> Any:
    ctx = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    tab = ctx.new_page()
    tab.goto((out / page / "index.html").as_uri())
    return tab


def _navbar_site(tmp_path: Path, logo: bool, links: list[str]) -> Path:
    config = minimal_config(["index"], name="Acme Developer Docs")
    if logo:
        config["logo"] = {"light": "/logo.svg", "dark": "/logo.svg"}
    config["navbar"] = {
        "links": [{"label": label, "href": "https://example.com"} for label in links],
        "primary": {"type": "button", "label": "Sign up for free", "href": "https://example.com"},
    }
    return _build(tmp_path, config, {"index.mdx": "# Home\n\nHello.\n", "logo.svg": LOGO})


NAVBAR = """() => {
  const box = s => document.querySelector(s).getBoundingClientRect();
  const row = document.querySelector('.mr-navbar__row');
  const pad = parseFloat(getComputedStyle(row).paddingRight);
  const shown = [...document.querySelectorAll('.mr-navbar__links > li')]
    .filter(li => li.getBoundingClientRect().width > 0);
  const logo = document.querySelector('.mr-navbar__start .mr-logo > *');
  return {
    start: box('.mr-navbar__start'), logo: logo.getBoundingClientRect(),
    logoFull: logo.scrollWidth <= logo.clientWidth,
    search: box('.mr-search-trigger'), end: box('.mr-navbar__end'),
    rowEnd: row.getBoundingClientRect().right - pad,
    firstLink: shown.length ? shown[0].getBoundingClientRect() : null, shown: shown.length,
    moved: [...document.querySelectorAll('.mr-sidebar__links > li')]
      .filter(li => li.getBoundingClientRect().height > 0).map(li => li.textContent),
    scroll: document.documentElement.scrollWidth, inner: innerWidth,
  };
}"""


@pytest.mark.parametrize("logo", [True, False], ids=["logo", "name"])
def test_the_navbar_logo_never_shrinks_the_links_give_way(
    browser: Any, tmp_path: Path, logo: bool
) -> None:
    """Acme's five navbar links and a button squeezed the logo column to nothing between 1024
    and about 1150px (an 81px logo drawn under the search, a text name gone). The logo or
    name keeps its size, the search narrows first, then links hide from the last one and are
    listed at the foot of the sidebar instead."""
    out = _navbar_site(tmp_path, logo, LINKS)
    for width in (1024, 1100, 1150, 1280, 1440):
        page = _open(browser, out, width)
        m = page.evaluate(NAVBAR)
        if logo:
            assert m["logo"]["width"] == pytest.approx(81, abs=1), (width, m)
        assert m["logoFull"] and m["logo"]["width"] > 60, (width, m)
        assert m["start"]["right"] >= m["logo"]["right"] - 0.5, (width, m)
        assert m["logo"]["right"] <= m["search"]["left"], (width, m)
        assert m["search"]["right"] <= m["firstLink"]["left"], (width, m)
        assert m["end"]["right"] <= m["rowEnd"] + 0.5, (width, m)
        assert m["scroll"] == m["inner"], (width, m)
        assert m["moved"] == LINKS[m["shown"] :], (width, m)
        if logo or width >= 1280:  # Acme's 81px logo leaves the links room from 1024px up
            assert m["shown"] == len(LINKS), (width, m)
        page.context.close()
    more = LINKS[:4] + ["Enterprise", "Partners", "GitHub"]
    out = _navbar_site(tmp_path / "more", logo, more)
    page = _open(browser, out, 1024)
    m = page.evaluate(NAVBAR)
    assert m["logoFull"] and m["logo"]["right"] <= m["search"]["left"], m
    assert m["search"]["width"] >= 144 and m["search"]["right"] <= m["firstLink"]["left"], m
    assert m["end"]["right"] <= m["rowEnd"] + 0.5, m
    assert 0 < m["shown"] < len(more), m
    assert m["moved"] == more[m["shown"] :], m  # the hidden ones are still a click away
    page.set_viewport_size({"width": 1600, "height": 900})
    page.wait_for_function(
        "document.querySelectorAll('.mr-navbar__links > li[hidden]').length == 0"
    )
    assert page.evaluate(NAVBAR)["moved"] == []
    page.context.close()


CARDS = """<Card title="Linked" icon="rocket" href="/two">Body.</Card>

<Card title="Typed" type="tip" href="/two">Body.</Card>

<Tile href="/two" title="Tile" description="d">Preview</Tile>
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_linked_card_or_tile_takes_the_accent_border_on_hover(
    browser: Any, tmp_path: Path, scheme: str
) -> None:
    """`html.dark .mr-card { border-color }` outranked `.mr-card--link:hover`, so a card's
    border never turned to the accent (colors.light) on hover in dark mode; a typed card's
    palette outranked it in both modes. Modes and types set a variable the hover overrides."""
    config = minimal_config(["index", "two"], colors={"primary": "#0D9373", "light": "#55D799"})
    files = {"index.mdx": "# Cards\n\n" + CARDS, "two.mdx": "# Two\n\nx\n"}
    out = _build(tmp_path, config, files)
    page = _open(browser, out, 1280, scheme)
    page.add_style_tag(content="*{transition:none!important}")
    accent = "rgb(85, 215, 153)" if scheme == "dark" else "rgb(13, 147, 115)"
    border = "e => getComputedStyle(e).borderTopColor"
    for hovered, framed in [
        (".mr-card--link:not(.mr-card--tip)", ".mr-card--link:not(.mr-card--tip)"),
        (".mr-card--tip", ".mr-card--tip"),
        (".mr-tile", ".mr-tile__preview"),
    ]:
        frame = page.locator(framed).first
        assert frame.evaluate(border) != accent, hovered
        page.locator(hovered).first.hover()
        assert frame.evaluate(border) == accent, hovered
        page.mouse.move(0, 0)
    # nor does dark mode outrank a typed card's text colour (tip: green-300 in dark)
    text = page.locator(".mr-card--tip .mr-card__content").evaluate(
        "e => getComputedStyle(e).color"
    )
    assert text == ("rgb(110, 231, 183)" if scheme == "dark" else "rgb(6, 95, 70)")
    page.context.close()


def test_a_long_site_name_in_the_footer_ends_in_an_ellipsis_on_a_phone(
    browser: Any, tmp_path: Path
) -> None:
    """With no logo, the footer's name (one line, ellipsis) kept its full 375px width, so a
    390px or 360px phone scrolled sideways and the name was cut with no ellipsis."""
    name = "Edge Case Documentation Site With A Long Name"
    out = _build(tmp_path, minimal_config(["index"], name=name), {"index.mdx": "# Hi\n\nx\n"})
    for width in (320, 360, 390):
        page = _open(browser, out, width)
        m = page.evaluate(
            """() => { const t = document.querySelector('.mr-footer .mr-logo__text');
              const f = document.querySelector('.mr-footer').getBoundingClientRect();
              return {scroll: document.documentElement.scrollWidth, inner: innerWidth,
                      right: t.getBoundingClientRect().right, edge: f.right,
                      cut: t.scrollWidth > t.clientWidth,
                      ellipsis: getComputedStyle(t).textOverflow}; }"""
        )
        assert m["scroll"] == m["inner"], (width, m)
        assert m["right"] <= m["edge"] + 0.5, (width, m)
        assert m["cut"] and m["ellipsis"] == "ellipsis", (width, m)
        page.context.close()


RING = """sel => [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length).map(e => {
  e.focus();
  e.scrollIntoView({block: 'nearest', inline: 'nearest'});  // a tab half in view: all of it
  let strip = e.parentElement;
  while (getComputedStyle(strip).overflowX === 'visible') strip = strip.parentElement;
  const s = strip.getBoundingClientRect(), r = e.getBoundingClientRect();
  const after = getComputedStyle(e, '::after'), own = getComputedStyle(e);
  let ring = null;  // the focus ring: the tab's outline, or a ring drawn by ::after
  if (own.outlineStyle !== 'none' && parseFloat(own.outlineWidth) > 0) {
    const d = parseFloat(own.outlineOffset) + parseFloat(own.outlineWidth);
    ring = [r.left - d, r.top - d, r.right + d, r.bottom + d];
  } else if (after.content !== 'none' && parseFloat(after.borderTopWidth) > 0) {
    const x = parseFloat(after.left), y = parseFloat(after.top);
    ring = [r.left + x, r.top + y, r.right - parseFloat(after.right), r.bottom - y];
  }
  return {tab: e.textContent.trim(), visible: e.matches(':focus-visible'), ring,
          strip: [s.left, s.top, s.right, s.bottom],
          scrolls: strip.scrollWidth > strip.clientWidth};
})"""


def test_focus_rings_of_tabs_in_scrolling_strips_are_whole(browser: Any, tmp_path: Path) -> None:
    """Tabs, CodeGroup and the tabs row scroll sideways (overflow-x: auto), which clipped the
    global focus ring drawn 2px outside a tab: only its inner side showed. The ring of each
    tab lies inside its strip now, whose many tabs still scroll, labels where they were."""
    tabs = "\n".join(f'<Tab title="Option {i}">Panel {i}</Tab>' for i in range(1, 9))
    blocks = "\n".join(f"```bash file-{i}.sh\necho {i}\n```" for i in range(1, 9))
    text = f"# Tabs\n\nIntro.\n\n<Tabs>\n{tabs}\n</Tabs>\n\n<CodeGroup>\n{blocks}\n</CodeGroup>\n"
    config = minimal_config(["index"])
    config["navigation"] = {
        "tabs": [
            {"tab": "Guides", "groups": [{"group": "G", "pages": ["index"]}]},
            {"tab": "API", "groups": [{"group": "A", "pages": ["two"]}]},
        ]
    }
    out = _build(tmp_path, config, {"index.mdx": text, "two.mdx": "# Two\n\nx\n"})
    for width in (1280, 390):
        page = _open(browser, out, width)
        # the first label starts where the text does, the page does not scroll sideways
        lefts = page.evaluate(
            """() => ['.mr-prose > p', '.mr-tabs__tab', '.mr-tabs__list']
                 .map(s => document.querySelector(s).getBoundingClientRect().left)"""
        )
        assert lefts[0] == lefts[1] and lefts[2] < lefts[0], (width, lefts)
        assert page.evaluate("document.documentElement.scrollWidth == innerWidth"), width
        strips = [".mr-tabs__tab", ".mr-codegroup__tab"] + (
            [".mr-navtabs__link"] if width >= 1024 else []
        )
        for sel in strips:
            rings = page.evaluate(RING, sel)
            assert len(rings) >= 2, sel
            for m in rings:
                x0, y0, x1, y1 = m["strip"]
                assert m["visible"] and m["ring"], (width, m)
                left, top, right, bottom = m["ring"]
                assert x0 - 0.5 <= left and right <= x1 + 0.5, (width, m)
                assert y0 - 0.5 <= top and bottom <= y1 + 0.5, (width, m)
            if width == 390 and sel != ".mr-navtabs__link":
                assert rings[0]["scrolls"], sel  # eight tabs: the strip scrolls sideways
        page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_greys_and_pill_size_look_md_states(browser: Any, tmp_path: Path, scheme: str) -> None:
    """look.md says grey-600 (#4B5563) for navbar links, inactive tabs-row labels, the page
    description (grey-400 in dark) and a card's text, and 12px for field pills; they were
    grey-500 and, for the type pill, 11.5px. Dark mode, which look.md gives only for the
    description, keeps grey-400 throughout."""
    config = minimal_config(["index"])
    config["navbar"] = {"links": [{"label": "Blog", "href": "https://example.com"}]}
    config["navigation"] = {
        "tabs": [
            {"tab": "Guides", "groups": [{"group": "G", "pages": ["index"]}]},
            {"tab": "API", "groups": [{"group": "A", "pages": ["two"]}]},
        ]
    }
    text = (
        "---\ntitle: Home\ndescription: What this page is for.\n---\n\n"
        '<Card title="Card" icon="rocket">Card text.</Card>\n\n'
        '<ParamField path="id" type="string" required>The id.</ParamField>\n'
    )
    out = _build(tmp_path, config, {"index.mdx": text, "two.mdx": "# Two\n\nx\n"})
    page = _open(browser, out, 1280, scheme)
    got = page.evaluate(
        """() => Object.fromEntries([['.mr-navbar__link', 'color'],
            ['.mr-navtabs__link:not([data-active])', 'color'], ['.mr-page-description', 'color'],
            ['.mr-card__content', 'color'], ['.mr-api-pill--type', 'fontSize'],
            ['.mr-api-pill--required', 'fontSize']]
          .map(([s, p]) => [s, getComputedStyle(document.querySelector(s))[p]]))"""
    )
    grey = "rgb(75, 85, 99)" if scheme == "light" else "rgb(156, 163, 175)"
    assert got == {
        ".mr-navbar__link": grey,
        ".mr-navtabs__link:not([data-active])": grey,
        ".mr-page-description": grey,
        ".mr-card__content": grey,
        ".mr-api-pill--type": "12px",
        ".mr-api-pill--required": "12px",
    }
    page.context.close()
