"""Mermaid fences drawn at build time as inline SVG (the `diagrams` extra), cached by source."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from sitekit import body, build_site, minimal_config, write_site

from mintrender.render import diagrams

FLOW = "flowchart LR\n  A[Start] --> B[Done]\n"
PAGE = f"""---
title: Diagrams
---

```mermaid placement="top-left" actions={{true}}
{FLOW}```

```mermaid
flowchart LR
  A --> B oops (((
```

```mermaid
%%{{init: {{'flowchart': {{'defaultRenderer': 'elk'}}}}}}%%
{FLOW}```
"""


def _site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "d", {"index.mdx": PAGE}, minimal_config(["index"]))


def test_drawn_in_light_and_dark_with_scoped_ids(tmp_path: Path) -> None:
    pytest.importorskip("mermaidx", reason="the `diagrams` extra (mermaidx) is not installed")
    docs = _site(tmp_path)
    result = build_site(docs)
    page = body((docs.parent / "d-out" / "index.html").read_text())
    figures = re.findall(r"<figure class=\"mr-mermaid mr-mermaid--drawn\"[^>]*>", page)
    assert len(figures) == 2
    assert 'data-placement="top-left"' in figures[0] and 'data-actions="true"' in figures[0]
    assert page.count("mr-mermaid__svg--light") == 2 and page.count("mr-mermaid__svg--dark") == 2
    # Mermaid names every drawing `my-svg`: each copy's ids get a prefix of their own
    svg_ids = re.findall(r'\bid="([^"]+)"', page[page.find("<figure") : page.rfind("</figure>")])
    assert {i.split("-", 1)[0] for i in svg_ids} == {"mmd1l", "mmd1d", "mmd3l", "mmd3d"}
    assert 'id="mmd1l-my-svg"' in page and "url(#mmd1d-my-svg_" in page
    assert ">Start<" in page or "Start</" in page
    # the broken diagram keeps its source, with an info diagnostic at its fence
    assert '<pre class="mermaid mr-mermaid">flowchart LR\n  A --&gt; B oops (((' in page
    notes = [(d.severity, d.line, d.code) for d in result.diagnostics if "mermaid" in d.code]
    assert notes == [("info", 10, "mermaid-not-drawn"), ("info", 15, "mermaid-layout")]
    assert not [d for d in result.diagnostics if d.severity != "info"]


def test_second_build_draws_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mx = pytest.importorskip("mermaidx", reason="the `diagrams` extra (mermaidx) is not installed")
    docs = _site(tmp_path)
    build_site(docs, tmp_path / "one")
    first = (tmp_path / "one" / "index.html").read_text()
    assert sorted(p.suffix for p in diagrams.cache_dir().iterdir())

    def no_engine(*args: object, **kw: object) -> None:
        raise AssertionError("drawn again although cached")

    monkeypatch.setattr(mx, "render", no_engine)
    build_site(docs, tmp_path / "two")
    assert (tmp_path / "two" / "index.html").read_text() == first


def test_without_the_extra_the_source_is_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(diagrams, "_mermaidx", lambda: None)
    docs = _site(tmp_path)
    result = build_site(docs)
    page = body((docs.parent / "d-out" / "index.html").read_text())
    assert page.count('<pre class="mermaid mr-mermaid"') == 3 and "mr-mermaid--drawn" not in page
    assert 'data-placement="top-left"' in page
    notes = [d for d in result.diagnostics if d.code == "mermaid-not-drawn"]
    assert len(notes) == 1 and notes[0].severity == "info" and notes[0].line == 5
    assert "mintrender[diagrams]" in notes[0].message


@pytest.mark.browser
def test_browser_shows_the_variant_of_the_mode_and_zooms(browser: Any, tmp_path: Path) -> None:
    pytest.importorskip("mermaidx", reason="the `diagrams` extra (mermaidx) is not installed")
    docs = _site(tmp_path)
    build_site(docs, tmp_path / "out", mode="offline")
    ctx = browser.new_context(viewport={"width": 1440, "height": 900}, color_scheme="light")
    page = ctx.new_page()
    page.goto((tmp_path / "out" / "index.html").as_uri())
    figure = page.locator("figure.mr-mermaid--drawn").first
    light, dark = (
        figure.locator(".mr-mermaid__svg--light"),
        figure.locator(".mr-mermaid__svg--dark"),
    )
    assert light.is_visible() and not dark.is_visible()
    box = light.locator("svg").bounding_box()
    assert box is not None and box["width"] > 100 and box["height"] > 20  # drawn, not empty
    page.evaluate("document.documentElement.classList.add('dark')")
    assert dark.is_visible() and not light.is_visible()
    controls = figure.locator(".mr-mermaid__controls")
    assert controls.get_attribute("data-placement") == "top-left"  # actions={true} forces them
    controls.locator("button[aria-label='Zoom in']").click()
    style = figure.locator(".mr-mermaid__canvas").get_attribute("style") or ""
    assert "scale(1.25)" in style
    ctx.close()
