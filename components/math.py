"""Math: `$…$`, `$$…$$` and `<Latex>` as MathML built at build time (no KaTeX, no script).

The Pythagorean theorem states that $a^2 + b^2 = c^2$.
-> … <span class="mr-math mr-math--inline"><math display="inline">…</math></span>

$$
E = mc^2
$$
-> <div class="mr-math mr-math--block"><math display="block">…</math></div>

TeX that cannot be converted (unbalanced braces, unknown commands) is shown as code with a
warning. `styling.latex: false` in docs.json turns math off: the dollars stay as written.
Dollar rules (mdx.py, mdit-py-plugins dollarmath): the opening `$` is not followed by a space,
the closing `$` not preceded by one nor followed by a digit, so "$5 and $10" stays text.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from mintrender.components._markdown import MdNode
from mintrender.components._spec import ComponentSpec, Node
from mintrender.components._util import strip_tags

if TYPE_CHECKING:
    from markdown_it.rules_core import StateCore

    from mintrender.components._markdown import MarkdownOut
    from mintrender.components._spec import RenderCtx

_UNKNOWN = re.compile(r"<m[io][^>]*>\\([A-Za-z]+)</m[io]>")


class MathError(ValueError):
    pass


def _balanced(tex: str) -> bool:
    depth = 0
    escaped = False
    for ch in tex:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


_UNICODE_COMMANDS = {
    "×": "times", "÷": "div", "±": "pm", "∓": "mp", "·": "cdot", "⋅": "cdot", "∘": "circ",
    "≤": "le", "≥": "ge", "≠": "ne", "≈": "approx", "≡": "equiv", "∼": "sim", "≃": "simeq",
    "≅": "cong", "∝": "propto", "≪": "ll", "≫": "gg",
    "→": "to", "←": "leftarrow", "↔": "leftrightarrow", "⇒": "Rightarrow", "⇐": "Leftarrow",
    "⇔": "Leftrightarrow", "↦": "mapsto",
    "∈": "in", "∉": "notin", "∋": "ni", "⊂": "subset", "⊃": "supset", "⊆": "subseteq",
    "⊇": "supseteq", "∪": "cup", "∩": "cap", "∅": "emptyset", "∀": "forall", "∃": "exists",
    "¬": "neg", "∧": "land", "∨": "lor", "⊕": "oplus", "⊗": "otimes",
    "∑": "sum", "∏": "prod", "∫": "int", "∂": "partial", "∇": "nabla", "∞": "infty",
}  # fmt: skip
"""Unicode symbols KaTeX (Mintlify's math) reads as these commands: `x × y ≥ k` is spaced as
binary operators and relations, not set as identifiers side by side."""
_UNICODE_SYMBOLS = re.compile("[" + "".join(_UNICODE_COMMANDS) + "]")


_ENVIRONMENTS = re.compile(r"\\(begin|end)\{(aligned|alignedat|alignat\*?|gathered)\}(?:\{\d+\})?")
"""KaTeX's `aligned` family, which latex2mathml does not know (it drew `a & = b` on one line):
drawn as the `align*` and `matrix` it does (the column count of `alignedat{2}` is implied)."""
_ALIASES = {"gathered": "matrix"}  # one centred column, a row a line


def _known_environments(tex: str) -> str:
    return _ENVIRONMENTS.sub(
        lambda m: f"\\{m.group(1)}{{{_ALIASES.get(m.group(2), 'align*')}}}", tex
    )


_FUNCTION = (
    r"<mi>(?:arccos|arcsin|arctan|arg|cos|cosh|cot|coth|csc|deg|det|dim|exp|gcd|hom|inf|ker|lg"
    r"|lim|ln|log|max|min|Pr|sec|sin|sinh|sup|tan|tanh)</mi>"
)
_THIN = '<mspace width="0.1667em"></mspace>'
_FUNCTION_BEFORE_ORD = re.compile(rf"({_FUNCTION})(?=<m(?:i|n|sub|sup|row|frac|sqrt)\b)")
_ORD_BEFORE_FUNCTION = re.compile(rf"(?<=</m[in]>)({_FUNCTION})")


def _spaced_functions(mathml: str) -> str:
    """`n \\log n` as TeX spaces it: a thin space between a function name (`\\log`, `\\sin`)
    and the symbols beside it (latex2mathml set them touching: "nlogn"); none next to a
    bracket, as in `\\sin(x)`."""
    if "<mi>" not in mathml:
        return mathml
    mathml = _FUNCTION_BEFORE_ORD.sub(lambda m: m.group(1) + _THIN, mathml)
    return _ORD_BEFORE_FUNCTION.sub(lambda m: _THIN + m.group(1), mathml)


@lru_cache(maxsize=4096)
def _convert(tex: str, display: bool) -> tuple[str, str]:
    """(mathml, "") or ("", problem); cached: the parse-time check and the render share it."""
    from latex2mathml.converter import convert

    if not _balanced(tex):
        return "", "unbalanced braces"
    try:
        tex = _UNICODE_SYMBOLS.sub(lambda m: f"\\{_UNICODE_COMMANDS[m.group()]} ", tex)
        mathml = convert(_known_environments(tex.strip()), display="block" if display else "inline")
    except Exception as exc:  # noqa: BLE001 - the converter raises many types on bad input
        return "", str(exc) or type(exc).__name__
    mathml = _spaced_functions(mathml)
    if "<mi>&</mi>" in mathml:  # KaTeX refuses it too ("Expected 'EOF', got '&'")
        return "", "`&` outside an environment that aligns (aligned, cases, matrix…)"
    unknown = _UNKNOWN.search(mathml)
    if unknown:
        return "", f"unknown command \\{unknown.group(1)}"
    return mathml, ""


def tex_to_mathml(tex: str, *, display: bool) -> str:
    """MathML for `tex`; raises MathError when the TeX is broken or uses unknown commands."""
    mathml, problem = _convert(tex, display)
    if problem:
        raise MathError(problem)
    return mathml


def render_math(tex: str, *, display: bool, ctx: RenderCtx, line: int = 0) -> str:
    """`$tex$` (display=False) or `$$tex$$` (display=True) as MathML, or readable code.

    Problems are reported at parse time (`check_math`, which knows lines); `line` asks for a
    warning here instead (the `<Latex>` component).
    """
    if ctx.site.latex is False:
        marks = "$$" if display else "$"
        text = html.escape(f"{marks}{tex}{marks}")
        return f"<p>{text}</p>" if display else text
    tag = "div" if display else "span"
    kind = "block" if display else "inline"
    try:
        mathml = tex_to_mathml(tex, display=display)
    except MathError as exc:
        if line:
            ctx.warn(line, "math", problem_message(tex, str(exc)))
        return (
            f'<{tag} class="mr-math mr-math--{kind} mr-math--error">'
            f"<code>{html.escape(tex.strip())}</code></{tag}>"
        )
    label = html.escape(" ".join(tex.split()), quote=True)
    mathml = mathml.replace("<math ", f'<math aria-label="{label}" ', 1)
    return f'<{tag} class="mr-math mr-math--{kind}">{mathml}</{tag}>'


def problem_message(tex: str, problem: str) -> str:
    shown = " ".join(tex.split())
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    return f"cannot typeset ${shown}$ ({problem}); it is shown as TeX source"


_INLINE_MATH = {"math_inline": False, "math_inline_double": False}


def check_math(state: StateCore) -> None:
    """Core rule after `inline`: report TeX that cannot be typeset, at its line in the file."""
    env = state.env
    sink = env.get("diagnostics")
    if sink is None:
        return
    page = env.get("src_path", "<page>")
    for tok in state.tokens:
        if tok.type in ("math_block", "math_block_label"):
            _, problem = _convert(tok.content, True)
            if problem:
                line = (tok.map[0] if tok.map else 0) + 1
                sink.add("warning", page, line, 1, "math", problem_message(tok.content, problem))
        elif tok.type == "inline" and tok.children and "$" in tok.content:
            file, first, exact = (tok.meta or {}).get("origin") or (
                page,
                tok.map[0] if tok.map else 0,
                True,
            )
            for child in tok.children:
                if child.type not in _INLINE_MATH:
                    continue
                _, problem = _convert(child.content, _INLINE_MATH[child.type])
                if problem:
                    at = tok.content.find(child.content)
                    line = first + (tok.content.count("\n", 0, at) if exact and at > 0 else 0)
                    message = problem_message(child.content, problem)
                    sink.add("warning", file, line + 1, 1, "math", message)


def render_latex(node: Node, ctx: RenderCtx) -> str:
    """`<Latex>\\frac{a}{b}</Latex>`: the children's source as math (block unless inline)."""
    source = node.props.get("children")
    tex = source if isinstance(source, str) else strip_tags(node.html)
    return render_math(tex, display=not node.inline, ctx=ctx, line=node.line or 1)


def latex_markdown(node: MdNode, out: MarkdownOut) -> str:
    return f"$$\n{out.blocks(node.children)}\n$$"


COMPONENTS: tuple[ComponentSpec, ...] = (
    ComponentSpec(
        name="Latex", render=render_latex, markdown=latex_markdown, parts=("math",), source="raw"
    ),
)
