"""Every kind of page loads cleanly, fits a phone, passes axe-core, and is photographed for review.

Screenshots go to screenshots/<kind>-desktop.png, <kind>-desktop-dark.png and <kind>-phone.png
(git-ignored). The career diagram is drawn by Material into a closed shadow root, which axe-core
cannot see into.
"""

from __future__ import annotations

import re

import pytest

from roleatlas import urls

from .conftest import DESKTOP, PAGE_KINDS, PHONE, Tab, screenshot

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


# The rules whose outcome depends on colours, checked again after switching to dark mode.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_problems(tab: Tab, rules: list[str] | None = None) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    results = Axe().run(tab.page, options=options)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
            for v in results.response["violations"] if v["impact"] in BLOCKING]


def wait_for_content(tab: Tab, kind: str) -> None:
    """Pages that draw with JavaScript are photographed and checked once they have drawn."""
    if kind == "compare-any":
        tab.page.locator(".atlas-compare__result table").wait_for()
    if kind == "career-paths":  # Material draws the diagram into a closed shadow root
        tab.page.wait_for_function("""() => !document.querySelector('pre.mermaid')
            && [...document.querySelectorAll('div.mermaid')].some(d => d.getBoundingClientRect().height > 50)""")


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_desktop_page_loads_cleanly_and_passes_axe_light_and_dark(open_tab, kind: str):
    tab = open_tab(DESKTOP)
    tab.goto(PAGE_KINDS[kind])
    wait_for_content(tab, kind)
    screenshot(tab, f"{kind}-desktop")
    tab.assert_clean()
    problems = axe_problems(tab)
    assert not problems, f"{kind}: axe-core found serious or critical violations:\n  " + "\n  ".join(problems)
    switch_to_dark(tab)
    screenshot(tab, f"{kind}-desktop-dark")
    problems = axe_problems(tab, COLOUR_RULES)
    assert not problems, f"{kind} (dark): axe-core found serious or critical violations:\n  " + "\n  ".join(problems)
    tab.assert_clean()


def switch_to_dark(tab: Tab) -> None:
    tab.page.get_by_title("Switch to dark mode").click()
    tab.page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    # Off the toggle (its tooltip covers the header) onto the empty end of the tabs bar: a pointer
    # resting on a link would give it its hover colour while contrast is measured.
    tab.page.mouse.move(DESKTOP["width"] - 10, 70)
    # Contrast is measured once every colour transition has ended; reading the layout first makes
    # the browser apply the new styles, which is when their transitions start.
    tab.page.wait_for_function("""() => { document.body.getBoundingClientRect();
        return document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState !== 'running'); }""")


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_phone_page_does_not_scroll_sideways(open_tab, kind: str):
    tab = open_tab(PHONE)
    tab.goto(PAGE_KINDS[kind])
    wait_for_content(tab, kind)
    screenshot(tab, f"{kind}-phone")
    tab.assert_clean()
    widths = tab.page.evaluate("""() => {
        const s = document.scrollingElement;
        return {scroll: s.scrollWidth, client: s.clientWidth};
    }""")
    assert widths["scroll"] <= widths["client"], f"{kind}: the page scrolls sideways on a phone: {widths}"
    # A table wider than the screen scrolls inside its own box, which fits the screen.
    stuck = tab.page.evaluate("""() => {
        const out = [];
        const vw = document.documentElement.clientWidth;
        for (const table of document.querySelectorAll('.md-content table')) {
            if (table.offsetParent === null || table.scrollWidth <= vw) continue;
            let box = table.parentElement, scroller = null;
            while (box && box !== document.body) {
                const o = getComputedStyle(box).overflowX;
                if (o === 'auto' || o === 'scroll') { scroller = box; break; }
                box = box.parentElement;
            }
            const r = scroller && scroller.getBoundingClientRect();
            if (!scroller || r.left < -1 || r.right > vw + 1)
                out.push((table.querySelector('th') || table).textContent.trim().slice(0, 40));
        }
        return out;
    }""")
    assert not stuck, f"{kind}: tables wider than the phone that do not scroll inside themselves: {stuck}"


