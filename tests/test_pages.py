"""Pages: frontmatter, titles, heading ids and TOC, code blocks, links and assets."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from sitekit import build_site, minimal_config, write_site

from mintrender.model import BuildResult
from mintrender.render.highlight import get_lexer, parse_fence_info, render_code_block
from mintrender.render.page import fallback_title
from mintrender.render.slugs import Slugger, slugify
from mintrender.write.files import remove_folder


@pytest.mark.parametrize(
    "text,slug",
    [
        ("Config.json options", "config-json-options"),
        ("What's new", "what\u2019s-new"),
        ("Rate limits (per minute)", "rate-limits-per-minute"),
        ("Read/write access", "read/write-access"),
        ("Fees & billing", "fees-&-billing"),
        ("OAuth", "oauth"),
        ("Step 1: Install", "step-1-install"),
        ("Request Body", "request-body"),
        ("Überblick", "überblick"),
    ],
)
def test_heading_ids_match_mintlify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_duplicate_ids_share_one_counter() -> None:
    s = Slugger()
    assert [s.slug("Intro"), s.slug("Intro"), s.slug("Intro")] == ["intro", "intro-2", "intro-3"]


@pytest.mark.parametrize(
    "path,title",
    [
        ("guides/getting-started.md", "Getting started"),
        ("a/my_page.mdx", "My page"),
        ("index.mdx", "Index"),
    ],
)
def test_title_falls_back_to_file_name(path: str, title: str) -> None:
    assert fallback_title(path) == title


def test_fence_meta_grammar() -> None:
    info = parse_fence_info("java HelloWorld.java example icon=java lines")
    assert (info.lang, info.title, info.icon, info.lines) == (
        "java",
        "HelloWorld.java example",
        "java",
        True,
    )
    info = parse_fence_info("json {7-9} Restricted oneOf variant")
    assert info.highlight == frozenset({7, 8, 9}) and info.title == "Restricted oneOf variant"
    info = parse_fence_info('python theme={null} wrap expandable highlight={1,3-4} title="app.py"')
    assert (info.title, info.wrap, info.expandable) == ("app.py", True, True)
    assert info.highlight == frozenset({1, 3, 4})
    assert parse_fence_info("curl curl").title == "curl"
    assert parse_fence_info("js [expandable]").expandable
    # a `{...}` that is no line set is an option, never the title (Restate's `CODE_LOAD` marks)
    info = parse_fence_info('java {"CODE_LOAD::java/Greeter.java?x"} Greeter.java')
    assert (info.title, info.highlight) == ("Greeter.java", frozenset())
    assert parse_fence_info('ts {"CODE_LOAD::https://example.com/app.ts"}').title == ""
    # a braced value holding braces and quotes is one option (Mintlify's Markdown export
    # writes `theme={"theme":{…}}` on every fence): its last `}` was the block's title
    theme = 'theme={"theme":{"light":"github-light","dark":"github-dark-dimmed"}}'
    assert parse_fence_info(f"typescript  {theme}").title == ""
    info = parse_fence_info(f"ts main.ts {theme} {{2}}")
    assert (info.title, info.highlight) == ("main.ts", frozenset({2}))
    assert parse_fence_info('js meta={{a: {b: "}"}}} app.js').title == "app.js"


def test_code_block_markup_and_unknown_language() -> None:
    html = render_code_block("a\nb\nc\n", parse_fence_info("curl Request {2} wrap"))
    assert 'data-lang="curl"' in html and "data-wrap" in html
    assert '<span class="mr-code__title">Request</span>' in html
    assert '<span class="line line--highlight">b</span>' in html
    html = render_code_block("x = 1 // [!code ++]\ny = 2\n", parse_fence_info("nosuchlang"))
    assert '<span class="line line--add">x = 1</span>' in html


def test_lexers_are_pygments_builtins_and_never_ask_plugins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An unknown language is plain text without asking installed Pygments plugins (slow to
    import, and a site must highlight the same on every machine); fences inside a Markdown block
    are highlighted through the same lookup."""
    import pygments.lexers
    import pygments.plugin

    def no_plugins(*args: object) -> None:
        raise AssertionError("Pygments plugins were asked")

    monkeypatch.setattr(pygments.plugin, "find_plugin_lexers", no_plugins)
    monkeypatch.setattr(pygments.lexers, "find_plugin_lexers", no_plugins)
    get_lexer.cache_clear()
    assert get_lexer("nosuchlang") is None and get_lexer("ipython") is None
    code = "Intro\n\n```python\nx = 1\n```\n\n```nosuchlang\ny = 2\n```\n"
    html = render_code_block(code, parse_fence_info("mdx"))
    assert '<span class="n">x</span>' in html and '<span class="mi">1</span>' in html
    assert '<span class="n">y</span>' not in html
    # the same language names as a fence of its own: `curl` is highlighted as Bash
    html = render_code_block(
        "Run:\n\n```curl\ncurl -X GET 'https://x'\n```\nDone.\n", parse_fence_info("md")
    )
    assert "<span class=\"s1\">'https://x'</span>" in html
    # MDX: a tag's attributes are highlighted, and its closing `>` alone on a line is no
    # blockquote (Markdown's lexer made the next line italic)
    html = render_code_block('<Card\n  title="A"\n>\n  Body\n</Card>\n', parse_fence_info("mdx"))
    assert '<span class="nt">Card</span>' in html and '<span class="na">title</span>' in html
    assert 'class="ge"' not in html and "Body" in html
    get_lexer.cache_clear()


