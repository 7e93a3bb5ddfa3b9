"""Command line: `mintrender build | check | serve | dev`."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shlex
import sys
import traceback
from pathlib import Path
from typing import NoReturn, TextIO

from mintrender import __version__
from mintrender.errors import EXIT_INTERNAL, Diagnostic, has_internal_errors, sort_key
from mintrender.hints import plural, problem_counts
from mintrender.model import (
    IFRAME_HOSTS,
    BuildOptions,
    BuildResult,
    Progress,
    Safety,
    default_out_dir,
)


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


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        rel = path.resolve().relative_to(Path.cwd().resolve())
        text = rel.as_posix() if rel.parts else "."
    except ValueError:
        text = str(path)
    return shlex.quote(text)


def next_step(options: BuildOptions, given_docs: str) -> str:
    """The one line a build ends with: where the site is and how to look at it."""
    from mintrender.model import zip_path_for  # start-up time, as in cmd_build

    out = _shown(options.out_dir)
    if options.zip:
        archive = zip_path_for(options.out_dir)
        if options.mode == "offline":
            return (
                f"Next: send {_shown(archive)}; unzipped, {options.out_dir.name}/index.html "
                "opens in any browser, no server needed"
            )
        return f"Next: upload {_shown(archive)} to your host (README, Deploy)"
    if options.mode == "offline":
        return f"Next: open {out}/index.html in a browser (works from disk, no server needed)"
    if options.base_url:
        return (
            f"Next: publish {out} at {options.base_url} (README, Deploy: _redirects and "
            f"nginx.conf are in it); look first with python -m http.server -d {out}"
        )
    return (
        f"Next: python -m http.server -d {out} and open http://localhost:8000/ "
        f"(mintrender serve {shlex.quote(given_docs)} previews while you write; "
        "--offline makes a site that opens from disk)"
    )


def safety_of(args: argparse.Namespace) -> Safety | None:
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
        help="the docs are not trusted: sanitize their HTML, leave out their scripts, see "
        "SECURITY.md (default: off, authors are trusted)",
    )
    parser.add_argument(
        "--allow-iframe",
        action="append",
        metavar="HOST",
        help="with --safe: also keep iframes from HOST and its subdomains (repeatable); "
        "(default: " + ", ".join(IFRAME_HOSTS) + ")",
    )
    parser.add_argument(
        "--allow-remote-specs",
        action="store_true",
        help="with --safe: fetch OpenAPI specs given as URLs (default: off)",
    )


def add_serve_options(parser: argparse.ArgumentParser) -> None:
    """The options of `serve`/`dev`, shared with `python serve.py` so the two never drift."""
    parser.add_argument("docs_dir", nargs="?", default=".", metavar="DOCS_DIR", help=_DOCS_HELP)
    parser.add_argument(
        "--port",
        type=int,
        default=3000,
        help="port to listen on; the next free one if it is taken (default: 3000)",
    )
    parser.add_argument(
        "--host",
        default=os.environ.get("MINTRENDER_HOST", "127.0.0.1"),
        help="address to listen on; 0.0.0.0 for other machines (default: 127.0.0.1, or "
        "$MINTRENDER_HOST: 0.0.0.0 in the Docker image)",
    )
    _add_safety(parser)


def cmd_build(args: argparse.Namespace) -> int:
    # the pipeline is imported by the commands that run it: `--help` and `--version` stay instant
    from mintrender.build import build

    docs_dir = docs_folder(args.docs_dir)
    if docs_dir is None:
        return 2
    out = args.out
    if out and out.lower().endswith(".zip") and len(out) > 4:  # `-o site.zip`: what --zip makes
        out, args.zip = out[:-4], True
    out_dir = Path(out).resolve() if out else default_out_dir(docs_dir)
    base_url = (args.base_url or "").strip()
    if base_url and not base_url.startswith(("/", "http://", "https://")):
        print(
            f"mintrender: --base-url {base_url!r} should be a URL (https://example.com/docs/) "
            "or a path starting with / (/docs/)",
            file=sys.stderr,
        )
        return 2
    offline = args.offline
    if args.zip and not offline and not base_url:
        offline = True  # a zip is for reading from disk, which needs the offline links
        if not args.quiet:
            print(
                "mintrender: --zip makes a site that opens from disk (--offline); for a zip to "
                "upload to a host, give --base-url too",
                file=sys.stderr,
            )
    options = BuildOptions(
        docs_dir=docs_dir,
        out_dir=out_dir,
        mode="offline" if offline else "hosted",
        base_url=base_url,
        zip=args.zip,
        jobs=args.jobs,
        safe=safety_of(args),
        local_assets=True if args.no_remote_assets else None,
        cache_dir=Path(args.cache_dir).resolve() if args.cache_dir else None,
        cache=not args.no_cache,
    )
    result = build(options, progress=_progress_printer(args.quiet))
    diags = sorted(result.diagnostics, key=sort_key)
    for d in diags:
        if args.quiet and d.severity != "error":
            continue
        print_diagnostic(d, args.verbose, sys.stderr)
    if result.fatal:
        print("mintrender: nothing was built; fix the error above and build again", file=sys.stderr)
        return EXIT_INTERNAL if has_internal_errors(diags) else 2
    errors = sum(1 for d in diags if d.severity == "error")
    warnings = sum(1 for d in diags if d.severity == "warning")
    if args.report:
        try:
            dump_report(result, Path(args.report))
        except OSError as exc:  # the site is built; only the report is missing
            print(
                f"mintrender: cannot write the report {args.report}: {exc.strerror or exc}",
                file=sys.stderr,
            )
            return 2
    if not args.quiet:
        total = result.timings.get("total", 0.0)
        print(
            f"Built {plural(len(result.pages), 'page')} into {_shown(out_dir)} in {total:.2f}s "
            f"({problem_counts(errors, warnings)}){_reused(result.cache)}",
            file=sys.stderr,
        )
        print(next_step(options, args.docs_dir), file=sys.stderr)
    if has_internal_errors(diags):
        return EXIT_INTERNAL
    if errors or (args.strict and warnings):
        return 1
    return 0


def dump_report(result: BuildResult, path: Path) -> None:
    path.write_text(
        json.dumps(result.report(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def _reused(cache: dict[str, int]) -> str:
    reused = cache.get("pages_reused", 0)
    return f"; {plural(reused, 'unchanged page')} reused from the cache" if reused else ""


def print_diagnostic(d: Diagnostic, verbose: bool, stream: TextIO) -> None:
    """`file:line:col: severity: message [code]`, and an internal error's traceback if verbose."""
    print(d.format(), file=stream)
    if verbose and d.detail:
        print("    " + d.detail.rstrip().replace("\n", "\n    "), file=stream)


