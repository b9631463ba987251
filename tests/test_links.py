"""Stable, previewable links: anchors from ids, redirects, descriptions, previews, JSON-LD, export."""

from __future__ import annotations

import html as html_module
import json
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import MKDOCS, ROOT
from roleatlas.render.job_description import is_overview


def html_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "Redirecting..." not in p.read_text(encoding="utf-8")[:400]]


def test_role_sections_and_areas_have_anchors_from_data_ids(site, atlas):
    for role in atlas.roles:
        html = (site / "roles" / role.id / "index.html").read_text(encoding="utf-8")
        for anchor in ["summary", *(a.id for a in role.responsibilities),
                       *(q.id for q in role.qualifications.required + role.qualifications.preferred)]:
            assert f'id="{anchor}"' in html, (role.id, anchor)
        for area in role.responsibilities:
            if is_overview(area, role.responsibilities):  # folded as a note, not a section: no permalink
                assert f'<details class="note" id="{area.id}"' in html, (role.id, area.id)
                continue
            assert f'href="#{area.id}"' in html, (role.id, area.id)  # permalink and table of contents


def expected_redirects() -> dict[str, str]:
    """old address -> role id, read from the role files with this test's own rule: a role's former
    ids, and its title, abbreviations, aliases and search terms as lower-case words joined by "-";
    no redirect for a live role id or for a name two roles share."""
    claims: dict[str, set[str]] = {}
    roles = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "data" / "roles").glob("*.yaml"))]
    for role in roles:
        names = [role["title"], *(n["name"] for n in role.get("abbreviations", []) + role.get("aliases", [])),
                 *role.get("search_terms", [])]
        for old in {*role.get("former_ids", []), *("-".join(re.findall(r"[a-z0-9]+", n.lower())) for n in names)}:
            claims.setdefault(old, set()).add(role["id"])
    live = {role["id"] for role in roles}
    return {old: owners.pop() for old, owners in claims.items() if old not in live and len(owners) == 1}


def test_former_ids_and_aliases_redirect_to_the_role(site):
    expected = expected_redirects()
    assert "chief-technology-officer" in expected and "vpe" in expected  # the rule reads the data
    found = {}
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "Redirecting..." in html[:400]:
            rel = page.parent.relative_to(site).as_posix()
            target = re.search(r'http-equiv="refresh" content="0; url=\.\./([a-z0-9-]+)/"', html)
            assert rel.startswith("roles/") and target, (rel, html[:400])
            found[rel.removeprefix("roles/")] = target.group(1)
    assert found == expected


def test_every_page_has_a_description_and_link_preview_tags(site):
    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(site)
        description = re.search(r'<meta name="description" content="([^"]+)"', html)
        assert description and len(description.group(1)) > 20, rel
        for tag in ("og:title", "og:description", "og:type", "twitter:card"):
            assert f'property="{tag}"' in html or f'name="{tag}"' in html, (rel, tag)
        # Built without SITE_URL: no page claims an address (the browser tests' build, with SITE_URL,
        # checks canonical links and og:url).
        assert '<link rel="canonical"' not in html and 'property="og:url"' not in html, rel


