"""Make big Mintlify sites out of a small one, to measure how builds scale (a generator, not a test).

    python benchmarks/bigsite.py copies N OUT [--source DIR]
        The source site copied N times into OUT as one site: copy k lives in folder `copyK/`, and
        the navigations of all copies are merged into one docs.json (each copy's tabs, labelled
        "<tab> K"), so every listed page of every copy is a navigation page. Pages the source does
        not list are copied too (they build, as in the source). 9 copies of mintlify-docs give
        about 9,600 pages.

    python benchmarks/bigsite.py versions OUT [--languages L] [--versions V] [--source DIR]
        A versioned, multi-language site: docs.json `navigation.languages[].versions[]`, each
        version a full copy of that language's navigation, its pages in folder `vK/`. The first L
        languages of the source (repeated under further language codes when L exceeds them) times V
        versions; 4 x 25 of mintlify-docs gives about 24,600 pages.

Both print the number of page files written. Files that are not pages (snippets, images, specs,
CSS/JS) are copied once, at the root, where the pages' absolute references (`/snippets/...`,
`/images/...`) find them; absolute links between pages are rewritten into the page's own copy.
The source is only read. OUT must not exist or be empty.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import shutil
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parents[1] / "shared" / "corpora" / "mintlify-docs"
PAGE_SUFFIXES = (".mdx", ".md")
NOT_PAGES = {"README.md", "LICENSE.md", "CHANGELOG.md", "CONTRIBUTING.md"}
OPERATION = re.compile(r"^(?:(\S+)\s+)?(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE|webhook)\s+\S")
# Absolute links in Markdown `](/x` and JSX `href="/x"` attributes.
ABS_LINK = re.compile(r"(\]\(|href=[\"'])/([^)\"'#?\s]*)")
EXTRA_LANGUAGES = ["de", "ja", "ko", "pt-BR", "it", "nl", "ru", "pl", "tr", "sv", "uk", "vi"]


def _load_json_refs(value: Any, base: Path) -> Any:
    """The docs.json value with `{"$ref": "file.json"}` objects replaced by that file's content."""
    if isinstance(value, dict):
        if set(value) == {"$ref"} and isinstance(value["$ref"], str):
            target = (base / value["$ref"].lstrip("/")).resolve()
            return _load_json_refs(json.loads(target.read_text(encoding="utf-8")), target.parent)
        return {k: _load_json_refs(v, base) for k, v in value.items()}
    if isinstance(value, list):
        return [_load_json_refs(v, base) for v in value]
    return value


def _is_page(rel: str) -> bool:
    parts = rel.split("/")
    return (
        rel.endswith(PAGE_SUFFIXES)
        and "snippets" not in parts[:-1]
        and not any(p.startswith((".", "_")) or p == "node_modules" for p in parts)
        and rel not in NOT_PAGES
    )


def _source_files(source: Path) -> tuple[list[str], list[str]]:
    """(page files, other files) of the source, as sorted POSIX paths."""
    pages, other = [], []
    for path in sorted(source.rglob("*")):
        if path.is_file():
            rel = path.relative_to(source).as_posix()
            if rel.split("/")[0].startswith(".") or rel in {"docs.json", "mint.json"}:
                continue
            (pages if _is_page(rel) else other).append(rel)
    return pages, other


def _prefix_nav(node: Any, prefix: str) -> Any:
    """A navigation subtree with every page path (and group root) moved under `prefix/`."""
    if isinstance(node, list):
        return [_prefix_nav(v, prefix) for v in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "pages" and isinstance(value, list):
            out[key] = [_prefix_entry(v, prefix) for v in value]
        elif key == "root" and isinstance(value, str):
            out[key] = f"{prefix}/{value.lstrip('/')}"
        else:
            out[key] = _prefix_nav(value, prefix)
    return out


def _prefix_entry(entry: Any, prefix: str) -> Any:
    if isinstance(entry, str):
        if OPERATION.match(entry):
            return entry
        return f"{prefix}/{entry.lstrip('/')}"
    return _prefix_nav(entry, prefix)


def _nav_pages(node: Any, found: set[str]) -> set[str]:
    """Page paths listed anywhere in a navigation subtree."""
    if isinstance(node, list):
        for v in node:
            _nav_pages(v, found)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "pages" and isinstance(value, list):
                for v in value:
                    if isinstance(v, str) and not OPERATION.match(v):
                        found.add(v.lstrip("/"))
                    else:
                        _nav_pages(v, found)
            elif key == "root" and isinstance(value, str):
                found.add(value.lstrip("/"))
            else:
                _nav_pages(value, found)
    return found


def _page_file(stem: str, pages: set[str]) -> str | None:
    for candidate in (f"{stem}.mdx", f"{stem}.md", f"{stem}/index.mdx", f"{stem}/index.md"):
        if candidate in pages:
            return candidate
    return None


def _rewrite_links(text: str, prefix: str, stems: set[str]) -> str:
    """Absolute links to pages of the source pointed at the same page of this copy."""

    def fix(m: re.Match[str]) -> str:
        target = m.group(2).rstrip("/")
        if target in stems or (target == "" and "index" in stems):
            return f"{m.group(1)}/{prefix}/{m.group(2)}"
        return m.group(0)

    return ABS_LINK.sub(fix, text)


def _copy_pages(source: Path, out: Path, files: list[str], prefix: str, stems: set[str]) -> None:
    for rel in files:
        target = out / prefix / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        text = (source / rel).read_text(encoding="utf-8", errors="surrogateescape")
        target.write_text(
            _rewrite_links(text, prefix, stems), encoding="utf-8", errors="surrogateescape"
        )


def _start(source: Path, out: Path) -> tuple[dict[str, Any], list[str], set[str]]:
    """Copy the non-page files to OUT; return (resolved docs.json, page files, page stems)."""
    if out.exists() and any(out.iterdir()):
        sys.exit(f"bigsite: {out} exists and is not empty")
    if out.resolve().is_relative_to(source.resolve()):
        sys.exit("bigsite: OUT must not be inside the source")
    config = _load_json_refs(json.loads((source / "docs.json").read_text(encoding="utf-8")), source)
    pages, other = _source_files(source)
    for rel in other:
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / rel, out / rel)
    stems = {p.rsplit(".", 1)[0] for p in pages}
    stems |= {s[: -len("/index")] for s in stems if s.endswith("/index")}
    return config, pages, stems


