"""Settings in one place: mkdocs.yml's `extra: role_atlas:`, one environment variable each, one README
table; nothing of one build survives into the next in `mkdocs serve`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from conftest import ROOT
from roleatlas.settings import BY_KEY, SETTINGS, Settings, SettingsError, read_settings

README = ROOT / "README.md"
# Variables the project reads that are not settings of a build: each with why it is not in the table.
NOT_SETTINGS = {"BENCH_STATS": "scripts/bench hands its own child process a file name",
                "BENCH_PROGRAM": "scripts/bench tells its own child process which program to run"}


def readme_settings() -> dict[str, list[str]]:
    """The rows of README's settings table, by variable: [variable, where, default, what]."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in section.splitlines() if line.startswith("| `")]
    return {row[0].strip("`"): row for row in rows}


def mkdocs_yml() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def variables_read() -> set[str]:
    """Every environment variable the project's code, scripts and mkdocs.yml read."""
    pattern = re.compile(r"""(?:environ\.get\(|environ\[|getenv\(|!ENV \[)\s*["']?([A-Z][A-Z0-9_]+)""")
    found = {s.env for s in SETTINGS}  # settings.py reads each by its name in SETTINGS
    files = [ROOT / "mkdocs.yml", *ROOT.glob("hooks/**/*.py"), *ROOT.glob("scripts/**/*")]
    for path in files:
        if path.is_file() and "__pycache__" not in path.parts:
            found |= set(pattern.findall(path.read_text(encoding="utf-8", errors="replace")))
    return found


def test_every_setting_is_in_mkdocs_yml_with_its_default():
    given = mkdocs_yml()["extra"]["role_atlas"]
    assert given == {s.key: s.default for s in SETTINGS}
    assert set(BY_KEY) == set(Settings.__dataclass_fields__)


def test_the_readme_table_lists_every_setting_with_its_key_and_default():
    table = readme_settings()
    for s in SETTINGS:
        row = table.get(s.env)
        assert row, f"README's Settings table has no row for {s.env}"
        default = str(s.default).lower() if isinstance(s.default, bool) else s.default
        assert row[1] == f"`extra.role_atlas.{s.key}`" and row[2] == f"`{default}`", row


def test_every_variable_the_project_reads_is_in_the_readme_table():
    table = readme_settings()
    missing = variables_read() - set(table) - set(NOT_SETTINGS)
    assert not missing, f"add these to README's Settings table: {sorted(missing)}"
    assert not set(table) - variables_read(), "the table lists variables nothing reads"


def test_only_the_settings_module_reads_the_build_settings_variables():
    for path in ROOT.glob("hooks/**/*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name != "settings.py":
            assert not any(s.env in text for s in SETTINGS), path


def test_the_mkdocs_2_notices_are_silenced_in_one_place():
    holders = [p.relative_to(ROOT).as_posix() for p in [*ROOT.glob("scripts/**/*"), *ROOT.glob("tests/**/*.py"),
                                                         *ROOT.glob("hooks/**/*.py"), ROOT / ".github/workflows/pages.yml"]
               if p.is_file() and "__pycache__" not in p.parts and p != Path(__file__)
               and "MKDOCS_2_WARNING" in p.read_text(encoding="utf-8", errors="replace")]
    assert holders == ["scripts/roleatlas_dev/mkdocs.py"]


def test_an_environment_variable_overrides_mkdocs_yml(tmp_path):
    given = {"search": "pagefind", "cards": True, "data": "data"}
    base = read_settings(given, tmp_path, environ={})
    assert base.data == tmp_path / "data" and base.cards and base.pagefind and not base.check_links
    assert base.card_cache == tmp_path / ".cache" / "cards"
    over = read_settings(given, tmp_path, environ={"ROLE_ATLAS_CARDS": "off", "ROLE_ATLAS_SEARCH": "material",
                                                   "ROLE_ATLAS_DATA": "/x/data", "ROLE_ATLAS_CHECK_LINKS": "1"})
    assert (over.cards, over.pagefind, over.data, over.check_links) == (False, False, Path("/x/data"), True)


@pytest.mark.parametrize(("given", "environ", "message"), [
    ({"serach": "material"}, {}, "mkdocs.yml: extra.role_atlas.serach: unknown setting; expected one of data, "),
    ({"search": "lunr"}, {}, "mkdocs.yml: extra.role_atlas.search: got 'lunr'; expected one of pagefind, material"),
    ({}, {"ROLE_ATLAS_CARDS": "maybe"}, "environment variable ROLE_ATLAS_CARDS: got 'maybe'; expected true or false"),
])
def test_a_bad_setting_says_where_it_was_given_and_what_is_expected(tmp_path, given, environ, message):
    with pytest.raises(SettingsError) as err:
        read_settings(given, tmp_path, environ=environ)
    assert str(err.value).startswith(message)


# --- the hooks ------------------------------------------------------------------------------------


def build(config):
    config = config.plugins.on_config(config)
    return config, config.plugins.on_files(Files([]), config=config)


def card_of(module, config, page: str) -> str | None:
    """The card the current build plans to draw for `page` (roleatlas.postbuild draws it)."""
    return next((card.image for card in module._state().after.cards if card.page == page), None)


def test_a_served_data_error_keeps_nothing_of_the_last_good_build(hooks, tmp_path):
    config, module = hooks
    module.on_startup(command="serve", dirty=False)
    config, _ = build(config)
    assert card_of(module, config, "roles/beta.md"), "the good build plans a card for the role"
    (tmp_path / "data" / "roles" / "beta.yaml").write_text("id: beta\ntitle: [\n", encoding="utf-8")
    config, files = build(config)
    assert "atlas-data-problems" in files.get_file_from_path("roles/beta.md").content_string
    assert card_of(module, config, "roles/beta.md") is None, "a card of the last good build is still claimed"


def test_the_hooks_take_their_settings_from_mkdocs_yml_and_the_environment(hooks, monkeypatch):
    config, module = hooks
    config, _ = build(config)
    assert config.extra["pagefind_search"] is True
    assert config.plugins["htmlproofer"].config["enabled"] is False
    monkeypatch.setenv("ROLE_ATLAS_SEARCH", "material")
    monkeypatch.setenv("ROLE_ATLAS_CHECK_LINKS", "true")
    monkeypatch.setenv("ROLE_ATLAS_CARDS", "false")
    config, _ = build(config)
    assert config.extra["pagefind_search"] is False
    assert config.plugins["htmlproofer"].config["enabled"] is True
    assert card_of(module, config, "roles/beta.md") is None


def test_a_bad_setting_stops_the_build_with_its_message(hooks, monkeypatch):
    config, _ = hooks
    monkeypatch.setenv("ROLE_ATLAS_SEARCH", "lunr")
    with pytest.raises(PluginError, match="environment variable ROLE_ATLAS_SEARCH: got 'lunr'"):
        config.plugins.on_config(config)


def test_chromium_s_path_and_flags_are_written_in_one_place():
    holders = [p.relative_to(ROOT).as_posix() for p in [*ROOT.glob("scripts/**/*"), *ROOT.glob("tests/**/*.py")]
               if p.is_file() and "__pycache__" not in p.parts and p != Path(__file__)
               and "--no-sandbox" in p.read_text(encoding="utf-8", errors="replace")]
    assert holders == ["scripts/roleatlas_dev/chromium.py"]
