/* Material's bundle downloads two site-wide files as soon as any page loads, before the reader
   asks for anything; on a list of 10,000 papers they are most of a first visit:
   - search/search_index.json, for the search box;
   - sitemap.xml, fetched for every <link rel="alternate"> of the page (ours announces the
     Atom feed) to translate links between language versions of a site, used on a click.
   This script, loaded in <head> before the bundle, holds those requests back and sends them
   unchanged when they are needed: the index when the search box gets focus (click, tap or the
   '/', 's', 'f' keys) or the page is opened from a search result (`?h=` asks for highlighted
   words), the sitemap at the reader's first click. Opened from disk (file://) the theme loads
   the index as a script instead, which this leaves alone. */
(function () {
  "use strict";

  var HELD = [
    { path: /\/search\/search_index\.json$/, released: /[?&]h=/.test(location.search), queue: [] },
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

  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target instanceof Element && target.matches("[data-md-component=search-query]")) {
      release(SEARCH_INDEX);
    }
  });
  document.addEventListener("click", function () { release(SITEMAP); }, true);
})();
