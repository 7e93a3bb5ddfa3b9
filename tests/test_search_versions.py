"""One search index per language and version: names, grouping, the manifest and the metas.

The fixture tests/sites/search-versions has English and Spanish, each in versions v3, v2, v1
(one page each). Browser tests: tests/test_search_versions_browser.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_search_support import build_versions_site, read_index_script

from mintrender.build import build
from mintrender.index.sections import (
    index_keys,
    index_paths,
    index_url,
    manifest_script,
    search_urls,
    version_slugs,
)
from mintrender.model import BuildOptions
from mintrender.urls import ROOT

VERSIONS = ["v3", "v2", "v1"]
MANIFEST = "window.__MR_SEARCH_SOURCES__="


# ---- names ---------------------------------------------------------------------------------------


def test_safe_labels_are_their_own_slugs() -> None:
    assert version_slugs(["v1", "2.x", "v1.0-beta_2"]) == {
        "v1": "v1",
        "2.x": "2.x",
        "v1.0-beta_2": "v1.0-beta_2",
    }


def test_unsafe_and_colliding_labels_get_a_digest() -> None:
    slugs = version_slugs(["Version 2 (latest)", "../etc", "日本", "V1", "v1", "a b", "a-b"])
    assert re.fullmatch(r"Version-2-latest-[0-9a-f]{8}", slugs["Version 2 (latest)"])
    assert re.fullmatch(r"etc-[0-9a-f]{8}", slugs["../etc"])
    assert re.fullmatch(r"[0-9a-f]{8}", slugs["日本"])  # nothing safe left: the digest alone
    # same name on a case-insensitive disk, or once made safe: both changed, apart
    assert slugs["V1"] != slugs["v1"] and slugs["V1"].lower() != slugs["v1"].lower()
    assert slugs["V1"].startswith("V1-") and slugs["v1"].startswith("v1-")
    assert slugs["a b"] != slugs["a-b"] and slugs["a-b"].startswith("a-b-")
    assert all(re.fullmatch(r"[A-Za-z0-9._-]+", s) for s in slugs.values())
    assert len(set(slugs.values())) == len(slugs)


def test_index_paths_without_versions_are_the_old_names() -> None:
    assert index_paths([("", ""), ("fr", "")]) == {
        ("", ""): "_mintrender/search-index.js",
        ("fr", ""): "_mintrender/search-index-fr.js",
    }


def test_index_paths_with_versions() -> None:
    paths = index_paths([("", "v1"), ("en", "v2"), ("en", "2 beta")])
    assert paths[("", "v1")] == "_mintrender/search-index.v-v1.js"
    assert paths[("en", "v2")] == "_mintrender/search-index-en.v-v2.js"
    assert re.fullmatch(
        r"_mintrender/search-index-en\.v-2-beta-[0-9a-f]{8}\.js", paths["en", "2 beta"]
    )
    assert search_urls([("en", "v2")]) == {
        ("en", "v2"): ROOT + "_mintrender/search-index-en.v-v2.js"
    }


def test_index_keys_order_and_versionless_pages() -> None:
    # languages sorted; versions in navigation order (no slots here: by label); a language's
    # "" (pages outside versions) goes when it has versions, stays when it has none
    pairs = [("fr", "v2"), ("en", ""), ("en", "v1"), ("en", "v2"), ("fr", "v1"), ("de", "")]
    assert index_keys(pairs, []) == [
        ("de", ""),
        ("en", "v1"),
        ("en", "v2"),
        ("fr", "v1"),
        ("fr", "v2"),
    ]


def test_index_url_falls_back_to_the_language_then_the_site() -> None:
    urls = search_urls([("en", "v2"), ("en", "v1"), ("fr", "v2")])
    assert index_url(urls, "fr", "v2").endswith("search-index-fr.v-v2.js")
    assert index_url(urls, "fr", "v1").endswith("search-index-fr.v-v2.js")  # fr has no v1
    assert index_url(urls, "en", "").endswith("search-index-en.v-v2.js")  # first version
    assert index_url(urls, "de", "v1").endswith("search-index-en.v-v2.js")  # first index


def test_manifest_lists_file_names_relative_to_itself() -> None:
    text = manifest_script(search_urls([("en", "v2"), ("es", "1 </script>")]))
    assert text.startswith(MANIFEST) and text.endswith(";\n")
    assert "</script" not in text
    rows = json.loads(text[len(MANIFEST) : -2])
    assert rows[0] == ["en", "English", "v2", "search-index-en.v-v2.js"]
    assert rows[1][:3] == ["es", "Español", "1 </script>"]
    assert re.fullmatch(r"search-index-es\.v-1-script-[0-9a-f]{8}\.js", rows[1][3])


# ---- a built site ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_versions_site(tmp_path_factory, "hosted")


def _metas(html: str) -> list[str]:
    return re.findall(r'<meta name="mr-(?:search-[a-z]+|version)"[^>]*>', html)


def test_one_index_per_language_and_version(built: Path) -> None:
    names = sorted(p.name for p in (built / "_mintrender").glob("search-index*.js"))
    assert names == sorted(
        [f"search-index-{lang}.v-{v}.js" for lang in ("en", "es") for v in VERSIONS]
        + ["search-indexes.js"]
    )
    for lang in ("en", "es"):
        for v in VERSIONS:
            payload = read_index_script(built / "_mintrender" / f"search-index-{lang}.v-{v}.js")
            assert payload["language"] == lang
            assert [(p[0], p[3]) for p in payload["pages"]] == [(f"/{lang}/{v}/install", v)]
    text = (built / "_mintrender" / "search-indexes.js").read_text(encoding="utf-8")
    rows = json.loads(text[len(MANIFEST) : -2])
    assert rows == [
        [lang, label, v, f"search-index-{lang}.v-{v}.js"]
        for lang, label in (("en", "English"), ("es", "Español"))
        for v in VERSIONS
    ]


def test_page_metas_name_its_own_version(built: Path) -> None:
    html = (built / "es" / "v2" / "install" / "index.html").read_text(encoding="utf-8")
    assert _metas(html) == [
        '<meta name="mr-search-index" content="/_mintrender/search-index-es.v-v2.js">',
        '<meta name="mr-search-language" content="en" data-label="English"'
        ' data-src="/_mintrender/search-index-en.v-v2.js">',
        '<meta name="mr-search-language" content="es" data-label="Español"'
        ' data-src="/_mintrender/search-index-es.v-v2.js">',
        '<meta name="mr-version" content="v2">',
        '<meta name="mr-search-all" content="/_mintrender/search-indexes.js">',
    ]
    not_found = (built / "404.html").read_text(encoding="utf-8")
    assert '<meta name="mr-search-all" content="/_mintrender/search-indexes.js">' in not_found
    assert '<meta name="mr-search-index" content="/_mintrender/search-index-en.v-v3.js">' in (
        not_found
    )


def _write_site(docs: Path, navigation: dict[str, object], pages: dict[str, str]) -> None:
    docs.mkdir()
    config = {"name": "T", "theme": "mint", "seo": {"indexing": "all"}, "navigation": navigation}
    (docs / "docs.json").write_text(json.dumps(config), encoding="utf-8")
    for name, body in pages.items():
        (docs / f"{name}.mdx").write_text(f"---\ntitle: {name}\n---\n\n{body}\n", encoding="utf-8")


def test_pages_outside_versions_are_in_every_version_index(tmp_path: Path) -> None:
    navigation = {
        "versions": [
            {"version": "Latest 2.0", "groups": [{"group": "G", "pages": ["new"]}]},
            {"version": "1.0", "groups": [{"group": "G", "pages": ["old"]}]},
        ]
    }
    _write_site(tmp_path / "docs", navigation, {"new": "N.", "old": "O.", "orphan": "Lost."})
    out = tmp_path / "out"
    assert build(BuildOptions(docs_dir=tmp_path / "docs", out_dir=out, cache=False)).fatal is None
    files = sorted(p.name for p in (out / "_mintrender").glob("search-index*.js"))
    assert len(files) == 3 and "search-index.v-1.0.js" in files and "search-indexes.js" in files
    latest = next(f for f in files if f.startswith("search-index.v-Latest-2.0-"))
    assert [p[0] for p in read_index_script(out / "_mintrender" / latest)["pages"]] == [
        "/new",
        "/orphan",
    ]
    old = read_index_script(out / "_mintrender" / "search-index.v-1.0.js")
    assert [(p[0], p[3:]) for p in old["pages"]] == [("/old", ["1.0"]), ("/orphan", [])]
    # the orphan's own page has no version: its index is the first version's
    orphan = (out / "orphan" / "index.html").read_text(encoding="utf-8")
    assert f'<meta name="mr-search-index" content="/_mintrender/{latest}">' in orphan


def test_a_page_two_versions_list_is_in_both_indexes(tmp_path: Path) -> None:
    """Relaticle's `shared/concepts`, listed in v2 and in v1: only the first version's index
    held it, so from a v1 page search never found a page v1's own sidebar shows."""
    navigation = {
        "versions": [
            {"version": "v2", "groups": [{"group": "Two", "pages": ["new", "shared"]}]},
            {"version": "v1", "groups": [{"group": "One", "pages": ["old", "shared"]}]},
        ]
    }
    _write_site(tmp_path / "docs", navigation, {"new": "N.", "old": "O.", "shared": "S."})
    out = tmp_path / "out"
    assert build(BuildOptions(docs_dir=tmp_path / "docs", out_dir=out, cache=False)).fatal is None
    for name, own in (("v2", "/new"), ("v1", "/old")):
        index = read_index_script(out / "_mintrender" / f"search-index.v-{name}.js")
        assert [(p[0], p[3:]) for p in index["pages"]] == [(own, [name]), ("/shared", [name])]


