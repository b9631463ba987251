"""Which data file holds each entry that has a page: where its "Edit this page" link leads.

A role or topic is its own file (`roles/<id>.yaml`). Skills and comparisons sit in files of
collections, which may be split over several files; each such file is scanned for its top-level
collection keys and the `id:` lines under them (no second YAML parse: a plain line scan).
"""

from __future__ import annotations

import re
from pathlib import Path

from .kinds import COLLECTIONS, ONE_PER_FILE

_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:", re.MULTILINE)
_ID_LINE = re.compile(r"""^[ \t]*(?:-[ \t]+)?(id)[ \t]*:[ \t]*["']?([a-z0-9]+(?:-[a-z0-9]+)*)["']?[ \t]*(?:#.*)?$""",
                      re.MULTILINE)


def entry_files(data_dir: Path) -> dict[tuple[str, str], str]:
    """(kind, id) → data file relative to `data_dir`, for every kind with pages."""
    found: dict[tuple[str, str], str] = {}
    for kind in ONE_PER_FILE.values():
        if kind.page:
            for path in sorted((data_dir / kind.name).glob("*.yaml")):
                found[(kind.ref, path.stem)] = f"{kind.name}/{path.name}"
    with_pages = {name: k.ref for name, k in COLLECTIONS.items() if k.page and k.key == "id"}
    if not with_pages:
        return found
    for path in sorted(data_dir.glob("*.yaml")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for (ref, ident) in _ids_by_collection(text, with_pages):
            found.setdefault((ref, ident), path.name)
    return found


def _ids_by_collection(text: str, with_pages: dict[str, str]) -> list[tuple[str, str]]:
    """The ids of the entries of each collection with pages; an entry's own `id:` is the least
    indented one in its collection (ids of nested items sit deeper)."""
    keys = [(m.start(), m.group(1)) for m in _TOP_KEY.finditer(text)]
    ends = [start for start, _ in keys[1:]] + [len(text)]
    found = []
    for (start, key), end in zip(keys, ends):
        if key not in with_pages:
            continue
        ids = [(m.start(1) - m.start(), m.group(2)) for m in _ID_LINE.finditer(text, start, end)]
        column = min((c for c, _ in ids), default=0)
        found += [(with_pages[key], ident) for c, ident in ids if c == column]
    return found
