"""Write stage: theme templates around every page, assets, search index, 404 — then the swap."""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import jinja2

from mintrender.cache import Store, build_cache_dir, digest, site_store
from mintrender.errors import Diagnostic, Diagnostics
from mintrender.faults import write_bare
from mintrender.index.sections import IndexKey, SearchFiles, index_url, manifest_url
from mintrender.load.nav import PageSlot
from mintrender.model import Publish, zip_path_for
from mintrender.render.context import RenderContext
from mintrender.render.tailwind import generate_css
from mintrender.themes.uitext import ui_text
from mintrender.urls import (
    ASSET_DIR,
    UrlBuilder,
    base_path_of,
    is_external,
    markdown_path_for,
)
from mintrender.workers import auto_jobs, can_fork, fork_map, slices
from mintrender.write.assets import copy_static, remote_assets
from mintrender.write.chrome import SiteContexts, chrome_context
from mintrender.write.contextual import contextual_options, left_out_options
from mintrender.write.extras import llms_full_paths, write_crawl_files
from mintrender.write.files import OutputWriter, write_zip
from mintrender.write.head import canonical_base, head_context
from mintrender.write.llms import write_llms, write_markdown_copies
from mintrender.write.notfound import not_found_description, not_found_html, write_root_redirect
from mintrender.write.notice import NOTICE_PATH, notice_text
from mintrender.write.sidebar import SidebarRenderer
from mintrender.write.theme import (
    ThemeParts,
    compile_all,
    fill,
    load_theme_parts,
    make_environment,
    page_flags,
    page_parts,
    remember_macros,
    theme_files,
    with_parts,
)
from mintrender.write.versions import draw_sidebars, page_with_versions
from mintrender.write.weight import merge_token_spans, share_svgs

if TYPE_CHECKING:
    from mintrender.load.config import SiteConfig
    from mintrender.load.nav import PageSlot
    from mintrender.load.sources import SourceFiles
    from mintrender.model import BuildOptions, BuildResult, PageRecord, Progress, Safety
    from mintrender.render.navview import NavView

    _Copies = Callable[[Iterable[PageRecord], Diagnostics], dict[str, str]]


def site_context(
    config: SiteConfig,
    urls: UrlBuilder,
    ctx: RenderContext,
    home: str,
    safe: Safety | None = None,
) -> dict[str, Any]:
    def asset(path: str | None) -> str | None:
        if not path:
            return None
        return path if is_external(path) else urls.asset(path)

    return {
        "name": config.name,
        "theme": config.theme,
        "description": config.description,
        "logo": {
            "light": asset(config.logo.light),
            "dark": asset(config.logo.dark),
            "href": urls.link(config.logo.href) if config.logo.href else home,
        },
        "favicon": asset(config.favicon),
        "favicon_dark": asset(config.favicon_dark),
        "colors": {
            "primary": config.colors.primary,
            "light": config.colors.light,
            "dark": config.colors.dark,
            "background_light": config.colors.background_light,
            "background_dark": config.colors.background_dark,
        },
        "appearance": {"default": config.appearance_default, "strict": config.appearance_strict},
        "codeblocks": config.codeblocks_mode,
        **chrome_context(config.chrome, urls, ctx, safe),
        "chrome_key": "",
        "search_prompt": config.search_prompt,
        "home_href": home,
        "not_found_html": not_found_description(config, ctx, safe),
    }


@dataclass(frozen=True, slots=True)
class ThemePrep:
    """What the write stage makes of the theme alone, before any page is known: built while
    the pages render (`prepare_theme`), when this process would otherwise wait."""

    env: jinja2.Environment
    sidebars: SidebarRenderer
    files: dict[str, str]
    """`theme_files()`."""


