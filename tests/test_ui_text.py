"""The theme's own words (search prompt, "On this page", feedback, contextual menu, 404 page,
search dialog) are in the language of the page, as Mintlify shows them; English where a
language is not known, and the site's own `search.prompt` wins."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from sitekit import body, build_site, write_site

from mintrender.themes import theme_dir
from mintrender.themes.uitext import JS_KEYS, js_ui_text, language_key

PAGE = "---\ntitle: {title}\n---\n\n## {heading}\n\nText.\n\n```bash\necho hi\n```\n\n## More\n\nMore.\n"


def _site(root: Path, **extra: Any) -> Path:
    def pages(prefix: str) -> list[str]:
        return [f"{prefix}index", f"{prefix}next"]

    config = {
        "name": "Words",
        "theme": "mint",
        "colors": {"primary": "#0D9373"},
        "contextual": {"options": ["copy", "view", "chatgpt"]},
        "navigation": {
            "languages": [
                {"language": "en", "groups": [{"group": "Start", "pages": pages("")}]},
                {"language": "fr", "groups": [{"group": "Début", "pages": pages("fr/")}]},
                {"language": "jp", "groups": [{"group": "開始", "pages": pages("ja/")}]},
                {"language": "xx", "groups": [{"group": "X", "pages": pages("xx/")}]},
            ]
        },
        **extra,
    }
    files = {}
    for prefix in ("", "fr/", "ja/", "xx/"):
        files[f"{prefix}index.mdx"] = PAGE.format(title="Home", heading="Start")
        files[f"{prefix}next.mdx"] = PAGE.format(title="Next", heading="Then")
    return write_site(root, files, config)


def _words(html: str) -> dict[str, Any]:
    def one(pattern: str) -> str | None:
        m = re.search(pattern, html, re.S)
        return m.group(1) if m else None

    script = one(r'<script type="application/json" id="mr-ui-text">(.*?)</script>')
    return {
        "skip": one(r'class="mr-skip-link" href="#content-area">([^<]*)<'),
        "prompt": one(r'mr-search-trigger__text">([^<]*)<'),
        "toggle": one(r'mr-theme-toggle" data-component="theme-toggle" aria-label="([^"]*)"'),
        "toc": one(r'mr-toc__title">.*?<span>([^<]*)</span>'),
        "helpful": one(r'mr-feedback__question">([^<]*)<'),
        "yes_no": re.findall(r'data-feedback="(?:yes|no)"[^>]*>.*?<span>([^<]*)</span>', html),
        "pagination": one(r'id="pagination" class="mr-pagination" aria-label="([^"]*)"'),
        "contextual": re.findall(r'class="mr-contextual__title">([^<]*)<', html),
        "notices": one(r'class="mr-footer__notice" href="[^"]*">([^<]*)<'),
        "sidebar": one(
            r'<aside id="sidebar" class="mr-sidebar" data-component="sidebar" '
            r'aria-label="([^"]*)"'
        ),
        "script": json.loads(script) if script else None,
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ui-text")
    docs = _site(root / "docs")
    out = root / "site"
    result = build_site(docs, out, base_url="https://example.org/docs/", cache=False)
    assert result.fatal is None
    return out


def test_every_language_has_every_string_with_its_placeholders() -> None:
    data = json.loads((theme_dir("mint") / "ui-text.json").read_text(encoding="utf-8"))
    english = data["text"]["en"]
    assert set(JS_KEYS) <= set(english)
    for code, words in data["text"].items():
        assert set(words) == set(english), code
        for key, text in words.items():
            assert text.strip() and "<" not in text, (code, key)
            assert set(re.findall(r"\{\w+\}", text)) == set(re.findall(r"\{\w+\}", english[key])), (
                code,
                key,
            )
    for alias, code in data["aliases"].items():
        assert code in data["text"], alias


@pytest.mark.parametrize(
    ("code", "key"),
    [
        ("fr", "fr"),
        ("fr-CA", "fr"),
        ("pt-BR", "pt"),
        ("cn", "zh"),
        ("zh-Hans", "zh"),
        ("zh-TW", "zh-Hant"),
        ("zh-Hant", "zh-Hant"),
        ("jp", "ja"),
        ("ja-JP", "ja"),
        ("nb", "no"),
        ("EN", "en"),
        ("xx", "en"),
        ("", "en"),
    ],
)
def test_language_codes_find_their_words(code: str, key: str) -> None:
    assert language_key(code) == key


def test_english_pages_carry_no_words_for_the_scripts() -> None:
    assert js_ui_text("en") == {} and js_ui_text("en-GB") == {} and js_ui_text("xx") == {}
    assert js_ui_text("fr")["no_results"] == "Aucun résultat pour « {query} »"
    assert set(js_ui_text("ja")) == set(JS_KEYS)


def test_each_page_shows_the_theme_in_its_language(built: Path) -> None:
    english = _words((built / "index.html").read_text("utf-8"))
    assert english == {
        "skip": "Skip to content",
        "prompt": "Search...",
        "toggle": "Toggle dark mode",
        "toc": "On this page",
        "helpful": "Was this page helpful?",
        "yes_no": ["Yes", "No"],
        "pagination": "Previous and next pages",
        "contextual": ["Copy page", "View as Markdown", "Open in ChatGPT"],
        "notices": "Third-party notices",
        "sidebar": "Site navigation",
        "script": None,
    }
    french = _words((built / "fr/index.html").read_text("utf-8"))
    assert french == {
        "skip": "Aller au contenu",
        "prompt": "Rechercher...",
        "toggle": "Basculer le mode sombre",
        "toc": "Sur cette page",
        "helpful": "Cette page vous a-t-elle été utile ?",
        "yes_no": ["Oui", "Non"],
        "pagination": "Pages précédente et suivante",
        "contextual": ["Copier la page", "Afficher en Markdown", "Ouvrir dans ChatGPT"],
        "notices": "Mentions de tiers",
        "sidebar": "Navigation du site",
        "script": js_ui_text("fr"),
    }
    japanese = _words((built / "ja/next/index.html").read_text("utf-8"))  # "jp" in docs.json
    assert japanese["toc"] == "このページの内容" and japanese["yes_no"] == ["はい", "いいえ"]
    assert japanese["script"] == js_ui_text("ja")
    # a language code the theme has no words for: English, as the site's own pages
    unknown = _words((built / "xx/index.html").read_text("utf-8"))
    assert unknown == {**english, "contextual": english["contextual"]}
    # the cached parts of the page (header, feedback) are kept per language: the English page
    # written after the French one is English again
    assert _words((built / "next/index.html").read_text("utf-8"))["prompt"] == "Search..."


def test_heading_anchors_and_copy_buttons_speak_the_pages_language(built: Path) -> None:
    def labels(rel: str) -> tuple[set[str], set[str]]:
        page = (built / rel).read_text("utf-8")
        anchors = set(re.findall(r'class="mr-heading__anchor"[^>]*aria-label="([^"]*)"', page))
        copies = set(re.findall(r'class="mr-copy"[^>]*aria-label="([^"]*)"', page))
        return anchors, copies

    assert labels("index.html") == ({"Link to this section"}, {"Copy code"})
    assert labels("fr/index.html") == ({"Lien vers cette section"}, {"Copier le code"})
    assert labels("ja/next/index.html") == ({"このセクションへのリンク"}, {"コードをコピー"})
    assert labels("xx/index.html") == ({"Link to this section"}, {"Copy code"})


def test_the_banners_labels_speak_the_pages_language(tmp_path: Path) -> None:
    """The banner's region and dismiss button were labelled in English on every page."""
    docs = _site(tmp_path / "docs", banner={"content": "New!", "dismissible": True})
    out = tmp_path / "site"
    assert build_site(docs, out, cache=False).fatal is None

    def labels(rel: str) -> list[str]:
        page = (out / rel).read_text("utf-8")
        region = re.search(r'class="mr-banner[^"]*"[^>]*aria-label="([^"]*)"', page)
        button = re.search(r'class="mr-banner__close"[^>]*aria-label="([^"]*)"', page)
        assert region and button, rel
        return [region.group(1), button.group(1)]

    assert labels("index.html") == ["Announcement", "Dismiss banner"]
    assert labels("fr/index.html") == ["Annonce", "Fermer la bannière"]
    assert labels("ja/next/index.html") == ["お知らせ", "バナーを閉じる"]


