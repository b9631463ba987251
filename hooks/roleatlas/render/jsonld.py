"""schema.org `Occupation` JSON-LD for a role page, so search engines and chat previews can read it."""

from __future__ import annotations

from typing import Any

from ..atlas import Atlas
from ..model import Role, Salary

PERIODS = {"year": "P1Y", "month": "P1M", "hour": "PT1H"}


def _salary(salary: Salary) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "MonetaryAmountDistribution", "name": salary.label,
                           "currency": salary.currency, "duration": PERIODS[salary.period]}
    if salary.amount is not None:
        out["median"] = salary.amount
    else:
        out["minValue"] = salary.low
        if not salary.open_ended:
            out["maxValue"] = salary.high
    return out


def occupation(atlas: Atlas, role: Role) -> dict[str, Any]:
    """The role as schema.org/Occupation; only fields the data knows are present."""
    q = role.qualifications
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Occupation", "name": role.title,
                            "description": role.summary.text}
    if role.abbreviations or role.aliases:
        data["alternateName"] = [n.name for n in role.abbreviations + role.aliases]
    items = [item for area in role.responsibilities for item in area.items]
    if items:
        data["responsibilities"] = items
    skills = [atlas.skill[sid].name for sid in atlas.skill_ids_of(role)]
    if skills:
        data["skills"] = skills
    if q.required or q.preferred:
        data["qualifications"] = [f"{x.title}: {x.text}" for x in q.required + q.preferred]
    if q.education:
        data["educationRequirements"] = [{"@type": "EducationalOccupationalCredential", "credentialCategory": d,
                                          "about": list(q.education.fields)} for d in q.education.degrees]
    if q.experience and q.experience.min_years is not None:
        data["experienceRequirements"] = {"@type": "OccupationalExperienceRequirements",
                                          "monthsOfExperience": q.experience.min_years * 12}
    codes = [atlas.occupation[c.occupation] for c in role.classifications if c.occupation]
    if codes:
        # An ESCO occupation has no code in its release: its concept URI is its identifier.
        data["occupationalCategory"] = [{"@type": "CategoryCode", "codeValue": o.code or o.url, "name": o.title,
                                         "url": o.url, "inCodeSet": {"@type": "CategoryCodeSet", "name": o.system}}
                                        for o in codes]
    figures = atlas.salary_figures(role)
    if figures:
        data["estimatedSalary"] = [_salary(s) for s in figures]
        data["occupationLocation"] = [{"@type": "Country", "name": r} for r in dict.fromkeys(s.region for s in figures)]
    return data
