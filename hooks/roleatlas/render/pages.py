"""Every generated page of the site, as a mapping of Markdown file path to Markdown text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Iterator, get_args

from .. import formats, urls
from ..atlas import Atlas
from ..gaps import gap_status
from ..history import NO_HISTORY, History
from ..kinds import KINDS, Kind
from ..model import CodeSystem, Role, Skill, SkillCategory, Topic
from ..oews import PERCENTILES, Estimate
from ..shape import fields_of
from .career import mermaid_flowchart
from .changes_page import render_changes
from .compare_page import render_comparison
from .ladder_page import render_ladders
from .placing import placing
from .published import on_this_page
from .role_page import render_role, sources_of
from .salary_chart import ChartRow, estimate_row, is_stale, salary_charts
from .templating import Links, front_matter, meta_text, render


def _skill_page(atlas: Atlas, skill: Skill) -> str:
    uses = atlas.skill_uses.get(skill.id, ())
    front = front_matter(title=meta_text(skill.name),
                         description=meta_text(f"{skill.name}: {skill.description}"),
                         tags=[skill.category.capitalize() + " skill", *skill.tags], search={"boost": 3})
    return render("skill.md.j2", urls.page_of("skill", skill.id), atlas, front=front, skill=skill, uses=uses)


def _topic_page(atlas: Atlas, topic: Topic) -> str:
    front = front_matter(title=meta_text(topic.title), description=meta_text(topic.summary),
                         tags=list(topic.tags), search={"boost": 2})
    return render("topic.md.j2", urls.page_of("topic", topic.id), atlas, front=front, topic=topic)


def _simple(template: str, page: str, title: str, description: str, **context) -> Callable[[Atlas], str]:
    def make(atlas: Atlas) -> str:
        front = front_matter(title=meta_text(title), description=meta_text(description))
        return render(template, page, atlas, front=front, **context)
    return make


def _home(atlas: Atlas) -> str:
    # whole_title: the page's title is the browser tab's title as it is, without " - Role Atlas"
    front = front_matter(title=meta_text(HOME_TITLE), description=meta_text(home_description(atlas)), whole_title=True)
    return render("home.md.j2", urls.HOME, atlas, front=front, gaps=gap_status(atlas))


def _skills_index(atlas: Atlas) -> str:
    order = get_args(SkillCategory)
    groups = [(c, [s for s in atlas.skills if s.category == c]) for c in order]
    counts = {sid: len(uses) for sid, uses in atlas.skill_uses.items()}
    front = front_matter(title="Skills", description="Every skill, tool and trait the roles in Role Atlas need, by category.")
    return render("skills_index.md.j2", urls.SKILLS, atlas, front=front,
                  groups=[g for g in groups if g[1]], counts=Counter(counts))


def _sources(atlas: Atlas) -> str:
    counts = Counter(sid for role in atlas.roles for sid in sources_of(atlas, role))
    front = front_matter(title="Sources", description="The documents every fact in Role Atlas comes from.")
    return render("sources.md.j2", urls.SOURCES, atlas, front=front, counts=counts,
                  placed={s.id: placing(s) for s in atlas.sources})


def term_anchor(term: str) -> str:
    return "term-" + urls.slug(term)


def _glossary(atlas: Atlas) -> str:
    terms = sorted(atlas.terms, key=lambda t: t.term.lower())
    front = front_matter(title="Glossary", description="Abbreviations used in Role Atlas and what they stand for.")
    return render("glossary.md.j2", urls.GLOSSARY, atlas, front=front, terms=terms,
                  anchors={t.term: term_anchor(t.term) for t in terms})


def _matrix(atlas: Atlas) -> str:
    rows = []
    for role in atlas.roles:
        rows.append(MatrixRow(role, atlas.key_skills(role, 5)))
    front = front_matter(title="All roles at a glance",
                         description="Every role on the same columns: focus, scope, experience, education, key skills and pay.")
    return render("matrix.md.j2", urls.MATRIX, atlas, front=front, rows=rows)


def _compare_any(atlas: Atlas) -> str:
    front = front_matter(title="Compare two roles",
                         description="Pick any two roles and see them side by side, with a link you can share.")
    first, second = default_pair(atlas)
    return render("compare_any.md.j2", urls.COMPARE, atlas, front=front, first=first, second=second)


def default_pair(atlas: Atlas) -> tuple[str, str]:
    """The two roles the compare view opens on: the first featured comparison's, else the first two."""
    if atlas.comparisons:
        first, second = atlas.comparisons[0].roles
        return first, second
    return atlas.roles[0].id, atlas.roles[min(1, len(atlas.roles) - 1)].id


