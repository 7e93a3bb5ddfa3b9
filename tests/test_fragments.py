"""The theme's cached parts (`{% cache %}`, write/theme.py `FragmentCache`): a part is reused only
by pages where it would come out the same, so a build writes the same bytes as when every part
is rendered for every page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import jinja2
import pytest
from sitekit import build_site, write_site

from mintrender.write import theme
from mintrender.write.theme import FRAGMENTS, FragmentCache, ThemeEnvironment, make_environment


def _env(**templates: str) -> ThemeEnvironment:
    env = ThemeEnvironment(loader=jinja2.DictLoader(templates), extensions=[FragmentCache])
    return env


def test_cached_part_is_reused_only_for_equal_keys() -> None:
    env = _env(t='[{% cache "p", key %}{{ value }}{% endcache %}]')
    store: dict[Any, str] = {}
    render = env.get_template("t").render
    assert render(key=[1], value="a", **{FRAGMENTS: store}) == "[a]"
    # same key: the part is not rendered again (what makes the keys matter)
    assert render(key=[1], value="b", **{FRAGMENTS: store}) == "[a]"
    assert render(key=[2], value="b", **{FRAGMENTS: store}) == "[b]"
    # no store, or a site's overrides: rendered every time
    assert render(key=[1], value="c") == "[c]"
    env.overridden = True
    assert render(key=[1], value="d", **{FRAGMENTS: store}) == "[d]"


def test_keys_tell_markup_from_text() -> None:
    env = _env(t='{% cache "p", key %}{{ key }}{% endcache %}')
    env.autoescape = True
    store: dict[Any, str] = {}
    render = env.get_template("t").render
    assert render(key="<b>", **{FRAGMENTS: store}) == "&lt;b&gt;"
    assert render(key=jinja2.utils.markupsafe.Markup("<b>"), **{FRAGMENTS: store}) == "<b>"


def test_dict_attribute_lookup_matches_jinja() -> None:
    """`ThemeEnvironment.getattr` skips the attribute try on dicts, except for dict methods."""
    plain = jinja2.Environment()
    ours = ThemeEnvironment()
    source = "{{ d.a }}|{{ d.missing is defined }}|{{ d.items is callable }}|{{ o.real }}"
    context = {"d": {"a": 1, "items": "x"}, "o": 3}
    expected = plain.from_string(source).render(**context)
    assert ours.from_string(source).render(**context) == expected == "1|False|True|3"


def test_overrides_turn_the_cache_off(tmp_path: Path) -> None:
    docs = write_site(
        tmp_path / "d", {"_theme/partials/footer.html": "<footer>{{ _title }}</footer>"}
    )
    assert make_environment(docs).overridden
    assert not make_environment(docs, overrides=False).overridden
    assert not make_environment(write_site(tmp_path / "e", {"a.mdx": "# a\n"})).overridden


NAV_SITE: dict[str, Any] = {
    "name": "Fragments",
    "theme": "mint",
    "colors": {"primary": "#0D9373"},
    "banner": {"content": "New **release**", "dismissible": True},
    "navbar": {
        "links": [{"label": "Support", "href": "mailto:help@example.com"}],
        "primary": {"type": "button", "label": "Sign up", "href": "https://example.com"},
    },
    "footer": {
        "socials": {"x": "https://x.com/example", "github": "https://github.com/example"},
        "links": [{"header": "More", "items": [{"label": "Guide", "href": "/guide"}]}],
    },
    "navigation": {
        "global": {"anchors": [{"anchor": "Blog", "href": "https://example.com/blog"}]},
        "languages": [
            {
                "language": "en",
                "tabs": [
                    {
                        "tab": "Guides",
                        "groups": [
                            {"group": "Start", "pages": ["index", "guide"]},
                            {
                                "group": "More",
                                "pages": ["more", {"group": "Deep", "pages": ["deep"]}],
                            },
                        ],
                    },
                    {"tab": "Reference", "groups": [{"group": "API", "pages": ["ref", "only-en"]}]},
                ],
            },
            {
                "language": "fr",
                # its own banner, navbar and footer: the parts reading them differ by language
                "banner": {"content": "Nouvelle **version**", "dismissible": True},
                "navbar": {
                    "links": [{"label": "Aide", "href": "/fr/guide"}],
                    "primary": {"type": "button", "label": "S'inscrire", "href": "/fr/ref"},
                },
                "footer": {
                    "links": [{"header": "Plus", "items": [{"label": "Guide", "href": "/fr"}]}]
                },
                "tabs": [
                    {
                        "tab": "Guides",
                        "groups": [{"group": "Début", "pages": ["fr/index", "fr/guide"]}],
                    },
                    {"tab": "Référence", "groups": [{"group": "API", "pages": ["fr/ref"]}]},
                ],
            },
            # no tabs (the same empty tabs row as German): the navbar's button tells them apart
            {
                "language": "es",
                "navbar": {"primary": {"type": "button", "label": "Entrar", "href": "/es"}},
                "groups": [{"group": "Inicio", "pages": ["es/index"]}],
            },
            {"language": "de", "groups": [{"group": "Start", "pages": ["de/index"]}]},
        ],
    },
}
NAV_PAGES = {
    **{
        f"{n}.mdx": f"---\ntitle: {n.title()}\n---\n\n## Part\n\nText of {n}.\n"
        for n in ["index", "guide", "more", "deep", "ref", "only-en"]
    },
    **{
        f"fr/{n}.mdx": f"---\ntitle: {n.title()} (fr)\n---\n\nTexte.\n"
        for n in ["index", "guide", "ref"]
    },
    "es/index.mdx": "---\ntitle: Inicio\n---\n\nTexto.\n",
    "de/index.mdx": "---\ntitle: Start\n---\n\nText.\n",
}


def _pages(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.html"))}


@pytest.mark.parametrize("mode", ["hosted", "offline"])
def test_build_with_cached_parts_equals_full_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    """Tabs, languages with per-page links, anchors, banner, navbar and footer (the site's, and
    a language's own): every page of a build with cached parts is byte for byte what rendering
    every part for it gives. A key missing from a `{% cache %}` (the tabs of the header, the
    languages' links, which language's banner, navbar and footer) makes pages of another tab or
    language take the first page's part, and this fails."""
    docs = write_site(tmp_path / "d", NAV_PAGES, NAV_SITE)
    build_site(docs, tmp_path / "cached", mode=mode, cache=False)
    cached = _pages(tmp_path / "cached")

    def uncached(self: FragmentCache, context: Any, name: str, *keys: Any, caller: Any) -> str:
        return caller()

    monkeypatch.setattr(theme.FragmentCache, "_fragment", uncached)
    build_site(docs, tmp_path / "full", mode=mode, cache=False)
    full = _pages(tmp_path / "full")
    assert cached.keys() == full.keys()
    assert len(full) >= 10
    for name in full:
        assert cached[name] == full[name], name
    # the parts do differ between pages: the test would see a wrongly shared one
    guide = full["guide/index.html"].decode()
    ref = full["ref/index.html"].decode()
    fr_guide = full["fr/guide/index.html"].decode()
    assert 'href="../fr/guide/index.html"' in guide or 'href="/fr/guide/"' in guide
    assert "Référence" in fr_guide and "Référence" not in guide
    for french in ("Nouvelle", "Aide", "S&#39;inscrire", ">Plus<"):
        assert french in fr_guide and french not in guide, french
    active = 'data-active aria-current="page"'
    assert guide.split(active)[0].count("mr-navtabs__link") != ref.split(active)[0].count(
        "mr-navtabs__link"
    )


def test_bench_write_prints_both_variants(tmp_path: Path) -> None:
    docs = write_site(tmp_path / "d", NAV_PAGES, NAV_SITE)
    bench = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_write.py"
    run = subprocess.run(
        [sys.executable, str(bench), str(docs), "--repeat", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "no cached parts" in run.stdout and "cached / uncached" in run.stdout
