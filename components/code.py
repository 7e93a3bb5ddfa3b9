"""Code components: `CodeGroup`, `RequestExample`, `ResponseExample`, `CodeBlock`, `Panel`.

<CodeGroup>
```js hello.js
…
```
```python hello.py
…
```
</CodeGroup>
-> <div class="mr-codegroup code-group" data-component="code-group">
     <div class="mr-codegroup__header"><div class="mr-codegroup__tabs" role="tablist">
       <button type="button" role="tab" class="mr-codegroup__tab" data-tab-title="hello.js"
               aria-selected="true" tabindex="0"><span>hello.js</span></button>…</div>
       <button type="button" class="mr-copy mr-codegroup__copy" data-component="copy" …>…</button>
     </div>
     <div role="tabpanel" class="mr-codegroup__panel" data-tab-title="hello.js">…block…</div>
     <div role="tabpanel" class="mr-codegroup__panel" data-tab-title="hello.py" data-inactive>…

The tab markup is the one of the API reference samples (themes/mint/templates/api/examples.html),
so 30-components.js switches and syncs both. `dropdown` adds `mr-codegroup--dropdown` and a
`<select class="mr-codegroup__select">` of languages.

`RequestExample` / `ResponseExample` put the group into `ctx.examples` (right column, wrapped
in `#request-example` / `#response-example`) and return an inline copy
(`mr-examples--inline`) that CSS shows only when the page has no such column.
`Panel` children replace the table of contents (`ctx.panel_html`); it renders nothing inline.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from mintrender.components._markdown import MdNode
from mintrender.components._spec import Child, ComponentSpec, MarkdownFn, Node, RenderFn
from mintrender.components._util import (
    COPY_ICON,
    check_children,
    class_attr,
    esc,
    extra_class,
    rebuild,
    text_prop,
)
from mintrender.components.tabs import tab_button

if TYPE_CHECKING:
    from mintrender.components._markdown import MarkdownOut
    from mintrender.components._spec import RenderCtx

_CODE_CHILD = "code"
_CODE_CHILDREN = (_CODE_CHILD, "CodeBlock")
"""A CodeGroup's tabs: fenced blocks, and `<CodeBlock>`s (what Mintlify makes fences into)."""
SELECT_CHEVRON = (
    '<svg class="mr-codegroup__select-chevron" viewBox="0 0 16 16" width="12" height="12" '
    'aria-hidden="true"><path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" '
    'stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/></svg>'
)


def _labels(ctx: RenderCtx, blocks: list[Child]) -> list[str]:
    """Tab labels: the block title, else its language, else "Code N"; made unique."""
    labels: list[str] = []
    for index, block in enumerate(blocks):
        props = block.props  # a fence's, or a `<CodeBlock filename language>`'s
        title = str(props.get("title") or props.get("filename") or "").strip()
        lang = str(props.get("lang") or props.get("language") or "")
        label = title or ctx.language_name(lang) or f"Code {index + 1}"
        base, n = label, 2
        while label in labels:
            label, n = f"{base} ({n})", n + 1
        labels.append(label)
    return labels


def code_group_html(node: Node, ctx: RenderCtx, *, extra: str = "") -> str:
    """The tabbed frame around a component's fenced blocks (CodeGroup and the examples)."""
    check_children(node, ctx, _CODE_CHILDREN, "code blocks")
    blocks = [c for c in node.children if c.name in _CODE_CHILDREN]
    labels = _labels(ctx, blocks)
    dropdown = "dropdown" in node.props and node.props.get("dropdown") not in (False, "false")
    buttons = "".join(
        tab_button(label, selected=i == 0, css_class="mr-codegroup__tab")
        for i, label in enumerate(labels)
    )
    select = ""
    if dropdown and blocks:
        names = [
            ctx.language_name(str(b.props.get("lang") or b.props.get("language") or ""))
            for b in blocks
        ]
        unique = len(set(names)) == len(names) and all(names)
        options = "".join(
            f'<option value="{esc(label)}"{" selected" if i == 0 else ""}>'
            f"{esc(names[i] if unique else label)}</option>"
            for i, label in enumerate(labels)
        )
        select = (
            '<span class="mr-codegroup__select-wrap">'
            '<select class="mr-codegroup__select" data-component="code-group-select" '
            f'aria-label="{esc(ctx.text("code_language"))}">{options}</select>{SELECT_CHEVRON}</span>'
        )
    copy = (
        '<button type="button" class="mr-copy mr-codegroup__copy" data-component="copy" '
        f'aria-label="{esc(ctx.text("copy_code"))}">{COPY_ICON}</button>'
    )
    label_of = {id(b): labels[i] for i, b in enumerate(blocks)}

    def panel(index: int, child: Child) -> str:
        if child.name not in _CODE_CHILDREN:
            return child.html
        label = label_of[id(child)]
        inactive = "" if label == labels[0] else " data-inactive"
        return (
            f'<div role="tabpanel" class="mr-codegroup__panel" data-tab-title="{esc(label)}"'
            f"{inactive}>{child.html}</div>"
        )

    body = rebuild(node, panel)
    classes = class_attr(
        "mr-codegroup code-group",
        "mr-codegroup--dropdown" if dropdown else None,
        extra,
        extra_class(node),
    )
    return (
        f'<div class="{classes}" data-component="code-group">'
        f'<div class="mr-codegroup__header"><div class="mr-codegroup__tabs" role="tablist">'
        f"{buttons}</div>{select}{copy}</div>{body}</div>"
    )


