"""API fields: `ParamField` and `ResponseField` rows (look.md §2 "Field row").

<ParamField body="user.name" type="string" required default="x" enum="a,b" min="1" max="9">
  Description, maybe an <Expandable> of nested fields.
</ParamField>
-> <div class="mr-field mr-api-field field" id="param-user-name" data-field="user.name">
     <div class="mr-field__head mr-api-field__head">
       <a class="mr-field__link mr-api-field__link" href="#param-user-name" …><svg …/></a>
       <span class="mr-field__name mr-api-field__name">user.name</span>
       <span class="mr-pill mr-pill--type mr-api-pill mr-api-pill--type">string</span>
       <span class="mr-pill mr-api-pill">default: x</span>
       <span class="mr-pill mr-pill--required mr-api-pill mr-api-pill--required">required</span>
     </div>
     <div class="mr-field__desc mr-api-field__desc">Description…</div>
     <div class="mr-field__meta mr-api-field__meta">Available options: <code>a</code>, …</div>
     <div class="mr-field__meta mr-api-field__meta">Required range: <code>1 &lt;= x &lt;= 9</code></div>
     …nested Expandable…</div>

The class names are those of the generated API reference (themes/mint/templates/api/fields.html)
so both look the same. Each ParamField also lands in `ctx.fields` for manual API pages.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from mintrender.components._markdown import MdNode, indent, str_prop, truthy
from mintrender.components._spec import FIELD_NAME_KEYS, Child, ComponentSpec, Node
from mintrender.components._util import (
    LINK_ICON,
    coerce_bool,
    esc,
    extra_class,
    is_set,
    rebuild,
    strip_tags,
    text_prop,
)

if TYPE_CHECKING:
    from mintrender.components._markdown import MarkdownOut
    from mintrender.components._spec import RenderCtx

LOCATIONS = ("query", "path", "body", "header")
_NESTED = ("Expandable",)


def _pill(text: str, kind: str | None = None) -> str:
    classes = "mr-pill mr-api-pill"
    if kind:
        classes = f"mr-pill mr-pill--{kind} mr-api-pill mr-api-pill--{kind}"
    body = esc(text)
    if "<" in text:  # generic types (`ReactElement<StepProps>[]`) are code, and marked as such
        body = f'<code class="mr-pill__code">{body}</code>'
    return f'<span class="{classes}">{body}</span>'


def _value_text(value: Any) -> str | None:
    """A default/enum value as shown: strings as written, JSON for the rest."""
    if not is_set(value):
        return None
    if isinstance(value, str):
        return value or '""'  # the empty string, shown as one (a bare "default: " reads cut)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return str(value)


def parse_enum(value: Any) -> list[str]:
    """`"a,b,c"`, `"[21, 31, 41]"`, `'["a", "b"]'` or a list -> ["a", "b", "c"]."""
    if isinstance(value, (list, tuple)):
        return [v for v in (_value_text(x) for x in value) if v is not None]
    if not isinstance(value, str) or not value.strip():
        return []
    text = value.strip()
    if text.startswith("["):
        try:
            parsed = json.loads(text)
        except ValueError:
            text = text.strip("[]")
        else:
            if isinstance(parsed, list):
                return parse_enum(parsed)
    return [part.strip().strip("\"'") for part in re.split(r"[,|]", text) if part.strip()]


def _labels(value: Any) -> list[str]:
    """`pre` / `post`: a string[] of labels (a lone string is one label)."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if isinstance(v, (str, int, float))]
    return []


def _unique_anchor(ctx: RenderCtx, anchor: str | None) -> str | None:
    if not anchor:
        return None
    used: set[str] = ctx.data.setdefault("field_anchors", set())
    candidate, n = anchor, 2
    while candidate in used:
        candidate, n = f"{anchor}-{n}", n + 1
    used.add(candidate)
    return candidate


def _range(props: dict[str, Any]) -> str | None:
    low, high = text_prop(props, "min"), text_prop(props, "max")
    if low is not None and high is not None:
        return f"{low} <= x <= {high}"
    if low is not None:
        return f"x >= {low}"
    if high is not None:
        return f"x <= {high}"
    return None


