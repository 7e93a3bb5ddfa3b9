"""`mintrender check`: the CI contract (rules, severities, formats, settings, paths)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from sitekit import minimal_config, write_site

from mintrender.check.report import github_line, use_colour
from mintrender.check.rules import RULES
from mintrender.errors import Diagnostic

CACHE = tempfile.mkdtemp(prefix="mintrender-check-cache-")
"""The tests' own cache folder (never the user's)."""


def _check(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None):
    return subprocess.run(
        [sys.executable, "-m", "mintrender", "check", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env={**os.environ, "XDG_CACHE_HOME": CACHE, **(env or {})},
    )


def _site(tmp_path: Path, files: dict[str, str], pages: list[str], **extra: object) -> Path:
    return write_site(tmp_path / "site" / "docs", files, minimal_config(pages, **extra))


def test_check_reports_filters_and_writes_nothing(tmp_path: Path) -> None:
    files = {"a.mdx": "See [x](/nope).\n\n<Card>never closed\n", "b.mdx": "Fine.\n"}
    docs = _site(tmp_path, files, ["a", "b", "gone"])
    proc = _check("docs", cwd=docs.parent)
    assert proc.returncode == 1
    lines = proc.stdout.strip().splitlines()
    # the link's own column, the path relative to where the check ran
    assert any(ln.startswith("docs/a.mdx:1:9: warning:") and "[broken-link]" in ln for ln in lines)
    assert any("[nav-missing-page]" in ln for ln in lines)
    assert not (docs / "_site").exists()
    only = _check(str(docs), "--rules", "nav-*", "--format", "json")
    report = json.loads(only.stdout)
    assert {d["code"] for d in report["diagnostics"]} == {"nav-missing-page"}
    assert report["totals"]["by_code"] == {"nav-missing-page": 1}
    assert report["totals"]["by_severity"] == {"error": 0, "warning": 1, "info": 0}
    clean = write_site(tmp_path / "c", {"a.mdx": "Fine.\n"}, minimal_config(["a"]))
    assert _check(str(clean)).returncode == 0


def test_unknown_rule_is_an_error_listing_valid_codes(tmp_path: Path) -> None:
    docs = _site(tmp_path, {"a.mdx": "See [x](/nope).\n"}, ["a"])
    proc = _check(str(docs), "--rules", "brokenlink")
    assert proc.returncode == 2
    assert "'brokenlink'" in proc.stderr and "did you mean 'broken-link'" in proc.stderr
    listed = {ln.strip() for ln in proc.stderr.splitlines()[1:]}
    assert set(RULES) <= listed
    assert proc.stdout == ""


def test_list_rules_prints_every_code_with_severity() -> None:
    proc = _check("--list-rules")
    assert proc.returncode == 0
    rows = {ln.split()[0]: ln.split()[1] for ln in proc.stdout.splitlines()}
    assert rows == {code: rule.severity for code, rule in RULES.items()}


def test_severity_limits_what_fails(tmp_path: Path) -> None:
    docs = _site(tmp_path, {"a.mdx": "See [x](/nope).\n"}, ["a"])
    assert _check(str(docs)).returncode == 1
    assert _check(str(docs), "--severity", "error").returncode == 0
    orphan = _site(tmp_path / "o", {"a.mdx": "A.\n", "b.mdx": "B.\n"}, ["a"])
    assert _check(str(orphan)).returncode == 0  # an info never fails by default
    assert _check(str(orphan), "--severity", "info").returncode == 1


def test_config_error_appears_in_every_format(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "docs.json").write_text('{\n  "name": "x",\n  oops\n}\n', encoding="utf-8")
    for fmt, needle in (
        ("text", "docs/docs.json:3:3: error: invalid JSON"),
        ("json", '"code": "config-json"'),
        ("github", "::error file=docs/docs.json,line=3,col=3,title=config-json::"),
        ("sarif", '"ruleId": "config-json"'),
    ):
        proc = _check("docs", "--format", fmt, cwd=tmp_path)
        assert proc.returncode == 2, fmt
        assert needle in proc.stdout, (fmt, proc.stdout)


def test_rules_off_per_site_and_per_page(tmp_path: Path) -> None:
    files = {
        "a.mdx": "See [x](/nope).\n",
        "b.mdx": "---\nmintrender-disable: broken-link\n---\n\nSee [y](/nope).\n",
    }
    docs = _site(tmp_path, files, ["a", "b"])
    proc = _check(str(docs), "--format", "json")
    assert [d["file"] for d in json.loads(proc.stdout)["diagnostics"]] == [
        os.path.relpath(docs / "a.mdx")
    ]
    (docs / ".mintrender.toml").write_text('[check]\ndisable = ["broken-*"]\n', encoding="utf-8")
    assert _check(str(docs)).returncode == 0
    (docs / ".mintrender.toml").unlink()
    (docs.parent / "pyproject.toml").write_text(
        '[tool.mintrender.check]\ndisable = ["broken-link"]\n', encoding="utf-8"
    )
    assert _check(str(docs)).returncode == 0
    (docs.parent / "pyproject.toml").write_text(
        '[tool.mintrender.check]\ndisable = ["brokenlink"]\n', encoding="utf-8"
    )
    typo = _check(str(docs))
    assert typo.returncode == 2 and "brokenlink" in typo.stderr


def test_paths_check_given_pages_and_snippets(tmp_path: Path) -> None:
    files = {
        "a.mdx": 'import S from "/snippets/s.mdx";\n\nSee [x](/nope).\n\n<S />\n',
        "b.mdx": "See [y](/gone).\n",
        "snippets/s.mdx": "![pic](/missing.png)\n",
    }
    docs = _site(tmp_path, files, ["a", "b"])
    root = docs.parent
    proc = _check("docs/b.mdx", "--format", "json", cwd=root)
    assert {(d["file"], d["code"]) for d in json.loads(proc.stdout)["diagnostics"]} == {
        ("docs/b.mdx", "broken-link")
    }
    proc = _check("docs/snippets/s.mdx", "--format", "json", cwd=root)
    found = json.loads(proc.stdout)["diagnostics"]
    assert [(d["file"], d["line"]) for d in found] == [("docs/snippets/s.mdx", 1)]
    assert "included by a.mdx" in found[0]["message"]
    # files outside any docs folder (a pre-commit run over a whole repository) are skipped
    (root / "notes.md").write_text("[x](/nope)\n", encoding="utf-8")
    assert _check("notes.md", cwd=root).returncode == 0


def test_snippet_finding_once_naming_including_pages(tmp_path: Path) -> None:
    snippet = "Intro\n\n![pic](/missing.png) and [bad](/nowhere)\n"
    page = 'import S from "/snippets/s.mdx";\n\n<S />\n'
    files = {"a.mdx": page, "b.mdx": page, "snippets/s.mdx": snippet}
    docs = _site(tmp_path, files, ["a", "b"])
    proc = _check("docs", "--format", "json", cwd=docs.parent)
    found = [(d["file"], d["line"], d["column"]) for d in json.loads(proc.stdout)["diagnostics"]]
    assert found == [("docs/snippets/s.mdx", 3, 8), ("docs/snippets/s.mdx", 3, 32)]
    assert "(included by a.mdx, b.mdx)" in proc.stdout


def test_a_snippets_broken_anchor_names_the_pages_that_lack_it(tmp_path: Path) -> None:
    """`[Jump](#alpha)` in a snippet two pages include, one of which has `## Alpha`: the
    finding names the page whose "this page" lacks it (it named no page at all)."""
    snippet = "[Jump](#alpha)\n"
    page = 'import S from "/snippets/s.mdx";\n\n<S />\n\n## {}\n'
    files = {"a.mdx": page.format("Alpha"), "b.mdx": page.format("Beta")}
    files["c.mdx"] = page.format("Gamma")
    docs = _site(tmp_path, {**files, "snippets/s.mdx": snippet}, ["a", "b", "c"])
    proc = _check("docs", "--format", "json", cwd=docs.parent)
    found = json.loads(proc.stdout)["diagnostics"]
    assert [(d["file"], d["line"], d["code"]) for d in found] == [
        ("docs/snippets/s.mdx", 1, "broken-anchor")
    ]
    assert found[0]["message"].endswith("'alpha' (included by b.mdx, c.mdx)")


def test_anchor_and_docs_json_findings(tmp_path: Path) -> None:
    files = {"a.mdx": "## Real heading\n\n[ok](#real-heading) [bad](/b#nope) [b](/b#there)\n"}
    files["b.mdx"] = "## There\n\n## Fees & billing\n\n[fees](#fees-&-billing)\n"  # qualitymd
    docs = _site(tmp_path, files, ["a", "b"], theme="mintt", colour="red")
    proc = _check("docs", "--format", "json", cwd=docs.parent)
    found = json.loads(proc.stdout)["diagnostics"]
    anchors = [d for d in found if d["code"] == "broken-anchor"]
    assert [(d["line"], d["column"]) for d in anchors] == [(3, 29)]
    schema = {f"{d['message']}; {d['hint']}" for d in found if d["code"] == "config-schema"}
    assert "theme: 'mintt' is not one of" in " ".join(schema)
    assert any("did you mean 'mint'" in m for m in schema)
    assert any("unknown key 'colour'; did you mean 'colors'" in m for m in schema)


def test_colour_on_terminals_only_and_no_color() -> None:
    assert use_colour("auto", True)
    assert not use_colour("auto", False)
    os.environ["NO_COLOR"] = "1"
    try:
        assert not use_colour("auto", True)
        assert use_colour("always", False)
    finally:
        del os.environ["NO_COLOR"]


def test_github_annotation_escapes() -> None:
    d = Diagnostic("info", "docs/a,b.mdx", 3, 4, "nav-orphan", "50% done\nnext")
    assert github_line(d) == (
        "::notice file=docs/a%2Cb.mdx,line=3,col=4,title=nav-orphan::50%25 done%0Anext"
    )


def test_every_reported_code_is_a_listed_rule() -> None:
    """A code some stage reports but `--list-rules` omits could not be selected or turned off."""
    import ast
    import re

    reporters = {"warning", "error", "info", "add", "report", "warn", "warn_once", "inline_report"}
    reporters |= {"reporter", "_sink_add", "warn_at_text", "Diagnostic"}
    root = Path(__file__).resolve().parents[1]
    seen: set[str] = set()
    for folder in ("renderer", "components"):
        for path in (root / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name not in reporters:
                    continue
                for arg in node.args:
                    value = arg.value if isinstance(arg, ast.Constant) else None
                    if isinstance(value, str) and re.fullmatch(r"[a-z]+(-[a-z]+)+", value):
                        seen.add(value)
    assert seen, "the scan found no reported code"
    assert sorted(seen - set(RULES)) == []


def test_cache_reuses_pages_until_what_they_read_changes(tmp_path: Path) -> None:
    files = {
        "a.mdx": 'import S from "/snippets/s.mdx";\n\n<S />\n',
        "b.mdx": "See [b](/b).\n",
        "snippets/s.mdx": "[x](/nope)\n",
    }
    docs = _site(tmp_path, files, ["a", "b"])
    cache = tmp_path / "cache"

    def codes() -> list[tuple[str, str]]:
        proc = _check(str(docs), "--format", "json", "--cache-dir", str(cache))
        return [(d["file"], d["code"]) for d in json.loads(proc.stdout)["diagnostics"]]

    snippet = os.path.relpath(docs / "snippets" / "s.mdx")
    assert codes() == [(snippet, "broken-link")]
    assert list(cache.iterdir()), "the cache was not written"
    assert codes() == [(snippet, "broken-link")]  # from the cache
    (docs / "snippets" / "s.mdx").write_text("[x](/b)\n", encoding="utf-8")
    assert codes() == []  # the snippet changed: its page is checked again
    (docs / "b.mdx").unlink()  # a link target disappears: every page is checked again
    assert (snippet, "broken-link") in codes()


def test_container_serves_on_every_interface_as_a_non_root_user() -> None:
    """The Dockerfile's contract (the image is not built here: no container daemon in tests)."""
    from mintrender.cli import make_parser

    os.environ["MINTRENDER_HOST"] = "0.0.0.0"
    try:
        assert make_parser().parse_args(["serve"]).host == "0.0.0.0"
    finally:
        del os.environ["MINTRENDER_HOST"]
    assert make_parser().parse_args(["serve"]).host == "127.0.0.1"
    dockerfile = (Path(__file__).resolve().parents[1] / "Dockerfile").read_text(encoding="utf-8")
    assert 'ENTRYPOINT ["mintrender"]' in dockerfile
    assert "MINTRENDER_HOST=0.0.0.0" in dockerfile
    users = [ln.split()[1] for ln in dockerfile.splitlines() if ln.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")


def test_redirect_problems_as_the_build_reports_them(tmp_path: Path) -> None:
    redirects = [
        {"source": "/old", "destination": "/gone"},
        {"source": "/a", "destination": "/b"},
        {"source": "/loop1", "destination": "/loop2"},
        {"source": "/loop2", "destination": "/loop1"},
    ]
    docs = _site(tmp_path, {"a.mdx": "A.\n"}, ["a"], redirects=redirects)
    proc = _check(str(docs), "--format", "json", "--rules", "redirect-*")
    codes = sorted(d["code"] for d in json.loads(proc.stdout)["diagnostics"])
    assert codes == ["redirect-loop", "redirect-loop", "redirect-shadowed", "redirect-target"]


def test_a_failure_of_ours_on_one_page_is_a_finding(tmp_path: Path, monkeypatch) -> None:
    import mintrender.check.pages as pages
    from mintrender.check.run import CheckOptions, check_site

    docs = _site(tmp_path, {"a.mdx": "A [x](/nope).\n", "b.mdx": "B.\n"}, ["a", "b"])
    real = pages.render_page

    def flaky(parsed, ctx, **kwargs):  # type: ignore[no-untyped-def]
        if parsed.rel_path == "b.mdx":
            raise RuntimeError("boom")
        return real(parsed, ctx, **kwargs)

    monkeypatch.setattr(pages, "render_page", flaky)
    result = check_site(CheckOptions(docs, jobs=1))
    found = {(d.file, d.code) for d in result.diagnostics}
    assert ("b.mdx", "internal-error") in found
    assert ("a.mdx", "broken-link") in found  # the rest of the site is still checked


def test_unchanged_folder_is_answered_from_the_memo(tmp_path: Path, monkeypatch) -> None:
    """A second run on an unchanged folder reuses the whole result; any change that could
    alter a finding (a page's text, an image appearing, the options) checks again."""
    from mintrender.check import command, run
    from mintrender.check.options import CheckOptions

    docs = _site(tmp_path, {"a.mdx": "![i](/img/x.png)\n"}, ["a"]).resolve()
    runs: list[CheckOptions] = []
    real = run.check_site
    monkeypatch.setattr(run, "check_site", lambda o: runs.append(o) or real(o))
    options = CheckOptions(docs, jobs=1, cache_dir=tmp_path / "cache")

    def codes(opts: CheckOptions = options) -> list[str]:
        return [d.code for d in command.check_folder(opts).diagnostics]

    assert codes() == ["broken-link"] and len(runs) == 1  # the image is missing
    assert codes() == ["broken-link"] and len(runs) == 1  # nothing changed: the memo answers
    (docs / "img").mkdir()
    (docs / "img" / "x.png").write_bytes(b"\x89PNG")
    assert codes() == [] and len(runs) == 2  # a new image file
    assert codes() == [] and len(runs) == 2
    (docs / "a.mdx").write_text("<Card>never closed\n", encoding="utf-8")
    assert "jsx-unclosed" in codes() and len(runs) == 3  # a page's text
    codes(CheckOptions(docs, ("a.mdx",), jobs=1, cache_dir=tmp_path / "cache"))
    assert len(runs) == 4  # other options: another result


def test_each_missing_required_key_is_reported_once() -> None:
    """jsonschema raises one `required` error per missing key, each naming the whole list."""
    from mintrender.check.config import schema_problems

    problems = list(schema_problems({"name": "T", "navigation": {"pages": ["index"]}}))
    assert [m for _, m, _ in problems] == [
        "required key 'theme' is missing",
        "required key 'colors' is missing",
    ]
    nested = list(schema_problems({"name": "T", "theme": "mint", "colors": {}, "navigation": {}}))
    assert [(p, m) for p, m, _ in nested if "required" in m] == [
        (("colors",), "required key 'primary' is missing")
    ]


def test_two_files_making_one_page_as_the_build_reports_them(tmp_path: Path) -> None:
    """`a.md` beside `a.mdx`: the file left out is a `page-shadowed` warning at its line 1, as
    in builds, and not a page missing from the navigation."""
    files = {"a.mdx": "The page.\n", "a.md": "A twin.\n", "b.mdx": "B.\n", "b/index.md": "B2.\n"}
    docs = _site(tmp_path, files, ["a", "b/index"])
    proc = _check("docs", "--format", "json", cwd=docs.parent)
    found = [(d["file"], d["line"], d["code"]) for d in json.loads(proc.stdout)["diagnostics"]]
    assert sorted(found) == [("docs/a.md", 1, "page-shadowed"), ("docs/b.mdx", 1, "page-shadowed")]


def test_every_built_in_contextual_option_is_known(tmp_path: Path) -> None:
    """navigation.md's built-in page actions, `devin-mcp` included (Netris lists it): none is a
    schema finding; a name Mintlify does not have still is."""
    built_in = [
        *("add-mcp", "aistudio", "assistant", "copy", "chatgpt", "claude", "cursor", "devin"),
        *("devin-mcp", "devin-desktop", "download-pdf", "download-spec", "grok", "mcp"),
        *("perplexity", "view", "vscode"),
    ]
    docs = _site(tmp_path, {"index.mdx": "Hi.\n"}, ["index"], contextual={"options": built_in})
    run = _check(str(docs), "--format", "json")
    assert [d["code"] for d in json.loads(run.stdout)["diagnostics"]] == []
    (docs / "docs.json").write_text(
        json.dumps(minimal_config(["index"], contextual={"options": ["copy", "windsurf"]}))
    )
    run = _check(str(docs), "--format", "json")
    assert [d["code"] for d in json.loads(run.stdout)["diagnostics"]] == ["config-schema"]


def test_check_reports_the_icons_a_build_draws_in_the_sidebar(tmp_path: Path) -> None:
    """A build reports an unknown navigation or frontmatter icon when it draws the sidebar,
    which `check` never draws: it said "0 problems" where the build gave three (handotdev)."""
    files = {"a.mdx": "---\ntitle: A\nicon: no-such-page-icon\n---\n\nText.\n"}
    groups = [{"group": "G", "icon": "no-such-group-icon", "pages": ["a"]}]
    docs = write_site(
        tmp_path / "site" / "docs", files, {"name": "T", "navigation": {"groups": groups}}
    )
    proc = _check("docs", "--format", "json", cwd=docs.parent)
    found = json.loads(proc.stdout)["diagnostics"]
    icons = sorted((d["file"], d["line"] > 0) for d in found if d["code"] == "unknown-icon")
    assert icons == [("docs/a.mdx", True), ("docs/docs.json", True)]


def test_required_in_an_all_of_branch_may_name_another_branchs_property(tmp_path: Path) -> None:
    """`allOf: [NewRepo, {properties: {repo_id}, required: [repo_name, repo_id]}]` (Diversion's
    `Repo`) is valid: the branches merge, so `required` applies to the merged properties. It
    was an `openapi-schema` warning; `required` naming no property anywhere still is."""
    new_repo = {"type": "object", "properties": {"repo_name": {"type": "string"}}}
    branch = {"type": "object", "properties": {"repo_id": {"type": "string"}}}
    branch["required"] = ["repo_name", "repo_id"]
    lone = {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["b"]}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "R", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "NewRepo": new_repo,
                "Repo": {"allOf": [{"$ref": "#/components/schemas/NewRepo"}, branch]},
                "Lone": lone,
            }
        },
    }
    docs = _site(tmp_path, {"a.mdx": "Fine.\n", "openapi.json": json.dumps(spec)}, ["a"])
    proc = _check(str(docs), "--rules", "openapi-schema", "--format", "json")
    found = [d["message"] for d in json.loads(proc.stdout)["diagnostics"]]
    assert found == ["required property 'b' is not in `properties` (a)"], found


