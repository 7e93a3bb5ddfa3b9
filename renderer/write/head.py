"""A page's `<head>` data: title, description, canonical URL, Open Graph / Twitter tags, robots
and its feed link."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mintrender.model import Publish, text
from mintrender.urls import ROOT, absolute_base, markdown_path_for
from mintrender.write.feeds import feed_path, shows_feed_button, wants_feed

if TYPE_CHECKING:
    from mintrender.load.config import SiteConfig
    from mintrender.model import BuildOptions, PageRecord


# docs.json `seo.metatags` keys that are no <meta> of their own (or that the template writes)
_NOT_META = frozenset({"canonical", "charset", "viewport", "description", "title"})
_PROPERTY_PREFIXES = ("og:", "article:", "book:", "profile:", "music:", "video:", "fb:")


def _meta_attr(key: str) -> str:
    return "property" if key.startswith(_PROPERTY_PREFIXES) else "name"


def head_context(
    config: SiteConfig, record: PageRecord, options: BuildOptions, nav_hidden: bool = False
) -> dict[str, Any]:
    """`<head>` data: title, description, canonical, Open Graph / Twitter tags, robots
    (`nav_hidden`: the page is listed only under hidden tabs or groups, `NavView.nav_hidden`,
    which keeps crawlers away as `hidden: true` does).

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
    hidden = record.meta.hidden or nav_hidden
    noindex = record.meta.noindex or (hidden and config.seo_indexing != "all")

    canonical = text(fm.get("canonical"))
    base = canonical_base(options, publish)
    if canonical is None and base:
        stem = record.site_path.strip("/")
        canonical = base + (stem + "/" if stem else "")

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
        "feed_button": shows_feed_button(record),
        # the page's Markdown copy (Mintlify: "every page exposes a <link rel=alternate>")
        "markdown": publish.public(ROOT + markdown_path_for(record.site_path), record.output_path)
        if record.rendered is not None
        else None,
    }


def canonical_base(options: BuildOptions, publish: Publish) -> str:
    """The absolute address pages' canonical URLs start with ("" when none is known): the
    public base of a hosted site, an offline one's absolute `--base-url`."""
    if options.mode == "hosted":
        return publish.public_base
    return absolute_base(options.base_url) if options.mode == "offline" else ""
