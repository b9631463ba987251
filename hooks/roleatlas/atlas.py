"""The loaded data with its cross-references, computed once per build.

Renderers ask the Atlas "which roles need this skill?" instead of scanning every role for every
skill page, which keeps the build linear in the size of the data.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from .kinds import KINDS
from .model import Claim, Perspective, Role, Salary, SkillNeed


@dataclass(frozen=True)
class SkillUse:
    """One role's use of a skill: its declared need and the qualifications naming it."""

    role: Role
    skill: str
    need: SkillNeed | None
    qualifications: tuple[str, ...]

    @property
    def need_word(self) -> str:
        """A skill only a qualification names is required: qualifications are requirements."""
        return self.need.need if self.need else "required"

    @property
    def points(self) -> tuple[str, ...]:
        return self.need.points if self.need else ()


@dataclass(frozen=True)
class CareerEdge:
    """A step from one role to the next, declared on either end."""

    before: str
    after: str
    note: str | None
    source: str


@dataclass(frozen=True)
class Atlas:
    """Every kind's entries, from the registry (kinds.KINDS), and the cross-references between them.

    A kind's entries are `atlas.<name>` (atlas.roles, in the kind's order) and its id map is
    `atlas.<ref>` (atlas.role["cto"]): both are looked up in `entries` and `ids`, so a newly
    registered kind needs nothing here."""

    entries: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    """By kind name: the entries, in the kind's order."""
    ids: dict[str, dict[str, Any]] = field(default_factory=dict)
    """By kind ref: id → entry."""
    roles_in: dict[str, tuple[Role, ...]] = field(default_factory=dict)
    """By occupation id: the roles mapped to it."""
    wages_of: dict[str, tuple[Salary, ...]] = field(default_factory=dict)
    """By occupation id: the official pay statistics for the whole occupation."""
    skill_uses: dict[str, tuple[SkillUse, ...]] = field(default_factory=dict)
    """By skill id: the roles that use it."""
    uses_by_role: dict[str, tuple[SkillUse, ...]] = field(default_factory=dict)
    """By role id: the skills it uses, in the one order every page and the export show."""
    claims_about: dict[str, tuple[tuple[Perspective, Claim], ...]] = field(default_factory=dict)
    claims_on: dict[str, tuple[tuple[Perspective, Claim], ...]] = field(default_factory=dict)
    career: tuple[CareerEdge, ...] = ()
    steps_into: dict[str, tuple[CareerEdge, ...]] = field(default_factory=dict)
    steps_out: dict[str, tuple[CareerEdge, ...]] = field(default_factory=dict)
    linked_from: dict[str, tuple[Role, ...]] = field(default_factory=dict)
    files: dict[tuple[str, str], str] = field(default_factory=dict)
    """(kind, id) → the data file that holds the entry, relative to the data folder, as the loader
    read it (`roles/cto.yaml`, `skills.yaml`): where its "Edit this page" button leads."""

    def __getattr__(self, name: str) -> Any:
        """A kind's entries by its name (atlas.roles) or its id map by its ref (atlas.role)."""
        state = self.__dict__
        if name in state.get("entries", {}):
            return state["entries"][name]
        if name in state.get("ids", {}):
            return state["ids"][name]
        raise AttributeError(f"Atlas has no kind or field {name!r}; kinds are registered in kinds.KINDS")

    @classmethod
    def create(cls, files: dict[tuple[str, str], str] | None = None, **given: tuple) -> Atlas:
        """The Atlas of loaded entries, given by kind name (roles=…, skills=…; every registered kind,
        a missing one as empty), and the files that hold them."""
        unknown = set(given) - {k.name for k in KINDS}
        if unknown:
            raise TypeError(f"not registered kinds: {sorted(unknown)}; add them to kinds.KINDS")
        kinds = {k.name: tuple(sorted(given.get(k.name, ()), key=k.order) if k.order else given.get(k.name, ()))
                 for k in KINDS}
        id_maps = {k.ref: {getattr(item, k.key): item for item in kinds[k.name]} for k in KINDS}
        roles: tuple[Role, ...] = kinds["roles"]
        uses_by_role = {role.id: _skill_uses_of(role) for role in roles}
        return cls(
            entries=kinds, ids=id_maps, files=files or {},
            uses_by_role=uses_by_role,
            skill_uses=_group((use for uses in uses_by_role.values() for use in uses), lambda u: u.skill),
            claims_about=_claims_about(kinds["perspectives"]),
            claims_on=_group(((p, c) for p in kinds["perspectives"] for c in p.claims), lambda pc: pc[1].dimension),
            career=(career := _career(roles)),
            steps_into=_group(career, lambda e: e.after),
            steps_out=_group(career, lambda e: e.before),
            linked_from=_linked_from(roles),
            roles_in=_group(((c.occupation, r) for r in roles for c in r.classifications if c.occupation),
                            lambda pair: pair[0], lambda pair: pair[1]),
            wages_of=_group((s for s in kinds["salaries"] if s.occupation), lambda s: s.occupation),
        )

    def file_of(self, ref: str, ident: str) -> str | None:
        """The data file that holds an entry (`roles/cto.yaml`), relative to the data folder."""
        return self.files.get((ref, ident))

    def entry_in(self, file: str) -> tuple[str, str] | None:
        """The one entry a data file holds (`roles/cto.yaml` → ("role", "cto")); None for a file of
        many entries, or one no longer in the data."""
        held = [entry for entry, holder in self.files.items() if holder == file]
        return held[0] if len(held) == 1 else None

    def official_pay(self, role: Role) -> tuple[Salary, ...]:
        """Official pay statistics of the occupations the role is mapped to (each for the whole
        occupation, never for the exact title), in the order of its classifications."""
        ids = dict.fromkeys(c.occupation for c in role.classifications if c.occupation)
        return tuple(s for oid in ids for s in self.wages_of.get(oid, ()))

    def skill_ids_of(self, role: Role) -> tuple[str, ...]:
        return tuple(use.skill for use in self.uses_by_role[role.id])

    def key_skills(self, role: Role, limit: int) -> tuple[str, ...]:
        """The skills to name when there is room for few: the required ones, else the first ones."""
        uses = self.uses_by_role[role.id]
        chosen = [u.skill for u in uses if u.need_word == "required"] or [u.skill for u in uses]
        return tuple(chosen[:limit])

    def salary_figures(self, role: Role) -> tuple[Salary, ...]:
        """The role's salary figures, in the order its file lists them."""
        return tuple(self.salary[sid] for sid in role.salaries)


