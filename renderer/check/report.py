"""`check` output for every consumer: text (grouped by file, coloured on a terminal), JSON,
GitHub workflow annotations and SARIF 2.1.0 for code-scanning UIs.

Every format gets the same findings with paths relative to the current folder, so
`docs/index.mdx:17:1` points at the file from where the command ran.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Literal

from mintrender import __version__
from mintrender.check.rules import RULES
from mintrender.errors import Diagnostic, Severity, sort_key
from mintrender.fileio import whole_text
from mintrender.hints import plural

Format = Literal["text", "json", "github", "sarif"]
FORMATS: tuple[Format, ...] = ("text", "json", "github", "sarif")
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def relative_to_cwd(diags: Sequence[Diagnostic], docs_dir: Path) -> list[Diagnostic]:
    """Docs-relative paths made relative to the current folder (POSIX separators), sorted."""
    cwd = Path.cwd()
    out = []
    for d in sorted(diags, key=sort_key):
        path = os.path.relpath(docs_dir / d.file, cwd)
        out.append(replace(d, file=Path(path).as_posix()))
    return out


def totals(diags: Sequence[Diagnostic]) -> dict[str, object]:
    by_severity = Counter(d.severity for d in diags)
    return {
        "problems": len(diags),
        "by_severity": {s: by_severity.get(s, 0) for s in SEVERITIES},
        "by_code": dict(sorted(Counter(d.code for d in diags).items())),
        "files": len({d.file for d in diags}),
    }


def render(
    diags: Sequence[Diagnostic], fmt: Format, *, colour: bool = False, pages: int = 0
) -> str:
    if fmt == "json":
        return render_json(diags, pages)
    if fmt == "github":
        return "".join(github_line(d) + "\n" for d in diags)
    if fmt == "sarif":
        return whole_text(json.dumps(sarif(diags), indent=2, ensure_ascii=False)) + "\n"
    return render_text(diags, colour=colour)


def render_json(diags: Sequence[Diagnostic], pages: int = 0) -> str:
    doc = {
        "version": 1,
        "tool": f"mintrender {__version__}",
        "pages_checked": pages,
        "totals": totals(diags),
        "diagnostics": [d.to_dict() for d in diags],
    }
    # a file name's undecodable bytes (`bad\xff.mdx`) are U+FFFD: the report stays UTF-8
    return whole_text(json.dumps(doc, indent=2, ensure_ascii=False)) + "\n"


def render_text(diags: Sequence[Diagnostic], *, colour: bool) -> str:
    """Findings in file and line order, a blank line between files (a bold file header on a
    terminal), each in the one-line `file:line:col: severity: message [code]` form editors
    understand; a summary line last."""
    lines: list[str] = []
    current = None
    for d in diags:
        if d.file != current:
            if current is not None:
                lines.append("")
            current = d.file
            if colour:
                lines.append(f"{_BOLD}{d.file}{_RESET}")
        text = d.format()
        head = f"{d.file}:{d.line}:{d.column}:"
        if colour and text.startswith(head):
            sev = f"{_COLOURS[d.severity]}{d.severity}{_RESET}"
            text = f"{_DIM}{head}{_RESET} {sev}: {d.text} {_DIM}[{d.code}]{_RESET}"
        lines.append(text)
    t = totals(diags)
    counts = t["by_severity"]
    assert isinstance(counts, dict)
    problems, files = t["problems"], t["files"]
    assert isinstance(problems, int) and isinstance(files, int)
    summary = (
        f"{plural(problems, 'problem')} ({plural(counts['error'], 'error')}, "
        f"{plural(counts['warning'], 'warning')}, {plural(counts['info'], 'info')}) "
        f"in {plural(files, 'file')}"
    )
    if lines:
        lines.append("")
    lines.append(f"{_BOLD}{summary}{_RESET}" if colour else summary)
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(d: Diagnostic) -> str:
    """A workflow command: `::warning file=docs/a.mdx,line=3,col=5,title=broken-link::...`."""
    kind = {"error": "error", "warning": "warning", "info": "notice"}[d.severity]
    props = [f"file={_escape_property(d.file)}"]
    if d.line:
        props.append(f"line={d.line}")
    if d.column:
        props.append(f"col={d.column}")
    props.append(f"title={_escape_property(d.code)}")
    return f"::{kind} {','.join(props)}::{_escape_data(d.text)}"


def sarif(diags: Sequence[Diagnostic]) -> dict[str, object]:
    """A SARIF 2.1.0 log with one run; every known rule is described once."""
    level = {"error": "error", "warning": "warning", "info": "note"}
    codes = sorted(set(RULES) | {d.code for d in diags})
    index = {code: i for i, code in enumerate(codes)}
    rules = []
    for code in codes:
        rule = RULES.get(code)
        rules.append(
            {
                "id": code,
                "shortDescription": {"text": rule.summary if rule else code},
                "defaultConfiguration": {"level": level[rule.severity if rule else "warning"]},
            }
        )
    results = []
    for d in diags:
        location: dict[str, object] = {"artifactLocation": {"uri": d.file}}
        if d.line:
            region: dict[str, int] = {"startLine": d.line}
            if d.column:
                region["startColumn"] = d.column
            location["region"] = region
        results.append(
            {
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "level": level[d.severity],
                "message": {"text": d.text},
                "locations": [{"physicalLocation": location}],
            }
        )
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "mintrender",
                        "version": __version__,
                        "informationUri": "https://github.com/mintrender/mintrender",
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }


def use_colour(choice: str, stream_is_tty: bool) -> bool:
    """`--color auto` colours a terminal unless NO_COLOR is set (https://no-color.org)."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    return stream_is_tty and not os.environ.get("NO_COLOR")
