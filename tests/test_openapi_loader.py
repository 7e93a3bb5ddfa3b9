"""Loading OpenAPI specs: discovery, versions, syntax errors, $ref, allOf/oneOf, servers, auth."""

from __future__ import annotations

from pathlib import Path

import pytest

from mintrender.errors import Diagnostics
from mintrender.openapi import ApiIndex, Operation, find_spec_files, load_api_index
from mintrender.openapi.source import SpecSource, read_source

SPECS = Path(__file__).parent / "specs"


@pytest.fixture(scope="module")
def loaded() -> tuple[ApiIndex, Diagnostics]:
    diags = Diagnostics()
    return load_api_index(SPECS, find_spec_files(SPECS), diags), diags


def op(index: ApiIndex, spec: str, method: str, path: str) -> Operation:
    res = index.resolve(f"{spec} {method} {path}", "page.mdx", [])
    assert res.operation is not None, res.problem
    return res.operation


def by_code(diags: Diagnostics, file: str) -> dict[str, list[tuple[int, int, str]]]:
    out: dict[str, list[tuple[int, int, str]]] = {}
    for d in diags:
        if d.file == file:
            out.setdefault(d.code, []).append((d.line, d.column, d.message))
    return out


def test_find_spec_files_lists_only_openapi_and_swagger_documents() -> None:
    assert find_spec_files(SPECS) == [
        "bad-refs.json",
        "circular.json",
        "composition.yaml",
        "crossfile/main.yaml",
        "examples.json",
        "invalid.json",
        "invalid.yaml",
        "servers.json",
        "swagger.json",
        "webhooks.yaml",
    ]


