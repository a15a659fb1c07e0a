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

  function apply(box, stance) {
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
    box.querySelector(".px-filter-status").textContent =
      "Showing " + shown + " of " + rows.length + " claims.";
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
      input.addEventListener("change", function () { apply(box, input.value); });
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + choice[1]));
      form.appendChild(label);
    });
    var status = document.createElement("p");
    status.className = "px-filter-status";
    status.setAttribute("aria-live", "polite");
    box.appendChild(form);
    box.appendChild(status);
    apply(box, "all");
  }

  window.parallax.ready(setup);
})();
