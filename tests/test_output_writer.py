"""The output writer answers "is something written there?" from its own bookkeeping, not with
a system call per question: checked against the folder it writes, for files, the folders
above them, forked writers' files, links and case-folding filesystems."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mintrender.write.files import OutputWriter, _Taken


def _on_disk(writer: OutputWriter, output_path: str) -> bool:
    return (writer.tmp / output_path).exists()


def test_exists_agrees_with_the_folder_it_writes(tmp_path: Path) -> None:
    writer = OutputWriter(tmp_path / "out", mode="hosted")
    try:
        writer.write_text("guide/setup/index.html", "<p>page</p>")
        writer.write_text("guide/setup.md", "# page")
        writer.write_bytes("_mintrender/a.js", b"1")
        writer.write_parts("llms-full.txt", ["a", "b"])
        asked = [
            "guide/setup/index.html",
            "guide/setup.md",
            "guide/setup",  # a folder made for the page
            "guide",
            "guide/",
            "./guide/setup.md",
            "_mintrender/a.js",
            "llms-full.txt",
            "guide/other.md",
            "guide/setup/index",
            "Guide/setup.md",
            "sitemap.xml",
        ]
        for path in asked:
            assert writer.exists(path) is _on_disk(writer, path), path
    finally:
        writer.abort()


def test_files_of_forked_writers_are_adopted_in_their_order(tmp_path: Path) -> None:
    writer = OutputWriter(tmp_path / "out", mode="hosted")
    try:
        writer.write_text("a/index.html", "a")
        child = os.fork()
        if child == 0:  # a forked writer: its files are on disk, not in the parent's books
            try:
                writer.write_text("b/c/index.html", "b")
            finally:
                os._exit(0)
        os.waitpid(child, 0)
        assert _on_disk(writer, "b/c/index.html") and not writer.exists("b/c/index.html")
        writer.adopt(["b/c/index.html"])
        assert writer.exists("b/c/index.html") and writer.exists("b/c") and writer.exists("b")
        assert writer.written == ["a/index.html", "b/c/index.html"]
    finally:
        writer.abort()


def test_a_copied_file_replaces_a_written_one_and_is_never_a_link(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "images").mkdir(parents=True)
    (docs / "images" / "real.png").write_bytes(b"png")
    (docs / "images" / "alias.png").symlink_to("real.png")
    writer = OutputWriter(tmp_path / "out", mode="hosted")
    try:
        writer.write_text("images/real.png", "written first")
        writer.copy_file(docs / "images" / "real.png", "images/real.png")
        writer.copy_file(docs / "images" / "alias.png", "images/alias.png")
        for name in ("real.png", "alias.png"):
            target = writer.tmp / "images" / name
            assert not target.is_symlink() and target.read_bytes() == b"png"
        assert writer.written.count("images/real.png") == 2
    finally:
        writer.abort()


@pytest.mark.parametrize("fold", [False, True])
def test_taken_paths_fold_case_where_the_filesystem_does(fold: bool) -> None:
    taken = _Taken(fold)
    taken.add("Guide/Setup/index.html")
    assert "Guide/Setup/index.html" in taken and "Guide/Setup" in taken and "Guide" in taken
    assert ("guide/setup/index.html" in taken) is fold
    assert ("GUIDE" in taken) is fold
    assert "Guide/Setup/index.htm" not in taken and "" not in taken


def test_writing_over_a_copied_file_never_changes_the_docs_folder(tmp_path: Path) -> None:
    """A copied file is a hard link to the docs folder's file where the filesystem allows: a
    later write at its path replaces the link, and never writes through it."""
    src = tmp_path / "docs" / "data.js"
    src.parent.mkdir()
    src.write_text("the author's", encoding="utf-8")
    writer = OutputWriter(tmp_path / "out", mode="hosted")
    try:
        for write in (
            lambda: writer.write_text("data.js", "ours"),
            lambda: writer.write_bytes("data.js", b"ours"),
            lambda: writer.write_parts("data.js", ["ou", "rs"]),
        ):
            writer.copy_file(src, "data.js")
            write()
            assert (writer.tmp / "data.js").read_text(encoding="utf-8") == "ours"
            assert src.read_text(encoding="utf-8") == "the author's"
    finally:
        writer.abort()


def test_a_docs_file_at_a_generated_path_is_left_as_it_was(tmp_path: Path) -> None:
    """The search index is written after the docs folder's files are copied: one of them at
    its path stays untouched in the docs folder."""
    from sitekit import build_site, minimal_config, write_site

    files = {"index.mdx": "# Hi\n\nText.\n", "_mintrender/search-index.js": "// the author's\n"}
    docs = write_site(tmp_path / "docs", files, minimal_config(["index"]))
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    result = build_site(docs, tmp_path / "out", cache=False)
    assert result.fatal is None
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == before
    written = (tmp_path / "out" / "_mintrender" / "search-index.js").read_text(encoding="utf-8")
    assert written.startswith("window.__MR_SEARCH__")


def _commit(out: Path, files: dict[str, str], *, reuse: bool = True) -> None:
    writer = OutputWriter(out, mode="hosted", reuse=reuse)
    for output_path, text in files.items():
        writer.write_text(output_path, text)
    writer.commit()


def test_unchanged_files_of_the_replaced_out_are_linked_changed_ones_made(tmp_path: Path) -> None:
    out = tmp_path / "site"
    _commit(out, {"a/index.html": "same", "b/index.html": "old!", "gone.md": "x"})
    before = {rel: os.stat(out / rel) for rel in ("a/index.html", "b/index.html")}
    _commit(out, {"a/index.html": "same", "b/index.html": "new!", "c.md": "added"})
    after = {rel: os.stat(out / rel) for rel in ("a/index.html", "b/index.html")}
    # the unchanged file is the same file, time included (a deploy by size and time skips it)
    assert after["a/index.html"].st_ino == before["a/index.html"].st_ino
    assert after["a/index.html"].st_mtime_ns == before["a/index.html"].st_mtime_ns
    # same size, other bytes: a new file
    assert after["b/index.html"].st_ino != before["b/index.html"].st_ino
    assert (out / "b/index.html").read_text() == "new!"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "a/index.html",
        "b/index.html",
        "c.md",
    ]
    # without reuse (the preview server's writer), every file is made afresh
    _commit(out, {"a/index.html": "same"}, reuse=False)
    assert os.stat(out / "a/index.html").st_ino != before["a/index.html"].st_ino


def test_links_in_the_replaced_out_are_never_followed(tmp_path: Path) -> None:
    """A link in OUT to a file or folder outside it, holding exactly what the build writes
    there: the output gets a file of its own, and the outside file is never linked."""
    outside = tmp_path / "outside"
    (outside / "guide").mkdir(parents=True)
    (outside / "guide" / "index.html").write_text("page")
    (outside / "secret.txt").write_text("page")
    out = tmp_path / "site"
    out.mkdir()
    (out / "guide").symlink_to(outside / "guide", target_is_directory=True)
    (out / "page.html").symlink_to(outside / "secret.txt")
    _commit(out, {"guide/index.html": "page", "page.html": "page"})
    for rel, behind in (("guide/index.html", "guide/index.html"), ("page.html", "secret.txt")):
        mine, theirs = os.lstat(out / rel), os.stat(outside / behind)
        assert not (out / rel).is_symlink() and (out / rel).read_text() == "page"
        assert mine.st_ino != theirs.st_ino and theirs.st_nlink == 1
    assert not (out / "guide").is_symlink()
    assert (outside / "guide" / "index.html").read_text() == "page"
