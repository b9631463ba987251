"""The facts of both sources are on the built site, sourced, and page noise is not.

Expected values are read from the source texts by hand (figures, names, tools), not from our data.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from roleatlas import urls


pytestmark = pytest.mark.data  # the sources' facts, read by hand


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
                                    "Senior Engineer", "Lead Engineer", "Principal", "Managing Director"]),
    ("salaries", ["$217,433", "$283,018", "$130,000", "$500,000+", "$224,452", "2024", "United States", "USD"]),
    ("roles/cto", ["Chief Architect", "strategic", "external", "architecture", "conferences"]),
    ("roles/vp-engineering", ["tactical", "internal", "SLA", "coaching", "mentoring", "delivery"]),
])
def test_key_facts_and_figures_are_on_their_pages(site, page, facts):
    text = text_of(site, page)
    missing = [f for f in facts if f.lower() not in text.lower()]
    assert not missing, f"{page} lacks {missing}"


def table_row_with(site: Path, page: str, value: str) -> str:
    """The text of the one table row on `page` that shows `value`."""
    raw = (site / page / "index.html").read_text(encoding="utf-8")
    rows = [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", row)).split())
            for row in re.findall(r"<tr>(.*?)</tr>", raw, flags=re.S)]
    found = [row for row in rows if value in row]
    assert len(found) == 1, f"{page}: {len(found)} table rows show {value!r}"
    return found[0]


# Each figure with what it counts and its period, as the VP of AI/ML profile gives them (read by hand).
@pytest.mark.parametrize("page, value, words", [
    ("topics/market-demand", "40%", ["AI and ML specialists", "2023", "2027"]),
    ("topics/market-demand", "1 million", ["New jobs"]),
    ("topics/industry-trends", "60%", ["companies", "AI"]),
    ("topics/industry-trends", "100,000", ["AWS", "machine learning"]),
])
def test_market_and_trend_figures_sit_with_what_they_count_and_their_period(site, page, value, words):
    row = table_row_with(site, page, value)
    missing = [w for w in words if w not in row]
    assert not missing, f"{page}: the row of {value} lacks {missing}: {row}"


@pytest.mark.parametrize("page, facts", [
    ("topics/industry-trends", ["GPT-4", "LLAMA3", "Gemini", "AWS AI Service Cards"]),
    ("topics/market-demand", ["Great Resignation", "manufacturing", "airlines", "healthcare"]),
])
def test_market_and_trend_facts_are_on_their_topic_pages(site, page, facts):
    text = text_of(site, page)
    assert [f for f in facts if f not in text] == []


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
    assert len(limited) >= 5  # Senior and Principal Engineer are described in full since issue 25
    for role in limited:
        assert "Limited coverage" in text_of(site, f"roles/{role.id}")


def test_each_of_the_four_kinds_of_cto_is_on_the_cto_page(site):
    text = text_of(site, "roles/cto").lower()
    assert "four types of cto" in text
    for kind in ["pure technologist", "r&d cto", "marketing-style cto", "rare person who can do all three"]:
        assert kind in text, kind


# --- corrections from an independent reading against the two source texts ------------------------


def cell(site: Path, page: str, row: str) -> str:
    """The HTML of the value cell next to a row heading in a page's "At a glance" table."""
    raw = (site / page / "index.html").read_text(encoding="utf-8")
    found = re.search(rf"<td>{re.escape(row)}</td>\s*<td>(.*?)</td>", raw, flags=re.S)
    return found.group(1) if found else ""


def test_no_role_is_put_on_a_career_track_the_profile_never_assigns(site):
    for page in ("roles/principal-engineer", "roles/managing-director", "roles/lead-engineer", "roles/senior-engineer"):
        text = text_of(site, page).lower()
        assert "technical career track" not in text and "leadership career track" not in text, page
    for page in ("roles/principal-engineer", "roles/managing-director"):
        assert "does not say which of its two tracks" in text_of(site, page), page


def test_career_diagram_draws_the_ladder_and_leaves_the_vp_off_it(site):
    raw = html.unescape((site / "career-paths" / "index.html").read_text(encoding="utf-8"))
    edges = set(re.findall(r"r_(\w+) --> r_(\w+)", raw))
    assert {("senior_engineer", "lead_engineer"), ("lead_engineer", "principal_engineer"),
            ("lead_engineer", "managing_director")} <= edges
    assert not {e for e in edges if "vp_ai_ml_engineering" in e and {"principal_engineer", "managing_director",
                                                                   "lead_engineer"} & set(e)}


