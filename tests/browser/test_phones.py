"""Readers on phones (390 px) and at a desk (1280 px): section links, tables, the salary chart, the
career diagrams, the job description and the compare view, measured in the browser."""

from __future__ import annotations

import re

import pytest

from roleatlas.kinds import KINDS

from .conftest import DESKTOP, PAGE_KINDS, PHONE, Tab

pytestmark = pytest.mark.browser

# Colours as the browser computed them, composited over the first opaque background behind.
CONTRAST_JS = """
window.__atlasContrast = (fg, node) => {
  const parse = c => { const m = c.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const layers = [];
  for (let n = node; n; n = n.parentElement) {
    const c = parse(getComputedStyle(n).backgroundColor);
    if (c.a > 0) layers.push(c);
    if (c.a === 1) break;
  }
  let bg = {r: 255, g: 255, b: 255};
  for (const c of layers.reverse()) bg = {r: c.r * c.a + bg.r * (1 - c.a), g: c.g * c.a + bg.g * (1 - c.a), b: c.b * c.a + bg.b * (1 - c.a)};
  const f = parse(fg), over = {r: f.r * f.a + bg.r * (1 - f.a), g: f.g * f.a + bg.g * (1 - f.a), b: f.b * f.a + bg.b * (1 - f.a)};
  const lum = c => { const ch = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                     return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b); };
  const [hi, lo] = [lum(over), lum(bg)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
"""


def open_at(open_tab, viewport, path: str, scheme: str = "light") -> Tab:
    tab = open_tab(viewport, scheme)
    tab.page.add_init_script(CONTRAST_JS)
    tab.goto(path)
    return tab


# --- section links -------------------------------------------------------------------------


def test_a_phone_reader_copies_the_link_to_one_section_and_is_told(open_tab):
    tab = open_at(open_tab, PHONE, "roles/vp-engineering/")
    tab.page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=tab.served.origin)
    heading = tab.page.locator(".md-content h3", has_text="Delivery, uptime and SLAs")
    heading.scroll_into_view_if_needed()
    link = heading.locator(".headerlink")
    assert link.is_visible() and float(link.evaluate("a => getComputedStyle(a).opacity")) == 1
    box = link.bounding_box()
    assert box["x"] + box["width"] <= PHONE["width"] and box["width"] >= 20 and box["height"] >= 20, box
    assert link.evaluate("a => __atlasContrast(getComputedStyle(a).color, a)") >= 3
    link.tap()
    note = heading.locator(".atlas-copied")
    note.wait_for()
    assert note.inner_text() == "Link copied"
    section = heading.get_attribute("id")
    copied = tab.page.evaluate("() => navigator.clipboard.readText()")
    assert copied == tab.served("roles/vp-engineering/") + "#" + section
    assert "Delivery, uptime and SLAs" in tab.page.locator("#atlas-status").inner_text()
    tab.assert_clean()


@pytest.mark.parametrize("kind", [k.ref for k in KINDS if k.toc])
def test_on_a_phone_a_table_of_contents_opens_under_the_title(open_tab, kind: str):
    tab = open_at(open_tab, PHONE, PAGE_KINDS[kind])
    toc = tab.page.locator("details.atlas-toc")
    assert toc.is_visible()
    toc.locator("summary").tap()
    h2 = tab.page.locator(".md-content h2[id]").last
    entry = toc.locator(f'a[href$="#{h2.get_attribute("id")}"]')
    entry.wait_for()
    entry.tap()
    tab.page.wait_for_url(re.compile("#" + re.escape(h2.get_attribute("id")) + "$"))
    tab.page.wait_for_function("id => { const r = document.getElementById(id).getBoundingClientRect(); "
                               "return r.top >= 0 && r.top < innerHeight; }", arg=h2.get_attribute("id"))
    desk = open_at(open_tab, DESKTOP, PAGE_KINDS[kind])  # the desktop has the theme's sidebar instead
    assert not desk.page.locator("details.atlas-toc").is_visible()
    assert desk.page.locator(".md-sidebar--secondary .md-nav__link").first.is_visible()


# --- tables --------------------------------------------------------------------------------

