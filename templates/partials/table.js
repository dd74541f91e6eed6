/* Search and sort the events table: no library, no network. */
(function () {
  var table = document.getElementById("events");
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var search = document.getElementById("event-search");
  var count = document.getElementById("event-count");
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });

  function filter() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (r, i) {
      var hit = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
      r.hidden = !hit;
      if (hit) shown++;
    });
    count.textContent = shown + " of " + rows.length + " shown";
  }

  function key(row, col, kind) {
    var cell = row.cells[col];
    return kind === "date" ? cell.getAttribute("data-key") : cell.textContent.trim().toLowerCase();
  }

  function sortBy(th, col, kind) {
    var descending = th.getAttribute("aria-sort") === "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var order = rows.map(function (r, i) { return i; }).sort(function (a, b) {
      var ka = key(rows[a], col, kind), kb = key(rows[b], col, kind);
      var c = ka < kb ? -1 : ka > kb ? 1 : 0;
      return (descending ? -c : c) || a - b;
    });
    order.forEach(function (i) { body.appendChild(rows[i]); });
  }

  search.addEventListener("input", filter);
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    var button = th.querySelector("button");
    button.addEventListener("click", function () { sortBy(th, col, button.getAttribute("data-sort")); });
  });
})();
