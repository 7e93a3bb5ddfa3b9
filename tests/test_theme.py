"""Templates of the mint theme: rendering with sparse and complete contexts, modes, active marks."""

from __future__ import annotations

import copy
import functools
import re
from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from mintrender.write.theme import FragmentCache

TEMPLATES = Path(__file__).resolve().parent.parent / "themes" / "mint" / "templates"


@functools.cache
def env(strict: bool = False) -> Environment:
    kw: dict[str, Any] = {"undefined": StrictUndefined} if strict else {}
    # the same options as renderer/site.py make_environment
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=[FragmentCache],
        **kw,
    )


def render(template: str = "page.html", strict: bool = False, **ctx: Any) -> str:
    return env(strict).get_template(template).render(**ctx)


def page_item(label: str, href: str, **kw: Any) -> dict[str, Any]:
    item = {
        "kind": "page",
        "label": label,
        "href": href,
        "icon_html": None,
        "tag": None,
        "method": None,
        "active": False,
        "deprecated": False,
    }
    item.update(kw)
    return item


def group(label: str, children: list[dict[str, Any]], **kw: Any) -> dict[str, Any]:
    g = {
        "kind": "group",
        "label": label,
        "icon_html": None,
        "tag": None,
        "expanded": False,
        "active": False,
        "root_href": None,
        "children": children,
    }
    g.update(kw)
    return g


def full_context(**page: Any) -> dict[str, Any]:
    """A context with every key of ARCHITECTURE.md, optional parts set to None or empty."""
    ctx = {
        "site": {
            "name": "Acme",
            "logo": None,
            "favicon": None,
            "colors": {"primary": "#0260fa", "light": None, "dark": None},
            "appearance": {"default": "system", "strict": False},
            "navbar": {"links": [], "primary": None},
            "footer": {"socials": [], "columns": []},
            "banner": None,
            "search_prompt": "Search...",
            "home_href": "/",
        },
        "nav": {
            "tabs": [],
            "anchors": [],
            "dropdowns": [],
            "products": [],
            "versions": [],
            "languages": [],
            "sidebar": [
                group(
                    "Start",
                    [page_item("Intro", "/", active=True), page_item("Other", "/other")],
                    active=True,
                )
            ],
        },
        "page": {
            "title": "Intro",
            "description_html": None,
            "eyebrow": None,
            "breadcrumbs": [],
            "body_html": "<p>Body</p>",
            "toc": [],
            "mode": "default",
            "prev": None,
            "next": None,
            "is_api": False,
            "api_header_html": None,
            "aside_html": None,
            "deprecated": False,
            "tag": None,
            "hide_pagination": False,
            "url": "/",
            "source_path": "index.mdx",
        },
        "head": {
            "title": "Intro - Acme",
            "description": None,
            "canonical": None,
            "meta": [],
            "noindex": False,
        },
        "assets": {
            "css": ["/_mintrender/mintrender.css"],
            "js": ["/_mintrender/mintrender.js"],
            "user_css": [],
            "user_js": [],
            "search_index_url": "/_mintrender/search.js",
            "tailwind_css": None,
        },
        "root": "/",
        "offline": False,
    }
    ctx["page"].update(page)
    return ctx


TOC = [{"id": "a", "text": "Alpha", "level": 2}, {"id": "b", "text": "Beta", "level": 3}]


# ---- rendering without optional parts ----------------------------------------------------------


@pytest.mark.parametrize("template", ["page.html", "api.html", "404.html"])
def test_sparse_context_renders(template: str) -> None:
    out = render(template, site={"name": "Acme"}, page={"title": "Hello", "body_html": "<p>x</p>"})
    assert "<!doctype html>" in out
    assert 'id="banner"' not in out
    assert "nav-tabs" not in out
    assert 'class="mr-logo__text">Acme<' in out
    assert "mr-footer__columns" not in out
    assert "<img" not in out


def test_no_context_at_all_renders() -> None:
    out = render("page.html")
    assert 'id="content-area"' in out
    assert "<title>Documentation</title>" in out


@pytest.mark.parametrize("template", ["page.html", "api.html", "404.html"])
def test_complete_context_with_nones_passes_strict_undefined(template: str) -> None:
    ctx = full_context()
    if template == "404.html":
        ctx.pop("page")
    out = render(template, strict=True, **ctx)
    assert 'id="content-area"' in out


