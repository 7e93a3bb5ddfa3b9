"""Write stage: the temporary output folder, theme bundle, static files, and the atomic swap.

Everything written here is deterministic: files are written in the order the caller gives,
the zip archive lists entries sorted with a fixed timestamp, and nothing records the time,
the temporary folder's name or the machine.
"""

from __future__ import annotations

import contextlib
import glob
import os
import posixpath
import re
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from mintrender.urls import ASSET_DIR, ROOT, is_external, relative_root

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Timestamp of every zip entry (the earliest a zip can hold), for byte-identical archives."""


_CREATE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
"""How `OutputWriter.write_text` opens a file (what `open(path, "wb")` does)."""


def _folder_beside(out_dir: Path, kind: str) -> Path:
    """A new private folder beside `out_dir` (its parent made first); raises OSError."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.{kind}-", dir=out_dir.parent))


def output_problem(out_dir: Path, docs_dir: Path) -> tuple[str, str, str] | None:
    """Why the site must not or cannot be written to `out_dir`, as (code, message, hint), else
    None; asked before anything is read or written. A build replaces OUT as a whole, so OUT
    must not hold the docs folder, nor be a file, nor a folder holding anything but a site
    mintrender wrote (a repository, a user's files): those would be deleted."""
    out, docs = out_dir.resolve(), docs_dir.resolve()
    if out == docs or out in docs.parents:
        why = "it holds the docs folder, which replacing it with the site would delete"
        return "output-holds-docs", f"the site cannot be written to {out}: {why}", _ELSEWHERE
    if out.exists():  # (resolved: a link is its target)
        if not out.is_dir():
            why = "it is a file, which replacing it with the site would delete"
            return "output-not-a-site", f"the site cannot be written to {out}: {why}", _ELSEWHERE
        try:
            names = set(os.listdir(out))
        except OSError as exc:
            return "output-unwritable", unwritable(out_dir, exc), UNWRITABLE_HINT
        if names and (ASSET_DIR not in names or ".git" in names):  # every site holds ASSET_DIR
            what = "a git repository" if ".git" in names else "files that are not a mintrender site"
            why = f"it holds {what}, which replacing it with the site would delete"
            hint = f"build into a new or empty folder, or remove {out} first"
            return "output-not-a-site", f"the site cannot be written to {out}: {why}", hint
    try:
        os.rmdir(_folder_beside(out, "probe"))
    except OSError as exc:
        return "output-unwritable", unwritable(out_dir, exc), UNWRITABLE_HINT
    return None


def unwritable(out_dir: Path, exc: OSError) -> str:
    return f"the site cannot be written here: {exc.strerror or exc}"


UNWRITABLE_HINT = "build into a folder you can write: mintrender build DOCS_DIR -o OUT"
_ELSEWHERE = (
    "build into a folder of its own: mintrender build DOCS_DIR -o OUT (default DOCS_DIR/_site)"
)


