/* Image zoom: img[data-zoom] opens in a lightbox on click (not inside links).
 * Part `zoom` (see ../parts.json). */
(function () {
  "use strict";
  var doc = document;

  var zoomed = null;
  function closeZoom() {
    if (!zoomed) return;
    zoomed.overlay.remove();
    if (zoomed.from) zoomed.from.focus({ preventScroll: true });
    zoomed = null;
  }
  function zoomable(el) {
    var img = el && el.closest && el.closest("img[data-zoom]");
    return img && !img.closest("a, button, .mr-zoom") ? img : null;
  }
  /* keyboard too: each zoomable image takes focus and opens on Enter or Space */
  Array.prototype.forEach.call(doc.querySelectorAll("img[data-zoom]"), function (img) {
    if (!zoomable(img)) return;
    img.tabIndex = 0;
    img.setAttribute("role", "button");
    img.setAttribute("aria-haspopup", "dialog");
  });
  doc.addEventListener("keydown", function (e) {
    if ((e.key === "Enter" || e.key === " ") && zoomable(e.target)) { e.preventDefault(); open(e.target); }
  });
  doc.addEventListener("click", function (e) {
    var img = zoomable(e.target);
    if (!img) return;
    e.preventDefault();
    open(img);
  });
  function open(img) {
    var overlay = doc.createElement("div");
    overlay.className = "mr-zoom";
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-label", img.alt || "Image");
    overlay.tabIndex = -1;
    var big = doc.createElement("img");
    big.src = img.currentSrc || img.src;
    big.alt = img.alt || "";
    overlay.appendChild(big);
    overlay.addEventListener("click", closeZoom);
    doc.body.appendChild(overlay);
    zoomed = { overlay: overlay, from: img };
    overlay.focus();
  }
  doc.addEventListener("keydown", function (e) { if (e.key === "Escape") closeZoom(); });
  window.addEventListener("scroll", closeZoom, { passive: true });
})();
