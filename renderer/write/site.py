"""Write stage: theme templates around every page, assets, search index, 404 — then the swap."""

from __future__ import annotations

import html
import json
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import jinja2

from mintrender.index.sections import SearchFiles
from mintrender.load.redirects import client_script
from mintrender.model import Publish, text, zip_path_for
from mintrender.render.context import RenderContext
from mintrender.render.tailwind import generate_css
from mintrender.urls import ASSET_DIR, ROOT, UrlBuilder, absolute_base, base_path_of, is_external
from mintrender.write.contextual import contextual_options
from mintrender.write.crawl import redirect_rules
from mintrender.write.extras import write_extras
from mintrender.write.feeds import feed_path, wants_feed
from mintrender.write.files import OutputWriter, rewrite_css_urls, write_zip
from mintrender.write.notice import NOTICE_PATH, notice_text
from mintrender.write.sidebar import SidebarRenderer
from mintrender.write.theme import (
    load_theme_parts,
    make_environment,
    page_flags,
    page_parts,
    theme_files,
    with_parts,
)
from mintrender.write.weight import merge_token_spans, share_svgs

if TYPE_CHECKING:
    from mintrender.load.config import SiteConfig
    from mintrender.load.nav import PageSlot
    from mintrender.load.sources import SourceFiles
    from mintrender.model import BuildOptions, BuildResult, PageRecord, Progress
    from mintrender.render.navview import NavView

SOCIAL_ICONS = {
    "x": "x-twitter",
    "twitter": "x-twitter",
    "x-twitter": "x-twitter",
    "website": "globe",
    "facebook": "facebook",
    "youtube": "youtube",
    "discord": "discord",
    "slack": "slack",
    "github": "github",
    "linkedin": "linkedin",
    "instagram": "instagram",
    "hacker-news": "hacker-news",
    "medium": "medium",
    "telegram": "telegram",
    "earth-americas": "earth-americas",
    "bluesky": "bluesky",
    "threads": "threads",
    "reddit": "reddit",
    "podcast": "podcast",
}


def site_context(
    config: SiteConfig, urls: UrlBuilder, ctx: RenderContext, home: str
) -> dict[str, Any]:
    def asset(path: str | None) -> str | None:
        if not path:
            return None
        return path if is_external(path) else urls.asset(path)

    banner = None
    if config.banner:
        content = config.banner.content
        banner = {
            "html": ctx.markdown(content, inline=True),
            "dismissible": config.banner.dismissible,
            "type": config.banner.type,
            "color": config.banner.color,
            "key": str(abs(hash_text(content))),
        }
    links = []
    for link in config.navbar_links:
        icon_name = link.icon or link.type
        links.append(
            {
                "label": link.label,
                "href": urls.link(link.href),
                "icon_html": ctx.icon(icon_name) if icon_name else "",
                "external": is_external(link.href),
                "type": link.type,
            }
        )
    primary = None
    if config.navbar_primary:
        p = config.navbar_primary
        primary = {
            "label": p.label,
            "href": urls.link(p.href),
            "type": p.type,
            "icon_html": ctx.icon(p.type) if p.type in ("github", "discord") else "",
        }
    return {
        "name": config.name,
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
        },
        "appearance": {"default": config.appearance_default, "strict": config.appearance_strict},
        "navbar": {"links": links, "primary": primary},
        "footer": {
            "socials": [
                {"platform": k, "href": v, "icon_html": ctx.icon(SOCIAL_ICONS.get(k, k))}
                for k, v in config.footer_socials
            ],
            "columns": [
                {
                    "header": c.header,
                    "items": [{"label": lbl, "href": urls.link(h)} for lbl, h in c.items],
                }
                for c in config.footer_columns[:4]
            ],
            "notice_href": urls.asset(NOTICE_PATH),
        },
        "banner": banner,
        "search_prompt": config.search_prompt,
        "home_href": home,
    }


def hash_text(text: str) -> int:
    """Stable across runs (unlike hash()), for reproducible output."""
    return zlib.crc32(text.encode("utf-8"))


# docs.json `seo.metatags` keys that are no <meta> of their own (or that the template writes)
_NOT_META = frozenset({"canonical", "charset", "viewport", "description", "title"})
_PROPERTY_PREFIXES = ("og:", "article:", "book:", "profile:", "music:", "video:", "fb:")


