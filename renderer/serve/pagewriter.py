"""The write stage one page at a time, for the preview server (mirrors `site.write_site`).

`site.write_site` writes every page in one loop; the preview server templates a page only when
it is asked for. `PageWriter` holds what that loop sets up once (Jinja environment, site context,
asset URLs, sidebar cache) and renders one page, the Tailwind utilities and the 404 page with the
same `mintrender.write.site` functions. The theme files, the search index and the extras come
from the stages' own functions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from mintrender.build import SiteInputs
from mintrender.errors import Diagnostics
from mintrender.index import sections
from mintrender.load.nav import PageSlot
from mintrender.model import BuildOptions, BuildResult, PageRecord
from mintrender.render.context import RenderContext
from mintrender.render.navview import NavView
from mintrender.render.tailwind import generate_css
from mintrender.urls import ASSET_DIR, ROOT, UrlBuilder
from mintrender.write import notfound, site, theme
from mintrender.write.chrome import SiteContexts
from mintrender.write.extras import write_extras
from mintrender.write.files import OutputWriter
from mintrender.write.notice import NOTICE_FILE, notice_text
from mintrender.write.sidebar import SidebarRenderer
from mintrender.write.versions import page_with_versions

BASE_PATH = "/"
"""The preview serves the hosted layout at the root."""


class PageWriter:
    """Templates pages and the 404 page exactly as the hosted build writes them."""

    def __init__(self, inputs: SiteInputs, urls: UrlBuilder, options: BuildOptions) -> None:
        self.config = inputs.config
        self.options = options
        self.env = theme.make_environment(self.config.docs_dir, overrides=options.safe is None)
        if self.env.bytecode_cache is None:
            # compiled templates survive restarts (keyed by source checksum): faster first page
            self.env.bytecode_cache = jinja2.FileSystemBytecodeCache()
        self.sidebars = SidebarRenderer(self.env)
        ctx = RenderContext(self.config, self.config.config_file, urls, Diagnostics())
        self.site = site.site_context(self.config, urls, ctx, urls.page("/"), options.safe)
        self.sites = SiteContexts(self.site, self.config, inputs.nav, urls, ctx, options.safe)
        sources = inputs.sources
        self.assets_base: dict[str, Any] = {
            "css": [urls.asset(f"{ASSET_DIR}/mintrender.css")],
            "tailwind_css": urls.asset(f"{ASSET_DIR}/utilities.css"),
            "js": [urls.asset(f"{ASSET_DIR}/mintrender.js")],
            "user_css": [urls.asset(p) for p in sources.user_css],
            "user_js": [urls.asset(p) for p in sources.user_js],
        }

    def reset_sidebars(self) -> None:
        """The sidebar cache is keyed by navigation objects: new navigation, new cache."""
        self.sidebars = SidebarRenderer(self.env)

    def page(
        self,
        record: PageRecord,
        navview: NavView,
        search_urls: dict[sections.IndexKey, str],
        utilities: bool = True,
    ) -> str:
        """One page's HTML with site-root URLs (what the build writes to its output path)."""

        def draw(nav: dict[str, Any], slot: PageSlot | None) -> str:
            assets = dict(self.assets_base)
            if not utilities:
                assets["tailwind_css"] = None
            assets.update(site.search_assets(nav, search_urls))
            return site.render_page_html(
                self.env,
                self.sites.for_slot(slot or navview.location.get(record.ref)),
                nav,
                record,
                assets,
                self.options,
                self.config,
            )

        text = page_with_versions(navview, self.sidebars, record.ref, draw)
        return text.replace(ROOT, BASE_PATH)

    def not_found(
        self,
        navview: NavView,
        search_urls: dict[sections.IndexKey, str],
        utilities: bool = True,
    ) -> str:
        """The hosted 404.html, made by the build's own function (byte for byte)."""
        assets = dict(self.assets_base)
        if not utilities:
            assets["tailwind_css"] = None
        return notfound.not_found_html(
            self.env,
            self.site,
            navview,
            assets,
            search_urls,
            self.options,
            self.config,
            BASE_PATH,
        )


def utilities_css(classes: frozenset[str]) -> str:
    """`_mintrender/utilities.css` for these class names, as `write_site` makes it."""
    return generate_css(classes, important="html")


def theme_bundles() -> dict[str, str]:
    """The `_mintrender/` files every site carries (bundles, parts, notices), read now."""
    files = {name: text for name, text in theme.theme_files().items() if text}
    files[NOTICE_FILE] = notice_text()
    return files


def build_search_files(
    inputs: SiteInputs, pages: list[PageRecord]
) -> tuple[dict[str, str], dict[sections.IndexKey, str]]:
    """The search index scripts and the manifest of a versioned site (file name -> text), and
    the index URLs, as the build writes them.

    A crash of the index stage leaves the preview without search (pages are still served).
    """
    try:
        search = sections.build_indexes(inputs.config, pages, inputs.slots)
    except Exception:
        return {}, {}
    files = {path.rsplit("/", 1)[-1]: text for path, text in search.files.items()}
    return files, dict(search.urls)


def write_extras_folder(
    inputs: SiteInputs,
    result: BuildResult,
    urls: UrlBuilder,
    options: BuildOptions,
    work_dir: Path,
) -> OutputWriter:
    """Run the build's extras (Markdown copies, llms.txt, redirects, sitemap) into a folder.

    The files stay in `writer.tmp` (never swapped anywhere); `writer.abort()` removes them.
    """
    writer = OutputWriter(work_dir / "extras", mode="hosted", base_path=BASE_PATH)
    try:
        write_extras(
            options, inputs.config, result, writer, urls, list(inputs.slots), inputs.sources
        )
    except Exception:
        pass  # extras are optional in preview: pages are still served
    return writer


def expected_search_urls(inputs: SiteInputs) -> dict[sections.IndexKey, str]:
    """The index URL per (language, version) before the index exists (as `build_indexes`
    names them; a language or version with no searchable page is put right when it is built)."""
    slots = inputs.slots
    pairs = {(sections.language_of_slot(slot), sections.version_of_slot(slot)) for slot in slots}
    return sections.search_urls(sections.index_keys(pairs or [("", "")], slots))
