/* Role Atlas: load the vendored Mermaid (3.5 MB) only on pages that draw a diagram.
 *
 * Material renders diagrams with the global `mermaid` and, when there is none, fetches Mermaid
 * from a CDN. This stand-in is that global: Material calls initialize() and render() on it, and
 * the first render() loads the local copy, which then replaces the stand-in. Pages without a
 * diagram never call render(), so they never download Mermaid; nothing is fetched from outside.
 */
(function () {
  "use strict";
  var src = new URL("vendor/mermaid/mermaid.min.js", document.currentScript.src).href;
  var config = {};
  var loading = null;

  function loadMermaid() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () {
          window.mermaid.initialize(config);
          resolve(window.mermaid);
        };
        script.onerror = function () { reject(new Error("could not load " + src)); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  window.mermaid = {
    initialize: function (options) { config = options; },
    render: function (id, text) {
      return loadMermaid().then(function (mermaid) { return mermaid.render(id, text); });
    }
  };
})();
