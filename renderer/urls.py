"""Every internal URL goes through `UrlBuilder`; the writer resolves the ROOT placeholder per page."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from typing import Literal
from urllib.parse import unquote

from mintrender.hints import PathIndex
from mintrender.safeurl import is_safe_url

ROOT = "\x1e"
ASSET_DIR = "_mintrender"
"""The folder of the site that holds mintrender's own files (theme bundles, search, notices)."""
"""Placeholder for the site root, replaced per page by the writer (base path or `../..`)."""
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
Mode = Literal["hosted", "offline"]


def site_path_for(rel_path: str) -> str:
    """`a/b.mdx` -> `/a/b`; `index.mdx` -> `/`; `guides/index.mdx` -> `/guides`."""
    stem = rel_path.rsplit(".", 1)[0] if rel_path.endswith((".mdx", ".md")) else rel_path
    stem = stem.strip("/")
    if stem == "index":
        return "/"
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return "/" + stem


def output_path_for(site_path: str) -> str:
    """`/a/b` -> `a/b/index.html`; `/` -> `index.html`."""
    stem = site_path.strip("/")
    return f"{stem}/index.html" if stem else "index.html"


def markdown_path_for(site_path: str) -> str:
    """The Markdown copy of a page: `/a/b` -> `a/b.md`; `/` -> `index.md`."""
    stem = site_path.strip("/")
    return f"{stem}.md" if stem else "index.md"


def base_path_of(base_url: str) -> str:
    """`https://x.com/docs/` or `/docs` -> `/docs/`; empty -> `/`."""
    if not base_url:
        return "/"
    if "://" in base_url:
        rest = base_url.split("://", 1)[1]
        path = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
    else:
        path = base_url
    path = path.split("?", 1)[0].split("#", 1)[0]
    path = "/" + path.strip("/") + "/"
    return "/" if path == "//" else path


def absolute_base(base_url: str) -> str:
    """`https://x.com/docs` -> `https://x.com/docs/`; "" when `base_url` has no scheme/host."""
    if not base_url.startswith(("http://", "https://")):
        return ""
    scheme, rest = base_url.split("://", 1)
    host = rest.split("/", 1)[0]
    if not host:
        return ""
    return f"{scheme}://{host}{base_path_of(base_url)}"


def is_external(href: str) -> bool:
    return bool(_EXTERNAL.match(href))


BUILT_FILES = frozenset({"llms.txt", "llms-full.txt", "sitemap.xml", "robots.txt"})
"""Files every build writes at the site's root (write/llms.py, write/crawl.py): links to them
are links to the site."""


