"""`{...}` blocks that make elements (components/_jsxflow.py): `.map` over an array the page
defines, `.filter`, `cond && JSX`, `cond ? a : b`. MDX in, HTML out; never the expression's
source as text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mintrender.model import BuildResult
from tests.sitekit import body, build_site, minimal_config, write_site

TASKS = """export const tasks = [
  { title: 'Audio', href: '/audio', icon: 'music' },
  { title: 'Depth', href: '/depth', icon: 'layer-group', beta: true },
];
"""


def _page(
    tmp_path: Path, text: str, files: dict[str, str] | None = None
) -> tuple[str, BuildResult]:
    page = "---\ntitle: Flow\n---\n" + text
    docs = write_site(
        tmp_path / "docs",
        {"index.mdx": page, "audio.mdx": "# A\n", "depth.mdx": "# D\n", **(files or {})},
        minimal_config(["index", "audio", "depth"]),
    )
    result = build_site(docs, tmp_path / "out")
    html = body((tmp_path / "out" / "index.html").read_text(encoding="utf-8"))
    for leak in ("=&gt;", "=>", ".map(", "&amp;&amp;", "))}"):
        assert leak not in html, (leak, html)
    return html, result


def _warnings(result: BuildResult) -> list[tuple[int, str]]:
    return [(d.line, d.message) for d in result.diagnostics if d.code == "mdx-expression"]


def _titles(html: str) -> list[str]:
    return re.findall(r'<p class="mr-card__title">([^<]*)</p>', html)


def test_map_of_an_imported_array_makes_one_card_each(tmp_path: Path) -> None:
    html, result = _page(
        tmp_path,
        "import { tasks } from '/snippets/tasks.mdx';\n\n<CardGroup cols={2}>\n"
        "  {tasks.map((task) => (\n"
        "    <Card key={task.href} title={task.title} href={task.href} icon={task.icon} />\n"
        "  ))}\n</CardGroup>\n",
        {"snippets/tasks.mdx": TASKS},
    )
    assert _titles(html) == ["Audio", "Depth"]
    assert 'href="/audio/"' in html and 'href="/depth/"' in html
    assert html.count('class="mr-card__icon"') == 2
    assert _warnings(result) == []


@pytest.mark.parametrize(
    ("expression", "items"),
    [
        ("items.map((item, i) => <li key={i}>{item} #{i}</li>)", ["one #0", "two #1"]),
        ("items.map(item => (\n  <li>{item.toUpperCase()}</li>\n))", ["ONE", "TWO"]),
        ("items.map((item, i) => { return (<li>{item} #{i}</li>); })", ["one #0", "two #1"]),
    ],
    ids=["index", "bare-name", "return-body"],
)
def test_map_binds_the_item_and_its_index(
    tmp_path: Path, expression: str, items: list[str]
) -> None:
    html, result = _page(
        tmp_path, f'export const items = ["one", "two"];\n\n<ul>\n{{{expression}}}\n</ul>\n'
    )
    assert re.findall(r"<li>([^<]*)</li>", html) == items
    assert _warnings(result) == []


def test_destructured_items_filter_and_markdown_children(tmp_path: Path) -> None:
    html, result = _page(
        tmp_path,
        TASKS + "\n{tasks.filter((t) => !t.beta).map(({ title, href }) => (\n"
        "  <Accordion title={title}>\n    See **{title}** at [the page]({href}).\n  </Accordion>\n"
        "))}\n",
    )
    assert html.count("mr-accordion") >= 1 and "Audio" in html and "Depth" not in html
    assert "<strong>Audio</strong>" in html and 'href="/audio/"' in html
    assert _warnings(result) == []


def test_conditions_choose_elements(tmp_path: Path) -> None:
    html, result = _page(
        tmp_path,
        "export const pro = true;\nexport const beta = false;\n\n"
        "{pro && (\n  <Tip>Pro tip</Tip>\n)}\n\n{beta && <Warning>Beta only</Warning>}\n\n"
        "{beta ? <Info>Beta</Info> : <Note>Stable</Note>}\n\n"
        '{pro ? (\n  <Check>Included</Check>\n) : null}\n\n{beta ? "x" : null}\n\nAfter.\n',
    )
    assert "Pro tip" in html and "Beta only" not in html
    assert "Stable" in html and ">Beta<" not in html and "Included" in html
    assert "After." in html
    assert _warnings(result) == []


def test_what_cannot_run_is_one_warning_and_left_out(tmp_path: Path) -> None:
    html, result = _page(
        tmp_path,
        "Before.\n\n{missing.map((m) => (\n  <Card title={m} />\n))}\n\n"
        "{[1, 2].map(function (n) { return <Card title={n} />; })}\n\nAfter.\n",
    )
    assert "Before." in html and "After." in html and "mr-card" not in html
    found = _warnings(result)
    assert len(found) == 2, found
    assert found[0][0] == 6 and "`missing` is not defined" in found[0][1]  # the page's lines
    assert found[1][0] == 10 and "arrow function" in found[1][1]


def test_plain_values_stay_text(tmp_path: Path) -> None:
    html, result = _page(
        tmp_path, 'export const name = "Acme";\n\n{name}\n\nHello {name}, {1 < 2 ? "yes" : "no"}.\n'
    )
    assert "Acme" in html and "Hello Acme, yes." in html
    assert _warnings(result) == []


def test_inline_expressions_make_inline_elements_and_text(tmp_path: Path) -> None:
    """In a line of text: `.map` to inline JSX or to values, `&&`, a ternary whose branch is
    a string (text, not Markdown), and an unknown array (a warning at its column)."""
    html, result = _page(
        tmp_path,
        'export const tags = ["alpha", "beta"];\nexport const isNew = true;\n\n'
        "Tags: {tags.map((t) => <code>{t}</code>)} and {isNew && <Badge>New</Badge>} done.\n\n"
        'Pick: {isNew ? "a *star* <x>" : <b>no</b>} and {tags.map((t) => t.toUpperCase())}.\n\n'
        "Bad: {nope.map((x) => <b>{x}</b>)} after.\n",
    )
    assert "Tags: <code>alpha</code><code>beta</code> and <span" in html and ">New</span>" in html
    assert "Pick: a *star* &lt;x&gt; and ALPHABETA." in html
    assert "Bad:  after." in html or "Bad: after." in html
    assert [(line, "`nope` is not defined" in message) for line, message in _warnings(result)] == [
        (11, True)
    ]


def test_link_without_an_import_is_a_link(tmp_path: Path) -> None:
    """`<Link href>` (Next.js's link, which Mintlify's MDX knows without an import) is an
    `<a>`, in a paragraph and as a block, its internal target checked like any link."""
    html, result = _page(
        tmp_path,
        'Start with the <Link href="/audio">audio page</Link> now.\n\n'
        '<Link href="/nowhere">\n  Block link\n</Link>\n',
    )
    assert 'Start with the <a href="/audio/">audio page</a> now.' in html
    assert re.search(r'<a href="/nowhere/?">\s*(<p>)?Block link', html), html
    assert not [d for d in result.diagnostics if d.code == "unknown-component"]
    assert [d.line for d in result.diagnostics if d.code == "broken-link"] == [6]


def test_spread_props_of_an_item(tmp_path: Path) -> None:
    """`<Card {...task} />` in a `.map`: the item's keys are props; a later attribute wins."""
    html, result = _page(
        tmp_path,
        TASKS
        + '\n<CardGroup>\n{tasks.map((task) => <Card {...task} title={task.title + "!"} />)}\n'
        "</CardGroup>\n",
    )
    assert _titles(html) == ["Audio!", "Depth!"]
    assert 'href="/audio/"' in html and html.count('class="mr-card__icon"') == 2
    assert _warnings(result) == []


