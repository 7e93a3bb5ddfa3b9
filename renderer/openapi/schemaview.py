"""`render_schema`: the view of an `openapi-schema:` page, a component schema as a field tree.

The schema's rows are the ones request and response bodies use (expandable nested objects,
`oneOf` tabs, enums, constraints, examples); its example sits in the right column.
"""

from __future__ import annotations

import json

import jinja2
from markupsafe import Markup

from mintrender.openapi.fields import AnchorSet, FieldBuilder, Markdown, type_label
from mintrender.openapi.model import Schema
from mintrender.openapi.reference import _describe, _env, _view_fields, _walk_names
from mintrender.openapi.samples import schema_example
from mintrender.openapi.view import ApiOptions, ApiSection, ApiView, Highlight


def render_schema(
    name: str,
    schema: Schema,
    *,
    options: ApiOptions,
    markdown: Markdown,
    highlight: Highlight,
    templates: jinja2.Environment | None = None,
) -> ApiView:
    """Body (the schema's fields) and aside (its example) of a schema page."""
    env = _env(templates, options.language)
    builder = FieldBuilder(markdown, AnchorSet(), expanded=options.expanded == "all")
    view = builder.schema_view(schema, "schema", "response", name)
    body_html = env.get_template("api/schema.html").render(
        title=schema.title or name, type_label=type_label(schema), view=view
    )
    example = schema_example(schema, mode="response")
    code = example if isinstance(example, str) else json.dumps(example, indent=2)
    lang = "text" if isinstance(example, str) else "json"
    aside_html = env.get_template("api/examples.html").render(
        method_pill="",
        title=name,
        samples=[{"label": "Example", "html": Markup(highlight(code, lang, ""))}],
        responses=[],
    )
    fields = _view_fields(view)
    names = list(dict.fromkeys(_walk_names(fields)))
    sections = [ApiSection(name, "api-schema", f"{name} {_describe(fields)}".strip())]
    return ApiView("", body_html, aside_html, sections, names)
