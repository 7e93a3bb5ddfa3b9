"""Shared fixtures: one headless Chromium per test module (Debian's chromium via Playwright)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A launched browser; skips with the reason when chromium or Playwright is missing."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("chromium not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(autouse=True, scope="session")
def _diagram_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Drawn diagrams are cached in a folder of this test session, not the user's cache."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MINTRENDER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield
