"""One index per language and version, in headless Chromium: a page searches its own version's
index; "All languages and versions" loads the manifest then every index, from file:// (an
offline build, every other request blocked) and from `mintrender serve`.

The fixture tests/sites/search-versions has English and Spanish, each in versions v3, v2, v1.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_search_support import VERSIONS_SITE as SITE
from test_search_support import block_network, build_versions_site, scoped_results

from mintrender.build import build
from mintrender.model import BuildOptions
from mintrender.serve.server import PreviewServer

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_versions_site(tmp_path_factory, "offline")


def _open_search(browser: Any, url: str, *, offline: bool) -> tuple[Any, list[str], list[str]]:
    """The page at `url` with the search modal open; (page, blocked URLs, index requests)."""
    page = browser.new_page()
    blocked = block_network(page) if offline else []
    requested: list[str] = []
    page.on(
        "requestfinished",
        lambda r: requested.append(r.url.rsplit("/", 1)[-1]) if "search-index" in r.url else None,
    )
    page.goto(url)
    page.wait_for_function("window.mrSearch !== undefined")
    page.keyboard.press("Control+K")
    page.wait_for_selector(".mr-search__input", state="visible")
    return page, blocked, requested


def test_a_version_searches_its_own_index_then_every_version(browser: Any, offline: Path) -> None:
    url = (offline / "en" / "v2" / "install" / "index.html").as_uri()
    page, blocked, requested = _open_search(browser, url, offline=True)

    rows = scoped_results(page, "widget")
    assert {r["href"].split("#")[0] for r in rows} == {"../../../en/v2/install/index.html"}
    assert all("v2" not in r["crumbs"] for r in rows)  # the page's own version: no crumb
    assert requested == ["search-index-en.v-v2.js"]  # the page's own index only

    scope = page.locator(".mr-search__scope")
    assert scope.inner_text().strip() == "All languages and versions"
    page.check(".mr-search__scope-box")
    rows = scoped_results(page, "upgrade")
    hrefs = [r["href"] for r in rows]
    assert sorted(hrefs) == [
        f"../../../en/{v}/install/index.html#upgrade" for v in ("v1", "v2", "v3")
    ]
    assert len(hrefs) == len(set(hrefs))
    for row in rows:
        version = row["href"].split("/")[4]
        assert row["crumbs"].startswith("English") and version in row["crumbs"]
    rows = scoped_results(page, "nimbus")
    assert {r["href"] for r in rows} == {
        "../../../en/v1/install/index.html",
        "../../../es/v1/install/index.html",
    }
    # the manifest, then each index once (the page's own was loaded already)
    assert requested[:2] == ["search-index-en.v-v2.js", "search-indexes.js"]
    assert sorted(requested[2:]) == sorted(
        f"search-index-{lang}.v-{v}.js"
        for lang in ("en", "es")
        for v in ("v3", "v2", "v1")
        if (lang, v) != ("en", "v2")
    )

    page.uncheck(".mr-search__scope-box")
    rows = scoped_results(page, "zephyr")
    assert rows == []  # v3 is another version
    assert blocked == []
    page.close()


def test_a_page_outside_versions_is_shown_once(browser: Any, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    navigation = {
        "versions": [
            {"version": "v2", "groups": [{"group": "G", "pages": ["new"]}]},
            {"version": "v1", "groups": [{"group": "G", "pages": ["old"]}]},
        ]
    }
    config = {"name": "T", "theme": "mint", "seo": {"indexing": "all"}, "navigation": navigation}
    (docs / "docs.json").write_text(json.dumps(config), encoding="utf-8")
    for name, text in (("new", "Gadget two."), ("old", "Gadget one."), ("lost", "Gadget lost.")):
        (docs / f"{name}.mdx").write_text(f"---\ntitle: {name}\n---\n\n{text}\n", "utf-8")
    out = tmp_path / "out"
    result = build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline", cache=False))
    assert result.fatal is None, result.fatal
    page, blocked, _ = _open_search(browser, (out / "old" / "index.html").as_uri(), offline=True)
    assert {r["href"] for r in scoped_results(page, "gadget")} == {
        "../old/index.html",
        "../lost/index.html",
    }
    page.check(".mr-search__scope-box")
    assert sorted(r["href"] for r in scoped_results(page, "gadge")) == [
        "../lost/index.html",  # in both versions' indexes, shown once
        "../new/index.html",
        "../old/index.html",
    ]
    assert blocked == []
    page.close()
    # a page in no version (Cosmos' home, in a dropdown beside the versioned ones) searches
    # every version from the start: it searched only the first version's pages
    navigation = {
        "dropdowns": [
            {"dropdown": "Home", "pages": ["lost"]},
            {"dropdown": "Docs", "versions": navigation["versions"]},
        ]
    }
    config["navigation"] = navigation
    (docs / "docs.json").write_text(json.dumps(config), encoding="utf-8")
    shutil.rmtree(out)
    result = build(BuildOptions(docs_dir=docs, out_dir=out, mode="offline", cache=False))
    assert result.fatal is None, result.fatal
    page, blocked, _ = _open_search(browser, (out / "lost" / "index.html").as_uri(), offline=True)
    assert page.is_checked(".mr-search__scope-box")
    assert sorted(r["href"] for r in scoped_results(page, "gadge")) == [
        "../lost/index.html",
        "../new/index.html",
        "../old/index.html",
    ]
    assert blocked == []
    page.close()


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[PreviewServer]:
    docs = tmp_path / "docs"
    shutil.copytree(SITE, docs)
    server = PreviewServer(docs, port=0)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def test_serve_finds_the_version_index(browser: Any, served: PreviewServer) -> None:
    page, _, requested = _open_search(browser, served.url + "es/v2/install/", offline=False)
    assert page.get_attribute('meta[name="mr-search-index"]', "content") == (
        "/_mintrender/search-index-es.v-v2.js"
    )
    rows = scoped_results(page, "widget")
    assert rows and {r["href"].split("#")[0] for r in rows} == {"/es/v2/install/"}
    page.check(".mr-search__scope-box")
    rows = scoped_results(page, "nimbus")
    assert {r["href"] for r in rows} == {"/en/v1/install/", "/es/v1/install/"}
    assert "search-indexes.js" in requested
    page.close()
