"""The persistent cache `build` and `check` keep between runs: entries we wrote, verified first.

An entry is one file `NAME.bin` in a folder of the cache: a header (magic, `FORMAT`, the digest
of the key the entry was written under, the CRC-32 of the payload) and the payload (pickle).
The CRC finds a damaged payload (a truncated or changed file) at a quarter of a cryptographic
hash's cost, which a warm build pays on every entry; someone who may write the cache could
forge either, so a stronger hash would guard nothing more.
`Store.get` reads the header first and unpickles only a payload whose key and digest match, so a
truncated, corrupt or foreign file (another mintrender, another format, another key) is a miss,
never trusted and never a crash. Writes go to a temporary file renamed into place, so two
builds sharing a cache never see half an entry. A cache folder that cannot be written is noted
once (`Store.problem`) and the run goes on without saving.

Keys hash everything an entry depends on; `code_fingerprint` is the part every key shares:
mintrender's version, its own sources and the versions of the libraries that shape its output.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import pickle
import re
import stat
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import mintrender
from mintrender.fileio import read_bytes

if TYPE_CHECKING:  # light: `check`'s whole-run memo imports this before the pipeline
    from mintrender.model import BuildOptions

FORMAT = 2
"""Bumped when the layout of an entry (or of what `build` and `check` keep in one) changes."""
_MAGIC = b"mintrender-cache\n"
_DIGEST = 16
_CHECK = 4
_HEADER = len(_MAGIC) + 2 + _DIGEST + _CHECK
_LIBRARIES = (
    "markdown-it-py",
    "mdit-py-plugins",
    "jinja2",
    "pygments",
    "lunr",
    "snowballstemmer",
    "pyyaml",
    "fontawesomefree",
    "lucide",
    "latex2mathml",
    "rcssmin",
    "rjsmin",
    "nh3",
    "mermaidx",
)
"""Libraries whose version changes what a page renders to (a missing one counts as absent)."""


def digest(*parts: str) -> str:
    """A short stable hash of text parts (hex)."""
    h = hashlib.blake2b(digest_size=_DIGEST)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


_FINGERPRINT: list[str] = []


def code_fingerprint() -> str:
    """mintrender's version, sources and libraries: a changed renderer reuses nothing old."""
    if _FINGERPRINT:
        return _FINGERPRINT[0]
    rows = [mintrender.__version__, str(FORMAT), sys.version]
    root = Path(mintrender.__file__ or "").parent
    for folder in sorted({root, *_package_folders()}):
        rows += _source_stamps(str(folder))
    versions = _installed_versions()
    for name in _LIBRARIES:
        version = versions.get(_dist_key(name))
        rows.append(f"{name}={version if version is not None else _metadata_version(name)}")
    _FINGERPRINT.append(digest(*rows))
    return _FINGERPRINT[0]


_SOURCE_SUFFIXES = (".py", ".json", ".html", ".css", ".js")


def _source_stamps(folder: str) -> list[str]:
    """`path:mtime_ns:size` of every source file below `folder`, in sorted path order (one
    `scandir` a folder: a tenth of `Path.rglob`'s time)."""
    rows: list[str] = []
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError:
        return rows
    for entry in entries:
        try:
            if entry.is_dir():
                rows += _source_stamps(entry.path)
            elif entry.name.endswith(_SOURCE_SUFFIXES) and entry.is_file():
                st = entry.stat()
                rows.append(f"{entry.path}:{st.st_mtime_ns}:{st.st_size}")
        except OSError:
            continue
    return rows


def _dist_key(name: str) -> str:
    """A distribution's name as wheels spell it in `NAME-VERSION.dist-info` (PEP 503, `_`)."""
    return re.sub(r"[-_.]+", "_", name).lower()


def _installed_versions() -> dict[str, str]:
    """Distribution -> version, read from the `NAME-VERSION.dist-info` folder names of the
    import path (the first of a name wins, as for imports): one listing a folder, where
    `importlib.metadata.version` searches the whole path for each name."""
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for folder in names:
            stem = folder[: -len(".dist-info")]
            if folder.endswith(".dist-info") and stem.count("-") == 1:
                name, version = stem.split("-")
                found.setdefault(_dist_key(name), version)
    return found


def _metadata_version(name: str) -> str:
    """`importlib.metadata`'s version of `name` ("" when not installed): for a distribution
    installed without a `.dist-info` folder."""
    from importlib import metadata  # start-up time (email, ...)

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def _package_folders() -> list[Path]:
    """The folders of `mintrender.components` and `mintrender.themes` (a checkout installs them
    apart from `renderer/`), found without importing them."""
    found = []
    for name in ("mintrender.components", "mintrender.themes"):
        spec = importlib.util.find_spec(name)
        for location in (spec.submodule_search_locations or []) if spec else []:
            found.append(Path(location))
    return found


def default_cache_root() -> Path:
    """`$MINTRENDER_CACHE_DIR`, else mintrender's folder in the user cache folder (the
    platform's convention); `--cache-dir` replaces it. A user with no home folder (a
    container's bare user id: no `$HOME`, no password entry), or whose cache folder cannot be
    made or written (a `$HOME` inherited from another user, a file in the way), gets
    `_private_temp_root`."""
    if os.environ.get("MINTRENDER_CACHE_DIR"):
        wanted = Path(os.environ["MINTRENDER_CACHE_DIR"])
    else:
        try:
            home = Path.home()
        except (RuntimeError, KeyError):
            return _private_temp_root()
        if sys.platform == "win32":
            base = os.environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
            wanted = Path(base) / "mintrender" / "Cache"
        elif sys.platform == "darwin":
            wanted = home / "Library" / "Caches" / "mintrender"
        else:
            wanted = Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / "mintrender"
    return wanted if _usable(wanted) else _private_temp_root()