def test_object_entries_with_array_destructuring(tmp_path: Path) -> None:
    """`Object.entries(plans).map(([name, price]) => ...)`, and `Object.keys`/`values`."""
    html, result = _page(
        tmp_path,
        "export const plans = { Free: 0, Pro: 20 };\n\n<ul>\n"
        "{Object.entries(plans).map(([name, price]) => <li key={name}>{name}: ${price}</li>)}\n"
        "</ul>\n\nPlans: {Object.keys(plans).join(', ')}; {Object.values(plans).join('/')}.\n",
    )
    assert re.findall(r"<li>([^<]*)</li>", html) == ["Free: $0", "Pro: $20"]
    assert "Plans: Free, Pro; 0/20." in html
    assert _warnings(result) == []


def test_map_over_more_items_than_the_bound_is_left_out_whole(tmp_path: Path) -> None:
    from mintrender.components._jsxflow import MAX_ITEMS

    many = ", ".join(str(n) for n in range(MAX_ITEMS + 1))
    html, result = _page(
        tmp_path,
        f"export const many = [{many}];\n\nBefore.\n\n{{many.map((n) => <Badge>{{n}}</Badge>)}}\n\n"
        "{many.filter((n) => n < 3).map((n) => <Badge>{n}</Badge>)}\n\nAfter.\n",
    )
    assert "Before." in html and "After." in html
    assert re.findall(r"mr-badge\b[^>]*>([^<]*)<", html) == ["0", "1", "2"]  # within the bound
    found = _warnings(result)
    assert len(found) == 1, found
    assert f"`.map` of {MAX_ITEMS + 1} items, more than {MAX_ITEMS}" in found[0][1]
    assert "rest" not in found[0][1] and found[0][1].endswith("it is left out")


