"""The atlas without hooks (issue 27): scripts/export writes the site source, any engine builds it,
scripts/postbuild finishes it, and the result is the hooked build's; every page's Markdown is
published beside it with llms.txt; the theme's overrides read only the pages' meta."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
import datafactory

from roleatlas import urls
from roleatlas.cards import Card
from roleatlas.postbuild import PLAN_FILE, AfterBuild, PageSearch, html_file, mark_page
from roleatlas.render.published import TOC_START, llms_txt, on_this_page, plain, reader_markdown
from roleatlas.render.role_page import render_role
from roleatlas.site_search import ARTICLE, IGNORED_START
from roleatlas.site_source import add_meta
from roleatlas_dev import mkdocs
from roleatlas_dev.site_export import differing_files, write_export


# --- templates without engine internals -------------------------------------------------------------

# What only MkDocs (or only a Python engine) hands a template: the page's File object, its parsed table
# of contents and rendered HTML picked apart, and Python's string methods on template values.
ENGINE_INTERNALS = re.compile(r"page\.file|page\.toc|page\.content|page\.is_homepage|\.split\(|\.endswith\(|"
                              r"\.startswith\(|\.replace\(|\.strip\(|\.format\(")


@pytest.mark.parametrize("template", ["main.html", "404.html"])
def test_the_overrides_read_only_the_pages_meta_and_the_config(template):
    text = (ROOT / "overrides" / template).read_text(encoding="utf-8")
    jinja = re.findall(r"\{\{.*?\}\}|\{%.*?%\}", text, re.S)  # the template's own code, not its scripts
    assert len(jinja) > 3
    assert not [found for code in jinja for found in ENGINE_INTERNALS.findall(code)], \
        f"overrides/{template} uses engine internals"


def test_on_this_page_lists_the_sections_under_the_title_with_their_anchors():
    page = ("---\ntitle: \"T\"\n---\n# Title\n\nIntro.\n\n## First { #first }\n\n### Inner { #inner data-search-exclude }\n\n"
            "=== \"Tab\"\n\n    ``` text\n    ## not a heading { #no }\n    ```\n\n## Second { #second }\n")
    out = on_this_page(page)
    head, _, rest = out.partition("# Title\n")
    assert head == "---\ntitle: \"T\"\n---\n"
    block = rest[: rest.index("Intro.")]
    assert TOC_START in block and "<summary>On this page</summary>" in block
    assert re.findall(r"^( *)- \[(.+?)\]\(#(.+?)\)$", block, re.M) == [
        ("", "First", "first"), ("    ", "Inner", "inner"), ("", "Second", "second")]
    assert on_this_page("# Only a title\n\nText.\n") == "# Only a title\n\nText.\n"


def test_role_pages_carry_their_on_this_page_list_in_their_markdown(atlas):
    from roleatlas.render.pages import iter_pages

    pages = dict(iter_pages(atlas, datafactory.TODAY))
    assert TOC_START in pages["roles/cto.md"] and "- [Responsibilities](#responsibilities)" in pages["roles/cto.md"]
    assert TOC_START in pages[urls.page_of("topic", atlas.topics[0].id)]
    assert TOC_START in pages[urls.page_of("comparison", atlas.comparisons[0].id)]
    assert TOC_START not in pages[urls.ROLES] and TOC_START not in pages[urls.MATRIX]


def test_add_meta_adds_keys_to_the_front_matter_and_keeps_the_page_s_own():
    assert add_meta("---\ntitle: \"T\"\nmarkdown: \"own.md\"\n---\n# T\n", markdown="x.md", edit_path="data/x.yaml") == (
        "---\nedit_path: \"data/x.yaml\"\ntitle: \"T\"\nmarkdown: \"own.md\"\n---\n# T\n")
    assert add_meta("# T\n", markdown="t.md", card_image=None) == "---\nmarkdown: \"t.md\"\n---\n\n# T\n"


# --- the reader's Markdown and llms.txt ---------------------------------------------------------------


def test_a_role_s_published_markdown_is_plain_text_with_its_sources_and_licences(atlas):
    page = render_role(atlas, atlas.role["cto"], datafactory.TODAY)
    text = reader_markdown(atlas, "roles/cto.md", on_this_page(page), "https://example.org/atlas/", "2026-01-02",
                           "Role Atlas")
    assert text.startswith("# Chief Technology Officer")
    assert "https://example.org/atlas/roles/cto/" in text.splitlines()[2]
    for noise in ("&#", "<small", "<span", "{ #", "data-search-exclude", "---\n", TOC_START, "jsonld"):
        assert noise not in text, noise
    assert "## Responsibilities\n" in text and "- Drive the architecture." in text
    assert "company's technology" in text  # the apostrophe, not &#39;
    # the citation links the source's entry; its title (the tooltip: what the source is) comes along
    assert re.search(r'\(Source: \[CTO vs VP of Engineering: Q&A thread\]\(\.\./sources\.md#cto-vs-vpe-thread "[^"]+"\)\)', text)
    assert "[Technology strategy](../skills/technology-strategy.md)" in text  # the other page's Markdown
    licences = text.split("\n## Licences\n", 1)[1]
    onet = atlas.source["onet-chief-executives"]
    assert f"Licence: {onet.licence}." in licences and onet.attribution.split()[0] in licences
    assert "Q&A thread" not in licences  # no licence stated: nothing to reuse under
    assert "[all sources](../sources.md)" in licences


def test_plain_keeps_a_less_than_sign_from_opening_html():
    assert plain("# T\n\nA &#60;script&#62; &#38; more\n") == "# T\n\nA &lt;script> & more\n"


def test_llms_txt_lists_every_role_comparison_topic_and_data_file(atlas):
    text = llms_txt(atlas, "Role Atlas", "Roles compared.", "", "2026-01-02", [urls.CAREER, urls.SOURCES])
    assert text.startswith("# Role Atlas\n\n> Roles compared.\n")
    links = re.findall(r"^- \[(.+?)\]\((.+?)\): ", text, re.M)
    addresses = [address for _, address in links]
    for role in atlas.roles:
        assert (role.title, urls.page_of("role", role.id)) in links
    for comparison in atlas.comparisons:
        assert urls.page_of("comparison", comparison.id) in addresses
    for topic in atlas.topics:
        assert urls.page_of("topic", topic.id) in addresses
    assert {"api/roles.json", "api/skills.json", "api/sources.json", "api/schema/export.schema.json"} <= set(addresses)
    assert urls.CAREER in addresses and urls.SALARIES not in addresses  # only pages that are published
    assert re.findall(r"^## (.+)$", text, re.M) == ["Roles", "Comparisons", "Topics", "Data files", "Optional"]


# --- after the build -----------------------------------------------------------------------------------


def test_the_after_build_plan_survives_its_file():
    plan = AfterBuild(cards=[Card("roles/a.md", "Role", "A", "line", "Site")],
                      search={"roles/a.md": PageSearch(weight=4.0), "tags.md": PageSearch(exclude=True)},
                      published={"roles/a.md": "# A\n", "llms.txt": "# Site\n"}, pagefind=False)
    assert AfterBuild.from_json(plan.to_json()) == plan


def test_a_built_page_is_marked_from_its_title_on_not_its_buttons():
    button = '<a class="md-content__button"><svg></svg></a>'
    page = (f"<html><body><nav><ul><li>menu</li></ul></nav>{ARTICLE}{button}<h1 id='t'>T</h1><p>kept</p>"
            "<table><tr><td>row</td></tr></table><h2 data-search-exclude id='s'>S</h2><p>gone</p></article></body></html>")
    marked = mark_page(page, PageSearch(weight=3.0, lists=True))
    assert 'data-pagefind-body data-pagefind-weight="3">' in marked
    assert marked.count(IGNORED_START) == 2  # the table, and the excluded section
    assert f"{button}<h1" in marked and "<nav><ul>" in marked  # buttons and navigation untouched
    assert marked.index("</article>") > marked.rindex("</div><!-- /search-ignored -->")
    assert mark_page(marked, PageSearch(weight=3.0, lists=True)) == marked, "marked once, however often run"
    assert html_file("roles/cto.md") == "roles/cto/index.html" and html_file("index.md") == "index.html"


# --- the export itself ---------------------------------------------------------------------------------


def test_the_export_is_a_site_source_without_hooks(tmp_path, monkeypatch):
    monkeypatch.delenv("REPO_URL", raising=False)
    data = datafactory.write_data(tmp_path / "input")
    config, pages = write_export(data, tmp_path / "out")
    settings = yaml.load(config.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # tags read as text
    assert "hooks" not in settings and "watch" not in settings and "edit_uri" not in settings
    assert settings["docs_dir"] == "docs" and settings["theme"]["custom_dir"] == "overrides"
    assert settings["extra"]["pagefind_search"] == "true"
    abbr = next(e["abbr"] for e in settings["markdown_extensions"] if isinstance(e, dict) and "abbr" in e)
    assert abbr["glossary"], "the glossary the hook hands to abbr"
    redirect = next(p["redirects"] for p in settings["plugins"] if isinstance(p, dict) and "redirects" in p)
    assert redirect["redirect_maps"], "the redirects the hook hands to mkdocs-redirects"
    docs = tmp_path / "out" / "docs"
    role = (docs / "roles" / "alpha.md").read_text(encoding="utf-8")
    assert role.startswith('---\ncard_image: "assets/images/social/roles/alpha.png"\n')
    assert '\nmarkdown: "roles/alpha.md"\n' in role and TOC_START in role
    assert '\nedit_path: "docs/use-the-data.md"\n' in (docs / "use-the-data.md").read_text(encoding="utf-8")
    assert (docs / "api" / "roles.json").is_file() and (docs / "assets" / "atlas.css").is_file()
    assert (tmp_path / "out" / "overrides" / "main.html").is_file()
    plan = AfterBuild.from_json((tmp_path / "out" / PLAN_FILE).read_text(encoding="utf-8"))
    assert {"roles/alpha.md", "llms.txt", "use-the-data.md"} <= set(plan.published) and "tags.md" not in plan.published
    assert plan.search["tags.md"].exclude and plan.search["roles/alpha.md"].weight == 4
    assert {c.page for c in plan.cards} >= {"index.md", "roles/alpha.md"}
    assert pages == len(list(docs.rglob("*.md")))
    unlisted = settings["not_in_nav"].split()  # what the hook leaves out of the navigation
    assert "/roles/alpha.md" in unlisted and "/roles/index.md" not in unlisted


def test_export_refuses_the_project_folder_and_reports_bad_data(tmp_path):
    run = lambda *args: subprocess.run([sys.executable, str(ROOT / "scripts" / "export"), *args],  # noqa: E731
                                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    for folder in (ROOT, ROOT / "docs" / "export"):
        refused = run(str(folder))
        assert refused.returncode == 2 and "holds the project" in refused.stderr, folder
    data = datafactory.write_data(tmp_path / "input")
    (data / "roles" / "alpha.yaml").write_text("id: alpha\ncoverage: partial\n", encoding="utf-8")
    bad = run(str(tmp_path / "out"), "--data", str(data))
    assert bad.returncode == 1 and "roles/alpha.yaml:" in bad.stderr and "Traceback" not in bad.stderr


# --- whole builds ----------------------------------------------------------------------------------------


def _engine(name: str, folder: Path, site: Path) -> None:
    result = subprocess.run([sys.executable, "-m", name, "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
                            cwd=folder, env=mkdocs.environment(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    finished = subprocess.run([sys.executable, str(ROOT / "scripts" / "postbuild"), str(site), "--plan",
                               str(folder / PLAN_FILE)], capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr[-3000:]


@pytest.mark.slow
def test_the_export_built_by_mkdocs_or_properdocs_is_the_hooked_site(site, tmp_path, monkeypatch):
    monkeypatch.delenv("REPO_URL", raising=False)
    monkeypatch.delenv("SITE_URL", raising=False)
    write_export(ROOT / "data", tmp_path / "export")
    _engine("mkdocs", tmp_path / "export", tmp_path / "by-mkdocs")
    assert differing_files(site, tmp_path / "by-mkdocs") == []
    _engine("properdocs", tmp_path / "export", tmp_path / "by-properdocs")
    assert differing_files(tmp_path / "by-mkdocs", tmp_path / "by-properdocs", any_generator=True) == []
    assert differing_files(tmp_path / "by-mkdocs", tmp_path / "by-properdocs"), "ProperDocs built it, not MkDocs"


@pytest.mark.slow
@pytest.mark.parametrize("page", ["roles/cto.md", "compare/cto-vs-vp-engineering.md", "topics/compensation.md"])
def test_a_page_s_markdown_is_published_beside_it_and_linked_from_it(site, page):
    text = (site / page).read_text(encoding="utf-8")
    html = (site / html_file(page)).read_text(encoding="utf-8")
    title = re.search(r"<h1[^>]*>(.*?)<", html).group(1).strip()
    assert text.startswith(f"# {title}")
    for noise in ("&#", "<small", "<div", "{ #", "data-search-exclude", TOC_START):
        assert noise not in text, f"{page}: {noise}"
    link = re.search(r'<a href="([^"]+)" title="This page as Markdown[^"]*"[^>]*>', html)
    assert link and (site / html_file(page)).parent.joinpath(link.group(1)).resolve() == (site / page).resolve()
    for target in re.findall(r"\]\(((?:\.\./)*[a-z0-9/-]+\.md)(?:#[^)]*)?\)", text):
        assert (site / page).parent.joinpath(target).resolve().is_file(), f"{page} links to {target}"
    assert re.search(r"^## Sources\n\n- \[", text, re.M), f"{page} names no sources"


@pytest.mark.slow
def test_llms_txt_at_the_root_leads_to_published_files(site, atlas):
    text = (site / "llms.txt").read_text(encoding="utf-8")
    addresses = re.findall(r"^- \[.+?\]\((.+?)\): ", text, re.M)
    assert {urls.page_of("role", r.id) for r in atlas.roles} <= set(addresses)
    assert all((site / address).is_file() for address in addresses), [a for a in addresses if not (site / a).is_file()]
    assert json.loads((site / "api" / "roles.json").read_text(encoding="utf-8"))["roles"]