def render_code_group(node: Node, ctx: RenderCtx) -> str:
    """`<CodeGroup dropdown>` fenced blocks -> one frame, a tab (or option) per block."""
    return code_group_html(node, ctx)


def _example(kind: str) -> RenderFn:
    hook = f"{kind}-example"

    def render(node: Node, ctx: RenderCtx) -> str:
        group = code_group_html(node, ctx, extra=f"mr-examples__group mr-examples__group--{kind}")
        previous = ctx.examples.get(kind, "")
        if previous:
            ctx.examples[kind] = previous.replace(
                "</div><!--/mr-examples-->", group + "</div><!--/mr-examples-->"
            )
        else:
            ctx.examples[kind] = (
                f'<div id="{hook}" class="mr-examples mr-examples--{kind}" '
                f'data-examples="{kind}">{group}</div><!--/mr-examples-->'
            )
        return (
            f'<div class="mr-examples mr-examples--inline mr-examples--{kind}" '
            f'data-examples="{kind}">{group}</div>'
        )

    render.__doc__ = f"<{kind.title()}Example dropdown>: right-column {kind} samples + inline copy."
    return render


def _code_text(node: Node) -> tuple[str, str]:
    """(code, lang of a fenced child) of a CodeBlock: a fence inside it, else its text."""
    for child in node.children:
        if child.name == _CODE_CHILD:
            return str(child.props.get("code") or ""), str(child.props.get("lang") or "")
    code = text_prop(node.props, "code")
    if code is not None:
        return code, ""
    text = re.sub(r"</p>\s*<p>", "\n\n", node.html.strip())
    text = re.sub(r"<br\s*/?>", "\n", text)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip("\n"), ""


def _lines_prop(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value if isinstance(v, (int, str)))
    return str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else ""


def render_code_block(node: Node, ctx: RenderCtx) -> str:
    """`<CodeBlock language filename icon lines wrap nocopy expandable highlight focus>`."""
    props = node.props
    code, fence_lang = _code_text(node)
    lang = text_prop(props, "language") or text_prop(props, "lang") or fence_lang
    meta = []
    filename = text_prop(props, "filename") or text_prop(props, "title")
    if filename:
        meta.append(f'filename="{filename.replace(chr(34), "")}"')
    icon = text_prop(props, "icon")
    if icon:
        meta.append(f'icon="{icon}"')
    for flag in ("lines", "wrap", "nocopy", "expandable"):
        value = props.get(flag)
        if value is True or isinstance(value, str) and value.lower() == "true":
            meta.append(flag)
    for key in ("highlight", "focus"):
        lines = _lines_prop(props.get(key))
        if lines:
            meta.append(f"{key}={{{lines.strip('[]{}')}}}")
    out = ctx.highlight(code, lang or "text", " ".join(meta))
    extra = extra_class(node)
    if extra:
        out = out.replace('class="mr-code code-block"', f'class="mr-code code-block {extra}"', 1)
    return out


def render_panel(node: Node, ctx: RenderCtx) -> str:
    """`<Panel>`: children replace the TOC column; examples inside it stay in the panel."""
    moved: dict[str, str] = {}
    for kind in ("request", "response"):
        if any(c.name == f"{kind.title()}Example" for c in node.children):
            moved[kind] = ctx.examples.pop(kind, "")

    def swap(index: int, child: Child) -> str:
        for kind, aside in moved.items():
            if child.name == f"{kind.title()}Example" and aside:
                return aside.replace("<!--/mr-examples-->", "")
        return child.html

    body = rebuild(node, swap) if moved else node.html
    ctx.panel_html += f'<div id="panel" class="mr-panel panel">{body}</div>'
    return ""


def _labelled(label: str) -> MarkdownFn:
    """Markdown: the bold label, then the code blocks."""

    def export(node: MdNode, out: MarkdownOut) -> str:
        body = out.blocks(node.children)
        return f"**{label}**\n\n{body}" if body else ""

    return export


COMPONENTS: tuple[ComponentSpec, ...] = (
    ComponentSpec(
        name="CodeGroup", render=render_code_group, parts=("code", "codegroup", "switch")
    ),
    ComponentSpec(
        name="RequestExample",
        render=_example("request"),
        markdown=_labelled("Example request"),
        parts=("code", "codegroup", "switch", "examples"),
    ),
    ComponentSpec(
        name="ResponseExample",
        render=_example("response"),
        markdown=_labelled("Example response"),
        parts=("code", "codegroup", "switch", "examples"),
    ),
    ComponentSpec(name="CodeBlock", render=render_code_block, parts=("code",)),
    ComponentSpec(name="Panel", render=render_panel, parts=("examples",)),
)
