"""Shared fixtures: one headless Chromium per test module (Debian's chromium via Playwright)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest

SHARED_BUILDS_ENV = "MINTRENDER_TEST_BUILDS"  # sitekit.shared_build's folder


def pytest_configure(config: Any) -> None:
    """No test reaches the network: downloads may only ask this machine (load/remote.py),
    into a cache of the test run's own (also for the CLI run as a subprocess).

    The corpora built once per run (sitekit.shared_build) live in a folder made here by the
    main process; pytest-xdist workers inherit its environment, so they share the builds."""
    os.environ["MINTRENDER_NETWORK"] = "loopback"
    os.environ["MINTRENDER_CACHE_DIR"] = tempfile.mkdtemp(prefix="mintrender-test-cache-")
    if not hasattr(config, "workerinput"):
        os.environ[SHARED_BUILDS_ENV] = tempfile.mkdtemp(prefix="mintrender-test-builds-")


def pytest_unconfigure(config: Any) -> None:
    if not hasattr(config, "workerinput") and os.environ.get(SHARED_BUILDS_ENV):
        shutil.rmtree(os.environ.pop(SHARED_BUILDS_ENV), ignore_errors=True)


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


def pytest_collection_modifyitems(config: Any, items: list[pytest.Item]) -> None:
    """Files that build a corpus run first, then those that drive a browser (each file's tests
    kept together, in their order): under `-n auto --dist loadfile` the longest files start at
    once and the many short ones fill the cores at the end."""
    rank: dict[Any, int] = {}
    for item in items:
        mark = (
            0
            if item.get_closest_marker("corpus")
            else 1
            if item.get_closest_marker("browser")
            else 2
        )
        rank[item.path] = min(rank.get(item.path, 2), mark)
    items.sort(key=lambda item: rank[item.path])