def jsonld_of(site: Path, role_id: str) -> dict:
    html = (site / "roles" / role_id / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1, role_id
    return json.loads(blocks[0])


def test_role_pages_embed_occupation_jsonld_matching_the_data(site, atlas):
    for role in atlas.roles:
        data = jsonld_of(site, role.id)
        assert data["@type"] == "Occupation" and data["name"] == role.title
        assert data["description"] == role.summary.text
        assert data.get("responsibilities", []) == [i for a in role.responsibilities for i in a.items]
        assert set(data.get("skills", [])) == {atlas.skill[s].name for s in atlas.skill_ids_of(role)}
        exp = role.qualifications.experience
        if exp and exp.min_years is not None:
            assert data["experienceRequirements"]["monthsOfExperience"] == exp.min_years * 12
        # official figures first: one distribution per SOC occupation the role is placed in, with the
        # release's percentiles; then each estimate as a plain amount, never called a median
        placements = atlas.pay_placements(role)
        salaries = [atlas.salary[s] for s in role.salaries]
        got = data.get("estimatedSalary", [])
        assert len(got) == len(placements) + len(salaries), role.id
        for dist, p in zip(got, placements):
            assert dist["@type"] == "MonetaryAmountDistribution" and dist["currency"] == "USD", role.id
            assert f"all {p.soc_title} (SOC {p.soc})" in dist["name"] and "May 2025" in dist["name"]
            for key, column in (("percentile10", "annual_p10"), ("percentile25", "annual_p25"), ("median", "annual_median"),
                                ("percentile75", "annual_p75"), ("percentile90", "annual_p90")):
                assert dist[key] == int(p.national[column].value), (role.id, key)
        for amount, want in zip(got[len(placements):], salaries):
            assert amount["@type"] == "MonetaryAmount" and amount["currency"] == want.currency
            assert "median" not in json.dumps(amount), want.id  # an average or a range is never a median
            value = amount["value"]
            assert value.get("value", value.get("minValue")) == (want.amount if want.amount is not None else want.low)
            assert want.measure.replace("-", " ") in amount["name"]


def test_export_validates_against_the_published_schema_and_holds_everything(site, atlas):
    schema = json.loads((site / "api" / "schema" / "export.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    for kind in ("roles", "skills", "salaries", "perspectives", "topics", "sources", "terms"):
        doc = json.loads((site / "api" / f"{kind}.json").read_text())
        jsonschema.validate(doc, schema)
        key = "term" if kind == "terms" else "id"
        assert {x[key] for x in doc[kind]} == {getattr(x, key) for x in getattr(atlas, kind)}, kind
    roles = json.loads((site / "api" / "roles.json").read_text())["roles"]
    for role in roles:
        assert (site / role["url"] / "index.html").is_file()


def test_data_files_validate_against_the_published_data_schema(site):
    import yaml

    schema = json.loads((site / "api" / "schema" / "data-file.schema.json").read_text())
    for path in (ROOT / "data").rglob("*.yaml"):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)


def test_the_404_page_points_to_the_roles_index_and_search(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    assert 'href="/roles/"' in html and 'for="__search"' in html  # built without SITE_URL: no host claimed


def test_a_build_without_site_url_claims_no_host(site):
    for page in ("404.html", "index.html", "roles/cto/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert "127.0.0.1" not in html and 'rel="canonical"' not in html and "og:url" not in html, page


def test_role_pages_have_a_copy_ready_job_description(site, atlas):
    role = atlas.role["vp-ai-ml-engineering"]
    html = (site / "roles" / role.id / "index.html").read_text(encoding="utf-8")
    block = html.split('id="job-description"', 1)[1]
    code = re.search(r"<code[^>]*>(.*?)</code>", block, re.S)  # a code block: copy buttons attach to it
    assert code, "no code block in the job description"
    text = html_module.unescape(re.sub(r"<[^>]+>", "", code.group(1)))
    assert text.lstrip().startswith(role.title) and "[Company]" in text
    assert role.responsibilities[0].items[0].split()[0] in text


@pytest.mark.slow
def test_the_link_checker_catches_a_broken_anchor_in_raw_html(tmp_path):
    """The strict build checks raw HTML links too, so the site's zero broken links is a real result."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "hooks", "overrides", "docs", "data"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, project / name)
    (project / "docs" / "broken.md").write_text('# Broken\n\n<a href="roles/cto/#no-such-anchor">x</a>\n')
    result = subprocess.run([*MKDOCS, "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=project, capture_output=True, text=True, timeout=600,
                            env={"PATH": "/usr/bin:/bin", "ROLE_ATLAS_CHECK_LINKS": "true"})
    assert result.returncode != 0
    assert "no-such-anchor" in result.stderr + result.stdout
