"""Static files of the docs folder copied into the site (`copy_static`), and remote assets made
local (`--offline`, `--no-remote-assets`): images, stylesheets, fonts and
scripts that pages, custom CSS and docs.json (logos, favicons) load from other hosts are
downloaded into `_mintrender/remote/` and the references rewritten, so that the site makes no
request to a third party. A file that cannot be had keeps its remote URL, with one warning.

Like the MkDocs-Material privacy plugin: `<img>`, `<source>`, `<video>`, `<audio>`, `<track>`,
`<script src>`, SVG `<image>` and `<link rel=icon|stylesheet|preload|...>` in every page; in
stylesheets (custom CSS and downloaded CSS) `@import` and `url()`, recursively.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from mintrender.errors import Diagnostics
from mintrender.load.remote import Download, Downloads, absolute_url, is_remote
from mintrender.model import PageRecord
from mintrender.urls import ASSET_DIR, ROOT
from mintrender.write.files import OutputWriter, rewrite_css_urls

if TYPE_CHECKING:
    from mintrender.load.config import SiteConfig
    from mintrender.model import BuildOptions, BuildResult

REMOTE_DIR = f"{ASSET_DIR}/remote"
"""Where downloaded files go in the site."""
_TAG = re.compile(r"<(img|source|video|audio|track|script|image|link|input)\b[^>]*>", re.I)
_ATTR = re.compile(r'(\s(?:src|srcset|poster|href|xlink:href)=")([^"]*)(")', re.I)
_STYLE = re.compile(r'(\sstyle=")([^"]*url\([^"]*)"', re.I)
_LINK_REL = re.compile(r'\srel="([^"]*)"', re.I)
_ASSET_RELS = {"icon", "shortcut", "apple-touch-icon", "stylesheet", "preload", "mask-icon"}
_CSS_REF = re.compile(
    r"""@import\s+(?:url\(\s*)?(?:(?P<q1>["'])(?P<imp>[^"']+)(?P=q1)|(?P<imp2>[^"')\s;]+))"""
    r"""\s*\)?|url\(\s*(?P<q2>["']?)(?P<url>[^"')]+)(?P=q2)\s*\)""",
    re.I,
)


class RemoteAssets:
    """Downloads remote files once per build and says where each one lives in the site."""

    def __init__(self, downloads: Downloads, diagnostics: Diagnostics) -> None:
        self.downloads = downloads
        self.diagnostics = diagnostics
        self.files: dict[str, bytes] = {}
        """Site path under REMOTE_DIR -> content, written by the caller at the end."""
        self._local: dict[str, str | None] = {}

    def local_path(self, url: str, referrer: str) -> str | None:
        """Site path (`_mintrender/remote/<name>`) of the downloaded `url`; None when it cannot
        be had (warned once, naming the first file that asked for it)."""
        url = absolute_url(url)
        if url in self._local:
            return self._local[url]
        self._local[url] = None  # a stylesheet importing itself stops here
        found = self.downloads.fetch(url)
        if found is None:
            reason = self.downloads.failures.get(url, "unavailable")
            self.diagnostics.warning(
                referrer,
                0,
                0,
                "remote-asset",
                f"{url} could not be downloaded ({reason}); the site keeps the remote URL",
            )
            return None
        path = f"{REMOTE_DIR}/{found.name}"
        self._local[url] = path
        self.files[path] = self._content(found, path, referrer)
        return path

    def _content(self, found: Download, path: str, referrer: str) -> bytes:
        if found.content_type == "text/css" or found.name.endswith(".css"):
            return self.rewrite_css(found.text(), path, referrer, base_url=found.url).encode()
        return found.path.read_bytes()

    # -- HTML ----------------------------------------------------------------------------------
    def prefetch(self, texts: Iterable[str]) -> None:
        """Download the remote assets of these pages side by side, before they are written."""
        found: set[str] = set()
        for text in texts:
            if "//" not in text:
                continue
            for m in _TAG.finditer(text):
                for a in _ATTR.finditer(m.group()):
                    for part in a.group(2).split(","):
                        url = html.unescape(part.strip().split(" ")[0])
                        if is_remote(url):
                            found.add(url)
        self.downloads.fetch_many(found)

    def rewrite_html(self, text: str, referrer: str) -> str:
        """Remote asset URLs of a page (still holding ROOT placeholders) -> `ROOT_mintrender/..`."""

        def tag(m: re.Match[str]) -> str:
            markup = m.group()
            if m.group(1).lower() == "link":
                rel = _LINK_REL.search(markup)
                if rel is None or not set(rel.group(1).lower().split()) & _ASSET_RELS:
                    return markup
            return _ATTR.sub(
                lambda a: a.group(1) + self._attr(a.group(2), referrer) + a.group(3), markup
            )

        if "//" not in text:
            return text
        text = _TAG.sub(tag, text)
        return _STYLE.sub(lambda m: m.group(1) + self._style(m.group(2), referrer) + '"', text)

    def _style(self, value: str, referrer: str) -> str:
        """`style="background: url(https://…)"` -> the downloaded file (ROOT-relative)."""
        css = html.unescape(value)

        def ref(m: re.Match[str]) -> str:
            url = m.group("url") or ""
            if m.group("url") is None or not is_remote(url):
                return m.group()
            local = self.local_path(url, referrer)
            return m.group() if local is None else f'url("{ROOT}{local}")'

        return html.escape(_CSS_REF.sub(ref, css))

    def _attr(self, value: str, referrer: str) -> str:
        if "," in value and " " in value.strip():  # a srcset
            return ", ".join(self._attr(part.strip(), referrer) for part in value.split(","))
        url, sep, descriptor = value.partition(" ")
        raw = html.unescape(url)
        if not is_remote(raw):
            return value
        local = self.local_path(raw, referrer)
        return value if local is None else ROOT + local + sep + descriptor

    # -- CSS -----------------------------------------------------------------------------------
    def rewrite_css(self, text: str, css_path: str, referrer: str, *, base_url: str = "") -> str:
        """Remote `@import`s and `url()`s of a stylesheet written at `css_path` -> relative paths
        to the downloaded files (relative URLs of a downloaded stylesheet resolve on its host)."""
        css_dir = posixpath.dirname(css_path) or "."

        def ref(m: re.Match[str]) -> str:
            url = m.group("imp") or m.group("imp2") or m.group("url")
            is_import = m.group("url") is None
            target = urljoin(base_url, url) if base_url and not url.startswith("data:") else url
            if not is_remote(target):
                return m.group()
            local = self.local_path(target, referrer)
            if local is None:
                return m.group().replace(url, target) if target != url else m.group()
            new = posixpath.relpath(local, css_dir)
            if is_import:
                return f'@import url("{new}")'
            return f'url("{new}")'

        return _CSS_REF.sub(ref, text)


def remote_assets(
    options: BuildOptions, config: SiteConfig, result: BuildResult, writer: OutputWriter
) -> RemoteAssets | None:
    """`--offline` / `--no-remote-assets`: the downloader, hooked into every page written;
    docs.json's logos and favicons are fetched first, so their warnings name docs.json."""
    if not options.downloads_assets:
        return None
    downloads = Downloads(options.cache_dir, refresh=not options.cache)  # --no-cache: again
    assets = RemoteAssets(downloads, result.diagnostics)
    for url in (config.logo.light, config.logo.dark, config.favicon, config.favicon_dark):
        if url and is_remote(url):
            assets.local_path(url, config.config_file)
    assets.prefetch(
        text
        for r in map(PageRecord.unpacked, result.pages)
        if r.rendered is not None
        for text in (
            r.rendered.body_html,
            *((r.api.header_html, r.api.body_html, r.api.aside_html) if r.api else ()),
        )
    )
    source_of = {r.output_path: r.rel_path for r in result.pages}
    writer.localize = lambda text, out: assets.rewrite_html(text, source_of.get(out, out))
    return assets


def copy_static(
    config: SiteConfig,
    rel: str,
    writer: OutputWriter,
    options: BuildOptions,
    assets: RemoteAssets | None = None,
) -> None:
    """Copy a docs-folder file; user stylesheets get their root-relative `url()`s rewritten
    (and their remote ones made local when assets are downloaded)."""
    src = config.docs_dir / rel
    if rel.endswith(".css") and (
        options.mode == "offline" or writer.base_path != "/" or assets is not None
    ):
        try:
            text = src.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            writer.copy_file(src, rel)
            return
        if assets is not None:
            text = assets.rewrite_css(text, rel, rel)
        writer.write_text(
            rel,
            rewrite_css_urls(
                text,
                rel,
                mode=options.mode,
                base_path=writer.base_path,
                drop_remote_imports=assets is None,  # else: failed downloads keep their URL
            ),
        )
        return
    writer.copy_file(src, rel)
