"""Inline SVG icons from the installed Font Awesome Free and Lucide packages.

Mintlify pages name icons (``<Card icon="rocket">``, frontmatter ``icon: github``, docs.json
``"icon": "book-open"``) from one library per site (docs.json ``icons.library``). The SVGs are
read at run time from the ``fontawesomefree`` package (``static/fontawesomefree/svgs/<style>/``)
and the ``lucide`` package (``lucide.zip``); nothing is copied into the repository.

``render_icon("rocket")`` gives
``<svg class="mr-icon" viewBox="0 0 512 512" fill="currentColor" aria-hidden="true"><path …/></svg>``.

Resolution order (``resolve_icon``):

* Font Awesome: the requested style first (``iconType``; Pro-only styles map to the nearest
  free one), then solid, regular, brands; then Font Awesome's own alias names
  (``metadata/icons.json``: ``home`` -> ``house``) and v4 shims (``metadata/shims.json``:
  ``refresh`` -> ``arrows-rotate``); then Lucide as a *fallback* (``trash-2``, ``upload-cloud``).
* Lucide: the name, then renamed Lucide names (``upload-cloud`` -> ``cloud-upload``,
  ``x-circle`` -> ``circle-x``); then Font Awesome as a fallback (brands such as ``github``).
* Tabler is not packaged: always ``None``.

URLs, paths and anything that is not an icon name give ``None``; the caller renders ``<img>``
or warns. Nothing here raises on odd input.
"""

from __future__ import annotations

import functools
import html
import io
import json
import os
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

__all__ = ["IconResult", "icon_names", "render_icon", "resolve_icon"]

Library = Literal["fontawesome", "lucide"]
FaStyle = Literal["solid", "regular", "brands"]

_FA_STYLES: tuple[FaStyle, ...] = ("solid", "regular", "brands")

#: Style search order per ``iconType``. The free package has solid, regular and brands only:
#: light and thin are outline weights (closest: regular), duotone and sharp-solid are filled.
_FA_STYLE_ORDER: dict[str, tuple[FaStyle, ...]] = {
    "solid": ("solid", "regular", "brands"),
    "regular": ("regular", "solid", "brands"),
    "light": ("regular", "solid", "brands"),
    "thin": ("regular", "solid", "brands"),
    "duotone": ("solid", "regular", "brands"),
    "sharp-solid": ("solid", "regular", "brands"),
    "sharp-regular": ("regular", "solid", "brands"),
    "sharp-light": ("regular", "solid", "brands"),
    "sharp-thin": ("regular", "solid", "brands"),
    "sharp-duotone-solid": ("solid", "regular", "brands"),
    "brands": ("brands", "solid", "regular"),
}

#: Class-string tokens (``"fa-solid fa-rocket"``, ``"fab fa-github"``) that name a style.
_FA_STYLE_TOKENS: dict[str, str] = {
    "fas": "solid",
    "fa-solid": "solid",
    "far": "regular",
    "fa-regular": "regular",
    "fab": "brands",
    "fa-brands": "brands",
    "fal": "light",
    "fa-light": "light",
    "fat": "thin",
    "fa-thin": "thin",
    "fad": "duotone",
    "fa-duotone": "duotone",
    "fa-sharp": "sharp-solid",
}

