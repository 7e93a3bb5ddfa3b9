"""Memos the render stage shares between the pages of one process (render/page.py
`render_fragment`, render/highlight.py `parse_fence_info`) and the packed page record
(model.py `PageRecord.pack`): what one page leaves in its context, or what its output
depends on, must never be served to another page."""

from __future__ import annotations

import pytest
from fixtures.harness import FILES, PAGES, site_config

from mintrender.errors import Diagnostics
from mintrender.model import PageMeta, PageRecord, RenderedPage, Section, TocEntry, UpdateEntry
from mintrender.render import page as page_module
from mintrender.render.context import RenderContext
from mintrender.render.highlight import parse_fence_info
from mintrender.render.page import render_fragment
from mintrender.urls import UrlBuilder

_SITE = site_config()
_URLS = {mode: UrlBuilder(mode, pages=PAGES, files=FILES) for mode in ("hosted", "offline")}  # type: ignore[arg-type]


def _ctx(rel_path: str, mode: str = "hosted") -> RenderContext:
    """A page's context in one build: the site's configuration and URL builder are shared."""
    return RenderContext(_SITE, rel_path, _URLS[mode], Diagnostics())


@pytest.fixture(autouse=True)
def _empty_memo() -> None:
    page_module._FRAGMENTS.clear()


def test_plain_description_is_rendered_once_per_process() -> None:
    text = "The **user's** id, as `usr_123`.\n\n- one\n- two"
    first = render_fragment(text, _ctx("a.mdx"), spec=True)
    assert (text, False, True) in page_module._FRAGMENTS
    page_module._FRAGMENTS[(text, False, True)] = "memoized"
    assert render_fragment(text, _ctx("b/c.mdx"), spec=True) == "memoized"
    page_module._FRAGMENTS.clear()
    assert render_fragment(text, _ctx("b/c.mdx"), spec=True) == first
    # inline and block renderings are different entries
    assert render_fragment(text, _ctx("a.mdx"), inline=True, spec=True) != first


def test_another_build_in_the_process_renders_afresh() -> None:
    """The preview server and tests build again in one process, maybe with another docs.json
    or output mode: what the memo holds is only reused with the same configuration and URLs."""
    text = "Plain **text**."
    render_fragment(text, _ctx("a.mdx"), spec=True)
    page_module._FRAGMENTS[(text, False, True)] = "memoized"
    assert render_fragment(text, _ctx("b.mdx"), spec=True) == "memoized"
    assert render_fragment(text, _ctx("b.mdx", "offline"), spec=True) != "memoized"
    page_module._FRAGMENTS[(text, False, True)] = "memoized"
    urls = _URLS["hosted"]
    other = RenderContext(site_config(), "b.mdx", urls, Diagnostics())
    assert render_fragment(text, other, spec=True) != "memoized"


@pytest.mark.parametrize("mode", ["hosted", "offline"])
def test_links_are_rendered_for_each_page(mode: str) -> None:
    text = "See [the intro](/guides/intro) and [a picture](/images/a.png)."
    outs = []
    for rel in ("page.mdx", "guides/deep/page.mdx"):
        ctx = _ctx(rel, mode)
        outs.append(render_fragment(text, ctx, spec=True))
        assert ctx.assets == {"images/a.png"}  # each page records the file it links to
        page_module._FRAGMENTS.clear()
        assert render_fragment(text, _ctx(rel, mode), spec=True) == outs[-1]
    assert not page_module._FRAGMENTS


def test_relative_links_resolve_from_each_page() -> None:
    text = "Start with [the intro](intro)."
    in_guides = render_fragment(text, _ctx("guides/other.mdx"), spec=True)
    at_top = _ctx("page.mdx")
    assert render_fragment(text, at_top, spec=True) != in_guides
    assert [d.code for d in at_top.diagnostics] == ["broken-link"]


def test_findings_are_reported_on_every_page() -> None:
    text = "Read [the missing page](/no-such-page) first."
    for rel in ("page.mdx", "quickstart.mdx"):
        ctx = _ctx(rel)
        render_fragment(text, ctx, spec=True)
        found = [d for d in ctx.diagnostics if d.code == "broken-link"]
        assert [d.file for d in found] == [rel]


def test_text_with_page_effects_is_not_memoized(monkeypatch: pytest.MonkeyPatch) -> None:
    """Even text without markup is kept only when rendering left nothing in the context."""
    ctx = _ctx("page.mdx")
    real = page_module._render_fragment

    def noting(text: str, ctx: RenderContext, inline: bool, spec: bool) -> str:
        ctx.assets.add("images/a.png")
        return real(text, ctx, inline, spec)

    monkeypatch.setattr(page_module, "_render_fragment", noting)
    render_fragment("Plain words.", ctx, spec=True)
    assert not page_module._FRAGMENTS


