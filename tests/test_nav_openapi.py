"""Navigation-level `openapi`: one generated page per operation, grouped by tag."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from sitekit import API_HEAD, build_site, built_page, minimal_config, write_site

SITE = Path(__file__).parent / "sites" / "nav-openapi"


def test_spec_on_a_tab_generates_a_page_per_operation(tmp_path: Path) -> None:
    result = build_site(SITE, tmp_path / "out")
    out = tmp_path / "out"
    api_pages = sorted(p.site_path for p in result.pages if p.kind == "api")
    assert api_pages == [
        "/reference/owners/get-an-owner",
        "/reference/owners/internal-thing",
        "/reference/pets/create-a-pet",
        "/reference/pets/list-pets",
        "/reference/pets/pet-adopted",
    ]
    assert result.openapi_operations == 5
    assert not [d for d in result.diagnostics if d.severity == "error"]
    page = (out / "reference" / "pets" / "list-pets" / "index.html").read_text()
    assert "https://pets.example.com/v1" in page and 'id="param-limit"' in page
    sidebar = page[page.find('id="sidebar"') : page.find('id="content-area"')]
    assert ">Pets<" in sidebar and ">owners<" in sidebar  # x-group label, else the tag name
    assert "/reference/pets/create-a-pet/" in sidebar
    assert "internal-thing" not in sidebar  # x-hidden: built, not listed
    assert 'data-m="POST"' in sidebar or ">POST<" in sidebar


def test_unknown_nav_spec_is_a_warning(tmp_path: Path) -> None:
    docs = tmp_path / "d"
    docs.mkdir()
    (docs / "docs.json").write_text(
        '{"name": "x", "colors": {"primary": "#000000"},'
        ' "navigation": {"groups": [{"group": "API", "openapi": "missing.json"}]}}'
    )
    result = build_site(docs, tmp_path / "out")
    codes = [d.code for d in result.diagnostics]
    assert "openapi-nav-spec" in codes


def test_the_examples_panel_names_the_page_as_its_frontmatter_does(tmp_path: Path) -> None:
    """An `openapi:` page with its own title (Activepieces' "Delete Flow", for an operation
    with no summary) shows that title in the examples panel too, not one made from the path;
    a page generated from the navigation shows the operation's."""
    from sitekit import minimal_config, write_site

    spec = (
        '{"openapi": "3.0.3", "info": {"title": "A", "version": "1"}, "paths": {"/v1/flows/{id}": '
        '{"delete": {"parameters": [{"in": "path", "name": "id", "required": true, "schema": '
        '{"type": "string"}}], "responses": {"204": {"description": "Deleted"}}}, "get": '
        '{"summary": "Get Flow", "responses": {"200": {"description": "OK"}}}}}}'
    )
    page = "---\ntitle: 'Delete Flow'\nopenapi: DELETE /v1/flows/{id}\n---\n"
    config = minimal_config(["del", "GET /v1/flows/{id}"])
    config["api"] = {"openapi": "openapi.json"}
    docs = write_site(tmp_path / "docs", {"del.mdx": page, "openapi.json": spec}, config)
    result = build_site(docs, tmp_path / "out")
    assert result.fatal is None
    titles = {
        p.parent.name: re.findall(r'mr-api-example__title">([^<]*)', p.read_text("utf-8"))
        for p in (tmp_path / "out").rglob("index.html")
        if "mr-api-example__title" in p.read_text("utf-8")
    }
    assert titles == {"del": ["Delete Flow"], "get-flow": ["Get Flow"]}


