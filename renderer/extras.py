"""Site-level extra files: sitemap.xml and robots.txt (more arrive with the mirror/offline work)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from renderer.build import BuildOptions, BuildResult
    from renderer.config import SiteConfig
    from renderer.output import OutputWriter
    from renderer.urls import UrlBuilder


def write_extras(
    options: BuildOptions,
    config: SiteConfig,
    result: BuildResult,
    writer: OutputWriter,
    urls: UrlBuilder,
) -> None:
    """Nothing yet beyond the pages: see the offline/mirror issue."""
    return None
