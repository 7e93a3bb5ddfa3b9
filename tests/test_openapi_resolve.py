"""Resolving `openapi:` frontmatter references and listing operations for navigation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mintrender.errors import Diagnostics
from mintrender.openapi import ApiIndex, ParsedRef, find_spec_files, load_api_index, parse_ref

SPECS = Path(__file__).parent / "specs"


def write_spec(path: Path, paths: dict[str, list[str]], title: str = "t") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {
        "openapi": "3.1.0",
        "info": {"title": title, "version": "1"},
        "servers": [{"url": f"https://{title}.example.com"}],
        "paths": {
            p: {
                m.lower(): {"summary": f"{m} {p}", "responses": {"200": {"description": "ok"}}}
                for m in methods
            }
            for p, methods in paths.items()
        },
    }
    path.write_text(json.dumps(doc, indent=2))


@pytest.fixture()
def tree(tmp_path: Path) -> ApiIndex:
    """Four specs sharing `POST /x`, like ModelsLab's per-folder `openapi.json` files."""
    write_spec(tmp_path / "openapi.json", {"/x": ["POST"], "/root-only": ["GET"]}, "root")
    write_spec(tmp_path / "a" / "openapi.json", {"/x": ["POST"], "/items/{id}": ["GET"]}, "a")
    write_spec(tmp_path / "a" / "b" / "openapi.json", {"/x": ["POST"]}, "ab")
    write_spec(tmp_path / "c" / "openapi.json", {"/x": ["POST"], "/c_only": ["POST"]}, "c")
    write_spec(tmp_path / "d" / "spec.yaml.json", {"/d": ["PUT"]}, "d")
    diags = Diagnostics()
    index = load_api_index(tmp_path, find_spec_files(tmp_path), diags)
    assert not diags
    return index


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("POST /x", ParsedRef(None, "POST", "/x")),
        ('"POST /x"', ParsedRef(None, "POST", "/x")),
        ("'get /users/{id}'", ParsedRef(None, "GET", "/users/{id}")),
        (
            "/openapi.json POST /project/update/{projectId}",
            ParsedRef("/openapi.json", "POST", "/project/update/{projectId}"),
        ),
        ("v1 GET /x", ParsedRef("v1", "GET", "/x")),
        (
            '"openapi.json webhook orderUpdated"',
            ParsedRef("openapi.json", "WEBHOOK", "orderUpdated"),
        ),
        ("webhook orderUpdated", ParsedRef(None, "WEBHOOK", "orderUpdated")),
        ("https://x.com/spec.yaml DELETE /a", ParsedRef("https://x.com/spec.yaml", "DELETE", "/a")),
        ("POST", None),
        ("spec.json /x", None),
        ("", None),
    ],
)
def test_parse_ref(ref: str, expected: ParsedRef | None) -> None:
    assert parse_ref(ref) == expected


def test_own_folder_wins_then_ancestors_then_nav_then_alphabetical(tree: ApiIndex) -> None:
    res = tree.resolve("POST /x", "a/b/page.mdx", [])
    assert res.operation is not None and res.operation.spec_file == "a/b/openapi.json"
    assert res.candidates == [
        "a/b/openapi.json POST /x",
        "a/openapi.json POST /x",
        "openapi.json POST /x",
        "c/openapi.json POST /x",
    ]
    assert not res.ambiguous and res.problem is None
    res = tree.resolve("POST /x", "a/b/deeper/page.mdx", [])
    assert res.operation is not None and res.operation.spec_file == "a/b/openapi.json"
    res = tree.resolve("POST /x", "a/other/page.mdx", [])
    assert res.operation is not None and res.operation.spec_file == "a/openapi.json"
    res = tree.resolve("POST /x", "page.mdx", [])
    assert res.operation is not None and res.operation.spec_file == "openapi.json"


