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
  doc.addEventListener("click", function (e) {
    var img = e.target.closest && e.target.closest("img[data-zoom]");
    if (!img || img.closest("a, button, .mr-zoom")) return;
    e.preventDefault();
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
  });
  doc.addEventListener("keydown", function (e) { if (e.key === "Escape") closeZoom(); });
  window.addEventListener("scroll", closeZoom, { passive: true });
})();
