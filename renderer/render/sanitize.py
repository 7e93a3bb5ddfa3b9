"""`--safe`: author HTML through an allowlist sanitizer (nh3, the Rust `ammonia` library).

A page's rendered body (and its API view) is parsed the way a browser parses it and rebuilt from
allowed elements and attributes only: the theme's own markup (components, code, SVG icons,
MathML) passes unchanged in meaning, and whatever content smuggled in goes. What is removed:

- elements: `script`, `style`, `base`, `meta`, `link`, `object`, `embed`, `form`, `frame`,
  `template`, SVG `animate`/`set`/`foreignObject`, and every element not listed below;
- attributes: event handlers (`on*`), `srcdoc`, `formaction`/`action`, `http-equiv`, and every
  attribute not listed below;
- URLs whose scheme, read as a browser reads it (references decoded, tabs and newlines dropped,
  control characters trimmed), is not http, https, mailto or tel; `data:image/...` is kept on
  images only; SVG `<use>` may point into the page only (`#id`);
- iframes from hosts outside the allowlist (`Safety.iframe_hosts`) lose their `src`.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from functools import lru_cache

import nh3

from mintrender.components._attrnames import SVG_ELEMENTS
from mintrender.errors import Diagnostics
from mintrender.load.config import SiteConfig
from mintrender.load.sources import SourceFiles
from mintrender.model import PageRecord, Safety
from mintrender.safeurl import host_allowed, is_safe_url

_HTML_TAGS = (
    "a abbr acronym address article aside audio b bdi bdo big blockquote br button caption "
    "center cite code col colgroup data dd del details dfn div dl dt em figcaption figure footer "
    "h1 h2 h3 h4 h5 h6 header hgroup hr i iframe img input ins kbd label legend li main mark "
    "meter nav ol optgroup option output p picture pre progress q rp rt rtc ruby s samp section "
    "select small source span strike strong sub summary sup table tbody td textarea tfoot th "
    "thead time tr track tt u ul var video wbr fieldset dialog menu search"
)
_MATH_TAGS = (
    "math semantics annotation mi mn mo ms mspace mtext mrow mfrac msqrt mroot mstyle merror "
    "mpadded mphantom menclose msub msup msubsup munder mover munderover mmultiscripts "
    "mprescripts none mtable mtr mtd mlabeledtr"
)
TAGS = frozenset(f"{_HTML_TAGS} {_MATH_TAGS}".split()) | SVG_ELEMENTS
REMOVED_WITH_CONTENT = frozenset({"script", "style", "noscript", "template", "xmp", "noembed"})

_GENERIC = "class id style title role lang dir hidden tabindex translate slot part"
_SVG_ATTRS = (
    "viewBox width height x y x1 x2 y1 y2 cx cy r rx ry fx fy d points transform fill "
    "fill-opacity fill-rule clip-rule clip-path mask stroke stroke-width stroke-linecap "
    "stroke-linejoin stroke-dasharray stroke-dashoffset stroke-miterlimit stroke-opacity opacity "
    "offset stop-color stop-opacity gradientUnits gradientTransform spreadMethod "
    "preserveAspectRatio xmlns version focusable href xlink:href text-anchor "
    "dominant-baseline font-family font-size font-weight letter-spacing patternUnits "
    "patternTransform clipPathUnits maskUnits markerWidth markerHeight refX refY orient "
    "vector-effect paint-order shape-rendering color display visibility pathLength dx dy "
    "stdDeviation in in2 result mode operator values type flood-color flood-opacity "
    "enable-background"
)
_PER_TAG = {
    "a": "href target rel download hreflang name type ping",
    "img": "src srcset sizes alt width height loading decoding usemap referrerpolicy crossorigin",
    "source": "src srcset sizes media type width height",
    "video": "src poster controls autoplay loop muted playsinline preload width height",
    "audio": "src controls autoplay loop muted preload",
    "track": "src kind srclang label default",
    "iframe": "src width height allow allowfullscreen frameborder loading referrerpolicy name",
    "button": "type disabled name value",
    "input": "type disabled checked readonly value name placeholder autocomplete min max step",
    "select": "disabled name multiple",
    "option": "value selected disabled label",
    "optgroup": "label disabled",
    "textarea": "disabled readonly name rows cols placeholder",
    "label": "for",
    "details": "open name",
    "dialog": "open",
    "ol": "start reversed type",
    "li": "value",
    "td": "colspan rowspan headers align valign width",
    "th": "colspan rowspan headers scope abbr align valign width",
    "col": "span width",
    "colgroup": "span",
    "table": "summary width",
    "time": "datetime",
    "data": "value",
    "del": "cite datetime",
    "ins": "cite datetime",
    "q": "cite",
    "blockquote": "cite",
    "meter": "value min max low high optimum",
    "progress": "value max",
    "output": "for name",
    "math": "display xmlns alttext",
    "mo": "stretchy fence separator lspace rspace accent largeop movablelimits form symmetric",
    "mspace": "width height depth",
    "mfrac": "linethickness",
    "mtable": "columnalign rowalign columnspacing rowspacing",
    "mtd": "columnalign rowalign columnspan rowspan",
    "mstyle": "displaystyle scriptlevel mathvariant mathcolor mathbackground",
    "mi": "mathvariant",
    "annotation": "encoding",
    "mover": "accent",
    "munder": "accentunder",
    "munderover": "accent accentunder",
    "menclose": "notation",
    "mpadded": "width height depth lspace voffset",
}
_URL_ATTRS = frozenset({"href", "src", "xlink:href", "poster", "cite", "srcset", "ping"})
_CHECKED = _URL_ATTRS | {"style"}
_IMAGE_ELEMENTS = frozenset({"img", "source", "image", "video"})


def _attributes() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {"*": set(_GENERIC.split())}
    for tag in SVG_ELEMENTS:
        out[tag] = set(_SVG_ATTRS.split())
    for tag, names in _PER_TAG.items():
        out.setdefault(tag, set()).update(names.split())
    return out


def _filter(iframe_hosts: tuple[str, ...]) -> Callable[[str, str, str], str | None]:
    def check(element: str, attribute: str, value: str) -> str | None:
        if attribute not in _CHECKED:  # most attributes: called for each, keep this path short
            return value
        if attribute == "style":
            return None if "javascript:" in value.lower().replace("\\", "") else value
        if element == "use" and attribute in ("href", "xlink:href"):
            return value if value.startswith("#") else None
        image = element in _IMAGE_ELEMENTS and attribute in ("src", "srcset", "href", "poster")
        if attribute == "srcset":
            urls = [c.strip().split(" ")[0] for c in value.split(",") if c.strip()]
            return value if all(is_safe_url(u, image=image) for u in urls) else None
        if not is_safe_url(value, image=image):
            return None
        if element == "iframe" and attribute == "src" and not host_allowed(value, iframe_hosts):
            return None
        return value

    return check


@lru_cache(maxsize=8)
def cleaner(iframe_hosts: tuple[str, ...]) -> nh3.Cleaner:
    """One sanitizer per iframe allowlist (built once: the allowlists are large)."""
    return nh3.Cleaner(
        tags=set(TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes=_attributes(),
        attribute_filter=_filter(iframe_hosts),
        strip_comments=True,
        link_rel=None,
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes={"http", "https", "mailto", "tel", "data"},
    )


def sanitize_html(text: str, safety: Safety) -> str:
    """`text` rebuilt from allowed markup only (see the module docstring)."""
    if not text:
        return text
    return str(cleaner(safety.iframe_hosts).clean(text))


_DATA_SCRIPT = re.compile(
    r'<script type="application/json" data-component="api-playground-data">(.*?)</script>', re.S
)
_KEPT = re.compile("\x1fkept(\\d+)\x1f")


def sanitize_api_html(text: str, safety: Safety) -> str:
    """An API view: the Try-it data block the view writes (JSON, which never runs) is kept
    when it holds valid JSON; everything else is sanitized."""
    kept: list[str] = []

    def keep(m: re.Match[str]) -> str:
        try:
            json.loads(m.group(1))
        except ValueError:
            return ""
        kept.append(m.group())
        return f"\x1fkept{len(kept) - 1}\x1f"

    clean = sanitize_html(_DATA_SCRIPT.sub(keep, text), safety)
    return _KEPT.sub(lambda m: kept[int(m.group(1))], clean) if kept else clean


def sanitize_record(record: PageRecord, safety: Safety) -> None:
    """Sanitize everything of a rendered page that came from its content or its spec."""
    rendered = record.rendered
    if rendered is not None:
        record.rendered = dataclasses.replace(
            rendered,
            body_html=sanitize_html(rendered.body_html, safety),
            examples={k: sanitize_html(v, safety) for k, v in rendered.examples.items()},
            panel_html=sanitize_html(rendered.panel_html, safety),
        )
    api = record.api
    if api is not None:
        record.api = dataclasses.replace(
            api,
            header_html=sanitize_api_html(api.header_html, safety),
            body_html=sanitize_api_html(api.body_html, safety),
            aside_html=sanitize_api_html(api.aside_html, safety),
            description_html=sanitize_html(api.description_html, safety),
        )


ACTIVE_SUFFIXES = (".js", ".mjs", ".cjs", ".html", ".htm", ".xhtml", ".shtml")
"""Files a browser runs or renders as a page of the site's origin: left out by `--safe`."""


