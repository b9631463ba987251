"""Companies' ladders (issue 25): both tracks level by level as each company publishes them, every
level linkable, the roles they name linked both ways, bad ladder data refused with its line, and the
list of covered titles search can fall back on."""

from __future__ import annotations

import copy
import json
import re

import pytest
import yaml

import datafactory
from datafactory import TODAY
from roleatlas.export import api_files
from roleatlas.load import load
from roleatlas.problems import DataError
from roleatlas.render.ladder_page import render_ladders
from roleatlas.render.role_page import render_role

LADDER = {"id": "acme", "company": "Acme <Corp>", "title": "Acme ladder", "summary": "Grades 1 to 2.",
          "alignment": "Acme's grade numbers.", "sources": [datafactory.SOURCE],
          "levels": [{"id": "grade-2", "label": "Grade 2", "note": "Acme calls these equal.",
                      "management": [{"title": "Manager, Alpha", "role": "alpha", "note": "Reports to the board."}],
                      "engineer": [{"title": "Fellow *of* Acme"}]},
                     {"id": "grade-1", "label": "Grade 1", "engineer": [{"title": "Beta Lead", "role": "beta"}]}]}


def acme(tmp_path, ladder=LADDER):
    data = datafactory.write_data(tmp_path)
    (data / "ladders.yaml").write_text(yaml.safe_dump({"ladders": [ladder]}, sort_keys=False), encoding="utf-8")
    return data


def rows(page: str) -> list[str]:
    return [line for line in page.splitlines() if line.startswith('| <a class="atlas-level"')]


def test_each_level_is_one_row_with_its_own_anchor_and_both_tracks_side_by_side(tmp_path):
    atlas = load(acme(tmp_path), root=tmp_path, today=TODAY)
    page = render_ladders(atlas)
    top, bottom = rows(page)
    assert top.startswith('| <a class="atlas-level" id="acme-grade-2" href="#acme-grade-2">Grade 2</a>')
    cells = top.split(" | ")
    assert "[Alpha Officer](roles/alpha.md)" in cells[1] and "*Manager, Alpha*" in cells[1]  # the company's title too
    assert "Fellow &#42;of&#42; Acme" in cells[2] and "roles/" not in cells[2]  # no page: the title, escaped
    assert bottom.split(" | ")[1] == "–"  # no management title at grade 1
    assert "## Acme &#60;Corp&#62; { #acme }" in page
    # the table by role links each role to its level on the ladder
    assert "| [Alpha Officer](roles/alpha.md) | [Grade 2](ladders.md#acme-grade-2) (Manager, Alpha) |" in page


def test_a_role_page_links_to_its_levels_on_the_ladders(tmp_path):
    atlas = load(acme(tmp_path), root=tmp_path, today=TODAY)
    line = next(x for x in render_role(atlas, atlas.role["beta"]).splitlines() if x.startswith("| On companies"))
    assert "Acme &#60;Corp&#62;: [Grade 1](../ladders.md#acme-grade-1) (Beta Lead)" in line


@pytest.mark.parametrize("change, field, words", [
    ({"levels": [{"id": "grade-1", "label": "Grade 1"}]}, r"levels\[0\]\.management", "at least one track"),
    ({"levels": [copy.deepcopy(LADDER["levels"][1]) for _ in range(2)]}, "levels", "'grade-1' is used twice"),
    ({"levels": [{"id": "g", "label": "G", "engineer": [{"title": "X", "role": "gama"}]}]},
     r"levels\[0\]\.engineer\[0\]\.role", "unknown role id 'gama'"),
])
def test_bad_ladder_data_names_file_line_and_field(tmp_path, change, field, words):
    with pytest.raises(DataError) as err:
        load(acme(tmp_path, {**LADDER, **change}), root=tmp_path, today=TODAY)
    found = [str(p) for p in err.value.problems]
    expected = re.compile(rf"^data/ladders\.yaml:\d+: ladders\[0\]\.{field}: .*{re.escape(words)}")
    assert any(expected.search(p) for p in found), found


def test_covered_titles_list_every_name_and_the_ladder_titles_without_a_page(tmp_path):
    roles = datafactory.base_roles()
    roles["beta"]["search_terms"] = ["Head of Beta"]
    data = datafactory.write_data(tmp_path, roles=roles)
    (data / "ladders.yaml").write_text(yaml.safe_dump({"ladders": [LADDER]}), encoding="utf-8")
    titles = json.loads(dict(api_files(load(data, root=tmp_path, today=TODAY)))["api/titles.json"])["titles"]
    assert {"title": "AO", "role": "alpha", "url": "roles/alpha/", "sourced": True} in titles
    assert {"title": "Head of Beta", "role": "beta", "url": "roles/beta/", "sourced": False} in titles
    assert {"title": "Fellow *of* Acme", "role": None, "url": "ladders/#acme-grade-2", "sourced": True} in titles
    assert not any(t["title"] == "Manager, Alpha" for t in titles)  # it has a role page: its names stand for it


