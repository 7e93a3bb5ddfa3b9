"""Render the mint theme templates with hand-written sample contexts, for screenshots.

    python scripts/theme_preview.py OUTDIR              # write the sample site
    python scripts/theme_preview.py OUTDIR --shots DIR  # ... and screenshot it with Chromium

The contexts follow docs/ARCHITECTURE.md "Page template context" and imitate the ModelsLab site
(5 tabs, a Support anchor, banner, Discord link + primary button, footer socials and columns):
quickstart (prose, table, code blocks), api (endpoint header + examples aside), nested (groups three
levels deep), center (center mode), variants (no banner/logo, tab icons, versions, languages, wide
mode), minimal (almost empty context), and 404.html. Nothing here is used by the build.
"""

from __future__ import annotations

import argparse
import copy
import html
import re
import shutil
import sys
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

REPO = Path(__file__).resolve().parent.parent
THEME = REPO / "themes" / "mint"
CORPUS = Path("/work/shared/corpora/modelslab")
sys.path.insert(0, str(REPO))

# ---- helpers borrowed from the renderer when it is there ---------------------------------------

try:
    from mintrender.render.icons import render_icon as _render_icon
except Exception:  # the preview must work while the renderer is half-built
    _render_icon = None

try:
    from mintrender.render.highlight import highlight_lines as _highlight_lines
    from mintrender.render.highlight import pygments_css as _pygments_css
except Exception:
    _highlight_lines = None
    _pygments_css = None


def icon(name: str) -> str:
    if _render_icon is not None:
        svg = _render_icon(name)
        if svg:
            return svg
    return (
        '<svg class="mr-icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" '
        'stroke-width="2" aria-hidden="true"><circle cx="12" cy="12" r="8"/></svg>'
    )


def lines_of(code: str, lang: str) -> list[str]:
    if _highlight_lines is not None:
        return _highlight_lines(code, lang)
    return [html.escape(line) for line in code.split("\n")]


COPY_SVG = (
    '<svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" '
    'stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">'
    '<rect x="9" y="9" width="13" height="13" rx="2"/><path d="M5 15H4a2 2 0 0 1-2-2V4a2 '
    '2 0 0 1 2-2h9a2 2 0 0 1 2 2v1"/></svg>'
)


def code_block(
    code: str,
    lang: str,
    *,
    title: str = "",
    highlight: tuple[int, ...] = (),
    add: tuple[int, ...] = (),
    delete: tuple[int, ...] = (),
    wrap: bool = False,
    numbers: bool = False,
    expandable: bool = False,
    icon_name: str = "",
) -> str:
    """The renderer's code block markup (the theme contract in the brief)."""
    out = []
    for n, line in enumerate(lines_of(code.strip("\n"), lang), start=1):
        cls = ["line"]
        if n in highlight:
            cls.append("line--highlight")
        if n in add:
            cls.append("line--add")
        if n in delete:
            cls.append("line--del")
        out.append(f'<span class="{" ".join(cls)}">{line}</span>')
    attrs = f' data-lang="{lang}"'
    attrs += " data-wrap" if wrap else ""
    attrs += " data-lines" if numbers else ""
    attrs += " data-expandable" if expandable else ""
    header = ""
    if title:
        ic = icon(icon_name) if icon_name else ""
        header = (
            f'<div class="mr-code__header"><span class="mr-code__title">{ic}'
            f"{html.escape(title)}</span></div>"
        )
    return (
        f'<div class="mr-code code-block" data-component="code-block"{attrs}>{header}'
        f'<button type="button" class="mr-copy" data-component="copy" aria-label="Copy code">'
        f'{COPY_SVG}</button><pre class="mr-code__pre"><code>{chr(10).join(out)}</code></pre></div>'
    )


def heading(level: int, text: str, hid: str) -> str:
    return (
        f'<h{level} id="{hid}" class="mr-heading"><a class="mr-heading__anchor" href="#{hid}" '
        f'aria-label="Link to {html.escape(text)}">#</a>{html.escape(text)}</h{level}>'
    )


# ---- the ModelsLab-like site -------------------------------------------------------------------


