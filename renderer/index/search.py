"""Search index: `SearchSection`s -> one lunr.py index per site, serialized compactly for the UI.

Each `SearchSection` becomes one lunr document whose ref is its position in the input (`"0"`,
`"1"`, ...). Fields and build-time boosts (`FIELDS`):

=============  ======  =====================================================
field          boost   content
=============  ======  =====================================================
``page_title``   4     the page title (in the page's first section only)
``title``        8     the section heading (page title for the top section)
``text``         1     the section's plain text
``keywords``     6     ``keywords`` front matter
``api``          6     ``"POST /text2img"`` plus the operation summary
=============  ======  =====================================================

`SearchSection.boost` is the lunr document boost.

**English and language-less sites** (`languages.language_profile(...).legacy`). Before lunr sees
a field, `normalize_text`
lower-cases it and turns every run of characters other than letters and digits into one space
(so ``/api/v6/text2img`` indexes ``api``, ``v6``, ``text2img`` and ``model_id`` indexes ``model``
and ``id``) and makes every Han ideograph and kana a word of its own (``安装指南`` indexes four
one-character words: lunr has no Chinese/Japanese segmenter). lunr's own indexing pipeline
(trimmer, stop-word filter, Porter stemmer; memoized, same output) then runs as usual, and the
search pipeline is lunr's: the stemmer only.

**Payload** (``format: "mintrender-search/1"``): ``terms`` (index terms in lunr's term-index
order), ``vectors[doc][field]`` (lunr's field vectors, term-index deltas and scores x 1000, from
which the UI rebuilds the postings), ``pages`` (``[url, page title, breadcrumb]``), ``docs``
(``[page, anchor, section title, excerpt]``), ``fields``, ``lunr`` and ``language`` (metadata).
`decode_payload` turns it back into lunr's own serialization for `lunr.index.Index.load`.

**Every other language** has a pipeline of its own (`index_terms`: folding, Han/kana bigrams,
stop words, Snowball stems; see `text.py` and `languages.py`) and a format-2 payload
(``format: "mintrender-search/2"``, encodings in `compact.py`): ``terms`` sorted and
front-coded, ``vectors[doc][field]`` as strings of integers with quantized scores, ``forms`` (the
stem table: every indexed surface form of each term, so the browser stems by looking words up),
``pipeline`` (``stemmer``, ``bigrams``, ``stop``). How typed text becomes clauses, for both
formats, and the typo tolerance: `query.py`.

**Typed text -> lunr query string** (format 1; `query_string`, mirrored by ``mapQuery`` in
``themes/mint/static/js/50-search.js``)::

    words = normalize_text(typed).split()          # lower-case, letters/digits only
    if not words:            ""                     # nothing to search
    elif typed ends in whitespace (the last word is finished):
                             " ".join(words)
    else:                    " ".join(words + [words[-1] + "*"])

    "Flux K"        -> "flux k k*"
    "text2img"      -> "text2img text2img*"
    "upscale image " -> "upscale image"

Every clause is optional (lunr's OR; documents matching more words score higher). The last word
is searched twice: as typed (stemmed by the search pipeline, so a finished word such as
``images`` finds the indexed stem ``imag``) and as a prefix (``k*``, not stemmed, which finds
``kontext``). A finished last word that is also a prefix of longer terms matches both clauses
and so counts double, which ranks exact words above mere completions. Typed lunr operators
(``+ - * ^ ~ :``) are not special: they are punctuation and vanish in `normalize_text`.

The UI evaluates that string on the compact payload (`build_search_index`) with the same
arithmetic as lunr.py's `Index.search`, so its top results, scores and tie order are lunr's.
"""

from __future__ import annotations

import functools
import gc
import gzip
import json
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from lunr import __TARGET_JS_VERSION__ as LUNR_JS_VERSION
from lunr import get_default_builder
from lunr.index import Index
from lunr.stemmer import stemmer
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token
from lunr.token_set import TokenSet
from lunr.trimmer import trimmer
from lunr.vector import Vector

