"""Test helpers: write a tiny docs folder, build it, read pages back."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from mintrender.build import build
from mintrender.model import BuildOptions, BuildResult

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def write_site(root: Path, files: dict[str, Any], config: dict[str, Any] | None = None) -> Path:
    """Create a docs folder: `files` maps paths to text (dicts are written as JSON)."""
    root.mkdir(parents=True, exist_ok=True)
    if config is not None:
        (root / "docs.json").write_text(json.dumps(config), encoding="utf-8")
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(
                content if isinstance(content, str) else json.dumps(content), encoding="utf-8"
            )
    return root


def build_site(docs: Path, out: Path | None = None, **kw: Any) -> BuildResult:
    out = out or docs.parent / (docs.name + "-out")
    return build(BuildOptions(docs_dir=docs, out_dir=out, **kw))


def minimal_config(pages: list[Any], **extra: Any) -> dict[str, Any]:
    return {
        "name": "Test",
        "theme": "mint",
        "colors": {"primary": "#0D9373"},
        "navigation": {"groups": [{"group": "Docs", "pages": pages}]},
        **extra,
    }


def body(html: str) -> str:
    """The rendered page body (inside the prose container)."""
    m = re.search(
        r'<div class="[^"]*mdx-content[^"]*"[^>]*>(.*?)</div>\s*<!-- /content -->', html, re.S
    )
    if m:
        return m.group(1)
    start = html.find("mdx-content")
    return html[start:] if start >= 0 else html
