"""Synthetic Role Atlas data of any size, with the shape of the real data (for `scripts/bench`).

Each role has about 20 responsibilities in 5 areas, 15 skill references, 2 salary figures, 2 career
steps, qualifications, related roles, a work setting and notes; around the roles there are 300
skills, sources, dimensions, perspectives with claims, a comparison, topics and glossary terms.
The output is deterministic for a given size and seed, goes through the real loader, and uses the
model's own enumerations, so it stays valid when the model grows a value.

    from roleatlas_dev.synthetic_data import write_synthetic_data
    data_dir = write_synthetic_data(Path("/tmp/x"), roles=1000)   # -> /tmp/x/data
"""

from __future__ import annotations

import random
import typing
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from roleatlas.model import ROLE_SECTIONS, Coverage, Currency, Level, Measure, Need, SkillCategory

SKILLS = 300
SOURCES = 12
DIMENSIONS = 8
TERMS = 40
TOPICS = 6
AREAS_PER_ROLE = 5
ITEMS_PER_AREA = 4
SKILLS_PER_ROLE = 15
CHUNK = 400  # entries per collection file: the loader refuses files over 1 MB

# The levels synthetic roles cycle through. "manager" (added with issue 25) is left out so the
# synthetic titles, and the benchmarks' figures and queries measured on them, stay as they were.
LEVELS: tuple[str, ...] = tuple(level for level in typing.get_args(Level) if level != "manager")
COVERAGES: tuple[str, ...] = typing.get_args(Coverage)
NEEDS: tuple[str, ...] = typing.get_args(Need)
CATEGORIES: tuple[str, ...] = typing.get_args(SkillCategory)
MEASURES: tuple[str, ...] = typing.get_args(Measure)
CURRENCIES: tuple[str, ...] = typing.get_args(Currency)

TITLE_BY_LEVEL = {"executive": "Chief", "vice-president": "VP of", "director": "Director of",
                  "individual-contributor": "Principal", "other": "Head of"}
DOMAINS = ("Engineering", "Platform", "Data", "AI/ML Engineering", "Security", "Infrastructure",
           "Product Engineering", "Developer Experience", "Reliability", "Analytics", "Architecture",
           "Cloud Operations", "Quality", "Research", "Mobile", "Payments", "Search", "Identity")
AREAS = ("Strategy and vision", "People and teams", "Delivery and execution", "Architecture and quality",
         "Stakeholders and budget", "Hiring and growth", "Operations and reliability", "Governance and risk")
VERBS = ("Set", "Own", "Lead", "Grow", "Shape", "Review", "Plan", "Align", "Measure", "Improve",
         "Coach", "Hire", "Fund", "Report on", "Balance", "Prioritise", "Design", "Drive")
OBJECTS = ("the technical roadmap", "engineering standards", "delivery timelines", "the hiring plan",
           "the platform budget", "incident response", "vendor contracts", "team structure",
           "the data strategy", "model deployment", "security posture", "cross-team dependencies",
           "architecture decisions", "career ladders", "quarterly goals", "the on-call rotation",
           "cloud spending", "product discovery", "release quality", "research bets")
CONTEXTS = ("with the executive team", "across product lines", "for a growing organisation",
            "under regulatory constraints", "in a distributed company", "with measurable outcomes",
            "while the company scales", "alongside product leadership", "for customer-facing systems",
            "within the annual budget")
SKILL_WORDS = ("Kubernetes", "Python", "Go", "Rust", "TypeScript", "PyTorch", "TensorFlow", "Terraform",
               "Spark", "Kafka", "PostgreSQL", "Snowflake", "Airflow", "GraphQL", "gRPC", "React",
               "Negotiation", "Mentoring", "Budgeting", "Forecasting", "Coaching", "Storytelling",
               "Hiring", "Compliance", "Observability", "Threat Modelling", "Cost Control", "MLOps",
               "Data Modelling", "Product Sense", "Roadmapping", "Incident Command")
SKILL_KINDS = ("Practice", "Fundamentals", "at Scale", "Strategy", "Operations", "Design", "Leadership",
               "Tooling", "Governance", "Literacy")
