"""What a typed query searches for, and the reference search the browser must agree with.

``themes/mint/static/js/50-search.js`` (`Index.prototype.find`) does the same on the same payload;
tests compare the two result lists, scores included.

**English / no language** (format 1): the lunr query string of `search.query_string`, evaluated by
lunr's `Index.search` as before languages had pipelines of their own. A word reaches its stem,
and the last word (unless the typed text ends in whitespace) also its completions (`word*`).

**Other languages** (format 2), for each folded word (`text.tokens`; Han/kana bigrams for
Chinese and Japanese) of the typed text, in order:

* the word's *stem clause*: its stem from the payload's `forms` table (a surface form absent
  from the table is its own stem), unless the word is a stop word;
* for the last word, unless the typed text ends in whitespace, a *prefix clause*: every other
  index term one of whose surface forms (or itself) starts with the word, in code point order
  of the surface forms (the completions of an unfinished word). Words found through their stem
  rank above mere completions, which only the last word gets.

Clauses are lunr term clauses (query weight 1 per term, all fields, field boosts), so titles
outrank text as before.

**Several words** (both formats): a document's lunr score is multiplied by the share of the
typed words it matched (`k / n`, a word matched by any index term it reaches; words that reach
no term are not counted) and the results re-sorted, stably: a page with every word beats one
that repeats a single word often ("code group": the CodeGroup page above pages that only say
"group" many times).

**Typo tolerance** (every language): a word of 5 or more letters that is no stop word and found
nothing through its own clauses matches the index terms (or surface forms) one edit away
(insertion, deletion, substitution, or swap of two neighbours). Documents found only that way
come after every document the query found without it, in the order of the search with those
extra terms; the others keep their place and score.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from lunr.index import Index
from lunr.query import Query
from lunr.query_parser import QueryParser
from lunr.stemmer import PorterStemmer
from lunr.stop_word_filter import WORDS as ENGLISH_STOP_WORDS

from mintrender.index.compact import decode_forms, decode_terms
from mintrender.index.search import FORMAT_2, normalize_text, query_string
from mintrender.index.text import is_cjk, tokens

TYPO_MIN_LETTERS = 5
"""Words shorter than this are never matched with a typo."""

_DIGITS = re.compile(r"[0-9]+")
_PORTER = PorterStemmer()


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The index terms of a payload and how typed words reach them."""

    terms: tuple[str, ...]
    ids: dict[str, int]
    forms: dict[str, str]
    """Surface form -> stem (format 2 only)."""
    keys: tuple[str, ...]
    """Sorted surface forms and terms: what prefixes and typos are matched against."""
    compact: bool
    """Format 2: a language pipeline of its own."""
    bigrams: bool = False
    stop: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class Plan:
    """The clauses of one typed query."""

    lunr_query: str
    """Format 1: the lunr query string."""
    clauses: tuple[tuple[str, ...], ...]
    """Format 2: the clauses, each a tuple of index terms."""
    fuzzy: tuple[str, ...]
    """Index terms reached by one edit only (each its own clause, searched last)."""
    words: tuple[tuple[str, ...], ...] = ()
    """The index terms each typed word reaches, for the words that reach any (for the share of
    words a result matched)."""


def vocabulary(payload: dict[str, Any]) -> Vocabulary:
    """The `Vocabulary` of a payload (`search.build_payload`)."""
    if payload["format"] != FORMAT_2:
        terms = tuple(payload["terms"])
        ids = {t: i for i, t in enumerate(terms)}
        return Vocabulary(terms, ids, {}, tuple(sorted(terms)), False, False, ENGLISH_STOP_WORDS)
    terms = tuple(decode_terms(payload["terms"]))
    forms = decode_forms(terms, payload.get("forms", []))
    pipeline = payload.get("pipeline") or {}
    return Vocabulary(
        terms,
        {t: i for i, t in enumerate(terms)},
        forms,
        tuple(sorted(set(terms) | set(forms))),
        True,
        bool(pipeline.get("bigrams")),
        frozenset(pipeline.get("stop") or ()),
    )


def one_edit(a: str, b: str) -> bool:
    """True when `b` is one insertion, deletion, substitution or neighbour swap from `a`."""
    la, lb = len(a), len(b)
    if abs(la - lb) > 1 or a == b:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la > lb:
        return a[i + 1 :] == b[i:]
    if lb > la:
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:
        return True
    return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]


