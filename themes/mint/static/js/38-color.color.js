/* Color swatches: a click copies data-color-value (or the mode's light/dark value).
 * Hook: button[data-component="color-item"] (components/data.py). Part `color`. */
(function () {
  "use strict";
  var doc = document;
  var root = doc.documentElement;

  var copy = window.mr.copy;

  doc.addEventListener("click", function (e) {
    var item = e.target.closest && e.target.closest('button[data-component="color-item"]');
    if (!item) return;
    var dark = root.classList.contains("dark");
    var value = item.getAttribute("data-color-value") ||
      item.getAttribute(dark ? "data-color-dark" : "data-color-light") || "";
    copy(value).then(function () {
      item.setAttribute("data-copied", "");
      clearTimeout(item._mrTimer);
      item._mrTimer = setTimeout(function () { item.removeAttribute("data-copied"); }, 1500);
    });
  });
})();