def test_a_pages_own_example_replaces_only_its_half(tmp_path: Path) -> None:
    """`<RequestExample>` on an `openapi:` page replaces the generated request samples and keeps
    the spec's response examples (Turso's pages); `<ResponseExample>` the other way round
    (Nango's); both replace both."""
    from sitekit import minimal_config, write_site

    spec = (
        '{"openapi": "3.0.3", "info": {"title": "A", "version": "1"}, "servers": [{"url": '
        '"https://api.example.com"}], "paths": {"/dbs": {"post": {"summary": "Create", '
        '"responses": {"200": {"description": "OK", "content": {"application/json": {"schema": '
        '{"type": "object", "properties": {"name": {"type": "string", "example": "my-db"}}}}}}}}}}}'
    )
    head = "---\ntitle: Create\nopenapi: POST /dbs\n---\n\n"
    request = "<RequestExample>\n```bash cURL\ncurl -X POST own-request\n```\n</RequestExample>\n"
    response = '<ResponseExample>\n```json 200\n{"own": "response"}\n```\n</ResponseExample>\n'
    pages = {"req": request, "res": response, "both": request + "\n" + response}
    files = {f"{name}.mdx": head + text for name, text in pages.items()}
    config = minimal_config(list(pages))
    config["api"] = {"openapi": "openapi.json"}
    docs = write_site(tmp_path / "docs", {**files, "openapi.json": spec}, config)
    assert build_site(docs, tmp_path / "out").fatal is None

    def aside(name: str) -> str:
        text = (tmp_path / "out" / name / "index.html").read_text("utf-8")
        start = text.find('class="mr-api-aside"')
        return text[start : text.find("</aside>", start)]

    assert "own-request" in aside("req") and "my-db" in aside("req")
    assert "api.example.com/dbs" not in aside("req")
    assert "own" in aside("res") and "api.example.com/dbs" in aside("res")
    assert "my-db" not in aside("res")
    assert "own-request" in aside("both") and "my-db" not in aside("both")
    assert "api.example.com/dbs" not in aside("both")


def test_a_group_listing_only_prose_pages_also_gets_its_specs_operations(tmp_path: Path) -> None:
    """openapi.md §3: only once a listed page names an operation are the others not added.
    LangChain's "Agent Server API" group lists an overview page and sets `openapi`: the
    overview, then a page per operation. A group whose page names an operation in its
    frontmatter, or lists one, keeps only its pages."""
    import json

    spec = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/ok": {"get": {"tags": ["System"], "summary": "Health Check", "responses": {}}},
            "/runs": {"post": {"tags": ["Runs"], "summary": "Create Run", "responses": {}}},
        },
    }
    groups = [
        {"group": "Guide", "pages": ["index"]},
        {
            "group": "Server",
            "pages": ["overview"],
            "openapi": {"source": "openapi.json", "directory": "server"},
        },
        {
            "group": "Named",
            "pages": ["health"],
            "openapi": {"source": "openapi.json", "directory": "named"},
        },
        {
            "group": "Listed",
            "pages": ["GET /ok"],
            "openapi": {"source": "openapi.json", "directory": "listed"},
        },
    ]
    config = {"name": "R", "theme": "mint", "colors": {"primary": "#000000"}}
    config["navigation"] = {"groups": groups}
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "docs.json").write_text(json.dumps(config))
    (docs / "openapi.json").write_text(json.dumps(spec))
    (docs / "index.mdx").write_text("---\ntitle: Home\n---\nHi.\n")
    (docs / "overview.mdx").write_text("---\ntitle: Overview\n---\nThe API.\n")
    (docs / "health.mdx").write_text('---\ntitle: Health\nopenapi: "GET /ok"\n---\n')
    result = build_site(docs, tmp_path / "out")
    assert sorted(p.site_path for p in result.pages if p.kind == "api") == [
        "/health",
        "/listed/system/health-check",  # listed one by one: in its spec's directory too
        "/server/runs/create-run",
        "/server/system/health-check",
    ]
    page = (tmp_path / "out" / "overview" / "index.html").read_text()
    sidebar = page[page.find('id="sidebar"') : page.find('id="content-area"')]
    order = [sidebar.find(x) for x in (">Overview<", "/server/runs/create-run/", "/health/")]
    assert -1 not in order and order[0] < order[1], order
    assert not [d for d in result.diagnostics if d.severity != "info"]


