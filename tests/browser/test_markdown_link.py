"""The "Markdown" button of a page opens its published Markdown, as plain text (issue 27).

The text page itself is not checked for clean loading: for a document without icons Chromium asks
the server's root for /favicon.ico on its own, which a site published below a path does not own."""

from __future__ import annotations

import pytest

from .conftest import DESKTOP, PHONE


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_markdown_button_opens_the_role_s_markdown_as_text(open_tab, viewport):
    tab = open_tab(viewport)
    tab.goto("roles/cto/")
    button = tab.page.get_by_role("link", name="Markdown", exact=True).and_(tab.page.locator(".md-content__button"))
    assert button.is_visible()
    box = button.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24, f"too small to tap: {box}"
    title = tab.page.locator("h1").bounding_box()
    assert box["y"] + box["height"] <= title["y"] + title["height"], "the button sits beside or above the title"
    tab.assert_clean()
    with tab.page.expect_navigation() as opened:
        button.click()
    response = opened.value
    assert response.ok and response.url.endswith("/roles/cto.md")
    assert response.headers["content-type"].startswith("text/"), response.headers["content-type"]
    text = tab.page.locator("body").inner_text()
    assert text.startswith("# Chief Technology Officer"), text[:200]
    assert "## Responsibilities" in text and "<small" not in text
