"""Problems found in the data, collected rather than raised, so a contributor sees all at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one data file, where and how to fix it."""

    path: str
    line: int
    field: str
    message: str
    unreadable: bool = False
    """The file could not be read at all (a YAML syntax error, bad bytes): listed first, as the cause
    of anything else."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field or '(file)'}: {self.message}"


class DataError(Exception):
    """Raised once, after loading, when any problem was found."""

    def __init__(self, problems: list[Problem], entries: dict[tuple[str, str], str] | None = None):
        self.entries = entries or {}
        """(kind, id) → data file, relative to the data folder, of every entry that could be read
        (the addresses a served error page answers at)."""
        self.problems = sorted(problems, key=lambda p: (not p.unreadable, p.path, p.line, p.field))
        count = len(self.problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{count} problem(s) in the data files:\n{lines}")


def display_path(path: Path, root: Path) -> str:
    """The path as a contributor would type it: relative to the project when possible."""
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
