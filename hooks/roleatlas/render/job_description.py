"""A job ad a recruiter can post after filling in placeholders, made from a role's data.

What goes in, and what stays out:

- placeholders for what the atlas cannot know: `[Company]`, `[Location]`, `[About the role]` for a
  role the sources only mention (its summary is about the sources), and `[Pay range]` when
  the atlas has no figure for the role (else the first figure, with what it measures, its region,
  year and source, to check before posting);
- the duties grouped under their areas, without an overview area that restates the others
  ("Title: text" items, when detailed areas exist) and without a duty that repeats one kept;
- the requirements once: experience and education each once (a required qualification that says
  the same thing is left out), and a preferred one that restates a requirement is left out;
- the most important skills: the required ones, at most `MAX_SKILLS`, not every skill named;
- never the role's `notes`: they are the atlas's editorial context, not part of a posting.

Two versions of the same text are offered: plain text (no Markdown syntax) and Markdown. Each is
shown in a code block (Material adds a copy button), so it is plain text on the page: no escaping
for Markdown, only a fence longer than any run of backticks in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from ..atlas import Atlas
from ..formats import amount_text, education_text, experience_text
from ..model import Qualification, ResponsibilityArea, Role

MAX_SKILLS = 10
# Two texts say the same thing when most words of the shorter one are in the longer one.
SAME = 0.6
_STOP = frozenset("""a an and are as at be by for from in into is it its of on or so such that the their them
    they this to up was what which with who your you will well other others more most all any each both also
    one ones""".split())
_NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
            "eight": "8", "nine": "9", "ten": "10", "twelve": "12", "fifteen": "15", "twenty": "20"}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _words(text: str) -> frozenset[str]:
    """Content words, lowercased, numbers as digits, a plural's s dropped: enough to see a repeat."""
    found = set()
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        word = _NUMBERS.get(word, word)
        if word in _STOP or (len(word) < 2 and not word.isdigit()):
            continue
        found.add(_stem(word))
    return frozenset(found)


