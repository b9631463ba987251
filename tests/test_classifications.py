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
                assert atlas.occupation[c.occupation].code in block, (role.id, c.occupation)
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


def test_official_pay_is_worded_for_the_whole_occupation_with_its_date(site):
    text = section(site, "roles/principal-engineer", "official-pay")
    assert "$152,350" in text and "May 2021" in text and "Architectural and Engineering Managers" in text
    assert "not this exact title" in text
    for pct in ("$99,350", "$125,470", "$190,420"):  # 10th, 25th and 75th percentiles, May 2021
        assert pct in text, pct
    glance = text_of(site, "roles/senior-engineer")
    assert "$132,270 (median) for all Software Developers" in glance  # BLS, May 2023


# The BLS Employment Projections table, row "Chief executives" (11-1011): median annual wage in 2024
# $206,420; typical entry education "Bachelor's degree"; related work experience "5 years or more".
PROJECTIONS = "https://www.bls.gov/emp/tables/occupational-projections-and-characteristics.htm"


@pytest.mark.data
def test_chief_executives_pay_shows_on_the_cto_and_cio_pages_for_the_whole_occupation(site, atlas):
    source = next(s for s in atlas.sources if s.url == PROJECTIONS)
    for role_id in ("cto", "cio"):
        text = section(site, f"roles/{role_id}", "official-pay")
        assert "$206,420 per year (United States, 2024)" in text, role_id
        assert "11-1011.00 Chief Executives" in text and "not this exact title" in text, role_id
        assert f"Source: {source.title}" in text, role_id
        glance = text_of(site, f"roles/{role_id}")
        assert "$206,420 (median) for all Chief Executives, United States, 2024" in glance, role_id


@pytest.mark.data
def test_matrix_fills_the_cto_and_cio_rows_from_the_chief_executives_occupation(site):
    raw = (site / "compare" / "matrix" / "index.html").read_text(encoding="utf-8")
    for role_id in ("cto", "cio"):
        text = visible(next(r for r in re.findall(r"<tr>(.*?)</tr>", raw, re.S) if f"roles/{role_id}/" in r))
        assert "Bachelor's degree (typical for all Chief Executives)" in text, role_id
        assert "5 years or more in a related occupation (typical for all Chief Executives)" in text, role_id
        assert "$206,420 (median) for all Chief Executives" in text, role_id


@pytest.mark.data
def test_sources_page_lists_the_projections_table_with_its_address_date_and_licence(site):
    raw = (site / "sources" / "index.html").read_text(encoding="utf-8")
    assert f'href="{PROJECTIONS}"' in raw
    text = section(site, "sources", "bls-projections-2024")
    assert PROJECTIONS in text
    assert "U.S. Bureau of Labor Statistics" in text
    assert "Figures as of 2024 wages; employment 2024, projected to 2034" in text
    assert "Read 2026-11-23" in text
    assert "Licence Public domain (a work of the U.S. federal government)" in text


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
    assert "Bachelor's degree (typical for all Architectural and Engineering Managers)" in text
    assert "5 years or more in a related occupation (typical for all Architectural and Engineering Managers)" in text
    vp = next(r for r in re.findall(r"<tr>(.*?)</tr>", raw, re.S) if "roles/vp-ai-ml-engineering/" in r)
    assert "typical for all" not in visible(vp)  # the role's own sources speak first


def test_salary_chart_tells_official_statistics_from_estimates(site):
    raw = (site / "salaries" / "index.html").read_text(encoding="utf-8")
    start = raw.index("atlas-salary-chart--wide")
    wide = raw[start:raw.index("</svg>", start)]
    assert wide.count('class="range official"') + wide.count('class="point official"') == 4  # BLS: 2 + 1 + 1 figures
    assert wide.count('class="range estimate"') + wide.count('class="point estimate"') == 4  # the profile's four
    assert "outlined marks are official statistics" in visible(raw)


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
