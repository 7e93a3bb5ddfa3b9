"""Code blocks: the fence info-string grammar and Pygments highlighting at build time."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pygments.token import STANDARD_TYPES, Token, _TokenType

from mintrender.components._jsxparse import JsxSyntaxError, find_brace_end

if TYPE_CHECKING:
    from pygments.lexer import Lexer

# start-up time: pygments' lexers and formatters import its plugin machinery
# (importlib.metadata, email, socket); they are imported when something is highlighted

# Shiki ids and corpus habits that Pygments spells differently or lacks.
LANGUAGE_ALIASES = {
    "curl": "bash",
    "sh": "bash",
    "shell": "bash",
    "zsh": "bash",
    "console": "bash",
    "terminal": "bash",
    "js": "javascript",
    "jsx": "jsx",
    "mjs": "javascript",
    "ts": "typescript",
    "tsx": "tsx",
    "py": "python",
    "rb": "ruby",
    "golang": "go",
    "yml": "yaml",
    "jsonc": "json",
    "json5": "json",
    "mdx": "mdx",
    "md": "markdown",
    "env": "bash",
    "dotenv": "bash",
    "ps1": "powershell",
    "cs": "csharp",
    "c#": "csharp",
    "kt": "kotlin",
    "rs": "rust",
    "http": "http",
    "text": "text",
    "txt": "text",
    "plaintext": "text",
    "plain": "text",
    "nocopy": "text",
    "mermaid": "text",
    "vue": "html",
    "svelte": "html",
    "astro": "html",
    "proto": "protobuf",
}
DISPLAY_NAMES = {
    "bash": "Bash",
    "curl": "cURL",
    "javascript": "JavaScript",
    "js": "JavaScript",
    "typescript": "TypeScript",
    "ts": "TypeScript",
    "python": "Python",
    "py": "Python",
    "json": "JSON",
    "yaml": "YAML",
    "go": "Go",
    "java": "Java",
    "ruby": "Ruby",
    "php": "PHP",
    "csharp": "C#",
    "rust": "Rust",
    "html": "HTML",
    "css": "CSS",
    "sql": "SQL",
    "shell": "Shell",
    "sh": "Shell",
    "jsx": "JSX",
    "tsx": "TSX",
    "swift": "Swift",
    "kotlin": "Kotlin",
    "dart": "Dart",
}
_KEY = re.compile(r"([A-Za-z][\w-]*)=")
_LINES = re.compile(r"\{([\d,\s-]+)\}")
_FLAG = re.compile(r"\[(\w+)\]")
_QUOTED = re.compile(r""""[^"]*"|'[^']*'""")


def _brace_end(text: str, start: int) -> int:
    """The end of the `{…}` opening at `start` (`find_brace_end`: braces balanced, quoted
    text skipped, as in `theme={"theme":{"light":"github-light"}}`, which Mintlify's Markdown
    export writes); the end of `text` when it never closes."""
    try:
        return find_brace_end(text, start)
    except JsxSyntaxError:
        return len(text)


def _options(rest: str) -> Iterator[tuple[str, str, str]]:
    """The parts of a fence's info after its language, as (kind, key, text): ("key", name,
    value) for `name=value` (value quoted, braced or a word), ("lines", "", "1,3-4") for
    `{1,3-4}`, ("brace", "", …) for any other `{…}`, ("flag", "", name) for `[name]` and
    ("word", "", word) for the rest."""
    i, n = 0, len(rest)
    while i < n:
        if rest[i].isspace():
            i += 1
            continue
        key = _KEY.match(rest, i)
        if key:
            j = key.end()
            if j < n and rest[j] == "{":
                end = _brace_end(rest, j)
            elif j < n and (quoted := _QUOTED.match(rest, j)):
                end = quoted.end()
            else:
                end = j
                while end < n and not rest[end].isspace():
                    end += 1
            yield "key", key.group(1), rest[j:end]
            i = end
            continue
        if rest[i] == "{":
            end = _brace_end(rest, i)
            lines = _LINES.fullmatch(rest, i, end)
            yield ("lines", "", lines.group(1)) if lines else ("brace", "", rest[i:end])
            i = end
            continue
        end = i
        while end < n and not rest[end].isspace():
            end += 1
        flag = _FLAG.fullmatch(rest, i, end)
        yield ("flag", "", flag.group(1)) if flag else ("word", "", rest[i:end])
        i = end