def _stem(word: str) -> str:
    """leadership, leading and leader are one word here; so are managing and management."""
    for suffix in ("ership", "ement", "ing", "ed", "er", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


# A remark in brackets about where the atlas found a fact ("listed as preferred in the overview")
# is the atlas's context, not part of a job ad.
_ASIDE = re.compile(r"\s*\([^()]*\b(?:overview|source|profile|listed|list|thread)\b[^()]*\)", re.I)


def _clean(text: str) -> str:
    return _one_line(_ASIDE.sub("", text))


def _same(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= SAME


def _new(words: frozenset[str], said: list[frozenset[str]]) -> bool:
    """Whether `words` say something not said yet; if so, they count as said from now on."""
    if any(_same(words, s) for s in said):
        return False
    said.append(words)
    return True


_LABELLED = re.compile(r"^[^:]{2,60}:\s+\S")


def _is_overview(area: ResponsibilityArea, areas: tuple[ResponsibilityArea, ...]) -> bool:
    """An area whose every duty is "Label: text" while detailed areas exist restates those areas."""
    return len(areas) > 1 and len(area.items) > 1 and all(_LABELLED.match(i) for i in area.items)


@dataclass(frozen=True)
class Ad:
    """The parts of a job ad, worded; `plain_text()` and `markdown()` lay them out."""

    title: str
    pay: str
    summary: str
    duties: tuple[tuple[str, tuple[str, ...]], ...]
    required: tuple[str, ...]
    preferred: tuple[str, ...]
    skills: tuple[str, ...]


def _duties(role: Role) -> tuple[tuple[str, tuple[str, ...]], ...]:
    areas = role.responsibilities
    kept: list[frozenset[str]] = []
    groups = []
    for area in areas:
        if _is_overview(area, areas):
            continue
        items = [_clean(item) for item in area.items if _new(_words(item), kept)]
        if items:
            groups.append((_one_line(area.title), tuple(items)))
    return tuple(groups)


def _requirement(q: Qualification) -> str:
    return f"{_one_line(q.title)}: {_clean(q.text)}"


def _requirements(role: Role) -> tuple[tuple[str, ...], tuple[str, ...]]:
    q = role.qualifications
    required: list[str] = []
    stated: list[frozenset[str]] = []
    if q.experience and experience_text(q.experience):
        detail = f" of {_one_line(q.experience.detail)}" if q.experience.detail else ""
        required.append(f"Experience: {experience_text(q.experience)}{detail}")
        stated.append(_words(f"{experience_text(q.experience)} years experience {q.experience.detail or ''}"))
    if q.education and q.education.degrees:
        word = "Education" if q.education.required else "Education (preferred)"
        required.append(f"{word}: {education_text(q.education)}")
        stated.append(_words(f"degree {education_text(q.education)}"))
    required += [_requirement(item) for item in q.required if _new(_requirement_words(item), stated)]
    preferred = [_requirement(item) for item in q.preferred if _new(_requirement_words(item), stated)]
    return tuple(required), tuple(preferred)


def _requirement_words(q: Qualification) -> frozenset[str]:
    return _words(f"{q.title} {_clean(q.text)}")


def _skills(atlas: Atlas, role: Role) -> tuple[str, ...]:
    return tuple(atlas.skill[sid].name for sid in atlas.key_skills(role, MAX_SKILLS))


def _pay(atlas: Atlas, role: Role) -> str:
    figures = atlas.salary_figures(role)
    if not figures:
        return "[Pay range]"
    s = figures[0]
    source = atlas.source[s.source].title  # source ids are resolved on load
    return (f"{amount_text(s)} per {s.period} ({_one_line(s.label)}, {s.region}, {s.year}; "
            f"source: {_one_line(source)}; check before posting)")


def job_ad(atlas: Atlas, role: Role) -> Ad:
    required, preferred = _requirements(role)
    # A role the sources only mention has a summary about the sources, not about the job.
    summary = _one_line(role.summary.text) if role.coverage == "full" else "[About the role]"
    return Ad(title=_one_line(role.title), pay=_pay(atlas, role), summary=summary,
              duties=_duties(role), required=required, preferred=preferred, skills=_skills(atlas, role))


@dataclass(frozen=True)
class _Style:
    """How one format marks the ad's parts; the parts and their order are the same in both."""

    top: Callable[[Ad], list[str]]
    heading: Callable[[str], str]
    area: Callable[[str], list[str]]


_PLAIN = _Style(top=lambda ad: [ad.title, "[Company] · [Location]", f"Pay: {ad.pay}"],
                heading=str.upper, area=lambda title: [title])
_MARKDOWN = _Style(top=lambda ad: [f"**{ad.title}**", "", "[Company] · [Location]  ", f"Pay: {ad.pay}"],
                   heading=lambda text: f"**{text}**", area=lambda title: [f"*{title}*", ""])


def _write(ad: Ad, style: _Style) -> str:
    lines = [*style.top(ad), "", ad.summary, ""]
    if ad.duties:
        lines += [style.heading("What you will do"), ""]
        for title, items in ad.duties:
            lines += [*style.area(title), *[f"- {i}" for i in items], ""]
    for heading, items in (("What you bring", ad.required), ("Nice to have", ad.preferred)):
        if items:
            lines += [style.heading(heading), "", *[f"- {x}" for x in items], ""]
    if ad.skills:
        lines += [style.heading("Key skills"), "", ", ".join(ad.skills), ""]
    return "\n".join(lines).rstrip() + "\n"


def plain_text(ad: Ad) -> str:
    return _write(ad, _PLAIN)


def markdown(ad: Ad) -> str:
    return _write(ad, _MARKDOWN)


def fenced(text: str, language: str = "markdown", indent: str = "") -> Markup:
    """`text` in a fenced code block whose fence no line of the text can close, each line indented
    by `indent` (for a block inside a content tab)."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    body = "".join(indent + line if line.strip() else line for line in text.splitlines(keepends=True))
    return Markup(f"{indent}{fence} {language}\n{body}{indent}{fence}")


def job_description_tabs(atlas: Atlas, role: Role) -> Markup:
    """Two content tabs (pymdownx.tabbed), plain text and Markdown, each a code block with a copy button."""
    ad = job_ad(atlas, role)
    return Markup(f'=== "Plain text"\n\n{fenced(plain_text(ad), "text", "    ")}\n\n'
                  f'=== "Markdown"\n\n{fenced(markdown(ad), "markdown", "    ")}')
