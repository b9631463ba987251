/* Role Atlas: sort the table of an element with class "atlas-sort" by any column.
 *
 * Each column heading becomes a button (click again to reverse), and a "Sort by" menu above the
 * table does the same where the headings are hidden (on a phone the table is stacked). Money and
 * counts sort as numbers ("$213,990", "≥ $239,200" as its limit, "not released" always last),
 * other columns as text. Rows are only moved, never rebuilt, so the filter (filter.js) keeps
 * working; text is only ever set with textContent.
 */
(function () {
  "use strict";

  function value(cell) {
    var text = (cell && cell.textContent || "").trim();
    var digits = text.replace(/[^0-9.]/g, "");
    if (/\d/.test(text) && /^[≥$\d.,\s]+$/.test(text)) return { num: parseFloat(digits), text: text };
    return { num: null, text: text.toLowerCase() };
  }

  function isNumeric(table, column) {
    return Array.prototype.some.call(table.tBodies[0].rows, function (r) { return value(r.cells[column]).num !== null; });
  }

  function sortBy(table, column, descending) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var numeric = isNumeric(table, column);
    rows.sort(function (a, b) {
      var x = value(a.cells[column]), y = value(b.cells[column]);
      if (numeric) {
        if (x.num === null || y.num === null) return (x.num === null) - (y.num === null);
        return descending ? y.num - x.num : x.num - y.num;
      }
      return descending ? y.text.localeCompare(x.text) : x.text.localeCompare(y.text);
    });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      if (i === column) th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });
  }

  function setup(box) {
    var table = box.querySelector("table");
    if (!table || !table.tHead || box.querySelector(".atlas-sort__bar")) return;
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var original = Array.prototype.slice.call(table.tBodies[0].rows);
    var bar = document.createElement("div");
    bar.className = "atlas-sort__bar";
    var id = "atlas-sort-" + Math.random().toString(36).slice(2, 8);
    var label = document.createElement("label");
    label.setAttribute("for", id);
    label.textContent = "Sort by";
    var select = document.createElement("select");
    select.id = id;
    var none = document.createElement("option");
    none.value = "";
    none.textContent = "states first, then areas A to Z";
    select.appendChild(none);
    heads.forEach(function (th, i) {
      var name = th.textContent.trim();
      [false, true].forEach(function (down) {
        var numeric = isNumeric(table, i);
        var option = document.createElement("option");
        option.value = i + (down ? ":desc" : ":asc");
        option.textContent = name + (numeric ? (down ? ", highest first" : ", lowest first") : (down ? ", Z to A" : ", A to Z"));
        select.appendChild(option);
      });
      var button = document.createElement("button");
      button.type = "button";
      button.className = "atlas-sort__button";
      button.textContent = name;
      button.addEventListener("click", function () {
        var down = th.getAttribute("aria-sort") === "ascending" ? true
          : th.getAttribute("aria-sort") === "descending" ? false : isNumeric(table, i);
        sortBy(table, i, down);
        select.value = i + (down ? ":desc" : ":asc");
      });
      th.textContent = "";
      th.appendChild(button);
    });
    select.addEventListener("change", function () {
      if (!select.value) {
        original.forEach(function (r) { table.tBodies[0].appendChild(r); });
        heads.forEach(function (th) { th.removeAttribute("aria-sort"); });
        return;
      }
      var parts = select.value.split(":");
      sortBy(table, parseInt(parts[0], 10), parts[1] === "desc");
    });
    bar.appendChild(label);
    bar.appendChild(select);
    var anchor = table.closest(".md-typeset__scrollwrap") || table;
    anchor.parentNode.insertBefore(bar, anchor);
  }

  function run() { document.querySelectorAll(".atlas-sort").forEach(setup); }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(run);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
