"""Rendering is pure: an Atlas in, Markdown out. These tests need no MkDocs."""

from __future__ import annotations

import html
import re

import markdown
import pytest

import datafactory
from datafactory import TODAY
from roleatlas.load import load
from roleatlas.model import ROLE_SECTIONS
from roleatlas.problems import DataError
from datafactory import render_site


@pytest.fixture()
def small(tmp_path):
    return load(datafactory.write_data(tmp_path), root=tmp_path, today=TODAY)


def html_of(page_markdown: str) -> str:
    body = page_markdown.split("---\n", 2)[2]
    return markdown.markdown(body, extensions=["tables", "attr_list", "md_in_html", "admonition", "pymdownx.superfences"])


def test_every_role_skill_and_index_page_is_rendered(small):
    pages = render_site(small, TODAY)
    assert {"index.md", "roles/index.md", "skills/index.md", "sources.md", "roles/alpha.md", "roles/beta.md",
            "skills/python.md", "skills/mentoring.md", "skills/unused-skill.md", "topics/demand.md",
            "compare/alpha-vs-beta.md", "perspectives.md", "glossary.md"} <= set(pages)


def test_role_page_links_its_skills_related_roles_and_sources(small):
    page = render_site(small, TODAY)["roles/alpha.md"]
    assert "[Python](../skills/python.md)" in page
    assert "[Mentoring](../skills/mentoring.md)" in page
    # beta is also alpha's next career step: said once, in the career path; beta's page keeps the relation
    assert "[Beta Lead](beta.md)" in page.split("## Career path", 1)[1].split("## ", 1)[0]
    assert "Works beside it." in render_site(small, TODAY)["roles/beta.md"]
    assert "Source: [Source A](../sources.md#src-a " in page  # with its tooltip (test_sources_placed.py)
    assert "| Typical experience | 7–10 years |" in page


def test_role_page_anchors_come_from_data_ids(small):
    html = html_of(render_site(small, TODAY)["roles/alpha.md"])
    for anchor in ("summary", "responsibilities", "lead-people", "qualifications", "coding", "skills", "salary"):
        assert f'id="{anchor}"' in html


def test_related_role_links_back_to_the_role_that_names_it(small):
    assert "[Alpha Officer](alpha.md): Works beside it." in render_site(small, TODAY)["roles/beta.md"]


def test_skill_page_lists_exactly_the_roles_that_need_it(small):
    pages = render_site(small, TODAY)
    python = pages["skills/python.md"]
    assert "[Alpha Officer](../roles/alpha.md)" in python and "Beta Lead" not in python
    mentoring = pages["skills/mentoring.md"]
    assert "[Alpha Officer](../roles/alpha.md)" in mentoring and "[Beta Lead](../roles/beta.md)" in mentoring
    assert "../roles/" not in pages["skills/unused-skill.md"]


def test_roles_index_shows_focus_experience_and_salary_range(small):
    index = render_site(small, TODAY)["roles/index.md"]
    row = html.unescape(next(line for line in index.splitlines() if line.startswith("| [Alpha Officer]")))
    # no official figure in this data: the estimate alone, with its label, measure, year and source
    assert ("| Average pay: $100,000 – $200,000 per year (United States, 2024); average from Source A | full |"
            in row), row
    assert "| [Beta Lead](beta.md) | Strategy | not stated | not stated | full |" in index


def test_comparison_cells_link_the_claims_that_back_them(small):
    page = render_site(small, TODAY)["compare/alpha-vs-beta.md"]
    assert "strategic [&#91;1&#93;](../perspectives.md#p-one-alpha)" in page
    assert "tactical [&#91;1&#93;](../perspectives.md#p-one-alpha)" in page


