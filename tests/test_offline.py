"""Offline bundles (`--offline [--zip]`): every reference relative and present, pages linked by
`index.html`, user CSS rewritten, no remote stylesheet but those that could not be downloaded, one archive
with one top folder."""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from sitekit import SharedBuild, offline_build
from test_offline_common import (
    CSS_URL,
    EXTERNAL,
    MODELSLAB,
    broken_link_hrefs,
    build_into,
    make_fixture,
    refs_of,
)

from mintrender.model import BuildResult


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    root = tmp_path_factory.mktemp("offline")
    docs = make_fixture(root / "src")
    out = root / "site"
    return out, build_into(docs, out, mode="offline", zip=True)


def check_references(
    out: Path,
    allowed_missing: set[str] = frozenset(),  # type: ignore[assignment]
    result: BuildResult | SharedBuild | None = None,
) -> dict[str, int]:
    """Assert every internal reference of every HTML and CSS file is relative and exists, and
    that stylesheets load nothing remote but what the build could not download (it warned)."""
    failed = " ".join(
        d.message for d in (result.diagnostics if result else []) if d.code == "remote-asset"
    )
    problems: list[tuple[str, str, str]] = []
    counts = {"html": 0, "refs": 0, "css": 0}
    for page in sorted(out.rglob("*.html")):
        rel_page = page.relative_to(out).as_posix()
        parsed = refs_of(page.read_text(encoding="utf-8"))
        counts["html"] += 1
        if "mr-root" in parsed.metas:
            assert parsed.metas.get("mr-offline") == "1", rel_page
            assert not parsed.metas["mr-root"].startswith("/"), rel_page
        for tag, _attr, url in parsed.refs:
            counts["refs"] += 1
            if not url or url.startswith("#") or EXTERNAL.match(url):
                continue
            path = unquote(urlsplit(url).path)
            if path.startswith("/"):
                problems.append((rel_page, url, "root-relative"))
                continue
            target = (page.parent / path).resolve()
            if tag == "a" and target.is_dir():
                problems.append((rel_page, url, "folder link (no index.html)"))
            elif not target.exists():
                try:
                    site_rel = target.relative_to(out.resolve()).as_posix()
                except ValueError:
                    site_rel = str(target)
                site_rel = site_rel.removesuffix("index.html").rstrip("/")
                if site_rel not in allowed_missing:
                    problems.append((rel_page, url, "missing"))
    for css in sorted(out.rglob("*.css")):
        counts["css"] += 1
        text = css.read_text(encoding="utf-8")
        for url in CSS_URL.findall(text):
            if url.startswith("data:"):
                continue
            if EXTERNAL.match(url):
                if url not in failed:
                    problems.append((css.relative_to(out).as_posix(), url, "remote url() offline"))
                continue
            target = (css.parent / unquote(url.split("?")[0].split("#")[0])).resolve()
            if url.startswith("/") or not target.exists():
                problems.append((css.relative_to(out).as_posix(), url, "bad url()"))
        for url in re.findall(r"@import\s+(?:url\()?[\"']?(https?:[^\"')\s;]+)", text):
            if url not in failed:
                problems.append((css.relative_to(out).as_posix(), url, "remote import"))
    assert not problems, problems[:20]
    return counts


def test_every_reference_is_relative_and_present(bundle: tuple[Path, BuildResult]) -> None:
    out, result = bundle
    counts = check_references(out, result=result)
    assert counts["html"] >= 10 and counts["refs"] > 200


def test_page_links_end_in_index_html(bundle: tuple[Path, BuildResult]) -> None:
    out, _ = bundle
    page = (out / "guides/deep/one/index.html").read_text(encoding="utf-8")
    assert 'href="../../../quickstart/index.html"' in page
    assert 'href="../../../index.html"' in page
    assert 'src="../../../_mintrender/mintrender.js"' in page
    assert '<meta name="mr-search-index" content="../../../_mintrender/search-index.js">' in page
    assert '<meta name="mr-root" content="../../../">' in page
    root = (out / "index.html").read_text(encoding="utf-8")
    assert '<meta name="mr-root" content="">' in root
    assert 'href="quickstart/index.html"' in root


