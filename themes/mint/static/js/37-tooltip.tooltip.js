/* Tooltips: CSS shows the bubble on hover/focus; this keeps it on screen, toggles it on touch
 * screens and closes it with Escape. Part `tooltip` (see ../parts.json).
 * Hook: [data-component="tooltip"] (components/inline.py). */
(function () {
  "use strict";
  var doc = document;
  var root = doc.documentElement;

  function all(selector, scope) {
    return Array.prototype.slice.call((scope || doc).querySelectorAll(selector));
  }

  function place(tip) {
    var bubble = tip.querySelector(".mr-tooltip__bubble");
    if (!bubble) return;
    tip.style.removeProperty("--mr-tooltip-shift");
    tip.classList.remove("mr-tooltip--below");
    var r = bubble.getBoundingClientRect();
    var margin = 8, shift = 0;
    if (r.left < margin) shift = margin - r.left;
    else if (r.right > window.innerWidth - margin) shift = window.innerWidth - margin - r.right;
    if (shift) tip.style.setProperty("--mr-tooltip-shift", Math.round(shift) + "px");
    var header = parseFloat(getComputedStyle(root).getPropertyValue("--mr-header-h")) || 0;
    if (r.top < header + margin) tip.classList.add("mr-tooltip--below");
  }
  function tooltipOf(e) {
    return e.target.closest && e.target.closest('[data-component="tooltip"]');
  }
  doc.addEventListener("mouseover", function (e) {
    var tip = tooltipOf(e);
    if (tip && !tip.contains(e.relatedTarget)) { tip.classList.remove("mr-tooltip--dismissed"); place(tip); }
  });
  doc.addEventListener("focusin", function (e) {
    var tip = tooltipOf(e);
    if (tip) { tip.classList.remove("mr-tooltip--dismissed"); place(tip); }
  });
  doc.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    all('[data-component="tooltip"]').forEach(function (tip) {
      tip.classList.add("mr-tooltip--dismissed");
      tip.removeAttribute("data-open");
    });
  });
  /* Touch screens have no hover: a tap on the trigger toggles the bubble. */
  doc.addEventListener("click", function (e) {
    var trigger = e.target.closest(".mr-tooltip__trigger");
    all('[data-component="tooltip"][data-open]').forEach(function (tip) {
      if (!trigger || tip !== trigger.parentElement) tip.removeAttribute("data-open");
    });
    if (!trigger || e.target.closest("a")) return;
    var tip = trigger.parentElement;
    if (tip.hasAttribute("data-open")) tip.removeAttribute("data-open");
    else { tip.setAttribute("data-open", ""); place(tip); }
  });
})();