def _meta_attr(key: str) -> str:
    return "property" if key.startswith(_PROPERTY_PREFIXES) else "name"


def head_context(config: SiteConfig, record: PageRecord, options: BuildOptions) -> dict[str, Any]:
    """`<head>` data: title, description, canonical, Open Graph / Twitter tags, robots.

    Precedence (mdx-and-markdown.md §2, optimize/seo.mdx): page frontmatter > docs.json
    `seo.metatags` (and legacy `metadata`) > generated defaults; `twitter:*` falls back to
    `og:*`, then to the page title/description; `og:url` is the canonical URL.
    """
    publish = Publish.of(options, config.metatags)
    fm = record.frontmatter
    rendered = record.rendered
    title = rendered.title if rendered else ""
    metatags = dict(config.metatags)
    description = (
        (rendered.description if rendered else "")
        or metatags.get("description", "")
        or (config.description if record.site_path == "/" else "")
    )
    noindex = record.meta.noindex or (record.meta.hidden and config.seo_indexing != "all")

    canonical = text(fm.get("canonical"))
    if canonical is None and publish.public_base and options.mode == "hosted":
        stem = record.site_path.strip("/")
        canonical = publish.public_base + (stem + "/" if stem else "")
    elif canonical is None and options.mode == "offline" and absolute_base(options.base_url):
        stem = record.site_path.strip("/")
        canonical = absolute_base(options.base_url) + (stem + "/" if stem else "")

    # generated defaults
    values: dict[str, str] = {
        "og:type": "website",
        "og:site_name": config.name,
        "og:title": title or config.name,
        "application-name": config.name,
        "apple-mobile-web-app-title": config.name,
        "generator": "mintrender",
    }
    if config.colors.primary:
        values["msapplication-TileColor"] = config.colors.primary
    if description:
        values["og:description"] = description
    if canonical:
        values["og:url"] = canonical
    # docs.json, then the page
    for key, value in config.metatags:
        if key not in _NOT_META:
            values[key] = value
    for key, value in fm.items():
        scalar = text(value)
        if scalar is not None and (key.startswith(("og:", "twitter:")) or key == "robots"):
            values[key] = scalar
    if record.meta.keywords:
        values["keywords"] = ", ".join(record.meta.keywords)
    # images: absolute when the public URL is known
    for key in ("og:image", "twitter:image"):
        if key in values and values[key].startswith("/") and not values[key].startswith("//"):
            values[key] = publish.public(ROOT + values[key].lstrip("/"), record.output_path)
    if "og:image" in values:
        values.setdefault("og:image:width", "1200")
        values.setdefault("og:image:height", "630")
    # twitter:* falls back to og:*, then to the page
    values.setdefault("twitter:card", "summary_large_image" if "og:image" in values else "summary")
    for key in ("title", "description", "image"):
        fallback = values.get(f"og:{key}")
        if fallback and f"twitter:{key}" not in values:
            values[f"twitter:{key}"] = fallback
    if noindex:
        values.pop("robots", None)  # the template writes `<meta name="robots" content="noindex">`
    page_title = f"{title} - {config.name}" if title and title != config.name else config.name
    return {
        "title": page_title,
        "description": description,
        "canonical": canonical,
        "meta": [
            {"attr": _meta_attr(k), "key": k, "content": v}
            for k, v in sorted(values.items(), key=lambda kv: (_meta_attr(kv[0]), kv[0]))
        ],
        "noindex": noindex,
        "feed": publish.public(ROOT + feed_path(record.site_path), record.output_path)
        if wants_feed(record)
        else None,
    }


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
) -> None:
    """Template every page, write the theme, search, assets and extras, then swap OUT in."""

    base_path = base_path_of(options.base_url)
    writer = OutputWriter(options.out_dir, mode=options.mode, base_path=base_path)
    try:
        env = make_environment(config.docs_dir)
        sidebars = SidebarRenderer(env)
        ctx = RenderContext(config, config.config_file, urls, result.diagnostics)
        home = urls.page("/")
        site = site_context(config, urls, ctx, home)
        # the core bundle and the parts: see theme_files() and render_page_html()
        for name, text in theme_files().items():
            writer.write_text(f"{ASSET_DIR}/{name}", text)
        writer.write_text(NOTICE_PATH, notice_text())
        classes: set[str] = set()
        for record in result.pages:
            if record.rendered:
                classes.update(record.rendered.classes)
        # `html` prefix: author utilities must beat the theme's prose rules (e.g. `.mr-prose img`)
        utilities = generate_css(classes, important="html")
        writer.write_text(f"{ASSET_DIR}/utilities.css", utilities)

        for path, text in search.files.items():
            writer.write_text(path, text)
        search_urls = search.urls

        assets_base = {
            "css": [urls.asset(f"{ASSET_DIR}/mintrender.css")],
            "tailwind_css": urls.asset(f"{ASSET_DIR}/utilities.css") if utilities.strip() else None,
            "js": [urls.asset(f"{ASSET_DIR}/mintrender.js")],
            "user_css": [urls.asset(p) for p in sources.user_css],
            "user_js": [urls.asset(p) for p in sources.user_js],
        }
        job = _PageJob(
            env, site, navview, sidebars, assets_base, search_urls, options, config, writer
        )
        payloads = _write_pages(job, result.pages, progress)
        # children of closed sidebar groups, fetched when a reader opens one (renderer/sidebar.py)
        for name, text in sorted(payloads.items()):
            writer.write_text(f"{ASSET_DIR}/{name}", text)
        not_found = not_found_html(
            env, site, navview, assets_base, search_urls, options, config, writer.base_path
        )
        if options.mode == "hosted":
            writer.write_text("404.html", not_found)  # URLs already absolute (not_found_html)
        else:
            writer.write_page("404.html", not_found)
        if not any(r.site_path == "/" for r in result.pages):
            _write_root_redirect(navview, writer, config)
        for rel in sources.static:
            _copy_static(config, rel, writer, options)
        write_extras(options, config, result, writer, urls, slots, sources)
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    if options.zip:
        write_zip(options.out_dir, zip_path_for(options.out_dir))


