"""OpenAPI specs given as URLs (`api.openapi`, navigation `openapi`, a page's `openapi`) and
`$ref`s to URLs: fetched through the download cache (load/remote.py), so a site builds the same
without network once they were fetched. `--safe` builds fetch none unless allowed."""

from __future__ import annotations

from pathlib import Path

from mintrender.errors import Diagnostics
from mintrender.load.remote import Downloads


class RemoteSpecs:
    """The cached copy of each remote spec, with one warning when there is none."""

    def __init__(self, downloads: Downloads | None) -> None:
        """`downloads`: None (`--safe` without `--allow-remote-specs`) fetches nothing."""
        self.downloads = downloads
        self.tried: dict[str, Path | None] = {}
        """URLs asked for already, and what came of it (each is fetched, or warned about, once:
        docs.json may name a spec at `api.openapi` and again in its navigation)."""

    def spec(self, url: str, file: str, line: int, diagnostics: Diagnostics) -> Path | None:
        """The cached file of the spec at `url` (fetched now if needed); warns when none."""
        if url in self.tried:
            return self.tried[url]
        found = self.tried[url] = self._spec(url, file, line, diagnostics)
        return found

    def _spec(self, url: str, file: str, line: int, diagnostics: Diagnostics) -> Path | None:
        if self.downloads is None:
            diagnostics.warning(
                file,
                line,
                1,
                "openapi-remote",
                f"OpenAPI spec {url} is a URL and --safe builds fetch nothing the docs ask for; "
                "pass --allow-remote-specs to fetch it, or add the file to the docs folder",
            )
            return None
        found = self.downloads.fetch(url)
        if found is None:
            reason = self.downloads.failures.get(url, "unavailable")
            diagnostics.warning(
                file,
                line,
                1,
                "openapi-remote",
                f"OpenAPI spec {url} could not be fetched ({reason}) and is not in the download "
                "cache (--cache-dir); its pages are shown without their API reference",
            )
            return None
        return found.path

    def ref(self, url: str) -> Path | None:
        """A `$ref` to a URL (or relative, in a downloaded spec): the cached file, or None (the
        spec loader reports it)."""
        if self.downloads is None:
            return None
        found = self.downloads.fetch(url)
        return found.path if found is not None else None
