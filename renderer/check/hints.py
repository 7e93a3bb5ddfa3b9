"""A "did you mean" hint for a misspelt name (a key, a code, an anchor)."""

from __future__ import annotations

import difflib
from collections.abc import Sequence


def did_you_mean(name: str, known: Sequence[str]) -> str:
    """`; did you mean 'primary'?` for the closest known name, or "" when none is close."""
    # TODO(#14): switch to the shared suggestions helper once it lands on main
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""
