/* Code blocks: copy buttons (also those of API examples); long blocks: 21-codex.codex.js.
 * Part `code` (see ../parts.json). */
(function () {
  "use strict";
  var doc = document;
  var $all = window.mr.all;
  var copyText = window.mr.copy;
  var CHECK_SVG = '<svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M20 6 9 17l-5-5"/></svg>';

  function codeText(code) {
    var lines = code.querySelectorAll(":scope > .line");
    if (!lines.length) return code.textContent;
    return Array.prototype.map.call(lines, function (l) { return l.textContent.replace(/\n$/, ""); }).join("\n");
  }
  function visible(el) { return !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length); }
  function copySource(btn) {
    if (btn.hasAttribute("data-copy")) return btn.getAttribute("data-copy");
    var scope = btn.closest('.mr-code, [data-component="code-group"], [data-copy-scope]') || btn.parentElement;
    var codes = scope ? $all("pre code", scope) : [];
    var code = codes.filter(visible)[0] || codes[0];
    return code ? codeText(code) : "";
  }
  doc.addEventListener("click", function (e) {
    var btn = e.target.closest('button[data-component="copy"]');
    if (!btn) return;
    var text = copySource(btn);
    copyText(text).then(function () {
      if (btn._mrTimer) clearTimeout(btn._mrTimer);
      if (!btn.hasAttribute("data-copied")) {
        btn._mrHtml = btn.innerHTML;
        btn._mrLabel = btn.getAttribute("aria-label");
      }
      btn.setAttribute("data-copied", "");
      btn.innerHTML = CHECK_SVG;
      btn.setAttribute("aria-label", window.mr.text("copied", "Copied"));
      btn._mrTimer = setTimeout(function () {
        btn.removeAttribute("data-copied");
        btn.innerHTML = btn._mrHtml;
        if (btn._mrLabel) btn.setAttribute("aria-label", btn._mrLabel);
      }, 2000);
    });
  });
})();
