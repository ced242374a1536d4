/* Material's bundle downloads two site-wide files as soon as any page loads, before the reader
   asks for anything; on a list of 10,000 papers they are most of a first visit:
   - search/search_index.json (search.json under Zensical), for the search box;
   - sitemap.xml, fetched for every <link rel="alternate"> of the page (ours announces the
     Atom feed) to translate links between language versions of a site, used on a click.
   This script, loaded in <head> before the bundle, holds those requests back and sends them
   unchanged when they are needed: the index when the reader reaches for search (a click, tap
   or focus on the search box or button, or the '/', 's', 'f' and Ctrl/Cmd-K shortcuts) or the
   page is opened from a search result (`?h=` asks for highlighted words), the sitemap at the
   reader's first click. Opened from disk (file://) the theme loads the index as a script
   instead, which this leaves alone. */
(function () {
  "use strict";

  var HELD = [
    { path: /\/(search\/search_index|search)\.json$/, released: /[?&]h=/.test(location.search), queue: [] },
    { path: /\/sitemap\.xml$/, released: false, queue: [] },
  ];
  var SEARCH_INDEX = HELD[0], SITEMAP = HELD[1];
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    var path = new URL(String(url), location.href).pathname;
    this.curateHeld = HELD.filter(function (held) { return held.path.test(path); })[0];
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    var held = this.curateHeld;
    if (held && !held.released) {
      held.queue.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function release(held) {
    if (held.released) return;
    held.released = true;
    held.queue.splice(0).forEach(function (request) { send.apply(request[0], request[1]); });
  }

  // Material focuses its search field; Zensical's search button opens a dialog that it draws
  // only once the index has arrived, so a press on anything of the search component counts.
  function releaseFromSearch(event) {
    var target = event.target;
    if (target instanceof Element && target.closest("[data-md-component=search]")) {
      release(SEARCH_INDEX);
    }
  }
  document.addEventListener("focusin", releaseFromSearch);
  document.addEventListener("pointerdown", releaseFromSearch, true);
  document.addEventListener("keydown", function (event) {
    var typing = event.target instanceof Element && event.target.closest("input, textarea, select");
    var shortcut = /^[/sf]$/.test(event.key) || (event.key === "k" && (event.ctrlKey || event.metaKey));
    if (shortcut && !typing) release(SEARCH_INDEX);
  }, true);
  document.addEventListener("click", function () { release(SITEMAP); }, true);
})();