def test_a_generated_url_keeping_a_question_mark_is_linked_encoded(tmp_path: Path) -> None:
    """Mintlify keeps `?` in an endpoint's URL; the link percent-encodes it, so a server reads
    it as the page's path, not a query."""
    import json

    spec = {
        "openapi": "3.0.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/u": {"get": {"summary": "Ready now?", "responses": {}}}},
    }
    config = {"name": "R", "theme": "mint", "colors": {"primary": "#000000"}}
    config["navigation"] = {"groups": [{"group": "API", "openapi": "openapi.json"}]}
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "docs.json").write_text(json.dumps(config))
    (docs / "openapi.json").write_text(json.dumps(spec))
    build_site(docs, tmp_path / "out")
    assert (tmp_path / "out" / "api-reference" / "ready-now?" / "index.html").is_file()
    home = (tmp_path / "out" / "index.html").read_text()
    assert 'href="/api-reference/ready-now%3F/"' in home


def _docs(tmp_path: Path, config: dict[str, object]) -> Path:
    """A docs folder holding only a docs.json of `config` (name, theme, colours added)."""
    docs = tmp_path / "d"
    docs.mkdir()
    base = {"name": "R", "theme": "mint", "colors": {"primary": "#0A84FF"}}
    (docs / "docs.json").write_text(json.dumps({**base, **config}), encoding="utf-8")
    return docs


def test_x_mint_metadata_and_content_shape_the_generated_page(tmp_path: Path) -> None:
    """Tyk's specs give every operation `x-mint.metadata` (canonical, noindex, robots): they
    were ignored, and the pages stayed in the sitemap. `metadata` is the generated page's
    frontmatter (but `openapi`) and `content` MDX shown before the reference (openapi.md §7);
    a problem in that MDX is told at the spec, naming the operation."""
    docs = _docs(
        tmp_path, {"navigation": {"groups": [{"group": "API", "openapi": "openapi.yaml"}]}}
    )
    (docs / "openapi.yaml").write_text(
        """openapi: 3.0.0
info: {title: R, version: "1"}
servers: [{url: "https://api.example.com"}]
paths:
  /health:
    get:
      x-mint:
        metadata: {title: Health status, sidebarTitle: Health, noindex: true, openapi: x}
        content: "<Note>Only for **admins**.</Note>\\n\\n<Bogus />"
      tags: [Health]
      summary: Health Check
      responses: {"200": {description: OK}}
  /ping:
    get: {tags: [Health], summary: Ping, responses: {"200": {description: OK}}}
""",
        encoding="utf-8",
    )
    for cache in (False, True, True):  # cold, then filling and reusing the build cache
        out = tmp_path / f"out-{cache}"
        result = build_site(docs, out, cache=cache, cache_dir=tmp_path / "cache")
        page = (out / "api-reference" / "health" / "health-check" / "index.html").read_text()
        assert "<title>Health status - R</title>" in page
        assert '<meta name="robots" content="noindex">' in page
        body = page[page.find('id="content-area"') :]
        assert body.index("Only for <strong>admins</strong>.") < body.index("Response")
        sidebar = page[page.find('id="sidebar"') : page.find('id="content-area"')]
        assert ">Health<" in sidebar and "Health Check" not in sidebar
        sitemap = (out / "sitemap.xml").read_text()
        assert "/api-reference/health/ping/" in sitemap and "health-check" not in sitemap
        said = [(d.file, d.code, d.message) for d in result.diagnostics if d.severity != "info"]
        assert [s[:2] for s in said] == [("openapi.yaml", "unknown-component")]
        assert said[0][2].startswith("GET /health, line 3 of its x-mint.content: <Bogus> ")


