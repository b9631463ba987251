"""The JSON Schema the site publishes reaches the editor, and it agrees with the loader.

Editors with YAML language support (VS Code through .vscode/settings.json, any editor running
yaml-language-server with the same mapping) check data files against schemas/data-file.schema.json
as they are typed. That copy must be the schema the build publishes at
/api/schema/data-file.schema.json, and the schema must accept the data the loader accepts and
refuse the mistakes it refuses; both are checked here with a standard validator (jsonschema).
"""

from __future__ import annotations

import copy
import fnmatch
import json

import pytest
import yaml
from jsonschema import Draft202012Validator

import datafactory
from conftest import ROOT
from roleatlas.export import api_files
from roleatlas.load import load
from roleatlas.problems import DataError

EDITOR_SCHEMA = ROOT / "schemas" / "data-file.schema.json"
PUBLISHED = "api/schema/data-file.schema.json"
REGENERATE = ("regenerate it: ./scripts/build && .venv/bin/python -m json.tool --indent 2 --no-ensure-ascii "
              f"site/{PUBLISHED} > schemas/data-file.schema.json")


@pytest.fixture(scope="module")
def published(atlas) -> dict:
    """The schema as the build publishes it."""
    return json.loads(dict(api_files(atlas))[PUBLISHED])


@pytest.fixture(scope="module")
def validator(published) -> Draft202012Validator:
    Draft202012Validator.check_schema(published)
    return Draft202012Validator(published)


def test_the_editors_copy_is_the_published_schema(published):
    assert EDITOR_SCHEMA.is_file(), f"{EDITOR_SCHEMA.relative_to(ROOT)} is missing; {REGENERATE}"
    assert json.loads(EDITOR_SCHEMA.read_text(encoding="utf-8")) == published, \
        f"{EDITOR_SCHEMA.relative_to(ROOT)} differs from the schema the site publishes; {REGENERATE}"


def test_the_editor_settings_map_every_data_file_to_the_schema():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    globs = settings["yaml.schemas"]["./" + EDITOR_SCHEMA.relative_to(ROOT).as_posix()]
    files = [p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "data").rglob("*.yaml"))]
    assert files and all(any(fnmatch.fnmatch(f, g) for g in globs) for f in files), (globs, files)


@pytest.mark.parametrize("path", sorted((ROOT / "data").rglob("*.yaml")), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_data_file_is_valid_against_the_published_schema(validator, path):
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))]
    assert not errors, "\n".join(errors)


def test_the_test_data_sets_are_valid_against_the_schema_too(validator, tmp_path):
    data = datafactory.write_data(tmp_path)
    load(data, root=tmp_path, today=datafactory.TODAY)  # the loader accepts them ...
    for path in sorted(data.rglob("*.yaml")):  # ... and so does the schema
        assert not list(validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))), path


def _role(**change) -> dict:
    role = copy.deepcopy(datafactory.base_roles()["beta"])
    for key, value in change.items():
        if value is None:
            role.pop(key)
        else:
            role[key] = value
    return role


SRC = datafactory.SOURCE
# Mistakes in a role file the loader refuses, each of which the schema must refuse as well.
REFUSED = {
    "unknown field": _role(sumary="typo"),
    "missing required field": _role(focus=None),
    "wrong type": _role(qualifications={"experience": {"min_years": "seven", "source": SRC}}),
    "value not in the choices": _role(coverage="partial"),
    "id that is no id": _role(id="Beta Role"),
    "reference that is no id": _role(summary={"text": "x", "source": "Source A"}),
    "empty text": _role(title=""),
    "list where a mapping belongs": [_role()],
}


@pytest.mark.parametrize("name", REFUSED)
def test_what_the_loader_refuses_the_schema_refuses(validator, tmp_path, name):
    content = REFUSED[name]
    data = datafactory.write_data(tmp_path)
    (data / "roles" / "beta.yaml").write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataError):
        load(data, root=tmp_path, today=datafactory.TODAY)
    assert list(validator.iter_errors(content)), f"the schema accepts a role file with {name}"
