"""What lunr.py's `Builder` computes for a list of documents, as plain data, and its field
vectors in the integer forms the payload stores (`search.payload`).

`Postings` runs a language's pipeline once per distinct space-separated chunk of text
(`words_of`) and once per distinct word (`term_of`), never per occurrence: a field's text is split
at spaces, each chunk becomes the term ids of its words through a memo (``dict`` lookups in C),
and a `Counter` counts them. That is the pipeline's output on the whole text because a pipeline
never looks across a space (`words_of(a + " " + b) == words_of(a) + words_of(b)`: folding,
lower-casing, word splitting and bigrams all stop at a space; checked for every code point,
tested on a sample). Term ids are given in order of first appearance (document, then field,
then word), which is lunr's term index. The memos live as long as one `Postings` is made: no
index sees another's words.

The vectors are lunr's BM25 scores with its k1, b, idf and boosts, each computed by the
expression of lunr's `_create_field_vectors` and rounded to 3 places, kept as integer
thousandths (`_thousandths`: exact, see there). A document's counts are dropped once its vectors
are made, so the vectors are made once.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from operator import sub
from typing import Any

from mintrender.index.compact import encode_ints, quantize

K1, B = 1.2, 0.75
"""lunr's BM25 parameters."""

Field = tuple["array[int]", "array[float]", int]
"""One document field: term ids (first appearance order), their counts (as floats: the scores
are float arithmetic, and a float operand is what Python's fast path wants), and the field
length (the number of term occurrences)."""

_EMPTY: Field = (array("q"), array("d"), 0)
_NO_TERMS: tuple[list[int], list[int]] = ([], [])


