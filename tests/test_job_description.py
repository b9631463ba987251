"""The job description is a job ad a recruiter can post after filling in placeholders."""

from __future__ import annotations

import csv
import re

import markdown as markdown_lib
import pytest

from pathlib import Path

from roleatlas.render.job_description import MAX_SKILLS, job_ad, job_description_tabs, markdown, plain_text
from roleatlas.render.role_page import render_role

ROOT = Path(__file__).resolve().parent.parent
VP_AI = "vp-ai-ml-engineering"


def both(atlas, role_id: str) -> dict[str, str]:
    ad = job_ad(atlas, atlas.role[role_id])
    return {"plain text": plain_text(ad), "Markdown": markdown(ad)}


def test_no_line_of_any_role_s_ad_is_repeated(atlas):
    for role in atlas.roles:
        for kind, text in both(atlas, role.id).items():
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            repeated = {line for line in lines if lines.count(line) > 1}
            assert not repeated, f"{role.id} ({kind}) repeats {repeated}"


def test_the_overview_area_that_restates_the_detailed_areas_is_left_out(atlas):
    role = atlas.role[VP_AI]
    overview = role.responsibilities[0]
    assert all(":" in item for item in overview.items) and len(role.responsibilities) > 1
    text = plain_text(job_ad(atlas, role))
    assert overview.title not in text
    assert not any(item.split(":")[0] + ":" in text for item in overview.items)
    for area in role.responsibilities[1:]:  # the detailed areas are all there, grouped under their titles
        assert f"\n{area.title}\n- " in text


def test_no_editorial_note_and_no_remark_about_the_sources(atlas):
    for role in atlas.roles:
        for text in both(atlas, role.id).values():
            for note in role.notes:
                assert " ".join(note.text.split())[:60] not in text, f"{role.id}: a note reached the ad"
            assert "overview" not in text.lower(), f"{role.id}: a remark about the source reached the ad"


def test_experience_and_education_are_stated_once(atlas):
    role = atlas.role[VP_AI]
    for kind, text in both(atlas, VP_AI).items():
        assert len(re.findall(r"^- Experience: 7–10 years", text, re.M)) == 1, kind
        assert len(re.findall(r"^- Education: ", text, re.M)) == 1, kind
        assert "Advanced degree" not in text and "Production AI/ML experience" not in text, kind
        assert text.count("Master's") == 1, kind
    assert any(q.id == "advanced-degree" for q in role.qualifications.required)  # it is in the data


def test_leadership_is_not_both_required_and_nice_to_have(atlas):
    text = plain_text(job_ad(atlas, atlas.role[VP_AI]))
    required, preferred = text.split("NICE TO HAVE")
    assert "Leading large technical teams" in required
    assert "Leadership experience" not in preferred
    assert "Specialized AI skills" in preferred  # experience with LLMs is a different ask: kept


def test_the_key_skills_are_the_required_ones_and_at_most_ten(atlas):
    for role in atlas.roles:
        ad = job_ad(atlas, role)
        assert len(ad.skills) <= MAX_SKILLS
        uses = atlas.uses_by_role[role.id]
        required = {atlas.skill[u.skill].name for u in uses if u.need_word == "required"}
        if required:
            assert set(ad.skills) <= required, role.id
    assert len(job_ad(atlas, atlas.role[VP_AI]).skills) == MAX_SKILLS  # VP AI/ML names far more than ten


def test_placeholders_and_a_pay_guide_from_the_official_median(atlas):
    """The pay guide is the occupation's official median (the committed release's figure), worded
    for the whole occupation; never a practitioners' estimate when an official figure exists."""
    with_pay = plain_text(job_ad(atlas, atlas.role[VP_AI]))
    assert "[Company]" in with_pay and "[Location]" in with_pay
    pay = next(line for line in with_pay.splitlines() if line.startswith("Pay: "))
    with (ROOT / "data" / "oews" / "wages.csv").open(encoding="utf-8") as handle:
        median = next(int(r["annual_median"]) for r in csv.DictReader(handle)
                      if r["occupation_code"] == "119041" and r["area_code"] == "0000000")
    assert pay.startswith("Pay: [Pay range] (guide: ")
    assert f"${median:,} median annual wage of all Architectural and Engineering Managers (SOC 11-9041)" in pay
    assert "May 2025" in pay and "the whole occupation" in pay and "check before posting" in pay
    assert "217,433" not in pay  # the estimates stay on the role page, each with its measure


def test_a_role_the_sources_only_mention_gets_a_placeholder_for_its_summary(atlas):
    limited = next(r for r in atlas.roles if r.coverage == "limited")
    text = plain_text(job_ad(atlas, limited))
    assert "[About the role]" in text and " ".join(limited.summary.text.split()) not in text


def test_plain_text_has_no_markdown_and_neither_version_has_headings(atlas):
    for role in atlas.roles:
        texts = both(atlas, role.id)
        assert not re.search(r"^#", texts["plain text"] + texts["Markdown"], re.M), role.id
        assert "**" not in texts["plain text"] and "**" in texts["Markdown"]


def test_the_page_offers_two_tabs_each_a_code_block(atlas):
    tabs = job_description_tabs(atlas, atlas.role[VP_AI])
    html = markdown_lib.markdown(str(tabs), extensions=["pymdownx.superfences", "pymdownx.tabbed"])
    assert re.findall(r"<label[^>]*>([^<]+)</label>", html) == ["Plain text", "Markdown"]
    assert html.count("<code") == 2
    page = render_role(atlas, atlas.role[VP_AI])
    assert '=== "Plain text"' in page.split("## Job description", 1)[1]


@pytest.mark.parametrize("text", ["uses ``` fences", "````"])
def test_a_backtick_run_in_the_data_cannot_close_the_block(atlas, text):
    from roleatlas.render.job_description import fenced

    block = str(fenced(f"a {text} b\n", "text", "    "))
    fence = block.strip().splitlines()[-1].strip()
    assert len(fence) > max(len(r) for r in re.findall(r"`+", text))
