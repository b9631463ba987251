"""README stays short, in a newcomer's order, and names only files and tests that exist."""

from __future__ import annotations

import re

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_is_short_and_in_a_newcomers_order():
    assert len(README.encode("utf-8")) < 12_000
    headings = re.findall(r"^## (.+)$", README, flags=re.M)
    assert headings == ["Two commands", "Using the site", "Adding a role", "Adding a source", "How it works",
                        "Settings", "Tests", "Dependencies"]


def test_every_path_the_readme_names_exists():
    named = set(re.findall(r"`((?:data|docs|hooks|scripts|tests|schemas|overrides|\.github|\.ci)/[^`*<>\s]*)`", README))
    named |= set(re.findall(r"\]\(((?:scripts|docs)/[^)]+)\)", README))
    missing = sorted(p for p in named if not (ROOT / p.rstrip("/")).exists())
    assert not missing, missing


def test_every_test_module_in_the_table_exists():
    table = README.split("\n## Tests\n", 1)[1].split("\n## ", 1)[0]
    modules = set(re.findall(r"`(test_[a-z_]+)`", table))
    assert modules and not [m for m in sorted(modules) if not (ROOT / "tests" / f"{m}.py").is_file()]