def _copy_static(config: SiteConfig, rel: str, writer: OutputWriter, options: BuildOptions) -> None:
    """Copy a docs-folder file; user stylesheets get their root-relative `url()`s rewritten."""
    src = config.docs_dir / rel
    if rel.endswith(".css") and (options.mode == "offline" or writer.base_path != "/"):
        try:
            text = src.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            writer.copy_file(src, rel)
            return
        writer.write_text(
            rel, rewrite_css_urls(text, rel, mode=options.mode, base_path=writer.base_path)
        )
        return
    writer.copy_file(src, rel)


def language_of(nav: dict[str, Any]) -> str:
    for lang in nav.get("languages") or []:
        if lang.get("active"):
            return str(lang.get("code", ""))
    return ""


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
        "description": rendered.description,
        "description_html": (api.description_html if api is not None else "") or description_html,
        "eyebrow": eyebrow,
        "breadcrumbs": nav.get("breadcrumbs") or [],
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
) -> str:
    page = page_context(record, nav, config)
    head = head_context(config, record, options)
    page["contextual"] = contextual_options(
        config.raw.get("contextual"), record.frontmatter, record.site_path, head["canonical"]
    )
    parts = load_theme_parts()
    content = "".join(
        (page["body_html"], page["aside_html"], page["api_header_html"], page["description_html"])
    )
    drawn = record.rendered.drawn if record.rendered is not None else frozenset()
    needed = page_parts(content, page_flags(record, nav, page), parts, drawn)
    assets = with_parts(assets, needed, parts)
    template = env.get_template("api.html" if page["is_api"] or page["aside_html"] else "page.html")
    return share_svgs(
        merge_token_spans(
            template.render(
                site=site,
                nav=nav,
                page=page,
                head=head,
                assets=assets,
                root=ROOT,
                offline=options.mode == "offline",
            )
        )
    )


@dataclass(frozen=True, slots=True)
class _PageJob:
    """What writing one page needs."""

    env: jinja2.Environment
    site: dict[str, Any]
    navview: NavView
    sidebars: SidebarRenderer
    assets_base: dict[str, Any]
    search_urls: dict[str, str]
    options: BuildOptions
    config: SiteConfig
    writer: OutputWriter

    def write(self, record: PageRecord) -> None:
        nav = self.navview.view(record.ref)
        nav["sidebar_html"] = self.sidebars.for_page(
            nav["sidebar_key"], nav["sidebar"], nav["active_href"]
        )
        assets = dict(self.assets_base)
        search = self.search_urls
        assets["search_index_url"] = search.get(language_of(nav), search.get("", ""))
        html_text = render_page_html(
            self.env, self.site, nav, record, assets, self.options, self.config
        )
        self.writer.write_page(record.output_path, html_text)


