"""Server recipes written beside a hosted site: what a static host needs to know that files
cannot say (the 404 page, docs.json redirects as real HTTP redirects).

* `_redirects`: Netlify and Cloudflare Pages read it from the site's root folder.
* `nginx.conf`: a snippet to `include` in an nginx `server { }` block.

Both are written for the base path (`--base-url`), and only when the author has not put a file
of the same name in the docs folder. Redirects that neither format can say (`:slug*` in the
middle of a path) stay with the 404 page, which evaluates them in the browser.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mintrender.load.redirects import Rule, compile_rules, normalize_path, substitute
from mintrender.urls import is_external

if TYPE_CHECKING:
    from mintrender.load.config import SiteConfig
    from mintrender.model import Publish
    from mintrender.write.files import OutputWriter

NGINX_PATH = "nginx.conf"
_NETLIFY_TOKEN = re.compile(r":([A-Za-z_]\w*)([*+?]?)|\*")


def write_deploy_files(config: SiteConfig, writer: OutputWriter, publish: Publish) -> None:
    rules = compile_rules(config.redirects)
    if not writer.exists("_redirects"):
        writer.write_text("_redirects", netlify_redirects(rules, publish.base_path))
    if not writer.exists(NGINX_PATH):
        writer.write_text(NGINX_PATH, nginx_snippet(rules, publish.base_path))


def _prefixed(base: str, path: str) -> str:
    """`/docs/` + `/a/b` -> `/docs/a/b` (external URLs unchanged)."""
    if is_external(path):
        return path
    return base.rstrip("/") + ("/" + path.lstrip("/") if path.strip("/") else "/")


def _status(rule: Rule) -> int:
    """Mintlify's statuses (navigation.md §2): 308, or 307 when not `permanent`; unlike 301 and
    302, a client keeps the method (a POST stays a POST)."""
    return 308 if rule.permanent else 307


def netlify_redirects(rules: list[Rule], base: str) -> str:
    """Netlify / Cloudflare Pages `_redirects`: docs.json redirects, then the 404 page."""
    lines = [
        "# Written by mintrender for Netlify and Cloudflare Pages: docs.json redirects, then",
        "# the 404 page. Served at " + base,
    ]
    for rule in rules:
        source = normalize_path(rule.source)
        destination = rule.destination
        if not rule.concrete:
            translated = _netlify_pattern(source, destination)
            if translated is None:
                lines.append(f"# {rule.source} -> {rule.destination}: left to 404.html")
                continue
            source, destination = translated
        # the file's fields are split at white space: a space in a path is written `%20`
        fields = [_prefixed(base, source), _prefixed(base, destination)]
        lines.append(" ".join(f.replace(" ", "%20") for f in fields) + f" {_status(rule)}")
    lines.append(f"{_prefixed(base, '/*').replace('//', '/')} {_prefixed(base, '/404.html')} 404")
    return "\n".join(lines) + "\n"


def _netlify_pattern(source: str, destination: str) -> tuple[str, str] | None:
    """`/old/:slug` stays; a trailing `*` or `:rest*` becomes `*` and `:splat`; else None."""
    tokens = list(_NETLIFY_TOKEN.finditer(source))
    splat = ""
    for i, m in enumerate(tokens):
        last = i == len(tokens) - 1 and m.end() == len(source)
        if m.group() == "*" or m.group(2) in ("*", "+"):
            if not last:
                return None
            splat = m.group()
        elif m.group(2) == "?":
            return None
    if splat:
        source = source[: len(source) - len(splat)] + "*"
        destination = destination.replace(splat, ":splat")
    return source, destination


def nginx_snippet(rules: list[Rule], base: str) -> str:
    """An nginx snippet: the folder at `base`, its 404 page, docs.json redirects."""
    prefix = base.rstrip("/")
    lines = [
        "# Written by mintrender: include it in your nginx `server { }` block, e.g.",
        "#     include /srv/docs/nginx.conf;",
        "# and set `root` below to the folder that holds this site.",
        "",
        f"location {base} {{",
        f"    {'root /srv;' if prefix else 'root /srv/docs;'}"
        + (f"  # this site's files are in /srv{prefix}/" if prefix else ""),
        "    try_files $uri $uri/ =404;",
        f"    error_page 404 {prefix}/404.html;",
        "}",
    ]
    for rule in rules:
        if rule.regex is None:
            regex = "^" + re.escape(normalize_path(rule.source)) + "/?$"
            target = rule.destination
        else:
            regex = rule.regex
            target = substitute(rule.destination, rule.names, [f"${i + 1}" for i in range(9)])
        regex = "^" + re.escape(prefix) + regex[1:] if prefix else regex
        # `return` (not `rewrite ... permanent`, which answers 301): the captures are the if's
        lines.append(
            f'if ($uri ~ "{regex}") {{ return {_status(rule)} "{_prefixed(base, target)}"; }}'
        )
    return "\n".join(lines) + "\n"
