"""The page of one role: everything the data says about it, cross-linked and cited."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from .. import formats, urls
from ..atlas import Atlas
from ..model import ROLE_SECTIONS, Role, sources_in
from ..oews import PERCENTILES
from .job_description import is_overview, job_ad, job_description_tabs, missing, overlap, words
from .jsonld import occupation
from .salary_chart import is_stale
from .templating import front_matter, meta_text, render


def _step_roles(atlas: Atlas, role: Role) -> set[str]:
    return {e.before for e in atlas.steps_into.get(role.id, ())} | {e.after for e in atlas.steps_out.get(role.id, ())}


def step_links(atlas: Atlas, role: Role) -> dict[str, tuple[str, str]]:
    """Role id → (relation, source) of the links this role names to roles of its career path: said
    with the step in the career path, where `related` leaves them out."""
    steps = _step_roles(atlas, role)
    return {link.role: (link.relation, link.source) for link in role.related if link.role in steps}


def related(atlas: Atlas, role: Role) -> list[tuple[str, str, str]]:
    """Roles this one names, then roles that name this one (so links work both ways). A role this one
    names that is also a step of its career path is said there once, not again here (the other
    role's page still shows the relation)."""
    steps = _step_roles(atlas, role)
    rows = [(link.role, link.relation, link.source) for link in role.related if link.role not in steps]
    named = {r for r, _, _ in rows}
    for other in atlas.linked_from.get(role.id, ()):
        for link in other.related:
            if link.role == role.id and other.id not in named:
                rows.append((other.id, link.relation, link.source))
                named.add(other.id)
    return rows


def sources_of(atlas: Atlas, role: Role) -> list[str]:
    """Every source cited on the page, in the order of the sources list: each sourced field of the
    role (the model marks them), of the salary figures it shows, of the notices on its occupations'
    codes, and of the perspectives about it; the OEWS release its official pay comes from; and the
    sources of the career steps and links to it that other roles declare, which the page shows too."""
    shown = (role, atlas.salary_figures(role),
             tuple(atlas.occupation[c.occupation].notices for c in role.classifications if c.occupation),
             tuple(p for p, _ in atlas.claims_about.get(role.id, ())))
    cited = set(sources_in(shown)) | {source for _, _, source in related(atlas, role)}
    cited |= {e.source for e in atlas.steps_into.get(role.id, ()) + atlas.steps_out.get(role.id, ())}
    cited |= {atlas.pay.id} if atlas.pay and atlas.pay_placements(role) else set()
    return [s.id for s in atlas.sources if s.id in cited]


def one_source(role: Role) -> dict[str, str]:
    """Section → the one source every item of it comes from, or "" when its items come from more
    than one source (each item is cited then). Said once after the list, the citation no
    longer takes a line under every item on a phone."""
    q = role.qualifications
    sections = {
        "responsibilities": [a.source for a in role.responsibilities],
        "qualifications": [x.source for x in (q.experience, q.education) if x] + [x.source for x in q.required + q.preferred],
        "skills": [u.source for u in role.skills],
        "work_setting": [s.source for s in role.work_setting],
        "notes": [s.source for s in role.notes],
    }
    return {name: found.pop() if len(found := set(ids)) == 1 else "" for name, ids in sections.items()}


NOTES_SHOWN = 4
"""A role with more notes than this shows them folded (they are context, and long lists made the VP
of AI/ML page about 26 phone screens)."""

RESTATES = 0.5
"""A note restates a practitioner's claim when half the words of the shorter of the two are in the other."""


def restated_claims(atlas: Atlas, role: Role) -> tuple[list[list[tuple]], list]:
    """(for each note, the (perspective, claim) pairs it restates; the claims no note restates).

    The page says each thing once: a claim a note restates is credited after the note, with a link
    to the practitioner's answer, and left out of "What practitioners say" (the perspectives page
    and the comparisons keep every claim)."""
    claims = atlas.claims_about.get(role.id, ())
    taken: set[str] = set()
    per_note = []
    for note in role.notes:
        said = words(note.text)
        found = [(p, c) for p, c in claims if c.id not in taken and overlap(said, words(c.text)) >= RESTATES]
        taken |= {c.id for _, c in found}
        first: dict[str, tuple] = {}
        for p, c in found:  # each practitioner once, linked to the first of their claims the note restates
            first.setdefault(p.id, (p, c))
        per_note.append(list(first.values()))
    return per_note, [(p, c) for p, c in claims if c.id not in taken]


def skills_by_need(uses) -> list[tuple[str, list]]:
    """The role's skills grouped by how much it needs them, in the order of the need words."""
    groups: dict[str, list] = {}
    for use in uses:
        groups.setdefault(use.need_word, []).append(use)
    order = ("required", "preferred", "mentioned")
    return sorted(groups.items(), key=lambda g: order.index(g[0]) if g[0] in order else len(order))


def render_role(atlas: Atlas, role: Role, built: date | None = None, changed: date | None = None) -> str:
    """The role's page. `built` is the build's date (old figures are flagged against it);
    `changed` the day its data file last changed (None without history)."""
    page = urls.page_of("role", role.id)
    q = role.qualifications
    ad = job_ad(atlas, role)
    restated = restated_claims(atlas, role)
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
        placements=atlas.pay_placements(role), estimates=formats.role_estimates(atlas, role),
        percentiles=PERCENTILES,
        has_qualifications=bool(q.experience or q.education or q.required or q.preferred),
        skills=atlas.uses_by_role[role.id],
        skills_by_need=skills_by_need(atlas.uses_by_role[role.id]),
        skill_points=[u for u in atlas.uses_by_role[role.id] if u.points],
        one_source=one_source(role), NOTES_SHOWN=NOTES_SHOWN,
        overview_areas={a.id for a in role.responsibilities if is_overview(a, role.responsibilities)},
        salaries=atlas.salary_figures(role),
        stale=[s for s in atlas.salary_figures(role) if built and is_stale(s, built)],
        built=built.isoformat() if built else "",
        changed=Markup(changed.isoformat()) if changed else "",  # digits and hyphens only
        figures_year=max([s.year for s in atlas.salary_figures(role)]
                         + ([atlas.pay.year] if atlas.pay and atlas.pay_placements(role) else []), default=""),
        career_from=[(e.before, e.note, e.source) for e in atlas.steps_into.get(role.id, ())],
        career_to=[(e.after, e.note, e.source) for e in atlas.steps_out.get(role.id, ())],
        related=related(atlas, role), step_links=step_links(atlas, role),
        ladder_places=[(p.ladder.company, p.level.label,
                        f"{urls.LADDERS}#{urls.ladder_anchor(p.ladder.id, p.level.id)}", p.rung.title)
                       for p in atlas.placed.get(role.id, ())],
        claims=restated[1], credited=restated[0],
        sources=sources_of(atlas, role),
        ad=ad, ad_missing=missing(ad) if ad else (),
        job_description=job_description_tabs(ad) if ad else "",
    )
