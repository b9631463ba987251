"""Every source can be placed by a reader (issue 26, point 2): what it is, what it can and cannot
support, how old it is; official sources keep publisher, release date and licence; every citation's
tooltip says what the source is, and links to its entry."""

from __future__ import annotations

import pytest

import html
import re

import markdown

from datafactory import render_site
from roleatlas.render.placing import placing, tooltip
from datafactory import TODAY

EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "abbr", "toc", "pymdownx.superfences",
              "pymdownx.details", "pymdownx.tabbed"]


def sources_html(atlas) -> str:
    page = render_site(atlas, TODAY)["sources.md"]
    return html.unescape(markdown.markdown(page.split("---\n", 2)[2], extensions=EXTENSIONS))


def entry(page: str, source_id: str) -> str:
    return page.split(f'id="{source_id}"', 1)[1].split("<h2", 1)[0]


def row(block: str, name: str) -> str:
    found = re.search(rf"<td>{name}</td>\s*<td>(.*?)</td>", block, re.S)
    assert found, f"no {name!r} row"
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


@pytest.mark.data
def test_every_source_says_what_it_can_and_cannot_support_and_how_old_it_is(atlas):
    page = sources_html(atlas)
    for source in atlas.sources:
        block = entry(page, source.id)
        for name in ("Can support", "Cannot support", "How old"):
            assert row(block, name) and "Not described yet" not in row(block, name), (source.id, name)
        if source.publisher:  # official sources keep publisher, release date and licence
            assert row(block, "Publisher") == source.publisher and row(block, "Licence")
            assert source.data_date in block


@pytest.mark.data
def test_the_two_texts_describe_themselves_as_the_issue_asks(atlas):
    page = sources_html(atlas)
    thread = entry(page, "cto-vs-vpe-thread")
    assert "five answers" in thread and "title, their industry and the size of their company" in thread
    assert "no date" in row(thread, "How old")
    assert "not a survey" in row(thread, "Cannot support")
    profile = entry(page, "vp-ai-ml-profile")
    assert "2024" in profile and "names no author, survey or data set" in profile
    assert "no date" in row(profile, "How old") and "2024" in row(profile, "How old")
    assert "official pay" in row(profile, "Cannot support").lower()


def test_a_citation_s_tooltip_places_its_source_and_links_to_it(atlas):
    pages = render_site(atlas, TODAY)
    vp = pages["roles/vp-engineering.md"]
    profile = atlas.source["vp-ai-ml-profile"]
    # the figure "$224,452" on the VP of Engineering page: its source link says what the source is
    assert f'(../sources.md#vp-ai-ml-profile "{tooltip(profile)}")' in vp
    assert tooltip(profile).startswith("Role profile. Pay figures for 2024")
    rendered = markdown.markdown(vp.split("---\n", 2)[2], extensions=EXTENSIONS)
    assert re.search(r'<a href="../sources.md#vp-ai-ml-profile" title="Role profile\. Pay figures for 2024', rendered)
    for source in atlas.sources:
        assert placing(source).age and '"' not in tooltip(source) and "(" not in tooltip(source)
