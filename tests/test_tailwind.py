"""Tests for renderer.tailwind: exact CSS, cascade order, escapes, corpora, and a browser check."""

from __future__ import annotations

import random
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sitekit import build_site, minimal_config, write_site

from mintrender.render.tailwind import collect_classes, escape_class, generate_css, is_supported

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def rules(*names: str) -> list[str]:
    return generate_css(names).splitlines()


# -- exact CSS --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "css"),
    [
        ("block", ".block { display: block }"),
        ("hidden", ".hidden { display: none }"),
        ("inline-block", ".inline-block { display: inline-block }"),
        ("flex", ".flex { display: flex }"),
        ("grid-cols-3", ".grid-cols-3 { grid-template-columns: repeat(3, minmax(0, 1fr)) }"),
        ("gap-4", ".gap-4 { gap: 1rem }"),
        ("gap-x-6", ".gap-x-6 { column-gap: 1.5rem }"),
        ("items-center", ".items-center { align-items: center }"),
        ("justify-between", ".justify-between { justify-content: space-between }"),
        ("w-1/2", ".w-1\\/2 { width: 50% }"),
        ("w-2/3", ".w-2\\/3 { width: 66.666667% }"),
        ("w-full", ".w-full { width: 100% }"),
        ("w-px", ".w-px { width: 1px }"),
        ("h-6", ".h-6 { height: 1.5rem }"),
        ("size-3", ".size-3 { width: 0.75rem; height: 0.75rem }"),
        ("max-w-3xl", ".max-w-3xl { max-width: 48rem }"),
        ("min-h-screen", ".min-h-screen { min-height: 100vh }"),
        ("aspect-video", ".aspect-video { aspect-ratio: 16 / 9 }"),
        ("m-0", ".m-0 { margin: 0px }"),
        ("mx-auto", ".mx-auto { margin-left: auto; margin-right: auto }"),
        ("mt-1.5", ".mt-1\\.5 { margin-top: 0.375rem }"),
        ("-mt-2", ".-mt-2 { margin-top: -0.5rem }"),
        ("-top-14", ".-top-14 { top: -3.5rem }"),
        ("px-4", ".px-4 { padding-left: 1rem; padding-right: 1rem }"),
        ("py-0.5", ".py-0\\.5 { padding-top: 0.125rem; padding-bottom: 0.125rem }"),
        ("space-y-4", ".space-y-4 > :not([hidden]) ~ :not([hidden]) { margin-top: 1rem }"),
        ("text-sm", ".text-sm { font-size: 0.875rem; line-height: 1.25rem }"),
        ("text-6xl", ".text-6xl { font-size: 3.75rem; line-height: 1 }"),
        ("text-sm/6", ".text-sm\\/6 { font-size: 0.875rem; line-height: 1.5rem }"),
        ("font-semibold", ".font-semibold { font-weight: 600 }"),
        ("leading-tight", ".leading-tight { line-height: 1.25 }"),
        ("tracking-tight", ".tracking-tight { letter-spacing: -0.025em }"),
        ("text-center", ".text-center { text-align: center }"),
        ("uppercase", ".uppercase { text-transform: uppercase }"),
        (
            "truncate",
            ".truncate { overflow: hidden; text-overflow: ellipsis; white-space: nowrap }",
        ),
        ("text-gray-500", ".text-gray-500 { color: #6b7280 }"),
        ("text-zinc-950/70", ".text-zinc-950\\/70 { color: rgb(9 9 11 / 0.7) }"),
        ("bg-black/5", ".bg-black\\/5 { background-color: rgb(0 0 0 / 0.05) }"),
        ("bg-white", ".bg-white { background-color: #fff }"),
        ("bg-transparent", ".bg-transparent { background-color: transparent }"),
        ("bg-rose-950", ".bg-rose-950 { background-color: #4c0519 }"),
        ("border-sky-50", ".border-sky-50 { border-color: #f0f9ff }"),
        ("bg-primary", ".bg-primary { background-color: var(--mr-primary, #0d9373) }"),
        # Mintlify's own names: its code block fill and hairline border (Firecrawl, mint-tsdocs)
        ("bg-codeblock/50", ".bg-codeblock\\/50 { background-color: rgb(11 12 14 / 0.5) }"),
        (
            "border-standard",
            ".border-standard { border-width: 1px; border-style: solid; "
            "border-color: var(--mr-border-strong, rgb(17 24 39 / 0.12)) }",
        ),
        ("rounded-xl", ".rounded-xl { border-radius: 0.75rem }"),
        ("rounded", ".rounded { border-radius: 0.25rem }"),
        (
            "rounded-t-lg",
            ".rounded-t-lg { border-top-left-radius: 0.5rem; border-top-right-radius: 0.5rem }",
        ),
        ("opacity-80", ".opacity-80 { opacity: 0.8 }"),
        ("overflow-x-auto", ".overflow-x-auto { overflow-x: auto }"),
        ("z-10", ".z-10 { z-index: 10 }"),
        ("object-cover", ".object-cover { object-fit: cover }"),
        ("cursor-pointer", ".cursor-pointer { cursor: pointer }"),
        ("pointer-events-none", ".pointer-events-none { pointer-events: none }"),
        ("duration-200", ".duration-200 { transition-duration: 200ms }"),
        # arbitrary values
        ("w-[13px]", ".w-\\[13px\\] { width: 13px }"),
        ("bg-[#0260fa]", ".bg-\\[\\#0260fa\\] { background-color: #0260fa }"),
        ("bg-[#0260fa]/50", ".bg-\\[\\#0260fa\\]\\/50 { background-color: rgb(2 96 250 / 0.5) }"),
        ("min-w-[4rem]", ".min-w-\\[4rem\\] { min-width: 4rem }"),
        ("text-[13px]", ".text-\\[13px\\] { font-size: 13px }"),
        ("text-[#333]", ".text-\\[\\#333\\] { color: #333 }"),
        (
            "grid-cols-[1fr_2fr]",
            ".grid-cols-\\[1fr_2fr\\] { grid-template-columns: 1fr 2fr }",
        ),
        ("top-[calc(100%-1rem)]", ".top-\\[calc\\(100\\%-1rem\\)\\] { top: calc(100% - 1rem) }"),
        (
            "bg-[url(https://x.org/a.png)]",
            ".bg-\\[url\\(https\\:\\/\\/x\\.org\\/a\\.png\\)\\] "
            "{ background-image: url(https://x.org/a.png) }",
        ),
        ("[mask-type:luminance]", ".\\[mask-type\\:luminance\\] { mask-type: luminance }"),
    ],
)
def test_exact_css(name: str, css: str) -> None:
    assert rules(name) == [css]