def docs_folder(given: str) -> Path | None:
    """The docs folder `given` on the command line, resolved (its docs.json or mint.json stands
    for it); None when it is not a folder this user can open (said on stderr: missing, another
    file, no permission, a current folder removed)."""
    from mintrender.load.config import CONFIG_FILES  # start-up time, as in cmd_build

    try:
        docs_dir = Path(given).resolve()
        if docs_dir.is_file() and docs_dir.name in CONFIG_FILES:
            docs_dir = docs_dir.parent
        if docs_dir.is_dir():
            os.listdir(docs_dir)
            return docs_dir
        if docs_dir.exists():
            problem = "is a file, not the docs folder (the folder that holds docs.json)"
        else:
            problem = "does not exist"
    except OSError as exc:
        problem = f"cannot be opened: {exc.strerror or exc}"
    print(f"mintrender: {given} {problem}", file=sys.stderr)
    return None


def cmd_check(args: argparse.Namespace) -> int:
    """Everything `build` would report, without building: for editors, hooks and CI."""
    from mintrender.check.command import list_rules, run_check  # start-up time, as above
    from mintrender.check.memo import default_cache_dir  # start-up time, as in cmd_build

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
        safe=safety_of(args),
    )


def cmd_serve(args: argparse.Namespace) -> int:
    from mintrender.serve.server import serve  # start-up time, as in cmd_build

    docs_dir = docs_folder(args.docs_dir)
    if docs_dir is None:
        return 2
    return serve(docs_dir, host=args.host, port=args.port, safe=safety_of(args))


