"""The search index holds what readers search for and stays small as the atlas grows (issue 17):
role pages keep their names, focus, level, skills, codes, first summary sentence and responsibility
headings; their duties and tables, and the tables of the pages that list every role, stay out."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from roleatlas import search_index, urls
from roleatlas.formats import level_text
from roleatlas.search_index import RoleEntries, first_paragraph, first_sentence, trim


def _index(*docs: dict) -> dict:
    return {"config": {"lang": ["en"]}, "docs": list(docs)}


def test_trim_keeps_a_role_page_s_own_entry_summary_and_area_headings_only():
    roles = {"roles/cto/": RoleEntries(about="<p>Technology strategy. Executive.</p>", summary="<p>Sets it.</p>",
                                       areas=frozenset({"strategy"}), kept=frozenset({"classifications"}))}
    tags = ["Executive"]
    index = _index(
        {"location": "roles/cto/", "title": "Chief Technology Officer (also: CTO)", "text": "", "tags": tags},
        {"location": "roles/cto/#summary", "title": "Summary", "text": "<p>Sets it. Long.</p> At a glance …",
         "tags": tags},
        {"location": "roles/cto/#strategy", "title": "Strategy", "text": "<ul><li>Set the roadmap.</li></ul>",
         "tags": tags},
        {"location": "roles/cto/#classifications", "title": "Official classifications",
         "text": "<ul><li>O*NET-SOC 11-1011.00 Chief Executives</li></ul>", "tags": tags},
        {"location": "roles/cto/#skills", "title": "Skills", "text": "Skill Category Need …", "tags": tags},
        {"location": "roles/cto/#notes", "title": "Notes", "text": "<ul><li>A note.</li></ul>", "tags": tags},
        {"location": "roles/", "title": "Roles", "text": "<p>Every role.</p> Role Focus Level CTO …"},
        {"location": "salaries/#figures", "title": "Figures", "text": "Figure Amount …"},
        {"location": "topics/market/", "title": "Market", "text": "<p>One.</p> <p>Two.</p>"},
    )
    docs = {d["location"]: d for d in trim(index, roles)["docs"]}
    assert list(docs) == ["roles/cto/", "roles/cto/#summary", "roles/cto/#strategy", "roles/cto/#classifications",
                          "roles/", "salaries/#figures", "topics/market/"]
    assert docs["roles/cto/#classifications"]["text"] == "<ul><li>O*NET-SOC 11-1011.00 Chief Executives</li></ul>"
    assert docs["roles/cto/"] == {"location": "roles/cto/", "title": "Chief Technology Officer (also: CTO)",
                                  "text": "<p>Technology strategy. Executive.</p>", "tags": tags}
    assert docs["roles/cto/#summary"] == {"location": "roles/cto/#summary", "title": "Summary",
                                          "text": "<p>Sets it.</p>"}
    assert docs["roles/cto/#strategy"] == {"location": "roles/cto/#strategy", "title": "Strategy", "text": ""}
    assert docs["roles/"]["text"] == "<p>Every role.</p>"
    assert docs["salaries/#figures"]["text"] == ""
    assert docs["topics/market/"]["text"] == "<p>One.</p> <p>Two.</p>"  # other pages as Material wrote them


def test_first_sentence_and_first_paragraph():
    assert first_sentence("Leads the teams. Sets the budget.") == "Leads the teams."
    assert first_sentence("Owns SLAs, e.g. uptime.") == "Owns SLAs, e.g. uptime."
    assert first_paragraph("<p>Intro <b>x</b>.</p> <p>More</p>") == "<p>Intro <b>x</b>.</p>"
    assert first_paragraph("Table text") == ""


def test_plan_puts_each_role_s_focus_and_level_on_its_own_entry_and_keeps_its_classifications(atlas):
    planned = search_index.plan(atlas)
    assert set(planned) == {urls.url_of(urls.page_of("role", r.id)) for r in atlas.roles}
    for role in atlas.roles:
        entries = planned[urls.url_of(urls.page_of("role", role.id))]
        about = html.unescape(entries.about)
        assert role.focus.text.rstrip(".") in about, role.id
        assert level_text(role.level) in about, role.id
        assert entries.kept == ({"classifications"} if role.classifications else set()), role.id
        assert entries.areas == {area.id for area in role.responsibilities}
        first_word = next(w for w in role.summary.text.split() if w.isalpha())
        assert first_word in entries.summary


@pytest.mark.slow
def test_the_built_index_leaves_out_the_role_pages_duties_and_keeps_their_headings(site: Path, atlas):
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = {d["location"]: html.unescape(d["text"]) for d in docs}
    every_word = " ".join(text.values())
    for role in atlas.roles:
        page = urls.url_of(urls.page_of("role", role.id))
        assert role.focus.text.rstrip(".") in text[page], role.id
        for area in role.responsibilities:
            assert text[f"{page}#{area.id}"] == "", (role.id, area.id)
            for duty in area.items:
                assert duty not in every_word, (role.id, duty)
        assert not any(loc.startswith(page + "#") and ("qualifications" in loc or loc.endswith("#skills"))
                       for loc in text), role.id
    tagged = [d["location"] for d in docs if d.get("tags") and "#" in d["location"]]
    assert not tagged, tagged[:5]
