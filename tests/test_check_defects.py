"""`mintrender check` on a copy of ModelsLab with ten injected defects: each is found exactly
once, at the right file and line, in every output format (text, json, github, sarif)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitekit import CORPORA

MODELSLAB = CORPORA / "modelslab"
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not MODELSLAB.is_dir(), reason="ModelsLab corpus not found"),
]

Finding = tuple[str, int, str]
"""(path relative to the folder the check ran in, line, code)."""


def _append(path: Path, text: str) -> int:
    """Append `text` (one line) after a blank line; returns its 1-based line."""
    body = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    line = body.count("\n") + 1
    path.write_text(body + text + "\n", encoding="utf-8")
    return line


def _replace_once(path: Path, old: str, new: str) -> int:
    """Replace the first `old` (no new lines); returns the 1-based line it is on."""
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return text.count("\n", 0, at) + 1


def _inject(docs: Path) -> dict[str, Finding]:
    """Ten defects, each on its own line; returns what `check` should report for each."""
    rel = "docs/"
    found: dict[str, Finding] = {}
    line = _append(docs / "quickstart.mdx", "See [the guide](/no-such-page) first.")
    found["broken link"] = (rel + "quickstart.mdx", line, "broken-link")
    line = _append(docs / "quickstart.mdx", "Read [keys](/authentication#no-such-section).")
    found["missing anchor"] = (rel + "quickstart.mdx", line, "broken-anchor")
    (docs / "snippets").mkdir(exist_ok=True)
    (docs / "snippets" / "defect.mdx").write_text(
        "A diagram:\n\n![diagram](/images/no-such-image.png)\n", encoding="utf-8"
    )
    for page in ("quickstart.mdx", "authentication.mdx"):
        _append(docs / page, 'import Defect from "/snippets/defect.mdx";')
        _append(docs / page, "<Defect />")
    found["missing image in a snippet"] = (rel + "snippets/defect.mdx", 3, "broken-link")
    line = _append(docs / "rate-limits.mdx", "<Sparkles>shiny</Sparkles>")
    found["unknown component"] = (rel + "rate-limits.mdx", line, "unknown-component")
    line = _append(docs / "webhooks.mdx", 'Look: <Icon icon="no-such-icon-xyz" />')
    found["bad icon"] = (rel + "webhooks.mdx", line, "unknown-icon")
    line = _append(docs / "error-codes.mdx", "<Warning>\n\nNever closed.")
    found["unclosed tag"] = (rel + "error-codes.mdx", line, "jsx-unclosed")
    line = _replace_once(
        docs / "docs.json",
        '"name": "ModelsLab",',
        '"name": "ModelsLab", "serach": {"prompt": "x"},',
    )
    found["docs.json typo"] = (rel + "docs.json", line, "config-schema")
    line = _replace_once(
        docs / "3d-api" / "openapi.json",
        '"paths": {',
        '"paths": {"/defect/{job_id}": {"get": {"responses": {"200": {"description": "ok"}}}},',
    )
    found["undeclared path parameter"] = (rel + "3d-api/openapi.json", line, "openapi-parameter")
    line = _replace_once(docs / "docs.json", '"quickstart",', '"quickstart", "quickstart",')
    found["duplicate navigation entry"] = (rel + "docs.json", line, "nav-duplicate")
    (docs / "orphan-defect.mdx").write_text("---\ntitle: Orphan\n---\n\nAlone.\n", "utf-8")
    found["page not in navigation"] = (rel + "orphan-defect.mdx", 1, "nav-orphan")
    return found


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mintrender", "check", "docs", *args],
        cwd=cwd,
        # the runs share a cache of their own: after the injection it must see every change
        env={**os.environ, "XDG_CACHE_HOME": str(cwd / "cache")},
        capture_output=True,
        text=True,
        timeout=600,
    )


_TEXT = re.compile(r"^(\S+?):(\d+):(\d+): (error|warning|info): (.*) \[([a-z-]+)\]$")
_GITHUB = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),title=([^:]+)::")


def _parse(fmt: str, out: str) -> list[Finding]:
    if fmt == "json":
        return [(d["file"], d["line"], d["code"]) for d in json.loads(out)["diagnostics"]]
    if fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        return [
            (
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                r["locations"][0]["physicalLocation"].get("region", {}).get("startLine", 0),
                r["ruleId"],
            )
            for r in results
        ]
    pattern = _TEXT if fmt == "text" else _GITHUB
    found = []
    for line in out.splitlines():
        m = pattern.match(line)
        if m and fmt == "text":
            found.append((m.group(1), int(m.group(2)), m.group(6)))
        elif m:
            found.append((m.group(2), int(m.group(3)), m.group(5)))
    return found


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Finding], set]:
    root = tmp_path_factory.mktemp("defects")
    docs = root / "docs"
    shutil.copytree(MODELSLAB, docs, ignore=shutil.ignore_patterns("node_modules", ".git"))
    for path in docs.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    before = _run(root, "--format", "json")
    assert before.returncode in (0, 1), before.stderr
    baseline = set(_parse("json", before.stdout))
    return root, _inject(docs), baseline


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_each_defect_found_once_at_its_line(
    injected: tuple[Path, dict[str, Finding], set], fmt: str
) -> None:
    root, expected, baseline = injected
    proc = _run(root, "--format", fmt)
    assert proc.returncode == 1, proc.stderr
    found = _parse(fmt, proc.stdout)
    new = [f for f in found if f not in baseline]
    for name, finding in expected.items():
        assert new.count(finding) == 1, f"{name}: expected {finding} once in {sorted(new)}"
    assert sorted(new) == sorted(expected.values()), "findings beyond the ten defects"
    if fmt == "text":
        snippet = next(ln for ln in proc.stdout.splitlines() if "no-such-image" in ln)
        assert "included by authentication.mdx, quickstart.mdx" in snippet
        typo = next(ln for ln in proc.stdout.splitlines() if "serach" in ln)
        assert "did you mean 'search'" in typo
