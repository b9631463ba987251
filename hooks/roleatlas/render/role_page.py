"""The page of one role: everything the data says about it, cross-linked and cited."""

from __future__ import annotations

from dataclasses import dataclass

from ..atlas import Atlas
from ..model import Role, Skill
from .common import front_matter, level_name, meta_text, render, role_uri, salary_span, years
from .job_description import fenced, job_description
from .structured import occupation


@dataclass(frozen=True)
class SkillRow:
    skill: Skill
    need: str
    points: tuple[str, ...]


def skill_rows(atlas: Atlas, role: Role) -> list[SkillRow]:
    """Declared skills with their need, then skills only a qualification names."""
    needs = {n.skill: n for n in role.skills}
    rows = []
    for sid in atlas.skill_ids_of(role):
        need = needs.get(sid)
        rows.append(SkillRow(atlas.skill[sid], need.need if need else "required", need.points if need else ()))
    return rows


def related(atlas: Atlas, role: Role) -> list[tuple[str, str, str]]:
    """Roles this one names, then roles that name this one (so links work both ways)."""
    rows = [(link.role, link.relation, link.source) for link in role.related]
    named = {r for r, _, _ in rows}
    for other in atlas.linked_from.get(role.id, ()):
        for link in other.related:
            if link.role == role.id and other.id not in named:
                rows.append((other.id, link.relation, link.source))
                named.add(other.id)
    return rows


def sources_of(atlas: Atlas, role: Role) -> list[str]:
    """Every source cited on the page, in the order of the sources list."""
    cited = {role.summary.source, role.focus.source}
    cited |= {a.source for a in role.responsibilities} | {n.source for n in role.skills}
    q = role.qualifications
    cited |= {x.source for x in (q.experience, q.education) if x} | {x.source for x in q.required + q.preferred}
    cited |= {x.source for x in role.related + role.career_from + role.career_to + role.work_setting + role.notes}
    cited |= {atlas.salary[s].source for s in role.salaries}
    cited |= {p.source for p, _ in atlas.claims_about.get(role.id, ())}
    return [s.id for s in atlas.sources if s.id in cited]


def render_role(atlas: Atlas, role: Role) -> str:
    page = role_uri(role.id)
    q = role.qualifications
    front = front_matter(
        title=meta_text(role.title),
        description=meta_text(f"{role.title}: {role.summary.text}"),
        tags=[*([level_name(role.level).capitalize()] if role.level != "other" else []), *role.tags],
        search={"boost": 4},
        jsonld=occupation(atlas, role),
    )
    return render(
        "role.md.j2", page, atlas, front=front, role=role,
        experience=years(role), salary=salary_span(atlas, role),
        has_qualifications=bool(q.experience or q.education or q.required or q.preferred),
        skills=skill_rows(atlas, role),
        salaries=atlas.salary_range(role),
        career_from=[(e.before, e.note, e.source) for e in atlas.steps_into.get(role.id, ())],
        career_to=[(e.after, e.note, e.source) for e in atlas.steps_out.get(role.id, ())],
        related=related(atlas, role),
        claims=atlas.claims_about.get(role.id, ()),
        sources=sources_of(atlas, role),
        job_description=fenced(job_description(atlas, role)),
    )
