"""The loaded data with its cross-references, computed once per build.

Renderers ask the Atlas "which roles need this skill?" instead of scanning every role for every
skill page, which keeps the build linear in the size of the data.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from .kinds import KINDS
from .oews import Estimate, PayRelease, soc_code
from .model import (Classification, Claim, Ladder, LadderLevel, Occupation, Perspective, ReleaseRow, Role, Rung, Salary,
                    SkillNeed, Source)


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
class Placement:
    """A role placed in a SOC occupation (by a publisher's title list, or as the atlas's nearest
    occupation), with the release's national figures for the whole SOC occupation."""

    classification: Classification
    occupation: Occupation
    soc: str
    soc_title: str
    national: Estimate

    @property
    def wider(self) -> bool:
        """The O*NET-SOC occupation is one part of the SOC occupation BLS publishes pay for."""
        return not (self.occupation.code or "").endswith(".00")


@dataclass(frozen=True)
class LadderPlacement:
    """Where one company's ladder puts one role: the level, and the title the company uses there."""

    ladder: Ladder
    level: LadderLevel
    rung: Rung


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
    pay: PayRelease | None = None
    """BLS's OEWS release from data/oews/ (None when the folder is absent)."""
    placed: dict[str, tuple[LadderPlacement, ...]] = field(default_factory=dict)
    """By role id: every level of a company's ladder that names the role, in ladder order."""
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
    def create(cls, files: dict[tuple[str, str], str] | None = None, pay: PayRelease | None = None,
               **given: tuple) -> Atlas:
        """The Atlas of loaded entries, given by kind name (roles=…, skills=…; every registered kind,
        a missing one as empty), the files that hold them and the OEWS pay release (not a kind: one
        release read from data/oews/)."""
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
            pay=pay,
            placed=_group((LadderPlacement(ladder, level, rung) for ladder in kinds["ladders"]
                           for level in ladder.levels for rung in (*level.management, *level.engineer) if rung.role),
                          lambda p: p.rung.role),
        )

    def file_of(self, ref: str, ident: str) -> str | None:
        """The data file that holds an entry (`roles/cto.yaml`), relative to the data folder."""
        return self.files.get((ref, ident))

    def entry_in(self, file: str) -> tuple[str, str] | None:
        """The one entry a data file holds (`roles/cto.yaml` → ("role", "cto")); None for a file of
        many entries, or one no longer in the data."""
        held = [entry for entry, holder in self.files.items() if holder == file]
        return held[0] if len(held) == 1 else None


    def pay_placements(self, role: Role) -> tuple[Placement, ...]:
        """Each SOC occupation a publisher or the atlas places the role in, with the release's
        national figures for it: one per O*NET-SOC classification, in the role's order."""
        found = []
        for c in role.classifications:
            if c.system != "O*NET-SOC" or not c.occupation:
                continue
            occupation = self.occupation[c.occupation]
            soc = soc_code(occupation.code)
            national = self.pay.national(soc) if self.pay else None
            if national is not None and self.pay is not None:
                found.append(Placement(c, occupation, soc, self.pay.occupations[soc], national))
        return tuple(found)

    def soc_of(self, occupation: Occupation) -> str | None:
        """The SOC occupation an O*NET-SOC occupation belongs to, when the release has its pay."""
        if occupation.system != "O*NET-SOC" or self.pay is None or not occupation.code:
            return None
        soc = soc_code(occupation.code)
        return soc if self.pay.national(soc) is not None else None

    def roles_in_soc(self, soc: str) -> tuple[Role, ...]:
        """The roles placed in a SOC occupation through any of its O*NET-SOC occupations."""
        return tuple(r for r in self.roles if any(
            c.system == "O*NET-SOC" and c.occupation and soc_code(self.occupation[c.occupation].code) == soc
            for c in r.classifications))

    def in_releases(self, occupation: Occupation) -> tuple[tuple[Source, ReleaseRow], ...]:
        """The data releases (other than the occupation's own source) that list its code, with the
        title they give it: O*NET's occupation data for an O*NET-SOC code read from its page."""
        return tuple((s, row) for s in self.sources if s.release and s.id != occupation.source
                     for row in s.release.rows if occupation.code and row.code == occupation.code)

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
