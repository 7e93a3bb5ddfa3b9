"""Command line: `mintrender build | check | serve | dev`.

Exit codes: 0 success; 1 the docs have problems (errors, or warnings under --strict; anything
`check` reports); 2 unusable invocation or configuration; 3 (`EXIT_INTERNAL`) mintrender hit a
bug (an `internal-error`; the rest of the site was still built).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from mintrender import __version__
from mintrender.errors import EXIT_INTERNAL, INTERNAL_ERROR, Diagnostic, has_internal_errors
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
        _print_fatal(result.fatal, result.diagnostics, args.verbose)
        return EXIT_INTERNAL if has_internal_errors(result.diagnostics) else 2
    diags = sorted(result.diagnostics, key=lambda d: (d.file, d.line, d.column, d.code))
    for d in diags:
        if args.quiet and d.severity != "error":
            continue
        _print_diagnostic(d, args.verbose, sys.stderr)
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
    if has_internal_errors(diags):
        return EXIT_INTERNAL
    if errors or (args.strict and warnings):
        return 1
    return 0


def _print_diagnostic(d: Diagnostic, verbose: bool, stream: TextIO) -> None:
    """`file:line:col: severity: message [code]`, and an internal error's traceback if verbose."""
    print(d.format(), file=stream)
    if verbose and d.detail:
        print("    " + d.detail.rstrip().replace("\n", "\n    "), file=stream)


def _print_fatal(message: str, diagnostics: list[Diagnostic], verbose: bool) -> None:
    for d in diagnostics:
        if d.code == INTERNAL_ERROR:
            _print_diagnostic(d, verbose, sys.stderr)
    print(f"error: {message}", file=sys.stderr)


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
        result = build(BuildOptions(docs_dir=docs_dir, out_dir=Path(tmp) / "site"))
    if result.fatal:
        _print_fatal(result.fatal, result.diagnostics, args.verbose)
        return EXIT_INTERNAL if has_internal_errors(result.diagnostics) else 2
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
            _print_diagnostic(d, args.verbose, sys.stdout)
        errors = sum(1 for d in diags if d.severity == "error")
        print(
            f"{len(diags)} problems ({errors} errors, {len(diags) - errors} warnings)",
            file=sys.stderr,
        )
    if has_internal_errors(result.diagnostics):
        return EXIT_INTERNAL
    return 1 if diags else 0


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
    b.add_argument(
        "-v", "--verbose", action="store_true", help="print the traceback of internal errors"
    )
    b.set_defaults(func=cmd_build)
    c = sub.add_parser("check", help="report problems in the docs without writing a site")
    c.add_argument("docs_dir", nargs="?", default=".")
    c.add_argument(
        "--rules",
        help="only these diagnostic codes, comma-separated; a trailing * matches a prefix "
        "(e.g. broken-link,openapi-*)",
    )
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.add_argument(
        "-v", "--verbose", action="store_true", help="print the traceback of internal errors"
    )
    c.set_defaults(func=cmd_check)
    for name in ("serve", "dev"):
        s = sub.add_parser(
            name, help="preview with live reload" + (" (alias of serve)" if name == "dev" else "")
        )
        s.add_argument("docs_dir", nargs="?", default=".")
        s.add_argument("--port", type=int, default=3000)
        s.add_argument("--host", default="127.0.0.1")
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
