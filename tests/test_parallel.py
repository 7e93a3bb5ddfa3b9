"""`--jobs N`: forked workers give exactly the site and report of a one-process build."""

from __future__ import annotations

import filecmp
import os
import time
from pathlib import Path
from typing import Any

import pytest
from sitekit import build_site

from mintrender.load.sources import mirror_keys
from mintrender.workers import (
    FINEST_SHARE,
    Background,
    auto_jobs,
    can_fork,
    fork_map,
    grouped,
    guided,
)

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "basic"


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.mark.skipif(not can_fork(), reason="needs the fork start method")
def test_two_workers_build_the_same_site_and_report(tmp_path: Path) -> None:
    # without the build cache, or the second build would reuse the first one's pages
    one = build_site(EXAMPLE, tmp_path / "one", jobs=1, cache=False)
    two = build_site(EXAMPLE, tmp_path / "two", jobs=2, cache=False)
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")
    strip = lambda r: {k: v for k, v in r.report().items() if k != "timings"}  # noqa: E731
    assert strip(one) == strip(two)
    assert two.openapi_operations == 2
    assert not filecmp.dircmp(tmp_path / "one", tmp_path / "two").diff_files


def test_translations_and_versions_of_a_page_go_to_one_worker() -> None:
    """A page's copies under language or version folders share a worker (its highlighting and
    API memos hit); shares stay balanced and keep every page once, in order."""
    rels = ["a.mdx", "b.mdx", "es/a.mdx", "es/b.mdx", "fr/a.mdx", "guides/x.mdx", "v2/guides/x.mdx"]
    rels += ["solo/only.mdx", "v1/guides/x.mdx", "z.mdx"]
    keys = mirror_keys(rels)
    assert keys["es/a.mdx"] == keys["fr/a.mdx"] == keys["a.mdx"] == "a.mdx"
    assert keys["v1/guides/x.mdx"] == keys["v2/guides/x.mdx"] == "guides/x.mdx"
    assert keys["guides/x.mdx"] == "guides/x.mdx"  # its own key: no top-level x.mdx
    assert keys["solo/only.mdx"] == "solo/only.mdx" and keys["z.mdx"] == "z.mdx"
    shares = grouped(rels, keys.__getitem__, 2)
    assert sorted(sum(shares, [])) == sorted(rels)
    for share in shares:
        assert {keys[r] for r in share}.isdisjoint(
            {keys[r] for s in shares if s is not share for r in s}
        )
    # by weight, the heaviest group handed out first, in a share of its own
    weight = {"z.mdx": 50.0}
    shares = grouped(rels, keys.__getitem__, 4, lambda r: weight.get(r, 1.0))
    assert shares[0] == ["z.mdx"] and len(shares) > 1
    assert sorted(sum(shares, [])) == sorted(rels)


def test_guided_shares_shrink_so_that_workers_end_together() -> None:
    """Each share holds about half the work left over the workers: big first, small last,
    never below the floor (but the remainder), consecutive, every item once."""
    shares = guided([1.0] * 1000, 2)
    assert [i for share in shares for i in share] == list(range(1000))
    sizes = [len(share) for share in shares]
    assert sizes[0] == 250 and sizes[1] == 188  # 1000 / 4, then 750 / 4 (rounded up)
    assert all(a >= b for a, b in zip(sizes, sizes[1:], strict=False))
    assert min(sizes[:-1]) == 16 and sizes[-1] <= 16  # 1000 / (2 x FINEST_SHARE), rounded up
    assert len(shares) < 2 * FINEST_SHARE
    # one heavy item is a share of its own; the light ones after it are still shared out
    heavy = guided([100.0] + [1.0] * 100, 2)
    assert heavy[0] == range(0, 1) and len(heavy) > 3
    assert guided([], 2) == [] and guided([1.0], 2) == [range(0, 1)]


def test_auto_jobs_keeps_small_sites_in_one_process() -> None:
    assert auto_jobs(10) == 1
    assert auto_jobs(1000) >= 1


def test_background_work_comes_back_with_its_value_or_its_error() -> None:
    """`Background` computes in another process (when it can fork) and hands back the value,
    or raises the exception the work raised; this process's state is left alone."""
    seen: list[int] = []

    def work() -> tuple[int, list[int]]:
        seen.append(1)
        return os.getpid(), [1, 2, 3]

    pid, value = Background(work).result()
    assert value == [1, 2, 3]
    if can_fork():
        assert pid != os.getpid() and seen == []

    def broken() -> None:
        raise ValueError("no such thing")

    with pytest.raises(ValueError, match="no such thing"):
        Background(broken).result()


