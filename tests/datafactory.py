"""Small, valid data sets written to a temporary folder, for tests that must not depend on content."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import yaml

TODAY = date(2026, 11, 23)
"""The build date the tests give the loader and renderer (builds take theirs from the clock)."""
SOURCE = "src-a"


def base_collections() -> dict[str, Any]:
    return {
        "sources": [{"id": SOURCE, "title": "Source A", "kind": "test document", "covers": "test facts"}],
        "skills": [
            {"id": "python", "name": "Python", "category": "technical", "description": "A language."},
            {"id": "mentoring", "name": "Mentoring", "category": "leadership", "description": "Growing people."},
            {"id": "unused-skill", "name": "Unused", "category": "domain", "description": "Nobody needs it."},
        ],
        "salaries": [{"id": "alpha-pay", "label": "Average pay", "measure": "average", "currency": "USD",
                      "region": "United States", "year": 2024, "low": 100000, "high": 200000, "source": SOURCE}],
        "dimensions": [{"id": "orientation", "name": "Orientation", "description": "Strategic or tactical."}],
        "perspectives": [{"id": "p-one", "source": SOURCE,
                          "respondent": {"title": "CIO", "industry": "Testing", "company_size": "11 - 50 employees"},
                          "claims": [{"id": "p-one-alpha", "dimension": "orientation", "text": "Alpha is strategic.",
                                      "stances": [{"role": "alpha", "position": "strategic"},
                                                  {"role": "beta", "position": "tactical"}]}]}],
        "comparisons": [{"id": "alpha-vs-beta", "title": "Alpha vs Beta", "roles": ["alpha", "beta"],
                         "intro": "How they differ.", "dimensions": ["orientation"]}],
        "terms": [{"term": "CTO", "meaning": "Chief Technology Officer"}],
    }


def role(role_id: str, title: str, **extra: Any) -> dict[str, Any]:
    data = {
        "id": role_id, "title": title, "coverage": "full", "level": "executive",
        "summary": {"text": f"{title} leads things.", "source": SOURCE},
        "focus": {"text": "Strategy", "source": SOURCE},
        "responsibilities": [{"id": "lead-people", "title": "Lead people", "items": ["Grow the team"], "source": SOURCE}],
        "skills": [{"skill": "mentoring", "need": "required", "source": SOURCE}],
    }
    data.update(extra)
    return data


def base_roles() -> dict[str, dict[str, Any]]:
    return {
        "alpha": role("alpha", "Alpha Officer", abbreviations=[{"name": "AO", "source": SOURCE}], salaries=["alpha-pay"],
                      qualifications={"experience": {"min_years": 7, "max_years": 10, "source": SOURCE},
                                      "required": [{"id": "coding", "title": "Coding", "text": "Writes code.",
                                                    "skills": ["python"], "source": SOURCE}]},
                      career_to=[{"role": "beta", "source": SOURCE}],
                      related=[{"role": "beta", "relation": "Works beside it.", "source": SOURCE}]),
        "beta": role("beta", "Beta Lead", level="vice-president"),
    }


def write_data(root: Path, collections: dict[str, Any] | None = None,
               roles: dict[str, dict[str, Any]] | None = None, topics: dict[str, Any] | None = None) -> Path:
    """Write a data/ folder under `root` and return it."""
    data = root / "data"
    (data / "roles").mkdir(parents=True, exist_ok=True)
    (data / "topics").mkdir(exist_ok=True)
    colls = copy.deepcopy(base_collections() if collections is None else collections)
    (data / "atlas.yaml").write_text(yaml.safe_dump(colls, sort_keys=False, allow_unicode=True), encoding="utf-8")
    for rid, r in (base_roles() if roles is None else roles).items():
        (data / "roles" / f"{rid}.yaml").write_text(yaml.safe_dump(r, sort_keys=False, allow_unicode=True), encoding="utf-8")
    default_topics = {"demand": {"id": "demand", "title": "Demand", "summary": "Who hires.", "source": SOURCE,
                                 "sections": [{"id": "growth", "title": "Growth", "points": ["More jobs"],
                                               "figures": [{"value": "40%", "label": "growth", "period": "2023-2027"}]}]}}
    for tid, t in (default_topics if topics is None else topics).items():
        (data / "topics" / f"{tid}.yaml").write_text(yaml.safe_dump(t, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return data


def render_site(atlas, built: date, history=None) -> dict[str, str]:
    """Every generated page by its Markdown path, as the hooks hand them to MkDocs."""
    from roleatlas.history import NO_HISTORY
    from roleatlas.render.pages import iter_pages

    return dict(iter_pages(atlas, built, history or NO_HISTORY))