def site_context() -> dict[str, Any]:
    return {
        "name": "ModelsLab",
        "logo": {
            "light": "{R}logo/logo_new_light.png",
            "dark": "{R}logo/logo_new_dark.png",
            "href": None,
        },
        "favicon": "{R}favicon.png",
        "colors": {"primary": "#0260fa", "light": "#e8e8e8", "dark": "#202024"},
        "appearance": {"default": "system", "strict": False},
        "navbar": {
            "links": [
                {
                    "label": "Discord",
                    "href": "https://discord.com/invite/modelslab",
                    "icon_html": icon("discord"),
                    "external": True,
                }
            ],
            "primary": {
                "label": "modelslab.com",
                "href": "https://modelslab.com",
                "type": "button",
            },
        },
        "footer": {
            "socials": [
                {
                    "platform": "x",
                    "href": "https://x.com/ModelsLabAI",
                    "icon_html": icon("x-twitter"),
                },
                {
                    "platform": "github",
                    "href": "https://github.com/ModelsLab",
                    "icon_html": icon("github"),
                },
                {
                    "platform": "linkedin",
                    "href": "https://www.linkedin.com/company/stablediffusion",
                    "icon_html": icon("linkedin"),
                },
            ],
            "columns": [
                {
                    "header": "Resources",
                    "items": [
                        {"label": "API Reference", "href": "{R}api-reference/"},
                        {"label": "Quickstart Guide", "href": "{R}quickstart/"},
                        {"label": "Client SDKs", "href": "{R}sdk/python/"},
                        {"label": "Playground", "href": "https://modelslab.com/playground"},
                    ],
                },
                {
                    "header": "Company",
                    "items": [
                        {"label": "ModelsLab", "href": "https://modelslab.com"},
                        {"label": "Pricing", "href": "https://modelslab.com/pricing"},
                        {"label": "Enterprise", "href": "https://modelslab.com/enterprise"},
                        {"label": "Blog", "href": "https://modelslab.com/blog"},
                    ],
                },
                {
                    "header": "Legal",
                    "items": [
                        {"label": "Privacy Policy", "href": "https://modelslab.com/privacy"},
                        {"label": "Terms of Service", "href": "https://modelslab.com/terms"},
                    ],
                },
            ],
        },
        "banner": {
            "html": "<p>⚡ NEW: Flux Klein 9B — Faster inference, stunning quality · "
            '<a href="https://modelslab.com/models/modelslab/flux-klien-9B">Try Now</a></p>',
            "dismissible": True,
            "type": None,
            "color": None,
            "key": "flux-klein-9b",
        },
        "search_prompt": "Search...",
        "home_href": "{R}",
    }


TABS = ["Developer Guide", "API Reference", "Enterprise API", "Changelog", "Open Source"]


def tabs(active: str) -> list[dict[str, Any]]:
    return [
        {
            "label": t,
            "href": "{R}" + re.sub(r"\W+", "-", t.lower()) + "/",
            "icon_html": "",
            "active": t == active,
            "external": False,
        }
        for t in TABS
    ]


def page_item(label: str, href: str, active: bool = False, **kw: Any) -> dict[str, Any]:
    item = {
        "kind": "page",
        "label": label,
        "href": "{R}" + href,
        "icon_html": "",
        "tag": None,
        "method": None,
        "active": active,
        "deprecated": False,
    }
    item.update(kw)
    return item


def group(label: str, children: list[dict[str, Any]], **kw: Any) -> dict[str, Any]:
    g = {
        "kind": "group",
        "label": label,
        "icon_html": "",
        "tag": None,
        "expanded": False,
        "active": any(c.get("active") for c in children),
        "root_href": None,
        "children": children,
    }
    g.update(kw)
    return g


def guide_sidebar(active: str) -> list[dict[str, Any]]:
    def p(label: str, href: str, **kw: Any) -> dict[str, Any]:
        return page_item(label, href, active=(href == active), **kw)

    return [
        group(
            "Get Started",
            [
                p("Introduction", "guide/"),
                p("Quickstart", "quickstart/"),
                p("Agent Skills", "agent-skills/", tag="NEW"),
                p("Authentication", "authentication/"),
                p("Rate Limits", "rate-limits/"),
                p("Error Codes", "error-codes/"),
                p("Webhooks", "webhooks/"),
            ],
        ),
        group(
            "MCP Web API",
            [
                p("Overview", "mcp-web-api/overview/"),
                p("Tools Reference", "mcp-web-api/tools/"),
                p("Agent Integration", "mcp-web-api/agent-integration/"),
            ],
        ),
        group(
            "Agents API (Control Plane)",
            [
                p("Overview", "agents-api/overview/"),
                p("Authentication", "agents-api/auth/"),
                p("Profile and API Keys", "agents-api/profile/"),
                p("Billing and Wallet", "agents-api/billing/"),
            ],
        ),
        group(
            "Client SDKs",
            [
                p("Python", "sdk/python/", icon_html=icon("python")),
                p("PHP", "sdk/php/", icon_html=icon("php")),
                p("TypeScript", "sdk/typescript/", icon_html=icon("js")),
                p("Go", "sdk/golang/", icon_html=icon("golang")),
            ],
        ),
    ]