def test_nav_specs_decide_outside_the_folder_chain(tmp_path: Path) -> None:
    write_spec(tmp_path / "a" / "openapi.json", {"/x": ["POST"]}, "a")
    write_spec(tmp_path / "c" / "openapi.json", {"/x": ["POST"]}, "c")
    index = load_api_index(tmp_path, find_spec_files(tmp_path), Diagnostics())
    res = index.resolve("POST /x", "guides/page.mdx", ["c/openapi.json"])
    assert res.operation is not None and res.operation.spec_file == "c/openapi.json"
    assert not res.ambiguous
    res = index.resolve("POST /x", "guides/page.mdx", ["/c/openapi.json"])
    assert res.operation is not None and res.operation.spec_file == "c/openapi.json"
    res = index.resolve("POST /x", "guides/page.mdx", [])
    assert res.operation is not None and res.operation.spec_file == "a/openapi.json"
    assert res.ambiguous and res.problem is not None
    assert "several specs" in res.problem and "a/openapi.json" in res.problem
    assert res.candidates == ["a/openapi.json POST /x", "c/openapi.json POST /x"]


def test_explicit_spec(tree: ApiIndex) -> None:
    for ref, page in [
        ("/c/openapi.json POST /x", "a/b/page.mdx"),
        ("c/openapi.json POST /x", "a/b/page.mdx"),
        ("../c/openapi.json POST /x", "a/page.mdx"),  # relative to the page's folder
        ("https://example.com/c/openapi.json POST /x", "page.mdx"),
    ]:
        res = tree.resolve(ref, page, [])
        assert res.operation is not None, (ref, res.problem)
        assert res.operation.spec_file == "c/openapi.json", ref
        assert res.candidates == ["c/openapi.json POST /x"]
    for ref in ("/openapi.json POST /x", "openapi.json POST /x"):  # docs-root paths first
        res = tree.resolve(ref, "c/page.mdx", [])
        assert res.operation is not None and res.operation.spec_file == "openapi.json"
    res = tree.resolve("b/openapi.json POST /x", "a/page.mdx", [])
    assert res.operation is not None and res.operation.spec_file == "a/b/openapi.json"
    res = tree.resolve("nope.json POST /x", "page.mdx", [])
    assert res.operation is None and res.problem is not None
    assert "nope.json" in res.problem and "a/openapi.json" in res.problem
    res = tree.resolve("c/openapi.json GET /x", "page.mdx", [])
    assert res.operation is None and "other method" in (res.problem or "")


def test_trailing_slash_and_quotes_are_tolerated(tree: ApiIndex) -> None:
    for ref in ('"POST /c_only/"', "'POST /c_only'", "post /c_only"):
        res = tree.resolve(ref, "c/page.mdx", [])
        assert res.operation is not None and res.operation.path == "/c_only", ref


@pytest.mark.parametrize(
    ("ref", "page", "hint"),
    [
        ("GET /x", "a/page.mdx", "the spec has 'POST /x' (other method) in a/openapi.json"),
        (
            "GET /items",
            "a/page.mdx",
            "the spec has 'GET /items/{id}' (longer path) in a/openapi.json",
        ),
        ("POST /c-only", "c/page.mdx", "(hyphen/underscore or case differs) in c/openapi.json"),
        ("POST /api/c_only", "c/page.mdx", "'POST /c_only' (different prefix)"),
        ("POST /c_onyl", "c/page.mdx", "did you mean 'POST /c_only'?"),
        ("DELETE /zzz", "c/page.mdx", "c/openapi.json has POST /x, POST /c_only"),
    ],
)
def test_unresolved_refs_explain_near_misses(
    tree: ApiIndex, ref: str, page: str, hint: str
) -> None:
    res = tree.resolve(ref, page, [])
    assert res.operation is None and res.candidates == []
    assert res.problem is not None and hint in res.problem, res.problem
    assert "was not found in" in res.problem


def test_bound_outside_own_folder_is_flagged(tree: ApiIndex) -> None:
    res = tree.resolve("GET /root-only", "c/page.mdx", [])
    assert res.operation is not None and res.operation.spec_file == "openapi.json"
    assert res.problem is not None and "not in c/openapi.json" in res.problem


