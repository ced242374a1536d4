/* Material's search downloads search/search_index.json as soon as any page loads, before
   anyone searches: on a list of 10,000 papers that index is most of a first visit. This
   script, loaded in <head> before Material's bundle, holds that one request back until the
   reader focuses the search box (click, tap or the '/', 's', 'f' keys) or arrives from a
   search result (`?h=` asks for highlighted words), and then sends it unchanged. Opened from
   disk (file://) the theme loads the index as a script instead, which this leaves alone. */
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json$/;
  var held = [];
  var released = /[?&]h=/.test(location.search);
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.curateSearchIndex = INDEX.test(new URL(String(url), location.href).pathname);
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    if (this.curateSearchIndex && !released) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function release() {
    if (released) return;
    released = true;
    held.splice(0).forEach(function (request) { send.apply(request[0], request[1]); });
  }

  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target instanceof Element && target.matches("[data-md-component=search-query]")) release();
  });
})();
