/* Role Atlas: section links that copy themselves, and tables that fit or say that they scroll.
 *
 * - Every heading's permalink (¶, always visible: atlas.css) copies the section's address when
 *   tapped or clicked, and says "Link copied" next to it (and to screen readers, in a status
 *   region). Where the clipboard is refused, the address is still put in the address bar.
 * - Every cell of a content table gets its column's name (data-label), so that tables of more
 *   than three columns, and tables of roles side by side, can be stacked on a phone (atlas.css)
 *   with each value named, and the role names stay in view.
 * - A table that is wider than its box shows a "scrolls sideways" hint above it and a shadow at
 *   the edge that has more, for as long as it is wider (checked again when the box resizes).
 */
(function () {
  "use strict";

  var STACK_FROM = 4; // columns; a table with this many or more is stacked on a phone
  var LONG_TEXT = 60; // characters: a three-column table with a cell this long is stacked too (the
                      // perspectives' claims and the skills' definitions squeezed to a word a line)
  // Tooltips follow hover and focus; on a touch screen a tap leaves both on the ¶, and its tooltip
  // covered the text below: a tap ends both (a mouse's hover is real and ends when it moves on).
  var HOVERS = window.matchMedia && window.matchMedia("(hover: hover) and (pointer: fine)").matches;

  function status() {
    var region = document.getElementById("atlas-status");
    if (!region) {
      region = document.createElement("div");
      region.id = "atlas-status";
      region.className = "atlas-visually-hidden";
      region.setAttribute("role", "status");
      document.body.append(region);
    }
    return region;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    }
    return legacyCopy(text);
  }

  function legacyCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "atlas-visually-hidden";
    document.body.append(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (err) { done = false; }
    area.remove();
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function onHeaderLink(event) {
    var link = event.target.closest && event.target.closest(".md-content .headerlink");
    if (!link || event.button > 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    event.stopPropagation(); // the section is already in view; do not let instant navigation reload it
    var url = new URL(link.getAttribute("href"), location.href).href;
    history.replaceState(history.state, "", url);
    var heading = link.parentElement;
    var name = heading.textContent.replace(/\u00b6\s*$/, "").trim();
    if (event.detail > 0) { // a tap or a click, not the keyboard: no tooltip left over the text
      link.blur();
      if (!HOVERS) link.dispatchEvent(new MouseEvent("mouseleave")); // a tap leaves a hover behind
    }
    copyText(url).then(function () { confirm(link, "Link copied", "Link to " + name + " copied"); },
      function () { confirm(link, "Link in address bar", "Link to " + name + " is in the address bar"); });
  }

  function confirm(link, shown, spoken) {
    var note = link.nextElementSibling;
    if (!note || !note.classList.contains("atlas-copied")) {
      note = document.createElement("span");
      note.className = "atlas-copied";
      note.setAttribute("aria-hidden", "true");
      link.after(note);
    }
    note.textContent = shown;
    status().textContent = spoken;
    clearTimeout(note._atlasTimer);
    note._atlasTimer = setTimeout(function () { note.remove(); }, 2500);
  }

  function labelHeaderLinks(root) {
    root.querySelectorAll(".headerlink").forEach(function (link) {
      var name = link.parentElement.textContent.replace(/\u00b6\s*$/, "").trim();
      link.setAttribute("title", "Copy link to this section");
      link.setAttribute("aria-label", "Copy link to section: " + name);
    });
  }

  function labelTable(table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) return;
    var names = Array.prototype.map.call(head.cells, function (c) { return c.textContent.trim(); });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, i) {
          if (names[i] && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", names[i]);
        });
      });
    });
    var roles = table.closest(".atlas-roles-table, .atlas-compare__result");
    var long = names.length === 3 && Array.prototype.some.call(table.querySelectorAll("tbody td"), function (cell) {
      return cell.textContent.trim().length >= LONG_TEXT;
    });
    if (names.length >= STACK_FROM || roles || long) table.setAttribute("data-stack", "");
  }

  function scroller(table) {
    var box = table.parentElement;
    while (box && box !== document.body) {
      var o = getComputedStyle(box).overflowX;
      if (o === "auto" || o === "scroll") return box;
      box = box.parentElement;
    }
    return null;
  }

  function watchScroll(table) {
    var box = scroller(table);
    if (!box || box._atlasWatched) return;
    box._atlasWatched = true;
    var hint = document.createElement("p");
    hint.className = "atlas-scroll-hint";
    hint.textContent = "This table scrolls sideways \u2192";
    hint.hidden = true;
    box.before(hint);
    var update = function () {
      var wider = box.scrollWidth > box.clientWidth + 1;
      hint.hidden = !wider;
      box.classList.toggle("atlas-scrolls", wider);
      box.classList.toggle("atlas-scrolls--more-right", wider && box.scrollLeft + box.clientWidth < box.scrollWidth - 1);
      box.classList.toggle("atlas-scrolls--more-left", wider && box.scrollLeft > 1);
    };
    box.addEventListener("scroll", update, { passive: true });
    if (window.ResizeObserver) new ResizeObserver(update).observe(box);
    update();
  }

  function setupTables(root) {
    root.querySelectorAll(".md-content table").forEach(function (table) {
      labelTable(table);
      watchScroll(table);
    });
  }

  /* The job description's blocks get a labelled copy button of their own: the theme's icon
   * button appears on hover only, and not at all on some touch screens. */
  function jobDescriptionButtons(root) {
    root.querySelectorAll(".atlas-jd .tabbed-block").forEach(function (block) {
      var code = block.querySelector("pre code");
      if (!code || block.querySelector(".atlas-jd__copy")) return;
      var name = (block.closest(".tabbed-set").querySelectorAll(".tabbed-labels label")[
        Array.prototype.indexOf.call(block.parentElement.children, block)] || {}).textContent || "text";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button atlas-jd__copy";
      button.textContent = "Copy " + name.trim().toLowerCase().replace("markdown", "Markdown");
      button.addEventListener("click", function () {
        copyText(code.innerText.replace(/\s+$/, "") + "\n").then(
          function () { confirm(button, "Copied", "Job description copied as " + name.trim()); },
          function () { confirm(button, "Select the text to copy it", "Copying was refused; select the text"); });
      });
      block.insertBefore(button, block.firstChild);
    });
  }

  /* The job ad's title field: what the reader types replaces the title in both versions (the first
   * line and the summary's "is hiring a …"), so the copy buttons copy the ad under that title. */
  function escapeMarkdown(text) { return text.replace(/([\\`*_\[\]<>#|])/g, "\\$1"); }

  function jobTitleField(root) {
    var field = root.querySelector(".atlas-jd__input");
    if (!field || field._atlasWired) return;
    field._atlasWired = true;
    var original = field.getAttribute("data-title");
    var blocks = Array.prototype.map.call(root.querySelectorAll(".atlas-jd pre code"), function (code) {
      return { code: code, text: code.textContent, markdown: code.textContent.lastIndexOf("**", 0) === 0 };  // the Markdown version opens with **title**
    });
    field.addEventListener("input", function () {
      var typed = field.value.replace(/\s+/g, " ").trim() || original;
      blocks.forEach(function (b) {
        var title = b.markdown ? escapeMarkdown(typed) : typed;
        var lines = b.text.split("\n");
        lines[0] = b.markdown ? "**" + title + "**" : title;
        var body = lines.join("\n").replace(/is hiring an? /, "is hiring " + (/^[aeiou]/i.test(typed) ? "an " : "a ") + "\u0000");
        b.code.textContent = body.replace("\u0000" + original, title).replace("\u0000", "");
      });
    });
  }

  function init() {
    var content = document.querySelector(".md-content");
    if (!content) return;
    labelHeaderLinks(content);
    jobDescriptionButtons(content);
    jobTitleField(content);
    setupTables(content);
    if (!content._atlasObserved) { // tables drawn later (the compare view) are set up as they appear
      content._atlasObserved = true;
      new MutationObserver(function () { setupTables(content); }).observe(content, { childList: true, subtree: true });
    }
  }

  document.addEventListener("click", onHeaderLink, true);
  if (typeof document$ !== "undefined") {
    document$.subscribe(init); // Material's instant navigation: run on every page view
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
