"""Per-page render context: what component renderers may ask of the build while rendering.

`RenderContext` implements `mintrender.components._spec.RenderCtx`, the Protocol the component
families are written against (they never import this module).
"""

from __future__ import annotations

import functools
import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from mintrender.components._util import COPY_ICON
from mintrender.errors import Diagnostics
from mintrender.hints import did_you_mean
from mintrender.load.shapes import ICON_LIBRARIES
from mintrender.render.highlight import DISPLAY_NAMES, parse_fence_info, render_code_block
from mintrender.render.icons import family_icon, icon_names, render_icon
from mintrender.render.page import render_fragment
from mintrender.render.slugs import Slugger
from mintrender.safeurl import runs_script
from mintrender.themes.uitext import ui_text
from mintrender.urls import UrlBuilder, is_external

if TYPE_CHECKING:
    from mintrender.load.config import SiteConfig

_CLASS_SPLIT = re.compile(r"\s+")


@dataclass(slots=True)
class RenderContext:
    """Everything a renderer may need for one page; collects what the page used."""

    site: SiteConfig
    src_path: str
    urls: UrlBuilder
    diagnostics: Diagnostics
    line_offset: int = 0
    slugger: Slugger = field(default_factory=Slugger)
    classes: set[str] = field(default_factory=set)
    """Every `className` seen, for the Tailwind utilities file."""
    components: Counter[str] = field(default_factory=Counter)
    unknown_components: Counter[str] = field(default_factory=Counter)
    assets: set[str] = field(default_factory=set)
    """Docs-relative files this page links to (images, downloads)."""
    fields: list[dict[str, Any]] = field(default_factory=list)
    """ParamFields seen on the page (manual API pages build a playground from them)."""
    examples: dict[str, str] = field(default_factory=dict)
    """`request` / `response` example HTML moved to the right column."""
    panel_html: str = ""
    warned: set[tuple[str, str]] = field(default_factory=set)
    data: dict[str, Any] = field(default_factory=dict)
    """Free-form per-page state for component families (e.g. tooltips and views counted)."""
    draws_diagrams: bool = True
    """Mermaid fences drawn as SVG (`check` reads them as code: drawing finds no problem)."""
    where: tuple[str, int] | None = None
    """(file, 1-based line) while rendering a snippet's text: findings point there."""
    read: Callable[[str], str | None] | None = None
    """Docs file -> text, to point a finding at the column of what it names (optional)."""
    language: str = ""
    """The page's language code (docs.json `navigation.languages`; "" outside them)."""

    def text(self, key: str) -> str:
        """The theme's word `key` in the page's language (themes/uitext.py)."""
        return ui_text(self.language)[key]

    # diagnostics -----------------------------------------------------------------------
    def _at(self, line: int) -> tuple[str, int]:
        return self.where if self.where is not None else (self.src_path, line)

    def warn(self, line: int, code: str, message: str, *, column: int = 1, hint: str = "") -> None:
        file, line = self._at(line)
        self.diagnostics.warning(file, line, column, code, message, hint)

    def error(self, line: int, code: str, message: str, *, column: int = 1) -> None:
        file, line = self._at(line)
        self.diagnostics.error(file, line, column, code, message)

    def warn_at_text(self, line: int, text: str, code: str, message: str, hint: str = "") -> None:
        """A warning at the first place `text` is written at or after `line` (its own column)."""
        file, line = self._at(line)
        found = find_text(self.read(file) if self.read else None, line, text)
        if found is None:
            self.diagnostics.warning(file, line, 1, code, message, hint)
        else:
            self.diagnostics.warning(file, found[0], found[1], code, message, hint)

    def warn_once(
        self,
        key: str,
        line: int,
        code: str,
        message: str,
        hint: str = "",
        *,
        column: int = 1,
        text: str = "",
    ) -> None:
        """`warn` once per `key` and `code`; with no `column`, at the place `text` is written."""
        if (key, code) not in self.warned:
            self.warned.add((key, code))
            if column <= 1 and text:
                self.warn_at_text(line, text, code, message, hint)
            else:
                self.warn(line, code, message, hint=hint, column=column)

    # ids ---------------------------------------------------------------------------------
    def slug(self, text: str, explicit: str | None = None) -> str:
        return self.slugger.slug(text, explicit=explicit)

    # links and files -----------------------------------------------------------------------
    def link(self, href: str, *, line: int = 0, column: int = 1) -> str:
        """Rewrite an author href for the output mode; warn on internal links to nothing."""
        if not isinstance(href, str):
            return ""
        if runs_script(href):  # a component's link too, as an `<a>`'s
            message = f"link {href[:40]!r} runs script; it is left out"
            if column > 1:
                self.warn(line, "unsafe-url", message, column=column)
            else:
                self.warn_at_text(line, href, "unsafe-url", message, "")
            return ""
        url, known = self.urls.resolve(href, self.src_path)
        if not known:
            near = self.urls.nearest(href, self.src_path)
            hint = f"did you mean '{near}'?" if near else ""
            written = unquote(href) if "%" in href else href  # as the author wrote it
            message = f"link {written!r} points to no page or file of this site"
            if column > 1:
                self.warn(line, "broken-link", message, column=column, hint=hint)
            else:
                self.warn_at_text(line, written, "broken-link", message, hint)
        elif not is_external(href) and not href.startswith("#"):
            rel = href.split("#")[0].split("?")[0].lstrip("/")
            if rel in self.urls.files:
                self.assets.add(rel)
        return url

    def note_classes(self, class_attr: str) -> None:
        self.classes.update(c for c in _CLASS_SPLIT.split(class_attr) if c)

    # icons ---------------------------------------------------------------------------------
    def icon(
        self,
        name: Any,
        icon_type: str | None = None,
        *,
        size: int | None = None,
        color: str | None = None,
        css_class: str = "mr-icon",
        line: int = 0,
        column: int = 1,
    ) -> str:
        """Inline SVG for a library icon, `<img>` for a URL or path, "" (and a warning at `line`
        and `column` of this context's file) if unknown."""
        if not isinstance(name, str) or not name.strip():
            return ""
        name = name.strip()
        if (
            name.startswith(("http://", "https://", "/", "./", "data:"))
            or "." in name.rsplit("/", 1)[-1]
        ):
            style = f' style="width:{size}px;height:{size}px"' if size else ""
            src = self.link(name, line=line)
            return (
                f'<img class="{css_class} {css_class}--img" src="{html.escape(src)}" alt=""{style}>'
            )
        library = self.site.icons_library
        given, colon, rest = name.partition(":")  # `lucide:github`: docs.json's icon object
        if colon and given in ICON_LIBRARIES and rest:
            library, name = given, rest
        # Tabler is not bundled: Lucide, drawn from the same Feather lineage, has most of its
        # names (`rocket`, `git-branch`)
        tabler = library.strip().lower() == "tabler"
        library = "lucide" if tabler else library
        draw = functools.partial(
            render_icon,
            icon_type=icon_type,
            library=library,
            size=size,
            color=color,
            css_class=css_class,
        )
        svg = draw(name)
        if svg is None:
            family = family_icon(name, library)
            if family is not None:
                svg = draw(family)
            if svg is not None:
                why = f"; it is drawn as {family!r}, the icon its name extends (a Pro icon?)"
            else:
                why = " (it is left out)"
            where = f"the {library} icon set"
            if tabler:
                where = "the Lucide icon set, which draws Tabler icons (Tabler is not bundled)"
            self.warn_once(
                name,
                line,
                "unknown-icon",
                f"icon {name!r} is not in {where}{why}",
                did_you_mean(name, icon_names(library), cutoff=0.75) if svg is None else "",
                column=column,
                text=name if line else "",
            )
            return svg or ""
        return svg

    def ui_icon(self, name: str, css_class: str) -> str:
        """A fixed chrome icon (callout types, arrows) from Lucide, whatever the site's set."""
        return _ui_icon(name, css_class)

    # rendering helpers -----------------------------------------------------------------------
    def markdown(self, text: str, *, inline: bool = False, spec: bool = False) -> str:
        """Render a Markdown string from a prop (captions, descriptions) in this page's context;
        `spec`: Markdown with HTML from an API spec, not MDX (see `render_fragment`)."""
        return render_fragment(text, self, inline=inline, spec=spec)

    def highlight(self, code: str, lang: str = "", meta: str = "", line: int = 0) -> str:
        """A code block (`line`: of its fence, where an unknown `icon=` is reported)."""
        info = parse_fence_info(f"{lang} {meta}".strip())
        icon_html = self.icon(info.icon, css_class="mr-code__icon", line=line) if info.icon else ""
        label = self.text("copy_code")
        return render_code_block(
            code, info, icon_html=icon_html, copy_icon=COPY_ICON, copy_label=label
        )

    def language_name(self, lang: str) -> str:
        """`js` -> "JavaScript"; unknown ids are shown as written."""
        if not lang:
            return ""
        return DISPLAY_NAMES.get(lang.lower(), lang)