def prepare_theme(options: BuildOptions, config: SiteConfig, *, compile: bool) -> ThemePrep:
    """The template environment (every template compiled first when `compile`), the sidebar
    renderer and the theme's files."""
    cache = build_cache_dir(options)
    env = make_environment(
        config.docs_dir,
        overrides=options.safe is None,
        compiled=cache / "templates" if cache is not None else None,
    )
    env.auto_reload = False  # one build: no template changes on disk to look for
    remember_macros(env)
    if compile:
        compile_all(env)
    return ThemePrep(env, SidebarRenderer(env), theme_files())


def prepare_theme_into(options: BuildOptions, config: SiteConfig, into: list[ThemePrep]) -> None:
    """`prepare_theme` (templates compiled) appended to `into`; nothing when it fails: then
    `write_site` prepares it again and reports the failure where it always did."""
    try:
        into.append(prepare_theme(options, config, compile=True))
    except Exception:  # noqa: S110 (reported by write_site's own attempt)
        pass


def write_site(
    options: BuildOptions,
    config: SiteConfig,
    sources: SourceFiles,
    result: BuildResult,
    navview: NavView,
    urls: UrlBuilder,
    slots: list[PageSlot],
    search: SearchFiles,
    progress: Progress | None = None,
    prepared: ThemePrep | None = None,
) -> None:
    """Template every page, write the theme, search, assets and extras, then swap OUT in
    (`prepared`: `prepare_theme`'s, when it was made already)."""

    base_path = base_path_of(options.base_url)
    writer = OutputWriter(options.out_dir, mode=options.mode, base_path=base_path, reuse=True)
    assets = remote_assets(options, config, result, writer)
    try:
        cache = build_cache_dir(options)
        prep = prepared or prepare_theme(options, config, compile=False)
        env, sidebars = prep.env, prep.sidebars
        ctx = RenderContext(config, config.config_file, urls, result.diagnostics)
        home = urls.page("/")
        site = site_context(config, urls, ctx, home, options.safe)
        _report_left_out_actions(options, config, result)
        sites = SiteContexts(site, config, navview.nav, urls, ctx, options.safe)
        # the core bundle and the parts: see theme_files() and render_page_html()
        for name, text in prep.files.items():
            writer.write_text(f"{ASSET_DIR}/{name}", text)
        writer.write_text(NOTICE_PATH, notice_text())
        classes: set[str] = set()
        for record in result.pages:
            if record.rendered:
                classes.update(record.rendered.classes)
        # `html` prefix: author utilities must beat the theme's prose rules (e.g. `.mr-prose img`)
        utilities = generate_css(classes, important="html")
        writer.write_text(f"{ASSET_DIR}/utilities.css", utilities)

        search_urls = search.urls  # the files may still be in the making: written last

        assets_base = {
            "css": [urls.asset(f"{ASSET_DIR}/mintrender.css")],
            "tailwind_css": urls.asset(f"{ASSET_DIR}/utilities.css") if utilities.strip() else None,
            "js": [urls.asset(f"{ASSET_DIR}/mintrender.js")],
            "user_css": [urls.asset(p) for p in sources.user_css],
            "user_js": [urls.asset(p) for p in sources.user_js],
        }
        job = _PageJob(
            env,
            sites,
            navview,
            sidebars,
            assets_base,
            search_urls,
            options,
            config,
            writer,
            result.diagnostics,
            load_theme_parts(),
            site_store(cache, config.docs_dir) if cache is not None else None,
            digest(navview.key(), repr(assets_base), repr(sorted(search_urls.items()))),
        )
        full = llms_full_paths(config, result, slots)
        static = frozenset(sources.static)
        publish = Publish.of(options, config.metatags)

        def copies(records: Iterable[PageRecord], found: Diagnostics) -> dict[str, str]:
            """The Markdown copies of `records` (a docs-folder file of that name wins; one page
            per site path: `unique_pages`)."""
            return write_markdown_copies(
                config, records, writer, urls, publish, found, full, skip=static
            )

        held: list[str] = []  # docs-folder files copied once the pages are written

        def copy(rel: str) -> None:
            try:
                copy_static(config, rel, writer, options, assets)
            except OSError as exc:  # vanished or unreadable since the folder was walked
                why = exc.strerror or str(exc)  # not the output's temporary folder's name
                result.diagnostics.warning(rel, 0, 0, "file-unreadable", f"cannot copy: {why}")
            except Exception as exc:  # an unexpected failure costs this file only
                result.diagnostics.internal(rel, 0, "copying", exc)

        def beside_pages() -> None:
            """What needs the pages' paths but none of their files: the 404 page, the root
            redirect, the docs folder's files and the crawl files. Forked page writers leave
            this process free meanwhile; a docs-folder file at (or inside) a page's path or
            under the asset folder waits for them, as it must replace what they write there."""
            not_found = not_found_html(
                env, site, navview, assets_base, search_urls, options, config, writer.base_path
            )
            if options.mode == "hosted":
                if writer.localize is not None:
                    not_found = writer.finish_html(
                        "404.html", writer.localize(not_found, "404.html")
                    )
                writer.write_text("404.html", not_found)  # URLs already absolute (not_found_html)
            else:
                writer.write_page("404.html", not_found)
            if not any(r.site_path == "/" for r in result.pages):
                write_root_redirect(navview, writer, config)
            for rel in sources.static:
                if writer.collides(rel) or rel.startswith(f"{ASSET_DIR}/"):
                    held.append(rel)
                else:
                    copy(rel)
            try:
                write_crawl_files(options, config, result, writer, urls, slots, publish)
            except Exception as exc:  # redirects, sitemap: the pages are still written
                result.diagnostics.internal(
                    config.config_file, 0, "writing the site's extras for", exc
                )

        payloads, markdown = _write_pages(job, result.pages, progress, copies, beside_pages)
        if job.cache is not None:
            result.cache["html_reused"] = job.cache.hits
        # children of closed sidebar groups, fetched when a reader opens one (renderer/sidebar.py)
        for name, text in sorted(payloads.items()):
            writer.write_text(f"{ASSET_DIR}/{name}", text)
        for rel in held:
            copy(rel)
        try:
            write_llms(config, result, writer, urls, publish, slots, markdown, sources)
        except Exception as exc:  # llms.txt: the pages are still written
            result.diagnostics.internal(config.config_file, 0, "writing the site's extras for", exc)
        for path, data in sorted(assets.files.items() if assets is not None else ()):
            writer.write_bytes(path, data)
        for path, text in search.files.items():
            writer.write_text(path, text)
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    if options.zip:
        write_zip(options.out_dir, zip_path_for(options.out_dir))


