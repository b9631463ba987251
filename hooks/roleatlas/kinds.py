"""The registry of data kinds: the one list the loader, the Atlas, the export and the schema read.

Adding a kind of data is one entry here (plus its model class and, if it has pages, a template):
where its files live, what its entries are called in references (`ref=` in the model), which
field identifies an entry, and where its pages are. Every kind is published as /api/<name>.json.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from . import model


@dataclass(frozen=True)
class Kind:
    """One kind of data."""

    name: str
    """Plural: the collection key in data/*.yaml, the folder for one-per-file kinds, the Atlas field, the
    /api/<name>.json file."""
    ref: str
    """Singular: what `ref=` metadata in the model names, and the Atlas's id map for the kind."""
    model: type
    one_per_file: bool = False
    """Each entry is its own file, data/<name>/<id>.yaml, named by its id."""
    page: str | None = None
    """The page of one entry, as a Markdown path with {id}; None when entries have no page."""
    key: str = "id"
    """The field that identifies an entry (unique within the kind)."""


KINDS: tuple[Kind, ...] = (
    Kind("roles", "role", model.Role, one_per_file=True, page="roles/{id}.md"),
    Kind("topics", "topic", model.Topic, one_per_file=True, page="topics/{id}.md"),
    Kind("sources", "source", model.Source),
    Kind("skills", "skill", model.Skill, page="skills/{id}.md"),
    Kind("salaries", "salary", model.Salary),
    Kind("occupations", "occupation", model.Occupation),
    Kind("dimensions", "dimension", model.Dimension),
    Kind("perspectives", "perspective", model.Perspective),
    Kind("comparisons", "comparison", model.Comparison, page="compare/{id}.md"),
    Kind("terms", "term", model.Term, key="term"),
    Kind("ladders", "ladder", model.Ladder),
    Kind("gaps", "gap", model.Gap),
)

BY_NAME: dict[str, Kind] = {k.name: k for k in KINDS}
BY_REF: dict[str, Kind] = {k.ref: k for k in KINDS}
ONE_PER_FILE: dict[str, Kind] = {k.name: k for k in KINDS if k.one_per_file}
COLLECTIONS: dict[str, Kind] = {k.name: k for k in KINDS if not k.one_per_file}


def _check_registry() -> None:
    """A `ref=` naming no registered kind would never be resolved: fail at import, not on data."""
    classes = [c for c in vars(model).values() if isinstance(c, type) and dataclasses.is_dataclass(c)]
    refs = {f.metadata["ref"] for c in classes for f in dataclasses.fields(c) if "ref" in f.metadata}
    if refs - set(BY_REF):
        raise RuntimeError(f"model.py refers to unregistered kinds {sorted(refs - set(BY_REF))}; add them to KINDS")


_check_registry()