def test_the_sites_search_prompt_wins_in_every_language(tmp_path: Path) -> None:
    docs = _site(tmp_path / "docs", search={"prompt": "Find anything"})
    out = tmp_path / "site"
    assert build_site(docs, out, cache=False).fatal is None
    for page in ("index.html", "fr/index.html", "ja/index.html"):
        assert _words((out / page).read_text("utf-8"))["prompt"] == "Find anything"


@pytest.mark.browser
def test_the_search_dialog_and_copy_button_speak_the_pages_language(
    browser: Any, tmp_path: Path
) -> None:
    docs = _site(tmp_path / "docs")
    out = tmp_path / "site"
    assert build_site(docs, out, mode="offline", cache=False).fatal is None
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    ctx.grant_permissions(["clipboard-read", "clipboard-write"])
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for path, dialog, close, empty, copied in (
        ("fr/index.html", "Rechercher", "Fermer la recherche", "Aucun résultat pour « ", "Copié"),
        ("index.html", "Search", "Close search", "No results for “", "Copied"),
    ):
        page.goto((out / path).as_uri())
        page.click(".mr-search-trigger")
        search = page.locator(".mr-search__dialog")
        search.wait_for(state="visible")
        assert search.get_attribute("aria-label") == dialog
        assert page.locator(".mr-search__esc").get_attribute("aria-label") == close
        page.fill(".mr-search__input", "zqxjv")
        empty_note = page.locator(".mr-search__empty")
        empty_note.wait_for(state="visible")
        assert empty_note.inner_text().startswith(empty)
        assert empty_note.locator("strong").inner_text() == "zqxjv"
        page.keyboard.press("Escape")
        button = page.locator('.mr-code button[data-component="copy"]').first
        button.click()
        page.wait_for_function("b => b.hasAttribute('data-copied')", arg=button.element_handle())
        assert button.get_attribute("aria-label") == copied
    assert errors == []
    ctx.close()


