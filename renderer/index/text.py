"""Text pipeline of a non-English language: fold, split, bigram, drop stop words, stem.

Mirrored by ``foldText`` / ``tokens`` in ``themes/mint/static/js/50-search.js``; the browser
never stems (it looks surface forms up in the payload's `forms` table, see `search.py`).

    fold("Personnalisé Straße ﬁle")  -> "personnalise strasse file"
    tokens("如何安装API密钥", bigrams=True) -> ["如何", "何安", "安装", "api", "密钥"]
"""

from __future__ import annotations

import functools
import re
import unicodedata
from operator import add
from typing import Any

import snowballstemmer

_MARKS = re.compile("[\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "ı": "i"})
_SPELLED = re.compile("[ßæœøđłı]")
_NON_WORD = re.compile(r"[\W_]+")
CJK_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_CJK_CHAR = re.compile(f"[{CJK_CLASS}]")
_RUNS = re.compile(f"([{CJK_CLASS}]+)|([^\\W_{CJK_CLASS}]+)")
"""The Han/kana runs and the other runs of letters and digits of a text, in order."""


def fold(text: str) -> str:
    """Compatibility-decompose, lower-case, drop diacritics, spell out ß æ œ ø đ ł ı, recompose.

    Diacritics are the Latin/Greek/Cyrillic combining marks and the Hebrew and Arabic vowel
    points; marks that are letters of their script (Devanagari vowel signs, kana voicing) stay.
    """
    if text.isascii():  # nothing to decompose, strip or spell out
        return text.lower()
    text = unicodedata.normalize("NFKD", text).lower()
    text = _MARKS.sub("", text)
    if _SPELLED.search(text):  # translate looks each character up: only where it has to
        text = text.translate(_LETTERS)
    return unicodedata.normalize("NFC", text)


def is_cjk(token: str) -> bool:
    """True for a token made of Han ideographs or kana (a bigram or a lone character)."""
    return bool(_CJK_CHAR.match(token))


def tokens(text: str, *, bigrams: bool) -> list[str]:
    """Folded words of `text`; with `bigrams`, each Han/kana run becomes its character bigrams
    (a lone character stays a word), else each Han/kana character is a word of its own."""
    folded = fold(text)
    if folded.isascii() or not _CJK_CHAR.search(folded):  # every word is one token
        return [word for word in _NON_WORD.split(folded) if word]
    out: list[str] = []
    for cjk, other in _RUNS.findall(folded):
        if other:
            out.append(other)
        elif bigrams and len(cjk) > 1:
            out.extend(map(add, cjk, cjk[1:]))  # cjk[i] + cjk[i + 1]
        else:
            out.extend(cjk)
    return out


@functools.cache
def _stemmer(algorithm: str) -> Any:
    return snowballstemmer.stemmer(algorithm)


@functools.lru_cache(maxsize=1 << 18)
def stem(word: str, algorithm: str | None) -> str:
    """The Snowball stem of a folded word (CJK tokens and digits-only words are kept)."""
    if algorithm is None or is_cjk(word) or word.isdigit():
        return word
    return str(_stemmer(algorithm).stemWord(word))
