"""Diagnostics: one type for every problem found in a user's docs, and its collector."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]

INTERNAL_ERROR = "internal-error"
"""The code of a bug in mintrender itself (an unexpected exception), as opposed to a problem in
the docs: the CLI exits with `EXIT_INTERNAL` when any is reported."""
EXIT_INTERNAL = 3


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem in the user's docs, located as precisely as we can."""

    severity: Severity
    """`error` fails the build's exit code; `warning` only under --strict; `info` never."""
    file: str
    """POSIX path relative to the docs root (or as given, for files outside it)."""
    line: int
    """1-based line, 0 when unknown."""
    column: int
    """1-based column, 0 when unknown."""
    code: str
    """Short stable kebab-case identifier, e.g. `unknown-component`."""
    message: str
    """Names what was expected and what was found."""
    hint: str = ""
    """What to do about it, in a writer's words (`did you mean '/guides/configuration'?`)."""
    detail: str = ""
    """The traceback of an `internal-error` (shown by `--verbose`, in `--report` as `traceback`)."""

    @property
    def text(self) -> str:
        """The message and its hint, as one sentence for one line."""
        return f"{self.message}; {self.hint}" if self.hint else self.message

    def format(self) -> str:
        """`file:line:col: severity: message; hint [code]`, the one shape of every problem."""
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return f"{where}: {self.severity}: {self.text} [{self.code}]"

    def to_dict(self) -> dict[str, object]:
        out = asdict(self)
        detail = out.pop("detail")
        if detail:
            out["traceback"] = detail
        return out


class Diagnostics(list[Diagnostic]):
    """Collector that stages append to and keep going."""

    def add(
        self,
        severity: Severity,
        file: str,
        line: int,
        column: int,
        code: str,
        message: str,
        hint: str = "",
    ) -> None:
        self.append(Diagnostic(severity, file, line, column, code, message, hint))

    def error(
        self, file: str, line: int, column: int, code: str, message: str, hint: str = ""
    ) -> None:
        self.add("error", file, line, column, code, message, hint)

    def warning(
        self, file: str, line: int, column: int, code: str, message: str, hint: str = ""
    ) -> None:
        self.add("warning", file, line, column, code, message, hint)

    def info(
        self, file: str, line: int, column: int, code: str, message: str, hint: str = ""
    ) -> None:
        self.add("info", file, line, column, code, message, hint)

    def internal(self, file: str, line: int, stage: str, exc: BaseException) -> None:
        """An unexpected exception while `stage` ("rendering", ...) worked on `file`: reported as
        an `internal-error` with its traceback, so the build can go on with the next file."""
        self.append(internal_error(file, line, stage, exc))

    def found_by(self, check: Callable[..., None], *args: Any, **kwargs: Any) -> list[Diagnostic]:
        """What `check(*args, self, **kwargs)` adds, taken out again (so the caller can place the
        findings, whichever process computed them)."""
        mark = len(self)
        try:
            check(*args, self, **kwargs)
            return self[mark:]
        finally:
            del self[mark:]

    def count(self, severity: Severity) -> int:  # type: ignore[override]
        return sum(1 for d in self if d.severity == severity)


def sort_key(d: Diagnostic) -> tuple[str, int, int, str]:
    """Stable order for printing and reports."""
    return (d.file, d.line, d.column, d.code)


def internal_error(file: str, line: int, stage: str, exc: BaseException) -> Diagnostic:
    """The `internal-error` diagnostic for an exception caught while `stage` handled `file`."""
    text = str(exc).strip().splitlines()
    what = type(exc).__name__ + (f": {text[0][:200]}" if text else "")
    return Diagnostic(
        "error",
        file,
        line,
        0,
        INTERNAL_ERROR,
        f"mintrender failed while {stage} this file ({what})",
        "this is a bug in mintrender, not in the docs, and the rest of the site is built; "
        "please report it with the traceback (--verbose)",
        detail="".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
    )


def has_internal_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.code == INTERNAL_ERROR for d in diagnostics)