@pytest.mark.skipif(not can_fork(), reason="needs the fork start method")
def test_forked_page_writers_write_the_same_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A site big enough for forked page writers (the threshold lowered to this example) gives
    the bytes of a one-process write: pages, sidebar payloads, Markdown copies, llms files."""
    import mintrender.write.site as site

    one = build_site(EXAMPLE, tmp_path / "one", jobs=2, cache=False)
    monkeypatch.setattr(site, "PARALLEL_WRITE_MIN", 1)
    calls: list[int] = []
    real = site.fork_map
    monkeypatch.setattr(site, "fork_map", lambda *a: calls.append(1) or real(*a))
    two = build_site(EXAMPLE, tmp_path / "two", jobs=2, cache=False)
    assert calls, "the page writers did not fork"
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")
    assert [d.format() for d in one.diagnostics] == [d.format() for d in two.diagnostics]


def test_packed_page_gives_back_its_bulk() -> None:
    from mintrender.model import PageRecord, RenderedPage, Section

    rendered = RenderedPage(
        "a.mdx",
        "A",
        "",
        "<p>body</p>" * 100,
        (),
        (Section("x", "X", "text"),),
        frozenset(),
        frozenset(),
        frozenset(),
        {},
        {},
    )
    record = PageRecord("a.mdx", "a", "/a", "a/index.html", {}, rendered=rendered, markdown="# A")
    record.pack()
    assert record.rendered is not None and record.rendered.body_html == ""
    assert record.markdown is None and record.packed is not None
    full = record.unpacked()
    assert full.rendered == rendered and full.markdown == "# A" and full.packed is None
    assert record.rendered.title == "A"  # the light part stays on the packed record
    # level 0 (bulk bound for a spill file): stored as it is, read back the same
    stored = PageRecord("a.mdx", "a", "/a", "a/index.html", {}, rendered=rendered, markdown="# A")
    stored.pack(0)
    assert isinstance(stored.packed, bytes) and len(stored.packed) > len(record.packed)
    assert stored.unpacked().rendered == rendered


def test_spilled_page_reads_back_after_the_spill_folder_is_gone() -> None:
    import pickle

    from mintrender.model import PageRecord, RenderedPage, Section
    from mintrender.spill import Spill

    rendered = RenderedPage(
        "a.mdx", "A", "", "<p>body</p>" * 50, (), (Section("x", "X", "t"),),
        frozenset(), frozenset(), frozenset(), {}, {},
    )  # fmt: skip
    spill = Spill()
    records = []
    for n in range(3):
        record = PageRecord(f"{n}.mdx", str(n), f"/{n}", f"{n}/index.html", {}, rendered=rendered)
        record.markdown = f"# {n}"
        record.pack()
        record.spill(spill)
        assert not isinstance(record.packed, bytes)
        records.append(record)
    # a record sent from a worker finds its file again by path (it is opened on arrival)
    arrived = pickle.loads(pickle.dumps(records[1]))
    spill.close()
    assert not spill.folder.exists()
    for n, record in enumerate([*records, arrived]):
        full = record.unpacked()
        assert full.rendered == rendered and full.markdown == f"# {n if n < 3 else 1}"


@pytest.mark.skipif(not can_fork(), reason="needs the fork start method")
def test_forked_index_workers_give_the_one_process_indexes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mintrender.index.sections as sections

    site = Path(__file__).resolve().parent / "sites" / "search-scope"  # en and fr, v2 and v1
    one = build_site(site, tmp_path / "one", jobs=1, cache=False)
    monkeypatch.setattr(sections, "auto_jobs", lambda count: 2)  # a small site forks too
    forked = tmp_path / "forked"  # the index runs in a forked process: a file tells
    fork_map = sections.fork_map
    monkeypatch.setattr(
        sections,
        "fork_map",
        lambda *a, **k: forked.touch() or fork_map(*a, **k),  # type: ignore[func-returns-value]
    )
    build_site(site, tmp_path / "one-again", jobs=1, cache=False)
    assert not forked.exists()  # `--jobs 1`: the indexes too are built in the one process
    build_site(site, tmp_path / "two", jobs=2, cache=False)
    assert forked.exists()  # the indexes were made by workers, their scripts sent through files
    indexes = sorted((tmp_path / "one" / "_mintrender").glob("search-index*.js"))
    assert len(indexes) == 5 and one.fatal is None  # 2 languages x 2 versions, the manifest
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")


@pytest.mark.skipif(not can_fork(), reason="needs the fork start method")
def test_files_making_the_same_page_build_one_of_them_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`quickstart.md` beside `quickstart.mdx`: the file navigation names is built, the other is a warning, and forked page writers write
    the same bytes as one process (no race between the two for the page or its Markdown copy)."""
    import shutil

    import mintrender.write.site as site

    docs = tmp_path / "docs"
    shutil.copytree(EXAMPLE, docs, ignore=shutil.ignore_patterns("_site"))
    (docs / "quickstart.md").write_text("---\ntitle: Twin\n---\n\nThe md twin.\n", "utf-8")
    one = build_site(docs, tmp_path / "one", jobs=1, cache=False)
    monkeypatch.setattr(site, "PARALLEL_WRITE_MIN", 1)
    two = build_site(docs, tmp_path / "two", jobs=2, cache=False)
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")
    for result, out in ((one, tmp_path / "one"), (two, tmp_path / "two")):
        found = [d for d in result.diagnostics if d.code == "page-shadowed"]
        assert [(d.file, d.line, d.severity) for d in found] == [("quickstart.md", 1, "warning")]
        assert "quickstart.mdx" in found[0].message
        assert "The md twin" not in (out / "quickstart/index.html").read_text("utf-8")
        assert "The md twin" not in (out / "quickstart.md").read_text("utf-8")
        assert sum(r.site_path == "/quickstart" for r in result.pages) == 1


