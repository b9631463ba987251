"""Load and validate every file in data/: all problems at once, or a complete Atlas.

Layout of data/:
- ``roles/<id>.yaml`` and ``topics/<id>.yaml``: one role or topic per file, its id the file name;
- ``oews/``: BLS's OEWS release as scripts/import-oews writes it, read by ``oews.py``;
- any other ``*.yaml``: a mapping of collections (``sources``, ``skills``, ``salaries``,
  ``dimensions``, ``perspectives``, ``comparisons``, ``terms``), each a list; a collection may be
  split over several files.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .atlas import Atlas
from .convert import FileCheck, Ref, build_object
from .kinds import BY_NAME, COLLECTIONS, KINDS, ONE_PER_FILE
from .oews import FOLDER as OEWS_FOLDER, load_release
from .problems import DataError, Problem, display_path
from .yaml_lines import LList, LMap, read_yaml


@dataclass(frozen=True)
class Located:
    """A built object and where it was defined, for duplicate and reference errors."""

    obj: Any
    path: str
    line: int


def data_files(data_dir: Path) -> list[Path]:
    """Every YAML file under data/, in a stable order; .yml is refused later, never skipped. The
    imported release in data/oews/ is read by oews.py, not here."""
    return sorted(p for p in data_dir.rglob("*") if p.is_file() and not p.name.startswith(".")
                  and p.relative_to(data_dir).parts[0] != OEWS_FOLDER)


def _one_per_file(cls: type, content: Any, path: Path, ctx: FileCheck) -> list[Located]:
    obj = build_object(cls, content, ctx, "", 1)
    if obj is None:
        return []
    if obj.id != path.stem:
        line = content.key_lines.get("id", 1) if isinstance(content, LMap) else 1
        ctx.problem(line, "id", f"'{obj.id}' differs from the file name '{path.stem}'; "
                    f"rename the file to {obj.id}.yaml or change the id")
    return [Located(obj, ctx.path, content.key_lines.get("id", 1) if isinstance(content, LMap) else 1)]


def _collections(content: Any, ctx: FileCheck) -> dict[str, list[Located]]:
    found: dict[str, list[Located]] = {}
    if not isinstance(content, dict):
        ctx.problem(getattr(content, "line", 1), "(top level)", "expected a mapping of collections "
                    f"({', '.join(COLLECTIONS)}), each a list")
        return found
    for key, items in content.items():
        line = content.key_lines.get(key, 1) if isinstance(content, LMap) else 1
        kind = COLLECTIONS.get(key)
        if kind is None:
            ctx.problem(line, key, f"unknown collection; expected one of {', '.join(COLLECTIONS)} "
                        f"({' and '.join(ONE_PER_FILE)} go in {_folders()}, one per file)")
            continue
        if not isinstance(items, list):
            ctx.problem(line, key, f"expected a list of {kind.ref} entries")
            continue
        lines = items.item_lines if isinstance(items, LList) else [line] * len(items)
        for i, item in enumerate(items):
            obj = build_object(kind.model, item, ctx, f"{key}[{i}]", lines[i])
            if obj is not None:
                found.setdefault(key, []).append(Located(obj, ctx.path, lines[i]))
    return found


def _folders() -> str:
    return " or ".join(f"data/{name}/" for name in ONE_PER_FILE)


def _declared_ids(kind: str, content: Any, declared: dict[str, set[str]], files: dict[tuple[str, str], str],
                  file: str, fallback: str = "") -> None:
    """Remember ids even of entries that failed to build, so one mistake is not reported again
    as an unknown reference everywhere the entry is named; and the file that holds each entry."""
    if kind not in BY_NAME:
        return
    ref, key = BY_NAME[kind].ref, BY_NAME[kind].key
    items = content if isinstance(content, list) else [content]
    for item in items:
        ident = item.get(key) if isinstance(item, dict) else None
        if isinstance(ident, str) or fallback:
            ident = ident if isinstance(ident, str) else fallback
            declared[ref].add(ident)
            files.setdefault((ref, ident), file)


_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)[ \t]*:", re.MULTILINE)


def _kinds_in_unreadable(path: Path) -> set[str]:
    """The kinds (by ref) a collection file that does not parse may hold: the collections named by
    its top-level keys, or every collection when none can be seen. References to them are not
    checked until the file parses: its ids are unknown, and each would be reported again."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        text = ""
    named = {COLLECTIONS[key].ref for key in _TOP_KEY.findall(text) if key in COLLECTIONS}
    return named or {kind.ref for kind in COLLECTIONS.values()}


