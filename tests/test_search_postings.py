"""renderer/index/postings.py and the shortcuts of the index stage: each one gives what the
plain computation gives (the payload stays byte-identical), and no memo leaks between indexes."""

from __future__ import annotations

import json
import math
import random
import re
import sys

import pytest

import mintrender.index.sections as glue
from mintrender.index.compact import _encode_int, encode_forms, encode_ints, short_codes
from mintrender.index.languages import language_profile
from mintrender.index.postings import Postings
from mintrender.index.search import (
    EXCERPT_CHARS,
    FIELDS,
    SearchSection,
    _excerpt,
    _words,
    build_search_index,
    payload,
)
from mintrender.index.text import fold, tokens

BOOSTS = tuple(boost for _, boost in FIELDS)


def _section(url: str, title: str, text: str, boost: float = 1.0) -> SearchSection:
    return SearchSection(url, "", title, title, text, ("Guides",), boost=boost)


# --- the pipelines never look across a space (Postings splits texts there) -----------------

_TRICKY = "AΣ xΣ Σb ǅ ﬁ ½ ß Æ İ ı e\u0301 \u0301a 安装 テスト ｶﾀ 한국어 नमस्ते Ω_1 a_b".split()


def _sampled_code_points() -> list[str]:
    rng = random.Random(15)
    picks = [chr(c) for c in range(0x250)]  # Latin, its marks and letters that fold
    picks += [chr(c) for c in rng.sample(range(0x250, sys.maxunicode + 1), 6000)]
    return [c for c in picks if not 0xD800 <= ord(c) < 0xE000] + _TRICKY


@pytest.mark.parametrize("bigrams", [False, True])
def test_pipelines_split_at_spaces(bigrams: bool) -> None:
    for ch in _sampled_code_points():
        for a, b in ((ch, ch), ("AΣ", ch), (ch, "Σb"), ("xΣ", ch + "a"), (ch, "\u0301a")):
            whole = f"{a} {b}"
            assert fold(whole) == f"{fold(a)} {fold(b)}", repr(whole)
            assert tokens(whole, bigrams=bigrams) == tokens(a, bigrams=bigrams) + tokens(
                b, bigrams=bigrams
            ), repr(whole)
            assert _words(whole) == _words(a) + _words(b), repr(whole)


def test_ascii_shortcut_of_fold_and_tokens() -> None:
    assert fold("Hello World_42") == "hello world_42"
    assert tokens("API-key v2 model_id", bigrams=True) == ["api", "key", "v2", "model", "id"]
    assert tokens("如何安装API密钥 ok", bigrams=True) == [
        "如何",
        "何安",
        "安装",
        "api",
        "密钥",
        "ok",
    ]
    assert tokens("如何安装", bigrams=False) == ["如", "何", "安", "装"]


# --- Postings: term ids, counts and document frequencies as lunr's builder counts them -----


def test_postings_count_like_lunr_builder() -> None:
    documents = [
        (("Install", "Install the SDK", "pip install the sdk now", "", ""), 1.0),
        (("Install", "Usage", "install usage usage", "", ""), 2.0),
    ]
    seen: list[str] = []

    def term_of(word: str) -> str | None:
        seen.append(word)
        return None if word == "the" else word

    postings = Postings(documents, _lower_words, term_of)
    assert list(postings.ids) == ["install", "sdk", "pip", "now", "usage"]  # first appearance
    assert len(seen) == len(set(seen))  # the pipeline once per distinct word
    first = postings.fields[0]
    assert list(first[1][0]) == [0, 1] and list(first[1][1]) == [1.0, 1.0]
    assert first[1][2] == 2  # "the" dropped: not counted in the length
    assert first[0] is postings.fields[1][0]  # the same page title: one field
    # (document, field) pairs holding each term
    assert postings.frequency == [5, 2, 1, 1, 2]


def _lower_words(text: str) -> list[str]:
    return text.lower().split()


