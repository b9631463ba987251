"""Material's search, typed into as a reader would, puts the right page in the first three results."""

from __future__ import annotations

import pytest

from .conftest import DESKTOP, Tab, new_tab, path_of

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
    # roles by the codes and titles of the official occupations they map to
    "11-1011": ["roles/cto/", "roles/cio/"],
    "Architectural and Engineering Managers": ["roles/vp-engineering/", "roles/principal-engineer/"],
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
COUNT_SEARCH_MESSAGES = """(() => {
    const seen = window.__atlasSearch = {asked: [], answered: 0};
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
        if (!this.__atlasCounted) {  // before or after Material's listener: both run in one event
            this.__atlasCounted = true;
            this.addEventListener("message", e => { if (e.data && e.data.type === 3) seen.answered++; });
        }
        if (message && message.type === 2) seen.asked.push(message.data);
        return post.call(this, message, ...rest);
    };
})();"""


@pytest.fixture(scope="module")
def search_tab(browser, served):
    """One page for every query: the search index loads once."""
    context, tab = new_tab(browser, served, DESKTOP)
    tab.page.add_init_script(COUNT_SEARCH_MESSAGES)
    tab.goto("")
    yield tab
    tab.assert_clean()
    context.close()


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