def test_unversioned_site_keeps_its_names_and_metas(tmp_path: Path) -> None:
    navigation = {
        "languages": [
            {"language": "en", "groups": [{"group": "G", "pages": ["en/a"]}]},
            {"language": "fr", "groups": [{"group": "G", "pages": ["fr/a"]}]},
        ]
    }
    _write_site(tmp_path / "site", navigation, {})
    for lang in ("en", "fr"):
        (tmp_path / "site" / lang).mkdir()
        (tmp_path / "site" / lang / "a.mdx").write_text("---\ntitle: A\n---\n\nA.\n", "utf-8")
    out = tmp_path / "out"
    assert build(BuildOptions(docs_dir=tmp_path / "site", out_dir=out, cache=False)).fatal is None
    names = sorted(p.name for p in (out / "_mintrender").glob("search-index*.js"))
    assert names == ["search-index-en.js", "search-index-fr.js"]  # as before: no manifest
    html = (out / "fr" / "a" / "index.html").read_text(encoding="utf-8")
    assert _metas(html) == [
        '<meta name="mr-search-index" content="/_mintrender/search-index-fr.js">',
        '<meta name="mr-search-language" content="en" data-label="English"'
        ' data-src="/_mintrender/search-index-en.js">',
        '<meta name="mr-search-language" content="fr" data-label="Français"'
        ' data-src="/_mintrender/search-index-fr.js">',
    ]
    not_found = (out / "404.html").read_text(encoding="utf-8")
    assert _metas(not_found) == [
        '<meta name="mr-search-index" content="/_mintrender/search-index-en.js">'
    ]


