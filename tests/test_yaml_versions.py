"""The depth guard speaks the project's own `path:line: field` message under every PyYAML in range.

PyYAML 6.0.4's wheels bundle a libyaml that stops deep text with its own "exceeded maximum nesting
depth"; 6.0.3's parse on. Each release is installed from the package index into a folder of its own
and the guard runs against it in a child process, so the test sees the real library's behaviour.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys, yaml
from pathlib import Path
from roleatlas.yaml_lines import read_yaml
out = {"version": yaml.__version__, "libyaml": yaml.__with_libyaml__, "problems": {}}
for name in sys.argv[1:]:
    _, problems = read_yaml(Path(name), Path(name).name)
    out["problems"][Path(name).name] = [str(p) for p in problems]
print(json.dumps(out))
"""


@pytest.mark.slow
@pytest.mark.parametrize("version", ["6.0.3", "6.0.4"])
def test_deep_nesting_gives_the_projects_message_under_pyyaml(version: str, tmp_path: Path) -> None:
    target = tmp_path / "site-packages"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "--no-deps", "--only-binary", ":all:", "--target", str(target), f"PyYAML=={version}"],
                   check=True, timeout=300)
    files = {"deep.yaml": "id: beta\nx: " + "[" * 500 + "]" * 500 + "\n",
             "abyss.yaml": "id: beta\nx: " + "[" * 200_000 + "]" * 200_000 + "\n",
             "block.yaml": "id: beta\n" + "".join(" " * (2 * i) + f"k{i}:\n" for i in range(600)) + " " * 1200 + "v: 1\n"}
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = subprocess.run([sys.executable, "-c", CHILD, *(str(tmp_path / n) for n in files)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert result["version"] == version and result["libyaml"], result  # the release asked for, in C
    for name, problems in result["problems"].items():
        assert len(problems) == 1, (name, problems)
        assert "nested more than 10 levels deep" in problems[0], (name, problems)
        assert "exceeded maximum nesting depth" not in problems[0], (name, problems)
    assert result["problems"]["deep.yaml"][0].startswith("deep.yaml:2: x[0][0]"), result
    assert result["problems"]["block.yaml"][0].startswith("block.yaml:"), result