@pytest.mark.parametrize("evil", [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "a | b | c", "[x](javascript:alert(1))",
    "# heading", "`code`", "{{ 7*7 }}", "{% raw %}", "*[CTO]: nope", "**bold** _it_",
])
def test_text_from_yaml_stays_literal_text(tmp_path, evil):
    roles = datafactory.base_roles()
    roles["alpha"]["responsibilities"][0]["items"] = [evil]
    roles["alpha"]["focus"]["text"] = evil
    atlas = load(datafactory.write_data(tmp_path, roles=roles), root=tmp_path, today=TODAY)
    pages = render_site(atlas, TODAY)
    for page in ("roles/alpha.md", "roles/index.md"):
        rendered = html_of(pages[page]).split('id="job-description"')[0]  # the job description is a code block
        assert "<script" not in rendered and "<img" not in rendered and "<a href=\"javascript" not in rendered
        assert "<code>" not in rendered and "<strong>bold" not in rendered
    page = html_of(pages["roles/alpha.md"])
    item = re.search(r'id="lead-people".*?<li>(.*?)</li>', page, re.S).group(1)
    assert "<" not in item and html.unescape(item) == evil
    focus = re.search(r"<td>Focus</td>\s*<td>(.*?)</td>", page, re.S).group(1)
    assert html.unescape(focus) == evil


def test_links_and_escapes_made_once_stay_right_for_each_page_and_kind_of_text():
    """The link and escape caches key on the page's folder and the text's kind: escaped text
    (Markup) and the same characters as plain text must not share an entry."""
    from markupsafe import Markup

    from roleatlas.render.markup import link, md

    assert link("A&B", "roles/x.md", "roles/y.md") == "[A&#38;B](x.md)"
    assert link("A&B", "roles/x.md", "skills/y.md") == "[A&#38;B](../roles/x.md)"
    assert link("A&B", "roles/x.md#top", "index.md") == "[A&#38;B](roles/x.md#top)"
    assert link(Markup("A&#38;B"), "roles/x.md", "roles/y.md") == "[A&#38;B](x.md)"
    assert link("A&#38;B", "roles/x.md", "roles/y.md") == "[A&#38;&#35;38;B](x.md)"
    assert md("a  <b>\n c") == "a &#60;b&#62; c" and md(7) == "7"


@pytest.mark.data
def test_headline_pay_is_the_official_median_and_each_estimate_stands_alone(atlas):
    """At a glance: the occupation's official median first; then every estimate on its own line with
    its title, measure, year and source, never merged into one span ("$130,000 – $500,000+")."""
    from roleatlas.render.role_page import render_role

    page = html.unescape(render_role(atlas, atlas.role["vp-ai-ml-engineering"]))
    official = next(line for line in page.splitlines() if line.startswith("| Official pay |"))
    assert "median annual wage of all Architectural and Engineering Managers (SOC 11-9041)" in official
    assert "May 2025" in official
    estimates = next(line for line in page.splitlines() if line.startswith("| Practitioners' estimates |"))
    lines = estimates.split("|")[2].split("<br>")
    assert len(lines) == len(atlas.role["vp-ai-ml-engineering"].salaries) == 4
    assert all(line.strip().startswith("• ") for line in lines)
    assert any("Full spread of salaries, VP of AI/ML Engineering: $130,000 – $500,000+ per year" in line
               and "broad range from VP of AI/ML Engineering: role profile" in line for line in lines)
    assert any("Estimated total pay, Vice President Machine Learning Engineer: $283,018" in line and "total pay" in line
               for line in lines)
    assert "$130,000 – $500,000+ (United States" not in page  # the old merged span


def test_role_pages_warn_about_old_figures_against_the_build_date(atlas):
    from datetime import date

    from roleatlas.render.role_page import render_role

    role = atlas.role["vp-ai-ml-engineering"]
    assert '!!! warning "Older figures"' not in render_role(atlas, role, date(2025, 6, 1))
    old = html.unescape(render_role(atlas, role, date(2030, 6, 1)))
    assert '!!! warning "Older figures"' in old and "built 2030-06-01" in old
    assert old.index("Older figures") > old.index("## Practitioners' salary estimates")


NOTICE = "The publisher marks this code obsolete; no replacement is named."


