"""Preview server without sockets: the WSGI app, incremental rebuilds, reload epochs, overlay."""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mintrender.serve.app import BadPath, PreviewApp, clean_path
from mintrender.serve.files import make_work_dir, remove_work_dir
from mintrender.serve.reloader import Reloader
from mintrender.serve.state import SiteState

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100ffff03000006000557bfabd40000000049454e44ae426082"
)


def write(root: Path, files: dict[str, Any]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(json.dumps(content), encoding="utf-8")


CONFIG = {
    "name": "Tiny",
    "theme": "mint",
    "colors": {"primary": "#0D9373"},
    "navigation": {"groups": [{"group": "Start", "pages": ["index", "guide", "other"]}]},
}


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[tuple[Path, SiteState, PreviewApp, Reloader]]:
    docs = tmp_path / "docs"
    write(
        docs,
        {
            "docs.json": CONFIG,
            "index.mdx": "---\ntitle: Home\n---\n\nWelcome home.\n",
            "guide.mdx": (
                "---\ntitle: Guide\n---\n\nimport Note from '/snippets/note.mdx';\n\n"
                "# Guide\n\nGuide text.\n\n<Note />\n\n![logo](/images/logo.png)\n"
            ),
            "other.mdx": "---\ntitle: Other\n---\n\nOther page.\n",
            "snippets/note.mdx": "Snippet body ONE.\n",
            "images/logo.png": PNG,
        },
    )
    (tmp_path / "secret.txt").write_text("TOP-SECRET", encoding="utf-8")
    work = make_work_dir()
    state = SiteState(docs, work)
    state.load()
    reloader = Reloader()
    app = PreviewApp(state, reloader, poll_seconds=0.5)
    yield docs, state, app, reloader
    state.close()
    remove_work_dir(work)


@contextlib.contextmanager
def previewing(docs: Path) -> Iterator[tuple[SiteState, PreviewApp]]:
    """The preview state of `docs`, loaded, and its app; closed and removed afterwards."""
    work = make_work_dir()
    state = SiteState(docs, work)
    try:
        state.load()
        yield state, PreviewApp(state, Reloader(), poll_seconds=0.5)
    finally:
        state.close()
        remove_work_dir(work)


def call(
    app: PreviewApp, path: str, method: str = "GET", query: str = ""
) -> tuple[int, dict[str, str], bytes]:
    """Drive the WSGI app like wsgiref does (PATH_INFO percent-decoded, latin-1)."""
    from urllib.parse import unquote

    captured: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        captured["status"] = int(status.split()[0])
        captured["headers"] = dict(headers)

    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": unquote(path, "latin-1"),
        "QUERY_STRING": query,
    }
    result = app(environ, start_response)
    body = b"".join(result)
    if hasattr(result, "close"):
        result.close()
    return captured["status"], captured["headers"], body


def change(state: SiteState, docs: Path, rel: str, text: str | None, kind: str = "modified") -> Any:
    path = docs / rel
    if text is None:
        path.unlink()
        kind = "deleted"
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return state.apply_changes([(kind, str(path))])  # type: ignore[list-item]


# -- pages and URLs ------------------------------------------------------------------------------
def test_pages_are_served_at_the_hosted_urls_with_the_reload_script(site: Any) -> None:
    docs, state, app, reloader = site
    for path in ("/", "/guide", "/guide/", "/guide/index.html"):
        status, headers, body = call(app, path)
        assert status == 200, path
        assert headers["Content-Type"].startswith("text/html")
        assert b"data-mintrender-preview" in body
        assert f"var epoch = {reloader.epoch}".encode() in body
    assert b"Guide text." in call(app, "/guide")[2]
    assert b"Snippet body ONE." in call(app, "/guide")[2]
    assert b'id="mintrender-overlay"' not in call(app, "/guide")[2]


def test_built_html_stays_clean(site: Any, tmp_path: Path) -> None:
    from mintrender.build import build
    from mintrender.model import BuildOptions

    docs = site[0]
    out = tmp_path / "out"
    build(BuildOptions(docs_dir=docs, out_dir=out))
    html = (out / "guide" / "index.html").read_text(encoding="utf-8")
    assert "Guide text." in html
    assert "mintrender-preview" not in html and "/_mintrender/reload" not in html


