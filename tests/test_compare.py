"""The comparison layer works for any roles a contributor adds, with no code change."""

from __future__ import annotations

from datetime import date

import pytest

import datafactory
from datafactory import TODAY
from conftest import ROOT, build_site
from roleatlas.load import load
from datafactory import render_site
from roleatlas.render.salary_chart import is_stale
from roleatlas.model import Salary


def with_gamma(tmp_path):
    roles = datafactory.base_roles()
    roles["gamma"] = datafactory.role(
        "gamma", "Gamma Principal", level="individual-contributor",
        skills=[{"skill": "python", "need": "required", "source": datafactory.SOURCE}],
        career_from=[{"role": "beta", "source": datafactory.SOURCE}])
    return datafactory.write_data(tmp_path, roles=roles)


def test_a_new_role_file_appears_everywhere_without_code_changes(tmp_path):
    pages = render_site(load(with_gamma(tmp_path), root=tmp_path, today=TODAY), TODAY)
    assert "roles/gamma.md" in pages
    assert "[Gamma Principal](../roles/gamma.md)" in pages["compare/matrix.md"]
    assert '<option value="gamma">Gamma Principal</option>' in pages["compare/index.md"]
    assert "[Gamma Principal](../roles/gamma.md)" in pages["skills/python.md"]
    diagram = pages["career-paths.md"]
    assert 'r_gamma["Gamma Principal"]' in diagram and "r_beta --> r_gamma" in diagram
    assert 'click r_gamma href "../roles/gamma/"' in diagram  # the page is served at /career-paths/
    assert "[Gamma Principal](gamma.md)" in pages["roles/index.md"]


@pytest.mark.slow
def test_a_new_role_builds_strictly_with_its_page_linked_from_its_skill(tmp_path):
    data = tmp_path / "data"
    import shutil

    shutil.copytree(ROOT / "data", data)
    (data / "roles" / "head-of-platform.yaml").write_text(
        "id: head-of-platform\ntitle: Head of Platform\ncoverage: limited\nlevel: director\n"
        "summary: {text: Runs the internal platform., source: %s}\n"
        "focus: {text: Internal platform, source: %s}\n"
        "skills:\n  - {skill: python, need: mentioned, source: %s}\n"
        "career_to:\n  - {role: cto, source: %s}\n" % ((load(ROOT / "data", root=ROOT, today=TODAY).sources[0].id,) * 4),
        encoding="utf-8")
    result = build_site(tmp_path / "site", data=data)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert 'href="../../roles/head-of-platform/"' in (site / "skills/python/index.html").read_text()
    assert "head-of-platform" in (site / "compare/matrix/index.html").read_text()
    assert 'value="head-of-platform"' in (site / "compare/index.html").read_text()
    assert "r_head_of_platform" in (site / "career-paths/index.html").read_text()


@pytest.mark.data
def test_comparison_rows_show_each_roles_position_with_its_claim():
    atlas = load(ROOT / "data", root=ROOT, today=TODAY)
    page = render_site(atlas, TODAY)["compare/cto-vs-vp-engineering.md"]
    for dim_id in atlas.comparisons[0].dimensions:
        assert f'<span id="{dim_id}"></span>' in page
    claims = [c for p in atlas.perspectives for c in p.claims if c.stances]
    assert all(f"perspectives.md#{c.id}" in page for c in claims
               if c.dimension in atlas.comparisons[0].dimensions)


@pytest.mark.parametrize("year, built, stale", [
    (2024, date(2026, 6, 30), False), (2024, date(2026, 7, 3), True), (2024, date(2025, 1, 1), False),
])
def test_salary_figures_older_than_two_years_are_flagged(year, built, stale):
    s = Salary(id="x", label="x", measure="average", currency="USD", region="US", year=year, source="s", amount=1)
    assert is_stale(s, built) is stale


def test_salary_page_warns_about_old_figures_and_has_a_text_table(tmp_path):
    atlas = load(datafactory.write_data(tmp_path), root=tmp_path, today=TODAY)
    old = render_site(atlas, built=date(2027, 3, 1))["salaries.md"]
    assert '!!! warning "Older figures"' in old and "    - Average pay (United States, 2024)" in old
    assert '<svg class="atlas-salary-chart ' in old and 'role="img"' in old
    assert "| [Alpha Officer](roles/alpha.md) | estimate | <span id=\"alpha-pay\"></span>Average pay | &#36;100,000 – &#36;200,000 per year | USD |" in old
    fresh = render_site(atlas, built=date(2025, 3, 1))["salaries.md"]
    assert "Older figure" not in fresh


def test_a_career_step_declared_on_both_ends_is_one_edge_keeping_its_note(tmp_path):
    roles = datafactory.base_roles()
    roles["beta"]["career_from"] = [{"role": "alpha", "note": "After years in the post", "source": datafactory.SOURCE}]
    atlas = load(datafactory.write_data(tmp_path, roles=roles), root=tmp_path, today=TODAY)
    assert [(e.before, e.after, e.note) for e in atlas.career] == [("alpha", "beta", "After years in the post")]