SPEC = """openapi: 3.0.3
info: {title: Pets, version: "1"}
servers: [{url: https://api.example.com}]
paths:
  /pets:
    post:
      summary: Add a pet
      parameters:
        - {name: dry, in: query, required: true, schema: {type: boolean}}
        - {name: size, in: query, schema: {type: integer, minimum: 1, maximum: 9}}
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [owner]
              properties:
                owner:
                  type: object
                  properties: {name: {type: string, default: Ann, readOnly: true}}
      responses:
        "200": {description: Added}
"""
FIELDS_PAGE = """---
title: Fields
---

<ParamField query="limit" type="integer" default="10" required>How many.</ParamField>

<Prompt description="Set it up">Do the thing.</Prompt>

<ResponseField name="user" type="object">
  <Expandable>
    <ResponseField name="id" type="string">Id.</ResponseField>
  </Expandable>
  <Expandable title="tags">
    <ResponseField name="tag" type="string">Tag.</ResponseField>
  </Expandable>
</ResponseField>
"""


def _api_words(html: str) -> dict[str, Any]:
    return {
        "sections": re.findall(r'class="mr-api-section__title">([^<]*)<', html),
        "pills": sorted(set(re.findall(r'mr-api-pill--(?:required|deprecated)">([^<]*)<', html))),
        "default": re.findall(r'class="mr-(?:api-)?pill[^"]*">([^<:]*): ', html)[:1],
        "child": re.findall(r'mr-api-expandable__show">([^<]*)<', html)[:1],
        "prompt": re.findall(r'mr-prompt__action"[^>]*>.*?<span>([^<]*)</span>', html),
    }


