"""requirements.lock installs on any machine: registry pins only, and every direct dependency pinned."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("lockfile", ROOT / "scripts" / "lockfile.py")
assert _spec and _spec.loader
lockfile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lockfile)


def test_the_committed_lock_is_registry_pins_of_every_dependency() -> None:
    problems = lockfile.lock_problems((ROOT / "requirements.lock").read_text(), lockfile.required_names())
    assert problems == []


def test_required_names_come_from_pyproject_with_the_test_extra() -> None:
    names = lockfile.required_names()
    assert {"mkdocs", "mkdocs-material", "pyyaml", "pillow", "pytest", "playwright"} <= names


@pytest.mark.parametrize("line", [
    "pillow @ file:///tmp/fontpkg/pillow-13.0.0-cp311-cp311-manylinux_2_28_x86_64.whl#sha256=a625",
    "-e /work/main",
    "mkdocs @ https://example.org/mkdocs-1.6.1-py3-none-any.whl",
    "./vendor/pagefind-1.5.2.tar.gz",
    "git+https://example.org/repo.git#egg=thing",
    "pillow>=10",
])
def test_a_planted_line_that_is_not_a_registry_pin_is_refused(line: str) -> None:
    lock = (ROOT / "requirements.lock").read_text() + line + "\n"
    problems = lockfile.lock_problems(lock, lockfile.required_names())
    assert len(problems) == 1 and "is not a registry pin" in problems[0], problems
    assert problems[0].startswith(f"requirements.lock:{len(lock.splitlines())}:")


def test_a_dependency_the_lock_leaves_out_is_named() -> None:
    lock = "".join(line + "\n" for line in (ROOT / "requirements.lock").read_text().splitlines()
                   if not line.lower().startswith("pillow=="))
    assert lockfile.lock_problems(lock, lockfile.required_names()) == [
        "requirements.lock: 'pillow' is required by pyproject.toml but not pinned; run ./scripts/lock"]


def _report(*items: dict) -> dict:
    return {"install": list(items)}


def _item(name: str, version: str, url: str, kind: str = "archive_info", direct: bool = False) -> dict:
    return {"metadata": {"name": name, "version": version}, "is_direct": direct,
            "download_info": {"url": url, kind: {}}}


def test_pins_are_written_from_the_index_and_the_project_itself_is_left_out() -> None:
    report = _report(_item("role-atlas", "0.1.0", "file:///work/main", "dir_info", direct=True),
                     _item("PyYAML", "6.0.4", "https://files.example/pyyaml-6.0.4.whl"),
                     _item("attrs", "26.1.0", "https://files.example/attrs-26.1.0.whl"))
    assert lockfile.pins_from_report(report, "role-atlas") == ["attrs==26.1.0", "PyYAML==6.0.4"]


@pytest.mark.parametrize("item", [
    _item("pillow", "13.0.0", "file:///tmp/fontpkg/pillow-13.0.0.whl"),
    _item("thing", "1.0", "https://example.org/thing.git", "vcs_info", direct=True),
    _item("local", "0.1", "file:///src/local", "dir_info", direct=True),
])
def test_the_lock_script_refuses_a_package_not_from_the_index(item: dict) -> None:
    with pytest.raises(SystemExit, match="not from the package index"):
        lockfile.pins_from_report(_report(item), "role-atlas")