#: Lucide renames (old name -> current name), from the ``aliases`` of lucide's icon metadata,
#: which the PyPI package does not ship. Targets are checked against lucide.zip in the tests.
#: ``X-circle`` / ``X-square`` -> ``circle-X`` / ``square-X`` is handled by a rule.
_LUCIDE_ALIASES: dict[str, str] = dict(
    pair.split(">")
    for pair in """
upload-cloud>cloud-upload download-cloud>cloud-download mic-2>mic-vocal
text>text-align-start align-left>text-align-start align-center>text-align-center
align-right>text-align-end align-justify>text-align-justify alert-circle>circle-alert
alert-triangle>triangle-alert alert-octagon>octagon-alert check-circle>circle-check-big
check-circle-2>circle-check check-square>square-check-big check-square-2>square-check
help-circle>circle-question-mark circle-help>circle-question-mark edit>square-pen
edit-2>pen edit-3>pen-line pen-square>square-pen home>house loader-2>loader-circle
more-horizontal>ellipsis more-vertical>ellipsis-vertical unlock>lock-open grid>grid-3x3
layout>panels-top-left wand-2>wand-sparkles verified>badge-check
bar-chart>chart-no-axes-column-increasing bar-chart-2>chart-no-axes-column
bar-chart-3>chart-column bar-chart-4>chart-column-increasing
bar-chart-big>chart-column-big line-chart>chart-line pie-chart>chart-pie
area-chart>chart-area scatter-chart>chart-scatter gantt-chart>chart-gantt
file-json>file-braces file-json-2>file-braces-corner file-code-2>file-code-corner
file-bar-chart>file-chart-column-increasing file-line-chart>file-chart-line
file-pie-chart>file-chart-pie file-edit>file-pen folder-edit>folder-pen
sliders>sliders-vertical sort-asc>arrow-up-narrow-wide sort-desc>arrow-down-wide-narrow
fingerprint>fingerprint-pattern inspect>square-mouse-pointer code-2>code-xml
curly-braces>braces filter>funnel columns>columns-2 user-2>user-round
users-2>users-round contact-2>contact-round laptop-2>laptop-minimal globe-2>earth
send-horizonal>send-horizontal shield-close>shield-x box-select>square-dashed
train>tram-front
""".split()
)

_NAME_RE = re.compile(r"[a-z0-9][a-z0-9-]*")
_SVG_OPEN_RE = re.compile(r"<svg\b([^>]*)>", re.S)
_ATTR_RE = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_BETWEEN_TAGS_RE = re.compile(r">\s+<")
#: Presentation attributes kept from Lucide's root ``<svg>`` (sizes are left to CSS).
_LUCIDE_KEEP = ("viewBox", "fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin")


@dataclass(frozen=True, slots=True)
class IconResult:
    """A resolved icon."""

    svg: str
    """Inline ``<svg>`` markup."""
    library_used: Library
    """Library the SVG came from."""
    fallback: bool
    """True when the SVG comes from the other library than the one asked for."""
    name: str = ""
    """Name of the icon in ``library_used`` after aliases (``home`` -> ``house``)."""
    style: str = ""
    """Font Awesome style folder used (``solid``/``regular``/``brands``); ``""`` for Lucide."""


@dataclass(frozen=True, slots=True)
class _Body:
    """A library SVG split into root attributes and inner markup, before per-use attributes."""

    attrs: str
    inner: str
    library: Library
    name: str
    style: str


# -- package access (each cached for the life of the process) ---------------------------------


@functools.lru_cache(maxsize=1)
def _fa_svg_root() -> Path | None:
    try:
        root = Path(str(resources.files("fontawesomefree"))) / "static" / "fontawesomefree"
    except (ModuleNotFoundError, TypeError):
        return None
    return root / "svgs" if (root / "svgs").is_dir() else None


@functools.lru_cache(maxsize=4)
def _fa_names(style: str) -> frozenset[str]:
    root = _fa_svg_root()
    if root is None or not (root / style).is_dir():
        return frozenset()
    return frozenset(n[:-4] for n in os.listdir(root / style) if n.endswith(".svg"))


