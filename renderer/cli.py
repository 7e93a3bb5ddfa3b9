"""Command line: `mintrender build | check | serve | dev`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from mintrender import __version__
from mintrender.model import BuildOptions, Progress


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
    """Everything `build` would report, without building: for editors, hooks and CI."""
    from mintrender.check.cache import default_cache_dir  # start-up time, as in cmd_build
    from mintrender.check.command import list_rules, run_check  # start-up time, as above

    if args.list_rules:
        return list_rules(sys.stdout)
    cache_dir = None if args.no_cache else Path(args.cache_dir or default_cache_dir())
    return run_check(
        args.paths,
        rules=args.rules,
        fmt=args.format,
        severity=args.severity,
        colour=args.color,
        jobs=args.jobs,
        validate_openapi=args.validate_openapi,
        cache_dir=cache_dir,
    )


def cmd_serve(args: argparse.Namespace) -> int:
    from mintrender.serve.server import serve  # start-up time, as in cmd_build

    return serve(Path(args.docs_dir), host=args.host, port=args.port)


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
    b.set_defaults(func=cmd_build)
    c = sub.add_parser(
        "check",
        help="report problems in the docs without building a site",
        description="Report problems in the docs without building a site. With files, check "
        "those pages (and what they need) and report only findings in those files.",
    )
    c.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="the docs folder (default: the current folder), or files in it (pages, snippets, "
        "docs.json, specs)",
    )
    c.add_argument(
        "--rules",
        help="only these codes, comma-separated; a trailing * matches a prefix "
        "(e.g. broken-link,openapi-*); an unknown code is an error (exit 2)",
    )
    c.add_argument("--list-rules", action="store_true", help="print every code and exit")
    c.add_argument("--format", choices=("text", "json", "github", "sarif"), default="text")
    c.add_argument(
        "--severity",
        choices=("error", "warning", "info"),
        help="the least severity that fails the run (default: warning, or the site's setting)",
    )
    c.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (auto: on a terminal, unless NO_COLOR is set)",
    )
    c.add_argument(
        "--validate-openapi",
        action="store_true",
        help="also run openapi-spec-validator on every spec (pip install 'mintrender[validate]')",
    )
    c.add_argument("--jobs", type=int, default=0, help="worker processes (default 0: auto)")
    c.add_argument(
        "--cache-dir",
        help="keep page results here between runs (default: ~/.cache/mintrender/check)",
    )
    c.add_argument("--no-cache", action="store_true", help="check every page afresh")
    c.set_defaults(func=cmd_check)
    for name in ("serve", "dev"):
        s = sub.add_parser(
            name, help="preview with live reload" + (" (alias of serve)" if name == "dev" else "")
        )
        s.add_argument("docs_dir", nargs="?", default=".")
        s.add_argument("--port", type=int, default=3000)
        s.add_argument(
            "--host",
            default=os.environ.get("MINTRENDER_HOST", "127.0.0.1"),
            help="address to listen on (default 127.0.0.1, or $MINTRENDER_HOST: 0.0.0.0 in "
            "the Docker image)",
        )
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