def test_assets_static_files_and_404(site: Any) -> None:
    docs, state, app, _ = site
    status, headers, body = call(app, "/_mintrender/mintrender.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css") and body
    assert call(app, "/_mintrender/mintrender.js")[0] == 200
    assert call(app, "/_mintrender/utilities.css")[0] == 200
    status, headers, body = call(app, "/images/logo.png")
    assert status == 200 and body == PNG and headers["Content-Type"] == "image/png"
    status, _, body = call(app, "/nowhere")
    assert status == 404 and b"data-mintrender-preview" in body
    for hidden in ("/guide.mdx", "/docs.json", "/snippets/note.mdx", "/snippets/", "/images/"):
        assert call(app, hidden)[0] == 404, hidden


def test_head_and_methods(site: Any) -> None:
    app = site[2]
    status, headers, body = call(app, "/guide", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0
    for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"):
        status, headers, _ = call(app, "/guide", method=method)
        assert status == 405 and headers["Allow"] == "GET, HEAD"


# -- incremental rebuilds ----------------------------------------------------------------------------
def test_page_edit_rerenders_only_that_page(site: Any) -> None:
    docs, state, app, _ = site
    for path in ("/", "/guide", "/other"):
        call(app, path)
    rendered = state.pages.counters["rendered"]
    update = change(state, docs, "other.mdx", "---\ntitle: Other\n---\n\nOther EDITED.\n")
    assert update.affected == frozenset({"/other"}) and update.pages == 1
    assert b"Other EDITED." in call(app, "/other")[2]
    call(app, "/guide")
    call(app, "/")
    assert state.pages.counters["rendered"] == rendered + 1  # only the edited page rendered again
    assert not state.pages.stale


def test_save_without_edits_reloads_nothing(site: Any) -> None:
    docs, state, app, _ = site
    call(app, "/other")
    text = (docs / "other.mdx").read_text(encoding="utf-8")
    rendered = state.pages.counters["rendered"]
    update = change(state, docs, "other.mdx", text)
    assert update.affected == frozenset()
    assert state.pages.counters["rendered"] == rendered


def test_snippet_edit_rerenders_the_pages_importing_it(site: Any) -> None:
    docs, state, app, _ = site
    call(app, "/guide")
    call(app, "/other")
    update = change(state, docs, "snippets/note.mdx", "Snippet body TWO.\n")
    assert update.affected == frozenset({"/guide"})
    assert b"Snippet body TWO." in call(app, "/guide")[2]


def test_new_snippet_imported_by_a_page(site: Any) -> None:
    docs, state, app, _ = site
    call(app, "/other")
    change(state, docs, "snippets/fresh.mdx", "Fresh snippet text.\n", kind="added")
    update = change(
        state,
        docs,
        "other.mdx",
        "---\ntitle: Other\n---\n\nimport Fresh from '/snippets/fresh.mdx';\n\n<Fresh />\n",
    )
    assert update.affected == frozenset({"/other"})
    assert b"Fresh snippet text." in call(app, "/other")[2]
    update = change(state, docs, "snippets/fresh.mdx", "Fresh snippet CHANGED.\n")
    assert update.affected == frozenset({"/other"})
    assert b"Fresh snippet CHANGED." in call(app, "/other")[2]


def test_title_change_reloads_every_page(site: Any) -> None:
    docs, state, app, _ = site
    call(app, "/guide")
    update = change(state, docs, "other.mdx", "---\ntitle: Renamed Other\n---\n\nOther page.\n")
    assert update.affected is None  # the sidebar of every page shows the title
    assert b"Renamed Other" in call(app, "/guide")[2]


def test_docs_json_change_rerenders_all_and_reparses_none(site: Any) -> None:
    docs, state, app, _ = site
    for path in ("/", "/guide", "/other"):
        call(app, path)
    parsed = state.pages.counters["parsed"]
    config = dict(CONFIG, name="Renamed Site")
    update = change(state, docs, "docs.json", json.dumps(config))
    assert update.affected is None
    for path in ("/", "/guide", "/other"):
        assert b"Renamed Site" in call(app, path)[2]
    assert state.pages.counters["parsed"] == parsed


def test_broken_docs_json_keeps_the_last_good_navigation(site: Any) -> None:
    docs, state, app, _ = site
    call(app, "/guide")
    good = json.dumps(CONFIG, indent=2)
    (docs / "docs.json").write_text(good, encoding="utf-8")
    broken = good.replace('"Tiny",', '"Tiny"')
    update = change(state, docs, "docs.json", broken)
    assert update.affected is None
    status, _, body = call(app, "/other")
    assert status == 200
    assert b'id="mintrender-overlay"' in body and b"docs.json:" in body and b"invalid JSON" in body
    assert b"Other page." in body and b"Guide" in body  # last good site and navigation
    change(state, docs, "docs.json", good)
    assert b'id="mintrender-overlay"' not in call(app, "/other")[2]


def test_broken_page_shows_overlay_then_recovers(site: Any) -> None:
    docs, state, app, _ = site
    good = (docs / "guide.mdx").read_text(encoding="utf-8")
    broken = good + '\n<Card title="Oops">\nnever closed\n'
    line = broken.splitlines().index('<Card title="Oops">') + 1
    update = change(state, docs, "guide.mdx", broken)
    assert update.affected == frozenset({"/guide"})
    status, _, body = call(app, "/guide")
    assert status == 200
    text = body.decode()
    assert 'id="mintrender-overlay"' in text
    assert f"guide.mdx:{line}:" in text
    assert "&lt;Card title=&quot;Oops&quot;&gt;" in text  # the offending source line
    assert "Guide text." in text  # the page itself is still shown under the overlay
    change(state, docs, "guide.mdx", good)
    body = call(app, "/guide")[2]
    assert b'id="mintrender-overlay"' not in body and b"Guide text." in body


def test_page_added_and_deleted(site: Any) -> None:
    docs, state, app, _ = site
    call(app, "/guide")
    assert call(app, "/extra")[0] == 404
    update = change(state, docs, "extra.mdx", "---\ntitle: Extra\n---\n\nExtra page.\n", "added")
    assert update.affected is None
    assert b"Extra page." in call(app, "/extra")[2]
    change(state, docs, "extra.mdx", None)
    assert call(app, "/extra")[0] == 404


def test_image_change_reloads_the_pages_showing_it(site: Any) -> None:
    docs, state, app, _ = site
    call(app, "/guide")
    call(app, "/other")
    path = docs / "images" / "logo.png"
    path.write_bytes(PNG + b"\0")
    update = state.apply_changes([("modified", str(path))])
    assert update.affected == frozenset({"/guide"})
    assert call(app, "/images/logo.png")[2] == PNG + b"\0"


def test_theme_template_error_shows_overlay_and_recovers(site: Any) -> None:
    docs, state, app, _ = site
    assert call(app, "/guide")[0] == 200
    update = change(state, docs, "_theme/page.html", "{% extends 'base.html' %}{% block x %}")
    assert update.affected is None
    body = call(app, "/guide")[2].decode()
    assert 'id="mintrender-overlay"' in body and "TemplateSyntaxError" in body
    change(state, docs, "_theme/page.html", None)
    body = call(app, "/guide")[2].decode()
    assert 'id="mintrender-overlay"' not in body and "Guide text." in body


def test_background_pass_renders_everything_and_builds_search(site: Any) -> None:
    docs, state, app, _ = site
    for _ in range(50):
        if not state.background_step():
            break
    assert state.is_idle()
    status, headers, body = call(app, "/_mintrender/search-index.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript") and body
    status, _, body = call(app, "/_mintrender/status")
    info = json.loads(body)
    assert info["pages"] == 3 and info["rendered"] == 3 and info["idle"] is True


# -- reload epochs -----------------------------------------------------------------------------------
def test_reloader_targets_pages() -> None:
    r = Reloader()
    since = r.epoch
    assert not r.must_reload(since, "/a")
    r.bump(frozenset({"/b"}))
    assert not r.must_reload(since, "/a") and r.must_reload(since, "/b")
    r.bump(None)
    assert r.must_reload(since, "/a")
    assert not r.must_reload(r.epoch, "/a")
    assert r.must_reload(r.first - 5, "/a")  # a tab from an earlier server run
    assert r.must_reload(r.epoch + 10, "/a")


def test_long_poll_wakes_on_bump_and_times_out(site: Any) -> None:
    docs, state, app, reloader = site
    since = reloader.epoch
    t0 = time.monotonic()
    status, _, body = call(app, f"/_mintrender/reload/{since}", query="path=/guide")
    assert status == 200 and json.loads(body) == {"reload": False, "epoch": since}
    assert time.monotonic() - t0 >= 0.4
    out: list[bytes] = []
    thread = threading.Thread(
        target=lambda: out.append(
            call(app, f"/_mintrender/reload/{since}", query="path=/guide/")[2]
        )
    )
    thread.start()
    time.sleep(0.05)
    reloader.bump(frozenset({"/guide"}))
    thread.join(5)
    assert json.loads(out[0])["reload"] is True
    assert call(app, "/_mintrender/reload/notanumber")[0] == 400


def test_close_wakes_waiting_polls() -> None:
    r = Reloader()
    done = threading.Event()
    thread = threading.Thread(target=lambda: (r.wait(r.epoch, "/", 30), done.set()))
    thread.start()
    time.sleep(0.05)
    r.close()
    assert done.wait(2)
    thread.join(2)


# -- paths ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("/", ("", True)),
        ("/a/b", ("a/b", False)),
        ("/a//b/", ("a/b", True)),
        ("//etc/passwd", ("etc/passwd", False)),
    ],
)
def test_clean_path_accepts(raw: str, expected: tuple[str, bool]) -> None:
    assert clean_path(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "a/b",
        "/../x",
        "/a/../../x",
        "/a/./b",
        "/a\\b",
        "/a\x00b",
        "/a\nb",
        "/C:/x",
        "/" + "a" * 3000,
    ],
)
def test_clean_path_refuses(raw: str) -> None:
    with pytest.raises(BadPath):
        clean_path(raw)