def test_each_named_request_example_is_a_choice_in_the_samples(tmp_path: Path) -> None:
    """amp-labs' write endpoint names two request examples ("Single record", "Batch write"):
    every sample sent the first, and the second was nowhere. Each generated language now
    offers both, chosen by their `summary`, as response examples are."""
    docs = _docs(tmp_path, {"api": {"openapi": "spec.json"}, "navigation": {"pages": ["write"]}})
    (docs / "write.mdx").write_text("---\nopenapi: POST /records\n---\n", encoding="utf-8")
    single = {"summary": "Single record", "value": {"record": {"email": "a@example.com"}}}
    batch = {"summary": "Batch write", "value": {"batch": [{"email": "h@example.com"}]}}
    spec = {
        "openapi": "3.0.0",
        "info": {"title": "R", "version": "1"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": {
            "/records": {
                "post": {
                    "summary": "Write records",
                    "requestBody": {
                        "content": {
                            "application/json": {"examples": {"single": single, "batch": batch}}
                        }
                    },
                    "responses": {"200": {"description": "OK"}},
                }
            }
        },
    }
    (docs / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    build_site(docs, tmp_path / "out")
    page = (tmp_path / "out" / "write" / "index.html").read_text(encoding="utf-8")
    request = page[
        page.index('id="request-example"') : page.index(
            "</select>", page.index('id="request-example"')
        )
    ]
    assert re.findall(r'<option value="\d">([^<]*)</option>', request) == [
        "Single record",
        "Batch write",
    ]
    samples = page[page.index('id="request-example"') :]  # the response has no example
    assert samples.count("Batch write") == 3  # cURL, Python, JavaScript
    assert samples.count("h@example.com") == 3 and samples.count("a@example.com") == 3


def test_a_body_description_the_schema_repeats_is_shown_once(tmp_path: Path) -> None:
    """Permify's generator copies each request schema's `description` into the request body's:
    "Body" showed the same sentence twice. A different one is shown with the schema's."""
    docs = _docs(
        tmp_path, {"navigation": {"groups": [{"group": "API", "openapi": "openapi.json"}]}}
    )
    schema = {"type": "object", "description": "Create request.", "properties": {"id": {}}}

    def body(description: str) -> dict[str, object]:
        content = {"application/json": {"schema": {"$ref": "#/components/schemas/Req"}}}
        responses = {"200": {"description": "ok"}}
        return {
            "requestBody": {"description": description, "content": content},
            "responses": responses,
        }

    paths = {
        "/a": {"post": {"summary": "same", **body("Create request.")}},
        "/b": {"post": {"summary": "other", **body("Send one.")}},
    }
    spec = {
        "openapi": "3.0.1",
        "info": {"title": "R", "version": "1"},
        "paths": paths,
        "components": {"schemas": {"Req": schema}},
    }
    (docs / "openapi.json").write_text(json.dumps(spec), encoding="utf-8")
    build_site(docs, tmp_path / "out")
    same = (tmp_path / "out" / "api-reference" / "same" / "index.html").read_text(encoding="utf-8")
    assert same.count("<p>Create request.</p>") == 1
    other = (tmp_path / "out" / "api-reference" / "other" / "index.html").read_text(
        encoding="utf-8"
    )
    assert other.count("<p>Create request.</p>") == 1 and other.count("<p>Send one.</p>") == 1


def test_a_manual_api_page_nests_expandable_fields_and_keeps_its_request_samples(
    tmp_path: Path,
) -> None:
    """An `api:` page's `<Expandable>` fields are the properties of their field: samples sent
    `{"name": …, "items": [{}]}` and the playground had a top-level `name`. Its
    `<ResponseExample>` takes the response half only: the request samples were gone."""
    page = (
        '---\ntitle: Things\napi: "POST https://api.example.com/things"\n---\n\n'
        '<ParamField body="items" type="object[]" required>\n  Items\n'
        '  <Expandable title="properties">\n'
        '    <ParamField body="name" type="string" placeholder="lamp">Item name</ParamField>\n'
        '    <ParamField body="size" type="string" enum={["s", "m"]}>Size</ParamField>\n'
        "  </Expandable>\n</ParamField>\n\n"
        '<ResponseExample>\n```json 200\n{"ok": true}\n```\n</ResponseExample>\n'
    )
    html = built_page(tmp_path, "things", page)
    text = unescape(re.sub(r"<[^>]+>", "", html))
    assert '"items": [\n    {\n      "name": "lamp",\n      "size": "s"' in text
    assert "curl --request POST" in text and '"ok": true' in text
    found = re.search(r'data-component="api-playground-data">(.*?)</script>', html, re.S)
    assert found is not None
    assert [f["name"] for f in json.loads(found.group(1))["body"]["fields"]] == ["items"]


def test_sample_languages_with_no_generator_are_reported_and_labels_read_right(
    tmp_path: Path,
) -> None:
    """`api.examples.languages: ["csharp", "swift"]` gave a cURL tab alone without a word, and
    `x-codeSamples` in `csharp`/`cpp`/`dotnet` were labelled "Csharp", "Cpp", "Dotnet"."""
    samples = [{"lang": lang, "source": "x"} for lang in ("csharp", "cpp", "dotnet", "powershell")]
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": {
            "/x": {"get": {"summary": "X", "x-codeSamples": samples, "responses": {"200": {}}}}
        },
    }
    config = minimal_config(["x"], api={"examples": {"languages": ["curl", "csharp", "swift"]}})
    files = {"openapi.json": json.dumps(spec), "x.mdx": "---\nopenapi: GET /x\n---\n"}
    docs = write_site(tmp_path / "docs", files, config)
    result = build_site(docs, tmp_path / "out")
    [found] = [d for d in result.diagnostics if d.code == "api-language"]
    assert found.file == "docs.json" and "'csharp', 'swift'" in found.message
    html = (tmp_path / "out" / "x" / "index.html").read_text(encoding="utf-8")
    tabs = re.findall(r'role="tab"[^>]*>([^<]+)<', html)
    assert {"C#", "C++", ".NET", "PowerShell"} <= set(tabs), tabs


