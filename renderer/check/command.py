"""`mintrender check [DOCS_DIR | PATH...]`: arguments, settings and exit codes.

Exit 0: nothing at or above the failing severity; 1: something is; 2: the invocation or the
configuration cannot be used (an unknown rule code, an invalid docs.json, no docs folder).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from mintrender.check import memo
from mintrender.check.options import CheckOptions, CheckResult
from mintrender.check.report import FORMATS, RANK, relative_to_cwd, render, use_colour
from mintrender.check.rules import RULES, matching, unknown_codes
from mintrender.check.settings import SettingsError, find_settings
from mintrender.errors import EXIT_INTERNAL, Diagnostic, has_internal_errors
from mintrender.hints import did_you_mean
from mintrender.load.config import CONFIG_FILES
from mintrender.model import Safety


def check_folder(options: CheckOptions) -> CheckResult:
    """`check_site`, answered from the memo when nothing it reads changed since the last run
    (without importing the pipeline: start-up time is most of such a run)."""
    key, known = memo.recall(options)
    if known is not None:
        return known
    from mintrender.check.run import check_site  # start-up time, see above

    result = check_site(options)
    memo.remember(options, key, result)
    return result


def list_rules(out: TextIO) -> int:
    width = max(len(code) for code in RULES)
    for rule in RULES.values():
        out.write(f"{rule.code:<{width}}  {rule.severity:<7}  {rule.summary}\n")
    return 0


def parse_rules(text: str | None, err: TextIO) -> list[str] | None:
    """`--rules a,b-*` as codes; None (after saying why) when one names no rule."""
    names = [r.strip() for r in (text or "").split(",") if r.strip()]
    unknown = unknown_codes(names)
    if unknown:
        named = ", ".join(
            f"{u!r} ({did_you_mean(u, RULES)})" if did_you_mean(u, RULES) else repr(u)
            for u in unknown
        )
        err.write(f"mintrender check: unknown rule(s) in --rules: {named}; valid codes:\n")
        for code in RULES:
            err.write(f"  {code}\n")
        return None
    return [code for name in names for code in matching(name)]


def docs_root(path: Path) -> Path | None:
    """The nearest folder at or above `path` holding docs.json or mint.json."""
    start = path if path.is_dir() else path.parent
    for folder in (start, *start.parents):
        if any((folder / name).is_file() for name in CONFIG_FILES):
            return folder
    return None


def group_paths(paths: list[str]) -> tuple[dict[Path, list[str]], list[str]]:
    """Docs folder -> docs-relative files; and the paths in no docs folder."""
    groups: dict[Path, list[str]] = {}
    outside: list[str] = []
    for raw in paths:
        path = Path(raw).resolve()
        root = docs_root(path)
        if root is None:
            outside.append(raw)
            continue
        files = groups.setdefault(root, [])
        if path.is_dir() and path != root:
            # a sub-folder: its pages and snippets
            files += sorted(
                f.relative_to(root).as_posix()
                for f in path.rglob("*")
                if f.suffix in (".mdx", ".md") and f.is_file()
            )
        elif path != root:
            files.append(path.relative_to(root).as_posix())
    return groups, outside


def run_check(
    paths: list[str],
    *,
    rules: str | None,
    fmt: str,
    severity: str | None,
    colour: str,
    jobs: int,
    validate_openapi: bool,
    cache_dir: Path | None = None,
    safe: Safety | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Check each docs folder the paths lie in; print the findings to `out` (default: the
    current sys.stdout, looked up when called) and usage problems to `err`."""
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    assert fmt in FORMATS
    only = parse_rules(rules, err)
    if only is None:
        return 2
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        err.write(f"mintrender check: no such file or folder: {', '.join(missing)}\n")
        return 2
    groups, outside = group_paths(paths or ["."])
    if not groups:
        where = ", ".join(outside)
        if paths and all(not Path(p).is_dir() for p in paths):
            return 0  # only files outside any docs folder (a pre-commit run): nothing to check
        err.write(f"mintrender check: no docs.json or mint.json at or above {where}\n")
        return 2
    found: list[Diagnostic] = []
    fatal = False
    fail_at = severity
    pages = 0
    for docs_dir, files in groups.items():
        try:
            settings = find_settings(docs_dir)
        except SettingsError as exc:
            err.write(f"mintrender check: {exc}\n")
            return 2
        fail_at = fail_at or settings.severity
        off = {code for name in settings.disable for code in matching(name)}
        if files == [] or any(Path(p).resolve() == docs_dir for p in paths):
            files = []  # the folder itself: the whole site
        result = check_folder(
            CheckOptions(
                docs_dir,
                tuple(files),
                jobs=jobs,
                validate_openapi=validate_openapi,
                cache_dir=cache_dir,
                safe=safe,
            )
        )
        pages += result.pages
        diags = result.diagnostics + ([result.fatal] if result.fatal else [])
        fatal = fatal or result.fatal is not None
        diags = [d for d in diags if d.code not in off and (not only or d.code in only)]
        found += relative_to_cwd(diags, docs_dir)
    is_tty = out.isatty() if hasattr(out, "isatty") else False
    out.write(render(found, fmt, colour=use_colour(colour, is_tty), pages=pages))
    if has_internal_errors(found):
        return EXIT_INTERNAL  # mintrender hit a bug: its own exit code
    if fatal:
        return 2
    threshold = RANK[fail_at or "warning"]
    return 1 if any(RANK[d.severity] >= threshold for d in found) else 0