REGIONS = ("United States", "United Kingdom", "Germany", "Canada", "India", "Remote, global")
INDUSTRIES = ("Software", "Finance", "Healthcare", "Retail", "Logistics", "Media", "Education", "Energy")
SIZES = ("11 - 50 employees", "51 - 200 employees", "201 - 500 employees", "501 - 1,000 employees",
         "1,001 - 5,000 employees", "5,001 - 10,000 employees")
DEGREES = ("Bachelor's", "Master's", "Ph.D.", "MBA")
FIELDS = ("Computer Science", "Engineering", "Mathematics", "Statistics", "Business")
TAGS = tuple(f"tag-{word.lower()}" for word in ("strategy", "people", "ai", "data", "platform", "security",
                                                 "startup", "enterprise", "remote", "budget", "hiring", "cloud"))


def _sentence(rng: random.Random, words: int = 14) -> str:
    """A plausible sentence of roughly `words` words."""
    parts = [f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(CONTEXTS)}"]
    while len(" ".join(parts).split()) < words:
        parts.append(f"and {rng.choice(VERBS).lower()} {rng.choice(OBJECTS)}")
    return " ".join(parts) + "."


def _initials(title: str) -> str:
    return "".join(w[0] for w in title.replace("/", " ").split() if w[0].isupper())


