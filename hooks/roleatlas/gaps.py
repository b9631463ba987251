"""What the sources do not cover, worked out from the data on every build.

A gap (data/gaps.yaml) is a question readers ask, with the phrases a fact answering it would use.
Each build searches every sourced fact (a role's summary, focus, scope, duties, qualifications,
skill notes, work setting and notes; a topic's summary and sections; each practitioner's claim)
for those phrases. A gap no fact matches is shown as "no source addresses it"; one that some fact
matches is shown with links to those facts instead, so adding a source that covers a question
changes the note without anyone editing it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from . import urls
from .atlas import Atlas
from .model import ROLE_SECTIONS, Gap

MAX_SHOWN = 3  # facts linked per gap that the sources touch on


@dataclass(frozen=True)
class Fact:
    text: str
    target: str
    """The page (and anchor) that shows it."""
    where: str
    """What a link to it says (the role's or topic's title, the practitioner)."""


@dataclass(frozen=True)
class GapStatus:
    gap: Gap
    facts: tuple[Fact, ...]
    """Sourced facts that use one of the gap's phrases (at most MAX_SHOWN); empty: no source addresses it."""


def facts(atlas: Atlas) -> Iterator[Fact]:
    for role in atlas.roles:
        page = urls.page_of("role", role.id)
        q = role.qualifications
        at = ROLE_SECTIONS  # the role page's anchors
        texts = [(role.summary.text, at["summary"]), (role.focus.text, at["summary"])]
        texts += [(role.scope.text, at["summary"])] if role.scope else []
        texts += [(item, area.id) for area in role.responsibilities for item in area.items]
        texts += [(x.text, at["qualifications"]) for x in q.required + q.preferred]
        texts += [(p, at["skills"]) for use in role.skills for p in use.points]
        texts += [(s.text, at["work_setting"]) for s in role.work_setting] + [(s.text, at["notes"]) for s in role.notes]
        for text, anchor in texts:
            yield Fact(text, f"{page}#{anchor}", role.title)
    for topic in atlas.topics:
        page = urls.page_of("topic", topic.id)
        yield Fact(topic.summary, page, topic.title)
        for section in topic.sections:
            points = list(section.points)
            if section.challenge:
                points += [section.challenge.problem, section.challenge.solution, section.challenge.note]
            for text in points:
                yield Fact(text, f"{page}#{section.id}", f"{topic.title}: {section.title}")
    for p in atlas.perspectives:
        for claim in p.claims:
            yield Fact(claim.text, f"{urls.PERSPECTIVES}#{claim.id}", f"{p.respondent.title}, {p.respondent.industry}")


def _pattern(gap: Gap) -> re.Pattern[str]:
    phrases = sorted((re.escape(" ".join(p.split())).replace(r"\ ", r"\s+") for p in gap.phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(phrases) + r")(?:s|es)?(?![\w-])", re.I)  # a plural too


def gap_status(atlas: Atlas) -> tuple[GapStatus, ...]:
    """Each gap with the facts that touch on it (none: no source addresses it)."""
    all_facts = list(facts(atlas))
    found = []
    for gap in atlas.gaps:
        pattern = _pattern(gap)
        hits = tuple(f for f in all_facts if pattern.search(f.text))
        seen: dict[str, Fact] = {}
        for f in hits:
            seen.setdefault(f.target, f)
        found.append(GapStatus(gap, tuple(seen.values())[:MAX_SHOWN]))
    return tuple(found)
