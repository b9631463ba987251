/* Role Atlas: the search worker Material's search box talks to, answered from Pagefind's index.

   Material's own worker builds a lunr index in the reader's browser from the whole
   search/search_index.json before it answers, a cost that grows with every role (README,
   "Search in the browser"). Pagefind splits its index into chunks and loads only those a query
   needs, so the first answer costs about the same at 10 roles and at 3,000. Material's search box,
   its result list, keyboard use, suggestions and highlighting stay as they are: this worker speaks
   the messages Material's worker speaks (SETUP 0, READY 1, QUERY 2, RESULT 3) and answers with the
   items Material renders (a page, then its sections).

   Text reaching Material's result list is HTML: titles are escaped here, and Pagefind's excerpts
   come escaped with only its <mark> tags in them. */
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
// Pages whose text is fetched for one answer: each costs a fetch and some work before the first
// result shows. Material shows ten and more on scrolling; a query matching more pages shows the
// best 20 ("20 matching documents").
const PAGES = 20;

// This file is assets/search-worker.js: the site's root is two levels up.
const ROOT = new URL("../", self.location.href);
let pagefind = null;
let suggestions = false;
let separator = /[\s\-]+/;  // Material's default; setup takes the one mkdocs.yml gives its search
let queue = Promise.resolve();  // messages are answered one at a time, in the order they came

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
}

// "/atlas/roles/cto/#summary" -> "roles/cto/#summary": Material's locations are from the site's root.
function locationOf(url) {
  const path = new URL(url, ROOT).href;
  return path.startsWith(ROOT.href) ? path.slice(ROOT.href.length) : path;
}

function words(query) {
  return query.toLowerCase().split(separator).filter(Boolean);
}

// Pagefind loads as soon as Material starts this worker, while Material is still fetching its own
// settings: the first query then finds Pagefind's code, its WebAssembly and its page list ready.
const loading = (async () => {
  try {
    const module = await import(new URL("pagefind/pagefind.js", ROOT).href);
    // This is a worker already: Pagefind need not start one of its own.
    await module.options({excerptLength: 24, noWorker: true});
    await module.init();
    await module.preload("a");  // any word: it makes Pagefind fetch and start its WebAssembly
    return module;
  } catch (error) {  // no index (a site opened from files): every query finds nothing
    console.error("Role Atlas search: Pagefind's index did not load", error);
    return null;
  }
})();

async function setup({config, options}) {
  suggestions = Boolean(options && options.suggest);
  if (config && config.separator)
    separator = new RegExp(config.separator);
  pagefind = await loading;
  postMessage({type: READY});
}

// Pagefind's parts of a page: its opening (before the first heading below the title) and its sections.
function parts(data) {
  const subs = data.sub_results || [];
  const opening = sub => !sub.url.includes("#") || (sub.anchor && sub.anchor.element === "h1");
  return {intro: subs.filter(opening), sections: subs.filter(sub => !opening(sub))};
}

// One group of Material's items for one page: the page, then its sections, the best first. As in
// Material's own search, a part whose heading holds the words searched for comes before parts that
// only mention them (Material weighs titles a thousand times text); then the part with more and
// weightier matches. Material shows the sections that score as high as the page and folds the
// others under "more on this page"; the page shows its own excerpt when its opening matches best.
function group(data, score, asked) {
  const page = locationOf(data.url);
  const {intro, sections} = parts(data);
  const inTitle = title => { const own = words(title || ""); return asked.filter(w => own.some(t => t.startsWith(w))).length; };
  const hits = sub => sub.weighted_locations
    ? sub.weighted_locations.reduce((n, hit) => n + hit.balanced_score, 0)
    : (sub.locations || []).length;
  const most = Math.max(1, ...intro.map(hits), ...sections.map(hits));
  const relevance = (title, subs) => 1000 * inTitle(title) + subs.reduce((n, sub) => n + hits(sub), 0) / most;
  const own = relevance(data.meta.title, intro);
  const ranked = sections.map(sub => [sub, relevance(sub.title, [sub])]).sort((a, b) => b[1] - a[1]);
  const best = Math.max(own, ...ranked.map(([, r]) => r), 1e-9);
  const terms = Object.fromEntries(asked.map(word => [word, true]));
  const items = [{location: page, title: escapeHtml(data.meta.title || page), score, terms,
                  text: own >= best || !sections.length ? (intro[0] || data).excerpt || "" : ""}];
  for (const [sub, r] of ranked)
    items.push({location: locationOf(sub.url), title: escapeHtml(sub.title), text: sub.excerpt || "",
                score: score * r / best * (own >= r ? 0.99 : 1), terms});
  return items;
}

// --- questions the atlas cannot answer, and queries that find nothing -------------------------
// A query that asks one of the questions of the home page's "What the sources do not cover" note
// ("who owns hiring?") gets that question first, saying whether any source addresses it. A query
// that finds nothing gets, instead of "No matching documents", what the atlas covers (its roles and
// topics) and the closest matches: roles, topics and skills whose names are spelled like the words
// typed. Both come from assets/search-covers.json, fetched the first time it is needed.
const QUESTION_WORDS = new Set(("a an and are as at be by can do does for from how i in is it of on or " +
  "should that the their they this to was we what when where which who whom why will with you your").split(" "));
