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

Settings come from `extra: role_atlas:` in mkdocs.yml, each overridable by an environment variable
(roleatlas/settings.py). What the events of one build share lives in a `_Build` made afresh by
on_config, so nothing of one build survives into the next in `mkdocs serve`; only the process's
command (serve or build) is kept from on_startup.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from roleatlas import site_search
from roleatlas.history import read_history
from roleatlas.kinds import BY_REF
from roleatlas.load import load
from roleatlas.postbuild import AfterBuild, PageSearch, finish_site
from roleatlas.problems import DataError
from roleatlas.render.error_page import error_html, error_markdown
from roleatlas.settings import Settings, SettingsError, read_settings
from roleatlas.site_source import docs_page_meta, site_source
from roleatlas import urls
from roleatlas.when import build_date

log = logging.getLogger("mkdocs.plugins.roleatlas")

@dataclass
class _Build:
    """What the events of one build share (hooks are module functions, so it lives here, and
    on_config replaces it): the settings, the problems of a served data error (for the 404 page),
    the meta docs/'s own pages get, and what on_files planned for after the build
    (roleatlas.postbuild)."""

    settings: Settings
    problems: list | None = None
    after: AfterBuild = field(default_factory=AfterBuild)
    docs_meta: dict[str, dict[str, str | None]] = field(default_factory=dict)


_serving = False  # the process's command, from on_startup: not state of a build
_build: _Build | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_serve(server, config: MkDocsConfig, builder):
    global _serving
    _serving = True  # also `mkdocs serve --clean`, which starts up as a build
    return server


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    root = Path(config.config_file_path).parent
    try:
        settings = read_settings(config.extra.get("role_atlas"), root)
    except SettingsError as err:
        raise PluginError(str(err)) from None
    _build = _Build(settings)
    if str(settings.data) not in config.watch:
        config.watch.append(str(settings.data))
    _set_repository(config)
    config.extra["pagefind_search"] = settings.pagefind  # overrides/main.html starts the search worker
    _set_link_check(config, settings.check_links)
    return config


def _state() -> _Build:
    if _build is None:
        raise PluginError("Role Atlas's hooks ran before on_config; run them through MkDocs")
    return _build


def _set_link_check(config: MkDocsConfig, enabled: bool) -> None:
    """The htmlproofer plugin (mkdocs.yml) checks links only when the check_links setting asks."""
    plugin = config.plugins.get("htmlproofer")
    if plugin is not None:
        plugin.config["enabled"] = enabled


def _set_repository(config: MkDocsConfig) -> None:
    """The edit buttons need `repo_url` (REPO_URL in mkdocs.yml; the Pages workflow sets it to the
    repository being built, so a fork's site points at the fork); without it, none."""
    if not config.repo_url:
        config.edit_uri = None


@event_priority(100)  # before other plugins (redirects) look at the files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _state()
    data_dir = build.settings.data
    built = build_date()
    root = Path(config.config_file_path).parent
    docs_pages = {f.src_uri: f.content_string for f in files.documentation_pages()}
    with _collector_paused():
        try:
            atlas = load(data_dir, root=data_dir.parent, today=built)
        except DataError as err:
            if not _serving:
                raise PluginError(str(err)) from None
            return _problem_pages(files, config, err)
        docs_prefix = _repo_path(Path(config.docs_dir), root)
        source = site_source(atlas, built, data_prefix=_repo_path(data_dir, root),
                             docs_pages=docs_pages, docs_prefix=docs_prefix,
                             site_name=config.site_name, site_description=config.site_description or config.site_name,
                             site_url=config.site_url or "", history=read_history(data_dir),
                             cards=build.settings.cards, pagefind=build.settings.pagefind)
    _set_glossary(config, source.glossary)
    unlisted = set(source.not_in_nav)
    for path, content in [*source.pages.items(), *source.files]:
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} would be replaced by a generated file; remove or rename it")
        files.append(File.generated(config, path, content=content, inclusion=_inclusion(path, unlisted)))
    build.docs_meta = {path: docs_page_meta(path, docs_prefix) for path in docs_pages}
    for name, owners in source.shared_names.items():
        log.info("No redirect for roles/%s/: the name is shared by %s", name, ", ".join(sorted(owners)))
    _set_redirects(config, source.redirects)
    build.after = source.after
    return files


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    """docs/'s own pages get the meta the export writes into their front matter (site_source)."""
    for key, value in _state().docs_meta.get(page.file.src_uri, {}).items():
        if value is not None:
            page.meta.setdefault(key, value)
    return markdown


def _repo_path(path: Path, root: Path) -> str | None:
    """`path` relative to the project's root, as the repository names it; None when outside."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


def _problem_pages(files: Files, config: MkDocsConfig, err: DataError) -> Files:
    """While serving: every page the navigation and the data's file names promise, and docs/'s own
    pages become the list of problems; the 404 page too (and any address that is no page)."""
    log.info("%s\nEvery page shows the problems until they are fixed.", err)
    _state().problems = err.problems
    page = error_markdown(err.problems)
    wanted = {urls.HOME, *_nav_pages(config.nav)}
    for file in files.documentation_pages():
        wanted.add(file.src_uri)
        files.remove(file)
    for path, _ in _entry_pages(err.entries):
        wanted.add(path)
    entries = {path for path, _ in _entry_pages(err.entries)}
    for path in sorted(wanted):
        files.append(File.generated(config, path, content=page, inclusion=_inclusion(path, entries)))
    _state().after = AfterBuild(search={path: PageSearch() for path in wanted}, pagefind=_state().settings.pagefind)
    return files


def _inclusion(path: str, entries: set[str]) -> InclusionLevel:
    """Entry pages (a role's, a skill's…) are reached from their indexes and by search; listing
    thousands of them in the navigation would grow every page with the size of the data."""
    return InclusionLevel.NOT_IN_NAV if path in entries else InclusionLevel.UNDEFINED


def _entry_pages(files: dict[tuple[str, str], str]) -> Iterator[tuple[str, str]]:
    """(page, data file) of every entry with a page of its own, as the loader found them."""
    for (ref, ident), path in files.items():
        if BY_REF[ref].page:
            yield urls.page_of(ref, ident), path


def _nav_pages(nav) -> Iterator[str]:
    for item in nav or ():
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            yield from _nav_pages(value)
        elif isinstance(value, str) and value.endswith(".md"):
            yield value


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """While the data has problems, the page for unknown addresses lists them as well."""
    problems = _state().problems
    if template_name == "404.html" and problems is not None:
        return error_html(problems)
    return output_content


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading and rendering make hundreds of thousands of short-lived objects and no reference
    cycles, so reference counting frees them all; left on, the cyclic collector would walk the
    whole MkDocs heap again and again for them (scripts/BENCHMARKS.md)."""
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
    llms.txt; Pagefind's marks and index, Material's own index emptied (the search setting
    `material` keeps it); the cards not drawn before (kept in the card_cache folder)."""
    build = _state()
    try:
        finish_site(Path(config.site_dir), build.after, build.settings.card_cache, log.info)
    except site_search.SearchIndexError as err:
        raise PluginError(str(err)) from None