def atlas_with_a_notice(tmp_path, notice: str = NOTICE):
    """Two occupations, one with a publisher's notice (cited to its own source); alpha is mapped to
    it and has its official pay, beta to the other."""
    colls = datafactory.base_collections()
    colls["sources"].append({"id": "src-b", "title": "Source B", "kind": "test page", "covers": "the code's standing"})
    occupation = {"system": "ISCO-08", "url": "https://example.org/isco", "source": datafactory.SOURCE}
    colls["occupations"] = [{**occupation, "id": "occ-one", "code": "1330", "title": "ICT service managers",
                             "notices": [{"text": notice, "source": "src-b"}]},
                            {**occupation, "id": "occ-two", "code": "2512", "title": "Software developers"}]
    colls["salaries"].append({"id": "occ-pay", "label": "Median pay", "measure": "median", "currency": "EUR",
                              "region": "EU", "year": 2024, "amount": 90000, "occupation": "occ-one",
                              "source": datafactory.SOURCE})
    roles = datafactory.base_roles()
    for rid, occ in (("alpha", "occ-one"), ("beta", "occ-two")):
        roles[rid]["classifications"] = [{"system": "ISCO-08", "relation": "broader", "occupation": occ,
                                          "source": datafactory.SOURCE}]
    return load(datafactory.write_data(tmp_path, collections=colls, roles=roles), root=tmp_path, today=TODAY)


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def warning_boxes(page_html: str) -> list[str]:
    return re.findall(r'<div class="admonition warning">(.*?)</div>', page_html, re.S)


def test_a_publisher_s_notice_on_a_code_is_a_cited_warning_beside_the_code(tmp_path):
    atlas = atlas_with_a_notice(tmp_path)
    pages = render_site(atlas, TODAY)
    role = html_of(pages["roles/alpha.md"])
    block = role.split('id="classifications"')[1].split("<h2")[0]
    item = re.search(r"<li>(.*?)</li>", block, re.S).group(1)  # the notice sits in the code's own item
    assert "1330 ICT service managers" in text_of(item)
    [box] = warning_boxes(item)
    assert text_of(box) == f"Notice on ISCO-08 1330 {NOTICE} Source: Source B"
    assert re.search(r'<a href="\.\./sources\.md#src-b" title="[^"]*">Source B</a>', box)
    assert "Source B" in text_of(role.split('id="sources"')[1])  # listed with the page's sources
    assert not warning_boxes(html_of(pages["roles/beta.md"]))

    crosswalk = html_of(pages["crosswalk.md"])
    entry = crosswalk.split('id="occ-one"')[1].split("<h3")[0]
    [box] = warning_boxes(entry)
    assert entry.index("admonition warning") < entry.index("<table>")  # under the heading, before the facts
    assert text_of(box) == f"Notice on ISCO-08 1330 {NOTICE} Source: Source B"
    assert re.search(r'<a href="sources\.md#src-b" title="[^"]*">Source B</a>', box)
    assert not warning_boxes(crosswalk.split('id="occ-two"')[1])
    rows = {rid: next(r for r in re.findall(r"<tr>(.*?)</tr>", crosswalk, re.S) if f"roles/{rid}.md" in r)
            for rid in ("alpha", "beta")}
    assert '<a href="crosswalk.md#occ-one">⚠ notice on this code</a>' in rows["alpha"]
    assert "⚠" not in rows["beta"]

    salaries = html_of(pages["salaries.md"])
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", salaries, re.S) if 'id="occ-pay"' in r)
    assert '<a href="crosswalk.md#occ-one">⚠ notice on this code</a>' in row


@pytest.mark.parametrize("evil", ["<script>alert(1)</script>", "[x](javascript:alert(1))", "a | b", "!!! danger",
                                  "{{ 7*7 }}", "**bold**\n\n    # heading"])
def test_a_notice_s_text_stays_literal_in_its_box(tmp_path, evil):
    pages = render_site(atlas_with_a_notice(tmp_path, evil), TODAY)
    for page, anchor, end in (("roles/alpha.md", "classifications", "<h2"), ("crosswalk.md", "occ-one", "<h3")):
        [box] = warning_boxes(html_of(pages[page]).split(f'id="{anchor}"')[1].split(end)[0])
        assert "<script" not in box and "javascript:" not in box and "<strong>" not in box and "<h1" not in box
        assert text_of(box) == f"Notice on ISCO-08 1330 {' '.join(evil.split())} Source: Source B"


# --- role-page anchors: one list for the template and for validation ---------------------------


