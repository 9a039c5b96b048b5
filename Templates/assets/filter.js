/* okrportal's one script, loaded on every page; everything works without it.
   - List filters: shows the filter bar the page rendered hidden and hides the list items that do not
     match. Statuses are checkboxes (several at once; "outdated" also finds items whose outdated key
     result hides behind a worse status); team, period and owner are selects. The choice lives in the
     URL, so a filtered list can be shared: periods/2026-Q4.html?status=at-risk,off-track&team=marketing
     (docs/search.md). Changing a filter rewrites the URL with history.replaceState.
   - The cascade's "open all" / "close all" buttons; print opens every collapsed part.
   - The alignment map scrolls so that its top (the company objectives) is in view. */
(function () {
  "use strict";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var KEYS = ["status", "team", "period", "owner"];

  /* The filter state from the URL: the query, else a fragment written like one (#status=at-risk). */
  function readState() {
    var state = {};
    var sources = [location.search.replace(/^\?/, "")];
    if (location.hash.indexOf("=") > 0) sources.push(location.hash.replace(/^#/, ""));
    sources.forEach(function (source) {
      source.split("&").forEach(function (pair) {
        if (!pair) return;
        var i = pair.indexOf("=");
        var key = decodeURIComponent((i < 0 ? pair : pair.slice(0, i)).replace(/\+/g, " "));
        var value = i < 0 ? "" : decodeURIComponent(pair.slice(i + 1).replace(/\+/g, " "));
        if (KEYS.indexOf(key) < 0 || !value) return;
        state[key] = (state[key] || []).concat(value.split(","));
      });
    });
    return state;
  }

  /* The URL for `state`, keeping every other query parameter and the fragment (unless it held filters). */
  function urlFor(state) {
    var kept = location.search.replace(/^\?/, "").split("&").filter(function (pair) {
      var key = decodeURIComponent(pair.split("=")[0] || "");
      return pair && KEYS.indexOf(key) < 0;
    });
    KEYS.forEach(function (key) {
      if (state[key] && state[key].length) {
        kept.push(key + "=" + state[key].map(function (v) {
          return encodeURIComponent(v).replace(/%20/g, "+");
        }).join(","));
      }
    });
    var hash = location.hash.indexOf("=") > 0 ? "" : location.hash;
    return location.pathname + (kept.length ? "?" + kept.join("&") : "") + hash;
  }

  each(document.querySelectorAll("form[data-filter-for]"), function (bar) {
    var scope = document.getElementById(bar.getAttribute("data-filter-for"));
    if (!scope) return;
    var selects = Array.prototype.slice.call(bar.querySelectorAll("select[data-key]"));
    var boxes = Array.prototype.slice.call(bar.querySelectorAll("input[type=checkbox]"));
    var items = Array.prototype.slice.call(scope.querySelectorAll("[data-f-status]"));
    var groups = Array.prototype.slice.call(scope.querySelectorAll(".f-group"));
    var count = bar.querySelector(".filter-count");

    function chosen() {
      var state = {};
      selects.forEach(function (s) { if (s.value) state[s.getAttribute("data-key")] = [s.value]; });
      boxes.forEach(function (b) { if (b.checked) (state[b.name] = state[b.name] || []).push(b.value); });
      return state;
    }

    function matches(el, key, values) {
      var own = el.getAttribute("data-f-" + key);
      if (values.indexOf(own) >= 0) return true;
      return key === "status" && values.indexOf("outdated") >= 0 && el.hasAttribute("data-f-outdated");
    }

    function apply(writeURL) {
      var state = chosen();
      var keys = Object.keys(state);
      var shown = 0;
      items.forEach(function (el) {
        var ok = keys.every(function (key) { return matches(el, key, state[key]); });
        el.hidden = !ok;
        if (ok) shown++;
      });
      groups.forEach(function (g) { g.hidden = !g.querySelector("[data-f-status]:not([hidden])"); });
      if (count) {
        count.textContent = keys.length
          ? (count.getAttribute("data-text") || "").replace("{shown}", shown).replace("{total}", items.length)
          : "";
      }
      if (writeURL && window.history && history.replaceState) {
        // file:// pages may refuse; the filter still works, only the address does not follow.
        try { history.replaceState(history.state, "", urlFor(state)); } catch (e) { /* ignored */ }
      }
    }

    // Restore a shared view: values the list does not offer are ignored.
    var state = readState();
    selects.forEach(function (s) {
      var want = (state[s.getAttribute("data-key")] || [])[0];
      if (want && Array.prototype.some.call(s.options, function (o) { return o.value === want; })) s.value = want;
    });
    boxes.forEach(function (b) { b.checked = (state[b.name] || []).indexOf(b.value) >= 0; });

    selects.concat(boxes).forEach(function (c) { c.addEventListener("change", function () { apply(true); }); });
    bar.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    bar.addEventListener("submit", function (e) { e.preventDefault(); });
    bar.hidden = false;
    apply(false);
  });

  /* The cascade: open or close every part at once. */
  each(document.querySelectorAll("[data-tree-for]"), function (controls) {
    var tree = document.getElementById(controls.getAttribute("data-tree-for"));
    if (!tree) return;
    each(controls.querySelectorAll("button[data-open]"), function (button) {
      button.addEventListener("click", function () {
        var open = button.getAttribute("data-open") === "true";
        each(tree.querySelectorAll("details"), function (d) { d.open = open; });
      });
    });
    controls.hidden = false;
  });

  /* Print opens every collapsed part (current browsers hide a closed <details>' content in a way
     the stylesheet cannot undo), and closes them again afterwards. */
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    each(document.querySelectorAll("details:not([open])"), function (d) { d.open = true; openedForPrint.push(d); });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
  });

  /* The alignment map: wider than a phone, drawn with the company objectives centred on top. Scroll
     its box so the first of them is in view instead of the empty left edge. */
  each(document.querySelectorAll(".map-wrap"), function (wrap) {
    if (wrap.scrollWidth <= wrap.clientWidth) return;
    var top = null;
    each(wrap.querySelectorAll("rect.node"), function (r) {
      var box = r.getBoundingClientRect();
      if (!top || box.top < top.top - 1 || (Math.abs(box.top - top.top) <= 1 && box.left < top.left)) top = box;
    });
    if (!top) return;
    var origin = wrap.getBoundingClientRect();
    var left = top.left - origin.left + wrap.scrollLeft;
    wrap.scrollLeft = Math.max(0, left + top.width / 2 - wrap.clientWidth / 2);
  });
})();
