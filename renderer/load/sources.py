"""Source discovery: which files of the docs folder are pages, snippets, specs and static files."""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from mintrender.errors import Diagnostics
from mintrender.fileio import NOT_REGULAR, is_file, read_bytes
from mintrender.load.contain import outside_link_message, resolve_inside
from mintrender.load.encoding import Decoded, decode_source
from mintrender.model import PageRecord, default_out_dir, zip_path_for
from mintrender.urls import ASSET_DIR
from mintrender.workers import grouped

# Mintlify's built-in ignores (mdx-and-markdown.md §1); every dot-folder is skipped as well.
IGNORED_DIRS = frozenset(
    "node_modules build dist coverage .cache tmp temp __pycache__ _site".split()
)
LISTED_IGNORED_DIRS = frozenset("build dist coverage tmp temp".split())
"""Of those, the folders read all the same when docs.json's navigation lists a page inside
them: sites keep guides in a `build/` folder that the live site serves (Voucherify's 44
`build/…` pages), so a page the navigation names wins over the built-in ignore."""
IGNORED_FILES = frozenset(
    "README.md LICENSE.md CHANGELOG.md CONTRIBUTING.md LICENSE docs.json mint.json "
    "package.json package-lock.json".split()
)
PAGE_EXTENSIONS = (".mdx", ".md")
SNIPPET_FOLDERS = ("snippets/", "_snippets/")
"""Folders of snippet files (never pages): `snippets/`, and `_snippets/`, where the older
`<Snippet file="x.mdx" />` looks."""
SPEC_SUFFIXES = (".json", ".yaml", ".yml")
"""Extensions of OpenAPI / AsyncAPI documents (their content says whether they are one)."""


@dataclass(frozen=True, slots=True)
class SourceFiles:
    pages: tuple[str, ...]
    """POSIX paths of page files (not snippets), sorted."""
    snippets: tuple[str, ...]
    static: tuple[str, ...]
    """Every other file, served at its path (images, specs, downloads, user css/js)."""
    user_css: tuple[str, ...]
    user_js: tuple[str, ...]
    outside_links: tuple[str, ...] = ()
    """Symbolic links to places outside the docs folder, skipped (load/contain.py)."""
    unreadable: tuple[tuple[str, str], ...] = ()
    """Folders that could not be listed (no permission): (path, the system's reason)."""
    earlier_sites: tuple[str, ...] = ()
    """Folders holding a site mintrender built (its `_mintrender` folder), not read as docs."""

    def report(self, diagnostics: Diagnostics) -> None:
        """What was left out of the site: links leading outside, folders that cannot be read."""
        for rel in self.outside_links:
            diagnostics.warning(rel, 1, 1, "symlink-outside", outside_link_message(rel))
        for rel, reason in self.unreadable:
            if reason == NOT_REGULAR:
                why = f"this is {reason}: it is left out of the site"
                diagnostics.warning(rel, 0, 0, "file-unreadable", why, "list it in .mintignore")
                continue
            why = f"this folder cannot be read: {reason}; its files are not in the site"
            diagnostics.warning(rel, 0, 0, "file-unreadable", why, UNREADABLE_HINT)
        for rel in self.earlier_sites:
            why = (
                f"this folder holds a site mintrender built (its {ASSET_DIR} folder): its pages, "
                "Markdown copies, stylesheets and scripts are not read as docs"
            )
            hint = "build into a folder outside the docs folder, or delete this one"
            diagnostics.info(rel, 0, 0, "earlier-output", why, hint)


UNREADABLE_HINT = "let the user who builds read it (chmod), or list it in .mintignore"


def _read_ignore(docs_dir: Path) -> list[str]:
    path = docs_dir / ".mintignore"
    if not is_file(path):
        return []
    patterns = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            patterns.append(line.rstrip("/"))
    return patterns


def _ignored(rel: str, patterns: list[str]) -> bool:
    for pat in patterns:
        p = pat.lstrip("/")
        if (
            fnmatch.fnmatch(rel, p)
            or fnmatch.fnmatch(rel, p + "/*")
            or fnmatch.fnmatch(rel.rsplit("/", 1)[-1], p)
        ):
            return True
    return False