def _plain_thousandths(postings: Postings) -> list[list[tuple[list[int], list[int]]]]:
    """lunr's expression per term, rounded as the payload rounded it before (`round(x, 3)`)."""
    count = len(postings.fields)
    average = [sum(doc[f][2] for doc in postings.fields) / count for f in range(len(BOOSTS))]
    out = []
    for doc, doc_boost in zip(postings.fields, postings.boosts, strict=True):
        per_field = []
        for (term_ids, tfs, length), field_boost, mean in zip(doc, BOOSTS, average, strict=True):
            pairs = []
            for term, tf in sorted(zip(term_ids, tfs, strict=True)):
                df = postings.frequency[term]
                idf = math.log(1 + abs((count - df + 0.5) / (df + 0.5)))
                norm = 1.2 * (1 - 0.75 + 0.75 * (length / mean))
                score = idf * ((1.2 + 1) * int(tf)) / (norm + int(tf))
                score *= field_boost
                score *= doc_boost
                pairs.append((term, round(round(score, 3) * 1000)))
            per_field.append(([t for t, _ in pairs], [v for _, v in pairs]))
        out.append(per_field)
    return out


@pytest.mark.parametrize("boost", [1.0, 0.3, 7.77, 1e-9, 1e9, 3e12, -2.0])
def test_thousandths_are_round_of_lunr_score_to_3_places(boost: float) -> None:
    rng = random.Random(int(abs(boost) * 1000) % 997)
    vocabulary = [f"w{i}" for i in range(60)]
    documents = []
    for i in range(40):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 30)))
        title = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 3)))
        documents.append(((f"p{i // 3}", title, text, "", ""), boost if i % 2 else 1.0))
    expected = _plain_thousandths(Postings(documents, _lower_words, lambda w: w))
    got = list(Postings(documents, _lower_words, lambda w: w)._thousandths(BOOSTS))
    assert got == expected


def test_scores_near_a_half_thousandth_take_the_exact_rounding() -> None:
    # doc boosts that put a score on a tie: x * 1000 rounds to n + 0.5 while x is above it
    def score(boost: float) -> float:  # the page-title term of the second of two pages
        idf = math.log(1 + abs((2 - 1 + 0.5) / (1 + 0.5)))
        x = idf * ((1.2 + 1) * 1) / (1.2 * (1 - 0.75 + 0.75 * (1 / 1.0)) + 1)
        x *= 4
        x *= boost
        return x

    ties = []
    for target in (0.0005, 0.0015, 0.0025, 1.0005, 2.5005, 0.0125):
        first = target / score(1.0)
        for k in range(-50, 51):
            boost = first * (1 + k * 2.2e-16)
            x = score(boost)
            if round(x * 1000) != round(round(x, 3) * 1000):
                ties.append(boost)
                break
    assert ties, "no tie found: the test no longer tests the exact rounding"
    for boost in ties:
        documents = [(("a", "", "", "", ""), 1.0), (("b", "", "", "", ""), boost)]
        expected = _plain_thousandths(Postings(documents, _lower_words, lambda w: w))
        got = list(Postings(documents, _lower_words, lambda w: w)._thousandths(BOOSTS))
        assert got == expected


# --- encodings -----------------------------------------------------------------------------


def test_code_table_is_the_general_encoder() -> None:
    table = short_codes()
    assert len(table) == 1 << 15
    assert all(table[v] == _encode_int(v) for v in range(1 << 15))
    assert encode_ints([3, 40000, 5]) == _encode_int(3) + _encode_int(40000) + _encode_int(5)
    assert encode_ints([]) == ""


def test_stem_table_keeps_the_terms_order_and_drops_trailing_empties() -> None:
    terms = ["b", "domain", "a", "z"]
    forms = {"domaines": "domain", "as": "a", "unknown": "nowhere"}
    assert encode_forms(terms, forms) == ["", "es", "s"]
    assert encode_forms(terms, {}) == []


# --- excerpts: only the head of a section is normalized ------------------------------------


