"""Official pay rendered from a release (pure rendering, no MkDocs): placements side by side, each
with its source; the whole occupation's wording; the JSON-LD distribution; one currency per chart."""

from __future__ import annotations

import html
import shutil
from datetime import date
from pathlib import Path

import pytest

import datafactory
from roleatlas.load import load
from roleatlas.render.jsonld import occupation as occupation_jsonld
from datafactory import render_site
from roleatlas.render.salary_chart import ChartRow, salary_charts, salary_svg

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 12, 2)


@pytest.fixture()
def two_placements(tmp_path):
    """Alpha placed by two publishers in two SOC occupations (as the CTO would be if a BLS page put it
    under 11-3021 too), with the committed release."""
    colls = datafactory.base_collections()
    colls["sources"].append({"id": "src-b", "title": "Source B", "kind": "test page", "covers": "another placement"})
    onet = {"system": "O*NET-SOC", "url": "https://example.org/onet", "source": datafactory.SOURCE}
    colls["occupations"] = [{**onet, "id": "onet-ceo", "code": "11-1011.00", "title": "Chief Executives"},
                            {**onet, "id": "onet-cism", "code": "11-3021.00", "title": "Computer and Information Systems Managers"}]
    roles = datafactory.base_roles()
    roles["alpha"]["classifications"] = [
        {"system": "O*NET-SOC", "relation": "listed-title", "occupation": "onet-ceo", "source": datafactory.SOURCE},
        {"system": "O*NET-SOC", "relation": "broader", "occupation": "onet-cism", "source": "src-b"}]
    data = datafactory.write_data(tmp_path, collections=colls, roles=roles)
    shutil.copytree(ROOT / "data" / "oews", data / "oews")
    return load(data, root=tmp_path, today=TODAY)


def test_each_placement_is_shown_with_its_source_side_by_side(two_placements):
    page = html.unescape(render_site(two_placements, TODAY)["roles/alpha.md"])
    block = page.split("## Official pay, May 2025", 1)[1].split("\n## ", 1)[0]
    assert "The placements differ, so each is shown with its source, side by side." in block
    assert "not of this exact title" in block
    header = next(line for line in block.splitlines() if line.startswith("| Measure |"))
    assert header.index("11-1011 Chief Executives") < header.index("11-3021 Computer and Information Systems Managers")
    placement = next(line for line in block.splitlines() if line.startswith("| Placement |"))
    assert "title listed by the publisher (O*NET-SOC 11-1011.00)" in placement and "Source: [Source A]" in placement
    assert "occupation broader than the role (O*NET-SOC 11-3021.00)" in placement and "Source: [Source B]" in placement
    median = next(line for line in block.splitlines() if line.startswith("| Median (50th percentile) |"))
    assert median.count("$") == 2  # one figure per placement, never merged
    glance = next(line for line in page.splitlines() if line.startswith("| Official pay |"))
    assert "median annual wage of all Chief Executives (SOC 11-1011)" in glance  # the first placement leads


def test_json_ld_gives_each_occupation_s_distribution_and_no_median_for_an_average(two_placements):
    data = occupation_jsonld(two_placements, two_placements.role["alpha"])
    dists = [d for d in data["estimatedSalary"] if d["@type"] == "MonetaryAmountDistribution"]
    assert [d["name"].split(" (SOC")[0] for d in dists] == [
        "Annual wage of all Chief Executives", "Annual wage of all Computer and Information Systems Managers"]
    assert all({"percentile10", "percentile25", "median", "percentile75", "percentile90"} <= set(d) for d in dists)
    [estimate] = [d for d in data["estimatedSalary"] if d["@type"] == "MonetaryAmount"]  # the factory's average
    assert "median" not in estimate and "median" not in estimate["value"] and "average" in estimate["name"]


def test_one_currency_per_chart():
    rows = [ChartRow("A", "a", "$1", "USD", 1, 2, "estimate"), ChartRow("B", "b", "€1", "EUR", 1, 2, "estimate")]
    charts = salary_charts(rows)
    assert [c for c, _ in charts] == ["USD", "EUR"]
    assert "Pay figures in EUR" in str(charts[1][1]) and "$" not in str(charts[1][1])
    with pytest.raises(ValueError):
        salary_svg(rows)
