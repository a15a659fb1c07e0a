// Parallax: shared helper for the page scripts (parallax-claims.js, parallax-synopsis.js).
// Loaded first (see extra_javascript in mkdocs.yml). Every page reads fully without scripts.
(function () {
  "use strict";
  // Run `fn` once the page is ready, and again on every page Material's instant navigation
  // swaps in without a full load.
  function ready(fn) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(fn);
    } else if (document.readyState !== "loading") {
      fn();
    } else {
      document.addEventListener("DOMContentLoaded", fn);
    }
  }
  window.parallax = { ready: ready };
})();
