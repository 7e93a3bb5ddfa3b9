"""A custom component's first render, as MDX source: its props, locals and children filled in,
its conditions and `.map`s run, its event handlers left out (`expand_component`). `esm` reads
the component; this module draws it where its tag is."""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

from mintrender.components._jsxflow import FlowError, flow_fragments, maps_markup, shown
from mintrender.components._jsxparse import (
    ComponentRef,
    Expression,
    JsxElement,
    eval_expression,
    find_brace_end,
)
from mintrender.parse.esm import (
    BRACE_EXPR,
    HANDLER,
    CustomComponent,
    NotExpandable,
    arrow_component,
    with_plain,
)
from mintrender.parse.expr import ExprError, parse_expression
from mintrender.parse.expreval import Opaque, free_names
from mintrender.parse.jsxtext import (
    ELEMENT_NAME,
    Children,
    attribute_text,
    children_value,
    jsx_escape,
    jsx_text,
    open_line,
    own_lines,
    place_children,
    spread_attributes,
    text_in_element,
    without_providers,
)
from mintrender.parse.prelude import (
    ARROW,
    JsxFunction,
    JsxLocal,
    markup_call,
    run_locals,
)

_CALL = re.compile(r"([\w$]+)\s*\((.*)\)", re.S)
"""`name(args)`: a call of a component's markup helper (`prelude.JsxFunction`)."""
_NAME = re.compile(r"[\w$]+")
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_ATTRIBUTE = re.compile(r"\s+[\w:.-]+\s*=\Z")


def expand_component(
    comp: CustomComponent,
    props: dict[str, Any],
    children: str,
    module: dict[str, Any] | None,
    left_out: list[str],
    inner_components: dict[str, CustomComponent],
) -> str:
    """MDX source of a custom component's first render: its props, locals (`prelude`) and
    children filled in, its conditions and `.map`s run (`_jsxflow`), its event handlers left
    out; `module`: the values of the file that defines it. `left_out` gets each `{...}` child
    the build cannot run, left out of the render (as on a page); `inner_components` the
    components the body defines (`const Chip = ...`), for the tags of the render. Raises
    `NotExpandable` when something else it shows cannot be computed at build time."""
    given = {k: v for k, v in comp.defaults.items() if not isinstance(v, Expression)}
    # an undefined prop (`label={cfg.missing}`) takes its default, as destructuring does
    kept = {k: v for k, v in props.items() if v is not None or k not in comp.defaults}
    given.update({k: v for k, v in kept.items() if not isinstance(v, Expression) or _is_ref(v)})
    for key, late in comp.defaults.items():  # `({ items = ITEMS, b = a * 2 })`, in order
        if isinstance(late, Expression) and key not in given:
            value = eval_expression(late.source, {**(module or {}), **given})
            given.update({} if isinstance(value, Expression) else {key: value})
    # `icon={<svg .../>}`: markup, true in a condition and drawn where `{icon}` is
    given.update({k: JsxLocal(v.source) for k, v in props.items() if isinstance(v, JsxElement)})
    given["children"] = children_value(children)
    scope: dict[str, Any] = {**(module or {}), **given}
    for name in comp.params:
        scope.setdefault(name, None)  # a prop not given is undefined
    for prop, local in comp.renames:
        scope[local] = scope[prop]
    if comp.props_name:
        scope[comp.props_name] = given
    if comp.rest:  # `...props`: the props the component does not name
        named = {*comp.params, "children"}
        scope[comp.rest] = {k: v for k, v in given.items() if k not in named}
    unknown, early = run_locals(comp.locals, scope) if comp.locals else (set(), None)
    for name, value in scope.items():  # `const Chip = ({ children }) => <span>...</span>`
        arrow = ARROW.match(value.source) if isinstance(value, JsxFunction) else None
        if arrow and name[:1].isupper():
            inner = dataclasses.replace(arrow_component(name, arrow, comp.file), closure=scope)
            inner_components[name] = with_plain(inner, set(scope))
    if isinstance(early, Expression):
        loop = early.source.startswith(("for (", "while ("))  # a loop's budget (`loops`)
        where = shown(early.source, 42) if loop else f"if ({shown(early.source, 42)})"
        raise NotExpandable(f"`{where}`: {early.problem}")
    body = without_providers(comp.body if early is None else early)
    for name, value in scope.items():  # `const Tag = "details"; return <Tag>…</Tag>`
        if name[:1].isupper() and isinstance(value, str) and ELEMENT_NAME.fullmatch(value):
            body = re.sub(rf"<(/?){re.escape(name)}(?=[\s/>])", rf"<\g<1>{value}", body)
    body = _referenced_tags(body, scope, inner_components)
    return _expand(body, 0, len(body), scope, children, unknown, left_out)


_REF_TAG = re.compile(r"<(/?)([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)(?=[\s/>])")
"""A tag that may name a component held in a value: `<props.ui.Code>`, `<Icon>` (a prop)."""


def _is_ref(value: Any) -> bool:
    return isinstance(value, ComponentRef) and value.component is not None


