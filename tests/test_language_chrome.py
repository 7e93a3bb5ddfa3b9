"""Per-language banner, footer and navbar (`navigation.languages[].banner|footer|navbar`,
navigation.md §3.1): a page listed under a language that sets one of them shows the language's
in place of the site's; every other page (another language, a page outside navigation, 404)
shows the site's. The fixture site is tests/sites/language-chrome: English without overrides,
French (a `$ref`-ed file, with versions) overriding all three, Spanish overriding the footer."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sitekit import build_site, goto_once_stored, reload_once_stored
from test_build_cache import edit, same_as_cold

from mintrender.load.chrome import Banner, Chrome, read_chrome_override

SITE = Path(__file__).resolve().parent / "sites" / "language-chrome"


def _copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SITE, tmp_path / "docs"))


def chrome_of(html: str) -> dict[str, Any]:
    """What a page shows of the banner, navbar and footer."""
    banner = re.search(r'<div class="mr-banner__content">(.*?)</div>', html, re.S)
    key = re.search(r'id="banner"[^>]* data-key="([^"]*)"', html)
    stored = re.search(r'localStorage\.getItem\("mr-banner:" \+ "([^"]*)"\)', html)
    header = html.split('<header id="navbar"', 1)[1].split("</header>", 1)[0]
    footer = html.split('<footer id="footer"', 1)[1].split("</footer>", 1)[0]
    return {
        "lang": re.search(r'<html lang="([^"]*)"', html).group(1),  # type: ignore[union-attr]
        "banner": re.sub(r"<[^>]+>", "", banner.group(1)) if banner else None,
        "banner_key": key.group(1) if key else None,
        "stored_key": stored.group(1) if stored else None,
        "navbar": re.findall(
            r'class="mr-navbar__link" href="([^"]*)".*?link-label">([^<]*)', header
        ),
        "primary": re.findall(r'mr-navbar__primary" href="([^"]*)"[^>]*><span>([^<]*)', header),
        "drawer": re.findall(r'class="mr-nav__link" href="([^"]*)"', html),
        "footer_headers": re.findall(r'mr-footer__header">([^<]*)', footer),
        "footer_links": re.findall(r'mr-footer__link" href="([^"]*)"[^>]*>([^<]*)', footer),
        "socials": re.findall(r'mr-footer__social" href="([^"]*)"', footer),
    }


SITE_WIDE = {
    "banner": "Version 2 is out. Read the notes",
    "navbar": [("https://example.com/community", "Community")],
    "primary": [("https://example.com/signup", "Sign up")],
    "footer_headers": ["Resources"],
    "footer_links": [("/notes/", "Notes")],
    "socials": ["https://github.com/example"],
}
FRENCH = {
    "banner": "La version 2 est sortie. Lire les notes",
    "navbar": [("/fr/v2/notes/", "Communauté")],
    "primary": [("/fr/v2/", "S&#39;inscrire")],
    "footer_headers": ["Ressources", "Société"],
    "footer_links": [
        ("/fr/v2/notes/", "Notes de version"),
        ("https://example.com/fr/blog", "Blog"),
    ],
    "socials": ["https://x.com/example-fr"],
}


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("language-chrome")
    result = build_site(SITE, out, cache=False)
    assert result.fatal is None
    assert [d.format() for d in result.diagnostics if d.severity != "info"] == []
    return out


def _page(out: Path, rel: str) -> dict[str, Any]:
    return chrome_of((out / rel).read_text(encoding="utf-8"))


def _shows(found: dict[str, Any], expected: dict[str, Any]) -> None:
    assert {k: found[k] for k in expected} == expected


def test_each_language_shows_its_own_banner_navbar_and_footer(hosted: Path) -> None:
    english = _page(hosted, "notes/index.html")
    _shows(english, SITE_WIDE)
    assert english["lang"] == "en"
    # French, in both of its versions and on every tab
    for rel in ("fr/v2/index.html", "fr/v2/notes/index.html", "fr/v2/reference/index.html"):
        _shows(_page(hosted, rel), FRENCH)
    french_v1 = _page(hosted, "fr/v1/index.html")
    _shows(french_v1, FRENCH)
    assert french_v1["lang"] == "fr"
    # the link's icon, as for the site's links
    html = (hosted / "fr/v1/index.html").read_text(encoding="utf-8")
    assert re.search(
        r'<span class="mr-navbar__link-icon"><svg[^>]*>.*?</svg></span><span class="mr-navbar__link-label">Communauté',
        html,
    )
    # the phone drawer's copy of the navbar links is the language's too
    assert french_v1["drawer"] == ["/fr/v2/notes/"]
    assert english["drawer"] == ["https://example.com/community"]
    # Spanish sets only its footer, as a whole (no socials): banner and navbar are the site's
    spanish = _page(hosted, "es/notes/index.html")
    _shows(
        spanish,
        {
            **SITE_WIDE,
            "footer_headers": ["Recursos"],
            "footer_links": [("/es/notes/", "Notas")],
            "socials": [],
        },
    )
    # a page outside navigation and the 404 page have no language: the site's
    for rel in ("orphan/index.html", "404.html"):
        _shows(_page(hosted, rel), SITE_WIDE)


def test_a_dismissed_banner_is_remembered_per_text(hosted: Path) -> None:
    english = _page(hosted, "index.html")
    french = _page(hosted, "fr/v2/index.html")
    spanish = _page(hosted, "es/index.html")
    assert english["banner_key"] and french["banner_key"]
    assert english["banner_key"] != french["banner_key"]
    # the script that hides a dismissed banner before first paint reads the page's own key
    assert english["stored_key"] == english["banner_key"]
    assert french["stored_key"] == french["banner_key"]
    # the same banner text: dismissed once, dismissed everywhere it is shown
    assert spanish["banner_key"] == english["banner_key"]


def test_offline_and_base_path_links(tmp_path: Path) -> None:
    offline = tmp_path / "offline"
    assert build_site(SITE, offline, mode="offline", cache=False).fatal is None
    page = _page(offline, "fr/v2/notes/index.html")
    assert page["navbar"] == [("../../../fr/v2/notes/index.html", "Communauté")]
    assert page["primary"] == [("../../../fr/v2/index.html", "S&#39;inscrire")]
    assert page["footer_links"][0] == ("../../../fr/v2/notes/index.html", "Notes de version")
    assert page["footer_links"][1] == ("https://example.com/fr/blog", "Blog")
    html = (offline / "fr/v1/index.html").read_text(encoding="utf-8")
    assert '<a href="../../fr/v2/notes/index.html">Lire les notes</a>' in html

    mirror = tmp_path / "mirror"
    assert build_site(SITE, mirror, base_url="https://example.org/docs/", cache=False).fatal is None
    page = _page(mirror, "fr/v2/notes/index.html")
    assert page["navbar"] == [("/docs/fr/v2/notes/", "Communauté")]
    assert page["footer_links"][0] == ("/docs/fr/v2/notes/", "Notes de version")
    assert _page(mirror, "notes/index.html")["footer_links"] == [("/docs/notes/", "Notes")]


def test_editing_only_a_languages_banner_rebuilds_like_a_cold_build(tmp_path: Path) -> None:
    docs = _copy(tmp_path)
    cache = tmp_path / "cache"
    same_as_cold(docs, tmp_path, cache, "first")
    edit(docs / "fr.json", "La version **2** est sortie.", "La version **3** arrive.")
    same_as_cold(docs, tmp_path, cache, "fr-banner")
    french = _page(tmp_path / "warm", "fr/v2/index.html")
    assert french["banner"] == "La version 3 arrive. Lire les notes"
    config = json.loads((docs / "docs.json").read_text(encoding="utf-8"))
    config["navigation"]["languages"][2]["navbar"] = {
        "links": [{"label": "Comunidad", "href": "/es/notes"}]
    }
    (docs / "docs.json").write_text(json.dumps(config), encoding="utf-8")
    same_as_cold(docs, tmp_path, cache, "es-navbar")
    spanish = _page(tmp_path / "warm", "es/index.html")
    assert spanish["navbar"] == [("/es/notes/", "Comunidad")]


BAD_FR = {
    "banner": "Nouvelle version",
    "footer": {"links": "Ressources", "socials": {"x": "https://x.com/a"}},
    "navbar": {"links": [{"label": "Sans lien"}], "primary": {"type": "bouton", "href": "/fr"}},
}


def _bad_site(tmp_path: Path) -> Path:
    docs = _copy(tmp_path)
    french = json.loads((docs / "fr.json").read_text(encoding="utf-8"))
    (docs / "fr.json").write_text(json.dumps({**french, **BAD_FR}, indent=2), encoding="utf-8")
    config = json.loads((docs / "docs.json").read_text(encoding="utf-8"))
    config["navigation"]["languages"][2]["banner"] = {"content": 3, "tipe": "info"}
    (docs / "docs.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    return docs


def test_malformed_overrides_are_reported_like_the_sites_keys(tmp_path: Path) -> None:
    docs = _bad_site(tmp_path)
    result = build_site(docs, tmp_path / "out", cache=False)
    assert result.fatal is None
    found = sorted(
        (d.line, d.column, d.code, d.message) for d in result.diagnostics if d.severity != "info"
    )
    at = (81, 7)  # the `$ref` of fr.json: where its keys stand in docs.json
    prefix = "navigation.languages[1]."
    assert found == [
        (
            *at,
            "config-schema",
            prefix + "navbar.primary.type: 'bouton' is not one of button, github, discord",
        ),
        (*at, "config-type", prefix + "banner: expected an object, found str"),
        (*at, "config-type", prefix + "footer.links: expected an array, found str"),
        (*at, "config-type", prefix + "navbar.links[0]: a navbar link needs `href`"),
        (
            109,
            22,
            "config-schema",
            "navigation.languages[2].banner.content: expected a string, found a number",
        ),
        (110, 19, "config-schema", "navigation.languages[2].banner.tipe: unknown key 'tipe'"),
    ]  # the build reports the schema's findings as `check` does (below)
    # the malformed banner is left out (the site's stays); what is well formed is used
    french = _page(tmp_path / "out", "fr/v2/index.html")
    assert french["banner"] == SITE_WIDE["banner"]
    assert french["socials"] == ["https://x.com/a"] and french["footer_headers"] == []
    assert french["navbar"] == [] and french["primary"] == [("/fr/", "Bouton")]
    # the Spanish banner has no text content: none is shown on Spanish pages
    assert _page(tmp_path / "out", "es/index.html")["banner"] is None


def test_check_reports_malformed_overrides(tmp_path: Path) -> None:
    docs = _bad_site(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "mintrender", "check", str(docs), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
    )
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    rows = data["diagnostics"] if isinstance(data, dict) else data
    found = {
        (d["line"], d["column"], d["code"], d["message"])
        for d in rows
        if d["code"] in ("config-type", "config-schema")
    }
    prefix = "navigation.languages[1]."
    assert found == {
        (81, 7, "config-type", prefix + "banner: expected an object, found str"),
        (81, 7, "config-type", prefix + "footer.links: expected an array, found str"),
        (81, 7, "config-type", prefix + "navbar.links[0]: a navbar link needs `href`"),
        (
            81,
            7,
            "config-schema",
            prefix + "navbar.primary.type: 'bouton' is not one of button, github, discord",
        ),
        (
            109,
            22,
            "config-schema",
            "navigation.languages[2].banner.content: expected a string, found a number",
        ),
        (110, 19, "config-schema", "navigation.languages[2].banner.tipe: unknown key 'tipe'"),
    }


def test_each_key_replaces_the_sites_as_a_whole() -> None:
    site = Chrome(banner=Banner("Site"), footer_socials=(("x", "https://x.com/s"),))
    warnings: list[tuple[Any, ...]] = []

    def override(raw: dict[str, Any]) -> Chrome:
        found = read_chrome_override(raw, ("navigation", "languages", 1), lambda *a: None)
        assert found is not None
        return site.over(found)

    assert read_chrome_override({"language": "fr"}, (), lambda *a: warnings.append(a)) is None
    assert override({"banner": {"content": "Salut"}}).banner == Banner("Salut")
    assert override({"banner": {"content": "Salut"}}).footer_socials == site.footer_socials
    assert override({"banner": {}}).banner is None  # an object without content: no banner
    assert override({"banner": "Salut"}).banner == site.banner  # malformed: left out
    footer = override({"footer": {"links": [{"header": "H", "items": []}]}})
    assert footer.footer_socials == () and footer.footer_columns[0].header == "H"
    assert warnings == []


@pytest.mark.browser
def test_dismissing_the_french_banner_keeps_the_english_one(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build_site(SITE, out, mode="offline", cache=False).fatal is None
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((out / "fr/v2/index.html").as_uri())
    banner = page.locator("#banner")
    assert "La version" in banner.inner_text()
    page.click('[data-component="banner-dismiss"]')
    assert not banner.is_visible()
    key = banner.get_attribute("data-key")
    reload_once_stored(page, f"mr-banner:{key}")
    assert not page.locator("#banner").is_visible()  # French stays dismissed
    goto_once_stored(page, (out / "fr/v1/index.html").as_uri(), f"mr-banner:{key}")
    assert not page.locator("#banner").is_visible()
    page.goto((out / "notes/index.html").as_uri())
    assert page.locator("#banner").is_visible()
    assert "Version 2 is out" in page.locator("#banner").inner_text()
    page.goto((out / "orphan/index.html").as_uri())
    assert page.locator("#banner").is_visible()
    assert errors == []
    ctx.close()


def test_preview_serves_each_languages_chrome_as_built(tmp_path: Path) -> None:
    """The preview server templates pages one at a time (serve/pagewriter.py): the same bytes
    as the build, the language's banner, navbar and footer included."""
    from mintrender.serve.files import make_work_dir, remove_work_dir
    from mintrender.serve.state import SiteState

    out = tmp_path / "built"
    assert build_site(SITE, out, cache=False).fatal is None
    work = make_work_dir()
    state = SiteState(SITE, work)
    try:
        state.load()
        for rel, record in sorted(state.pages.records.items()):
            assert state.page(rel).html == (out / record.output_path).read_text("utf-8"), rel
        assert "Lire les notes" in state.page("fr/v1/index.mdx").html
        assert state.not_found_html() == (out / "404.html").read_text("utf-8")
    finally:
        state.close()
        remove_work_dir(work)