def test_spill_folders_of_killed_builds_are_swept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build killed mid-render leaves its spill folder; the next build with workers removes
    it, and never a running build's (its process is alive) or a folder not named like one."""
    import tempfile

    from mintrender.spill import PREFIX, Spill

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = tmp_path / f"{PREFIX}4194999-abc"  # above Linux's largest process id
    running = tmp_path / f"{PREFIX}{os.getpid()}-def"
    other = tmp_path / f"{PREFIX}old-style"
    for folder in (dead, running, other):
        folder.mkdir()
        (folder / "pages-1.bin").write_bytes(b"x")
    spill = Spill()
    try:
        assert not dead.exists()
        assert running.exists() and other.exists()
        assert spill.folder.parent == tmp_path and spill.folder.name.startswith(
            f"{PREFIX}{os.getpid()}-"
        )
    finally:
        spill.close()


@pytest.mark.skipif(not can_fork(), reason="needs the fork start method")
def test_index_built_beside_the_page_writers_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With workers the index is built in a forked process while the pages are written; its
    failure is one internal error at docs.json, and every index is then an empty one at the
    URL the pages name."""
    import mintrender.index.sections as sections

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("injected index failure")

    monkeypatch.setattr(sections, "_index_scripts", broken)
    result = build_site(EXAMPLE, tmp_path / "out", jobs=2, cache=False)
    internal = [d for d in result.diagnostics if d.code == "internal-error"]
    assert [d.file for d in internal] == ["docs.json"], internal
    assert "injected index failure" in internal[0].message + str(internal[0].hint)
    index = (tmp_path / "out" / "_mintrender" / "search-index.js").read_text()
    assert index.startswith("window.__MR_SEARCH__=") and '"docs":[]' in index
    assert 'search-index.js"' in (tmp_path / "out" / "index.html").read_text()


@pytest.mark.skipif(not can_fork(), reason="needs the fork start method")
def test_meanwhile_runs_here_while_the_workers_work(tmp_path: Path) -> None:
    """`fork_map(..., meanwhile)` runs `meanwhile` once the workers are forked, before their
    results are awaited: each worker waits for the file `meanwhile` makes."""
    flag = tmp_path / "flag"

    def work(i: int) -> bool:
        for _ in range(200):
            if flag.exists():
                return True
            time.sleep(0.05)
        return False

    assert fork_map(work, [1, 2, 3], 2, meanwhile=flag.touch) == [True, True, True]


@pytest.mark.skipif(not can_fork(), reason="needs the fork start method")
def test_theme_is_prepared_while_the_pages_render(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With render workers, the write stage's templates and theme files are made once, while
    the workers render, and the site is the one-process build's."""
    import mintrender.write.site as site

    build_site(EXAMPLE, tmp_path / "one", jobs=1, cache=False)
    made: list[bool] = []
    real = site.prepare_theme

    def counted(*args: Any, **kwargs: Any) -> Any:
        made.append(kwargs["compile"])
        return real(*args, **kwargs)

    monkeypatch.setattr(site, "prepare_theme", counted)
    build_site(EXAMPLE, tmp_path / "two", jobs=2, cache=False)
    assert made == [True]  # not again in write_site
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")
    # a theme that fails to prepare early is prepared again by the write stage
    made.clear()

    def fails_first(*args: Any, **kwargs: Any) -> Any:
        made.append(kwargs["compile"])
        if len(made) == 1:
            raise RuntimeError("early")
        return real(*args, **kwargs)

    monkeypatch.setattr(site, "prepare_theme", fails_first)
    three = build_site(EXAMPLE, tmp_path / "three", jobs=2, cache=False)
    assert made == [True, False] and three.fatal is None
    assert _tree(tmp_path / "one") == _tree(tmp_path / "three")