def test_versions_of_one_name_in_two_dropdowns_have_their_own_index(tmp_path: Path) -> None:
    """Cosmos: dropdowns EVM and IBC each with a version "next". Both searched one index,
    keyed by the label alone, so an IBC page found EVM's pages and IBC's v10 found none."""
    from sitekit import build_site, minimal_config, write_site

    def dropdown(name: str) -> dict[str, object]:
        low = name.lower()
        versions = [{"version": v, "pages": [f"{low}/{v}/intro"]} for v in ("next", "v1")]
        return {"dropdown": name, "versions": versions}

    config = minimal_config([])
    config["navigation"] = {"dropdowns": [dropdown("EVM"), dropdown("IBC")]}
    files = {
        f"{d}/{v}/intro.mdx": f"---\ntitle: {d} {v}\n---\n\nText.\n"
        for d in ("evm", "ibc")
        for v in ("next", "v1")
    }
    docs = write_site(tmp_path / "docs", files, config)
    build_site(docs, tmp_path / "out")
    meta = re.compile(r'<meta name="mr-version" content="([^"]*)">')
    for d, name in (("evm", "EVM"), ("ibc", "IBC")):
        html = (tmp_path / "out" / d / "next" / "intro" / "index.html").read_text("utf-8")
        assert meta.findall(html) == [f"{name} › next"]
    indexes = sorted(p.name for p in (tmp_path / "out" / "_mintrender").glob("search-index.v-*"))
    assert len(indexes) == 4, indexes
