"""JSON Schema of the data files and the export, derived from the model's type hints.

Editors can validate a data file against it as it is typed; the export validates against it too.
"""

from __future__ import annotations

from typing import Any

from .kinds import COLLECTIONS, KINDS, ONE_PER_FILE
from .display import RoleDisplay
from .model import ID_PATTERN
from .shape import fields_of, shape

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"


_SCALARS: dict[type, dict[str, Any]] = {str: {"type": "string", "minLength": 1}, int: {"type": "integer"},
                                        bool: {"type": "boolean"}, float: {"type": "number"}}


def _type_schema(tp: Any, meta: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    kind, arg = shape(tp)
    if kind == "optional":
        return {"anyOf": [_type_schema(arg, meta, defs), {"type": "null"}]}
    if kind == "list":
        return {"type": "array", "items": _type_schema(arg, meta, defs)}
    if kind == "choice":
        return {"enum": list(arg)}
    if kind == "object":
        _define(arg, defs)
        return {"$ref": f"#/$defs/{arg.__name__}"}
    base = _SCALARS[arg]
    if arg is str and (meta.get("id") or meta.get("ref")):
        base = {**base, "pattern": ID_PATTERN}
    elif arg is str and meta.get("empty"):
        base = {"type": "string"}
    return base


def _define(cls: type, defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # placeholder against recursion
    props, required = {}, []
    for f in fields_of(cls).values():
        prop = _type_schema(f.type, f.meta, defs)
        if "doc" in f.meta:
            ref = f" (an id of a {f.meta['ref']})" if "ref" in f.meta else ""
            prop = {**prop, "description": f.meta["doc"] + ref}
        props[f.name] = prop
        if f.required:
            required.append(f.name)
    defs[cls.__name__] = {"type": "object", "description": (cls.__doc__ or "").strip().split("\n")[0],
                          "properties": props, "required": required, "additionalProperties": False}


def data_file_schema() -> dict[str, Any]:
    """Schema for any file in data/: a role or topic file, or a file of collections."""
    defs: dict[str, Any] = {}
    for kind in KINDS:
        _define(kind.model, defs)
    collections = {"type": "object", "additionalProperties": False, "minProperties": 1,
                   "properties": {name: {"type": "array", "items": {"$ref": f"#/$defs/{k.model.__name__}"}}
                                  for name, k in COLLECTIONS.items()}}
    return {"$schema": SCHEMA_URI, "title": "Role Atlas data file", "$defs": defs,
            "oneOf": [*({"$ref": f"#/$defs/{k.model.__name__}"} for k in ONE_PER_FILE.values()), collections]}


def export_schema() -> dict[str, Any]:
    """Schema for the /api/*.json export: each file is one kind of the model, plus page URLs and the
    text the pages show for a role."""
    schema = data_file_schema()
    defs = schema["$defs"]
    for kind in KINDS:
        if kind.page:
            defs[kind.model.__name__]["properties"]["url"] = {
                "type": "string", "description": "Page of the item, relative to the site root."}
    defs["Role"]["properties"]["display"] = _type_schema(RoleDisplay, {}, defs)
    return {"$schema": SCHEMA_URI, "title": "Role Atlas export", "$defs": defs, "type": "object",
            "minProperties": 1, "maxProperties": 1, "additionalProperties": False,
            "properties": {k.name: {"type": "array", "items": {"$ref": f"#/$defs/{k.model.__name__}"}} for k in KINDS}}