def api_sidebar(active: str) -> list[dict[str, Any]]:
    def p(label: str, href: str, method: str | None = "POST", **kw: Any) -> dict[str, Any]:
        return page_item(label, href, active=(href == active), method=method, **kw)

    realtime = group(
        "Realtime Stable Diffusion",
        [
            p("Overview", "realtime/overview/", None),
            p("Text to Image", "realtime/text2img/"),
            p("Image to Image", "realtime/img2img/"),
            p("Inpainting", "realtime/inpaint/"),
            p("Fetch Queued Images", "realtime/fetch/"),
        ],
    )
    community = group(
        "Community Models",
        [
            p("Text to Image", "community/text2img/"),
            p("Image to Image", "community/img2img/"),
            p("Inpainting", "community/inpaint/"),
            p("ControlNet", "community/controlnet/"),
            p("Fetch Queued Images", "community/fetch/"),
            p("Reload Model", "community/reload/"),
            p("Delete Model", "community/delete/", "DELETE"),
            p("List Models", "community/list/", "GET"),
        ],
    )
    return [
        group(
            "Using the APIs",
            [p("API Reference", "api-reference/", None, icon_html=icon("book-open"))],
        ),
        group(
            "Our AI APIs",
            [
                group(
                    "Workflows API",
                    [
                        p("Overview", "workflows/overview/", None),
                        p("List Workflows", "workflows/list/", "GET"),
                        p("Run Workflow", "workflows/run/"),
                        p("Cancel Execution", "workflows/cancel/", "DELETE"),
                        p("Get Execution Status", "workflows/status/", "GET"),
                    ],
                ),
                group(
                    "Video API",
                    [
                        p("Overview", "video/overview/", None),
                        p("Text to Video", "video/text2video/"),
                        p("Image to Video", "video/img2video/", tag="BETA"),
                        p("Watermark Remover", "video/watermark/"),
                    ],
                ),
                group(
                    "Image generation API",
                    [
                        p("Overview", "image/overview/", None),
                        realtime,
                        community,
                        group(
                            "Flux",
                            [p("Text to Image", "flux/text2img/"), p("Fetch", "flux/fetch/")],
                        ),
                        group(
                            "Train Model",
                            [
                                p("Fine-tune", "train/finetune/"),
                                p("Training Status", "train/status/"),
                                p("Cancel Training", "train/cancel/", "PATCH"),
                                p("Update Dataset", "train/update/", "PUT"),
                            ],
                        ),
                    ],
                    expanded=True,
                ),
                group(
                    "Image Editing API",
                    [p("Overview", "edit/overview/", None), p("Background Remover", "edit/bg/")],
                ),
                group(
                    "Speech & Audio API",
                    [p("Overview", "audio/overview/", None), p("Text to Speech", "audio/tts/")],
                ),
                group(
                    "LLM API",
                    [p("Chat Completions", "llm/chat/"), p("List Models", "llm/models/", "GET")],
                    tag="NEW",
                ),
            ],
        ),
    ]


def nav_context(tab: str, sidebar: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "tabs": tabs(tab),
        "anchors": [
            {
                "label": "Support",
                "href": "https://modelslab.com/support",
                "icon_html": icon("headset"),
                "active": False,
                "external": True,
            }
        ],
        "dropdowns": [],
        "products": [],
        "versions": [],
        "languages": [],
        "sidebar": sidebar,
    }


def head_context(title: str, description: str = "") -> dict[str, Any]:
    return {
        "title": f"{title} - ModelsLab",
        "description": description,
        "canonical": "https://docs.modelslab.com/" + re.sub(r"\W+", "-", title.lower()),
        "meta": [
            {"attr": "property", "key": "og:site_name", "content": "ModelsLab API Documentation"},
            {"attr": "name", "key": "twitter:site", "content": "@ModelsLabAI"},
        ],
        "noindex": False,
    }


