/* Table of contents scroll-spy: the entry of the heading in view (and its parents) gets
 * data-active, the exact one data-active-deepest. Part `toc` (see ../parts.json). */
(function () {
  "use strict";
  var doc = document;
  var $all = window.mr.all;
  var header = doc.querySelector(".mr-header");

  var toc = doc.querySelector('[data-component="toc"]');
  if (toc) {
    var entries = $all(".toc-item", toc).map(function (li) {
      var a = li.querySelector("a[href^='#']");
      var id = a ? decodeURIComponent(a.getAttribute("href").slice(1)) : "";
      return { li: li, heading: id ? doc.getElementById(id) : null, depth: +(li.getAttribute("data-depth") || 0) };
    }).filter(function (e) { return e.heading; });

    var current = -1;
    var spy = function () {
      var offset = (header ? header.offsetHeight : 0) + 64;
      var idx = -1;
      var last = -1;
      for (var i = 0; i < entries.length; i++) {
        /* a heading in a closed tab or accordion is not drawn: it is never the one in view */
        if (!entries[i].heading.getClientRects().length) continue;
        last = i;
        if (entries[i].heading.getBoundingClientRect().top - offset <= 1) idx = i; else break;
      }
      /* At the very bottom the last headings can never reach the top: pick the last one. */
      if (window.innerHeight + window.scrollY >= doc.documentElement.scrollHeight - 2 && entries.length) {
        for (var k = entries.length - 1; k > last; k--) {
          if (entries[k].heading.getClientRects().length) { last = k; break; }
        }
        idx = last;
      }
      if (idx === -1 && entries.length) idx = 0;
      if (idx === current) return;
      current = idx;
      entries.forEach(function (e) {
        e.li.removeAttribute("data-active");
        e.li.removeAttribute("data-active-deepest");
      });
      if (idx < 0) return;
      var exact = entries[idx];
      exact.li.setAttribute("data-active", "");
      exact.li.setAttribute("data-active-deepest", "");
      for (var j = idx - 1, depth = exact.depth; j >= 0 && depth > 0; j--) {
        if (entries[j].depth < depth) { entries[j].li.setAttribute("data-active", ""); depth = entries[j].depth; }
      }
      /* Keep the active entry visible in a long TOC. */
      var link = exact.li.firstElementChild;
      if (link && toc.scrollHeight > toc.clientHeight) {
        var r = link.getBoundingClientRect(), t = toc.getBoundingClientRect();
        if (r.top < t.top + 40 || r.bottom > t.bottom - 16) toc.scrollTop += r.top - t.top - toc.clientHeight / 2;
      }
    };
    var ticking = false;
    var onScroll = function () {
      if (ticking) return;
      ticking = true;
      requestAnimationFrame(function () { ticking = false; spy(); });
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    spy();
  }
})();