@functools.lru_cache(maxsize=8)
def _usable(folder: Path) -> bool:
    """Whether `folder` is (or can be made) a folder this user can enter and write in."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)
    except OSError:
        return False


@functools.lru_cache(maxsize=1)
def _private_temp_root() -> Path:
    """`mintrender-cache-UID` in the temp folder, private to this user (0700). One that is not
    (another user's, a link, open to others) is never used, since entries are unpickled: a new
    private folder is made instead, for this run only."""
    uid = os.getuid() if hasattr(os, "getuid") else -1
    path = Path(tempfile.gettempdir()) / f"mintrender-cache-{uid}"
    try:
        path.mkdir(mode=0o700, exist_ok=True)
        st = path.lstat()
        if stat.S_ISDIR(st.st_mode) and st.st_uid == uid and not st.st_mode & 0o077:
            return path
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="mintrender-cache-"))


def build_cache_dir(options: BuildOptions) -> Path | None:
    """`build/` in the cache folder (`--cache-dir`, else the user cache folder); None with
    `--no-cache`."""
    if not options.cache:
        return None
    return (options.cache_dir or default_cache_root()) / "build"


def site_store(folder: Path | None, docs_dir: Path) -> Store:
    """The entries of one docs folder (pages, search indexes, page HTML) in the build cache."""
    return Store(folder / digest(str(docs_dir))[:20] if folder is not None else None)


class Store:
    """A folder of verified entries. `folder` None: a store that keeps nothing (`--no-cache`)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.problem: str | None = None
        """Why entries could not be saved (set once; the run goes on without saving)."""
        self.hits = 0
        self.misses = 0

    def path(self, name: str) -> Path | None:
        return self.folder / f"{name}.bin" if self.folder is not None else None

    def get(self, name: str, key: str) -> Any:
        """The value saved under `name` with this `key`, or None (missing, damaged, foreign)."""
        value = self._read(name, key)
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
        return value

    def _read(self, name: str, key: str) -> Any:
        value = self._load(name, key)
        path = self.path(name)
        if value is not None and path is not None:
            try:
                os.utime(path)  # in use: `prune` keeps it
            except OSError:
                pass
        return value

    def _load(self, name: str, key: str) -> Any:
        path = self.path(name)
        if path is None:
            return None
        try:
            data = read_bytes(path)
        except OSError:
            return None
        if len(data) < _HEADER or not data.startswith(_MAGIC):
            return None
        at = len(_MAGIC)
        if int.from_bytes(data[at : at + 2], "big") != FORMAT:
            return None
        at += 2
        if data[at : at + _DIGEST] != _key_bytes(key):
            return None
        at += _DIGEST
        payload = memoryview(data)[_HEADER:]
        if int.from_bytes(data[at : at + _CHECK], "big") != zlib.crc32(payload):
            return None
        try:
            return pickle.loads(payload)
        except Exception:  # noqa: BLE001 - verified bytes that still fail: a miss
            return None

    def put(self, name: str, key: str, value: Any) -> None:
        """Save `value` under `name` for `key` (atomically); a failure is noted, not raised."""
        path = self.path(name)
        if path is None or self.problem is not None:
            return
        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - something unpicklable is simply not kept
            self.problem = f"could not store {name}: {exc}"
            return
        header = (
            _MAGIC
            + FORMAT.to_bytes(2, "big")
            + _key_bytes(key)
            + zlib.crc32(payload).to_bytes(_CHECK, "big")
        )
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as fh:
                fh.write(header)
                fh.write(payload)
            os.replace(tmp, path)
        except OSError as exc:
            self.problem = f"{path.parent}: {exc.strerror or exc}"
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass


def _key_bytes(key: str) -> bytes:
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=_DIGEST).digest()


PRUNE_DAYS = 30.0
"""Entries no run has written or reused for this many days are removed (`prune`)."""
_PRUNED = ".pruned"
_LEFTOVER = re.compile(r".+\.bin\.\d+\.tmp")


def prune(folder: Path, days: float = PRUNE_DAYS, *, now: float | None = None) -> int:
    """Remove the entries under `folder` (a cache's `build/` or `check/`) that no run wrote or
    reused (`Store.get` refreshes an entry's time) for `days` days, the temporary files of
    killed runs as old, and the folders that leaves empty; returns how many files went.

    Only files that are ours go: `.bin` files that start with the entry header, and
    `NAME.bin.PID.tmp` (a `--cache-dir` given by hand may hold anything else). At most once a
    day per folder (the time of its `.pruned` file). Never raises: a file another run removes
    first, or that cannot be removed, is skipped."""
    now = time.time() if now is None else now
    marker = folder / _PRUNED
    try:
        if now - marker.stat().st_mtime < 86400:
            return 0
    except OSError:
        pass
    try:
        if not folder.is_dir() or folder.is_symlink():
            return 0
        marker.touch()
        os.utime(marker, (now, now))
    except OSError:
        return 0
    cutoff = now - days * 86400
    removed = 0
    for dirpath, _, filenames in os.walk(folder, topdown=False):
        for name in filenames:
            path = os.path.join(dirpath, name)
            try:
                if os.lstat(path).st_mtime >= cutoff or not _ours(path, name):
                    continue
                os.unlink(path)
                removed += 1
            except OSError:
                continue
        if dirpath != str(folder):
            try:
                os.rmdir(dirpath)  # only an empty folder
            except OSError:
                pass
    return removed


def _ours(path: str, name: str) -> bool:
    if _LEFTOVER.fullmatch(name):
        return True
    if not name.endswith(".bin") or os.path.islink(path):
        return False
    with open(path, "rb") as fh:
        return fh.read(len(_MAGIC)) == _MAGIC
