"""OpenAPI structural problems a reader would hit."""

from __future__ import annotations

from typing import Any

from mintrender.errors import Diagnostics


def lint_specs(index: Any, diagnostics: Diagnostics, *, full: bool = False) -> None:
    return None