def test_not_prose_and_group_are_markers() -> None:
    assert is_supported("not-prose") and is_supported("group") and is_supported("codeblock-dark")
    assert generate_css(["not-prose", "group", "dark:not-prose"]) == ""


def test_important_modifier() -> None:
    assert rules("dark:!text-zinc-950") == [
        ".dark .dark\\:\\!text-zinc-950 { color: #09090b !important }"
    ]


def test_transform_defaults_and_composition() -> None:
    css = rules("-translate-x-1/2", "group-hover:scale-105")
    assert css[0] == (
        ".-translate-x-1\\/2, .group-hover\\:scale-105 { --tw-translate-x: 0; --tw-translate-y: 0; "
        "--tw-rotate: 0; --tw-skew-x: 0; --tw-skew-y: 0; --tw-scale-x: 1; --tw-scale-y: 1 }"
    )
    assert css[1].startswith(".-translate-x-1\\/2 { --tw-translate-x: -50%; transform: translate(")
    assert css[2].startswith(".group:hover .group-hover\\:scale-105 { --tw-scale-x: 1.05;")


def test_border_preflight() -> None:
    assert rules("border-l", "border-2", "border-zinc-200", "dark:border-t") == [
        ".border-2, .border-l, .dark\\:border-t { border-width: 0; border-style: solid; "
        "border-color: #e5e7eb }",
        ".border-2 { border-width: 2px }",
        ".border-l { border-left-width: 1px }",
        ".border-zinc-200 { border-color: #e4e4e7 }",
        ".dark .dark\\:border-t { border-top-width: 1px }",
    ]


# -- variants and order ------------------------------------------------------------------------


