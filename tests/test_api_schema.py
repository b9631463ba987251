"""The export and its JSON Schema come from one definition each: every kind from the model, a role's
display text from export.RoleDisplay. No site build needed."""

from __future__ import annotations

import dataclasses

import jsonschema

from roleatlas.display import RoleDisplay
from roleatlas.export import exports
from roleatlas.kinds import KINDS
from roleatlas.schema import export_schema


def test_every_exported_file_validates_against_the_export_schema(atlas):
    schema = export_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    documents = exports(atlas)
    assert set(documents) == {k.name for k in KINDS}
    for name, document in documents.items():
        jsonschema.validate(document, schema)
        assert len(document[name]) == len(getattr(atlas, name)), name


def test_a_roles_display_text_is_described_by_the_schema_field_for_field(atlas):
    described = export_schema()["$defs"]["RoleDisplay"]
    fields = [f.name for f in dataclasses.fields(RoleDisplay)]
    assert list(described["properties"]) == fields and described["required"] == fields
    assert described["additionalProperties"] is False
    for role in exports(atlas)["roles"]["roles"]:
        assert list(role["display"]) == fields