class Postings:
    """Term ids, per-field term counts and document frequencies of `documents` (each a
    sequence of field texts and a document boost), as lunr.py's builder would count them."""

    def __init__(
        self,
        documents: Iterable[tuple[Sequence[str], float]],
        words_of: Callable[[str], list[str]],
        term_of: Callable[[str], str | None],
    ) -> None:
        """`words_of(text)`: the words of a text (called once per distinct chunk between
        spaces); `term_of(word)`: its index term, or None for a word the pipeline drops (called
        once per distinct word)."""
        self.ids: dict[str, int] = {}
        """Index term -> term id (lunr's term index)."""
        self.fields: list[tuple[Field, ...]] = []
        """Per document, per field: (term ids, counts, length)."""
        self.boosts: list[float] = []
        ids = self.ids

        def term_id(word: str) -> int:
            term = term_of(word)
            if term is None:
                return -1
            found = ids.get(term)
            if found is None:
                found = ids[term] = len(ids)
            return found

        # word -> term id (-1: dropped); chunk -> its words' ids. New ones are made when `map`
        # meets them: in order of appearance
        id_of = _Memo(term_id).__getitem__

        def chunk_ids(chunk: str) -> tuple[int, ...]:
            found = tuple(map(id_of, words_of(chunk)))
            return tuple(i for i in found if i >= 0) if -1 in found else found

        ids_of = _Memo(chunk_ids).__getitem__

        by_text: dict[str, Field] = {"": _EMPTY}  # a text seen before: its words have ids
        for texts, boost in documents:
            per_field: list[Field] = []
            for text in texts:
                field = by_text.get(text)
                if field is None:
                    seq = list(chain.from_iterable(map(ids_of, text.split(" "))))
                    counts = Counter(seq)
                    field = (array("q", counts), array("d", counts.values()), len(seq))
                    by_text[text] = field = field if seq else _EMPTY
                per_field.append(field)
            self.fields.append(tuple(per_field))
            self.boosts.append(boost)
        holding = Counter(chain.from_iterable(field[0] for doc in self.fields for field in doc))
        self.frequency: list[int] = list(map(holding.__getitem__, range(len(ids))))
        """Term id -> (document, field) pairs holding the term (lunr's `idf` count)."""

    def _thousandths(
        self, field_boosts: Sequence[int], order: Sequence[int] | None = None
    ) -> Iterator[list[tuple[list[int], list[int]]]]:
        """Per document, per field: the term keys in ascending order and each one's score in
        thousandths (`round(score, 3) * 1000` as an integer). The key of a term is its id, or
        `order[id]` when `order` is given.

        The score is lunr's expression; ``round(score * 1000)`` is the integer nearest
        ``round(score, 3) * 1000`` unless the product is close to a half (within 0.01, where its
        rounding error could matter) or beyond 2**40, where `round(score, 3)` is used instead.
        """
        count = len(self.fields)
        if not count:
            return
        average = [sum(doc[f][2] for doc in self.fields) / count for f in range(len(field_boosts))]
        idf = [math.log(1 + abs((count - df + 0.5) / (df + 0.5))) for df in self.frequency]
        if order is not None:
            by_key = [0.0] * len(idf)
            for term, key in enumerate(order):
                by_key[key] = idf[term]
            idf = by_key
        top = max(idf, default=0.0) * (K1 + 1) * max(field_boosts) * 1000
        k1_1 = K1 + 1
        boosts = [float(boost) for boost in field_boosts]  # x * 6 is x * 6.0, done faster
        # per field: the previous document's (field, boost, result): a page's sections share
        # their page title
        previous: list[tuple[Field, float, tuple[list[int], list[int]]] | None]
        previous = [None] * len(field_boosts)
        for i, doc_boost in enumerate(self.boosts):
            per_field, self.fields[i] = self.fields[i], ()
            exact = abs(top * doc_boost) < 2**40
            doc: list[tuple[list[int], list[int]]] = []
            zipped = zip(per_field, boosts, average, strict=True)
            for f, (field, field_boost, mean) in enumerate(zipped):
                term_ids, tfs, length = field
                if not length:
                    doc.append(_NO_TERMS)
                    continue
                last = previous[f]
                if last is not None and last[0] is field and last[1] == doc_boost:
                    doc.append(last[2])
                    continue
                norm = K1 * (1 - B + B * (length / mean))
                keyed = term_ids if order is None else map(order.__getitem__, term_ids)
                tf_of = dict(zip(keyed, tfs, strict=False))
                keys = sorted(tf_of)
                values = []
                for key in keys:
                    tf = tf_of[key]
                    score = idf[key] * (k1_1 * tf) / (norm + tf) * field_boost * doc_boost
                    milli = score * 1000.0
                    value = round(milli)
                    if not (exact and -0.49 < milli - value < 0.49):
                        value = round(round(score, 3) * 1000)
                    values.append(value)
                doc.append((keys, values))
                previous[f] = (field, doc_boost, doc[-1])
            yield doc

    def vectors(self, field_boosts: Sequence[int]) -> Iterator[list[list[tuple[int, float]]]]:
        """Per document, per field: `[(term id, score rounded to 3 places), ...]` by term id,
        lunr's field vectors."""
        for doc in self._thousandths(field_boosts):
            yield [[(t, v / 1000) for t, v in zip(*field, strict=True)] for field in doc]

    def milli_vectors(self, field_boosts: Sequence[int]) -> list[list[list[int]]]:
        """Per document, per field: `[term id delta, score x 1000, ...]` by term id (format 1)."""
        return [[_interleave(*field) for field in doc] for doc in self._thousandths(field_boosts)]

    def compact_vectors(self, field_boosts: Sequence[int], order: Sequence[int]) -> list[list[str]]:
        """Per document, per field: `encode_ints([key delta, quantize(score), ...])` by key
        (`order[term id]`), format 2."""
        quantized = _Memo(lambda value: quantize(value / 1000)).__getitem__
        out = []
        for doc in self._thousandths(field_boosts, order):
            encoded = []
            for keys, values in doc:
                encoded.append(encode_ints(_interleave(keys, list(map(quantized, values)))))
            out.append(encoded)
        return out


class _Memo(dict[Any, Any]):
    """`make(key)` for each key, made once: `map(memo.__getitem__, keys)` runs in C but for
    keys not seen before, which it makes in the order it meets them."""

    def __init__(self, make: Callable[[Any], Any]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self._make(key)
        return value


def _interleave(keys: list[int], values: list[int]) -> list[int]:
    """`[keys[0], values[0], keys[1] - keys[0], values[1], ...]`."""
    flat = [0] * (2 * len(keys))
    flat[::2] = map(sub, keys, [0, *keys])
    flat[1::2] = values
    return flat