def _plain_excerpt(text: str, title: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    title = re.sub(r"\s+", " ", title).strip()
    if title and text.startswith(title) and text[len(title) : len(title) + 1] in ("", " "):
        text = text[len(title) :].lstrip()
    if len(text) <= EXCERPT_CHARS:
        return text
    cut = text.rfind(" ", 0, EXCERPT_CHARS + 1)
    return text[: cut if cut > EXCERPT_CHARS // 2 else EXCERPT_CHARS]


def test_excerpt_of_the_head_is_the_excerpt_of_the_whole() -> None:
    rng = random.Random(7)
    pieces = ["word", "Title", " ", "  ", "\n\n", "\t", "\u00a0", "x" * 250, "安装"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 400)))
        title = "".join(rng.choice(pieces[:4]) for _ in range(rng.randint(0, 4)))
        if rng.random() < 0.5:
            text = title + rng.choice(["", " ", "\n", "x"]) + text
        assert _excerpt(text, title) == _plain_excerpt(text, title), (text, title)


# --- no memo leaks between indexes ---------------------------------------------------------

FR = [
    _section("/fr/a", "Personnalisation", "Les domaines personnalisés et les clés"),
    _section("/fr/b", "Domaines", "Configurer un domaine personnalisé"),
]
ES = [
    _section("/es/a", "Personalización", "Los dominios personalizados y las claves"),
    _section("/es/b", "Dominios", "Configurar un dominio personalizado"),
]


def test_no_memo_leaks_between_languages() -> None:
    alone = {lang: build_search_index(s, language=lang).index_js for lang, s in (("fr", FR),)}
    build_search_index(ES, language="es")
    build_search_index(FR + ES, language="es")  # the same words through another pipeline
    assert build_search_index(FR, language="fr").index_js == alone["fr"]
    data = payload(FR, language="fr")
    surfaces = {item for entry in data["forms"] for item in entry.split()}
    assert not any("dominio" in s or "personaliz" in s for s in surfaces)
    assert data["pipeline"]["stemmer"] == language_profile("fr").stemmer


# --- the workers: biggest index first, results in index order ------------------------------


def test_indexes_built_by_workers_come_back_in_index_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    jobs = [
        (("en", ""), []),
        (("zh", ""), []),
        (("fr", ""), []),
    ]
    made = {
        ("en", ""): [_section("/a", "Small", "one")],
        ("zh", ""): [_section("/b", "安装指南", "如何安装API密钥 " * 50)],
        ("fr", ""): FR,
    }
    costs = {"en": 1, "zh": 30, "fr": 5}
    monkeypatch.setattr(glue, "_sections", lambda found: found)
    monkeypatch.setattr(glue, "auto_jobs", lambda total: 2)
    monkeypatch.setattr(glue, "_index_cost", lambda job: costs[job[0][0]])
    jobs = [(key, made[key]) for key, _ in jobs]
    serial = [glue._index_one(job, None)[0] for job in jobs]
    if not glue.can_fork():
        pytest.skip("no fork on this platform: one process builds every index")
    refs = glue._index_scripts(jobs, None)  # type: ignore[arg-type]
    scripts = [ref if isinstance(ref, str) else ref.read().decode("utf-8") for ref in refs]
    assert scripts == serial
    assert [json.loads(s.split("=", 1)[1].rstrip(";\n"))["language"] for s in scripts] == [
        "en",
        "zh",
        "fr",
    ]


def test_index_cost_weighs_bigram_languages() -> None:
    class Record:
        def __init__(self, packed: object) -> None:
            self.packed = packed

    class Page:
        def __init__(self, packed: object) -> None:
            self.record = Record(packed)

    pages = [Page(b"x" * 100), Page(None)]
    assert glue._index_cost((("fr", ""), pages)) == 101  # type: ignore[arg-type]
    assert glue._index_cost((("zh", ""), pages)) == 202  # type: ignore[arg-type]
