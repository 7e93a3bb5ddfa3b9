"""renderer/search.py: query mapping, payload, fidelity to lunr.py, sizes."""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest
from lunr import get_default_builder
from lunr.index import Index
from test_search_support import modelslab_sections

from mintrender.index.compact import dequantize, quantize
from mintrender.index.languages import language_profile
from mintrender.index.search import (
    FIELDS,
    FORMAT,
    GLOBAL_NAME,
    SearchIndexFiles,
    SearchSection,
    build_lunr_index,
    build_search_index,
    decode_payload,
    normalize_text,
    query_string,
)

MAX_MODELSLAB_BYTES = 1_500_000


def _section(url: str, anchor: str, title: str, text: str, **kw: object) -> SearchSection:
    page_title = str(kw.pop("page_title", title))
    return SearchSection(url, anchor, page_title, title, text, ("Guides",), **kw)  # type: ignore[arg-type]


SMALL = [
    _section("/quickstart", "", "Quickstart", "Get an API key and send your first request."),
    _section(
        "/quickstart",
        "install",
        "Install the SDK",
        "pip install modelslab; set MODELSLAB_API_KEY.",
        page_title="Quickstart",
    ),
    _section(
        "/api/text2img",
        "",
        "Text to Image",
        "Generate images from a prompt with Flux Kontext.",
        api="POST /api/v6/images/text2img Text to image",
        keywords=("txt2img", "generation"),
    ),
    _section("/webhooks", "", "Webhooks", "Receive a POST when a job finishes.", boost=3.0),
]


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("flux k", "flux k k*"),
        ("Flux Kontext", "flux kontext kontext*"),
        ("text2img", "text2img text2img*"),
        ("upscale image ", "upscale image"),
        ("/image_editing/super_resolution", "image editing super resolution resolution*"),
        ("+required -not field:x ^2 ~1", "required not field x 2 1 1*"),
        ("", ""),
        ("  ", ""),
        ("!!! ???", ""),
        ("Übersicht café", "übersicht café café*"),
    ],
)
def test_query_string(typed: str, query: str) -> None:
    assert query_string(typed) == query


def test_normalize_text_keeps_letters_and_digits_only() -> None:
    assert normalize_text("POST /api/v6/images/text2img") == "post api v6 images text2img"
    assert normalize_text("model_id, don't") == "model id don t"
    assert normalize_text("日本語 テキスト") == "日 本 語 テ キ ス ト"
    assert normalize_text("如何安装API密钥？") == "如 何 安 装 api 密 钥"
    assert query_string("安装") == "安 装 装*"


def test_payload_shape() -> None:
    files = build_search_index(SMALL, language="en")
    assert isinstance(files, SearchIndexFiles)
    payload = json.loads(files.index_json)
    assert payload["format"] == FORMAT
    assert payload["language"] == "en"
    assert payload["fields"] == [name for name, _ in FIELDS]
    assert files.documents == 4 and files.terms == len(payload["terms"])
    assert payload["pages"][0] == ["/quickstart", "Quickstart", ["Guides"]]
    assert payload["docs"][1] == [0, "install", "Install the SDK", SMALL[1].text]
    assert payload["docs"][2][0] == 1
    assert files.index_js == f"window.{GLOBAL_NAME}={files.index_json};\n"
    assert files.js_bytes == len(files.index_js.encode())
    assert files.js_gzip_bytes == len(gzip.compress(files.index_js.encode(), 9, mtime=0))


def test_empty_site_gives_a_valid_empty_payload() -> None:
    payload = json.loads(build_search_index([]).index_json)
    assert payload["terms"] == [] and payload["docs"] == [] and payload["vectors"] == []


def test_excerpt_is_short_and_cut_at_a_word() -> None:
    long = _section("/x", "", "X", "word " * 200)
    excerpt = json.loads(build_search_index([long]).index_json)["docs"][0][3]
    assert 100 < len(excerpt) <= 200 and excerpt.endswith("word")


def test_excerpt_drops_a_repeated_heading() -> None:
    sections = [
        _section("/a", "x", "How Webhooks Work", "How Webhooks  Work Include the URL."),
        _section("/a", "y", "Body", "Bodyguard text."),
    ]
    docs = json.loads(build_search_index(sections).index_json)["docs"]
    assert [d[3] for d in docs] == ["Include the URL.", "Bodyguard text."]


def test_decoded_payload_searches_like_the_lunr_index() -> None:
    direct = build_lunr_index(SMALL)
    loaded = Index.load(decode_payload(build_search_index(SMALL).index_json))
    for typed in ["api key", "text2img", "flux k", "install sdk", "post", "webhook"]:
        query = query_string(typed)
        got = [(r["ref"], r["score"]) for r in loaded.search(query)]
        assert got == [(r["ref"], r["score"]) for r in direct.search(query)]


def test_fields_and_boosts_shape_the_ranking() -> None:
    index = build_lunr_index(SMALL)
    assert index.search(query_string("text2img"))[0]["ref"] == "2"  # api field
    assert index.search(query_string("txt2img"))[0]["ref"] == "2"  # keywords
    assert index.search(query_string("install"))[0]["ref"] == "1"  # section title
    # Document boost: "post" is in the webhooks text and the text2img api field.
    assert index.search(query_string("post "))[0]["ref"] == "3"


def _stock_lunr_index(sections: list[SearchSection]) -> Index:
    """What lunr.py's default builder makes of the same field strings."""
    builder = get_default_builder()
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for ref, section in enumerate(sections):
        values = {
            "page_title": normalize_text(section.page_title),
            "title": normalize_text(section.title),
            "text": normalize_text(section.text),
            "keywords": normalize_text(" ".join(section.keywords)),
            "api": normalize_text(section.api),
        }
        boost = {"boost": section.boost} if section.boost != 1 else None
        builder.add({"ref": str(ref), **values}, attributes=boost)
    return builder.build()


