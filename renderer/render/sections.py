"""A rendered page's anchors, table of contents and search sections, in document order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mintrender.components import REGISTRY
from mintrender.components._jsxparse import Expression
from mintrender.components._spec import FIELD_NAME_KEYS, SEARCH_PROPS
from mintrender.model import Section, TocEntry

if TYPE_CHECKING:
    from markdown_it.token import Token

    from mintrender.components._spec import RenderCtx

# What the specs declare (components/*.py): anchored components and their TOC entries, API
# fields, searchable props.
ANCHORED = {name: spec.anchor_prop for name, spec in REGISTRY.items() if spec.anchor_prop}
TOC_COMPONENTS = frozenset(name for name, spec in REGISTRY.items() if spec.toc)
FIELD_COMPONENTS = frozenset(name for name, spec in REGISTRY.items() if spec.field)
SEARCH_PROPS_OF = {name: spec.search_props for name, spec in REGISTRY.items()}


def plain_text(tokens: Sequence[Token], *, as_written: bool = False) -> str:
    """The text of inline tokens. `as_written`: as MDX reads it before components run (a
    heading's id): a snippet or custom component gives only its children as written
    (`source_text`), not what it draws."""
    out = []
    for t in tokens:
        if as_written and t.meta and t.meta.get("expanded"):
            out.append(t.meta.get("source_text", ""))
        elif t.type in ("text", "code_inline", "math_inline"):
            out.append(t.content)
        elif t.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif t.children:
            out.append(plain_text(t.children, as_written=as_written))
    return "".join(out)


UNSLUGGED = frozenset({"Badge"})
"""Inline components whose text a heading's id leaves out: Mintlify's own docs link
``### `navigation` - <Badge>required</Badge>`` as `#navigation`."""
_SEPARATORS = " \t-\u2013\u2014|:\u00b7"


def slug_text(tokens: Sequence[Token], text: str) -> str:
    """The text a heading's id is made of: its `text` (`plain_text(as_written=True)`) without
    the text of `UNSLUGGED` components, and without the separator left before or after them."""

    def written(t: Token) -> bool:  # a Badge as written (one a custom component draws: not)
        return t.meta.get("name") in UNSLUGGED and not t.meta.get("expanded")

    if not any(t.type == "component_open" and written(t) for t in tokens):
        return text
    kept: list[Token] = []
    depth = 0
    for t in tokens:
        if t.type == "component_open" and (depth or written(t)):
            depth += 0 if t.meta.get("self_closing") else 1
            continue
        if depth:
            if t.type == "component_close":
                depth -= 1
            continue
        kept.append(t)
    return plain_text(kept, as_written=True).strip(_SEPARATORS)


def assign_ids(
    tokens: Sequence[Token], ctx: RenderCtx, fallback_title: str, *, with_sections: bool = True
) -> tuple[list[TocEntry], list[Section]]:
    """Give headings and anchored components their ids, in document order; gather sections
    (their search text) when `with_sections`."""
    toc: list[TocEntry] = []
    sections: list[Section] = []
    current_anchor, current_title = "", fallback_title
    text_parts: list[str] = []
    title_inline = -1  # the inline token of a section's own heading is its title, not its text

    def flush() -> None:
        if not with_sections:
            return
        text = " ".join(" ".join(text_parts).split())
        if text or current_anchor:
            sections.append(Section(current_anchor, current_title, text))

    # inside <Visibility for="agents"> (not in the HTML), <script> or <style> (not text): not
    # in the TOC or search
    skip_name, skip_depth = "", 0
    quoted = 0  # inside a <Prompt>: its text is the prompt to copy, not the page's sections
    # inside an <Update>: its label is the TOC entry (create/changelogs.mdx), its headings not
    entry_depth = 0
    steps_size: list[object] = []  # the `titleSize` of each enclosing <Steps>
    for i, tok in enumerate(tokens):
        ttype = tok.type
        if ttype == "component_close" and quoted and tok.meta.get("name") in QUOTING:
            quoted -= 1
        if ttype == "component_close" and entry_depth and tok.meta.get("name") in TOC_COMPONENTS:
            entry_depth -= 1
        if ttype == "component_close" and steps_size and tok.meta.get("name") == "Steps":
            steps_size.pop()
        if skip_depth:
            if ttype == "component_open" and tok.meta.get("name") == skip_name:
                skip_depth += 1
            elif ttype == "component_close" and tok.meta.get("name") == skip_name:
                skip_depth -= 1
            continue
        if ttype == "inline":  # the most frequent: checked first
            if i != title_inline and with_sections:
                text_parts.append(plain_text(tok.children or []))
            continue
        if ttype not in ("heading_open", "component_open"):
            continue
        if (
            ttype == "component_open"
            and not tok.meta.get("self_closing")
            and (
                tok.meta.get("name") in _NOT_TEXT
                or (
                    tok.meta.get("name") == "Visibility"
                    and tok.meta.get("props", {}).get("for") == "agents"
                )
            )
        ):
            skip_name, skip_depth = tok.meta["name"], 1
            continue
        if ttype == "heading_open":
            inline = tokens[i + 1] if i + 1 < len(tokens) else None
            children = inline.children or [] if inline else []
            text = plain_text(children, as_written=True)
            custom = (tok.meta or {}).get("custom_id")
            anchor = ctx.slug(slug_text(children, text), custom)
            if custom and anchor != custom:
                ctx.warn(
                    tok.map[0] + 1 + ctx.line_offset if tok.map else 0,
                    "duplicate-id",
                    f"heading id #{custom} is already used on this page; this heading gets "
                    f"#{anchor}, so links to #{custom} go to the first one",
                )
            tok.attrSet("id", anchor)
            level = int(tok.tag[1])
            if quoted:
                continue
            if level in (2, 3) and not entry_depth:
                toc.append(TocEntry(anchor, text.strip(), level))
            if level <= 3:
                flush()
                current_anchor, current_title, text_parts = anchor, text.strip(), []
                title_inline = i + 1
            continue
        if tok.type == "component_open":
            meta = tok.meta
            name = meta.get("name", "")
            props = meta.get("props", {})
            if name in QUOTING and not meta.get("self_closing"):
                quoted += 1
            if name in TOC_COMPONENTS and not meta.get("self_closing"):
                entry_depth += 1
            if name == "Steps" and not meta.get("self_closing"):
                steps_size.append(props.get("titleSize"))
            if name in ANCHORED:
                label = props.get(ANCHORED[name])
                if isinstance(label, (int, float)) and not isinstance(label, bool):
                    label = str(label)  # `label={2024}`: drawn as text, anchored as text
                explicit = props.get("id") if isinstance(props.get("id"), str) else None
                if isinstance(label, str) or explicit:
                    meta["anchor"] = ctx.slug(label if isinstance(label, str) else "", explicit)
                    if name in TOC_COMPONENTS:
                        toc.append(TocEntry(meta["anchor"], str(label), 2))
                        flush()
                        current_anchor, current_title, text_parts = meta["anchor"], str(label), []
                    elif name == "Step" and not quoted and not entry_depth:
                        step = _step_entry(meta["anchor"], label, props, steps_size)
                        if step is not None:
                            toc.append(step)
            elif name in FIELD_COMPONENTS:
                field_name = next(
                    (props[k] for k in FIELD_NAME_KEYS if isinstance(props.get(k), str)), None
                )
                if field_name:
                    meta["anchor"] = "param-" + field_name.replace(".", "-").replace(" ", "-")
            for key in SEARCH_PROPS_OF.get(name, SEARCH_PROPS) if with_sections else ():
                value = props.get(key)
                if isinstance(value, str) and not isinstance(value, Expression):
                    text_parts.append(value)
            continue
    flush()
    return toc, sections


def _step_entry(
    anchor: str, label: object, props: dict[str, object], steps_size: list[object]
) -> TocEntry | None:
    """A Step's TOC entry (components/steps.mdx: its `id` is "used for anchor linking and
    table of contents navigation"): at level 2 when its title is an `h2` (its own
    `titleSize`, else its Steps'), else under the section it is in; none with `noAnchor`
    or no text title."""
    no_anchor = props.get("noAnchor")
    if not isinstance(label, str) or not label.strip() or no_anchor in (True, "true"):
        return None
    size = props.get("titleSize") or (steps_size[-1] if steps_size else None)
    return TocEntry(anchor, label.strip(), 2 if size == "h2" else 3)


QUOTING = frozenset({"Prompt"})
"""Components whose children are text they quote (a prompt to copy): headings there are no
entries of the page's table of contents."""
_NOT_TEXT = frozenset({"script", "style"})
"""Elements whose content is not the page's text (JSON-LD data, CSS)."""