_ATTR_BLOCK = re.compile(r"\{\s*([A-Za-z][\w-]*\s*=[^{}]*)\}")
"""`{title="config.ts" linenos=table}`: options in braces, as Hugo and Docusaurus write them."""
FLAGS = {"wrap", "lines", "expandable", "twoslash", "nocopy", "copy"}
_DIFF = re.compile(
    r"\s*(?://|#|--|/\*|<!--)\s*\[!code\s*(\+\+|--|highlight|focus)(?::(\d+))?\]\s*(?:\*/|-->)?\s*$"
)


@dataclass(frozen=True, slots=True)
class FenceInfo:
    lang: str
    """Language id as written (lowercased), "" when none."""
    title: str
    highlight: frozenset[int]
    focus: frozenset[int]
    wrap: bool = False
    lines: bool = False
    expandable: bool = False
    nocopy: bool = False
    icon: str | None = None


def parse_line_set(text: str) -> frozenset[int]:
    """`1,3-5` -> {1, 3, 4, 5} (1-based); junk ignored."""
    out: set[int] = set()
    for part in re.split(r"[,\s]+", text.strip().strip("{}[]\"'")):
        if not part:
            continue
        a, _, b = part.partition("-")
        if a.isdigit() and (not b or b.isdigit()):
            lo, hi = int(a), int(b or a)
            if hi - lo <= 10000:
                out.update(range(lo, hi + 1))
    return frozenset(out)


@lru_cache(maxsize=1024)
def parse_fence_info(info: str) -> FenceInfo:
    """`LANG [options…] [title words…]` (mdx-and-markdown.md §5). Memoized: a page asks
    twice per fence, and a site writes the same few info strings over and over (the result
    is immutable)."""
    info = info.strip()
    if not info:
        return FenceInfo("", "", frozenset(), frozenset())
    first, _, rest = info.partition(" ")
    lang = first.lower()
    if lang.startswith("{") or "=" in lang:
        lang, rest = "", info
    title_words: list[str] = []
    hl: frozenset[int] = frozenset()
    focus: frozenset[int] = frozenset()
    flags: set[str] = set()
    icon = None
    explicit_title = None
    if "{" in rest:  # `{title="a.ts"}`: its options, read as if written without the braces
        rest = _ATTR_BLOCK.sub(lambda m: " " + m.group(1) + " ", rest)
    for kind, name, text in _options(rest):
        if kind == "key":
            key = name.lower()
            value = text.strip("\"'")
            if key in ("highlight",):
                hl = hl | parse_line_set(value)
            elif key == "focus":
                focus = focus | parse_line_set(value)
            elif key == "title" or key == "filename":
                explicit_title = value
            elif key == "icon":
                icon = value
            elif key in FLAGS:
                if value not in ("false", "{false}"):
                    flags.add(key)
            # any other key=value (theme={null}, placement=…, actions={…}) is an ignorable option
        elif kind == "lines":
            hl = hl | parse_line_set(text)
        elif kind == "flag":
            flags.add(text.lower())
        elif kind == "brace":  # no line set (`{"CODE_LOAD::app.ts"}`, a docs tool's marker):
            continue  # an option nothing reads, never title words (mdx-and-markdown.md §5)
        else:
            word = text
            if word in FLAGS:  # as written: `Expandable Example` is a title (handotdev)
                flags.add(word)
            else:
                title_words.append(word)
    if lang == "nocopy":
        flags.add("nocopy")
        lang = "text"
    title = explicit_title if explicit_title is not None else " ".join(title_words)
    return FenceInfo(
        lang,
        title,
        hl,
        focus,
        wrap="wrap" in flags,
        lines="lines" in flags,
        expandable="expandable" in flags,
        nocopy="nocopy" in flags,
        icon=icon,
    )


