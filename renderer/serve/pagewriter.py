"""The write stage one page at a time, for the preview server (mirrors `site.write_site`).

`site.write_site` writes every page in one loop; the preview server templates a page only when
it is asked for. `PageWriter` holds what that loop sets up once (Jinja environment, site context,
asset URLs, sidebar cache) and renders one page, the theme bundles, the Tailwind utilities and
the 404 page with the same `renderer.site` functions. Search index and extras run the build's
own functions into a private folder.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from mintrender.errors import Diagnostics
from mintrender.render.context import RenderContext
from mintrender.urls import ASSET_DIR, ROOT
from mintrender.write import theme
from mintrender.write.files import OutputWriter
from mintrender.write.sidebar import SidebarRenderer

if TYPE_CHECKING:
    from mintrender.build import SiteInputs
    from mintrender.model import BuildOptions, BuildResult, PageRecord
    from mintrender.render.navview import NavView
    from mintrender.serve.state import SiteState
    from mintrender.urls import UrlBuilder

BASE_PATH = "/"
"""The preview serves the hosted layout at the root."""


class PageWriter:
    """Templates pages, bundles and the 404 page exactly as the hosted build writes them."""

    def __init__(self, inputs: SiteInputs, urls: UrlBuilder, options: BuildOptions) -> None:
        from mintrender.write import site

        self.inputs = inputs
        self.config = inputs.config
        self.urls = urls
        self.options = options
        self.env = theme.make_environment(self.config.docs_dir)
        if self.env.bytecode_cache is None:
            # compiled templates survive restarts (keyed by source checksum): faster first page
            self.env.bytecode_cache = jinja2.FileSystemBytecodeCache()
        self.sidebars: Any = None
        self.reset_sidebars()
        ctx = RenderContext(self.config, self.config.config_file, urls, Diagnostics())
        self.site = site.site_context(self.config, urls, ctx, urls.page("/"))
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
        search_urls: dict[str, str],
        utilities: bool = True,
    ) -> str:
        """One page's HTML with site-root URLs (what the build writes to its output path)."""
        from mintrender.write import site

        nav = navview.view(record.ref)
        if self.sidebars is not None and "sidebar_key" in nav:
            nav["sidebar_html"] = self.sidebars.for_page(
                nav["sidebar_key"], nav["sidebar"], nav.get("active_href")
            )
        assets = dict(self.assets_base)
        if not utilities:
            assets["tailwind_css"] = None
        assets["search_index_url"] = search_urls.get(_language_of(nav), search_urls.get("", ""))
        text = site.render_page_html(
            self.env, self.site, nav, record, assets, self.options, self.config
        )
        return text.replace(ROOT, BASE_PATH)

    def bundles(self) -> dict[str, str]:
        """`_mintrender/` theme files (name -> text), read from the theme folder now."""
        return theme_bundles()

    def utilities(self, classes: frozenset[str]) -> str:
        from mintrender.render.tailwind import generate_css

        return generate_css(classes, important="html")

    def not_found(
        self,
        navview: NavView,
        search_urls: dict[str, str],
        work_dir: Path,
        utilities: bool = True,
    ) -> str:
        """The hosted 404.html, rendered by the build's own function into a scratch folder."""
        from mintrender.write import site

        assets = dict(self.assets_base)
        if not utilities:
            assets["tailwind_css"] = None
        writer = OutputWriter(work_dir / "scratch", mode="hosted", base_path=BASE_PATH)
        try:
            site._write_404(  # noqa: SLF001 - the build's 404 page, byte for byte
                self.env,
                self.site,
                navview,
                assets,
                search_urls,
                writer,
                self.options,
                self.config,
            )
            return (writer.tmp / "404.html").read_text(encoding="utf-8")
        finally:
            writer.abort()


def theme_bundles() -> dict[str, str]:
    """The theme's CSS/JS bundles as `write_site` writes them into `_mintrender/`."""
    return {name: text for name, text in theme.theme_files().items() if text}


def _language_of(nav: dict[str, Any]) -> str:
    for lang in nav.get("languages") or []:
        if lang.get("active"):
            return str(lang.get("code", ""))
    return ""


