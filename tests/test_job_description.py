"""The job ad a recruiter can post as it is after filling in placeholders (issue 26)."""

from __future__ import annotations

import re

import markdown as markdown_lib
import pytest

from pathlib import Path

from roleatlas.render.job_description import MAX_SKILLS, job_ad, job_description_tabs, markdown, plain_text
from roleatlas.render.role_page import render_role

ROOT = Path(__file__).resolve().parent.parent
VP_AI = "vp-ai-ml-engineering"


def ads(atlas):
    """(role, ad) for every role that gets an ad."""
    return [(role, job_ad(atlas, role)) for role in atlas.roles if job_ad(atlas, role) is not None]


def both(atlas, role_id: str) -> dict[str, str]:
    ad = job_ad(atlas, atlas.role[role_id])
    return {"plain text": plain_text(ad), "Markdown": markdown(ad)}


def test_every_role_with_duties_gets_an_ad_and_the_others_say_why_not(atlas):
    for role in atlas.roles:
        page = render_role(atlas, role).split("## Job ad", 1)[1].split("## Sources", 1)[0]
        if role.responsibilities:
            assert job_ad(atlas, role) is not None and '=== "Plain text"' in page, role.id
        else:
            assert job_ad(atlas, role) is None, role.id
            assert "No job ad: the sources say too little" in page and "===" not in page, role.id
    assert len(ads(atlas)) >= 3


def test_no_line_of_any_role_s_ad_is_repeated(atlas):
    for role, _ in ads(atlas):
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


def test_nothing_about_sources_notes_pay_figures_or_the_market_inside_an_ad(atlas):
    for role, _ in ads(atlas):
        for kind, text in both(atlas, role.id).items():
            for note in role.notes:
                assert " ".join(note.text.split())[:60] not in text, f"{role.id}: a note reached the ad"
            low = text.lower()
            for word in ("overview", "source", "profile", "practitioners", "check before posting", "often favour"):
                assert word not in low, f"{role.id} ({kind}): {word!r} in the ad"
            assert not re.search(r"\$\d|\d{2,3},\d{3}", text), f"{role.id} ({kind}): a pay figure in the ad"
            for source in atlas.sources:
                assert source.title not in text
    fintech = plain_text(job_ad(atlas, atlas.role[VP_AI]))
    assert "- Finance or FinTech background\n" in fintech  # the ask stays, the remark about the sector goes


def test_placeholders_for_company_location_and_pay_in_every_ad(atlas):
    for role, _ad in ads(atlas):
        for kind, text in both(atlas, role.id).items():
            assert "[Company]" in text and "[Location]" in text, (role.id, kind)
            assert "Pay: [Pay range]" in text, (role.id, kind)


def test_the_summary_is_in_the_employer_s_voice(atlas):
    for role, ad in ads(atlas):
        assert ad.summary.startswith("[Company] is hiring a") and role.title in ad.summary, role.id
        assert ad.summary.count(".") <= 3 and role.summary.text[:40] not in ad.summary
    text = plain_text(job_ad(atlas, atlas.role["vp-engineering"]))
    assert "running Engineering; delivery, uptime and SLAs; and engineering practices and process." in text


def test_the_title_the_reader_types_is_carried_into_both_formats(atlas):
    ad = job_ad(atlas, atlas.role[VP_AI]).with_title("Head of Machine Learning")
    for text in (plain_text(ad), markdown(ad)):
        assert "VP of AI/ML" not in text.split("WHAT YOU WILL DO")[0].split("**What you will do**")[0]
        assert text.count("Head of Machine Learning") == 2  # the first line and the summary
    assert plain_text(ad).startswith("Head of Machine Learning\n") and markdown(ad).startswith("**Head of Machine Learning**\n")


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


