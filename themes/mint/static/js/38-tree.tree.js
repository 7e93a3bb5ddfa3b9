/* Tree / FileTree keyboard navigation: arrows, Home/End, *, type-ahead.
 * Hook: [data-component="tree"] (components/data.py). Part `tree` (see ../parts.json). */
(function () {
  "use strict";
  var doc = document;
  function all(selector, scope) {
    return Array.prototype.slice.call((scope || doc).querySelectorAll(selector));
  }

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
})();
