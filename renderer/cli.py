"""Command line: `mintrender build | serve | dev`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mintrender import __version__
from mintrender.model import IFRAME_HOSTS, BuildOptions, Progress, Safety


def _progress_printer(quiet: bool) -> Progress | None:
    if quiet:
        return None
    tty = sys.stderr.isatty()
    last: dict[str, int] = {}

    def progress(stage: str, done: int, total: int) -> None:
        if tty:
            if done % 25 == 0 or done + 1 == total:
                sys.stderr.write(f"\r{stage:>7}: {done + 1}/{total}\x1b[K")
                if done + 1 == total:
                    sys.stderr.write("\n")
                sys.stderr.flush()
        elif last.get(stage) is None:
            last[stage] = 1
            sys.stderr.write(f"{stage}: {total} pages\n")

    return progress


def _safety(args: argparse.Namespace) -> Safety | None:
    """`--safe` with its allowances, or None."""
    if not args.safe:
        return None
    extra = tuple(h.strip().lower().rstrip(".") for h in args.allow_iframe or () if h.strip())
    return Safety(
        iframe_hosts=tuple(dict.fromkeys((*IFRAME_HOSTS, *extra))),
        remote_specs=args.allow_remote_specs,
    )


def _add_safety(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--safe",
        action="store_true",
        help="the docs are not trusted: sanitize their HTML, leave out their scripts (SECURITY.md)",
    )
    parser.add_argument(
        "--allow-iframe",
        action="append",
        metavar="HOST",
        help="with --safe: also keep iframes from HOST and its subdomains (repeatable); "
        "default: " + ", ".join(IFRAME_HOSTS),
    )
    parser.add_argument(
        "--allow-remote-specs",
        action="store_true",
        help="with --safe: fetch OpenAPI specs given as URLs (off by default)",
    )


def cmd_build(args: argparse.Namespace) -> int:
    # the pipeline is imported by the commands that run it: `--help` and `--version` stay instant
    from mintrender.build import build, dump_report

    docs_dir = Path(args.docs_dir).resolve()
    if not docs_dir.is_dir():
        print(f"mintrender: {docs_dir} is not a folder", file=sys.stderr)
        return 2
    out_dir = Path(args.out).resolve() if args.out else docs_dir / "_site"
    base_url = (args.base_url or "").strip()
    if base_url and not base_url.startswith(("/", "http://", "https://")):
        print(
            f"mintrender: --base-url {base_url!r} should be a URL (https://example.com/docs/) "
            "or a path starting with / (/docs/)",
            file=sys.stderr,
        )
        return 2
    options = BuildOptions(
        docs_dir=docs_dir,
        out_dir=out_dir,
        mode="offline" if args.offline else "hosted",
        base_url=base_url,
        zip=args.zip,
        jobs=args.jobs,
        safe=_safety(args),
        local_assets=True if args.no_remote_assets else None,
        cache_dir=Path(args.cache_dir).resolve() if args.cache_dir else None,
    )
    result = build(options, progress=_progress_printer(args.quiet))
    if result.fatal:
        print(f"error: {result.fatal}", file=sys.stderr)
        return 2
    diags = sorted(result.diagnostics, key=lambda d: (d.file, d.line, d.column, d.code))
    for d in diags:
        if args.quiet and d.severity != "error":
            continue
        print(d.format(), file=sys.stderr)
    errors = sum(1 for d in diags if d.severity == "error")
    warnings = sum(1 for d in diags if d.severity == "warning")
    if args.report:
        dump_report(result, Path(args.report))
    if not args.quiet:
        total = result.timings.get("total", 0.0)
        print(
            f"Built {len(result.pages)} pages into {out_dir} in {total:.2f}s "
            f"({errors} errors, {warnings} warnings)",
            file=sys.stderr,
        )
        if args.zip:
            from mintrender.write.site import zip_path_for  # start-up time, as above

            print(f"Wrote {zip_path_for(out_dir)}", file=sys.stderr)
    if errors or (args.strict and warnings):
        return 1
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Everything `build` would report, without keeping a site: for editors, hooks and CI."""
    import json
    import tempfile

    # start-up time, as in cmd_build
    from mintrender.build import build

    docs_dir = Path(args.docs_dir).resolve()
    if not docs_dir.is_dir():
        print(f"mintrender: {docs_dir} is not a folder", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="mintrender-check-") as tmp:
        options = BuildOptions(docs_dir=docs_dir, out_dir=Path(tmp) / "site", safe=_safety(args))
        result = build(options)
    if result.fatal:
        print(f"error: {result.fatal}", file=sys.stderr)
        return 2
    rules = [r.strip() for r in (args.rules or "").split(",") if r.strip()]

    def wanted(code: str) -> bool:
        return not rules or any(code == r or code.startswith(r.rstrip("*")) for r in rules)

    diags = sorted(
        (d for d in result.diagnostics if wanted(d.code)),
        key=lambda d: (d.file, d.line, d.column, d.code),
    )
    if args.format == "json":
        print(json.dumps([d.to_dict() for d in diags], indent=2, ensure_ascii=False))
    else:
        for d in diags:
            print(d.format())
        errors = sum(1 for d in diags if d.severity == "error")
        print(
            f"{len(diags)} problems ({errors} errors, {len(diags) - errors} warnings)",
            file=sys.stderr,
        )
    return 1 if diags else 0