@lru_cache(maxsize=256)
def get_lexer(lang: str) -> Lexer | None:
    """The lexer of a fence's language (`LANGUAGE_ALIASES` first), None for plain text. Only
    Pygments' built-in lexers: the site highlights the same on every machine, and an unknown
    name never imports every installed plugin (IPython's lexers take 0.7 s per worker)."""
    name = LANGUAGE_ALIASES.get(lang, lang)
    if name == "mdx":  # Markdown with JSX: tags and attributes, `>` no blockquote alone
        return _markdown_lexer_class(mdx=True)(stripnl=False, ensurenl=False)
    if not name or name == "text" or name not in _builtin_aliases():
        return None
    if name in ("markdown", "md"):
        return _markdown_lexer_class()(stripnl=False, ensurenl=False)
    from pygments.lexers import get_lexer_by_name  # start-up time, see top

    return get_lexer_by_name(name, stripnl=False, ensurenl=False)


@lru_cache(maxsize=1)
def _builtin_aliases() -> frozenset[str]:
    from pygments.lexers import get_all_lexers  # start-up time, see top

    return frozenset(
        alias for _, aliases, _, _ in get_all_lexers(plugins=False) for alias in aliases
    )


def _fence_in_markdown(lexer: Lexer, match: re.Match[str]) -> Iterator[tuple[int, Any, str]]:
    """A fence inside a Markdown code block, its code highlighted by `get_lexer` (Pygments'
    own rule asks every installed plugin for a name it does not know)."""
    from pygments.token import String, Text, Whitespace

    yield match.start("initial"), String.Backtick, match.group("initial")
    yield match.start("lang"), String.Backtick, match.group("lang")
    if match.group("afterlang") is not None:
        yield match.start("whitespace"), Whitespace, match.group("whitespace")
        yield match.start("extra"), Text, match.group("extra")
    yield match.start("newline"), Whitespace, match.group("newline")
    inner = (
        get_lexer(match.group("lang").strip()) if getattr(lexer, "handlecodeblocks", True) else None
    )
    if inner is None:
        yield match.start("code"), String, match.group("code")
    else:
        yield from inner.get_tokens_unprocessed(match.group("code"))
    yield match.start("terminator"), String.Backtick, match.group("terminator")


@lru_cache(maxsize=2)
def _markdown_lexer_class(mdx: bool = False) -> type[Lexer]:
    """Pygments' Markdown lexer, its fences highlighted by `get_lexer`; `mdx`: with JSX tags,
    their attributes and `{...}` values, and `{/* comments */}` (Pygments has no MDX lexer; a
    tag's closing `>` alone on its line was a blockquote, the next line in italics)."""
    from pygments.lexer import bygroups
    from pygments.lexers.markup import MarkdownLexer  # start-up time, see top
    from pygments.token import Comment, Name, Operator, Punctuation, String, Text

    own = MarkdownLexer._handle_codeblock
    tokens: dict[str, list[Any]] = {
        state: [
            (rule[0], _fence_in_markdown, *rule[2:])
            if isinstance(rule, tuple) and rule[1] is own
            else rule
            for rule in rules
        ]
        for state, rules in MarkdownLexer.tokens.items()
    }
    if not mdx:
        return type("_MarkdownLexer", (MarkdownLexer,), {"tokens": tokens})
    jsx = [
        (r"\{/\*[\s\S]*?\*/\}", Comment.Multiline),
        (r"(</?)([A-Za-z][\w.:-]*)", bygroups(Punctuation, Name.Tag), "jsxtag"),
        (r"</?>", Punctuation),
    ]
    quote, text = r"^(\s*>\s)(.+\n)", r"[^\\\s]+"  # Pygments' own rules, changed below
    tokens["root"] = jsx + [
        (r"^(\s*>[ \t])(.+\n)", *rule[1:]) if isinstance(rule, tuple) and rule[0] == quote else rule
        for rule in tokens["root"]
    ]
    tokens["inline"] = (
        jsx
        + [  # a word ends where a tag starts (`x</Tab>`)
            (r"[^\\\s<]+", *rule[1:]) if isinstance(rule, tuple) and rule[0] == text else rule
            for rule in tokens["inline"]
        ]
    )
    tokens["jsxtag"] = [
        (r"\s+", Text),
        (r"/?>", Punctuation, "#pop"),
        (r"([A-Za-z_$][\w:.$-]*)(\s*)(=)", bygroups(Name.Attribute, Text, Operator)),
        (r"[A-Za-z_$][\w:.$-]*", Name.Attribute),
        (r"\"[^\"]*\"|'[^']*'", String),
        (r"\{", Punctuation, "jsxvalue"),
        (r"[\s\S]", String),
    ]
    tokens["jsxvalue"] = [
        (r"\{", Punctuation, "#push"),
        (r"\}", Punctuation, "#pop"),
        (r"\"[^\"\n]*\"|'[^'\n]*'|`[^`]*`", String),
        (r"[^{}\"'`]+|[\s\S]", String.Other),
    ]
    return type("_MdxLexer", (MarkdownLexer,), {"tokens": tokens, "name": "MDX"})


