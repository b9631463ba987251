"""Read one YAML file into plain values that remember their line numbers, within safe limits.

PyYAML's ``safe_load`` forgets where values came from, so errors could not name a line. This
module composes the node tree and converts it itself, which also lets it refuse what a data file
never needs: aliases (and so alias bombs), duplicate keys, deep nesting and enormous values.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

MAX_FILE_BYTES = 1_000_000
MAX_STRING_CHARS = 20_000
MAX_DEPTH = 12
MAX_NODES = 200_000


class LMap(dict):
    """A mapping with the line of the mapping and of each key."""

    line: int = 0
    key_lines: dict[str, int]


class LList(list):
    """A list with its own line and the line of each item."""

    line: int = 0
    item_lines: list[int]


@dataclass
class _Limits:
    path: str
    nodes: int = 0


class _Refused(Exception):
    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _scalar(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    if len(node.value) > MAX_STRING_CHARS:
        raise _Refused(_line(node), f"value of {len(node.value):,} characters; keep values under "
                       f"{MAX_STRING_CHARS:,} characters (split long text into list items)")
    value = loader.construct_object(node, deep=True)
    if isinstance(value, (bytes, bytearray)) or not isinstance(value, (str, int, float, bool, type(None))):
        return str(node.value)  # dates and binary stay as the text the contributor wrote
    return value


def _convert(loader: yaml.SafeLoader, node: yaml.Node, depth: int, seen: set[int], limits: _Limits) -> Any:
    limits.nodes += 1
    if limits.nodes > MAX_NODES:
        raise _Refused(_line(node), f"more than {MAX_NODES:,} values in one file; split the file")
    if depth > MAX_DEPTH:
        raise _Refused(_line(node), f"nested more than {MAX_DEPTH} levels deep; data files need far fewer")
    if isinstance(node, yaml.ScalarNode):
        return _scalar(loader, node)
    if id(node) in seen:
        raise _Refused(_line(node), "YAML anchors and aliases (&name / *name) are not supported; "
                       "write the value out in full")
    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        out = LList(_convert(loader, item, depth + 1, seen, limits) for item in node.value)
        out.line, out.item_lines = _line(node), [_line(item) for item in node.value]
        return out
    mapping = LMap()
    mapping.line, mapping.key_lines = _line(node), {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise _Refused(_line(key_node), "a key must be a plain word, not a list or mapping")
        key = str(key_node.value)
        if key in mapping:
            raise _Refused(_line(key_node), f"key '{key}' appears twice in the same mapping; keep one")
        mapping[key] = _convert(loader, value_node, depth + 1, seen, limits)
        mapping.key_lines[key] = _line(key_node)
    return mapping


def _decode(raw: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [Problem(shown, line, "", f"byte 0x{raw[err.start]:02x} is not UTF-8; "
                              "save the file as UTF-8")]


def _syntax_problem(err: yaml.YAMLError, shown: str, text: str) -> Problem:
    mark = getattr(err, "problem_mark", None)
    line = mark.line + 1 if mark else 0
    what = getattr(err, "problem", None) or str(err)
    hint = "fix the YAML syntax (check indentation, colons and quotes)"
    bad_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    if "\t" in bad_line or "'\\t'" in str(what):
        hint = "indent with spaces, not tabs"
    return Problem(shown, line, "", f"YAML syntax error: {what}; {hint}")


def read_yaml(path: Path, shown: str) -> tuple[Any, list[Problem]]:
    """Return the file's content as LMap/LList/scalars, or None and the problems found."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        return None, [Problem(shown, 0, "", f"cannot read the file ({err.strerror})")]
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(shown, 0, "", f"file of {len(raw):,} bytes; keep data files under "
                              f"{MAX_FILE_BYTES:,} bytes (split it)")]
    text, problems = _decode(raw, shown)
    if text is None:
        return None, problems
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, [Problem(shown, 1, "", "the file is empty; add its data or delete the file")]
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [Problem(shown, 1, "", "the file is empty; add its data or delete the file")]
        return _convert(loader, node, 0, set(), _Limits(shown)), []
    except _Refused as err:
        return None, [Problem(shown, err.line, "", err.message)]
    except yaml.YAMLError as err:
        return None, [_syntax_problem(err, shown, text)]
    except RecursionError:
        return None, [Problem(shown, 0, "", f"nested too deeply; data files need fewer than {MAX_DEPTH} levels")]
    finally:
        loader.dispose()
