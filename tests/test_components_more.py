"""Media, data and misc families beyond their fixtures (tests/fixtures/components/{media,data,
misc}.md run in test_components.py): anchors, math, and behaviour in a browser.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fixtures.harness import render

from mintrender.components.math import MathError, render_math, tex_to_mathml


def test_update_anchor_and_toc() -> None:
    page, _ctx, _d = render('<Update label="March 2025" description="v2">\n  Body\n</Update>\n')
    assert [(e.id, e.text) for e in page.toc] == [("march-2025", "March 2025")]
    assert 'id="march-2025"' in page.body_html
    # the headings inside an Update have ids, but its label alone is its TOC entry (Momentic's
    # changelog listed Features, Web, Bug fixes under every month, at the months' level)
    page, _ctx, _d = render(
        "## Intro\n\n"
        '<Update label="Feb 2026">\n## Features\n\n### Web\n\nx\n</Update>\n\n'
        '<Update label="Jan 2026">\n## Features\n\ny\n</Update>\n'
    )
    assert [e.id for e in page.toc] == ["intro", "feb-2026", "jan-2026"]
    assert 'id="features"' in page.body_html and 'id="features-2"' in page.body_html


def test_step_titles_are_toc_entries() -> None:
    """A Step's `id` is "used for anchor linking and table of contents navigation"
    (components/steps.mdx), and the reference makes each Step a TOC entry: none was. An `h2`
    title is a top entry, others sit under their section; `noAnchor` steps have none."""
    page, _ctx, _d = render(
        "## Intro\n\n"
        '<Steps titleSize="h2">\n<Step title="Install">a</Step>\n'
        '<Step title="Configure" id="cfg">b</Step>\n</Steps>\n\n'
        "## Next\n\n"
        '<Steps>\n<Step title="One">x</Step>\n<Step title="Two" noAnchor>y</Step>\n</Steps>\n'
    )
    assert [(e.id, e.text, e.level) for e in page.toc] == [
        ("intro", "Intro", 2),
        ("install", "Install", 2),
        ("cfg", "Configure", 2),
        ("next", "Next", 2),
        ("one", "One", 3),
    ]


@pytest.mark.parametrize(
    ("tex", "display"),
    [
        ("E = mc^2", True),
        (r"\frac{a}{b}", False),
        (r"\sum_{i=1}^n i", True),
        (r"\mathbb{R}", False),
    ],
)
def test_math_converts(tex: str, display: bool) -> None:
    mathml = tex_to_mathml(tex, display=display)
    assert mathml.startswith("<math") and ('display="block"' in mathml) == display


@pytest.mark.parametrize("tex", [r"\frac{a", r"a}", r"\notacommand{x}"])
def test_math_errors(tex: str) -> None:
    with pytest.raises(MathError):
        tex_to_mathml(tex, display=False)


def test_math_disabled_by_config() -> None:
    class Site:
        latex = False

    class Ctx:
        site = Site()

    assert render_math("x^2", display=False, ctx=Ctx()) == "$x^2$"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "Costs $0.002 per call and $5 per month.",
        "Charge amount, $5-$10000 (required).",
        "Each training cost $1. Fund your wallet.",
        "Pay $25 via Stripe, then $30 later.",
    ],
)
def test_prices_are_not_math(text: str) -> None:
    page, _ctx, _d = render(text)
    assert "mr-math" not in page.body_html and "$" in page.body_html


# ---- behaviour in headless Chromium (31-components.js) ------------------------------------

_PAGE = """---
title: Behaviour
---

<View title="JavaScript" icon="js">
  ## JS heading

  JS body.
</View>

<View title="Python" icon="python">
  ## Py heading

  Py body.
</View>

<Update label="One" tags={["A", "B"]}>First.</Update>

<Update label="Two" tags={["B"]}>Second.</Update>

<Update label="Three">Untagged.</Update>

<Tree>
  <Tree.Folder name="app">
    <Tree.File name="page.tsx" />
  </Tree.Folder>
  <Tree.File name="readme.md" />
</Tree>

<Color variant="compact">
  <Color.Item name="brand" value="#0D9373" />
</Color>

<img src="/images/a.png" alt="Zoom me" />

