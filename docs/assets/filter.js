/* Role Atlas: filter the tables of an index page by typing, without leaving the page.
 *
 * Every element with class "atlas-filter" gets one labelled search box above its tables. Typing
 * hides the table rows that do not contain every typed word (case and accents ignored), hides a
 * section (its heading and table) whose rows are all hidden, and says how many rows are shown in
 * a polite live region. Text is only ever set with textContent, never parsed as HTML.
 *
 * The wrapper may carry data-filter-label ("Filter skills") and data-filter-noun ("skills").
 */
(function () {
  "use strict";

  var made = 0;

  function fold(text) {
    return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  /* The box's children grouped into sections, each opened by a heading; children before the
   * first heading form a section without one. Computed on every run: the theme may wrap tables
   * in scroll containers after this script has run. */
  function sections(box, bar) {
    var found = [], current = { heading: null, parts: [] };
    Array.prototype.forEach.call(box.children, function (child) {
      if (child === bar) return;
      if (/^H[1-6]$/.test(child.tagName)) {
        if (current.heading || current.parts.length) found.push(current);
        current = { heading: child, parts: [] };
      } else {
        current.parts.push(child);
      }
    });
    if (current.heading || current.parts.length) found.push(current);
    return found;
  }

  function rowsOf(node) {
    if (node.tagName === "TABLE") return Array.prototype.slice.call(node.tBodies[0] ? node.tBodies[0].rows : []);
    var rows = [];
    node.querySelectorAll("table").forEach(function (table) {
      if (table.tBodies[0]) rows = rows.concat(Array.prototype.slice.call(table.tBodies[0].rows));
    });
    return rows;
  }

  function setup(box) {
    if (box.querySelector(".atlas-filter__bar") || !box.querySelector("table")) return;
    var noun = box.getAttribute("data-filter-noun") || "rows";
    var id = "atlas-filter-" + (++made);
    var bar = el("div", null, { class: "atlas-filter__bar" });
    var label = el("label", box.getAttribute("data-filter-label") || "Filter this list", { for: id });
    var input = el("input", null, {
      id: id, type: "search", class: "atlas-filter__input", autocomplete: "off", spellcheck: "false",
      placeholder: "Type to filter",
      "aria-describedby": id + "-status"
    });
    var status = el("p", null, { id: id + "-status", class: "atlas-filter__status", role: "status", "aria-live": "polite" });
    bar.append(label, input, status);
    box.insertBefore(bar, box.firstChild);

    var lastStatus = null;
    function apply() {
      var words = fold(input.value).split(" ").filter(Boolean);
      var shown = 0, total = 0;
      sections(box, bar).forEach(function (section) {
        var visible = 0, rows = 0;
        section.parts.forEach(function (part) {
          rowsOf(part).forEach(function (row) {
            if (row.atlasText === undefined) row.atlasText = fold(row.textContent);
            var match = words.every(function (w) { return row.atlasText.indexOf(w) >= 0; });
            row.hidden = !match;
            rows += 1;
            if (match) visible += 1;
          });
        });
        total += rows;
        shown += visible;
        if (rows) {
          var hide = visible === 0;
          if (section.heading) section.heading.hidden = hide;
          section.parts.forEach(function (part) { part.hidden = hide; });
        }
      });
      var text = shown + " of " + total + " " + noun + " shown";
      if (!shown && words.length) text += ": nothing matches \u201c" + input.value.trim() + "\u201d";
      if (text !== lastStatus) {
        status.textContent = text;
        lastStatus = text;
      }
    }

    input.addEventListener("input", apply);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && input.value) {
        input.value = "";
        apply();
        event.stopPropagation();
      }
    });
    apply();
  }

  function init() {
    document.querySelectorAll(".atlas-filter").forEach(setup);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init); // Material's instant navigation: run on every page view
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