CUT_TABLES = """() => {
  const out = [];
  for (const table of document.querySelectorAll('.md-content table')) {
    if (table.offsetParent === null) continue;
    let box = table.parentElement;
    while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
    const wider = box ? box.scrollWidth > box.clientWidth + 1 : table.scrollWidth > table.clientWidth + 1;
    const hint = box && box.previousElementSibling;
    const cue = hint && hint.classList.contains('atlas-scroll-hint') && hint.offsetParent !== null;
    const stacked = getComputedStyle(table).display === 'block';
    out.push({head: (table.querySelector('th') || table).textContent.trim().slice(0, 30), wider, cue, stacked,
              columns: table.tHead ? table.tHead.rows[0].cells.length : 0});
  }
  return out;
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("kind", ["roles-index", "role", "matrix", "salaries", "comparison", "compare-any",
                                  "career-paths", "topic", "skill"])
def test_no_table_cuts_content_without_a_cue_and_phones_stack_wide_tables(open_tab, viewport, kind: str):
    tab = open_at(open_tab, viewport, PAGE_KINDS[kind])
    if kind == "compare-any":
        tab.page.locator(".atlas-compare__result table").wait_for()
    tables = tab.page.evaluate(CUT_TABLES)
    assert tables or kind == "topic", f"{kind}: no table"
    cut = [t for t in tables if t["wider"] and not t["cue"]]
    assert not cut, f"{kind}: tables cut without a visible cue: {cut}"
    if viewport is PHONE:
        wide = [t for t in tables if t["columns"] > 3 and not t["stacked"]]
        assert not wide, f"{kind}: tables of more than three columns not stacked on a phone: {wide}"
        assert not [t for t in tables if t["wider"] and t["columns"] > 3]


def test_the_matrix_on_a_desk_says_it_scrolls_and_keeps_the_role_in_view(open_tab):
    tab = open_at(open_tab, DESKTOP, PAGE_KINDS["matrix"])
    state = tab.page.evaluate("""() => {
        const table = document.querySelector('.md-content table');
        const box = table.closest('.md-typeset__scrollwrap'), cell = table.tBodies[0].rows[2].cells[0];
        cell.scrollIntoView({block: 'center'});  // rows are as tall as their cells' text: bring this one up
        box.scrollLeft = box.scrollWidth;
        const r = cell.getBoundingClientRect(), b = box.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + 5, r.top + r.height / 2);
        return {wider: box.scrollWidth > box.clientWidth, scrolled: box.scrollLeft > 0, inView: r.left >= b.left - 1,
                onTop: cell.contains(hit), hint: box.previousElementSibling.textContent};
    }""")
    assert state["wider"] and state["scrolled"] and state["inView"] and state["onTop"], state
    assert "scrolls sideways" in state["hint"]


@pytest.mark.parametrize("kind", ["comparison", "compare-any"])
def test_role_names_stay_in_view_down_a_table_of_roles_side_by_side(open_tab, kind: str):
    tab = open_at(open_tab, DESKTOP, PAGE_KINDS[kind])
    table = tab.page.locator(".md-content table").first
    table.wait_for()
    names = [n.strip() for n in table.locator("thead th").all_inner_texts()][1:]
    assert len(names) == 2 and all(names)
    tab.page.evaluate("""() => { const t = document.querySelector('.md-content table');
        window.scrollTo(0, t.tBodies[0].rows[3].getBoundingClientRect().top + scrollY - 100); }""")
    tab.page.wait_for_function("""() => { const t = document.querySelector('.md-content table');
        return t.tBodies[0].rows[3].getBoundingClientRect().top < 150; }""")
    seen = tab.page.evaluate("""() => [...document.querySelector('.md-content table').tHead.rows[0].cells].slice(1).map(th => {
        const r = th.getBoundingClientRect(), hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return {top: r.top, bottom: r.bottom, visible: r.bottom > 0 && r.top < innerHeight && th.contains(hit)}; })""")
    assert all(s["visible"] for s in seen), f"{kind}: role names scrolled away on a desktop: {seen}"
    phone = open_at(open_tab, PHONE, PAGE_KINDS[kind])
    phone.page.locator(".md-content table").first.wait_for()
    labels = phone.page.evaluate("""() => [...document.querySelector('.md-content table').tBodies[0].rows[3].cells].slice(1).map(c => getComputedStyle(c, '::before').content)""")
    assert len(labels) == 2 and all(name in label for name, label in zip(names, labels)), (names, labels)


# --- the salary chart and the career diagrams ----------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_salary_chart_fits_is_legible_and_its_bars_contrast(open_tab, viewport, scheme: str):
    tab = open_at(open_tab, viewport, PAGE_KINDS["salaries"], scheme)
    m = tab.page.evaluate("""() => {
        const svg = [...document.querySelectorAll('svg.atlas-salary-chart')].find(s => s.getBoundingClientRect().width > 0);
        const r = svg.getBoundingClientRect(), scale = r.width / svg.viewBox.baseVal.width;
        const texts = [...svg.querySelectorAll('text, tspan')];
        return {right: r.right, left: r.left, width: r.width,
                smallest: Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale)),
                outside: texts.filter(t => { const b = t.getBoundingClientRect(); return b.width && (b.left < r.left - 1 || b.right > r.right + 1); }).length,
                bars: Math.min(...[...svg.querySelectorAll('.range, .point, .open')].map(b => __atlasContrast((s => s.fill === 'none' ? s.stroke : s.fill)(getComputedStyle(b)), svg)))};
    }""")
    assert m["left"] >= 0 and m["right"] <= viewport["width"], m
    assert m["smallest"] >= 12, f"chart text at {m['smallest']:.1f} px"
    assert m["outside"] == 0, m
    assert m["bars"] >= 3, f"bars contrast {m['bars']:.2f}:1 in {scheme}"


OPEN_SHADOWS = "(() => { const a = Element.prototype.attachShadow; " \
               "Element.prototype.attachShadow = function (o) { return a.call(this, {...o, mode: 'open'}); }; })()"

DIAGRAMS = """() => [...document.querySelectorAll('div.mermaid')].map(d => {
    const svg = d.shadowRoot && d.shadowRoot.querySelector('svg');
    const r = svg.getBoundingClientRect(), scale = r.width / svg.viewBox.baseVal.width;
    const labels = [...svg.querySelectorAll('.nodeLabel, text')].filter(t => t.textContent.trim());
    const sizes = labels.map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
    const edges = [...svg.querySelectorAll('path.flowchart-link, .edgePaths path')].map(p => {
        const n = 40, len = p.getTotalLength(), pts = [];
        for (let i = 0; i <= n; i++) { const q = p.getPointAtLength(len * i / n); pts.push([q.x, q.y]); }
        return pts; });
    const cross = (a, b, c, d) => { const o = (p, q, s) => Math.sign((q[0] - p[0]) * (s[1] - p[1]) - (q[1] - p[1]) * (s[0] - p[0]));
        return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0; };
    let crossings = 0;
    for (let i = 0; i < edges.length; i++) for (let j = i + 1; j < edges.length; j++)
      for (let k = 1; k < edges[i].length - 1; k++) for (let l = 1; l < edges[j].length - 1; l++)
        if (cross(edges[i][k - 1], edges[i][k], edges[j][l - 1], edges[j][l])) crossings++;
    return {left: r.left, right: r.right, labels: labels.length, smallest: Math.min(...sizes), edges: edges.length, crossings};
})"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_career_diagrams_fit_are_legible_and_no_arrows_cross(open_tab, atlas, viewport):
    tab = open_tab(viewport)
    tab.page.add_init_script(OPEN_SHADOWS)  # Material draws into a closed shadow root; open it to measure
    tab.goto(PAGE_KINDS["career-paths"])
    tab.page.wait_for_function("""() => !document.querySelector('pre.mermaid') && [...document.querySelectorAll('div.mermaid')]
        .every(d => d.shadowRoot && d.shadowRoot.querySelector('svg .node'))""")
    diagrams = tab.page.evaluate(DIAGRAMS)
    assert sum(d["edges"] for d in diagrams) == len(atlas.career)
    for d in diagrams:
        assert d["left"] >= 0 and d["right"] <= viewport["width"], d
        assert d["labels"] and d["smallest"] >= 12, f"diagram text at {d['smallest']:.1f} px: {d}"
        assert d["crossings"] == 0, d
    # The same steps as a list under the pictures: every step's two roles, by name.
    steps = tab.page.locator("#steps ~ * table, #steps + * table").first.inner_text()
    for edge in atlas.career:
        assert atlas.role[edge.before].title.split()[-1] in steps and atlas.role[edge.after].title.split()[-1] in steps
    tab.assert_clean()