def _write_pages(
    job: _PageJob, pages: list[PageRecord], progress: Progress | None
) -> dict[str, str]:
    """Template every page; return the sidebar payload files.

    This stays in one process: forked writers measured slower (copying the large heap costs
    more than the templates), unlike parse+render (build._render_forked).
    """
    for i, record in enumerate(pages):
        if progress:
            progress("write", i, len(pages))
        job.write(record)
    return job.sidebars.payload_files()


def root_redirect_target(navview: NavView) -> str | None:
    """Where `/` leads when the site has no `index.mdx`: its first navigation page (a URL with
    the ROOT placeholder), as Mintlify does; None when the navigation has no page."""
    target = navview.division_href(navview.nav.root)
    return None if target == "#" else target


def _write_root_redirect(navview: NavView, writer: OutputWriter, config: SiteConfig) -> None:
    """A site without `index.mdx` opens on its first navigation page, as Mintlify does."""
    target = root_redirect_target(navview)
    if target is None:
        return
    href = html.escape(target)
    writer.write_page(
        "index.html",
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(config.name)}</title>"
        f'<meta http-equiv="refresh" content="0; url={href}"><link rel="canonical" href="{href}">'
        '<meta name="robots" content="noindex"></head>'
        f'<body><p><a href="{href}">{html.escape(config.name)}</a></p></body></html>\n',
    )


def not_found_html(
    env: jinja2.Environment,
    site: dict[str, Any],
    navview: NavView,
    assets_base: dict[str, Any],
    search_urls: dict[str, str],
    options: BuildOptions,
    config: SiteConfig,
    base_path: str,
) -> str:
    """404.html. Hosted: final, with `base_path` (ending in "/") for ROOT and the redirect
    script; offline: still with ROOT (`OutputWriter.write_page` makes the URLs relative)."""
    nav = navview.view(None)
    parts = load_theme_parts()
    menu = any(nav.get(k) for k in ("languages", "products", "versions", "dropdowns", "menu"))
    flags = frozenset({"[menu]"} if menu else ())
    assets = with_parts(assets_base, page_parts('class="mr-not-found"', flags, parts), parts)
    assets["search_index_url"] = search_urls.get("", "")
    errors = config.errors_404
    description = str(
        errors.get("description") or "We couldn't find the page you were looking for."
    )
    page: dict[str, Any] = {
        "title": str(errors.get("title") or "Page not found"),
        "description": description,
        "description_html": html.escape(description),
        "eyebrow": "404",
        "breadcrumbs": [],
        "body_html": "",
        "toc": [],
        "mode": "default",
        "prev": None,
        "next": None,
        "hide_pagination": True,
        "is_api": False,
        "api_header_html": "",
        "aside_html": "",
        "deprecated": False,
        "tag": None,
        "url": "/404",
        "source_path": "",
    }
    head: dict[str, Any] = {
        "title": f"Page not found - {config.name}",
        "description": "",
        "canonical": None,
        "meta": [],
        "noindex": True,
    }
    text = share_svgs(
        env.get_template("404.html").render(
            site=site,
            nav=nav,
            page=page,
            head=head,
            assets=assets,
            root=ROOT,
            offline=options.mode == "offline",
        )
    )
    if options.mode == "hosted":
        # 404.html is served at any depth: keep absolute URLs (base path), never relative ones.
        text = text.replace(ROOT, base_path)
        script = not_found_script(config, base_path)
        if "</head>" in text:
            text = text.replace("</head>", f"<script>{script}</script>\n</head>", 1)
        else:
            text = f"<script>{script}</script>\n" + text
    return text


def not_found_script(config: SiteConfig, base_path: str) -> str:
    """Script of the hosted 404.html: wildcard redirects of docs.json, `/a/b` -> `/a/b/`, and
    `errors.404.redirect: true` (send the reader home)."""

    def page_url(path: str) -> str:
        stem = path.strip("/")
        return base_path + (stem + "/" if stem else "")

    script = client_script(redirect_rules(config), base_path, page_url)
    if config.errors_404.get("redirect") is True:
        home = json.dumps(base_path)
        script += f"location.replace({home});"
    return script