@functools.lru_cache(maxsize=8)
def _lines(source: str) -> list[str]:
    """The lines of a page or snippet, split once for all the links found on it (read only)."""
    return source.split("\n")


def find_text(source: str | None, line: int, text: str, span: int = 60) -> tuple[int, int] | None:
    """1-based (line, column) of `text` in `source` at or after 1-based `line` (within `span`
    lines: a paragraph's links sit below its first line), or None. A place where `text` is
    whole (`"/a"`, `(/a)`) wins over one where it begins a longer word (`"/a/b"`)."""
    if not source or not text:
        return None
    lines = _lines(source)
    start = max(line - 1, 0)
    candidates = [text] if unquote(text) == text else [text, unquote(text)]
    first: tuple[int, int] | None = None
    for i in range(start, min(start + span, len(lines))):
        for needle in candidates:
            col = lines[i].find(needle)
            while col >= 0:
                if first is None:
                    first = i + 1, col + 1
                if _whole(lines[i], col, col + len(needle)):
                    return i + 1, col + 1
                col = lines[i].find(needle, col + 1)
    return first


_WORD = re.compile(r"[\w/.#?%&=+~:@-]")


def _whole(line: str, start: int, end: int) -> bool:
    """Is `line[start:end]` not part of a longer URL or word?"""
    before = line[start - 1] if start > 0 else " "
    after = line[end] if end < len(line) else " "
    return not (_WORD.match(before) and _WORD.match(line[start])) and not _WORD.match(after)


@functools.lru_cache(maxsize=256)
def _ui_icon(name: str, css_class: str) -> str:
    """Chrome icons repeat on every page (tree folders, card arrows): drawn once per process."""
    return render_icon(name, library="lucide", css_class=css_class) or ""
