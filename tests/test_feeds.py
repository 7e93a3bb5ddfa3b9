"""RSS 2.0 feeds of changelog pages (`<Update>`s), read back with a real feed parser."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitekit import build_site, minimal_config, write_site

feedparser = pytest.importorskip("feedparser", reason="feedparser is a test dependency")

CHANGELOG = """---
title: Changelog
description: What changed
rss: true
---

<Update label="2024-10-11" description="v0.2.0" tags={["API", "SDK"]}>
  Added **bold** things, see [the guide](/guide).

  ```bash
  pip install x
  ```
</Update>

<Update label="June 2024" rss={{ title: "Summer release", description: "Plain words" }}>
  <Note>A component</Note>
</Update>
"""


def _build(tmp_path: Path, **kw: object) -> Path:
    docs = write_site(
        tmp_path / "d",
        {
            "changelog.mdx": CHANGELOG,
            "guide.mdx": "---\ntitle: Guide\n---\nHi\n",
            "plain.mdx": "---\ntitle: Plain\n---\n<Update label='x'>y</Update>\n",
        },
        minimal_config(["changelog", "guide", "plain"]),
    )
    result = build_site(docs, tmp_path / "out", **kw)
    assert not [d for d in result.diagnostics if d.severity == "error"]
    return tmp_path / "out"


def test_feed_has_an_item_per_update(tmp_path: Path) -> None:
    out = _build(tmp_path, base_url="https://docs.example.com/docs")
    feed = feedparser.parse((out / "changelog" / "rss.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    assert feed.feed.title == "Changelog - Test"
    assert feed.feed.link == "https://docs.example.com/docs/changelog/"
    first, second = feed.entries
    assert first.title == "2024-10-11"
    assert first.link == "https://docs.example.com/docs/changelog/#2024-10-11"
    assert first.summary == "v0.2.0"
    assert [t.term for t in first.tags] == ["API", "SDK"]
    assert first.published_parsed[:3] == (2024, 10, 11)
    content = first.content[0].value
    assert "<strong>bold</strong>" in content
    assert 'href="https://docs.example.com/docs/guide/"' in content
    assert "pip install" not in content  # "pure Markdown only": no code blocks (update.mdx)
    assert second.title == "Summer release" and second.summary == "Plain words"
    assert second.published_parsed[:2] == (2024, 6)
    page = (out / "changelog" / "index.html").read_text()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Changelog - Test" '
        'href="https://docs.example.com/docs/changelog/rss.xml">' in page
    )
    assert 'class="mr-page-rss" href="https://docs.example.com/docs/changelog/rss.xml"' in page
    # every page with `<Update>`s has a feed ("Use Update components to create a subscribable
    # RSS feed"); `rss: true` adds the button by the title
    plain_feed = feedparser.parse((out / "plain" / "rss.xml").read_bytes())
    assert not plain_feed.bozo and [e.title for e in plain_feed.entries] == ["x"]
    plain = (out / "plain" / "index.html").read_text()
    assert 'type="application/rss+xml" title="Plain - Test"' in plain
    assert "mr-page-rss" not in plain
    # a page without `<Update>`s has none
    assert not (out / "guide" / "rss.xml").exists()
    guide = (out / "guide" / "index.html").read_text()
    assert "application/rss+xml" not in guide and "mr-page-rss" not in guide


def test_feed_without_a_public_url_uses_site_paths(tmp_path: Path) -> None:
    out = _build(tmp_path)
    feed = feedparser.parse((out / "changelog" / "rss.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert [e.link for e in feed.entries] == ["/changelog/#2024-10-11", "/changelog/#june-2024"]
    assert 'href="/changelog/rss.xml"' in (out / "changelog" / "index.html").read_text()


def test_an_update_with_headings_is_an_item_per_heading_in_pure_markdown(tmp_path: Path) -> None:
    """components/update.mdx: "Updates with Markdown headings create a separate RSS feed entry
    for each heading", and entries "contain pure Markdown only--components, code blocks,
    inline code, and raw HTML elements are not included". An Update was one item, carrying
    the callout's icon, the code block's copy button and the theme's classes."""
    page = (
        "---\ntitle: Changelog\n---\n\n"
        '<Update label="March 2025" description="v2.0.0" tags={["API"]}>\n'
        "  Intro with a [link](https://x.example) and **bold**.\n\n"
        "  ## New dashboard\n\n  Redesigned with `inline code`.\n\n  - one\n  - two\n\n"
        "  ## API changes\n\n  <Note>Breaking.</Note>\n\n  After the note <span>raw</span>.\n\n"
        "  ```bash\n  npm i x\n  ```\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n"
        "</Update>\n"
    )
    docs = write_site(tmp_path / "d", {"changelog.mdx": page}, minimal_config(["changelog"]))
    build_site(docs, tmp_path / "out", base_url="https://docs.example.com/")
    feed = feedparser.parse((tmp_path / "out" / "changelog" / "rss.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    titles = [(e.title, e.link.rsplit("#", 1)[1]) for e in feed.entries]
    assert titles == [
        ("March 2025", "march-2025"),
        ("New dashboard", "new-dashboard"),
        ("API changes", "api-changes"),
    ]
    intro, dashboard, api = (e.content[0].value for e in feed.entries)
    assert intro == (
        '<p>Intro with a <a href="https://x.example">link</a> and <strong>bold</strong>.</p>'
    )
    assert (
        dashboard.replace("\n", "") == "<p>Redesigned with .</p><ul><li>one</li><li>two</li></ul>"
    )
    assert api.replace("\n", "") == (
        "<p>After the note .</p><table><thead><tr><th>a</th><th>b</th></tr></thead>"
        "<tbody><tr><td>1</td><td>2</td></tr></tbody></table>"
    )
    assert all([t.term for t in e.tags] == ["API"] for e in feed.entries)
    assert all(e.published_parsed[:2] == (2025, 3) for e in feed.entries)