def language_of(nav: dict[str, Any]) -> str:
    for lang in nav.get("languages") or []:
        if lang.get("active"):
            return str(lang.get("code", ""))
    return ""


def search_assets(nav: dict[str, Any], search_urls: dict[IndexKey, str]) -> dict[str, Any]:
    """The page's own index (its language and version's), each language's index of its version
    (`[code, label, url]`: "All languages"), its version, the versions manifest (`manifest_url`)."""
    version = str(nav.get("version_key") or "")
    languages = {language for language, _ in search_urls}
    indexes = [
        [code, str(lang.get("label") or code), index_url(search_urls, code, version)]
        for lang in nav.get("languages") or []
        if (code := str(lang.get("code", ""))) in languages
    ]
    return {
        "search_index_url": index_url(search_urls, language_of(nav), version),
        "search_indexes": indexes if len(indexes) > 1 else [],
        "search_version": version or None,
        "search_all": manifest_url(search_urls),
    }


def page_context(record: PageRecord, nav: dict[str, Any], config: SiteConfig) -> dict[str, Any]:
    rendered = record.rendered
    assert rendered is not None
    meta = record.meta
    mode = meta.mode
    api = record.api
    description_html = ""
    if rendered.description:
        description_html = html.escape(rendered.description)
    eyebrow = nav.get("eyebrow") or ""
    if config.eyebrows == "breadcrumbs":
        eyebrow = " / ".join(nav.get("breadcrumbs") or [])
    aside = api.aside_html if api is not None else ""
    examples = "".join(rendered.examples.get(k, "") for k in ("request", "response"))
    return {
        "title": rendered.title,
        "title_hidden": meta.title_hidden,
        "description": rendered.description,
        "description_html": (api.description_html if api is not None else "") or description_html,
        "eyebrow": eyebrow,
        # the section's label alone (an untitled group, `" "`, has none: no trail instead)
        "breadcrumbs": nav.get("breadcrumbs") or [] if config.eyebrows == "breadcrumbs" else [],
        "body_html": rendered.body_html + (api.body_html if api is not None else ""),
        "toc": [{"id": e.id, "text": e.text, "level": e.level} for e in rendered.toc],
        "mode": mode,
        "prev": None if meta.hide_pagination else nav.get("prev"),
        "next": None if meta.hide_pagination else nav.get("next"),
        "hide_pagination": meta.hide_pagination,
        "is_api": api is not None,
        "api_header_html": api.header_html if api is not None else "",
        "aside_html": (aside or examples or rendered.panel_html) if mode == "default" else "",
        "deprecated": meta.deprecated,
        "tag": meta.tag,
        "url": record.site_path,
        "source_path": record.rel_path,
    }


