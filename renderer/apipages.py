"""API stage glue: bind pages with `openapi`/`api` frontmatter to operations and render their view."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from renderer.config import SiteConfig
from renderer.errors import Diagnostics
from renderer.sources import SourceFiles

if TYPE_CHECKING:
    from renderer.build import PageRecord
    from renderer.context import RenderContext


class ApiStage:
    """Loads every spec once; `attach` turns a rendered page into an API page when it names one."""

    def __init__(
        self, config: SiteConfig, docs_dir: Path, sources: SourceFiles, diagnostics: Diagnostics
    ) -> None:
        self.config = config
        self.docs_dir = docs_dir
        self.diagnostics = diagnostics
        self.operations_rendered = 0
        self.index: Any = None

    def generated_pages(self, nav: Any, slots: Any, records: Any) -> list[tuple[PageRecord, str]]:
        """Records for navigation-generated operation pages (none until specs are wired in)."""
        return []

    def parsed_stub(self, record: PageRecord) -> Any:
        raise NotImplementedError

    def attach(self, record: PageRecord, ctx: RenderContext) -> None:
        fm = record.frontmatter
        if isinstance(fm.get("openapi"), str) or isinstance(fm.get("api"), str):
            record.kind = "api"
