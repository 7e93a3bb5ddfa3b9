"""The theme's own words (search prompt, "On this page", feedback, 404 page, contextual menu,
search dialog) in the language of the page, as Mintlify shows them for the language codes of
docs.json `navigation.languages[].language`: `themes/mint/ui-text.json`. A language it does
not have, and any string a language lacks, is English."""

from __future__ import annotations

import functools
import json
from typing import Any

from mintrender.themes import theme_dir

JS_KEYS = (
    "search",
    "close_search",
    "no_results",
    "all_languages",
    "all_versions",
    "all_both",
    "kbd_navigate",
    "kbd_select",
    "kbd_close",
    "copied",
)
"""The strings the theme's scripts show (`mr.text` in 10-theme.js): a page in another language
than English carries them (`js_ui_text`)."""

PLAYGROUND_KEYS = (
    "required",
    "headers",
    "cookies",
    "body",
    "try_it",
    "send",
    "close",
    "pg_server",
    "pg_auth_method",
    "pg_content_type",
    "pg_authorization",
    "pg_path",
    "pg_query",
    "pg_empty",
    "pg_sending",
    "pg_missing",
    "pg_failed",
    "pg_bad_json",
    "pg_remember",
    "pg_select",
    "pg_not_set",
    "pg_bearer",
    "pg_image",
    "pg_list_hint",
    "pg_cookie_note",
)
"""The API playground's strings (40-playground.js): carried by API pages only."""


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    data: dict[str, Any] = json.loads(
        (theme_dir("mint") / "ui-text.json").read_text(encoding="utf-8")
    )
    return data["aliases"], data["text"]


def language_key(code: str) -> str:
    """The table's language for a docs.json language code (`fr-CA` -> `fr`, `cn` -> `zh`,
    `zh-TW` -> `zh-Hant`), or "en"."""
    aliases, text = _table()
    wanted = code.strip().replace("_", "-")
    lower = wanted.lower()
    for candidate in (aliases.get(lower), wanted, lower, lower.split("-")[0]):
        if candidate and candidate in text:
            return candidate
    found = aliases.get(lower.split("-")[0])
    return found if found in text else "en"


@functools.lru_cache(maxsize=64)
def ui_text(code: str) -> dict[str, str]:
    """Key -> the theme's string in the language of `code` (English where it has none)."""
    _, text = _table()
    return {**text["en"], **text[language_key(code or "en")]}


def js_ui_text(code: str, api: bool = False) -> dict[str, str]:
    """The scripts' strings for a page in `code` (an API page's with the playground's); {} for
    English (the scripts' own words)."""
    key = language_key(code or "en")
    if key == "en":
        return {}
    words = ui_text(code)
    return {k: words[k] for k in JS_KEYS + PLAYGROUND_KEYS if api or k in JS_KEYS}