def test_a_constant_holding_markup_is_drawn_where_it_is_used(tmp_path: Path) -> None:
    """`export const card = <span>…</span>` then `{card}`: React draws the element there (on
    its own line, inline, in a `?:` or `&&` branch), its own `{name}` read on the page; it
    showed `{card}` as written with a "not defined" warning."""
    text = (
        'export const name = "Ann";\n'
        'export const card = <span className="card">Hi {name}</span>;\n'
        'export const block = (\n  <div className="block">\n    <p>Block for {name}</p>\n'
        "  </div>\n);\nexport const on = false;\n\n"
        "{card}\n\nInline: {card} end.\n\n{block}\n\n{on ? <b>x</b> : card}\n\n{!on && block}\n"
    )
    html, result = _page(tmp_path, text)
    html = html[: html.index("mr-page-end")]
    assert html.count('<span class="card">Hi Ann</span>') == 3
    assert '<p>Inline: <span class="card">Hi Ann</span> end.</p>' in html
    assert html.count("<p>Block for Ann</p>") == 2 and "{" not in html
    assert _warnings(result) == []


def test_a_lone_expression_giving_text_has_no_paragraph(tmp_path: Path) -> None:
    """`{[1, 2].map((n) => n * 2)}` alone on its line is a flow expression to MDX (remark-mdx:
    `mdxFlowExpression`): its text is not set in a paragraph, as a lone `{name}` is not."""
    html, result = _page(tmp_path, "\n{[1, 2].map((n) => n * 2)}\n\nafter\n")
    assert 'prose">24\n\n<p>after</p>' in html
    assert _warnings(result) == []


INSTALL = "Run **this** first.\n\n```bash\nnpm install thing\n```\n\n- one\n- two\n"


@pytest.mark.parametrize(
    "usage",
    [
        "<Note><Install /></Note>",
        "<div><Install /></div>",
        '<Tip><Snippet file="install.mdx" /></Tip>',
        "<Note>\n  <Install />\n</Note>",
    ],
)
def test_a_snippet_on_its_parents_line_keeps_its_blocks(tmp_path: Path, usage: str) -> None:
    # an MDX snippet is a document of its own: its code block and list stay blocks, where
    # read as its parent's line of text the fence became inline code and the list plain text
    html, result = _page(
        tmp_path,
        'import Install from "/snippets/install.mdx";\n\n' + usage + "\n",
        {"snippets/install.mdx": INSTALL},
    )
    assert "<p>Run <strong>this</strong> first.</p>" in html
    assert '<pre class="mr-code__pre"><code><span class="line">npm install thing' in html
    assert "<li>one</li>" in html and "<li>two</li>" in html
    assert "- one" not in html and "<code>bash" not in html
    assert not [d for d in result.diagnostics if d.severity == "error"]


def test_text_on_an_elements_line_stays_phrasing(tmp_path: Path) -> None:
    # only a lone snippet tag changes: other one-line content is the line's text (MDX)
    html, _ = _page(
        tmp_path,
        'import Install from "/snippets/install.mdx";\n\n<div>- not a list <b>x</b></div>\n\n'
        "<span><Install /></span>\n",
        {"snippets/install.mdx": "Just **one** line.\n"},
    )
    assert "<div>- not a list <b>x</b></div>" in html
    assert "<span>Just <strong>one</strong> line.</span>" in html
