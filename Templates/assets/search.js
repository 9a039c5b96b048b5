/* okrportal search page: searches window.OKRPORTAL_SEARCH (search/data.js) in the browser.
   No framework, nothing from outside; results are built with DOM APIs and textContent only. */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var nojs = document.getElementById("search-nojs");
  var data = window.OKRPORTAL_SEARCH;
  if (!form || !input || !list || !status) return;
  if (!data || !data.e) {
    status.textContent = status.getAttribute("data-missing") || "";
    return;
  }
  form.hidden = false;
  if (nojs) nojs.hidden = true;

  var LIMIT = 50;
  var KIND_RANK = { o: 0, k: 1, t: 2, p: 3 };
  var entries = data.e;

  /* Lower case without accents, so "uber" finds "Übernahme" and "strasse" finds "Straße". */
  function fold(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\u00df/g, "ss");
  }
  function parent(e) { return e.k === "k" ? entries[e.i] || {} : e; }
  function url(e) { return e.k === "k" ? parent(e).u + "#" + e.a : e.u; }

  var titles = [], texts = [];
  for (var n = 0; n < entries.length; n++) {
    var e = entries[n], p = parent(e);
    titles.push(fold(e.t));
    texts.push(fold([e.t, p.m, p.o, p.p, e.k === "k" ? p.t : ""].join(" \u0001 ")));
  }

  function format(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }

  function search(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    var hits = [];
    for (var i = 0; i < entries.length; i++) {
      var all = true, inTitle = true;
      for (var w = 0; w < words.length && all; w++) {
        if (texts[i].indexOf(words[w]) < 0) all = false;
        else if (titles[i].indexOf(words[w]) < 0) inTitle = false;
      }
      if (!all) continue;
      var rank = (inTitle ? 0 : 10) + (titles[i].indexOf(words[0]) === 0 ? 0 : 4) + KIND_RANK[entries[i].k];
      hits.push([rank, i]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    return hits.map(function (h) { return h[1]; });
  }

  function item(i) {
    var e = entries[i], p = parent(e);
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = url(e);
    a.className = "title";
    a.textContent = e.t;
    li.appendChild(a);
    var parts = [data.kinds[e.k]];
    if (e.k === "k") parts.push(p.t);
    [p.m, p.o, p.p].forEach(function (x) { if (x && e.k !== "p") parts.push(x); });
    var meta = document.createElement("span");
    meta.className = "meta";
    meta.textContent = " " + parts.join(" · ");
    li.appendChild(meta);
    var badge = null;
    if (e.g && data.grade && data.grade[e.b]) {
      // A closed period's items show their grade, as every page does.
      badge = document.createElement("span");
      badge.className = "grade band-" + e.b;
      badge.textContent = data.grade.label + " " + e.g + " · " + data.grade[e.b];
    } else if (e.s && data.status[e.s]) {
      badge = document.createElement("span");
      badge.className = "status s-" + e.s;
      badge.textContent = data.status[e.s];
    }
    if (badge) {
      li.appendChild(document.createTextNode(" "));
      li.appendChild(badge);
    }
    return li;
  }

  function show(query) {
    var hits = search(query);
    while (list.firstChild) list.removeChild(list.firstChild);
    var shown = Math.min(hits.length, LIMIT);
    for (var i = 0; i < shown; i++) list.appendChild(item(hits[i]));
    var key;
    if (!fold(query).trim()) key = "data-empty";
    else if (!hits.length) key = "data-none";
    else if (hits.length > LIMIT) key = "data-more";
    else key = hits.length === 1 ? "data-one" : "data-other";
    status.textContent = format(status.getAttribute(key), { count: hits.length, shown: shown, query: query });
  }

  function remember(query) {
    try {
      history.replaceState(null, "", location.pathname + (query ? "?q=" + encodeURIComponent(query) : ""));
    } catch (err) { /* file:// pages may not rewrite their URL; the search still works */ }
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); remember(input.value); }, 120);
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    clearTimeout(timer);
    show(input.value);
    remember(input.value);
    var first = list.querySelector("a");
    if (first) first.focus();
  });
  /* Arrow keys move between the search field and the results. */
  function move(from, step) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(from);
    var next = at + step;
    if (next < 0) input.focus();
    else if (next < links.length) links[next].focus();
  }
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { ev.preventDefault(); move(null, 1); }
  });
  list.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      move(ev.target, ev.key === "ArrowDown" ? 1 : -1);
    }
  });

  var q = new URLSearchParams(location.search).get("q") || "";
  input.value = q;
  show(q);
})();