def _career(atlas: Atlas) -> str:
    front = front_matter(title="Career paths", description="How the roles in Role Atlas lead into each other.")
    return render("career.md.j2", urls.CAREER, atlas, front=front,
                  diagram=mermaid_flowchart(atlas, Links(atlas, urls.CAREER)))


def official_rows(atlas: Atlas) -> list[tuple[str, str, Estimate, tuple[Role, ...]]]:
    """(SOC code, title, national estimate, roles placed in it) for every occupation a role is placed in."""
    release = atlas.pay
    if release is None:
        return []
    found = []
    for soc, title in sorted(release.occupations.items()):
        national, roles = release.national(soc), atlas.roles_in_soc(soc)
        if national is not None and roles:
            found.append((soc, title, national, roles))
    return found


def _official_chart_row(atlas: Atlas, soc: str, title: str, national: Estimate) -> ChartRow | None:
    """An occupation's national 10th to 90th percentile range with its median; None when BLS
    released no exact figure for one of the three (a bar would have to guess its end)."""
    release = atlas.pay
    assert release is not None
    low, median, high = (national[c] for c in ("annual_p10", "annual_median", "annual_p90"))
    if any(f.footnote or f.number is None for f in (low, median, high)):
        return None
    return ChartRow(f"All {title} (SOC {soc})",
                    f"Official: 10th to 90th percentile, median marked (United States, {release.release}, BLS)",
                    f"{formats.wage_text(low, release)} – {formats.wage_text(high, release)}; median "
                    f"{formats.wage_text(median, release)}", "USD", round(low.number or 0), round(high.number or 0),
                    "official", median=round(median.number or 0))


def _salaries(atlas: Atlas, built: date) -> str:
    owner = {sid: role for role in atlas.roles for sid in role.salaries}
    official = official_rows(atlas)
    chart_rows = [r for soc, title, national, _ in official if (r := _official_chart_row(atlas, soc, title, national))]
    chart_rows += [estimate_row(owner.get(s.id), s) for s in atlas.salaries]
    front = front_matter(title="Salaries", description="Official pay for each occupation the roles are placed in, and every salary estimate in Role Atlas, side by side.")
    return render("salaries.md.j2", urls.SALARIES, atlas, front=front, charts=salary_charts(chart_rows),
                  official=official, percentiles=PERCENTILES,
                  rows=[(owner.get(s.id), s) for s in atlas.salaries], built=built.isoformat(),
                  stale=[s for s in atlas.salaries if is_stale(s, built)])


def _crosswalk(atlas: Atlas) -> str:
    front = front_matter(title="Official classifications",
                         description="How each role maps to O*NET-SOC, ISCO-08, ESCO and NOC 2021 occupations, with their pay statistics.",
                         search={"boost": 2})
    used = {c.system for role in atlas.roles for c in role.classifications}
    systems = [s for s in get_args(CodeSystem) if s in used]
    not_found = [(role, c) for role in atlas.roles for c in role.classifications if c.relation == "none"]
    return render("crosswalk.md.j2", urls.CROSSWALK, atlas, front=front, systems=systems, not_found=not_found,
                  unused=[s for s in get_args(CodeSystem) if s not in used])