def test_api_pages_and_field_components_speak_the_pages_language(tmp_path: Path) -> None:
    config = {
        "name": "Pets",
        "theme": "mint",
        "colors": {"primary": "#0D9373"},
        "navigation": {
            "languages": [
                {"language": "en", "groups": [{"group": "API", "pages": ["add", "fields"]}]},
                {"language": "fr", "groups": [{"group": "API", "pages": ["fr/add", "fr/fields"]}]},
            ]
        },
    }
    operation = "---\ntitle: Add a pet\nopenapi: POST /pets\n---\n"
    files = {"openapi.yaml": SPEC, "add.mdx": operation, "fr/add.mdx": operation}
    files |= {"fields.mdx": FIELDS_PAGE, "fr/fields.mdx": FIELDS_PAGE}
    docs = write_site(tmp_path / "docs", files, config)
    out = tmp_path / "site"
    result = build_site(docs, out, cache=False)
    assert result.fatal is None
    english = _api_words((out / "add/index.html").read_text("utf-8"))
    french = _api_words((out / "fr/add/index.html").read_text("utf-8"))
    assert english["sections"] == ["Query Parameters", "Body", "Response"]
    assert french["sections"] == ["Paramètres de requête", "Corps", "Réponse"]
    assert (english["pills"], french["pills"]) == (["required"], ["obligatoire"])
    assert (english["child"], french["child"]) == (
        ["Show child attributes"],
        ["Afficher les attributs enfants"],
    )
    fr_page = (out / "fr/add/index.html").read_text("utf-8")
    assert "<span>Essayer</span>" in fr_page and "Try it" not in fr_page
    assert "Plage requise: <code>1 &lt;= x &lt;= 9</code>" in fr_page
    assert '<span class="mr-api-pill">lecture seule</span>' in fr_page
    en_page = (out / "add/index.html").read_text("utf-8")
    assert "Required range: <code>1 &lt;= x &lt;= 9</code>" in en_page
    assert '<span class="mr-api-pill">read-only</span>' in en_page
    # the accessible names of the field links, the example copy button and the examples column
    labels = r'(?:mr-api-field__link|mr-api-example__copy|mr-api-aside)"[^>]*aria-label="([^"]*)"'
    en_labels, fr_labels = set(re.findall(labels, en_page)), set(re.findall(labels, fr_page))
    assert {"Copy", "Request and response examples"} <= en_labels
    assert {"Copier", "Exemples de requête et de réponse"} <= fr_labels
    assert any(label.startswith("Link to ") for label in en_labels)
    assert any(label.startswith("Lien vers ") for label in fr_labels)
    assert not any(label.startswith("Link to ") for label in fr_labels)
    # <ParamField> and <Prompt> on an MDX page
    en_fields = _api_words((out / "fields/index.html").read_text("utf-8"))
    fr_fields = _api_words((out / "fr/fields/index.html").read_text("utf-8"))
    assert (en_fields["pills"], fr_fields["pills"]) == (["required"], ["obligatoire"])
    assert (en_fields["default"], fr_fields["default"]) == (["default"], ["par défaut"])
    assert en_fields["prompt"] == ["Copy prompt"]
    assert fr_fields["prompt"] == ["Copier le prompt"]
    # <Expandable>: its toggle, and its default title
    toggles = r'mr-expandable__(?:show|hide)[^"]*">([^<]*)<'
    en_text = (out / "fields/index.html").read_text("utf-8")
    fr_text = (out / "fr/fields/index.html").read_text("utf-8")
    assert re.findall(toggles, en_text) == [
        "Show properties",
        "Hide properties",
        "Show tags",
        "Hide tags",
    ]
    assert re.findall(toggles, fr_text) == [
        "Afficher propriétés",
        "Masquer propriétés",
        "Afficher tags",
        "Masquer tags",
    ]


ASYNC = """asyncapi: 2.6.0
info: {title: Lights, version: "1"}
servers:
  main: {url: mqtt.example.com, protocol: mqtt, bindings: {mqtt: {clientId: docs}}}
channels:
  lights/{id}:
    parameters:
      id: {description: The light.}
    subscribe:
      operationId: watch
      message: {name: seen, payload: {type: object, properties: {on: {type: boolean}}}}
    publish:
      operationId: switch
      message:
        name: flip
        headers: {type: object, properties: {trace: {type: string}}}
        payload: {type: object, properties: {on: {type: boolean}}}
"""


