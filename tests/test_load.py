"""Loading: valid data becomes a cross-referenced Atlas; each kind of bad data is one clear line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import datafactory
from datafactory import TODAY
from roleatlas.load import load
from roleatlas.model import Statement
from roleatlas.problems import DataError


def problems_of(data: Path) -> list[str]:
    with pytest.raises(DataError) as err:
        load(data, root=data.parent, today=TODAY)
    return [str(p) for p in err.value.problems]


def test_valid_data_loads_with_cross_references(tmp_path):
    atlas = load(datafactory.write_data(tmp_path), root=tmp_path, today=TODAY)
    assert [r.id for r in atlas.roles] == ["alpha", "beta"]
    assert {u.role.id for u in atlas.skill_uses["mentoring"]} == {"alpha", "beta"}
    assert [u.role.id for u in atlas.skill_uses["python"]] == ["alpha"]
    assert "unused-skill" not in atlas.skill_uses
    assert [(e.before, e.after) for e in atlas.steps_into["beta"]] == [("alpha", "beta")]
    assert [r.id for r in atlas.linked_from["beta"]] == ["alpha"]


def test_unknown_field_names_file_line_field_and_suggests_the_right_name(tmp_path):
    roles = datafactory.base_roles()
    roles["beta"]["summry"] = "typo"
    data = datafactory.write_data(tmp_path, roles=roles)
    lines = (data / "roles" / "beta.yaml").read_text().splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.startswith("summry"))
    assert problems_of(data) == [f"data/roles/beta.yaml:{line}: summry: unknown field; did you mean 'summary'?"]


def test_every_problem_is_reported_at_once(tmp_path):
    roles = datafactory.base_roles()
    del roles["alpha"]["title"]
    roles["beta"]["coverage"] = "ful"
    roles["beta"]["skills"][0]["skill"] = "mentorin"
    found = problems_of(datafactory.write_data(tmp_path, roles=roles))
    assert len(found) == 3
    assert found[0].startswith("data/roles/alpha.yaml:1: title: missing")
    assert "coverage: got the text 'ful'; expected one of 'full', 'limited' (did you mean 'full'?)" in found[1]
    assert "skills[0].skill: unknown skill id 'mentorin'; did you mean 'mentoring'?" in found[2]


def test_duplicate_id_across_files_names_both_places(tmp_path):
    colls = datafactory.base_collections()
    data = datafactory.write_data(tmp_path, collections=colls)
    (data / "more.yaml").write_text(yaml.safe_dump({"skills": [colls["skills"][0]]}))
    first = (data / "atlas.yaml").read_text().splitlines().index("- id: python") + 1
    found = problems_of(data)
    assert found == [f"data/more.yaml:2: id: skill id 'python' is already used at data/atlas.yaml:{first}; "
                     "ids must be unique"]


def test_role_id_must_match_its_file_name(tmp_path):
    roles = datafactory.base_roles()
    roles["beta"]["id"] = "gamma"
    found = problems_of(datafactory.write_data(tmp_path, roles=roles))
    assert any("data/roles/beta.yaml:1: id: 'gamma' differs from the file name 'beta'" in p for p in found)


@pytest.mark.parametrize("text, expected", [
    ("id: beta\n  title: [unclosed\n", "YAML syntax error"),
    ("id: beta\ntitle:\n\t- x\n", "indent with spaces, not tabs"),
    ("", "the file is empty"),
    ("# only a comment\n", "the file is empty"),
    ("- id: beta\n", "got a list; expected a mapping (Role)"),
    ("a: &x [1, 2]\nb: *x\n", "anchors and aliases"),
    ("title: R&D lead\na: &x [1, 2]\nb: *x\n", "anchors and aliases"),
    ("a: [1, *x]\n", "anchors and aliases"),
    ("a: &x 1\nb: *x\n", "anchors and aliases"),
    ("a: &x 1\nb: &x 2\n", "anchors and aliases"),
    ("a: {&k x: 1}\nb: {*k : 2}\n", "anchors and aliases"),
    ("a: &x [1, *x]\n", "anchors and aliases"),
    ("a: &x [" + "[], " * 60 + "]\nb: *x\n", "anchors and aliases"),  # many brackets: the Python composer
    ("".join(f"{'  ' * i}k{i}:\n" for i in range(12)) + "  " * 12 + "v\n", "nested more than"),
    ("- " * 12 + "x\n", "nested more than"),
    ("x: " + "[" * 40 + "]" * 40 + "\n", "nested more than"),
    ("x: " + "[" * 5000 + "]" * 5000 + "\n", "nested more than"),
    ("x: '" + "a" * 30_000 + "'\n", "30,000 characters"),
    ("id: beta\nid: beta\n", "key 'id' appears twice"),
])
def test_bad_yaml_is_one_clear_line(tmp_path, text, expected):
    data = datafactory.write_data(tmp_path)
    (data / "roles" / "beta.yaml").write_text(text)
    found = problems_of(data)
    assert len(found) >= 1
    assert found[0].startswith("data/roles/beta.yaml:") and expected in found[0], found


@pytest.mark.parametrize("text, expected", [
    ("title: R&D lead, 5*3 teams\n", False),
    ("a:\n  - b: [1, {c: 2}]\n", False),
    ("a: &x 1\nb: *x\n", False),  # aliases are refused while converting, at no cost here
    ("x: " + "[" * 200 + "]" * 200 + "\n", True),
    ("- " * 60 + "x\n", True),
    (" " * 120 + "x\n", True),
])
def test_only_text_that_could_nest_deep_is_kept_from_the_c_composer(text, expected):
    from roleatlas.yaml_lines import _could_nest_deep

    assert _could_nest_deep(text) is expected


def test_an_alias_is_refused_at_its_anchor_naming_both_fields(tmp_path):
    from roleatlas.yaml_lines import read_yaml

    path = tmp_path / "x.yaml"
    path.write_text("id: x\nteam:\n  lead: &who {name: Ada}\n  deputy: *who\n", encoding="utf-8")
    value, problems = read_yaml(path, "x.yaml")
    assert value is None and [(p.line, p.field) for p in problems] == [(3, "team.lead")]
    assert problems[0].message.endswith("write the value out in full (it is used again at team.deputy)")


def test_an_anchor_never_used_is_harmless_and_allowed(tmp_path):
    from roleatlas.yaml_lines import read_yaml

    path = tmp_path / "x.yaml"
    path.write_text("a: &x [1, 2]\nb: &y c\n", encoding="utf-8")
    assert read_yaml(path, "x.yaml") == ({"a": [1, 2], "b": "c"}, [])


def test_text_with_ampersands_loads_as_written(tmp_path):
    from roleatlas.yaml_lines import read_yaml

    path = tmp_path / "x.yaml"
    path.write_text("title: R&D lead\nnote: '&x *y'\nlist: [a, {b: c}]\n", encoding="utf-8")
    value, problems = read_yaml(path, "x.yaml")
    assert problems == [] and value == {"title": "R&D lead", "note": "&x *y", "list": ["a", {"b": "c"}]}
    assert value.key_lines == {"title": 1, "note": 2, "list": 3}


def test_file_that_is_not_utf8_names_the_line(tmp_path):
    data = datafactory.write_data(tmp_path)
    (data / "roles" / "beta.yaml").write_bytes(b"id: beta\ntitle: caf\xe9\n")
    assert problems_of(data) == ["data/roles/beta.yaml:2: (file): byte 0xe9 is not UTF-8; save the file as UTF-8"]


@pytest.mark.parametrize("change, expected", [
    ({"low": 300000, "high": 100000}, "low: minimum 300,000 is above maximum 100,000"),
    ({"currency": "USX"}, "currency: got the text 'USX'; expected one of"),
    ({"year": 2999}, "year: 2999 is in the future"),
    ({"year": "2024"}, "year: got the text '2024'; expected a whole number"),
    ({"low": None, "high": None}, "amount: give either amount, or both low and high"),
])
def test_bad_salary_figures_are_refused(tmp_path, change, expected):
    colls = datafactory.base_collections()
    colls["salaries"][0].update(change)
    found = problems_of(datafactory.write_data(tmp_path, collections=colls))
    assert any(expected in p and p.startswith("data/atlas.yaml:") for p in found), found


def test_unknown_source_and_role_references_are_reported(tmp_path):
    roles = datafactory.base_roles()
    roles["alpha"]["related"][0]["role"] = "gamma"
    roles["alpha"]["summary"]["source"] = "nowhere"
    found = problems_of(datafactory.write_data(tmp_path, roles=roles))
    assert any("related[0].role: unknown role id 'gamma'" in p for p in found)
    assert any("summary.source: unknown source id 'nowhere'" in p for p in found)


def test_files_that_are_not_yaml_data_are_not_silently_skipped(tmp_path):
    data = datafactory.write_data(tmp_path)
    (data / "roles" / "gamma.yml").write_text("id: gamma\n")
    assert problems_of(data) == ["data/roles/gamma.yml: (file): not a data file; data files end in .yaml "
                                 "(rename it or move it out of data/)"]


OCCUPATION = {"id": "occ-one", "system": "ISCO-08", "code": "1330", "title": "ICT service managers",
              "url": "https://example.org/isco/1330", "source": datafactory.SOURCE}


def data_with_occupation(tmp_path: Path, **change) -> Path:
    colls = datafactory.base_collections()
    colls["occupations"] = [{**OCCUPATION, **change}, {**OCCUPATION, "id": "occ-two", "code": "2512"}]
    return datafactory.write_data(tmp_path, collections=colls)


def test_an_occupation_carries_publisher_notices_as_sourced_statements(tmp_path):
    notice = {"text": "The publisher marks this code obsolete.", "source": datafactory.SOURCE}
    atlas = load(data_with_occupation(tmp_path, notices=[notice]), root=tmp_path, today=TODAY)
    assert atlas.occupation["occ-one"].notices == (Statement(**notice),)
    assert atlas.occupation["occ-two"].notices == ()  # optional: most codes carry none


@pytest.mark.parametrize("notices, line_of, expected", [
    ([{"text": "Marked obsolete."}], "- text: Marked obsolete.",
     "occupations[0].notices[0].source: missing; add it: Id of the source that says it."),
    ([{"text": "Marked obsolete.", "source": "nowhere"}], "source: nowhere",
     "occupations[0].notices[0].source: unknown source id 'nowhere'; define it in data/ first"),
    ("Marked obsolete.", "notices: Marked obsolete.",
     "occupations[0].notices: got the text 'Marked obsolete.'; expected a list of a mapping (Statement)"),
    ([{"text": "", "source": datafactory.SOURCE}], "- text: ''",
     "occupations[0].notices[0].text: is empty; write the text or remove the field"),
])
def test_a_bad_notice_names_its_file_line_and_field(tmp_path, notices, line_of, expected):
    data = data_with_occupation(tmp_path, notices=notices)
    lines = (data / "atlas.yaml").read_text().splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.strip() == line_of)
    assert problems_of(data) == [f"data/atlas.yaml:{line}: {expected}"]


def test_the_real_data_is_valid(atlas):
    assert {"cto", "vp-engineering", "vp-ai-ml-engineering"} <= set(atlas.role)


def _depth(value) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


def _nested(depth: int, kinds: list[bool]) -> object:
    value: object = "x"
    for level in range(depth):
        value = {f"k{level}": value} if kinds[level % len(kinds)] else [value]
    return value


@pytest.mark.parametrize("flow", [False, True, None])
@pytest.mark.parametrize("indent", [2, 4])
@pytest.mark.parametrize("kinds", [[True], [False], [True, False], [False, True, True]])
def test_text_the_c_composer_gets_nests_no_deeper_than_it_takes(tmp_path, monkeypatch, flow, indent, kinds):
    """The cheap pre-check must never wave through text nested deeper than it assumes: for every
    depth and YAML style, text it hands to libyaml's composer is within the safe depth, and
    anything deeper than MAX_DEPTH is refused, by either composer, at the same line and field."""
    from roleatlas import yaml_lines
    from roleatlas.yaml_lines import _SAFE_COMPOSE_DEPTH, MAX_DEPTH, _could_nest_deep, read_yaml

    for depth in range(1, 160, 3):
        value = _nested(depth, kinds)
        text = yaml.safe_dump({"x": value}, default_flow_style=flow, indent=indent, width=10_000)
        if not _could_nest_deep(text):
            assert _depth({"x": value}) <= _SAFE_COMPOSE_DEPTH, (depth, text[:200])
    found = set()
    path = tmp_path / "deep.yaml"
    for depth, c_composer in [(MAX_DEPTH + 2, True), (MAX_DEPTH + 2, False), (MAX_DEPTH + 2 + 6 * 18, False)]:
        path.write_text(yaml.safe_dump({"x": _nested(depth, kinds)}, default_flow_style=flow, indent=indent),
                        encoding="utf-8")  # 6 * 18 more levels: the same outer ones, whatever the kinds
        monkeypatch.setattr(yaml_lines, "_could_nest_deep", lambda text, c=c_composer: not c)
        value, problems = read_yaml(path, "deep.yaml")
        assert value is None and "nested more than" in problems[0].message
        found.add((problems[0].line, re.sub(r"k\d+", "k", problems[0].field)))  # key names count levels
    assert len(found) == 1, found


# --- a file that does not parse: its error first, and no reference problems that follow from it ----


def real_data(tmp_path: Path) -> Path:
    import shutil

    from conftest import ROOT

    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def test_a_syntax_error_in_the_sources_is_one_problem_not_one_per_citation(tmp_path):
    data = real_data(tmp_path)
    sources = data / "sources.yaml"
    lines = sources.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[20] = "  - id: [broken\n" + lines[20]
    sources.write_text("".join(lines), encoding="utf-8")
    problems = problems_of(data)
    assert len(problems) == 1, problems
    assert problems[0].startswith("data/sources.yaml:") and "YAML syntax error" in problems[0]


def test_the_syntax_error_comes_first_and_other_files_are_still_checked(tmp_path):
    data = datafactory.write_data(tmp_path)
    (data / "roles" / "beta.yaml").write_text("id: beta\ntitle: [\n", encoding="utf-8")
    text = (data / "roles" / "alpha.yaml").read_text(encoding="utf-8")
    (data / "roles" / "alpha.yaml").write_text(text.replace("coverage: full", "coverage: most"), encoding="utf-8")
    problems = problems_of(data)
    assert len(problems) == 2, problems
    assert problems[0].startswith("data/roles/beta.yaml:") and "YAML syntax error" in problems[0]
    assert problems[1].startswith("data/roles/alpha.yaml:") and "coverage" in problems[1]


def test_references_to_kinds_an_unreadable_file_does_not_hold_are_still_checked(tmp_path):
    data = datafactory.write_data(tmp_path)
    (data / "more.yaml").write_text("terms:\n  - term: X\n    meaning: [\n", encoding="utf-8")
    text = (data / "roles" / "alpha.yaml").read_text(encoding="utf-8")
    assert "source: src-a" in text
    (data / "roles" / "alpha.yaml").write_text(text.replace("source: src-a", "source: src-z", 1), encoding="utf-8")
    problems = problems_of(data)
    assert len(problems) == 2 and problems[0].startswith("data/more.yaml:4: (file): YAML syntax error"), problems
    assert "unknown source id 'src-z'" in problems[1], problems
