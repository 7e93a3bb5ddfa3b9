"""Every diagnostic code mintrender reports: its default severity and what it means.

`mintrender check --list-rules` prints this table; `--rules` and the per-site and per-page
switches accept only these codes (or a `prefix-*` matching some), so a typo cannot silently
turn a check off.
"""

from __future__ import annotations

from dataclasses import dataclass

from mintrender.errors import Severity


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    severity: Severity
    """The severity the code is usually reported with."""
    summary: str


def _rules(*rows: tuple[str, Severity, str]) -> dict[str, Rule]:
    return {code: Rule(code, severity, summary) for code, severity, summary in rows}


RULES: dict[str, Rule] = _rules(
    # links and anchors
    ("broken-link", "warning", "a link or image points to no page or file of this site"),
    ("broken-anchor", "warning", "a link's #anchor names no heading or id on the page it targets"),
    # navigation and configuration
    ("config-json", "error", "docs.json / mint.json is not valid JSON (with a hint to fix it)"),
    ("config-duplicate-key", "warning", "docs.json gives a key twice in one object"),
    ("config-missing", "warning", "a required docs.json key is missing"),
    ("config-type", "warning", "a docs.json value has the wrong type"),
    ("config-color", "warning", "a docs.json colour is not a hex colour"),
    ("config-file", "warning", "a docs.json logo or favicon names no file of the docs folder"),
    ("config-ref", "error", "a docs.json $ref names a file that cannot be read"),
    ("config-redirect", "warning", "a docs.json redirect is malformed"),
    ("config-schema", "warning", "docs.json breaks Mintlify's schema: unknown key, type or value"),
    ("theme-fallback", "info", "a Mintlify theme other than mint, drawn with mint's layout"),
    ("sitemap-origin", "warning", "--base-url has no origin, so sitemap.xml cannot list full URLs"),
    ("robots-root", "info", "a site under a path: robots.txt must be copied to the host's root"),
    ("symlink-outside", "warning", "a symbolic link leads out of the docs folder (never read)"),
    ("safe-scripts", "info", "--safe: the docs folder's scripts and HTML files are left out"),
    ("remote-asset", "warning", "a remote asset could not be downloaded; its URL is kept"),
    ("unsupported-setting", "info", "a documented docs.json setting mintrender does not honour"),
    ("contextual-option", "info", "a page action left out of the menu, and why"),
    ("nav-missing-page", "warning", "navigation lists a page that has no file"),
    ("nav-duplicate", "warning", "navigation lists the same page twice in one language/version"),
    ("nav-orphan", "info", "a page file is in no navigation entry (reachable only by URL)"),
    ("nav-empty", "warning", "a navigation group or division has no pages"),
    ("nav-mixed", "warning", "a navigation level mixes kinds that cannot be siblings"),
    ("nav-type", "warning", "a navigation entry has the wrong type"),
    ("nav-whitespace", "warning", "a navigation entry has leading or trailing whitespace"),
    ("nav-version", "warning", "a mint.json group, tab, anchor or page names no listed version"),
    ("redirect-target", "warning", "a redirect destination is no page or file of this site"),
    ("redirect-loop", "warning", "redirects loop"),
    (
        "redirect-unreachable",
        "warning",
        "an earlier wildcard redirect matches this rule's source first",
    ),
    ("redirect-shadowed", "warning", "a redirect source is also a page"),
    ("redirect-source", "warning", "a redirect source is a full URL; its path is redirected"),
    # pages: frontmatter, MDX, components
    (
        "frontmatter-key",
        "warning",
        "a frontmatter key Mintlify does not know, close to one it does",
    ),
    ("frontmatter-yaml", "error", "the page's frontmatter is not valid YAML"),
    (
        "file-encoding",
        "warning",
        "a page or snippet is not UTF-8 text (read as Windows-1252, or binary and left out)",
    ),
    ("frontmatter-type", "error", "the page's frontmatter is not a mapping"),
    ("frontmatter-value", "warning", "a frontmatter key's value has the wrong type"),
    ("frontmatter-unclosed", "warning", "frontmatter opened with `---` is never closed"),
    ("frontmatter-duplicate", "warning", "a frontmatter key is given twice"),
    ("jsx-unclosed", "warning", "a JSX tag is never closed"),
    ("jsx-stray-close", "warning", "a closing JSX tag matches no open tag"),
    ("jsx-syntax", "warning", "a JSX tag cannot be parsed"),
    ("api-language", "warning", "api.examples.languages names a language no sample is written in"),
    ("openapi-type", "warning", "a part of an OpenAPI spec has the wrong JSON type"),
    ("esm-syntax", "error", "an import or export statement never ends"),
    ("html-comment", "warning", "an HTML comment `<!-- -->`, which MDX refuses"),
    ("mdx-expression", "warning", "an {expression} cannot be evaluated at build time"),
    ("mdx-import", "warning", "an import names a file or export that cannot be found"),
    ("mdx-script", "warning", "a <script> in MDX is not run"),
    ("mdx-depth", "error", "components nest too deeply to render"),
    ("page-too-large", "warning", "a page is too long to render whole"),
    ("page-shadowed", "warning", "two files make the same page (`a.md` and `a.mdx`); one is built"),
    ("duplicate-id", "warning", "an explicit heading id is used twice on a page"),
    ("file-unreadable", "warning", "a file of the docs folder cannot be read or copied"),
    ("earlier-output", "info", "a folder of the docs folder holds a site mintrender built"),
    ("cache-unwritable", "info", "the build cache folder cannot be written (nothing is kept)"),
    ("output-unwritable", "error", "the site's output folder cannot be written (nothing is built)"),
    ("page-unwritable", "error", "a page's file cannot be written there; the rest is built"),
    (
        "output-holds-docs",
        "error",
        "the output folder is the docs folder or holds it (nothing is built, nothing deleted)",
    ),
    (
        "output-not-a-site",
        "error",
        "the output folder is a file or holds files of another kind (nothing is built or deleted)",
    ),
    ("snippet-cycle", "error", "a snippet includes itself"),
    ("snippet-depth", "error", "snippets nest too deeply, or a page expands too many"),
    ("variable-undefined", "error", "a `{{name}}` no docs.json variable fills"),
    ("custom-component", "warning", "a custom component needs JavaScript to render"),
    ("unknown-component", "warning", "a tag is not a Mintlify component, nor imported or defined"),
    ("unknown-icon", "warning", "an icon is not in the site's icon library"),
    ("component-props", "warning", "a component prop has a wrong or missing value"),
    ("component-children", "warning", "a component holds children it does not accept"),
    ("unsafe-url", "warning", "a javascript: or similar URL is dropped"),
    ("github-repo", "warning", "a GitHub repository reference is malformed"),
    ("internal-error", "error", "mintrender failed on this file (please report it)"),
    # API pages
    ("api-frontmatter", "warning", "an `api:` frontmatter value is not `METHOD URL`"),
    ("api-body", "warning", "an operation's request body cannot be shown"),
    ("api-response", "warning", "an operation's response cannot be shown"),
    (
        "asyncapi-unresolved",
        "warning",
        "an asyncapi: page names no channel of the site's AsyncAPI specs",
    ),
    ("openapi-schema-unresolved", "warning", "an openapi-schema: page names no component schema"),
    ("asyncapi-nav-spec", "warning", "a navigation `asyncapi` names no loaded AsyncAPI document"),
    (
        "asyncapi-version",
        "error",
        "an AsyncAPI document's `asyncapi` version is missing or unknown (2.x: a warning,"
        " Mintlify reads 3.0 only)",
    ),
    ("asyncapi-operation", "warning", "an AsyncAPI operation is malformed"),
    (
        "mermaid-not-drawn",
        "info",
        "a mermaid diagram is shown as source (no diagrams extra, or it failed)",
    ),
    ("mermaid-layout", "info", "a mermaid layout option is not honoured as written"),
    ("openapi-unresolved", "warning", "a page's `openapi:` names no operation"),
    ("openapi-several-specs", "warning", "a page's `openapi:` matches operations in several specs"),
    ("openapi-foreign-spec", "warning", "a page's `openapi:` resolves in an unexpected spec"),
    ("openapi-nav-spec", "warning", "a navigation `openapi` names no loaded spec"),
    (
        "openapi-remote",
        "warning",
        "an OpenAPI spec given as a URL cannot be had (or is not allowed)",
    ),
    ("openapi-missing", "error", "an OpenAPI spec file is missing"),
    ("openapi-read", "error", "an OpenAPI spec file cannot be read"),
    ("openapi-syntax", "error", "an OpenAPI spec is not valid JSON or YAML"),
    ("openapi-duplicate-key", "error", "an OpenAPI spec gives a key twice in one object"),
    ("openapi-version", "warning", "a spec's `openapi`/`swagger` version is missing or unknown"),
    ("openapi-paths", "warning", "a spec's `paths` is malformed"),
    ("openapi-operation", "warning", "an operation is malformed"),
    ("openapi-parameter", "warning", "a parameter is malformed or a path parameter is undeclared"),
    ("openapi-ref", "warning", "a $ref points to nothing"),
    ("openapi-limit", "warning", "an API reference is too large to show whole"),
    ("openapi-remote-ref", "warning", "a $ref points outside the docs (never fetched)"),
    ("openapi-schema", "warning", "a schema is malformed or `required` names a missing property"),
    ("openapi-example", "warning", "an example contradicts its schema"),
    ("openapi-security", "warning", "a security requirement names no scheme"),
    ("openapi-server", "warning", "a server entry is malformed"),
    ("openapi-tags", "warning", "a spec's tags are malformed"),
    ("openapi-code-sample", "warning", "an x-codeSamples entry is malformed"),
    ("openapi-spec", "warning", "openapi-spec-validator's finding (--validate-openapi)"),
)


def unknown_codes(names: list[str]) -> list[str]:
    """The names that are neither a code nor a `prefix-*` matching some code."""
    return [name for name in names if not matching(name)]


def matching(name: str) -> list[str]:
    """Codes a `--rules`/`disable` entry names: one code, or every code under `prefix-*`."""
    if name.endswith("*"):
        prefix = name[:-1]
        return [code for code in RULES if code.startswith(prefix)] if prefix else []
    return [name] if name in RULES else []
