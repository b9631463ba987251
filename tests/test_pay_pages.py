"""Every state, metro and nonmetro figure of the imported occupations is on the site and equals the
committed release (data/oews/wages.csv, itself re-derived from BLS's release by test_oews_release.py).

Expected cells are worded here on their own from the CSV: BLS's digits as dollars, "-" with BLS's
top-coding footnote (5) as "≥ $239,200", any other "-" as "not released"."""

from __future__ import annotations

import pytest

import csv
import html
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = ("annual_median", "annual_p10", "annual_p25", "annual_p75", "annual_p90")


def expected_wage(row: dict[str, str], column: str) -> str:
    if f"{column}=5" in row["footnotes"].split():
        return "≥ $239,200"
    return f"${int(row[column]):,}" if row[column].isdigit() else "not released"


def expected_jobs(row: dict[str, str]) -> str:
    return f"{int(row['employment']):,}" if row["employment"].isdigit() else "not released"


def cells(fragment: str) -> list[list[str]]:
    rows = re.findall(r"<tr>(.*?)</tr>", fragment, re.S)
    return [[" ".join(html.unescape(re.sub(r"<[^>]+>", " ", c)).split()) for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
            for r in rows if "<td" in r]


def test_every_area_of_every_occupation_is_on_its_page_with_the_release_s_figures(site):
    with (ROOT / "data" / "oews" / "areas.csv").open(encoding="utf-8") as handle:
        names = {a["area_code"]: a["area_name"] for a in csv.DictReader(handle)}
    with (ROOT / "data" / "oews" / "wages.csv").open(encoding="utf-8") as handle:
        wages = list(csv.DictReader(handle))
    occupations = sorted({r["occupation_code"] for r in wages})
    assert len(occupations) == 7
    checked = 0
    for code in occupations:
        soc = f"{code[:2]}-{code[2:]}"
        raw = (site / "pay" / soc / "index.html").read_text(encoding="utf-8")
        areas = raw.split('id="areas"', 1)[1].split("<h2", 1)[0]
        shown = {row[0]: row[1:] for row in cells(areas)}
        want = [r for r in wages if r["occupation_code"] == code and r["area_code"] != "0000000"]
        assert len(shown) == len(want), soc
        for row in want:
            place = next(p for p in shown if p.startswith(names[row["area_code"]] + " "))
            assert shown[place] == [*(expected_wage(row, c) for c in COLUMNS), expected_jobs(row)], (soc, place)
            checked += 1
        national = next(r for r in wages if r["occupation_code"] == code and r["area_code"] == "0000000")
        block = dict(row[:2] for row in cells(raw.split('id="national"', 1)[1].split("<h2", 1)[0]))
        assert block["Median (50th percentile)"] == expected_wage(national, "annual_median"), soc
        assert block["Employment"] == expected_jobs(national) + " jobs", soc
    assert checked == len(wages) - len(occupations)


@pytest.mark.data
def test_the_top_coded_cells_read_as_at_least_the_limit(site):
    with (ROOT / "data" / "oews" / "wages.csv").open(encoding="utf-8") as handle:
        top = [r for r in csv.DictReader(handle) if "=5" in r["footnotes"]]
    assert top
    for row in top:
        soc = f"{row['occupation_code'][:2]}-{row['occupation_code'][2:]}"
        text = html.unescape((site / "pay" / soc / "index.html").read_text(encoding="utf-8"))
        assert "≥ $239,200" in text and "BLS gives no exact figure for wages at or above this limit" in text


def test_every_role_links_its_occupation_pay_page_and_the_official_pay_page_says_us_only(site, atlas):
    for role in atlas.roles:
        raw = (site / "roles" / role.id / "index.html").read_text(encoding="utf-8")
        block = raw.split('id="official-pay"', 1)[1].split("<h2", 1)[0]
        assert re.search(r'href="\.\./\.\./pay/\d\d-\d{4}/"', block), role.id
    text = html.unescape(re.sub(r"<[^>]+>", " ", (site / "pay" / "index.html").read_text(encoding="utf-8")))
    assert "official figures in the atlas are for the United States only" in " ".join(text.split())
    assert "Berlin" in text
