/* More components: image zoom, Tree keyboard navigation, Color copy, Update tag filters,
 * the multi-view dropdown of View, and Mermaid diagrams when the site ships Mermaid itself.
 *
 * Hooks (emitted by components/{media,data,misc}.py, html.py and renderer/render.py):
 *   img[data-zoom]                          opens in a lightbox on click (not inside links)
 *   [data-component="tree"]                 summary/.mr-tree__row items: arrows, Home/End, *, type-ahead
 *   button[data-component="color-item"]     copies data-color-value (or the mode's light/dark value)
 *   [data-component="update"][data-tags]    tag chips above the TOC filter entries (?tags=A,B)
 *   [data-component="view"], [data-component="view-select"]   one visible view; TOC follows
 *   pre.mr-mermaid                          drawn only if window.mermaid exists (no fetch of ours)
 */
(function () {
  "use strict";
  var doc = document;
  var root = doc.documentElement;
  root.classList.add("mr-js");

  function all(selector, scope) {
    return Array.prototype.slice.call((scope || doc).querySelectorAll(selector));
  }
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = doc.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    doc.body.appendChild(area);
    area.select();
    try { doc.execCommand("copy"); } catch (e) { /* nothing else to try */ }
    doc.body.removeChild(area);
    return Promise.resolve();
  }

  /* ---- Image zoom --------------------------------------------------------- */
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

  /* ---- Tree ---------------------------------------------------------------- */
  /* Rows whose enclosing folders are all open (a folder's own summary counts as visible). */
  function visibleRows(tree) {
    return all(".mr-tree__row", tree).filter(function (row) {
      var d = row.parentElement.closest("details");
      if (d && row.parentElement === d) d = d.parentElement.closest("details");
      for (; d && tree.contains(d); d = d.parentElement.closest("details")) {
        if (!d.open) return false;
      }
      return true;
    });
  }
  function folderOf(row) { return row.tagName === "SUMMARY" ? row.parentElement : null; }
  function focusRow(tree, row) {
    all(".mr-tree__row", tree).forEach(function (r) { r.tabIndex = -1; });
    row.tabIndex = 0;
    row.focus();
  }
  all('[data-component="tree"]').forEach(function (tree) {
    var first = tree.querySelector(".mr-tree__row");
    if (first) first.tabIndex = 0;
    all("details.mr-tree__folder", tree).forEach(function (d) {
      var sum = d.querySelector(":scope > summary");
      sum.setAttribute("aria-expanded", d.open ? "true" : "false");
      d.addEventListener("toggle", function () { sum.setAttribute("aria-expanded", d.open ? "true" : "false"); });
    });
    var typed = "", typedAt = 0;
    tree.addEventListener("keydown", function (e) {
      var row = e.target.closest(".mr-tree__row");
      if (!row) return;
      var rows = visibleRows(tree), i = rows.indexOf(row), folder = folderOf(row);
      var handled = true;
      if (e.key === "ArrowDown") { if (rows[i + 1]) focusRow(tree, rows[i + 1]); }
      else if (e.key === "ArrowUp") { if (rows[i - 1]) focusRow(tree, rows[i - 1]); }
      else if (e.key === "Home") focusRow(tree, rows[0]);
      else if (e.key === "End") focusRow(tree, rows[rows.length - 1]);
      else if (e.key === "ArrowRight") {
        if (folder && !folder.open) folder.open = true;
        else if (folder && rows[i + 1]) focusRow(tree, rows[i + 1]);
      } else if (e.key === "ArrowLeft") {
        if (folder && folder.open) folder.open = false;
        else {
          var parent = row.parentElement.closest("details.mr-tree__folder");
          if (parent && folderOf(row) === parent) parent = parent.parentElement.closest("details.mr-tree__folder");
          if (parent) focusRow(tree, parent.querySelector(":scope > summary"));
        }
      } else if (e.key === "Enter" || e.key === " ") {
        if (folder) folder.open = !folder.open;
      } else if (e.key === "*") {
        var item = row.closest(".mr-tree__item");
        all(":scope > .mr-tree__item > details", item.parentElement).forEach(function (d) { d.open = true; });
      } else if (e.key.length === 1 && /\S/.test(e.key)) {
        var now = Date.now();
        typed = (now - typedAt > 700 ? "" : typed) + e.key.toLowerCase();
        typedAt = now;
        var order = rows.slice(i + 1).concat(rows.slice(0, i + 1));
        var match = order.filter(function (r) {
          return r.textContent.trim().toLowerCase().indexOf(typed) === 0;
        })[0];
        if (match) focusRow(tree, match);
      } else handled = false;
      if (handled) e.preventDefault();
    });
  });

  /* ---- Color swatches ------------------------------------------------------ */
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

  /* ---- Update tag filters ------------------------------------------------- */
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
    if (anchor) anchor.parentNode.insertBefore(panel, anchor);
    else {
      var content = doc.querySelector('[data-component="prose"]');
      if (content) content.insertBefore(panel, content.firstChild);
    }
    apply();
  }

  /* ---- TOC entries of hidden content (filtered updates, other views) ------- */
  function filterToc() {
    all("#table-of-contents a[href^='#']").forEach(function (link) {
      var id = decodeURIComponent(link.getAttribute("href").slice(1));
      var target = id && doc.getElementById(id);
      var item = link.closest("li");
      if (!target || !item) return;
      item.hidden = !!target.closest("[hidden]");
    });
  }

  /* ---- View: the multi-view dropdown --------------------------------------- */
  var views = all('[data-component="view"]');
  var holder = doc.querySelector('[data-component="view-select"]');
  if (views.length && holder) {
    var KEY = "mr-view";
    var titles = views.map(function (v) { return v.getAttribute("data-view-title"); });
    var control = doc.createElement("span");
    control.className = "mr-view-select__control";
    var iconBox = doc.createElement("span");
    iconBox.className = "mr-view-select__icon";
    var select = doc.createElement("select");
    select.setAttribute("aria-label", "View");
    titles.forEach(function (t) {
      if (!t || select.querySelector('option[value="' + CSS.escape(t) + '"]')) return;
      var opt = doc.createElement("option");
      opt.value = t;
      opt.textContent = t;
      select.appendChild(opt);
    });
    control.appendChild(iconBox);
    control.appendChild(select);
    holder.appendChild(control);
    var show = function (title) {
      views.forEach(function (v) { v.hidden = v.getAttribute("data-view-title") !== title; });
      select.value = title;
      var active = views.filter(function (v) { return !v.hidden; })[0];
      var icon = active && active.querySelector(".mr-view__title .mr-view__icon");
      iconBox.innerHTML = icon ? icon.outerHTML : "";
      control.classList.toggle("has-icon", !!icon);
      filterToc();
    };
    var saved = null;
    try { saved = localStorage.getItem(KEY); } catch (err) { /* private mode */ }
    var hashView = location.hash && doc.getElementById(decodeURIComponent(location.hash.slice(1)));
    hashView = hashView && hashView.closest('[data-component="view"]');
    show(hashView ? hashView.getAttribute("data-view-title")
      : titles.indexOf(saved) >= 0 ? saved : titles[0]);
    select.addEventListener("change", function () {
      try { localStorage.setItem(KEY, select.value); } catch (err) { /* private mode */ }
      show(select.value);
    });
  }

  /* ---- Mermaid -------------------------------------------------------------- */
  /* We ship no Mermaid and fetch nothing: the source stays readable. A site whose own
     scripts load Mermaid (window.mermaid) gets its diagrams drawn, with zoom controls. */
  function controls(pre) {
    if (pre.querySelector(".mr-mermaid__controls")) return;
    var svg = pre.querySelector("svg");
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
