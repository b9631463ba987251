"""Material's search, typed into as a reader would, puts the right page in the first three results."""

from __future__ import annotations

import pytest

from .conftest import COUNT_SEARCH_MESSAGES, DESKTOP, Tab, new_tab, path_of

pytestmark = pytest.mark.browser

TOP = 3

# query -> the pages (addresses from the site's root) of which one must be in the first three.
EXPECTED = {
    # roles by title, abbreviation or alias
    "CTO": ["roles/cto/"],
    "Chief Technology Officer": ["roles/cto/"],
    "VPE": ["roles/vp-engineering/"],
    "VP Eng": ["roles/vp-engineering/"],
    "VP of Engineering": ["roles/vp-engineering/"],
    "VP of Machine Learning": ["roles/vp-ai-ml-engineering/"],
    "EM": ["roles/engineering-manager/"],  # a prefix of other words too: in the first three
    # roles by the codes and titles of the official occupations they map to
    # (or the occupation's pay page, which lists the roles placed in it at its top)
    "11-1011": ["roles/cto/", "roles/cio/", "roles/managing-director/", "roles/chief-ai-officer/", "pay/11-1011/"],
    "Architectural and Engineering Managers": ["roles/vp-engineering/", "roles/principal-engineer/",
                                               "roles/engineering-manager/", "roles/senior-engineering-manager/",
                                               "roles/director-of-engineering/", "pay/11-9041/"],
    # skills and tools
    "PyTorch": ["skills/pytorch/"],
    "Kubernetes": ["skills/kubernetes/"],
    "MLOps": ["skills/mlops/"],
    "mentoring": ["skills/mentoring/"],
    "Python": ["skills/python/"],
    # topics and facts
    "salary": ["salaries/", "topics/compensation/"],
    # the pages that state the work-setting fact and the SLA fact
    "hybrid work": ["roles/vp-ai-ml-engineering/", "topics/career-development/"],
    "SLA": ["roles/vp-engineering/"],
    # a responsibility area by its heading (the index keeps the headings, not the duties under them)
    "Ethical and secure AI": ["roles/vp-ai-ml-engineering/"],
    "Delivery, uptime and SLAs": ["roles/vp-engineering/"],
    # a role by its focus, which its own entry in the index carries
    "product/market fit": ["roles/cto/"],
    "Hands-on design and code": ["roles/chief-architect/"],
}


# Counts the queries Material's search sends its worker and the answers it gets back (message
# types 2 and 3: QUERY and RESULT). Material renders an answer as it arrives, in the same event,
# so once every query has its answer the list shows the last one's results.


def search(tab: Tab, query: str) -> list[str]:
    """Open the search (key "/"), type `query`, return the result pages' addresses, best first."""
    page = tab.page
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("body").press("/")
        box.wait_for(state="visible")
    box.fill("")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length === 0")
    box.press_sequentially(query, delay=20)
    # Each keystroke sends a query; the worker answers them in order. Read once the last query
    # sent is the whole text and every query has its answer.
    page.wait_for_function("""query => { const seen = window.__atlasSearch;
        return seen.asked.at(-1) === query && seen.answered === seen.asked.length; }""", arg=query)
    current = page.eval_on_selector_all(  # an item is one page; its first link is the page
        ".md-search-result__item", "items => items.map(li => li.querySelector('a').href)")
    site_root = path_of(tab.served.url)
    return [path_of(u)[len(site_root):] for u in current]


@pytest.mark.parametrize("query", list(EXPECTED))
def test_search_puts_the_page_in_the_first_three_results(search_tab: Tab, query: str):
    results = search(search_tab, query)
    wanted = EXPECTED[query]
    for target in wanted:
        assert (search_tab.served.root / target / "index.html").is_file(), \
            f"the site has no page {target}; the data's ids changed: update EXPECTED in {__file__}"
    assert any(r in wanted for r in results[:TOP]), \
        f"search for {query!r}: wanted one of {wanted} in the first {TOP}, got {results[:8]}"


# Titles a recruiter types (issue 25): the role with that title must be the very first result.
FIRST = {
    "Director of Engineering": "roles/director-of-engineering/",
    "director of engineering": "roles/director-of-engineering/",
    "staff engineer": "roles/staff-engineer/",
    "engineering manager": "roles/engineering-manager/",
    "Senior Engineering Manager": "roles/senior-engineering-manager/",
    "distinguished engineer": "roles/distinguished-engineer/",
    "principal engineer": "roles/principal-engineer/",
    # titles a company uses for the role, found through its aliases
    "Senior Manager, Engineering": "roles/senior-engineering-manager/",
    "Staff Software Engineer": "roles/staff-engineer/",
    "Engineering Director": "roles/director-of-engineering/",
}

