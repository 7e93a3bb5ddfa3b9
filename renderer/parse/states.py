"""Parser states that do markdown-it's bookkeeping with less Python work: the same tokens.

markdown-it builds a `StateBlock` for every block parse (the page once, and each
component's children again in `parse_nested`, so a line `n` components deep is scanned
`n + 1` times) and a `StateInline` for every inline token; the states make every token.
What costs there, and what is done instead:

- `StateBlock.__init__` walks the leading blanks of each line in Python, a function call per
  character: `line_markers` computes the same markers with `str.split` and `str.lstrip`.
- `Token(...)`, a dataclass, runs two default factories and `__post_init__`: `new_token`
  sets the same thirteen fields directly (falling back to `Token` if markdown-it's token
  ever has other fields).
- After each inline parse, `balance_pairs`, `strikethrough` and `emphasis` walk the
  delimiter lists, which most text does not have (no `*`, `_`, `~`): skipped when all are
  empty, as they would do nothing.
- `md.options.get` goes through `collections.abc.Mapping`: answered by its dict.

tests/test_states.py compares every state and token with markdown-it's own.
"""

from __future__ import annotations

import dataclasses
from itertools import accumulate
from typing import TYPE_CHECKING, Any, Literal

from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import OptionsDict

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_FIELDS = "type tag nesting attrs map level children content markup info meta block hidden".split()