def test_every_heading_of_the_role_page_takes_its_anchor_from_the_shared_list():
    from roleatlas.render.markup import TEMPLATES

    template = (TEMPLATES / "role.md.j2").read_text(encoding="utf-8")
    literal = re.findall(r"\{ #(?!\{\{)([^ }]+)", template)
    assert literal == [], f"write these anchors as anchors.<name> (model.ROLE_SECTIONS): {literal}"
    used = set(re.findall(r"anchors\.([a-z_]+)", template)) | {"required_qualifications", "preferred_qualifications"}
    assert used == set(ROLE_SECTIONS), "ROLE_SECTIONS lists a section the page does not have, or misses one"


@pytest.mark.parametrize("section", ["required-qualifications", "job-description", "official-pay"])
def test_a_data_id_cannot_take_a_fixed_anchor_of_the_role_page(tmp_path, section):
    roles = datafactory.base_roles()
    roles["alpha"]["qualifications"]["required"][0]["id"] = section
    with pytest.raises(DataError) as err:
        load(datafactory.write_data(tmp_path, roles=roles), root=tmp_path, today=TODAY)
    assert f"id '{section}' is a fixed section of the page; choose another id" in str(err.value)


# --- a page's sources: what it cites, derived from the model's marks ------------------------------


def yaml_sources(value) -> set[str]:
    """Every value of a `source` key, at any depth of a data file's content."""
    if isinstance(value, dict):
        return {v for k, v in value.items() if k == "source" and isinstance(v, str)} | \
            set().union(*(yaml_sources(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(yaml_sources(v) for v in value))
    return set()


def test_a_role_page_lists_every_source_it_cites_and_every_source_in_its_file(atlas):
    import yaml

    from conftest import ROOT

    pages = render_site(atlas, TODAY)
    for role in atlas.roles:
        page = pages[f"roles/{role.id}.md"]
        body, listed = page.split("\n## Sources ", 1)
        cited = set(re.findall(r"sources\.md#([a-z0-9-]+)", body)) - {"atlas-wording"}
        in_list = set(re.findall(r"sources\.md#([a-z0-9-]+)", listed))
        assert cited <= in_list, f"{role.id}: cited but not in its Sources list: {cited - in_list}"
        in_file = yaml_sources(yaml.safe_load((ROOT / "data" / "roles" / f"{role.id}.yaml").read_text(encoding="utf-8")))
        assert in_file <= in_list, f"{role.id}: sourced in its file but not listed: {in_file - in_list}"


def test_sources_in_finds_a_sourced_field_at_any_depth_by_its_mark_alone():
    from dataclasses import dataclass

    from roleatlas.model import doc, opt, sources_in

    @dataclass(frozen=True)
    class Inner:
        says: str = doc("Who says it.", ref="source")
        other: str = doc("Not a source.", ref="role")

    @dataclass(frozen=True)
    class Outer:
        inner: tuple[Inner, ...] = opt("Nested.", ())
        also: tuple[str, ...] = opt("Several sources.", (), ref="source")
        none: str | None = opt("Unset.", None, ref="source")

    value = Outer(inner=(Inner(says="a", other="cto"), Inner(says="b", other="vp")), also=("c",))
    assert sorted(sources_in(value)) == ["a", "b", "c"]


# --- a salary figure's title is a field, never read out of its label ------------------------------


@pytest.mark.parametrize(("label", "title", "other_title"), [
    ("Average pay, Gamma Lead", None, False),  # a comma in the label names nothing
    ("Average pay", "Gamma Lead", True),  # the title given, not one of the role's names
    ("Average pay, AO", "AO", False),  # one of the role's names (its abbreviation)
])
def test_an_estimate_names_a_figure_for_another_title_from_its_title_field(tmp_path, label, title, other_title):
    from roleatlas.formats import role_estimates

    collections = datafactory.base_collections()
    figure = collections["salaries"][0]
    figure["label"] = label
    if title:
        figure["title"] = title
    atlas = load(datafactory.write_data(tmp_path, collections=collections), root=tmp_path, today=TODAY)
    estimates = " | ".join(role_estimates(atlas, atlas.role["alpha"]))
    assert label in estimates
    assert ("(for the title Gamma Lead)" in estimates) is other_title, estimates
