"""Search scope in headless Chromium: the page's language and version first, a switch for all.

The fixture tests/sites/search-scope has English and French, each in versions v2 and v1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_search_support import block_network, scoped_results

from mintrender.build import build
from mintrender.model import BuildOptions

pytestmark = pytest.mark.browser

SITE = Path(__file__).resolve().parent / "sites" / "search-scope"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("search-scope")
    result = build(BuildOptions(docs_dir=SITE, out_dir=out, mode="offline"))
    assert result.fatal is None, result.fatal
    return out


def test_language_and_version_scope_then_everything(browser: Any, site: Path) -> None:
    page = browser.new_page()
    blocked = block_network(page)
    page.goto((site / "fr" / "v2" / "domaine" / "index.html").as_uri())
    page.wait_for_function("window.mrSearch !== undefined")
    page.keyboard.press("Control+K")
    page.wait_for_selector(".mr-search__input", state="visible")

    # accent-less French finds the French page of this version only
    rows = scoped_results(page, "domaine personnalise")
    assert [r["href"] for r in rows] == ["../../../fr/v2/domaine/index.html"]
    assert rows[0]["lang"] == "fr" and "v1" not in rows[0]["crumbs"]

    # the switch: every language and version, each result with its language and version
    scope = page.locator(".mr-search__scope")
    assert scope.inner_text().strip() == "Toutes les langues et versions"  # a French page
    page.check(".mr-search__scope-box")
    rows = scoped_results(page, "domaine")
    hrefs = {r["href"] for r in rows}
    assert {"../../../fr/v2/domaine/index.html", "../../../fr/v1/domaine/index.html"} <= hrefs
    v1 = next(r for r in rows if r["href"] == "../../../fr/v1/domaine/index.html")
    assert v1["crumbs"].startswith("Français") and "v1" in v1["crumbs"]
    rows = scoped_results(page, "custom domain")
    assert {r["href"] for r in rows if r["lang"] == "en"} == {
        "../../../en/v2/domain/index.html",
        "../../../en/v1/domain/index.html",
    }

    # back to this language and version
    page.uncheck(".mr-search__scope-box")
    rows = scoped_results(page, "domaine")
    assert [r["href"] for r in rows] == ["../../../fr/v2/domaine/index.html"]
    assert [u for u in blocked if "_mintrender" in u] == []
    page.close()
