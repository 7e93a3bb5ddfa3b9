"""`render_operation` and `render_manual_endpoint`: HTML of API pages from the templates."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

import jinja2
from markupsafe import Markup

from mintrender.openapi.fields import (
    MAX_DEPTH,
    MAX_FIELDS,
    AnchorSet,
    FieldBuilder,
    FieldView,
    Markdown,
    SchemaView,
)
from mintrender.openapi.languages import (
    LANGUAGES,
    canonical_language,
    highlight_language,
    language_label,
)
from mintrender.openapi.model import (
    MediaType,
    Operation,
    Response,
    Server,
)
from mintrender.openapi.playground import embed_json, playground_data
from mintrender.openapi.samples import MAX_EXAMPLE_VALUES, Mode, media_examples
from mintrender.openapi.view import (
    TEMPLATES_DIR,
    ApiOptions,
    ApiSection,
    ApiView,
    Highlight,
    _default_env,
    _path_html,
    _pick_media,
    auth_rows,
    build_http_request,
    method_pill_html,
)
from mintrender.themes.uitext import language_key, ui_text


def _env(templates: jinja2.Environment | None, language: str = "") -> jinja2.Environment:
    """The API templates for a page in `language` (its code; the theme's words)."""
    return templates or _default_env(str(TEMPLATES_DIR), language_key(language))


def _walk_names(fields: Iterable[FieldView]) -> Iterable[str]:
    for f in fields:
        yield f.name
        yield from _walk_names(f.children)
        for opt in f.options:
            yield from _walk_names(opt.fields)


_TAG = re.compile(r"<[^>]+>")
_MARKS = re.compile(r"[`*#\[\]]|\(https?://[^)]*\)")


def _plain(md: str) -> str:
    text = html.unescape(_TAG.sub(" ", md)) if "<" in md else html.unescape(md)
    text = _MARKS.sub("", text)
    return " ".join(text.split())


def _status_kind(status: str) -> str:
    return {"2": "success", "3": "redirect", "4": "error", "5": "error"}.get(status[:1], "neutral")


def _header_html(
    env: jinja2.Environment,
    method: str,
    path: str,
    servers: Sequence[Server],
    deprecated: bool,
    options: ApiOptions,
    playground: dict[str, Any] | None,
) -> str:
    urls = [s.resolved_url for s in servers]
    return env.get_template("api/endpoint.html").render(
        method=method,
        method_pill=Markup(method_pill_html(method)),
        path=path,
        path_html=_path_html(path),
        servers=[
            {"url": u or "/", "description": s.description}  # `/`: the site's own host
            for u, s in zip(urls, servers, strict=True)
        ],
        # one server: the path alone, unless `api.url: "full"` (openapi.md §2); several: a menu
        base_url=urls[0] if urls and options.url_full else "",
        full_url=(urls[0] if urls else "") + path,
        deprecated=deprecated,
        mode=options.playground,
        playground_json=Markup(embed_json(playground)) if playground else "",
    )


def _request_samples(
    op_samples: Sequence[tuple[str, str, str]],
    requests: Sequence[tuple[str, Any]],
    options: ApiOptions,
    highlight: Highlight,
) -> list[dict[str, Any]]:
    """Tabs: `x-codeSamples` first, one per language, then the generated languages they do not
    cover. Several samples of one language: its tab is named after the language, its samples
    are chosen by label, and the labels of the operation's other samples name variants too,
    not tabs; else a sample's label names its tab. `requests`: (label, request) for each of
    the body's named examples (one: no choice), chosen by label in each generated tab."""
    tabs: list[dict[str, Any]] = []
    by_language: dict[str, list[dict[str, Any]]] = {}
    for lang, label, source in op_samples:
        html = Markup(highlight(source, highlight_language(lang), ""))
        by_language.setdefault(canonical_language(lang), []).append(
            {"lang": lang, "label": label, "html": html}
        )
    covered = set(by_language)
    labels: set[str] = set()
    variants_named = any(len(samples) > 1 for samples in by_language.values())
    for samples in by_language.values():
        name = language_label(samples[0]["lang"])
        label = name if variants_named else samples[0]["label"] or name
        if label in labels:
            label = f"{label} ({len(tabs) + 1})"
        labels.add(label)
        seen: set[str] = set()
        for k, sample in enumerate(samples):
            sample["label"] = sample["label"] or f"{name} {k + 1}"
            if sample["label"] in seen:
                sample["label"] = f"{sample['label']} ({k + 1})"
            seen.add(sample["label"])
        variants = samples if len(samples) > 1 else []
        tabs.append({"label": label, "html": samples[0]["html"], "variants": variants})
    if options.autogenerate or not tabs:
        for lang in options.languages:
            if lang in covered or lang not in LANGUAGES:
                continue
            label, hl, generate = LANGUAGES[lang]
            made = [
                {"label": name, "html": Markup(highlight(generate(request), hl, ""))}
                for name, request in requests
            ]
            variants = made if len(made) > 1 else []
            tabs.append({"label": label, "html": made[0]["html"], "variants": variants})
    return tabs


def _named_requests(op: Operation, options: ApiOptions) -> list[tuple[str, Any]]:
    """(label, request) for each named example of the request body (`examples` with their
    `summary`: amp-labs' "Single record" and "Batch write"), or the one request."""
    servers = () if op.webhook else op.servers
    media = _pick_media(op.request_body.contents) if op.request_body else None
    count = len(media.examples) if media is not None and len(media.examples) > 1 else 1
    return [
        (
            media.examples[i].summary or media.examples[i].name if count > 1 and media else "",
            build_http_request(
                op.method, servers, op.path, op.security, op.parameters, op.request_body, options, i
            ),
        )
        for i in range(count)
    ]


def _example_code(value: Any) -> tuple[str, str]:
    if isinstance(value, str):
        return value, "text"
    return json.dumps(value, indent=2, ensure_ascii=False), "json"


def _response_examples(responses: Sequence[Response], highlight: Highlight) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for resp in responses:
        media = _pick_media(resp.contents)
        named = media_examples(media, mode="response")
        if not named:
            continue
        items = []
        for ex in named:
            if ex.value is None and ex.external_value:
                code, lang = ex.external_value, "text"
            else:
                code, lang = _example_code(ex.value)
            items.append(
                {
                    "label": ex.summary or ex.name,
                    "html": Markup(highlight(code, lang, "")),
                    "audio": ex.external_value
                    if media and media.content_type.startswith("audio/")
                    else "",
                }
            )
        out.append({"status": resp.status, "kind": _status_kind(resp.status), "examples": items})
    return out


def _aside_html(
    env: jinja2.Environment,
    method: str,
    title: str,
    samples: list[dict[str, Any]],
    responses: list[dict[str, Any]],
) -> str:
    return env.get_template("api/examples.html").render(
        method_pill=Markup(method_pill_html(method)),
        title=title,
        samples=samples,
        responses=responses,
    )


def _content_views(
    contents: Sequence[MediaType], builder: FieldBuilder, prefix: str, mode: Mode, name: str
) -> list[dict[str, Any]]:
    out = []
    for m in contents:
        view = builder.schema_view(m.schema, prefix, mode, name)
        out.append({"type": m.content_type, "view": view})
    return out


def limit_message(op: Operation) -> str:
    """The `openapi-limit` warning for `op`, reported at the operation in its spec."""
    return (
        f"the reference of {op.method} {op.path} would show more than {MAX_FIELDS:,} fields, "
        f"fields nested more than {MAX_DEPTH} levels deep or examples of more than "
        f"{MAX_EXAMPLE_VALUES:,} values; it is cut short"
    )


def render_operation(
    op: Operation,
    *,
    options: ApiOptions,
    markdown: Markdown,
    highlight: Highlight,
    templates: jinja2.Environment | None = None,
    page_title: str | None = None,
) -> ApiView:
    """Header, body and examples of a spec operation; `page_title`: the page's (frontmatter),
    which the examples panel shows instead of the operation's."""
    env = _env(templates, options.language)
    anchors = AnchorSet()
    builder = FieldBuilder(
        markdown, anchors, expanded=options.expanded == "all", post_keys=options.params_post
    )
    method = "WEBHOOK" if op.webhook else op.method
    optional = any(not req.schemes for req in op.security)  # `security: [{}, …]`
    auth: list[dict[str, Any]] = [
        {
            "label": " + ".join(s.key for s in req.schemes),
            "fields": auth_rows(req, builder, required=not optional),
        }
        for req in op.security
        if req.schemes
    ]
    groups: list[dict[str, Any]] = []
    words = ui_text(options.language)
    for location, title in (
        ("path", words["path_parameters"]),
        ("query", words["query_parameters"]),
        ("header", words["headers"]),
        ("cookie", words["cookies"]),
    ):
        params = [p for p in op.parameters if p.location == location]
        if params:
            rows = [builder.parameter(p) for p in params]
            groups.append({"title": title, "id": f"api-{location}-parameters", "fields": rows})
    body = _body_view(op, builder, "param")
    responses = _responses_view(op, builder, "response")
    callbacks: list[dict[str, Any]] = [
        {
            "name": cb.name,
            "id": anchors.take(f"callback-{cb.name}"),
            "operations": [
                {
                    "method_pill": Markup(method_pill_html(cop.method)),
                    "path": cop.path,
                    "summary": cop.summary,
                    "description_html": builder._md(cop.description),
                    "body": _body_view(cop, builder, f"callback-{cb.name}-param"),
                    "responses": _responses_view(cop, builder, f"callback-{cb.name}-response"),
                }
                for cop in cb.operations
            ],
        }
        for cb in op.callbacks
    ]
    body_html = env.get_template("api/reference.html").render(
        auth=auth, groups=groups, body=body, responses=responses, callbacks=callbacks
    )

    playground = None
    # no server to send to: the playground is simple (Mintlify's openapi-setup: "without a
    # base URL, requests cannot be sent"), not a form posting to the docs site's own host
    if options.playground == "interactive" and (op.servers or op.webhook):
        playground = playground_data(
            op.method,
            op.path,
            op.servers,
            op.security,
            op.parameters,
            op.request_body,
            prefill=options.prefill,
            credentials=options.credentials,
        )
    # a webhook is sent to the reader's own endpoint: no server of the API's in its header,
    # and its sample is the payload it carries (code to send it would go nowhere)
    servers = () if op.webhook else op.servers
    header_html = _header_html(
        env,
        method,
        op.path,
        servers,
        op.deprecated,
        options,
        playground if not op.webhook else None,
    )
    requests = _named_requests(op, options)
    request = requests[0][1]
    op_samples = [(s.lang, s.label, s.source) for s in op.x_code_samples]
    if op.webhook and not op_samples:
        payload = request.body_text() if request.body_kind != "none" else ""
        lang = "json" if request.body_kind == "json" else "text"
        samples = [{"label": "Payload", "html": Markup(highlight(payload, lang, ""))}]
        samples = samples if payload else []
    else:
        samples = _request_samples(op_samples, requests, options, highlight)
    examples = _response_examples(op.responses, highlight)
    title = page_title or op.title
    aside_html = _aside_html(env, method, title, samples, examples)

    def aside_part(kind: str) -> str:
        if kind == "request":
            return _aside_html(env, method, title, samples, []) if samples else ""
        return _aside_html(env, method, title, [], examples) if examples else ""

    all_fields: list[FieldView] = [f for a in auth for f in a["fields"]]
    all_fields += [f for g in groups for f in g["fields"]]
    body_fields = [f for c in (body or {}).get("contents", []) for f in _view_fields(c["view"])]
    resp_fields = [f for r in responses for c in r["contents"] for f in _view_fields(c["view"])]
    names = list(dict.fromkeys(_walk_names([*all_fields, *body_fields, *resp_fields])))
    sections = _sections(op, groups, body_fields, resp_fields, words)
    if callbacks:
        cb_fields = [
            f
            for cb in callbacks
            for cop in cb["operations"]
            for part in ([cop["body"]] if cop["body"] else []) + cop["responses"]
            for c in part["contents"]
            for f in _view_fields(c["view"])
        ]
        names += [n for n in dict.fromkeys(_walk_names(cb_fields)) if n not in names]
        text = " ".join([*(cb["name"] for cb in callbacks), _describe(cb_fields)])
        sections.append(ApiSection(words["callbacks"], "api-callbacks", text))
    return ApiView(header_html, body_html, aside_html, sections, names, aside_part)


def _body_view(op: Operation, builder: FieldBuilder, prefix: str) -> dict[str, Any] | None:
    if op.request_body is None or not op.request_body.contents:
        return None
    contents = _content_views(op.request_body.contents, builder, prefix, "request", "body")
    description = builder._md(op.request_body.description)
    if description and all(c["view"].description_html == description for c in contents):
        description = ""  # the schema says the same (Permify's generator copies it): once
    return {
        "required": op.request_body.required,
        "description_html": description,
        "contents": contents,
    }


def _responses_view(op: Operation, builder: FieldBuilder, prefix: str) -> list[dict[str, Any]]:
    return [
        {
            "status": r.status,
            "kind": _status_kind(r.status),
            "description_html": builder._md(r.description),
            "contents": _content_views(r.contents, builder, prefix, "response", "response"),
            "headers": [builder.parameter(h, f"{prefix}-header") for h in r.headers],
        }
        for r in op.responses
    ]


def _view_fields(view: SchemaView) -> list[FieldView]:
    return [*view.fields, *(f for o in view.options for f in o.fields)]


def _describe(fields: Iterable[FieldView]) -> str:
    parts = []
    for f in fields:
        parts.append(f"{f.name} {_plain(f.description_html)}".strip())
        parts.append(_describe(f.children))
        for o in f.options:
            parts.append(_describe(o.fields))
    return " ".join(p for p in parts if p)


def _sections(
    op: Operation,
    groups: list[dict[str, Any]],
    body_fields: list[FieldView],
    resp_fields: list[FieldView],
    words: dict[str, str],
) -> list[ApiSection]:
    top = f"{op.method} {op.path} {op.summary} {_plain(op.description)}".strip()
    sections = [ApiSection(op.title, "", top)]
    for g in groups:
        sections.append(ApiSection(g["title"], g["id"], _describe(g["fields"])))
    if body_fields:
        sections.append(ApiSection(words["body"], "api-body", _describe(body_fields)))
    if resp_fields:
        sections.append(ApiSection(words["response"], "api-response", _describe(resp_fields)))
    return sections
