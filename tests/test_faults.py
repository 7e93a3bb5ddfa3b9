"""Fault isolation: a bug in mintrender on one page costs that page's failed part, nothing else.

An unexpected exception becomes an `internal-error` diagnostic naming the file, the page is
still written with a visible notice, every other page is byte-identical to a normal build, and
the CLI exits with its own code (3) rather than the "docs have errors" code (1).
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from mintrender import cli
from mintrender.components import REGISTRY
from mintrender.errors import EXIT_INTERNAL, INTERNAL_ERROR
from mintrender.workers import can_fork
from tests.sitekit import build_site, minimal_config, write_site

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "basic"


def _boom(*args: Any, **kwargs: Any) -> str:
    raise RuntimeError("injected failure")


def _pages(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.html"))}


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_failing_component_costs_only_its_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    if jobs > 1 and not can_fork():
        pytest.skip("no fork start method on this platform")
    docs = tmp_path / "docs"
    shutil.copytree(EXAMPLE, docs)
    normal = build_site(docs, tmp_path / "normal", jobs=jobs)
    assert normal.fatal is None
    assert not [d for d in normal.diagnostics if d.code == INTERNAL_ERROR]

    spec = REGISTRY["Steps"]  # used once, on quickstart.mdx
    monkeypatch.setitem(REGISTRY, "Steps", dataclasses.replace(spec, render=_boom))
    broken = build_site(docs, tmp_path / "broken", jobs=jobs)

    internal = [d for d in broken.diagnostics if d.code == INTERNAL_ERROR]
    assert len(internal) == 1, internal
    assert internal[0].file == "quickstart.mdx"
    assert internal[0].line > 0
    assert "RuntimeError: injected failure" in internal[0].message
    assert "injected failure" in internal[0].detail  # the traceback
    assert [d for d in broken.diagnostics if d.code != INTERNAL_ERROR] == list(normal.diagnostics)

    before, after = _pages(tmp_path / "normal"), _pages(tmp_path / "broken")
    assert before.keys() == after.keys()
    changed = [path for path in before if before[path] != after[path]]
    assert changed == ["quickstart/index.html"]
    page = after["quickstart/index.html"].decode()
    assert "mr-fault" in page and "&lt;Steps&gt; could not be rendered" in page
    # the rest of the page is there: text before and after the failed component
    normal_page = before["quickstart/index.html"].decode()
    assert "Quickstart" in page and page.count("<h2") == normal_page.count("<h2")


def test_cli_exit_code_traceback_and_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = write_site(
        tmp_path / "docs",
        {"index.mdx": "# Home\n\n<Tip>hello</Tip>\n", "other.mdx": "# Other\n\nText.\n"},
        minimal_config(["index", "other"]),
    )
    monkeypatch.setitem(REGISTRY, "Tip", dataclasses.replace(REGISTRY["Tip"], render=_boom))
    report = tmp_path / "report.json"
    code = cli.main(
        ["build", str(docs), "-o", str(tmp_path / "out"), "--report", str(report), "--verbose"]
    )
    assert code == EXIT_INTERNAL == 3
    err = capsys.readouterr().err
    assert "index.mdx:3:0: error: mintrender failed while rendering <Tip> in this file" in err
    assert "Traceback (most recent call last)" in err and "RuntimeError: injected failure" in err
    data = json.loads(report.read_text())
    found = [d for d in data["diagnostics"] if d["code"] == INTERNAL_ERROR]
    assert [d["file"] for d in found] == ["index.mdx"]
    assert "RuntimeError: injected failure" in found[0]["traceback"]
    assert (tmp_path / "out" / "other" / "index.html").is_file()

    # without --verbose the traceback stays out of the terminal; `check` exits 3 as well
    assert cli.main(["check", str(docs)]) == EXIT_INTERNAL
    out = capsys.readouterr()
    assert "internal-error" in out.out and "Traceback" not in out.out + out.err


def test_docs_errors_exit_1_not_3(tmp_path: Path) -> None:
    docs = write_site(
        tmp_path / "docs", {"index.mdx": "# Home\n\n<Tabs>\n"}, minimal_config(["index"])
    )
    assert cli.main(["build", str(docs), "-o", str(tmp_path / "out"), "-q"]) == 1


def _raise_for_index(monkeypatch: pytest.MonkeyPatch, target: str) -> None:
    """Make `target` raise when it works on index.mdx (its arguments name the file)."""
    owner, _, name = target.rpartition(".")
    module_name, _, class_name = owner.rpartition(".")
    module = __import__(owner if not class_name[:1].isupper() else module_name, fromlist=["x"])
    holder = getattr(module, class_name) if class_name[:1].isupper() else module
    real = getattr(holder, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if "index.mdx" in repr(args) and "other.mdx" not in repr(args):
            raise RuntimeError("injected failure")
        return real(*args, **kwargs)

    monkeypatch.setattr(holder, name, wrapper)
    if class_name == "MdxRenderer":  # the page renderer's rule table holds bound methods
        rules = module._renderer().rules
        monkeypatch.setitem(rules, name, wrapper.__get__(module._renderer()))


@pytest.mark.parametrize(
    ("target", "file", "notice"),
    [
        ("mintrender.parse.mdx._parse_page", "index.mdx", True),
        ("mintrender.render.page._render_page", "index.mdx", True),
        ("mintrender.render.page.MdxRenderer.fence", "index.mdx", True),
        ("mintrender.write.site.render_page_html", "index.mdx", True),
        ("mintrender.write.llms._page_markdown_text", "index.mdx", False),
        ("mintrender.index.sections.build_indexes", "docs.json", False),
        ("mintrender.write.site.write_crawl_files", "docs.json", False),
        ("mintrender.write.site.write_llms", "docs.json", False),
        ("mintrender.render.apipages.ApiStage.attach", "index.mdx", True),
    ],
)
def test_every_stage_is_isolated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, file: str, notice: bool
) -> None:
    docs = write_site(
        tmp_path / "docs",
        {
            "index.mdx": "---\ntitle: Home\n---\n\nSome **text** here.\n\n```py\nx = 1\n```\n",
            "other.mdx": "# Other\n\nOther text.\n",
        },
        minimal_config(["index", "other"]),
    )
    if file == "docs.json":  # site-wide stages: the first call fails
        real = __import__(target.rpartition(".")[0], fromlist=["x"]).__dict__[
            target.rpartition(".")[2]
        ]
        calls: list[int] = []

        def first_fails(*args: Any, **kwargs: Any) -> Any:
            calls.append(1)
            if len(calls) == 1:
                raise RuntimeError("injected failure")
            return real(*args, **kwargs)

        monkeypatch.setattr(target, first_fails)
    else:
        _raise_for_index(monkeypatch, target)
    result = build_site(docs, tmp_path / "out")
    assert result.fatal is None
    internal = [d for d in result.diagnostics if d.code == INTERNAL_ERROR]
    assert [d.file for d in internal] == [file], internal
    home = (tmp_path / "out" / "index.html").read_text()
    other = (tmp_path / "out" / "other" / "index.html").read_text()
    assert "Other text." in other and "mr-fault" not in other
    assert ("mr-fault" in home) is notice
    assert "text" in home  # what could be rendered is there


def test_a_banner_that_fails_to_render_costs_only_the_banner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The banner's Markdown is rendered apart from every page: a failure there is one
    internal error and a plain-text banner, and every page is still written."""
    from mintrender.render.context import RenderContext

    config = minimal_config(["a"], banner={"content": "New **release** <out>"})
    docs = write_site(tmp_path / "d", {"a.mdx": "# A\n\nText.\n"}, config)
    real = RenderContext.markdown

    def fails_on_banner(self: RenderContext, text: str, *args: Any, **kwargs: Any) -> str:
        if text.startswith("New **release**"):
            raise RuntimeError("boom")
        return real(self, text, *args, **kwargs)

    monkeypatch.setattr(RenderContext, "markdown", fails_on_banner)
    result = build_site(docs, tmp_path / "out", cache=False)
    assert result.fatal is None
    assert [d.code for d in result.diagnostics if d.severity == "error"] == [INTERNAL_ERROR]
    page = (tmp_path / "out" / "a" / "index.html").read_text(encoding="utf-8")
    assert "New **release** &lt;out&gt;" in page
