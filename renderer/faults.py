"""What a page shows where mintrender itself failed (an `internal-error`, DESIGN.md "Faults").

Each stage catches an unexpected exception per page (or per component, per spec), reports it
with `Diagnostics.internal`, and puts this notice where the failed part would have been, so the
page still carries everything else it could render.
"""

from __future__ import annotations

import html

FAULT_CLASS = "mr-fault"


def fault_notice(what: str) -> str:
    """A visible notice (styled as a danger callout) in place of the part that failed."""
    return (
        f'<div class="mr-callout mr-callout--danger callout {FAULT_CLASS}" role="alert" '
        f'data-callout-type="danger"><div class="mr-callout__content"><p><strong>'
        f"{html.escape(what)} could not be rendered.</strong> mintrender hit an internal error "
        "here; the build output names it as <code>internal-error</code>.</p></div></div>"
    )
