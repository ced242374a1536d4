/* Leaderboard pages: filter rows by supervision and extra data (table and chart together),
   chart the chosen metric, rank by the column (split, or split of a metric) the table is
   sorted by, and show the chart's latest year on narrow screens. The page of a long
   leaderboard holds only its top rows and the all-rows chart (data-rows-script on the table):
   the other rows and charts are loaded, once, when the reader nears the end of the table,
   sorts, filters or clicks "Show all". Without this script the page shows the rows it holds
   and the all-rows chart of the first metric. */
(function () {
  "use strict";

  function visibleRows(table) {
    return Array.prototype.filter.call(table.tBodies[0].rows, function (row) { return !row.hidden; });
  }

  function scoreColumn(table, split, metric) {
    var headers = table.tHead.rows[0].cells;
    for (var index = 0; index < headers.length; index++) {
      if (headers[index].getAttribute("data-split") === split
          && (headers[index].getAttribute("data-metric") || "") === metric) return index;
    }
    return -1;
  }

  /* Rank visible rows by the chosen column, best first, ties sharing a rank, rows without a
     value last. */
  function rank(table) {
    var split = table.getAttribute("data-rank-split");
    var column = scoreColumn(table, split, table.getAttribute("data-rank-metric") || "");
    if (column < 0) return;
    var header = table.tHead.rows[0].cells[column];
    var higher = header.getAttribute("data-sort-first") === "descending";
    var rows = visibleRows(table).map(function (row) {
      var cell = row.cells[column];
      var value = cell && cell.hasAttribute("data-value") ? parseFloat(cell.getAttribute("data-value")) : null;
      return { row: row, value: value };
    });
    var ranked = rows.filter(function (item) { return item.value !== null; });
    ranked.sort(function (a, b) { return higher ? b.value - a.value : a.value - b.value; });
    var previous = null;
    var previousRank = 0;
    ranked.forEach(function (item, position) {
      var value = item.value;
      item.rank = value === previous ? previousRank : position + 1;
      previous = value;
      previousRank = item.rank;
    });
    rows.forEach(function (item) {
      item.row.cells[0].textContent = item.value === null ? "\u2014" : String(item.rank);
    });
    var caption = table.caption;
    var heading = header.textContent.trim();
    if (caption) caption.textContent = caption.textContent.replace(/ranked by .*$/, "ranked by " + heading);
    header.parentNode.querySelector(".curate-rank").setAttribute("title", "Rank by " + heading);
  }

  function setting(form) {
    var supervision = form.querySelector("input[name^='supervision-']:checked");
    var metric = form.querySelector("input[name^='metric-']:checked");
    var extra = form.querySelector("input[name=extra-data]");
    return {
      supervision: supervision ? supervision.value : "*",
      metric: metric ? metric.value : "",
      withExtraData: extra ? extra.checked : true
    };
  }

  var boards = window.curateBoards = window.curateBoards || {};
  var loading = {};

  function loadScript(src) {
    if (!loading[src]) {
      loading[src] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = resolve;
        script.onerror = function () { delete loading[src]; reject(new Error("cannot load " + src)); };
        document.head.appendChild(script);
      });
    }
    return loading[src];
  }

  /* Resolve once every row and chart of the table's leaderboard is in the page: insert what
     the rows script holds (HTML rendered at build time), sorted as the table is. */
  function complete(table) {
    if (table.curateComplete) return table.curateComplete;
    var src = table.getAttribute("data-rows-script");
    if (!src) return (table.curateComplete = Promise.resolve());
    var id = table.getAttribute("data-curate-board");
    var more = document.querySelector(".curate-board-more[data-curate-board='" + id + "']");
    var button = more && more.querySelector("button");
    if (button) { button.disabled = true; button.textContent = "Loading\u2026"; }
    table.curateComplete = (boards[id] ? Promise.resolve() : loadScript(src)).then(function () {
      var data = boards[id];
      table.tBodies[0].insertAdjacentHTML("beforeend", data.rows);
      var charts = document.querySelectorAll(".curate-chart[data-variants]");
      if (charts.length) charts[charts.length - 1].insertAdjacentHTML("afterend", data.charts);
      else table.closest(".curate-leaderboard").insertAdjacentHTML("beforebegin", data.charts);
      table.removeAttribute("data-rows-script");
      if (more) more.hidden = true;
      var sorted = table.tHead.querySelector("th[aria-sort]");
      if (sorted && window.curateTables) {
        window.curateTables.sort(table, sorted.cellIndex, sorted.getAttribute("aria-sort") === "descending");
      }
    }, function (error) {  // the reader may try again: the button, a sort or a filter
      table.curateComplete = null;
      if (button) { button.disabled = false; button.textContent = "Loading failed: try again"; }
      throw error;
    });
    return table.curateComplete;
  }

  /* Load the rest once the reader scrolls to the last row the page holds, or asks for it. */
  function loadOnDemand(table) {
    if (!table.hasAttribute("data-rows-script")) return;
    var id = table.getAttribute("data-curate-board");
    var more = document.querySelector(".curate-board-more[data-curate-board='" + id + "']");
    var button = more && more.querySelector("button");
    if (button) {
      button.hidden = false;
      button.addEventListener("click", function () { complete(table).catch(function () {}); });
    }
    var rows = table.tBodies[0].rows;
    if (!("IntersectionObserver" in window) || !rows.length) return;
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        complete(table).catch(function () {});
      }
    }, { rootMargin: "200px" });
    observer.observe(rows[rows.length - 1]);
  }

  function applyFilters(form, table) {
    var chosen = setting(form);
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var visible = (chosen.supervision === "*" || row.getAttribute("data-supervision") === chosen.supervision)
        && (chosen.withExtraData || row.getAttribute("data-extra-data") !== "yes");
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    var key = chosen.supervision + "|" + (chosen.withExtraData ? "with" : "without");
    var charts = document.querySelectorAll(".curate-chart[data-variants]");
    Array.prototype.forEach.call(charts, function (chart) {
      chart.hidden = chart.getAttribute("data-variants").split(" ").indexOf(key) < 0
        || (chart.getAttribute("data-metric") || "") !== chosen.metric;
      if (!chart.hidden) showLatest(chart);
    });
    rank(table);
    var count = form.querySelector(".curate-board-filters__count");
    if (count) count.textContent = "Showing " + shown + " of " + table.tBodies[0].rows.length + " results.";
  }

  /* On a narrow screen the chart scrolls sideways: start at its right end, the latest year. */
  function showLatest(chart) {
    var scroller = chart.querySelector(".curate-chart__scroll");
    if (!scroller) return;
    scroller.scrollLeft = scroller.scrollWidth;
    chart.classList.toggle("curate-chart--scrolls", scroller.scrollWidth > scroller.clientWidth + 1);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".curate-chart[data-variants]"), showLatest);
    Array.prototype.forEach.call(document.querySelectorAll("table[data-curate-board]"), function (table) {
      table.addEventListener("curate:sorted", function (event) {
        var header = event.detail.header;
        var split = header.getAttribute("data-split");
        if (split) {
          table.setAttribute("data-rank-split", split);
          table.setAttribute("data-rank-metric", header.getAttribute("data-metric") || "");
          rank(table);
        }
        complete(table).catch(function () {});  // sorts again with every row once they are in
      });
      loadOnDemand(table);
      var form = document.querySelector("form.curate-board-filters[data-curate-board='" +
        table.getAttribute("data-curate-board") + "']");
      if (!form) return;
      form.hidden = false;
      form.addEventListener("change", function () {
        var count = form.querySelector(".curate-board-filters__count");
        if (count && table.hasAttribute("data-rows-script")) count.textContent = "Loading every result\u2026";
        complete(table).then(function () { applyFilters(form, table); }, function () {
          if (count) count.textContent = "Could not load every result: the filters are not applied.";
        });
      });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
