"""Search pipelines per language (renderer/index/languages.py, text.py, compact.py, query.py)."""

from __future__ import annotations

import json

import pytest
from lunr.index import Index

from mintrender.index.compact import (
    decode_forms,
    decode_ints,
    decode_terms,
    dequantize,
    encode_forms,
    encode_ints,
    encode_terms,
    quantize,
)
from mintrender.index.languages import language_profile, text_direction
from mintrender.index.query import _run, one_edit, plan_query, reference_search, vocabulary
from mintrender.index.search import (
    FORMAT,
    FORMAT_2,
    SearchSection,
    build_payload,
    build_search_index,
    decode_payload,
    normalize_text,
)
from mintrender.index.text import fold, stem, tokens


def _section(url: str, title: str, text: str, anchor: str = "") -> SearchSection:
    return SearchSection(url, anchor, title, title, text, ("Docs",))


SPANISH = [
    _section("/es/dominio", "Dominio personalizado", "Configura tu dominio con registros DNS."),
    _section("/es/personalizacion", "Personalización", "Personaliza colores, fuentes y el diseño."),
    _section("/es/contenido", "Contenido", "La personalización del contenido según el usuario."),
    _section("/es/despliegue", "Despliegue", "Cada despliegue publica la documentación."),
    _section("/es/paginas", "Páginas", "Crea páginas nuevas; la página de inicio es especial."),
]


def _reference(sections: list[SearchSection], language: str | None) -> tuple[Index, object]:
    payload, _ = build_payload(sections, language=language)
    payload = json.loads(json.dumps(payload, ensure_ascii=False))
    return Index.load(decode_payload(payload)), vocabulary(payload)


def _urls(sections: list[SearchSection], language: str | None, typed: str) -> list[str]:
    index, vocab = _reference(sections, language)
    return [sections[int(ref)].url for ref, _ in reference_search(index, vocab, typed)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("code", "base", "legacy", "stemmer", "bigrams", "direction"),
    [
        ("en", "en", True, None, False, "ltr"),
        ("", "", True, None, False, "ltr"),
        ("es", "es", False, "spanish", False, "ltr"),
        ("fr-CA", "fr", False, "french", False, "ltr"),
        ("pt-BR", "pt", False, "portuguese", False, "ltr"),
        ("zh-Hans", "zh", False, None, True, "ltr"),
        ("cn", "zh", False, None, True, "ltr"),
        ("jp", "ja", False, None, True, "ltr"),
        ("ko", "ko", False, None, False, "ltr"),
        ("ar", "ar", False, "arabic", False, "rtl"),
        ("he", "he", False, None, False, "rtl"),
        ("fa", "fa", False, "persian", False, "rtl"),
        ("ur", "ur", False, None, False, "rtl"),
    ],
)
def test_language_profiles(
    code: str, base: str, legacy: bool, stemmer: str | None, bigrams: bool, direction: str
) -> None:
    profile = language_profile(code)
    assert (profile.base, profile.legacy, profile.stemmer, profile.bigrams) == (
        base,
        legacy,
        stemmer,
        bigrams,
    )
    assert profile.direction == direction == text_direction(code)


def test_fold_drops_diacritics_and_spells_out_letters() -> None:
    assert (
        fold("Personnalisé Ça Straße ŒUVRE ﬁle Ærø") == "personnalise ca strasse oeuvre file aero"
    )
    assert fold("Größe naïve café") == "grosse naive cafe"
    assert fold("مَرْحَبًا") == "مرحبا"  # Arabic vowel points are diacritics
    assert fold("ガイド") == "ガイド"  # kana voicing marks are letters: recomposed


def test_tokens_bigram_han_and_kana_runs() -> None:
    assert tokens("如何安装API密钥？", bigrams=True) == ["如何", "何安", "安装", "api", "密钥"]
    assert tokens("如何安装", bigrams=False) == ["如", "何", "安", "装"]
    assert tokens("域 名", bigrams=True) == ["域", "名"]
    assert tokens("model_id, v6", bigrams=True) == ["model", "id", "v6"]


def test_snowball_stems_after_folding() -> None:
    assert stem("personalizacion", "spanish") == stem(fold("personalización"), "spanish")
    assert stem("personnalise", "french") == stem(fold("personnalisé"), "french")
    assert stem("安装", "spanish") == "安装"
    assert stem("2024", "french") == "2024"


