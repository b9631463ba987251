"""The facts of both sources are on the built site, sourced, and page noise is not.

Expected values are read from the source texts by hand (figures, names, tools), not from our data.
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

SOURCES = ROOT.parent / "shared" / "sources"


def text_of(site: Path, page: str) -> str:
    raw = (site / page / "index.html").read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())


def all_text(site: Path) -> str:
    return " ".join(text_of(site, str(p.parent.relative_to(site))) for p in site.rglob("index.html")
                    if "Redirecting..." not in p.read_text(encoding="utf-8")[:400])


@pytest.mark.parametrize("page, facts", [
    ("roles/vp-ai-ml-engineering", ["7–10 years", "Master's", "Ph.D.", "Python", "TensorFlow", "PyTorch",
                                    "scikit-learn", "AWS", "Azure", "GCP", "Docker", "Kubernetes", "MLOps",
                                    "$217,433", "$283,018", "$130,000", "$500,000+", "Amsterdam", "New York",
                                    "Senior Engineer", "Lead Engineer", "Principal Engineer", "Managing Director"]),
    ("salaries", ["$217,433", "$283,018", "$130,000", "$500,000+", "$224,452", "2024", "United States", "USD"]),
    ("roles/cto", ["Chief Architect", "strategic", "external", "architecture", "conferences"]),
    ("roles/vp-engineering", ["tactical", "internal", "SLA", "coaching", "mentoring", "delivery"]),
])
def test_key_facts_and_figures_are_on_their_pages(site, page, facts):
    text = text_of(site, page)
    missing = [f for f in facts if f.lower() not in text.lower()]
    assert not missing, f"{page} lacks {missing}"


def test_market_and_trend_figures_with_their_periods(site):
    text = all_text(site)
    for fact in ["40%", "2023", "2027", "1 million", "60%", "100,000", "GPT-4", "LLAMA3", "Gemini",
                 "AWS AI Service Cards", "Great Resignation", "manufacturing", "airlines", "healthcare"]:
        assert fact.lower() in text.lower(), fact


def test_every_challenge_has_its_solution(site):
    text = all_text(site).lower()
    for words in ["cross-validation", "regularization", "bias audits", "elastic infrastructure",
                  "shadow deployment", "data versioning", "automatic rollback"]:
        assert words in text, words


def test_five_perspectives_with_respondents(site):
    text = text_of(site, "perspectives")
    for respondent in ["Chief Information Officer", "Manufacturing", "10,001+ employees", "Chief Technical Officer",
                       "11 - 50 employees", "Program Manager", "Consumer Goods", "Global CTO Hybrid IT"]:
        assert respondent in text, respondent


def test_the_four_kinds_of_cto_are_described(site):
    text = all_text(site).lower()
    assert "four" in text or "4 types" in text or "4 kinds" in text
    for kind in ["technologist", "r&d", "marketing"]:
        assert kind in text, kind


def test_page_noise_from_the_sources_is_not_on_the_site(site):
    text = all_text(site)
    for noise in ["11.7k views", "Upvotes", "Competitive Analysis", "41%", "Shanghai", "Singapore",
                  "Content you might like", "Business Forecasting"]:
        assert noise not in text, noise


def test_each_role_page_cites_its_sources(site, atlas):
    for role in atlas.roles:
        text = text_of(site, f"roles/{role.id}")
        assert "Source:" in text, role.id


def test_limited_roles_say_so(site, atlas):
    limited = [r for r in atlas.roles if r.coverage == "limited"]
    assert len(limited) >= 6
    for role in limited:
        assert "Limited coverage" in text_of(site, f"roles/{role.id}")


def test_no_run_of_ten_words_is_copied_from_the_sources():
    result = subprocess.run([str(ROOT.parent / "shared" / "tools" / "verbatim-check")], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.stdout.strip().endswith("0 run(s) of 10+ words copied from the sources"), result.stdout[-3000:]
