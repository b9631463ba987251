"""Official pay in the browser: search finds places and codes (and says "United States only" for a
place elsewhere), and an occupation's page filters by place and sorts by pay, on a phone too."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from .conftest import DESKTOP, PHONE, Tab
from .test_search import search

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent.parent


def committed(occupation: str) -> list[dict[str, str]]:
    """The committed release's rows for one occupation (BLS's code, 113021), areas other than national."""
    with (ROOT / "data" / "oews" / "wages.csv").open(encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle) if r["occupation_code"] == occupation and r["area_code"] != "0000000"]


@pytest.mark.parametrize("query", ["Seattle", "Texas", "11-3021"])
def test_search_for_a_place_or_a_code_finds_the_occupation_pay_pages(search_tab: Tab, query: str):
    results = search(search_tab, query)
    pay = [r for r in results if r.startswith("pay/") and r != "pay/"]
    assert pay, f"search for {query!r}: no occupation pay page in {results[:8]}"
    if query == "11-3021":
        assert results[0] == "pay/11-3021/", results[:5]


def test_a_search_for_seattle_shows_the_roles_placed_in_the_occupations(search_tab: Tab):
    """The pay pages found for a place name the roles placed in their occupation at the top."""
    results = search(search_tab, "Seattle")
    page = search_tab.served.root / "pay" / "11-1011" / "index.html"
    assert "pay/11-1011/" in results
    assert "roles/cto/" in page.read_text(encoding="utf-8")


def test_a_search_for_a_place_outside_the_united_states_says_the_figures_are_us_only(search_tab: Tab):
    results = search(search_tab, "Berlin")
    assert results[:1] == ["pay/"], results[:5]
    excerpt = search_tab.page.locator(".md-search-result__item").first.inner_text()
    assert "United States only" in excerpt or "Berlin" in excerpt, excerpt
    text = (search_tab.served.root / "pay" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"official figures in the atlas are for the United States only", text)


def rows_shown(tab: Tab) -> list[list[str]]:
    return tab.page.eval_on_selector_all(
        ".atlas-sort table tbody tr:not([hidden])", "rows => rows.map(r => [...r.cells].map(c => c.innerText.trim()))")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_occupation_page_filters_by_place_and_sorts_by_pay(open_tab, viewport):
    tab = open_tab(viewport)
    tab.goto("pay/11-3021/")
    expected = committed("113021")
    assert len(rows_shown(tab)) == len(expected)
    box = tab.page.get_by_label("Filter by place")
    box.fill("seattle")
    tab.page.wait_for_function("() => document.querySelectorAll('.atlas-sort tbody tr:not([hidden])').length === 1")
    [seattle] = rows_shown(tab)
    area = next(r for r in expected if r["area_code"] == "0042660")  # Seattle-Tacoma-Bellevue, WA
    assert "Seattle-Tacoma-Bellevue, WA" in seattle[0]
    assert seattle[1].split(":")[-1].strip() == f"${int(area['annual_median']):,}"
    box.fill("")
    # sort by the median, highest first: with the menu on a phone (the headings are hidden), the heading on a desktop
    if viewport == PHONE:
        tab.page.get_by_label("Sort by").select_option(label="Median, highest first")
    else:
        tab.page.get_by_role("button", name="Median").click()  # a money column sorts highest first
        assert tab.page.locator("th[aria-sort]").get_attribute("aria-sort") == "descending"
    medians = [int(re.sub(r"\D", "", r[1])) for r in rows_shown(tab) if re.search(r"\d", r[1])]
    assert medians == sorted(medians, reverse=True) and len(medians) > 100
    assert medians[0] == max(int(r["annual_median"]) for r in expected if r["annual_median"].isdigit())
    width = tab.page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"the page scrolls sideways at {viewport['width']} px"