def test_compact_encodings_round_trip() -> None:
    values = [0, 1, 31, 32, 1023, 1024, 99999]
    assert decode_ints(encode_ints(values)) == values
    assert encode_ints([7, 107]) == "7ZB"
    terms = sorted(["domain", "domaine", "personnalis", "安装", "安全", "a"])
    assert decode_terms(encode_terms(terms)) == terms
    forms = {"domaines": "domain", "personnalisees": "personnalis", "yeux": "oeil"}
    table = encode_forms([*terms, "oeil"], forms)
    assert decode_forms([*terms, "oeil"], table) == forms
    for score in (0.05, 0.5, 2.8, 21.5, 59.0):
        q = quantize(score)
        assert abs(dequantize(q) - score) / score < 0.12
        assert dequantize(q) == q * q / 4096


def test_english_payload_is_unchanged_by_languages() -> None:
    """English keeps lunr's pipeline and format 1: byte for byte the language-less payload."""
    english = build_search_index(SPANISH, language="en")
    plain = build_search_index(SPANISH)
    assert json.loads(english.index_json)["format"] == FORMAT
    assert english.index_json.replace('"language":"en"', '"language":null') == plain.index_json


def test_other_languages_get_format_2_with_a_stem_table() -> None:
    payload, _ = build_payload(SPANISH, language="es")
    assert payload["format"] == FORMAT_2
    assert payload["pipeline"]["stemmer"] == "spanish"
    assert "de" in payload["pipeline"]["stop"]
    terms = decode_terms(payload["terms"])
    forms = decode_forms(terms, payload["forms"])
    assert forms["personalizacion"] == forms["personaliza"] == "personaliz"
    assert "de" not in terms and "la" not in terms  # stop words are not indexed
    assert terms == sorted(terms)


def test_accentless_and_inflected_queries_find_spanish_pages() -> None:
    found = _urls(SPANISH, "es", "personalizacion")
    assert found[0] == "/es/personalizacion"
    assert set(found) == {"/es/personalizacion", "/es/contenido", "/es/dominio"}
    assert _urls(SPANISH, "es", "pagina")[0] == "/es/paginas"
    assert _urls(SPANISH, "es", "dominios personalizados")[0] == "/es/dominio"


def test_stop_words_are_not_searched_but_complete_as_prefixes() -> None:
    index, vocab = _reference(SPANISH, "es")
    plan = plan_query("de ", vocab)  # type: ignore[arg-type]
    assert plan.clauses == () and plan.fuzzy == ()
    assert plan_query("des", vocab).clauses == ((stem("despliegue", "spanish"),),)  # type: ignore[arg-type]


def test_finished_word_ranks_above_mere_completions() -> None:
    sections = [
        _section("/a", "Deploy", "deploy deploy"),
        _section("/b", "Deployment", "deployment"),
    ]
    # "deploy" (unfinished): a stem match for /a, a completion for /b; /a first.
    assert _urls(sections, "nl", "deploy")[:2] == ["/a", "/b"]
    # finished: the completion is not searched
    assert _urls(sections, "nl", "deploy ") == ["/a"]


def test_more_words_matched_rank_first() -> None:
    sections = [
        _section("/one", "Thème personnalisé", "Couleurs du thème."),
        _section("/both", "Ajouter", "Ajouter un domaine personnalisé à votre site."),
        _section("/other", "Domaine", "Le domaine."),
    ]
    index, vocab = _reference(sections, "fr")
    plan = plan_query("domaine personnalise", vocab)  # type: ignore[arg-type]
    assert len(plan.words) == 2
    raw = {r["ref"]: r["score"] for r in _run(index, plan, with_fuzzy=False)}
    got = dict(reference_search(index, vocab, "domaine personnalise"))  # type: ignore[arg-type]
    # a score times the share of the words its document matched
    assert got == {"0": raw["0"] * 1 / 2, "1": raw["1"], "2": raw["2"] * 1 / 2}
    assert list(got) == sorted(got, key=lambda ref: -got[ref])


def test_typos_of_long_words_come_last_and_never_first() -> None:
    sections = [
        _section("/domain", "Domaine", "Le domaine de la documentation."),
        _section("/domains", "Domaines", "Des domaines."),
        _section("/other", "Autre", "Une page sans rapport : documentacion."),
    ]
    # "documentacion" is indexed (page /other), so no typo is looked for
    assert _urls(sections, "fr", "documentacion")[0] == "/other"
    # one letter swapped: found through the typo, after nothing
    assert set(_urls(sections, "fr", "domiane")) == {"/domain", "/domains"}
    # an exact word keeps its place ahead of typo-only matches
    urls = _urls(sections, "fr", "autre domiane")
    assert urls[0] == "/other" and set(urls[1:]) == {"/domain", "/domains"}
    # short words never match a typo
    assert _urls(sections, "fr", "pgae") == []