def test_watch_filter(tmp_path: Path) -> None:
    from mintrender.serve.server import PreviewServer

    docs = tmp_path / "docs"
    write(docs, {"docs.json": CONFIG, "index.mdx": "x"})
    server = PreviewServer(docs, port=0, watch=False)
    try:
        wanted = server.wanted
        assert wanted(None, str(docs / "index.mdx"))
        assert wanted(None, str(docs / "docs.json"))
        assert wanted(None, str(docs / ".mintignore"))
        assert wanted(None, str(server.state.theme / "templates" / "base.html"))
        for rel in (
            "_site/index.html",
            ".git/HEAD",
            "node_modules/x.js",
            "a.mdx~",
            ".a.mdx.swp",
            "4913",
        ):
            assert not wanted(None, str(docs / rel)), rel
        assert not wanted(None, str(tmp_path / "elsewhere.mdx"))
    finally:
        server.stop()


def test_broken_docs_json_at_start_then_fixed(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs, {"docs.json": '{"name": "x",', "index.mdx": "---\ntitle: Home\n---\n\nHello.\n"})
    work = make_work_dir()
    state = SiteState(docs, work)
    try:
        state.load()
        assert state.pages.fatal
        app = PreviewApp(state, Reloader(), poll_seconds=0.1)
        status, _, body = call(app, "/")
        assert status == 500
        assert b'id="mintrender-overlay"' in body and b"docs.json:1:" in body
        assert b"data-mintrender-preview" in body  # the tab reloads once it is fixed
        update = change(state, docs, "docs.json", json.dumps(CONFIG))
        assert update.affected is None
        status, _, body = call(app, "/")
        assert status == 200 and b"Hello." in body and b'id="mintrender-overlay"' not in body
    finally:
        state.close()
        remove_work_dir(work)


