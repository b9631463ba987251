"""The data's history from git: when each data file last changed, and what the latest changes did.

One `git log` over the data folder per build, and one `git cat-file --batch` that reads each file
the latest commits changed, before and after: comparing the two versions says what a reader
wants to know (a role added, a pay figure updated, a source added), not what a commit message
says. Nothing here is required: without git, outside a repository (a source archive), or in a
shallow clone (whose one commit would date every file to the day it was cloned) the history is
empty and the pages leave the dates out.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml

from .kinds import BY_REF, COLLECTIONS, ONE_PER_FILE

_RECORD = "\x1e"  # starts each commit in the log's output
_UNIT = "\x1f"  # separates a commit's fields
COMPARED = 30
"""The latest commits whose files are compared, before and after (what the Recent changes page shows)."""


@dataclass(frozen=True)
class EntryChange:
    """One entry of the data added, removed or updated by a commit."""

    ref: str
    """The kind, as references name it (role, source, salary…)."""
    ident: str
    how: Literal["added", "removed", "updated"]
    name: str
    """The entry's title, name or label (as it was, for one removed)."""
    fields: tuple[str, ...] = ()
    """For an update: the entry's fields that changed."""


@dataclass(frozen=True)
class Change:
    """One commit that changed the data."""

    day: date
    subject: str
    files: tuple[str, ...]
    """Changed files, relative to the data folder (`roles/cto.yaml`)."""
    commit: str = field(default="", compare=False)
    entries: tuple[EntryChange, ...] = field(default=(), compare=False)
    """What the commit did to the data's entries (only for the latest COMPARED commits)."""


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
               f"--format={_RECORD}%cI{_UNIT}%s{_UNIT}%H", "--", ".")
    if not out:
        return NO_HISTORY
    history = parse_log(out)
    prefix = (_git(data_dir, "rev-parse", "--show-prefix") or "").strip()
    return History(_compared(data_dir, prefix, history.changes), history.last_changed)


def parse_log(out: str) -> History:
    """Parse the output of the `git log` above (exposed for tests)."""
    changes: list[Change] = []
    last: dict[str, date] = {}
    for record in out.split(_RECORD)[1:]:
        head, _, names = record.partition("\n")
        stamp, _, rest = head.partition(_UNIT)
        subject, _, commit = rest.partition(_UNIT)
        try:
            day = date.fromisoformat(stamp[:10])
        except ValueError:
            continue
        files = tuple(n.strip() for n in names.splitlines() if n.strip())
        if not files:
            continue
        changes.append(Change(day, subject.strip(), files, commit.strip()))
        for name in files:
            last.setdefault(name, day)  # newest first: the first date seen is the last change
    return History(tuple(changes), last)


def _compared(data_dir: Path, prefix: str, changes: tuple[Change, ...]) -> tuple[Change, ...]:
    """The changes, the latest COMPARED of them with what they did to the data's entries."""
    wanted = [(c, name) for c in changes[:COMPARED] if c.commit for name in c.files]
    names = [f"{c.commit}^:{prefix}{name}" for c, name in wanted] + [f"{c.commit}:{prefix}{name}" for c, name in wanted]
    blobs = _read_blobs(data_dir, names)
    if blobs is None:
        return changes
    found: dict[str, list[EntryChange]] = {}
    for c, name in wanted:
        before, after = blobs.get(f"{c.commit}^:{prefix}{name}"), blobs.get(f"{c.commit}:{prefix}{name}")
        found.setdefault(c.commit, []).extend(diff_file(name, before, after))
    return tuple(Change(c.day, c.subject, c.files, c.commit, tuple(found.get(c.commit, ()))) for c in changes)


def _read_blobs(cwd: Path, names: list[str]) -> dict[str, str] | None:
    """`<commit>:<path>` → the file's text then, for the names that exist (one git process)."""
    if not names:
        return {}
    try:
        result = subprocess.run(["git", "-C", str(cwd), "cat-file", "--batch"], input=("\n".join(names) + "\n").encode("utf-8"),
                                capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    out, pos, found = result.stdout, 0, {}
    for name in names:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        pos = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            found[name] = out[pos:pos + size].decode("utf-8", "replace")
            pos += size + 1
    return found


def _parse(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return None  # a broken version of a file: nothing to compare


def _name(entry: dict, key: str) -> str:
    respondent = entry.get("respondent")
    if isinstance(respondent, dict) and isinstance(respondent.get("title"), str):  # a practitioner's answer
        entry = {**entry, "title": ", ".join(str(respondent[k]) for k in ("title", "industry") if respondent.get(k))}
    for field_name in ("title", "name", "label", key):
        if isinstance(entry.get(field_name), str):
            return " ".join(entry[field_name].split())
    return str(entry.get(key, ""))


def _changed_fields(before: dict, after: dict) -> tuple[str, ...]:
    return tuple(k for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k))


def diff_file(path: str, before_text: str | None, after_text: str | None) -> list[EntryChange]:
    """What a change to one data file did to its entries: pure, so tests can give it two texts."""
    before, after = _parse(before_text), _parse(after_text)
    entry = _one_entry(path)
    if entry is not None:  # one entry per file: the file came, went or changed
        ref, ident = entry
        old, new = (before if isinstance(before, dict) else None), (after if isinstance(after, dict) else None)
        key = BY_REF[ref].key
        if old is None and new is not None:
            return [EntryChange(ref, ident, "added", _name(new, key))]
        if new is None and old is not None:
            return [EntryChange(ref, ident, "removed", _name(old, key))]
        if old is not None and new is not None and old != new:
            return [EntryChange(ref, ident, "updated", _name(new, key), _changed_fields(old, new))]
        return []
    found: list[EntryChange] = []
    old_doc = before if isinstance(before, dict) else {}
    new_doc = after if isinstance(after, dict) else {}
    for name, kind in COLLECTIONS.items():
        old_entries = _by_key(old_doc.get(name), kind.key)
        new_entries = _by_key(new_doc.get(name), kind.key)
        for ident, entry_now in new_entries.items():
            if ident not in old_entries:
                found.append(EntryChange(kind.ref, ident, "added", _name(entry_now, kind.key)))
            elif old_entries[ident] != entry_now:
                found.append(EntryChange(kind.ref, ident, "updated", _name(entry_now, kind.key),
                                         _changed_fields(old_entries[ident], entry_now)))
        for ident, entry_then in old_entries.items():
            if ident not in new_entries:
                found.append(EntryChange(kind.ref, ident, "removed", _name(entry_then, kind.key)))
    return found


def _one_entry(path: str) -> tuple[str, str] | None:
    """The (kind, id) a file of a one-per-file kind holds, by the loader's rule that such a file is
    named by its entry's id (kinds.Kind.one_per_file); for a past version of a file too, which the
    loaded Atlas (atlas.entry_in) may no longer hold."""
    folder, _, name = path.rpartition("/")
    kind = ONE_PER_FILE.get(folder)
    if kind is None or not name.endswith(".yaml"):
        return None
    return kind.ref, name[: -len(".yaml")]


def _by_key(entries: Any, key: str) -> dict[str, dict]:
    if not isinstance(entries, list):
        return {}
    return {str(e[key]): e for e in entries if isinstance(e, dict) and key in e}


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