def _css_class(ttype: _TokenType) -> str:
    while ttype not in STANDARD_TYPES and ttype.parent is not None:
        ttype = ttype.parent
    return STANDARD_TYPES.get(ttype, "")


_CLASS_OF: dict[_TokenType, str] = {}
"""Token type -> the class `_highlighted` writes for it ("" for text and errors): a handful
of types, each looked up once per process instead of once per token."""


def _token_class(ttype: _TokenType) -> str:
    # Error tokens are the lexer's doubt (a shell `\` continuation), not the author's mistake
    cls = "" if ttype in Token.Text or ttype in Token.Error else _css_class(ttype)
    _CLASS_OF[ttype] = cls
    return cls


def highlight_lines(code: str, lang: str) -> list[str]:
    """HTML of each source line, with Pygments' short classes; unknown languages are plain."""
    return list(_highlighted(code, lang))


@lru_cache(maxsize=2048)
def _highlighted(code: str, lang: str) -> tuple[str, ...]:
    """`highlight_lines`, memoized: translated sites repeat their code blocks in every
    language, and API pages repeat their samples."""
    lexer = get_lexer(lang)
    if lexer is None:
        return tuple(html.escape(line, quote=False) for line in code.split("\n"))
    lines: list[list[str]] = [[]]
    line = lines[0]
    class_of = _CLASS_OF
    # lexers' rules may end at a newline (bash's comment is `#.*\n`): the last line gets one
    # too, as Pygments' `ensurenl` would give it, and the empty line after it is dropped
    ended = code.endswith("\n")
    for ttype, value in lexer.get_tokens(code if ended else code + "\n"):
        cls = class_of.get(ttype)
        if cls is None:
            cls = _token_class(ttype)
        if "\n" not in value:  # most tokens: within one line
            if value:
                escaped = _escape(value)
                line.append(f'<span class="{cls}">{escaped}</span>' if cls else escaped)
            continue
        for k, part in enumerate(value.split("\n")):
            if k:
                line = []
                lines.append(line)
            if part:
                escaped = _escape(part)
                line.append(f'<span class="{cls}">{escaped}</span>' if cls else escaped)
    if not ended and len(lines) > 1 and not lines[-1]:
        lines.pop()
    return tuple("".join(parts) for parts in lines)


def _escape(text: str) -> str:
    """`html.escape(text, quote=False)`, without its work when there is nothing to escape."""
    if "&" in text or "<" in text or ">" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def strip_diff_markers(code: str) -> tuple[str, dict[int, str]]:
    """Remove `// [!code ++]`-style markers; return code and {1-based line: add|del|highlight|focus}."""
    if "[!code" not in code:
        return code, {}
    marks: dict[int, str] = {}
    out = []
    kinds = {"++": "add", "--": "del", "highlight": "highlight", "focus": "focus"}
    for i, line in enumerate(code.split("\n"), start=1):
        m = _DIFF.search(line)
        if m:
            count = int(m.group(2) or 1)
            for k in range(count):
                marks[i + k] = kinds[m.group(1)]
            line = line[: m.start()]
        out.append(line)
    return "\n".join(out), marks


