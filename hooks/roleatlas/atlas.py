"""The loaded data with its cross-references, computed once per build.

Renderers ask the Atlas "which roles need this skill?" instead of scanning every role for every
skill page, which keeps the build linear in the size of the data.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, get_args

from .model import (Claim, Comparison, Dimension, Level, Perspective, Role, Salary, Skill, SkillNeed, Source,
                    Term, Topic)


@dataclass(frozen=True)
class SkillUse:
    """One role's use of a skill: its declared need and the qualifications naming it."""

    role: Role
    need: SkillNeed | None
    qualifications: tuple[str, ...]

    @property
    def need_word(self) -> str:
        return self.need.need if self.need else "required"


@dataclass(frozen=True)
class CareerEdge:
    """A step from one role to the next, declared on either end."""

    before: str
    after: str
    note: str
    source: str


@dataclass(frozen=True)
class Atlas:
    roles: tuple[Role, ...]
    skills: tuple[Skill, ...]
    sources: tuple[Source, ...]
    salaries: tuple[Salary, ...]
    dimensions: tuple[Dimension, ...]
    perspectives: tuple[Perspective, ...]
    comparisons: tuple[Comparison, ...]
    terms: tuple[Term, ...]
    topics: tuple[Topic, ...]
    files: dict[str, str] = field(default_factory=dict)
    role: dict[str, Role] = field(default_factory=dict)
    skill: dict[str, Skill] = field(default_factory=dict)
    source: dict[str, Source] = field(default_factory=dict)
    salary: dict[str, Salary] = field(default_factory=dict)
    dimension: dict[str, Dimension] = field(default_factory=dict)
    topic: dict[str, Topic] = field(default_factory=dict)
    skill_uses: dict[str, tuple[SkillUse, ...]] = field(default_factory=dict)
    claims_about: dict[str, tuple[tuple[Perspective, Claim], ...]] = field(default_factory=dict)
    claims_on: dict[str, tuple[tuple[Perspective, Claim], ...]] = field(default_factory=dict)
    career: tuple[CareerEdge, ...] = ()
    steps_into: dict[str, tuple[CareerEdge, ...]] = field(default_factory=dict)
    steps_out: dict[str, tuple[CareerEdge, ...]] = field(default_factory=dict)
    linked_from: dict[str, tuple[Role, ...]] = field(default_factory=dict)

    @classmethod
    def create(cls, **kinds: tuple) -> Atlas:
        roles = tuple(sorted(kinds.pop("roles"), key=lambda r: (_LEVELS.index(r.level), r.title.lower())))
        skills = tuple(sorted(kinds.pop("skills"), key=lambda s: s.name.lower()))
        files = kinds.pop("files")
        base = dict(roles=roles, skills=skills, files=files, **kinds)
        return cls(
            **base,
            role=_by_id(roles),
            skill=_by_id(skills),
            source=_by_id(kinds["sources"]),
            salary=_by_id(kinds["salaries"]),
            dimension=_by_id(kinds["dimensions"]),
            topic=_by_id(kinds["topics"]),
            skill_uses=_skill_uses(roles),
            claims_about=_claims_about(kinds["perspectives"]),
            claims_on=_group(((p, c) for p in kinds["perspectives"] for c in p.claims), lambda pc: pc[1].dimension),
            career=(career := _career(roles)),
            steps_into=_group(career, lambda e: e.after),
            steps_out=_group(career, lambda e: e.before),
            linked_from=_linked_from(roles),
        )

    def skill_ids_of(self, role: Role) -> tuple[str, ...]:
        """Every skill a role names, in its declared order, then those only its qualifications name."""
        ids = [need.skill for need in role.skills]
        for q in role.qualifications.required + role.qualifications.preferred:
            ids += [s for s in q.skills if s not in ids]
        return tuple(dict.fromkeys(ids))

    def salary_range(self, role: Role) -> tuple[Salary, ...]:
        return tuple(self.salary[sid] for sid in role.salaries)


_LEVELS = get_args(Level)  # roles are listed from the most senior level down


def _by_id(items: Iterable) -> dict:
    return {item.id: item for item in items}


def _group(items: Iterable, key: Callable) -> dict:
    grouped: dict = defaultdict(list)
    for item in items:
        grouped[key(item)].append(item)
    return {k: tuple(v) for k, v in grouped.items()}


def _skill_uses(roles: tuple[Role, ...]) -> dict[str, tuple[SkillUse, ...]]:
    uses: dict[str, list[SkillUse]] = defaultdict(list)
    for role in roles:
        needs = {n.skill: n for n in role.skills}
        named: dict[str, list[str]] = defaultdict(list)
        for q in role.qualifications.required + role.qualifications.preferred:
            for sid in q.skills:
                named[sid].append(q.title)
        for sid in dict.fromkeys([*needs, *named]):
            uses[sid].append(SkillUse(role, needs.get(sid), tuple(named.get(sid, ()))))
    return {sid: tuple(u) for sid, u in uses.items()}


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