def _page(tmp_path: Path, files: dict, pages: list) -> tuple:
    docs = write_site(tmp_path / "docs", files, minimal_config(pages))
    result = build_site(docs, tmp_path / "out")
    return result, tmp_path / "out"


def test_frontmatter_title_description_and_yaml_errors(tmp_path: Path) -> None:
    files = {
        "a.mdx": '---\ntitle: "Alpha"\ndescription: First page\nsidebarTitle: A\n---\n\nBody\n',
        "b-page.mdx": "No frontmatter here.\n",
        "c.mdx": "---\ntitle: [unclosed\n---\n\nText\n",
    }
    result, out = _page(tmp_path, files, ["a", "b-page", "c"])
    a = (out / "a" / "index.html").read_text()
    assert "<title>Alpha - Test</title>" in a and "First page" in a
    assert ">A<" in a  # sidebar label uses sidebarTitle
    b = (out / "b-page" / "index.html").read_text()
    assert "B page" in b
    errs = [d for d in result.diagnostics if d.code == "frontmatter-yaml"]
    assert errs and errs[0].file == "c.mdx" and errs[0].line >= 2
    assert (out / "c" / "index.html").exists()


def test_heading_ids_toc_and_custom_ids(tmp_path: Path) -> None:
    src = "## Request Body\n\n### What's new\n\n## Limits {#my-limits}\n\n#### Deep\n\n## Request Body\n"
    _, out = _page(tmp_path, {"a.mdx": src}, ["a"])
    html = (out / "a" / "index.html").read_text()
    for anchor in ("request-body", "what\u2019s-new", "my-limits", "deep", "request-body-2"):
        assert f'id="{anchor}"' in html
    toc = html[html.find('id="table-of-contents"') :]
    assert (
        'href="#request-body"' in toc and 'href="#my-limits"' in toc and 'href="#deep"' not in toc
    )


def test_a_badge_in_a_heading_is_not_part_of_its_id(tmp_path: Path) -> None:
    """Mintlify's own docs link ``### `navigation` - <Badge>required</Badge>`` as
    `#navigation` (in three languages): the id was `navigation---required`, and those links
    led nowhere. The TOC keeps the whole heading; other components' words stay in the id."""
    src = (
        '### `navigation` - <Badge color="red">required</Badge>\n\n## <Badge>New</Badge> Feature\n\n'
        '## What is <Tooltip tip="x">MCP</Tooltip>?\n\n## Plain - dash\n'
    )
    _, out = _page(tmp_path, {"a.mdx": src}, ["a"])
    html = (out / "a" / "index.html").read_text()
    ids = re.findall(r'<h[23][^>]* id="([^"]+)"', html)
    assert ids == ["navigation", "feature", "what-is-mcp", "plain---dash"]
    assert '<a href="#navigation">navigation - required</a>' in html


def test_gfm_tables_strikethrough_tasks_footnotes_autolinks(tmp_path: Path) -> None:
    src = (
        "| a | b |\n| :-- | --: |\n| 1 | `x\\|y` |\n\n~~gone~~\n\n- [x] done\n- [ ] todo\n\n"
        "Note[^1] and https://example.com/x, again[^1]; not^[a note].\n\n[^1]: The footnote.\n"
    )
    _, out = _page(tmp_path, {"a.mdx": src}, ["a"])
    html = (out / "a" / "index.html").read_text()
    assert "<table>" in html and 'style="text-align:right"' in html and "<code>x|y</code>" in html
    assert "<s>gone</s>" in html
    assert 'type="checkbox"' in html and "checked" in html
    assert 'href="https://example.com/x"' in html
    # a footnote: a numbered superscript link and the note, with its way back (they were drawn
    # as `< />` and `<><>`: the plugin's rules were not the page renderer's)
    assert 'Note<sup class="footnote-ref"><a href="#fn1" id="fnref1">1</a></sup>' in html
    # referenced again: `1` again, as remark-gfm writes it (was `1:1`); GFM has no `^[...]`
    assert 'again<sup class="footnote-ref"><a href="#fn1" id="fnref1:1">1</a></sup>' in html
    assert "not^[a note]." in html
    note = html[html.index('<section class="footnotes">') :]
    assert '<li id="fn1" class="footnote-item"><p>The footnote. <a href="#fnref1"' in note
    assert "< />" not in html and "<>" not in html


def test_code_blocks_highlighted_with_copy_button(tmp_path: Path) -> None:
    src = '```python app.py {2}\nimport os\nprint(os.getcwd())\n```\n\n```curl curl\n--request POST "x"\n```\n'
    _, out = _page(tmp_path, {"a.mdx": src}, ["a"])
    html = (out / "a" / "index.html").read_text()
    assert '<span class="kn">import</span>' in html
    assert 'class="line line--highlight"' in html and ">app.py</span>" in html
    assert html.count('data-component="copy"') >= 2


def test_images_and_files_are_copied_and_links_rewritten(tmp_path: Path) -> None:
    files = {
        "a.mdx": "![Logo](/images/logo.png)\n\n[Download](/files/x.pdf) and [B](/b#part) and [rel](./b).\n",
        "b.mdx": "## Part\n",
        "images/logo.png": b"\x89PNG\r\n",
        "files/x.pdf": b"%PDF",
    }
    result, out = _page(tmp_path, files, ["a", "b"])
    html = (out / "a" / "index.html").read_text()
    assert 'src="/images/logo.png"' in html and (out / "images" / "logo.png").exists()
    assert 'href="/files/x.pdf"' in html and (out / "files" / "x.pdf").exists()
    assert 'href="/b/#part"' in html and 'href="/b/"' in html
    assert not [d for d in result.diagnostics if d.code == "broken-link"]


