"""Block rules tried only where they can start: a first-character dispatch over a rule chain.

markdown-it tries every block rule of a chain, in order, on each line it tokenizes, and every
terminator rule on each line of a paragraph; most rules give up at once because the line's
first character (after its indentation, `bMarks + tShift`) cannot start them. `dispatch_rules`
makes each chain one rule that calls, in the chain's order, only the rules whose `STARTS` hold
that character, plus every rule with no entry there (tried on any line, as before). A rule
skipped this way would have returned False, so the tokens are the same
(tests/test_checkinline.py parses the corpora both ways).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock

    Rule = Callable[[StateBlock, int, int, bool], bool]

STARTS: dict[str, str] = {
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


def dispatch_rules(md: MarkdownIt) -> None:
    """Make every block rule chain of `md` a first-character dispatch over its rules."""
    ruler = md.block.ruler
    names = {id(rule.fn): rule.name for rule in ruler.__rules__}
    original = ruler.getRules
    chains: dict[str, list[Rule]] = {}

    def get_rules(chain: str) -> list[Rule]:
        if chain not in chains:
            chains[chain] = [_dispatcher(original(chain), names)]
        return chains[chain]

    ruler.getRules = get_rules  # type: ignore[method-assign,assignment]


def _dispatcher(rules: list[Rule], names: dict[int, str]) -> Rule:
    starts = [STARTS.get(names.get(id(rule), "")) for rule in rules]
    chars = {ch for s in starts if s for ch in s}
    anywhere = tuple(rule for rule, s in zip(rules, starts, strict=True) if not s)
    by_char = {
        ch: tuple(rule for rule, s in zip(rules, starts, strict=True) if not s or ch in s)
        for ch in chars
    }

    def dispatch(state: StateBlock, line: int, end_line: int, silent: bool) -> bool:
        pos = state.bMarks[line] + state.tShift[line]
        src = state.src
        candidates = by_char.get(src[pos], anywhere) if pos < len(src) else anywhere
        for rule in candidates:
            if rule(state, line, end_line, silent):
                return True
        return False

    return dispatch
