"""The banner, navbar and footer of the page template context (`site.banner|navbar|footer`):
the site's, and each language's own where its `navigation.languages` entry sets them."""

from __future__ import annotations

import html
import zlib
from typing import TYPE_CHECKING, Any

from mintrender.load.jsonpos import format_path
from mintrender.render.sanitize import sanitize_html
from mintrender.safeurl import is_safe_url
from mintrender.urls import is_external
from mintrender.write.notice import NOTICE_PATH

if TYPE_CHECKING:
    from mintrender.load.chrome import Chrome
    from mintrender.load.config import SiteConfig
    from mintrender.load.nav import Navigation, PageSlot
    from mintrender.model import Safety
    from mintrender.render.context import RenderContext
    from mintrender.urls import UrlBuilder

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


def hash_text(text: str) -> int:
    """Stable across runs (unlike hash()), for reproducible output."""
    return zlib.crc32(text.encode("utf-8"))


def chrome_context(
    chrome: Chrome, urls: UrlBuilder, ctx: RenderContext, safe: Safety | None = None
) -> dict[str, Any]:
    """`banner`, `navbar` and `footer` of the `site` template context, for `chrome`."""
    banner = None
    if chrome.banner:
        content = chrome.banner.content
        try:
            banner_html = ctx.markdown(content, inline=True)
        except Exception as exc:  # the pages are still written, the banner as plain text
            ctx.diagnostics.internal(ctx.src_path, 0, "rendering the banner of", exc)
            banner_html = html.escape(content)
        banner = {
            "html": banner_html if safe is None else sanitize_html(banner_html, safe),
            "dismissible": chrome.banner.dismissible,
            "type": chrome.banner.type,
            "color": chrome.banner.color,
            # a dismissed banner stays dismissed until its text changes (another language's
            # banner says something else: it has its own key)
            "key": str(abs(hash_text(content))),
        }
    links = []
    for link in chrome.navbar_links:
        icon_name = link.icon or link.type
        links.append(
            {
                "label": link.label,
                "href": urls.link(link.href),
                "icon_html": ctx.icon(icon_name) if icon_name else "",
                "external": is_external(link.href),
                "type": link.type,
                "aria": str(icon_name or "").replace("-", " ").capitalize(),  # icon alone
            }
        )
    primary = None
    if chrome.navbar_primary:
        p = chrome.navbar_primary
        primary = {
            "label": p.label,
            "href": urls.link(p.href),
            "type": p.type,
            "icon_html": ctx.icon(p.type) if p.type in ("github", "discord") else "",
        }
    return {
        "navbar": {"links": links, "primary": primary},
        "footer": {
            "socials": [
                {
                    "platform": k,
                    "href": v if not urls.safe or is_safe_url(v) else "#",
                    "icon_html": _social_icon(ctx, k, (*chrome.footer_at, "socials", k)),
                }
                for k, v in chrome.footer_socials
            ],
            "columns": [
                {
                    "header": c.header,
                    "items": [{"label": lbl, "href": urls.link(h)} for lbl, h in c.items],
                }
                for c in chrome.footer_columns[:4]
            ],
            "notice_href": urls.asset(NOTICE_PATH),
        },
        "banner": banner,
    }


class SiteContexts:
    """The `site` context of every page: the site's own (`site`), or for a page listed under a
    language that sets `banner`, `footer` or `navbar`, that language's over it. Made once per
    build, before pages are written (a language's banner is Markdown, rendered here once).

    `site.chrome_key` tells the contexts apart (the theme's `{% cache %}` parts that read the
    banner, navbar or footer are keyed by it): "" for the site's, the language entry's place in
    docs.json otherwise."""

    def __init__(
        self,
        site: dict[str, Any],
        config: SiteConfig,
        navigation: Navigation,
        urls: UrlBuilder,
        ctx: RenderContext,
        safe: Safety | None = None,
    ) -> None:
        self.site = site
        self._languages: dict[tuple[object, ...], dict[str, Any]] = {}
        for language in navigation.languages():
            if language.chrome is None:
                continue
            chrome = config.chrome.over(language.chrome)
            self._languages[language.json_path] = {
                **site,
                **chrome_context(chrome, urls, ctx, safe),
                "chrome_key": format_path(language.json_path),
            }

    def for_slot(self, slot: PageSlot | None) -> dict[str, Any]:
        """The `site` context of the page at `slot` (a page outside navigation: the site's)."""
        language = slot.language if slot is not None else None
        if language is None:
            return self.site
        return self._languages.get(language.json_path, self.site)


def _social_icon(ctx: RenderContext, platform: str, path: tuple[Any, ...]) -> str:
    """The icon of a `footer.socials` platform; an unknown one is reported at its key."""
    line, column = ctx.site.locate(path)
    return ctx.icon(SOCIAL_ICONS.get(platform, platform), line=line, column=column)