def test_an_unknown_social_platform_is_reported_at_its_key(tmp_path: Path) -> None:
    """`footer.socials` with a platform no icon draws: a warning at that key of docs.json, the
    site's or a language's (it had no line or column)."""
    from sitekit import write_site

    config = {
        "name": "Socials",
        "footer": {"socials": {"x": "https://x.com/a", "myspace": "https://myspace.com/a"}},
        "navigation": {
            "languages": [
                {"language": "en", "pages": ["index"]},
                {
                    "language": "fr",
                    "pages": ["fr/index"],
                    "footer": {"socials": {"friendster": "https://friendster.com/a"}},
                },
            ]
        },
    }
    docs = write_site(tmp_path / "docs", {"index.mdx": "# Hi\n", "fr/index.mdx": "# Salut\n"})
    text = json.dumps(config, indent=2)
    (docs / "docs.json").write_text(text, encoding="utf-8")
    result = build_site(docs, tmp_path / "out", cache=False)
    found = {d.message.split("'")[1]: d for d in result.diagnostics if d.code == "unknown-icon"}
    assert sorted(found) == ["friendster", "myspace"]
    lines = text.splitlines()
    for name, d in found.items():
        assert d.file == "docs.json"
        assert f'"{name}"' in lines[d.line - 1], (name, d.line)
        assert d.column > 1