def _topics_index(atlas: Atlas) -> str:
    front = front_matter(title="Topics", description="Market demand, trends, best practices and challenges around the roles.")
    return render("topics_index.md.j2", urls.TOPICS, atlas, front=front)


ELSEWHERE = ("Berlin", "London", "Paris", "Amsterdam", "Dublin", "Munich", "Zurich", "Toronto", "Vancouver",
             "Bangalore", "Sydney", "Tokyo")
"""Places readers search pay for that no release in the atlas covers: named on the official pay page so
that a search for them lands on the sentence saying the figures are for the United States only."""


def _pay_pages(atlas: Atlas) -> Iterator[tuple[str, str]]:
    """The official pay page, and one page per occupation imported with every area's figures."""
    release = atlas.pay
    if release is None:  # a copy of the data without data/oews: the page says so (the nav names it)
        front = front_matter(title="Official pay", description="No official pay release is imported in this copy of the data.")
        yield urls.PAY, render("pay_index.md.j2", urls.PAY, atlas, front=front, release=None, occupations=[], elsewhere=())
        return
    occupations = [(soc, title, release.national(soc), atlas.roles_in_soc(soc))
                   for soc, title in sorted(release.occupations.items())]
    front = front_matter(title="Official pay", description=meta_text(
        f"Official pay by occupation from BLS OEWS {release.release}, for the United States, every state and metro area."))
    yield urls.PAY, render("pay_index.md.j2", urls.PAY, atlas, front=front, release=release,
                           occupations=occupations, elsewhere=ELSEWHERE)
    for soc, title, national, roles in occupations:
        rows = [e for e in release.rows(soc) if e.area.kind != "national"]
        placed = [(role, c) for role in roles for c in role.classifications
                  if c.system == "O*NET-SOC" and c.occupation and atlas.occupation[c.occupation].code.startswith(soc)]
        page = urls.pay_page(soc)
        front = front_matter(title=meta_text(f"{title} ({soc}): pay by state and metro area"),
                             description=meta_text(f"{title} (SOC {soc}): median, percentiles and employment in "
                                                   f"the United States and every state and metro area, BLS OEWS "
                                                   f"{release.release}."),
                             search={"boost": 2})
        yield page, render("pay_occupation.md.j2", page, atlas, front=front, release=release, soc=soc, title=title,
                           national=national, rows=rows, roles=placed, percentiles=PERCENTILES,
                           counts=Counter(e.area.kind for e in rows))


@dataclass(frozen=True)
class MatrixRow:
    role: Role
    skills: tuple[str, ...]


HOME_TITLE = "Role Atlas: technical leadership roles compared"
"""The home page's title in browser tabs and link previews (the navigation calls it Home)."""


def home_description(atlas: Atlas) -> str:
    return (f"{len(atlas.roles)} technical leadership roles (CTO, VP of Engineering, VP of AI/ML Engineering and "
            f"the roles around them) with duties, skills, pay and official codes; every fact names its source.")


def _entry_page(atlas: Atlas, kind: Kind, entry: Any) -> str:
    """The page of an entry of a kind with no page of its own design: its title, then every field
    of the model with its documentation as the label, cited when the entry names its source."""
    title = str(next((getattr(entry, f) for f in ("title", "name") if hasattr(entry, f)), getattr(entry, kind.key)))
    source = getattr(entry, "source", None)
    facts = [(spec.meta.get("doc", spec.name).rstrip("."), _fact_text(getattr(entry, spec.name)), source)
             for spec in fields_of(kind.model).values()
             if spec.name not in (kind.key, "source", "title", "name") and getattr(entry, spec.name) not in (None, ())]
    front = front_matter(title=meta_text(title), description=meta_text(f"{title}: {kind.name} in Role Atlas."),
                         search={"boost": 2})
    return render("entry.md.j2", urls.page_of(kind.ref, getattr(entry, kind.key)), atlas, front=front,
                  title=title, facts=facts)


