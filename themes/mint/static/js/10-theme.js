/* mint theme behaviour: dark mode toggle, mobile drawer, TOC scroll-spy, banner dismiss, heading
 * anchor copy, copy buttons, expandable code blocks, feedback note, header height. No framework;
 * every feature is optional and the page reads fine without it. */
(function () {
  "use strict";

  var doc = document;
  var root = doc.documentElement;
  var CHECK_SVG = '<svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M20 6 9 17l-5-5"/></svg>';
  var CHEVRON_SVG = '<svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="m6 9 6 6 6-6"/></svg>';

  function $all(sel, scope) { return Array.prototype.slice.call((scope || doc).querySelectorAll(sel)); }
  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, value);
    } catch (e) { /* private mode, file:// quirks */ }
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    }
    return Promise.resolve(legacyCopy(text));
  }
  function legacyCopy(text) {
    var ta = doc.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.style.position = "fixed";
    ta.style.opacity = "0";
    doc.body.appendChild(ta);
    ta.select();
    try { doc.execCommand("copy"); } catch (e) { /* nothing else to try */ }
    ta.remove();
  }

  /* ---- Dark mode --------------------------------------------------------- */

  function setTheme(mode) {
    root.classList.toggle("dark", mode === "dark");
    root.style.colorScheme = mode;
    store("mr-theme", mode);
    doc.dispatchEvent(new CustomEvent("mr:theme", { detail: { mode: mode } }));
  }
  /* With no stored choice, follow the system setting live (appearance.default "system"). */
  if (window.matchMedia && !root.hasAttribute("data-theme-fixed")) {
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function (mq) {
      var stored = null;
      try { stored = localStorage.getItem("mr-theme"); } catch (e) { /* ignore */ }
      if (!stored && root.getAttribute("data-theme-default") === "system") {
        root.classList.toggle("dark", mq.matches);
        root.style.colorScheme = mq.matches ? "dark" : "light";
      }
    });
  }
  $all('[data-component="theme-toggle"]').forEach(function (btn) {
    btn.addEventListener("click", function () {
      setTheme(root.classList.contains("dark") ? "light" : "dark");
    });
  });

  /* Search shortcut hint: Ctrl K off Apple platforms. */
  if (!/Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent)) {
    $all(".mr-search-trigger__kbd").forEach(function (k) { k.textContent = "Ctrl K"; });
  }

  /* ---- Header height (sticky offsets) ------------------------------------ */

  var header = doc.querySelector(".mr-header");
  function measureHeader() {
    if (header) root.style.setProperty("--mr-header-h", header.offsetHeight + "px");
  }
  if (header) {
    measureHeader();
    if (window.ResizeObserver) new ResizeObserver(measureHeader).observe(header);
    else window.addEventListener("resize", measureHeader);
  }

  /* ---- Banner ------------------------------------------------------------ */

  $all('[data-component="banner-dismiss"]').forEach(function (btn) {
    btn.addEventListener("click", function () {
      var banner = btn.closest('[data-component="banner"]');
      var key = banner && banner.getAttribute("data-key");
      if (key) store("mr-banner:" + key, "1");
      root.classList.add("mr-banner-dismissed");
      measureHeader();
    });
  });

  /* ---- Mobile drawer ----------------------------------------------------- */

  var sidebar = doc.getElementById("sidebar");
  var backdrop = doc.querySelector('[data-component="drawer-backdrop"]');
  var openers = $all('[data-component="drawer-open"]');
  var lastFocus = null;

  function drawerOpen() { return root.classList.contains("mr-drawer-open"); }
  function openDrawer() {
    if (!sidebar) return;
    lastFocus = doc.activeElement;
    root.classList.add("mr-drawer-open");
    if (backdrop) backdrop.hidden = false;
    openers.forEach(function (b) { b.setAttribute("aria-expanded", "true"); });
    var close = sidebar.querySelector('[data-component="drawer-close"]');
    if (close) close.focus({ preventScroll: true });
    scrollActiveIntoView();
  }
  function closeDrawer() {
    if (!drawerOpen()) return;
    root.classList.remove("mr-drawer-open");
    if (backdrop) backdrop.hidden = true;
    openers.forEach(function (b) { b.setAttribute("aria-expanded", "false"); });
    if (lastFocus && lastFocus.focus) lastFocus.focus({ preventScroll: true });
  }
  openers.forEach(function (btn) {
    btn.addEventListener("click", function (e) { e.preventDefault(); openDrawer(); });
  });
  $all('[data-component="drawer-close"]').forEach(function (btn) {
    btn.addEventListener("click", function (e) { e.preventDefault(); closeDrawer(); });
  });
  if (backdrop) backdrop.addEventListener("click", closeDrawer);
  doc.addEventListener("keydown", function (e) {
    if (e.key === "Escape") {
      closeDrawer();
      $all("details.mr-menu[open], details.mr-select[open]").forEach(function (d) { d.open = false; });
    }
  });
  if (sidebar) {
    sidebar.addEventListener("click", function (e) {
      var a = e.target.closest("a[href]");
      if (a && !a.matches('[data-component="drawer-close"]') && drawerOpen()) closeDrawer();
    });
  }
  window.matchMedia("(min-width: 1024px)").addEventListener("change", function (mq) {
    if (mq.matches) closeDrawer();
  });
  /* Without JS the drawer opens through #sidebar:target; with JS keep the URL clean. */
  if (location.hash === "#sidebar") history.replaceState(null, "", location.pathname + location.search);

  /* Close <details> menus when clicking elsewhere. */
  doc.addEventListener("click", function (e) {
    $all("details.mr-menu[open], details.mr-select[open]").forEach(function (d) {
      if (!d.contains(e.target)) d.open = false;
    });
  });

  /* ---- Sidebar: active item in view -------------------------------------- */

  function scrollActiveIntoView() {
    if (!sidebar) return;
    var scroller = sidebar.querySelector('[data-component="sidebar-scroll"]') || sidebar;
    var active = scroller.querySelector(".mr-nav__link[data-active]");
    if (!active) return;
    var top = active.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    if (top < 0 || top > scroller.clientHeight - 48) {
      scroller.scrollTop += top - scroller.clientHeight / 3;
    }
  }
  scrollActiveIntoView();

  /* ---- TOC scroll-spy ---------------------------------------------------- */

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
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].heading.getBoundingClientRect().top - offset <= 1) idx = i; else break;
      }
      /* At the very bottom the last headings can never reach the top: pick the last one. */
      if (window.innerHeight + window.scrollY >= doc.documentElement.scrollHeight - 2 && entries.length) {
        idx = entries.length - 1;
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

  /* ---- Heading anchors: copy the URL ------------------------------------- */

  doc.addEventListener("click", function (e) {
    var a = e.target.closest(".mr-heading__anchor");
    if (!a) return;
    var url = location.href.split("#")[0] + a.getAttribute("href");
    copyText(url);
    a.setAttribute("data-copied", "");
    setTimeout(function () { a.removeAttribute("data-copied"); }, 2000);
  });

  /* ---- Copy buttons ------------------------------------------------------ */

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
      btn.setAttribute("aria-label", "Copied");
      btn._mrTimer = setTimeout(function () {
        btn.removeAttribute("data-copied");
        btn.innerHTML = btn._mrHtml;
        if (btn._mrLabel) btn.setAttribute("aria-label", btn._mrLabel);
      }, 2000);
    });
  });

  /* ---- Expandable code blocks -------------------------------------------- */

  $all('.mr-code[data-expandable]').forEach(function (block) {
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

  /* ---- Feedback (local only) --------------------------------------------- */

  $all('[data-component="feedback"]').forEach(function (box) {
    var thanks = box.querySelector(".mr-feedback__thanks");
    $all("[data-feedback]", box).forEach(function (btn) {
      btn.addEventListener("click", function () {
        $all("[data-feedback]", box).forEach(function (b) { b.setAttribute("aria-pressed", String(b === btn)); });
        if (thanks) thanks.hidden = false;
      });
    });
  });
})();
