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
    # no repository widget: it asked api.github.com for the stars on every page view (issue 26)
    "source.html": (' class="md-source" data-md-component="source">', ' class="md-source">'),
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


def test_main_html_leaves_materials_content_partial_to_material():
    """overrides/main.html adds its buttons before the page content and leaves the content itself
    to Material's partials/content.html (super()): it copies none of what that partial includes, so
    an upgrade that changes the partial cannot drift from a copy. (The "On this page" list is part of
    the page's Markdown: render/published.on_this_page.)"""
    include = re.compile(r'\{% include "(partials/[a-z-]+\.html)" %\}')
    theirs = include.findall((MATERIAL_PARTIALS / "content.html").read_text(encoding="utf-8"))
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    block = main.split("{% block content %}", 1)[1].split("{% endblock %}", 1)[0]
    assert theirs and not set(include.findall(block)) & set(theirs)
    assert "{{ super() }}" in block
