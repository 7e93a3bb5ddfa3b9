"""Sample languages: keys, aliases (openapi.md §6), labels and their generators."""

from __future__ import annotations

from collections.abc import Callable

from mintrender.openapi.codegen import HttpRequest, curl, go, java, javascript, php, python, ruby

Generator = Callable[[HttpRequest], str]

LANGUAGES: dict[str, tuple[str, str, Generator]] = {
    "bash": ("cURL", "bash", curl),
    "python": ("Python", "python", python),
    "javascript": ("JavaScript", "javascript", javascript),
    "node": ("Node.js", "javascript", javascript),
    "typescript": ("TypeScript", "typescript", javascript),
    "php": ("PHP", "php", php),
    "go": ("Go", "go", go),
    "java": ("Java", "java", java),
    "ruby": ("Ruby", "ruby", ruby),
}
"""Canonical key -> (tab label, highlight language, generator)."""

ALIASES: dict[str, str] = {
    "curl": "bash",
    "sh": "bash",
    "shell": "bash",
    "py": "python",
    "js": "javascript",
    "nodejs": "node",
    "node.js": "node",
    "golang": "go",
    "rb": "ruby",
    "ts": "typescript",
    "c#": "csharp",
    ".net": "dotnet",
    "dot-net": "dotnet",
    "cpp": "c++",
    "kt": "kotlin",
    "rs": "rust",
    "flutter": "dart",
}
"""Aliases of docs.json `api.examples.languages` (openapi.md §6)."""

DEFAULT_LANGUAGES: tuple[str, ...] = ("bash", "python", "javascript")
"""Languages when docs.json does not choose."""


def canonical_language(name: str) -> str:
    """`curl` -> `bash`, `JS` -> `javascript`; unknown names come back lower-cased."""
    key = name.strip().lower()
    return ALIASES.get(key, key)


def language_label(key: str) -> str:
    """Tab label of a language key (also for `x-codeSamples` langs)."""
    canon = canonical_language(key)
    if canon in LANGUAGES:
        return LANGUAGES[canon][0]
    if key.lower() in _LABELS:
        return _LABELS[key.lower()]
    return key[:1].upper() + key[1:] if key else "Example"


_LABELS = {
    "csharp": "C#",
    "c#": "C#",
    "cs": "C#",
    "cpp": "C++",
    "c++": "C++",
    "dotnet": ".NET",
    "powershell": "PowerShell",
    "objective-c": "Objective-C",
    "objc": "Objective-C",
    "graphql": "GraphQL",
    "http": "HTTP",
    "json": "JSON",
    "sh": "Shell",
    "wget": "Wget",
    "httpie": "HTTPie",
}
"""Labels of `x-codeSamples` languages no sample is generated in (Csharp read wrong)."""


def highlight_language(key: str) -> str:
    """Pygments language for a sample language key."""
    canon = canonical_language(key)
    return LANGUAGES[canon][1] if canon in LANGUAGES else canon
