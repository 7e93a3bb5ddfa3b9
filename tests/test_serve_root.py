"""Preview: a site without an index page opens on its first navigation page, like the build."""

from __future__ import annotations

from pathlib import Path

from test_serve import call

from mintrender.serve.app import PreviewApp
from mintrender.serve.files import make_work_dir, remove_work_dir
from mintrender.serve.reloader import Reloader
from mintrender.serve.state import SiteState

LEGACY = Path(__file__).parent / "sites" / "legacy-mint"


def test_root_redirects_to_the_first_page_without_index() -> None:
    work = make_work_dir()
    state = SiteState(LEGACY, work)
    try:
        state.load()
        app = PreviewApp(state, Reloader(), poll_seconds=0.5)
        status, headers, _ = call(app, "/")
        assert status == 302 and headers["Location"] == "/introduction/"
        assert call(app, "/introduction/")[0] == 200
    finally:
        state.close()
        remove_work_dir(work)