def _languages(config: dict[str, Any]) -> list[dict[str, Any]]:
    nav = config.get("navigation") or {}
    langs = nav.get("languages") if isinstance(nav, dict) else None
    if isinstance(langs, list) and langs:
        return [lang for lang in langs if isinstance(lang, dict)]
    body = {k: v for k, v in nav.items()} if isinstance(nav, dict) else {"groups": nav}
    return [{"language": "en", **body}]


def _children(lang: dict[str, Any]) -> dict[str, Any]:
    """The navigation content of a language entry (everything but its own settings)."""
    settings = {"language", "default", "hidden", "banner", "footer", "navbar"}
    return {k: v for k, v in lang.items() if k not in settings}


def _write_config(out: Path, config: dict[str, Any], languages: list[dict[str, Any]]) -> None:
    config = dict(config)
    config["navigation"] = {"languages": languages}
    (out / "docs.json").write_text(
        json.dumps(config, indent=1, ensure_ascii=False), encoding="utf-8"
    )


def make_copies(source: Path, out: Path, n: int) -> int:
    """Write N copies of the source as one site into OUT; return the number of page files."""
    config, pages, stems = _start(source, out)
    merged = []
    for lang in _languages(config):
        entry = {k: v for k, v in lang.items() if k not in _children(lang)}
        body = _children(lang)
        if "tabs" in body:
            tabs = []
            for k in range(1, n + 1):
                for tab in _prefix_nav(body["tabs"], f"copy{k}"):
                    tabs.append({**tab, "tab": f"{tab.get('tab', 'Tab')} {k}"})
            entry["tabs"] = tabs
        else:
            entry["tabs"] = [
                {"tab": f"Copy {k}", **_prefix_nav(body, f"copy{k}")} for k in range(1, n + 1)
            ]
        merged.append(entry)
    for k in range(1, n + 1):
        _copy_pages(source, out, pages, f"copy{k}", stems)
    _write_config(out, config, merged)
    return n * len(pages)


def make_versions(source: Path, out: Path, n_languages: int, n_versions: int) -> int:
    """Write a site of L languages x V versions into OUT; return the number of page files."""
    config, pages, stems = _start(source, out)
    page_set = set(pages)
    base = _languages(config)
    codes = [str(lang.get("language", "en")) for lang in base]
    extra = iter(c for c in EXTRA_LANGUAGES if c not in codes)
    chosen: list[tuple[str, dict[str, Any]]] = []
    for i in range(n_languages):
        lang = base[i % len(base)]
        code = str(lang.get("language", "en")) if i < len(base) else next(extra)
        chosen.append((code, lang))
    languages, files = [], set()
    for i, (code, lang) in enumerate(chosen):
        body = _children(lang)
        # A language repeated under another code gets its own folder, like a real translation.
        folder = "" if i < len(base) else f"{code}/"
        listed = sorted(f for f in (_page_file(s, page_set) for s in _nav_pages(body, set())) if f)
        files.update((folder, f) for f in listed)
        versions = []
        for v in range(n_versions, 0, -1):
            version = {"version": f"v{v}", **_prefix_nav(body, f"v{v}/{folder}".rstrip("/"))}
            if v == n_versions:
                version["tag"] = "Latest"
            versions.append(version)
        entry = {k: copy.deepcopy(val) for k, val in lang.items() if k not in body}
        entry["language"] = code
        if i > 0:
            entry.pop("default", None)
        entry["versions"] = versions
        languages.append(entry)
    by_folder: dict[str, list[str]] = {}
    for folder, f in sorted(files):
        by_folder.setdefault(folder, []).append(f)
    for v in range(1, n_versions + 1):
        for folder, listed in by_folder.items():
            _copy_pages(source, out, listed, f"v{v}/{folder}".rstrip("/"), stems)
    _write_config(out, config, languages)
    return n_versions * len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="mode", required=True)
    cp = sub.add_parser("copies", help="the source copied N times as one site")
    cp.add_argument("n", type=int)
    cp.add_argument("out", type=Path)
    cp.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    vp = sub.add_parser("versions", help="languages x versions, each version a full copy")
    vp.add_argument("out", type=Path)
    vp.add_argument("--languages", type=int, default=4)
    vp.add_argument("--versions", type=int, default=25)
    vp.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args(argv)
    if args.mode == "copies":
        count = make_copies(args.source, args.out, args.n)
    else:
        count = make_versions(args.source, args.out, args.languages, args.versions)
    print(f"{count} pages written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
