"""Per-site `check` settings: `.mintrender.toml` (`[check]`) or `pyproject.toml`
(`[tool.mintrender.check]`), looked up in the docs folder, then its parents.

    [check]
    disable = ["nav-orphan", "openapi-*"]   # codes (or prefix-*) never reported for this site
    severity = "error"                        # the least severity that fails the run

Mintlify's schema allows no `mintrender` key in docs.json, hence a file of our own.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from mintrender.check.rules import unknown_codes
from mintrender.fileio import is_file

SETTINGS_FILES = (".mintrender.toml", "pyproject.toml")
SEVERITIES = ("error", "warning", "info")


class SettingsError(Exception):
    """The settings file cannot be used (exit 2: a typo must not turn checks off)."""


@dataclass(frozen=True, slots=True)
class CheckSettings:
    disable: tuple[str, ...] = ()
    severity: str | None = None
    source: str | None = None
    """The file they came from."""


def find_settings(start: Path) -> CheckSettings:
    """The first settings file with a check section, from `start` up to the filesystem root."""
    for folder in (start, *start.parents):
        for name in SETTINGS_FILES:
            path = folder / name
            if not is_file(path):
                continue
            section = _section(path)
            if section is not None:
                return _parse(section, path)
    return CheckSettings()


def _section(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        if path.name == "pyproject.toml":
            return None  # someone else's file: not ours to judge
        raise SettingsError(f"{path}: {exc}") from exc
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("mintrender")
        if not isinstance(data, dict):
            return None
    section = data.get("check", {})
    if not isinstance(section, dict):
        raise SettingsError(f"{path}: [check] should be a table")
    return section


def _parse(section: dict[str, Any], path: Path) -> CheckSettings:
    disable = section.get("disable", [])
    if isinstance(disable, str):
        disable = [disable]
    if not isinstance(disable, list) or not all(isinstance(c, str) for c in disable):
        raise SettingsError(f"{path}: check.disable should be a list of rule codes")
    unknown = unknown_codes(disable)
    if unknown:
        raise SettingsError(
            f"{path}: check.disable names unknown rules: {', '.join(unknown)} "
            "(`mintrender check --list-rules` lists them)"
        )
    severity = section.get("severity")
    if severity is not None and severity not in SEVERITIES:
        raise SettingsError(f"{path}: check.severity should be one of {', '.join(SEVERITIES)}")
    extra = sorted(set(section) - {"disable", "severity"})
    if extra:
        raise SettingsError(f"{path}: unknown check setting(s): {', '.join(extra)}")
    return CheckSettings(tuple(disable), severity, str(path))