def test_broken_internal_link_is_reported_with_line(tmp_path: Path) -> None:
    result, _ = _page(tmp_path, {"a.mdx": "---\ntitle: A\n---\n\nSee [x](/nope).\n"}, ["a"])
    broken = [d for d in result.diagnostics if d.code == "broken-link"]
    assert broken and (broken[0].file, broken[0].line) == ("a.mdx", 5)


def test_hidden_pages_are_built_but_not_in_sidebar(tmp_path: Path) -> None:
    files = {"a.mdx": "A\n", "secret.mdx": "---\nhidden: true\n---\nS\n", "orphan.mdx": "O\n"}
    _, out = _page(tmp_path, files, ["a", "secret"])
    assert (out / "secret" / "index.html").exists() and (out / "orphan" / "index.html").exists()
    sidebar = (out / "a" / "index.html").read_text()
    sidebar = sidebar[sidebar.find('id="sidebar"') : sidebar.find('id="content-area"')]
    assert "/secret/" not in sidebar and "/a/" in sidebar


def test_output_is_swapped_in_only_when_complete(tmp_path: Path) -> None:
    docs = write_site(tmp_path / "docs", {"a.mdx": "A\n"}, minimal_config(["a"]))
    out = tmp_path / "out"
    (out / "_mintrender").mkdir(parents=True)  # an earlier site
    (out / "stale.txt").write_text("old")
    build_site(docs, out)
    assert not (out / "stale.txt").exists() and (out / "a" / "index.html").exists()
    leftovers = [p.name for p in tmp_path.iterdir() if ".tmp-" in p.name or ".old-" in p.name]
    assert leftovers == []


def _gone_soon(path: Path) -> bool:
    for _ in range(200):
        if not path.exists():
            return True
        time.sleep(0.05)
    return False


def test_old_output_of_a_big_site_is_removed_by_a_detached_process(tmp_path: Path) -> None:
    old = tmp_path / "old"
    for i in range(50):
        (old / f"d{i}").mkdir(parents=True)
        (old / f"d{i}" / "index.html").write_text("x")
    remove_folder(old, detach=True)  # returns before the files are deleted, or after
    assert _gone_soon(old)


def test_a_killed_builds_old_output_is_swept(tmp_path: Path) -> None:
    docs = write_site(tmp_path / "docs", {"a.mdx": "A\n"}, minimal_config(["a"]))
    stale = tmp_path / ".out.old-abc123"
    (stale / "page").mkdir(parents=True)
    (stale / "page" / "index.html").write_text("left by a killed build")
    other = tmp_path / ".outer.old-abc123"  # another output's: not ours to delete
    other.mkdir()
    build_site(docs, tmp_path / "out")
    assert _gone_soon(stale) and other.exists()


def test_output_folder_inside_docs_is_never_read_back(tmp_path: Path) -> None:
    docs = write_site(tmp_path / "docs", {"a.mdx": "A\n"}, minimal_config(["a"]))
    build_site(docs, docs / "site-out")
    result = build_site(docs, docs / "site-out")
    assert [p.rel_path for p in result.pages] == ["a.mdx"]


def test_links_to_the_root_and_through_wildcard_redirects_are_known(tmp_path: Path) -> None:
    """`/` is always the site's home (the first page when no index page); a link a wildcard
    redirect covers (`/docs/develop/:slug*`, the MCP site's) goes to its destination; neither
    is a broken link, and a redirect to `/` is no broken redirect (Portkey's)."""
    files = {
        "intro.mdx": "See [home](/) and [build](/docs/develop/build-server#run) and [gone](/nope).\n",
        "docs/v2/develop/build-server.mdx": "## Run\n",
    }
    redirects = [
        {"source": "/docs/develop/:slug*", "destination": "/docs/v2/develop/:slug*"},
        {"source": "/old-page", "destination": "/"},
    ]
    result, out = _redirected(tmp_path, files, redirects)
    html = (out / "intro" / "index.html").read_text(encoding="utf-8")
    assert 'href="/docs/v2/develop/build-server/#run"' in html and 'href="/"' in html
    problems = [(d.code, d.message) for d in result.diagnostics if d.severity != "info"]
    assert [code for code, _ in problems] == ["broken-link"] and "/nope" in problems[0][1]


