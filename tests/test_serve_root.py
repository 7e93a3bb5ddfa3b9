"""Preview: a site without an index page opens on its first navigation page, like the build."""

from __future__ import annotations

from pathlib import Path

from test_serve import call, previewing

LEGACY = Path(__file__).parent / "sites" / "legacy-mint"


def test_root_redirects_to_the_first_page_without_index() -> None:
    with previewing(LEGACY) as (_, app):
        status, headers, _ = call(app, "/")
        assert status == 302 and headers["Location"] == "/introduction/"
        assert call(app, "/introduction/")[0] == 200
