"""Site-level extra files: Markdown copies, llms.txt, llms-full.txt, redirects, sitemap, robots,
RSS feeds.

Which pages are "indexable" (sitemap, llms.txt) follows Mintlify (organize/hidden-pages.mdx):
pages listed in navigation, not under a hidden division or group (unless that division is
`searchable: true`), without `hidden: true` or `noindex: true` frontmatter; `seo.indexing:
"all"` adds every other page. `noindex: true` pages never enter the sitemap.

Files the author put in the docs folder win: a custom `llms.txt`, `llms-full.txt`,
`robots.txt` or `sitemap.xml` is copied as it is and not generated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mintrender.model import Publish
from mintrender.write.crawl import write_redirect_pages, write_robots, write_sitemap
from mintrender.write.deploy import write_deploy_files
from mintrender.write.feeds import write_feeds
from mintrender.write.llms import llms_pages, write_llms, write_markdown_copies

if TYPE_CHECKING:
    from mintrender.load.config import SiteConfig
    from mintrender.load.nav import PageSlot
    from mintrender.load.sources import SourceFiles
    from mintrender.model import BuildOptions, BuildResult
    from mintrender.urls import UrlBuilder
    from mintrender.write.files import OutputWriter


def write_extras(
    options: BuildOptions,
    config: SiteConfig,
    result: BuildResult,
    writer: OutputWriter,
    urls: UrlBuilder,
    slots: list[PageSlot] | None = None,
    sources: SourceFiles | None = None,
    markdown: dict[str, str] | None = None,
) -> None:
    """Everything beside the HTML pages, before the swap. `markdown`: the Markdown copies are
    written (by the page writers), and these are the texts of llms-full.txt's pages
    (`llms_full_paths`). The build calls the two halves itself: `write_crawl_files` while the
    page writers work, llms.txt and llms-full.txt once their copies are in."""
    slots = slots or []
    publish = Publish.of(options, config.metatags)
    if markdown is None:
        full = llms_full_paths(config, result, slots)
        markdown = write_markdown_copies(
            config, result.pages, writer, urls, publish, result.diagnostics, full
        )
    write_llms(config, result, writer, urls, publish, slots, markdown, sources)
    write_crawl_files(options, config, result, writer, urls, slots, publish)


def write_crawl_files(
    options: BuildOptions,
    config: SiteConfig,
    result: BuildResult,
    writer: OutputWriter,
    urls: UrlBuilder,
    slots: list[PageSlot],
    publish: Publish,
) -> None:
    """Redirect pages, feeds, and for a hosted site the sitemap, robots.txt and the hosts'
    redirect files: what needs the pages' paths but none of their files (a file at a path
    `writer.exists` knows, reserved or written, wins)."""
    write_feeds(config, result, writer, urls, publish)  # first: a redirect never replaces one
    write_redirect_pages(config, result, writer, urls, publish)
    if options.mode == "hosted":
        write_sitemap(config, result, writer, urls, publish, slots)
        write_robots(writer, publish)
        write_deploy_files(config, writer, publish)
        _mirror_notes(options, publish, result)
        if not writer.exists(".nojekyll"):
            # GitHub Pages would drop `_mintrender/` (folders starting with "_") without it
            writer.write_text(".nojekyll", "")


def llms_full_paths(config: SiteConfig, result: BuildResult, slots: list[PageSlot]) -> set[str]:
    """Site paths of the pages llms-full.txt holds: only their Markdown is kept (a big site's
    other languages and versions would hold every page's copy in memory at once)."""
    return {p.site_path for p in llms_pages(config, result, slots)}


def _mirror_notes(options: BuildOptions, publish: Publish, result: BuildResult) -> None:
    """What a mirror under a path needs to be told: the sitemap's origin, robots.txt's place."""
    if options.base_url and not publish.public_base:
        result.diagnostics.warning(
            "sitemap.xml",
            0,
            0,
            "sitemap-origin",
            f"sitemap.xml lists paths ({publish.base_path}...), but sitemaps need full URLs",
            f"give the site's origin: --base-url https://your.host{publish.base_path}",
        )
    if publish.base_path != "/":
        result.diagnostics.info(
            "robots.txt",
            0,
            0,
            "robots-root",
            f"robots.txt is written into the site, served at {publish.base_path}robots.txt, "
            "but crawlers read only /robots.txt",
            "copy its Sitemap: line into the host's own /robots.txt",
        )