def test_no_skill_or_tool_is_named_twice(atlas):
    """Generative AI and NLP were asked for in a requirement, again as nice to have and again among
    the key skills; TensorFlow, AWS… in a requirement and again among the key skills."""
    for role, ad in ads(atlas):
        text = plain_text(ad)
        above, _, listed = text.partition("\nSKILLS\n")
        for use in atlas.uses_by_role[role.id]:
            skill = atlas.skill[use.skill]
            def named(part: str, name: str = skill.name.lower()) -> int:
                return len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", part.lower()))

            if skill.category == "tools":  # a tool is named once in the whole ad
                assert named(text) <= 1, f"{role.id}: {skill.name} named {named(text)} times"
            assert not (named(above) and named(listed)), f"{role.id}: {skill.name} above and again under Skills"
            nice = text.partition("NICE TO HAVE")[2].partition("\nSKILLS\n")[0]
            what_you_bring = text.partition("WHAT YOU BRING")[2].partition("NICE TO HAVE")[0]
            assert not (named(nice) and named(what_you_bring)), f"{role.id}: {skill.name} required and nice to have"
        assert len(ad.skills) <= MAX_SKILLS and len(set(ad.skills)) == len(ad.skills)
        for name in ad.skills:
            assert name in listed
    vp = plain_text(job_ad(atlas, atlas.role[VP_AI]))
    assert "Specialized AI skills" not in vp and "Experience with large language models" in vp  # its one new skill


def test_a_role_without_sourced_requirements_gets_a_placeholder_and_the_page_says_so(atlas):
    role = atlas.role["vp-engineering"]
    assert not role.qualifications.required and not role.qualifications.experience
    assert "- [What the candidate needs: experience, education, skills]" in plain_text(job_ad(atlas, role))
    page = render_role(atlas, role)
    assert "the sources state none for this role" in page.split("## Job ad", 1)[1]


def test_the_pay_guide_and_sources_sit_beside_the_ad(atlas):
    page = render_role(atlas, atlas.role[VP_AI]).split("## Job ad", 1)[1].split("## Sources", 1)[0]
    beside = page.split("</details>", 1)[1]
    assert "[the salary figures](#salary)" in beside and "[official pay statistics](#official-pay)" in beside
    assert "[Sources](#sources)" in beside


def test_plain_text_has_no_markdown_and_neither_version_has_headings(atlas):
    for role, _ in ads(atlas):
        texts = both(atlas, role.id)
        assert not re.search(r"^#", texts["plain text"] + texts["Markdown"], re.M), role.id
        assert "**" not in texts["plain text"] and "**" in texts["Markdown"]


def test_the_page_offers_two_tabs_each_a_code_block(atlas):
    tabs = job_description_tabs(job_ad(atlas, atlas.role[VP_AI]))
    html = markdown_lib.markdown(str(tabs), extensions=["pymdownx.superfences", "pymdownx.tabbed"])
    assert re.findall(r"<label[^>]*>([^<]+)</label>", html) == ["Plain text", "Markdown"]
    assert html.count("<code") == 2
    page = render_role(atlas, atlas.role[VP_AI])
    assert '=== "Plain text"' in page.split("## Job ad", 1)[1]


@pytest.mark.parametrize("text", ["uses ``` fences", "````"])
def test_a_backtick_run_in_the_data_cannot_close_the_block(atlas, text):
    from roleatlas.render.job_description import fenced

    block = str(fenced(f"a {text} b\n", "text", "    "))
    fence = block.strip().splitlines()[-1].strip()
    assert len(fence) > max(len(r) for r in re.findall(r"`+", text))


def test_a_role_with_an_ad_summary_opens_its_ad_with_it(atlas):
    """Roles whose summary sets companies side by side (the tracks) open the ad in one employer's voice."""
    with_own = [r for r in atlas.roles if r.ad_summary]
    assert with_own
    for role in with_own:
        ad = job_ad(atlas, role)
        assert ad is not None
        assert ad.summary.startswith("[Company] is hiring ") and " ".join(role.ad_summary.split()) in ad.summary
        assert " ".join(role.ad_summary.split()) in plain_text(ad)
