"""The MkDocs glue on its own: generated files, clear errors, and the process left as it was."""

from __future__ import annotations

import gc

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

import datafactory
from conftest import ROOT


@pytest.fixture
def config(tmp_path, monkeypatch):
    monkeypatch.setenv("ROLE_ATLAS_DATA", str(datafactory.write_data(tmp_path)))
    config = load_config(str(ROOT / "mkdocs.yml"))
    return config.plugins.on_config(config)


def on_files(config):
    """The files event as MkDocs runs it: every plugin's handler, ours among them."""
    return config.plugins.on_files(Files([]), config=config)


def test_on_files_adds_the_generated_pages_and_turns_the_collector_back_on(config):
    files = on_files(config)
    assert files.get_file_from_path("roles/beta.md") is not None
    assert files.get_file_from_path("api/roles.json") is not None
    assert gc.isenabled(), "the cyclic garbage collector is paused only while loading and rendering"


def test_bad_data_stops_with_a_plugin_error_and_the_collector_back_on(config, tmp_path):
    (tmp_path / "data" / "roles" / "beta.yaml").write_text("id: [\n", encoding="utf-8")
    with pytest.raises(PluginError, match=r"data/roles/beta\.yaml:\d+"):
        on_files(config)
    assert gc.isenabled()