def render_page_html(
    env: jinja2.Environment,
    site: dict[str, Any],
    nav: dict[str, Any],
    record: PageRecord,
    assets: dict[str, Any],
    options: BuildOptions,
    config: SiteConfig,
    parts: ThemeParts | None = None,
    fragments: dict[Any, str] | None = None,
) -> str:
    """One page's HTML (`parts`: the theme's parts, looked up when not given; `fragments`: the
    store of the theme's cached parts, `theme.FragmentCache`, shared by the pages of a build)."""
    page = page_context(record, nav, config)
    head = head_context(config, record, options, bool(nav.get("nav_hidden")))
    page["contextual"] = contextual_options(
        config.raw.get("contextual"),
        record.frontmatter,
        record.site_path,
        head["canonical"],
        ui_text(language_of(nav)),
    )
    raw_contextual = config.raw.get("contextual")
    shown = raw_contextual.get("display") if isinstance(raw_contextual, dict) else None
    page["contextual_toc"] = shown == "toc"  # in the table of contents, where the page has one
    parts = parts or load_theme_parts()
    content = "".join(
        (page["body_html"], page["aside_html"], page["api_header_html"], page["description_html"])
    )
    drawn = record.rendered.drawn if record.rendered is not None else frozenset()
    listing = nav.get("listing")
    if listing:  # a group root page's listing (partials/directory.html) draws these
        drawn = drawn | {"CardGroup" if listing["style"] == "card" else "AccordionGroup"}
    needed = page_parts(content, page_flags(record, nav, page), parts, drawn)
    assets = with_parts(assets, needed, parts)
    name = "api.html" if page["is_api"] or page["aside_html"] else "page.html"
    offline = options.mode == "offline"
    text = fill(
        env,
        name,
        offline,
        site=site,
        nav=nav,
        page=page,
        head=head,
        assets=assets,
        fragments=fragments,
    )
    return share_svgs(merge_token_spans(text))