def cmd_serve(args: argparse.Namespace) -> int:
    from mintrender.serve.server import serve  # start-up time, as in cmd_build

    return serve(Path(args.docs_dir), host=args.host, port=args.port, safe=_safety(args))


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mintrender",
        description="Render Mintlify-format docs (docs.json, MDX, OpenAPI) into a static site.",
    )
    parser.add_argument("--version", action="version", version=f"mintrender {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the static site")
    b.add_argument("docs_dir", nargs="?", default=".", help="folder holding docs.json or mint.json")
    b.add_argument("-o", "--out", help="output folder (default: DOCS_DIR/_site)")
    b.add_argument("--offline", action="store_true", help="relative links that work from file://")
    b.add_argument("--zip", action="store_true", help="also write OUT.zip (with --offline)")
    b.add_argument(
        "--base-url", help="serve under this URL or path, e.g. https://example.com/docs/"
    )
    b.add_argument("--strict", action="store_true", help="warnings fail the build (exit 1)")
    b.add_argument("--report", help="write a JSON build report to this file")
    b.add_argument(
        "--jobs",
        type=int,
        default=0,
        help="worker processes (default 0: one per core for large sites)",
    )
    b.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    b.add_argument(
        "--no-remote-assets",
        action="store_true",
        help="download remote images, stylesheets, fonts and scripts into the site "
        "(always done with --offline)",
    )
    b.add_argument(
        "--cache-dir",
        help="folder of the download cache (default: the user cache folder, "
        "e.g. ~/.cache/mintrender)",
    )
    _add_safety(b)
    b.set_defaults(func=cmd_build)
    c = sub.add_parser("check", help="report problems in the docs without writing a site")
    c.add_argument("docs_dir", nargs="?", default=".")
    c.add_argument(
        "--rules",
        help="only these diagnostic codes, comma-separated; a trailing * matches a prefix "
        "(e.g. broken-link,openapi-*)",
    )
    c.add_argument("--format", choices=("text", "json"), default="text")
    _add_safety(c)
    c.set_defaults(func=cmd_check)
    for name in ("serve", "dev"):
        s = sub.add_parser(
            name, help="preview with live reload" + (" (alias of serve)" if name == "dev" else "")
        )
        s.add_argument("docs_dir", nargs="?", default=".")
        s.add_argument("--port", type=int, default=3000)
        s.add_argument("--host", default="127.0.0.1")
        _add_safety(s)
        s.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