@pytest.mark.skipif(not can_fork(), reason="needs the fork start method")
@pytest.mark.parametrize("order", ["beside first", "pages first"])
def test_files_beside_the_pages_written_while_forked_writers_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, order: str
) -> None:
    """With forked page writers, the 404 page, the docs folder's files and the crawl files are
    written here while they work. Forced to happen wholly before (or wholly after) the pages,
    the site, the findings and the docs folder are those of a one-process build: a docs-folder
    file at a page's path, under a page's Markdown copy or in the asset folder waits for the
    writers (a hard link written through would change the docs folder), and a redirect from a
    page's path gives way to the page."""
    from sitekit import minimal_config, write_site

    import mintrender.write.site as site

    files = {
        "index.mdx": "# Home\n\nText.\n",
        "guide.mdx": "# Guide\n\nGuide text.\n",
        "other.mdx": "# Other\n\nMore text.\n",
        "guide/index.html": "<p>the author's page file</p>\n",  # the page's HTML path
        "other.md/note.txt": "below a Markdown copy's path\n",
        "_mintrender/search-index.js": "// the author's\n",
        "images/logo.svg": "<svg/>\n",
    }
    config = minimal_config(["index", "guide", "other"])
    config["redirects"] = [
        {"source": "/guide", "destination": "/other"},
        {"source": "/old", "destination": "/guide"},
    ]
    docs = write_site(tmp_path / "docs", files, config)
    before = _tree(docs)
    one = build_site(docs, tmp_path / "one", jobs=1, cache=False)

    monkeypatch.setattr(site, "PARALLEL_WRITE_MIN", 1)
    gate = tmp_path / "gate"
    real_share, real_crawl = site._write_share, site.write_crawl_files

    def wait_for(path: Path) -> None:
        deadline = time.monotonic() + 30
        while not path.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert path.exists(), "the other side never went"

    def gated(real: Any, goes_first: str) -> Any:
        """`real`, run before the other side when `order` is `goes_first`, else after it."""

        def run(*args: Any, **kw: Any) -> None:
            if order != goes_first:
                wait_for(gate)
            real(*args, **kw)
            if order == goes_first:
                gate.touch()

        return run

    share = gated(real_share, "pages first")
    crawl = gated(real_crawl, "beside first")

    monkeypatch.setattr(site, "_write_share", share)
    monkeypatch.setattr(site, "write_crawl_files", crawl)
    two = build_site(docs, tmp_path / "two", jobs=2, cache=False)
    assert _tree(docs) == before
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")
    assert [d.format() for d in one.diagnostics] == [d.format() for d in two.diagnostics]
    assert "other.md/note.txt: warning: cannot copy: File exists [file-unreadable]" in [
        d.format() for d in two.diagnostics
    ]
    out = _tree(tmp_path / "two")
    assert out["guide/index.html"] == b"<p>the author's page file</p>\n"
    assert out["other.md"].startswith(b"# Other")  # the copy is there: the file cannot be
    assert "other.md/note.txt" not in out
    assert b"url=/other/" in out["old/index.html"]  # the redirect chain, beside the pages


@pytest.mark.skipif(not can_fork(), reason="needs the fork start method")
def test_writers_failing_after_the_files_beside_them_still_give_the_whole_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Forked writers that fail as a whole once the main process wrote its part: the pages are
    written here instead, with their Markdown copies (the paths reserved for the writers are
    free again), and the site is the one-process build's, with one internal error more."""
    import mintrender.write.site as site

    one = build_site(EXAMPLE, tmp_path / "one", jobs=1, cache=False)
    monkeypatch.setattr(site, "PARALLEL_WRITE_MIN", 1)

    def broken(work: Any, items: Any, jobs: int, meanwhile: Any = None) -> Any:
        if meanwhile is not None:
            meanwhile()
        raise OSError("the writers went away")

    monkeypatch.setattr(site, "fork_map", broken)
    two = build_site(EXAMPLE, tmp_path / "two", jobs=2, cache=False)
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")
    assert any(name.endswith(".md") for name in _tree(tmp_path / "two"))
    extra = [d for d in two.diagnostics if d.code == "internal-error"]
    assert len(extra) == 1 and "writers went away" in extra[0].format()
    rest = [d.format() for d in two.diagnostics if d.code != "internal-error"]
    assert rest == [d.format() for d in one.diagnostics]
