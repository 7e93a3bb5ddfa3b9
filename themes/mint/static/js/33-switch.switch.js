/* Tabs and code groups: switching, keyboard, page-wide sync remembered in localStorage,
 * language dropdown; a panel the URL hash points into is shown (10-theme.js asks through
 * `mr.showPanel`). Part `switch` (see ../parts.json).
 *
 * Hooks (emitted by components/*.py and themes/mint/templates/api/examples.html):
 *   [data-component="tabs"][data-sync]     <Tabs>; role=tab buttons and role=tabpanel panels
 *   [data-component="code-group"]          <CodeGroup>, Request/ResponseExample, API samples
 *   select[data-component="code-group-select"]   dropdown variant of a code group
 *   [data-inactive]                        panels hidden once this script runs (no-JS: shown)
 * Copy buttons belong to 21-code.code.js.
 */
(function () {
  "use strict";
  var doc = document;

  var GROUPS = '[data-component="tabs"], [data-component="code-group"]';
  var STORE = "mr-tab-sync";
  var MAX_REMEMBERED = 20;

  function all(selector, scope) {
    return Array.prototype.slice.call((scope || doc).querySelectorAll(selector));
  }
  /* Elements of a group that are not inside a nested group. */
  function own(group, selector) {
    return all(selector, group).filter(function (el) {
      return el.closest(GROUPS) === group;
    });
  }
  function titleOf(el) { return el.getAttribute("data-tab-title"); }
  function syncable(group) {
    return group.getAttribute("data-component") === "code-group" || group.hasAttribute("data-sync");
  }

  function remembered() {
    try {
      var list = JSON.parse(localStorage.getItem(STORE) || "[]");
      return Array.isArray(list) ? list : [];
    } catch (e) { return []; }
  }
  function remember(title) {
    /* HTTP statuses (response examples) are per endpoint, not a reader preference */
    if (/^[1-5]\d\d$/.test(title)) return;
    var list = remembered().filter(function (t) { return t !== title; });
    list.unshift(title);
    try { localStorage.setItem(STORE, JSON.stringify(list.slice(0, MAX_REMEMBERED))); } catch (e) { /* private mode */ }
  }

  /* Show the tab titled `title` in `group`; false when the group has no such tab. */
  function select(group, title) {
    var tabs = own(group, '[role="tab"]');
    if (!tabs.some(function (t) { return titleOf(t) === title; })) return false;
    tabs.forEach(function (t) {
      var on = titleOf(t) === title;
      t.setAttribute("aria-selected", on ? "true" : "false");
      t.setAttribute("tabindex", on ? "0" : "-1");
    });
    own(group, '[role="tabpanel"]').forEach(function (p) {
      p.removeAttribute("data-inactive");
      p.hidden = titleOf(p) !== title;
    });
    own(group, 'select[data-component="code-group-select"]').forEach(function (s) { s.value = title; });
    return true;
  }

  function activate(group, title) {
    select(group, title);
    if (!syncable(group)) return;
    remember(title);
    all(GROUPS).forEach(function (other) {
      if (other !== group && syncable(other)) select(other, title);
    });
  }

  /* Initial state: markers become `hidden`, then remembered choices apply. */
  function init() {
    all(GROUPS).forEach(function (group) {
      own(group, "[data-inactive]").forEach(function (p) {
        p.removeAttribute("data-inactive");
        p.hidden = true;
      });
    });
    var list = remembered();
    if (!list.length) return;
    all(GROUPS).forEach(function (group) {
      if (!syncable(group)) return;
      for (var i = 0; i < list.length; i++) if (select(group, list[i])) break;
    });
  }

  doc.addEventListener("click", function (e) {
    var tab = e.target.closest('[role="tab"]');
    if (!tab) return;
    var group = tab.closest(GROUPS);
    if (!group || tab.closest(GROUPS) !== group) return;
    activate(group, titleOf(tab));
  });

  doc.addEventListener("keydown", function (e) {
    var tab = e.target.closest && e.target.closest('[role="tab"]');
    if (!tab) return;
    var group = tab.closest(GROUPS);
    if (!group) return;
    var tabs = own(group, '[role="tab"]');
    var i = tabs.indexOf(tab), next = -1;
    if (e.key === "ArrowRight" || e.key === "ArrowDown") next = (i + 1) % tabs.length;
    else if (e.key === "ArrowLeft" || e.key === "ArrowUp") next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    tabs[next].focus();
    activate(group, titleOf(tabs[next]));
  });

  doc.addEventListener("change", function (e) {
    var sel = e.target;
    if (!sel.matches || !sel.matches('select[data-component="code-group-select"]')) return;
    var group = sel.closest(GROUPS);
    if (group) activate(group, sel.value);
  });

  window.mr.showPanel = function (panel) {
    var group = panel.closest(GROUPS);
    return !!group && select(group, titleOf(panel));
  };

  init();
})();