def test_english_typos_only_add_results_after_the_lunr_ones() -> None:
    sections = [
        _section("/auth", "Authentication", "Send your API key."),
        _section("/rate", "Rate limits", "Requests per minute."),
    ]
    assert _urls(sections, None, "authentcation") == ["/auth"]
    assert _urls(sections, None, "rate authentcation")[:2] == ["/rate", "/auth"]
    assert _urls(sections, None, "xyzzyplugh") == []


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("domain", "domian", True),
        ("domain", "domains", True),
        ("domain", "domin", True),
        ("domain", "doxain", True),
        ("domain", "domain", False),
        ("domain", "dmoian", False),
        ("domain", "domainss", False),
    ],
)
def test_one_edit(a: str, b: str, near: bool) -> None:
    assert one_edit(a, b) is near
    assert one_edit(b, a) is near


def test_chinese_two_character_word_outranks_scattered_characters() -> None:
    sections = [
        _section("/scattered", "名称", "这个区域的名字。"),
        _section("/domain", "自定义域名", "配置域名的 DNS 记录。"),
    ]
    assert _urls(sections, "zh", "域名") == ["/domain"]
    # with single characters (the legacy pipeline) both pages match
    assert set(_urls(sections, None, "域名")) == {"/domain", "/scattered"}


HINDI = [
    _section("/hi/start", "शुरू करें", "नमस्ते! अपनी API कुंजी बनाएँ और पहला अनुरोध भेजें।"),
    _section("/hi/images", "चित्र", "टेक्स्ट से चित्र बनाने के लिए मॉडल चुनें।"),
    _section("/hi/other", "अन्य", "नम और ते अलग शब्द हैं।"),
]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("नमस्ते दुनिया", ["नमस्ते", "दुनिया"]),  # virama and vowel signs inside a word
        ("தமிழ் மொழி", ["தமிழ்", "மொழி"]),  # Tamil
        ("สวัสดีครับ", ["สวัสดีครับ"]),  # Thai vowels above and below
        ("বাংলা ভাষা", ["বাংলা", "ভাষা"]),  # Bengali
        ("नमस्ते_API/v6", ["नमस्ते", "api", "v6"]),  # still split at `_` and punctuation
        ("如何 नमस्ते", ["如", "何", "नमस्ते"]),
        ("\u26a0\ufe0f Warning \u0301x", ["warning", "x"]),  # no word of marks alone
    ],
)
def test_combining_marks_stay_in_their_word(text: str, words: list[str]) -> None:
    assert tokens(text, bigrams=False) == words
    assert normalize_text(text).split() == words


def test_hindi_words_are_found_whole() -> None:
    for language in ("hi", None):  # Hindi's own pipeline, and an English site's
        assert _urls(HINDI, language, "नमस्ते")[:1] == ["/hi/start"], language
        assert _urls(HINDI, language, "कुंजी") == ["/hi/start"], language
        # "नम" is a word of /hi/other only; before, "नमस्ते" was indexed as "नमस" + "त"
        assert "/hi/start" not in _urls(HINDI, language, "ते "), language


def test_lunr_trims_the_marks_around_one_letter_run_and_so_do_queries() -> None:
    # lunr's trimmer keeps `\w+` between `\W` (marks are `\W` to it): the index holds "क" for
    # "की", and the typed query is trimmed the same way
    assert normalize_text("की है") == "क ह"
    sections = [*HINDI, _section("/hi/of", "का", "यह की है")]
    assert "/hi/of" in _urls(sections, None, "की ")


def test_english_pages_with_every_word_rank_first() -> None:
    sections = [
        _section("/groups", "Groups", "A group of groups: group, group, group."),
        _section("/code-group", "Code blocks", "Show code in a group with a code group."),
        _section("/code", "Code", "Code code code."),
    ]
    index, vocab = _reference(sections, None)
    plain = [sections[int(r["ref"])].url for r in index.search("code group group*")]
    assert plain[0] != "/code-group"  # lunr alone: the page that repeats one word wins
    assert _urls(sections, None, "code group")[0] == "/code-group"
    assert _urls(sections, None, "code group ")[0] == "/code-group"
    plan = plan_query("code grou", vocab)  # type: ignore[arg-type]
    assert plan.words == (("code",), ("group",))  # the unfinished word reaches its completions
    # a word that reaches no term is not counted: "the" leaves the shares as they were
    assert _urls(sections, None, "the code group")[0] == "/code-group"
    # one word: lunr's ranking as it is
    assert [sections[int(r)].url for r, _ in reference_search(index, vocab, "group")] == [  # type: ignore[arg-type]
        sections[int(r["ref"])].url for r in index.search("group group*")
    ]
