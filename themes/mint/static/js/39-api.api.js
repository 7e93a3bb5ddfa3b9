/* API pages and API field components: tabs and selectors of the reference, and the "Try it"
 * button, which loads the playground (40-playground.js + 41-playground.css, lazy part
 * `playground`) on first use. Part `api` (see ../parts.json).
 *
 * 40-playground.js binds the same tabs and selectors itself when it is used on its own; here
 * `window.mrApi` tells it this page already has them.
 */
(function () {
  "use strict";
  var doc = document;
  var GROUP = '[data-component="api-tabs"], [data-api-tabs]';
  var SCOPE = '[role="tabpanel"], section, .mr-api-example';
  window.mrApi = true;

  function own(group, selector) {
    return Array.prototype.filter.call(group.querySelectorAll(selector), function (el) {
      return el.closest(GROUP) === group;
    });
  }
  function selectTab(group, title) {
    own(group, '[role="tab"]').forEach(function (t) {
      t.setAttribute("aria-selected", t.getAttribute("data-tab-title") === title ? "true" : "false");
    });
    own(group, '[role="tabpanel"]').forEach(function (p) {
      p.hidden = p.getAttribute("data-tab-title") !== title;
    });
  }

  function tryIt(tryit) {
    var endpoint = tryit.closest('[data-component="api-endpoint"]');
    var ready = window.mrPlayground ? Promise.resolve() : window.mr.load("playground", true);
    ready.then(function () {
      if (window.mrPlayground) window.mrPlayground.open(endpoint, tryit);
    }, function () { /* a copy without the playground files: nothing to open */ });
  }

  /* `?playground=open` (Mintlify's deep link to an endpoint's playground): open it at once. */
  if (/[?&]playground=open(&|$)/.test(location.search)) {
    var first = doc.querySelector('[data-component="api-tryit"]');
    if (first) tryIt(first);
  }

  doc.addEventListener("click", function (e) {
    var tab = e.target.closest('[role="tab"]');
    if (tab) {
      var group = tab.closest(GROUP);
      if (group) selectTab(group, tab.getAttribute("data-tab-title"));
      return;
    }
    var tryit = e.target.closest('[data-component="api-tryit"]');
    if (tryit) tryIt(tryit);
  });

  doc.addEventListener("change", function (e) {
    var sel = e.target;
    if (!sel.matches) return;
    if (sel.matches('select[data-component="api-select"]')) {
      var scope = sel.closest(SCOPE) || sel.parentElement;
      Array.prototype.forEach.call(scope.querySelectorAll("[data-api-panel]"), function (p) {
        if (p.parentElement.closest(SCOPE) !== scope) return;
        p.hidden = p.getAttribute("data-api-panel") !== sel.value;
      });
    } else if (sel.matches('select[data-component="api-server-select"]')) {
      var endpoint = sel.closest('[data-component="api-endpoint"]');
      if (endpoint) endpoint.setAttribute("data-server", sel.value);
    }
  });
})();
