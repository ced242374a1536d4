/* A reader's own reading progress, kept in this browser only (localStorage; nothing is sent
   anywhere). Adds a labelled checkbox to every `.curate-mine[data-paper]` placeholder, keeps
   "My reading" panels up to date, hides read papers on request, exports the list as JSON or
   BibTeX and imports a JSON list. Record text is only ever inserted with textContent. */
(function () {
  "use strict";

  var ID = /^[a-z0-9][a-z0-9._-]{0,79}$/;
  var listeners = [];
  var memory = {};  // used when the browser refuses storage (private modes, some file:// setups)

  function storageKey() {
    var meta = document.querySelector('meta[name="curate-list"]');
    return "curate-reading:" + (meta ? meta.getAttribute("content") : "list");
  }

  var cached = null;  // parsed once, dropped when this or another tab changes the list

  function load() {
    if (cached === null) cached = readStorage();
    return cached;
  }

  function readStorage() {
    var text = null;
    try { text = window.localStorage.getItem(storageKey()); } catch (error) { return memory; }
    if (!text) return {};
    try {
      var data = JSON.parse(text);
      return sanitise(data && data.read);
    } catch (error) {
      return {};
    }
  }

  function sanitise(read) {
    var clean = {};
    if (Array.isArray(read)) {
      read.forEach(function (item) {
        var id = typeof item === "string" ? item : item && item.id;
        var date = item && typeof item.read_on === "string" ? item.read_on.slice(0, 10) : "";
        if (typeof id === "string" && ID.test(id)) clean[id] = date;
      });
    } else if (read && typeof read === "object") {
      Object.keys(read).forEach(function (id) {
        if (ID.test(id)) clean[id] = typeof read[id] === "string" ? read[id].slice(0, 10) : "";
      });
    }
    return clean;
  }

  function save(read) {
    memory = read;
    cached = read;
    try {
      window.localStorage.setItem(storageKey(), JSON.stringify({ version: 1, read: read }));
    } catch (error) { /* kept for this page only */ }
    listeners.forEach(function (listener) { listener(); });
  }

  function today() { return new Date().toISOString().slice(0, 10); }

  var scripts = {};
  var reading = {
    isRead: function (id) { return Object.prototype.hasOwnProperty.call(load(), id); },
    setRead: function (id, value) {
      if (!ID.test(id)) return;
      var read = Object.assign({}, load());
      if (value) { read[id] = read[id] || today(); } else { delete read[id]; }
      save(read);
    },
    ids: function () { return Object.keys(load()).sort(); },
    onChange: function (listener) { listeners.push(listener); },
    /* Merge a JSON export (or a plain list of ids) into this browser's list; returns the count. */
    importText: function (text) {
      var data = JSON.parse(text);
      var incoming = sanitise(Array.isArray(data) ? data : data && data.read);
      var read = Object.assign({}, load());
      var added = 0;
      Object.keys(incoming).forEach(function (id) {
        if (!Object.prototype.hasOwnProperty.call(read, id)) added += 1;
        read[id] = read[id] || incoming[id] || today();
      });
      save(read);
      return { total: Object.keys(incoming).length, added: added };
    },
    exportJSON: function () {
      var read = load();
      var papers = window.curatePapers || {};
      return JSON.stringify({
        version: 1,
        read: Object.keys(read).sort().map(function (id) {
          var entry = { id: id, read_on: read[id] };
          if (papers[id]) entry.title = papers[id].title;
          return entry;
        })
      }, null, 2) + "\n";
    },
    bibtex: function (ids) {
      var papers = window.curatePapers || {};
      return ids.filter(function (id) { return papers[id]; })
        .map(function (id) { return papers[id].bibtex; }).join("\n\n") + "\n";
    },
    /* Run `done` once the script at `src` has run: a <script src> rather than fetch, which
       file:// pages may not use. Each script is loaded once per page. */
    loadScript: function (src, done) {
      var waiting = scripts[src];
      if (waiting === true) { done(); return; }
      if (waiting) { waiting.push(done); return; }
      scripts[src] = [done];
      var script = document.createElement("script");
      script.src = src;
      script.onload = function () {
        var callbacks = scripts[src];
        scripts[src] = true;
        callbacks.forEach(function (callback) { callback(); });
      };
      script.onerror = function () { delete scripts[src]; };
      document.head.appendChild(script);
    },
    /* Run `done` once every paper's title and BibTeX (window.curatePapers) is loaded from the
       data script named by the page's `data-curate-papers-data` attribute. */
    withPapers: function (done) {
      var holder = document.querySelector("[data-curate-papers-data]");
      if (window.curatePapers || !holder) { done(); return; }
      reading.loadScript(holder.getAttribute("data-curate-papers-data"), done);
    },
    /* Give the rows added under `root` after the page loaded their "read by me" box. */
    addCheckboxes: function (root) {
      root.querySelectorAll(".curate-mine[data-paper]").forEach(addCheckbox);
    },
    download: function (name, type, text) {
      var url = URL.createObjectURL(new Blob([text], { type: type }));
      var link = document.createElement("a");
      link.href = url;
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    }
  };
  window.curateReading = reading;

  window.addEventListener("storage", function (event) {
    if (event.key !== storageKey()) return;
    cached = null;
    listeners.forEach(function (listener) { listener(); });
  });

  var made = 0;
  function addCheckbox(holder) {
    if (holder.querySelector("input")) return;
    var id = holder.getAttribute("data-paper");
    var input = document.createElement("input");
    input.type = "checkbox";
    input.className = "curate-mine__box";
    input.id = "curate-mine-" + (made += 1);
    input.setAttribute("data-paper", id);
    var visible = holder.getAttribute("data-label");
    if (visible) {
      var label = document.createElement("label");
      label.htmlFor = input.id;
      label.textContent = visible;
      holder.appendChild(input);
      holder.appendChild(label);
    } else {
      var title = holder.parentElement && holder.parentElement.querySelector("a");
      input.setAttribute("aria-label", "I have read " + (title ? title.textContent.trim() : id));
      input.title = "Read by me";
      holder.appendChild(input);
    }
    input.checked = reading.isRead(id);
    input.addEventListener("change", function () { reading.setRead(id, input.checked); });
  }

  function refresh() {
    document.querySelectorAll("input.curate-mine__box").forEach(function (input) {
      input.checked = reading.isRead(input.getAttribute("data-paper"));
    });
    document.querySelectorAll(".curate-reading").forEach(updatePanel);
  }

  function pageIds() {
    var ids = {};
    document.querySelectorAll(".curate-mine[data-paper]").forEach(function (holder) {
      ids[holder.getAttribute("data-paper")] = true;
    });
    return Object.keys(ids);
  }

  function updatePanel(panel) {
    var ids = pageIds();
    var mine = ids.filter(reading.isRead).length;
    var count = panel.querySelector("[data-curate-mine-count]");
    if (count) count.textContent = String(mine);
    var bar = panel.querySelector('[role="progressbar"]');
    if (bar) {
      bar.setAttribute("aria-valuenow", String(mine));
      bar.setAttribute("aria-valuemax", String(ids.length));
      bar.firstElementChild.style.width = (ids.length ? Math.round(100 * mine / ids.length) : 0) + "%";
    }
    var hide = panel.querySelector("[data-curate-hide-read]");
    document.querySelectorAll(".curate-mine[data-paper]").forEach(function (holder) {
      var item = holder.closest("li");
      if (item) item.classList.toggle("curate-hidden-read",
        Boolean(hide && hide.checked) && reading.isRead(holder.getAttribute("data-paper")));
    });
  }

  function setUpPanel(panel) {
    if (panel.getAttribute("data-curate-ready")) return;
    panel.setAttribute("data-curate-ready", "true");
    panel.hidden = false;
    var message = panel.querySelector("[data-curate-message]");
    var hide = panel.querySelector("[data-curate-hide-read]");
    if (hide) hide.addEventListener("change", function () { updatePanel(panel); });
    panel.querySelectorAll("[data-curate-export]").forEach(function (button) {
      button.addEventListener("click", function () {
        reading.withPapers(function () {
          if (button.getAttribute("data-curate-export") === "json") {
            reading.download("my-reading.json", "application/json", reading.exportJSON());
          } else {
            reading.download("my-reading.bib", "application/x-bibtex", reading.bibtex(reading.ids()));
          }
        });
      });
    });
    var file = panel.querySelector("[data-curate-import]");
    if (file) file.addEventListener("change", function () {
      if (!file.files || !file.files[0]) return;
      file.files[0].text().then(function (text) {
        var result = reading.importText(text);
        message.textContent = "Imported " + result.total + " papers (" + result.added + " new).";
      }).catch(function () {
        message.textContent = "That file is not a reading list exported from this site.";
      }).then(function () { file.value = ""; });
    });
  }

  function init() {
    document.querySelectorAll(".curate-mine[data-paper]").forEach(addCheckbox);
    document.querySelectorAll(".curate-reading").forEach(setUpPanel);
    refresh();
  }

  reading.onChange(refresh);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