def assets_context() -> dict[str, Any]:
    return {
        "css": ["{R}_mintrender/mintrender.css", "{R}_mintrender/pygments.css"],
        "js": ["{R}_mintrender/mintrender.js"],
        "user_css": ["{R}styles.css"],
        "user_js": [],
        "search_index_url": "{R}_mintrender/search-index.js",
        "tailwind_css": None,
    }


# ---- page bodies -------------------------------------------------------------------------------

PY_CODE = """
import requests

url = "https://modelslab.com/api/v6/realtime/text2img"
payload = {
    "key": "YOUR_API_KEY",
    "prompt": "ultra realistic close up portrait ((beautiful pale cyberpunk female with heavy black eyeliner))",
    "negative_prompt": "bad quality",
    "width": "512",
    "height": "512",
    "samples": 1,
}
response = requests.post(url, json=payload, timeout=60)
print(response.json()["output"][0])
"""

GUIDE_BODY = "\n".join(
    [
        "<p>ModelsLab gives you one API for <strong>image, video, audio, 3D and LLM</strong> models. "
        "This guide walks through your first request, from getting a key to reading the response. "
        'See the <a href="#">API reference</a> for every endpoint.</p>',
        heading(2, "Get your API key", "get-your-api-key"),
        "<p>Create an account, open the <em>Developer</em> dashboard and copy the key. Send it as the "
        "<code>key</code> field of every request body; never commit it to a public repository.</p>",
        '<ol><li>Sign up at <a href="#">modelslab.com</a>.</li><li>Open <strong>Settings → API Keys</strong> and '
        "click <code>Create key</code>.</li><li>Store it in an environment variable:<ul><li><code>MODELSLAB_API_KEY</code> "
        "on your server</li><li>a secret manager in production</li></ul></li></ol>",
        heading(2, "Make your first request", "make-your-first-request"),
        "<p>The realtime endpoint returns an image URL in a few seconds. Lines 6–7 hold the prompt.</p>",
        code_block(PY_CODE, "python", title="generate.py", highlight=(6, 7), icon_name="python"),
        "<p>The same call from a terminal:</p>",
        code_block(
            'curl -X POST "https://modelslab.com/api/v6/realtime/text2img" \\\n'
            '  -H "Content-Type: application/json" \\\n  -d \'{"key": "YOUR_API_KEY", "prompt": "a cat"}\'',
            "bash",
        ),
        heading(3, "Read the response", "read-the-response"),
        '<p>A successful call answers with <code>status: "success"</code>; queued jobs return '
        "<code>processing</code> and a <code>fetch_result</code> URL.</p>",
        code_block(
            '{\n  "status": "success",\n  "generationTime": 1.38,\n  "id": 72301,\n'
            '  "output": ["https://pub-3626123a908346a7a8be8d9295f44e26.r2.dev/generations/0-9f2c.png"],\n'
            '  "meta": {"width": 512, "height": 512}\n}',
            "json",
            title="Response",
            numbers=True,
        ),
        heading(3, "Status values", "status-values"),
        '<table><thead><tr><th>Status</th><th>Meaning</th><th align="right">Typical time</th></tr></thead><tbody>'
        '<tr><td><code>success</code></td><td>The output URLs are ready.</td><td align="right">1–5 s</td></tr>'
        '<tr><td><code>processing</code></td><td>Poll <code>fetch_result</code> until it succeeds.</td><td align="right">5–60 s</td></tr>'
        '<tr><td><code>error</code></td><td>Read <code>message</code>; nothing was charged.</td><td align="right">—</td></tr>'
        "</tbody></table>",
        "<blockquote><p>Images are kept for 24 hours. Copy them to your own storage if you need them longer.</p></blockquote>",
        heading(2, "Migrating from v5", "migrating-from-v5"),
        "<p>The v6 endpoints renamed two fields. The diff below shows the change:</p>",
        code_block(
            'payload = {\n    "key": API_KEY,\n    "model": "sdxl",\n    "model_id": "sdxl",\n'
            '    "prompt": prompt,\n}',
            "python",
            title="Migration",
            delete=(3,),
            add=(4,),
        ),
        "<p>Long lines can soft-wrap instead of scrolling:</p>",
        code_block(
            "export MODELSLAB_WEBHOOK_URL=https://example.com/webhooks/modelslab/"
            "generation-complete?signature=5f2b7c1d9e8a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c",
            "bash",
            title=".env",
            wrap=True,
        ),
        code_block(
            "\n".join(f'    "option_{i}": "value {i}",' for i in range(1, 31)),
            "python",
            title="All options",
            expandable=True,
        ),
        "<hr>",
        heading(2, "Next steps", "next-steps"),
        '<ul><li>Browse the <a href="#">model catalogue</a> for community checkpoints.</li>'
        '<li>Set up <a href="#">webhooks</a> instead of polling.</li>'
        '<li>Install a <a href="#">client SDK</a> for Python, PHP, Dart or TypeScript.</li></ul>',
        "<p>Press <kbd>⌘</kbd> <kbd>K</kbd> to search the docs.</p>",
    ]
)

