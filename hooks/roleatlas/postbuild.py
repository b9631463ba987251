"""What happens to a built site after any engine has built it: search, cards, published Markdown.

The hook calls `finish_site` at the end of every MkDocs build; `scripts/postbuild SITE_DIR` calls it
on a site that `mkdocs build`, `properdocs build` or another engine built from `scripts/export`'s
folder, reading the plan the export wrote beside it (`AfterBuild.to_json`). Same code, same result:

- search: every page's article is marked for Pagefind in the built HTML (its weight from the page's
  `search: boost`, the sections and lists search leaves out wrapped; `site_search`), Pagefind
  indexes the site and Material's own index is emptied;
- the link-preview cards are drawn (or copied from the card cache) into `assets/images/social/`;
- every page's Markdown for readers (`roles/cto.md` beside `roles/cto/`) and `llms.txt` are written.

Nothing here imports MkDocs.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import site_search, urls
from .cards import Card, write_cards

PLAN_FILE = "postbuild.json"


@dataclass(frozen=True)
class PageSearch:
    """How search treats one page, from its front matter (`search:`) and its kind."""

    weight: float | None = None
    exclude: bool = False
    lists: bool = False
    """A page listing every role: its tables, lists and diagrams are left out (site_search.LISTS)."""

    @classmethod
    def of(cls, search: Any, page: str) -> "PageSearch":
        search = search if isinstance(search, dict) else {}
        boost = search.get("boost")
        return cls(weight=float(boost) if boost else None, exclude=bool(search.get("exclude")),
                   lists=page in site_search.LISTS)


@dataclass
class AfterBuild:
    cards: list[Card] = field(default_factory=list)
    search: dict[str, PageSearch] = field(default_factory=dict)
    """Markdown page → how search treats it; pages not named here (404, redirects) are not indexed."""
    published: dict[str, str] = field(default_factory=dict)
    """Path in the site → text: every page's Markdown for readers, and llms.txt."""
    pagefind: bool = True
    """Search answers from Pagefind; False keeps Material's own search and index (the search setting `material`)."""

    def to_json(self) -> str:
        return json.dumps({"pagefind": self.pagefind, "cards": [asdict(c) for c in self.cards],
                           "search": {p: asdict(s) for p, s in self.search.items()},
                           "published": self.published}, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> "AfterBuild":
        raw = json.loads(text)
        return cls(cards=[Card(**c) for c in raw["cards"]],
                   search={p: PageSearch(**s) for p, s in raw["search"].items()},
                   published=raw["published"], pagefind=raw["pagefind"])


def html_file(page: str) -> str:
    """Where a page's HTML is in the built site (directory URLs, as mkdocs.yml builds)."""
    folder = urls.served_at(page)
    return "index.html" if folder == "." else f"{folder}/index.html"


def mark_page(page_html: str, search: PageSearch) -> str:
    """One built page marked for Pagefind: its article as the indexed text, with the sections and
    lists search leaves out wrapped for Pagefind to skip. Only the page's own text is looked at
    (from its title to the end of the article), not the buttons and tags above it. A page marked
    before is left as it is, so running the step twice does no harm."""
    if site_search.ARTICLE[:-1] + " data-pagefind-body" in page_html:
        return page_html
    start = page_html.find(site_search.ARTICLE)
    title = page_html.find("<h1", start)
    end = page_html.find("</article>", start)
    if start >= 0 and 0 <= title < end:
        content = page_html[title:end]
        if search.lists:
            content = site_search.skip_repeated_lists(content)
        content = site_search.skip_excluded_sections(content)
        page_html = page_html[:title] + content + page_html[end:]
    return site_search.mark_body(page_html, search.weight)


def mark_site(site_dir: Path, search: dict[str, PageSearch]) -> int:
    """Mark every page the plan names for Pagefind, in place; returns how many were marked."""
    marked = 0
    for page, how in search.items():
        if how.exclude:
            continue
        path = site_dir / html_file(page)
        if not path.is_file():
            raise site_search.SearchIndexError(f"{page} was not built: no {html_file(page)} in {site_dir}")
        try:
            path.write_text(mark_page(path.read_text(encoding="utf-8"), how), encoding="utf-8")
        except site_search.SearchIndexError as err:
            raise site_search.SearchIndexError(f"{page}: {err}") from None
        marked += 1
    return marked


def write_published(site_dir: Path, published: dict[str, str]) -> None:
    for path, text in published.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def finish_site(site_dir: Path, plan: AfterBuild, card_cache: Path,
                log: Callable[[str], None] = lambda message: None) -> None:
    """Everything after the build, on the built site in `site_dir`. Raises SearchIndexError."""
    write_published(site_dir, plan.published)
    log(f"Published Markdown: {len(plan.published)} files (every page's .md and llms.txt)")
    if plan.pagefind:
        start = time.perf_counter()
        marked = mark_site(site_dir, plan.search)
        summary = site_search.index_site(site_dir)
        log(f"Search index (Pagefind): {marked} pages marked; {summary} ({time.perf_counter() - start:.1f} s)")
        index = site_dir / "search" / "search_index.json"
        if index.is_file():
            index.write_text(site_search.empty_material_index(index.read_text(encoding="utf-8")), encoding="utf-8")
    if plan.cards:
        start = time.process_time()
        drawn, reused = write_cards(plan.cards, site_dir, card_cache)
        log(f"Link-preview cards: {drawn} drawn, {reused} unchanged taken from {card_cache} "
            f"({time.process_time() - start:.2f} s CPU)")
