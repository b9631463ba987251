"""The page of one role: everything the data says about it, cross-linked and cited."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from .. import formats, urls
from ..atlas import Atlas
from ..model import ROLE_SECTIONS, Role, sources_in
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
    """Every source cited on the page, in the order of the sources list: each sourced field of the
    role (the model marks them), of the salary figures and official pay it shows, of the notices on
    its occupations' codes, and of the perspectives about it; and the sources of the career steps
    and links to it that other roles declare, which the page shows too."""
    shown = (role, atlas.salary_figures(role), atlas.official_pay(role),
             tuple(atlas.occupation[c.occupation].notices for c in role.classifications if c.occupation),
             tuple(p for p, _ in atlas.claims_about.get(role.id, ())))
    cited = set(sources_in(shown)) | {source for _, _, source in related(atlas, role)}
    cited |= {e.source for e in atlas.steps_into.get(role.id, ()) + atlas.steps_out.get(role.id, ())}
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
