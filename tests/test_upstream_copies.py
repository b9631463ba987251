"""Files copied from upstream projects stay what they claim to be: a copy with one known change,
or the version recorded next to it. An upgrade that changes the original fails here, not silently."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from conftest import ROOT

MATERIAL_PARTIALS = Path(material.__file__).parent / "templates" / "partials"
_HEADER = re.compile(r"\A\{#-.*?-#\}\n", re.S)  # the comment each copy starts with

# partial: (Material's text, ours in its place) — the one change we made to each copy
CHANGES = {
    "search.html": ('role="dialog">', """role="dialog" aria-label="{{ lang.t('search') }}">"""),
    "progress.html": ('role="progressbar">', 'role="progressbar" aria-label="Loading page">'),
}


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_copied_material_partials_differ_from_the_installed_ones_by_their_one_change(name):
    theirs = _HEADER.sub("", (MATERIAL_PARTIALS / name).read_text(encoding="utf-8"))
    ours = _HEADER.sub("", (ROOT / "overrides" / "partials" / name).read_text(encoding="utf-8"))
    original, changed = CHANGES[name]
    assert theirs.count(original) == 1, f"Material's {name} changed where we add to it; re-copy and re-apply"
    assert ours == theirs.replace(original, changed), (
        f"overrides/partials/{name} is no longer Material's {name} plus our one change: "
        f"copy {MATERIAL_PARTIALS / name} over it and make the change again")


def test_the_partials_overridden_are_exactly_those_checked_here():
    assert sorted(p.name for p in (ROOT / "overrides" / "partials").iterdir()) == sorted(CHANGES)


def test_vendored_mermaid_is_the_version_recorded_next_to_it():
    folder = ROOT / "docs" / "assets" / "vendor" / "mermaid"
    recorded = (folder / "VERSION").read_text(encoding="utf-8").strip()
    found = set(re.findall(r'\{version:"(\d+\.\d+\.\d+)"\}', (folder / "mermaid.min.js").read_text(encoding="utf-8")))
    assert found == {recorded}, f"mermaid.min.js says {found}, VERSION says {recorded}"
    assert (folder / "LICENSE").read_text(encoding="utf-8").startswith("The MIT License")


def test_main_html_s_copy_of_materials_content_partial_includes_what_material_s_does():
    """overrides/main.html writes the page content itself on pages with an "On this page" list,
    copying Material's partials/content.html around it: an upgrade that changes what that partial
    includes, or their order, fails here."""
    include = re.compile(r'\{% include "(partials/[a-z-]+\.html)" %\}')
    theirs = include.findall((MATERIAL_PARTIALS / "content.html").read_text(encoding="utf-8"))
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    block = main.split("{% block content %}", 1)[1].split("{%- else %}", 1)[0]
    assert theirs and include.findall(block) == theirs