@pytest.mark.corpus
def test_fast_indexing_pipeline_builds_the_stock_lunr_index() -> None:
    sections = modelslab_sections()
    stock = json.dumps(_stock_lunr_index(sections).serialize())
    assert json.dumps(build_lunr_index(sections).serialize()) == stock


@pytest.mark.corpus
def test_modelslab_index_is_small_and_faithful() -> None:
    sections = modelslab_sections()
    files = build_search_index(sections)
    assert files.js_bytes <= MAX_MODELSLAB_BYTES, files.js_bytes
    direct = build_lunr_index(sections)
    loaded = Index.load(decode_payload(files.index_json))
    for typed in ["flux k", "api key", "rate limits", "m", "text to sp"]:
        query = query_string(typed)
        got = [(r["ref"], r["score"]) for r in loaded.search(query)]
        assert got == [(r["ref"], r["score"]) for r in direct.search(query)]


def _lunr_vectors(sections: list[SearchSection], language: str | None) -> dict[str, Any]:
    """Field vectors and term order of lunr.py's own index of `sections`, as the payload stores
    its scores (format 1: rounded to 3 places; format 2: quantized)."""
    index = build_lunr_index(sections, language_profile(language))
    serialized = index.serialize()
    compact = not language_profile(language).legacy
    vectors = {
        ref: [
            (t, dequantize(quantize(v)) if compact else round(v * 1000) / 1000)
            for t, v in zip(elements[::2], elements[1::2], strict=True)
        ]
        for ref, elements in serialized["fieldVectors"]
    }
    terms = {term: posting["_index"] for term, posting in serialized["invertedIndex"]}
    return {"vectors": vectors, "terms": terms}


def _payload_vectors(sections: list[SearchSection], language: str | None) -> dict[str, Any]:
    decoded = decode_payload(json.loads(build_search_index(sections, language=language).index_json))
    vectors = {
        ref: list(zip(elements[::2], elements[1::2], strict=True))
        for ref, elements in decoded["fieldVectors"]
    }
    terms = {term: posting["_index"] for term, posting in decoded["invertedIndex"]}
    return {"vectors": vectors, "terms": terms}


@pytest.mark.parametrize("language", [None, "es", "zh"])
def test_payload_holds_the_numbers_of_lunr_index(language: str | None) -> None:
    # The site build makes the payload without lunr.py's builder: same terms, same scores.
    sections = [
        *SMALL,
        _section("/es", "", "Personalización", "Configura tu dominio; la página de inicio."),
        _section("/zh", "", "安装指南", "如何安装API密钥 and the install guide, installing."),
        SearchSection("/b", "", "Boosted", "Boosted", "post post webhook", (), boost=2.5),
    ]
    got, want = _payload_vectors(sections, language), _lunr_vectors(sections, language)
    if language is None:  # format 1 keeps lunr's term order
        assert got["terms"] == want["terms"]
    else:  # format 2 sorts the terms
        assert sorted(got["terms"]) == sorted(want["terms"])
        order = sorted(want["terms"], key=want["terms"].__getitem__)
        want["vectors"] = {
            ref: sorted((got["terms"][order[t]], v) for t, v in pairs)
            for ref, pairs in want["vectors"].items()
        }
    assert got["vectors"] == want["vectors"]


@pytest.mark.corpus
def test_modelslab_payload_holds_the_numbers_of_lunr_index() -> None:
    sections = modelslab_sections()
    assert _payload_vectors(sections, None) == _lunr_vectors(sections, None)


def test_a_word_of_the_page_title_finds_the_page_not_each_section(tmp_path: Any) -> None:
    """FastMCP's "install": every section of Installation ("Upgrading", "Licensing", which
    never say it) came before Cursor's section that says "install" three times, since each
    section was searched with its page's title. The title is searched in the page's first
    section only."""
    from sitekit import build_site, minimal_config, write_site
    from test_search_support import read_index_script

    from mintrender.index.query import reference_search, vocabulary

    install = (
        "---\ntitle: Installation\n---\n\n## Install it\n\nRun pip to install the package.\n\n"
        "## Upgrading\n\nUpgrade with pip.\n\n## Licensing\n\nThe code is MIT licensed.\n"
    )
    cursor = (
        "---\ntitle: Cursor\n---\n\n## Editor setup\n\nThe easiest way to install a server is "
        "the `fastmcp install cursor` command, which installs everything.\n"
    )
    files = {"installation.mdx": install, "cursor.mdx": cursor}
    docs = write_site(tmp_path / "docs", files, minimal_config(["installation", "cursor"]))
    build_site(docs, tmp_path / "out")
    payload = read_index_script(tmp_path / "out" / "_mintrender" / "search-index.js")
    index = Index.load(decode_payload(payload))
    found = []
    for ref, _ in reference_search(index, vocabulary(payload), "install "):
        page, anchor = payload["docs"][int(ref)][:2]
        found.append(f"{payload['pages'][page][1]}#{anchor}")
    assert found == ["Installation#install-it", "Cursor#editor-setup"], found
    # the page's own title still finds it, and a title word with a section's word both
    titled = reference_search(index, vocabulary(payload), "installation upgrade ")
    assert sorted(payload["docs"][int(ref)][1] for ref, _ in titled[:2]) == [
        "install-it",
        "upgrading",
    ]
