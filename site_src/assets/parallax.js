// Parallax: small enhancements over static HTML. Every page reads fully without this script.
(function () {
  "use strict";
  // Material's instant navigation may swap pages without a full load; run on each page.
  function ready(fn) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(fn);
    } else if (document.readyState !== "loading") {
      fn();
    } else {
      document.addEventListener("DOMContentLoaded", fn);
    }
  }
  ready(function () {});
})();