def test_extras_are_served_once_built(site: Any) -> None:
    docs, state, app, _ = site
    for _ in range(50):
        if not state.background_step():
            break
    assert state.is_idle()
    status, headers, body = call(app, "/sitemap.xml")
    assert status == 200 and b"<urlset" in body
    status, _, body = call(app, "/guide.md")  # the build's Markdown copy, not the source
    assert status == 200 and body.startswith(b"# Guide") and b"---" not in body[:4]


def test_extras_asked_for_before_the_first_pass_wait_for_it(site: Any) -> None:
    """`/guide.md` asked for while the first background pass still runs is answered once the
    pass has made it (it was "not found" for the first minute of a big site); a missing image
    does not wait."""
    docs, state, app, _ = site
    got: dict[str, Any] = {}
    asking = threading.Thread(target=lambda: got.update(md=call(app, "/guide.md")))
    asking.start()
    asking.join(0.3)
    assert asking.is_alive()  # waiting for the extras, not answered "not found"
    assert call(app, "/missing.png")[0] == 404
    for _ in range(50):
        if not state.background_step():
            break
    asking.join(10)
    status, _, body = got["md"]
    assert status == 200 and body.startswith(b"# Guide")


def test_preview_serves_what_the_hosted_build_writes(site: Any, tmp_path: Path) -> None:
    """Same bytes as `mintrender build` (apart from the injected script): pages, 404, assets,
    search index, extras. Guards the page-at-a-time write stage against drift."""
    from mintrender.build import build
    from mintrender.model import BuildOptions

    docs, state, app, _ = site
    out = tmp_path / "built"
    build(BuildOptions(docs_dir=docs, out_dir=out))
    for _ in range(50):
        if not state.background_step():
            break
    for rel, record in sorted(state.pages.records.items()):
        assert state.page(rel).html == (out / record.output_path).read_text("utf-8"), rel
    assert state.not_found_html() == (out / "404.html").read_text("utf-8")
    for path in sorted((out / "_mintrender").iterdir()):
        mine = state.asset(path.name)
        if mine is None:
            mine = state.search_file(path.name, wait=5)
        assert mine == path.read_text("utf-8"), path.name
    for name in ("sitemap.xml", "robots.txt", "llms.txt", "guide.md"):
        served = state.static_file(name) or state.extra_file(name)
        assert served is not None and served.read_bytes() == (out / name).read_bytes(), name


