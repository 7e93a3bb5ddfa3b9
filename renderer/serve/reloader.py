"""Live reload by epochs, as in mkdocs: every applied change is an epoch, and each open tab
long-polls until a later epoch touches its page (or every page)."""

from __future__ import annotations

import threading
import time
from collections import deque

HISTORY = 256
"""Epochs remembered; a tab that slept through more reloads unconditionally."""


class Reloader:
    """Epoch counter with the pages each epoch touched; long-polls wait on it."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        # epochs start at the clock, so a tab left open from an earlier server reloads at once
        self.first = int(time.time() * 1000)
        self.epoch = self.first
        self._history: deque[tuple[int, frozenset[str] | None]] = deque(maxlen=HISTORY)
        self.notes: deque[tuple[int, str]] = deque(maxlen=20)
        """(epoch, what changed) of the last epochs, for `/_mintrender/status`."""
        self._floor = self.first
        self.closed = False

    def bump(self, affected: frozenset[str] | None, note: str = "") -> int:
        """A change was applied: wake the tabs showing an affected page (None = all)."""
        with self._cond:
            self.epoch += 1
            self.notes.append((self.epoch, note))
            if len(self._history) == self._history.maxlen:
                self._floor = self._history[0][0]
            self._history.append((self.epoch, affected))
            self._cond.notify_all()
            return self.epoch

    def must_reload(self, since: int, page: str) -> bool:
        with self._cond:
            return self._must_reload(since, page)

    def _must_reload(self, since: int, page: str) -> bool:
        if since < self._floor or since > self.epoch:
            return True  # from another server run, or older than what we remember
        for epoch, affected in self._history:
            if epoch > since and (affected is None or page in affected):
                return True
        return False

    def wait(self, since: int, page: str, timeout: float) -> tuple[bool, int]:
        """(reload?, current epoch) as soon as `page` must reload, or after `timeout`."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not self.closed:
                if self._must_reload(since, page):
                    return True, self.epoch
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._cond.wait(remaining)
            return False, self.epoch

    def close(self) -> None:
        """Wake every waiting long-poll (the server is stopping)."""
        with self._cond:
            self.closed = True
            self._cond.notify_all()
