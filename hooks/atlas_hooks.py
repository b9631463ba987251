"""MkDocs glue for Role Atlas: the only module that imports MkDocs.

Each build loads data/ afresh (so `mkdocs serve` picks up every edit), renders the pages in memory
and adds them as generated files: nothing is ever written into docs/. Data problems stop
`mkdocs build` with one line per problem and no traceback. While serving they do not stop the
build (MkDocs would then hold every request until a build succeeds): the build succeeds with every
page replaced by the list of problems, so live reload shows them at once, and the next build after
the fix brings the site back.

What the site is made of comes from roleatlas.site_source, and what follows a build from
roleatlas.postbuild: `scripts/export` and `scripts/postbuild` use the same two for a build on any
engine, without these hooks. Templates read only the pages' meta (edit_path, markdown, card_image…).
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from roleatlas import site_search
from roleatlas.history import read_history
from roleatlas.load import load
from roleatlas.origins import entry_files
from roleatlas.postbuild import AfterBuild, PageSearch, card_cache, cards_wanted, finish_site, pagefind_wanted
from roleatlas.problems import DataError
from roleatlas.render.error_page import error_html, error_markdown
from roleatlas.site_source import docs_page_meta, site_source
from roleatlas import urls
from roleatlas.when import build_date

log = logging.getLogger("mkdocs.plugins.roleatlas")

def _data_dir(config: MkDocsConfig) -> Path:
    """data/ beside mkdocs.yml, or ROLE_ATLAS_DATA (tests and the benchmark build other data)."""
    override = os.environ.get("ROLE_ATLAS_DATA")
    return Path(override) if override else Path(config.config_file_path).parent / "data"


@dataclass
class _Session:
    """What MkDocs events share, in one place (hooks are module functions, so it lives here): whether
    the process serves, which search the build writes, the problems of the build under way (for the
    404 page), the pages of the last good build (addresses to answer), the meta docs/'s own pages get,
    and what on_files planned for after the build (roleatlas.postbuild)."""

    serving: bool = False
    pagefind: bool = True  # search answers from Pagefind (on_config reads ROLE_ATLAS_SEARCH)
    problems: list | None = None
    pages: list[str] = field(default_factory=list)
    after: AfterBuild = field(default_factory=AfterBuild)
    docs_meta: dict[str, dict[str, str | None]] = field(default_factory=dict)


_session = _Session()


def on_startup(command: str, dirty: bool) -> None:
    _session.serving = command == "serve"


def on_serve(server, config: MkDocsConfig, builder):
    _session.serving = True  # also `mkdocs serve --clean`, which starts up as a build
    return server


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _session.problems = None
    data = str(_data_dir(config))
    if data not in config.watch:
        config.watch.append(data)
    _set_repository(config)
    _session.pagefind = pagefind_wanted()
    config.extra["pagefind_search"] = _session.pagefind  # overrides/main.html starts the search worker
    return config


def _set_repository(config: MkDocsConfig) -> None:
    """The edit buttons need `repo_url` (REPO_URL in mkdocs.yml; the Pages workflow sets it to the
    repository being built, so a fork's site points at the fork); without it, none."""
    if not config.repo_url:
        config.edit_uri = None


@event_priority(100)  # before other plugins (redirects) look at the files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    data_dir = _data_dir(config)
    built = build_date()
    root = Path(config.config_file_path).parent
    docs_pages = {f.src_uri: f.content_string for f in files.documentation_pages()}
    with _collector_paused():
        try:
            atlas = load(data_dir, root=data_dir.parent, today=built)
        except DataError as err:
            if not _session.serving:
                raise PluginError(str(err)) from None
            return _problem_pages(files, config, data_dir, err)
        source = site_source(atlas, built, data_dir=data_dir, data_prefix=_repo_path(data_dir, root),
                             docs_pages=docs_pages, docs_prefix=_repo_path(Path(config.docs_dir), root),
                             site_name=config.site_name, site_description=config.site_description or config.site_name,
                             site_url=config.site_url or "", history=read_history(data_dir),
                             cards=cards_wanted(), pagefind=_session.pagefind)
    _set_glossary(config, source.glossary)
    for path, content in [*source.pages.items(), *source.files]:
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} would be replaced by a generated file; remove or rename it")
        files.append(File.generated(config, path, content=content))
    _session.docs_meta = {path: docs_page_meta(path, _repo_path(Path(config.docs_dir), root)) for path in docs_pages}
    _session.pages = [f.src_uri for f in files.documentation_pages()]
    for name, owners in source.shared_names.items():
        log.info("No redirect for roles/%s/: the name is shared by %s", name, ", ".join(sorted(owners)))
    _set_redirects(config, source.redirects)
    _session.after = source.after
    return files


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    """docs/'s own pages get the meta the export writes into their front matter (site_source)."""
    for key, value in _session.docs_meta.get(page.file.src_uri, {}).items():
        if value is not None:
            page.meta.setdefault(key, value)
    return markdown


def _repo_path(path: Path, root: Path) -> str | None:
    """`path` relative to the project's root, as the repository names it; None when outside."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


def _problem_pages(files: Files, config: MkDocsConfig, data_dir: Path, err: DataError) -> Files:
    """While serving: every page of the last good build, every page the navigation and the data's
    file names promise, and docs/'s own pages become the list of problems; the 404 page too."""
    log.info("%s\nEvery page shows the problems until they are fixed.", err)
    _session.problems = err.problems
    page = error_markdown(err.problems)
    wanted = {*_session.pages, urls.HOME, *_nav_pages(config.nav)}
    for file in files.documentation_pages():
        wanted.add(file.src_uri)
        files.remove(file)
    for path in _entry_pages(data_dir):
        wanted.add(path)
    for path in sorted(wanted):
        files.append(File.generated(config, path, content=page))
    _session.after = AfterBuild(search={path: PageSearch() for path in wanted}, pagefind=_session.pagefind)
    _session.docs_meta = {}
    return files


def _entry_pages(data_dir: Path) -> Iterator[str]:
    """Pages the data's file names promise even when nothing can be read (roles/<id>.yaml …)."""
    for (ref, ident) in entry_files(data_dir):
        yield urls.page_of(ref, ident)


def _nav_pages(nav) -> Iterator[str]:
    for item in nav or ():
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            yield from _nav_pages(value)
        elif isinstance(value, str) and value.endswith(".md"):
            yield value


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """While the data has problems, the page for unknown addresses lists them as well."""
    if template_name == "404.html" and _session.problems is not None:
        return error_html(_session.problems)
    return output_content


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


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    """What follows every build, on any engine (roleatlas.postbuild): the published Markdown and
    llms.txt; Pagefind's marks and index, Material's own index emptied (ROLE_ATLAS_SEARCH=material
    keeps it); the cards not drawn before (kept in .cache/cards, or ROLE_ATLAS_CARD_CACHE)."""
    try:
        finish_site(Path(config.site_dir), _session.after, card_cache(Path(config.config_file_path).parent), log.info)
    except site_search.SearchIndexError as err:
        raise PluginError(str(err)) from None
