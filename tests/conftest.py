"""Shared fixtures: the project root, a strict build of the real site, and small data sets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


def build_site(dest: Path, data: Path | None = None, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` as a user would, optionally on another data folder."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "ROLE_ATLAS_CHECK_LINKS": "true", **(extra_env or {})}
    if data is not None:
        env["ROLE_ATLAS_DATA"] = str(data)
    return subprocess.run([*MKDOCS, "build", "--strict", "-d", str(dest)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run."""
    dest = tmp_path_factory.mktemp("site")
    result = build_site(dest)
    assert result.returncode == 0, result.stderr
    return dest


@pytest.fixture(scope="session")
def atlas():
    from roleatlas.load import load

    return load(ROOT / "data", root=ROOT)
