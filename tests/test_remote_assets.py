"""Private by default: `--offline` bundles (and `--no-remote-assets` builds) download remote
images, stylesheets, fonts, logos and favicons into the site; OpenAPI specs given as URLs are
fetched through the same cache. A loopback server stands in for the remote hosts."""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from loopback import Files, serve_files
from sitekit import build_site, minimal_config, write_site

from mintrender.model import BuildResult, Safety


def png(width: int = 4, height: int = 3) -> bytes:
    """A valid PNG the browser can draw."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


SPLIT_SPEC = """openapi: 3.0.0
info: {title: Split, version: "1"}
paths:
  /owners:
    get:
      summary: List owners
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "schemas/owner.yaml#/Owner"}
"""
OWNER = """Owner:
  type: object
  properties:
    nickname: {type: string, description: The owner's nickname}
"""
SPEC = """openapi: 3.0.0
info: {title: Pets, version: "1"}
servers: [{url: "https://api.example.com"}]
paths:
  /pets:
    get:
      summary: List pets
      responses: {"200": {description: ok}}
"""
FILES = {
    "/img/hero.png": ("image/png", png()),
    "/img/bg.png": ("image/png", png(2, 2)),
    "/logo.png": ("image/png", png(8, 2)),
    "/favicon.png": ("image/png", png(1, 1)),
    "/fonts.css": (
        "text/css",
        b'@font-face{font-family:"Inter";src:url(/f/inter.woff2) format("woff2")}',
    ),
    "/f/inter.woff2": ("font/woff2", b"wOF2-not-really-a-font"),
    "/specs/openapi.yaml": ("application/yaml", SPEC.encode()),
    "/specs/split.yaml": ("application/yaml", SPLIT_SPEC.encode()),
    "/specs/schemas/owner.yaml": ("application/yaml", OWNER.encode()),
}


@pytest.fixture
def remote() -> Iterator[Files]:
    with serve_files(dict(FILES)) as files:
        yield files


def remote_site(root: Path, base: str) -> Path:
    return write_site(
        root,
        {
            "index.mdx": (
                f"---\ntitle: Home\n---\n\n![hero]({base}/img/hero.png)\n\n"
                f'<img src="{base}/img/missing.png" alt="gone" />\n\n'
                f"[a link, not an asset]({base}/img/page)\n\n"
                f'<div style={{{{backgroundImage: "url({base}/img/bg.png)"}}}}>styled</div>\n'
            ),
            "second.mdx": f'---\ntitle: Second\n---\n\n<img src="{base}/img/missing.png" />\n',
            "pets.mdx": '---\ntitle: Pets\nopenapi: "GET /pets"\n---\n',
            "styles.css": (
                f'@import url("{base}/fonts.css");\n'
                f"body {{ font-family: Inter; }} .hero {{ background: url({base}/img/bg.png); }}\n"
            ),
        },
        minimal_config(
            ["index", "second", "pets"],
            logo={"light": f"{base}/logo.png", "dark": f"{base}/logo.png"},
            favicon=f"{base}/favicon.png",
            api={"openapi": f"{base}/specs/openapi.yaml"},
        ),
    )


def site_text(out: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.suffix in (".html", ".css")
    )


def codes(result: BuildResult, code: str) -> list[str]:
    return [d.message for d in result.diagnostics if d.code == code]


def test_offline_bundle_holds_its_remote_assets(tmp_path: Path, remote: Files) -> None:
    docs = remote_site(tmp_path / "docs", remote.base)
    cache = tmp_path / "cache"
    out = tmp_path / "site"
    result = build_site(docs, out, mode="offline", cache_dir=cache)
    text = site_text(out)
    # every remote asset but the missing one is local; links to pages stay remote
    assert remote.base + "/img/hero.png" not in text
    assert remote.base + "/logo.png" not in text
    assert remote.base + "/favicon.png" not in text
    assert remote.base + "/fonts.css" not in text
    assert remote.base + "/img/bg.png" not in text
    assert remote.base + "/img/page" in text
    assert remote.base + "/img/missing.png" in text
    local = sorted(p.name for p in (out / "_mintrender" / "remote").iterdir())
    assert any(n.endswith("-hero.png") for n in local)
    assert any(n.endswith("-inter.woff2") for n in local)  # found through the font stylesheet
    fonts_css = next(p for p in (out / "_mintrender" / "remote").iterdir() if p.suffix == ".css")
    assert "-inter.woff2" in fonts_css.read_text(encoding="utf-8")
    styles = (out / "styles.css").read_text(encoding="utf-8")
    assert '@import url("_mintrender/remote/' in styles
    # one warning per asset, however many pages use it
    missing = codes(result, "remote-asset")
    assert len(missing) == 1 and "missing.png" in missing[0]
    # the remote spec: fetched once, its page rendered with the operation
    assert codes(result, "openapi-remote") == []
    pets = (out / "pets" / "index.html").read_text(encoding="utf-8")
    assert "/pets" in pets and 'data-component="api-endpoint"' in pets
    assert remote.requests.count("/specs/openapi.yaml") == 1

    # without network, the cache gives the same site, byte for byte
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    remote.files.clear()
    asked = len(remote.requests)
    again = build_site(docs, out, mode="offline", cache_dir=cache)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert codes(again, "openapi-remote") == []
    assert remote.requests[asked:] == ["/img/missing.png"]  # only what the cache lacks


def test_no_cache_no_network_keeps_remote_urls_with_one_warning_each(tmp_path: Path) -> None:
    with serve_files({}) as gone:
        base = gone.base
    docs = remote_site(tmp_path / "docs", base)  # the server is stopped: nothing answers
    config = json.loads((docs / "docs.json").read_text(encoding="utf-8"))
    config["navigation"]["openapi"] = config["api"]["openapi"]  # the spec named twice: one warning
    (docs / "docs.json").write_text(json.dumps(config), encoding="utf-8")
    out = tmp_path / "site"
    result = build_site(docs, out, mode="offline", cache_dir=tmp_path / "cache")
    warned = codes(result, "remote-asset")
    assert len(warned) == len(set(warned)) >= 5
    assert base + "/img/hero.png" in site_text(out)
    spec = codes(result, "openapi-remote")
    assert len(spec) == 1 and "not in the download cache" in spec[0]


def test_hosted_build_with_no_remote_assets(tmp_path: Path, remote: Files) -> None:
    docs = remote_site(tmp_path / "docs", remote.base)
    out = tmp_path / "site"
    build_site(docs, out, local_assets=True, cache_dir=tmp_path / "cache")
    page = (out / "index.html").read_text(encoding="utf-8")
    assert remote.base + "/img/hero.png" not in page
    assert 'src="/_mintrender/remote/' in page
    plain = build_site(docs, tmp_path / "plain", cache_dir=tmp_path / "cache")
    assert remote.base + "/img/hero.png" in (tmp_path / "plain" / "index.html").read_text()
    assert codes(plain, "remote-asset") == []


def test_safe_builds_fetch_no_spec_unless_allowed(tmp_path: Path, remote: Files) -> None:
    docs = remote_site(tmp_path / "docs", remote.base)
    result = build_site(docs, tmp_path / "site", safe=Safety(), cache_dir=tmp_path / "cache")
    assert "/specs/openapi.yaml" not in remote.requests
    warned = codes(result, "openapi-remote")
    assert len(warned) == 1 and "--allow-remote-specs" in warned[0]
    allowed = build_site(
        docs,
        tmp_path / "site2",
        safe=Safety(remote_specs=True),
        cache_dir=tmp_path / "cache",
    )
    assert codes(allowed, "openapi-remote") == []
    assert (
        'data-component="api-endpoint"' in (tmp_path / "site2" / "pets" / "index.html").read_text()
    )


def test_page_frontmatter_may_name_a_remote_spec(tmp_path: Path, remote: Files) -> None:
    docs = write_site(
        tmp_path / "docs",
        {
            "pets.mdx": f'---\ntitle: Pets\nopenapi: "{remote.base}/specs/openapi.yaml GET /pets"\n---\n'
        },
        minimal_config(["pets"]),
    )
    result = build_site(docs, tmp_path / "site", cache_dir=tmp_path / "cache")
    assert codes(result, "openapi-remote") == [] and codes(result, "openapi-unresolved") == []
    assert (
        'data-component="api-endpoint"' in (tmp_path / "site" / "pets" / "index.html").read_text()
    )


@pytest.mark.browser
def test_offline_bundle_makes_no_request_outside_file(
    tmp_path: Path, remote: Files, browser: object
) -> None:
    docs = remote_site(tmp_path / "docs", remote.base)
    remote.files["/img/missing.png"] = ("image/png", png())  # every asset can be had
    out = tmp_path / "site"
    build_site(docs, out, mode="offline", cache_dir=tmp_path / "cache")
    asked = len(remote.requests)
    page = browser.new_page()  # type: ignore[attr-defined]
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    page.goto((out / "index.html").as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    outside = [u for u in seen if not u.startswith(("file:", "data:", "about:"))]
    assert outside == []
    assert remote.requests[asked:] == []
    widths = page.evaluate(
        "Array.from(document.querySelectorAll('.mdx-content img, .mr-logo img'))"
        ".map(i => [i.getAttribute('src'), i.complete && i.naturalWidth])"
    )
    assert widths and all(w for _, w in widths), widths
    page.close()


def test_failed_font_import_keeps_its_url(tmp_path: Path) -> None:
    with serve_files({}) as gone:
        base = gone.base
    docs = remote_site(tmp_path / "docs", base)
    build_site(docs, tmp_path / "site", mode="offline", cache_dir=tmp_path / "cache")
    styles = (tmp_path / "site" / "styles.css").read_text(encoding="utf-8")
    assert f'@import url("{base}/fonts.css")' in styles


def test_relative_refs_of_a_remote_spec_are_fetched_too(tmp_path: Path, remote: Files) -> None:
    docs = write_site(
        tmp_path / "docs",
        {"owners.mdx": '---\ntitle: Owners\nopenapi: "GET /owners"\n---\n'},
        minimal_config(["owners"], api={"openapi": f"{remote.base}/specs/split.yaml"}),
    )
    result = build_site(docs, tmp_path / "site", cache_dir=tmp_path / "cache")
    assert codes(result, "openapi-remote-ref") == [] and codes(result, "openapi-ref") == []
    page = (tmp_path / "site" / "owners" / "index.html").read_text(encoding="utf-8")
    assert 'data-field="nickname"' in page and "The owner" in page
    assert "/specs/schemas/owner.yaml" in remote.requests


def test_a_navigation_group_naming_a_spec_url_builds_with_the_build_cache(
    tmp_path: Path, remote: Files
) -> None:
    """A group's `"openapi": "https://…/openapi.yaml"` with the build cache on: the cache's key
    read the URL as a file of the docs folder, a false `openapi-read` error (exit 1) on every
    build; the same build without the cache was clean."""
    config = minimal_config(["index"])
    config["navigation"]["groups"].append(
        {"group": "API", "openapi": f"{remote.base}/specs/openapi.yaml", "pages": ["GET /pets"]}
    )
    docs = write_site(tmp_path / "docs", {"index.mdx": "---\ntitle: Home\n---\n\nHi.\n"}, config)
    for _ in range(2):  # cold, then warm
        result = build_site(docs, tmp_path / "site", cache_dir=tmp_path / "cache")
        assert [d.code for d in result.diagnostics if d.severity == "error"] == []
    assert result.cache.get("pages_reused") == 2, result.cache


def test_no_cache_fetches_remote_specs_again_and_keeps_the_last_copy(
    tmp_path: Path, remote: Files
) -> None:
    """`--no-cache` asks for a spec given as a URL again, so an upstream change shows (the
    download cache answered for ever: the only way was deleting it); when the host is gone,
    the last copy still builds the site. A build with the cache answers from it."""
    docs = write_site(
        tmp_path / "docs",
        {"pets.mdx": '---\ntitle: Pets\nopenapi: "GET /pets"\n---\n'},
        minimal_config(["pets"], api={"openapi": f"{remote.base}/specs/openapi.yaml"}),
    )
    cache, out = tmp_path / "cache", tmp_path / "site"

    def summary() -> str:
        return (out / "pets" / "index.html").read_text(encoding="utf-8")

    build_site(docs, out, cache_dir=cache)
    assert "api.example.com" in summary()
    renamed = SPEC.replace("api.example.com", "api2.example.com")
    remote.files["/specs/openapi.yaml"] = ("application/yaml", renamed.encode())
    build_site(docs, out, cache_dir=cache)
    assert "api2.example.com" not in summary()  # the cache answers
    build_site(docs, out, cache_dir=cache, cache=False)
    assert "api2.example.com" in summary()
    remote.files.clear()  # the host is gone: the last copy
    result = build_site(docs, out, cache_dir=cache, cache=False)
    assert "api2.example.com" in summary() and codes(result, "openapi-remote") == []