def _referenced_tags(
    body: str, scope: dict[str, Any], inner_components: dict[str, CustomComponent]
) -> str:
    """`body` with each tag that names a component held in a value (`<props.ui.Code />`,
    `({ icon: Icon }) => <Icon />`) renamed to that component, which `inner_components` gets
    for the render's tags; one of a prop naming nothing (`<props.ui.Missing />`) its last
    name, an unknown component (its children shown, with a warning), never a raw element."""

    def rename(m: re.Match[str]) -> str:
        path = m.group(2)
        if "." not in path and (not path[:1].isupper() or not _is_ref(scope.get(path))):
            return m.group(0)
        value = eval_expression(path, scope)
        if not _is_ref(value) or not _NAME.fullmatch(value.source):
            last = path.rsplit(".", 1)[-1]
            if "." in path and last[:1].isupper() and path.split(".", 1)[0] in scope:
                return f"<{m.group(1)}{last}"  # a prop's component not given: an unknown tag
            return m.group(0)
        inner_components.setdefault(value.source, value.component)
        return f"<{m.group(1)}{value.source}"

    return _REF_TAG.sub(rename, body) if "<" in body else body


def _expand(
    body: str,
    start: int,
    stop: int,
    scope: dict[str, Any],
    children: str,
    unknown: set[str],
    left: list[str],
) -> str:
    out: list[str] = []
    i = start
    in_tag = False  # between a tag's name and its `>`: `x={…}` there is an attribute
    while True:
        m = BRACE_EXPR.search(body, i, stop)
        if not m:
            out.append(body[i:stop])
            break
        end = find_brace_end(body, m.start())
        inner = body[m.start() + 1 : end - 1].strip()
        before = body[i : m.start()]
        i = end
        in_tag = _in_tag_after(before, in_tag)
        attr = in_tag and before.endswith("=")  # else text: `<span>k={v}</span>` reads k=v
        handler = HANDLER.search(before)
        if handler is not None:  # onClick={...}: nothing a static page can run
            out.append(before[: handler.start()])
            continue
        if inner.startswith("...") and not attr:  # <a {...(c ? {…} : {})}>
            spread = eval_expression(inner[3:], scope)
            out.append(before + (spread_attributes(spread) if isinstance(spread, dict) else ""))
            if isinstance(spread, Expression) and spread.problem:  # that attribute alone left out
                left.append(f"{shown('{' + inner + '}', 42)}: {spread.problem}")
            continue
        flows = "<" in inner or maps_markup(inner, scope)  # items.map(renderCard) too
        if inner and flows and not attr and not inner.startswith("/*"):
            try:
                fragments = flow_fragments(body, m.start() + 1, end - 1, scope)
            except FlowError as exc:
                left.append(f"{shown('{' + inner + '}', 42)}: {exc.message}")
                out.append(before)
                continue
            if fragments and all(f.text is not None for f in fragments):  # text alone
                out.append(text_in_element(before, "".join(f.text or "" for f in fragments)))
                continue
            if fragments is not None:
                out.append(before)
                for fragment in fragments:
                    if fragment.text is not None:
                        out.append(fragment.text)
                    else:  # JSX inside an expression: its text read as JSX, too
                        piece = jsx_text(fragment.markup(body))
                        made = _expand(
                            piece, 0, len(piece), fragment.scope, children, unknown, left
                        )
                        _add_blocks(out, own_lines(made, piece))
                continue
        if unknown and inner and not inner.startswith("/*"):
            try:
                used = free_names(parse_expression(inner)) & unknown
            except ExprError:
                used = set()
            if used:  # that part alone is left out: an attribute, or a child expression
                why = f"`{sorted(used)[0]}` is only computed in the browser"
                attribute = _ATTRIBUTE.search(before) if attr else None
                if attribute is None and attr:
                    raise NotExpandable(why)
                part = attribute.group().strip() + "{…}" if attribute else "{" + inner + "}"
                left.append(f"{shown(part, 42)}: {why}")
                out.append(before[: attribute.start()] if attribute else before)
                continue
        call = _CALL.fullmatch(inner)
        helper = scope.get(call.group(1)) if call else None
        if isinstance(helper, JsxFunction) and call and not attr:  # {row("A")}
            args = eval_expression("[" + call.group(2) + "]", scope)
            drawn = markup_call(helper, args, scope) if isinstance(args, list) else None
            if drawn is None:
                raise NotExpandable(f"`{shown(inner, 42)}` cannot be drawn at build time")
            piece, bound = drawn
            out.append(before + _expand(piece, 0, len(piece), bound, children, unknown, left))
            continue
        markup = scope.get(inner) if _NAME.fullmatch(inner) else None
        value = None
        if not isinstance(markup, JsxLocal):
            value = eval_expression(inner, scope) if inner and not inner.startswith("/*") else None
            if isinstance(value, JsxLocal):  # `{icons[name]}`, `icons[name] || null`: markup
                markup = value
        if isinstance(markup, JsxLocal):  # `{icon}`: its markup
            source = markup.source.strip()
            if not attr:
                piece = "{" + source + "}"
                markup_text = _expand(piece, 0, len(piece), scope, children, unknown, left)
                out.append(before)
                _add_blocks(out, own_lines(markup_text, source))
            else:  # icon={d.icon}: the element it gives, as an attribute value
                value_markup = _attribute_markup(source, scope, children, unknown, left)
                attribute = _ATTRIBUTE.search(before)
                if value_markup is None and attribute is None:
                    raise NotExpandable(
                        f"`{inner}` is markup the build cannot draw, as an attribute"
                    )
                gone = value_markup is None and attribute is not None
                out.append(before[: attribute.start()] if gone and attribute else before)
                out.append(value_markup or "")
            continue
        if attr:  # attribute value: keep a literal form the tag parser reads
            attribute = _ATTRIBUTE.search(before)
            if value is None and attribute is not None:  # undefined: React leaves it out
                out.append(before[: attribute.start()])
            elif isinstance(value, (dict, list)):
                out.append(before + "{" + json.dumps(value) + "}")
            elif isinstance(value, (int, float)):  # bool too
                out.append(before + "{" + str(value).lower() + "}")
            else:
                text = value.source if isinstance(value, Children) else value
                text = "" if text is None or isinstance(text, Expression) else str(text)
                out.append(before + '"' + attribute_text(text) + '"')
        elif inner == "children" or isinstance(value, Children):  # `{show && children}`
            i = place_children(out, children, before, body, end, stop)
        elif isinstance(value, list) and any(isinstance(v, Opaque) for v in value):
            out.append(before + _items_markup(value, scope, children, unknown, left))
        elif isinstance(value, Expression) and value.problem and inner:
            left.append(f"{shown('{' + inner + '}', 42)}: {value.problem}")
            out.append(before)
        else:
            text = "" if value is None or isinstance(value, (Expression, bool)) else str(value)
            out.append(before + jsx_escape(text, value=True))
    return "".join(out)


