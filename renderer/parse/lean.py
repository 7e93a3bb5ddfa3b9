"""markdown-it-py and its plugins without per-page work that finds nothing or was done before.

Every page runs markdown-it's core rules over its whole token stream. Two plugins' rules walk
every token of every page even when the page has nothing for them (a footnote, a task list
item), markdown-it's block rules each log a debug message on entry (~600 calls a page), and
each link's URL is normalized again wherever it is written (most URLs recur across pages).
`lean_plugins` keeps the rules and their output as they are and skips only that work.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore

_BLOCK_RULE_MODULES = (
    "blockquote",
    "code",
    "fence",
    "heading",
    "hr",
    "html_block",
    "lheading",
    "list",
    "paragraph",
    "reference",
)


def _ignore(*args: Any, **kwargs: Any) -> None:
    return None


def quiet_block_rule_logs() -> None:
    """markdown-it-py's block rules call `LOGGER.debug(...)` on every entry; while debug
    logging is off for them, that call becomes a no-op instead of two method calls."""
    for name in _BLOCK_RULE_MODULES:
        logger = logging.getLogger(f"markdown_it.rules_block.{name}")
        if not logger.isEnabledFor(logging.DEBUG):
            logger.debug = _ignore  # type: ignore[method-assign]


def lean_plugins(md: MarkdownIt) -> None:
    """Run the footnote and task list core rules only on pages that can have their output."""
    ruler = md.core.ruler
    for name, wanted in (("footnote_tail", _has_footnotes), ("github-tasklists", _may_have_tasks)):
        index = ruler.__find__(name)
        if index < 0:
            continue
        rule = ruler.__rules__[index].fn
        ruler.at(name, _only_if(wanted, rule))
    # a link's URL is normalized (parsed, punycoded, percent-encoded) wherever it is written;
    # the same URLs recur on page after page, and the answer depends on the URL alone
    md.normalizeLink = lru_cache(maxsize=8192)(md.normalizeLink)  # type: ignore[method-assign]
    quiet_block_rule_logs()


def _only_if(wanted: Any, rule: Any) -> Any:
    def guarded(state: StateCore) -> None:
        if wanted(state):
            rule(state)

    return guarded


def _has_footnotes(state: StateCore) -> bool:
    """`footnote_tail` moves definitions and references; with neither it changes nothing."""
    data = state.env.get("footnotes")
    return bool(data and (data.get("refs") or data.get("list")))


def _may_have_tasks(state: StateCore) -> bool:
    """A task list item is an inline token whose text starts with `[ ]` or `[x]`."""
    return any(tok.type == "inline" and tok.content[:1] == "[" for tok in state.tokens)


def lean_normalize(md: MarkdownIt) -> None:
    """markdown-it's `normalize` core rule rewrites every line ending of a page (`\\r\\n`, `\\r`
    -> `\\n`) and NUL; on a page with neither `\\r` nor NUL it changes nothing, so skip it."""
    ruler = md.core.ruler
    index = ruler.__find__("normalize")
    if index < 0:
        return
    rule = ruler.__rules__[index].fn
    ruler.at("normalize", _only_if(_needs_normalizing, rule))


def _needs_normalizing(state: StateCore) -> bool:
    return "\r" in state.src or "\0" in state.src
