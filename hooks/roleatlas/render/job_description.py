"""A job ad a recruiter can post as it is, after filling in placeholders, made from a role's data.

The ad holds only what a job board shows (issue 26): the title (which the reader can change on the
page, and which both formats carry), a short summary in the employer's voice, the duties grouped
under their areas, what the candidate brings, what is nice to have, the skills, and the
placeholders `[Company]`, `[Location]` and `[Pay range]`. Everything about where the facts come
from stays beside the ad, on the page, never inside it: the sources, the role's notes, the pay
figures and official pay statistics (a guide for filling in `[Pay range]`), and remarks a source
makes about itself or its market ("listed as preferred in the overview", "financial-sector roles
often favour…").

- Duties: without an overview area that restates the others ("Title: text" items, when detailed
  areas exist) and without a duty that repeats one kept.
- Requirements once: experience and education each once (a required qualification that says the
  same thing is left out), and a preferred one that restates a requirement, or asks again for
  skills a requirement names, is left out (the skills it adds alone are listed as nice to have).
- Skills: no skill, tool or trait named twice: a skill the lines above already name is not listed
  again; at most `MAX_SKILLS`.
- A role the sources say too little about (no duties) gets no ad: `job_ad()` returns None and the
  page says so, instead of a shell of placeholders.
- Never which company a duty comes from: an area titled "At GitLab: …" is headed by what follows
  the colon, and "(at GitLab)" asides are dropped: the ad is the reader's company's.

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
from ..formats import education_text, experience_text
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
# A qualification whose text describes the market rather than the candidate ("financial-sector roles
# often favour candidates with…") is a remark about hiring, not an ask: the ad keeps its title only.
_MARKET = re.compile(r"\b(?:candidates|employers|often favou?r|in demand|the market)\b", re.I)


# "(at GitLab)": the company a fact comes from, which an ad for the reader's company leaves out.
_AT_ASIDE = re.compile(r"\s*\(at [A-Z][^()]{0,40}\)")


def _clean(text: str) -> str:
    return _one_line(_AT_ASIDE.sub("", _ASIDE.sub("", text)))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of the shorter text's words that the other has (0 when either is empty)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def words(text: str) -> frozenset[str]:
    """Content words of a text (for telling whether two texts say the same thing)."""
    return _words(text)


def _same(a: frozenset[str], b: frozenset[str]) -> bool:
    return overlap(a, b) >= SAME


def _new(words: frozenset[str], said: list[frozenset[str]]) -> bool:
    """Whether `words` say something not said yet; if so, they count as said from now on."""
    if any(_same(words, s) for s in said):
        return False
    said.append(words)
    return True


_LABELLED = re.compile(r"^[^:]{2,60}:\s+\S")


def is_overview(area: ResponsibilityArea, areas: tuple[ResponsibilityArea, ...]) -> bool:
    """An area whose every duty is "Label: text" while detailed areas exist restates those areas."""
    return len(areas) > 1 and len(area.items) > 1 and all(_LABELLED.match(i) for i in area.items)


@dataclass(frozen=True)
class Ad:
    """The parts of a job ad, worded; `plain_text()` and `markdown()` lay them out."""

    title: str
    summary: str
    duties: tuple[tuple[str, tuple[str, ...]], ...]
    required: tuple[str, ...]
    preferred: tuple[str, ...]
    skills: tuple[str, ...]
    preferred_skills: tuple[str, ...] = ()

    def with_title(self, title: str) -> Ad:
        """The same ad under another title (the reader's, typed on the page; tests use it)."""
        return Ad(" ".join(title.split()), self.summary.replace(self.title, " ".join(title.split()), 1),
                  self.duties, self.required, self.preferred, self.skills, self.preferred_skills)


PAY = "[Pay range]"
COMPANY = "[Company]"
LOCATION = "[Location]"
NO_REQUIREMENTS = "[What the candidate needs: experience, education, skills]"


# "At GitLab: " or "At Dropbox: " before an area's title: which company's pages the area restates.
# ...and a level in brackets after it, "(grade 9)", "(IC5)": that company's level, not the reader's.
_AT_COMPANY = re.compile(r"^At [^:]{1,40}:\s+")
_COMPANY_LEVEL = re.compile(r"\s+\([^()]{1,60}\)$")


def _area_title(title: str) -> str:
    """An area's heading in an ad, without the company it comes from and that company's level name
    (the ad is the reader's company's)."""
    title = _one_line(title)
    if not _AT_COMPANY.match(title):
        return title
    rest = _COMPANY_LEVEL.sub("", _AT_COMPANY.sub("", title))
    return rest[:1].upper() + rest[1:]


def _duties(role: Role) -> tuple[tuple[str, tuple[str, ...]], ...]:
    areas = role.responsibilities
    kept: list[frozenset[str]] = []
    groups = []
    for area in areas:
        if is_overview(area, areas):
            continue
        items = [_clean(item) for item in area.items if _new(_words(item), kept)]
        if items:
            groups.append((_area_title(area.title), tuple(items)))
    return tuple(groups)


def _requirement(q: Qualification) -> str:
    if _MARKET.search(q.text):
        return _area_title(q.title)
    return f"{_area_title(q.title)}: {_clean(q.text)}"


@dataclass(frozen=True)
class _Asks:
    required: tuple[str, ...]
    preferred: tuple[str, ...]
    named: frozenset[str]
    """Skill ids the kept lines name."""
    extra_preferred: tuple[str, ...]
    """Skill ids of preferred lines left out because a requirement already asks for their other skills."""


def _requirements(role: Role) -> _Asks:
    q = role.qualifications
    required: list[str] = []
    stated: list[frozenset[str]] = []
    named: set[str] = set()
    if q.experience and experience_text(q.experience):
        detail = f" of {_clean(q.experience.detail)}" if q.experience.detail else ""
        required.append(f"Experience: {experience_text(q.experience)}{detail}")
        stated.append(_words(f"{experience_text(q.experience)} years experience {q.experience.detail or ''}"))
    if q.education and q.education.degrees:
        word = "Education" if q.education.required else "Education (preferred)"
        required.append(f"{word}: {education_text(q.education)}")
        stated.append(_words(f"degree {education_text(q.education)}"))
    for item in q.required:
        if _new(_requirement_words(item), stated):
            required.append(_requirement(item))
            named |= set(item.skills)
    preferred: list[str] = []
    extra: list[str] = []
    for item in q.preferred:
        if set(item.skills) & named:  # asks again for what a requirement names: only its new skills stay
            extra += [s for s in item.skills if s not in named and s not in extra]
        elif _new(_requirement_words(item), stated):
            preferred.append(_requirement(item))
            named |= set(item.skills)
    return _Asks(tuple(required), tuple(preferred), frozenset(named), tuple(extra))


def _requirement_words(q: Qualification) -> frozenset[str]:
    return _words(f"{q.title} {_clean(q.text)}")


def _mentions(text: str, name: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", text.lower()) is not None


def _skills(atlas: Atlas, role: Role, asks: _Asks, said: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(skills to list, nice-to-have skills to list): none the ad's lines already name."""
    def fresh(sid: str) -> bool:
        return sid not in asks.named and not _mentions(said, atlas.skill[sid].name)

    chosen = [sid for sid in atlas.key_skills(role, len(atlas.uses_by_role[role.id])) if fresh(sid)]
    extra = [sid for sid in asks.extra_preferred if fresh(sid) and sid not in chosen]
    chosen = chosen[: max(0, MAX_SKILLS - len(extra))]
    return tuple(atlas.skill[s].name for s in chosen), tuple(atlas.skill[s].name for s in extra)


def _article(title: str) -> str:
    return "an" if title[:1].lower() in "aeiou" else "a"


def _lower_first(text: str) -> str:
    """"Strategic leadership" → "strategic leadership"; "AI ethics" stays as it is."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _summary(title: str, duties: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    """Two sentences in the employer's voice, from the role's title and its areas of work."""
    areas = [_lower_first(area) for area, _ in duties]
    joint = "; " if any("," in a or " and " in a for a in areas) else ", "  # "delivery, uptime and SLAs; and …"
    listed = areas[0] if len(areas) == 1 else joint.join(areas[:-1]) + joint.rstrip() + " and " + areas[-1]
    if len(areas) == 2:
        listed = f"{areas[0]} and {areas[1]}" if joint == ", " else f"{areas[0]}; and {areas[1]}"
    return (f"{COMPANY} is hiring {_article(title)} {title}. "
            f"In this role you will be responsible for {listed}.")


def job_ad(atlas: Atlas, role: Role) -> Ad | None:
    """The ad, or None when the sources say too little about the role for one (no duties)."""
    duties = _duties(role)
    if not duties:
        return None
    asks = _requirements(role)
    title = _one_line(role.title)
    # A role whose own summary sets companies side by side has an opening written for one employer.
    summary = (f"{COMPANY} is hiring {_article(title)} {title}. {_one_line(role.ad_summary)}" if role.ad_summary
               else _summary(title, duties))
    said = " ".join([summary, *(t for t, _ in duties), *(i for _, items in duties for i in items),
                     *asks.required, *asks.preferred])
    skills, extra = _skills(atlas, role, asks, said)
    return Ad(title=title, summary=summary, duties=duties, required=asks.required or (NO_REQUIREMENTS,),
              preferred=asks.preferred, skills=skills, preferred_skills=extra)


def missing(ad: Ad) -> tuple[str, ...]:
    """What the sources do not state for the ad, said beside it (a placeholder holds its place)."""
    return ("requirements",) if ad.required == (NO_REQUIREMENTS,) else ()


@dataclass(frozen=True)
class _Style:
    """How one format marks the ad's parts; the parts and their order are the same in both."""

    top: Callable[[Ad], list[str]]
    heading: Callable[[str], str]
    area: Callable[[str], list[str]]


_PLAIN = _Style(top=lambda ad: [ad.title, f"{COMPANY} · {LOCATION}", f"Pay: {PAY}"],
                heading=str.upper, area=lambda title: [title])
_MARKDOWN = _Style(top=lambda ad: [f"**{ad.title}**", "", f"{COMPANY} · {LOCATION}  ", f"Pay: {PAY}"],
                   heading=lambda text: f"**{text}**", area=lambda title: [f"*{title}*", ""])


def _write(ad: Ad, style: _Style) -> str:
    lines = [*style.top(ad), "", ad.summary, ""]
    if ad.duties:
        lines += [style.heading("What you will do"), ""]
        for title, items in ad.duties:
            lines += [*style.area(title), *[f"- {i}" for i in items], ""]
    for heading, items in (("What you bring", ad.required), ("Nice to have", ad.preferred)):
        extra = ad.preferred_skills if heading == "Nice to have" else ()
        if items or extra:
            lines += [style.heading(heading), "", *[f"- {x}" for x in items]]
            if extra:
                lines.append(f"- Experience with {', '.join(_lower_first(x) for x in extra)}")
            lines.append("")
    if ad.skills:
        lines += [style.heading("Skills"), "", ", ".join(ad.skills), ""]
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


def job_description_tabs(ad: Ad, indent: str = "") -> Markup:
    """Two content tabs (pymdownx.tabbed), plain text and Markdown, each a code block with a copy
    button; `indent` nests them (in a collapsible block)."""
    inner = indent + "    "
    return Markup(f'{indent}=== "Plain text"\n\n{fenced(plain_text(ad), "text", inner)}\n\n'
                  f'{indent}=== "Markdown"\n\n{fenced(markdown(ad), "markdown", inner)}')