```mermaid
flowchart LR
  A --> B
```
"""

_STUB = """window.mermaid = { run: function (o) { o.nodes.forEach(function (n) {
  n.innerHTML = '<svg width="200" height="200"><rect width="200" height="200"/></svg>';
  n.setAttribute('data-processed', 'true'); }); return Promise.resolve(); } };"""


@pytest.fixture(scope="module")
def behaviour_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from mintrender.build import build
    from mintrender.model import BuildOptions

    docs = tmp_path_factory.mktemp("components-docs")
    (docs / "docs.json").write_text(
        '{"theme": "mint", "name": "T", "colors": {"primary": "#0D9373"},'
        ' "navigation": {"pages": ["index", "plain"]}}',
        encoding="utf-8",
    )
    (docs / "index.mdx").write_text(_PAGE, encoding="utf-8")
    (docs / "plain.mdx").write_text(
        "---\ntitle: Plain\n---\n\n```mermaid\nflowchart LR\n  A --> B\n```\n", encoding="utf-8"
    )
    (docs / "images").mkdir()
    (docs / "images" / "a.png").write_bytes(
        bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e221bc330000000049454e44ae426082"
        )
    )
    out = tmp_path_factory.mktemp("components-site")
    with pytest.MonkeyPatch.context() as mp:  # as without the `diagrams` extra: source shown
        mp.setattr("mintrender.render.diagrams._mermaidx", lambda: None)
        build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline"))
    return out


def _open(browser: Any, url: str, init_script: str = "") -> Any:
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})
    if init_script:
        ctx.add_init_script(init_script)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.errors = errors
    return page


@pytest.mark.browser
def test_view_switch_and_toc(browser: Any, behaviour_site: Path) -> None:
    page = _open(browser, (behaviour_site / "index.html").as_uri())
    views = page.locator('[data-component="view"]')
    assert views.nth(0).is_visible() and not views.nth(1).is_visible()
    toc_py = page.locator("#table-of-contents a[href='#py-heading']")
    if toc_py.count():
        assert not toc_py.is_visible()
    page.select_option('[data-component="view-select"] select', "Python")
    assert views.nth(1).is_visible() and not views.nth(0).is_visible()
    assert page.evaluate("localStorage.getItem('mr-view')") == "Python"
    assert page.errors == []


@pytest.mark.browser
def test_update_tag_filter(browser: Any, behaviour_site: Path) -> None:
    page = _open(browser, (behaviour_site / "index.html").as_uri())
    chips = page.locator(".mr-update-filter__tag")
    assert chips.all_text_contents() == ["A", "B"]
    updates = page.locator('[data-component="update"]')
    chips.nth(1).click()  # B: One and Two, untagged hidden
    assert [updates.nth(i).is_visible() for i in range(3)] == [True, True, False]
    chips.nth(0).click()  # A and B: only One
    assert [updates.nth(i).is_visible() for i in range(3)] == [True, False, False]
    assert "tags=B%2CA" in page.url or "tags=B,A" in page.url
    # the filters replace the table of contents (create/changelogs.mdx)
    assert page.locator("#table-of-contents .mr-update-filter").count() == 1
    assert page.is_hidden("#table-of-contents .mr-toc__list")
    assert page.errors == []


@pytest.mark.browser
def test_tree_keyboard(browser: Any, behaviour_site: Path) -> None:
    page = _open(browser, (behaviour_site / "index.html").as_uri())
    folder = page.locator('[data-component="tree"] summary').first
    folder.focus()
    page.keyboard.press("ArrowRight")
    assert page.locator('[data-component="tree"] details').first.get_attribute("open") is not None
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent.trim()") == "page.tsx"
    page.keyboard.press("End")
    assert page.evaluate("document.activeElement.textContent.trim()") == "readme.md"
    page.keyboard.press("Home")
    page.keyboard.press("ArrowLeft")
    assert page.locator('[data-component="tree"] details').first.get_attribute("open") is None
    page.keyboard.press("r")
    assert page.evaluate("document.activeElement.textContent.trim()") == "readme.md"


@pytest.mark.browser
def test_color_copy_and_zoom(browser: Any, behaviour_site: Path) -> None:
    page = _open(
        browser,
        (behaviour_site / "index.html").as_uri(),
        "navigator.clipboard.writeText = t => { window.__copied = t; return Promise.resolve(); };",
    )
    page.locator('[data-component="color-item"]').click()
    page.wait_for_function(
        "document.querySelector('[data-component=color-item]').hasAttribute('data-copied')"
    )
    page.locator("img[alt='Zoom me']").click()
    assert page.locator(".mr-zoom img").count() == 1
    page.keyboard.press("Escape")
    assert page.locator(".mr-zoom").count() == 0
    # from the keyboard too: the image takes focus, Enter opens it, and focus comes back
    page.locator("img[alt='Zoom me']").focus()
    page.keyboard.press("Enter")
    assert page.locator(".mr-zoom img").count() == 1
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.alt") == "Zoom me"


@pytest.mark.browser
def test_mermaid_source_without_script_drawn_with_one(browser: Any, behaviour_site: Path) -> None:
    plain = _open(browser, (behaviour_site / "plain" / "index.html").as_uri())
    assert "flowchart LR" in plain.locator("pre.mr-mermaid").inner_text()
    drawn = _open(browser, (behaviour_site / "plain" / "index.html").as_uri(), _STUB)
    drawn.wait_for_selector("pre.mr-mermaid[data-processed] svg")
    assert drawn.locator(".mr-mermaid__controls button").count() == 3
    assert drawn.errors == []


def test_json_ld_scripts_are_kept_as_data_and_never_page_text() -> None:
    """`<script type="application/ld+json">` (a page's structured data, Lago's home page) is
    written as checked JSON that cannot close its element early; it is not searchable text, and
    neither is a `<style>`. A script with code still does not run, and invalid JSON is said."""
    page, _ctx, diagnostics = render(
        "# Home\n\n"
        '<script type="application/ld+json">\n'
        '{`{"@context": "https://schema.org", "name": "A & B </script><b>x</b>"}`}\n'
        "</script>\n\n"
        "<style>{`.x { color: red }`}</style>\n\n"
        "Words.\n\n"
        '<script type="application/ld+json">{`{"broken": }`}</script>\n\n'
        '<script>{`alert("hi")`}</script>\n'
    )
    assert (
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        '"name":"A & B <\\/script><b>x<\\/b>"}</script>'
    ) in page.body_html
    assert page.body_html.count("<script") == 1 and "alert" not in page.body_html
    assert [s.text for s in page.sections] == ["Words."]
    assert [(d.code, d.message.split(" (")[0]) for d in diagnostics] == [
        ("mdx-script", '<script type="application/ld+json"> holds no valid JSON'),
        (
            "mdx-script",
            "<script> in page content does not run; put scripts in a .js file of the docs folder",
        ),
    ]


def test_jsx_element_labels_are_drawn() -> None:
    """`<Step title={<span className="x">Start</span>}>` (Phoenix's steps), an Accordion's
    title and description and a Card's title given as JSX: their markup is the label, where it
    was dropped; a text label is still escaped."""
    page, _ctx, diagnostics = render(
        '<Steps>\n<Step title={<span className="step-title">Start Phoenix</span>}>One.</Step>\n'
        "<Step title={<>Add it to <code>docs.json</code>.</>}>Two.</Step>\n</Steps>\n\n"
        "<Accordion title={<span>Open <b>me</b></span>} description={<i>more</i>}>In.</Accordion>\n\n"
        '<Card title={<span className="t">Card</span>}>Text.</Card>\n\n'
        '<Card title="A & B">Escaped.</Card>\n\n'
        '<Tabs>\n<Tab title={<span className="t">Python <code>sdk</code></span>}>Py.</Tab>\n'
        '<Tab title="Go">Go.</Tab>\n</Tabs>\n'
    )
    html_out = page.body_html
    assert '<p class="mr-step__title"><span class="step-title">Start Phoenix</span></p>' in html_out
    assert '<p class="mr-step__title">Add it to <code>docs.json</code>.</p>' in html_out  # fragment
    assert '<span class="mr-accordion__title"><span>Open <b>me</b></span></span>' in html_out
    assert '<span class="mr-accordion__description"><i>more</i></span>' in html_out
    assert '<p class="mr-card__title"><span class="t">Card</span></p>' in html_out
    assert '<p class="mr-card__title">A &amp; B</p>' in html_out
    # a tab: its markup is the label, its words the sync key
    assert 'data-tab-title="Python sdk"' in html_out
    assert '<span><span class="t">Python <code>sdk</code></span></span></button>' in html_out
    assert list(diagnostics) == []


def test_jsx_given_where_text_is_read_is_its_text() -> None:
    """Bun's home cards give `cta={<span>Get started with <code>bun run</code></span>}`: the
    call to action was dropped without a word. It is drawn with its markup; where the prop is
    read as text (a View's title as its `data-view-title`) it gets the element's text, where it
    got nothing."""
    page, _ctx, diagnostics = render(
        '<Card title="C" href="https://x.example" cta={<span>Get started with <code>bun run</code></span>}>'
        "B.</Card>\n\n"
        "<View title={<span>A <b>short</b> view</span>}>V.</View>\n"
    )
    html_out = page.body_html
    assert (
        '<span class="mr-card__cta"><span>Get started with <code>bun run</code></span>' in html_out
    )
    assert 'data-view-title="A short view"' in html_out
    assert list(diagnostics) == []


def test_jsx_labels_of_every_component_keep_their_markup() -> None:
    """Agent Facets' `<Tree.Folder name={<>release <Badge …>CD</Badge></>}>` printed "release
    CD", Privy's `<Tooltip tip={<span>Use <code>…</code></span>}>` lost its code: every prop
    drawn as a label (names, titles, tips, headlines, captions, descriptions) keeps the JSX
    markup it is given, as Step titles did; attributes, ids and the Markdown copy take its
    text."""
    page, _ctx, diagnostics = render(
        "<Tree>\n"
        '<Tree.Folder name={<>release <Badge color="purple" size="xs">CD</Badge></>} defaultOpen>\n'
        '<Tree.File name={<>a.yml <Badge color="gray">generated</Badge></>} />\n'
        '<Tree.File name="b & c.yml" />\n'
        "</Tree.Folder>\n</Tree>\n\n"
        "A <Tooltip headline={<i>PAT</i>} tip={<span>Use <code>facet login</code> or <b>FACET_TOKEN</b>.</span>} "
        'cta={<b>More</b>} href="/page">token</Tooltip>.\n\n'
        '<Update label="v1" description={<span>Now <b>faster</b></span>}>Body.</Update>\n\n'
        "<View title={<span>Py <code>sdk</code></span>}>V.</View>\n\n"
        '<Tile href="/page" title={<b>Tile</b>} description={<i>desc</i>}>T.</Tile>\n\n'
        '<ResponseField name="r" type="object">\n<Expandable title={<code>user</code>}>\n'
        '<ResponseField name="id" type="string">Id.</ResponseField>\n</Expandable>\n'
        "</ResponseField>\n\n"
        "<Frame caption={<span>See <b>this</b></span>} hint={<i>Hint</i>}>F.</Frame>\n\n"
        '<Frame caption="A *Markdown* caption">G.</Frame>\n\n'
        "<Color>\n<Color.Row title={<b>Brand</b>}>\n"
        '<Color.Item name={<span>blue <b>500</b></span>} value="#3B82F6" />\n'
        "</Color.Row>\n</Color>\n\n"
        "<Prompt description={<span>Ask <b>it</b></span>}>Do it.</Prompt>\n"
    )
    out = page.body_html
    assert (
        '<span class="mr-tree__name">release '
        '<span class="mr-badge mr-badge--purple mr-badge--xs badge">CD</span></span>'
    ) in out
    assert (
        '<span class="mr-tree__name">a.yml '
        '<span class="mr-badge mr-badge--gray mr-badge--md badge">generated</span></span>'
    ) in out
    assert '<span class="mr-tree__name">b &amp; c.yml</span>' in out  # text still escaped
    assert '<span class="mr-tooltip__headline"><i>PAT</i></span>' in out
    assert (
        '<span class="mr-tooltip__tip"><span>Use <code>facet login</code> or '
        "<b>FACET_TOKEN</b>.</span></span>"
    ) in out
    assert '"><b>More</b></a>' in out
    assert '<div class="mr-update__description"><span>Now <b>faster</b></span></div>' in out
    assert (
        'data-view-title="Py sdk"' in out and "<span><span>Py <code>sdk</code></span></span>" in out
    )
    assert '<p class="mr-tile__title"><b>Tile</b></p>' in out
    assert '<p class="mr-tile__description"><i>desc</i></p>' in out
    assert "Show <code>user</code>" in out and "Hide <code>user</code>" in out
    assert '<figcaption class="mr-frame__caption"><span>See <b>this</b></span></figcaption>' in out
    assert "<span><i>Hint</i></span>" in out
    assert '<figcaption class="mr-frame__caption">A <em>Markdown</em> caption</figcaption>' in out
    assert '<div class="mr-color__row-title" role="rowheader"><b>Brand</b></div>' in out
    assert 'aria-label="Copy blue 500"' in out
    assert '<span class="mr-color__name"><span>blue <b>500</b></span></span>' in out
    assert '<div class="mr-prompt__description"><span>Ask <b>it</b></span></div>' in out
    assert [d.code for d in diagnostics] == []


class _Blocks(HTMLParser):
    """Block start tags a browser would read inside an open `<p>` (it ends the paragraph)."""

    ENDS_P = {"div", "p", "ul", "ol", "table", "pre", "blockquote", "section", "figure", "h3"}

    def __init__(self) -> None:
        super().__init__()
        self.open_p = 0
        self.inside: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if self.open_p and tag in self.ENDS_P:
            self.inside.append(tag)
        if tag == "p":
            self.open_p += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self.open_p -= 1


def test_a_block_component_inside_a_sentence_is_lifted_out_of_the_paragraph() -> None:
    """`See <Card …>…</Card> for details.` (Request Network's FAQ): no `<div>` inside a `<p>`,
    where a browser would tear the card apart; the text around it stays in paragraphs; a
    tight list item keeps it where it is written (no paragraph to end)."""
    text = (
        'See <Card title="Payments" icon="link" href="/x">Learn more</Card> for details.\n\n'
        '<Note>Read <Card title="Inner">Body</Card> first.</Note>\n\n'
        '<Card title="Start">Alone</Card> then text.\n\n'
        '- item <Card title="In list">x</Card>\n- two\n\n'
        "Plain text with a <Badge>badge</Badge> stays one paragraph.\n"
    )
    page, _ctx, _diagnostics = render(text)
    html = page.body_html
    check = _Blocks()
    check.feed(html)
    assert check.inside == [], check.inside
    assert "<p>See</p>" in html and "<p>for details.</p>" in html
    assert html.count('data-component="card"') == 4 and "\x00" not in html
    assert "Read <div" in html  # a one-line Note holds text, no paragraph: nothing to end
    assert "<p>then text.</p>" in html and "<p></p>" not in html
    assert "<li>item <a" in html or "<li>item <div" in html
    assert "<p>Plain text with a <span" in html


def test_headings_inside_a_prompt_are_no_table_of_contents_entries() -> None:
    """A `<Prompt>`'s children are the text to copy (LangChain's quickstart prompt holds six
    `##` steps): its headings keep ids, but the page's contents list only the page's own."""
    text = (
        '<Prompt description="Build the agent">\n## Step 1: Read the guide\n\nFetch it.\n'
        "</Prompt>\n\n## Install\n\nRun it.\n"
    )
    page, _ctx, _diagnostics = render(text)
    assert [entry.id for entry in page.toc] == ["install"]
    assert 'id="step-1-read-the-guide"' in page.body_html
    assert [s.anchor for s in page.sections if s.anchor] == ["install"]


@pytest.mark.parametrize(
    ("written", "command"),
    [("x × y ≥ k", r"x \times y \geq k"), ("a ≤ b → c ± d", r"a \le b \to c \pm d")],
)
def test_unicode_math_symbols_are_the_operators_katex_reads(written: str, command: str) -> None:
    """Isosceles's `<Latex>x × y ≥ k</Latex>`: KaTeX reads `×`, `≥`… as `\\times`, `\\geq`…,
    spaced as operators; they were identifiers set side by side."""
    assert tex_to_mathml(written, display=False) == tex_to_mathml(command, display=False)
    assert "<mi>×</mi>" not in tex_to_mathml(written, display=False)


def test_a_stretched_cards_label_is_its_titles_text() -> None:
    """A Card holding its own link gets an overlay link labelled by its title (Nova AI's
    "Kev's Dream Team"): the title's text, escaped once; it was escaped twice (`&amp;#x27;`),
    and a title's markup went into the attribute."""
    text = (
        '<Card title="Kev\'s Dream Team & co" href="https://example.com/a">\n'
        "  See the [write-up](https://example.com/b).\n</Card>\n\n"
        '<Card title={<span>Bold <b>one</b></span>} href="https://example.com/c">\n'
        "  A [link](https://example.com/d).\n</Card>\n"
    )
    page, _ctx, _diagnostics = render(text)
    labels = re.findall(r'aria-label="([^"]*)"', page.body_html)
    assert [html.unescape(label) for label in labels] == ["Kev's Dream Team & co", "Bold one"]


@pytest.mark.parametrize(
    "tex",
    [
        r"\begin{aligned} a &= b + c \\ d &= e \end{aligned}",
        r"\begin{alignedat}{2} a &= b & c &= d \\ e &= f & g &= h \end{alignedat}",
        r"\begin{gathered} x = 1 \\ y = 2 \end{gathered}",
    ],
)
def test_katex_aligned_environments_are_tables(tex: str) -> None:
    """`\\begin{aligned}` is common in real `$$` blocks: latex2mathml does not know it, and
    drew `a & = b` and `d & = e` on one line, with the `&` shown. It is a table of rows now,
    and an `&` left outside an aligning environment is an error, as in KaTeX."""
    mathml = tex_to_mathml(tex, display=True)
    assert "<mtable" in mathml and mathml.count("<mtr>") == 2
    assert "<mi>&</mi>" not in mathml
    with pytest.raises(MathError, match="`&` outside an environment that aligns"):
        tex_to_mathml("a & b", display=True)


def test_double_dollars_inside_a_sentence_are_inline_math() -> None:
    """`Energy is $$E=mc^2$$ in a sentence.` drew a block `<div>` inside the `<p>`, which the
    browser split the paragraph at; remark-math reads `$$…$$` in text as inline math. A
    `$$…$$` line of its own stays a display block."""
    sentence, _ctx, _d = render("Energy is $$E=mc^2$$ in a sentence.\n")
    assert sentence.body_html.startswith('<p>Energy is <span class="mr-math mr-math--inline"')
    assert "<div" not in sentence.body_html and 'display="block"' not in sentence.body_html
    alone, _ctx, _d = render("$$E=mc^2$$\n")
    assert alone.body_html.startswith('<div class="mr-math mr-math--block"')


def test_function_names_are_spaced_as_tex_spaces_them() -> None:
    """`$O(n \\log n)$` read "O(nlogn)": a thin space sits between a function name and the
    symbols beside it, none next to a bracket (`\\sin(x)`)."""
    thin = '<mspace width="0.1667em"></mspace>'
    assert f"<mi>n</mi>{thin}<mi>log</mi>{thin}<mi>n</mi>" in tex_to_mathml(
        r"O(n \log n)", display=False
    )
    assert "<mi>sin</mi><mo" in tex_to_mathml(r"\sin(x)", display=False)


def test_containers_written_on_one_line_keep_their_children() -> None:
    """`<Tabs><Tab title="One">first</Tab><Tab title="Two">second</Tab></Tabs>` on one line:
    MDX reads a paragraph of elements and React draws the tabs all the same. The line was read
    as text of the container: no tab labels, no step numbers, and a false `component-children`
    warning. A callout starting with an inline Badge stays one line of text."""
    page, _ctx, diagnostics = render(
        '<Tabs><Tab title="One">first</Tab><Tab title="Two">second</Tab></Tabs>\n\n'
        '<Steps><Step title="S1">do it</Step><Step title="S2">then</Step></Steps>\n\n'
        "<Note><Badge>x</Badge> text</Note>\n"
    )
    html_out = page.body_html
    assert re.findall(r'role="tab"[^>]*data-tab-title="([^"]+)"', html_out) == ["One", "Two"]
    assert re.findall(r'<span class="mr-step__number">(\d+)</span>', html_out) == ["1", "2"]
    assert "<!--mr-step" not in html_out
    assert '<div class="mr-callout__content"><span class="mr-badge' in html_out
    assert list(diagnostics) == []


def test_an_update_with_props_of_the_wrong_type_says_so() -> None:
    """`<Update tags="alpha">`, `tags={5}` and `rss={5}` were dropped without a word, and a
    number label (`label={2024}`) was drawn but had no anchor (nor TOC entry)."""
    page, _ctx, diagnostics = render(
        '<Update label="L1" tags="alpha">a</Update>\n\n'
        "<Update label={2024} rss={5}>b</Update>\n\n"
        '<Update label="ok" tags={["x"]} rss={{ title: "T" }}>c</Update>\n'
    )
    found = [(d.line, d.message.split(">")[0]) for d in diagnostics]
    assert found == [(1, "<Update tags"), (3, "<Update rss")]
    assert [e.id for e in page.toc] == ["l1", "2024", "ok"]