def test_dark_pair() -> None:
    assert rules("block", "dark:hidden", "hidden", "dark:block") == [
        ".block { display: block }",
        ".hidden { display: none }",
        ".dark .dark\\:block { display: block }",
        ".dark .dark\\:hidden { display: none }",
    ]


def test_responsive_order() -> None:
    assert rules("2xl:block", "xl:hidden", "md:block", "hidden", "sm:flex", "lg:grid") == [
        ".hidden { display: none }",
        "@media (min-width: 640px) {",
        "  .sm\\:flex { display: flex }",
        "}",
        "@media (min-width: 768px) {",
        "  .md\\:block { display: block }",
        "}",
        "@media (min-width: 1024px) {",
        "  .lg\\:grid { display: grid }",
        "}",
        "@media (min-width: 1280px) {",
        "  .xl\\:hidden { display: none }",
        "}",
        "@media (min-width: 1536px) {",
        "  .\\32 xl\\:block { display: block }",
        "}",
    ]


def test_variant_order_and_stacking() -> None:
    assert rules(
        "md:dark:hidden",
        "dark:hover:bg-zinc-700",
        "hover:dark:bg-zinc-300",
        "group-hover:underline",
        "hover:bg-zinc-100",
        "focus:outline-none",
        "dark:bg-zinc-900",
        "p-2",
        "dark:group-hover:text-white/60",
    ) == [
        ".p-2 { padding: 0.5rem }",
        ".hover\\:bg-zinc-100:hover { background-color: #f4f4f5 }",
        ".focus\\:outline-none:focus { outline: 2px solid transparent; outline-offset: 2px }",
        ".group:hover .group-hover\\:underline { text-decoration-line: underline }",
        ".dark .dark\\:bg-zinc-900 { background-color: #18181b }",
        ".dark .dark\\:hover\\:bg-zinc-700:hover { background-color: #3f3f46 }",
        ".dark .hover\\:dark\\:bg-zinc-300:hover { background-color: #d4d4d8 }",
        ".dark .group:hover .dark\\:group-hover\\:text-white\\/60 { color: rgb(255 255 255 / 0.6) }",
        "@media (min-width: 768px) {",
        "  .dark .md\\:dark\\:hidden { display: none }",
        "}",
    ]


def test_plugin_order_lets_sides_override_shorthands() -> None:
    css = generate_css(["pt-1", "px-2", "p-4", "mt-2", "m-0"])
    order = [line.split(" ")[0] for line in css.splitlines()]
    assert order == [".m-0", ".mt-2", ".p-4", ".px-2", ".pt-1"]


def test_deterministic() -> None:
    names = ["hidden", "md:block", "dark:hidden", "w-1/2", "bg-black/5", "text-sm", "p-4", "px-2"]
    first = generate_css(names)
    for seed in range(5):
        shuffled = names * 2
        random.Random(seed).shuffle(shuffled)
        assert generate_css(iter(shuffled)) == first


def test_important_selector_option() -> None:
    assert generate_css(["dark:hidden"], important="#content-area") == (
        "#content-area :is(.dark .dark\\:hidden) { display: none }\n"
    )


# -- escapes and unknown names ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "escaped"),
    [
        ("dark:hidden", "dark\\:hidden"),
        ("w-1/2", "w-1\\/2"),
        ("md:grid-cols-2", "md\\:grid-cols-2"),
        ("bg-black/5", "bg-black\\/5"),
        ("mt-1.5", "mt-1\\.5"),
        ("w-[13px]", "w-\\[13px\\]"),
        ("bg-[#0260fa]", "bg-\\[\\#0260fa\\]"),
        ("2xl:flex", "\\32 xl\\:flex"),
        ("-top-14", "-top-14"),
        ("-", "\\-"),
        ("dark:!text-zinc-950", "dark\\:\\!text-zinc-950"),
    ],
)
def test_escape_class(name: str, escaped: str) -> None:
    assert escape_class(name) == escaped


@pytest.mark.parametrize(
    "name",
    [
        "custom-button",
        "badge-new",
        "prose",
        "dark:prose-invert",
        "my-callout",
        "foo:block",
        "md:",
        ":block",
        "",
        "text-banana-500",
        "bg-black/7x",
        "w-[13px;color:red]",
        "w-[}]",
        "w-[<script>]",
        "hover:hover:block",
        "p-13",
        "-p-4",
        "block:",
        "[color:red;x:y]",
        "bg-[url(/img.png)]",
    ],
)
def test_unknown_names_ignored(name: str) -> None:
    assert not is_supported(name)
    assert generate_css([name]) == ""


