r"""Where JavaScript statements end, for the readers of MDX's ESM and of component bodies:
`statement_end` (the line after an `import`/`export` of a page or snippet) and `statements`
(a block body split into its statements). Both skip strings, templates, comments, JSX text
(an apostrophe in "Don't" starts no string) and regular expression literals (`/\s|\//g`
holds no comment, `/"/` no string)."""

from __future__ import annotations

import re

from mintrender.components._jsxparse import jsx_end, skip_string
from mintrender.parse.expr import regex_literal_end

_STARTS = re.compile(r"(?:const|let|var|return|function|if|switch|console)\b|(?:React\.)?use[A-Z]")
"""Words that start a statement on a new line (statements need no `;` in JavaScript)."""
RETURN_WORD = re.compile(r"return(?![\w$])")

STATEMENT_WINDOW = 64
"""Lines `statement_end` reads first: nearly every statement ends well within them."""


def statement_end(lines: list[str], start: int) -> int:
    """0-based line after an ESM statement that starts at `lines[start]`."""
    if len(lines) - start > STATEMENT_WINDOW:
        # the answer read from the first lines is the answer when the statement ends within
        # them (the line after its end is read too); else read on to the end of the file
        end, ended = _statement_end("\n".join(lines[start : start + STATEMENT_WINDOW]), start)
        if ended:
            return end
    return _statement_end("\n".join(lines[start:]), start)[0]


_STATEMENT_CHARS = frozenset("\"'`/{[()]}\n<")
"""What `_statement_end` reads: quotes, comments, brackets, line breaks, JSX."""
_PLAIN_RUN = re.compile(r"[^\"'`/{\[()\]}\n<]+")


def _statement_end(text: str, start: int) -> tuple[int, bool]:
    """`statement_end` of `text`, and whether the statement ended before the text did."""
    depth = 0
    i = 0
    n = len(text)
    line = start
    while i < n:
        ch = text[i]
        if ch not in _STATEMENT_CHARS:  # a run of characters the statement's end ignores
            i = _PLAIN_RUN.match(text, i).end()  # type: ignore[union-attr]
            continue
        if ch in "\"'`":
            j = i + 1
            while j < n and text[j] != ch:
                if text[j] == "\\":
                    j += 1
                elif text[j] == "\n":
                    if ch != "`":
                        break
                    line += 1
                j += 1
            # past the closing quote; a line break ends a quote never closed ("page's text"
            # after an `export const x = {` left open) and is read as one, so lines still count
            i = j + 1 if j < n and text[j] == ch else j
            continue
        if ch == "/" and (end := regex_literal_end(text, i)) is not None:  # `/\//g`
            i = end
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i)
            end = n if end < 0 else end + 2
            line += text.count("\n", i, end)
            i = end
            continue
        if text.startswith("//", i):  # `// the group's own`: no string starts there
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if ch == "<" and (element_end := jsx_end(text, i)) is not None:  # "Don't": JSX text
            line += text.count("\n", i, element_end)
            i = element_end
            continue
        if ch in "{[(":
            depth += 1
        elif ch in "}])":
            depth = max(0, depth - 1)
        elif ch == "\n":
            head = text[max(0, i - 80) : i].rstrip()
            if len(head) < 2 and i > 80:
                head = text[:i].rstrip()  # a long run of white space: look further back
            if depth == 0 and not head.endswith(
                ("=>", "=", "(", ",", "{", "[", "&&", "||", "?", ":")
            ):
                j = i + 1
                while j < n and text[j] in " \t":
                    j += 1
                if not text.startswith((".", "?", ":", "=>", ")", "]", "}"), j):
                    return line + 1, True
            line += 1
        i += 1
    return line + 1, False