def test_a_navigation_openapi_list_generates_every_specs_pages(tmp_path: Path) -> None:
    """openapi.md §3: `"openapi": ["/a.json", "/b.json"]` on a tab; the pages of `b.json`
    were dropped without a word, and an entry that is no file name said nothing."""

    def spec(path: str) -> str:
        op = {"get": {"summary": path, "responses": {"200": {"description": "ok"}}}}
        info = {"title": "t", "version": "1"}
        return json.dumps({"openapi": "3.1.0", "info": info, "paths": {path: op}})

    config = minimal_config([])
    config["navigation"] = {"tabs": [{"tab": "API", "openapi": ["/a.json", 5, "/b.json"]}]}
    files = {"a.json": spec("/a"), "b.json": spec("/b")}
    docs = write_site(tmp_path / "docs", files, config)
    result = build_site(docs, tmp_path / "out")
    for name in ("a", "b"):  # each named after its summary
        assert (tmp_path / "out" / "api-reference" / name / "index.html").is_file(), name
    [bad] = [d for d in result.diagnostics if d.code == "nav-type"]
    assert "openapi[1]" in bad.message


def test_listed_operations_go_in_their_specs_directory(tmp_path: Path) -> None:
    """openapi.md §3: `{source, directory}` is where the spec's pages go, for operations the
    navigation lists one by one too (Cal.com: `/api-reference/v2/...`); a group that names
    its own spec as a string goes back to `api-reference`."""

    def op(summary: str, tag: str) -> dict[str, object]:
        return {
            "get": {"summary": summary, "tags": [tag], "responses": {"200": {"description": "ok"}}}
        }

    spec = {
        "openapi": "3.0.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/v2/me": op("Get my profile", "Me"), "/v2/teams": op("List teams", "Teams")},
    }
    config = minimal_config([])
    config["navigation"] = {
        "tabs": [
            {
                "tab": "API v2",
                "openapi": {"source": "openapi.json", "directory": "api-reference/v2"},
                "groups": [
                    {"group": "Me", "pages": ["GET /v2/me"]},
                    {"group": "Teams", "openapi": "openapi.json", "pages": ["GET /v2/teams"]},
                ],
            }
        ]
    }
    docs = write_site(tmp_path / "docs", {"openapi.json": json.dumps(spec)}, config)
    result = build_site(docs, tmp_path / "out")
    assert result.fatal is None
    out = tmp_path / "out" / "api-reference"
    assert (out / "v2" / "me" / "get-my-profile" / "index.html").is_file()
    assert (out / "teams" / "list-teams" / "index.html").is_file()
    assert not (out / "me").exists()


