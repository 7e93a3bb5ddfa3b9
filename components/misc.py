"""Other components: `Update`, `View`, `Visibility`, `Prompt`, `GitHub.Repo`, `Heading`,
`Mermaid`, `Snippet`.

<Update label="2024-10-11" description="v0.1.0" tags={["Mintlify"]}>Body</Update>
-> <div class="mr-update update" id="2024-10-11" data-component="update" data-tags="[&quot;Mintlify&quot;]">
     <div class="mr-update__meta"><a class="mr-update__label" href="#2024-10-11">2024-10-11</a>
       <div class="mr-update__tags"><span class="mr-update__tag">Mintlify</span></div>
       <div class="mr-update__description">v0.1.0</div></div>
     <div class="mr-update__content">Body</div></div>

<View title="Python" icon="python">Body</View>
-> <div class="mr-view" data-component="view" data-view-title="Python" id="python">
     <div class="mr-view__title"><svg…/>Python</div>Body</div>
   (before the page's first View: <div class="mr-view-select" data-component="view-select">, which
   31-components.js turns into the multi-view dropdown; without JS every view shows, titled)

<Visibility for="humans">Web only</Visibility> -> Web only;  for="agents" -> nothing (Markdown only)

<Prompt description="Write docs" actions={["copy", "cursor"]}>You are…</Prompt>
-> <div class="mr-prompt" data-component="prompt"> icon, description, Copy / Open in Cursor,
     <details class="mr-prompt__body"><summary>Show prompt</summary>…</details></div>

<GitHub.Repo repo="mintlify/docs" variant="flat" /> -> a static link card to github.com/mintlify/docs

<Heading level={3} noAnchor>Title</Heading> -> <h3 id="title">Title</h3> (as <h3 noAnchor>)

<Mermaid>…</Mermaid>, <Snippet>…</Snippet> -> their children in `<div class="mr-mermaid mermaid">`,
`<div class="mr-snippet snippet">`
"""

from __future__ import annotations

import functools
import json
import re
import textwrap
from typing import TYPE_CHECKING
from urllib.parse import quote

from mintrender.components._markdown import MdNode, fence, str_prop, titled
from mintrender.components._spec import ComponentSpec, Node
from mintrender.components._util import (
    class_attr,
    coerce_int,
    esc,
    extra_class,
    icon_html,
    label_html,
    strip_tags,
    text_prop,
)
from mintrender.components.html import render_heading
from mintrender.model import UpdateEntry

if TYPE_CHECKING:
    from mintrender.components._markdown import MarkdownOut
    from mintrender.components._spec import RenderCtx

_REPO = re.compile(r"^(?:https?://(?:www\.)?github\.com/)?([\w.-]+)/([\w.-]+?)(?:\.git)?/?$")


# ---- Update ------------------------------------------------------------------------------


def render_update(node: Node, ctx: RenderCtx) -> str:
    """`<Update label description tags rss>`: a changelog entry with its label column."""
    label = text_prop(node.props, "label") or ""
    if not label:
        ctx.warn(node.line, "component-props", "<Update> needs a label")
    description = text_prop(node.props, "description")
    tags_prop = node.props.get("tags")
    for key, want, fine in (
        ("tags", 'a list (tags={["A", "B"]})', list),
        ("rss", 'an object (rss={{ title: "…" }})', dict),
    ):
        if key in node.props and not isinstance(node.props[key], fine):
            ctx.warn(
                node.line, "component-props", f"<Update {key}> should be {want}; it is left out"
            )
    tags = (
        [str(t) for t in tags_prop if isinstance(t, (str, int, float))]
        if isinstance(tags_prop, list)
        else []
    )
    anchor = node.anchor
    id_attr = f' id="{esc(anchor)}"' if anchor else ""
    shown = label_html(ctx, node.props, "label")  # JSX keeps its markup; the feed its text
    label_part = (
        f'<a class="mr-update__label" href="#{esc(anchor)}">{shown}</a>'
        if anchor
        else f'<span class="mr-update__label">{shown}</span>'
    )
    tags_html = (
        '<div class="mr-update__tags">'
        + "".join(f'<span class="mr-update__tag">{esc(t)}</span>' for t in tags)
        + "</div>"
        if tags
        else ""
    )
    description_html = (
        '<div class="mr-update__description">'
        f"{label_html(ctx, node.props, 'description', markdown=True)}</div>"
        if description
        else ""
    )
    data = f' data-tags="{esc(json.dumps(tags, ensure_ascii=False))}"' if tags else ""
    classes = class_attr("mr-update update", extra_class(node))
    rss = node.props.get("rss")
    rss = rss if isinstance(rss, dict) else {}
    ctx.data.setdefault("updates", []).append(
        UpdateEntry(
            anchor or "",
            label,
            description or "",
            tuple(tags),
            node.html,
            text_prop(rss, "title") or "",
            text_prop(rss, "description") or "",
        )
    )
    return (
        f'<div class="{classes}"{id_attr} data-component="update"{data}>'
        f'<div class="mr-update__meta">{label_part}{tags_html}{description_html}</div>'
        f'<div class="mr-update__content">{node.html}</div></div>'
    )


