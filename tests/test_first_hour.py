"""A new user's first hour (issue 17): every message says what to do, in one shape.

Each test drives the CLI as a writer would, with one of the mistakes writers make, and asserts
the line it prints: `file:line:col: severity: message; hint [code]`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mintrender.cli import main
from mintrender.errors import Diagnostic
from mintrender.hints import PathIndex, closest, closest_path, plural, problem_counts
from tests.sitekit import minimal_config, write_site

GOOD_PAGES = {
    "index.mdx": "---\ntitle: Home\n---\n\nWelcome.\n",
    "guides/configuration.mdx": "---\ntitle: Configuration\n---\n\n## Colors\n\nSet them.\n",
    "guides/setup.mdx": "---\ntitle: Setup\n---\n\nSet up.\n",
}
NAV = ["index", "guides/configuration", "guides/setup"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


def site(tmp_path: Path, files: dict[str, Any] | None = None, **config: Any) -> Path:
    return write_site(
        tmp_path / "docs", {**GOOD_PAGES, **(files or {})}, minimal_config(NAV, **config)
    )


def lines_with(output: str, code: str) -> list[str]:
    return [line for line in output.splitlines() if line.endswith(f"[{code}]")]


# --- the one message shape --------------------------------------------------------------------


def test_format_is_one_line_with_hint_and_code() -> None:
    d = Diagnostic(
        "warning", "a.mdx", 3, 7, "broken-link", "link 'x' goes nowhere", "did you mean 'y'?"
    )
    assert (
        d.format() == "a.mdx:3:7: warning: link 'x' goes nowhere; did you mean 'y'? [broken-link]"
    )
    assert Diagnostic("error", "a.mdx", 3, 7, "c", "m").format() == "a.mdx:3:7: error: m [c]"
    assert Diagnostic("info", "robots.txt", 0, 0, "c", "m").format() == "robots.txt: info: m [c]"
    assert d.to_dict()["hint"] == "did you mean 'y'?"


def test_plurals() -> None:
    assert plural(1, "warning") == "1 warning"
    assert plural(0, "error") == "0 errors"
    assert problem_counts(1, 2) == "1 error, 2 warnings"


def test_suggestions_are_ranked_and_path_aware() -> None:
    assert closest("Warnng", ["Note", "Warning", "Tip"]) == ["Warning"]
    assert closest("note", ["Note"]) == ["Note"]  # case only
    assert closest("Zzzz", ["Note", "Warning"]) == []
    pages = ["/guides/configuration", "/guides/setup", "/agents/teams"]
    assert closest_path("/guides/configure", pages) == "/guides/configuration"
    # a long shared prefix is not a match when the names differ
    assert closest_path("/agents/uploads", pages) is None


def test_path_index_answers_as_closest_path_among_many_copies() -> None:
    """The index a site keeps for its broken links: same answers, ties to the first in order."""
    names = ["configuration", "setup", "teams", "uploads", "install", "quickstart"]
    pages = [f"/copy{k}/guides/{n}" for k in range(1, 6) for n in names] + ["/images/setup.png"]
    index = PathIndex(reversed(pages))
    # the answers of the one-question scan it replaced (a tie goes to the first in order)
    expected = {
        "/copy3/guides/configure": "/copy1/guides/configuration",
        "/copy2/guides/setpu": "/copy1/guides/setup",
        "/guides/install": "/copy1/guides/install",
        "/copy9/guides/quickstart": "/copy1/guides/quickstart",
        "/images/setup.jpg": "/images/setup.png",
        "/agents/uploads": None,
        "/copy1/guides/setup": "/copy2/guides/setup",  # never itself
    }
    assert {path: index.closest(path) for path in expected} == expected
    assert closest_path("/copy2/guides/setpu", pages) == "/copy1/guides/setup"


def test_a_name_many_folders_hold_is_suggested_only_from_a_close_folder() -> None:
    """Nango's integrations each have a `connect` page: `/integrations/algolia/connect` was
    told "did you mean '/integrations/gong/connect'?"; a typo in the folder is still found,
    and so is a page of a name of its own moved to another folder."""
    pages = [f"/integrations/{n}/connect" for n in ("gong", "hubspot", "slack")]
    pages += ["/snippets/generated/gong/Tools.mdx", "/snippets/generated/slack/Tools.mdx"]
    pages += ["/get-started/installation"]
    assert closest_path("/integrations/algolia/connect", pages) is None
    assert closest_path("/snippets/generated/exa/Tools.mdx", pages) is None
    assert closest_path("/integrations/hubspt/connect", pages) == "/integrations/hubspot/connect"
    assert closest_path("/guides/installation", pages) == "/get-started/installation"


# --- docs.json syntax --------------------------------------------------------------------------


def test_trailing_comma_in_docs_json_is_reported_and_the_site_still_builds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = site(tmp_path)
    text = json.dumps(minimal_config(NAV), indent=2).replace('"guides/setup"', '"guides/setup",')
    (docs / "docs.json").write_text(text)
    code, out = run(capsys, "build", str(docs), "-o", str(tmp_path / "out"))
    assert code == 1
    (line,) = lines_with(out, "config-json")
    row = text.splitlines().index(next(r for r in text.splitlines() if '"guides/setup",' in r))
    col = text.splitlines()[row].index(",") + 1
    assert line == (
        f"docs.json:{row + 1}:{col}: error: invalid JSON: trailing comma before ']'; remove this "
        "comma: JSON allows no comma after the last item of a list or object [config-json]"
    )
    assert (tmp_path / "out" / "guides" / "setup" / "index.html").is_file()
    assert "Built 3 pages" in out and "(1 error, 0 warnings)" in out


@pytest.mark.parametrize(
    ("text", "where", "expected"),
    [
        ('{\n  "name": "x"\n  "navigation": {}\n}', "2:14", "missing comma; add a comma after"),
        (
            '{\n  "name": "x,\n  "navigation": {}\n}',
            "2:11",
            'a string is not closed; add the closing "',
        ),
        ('{\n  // my site\n  "name": "x"\n}', "2:3", "a comment; JSON allows no comments"),
        ("{\n  'name': 'x'\n}", "2:3", "a key in single quotes; use double quotes"),
        ('{\n  "name": "x"\n', "2:13", "the file ends too early; a closing } or ] is missing"),
    ],
)
def test_docs_json_syntax_errors_say_where_and_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, where: str, expected: str
) -> None:
    docs = site(tmp_path)
    (docs / "docs.json").write_text(text)
    code, out = run(capsys, "build", str(docs), "-o", str(tmp_path / "out"))
    assert code == 2
    (line,) = lines_with(out, "config-json")
    assert line.startswith(f"docs.json:{where}: error: invalid JSON: {expected}"), line
    assert "nothing was built" in out
    assert "Expecting" not in out  # no parser jargon


def test_no_docs_json_says_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    code, out = run(capsys, "build", str(tmp_path / "empty"))
    assert code == 2
    assert "error: no docs.json or mint.json in this folder; run mintrender in the folder" in out
    assert out.splitlines()[0].endswith("[config-missing]")


def test_the_docs_json_path_stands_for_its_folder_and_other_paths_say_what_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = site(tmp_path / "docs")
    code, out = run(capsys, "build", str(docs / "docs.json"), "-o", str(tmp_path / "out"))
    assert code == 0 and (tmp_path / "out" / "index.html").is_file(), out
    code, out = run(capsys, "build", str(docs / "index.mdx"), "-o", str(tmp_path / "o2"))
    assert code == 2 and out.strip() == (
        f"mintrender: {docs / 'index.mdx'} is a file, not the docs folder (the folder that "
        "holds docs.json)"
    )
    code, out = run(capsys, "serve", str(tmp_path / "nowhere"))
    assert code == 2 and out.strip() == f"mintrender: {tmp_path / 'nowhere'} does not exist"
    assert not (tmp_path / "o2").exists()


# --- frontmatter YAML ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("frontmatter", "where", "expected"),
    [
        (
            "title: Home\ndescription: Start here: the basics",
            "3:24",
            "a colon inside the value of `description`; put the value in quotes: "
            'description: "Start here: the basics"',
        ),
        ("title: Home\n\ticon: rocket", "3:1", "a tab in the indentation; indent with spaces"),
        ('title: "Home\nicon: rocket', "2:8", 'a quote is not closed; end the value with "'),
        ("title: 'It's here'", "2:12", "text after the closing quote in the value of `title`"),
    ],
)
def test_frontmatter_mistakes_get_plain_hints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], frontmatter: str, where: str, expected: str
) -> None:
    docs = site(tmp_path, {"index.mdx": f"---\n{frontmatter}\n---\n\nWelcome.\n"})
    code, out = run(capsys, "build", str(docs), "-o", str(tmp_path / "out"))
    assert code == 1
    (line,) = lines_with(out, "frontmatter-yaml")
    assert line.startswith(f"index.mdx:{where}: error: invalid frontmatter: {expected}"), line
    assert "mapping values" not in out and "scanning" not in out


# --- did you mean -------------------------------------------------------------------------------


def test_misspelled_link_gets_nearest_page_and_its_real_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = "---\ntitle: Home\n---\n\nRead [the guide](/guides/configure) and [x](/guides/stup).\n"
    docs = site(tmp_path, {"index.mdx": page})
    _, out = run(capsys, "build", str(docs), "-o", str(tmp_path / "out"))
    assert lines_with(out, "broken-link") == [
        "index.mdx:5:18: warning: link '/guides/configure' points to no page or file of this "
        "site; did you mean '/guides/configuration'? [broken-link]",
        "index.mdx:5:45: warning: link '/guides/stup' points to no page or file of this site; "
        "did you mean '/guides/setup'? [broken-link]",
    ]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_snippets_problem_is_said_once_and_an_inline_icon_at_its_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    """Two pages import one snippet: its warnings are one each (as a cached build says them),
    and an inline <Icon>'s warning points at its name, not at column 1."""
    snippet = 'See the list <Icon icon="circle-9" size={20} /> or <Icon icon="rocet" />.\n'
    page = '---\ntitle: {t}\n---\n\nimport Run from "/snippets/run.mdx"\n\n<Run />\n'
    files = {
        "snippets/run.mdx": snippet + "\n[gone](/nowhere)\n",
        "index.mdx": page.format(t="Home"),
        "guides/setup.mdx": page.format(t="Setup"),
    }
    docs = site(tmp_path, files)
    _, out = run(capsys, "build", str(docs), "-o", str(tmp_path / "out"), "--jobs", jobs)
    mine = [line for line in out.splitlines() if line.startswith("snippets/run.mdx")]
    assert [line.split(": warning")[0] for line in mine] == [
        "snippets/run.mdx:1:26",
        "snippets/run.mdx:1:64",
        "snippets/run.mdx:3:8",
    ]


