"""Forked worker processes: how many, and a `map` that shares big objects without pickling.

Pages are independent once the configuration, navigation, URL set and API index are known, so
the build forks workers that inherit those objects and gets back only the results. Results come
back in the order of the work items, so output is the same as one process's.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_WORK: Callable[[Any], Any] | None = None
"""Set in the parent just before forking; workers call it (never pickled)."""


FINEST_SHARE = 32
"""`guided`: the smallest share is 1/(jobs x FINEST_SHARE) of the work (the tasks stay few)."""


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


def guided(weights: Sequence[float], jobs: int, finest: int = FINEST_SHARE) -> list[range]:
    """Consecutive ranges of the indices of `weights` (the cost of each item, in the order
    they are to be handed out) for `fork_map` to hand out as workers come free: each holds
    about half of the work left divided by `jobs`, but no less than 1/(`jobs` x `finest`) of
    the whole (guided self-scheduling). The first shares are big (few results to send back),
    the last small: the workers end within a small share of each other, where equal shares
    left one worker alone for the last share's time (4.6 s on 24,600 pages)."""
    total = float(sum(weights))
    floor = total / (max(1, jobs) * finest)
    shares: list[range] = []
    left, begin, held = total, 0, 0.0
    target = max(left / (2 * max(1, jobs)), floor)
    for i, weight in enumerate(weights):
        held += weight
        if held >= target:
            shares.append(range(begin, i + 1))
            left -= held
            begin, held = i + 1, 0.0
            target = max(left / (2 * max(1, jobs)), floor)
    if begin < len(weights):
        shares.append(range(begin, len(weights)))
    return shares


def slices(items: Sequence[T], jobs: int) -> list[list[T]]:
    """`guided` shares of `items`, each item costing alike, in their order."""
    return [list(items[share.start : share.stop]) for share in guided([1.0] * len(items), jobs)]


def grouped(
    items: Sequence[T],
    key: Callable[[T], object],
    jobs: int,
    weight: Callable[[T], float] | None = None,
) -> list[list[T]]:
    """Shares of `items` for `jobs` workers that keep items of one `key` together (in their
    order): the groups, heaviest first (by `weight`, else by items), in `guided` shares, so
    that the light groups come last, in small shares, and the workers end together; a
    worker's memos see a whole group."""
    groups: dict[object, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    weighed = [(sum(map(weight, g)) if weight else float(len(g)), g) for g in groups.values()]
    weighed.sort(key=lambda pair: -pair[0])  # heaviest groups first (stable)
    return [
        [item for _, group in weighed[share.start : share.stop] for item in group]
        for share in guided([load for load, _ in weighed], jobs)
    ]


def _call(item: Any) -> Any:
    assert _WORK is not None, "worker started without its work function"
    return _WORK(item)


def fork_map(
    work: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    meanwhile: Callable[[], None] | None = None,
) -> list[R]:
    """`[work(item) for item in items]` in `jobs` forked processes that inherit `work`'s closure
    (only the items and the results are pickled). `meanwhile()` runs in this process once the
    workers are forked, while they work (it must not raise: an exception would count as the
    workers' failure)."""
    global _WORK
    _WORK = work
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            pending = pool.map_async(_call, items, chunksize=1)
            if meanwhile is not None:
                meanwhile()
            return pending.get()
    finally:
        _WORK = None


class Background:
    """`fn()` computed in a forked process while this one goes on; `result()` waits for it.

    For the serial stretches of a run, when the other cores are idle. Without `fork` (or when
    the fork fails), `fn` runs at once in this process. An exception in `fn` is raised again
    by `result()`.
    """

    def __init__(self, fn: Callable[[], Any]) -> None:
        self._fn: Callable[[], Any] | None = fn
        self._value: Any = None
        self._error: BaseException | None = None
        self._pid = 0
        self._read = -1
        if can_fork():
            try:
                self._start()
                return
            except OSError:
                self._pid = 0
        self._run_here()

    def _start(self) -> None:
        assert self._fn is not None
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: compute, send, leave without running the parent's exit code
            os.close(read)
            try:
                try:
                    payload = pickle.dumps((True, self._fn()))
                except BaseException as exc:  # noqa: BLE001 - sent to the parent as it is
                    payload = pickle.dumps((False, exc))
                with os.fdopen(write, "wb") as out:
                    out.write(payload)
            finally:
                os._exit(0)
        os.close(write)
        self._pid, self._read = pid, read

    def _run_here(self) -> None:
        assert self._fn is not None
        try:
            self._value = self._fn()
        except BaseException as exc:  # noqa: BLE001 - raised again by result()
            self._error = exc
        self._fn = None

    def result(self) -> Any:
        if self._pid:
            with os.fdopen(self._read, "rb") as pipe:
                data = pipe.read()
            os.waitpid(self._pid, 0)
            self._pid = 0
            try:
                ok, value = pickle.loads(data)
            except Exception:  # noqa: BLE001 - the child died before sending: compute here
                self._run_here()
            else:
                self._fn = None
                self._value, self._error = (value, None) if ok else (None, value)
        if self._error is not None:
            raise self._error
        return self._value