def snippet_globs(raw: object) -> tuple[str, ...]:
    """docs.json's `snippets`: glob patterns of further snippet files (a string or a list of
    them; anything else is `mintrender check`'s to report)."""
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        return ()
    return tuple(p.strip() for p in raw if isinstance(p, str) and p.strip())


def listed_folders(navigation: object) -> frozenset[str]:
    """Every folder (`a/`, `a/b/`) holding a page that `navigation` (docs.json's, in any of
    its shapes) lists: the strings of its `pages` lists, at any depth."""
    folders: set[str] = set()

    def visit(node: object, in_pages: bool) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                visit(value, key == "pages")
        elif isinstance(node, list):
            for item in node:
                visit(item, in_pages)
        elif in_pages and isinstance(node, str):
            parts = node.strip().strip("/").split("/")[:-1]
            for end in range(1, len(parts) + 1):
                folders.add("/".join(parts[:end]) + "/")

    visit(navigation, False)
    return frozenset(folders)


def _glob_matcher(globs: Sequence[str]) -> Callable[[str], bool]:
    """Whether a docs-relative POSIX path matches one of `globs`: `**` any folders (none
    included), `*` and `?` within one name, `[...]` a set; a leading `/` or `./` is the docs
    root, and a pattern ending in `/` (or naming no file) takes a folder's files."""
    if not globs:
        return lambda rel: False
    parts = []
    for glob in globs:
        glob = glob.removeprefix("./").lstrip("/")
        if glob.endswith("/"):
            glob += "**"
        parts.append(_glob_regex(glob) + "(?:/.*)?")
    rx = re.compile("|".join(f"(?:{p})" for p in parts))
    return lambda rel: rx.fullmatch(rel) is not None


def _glob_regex(glob: str) -> str:
    out, i = [], 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        elif glob[i] == "[" and (end := glob.find("]", i + 2)) > 0:
            body = glob[i + 1 : end]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            i = end + 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return "".join(out)


def _in_cycle(path: Path, real: Path, docs_dir: Path) -> bool:
    """Is the folder `path` (really `real`) one of its own ancestors, reached through a link?"""
    parent = path.parent
    while parent != docs_dir and docs_dir in parent.parents:
        if parent.resolve() == real:
            return True
        parent = parent.parent
    return path != docs_dir and real == docs_dir.resolve()


def own_outputs(docs_dir: Path, written: Iterable[Path] = ()) -> frozenset[Path]:
    """What mintrender writes: the default output folder and its zip, and `written` (a `-o`
    folder and its zip), resolved. None of it is ever read back as input."""
    default = default_out_dir(docs_dir)
    return frozenset(p.resolve() for p in (default, zip_path_for(default), *written))