class UrlBuilder:
    """Turns site paths and author hrefs into URLs for the chosen output mode."""

    def __init__(
        self,
        mode: Mode = "hosted",
        pages: frozenset[str] = frozenset(),
        files: frozenset[str] = frozenset(),
        redirects: Mapping[str, str] | None = None,
        safe: bool = False,
    ) -> None:
        self.mode = mode
        self.safe = safe
        """`--safe`: an author link with an unsafe scheme (`javascript:`...) becomes `#`."""
        self.pages = pages
        """Site paths of every page (`/a/b`)."""
        self.files = files
        """POSIX paths of every static file in the docs folder."""
        self.redirects: Mapping[str, str] = redirects if redirects is not None else {}
        """docs.json redirects: source site path -> final destination
        (`load.redirects.RedirectTargets`, wildcard sources matched too). A link to a source
        goes straight to its destination."""
        self._nearest: PathIndex | None = None
        """`nearest`'s index of the pages and files, made at its first question."""
        self._nearest_file: PathIndex | None = None
        """`nearest`'s index of the files alone, for a link to a file name."""
        self._near: dict[str, str | None] = {}

    def page(self, site_path: str, anchor: str = "") -> str:
        stem = _url_safe(site_path.strip("/"))
        if self.mode == "offline":
            url = ROOT + (f"{stem}/index.html" if stem else "index.html")
        else:
            url = ROOT + (f"{stem}/" if stem else "")
        return url + (f"#{anchor}" if anchor else "")

    def asset(self, rel_path: str) -> str:
        return ROOT + docs_file(rel_path)

    def markdown(self, site_path: str) -> str:
        """URL of a page's Markdown copy: `/a/b` -> "\x1ea/b.md"."""
        return ROOT + _url_safe(markdown_path_for(site_path))

    def resolve(self, href: str, from_rel_path: str = "") -> tuple[str, bool]:
        """(url, known): `known` is False for an internal link to nothing we have."""
        url, known = self._resolve(href, from_rel_path)
        if self.safe and not (is_safe_url(href) and is_safe_url(url)):  # `java\tscript:` too
            return "#", True
        return url, known

    def _resolve(self, href: str, from_rel_path: str) -> tuple[str, bool]:
        href = href.strip()
        if not href or href.startswith("#") or is_external(href):
            return href, True
        if "\\" in href or "%5C" in href.upper():
            # browsers read `\` as `/` in http(s) and file URLs, so `\images\x.png` works on
            # Mintlify; markdown-it has percent-encoded it already
            href = re.sub(r"\\|%5[cC]", "/", href)
        path, hash_sep, fragment = href.partition("#")
        path, query_sep, query = path.partition("?")
        suffix = (f"?{query}" if query_sep else "") + (f"#{fragment}" if hash_sep else "")
        path = _absolute(path, from_rel_path)
        if path.endswith((".mdx", ".md")):
            stem = path.rsplit(".", 1)[0]
            path = stem if stem in self.pages or stem == "/index" else path
        rel = path.lstrip("/")
        if rel in self.files or rel in BUILT_FILES or ("%" in rel and unquote(rel) in self.files):
            return self.asset(rel) + suffix, True
        if rel.endswith("rss.xml"):  # a page's feed (`rss: true`, write/feeds.py)
            stem = ("/" + rel[: -len("rss.xml")]).rstrip("/")
            if not stem or stem in self.pages:
                return self.asset(rel) + suffix, True
        site = path.rstrip("/") or "/"
        if site.endswith("/index"):
            site = site[: -len("/index")] or "/"
        if "%" in site and site not in self.pages:
            site = unquote(site)  # `/my%20page`, `/%C3%BCber`: the page `my page.mdx`, `über`
        known = site in self.pages or site == "/"  # the root: the home page, or one to it
        if not known and site in self.redirects:
            target = self.redirects[site]
            if is_external(target):
                return target, True
            dest_path, dest_hash, dest_frag = target.partition("#")
            dest = dest_path.rstrip("/") or "/"
            frag = f"#{dest_frag}" if dest_hash else (f"#{fragment}" if hash_sep else "")
            query_part = f"?{query}" if query_sep else ""
            if dest.lstrip("/") in self.files:
                return self.asset(dest) + query_part + frag, True
            return self.page(dest) + query_part + frag, dest in self.pages or dest == "/"
        if not known and _FILE_NAME.search(site):  # a file served beside the docs: as written
            return self.asset(rel) + suffix, False
        return self.page(site) + suffix, known

    def link(self, href: str, from_rel_path: str = "") -> str:
        return self.resolve(href, from_rel_path)[0]

    def nearest(self, href: str, from_rel_path: str = "") -> str | None:
        """The page or file closest to a link that resolved to nothing (`/guides/configure`
        -> `/guides/configuration`), or None when nothing is close."""
        path = _absolute(href.strip().split("#", 1)[0].split("?", 1)[0], from_rel_path)
        site = path.rstrip("/") or "/"
        if site.endswith((".mdx", ".md")):
            site = site.rsplit(".", 1)[0]
        if site in self._near:
            return self._near[site]
        if _FILE_NAME.search(site):  # `/images/x.png`: a file, never a page
            if self._nearest_file is None:
                self._nearest_file = PathIndex("/" + f for f in self.files)
            found = self._near[site] = self._nearest_file.closest(site)
            return found
        if self._nearest is None:
            candidates = [*self.pages, *("/" + f for f in self.files)]
            # the home page is close to every short path: never a useful guess
            self._nearest = PathIndex(c for c in candidates if c != "/")
        found = self._near[site] = self._nearest.closest(site)
        return found


_FILE_NAME = re.compile(r"/[^/]*\.(?=[^./]*[A-Za-z])[A-Za-z0-9]{1,8}\Z")
"""A path whose last segment has a file extension (`report.pdf`, `x.tar.gz`; not `v1.2`)."""


def _absolute(path: str, from_rel_path: str) -> str:
    """An author's link path made absolute from the page it is on, normalised."""
    if not path.startswith("/"):
        base = posixpath.dirname(from_rel_path)
        path = "/" + posixpath.normpath(posixpath.join(base, path)).lstrip("./")
    return posixpath.normpath(path) if path != "/" else path


def relative_root(output_path: str) -> str:
    """Prefix from an output file back to the site root: `a/b/index.html` -> `../../`."""
    depth = output_path.count("/")
    return "../" * depth


def _url_safe(path: str) -> str:
    """A site path in a URL: `%`, `?` and `#`, which a page's path may hold (Mintlify keeps `?`
    in an endpoint's URL), percent-encoded, so they are the path's and not a query's; so are a
    space, a backslash (a browser reads it as `/`), quotes, `<`, `>` and control characters,
    which no URL holds as they are (`my page.mdx`: `/my%20page/`, a valid sitemap `<loc>`)."""
    return percent_encode(path, _URL_UNSAFE)


def percent_encode(text: str, chars: re.Pattern[str]) -> str:
    """`text` with each character `chars` matches written as its UTF-8 bytes, `%XX`."""
    if chars.search(text) is None:
        return text
    return chars.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), text)


_URL_UNSAFE = re.compile(r'[%?# \\"<>`{}|^\x00-\x1f\x7f]')


def docs_file(path: str) -> str:
    """A file docs.json names (a logo, a favicon) as a path in the docs folder: `./logo.svg`,
    `/logo.svg` and `logo.svg` are one file (Blockscout writes `./`); `..` stays inside."""
    return posixpath.normpath("/" + path.strip()).lstrip("/") if path.strip() else ""
