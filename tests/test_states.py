"""The parser states of renderer/parse/states.py give exactly markdown-it's own states and
tokens: line markers, token fields, and inline post-processing skipped only where it would do
nothing."""

from __future__ import annotations

import dataclasses
import itertools
import random

import pytest
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from mintrender.parse.mdx import make_markdown, new_markdown
from mintrender.parse.states import (
    FastStateBlock,
    FastStateInline,
    _has_delimiters,
    _same_state,
    fast_states,
    new_token,
)

LINES = [
    "",
    "a",
    "  a",
    "\ta",
    " \t a",
    "  \t\ta b",
    "   ",
    "\t",
    " \t ",
    "a\t",
    "\r",
    "<Note>",
    "    - item",
]


MD = MarkdownIt()


def _state_vars(cls: type[StateBlock], src: str) -> dict:
    return vars(cls(src, MD, {}, []))


@pytest.mark.parametrize("end", ["", "\n", "\n\n", "  ", "\t", "\n  ", "\n\t\n"])
def test_block_markers_equal_markdown_its_on_every_line_mix(end: str) -> None:
    """Every pair and triple of line kinds, each with every ending: blank last lines with
    and without a newline are where markdown-it's scan drops a line."""
    for n in (1, 2, 3):
        for lines in itertools.product(LINES, repeat=n):
            src = "\n".join(lines) + end
            if not src:
                continue
            assert _state_vars(FastStateBlock, src) == _state_vars(StateBlock, src), repr(src)


def test_block_markers_equal_markdown_its_on_random_text() -> None:
    rng = random.Random(15)
    alphabet = [" ", "  ", "\t", "\n", "\n\n", "a", "b c", "\r", "\u00a0"]
    for _ in range(3000):
        src = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 16)))
        assert _state_vars(FastStateBlock, src) == _state_vars(StateBlock, src), repr(src)


def test_new_token_has_every_field_of_a_token() -> None:
    for nesting in (-1, 0, 1):
        fast, plain = new_token("x_open", "div", nesting), Token("x_open", "div", nesting)
        for field in dataclasses.fields(Token):
            assert getattr(fast, field.name) == getattr(plain, field.name), field.name
        assert fast.attrs is not new_token("x", "", 0).attrs  # fresh dicts, never shared
        assert fast.meta is not new_token("x", "", 0).meta


INLINE = [
    "plain text",
    "*em* and **strong** and ~~gone~~",
    "[*em in a link*](/page) only",  # the delimiters sit in the link's own list
    "![*alt*](/img.png)",
    "<Tooltip tip='x'>*a*</Tooltip> b",
    "<Tooltip tip='x'>unclosed *a* b",
    "a * b _ c ~ d",  # markers that open and close nothing
    "~single~ ~~double~~ `*code*` \\*escaped\\*",
    "[a]() [b](</c d>) [*e*][f]\n\n[f]: /g",
    "***nested* emphasis** _a_b_",
    "[" * 60 + "deep" + "](/x)" * 60,  # past maxNesting: text to the end
    "*" * 90 + "a" + "*" * 90,
    "<Tooltip tip='x'>" * 30 + "deep" + "</Tooltip>" * 30,
]


def _tokens(md: MarkdownIt, text: str) -> list[dict]:
    return [t.as_dict() for t in md.parse(text, {"src_path": "p.mdx", "scope": {}})]


@pytest.mark.parametrize("text", INLINE)
def test_fast_states_give_the_plain_parse_tokens(text: str) -> None:
    fast = new_markdown()
    fast_states(fast)
    assert _tokens(fast, text) == _tokens(new_markdown(), text)
    assert _tokens(make_markdown(), text) == _tokens(new_markdown(), text)


def test_inline_rules_are_looked_up_in_the_dispatch_table() -> None:
    """The build's tokenizer reads the table of the one dispatcher rule (else it would fall
    back to markdown-it's loop, and the tests above would not test it)."""
    md = make_markdown()
    (dispatcher,) = md.inline.ruler.getRules("")
    by_char, anywhere = dispatcher.table
    assert [r.__name__ for r in anywhere] == ["text"]
    assert len(by_char["<"]) > 2


def test_delimiters_in_a_link_label_are_not_skipped() -> None:
    """`[*a*](/b)`: once the link closes, its delimiters are only in `tokens_meta`; the
    post-processing that turns them into emphasis must still run."""
    md = new_markdown()
    fast_states(md)
    seen = []
    parse = md.inline.parse

    def spy(src, md_, env, tokens):  # type: ignore[no-untyped-def]
        out = parse(src, md_, env, tokens)
        seen.append([t.type for t in out])
        return out

    md.inline.parse = spy  # type: ignore[method-assign]
    md.parse("[*a*](/b)", {"src_path": "p.mdx", "scope": {}})
    assert "em_open" in seen[0]
    state = FastStateInline("[*a*](/b)", md, {}, [])
    md.inline.tokenize(state)
    assert not state.delimiters and _has_delimiters(state)


def test_options_get_answers_like_a_mapping() -> None:
    md = make_markdown()
    assert md.options.get("html") is True
    assert md.options.get("no such option", "x") == "x"
    assert md.options["maxNesting"] == md.options.maxNesting


def test_a_block_state_with_other_fields_is_left_to_markdown_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where a markdown-it-py release's `StateBlock` sets fields `FastStateBlock` does not,
    the parse uses markdown-it's own state, and the tokens stay right."""
    assert _same_state(new_markdown())  # this release: the fast state
    want = [_tokens(new_markdown(), text) for text in (*INLINE, "\n".join(LINES))]
    init = StateBlock.__init__

    def more(self: StateBlock, *args: object) -> None:
        init(self, *args)  # type: ignore[arg-type]
        self.newer_field = 1  # type: ignore[attr-defined]

    monkeypatch.setattr(StateBlock, "__init__", more)
    md = new_markdown()
    fast_states(md)
    assert not _same_state(md)
    assert [_tokens(md, text) for text in (*INLINE, "\n".join(LINES))] == want