def _group(items: Iterable, key: Callable, value: Callable = lambda item: item) -> dict:
    grouped: dict = defaultdict(list)
    for item in items:
        grouped[key(item)].append(value(item))
    return {k: tuple(v) for k, v in grouped.items()}


def _skill_uses_of(role: Role) -> tuple[SkillUse, ...]:
    """The skills a role declares, in its order, then those only its qualifications name."""
    needs = {n.skill: n for n in role.skills}
    named: dict[str, list[str]] = defaultdict(list)
    for q in role.qualifications.required + role.qualifications.preferred:
        for sid in q.skills:
            named[sid].append(q.title)
    return tuple(SkillUse(role, sid, needs.get(sid), tuple(named.get(sid, ()))) for sid in dict.fromkeys([*needs, *named]))


def _claims_about(perspectives: tuple[Perspective, ...]) -> dict[str, tuple[tuple[Perspective, Claim], ...]]:
    about: dict[str, list[tuple[Perspective, Claim]]] = defaultdict(list)
    for p in perspectives:
        for claim in p.claims:
            for rid in dict.fromkeys([*(s.role for s in claim.stances), *claim.roles]):
                about[rid].append((p, claim))
    return {rid: tuple(c) for rid, c in about.items()}


def _career(roles: tuple[Role, ...]) -> tuple[CareerEdge, ...]:
    """One edge per step, whichever end declares it; a note given on either end is kept."""
    edges: dict[tuple[str, str], CareerEdge] = {}

    def add(before: str, after: str, step) -> None:
        known = edges.get((before, after))
        if known is None or (not known.note and step.note):
            edges[(before, after)] = CareerEdge(before, after, step.note, step.source)

    for role in roles:
        for step in role.career_from:
            add(step.role, role.id, step)
        for step in role.career_to:
            add(role.id, step.role, step)
    return tuple(edges.values())


def _linked_from(roles: tuple[Role, ...]) -> dict[str, tuple[Role, ...]]:
    back: dict[str, list[Role]] = defaultdict(list)
    for role in roles:
        for link in role.related:
            back[link.role].append(role)
    return {rid: tuple(r) for rid, r in back.items()}
