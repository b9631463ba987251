"""What a reader does: follow links from role to skill to role, open a shared comparison link,
switch to dark mode, and filter the roles and skills indexes by typing."""

from __future__ import annotations

import re

import pytest

from .conftest import PHONE, SCREENSHOTS, Tab, path_of

pytestmark = pytest.mark.browser

START_ROLE = "vp-engineering"
SKILL = "mentoring"


def mark_document(tab: Tab) -> None:
    """Tag the JavaScript world; the tag survives only if Material's instant navigation is used."""
    tab.page.evaluate("() => { window.__atlasSamePage = true; }")


def still_same_document(tab: Tab) -> bool:
    return tab.page.evaluate("() => window.__atlasSamePage === true")


def h1(tab: Tab) -> str:
    return tab.page.locator(".md-content h1").first.inner_text().strip()


def test_a_reader_goes_from_role_to_skill_to_another_role_by_clicking(tab: Tab):
    tab.goto(f"roles/{START_ROLE}/")
    start_title = h1(tab)
    mark_document(tab)
    skill_link = tab.page.locator(f'#skills ~ * a[href$="skills/{SKILL}/"], .md-content table a[href$="skills/{SKILL}/"]').first
    skill_name = skill_link.inner_text().strip()
    skill_link.click()
    tab.page.wait_for_url(re.compile(rf"/skills/{SKILL}/$"))
    tab.page.wait_for_function("name => document.querySelector('.md-content h1')?.textContent.includes(name)", arg=skill_name)
    assert still_same_document(tab), "instant navigation did not take the click (is SITE_URL the served address?)"

    rows = tab.page.locator('#roles ~ * table a[href*="/roles/"], .md-content table a[href*="roles/"]')
    others = [rows.nth(i) for i in range(rows.count())
              if not rows.nth(i).get_attribute("href").rstrip("/").endswith(f"roles/{START_ROLE}")]
    assert others, f"the {skill_name} page lists no role besides {start_title}"
    target = others[0]
    target_title = target.inner_text().strip()
    target.click()
    tab.page.wait_for_url(re.compile(r"/roles/[a-z0-9-]+/$"))
    assert path_of(tab.page.url) != path_of(tab.served(f"roles/{START_ROLE}/"))
    tab.page.wait_for_function("t => document.querySelector('.md-content h1')?.textContent.includes(t)", arg=target_title)
    assert still_same_document(tab)
    tab.page.go_back()
    tab.page.wait_for_url(re.compile(rf"/skills/{SKILL}/$"))
    tab.page.wait_for_function("name => document.querySelector('.md-content h1')?.textContent.includes(name)", arg=skill_name)
    tab.assert_clean()


def test_the_compare_view_opens_from_its_address_and_follows_the_pickers(tab: Tab):
    tab.goto("compare/?a=cto&b=vp-engineering")
    page = tab.page
    table = page.locator(".atlas-compare__result table")
    table.wait_for()
    assert page.locator("#compare-a").input_value() == "cto"
    assert page.locator("#compare-b").input_value() == "vp-engineering"
    heads = table.locator("thead th a")
    assert [path_of(heads.nth(i).get_attribute("href")).split("/roles/")[1] for i in range(heads.count())] \
        == ["cto/", "vp-engineering/"]
    assert table.locator("tbody tr").count() >= 5
    # Picking another role redraws the table and puts the choice in the address.
    other = page.locator("#compare-b option").evaluate_all(
        "opts => opts.map(o => o.value).filter(v => v !== 'cto' && v !== 'vp-engineering')")
    assert other, "only two roles to compare"
    page.locator("#compare-b").select_option(other[0])
    page.wait_for_url(re.compile(rf"[?&]b={re.escape(other[0])}(&|$)"))
    page.wait_for_function(
        "id => document.querySelector('.atlas-compare__result thead th:nth-child(3) a')?.href.includes('/roles/' + id + '/')",
        arg=other[0])
    tab.assert_clean()