@functools.lru_cache(maxsize=1)
def _fa_aliases() -> dict[str, tuple[str, str | None]]:
    """Old name -> (current name, style hint) from Font Awesome's metadata; loaded on first miss."""
    root = _fa_svg_root()
    table: dict[str, tuple[str, str | None]] = {}
    if root is None:
        return table
    meta = root.parent / "metadata"
    try:
        shims = json.loads((meta / "shims.json").read_text(encoding="utf-8"))
        icons = json.loads((meta / "icons.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return table
    hints = {"far": "regular", "fab": "brands", "fas": "solid"}
    for old, prefix, new in shims:
        table[old] = (new or old, hints.get(prefix or ""))
    for current, info in icons.items():
        for old in ((info.get("aliases") or {}).get("names")) or ():
            table.setdefault(old, (current, None))
    return table


class ZipMembers:
    """The members of a zip archive in memory, listed from its central directory with
    `struct` alone: `zipfile` makes a `ZipInfo` of every member, about 40 ms for lucide's
    1,745 icons on every build that draws one. Stored and deflated members, no Zip64 (a
    `zipfile.BadZipFile` for anything else: the caller falls back to `zipfile`)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        end = data.rfind(b"PK\x05\x06")
        if end < 0:
            raise zipfile.BadZipFile("no end of central directory")
        count, _, pos = struct.unpack_from("<HII", data, end + 10)
        self.members: dict[str, tuple[int, int, int]] = {}
        """Name -> (local header offset, compressed size, compression method)."""
        for _ in range(count):
            if data[pos : pos + 4] != b"PK\x01\x02":
                raise zipfile.BadZipFile("bad central directory entry")
            (method,) = struct.unpack_from("<H", data, pos + 10)
            (size,) = struct.unpack_from("<I", data, pos + 20)
            name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, pos + 28)
            (local,) = struct.unpack_from("<I", data, pos + 42)
            name = data[pos + 46 : pos + 46 + name_len].decode("utf-8")
            self.members[name] = (local, size, method)
            pos += 46 + name_len + extra_len + comment_len

    def namelist(self) -> list[str]:
        return list(self.members)

    def read(self, name: str) -> bytes:
        """The member's bytes; KeyError for a name the archive lacks."""
        local, size, method = self.members[name]
        name_len, extra_len = struct.unpack_from("<HH", self.data, local + 26)
        start = local + 30 + name_len + extra_len
        raw = self.data[start : start + size]
        if method == zipfile.ZIP_STORED:
            return raw
        if method == zipfile.ZIP_DEFLATED:
            return zlib.decompress(raw, -15)
        raise zipfile.BadZipFile(f"compression method {method}")


@functools.lru_cache(maxsize=1)
def _lucide_zip() -> ZipMembers | zipfile.ZipFile | None:
    """lucide.zip, read once into memory (about 650 kB) so no file handle stays open."""
    try:
        data = (resources.files("lucide") / "lucide.zip").read_bytes()
    except (ModuleNotFoundError, OSError):
        return None
    try:
        return ZipMembers(data)
    except (zipfile.BadZipFile, struct.error, UnicodeDecodeError):
        pass
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return None


@functools.lru_cache(maxsize=1)
def _lucide_names() -> frozenset[str]:
    archive = _lucide_zip()
    if archive is None:
        return frozenset()
    return frozenset(n[:-4] for n in archive.namelist() if n.endswith(".svg") and "/" not in n)


_KEBAB_OR_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SHAPES = frozenset({"square", "circle", "rectangle", "octagon", "diamond", "hexagon"})
"""Shapes Font Awesome Pro draws around a free icon (`square-terminal`, `circle-book-open`)."""


def family_icon(name: str, library: str = "fontawesome") -> str | None:
    """For a Font Awesome name the free set lacks, the free icon its name is made from, as
    Font Awesome Pro names its variants: the name less a leading shape (`rectangle-terminal`,
    `square-terminal` -> `terminal`), the singular of a plural (`stars` -> `star`), else the
    name less its last words (`puzzle-piece-simple` -> `puzzle-piece`, `chart-line-up` ->
    `chart-line`, `hand-wave` -> `hand`). None when no such name is an icon, or for another
    library."""
    if _normalize_library(library) != "fontawesome" or not _KEBAB_OR_WORD.fullmatch(name):
        return None
    names = icon_names("fontawesome")
    parts = name.split("-")
    if len(parts) > 1 and parts[0] in _SHAPES and "-".join(parts[1:]) in names:
        return "-".join(parts[1:])
    if name.endswith("s") and not name.endswith("ss") and name[:-1] in names:
        return name[:-1]
    while len(parts) > 1:
        parts.pop()
        if "-".join(parts) in names:
            return "-".join(parts)
    return None


def icon_names(library: str = "fontawesome") -> frozenset[str]:
    """Every icon name a library ships (Font Awesome: union of the free styles)."""
    lib = _normalize_library(library)
    if lib == "fontawesome":
        return frozenset().union(*(_fa_names(s) for s in _FA_STYLES))
    if lib == "lucide":
        return _lucide_names()
    return frozenset()


# -- loading ----------------------------------------------------------------------------------


def _split_svg(text: str) -> tuple[dict[str, str], str] | None:
    text = _COMMENT_RE.sub("", text)
    match = _SVG_OPEN_RE.search(text)
    end = text.rfind("</svg>")
    if match is None or end < match.end():
        return None
    attrs = dict(_ATTR_RE.findall(match.group(1)))
    inner = _BETWEEN_TAGS_RE.sub("><", text[match.end() : end].strip()).replace(" />", "/>")
    return attrs, inner


@functools.lru_cache(maxsize=2048)
def _load_fa(name: str, style: str) -> _Body | None:
    root = _fa_svg_root()
    if root is None or name not in _fa_names(style):
        return None
    try:
        parts = _split_svg((root / style / f"{name}.svg").read_text(encoding="utf-8"))
    except OSError:
        return None
    if parts is None:
        return None
    attrs, inner = parts
    view_box = attrs.get("viewBox", "0 0 512 512")
    return _Body(f'viewBox="{view_box}" fill="currentColor"', inner, "fontawesome", name, style)


@functools.lru_cache(maxsize=2048)
def _load_lucide(name: str) -> _Body | None:
    archive = _lucide_zip()
    if archive is None or name not in _lucide_names():
        return None
    try:
        parts = _split_svg(archive.read(f"{name}.svg").decode("utf-8"))
    except (KeyError, OSError, UnicodeDecodeError, zipfile.BadZipFile, zlib.error):
        return None
    if parts is None:
        return None
    attrs, inner = parts
    attrs.setdefault("viewBox", "0 0 24 24")
    attrs.setdefault("fill", "none")
    attrs.setdefault("stroke", "currentColor")
    kept = " ".join(f'{k}="{attrs[k]}"' for k in _LUCIDE_KEEP if k in attrs)
    return _Body(kept, inner, "lucide", name, "")


# -- resolution -------------------------------------------------------------------------------


def _normalize_library(library: object) -> Library | None:
    if library is None:
        return "fontawesome"
    if not isinstance(library, str):
        return None
    lib = library.strip().lower().replace("_", "").replace("-", "").replace(" ", "")
    if lib in ("", "fontawesome", "fa"):
        return "fontawesome"
    if lib == "lucide":
        return "lucide"
    return None  # tabler (not packaged) or unknown


def _parse_name(name: object, icon_type: object) -> tuple[str, str | None] | None:
    """``"fa-solid fa-rocket"`` -> ``("rocket", "solid")``; None for URLs, paths and junk."""
    if not isinstance(name, str):
        return None
    tokens = name.strip().lower().split()
    if not tokens or len(tokens) > 4:
        return None
    names = [t for t in tokens if t not in _FA_STYLE_TOKENS and t != "fa"]
    if len(names) != 1:
        return None  # nothing, or several names: not an icon reference
    base = names[0][3:] if names[0].startswith("fa-") else names[0]
    if not _NAME_RE.fullmatch(base):
        return None
    if isinstance(icon_type, str) and icon_type.strip():
        return base, icon_type.strip().lower()
    styles = [_FA_STYLE_TOKENS[t] for t in tokens if t in _FA_STYLE_TOKENS and t != "fa-sharp"]
    style = styles[0] if styles else None
    if "fa-sharp" in tokens:
        style = f"sharp-{style or 'solid'}"
    return base, style


def _find_fa(name: str, icon_type: str | None) -> _Body | None:
    order: tuple[str, ...] = _FA_STYLE_ORDER.get(icon_type or "", _FA_STYLES)
    for style in order:
        body = _load_fa(name, style)
        if body is not None:
            return body
    alias = _fa_aliases().get(name)
    if alias is None:
        return None
    current, hint = alias
    # A v4 shim's style ("envelope-o" -> regular envelope) wins unless iconType was given.
    styles = order if icon_type or hint is None else (hint, *order)
    for style in styles:
        body = _load_fa(current, style)
        if body is not None:
            return body
    return None


def _find_lucide(name: str) -> _Body | None:
    body = _load_lucide(name)
    if body is not None:
        return body
    alias = _LUCIDE_ALIASES.get(name)
    if alias is not None:
        return _load_lucide(alias)
    for shape in ("circle", "square"):
        suffix = f"-{shape}"
        if name.endswith(suffix) and len(name) > len(suffix):
            return _load_lucide(f"{shape}-{name[: -len(suffix)]}")
    return None


@functools.lru_cache(maxsize=4096)
def _resolve_body(name: str, icon_type: str | None, library: Library) -> tuple[_Body, bool] | None:
    if library == "fontawesome":
        body = _find_fa(name, icon_type)
        if body is not None:
            return body, False
        body = _find_lucide(name)
        return (body, True) if body is not None else None
    body = _find_lucide(name)
    if body is not None:
        return body, False
    body = _find_fa(name, icon_type)
    return (body, True) if body is not None else None


def _size_attr(size: object) -> str:
    if isinstance(size, bool):
        return ""
    if isinstance(size, str) and size.strip().isdigit():
        size = int(size.strip())
    if isinstance(size, (int, float)) and 0 < size < 10_000:
        text = f"{size:g}"
        return f' width="{text}" height="{text}"'
    return ""


def resolve_icon(
    name: str,
    *,
    icon_type: str | None = None,
    library: str = "fontawesome",
    size: int | None = None,
    color: str | None = None,
    css_class: str = "mr-icon",
) -> IconResult | None:
    """Resolve ``name`` in ``library`` (falling back to the other packaged library).

    Returns None for unknown names, URLs, paths, non-strings and the unpackaged ``tabler``.
    ``fallback`` tells the caller that the icon came from the other library, so it may warn.
    """
    lib = _normalize_library(library)
    parsed = _parse_name(name, icon_type)
    if lib is None or parsed is None:
        return None
    base, style = parsed
    found = _resolve_body(base, style, lib)
    if found is None:
        return None
    body, fallback = found
    cls = f' class="{html.escape(css_class.strip())}"' if isinstance(css_class, str) else ""
    if cls == ' class=""':
        cls = ""
    style_attr = ""
    if isinstance(color, str) and color.strip():
        style_attr = f' style="color:{html.escape(color.strip())}"'
    svg = (
        f'<svg{cls} {body.attrs}{_size_attr(size)} aria-hidden="true"{style_attr}>'
        f"{body.inner}</svg>"
    )
    return IconResult(svg, body.library, fallback, body.name, body.style)


def render_icon(
    name: str,
    *,
    icon_type: str | None = None,
    library: str = "fontawesome",
    size: int | None = None,
    color: str | None = None,
    css_class: str = "mr-icon",
) -> str | None:
    """Inline ``<svg>`` markup for an icon name, or None when it is unknown (the caller warns)."""
    result = resolve_icon(
        name, icon_type=icon_type, library=library, size=size, color=color, css_class=css_class
    )
    return result.svg if result is not None else None
