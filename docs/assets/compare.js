/* Role Atlas: compare any two roles side by side from the published data (/api/*.json).
 *
 * The page's address holds the choice (?a=<role id>&b=<role id>), so a pasted link opens the same
 * comparison. Text from the data is only ever set with textContent, never parsed as HTML. Nothing
 * is formatted here: addresses, experience, pay and the order of skills come worded from the
 * export (`url`, `display`), as the site's pages word them.
 */
(function () {
  "use strict";

  var cache = {};

  function getJSON(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": HTTP " + r.status);
        return r.json();
      });
    }
    return cache[url];
  }

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function link(text, href) {
    return el("a", text, { href: href });
  }

  function list(items) {
    if (!items.length) return el("span", "not stated", { class: "atlas-muted" });
    var ul = el("ul");
    items.forEach(function (item) {
      var li = el("li");
      li.append(item);
      ul.append(li);
    });
    return ul;
  }

  function stated(text) {
    return text ? text : el("span", "not stated", { class: "atlas-muted" });
  }

  function render(box, roles, skills, a, b) {
    var root = new URL("../", new URL(box.dataset.api, location.href)).href;
    var roleUrl = function (r, anchor) { return root + r.url + (anchor ? "#" + anchor : ""); };
    var skillLink = function (id) { return link(skills[id].name, root + skills[id].url); };
    var sa = a.display.skills, sb = b.display.skills;
    var shared = sa.filter(function (s) { return sb.indexOf(s) >= 0; });
    var areas = function (r) {
      return list(r.responsibilities.map(function (area) { return link(area.title, roleUrl(r, area.id)); }));
    };
    var quals = function (r, kind) {
      return list(r.qualifications[kind].map(function (q) { return link(q.title, roleUrl(r, q.id)); }));
    };
    var rows = [
      ["Focus", a.focus.text, b.focus.text],
      ["Level", a.display.level, b.display.level],
      ["Coverage", a.coverage, b.coverage], // explained in the note under the table
      ["Typical experience", stated(a.display.experience), stated(b.display.experience)],
      ["Education", stated(a.display.education), stated(b.display.education)],
      ["Responsibility areas", areas(a), areas(b)],
      ["Required qualifications", quals(a, "required"), quals(b, "required")],
      ["Preferred qualifications", quals(a, "preferred"), quals(b, "preferred")],
      ["Skills only this role names", list(sa.filter(function (s) { return shared.indexOf(s) < 0; }).map(skillLink)),
        list(sb.filter(function (s) { return shared.indexOf(s) < 0; }).map(skillLink))],
      ["Salary", list(a.display.pay), list(b.display.pay)]
    ];
    var table = el("table");
    var head = el("tr");
    head.append(el("th", "", { scope: "col" }));
    [a, b].forEach(function (r) {
      var th = el("th", null, { scope: "col" });
      th.append(link(r.title, roleUrl(r)));
      head.append(th);
    });
    var thead = el("thead");
    thead.append(head);
    table.append(thead);
    var body = el("tbody");
    rows.forEach(function (row) {
      var tr = el("tr");
      tr.append(el("th", row[0], { scope: "row" }));
      [row[1], row[2]].forEach(function (cell) {
        var td = el("td");
        td.append(cell);
        tr.append(td);
      });
      body.append(tr);
    });
    table.append(body);
    var sharedBlock = el("p");
    sharedBlock.append(el("strong", "Skills both need (" + shared.length + "): "));
    shared.forEach(function (id, i) {
      if (i) sharedBlock.append(", ");
      sharedBlock.append(skillLink(id));
    });
    if (!shared.length) sharedBlock.append("none");
    var wrap = el("div", null, { class: "md-typeset__scrollwrap" });
    var inner = el("div", null, { class: "md-typeset__table" });
    inner.append(table);
    wrap.append(inner);
    var coverage = el("p", "Coverage: \u201cfull\u201d means the sources describe the role; \u201climited\u201d " +
      "means they only mention it, so its page holds little more than that.", { class: "atlas-muted atlas-compare__note" });
    box.querySelector(".atlas-compare__result").replaceChildren(
      el("h2", a.title + " and " + b.title, { id: "result" }), sharedBlock, wrap, coverage);
    // Screen readers hear a short summary, not the whole table.
    box.querySelector(".atlas-compare__status").textContent =
      "Showing " + a.title + " and " + b.title + ": " + shared.length + " skills in common.";
  }

  function setup(box) {
    var form = box.querySelector("form");
    var pickA = box.querySelector("#compare-a"), pickB = box.querySelector("#compare-b");
    var params = new URLSearchParams(location.search);
    var valid = function (id) { return !!pickA.querySelector('option[value="' + CSS.escape(id || "") + '"]'); };
    if (valid(params.get("a"))) pickA.value = params.get("a");
    if (valid(params.get("b"))) pickB.value = params.get("b");
    var show = function () {
      Promise.all([getJSON(box.dataset.api), getJSON(box.dataset.skills)])
        .then(function (data) {
          var byId = function (items) {
            var map = {};
            items.forEach(function (x) { map[x.id] = x; });
            return map;
          };
          var roles = byId(data[0].roles), skills = byId(data[1].skills);
          render(box, roles, skills, roles[pickA.value], roles[pickB.value]);
        })
        .catch(function (err) {
          box.querySelector(".atlas-compare__result").replaceChildren(
            el("p", "The role data could not be loaded (" + err.message + ").", { class: "atlas-error" }));
        });
    };
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var url = new URL(location.href);
      url.searchParams.set("a", pickA.value);
      url.searchParams.set("b", pickB.value);
      history.replaceState(history.state, "", url);
      show();
    });
    // A closed select changes its value on every arrow key press, and fires "change" each time.
    // A choice made with the keys is applied once it is confirmed (Enter) or left (blur); one
    // made with the pointer or a phone's picker is applied at once.
    [pickA, pickB].forEach(function (pick) {
      var keyed = false, pending = false;
      var apply = function () { if (pending) { pending = false; form.requestSubmit(); } };
      pick.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); pending = true; apply(); return; }
        if (/^(Arrow|Page|Home$|End$)/.test(event.key) || event.key.length === 1) keyed = true;
      });
      pick.addEventListener("pointerdown", function () { keyed = false; });
      pick.addEventListener("change", function () {
        pending = true;
        if (!keyed) apply();
      });
      pick.addEventListener("blur", function () { keyed = false; apply(); });
    });
    show();
  }

  function init() {
    document.querySelectorAll(".atlas-compare").forEach(setup);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init); // Material's instant navigation: run on every page view
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