def test_atomic_save_is_a_modification(site: Any) -> None:
    """Editors that write a temporary file and rename it over the page: one page reloads."""
    import os

    docs, state, app, _ = site
    call(app, "/guide")
    target = docs / "other.mdx"
    tmp = docs / "other.mdx.tmp4242"
    tmp.write_text("---\ntitle: Other\n---\n\nAtomically saved.\n", encoding="utf-8")
    os.replace(tmp, target)
    update = state.apply_changes(
        [("added", str(tmp)), ("deleted", str(tmp)), ("added", str(target))]
    )
    assert update.affected == frozenset({"/other"})
    assert b"Atomically saved." in call(app, "/other")[2]


def test_entry_points_share_one_implementation() -> None:
    """`python serve.py`, `mintrender serve` and `mintrender dev` parse the same options."""
    import subprocess
    import sys

    import serve
    from mintrender.cli import make_parser
    from mintrender.serve.server import serve as run

    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, str(root / "serve.py"), "--help"], capture_output=True, text=True
    )
    assert out.returncode == 0 and "--port" in out.stdout and "--host" in out.stdout
    cli_help = subprocess.run(
        [sys.executable, "-m", "mintrender", "serve", "--help"], capture_output=True, text=True
    ).stdout
    options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", cli_help))
    assert {"--safe", "--allow-iframe", "--allow-remote-specs", "--port"} <= options
    assert options == set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", out.stdout))
    for command in ("serve", "dev"):
        args = make_parser().parse_args([command, "docs", "--port", "4000"])
        assert (args.docs_dir, args.port, args.host) == ("docs", 4000, "127.0.0.1")
    assert serve.serve.__module__ == "serve" and run.__module__ == "mintrender.serve.server"
    assert serve.main(["/nonexistent-docs-folder"]) == 2


def test_snippet_file_created_after_the_page_naming_it(site: Any) -> None:
    docs, state, app, _ = site
    change(state, docs, "other.mdx", '---\ntitle: Other\n---\n\n<Snippet file="later.mdx" />\n')
    assert b"Later snippet text." not in call(app, "/other")[2]
    update = change(state, docs, "snippets/later.mdx", "Later snippet text.\n", kind="added")
    assert update.affected is None  # a new file: URLs and navigation are rebuilt
    assert b"Later snippet text." in call(app, "/other")[2]