from mintrender.index.compact import (
    decode_ints,
    decode_terms,
    dequantize,
    encode_forms,
    encode_terms,
)
from mintrender.index.languages import LanguageProfile, language_profile
from mintrender.index.postings import Postings
from mintrender.index.text import NON_WORD, has_marks, stem, tokens, word_re

FORMAT = "mintrender-search/1"
"""`format` key of an English (or language-less) payload; the UI refuses unknown formats."""
FORMAT_2 = "mintrender-search/2"
"""`format` key of a payload with a language pipeline of its own (`compact` encodings)."""

FIELDS: tuple[tuple[str, int], ...] = (
    ("page_title", 4),
    ("title", 8),
    ("text", 1),
    ("keywords", 6),
    ("api", 6),
)
"""lunr fields in index order, with their build-time boosts."""

EXCERPT_CHARS = 200
"""Characters of section text kept in the document table for the result excerpt."""

GLOBAL_NAME = "__MR_SEARCH__"
"""`window` property the index script assigns the payload to (works from file://)."""

_LUNR_TRIM = re.compile(r"\W*(\w+)\W*")
"""lunr's trimmer (`^\\W*?([^\\W]+)\\W*?$`) on a word of `_words`, where only marks are `\\W`."""
_CJK = re.compile("([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f])")


@dataclass(frozen=True, slots=True)
class SearchSection:
    """One searchable section of a page: a lunr document and a row of the result table."""

    url: str
    """Site path of the page (`"/a/b"`), no ROOT placeholder."""
    anchor: str
    """Heading id (`""` for the page top)."""
    page_title: str
    """Title of the page the section belongs to."""
    title: str
    """Section heading (the page title for the top section)."""
    text: str
    """Plain text of the section."""
    breadcrumb: tuple[str, ...]
    """Navigation trail shown above the page's results (groups, not the page itself)."""
    keywords: tuple[str, ...] = ()
    """`keywords` front matter, searchable."""
    api: str = ""
    """`"POST /text2img"` (plus summary) for API pages."""
    boost: float = 1.0
    """lunr document boost (page `boost` or inherited group boost)."""
    version: str = ""
    """`navigation.versions` label the page sits in (`""` outside versions)."""
    page_title_searched: bool = True
    """Whether the page title is searched in this section: in the page's first only, so that
    a word of the title finds the page, not each of its sections (FastMCP's "install" gave
    every section of Installation, "Upgrading" included, before a section that says it)."""


@dataclass(frozen=True, slots=True)
class SearchIndexFiles:
    """The serialized index, ready to be written next to the site."""

    index_json: str
    """The compact payload as JSON (see `build_search_index`)."""
    index_js: str
    """A script assigning the payload to `window.__MR_SEARCH__`, loadable from file://."""
    json_bytes: int
    """UTF-8 size of `index_json`."""
    js_bytes: int
    """UTF-8 size of `index_js`: what the browser downloads."""
    documents: int
    """Number of lunr documents (sections)."""
    terms: int
    """Number of distinct index terms."""

    @property
    def js_gzip_bytes(self) -> int:
        """Size of `index_js` gzipped (level 9): what a compressing server sends (computed when
        asked: the build does not need it)."""
        return len(gzip.compress(self.index_js.encode("utf-8"), compresslevel=9, mtime=0))


def normalize_text(text: str) -> str:
    """Lower-case `text`, replace each run of non-letters/non-digits with one space, and make
    each Han ideograph or kana its own word (Chinese and Japanese have no spaces to split on)."""
    return " ".join(_words(text))


