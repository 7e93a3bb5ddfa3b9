"""What a check run is asked (`CheckOptions`) and what it answers (`CheckResult`).

Kept apart from the recipe (`mintrender.check.run`) so that a run answered from the memo
(`mintrender.check.memo`) never imports the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mintrender.errors import Diagnostic
from mintrender.model import Safety


@dataclass(frozen=True, slots=True)
class CheckOptions:
    docs_dir: Path
    files: tuple[str, ...] = ()
    """Docs-relative files to check (empty: the whole site)."""
    jobs: int = 0
    """Worker processes (0: one per core for large sites)."""
    validate_openapi: bool = False
    """Also run openapi-spec-validator over every spec (`mintrender[validate]`)."""
    cache_dir: Path | None = None
    """Where page results are kept between runs (None: no cache)."""
    safe: Safety | None = None
    """`--safe`: what untrusted docs may not do (remote specs fetched only if allowed)."""


@dataclass(slots=True)
class CheckResult:
    diagnostics: list[Diagnostic]
    fatal: Diagnostic | None = None
    """The configuration could not be read: nothing else was checked."""
    pages: int = 0
    """Pages checked."""
    timings: dict[str, float] = field(default_factory=dict)
