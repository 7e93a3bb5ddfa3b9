"""Remote files the docs ask for (images, stylesheets, fonts, scripts, OpenAPI specs): each URL
downloaded once and kept in an on-disk cache between builds.

The cache lives in `--cache-dir` (or `$MINTRENDER_CACHE_DIR`), by default the user cache folder (`$XDG_CACHE_HOME` or
`~/.cache` on Linux, `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on Windows) under
`mintrender/downloads/`. A cached URL is never fetched again, so a site builds the same without
network once its files were fetched. Each entry is named by a hash of its URL: the same URL gets
the same local name in every build and on every machine.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mintrender.cache import default_cache_root
from mintrender.model import Safety

USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0 Safari/537.36 mintrender"
)
"""Sent with every download: font services answer a browser like this with WOFF2 files."""
MAX_BYTES = 50 * 1024 * 1024
"""A download larger than this is refused (the site keeps the remote URL)."""
_TYPES = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/avif": ".avif",
    "image/svg+xml": ".svg",
    "image/x-icon": ".ico",
    "image/vnd.microsoft.icon": ".ico",
    "text/css": ".css",
    "font/woff2": ".woff2",
    "font/woff": ".woff",
    "font/ttf": ".ttf",
    "font/otf": ".otf",
    "application/font-woff": ".woff",
    "application/javascript": ".js",
    "text/javascript": ".js",
    "application/json": ".json",
    "application/yaml": ".yaml",
    "text/yaml": ".yaml",
    "video/mp4": ".mp4",
    "video/webm": ".webm",
}
NETWORK_ENV = "MINTRENDER_NETWORK"
"""`off` (or `0`): downloads come from the cache only; `loopback`: only from this machine (the
test suite sets it, so that no test reaches the network)."""
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def default_cache_dir() -> Path:
    """`$MINTRENDER_CACHE_DIR`, else the user cache folder of mintrender (the platform's
    convention)."""
    return default_cache_root()


def is_remote(url: str) -> bool:
    """An http(s) URL, or a protocol-relative one (`//host/x`)."""
    return url.startswith(("http://", "https://", "//")) and not url.startswith("///")


def absolute_url(url: str) -> str:
    return "https:" + url if url.startswith("//") else url


@dataclass(frozen=True, slots=True)
class Download:
    """A remote file in the cache."""

    url: str
    path: Path
    """The cached file."""
    name: str
    """Deterministic file name for the site: URL hash, then the URL's own name."""
    content_type: str

    def text(self) -> str:
        return self.path.read_bytes().decode("utf-8-sig", errors="replace")


class Downloads:
    """The download cache. `fetch` answers from the cache, else from the network (when allowed);
    a URL that could not be had is remembered with its reason and not tried again in this run."""

    def __init__(
        self,
        cache_dir: Path | None = None,
        *,
        network: bool = True,
        timeout: float = 15.0,
        refresh: bool = False,
    ) -> None:
        self.root = (cache_dir or default_cache_dir()) / "downloads"
        self.network = network and os.environ.get(NETWORK_ENV, "").lower() not in ("0", "off")
        self.timeout = timeout
        self.refresh = refresh
        """Fetch each URL again (`--no-cache`), the cached copy kept for when that fails."""
        self.failures: dict[str, str] = {}
        """URL -> why it is not available."""
        self._found: dict[str, Download] = {}

    def fetch(self, url: str) -> Download | None:
        url = absolute_url(url)
        if url in self._found:
            return self._found[url]
        if url in self.failures:
            return None
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:20]
        data_path, meta_path = self.root / f"{key}.bin", self.root / f"{key}.json"
        content_type = ""
        cached = data_path.is_file() and meta_path.is_file()
        if cached and not (self.refresh and self.network):
            content_type = _cached_type(meta_path)
        elif not self.network:
            self.failures[url] = "not in the download cache and the network is off"
            return None
        else:
            try:
                data, content_type = self._download(url)
            except (OSError, ValueError) as exc:  # URLError is an OSError
                if not cached:
                    self.failures[url] = str(getattr(exc, "reason", None) or exc)
                    return None
                content_type = _cached_type(meta_path)  # refreshing failed: the last copy
            else:
                self._store(data_path, data)
                self._store(meta_path, json.dumps({"url": url, "type": content_type}).encode())
        found = Download(url, data_path, _site_name(url, key, content_type), content_type)
        self._found[url] = found
        return found

    def fetch_many(self, urls: Iterable[str], workers: int = 8) -> None:
        """Fetch several URLs side by side (a first offline build of a site with hundreds of
        remote images); `fetch` then answers each from memory."""
        todo = sorted({absolute_url(u) for u in urls} - self._found.keys() - self.failures.keys())
        if len(todo) < 2:
            return
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(self.fetch, todo))

    def _download(self, url: str) -> tuple[bytes, str]:
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"not an http(s) URL: {url}")
        if os.environ.get(NETWORK_ENV) == "loopback" and urlsplit(url).hostname not in _LOOPBACK:
            raise ValueError(f"{NETWORK_ENV}=loopback: only this machine may be asked")
        import urllib.request  # start-up time: most runs fetch nothing (http.client, email)

        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
            data = response.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise ValueError(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
            content_type = response.headers.get_content_type() or ""
        return data, content_type

    def _store(self, path: Path, data: bytes) -> None:
        """Write atomically: builds running side by side share the cache."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".part-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _cached_type(meta_path: Path) -> str:
    """The content type a cached download was served with ("" when unreadable)."""
    try:
        return str(json.loads(meta_path.read_text("utf-8")).get("type", ""))
    except (OSError, ValueError):
        return ""


def _site_name(url: str, key: str, content_type: str) -> str:
    """`<hash>-<name><ext>`: the URL's last path segment, made safe, with a known extension."""
    path = unquote(urlsplit(url).path)
    stem, ext = posixpath.splitext(posixpath.basename(path))
    stem = _SAFE_NAME.sub("-", stem).strip("-.")[:40] or "file"
    ext = ext.lower() if re.fullmatch(r"\.[a-z0-9]{1,5}", ext.lower()) else ""
    ext = ext or _TYPES.get(content_type, "")
    return f"{key[:12]}-{stem}{ext}"


def spec_downloads(
    safe: Safety | None, cache_dir: Path | None = None, *, refresh: bool = False
) -> Downloads | None:
    """The download cache of specs given as URLs (build, serve, check); none for `--safe`;
    `refresh`: fetched again (`--no-cache`)."""
    if safe is not None and not safe.remote_specs:
        return None
    return Downloads(cache_dir, refresh=refresh)
