/* Update tag filters: chips in place of the TOC's entries filter the updates (?tags=A,B).
 * Hook: [data-component="update"][data-tags] (components/misc.py). Part `update`. */
(function () {
  "use strict";
  var doc = document;
  function all(selector, scope) {
    return Array.prototype.slice.call((scope || doc).querySelectorAll(selector));
  }

  // the TOC filter lives in the core bundle (10-theme.js), shared with the other part
  var filterToc = window.mr && window.mr.filterToc ? window.mr.filterToc : function () {};

  var updates = all('[data-component="update"]');
  var tagged = updates.filter(function (u) { return u.hasAttribute("data-tags"); });
  if (tagged.length) {
    var tagsOf = function (u) {
      try { return JSON.parse(u.getAttribute("data-tags") || "[]"); } catch (err) { return []; }
    };
    var names = [];
    tagged.forEach(function (u) {
      tagsOf(u).forEach(function (t) { if (names.indexOf(t) < 0) names.push(t); });
    });
    var params = new URLSearchParams(location.search);
    var chosen = (params.get("tags") || "").split(",").filter(function (t) { return names.indexOf(t) >= 0; });
    var panel = doc.createElement("div");
    panel.className = "mr-update-filter";
    panel.innerHTML = '<div class="mr-update-filter__title">Filters</div><div class="mr-update-filter__tags"></div>';
    var box = panel.lastChild;
    var apply = function () {
      updates.forEach(function (u) {
        var t = tagsOf(u);
        u.hidden = chosen.length > 0 && !chosen.every(function (c) { return t.indexOf(c) >= 0; });
      });
      all("button", box).forEach(function (b) {
        b.setAttribute("aria-pressed", chosen.indexOf(b.textContent) >= 0 ? "true" : "false");
      });
      var url = new URL(location.href);
      if (chosen.length) url.searchParams.set("tags", chosen.join(","));
      else url.searchParams.delete("tags");
      history.replaceState(history.state, "", url);
      filterToc();
    };
    names.forEach(function (name) {
      var b = doc.createElement("button");
      b.type = "button";
      b.className = "mr-update-filter__tag";
      b.textContent = name;
      b.addEventListener("click", function () {
        var at = chosen.indexOf(name);
        if (at >= 0) chosen.splice(at, 1); else chosen.push(name);
        apply();
      });
      box.appendChild(b);
    });
    var toc = doc.getElementById("table-of-contents");
    var anchor = toc ? toc.querySelector(".mr-toc__list") : null;
    if (anchor) {  // the filters replace the table of contents (create/changelogs.mdx)
      anchor.parentNode.insertBefore(panel, anchor);
      toc.classList.add("mr-toc--filters");
    }
    else {
      var content = doc.querySelector('[data-component="prose"]');
      if (content) content.insertBefore(panel, content.firstChild);
    }
    apply();
  }
})();
