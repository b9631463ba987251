"""Issue 26's pieces that need no browser: what the sources do not cover (worked out from the data),
the file search shows when nothing matches, the "Use the data" page's list of files, and the
older-figures wording."""

from __future__ import annotations

import json
import re

import datafactory
from conftest import ROOT
from roleatlas.export import api_files
from roleatlas.formats import older_figures_text
from roleatlas.gaps import gap_status
from roleatlas.load import load
from datafactory import render_site
from roleatlas.search_covers import covers_json


def test_the_note_says_no_source_addresses_a_question_only_while_no_fact_uses_its_words(atlas):
    status = {s.gap.id: s for s in gap_status(atlas)}
    assert status["who-owns-hiring"].facts == () and status["first-hire"].facts == ()
    home = render_site(atlas, datafactory.TODAY)["index.md"]
    note = home.split("## What the sources do not cover { #not-covered }", 1)[1]
    assert re.search(r"\*\*Who owns hiring, the CTO or the VP of Engineering\?\*\*\{ #who-owns-hiring \} No source addresses it\.", note)
    # "startups" is in the compensation topic: the note links that fact instead of claiming a gap
    touched = status["startup-versus-large"].facts
    assert touched and "startups" in touched[0].text and touched[0].target.startswith("topics/compensation.md#")
    assert "these mention its words: [Compensation" in note


def test_a_fact_added_later_changes_the_note_without_editing_it(tmp_path):
    collections = datafactory.base_collections()
    collections["gaps"] = [{"id": "hiring", "question": "Who owns hiring?", "phrases": ["owns hiring"]}]
    data = datafactory.write_data(tmp_path / "before", collections=collections)
    before = load(data, root=tmp_path, today=datafactory.TODAY)
    assert gap_status(before)[0].facts == ()
    roles = datafactory.base_roles()
    roles["alpha"]["notes"] = [{"text": "The CTO owns hiring for the platform teams.", "source": datafactory.SOURCE}]
    after = load(datafactory.write_data(tmp_path / "after", collections=collections, roles=roles),
                 root=tmp_path, today=datafactory.TODAY)
    [status] = gap_status(after)
    assert [f.target for f in status.facts] == ["roles/alpha.md#notes"]
    assert "No source addresses it" not in render_site(after, datafactory.TODAY)["index.md"]


def test_the_file_search_reads_when_nothing_matches_lists_the_roles_topics_and_questions(atlas):
    doc = json.loads(covers_json(atlas))
    assert [r["title"] for r in doc["roles"]] == [r.title for r in atlas.roles]
    assert {t["url"] for t in doc["topics"]} == {f"topics/{t.id}/" for t in atlas.topics}
    gap = next(g for g in doc["gaps"] if g["url"] == "#who-owns-hiring")
    assert not gap["answered"] and {"owns", "hiring", "recruiting"} <= set(gap["words"])
    assert len(covers_json(atlas).encode()) < 20_000  # titles only: small enough to fetch on a miss


def test_use_the_data_lists_every_published_file(atlas):
    page = (ROOT / "docs" / "use-the-data.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"\]\((api/[a-z-]+\.json)\)", page))
    published = {path for path, _ in api_files(atlas) if "/schema/" not in path}
    assert "api/occupations.json" in published and listed == published, listed ^ published


def test_the_older_figures_warning_counts_in_good_english():
    assert older_figures_text(1, 1) == "The figure is"
    assert older_figures_text(3, 3) == "All 3 figures are"
    assert older_figures_text(1, 4) == "1 of 4 figures is"
    assert older_figures_text(2, 4) == "2 of 4 figures are"
