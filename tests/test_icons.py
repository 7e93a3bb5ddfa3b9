"""Tests for renderer.icons: styles, aliases, fallbacks, odd input, and the corpora's icon names."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from mintrender.render import icons
from mintrender.render.icons import IconResult, icon_names, render_icon, resolve_icon

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"

#: Corpus icon names that resolve in neither packaged library, and why.
KNOWN_UNRESOLVED: dict[str, dict[str, str]] = {
    "modelslab": {
        # enterprise-api/flux-kontext-dev/overview.mdx: a Bootstrap glyphicon name, never a
        # Font Awesome (4-6) or Lucide name; Mintlify shows no icon either.
        "time": "not an icon name in Font Awesome or Lucide",
    },
    "mintlify-docs": {
        # components/accordions.mdx (+ translations): a Font Awesome Pro-only icon.
        "alien-8bit": "Font Awesome Pro only (not in fontawesomefree)",
    },
}

_PROP = re.compile(r"""\bicon=(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})""")
_TAG = re.compile(r"<[A-Z][\w.]*\s[^<>]*?\bicon=[^<>]*?>", re.S)
_TYPE = re.compile(r"""\biconType=["']([^"']*)["']""")
_FM_ICON = re.compile(r"""^icon:\s*["']?([^"'\n]+?)["']?\s*$""", re.M)
_FM_TYPE = re.compile(r"""^iconType:\s*["']?([^"'\n]+?)["']?\s*$""", re.M)
_JSON_ICON = re.compile(r'"icon"\s*:\s*"([^"]*)"')


def _is_name(value: str) -> bool:
    return bool(value) and not value.startswith(("/", "http:", "https:", ".")) and "." not in value


def _mdx_files(root: Path) -> list[Path]:
    return sorted(
        p
        for p in root.rglob("*.mdx")
        if not any(part.startswith(".") or part == "node_modules" for part in p.parts[-8:])
    )


def scan_corpus_icons(root: Path) -> Counter[tuple[str, str | None]]:
    """(name, iconType) pairs used by a corpus: MDX props, frontmatter and docs.json files."""
    found: Counter[tuple[str, str | None]] = Counter()
    for path in _mdx_files(root):
        text = path.read_text(encoding="utf-8", errors="replace")
        typed: set[str] = set()
        for tag in _TAG.finditer(text):
            prop, kind = _PROP.search(tag.group(0)), _TYPE.search(tag.group(0))
            if prop and kind:
                name = next(g for g in prop.groups() if g is not None)
                found[(name, kind.group(1))] += 1
                typed.add(name)
        for match in _PROP.finditer(text):
            name = next(g for g in match.groups() if g is not None)
            if name not in typed:
                found[(name, None)] += 1
        if text.startswith("---"):
            head = text[: text.find("\n---", 3)]
            kind = _FM_TYPE.search(head)
            for match in _FM_ICON.finditer(head):
                found[(match.group(1), kind.group(1) if kind else None)] += 1
    for path in root.rglob("docs.json"):
        for match in _JSON_ICON.finditer(path.read_text(encoding="utf-8")):
            found[(match.group(1), None)] += 1
    return Counter({k: v for k, v in found.items() if _is_name(k[0])})


def corpus_library(root: Path) -> str:
    config = json.loads((root / "docs.json").read_text(encoding="utf-8"))
    return (config.get("icons") or {}).get("library", "fontawesome")


# -- the corpora ------------------------------------------------------------------------------


@pytest.mark.corpus
@pytest.mark.parametrize("corpus", ["modelslab", "mintlify-docs"])
def test_corpus_icons_resolve(corpus: str) -> None:
    root = CORPORA / corpus
    if not root.is_dir():
        pytest.skip(f"corpus {root} not present")
    library = corpus_library(root)
    used = scan_corpus_icons(root)
    assert used, "scanner found no icons"
    unresolved = {
        name for name, kind in used if resolve_icon(name, icon_type=kind, library=library) is None
    }
    assert unresolved == set(KNOWN_UNRESOLVED[corpus])


def test_corpus_libraries() -> None:
    if not CORPORA.is_dir():
        pytest.skip("corpora not present")
    assert corpus_library(CORPORA / "modelslab") == "fontawesome"
    assert corpus_library(CORPORA / "mintlify-docs") == "lucide"


@pytest.mark.parametrize(
    ("name", "library", "used", "resolved", "fallback"),
    [
        # ModelsLab: Font Awesome site with Lucide-style names.
        ("trash-2", "fontawesome", "lucide", "trash-2", True),
        ("upload-cloud", "fontawesome", "lucide", "cloud-upload", True),
        ("mic-2", "fontawesome", "lucide", "mic-vocal", True),
        ("message-circle", "fontawesome", "lucide", "message-circle", True),
        ("home", "fontawesome", "fontawesome", "house", False),
        ("refresh", "fontawesome", "fontawesome", "arrows-rotate", False),
        ("file-text", "fontawesome", "fontawesome", "file-lines", False),
        # Mintlify: Lucide site with brand names only Font Awesome has.
        ("github", "lucide", "fontawesome", "github", True),
        ("python", "lucide", "fontawesome", "python", True),
        ("square-js", "lucide", "fontawesome", "square-js", True),
        ("text", "lucide", "lucide", "text-align-start", False),
        ("book-open", "lucide", "lucide", "book-open", False),
    ],
)
def test_corpus_style_names(
    name: str, library: str, used: str, resolved: str, fallback: bool
) -> None:
    result = resolve_icon(name, library=library)
    assert result is not None
    assert (result.library_used, result.name, result.fallback) == (used, resolved, fallback)


# -- Font Awesome styles ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "icon_type", "style"),
    [
        ("rocket", None, "solid"),
        ("star", None, "solid"),
        ("star", "regular", "regular"),
        ("star", "solid", "solid"),
        ("star", "light", "regular"),
        ("star", "thin", "regular"),
        ("star", "duotone", "solid"),
        ("star", "sharp-solid", "solid"),
        ("star", "Regular", "regular"),
        ("rocket", "regular", "solid"),  # no free regular rocket
        ("github", None, "brands"),
        ("github", "solid", "brands"),
        ("discord", None, "brands"),
        ("x-twitter", None, "brands"),
        ("linkedin", None, "brands"),
        ("book-open", None, "solid"),
        ("star", "nonsense", "solid"),
    ],
)
def test_fa_styles(name: str, icon_type: str | None, style: str) -> None:
    result = resolve_icon(name, icon_type=icon_type)
    assert result is not None and result.library_used == "fontawesome"
    assert result.style == style and not result.fallback


@pytest.mark.parametrize(
    ("spelling", "name", "style"),
    [
        ("fa-rocket", "rocket", "solid"),
        ("FA-Rocket", "rocket", "solid"),
        (" rocket ", "rocket", "solid"),
        ("fa-regular fa-star", "star", "regular"),
        ("far fa-star", "star", "regular"),
        ("fab fa-github", "github", "brands"),
        ("fa fa-home", "house", "solid"),
        ("envelope-o", "envelope", "regular"),  # Font Awesome 4 shim
        ("search", "magnifying-glass", "solid"),  # renamed in 6
        ("gear", "gear", "solid"),
        ("cog", "gear", "solid"),
    ],
)
def test_fa_spellings_and_aliases(spelling: str, name: str, style: str) -> None:
    result = resolve_icon(spelling)
    assert result is not None
    assert (result.name, result.style) == (name, style)


def test_fa_markup() -> None:
    svg = render_icon("rocket")
    assert svg is not None
    assert svg.startswith('<svg class="mr-icon" viewBox="0 0 512 512" fill="currentColor"')
    assert 'aria-hidden="true"' in svg and svg.endswith("</svg>")
    assert "<!--" not in svg and "xmlns" not in svg and "License" not in svg
    assert "width" not in svg and "style" not in svg


def test_size_color_class() -> None:
    svg = render_icon("rocket", size=24, color="#0260fa", css_class="mr-icon mr-card__icon")
    assert svg is not None
    assert svg.startswith('<svg class="mr-icon mr-card__icon" viewBox="0 0 512 512"')
    assert ' width="24" height="24"' in svg and ' style="color:#0260fa"' in svg
    assert 'width="16"' in (render_icon("rocket", size="16") or "")  # type: ignore[arg-type]
    assert "width" not in (render_icon("rocket", size=True) or "x width")  # type: ignore[arg-type]
    assert "class=" not in (render_icon("rocket", css_class="") or "class=")
    hostile = render_icon("rocket", color='red" onload="x', css_class='"><script>')
    assert hostile is not None and "<script>" not in hostile and 'onload="' not in hostile


# -- Lucide -----------------------------------------------------------------------------------


def test_lucide_markup() -> None:
    result = resolve_icon("trash-2", library="lucide")
    assert result is not None and result.library_used == "lucide" and not result.fallback
    svg = result.svg
    assert svg.startswith(
        '<svg class="mr-icon" viewBox="0 0 24 24" fill="none" stroke="currentColor"'
    )
    assert 'stroke-width="2"' in svg and 'aria-hidden="true"' in svg
    assert "\n" not in svg and "  " not in svg and 'width="24"' not in svg and "xmlns" not in svg


@pytest.mark.parametrize(
    ("name", "resolved"),
    [
        ("x-circle", "circle-x"),
        ("plus-square", "square-plus"),
        ("alert-triangle", "triangle-alert"),
    ],
)
def test_lucide_renames(name: str, resolved: str) -> None:
    result = resolve_icon(name, library="lucide")
    assert result is not None and (result.library_used, result.name) == ("lucide", resolved)


def test_lucide_alias_targets_exist() -> None:
    names = icon_names("lucide")
    assert {t for t in icons._LUCIDE_ALIASES.values() if t not in names} == set()
    assert {a for a in icons._LUCIDE_ALIASES if a in names} == set()


def test_lucide_icon_type_ignored() -> None:
    result = resolve_icon("rocket", library="lucide", icon_type="regular")
    assert result is not None and result.library_used == "lucide"


def test_lucide_zip_opened_once() -> None:
    for name in ("rocket", "trash-2", "cloud", "anchor", "trash-2"):
        render_icon(name, library="lucide")
    assert icons._lucide_zip.cache_info().misses <= 1


# -- odd input and other libraries ------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        None,
        "",
        "   ",
        42,
        ["rocket"],
        "https://example.com/icon.svg",
        "/images/logos/aws-mark.svg",
        "./icon.png",
        "icon.svg",
        "rocket star",
        "<svg/>",
        "no-such-icon-anywhere",
        "fa-",
        "fas",
    ],
)
def test_odd_input_gives_none(name: object) -> None:
    assert render_icon(name) is None  # type: ignore[arg-type]
    assert resolve_icon(name, library="lucide") is None  # type: ignore[arg-type]


@pytest.mark.parametrize("library", ["tabler", "material", "", None, 3])
def test_libraries(library: object) -> None:
    result = render_icon("rocket", library=library)  # type: ignore[arg-type]
    if library in ("", None):
        assert result is not None  # default library
    else:
        assert result is None


def test_odd_kwargs_do_not_raise() -> None:
    assert render_icon("rocket", icon_type=5, size=-3, color=7, css_class=None) is not None  # type: ignore[arg-type]


def test_icon_names() -> None:
    fa, lucide = icon_names("fontawesome"), icon_names("lucide")
    assert {"rocket", "github", "star", "house"} <= fa and len(fa) > 1500
    assert {"trash-2", "cloud-upload", "rocket"} <= lucide and len(lucide) > 1500
    assert icon_names("tabler") == frozenset()
    assert isinstance(fa, frozenset)


def test_result_type() -> None:
    result = resolve_icon("rocket")
    assert isinstance(result, IconResult)
    assert result.svg == render_icon("rocket")


def test_zip_members_read_as_zipfile_does(tmp_path: Path) -> None:
    """`ZipMembers` (lucide's icons, listed without a `ZipInfo` each) gives every member of
    the installed lucide.zip, and of stored and deflated archives, as `zipfile` does."""
    import io
    import zipfile
    from importlib import resources

    from mintrender.render.icons import ZipMembers

    archives = [(resources.files("lucide") / "lucide.zip").read_bytes()]
    for method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=method) as out:
            out.writestr("a.svg", "<svg>a</svg>" * 50)
            out.writestr("dir/é.svg", b"\x00\x01binary")
            out.comment = b"a comment"
        archives.append(buffer.getvalue())
    for data in archives:
        ours, theirs = ZipMembers(data), zipfile.ZipFile(io.BytesIO(data))
        assert ours.namelist() == theirs.namelist()
        assert all(ours.read(n) == theirs.read(n) for n in theirs.namelist())
    with pytest.raises(zipfile.BadZipFile):
        ZipMembers(b"not a zip")


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("puzzle-piece-simple", "puzzle-piece"),
        ("chart-line-up", "chart-line"),
        ("hand-wave", "hand"),
        ("music-magnifying-glass", "music"),
        ("stars", "star"),  # a plural: the singular
        ("books", "book"),
        ("glass", None),  # not a plural
        ("rectangle-terminal", "terminal"),  # a shape around a free icon: that icon
        ("square-terminal", "terminal"),
        ("circle-book-open", "book-open"),
        ("shield-exclamation", "shield"),  # a shield is the icon, not a shape around one
        ("sparklesx", None),
        ("waves-sine", None),  # no shorter name is an icon
        ("fa-solid", None),
        ("Hand-Wave", None),  # not a plain icon name
    ],
)
def test_family_icon_of_a_name_the_free_set_lacks(name: str, family: str | None) -> None:
    from mintrender.render.icons import family_icon

    assert family_icon(name) == family
    assert family_icon(name, "lucide") is None  # Pro variants are Font Awesome's


def test_a_pro_icon_is_drawn_as_its_family_with_a_warning(tmp_path: Path) -> None:
    from tests.sitekit import body, build_site, minimal_config, write_site

    page = '---\ntitle: P\n---\n\n<Card title="A" icon="puzzle-piece-simple">x</Card>\n\n<Card title="B" icon="waves-sine">y</Card>\n'
    docs = write_site(tmp_path / "docs", {"index.mdx": page}, minimal_config(["index"]))
    result = build_site(docs, tmp_path / "out")
    html = body((tmp_path / "out" / "index.html").read_text(encoding="utf-8"))
    drawn = resolve_icon("puzzle-piece")
    assert drawn is not None and drawn.svg.split(">", 1)[1] in html  # the family's drawing
    assert html.count('class="mr-card__icon"') == 1  # the other is left out
    found = {d.message for d in result.diagnostics if d.code == "unknown-icon"}
    assert found == {
        "icon 'puzzle-piece-simple' is not in the fontawesome icon set; it is drawn as "
        "'puzzle-piece', the icon its name extends (a Pro icon?)",
        "icon 'waves-sine' is not in the fontawesome icon set (it is left out)",
    }


def test_a_tabler_site_draws_its_icons_from_lucide(tmp_path: Path) -> None:
    """`icons.library: "tabler"` (Lightdash): Tabler is not bundled, so names Lucide shares are
    drawn from Lucide; a name it lacks is left out with a warning that says so."""
    from sitekit import build_site, minimal_config, write_site

    config = minimal_config(["index"])
    config["icons"] = {"library": "tabler"}
    text = '<Icon icon="rocket" /> and <Icon icon="git-branch" /> and <Icon icon="confetti" />\n'
    docs = write_site(tmp_path / "docs", {"index.mdx": text}, config)
    result = build_site(docs, tmp_path / "out")
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert html.count("mr-inline-icon__svg") == 2
    warnings = [d.message for d in result.diagnostics if d.code == "unknown-icon"]
    assert (
        len(warnings) == 1
        and "'confetti'" in warnings[0]
        and "Tabler is not bundled" in warnings[0]
    )
