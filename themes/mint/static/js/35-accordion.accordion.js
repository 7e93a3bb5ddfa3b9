/* Accordions: opening one by hand puts its id in the URL (10-theme.js opens it from the hash).
 * Part `accordion` (see ../parts.json). */
(function () {
  "use strict";
  var doc = document;

  /* Opening an accordion by hand puts its id in the URL (replaceState: no history spam). */
  doc.addEventListener("click", function (e) {
    var summary = e.target.closest("summary");
    if (!summary) return;
    var details = summary.parentElement;
    if (!details || !details.matches("details.mr-accordion[id]")) return;
    setTimeout(function () {
      if (!details.open || !history.replaceState) return;
      history.replaceState(history.state, "", "#" + encodeURIComponent(details.id));
    }, 0);
  });
})();
