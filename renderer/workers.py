"""Forked worker processes: how many, and a `map` that shares big objects without pickling.

Pages are independent once the configuration, navigation, URL set and API index are known, so
the build forks workers that inherit those objects and gets back only the results. Results come
back in the order of the work items, so output is the same as one process's.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_WORK: Callable[[Any], Any] | None = None
"""Set in the parent just before forking; workers call it (never pickled)."""


def auto_jobs(item_count: int) -> int:
    """Worker count for `--jobs 0` (auto): one process for small sites, else the cores (max 8)."""
    if item_count < 150:
        return 1
    cores = (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )
    return max(1, min(cores, 8))


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def interleave(items: Sequence[T], jobs: int) -> list[list[T]]:
    """`jobs` shares of `items`, dealt round-robin (neighbouring pages cost alike)."""
    chunks: list[list[T]] = [[] for _ in range(jobs)]
    for i, item in enumerate(items):
        chunks[i % jobs].append(item)
    return chunks


def _call(item: Any) -> Any:
    assert _WORK is not None, "worker started without its work function"
    return _WORK(item)


def fork_map(work: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    """`[work(item) for item in items]` in `jobs` forked processes that inherit `work`'s closure
    (only the items and the results are pickled)."""
    global _WORK
    _WORK = work
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return pool.map(_call, items, chunksize=1)
    finally:
        _WORK = None
