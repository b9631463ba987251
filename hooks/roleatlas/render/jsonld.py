"""schema.org `Occupation` JSON-LD for a role page, so search engines and chat previews can read it."""

from __future__ import annotations

from typing import Any

from ..atlas import Atlas, Placement
from ..model import Role, Salary
from ..oews import NOT_RELEASED, PERCENTILES, TOP_CODED

PERIODS = {"year": "P1Y", "month": "P1M", "hour": "PT1H"}
DISTRIBUTION = {10: "percentile10", 25: "percentile25", 50: "median", 75: "percentile75", 90: "percentile90"}


def _official(atlas: Atlas, p: Placement) -> dict[str, Any]:
    """An occupation's national wage distribution from the release: the percentiles BLS published
    (a top-coded or unreleased one is left out rather than guessed), named for the whole occupation."""
    release = atlas.pay
    assert release is not None
    out: dict[str, Any] = {"@type": "MonetaryAmountDistribution",
                           "name": f"Annual wage of all {p.soc_title} (SOC {p.soc}), United States, "
                                   f"{release.release} ({release.publisher}, {release.dataset})",
                           "currency": "USD", "duration": "P1Y"}
    for column, percentile in PERCENTILES:
        figure = p.national[column]
        if figure.footnote not in (TOP_CODED, NOT_RELEASED) and figure.number is not None:
            out[DISTRIBUTION[percentile]] = round(figure.number)
    return out


def _estimate(salary: Salary) -> dict[str, Any]:
    """A source's estimate as a plain amount or range, named with its measure: an average is never
    published as a median."""
    value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": salary.period.upper()}
    if salary.amount is not None:
        value["value"] = salary.amount
    else:
        value["minValue"] = salary.low
        if not salary.open_ended:
            value["maxValue"] = salary.high
    return {"@type": "MonetaryAmount", "name": f"{salary.label} ({salary.measure.replace('-', ' ')}, {salary.year})",
            "currency": salary.currency, "value": value}


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
    # the publishers' placements only: a nearest occupation is the atlas's own choice, not a code for the role
    codes = [atlas.occupation[c.occupation] for c in role.classifications if c.occupation and c.relation != "nearest"]
    if codes:
        # An ESCO occupation has no code in its release: its concept URI is its identifier.
        data["occupationalCategory"] = [{"@type": "CategoryCode", "codeValue": o.code or o.url, "name": o.title,
                                         "url": o.url, "inCodeSet": {"@type": "CategoryCodeSet", "name": o.system}}
                                        for o in codes]
    figures = [s for s in atlas.salary_figures(role) if not s.occupation]
    placements = atlas.pay_placements(role)
    if figures or placements:
        data["estimatedSalary"] = [_official(atlas, p) for p in placements] + [_estimate(s) for s in figures]
        regions = ["United States"] * bool(placements) + [s.region for s in figures]
        data["occupationLocation"] = [{"@type": "Country", "name": r} for r in dict.fromkeys(regions)]
    return data
