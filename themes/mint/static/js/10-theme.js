/* mint theme behaviour shared by every page: dark mode toggle, mobile drawer, banner dismiss,
 * heading anchor copy, feedback note, header height, opening what the URL hash points into,
 * and the search trigger (the search engine itself loads on first use). No framework; every
 * feature is optional and the page reads fine without it.
 *
 * Parts (other `NN-name.PART.js` files, see ../parts.json) are linked only from the pages that
 * need them and use the helpers below through `window.mr`; lazy parts (search, playground)
 * are loaded by `mr.load(name)` from this script's own folder, which works from file:// too. */
(function () {
  "use strict";

  var doc = document;
  var root = doc.documentElement;
  var mr = window.mr = window.mr || {};
  var uiText = null;
  /* The theme's words in the page's language (the #mr-ui-text script a page in another language
   * than English carries, renderer/write/uitext.py); `fallback`, the English, otherwise. */
  mr.text = function (key, fallback) {
    if (uiText === null) {
      var el = doc.getElementById("mr-ui-text");
      try { uiText = (el && JSON.parse(el.textContent)) || {}; } catch (e) { uiText = {}; }
    }
    return typeof uiText[key] === "string" ? uiText[key] : fallback;
  };
  var self = doc.currentScript;
  var assets = self && self.src ? self.src.replace(/[^/]*([?#].*)?$/, "") : "";

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

  /* Load `_mintrender/NAME.js` (and NAME.css when `css`) once; resolves when both are in. */
  var loads = {};
  function load(name, css) {
    if (loads[name]) return loads[name];
    var parts = [["script", "src", name + ".js"]];
    if (css) parts.unshift(["link", "href", name + ".css"]);
    var p = loads[name] = Promise.all(parts.map(function (spec) {
      return new Promise(function (resolve, reject) {
        var el = doc.createElement(spec[0]);
        if (spec[0] === "link") el.rel = "stylesheet";
        el.onload = resolve;
        el.onerror = function () { el.remove(); reject(new Error("mintrender: cannot load " + spec[2])); };
        el[spec[1]] = assets + spec[2];
        doc.head.appendChild(el);
      });
    }));
    p.catch(function () { delete loads[name]; });
    return p;
  }

  mr.all = $all;
  mr.store = store;
  mr.copy = copyText;
  mr.load = load;

  /* Table of contents: hide the entries whose heading is inside something hidden (a filtered
     Update, an unselected View). Used by the update and view parts. */
  mr.filterToc = function () {
    Array.prototype.forEach.call(document.querySelectorAll("#table-of-contents a[href^='#']"), function (link) {
      var id = decodeURIComponent(link.getAttribute("href").slice(1));
      var target = id && document.getElementById(id);
      var item = link.closest("li");
      if (target && item) item.hidden = !!target.closest("[hidden]");
    });
  };

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
  /* A page back from the browser's back/forward cache, or open in another tab while the
     reader toggled: show the theme chosen since, not the one it was left with. */
  function showStoredTheme() {
    if (root.hasAttribute("data-theme-fixed")) return;
    var stored = null;
    try { stored = localStorage.getItem("mr-theme"); } catch (e) { return; }
    if ((stored !== "dark" && stored !== "light") || root.classList.contains("dark") === (stored === "dark")) return;
    root.classList.toggle("dark", stored === "dark");
    root.style.colorScheme = stored;
    doc.dispatchEvent(new CustomEvent("mr:theme", { detail: { mode: stored } }));
  }
  window.addEventListener("pageshow", function (e) { if (e.persisted) showStoredTheme(); });
  window.addEventListener("storage", function (e) { if (e.key === "mr-theme") showStoredTheme(); });
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

  /* ---- Navbar links that do not fit --------------------------------------- */

  /* The logo never shrinks and the search narrows to its minimum first (the navbar grid in
   * 10-layout.css); navbar links that still overflow the row hide from the last one and show
   * at the foot of the sidebar instead (look.md §1), so none is out of reach. */
  var navRow = doc.querySelector(".mr-navbar__row");
  var navLinks = $all(".mr-navbar__links > li");
  var sideLinks = $all(".mr-sidebar__links > li");
  /* the row's three columns need more than its content box (scrollWidth misses an overflow
   * that only eats into the row's padding) */
  function navbarOverflows() {
    var cs = getComputedStyle(navRow);
    if (cs.display !== "grid") return false;  /* below 1024px: the links are in the drawer */
    var used = parseFloat(cs.columnGap) * (navRow.children.length - 1);
    $all(":scope > *", navRow).forEach(function (el) { used += el.getBoundingClientRect().width; });
    return used > navRow.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) + 0.5;
  }
  function fitNavbar() {
    navLinks.forEach(function (li, i) {
      li.hidden = false;
      if (sideLinks[i]) sideLinks[i].removeAttribute("data-navbar-overflow");
    });
    for (var i = navLinks.length - 1; i >= 0 && navbarOverflows(); i--) {
      navLinks[i].hidden = true;
      if (sideLinks[i]) sideLinks[i].setAttribute("data-navbar-overflow", "");
    }
  }
  if (navRow && navLinks.length) {
    /* a layout nicety: whatever it meets, it must not stop the rest of this script (search) */
    try { fitNavbar(); } catch (e) { /* the links stay shown */ }
    window.addEventListener("load", fitNavbar);
    if (doc.fonts && doc.fonts.ready) doc.fonts.ready.then(fitNavbar);
    if (window.ResizeObserver) new ResizeObserver(fitNavbar).observe(navRow);
    else window.addEventListener("resize", fitNavbar);
  }

  /* ---- Banner ------------------------------------------------------------ */

  $all('[data-component="banner-dismiss"]').forEach(function (btn) {
    btn.addEventListener("click", function () {
      var banner = btn.closest('[data-component="banner"]');
      var key = banner && banner.getAttribute("data-key");
      if (key) store("mr-banner:" + key, "1");
      root.classList.add("mr-banner-dismissed");
      measureHeader();
      /* its button is gone: focus goes on to the header, not back to the document's start */
      var next = doc.querySelector(".mr-navbar a[href], .mr-navbar button");
      if (next && banner && banner.contains(doc.activeElement)) next.focus({ preventScroll: true });
    });
  });

  /* ---- Mobile drawer ----------------------------------------------------- */

  var sidebar = doc.getElementById("sidebar");
  var backdrop = doc.querySelector('[data-component="drawer-backdrop"]');
  var openers = $all('[data-component="drawer-open"]');
  var lastFocus = null;

  function drawerOpen() { return root.classList.contains("mr-drawer-open"); }
  /* The open drawer is a modal dialog: the page behind it takes no focus (look.md §6). */
  function modal(on) {
    $all(".mr-header, .mr-main").forEach(function (el) {
      if (on) el.setAttribute("inert", ""); else el.removeAttribute("inert");
    });
    if (on) { sidebar.setAttribute("role", "dialog"); sidebar.setAttribute("aria-modal", "true"); }
    else { sidebar.removeAttribute("role"); sidebar.removeAttribute("aria-modal"); }
  }
  function openDrawer() {
    if (!sidebar) return;
    lastFocus = doc.activeElement;
    root.classList.add("mr-drawer-open");
    modal(true);
    if (backdrop) backdrop.hidden = false;
    openers.forEach(function (b) { b.setAttribute("aria-expanded", "true"); });
    var close = sidebar.querySelector('[data-component="drawer-close"]');
    if (close) close.focus({ preventScroll: true });
    scrollActiveIntoView();
  }
  function closeDrawer() {
    if (!drawerOpen()) return;
    root.classList.remove("mr-drawer-open");
    modal(false);
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
  var OPEN_MENUS = "details.mr-menu[open], details.mr-select[open], details.mr-contextual__more[open]";
  if (sidebar) sidebar.addEventListener("keydown", function (e) {  /* Tab wraps in the drawer */
    if (e.key !== "Tab" || !drawerOpen()) return;
    var stops = $all('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])', sidebar)
      .filter(function (el) { return !el.disabled && el.tabIndex >= 0 && el.getClientRects().length; });
    if (!stops.length) return;
    var first = stops[0], last = stops[stops.length - 1];
    if (!e.shiftKey && doc.activeElement === last) { e.preventDefault(); first.focus(); }
    else if (e.shiftKey && doc.activeElement === first) { e.preventDefault(); last.focus(); }
  });
  doc.addEventListener("keydown", function (e) {
    if (e.key === "Escape") {
      closeDrawer();
      $all(OPEN_MENUS).forEach(function (d) { d.open = false; });
    }
  });
  if (sidebar) {
    sidebar.addEventListener("click", function (e) {
      var a = e.target.closest("a[href]");
      if (a && !a.matches('[data-component="drawer-close"], .mr-nav__first, [data-mr-version]') && drawerOpen()) closeDrawer();
    });
  }
  window.matchMedia("(min-width: 1024px)").addEventListener("change", function (mq) {
    if (mq.matches) closeDrawer();
  });
  /* Without JS the drawer opens through #sidebar:target; with JS keep the URL clean. */
  if (location.hash === "#sidebar") history.replaceState(null, "", location.pathname + location.search);

  /* Close <details> menus when clicking elsewhere (the page menu's "more" too). */
  doc.addEventListener("click", function (e) {
    $all(OPEN_MENUS).forEach(function (d) {
      if (!d.contains(e.target)) d.open = false;
    });
  });

  /* ---- Sidebar: groups, active item in view ------------------------------- */

  /* A group's title links to its first page for readers without JS; here it opens and closes
     the group like the rest of the row (and leaves the tab order to the row). */
  function quietTitles(scope) {
    $all(".mr-nav__first", scope).forEach(function (a) { a.tabIndex = -1; });
  }
  if (sidebar) {
    quietTitles(sidebar);
    sidebar.addEventListener("click", function (e) {
      var a = e.target.closest(".mr-nav__first");
      if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button) return;
      e.preventDefault();
      var d = a.closest("details");
      if (d) d.open = !d.open;
    });
  }

  /* Groups closed on this page come without their children (renderer/sidebar.py): they are in
     _mintrender/nav-HASH.js, fetched once the reader points at the sidebar or opens a group. */
  function navRoot() {
    var m = doc.querySelector('meta[name="mr-root"]');
    return m ? m.getAttribute("content") : "/";
  }
  function navFile(d) { return "nav-" + d.getAttribute("data-lazy").split("/")[0]; }
  function fill(d) {
    var ref = d.getAttribute("data-lazy").split("/");
    load(navFile(d)).then(function () {
      var html = ((window.mrNav || {})[ref[0]] || {})[ref[1]];
      var list = d.querySelector(":scope > ul");
      if (html == null || !list) throw new Error("mintrender: no sidebar data for " + ref.join("/"));
      d.removeAttribute("data-lazy");
      list.innerHTML = html.split("\u001e").join(navRoot());
      quietTitles(list);
    }).catch(function () {
      var a = d.querySelector(":scope > summary > a[href]");
      if (a) location.href = a.href;
    });
  }
  doc.addEventListener("toggle", function (e) {
    var d = e.target;
    if (d.open && d.hasAttribute && d.hasAttribute("data-lazy")) fill(d);
  }, true);
  function prefetchNav() {
    var d = sidebar && sidebar.querySelector("details[data-lazy]");
    if (d) load(navFile(d)).catch(function () {});
  }
  if (sidebar) {
    sidebar.addEventListener("pointerenter", prefetchNav, { once: true });
    sidebar.addEventListener("focusin", prefetchNav, { once: true });
    openers.forEach(function (b) { b.addEventListener("click", prefetchNav, { once: true }); });
  }

  function scrollActiveIntoView() {
    if (!sidebar) return;
    var scroller = sidebar.querySelector('[data-component="sidebar-scroll"]') || sidebar;
    var active = scroller.querySelector(".mr-nav a[data-active]");
    if (!active) return;
    var top = active.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    if (top < 0 || top > scroller.clientHeight - 48) {
      scroller.scrollTop += top - scroller.clientHeight / 3;
    }
  }
  /* ---- Tabs row: the active tab in view, a fade where more tabs hide ------- */

  function tabFade(list) {
    var max = list.scrollWidth - list.clientWidth, at = Math.abs(list.scrollLeft);
    list.toggleAttribute("data-fade-start", max > 1 && at > 1);
    list.toggleAttribute("data-fade-end", max > 1 && at < max - 1);
  }
  /* Below 1280px many tabs overflow the row: scroll the row (never the page) to the active one. */
  function tabRow() {
    var list = doc.querySelector(".mr-navtabs__list");
    if (!list) return;
    var active = list.querySelector(".mr-navtabs__link[data-active]");
    if (active && list.scrollWidth > list.clientWidth) {
      var row = list.getBoundingClientRect(), tab = active.getBoundingClientRect(), pad = 64;
      if (tab.right > row.right - pad) list.scrollLeft += tab.right - row.right + pad;
      else if (tab.left < row.left + pad) list.scrollLeft -= row.left + pad - tab.left;
    }
    tabFade(list);
  }
  tabRow();
  doc.addEventListener("scroll", function (e) {
    if (e.target.classList && e.target.classList.contains("mr-navtabs__list")) tabFade(e.target);
  }, true);
  window.addEventListener("resize", function () {
    var list = doc.querySelector(".mr-navtabs__list");
    if (list) tabFade(list);
  });

  /* ---- Versions: the reader's choice, on the same URL ---------------------- */

  /* URLs carry no version (navigation.md §3.5): a page several versions list holds each one's
     navigation (window.mrVersions, partials/versions.html), and the version selector switches
     between them in place. The version shown is remembered for the next pages. */
  var versions = window.mrVersions;
  if (versions) versions.sync();  /* the parts below the sidebar (prev/next) */
  function shownVersion() {
    var a = doc.querySelector('[data-component="sidebar-scroll"] a[data-mr-version][data-active]');
    return a ? a.getAttribute("data-mr-version") : null;
  }
  if (shownVersion()) store("mr-version", shownVersion());
  doc.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[data-mr-version]");
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button) return;
    var label = a.getAttribute("data-mr-version");
    store("mr-version", label);
    if (!versions || !versions.choose(label)) return;  /* another page: it opens in that version */
    e.preventDefault();
    $all(OPEN_MENUS).forEach(function (d) { d.open = false; });
    quietTitles(sidebar);
    scrollActiveIntoView();
    tabRow();
    var mine = doc.querySelector('[data-component="sidebar-scroll"] a[data-mr-version][data-active]');
    var button = mine && mine.closest("details") && mine.closest("details").querySelector("summary");
    if (button) button.focus({ preventScroll: true });  /* the active page stays in view */
  });
  /* Back to a page from the browser's page cache: the version chosen since, not the one it
     was left in (as the theme above). */
  window.addEventListener("pageshow", function (e) {
    var want = null;
    try { want = localStorage.getItem("mr-version"); } catch (err) { return; }
    if (!e.persisted || !versions || !want || versions.shown() === want) return;
    if (versions.choose(want)) {
      quietTitles(sidebar);
      scrollActiveIntoView();
      tabRow();
    }
  });

  scrollActiveIntoView();

  /* ---- Heading anchors: copy the URL ------------------------------------- */

  doc.addEventListener("click", function (e) {
    var a = e.target.closest(".mr-heading__anchor");
    if (!a) return;
    var url = location.href.split("#")[0] + a.getAttribute("href");
    copyText(url);
    a.setAttribute("data-copied", "");
    setTimeout(function () { a.removeAttribute("data-copied"); }, 2000);
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
  /* ---- Opening what the URL hash points into --------------------------------------------- */
  /* Closed <details> (accordions, expandables, nested fields) and hidden tab panels around the
     target open; a tab part sets `mr.showPanel` to switch its groups. */
  function reveal(target) {
    var changed = false;
    for (var el = target; el && el !== doc.body; el = el.parentElement) {
      if (el.tagName === "DETAILS" && !el.open) { el.open = true; changed = true; }
      if (el.getAttribute("role") === "tabpanel" && el.hidden && mr.showPanel && mr.showPanel(el)) changed = true;
    }
    return changed;
  }
  function openFromHash() {
    var id = location.hash.slice(1);
    if (!id) return;
    try { id = decodeURIComponent(id); } catch (e) { /* keep raw */ }
    var target = doc.getElementById(id) || looseTarget(id);
    if (target && reveal(target)) target.scrollIntoView();
  }
  /* `#Step-Two-Install` for the id `step-two-install`: slugifiers differ in case and
     punctuation (`check` accepts such a link, so it lands): letters and digits compared */
  function loose(text) {
    return text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  }
  function looseTarget(id) {
    var want = loose(id);
    if (!want) return null;
    return $all("[id]").filter(function (el) { return loose(el.id) === want; })[0] || null;
  }
  window.addEventListener("hashchange", openFromHash);
  /* after the part scripts of the page (they run before DOMContentLoaded) */
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", openFromHash);
  else setTimeout(openFromHash);

  /* ---- Search trigger ------------------------------------------------------------------- */
  /* The engine (50-search.js + 50-search.css, part `search`) loads on the first sign of
     intent: pointer over or focus on the trigger, a click, Ctrl/Cmd+K. It replaces this
     stand-in `window.mrSearch` and leaves the bindings to it. */
  var triggers = $all('[data-component="search-trigger"]');
  var wanted = null;
  function engine() {
    var s = window.mrSearch;
    if (s && !s.stub) return Promise.resolve(s);  /* already there (one-file bundles) */
    return load("search", true).then(function () { return window.mrSearch; });
  }
  /* Keys typed once search was asked for, before its dialog exists (the engine still on its
     way): given to the dialog when it opens, so the first letters of a quick query (and an
     Enter after them) are not lost. */
  var early = null, allSelected = false;
  doc.addEventListener("keydown", function (e) {
    if (early === null || e.altKey || e.isComposing) return;
    if (e.metaKey || e.ctrlKey) {  /* select all: what is typed next replaces it */
      if (e.key === "a" || e.key === "A") { allSelected = true; e.preventDefault(); }
      return;
    }
    if (e.key === "Escape") { early = null; return; }
    if (allSelected && (e.key.length === 1 || e.key === "Backspace")) early = "";
    if (e.key.length === 1) early += e.key;
    else if (e.key === "Backspace") early = early.slice(0, -1);
    else if (e.key === "Enter") early += "\n";
    else return;
    allSelected = false;
    e.preventDefault();
  }, true);
  doc.addEventListener("paste", function (e) {  /* Ctrl+V while it loads: the text pasted */
    if (early === null || !e.clipboardData) return;
    early = (allSelected ? "" : early) + e.clipboardData.getData("text").replace(/\s+/g, " ");
    allSelected = false;
    e.preventDefault();
  }, true);
  function openSearch(trigger) {
    wanted = trigger || wanted || triggers[0] || null;
    var s0 = window.mrSearch;
    if (early === null && !(s0 && !s0.stub)) early = "";
    return engine().then(function (s) {
      var keys = early;
      early = null;
      allSelected = false;
      if (keys === null && !(s0 && !s0.stub)) return;  /* Escape while it loaded */
      if (s && !s.stub) {
        s.open(wanted);
        if (keys && s.type) s.type(keys);
      }
    }, function () { early = null; });
  }
  if (!window.mrSearch) {
    window.mrSearch = {
      stub: true,
      open: openSearch,
      close: function () {},
      load: function () { return engine().then(function (s) { return s.load(); }); },
      search: function (q) { return engine().then(function (s) { return s.search(q); }); }
    };
    triggers.forEach(function (el) {
      el.addEventListener("click", function (e) { e.preventDefault(); openSearch(el); });
      /* fetch the engine and the index as soon as the user shows intent, not at page load */
      var warm = function () { engine().then(function (s) { if (s && !s.stub) s.load().catch(function () {}); }, function () {}); };
      el.addEventListener("pointerenter", warm, { once: true });
      el.addEventListener("focus", warm, { once: true });
    });
    doc.addEventListener("keydown", function (e) {
      if ((e.metaKey || e.ctrlKey) && !e.altKey && !e.shiftKey && (e.key === "k" || e.key === "K")) {
        e.preventDefault();
        var s = window.mrSearch;
        if (s && !s.stub && s.isOpen && s.isOpen()) s.close(); else openSearch(null);
      }
    });
  }
})();

/* Contextual menu: "Copy page" copies the page's Markdown copy (from file://, read from its
   script twin `page.md.js`; the page's text when neither can be read). */
(function () {
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('.mr-contextual a[data-action="copy"]');
    if (!link) return;
    event.preventDefault();
    var box = link.closest(".mr-contextual");
    var menu = link.closest("details");
    if (menu) menu.open = false;
    function done() {
      box.classList.add("is-copied");
      setTimeout(function () { box.classList.remove("is-copied"); }, 2000);
    }
    function copy(text) {
      if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, function () {});
    }
    function fallback() {
      var body = document.querySelector(".mdx-content");
      var title = document.getElementById("page-title");
      copy((title ? "# " + title.textContent + "\n\n" : "") + (body ? wholeText(body) : ""));
    }
    /* The body's text with what is folded or in another tab too (closed accordions, hidden
       panels): a copy laid out off screen with everything open. */
    function wholeText(body) {
      var clone = body.cloneNode(true);
      Array.prototype.forEach.call(clone.querySelectorAll("details"), function (d) { d.open = true; });
      Array.prototype.forEach.call(clone.querySelectorAll("[hidden]"), function (el) { el.removeAttribute("hidden"); });
      Array.prototype.forEach.call(clone.querySelectorAll("button:not([role='tab']), [aria-hidden='true']"), function (el) { el.remove(); });
      var shelf = document.createElement("div");
      shelf.style.cssText = "position:absolute;left:-100000px;top:0;width:800px";
      shelf.appendChild(clone);
      document.body.appendChild(shelf);
      var text = clone.innerText;
      shelf.remove();
      return text;
    }
    if (location.protocol === "file:") {  /* no fetch there: the copy's script twin (.md.js) */
      var twin = document.createElement("script");
      window.mrPageMarkdown = undefined;
      twin.onload = function () {
        var text = window.mrPageMarkdown;
        twin.remove();
        if (typeof text === "string") copy(text); else fallback();
      };
      twin.onerror = function () { twin.remove(); fallback(); };
      twin.src = link.getAttribute("href") + ".js";
      document.head.appendChild(twin);
      return;
    }
    if (!window.fetch) return fallback();
    fetch(link.getAttribute("href")).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.text();
    }).then(copy, fallback);
  });
})();