# Titles no source gives a role for: the nearest roles (the atlas's own search words) come first.
NEAREST = {
    "head of engineering": ["roles/director-of-engineering/", "roles/vp-engineering/"],
    "Engineering Fellow": ["roles/distinguished-engineer/"],
}


@pytest.mark.parametrize("query", list(FIRST))
def test_a_search_for_a_title_puts_its_role_first(search_tab: Tab, query: str):
    target = FIRST[query]
    assert (search_tab.served.root / target / "index.html").is_file(), f"the site has no page {target}"
    results = search(search_tab, query)
    assert results and results[0] == target, f"search for {query!r}: wanted {target} first, got {results[:5]}"


@pytest.mark.parametrize("query", list(NEAREST))
def test_a_title_the_sources_do_not_use_finds_the_nearest_roles_first(search_tab: Tab, query: str):
    results = search(search_tab, query)
    wanted = NEAREST[query]
    assert results[: len(wanted)] and all(r in wanted for r in results[: len(wanted)]), \
        f"search for {query!r}: wanted {wanted} on top, got {results[:5]}"


def test_a_search_for_a_responsibility_heading_links_to_that_section(search_tab: Tab, atlas):
    """Material's result list shows a page's matching sections under it; a heading's words take the
    reader to that heading (as with Material's own search, which weighs titles above text)."""
    role = next(r for r in atlas.roles if r.id == "vp-engineering")
    area = next(a for a in role.responsibilities if a.title.startswith("Delivery"))
    search(search_tab, area.title)
    links = search_tab.page.eval_on_selector_all(
        ".md-search-result__item a", "links => links.map(a => a.getAttribute('href'))")
    sections = [path_of(u)[len(path_of(search_tab.served.url)):] + "#" + u.split("#", 1)[1] for u in links if "#" in u]
    assert f"roles/{role.id}/#{area.id}" in sections[:3], sections[:6]
    marked = search_tab.page.eval_on_selector_all(".md-search-result__item mark", "marks => marks.map(m => m.textContent)")
    assert any(m.lower() in area.title.lower() for m in marked), marked  # the words found are highlighted


@pytest.mark.slow
def test_titles_reach_the_result_list_as_text(browser, tmp_path):
    """A role's title with HTML in it shows as those characters in the results, not as elements."""
    import functools
    import threading
    from http.server import ThreadingHTTPServer

    from conftest import build_site
    from test_injection import data_with_role_text

    from .conftest import Served, _QuietHandler

    title = 'Zyxwv <b>bold</b> & <img src=x onerror="window.__hit=1">'
    data = data_with_role_text(tmp_path / "work", title)
    site = tmp_path / "site"
    result = build_site(site, data=data, extra_env={"ROLE_ATLAS_CHECK_LINKS": "false", "ROLE_ATLAS_CARDS": "false"})
    assert result.returncode == 0, result.stderr[-3000:]
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context, tab = new_tab(browser, Served(site, f"http://127.0.0.1:{server.server_address[1]}/"), DESKTOP)
    try:
        tab.page.add_init_script(COUNT_SEARCH_MESSAGES)
        tab.goto("")
        assert "roles/alpha/" in search(tab, "Zyxwv")
        shown = tab.page.eval_on_selector_all(".md-search-result__item h1", "hs => hs.map(h => h.textContent)")
        assert any("<b>bold</b> & <img" in h for h in shown), shown
        assert tab.page.eval_on_selector_all(".md-search-result b, .md-search-result img", "els => els.length") == 0
        assert tab.page.evaluate("() => window.__hit") is None
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def test_the_keyboard_opens_a_result_as_in_material_s_own_search(browser, served):
    """"/" opens the search, the arrow keys move through the results Material draws from the worker's
    answer, Enter opens the one chosen, and its words are marked on the page it opens."""
    context, tab = new_tab(browser, served, DESKTOP)
    try:
        tab.page.add_init_script(COUNT_SEARCH_MESSAGES)
        tab.goto("")
        results = search(tab, "Kubernetes")
        assert results[0] == "skills/kubernetes/", results
        tab.page.keyboard.press("ArrowDown")
        focused = tab.page.evaluate("() => document.activeElement.getAttribute('href')")
        assert path_of(focused).endswith("/skills/kubernetes/"), focused
        with tab.page.expect_navigation():
            tab.page.keyboard.press("Enter")
        assert path_of(tab.page.url).endswith("/skills/kubernetes/")
        tab.page.wait_for_selector("article mark[data-md-highlight]")  # search.highlight on the page opened
        tab.assert_clean()
    finally:
        context.close()
