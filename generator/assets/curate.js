/* Sortable tables for curate leaderboards: click (or press Enter on) a column header to sort
   by it, again to reverse. Numbers sort as numbers, empty cells always last. No dependencies. */
(function () {
  "use strict";

  var NUMBER = /^[-+]?\d+(?:\.\d+)?\s*%?$/;

  function cellValue(row, column) {
    var cell = row.cells[column];
    if (cell && cell.hasAttribute("data-value")) return parseFloat(cell.getAttribute("data-value"));
    var text = cell ? cell.textContent.trim() : "";
    if (text === "" || text === "\u2014") return null;
    return NUMBER.test(text) ? parseFloat(text) : text.toLowerCase();
  }

  function compare(a, b) {
    if (typeof a === "number" && typeof b === "number") return a - b;
    return String(a).localeCompare(String(b), undefined, { numeric: true });
  }

  function sortBy(table, header, column) {
    var current = header.getAttribute("aria-sort");
    // A score column sorts best first on the first click (data-sort-first), then reverses.
    var descending = current ? current === "ascending"
                             : header.getAttribute("data-sort-first") === "descending";
    sortRows(table, column, descending);
  }

  /* Sort the rows by the `column`-th header's cells and say so on the header. */
  function sortRows(table, column, descending) {
    var header = table.tHead.rows[0].cells[column];
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (row, index) {
      return { row: row, value: cellValue(row, column), index: index };
    });
    keyed.sort(function (a, b) {
      if (a.value === null || b.value === null) {
        return (a.value === null) - (b.value === null) || a.index - b.index;
      }
      return (descending ? compare(b.value, a.value) : compare(a.value, b.value)) || a.index - b.index;
    });
    keyed.forEach(function (item) { body.appendChild(item.row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
    table.dispatchEvent(new CustomEvent("curate:sorted", { detail: { header: header } }));
  }

  function makeSortable(table) {
    if (!table.tHead || !table.tBodies.length || table.dataset.curateSortable) return;
    table.dataset.curateSortable = "true";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      header.setAttribute("tabindex", "0");
      header.setAttribute("role", "columnheader button");
      header.title = "Sort by " + header.textContent.trim();
      header.addEventListener("click", function () { sortBy(table, header, column); });
      header.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          sortBy(table, header, column);
        }
      });
    });
  }

  function init() {
    document.querySelectorAll(".curate-sortable table").forEach(makeSortable);
  }

  // For leaderboard.js: sort again once the rows a long leaderboard loads on demand are in.
  window.curateTables = { sort: sortRows };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);  // Material's instant navigation swaps pages in place
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