def test_everything_present_passes_strict_undefined() -> None:
    ctx = full_context(
        toc=TOC,
        eyebrow="Start",
        description_html="<p>Desc</p>",
        tag="New",
        prev={"title": "P", "href": "/p"},
        next={"title": "N", "href": "/n"},
    )
    ctx["site"].update(
        {
            "logo": {"light": "/l.png", "dark": "/d.png", "href": None},
            "favicon": "/f.png",
            "navbar": {
                "links": [
                    {
                        "label": "Discord",
                        "href": "https://d",
                        "icon_html": "<svg></svg>",
                        "external": True,
                    }
                ],
                "primary": {"label": "Go", "href": "https://x", "type": "button"},
            },
            "footer": {
                "socials": [{"platform": "x", "href": "https://x", "icon_html": "<svg></svg>"}],
                "columns": [{"header": "H", "items": [{"label": "L", "href": "/l"}]}],
            },
            "banner": {
                "html": "<p>News</p>",
                "dismissible": True,
                "type": None,
                "color": None,
                "key": "k1",
            },
        }
    )
    tab = {"label": "Guide", "href": "/", "icon_html": None, "active": True, "external": False}
    ctx["nav"].update(
        {
            "tabs": [tab, dict(tab, label="API", href="/api", active=False)],
            "anchors": [
                {
                    "label": "Support",
                    "href": "https://s",
                    "icon_html": None,
                    "active": False,
                    "external": True,
                }
            ],
            "versions": [
                {"label": "v2", "href": "/", "active": True, "tag": "Latest"},
                {"label": "v1", "href": "/v1", "active": False, "tag": None},
            ],
            "languages": [
                {"code": "en", "label": "English", "href": "/", "active": True},
                {"code": "fr", "label": "Français", "href": "/fr", "active": False},
            ],
            "dropdowns": [dict(tab, label="Docs")],
        }
    )
    out = render("page.html", strict=True, **ctx)
    for hook in (
        'id="banner"',
        'id="navbar"',
        'class="nav-tabs',
        'id="sidebar"',
        'id="content-area"',
        'id="page-title"',
        'id="table-of-contents"',
        'id="pagination"',
        'id="footer"',
        'class="toc-item',
        "mdx-content",
        'data-component="search-trigger"',
    ):
        assert hook in out, hook
    assert 'data-key="k1"' in out
    assert "mr-logo__img--dark" in out
    assert 'hreflang="fr"' in out


# ---- head --------------------------------------------------------------------------------------


def test_head_meta_and_asset_order() -> None:
    ctx = full_context()
    ctx["assets"].update(
        {
            "tailwind_css": "/_mintrender/tw.css",
            "user_css": ["/styles.css"],
            "user_js": ["/user.js"],
        }
    )
    ctx["head"]["meta"] = [
        {"attr": "property", "key": "og:title", "content": "T"},
        {"attr": "onload", "key": "x", "content": "y"},
    ]
    ctx["offline"] = True
    ctx["root"] = "../../"
    out = render(**ctx)
    css = re.findall(r'<link rel="stylesheet" href="([^"]+)"', out)
    assert css == ["/_mintrender/mintrender.css", "/_mintrender/tw.css", "/styles.css"]
    assert out.index("--mr-primary:#0260fa") < out.index('href="/styles.css"')
    js = re.findall(r'<script src="([^"]+)"', out)
    assert js == ["/_mintrender/mintrender.js", "/user.js"]
    assert '<meta name="mr-root" content="../../">' in out
    assert '<meta name="mr-offline" content="1">' in out
    assert '<meta name="mr-search-index" content="/_mintrender/search.js">' in out
    assert '<meta property="og:title" content="T">' in out
    assert "onload" not in out


def test_primary_colour_fallbacks() -> None:
    out = render(**full_context())
    assert ":root{--mr-primary:#0260fa;--mr-primary-light:#0260fa;--mr-primary-dark:#0260fa}" in out


def test_strict_appearance_hides_toggle() -> None:
    ctx = full_context()
    ctx["site"]["appearance"] = {"default": "dark", "strict": True}
    out = render(**ctx)
    assert 'data-component="theme-toggle"' not in out
    assert "strict = true" in out and 'def = "dark"' in out


def test_text_is_escaped() -> None:
    out = render(**full_context(title="<script>x</script>"))
    assert "<script>x</script>" not in out
    assert "&lt;script&gt;x&lt;/script&gt;" in out


# ---- navigation --------------------------------------------------------------------------------


def test_active_page_and_tab_marked() -> None:
    ctx = full_context()
    ctx["nav"]["tabs"] = [
        {"label": "Guide", "href": "/", "icon_html": None, "active": True, "external": False},
        {"label": "API", "href": "/api", "icon_html": None, "active": False, "external": False},
    ]
    out = render(**ctx)
    assert re.search(r'<li><a href="/" data-active aria-current="page">', out)
    assert not re.search(r'href="/other"[^>]*data-active', out)
    assert re.search(r'class="nav-tabs-item mr-navtabs__link" href="/" data-active', out)
    assert not re.search(r'href="/api" data-active', out)