let covers = null;

function loadCovers() {
  if (covers === null)
    covers = fetch(new URL("assets/search-covers.json", ROOT)).then(r => r.ok ? r.json() : null).catch(() => null);
  return covers;
}

function contentWords(asked) {
  return asked.map(word => word.replace(/[^\p{L}\p{N}/+#.]+/gu, "")).filter(word => word.length > 2 && !QUESTION_WORDS.has(word));
}

function listed(names, most) {
  const shown = names.slice(0, most).map(escapeHtml).join(", ");
  return names.length > most ? `${shown} and ${names.length - most} more` : shown;
}

// The gap whose words the query uses most: at least two of them, or every word of a short query.
function askedGap(known, content) {
  let best = null, most = 0;
  for (const gap of known.gaps) {
    const used = content.filter(word => gap.words.some(w => w === word || (word.length > 3 && w.startsWith(word)))).length;
    if (used > most) { best = gap; most = used; }
  }
  return best && (most >= 2 || most === content.length) ? best : null;
}

function gapItem(gap, terms) {
  const verdict = gap.answered ? "No fact answers this directly" : "No source covers this";
  return [{location: gap.url, score: 1, terms, title: `${verdict}: ${escapeHtml(gap.question)}`,
           text: gap.answered ? "A few facts in the atlas mention its words; see what the sources do not cover."
                              : "The atlas's sources do not address this question; see what the sources do not cover."}];
}

// Levenshtein distance, stopping early past `most`.
function distance(a, b, most) {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  let row = Array.from({length: b.length + 1}, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

function closest(known, content) {
  const near = (word, name) => words(name).some(w => w.length > 3 && (distance(word, w, 2) <= (word.length >= 5 ? 2 : 1)
                                                                        || (word.length > 3 && w.startsWith(word))));
  const scored = [];
  for (const entry of [...known.roles, ...known.topics, ...known.skills]) {
    const names = [entry.title, ...(entry.names || [])];
    const hits = content.filter(word => names.some(name => near(word, name))).length;
    if (hits) scored.push([hits, entry]);
  }
  return scored.sort((a, b) => b[0] - a[0]).slice(0, 5).map(([, entry]) => entry);
}

async function nothingFound(asked) {
  const known = await loadCovers();
  if (!known) return [];
  const terms = Object.fromEntries(asked.map(word => [word, true]));
  const content = contentWords(asked);
  const groups = [];
  const gap = askedGap(known, content);
  if (gap) groups.push(gapItem(gap, terms));
  groups.push([{location: known.roles_url, score: 1, terms, title: "What the atlas covers",
                text: `Nothing matches these words. The atlas covers ${known.roles.length} roles: ` +
                      `${listed(known.roles.map(r => r.title), 12)}; and ${known.topics.length} topics: ` +
                      `${listed(known.topics.map(t => t.title), 8)}.`}]);
  for (const entry of closest(known, content))
    groups.push([{location: entry.url, score: 1, terms, title: escapeHtml(entry.title), text: "Closest match by name."}]);
  return groups;
}

function onlyLetters(excerpt) {
  const marked = [...String(excerpt).matchAll(/<mark>(.*?)<\/mark>/g)].map(m => m[1].replace(/[^\p{L}\p{N}]/gu, ""));
  return marked.length > 0 && marked.every(word => word.length <= 1);
}

async function search(query) {
  const asked = words(query);
  if (!pagefind || !asked.length)
    return {items: [], ...(suggestions && {suggest: []})};
  const found = await pagefind.search(query);
  const fetched = await Promise.all(found.results.slice(0, PAGES).map(async result => [result, await result.data()]));
  // Pagefind also matches a word of the index that begins a word typed, so a lone letter on a page
  // ("Copyright (c) 2019") would answer "cheif": a page whose only marked words are single letters
  // is no match.
  const kept = fetched.filter(([, data]) => !onlyLetters(data.excerpt));
  if (!kept.length)
    return {items: await nothingFound(asked), ...(suggestions && {suggest: []})};
  const best = kept.map(([result]) => result);
  const pages = kept.map(([, data]) => data);
  const items = pages.map((data, i) => group(data, best[i].score, asked));
  const known = contentWords(asked).length > 1 ? await loadCovers() : null;  // a question, not a name
  const gap = known && askedGap(known, contentWords(asked));
  if (gap) items.unshift(gapItem(gap, Object.fromEntries(asked.map(word => [word, true]))));
  const answer = {items};
  if (suggestions) {  // the word of the best page's title that the last word typed begins
    const last = asked[asked.length - 1];
    const title = pages.length ? words(pages[0].meta.title || "") : [];
    answer.suggest = title.filter(word => word.startsWith(last) && word !== last).slice(0, 1).map(escapeHtml);
  }
  return answer;
}

self.addEventListener("message", event => {
  const message = event.data;
  queue = queue.then(async () => {
    if (message.type === SETUP)
      await setup(message.data);
    else if (message.type === QUERY)
      postMessage({type: RESULT, data: await search(message.data)});
  }).catch(error => console.error("Role Atlas search:", error));
});
