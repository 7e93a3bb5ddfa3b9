"""Is a URL safe to publish from content nobody vetted? Read the way a browser reads it.

Browsers decode character references, drop every ASCII tab and newline anywhere in a URL, and
trim C0 control characters and spaces at both ends before they look at the scheme, so
`java&#x09;script:`, ` JAVASCRIPT:` and `\\x01javascript:` all run script. The scheme is taken
after the same normalisation, then checked against an allowlist.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""Schemes a link or an embed may use (no `javascript:`, `data:`, `vbscript:`, `file:` ...)."""
_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))
_TAB_NEWLINE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_DATA_IMAGE = re.compile(
    r"^data:image/(?:png|jpe?g|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon|svg\+xml)[;,]", re.I
)


def normalise_url(url: str) -> str:
    """The URL as a browser's URL parser starts reading it (references decoded, trimmed)."""
    return _TAB_NEWLINE.sub("", html.unescape(url).strip(_C0_AND_SPACE))


def url_scheme(url: str) -> str | None:
    """The lower-case scheme after browser normalisation; None for a relative URL."""
    m = _SCHEME.match(normalise_url(url))
    return m.group(1).lower() if m else None


def runs_script(url: str) -> bool:
    """A `javascript:` or `vbscript:` URL (after browser normalisation): a link that runs
    script, left out of every page, `--safe` or not."""
    return url_scheme(url) in ("javascript", "vbscript")


def is_safe_url(url: str, *, image: bool = False) -> bool:
    """A relative URL or one with a safe scheme; `image` also allows `data:image/...`
    (an image cannot run script)."""
    scheme = url_scheme(url)
    if scheme is None or scheme in SAFE_SCHEMES:
        return True
    return image and scheme == "data" and bool(_DATA_IMAGE.match(normalise_url(url)))


def host_allowed(url: str, hosts: tuple[str, ...]) -> bool:
    """Is `url` an http(s) URL on one of `hosts` or a subdomain of one?"""
    text = normalise_url(url)
    if text.startswith("//"):
        text = "https:" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    host = (parts.hostname or "").rstrip(".").lower()
    if parts.scheme.lower() not in ("http", "https") or not host:
        return False
    return any(host == h or host.endswith("." + h) for h in hosts)
