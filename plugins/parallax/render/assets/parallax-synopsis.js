// Parallax synopsis: tick or untick outlets to show or hide their columns.
// The page reads fully without this script: every column shows and the picker stays hidden.
// A live region under the picker says how many outlets show, and what to do when none does.
(function () {
  "use strict";
  function status(pick) {
    var note = pick.querySelector(".px-synopsis-status");
    if (!note) {
      note = document.createElement("p");
      note.className = "px-synopsis-status";
      note.setAttribute("aria-live", "polite");
      pick.appendChild(note);
    }
    return note;
  }

  function apply(table, pick) {
    var shown = {};
    var ticked = 0;
    var boxes = pick.querySelectorAll("input[type=checkbox]");
    boxes.forEach(function (box) {
      shown[box.value] = box.checked;
      if (box.checked) { ticked += 1; }
    });
    table.hidden = ticked === 0;
    status(pick).textContent = ticked === 0 ?
      "No outlet is ticked, so the synopsis is empty: tick an outlet to show its text." :
      "Showing " + ticked + " of " + boxes.length + " outlets.";
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
