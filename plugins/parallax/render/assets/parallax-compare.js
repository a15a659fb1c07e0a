// Parallax: "compare any two" on a story page. Each article has comparison pages with its
// nearest outlets only (render/pair_choice.py); this draws any other pair in the page, from
// the story's export, fetched once and only when a reader asks for a pair. It builds every
// element with textContent, never innerHTML: article text is untrusted.
(function () {
  "use strict";
  var LABELS = {
    equal: "same", replace: "changed", delete: "only in A", insert: "only in B", move: "moved"
  };
  var SWAP = { insert: "delete", delete: "insert" };
  var OWN_WORDS = { "independent": true, "shares quotes only": true };
  var loaded = {};

  function load(url) {
    if (!loaded[url]) {
      loaded[url] = fetch(url).then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      });
    }
    return loaded[url];
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  // The stored pair turned to the reader's order: A is the first article chosen.
  function oriented(pair, swap) {
    if (!swap) {
      return pair.rows;
    }
    return pair.rows.map(function (row) {
      var diff = row.diff && {
        rewritten: row.diff.rewritten,
        segments: row.diff.segments.map(function (s) {
          return { op: SWAP[s.op] || s.op, a: s.b, b: s.a };
        })
      };
      return { op: SWAP[row.op] || row.op, a: row.b, b: row.a, counterpart: row.counterpart,
               similarity: row.similarity, diff: diff };
    });
  }

  function side(row, letter, texts, article, marks) {
    var cell = el("td", "px-side px-" + letter.toLowerCase());
    var ids = row[letter.toLowerCase()];
    ids.forEach(function (id) {
      var anchor = el("a", "px-evidence", id);
      anchor.href = article + "/#" + id;
      cell.appendChild(anchor);
      cell.appendChild(document.createTextNode(" "));
    });
    if (!ids.length && row.op === "move" && row.counterpart) {
      cell.appendChild(el("span", "px-none", "moved: appears in " + letter + " as " +
                          row.counterpart.join(", ")));
      return cell;
    }
    if (!ids.length) {
      cell.appendChild(el("span", "px-none", "—"));
      return cell;
    }
    var mine = letter === "A" ? "a" : "b";
    if (marks && row.diff && !row.diff.rewritten) {
      row.diff.segments.forEach(function (s) {
        if (s.op === "equal") {
          cell.appendChild(document.createTextNode(s[mine] + " "));
        } else if (s[mine]) {
          cell.appendChild(el(mine === "a" ? "del" : "ins", "", s[mine]));
          cell.appendChild(document.createTextNode(" "));
        }
      });
    } else {
      cell.appendChild(document.createTextNode(ids.map(function (id) {
        return texts[id];
      }).join(" ")));
    }
    return cell;
  }

  function table(data, first, second, labels) {
    var articles = {};
    data.articles.forEach(function (a) {
      var texts = {};
      a.sentences.forEach(function (s) {
        texts[s.id] = s.text;
      });
      articles[a.id] = texts;
    });
    var pair = null;
    var swap = false;
    data.pairs.forEach(function (p) {
      if (p.a === first && p.b === second) {
        pair = p;
      } else if (p.a === second && p.b === first) {
        pair = p;
        swap = true;
      }
    });
    if (!pair) {
      return null;
    }
    var marks = true;
    (data.reuse || []).forEach(function (r) {
      if ((r.a === pair.a && r.b === pair.b) && OWN_WORDS[r.label]) {
        marks = false; // independent accounts: neither is shown as an edit of the other
      }
    });
    var result = el("table", "px-diff");
    result.appendChild(el("caption", "", labels[first] + " (A) and " + labels[second] +
                          " (B): similarity " + pair.similarity.toFixed(2)));
    var head = el("tr");
    var change = el("th", "px-op", "Change");
    change.scope = "col";
    head.appendChild(change);
    ["A: " + labels[first], "B: " + labels[second]].forEach(function (text) {
      var th = el("th", "", text);
      th.scope = "col";
      head.appendChild(th);
    });
    result.appendChild(el("thead")).appendChild(head);
    var body = result.appendChild(el("tbody"));
    oriented(pair, swap).forEach(function (row) {
      var tr = el("tr", "px-row px-" + row.op);
      tr.appendChild(el("td", "px-op", LABELS[row.op] || row.op));
      tr.appendChild(side(row, "A", articles[first], first, marks));
      tr.appendChild(side(row, "B", articles[second], second, marks));
      body.appendChild(tr);
    });
    return { table: result, rows: pair.rows.length };
  }

  function show(form, first, second) {
    var status = form.querySelector(".px-picker-status");
    var out = form.querySelector(".px-picker-result");
    var labels = {};
    form.querySelectorAll("#px-pick-a option").forEach(function (option) {
      labels[option.value] = option.textContent;
    });
    if (first === second) {
      status.textContent = "Choose two different articles.";
      return;
    }
    status.textContent = "Loading the story's data…";
    load(form.getAttribute("data-px-export")).then(function (data) {
      var drawn = table(data, first, second, labels);
      out.textContent = "";
      if (!drawn) {
        status.textContent = "No comparison of these two in the data.";
        return;
      }
      var scroll = el("div", "px-scroll");
      scroll.appendChild(drawn.table);
      out.appendChild(scroll);
      status.textContent = labels[first] + " and " + labels[second] + ": " + drawn.rows +
        " rows. Removed words are struck through, added words underlined.";
    }).catch(function (error) {
      status.textContent = "The story's data could not be loaded (" + error.message + ").";
    });
  }

  window.parallax.ready(function () {
    document.querySelectorAll("form[data-px-picker]").forEach(function (form) {
      if (form.getAttribute("data-px-wired")) {
        return;
      }
      form.setAttribute("data-px-wired", "1");
      var a = form.querySelector("#px-pick-a");
      var b = form.querySelector("#px-pick-b");
      form.querySelector(".px-picker-status").textContent =
        "Choose two articles and press Compare.";
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        show(form, a.value, b.value);
      });
      // A link to a pair without a page (?a=…&b=…#compare-any-two) opens it at once.
      var query = new URLSearchParams(window.location.search);
      var wantA = query.get("a");
      var wantB = query.get("b");
      var known = function (select, value) {
        return Array.prototype.some.call(select.options, function (option) {
          return option.value === value;
        });
      };
      if (wantA && wantB && known(a, wantA) && known(b, wantB)) {
        a.value = wantA;
        b.value = wantB;
        show(form, wantA, wantB);
      }
    });
  });
})();
