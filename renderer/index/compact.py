"""Compact text encodings of the search payload for languages with their own pipeline (format 2).

Mirrored by ``decodeInts`` / ``decodeTerms`` in ``themes/mint/static/js/50-search.js``.

* **Integers** (`encode_ints`): each number in groups of 5 bits, most significant first, one
  character per group from `ALPHABET`; the last group of a number uses the first 32 characters,
  the others the last 32. ``[7, 107]`` -> ``"7ZB"``. All characters are JSON-safe and ASCII.
* **Scores** (`quantize`): a field score ``s`` is stored as ``q = round(64 * sqrt(s))``
  (1..1023) and read back as ``q * q / 4096``: exact in any IEEE double arithmetic, so Python
  and the browser score with the same numbers, at about 2 % relative precision.
* **Terms** (`encode_terms`): sorted, front-coded: per term one character of `ALPHABET` for the
  length shared with the previous term, then the rest, terms separated by one space.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
MAX_Q = 1023


def encode_ints(values: Sequence[int]) -> str:
    """Non-negative integers as one string (see the module docstring)."""
    table = short_codes()
    if not values or max(values) < _SHORT_LIMIT:
        return "".join(map(table.__getitem__, values))
    return "".join(table[v] if v < _SHORT_LIMIT else _encode_int(v) for v in values)


def _encode_int(value: int) -> str:
    groups = [value & 31]
    value >>= 5
    while value:
        groups.append(32 | (value & 31))
        value >>= 5
    return "".join(ALPHABET[g] for g in reversed(groups))


_SHORT_LIMIT = 1 << 15


@functools.cache
def short_codes() -> list[str]:
    """`_encode_int` of the numbers below 32768 (up to three characters), looked up; made at
    the first index built, not at import (a warm build reuses its indexes)."""
    low, high = ALPHABET[:32], ALPHABET[32:]  # a number's last group, the groups before it
    tails = [h + c for h in high for c in low]  # the last two groups of 0..1023
    return [*low, *tails[32:], *(h + tail for h in high[1:] for tail in tails)]


def decode_ints(text: str) -> list[int]:
    """`encode_ints` reversed."""
    out: list[int] = []
    value = 0
    for ch in text:
        g = _VALUE[ch]
        value = (value << 5) | (g & 31)
        if g < 32:
            out.append(value)
            value = 0
    return out


def quantize(score: float) -> int:
    """A field score as an integer 1..1023 (`dequantize` reads it back)."""
    return min(MAX_Q, max(1, round(64 * math.sqrt(max(score, 0.0)))))


def dequantize(q: int) -> float:
    return q * q / 4096


def encode_terms(terms: Sequence[str]) -> str:
    """Sorted terms, front-coded (see the module docstring); `terms` must be sorted."""
    out: list[str] = []
    previous = ""
    for term in terms:
        shared = 0
        limit = min(len(term), len(previous), len(ALPHABET) - 1)
        while shared < limit and term[shared] == previous[shared]:
            shared += 1
        out.append(ALPHABET[shared] + term[shared:])
        previous = term
    return " ".join(out)


def decode_terms(text: str) -> list[str]:
    """`encode_terms` reversed."""
    out: list[str] = []
    previous = ""
    for item in text.split(" ") if text else ():
        previous = previous[: _VALUE[item[0]]] + item[1:]
        out.append(previous)
    return out


def encode_forms(terms: Sequence[str], forms: dict[str, str]) -> list[str]:
    """The stem table, parallel to `terms`: the indexed surface forms of each term, space
    separated, written as the suffix after the stem when they start with it (`"es ion"` for
    `personaliz`) and as `!` + the whole form otherwise. Trailing empty entries are dropped."""
    ids = dict(zip(terms, range(len(terms)), strict=True))
    table: dict[int, list[str]] = {}  # only the terms that have forms: most have none
    for surface, term in sorted(forms.items()):
        i = ids.get(term)
        if i is None:
            continue
        entry = surface[len(term) :] if surface.startswith(term) else "!" + surface
        table.setdefault(i, []).append(entry)
    out = [""] * (max(table) + 1 if table else 0)
    for i, entries in table.items():
        out[i] = " ".join(entries)
    while out and not out[-1]:
        out.pop()
    return out


def decode_forms(terms: Sequence[str], encoded: Sequence[str]) -> dict[str, str]:
    """`encode_forms` reversed: surface form -> stem."""
    out: dict[str, str] = {}
    for term, entry in zip(terms, encoded, strict=False):
        for item in entry.split():
            out[item[1:] if item.startswith("!") else term + item] = term
    return out