def test_fence_info_is_shared_and_immutable() -> None:
    a = parse_fence_info("python title=app.py {1,3}")
    assert parse_fence_info("python title=app.py {1,3}") is a
    with pytest.raises(AttributeError):
        a.title = "other"  # type: ignore[misc]
    assert a.highlight == frozenset({1, 3})


def test_pack_keeps_sections_toc_and_updates() -> None:
    rendered = RenderedPage(
        rel_path="a.mdx",
        title="A",
        description="",
        body_html="<p>a</p>",
        toc=(TocEntry("x", "X", 2), TocEntry("y", "Y", 3)),
        sections=(Section("", "A", "intro"), Section("x", "X", "text")),
        depends_on=frozenset({"a.mdx"}),
        classes=frozenset(),
        assets=frozenset(),
        components={},
        unknown_components={},
        updates=(UpdateEntry("v1", "v1", "first", ("new",), "<p>u</p>", "T", "D"),),
    )
    record = PageRecord("a", "a", "/a", "a/index.html", {}, PageMeta.of({}))
    record.rendered, record.markdown = rendered, "# A"
    record.pack()
    assert record.rendered.sections == () and record.rendered.updates == ()
    full = record.unpacked()
    assert full.rendered == rendered and full.markdown == "# A"
    assert all(type(s) is Section for s in full.rendered.sections)
    assert all(type(t) is TocEntry for t in full.rendered.toc)
    assert record.markdown_text() == "# A"  # the Markdown copy alone, packed or not
    assert full.markdown_text() == "# A"


def test_api_field_rows_are_drawn_once_per_view() -> None:
    """api/fields.html draws a row through `field_memo`: the same view gives the same HTML
    from the memo, a view differing in anything (its anchor) is drawn again."""
    from mintrender.openapi.fields import FieldView
    from mintrender.openapi.view import TEMPLATES_DIR, _default_env

    env = _default_env(str(TEMPLATES_DIR))
    fields = env.get_template("api/fields.html").module.field_list  # type: ignore[attr-defined]
    key = FieldView(name="key", anchor="body-key", type_label="string", required=True)
    child = FieldView(name="id", anchor="body-user-id", type_label="integer")
    user = FieldView(name="user", anchor="body-user", type_label="object", children=(child,))
    first = str(fields([key, user]))
    assert 'id="body-key"' in first and 'id="body-user-id"' in first
    assert str(fields([key, user])) == first
    other = FieldView(name="key", anchor="body-key-2", type_label="string", required=True)
    again = str(fields([other, user]))
    assert 'id="body-key-2"' in again and 'id="body-key"' not in again
    memo = env.globals["field_memo"]
    calls: list[object] = []

    def macro(view: object) -> str:
        calls.append(view)
        return "row"

    assert memo(key, macro) != "row"  # drawn before by the template: from the memo
    assert memo([1], macro) == "row" and calls == [[1]]  # unhashable: drawn, not kept


def test_api_templates_compile_once_for_all_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The API environments of a site's languages share their compiled templates: a language
    after the first compiles nothing, and still speaks its own words."""
    import jinja2

    from mintrender.openapi import view
    from mintrender.openapi.view import TEMPLATES_DIR, _default_env

    compiled: list[str] = []
    compile_ = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None, *a, **k):  # type: ignore[no-untyped-def]
        compiled.append(name or "")
        return compile_(self, source, name, *a, **k)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    monkeypatch.setattr(view, "_API_CODE", view._SharedCode())  # nothing compiled yet
    _default_env.cache_clear()
    english = _default_env(str(TEMPLATES_DIR), "en").get_template("api/fields.html")
    assert compiled  # the first environment compiles
    compiled.clear()
    french = _default_env(str(TEMPLATES_DIR), "fr").get_template("api/fields.html")
    assert compiled == []
    assert french is not english and french.globals["t"] != english.globals["t"]
    _default_env.cache_clear()  # no environment holding the test's store outlives the test


@pytest.mark.parametrize(
    ("code", "lang", "last"),
    [
        (
            "cd app # enter\nnpm start # run it",
            "bash",
            'npm start <span class="c1"># run it</span>',
        ),
        ('curl -X POST \\\n  "https://x.dev" \\', "bash", '<span class="se">\\</span>'),
        ("# Title\n\n```js\nconst a = 1;\n```", "mdx", '<span class="sb">```</span>'),
    ],
    ids=["bash-comment", "bash-continuation", "markdown-fence"],
)
def test_the_last_line_of_a_block_is_highlighted_as_the_others(
    code: str, lang: str, last: str
) -> None:
    """A lexer rule that ends at a newline (bash's `#.*\\n`, a Markdown fence) matches on the
    block's last line too, which has none (Pygments' `ensurenl`), and no line is added."""
    from mintrender.render.highlight import highlight_lines

    lines = highlight_lines(code, lang)
    assert len(lines) == code.count("\n") + 1
    assert lines[-1].endswith(last), lines[-1]
    assert highlight_lines(code + "\n", lang)[:-1] == lines  # the same as with its newline
