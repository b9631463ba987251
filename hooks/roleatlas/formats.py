"""How facts read as text: experience, education, money, pay and levels, written once.

Pages, the job description and the published data all take their wording from here; the compare
view in the browser reads the same text from the export (`display` fields) instead of formatting
anything itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from .atlas import Atlas
from .model import LEVEL_NAMES, RELATION_TEXT, Education, Experience, Occupation, Role, Salary, Term

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


def occupation_pay_text(salary: Salary, occupation: Occupation) -> str:
    """An official statistic, worded as a figure for the whole occupation, never for one title."""
    return (f"{amount_text(salary)} ({salary.measure}) for all {occupation.title}, "
            f"{salary.region}, {salary.as_of or salary.year}")


def salary_text(salary: Salary) -> str:
    """A figure with what it is of, per what, where and when, for lists outside the salary table."""
    return f"{salary.label}: {amount_text(salary)} per {salary.period} ({salary.region}, {salary.year})"


def pay_summary(figures: Sequence[Salary]) -> str:
    """Lowest to highest of a role's figures, with the first figure's region and year."""
    if not figures:
        return ""
    low = min(s.bounds[0] for s in figures)
    high = max(s.bounds[1] for s in figures)
    first = figures[0]
    plus = "+" if any(s.open_ended and s.bounds[1] == high for s in figures) else ""
    around = "around " if all(s.approximate for s in figures) else ""
    span = around + (money(low, first.currency) if low == high
                     else f"{money(low, first.currency)} – {money(high, first.currency)}{plus}")
    return f"{span} ({first.region}, {first.year})"


def glossary(terms: Sequence[Term]) -> dict[str, str]:
    """Abbreviation → meaning on one line, as the tooltips of every page show them."""
    return {t.term: " ".join(t.meaning.split()) for t in terms}


def role_pay(atlas: Atlas, role: Role) -> list[str]:
    """Every pay figure shown for a role: its own figures, then the official statistics of its
    occupations, each worded for the whole occupation."""
    return ([salary_text(s) for s in atlas.salary_figures(role)]
            + [occupation_pay_text(s, atlas.occupation[s.occupation]) for s in atlas.official_pay(role)])


def role_pay_summary(atlas: Atlas, role: Role) -> str:
    """One line of pay for tables: the role's own figures (saying what they measure when one is for
    a title that is not one of the role's names: a different or wider title), else its occupation's
    median, worded for the whole occupation."""
    own = atlas.salary_figures(role)
    if own:
        names = {n.casefold() for n in role.names}
        other = [s.label for s in own if (s.title or role.title).casefold() not in names]
        return pay_summary(own) + ("; measured as: " + "; ".join(other) if other else "")
    official = atlas.official_pay(role)
    medians = [s for s in official if s.measure == "median"] or list(official)
    return occupation_pay_text(medians[0], atlas.occupation[medians[0].occupation]) if medians else ""


def _occupation_fact(atlas: Atlas, role: Role, name: str) -> str:
    """An occupation-level fact (education, experience) for a role whose sources give none, worded
    as what the publisher says of everyone in the occupation."""
    for c in role.classifications:
        statement = getattr(atlas.occupation[c.occupation], name) if c.occupation else None
        if statement:
            return f"{statement.text} (typical for all {atlas.occupation[c.occupation].title})"
    return ""


def role_experience_summary(atlas: Atlas, role: Role) -> str:
    """The role's own typical experience, else its occupation's."""
    return experience_text(role.qualifications.experience) or _occupation_fact(atlas, role, "experience")


def role_education_summary(atlas: Atlas, role: Role) -> str:
    """The role's own education, else its occupation's typical entry-level education."""
    return education_text(role.qualifications.education) or _occupation_fact(atlas, role, "education")
