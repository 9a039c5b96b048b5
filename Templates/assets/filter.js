/* okrportal list filters: shows the filter bar the page rendered hidden and hides the list items
   that do not match. Without JavaScript the bar stays hidden and every item shows. */
(function () {
  "use strict";
  var bars = document.querySelectorAll("[data-filter-for]");
  Array.prototype.forEach.call(bars, function (bar) {
    var scope = document.getElementById(bar.getAttribute("data-filter-for"));
    if (!scope) return;
    var selects = Array.prototype.slice.call(bar.querySelectorAll("select[data-key]"));
    var items = Array.prototype.slice.call(scope.querySelectorAll("[data-f-status]"));
    var groups = Array.prototype.slice.call(scope.querySelectorAll(".f-group"));
    var count = bar.querySelector(".filter-count");
    var reset = bar.querySelector("button[type=reset]");

    function apply() {
      var shown = 0;
      items.forEach(function (el) {
        var ok = selects.every(function (s) {
          return !s.value || el.getAttribute("data-f-" + s.getAttribute("data-key")) === s.value;
        });
        el.hidden = !ok;
        if (ok) shown++;
      });
      groups.forEach(function (g) { g.hidden = !g.querySelector("[data-f-status]:not([hidden])"); });
      if (count) {
        var filtered = selects.some(function (s) { return s.value; });
        count.textContent = filtered
          ? (count.getAttribute("data-text") || "").replace("{shown}", shown).replace("{total}", items.length)
          : "";
      }
    }
    selects.forEach(function (s) { s.addEventListener("change", apply); });
    if (reset) reset.addEventListener("click", function () { setTimeout(apply, 0); });
    bar.hidden = false;
    apply();
  });
})();