def test_each_occupations_table_on_the_crosswalk_fits_a_phone(open_tab):
    """Two columns fit 390 px: a long concept URI breaks instead of widening the table past the screen
    (which would hide the end of every row behind a sideways scroll)."""
    tab = open_tab(PHONE)
    tab.goto("crosswalk/")
    tables = tab.page.evaluate("""() => [...document.querySelectorAll('.md-content h3[id]')].map(h => {
        let t = h.nextElementSibling;
        while (t && !t.querySelector('table') && t.tagName !== 'TABLE' && t.tagName !== 'H3') t = t.nextElementSibling;
        const table = t && (t.tagName === 'TABLE' ? t : t.querySelector('table'));
        return table && {id: h.id, width: table.scrollWidth, room: document.documentElement.clientWidth};
    }).filter(Boolean)""")
    assert len(tables) >= 12 and any(t["id"].startswith("esco-") for t in tables)
    too_wide = [t for t in tables if t["width"] > t["room"]]
    assert not too_wide, f"occupation tables wider than the phone: {too_wide}"


def test_the_wide_matrix_is_stacked_on_a_phone_with_every_value_named(open_tab):
    tab = open_tab(PHONE)
    tab.goto(PAGE_KINDS["matrix"])
    state = tab.page.evaluate("""() => {
        const table = document.querySelector('.md-content table');
        const row = table.tBodies[0].rows[0];
        return {display: getComputedStyle(row).display, fits: table.getBoundingClientRect().right <= innerWidth,
                labels: [...row.cells].slice(1).map(c => getComputedStyle(c, '::before').content),
                head: [...table.tHead.rows[0].cells].slice(1).map(c => c.textContent.trim())};
    }""")
    assert state["display"] == "block" and state["fits"], state
    assert [label.strip('"').removesuffix(": ") for label in state["labels"]] == state["head"], state


def test_mermaid_is_downloaded_only_by_pages_with_a_diagram(open_tab):
    tab = open_tab(DESKTOP)
    tab.goto(PAGE_KINDS["home"])
    # goto returns once the search index is built; Material calls mermaid.render() while it sets
    # the page up, before that, so a page that loaded Mermaid would have asked for it by now.
    assert not [u for u in tab.requests if u.endswith("mermaid.min.js")]
    tab.goto(PAGE_KINDS["career-paths"])
    wait_for_content(tab, "career-paths")
    assert [u for u in tab.requests if u.endswith("mermaid.min.js")]
    tab.assert_clean()


def test_a_build_for_a_named_address_claims_it_in_canonical_links_and_previews(served):
    """The served site is built with SITE_URL set to where it is served (as the Pages workflow sets
    the published address): every page names its own address there."""
    for page in ("", "roles/cto/", "crosswalk/"):
        raw = (served.root / page / "index.html").read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{served.url}{page}"' in raw, page
        assert f'<meta property="og:url" content="{served.url}{page}"' in raw, page


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_previews_of_roles_topics_comparisons_and_home_carry_a_1200x630_image(served, atlas):
    pages = [urls.HOME, *(urls.page_of("role", r.id) for r in atlas.roles),
             *(urls.page_of("topic", t.id) for t in atlas.topics),
             *(urls.page_of("comparison", c.id) for c in atlas.comparisons)]
    for page in pages:
        html = (served.root / urls.url_of(page) / "index.html").read_text(encoding="utf-8")
        og = re.search(r'<meta property="og:image" content="([^"]+)">', html)
        assert og and og.group(1).startswith(served.url), page
        assert '<meta name="twitter:card" content="summary_large_image">' in html, page
        assert f'<meta name="twitter:image" content="{og.group(1)}">' in html, page
        image = served.root / og.group(1).removeprefix(served.url)
        assert _png_size(image.read_bytes()) == (1200, 630), page
    glossary = (served.root / "glossary" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="twitter:card" content="summary">' in glossary and 'property="og:image"' not in glossary
