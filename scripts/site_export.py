"""The site's whole source written out, for any engine to build without hooks (scripts/export).

    DIR/mkdocs.yml       the project's mkdocs.yml without `hooks:` and `watch:`, with what the hooks
                         hand over in memory written in: the redirects, the glossary, the search switch
    DIR/docs/            docs/ (its pages with their meta in their front matter), every generated page,
                         the /api/ files
    DIR/overrides/       the theme's overrides (they read only the pages' meta)
    DIR/postbuild.json   what scripts/postbuild does to the built site: search, cards, published Markdown

`mkdocs build`, `properdocs build -f mkdocs.yml` or another engine builds DIR, then
`scripts/postbuild DIR/site` finishes the site. The pages, files and plan come from
roleatlas.site_source, as in the hooked build. scripts/bench builds this export against the hooked
build; tests/test_export.py checks both give the same files.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from roleatlas.history import read_history  # noqa: E402
from roleatlas.load import load  # noqa: E402
from roleatlas.postbuild import PLAN_FILE, cards_wanted, pagefind_wanted  # noqa: E402
from roleatlas.site_source import SiteSource, add_meta, docs_page_meta, site_source  # noqa: E402
from roleatlas.when import build_date  # noqa: E402


class _Tagged:
    """A YAML value with a tag this script does not interpret (!ENV, !!python/name:…), kept as written."""

    def __init__(self, tag: str, node: yaml.Node, loader: yaml.SafeLoader):
        self.tag = tag
        self.kind = type(node)
        if isinstance(node, yaml.ScalarNode):
            self.value: Any = loader.construct_scalar(node)
        elif isinstance(node, yaml.SequenceNode):
            self.value = loader.construct_sequence(node, deep=True)
        else:
            self.value = loader.construct_mapping(node, deep=True)


class _TolerantLoader(yaml.SafeLoader):
    pass


class _TagDumper(yaml.SafeDumper):
    pass


def _keep_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    return _Tagged(node.tag, node, loader)


def _write_tag(dumper: yaml.SafeDumper, value: _Tagged) -> yaml.Node:
    if value.kind is yaml.ScalarNode:
        return dumper.represent_scalar(value.tag, value.value)
    if value.kind is yaml.SequenceNode:
        return dumper.represent_sequence(value.tag, value.value)
    return dumper.represent_mapping(value.tag, value.value)


_TolerantLoader.add_multi_constructor("!", _keep_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _keep_tag)
_TagDumper.add_representer(_Tagged, _write_tag)


def read_config(path: Path = ROOT / "mkdocs.yml") -> dict[str, Any]:
    """mkdocs.yml with its tags (!ENV …) kept as written, so the engine resolves them at build time."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)


def _setting(value: Any) -> Any:
    """A setting's value now (an !ENV tag resolved as MkDocs would, from the environment)."""
    if isinstance(value, _Tagged) and value.tag == "!ENV":
        names = value.value if isinstance(value.value, list) else [value.value]
        *variables, default = names if len(names) > 1 else [*names, None]
        return next((os.environ[v] for v in variables if os.environ.get(v)), default)
    return value


def export_config(source: SiteSource, docs_dir: str = "docs", custom_dir: str = "overrides") -> str:
    """The project's mkdocs.yml without hooks: what the hook hands over in memory written in."""
    config = read_config()
    config.pop("hooks", None)
    config.pop("watch", None)
    config["docs_dir"] = docs_dir
    if not _setting(config.get("repo_url")):  # as the hook does: no repository address, no edit buttons
        config.pop("edit_uri", None)
    config.setdefault("extra", {})["pagefind_search"] = source.after.pagefind  # as the hook's on_config sets it
    theme = config.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        theme["custom_dir"] = custom_dir
    plugins = []
    for plugin in config.get("plugins", []):
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name == "redirects":  # the hook fills its map from the data; here it is given up front
            options = {} if isinstance(plugin, str) else dict(plugin[name] or {})
            options["redirect_maps"] = {**options.get("redirect_maps", {}), **source.redirects}
            plugin = {name: options}
        plugins.append(plugin)
    config["plugins"] = plugins
    config["markdown_extensions"] = [{"abbr": {"glossary": source.glossary}} if ext == "abbr" else ext
                                     for ext in config["markdown_extensions"]]
    return yaml.dump(config, Dumper=_TagDumper, sort_keys=False, allow_unicode=True)


def make_source(data: Path) -> tuple[SiteSource, dict[str, str]]:
    """The site source of `data`, as the hooked build makes it; and docs/'s pages with their meta."""
    config = read_config()
    docs = ROOT / str(config.get("docs_dir", "docs"))
    docs_pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))}
    root = ROOT.resolve()
    try:
        data_prefix: str | None = data.resolve().relative_to(root).as_posix()
    except ValueError:
        data_prefix = None
    docs_prefix = docs.resolve().relative_to(root).as_posix()
    built = build_date()
    atlas = load(data, root=data.parent, today=built)
    source = site_source(atlas, built, data_dir=data, data_prefix=data_prefix, docs_pages=docs_pages,
                         docs_prefix=docs_prefix, site_name=config["site_name"],
                         site_description=config.get("site_description") or config["site_name"],
                         site_url=_setting(config.get("site_url")) or "", history=read_history(data),
                         cards=cards_wanted(), pagefind=pagefind_wanted())
    return source, {path: add_meta(text, **docs_page_meta(path, docs_prefix)) for path, text in docs_pages.items()}


def write_export(data: Path, out: Path) -> tuple[Path, int]:
    """Write the site source of `data` into `out` (emptied first). Returns the config and the
    number of Markdown pages."""
    source, docs_pages = make_source(data)
    if out.exists():
        shutil.rmtree(out)
    config = read_config()
    shutil.copytree(ROOT / str(config.get("docs_dir", "docs")), out / "docs")
    shutil.copytree(ROOT / "overrides", out / "overrides")
    for path, text in [*docs_pages.items(), *source.pages.items(), *source.files]:
        target = out / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (out / PLAN_FILE).write_text(source.after.to_json(), encoding="utf-8")
    (out / "mkdocs.yml").write_text(export_config(source), encoding="utf-8")
    return out / "mkdocs.yml", len(docs_pages) + len(source.pages)


# --- comparing two built sites (scripts/bench, tests/test_export.py) --------------------------------

_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def _canonical(value: Any) -> Any:
    """JSON with its lists sorted: the search index and tags.json list pages in build order."""
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((_canonical(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    return value


def _same(a: Path, b: Path, any_generator: bool) -> bool:
    one, other = a.read_bytes(), b.read_bytes()
    if one == other:
        return True
    if any_generator and a.suffix == ".html" and _GENERATOR.sub(b"", one) == _GENERATOR.sub(b"", other):
        return True
    if a.suffix == ".json":
        return _canonical(json.loads(one)) == _canonical(json.loads(other))
    return False


def differing_files(a: Path, b: Path, any_generator: bool = False) -> list[str]:
    """The output files that exist in only one site or differ in content: the sitemap's dates aside,
    JSON compared with its lists sorted (search and tags list pages in build order), and with
    `any_generator` the engine's name in each page's `generator` tag aside (ProperDocs names itself)."""
    fa, fb = _files(a), _files(b)
    differ = sorted(fa ^ fb)
    for name in sorted(fa & fb):
        if not name.startswith("sitemap.xml") and not _same(a / name, b / name, any_generator):
            differ.append(name)
    return differ
