"""How facts read as text: experience, education, money, pay and levels, written once.

Pages, the job description and the published data all take their wording from here; the compare
view in the browser reads the same text from the export (`display` fields) instead of formatting
anything itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from .atlas import Atlas, Placement
from .model import (LEVEL_NAMES, RELATION_SHORT, RELATION_TEXT, Education, Experience, Occupation, Role, Salary,
                    Term)
from .oews import NOT_RELEASED, TOP_CODED, Figure, PayRelease

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}


def money(amount: int, currency: str) -> str:
    """$224,452 for the currencies with a familiar symbol, 224,452 INR for the others."""
    symbol = CURRENCY_SYMBOLS.get(currency)
    return f"{symbol}{amount:,}" if symbol else f"{amount:,} {currency}"


def experience_text(exp: Experience | None) -> str:
    """7–10 years, 7+ years or up to 10 years; empty when the source gives no number."""
    if exp is None or (exp.min_years is None and exp.max_years is None):
        return ""
    if exp.min_years is not None and exp.max_years is not None:
        return f"{exp.min_years}–{exp.max_years} years"
    return f"{exp.min_years}+ years" if exp.min_years is not None else f"up to {exp.max_years} years"


def education_text(edu: Education | None) -> str:
    """Master's or Ph.D. in computer science, AI/ML; empty when none is named."""
    if edu is None:
        return ""
    return " or ".join(edu.degrees) + (f" in {', '.join(edu.fields)}" if edu.fields else "")


def level_text(level: str) -> str:
    return LEVEL_NAMES[level]


def relation_text(relation: str) -> str:
    return RELATION_TEXT[relation]


def relation_short(relation: str) -> str:
    return RELATION_SHORT[relation]
def occupation_name(occupation: Occupation) -> str:
    """"code title" (11-1011.00 Chief Executives), or the title alone for an ESCO occupation, which
    its release names by concept URI, not by code."""
    return f"{occupation.code} {occupation.title}" if occupation.code else occupation.title


def amount_text(salary: Salary) -> str:
    """One figure's amount: around $224,452, or $130,000 – $500,000+."""
    if salary.amount is not None:
        return ("around " if salary.approximate else "") + money(salary.amount, salary.currency)
    if salary.low is None or salary.high is None:  # Salary.check refuses a figure with neither
        raise ValueError(f"salary figure {salary.id} has neither an amount nor a range")
    high = money(salary.high, salary.currency) + ("+" if salary.open_ended else "")
    return f"{money(salary.low, salary.currency)} – {high}"


def percentiles_text(salary: Salary) -> str:
    """10th $99,350 · 25th $125,470 · …"""
    return " · ".join(f"{p.percentile}th {money(p.amount, salary.currency)}" for p in salary.percentiles)


def salary_text(salary: Salary) -> str:
    """A figure with what it is of, per what, where and when, for lists outside the salary table."""
    return f"{salary.label}: {amount_text(salary)} per {salary.period} ({salary.region}, {salary.year})"


def glossary(terms: Sequence[Term]) -> dict[str, str]:
    """Abbreviation → meaning on one line, as the tooltips of every page show them."""
    return {t.term: " ".join(t.meaning.split()) for t in terms}


def wage_text(figure: Figure, release: PayRelease) -> str:
    """A published annual wage as money; BLS's marks in words: a top-coded wage as "≥ $239,200"
    (BLS gives no exact figure above its limit), an unpublished one as "not released"."""
    if figure.footnote == TOP_CODED:
        return f"≥ {release.top_code}" if release.top_code else "above BLS's top-coding limit"
    number = figure.number
    if number is None or figure.footnote == NOT_RELEASED:
        return "not released"
    return money(round(number), "USD")


def count_text(figure: Figure) -> str:
    """Employment as BLS publishes it, or "not released"."""
    number = figure.number
    return f"{round(number):,}" if number is not None else "not released"


def official_headline(atlas: Atlas, placement: Placement) -> str:
    """The official figure a role's pay leads with: its occupation's national median, worded for
    the whole occupation and dated by the release."""
    release = atlas.pay
    assert release is not None  # a placement exists only with a release
    median = wage_text(placement.national["annual_median"], release)
    return (f"{median} median annual wage of all {placement.soc_title} (SOC {placement.soc}), "
            f"United States, {release.release} (BLS)")


def estimate_text(atlas: Atlas, salary: Salary) -> str:
    """A practitioners' estimate with its own measure, title, region, year and source: never merged
    with another figure into one span."""
    return f"{salary_text(salary)}; {salary.measure.replace('-', ' ')} from {atlas.source[salary.source].title}"


def role_estimates(atlas: Atlas, role: Role) -> list[str]:
    """The role's own figures (estimates a source gives), one line each; a figure for a title that
    is not one of the role's names (its `title` field, never read out of the label) says so."""
    names = {n.casefold() for n in role.names}
    return [estimate_text(atlas, s) + (f" (for the title {s.title})" if s.title and s.title.casefold() not in names
                                       and s.title.casefold() not in s.label.casefold() else "")
            for s in atlas.salary_figures(role) if not s.occupation]


def role_pay(atlas: Atlas, role: Role) -> list[str]:
    """Every pay figure shown for a role: its official occupations' medians first, then each
    estimate on its own."""
    return [official_headline(atlas, p) for p in atlas.pay_placements(role)] + role_estimates(atlas, role)


def role_pay_summary(atlas: Atlas, role: Role) -> str:
    """The headline: the official median of the role's first occupation, else empty."""
    placements = atlas.pay_placements(role)
    return official_headline(atlas, placements[0]) if placements else ""


def _occupation_fact(atlas: Atlas, role: Role, name: str) -> str:
    """An occupation-level fact (education, experience) for a role whose sources give none. A
    publisher's "typical entry" figures say what it takes to enter the whole occupation, not what
    a senior title asks ("None in a related occupation" is no answer for a Lead Engineer), so they
    are worded as entry to the occupation, after saying the title's own is not stated."""
    for c in role.classifications:
        statement = getattr(atlas.occupation[c.occupation], name) if c.occupation else None
        if statement:
            return (f"not stated for this title; to enter the occupation {atlas.occupation[c.occupation].title}: "
                    f"{statement.text[:1].lower()}{statement.text[1:]}")
    return ""


def role_experience_summary(atlas: Atlas, role: Role) -> str:
    """The role's own typical experience, else its occupation's."""
    return experience_text(role.qualifications.experience) or _occupation_fact(atlas, role, "experience")


def role_education_summary(atlas: Atlas, role: Role) -> str:
    """The role's own education, else its occupation's typical entry-level education."""
    return education_text(role.qualifications.education) or _occupation_fact(atlas, role, "education")


def older_figures_text(old: int, total: int) -> str:
    """The start of the "Older figures" warning: "The figure is", "2 of 4 figures are", "All 3 figures are"."""
    if total == 1:
        return "The figure is"
    if old == total:
        return f"All {total} figures are"
    return f"{old} of {total} figures {'is' if old == 1 else 'are'}"
