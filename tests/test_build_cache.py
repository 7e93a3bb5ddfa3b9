"""The persistent build cache: a warm build writes exactly what a cold build of the same inputs
writes and reports the same findings, it really skips the pages that did not change, and a
damaged, foreign or unwritable cache is never trusted and never stops a build."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from test_reproducible import tree_digest

import mintrender.cache
from mintrender.build import build
from mintrender.model import BuildOptions, BuildResult

SPEC = """\
openapi: 3.0.3
info: {title: Pets, version: "1.0"}
servers: [{url: "https://api.example.com"}]
paths:
  /pets:
    get:
      summary: List pets
      description: Every pet in the store.
      parameters:
        - {name: limit, in: query, schema: {type: integer}, description: How many}
      x-codeSamples:
        - {lang: python, label: Python, source: "import pets\\nprint(pets.list(limit=2))"}
      responses:
        "200":
          description: The pets
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Pet"}}
    post:
      summary: Add a pet
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Pet"}
      responses: {"201": {description: Added}}
components:
  schemas:
    Pet:
      type: object
      properties:
        name: {type: string, description: The pet's name}
"""

CONFIG = {
    "name": "Cache test",
    "theme": "mint",
    "colors": {"primary": "#0D9373"},
    "navigation": {
        "groups": [
            {"group": "Start", "pages": ["index", "guide", "notes"]},
            {"group": "API", "openapi": "openapi.yaml", "pages": ["api/list", "POST /pets"]},
        ]
    },
}

FILES = {
    "index.mdx": "---\ntitle: Home\n---\n\nWelcome. See the [guide](/guide) and [nowhere](/nope).\n"
    '\n<Card title="Start" href="/guide">Go</Card>\n',
    "guide.mdx": "---\ntitle: Guide\n---\nimport Note from '/snippets/note.mdx';\n\n## Install\n\n"
    '<Note />\n\n```python title="hello.py"\nimport os\nprint(os.getcwd())\n```\n\n'
    "```js\nconst a = 1;\n```\n\n<Unknown>x</Unknown>\n",
    "notes.mdx": "---\ntitle: Notes\n---\n\n## Plain\n\nNothing shared here. "
    "```bash\necho hi\n```\n",
    "api/list.mdx": '---\ntitle: "List pets"\nopenapi: "GET /pets"\n---\n\nExtra words.\n',
    "snippets/note.mdx": "<Note>Remember **this**.</Note>\n",
    "openapi.yaml": SPEC,
}


def make_site(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "docs.json").write_text(json.dumps(CONFIG, indent=2), encoding="utf-8")
    for rel, text in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def run(docs: Path, out: Path, cache: Path | None, **kw: object) -> BuildResult:
    options = BuildOptions(
        docs_dir=docs, out_dir=out, cache_dir=cache, cache=cache is not None, **kw
    )  # type: ignore[arg-type]
    result = build(options)
    assert result.fatal is None, result.fatal
    return result


def findings(result: BuildResult) -> list[tuple[object, ...]]:
    return sorted(
        (d.severity, d.file, d.line, d.column, d.code, d.message, d.hint)
        for d in result.diagnostics
    )


def same_as_cold(docs: Path, tmp: Path, cache: Path, tag: str, **kw: object) -> BuildResult:
    """Build with the cache and without; every output file and every finding is the same. The
    warm builds replace one another's output, whose unchanged files they link (OutputWriter)."""
    cold = run(docs, tmp / f"cold-{tag}", None, **kw)
    warm = run(docs, tmp / "warm", cache, **kw)
    a, b = tree_digest(tmp / f"cold-{tag}"), tree_digest(tmp / "warm")
    assert sorted(a) == sorted(b), set(a) ^ set(b)
    assert [k for k in a if a[k] != b[k]] == []
    assert findings(warm) == findings(cold)
    assert warm.cache["pages_reused"] + warm.cache["pages_rendered"] == len(warm.pages)
    return warm


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize(
    "kw", [{}, {"mode": "offline"}, {"jobs": 2}], ids=["hosted", "offline", "jobs2"]
)
def test_warm_builds_match_cold_builds(tmp_path: Path, kw: dict[str, object]) -> None:
    docs = make_site(tmp_path / "docs")
    cache = tmp_path / "cache"
    first = same_as_cold(docs, tmp_path, cache, "first", **kw)
    assert first.cache["pages_reused"] == 0
    assert any(d.code for d in first.diagnostics if d.severity == "warning")  # replayed below
    pages = len(first.pages)
    assert pages == 5  # four files and one operation page

    warm = same_as_cold(docs, tmp_path, cache, "warm", **kw)
    want = {"pages_reused": pages, "pages_rendered": 0, "indexes_reused": 1, "html_reused": pages}
    assert warm.cache == want

    edit(docs / "notes.mdx", "Nothing shared here.", "## New heading\n\nNew words.")
    after_page = same_as_cold(docs, tmp_path, cache, "page", **kw)
    assert after_page.cache["pages_rendered"] == 1
    assert after_page.cache["indexes_reused"] == 0  # the notes page is searchable
    assert after_page.cache["html_reused"] == pages - 1  # a new heading: no other page changes

    # another page's title is in every page's sidebar: no page's HTML may be reused
    edit(docs / "notes.mdx", "title: Notes", "title: Field notes")
    after_title = same_as_cold(docs, tmp_path, cache, "title", **kw)
    assert after_title.cache["pages_rendered"] == 1
    assert after_title.cache["html_reused"] == 0

    edit(docs / "snippets/note.mdx", "Remember", "Do not forget")
    after_snippet = same_as_cold(docs, tmp_path, cache, "snippet", **kw)
    assert after_snippet.cache["pages_rendered"] == 1  # the guide, which imports it

    edit(docs / "openapi.yaml", "Every pet in the store.", "All the pets.")
    same_as_cold(docs, tmp_path, cache, "spec", **kw)

    config = json.loads((docs / "docs.json").read_text(encoding="utf-8"))
    config["navigation"]["groups"][0]["pages"] = ["index", "notes", "guide"]
    config["name"] = "Cache test, renamed"
    (docs / "docs.json").write_text(json.dumps(config), encoding="utf-8")
    same_as_cold(docs, tmp_path, cache, "config", **kw)

    (docs / "extra.mdx").write_text("---\ntitle: Extra\n---\n\n[guide](/guide)\n", "utf-8")
    same_as_cold(docs, tmp_path, cache, "new-page", **kw)
    again = same_as_cold(docs, tmp_path, cache, "again", **kw)
    assert again.cache["pages_rendered"] == 0


def test_warm_build_does_not_parse_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import mintrender.build as build_module

    docs = make_site(tmp_path / "docs")
    cache = tmp_path / "cache"
    run(docs, tmp_path / "one", cache)
    calls: list[str] = []
    real = build_module.parse_source

    def counting(rel: str, *args: object, **kw: object) -> object:
        calls.append(rel)
        return real(rel, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "parse_source", counting)
    run(docs, tmp_path / "two", cache)
    assert calls == []
    edit(docs / "guide.mdx", "## Install", "## Setup")
    run(docs, tmp_path / "three", cache)
    assert calls == ["guide.mdx"]
    run(docs, tmp_path / "four", None)  # --no-cache parses every page
    assert len(calls) == 1 + 4


def test_warm_build_does_not_load_specs_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The loaded OpenAPI index is kept: a warm build parses no spec and replays the findings
    loading gave; editing a file a `$ref` reads loads the specs again, and every output is
    the cold build's."""
    import mintrender.openapi as openapi

    docs = make_site(tmp_path / "docs")
    spec = SPEC.replace(
        "    Pet:\n      type: object\n      properties:\n"
        "        name: {type: string, description: The pet's name}\n",
        '    Pet: {$ref: "schemas/pet.yaml"}\n',
    ).replace("post:\n", 'post:\n      parameters: [{$ref: "#/components/parameters/Nope"}]\n')
    (docs / "openapi.yaml").write_text(spec, encoding="utf-8")
    (docs / "schemas").mkdir()
    pet = "type: object\nproperties:\n  name: {type: string, description: The pet's name}\n"
    (docs / "schemas/pet.yaml").write_text(pet, encoding="utf-8")
    calls: list[object] = []
    real = openapi.load_api_index
    monkeypatch.setattr(openapi, "load_api_index", lambda *a: calls.append(a) or real(*a))
    cache = tmp_path / "cache"
    first = same_as_cold(docs, tmp_path, cache, "first")
    assert [d for d in first.diagnostics if "Nope" in d.message]  # replayed by the warm builds
    calls.clear()
    warm = same_as_cold(docs, tmp_path, cache, "warm")
    assert len(calls) == 1  # the cold build's; the warm one reused the index
    assert warm.cache["html_reused"] == len(warm.pages)

    edit(docs / "schemas/pet.yaml", "The pet's name", "What the pet is called")
    calls.clear()
    same_as_cold(docs, tmp_path, cache, "ref-edit")
    assert len(calls) == 2
    built = (tmp_path / "warm").rglob("*.html")
    assert any("What the pet is called" in p.read_text("utf-8") for p in built)


def _damage(cache: Path) -> int:
    entries = sorted(cache.rglob("*.bin"))
    for i, path in enumerate(entries):
        data = path.read_bytes()
        if i % 3 == 0:
            path.write_bytes(data[: len(data) // 2])  # truncated
        elif i % 3 == 1:
            path.write_bytes(data[:-20] + bytes(b ^ 0xFF for b in data[-20:]))  # corrupt
        else:
            path.write_bytes(b"\x80\x04K\x01." + data)  # foreign
    return len(entries)


def test_damaged_cache_entries_are_ignored(tmp_path: Path) -> None:
    docs = make_site(tmp_path / "docs")
    cache = tmp_path / "cache"
    run(docs, tmp_path / "fill", cache)
    assert _damage(cache) >= 6
    result = same_as_cold(docs, tmp_path, cache, "damaged")
    assert result.cache["pages_reused"] == 0
    assert not [d for d in result.diagnostics if d.code in ("internal-error", "cache-unwritable")]
    assert same_as_cold(docs, tmp_path, cache, "healed").cache["pages_rendered"] == 0


def test_another_format_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = make_site(tmp_path / "docs")
    cache = tmp_path / "cache"
    run(docs, tmp_path / "fill", cache)
    monkeypatch.setattr(mintrender.cache, "FORMAT", mintrender.cache.FORMAT + 1)
    assert run(docs, tmp_path / "next", cache).cache["pages_reused"] == 0


def test_unwritable_cache_folder_is_noted(tmp_path: Path) -> None:
    docs = make_site(tmp_path / "docs")
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    result = run(docs, tmp_path / "out", blocked)
    notes = [d for d in result.diagnostics if d.code == "cache-unwritable"]
    assert len(notes) == 1 and notes[0].severity == "info"
    assert (tmp_path / "out" / "guide" / "index.html").is_file()


def test_cli_no_cache_and_cache_dir(tmp_path: Path) -> None:
    import subprocess
    import sys

    docs = make_site(tmp_path / "docs")
    cache = tmp_path / "c"
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    cmd = [sys.executable, "-m", "mintrender", "build", str(docs), "--cache-dir", str(cache)]

    report = tmp_path / "report.json"

    def stderr(*extra: str) -> str:
        done = subprocess.run(
            [*cmd, *extra, "-o", str(tmp_path / "o"), "--report", str(report)],
            capture_output=True,
            text=True,
            env=env,
        )
        return done.stderr

    assert "reused from the cache" not in stderr()
    # another process (another hash seed): every page and its HTML still come from the cache
    assert "5 unchanged pages reused from the cache" in stderr()
    assert json.loads(report.read_text(encoding="utf-8"))["cache"]["html_reused"] == 5
    assert "reused from the cache" not in stderr("--no-cache")
    assert json.loads(report.read_text(encoding="utf-8"))["cache"] == {}
    assert list((cache / "build").iterdir())


def test_modelslab_warm_build_matches_cold(tmp_path: Path) -> None:
    """The real corpus: the second build (everything from the cache) writes the same bytes and
    reports the same findings as a build without the cache."""
    from test_offline_common import MODELSLAB

    if not MODELSLAB.is_dir():
        pytest.skip("the ModelsLab corpus is not on this machine")
    cache = tmp_path / "cache"
    run(MODELSLAB, tmp_path / "fill", cache)
    warm = same_as_cold(MODELSLAB, tmp_path, cache, "corpus")
    assert warm.cache["pages_rendered"] == 0 and warm.cache["html_reused"] == len(warm.pages)


def _bins(cache: Path) -> set[str]:
    return {p.relative_to(cache).as_posix() for p in cache.rglob("*.bin")}


def test_entries_unused_for_a_month_are_pruned(tmp_path: Path) -> None:
    """A build removes the cache entries no build wrote or reused for `PRUNE_DAYS` (a deleted
    page's, another docs folder's), keeps what it reused, and never removes a file not ours."""
    docs = make_site(tmp_path / "docs")
    cache = tmp_path / "cache"
    run(docs, tmp_path / "fill", cache)
    build_dir = cache / "build"
    filled = _bins(build_dir)
    (docs / "notes.mdx").unlink()  # its entries are never used again
    gone = build_dir / ("0" * 20)
    gone.mkdir()
    (gone / "x.bin").write_bytes(next(build_dir.rglob("*.bin")).read_bytes())  # a gone site's
    foreign = [build_dir / "notes.bin", build_dir / "keep.txt"]  # not ours: never removed
    for path in foreign:
        path.write_text("mine", encoding="utf-8")
    leftover = build_dir / "a.bin.123.tmp"  # a killed build's
    leftover.write_bytes(b"half")
    old = 1e9  # 2001
    for path in [*build_dir.rglob("*"), *foreign]:
        if path.is_file():
            os.utime(path, (old, old))
    (build_dir / ".pruned").unlink()
    run(docs, tmp_path / "again", cache)
    kept = _bins(build_dir)
    assert kept and kept < filled | {"notes.bin"}  # reused entries stay, the page's went
    assert not gone.exists() and not leftover.exists()
    assert all(path.exists() for path in foreign)
    warm = same_as_cold(docs, tmp_path, cache, "pruned")
    assert warm.cache["pages_rendered"] == 0  # everything the site uses was kept
    # at most once a day: a second build right after removes nothing
    for path in build_dir.rglob("*.bin"):
        os.utime(path, (old, old))
    assert mintrender.cache.prune(build_dir) == 0
    # the source stamps are written once the docs files are older than STAMP_MARGIN_NS, so by
    # the first build that starts that long after they were written: which one is timing
    stamps = {name for name in _bins(build_dir) | kept if name.endswith("/source-stamps.bin")}
    assert _bins(build_dir) - stamps == (kept | {"notes.bin"}) - stamps


def test_a_user_without_a_home_folder_builds_with_a_private_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No `$HOME` and no password entry (a container's bare user id): the cache is a private
    folder in the temp folder, never a crash; a folder of that name open to others is not
    trusted (entries are unpickled), a new private one is made instead."""
    import stat
    import tempfile

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("MINTRENDER_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    mintrender.cache._private_temp_root.cache_clear()
    root = mintrender.cache.default_cache_root()
    assert root == tmp_path / "tmp" / f"mintrender-cache-{os.getuid()}"
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    docs = make_site(tmp_path / "docs")
    options = BuildOptions(docs_dir=docs, out_dir=tmp_path / "out")
    assert build(options).fatal is None and (root / "build").is_dir()
    assert build(options).cache["pages_rendered"] == 0  # kept between runs
    # a folder of that name that others can write is not used
    mintrender.cache._private_temp_root.cache_clear()
    root.chmod(0o777)
    other = mintrender.cache.default_cache_root()
    assert other != root and stat.S_IMODE(other.stat().st_mode) == 0o700
    mintrender.cache._private_temp_root.cache_clear()


def test_a_cache_folder_that_cannot_be_made_or_entered_is_never_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A `$HOME` whose cache folder cannot be made (a file in the way; another user's home
    inherited by `sudo -u` or `docker --user`) gives the private temp cache, as no home does;
    and `prune` on a folder it may not look into removes nothing and does not raise."""
    import tempfile

    home = tmp_path / "home"
    home.mkdir()
    (home / ".cache").write_text("a file, not a folder")
    monkeypatch.delenv("MINTRENDER_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    mintrender.cache._private_temp_root.cache_clear()
    root = mintrender.cache.default_cache_root()
    assert root == tmp_path / "tmp" / f"mintrender-cache-{os.getuid()}"
    docs = make_site(tmp_path / "docs")
    options = BuildOptions(docs_dir=docs, out_dir=tmp_path / "out")
    assert build(options).fatal is None and (root / "build").is_dir()
    mintrender.cache._private_temp_root.cache_clear()

    def denied(self: Path) -> bool:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "is_dir", denied)
    assert mintrender.cache.prune(tmp_path / "someone-elses" / "build") == 0


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every docs file a build's readers read from now on."""
    from mintrender.load.sources import Reader

    reads: list[str] = []
    real = Reader.__call__

    def reading(self: Reader, rel: str) -> str | None:
        if rel not in self.cache:
            reads.append(rel)
        return real(self, rel)

    monkeypatch.setattr(Reader, "__call__", reading)
    return reads


def test_unchanged_files_are_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warm build knows a file is the one a page read from its status (device, inode, size,
    modification and change times), as git's index does, and does not read and hash it again.
    An edit that keeps the size and sets the modification time back is still seen: it changes
    the change time."""
    import mintrender.buildcache as buildcache

    docs = make_site(tmp_path / "docs")
    cache = tmp_path / "cache"
    run(docs, tmp_path / "one", cache)
    reads = _reads(monkeypatch)
    run(docs, tmp_path / "two", cache)
    # files changed in the seconds before a build are not stamped (an edit within the same
    # tick of the clock would not change their status): read and hashed again
    assert {"guide.mdx", "snippets/note.mdx"} <= set(reads)

    monkeypatch.setattr(buildcache, "STAMP_MARGIN_NS", 0)  # files made before the build: settled
    run(docs, tmp_path / "three", cache)  # the pages' entries, now with stamps
    reads.clear()
    warm = run(docs, tmp_path / "four", cache)
    assert warm.cache["pages_rendered"] == 0
    assert not {"guide.mdx", "snippets/note.mdx", "notes.mdx"} & set(reads)

    snippet = docs / "snippets/note.mdx"
    before = snippet.stat()
    edit(snippet, "Remember", "Rememb3r")  # the same size, and the old modification time
    os.utime(snippet, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = snippet.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    changed = same_as_cold(docs, tmp_path, cache, "same-size", jobs=1)
    assert changed.cache["pages_rendered"] == 1  # the guide, which imports it


def test_the_code_fingerprint_reads_what_importlib_and_rglob_read(tmp_path: Path) -> None:
    """Every key holds `code_fingerprint`: the versions of the libraries that shape the output,
    read from the `.dist-info` folder names (importlib.metadata took a tenth of a second of
    every build), and a stamp of every source file of the package."""
    from importlib import metadata

    from mintrender.cache import _LIBRARIES, _dist_key, _installed_versions, _source_stamps

    versions = _installed_versions()
    for name in _LIBRARIES:
        try:
            expected = metadata.version(name)
        except metadata.PackageNotFoundError:
            expected = None
        assert versions.get(_dist_key(name)) == expected, name
    # a dist-info folder elsewhere on the path does not hide the first one
    (tmp_path / "Jinja2-0.0.1.dist-info").mkdir()
    (tmp_path / "not-a-dist-info").mkdir()
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(tmp_path))
        assert _installed_versions()["jinja2"] == "0.0.1"
    root = Path(mintrender.cache.__file__).parent
    suffixes = (".py", ".json", ".html", ".css", ".js")
    files = sorted(p for p in root.rglob("*") if p.suffix in suffixes and p.is_file())
    assert [row.rsplit(":", 2)[0] for row in _source_stamps(str(root))] == [str(p) for p in files]


def test_a_page_that_reads_the_clock_is_kept_for_its_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`new Date()` is the build's time: a warm build on the next day draws the page again
    (a footer's year turns over on New Year's day); its other pages stay reused."""
    docs = make_site(tmp_path / "docs")
    page = docs / "clock.mdx"
    page.write_text("---\ntitle: Clock\n---\n\n© {new Date().getFullYear()} Us.\n", "utf-8")
    config = json.loads((docs / "docs.json").read_text(encoding="utf-8"))
    config["navigation"]["groups"][0]["pages"].append("clock")
    (docs / "docs.json").write_text(json.dumps(config), encoding="utf-8")
    cache = tmp_path / "cache"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1767225600 - 3600))  # 2025-12-31 23:00 UTC
    first = same_as_cold(docs, tmp_path, cache, "eve")
    assert "© 2025 Us." in (tmp_path / "warm" / "clock" / "index.html").read_text("utf-8")
    again = run(docs, tmp_path / "warm", cache)  # the same day: everything reused
    assert again.cache["pages_rendered"] == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    warm = same_as_cold(docs, tmp_path, cache, "day")
    assert "© 2026 Us." in (tmp_path / "warm" / "clock" / "index.html").read_text("utf-8")
    assert warm.cache["pages_rendered"] == 1
    assert warm.cache["pages_reused"] == len(first.pages) - 1
