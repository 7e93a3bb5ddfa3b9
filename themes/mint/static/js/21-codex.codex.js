/* Expandable code blocks: long blocks collapse behind an "Expand" button.
 * Part `codex` (see ../parts.json). */
(function () {
  "use strict";
  var doc = document;
  var CHEVRON_SVG = '<svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="m6 9 6 6 6-6"/></svg>';

  window.mr.all('.mr-code[data-expandable]').forEach(function (block) {
    var pre = block.querySelector(".mr-code__pre");
    if (!pre || pre.scrollHeight <= 400) return;
    var btn = doc.createElement("button");
    btn.type = "button";
    btn.className = "mr-code__expand";
    btn.setAttribute("aria-expanded", "false");
    var lines = pre.querySelectorAll(".line").length;
    var label = function (open) {
      btn.innerHTML = "<span>" + (open ? "Collapse" : "Expand" + (lines ? " (" + lines + " lines)" : "")) + "</span>" + CHEVRON_SVG;
    };
    block.classList.add("mr-code--collapsed");
    label(false);
    btn.addEventListener("click", function () {
      var collapsed = block.classList.toggle("mr-code--collapsed");
      btn.setAttribute("aria-expanded", String(!collapsed));
      label(!collapsed);
    });
    block.appendChild(btn);
  });
})();