def test_spec_edit_rerenders_api_pages(tmp_path: Path) -> None:
    docs = tmp_path / "docs"

    def spec(description: str) -> dict[str, Any]:
        return {
            "openapi": "3.0.0",
            "info": {"title": "T", "version": "1"},
            "paths": {
                "/ping": {
                    "get": {
                        "summary": "Ping",
                        "description": description,
                        "responses": {"200": {"description": "ok"}},
                    }
                }
            },
        }

    config = dict(CONFIG, navigation={"groups": [{"group": "A", "pages": ["index", "ping"]}]})
    write(
        docs,
        {
            "docs.json": config,
            "index.mdx": "---\ntitle: Home\n---\n\nHome.\n",
            "ping.mdx": "---\ntitle: Ping\nopenapi: GET /ping\n---\n",
            "openapi.json": spec("First SPEC text."),
        },
    )
    work = make_work_dir()
    state = SiteState(docs, work)
    try:
        state.load()
        app = PreviewApp(state, Reloader(), poll_seconds=0.1)
        call(app, "/")
        assert b"First SPEC text." in call(app, "/ping")[2]
        update = change(state, docs, "openapi.json", json.dumps(spec("Second SPEC text.")))
        assert update.affected == frozenset({"/ping"})
        body = call(app, "/ping")[2]
        assert b"Second SPEC text." in body and b"First SPEC text." not in body
    finally:
        state.close()
        remove_work_dir(work)


def test_a_spec_saved_with_its_key_late_or_a_file_it_refs_rerenders_api_pages(
    tmp_path: Path,
) -> None:
    """A spec written with sorted keys (its `"openapi"` after 8 KB of `components`) and a
    file its `$ref` names: saving either shows the change. Both reloaded the tab with the old
    spec still drawn (the spec was taken for a plain file; the `$ref`'d file was never read
    again)."""
    docs = tmp_path / "docs"
    padding = {f"Pad{i}": {"type": "string", "description": "x" * 80} for i in range(100)}

    def spec(description: str) -> str:
        operation = {
            "summary": "Ping",
            "description": description,
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {"application/json": {"schema": {"$ref": "./schemas.json#/S"}}},
                }
            },
        }
        data = {
            "components": {"schemas": padding},
            "info": {"title": "T", "version": "1"},
            "openapi": "3.0.0",
            "paths": {"/ping": {"get": operation}},
        }
        return json.dumps(data, sort_keys=True, indent=2)

    def schemas(text: str) -> str:
        field = {"type": "string", "description": text}
        return json.dumps({"S": {"type": "object", "properties": {"f1": field}}})

    config = dict(CONFIG, navigation={"groups": [{"group": "A", "pages": ["index", "ping"]}]})
    files = {
        "docs.json": config,
        "index.mdx": "---\ntitle: Home\n---\n\nHome.\n",
        "ping.mdx": "---\ntitle: Ping\nopenapi: GET /ping\n---\n",
        "openapi.json": spec("First SPEC text."),
        "schemas.json": schemas("First FIELD text."),
    }
    write(docs, files)
    assert spec("").index('"openapi"') > 8192
    with previewing(docs) as (state, app):
        call(app, "/")
        body = call(app, "/ping")[2]
        assert b"First SPEC text." in body and b"First FIELD text." in body
        update = change(state, docs, "openapi.json", spec("Second SPEC text."))
        assert update.affected == frozenset({"/ping"})
        assert b"Second SPEC text." in call(app, "/ping")[2]
        update = change(state, docs, "schemas.json", schemas("Second FIELD text."))
        assert update.affected == frozenset({"/ping"})
        body = call(app, "/ping")[2]
        assert b"Second FIELD text." in body and b"First FIELD text." not in body


def test_serve_prints_problems_as_they_appear_and_when_fixed(tmp_path: Path) -> None:
    import io

    from mintrender.serve.server import PreviewServer

    docs = tmp_path / "docs"
    config = {**CONFIG, "navigation": {"groups": [{"group": "Start", "pages": ["index"]}]}}
    write(docs, {"docs.json": config, "index.mdx": "---\ntitle: Home\n---\n\nSee [x](/nope).\n"})
    out = io.StringIO()
    server = PreviewServer(docs, port=0, watch=False, out=out)
    try:
        server.start()
        server.app.first_page.set()
        deadline = time.monotonic() + 60
        while server.shown is None and time.monotonic() < deadline:
            time.sleep(0.05)
        first = out.getvalue()
        # the same line as `mintrender build` prints, then the summary
        assert "index.mdx:5:9: warning: link '/nope' points to no page" in first
        assert "[broken-link]" in first and "(0 errors, 1 warning)" in first
        (docs / "index.mdx").write_text("---\ntitle: Home\n---\n\nSee <Warnng>x</Warnng>.\n")
        server.apply([("modified", str(docs / "index.mdx"))])
        deadline = time.monotonic() + 60
        while "fixed:" not in out.getvalue() and time.monotonic() < deadline:
            time.sleep(0.05)
        later = out.getvalue()[len(first) :]
        assert "index.mdx:5:1: warning: <Warnng> is not a Mintlify component" in later
        assert "did you mean <Warning>?" in later
        assert "  fixed: index.mdx:5:9: link '/nope' points to no page" in later
        assert "warning: link" not in later  # only what changed is printed
    finally:
        server.stop()