def test_find_spec_files_skips_dot_folders_snippets_asyncapi_and_nested_keys(
    tmp_path: Path,
) -> None:
    spec = '{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}'
    for rel in (".claude/openapi.json", "node_modules/x/openapi.json", "snippets/openapi.json"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(spec)
    (tmp_path / "api").mkdir()
    (tmp_path / "api" / "openapi.json").write_text(spec)
    (tmp_path / "api" / "v2.yml").write_text("info:\n  title: t\nopenapi: 3.0.0\npaths: {}\n")
    (tmp_path / "asyncapi.yaml").write_text("asyncapi: 3.0.0\ninfo: {title: t, version: '1'}\n")
    (tmp_path / "gt.config.json").write_text('{"files": {"json": {"openapi": "x.json"}}}')
    (tmp_path / "docs.json").write_text('{"name": "x", "api": {"openapi": "api/openapi.json"}}')
    (tmp_path / "broken.json").write_text('{"openapi": "3.0.0", ')
    assert find_spec_files(tmp_path) == ["api/openapi.json", "api/v2.yml", "broken.json"]


def test_swagger_2_is_a_clear_error(loaded: tuple[ApiIndex, Diagnostics]) -> None:
    index, diags = loaded
    [(line, col, msg)] = by_code(diags, "swagger.json")["openapi-version"]
    assert (line, col) == (2, 3)
    assert "Swagger 2.0 is not supported" in msg and "OpenAPI 3" in msg
    assert "swagger.json" not in index.specs


def test_invalid_json_and_yaml_report_line_and_column(loaded: tuple[ApiIndex, Diagnostics]) -> None:
    _, diags = loaded
    [(line, col, msg)] = by_code(diags, "invalid.json")["openapi-syntax"]
    assert (line, col) == (5, 38) and msg.startswith("invalid JSON")
    [(line, _, msg)] = by_code(diags, "invalid.yaml")["openapi-syntax"]
    assert line == 4 and msg.startswith("invalid YAML")
    assert all(d.severity == "error" for d in diags if d.file.startswith("invalid."))


def test_unknown_version_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("openapi: 2.5\ninfo: {}\n")
    (tmp_path / "b.json").write_text("[1, 2]")
    diags = Diagnostics()
    index = load_api_index(tmp_path, ["a.yaml", "b.json", "missing.json"], diags)
    assert len(index) == 0
    codes = sorted((d.file, d.code) for d in diags)
    assert codes == [
        ("a.yaml", "openapi-version"),
        ("b.json", "openapi-version"),
        ("missing.json", "openapi-missing"),
    ]
    assert next(d for d in diags if d.file == "a.yaml").line == 1


def test_bad_refs_become_warnings_at_the_ref_line(loaded: tuple[ApiIndex, Diagnostics]) -> None:
    index, diags = loaded
    codes = by_code(diags, "bad-refs.json")
    assert [c[:1] for c in codes["openapi-ref"]] == [(12,)]
    assert "#/components/schemas/Missing" in codes["openapi-ref"][0][2]
    assert [c[:1] for c in codes["openapi-remote-ref"]] == [(17,)]
    assert [c[:1] for c in codes["openapi-security"]] == [(7,)]
    assert [c[:1] for c in codes["openapi-parameter"]] == [(8,)]
    operation = op(index, "bad-refs.json", "POST", "/a")
    assert operation.parameters == () and operation.security == ()


def test_operation_fields_and_lines(loaded: tuple[ApiIndex, Diagnostics]) -> None:
    index, _ = loaded
    pets = op(index, "composition.yaml", "POST", "/pets")
    assert (pets.operation_id, pets.summary, pets.tags) == ("addPet", "Add a pet", ("pets",))
    assert pets.spec_file == "composition.yaml" and pets.pointer == "/paths/~1pets/post"
    assert pets.line == 9
    patch = op(index, "composition.yaml", "PATCH", "/pets/{petId}")
    assert patch.line == 49 and patch.parameters[0].required  # path params always required
    assert op(index, "circular.json", "POST", "/trees").line == 7


def test_circular_refs_are_cut_once_and_marked(loaded: tuple[ApiIndex, Diagnostics]) -> None:
    index, _ = loaded
    trees = op(index, "circular.json", "POST", "/trees")
    assert trees.request_body is not None
    node = trees.request_body.contents[0].schema
    assert node is not None and node.ref_name == "Node"
    props = {p.name: p for p in node.properties}
    assert props["name"].required and not props["children"].required
    assert props["children"].schema.items is not None
    assert props["children"].schema.items.recursive == "Node"
    assert props["parent"].schema.recursive == "Node"
    # a keyword beside the $ref (3.1) is kept where the loop is cut: it was lost
    assert props["parent"].schema.description == "The parent node"
    person = trees.responses[0].contents[0].schema
    assert person is not None
    pet = next(p for p in person.properties if p.name == "pet").schema
    assert next(p for p in pet.properties if p.name == "owner").schema.recursive == "Person"


def test_all_of_merges_and_one_of_lists_alternatives(loaded: tuple[ApiIndex, Diagnostics]) -> None:
    index, _ = loaded
    pets = op(index, "composition.yaml", "POST", "/pets")
    assert pets.request_body is not None and pets.request_body.required
    body = pets.request_body.contents[0].schema
    assert body is not None and body.types == ("object",)
    assert [(p.name, p.required) for p in body.properties] == [
        ("name", True),
        ("tag", False),
        ("kind", True),
    ]
    created = pets.responses[0].contents[0].schema
    assert created is not None and created.alternative_kind == "oneOf"
    assert [a.title or a.ref_name for a in created.alternatives] == ["Cat", "Dog"]
    bad = pets.responses[1].contents[0].schema
    assert bad is not None and bad.alternative_kind == "anyOf"
    assert [a.types for a in bad.alternatives] == [("object",), ("string",)]


def test_31_type_arrays_nullable_and_keywords(loaded: tuple[ApiIndex, Diagnostics]) -> None:
    index, _ = loaded
    patch = op(index, "composition.yaml", "PATCH", "/pets/{petId}")
    assert patch.request_body is not None
    schema = patch.request_body.contents[0].schema
    assert schema is not None
    props = {p.name: p.schema for p in schema.properties}
    assert props["nickname"].types == ("string",) and props["nickname"].nullable
    assert dict(props["nickname"].constraints) == {"minLength": 2, "maxLength": 20}
    assert props["weight"].types == ("number",) and props["weight"].nullable
    assert props["age"].has_default and props["age"].default == 1
    assert props["birthday"].deprecated and props["birthday"].format == "date"
    assert props["id"].read_only and props["secret"].write_only
    assert props["tags"].additional is not None and props["tags"].additional.types == ("string",)
    assert props["color"].enum == ("black", "white", "ginger")
    assert props["color"].examples == ("ginger",)
    assert dict(props["code"].constraints) == {"pattern": "^[A-Z]{3}$"}


def test_cross_file_refs(loaded: tuple[ApiIndex, Diagnostics]) -> None:
    index, diags = loaded
    item = op(index, "crossfile/main.yaml", "GET", "/items/{itemId}")
    assert [(p.name, p.location, p.description) for p in item.parameters] == [
        ("itemId", "path", "The item id")
    ]
    schema = item.responses[0].contents[0].schema
    assert schema is not None and schema.ref_name == "Item"
    price = next(p for p in schema.properties if p.name == "price").schema
    assert [p.name for p in price.properties] == ["amount", "currency"]
    assert [r.status for r in item.responses] == ["200", "404", "500"]
    assert item.responses[1].description == "Not found"
    orders = op(index, "crossfile/main.yaml", "POST", "/orders")
    assert orders.spec_file == "crossfile/main.yaml" and orders.line == 6
    order = orders.request_body.contents[0].schema if orders.request_body else None
    assert order is not None and order.properties[0].schema.items is not None
    assert order.properties[0].schema.items.ref_name == "Item"
    [(line, _, msg)] = by_code(diags, "crossfile/main.yaml")["openapi-ref"]
    assert line == 27 and "DoesNotExist" in msg


def test_servers_and_security_are_effective_per_operation(
    loaded: tuple[ApiIndex, Diagnostics],
) -> None:
    index, _ = loaded
    users = op(index, "servers.json", "GET", "/users")
    assert [s.resolved_url for s in users.servers] == [
        "https://eu.api.example.com/v2",
        "https://sandbox.example.com/v2",
    ]
    assert [[s.key for s in r.schemes] for r in users.security] == [["bearer"]]
    admin = op(index, "servers.json", "GET", "/admin")
    assert [s.url for s in admin.servers] == ["https://admin.example.com"]
    assert [[s.key for s in r.schemes] for r in admin.security] == [["key"], ["basic"]]
    post = op(index, "servers.json", "POST", "/admin")
    assert [s.url for s in post.servers] == ["https://op.example.com/base"]
    assert post.security[0].scopes == (("write",), ())
    public = op(index, "servers.json", "DELETE", "/admin")
    assert public.security == () and public.deprecated


def test_webhooks(loaded: tuple[ApiIndex, Diagnostics]) -> None:
    index, _ = loaded
    res = index.resolve("webhooks.yaml webhook orderUpdated", "x.mdx", [])
    assert res.operation is not None
    assert res.operation.webhook == "orderUpdated" and res.operation.method == "POST"
    assert res.operation.ref == "webhook orderUpdated"


def test_extensions(loaded: tuple[ApiIndex, Diagnostics]) -> None:
    index, _ = loaded
    upload = op(index, "examples.json", "POST", "/upload")
    assert [(s.lang, s.label) for s in upload.x_code_samples] == [("python", "SDK")]
    assert upload.x_codeSamples == upload.x_code_samples
    assert op(index, "examples.json", "GET", "/hidden").hidden
    assert op(index, "examples.json", "GET", "/excluded").excluded
    assert op(index, "examples.json", "GET", "/custom").x_mint == {"href": "/custom-page"}
    assert op(index, "examples.json", "GET", "/untagged").title == "Get untagged"


@pytest.mark.parametrize(
    ("pointer", "expected"),
    [
        ("/paths/~1pets/post", (9, 5)),
        ("/paths/~1pets/post/requestBody/content/application~1json", (16, 11)),
        ("/paths/~1pets/post/nothing-here", (9, 5)),
        ("/components/schemas/Base/properties/name", (95, 9)),
    ],
)
def test_yaml_pointer_positions(pointer: str, expected: tuple[int, int]) -> None:
    src = read_source(SPECS / "composition.yaml", "composition.yaml", Diagnostics())
    assert isinstance(src, SpecSource) and src.position(pointer) == expected


@pytest.mark.parametrize(
    ("pointer", "expected"),
    [
        ("/paths/~1trees/post", (7, 7)),
        ("/components/schemas/Node/properties/children/items", (29, 41)),
        ("/servers/0/url", (4, 16)),
        ("/missing", (1, 1)),
    ],
)
def test_json_pointer_positions(pointer: str, expected: tuple[int, int]) -> None:
    src = read_source(SPECS / "circular.json", "circular.json", Diagnostics())
    assert isinstance(src, SpecSource) and src.position(pointer) == expected
