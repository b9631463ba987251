#!/usr/bin/env python3
"""Write and check requirements.lock: one registry pin (`name==version`) per installed package.

The lock is resolved by pip from the package index in dry-run mode (`pip install --dry-run
--ignore-installed --report`), never frozen from a venv: a venv may hold a package installed from a
local wheel or in editable mode, and freezing it writes a path that exists on one machine only.
Every package pip would take must come from the index over HTTPS; anything else is refused.

    python3 scripts/lockfile.py write      resolve ".[test]" and write requirements.lock
    python3 scripts/lockfile.py check      check requirements.lock against pyproject.toml
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
PYPROJECT = ROOT / "pyproject.toml"
EXTRAS = ("test",)  # the extras ./scripts/setup installs with the lock
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[A-Za-z0-9][A-Za-z0-9.+!_-]*)$")
REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
HEADER = """\
# Exact versions of every package ./scripts/setup installs (pip install -c requirements.lock -e ".[test]").
# Resolved from the package index by ./scripts/lock on {date}, with Python {python}: pip's dry-run
# report, so every line is a registry pin. Do not edit by hand; change the ranges in pyproject.toml
# and run ./scripts/lock.
"""


def canonical(name: str) -> str:
    """PEP 503 normalised name: `Jinja2`, `jinja2` and `jinja_2` name one package."""
    return re.sub(r"[-_.]+", "-", name).lower()


def required_names(pyproject: Path = PYPROJECT, extras: tuple[str, ...] = EXTRAS) -> set[str]:
    """The packages pyproject.toml asks for directly: its dependencies and the extras the lock covers."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    wanted = list(project.get("dependencies", []))
    for extra in extras:
        wanted += project.get("optional-dependencies", {}).get(extra, [])
    names = set()
    for requirement in wanted:
        match = REQUIREMENT_NAME.match(requirement)
        if match:
            names.add(canonical(match.group(1)))
    return names


def lock_problems(lock_text: str, required: set[str]) -> list[str]:
    """Every line of a lock that is not a registry pin, and every required package it leaves out."""
    problems = []
    pinned = set()
    for number, raw in enumerate(lock_text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = PIN.match(line)
        if not match:
            problems.append(f"requirements.lock:{number}: '{line[:100]}' is not a registry pin; "
                            "every line must be name==version (a URL, a local path or an '@' reference "
                            "installs on one machine only); run ./scripts/lock")
            continue
        pinned.add(canonical(match.group("name")))
    for name in sorted(required - pinned):
        problems.append(f"requirements.lock: '{name}' is required by pyproject.toml but not pinned; "
                        "run ./scripts/lock")
    return problems


def pins_from_report(report: dict, project: str) -> list[str]:
    """`name==version` for each package pip's report would install, refusing any not from an index.

    pip records how it would fetch each package in `download_info`: `archive_info` with an https URL
    is a file from a package index; `dir_info`, `vcs_info` or a file: URL is a local or direct
    source, which no other machine has.
    """
    pins, refused = [], []
    for item in report.get("install", []):
        name, version = item["metadata"]["name"], item["metadata"]["version"]
        if canonical(name) == canonical(project):
            continue
        info = item.get("download_info", {})
        url = info.get("url", "")
        if item.get("is_direct") or "archive_info" not in info or not url.startswith("https://"):
            refused.append(f"{name} {version} would come from {url or 'an unknown place'}")
            continue
        pins.append(f"{name}=={version}")
    if refused:
        raise SystemExit("./scripts/lock: refusing to write a lock with packages that are not from the "
                         "package index:\n  " + "\n  ".join(refused) +
                         "\nCheck pip's configuration (find-links, extra index URLs) and try again.")
    return sorted(pins, key=lambda pin: canonical(pin.split("==")[0]))


def _index_only_environment() -> dict[str, str]:
    """pip's environment without local wheel folders or extra indexes this machine may configure."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("PIP_") or key in {"PIP_CERT", "PIP_DEFAULT_TIMEOUT", "PIP_INDEX_URL"}}
    env["PIP_CONFIG_FILE"] = os.devnull  # no pip.conf: its find-links may point at local wheels
    return env


def resolve(python: str = sys.executable) -> list[str]:
    """Resolve `.[test]` from the index as a fresh install would, and return the pins."""
    with tempfile.TemporaryDirectory() as tmp:
        report_path = Path(tmp) / "report.json"
        extras = ",".join(EXTRAS)
        done = subprocess.run(
            [python, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
             "--disable-pip-version-check", "--report", str(report_path), f".[{extras}]"],
            cwd=ROOT, env=_index_only_environment(), text=True, capture_output=True)
        if done.returncode != 0:
            raise SystemExit(f"./scripts/lock: pip could not resolve .[{extras}]:\n{done.stderr.strip()}")
        report = json.loads(report_path.read_text(encoding="utf-8"))
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["name"]
    return pins_from_report(report, project)


def write(pins: list[str]) -> str:
    python = ".".join(map(str, sys.version_info[:3]))
    text = HEADER.format(date=datetime.now(timezone.utc).date().isoformat(), python=python) + \
        "".join(f"{pin}\n" for pin in pins)
    problems = lock_problems(text, required_names())
    if problems:
        raise SystemExit("./scripts/lock: the resolved lock is not valid, nothing written:\n" + "\n".join(problems))
    LOCK.write_text(text, encoding="utf-8")
    return text


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "write":
        pins = write(resolve())
        print(f"Wrote requirements.lock ({len(pins.splitlines()) - HEADER.count(chr(10))} packages).")
        return 0
    if command == "check":
        problems = lock_problems(LOCK.read_text(encoding="utf-8"), required_names())
        print("\n".join(problems) if problems else "requirements.lock: every line is a registry pin")
        return 1 if problems else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