def _in_tag_after(text: str, in_tag: bool) -> bool:
    """Whether JSX `text`, read from inside a tag (`in_tag`) or from text, ends inside a tag
    (expressions between the pieces are skipped: a `>` in them ends nothing)."""
    quote = ""
    for i, c in enumerate(text):
        if in_tag:
            if quote:
                quote = "" if c == quote else quote
            elif c in "\"'":
                quote = c
            elif c == ">":
                in_tag = False
        elif c == "<" and (text[i + 1 : i + 2].isalpha() or text[i + 1 : i + 2] in ("/", ">")):
            in_tag = True  # `<a`, `</a`, `<>`
    return in_tag


def _items_markup(
    items: list[Any],
    scope: dict[str, Any],
    children: str,
    unknown: set[str],
    left: list[str],
) -> str:
    """An array shown as a child (`{[title, children]}`, `{[<b/>, icon]}`), as React draws it:
    each item in turn, markup and children drawn, other values as text."""
    out: list[str] = []
    for item in items:
        if isinstance(item, Children):
            out.append(f"\n\n{item.source.strip()}\n\n" if "\n" in item.source else item.source)
        elif isinstance(item, JsxLocal):
            piece = "{" + item.source.strip() + "}"
            out.append(
                own_lines(_expand(piece, 0, len(piece), scope, children, unknown, left), piece)
            )
        elif not isinstance(item, (Expression, bool)) and item is not None:
            out.append(jsx_escape(str(item), value=True))
    return "".join(out)


def _add_blocks(out: list[str], made: str) -> None:
    """Add `made` to the render `out`; markup `own_lines` put on lines of its own (blocks) opens
    the line it follows first (`open_line`): written inside an element `jsx_text` joined onto
    one line because it holds text, it would otherwise end that line's paragraph with the
    element unclosed (Rive's `<Demos>`)."""
    if made.startswith("\n"):  # the pieces that hold the last line only (a long `.map`)
        k = len(out)
        while k > 0 and "\n" not in out[k - 1]:
            k -= 1
        k = max(k - 1, 0)
        out[k:] = [open_line("".join(out[k:]))]
    out.append(made)


def _attribute_markup(
    source: str, scope: dict[str, Any], children: str, unknown: set[str], left: list[str]
) -> str | None:
    """Markup a value holds (`(<svg …/>)`, `ok ? <A/> : <B/>`), as an attribute value drawn in
    `scope` (`{<svg …/>}`, several elements in a fragment, text quoted); None when it draws
    nothing (React leaves the attribute out) or cannot be drawn at build time."""
    try:
        fragments = flow_fragments(source, 0, len(source), scope)
    except FlowError as exc:
        left.append(f"{shown('{' + source + '}', 42)}: {exc.message}")
        return None
    if not fragments:
        return None
    if all(f.text is not None for f in fragments):
        text = _UNESCAPE.sub(r"\1", "".join(f.text or "" for f in fragments))  # as Markdown
        return '"' + attribute_text(text) + '"'
    pieces = []
    for f in fragments:
        piece = f.markup(source)
        if f.text is None:
            piece = _expand(piece, 0, len(piece), f.scope, children, unknown, left)
        pieces.append(piece)
    joined = _LINE_BREAK.sub(" ", "".join(pieces).strip())  # in a tag: one line, no code block
    return "{" + (joined if len(pieces) == 1 else f"<>{joined}</>") + "}"
