"""Each kind of bad data file is refused with one line naming file, line and field.

The cases run in-process through the loader that `scripts/validate` and the build share; one
end-to-end test runs `scripts/validate` itself on a broken folder (the build's own is in test_site).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import datafactory
from datafactory import TODAY
from conftest import ROOT
from roleatlas.load import load
from roleatlas.problems import DataError

BILLION_LAUGHS = "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
    for i in range(8))

# (file under data/, content, expected line, expected field, words of the message)
CASES = {
    "yaml syntax error": ("roles/beta.yaml", "id: beta\ntitle: [unclosed\nlevel: x\n", r"\d+", r"\(file\)", "YAML syntax error"),
    "tab indentation": ("roles/beta.yaml", "id: beta\nskills:\n\t- skill: python\n", "3", r"\(file\)", "indent with spaces, not tabs"),
    "empty file": ("roles/beta.yaml", "", "1", r"\(file\)", "the file is empty"),
    "list where a mapping belongs": ("roles/beta.yaml", "- id: beta\n", "1", r"\(top level\)", "expected a mapping"),
    "wrong type": ("roles/beta.yaml", None, r"\d+", "qualifications.experience.min_years", "expected a whole number"),
    "missing required field": ("roles/beta.yaml", None, "1", "focus", "missing; add it"),
    "unknown field": ("roles/beta.yaml", None, r"\d+", "sumary", "unknown field; did you mean 'summary'"),
    "duplicate id across files": ("extra.yaml", yaml.safe_dump({"skills": [{"id": "python", "name": "P", "category": "technical", "description": "d"}]}),
                                  "2", "id", "skill id 'python' is already used at data/atlas.yaml"),
    "unknown role reference": ("roles/beta.yaml", None, r"\d+", r"related\[0\]\.role", "unknown role id 'alpah'; did you mean 'alpha'"),
    "unknown skill reference": ("roles/beta.yaml", None, r"\d+", r"skills\[0\]\.skill", "unknown skill id 'pyton'"),
    "unknown source reference": ("roles/beta.yaml", None, r"\d+", "summary.source", "unknown source id 'blog'"),
    "salary minimum above maximum": ("pay.yaml", None, r"\d+", r"salaries\[0\]\.low", "minimum 9 is above maximum 5"),
    "unknown currency": ("pay.yaml", None, r"\d+", r"salaries\[0\]\.currency", "expected one of 'USD'"),
    "year in the future": ("pay.yaml", None, r"\d+", r"salaries\[0\]\.year", "3000 is in the future"),
    "not utf-8": ("roles/beta.yaml", b"id: beta\ntitle: Caf\xe9\n", "2", r"\(file\)", "is not UTF-8"),
    "alias bomb": ("roles/beta.yaml", BILLION_LAUGHS, "1", "a", "anchors and aliases"),
    "deep nesting": ("roles/beta.yaml", "id: beta\nx: " + "[" * 500 + "]" * 500 + "\n", "2", r"x(\[0\])+", "nested more than"),
    # libyaml's composer crashes the interpreter at this depth; the pre-check must keep it away
    "absurdly deep nesting": ("roles/beta.yaml", "id: beta\nx: " + "[" * 200_000 + "]" * 200_000 + "\n", "2",
                              r"x(\[0\])+", "nested more than"),
    "enormous string": ("roles/beta.yaml", "id: beta\ntitle: '" + "x" * 2_000_000 + "'\n", "1", r"\(file\)", "keep data files under"),
    "control character": ("roles/beta.yaml", 'id: beta\ntitle: "Beta\\x7f"\n', "2", "title", "control character U+007F"),
    "long string": ("roles/beta.yaml", "id: beta\ntitle: '" + "x" * 50_000 + "'\n", "2", "title", "keep values under"),
}


def beta_with(**change) -> str:
    role = datafactory.base_roles()["beta"]
    role.update(change)
    return yaml.safe_dump({k: v for k, v in role.items() if v is not None}, sort_keys=False)


def content_for(name: str):
    src = datafactory.SOURCE
    salary = {"id": "pay", "label": "Pay", "measure": "average", "currency": "USD", "region": "US", "year": 2024,
              "low": 1, "high": 5, "source": src}
    return {
        "wrong type": lambda: beta_with(qualifications={"experience": {"min_years": "seven", "source": src}}),
        "missing required field": lambda: beta_with(focus=None),
        "unknown field": lambda: beta_with(sumary="typo"),
        "unknown role reference": lambda: beta_with(related=[{"role": "alpah", "relation": "x", "source": src}]),
        "unknown skill reference": lambda: beta_with(skills=[{"skill": "pyton", "need": "required", "source": src}]),
        "unknown source reference": lambda: beta_with(summary={"text": "x", "source": "blog"}),
        "salary minimum above maximum": lambda: yaml.safe_dump({"salaries": [{**salary, "low": 9}]}),
        "unknown currency": lambda: yaml.safe_dump({"salaries": [{**salary, "currency": "DOLLARS"}]}),
        "year in the future": lambda: yaml.safe_dump({"salaries": [{**salary, "year": 3000}]}),
    }[name]()


def problems_of(data: Path) -> list[str]:
    with pytest.raises(DataError) as err:
        load(data, root=data.parent, today=TODAY)
    assert str(err.value).startswith(f"{len(err.value.problems)} problem(s) in the data files:\n")
    return [str(p) for p in err.value.problems]


def write_case(data: Path, name: str) -> re.Pattern:
    """Write case `name` into `data`; return the pattern of the line it must be reported as."""
    where, content, line, field, words = CASES[name]
    content = content_for(name) if content is None else content
    target = data / where
    (target.write_bytes if isinstance(content, bytes) else target.write_text)(content)
    return re.compile(rf"^data/{re.escape(where)}:{line}: {field}: .*{re.escape(words)}")


# Run in a child process by the end-to-end test below instead: if the nesting guard ever let
# this through, libyaml would take the test run down with it.
IN_A_CHILD = {"absurdly deep nesting"}


@pytest.mark.parametrize("name", [n for n in CASES if n not in IN_A_CHILD])
def test_bad_data_is_reported_with_file_line_and_field(tmp_path, name):
    data = datafactory.write_data(tmp_path)
    expected = write_case(data, name)
    found = problems_of(data)
    assert any(expected.search(p) for p in found), found


def test_all_problems_are_reported_at_once(tmp_path):
    data = datafactory.write_data(tmp_path)
    (data / "roles" / "beta.yaml").write_text(beta_with(sumary="typo", coverage="partial"))
    (data / "pay.yaml").write_text(content_for("year in the future"))
    found = problems_of(data)
    assert len(found) == 3 and all(re.match(r"^data/\S+:\d+: ", p) for p in found), found


def test_validate_prints_one_line_per_problem_and_exits_1_without_a_traceback(tmp_path):
    """End to end, as a contributor runs it: scripts/validate on a broken data folder."""
    roles = datafactory.base_roles()
    roles["alpha"]["sumary"] = "typo"
    data = datafactory.write_data(tmp_path, roles=roles)
    expected = [write_case(data, name) for name in (*IN_A_CHILD, "year in the future")]
    lines = (data / "roles" / "alpha.yaml").read_text().splitlines()
    typo_line = next(i for i, text in enumerate(lines, 1) if text.startswith("sumary:"))
    expected.append(re.compile(rf"^data/roles/alpha\.yaml:{typo_line}: sumary: unknown field; did you mean 'summary'\?$"))
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate"), str(data)],
                            capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 1, result.stderr[:2000]
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == ""
    header, *problems = result.stderr.splitlines()
    assert header == f"{len(problems)} problem(s) in the data files:", result.stderr[:2000]
    assert len(problems) == len(expected), result.stderr[:2000]
    assert all(re.match(r"^data/[\w/.-]+\.yaml:\d+: \S+: \S.*; \S", p) for p in problems), result.stderr[:2000]
    for pattern in expected:
        assert any(pattern.search(p) for p in problems), (pattern.pattern, result.stderr[:2000])


def test_validate_passes_on_the_real_data():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate")], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data OK:")
