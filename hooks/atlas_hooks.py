"""MkDocs glue for Role Atlas: the only module that imports MkDocs.

Each build loads data/ afresh (so `mkdocs serve` picks up every edit), renders the pages in memory
and adds them as generated files: nothing is ever written into docs/. Data problems stop the
build with one line per problem and no traceback.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from roleatlas import search_index
from roleatlas.cards import Card, cards_for, write_cards
from roleatlas.export import api_files
from roleatlas.formats import glossary
from roleatlas.load import load
from roleatlas.problems import DataError
from roleatlas.redirects import redirects
from roleatlas.render.pages import iter_pages
from roleatlas.when import build_date

log = logging.getLogger("mkdocs.plugins.roleatlas")

# Planned in on_files from the data, used after the build: the link-preview cards by page, and
# what the role pages' entries in the search index say.
_cards: dict[str, Card] = {}
_search: dict[str, search_index.RoleEntries] = {}


def _data_dir(config: MkDocsConfig) -> Path:
    """data/ beside mkdocs.yml, or ROLE_ATLAS_DATA (tests and the benchmark build other data)."""
    override = os.environ.get("ROLE_ATLAS_DATA")
    return Path(override) if override else Path(config.config_file_path).parent / "data"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    data = str(_data_dir(config))
    if data not in config.watch:
        config.watch.append(data)
    return config


@event_priority(100)  # before other plugins (redirects) look at the files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    data_dir = _data_dir(config)
    built = build_date()
    with _collector_paused():
        try:
            atlas = load(data_dir, root=data_dir.parent, today=built)
        except DataError as err:
            raise PluginError(str(err)) from None
        generated = [*iter_pages(atlas, built), *api_files(atlas)]
    _set_glossary(config, glossary(atlas.terms))
    for path, content in generated:
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} would be replaced by a generated file; remove or rename it")
        files.append(File.generated(config, path, content=content))
    maps, shared = redirects(atlas)
    for name, owners in shared.items():
        log.info("No redirect for roles/%s/: the name is shared by %s", name, ", ".join(sorted(owners)))
    _set_redirects(config, maps)
    _plan_after_build(config, atlas)
    return files


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading and rendering make hundreds of thousands of short-lived objects and no reference
    cycles, so reference counting frees them all; left on, the cyclic collector would walk the
    whole MkDocs heap again and again for them (README, Benchmark)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _set_redirects(config: MkDocsConfig, maps: dict[str, str]) -> None:
    """Hand the redirects from the data to the mkdocs-redirects plugin (named in mkdocs.yml)."""
    plugin = config.plugins.get("redirects")
    if plugin is None:
        if maps:
            raise PluginError("the data defines redirects but the 'redirects' plugin is not in mkdocs.yml")
        return
    plugin.config["redirect_maps"] = {**plugin.config["redirect_maps"], **maps}


def _set_glossary(config: MkDocsConfig, terms: dict[str, str]) -> None:
    """The glossary's abbreviations become tooltips on every page through the `abbr` extension's
    own `glossary` option; pages are converted after this event, each with these settings."""
    if "abbr" not in config.markdown_extensions:
        raise PluginError("the glossary needs the 'abbr' Markdown extension; add it to markdown_extensions in mkdocs.yml")
    config.mdx_configs["abbr"] = {**config.mdx_configs.get("abbr", {}), "glossary": terms}


def _plan_after_build(config: MkDocsConfig, atlas) -> None:
    """The search index's role entries and the link-preview cards (README, Benchmark).
    ROLE_ATLAS_CARDS=false builds without cards."""
    _search.clear()
    _search.update(search_index.plan(atlas))
    _cards.clear()
    if os.environ.get("ROLE_ATLAS_CARDS", "true").lower() not in ("false", "0", "no", "off"):
        site_description = config.site_description or config.site_name
        _cards.update((c.page, c) for c in cards_for(atlas, config.site_name, site_description))


def on_page_context(context, page, config: MkDocsConfig, nav):
    """Name the page's card for the link-preview tags in overrides/main.html."""
    card = _cards.get(page.file.src_uri)
    if card is not None:
        page.meta["card_image"] = card.image
    return context


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    """Trim the search index (ROLE_ATLAS_SEARCH_INDEX=full keeps all of it); draw the cards not
    drawn before (kept in .cache/cards, or ROLE_ATLAS_CARD_CACHE) and copy every card into the site."""
    index = Path(config.site_dir) / "search" / "search_index.json"
    full = os.environ.get("ROLE_ATLAS_SEARCH_INDEX") == "full"  # Material's whole index, for scripts/bench_search
    if _search and index.is_file() and not full:
        trimmed = search_index.trim(json.loads(index.read_text(encoding="utf-8")), _search)
        index.write_text(json.dumps(trimmed, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    if _cards:
        cache = os.environ.get("ROLE_ATLAS_CARD_CACHE") or Path(config.config_file_path).parent / ".cache" / "cards"
        start = time.process_time()
        drawn, reused = write_cards(_cards.values(), Path(config.site_dir), Path(cache))
        log.info("Link-preview cards: %d drawn, %d unchanged taken from %s (%.2f s CPU)", drawn, reused, cache,
                 time.process_time() - start)