# --- the real data -----------------------------------------------------------------------------


@pytest.mark.data
def test_gitlab_puts_director_of_engineering_and_distinguished_engineer_at_one_grade(atlas):
    page = render_ladders(atlas)
    grade_10 = next(r for r in rows(page) if 'id="gitlab-grade-10"' in r)
    assert "[Director of Engineering](roles/director-of-engineering.md)" in grade_10.split(" | ")[1]
    assert "[Distinguished Engineer](roles/distinguished-engineer.md)" in grade_10.split(" | ")[2]
    assert [ladder.id for ladder in atlas.ladders] == ["gitlab", "dropbox", "financial-times"]


def _statements(role):
    """(where, text, source) of every sourced text of a role."""
    for key in ("summary", "focus", "scope"):
        if getattr(role, key):
            yield key, getattr(role, key).text, getattr(role, key).source
    for area in role.responsibilities:
        yield f"area {area.id}", " ".join((area.title, *area.items)), area.source
    for need in role.skills:
        for point in need.points:
            yield f"skill {need.skill}", point, need.source
    for n in role.notes:
        yield "note", n.text, n.source
    for link in role.related:
        yield f"related {link.role}", link.relation, link.source
    for step in role.career_from + role.career_to:
        yield f"step {step.role}", step.note or "", step.source


def test_every_fact_from_one_company_says_at_which_company_and_no_other(atlas):
    """A fact from one company's pages names that company ("At GitLab: …" on a responsibility area
    or a skill point) and no other: each text has one source, so two companies' views sit side by
    side, each cited, instead of blending into one sentence."""
    names = {"GitLab": "GitLab", "Dropbox": "Dropbox", "Financial Times": "the Financial Times"}
    company = {s.id: names[n] for s in atlas.sources for n in names if s.publisher and n in s.publisher}
    wrong = []
    for role in atlas.roles:
        for where, text, source in _statements(role):
            others = [n for n in names if n in text and names[n] != company.get(source)]
            if others:
                wrong.append(f"{role.id} {where}: names {others} but cites {source}")
        wrong += [f"{role.id}: area {a.id} does not say which company" for a in role.responsibilities
                  if a.source in company and not a.title.startswith(f"At {company[a.source]}:")]
        wrong += [f"{role.id}: skill {n.skill}: {p!r} does not say which company" for n in role.skills
                  for p in n.points if n.source in company and not p.startswith(f"At {company[n.source]}:")]
    assert company and not wrong, "\n".join(wrong)


@pytest.mark.data
def test_career_steps_between_the_tracks_come_from_sources_and_stop_below_the_vp(atlas):
    steps = {(e.before, e.after): e.source for e in atlas.career}
    assert steps[("senior-engineer", "engineering-manager")] == "gitlab-backend-engineer-family"
    assert steps[("senior-engineering-manager", "director-of-engineering")] == "gitlab-development-management-family"
    # no source read gives the step from Director of Engineering to VP of Engineering
    assert ("director-of-engineering", "vp-engineering") not in steps


def test_a_job_ad_from_company_frameworks_needs_only_its_placeholders(atlas):
    """The ad speaks for the reader's company: no GitLab or Dropbox, no level codes of theirs; what is
    left to fill in is the placeholders."""
    from roleatlas.render.job_description import job_ad, plain_text

    company_sources = {s.id for s in atlas.sources if s.publisher
                       and any(n in s.publisher for n in ("GitLab", "Dropbox", "Financial Times"))}
    checked = 0
    for role in atlas.roles:
        if not any(a.source in company_sources for a in role.responsibilities):
            continue
        text = plain_text(job_ad(atlas, role))
        checked += 1
        company_words = r"GitLab|Dropbox|Financial Times|\bFT\b|\bgrade \d|\b(?:IC|M)\d\b|Senior Engineer \d"
        assert not re.search(company_words, text), (role.id, text)
        placeholders = set(re.findall(r"\[[A-Z][a-z]+(?: [a-z]+)*\]", text))
        assert placeholders <= {"[Company]", "[Location]", "[Pay range]"}, role.id
    assert checked >= 7


@pytest.mark.parametrize("pair", [("principal-engineer", "vp-engineering"), ("staff-engineer", "engineering-manager")])
def test_the_compare_view_has_something_on_each_side_of_the_track_questions(atlas, pair):
    """Issue 25 found Principal vs VP of Engineering "not stated" in 8 of 10 rows: each side now has
    responsibility areas and skills the other does not name, from what the export gives the view."""
    from roleatlas.export import exports

    roles = {r["id"]: r for r in exports(atlas)["roles"]["roles"]}
    a, b = (roles[rid] for rid in pair)
    for one, other in ((a, b), (b, a)):
        assert len(one["responsibilities"]) >= 2, one["id"]
        assert set(one["display"]["skills"]) - set(other["display"]["skills"]), one["id"]
