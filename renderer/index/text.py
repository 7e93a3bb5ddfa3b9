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
NON_WORD = re.compile(r"[\W_]+")
"""Runs of what is not a letter or digit, for ASCII text (other text: `word_re`)."""
CJK_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_CJK_CHAR = re.compile(f"[{CJK_CLASS}]")


@functools.cache
def mark_class() -> str:
    """A regex class body of the combining marks (Unicode category M): the vowel signs and
    viramas of Indic scripts, Thai and Khmer vowels, Hebrew points... They are part of the
    word they follow (`\\w` leaves them out: "नमस्ते" would split into "नमस" and "त"). Not the
    variation selectors (an emoji's U+FE0F). Made once, when a process first tokenizes text
    that is not ASCII."""
    spans: list[tuple[int, int]] = []
    for code in range(0x300, 0x1E950):
        if unicodedata.category(chr(code))[0] == "M" and not 0xFE00 <= code <= 0xFE0F:
            if spans and spans[-1][1] == code - 1:
                spans[-1] = (spans[-1][0], code)
            else:
                spans.append((code, code))
    return "".join(f"\\U{a:08x}" + (f"-\\U{b:08x}" if b > a else "") for a, b in spans)


@functools.cache
def word_re() -> re.Pattern[str]:
    """A word: letters and digits (not `_`), each with the combining marks that follow it."""
    return re.compile(f"(?:[^\\W_][{mark_class()}]*)+")


@functools.cache
def _mark() -> re.Pattern[str]:
    return re.compile(f"[{mark_class()}]")


def has_marks(text: str) -> bool:
    """Whether `text` holds a combining mark (`mark_class`)."""
    return _mark().search(text) is not None


@functools.cache
def _runs() -> re.Pattern[str]:
    """The Han/kana runs and the other words (`word_re`) of a text, in order."""
    return re.compile(f"([{CJK_CLASS}]+)|((?:[^\\W_{CJK_CLASS}][{mark_class()}]*)+)")


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
    if folded.isascii():  # every word is one token
        return [word for word in NON_WORD.split(folded) if word]
    if not _CJK_CHAR.search(folded):
        return word_re().findall(folded)
    out: list[str] = []
    for cjk, other in _runs().findall(folded):
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
