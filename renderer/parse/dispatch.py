"""Rules tried only where they can start: a first-character dispatch over a rule chain.

markdown-it tries every block rule of a chain, in order, on each line it tokenizes (and every
terminator rule on each line of a paragraph), and every inline rule at each markup character;
most rules give up at once because the character they start with is not there: a line's
first character after its indentation (`bMarks + tShift`), or the inline `state.pos`.
`dispatch_rules` makes each chain one rule that calls, in the chain's order, only the rules
whose `BLOCK_STARTS` / `INLINE_STARTS` hold that character, plus every rule with no entry
there (tried everywhere, as before). A rule skipped this way would have returned False, so
the tokens are the same (tests/test_checkinline.py; every page of both corpora).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markdown_it import rules_block

if TYPE_CHECKING:
    from collections.abc import Callable

    from markdown_it import MarkdownIt
    from markdown_it.ruler import Ruler
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_inline import StateInline

BLOCK_STARTS: dict[str, str] = {
    "math_block": "$",  # `$$`
    "fence": "`~",
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",
    "footnote_def": "[",  # `[^label]:`
    "reference": "[",
    "esm": "ie",  # `import`, `export` at column 0
    "jsx_block": "<{",
    "heading": "#",
}
"""Block rule name -> the characters a line must start with for the rule to match it (each
rule's own first test). `table`, `lheading` and `paragraph` can start on any line."""

INLINE_STARTS: dict[str, str] = {
    "newline": "\n",
    "math_inline": "$",
    "escape": "\\",
    "backticks": "`",
    "strikethrough": "~",
    "emphasis": "*_",
    "link": "[",
    "image": "!",  # `![`
    "footnote_ref": "[",  # `[^`
    "autolink": "<",
    "jsx_inline": "<",
    "mdx_expression": "{",
    "html_inline": "<",
    "entity": "&",
    "url_inline": ":",  # the `:` of `https://`
}
"""Inline rule name -> the characters at `state.pos` it can start at. `text` (first in the
chain) takes any run of other characters."""


def dispatch_rules(md: MarkdownIt) -> None:
    """Make every block and inline rule chain of `md` a first-character dispatch, and try
    `lheading` only on text with a possible setext underline, `table` only above a line that
    may be its delimiter row."""
    _guard_lheading(md)
    _guard_table(md)
    _dispatch(md.block.ruler, BLOCK_STARTS, _block_dispatcher)
    _dispatch(md.inline.ruler, INLINE_STARTS, _inline_dispatcher)
    _inline_tokenizer(md)


def _guard_lheading(md: MarkdownIt) -> None:
    """`lheading` runs before `paragraph` on every paragraph, scanning its lines with the
    terminator rules; it matches only where a line before the next blank one starts (after its
    indentation) with `=` or `-`, its underline. Elsewhere `paragraph` alone is tried.

    A line that starts a block (indented 0-3 columns, as markdown-it checks) ends the
    paragraph before any underline too: read on to the blank line, each item of a list of N
    `1.` or `*` items read the N lines after it, N² for the list."""
    ruler = md.block.ruler
    index = ruler.__find__("lheading")
    if index < 0:
        return
    rule = ruler.__rules__[index]
    lheading = rule.fn

    def guarded(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        src, b_marks, t_shift, e_marks = state.src, state.bMarks, state.tShift, state.eMarks
        s_count, indent = state.sCount, state.blkIndent
        terminators = state.md.block.ruler.getRules("paragraph")
        starts: Any = getattr(terminators[0], "table", ({},))[0] if terminators else {}
        for line in range(start_line + 1, end_line):
            pos = b_marks[line] + t_shift[line]
            if pos >= e_marks[line]:
                return False  # a blank line: the paragraph ends before any underline
            if src[pos] in "=-":
                return lheading(state, start_line, end_line, silent)
            if src[pos] in starts and 0 <= s_count[line] <= indent + 3:
                if _terminates(state, terminators, line, end_line):
                    return False
        return False

    ruler.at("lheading", guarded, {"alt": list(rule.alt)})


def _terminates(state: StateBlock, terminators: list[Any], line: int, end_line: int) -> bool:
    """Does `line` end a paragraph running into it (a terminator rule matches it there)?"""
    old_parent = state.parentType
    state.parentType = "paragraph"
    try:
        return any(rule(state, line, end_line, True) for rule in terminators)
    finally:
        state.parentType = old_parent


def _guard_table(md: MarkdownIt) -> None:
    """`table` is tried on every line (it can start anywhere, and interrupts paragraphs); it
    returns False at once where the next line does not start (after its indentation) with
    `|`, `-` or `:`, the first character of a delimiter row. Only there is it called."""
    ruler = md.block.ruler
    index = ruler.__find__("table")
    if index < 0 or ruler.__rules__[index].fn is not rules_block.table:
        return
    rule = ruler.__rules__[index]
    table = rule.fn

    def guarded(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        if start_line + 2 <= end_line:
            line = start_line + 1
            pos = state.bMarks[line] + state.tShift[line]
            if pos >= state.eMarks[line] or state.src[pos] not in "|-:":
                return False
        return table(state, start_line, end_line, silent)

    ruler.at("table", guarded, {"alt": list(rule.alt)})


Table = tuple[dict[str, tuple[Any, ...]], tuple[Any, ...]]
"""Character -> the rules to try there; the rules to try at any other character."""


def _dispatch(ruler: Ruler[Any], starts: dict[str, str], make: Callable[[Table], Any]) -> None:
    names = {id(rule.fn): rule.name for rule in ruler.__rules__}
    original = ruler.getRules
    chains: dict[str, list[Any]] = {}

    def get_rules(chain: str) -> list[Any]:
        if chain not in chains:
            rules = original(chain)
            chains[chain] = [make(_table(rules, [starts.get(names[id(r)], "") for r in rules]))]
        return chains[chain]

    ruler.getRules = get_rules  # type: ignore[method-assign,assignment]


def _table(rules: list[Any], starts: list[str]) -> Table:
    pairs = list(zip(rules, starts, strict=True))
    by_char = {ch: tuple(rule for rule, s in pairs if not s or ch in s) for s in starts for ch in s}
    return by_char, tuple(rule for rule, s in pairs if not s)


def _block_dispatcher(table: Table) -> Any:
    by_char, anywhere = table

    def dispatch(state: StateBlock, line: int, end_line: int, silent: bool) -> bool:
        pos = state.bMarks[line] + state.tShift[line]
        src = state.src
        for rule in by_char.get(src[pos], anywhere) if pos < len(src) else anywhere:
            if rule(state, line, end_line, silent):
                return True
        return False

    dispatch.table = table  # type: ignore[attr-defined]  # for `_guard_lheading`
    return dispatch


def _inline_dispatcher(table: Table) -> Any:
    by_char, anywhere = table

    def dispatch(state: StateInline, silent: bool) -> bool:
        pos = state.pos
        src = state.src
        for rule in by_char.get(src[pos], anywhere) if pos < len(src) else anywhere:
            if rule(state, silent):
                return True
        return False

    dispatch.table = table  # type: ignore[attr-defined]  # for `_inline_tokenizer`
    return dispatch


def _inline_tokenizer(md: MarkdownIt) -> None:
    """`md.inline.tokenize` looking the rules up in the dispatch table itself, not through
    a call of the dispatcher at each position (markdown-it's loop, the same tokens)."""
    inline = md.inline
    plain = inline.tokenize

    def tokenize(state: StateInline) -> None:
        rules = inline.ruler.getRules("")
        table = getattr(rules[0], "table", None) if len(rules) == 1 else None
        if table is None:
            plain(state)
            return
        by_char, anywhere = table
        end = state.posMax
        max_nesting = state.md.options["maxNesting"]
        # markdown-it-py 4.3 buffers pending text (`append_pending`); older ones add to a str
        append = getattr(state, "append_pending", None)
        while state.pos < end:
            pos = state.pos
            ok = False
            if state.level < max_nesting:
                for rule in by_char.get(state.src[pos], anywhere):
                    if rule(state, False):
                        ok = True
                        if state.pos <= pos:
                            raise RuntimeError("inline rule didn't increment state.pos")
                        break
            if ok:
                if state.pos >= end:
                    break
                continue
            if append is not None:
                append(state.src[state.pos])
            else:
                state.pending += state.src[state.pos]
            state.pos += 1
        if state.pending:
            state.pushPending()

    inline.tokenize = tokenize  # type: ignore[method-assign]