class OutputWriter:
    """Writes into a temporary folder beside OUT; `commit()` swaps it in, `abort()` removes it."""

    def __init__(
        self, out_dir: Path, *, mode: str, base_path: str = "/", reuse: bool = False
    ) -> None:
        self.out_dir = out_dir.resolve()
        self.mode = mode
        self.base_path = base_path if base_path.endswith("/") else base_path + "/"
        self.tmp = _folder_beside(self.out_dir, "tmp")
        # mkdtemp makes the folder 0700; a published site must be readable by a web server
        os.chmod(self.tmp, 0o755)
        self.written: list[str] = []
        self._folders: set[Path] = {self.tmp}
        self._taken = _Taken(case_folds(self.tmp))
        self._reserved: _Taken | None = None
        self.localize: Callable[[str, str], str] | None = None
        """`(html, output_path) -> html` for every page: remote assets made local."""
        self._previous = str(self.out_dir) if reuse and _real_folder(str(self.out_dir)) else None
        """With `reuse`: the OUT being replaced, whose unchanged files are linked, not made."""
        self._real: dict[str, bool] = {"": True}

    def _folder_for(self, target: Path) -> None:
        """Make `target`'s folder, once per folder and process (a site has thousands)."""
        folder = target.parent
        if folder not in self._folders:
            folder.mkdir(parents=True, exist_ok=True)
            self._folders.add(folder)

    def root_for(self, output_path: str) -> str:
        return relative_root(output_path) if self.mode == "offline" else self.base_path

    def finish_html(self, output_path: str, text: str) -> str:
        """Resolve the ROOT placeholder for a page written at `output_path`."""
        return text.replace(ROOT, self.root_for(output_path))

    def exists(self, output_path: str) -> bool:
        """Is a file written (or reserved) at `output_path`, or a folder made there for the
        files below it? Answered from what this writer wrote (`adopt`: and its forked writers),
        not with a system call: this folder is new, and nothing else writes into it."""
        reserved = self._reserved
        return output_path in self._taken or (reserved is not None and output_path in reserved)

    def reserve(self, paths: Iterable[str]) -> None:
        """Paths forked writers are writing: `exists()` is true for them (and the folders above
        them) until `release()`, as if written."""
        if self._reserved is None:
            self._reserved = _Taken(self._taken.folds)
        for output_path in paths:
            self._reserved.add(output_path)

    def release(self) -> None:
        """Forget the reserved paths (their files are adopted, or will be written here)."""
        self._reserved = None

    def collides(self, output_path: str) -> bool:
        """Is `output_path` written or reserved, or a folder above such a file, or below one?"""
        return self.exists(output_path) or any(
            books.below_file(output_path)
            for books in (self._taken, self._reserved)
            if books is not None
        )

    def adopt(self, written: Iterable[str]) -> None:
        """Files a forked copy of this writer wrote, in their order."""
        for output_path in written:
            self._wrote(output_path)

    def _target(self, output_path: str) -> Path:
        """Where to write `output_path`, its folder made. A file there already goes first: it
        may be a hard link to a docs-folder file (`copy_file`), which writing into would
        change in the docs folder."""
        target = self.tmp / output_path
        self._folder_for(target)
        if output_path in self._taken:
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
        return target

    def _wrote(self, output_path: str) -> None:
        self.written.append(output_path)
        self._taken.add(output_path)

    def _previous_file(self, output_path: str) -> str | None:
        """The previous OUT's path of `output_path`, when every folder above it there is a
        folder (no link: nothing outside OUT is read)."""
        if self._previous is None:
            return None
        folder = posixpath.dirname(output_path)
        if not self._real_below(folder):
            return None
        return os.path.join(self._previous, output_path)

    def _real_below(self, folder: str) -> bool:
        known = self._real.get(folder)
        if known is None:
            assert self._previous is not None
            known = self._real_below(posixpath.dirname(folder)) and _real_folder(
                os.path.join(self._previous, folder)
            )
            self._real[folder] = known
        return known

    def _link_same(self, output_path: str, target: Path, data: bytes) -> bool:
        """Link the previous OUT's file at `output_path` as `target` when it holds `data`
        exactly: an unchanged file keeps its inode and time (a deploy that syncs by size and
        time sends only what changed), and costs no new file (making thousands of files is
        most of an unchanged site's write stage). The bytes are compared, so nothing of the
        old folder is published that this build did not make. The link is never written
        into: every write first removes what is at its path (`_target`)."""
        source = self._previous_file(output_path)
        if source is None:
            return False
        try:
            fd = os.open(source, os.O_RDONLY | _NOFOLLOW)
        except OSError:
            return False
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
                return False
            if _read_all(fd, len(data)) != data:
                return False
            os.link(source, target, follow_symlinks=False)
        except OSError:
            return False
        finally:
            os.close(fd)
        return True

    def write_text(self, output_path: str, text: str) -> None:
        """`text` as UTF-8, with "\n" kept on every platform (as `write_parts`), written with
        three system calls (`open()` in text mode adds the checks of `isatty`, `fstat` and
        `lseek` that a site's thousands of pages would pay each)."""
        target = self._target(output_path)
        encoded = text.encode("utf-8")
        if self._previous is not None and self._link_same(output_path, target, encoded):
            self._wrote(output_path)
            return
        data = memoryview(encoded)
        fd = os.open(target, _CREATE, 0o666)
        try:
            while data:
                data = data[os.write(fd, data) :]
        finally:
            os.close(fd)
        self._wrote(output_path)

    def write_parts(self, output_path: str, parts: Iterable[str]) -> None:
        """`write_text` of `"".join(parts)`, without holding the whole text (llms-full.txt)."""
        target = self._target(output_path)
        # newline="" keeps "\n" on every platform: the output does not depend on the OS
        with open(target, "w", encoding="utf-8", newline="") as fh:
            for part in parts:
                fh.write(part)
        self._wrote(output_path)

    def write_bytes(self, output_path: str, data: bytes) -> None:
        target = self._target(output_path)
        if self._previous is None or not self._link_same(output_path, target, data):
            target.write_bytes(data)
        self._wrote(output_path)

    def write_page(self, output_path: str, html: str) -> None:
        if self.localize is not None:
            html = self.localize(html, output_path)
        self.write_text(output_path, self.finish_html(output_path, html))

    def copy_file(self, src: Path, output_path: str) -> None:
        """`src` at `output_path`: a hard link where the filesystem allows, else a copy. A
        symbolic link is followed (the output holds regular files only, never a link)."""
        target = self.tmp / output_path
        self._folder_for(target)
        if output_path in self._taken:
            target.unlink()
        if os.path.islink(src):  # link(2) would link the link itself
            src = src.resolve()
        try:
            os.link(src, target)  # cheap when on the same filesystem
        except OSError:
            shutil.copyfile(src, target)
        self._wrote(output_path)

    def commit(self) -> None:
        """Swap the finished folder in; the previous OUT is removed only after the swap."""
        old = None
        if self.out_dir.exists():
            old = Path(
                tempfile.mkdtemp(prefix=f".{self.out_dir.name}.old-", dir=self.out_dir.parent)
            )
            os.rmdir(old)
            os.replace(self.out_dir, old)
        os.replace(self.tmp, self.out_dir)
        if old is not None:
            remove_folder(old, detach=len(self.written) >= DETACH_REMOVAL_FILES)
        # folders a killed build left (an old OUT is never anything but garbage)
        for stale in self.out_dir.parent.glob(f".{glob.escape(self.out_dir.name)}.old-*"):
            if stale != old:  # being removed already
                remove_folder(stale, detach=True)

    def abort(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def _real_folder(path: str) -> bool:
    """Is `path` a folder, not a link to one?"""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _read_all(fd: int, size: int) -> bytes:
    """The file's bytes up to `size` + 1 (one more than expected tells a longer file)."""
    chunks, left = [], size + 1
    while left > 0:
        chunk = os.read(fd, left)
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def case_folds(folder: Path) -> bool:
    """Does the filesystem of `folder` (a new folder: its name has letters) fold case?"""
    swapped = folder.name.swapcase()
    return swapped != folder.name and (folder.parent / swapped).exists()


class _Taken:
    """The output paths an `OutputWriter` wrote files at, and the folders above them (compared
    case-folded where the filesystem folds case, as it would find them)."""

    def __init__(self, fold: bool) -> None:
        self.folds = fold
        self._files: set[str] = set()
        self._folders: set[str] = set()

    def _key(self, output_path: str) -> str:
        key = posixpath.normpath(output_path.replace(os.sep, "/"))
        return key.casefold() if self.folds else key

    def add(self, output_path: str) -> None:
        key = self._key(output_path)
        self._files.add(key)
        folder = posixpath.dirname(key)
        while folder and folder not in self._folders:
            self._folders.add(folder)
            folder = posixpath.dirname(folder)

    def below_file(self, output_path: str) -> bool:
        """Is a folder above `output_path` a file here?"""
        folder = posixpath.dirname(self._key(output_path))
        while folder and folder != ".":
            if folder in self._files:
                return True
            folder = posixpath.dirname(folder)
        return False

    def __contains__(self, output_path: object) -> bool:
        if not isinstance(output_path, str):
            return False
        key = self._key(output_path)
        return key in self._files or key in self._folders


DETACH_REMOVAL_FILES = 500
"""An old OUT replaced by a build of at least this many files is deleted by a detached process:
deleting thousands of files can take seconds (more on filesystems that discard freed blocks),
and the new site is in place already."""


def remove_folder(folder: Path, *, detach: bool) -> None:
    """`shutil.rmtree(folder)`, by a detached grandchild process when `detach` and the platform
    forks, so the caller does not wait for it."""
    if detach and hasattr(os, "fork"):
        try:
            pid = os.fork()
        except OSError:
            pid = -1
        if pid == 0:  # child: start the remover in a session of its own, and exit
            try:
                os.setsid()
                if os.fork() == 0:
                    shutil.rmtree(folder, ignore_errors=True)
            finally:
                os._exit(0)
        if pid > 0:
            os.waitpid(pid, 0)
            return
    shutil.rmtree(folder, ignore_errors=True)


# --- CSS ------------------------------------------------------------------------------------


_CSS_URL = re.compile(
    r"""(?P<import>@import\s+)?url\(\s*(?P<q>["']?)(?P<url>[^"')]*)(?P=q)\s*\)"""
    r"""|@import\s+(?P<q2>["'])(?P<url2>[^"']*)(?P=q2)""",
    re.I,
)
_IMPORT_RULE_END = re.compile(r"[^;]*;?")


def rewrite_css_urls(
    text: str, css_path: str, *, mode: str, base_path: str = "/", drop_remote_imports: bool = True
) -> str:
    """Rewrite root-relative `url(/x.png)` and `@import "/x.css"` of a user stylesheet.

    `css_path` is where the stylesheet is written (`styles.css`, `css/site.css`). Hosted mode
    prefixes the base path (`/docs/x.png`); offline mode makes the URL relative to the
    stylesheet (`../x.png`) so the bundle works from `file://`, and drops `@import`s of
    remote stylesheets (web fonts), which cannot load offline: the theme's font stacks apply
    (unless `drop_remote_imports` is off: write/assets.py made them local where it could).
    """
    css_dir = posixpath.dirname(css_path)

    def target(url: str) -> str | None:
        if not url.startswith("/") or url.startswith("//"):
            return None
        if mode == "offline":
            rel = posixpath.relpath(url.lstrip("/") or ".", css_dir or ".")
            return rel
        return base_path.rstrip("/") + url

    out: list[str] = []
    pos = 0
    for m in _CSS_URL.finditer(text):
        url = m.group("url") if m.group("url") is not None else m.group("url2")
        is_import = bool(m.group("import")) or m.group("url2") is not None
        out.append(text[pos : m.start()])
        pos = m.end()
        if is_import and mode == "offline" and drop_remote_imports and is_external(url):
            rest = _IMPORT_RULE_END.match(text, pos)
            end = rest.end() if rest else pos
            safe = url.replace("*/", "")
            out.append(f"/* offline bundle: remote stylesheet left out: {safe} */")
            pos = end
            continue
        new = target(url)
        if new is None:
            out.append(m.group())
        elif m.group("url2") is not None:
            q = m.group("q2")
            out.append(f"@import {q}{new}{q}")
        else:
            q = m.group("q") or '"'
            out.append(f"{m.group('import') or ''}url({q}{new}{q})")
    out.append(text[pos:])
    return "".join(out)


# --- JS -------------------------------------------------------------------------------------


# --- zip ------------------------------------------------------------------------------------


def write_zip(folder: Path, archive: Path, top: str | None = None) -> Path:
    """Archive `folder` as `archive` with one top-level folder, byte-identical across runs.

    Entries are sorted, carry a fixed timestamp and fixed permissions, and are written to a
    temporary file that replaces `archive` only when complete.
    """
    top = (top or folder.name).strip("/")
    files: list[tuple[str, Path]] = []
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        rel_root = Path(root).relative_to(folder).as_posix()
        for name in sorted(names):
            rel = name if rel_root == "." else f"{rel_root}/{name}"
            if not os.path.islink(Path(root) / name):  # the archive holds no links
                files.append((rel, Path(root) / name))
    files.sort()
    archive.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{archive.name}.", dir=archive.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp_name, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            dirs_done: set[str] = set()
            for rel, path in files:
                parts = rel.split("/")[:-1]
                for k in range(len(parts) + 1):
                    d = "/".join([top, *parts[:k]]) + "/"
                    if d not in dirs_done:
                        dirs_done.add(d)
                        info = zipfile.ZipInfo(d, ZIP_DATE)
                        info.external_attr = (stat.S_IFDIR | 0o755) << 16 | 0x10
                        info.create_system = 3
                        zf.writestr(info, b"")
                info = zipfile.ZipInfo(f"{top}/{rel}", ZIP_DATE)
                info.external_attr = (stat.S_IFREG | 0o644) << 16
                info.create_system = 3
                info.compress_type = zipfile.ZIP_DEFLATED
                with open(path, "rb") as fh:
                    zf.writestr(info, fh.read(), compresslevel=9)
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, archive)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return archive