@dataclass(frozen=True, slots=True)
class _PageJob:
    """What writing one page needs."""

    env: jinja2.Environment
    sites: SiteContexts
    """The `site` context of each page (its language's banner, navbar and footer)."""
    navview: NavView
    sidebars: SidebarRenderer
    assets_base: dict[str, Any]
    search_urls: dict[IndexKey, str]
    options: BuildOptions
    config: SiteConfig
    writer: OutputWriter
    diagnostics: Diagnostics
    parts: ThemeParts
    cache: Store | None = None
    """The build cache: a page's HTML is reused when its inputs (`record.inputs_key`), the
    navigation (`NavView.key`) and the assets are as last time."""
    around: str = ""
    """What every page's HTML depends on besides its own inputs (`html_key`)."""
    fragments: dict[Any, str] | None = field(default_factory=dict)
    """The theme's cached parts (`theme.FragmentCache`): `options` and the theme are the same
    for every page this job writes, and `site` is but for a language's banner, navbar and
    footer (`site.chrome_key`, a key of the parts that read them)."""

    def html_key(self, record: PageRecord) -> str:
        """The build cache key of `record`'s HTML. `inputs_key` covers docs.json, the set of
        pages, the build options, the theme and mintrender's code; the navigation every page
        sees is then a function of the pages' `PageInfo`s (`NavView.key`), and the assets of
        the search index URLs (`around`): so no page's navigation is drawn to look it up."""
        assert record.inputs_key
        return digest(record.inputs_key, self.around, str(record.ref))

    def write(self, record: PageRecord) -> None:
        name = key = ""
        if self.cache is not None and record.inputs_key:
            name = digest("html", record.rel_path, record.output_path)
            key = self.html_key(record)
            html_text = self.cache.get(name, key)
            if isinstance(html_text, str):
                # the section's lazy-children payload (`nav-*.js`) comes with drawing its tree
                draw_sidebars(self.navview, self.sidebars, record.ref)
                self.writer.write_page(record.output_path, html_text)
                return
        unpacked = record.unpacked()

        def draw(nav: dict[str, Any], slot: PageSlot | None) -> str:
            assets = dict(self.assets_base)
            assets.update(search_assets(nav, self.search_urls))
            return render_page_html(
                self.env,
                self.sites.for_slot(slot or self.navview.location.get(record.ref)),
                nav,
                unpacked,
                assets,
                self.options,
                self.config,
                self.parts,
                self.fragments,
            )

        html_text = page_with_versions(self.navview, self.sidebars, record.ref, draw)
        if key and self.cache is not None:
            self.cache.put(name, key, html_text)
        self.writer.write_page(record.output_path, html_text)


PARALLEL_WRITE_MIN = 150
"""Pages from which the templates are filled by forked writers (fewer: one process), as
`auto_jobs` forks render workers: at 400, the ModelsLab corpus (397 pages) wrote its pages in
one process for 1.8 to 2.5 s where two writers take 1.2 to 1.3 s."""


