"""The whole site's source, made once for any engine: pages, data files, settings, after-build work.

`hooks/atlas_hooks.py` hands this to MkDocs in memory on every build (`mkdocs serve`,
`./scripts/build`); `scripts/export` writes the very same thing into a folder that `mkdocs build`,
`properdocs build` or another engine builds without hooks, and `scripts/postbuild` then does on the
built site what the hook does after a build (`roleatlas.postbuild`). One code path for both:

- every generated page's Markdown, with all a template needs in its front matter: `edit_path`
  (the file in the repository its "Edit this page" button opens), `markdown` (where its published
  Markdown is) and `card_image` (its link-preview picture);
- the /api/ files, the redirects (mkdocs-redirects' map) and the glossary (the abbr extension's);
- what is left for after the build (`AfterBuild`): the cards, the search plan, the published
  Markdown and llms.txt.

Nothing here imports MkDocs.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from datetime import date

from . import search_covers, urls
from .atlas import Atlas
from .cards import Card, cards_for
from .export import api_files
from .formats import glossary
from .history import NO_HISTORY, History
from .kinds import BY_REF
from .postbuild import AfterBuild, PageSearch
from .redirects import redirects
from .render.changes_page import FEED, changes_feed
from .render.pages import iter_pages, not_in_nav
from .render.published import claim_sources, front_keys, front_value, llms_txt, reader_markdown

LLMS_TXT = "llms.txt"
# docs/ pages whose whole content a plugin makes (Material's tags index): nothing of theirs to publish
_NOT_PUBLISHED = frozenset({"tags.md"})


@dataclass
class SiteSource:
    pages: dict[str, str]
    """Generated page → its Markdown, front matter complete."""
    files: list[tuple[str, str]]
    """Other generated files (the /api/ JSON) as (path, text)."""
    redirects: dict[str, str]
    shared_names: dict[str, set[str]]
    """Names more than one role uses: no redirect for them (the hook logs them)."""
    glossary: dict[str, str]
    not_in_nav: list[str] = field(default_factory=list)
    """Generated pages left out of the navigation (render/pages.not_in_nav): the hook marks them so,
    the export writes them into mkdocs.yml's `not_in_nav`."""
    after: AfterBuild = field(default_factory=AfterBuild)


def add_meta(page_text: str, **meta: object) -> str:
    """The page with `meta` added to its front matter (JSON values, which are valid YAML); a page
    without front matter gets one. Keys the page sets itself are kept."""
    own = front_keys(page_text)
    lines = "".join(f"{key}: {json.dumps(value, ensure_ascii=True)}\n"
                    for key, value in meta.items() if value is not None and key not in own)
    if not lines:
        return page_text
    if page_text.startswith("---\n"):
        return f"---\n{lines}{page_text[4:]}"
    return f"---\n{lines}---\n\n{page_text}"


def edit_paths(atlas: Atlas, data_prefix: str | None) -> dict[str, str]:
    """Generated page → the data file its edit button opens (relative to the repository's root), for
    every entry with a page, from the files the loader read them from (atlas.files); empty when the
    data is outside the repository."""
    if data_prefix is None:
        return {}
    return {urls.page_of(ref, ident): posixpath.join(data_prefix, path)
            for (ref, ident), path in atlas.files.items() if BY_REF[ref].page}


def docs_page_meta(page: str, docs_prefix: str | None) -> dict[str, str | None]:
    """What a page written by hand in docs/ gets in its meta: its own file to edit, its Markdown."""
    return {"edit_path": f"{docs_prefix}/{page}" if docs_prefix else None,
            "markdown": None if page in _NOT_PUBLISHED else page}


def site_source(atlas: Atlas, built: date, *, data_prefix: str | None,
                docs_pages: dict[str, str], docs_prefix: str | None, site_name: str, site_description: str,
                site_url: str = "", history: History = NO_HISTORY, cards: bool = True,
                pagefind: bool = True) -> SiteSource:
    """Everything the site is made of besides docs/ itself. `docs_pages` are docs/'s own pages
    (path → Markdown) for search, the published Markdown and llms.txt; `data_prefix` and
    `docs_prefix` are where data/ and docs/ sit in the repository (None when outside it)."""
    edit = edit_paths(atlas, data_prefix)
    planned: list[Card] = cards_for(atlas, site_name, site_description) if cards else []
    card_of = {card.page: card.image for card in planned}
    pages = {}
    for path, markdown in iter_pages(atlas, built, history, (data_prefix or "data") + "/"):
        pages[path] = add_meta(markdown, card_image=card_of.get(path), edit_path=edit.get(path), markdown=path)
    maps, shared = redirects(atlas)
    day = built.isoformat()
    base = site_url if site_url.endswith("/") or not site_url else site_url + "/"
    everything = {**{p: add_meta(m, **docs_page_meta(p, docs_prefix)) for p, m in docs_pages.items()}, **pages}
    claims = claim_sources(atlas)
    published = {page: reader_markdown(atlas, page, markdown, base, day, site_name, claims)
                 for page, markdown in everything.items() if front_value(markdown, "markdown")}
    published[LLMS_TXT] = llms_txt(atlas, site_name, site_description, base, day, published)
    search = {page: PageSearch.of(front_value(markdown, "search"), page) for page, markdown in everything.items()}
    files = [*api_files(atlas), (FEED, changes_feed(atlas, history, site_url, site_name)),
             (search_covers.FILE, search_covers.covers_json(atlas))]
    return SiteSource(pages=pages, files=files, redirects=maps, shared_names=shared,
                      glossary=glossary(atlas.terms), not_in_nav=not_in_nav(atlas),
                      after=AfterBuild(cards=planned, search=search, published=published, pagefind=pagefind))