def test_malformed_ref() -> None:
    res = ApiIndex([]).resolve("just words", "p.mdx", [])
    assert res.operation is None and "expected '[spec] METHOD /path'" in (res.problem or "")


def test_webhook_resolution() -> None:
    index = load_api_index(SPECS, ["webhooks.yaml"], Diagnostics())
    res = index.resolve("webhook orderUpdated", "p.mdx", [])
    assert res.operation is not None and res.operation.webhook == "orderUpdated"
    res = index.resolve("webhook orderupdated", "p.mdx", [])
    assert res.operation is None and "webhook 'orderUpdated'" in (res.problem or "")
    assert index.resolve("POST orderUpdated", "p.mdx", []).operation is None


def test_operations_for_nav_groups_by_tag() -> None:
    index = load_api_index(SPECS, ["examples.json"], Diagnostics())
    groups = index.operations_for_nav("examples.json")
    assert [(g.tag, g.label) for g in groups] == [
        ("media", "Media files"),
        ("misc", "misc"),
        ("", "Endpoints"),
    ]
    media, misc, untagged = groups
    assert [(o.slug, o.hidden, o.href) for o in media.operations] == [
        ("media/upload-a-file", False, None)
    ]
    assert [(o.operation.path, o.slug, o.hidden, o.href) for o in misc.operations] == [
        ("/hidden", "misc/hidden-op", True, None),
        ("/custom", "misc/custom-href", False, "/custom-page"),
    ]
    assert [o.slug for o in untagged.operations] == ["get-untagged"]
    assert index.operations_for_nav("/examples.json") == groups
    assert index.operations_for_nav("missing.json") == []


def test_nav_slugs_are_unique_and_stable(tmp_path: Path) -> None:
    write_spec(tmp_path / "s.json", {"/a": ["GET"], "/b": ["GET"]})
    doc = json.loads((tmp_path / "s.json").read_text())
    for item in doc["paths"].values():
        item["get"]["summary"] = "Same title"
    (tmp_path / "s.json").write_text(json.dumps(doc))
    index = load_api_index(tmp_path, ["s.json"], Diagnostics())
    slugs = [o.slug for g in index.operations_for_nav("s.json") for o in g.operations]
    assert slugs == ["same-title", "same-title-1"]  # Mintlify: the later one gets -1


@pytest.mark.parametrize(
    ("summary", "tags", "method", "path", "url"),
    [
        ("Get user", ["users"], "GET", "/u", "users/get-user"),  # Mintlify's own example
        (None, ["users"], "GET", "/users/{id}/posts", "users/get-users-posts"),
        ("List users (v2), fast.", ["User Admin"], "GET", "/u", "user-admin/list-users-v2-fast"),
        ("Read/write: now?", [], "GET", "/u", "readwrite:-now?"),  # no tag: no tag part
        ("Créer un client", ["clients"], "POST", "/c", "clients/créer-un-client"),
    ],
)
def test_generated_urls_follow_mintlifys_endpoint_url_rules(
    tmp_path: Path, summary: str | None, tags: list[str], method: str, path: str, url: str
) -> None:
    """api-playground/endpoint-urls: `<tag>/<summary>`; spaces become hyphens; `{ } ( ) , . '
    /` are removed; lower case; `?`, `&`, `:` and non-ASCII letters stay; no summary: the
    method and the path's fixed segments. Authors link to these URLs."""
    op: dict = {"responses": {"200": {"description": "ok"}}}
    if summary is not None:
        op["summary"] = summary
    if tags:
        op["tags"] = tags
    spec = {"openapi": "3.0.0", "info": {"title": "t", "version": "1"}}
    spec["paths"] = {path: {method.lower(): op}}
    (tmp_path / "s.json").write_text(json.dumps(spec))
    index = load_api_index(tmp_path, ["s.json"], Diagnostics())
    assert [o.slug for g in index.operations_for_nav("s.json") for o in g.operations] == [url]
