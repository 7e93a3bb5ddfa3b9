"""Write stage: theme templates around every page, assets, search index, 404 — then the swap."""

from __future__ import annotations

import html
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from renderer.context import RenderContext
from renderer.highlight import pygments_css
from renderer.output import ASSET_DIR, OutputWriter, bundle_theme
from renderer.urls import ROOT, UrlBuilder, is_external
from themes import theme_dir

if TYPE_CHECKING:
    from renderer.build import BuildOptions, BuildResult, PageRecord, Progress
    from renderer.config import SiteConfig
    from renderer.nav import PageSlot
    from renderer.navview import NavView
    from renderer.sources import SourceFiles

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


def make_environment(docs_dir: Path) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    override = docs_dir / "_theme"
    if override.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(override)))
    loaders.append(jinja2.FileSystemLoader(str(theme_dir("mint") / "templates")))
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


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
        },
        "banner": banner,
        "search_prompt": config.search_prompt,
        "home_href": home,
    }


def hash_text(text: str) -> int:
    """Stable across runs (unlike hash()), for reproducible output."""
    import zlib

    return zlib.crc32(text.encode("utf-8"))


def head_context(config: SiteConfig, record: PageRecord, options: BuildOptions) -> dict[str, Any]:
    fm = record.frontmatter
    rendered = record.rendered
    title = rendered.title if rendered else ""
    description = rendered.description if rendered else ""
    meta: dict[tuple[str, str], str] = {}
    for key, value in config.metatags:
        if key == "canonical":
            continue
        attr = "property" if key.startswith("og:") else "name"
        meta[(attr, key)] = value
    meta[("property", "og:title")] = f"{title} - {config.name}" if title else config.name
    if description:
        meta[("name", "description")] = description
        meta[("property", "og:description")] = description
    meta[("property", "og:site_name")] = dict(config.metatags).get("og:site_name", config.name)
    for key, value in fm.items():
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            if key.startswith("og:"):
                meta[("property", key)] = str(value)
            elif key.startswith("twitter:") or key == "robots":
                meta[("name", key)] = str(value)
    keywords = fm.get("keywords")
    if isinstance(keywords, list):
        meta[("name", "keywords")] = ", ".join(str(k) for k in keywords)
    noindex = fm.get("noindex") is True or fm.get("hidden") is True
    if noindex:
        meta[("name", "robots")] = "noindex"
    canonical = None
    base = options.base_url or dict(config.metatags).get("canonical", "")
    if isinstance(fm.get("canonical"), str):
        canonical = fm["canonical"]
    elif base.startswith(("http://", "https://")):
        stem = record.site_path.strip("/")
        canonical = base.rstrip("/") + "/" + (stem + "/" if stem else "")
    return {
        "title": f"{title} - {config.name}" if title and title != config.name else config.name,
        "description": description,
        "canonical": canonical,
        "meta": [{"attr": a, "key": k, "content": v} for (a, k), v in sorted(meta.items())],
        "noindex": noindex,
    }


def write_site(
    options: BuildOptions,
    config: SiteConfig,
    sources: SourceFiles,
    result: BuildResult,
    navview: NavView,
    urls: UrlBuilder,
    slots: list[PageSlot],
    timings: dict[str, float],
    progress: Progress | None,
) -> None:
    from renderer.searchindex import build_indexes
    from renderer.tailwind import generate_css

    base_path = _base_path(options.base_url)
    writer = OutputWriter(options.out_dir, mode=options.mode, base_path=base_path)
    try:
        env = make_environment(config.docs_dir)
        ctx = RenderContext(config, config.config_file, urls, result.diagnostics)
        home = urls.page("/")
        site = site_context(config, urls, ctx, home)
        static = theme_dir("mint") / "static"
        css = bundle_theme(static, "css") + "\n/* pygments */\n" + pygments_css()
        writer.write_text(f"{ASSET_DIR}/mintrender.css", css)
        writer.write_text(f"{ASSET_DIR}/mintrender.js", bundle_theme(static, "js"))
        classes: set[str] = set()
        for record in result.pages:
            if record.rendered:
                classes.update(record.rendered.classes)
        # `html` prefix: author utilities must beat the theme's prose rules (e.g. `.mr-prose img`)
        utilities = generate_css(classes, important="html")
        writer.write_text(f"{ASSET_DIR}/utilities.css", utilities)

        t = time.perf_counter()
        search_urls = build_indexes(config, result, slots, navview, writer)
        timings["index"] = time.perf_counter() - t

        assets_base = {
            "css": [urls.asset(f"{ASSET_DIR}/mintrender.css")],
            "tailwind_css": urls.asset(f"{ASSET_DIR}/utilities.css") if utilities.strip() else None,
            "js": [urls.asset(f"{ASSET_DIR}/mintrender.js")],
            "user_css": [urls.asset(p) for p in sources.user_css],
            "user_js": [urls.asset(p) for p in sources.user_js],
        }
        for i, record in enumerate(result.pages):
            if progress:
                progress("write", i, len(result.pages))
            nav = navview.view(record.ref)
            assets = dict(assets_base)
            assets["search_index_url"] = search_urls.get(_language_of(nav), search_urls.get("", ""))
            html_text = render_page_html(env, site, nav, record, assets, options, config)
            writer.write_page(record.output_path, html_text)
        _write_404(env, site, navview, assets_base, search_urls, writer, options, config)
        for rel in sources.static:
            writer.copy_file(config.docs_dir / rel, rel)
        from renderer.extras import write_extras

        write_extras(options, config, result, writer, urls)
        writer.commit()
    except BaseException:
        writer.abort()
        raise


