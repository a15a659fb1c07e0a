// Parallax synopsis: tick or untick outlets to show or hide their columns.
// The page reads fully without this script: every column shows and the picker stays hidden.
(function () {
  "use strict";
  function apply(table, pick) {
    var shown = {};
    pick.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      shown[box.value] = box.checked;
    });
    table.querySelectorAll("[data-col]").forEach(function (cell) {
      cell.hidden = shown[cell.getAttribute("data-col")] === false;
    });
    // A row whose every shown outlet lacks the passage would be empty: hide it too.
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var present = row.querySelectorAll("td[data-col]:not([hidden]):not(.px-syn-absent)");
      row.hidden = present.length === 0;
    });
  }

  window.parallax.ready(function () {
    document.querySelectorAll("[data-px-synopsis-pick]").forEach(function (pick) {
      var table = document.querySelector("table[data-px-synopsis]");
      if (!table || pick.getAttribute("data-px-wired")) {
        return;
      }
      pick.setAttribute("data-px-wired", "1");
      pick.hidden = false;
      pick.addEventListener("change", function () {
        apply(table, pick);
      });
      apply(table, pick);
    });
  });
})();