def test_non_strings_ignored() -> None:
    assert generate_css([None, 3, "block"]) == ".block { display: block }\n"  # type: ignore[list-item]
    assert generate_css([]) == ""


def test_collect_classes() -> None:
    markup = (
        '<div class="flex  gap-4\nmd:grid"><img class=\'block dark:hidden\' src="a.png">'
        '<p data-class="nope" class="text-sm &amp; x"></p><Card className="w-1/2" /></div>'
    )
    assert collect_classes(markup) == {
        "flex",
        "gap-4",
        "md:grid",
        "block",
        "dark:hidden",
        "text-sm",
        "&",
        "x",
        "w-1/2",
    }


def test_classes_written_as_class_are_styled_as_class_name(tmp_path: Path) -> None:
    """React writes a JSX `class` attribute through to the page, so Mintlify's Tailwind styles
    it (OpenClaw's theme logos: `<img class="dark:hidden">`): it gets its utilities too."""
    page = (
        '<img src="/light.svg" alt="light" class="dark:hidden" />\n'
        '<img src="/dark.svg" alt="dark" class="hidden dark:block" />\n\n'
        '<div class="rounded-xl p-4">Boxed</div>\n'
    )
    files = {"index.mdx": page, "light.svg": "<svg/>", "dark.svg": "<svg/>"}
    docs = write_site(tmp_path / "docs", files, minimal_config(["index"]))
    build_site(docs)
    css = (tmp_path / "docs-out" / "_mintrender" / "utilities.css").read_text(encoding="utf-8")
    for name in ("dark:hidden", "hidden", "dark:block", "rounded-xl", "p-4"):
        assert escape_class(name) + ")" in css, name
    html = (tmp_path / "docs-out" / "index.html").read_text(encoding="utf-8")
    assert 'class="hidden dark:block"' in html


# -- corpora ------------------------------------------------------------------------------------

_CLASS_RE = re.compile(
    r"""\b(?:className|class)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})"""
)

#: Corpus class names deliberately left unsupported: author classes styled by the site's own CSS,
#: Mintlify theme hooks, and the typography plugin (the theme styles page content itself).
UNSUPPORTED_PREFIXES = ("assistant-playground-", "theme-icon__")
UNSUPPORTED = {
    "badge-new",  # modelslab: styles.css
    "my-callout",  # mintlify-docs example of custom CSS (not the m-y scale)
    "eyebrow",  # Mintlify theme hook
    "landing-hero",  # mintlify-docs custom CSS
    "prose",  # @tailwindcss/typography plugin
    "prose-gray",
    "prose-sm",
    "dark:prose-invert",
}


def scan_corpus_classes(root: Path) -> Counter[str]:
    found: Counter[str] = Counter()
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".mdx", ".md", ".jsx"):
            continue
        if any(p.startswith(".") or p == "node_modules" for p in path.relative_to(root).parts):
            continue
        for match in _CLASS_RE.finditer(path.read_text(encoding="utf-8", errors="replace")):
            found.update(next(g for g in match.groups() if g is not None).split())
    return found


@pytest.mark.corpus
def test_corpus_classes_supported() -> None:
    if not CORPORA.is_dir():
        pytest.skip("corpora not present")
    used = scan_corpus_classes(CORPORA / "modelslab") + scan_corpus_classes(
        CORPORA / "mintlify-docs"
    )
    assert len(used) > 200
    unsupported = {name for name in used if not is_supported(name)}
    expected = {n for n in used if n in UNSUPPORTED or n.startswith(UNSUPPORTED_PREFIXES)}
    assert unsupported == expected
    assert used["dark:hidden"] > 300 and used["hidden"] > 300
    css = generate_css(used)
    assert ".dark .dark\\:hidden { display: none }" in css


# -- browser ------------------------------------------------------------------------------------

_PAGE = """<!doctype html><html><head><style>{css}</style></head><body>
<img id="light" class="block dark:hidden" alt="">
<img id="dark" class="hidden dark:block" alt="">
<div id="responsive" class="hidden md:block">x</div>
<div id="half" class="w-1/2 bg-black/5 md:dark:bg-[#0260fa]">x</div>
</body></html>"""