OVERVIEW = """\
quick start:
  mintrender build path/to/docs                  # then: python -m http.server -d path/to/docs/_site
  mintrender serve path/to/docs                  # http://127.0.0.1:3000, reloads on save
  mintrender build path/to/docs --offline --zip  # path/to/docs/_site.zip, opens from disk

`mintrender COMMAND --help` shows every option of a command, with examples.
"""

BUILD_EXAMPLES = """\
examples:
  mintrender build                                 # the docs in this folder, into ./_site
  mintrender build docs -o public                  # into ./public
  mintrender build docs --offline                  # open docs/_site/index.html from disk
  mintrender build docs --offline --zip            # docs/_site.zip holding a _site/ folder
  mintrender build docs --base-url https://example.com/docs/  # mirror under /docs/
  mintrender build docs --strict -q                # CI: errors only, warnings fail
  mintrender build pr-docs --safe                  # docs you do not trust: no script runs

Every problem is one line: file:line:col: severity: message; hint [code].
Exit status: 0 built, 1 errors (or warnings with --strict), 2 nothing built.
"""

CHECK_EXAMPLES = """\
examples:
  mintrender check docs                            # every problem, one per line
  mintrender check docs --rules broken-link        # only broken links
  mintrender check docs --rules 'openapi-*' --format json
  mintrender check docs/index.mdx docs/quickstart.mdx  # only these pages (pre-commit)
  mintrender check docs --format github --severity error
  mintrender check --list-rules                    # every code with its severity

Exit status: 0 no problem, 1 problems found, 2 nothing checked (bad folder or option).
"""

SERVE_EXAMPLES = """\
examples:
  mintrender serve                                 # the docs in this folder
  mintrender serve docs --port 8080
  mintrender serve docs --host 0.0.0.0             # reachable from other machines

Problems print here as they appear (the same lines as `build`), and a line when fixed.
"""

_DOCS_HELP = "folder holding docs.json or mint.json (default: the current folder)"


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the examples' layout; a little wider so option help stays on one line."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mintrender",
        description="Render Mintlify-format docs (docs.json, MDX, OpenAPI) into a static site: "
        "no Node.js, no network, no account.",
        epilog=OVERVIEW,
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"mintrender {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    b = sub.add_parser(
        "build",
        help="build the static site (into DOCS_DIR/_site by default)",
        description="Build the static site from a Mintlify docs folder.",
        epilog=BUILD_EXAMPLES,
        formatter_class=_Formatter,
    )
    b.add_argument("docs_dir", nargs="?", default=".", metavar="DOCS_DIR", help=_DOCS_HELP)
    b.add_argument(
        "-o",
        "--out",
        metavar="OUT",
        help="output folder, replaced when the build is complete (default: DOCS_DIR/_site); "
        "new, empty or a site mintrender wrote, never the docs folder or one holding it; "
        "never read back as input; OUT.zip is OUT with --zip",
    )
    b.add_argument(
        "--offline",
        action="store_true",
        help="relative links, so the site opens from disk (file://) with no server "
        "(default: off, links for a web server)",
    )
    b.add_argument(
        "--zip",
        action="store_true",
        help="also write OUT.zip (DOCS_DIR/_site.zip by default) holding one folder named like "
        "OUT; implies --offline unless --base-url is given (default: off)",
    )
    b.add_argument(
        "--base-url",
        metavar="URL",
        help="where the site will be served: https://example.com/docs/ (absolute sitemap and "
        "canonical URLs) or /docs/ (a path only) (default: the root of the host)",
    )
    b.add_argument(
        "--strict", action="store_true", help="warnings fail the build, exit 1 (default: off)"
    )
    b.add_argument(
        "--report", metavar="FILE", help="also write a JSON build report (default: none)"
    )
    b.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="worker processes (default: 0, one per core for large sites)",
    )
    b.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print errors only: no progress, warnings, summary or next step (default: off)",
    )
    b.add_argument(
        "--no-remote-assets",
        action="store_true",
        help="download remote images, stylesheets, fonts and scripts into the site, as "
        "--offline always does (default: off, a hosted site links them where they are)",
    )
    b.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="cache folder: remote assets and specs downloaded, and the build cache in DIR/build "
        "(default: the user cache folder, e.g. ~/.cache/mintrender, or $MINTRENDER_CACHE_DIR)",
    )
    b.add_argument(
        "--no-cache",
        action="store_true",
        help="parse and render every page afresh, keep nothing for the next build, and "
        "fetch remote specs and assets again (default: off, unchanged pages are reused from "
        "the build cache, downloads from the download cache)",
    )
    b.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="print the traceback of each internal-error (default: off; the report has it)",
    )
    _add_safety(b)
    b.set_defaults(func=cmd_build)
    c = sub.add_parser(
        "check",
        help="report every problem without writing a site (editors, hooks, CI)",
        description="Report problems in the docs without building a site. With files, check "
        "those pages (and what they need) and report only findings in those files.",
        epilog=CHECK_EXAMPLES,
        formatter_class=_Formatter,
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
        "(e.g. broken-link,openapi-*); an unknown code is an error (exit 2) (default: all)",
    )
    c.add_argument(
        "--list-rules",
        action="store_true",
        help="print every code with its severity and exit (default: off)",
    )
    c.add_argument(
        "--format",
        choices=("text", "json", "github", "sarif"),
        default="text",
        help="text: grouped by file; json: findings and totals; github: workflow annotations; "
        "sarif: code-scanning UIs (default: text)",
    )
    c.add_argument(
        "--severity",
        choices=("error", "warning", "info"),
        help="the least severity that fails the run (default: warning, or the site's setting)",
    )
    c.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output: auto colours on a terminal unless NO_COLOR is set "
        "(default: auto)",
    )
    c.add_argument(
        "--validate-openapi",
        action="store_true",
        help="also run openapi-spec-validator on every spec (pip install 'mintrender[validate]') "
        "(default: off)",
    )
    c.add_argument("--jobs", type=int, default=0, help="worker processes (default 0: auto)")
    c.add_argument(
        "--cache-dir",
        help="keep page results here between runs (default: ~/.cache/mintrender/check)",
    )
    c.add_argument("--no-cache", action="store_true", help="check every page afresh (default: off)")
    _add_safety(c)
    c.set_defaults(func=cmd_check)
    for name in ("serve", "dev"):
        s = sub.add_parser(
            name,
            help="preview while you write: live reload, problems printed as they appear"
            if name == "serve"
            else "alias of serve",
            description="Preview the docs in a browser; each save reloads the page.",
            epilog=SERVE_EXAMPLES,
            formatter_class=_Formatter,
        )
        add_serve_options(s)
        s.set_defaults(func=cmd_serve)
    return parser


