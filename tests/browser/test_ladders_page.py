"""The career ladders page in Chromium (issue 25): a link to one level opens on that level, both
tracks are side by side in the level's row, and the page fits a phone without cutting a table."""

from __future__ import annotations

import pytest

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

ROW_OF = """anchor => {
    const cell = document.getElementById(anchor), row = cell.closest('tr');
    const r = row.getBoundingClientRect(), link = cell.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, height: innerHeight, cells: [...row.cells].map(c => c.textContent.trim()),
            linkLeft: link.left, linkRight: link.right, width: innerWidth,
            page: document.documentElement.scrollWidth, header: document.querySelector('.md-header').offsetHeight};
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_link_to_a_level_opens_on_its_row_with_both_tracks(open_tab, viewport):
    tab = open_tab(viewport)
    tab.goto("ladders/#gitlab-grade-10")
    tab.page.wait_for_function("() => scrollY > 0")
    row = tab.page.evaluate(ROW_OF, "gitlab-grade-10")
    assert row["header"] - 2 <= row["top"] < row["height"] / 2, row  # the row is at the top, under the header
    level, management, engineer = row["cells"]
    assert level.startswith("Grade 10") and management.startswith("Director of Engineering"), row
    assert engineer.startswith("Distinguished Engineer"), row
    assert row["page"] <= row["width"] and row["linkRight"] <= row["width"], row  # nothing wider than the screen
    tab.assert_clean()


def test_selecting_a_level_gives_its_address(open_tab):
    tab = open_tab(PHONE)
    tab.goto("ladders/")
    tab.page.locator("#dropbox-level-5").click()
    assert tab.page.url.endswith("/ladders/#dropbox-level-5")
    row = tab.page.evaluate(ROW_OF, "dropbox-level-5")
    assert "Staff Engineer" in row["cells"][2] and "Senior Engineering Manager" in row["cells"][1], row
