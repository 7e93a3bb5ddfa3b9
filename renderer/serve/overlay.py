"""What the preview server adds to a page: the live-reload script and the error overlay.

Only served pages get these; files written by `mintrender build` never contain them.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from pathlib import Path

from mintrender.errors import Diagnostic

OVERLAY_ID = "mintrender-overlay"

# Long-polls `/_mintrender/reload/<epoch>`; before reloading, saves the window's scroll position
# (and the sidebar's and table of contents') in sessionStorage, restored on the next load.
_SCRIPT = """(function () {
  var epoch = %(epoch)d, page = %(page)s, key = "mintrender:scroll:" + location.pathname;
  var ids = ["sidebar", "table-of-contents"];
  function save() {
    try {
      var s = { x: window.scrollX, y: window.scrollY, els: {} };
      ids.forEach(function (id) {
        var el = document.getElementById(id);
        if (el) s.els[id] = el.scrollTop;
      });
      sessionStorage.setItem(key, JSON.stringify(s));
      history.scrollRestoration = "manual";
    } catch (e) {}
  }
  function restore() {
    var s = null;
    try { s = JSON.parse(sessionStorage.getItem(key) || "null"); } catch (e) {}
    if (!s) return;
    function apply() {
      window.scrollTo(s.x, s.y);
      for (var id in s.els) {
        var el = document.getElementById(id);
        if (el) el.scrollTop = s.els[id];
      }
    }
    function done() {
      apply();
      try { sessionStorage.removeItem(key); history.scrollRestoration = "auto"; } catch (e) {}
    }
    apply();
    if (window.requestAnimationFrame) requestAnimationFrame(apply);
    if (document.readyState === "complete") done();
    else window.addEventListener("load", done);
  }
  restore();
  var delay = 0;
  function poll() {
    fetch("/_mintrender/reload/" + epoch + "?path=" + encodeURIComponent(page), { cache: "no-store" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (d) {
        if (d.reload) { save(); location.reload(); return; }
        epoch = d.epoch; delay = 0; poll();
      })
      .catch(function () { delay = Math.min(delay * 2 || 250, 4000); setTimeout(poll, delay); });
  }
  poll();
  var overlay = document.getElementById("%(overlay)s");
  if (overlay) overlay.querySelector("button").addEventListener("click", function () {
    overlay.remove();
  });
})();"""

_STYLE = (
    "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(10,10,12,.72);"
    "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#f4f4f5;"
    "padding:48px 16px"
)
_PANEL = (
    "max-width:960px;margin:0 auto;background:#18181b;border:1px solid #3f3f46;"
    "border-top:4px solid #ef4444;border-radius:8px;padding:20px 24px;"
    "box-shadow:0 20px 50px rgba(0,0,0,.5)"
)


def decorate(
    page_html: str,
    *,
    epoch: int,
    page: str,
    problems: Sequence[Diagnostic],
    failure: str | None,
    docs_dir: Path,
) -> bytes:
    """The page with the reload script (and the overlay when there are errors) before </body>."""
    parts = []
    if problems or failure:
        parts.append(overlay_html(problems, failure, docs_dir))
    script = _SCRIPT % {"epoch": epoch, "page": json.dumps(page), "overlay": OVERLAY_ID}
    parts.append(f"<script data-mintrender-preview>{script}</script>")
    addition = "\n".join(parts)
    lower = page_html.lower()
    at = lower.rfind("</body>")
    if at < 0:
        return (page_html + addition).encode("utf-8")
    return (page_html[:at] + addition + page_html[at:]).encode("utf-8")


def overlay_html(problems: Sequence[Diagnostic], failure: str | None, docs_dir: Path) -> str:
    """A dismissible panel listing `file:line:col: message [code]` with the offending lines."""
    items = []
    for d in problems[:20]:
        where = f"{d.file}:{d.line}:{d.column}" if d.line else d.file
        items.append(
            '<div style="margin:0 0 18px">'
            f'<div style="color:#fca5a5;font-weight:600">{html.escape(where)}</div>'
            f'<div style="white-space:pre-wrap">{html.escape(d.message)} '
            f'<span style="color:#a1a1aa">[{html.escape(d.code)}]</span></div>'
            f"{source_excerpt(docs_dir, d.file, d.line)}</div>"
        )
    if len(problems) > 20:
        items.append(f"<div>... and {len(problems) - 20} more</div>")
    if failure:
        items.append(
            f'<pre style="white-space:pre-wrap;color:#fde68a;margin:0">{html.escape(failure)}</pre>'
        )
    count = len(problems) + (1 if failure and not problems else 0)
    title = f"{count} error{'s' if count != 1 else ''}"
    return (
        f'<div id="{OVERLAY_ID}" data-mintrender-overlay role="alertdialog" '
        f'aria-label="Build errors" style="{_STYLE}"><div style="{_PANEL}">'
        '<div style="display:flex;align-items:center;gap:12px;margin-bottom:16px">'
        f'<strong style="font-size:16px;flex:1">mintrender: {title}</strong>'
        '<button type="button" style="background:#3f3f46;color:#fff;border:0;border-radius:4px;'
        'padding:4px 10px;cursor:pointer">Dismiss</button></div>'
        + "".join(items)
        + '<div style="color:#a1a1aa">Fix the file and save: this page reloads by itself.</div>'
        "</div></div>"
    )


def source_excerpt(docs_dir: Path, rel: str, line: int, context: int = 2) -> str:
    """The offending line of a docs file with a little context, numbered ("" when unknown)."""
    if line <= 0 or not rel:
        return ""
    try:
        path = (docs_dir / rel).resolve()
        if not path.is_relative_to(docs_dir.resolve()) or not path.is_file():
            return ""
        lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError:
        return ""
    if line > len(lines):
        return ""
    start, end = max(1, line - context), min(len(lines), line + context)
    width = len(str(end))
    rows = []
    for n in range(start, end + 1):
        text = html.escape(lines[n - 1][:300])
        mark = "&gt;" if n == line else " "
        style = "background:#450a0a;color:#fff" if n == line else "color:#a1a1aa"
        rows.append(f'<span style="{style}">{mark} {n:>{width}} | {text}</span>')
    return (
        '<pre style="margin:8px 0 0;padding:8px 12px;background:#09090b;border-radius:4px;'
        'overflow:auto">' + "\n".join(rows) + "</pre>"
    )


def status_page(problems: Sequence[Diagnostic], docs_dir: Path, epoch: int) -> bytes:
    """The page shown for every URL while the configuration cannot be used at all."""
    shell = (
        "<!doctype html><html><head><meta charset='utf-8'><title>mintrender: configuration "
        "error</title></head><body></body></html>"
    )
    return decorate(shell, epoch=epoch, page="", problems=problems, failure=None, docs_dir=docs_dir)