def build_search_files(
    inputs: SiteInputs, result: BuildResult, navview: NavView, work_dir: Path
) -> tuple[dict[str, str], dict[str, str]]:
    """The search index scripts (file name -> text) and their URLs, as the build writes them."""
    from mintrender.index.sections import build_indexes

    work_dir.mkdir(parents=True, exist_ok=True)
    writer = OutputWriter(work_dir / "search", mode="hosted", base_path=BASE_PATH)
    try:
        urls = build_indexes(inputs.config, result, list(inputs.slots), navview, writer)
        files = {}
        for path in (writer.tmp / ASSET_DIR).glob("search-index*.js"):
            files[path.name] = path.read_text(encoding="utf-8")
        return files, dict(urls)
    except Exception:
        return {}, {}
    finally:
        writer.abort()


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
    from mintrender.write.extras import write_extras

    writer = OutputWriter(work_dir / "extras", mode="hosted", base_path=BASE_PATH)
    try:
        try:
            write_extras(
                options, inputs.config, result, writer, urls, list(inputs.slots), inputs.sources
            )
        except TypeError:
            write_extras(options, inputs.config, result, writer, urls)  # type: ignore[call-arg]
    except Exception:
        pass  # extras are optional in preview: pages are still served
    return writer


def expected_search_urls(inputs: SiteInputs) -> dict[str, str]:
    """The index URL per language before the index exists (as `build_indexes` names them)."""
    languages: set[str] = set()
    plain = False
    for slot in inputs.slots:
        lang = next((d.label for d in slot.divisions if d.kind == "language"), "")
        if lang:
            languages.add(lang)
        else:
            plain = True
    urls = {lang: f"{ROOT}{ASSET_DIR}/search-index-{lang}.js" for lang in sorted(languages)}
    if plain or not urls:
        urls[""] = f"{ROOT}{ASSET_DIR}/search-index.js"
    else:
        urls[""] = next(iter(urls.values()))
    return urls