def field_html(
    node: Node,
    ctx: RenderCtx,
    *,
    name: str,
    type_label: str | None,
    pills: list[str],
    meta: list[tuple[str, list[str]]],
    pre: list[str] | None = None,
) -> str:
    """One field row: head (link chip, pre labels, name, pills), description, meta, nested."""
    anchor = _unique_anchor(ctx, node.anchor)
    head = []
    if anchor:
        head.append(
            f'<a class="mr-field__link mr-api-field__link" href="#{esc(anchor)}" '
            f'aria-label="{esc(ctx.text("link_to")).replace("{name}", esc(name))}">{LINK_ICON}</a>'
        )
    head += [_pill(p) for p in pre or []]
    head.append(f'<span class="mr-field__name mr-api-field__name">{esc(name)}</span>')
    if type_label:
        head.append(_pill(type_label, "type"))
    head += pills
    nested: list[str] = []  # from the first Expandable on, in source order (a Note after it)

    def split(index: int, child: Child) -> str:
        if child.name in _NESTED or nested:
            nested.append(child.html)
            return ""
        return child.html

    description = (
        rebuild(node, split) if any(c.name in _NESTED for c in node.children) else node.html
    )
    parts = [f'<div class="mr-field__head mr-api-field__head">{"".join(head)}</div>']
    if description.strip():
        parts.append(f'<div class="mr-field__desc mr-api-field__desc">{description}</div>')
    for label, values in meta:
        codes = ", ".join(f"<code>{esc(v)}</code>" for v in values)
        parts.append(f'<div class="mr-field__meta mr-api-field__meta">{esc(label)}: {codes}</div>')
    parts += nested
    classes = "mr-field mr-api-field field"
    extra = extra_class(node)
    if extra:
        classes += f" {extra}"
    id_attr = f' id="{esc(anchor)}"' if anchor else ""
    return f'<div class="{classes}"{id_attr} data-field="{esc(name)}">{"".join(parts)}</div>'


def _status_pills(props: dict[str, Any], ctx: RenderCtx) -> list[str]:
    """The default, required and deprecated pills, in the page's language."""
    pills = []
    default = _value_text(props.get("default"))
    if default is not None:
        pills.append(_pill(f"{ctx.text('default')}: {default}"))
    if coerce_bool(props.get("required")) if "required" in props else False:
        pills.append(_pill(ctx.text("required"), "required"))
    if coerce_bool(props.get("deprecated")) if "deprecated" in props else False:
        pills.append(_pill(ctx.text("deprecated"), "deprecated"))
    return pills


def render_param_field(node: Node, ctx: RenderCtx) -> str:
    """`<ParamField query|path|body|header type required default deprecated placeholder>`, and
    the `pre` / `post` labels ResponseField documents.

    ModelsLab's undocumented `enum`, `min`, `max`, `format`, `nullable`, `initialValue` are
    shown as a type suffix, pills and "Available options" / "Required range" lines.
    """
    props = node.props
    location = next((k for k in LOCATIONS if text_prop(props, k)), None)
    name = text_prop(props, location) if location else text_prop(props, "name")
    if not name:
        ctx.warn(
            node.line,
            "component-props",
            "<ParamField> needs one of query=, path=, body= or header= naming the parameter",
        )
        name = ""
    type_label = text_prop(props, "type")
    fmt = text_prop(props, "format")
    if fmt:
        type_label = f"{type_label}<{fmt}>" if type_label else fmt
    pills = _status_pills(props, ctx)
    if "nullable" in props and coerce_bool(props.get("nullable")):
        pills.append(_pill(ctx.text("nullable")))
    pills += [_pill(p) for p in _labels(props.get("post"))]  # as on ResponseField (4mica)
    enum = parse_enum(props.get("enum"))
    meta: list[tuple[str, list[str]]] = []
    if enum:
        meta.append((ctx.text("available_options"), enum))
    rng = _range(props)
    if rng:
        meta.append((ctx.text("constraint_range"), [rng]))
    out = field_html(
        node,
        ctx,
        name=name,
        type_label=type_label,
        pills=pills,
        meta=meta,
        pre=_labels(props.get("pre")),
    )
    _record(node, ctx, out, name=name, location=location or "body", enum=enum)
    return out


