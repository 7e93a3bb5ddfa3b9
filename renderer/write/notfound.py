"""The pages a site has besides its own: 404.html (with the hosted redirect script) and the
root page that sends readers to the first navigation page when there is no `index.mdx`."""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING, Any

from markupsafe import escape

from mintrender.index.sections import IndexKey, index_url, manifest_url
from mintrender.load.redirects import client_script
from mintrender.render.sanitize import sanitize_html
from mintrender.urls import ROOT
from mintrender.write.crawl import redirect_rules
from mintrender.write.theme import fill, load_theme_parts, page_parts, with_parts
from mintrender.write.weight import share_svgs

if TYPE_CHECKING:
    import jinja2

    from mintrender.load.config import SiteConfig
    from mintrender.model import BuildOptions, Safety
    from mintrender.render.context import RenderContext
    from mintrender.render.navview import NavView
    from mintrender.write.files import OutputWriter


def root_redirect_target(navview: NavView) -> str | None:
    """Where `/` leads when the site has no `index.mdx`: its first navigation page (a URL with
    the ROOT placeholder), as Mintlify does, in the `default` version and language; None when
    the navigation has no page."""
    chain = navview.default_divisions()
    target = navview.division_href(chain[-1] if chain else navview.nav.root)
    if target == "#":  # the default division holds no page
        target = navview.division_href(navview.nav.root)
    return None if target == "#" else target


def write_root_redirect(navview: NavView, writer: OutputWriter, config: SiteConfig) -> None:
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


_DEFAULT_DESCRIPTION = "We couldn't find the page you were looking for."


def not_found_description(
    config: SiteConfig, ctx: RenderContext, safe: Safety | None = None
) -> str:
    """docs.json's `errors.404.description` as HTML: it "supports Markdown formatting"
    (Mintlify's custom 404 page guide); "" without one."""
    description = config.errors_404.get("description")
    if not isinstance(description, str) or not description.strip():
        return ""
    try:
        rendered = ctx.markdown(description, inline=True)
    except Exception as exc:  # the 404 page is still written, its text as written
        ctx.diagnostics.internal(ctx.src_path, 0, "rendering errors.404.description of", exc)
        return html.escape(description)
    return rendered if safe is None else sanitize_html(rendered, safe)


def not_found_html(
    env: jinja2.Environment,
    site: dict[str, Any],
    navview: NavView,
    assets_base: dict[str, Any],
    search_urls: dict[IndexKey, str],
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
    assets["search_index_url"] = index_url(search_urls, "")
    assets["search_all"] = manifest_url(search_urls)
    errors = config.errors_404
    description = str(errors.get("description") or _DEFAULT_DESCRIPTION)
    page: dict[str, Any] = {
        "title": str(errors.get("title") or "Page not found"),
        "description": description,
        "description_html": site.get("not_found_html") or str(escape(description)),
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
    offline = options.mode == "offline"
    text = share_svgs(
        fill(env, "404.html", offline, site=site, nav=nav, page=page, head=head, assets=assets)
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