def test_user_css_and_js(bundle: tuple[Path, BuildResult]) -> None:
    out, result = bundle
    css = (out / "styles.css").read_text(encoding="utf-8")
    assert 'url("images/bg.png")' in css
    # the tests reach no network: the web font cannot be downloaded into the bundle, so its
    # @import keeps the remote URL, with one warning (tests/test_remote_assets.py downloads)
    font = "https://fonts.googleapis.com/css2?family=Inter&display=swap"
    assert f'@import url("{font}")' in css
    warned = [d for d in result.diagnostics if d.code == "remote-asset" and font in d.message]
    assert len(warned) == 1
    page = (out / "quickstart/index.html").read_text(encoding="utf-8")
    assert '<link rel="stylesheet" href="../styles.css">' in page
    assert '<script src="../scripts/extra.js"></script>' in page


def test_theme_assets_load_nothing_remote(bundle: tuple[Path, BuildResult]) -> None:
    out, _ = bundle
    css = (out / "_mintrender" / "mintrender.css").read_text(encoding="utf-8")
    assert "@import" not in css and "@font-face" not in css
    for url in CSS_URL.findall(css):
        assert url.startswith("data:"), url


def test_offline_extras(bundle: tuple[Path, BuildResult]) -> None:
    out, _ = bundle
    redirect = (out / "chain/a/index.html").read_text(encoding="utf-8")
    assert 'url=../../quickstart/index.html"' in redirect
    llms = (out / "llms.txt").read_text(encoding="utf-8")
    assert "- [Quickstart](quickstart.md): Install and run." in llms
    assert "(guides/deep/one.md)" in llms
    md = (out / "quickstart.md").read_text(encoding="utf-8")
    assert "[the first deep page](guides/deep/one/index.html)" in md
    assert not (out / "sitemap.xml").exists()  # a file:// bundle has no public URL


def test_zip_archive(bundle: tuple[Path, BuildResult]) -> None:
    out, _ = bundle
    archive = out.with_name(out.name + ".zip")
    assert archive.is_file()
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert all(n.startswith("site/") for n in names)
        assert sorted(n[len("site/") :] for n in names if not n.endswith("/")) == files
        assert zf.read("site/index.html") == (out / "index.html").read_bytes()
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_cli_offline_zip(tmp_path: Path) -> None:
    from mintrender.cli import main

    docs = make_fixture(tmp_path / "src")
    out = tmp_path / "bundle"
    assert main(["build", str(docs), "-o", str(out), "--offline", "--zip", "-q"]) == 0
    assert (tmp_path / "bundle.zip").is_file()
    assert (out / "index.html").is_file()
    assert main(["build", str(docs), "-o", str(out), "--base-url", "docs", "-q"]) == 2


@pytest.mark.corpus
def test_modelslab_offline_references() -> None:
    if not MODELSLAB.is_dir():
        pytest.skip("ModelsLab corpus not available")
    result = offline_build(MODELSLAB)  # once per test run, shared with the other tests
    assert result.report, result.stderr[-2000:]  # no report: a fatal error, nothing was built
    out = result.out
    broken = {posixpath.normpath(h.split("#")[0]).strip("/") for h in broken_link_hrefs(result)}
    counts = check_references(out, allowed_missing=broken, result=result)
    assert counts["html"] >= len(result.pages)


def test_api_theme_files_only_on_api_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`*.api.css` / `*.api.js` theme files become `_mintrender/api.*`, linked only where used."""
    import shutil

    import mintrender.write.theme as site_module
    from mintrender.themes import theme_dir
    from mintrender.write.bundle import bundle_theme

    theme = tmp_path / "theme"
    shutil.copytree(theme_dir("mint"), theme)
    (theme / "static" / "css" / "99-extra.api.css").write_text(".mr-api-x { color: red; }\n")
    (theme / "static" / "js" / "99-extra.api.js").write_text("window.__apiJs = 1;\n")
    assert "mr-api-x" not in bundle_theme(theme / "static", "css", part="main")
    assert "mr-api-x" in bundle_theme(theme / "static", "css", part="api")
    assert "mr-api-x" in bundle_theme(theme / "static", "css")  # the whole theme by default
    monkeypatch.setattr(site_module, "theme_dir", lambda name: theme)
    docs = make_fixture(tmp_path / "src")
    out = tmp_path / "site"
    build_into(docs, out, mode="offline")
    assert "mr-api-x" in (out / "_mintrender" / "api.css").read_text()
    assert "mr-api-x" not in (out / "_mintrender" / "mintrender.css").read_text()
    api_page = (out / "api/create/index.html").read_text()
    assert 'href="../../_mintrender/api.css"' in api_page
    assert 'src="../../_mintrender/api.js"' in api_page
    home = (out / "index.html").read_text()
    assert "_mintrender/api." not in home
