"""A new kind of data is one registry entry (kinds.KINDS) and its model class: registered here as a
throwaway kind, it is loaded, checked, held by the Atlas, paged, kept out of the navigation,
indexed for search, exported and described by both JSON Schemas, with no other code."""

from __future__ import annotations

import jsonschema
import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.structure.files import Files, InclusionLevel

import datafactory
from conftest import ROOT
from datafactory import TODAY, render_site
from roleatlas.export import exports
from roleatlas.kinds import BY_NAME, Kind, registered
from roleatlas.load import load
from roleatlas.model import doc, model, opt
from roleatlas.problems import DataError
from roleatlas.schema import data_file_schema, export_schema
from roleatlas.settings import SETTINGS


@model
class Gadget:
    """A throwaway kind: a gadget some source describes."""

    id: str = doc("Stable id.", id=True)
    name: str = doc("What it is called.")
    colour: str = doc("Its colour, as the source gives it.")
    roles: tuple[str, ...] = opt("Roles that use it.", (), ref="role")
    source: str = doc("Id of the source.", ref="source")


GADGETS = Kind("gadgets", "gadget", Gadget, page="gadgets/{id}.md")
ENTRIES = [{"id": "wand", "name": "Magic wand", "colour": "Ultramarine", "roles": ["alpha"], "source": "src-a"}]


@pytest.fixture
def gadget_data(tmp_path):
    with registered(GADGETS):
        collections = {**datafactory.base_collections(), "gadgets": ENTRIES}
        yield datafactory.write_data(tmp_path, collections=collections)


def test_unregistered_the_collection_is_refused(tmp_path):
    assert "gadgets" not in BY_NAME
    collections = {**datafactory.base_collections(), "gadgets": ENTRIES}
    with pytest.raises(DataError, match="gadgets: unknown collection"):
        load(datafactory.write_data(tmp_path, collections=collections), root=tmp_path, today=TODAY)


def test_a_registered_kind_is_loaded_checked_paged_and_exported(gadget_data, tmp_path):
    atlas = load(gadget_data, root=tmp_path, today=TODAY)
    assert [g.name for g in atlas.gadgets] == ["Magic wand"] and atlas.gadget["wand"].colour == "Ultramarine"
    assert atlas.file_of("gadget", "wand") == "atlas.yaml"

    page = render_site(atlas, TODAY)["gadgets/wand.md"]
    assert "# Magic wand" in page and "Ultramarine" in page and "sources.md#src-a" in page

    exported = exports(atlas)["gadgets"]
    assert exported == {"gadgets": [{**ENTRIES[0], "url": "gadgets/wand/"}]}
    jsonschema.validate(exported, export_schema())
    content = yaml.safe_load((gadget_data / "atlas.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(content, data_file_schema())


def test_a_registered_kinds_references_are_checked(gadget_data, tmp_path):
    text = (gadget_data / "atlas.yaml").read_text(encoding="utf-8")
    (gadget_data / "atlas.yaml").write_text(text.replace("- alpha", "- alhpa"), encoding="utf-8")
    with pytest.raises(DataError, match=r"gadgets\[0\]\.roles\[0\]: unknown role id 'alhpa'; did you mean 'alpha'"):
        load(gadget_data, root=tmp_path, today=TODAY)


def test_the_hooks_page_it_outside_the_navigation_and_index_it_for_search(gadget_data, monkeypatch):
    for s in SETTINGS:
        monkeypatch.delenv(s.env, raising=False)
    monkeypatch.setenv("ROLE_ATLAS_DATA", str(gadget_data))
    config = load_config(str(ROOT / "mkdocs.yml"))
    module = config.hooks["hooks/atlas_hooks.py"]
    monkeypatch.setattr(module, "_build", None)
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(Files([]), config=config)
    page = files.get_file_from_path("gadgets/wand.md")
    assert page is not None and page.inclusion == InclusionLevel.NOT_IN_NAV
    assert files.get_file_from_path("roles/alpha.md").inclusion == InclusionLevel.NOT_IN_NAV
    assert files.get_file_from_path("api/gadgets.json") is not None
    front = yaml.safe_load(page.content_string.split("---\n")[1])
    assert front["search"] == {"boost": 2}, "indexed like a topic page (not excluded from search)"
