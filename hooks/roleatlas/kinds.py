"""The registry of data kinds: the one list the loader, the Atlas, the export and the schema read.

Adding a kind of data is one entry here plus its model class: where its files live, what its
entries are called in references (`ref=` in the model), which field identifies an entry, and where
its pages are. The loader reads it, the Atlas holds it (atlas.<name>, atlas.<ref>), each entry gets
a page (render/pages.py: a kind's own renderer, or the generic entry page), left out of the
navigation, indexed for search, and every kind is published as /api/<name>.json with its schema.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, get_args

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
    order: Callable[[Any], Any] | None = None
    """The sort key of the kind's entries everywhere they are listed; None keeps the files' order."""
    toc: bool = False
    """Its pages get an "On this page" list under the title on phones (they are long and, like
    every entry page, not in the navigation, so the phone menu has no table of contents for them)."""


_LEVELS = get_args(model.Level)  # roles are listed from the most senior level down
_SYSTEMS = get_args(model.CodeSystem)

KINDS: list[Kind] = [
    Kind("roles", "role", model.Role, one_per_file=True, page="roles/{id}.md", toc=True,
         order=lambda r: (_LEVELS.index(r.level), r.title.lower())),
    Kind("topics", "topic", model.Topic, one_per_file=True, page="topics/{id}.md", toc=True),
    Kind("sources", "source", model.Source),
    Kind("skills", "skill", model.Skill, page="skills/{id}.md", order=lambda s: s.name.lower()),
    Kind("salaries", "salary", model.Salary),
    # Occupations come from several files (hand-kept and imported): one order, by system then code.
    Kind("occupations", "occupation", model.Occupation,
         order=lambda o: (_SYSTEMS.index(o.system), o.code or "", o.title.lower())),
    Kind("dimensions", "dimension", model.Dimension),
    Kind("perspectives", "perspective", model.Perspective),
    Kind("comparisons", "comparison", model.Comparison, page="compare/{id}.md", toc=True),
    Kind("terms", "term", model.Term, key="term"),
    Kind("ladders", "ladder", model.Ladder),
    Kind("gaps", "gap", model.Gap),
]
"""Every kind, in the order pages and the export list them. Add a kind with `register` (tests add
throwaway kinds the same way) so that the lookups below follow."""

BY_NAME: dict[str, Kind] = {}
BY_REF: dict[str, Kind] = {}
ONE_PER_FILE: dict[str, Kind] = {}
COLLECTIONS: dict[str, Kind] = {}


def _index() -> None:
    """Refill the lookups from KINDS (in place: modules hold these very objects)."""
    for lookup in (BY_NAME, BY_REF, ONE_PER_FILE, COLLECTIONS):
        lookup.clear()
    for k in KINDS:
        BY_NAME[k.name] = BY_REF[k.ref] = k
        (ONE_PER_FILE if k.one_per_file else COLLECTIONS)[k.name] = k


@contextmanager
def registered(kind: Kind) -> Iterator[Kind]:
    """`kind` registered for the duration of a `with` block (the tests' throwaway kinds)."""
    if kind.name in BY_NAME or kind.ref in BY_REF:
        raise ValueError(f"a kind named {kind.name!r} or {kind.ref!r} is already registered")
    KINDS.append(kind)
    _index()
    try:
        yield kind
    finally:
        KINDS.remove(kind)
        _index()


_index()


def _check_registry() -> None:
    """A `ref=` naming no registered kind would never be resolved: fail at import, not on data."""
    classes = [c for c in vars(model).values() if isinstance(c, type) and dataclasses.is_dataclass(c)]
    refs = {f.metadata["ref"] for c in classes for f in dataclasses.fields(c) if "ref" in f.metadata}
    if refs - set(BY_REF):
        raise RuntimeError(f"model.py refers to unregistered kinds {sorted(refs - set(BY_REF))}; add them to KINDS")


_check_registry()