def _new_token(ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
    token = object.__new__(Token)
    token.type = ttype
    token.tag = tag
    token.nesting = nesting
    token.attrs = {}
    token.map = None
    token.level = 0
    token.children = None
    token.content = ""
    token.markup = ""
    token.info = ""
    token.meta = {}
    token.block = False
    token.hidden = False
    return token


new_token = _new_token if [f.name for f in dataclasses.fields(Token)] == _FIELDS else Token
"""`Token(ttype, tag, nesting)`, made without the dataclass machinery."""


class FastStateBlock(StateBlock):
    """`StateBlock` with the same markers computed with string methods, and faster tokens."""

    def __init__(self, src: str, md: MarkdownIt, env: Any, tokens: list[Token]) -> None:
        self.src = src
        self.md = md
        self.env = env
        self.tokens = tokens
        self.blkIndent = 0
        self.line = 0
        self.tight = False
        self.ddIndent = -1
        self.listIndent = -1
        self.parentType = "root"
        self.level = 0
        self.result = ""
        b_marks, e_marks, t_shift, s_count = line_markers(src)
        self.bMarks = b_marks
        self.eMarks = e_marks
        self.tShift = t_shift
        self.sCount = s_count
        self.bsCount = [0] * len(b_marks)
        self.lineMax = len(b_marks) - 1
        self._code_enabled = "code" in md.block.ruler.get_active_rules()

    def push(self, ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
        token = new_token(ttype, tag, nesting)
        token.block = True
        if nesting < 0:
            self.level -= 1
        token.level = self.level
        if nesting > 0:
            self.level += 1
        self.tokens.append(token)
        return token


def line_markers(src: str) -> tuple[list[int], list[int], list[int], list[int]]:
    """Begin and end offset, indentation in characters and in columns (a tab to the next
    multiple of 4) of each line of `src`, then of a fake line at its end: markdown-it's
    markers. A last line of only blanks with no newline after it is no line."""
    lines = src.split("\n")
    if not lines[-1].strip(" \t"):
        lines.pop()  # after a final newline: empty; else blanks, which markdown-it drops
    lengths = [len(line) for line in lines]
    b_marks = [0, *accumulate(n + 1 for n in lengths)]
    b_marks[-1] = len(src)  # the fake line
    e_marks = [b + n for b, n in zip(b_marks, lengths, strict=False)]
    e_marks.append(len(src))
    t_shift = [n - len(line.lstrip(" \t")) for n, line in zip(lengths, lines, strict=True)]
    if "\t" in src:
        s_count = [_columns(line, shift) for line, shift in zip(lines, t_shift, strict=True)]
    else:
        s_count = t_shift.copy()
    t_shift.append(0)
    s_count.append(0)
    return b_marks, e_marks, t_shift, s_count


def _columns(line: str, shift: int) -> int:
    """The width of the first `shift` characters of `line` (blanks), tabs expanded."""
    if "\t" not in line[:shift]:
        return shift
    offset = 0
    for ch in line[:shift]:
        offset += 4 - offset % 4 if ch == "\t" else 1
    return offset


class FastStateInline(StateInline):
    """`StateInline` making its tokens with `new_token`."""

    def pushPending(self) -> Token:
        token = new_token("text", "", 0)
        token.content = self.pending
        token.level = self.pendingLevel
        self.tokens.append(token)
        self.pending = ""
        return token

    def push(self, ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
        if self.pending:
            self.pushPending()
        token = new_token(ttype, tag, nesting)
        token_meta = None
        if nesting < 0:
            self.level -= 1
            self.delimiters = self._prev_delimiters.pop()
        token.level = self.level
        if nesting > 0:
            self.level += 1
            self._prev_delimiters.append(self.delimiters)
            self.delimiters = []
            token_meta = {"delimiters": self.delimiters}
        self.pendingLevel = self.level
        self.tokens.append(token)
        self.tokens_meta.append(token_meta)
        return token


DELIMITER_RULES = frozenset({"balance_pairs", "strikethrough", "emphasis"})
"""Inline post-processing rules that only read delimiter lists (a no-op when all are empty)."""


def _has_delimiters(state: StateInline) -> bool:
    """Whether a delimiter list the post-processing rules read holds anything."""
    if state.delimiters:
        return True
    metas = state.tokens_meta
    return any(metas) and any(meta.get("delimiters") for meta in filter(None, metas))


_PROBE = "a\n\t- b\n  \tc\n\n> d\n  "
"""Lines with tabs and blanks, a blank line, and a last line of only blanks."""


def _same_state(md: MarkdownIt) -> bool:
    """Whether `FastStateBlock` sets what this markdown-it-py's `StateBlock` sets, to the same
    values (on `_PROBE`): its fields differ between releases (3.0 to 4.x), and where they do,
    markdown-it's own state is used."""
    try:
        fast = vars(FastStateBlock(_PROBE, md, {}, []))
        plain = vars(StateBlock(_PROBE, md, {}, []))
    except Exception:  # noqa: BLE001 - a release whose state we do not know: its own
        return False
    return fast == plain


class _Options(OptionsDict):
    """`OptionsDict` whose `get` is its dict's."""

    def get(self, key: str, default: Any = None) -> Any:
        return self._options.get(key, default)


def fast_states(md: MarkdownIt) -> None:
    """Make `md` parse with `FastStateBlock` and `FastStateInline` (the page, and every nested
    parse), skip delimiter post-processing where there are no delimiters, and answer
    `md.options.get` directly. Call it once `md`'s rules are final."""
    block, inline = md.block, md.inline
    md.options = _Options(md.options._options)
    fast_blocks = _same_state(md)

    def parse_block(
        src: str, md: MarkdownIt, env: Any, out_tokens: list[Token]
    ) -> list[Token] | None:
        if not src:
            return None
        state = (FastStateBlock if fast_blocks else StateBlock)(src, md, env, out_tokens)
        block.tokenize(state, state.line, state.lineMax)
        return state.tokens

    ruler2 = inline.ruler2
    skip = {id(rule.fn) for rule in ruler2.__rules__ if rule.name in DELIMITER_RULES}
    chain: list[Any] = [None, []]  # ruler2's chain as last compiled, and it less `skip`

    def parse_inline(src: str, md: MarkdownIt, env: Any, tokens: list[Token]) -> list[Token]:
        state = FastStateInline(src, md, env, tokens)
        inline.tokenize(state)
        rules = ruler2.getRules("")
        if not _has_delimiters(state):
            if chain[0] is not rules:
                chain[:] = [rules, [rule for rule in rules if id(rule) not in skip]]
            rules = chain[1]
        for rule in rules:
            rule(state)
        return state.tokens

    block.parse = parse_block  # type: ignore[method-assign,assignment]
    inline.parse = parse_inline  # type: ignore[method-assign]