# ---- View, Visibility --------------------------------------------------------------------


def render_view(node: Node, ctx: RenderCtx) -> str:
    """`<View title icon iconType>`: one option of the page's multi-view dropdown."""
    title = text_prop(node.props, "title") or ""
    if not title:
        ctx.warn(node.line, "component-props", "<View> needs a title (the dropdown option)")
    icon = icon_html(ctx, node, css_class="mr-view__icon")
    count = ctx.data.get("views", 0)
    ctx.data["views"] = count + 1
    select = '<div class="mr-view-select" data-component="view-select"></div>' if count == 0 else ""
    id_attr = f' id="{esc(node.anchor)}"' if node.anchor else ""
    return (
        f'{select}<div class="{class_attr("mr-view view", extra_class(node))}"{id_attr} '
        f'data-component="view" data-view-title="{esc(title)}">'
        f'<div class="mr-view__title">{icon}<span>{label_html(ctx, node.props, "title")}</span>'
        f"</div>{node.html}</div>"
    )


def render_visibility(node: Node, ctx: RenderCtx) -> str:
    """`<Visibility for="humans|agents">`: humans' content only in HTML, agents' only in .md."""
    audience = (text_prop(node.props, "for") or "").strip().lower()
    if audience == "agents":
        return ""
    if audience != "humans":
        ctx.warn(
            node.line,
            "component-props",
            f'<Visibility for="{audience}"> must be for="humans" or for="agents"; shown as humans',
        )
    return node.html


# ---- Prompt ------------------------------------------------------------------------------


def render_prompt(node: Node, ctx: RenderCtx) -> str:
    """`<Prompt description actions icon>`: a card whose children are the copied prompt."""
    description = text_prop(node.props, "description") or ""
    if not description:
        ctx.warn(node.line, "component-props", "<Prompt> needs a description")
    source = node.props.get("children")
    text = source if isinstance(source, str) else strip_tags(node.html)
    actions = node.props.get("actions")
    wanted = [a for a in actions if isinstance(a, str)] if isinstance(actions, list) else ["copy"]
    icon = icon_html(ctx, node, css_class="mr-prompt__svg") or ctx.ui_icon(
        "sparkles", "mr-prompt__svg"
    )
    buttons = []
    if "copy" in wanted:
        buttons.append(
            f'<button type="button" class="mr-prompt__action" data-component="copy" '
            f'data-copy="{esc(text)}" aria-label="{esc(ctx.text("copy_prompt"))}">'
            f"{ctx.ui_icon('copy', 'mr-prompt__action-icon')}"
            f"<span>{esc(ctx.text('copy_prompt'))}</span></button>"
        )
    if "cursor" in wanted:
        href = "https://cursor.com/link/prompt?text=" + quote(text, safe="")
        buttons.append(
            f'<a class="mr-prompt__action" href="{esc(href)}" target="_blank" rel="noopener">'
            f"{ctx.ui_icon('mouse-pointer-click', 'mr-prompt__action-icon')}"
            f"<span>{esc(ctx.text('open_in_cursor'))}</span></a>"
        )
    return (
        f'<div class="{class_attr("mr-prompt prompt", extra_class(node))}" data-component="prompt">'
        f'<div class="mr-prompt__head"><span class="mr-prompt__icon" aria-hidden="true">{icon}</span>'
        f'<div class="mr-prompt__description">'
        f"{label_html(ctx, node.props, 'description', markdown=True)}</div>"
        f'<div class="mr-prompt__actions">{"".join(buttons)}</div></div>'
        f'<details class="mr-prompt__body"><summary>{ctx.ui_icon("chevron-right", "mr-prompt__chevron")}'
        f"{esc(ctx.text('show_prompt'))}</summary>"
        f'<div class="mr-prompt__text">{node.html}</div></details></div>'
    )


# ---- GitHub.Repo, Heading ----------------------------------------------------------------