# --- the job description -------------------------------------------------------------------


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_job_description_wraps_its_copy_button_shows_and_its_text_is_an_ad(open_tab, atlas, viewport):
    role = atlas.role["vp-engineering"]
    tab = open_at(open_tab, viewport, f"roles/{role.id}/")
    summary = tab.page.locator(".atlas-jd > summary")
    summary.scroll_into_view_if_needed()
    summary.click()  # the ad is folded under the page's facts (issue 26)
    block = tab.page.locator(".atlas-jd .tabbed-block").first.locator("pre")
    block.scroll_into_view_if_needed()
    sizes = block.evaluate("p => ({scroll: p.querySelector('code').scrollWidth, client: p.querySelector('code').clientWidth,"
                           " right: p.getBoundingClientRect().right})")
    assert sizes["scroll"] <= sizes["client"] + 1 and sizes["right"] <= viewport["width"], sizes
    button = tab.page.locator(".atlas-jd .tabbed-block").first.locator(".atlas-jd__copy")
    tab.page.mouse.move(0, 0)  # no hover
    assert button.is_visible() and button.inner_text() == "Copy plain text"
    box = button.bounding_box()
    assert box["height"] >= 24 and box["x"] + box["width"] <= viewport["width"], box
    contrast = button.evaluate("b => __atlasContrast(getComputedStyle(b).borderTopColor, b.parentElement)")
    assert contrast >= 3, f"the copy button contrasts {contrast:.2f}:1 without hover"
    text = block.locator("code").inner_text()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert len(lines) == len(set(lines)), "a line is repeated"
    assert "[Company]" in text and "[Location]" in text and "Pay: [Pay range]" in text and "2024" not in text
    for note in role.notes:
        assert " ".join(note.text.split())[:50] not in text
    assert not re.search(r"^#", text, re.M)
    assert tab.page.locator(".atlas-jd .tabbed-labels label").all_inner_texts() == ["Plain text", "Markdown"]
    tab.page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=tab.served.origin)
    button.click()
    button.locator("xpath=following-sibling::*[contains(@class, 'atlas-copied')]").wait_for()
    assert tab.page.evaluate("() => navigator.clipboard.readText()").strip() == text.strip()