def _words(text: str) -> list[str]:
    """`normalize_text(text).split()`: the words lunr's English pipeline indexes.

    Combining marks belong to the word they follow (Devanagari vowel signs and viramas, Thai
    vowels: `text.word_re`), and a word that is one run of letters and digits between marks loses
    those marks, as lunr's trimmer would at indexing ("की" -> "क"), so that a typed query
    (which lunr does not trim) finds it."""
    text = text.lower()
    if text.isascii():
        return NON_WORD.sub(" ", text).split()
    words = _CJK.sub(r" \1 ", " ".join(word_re().findall(text))).split()
    if not has_marks(text):
        return words
    return [_trimmed(word) for word in words]


def _trimmed(word: str) -> str:
    match = _LUNR_TRIM.fullmatch(word)
    return match.group(1) if match else word


def query_string(typed: str) -> str:
    """Map text typed into the search box to the lunr query string the UI evaluates."""
    words = normalize_text(typed).split()
    if not words:
        return ""
    if typed[-1:].isspace():
        return " ".join(words)
    return " ".join([*words, words[-1] + "*"])


def _field_texts(section: SearchSection) -> tuple[str, str, str, str, str]:
    """The texts of the `FIELDS` of `section`, in order."""
    keywords = " ".join(section.keywords)
    page_title = section.page_title if section.page_title_searched else ""
    return (page_title, section.title, section.text, keywords, section.api)


_FIELD_BOOSTS = tuple(boost for _, boost in FIELDS)


@functools.lru_cache(maxsize=1 << 17)
def _index_term(term: str) -> str | None:
    token = trimmer(Token(term))
    if stop_word_filter(token) is None:
        return None
    return str(stemmer(token))


def build_lunr_index(
    sections: Sequence[SearchSection], profile: LanguageProfile | None = None
) -> Index:
    """Build the lunr.py index of `sections` (document ref = position in `sections`).

    `profile` None or legacy: lunr's English pipeline on `normalize_text`. Otherwise the
    language's own (`index_terms`), run before lunr sees the words.
    """
    return _build_index(sections, profile, {})


@functools.lru_cache(maxsize=64)
def _stop_set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(words)


def index_terms(text: str, profile: LanguageProfile, forms: dict[str, str]) -> list[str]:
    """Index terms of `text` in a non-English language: folded words (Han/kana bigrams for
    Chinese and Japanese) without stop words, Snowball-stemmed. Records each surface form
    whose stem differs from it in `forms` (surface -> stem)."""
    stop = _stop_set(profile.stop_words)
    out: list[str] = []
    for word in tokens(text, bigrams=profile.bigrams):
        if word in stop:
            continue
        term = stem(word, profile.stemmer)
        if term != word:
            forms[word] = term
        out.append(term)
    return out


def _build_index(
    sections: Sequence[SearchSection], profile: LanguageProfile | None, forms: dict[str, str]
) -> Index:
    """The lunr.py index lunr's `Builder` makes of the same field terms (tested against it),
    from `_postings`: without a `Token` per word, the vectors computed once."""
    postings = _postings(sections, profile or language_profile(None), forms)
    names = [name for name, _ in FIELDS]
    inverted: dict[str, dict[str, Any]] = {}
    for term, term_index in postings.ids.items():  # lunr's posting: the fields, then `_index`
        inverted[term] = {**{name: {} for name in names}, "_index": term_index}
    terms = list(postings.ids)
    for ref, per_field in enumerate(postings.fields):
        for name, (term_ids, _, _) in zip(names, per_field, strict=True):
            for term_id in term_ids:
                inverted[terms[term_id]][name][str(ref)] = defaultdict(list)
    vectors: dict[str, Vector] = {}
    for ref, doc in enumerate(postings.vectors(_FIELD_BOOSTS)):
        for name, vector in zip(names, doc, strict=True):
            vectors[f"{name}/{ref}"] = Vector([x for pair in vector for x in pair])
    return Index(
        inverted_index=inverted,
        field_vectors=vectors,
        token_set=TokenSet.from_list(sorted(inverted)),
        fields=names,
        pipeline=get_default_builder().search_pipeline,
    )