def test_nested_groups_methods_and_tags() -> None:
    ctx = full_context()
    ctx["nav"]["sidebar"] = [
        group(
            "API",
            [
                group("Closed", [page_item("A", "/a", method="POST")]),
                group(
                    "Expanded", [page_item("B", "/b", method="delete", tag="NEW")], expanded=True
                ),
                group(
                    "Active",
                    [group("Deep", [page_item("C", "/c", active=True, method="GET")], active=True)],
                    active=True,
                ),
            ],
        )
    ]
    out = render(**ctx)
    details = re.findall(r"<details( open)?>", out)
    assert details == ["", " open", " open", " open"]
    assert '<span data-m="DEL">DEL</span>B' in out and '<span data-m="POST">POST</span>A' in out
    assert '<span class="mr-nav__tag">NEW</span>' in out
    assert 'class="mr-nav__heading"' in out  # the top-level group is a section heading
    # without JS a group's title leads to its first page; chevrons are CSS, not SVG
    assert '<a class="mr-nav__first" href="/a">Closed</a>' in out
    assert "mr-nav__chevron" not in out and out.count("<summary data-active-group>") == 2


def test_sidebar_external_link_and_anchor() -> None:
    ctx = full_context()
    ctx["nav"]["sidebar"].append(
        {"kind": "link", "label": "Blog", "href": "https://b", "icon_html": None, "external": True}
    )
    ctx["nav"]["anchors"] = [
        {
            "label": "Support",
            "href": "https://s",
            "icon_html": "<svg></svg>",
            "active": False,
            "external": True,
        }
    ]
    out = render(**ctx)
    assert 'href="https://b" target="_blank"' in out
    assert 'class="mr-anchor__tile"><svg></svg>' in out


# ---- TOC and modes -----------------------------------------------------------------------------


def test_toc_only_with_headings() -> None:
    assert 'id="table-of-contents"' not in render(**full_context())
    assert 'id="table-of-contents"' not in render(
        **full_context(toc=[{"id": "x", "text": "X", "level": 4}])
    )
    out = render(**full_context(toc=TOC))
    assert 'id="table-of-contents"' in out
    assert 'href="#a">Alpha<' in out and '<li class="toc-item" data-depth="1">' in out


@pytest.mark.parametrize("mode", ["default", "wide", "custom", "frame", "center"])
def test_modes(mode: str) -> None:
    ctx = full_context(toc=TOC, mode=mode, prev={"title": "P", "href": "/p"})
    out = render(**ctx)
    has_toc = 'id="table-of-contents"' in out
    assert has_toc == (mode == "default")
    assert ('id="page-title"' in out) == (mode != "custom")
    assert ('id="footer"' in out) == (mode != "custom")
    assert ('id="pagination"' in out) == (mode != "custom")
    sidebar_on_desktop = "mr-has-sidebar" in out.split("<body", 1)[1].split(">", 1)[0]
    assert sidebar_on_desktop == (mode in ("default", "wide", "frame"))
    expected = {"frame": "wide"}.get(mode, mode)  # mint lacks frame (look.md §7)
    assert f'data-mode="{expected}"' in out
    assert 'id="sidebar"' in out  # still the drawer on phones


@pytest.mark.parametrize("theme", ["luma", "aspen", "mint", "maple"])
def test_frame_drops_the_page_header_on_the_themes_that_have_it(theme: str) -> None:
    """look.md §7: frame (aspen, almond, luma, sequoia) has no TOC and no page header, so a
    page's own hero is its top: mintlify-docs' home (luma) had the title drawn over it. On a
    theme without frame it falls back to wide, header kept."""
    ctx = full_context(toc=TOC, mode="frame")
    ctx["site"]["theme"] = theme
    out = render(**ctx)
    assert ('id="page-title"' in out) == (theme in ("mint", "maple"))
    assert 'id="table-of-contents"' not in out and 'data-mode="wide"' in out


def test_api_page_aside_replaces_toc() -> None:
    ctx = full_context(
        toc=TOC,
        is_api=True,
        api_header_html='<div class="endpoint">POST /x</div>',
        aside_html='<div id="request-example">req</div>',
    )
    out = render("api.html", **ctx)
    assert 'id="table-of-contents"' not in out
    assert '<div class="endpoint">POST /x</div>' in out
    assert 'class="mr-api-aside"' in out and '<div id="request-example">req</div>' in out
    assert "mr-main--api" in out
    assert out.index('id="page-title"') < out.index("endpoint") < out.index("request-example")
    wide = render("api.html", **dict(copy.deepcopy(ctx), page=dict(ctx["page"], mode="wide")))
    assert "mr-api-aside--inline" in wide


def test_hide_pagination_and_banner_types() -> None:
    ctx = full_context(prev={"title": "P", "href": "/p"}, hide_pagination=True)
    ctx["site"]["banner"] = {
        "html": "<b>x</b>",
        "dismissible": False,
        "type": "warning",
        "color": None,
        "key": None,
    }
    out = render(**ctx)
    assert 'id="pagination"' not in out
    assert 'class="mr-banner mr-banner--warning"' in out
    assert "banner-dismiss" not in out
    ctx["site"]["banner"].update(type=None, color="#ff0000")
    assert "--mr-banner-bg: #ff0000" in render(**ctx)


def test_404_page() -> None:
    ctx = full_context()
    ctx.pop("page")
    out = render("404.html", **ctx)
    assert "Page not found" in out and 'data-mode="center"' in out
    assert 'href="/"' in out
