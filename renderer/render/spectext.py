"""Descriptions written in API specs: Markdown with HTML (not MDX), reported against the spec.

    description: "Block ids look like p<page>.b<index>"  ->  text, not an unclosed <page> tag

What goes wrong while one is rendered (a broken link, a bad component) names the spec file and
the line where the description is written, not the page that shows it.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

from mintrender.render.context import RenderContext


def text_line(spec_text: str, value: str, line: int = 1) -> int | None:
    """1-based line of the spec where 1-based `line` of the string `value` is written (JSON
    escaped, or YAML over several lines); None when `value` cannot be found as written."""
    rows = value.split("\n")
    first = rows[0].strip()[:60]
    if not first:
        return None
    for needle in (first, json.dumps(first)[1:-1], json.dumps(first, ensure_ascii=False)[1:-1]):
        at = spec_text.find(needle)
        if at >= 0:
            start = spec_text.count("\n", 0, at) + 1
            spec_rows = spec_text.split("\n")
            row = rows[line - 1].strip() if 0 < line <= len(rows) else ""
            below = start + line - 1
            if row and below <= len(spec_rows) and row in spec_rows[below - 1]:
                return below  # a value written over several lines (YAML block scalar)
            return start
    return None


class SpecTexts:
    """Renders spec descriptions for a page; reads a spec's text again only when one of its
    descriptions has a problem to place."""

    def __init__(self, docs_dir: Path) -> None:
        self.docs_dir = docs_dir
        self.texts: dict[str, str] = {}

    def markdown(self, ctx: RenderContext, spec_file: str, line: int) -> Callable[[str], str]:
        """A `markdown(text) -> html` for descriptions of `spec_file` (`line`: where to report
        when a description cannot be found in the file, e.g. the operation's line)."""

        def render(text: str) -> str:
            mark = len(ctx.diagnostics)
            out = ctx.markdown(text, spec=True)
            if len(ctx.diagnostics) > mark:
                source = self.text(spec_file)
                ctx.diagnostics[mark:] = [
                    dataclasses.replace(
                        d, file=spec_file, line=text_line(source, text, d.line) or line, column=1
                    )
                    for d in ctx.diagnostics[mark:]
                ]
            return out

        return render

    def text(self, spec_file: str) -> str:
        if spec_file not in self.texts:
            try:
                path = self.docs_dir / spec_file
                self.texts[spec_file] = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                self.texts[spec_file] = ""
        return self.texts[spec_file]
