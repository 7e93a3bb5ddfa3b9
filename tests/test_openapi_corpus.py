"""The shared corpora: every ModelsLab `openapi:` page resolves (or is explained) and renders."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from mintrender.errors import Diagnostics
from mintrender.openapi import (
    ApiIndex,
    ApiOptions,
    Operation,
    Schema,
    find_spec_files,
    load_api_index,
    render_operation,
)

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
MODELSLAB = CORPORA / "modelslab"
MINTLIFY = CORPORA / "mintlify-docs"

pytestmark = pytest.mark.corpus

# REF-1 of conventions-modelslab.md: frontmatter paths that exist in no spec at all.
EXPECTED_UNRESOLVED = {
    "enterprise-api/flux/fetch.mdx",
    "enterprise-api/flux/update-server.mdx",
    "enterprise-api/flux-2-dev/fetch.mdx",
    "enterprise-api/flux-2-dev/update-server.mdx",
    "enterprise-api/z-image-turbo/fetch.mdx",
    "enterprise-api/z-image-turbo/update-server.mdx",
    "enterprise-api/flux-klein/fetch.mdx",
    "enterprise-api/realtime/clear-cache.mdx",
    "enterprise-api/realtime/clear-queue.mdx",
    "enterprise-api/realtime/restart-server.mdx",
    "enterprise-api/realtime/system-details.mdx",
    "enterprise-api/realtime/update-server.mdx",
    "enterprise-api/super-resolution/restart-server.mdx",
    "enterprise-api/super-resolution/system-details.mdx",
    "enterprise-api/super-resolution/update-server.mdx",
    "enterprise-api/uncensored-chat/clear-cache.mdx",
    "enterprise-api/uncensored-chat/clear-queue.mdx",
    "enterprise-api/uncensored-chat/restart-server.mdx",
    "enterprise-api/voice-cloning/system-details.mdx",
    "enterprise-api/voice-cloning/update-server.mdx",
}
# The 21st page of REF-1: not in its folder's spec, found (only) in another folder's spec.
BOUND_ELSEWHERE = {
    "enterprise-api/realtime/fetchimage.mdx": "image-generation/realtime-stable-diffusion/openapi.json"
}


def md(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def hl(code: str, lang: str, title: str) -> str:
    return f'<pre data-lang="{lang}"><code>{html.escape(code)}</code></pre>'


def frontmatter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    m = re.match(r"^---\s*\n(.*?)\n---\s*(\n|$)", text, re.S)
    if not m:
        return {}
    data = yaml.safe_load(m.group(1)) or {}
    return {str(k).strip(): v for k, v in data.items()} if isinstance(data, dict) else {}


def openapi_pages(root: Path) -> Iterator[tuple[str, str]]:
    for path in sorted(root.rglob("*.mdx")):
        rel = path.relative_to(root).as_posix()
        if any(part.startswith(".") for part in rel.split("/")):
            continue
        ref = frontmatter(path).get("openapi")
        if isinstance(ref, str):
            yield rel, ref


def names(schema: Schema | None, depth: int = 0) -> Iterator[str]:
    """Property names of a schema tree (as the view shows them)."""
    if schema is None or schema.recursive or depth > 6:
        return
    target = schema
    while target.items is not None and "array" in target.types:
        target = target.items
    for prop in target.properties:
        yield prop.name
        yield from names(prop.schema, depth + 1)
    for alt in target.alternatives:
        inner = alt.items if alt.items is not None and "array" in alt.types else alt
        if inner is not None and not inner.recursive:
            for prop in inner.properties:
                yield prop.name
                yield from names(prop.schema, depth + 1)


@pytest.fixture(scope="module")
def modelslab() -> tuple[ApiIndex, Diagnostics]:
    if not MODELSLAB.is_dir():
        pytest.skip("ModelsLab corpus not available")
    diags = Diagnostics()
    return load_api_index(MODELSLAB, find_spec_files(MODELSLAB), diags), diags


def test_modelslab_specs_load_cleanly(modelslab: tuple[ApiIndex, Diagnostics]) -> None:
    index, diags = modelslab
    assert [d.format() for d in diags] == []
    assert len(index.specs) == 38 and len(index) == 232


def test_modelslab_resolution_figures(modelslab: tuple[ApiIndex, Diagnostics]) -> None:
    index, _ = modelslab
    resolved, unresolved, ambiguous, multi = [], [], [], []
    for rel, ref in openapi_pages(MODELSLAB):
        res = index.resolve(ref, rel, [])
        if res.operation is None:
            unresolved.append(rel)
            assert res.problem and "was not found in" in res.problem
            continue
        resolved.append(rel)
        if res.ambiguous:
            ambiguous.append(rel)
        if len(res.candidates) > 1:
            multi.append(rel)
        if rel in BOUND_ELSEWHERE:
            assert res.operation.spec_file == BOUND_ELSEWHERE[rel]
            assert res.problem and "not in enterprise-api/realtime/openapi.json" in res.problem
        else:  # every other page binds to the spec of its own folder
            assert res.operation.spec_file == rel.rsplit("/", 1)[0] + "/openapi.json", rel
            assert res.problem is None
    assert len(resolved) + len(unresolved) == 232
    assert set(unresolved) == EXPECTED_UNRESOLVED
    assert len(resolved) == 212  # 211 in their folder's spec + fetchimage
    assert ambiguous == []
    assert len(multi) == 24  # REF-2: the same METHOD /path exists in another spec too


def test_modelslab_near_miss_messages(modelslab: tuple[ApiIndex, Diagnostics]) -> None:
    index, _ = modelslab
    cases = {
        "enterprise-api/flux/fetch.mdx": "'POST /flux/fetch/{id}' (longer path)",
        "enterprise-api/voice-cloning/update-server.mdx": "hyphen/underscore",
        "enterprise-api/realtime/clear-cache.mdx": "'POST /enterprise/realtime/clear_cache'",
        "enterprise-api/flux/update-server.mdx": "enterprise-api/flux/openapi.json has POST",
    }
    refs = dict(openapi_pages(MODELSLAB))
    for rel, hint in cases.items():
        res = index.resolve(refs[rel], rel, [])
        assert res.problem is not None and hint in res.problem, res.problem


def test_enterprise_ops_bind_to_their_folder_and_show_its_server(
    modelslab: tuple[ApiIndex, Diagnostics],
) -> None:
    index, _ = modelslab
    res = index.resolve('"POST /flux/clear_cache"', "enterprise-api/flux/clear-cache.mdx", [])
    assert res.operation is not None
    assert res.operation.spec_file == "enterprise-api/flux/openapi.json"
    assert len(res.candidates) == 3 and not res.ambiguous
    view = render_operation(res.operation, options=ApiOptions(), markdown=md, highlight=hl)
    url = "https://modelslab.com/api/v1/enterprise/flux/clear_cache"
    assert f'data-url="{url}"' in view.header_html
    assert f"--url &#x27;{url}&#x27;" in view.aside_html


def check_view(op: Operation, page: str) -> None:
    view = render_operation(op, options=ApiOptions(), markdown=md, highlight=hl)
    everything = view.header_html + view.body_html + view.aside_html
    assert op.method in view.header_html, page
    base = op.servers[0].resolved_url if op.servers else ""
    assert f'data-url="{html.escape(base + op.path)}"' in view.header_html, page
    assert html.escape(base + op.path, quote=True) in view.aside_html, page
    for p in op.parameters:
        assert f'data-field="{p.name}"' in view.body_html, (page, p.name)
    if op.request_body:
        for media in op.request_body.contents:
            for name in names(media.schema):
                assert f'data-field="{html.escape(name)}"' in view.body_html, (page, name)
    for resp in op.responses:
        assert f'data-tab-title="{resp.status}"' in view.body_html, (page, resp.status)
        for media in resp.contents:
            for name in names(media.schema):
                assert f'data-field="{html.escape(name)}"' in view.body_html, (page, name)
    assert "<script" not in view.body_html + view.aside_html
    assert everything.count('data-component="api-playground-data"') == 1


def test_modelslab_every_resolved_page_renders_everything(
    modelslab: tuple[ApiIndex, Diagnostics],
) -> None:
    index, _ = modelslab
    count = 0
    for rel, ref in openapi_pages(MODELSLAB):
        res = index.resolve(ref, rel, [])
        if res.operation is not None:
            check_view(res.operation, rel)
            count += 1
    assert count == 212


def test_modelslab_every_operation_renders(modelslab: tuple[ApiIndex, Diagnostics]) -> None:
    index, _ = modelslab
    for op in index.operations():
        check_view(op, f"{op.spec_file} {op.ref}")


def test_mintlify_docs_specs_load_without_errors() -> None:
    if not MINTLIFY.is_dir():
        pytest.skip("mintlify-docs corpus not available")
    files = find_spec_files(MINTLIFY)
    assert "openapi.json" in files and "analytics.openapi.json" in files
    assert not any("asyncapi" in f for f in files)
    assert "gt.config.json" not in files
    diags = Diagnostics()
    index = load_api_index(MINTLIFY, files, diags)
    assert [d.format() for d in diags] == []
    assert len(index.specs) == len(files) == 24
    for op in index.operations():
        view = render_operation(op, options=ApiOptions(), markdown=md, highlight=hl)
        assert op.method in view.header_html or op.webhook
    resolved, missing = 0, []
    for rel, ref in openapi_pages(MINTLIFY):
        if rel.startswith(("api/", "es/api/", "fr/api/", "zh/api/")):
            res = index.resolve(ref, rel, [])
            if res.operation is None:
                missing.append(rel)
                # translated specs lag behind: the English spec has the operation
                assert "exists in analytics.openapi.json" in (res.problem or ""), res.problem
            else:
                resolved += 1
    assert resolved > 80
    lagging = ("feedback-by-page", "searches", "views", "visitors")
    assert sorted(missing) == [
        f"{lang}/api/analytics/{page}.mdx" for lang in ("es", "fr", "zh") for page in lagging
    ]
