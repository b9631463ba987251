"""Turn located YAML values into model objects, guided by the model's type hints.

One generic builder instead of a hand-written check per class: a new field in `model.py` is
validated, documented in the JSON Schema and reported with its line without further code.
References to other ids are only recorded here; `load.py` resolves them once everything is read.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .model import ID_PATTERN
from .problems import Problem
from .shape import describe, fields_of, shape
from .yaml_lines import LList, LMap

_ID = re.compile(ID_PATTERN)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


@dataclass(frozen=True)
class Ref:
    """A reference to an id of another kind, to check after loading."""

    kind: str
    value: str
    path: str
    line: int
    field: str


@dataclass
class FileCheck:
    """One data file being converted: its path, the build's date, and the problems and references
    found on the way."""

    path: str
    today: date
    problems: list[Problem] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)

    def problem(self, line: int, name: str, message: str) -> None:
        self.problems.append(Problem(self.path, line, name, message))


def _kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"the text {str(value)[:40]!r}"


def build(tp: Any, value: Any, ctx: FileCheck, name: str, line: int, meta: dict[str, Any]) -> Any:
    """Check `value` against type `tp`; return the built value, or None after recording a problem."""
    kind, arg = shape(tp)
    if kind == "optional":
        return None if value is None else build(arg, value, ctx, name, line, meta)
    if kind == "list":
        return _build_list(arg, value, ctx, name, line, meta)
    if kind == "choice":
        choices = arg
        if value not in choices:
            close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            ctx.problem(line, name, f"got {_kind_of(value)}; expected {describe(tp)}{hint}")
            return None
        return value
    if kind == "object":
        return build_object(tp, value, ctx, name, line)
    return _build_scalar(tp, value, ctx, name, line, meta)


def _build_scalar(tp: type, value: Any, ctx: FileCheck, name: str, line: int, meta: dict[str, Any]) -> Any:
    ok = isinstance(value, tp) and not (tp is int and isinstance(value, bool))
    if tp is str and isinstance(value, (int, float)) and not isinstance(value, bool):
        value, ok = str(value), True  # a number where text is expected is still the text written
    if not ok:
        ctx.problem(line, name, f"got {_kind_of(value)}; expected {describe(tp)}")
        return None
    if tp is str:
        if not value.strip():
            ctx.problem(line, name, "is empty; write the text or remove the field")
            return None
        control = _CONTROL.search(value)
        if control:
            ctx.problem(line, name, f"contains the control character U+{ord(control.group()):04X}; remove it")
            return None
        if meta.get("id") and not _ID.match(value):
            ctx.problem(line, name, f"{value!r} is not a valid id; use lowercase letters, digits and "
                        "single hyphens (for example 'vp-engineering')")
            return None
        if "ref" in meta:
            ctx.refs.append(Ref(meta["ref"], value, ctx.path, line, name))
    return value


def _build_list(item_tp: Any, value: Any, ctx: FileCheck, name: str, line: int, meta: dict[str, Any]) -> Any:
    if not isinstance(value, list):
        ctx.problem(line, name, f"got {_kind_of(value)}; expected {describe(tuple[item_tp, ...])}")
        return None
    lines = value.item_lines if isinstance(value, LList) else [line] * len(value)
    built = [build(item_tp, item, ctx, f"{name}[{i}]", lines[i], meta) for i, item in enumerate(value)]
    return None if any(b is None for b in built) else tuple(built)


def build_object(cls: type, value: Any, ctx: FileCheck, name: str, line: int) -> Any:
    """Build one dataclass from a mapping, reporting unknown, missing and wrong fields."""
    if not isinstance(value, dict):
        ctx.problem(line, name or "(top level)", f"got {_kind_of(value)}; expected {describe(cls)} "
                    f"with fields {', '.join(fields_of(cls))}")
        return None
    key_lines = value.key_lines if isinstance(value, LMap) else {}
    here = getattr(value, "line", line)
    known = fields_of(cls)
    prefix = f"{name}." if name else ""
    failed = False
    for key in value:
        if key not in known:
            close = difflib.get_close_matches(key, list(known), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(known)}"
            ctx.problem(key_lines.get(key, here), f"{prefix}{key}", f"unknown field; {hint}")
            failed = True
    args: dict[str, Any] = {}
    for f in known.values():
        if f.name not in value or (value[f.name] is None and f.required):
            if f.required:
                ctx.problem(here, f"{prefix}{f.name}", f"missing; add it: {f.meta.get('doc', '')}".rstrip(": "))
                failed = True
            continue
        built = build(f.type, value[f.name], ctx, f"{prefix}{f.name}", key_lines.get(f.name, here), f.meta)
        if built is None and value[f.name] is not None:
            failed = True
        elif built is not None:
            args[f.name] = built
    if failed:
        return None
    obj = cls(**args)
    _check_object(obj, ctx, prefix, key_lines, here)
    return obj


def _check_object(obj: Any, ctx: FileCheck, prefix: str, key_lines: dict[str, int], here: int) -> None:
    """Rules that span fields of one object."""
    check = getattr(obj, "check", None)
    if check:
        for field_name, message in check(ctx.today):
            ctx.problem(key_lines.get(field_name, here), f"{prefix}{field_name}", message)
