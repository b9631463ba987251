"""The project installs as packages (`pip install -e .`): scripts and tests import `roleatlas` and
`roleatlas_dev` as they would any library, with no path edits; the build package holds only what
the build uses, and only the glue imports MkDocs."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

BUILD = ROOT / "hooks" / "roleatlas"
DEV = ROOT / "scripts" / "roleatlas_dev"


def python_files() -> list[Path]:
    """Every Python file of the project: modules, scripts without a suffix, tests."""
    found = [*ROOT.glob("hooks/**/*.py"), *ROOT.glob("scripts/**/*.py"), *ROOT.glob("tests/**/*.py")]
    found += [p for p in (ROOT / "scripts").iterdir()
              if p.is_file() and not p.suffix and p.read_text(encoding="utf-8").startswith("#!/usr/bin/env python")]
    return sorted(found)


def imported(path: Path) -> set[str]:
    """The top-level names of every module `path` imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_both_packages_import_from_anywhere_without_path_edits(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-c", "import roleatlas.load, roleatlas_dev.fingerprints as f; "
                           "import roleatlas; print(roleatlas.__file__); print(f.__file__)"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(BUILD / "__init__.py"), str(DEV / "fingerprints.py")]


def test_no_script_or_test_edits_the_import_path():
    offenders = [str(p.relative_to(ROOT)) for p in python_files()
                 if "sys.path.insert" in p.read_text(encoding="utf-8") and p != Path(__file__)]
    assert offenders == []


def test_only_the_glue_imports_mkdocs_and_the_build_never_imports_the_dev_helpers():
    for path in BUILD.rglob("*.py"):
        names = imported(path)
        assert "mkdocs" not in names and "roleatlas_dev" not in names, path
    assert "mkdocs" in imported(ROOT / "hooks" / "atlas_hooks.py")