class _Maker:
    """Builds every collection for one size; one seeded random stream keeps it deterministic."""

    def __init__(self, roles: int, seed: int, skills: int = SKILLS):
        self.n = roles
        self.rng = random.Random(seed)
        self.year = date.today().year - 1  # recent: no "older figure" warning for most figures
        self.sources = [f"src-{i:02d}" for i in range(1, SOURCES + 1)]
        self.skill_ids = [f"skill-{i:03d}" for i in range(1, max(skills, SKILLS_PER_ROLE) + 1)]
        self.role_ids = [f"role-{i:05d}" for i in range(1, roles + 1)]

    def src(self) -> str:
        return self.rng.choice(self.sources)

    def statement(self, words: int = 14) -> dict[str, str]:
        return {"text": _sentence(self.rng, words), "source": self.src()}

    # --- collections ---------------------------------------------------------------------

    def source_list(self) -> list[dict[str, Any]]:
        return [{"id": sid, "title": f"Source document {i}", "kind": self.rng.choice(("Q&A thread", "role profile",
                                                                                      "salary survey", "report")),
                 "covers": _sentence(self.rng, 10), "notes": [_sentence(self.rng, 8)]}
                for i, sid in enumerate(self.sources, 1)]

    def skill_list(self) -> list[dict[str, Any]]:
        skills = []
        for i, sid in enumerate(self.skill_ids):
            name = f"{SKILL_WORDS[i % len(SKILL_WORDS)]} {SKILL_KINDS[i // len(SKILL_WORDS) % len(SKILL_KINDS)]}"
            if i >= len(SKILL_WORDS) * len(SKILL_KINDS):
                name += f" {i}"
            skill: dict[str, Any] = {"id": sid, "name": name, "category": CATEGORIES[i % len(CATEGORIES)],
                                     "description": _sentence(self.rng, 18)}
            if i % 3 == 0:
                skill["aliases"] = [f"{name} skills"]
            if i % 4 == 0:
                skill["tags"] = [self.rng.choice(TAGS)]
            skills.append(skill)
        return skills

    def salary(self, sid: str, region: str, ranged: bool) -> dict[str, Any]:
        low = self.rng.randrange(90, 300) * 1000
        figure: dict[str, Any] = {"id": sid, "label": self.rng.choice(("Average annual salary", "Base salary range",
                                                                        "Total pay range", "Estimated pay")),
                                  "measure": self.rng.choice(MEASURES), "currency": CURRENCIES[0], "region": region,
                                  "year": self.year if self.rng.random() > 0.02 else self.year - 2,
                                  "source": self.src()}
        if ranged:
            figure.update(low=low, high=low + self.rng.randrange(20, 200) * 1000,
                          open_ended=self.rng.random() < 0.05)
        else:
            figure["amount"] = low
        return figure

    def dimension_list(self) -> list[dict[str, Any]]:
        names = ("Orientation", "Owns", "Reports to", "Time horizon", "Team size", "Customer contact",
                 "Hands-on work", "It depends")
        return [{"id": f"dim-{i}", "name": names[i % len(names)], "description": _sentence(self.rng, 10),
                 "qualifier": i == DIMENSIONS - 1} for i in range(DIMENSIONS)]

    def perspective_list(self) -> list[dict[str, Any]]:
        """One practitioner's answer per 10 roles (at least 5), each split into 4 claims."""
        out = []
        for i in range(max(5, self.n // 10)):
            claims = []
            for j in range(4):
                a, b = self.rng.sample(self.role_ids, 2) if self.n > 1 else (self.role_ids[0], self.role_ids[0])
                claim: dict[str, Any] = {"id": f"p-{i:04d}-c{j}", "dimension": f"dim-{self.rng.randrange(DIMENSIONS)}",
                                         "text": _sentence(self.rng, 16),
                                         "stances": [{"role": a, "position": "strategic"}]}
                if a != b:
                    claim["stances"].append({"role": b, "position": "hands-on"})
                if j == 3:
                    claim["roles"] = [self.rng.choice(self.role_ids)]
                claims.append(claim)
            out.append({"id": f"p-{i:04d}", "source": self.src(),
                        "respondent": {"title": f"{self.rng.choice(('CTO', 'VP of Engineering', 'CIO'))}",
                                       "industry": self.rng.choice(INDUSTRIES), "company_size": self.rng.choice(SIZES)},
                        "claims": claims})
        return out

    def comparison_list(self) -> list[dict[str, Any]]:
        if self.n < 2:
            return []
        return [{"id": "first-vs-second", "title": "The first two roles compared",
                 "roles": self.role_ids[:2], "intro": _sentence(self.rng, 12),
                 "dimensions": [f"dim-{i}" for i in range(DIMENSIONS - 1)]}]

    def term_list(self) -> list[dict[str, Any]]:
        terms = [{"term": "CTO", "meaning": "Chief Technology Officer"},
                 {"term": "VPE", "meaning": "Vice President of Engineering"}]
        terms += [{"term": f"T{i}X", "meaning": f"Term number {i}", "description": _sentence(self.rng, 8)}
                  for i in range(TERMS - len(terms))]
        return terms

    def topic(self, i: int) -> dict[str, Any]:
        sections = []
        for j in range(4):
            section: dict[str, Any] = {"id": f"section-{j}", "title": f"Section {j}",
                                       "points": [_sentence(self.rng) for _ in range(3)],
                                       "figures": [{"value": f"{self.rng.randrange(5, 95)}%", "label": "growth",
                                                    "period": f"{self.year - 1}-{self.year + 3}"}]}
            if j == 3:
                section["challenge"] = {"problem": _sentence(self.rng, 8), "solution": _sentence(self.rng, 8),
                                        "note_kind": "impact", "note": _sentence(self.rng, 8)}
            sections.append(section)
        return {"id": f"topic-{i}", "title": f"Topic {i}", "summary": _sentence(self.rng, 12), "source": self.src(),
                "roles": self.rng.sample(self.role_ids, min(3, self.n)), "tags": [self.rng.choice(TAGS)],
                "sections": sections}

    # --- roles ---------------------------------------------------------------------------------

    def role(self, index: int, salaries: list[dict[str, Any]]) -> dict[str, Any]:
        rng, rid = self.rng, self.role_ids[index]
        level = LEVELS[index % len(LEVELS)]
        title = f"{TITLE_BY_LEVEL[level]} {DOMAINS[index % len(DOMAINS)]} {index + 1}"
        skills = rng.sample(self.skill_ids, SKILLS_PER_ROLE)
        areas = rng.sample(AREAS, AREAS_PER_ROLE)
        region = rng.choice(REGIONS)
        pay = [f"{rid}-pay-{k}" for k in (1, 2)]
        salaries += [self.salary(pay[0], region, ranged=True), self.salary(pay[1], region, ranged=rng.random() < 0.5)]
        role: dict[str, Any] = {
            "id": rid, "title": title, "coverage": COVERAGES[0] if index % 10 else COVERAGES[-1], "level": level,
            "summary": {"text": " ".join(_sentence(rng, 13) for _ in range(3)), "source": self.src()}, "focus": {"text": f"{rng.choice(OBJECTS).capitalize()}", "source": self.src()},
            "abbreviations": [{"name": f"{_initials(title)}{index + 1}", "source": self.src()}],
            "aliases": [{"name": f"{title} lead", "source": self.src()}],
            "tags": rng.sample(TAGS, 2), "scope": self.statement(12),
            "responsibilities": [{"id": f"area-{k}", "title": area,
                                  "items": [_sentence(rng, 12) for _ in range(ITEMS_PER_AREA)], "source": self.src()}
                                 for k, area in enumerate(areas)],
            "qualifications": {
                "experience": {"min_years": (low := rng.randrange(3, 12)), "max_years": low + rng.randrange(2, 8),
                               "detail": "leading engineering teams", "source": self.src()},
                "education": {"degrees": rng.sample(DEGREES, 2), "fields": rng.sample(FIELDS, 2),
                              "required": rng.random() < 0.5, "source": self.src()},
                "required": [{"id": f"req-{k}", "title": f"Requirement {k + 1}", "text": _sentence(rng, 12),
                              "skills": skills[k * 2:k * 2 + 2], "source": self.src()} for k in range(3)],
                "preferred": [{"id": f"pref-{k}", "title": f"Preference {k + 1}", "text": _sentence(rng, 12),
                               "skills": skills[6 + k:7 + k], "source": self.src()} for k in range(2)],
            },
            # the 15 skill references: 11 declared needs; 4 more are named only by qualifications
            "skills": [{"skill": sid, "need": NEEDS[k % len(NEEDS)], "points": [_sentence(rng, 8)],
                        "source": self.src()} for k, sid in enumerate(skills[:4] + skills[8:])],
            "salaries": pay,
            "work_setting": [self.statement(10)],
            "notes": [self.statement(16), self.statement(12)],
        }
        if self.n > 1:
            others = [r for r in rng.sample(self.role_ids, min(3, self.n)) if r != rid][:2]
            role["related"] = [{"role": r, "relation": _sentence(rng, 8), "source": self.src()} for r in others]
            role["career_from"] = [{"role": self.role_ids[index - 1], "note": _sentence(rng, 6), "source": self.src()}]
            role["career_to"] = [{"role": self.role_ids[(index + 1) % self.n], "source": self.src()}]
        assert not {a["id"] for a in role["responsibilities"]} & set(ROLE_SECTIONS.values())
        return role


def _dump(path: Path, content: Any) -> None:
    path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")


def write_synthetic_data(root: Path, roles: int, seed: int = 7, skills: int = SKILLS) -> Path:
    """Write a valid data/ folder with `roles` roles under `root` and return its path; `skills`
    fewer than 300 makes a small data set quick to build (the benchmark's smoke test)."""
    if roles < 1:
        raise ValueError("at least one role")
    maker = _Maker(roles, seed, skills)
    data = root / "data"
    (data / "roles").mkdir(parents=True, exist_ok=True)
    (data / "topics").mkdir(exist_ok=True)
    salaries: list[dict[str, Any]] = []
    for index, rid in enumerate(maker.role_ids):
        _dump(data / "roles" / f"{rid}.yaml", maker.role(index, salaries))
    for i in range(TOPICS):
        _dump(data / "topics" / f"topic-{i}.yaml", maker.topic(i))
    _dump(data / "sources.yaml", {"sources": maker.source_list()})
    _dump(data / "skills.yaml", {"skills": maker.skill_list()})
    _dump(data / "dimensions.yaml", {"dimensions": maker.dimension_list()})
    _dump(data / "comparisons.yaml", {"comparisons": maker.comparison_list()})
    _dump(data / "glossary.yaml", {"terms": maker.term_list()})
    for name, items in (("salaries", salaries), ("perspectives", maker.perspective_list())):
        for part, start in enumerate(range(0, len(items), CHUNK)):
            _dump(data / f"{name}-{part:03d}.yaml", {name: items[start:start + CHUNK]})
    return data


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="folder to write data/ into")
    parser.add_argument("--roles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(write_synthetic_data(args.root, args.roles, args.seed))
