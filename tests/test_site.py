"""The real site, built with `mkdocs build --strict` exactly as the README's commands do."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, build_site


def links_in(html_file: Path) -> set[str]:
    return set(re.findall(r'href="([^"#]*)', html_file.read_text(encoding="utf-8")))


def test_every_role_and_skill_has_its_page(site, atlas):
    for role in atlas.roles:
        assert (site / "roles" / role.id / "index.html").is_file(), role.id
    for skill in atlas.skills:
        assert (site / "skills" / skill.id / "index.html").is_file(), skill.id
    for page in ("index.html", "roles/index.html", "skills/index.html", "sources/index.html", "404.html",
                 "sitemap.xml"):
        assert (site / page).is_file(), page


def test_search_indexes_every_page_marked_for_it_and_every_role_page_is_marked(site, atlas):
    """Search answers from Pagefind (Material's own index is emptied on purpose: test_site_search)."""
    marked = {p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")
              if "data-pagefind-body" in p.read_text(encoding="utf-8")}
    assert {f"roles/{role.id}" for role in atlas.roles} <= marked
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == len(marked)


def test_role_and_skill_pages_link_each_other(site, atlas):
    for role in atlas.roles:
        role_links = links_in(site / "roles" / role.id / "index.html")
        for skill_id in {n.skill for n in role.skills}:
            assert f"../../skills/{skill_id}/" in role_links, (role.id, skill_id)
            assert f"../../roles/{role.id}/" in links_in(site / "skills" / skill_id / "index.html"), (skill_id, role.id)


def test_each_skill_page_lists_exactly_the_roles_that_reference_it(site, atlas):
    for skill in atlas.skills:
        expected = {r.id for r in atlas.roles
                    if skill.id in {n.skill for n in r.skills}
                    or any(skill.id in q.skills for q in r.qualifications.required + r.qualifications.preferred)}
        html = (site / "skills" / skill.id / "index.html").read_text(encoding="utf-8")
        table = html.split('id="roles"', 1)[1]
        listed = set(re.findall(r'href="../../roles/([a-z0-9-]+)/"', table))
        assert listed == expected, skill.id


@pytest.mark.slow
def test_the_build_writes_nothing_into_docs(tmp_path):
    before = sorted(p.relative_to(ROOT / "docs") for p in (ROOT / "docs").rglob("*"))
    assert build_site(tmp_path / "site").returncode == 0
    assert sorted(p.relative_to(ROOT / "docs") for p in (ROOT / "docs").rglob("*")) == before


@pytest.mark.slow
def test_broken_data_stops_the_build_with_one_line_per_problem(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    role_file = data / "roles" / "cto.yaml"
    role_file.write_text(role_file.read_text(encoding="utf-8").replace("coverage: full", "coverage: ful")
                         + "\nsalary_band: high\n", encoding="utf-8")
    result = build_site(tmp_path / "site", data=data)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = (result.stderr + result.stdout).splitlines()
    assert any(re.search(r"roles/cto\.yaml:\d+: coverage: got the text 'ful'; expected one of 'full', 'limited'", ln)
               for ln in lines), result.stderr
    assert any(re.search(r"roles/cto\.yaml:\d+: salary_band: unknown field", ln) for ln in lines), result.stderr
    assert "2 problem(s) in the data files" in result.stderr