def _marked_line(n: int, line: str, info: FenceInfo, marks: dict[int, str]) -> str:
    """Line `n` (1-based) of a code block with its highlight, focus and diff classes."""
    classes = ["line"]
    mark = marks.get(n)
    if n in info.highlight or mark == "highlight":
        classes.append("line--highlight")
    if info.focus and n not in info.focus and mark != "focus":
        classes.append("line--dim")
    if mark == "add":
        classes.append("line--add")
    elif mark == "del":
        classes.append("line--del")
    return f'<span class="{" ".join(classes)}">{line}</span>'


def render_code_block(
    code: str,
    info: FenceInfo,
    *,
    icon_html: str = "",
    copy_icon: str = "",
    copy_label: str = "Copy code",
) -> str:
    """The code block markup the theme styles (ARCHITECTURE.md / theme contract)."""
    code = code[:-1] if code.endswith("\n") else code
    code, marks = strip_diff_markers(code)
    rendered = highlight_lines(code, info.lang)
    if not (marks or info.highlight or info.focus):  # the common case: every line plain
        out_lines = [f'<span class="line">{line}</span>' for line in rendered]
    else:
        out_lines = [_marked_line(n, line, info, marks) for n, line in enumerate(rendered, 1)]
    attrs = [f'data-lang="{html.escape(info.lang)}"'] if info.lang else []
    if info.wrap:
        attrs.append("data-wrap")
    if info.lines:
        attrs.append("data-lines")
    if info.expandable:
        attrs.append("data-expandable")
    header = ""
    if info.title:
        header = (
            f'<div class="mr-code__header"><span class="mr-code__title">{icon_html}'
            f"{html.escape(info.title)}</span></div>"
        )
    copy = ""
    if not info.nocopy:
        copy = (
            '<button type="button" class="mr-copy" data-component="copy" '
            f'aria-label="{html.escape(copy_label)}">{copy_icon}</button>'
        )
    body = "\n".join(out_lines)
    extra = (" " + " ".join(attrs)) if attrs else ""
    return (
        f'<div class="mr-code code-block" data-component="code-block"{extra}>{header}{copy}'
        f'<pre class="mr-code__pre"><code>{body}</code></pre></div>'
    )


DARK_CODE = ':is(.dark:not([data-codeblocks="light"]),[data-codeblocks="dark"]) .mr-code__pre'
"""Code in dark colours: in dark mode, unless docs.json `styling.codeblocks` names a light theme
for both modes, and in both modes with `styling.codeblocks: "dark"` (the `data-codeblocks`
attribute of the page's `<html>`, `SiteConfig.codeblocks_mode`)."""


def pygments_css(light_style: str = "default", dark_style: str = "monokai") -> str:
    """Token colours for light mode and for `.dark`, scoped to code blocks.

    Only token rules are kept: the theme owns the frame, so the formatters' own background,
    line-number and highlight rules are dropped, and error tokens get no special look.
    """
    from pygments.formatters import HtmlFormatter  # start-up time, see top

    rules = (
        HtmlFormatter(style=light_style).get_style_defs(".mr-code__pre")
        + "\n"
        + HtmlFormatter(style=dark_style).get_style_defs(DARK_CODE)
    )
    keep = []
    for line in rules.splitlines():
        selector = line.split("{", 1)[0].strip()
        last = selector.rsplit(" ", 1)[-1]
        if not selector.startswith((".mr-code__pre ", DARK_CODE + " ")) or last in (
            ".hll",
            ".err",
            ".linenos",
            ".lineno",
        ):
            continue
        keep.append(line)
    return "\n".join(keep) + "\n"
