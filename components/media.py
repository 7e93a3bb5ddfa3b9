"""Media: `Frame` around images, videos and other content (components.md §14, look.md §3).

<Frame hint="Before you go" caption="**Yosemite**, in [the park](https://nps.gov)">
  <img src="/images/a.png" alt="Valley" />
</Frame>
-> <div class="mr-frame-wrap">
     <div class="mr-frame__hint">…icon… Before you go</div>
     <figure class="mr-frame frame" data-component="frame">
       <div class="mr-frame__content"><img src="…" alt="Valley" loading="lazy" data-zoom></div>
       <figcaption class="mr-frame__caption"><strong>Yosemite</strong>, in <a …>the park</a></figcaption>
     </figure></div>

A child `<video autoPlay>` also gets `playsinline`, `loop` and `muted` (autoplay needs muted).
Images anywhere carry `data-zoom` (components/html.py, render.py); 31-components.js opens
them in a lightbox on click.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mintrender.components._markdown import MdNode, one_line, str_prop
from mintrender.components._spec import ComponentSpec, Node
from mintrender.components._util import class_attr, extra_class, label_html

if TYPE_CHECKING:
    from mintrender.components._markdown import MarkdownOut
    from mintrender.components._spec import RenderCtx

_VIDEO_TAG = re.compile(r"<video\b([^>]*)>", re.I)


def _video_attrs(match: re.Match[str]) -> str:
    attrs = match.group(1)
    if re.search(r"\bautoplay\b", attrs, re.I):
        for flag in ("playsinline", "loop", "muted"):
            if not re.search(rf"\b{flag}\b", attrs, re.I):
                attrs += f" {flag}"
    return f"<video{attrs}>"


def _unwrap_paragraph(markup: str) -> str:
    """A lone `<p>` around the framed image adds margins the frame does not want."""
    stripped = markup.strip()
    if stripped.startswith("<p>") and stripped.endswith("</p>") and stripped.count("<p>") == 1:
        return stripped[3:-4]
    return markup


def render_frame(node: Node, ctx: RenderCtx) -> str:
    """`<Frame caption hint>`: a padded, tinted box with the content centred in a white panel."""
    content = _VIDEO_TAG.sub(_video_attrs, _unwrap_paragraph(node.html))
    caption = label_html(ctx, node.props, "caption", markdown=True)  # Markdown, or JSX markup
    hint = label_html(ctx, node.props, "hint", markdown=True)
    caption_html = (
        f'<figcaption class="mr-frame__caption">{caption}</figcaption>' if caption else ""
    )
    classes = class_attr(
        "mr-frame frame", "mr-frame--captioned" if caption else "", extra_class(node)
    )
    frame = (
        f'<figure class="{classes}" data-component="frame">'
        f'<div class="mr-frame__content">{content}</div>{caption_html}</figure>'
    )
    if not hint:
        return frame
    icon = ctx.ui_icon("info", "mr-frame__hint-icon")
    return (
        f'<div class="mr-frame-wrap"><div class="mr-frame__hint">{icon}'
        f"<span>{hint}</span></div>{frame}</div>"
    )


def frame_markdown(node: MdNode, out: MarkdownOut) -> str:
    """Markdown: the hint, the framed content, then the caption in italics."""
    parts = [one_line(str_prop(node.props, "hint") or ""), out.blocks(node.children)]
    caption = one_line(str_prop(node.props, "caption") or "")
    parts.append(f"*{caption}*" if caption else "")
    return "\n\n".join(part for part in parts if part.strip())


COMPONENTS: tuple[ComponentSpec, ...] = (
    ComponentSpec(name="Frame", render=render_frame, markdown=frame_markdown, parts=("frame",)),
)
