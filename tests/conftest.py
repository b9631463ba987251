"""Shared fixtures: the project root, a strict build of the real site, and small data sets.

Tests that build the whole site are marked `slow` and the browser tests `browser` (both also
automatically, below), so `./scripts/test -m "not browser and not slow"` runs the rest quickly.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

import datafactory
from datafactory import TODAY
from roleatlas_dev import mkdocs

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = mkdocs.command()


BROWSER_DIR = Path(__file__).resolve().parent / "browser"
SITE_FIXTURES = {"site", "served"}  # session fixtures that build the whole site


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark what builds the site `slow`, and everything under tests/browser `browser` and `slow`."""
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)
        elif SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


_current_test_is_slow = False


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Note, before any fixture runs, whether the test may build the site (see build_site)."""
    global _current_test_is_slow
    _current_test_is_slow = item.get_closest_marker("slow") is not None


def build_site(dest: Path, data: Path | None = None, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` as a user would, optionally on another data folder."""
    assert _current_test_is_slow, "a test that builds the site must be marked @pytest.mark.slow"
    env = {**os.environ, "ROLE_ATLAS_CHECK_LINKS": "true", **(extra_env or {})}
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

    return load(ROOT / "data", root=ROOT, today=TODAY)


@pytest.fixture
def hooks(tmp_path, monkeypatch):
    """(config, hooks module) for the small data set in tmp_path, with no setting, nor REPO_URL, taken
    from the environment; the module's state is restored afterwards."""
    from mkdocs.config import load_config

    from roleatlas.settings import SETTINGS

    for setting in SETTINGS:
        monkeypatch.delenv(setting.env, raising=False)
    monkeypatch.delenv("REPO_URL", raising=False)
    monkeypatch.setenv("ROLE_ATLAS_DATA", str(datafactory.write_data(tmp_path)))
    config = load_config(str(ROOT / "mkdocs.yml"))
    module = config.hooks["hooks/atlas_hooks.py"]
    monkeypatch.setattr(module, "_serving", False)
    monkeypatch.setattr(module, "_build", None)
    return config, module
