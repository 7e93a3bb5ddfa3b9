"""`x-mint` on an OpenAPI operation (openapi.md §7) for the page the navigation generates:
`metadata` is that page's frontmatter (any key but `openapi`: title, sidebarTitle, description,
noindex, canonical, robots…), and `content` MDX shown before the generated reference, as a
page's own MDX body is on an `openapi:` page.

```yaml
x-mint:
  metadata: {title: Health status, noindex: true}
  content: "<Note>Only for admins.</Note>"
```
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mintrender.errors import Diagnostics
from mintrender.load.sources import Reader
from mintrender.model import PageRecord
from mintrender.parse.mdx import ParsedPage, parse_page


def page_frontmatter(title: str, openapi: str, x_mint: Mapping[str, Any]) -> dict[str, Any]:
    """A generated page's frontmatter: its title and operation, then `x-mint.metadata`."""
    frontmatter: dict[str, Any] = {"title": title, "openapi": openapi}
    metadata = x_mint.get("metadata")
    if isinstance(metadata, Mapping):
        frontmatter.update(
            (key, value)
            for key, value in metadata.items()
            if isinstance(key, str) and key != "openapi"
        )
    return frontmatter


def content_of(x_mint: Mapping[str, Any]) -> str | None:
    """`x-mint.content` when it holds any text."""
    content = x_mint.get("content")
    return content if isinstance(content, str) and content.strip() else None


Contents = dict[str, tuple[str, str, str]]
"""Generated page -> its `x-mint.content`: (the MDX, the spec file, the operation)."""


def parsed_page(
    record: PageRecord, contents: Contents, docs_dir: Path, diagnostics: Diagnostics
) -> ParsedPage:
    """The generated page parsed: no body, or its `x-mint.content` (what parsing and
    rendering that finds is moved to the spec by `relocate`)."""
    content = contents.get(record.rel_path)
    if content is None:
        return ParsedPage(record.rel_path, record.frontmatter, [], {}, frozenset(), 0)
    parsed = parse_page(
        record.rel_path,
        content[0],
        docs_dir=docs_dir,
        diagnostics=diagnostics,
        read=Reader(docs_dir),
    )
    return dataclasses.replace(parsed, frontmatter=record.frontmatter)


def relocate(diagnostics: Diagnostics, page: str, contents: Contents) -> None:
    """The findings at generated page `page` (which has no file: they come from its
    `x-mint.content`) told at the spec file, naming the operation and the content's line."""
    if page not in contents:
        return
    _, spec_file, operation = contents[page]
    for i, d in enumerate(diagnostics):
        if d.file == page:
            where = f"{operation}, line {d.line} of its x-mint.content: " if d.line else ""
            diagnostics[i] = dataclasses.replace(
                d, file=spec_file, line=0, column=0, message=where + d.message
            )
