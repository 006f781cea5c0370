// CleaNum dashboard: the page's only script (served as a file; the CSP forbids inline script).
// 1. Keeps the page current without a reload: asks /api/etat every few seconds and, when the data changed, fetches
//    the same page again and swaps its <main> and <footer>.
// 2. Sorts tables whose header cells carry data-tri="texte|nombre" (cells may give their sort key in data-valeur).
(function () {
  "use strict";

  var sortState = {};

  function cellKey(row, index, type) {
    var cell = row.cells[index];
    if (!cell) { return ""; }
    var raw = cell.hasAttribute("data-valeur") ? cell.getAttribute("data-valeur") : cell.textContent.trim();
    if (type === "nombre") {
      var n = parseFloat(String(raw).replace(/\s/g, "").replace(",", "."));
      return isNaN(n) ? -Infinity : n;
    }
    return String(raw).toLocaleLowerCase("fr");
  }

  function sortTable(table, index, type, descending) {
    var body = table.tBodies[0];
    if (!body) { return; }
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellKey(a, index, type), y = cellKey(b, index, type);
      var c = type === "nombre" ? x - y : String(x).localeCompare(String(y), "fr");
      return descending ? -c : c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      th.removeAttribute("aria-sort");
      if (i === index) { th.setAttribute("aria-sort", descending ? "descending" : "ascending"); }
    });
  }

  function enableSorting(root) {
    Array.prototype.forEach.call(root.querySelectorAll("table.triable"), function (table) {
      var id = table.id || "table";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
        var type = th.getAttribute("data-tri");
        if (!type) { return; }
        th.tabIndex = 0;
        th.title = "Trier";
        var activate = function () {
          var current = sortState[id];
          var descending = current && current.index === index ? !current.descending : false;
          sortState[id] = { index: index, type: type, descending: descending };
          sortTable(table, index, type, descending);
        };
        th.addEventListener("click", activate);
        th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); activate(); } });
      });
      var state = sortState[id];
      if (state) { sortTable(table, state.index, state.type, state.descending); }
    });
  }

  // The version of the data the page was rendered from (server-side), so a change that happens between the
  // page's rendering and the first poll is not missed.
  var fingerprint = null;

  function refresh() {
    fetch("/api/etat", { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (state) {
        if (!state || state.version === fingerprint) { return; }
        fingerprint = state.version;
        return fetch(window.location.href, { credentials: "same-origin", cache: "no-store" })
          .then(function (r) { return r.ok ? r.text() : null; })
          .then(function (text) {
            if (!text) { return; }
            var page = new DOMParser().parseFromString(text, "text/html");
            ["contenu", "pied"].forEach(function (id) {
              var fresh = page.getElementById(id), old = document.getElementById(id);
              if (fresh && old) { old.innerHTML = fresh.innerHTML; }
            });
            enableSorting(document);
            document.body.setAttribute("data-version", fingerprint);
          });
      })
      .catch(function () { /* the service may be restarting: try again next time */ });
  }

  document.addEventListener("DOMContentLoaded", function () {
    enableSorting(document);
    fingerprint = document.body.getAttribute("data-version");
    var seconds = parseInt(document.body.getAttribute("data-refresh") || "0", 10);
    if (seconds > 0) {
      refresh();
      window.setInterval(refresh, seconds * 1000);
    }
  });
})();
