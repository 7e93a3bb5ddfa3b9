/* View: one visible view at a time, picked in a dropdown; the TOC follows.
 * Hooks: [data-component="view"], [data-component="view-select"] (components/misc.py). Part `view`. */
(function () {
  "use strict";
  var doc = document;
  function all(selector, scope) {
    return Array.prototype.slice.call((scope || doc).querySelectorAll(selector));
  }

  // the TOC filter lives in the core bundle (10-theme.js), shared with the other part
  var filterToc = window.mr && window.mr.filterToc ? window.mr.filterToc : function () {};

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
})();