def discover(
    docs_dir: Path,
    written: Iterable[Path] = (),
    snippet_globs: Sequence[str] = (),
    listed: frozenset[str] = frozenset(),
) -> SourceFiles:
    """Walk the docs folder once, skipping the tool's own outputs (`own_outputs`) and links
    that lead outside it (load/contain.py). Snippets: the files of the root `snippets/`
    folder, and those `snippet_globs` (docs.json `snippets`) match. `listed`: the folders
    the navigation lists pages in (`listed_folders`), read even when built-in ignores name
    them (`LISTED_IGNORED_DIRS`)."""
    patterns = _read_ignore(docs_dir)
    is_snippet = _glob_matcher(snippet_globs)
    outputs = own_outputs(docs_dir, written)
    pages: list[str] = []
    snippets: list[str] = []
    static: list[str] = []
    outside: list[str] = []
    # links are followed only to places inside the docs folder, never into a folder that
    # holds the link itself (a cycle)
    unreadable: list[tuple[str, str]] = []
    earlier: list[str] = []

    def refused(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else docs_dir
        rel = where.relative_to(docs_dir).as_posix() if where.is_relative_to(docs_dir) else "."
        unreadable.append((rel, exc.strerror or str(exc)))

    output_paths = frozenset(str(p) for p in outputs)

    def contained(entry: os.DirEntry[str], rel: str) -> bool:
        """False for a link leading outside the docs folder (noted) or nowhere; the entry
        knows whether it is a link without a system call on most filesystems."""
        try:
            link = entry.is_symlink()
        except OSError:
            link = os.path.islink(entry.path)
        if link and resolve_inside(docs_dir, Path(entry.path)) is None:
            outside.append(rel)
            return False
        return True

    def walk(folder: str, rel_root: str, via_link: bool) -> None:
        """`os.walk(followlinks=True)`'s order: a folder's files (sorted), then its folders
        (sorted), each in turn. A cycle needs a link, so only folders reached through one
        are checked for it."""
        real = os.path.realpath(folder)
        if real in output_paths or (via_link and _in_cycle(Path(folder), Path(real), docs_dir)):
            return
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            refused(exc)
            return
        if rel_root and any(e.name == ASSET_DIR and os.path.isdir(e.path) for e in entries):
            earlier.append(rel_root.rstrip("/"))  # an earlier build's output: never input
            return
        folders: list[os.DirEntry[str]] = []
        for entry in entries:
            name = entry.name
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            if is_folder:
                folders.append(entry)
                continue
            rel = rel_root + name
            if name.startswith(".") or (not rel_root and name in IGNORED_FILES):
                continue
            if os.path.join(real, name) in output_paths:
                continue
            if patterns and _ignored(rel, patterns):
                continue
            if not contained(entry, rel):
                continue
            try:
                regular = entry.is_file()
            except OSError:
                regular = False
            if not regular:  # a pipe, socket or device: reading one waits for ever
                unreadable.append((rel, NOT_REGULAR))
                continue
            if name.endswith(PAGE_EXTENSIONS):
                if rel.startswith(SNIPPET_FOLDERS) or is_snippet(rel):
                    snippets.append(rel)
                elif name in IGNORED_FILES:
                    continue
                else:
                    pages.append(rel)
            else:
                static.append(rel)
        for entry in folders:
            name = entry.name
            if (
                name.startswith(".")
                or (
                    name in IGNORED_DIRS
                    and not (name in LISTED_IGNORED_DIRS and f"{rel_root}{name}/" in listed)
                )
                or os.path.join(real, name) in output_paths
                or name.startswith(("_site", ".mintrender"))
                or not contained(entry, rel_root + name)
            ):
                continue
            walk(entry.path, rel_root + name + "/", via_link or entry.is_symlink())

    walk(str(docs_dir), "", False)
    user_css = tuple(p for p in static if p.endswith(".css") and not p.startswith(SNIPPET_FOLDERS))
    user_js = tuple(p for p in static if p.endswith(".js") and not p.startswith(SNIPPET_FOLDERS))
    return SourceFiles(
        tuple(pages),
        tuple(snippets),
        tuple(static),
        user_css,
        user_js,
        tuple(sorted(outside)),
        tuple(sorted(unreadable)),
        tuple(earlier),
    )


def page_file_for_ref(ref: str, pages: frozenset[str]) -> str | None:
    """Navigation entry `a/b` -> `a/b.mdx` (or `.md`, or the ref itself with an extension)."""
    return next((rel for rel in page_files_of(ref) if rel in pages), None)


def page_files_of(ref: str) -> list[str]:
    """The files a navigation entry may name, the one it names first."""
    ref = ref.strip().strip("/")
    return [ref, *(ref + ext for ext in PAGE_EXTENSIONS)] + [
        f"{ref}/index{ext}" for ext in PAGE_EXTENSIONS
    ]


def not_a_page(docs_dir: Path, ref: str) -> tuple[str, str] | None:
    """(file, why) when navigation entry `ref` names a file of the docs folder that is not a
    page: in a folder Mintlify skips (`build/`, a dot folder), in the `snippets/` folder, or
    left out by `.mintignore` and docs.json's `snippets` (the message would else say there
    is no such file). None when there is no such file, or `ref` leaves the folder."""
    ref = ref.strip().strip("/")
    parts = ref.split("/")
    if not ref or ".." in parts or "\\" in ref:
        return None
    for ext in PAGE_EXTENSIONS:
        file = ref if ref.endswith(PAGE_EXTENSIONS) else ref + ext
        try:
            found = resolve_inside(docs_dir, docs_dir / file) is not None and is_file(
                docs_dir / file
            )
        except OSError:
            found = False
        if not found:
            continue
        skipped = next((p for p in parts[:-1] if p in IGNORED_DIRS or p.startswith(".")), None)
        if skipped is not None:
            return file, f"it is in a `{skipped}/` folder, which Mintlify skips"
        if file.startswith(SNIPPET_FOLDERS):
            return file, "files in the `snippets/` folder are snippets, never pages"
        return file, "it is left out by .mintignore or docs.json's `snippets` globs"
    return None


_UNKNOWN = object()


def _plain(folder: str) -> bool:
    """Is `folder` (relative, POSIX) free of empty and `.` names, so that joining it as text
    names what `pathlib` would? (`..` is fine: the folder is resolved.)"""
    return not folder or (
        "//" not in folder
        and not folder.startswith(("/", "./"))
        and not folder.endswith(("/", "/."))
        and "/./" not in folder
        and folder != "."
    )


Status = tuple[int, int, int, int, int]
"""`Reader.status`: (device, inode, size, modification time, change time), times in ns."""


class Reader:
    """Reads docs files once (snippets are shared by many pages); never outside the docs folder."""

    def __init__(self, docs_dir: Path) -> None:
        self.docs_dir = docs_dir
        self.cache: dict[str, str | None] = {}
        self.not_utf8: dict[str, Decoded] = {}
        """Files read with the Windows-1252 fallback, and where their first bad byte is."""
        self._folders: dict[str, object] = {}
        """Folder -> its real path when inside the docs folder (None: outside or missing)."""
        self._root = str(docs_dir)
        self.seen: set[str] | None = None
        """When a set: every file asked for is added (what one page read, for the build cache)."""
        self.unreadable: dict[str, str] = {}
        """Files that exist but could not be read (no permission...), and the system's reason."""
        self.stamping = False
        """When on, each file's `status` is taken before its first read (for the build cache)."""
        self._status: dict[str, Status | None] = {}

    def forget(self, rel: str) -> None:
        """Drop what was read of `rel` (it changed, or it will not be read again)."""
        self.cache.pop(rel, None)
        self.not_utf8.pop(rel, None)
        self.unreadable.pop(rel, None)
        self._status.pop(rel, None)

    def _inside(self, rel: str) -> str | Path | None:
        """`resolve_inside(docs_dir, docs_dir / rel)`, resolving each folder once: a file
        that is not itself a link lies where its folder's real path says. A plain path
        (`a/b.mdx`: no empty, `.` or `..` name) is joined as text, any other as `pathlib`
        reads it."""
        folder_rel, _, name = rel.rpartition("/")
        if name and name not in (".", "..") and _plain(folder_rel):
            folder = f"{self._root}/{folder_rel}" if folder_rel else self._root
            path = f"{self._root}/{rel}"
        else:
            as_path = self.docs_dir / rel
            if as_path.name in ("", ".", ".."):
                return resolve_inside(self.docs_dir, as_path)
            folder, path, name = str(as_path.parent), str(as_path), as_path.name
        real_folder = self._folders.get(folder, _UNKNOWN)
        if real_folder is _UNKNOWN:
            found = resolve_inside(self.docs_dir, Path(folder))
            real_folder = self._folders[folder] = None if found is None else str(found)
        if real_folder is None:
            return None
        try:
            if stat.S_ISLNK(os.lstat(path).st_mode):
                return resolve_inside(self.docs_dir, Path(path))
        except OSError:
            return None  # missing
        return f"{real_folder}/{name}"

    def status(self, rel: str) -> Status | None:
        """What tells one version of `rel` from another: the device, inode, size, and
        modification and change times of the file (a link's target), as first asked in this
        build; None for a file a read gives nothing for (outside the docs folder, missing)."""
        if rel in self._status:
            return self._status[rel]
        path = self._inside(rel)
        try:
            st = os.stat(path) if path is not None else None
        except OSError:
            st = None
        found = None
        if st is not None and stat.S_ISREG(st.st_mode):
            found = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        self._status[rel] = found
        return found

    def __call__(self, rel: str) -> str | None:
        if self.seen is not None:
            self.seen.add(rel)
        if rel not in self.cache:
            if self.stamping:  # the version read is the one with this status, or a later one
                self.status(rel)
            path = self._inside(rel)
            try:
                self.cache[rel] = None if path is None else self._decode(rel, read_bytes(path))
            except FileNotFoundError:
                self.cache[rel] = None
            except OSError as exc:  # there, but not for this user (or a folder)
                self.cache[rel] = None
                self.unreadable[rel] = exc.strerror or str(exc)
        return self.cache[rel]

    def report(self, files: Iterable[str], diagnostics: Diagnostics) -> None:
        """Of `files` read: a warning for each that could not be read, and for each that is not
        UTF-8, at its first bad byte."""
        for file in files:
            if file in self.unreadable:
                why = f"cannot be read: {self.unreadable[file]}"
                diagnostics.warning(file, 0, 0, "file-unreadable", why, UNREADABLE_HINT)
            decoded = self.not_utf8.get(file)
            if decoded is not None and decoded.bad is not None:
                line, column, _ = decoded.bad
                diagnostics.warning(file, line, column, "file-encoding", decoded.problem())

    def _decode(self, rel: str, data: bytes) -> str:
        decoded = decode_source(data)
        if decoded.bad is not None:
            self.not_utf8[rel] = decoded
        return decoded.text


def unique_pages(
    records: list[PageRecord], referenced: Collection[str], diagnostics: Diagnostics
) -> list[PageRecord]:
    """`records` with one page per site path, so per output file (`shadowed_files`): each file
    left out is a `page-shadowed` warning and is not built (it would overwrite the page)."""
    pages = [(r.rel_path, r.site_path) for r in records]
    dropped = shadowed_files(pages, referenced, diagnostics)
    return [r for r in records if r.rel_path not in dropped] if dropped else records


def shadowed_files(
    pages: Sequence[tuple[str, str]], referenced: Collection[str], diagnostics: Diagnostics
) -> set[str]:
    """Of `(file, site path)`s, the files that make the same page as another (`a.md` and
    `a.mdx`, `a.mdx` and `a/index.mdx`), each with a `page-shadowed` warning: the one
    navigation names is kept, else an `.mdx`, else the first."""
    by_path: dict[str, list[str]] = {}
    for rel, site_path in pages:
        by_path.setdefault(site_path, []).append(rel)
    dropped: set[str] = set()
    for site_path, rels in by_path.items():
        if len(rels) < 2:
            continue
        keep = min(
            range(len(rels)),
            key=lambda i: (rels[i] not in referenced, not rels[i].endswith(".mdx"), i),
        )
        for i, rel in enumerate(rels):
            if i == keep:
                continue
            dropped.add(rel)
            diagnostics.warning(
                rel,
                1,
                1,
                "page-shadowed",
                f"{rel} makes the same page ({site_path}) as {rels[keep]}, which is built; "
                "this file is not",
                "rename or remove one of the two files",
            )
    return dropped


def mirror_keys(rels: Sequence[str]) -> dict[str, str]:
    """Each page file's key, shared with its copies under other top folders: `es/a/b.mdx`,
    `fr/a/b.mdx`, `v2/a/b.mdx` and `a/b.mdx` all key `a/b.mdx` (translations and versions repeat
    their code samples, diagrams and operations, so a worker given all of them renders each once
    and its memos hit). A file with no copy keys itself."""
    rest = {rel: rel.split("/", 1)[1] for rel in rels if "/" in rel}
    copies: dict[str, int] = {}
    for tail in rest.values():
        copies[tail] = copies.get(tail, 0) + 1
    roots = set(rels)
    keys = {}
    for rel in rels:
        own = rest.get(rel)
        keys[rel] = own if own is not None and (own in roots or copies[own] > 1) else rel
    return keys


def page_shares(rels: Sequence[str], jobs: int, docs_dir: Path) -> list[list[str]]:
    """The render workers' shares of page files, each page with its translations and versions
    (`mirror_keys`), weighed by bytes: `grouped`'s shares, biggest first."""

    def size(rel: str) -> float:
        try:
            return 256 + (docs_dir / rel).stat().st_size  # 256: what a page costs beyond its text
        except OSError:
            return 256  # a generated API page, or a file gone since the folder was walked

    return grouped(rels, mirror_keys(rels).__getitem__, jobs, size)
