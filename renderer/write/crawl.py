"""What crawlers and old links see: indexable pages, sitemap.xml, robots.txt, redirect pages."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from mintrender.load.redirects import Rule, compile_rules, plan_redirect_pages, redirect_page
from mintrender.model import Publish

if TYPE_CHECKING:
    from mintrender.load.config import SiteConfig
    from mintrender.load.nav import PageSlot
    from mintrender.model import BuildResult, PageRecord
    from mintrender.urls import UrlBuilder
    from mintrender.write.files import OutputWriter


def is_in_navigation(slot: PageSlot) -> bool:
    return not slot.hidden or bool(slot.searchable)


def indexable(
    config: SiteConfig, result: BuildResult, slots: list[PageSlot], *, for_sitemap: bool
) -> list[PageRecord]:
    """Pages for sitemap.xml / llms.txt, in navigation order, then the rest by path."""
    listed: dict[str, PageSlot] = {}
    for slot in slots:
        if is_in_navigation(slot):
            listed.setdefault(slot.ref, slot)
    everything = config.seo_indexing == "all"
    by_ref = {r.ref: r for r in result.pages if r.rendered is not None}
    out: list[PageRecord] = []
    seen: set[str] = set()

    def ok(record: PageRecord) -> bool:
        if record.meta.noindex and (for_sitemap or not everything):
            return False
        if record.meta.hidden and not everything:
            return False
        return True

    for ref in listed:
        record = by_ref.get(ref)
        if record is not None and record.site_path not in seen and ok(record):
            seen.add(record.site_path)
            out.append(record)
    if everything:
        rest = sorted(
            (r for r in result.pages if r.rendered is not None and r.site_path not in seen),
            key=lambda r: r.site_path,
        )
        out.extend(r for r in rest if ok(r))
    return out


GENERATED_FILES = (
    "sitemap.xml",
    "robots.txt",
    "llms.txt",
    "llms-full.txt",
    "404.html",
    "_redirects",
    "nginx.conf",
    ".nojekyll",
)
"""Files the build writes after the redirect pages (or may): a redirect never replaces one."""


def redirect_rules(config: SiteConfig) -> list[Rule]:
    return compile_rules(config.redirects)


def write_redirect_pages(
    config: SiteConfig,
    result: BuildResult,
    writer: OutputWriter,
    urls: UrlBuilder,
    publish: Publish,
) -> int:
    """One page per concrete redirect source; returns how many were written."""
    planned = plan_redirect_pages(
        config.redirects,
        {r.site_path for r in result.pages},
        urls,
        result.diagnostics,
        config.config_file,
        lambda index: redirect_position(config, index),
    )
    written = 0
    later = set(GENERATED_FILES)
    for page in planned:
        if writer.exists(page.out_path):
            continue
        out = page.out_path
        folders = out.split("/")[:-1]  # `favicon.ico/index.html`: a folder named like a file
        above = ["/".join(folders[: i + 1]) for i in range(len(folders))]
        if writer.collides(out) or any(f in later for f in above):
            line, col = redirect_position(config, page.index)
            source = "/" + "/".join(folders)
            result.diagnostics.warning(
                config.config_file,
                line,
                col,
                "redirect-shadowed",
                f"redirect source {source!r} is a file of the site (or below one); the file "
                "is kept and no redirect page is written",
            )
            continue
        html_page = redirect_page(
            publish.for_file(page.target, out), publish.public(page.target, out)
        )
        writer.write_text(out, html_page)
        written += 1
    return written


def redirect_position(config: SiteConfig, index: int) -> tuple[int, int]:
    """Line and column of `redirects[index]` in the config file."""
    try:
        return config.locate(("redirects", index))
    except Exception:  # noqa: BLE001 - a $ref'd redirects file has no positions
        return 1, 1


def write_sitemap(
    config: SiteConfig,
    result: BuildResult,
    writer: OutputWriter,
    urls: UrlBuilder,
    publish: Publish,
    slots: list[PageSlot],
) -> None:
    if writer.exists("sitemap.xml"):
        return
    pages = indexable(config, result, slots, for_sitemap=True)
    locs = sorted({publish.public(urls.page(p.site_path), "sitemap.xml") for p in pages})
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    lines += [f"<url><loc>{html.escape(loc)}</loc></url>" for loc in locs]
    lines.append("</urlset>")
    writer.write_text("sitemap.xml", "\n".join(lines) + "\n")


def write_robots(writer: OutputWriter, publish: Publish) -> None:
    if writer.exists("robots.txt"):
        return
    lines = ["User-agent: *", "Allow: /"]
    if publish.public_base:
        lines.append(f"Sitemap: {publish.public_base}sitemap.xml")
    writer.write_text("robots.txt", "\n".join(lines) + "\n")