#: A theme rule more specific than a utility, as in ``.mr-prose img { display: inline-block }``.
_THEMED_PAGE = """<!doctype html><html><head><style>.content img {{ display: inline-block }}</style>
<style>{css}</style></head><body><div class="content">
<img id="light" class="block dark:hidden" alt=""><img id="dark" class="hidden dark:block" alt="">
</div></body></html>"""

_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
_ARGS.append("--disable-component-update")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("no chromium executable on PATH")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    with sync_api.sync_playwright() as p:
        try:
            instance = p.chromium.launch(executable_path=chromium, args=_ARGS)
        except Exception as exc:  # pragma: no cover - depends on the machine
            pytest.skip(f"chromium failed to start: {exc}")
        try:
            yield instance
        finally:
            instance.close()


def _style(page: Any, element_id: str, prop: str) -> str:
    return str(page.eval_on_selector(f"#{element_id}", f"e => getComputedStyle(e).{prop}"))


@pytest.mark.browser
def test_browser_computed_styles(browser: Any) -> None:
    css = generate_css(collect_classes(_PAGE))
    page = browser.new_page(viewport={"width": 500, "height": 600})
    page.set_content(_PAGE.format(css=css))
    assert (_style(page, "light", "display"), _style(page, "dark", "display")) == ("block", "none")
    assert _style(page, "responsive", "display") == "none"
    half = page.eval_on_selector("#half", "e => e.getBoundingClientRect().width")
    assert half == pytest.approx(page.eval_on_selector("body", "e => e.clientWidth") / 2)
    assert _style(page, "half", "backgroundColor") == "rgba(0, 0, 0, 0.05)"
    page.set_viewport_size({"width": 900, "height": 600})
    assert _style(page, "responsive", "display") == "block"
    page.evaluate("document.documentElement.classList.add('dark')")
    assert (_style(page, "light", "display"), _style(page, "dark", "display")) == ("none", "block")
    assert _style(page, "half", "backgroundColor") == "rgb(2, 96, 250)"
    page.set_viewport_size({"width": 500, "height": 600})
    assert _style(page, "responsive", "display") == "none"
    assert _style(page, "half", "backgroundColor") == "rgba(0, 0, 0, 0.05)"
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize(("important", "light_mode"), [("", "inline-block"), ("html", "none")])
def test_browser_theme_specificity(browser: Any, important: str, light_mode: str) -> None:
    """A ``.content img`` theme rule beats plain utilities; ``important="html"`` fixes that."""
    css = generate_css(["block", "dark:hidden", "hidden", "dark:block"], important=important)
    page = browser.new_page()
    page.set_content(_THEMED_PAGE.format(css=css))
    assert _style(page, "dark", "display") == light_mode
    page.evaluate("document.documentElement.classList.add('dark')")
    assert (_style(page, "light", "display"), _style(page, "dark", "display")) == ("none", "block")
    page.close()


def test_mintlifys_page_colours_are_tailwind_colours(tmp_path: Path) -> None:
    """Sequence's cards copy Mintlify's own markup: `bg-white dark:bg-background-dark`. The
    `background-light`/`background-dark` colours are the site's page colours in either mode
    (docs.json `background.color`, else the theme's); the cards were white in dark mode."""
    page = '<div className="bg-background-light dark:bg-background-dark p-4">Card</div>\n'
    config = minimal_config(
        ["index"], background={"color": {"light": "#fdf6e3", "dark": "#090d0d"}}
    )
    docs = write_site(tmp_path / "docs", {"index.mdx": page}, config)
    build_site(docs)
    css = (tmp_path / "docs-out" / "_mintrender" / "utilities.css").read_text(encoding="utf-8")
    assert "background-color: var(--mr-background-light, #fff)" in css
    assert (
        "dark\\:bg-background-dark) { background-color: var(--mr-background-dark, #0f1014)" in css
    )
    html = (tmp_path / "docs-out" / "index.html").read_text(encoding="utf-8")
    assert "--mr-background-light:#fdf6e3" in html and "--mr-background-dark:#090d0d" in html
