"""The one walk over the model's type hints: what shape each field has, and how to say it.

The converter (`convert.py`) checks YAML values against these shapes and the JSON Schema
(`schema.py`) is written from them, so the data files, the error messages and the published
schema cannot disagree about a field. (Why not pydantic: scripts/BENCHMARKS.md.)
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

Shape = Literal["optional", "list", "choice", "object", "scalar"]


@dataclass(frozen=True)
class FieldSpec:
    """One field of a model class: its type, whether it must be given, and its metadata
    (`doc`, `ref`, `id`; see model.py)."""

    name: str
    type: Any
    required: bool
    meta: dict[str, Any]


@cache
def fields_of(cls: type) -> dict[str, FieldSpec]:
    """A model class's fields, worked out once per class (loading asks for every entry)."""
    hints = typing.get_type_hints(cls)
    return {f.name: FieldSpec(f.name, hints[f.name],
                              f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
                              dict(f.metadata))
            for f in dataclasses.fields(cls)}


@cache
def shape(tp: Any) -> tuple[Shape, Any]:
    """What kind of type this is, and what it holds: the optional type, a list's item type, a
    choice's values, a model class, or a scalar type (str, int, bool, float)."""
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        return "optional", next(a for a in typing.get_args(tp) if a is not type(None))
    if origin is tuple:
        return "list", typing.get_args(tp)[0]
    if origin is Literal:
        return "choice", typing.get_args(tp)
    if dataclasses.is_dataclass(tp):
        return "object", tp
    return "scalar", tp


def describe(tp: Any) -> str:
    """A type as a contributor would say it."""
    kind, arg = shape(tp)
    if kind == "choice":
        return "one of " + ", ".join(repr(a) for a in arg)
    if kind == "optional":
        return describe(arg)
    if kind == "list":
        return f"a list of {describe(arg)}"
    if kind == "object":
        return f"a mapping ({arg.__name__})"
    return {str: "text", int: "a whole number", bool: "true or false", float: "a number"}.get(arg, str(arg))
