"""The published, machine-readable copy of the data (/api/*.json).

The export is the model as it is (every field, nothing renamed), plus for entries with a page its
`url`, and for roles the `display` text the pages show (experience, pay…), so the browser's
compare view shows the same words without formatting anything itself. The JSON Schema made from
the same model describes the data files and the export alike.
"""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from typing import Any

from . import formats, urls
from .atlas import Atlas
from .display import RoleDisplay
from .kinds import KINDS
from .model import Role
from .schema import data_file_schema, export_schema


def as_data(obj: Any) -> Any:
    """A model object as plain JSON values (tuples become lists)."""
    if isinstance(obj, (tuple, list)):
        return [as_data(item) for item in obj]
    names = _field_names(obj.__class__)
    if names:
        return {name: as_data(getattr(obj, name)) for name in names}
    return obj


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names (none for other types), looked up once per class."""
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else ()


def role_display(atlas: Atlas, role: Role) -> RoleDisplay:
    """What a role's pages show as text, for the compare view; empty text where the data is silent."""
    q = role.qualifications
    return RoleDisplay(level=formats.level_text(role.level), experience=formats.experience_text(q.experience),
                       education=formats.education_text(q.education), pay=tuple(formats.role_pay(atlas, role)),
                       skills=atlas.skill_ids_of(role))


def exports(atlas: Atlas) -> dict[str, Any]:
    """One JSON document per kind, keyed by its file name under /api/."""
    docs: dict[str, Any] = {}
    for kind in KINDS:
        entries = getattr(atlas, kind.name)
        items = [as_data(entry) for entry in entries]
        if kind.page:
            for item in items:
                item["url"] = urls.url_of(urls.page_of(kind.ref, item["id"]))
        if kind.model is Role:
            for item, role in zip(items, entries):
                item["display"] = as_data(role_display(atlas, role))
        docs[kind.name] = {kind.name: items}
    return docs


def covered_titles(atlas: Atlas) -> list[dict[str, Any]]:
    """Every title the atlas knows, for search's answer to a query that finds no page: each role's
    names (sourced ones marked so, the atlas's own search words not), then the titles companies'
    ladders name without a role page of their own, linked to their level on the ladders page."""
    titles: list[dict[str, Any]] = []
    for role in atlas.roles:
        url = urls.url_of(urls.page_of("role", role.id))
        sourced = {role.title, *(n.name for n in role.abbreviations + role.aliases)}
        for name in dict.fromkeys(role.names):
            titles.append({"title": name, "role": role.id, "url": url, "sourced": name in sourced})
    for ladder in atlas.ladders:
        for level in ladder.levels:
            for rung in (*level.management, *level.engineer):
                if rung.role is None:
                    titles.append({"title": rung.title, "role": None, "sourced": True,
                                   "url": urls.url_of(urls.LADDERS) + "#" + urls.ladder_anchor(ladder.id, level.id)})
    return titles


def to_json(document: Any) -> str:
    """Compact JSON: smaller to fetch, and only without `indent` does json use its C encoder."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def api_files(atlas: Atlas) -> list[tuple[str, str]]:
    """(path, JSON text) of every published data file, the JSON Schemas included."""
    files = [(urls.api_file(name), to_json(doc)) for name, doc in exports(atlas).items()]
    files.append((urls.api_file("titles"), to_json({"titles": covered_titles(atlas)})))
    files.append((urls.api_file("schema/data-file.schema"), to_json(data_file_schema())))
    files.append((urls.api_file("schema/export.schema"), to_json(export_schema())))
    return files
