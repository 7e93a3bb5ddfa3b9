"""Diagnostics: one type for every problem found in a user's docs, and its collector."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]


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

    @property
    def text(self) -> str:
        """The message and its hint, as one sentence for one line."""
        return f"{self.message}; {self.hint}" if self.hint else self.message

    def format(self) -> str:
        """`file:line:col: severity: message; hint [code]`, the one shape of every problem."""
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return f"{where}: {self.severity}: {self.text} [{self.code}]"

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


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

    def count(self, severity: Severity) -> int:  # type: ignore[override]
        return sum(1 for d in self if d.severity == severity)


def sort_key(d: Diagnostic) -> tuple[str, int, int, str]:
    """Stable order for printing and reports."""
    return (d.file, d.line, d.column, d.code)