def test_a_blank_title_draws_no_title_above_the_page(tmp_path: Path) -> None:
    """`title: " "` with the page's own heading in its body (Prefect's CLI pages): no title
    made from the file name above it; the sidebar title names the page in `<title>`."""
    files = {
        "flow.mdx": '---\ntitle: " "\nsidebarTitle: prefect flow\n---\n\n# `prefect flow`\n\nServe.\n',
        "plain.mdx": "---\ntitle: Plain\n---\n\nText.\n",
    }
    _, out = _page(tmp_path, files, ["flow", "plain"])
    flow = (out / "flow" / "index.html").read_text(encoding="utf-8")
    assert 'id="page-title"' not in flow and ">Flow<" not in flow
    assert "<title>prefect flow - " in flow and "<code>prefect flow</code></h1>" in flow
    plain = (out / "plain" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="page-title" class="mr-page-title">Plain</h1>' in plain


def test_snippet_file_reads_the_older_snippets_folder(tmp_path: Path) -> None:
    """`<Snippet file="warn.mdx" />` finds `_snippets/warn.mdx`, the folder Mintlify's older
    docs named (Turso's SDK pages); `_snippets/` files are no pages of their own."""
    files = {
        "ref.mdx": '---\ntitle: Reference\n---\n\n<Snippet file="warn.mdx" />\n',
        "_snippets/warn.mdx": "<Warning>Only where a file system is.</Warning>\n",
    }
    result, out = _page(tmp_path, files, ["ref"])
    html = (out / "ref" / "index.html").read_text(encoding="utf-8")
    assert "Only where a file system is." in html and "mr-callout--warning" in html
    assert [r.rel_path for r in result.pages] == ["ref.mdx"]
    assert not (out / "_snippets").exists()
    assert [d.code for d in result.diagnostics if d.severity != "info"] == []


def test_snippet_draws_what_its_tag_holds_as_children(tmp_path: Path) -> None:
    """An MDX snippet used as a wrapper draws the MDX its tag holds where it writes
    `{children}` or `{props.children}`, as MDX gives a content component its children; a
    self-closing tag gives it none. Both had been lost (`{children}` shown as written)."""
    files = {
        "index.mdx": (
            '---\ntitle: Home\n---\n\nimport Box from "/snippets/box.mdx"\n\n'
            '<Box title="T1">\n  Inner **bold** text\n\n  - one\n  - two\n</Box>\n\n'
            '<Box title="T2" />\n'
        ),
        "snippets/box.mdx": (
            '<div className="box">\n{children}\n</div>\n\nAgain: {props.children} for {title}.\n'
        ),
    }
    result, out = _page(tmp_path, files, ["index"])
    html = (out / "index.html").read_text(encoding="utf-8")
    assert '<div class="box"><p>Inner <strong>bold</strong> text</p>' in html
    assert html.count("<li>one</li>") == 2 and "{children}" not in html
    assert "Again: Inner <strong>bold</strong> text" in html and " for T1." in html
    assert [d.code for d in result.diagnostics if d.severity != "info"] == []


def test_a_page_file_name_with_a_space_or_backslash_is_encoded_in_its_urls(
    tmp_path: Path,
) -> None:
    """`cli/my page.mdx` and `cli/a\\b.mdx`: their links and sitemap entries held the space
    and the backslash as they are (no valid sitemap URL; a browser reads `\\` as `/`, so the
    page could not be reached). Percent-encoded now, as `?`, `#` and `%` were."""
    files = {
        "index.mdx": "---\ntitle: Home\n---\n\nSee [it](/cli/my%20page).\n",
        "cli/my page.mdx": "---\ntitle: Spaced\n---\n\nHi.\n",
        "cli/a\\b.mdx": "---\ntitle: Slashed\n---\n\nHo.\n",
    }
    config = minimal_config(["index", "cli/my page", "cli/a\\b"])
    docs = write_site(tmp_path / "docs", files, config)
    result = build_site(docs, tmp_path / "out", base_url="https://ex.com/")
    assert [d.code for d in result.diagnostics if d.severity != "info"] == []
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'href="/cli/my%20page/"' in home and 'href="/cli/a%5Cb/"' in home
    assert 'href="/cli/my page/"' not in home
    sitemap = (tmp_path / "out" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://ex.com/cli/my%20page/</loc>" in sitemap
    assert (tmp_path / "out" / "cli" / "my page" / "index.html").is_file()


def test_snippets_are_the_root_folder_imported_files_and_docs_json_globs(tmp_path: Path) -> None:
    """Only the root `snippets/` folder is snippets by its name: BAML lists pages under
    `docs/snippets/`. A file another page imports is a snippet (shown where imported, no page
    of its own) unless the navigation lists it; docs.json `snippets` globs add snippet files."""
    files = {
        "index.mdx": '---\ntitle: Home\n---\n\nimport Part from "/parts/part.mdx"\n\n<Part />\n',
        "parts/part.mdx": "Part text.\n",
        "parts/listed.mdx": "---\ntitle: Listed\n---\n\nListed text.\n",
        "guide.mdx": '---\ntitle: Guide\n---\n\nimport L from "/parts/listed.mdx"\n\n<L />\n',
        "docs/snippets/class.mdx": "---\ntitle: class\n---\n\nClasses.\n",
        "snippets/root.mdx": "Root snippet.\n",
        "lib/a/b.mdx": "In lib.\n",
        "shared/c.mdx": "Shared.\n",
        "libx.mdx": "---\ntitle: Lib X\n---\n\nA hidden page.\n",
    }
    config = minimal_config(
        ["index", "guide", "parts/listed", "docs/snippets/class"],
        snippets=["lib/**/*.mdx", "/shared/"],
    )
    docs = write_site(tmp_path / "docs", files, config)
    result = build_site(docs, tmp_path / "out")
    built = sorted(r.rel_path for r in result.pages)
    assert built == [
        "docs/snippets/class.mdx",
        "guide.mdx",
        "index.mdx",
        "libx.mdx",
        "parts/listed.mdx",
    ]
    assert "Part text." in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert not (tmp_path / "out" / "parts" / "part").exists()
    assert "parts/part" not in (tmp_path / "out" / "sitemap.xml").read_text(encoding="utf-8")
    assert [d.code for d in result.diagnostics if d.severity != "info"] == []


def test_a_redirect_source_is_written_where_a_server_finds_it(tmp_path: Path) -> None:
    """A percent-encoded redirect source (Turso's `/reference/turso-cli%23installation`) is
    written decoded, as a web server looks it up; one whose decoding would climb out of its
    folder stays as written."""
    redirects = [
        {"source": "/reference/turso-cli%23installation", "destination": "/index"},
        {"source": "/a/%2e%2e/%2e%2e/escape", "destination": "/index"},
    ]
    result, out = _redirected(tmp_path, {"index.mdx": "Hi.\n"}, redirects)
    assert result.fatal is None
    assert (out / "reference" / "turso-cli#installation" / "index.html").is_file()
    assert (out / "a" / "%2e%2e" / "%2e%2e" / "escape" / "index.html").is_file()
    assert not (tmp_path / "escape").exists()


def test_a_long_redirect_chain_is_no_loop(tmp_path: Path) -> None:
    """`/c0 -> /c1 -> ... -> /c12 -> /`: past 10 hops a chain was called a loop and its first
    pages were not written (browsers follow about 20 redirects; Mintlify applies one rule per
    request). A real loop is still one."""
    redirects = [{"source": f"/c{i}", "destination": f"/c{i + 1}"} for i in range(12)]
    redirects += [{"source": "/c12", "destination": "/index"}]
    redirects += [{"source": "/x", "destination": "/y"}, {"source": "/y", "destination": "/x"}]
    result, out = _redirected(tmp_path, {"index.mdx": "Hi.\n"}, redirects)
    loops = [d.message for d in result.diagnostics if d.code == "redirect-loop"]
    assert len(loops) == 2 and all("'/x'" in m or "'/y'" in m for m in loops)
    assert all((out / f"c{i}" / "index.html").is_file() for i in range(13))


def test_a_redirect_never_replaces_a_file_of_the_site(tmp_path: Path) -> None:
    """A redirect from `/favicon.ico` (a docs-folder file) stopped the build (FileExistsError,
    exit 3); from `/sitemap.xml`, `/llms.txt`, `/404.html` or a feed it silently turned the
    generated file into a folder holding a redirect page. The file is kept, with a warning."""
    sources = ["/favicon.ico", "/img/a.png/x", "/sitemap.xml", "/llms.txt", "/404.html"]
    sources += ["/changelog/rss.xml", "/robots.txt", "/old"]
    files = {
        "index.mdx": "Hi.\n",
        "changelog.mdx": '---\nrss: true\n---\n<Update label="a">x</Update>\n',
        "favicon.ico": b"\0\1",
        "img/a.png": b"\x89PNG",
    }
    redirects = [{"source": s, "destination": "/index"} for s in sources]
    result, out = _redirected(tmp_path, files, redirects)
    assert result.fatal is None and not [d for d in result.diagnostics if d.severity == "error"]
    shadowed = [d.message for d in result.diagnostics if d.code == "redirect-shadowed"]
    assert len(shadowed) == len(sources) - 1 and "'/favicon.ico' is a file" in shadowed[0]
    for name in ("favicon.ico", "img/a.png", "sitemap.xml", "llms.txt", "404.html", "robots.txt"):
        assert (out / name).is_file(), name
    assert (out / "changelog" / "rss.xml").is_file()
    assert (out / "old" / "index.html").is_file()


def test_a_redirect_source_with_a_fragment_is_left_out_with_a_warning(tmp_path: Path) -> None:
    """A source holding `#` (Prefect's `/old#cloud-provider-storage`) can never match a request:
    the rule is left out of the redirect pages, `_redirects` and `nginx.conf` (where it made
    `/old` redirect to itself), with a `config-redirect` warning; the next rule for `/old` wins."""
    files = {"index.mdx": "Home.\n", "new.mdx": "## Blob storage\n"}
    redirects = [
        {"source": "/old#cloud-provider-storage", "destination": "/old#blob-storage"},
        {"source": "/old", "destination": "/new"},
    ]
    result, out = _redirected(tmp_path, files, redirects)
    assert "blob-storage" not in (out / "_redirects").read_text(encoding="utf-8")
    assert "blob-storage" not in (out / "nginx.conf").read_text(encoding="utf-8")
    assert "/new/" in (out / "old" / "index.html").read_text(encoding="utf-8")
    codes = [d.code for d in result.diagnostics if d.severity != "info"]
    assert codes == ["config-redirect"]


def test_fence_options_in_braces_are_options() -> None:
    """`{title="checkly.config.ts"}` (Hugo's and Docusaurus's way, on 8 Checkly pages) names the
    block; it was shown as the title with its braces; line ranges in braces stay ranges."""
    info = parse_fence_info('typescript {title="checkly.config.ts"} highlight={8-9}')
    assert (info.lang, info.title, info.highlight) == ("typescript", "checkly.config.ts", {8, 9})
    info = parse_fence_info('python {title="a.py" linenos=table} {2}')
    assert (info.title, info.highlight) == ("a.py", {2})
    assert parse_fence_info("js Example {1,3}").title == "Example"


def test_a_link_to_a_pages_own_feed_is_known(tmp_path: Path) -> None:
    """`[Subscribe](/changelog/rss.xml)` on an `rss: true` page (AgentMail's changelog) links
    the feed the build writes: no broken-link warning; a feed of no page still is one."""
    page = (
        "---\ntitle: Changelog\nrss: true\n---\n\n[Subscribe](/changelog/rss.xml) and "
        '[other](/nothing/rss.xml)\n\n<Update label="2024-01-01">\nFirst.\n</Update>\n'
    )
    result, out = _page(tmp_path, {"changelog.mdx": page}, ["changelog"])
    assert (out / "changelog" / "rss.xml").is_file()
    broken = [d.message for d in result.diagnostics if d.code == "broken-link"]
    assert len(broken) == 1 and "/nothing/rss.xml" in broken[0]


def _redirected(
    tmp_path: Path, files: dict[str, str], redirects: list[dict[str, str]]
) -> tuple[BuildResult, Path]:
    """A site of `files` (every page in the navigation) with docs.json `redirects`, built."""
    pages = [name.rsplit(".", 1)[0] for name in files]
    docs = write_site(tmp_path / "docs", files, minimal_config(pages, redirects=redirects))
    return build_site(docs, tmp_path / "out"), tmp_path / "out"


def test_an_untitled_group_gives_its_pages_no_eyebrow(tmp_path: Path) -> None:
    """Autumn's `{"group": " "}` is a section without a title: its pages have no eyebrow
    (they had "Documentation ›" and an empty crumb); a titled group's pages show its name,
    and the breadcrumbs style leaves the blank label out."""
    groups = [{"group": " ", "pages": ["welcome"]}, {"group": "Guides", "pages": ["guide"]}]
    files = {"welcome.mdx": "Hello.\n", "guide.mdx": "Guide.\n"}
    for style, expected in (("section", "Guides"), ("breadcrumbs", "Documentation / Guides")):
        config = {
            "name": "T",
            "navigation": {"tabs": [{"tab": "Documentation", "groups": groups}]},
            "styling": {"eyebrows": style},
        }
        docs = write_site(tmp_path / style, files, config)
        build_site(docs, tmp_path / f"{style}-out")
        welcome = (tmp_path / f"{style}-out" / "welcome" / "index.html").read_text(encoding="utf-8")
        guide = (tmp_path / f"{style}-out" / "guide" / "index.html").read_text(encoding="utf-8")
        eyebrow = re.search(r'<div class="mr-eyebrow eyebrow">(.*?)</div>', welcome)
        assert eyebrow is None or eyebrow.group(1) == "Documentation", style
        assert f'<div class="mr-eyebrow eyebrow">{expected}</div>' in guide, style
        # the phone sub-bar shows the current group once, before its one separator
        assert '<span class="mr-subbar__group">Guides</span><svg' in guide, style


def test_the_phone_sub_bar_names_the_innermost_group_with_breadcrumbs(tmp_path: Path) -> None:
    """With breadcrumb eyebrows the sub-bar read "Guides / Setup › Page A", two separators in
    one trail; it is the current group and the page, as without them."""
    config = {
        "name": "T",
        "navigation": {
            "groups": [{"group": "Guides", "pages": [{"group": "Setup", "pages": ["a"]}]}]
        },
        "styling": {"eyebrows": "breadcrumbs"},
    }
    docs = write_site(tmp_path / "docs", {"a.mdx": "---\ntitle: Page A\n---\nA\n"}, config)
    build_site(docs, tmp_path / "out")
    html = (tmp_path / "out" / "a" / "index.html").read_text(encoding="utf-8")
    assert '<div class="mr-eyebrow eyebrow">Guides / Setup</div>' in html
    assert re.findall(r'<span class="mr-subbar__group">([^<]*)</span>', html) == ["Setup"]


def test_a_navbar_link_without_a_label_is_its_icon_or_its_service(tmp_path: Path) -> None:
    """superdoc's `{"type": "button", "label": "", "icon": "discord"}` read "Button"; an
    icon link is the icon alone (named for screen readers), and a github link is "GitHub"."""
    navbar = {
        "links": [
            {
                "type": "button",
                "href": "https://discord.com/invite/x",
                "label": "",
                "icon": "discord",
            },
            {"type": "github", "href": "https://github.com/x/y"},
        ],
        "primary": {"type": "github", "href": "https://github.com/x/y"},
    }
    docs = write_site(tmp_path / "d", {"a.mdx": "A\n"}, minimal_config(["a"], navbar=navbar))
    build_site(docs, tmp_path / "out")
    html = (tmp_path / "out" / "a" / "index.html").read_text(encoding="utf-8")
    assert ">Button<" not in html and ">Github<" not in html
    assert 'href="https://discord.com/invite/x" aria-label="Discord"' in html
    assert html.count('<span class="mr-navbar__link-label">GitHub</span>') == 1
    assert ">GitHub</" in html.split('mr-navbar__link-label">GitHub</span>', 1)[1]


def test_a_listed_file_that_is_no_page_is_said_to_be_one(tmp_path: Path) -> None:
    """A navigation entry naming a file in a folder always skipped (`node_modules/`), or in
    `snippets/`: the warning said there was no such file. It names why the file is not a
    page."""
    files = {
        "a.mdx": "A\n",
        "pkg/node_modules/query-api.mdx": "Q\n",
        "snippets/part.mdx": "P\n",
    }
    pages = ["a", "pkg/node_modules/query-api", "snippets/part", "missing", "../outside"]
    docs = write_site(tmp_path / "d", files, minimal_config(pages))
    (tmp_path / "outside.mdx").write_text("O\n", encoding="utf-8")
    result = build_site(docs, tmp_path / "out")
    said = [d.message for d in result.diagnostics if d.code == "nav-missing-page"]
    assert said == [
        "navigation lists 'pkg/node_modules/query-api' but pkg/node_modules/query-api.mdx is "
        "not a page: it is in a `node_modules/` folder, which Mintlify skips",
        "navigation lists 'snippets/part' but snippets/part.mdx is not a page: files in the "
        "`snippets/` folder are snippets, never pages",
        "navigation lists 'missing' but there is no missing.mdx or missing.md",
        "navigation lists '../outside' but there is no ../outside.mdx or ../outside.md",
    ]


def test_pages_the_navigation_lists_in_a_build_folder_are_pages(tmp_path: Path) -> None:
    """Voucherify keeps 44 guides in `build/` and world-engine in `cardinal/build/`, and their
    navigation lists them: a page the navigation names wins over the built-in ignore of
    `build/` (and `dist/`, `tmp/`…), with the images beside it. A `build/` folder the
    navigation lists nothing in is still skipped, and `.mintignore` still decides."""
    files = {
        "a.mdx": "A\n",
        "build/create-coupons.mdx": "![Flow](/build/img/flow.png)\n",
        "build/img/flow.png": "png",
        "build/draft.mdx": "D\n",
        "cardinal/build/query-api.mdx": "Q\n",
        "sdk/build/out.mdx": "O\n",
        "sdk/build/bundle.js": "x",
        "dist/secret.mdx": "S\n",
        ".mintignore": "build/draft.mdx\n",
    }
    pages = ["a", "build/create-coupons", "/cardinal/build/query-api"]
    docs = write_site(tmp_path / "d", files, minimal_config(pages))
    result = build_site(docs, tmp_path / "out")
    out = tmp_path / "out"
    assert not [d for d in result.diagnostics if d.severity != "info"]
    built = sorted(r.rel_path for r in result.pages)
    assert built == ["a.mdx", "build/create-coupons.mdx", "cardinal/build/query-api.mdx"]
    assert (out / "build" / "img" / "flow.png").is_file()
    assert not (out / "sdk").exists() and not (out / "dist").exists()
    assert not (out / "build" / "draft").exists()


def test_a_capitalised_title_word_is_no_fence_flag() -> None:
    """```` ```jsx Expandable Example ```` is titled "Expandable Example" (handotdev); the flags
    are lower-case words."""
    info = parse_fence_info("jsx Expandable Example")
    assert info.title == "Expandable Example" and not info.expandable
    assert parse_fence_info("bash Copy files").title == "Copy files"
    flagged = parse_fence_info("js expandable wrap title")
    assert flagged.title == "title" and flagged.expandable and flagged.wrap


def test_navigation_and_navbar_links_to_nothing_are_broken_links(tmp_path: Path) -> None:
    """authlane's tab to `/docs/api-reference` was a dead link no one was told about; a tab,
    a global anchor or a navbar link to no page is a `broken-link` at its place in docs.json,
    as a page's own link is. Links to pages, files and other sites are not."""
    config = {
        "name": "T",
        "navigation": {
            "tabs": [
                {"tab": "Docs", "pages": ["a"]},
                {"tab": "Gone", "href": "/nowhere"},
                {"tab": "Fine", "href": "/a"},
            ],
            "global": {"anchors": [{"anchor": "Blog", "href": "/blog-missing"}]},
        },
        "navbar": {
            "links": [{"label": "Site", "href": "https://example.com"}],
            "primary": {"type": "button", "label": "Go", "href": "/support-missing"},
        },
    }
    docs = write_site(tmp_path / "d", {"a.mdx": "A\n"}, config)
    result = build_site(docs, tmp_path / "out")
    broken = [
        (d.file, d.line > 0, d.message) for d in result.diagnostics if d.code == "broken-link"
    ]
    assert broken == [
        ("docs.json", True, f"link {href!r} points to no page or file of this site")
        for href in ("/nowhere", "/blog-missing", "/support-missing")
    ]


def test_the_404_descriptions_markdown_is_drawn(tmp_path: Path) -> None:
    """Mintlify's custom 404 guide: `errors.404.description` "supports Markdown formatting";
    its `**happened**` and `_page_` were shown as written. Without one, the words stay."""
    errors = {"404": {"title": "Lost", "description": "What ever **happened** to this _page_?"}}
    docs = write_site(tmp_path / "d", {"a.mdx": "A\n"}, minimal_config(["a"], errors=errors))
    build_site(docs, tmp_path / "out")
    page = (tmp_path / "out" / "404.html").read_text(encoding="utf-8")
    assert "What ever <strong>happened</strong> to this <em>page</em>?</p>" in page
    plain = write_site(tmp_path / "p", {"a.mdx": "A\n"}, minimal_config(["a"]))
    build_site(plain, tmp_path / "plain")
    page = (tmp_path / "plain" / "404.html").read_text(encoding="utf-8")
    assert '"mr-page-description">We couldn&#39;t find the page you were looking for.</p>' in page


def test_strikethrough_takes_one_tilde_or_two_as_gfm_does(tmp_path: Path) -> None:
    """Mintlify's text guide documents `~text~`, and its style guide writes `[~by zombies~]`:
    it was shown with its tildes. One tilde or two strike through (matched alike); three or
    more, or unmatched widths, are text (checked with remark-gfm)."""
    src = "a ~one~ b ~~two~~ c ~~~three~~~ d ~x~~ e [~by zombies~]\n"
    _, out = _page(tmp_path, {"a.mdx": src}, ["a"])
    html = (out / "a" / "index.html").read_text()
    assert "<p>a <s>one</s> b <s>two</s> c ~~~three~~~ d ~x~~ e [<s>by zombies</s>]</p>" in html


def test_a_bare_url_is_found_before_emphasis_and_math(tmp_path: Path) -> None:
    """GFM finds autolink literals before emphasis and math: a URL holding `__`, `_x_`, `*x*` or
    `$` was cut where emphasis or math began; one right after Chinese text, or with an upper
    case scheme, was not linked (each checked with remark-gfm)."""
    src = (
        "See https://docs.python.org/3/reference/datamodel.html#object.__init__ for details.\n\n"
        "Call https://graph.microsoft.com/v1.0/me/messages?$select=subject&$top=5 to list.\n\n"
        "Open https://example.com/_next/_data_/x and https://ex.com/a*b*c now.\n\n"
        "访问https://example.com/docs 获取更多。 HTTPS://EX.COM/UP, and `https://code.example`.\n"
    )
    _, out = _page(tmp_path, {"a.mdx": src}, ["a"])
    html = (out / "a" / "index.html").read_text()
    hrefs = re.findall(r'<a href="([^"]*)" target="_blank"', html)
    assert hrefs == [
        "https://docs.python.org/3/reference/datamodel.html#object.__init",
        "https://graph.microsoft.com/v1.0/me/messages?$select=subject&amp;$top=5",
        "https://example.com/_next/_data_/x",
        "https://ex.com/a*b*c",
        "https://example.com/docs",
        "HTTPS://EX.COM/UP",
    ]
    assert "object.__init</a>__ for" in html and "<em>" not in html and "mr-math" not in html
    assert "<code>https://code.example</code>" in html


def test_links_to_pages_named_with_spaces_or_accents(tmp_path: Path) -> None:
    """`[a](/my%20page)` and `[b](/ünï)` (which markdown-it percent-encodes) were broken links
    to pages that exist; a broken one is named as written, and its href not encoded twice."""
    files = {
        "index.mdx": "---\ntitle: T\n---\n\n[a](/my%20page) [b](/ünï) [c](/missing-ünï)\n",
        "my page.mdx": "---\ntitle: A\n---\n\nA\n",
        "ünï.mdx": "---\ntitle: B\n---\n\nB\n",
    }
    result, out = _page(tmp_path, files, ["index", "my page", "ünï"])
    broken = [(d.line, d.column, d.message) for d in result.diagnostics if d.code == "broken-link"]
    assert broken == [(5, 31, "link '/missing-ünï' points to no page or file of this site")]
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "%25" not in html


def test_docs_json_variables_fill_the_frontmatter_too(tmp_path: Path) -> None:
    """`title: "{{product}} quickstart"`: the body's `{{product}}` was replaced, the title,
    description and sidebar label were not (the reference: on the raw text, before MDX)."""
    page = (
        '---\ntitle: "{{product}} quickstart"\ndescription: "Start with {{product}}"\n'
        "keywords: ['{{product}}']\n---\n\nWelcome to {{product}}.\n"
    )
    config = minimal_config(["index"], variables={"product": "Acme"})
    docs = write_site(tmp_path / "docs", {"index.mdx": page}, config)
    build_site(docs, tmp_path / "out")
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "<title>Acme quickstart - Test</title>" in html
    assert '<meta name="description" content="Start with Acme">' in html
    assert 'aria-current="page">Acme quickstart' in html and "Welcome to Acme." in html
    assert "{{product}}" not in html


def test_a_placeholder_no_variable_fills_is_an_error(tmp_path: Path) -> None:
    """settings-structure.mdx: "You must define all variables referenced in your content or
    the build fails". `{{nope}}` was a warning about template text; it is a
    `variable-undefined` error at its place, with the nearest name, once (code blocks too).
    A site without `variables` keeps the template-text warning."""
    page = "Version {{nope}} of {{produt}}.\n\n```yaml\nname: {{ prodct }}\n```\n"
    config = minimal_config(["index"], variables={"product": "Acme"})
    docs = write_site(tmp_path / "docs", {"index.mdx": page}, config)
    result = build_site(docs, tmp_path / "out")
    found = [(d.code, d.line, d.column, d.hint) for d in result.diagnostics if d.severity != "info"]
    assert found == [
        ("variable-undefined", 1, 9, "define it in docs.json `variables`"),
        ("variable-undefined", 1, 21, "did you mean {{product}}?"),
        ("variable-undefined", 4, 7, "did you mean {{product}}?"),
    ]
    plain = write_site(tmp_path / "plain", {"index.mdx": page}, minimal_config(["index"]))
    codes = [d.code for d in build_site(plain, tmp_path / "out2").diagnostics]
    assert "variable-undefined" not in codes and "mdx-expression" in codes


def test_a_variable_name_no_placeholder_can_reach_is_reported(tmp_path: Path) -> None:
    """`"variables": {"a b": "x"}`: names hold letters, digits and hyphens
    (settings-structure.mdx), so `{{a b}}` is no placeholder; it was kept without a word."""
    config = minimal_config(["index"], variables={"a b": "x", "ok-1": "y"})
    docs = write_site(tmp_path / "docs", {"index.mdx": "Hi {{ok-1}}.\n"}, config)
    result = build_site(docs, tmp_path / "out")
    (found,) = [d for d in result.diagnostics if d.code == "config-type"]
    assert "variable name 'a b'" in found.message and found.line > 0
    assert "Hi y." in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
