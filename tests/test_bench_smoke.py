"""The benchmark runs end to end on a small synthetic data set (no timing is asserted)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from datafactory import TODAY
from conftest import ROOT
from roleatlas.load import load
from roleatlas_dev.synthetic_data import write_synthetic_data


def test_synthetic_data_passes_the_loader_with_the_shape_of_real_roles(tmp_path):
    atlas = load(write_synthetic_data(tmp_path, roles=30), root=tmp_path, today=TODAY)
    assert len(atlas.roles) == 30 and len(atlas.skills) == 300
    role = atlas.roles[0]
    assert len(role.responsibilities) == 5 and sum(len(a.items) for a in role.responsibilities) == 20
    assert len(atlas.skill_ids_of(role)) == 15
    assert len(role.salaries) == 2 and len(role.career_from) + len(role.career_to) == 2
    assert atlas.perspectives and atlas.dimensions and atlas.comparisons and atlas.terms and atlas.topics


def test_synthetic_data_is_deterministic(tmp_path):
    a = write_synthetic_data(tmp_path / "a", roles=5)
    b = write_synthetic_data(tmp_path / "b", roles=5)
    files = sorted(p.relative_to(a) for p in a.rglob("*.yaml"))
    assert files == sorted(p.relative_to(b) for p in b.rglob("*.yaml"))
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)


@pytest.mark.slow
def test_bench_builds_5_roles_hooked_and_bare_and_prints_the_row(tmp_path):
    """A small run (5 roles, 20 skills) so it stays a smoke test: under 20 s on two shared cores."""
    out = tmp_path / "bench.json"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench"), "--sizes", "5", "--skills", "20",
                             "--repeat", "1", "--no-serve-check", "--json", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    header = next(line for line in result.stdout.splitlines() if line.lstrip().startswith("roles"))
    assert "ratio" in header and "peak MB" in header
    assert any(line.split()[:1] == ["5"] for line in result.stdout.splitlines())
    row = json.loads(out.read_text())["rows"][0]
    assert row["roles"] == 5 and row["pages"] > 5 + 20
    assert row["build_s"] > 0 and row["bare_s"] > 0 and isinstance(row["ratio"], float) and row["ratio"] > 0
    assert 0 < row["hooks_s"] < row["build_s"], "the hooks' own time is measured inside the build"
    assert 0 < row["largest_role_kb"] < 1000 and row["search_kb_per_role"] > 0 and row["peak_mb"] > 10
    assert row["differing_files"] == 0, "the bare build must see exactly the pages the hooks generate"
    assert any(line.startswith(("PASS", "FAIL", "SKIP")) for line in result.stdout.splitlines())
