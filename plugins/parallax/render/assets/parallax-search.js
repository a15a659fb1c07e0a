// Parallax: a search result that opens an article lands on the sentence that matched.
// Material's search sends the reader to the page (or its "Text" section) with the query in
// `?h=`; this finds the first sentence holding the most words of the query, makes it the
// page's target (its anchor goes into the address, so it is outlined and can be shared) and
// scrolls to it. Without the script the reader lands on the page with the words highlighted.
(function () {
  "use strict";
  function words(query) {
    return query.toLowerCase().split(/[\s\-]+/).filter(function (word) {
      return word.length > 1;
    }).map(function (word) {
      return word.length > 3 ? word.replace(/s$/, "") : word; // "mills" finds "mill"
    });
  }

  window.parallax.ready(function () {
    var query = new URLSearchParams(window.location.search).get("h");
    var sentences = document.querySelectorAll(".px-article .px-s[id]");
    if (!query || !sentences.length || /^#s\d+$/.test(window.location.hash)) {
      return;
    }
    var wanted = words(query);
    var best = null;
    var bestCount = 0;
    sentences.forEach(function (sentence) {
      var text = sentence.textContent.toLowerCase();
      var count = wanted.filter(function (word) {
        return text.indexOf(word) >= 0;
      }).length;
      if (count > bestCount) {
        best = sentence;
        bestCount = count;
      }
    });
    if (best) {
      // Same page, another fragment: no reload, no extra history entry, and :target applies.
      window.location.replace(window.location.pathname + window.location.search + "#" + best.id);
    }
  });
})();
