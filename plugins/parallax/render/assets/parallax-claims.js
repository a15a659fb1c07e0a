// Claim matrix: filter rows by stance. The page reads fully without this script; it only adds
// the filter controls and hides rows that have no cell of the chosen stance.
(function () {
  "use strict";
  var CHOICES = [
    ["all", "all claims"],
    ["asserts", "✔ asserted by an outlet"],
    ["reports", "❝ reported (attributed)"],
    ["disputes", "✘ disputed"],
    ["omits", "∅ omitted by an outlet"],
    ["uncertain", "? uncertain"]
  ];

  // After each table, a note that shows when the filter leaves the table empty: a reader
  // should never face a header row and nothing else.
  function emptyNote(table) {
    var scroll = table.closest(".px-scroll") || table;
    var note = scroll.nextElementSibling;
    if (!note || !note.classList.contains("px-filter-empty")) {
      note = document.createElement("p");
      note.className = "px-filter-empty";
      note.hidden = true;
      scroll.parentNode.insertBefore(note, scroll.nextSibling);
    }
    return note;
  }

  function apply(box, stance, label) {
    var rows = document.querySelectorAll("tr.px-claim-row");
    var shown = 0;
    rows.forEach(function (row) {
      var stances = (row.getAttribute("data-stances") || "").split(" ");
      var keep = stance === "all" || stances.indexOf(stance) !== -1;
      row.hidden = !keep;
      if (keep) { shown += 1; }
      row.querySelectorAll("td.px-cell").forEach(function (cell) {
        cell.classList.toggle("px-match", stance !== "all" && cell.dataset.stance === stance);
      });
    });
    document.querySelectorAll("table.px-matrix").forEach(function (table) {
      var visible = table.querySelectorAll("tr.px-claim-row:not([hidden])").length;
      var note = emptyNote(table);
      note.hidden = visible > 0;
      note.textContent = visible > 0 ? "" :
        "No claim in this table matches “" + label + "”. Choose “all claims” to see every row.";
    });
    box.querySelector(".px-filter-status").textContent = shown > 0 ?
      "Showing " + shown + " of " + rows.length + " claims." :
      "No claim matches “" + label + "”: showing 0 of " + rows.length + " claims.";
  }

  function setup() {
    var box = document.querySelector(".px-claim-filter");
    if (!box || box.dataset.ready) { return; }
    box.dataset.ready = "1";
    var form = document.createElement("fieldset");
    var legend = document.createElement("legend");
    legend.textContent = "Show claims";
    form.appendChild(legend);
    CHOICES.forEach(function (choice, index) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "radio";
      input.name = "px-stance-filter";
      input.value = choice[0];
      input.checked = index === 0;
      input.addEventListener("change", function () { apply(box, input.value, choice[1]); });
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + choice[1]));
      form.appendChild(label);
    });
    var status = document.createElement("p");
    status.className = "px-filter-status";
    status.setAttribute("aria-live", "polite");
    box.appendChild(form);
    box.appendChild(status);
    apply(box, "all", CHOICES[0][1]);
  }

  window.parallax.ready(setup);
})();
