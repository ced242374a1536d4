/* Facets of the papers page: narrow every paper down by tags (one group: any of its ticked
   tags; several groups: all of them), venue, year range, code, the curators' status, one's own
   reading and free text. The page's HTML lists only the newest papers (all that a reader
   without this script sees); every row is loaded from the rows script (data-rows-script) once
   the reader filters, searches or asks for more, and the matching papers are listed a step
   (data-step) at a time. Counts beside each option say how many papers it would show, over
   every paper; the filters live in the address (shareable; Back undoes a change). Exports the
   matching papers as BibTeX. No dependencies. */
(function () {
  "use strict";

  function rowOf(item) {
    return {
      element: item,
      id: item.getAttribute("data-paper"),
      tags: item.getAttribute("data-tags").split(" ").filter(Boolean),
      year: parseInt(item.getAttribute("data-year"), 10) || null,
      venue: item.getAttribute("data-venue"),
      code: item.getAttribute("data-code") === "1",
      status: item.getAttribute("data-status"),
      text: item.getAttribute("data-search")
    };
  }

  function mineRead(row) {
    return Boolean(window.curateReading && window.curateReading.isRead(row.id));
  }

  /* The state of the form: ticked values by facet key; tag facets are keyed by their group. */
  function readForm(form) {
    var state = { checked: {}, from: form.elements.from.value, to: form.elements.to.value,
                  q: form.elements.q.value.trim().toLowerCase() };
    form.querySelectorAll("input[type=checkbox]:checked").forEach(function (input) {
      var key = facetKey(input);
      (state.checked[key] = state.checked[key] || []).push(input.value);
    });
    return state;
  }

  function facetKey(input) {
    return input.name === "tag" ? "tag:" + input.getAttribute("data-group") : input.name;
  }

  function matchesFacet(row, key, values) {
    if (!values || !values.length) return true;
    if (key.indexOf("tag:") === 0) return values.some(function (tag) { return row.tags.indexOf(tag) >= 0; });
    if (key === "venue") return values.indexOf(row.venue) >= 0;
    if (key === "code") return row.code;
    if (key === "status") return values.indexOf(row.status) >= 0;
    if (key === "mine") return values.indexOf(mineRead(row) ? "read" : "unread") >= 0;
    return true;
  }

  function matches(row, state, skipKey) {
    for (var key in state.checked) {
      if (key !== skipKey && !matchesFacet(row, key, state.checked[key])) return false;
    }
    if (skipKey !== "year") {
      var from = parseInt(state.from, 10), to = parseInt(state.to, 10);
      if ((from || to) && row.year === null) return false;
      if (from && row.year < from) return false;
      if (to && row.year > to) return false;
    }
    return !state.q || state.q.split(/\s+/).every(function (word) { return row.text.indexOf(word) >= 0; });
  }

  /* A row of the rows script: `values` in the order of `data.fields`. */
  function rowFromData(values, data) {
    var row = {};
    data.fields.forEach(function (field, index) { row[field] = values[index]; });
    var tagTitles = row.tags.map(function (tag) { return data.tags[tag] || tag; });
    return {
      element: null, data: row, tagTitles: tagTitles, id: row.id, tags: row.tags,
      year: row.year || null, venue: row.venue, code: row.code === 1, status: row.status,
      text: [row.title, row.short_name, row.venue_year].concat(row.authors, tagTitles)
        .filter(Boolean).join(" ").toLowerCase()
    };
  }

  function add(parent, tag, className, text) {
    var child = document.createElement(tag);
    if (className) child.className = className;
    if (text !== undefined) child.textContent = text;
    parent.appendChild(child);
    return child;
  }

  /* The same markup as the server's rows (templates/site/papers_list.html.j2), text only. */
  function elementOf(row, list, statusLabels) {
    var data = row.data;
    var item = document.createElement("li");
    item.className = "curate-row";
    item.setAttribute("data-paper", row.id);
    add(item, "span", "curate-mine").setAttribute("data-paper", row.id);
    var link = add(item, "a", "curate-row__title", data.title);
    link.href = list.getAttribute("data-paper-href").replace("__paper__", encodeURIComponent(row.id));
    if (data.short_name) { item.appendChild(document.createTextNode(" · ")); add(item, "strong", "", data.short_name); }
    if (data.venue_year) { item.appendChild(document.createTextNode(" · ")); add(item, "em", "", data.venue_year); }
    if (data.authors.length) {
      add(item, "br");
      add(item, "span", "curate-row__authors", data.authors.join(", "));
    }
    add(item, "br");
    row.tagTitles.forEach(function (title) { add(item, "span", "curate-chip", title); item.appendChild(document.createTextNode(" ")); });
    if (row.code) { add(item, "span", "curate-chip curate-chip--code", "code"); item.appendChild(document.createTextNode(" ")); }
    add(item, "span", "curate-status curate-status--" + row.status, statusLabels[row.status] || row.status);
    if (window.curateReading) window.curateReading.addCheckboxes(item);
    return item;
  }

  function filtering(state) {
    return Boolean(state.q || state.from || state.to || Object.keys(state.checked).length);
  }

  /* List the first `page.limit` matching rows. Rows once listed stay in the list, hidden when
     they no longer match (a box just unticked stays where it is); the listed ones follow. */
  function listRows(list, page, matching) {
    page.rows.forEach(function (row) { if (row.element) row.element.hidden = true; });
    matching.slice(0, page.limit).forEach(function (row) {
      row.element = row.element || elementOf(row, list, page.statusLabels);
      row.element.hidden = false;
      list.appendChild(row.element);
    });
  }

  function setCount(input, count) {
    var label = input.closest("label").querySelector("[data-count]");
    if (label) label.textContent = String(count);
  }

  /* Beside each option: how many papers ticking it would show, given the other facets. */
  function recount(form, rows, state) {
    form.querySelectorAll("input[type=checkbox]").forEach(function (input) {
      var key = facetKey(input);
      setCount(input, rows.filter(function (row) {
        return matches(row, state, key) && matchesFacet(row, key, [input.value]);
      }).length);
    });
  }

  /* Before the rows load only the reader's own ticks need counting: the page's counts of every
     other facet are over every paper already. */
  function countMine(form, total) {
    var read = window.curateReading ? window.curateReading.ids().length : 0;
    form.querySelectorAll("input[name=mine]").forEach(function (input) {
      setCount(input, input.value === "read" ? read : Math.max(0, total - read));
    });
  }

  /* Show the papers matching the form, a step at a time, and the counts they leave; until
     every row is loaded (no filter yet) the page's own rows stand. Returns the matches. */
  function apply(form, list, page) {
    var state = readForm(form);
    var matching = page.rows.filter(function (row) { return matches(row, state, null); });
    if (page.all) { listRows(list, page, matching); recount(form, page.rows, state); }
    else countMine(form, page.total);
    var total = page.all ? matching.length : page.total;
    var listed = page.all ? Math.min(page.limit, matching.length) : page.rows.length;
    document.querySelector("[data-curate-shown]").textContent = String(total);
    document.getElementById("curate-facets-empty").hidden = total > 0;
    var more = document.getElementById("curate-paperlist-more");
    if (more) {
      more.hidden = listed >= total;
      more.querySelector("[data-curate-listed]").textContent =
        "Showing " + listed + " of " + total + (filtering(state) ? " matching" : "") + " papers.";
      more.querySelector("[data-curate-more]").hidden = false;
    }
    return page.all ? matching : page.rows;
  }

  /* Run `done` once every row is loaded (at once when the page lists every paper). */
  function loadAll(list, page, done) {
    if (page.all) { done(); return; }
    window.curateReading.loadScript(list.getAttribute("data-rows-script"), function () {
      if (page.all) { done(); return; }
      var data = window.curatePaperRows;
      var server = {};
      page.rows.forEach(function (row) { server[row.id] = row.element; });
      page.rows = data.rows.map(function (values) {
        var row = rowFromData(values, data);
        row.element = server[row.id] || null;
        return row;
      });
      page.statusLabels = data.status;
      page.all = true;
      done();
    });
  }

  function toQuery(form) {
    var params = new URLSearchParams();
    if (form.elements.q.value.trim()) params.append("q", form.elements.q.value.trim());
    form.querySelectorAll("input[type=checkbox]:checked").forEach(function (input) {
      params.append(input.name, input.value);
    });
    if (form.elements.from.value) params.append("from", form.elements.from.value);
    if (form.elements.to.value) params.append("to", form.elements.to.value);
    var query = params.toString();
    return query ? "?" + query : "";
  }

  function fromQuery(form, search) {
    var params = new URLSearchParams(search);
    form.elements.q.value = params.get("q") || "";
    form.querySelectorAll("input[type=checkbox]").forEach(function (input) {
      input.checked = params.getAll(input.name).indexOf(input.value) >= 0;
    });
    ["from", "to"].forEach(function (name) {
      var select = form.elements[name];
      var value = params.get(name) || "";
      select.value = Array.prototype.some.call(select.options, function (o) { return o.value === value; }) ? value : "";
    });
  }

  /* Record the filters in the address: a new history entry per change, so Back undoes it. */
  function remember(form, replace) {
    var query = toQuery(form);
    if (query === window.location.search) return;
    var url = window.location.pathname + query + window.location.hash;
    try {
      window.history[replace ? "replaceState" : "pushState"]({ curateFacets: query }, "", url);
    } catch (error) { /* some browsers refuse history entries for file:// pages */ }
  }

  function init() {
    var form = document.getElementById("curate-facets");
    var list = document.getElementById("curate-paperlist");
    if (!form || !list || form.getAttribute("data-curate-ready")) return;
    form.setAttribute("data-curate-ready", "true");
    var rows = Array.prototype.map.call(list.querySelectorAll("li.curate-row"), rowOf);
    var step = parseInt(list.getAttribute("data-step"), 10) || rows.length;
    var page = { rows: rows, total: parseInt(list.getAttribute("data-total"), 10) || rows.length,
                 all: false, limit: step, statusLabels: {} };
    page.all = page.total <= rows.length;
    var shown = rows;
    form.hidden = false;

    /* Filter again, loading every row first when the form filters anything. */
    function update(then) {
      var run = function () { shown = apply(form, list, page); if (then) then(); };
      if (filtering(readForm(form))) loadAll(list, page, run); else run();
    }

    fromQuery(form, window.location.search);
    update();
    // On a phone the filters would fill the screen: fold them unless the address sets some.
    var more = form.querySelector("details.curate-facets__more");
    if (more && window.matchMedia && window.matchMedia("(max-width: 44.9375em)").matches) {
      more.open = form.querySelectorAll("input[type=checkbox]:checked").length > 0 ||
        Boolean(form.elements.from.value || form.elements.to.value);
    }

    form.addEventListener("change", function (event) {
      page.limit = step;
      update();
      remember(form, event.target.name === "q");
    });
    var typing = null;
    form.elements.q.addEventListener("input", function () {
      page.limit = step;
      update();
      clearTimeout(typing);
      typing = setTimeout(function () { remember(form, true); }, 300);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      setTimeout(function () { page.limit = step; update(); remember(form, false); }, 0);
    });
    window.addEventListener("popstate", function () {
      fromQuery(form, window.location.search);
      update();
    });
    if (window.curateReading) window.curateReading.onChange(function () { update(); });
    var showMore = document.querySelector("[data-curate-more]");
    if (showMore) showMore.addEventListener("click", function () {
      loadAll(list, page, function () { page.limit += step; shown = apply(form, list, page); });
    });
    form.querySelector("[data-curate-export=shown]").addEventListener("click", function () {
      loadAll(list, page, function () {
        shown = apply(form, list, page);
        var ids = shown.map(function (row) { return row.id; });
        window.curateReading.withPapers(function () {
          window.curateReading.download("papers.bib", "application/x-bibtex", window.curateReading.bibtex(ids));
        });
      });
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
