"""The page of one role: everything the data says about it, cross-linked and cited."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from .. import formats, urls
from ..atlas import Atlas
from ..model import ROLE_SECTIONS, Role
from .job_description import job_description_tabs
from .jsonld import occupation
from .salary_chart import is_stale
from .templating import front_matter, meta_text, render


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
    cited |= {n.source for n in role.abbreviations + role.aliases} | {s.source for s in role.skill_lists}
    cited |= {a.source for a in role.responsibilities} | {n.source for n in role.skills}
    q = role.qualifications
    cited |= {x.source for x in (q.experience, q.education) if x} | {x.source for x in q.required + q.preferred}
    cited |= {x.source for x in role.related + role.career_from + role.career_to + role.work_setting + role.notes}
    cited |= {atlas.salary[s].source for s in role.salaries} | {s.source for s in atlas.official_pay(role)}
    cited |= {c.source for c in role.classifications} | ({role.unclassified.source} if role.unclassified else set())
    cited |= {n.source for c in role.classifications if c.occupation for n in atlas.occupation[c.occupation].notices}
    cited |= {p.source for p, _ in atlas.claims_about.get(role.id, ())}
    return [s.id for s in atlas.sources if s.id in cited]


def render_role(atlas: Atlas, role: Role, built: date | None = None, changed: date | None = None) -> str:
    """The role's page. `built` is the build's date (old figures are flagged against it);
    `changed` the day its data file last changed (None without history)."""
    page = urls.page_of("role", role.id)
    q = role.qualifications
    front = front_matter(
        title=meta_text(role.title),
        description=meta_text(f"{role.title}: {role.summary.text}"),
        tags=[*([formats.level_text(role.level).capitalize()] if role.level != "other" else []), *role.tags],
        search={"boost": 4},
        jsonld=occupation(atlas, role),
    )
    return render(
        "role.md.j2", page, atlas, front=front, role=role, anchors=ROLE_SECTIONS,
        experience=formats.experience_text(q.experience), salary=formats.role_pay_summary(atlas, role),
        official_pay=atlas.official_pay(role),
        has_qualifications=bool(q.experience or q.education or q.required or q.preferred),
        skills=atlas.uses_by_role[role.id],
        salaries=atlas.salary_figures(role),
        stale=[s for s in atlas.salary_figures(role) if built and is_stale(s, built)],
        built=built.isoformat() if built else "",
        changed=Markup(changed.isoformat()) if changed else "",  # digits and hyphens only
        figures_year=max((s.year for s in atlas.salary_figures(role)), default=""),
        career_from=[(e.before, e.note, e.source) for e in atlas.steps_into.get(role.id, ())],
        career_to=[(e.after, e.note, e.source) for e in atlas.steps_out.get(role.id, ())],
        related=related(atlas, role),
        claims=atlas.claims_about.get(role.id, ()),
        sources=sources_of(atlas, role),
        job_description=job_description_tabs(atlas, role),
    )
