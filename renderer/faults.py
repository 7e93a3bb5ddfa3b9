"""What a page shows where mintrender itself failed (an `internal-error`, DESIGN.md "Faults").

Each stage catches an unexpected exception per page (or per component, per spec), reports it
with `Diagnostics.internal`, and puts this notice where the failed part would have been, so the
page still carries everything else it could render.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mintrender.model import RenderedPage

FAULT_CLASS = "mr-fault"


def fault_notice(what: str) -> str:
    """A visible notice (styled as a danger callout) in place of the part that failed."""
    return (
        f'<div class="mr-callout mr-callout--danger callout {FAULT_CLASS}" role="alert" '
        f'data-callout-type="danger"><div class="mr-callout__content"><p><strong>'
        f"{html.escape(what)} could not be rendered.</strong> mintrender hit an internal error "
        "here; the build output names it as <code>internal-error</code>.</p></div></div>"
    )


def bare_page_html(rendered: RenderedPage | None, rel_path: str, css_urls: list[str]) -> str:
    """A page without the theme's templates (they failed on it): title, notice and body."""
    title = html.escape(rendered.title if rendered is not None else rel_path)
    body_html = rendered.body_html if rendered is not None else ""
    css = "".join(f'<link rel="stylesheet" href="{html.escape(u)}">' for u in css_urls)
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'{css}</head><body><main class="mr-prose" id="content-area"><h1>{title}</h1>'
        f"{fault_notice('The layout of this page')}{body_html}</main></body></html>\n"
    )


def write_bare(
    write: Callable[[str, str], None],
    output_path: str,
    rendered: RenderedPage | None,
    rel_path: str,
    css_urls: list[str],
) -> str | None:
    """Write the bare page of a page whose template failed; the reason when even that cannot
    be written (its path is no file name here: a NUL, a name too long), for a diagnostic that
    costs this page only."""
    try:
        write(output_path, bare_page_html(rendered, rel_path, css_urls))
    except (OSError, ValueError) as exc:
        return f"its page {output_path!r} cannot be written: {exc}"
    return None
