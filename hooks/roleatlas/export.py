"""The published, machine-readable copy of the data (/api/*.json).

The export is the model as it is (every field, nothing renamed) plus the page URL of each item,
so the JSON Schema made from the same model describes the data files and the export alike.
"""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from typing import Any

from .atlas import Atlas
from .model import LEVEL_NAMES
from .schema import data_file_schema, export_schema

API_FILES = ("roles", "skills", "salaries", "perspectives", "dimensions", "topics", "sources", "terms", "comparisons")


def as_data(obj: Any) -> Any:
    """A model object as plain JSON values (tuples become lists)."""
    if isinstance(obj, (tuple, list)):
        return [as_data(item) for item in obj]
    names = _field_names(type(obj))
    if names:
        return {name: as_data(getattr(obj, name)) for name in names}
    return obj


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names (none for other types), looked up once per class."""
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else ()


def exports(atlas: Atlas) -> dict[str, Any]:
    """One JSON document per collection, keyed by its file name under /api/."""
    docs: dict[str, Any] = {}
    for kind in API_FILES:
        items = [as_data(item) for item in getattr(atlas, kind)]
        if kind in ("roles", "skills", "topics"):
            for item in items:
                item["url"] = f"{kind}/{item['id']}/"
        if kind == "roles":
            for item in items:
                item["level_name"] = LEVEL_NAMES[item["level"]]
        docs[kind] = {kind: items}
    return docs


def to_json(document: Any) -> str:
    """Compact JSON: smaller to fetch, and only without `indent` does json use its C encoder
    (indented, the export was a tenth of the hooks' time at 1,000 roles)."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def api_files(atlas: Atlas) -> list[tuple[str, str]]:
    """(path, JSON text) of every published data file, the JSON Schemas included."""
    files = [(f"api/{name}.json", to_json(doc)) for name, doc in exports(atlas).items()]
    files.append(("api/schema/data-file.schema.json", to_json(data_file_schema())))
    files.append(("api/schema/export.schema.json", to_json(export_schema())))
    return files