def test_the_palette_toggle_switches_light_and_dark_and_remembers_it(tab: Tab):
    tab.goto("")
    body = tab.page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    tab.page.get_by_title("Switch to dark mode").click()
    tab.page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    background = tab.page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    tab.goto("roles/")
    assert body.get_attribute("data-md-color-scheme") == "slate", "the choice was not kept on the next page"
    tab.page.get_by_title("Switch to light mode").click()
    tab.page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
    assert tab.page.evaluate("() => getComputedStyle(document.body).backgroundColor") != background
    tab.assert_clean()


# --- filtering the indexes ---------------------------------------------------------------------


def visible_rows(tab: Tab) -> list[str]:
    return tab.page.locator(".atlas-filter tbody tr:visible").all_inner_texts()


def all_rows(tab: Tab) -> int:
    return tab.page.locator(".atlas-filter tbody tr").count()


def status(tab: Tab) -> str:
    return tab.page.locator(".atlas-filter [role=status]").inner_text().strip()


def test_typing_filters_the_roles_index(tab: Tab):
    tab.goto("roles/")
    total = all_rows(tab)
    box = tab.page.get_by_label("Filter roles")
    assert tab.page.locator(".atlas-filter [role=status]").get_attribute("aria-live") == "polite"
    assert status(tab) == f"{total} of {total} roles shown"
    box.press_sequentially("engineering")
    shown = visible_rows(tab)
    assert 0 < len(shown) < total
    assert all("engineering" in row.lower() for row in shown)
    assert status(tab) == f"{len(shown)} of {total} roles shown"
    box.fill("CTO")  # abbreviations are in the table
    assert any("Chief Technology Officer" in row for row in visible_rows(tab))
    box.fill("no such role at all")
    assert visible_rows(tab) == []
    assert status(tab).startswith(f"0 of {total} roles shown")
    box.press("Escape")
    assert box.input_value() == ""
    assert len(visible_rows(tab)) == total
    assert path_of(tab.page.url).endswith("/roles/"), "filtering left the page"
    tab.assert_clean()


def test_typing_filters_the_skills_index_and_hides_empty_categories(tab: Tab):
    tab.goto("")
    tab.page.locator(".md-tabs").get_by_role("link", name="Skills").click()  # instant navigation
    tab.page.wait_for_url(re.compile(r"/skills/$"))
    box = tab.page.get_by_label("Filter skills")
    box.wait_for()  # the address changes before instant navigation swaps the content in
    total = all_rows(tab)
    categories = tab.page.locator(".atlas-filter h2")
    assert categories.count() >= 2
    box.press_sequentially("kubernetes")  # the "s" must not open Material's search
    assert not tab.page.locator("#__search").is_checked()
    shown = visible_rows(tab)
    assert len(shown) == 1 and shown[0].startswith("Kubernetes"), shown
    visible_headings = tab.page.locator(".atlas-filter h2:visible").all_inner_texts()
    assert len(visible_headings) == 1, f"categories without a match should be hidden: {visible_headings}"
    assert status(tab) == f"1 of {total} skills shown"
    box.fill("")
    assert len(visible_rows(tab)) == total
    assert tab.page.locator(".atlas-filter h2:visible").count() == categories.count()
    tab.assert_clean()


def test_the_filter_box_fits_a_phone(open_tab):
    tab = open_tab(PHONE)
    tab.goto("skills/")
    box = tab.page.get_by_label("Filter skills")
    r = box.bounding_box()
    assert r and r["x"] >= 0 and r["x"] + r["width"] <= PHONE["width"]
    box.fill("python")
    assert visible_rows(tab)
    assert tab.page.evaluate("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth")


def test_a_role_page_prints_its_content_only(tab: Tab):
    tab.goto("roles/cto/")
    tab.page.emulate_media(media="print")
    hidden = tab.page.evaluate("""() => ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-sidebar--secondary',
        '.md-footer', '.md-search'].map(s => [s, [...document.querySelectorAll(s)].every(
            el => getComputedStyle(el).display === 'none')])""")
    assert all(ok for _, ok in hidden), hidden
    assert tab.page.locator("h1").first.is_visible()
    assert tab.page.locator("#responsibilities").is_visible()
    SCREENSHOTS.mkdir(exist_ok=True)
    tab.page.pdf(path=str(SCREENSHOTS / "role-print.pdf"))  # for review: what a printed role page looks like
