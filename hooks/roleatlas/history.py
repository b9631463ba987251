"""The data's history from git: when each data file last changed, and the latest changes.

One `git log` over the data folder per build. Nothing here is required: without git, outside a
repository (a source archive), or in a shallow clone (whose one commit would date every file to
the day it was cloned) the history is empty and the pages leave the dates out.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


_RECORD = "\x1e"  # starts each commit in the log's output
_UNIT = "\x1f"  # separates a commit's date from its subject


@dataclass(frozen=True)
class Change:
    """One commit that changed the data."""

    day: date
    subject: str
    files: tuple[str, ...]
    """Changed files, relative to the data folder (`roles/cto.yaml`)."""


@dataclass(frozen=True)
class History:
    changes: tuple[Change, ...] = ()
    """Every commit that changed the data, newest first."""
    last_changed: dict[str, date] = field(default_factory=dict)
    """Data file (relative to the data folder) → the day of the last commit that changed it."""

    def recent(self, count: int) -> tuple[Change, ...]:
        return self.changes[:count]


NO_HISTORY = History()


def read_history(data_dir: Path) -> History:
    """The git history of `data_dir`, or NO_HISTORY when there is none to trust."""
    shallow = _git(data_dir, "rev-parse", "--is-shallow-repository")
    if shallow is None or shallow.strip() != "false":
        return NO_HISTORY
    out = _git(data_dir, "log", "--no-renames", "--relative", "--name-only",
               f"--format={_RECORD}%cI{_UNIT}%s", "--", ".")
    if not out:
        return NO_HISTORY
    return parse_log(out)


def parse_log(out: str) -> History:
    """Parse the output of the `git log` above (exposed for tests)."""
    changes: list[Change] = []
    last: dict[str, date] = {}
    for record in out.split(_RECORD)[1:]:
        head, _, names = record.partition("\n")
        stamp, _, subject = head.partition(_UNIT)
        try:
            day = date.fromisoformat(stamp[:10])
        except ValueError:
            continue
        files = tuple(n.strip() for n in names.splitlines() if n.strip())
        if not files:
            continue
        changes.append(Change(day, subject.strip(), files))
        for name in files:
            last.setdefault(name, day)  # newest first: the first date seen is the last change
    return History(tuple(changes), last)


def _git(cwd: Path, *args: str) -> str | None:
    """Output of a git command run in `cwd`, or None when git or the repository is missing."""
    if not cwd.is_dir():
        return None
    try:
        result = subprocess.run(["git", "-c", "core.quotePath=false", "-C", str(cwd), *args],
                                capture_output=True, text=True, encoding="utf-8", timeout=60,
                                stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None

