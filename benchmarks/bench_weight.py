"""Page weight: HTML plus our CSS and JS (no images, no search index), uncompressed and gzip.

    python benchmarks/bench_weight.py [DOCS_DIR] [--site BUILT_SITE] [--budget 102400] [--json]
        [--page NAME=REL/PATH ...] [--compare OTHER_SITE]

Builds DOCS_DIR (default: the ModelsLab corpus) into a temporary folder unless `--site` names
a finished build, then measures the home page, typical pages (when they exist: ModelsLab's
quickstart guide, an enterprise page and an API page; `--page` adds more), the largest API page and the largest page of any kind. "Ours" = files under `_mintrender/` that the
page links as stylesheet or script; the author's own CSS/JS (styles.css, scripts/*.js) is listed
apart. Lazily loaded files (search engine and index, Try it playground) are not linked and not
counted. The HTML is also broken down into head, header, sidebar, content and the rest.
`--compare` measures the same pages of another build (e.g. before a change) and prints a table.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_DOCS = REPO.parent / "shared" / "corpora" / "modelslab"
ASSET_DIR = "_mintrender"


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []
        self.api = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        d = {k: v or "" for k, v in attrs}
        if tag == "link" and "stylesheet" in d.get("rel", "") and d.get("href"):
            self.css.append(d["href"])
        elif tag == "script" and d.get("src"):
            self.js.append(d["src"])
        elif tag == "body" and "mr-is-api" in d.get("class", ""):
            self.api = True


def _resolve(site: Path, page: Path, url: str) -> Path | None:
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", url, re.I):
        return None
    url = url.split("#")[0].split("?")[0]
    path = (site / url.lstrip("/")) if url.startswith("/") else (page.parent / url)
    path = path.resolve()
    return path if path.is_file() else None


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def _section(html: str, start: str, end: str) -> int:
    i = html.find(start)
    if i < 0:
        return 0
    j = html.find(end, i)
    return (j + len(end) - i) if j >= 0 else 0


def breakdown(html: str) -> dict[str, int]:
    parts = {
        "head": _section(html, "<head", "</head>"),
        "header": _section(html, '<div class="mr-header"', '<div class="mr-layout'),
        "sidebar": _section(html, '<aside id="sidebar"', "</aside>"),
        "content": _section(html, "<main", "</main>"),
    }
    parts["other"] = len(html.encode("utf-8")) - sum(parts.values())
    return parts


def measure(site: Path, rel: str, base_path: str = "/") -> dict[str, Any]:
    page = site / rel
    raw = page.read_bytes()
    html = raw.decode("utf-8")
    assets = _Assets()
    assets.feed(html)
    ours: dict[str, int] = {}
    user: dict[str, int] = {}
    gz = _gz(raw)
    for url in assets.css + assets.js:
        local = url[len(base_path) - 1 :] if base_path != "/" and url.startswith(base_path) else url
        path = _resolve(site, page, local)
        if path is None:
            continue
        name = path.relative_to(site.resolve()).as_posix()
        data = path.read_bytes()
        if name.startswith(ASSET_DIR + "/"):
            ours[name] = len(data)
            gz += _gz(data)
        else:
            user[name] = len(data)
    total = len(raw) + sum(ours.values())
    return {
        "page": rel,
        "html": len(raw),
        "ours": ours,
        "total": total,
        "total_gzip": gz,
        "user_assets": user,
        "html_breakdown": breakdown(html),
        "api": assets.api,
    }


TYPICAL = {
    "guide": "quickstart/index.html",
    "enterprise": "enterprise-api/flux/text2img/index.html",
    "api": "image-generation/realtime-stable-diffusion/text-to-image/index.html",
}
"""Typical ModelsLab pages (measured when the site has them)."""


def pick_pages(site: Path, named: dict[str, str] | None = None) -> dict[str, str]:
    pages = sorted(p for p in site.rglob("index.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    api_pages = []
    for p in pages:
        head = p.read_text(encoding="utf-8", errors="replace")
        m = re.search(r"<body[^>]*>", head)
        if m and "mr-is-api" in m.group():
            api_pages.append(p)
    out = {"home": "index.html"}
    for name, rel in (TYPICAL if named is None else named).items():
        if (site / rel).is_file():
            out[name] = rel
    out["largest"] = largest.relative_to(site).as_posix()
    if api_pages:
        api = max(api_pages, key=lambda p: p.stat().st_size)
        out["largest_api"] = api.relative_to(site).as_posix()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("docs_dir", nargs="?", default=str(DEFAULT_DOCS))
    ap.add_argument("--site", help="measure this finished build instead of building")
    ap.add_argument("--budget", type=int, default=100 * 1024, help="bytes (default 100 KB)")
    ap.add_argument("--json", action="store_true", help="print JSON")
    ap.add_argument("--page", action="append", default=[], metavar="NAME=REL", help="extra page")
    ap.add_argument("--compare", help="another finished build: print a before/after table")
    args = ap.parse_args(argv)
    named = None
    if args.page:
        extra = dict(item.split("=", 1) for item in args.page)
        named = dict(TYPICAL)
        for k, v in extra.items():
            named[k] = v if v.endswith(".html") else v.strip("/") + "/index.html"

    tmp = None
    if args.site:
        site = Path(args.site)
    else:
        from mintrender.build import build
        from mintrender.model import BuildOptions

        tmp = tempfile.TemporaryDirectory(prefix="mr-weight-")
        site = Path(tmp.name) / "site"
        result = build(BuildOptions(docs_dir=Path(args.docs_dir).resolve(), out_dir=site))
        if result.fatal:
            print(result.fatal, file=sys.stderr)
            return 2
    try:
        picked = pick_pages(site, named)
        report = {name: measure(site, rel) for name, rel in picked.items()}
        before = None
        if args.compare:
            other = Path(args.compare)
            before = {n: measure(other, r) for n, r in picked.items() if (other / r).is_file()}
    finally:
        if tmp is not None:
            tmp.cleanup()
    if before is not None and not args.json:
        print(f"{'page':<12} {'before':>9} {'after':>9}   (HTML + our CSS + JS, KB; gzip after)")
        for name, r in report.items():
            b = before.get(name)
            was = f"{b['total'] / 1024:8.1f}" if b else "       -"
            print(
                f"{name:<12} {was}  {r['total'] / 1024:8.1f}   {r['page']} ({r['total_gzip'] / 1024:.1f})"
            )
        print()
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for name, r in report.items():
            flag = "OK " if r["total"] <= args.budget else "OVER"
            print(
                f"{flag} {name:<12} {r['page']}\n"
                f"     html {r['html']:>7,}  ours {sum(r['ours'].values()):>7,}  "
                f"total {r['total']:>7,} B ({r['total'] / 1024:.1f} KB)  gzip {r['total_gzip']:>6,}"
            )
            print(
                "     ours: " + ", ".join(f"{k.split('/')[-1]} {v:,}" for k, v in r["ours"].items())
            )
            print("     html: " + ", ".join(f"{k} {v:,}" for k, v in r["html_breakdown"].items()))
            if r["user_assets"]:
                print(
                    "     author assets (not counted): "
                    + ", ".join(f"{k} {v:,}" for k, v in r["user_assets"].items())
                )
    over = [n for n, r in report.items() if n != "largest" and r["total"] > args.budget]
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
