"""Third-party notices: the licence texts a built site must carry, written as
`_mintrender/NOTICE.txt` and linked from the footer of every page.

What a site contains of others' work, and why a notice is needed:

- Font Awesome Free icons (CC BY 4.0) are inlined as SVG without the attribution comment
  their files carry, so the attribution is given here;
- Lucide icons (ISC; the Feather ones MIT) are inlined as SVG: the copyright and permission
  notices must appear in all copies;
- the `code` part's stylesheet holds the token colours of two Pygments styles (BSD 2-Clause);
- `utilities.css` holds values of Tailwind CSS v3's default theme (MIT);
- the theme's own CSS/JS are mintrender's (MIT).

The text lives in the theme folder (`themes/mint/NOTICE.txt`) and does not depend on the
site or on installed versions, so rebuilds stay byte-identical.
"""

from __future__ import annotations

from mintrender.themes import theme_dir
from mintrender.urls import ASSET_DIR

NOTICE_FILE = "NOTICE.txt"
"""File name of the notices inside the site's `_mintrender/` folder."""

NOTICE_PATH = f"{ASSET_DIR}/{NOTICE_FILE}"
"""Output path of the notices, relative to the site root (`_mintrender/NOTICE.txt`)."""


def notice_text(theme: str = "mint") -> str:
    """The third-party notices every built site carries (also what the preview serves at
    `/_mintrender/NOTICE.txt`)."""
    return (theme_dir(theme) / NOTICE_FILE).read_text(encoding="utf-8")
