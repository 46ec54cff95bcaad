/*
 * Opened from disk (file://), browsers refuse to start a Web Worker, and Material's
 * search box would disappear. This stand-in for Worker loads recherche.js as a plain
 * script and runs the same search engine in the page (see recherche.js). Served over
 * http(s), it does nothing.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;
  var Native = window.Worker;
  window.Worker = function (url, options) {
    if (String(url).indexOf("recherche.js") < 0) return new Native(url, options);
    var target = new EventTarget();
    var queue = [];
    var send = null;
    var script = document.createElement("script");
    script.src = url;
    script.onload = function () {
      send = window.__rechercheMoteur(script.src, function (data) {
        target.dispatchEvent(new MessageEvent("message", { data: data }));
      });
      queue.splice(0).forEach(function (message) { send(message); });
    };
    document.head.appendChild(script);
    target.postMessage = function (message) {
      if (send) send(message);
      else queue.push(message);
    };
    target.terminate = function () {};
    return target;
  };
})();