def _record(
    node: Node, ctx: RenderCtx, out: str, *, name: str, location: str, enum: list[str]
) -> None:
    """Append the parameter to `ctx.fields`, claiming the nested fields rendered just before.

    Children render before their parent, so the fields of this one's Expandable are the
    parent-less entries at the end of the list.
    """
    props = node.props
    nested = set(re.findall(r'data-field="([^"]*)"', out)[1:])
    for entry in reversed(ctx.fields):
        if entry["parent"] is not None:
            continue
        if entry["name"] not in nested:
            break
        entry["parent"] = name
    desc = strip_tags(re.sub(r"<details\b.*</details>", "", node.html, flags=re.S))
    ctx.fields.append(
        {
            "name": name,
            "location": location,
            "type": text_prop(props, "type") or "",
            "required": coerce_bool(props.get("required")) if "required" in props else False,
            "default": _value_text(props.get("default")),
            "description": desc,
            "placeholder": text_prop(props, "placeholder"),
            "enum": enum,
            "min": text_prop(props, "min"),
            "max": text_prop(props, "max"),
            "initial": _value_text(props.get("initialValue")),
            "deprecated": coerce_bool(props.get("deprecated")) if "deprecated" in props else False,
            "parent": None,
        }
    )


def render_response_field(node: Node, ctx: RenderCtx) -> str:
    """`<ResponseField name type required default deprecated pre post>` children."""
    props = node.props
    key = next((k for k in FIELD_NAME_KEYS if text_prop(props, k)), None)
    name = (text_prop(props, key) if key else None) or ""
    if key and key != "name":  # `path="output"`: the name it is anchored by, so its label
        ctx.warn(
            node.line,
            "component-props",
            f"<ResponseField> needs a name=; {key}= is a ParamField prop, shown as the name",
        )
    elif not name and not text_prop(props, "type"):  # a type alone is a field (Upstash's `OK`)
        ctx.warn(node.line, "component-props", "<ResponseField> needs a name= or a type=")
    pills = _status_pills(props, ctx)
    pills += [_pill(p) for p in _labels(props.get("post"))]
    return field_html(
        node,
        ctx,
        name=name,
        type_label=text_prop(props, "type"),
        pills=pills,
        meta=[],
        pre=_labels(props.get("pre")),
    )


_NAME_KEYS = ("name", "body", "query", "path", "header", "cookie")


def field_markdown(node: MdNode, out: MarkdownOut) -> str:
    """Markdown: a list item, the name in backticks, then type, required, where; the
    description; the default."""
    props = node.props
    name = next((v for k in _NAME_KEYS if (v := str_prop(props, k))), "")
    where = next((k for k in _NAME_KEYS[1:] if str_prop(props, k)), "")
    bits = []
    ftype = str_prop(props, "type")
    if ftype:
        bits.append(ftype)
    if truthy(props, "required"):
        bits.append("required")
    if where and node.name == "ParamField":
        bits.append(where)
    if truthy(props, "deprecated"):
        bits.append("deprecated")
    head = f"`{name}`" if name else "(unnamed)"
    if bits:
        head += f" ({', '.join(bits)})"
    default = str_prop(props, "default")
    body = out.blocks(node.children)
    first, _, rest = body.partition("\n\n")
    if "\n" in first or first.startswith(("- ", "> ", "```", "#", "|", "*")):
        first, rest = "", body
    text = head + (f": {first}" if first else "")
    if default is not None:
        text += f" Default: `{default}`."
    if rest:
        text += "\n\n" + rest
    return indent(text, "  ", "- ")


COMPONENTS: tuple[ComponentSpec, ...] = (
    ComponentSpec(
        name="ParamField",
        render=render_param_field,
        field=True,
        markdown=field_markdown,
        parts=("fields",),
    ),
    ComponentSpec(
        name="ResponseField",
        render=render_response_field,
        field=True,
        markdown=field_markdown,
        parts=("fields",),
    ),
)