class _Output:
    """`sys.stdout` or `sys.stderr` that goes quiet when no one reads it any more (a pipe whose
    reader ended, as `mintrender build … 2>&1 | head` does, or the stream closed at start):
    the build goes on and writes its site, where a `BrokenPipeError` would have ended it
    before the first page."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if self._stream is not None:
            try:
                return self._stream.write(text)
            except (OSError, ValueError):  # a broken pipe, a closed file
                self._stream = None
        return len(text)

    def flush(self) -> None:
        if self._stream is not None:
            try:
                self._stream.flush()
            except (OSError, ValueError):
                self._stream = None

    def isatty(self) -> bool:
        try:
            return self._stream is not None and self._stream.isatty()
        except (OSError, ValueError):
            return False

    def __getattr__(self, name: str) -> object:  # encoding, errors, fileno…
        return getattr(self._stream if self._stream is not None else sys.__stdout__, name)


def main(argv: list[str] | None = None) -> int:
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Output(sys.stdout), _Output(sys.stderr)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = streams


def _main(argv: list[str] | None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # `mintrender` alone: the overview, not a usage error
        parser.print_help()
        return 0
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # the machine refused something (a folder, a port): never a traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"mintrender: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - a bug: one line, the traceback with -v
        if getattr(args, "verbose", False):
            traceback.print_exc()
        print(
            f"mintrender: internal error ({type(exc).__name__}: {exc}); this is a bug in "
            "mintrender, please report it (with -v: the traceback)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def run() -> NoReturn:
    """The `mintrender` command: `main()`, then the process ends without freeing its objects
    one by one (as mypy's `hard_exit`), which takes a tenth of a second after a build and
    does nothing the user sees. Output is flushed first; the build has closed every file it
    wrote, and its worker processes have ended."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