# --- the compare view ----------------------------------------------------------------------


def test_the_compare_view_waits_for_a_confirmed_choice_and_announces_a_summary(open_tab):
    tab = open_at(open_tab, DESKTOP, "compare/?a=cto&b=vp-engineering")
    result = tab.page.locator(".atlas-compare__result h2")
    result.wait_for()
    first = result.inner_text()
    assert tab.page.locator(".atlas-compare__result").get_attribute("aria-live") is None
    tab.page.evaluate("() => { window.__draws = 0; new MutationObserver(() => window.__draws++)"
                      ".observe(document.querySelector('.atlas-compare__result'), {childList: true}); }")
    pick = tab.page.locator("#compare-b")
    pick.focus()
    pick.press("ArrowDown")
    pick.press("ArrowDown")
    assert tab.page.evaluate("() => window.__draws") == 0 and result.inner_text() == first
    chosen = pick.evaluate("s => s.options[s.selectedIndex].text")
    pick.press("Enter")
    tab.page.wait_for_function("t => document.querySelector('.atlas-compare__result h2').textContent.endsWith(t)", arg=chosen)
    assert tab.page.evaluate("() => window.__draws") == 1
    status = tab.page.locator(".atlas-compare__status")
    assert status.get_attribute("role") == "status"
    said = status.inner_text()
    assert chosen in said and "Chief Technology Officer" in said and len(said) < 160, said
    assert "Coverage" in tab.page.locator(".atlas-compare__note").inner_text()
    assert "b=" in tab.page.url
    tab.assert_clean()
