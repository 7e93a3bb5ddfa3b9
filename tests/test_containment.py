"""Symlinks out of the docs folder: nothing of their targets is read, published or zipped."""

from __future__ import annotations

import json
import os
import stat
import urllib.request
import zipfile
from pathlib import Path

from sitekit import build_site, minimal_config, write_site

from mintrender.serve.server import PreviewServer

SECRET = "TOPSECRET-a1b2c3"


def outside_files(base: Path) -> Path:
    """Files a docs folder must never leak: a key, a folder, an image, a spec."""
    out = base / "outside"
    out.mkdir()
    (out / "id_rsa").write_text(f"-----BEGIN KEY----- {SECRET}-key", encoding="utf-8")
    (out / "snippet.mdx").write_text(f"Snippet text {SECRET}-snippet", encoding="utf-8")
    (out / "folder").mkdir()
    (out / "folder" / "page.mdx").write_text(f"# Hidden\n\n{SECRET}-folder", encoding="utf-8")
    (out / "folder" / "data.txt").write_text(f"{SECRET}-folderfile", encoding="utf-8")
    (out / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + f"{SECRET}-image".encode())
    spec = {
        "openapi": "3.0.0",
        "info": {"title": f"{SECRET}-spec", "version": "1"},
        "paths": {"/x": {"get": {"summary": f"{SECRET}-op", "responses": {"200": {}}}}},
    }
    (out / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    return out


def hostile_docs(base: Path) -> Path:
    out = outside_files(base)
    docs = write_site(
        base / "docs",
        {
            "index.mdx": (
                "---\ntitle: Home\n---\n\nimport S from '/snippets/s.mdx';\n\n<S />\n\n"
                '<Snippet file="t.mdx" />\n\n![pic](/images/pic.png)\n\n![ok](/images/inside.png)\n'
            ),
            "api.mdx": '---\ntitle: API\nopenapi: "openapi.json GET /x"\n---\n\nText.\n',
            "images/real.png": b"\x89PNG\r\n\x1a\nINSIDE-IMAGE",
            "snippets/ok.mdx": "Fine snippet.",
        },
        minimal_config(["index", "api", "folder/page"], api={"openapi": "openapi.json"}),
    )
    os.symlink(out / "snippet.mdx", docs / "snippets" / "s.mdx")
    os.symlink(out / "snippet.mdx", docs / "snippets" / "t.mdx")
    os.symlink(out / "id_rsa", docs / "id_rsa.txt")
    os.symlink(out / "folder", docs / "folder")
    os.symlink(out / "image.png", docs / "images" / "pic.png")
    os.symlink(out / "spec.json", docs / "openapi.json")
    os.symlink("/proc/self/environ", docs / "environ.txt")
    os.symlink(docs / "images" / "real.png", docs / "images" / "inside.png")  # inside: followed
    return docs


def all_bytes(folder: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file()]


def test_links_out_of_the_docs_folder_leak_nothing(tmp_path: Path) -> None:
    docs = hostile_docs(tmp_path)
    out = tmp_path / "site"
    result = build_site(docs, out, mode="offline", zip=True)
    assert result.fatal is None
    leaks = [p for p, data in all_bytes(out) if SECRET.encode() in data]
    assert leaks == []
    links = [p for p in out.rglob("*") if p.is_symlink()]
    assert links == []
    with zipfile.ZipFile(tmp_path / "site.zip") as zf:
        for info in zf.infolist():
            assert not stat.S_ISLNK(info.external_attr >> 16), info.filename
            assert SECRET.encode() not in zf.read(info), info.filename
    warned = {d.file for d in result.diagnostics if d.code == "symlink-outside"}
    expected = {
        "snippets/s.mdx",
        "snippets/t.mdx",
        "id_rsa.txt",
        "folder",
        "images/pic.png",
        "openapi.json",
        "environ.txt",
    }
    assert expected <= warned
    # a link inside the docs folder is followed, and written as a regular file
    inside = out / "images" / "inside.png"
    assert inside.is_file() and not inside.is_symlink()
    assert inside.read_bytes().endswith(b"INSIDE-IMAGE")


def test_preview_server_reads_nothing_through_outside_links(tmp_path: Path) -> None:
    docs = hostile_docs(tmp_path)
    server = PreviewServer(docs, port=0, watch=False, poll_seconds=1)
    url = server.start()
    try:
        for path in ("/", "/api", "/images/pic.png", "/id_rsa.txt", "/folder/page", "/index.md"):
            try:
                with urllib.request.urlopen(url.rstrip("/") + path, timeout=60) as response:
                    data = response.read()
            except urllib.error.HTTPError as exc:
                data = exc.read()
            assert SECRET.encode() not in data, path
    finally:
        server.stop()


def test_inside_links_are_followed_and_cycles_stop(tmp_path: Path) -> None:
    docs = write_site(
        tmp_path / "docs",
        {
            "real/page.mdx": "---\ntitle: Real\n---\n\nReal page.\n",
            "index.mdx": "---\ntitle: Home\n---\n\nHome.\n",
        },
        minimal_config(["index", "real/page", "alias/page"]),
    )
    os.symlink(docs / "real", docs / "alias")  # sorts before its target
    os.symlink(docs, docs / "real" / "loop")  # a cycle back to the top
    result = build_site(docs, tmp_path / "site")
    assert (tmp_path / "site" / "real" / "page" / "index.html").is_file()
    assert (tmp_path / "site" / "alias" / "page" / "index.html").is_file()
    assert not (tmp_path / "site" / "real" / "loop").exists()
    assert [d for d in result.diagnostics if d.code == "symlink-outside"] == []


def test_an_earlier_site_in_the_docs_folder_is_never_read_back(tmp_path: Path) -> None:
    """A site an earlier `-o out` wrote inside the docs folder holds Markdown copies and the
    theme's stylesheets: they are not pages nor the site's own CSS (its stale rules would
    override the theme), and the build says why, once."""
    docs = write_site(tmp_path / "docs", {"index.mdx": "# Hi\n"}, minimal_config(["index"]))
    first = build_site(docs, docs / "out")
    assert first.fatal is None and (docs / "out" / "_mintrender").is_dir()
    result = build_site(docs, tmp_path / "site")
    assert [r.rel_path for r in result.pages] == ["index.mdx"]
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "out/_mintrender" not in html and not (tmp_path / "site" / "out").exists()
    notes = [d for d in result.diagnostics if d.code == "earlier-output"]
    assert [(d.file, d.severity) for d in notes] == [("out", "info")]