def _language_of(nav: dict[str, Any]) -> str:
    for lang in nav.get("languages") or []:
        if lang.get("active"):
            return str(lang.get("code", ""))
    return ""


def _base_path(base_url: str) -> str:
    if not base_url:
        return "/"
    if "://" in base_url:
        rest = base_url.split("://", 1)[1]
        path = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
    else:
        path = base_url
    path = "/" + path.strip("/") + "/"
    return "/" if path == "//" else path


def page_context(record: PageRecord, nav: dict[str, Any], config: SiteConfig) -> dict[str, Any]:
    rendered = record.rendered
    assert rendered is not None
    fm = record.frontmatter
    mode = fm.get("mode") if fm.get("mode") in ("wide", "custom", "frame", "center") else "default"
    api = record.api
    description_html = ""
    if rendered.description:
        description_html = html.escape(rendered.description)
    eyebrow = nav.get("eyebrow") or ""
    if config.eyebrows == "breadcrumbs":
        eyebrow = " / ".join(nav.get("breadcrumbs") or [])
    aside = getattr(api, "aside_html", "") if api is not None else ""
    examples = "".join(rendered.examples.get(k, "") for k in ("request", "response"))
    return {
        "title": rendered.title,
        "description": rendered.description,
        "description_html": getattr(api, "description_html", "") or description_html,
        "eyebrow": eyebrow,
        "breadcrumbs": nav.get("breadcrumbs") or [],
        "body_html": rendered.body_html
        + (getattr(api, "body_html", "") if api is not None else ""),
        "toc": [{"id": e.id, "text": e.text, "level": e.level} for e in rendered.toc],
        "mode": mode,
        "prev": None if fm.get("hideFooterPagination") is True else nav.get("prev"),
        "next": None if fm.get("hideFooterPagination") is True else nav.get("next"),
        "hide_pagination": fm.get("hideFooterPagination") is True,
        "is_api": api is not None,
        "api_header_html": getattr(api, "header_html", "") if api is not None else "",
        "aside_html": (aside or examples or rendered.panel_html) if mode == "default" else "",
        "deprecated": fm.get("deprecated") is True,
        "tag": fm.get("tag") if isinstance(fm.get("tag"), str) else None,
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
    template = env.get_template("api.html" if page["is_api"] or page["aside_html"] else "page.html")
    return template.render(
        site=site,
        nav=nav,
        page=page,
        head=head_context(config, record, options),
        assets=assets,
        root=ROOT,
        offline=options.mode == "offline",
    )


def _write_404(
    env: jinja2.Environment,
    site: dict[str, Any],
    navview: NavView,
    assets_base: dict[str, Any],
    search_urls: dict[str, str],
    writer: OutputWriter,
    options: BuildOptions,
    config: SiteConfig,
) -> None:
    nav = navview.view(None)
    assets = dict(assets_base)
    assets["search_index_url"] = search_urls.get("", "")
    errors = config.errors_404
    page = {
        "title": str(errors.get("title") or "Page not found"),
        "description": str(
            errors.get("description") or "We couldn't find the page you were looking for."
        ),
        "description_html": "",
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
    head = {
        "title": f"Page not found - {config.name}",
        "description": "",
        "canonical": None,
        "meta": [],
        "noindex": True,
    }
    text = env.get_template("404.html").render(
        site=site,
        nav=nav,
        page=page,
        head=head,
        assets=assets,
        root=ROOT,
        offline=options.mode == "offline",
    )
    if options.mode == "hosted":
        # 404.html is served at any depth: keep absolute URLs (base path), never relative ones.
        writer.write_text("404.html", text.replace(ROOT, writer.base_path))
    else:
        writer.write_page("404.html", text)
