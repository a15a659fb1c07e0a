// Parallax: shared helper for the page scripts (parallax-claims.js, parallax-synopsis.js), and
// two accessibility fixes every page gets. Loaded first (see extra_javascript in mkdocs.yml).
// Every page reads fully without scripts.
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

  // A table box that scrolls sideways must be reachable by keyboard (WCAG 2.1.1): it becomes
  // a named, focusable region, only while it is wider than the screen, so a desktop reader
  // gets no extra tab stops. Material's own wrapper of hand-written tables gets the same.
  var BOXES = ".md-content .px-scroll, .md-content .md-typeset__scrollwrap";

  function boxName(box) {
    var caption = box.querySelector("caption");
    if (caption && caption.textContent.trim()) {
      return caption.textContent.trim() + " (table, scrolls sideways)";
    }
    var node = box;
    while (node && node !== document.body) {
      var before = node.previousElementSibling;
      while (before && !/^H[1-6]$/.test(before.tagName)) {
        before = before.previousElementSibling;
      }
      if (before) {
        var heading = before.cloneNode(true);
        heading.querySelectorAll(".headerlink").forEach(function (a) { a.remove(); });
        return heading.textContent.trim() + " (table, scrolls sideways)";
      }
      node = node.parentElement;
    }
    return "Table (scrolls sideways)";
  }

  function scrollBoxes() {
    document.querySelectorAll(BOXES).forEach(function (box) {
      var wide = box.scrollWidth > box.clientWidth + 1;
      // The pinned first column must not hide what takes focus beside it (WCAG 2.4.11):
      // scrolling into view stops short of it.
      var pinned = box.querySelector("tr > :first-child");
      box.style.scrollPaddingLeft = wide && pinned &&
        getComputedStyle(pinned).position === "sticky" ?
        Math.ceil(pinned.getBoundingClientRect().width) + "px" : "";
      if (wide && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", boxName(box));
        box.setAttribute("data-px-scroll", "1");
      } else if (!wide && box.hasAttribute("data-px-scroll")) {
        ["tabindex", "role", "aria-label", "data-px-scroll"].forEach(function (name) {
          box.removeAttribute(name);
        });
      }
    });
  }

  // Material's search is a dialog without a name (a theme-level gap): name it after its input.
  function nameSearch() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var input = document.querySelector(".md-search__input");
    if (dialog && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || "Search");
    }
  }

  var pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(scrollBoxes, 150);
  });
  ready(scrollBoxes);
  ready(nameSearch);
  window.parallax = { ready: ready };
})();
