// Parallax: the search page of a site searched by Pagefind. Loads Pagefind's search UI from the
// index's folder (data-px-pagefind) and shows it in the page; `?q=` fills in a query. Result
// links carry the query in `?h=`, as Material's do, so parallax-search.js lands on the
// sentence that matched.
(function () {
  "use strict";
  window.parallax.ready(function () {
    var box = document.querySelector(".px-pagefind[data-px-pagefind]");
    if (!box || box.getAttribute("data-px-ready")) {
      return;
    }
    box.setAttribute("data-px-ready", "1");
    var bundle = box.getAttribute("data-px-pagefind");
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = bundle + "pagefind-ui.css";
    document.head.appendChild(style);
    var script = document.createElement("script");
    script.src = bundle + "pagefind-ui.js";
    script.onload = function () {
      var ui = new window.PagefindUI({
        element: box,
        bundlePath: bundle,
        // Result URLs start from the site's root, which is not "/" on a project site
        // (GitHub Pages: /<repository>/): the root is the folder above the index's.
        baseUrl: new URL(bundle + "../", window.location.href).pathname,
        showSubResults: true,
        showImages: false,
        highlightParam: "h",
        resetStyles: false,
        autofocus: true,
        translations: {placeholder: "Search the stories"}
      });
      // Pagefind names its input by a title only, which a screen reader may not announce.
      var input = box.querySelector("input");
      if (input) {
        input.setAttribute("aria-label", "Search the stories");
      }
      var query = new URLSearchParams(window.location.search).get("q");
      if (query) {
        ui.triggerSearch(query);
      }
    };
    document.head.appendChild(script);
  });
})();