def without_active_files(sources: SourceFiles, diagnostics: Diagnostics) -> SourceFiles:
    """`--safe`: the docs folder's scripts and HTML pages are not published (said once)."""
    left_out = [p for p in sources.static if p.lower().endswith(ACTIVE_SUFFIXES)]
    if not left_out:
        return sources
    shown = ", ".join(left_out[:5]) + (
        f" and {len(left_out) - 5} more" if len(left_out) > 5 else ""
    )
    diagnostics.add(
        "info",
        left_out[0],
        1,
        1,
        "safe-scripts",
        f"--safe: {len(left_out)} script or HTML file(s) of the docs folder are left out of the "
        f"site ({shown}); custom JavaScript runs only in builds of trusted docs",
    )
    return dataclasses.replace(
        sources,
        static=tuple(p for p in sources.static if p not in left_out),
        user_js=(),
    )


def without_unsafe_redirects(config: SiteConfig, diagnostics: Diagnostics) -> SiteConfig:
    """`--safe`: a docs.json redirect to a `javascript:` (or other unsafe) URL is dropped: the
    redirect page would run it."""
    kept = []
    for i, redirect in enumerate(config.redirects):
        if is_safe_url(redirect.destination):
            kept.append(redirect)
            continue
        line, col = config.locate(("redirects", i, "destination"))
        diagnostics.warning(
            config.config_file,
            line,
            col,
            "unsafe-url",
            f"redirects[{i}]: destination {redirect.destination[:40]!r} is not an http(s) or "
            "relative URL; --safe leaves the redirect out",
        )
    if len(kept) == len(config.redirects):
        return config
    return dataclasses.replace(config, redirects=tuple(kept))
