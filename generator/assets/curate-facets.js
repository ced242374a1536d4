/* Facets of the papers page: narrow the server-rendered list down by tags (one group: any of
   its ticked tags; several groups: all of them), venue, year range, code, the curators' status,
   one's own reading and free text. Counts beside each option say how many papers it would
   show; the filters live in the address (shareable; Back undoes a change); without this script
   the whole list is shown. Exports the shown papers as BibTeX. No dependencies. */
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

  function apply(form, rows) {
    var state = readForm(form);
    var shown = 0;
    rows.forEach(function (row) {
      var visible = matches(row, state, null);
      row.element.hidden = !visible;
      if (visible) shown += 1;
    });
    form.querySelectorAll("input[type=checkbox]").forEach(function (input) {
      var key = facetKey(input);
      var count = rows.filter(function (row) {
        return matches(row, state, key) && matchesFacet(row, key, [input.value]);
      }).length;
      var label = input.closest("label").querySelector("[data-count]");
      if (label) label.textContent = String(count);
    });
    document.querySelector("[data-curate-shown]").textContent = String(shown);
    document.getElementById("curate-facets-empty").hidden = shown > 0;
    return rows.filter(function (row) { return !row.element.hidden; });
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
    var shown = rows;
    form.hidden = false;
    fromQuery(form, window.location.search);
    shown = apply(form, rows);
    // On a phone the filters would fill the screen: fold them unless the address sets some.
    var more = form.querySelector("details.curate-facets__more");
    if (more && window.matchMedia && window.matchMedia("(max-width: 44.9375em)").matches) {
      more.open = form.querySelectorAll("input[type=checkbox]:checked").length > 0 ||
        Boolean(form.elements.from.value || form.elements.to.value);
    }

    form.addEventListener("change", function (event) {
      shown = apply(form, rows);
      remember(form, event.target.name === "q");
    });
    var typing = null;
    form.elements.q.addEventListener("input", function () {
      shown = apply(form, rows);
      clearTimeout(typing);
      typing = setTimeout(function () { remember(form, true); }, 300);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      setTimeout(function () { shown = apply(form, rows); remember(form, false); }, 0);
    });
    window.addEventListener("popstate", function () {
      fromQuery(form, window.location.search);
      shown = apply(form, rows);
    });
    if (window.curateReading) window.curateReading.onChange(function () { shown = apply(form, rows); });
    form.querySelector("[data-curate-export=shown]").addEventListener("click", function () {
      var ids = shown.map(function (row) { return row.id; });
      window.curateReading.download("papers.bib", "application/x-bibtex", window.curateReading.bibtex(ids));
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