def _prefixed(vocab: Vocabulary, prefix: str) -> list[str]:
    out: dict[str, None] = {}
    keys = vocab.keys
    for i in range(bisect.bisect_left(keys, prefix), len(keys)):
        if not keys[i].startswith(prefix):
            break
        out.setdefault(vocab.forms.get(keys[i], keys[i]))
    return list(out)


def _typos(vocab: Vocabulary, words: Sequence[str], taken: set[str]) -> list[str]:
    out: dict[str, None] = {}
    for key in vocab.keys:
        if any(one_edit(w, key) for w in words):
            term = vocab.forms.get(key, key)
            if term not in taken:
                out.setdefault(term)
    return list(out)


def _typo_candidate(word: str, vocab: Vocabulary) -> bool:
    return (
        len(word) >= TYPO_MIN_LETTERS
        and word not in vocab.stop
        and not is_cjk(word)
        and not _DIGITS.fullmatch(word)
    )


def plan_query(typed: str, vocab: Vocabulary) -> Plan:
    """The `Plan` of `typed` (see the module docstring)."""
    finished = typed[-1:].isspace()
    clauses: list[tuple[str, ...]] = []
    fuzzy: list[str] = []
    taken: set[str] = set()
    per_word: list[tuple[str, ...]] = []
    if not vocab.compact:
        words = normalize_text(typed).split()
        for i, word in enumerate(words):
            last = i == len(words) - 1 and not finished
            stem = _PORTER.stem(word)
            # the index terms this word's clauses reach: its stem, and the completions of
            # the last word (`word*`)
            reached = ([stem] if stem in vocab.ids else []) + (
                _prefixed(vocab, word) if last else []
            )
            if reached:
                per_word.append(tuple(reached))
            elif _typo_candidate(word, vocab):
                fuzzy += [t for t in _typos(vocab, (word, stem), taken) if t not in fuzzy]
        return Plan(query_string(typed), (), tuple(fuzzy), tuple(per_word))
    words = tokens(typed, bigrams=vocab.bigrams)
    for i, word in enumerate(words):
        last = i == len(words) - 1 and not finished
        found = False
        first_clause = len(clauses)
        if word not in vocab.stop:
            term = vocab.forms.get(word, word)
            if term in vocab.ids:
                clauses.append((term,))
                taken.add(term)
                found = True
        if last:
            # Completions only: the word's own stem is its stem clause already.
            expanded = [t for t in _prefixed(vocab, word) if t not in taken]
            if expanded:
                clauses.append(tuple(expanded))
                taken.update(expanded)
                found = True
        if found:
            per_word.append(tuple(t for clause in clauses[first_clause:] for t in clause))
        elif _typo_candidate(word, vocab):
            fuzzy += [t for t in _typos(vocab, (word,), taken) if t not in fuzzy]
    return Plan("", tuple(clauses), tuple(fuzzy), tuple(per_word))


def _run(index: Index, plan: Plan, *, with_fuzzy: bool) -> list[dict[str, Any]]:
    query = index.create_query()
    if plan.lunr_query:
        QueryParser(plan.lunr_query, query).parse()
    for clause in plan.clauses:
        for term in clause:
            query.clause(term, use_pipeline=False, wildcard=Query.WILDCARD_NONE)
    for term in plan.fuzzy if with_fuzzy else ():
        query.clause(term, use_pipeline=False, wildcard=Query.WILDCARD_NONE)
    if not query.clauses:
        return []
    return list(index.query(query))


def reference_search(index: Index, vocab: Vocabulary, typed: str) -> list[tuple[str, float]]:
    """`(ref, score)` best first, as the browser ranks `typed` on the same payload.

    `index` is lunr.py's index of the payload (`Index.load(decode_payload(payload))`).
    """
    plan = plan_query(typed, vocab)
    results = _run(index, plan, with_fuzzy=False)
    if len(plan.words) > 1:
        n = len(plan.words)
        for r in results:
            matched = set(r["match_data"].metadata)
            k = sum(1 for word in plan.words if matched.intersection(word))
            r["score"] = r["score"] * k / n
        results.sort(key=lambda r: -r["score"])
    if plan.fuzzy:
        seen = {r["ref"] for r in results}
        results += [r for r in _run(index, plan, with_fuzzy=True) if r["ref"] not in seen]
    return [(r["ref"], r["score"]) for r in results]