def test_a_setting_turned_off_is_not_reported_as_unhonoured(tmp_path: Path) -> None:
    """Exa's `api.playground.proxy: false` got "a Mintlify setting mintrender does not honour
    yet: the playground calls the API directly", which is what `false` asks for. A setting
    turned off is not reported; turned on, it is."""
    from mintrender.build import build
    from mintrender.model import BuildOptions

    found = {}
    for value in (False, True):
        extra = {"api": {"playground": {"proxy": value}}, "metadata": {"timestamp": value}}
        docs = _site(tmp_path / str(value), {"a.mdx": "Fine.\n"}, ["a"], **extra)
        result = build(BuildOptions(docs_dir=docs, out_dir=tmp_path / f"out-{value}"))
        found[value] = [d.message for d in result.diagnostics if d.code == "unsupported-setting"]
    assert found[False] == []
    assert len(found[True]) == 2 and any("api.playground.proxy" in m for m in found[True])


def test_check_fetches_a_spec_given_as_a_url_as_a_build_does(tmp_path: Path) -> None:
    """`mintrender check` on a page whose spec is a URL said "--safe builds fetch nothing"
    without `--safe`: it asks the download cache, as `build` does, and says why it has none;
    with `--safe` the old words are right."""
    page = "---\nopenapi: http://127.0.0.1:9/spec.json GET /x\n---\n\nHi.\n"
    docs = _site(tmp_path, {"a.mdx": page}, ["a"])
    plain = _check(str(docs), "--cache-dir", str(tmp_path / "cache"))
    (line,) = [ln for ln in plain.stdout.splitlines() if "[openapi-remote]" in ln]
    assert "could not be fetched" in line and "--safe" not in line
    safe = _check(str(docs), "--safe", "--cache-dir", str(tmp_path / "cache"))
    (line,) = [ln for ln in safe.stdout.splitlines() if "[openapi-remote]" in ln]
    assert "--safe builds fetch nothing" in line
