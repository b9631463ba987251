"""What Pagefind indexes (hooks/roleatlas/site_search.py): marked in the HTML, checked on the built site."""

from __future__ import annotations

import json
import re

import pytest

from roleatlas import site_search
from roleatlas.site_search import ARTICLE, SearchIndexError, mark_body, skip_excluded_sections

# The role page's sections that repeat other pages, left out of search (role.md.j2, data-search-exclude).
LEFT_OUT = ("official-pay", "salary", "career", "related-roles", "perspectives", "job-description", "sources")


def test_a_skipped_heading_takes_its_section_with_it_up_to_the_next_heading_of_its_level():
    content = ('<h2 id="a">A</h2><p>kept</p>'
               '<h2 data-search-exclude id="b">B</h2><p>gone</p><h3 id="b1">B1</h3><p>gone too</p>'
               '<h2 id="c">C</h2><p>kept</p>'
               '<h3 data-search-exclude id="d">D</h3><p>gone</p>')
    marked = skip_excluded_sections(content)
    ignored = re.findall(r'<div data-pagefind-ignore="all">(.*?)</div><!-- /search-ignored -->', marked)
    assert ignored == ['<h2 data-search-exclude id="b">B</h2><p>gone</p><h3 id="b1">B1</h3><p>gone too</p>',
                       '<h3 data-search-exclude id="d">D</h3><p>gone</p>']
    assert site_search.unmark(marked) == content


def test_a_page_without_skipped_headings_is_unchanged():
    content = '<h2 id="a">A</h2><p>text <small data-search-exclude>Source: x</small></p>'
    assert skip_excluded_sections(content) == content


def test_the_article_is_marked_with_the_page_s_boost_as_its_weight():
    page = f"<body><nav></nav>{ARTICLE}<h1>T</h1></article></body>"
    assert '<article class="md-content__inner md-typeset" data-pagefind-body>' in mark_body(page)
    assert 'data-pagefind-body data-pagefind-weight="4">' in mark_body(page, 4)
    assert 'data-pagefind-weight="10">' in mark_body(page, 40)  # Pagefind's scale ends at 10
    assert site_search.unmark(mark_body(page, 4)) == page


def test_a_page_without_material_s_article_is_an_error_not_a_page_search_misses():
    with pytest.raises(SearchIndexError, match="Material's page template"):
        mark_body("<body><main>no article</main></body>")


def test_material_s_own_index_keeps_its_settings_and_no_documents():
    raw = json.dumps({"config": {"lang": ["en"], "separator": "[\\s]+"}, "docs": [{"location": "", "title": "x", "text": "y"}]})
    assert json.loads(site_search.empty_material_index(raw)) == {"config": {"lang": ["en"], "separator": "[\\s]+"}, "docs": []}


@pytest.mark.slow
def test_the_built_site_is_indexed_by_pagefind_and_material_s_index_is_empty(site):
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    assert json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"] == []
    assert (site / "assets" / "search-worker.js").is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'app.search = "assets/search-worker.js"' in home  # Material's search box starts our worker


@pytest.mark.slow
def test_role_pages_are_indexed_without_the_sections_that_repeat_other_pages(site, atlas):
    for role in atlas.roles:
        page = (site / "roles" / role.id / "index.html").read_text(encoding="utf-8")
        assert 'data-pagefind-body data-pagefind-weight="4"' in page, role.id
        body = page.split("data-pagefind-body", 1)[1]
        ignored = "".join(re.findall(r'<div data-pagefind-ignore="all">(.*?)</div><!-- /search-ignored -->', body, re.S))
        for anchor in LEFT_OUT:
            if f'id="{anchor}"' in page:
                assert f'id="{anchor}"' in ignored, (role.id, anchor)
        for kept in ("summary", *(area.id for area in role.responsibilities)):
            assert f'id="{kept}"' in body and f'id="{kept}"' not in ignored, (role.id, kept)


@pytest.mark.slow
def test_pages_kept_out_of_search_and_the_404_page_are_not_indexed(site):
    assert "data-pagefind-body" not in (site / "404.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in (site / "changes" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in (site / "skills" / "python" / "index.html").read_text(encoding="utf-8")


def test_a_list_page_keeps_its_prose_and_skips_whole_tables_lists_and_diagrams():
    content = ('<h1 id="t">Roles</h1><p>Intro.</p><table><tr><td>CTO</td></tr></table>'
               '<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul><p>More prose.</p>'
               '<pre class="mermaid"><code>graph TD</code></pre><svg><g><text>x</text></g></svg>')
    marked = skip_excluded_sections(site_search.skip_repeated_lists(content))
    ignored = re.findall(r'<div data-pagefind-ignore="all">(.*?)</div><!-- /search-ignored -->', marked, re.S)
    assert ignored == ["<table><tr><td>CTO</td></tr></table>", "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>",
                       '<pre class="mermaid"><code>graph TD</code></pre>', "<svg><g><text>x</text></g></svg>"]
    assert site_search.unmark(marked) == content
