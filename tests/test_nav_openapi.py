"""Navigation-level `openapi`: one generated page per operation, grouped by tag."""

from __future__ import annotations

from pathlib import Path

from sitekit import build_site

SITE = Path(__file__).parent / "sites" / "nav-openapi"


def test_spec_on_a_tab_generates_a_page_per_operation(tmp_path: Path) -> None:
    result = build_site(SITE, tmp_path / "out")
    out = tmp_path / "out"
    api_pages = sorted(p.site_path for p in result.pages if p.kind == "api")
    assert api_pages == [
        "/reference/owners/get-an-owner",
        "/reference/owners/internal-thing",
        "/reference/pets/create-a-pet",
        "/reference/pets/list-pets",
        "/reference/pets/pet-adopted",
    ]
    assert result.openapi_operations == 5
    assert not [d for d in result.diagnostics if d.severity == "error"]
    page = (out / "reference" / "pets" / "list-pets" / "index.html").read_text()
    assert "https://pets.example.com/v1" in page and 'id="param-limit"' in page
    sidebar = page[page.find('id="sidebar"') : page.find('id="content-area"')]
    assert ">Pets<" in sidebar and ">owners<" in sidebar  # x-group label, else the tag name
    assert "/reference/pets/create-a-pet/" in sidebar
    assert "internal-thing" not in sidebar  # x-hidden: built, not listed
    assert 'data-m="POST"' in sidebar or ">POST<" in sidebar


def test_unknown_nav_spec_is_a_warning(tmp_path: Path) -> None:
    docs = tmp_path / "d"
    docs.mkdir()
    (docs / "docs.json").write_text(
        '{"name": "x", "colors": {"primary": "#000000"},'
        ' "navigation": {"groups": [{"group": "API", "openapi": "missing.json"}]}}'
    )
    result = build_site(docs, tmp_path / "out")
    codes = [d.code for d in result.diagnostics]
    assert "openapi-nav-spec" in codes