def test_watch_filter_ignores_editor_temp_files() -> None:
    from mintrender.serve.server import is_temp_file

    for name in (
        "sedFEzrwj",
        "#index.mdx#",
        "index.mdx~",
        ".index.mdx.swp",
        "4913",
        "index.mdx___jb_tmp___",
        ".goutputstream-AB12CD",
        "x.kate-swp",
    ):
        assert is_temp_file(name), name
    for name in ("index.mdx", "sed.mdx", "setup.mdx", "logo.svg"):
        assert not is_temp_file(name), name


def test_two_files_making_one_page_serve_as_they_build(tmp_path: Path) -> None:
    """`other.md` beside `other.mdx`: the preview serves the page the build keeps (the one the
    navigation names) and shows the `page-shadowed` warning the build gives."""
    from mintrender.build import build
    from mintrender.model import BuildOptions

    docs = tmp_path / "docs"
    write(
        docs,
        {
            "docs.json": CONFIG,
            "index.mdx": "---\ntitle: Home\n---\n\nWelcome home.\n",
            "guide.mdx": "---\ntitle: Guide\n---\n\nGuide text.\n",
            "other.md": "---\ntitle: Twin\n---\n\nThe md twin.\n",
            "other.mdx": "---\ntitle: Other\n---\n\nOther page.\n",
        },
    )
    out = tmp_path / "built"
    built = build(BuildOptions(docs_dir=docs, out_dir=out, cache=False))
    with previewing(docs) as (state, app):
        status, _, body = call(app, "/other")
        assert status == 200 and b"Other page." in body and b"The md twin" not in body
        assert b"The md twin" not in (out / "other/index.html").read_bytes()
        shadowed = [d for d in state.pages.all_problems() if d.code == "page-shadowed"]
        assert [(d.file, d.line) for d in shadowed] == [("other.md", 1)]
        assert [d for d in built.diagnostics if d.code == "page-shadowed"] == shadowed
        assert state.pages.nav().pages["other"].title == "Other"


def test_operation_pages_keep_their_urls_after_a_spec_edit(tmp_path: Path) -> None:
    """The preview expands the navigation as docs.json gives it, also after a spec edit: an
    operation named twice (inherited spec, `openapi.json` prefix) stays one page, and a spec's
    generated pages stay in its `openapi.directory` (the edit expanded the already expanded
    navigation again: pages went back to `api-reference/`)."""
    docs = tmp_path / "docs"

    def spec(description: str) -> str:
        get = {"summary": "Ping", "description": description, "responses": {}}
        return json.dumps(
            {
                "openapi": "3.0.0",
                "info": {"title": "T", "version": "1"},
                "paths": {"/ping": {"get": get}},
            }
        )

    groups = [
        {"group": "A", "openapi": "openapi.json", "pages": ["index", "GET /ping"]},
        {"group": "B", "pages": ["openapi.json GET /ping"]},
        {"group": "C", "openapi": {"source": "openapi.json", "directory": "v2"}},
    ]
    write(
        docs,
        {
            "docs.json": dict(CONFIG, navigation={"groups": groups}),
            "index.mdx": "---\ntitle: Home\n---\n\nHome.\n",
            "openapi.json": spec("First SPEC text."),
        },
    )
    work = make_work_dir()
    state = SiteState(docs, work)
    try:
        state.load()
        app = PreviewApp(state, Reloader(), poll_seconds=0.1)
        for text in ("First", "Second"):
            if text == "Second":
                change(state, docs, "openapi.json", spec("Second SPEC text."))
            home = call(app, "/")[2].decode()
            links = re.findall(r'<li><a href="([^"]+)"', home)
            assert links == ["/", "/api-reference/ping/", "/api-reference/ping/", "/v2/ping/"]
            for path in ("/api-reference/ping", "/v2/ping"):
                status, _, body = call(app, path)
                assert status == 200 and f"{text} SPEC text.".encode() in body, (path, text)
            assert call(app, "/api-reference/ping-2")[0] == 404
    finally:
        state.close()
        remove_work_dir(work)
