"""The published, machine-readable copy of the data (/api/*.json).

The export is the model as it is (every field, nothing renamed) plus the page URL of each item,
so the JSON Schema made from the same model describes the data files and the export alike.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from .atlas import Atlas
from .schema import data_file_schema, export_schema

API_FILES = ("roles", "skills", "salaries", "perspectives", "dimensions", "topics", "sources", "terms", "comparisons")


def as_data(obj: Any) -> Any:
    """A model object as plain JSON values (tuples become lists)."""
    if dataclasses.is_dataclass(obj):
        return {f.name: as_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (tuple, list)):
        return [as_data(item) for item in obj]
    return obj


def exports(atlas: Atlas) -> dict[str, Any]:
    """One JSON document per collection, keyed by its file name under /api/."""
    docs: dict[str, Any] = {}
    for kind in API_FILES:
        items = [as_data(item) for item in getattr(atlas, kind)]
        if kind in ("roles", "skills", "topics"):
            for item in items:
                item["url"] = f"{kind}/{item['id']}/"
        docs[kind] = {kind: items}
    return docs


def to_json(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def api_files(atlas: Atlas) -> list[tuple[str, str]]:
    """(path, JSON text) of every published data file, the JSON Schemas included."""
    files = [(f"api/{name}.json", to_json(doc)) for name, doc in exports(atlas).items()]
    files.append(("api/schema/data-file.schema.json", to_json(data_file_schema())))
    files.append(("api/schema/export.schema.json", to_json(export_schema())))
    return files
