"""The benchmark helpers: the MDX -> Markdown converter for the peers and the table command."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import yaml

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

PAGE = """---
title: "Steps"
description: Steps in order
icon: rocket
mode: wide
---

import Shared from "/snippets/shared.mdx";
export const meta = {
  a: 1,
};

Intro with <Tooltip tip="a hint">hover text</Tooltip> and `<Code>` kept.

{/* a comment
   over two lines */}

<Steps>
  <Step title="Install the CLI">
    Run this:

    ```bash title="install.sh" {1}
    npm i -g mint
      indented
    ```
  </Step>
  <Step
    title="Preview"
    icon={"eye"}
  >
    Then preview.
  </Step>
</Steps>

<Card title="Next" href="/next" />

<div class="raw">html</div>
"""


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _site(root: Path) -> Path:
    docs = root / "docs"
    (docs / "fr").mkdir(parents=True)
    (docs / "images").mkdir()
    (docs / "images" / "a.png").write_bytes(b"\x89PNG")
    (docs / "index.mdx").write_text(PAGE, encoding="utf-8")
    (docs / "next.mdx").write_text(
        "---\ntitle: Next\n---\n\n## Heading\n\nText.\n", encoding="utf-8"
    )
    (docs / "fr" / "index.mdx").write_text(
        "---\ntitle: Accueil\n---\n\nBonjour.\n", encoding="utf-8"
    )
    nav = {
        "languages": [
            {
                "language": "en",
                "tabs": [
                    {
                        "tab": "Guide",
                        "groups": [
                            {
                                "group": "Start",
                                "pages": ["index", {"group": "More", "pages": ["next"]}],
                            },
                            {"group": "API", "pages": ["GET /users", "missing-page"]},
                        ],
                    }
                ],
            },
            {"$ref": "./fr.json"},
        ]
    }
    (docs / "fr.json").write_text(
        json.dumps({"language": "fr", "groups": [{"group": "Début", "pages": ["fr/index"]}]}),
        encoding="utf-8",
    )
    (docs / "docs.json").write_text(
        json.dumps(
            {"name": "Tiny", "theme": "mint", "colors": {"primary": "#0D9373"}, "navigation": nav}
        ),
        encoding="utf-8",
    )
    return docs


def test_converter_writes_markdown_pages_and_both_configs(tmp_path: Path) -> None:
    convert = _load("mdx_to_markdown")
    docs = _site(tmp_path)
    site = convert.convert_site(docs, tmp_path / "md")
    assert sorted(site.pages) == ["fr/index.md", "index.md", "next.md"]
    assert (tmp_path / "md" / "docs" / "images" / "a.png").read_bytes() == b"\x89PNG"

    config = yaml.safe_load((tmp_path / "md" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["name"] == "material"
    assert config["site_name"] == "Tiny"
    assert config["nav"] == [
        {"en": [{"Guide": [{"Start": ["index.md", {"More": ["next.md"]}]}]}]},
        {"fr": [{"Début": ["fr/index.md"]}]},
    ]
    toml = tomllib.loads((tmp_path / "md" / "zensical.toml").read_text(encoding="utf-8"))
    assert toml["project"]["nav"] == config["nav"]
    assert toml["project"]["docs_dir"] == "docs"

    page = (tmp_path / "md" / "docs" / "index.md").read_text(encoding="utf-8")
    meta, body = convert.split_frontmatter(page)
    assert meta == {"title": "Steps", "description": "Steps in order"}
    assert "import" not in body and "export" not in body and "comment" not in body
    assert "Intro with hover text and `<Code>` kept." in body
    assert "**Install the CLI**" in body and "**Preview**" in body and "**Next**" in body
    # children dedented to the margin, so they stay paragraphs and fences, not indented code
    assert "\nRun this:\n" in body and "\nThen preview.\n" in body
    assert "\n```bash\nnpm i -g mint\n  indented\n```\n" in body
    assert "<Step" not in body and "</Steps>" not in body and "<Card" not in body
    assert '<div class="raw">html</div>' in body


def test_measure_reports_a_failing_command_in_one_line() -> None:
    bench = _load("bench_peers")
    run = bench.measure([sys.executable, "-c", "import sys; print('x'); sys.exit('boom here')"])
    assert run.error == "exit 1: boom here"
    ok = bench.measure([sys.executable, "-c", "b = bytearray(60 * 1024 * 1024)"])
    assert not ok.error and ok.peak_mb >= 60


def test_table_command_prints_its_rows_quickly(tmp_path: Path) -> None:
    docs = _site(tmp_path)
    proc = subprocess.run(
        [sys.executable, str(BENCHMARKS / "bench_peers.py"), "--repeat", "1", str(docs)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("load average at start: ")
    assert "load average at end: " in out
    assert "docs: 3 page files" in out
    for label in (
        "mintrender cold build (--jobs 2",
        "render floor (markdown-it-py + Pygments)",
        "index floor (lunr.py over the page texts)",
        "cold build / (render floor + index floor): ",
    ):
        line = next((ln for ln in out.splitlines() if label in ln), "")
        assert line and "error" not in line, out
    assert "n/a (no build cache" in out or "second build, unchanged site" in out
