"""The Pages workflow tests before it deploys, and caches under a key that covers what it caches."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def _steps() -> list[dict]:
    return yaml.safe_load(WORKFLOW.read_text())["jobs"]["build"]["steps"]


def test_the_workflow_runs_the_readmes_test_command_before_it_builds_and_uploads() -> None:
    runs = [step.get("run", "") for step in _steps()]
    tests = next(i for i, run in enumerate(runs) if run.startswith("./scripts/test"))
    build = next(i for i, run in enumerate(runs) if run.startswith("./scripts/build"))
    upload = next(i for i, step in enumerate(_steps()) if "upload-pages-artifact" in step.get("uses", ""))
    assert tests < build < upload
    assert "./scripts/test" in (ROOT / "README.md").read_text()


def test_the_cache_key_names_the_inputs_of_the_cards_it_caches() -> None:
    cache = next(step for step in _steps() if step.get("uses", "").startswith("actions/cache"))
    assert cache["with"]["path"] == ".cache"
    key = cache["with"]["key"]
    for inputs in ("hooks/roleatlas/cards.py", "hooks/roleatlas/fonts/**", "data/**"):
        assert inputs in key, key