class SiteOutputs:
    """What the write stage makes besides page HTML, built lazily and kept until stale.

    Theme bundles, Tailwind utilities, the 404 page, the search index and the extras (Markdown
    copies, llms.txt, sitemap, redirects). Methods ending in `_locked` expect the state's lock;
    the others take it. The search index and extras are built by the background pass: at
    start, then again only once a request found them stale (a lunr index of a large site takes
    seconds: no need to rebuild it after every keystroke nobody searches for).
    """

    def __init__(self, state: SiteState) -> None:
        self.state = state
        self._writer: PageWriter | None = None
        self._bundles: dict[str, str] = {}
        self._utilities: tuple[frozenset[str], str] | None = None
        self._not_found: str | None = None
        self.search_files: dict[str, str] = {}
        self._search_urls: dict[str, str] = {}
        self.search_stale = True
        self._search_wanted = False
        self.search_ready = threading.Event()
        self.extras: OutputWriter | None = None
        self._extras_stale = True
        self._extras_wanted = False

    # -- invalidation (lock held) ----------------------------------------------------------------
    def pages_changed_locked(self) -> None:
        self.search_stale = True
        self._extras_stale = True

    def nav_changed_locked(self) -> None:
        self._not_found = None
        if self._writer is not None:
            self._writer.reset_sidebars()

    def structure_changed_locked(self) -> None:
        self._writer = None
        self._not_found = None
        self.pages_changed_locked()

    def theme_changed_locked(self) -> None:
        self._bundles.clear()
        self._writer = None  # templates, and the optional API bundles it links
        self._not_found = None

    # -- pieces (lock held) ----------------------------------------------------------------------
    def writer_locked(self) -> PageWriter:
        if self._writer is None:
            state = self.state
            assert state.inputs is not None
            self._writer = PageWriter(state.inputs, state.urls, state.options)
        return self._writer

    def utilities_locked(self) -> str:
        """Tailwind utilities for every class the pages rendered so far use."""
        classes = frozenset(
            c for r in self.state.records.values() if r.rendered for c in r.rendered.classes
        )
        if self._utilities is None or self._utilities[0] != classes:
            had = bool(self._utilities and self._utilities[1].strip())
            self._utilities = (classes, self.writer_locked().utilities(classes))
            if had != bool(self._utilities[1].strip()):
                # the build links utilities.css only when it is not empty
                self.state.html.clear()
                self._not_found = None
        return self._utilities[1]

    def search_urls_locked(self) -> dict[str, str]:
        if not self._search_urls:
            assert self.state.inputs is not None
            self._search_urls = expected_search_urls(self.state.inputs)
        return self._search_urls

    def result_locked(self) -> BuildResult:
        from mintrender.errors import Diagnostics
        from mintrender.model import BuildResult

        state = self.state
        assert state.inputs is not None
        result = BuildResult(Diagnostics())
        result.pages = sorted(
            (r for r in state.records.values() if r.rendered is not None),
            key=lambda r: r.output_path,
        )
        return result

    # -- requests ----------------------------------------------------------------------------------
    def asset(self, name: str) -> str | None:
        """`_mintrender/<name>` made in memory: theme bundles and utilities."""
        with self.state.foreground():
            if self.state.inputs is None:
                return None
            if not self._bundles:
                self._bundles = self.writer_locked().bundles()
            if name in self._bundles:
                return self._bundles[name]
            if name == "utilities.css":
                return self.utilities_locked()
            if name.startswith("nav-") and name.endswith(".js"):
                # closed sidebar groups of a section rendered so far, filled in when opened
                sidebars = getattr(self.writer_locked(), "sidebars", None)
                if sidebars is not None:
                    return sidebars.payload_files().get(name)
            return None

    def first_page_url(self) -> str | None:
        """Where `/` leads when the site has no index page: its first navigation page."""
        from mintrender.urls import ROOT

        with self.state.foreground():
            if self.state.inputs is None:
                return None
            nav = self.state.nav_locked()
            href = nav.division_href(nav.nav.root)
            return None if href == "#" else href.replace(ROOT, "/")

    def not_found_html(self) -> str | None:
        with self.state.foreground():
            if self.state.inputs is None:
                return None
            if self._not_found is None:
                utilities = bool(self.utilities_locked().strip())
                self._not_found = self.writer_locked().not_found(
                    self.state.nav_locked(),
                    self.search_urls_locked(),
                    self.state.work_dir,
                    utilities,
                )
            return self._not_found

    def extra_file(self, rel: str) -> Path | None:
        """A file of the last extras folder (a stale one is rebuilt by the background pass)."""
        from mintrender.serve.state import inside

        with self.state.foreground():
            if self._extras_stale:
                self._extras_wanted = True
            root = self.extras.tmp if self.extras is not None else None
        return inside(root / rel, root) if root is not None else None

    def search_file(self, name: str, wait: float = 60.0) -> str | None:
        """A search index script; the first request waits for the background pass to build it."""
        with self.state.foreground():
            if self.search_stale:
                self._search_wanted = True
        self.search_ready.wait(wait)
        with self.state.foreground():
            return self.search_files.get(name)

    # -- background --------------------------------------------------------------------------------
    def next_job_locked(self) -> Callable[[], None] | None:
        """The next piece of background work (run without the lock), or None."""
        state = self.state
        if state.inputs is None:
            return None
        if self.search_stale and (not self.search_ready.is_set() or self._search_wanted):
            self.search_stale = self._search_wanted = False
            inputs, result, navview = state.inputs, self.result_locked(), state.nav_locked()

            def search() -> None:
                files, urls = build_search_files(inputs, result, navview, state.work_dir)
                with state.lock:
                    self.search_files = files
                    self.search_ready.set()
                    if urls and urls != self._search_urls:
                        self._search_urls = urls
                        state.html.clear()

            return search
        if self._extras_stale and (self.extras is None or self._extras_wanted):
            self._extras_stale = self._extras_wanted = False
            inputs, result, urls = state.inputs, self.result_locked(), state.urls

            def extras() -> None:
                writer = write_extras_folder(inputs, result, urls, state.options, state.work_dir)
                with state.lock:
                    old, self.extras = self.extras, writer
                if old is not None:
                    old.abort()

            return extras
        return None

    def ready(self) -> bool:
        return self.search_ready.is_set() and self.extras is not None

    def close(self) -> None:
        if self.extras is not None:
            self.extras.abort()
            self.extras = None
