/* Mermaid: diagrams drawn at build time (figure.mr-mermaid--drawn, renderer/render/diagrams.py)
 * get zoom and pan controls. Without the `diagrams` extra the source stays readable; a site whose
 * own scripts load Mermaid (window.mermaid) gets it drawn here, with the same controls.
 * Hook: .mr-mermaid (renderer/render/page.py). Part `mermaid` (see ../parts.json). */
(function () {
  "use strict";
  var doc = document;
  function all(selector, scope) {
    return Array.prototype.slice.call((scope || doc).querySelectorAll(selector));
  }

  /* We ship no Mermaid and fetch nothing: the source stays readable. A site whose own
     scripts load Mermaid (window.mermaid) gets its diagrams drawn, with zoom controls. */
  function controls(pre) {
    if (pre.querySelector(".mr-mermaid__controls")) return;
    var svg = pre.querySelector(".mr-mermaid__canvas") || pre.querySelector("svg");
    if (!svg) return;
    var wanted = pre.getAttribute("data-actions");
    if (wanted === "false" || (wanted !== "true" && pre.getBoundingClientRect().height <= 120)) return;
    var scale = 1, x = 0, y = 0;
    var set = function () { svg.style.transform = "translate(" + x + "px," + y + "px) scale(" + scale + ")"; };
    var box = doc.createElement("div");
    box.className = "mr-mermaid__controls";
    box.setAttribute("data-placement", pre.getAttribute("data-placement") || "bottom-right");
    [["+", "Zoom in", function () { scale = Math.min(scale * 1.25, 8); }],
      ["−", "Zoom out", function () { scale = Math.max(scale / 1.25, 0.25); }],
      ["↺", "Reset", function () { scale = 1; x = 0; y = 0; }]].forEach(function (spec) {
      var b = doc.createElement("button");
      b.type = "button";
      b.textContent = spec[0];
      b.setAttribute("aria-label", spec[1]);
      b.addEventListener("click", function () { spec[2](); set(); });
      box.appendChild(b);
    });
    pre.style.overflow = "hidden";
    pre.appendChild(box);
    var drag = null;
    svg.addEventListener("pointerdown", function (e) { drag = [e.clientX - x, e.clientY - y]; svg.setPointerCapture(e.pointerId); });
    svg.addEventListener("pointermove", function (e) { if (drag) { x = e.clientX - drag[0]; y = e.clientY - drag[1]; set(); } });
    svg.addEventListener("pointerup", function () { drag = null; });
  }
  function drawMermaid() {
    all("figure.mr-mermaid--drawn").forEach(controls);
    var pres = all("pre.mr-mermaid");
    var mermaid = window.mermaid;
    if (!pres.length || !mermaid) return;
    var pending = pres.filter(function (p) { return !p.hasAttribute("data-processed"); });
    var done = function () { pres.forEach(controls); };
    try {
      if (pending.length && typeof mermaid.run === "function") {
        Promise.resolve(mermaid.run({ nodes: pending })).then(done, done);
      } else if (pending.length && typeof mermaid.init === "function") {
        mermaid.init(undefined, pending);
        done();
      } else done();
    } catch (err) { /* leave the source visible */ }
  }
  if (doc.readyState === "complete") drawMermaid();
  else window.addEventListener("load", drawMermaid);
})();