def test_a_move_to_c_level_can_pay_more_but_is_never_said_to_usually(site):
    text = all_text(site).lower()
    assert "usually with higher pay" not in text and "usually better paid" not in text
    assert "can bring higher pay" in text_of(site, "roles/cto").lower()


def test_foundation_models_are_not_called_another_name_for_llms(site):
    assert "foundation models" not in text_of(site, "skills/llms").lower()


def test_every_name_shown_for_a_role_names_its_source(site, atlas):
    for role in atlas.roles:
        page = f"roles/{role.id}"
        for row in ("Abbreviations", "Also called"):
            html_cell = cell(site, page, row)
            names = [n for n in re.split(r"<br\s*/?>", html_cell) if n.strip()]
            assert all("Source:" in n for n in names), (page, row, html_cell)
        terms = cell(site, page, "Also found by searching")
        assert not terms or "atlas wording" in terms, page
        assert "atlas wording" in cell(site, page, "Level"), page


def test_names_no_source_gives_are_never_shown_as_names_of_a_role(site):
    # The Recent changes page may say such a name was removed (git history); it names no role by it.
    changes = text_of(site, urls.url_of(urls.CHANGES).rstrip("/"))
    text = all_text(site).replace(changes, "")
    for claim in ["Head of AI", "Head of ML", "Tech Lead", "CAIO"]:
        assert not re.search(rf"\b{claim}\b", text), claim
    also = cell(site, "roles/vp-ai-ml-engineering", "Also called")
    assert "Vice President Machine Learning Engineer" not in also
    assert "individual contributor" not in text_of(site, "roles/lead-engineer").lower()


def test_the_vp_of_engineering_figure_keeps_the_sources_around(site):
    assert "around $224,452" in text_of(site, "salaries")
    estimate = html.unescape(re.sub(r"<[^>]+>", "", cell(site, "roles/vp-engineering", "Practitioners' estimates")))
    assert "Average salary, Vice President of Engineering (AI/ML included): around $224,452 per year" in estimate
    assert "average from VP of AI/ML Engineering: role profile" in estimate


def test_the_profiles_ten_soft_skills_are_one_list_in_its_order(site):
    raw = (site / "roles" / "vp-ai-ml-engineering" / "index.html").read_text(encoding="utf-8")
    block = raw[raw.index('id="essential-soft-skills"'):]
    block = block[: block.index("</ol>")]
    items = [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", li)).split()).split(" (")[0]
             for li in re.findall(r"<li>(.*?)</li>", block, flags=re.S)]
    assert items == ["Communication", "Collaboration", "Problem-Solving and Critical Thinking",
                     "Adaptability and Continuous Learning", "Leadership and Strategic Thinking",
                     "Emotional Intelligence", "Domain Knowledge", "Customer Focus and Business Acumen",
                     "Accountability and Ownership", "Patience and Tenacity"]


def test_skill_definitions_are_marked_as_the_atlas_s_own(site, atlas):
    for skill in atlas.skills:
        raw = (site / "skills" / skill.id / "index.html").read_text(encoding="utf-8")
        assert 'class="atlas-own"' in raw, skill.id
    text = all_text(site).lower()
    for claim in ["usual first choice", "popular in research and production", "the basis of many generative ai"]:
        assert claim not in text, claim


def test_compare_view_opens_on_the_featured_pair(site):
    raw = (site / "compare" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<option value="([^"]+)" selected', raw) == ["cto", "vp-engineering"]


def test_items_of_a_list_in_running_text_keep_the_space_after_their_comma(site):
    for page in ("compare/matrix", "roles/vp-ai-ml-engineering", "topics/compensation"):
        raw = (site / page / "index.html").read_text(encoding="utf-8")
        assert "</a>, <a" in raw and "</a>,<a" not in raw, page


def test_coverage_is_explained_where_it_is_shown(site):
    text = text_of(site, "roles")
    assert "Coverage column says how much the sources say" in text
    assert "full where a source describes the role" in text and "limited where the sources only mention it" in text
