"""Site search: Pagefind's chunked index behind Material's search box (scripts/BENCHMARKS.md).

Material's own search hands the whole `search/search_index.json` to a worker that builds a lunr
index in the reader's browser before the first answer; at 1,000 roles that alone took longer than
a reader should wait. Pagefind indexes the built HTML into small files and the browser loads only
those a query needs. `docs/assets/search-worker.js` answers Material's search box from it, so the
box, the result list, keyboard use, suggestions and highlighting are Material's as before.

What is indexed is marked in the pages' HTML:

- a page's main text is indexed (`data-pagefind-body` on the article); the 404 page and pages
  whose front matter says `search: {exclude: true}` are not;
- what Material's search leaves out (`data-search-exclude`) Pagefind leaves out too: on a heading,
  the whole section under it (salary, career, related roles, perspectives, job ad, sources on a
  role page; the list of roles on a skill page), elsewhere the element (the "Source: …" notes);
- the "On this page" list and the ¶ links, which repeat the headings, are left out;
- the pages that list every role (the roles index, the matrix, compare, career paths, salaries)
  keep their headings and prose: their tables, lists, charts and diagrams repeat the role pages,
  and left in they would make every search for a role's name fetch and work through them.

Nothing here imports MkDocs; `postbuild.py` marks the built pages and runs Pagefind, after the
hooked build and in `scripts/postbuild` alike.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from . import urls

# The element of Material's page template that holds the page's own text.
ARTICLE = '<article class="md-content__inner md-typeset">'
EXCLUDED = ("[data-search-exclude]", ".headerlink", ".atlas-toc", ".md-content__button", ".md-source-file")

# A section left out of search is wrapped in these; the closing comment makes the wrapper's end
# findable again (unmark).
IGNORED_START = '<div data-pagefind-ignore="all">'
IGNORED_END = "</div><!-- /search-ignored -->"

# The pages that list every role, by source file, and what of them repeats the role pages.
LISTS = frozenset((urls.ROLES, urls.MATRIX, urls.COMPARE, urls.CAREER, urls.SALARIES))
_REPEATS = re.compile(r'<(table|svg|ul|ol)\b|<(pre) class="mermaid"')

_HEADING = re.compile(r"<h([1-6])\b([^>]*)>")
_BODY_MARK = re.compile(r' data-pagefind-body(?: data-pagefind-weight="[^"]*")?')


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site; the message says why and what to do."""


def mark_body(page_html: str, boost: float | None = None) -> str:
    """The page with its article marked as the text Pagefind indexes. `boost` is the page's
    `search: {boost: …}` from its front matter, Material's way of ranking a page higher, carried
    over as the weight of its words (Pagefind's scale, 0 to 10)."""
    if ARTICLE not in page_html:
        raise SearchIndexError(f"the page has no {ARTICLE} (has Material's page template changed?), "
                               "so search would not find it")
    weight = f' data-pagefind-weight="{min(float(boost), 10.0):g}"' if boost else ""
    return page_html.replace(ARTICLE, f"{ARTICLE[:-1]} data-pagefind-body{weight}>", 1)


def skip_excluded_sections(content: str) -> str:
    """The page's content with each section whose heading has `data-search-exclude` wrapped in an
    element Pagefind ignores: a section runs to the next heading of its level or above."""
    headings = [(m.start(), int(m.group(1)), "data-search-exclude" in m.group(2)) for m in _HEADING.finditer(content)]
    out, pos = [], 0
    for i, (start, level, excluded) in enumerate(headings):
        if not excluded or start < pos:
            continue
        end = next((s for s, lvl, _ in headings[i + 1:] if lvl <= level), len(content))
        out += [content[pos:start], IGNORED_START, content[start:end], IGNORED_END]
        pos = end
    out.append(content[pos:])
    return "".join(out)


def unmark(page_html: str) -> str:
    """The page without the marks for Pagefind (mark_body, skip_excluded_sections): the tests check
    that marking adds nothing else."""
    return _BODY_MARK.sub("", page_html.replace(IGNORED_START, "").replace(IGNORED_END, ""), count=1)


def skip_repeated_lists(content: str) -> str:
    """A list page's content with its tables, lists, charts and diagrams wrapped for Pagefind to
    skip (the outermost element of each: lists hold lists)."""
    out, pos = [], 0
    while match := _REPEATS.search(content, pos):
        tag = match.group(1) or match.group(2)
        end = _closing(content, match.start(), tag)
        out += [content[pos:match.start()], IGNORED_START, content[match.start():end], IGNORED_END]
        pos = end
    out.append(content[pos:])
    return "".join(out)


def _closing(content: str, start: int, tag: str) -> int:
    """Where the element of `tag` opened at `start` ends (after its closing tag), nesting counted."""
    tags = re.compile(rf"<(/?){tag}\b[^>]*>")
    depth = 0
    for match in tags.finditer(content, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return len(content)


def empty_material_index(raw: str) -> str:
    """Material's search_index.json with its settings and no documents: its search box fetches the
    file before it starts the worker, which now answers from Pagefind instead."""
    index = json.loads(raw)
    return json.dumps({**index, "docs": []}, ensure_ascii=False, separators=(",", ":"))


def search_files(site_dir: Path) -> list[Path]:
    """What a built site's search loads from: Pagefind's folder (a query fetches a few of its
    files) or, built with Material's own search, its one index file."""
    folder = site_dir / "pagefind"
    if folder.is_dir():
        return [f for f in folder.rglob("*") if f.is_file()]
    return [site_dir / "search" / "search_index.json"]


def index_site(site_dir: Path) -> str:
    """Run Pagefind over the built site (it writes `pagefind/` into it); return its summary."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet",
               "--exclude-selectors", ", ".join(EXCLUDED)]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise SearchIndexError(f"Pagefind did not run ({err}); run ./scripts/setup to install it") from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        hint = " (run ./scripts/setup: it installs pagefind[bin])" if "No module named" in result.stderr else ""
        raise SearchIndexError("Pagefind could not index the site" + hint + ":\n" + "\n".join(detail))
    if not (site_dir / "pagefind" / "pagefind.js").is_file():
        raise SearchIndexError(f"Pagefind wrote no pagefind/pagefind.js into {site_dir}")
    return " ".join(line.strip() for line in result.stdout.splitlines() if line.strip()) or "done"