def _read_all(data_dir: Path, root: Path, today: date, problems: list[Problem], refs: list[Ref],
              declared: dict[str, set[str]], unchecked: set[str],
              files: dict[tuple[str, str], str]) -> dict[str, list[Located]]:
    found: dict[str, list[Located]] = {kind.name: [] for kind in KINDS}
    for path in data_files(data_dir):
        shown = display_path(path, root)
        ctx = FileCheck(shown, today)
        folder = path.parent.name if path.parent != data_dir else ""
        file = path.relative_to(data_dir).as_posix()
        if folder in ONE_PER_FILE:
            declared[ONE_PER_FILE[folder].ref].add(path.stem)
            if path.suffix == ".yaml":
                files.setdefault((ONE_PER_FILE[folder].ref, path.stem), file)
        if path.suffix != ".yaml":
            ctx.problem(0, "", "not a data file; data files end in .yaml (rename it or move it out of data/)")
        else:
            content, read_problems = read_yaml(path, shown)
            ctx.problems.extend(dataclasses.replace(p, unreadable=True) for p in read_problems)
            if content is None and not folder:
                unchecked |= _kinds_in_unreadable(path)
            if content is not None and folder in ONE_PER_FILE:
                _declared_ids(folder, content, declared, files, file, fallback=path.stem)
                found[folder] += _one_per_file(ONE_PER_FILE[folder].model, content, path, ctx)
            elif content is not None and folder:
                ctx.problem(0, "", f"unknown folder '{folder}'; use {_folders()} or data/ itself")
            elif content is not None:
                for key, items in (content.items() if isinstance(content, dict) else ()):
                    _declared_ids(key, items, declared, files, file)
                for key, items in _collections(content, ctx).items():
                    found[key] += items
        problems.extend(ctx.problems)
        refs.extend(ctx.refs)
    return found


def _unique_ids(found: dict[str, list[Located]], problems: list[Problem]) -> None:
    """Ids name pages and anchors; two facts with one id would silently hide one of them."""
    for kind, items in found.items():
        if kind == "perspectives":
            continue  # checked together with their claims in _known_ids
        first: dict[str, Located] = {}
        for item in items:
            ident = getattr(item.obj, BY_NAME[kind].key)
            if ident in first:
                other = first[ident]
                problems.append(Problem(item.path, item.line, "id", f"{BY_NAME[kind].ref} id '{ident}' is already "
                                        f"used at {other.path}:{other.line}; ids must be unique"))
            else:
                first[ident] = item


def _check_claims_and_former_ids(found: dict[str, list[Located]], problems: list[Problem]) -> None:
    """Perspectives, their claims and the dimensions share the perspectives page's anchors."""
    anchors: set[str] = {d.obj.id for d in found["dimensions"]}
    for item in found["perspectives"]:
        for claim in [item.obj, *item.obj.claims]:
            if claim.id in anchors:
                problems.append(Problem(item.path, item.line, "id", f"id '{claim.id}' is already a perspective, "
                                        "claim or dimension id; anchors on the perspectives page must be unique"))
            anchors.add(claim.id)
    roles = {r.obj.id for r in found["roles"]}
    for item in found["roles"]:
        for old in item.obj.former_ids:
            if old in roles:
                problems.append(Problem(item.path, item.line, "former_ids", f"'{old}' is a current role id; "
                                        "a former id must not name a live page"))


def _resolve(refs: list[Ref], known: dict[str, set[str]], problems: list[Problem], unchecked: set[str]) -> None:
    for ref in refs:
        if ref.kind not in unchecked and ref.value not in known[ref.kind]:
            close = difflib.get_close_matches(ref.value, sorted(known[ref.kind]), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "define it in data/ first"
            problems.append(Problem(ref.path, ref.line, ref.field, f"unknown {ref.kind} id '{ref.value}'; {hint}"))


def load(data_dir: Path, *, today: date, root: Path | None = None) -> Atlas:
    """Read, validate and cross-reference data/; raise DataError listing every problem.

    `today` is the build's date (a salary figure's year may not be after it), given rather than
    read from the clock so that a build is reproducible."""
    root = root or data_dir.parent
    problems: list[Problem] = []
    refs: list[Ref] = []
    if not data_dir.is_dir():
        raise DataError([Problem(str(data_dir), 0, "", "data folder not found; run from the project root")])
    declared: dict[str, set[str]] = {kind.ref: set() for kind in KINDS}
    unchecked: set[str] = set()  # kinds whose ids are unknown: a file that may hold them does not parse
    files: dict[tuple[str, str], str] = {}  # (kind, id) → the data file that holds it
    found = _read_all(data_dir, root, today, problems, refs, declared, unchecked, files)
    pay, pay_problems = load_release(data_dir, root)
    problems += pay_problems
    if pay is not None:
        declared["source"].add(pay.id)
        found["sources"].append(Located(pay.source, f"{display_path(data_dir, root)}/{OEWS_FOLDER}/release.json", 1))
        files[("source", pay.id)] = f"{OEWS_FOLDER}/release.json"
    _unique_ids(found, problems)
    _check_claims_and_former_ids(found, problems)
    _resolve(refs, declared, problems, unchecked)
    if problems:
        raise DataError(problems, files)
    return Atlas.create(files=files, pay=pay,
                        **{kind: tuple(item.obj for item in items) for kind, items in found.items()})
