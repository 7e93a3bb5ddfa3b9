"""Self-hosted mirror builds (`--base-url`): head tags, sitemap, robots, llms.txt, Markdown
copies, redirect pages, 404.html, and a crawl over a plain static server under `/docs/`."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from sitekit import API_HEAD
from test_offline_common import (
    CHROMIUM,
    CHROMIUM_ARGS,
    EXTERNAL,
    MODELSLAB,
    broken_link_hrefs,
    build_into,
    make_fixture,
    refs_of,
    static_server,
)

from mintrender.model import BuildResult

BASE = "https://example.com/docs/"


@pytest.fixture(scope="module")
def mirror(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    root = tmp_path_factory.mktemp("mirror")
    docs = make_fixture(root / "src")
    out = root / "www" / "docs"
    return out, build_into(docs, out, base_url=BASE)


def _read(out: Path, rel: str) -> str:
    return (out / rel).read_text(encoding="utf-8")


# --- head -------------------------------------------------------------------------------------


def test_head_tags_follow_precedence(mirror: tuple[Path, BuildResult]) -> None:
    out, _ = mirror
    one = refs_of(_read(out, "guides/deep/one/index.html")).metas
    page = _read(out, "guides/deep/one/index.html")
    assert '<link rel="canonical" href="https://example.com/docs/guides/deep/one/">' in page
    assert "<title>Deep one - Fixture Docs</title>" in page
    assert one["description"] == "The first deep page."
    assert one["og:url"] == "https://example.com/docs/guides/deep/one/"
    assert one["og:title"] == "Social title of deep one"  # frontmatter beats the default
    assert one["twitter:title"] == "Social title of deep one"  # falls back to og:title
    assert one["og:image"] == "https://example.com/docs/images/og.png"  # docs.json, absolute
    assert one["twitter:image"] == one["og:image"]
    assert one["twitter:card"] == "summary_large_image"
    assert one["twitter:site"] == "@fixture"
    assert one["google-site-verification"] == "abc123"
    assert one["og:site_name"] == "Fixture Docs"
    assert "robots" not in one
    # a frontmatter canonical wins
    two = _read(out, "guides/deep/two/index.html")
    assert '<link rel="canonical" href="https://canonical.example.net/two">' in two
    # keywords
    assert refs_of(_read(out, "quickstart/index.html")).metas["keywords"] == "setup, install"


def test_noindex_pages_are_marked(mirror: tuple[Path, BuildResult]) -> None:
    out, _ = mirror
    for rel in ("api/noindexed/index.html", "guides/hidden-fm/index.html", "404.html"):
        text = _read(out, rel)
        assert text.count('<meta name="robots" content="noindex">') == 1, rel
    assert 'name="robots"' not in _read(out, "quickstart/index.html")


def test_every_url_is_under_the_base(mirror: tuple[Path, BuildResult]) -> None:
    out, _ = mirror
    for page in out.rglob("*.html"):
        for tag, attr, url in refs_of(page.read_text(encoding="utf-8")).refs:
            if EXTERNAL.match(url) or url.startswith("#"):
                continue
            assert url.startswith("/docs/"), (page, tag, attr, url)
    favicon = refs_of(_read(out, "index.html"))
    assert ("link", "href", "/docs/favicon.svg") in favicon.refs


# --- sitemap, robots, 404 ------------------------------------------------------------------------


def test_sitemap_lists_indexable_pages_only(mirror: tuple[Path, BuildResult]) -> None:
    out, _ = mirror
    locs = re.findall(r"<loc>([^<]+)</loc>", _read(out, "sitemap.xml"))
    assert locs == sorted(
        [
            "https://example.com/docs/",
            "https://example.com/docs/api/create/",
            "https://example.com/docs/guides/deep/one/",
            "https://example.com/docs/guides/deep/two/",
            "https://example.com/docs/quickstart/",
        ]
    )
    robots = _read(out, "robots.txt")
    assert "Sitemap: https://example.com/docs/sitemap.xml" in robots


def test_404_works_at_any_depth(mirror: tuple[Path, BuildResult]) -> None:
    out, _ = mirror
    text = _read(out, "404.html")
    assert "../" not in re.sub(r"<script>.*?</script>", "", text, flags=re.S)
    assert 'href="/docs/_mintrender/mintrender.css"' in text
    assert '"base":"/docs/"' in text


# --- redirects ----------------------------------------------------------------------------------


def test_concrete_redirects_are_pages(mirror: tuple[Path, BuildResult]) -> None:
    out, result = mirror
    page = _read(out, "old-quickstart/index.html")
    assert '<meta http-equiv="refresh" content="0; url=/docs/quickstart/">' in page
    assert '<link rel="canonical" href="https://example.com/docs/quickstart/">' in page
    assert "location.hash" in page
    # chains are followed at build time
    assert "url=/docs/quickstart/" in _read(out, "chain/a/index.html")
    # a destination with an anchor keeps it, and the script does not add the request's hash
    anchored = _read(out, "with-anchor/index.html")
    assert "url=/docs/quickstart/#install" in anchored
    assert "location.hash" not in anchored
    # loops are reported, not written
    assert not (out / "loop" / "a").exists()
    codes = [d.code for d in result.diagnostics]
    assert codes.count("redirect-loop") == 2


# --- llms.txt and Markdown -------------------------------------------------------------------------


def test_llms_txt(mirror: tuple[Path, BuildResult]) -> None:
    out, _ = mirror
    text = _read(out, "llms.txt")
    assert text.startswith("# Fixture Docs\n\n> A small site for the offline and mirror tests.\n")
    assert "## Guides / Start" in text and "## API / Endpoints" in text
    assert "- [Quickstart](https://example.com/docs/quickstart.md): Install and run." in text
    assert "- [Welcome](https://example.com/docs/index.md)" in text
    for absent in ("Secret page", "Not indexed", "Hidden by frontmatter", "Unlisted page"):
        assert absent not in text
    assert "## Optional\n\n- [Community](https://example.org/community)" in text
    full = _read(out, "llms-full.txt")
    assert "# Quickstart\nSource: https://example.com/docs/quickstart/\n" in full
    assert "Secret page" not in full


def test_markdown_copies(mirror: tuple[Path, BuildResult]) -> None:
    out, _ = mirror
    for rel in ("index.md", "quickstart.md", "guides/deep/one.md", "unlisted.md", "api/create.md"):
        assert (out / rel).is_file(), rel
    quick = _read(out, "quickstart.md")
    assert quick.startswith("# Quickstart\n\n> Install and run.\n")
    assert "> **Note**" in quick
    assert "big green button" not in quick and "`POST /v1/install`" in quick
    assert "[the first deep page](https://example.com/docs/guides/deep/one/)" in quick
    api = _read(out, "api/create.md")
    assert "**Endpoint:** `POST https://api.example.com/v1/create`" in api
    assert "- `name` (string, required, body): The thing's name." in api
    index = _read(out, "index.md")
    assert "- [Quickstart](https://example.com/docs/quickstart/): Set it up in a minute." in index


def test_user_css_urls_follow_the_base(mirror: tuple[Path, BuildResult]) -> None:
    out, _ = mirror
    css = _read(out, "styles.css")
    assert 'url("/docs/images/bg.png")' in css
    assert "fonts.googleapis.com" in css  # hosted builds keep remote imports


# --- a real static server ---------------------------------------------------------------------------


def crawl(start: str, base_path: str) -> tuple[dict[str, int], dict[str, set[str]], int]:
    """Visit every internal page and reference from `start`; url -> status, url -> referrers."""
    status: dict[str, int] = {}
    referrers: dict[str, set[str]] = {}
    queue = [start]
    pages = 0
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(start))
    while queue:
        url = queue.pop()
        if url in status:
            continue
        try:
            with urllib.request.urlopen(url, timeout=10) as resp:
                code, ctype, data = resp.status, resp.headers.get("Content-Type", ""), resp.read()
        except urllib.error.HTTPError as exc:
            code, ctype, data = exc.code, "", b""
        status[url] = code
        if code != 200 or "html" not in ctype:
            continue
        pages += 1
        for _tag, _attr, ref in refs_of(data.decode("utf-8", "replace")).refs:
            full = urljoin(url, ref).split("#", 1)[0]
            if not full.startswith(origin):
                continue
            assert urlsplit(full).path.startswith(base_path), (url, ref)
            referrers.setdefault(full, set()).add(url)
            if full not in status:
                queue.append(full)
    return status, referrers, pages


def test_served_under_docs_every_link_resolves(tmp_path: Path) -> None:
    docs = make_fixture(tmp_path / "src")
    www = tmp_path / "www"
    build_into(docs, www / "docs", base_url="/docs/")
    with static_server(www) as origin:
        status, _refs, pages = crawl(origin + "/docs/", "/docs/")
        bad = {u: c for u, c in status.items() if c != 200}
        assert not bad
        assert pages >= 7  # every page reachable from the navigation or a link
        # original Mintlify URLs, with and without the trailing slash, and the Markdown copies
        for path in ("/docs/quickstart", "/docs/guides/deep/one", "/docs/api/create"):
            with urllib.request.urlopen(origin + path, timeout=10) as resp:
                assert resp.status == 200 and resp.url.endswith(path + "/")
        for path in ("/docs/quickstart.md", "/docs/index.md", "/docs/llms.txt", "/docs/404.html"):
            with urllib.request.urlopen(origin + path, timeout=10) as resp:
                assert resp.status == 200


@pytest.mark.browser
def test_served_redirects_land_on_their_targets(tmp_path: Path) -> None:
    if not CHROMIUM:
        pytest.skip("chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    docs = make_fixture(tmp_path / "src")
    www = tmp_path / "www"
    build_into(docs, www / "docs", base_url="/docs/")
    cases = {
        "/docs/old-quickstart": "/docs/quickstart/",
        "/docs/old-quickstart/#frag": "/docs/quickstart/#frag",
        "/docs/chain/a": "/docs/quickstart/",
        "/docs/with-anchor": "/docs/quickstart/#install",
        # wildcard rules run in 404.html
        "/docs/moved/one": "/docs/guides/deep/one/",
        "/docs/moved/two#usage": "/docs/guides/deep/two/#usage",
        "/docs/v1/create": "/docs/api/create/",
        "/docs/articles/concepts-two": "/docs/guides/deep/two/",
    }
    with (
        static_server(www, not_found_page=www / "docs" / "404.html") as origin,
        sync_api.sync_playwright() as p,
    ):
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            for source, target in cases.items():
                page.goto(origin + source)
                page.wait_for_url(origin + target, timeout=5000)
                assert page.locator("#page-title").count() == 1, source
            # an unknown URL stays on the 404 page
            page.goto(origin + "/docs/no/such/page/")
            page.wait_for_timeout(300)
            assert page.url == origin + "/docs/no/such/page/"
            assert "Page not found" in page.title()
        finally:
            browser.close()


@pytest.mark.corpus
def test_modelslab_mirror_crawl(tmp_path: Path) -> None:
    """ModelsLab under /docs/ on `python -m http.server`: every page, link and asset is 200,
    except links the build itself reports as broken (author content)."""
    if not MODELSLAB.is_dir():
        pytest.skip("ModelsLab corpus not available")
    www = tmp_path / "www"
    result = build_into(MODELSLAB, www / "docs", base_url="/docs/")
    broken = broken_link_hrefs(result)
    with static_server(www) as origin:
        status, referrers, pages = crawl(origin + "/docs/", "/docs/")
        # every page's original Mintlify URL (no trailing slash) still resolves
        missing = []
        for record in result.pages:
            url = origin + "/docs" + (record.site_path if record.site_path != "/" else "/")
            try:
                with urllib.request.urlopen(url, timeout=10) as resp:
                    if resp.status != 200:
                        missing.append(url)
            except urllib.error.HTTPError:
                missing.append(url)
        assert not missing
    assert pages >= len(result.pages) * 0.9
    broken_paths = {h.split("#", 1)[0].rstrip("/") for h in broken}
    unexpected = {}
    for url, code in status.items():
        if code == 200:
            continue
        path = urlsplit(url).path[len("/docs") :].rstrip("/")
        if path in broken_paths:
            continue
        unexpected[url] = (code, sorted(referrers.get(url, ()))[:2])
    assert not unexpected
    print(f"crawled {len(status)} URLs, {pages} HTML pages; {len(broken)} broken author links")


def test_redirect_shadowed_by_page_and_404_redirect_home(tmp_path: Path) -> None:
    import json

    docs = make_fixture(tmp_path / "src")
    config = json.loads((docs / "docs.json").read_text())
    config["redirects"].append({"source": "/quickstart", "destination": "/api/create"})
    config["errors"] = {"404": {"redirect": True}}
    (docs / "docs.json").write_text(json.dumps(config))
    out = tmp_path / "www" / "docs"
    result = build_into(docs, out, base_url="/docs/")
    assert "shadowed" in " ".join(d.code for d in result.diagnostics)
    assert "Install" in (out / "quickstart" / "index.html").read_text()  # the page is kept
    assert 'location.replace("/docs/");' in (out / "404.html").read_text()


def test_a_redirect_an_earlier_wildcard_matches_first_is_reported(tmp_path: Path) -> None:
    """Polar's `/developers/:path*` comes before `/developers/webhooks`: `_redirects` and
    nginx take the first match, but the static page followed the later rule, so the site
    behaved differently on each host. The page follows the wildcard, and a warning says why."""
    from sitekit import build_site, minimal_config

    docs = tmp_path / "docs"
    docs.mkdir()
    config = minimal_config(["index", "auth", "hooks"])
    config["redirects"] = [
        {"source": "/developers/:path*", "destination": "/auth"},
        {"source": "/developers/webhooks", "destination": "/hooks"},
    ]
    (docs / "docs.json").write_text(json.dumps(config), encoding="utf-8")
    for name in ("index", "auth", "hooks"):
        (docs / f"{name}.mdx").write_text(f"---\ntitle: {name}\n---\n\nText.\n", "utf-8")
    result = build_site(docs, tmp_path / "out", cache=False)
    page = (tmp_path / "out" / "developers" / "webhooks" / "index.html").read_text("utf-8")
    assert 'url=/auth/"' in page
    [found] = [d for d in result.diagnostics if d.code == "redirect-unreachable"]
    assert found.file == "docs.json" and "'/developers/:path*'" in found.message
    # wildcards that send each other back and forth (Mintlify's "Avoid infinite redirects")
    config["redirects"] = [
        {"source": "/docs/:slug*", "destination": "/help/:slug*"},
        {"source": "/help/:slug*", "destination": "/docs/:slug*"},
        {"source": "/old/:slug*", "destination": "/auth"},
    ]
    (docs / "docs.json").write_text(json.dumps(config), encoding="utf-8")
    result = build_site(docs, tmp_path / "out2", cache=False)
    loops = [d.message for d in result.diagnostics if d.code == "redirect-loop"]
    assert len(loops) == 2 and all(":slug*" in m for m in loops)


def test_an_api_pages_markdown_copy_holds_its_operation(tmp_path: Path) -> None:
    """openapi.md §10: the `.md` of an API page includes its operation unless
    `markdown.schema` is false. As Mintlify's (Exa's served copy): the page's own content, then
    `## OpenAPI` and a YAML block of the operation's own document, every `$ref` replaced by
    what it names. It had been a list of fields read back from the HTML, before the content."""
    import yaml
    from sitekit import build_site, minimal_config

    spec = {
        **API_HEAD,
        "paths": {
            "/forms": {
                "parameters": [{"name": "X-Team", "in": "header", "schema": {"type": "string"}}],
                "post": {
                    "summary": "Create form",
                    "parameters": [{"name": "page", "in": "query", "schema": {"type": "integer"}}],
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Form"}}
                        }
                    },
                    "responses": {"201": {"description": "Created"}},
                    "x-codeSamples": [{"lang": "bash", "source": "curl \\\n  -X POST /forms\n"}],
                },
                "get": {"summary": "List forms", "responses": {"200": {"description": "ok"}}},
            }
        },
        "components": {
            "schemas": {
                "Form": {
                    "type": "object",
                    "required": ["title"],
                    "properties": {"title": {"type": "string", "description": "The title"}},
                }
            },
            "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}},
        },
    }
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "openapi.json").write_text(json.dumps(spec), encoding="utf-8")
    (docs / "op.mdx").write_text("---\nopenapi: post /forms\n---\n\nIntro.\n", "utf-8")
    config = minimal_config(["op"])
    (docs / "docs.json").write_text(json.dumps(config), encoding="utf-8")
    build_site(docs, tmp_path / "out", cache=False)
    copy = (tmp_path / "out" / "op.md").read_text("utf-8")
    assert "**Endpoint:** `POST /forms`" in copy
    assert copy.index("Intro.") < copy.index("\n## OpenAPI\n\n```yaml openapi.json POST /forms\n")
    block = copy.split("```yaml openapi.json POST /forms\n", 1)[1]
    assert block.endswith("```\n")
    doc = yaml.safe_load(block.removesuffix("```\n"))
    assert doc["openapi"] == "3.1.0" and doc["servers"] == API_HEAD["servers"]
    assert list(doc["paths"]) == ["/forms"] and list(doc["paths"]["/forms"]) == [
        "parameters",
        "post",
    ]
    operation = doc["paths"]["/forms"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body == spec["components"]["schemas"]["Form"]  # the $ref, replaced
    assert operation["x-codeSamples"][0]["source"] == "curl \\\n  -X POST /forms\n"
    assert "source: |" in block  # a sample reads as it is written
    assert doc["components"] == {"securitySchemes": spec["components"]["securitySchemes"]}
    config["markdown"] = {"schema": False}
    (docs / "docs.json").write_text(json.dumps(config), encoding="utf-8")
    build_site(docs, tmp_path / "out2", cache=False)
    copy = (tmp_path / "out2" / "op.md").read_text("utf-8")
    assert "**Endpoint:** `POST /forms`" in copy and "## OpenAPI" not in copy  # as generated


def test_an_api_copy_holds_the_schemas_its_kept_refs_name(tmp_path: Path) -> None:
    """A recursive schema keeps a `$ref` (inlining it would never end): the block had that
    `$ref: '#/components/schemas/Node'` and no `components.schemas`, an invalid document.
    Every schema a kept `$ref` names is there now, and the ones those name in turn."""
    import yaml
    from sitekit import build_site, minimal_config

    def ref(name: str) -> dict[str, str]:
        return {"$ref": f"#/components/schemas/{name}"}

    schemas = {
        "Node": {
            "type": "object",
            "properties": {"children": {"type": "array", "items": ref("Node")}, "tag": ref("Tag")},
        },
        "Tag": {"type": "object", "properties": {"parent": ref("Group")}},
        "Group": {"type": "object", "properties": {"tags": {"type": "array", "items": ref("Tag")}}},
        "Unused": {"type": "string"},
    }
    ok = {"description": "ok", "content": {"application/json": {"schema": ref("Node")}}}
    spec = {
        **API_HEAD,
        "paths": {"/nodes": {"get": {"summary": "Tree", "responses": {"200": ok}}}},
        "components": {"schemas": schemas},
    }
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "openapi.json").write_text(json.dumps(spec), encoding="utf-8")
    (docs / "op.mdx").write_text("---\nopenapi: get /nodes\n---\n", "utf-8")
    (docs / "docs.json").write_text(json.dumps(minimal_config(["op"])), encoding="utf-8")
    build_site(docs, tmp_path / "out", cache=False)
    copy = (tmp_path / "out" / "op.md").read_text("utf-8")
    block = copy.split("```yaml openapi.json GET /nodes\n", 1)[1].removesuffix("```\n")
    doc = yaml.safe_load(block)

    def refs(node: object) -> set[str]:
        if isinstance(node, list):
            return set().union(*map(refs, node))
        if not isinstance(node, dict):
            return set()
        own = {node["$ref"]} if "$ref" in node else set()
        return own.union(*map(refs, node.values()))

    kept = refs(doc)
    assert kept and all(r.startswith("#/components/schemas/") for r in kept)
    held = doc["components"]["schemas"]
    assert {r.rsplit("/", 1)[1] for r in kept} <= set(held)  # every $ref names what is there
    assert "Unused" not in held
    assert held["Node"]["properties"]["children"]["items"] == ref("Node")


def test_llms_full_joins_the_instructions_and_each_page_once(tmp_path: Path) -> None:
    """llms-full.txt: the agent instructions, then every listed page's copy with its Source line,
    a `\\n` between parts (written part by part: the same bytes as one join)."""
    from sitekit import build_site, minimal_config

    docs = tmp_path / "docs"
    docs.mkdir()
    config = minimal_config(["index", "two"], markdown={"instructions": "Be brief."})
    (docs / "docs.json").write_text(json.dumps(config), encoding="utf-8")
    (docs / "index.mdx").write_text("---\ntitle: One\n---\n\nFirst.\n", encoding="utf-8")
    (docs / "two.mdx").write_text("---\ntitle: Two\n---\n\nSecond.\n", encoding="utf-8")
    build_site(docs, tmp_path / "out", cache=False)
    full = (tmp_path / "out" / "llms-full.txt").read_text("utf-8")
    one = (tmp_path / "out" / "index.md").read_text("utf-8")
    two = (tmp_path / "out" / "two.md").read_text("utf-8")
    want = (
        "> ## Agent Instructions\n> Be brief.\n\n"
        + one.replace("# One\n", "# One\nSource: /\n", 1)
        + "\n"
        + two.replace("# Two\n", "# Two\nSource: /two/\n", 1)
    )
    assert full == want


def test_an_api_copys_alternatives_keep_their_facts_under_their_field(tmp_path: Path) -> None:
    """Klavis' `anyOf` fields: each option's type, allowed values and range are in the `.md`,
    under their field, as the spec writes them (its OpenAPI block), and a `$ref` to nothing
    stays as written without a second warning."""
    import yaml
    from sitekit import build_site, minimal_config

    mode = {"description": "Mode", "anyOf": [{"type": "string", "enum": ["fast", "slow"]}]}
    mode["anyOf"].append({"type": "integer", "minimum": 1})
    circle = {"title": "Circle", "type": "object", "properties": {"r": {"type": "number"}}}
    square = {"title": "Square", "type": "object", "properties": {"side": {"type": "number"}}}
    props = {"mode": mode, "shape": {"oneOf": [circle, square]}, "after": {"type": "string"}}
    props["gone"] = {"$ref": "#/components/schemas/Nope"}
    body = {"content": {"application/json": {"schema": {"type": "object", "properties": props}}}}
    spec = {
        **API_HEAD,
        "paths": {
            "/x": {"post": {"requestBody": body, "responses": {"200": {"description": "ok"}}}}
        },
    }
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "openapi.json").write_text(json.dumps(spec), encoding="utf-8")
    (docs / "op.mdx").write_text("---\nopenapi: post /x\n---\n", "utf-8")
    (docs / "docs.json").write_text(json.dumps(minimal_config(["op"])), encoding="utf-8")
    result = build_site(docs, tmp_path / "out", cache=False)
    copy = (tmp_path / "out" / "op.md").read_text("utf-8")
    block = copy.split("```yaml openapi.json POST /x\n", 1)[1].removesuffix("```\n")
    operation = yaml.safe_load(block)["paths"]["/x"]["post"]
    assert operation["requestBody"]["content"]["application/json"]["schema"]["properties"] == props
    refs = [d for d in result.diagnostics if "Nope" in d.message]
    assert len(refs) == 1  # the loader's, not one more from the copy


def test_llms_txt_optional_links_are_the_default_languages(tmp_path: Path) -> None:
    """ai/llmstxt.mdx: llms.txt lists the default language and version. Its `## Optional`
    links came from every language (Flatkey's zh navbar button beside the en pages)."""
    from sitekit import build_site, write_site

    def tabs(folder: str, blog: str) -> list[dict[str, object]]:
        return [{"tab": "Docs", "groups": [{"group": "G", "pages": [f"{folder}index"]}]}, blog]

    languages = [
        {"language": "en", "tabs": tabs("", {"tab": "Blog", "href": "https://example.com/blog"})},
        {
            "language": "fr",
            "tabs": tabs("fr/", {"tab": "Blogue", "href": "https://example.com/fr/blogue"}),
        },
    ]
    config = {"name": "T", "theme": "mint", "colors": {"primary": "#112233"}}
    config["navigation"] = {"languages": languages}
    docs = write_site(tmp_path / "docs", {"index.mdx": "Hi.\n", "fr/index.mdx": "Salut.\n"}, config)
    build_site(docs, tmp_path / "out")
    text = (tmp_path / "out" / "llms.txt").read_text(encoding="utf-8")
    assert "- [Blog](https://example.com/blog)" in text and "Blogue" not in text


def test_each_page_links_its_markdown_copy(mirror: tuple[Path, BuildResult]) -> None:
    """Mintlify's changelog: "every page exposes an HTML `<link rel="alternate">` pointing to
    its markdown version"; ours had only the feed's."""
    out, _ = mirror
    page = _read(out, "quickstart/index.html")
    assert (
        '<link rel="alternate" type="text/markdown" href="https://example.com/docs/quickstart.md">'
        in page
    )
    assert (out / "quickstart.md").is_file()
