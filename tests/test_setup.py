"""scripts/setup says why an install failed: pip's own lines and the real cause, not a guess."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("pip_failure", ROOT / "scripts" / "pip_failure.py")
assert _spec and _spec.loader
pip_failure = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pip_failure)

MISSING_FILE = """\
Processing /tmp/fontpkg/pillow-13.0.0-cp311-cp311-manylinux_2_28_x86_64.whl
ERROR: Could not install packages due to an OSError: [Errno 2] No such file or directory: '/tmp/fontpkg/pillow-13.0.0-cp311-cp311-manylinux_2_28_x86_64.whl'
"""
OFFLINE = """\
WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/mkdocs/
ERROR: Could not find a version that satisfies the requirement mkdocs<1.7,>=1.6.1 (from role-atlas) (from versions: none)
ERROR: No matching distribution found for mkdocs<1.7,>=1.6.1
"""
NOT_ON_INDEX_BY_CONSTRAINT = """\
Processing ./.
ERROR: Cannot install None because these package versions have conflicting dependencies.

The conflict is caused by:
    role-atlas 0.1.0 depends on mkdocs<1.7 and >=1.6.1
    The user requested (constraint) mkdocs==1.6.99

Additionally, some packages in these conflicts have no matching distributions available for your environment:
    mkdocs

ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/
"""
NOT_ON_INDEX = """\
ERROR: Could not find a version that satisfies the requirement mkdocs==0.0.1 (from versions: 0.1.0, 1.6.1)
ERROR: No matching distribution found for mkdocs==0.0.1
"""
CONFLICT = """\
ERROR: Cannot install role-atlas because these package versions have conflicting dependencies.
ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/
"""


@pytest.mark.parametrize(("log", "cause", "not_cause"), [
    (MISSING_FILE, "names a file that does not exist on this machine", "network"),
    (OFFLINE, "could not reach the package index", "not on the package index"),
    (NOT_ON_INDEX, "is not on the package index", "network"),
    (NOT_ON_INDEX_BY_CONSTRAINT, "is not on the package index", "a file"),
    (CONFLICT, "conflict with the ranges in pyproject.toml", "network"),
])
def test_the_cause_is_named_from_pips_log(log: str, cause: str, not_cause: str) -> None:
    errors, said = pip_failure.explain(log)
    assert cause in said and not_cause not in said
    assert errors and all(line in log for line in errors)
    assert any(line.startswith("ERROR:") for line in errors)


@pytest.mark.slow
def test_setup_shows_pips_error_and_its_cause_when_a_pin_is_not_on_the_index(tmp_path: Path) -> None:
    """End to end in a copy of the project: a lock pinning a version the index lacks."""
    for name in ("pyproject.toml", "README.md", "scripts/setup", "scripts/lockfile.py", "scripts/pip_failure.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, tmp_path / name)
    for package in ("hooks/roleatlas", "scripts/roleatlas_dev"):  # what `pip install -e .` installs
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    lock = (ROOT / "requirements.lock").read_text()
    (tmp_path / "requirements.lock").write_text(
        "".join(line + "\n" for line in lock.splitlines() if not line.startswith("mkdocs=="))
        + "mkdocs==1.6.99\n")
    done = subprocess.run(["bash", "scripts/setup"], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 1
    assert "ERROR:" in done.stderr and "mkdocs==1.6.99" in done.stderr, done.stderr
    assert "Cause: a version pinned in requirements.lock is not on the package index" in done.stderr
    assert "network" not in done.stderr


@pytest.mark.slow
def test_setup_refuses_a_lock_line_that_names_a_local_file(tmp_path: Path) -> None:
    for name in ("pyproject.toml", "scripts/setup", "scripts/lockfile.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, tmp_path / name)
    (tmp_path / "requirements.lock").write_text((ROOT / "requirements.lock").read_text()
                                                + "pillow @ file:///tmp/fontpkg/pillow-13.0.0-cp311.whl\n")
    done = subprocess.run(["bash", "scripts/setup"], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 1
    assert "is not a registry pin" in done.stderr and "run ./scripts/lock" in done.stderr, done.stderr
    assert not (tmp_path / ".venv" / "install.log").exists()  # refused before pip ran
