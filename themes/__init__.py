"""Bundled themes: Jinja2 templates and static files."""

from __future__ import annotations

from pathlib import Path

THEMES_DIR = Path(__file__).parent


def theme_dir(name: str = "mint") -> Path:
    """Return the folder of a bundled theme (only `mint` ships today)."""
    return THEMES_DIR / name
