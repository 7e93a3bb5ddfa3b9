"""docs.json `redirects` for a static site.

* A concrete source (`/old/page`) becomes a small page at `old/page/index.html`: meta refresh,
  canonical link, and a script that keeps the URL's `#hash`. Chains of concrete redirects are
  followed at build time, so every page points straight at its final target.
* A source with parameters (`/beta/:slug*`, `/agent/:page`, `/articles/concepts-*`) cannot be a
  file: it goes into a small table that `404.html` evaluates in the browser (`client_script`).

Pattern syntax (Mintlify / path-to-regexp): `:name` one path segment, `:name*` zero or more
segments, `:name+` one or more, `:name?` an optional segment, `*` anything (possibly several
segments). Captured values are substituted into the destination by the same tokens.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

from mintrender.errors import Diagnostics
from mintrender.urls import UrlBuilder, is_external, output_path_for

_TOKEN = re.compile(r":([A-Za-z_][A-Za-z0-9_]*)([*+?]?)|\*")


@dataclass(frozen=True, slots=True)
class Rule:
    source: str
    destination: str
    permanent: bool
    index: int
    """Position in docs.json `redirects`, for diagnostics."""
    regex: str | None
    """JavaScript- and Python-compatible pattern for wildcard sources; None when concrete."""
    names: tuple[str, ...] = ()
    """Capture names in order (`*` for a bare star)."""

    @property
    def concrete(self) -> bool:
        return self.regex is None


@lru_cache(maxsize=8192)
def normalize_path(path: str) -> str:
    """`/a/b/`, `/a/b/index.html`, `a/b` -> `/a/b`; `/` stays `/`. (Cached: `match` compares
    every rule's source for every path, hundreds of times on a site with many redirects.)"""
    path = path.split("#", 1)[0].split("?", 1)[0].strip()
    if not path.startswith("/"):
        path = "/" + path
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html") and path != "/.html":
        path = path[: -len(".html")]
    path = re.sub(r"/{2,}", "/", path)
    return path.rstrip("/") or "/"


def compile_source(source: str) -> tuple[str | None, tuple[str, ...]]:
    """Pattern for a source with wildcards (None for a concrete path) and its capture names."""
    src = normalize_path(source)
    if not _TOKEN.search(src):
        return None, ()
    names: list[str] = []
    out = ["^"]
    pos = 0
    for m in _TOKEN.finditer(src):
        literal = src[pos : m.start()]
        pos = m.end()
        if m.group() == "*":
            out.append(re.escape(literal))
            out.append("(.*)")
            names.append("*")
            continue
        name, mod = m.group(1), m.group(2)
        names.append(name)
        if mod in ("*", "?") and literal.endswith("/"):
            # `/beta/:slug*` also matches `/beta`
            out.append(re.escape(literal[:-1]))
            out.append("(?:/(.*))?" if mod == "*" else "(?:/([^/]+))?")
        else:
            out.append(re.escape(literal))
            out.append({"": "([^/]+)", "+": "(.+)", "*": "(.*)", "?": "([^/]*)"}[mod])
    out.append(re.escape(src[pos:]))
    out.append("/?$")
    # re.escape escapes `/` and `-` only where needed in Python >= 3.7: both fine for JS too
    return "".join(out), tuple(names)


_ORIGIN = re.compile(r"^[a-z][a-z0-9+.-]*://[^/]*", re.I)


def source_path(source: str) -> str:
    """A redirect's source as a path: a full URL (`https://docs.example.com/old`, which some
    mint.json files hold) is its path, as only the site's own paths reach it."""
    return _ORIGIN.sub("", source.strip()) or "/"


def compile_rules(redirects: Sequence[object]) -> list[Rule]:
    """`config.redirects` (objects with source, destination, permanent) -> rules in order."""
    rules = []
    for i, r in enumerate(redirects):
        source = source_path(str(getattr(r, "source", "")))
        destination = str(getattr(r, "destination", "")).strip()
        if not source or not destination or "#" in source or "?" in source:
            continue  # no request holds a fragment or a query to match (config warned)
        regex, names = compile_source(source)
        rules.append(
            Rule(source, destination, bool(getattr(r, "permanent", True)), i, regex, names)
        )
    return rules


def substitute(destination: str, names: Sequence[str], values: Sequence[str | None]) -> str:
    """Put captured values into the destination (`:slug*`, `:page`, `*` in order)."""
    by_name = {n: (v or "") for n, v in zip(names, values, strict=False) if n != "*"}
    stars = [(v or "") for n, v in zip(names, values, strict=False) if n == "*"]
    star_i = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal star_i
        if m.group() == "*":
            value = stars[star_i] if star_i < len(stars) else (stars[-1] if stars else "")
            star_i += 1
            return value
        return by_name.get(m.group(1), m.group())

    if is_external(destination):
        scheme, rest = destination.split("://", 1) if "://" in destination else ("", destination)
        host, _, path = rest.partition("/")
        path = _TOKEN.sub(repl, "/" + path)
        return f"{scheme}://{host}{path}" if scheme else host + path
    out = _TOKEN.sub(repl, destination)
    return re.sub(r"(?<!:)/{2,}", "/", out)


def match(rules: Sequence[Rule], path: str) -> tuple[Rule, str] | None:
    """The first rule matching `path` and the destination it gives (as the browser would)."""
    p = normalize_path(path)
    for rule in rules:
        if rule.concrete:
            if normalize_path(rule.source) == p:
                return rule, rule.destination
            continue
        assert rule.regex is not None
        m = _pattern(rule.regex).match(p)
        if m:
            return rule, substitute(rule.destination, rule.names, m.groups())
    return None


@functools.cache
def _pattern(regex: str) -> re.Pattern[str]:
    """A rule's pattern, compiled once: past 512 rules `re.match`'s own cache thrashed and
    every look-up compiled again (1,000 wildcard rules took a minute)."""
    return re.compile(regex)


Finder = Callable[[str], "tuple[Rule, str] | None"]


def matcher(rules: Sequence[Rule]) -> Finder:
    """`match(rules, path)` for many paths: concrete sources are looked up, not scanned."""
    first: dict[str, int] = {}
    for i, rule in enumerate(rules):
        if rule.concrete:
            first.setdefault(normalize_path(rule.source), i)
    wild = [
        (i, rule, _pattern(rule.regex or "")) for i, rule in enumerate(rules) if not rule.concrete
    ]

    def find(path: str) -> tuple[Rule, str] | None:
        p = normalize_path(path)
        at = first.get(p, len(rules))
        for i, rule, pattern in wild:  # a wildcard rule before the concrete one wins
            if i > at:
                break
            m = pattern.match(p)
            if m:
                return rule, substitute(rule.destination, rule.names, m.groups())
        return (rules[at], rules[at].destination) if at < len(rules) else None

    return find


def final_destination(
    rules: Sequence[Rule], destination: str, limit: int = 64, find: Finder | None = None
) -> str | None:
    """Follow redirect chains from `destination`; None on a loop (a path met again, or `limit`
    hops: a wildcard that lengthens the path each time). `find`: `matcher(rules)`, for many
    calls."""
    seen: set[str] = set()
    current = destination
    for _ in range(limit):
        if is_external(current):
            return current
        path, sep, frag = current.partition("#")
        key = normalize_path(path)
        if key in seen:
            return None
        seen.add(key)
        hit = find(key) if find is not None else match(rules, key)
        if hit is None:
            return current
        nxt = hit[1]
        if frag and "#" not in nxt:
            nxt = f"{nxt}#{frag}"
        current = nxt
    return None


class RedirectTargets(Mapping[str, str]):
    """Site path -> the final destination of the redirect that path meets (chains followed;
    loops left out), for `UrlBuilder(redirects=...)`: links to a moved page point at its new
    place. Concrete sources are its keys; a path a wildcard source matches (`/docs/:slug*`) is
    in it too, as Mintlify serves it."""

    def __init__(self, redirects: Sequence[object]) -> None:
        self._rules = compile_rules(redirects)
        self._find = matcher(self._rules)
        self._found: dict[str, str | None] = {}
        self._sources = list(
            dict.fromkeys(normalize_path(r.source) for r in self._rules if r.concrete)
        )

    def target(self, path: str) -> str | None:
        key = normalize_path(path)
        if key not in self._found:
            hit = self._find(key)
            self._found[key] = (
                None if hit is None else final_destination(self._rules, hit[1], find=self._find)
            )
        return self._found[key]

    def __getitem__(self, path: str) -> str:
        found = self.target(path)
        if found is None:
            raise KeyError(path)
        return found

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and self.target(path) is not None

    def __iter__(self) -> Iterator[str]:
        return (source for source in self._sources if self.target(source) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


@dataclass(frozen=True, slots=True)
class RedirectPage:
    """A concrete redirect source that becomes a page."""

    out_path: str
    """Where the page is written (`old/page/index.html`)."""
    target: str
    """The final destination: a URL from `UrlBuilder`, or an external URL."""
    index: int = 0
    """Its rule's place in `redirects` (where a problem with it is reported)."""


def plan_redirect_pages(
    redirects: Sequence[object],
    pages: set[str],
    urls: UrlBuilder,
    diagnostics: Diagnostics,
    file: str,
    locate: Callable[[int], tuple[int, int]],
) -> list[RedirectPage]:
    """The redirect pages of a site whose pages have the site paths `pages`, reporting a source
    that is also a page, a loop, and a destination that is no page or file (at `locate(i)`, the
    line and column of `redirects[i]` in `file`). The first rule for a source wins."""
    rules = compile_rules(redirects)
    find = matcher(rules)
    planned: dict[str, RedirectPage] = {}
    for rule in rules:
        if not rule.concrete:  # `/docs/:slug*` -> `/help/:slug*` -> `/docs/:slug*` loops
            sample = _TOKEN.sub("sample", normalize_path(rule.source))
            hit = find(sample)
            if (
                hit is not None
                and hit[0] is rule
                and final_destination(rules, sample, find=find) is None
            ):
                line, col = locate(rule.index)
                message = f"redirect {rule.source!r} -> {rule.destination!r} loops"
                diagnostics.warning(file, line, col, "redirect-loop", message)
            continue
        line, col = locate(rule.index)
        written = str(getattr(redirects[rule.index], "source", "")).strip()
        if written != rule.source:
            diagnostics.warning(
                file,
                line,
                col,
                "redirect-source",
                f"redirect source {written!r} is a full URL; its path {rule.source!r} is "
                "redirected (write the path alone)",
            )
        source = rule.source.split("#", 1)[0].split("?", 1)[0]
        site = "/" + source.strip("/")
        out_path = output_path_for(_decoded(site))
        if site in pages:
            diagnostics.warning(
                file,
                line,
                col,
                "redirect-shadowed",
                f"redirect source {rule.source!r} is also a page; the page is kept",
            )
            continue
        if out_path in planned:
            continue  # an earlier rule for the same source wins, as on Mintlify
        destination = rule.destination
        hit = find(site)
        if hit is not None and hit[0] is not rule:  # an earlier wildcard matches it first
            diagnostics.warning(
                file,
                line,
                col,
                "redirect-unreachable",
                f"redirect source {rule.source!r} is matched first by the earlier "
                f"{hit[0].source!r}, so this rule never applies; the page follows that one",
            )
            destination = hit[1]
        final = final_destination(rules, destination, find=find)
        if final is None:
            diagnostics.warning(
                file,
                line,
                col,
                "redirect-loop",
                f"redirect {rule.source!r} -> {rule.destination!r} loops; no page written",
            )
            continue
        target = final
        if not is_external(final):
            target, known = urls.resolve(final if final.startswith("/") else "/" + final)
            if not known:
                diagnostics.warning(
                    file,
                    line,
                    col,
                    "redirect-target",
                    f"redirect destination {final!r} is no page or file of this site",
                )
        planned[out_path] = RedirectPage(out_path, target, rule.index)
    return list(planned.values())


def _decoded(site: str) -> str:
    """`/reference/cli%23install` as a server finds it on disk, after decoding the request:
    `/reference/cli#install`; as written when decoding would make a segment `.`, `..` or
    empty, or hold a `/`, `\\` or NUL."""
    if "%" not in site:
        return site
    parts = [unquote(p) for p in site.split("/")[1:]]
    if any(p in ("", ".", "..") or any(c in p for c in "/\\\0") for p in parts):
        return site
    return "/" + "/".join(parts)


def redirect_page(target: str, canonical: str, *, title: str = "Redirecting…") -> str:
    """A static redirect page; `target` is the URL to open (relative or absolute)."""
    t = html.escape(target, quote=True)
    c = html.escape(canonical, quote=True)
    js_target = json.dumps(target).replace("</", "<\\/")
    keep_hash = "#" not in target
    script = (
        f"var t={js_target};"
        + ("if(location.hash)t+=location.hash;" if keep_hash else "")
        + "location.replace(t);"
    )
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{c}">\n'
        f"<script>{script}</script>\n"
        f'<meta http-equiv="refresh" content="0; url={t}">\n'
        "</head>\n<body>\n"
        f'<p>This page has moved to <a href="{t}">{t}</a>.</p>\n'
        "</body>\n</html>\n"
    )


def client_script(rules: Sequence[Rule], base_path: str, page_url: Callable[[str], str]) -> str:
    """Inline script for 404.html: wildcard redirects, then `/a/b` -> `/a/b/` when it exists.

    `page_url(path)` turns an internal destination path into the URL the hosted build uses
    (`/docs/a/b/`), so the table holds final URLs and the script only substitutes captures.
    """
    table = []
    for rule in rules:
        if rule.concrete:
            continue
        dest = rule.destination
        if not is_external(dest):
            path, sep, frag = dest.partition("#")
            dest = page_url(path) + (f"#{frag}" if sep else "")
        table.append([rule.regex, dest, list(rule.names)])
    data = json.dumps({"base": base_path, "rules": table}, separators=(",", ":"))
    data = data.replace("</", "<\\/")
    return (
        "(function(){var R=" + data + ";"
        "var p=location.pathname,b=R.base;"
        "if(p.indexOf(b)!==0&&p+'/'!==b)return;"
        "p='/'+p.slice(b.length);p=p.replace(/\\/index\\.html$/,'/').replace(/\\/{2,}/g,'/');"
        "if(p.length>1)p=p.replace(/\\/+$/,'');"
        "for(var i=0;i<R.rules.length;i++){var r=R.rules[i],m=new RegExp(r[0]).exec(p);"
        "if(!m)continue;var v={},s=[],k=0;"
        "for(var j=0;j<r[2].length;j++){var x=m[j+1]||'';if(r[2][j]==='*')s.push(x);else v[r[2][j]]=x;}"
        "var d=r[1].replace(/:([A-Za-z_][A-Za-z0-9_]*)[*+?]?|\\*/g,function(t,n){"
        "if(n)return n in v?v[n]:t;var y=s.length?s[Math.min(k,s.length-1)]:'';k++;return y;});"
        "d=d.replace(/([^:])\\/{2,}/g,'$1/');"
        "if(d.indexOf('#')<0)d+=location.hash;location.replace(d);return;}"
        "var last=p.slice(p.lastIndexOf('/')+1);"
        "if(p.length>1&&last.indexOf('.')<0&&!/\\/$/.test(location.pathname))"
        "location.replace(location.pathname+'/'+location.search+location.hash);"
        "})();"
    )
