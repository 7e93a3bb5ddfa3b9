"""The CLI on the real corpora, as a user runs it: every navigation page built, nothing leaked."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from sitekit import CORPORA, SharedBuild, minimal_config, shared_build, write_site

from mintrender.errors import Diagnostics
from mintrender.load.config import load_config
from mintrender.load.nav import build_navigation, is_operation_ref
from mintrender.load.sources import discover, page_file_for_ref
from mintrender.urls import output_path_for, site_path_for

pytestmark = pytest.mark.corpus
CODE = re.compile(r"<(pre|code|script|style|textarea|template|svg)\b.*?</\1>", re.S | re.I)
LEAK = re.compile(r"(&lt;|<)/?([A-Z][A-Za-z]*(?:\.[A-Z][A-Za-z]*)?)(?=[\s/>&])")


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "renderer", *args], capture_output=True, text=True, timeout=900
    )


def nav_pages(docs: Path) -> set[str]:
    """Output paths of every page the navigation lists."""
    config = load_config(docs, Diagnostics())
    nav = build_navigation(config.navigation, lambda *a: None)
    pages = frozenset(discover(docs).pages)
    out = set()
    for slot in nav.slots():
        if is_operation_ref(slot.ref):
            continue
        rel = page_file_for_ref(slot.ref, pages)
        if rel:
            out.add(output_path_for(site_path_for(rel)))
    return out


def leaked_tags(site: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for page in site.rglob("*.html"):
        text = CODE.sub("", page.read_text(errors="replace"))
        for m in LEAK.finditer(text):
            found.setdefault(m.group(2), str(page.relative_to(site)))
    return found


@pytest.fixture(scope="session")
def modelslab() -> tuple[Path, dict, SharedBuild]:
    """`build corpora/modelslab -o OUT --report FILE`, shared with the other corpus tests."""
    built = shared_build(CORPORA / "modelslab")
    return built.out, built.report, built


def test_modelslab_builds_every_navigation_page(modelslab: tuple) -> None:
    site, report, proc = modelslab
    assert proc.returncode == 0, proc.stderr[-2000:]
    expected = nav_pages(CORPORA / "modelslab")
    assert len(expected) > 370
    missing = sorted(p for p in expected if not (site / p).is_file())
    assert missing == []
    assert (site / "index.html").is_file() and (site / "404.html").is_file()
    assert "Traceback" not in proc.stderr


def test_modelslab_report_and_diagnostics(modelslab: tuple) -> None:
    _, report, proc = modelslab
    assert set(report) >= {
        "pages",
        "diagnostics",
        "components",
        "unknown_components",
        "openapi_operations",
        "timings",
    }
    assert {"path", "source", "output", "title", "kind"} <= set(report["pages"][0])
    errors = [d for d in report["diagnostics"] if d["severity"] == "error"]
    assert errors == [], errors[:5]
    for d in report["diagnostics"]:
        assert d["file"] and d["line"] >= 1, d
    # printed as file:line:col: severity: message [code]
    assert re.search(r"^\S+:\d+:\d+: warning: .+ \[[a-z-]+\]$", proc.stderr, re.M)
    assert report["openapi_operations"] >= 200
    assert sum(1 for p in report["pages"] if p["kind"] == "api") >= 200
    assert report["unknown_components"] == {}


def test_modelslab_no_raw_component_tags(modelslab: tuple) -> None:
    site, _, _ = modelslab
    assert leaked_tags(site) == {}


def test_modelslab_enterprise_page_shows_its_fields(modelslab: tuple) -> None:
    site, _, _ = modelslab
    html = (site / "enterprise-api" / "flux" / "text2img" / "index.html").read_text()
    for name in ("prompt", "negative_prompt", "width", "height"):
        assert f'id="param-{name}"' in html, name
    ops = (site / "enterprise-api" / "flux" / "clear-cache" / "index.html").read_text()
    assert "https://modelslab.com/api/v1/enterprise/flux/clear_cache" in ops


def test_mintlify_docs_languages_and_switcher() -> None:
    """`build corpora/mintlify-docs -o OUT --report FILE`, shared with the other corpus tests."""
    built = shared_build(CORPORA / "mintlify-docs")
    out, report = built.out, built.report
    assert built.returncode == 0, built.stderr[-2000:]
    missing = sorted(p for p in nav_pages(CORPORA / "mintlify-docs") if not (out / p).is_file())
    assert missing == []
    assert len(report["pages"]) > 1000
    page = (out / "quickstart" / "index.html").read_text()
    for lang in ("fr", "es", "zh"):
        assert f'href="/{lang}/' in page, lang
    fr = (out / "fr" / "quickstart" / "index.html").read_text()
    assert 'lang="fr"' in fr or "Français" in fr
    assert leaked_tags(out) == {}


def test_strict_turns_warnings_into_exit_1(tmp_path: Path) -> None:
    docs = write_site(tmp_path / "d", {"a.mdx": "See [x](/nope).\n"}, minimal_config(["a"]))
    assert run_cli("build", str(docs), "-o", str(tmp_path / "o")).returncode == 0
    proc = run_cli("build", str(docs), "-o", str(tmp_path / "o"), "--strict")
    assert proc.returncode == 1
    assert "a.mdx:1:9: warning:" in proc.stderr  # the link's own column


def test_unusable_config_exits_2_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "docs.json").write_text("{nope")
    proc = run_cli("build", str(tmp_path), "-o", str(tmp_path / "o"))
    assert proc.returncode == 2 and "invalid JSON" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_cli("build", str(tmp_path / "missing"))
    assert proc.returncode == 2


def test_broken_pages_do_not_stop_the_build(tmp_path: Path) -> None:
    files = {
        "good.mdx": "Fine.\n",
        "bad.mdx": '---\ntitle: Bad\n---\n\n<Card title="x">\n\nnever closed\n\n<Tabs><Tab>{oops.}</Tab>\n',
        "weird.mdx": "{\n\n<<<>>> </Foo> {/* unclosed\n",
    }
    docs = write_site(tmp_path / "d", files, minimal_config(["good", "bad", "weird"]))
    proc = run_cli("build", str(docs), "-o", str(tmp_path / "o"))
    assert "Traceback" not in proc.stderr
    assert (tmp_path / "o" / "good" / "index.html").is_file()
    assert (tmp_path / "o" / "bad" / "index.html").is_file()
    assert re.search(r"bad\.mdx:5:\d+: error: <Card> is never closed", proc.stderr), proc.stderr
