"""scripts/bench_search still runs on a built site (no timing is asserted)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser


def test_bench_search_times_the_first_result_on_a_built_site(served, tmp_path):
    out = tmp_path / "search.json"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_search"), "--site", str(served.root),
                             "--query", "CTO", "--runs", "1", "--json", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    row = json.loads(out.read_text())["rows"][0]
    assert row["search"] == "as built" and row["index_files"] > 1 and row["index_kb"] > 0  # Pagefind's folder
    assert 0 < row["desktop"] and 0 < row["phone"] <= row["phone_worker_slowed"]
    assert "desktop s" in result.stdout
