"""docs.json against Mintlify's documented schema."""

from __future__ import annotations

from mintrender.errors import Diagnostics
from mintrender.load.config import SiteConfig


def validate_config(config: SiteConfig, diagnostics: Diagnostics) -> None:
    return None