GUIDE_TOC = [
    {"id": "get-your-api-key", "text": "Get your API key", "level": 2},
    {"id": "make-your-first-request", "text": "Make your first request", "level": 2},
    {"id": "read-the-response", "text": "Read the response", "level": 3},
    {"id": "status-values", "text": "Status values", "level": 3},
    {"id": "migrating-from-v5", "text": "Migrating from v5", "level": 2},
    {"id": "next-steps", "text": "Next steps", "level": 2},
]

API_HEADER = (
    '<div class="mr-preview-endpoint" style="display:flex;align-items:center;gap:12px;height:44px;'
    'padding:0 6px 0 8px;border:1px solid var(--mr-border-strong);border-radius:14px;font-size:14px">'
    '<span style="padding:2px 8px;border-radius:6px;background:rgb(37 99 235/.12);color:#2563eb;'
    'font-weight:700;font-size:12px">POST</span><code style="flex:1;font-size:14px">'
    '/api/v6/realtime/text2img</code><button class="mr-button mr-button--primary" '
    'style="background:var(--mr-primary)">Try it</button></div>'
)

API_BODY = "\n".join(
    [
        "<p>Generates images from a text prompt with the realtime Stable Diffusion model.</p>",
        heading(2, "Body", "body"),
        *[
            f'<div class="field" style="padding:10px 0 20px;border-bottom:1px solid var(--mr-border)">'
            f'<div style="display:flex;gap:8px;align-items:center"><code style="color:var(--mr-accent);'
            f'font-weight:600;font-size:14px">{name}</code><span style="font-size:12px;padding:0 6px;'
            f'border-radius:6px;background:var(--mr-hover-strong)">{typ}</span>'
            + (
                '<span style="font-size:12px;padding:0 6px;border-radius:6px;background:rgb(239 68 68/.1);'
                'color:#dc2626">required</span>'
                if req
                else ""
            )
            + f'</div><p style="margin:8px 0 0">{desc}</p></div>'
            for name, typ, req, desc in [
                ("key", "string", True, "Your API key, used for request authorization."),
                (
                    "prompt",
                    "string",
                    True,
                    "Text prompt with description of the things you want in the image.",
                ),
                ("negative_prompt", "string", False, "Items you don't want in the image."),
                ("width", "integer", False, "Max width 1024. Defaults to 512."),
                ("height", "integer", False, "Max height 1024. Defaults to 512."),
                ("samples", "integer", False, "Number of images returned. Maximum 4."),
                ("safety_checker", "boolean", False, "Filter NSFW images. Defaults to true."),
                ("webhook", "string", False, "URL to receive a POST when the image is ready."),
            ]
        ],
        heading(2, "Response", "response"),
        "<p>A JSON object with <code>status</code>, <code>output</code> URLs and generation metadata.</p>",
    ]
)

API_ASIDE = (
    '<div id="request-example" style="margin-bottom:16px">'
    + code_block(PY_CODE, "python", title="Python")
    + '</div><div id="response-example">'
    + code_block(
        '{\n  "status": "success",\n  "generationTime": 1.38,\n  "id": 72301,\n  "output": [\n'
        '    "https://pub.r2.dev/generations/0-9f2c.png"\n  ]\n}',
        "json",
        title="200",
    )
    + "</div>"
)


