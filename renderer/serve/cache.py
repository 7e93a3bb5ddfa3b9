"""The preview server's cache of parsed pages, keyed by the content of every file they read."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence

from mintrender.errors import Diagnostic
from mintrender.parse.mdx import ParsedPage


class ParseCache:
    """Parsed pages keyed by the content of every file they read (used by the preview server).

    A saved file whose content did not change (an editor's "save" without edits, a `touch`, an
    undo back to what was parsed) finds its page here and is neither re-parsed nor re-rendered.
    """

    def __init__(self) -> None:
        self._entries: dict[
            str, tuple[str, tuple[tuple[str, str], ...], ParsedPage, tuple[Diagnostic, ...]]
        ] = {}

    @staticmethod
    def digest(text: str | None) -> str:
        if text is None:
            return "-"
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

    def lookup(
        self, rel: str, salt: str, read: Callable[[str], str | None]
    ) -> tuple[ParsedPage, tuple[Diagnostic, ...]] | None:
        """The cached parse when `salt` and every file it read are unchanged."""
        entry = self._entries.get(rel)
        if entry is None or entry[0] != salt:
            return None
        for dep, digest in entry[1]:
            if self.digest(read(dep)) != digest:
                return None
        return entry[2], entry[3]

    def store(
        self,
        rel: str,
        salt: str,
        read: Callable[[str], str | None],
        parsed: ParsedPage,
        diagnostics: Sequence[Diagnostic],
    ) -> None:
        deps = tuple((dep, self.digest(read(dep))) for dep in sorted(parsed.depends_on | {rel}))
        self._entries[rel] = (salt, deps, parsed, tuple(diagnostics))

    def forget(self, rel: str) -> None:
        self._entries.pop(rel, None)


def variables_key(variables: dict[str, str]) -> str:
    """The salt of every entry: docs.json `variables` are substituted while parsing."""
    return json.dumps(variables, sort_keys=True, default=str)
