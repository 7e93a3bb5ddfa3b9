"""The per-section sidebar cache must produce exactly what a full template render produces."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitekit import CORPORA, minimal_config, write_site

from renderer.config import load_config
from renderer.errors import Diagnostics
from renderer.nav import build_navigation
from renderer.navview import NavView, PageInfo
from renderer.render import fallback_title
from renderer.sidebar import SidebarRenderer
from renderer.site import make_environment
from renderer.sources import discover, page_file_for_ref
from renderer.urls import UrlBuilder, site_path_for

NESTED = [
    "a",
    {
        "group": "One",
        "pages": [
            "b",
            {"group": "Two", "expanded": True, "pages": ["c", {"group": "Three", "pages": ["d"]}]},
        ],
    },
    {"group": "Four", "root": "e", "pages": ["f"]},
]


def _check(docs: Path) -> int:
    config = load_config(docs, Diagnostics())
    nav = build_navigation(config.navigation, lambda *a: None)
    files = frozenset(discover(docs).pages)
    slots = nav.slots()
    infos = {}
    for slot in slots:
        rel = page_file_for_ref(slot.ref, files)
        if rel:
            infos[slot.ref] = PageInfo(
                slot.ref, site_path_for(rel), fallback_title(rel), fallback_title(rel)
            )
    urls = UrlBuilder("hosted", frozenset(i.site_path for i in infos.values()))
    view = NavView(nav, slots, infos, urls, lambda name, kind: "")
    env = make_environment(docs)
    cache = SidebarRenderer(env)
    checked = 0
    for ref in infos:
        nav_ctx = view.view(ref)
        slot = view.location[ref]
        container = slot.divisions[-1] if slot.divisions else nav.root
        full_items = view._items(container.children, ref, slot)
        expected = "".join(str(cache.macro(item, 0)) for item in full_items)
        got = cache.for_page(nav_ctx["sidebar_key"], nav_ctx["sidebar"], nav_ctx["active_href"])
        assert got == expected, ref
        checked += 1
    return checked


def test_nested_groups_and_roots(tmp_path: Path) -> None:
    files = {f"{n}.mdx": f"# {n}\n" for n in "abcdef"}
    docs = write_site(tmp_path / "d", files, minimal_config(NESTED))
    assert _check(docs) == 6


@pytest.mark.corpus
def test_modelslab_every_page() -> None:
    assert _check(CORPORA / "modelslab") > 370