def _write_pages(
    job: _PageJob,
    pages: list[PageRecord],
    progress: Progress | None,
    copies: _Copies,
    beside: Callable[[], None],
) -> tuple[dict[str, str], dict[str, str]]:
    """Template every page and write its Markdown copy (`copies`), then run `beside` (the files
    that need no page's file); return the sidebar payload files and the Markdown `copies`
    keeps (site path -> text).

    A large site's pages are shared among forked writers (`--jobs`), which inherit the pages,
    the navigation and the templates and send back only what they found: the files are
    written where the one-process build writes them, with the same bytes. Not when remote
    assets are localized (their bookkeeping lives in this process). `beside` then runs here
    while they write, with the pages' paths reserved (`OutputWriter.reserve`); its findings
    come after theirs, as in one process.
    """
    options = job.options
    jobs = options.jobs if options.jobs > 0 else auto_jobs(len(pages))
    if jobs <= 1 or len(pages) < PARALLEL_WRITE_MIN or job.writer.localize or not can_fork():
        _write_share(job, pages, range(len(pages)), progress)
        texts = copies(pages, job.diagnostics)
        beside()
        return job.sidebars.payload_files(), texts

    sent: set[str] = set()  # in each writer: the sidebar payload files it sent back already

    def work(
        share: list[int],
    ) -> tuple[list[str], list[Diagnostic], dict[str, str], int, dict[str, str]]:
        found = Diagnostics()
        start = len(job.writer.written)
        hits = job.cache.hits if job.cache is not None else 0
        _write_share(dataclasses.replace(job, diagnostics=found), pages, share, None)
        reused = (job.cache.hits if job.cache is not None else 0) - hits
        markdown = copies([pages[i] for i in share], found)
        files = {k: v for k, v in job.sidebars.payload_files().items() if k not in sent}
        sent.update(files)
        return job.writer.written[start:], list(found), files, reused, markdown

    later = Diagnostics()  # `beside`'s findings, put after the writers'
    failure: list[BaseException] = []
    ran: list[bool] = []

    def meanwhile() -> None:
        ran.append(True)
        diagnostics = job.diagnostics
        first = len(diagnostics)
        job.writer.reserve(_page_files(pages))
        try:
            beside()
        except BaseException as exc:  # noqa: BLE001 - raised again once the writers are done
            failure.append(exc)
        later.extend(diagnostics[first:])
        del diagnostics[first:]

    if progress:
        progress("write", 0, len(pages))
    compile_all(job.env)  # once here, not in every writer
    try:
        shares = fork_map(work, slices(range(len(pages)), jobs), jobs, meanwhile)
    except Exception as exc:  # a writer failed as a whole: write every page here instead
        job.diagnostics.internal(job.config.config_file, 0, "writing pages in workers for", exc)
        job.writer.release()
        _write_share(job, pages, range(len(pages)), None)
        texts = copies(pages, job.diagnostics)
        job.diagnostics.extend(later)
        if failure:
            raise failure[0] from None
        if not ran:  # the writers never started
            beside()
        return job.sidebars.payload_files(), texts
    payloads: dict[str, str] = {}
    markdown: dict[str, str] = {}
    for written, found, files, reused, texts in shares:
        job.writer.adopt(written)
        job.diagnostics.extend(found)
        payloads.update(files)
        markdown.update(texts)
        if job.cache is not None:
            job.cache.hits += reused  # counted in the writers: the build's figure is the sum
    job.writer.release()
    job.diagnostics.extend(later)
    if failure:
        raise failure[0]
    return dict(sorted(payloads.items())), markdown


def _page_files(pages: list[PageRecord]) -> list[str]:
    """What the page writers may write: each page's HTML and, when it rendered, its Markdown
    copy (one a docs-folder file of that name keeps them from is reserved all the same: that
    file is there)."""
    out = [record.output_path for record in pages]
    out.extend(markdown_path_for(r.site_path) for r in pages if r.rendered is not None)
    return out


def _write_share(
    job: _PageJob, pages: list[PageRecord], share: Iterable[int], progress: Progress | None
) -> None:
    for i in share:
        record = pages[i]
        if progress:
            progress("write", i, len(pages))
        try:
            job.write(record)
        except Exception as exc:  # this page only: written bare, with what it rendered
            css, rendered = job.assets_base["css"], record.unpacked().rendered
            why = write_bare(
                job.writer.write_page, record.output_path, rendered, record.rel_path, css
            )
            if why:  # not even that: its path is no file name here
                job.diagnostics.error(record.rel_path, 0, 0, "page-unwritable", why)
            else:
                job.diagnostics.internal(record.rel_path, 0, "writing the HTML of", exc)


def _report_left_out_actions(
    options: BuildOptions, config: SiteConfig, result: BuildResult
) -> None:
    """An info for each docs.json page action the menu leaves out (none is silently dropped)."""
    public = canonical_base(options, Publish.of(options, config.metatags))
    for i, option, why in left_out_options(config.raw.get("contextual"), bool(public)):
        line, col = config.locate(("contextual", "options", i))
        result.diagnostics.add(
            "info",
            config.config_file,
            line,
            col,
            "contextual-option",
            f"page action {option!r} {why}; it is left out of the page menu",
        )