def _excerpt(text: str, title: str) -> str:
    """The first `EXCERPT_CHARS` of `text`, cut at a word, without a leading copy of `title`.

    Only the head of `text` is normalized: the normalized head of a text is a prefix of the
    normalized text, and one `need` characters long holds all the excerpt reads."""
    title = " ".join(title.split())  # each run of white space one space, none at the ends
    need = len(title) + EXCERPT_CHARS + 3
    size = 2 * need
    while True:
        head = " ".join(text[:size].split())
        if size >= len(text) or len(head) >= need:
            break
        size *= 4
    text = head
    if title and text.startswith(title) and text[len(title) : len(title) + 1] in ("", " "):
        text = text[len(title) :].lstrip()
    if len(text) <= EXCERPT_CHARS:
        return text
    cut = text.rfind(" ", 0, EXCERPT_CHARS + 1)
    return text[: cut if cut > EXCERPT_CHARS // 2 else EXCERPT_CHARS]


def _encode_documents(
    sections: Sequence[SearchSection],
) -> tuple[list[list[Any]], list[list[Any]]]:
    """Pages table `[url, page title, breadcrumb(, version)]` and docs table
    `[page, anchor, title, excerpt]`; the version only for pages inside `navigation.versions`."""
    pages: list[list[Any]] = []
    page_ids: dict[tuple[str, str, tuple[str, ...], str], int] = {}
    docs: list[list[Any]] = []
    for section in sections:
        key = (section.url, section.page_title, section.breadcrumb, section.version)
        page = page_ids.get(key)
        if page is None:
            page = page_ids[key] = len(pages)
            row: list[Any] = [section.url, section.page_title, list(section.breadcrumb)]
            pages.append([*row, section.version] if section.version else row)
        docs.append([page, section.anchor, section.title, _excerpt(section.text, section.title)])
    return pages, docs


def build_payload(
    sections: Sequence[SearchSection], *, language: str | None = None
) -> tuple[dict[str, Any], Index | None]:
    """The compact payload (a JSON-able dict) and the lunr.py index it was made from.

    With no sections (lunr.py cannot build an empty index) the index is `None` and the payload
    is a valid empty one. A language with a pipeline of its own (`language_profile`) adds
    `pipeline` and `forms` (see `build_search_index`). The site build uses `payload` alone,
    which makes the same payload without building lunr.py's index.
    """
    index = build_lunr_index(sections, language_profile(language)) if sections else None
    return payload(sections, language=language), index


def payload(sections: Sequence[SearchSection], *, language: str | None = None) -> dict[str, Any]:
    """The compact payload of `sections`: the numbers lunr.py's builder would compute (see
    `_postings`), encoded as `build_search_index` describes, without lunr.py's objects."""
    with gc_paused():
        return _payload(sections, language)


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the time of the block (as it was after).

    Building a payload makes millions of small containers and no reference cycle (reference
    counting frees them all), so the collector's passes find nothing, and in a forked worker
    each full pass also walks, and copies, every object the worker inherited."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _payload(sections: Sequence[SearchSection], language: str | None) -> dict[str, Any]:
    profile = language_profile(language)
    forms: dict[str, str] = {}
    postings = _postings(sections, profile, forms)
    terms = list(postings.ids)
    pages, docs = _encode_documents(sections)
    fields = [name for name, _ in FIELDS]
    head = {"format": FORMAT, "lunr": LUNR_JS_VERSION, "language": language, "fields": fields}
    if profile.legacy:
        vectors = postings.milli_vectors(_FIELD_BOOSTS)
        body: dict[str, Any] = {"terms": terms, "vectors": vectors}
    else:
        head["format"] = FORMAT_2
        sorted_terms = sorted(terms)
        rank = dict(zip(sorted_terms, range(len(terms)), strict=True))
        position = list(map(rank.__getitem__, terms))  # term id -> its place
        body = {
            "pipeline": {
                "stemmer": profile.stemmer,
                "bigrams": profile.bigrams,
                "stop": list(profile.stop_words),
            },
            "terms": encode_terms(sorted_terms),
            "forms": encode_forms(sorted_terms, forms),
            "vectors": postings.compact_vectors(_FIELD_BOOSTS, position),
        }
    return {**head, **body, "pages": pages, "docs": docs}


def _postings(
    sections: Sequence[SearchSection], profile: LanguageProfile, forms: dict[str, str]
) -> Postings:
    """The `Postings` of `sections` through `profile`'s pipeline: lunr's English one on
    `normalize_text` (legacy), else `index_terms`' (recording each surface form whose stem
    differs from it in `forms`)."""
    documents = ((_field_texts(section), section.boost) for section in sections)
    if profile.legacy:
        return Postings(documents, _words, lambda word: _index_term(word.lower()))
    stop = _stop_set(profile.stop_words)
    algorithm, bigrams = profile.stemmer, profile.bigrams

    def term_of(word: str) -> str | None:
        if word in stop:
            return None
        term = stem(word, algorithm)
        if term != word:
            forms[word] = term
        return term.lower()

    return Postings(documents, lambda text: tokens(text, bigrams=bigrams), term_of)


def build_search_index(
    sections: Sequence[SearchSection], *, language: str | None = None
) -> SearchIndexFiles:
    """Index `sections` (already filtered: no hidden/noindex pages) for one site or language.

    The payload (`FORMAT`) holds `terms` (index terms in lunr term-index order), `vectors`
    (see `payload`), `pages` and `docs` (the result table), `fields`, and `language`
    as metadata. `decode_payload` turns it back into lunr's own serialization.
    """
    data = payload(sections, language=language)
    index_json = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # U+2028/2029 are legal in JSON but ended string literals in older JS engines.
    body = index_json.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    index_js = f"window.{GLOBAL_NAME}={body};\n"
    js_raw = index_js.encode("utf-8")
    return SearchIndexFiles(
        index_json=index_json,
        index_js=index_js,
        json_bytes=len(index_json.encode("utf-8")),
        js_bytes=len(js_raw),
        documents=len(sections),
        terms=_term_count(data["terms"]),
    )


def _term_count(terms: str | list[str]) -> int:
    """How many terms a payload's `terms` holds (`decode_terms` splits at spaces, too)."""
    if isinstance(terms, list):
        return len(terms)
    return terms.count(" ") + 1 if terms else 0


def decode_payload(payload: dict[str, Any] | str) -> dict[str, Any]:
    """Rebuild lunr's serialized index (for `lunr.index.Index.load`) from the compact payload."""
    data: dict[str, Any] = json.loads(payload) if isinstance(payload, str) else payload
    fields: list[str] = data["fields"]
    compact = data["format"] == FORMAT_2
    terms: list[str] = decode_terms(data["terms"]) if compact else data["terms"]
    postings: list[dict[str, Any]] = [
        {"_index": i, **{name: {} for name in fields}} for i in range(len(terms))
    ]
    field_vectors: list[list[Any]] = []
    for ref, per_field in enumerate(data["vectors"]):
        for name, stored in zip(fields, per_field, strict=True):
            flat = decode_ints(stored) if compact else stored
            elements: list[float] = []
            term_index = 0
            for i in range(0, len(flat), 2):
                term_index += flat[i]
                value = dequantize(flat[i + 1]) if compact else flat[i + 1] / 1000
                elements += [term_index, value]
                postings[term_index][name][str(ref)] = {}
            field_vectors.append([f"{name}/{ref}", elements])
    inverted: list[list[Any]] = sorted(
        ([terms[i], postings[i]] for i in range(len(terms))), key=lambda p: str(p[0])
    )
    return {
        "version": data["lunr"],
        "fields": fields,
        "fieldVectors": field_vectors,
        "invertedIndex": inverted,
        # Languages with a pipeline of their own stem the query before lunr sees it.
        "pipeline": [] if compact else ["stemmer"],
    }
