"""The banner, navbar and footer around pages: docs.json's, and each language's own
(`navigation.languages[].banner|footer|navbar`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from mintrender.load.jsonpos import PathKey
from mintrender.load.shapes import (
    TYPE_NAMES,
    Warn,
    as_dict,
    as_str,
    check_types,
    icon_fields,
    kind_of,
)


@dataclass(frozen=True, slots=True)
class NavbarLink:
    label: str
    href: str
    icon: str | None = None
    """Icon name or path; `github`/`discord` typed links get the brand icon."""
    type: str | None = None


@dataclass(frozen=True, slots=True)
class Banner:
    content: str
    """Markdown (links, bold, italic)."""
    dismissible: bool = False
    type: str | None = None
    color: str | None = None


@dataclass(frozen=True, slots=True)
class FooterColumn:
    header: str
    items: tuple[tuple[str, str], ...]
    """(label, href) pairs."""


@dataclass(frozen=True, slots=True)
class Chrome:
    """The banner, navbar and footer around every page: the site's, or one language's
    (`navigation.languages[].banner|footer|navbar`, each replacing the site's key as a whole)."""

    navbar_links: tuple[NavbarLink, ...] = ()
    navbar_primary: NavbarLink | None = None
    footer_socials: tuple[tuple[str, str], ...] = ()
    footer_columns: tuple[FooterColumn, ...] = ()
    banner: Banner | None = None
    footer_at: PathKey = ("footer",)
    """Where the footer is in the config file (a language's, or the site's)."""

    def over(self, override: ChromeOverride) -> Chrome:
        """This chrome with a language's keys in place of its own."""
        out = self
        if override.navbar is not None:
            out = replace(out, navbar_links=override.navbar[0], navbar_primary=override.navbar[1])
        if override.footer is not None:
            socials, columns = override.footer
            out = replace(
                out, footer_socials=socials, footer_columns=columns, footer_at=override.footer_at
            )
        if override.sets_banner:
            out = replace(out, banner=override.banner)
        return out


@dataclass(frozen=True, slots=True)
class ChromeOverride:
    """The `navbar`, `footer` and `banner` one entry of `navigation.languages` sets (None, and
    `sets_banner` false: the site's is kept)."""

    navbar: tuple[tuple[NavbarLink, ...], NavbarLink | None] | None = None
    footer: tuple[tuple[tuple[str, str], ...], tuple[FooterColumn, ...]] | None = None
    banner: Banner | None = None
    sets_banner: bool = False
    """The language has a `banner` object: its banner (None when it has no `content`) replaces
    the site's."""
    footer_at: PathKey = ()
    """Where the language's `footer` is in the config file."""


CHROME_KEYS = ("navbar", "footer", "banner")
"""The keys an entry of `navigation.languages` may set for its own pages."""


def read_chrome_override(raw: dict[str, Any], path: PathKey, warn: Warn) -> ChromeOverride | None:
    """The `navbar`, `footer` and `banner` of the language entry `raw` (at `path`), read and
    checked as the site's own are; a key of the wrong type is reported and left out (the
    language keeps the site's)."""
    present = [k for k in CHROME_KEYS if k in raw]
    if not present:
        return None
    check_types(raw, warn, path, present)
    navbar = raw.get("navbar")
    footer = raw.get("footer")
    banner = raw.get("banner")
    return ChromeOverride(
        read_navbar(navbar, (*path, "navbar"), warn) if isinstance(navbar, dict) else None,
        read_footer(footer, (*path, "footer"), warn) if isinstance(footer, dict) else None,
        read_banner(banner) if isinstance(banner, dict) else None,
        isinstance(banner, dict),
        (*path, "footer"),
    )


_SERVICE_NAMES = {"github": "GitHub", "discord": "Discord"}


def read_navbar(
    navbar: dict[str, Any], path: PathKey, warn: Warn
) -> tuple[tuple[NavbarLink, ...], NavbarLink | None]:
    """`navbar.links` and `navbar.primary` (the object found at `path`)."""
    raw_links = navbar.get("links")
    if raw_links is not None and not isinstance(raw_links, list):
        warn((*path, "links"), "config-type", f"expected an array, found {kind_of(raw_links)}")
        raw_links = []
    links = []
    for i, link in enumerate(raw_links or []):
        if not isinstance(link, dict) or not (as_str(link.get("href")) or as_str(link.get("url"))):
            warn((*path, "links", i), "config-type", "a navbar link needs `href`")
            continue
        ltype = as_str(link.get("type"))
        icon = icon_fields(link, warn, (*path, "links", i))["icon"] or ltype
        href = as_str(link.get("href")) or link["url"]
        # no label: a github or discord link is named for its service (Mintlify shows its
        # star or online count there); a link with an icon is the icon alone
        label = as_str(link.get("label")) or _SERVICE_NAMES.get(ltype or "", "")
        links.append(NavbarLink(label or ("" if icon else href), href, icon, ltype))
    primary_raw = as_dict(navbar.get("primary"))
    primary = None
    if as_str(primary_raw.get("href")):
        ptype = as_str(primary_raw.get("type")) or "button"
        label = as_str(primary_raw.get("label")) or _SERVICE_NAMES.get(ptype, ptype.capitalize())
        primary = NavbarLink(label, primary_raw["href"], None, ptype)
    return tuple(links), primary


def read_footer(
    footer: dict[str, Any], path: PathKey, warn: Warn
) -> tuple[tuple[tuple[str, str], ...], tuple[FooterColumn, ...]]:
    """`footer.socials` and `footer.links` (the object found at `path`)."""
    for key, want in (("socials", dict), ("links", list)):
        value = footer.get(key)
        if value is not None and not isinstance(value, want):
            warn(
                (*path, key),
                "config-type",
                f"expected {TYPE_NAMES[want]}, found {kind_of(value)}",
            )
    socials = tuple(
        (str(k), v) for k, v in as_dict(footer.get("socials")).items() if isinstance(v, str)
    )
    columns = []
    links = footer.get("links")
    for col in links if isinstance(links, list) else []:
        if isinstance(col, dict):
            items = tuple(
                (str(it.get("label", "")), str(it.get("href", "")))
                for it in col.get("items") or []
                if isinstance(it, dict) and it.get("href")
            )
            columns.append(FooterColumn(str(col.get("header") or ""), items))
    return socials, tuple(columns)


def read_banner(banner: dict[str, Any]) -> Banner | None:
    """The banner an object describes (None without `content`)."""
    if not as_str(banner.get("content")):
        return None
    color = banner.get("color")
    if isinstance(color, dict):
        color = as_str(color.get("light")) or as_str(color.get("dark"))
    return Banner(
        banner["content"],
        bool(banner.get("dismissible")),
        as_str(banner.get("type")),
        color if isinstance(color, str) else None,
    )
