"""The page's contextual menu (docs.json `contextual`): copy the page, view it as Markdown,
open it in an AI chat, or custom links — only actions that work without a Mintlify backend."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from mintrender.themes.uitext import ui_text
from mintrender.urls import ROOT, is_external, markdown_path_for

_PROMPT = "Read {url} so I can ask questions about it."
# Chat services that take a prompt in the URL; they need the page's public (absolute) URL.
_CHATS = {
    "chatgpt": ("ChatGPT", "https://chatgpt.com/?hints=search&q={q}"),
    "claude": ("Claude", "https://claude.ai/new?q={q}"),
    "perplexity": ("Perplexity", "https://www.perplexity.ai/search/new?q={q}"),
    "grok": ("Grok", "https://grok.com/?q={q}"),
}


SERVICE_OPTIONS = frozenset(
    {"assistant", "mcp", "add-mcp", "cursor", "vscode", "devin", "devin-mcp", "devin-desktop"}
    | {"download-pdf", "download-spec", "aistudio"}
)
"""Page actions that need Mintlify's own services (its assistant, MCP server, PDF export)."""


def left_out_options(raw: Any, public_url: bool) -> list[tuple[int, str, str]]:
    """(index, option, why) of each of docs.json's page actions the menu leaves out."""
    options = raw.get("options") if isinstance(raw, dict) else None
    out = []
    for i, option in enumerate(options if isinstance(options, list) else []):
        if not isinstance(option, str):  # a custom action `{title, href}`: drawn
            continue
        if option in _CHATS and not public_url:
            why = "needs the site's public address to name the page to the assistant: build "
            out.append((i, option, why + "with --base-url https://…"))
        elif option in SERVICE_OPTIONS:
            out.append((i, option, "needs Mintlify's own services"))
    return out


def contextual_options(
    raw: Any,
    frontmatter: dict[str, Any],
    site_path: str,
    public_url: str | None,
    text: Mapping[str, str] | None = None,
) -> list[dict[str, str]]:
    """Menu entries `{id, title, description, href?, action?, tile}` (`tile`: the theme's UI
    icon drawn in the row's tile); [] hides the menu. `text`: the
    theme's words in the page's language (`uitext.ui_text`; English when not given)."""
    words = text if text is not None else ui_text("en")
    page = frontmatter.get("contextual")
    if page is False:  # `contextual: false`: no menu on this page
        return []
    if not (isinstance(page, dict) and isinstance(page.get("options"), list)):
        page = None  # a malformed page value is left out (`frontmatter-value` says so)
    source = page if page is not None else raw if isinstance(raw, dict) else {}
    options = source.get("options")
    if not isinstance(options, list):
        return []
    md_href = ROOT + markdown_path_for(site_path)
    out: list[dict[str, str]] = []
    for option in options:
        if option == "copy":
            out.append(
                {
                    "id": "copy",
                    "title": words["copy_page"],
                    "description": words["copy_page_desc"],
                    "action": "copy",
                    "href": md_href,
                    "tile": "copy",
                }
            )
        elif option == "view":
            out.append(
                {
                    "id": "view",
                    "title": words["view_md"],
                    "description": words["view_md_desc"],
                    "href": md_href,
                    "tile": "file-text",
                }
            )
        elif isinstance(option, str) and option in _CHATS and public_url:
            name, pattern = _CHATS[option]
            query = quote(_PROMPT.format(url=public_url), safe="")
            out.append(
                {
                    "id": option,
                    "title": words["open_in"].replace("{name}", name),
                    "description": words["ask_page"],
                    "href": pattern.format(q=query),
                    "tile": "message-circle",
                }
            )
        elif isinstance(option, dict) and isinstance(option.get("title"), str):
            href = _custom_href(option.get("href"), site_path, public_url)
            if href:
                out.append(
                    {
                        "id": "custom",
                        "title": option["title"],
                        "description": str(option.get("description") or ""),
                        "href": href,
                        "icon": str(option.get("icon") or ""),
                        "tile": "link",
                    }
                )
        # mcp, add-mcp, cursor, vscode, devin, download-pdf, assistant...: need Mintlify services
    return out


def _custom_href(href: Any, site_path: str, public_url: str | None) -> str | None:
    def fill(text: str) -> str:
        return text.replace("$page", public_url or site_path).replace("$path", site_path)

    if isinstance(href, str):
        return fill(href) if is_external(href) or href.startswith("/") else None
    if isinstance(href, dict) and isinstance(href.get("base"), str):
        pairs = [
            f"{quote(str(q.get('key', '')))}={quote(fill(str(q.get('value', ''))))}"
            for q in href.get("query") or []
            if isinstance(q, dict)
        ]
        return fill(href["base"]) + ("?" + "&".join(pairs) if pairs else "")
    return None