def split_statements(text: str, *, commas: bool = False, cases: bool = False) -> list[str] | None:
    """`text` split at its top-level `;` and at line breaks before a statement word (`commas`:
    at its top-level `,` only, an object literal's entries); None when its brackets or
    strings do not close. A `return` ends a function body: the rest is what it returns (in a
    `switch`'s `cases`, a statement like the others)."""
    out: list[str] = []
    depth, start, i, n = 0, 0, 0, len(text)
    block = False  # the `{` open at depth 0 is a statement's block (`if (c) { … }`)
    while i < n:
        c = text[i]
        if c in "\"'`":
            end = string_end(text, i)
            if end < 0:
                return None
            i = end
            continue
        if c == "/" and (after := regex_literal_end(text, i)) is not None:
            i = after
            continue
        if text.startswith("//", i):
            end = text.find("\n", i)
            text = text[:i] + " " * ((end if end >= 0 else n) - i) + text[end if end >= 0 else n :]
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                return None
            text = text[:i] + " " * (end + 2 - i) + text[end + 2 :]
            continue
        if c == "<" and (element_end := jsx_end(text, i)) is not None:  # "Don't" is JSX text
            i = element_end
            continue
        if c in "([{":
            if c == "{" and depth == 0 and not commas:
                block = _block_head(text, start, i)
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth < 0:
                return None
            if depth == 0 and c == "}" and block:  # `if (c) { … } next()`: two statements
                block = False
                if not _BLOCK_GOES_ON.match(text, skip_space(text, i + 1)):
                    out.append(text[start : i + 1].strip())
                    start = i + 1
        elif depth == 0 and commas:
            if c == ",":
                out.append(text[start:i].strip())
                start = i + 1
        elif depth == 0 and (c == ";" or (c == "\n" and _STARTS.match(text, skip_space(text, i)))):
            out.append(text[start:i].strip())
            start = i + 1
        elif depth == 0 and not cases and RETURN_WORD.match(text, i) and not text[start:i].strip():
            out.append(text[i:].strip().rstrip(";").strip())  # the rest is the return
            return out
        i += 1
    if depth:
        return None
    out.append(text[start:].strip())
    return out


_BLOCK_WORD = re.compile(r"\s*(?:if|for|while|switch|try|do|function|async\s+function)(?![\w$])")
_BLOCK_WORD_END = re.compile(r"(?<![\w$])(?:else|try|finally|do)\Z")


def _block_head(text: str, start: int, i: int) -> bool:
    """Whether the `{` at `i` opens the block of the statement at `start` (its end ends the
    statement, with no `;`): an `if`, a loop, a `switch`, a `try`, a function declaration, the
    `{` after its `)` or `else`. Reads a few characters (a long statement is read once)."""
    if _BLOCK_WORD.match(text, start) is None:
        return False
    j = i
    while j > start and text[j - 1] in " \t\r\n":
        j -= 1
    return text[j - 1 : j] == ")" or _BLOCK_WORD_END.search(text[max(start, j - 8) : j]) is not None


_BLOCK_GOES_ON = re.compile(r"(?:else|catch|finally|while)(?![\w$])|[;,.)\]}?:=]|\Z")
"""What continues a statement after its block: `else`, `catch`, `do … while`; or an operator
(the braces were an object's after all)."""


def skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


def string_end(text: str, i: int) -> int:
    """The index after the string literal that starts at `i`, or -1 when it does not close."""
    end = skip_string(text, i, len(text))
    return end if i < end - 1 < len(text) and text[end - 1] == text[i] else -1


NEVER_ENDS = (
    "this statement never ends (a bracket, string or template left open), so MDX "
    "(and Mintlify) refuses this page; what follows it is read as part of it"
)


def unfinished(statement: str) -> bool:
    """An `import`/`export` that runs to the end of the page without closing what it opened
    (`export const X = {`, a template never closed) or ending on an operator (`X = `)."""
    text = statement.rstrip()
    return split_statements(text) is None or text.endswith(("=", "(", "[", "{", ",", "=>", "+"))