def test_a_listed_operation_in_lowercase_and_a_deprecated_one(tmp_path: Path) -> None:
    """Rhombus lists its whole API reference as `api-reference/openapi.json post /api/…`, and
    Mintlify builds it (its own Markdown exports carry lowercase references too): every entry
    was a missing page. An operation the spec marks `deprecated` is marked so in the sidebar,
    as a `deprecated: true` page is (only its page header said so)."""
    ok = {"200": {"description": "ok"}}
    spec = {
        "openapi": "3.0.1",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/things": {"post": {"summary": "Create thing", "responses": ok}},
            "/old": {"get": {"summary": "Old thing", "deprecated": True, "responses": ok}},
            "/hooks": {"get": {"summary": "Hooked", "responses": ok}},
        },
    }
    pages = ["openapi.json post /things", "openapi.json GET /old", "openapi.json Get /hooks"]
    config = minimal_config([{"group": "API", "pages": pages}])
    docs = write_site(tmp_path / "docs", {"openapi.json": json.dumps(spec)}, config)
    result = build_site(docs, tmp_path / "out")
    assert [d.code for d in result.diagnostics if d.severity != "info"] == []
    out = tmp_path / "out" / "api-reference"
    page = (out / "create-thing" / "index.html").read_text(encoding="utf-8")
    assert (out / "old-thing" / "index.html").is_file() and (out / "hooked").is_dir()
    entries = re.findall(r'<li><a href="/api-reference/([^"]+)/"[^>]*>(.*?)</a></li>', page)
    deprecated = {path: "mr-nav__tag--deprecated" in label for path, label in entries}
    assert deprecated == {"create-thing": False, "old-thing": True, "hooked": False}


def test_a_listed_operation_comes_from_its_groups_spec(tmp_path: Path) -> None:
    """navigation.md: `"GET /users"` is "an operation from the inherited spec". A group with
    `openapi: b.json` listing `GET /a` (only in a.json) built it from a.json without a word,
    an entry found nowhere named the wrong spec, and an inherited spec that does not exist was
    not reported when the group also lists pages."""

    def spec(path: str) -> str:
        ok = {"200": {"description": "ok"}}
        return json.dumps(
            {
                "openapi": "3.1.0",
                "info": {"title": path, "version": "1"},
                "paths": {path: {"get": {"summary": f"Op {path}", "responses": ok}}},
            }
        )

    config = minimal_config([])
    config["navigation"] = {
        "groups": [
            {"group": "B", "openapi": "b.json", "pages": ["GET /zzz", "GET /a", "GET /b"]},
            {"group": "C", "openapi": "nope.json", "pages": ["GET /b"]},
        ]
    }
    files = {"a.json": spec("/a"), "b.json": spec("/b")}
    docs = write_site(tmp_path / "docs", files, config)
    result = build_site(docs, tmp_path / "out")
    found = [(d.code, d.message) for d in result.diagnostics if d.severity == "warning"]
    assert found == [
        (
            "openapi-nav-spec",
            "openapi 'nope.json' names no loaded OpenAPI file; the operations "
            "listed under it are looked up in every spec",
        ),
        (
            "openapi-unresolved",
            "navigation entry 'GET /zzz': 'GET /zzz' was not found in b.json; b.json has GET /b",
        ),
        (
            "openapi-unresolved",
            "navigation entry 'GET /a': 'GET /a' was not found in b.json; "
            "'GET /a' exists in a.json",
        ),
    ]
    assert (tmp_path / "out" / "api-reference" / "op-b" / "index.html").is_file()
    assert not (tmp_path / "out" / "api-reference" / "op-a").exists()


def test_a_navigation_openapi_naming_a_folder_is_reported_once_in_docs_json(
    tmp_path: Path,
) -> None:
    """`"openapi": "snippets"`, a folder: besides the navigation's warning, an
    `openapi-missing` error was reported on the folder itself, at line 0 ("spec file 'snippets'
    does not exist"). It is the one warning, in docs.json."""
    from sitekit import build_site, write_site

    config = {
        "name": "T",
        "theme": "mint",
        "colors": {"primary": "#112233"},
        "navigation": {"groups": [{"group": "G", "openapi": "snippets", "pages": ["index"]}]},
    }
    docs = write_site(tmp_path / "docs", {"index.mdx": "Hi.\n", "snippets/a.mdx": "x\n"}, config)
    result = build_site(docs, tmp_path / "out")
    found = [(d.file, d.code) for d in result.diagnostics if d.severity != "info"]
    assert found == [("docs.json", "openapi-nav-spec")]