def pages() -> dict[str, dict[str, Any]]:
    site = site_context()
    guide = {
        "site": site,
        "nav": nav_context("Developer Guide", guide_sidebar("quickstart/")),
        "page": {
            "title": "Quickstart",
            "eyebrow": "Get Started",
            "description_html": "Make your first ModelsLab API call in under five minutes.",
            "breadcrumbs": ["Get Started"],
            "body_html": GUIDE_BODY,
            "toc": GUIDE_TOC,
            "mode": "default",
            "prev": {"title": "Introduction", "href": "{R}guide/"},
            "next": {"title": "Agent Skills", "href": "{R}agent-skills/"},
            "is_api": False,
            "api_header_html": "",
            "aside_html": "",
            "deprecated": False,
            "tag": None,
            "hide_pagination": False,
            "url": "/quickstart",
            "source_path": "quickstart.mdx",
        },
        "head": head_context("Quickstart", "Make your first ModelsLab API call."),
        "assets": assets_context(),
        "offline": True,
    }
    api = copy.deepcopy(guide)
    api["nav"] = nav_context("API Reference", api_sidebar("realtime/text2img/"))
    api["page"].update(
        {
            "title": "Text to Image",
            "eyebrow": "Realtime Stable Diffusion",
            "description_html": "Generate an image from a text prompt in realtime.",
            "body_html": API_BODY,
            "toc": [
                {"id": "body", "text": "Body", "level": 2},
                {"id": "response", "text": "Response", "level": 2},
            ],
            "is_api": True,
            "api_header_html": API_HEADER,
            "aside_html": API_ASIDE,
            "prev": {"title": "Overview", "href": "{R}realtime/overview/"},
            "next": {"title": "Image to Image", "href": "{R}realtime/img2img/"},
        }
    )
    nested = copy.deepcopy(guide)
    nested["nav"] = nav_context("API Reference", api_sidebar("community/delete/"))
    nested["page"].update(
        {
            "title": "Delete Model",
            "eyebrow": "Community Models",
            "tag": "Deprecated soon",
            "description_html": "Remove a community model you uploaded.",
            "body_html": "<p>A page deep in the navigation, used to check the nested groups.</p>"
            + heading(2, "Request", "request")
            + "<p>Send the model id.</p>"
            + code_block('{"key": "YOUR_API_KEY", "model_id": "my-model"}', "json"),
            "toc": [{"id": "request", "text": "Request", "level": 2}],
        }
    )
    center = copy.deepcopy(guide)
    center["nav"] = nav_context(
        "Changelog", [group("Changelog", [page_item("Release notes", "changelog/", True)])]
    )
    center["page"].update(
        {
            "title": "Release notes",
            "eyebrow": "Changelog",
            "mode": "center",
            "description_html": "What changed in the ModelsLab API.",
            "body_html": heading(2, "March 2026", "march-2026")
            + "<p>Flux Klein 9B is live on the realtime endpoints.</p>",
        }
    )
    variants = copy.deepcopy(guide)
    variants["site"]["banner"] = None
    variants["site"]["logo"] = None
    variants["site"]["name"] = "Acme Cloud"
    variants["site"]["colors"] = {"primary": "#16a34a", "light": "#4ade80", "dark": "#15803d"}
    variants["nav"]["tabs"] = [
        dict(t, icon_html=icon(i))
        for t, i in zip(
            tabs("Developer Guide")[:3], ("book-open", "code", "building"), strict=False
        )
    ]
    variants["nav"]["anchors"] = [
        {
            "label": "Documentation",
            "href": "{R}guide/",
            "icon_html": icon("book"),
            "active": True,
            "external": False,
        },
        {
            "label": "Community",
            "href": "https://forum",
            "icon_html": icon("users"),
            "active": False,
            "external": True,
        },
    ]
    variants["nav"]["versions"] = [
        {"label": "v3.0", "href": "{R}", "active": True, "tag": "Latest"},
        {"label": "v2.4", "href": "{R}v2/", "active": False, "tag": None},
    ]
    variants["nav"]["languages"] = [
        {"code": "en", "label": "English", "href": "{R}", "active": True},
        {"code": "fr", "label": "Français", "href": "{R}fr/", "active": False},
    ]
    variants["nav"]["sidebar"] = [
        group(
            "Getting started",
            [
                page_item("Welcome", "guide/", True, icon_html=icon("house")),
                page_item("Install", "install/", icon_html=icon("download")),
                page_item("Legacy auth", "legacy/", deprecated=True),
            ],
            icon_html=icon("rocket"),
        ),
        group(
            "Guides",
            [
                group(
                    "Deploy",
                    [page_item("Docker", "docker/"), page_item("Kubernetes", "k8s/")],
                    root_href="{R}deploy/",
                    icon_html=icon("server"),
                ),
                {
                    "kind": "link",
                    "label": "Changelog",
                    "href": "https://x",
                    "icon_html": "",
                    "external": True,
                },
            ],
        ),
    ]
    variants["page"].update({"title": "Welcome", "eyebrow": "Getting started", "mode": "wide"})
    minimal = {
        "site": {"name": "Acme Docs"},
        "nav": {},
        "page": {"title": "Hello", "body_html": "<p>Hi.</p>"},
        "head": {"title": "Hello"},
        "assets": assets_context(),
    }
    return {
        "quickstart": guide,
        "api": api,
        "nested": nested,
        "center": center,
        "variants": variants,
        "minimal": minimal,
    }


