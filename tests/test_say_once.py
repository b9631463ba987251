"""A role page states each thing once (issue 26, point 4): one citation for a list from one source,
skills named once with their meanings folded, a note that restates a practitioner's claim credits
the claim instead of the page listing it again. The page height is measured in the browser
(tests/browser/test_readers.py)."""

from __future__ import annotations

import html as html_lib
import re

import markdown

from roleatlas.render.role_page import one_source, render_role

EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "abbr", "toc", "pymdownx.superfences",
              "pymdownx.details", "pymdownx.tabbed"]


def page_html(atlas, role_id: str) -> str:
    return html_lib.unescape(markdown.markdown(render_role(atlas, atlas.role[role_id]).split("---\n", 2)[2], extensions=EXTENSIONS))


def section(html: str, anchor: str) -> str:
    return html.split(f'id="{anchor}"', 1)[1].split("<h2", 1)[0]


def test_a_list_from_one_source_cites_it_once_and_each_item_is_its_own_item(atlas):
    role = atlas.role["vp-ai-ml-engineering"]
    assert one_source(role)["qualifications"] == "vp-ai-ml-profile"
    html = page_html(atlas, role.id)
    quals = section(html, "qualifications")
    assert quals.count("Source:") == 1
    items = re.findall(r"<li>\s*<strong[^>]*>([^<]+)</strong>", quals)
    assert {"Experience:", "Production AI/ML experience", "Finance or FinTech background"} <= set(items), items
    assert not re.search(r"\.- <strong", quals), "two items ran together"
    assert section(html, "responsibilities").count("Source:") == 1
    assert section(html, "work-setting").count("Source:") == 1 and section(html, "work-setting").count("<li>") == len(role.work_setting)


def test_each_skill_is_linked_once_in_the_skills_section_and_its_meaning_is_kept(atlas):
    role = atlas.role["vp-ai-ml-engineering"]
    html = page_html(atlas, role.id)
    skills = section(html, "skills")
    for use in atlas.uses_by_role[role.id]:
        shown = re.sub(r"<details.*?</details>", "", skills, flags=re.S)  # the source's own lists, folded, link again
        assert shown.count(f'href="../skills/{use.skill}.md"') == 1, use.skill
        for point in use.points:
            assert re.sub(r"\s+", " ", point) in re.sub(r"\s+", " ", skills), point
    assert "<details" in skills  # the meanings and the profile's list are there, folded
    assert "Skills:" not in section(html, "qualifications")  # the skills are not named again per qualification


def test_a_note_that_restates_a_claim_credits_it_and_the_claim_is_not_listed_again(atlas):
    html = page_html(atlas, "cto")
    notes = section(html, "notes")
    said = section(html, "perspectives") if 'id="perspectives"' in html else ""
    assert "four types of cto" in notes.lower() and "put it)" in notes
    assert "perspectives.md#svp-global-cto-software-four-types" in notes
    assert "svp-global-cto-software-four-types" not in said and "Traditionally there are four types" not in said
    assert "svp-global-cto-software-technologist" not in said
    kept = [c.id for _, c in atlas.claims_about["cto"] if c.id in said]
    assert kept, "claims no note restates are still listed"


def test_long_notes_and_the_overview_area_are_folded_not_dropped(atlas):
    role = atlas.role["vp-ai-ml-engineering"]
    html = page_html(atlas, role.id)
    notes = section(html, "notes")
    assert notes.lstrip().startswith(">") and "<details" in notes
    assert notes.count("<li>") == len(role.notes)
    overview = role.responsibilities[0]
    assert re.search(rf'<details[^>]*id="{overview.id}"', html)
    for item in overview.items:
        assert item.split(":")[0] in html


def test_a_related_role_that_is_a_career_step_is_said_once_in_the_career_path(atlas):
    html = page_html(atlas, "vp-ai-ml-engineering")
    career, related = section(html, "career"), section(html, "related-roles")
    assert 'href="cto.md"' in career and 'href="cto.md"' not in related
    assert 'href="vp-engineering.md"' in related  # not a step: still listed
    cto = page_html(atlas, "cto")  # the other page keeps the relation the VP of AI/ML names
    assert "A C-level post the VP of AI/ML Engineering may move up into" in cto
