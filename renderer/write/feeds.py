"""RSS 2.0 feeds of changelog pages: pages with `<Update>`s (or `rss: true`) get `<page>/rss.xml`,
an item per `<Update>`, or per heading in it, its content pure Markdown (feedtext.py).

```
<rss version="2.0"><channel><title>Changelog - Site</title><link>…/changelog/</link>
  <item><title>2024-10-11</title><link>…/changelog/#2024-10-11</link><guid>…</guid>
    <description>v0.1.0</description><category>Mintlify</category>
    <content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded></item>…
```

Links are absolute when the public URL is known (`--base-url`, docs.json's canonical), else
site-relative. Nothing depends on the time of the build (no `lastBuildDate`): rebuilds stay
byte-identical; an item has a `pubDate` when its label reads as a date.
"""

from __future__ import annotations

import datetime as dt
from email.utils import format_datetime
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from mintrender.model import flag
from mintrender.urls import ROOT
from mintrender.write.feedtext import Heading, plain_text, pure_markdown, split_at_headings

if TYPE_CHECKING:
    from mintrender.load.config import SiteConfig
    from mintrender.model import BuildResult, PageRecord, Publish, UpdateEntry
    from mintrender.urls import UrlBuilder
    from mintrender.write.files import OutputWriter

_DATE_FORMATS = ("%Y-%m-%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%B %Y", "%b %Y", "%Y/%m/%d")


def wants_feed(record: PageRecord) -> bool:
    """Does the page get an RSS feed? Every page with `<Update>` entries does ("Use `Update`
    components to create a subscribable RSS feed at your page URL with `/rss.xml` appended"),
    and a page that asks with `rss: true`."""
    drawn = record.rendered.drawn if record.rendered is not None else frozenset()
    return "Update" in drawn or shows_feed_button(record)


def shows_feed_button(record: PageRecord) -> bool:
    """Does the page show an RSS button by its title (`rss: true` frontmatter)?"""
    return flag(record.frontmatter.get("rss"))


def feed_path(site_path: str) -> str:
    """Output path of a page's feed: `/changelog` -> `changelog/rss.xml`."""
    stem = site_path.strip("/")
    return f"{stem}/rss.xml" if stem else "rss.xml"


def write_feeds(
    config: SiteConfig,
    result: BuildResult,
    writer: OutputWriter,
    urls: UrlBuilder,
    publish: Publish,
) -> None:
    """One feed per page with `<Update>`s or `rss: true` (a file the author put there wins)."""
    for record in result.pages:
        if record.rendered is None or not wants_feed(record):
            continue
        path = feed_path(record.site_path)
        if not writer.exists(path):
            text = feed_xml(config, record.unpacked(), urls, publish, path)
            writer.write_text(path, text)


def feed_xml(
    config: SiteConfig, record: PageRecord, urls: UrlBuilder, publish: Publish, path: str
) -> str:
    """The RSS 2.0 document of one page."""
    assert record.rendered is not None
    rendered = record.rendered
    title = f"{rendered.title} - {config.name}" if rendered.title else config.name
    page_url = publish.public(urls.page(record.site_path), path)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:atom="http://www.w3.org/2005/Atom">',
        "<channel>",
        f"<title>{escape(title)}</title>",
        f"<link>{escape(page_url)}</link>",
        f"<description>{escape(rendered.description or title)}</description>",
        f'<atom:link href="{escape(publish.public(ROOT + path, path))}" rel="self"'
        ' type="application/rss+xml"/>',
        "<generator>mintrender</generator>",
    ]
    for entry in rendered.updates:
        lines.extend(_items(entry, record, urls, publish, path))
    lines += ["</channel>", "</rss>"]
    return "\n".join(lines) + "\n"


def _items(
    entry: UpdateEntry, record: PageRecord, urls: UrlBuilder, publish: Publish, path: str
) -> list[str]:
    """An `<Update>`'s feed items: one per Markdown heading in it (and one for the text
    before the first, under the label), or one for the whole entry when it has no heading
    or says what its item is (`rss={{title, description}}`)."""
    content = publish.public(entry.html, path)
    parts = split_at_headings(content)
    if entry.rss_title or entry.rss_description or len(parts) == 1:
        return [_item(entry, record, urls, publish, path, None, content)]
    items = []
    for heading, fragment in parts:
        if heading is not None or plain_text(pure_markdown(fragment)):
            items.append(_item(entry, record, urls, publish, path, heading, fragment))
    return items


def _item(
    entry: UpdateEntry,
    record: PageRecord,
    urls: UrlBuilder,
    publish: Publish,
    path: str,
    heading: Heading | None,
    fragment: str,
) -> str:
    """One item: the entry's (`heading` None) or one of its headings', its content pure
    Markdown (`pure_markdown`)."""
    anchor = heading.anchor if heading is not None else entry.anchor
    link = publish.public(urls.page(record.site_path, anchor=anchor), path)
    content = pure_markdown(fragment)
    if heading is not None:
        title, summary = heading.text, plain_text(content)[:500]
    else:
        title = entry.rss_title or entry.label
        summary = entry.rss_description or entry.description or plain_text(content)[:500]
    parts = [
        "<item>",
        f"<title>{escape(title)}</title>",
        f"<link>{escape(link)}</link>",
        f'<guid isPermaLink="{"true" if "://" in link else "false"}">{escape(link)}</guid>',
        f"<description>{escape(summary)}</description>",
    ]
    parts += [f"<category>{escape(tag)}</category>" for tag in entry.tags]
    date = _date(entry.label)
    if date is not None:
        parts.append(f"<pubDate>{format_datetime(date)}</pubDate>")
    parts.append(f"<content:encoded>{escape(content)}</content:encoded>")
    parts.append("</item>")
    return "".join(parts)


def _date(label: str) -> dt.datetime | None:
    text = label.strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).replace(tzinfo=dt.timezone.utc)
        except ValueError:
            continue
    return None