def _fact_text(value: Any) -> str:
    if isinstance(value, tuple):
        return ", ".join(_fact_text(v) for v in value)
    return str(getattr(value, "text", value))


@dataclass(frozen=True)
class _Build:
    """What an entry page may need beyond the Atlas."""

    built: date
    history: History


_ENTRY_PAGES: dict[str, Callable[[Atlas, Any, _Build], str]] = {
    "role": lambda atlas, role, b: render_role(atlas, role, b.built,
                                               changed=b.history.last_changed.get(atlas.file_of("role", role.id) or "")),
    "skill": lambda atlas, skill, b: _skill_page(atlas, skill),
    "topic": lambda atlas, topic, b: _topic_page(atlas, topic),
    "comparison": lambda atlas, comparison, b: render_comparison(atlas, comparison),
}
"""Kinds whose pages have their own design; any other kind with a `page` gets `_entry_page`."""


def not_in_nav(atlas: Atlas) -> list[str]:
    """The pages reached from their indexes and by search, never listed in the navigation (listing
    thousands of them would grow every page with the size of the data): every entry's page (the
    registry's kinds with a page) and the official pay page of each occupation."""
    entries = [urls.page_of(kind.ref, getattr(entry, kind.key)) for kind in KINDS if kind.page
               for entry in atlas.entries[kind.name]]
    pay = [urls.pay_page(soc) for soc in sorted(atlas.pay.occupations)] if atlas.pay else []
    return entries + pay


def entry_pages(atlas: Atlas, built: date, history: History = NO_HISTORY) -> Iterator[tuple[str, str]]:
    """(path, Markdown) of the page of every entry of every kind with pages (kinds.KINDS)."""
    build = _Build(built, history)
    for kind in KINDS:
        if not kind.page:
            continue
        own = _ENTRY_PAGES.get(kind.ref)
        for entry in atlas.entries[kind.name]:
            page = own(atlas, entry, build) if own else _entry_page(atlas, kind, entry)
            # Its "On this page" list is part of the Markdown (render/published.py), for any engine.
            yield urls.page_of(kind.ref, getattr(entry, kind.key)), on_this_page(page) if kind.toc else page


def iter_pages(atlas: Atlas, built: date, history: History = NO_HISTORY,
               data_prefix: str = "data/") -> Iterator[tuple[str, str]]:
    """Yield (path, Markdown) for every page; one pass per kind, linear in the data. `built` is the
    build's date (old salary figures are flagged against it), given so a build is reproducible;
    `history` is the data's git history (empty without git), `data_prefix` where the data folder is."""
    yield urls.HOME, _home(atlas)
    yield urls.ROLES, _simple("roles_index.md.j2", urls.ROLES, "Roles",
                                    "Every role in Role Atlas with its focus, experience and pay.")(atlas)
    yield from entry_pages(atlas, built, history)
    yield urls.SKILLS, _skills_index(atlas)
    yield urls.COMPARE, _compare_any(atlas)
    yield urls.MATRIX, _matrix(atlas)
    yield urls.CAREER, _career(atlas)
    yield urls.LADDERS, render_ladders(atlas)
    yield urls.SALARIES, _salaries(atlas, built)
    yield from _pay_pages(atlas)
    yield urls.TOPICS, _topics_index(atlas)
    yield urls.PERSPECTIVES, _simple("perspectives.md.j2", urls.PERSPECTIVES, "What practitioners say",
                                     "Practitioners on how the CTO and the VP of Engineering split the work.")(atlas)
    yield urls.CROSSWALK, _crosswalk(atlas)
    yield urls.GLOSSARY, _glossary(atlas)
    yield urls.SOURCES, _sources(atlas)
    yield urls.CHANGES, render_changes(atlas, history, data_prefix)