def test_every_spelling_of_one_operation_is_one_page(tmp_path: Path) -> None:
    """Bodhveda lists an operation under its group's spec and again as `openapi.json GET
    /users` elsewhere: two pages were made (`list-users/`, `list-users-2/`), without a word.
    Any spelling of one spec's operation (inherited spec, `spec` prefix, `/spec`, `./spec`,
    lowercase method, trailing slash) is one page, listed in each place, as a page listed twice
    is; the same path in another spec, or the operation under another `openapi.directory`,
    is a page of its own."""
    ok = {"200": {"description": "ok"}}

    def spec(summary: str) -> str:
        users = {"get": {"summary": summary, "tags": ["Users"], "responses": ok}}
        hook = {"post": {"summary": "Hook X", "responses": ok}}
        return json.dumps({**API_HEAD, "paths": {"/users": users}, "webhooks": {"X": hook}})

    def group(name: str, pages: list[str], **more: object) -> dict[str, object]:
        return {"group": name, "pages": pages, **more}

    groups = [
        group("A", ["GET /users", "webhook X"], openapi="openapi.json"),
        group("B", ["openapi.json GET /users", "openapi.json webhook X"]),
        group("C", ["/openapi.json GET /users", "./openapi.json get /users/"]),
        group("D", ["GET /users"], openapi="other.json"),
        group("E", ["GET /users"], openapi={"source": "openapi.json", "directory": "v2"}),
    ]
    config = minimal_config([])
    config["navigation"] = {"groups": groups}
    files = {"openapi.json": spec("List users"), "other.json": spec("List people")}
    docs = write_site(tmp_path / "docs", files, config)
    result = build_site(docs, tmp_path / "out")
    assert [d for d in result.diagnostics if d.severity != "info"] == []
    assert sorted(p.site_path for p in result.pages if p.kind == "api") == [
        "/api-reference/hook-x",
        "/api-reference/users/list-people",
        "/api-reference/users/list-users",
        "/v2/users/list-users",
    ]
    page = (tmp_path / "out" / "api-reference" / "hook-x" / "index.html").read_text()
    links = re.findall(r'<li><a href="([^"]+)"', page)
    users, hook = "/api-reference/users/list-users/", "/api-reference/hook-x/"
    people, v2 = "/api-reference/users/list-people/", "/v2/users/list-users/"
    assert links == [users, hook, users, hook, users, users, people, v2]


def test_a_spec_generated_in_two_directories_has_pages_in_each(tmp_path: Path) -> None:
    """Two tabs generate one spec's pages, each in its `openapi.directory`: each tab has its
    own pages (all went to the last directory, both tabs linking there)."""
    ok = {"200": {"description": "ok"}}
    users = {"get": {"summary": "List users", "responses": ok}}
    tabs = [
        {"tab": f"V{n}", "openapi": {"source": "openapi.json", "directory": f"v{n}"}}
        for n in (1, 2)
    ]
    config = minimal_config([])
    config["navigation"] = {"tabs": tabs}
    spec = json.dumps({**API_HEAD, "paths": {"/users": users}})
    docs = write_site(tmp_path / "docs", {"openapi.json": spec}, config)
    result = build_site(docs, tmp_path / "out")
    assert [d for d in result.diagnostics if d.severity != "info"] == []
    assert sorted(p.site_path for p in result.pages if p.kind == "api") == [
        "/v1/list-users",
        "/v2/list-users",
    ]
    for n in (1, 2):
        page = (tmp_path / "out" / f"v{n}" / "list-users" / "index.html").read_text()
        assert re.findall(r'<li><a href="([^"]+)"', page) == [f"/v{n}/list-users/"]