def _versioned_api_site(root: Path) -> Path:
    """A site in English and Spanish, each with two versions, an API page with a playground and
    an AsyncAPI channel page."""
    pages = ["add", "lights"]

    def language(code: str, prefix: str) -> dict[str, Any]:
        return {
            "language": code,
            "versions": [
                {"version": v, "groups": [{"group": "API", "pages": [prefix + p for p in pages]}]}
                for v in ("v2", "v1")
            ],
        }

    config = {
        "name": "Pets",
        "theme": "mint",
        "colors": {"primary": "#0D9373"},
        "navigation": {"languages": [language("en", ""), language("es", "es/")]},
    }
    operation = "---\ntitle: Add a pet\nopenapi: POST /pets\nplayground: interactive\n---\n"
    channel = '---\ntitle: Lights\nasyncapi: "events.yaml lights/{id}"\n---\n'
    files = {"openapi.yaml": SPEC, "events.yaml": ASYNC}
    for prefix in ("", "es/"):
        files |= {f"{prefix}add.mdx": operation, f"{prefix}lights.mdx": channel}
    return write_site(root, files, config)


def test_pickers_channel_pages_and_playground_words_speak_the_pages_language(
    tmp_path: Path,
) -> None:
    docs = _versioned_api_site(tmp_path / "docs")
    out = tmp_path / "site"
    result = build_site(docs, out, cache=False)
    assert result.fatal is None
    en_page = (out / "add/index.html").read_text("utf-8")
    es_page = (out / "es/add/index.html").read_text("utf-8")
    picker = r'class="mr-select__button" aria-label="([^":]*):'
    # a page both versions list carries the other version's picker too (write/versions.py)
    assert set(re.findall(picker, en_page)) == {"Version"}
    assert set(re.findall(picker, es_page)) == {"Versión"}
    # the playground's words travel with an API page, and only with one
    es_script = _words(es_page)["script"]
    assert es_script["send"] == "Enviar" and es_script["pg_query"] == "Consulta"
    assert es_script["pg_missing"] == "Obligatorio: {names}"
    assert "send" not in js_ui_text("es") and "send" in js_ui_text("es", api=True)
    assert _words(en_page)["script"] is None
    # an AsyncAPI channel page: its sections, actions and bindings
    en_channel = (out / "lights/index.html").read_text("utf-8")
    es_channel = (out / "es/lights/index.html").read_text("utf-8")
    sections = r'class="mr-api-section__(?:title|subtitle)">([^<]*)<'
    actions = r'class="mr-asyncapi__action[^"]*">([^<]*)<'
    spanish = {
        "Servers": "Servidores",
        "Parameters": "Parámetros",
        "Operations": "Operaciones",
        "Messages": "Mensajes",
        "Payload": "Carga útil",
        "Headers": "Encabezados",
    }
    en_sections = re.findall(sections, en_channel)
    assert set(en_sections) == set(spanish) and en_sections.count("Payload") == 2
    assert re.findall(sections, es_channel) == [spanish[s] for s in en_sections]
    assert sorted(re.findall(actions, en_channel)) == ["Receive", "Send"]
    assert sorted(re.findall(actions, es_channel)) == ["Enviar", "Recibir"]
    assert "<summary>Vinculaciones</summary>" in es_channel and "Bindings" not in body(es_channel)
    assert "<summary>Bindings</summary>" in en_channel


def test_the_playground_speaks_the_pages_language(browser: Any, tmp_path: Path) -> None:
    docs = _versioned_api_site(tmp_path / "docs")
    out = tmp_path / "site"
    assert build_site(docs, out, mode="offline", cache=False).fatal is None
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for path, legends, send, missing, dialog in (
        (
            "es/add/index.html",
            ["Consulta", "Cuerpo (application/json)"],
            "Enviar",
            "Obligatorio: dry, owner",  # an object field is empty until typed (no prefill)
            "Pruébalo: POST /pets",
        ),
        (
            "add/index.html",
            ["Query", "Body (application/json)"],
            "Send",
            "Required: dry, owner",
            None,
        ),
    ):
        page.goto((out / path).as_uri())
        page.click('[data-component="api-tryit"]')
        playground = page.locator('[data-component="api-playground"]')
        playground.wait_for(state="visible")
        assert page.locator(".mr-api-playground__section legend").all_inner_texts() == legends
        assert page.inner_text('[data-component="api-send"]') == send
        page.click('[data-component="api-send"]')  # a required field is empty: nothing is sent
        assert page.inner_text(".mr-api-playground__error") == missing
        label = page.locator(".mr-api-playground__panel").get_attribute("aria-label")
        assert label == (dialog or "Try it: POST /pets")
        page.keyboard.press("Escape")
    assert errors == []
    page.close()