def test_misspelled_component_icon_and_frontmatter_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (
        "---\ntitle: Home\ndescripton: The home page\n---\n\n<Warnng>Careful.</Warnng>\n\n"
        '<Icon icon="rocet" />\n'
    )
    docs = site(tmp_path, {"index.mdx": page})
    _, out = run(capsys, "build", str(docs), "-o", str(tmp_path / "out"))
    (component,) = lines_with(out, "unknown-component")
    assert component.startswith("index.mdx:6:1: warning: <Warnng> is not a Mintlify component")
    assert component.endswith("; did you mean <Warning>? [unknown-component]")
    (icon,) = lines_with(out, "unknown-icon")
    assert icon.endswith("did you mean 'rocket'? [unknown-icon]")
    (key,) = lines_with(out, "frontmatter-key")
    assert key.startswith("index.mdx:3:1: warning: frontmatter key `descripton`")
    assert key.endswith("did you mean `description`? [frontmatter-key]")


def test_custom_frontmatter_keys_are_not_typos(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = "---\ntitle: Home\nauthor: Ada\ntags: [a]\n---\n\nHi.\n"
    docs = site(tmp_path, {"index.mdx": page})
    _, out = run(capsys, "build", str(docs), "-o", str(tmp_path / "out"))
    assert lines_with(out, "frontmatter-key") == []


def test_misspelled_navigation_entry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = site(tmp_path)
    (docs / "docs.json").write_text(json.dumps(minimal_config(["index", "guides/confguration"])))
    _, out = run(capsys, "build", str(docs), "-o", str(tmp_path / "out"))
    (line,) = lines_with(out, "nav-missing-page")
    assert line.endswith("did you mean 'guides/configuration'? [nav-missing-page]")


def test_missing_snippet_import_is_one_message_with_the_nearest_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = '---\ntitle: Home\n---\n\nimport Intro from "/snippets/intro.mdx";\n\n<Intro />\n'
    docs = site(tmp_path, {"index.mdx": page, "snippets/intros.mdx": "Hello."})
    _, out = run(capsys, "build", str(docs), "-o", str(tmp_path / "out"))
    problems = [line for line in out.splitlines() if line.startswith("index.mdx:")]
    assert problems == [
        "index.mdx:5:1: warning: cannot find imported file '/snippets/intro.mdx'; "
        "did you mean '/snippets/intros.mdx'? [mdx-import]"
    ]
    assert "(0 errors, 1 warning)" in out


def test_other_themes_get_one_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = site(tmp_path)
    (docs / "docs.json").write_text(json.dumps({**minimal_config(NAV), "theme": "maple"}))
    code, out = run(capsys, "build", str(docs), "-o", str(tmp_path / "out"))
    assert code == 0
    (line,) = lines_with(out, "theme-fallback")
    assert re.match(
        r"docs\.json:1:\d+: info: theme 'maple' is drawn with the `mint` theme and its own look",
        line,
    )
    html = (tmp_path / "out" / "index.html").read_text()
    assert '<html lang="en" dir="ltr" class="mr-html" data-theme="maple"' in html


def test_each_styled_theme_has_its_rules() -> None:
    """Every theme drawn with its own look has rules in the core stylesheet, keyed on the
    `data-theme` base.html writes, and base.html knows every theme Mintlify documents."""
    from mintrender.load.config import MINTLIFY_THEMES, STYLED_THEMES
    from mintrender.write.theme import theme_files

    css = theme_files()["mintrender.css"]
    base = (Path(__file__).parents[1] / "themes/mint/templates/base.html").read_text()
    for theme in STYLED_THEMES:
        assert f'[data-theme="{theme}"]' in css.replace("'", '"'), theme
    for theme in MINTLIFY_THEMES:
        assert theme == "mint" or f"'{theme}'" in base, theme


# --- outputs are never inputs; the next step ----------------------------------------------------


def test_zip_build_three_times_gives_the_same_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = site(tmp_path)
    digests = []
    for _ in range(3):
        code, out = run(capsys, "build", str(docs), "--offline", "--zip")
        assert code == 0, out
        digests.append(hashlib.sha256((docs / "_site.zip").read_bytes()).hexdigest())
    assert digests[0] == digests[1] == digests[2]
    assert not (docs / "_site" / "_site.zip").exists()
    assert not (docs / "_site" / "_site").exists()


def test_an_out_folder_inside_the_docs_is_never_read_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = site(tmp_path)
    for _ in range(2):
        code, _ = run(capsys, "build", str(docs), "-o", str(docs / "public"), "--zip")
        assert code == 0
    assert not (docs / "public" / "public").exists()
    assert not (docs / "public" / "public.zip").exists()


def test_every_build_ends_with_the_next_step(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    site(tmp_path)
    monkeypatch.chdir(tmp_path)
    _, out = run(capsys, "build", "docs")
    assert out.splitlines()[-1] == (
        "Next: python -m http.server -d docs/_site and open http://localhost:8000/ "
        "(mintrender serve docs previews while you write; --offline makes a site that opens "
        "from disk)"
    )
    _, out = run(capsys, "build", "docs", "--offline")
    assert out.splitlines()[-1].startswith("Next: open docs/_site/index.html in a browser")
    _, out = run(capsys, "build", "docs", "--zip")
    assert "--zip makes a site that opens from disk (--offline)" in out
    assert out.splitlines()[-1].startswith("Next: send docs/_site.zip; unzipped, _site/index.html")
    _, out = run(capsys, "build", "docs", "-q")
    assert out == ""


def test_progress_in_a_log_counts_the_pages_of_each_stage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # not a terminal (a CI log): one line per stage, with the number of pages it works on,
    # with and without the build cache, in one process and in workers
    docs = site(tmp_path)
    for extra in (["--no-cache"], ["--cache-dir", str(tmp_path / "cache")], ["--jobs", "2"]):
        _, out = run(capsys, "build", str(docs), "-o", str(tmp_path / "out"), *extra)
        assert "render: 3 pages" in out.splitlines(), out
        assert "write: 3 pages" in out.splitlines(), out


def test_zip_alone_is_offline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = site(tmp_path)
    run(capsys, "build", str(docs), "--zip")
    html = (docs / "_site" / "guides" / "setup" / "index.html").read_text()
    assert 'href="../../index.html"' in html or "../../" in html


def test_an_out_named_zip_makes_the_zip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`-o site.zip` is `-o site --zip`: a zip at site.zip (holding `site/`), not a folder."""
    import zipfile

    docs = site(tmp_path)
    code, _ = run(capsys, "build", str(docs), "-o", str(tmp_path / "site.zip"))
    assert code == 0 and zipfile.is_zipfile(tmp_path / "site.zip")
    names = zipfile.ZipFile(tmp_path / "site.zip").namelist()
    assert "site/index.html" in names and (tmp_path / "site" / "index.html").is_file()


# --- help ----------------------------------------------------------------------------------------


def test_mintrender_alone_prints_the_overview(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys)
    assert code == 0
    assert "quick start:" in out and "build" in out and "serve" in out and "check" in out


@pytest.mark.parametrize("command", ["build", "serve", "dev", "check"])
def test_help_lists_every_option_with_its_default_and_examples(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert "examples:" in out
    assert ("PATH" if command == "check" else "DOCS_DIR") in out and "(default: the" in out
    options = re.findall(r"^  (-[-\w, ]+?)(?:  |$)", out, re.M)
    body = out.split("options:", 1)[1].split("examples:", 1)[0]
    entries = re.split(r"\n  (?=-)", body)
    for entry in entries[1:]:
        if entry.startswith("-h"):
            continue
        assert "default" in entry, (command, entry)
    assert options


# --- mirrors --------------------------------------------------------------------------------------


def test_absolute_base_url_makes_absolute_sitemap_and_canonical(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = site(tmp_path)
    out_dir = tmp_path / "out"
    code, out = run(
        capsys, "build", str(docs), "-o", str(out_dir), "--base-url", "https://ex.com/docs/"
    )
    assert code == 0, out
    sitemap = (out_dir / "sitemap.xml").read_text()
    assert "<loc>https://ex.com/docs/guides/setup/</loc>" in sitemap
    html = (out_dir / "guides" / "setup" / "index.html").read_text()
    assert '<link rel="canonical" href="https://ex.com/docs/guides/setup/"' in html
    assert lines_with(out, "sitemap-origin") == []


def test_path_base_url_takes_its_origin_from_the_canonical_metatag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--base-url /docs/` with docs.json's `seo.metatags.canonical` giving the host: absolute
    sitemap and canonical URLs and the page actions that need the address, as the build
    without a base URL has; the address in docs.json had been ignored (a false warning)."""
    docs = site(tmp_path)
    config = minimal_config(NAV)
    config["seo"] = {"metatags": {"canonical": "https://ex.com"}}
    config["contextual"] = {"options": ["copy", "chatgpt"]}
    (docs / "docs.json").write_text(json.dumps(config))
    out_dir = tmp_path / "out"
    code, out = run(capsys, "build", str(docs), "-o", str(out_dir), "--base-url", "/docs/")
    assert code == 0, out
    assert lines_with(out, "sitemap-origin") == []
    assert "<loc>https://ex.com/docs/guides/setup/</loc>" in (out_dir / "sitemap.xml").read_text()
    html = (out_dir / "guides" / "setup" / "index.html").read_text()
    assert '<link rel="canonical" href="https://ex.com/docs/guides/setup/"' in html
    assert 'href="/docs/guides/setup/"' in html and "ChatGPT" in html


def test_path_base_url_warns_about_the_sitemap_and_writes_server_recipes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    redirects = [
        {"source": "/old", "destination": "/guides/setup"},
        {"source": "/blog/:slug*", "destination": "/guides/:slug*"},
        {"source": "/soon", "destination": "/guides/setup", "permanent": False},
    ]
    docs = site(tmp_path)
    (docs / "docs.json").write_text(json.dumps({**minimal_config(NAV), "redirects": redirects}))
    out_dir = tmp_path / "out"
    code, out = run(capsys, "build", str(docs), "-o", str(out_dir), "--base-url", "/docs/")
    assert code == 0, out
    (warning,) = lines_with(out, "sitemap-origin")
    assert warning.startswith("sitemap.xml: warning: sitemap.xml lists paths")
    assert "--base-url https://your.host/docs/" in warning
    (robots,) = lines_with(out, "robots-root")
    assert "crawlers read only /robots.txt" in robots
    assert "<loc>/docs/guides/setup/</loc>" in (out_dir / "sitemap.xml").read_text()
    netlify = (out_dir / "_redirects").read_text().splitlines()
    assert "/docs/old /docs/guides/setup 308" in netlify
    assert "/docs/blog/* /docs/guides/:splat 308" in netlify
    assert "/docs/soon /docs/guides/setup 307" in netlify  # Mintlify's codes, not 301/302
    assert netlify[-1] == "/docs/* /docs/404.html 404"
    nginx = (out_dir / "nginx.conf").read_text()
    assert "location /docs/ {" in nginx and "error_page 404 /docs/404.html;" in nginx
    assert 'if ($uri ~ "^/docs/old/?$") { return 308 "/docs/guides/setup"; }' in nginx
    assert 'if ($uri ~ "^/docs/soon/?$") { return 307 "/docs/guides/setup"; }' in nginx
    assert '{ return 308 "/docs/guides/$1"; }' in nginx  # the wildcard's capture
    assert "Next: publish" in out


def test_redirect_sources_written_as_urls_or_with_spaces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A full-URL source (legacy mint.json files hold them) is its path, with a warning; a
    space in a path is `%20` in `_redirects`, whose fields are split at white space."""
    redirects = [
        {"source": "https://docs.example.com/api", "destination": "/guides/setup"},
        {"source": "/old/Onboarding your Org", "destination": "/guides/setup"},
    ]
    docs = site(tmp_path)
    (docs / "docs.json").write_text(json.dumps({**minimal_config(NAV), "redirects": redirects}))
    out_dir = tmp_path / "out"
    code, out = run(capsys, "build", str(docs), "-o", str(out_dir))
    assert code == 0, out
    (warning,) = lines_with(out, "redirect-source")
    assert "'https://docs.example.com/api' is a full URL; its path '/api'" in warning
    netlify = (out_dir / "_redirects").read_text().splitlines()
    assert "/api /guides/setup 308" in netlify
    assert "/old/Onboarding%20your%20Org /guides/setup 308" in netlify
    assert (out_dir / "api" / "index.html").is_file()
    assert not list(out_dir.glob("https*"))


def test_authors_redirects_file_wins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = site(tmp_path, {"_redirects": "/a /b 301\n"})
    run(capsys, "build", str(docs), "-o", str(tmp_path / "out"))
    assert (tmp_path / "out" / "_redirects").read_text() == "/a /b 301\n"


def test_an_indented_component_is_reported_at_its_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = "---\ntitle: Home\n---\n\n<Note>\n  <Warnng>x</Warnng>\n</Note>\n"
    docs = site(tmp_path, {"index.mdx": page})
    _, out = run(capsys, "build", str(docs), "-o", str(tmp_path / "out"))
    (line,) = lines_with(out, "unknown-component")
    assert line.startswith("index.mdx:6:3: warning: <Warnng>")


def test_an_unknown_sidebar_icon_is_reported_where_it_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page's frontmatter `icon` drawn in the sidebar is reported at that page's line and
    column, not at docs.json; a group's `icon` at its place in docs.json."""
    files = {"index.mdx": '---\ntitle: Home\nicon: "alien-8bit"\n---\n\nWelcome.\n'}
    docs = write_site(
        tmp_path / "docs",
        {**GOOD_PAGES, **files},
        {
            **minimal_config([]),
            "navigation": {"groups": [{"group": "Start", "icon": "rockt", "pages": NAV}]},
        },
    )
    _, out = run(capsys, "build", str(docs), "-o", str(tmp_path / "out"))
    icons = lines_with(out, "unknown-icon")
    config_text = (docs / "docs.json").read_text(encoding="utf-8")
    at = config_text.index('"rockt"') + 1
    line = config_text.count("\n", 0, at) + 1
    column = at - config_text.rfind("\n", 0, at)
    assert [i.split(": warning")[0] for i in icons] == [
        f"docs.json:{line}:{column}",
        "index.mdx:3:8",
    ]


@pytest.mark.parametrize("reader", ["gone", "closed"])
def test_a_build_whose_output_no_one_reads_still_writes_the_site(
    tmp_path: Path, reader: str
) -> None:
    """`mintrender build … 2>&1 | head -1` ends the reader at once, and a script may start the
    build with its output closed: the build goes on quietly and writes the whole site, with
    the exit code of a build nobody watched (it used to die with a BrokenPipeError before its
    first page, exit 1, or with an internal error when the stream was closed)."""
    docs = site(tmp_path, {"broken.mdx": "---\ntitle: B\n---\n\n[x](/nowhere)\n"})
    out = tmp_path / "out"
    command = [sys.executable, "-m", "mintrender", "build", str(docs), "-o", str(out)]
    if reader == "gone":
        read_end, write_end = os.pipe()
        os.close(read_end)
        try:
            done = subprocess.run(command, stdout=write_end, stderr=write_end, timeout=300)
        finally:
            os.close(write_end)
    else:
        done = subprocess.run(
            command, stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(2), timeout=300
        )
    assert done.returncode == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("index.html")) == [
        "broken/index.html",
        "guides/configuration/index.html",
        "guides/setup/index.html",
        "index.html",
    ]
    strict = subprocess.run(
        [*command, "--strict"],
        stdout=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(2),
        timeout=300,
    )
    assert strict.returncode == 1  # the warning still fails a --strict build


def test_a_broken_link_is_found_where_it_is_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Cosmos' cards in a grid: `docsLink="/sdk/learn"` was reported at the line above, whose
    `"/sdk/learn/start-here"` begins with the same text."""
    from mintrender.render.context import find_text

    files = {
        "snippets/card.jsx": (
            "export const DocCard = ({ docsLink }) => <a href={docsLink}>D</a>\n"
            "export const Grid = ({ children }) => <div>{children}</div>\n"
        ),
        "cards.mdx": (
            "---\ntitle: Cards\n---\nimport { DocCard, Grid } from '/snippets/card.jsx';\n\n"
            '<Grid>\n  <DocCard docsLink="/sdk/learn/start-here" />\n'
            '  <DocCard docsLink="/sdk/learn" />\n</Grid>\n'
        ),
    }
    docs = site(tmp_path, files)
    _, out = run(capsys, "build", str(docs), "-o", str(tmp_path / "out"))
    assert [line.split(": warning")[0] for line in lines_with(out, "broken-link")] == [
        "cards.mdx:7:22",
        "cards.mdx:8:22",
    ]
    assert find_text("a /x/y b", 1, "/x") == (1, 3)  # only ever inside a longer word: there


def test_invalid_frontmatter_block_values_are_read_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """amp-labs' page kept a merge conflict inside `openapi: >-`: besides the YAML error, the
    loose reading took `>-` for the value and warned that no operation matches `>-`. A block
    scalar's indented lines are its value; without any, there is none."""
    conflict = "openapi: >-\n<<<<<<< HEAD\n  read post\n=======\n  post\n>>>>>>> main\n  /x"
    folded = "title: >-\n  Getting\n  started\ndescription: [broken"
    docs = site(
        tmp_path,
        {
            "index.mdx": f"---\n{conflict}\n---\n\nBody.\n",
            "guides/setup.mdx": f"---\n{folded}\n---\n\nSet up.\n",
        },
    )
    _, out = run(capsys, "build", str(docs), "-o", str(tmp_path / "out"))
    assert "openapi-unresolved" not in out and "'>-'" not in out
    assert len(lines_with(out, "frontmatter-yaml")) == 2
    page = (tmp_path / "out" / "guides" / "setup" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="page-title" class="mr-page-title">Getting started</h1>' in page