# ---- writing -----------------------------------------------------------------------------------


def fill_root(value: Any, root: str) -> Any:
    if isinstance(value, str):
        return value.replace("{R}", root)
    if isinstance(value, list):
        return [fill_root(v, root) for v in value]
    if isinstance(value, dict):
        return {k: fill_root(v, root) for k, v in value.items()}
    return value


def build(out: Path) -> list[str]:
    out.mkdir(parents=True, exist_ok=True)
    static = out / "_mintrender"
    static.mkdir(exist_ok=True)
    css = "\n".join(p.read_text() for p in sorted((THEME / "static" / "css").glob("*.css")))
    (static / "mintrender.css").write_text(css)
    js = "\n".join(p.read_text() for p in sorted((THEME / "static" / "js").glob("*.js")))
    (static / "mintrender.js").write_text(js)
    (static / "pygments.css").write_text(_pygments_css() if _pygments_css else "")
    (out / "logo").mkdir(exist_ok=True)
    for name in ("logo_new_light.png", "logo_new_dark.png"):
        if (CORPUS / "logo" / name).exists():
            shutil.copy(CORPUS / "logo" / name, out / "logo" / name)
    for name in ("favicon.png", "styles.css"):
        if (CORPUS / name).exists():
            shutil.copy(CORPUS / name, out / name)

    opts = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True}  # as renderer/site.py
    env = Environment(loader=FileSystemLoader(str(THEME / "templates")), **opts)
    strict = Environment(
        loader=FileSystemLoader(str(THEME / "templates")), undefined=StrictUndefined, **opts
    )
    names = []
    for name, ctx in pages().items():
        target = out / name / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        ctx = fill_root(ctx, "../")
        ctx["root"] = "../"
        template = "api.html" if ctx["page"].get("is_api") else "page.html"
        target.write_text(env.get_template(template).render(**ctx))
        if name == "quickstart":  # full contexts must also pass StrictUndefined
            strict.get_template(template).render(**ctx)
        names.append(name)
    ctx = fill_root(pages()["quickstart"], "")
    ctx.pop("page")
    ctx["root"] = ""
    (out / "404.html").write_text(env.get_template("404.html").render(**ctx))
    return names


# ---- screenshots -------------------------------------------------------------------------------


def screenshots(out: Path, shots: Path, names: list[str], only: list[str] | None = None) -> None:
    from playwright.sync_api import sync_playwright

    shots.mkdir(parents=True, exist_ok=True)
    names = [n for n in names if not only or n in only]
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=shutil.which("chromium"),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        for theme in ("light", "dark"):
            for label, vp in (
                ("desk", {"width": 1440, "height": 900}),
                ("phone", {"width": 390, "height": 844}),
            ):
                ctx = browser.new_context(viewport=vp, device_scale_factor=1)
                ctx.add_init_script(
                    f"try{{localStorage.setItem('mr-theme','{theme}')}}catch(e){{}}"
                )
                page = ctx.new_page()
                for name in names:
                    page.goto((out / name / "index.html").as_uri())
                    page.wait_for_timeout(150)
                    page.screenshot(path=str(shots / f"{name}-{label}-{theme}.png"))
                    if label == "phone" and name in ("quickstart", "nested"):
                        page.click('[data-component="drawer-open"]')
                        page.wait_for_timeout(350)
                        page.screenshot(path=str(shots / f"{name}-{label}-{theme}-drawer.png"))
                ctx.close()
        browser.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--shots", type=Path, help="write PNG screenshots here")
    ap.add_argument("--only", nargs="*", help="screenshot only these sample pages")
    args = ap.parse_args()
    names = build(args.out)
    print(f"wrote {len(names) + 1} pages to {args.out}")
    if args.shots:
        screenshots(args.out, args.shots, names, args.only)
        print(f"screenshots in {args.shots}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