def render_github_repo(node: Node, ctx: RenderCtx) -> str:
    """`<GitHub.Repo repo="owner/name" variant="inset|flat">`: a static card (no API call)."""
    repo = (text_prop(node.props, "repo") or "").strip()
    m = _REPO.match(repo)
    if not m:
        ctx.warn(
            node.line,
            "component-props",
            f"<GitHub.Repo repo={repo!r}> is not owner/name or a GitHub URL",
        )
        return ""
    owner, name = m.group(1), m.group(2)
    variant = text_prop(node.props, "variant") or "inset"
    variant = variant if variant in ("inset", "flat") else "inset"
    url = f"https://github.com/{owner}/{name}"
    classes = class_attr(f"mr-github mr-github--{variant} github-repo", extra_class(node))
    return (
        f'<a class="{classes}" href="{esc(url)}" target="_blank" rel="noopener" '
        f'data-component="github-repo"><span class="mr-github__inner">'
        f'<span class="mr-github__logo" aria-hidden="true">{ctx.ui_icon("github", "mr-github__svg")}</span>'
        f'<span class="mr-github__text"><span class="mr-github__repo"><span class="mr-github__owner">'
        f'{esc(owner)}/</span><span class="mr-github__name">{esc(name)}</span></span>'
        f'<span class="mr-github__host">github.com/{esc(owner)}/{esc(name)}</span></span>'
        f'<span class="mr-github__arrow" aria-hidden="true">{ctx.ui_icon("arrow-up-right", "mr-github__svg")}'
        f"</span></span></a>"
    )


def render_heading_component(node: Node, ctx: RenderCtx) -> str:
    """`<Heading level={2} id noAnchor>`: a heading with an id, chip unless noAnchor."""
    level = coerce_int(node.props.get("level"), 2) or 2
    level = min(max(level, 1), 6)
    cls = text_prop(node.props, "className")
    attrs = f' class="{esc(cls)}"' if cls else ""
    if cls:
        ctx.note_classes(cls)
    return render_heading(f"h{level}", attrs, node, ctx, id_in_attrs=False)


def render_wrapper(node: Node, ctx: RenderCtx) -> str:
    """Mermaid, Snippet: the children in a `mr-<name>` box (span inside a paragraph)."""
    kebab = node.name.replace(".", "-").lower()
    tag = "span" if node.inline else "div"
    return f'<{tag} class="mr-{kebab} {kebab}">{node.html}</{tag}>'


# ---- Markdown export ---------------------------------------------------------------------


def _visibility_markdown(node: MdNode, out: MarkdownOut) -> str:
    """Markdown: agents' content is kept, humans' left out (the opposite of the HTML)."""
    audience = (str_prop(node.props, "for") or "").lower()
    return "" if audience == "humans" else out.blocks(node.children)


def _visibility_markdown_inline(node: MdNode, out: MarkdownOut) -> str:
    audience = (str_prop(node.props, "for") or "").lower()
    return "" if audience == "humans" else out.inline_nodes(node.children)


def _prompt_markdown(node: MdNode, out: MarkdownOut) -> str:
    """Markdown: the description (bold, unless it has its own), then the prompt in a `text`
    fence: the text the Copy button copies, as written (`render_prompt`)."""
    desc = str_prop(node.props, "description") or ""
    head = (desc if "**" in desc or "__" in desc else f"**{desc}**") + "\n\n" if desc else ""
    source = node.props.get("children")
    written = textwrap.dedent(source).strip("\n") if isinstance(source, str) else None
    return head + fence(written if written else out.blocks(node.children), "text")


COMPONENTS: tuple[ComponentSpec, ...] = (
    ComponentSpec(
        name="Update",
        render=render_update,
        anchor_prop="label",
        toc=True,
        markdown=functools.partial(titled, key="label"),
        parts=("update",),
    ),
    ComponentSpec(
        name="View", render=render_view, anchor_prop="title", markdown=titled, parts=("view",)
    ),
    ComponentSpec(
        name="Visibility",
        render=render_visibility,
        markdown=_visibility_markdown,
        markdown_inline=_visibility_markdown_inline,
    ),
    ComponentSpec(
        name="Prompt",
        render=render_prompt,
        markdown=_prompt_markdown,
        parts=("code", "prompt"),
        source="source",
    ),
    ComponentSpec(name="GitHub.Repo", render=render_github_repo, parts=("github",)),
    ComponentSpec(name="Heading", render=render_heading_component),
    ComponentSpec(
        name="Mermaid",
        render=render_wrapper,
        markdown=lambda node, out: fence(out.blocks(node.children), "mermaid"),
        parts=("mermaid",),
    ),
    ComponentSpec(name="Snippet", render=render_wrapper),
)
