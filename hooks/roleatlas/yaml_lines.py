"""Read one YAML file into plain values that remember their line numbers, within safe limits.

PyYAML's ``safe_load`` forgets where values came from, so errors could not name a line. This
module composes the node tree and converts it itself, which also lets it refuse what a data file
never needs: aliases (and so alias bombs), duplicate keys, deep nesting and enormous values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

MAX_FILE_BYTES = 1_000_000
MAX_STRING_CHARS = 20_000
MAX_DEPTH = 10
MAX_NODES = 200_000

# libyaml's parser when PyYAML has it (its wheels do): pure-Python PyYAML made reading data/ about
# a quarter of a build at 1,000 roles (scripts/bench); same events, nodes and line numbers.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep; data files need far fewer"
_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[{,:?-])[&*]")
_SAFE_COMPOSE_DEPTH = 100  # far from where either composer runs out of stack
_FAST_MAX_LEAD = 30  # columns of indentation and indicators a line may start with, unscanned
_WIDE_LEAD = re.compile(r"\n[ \t?:-]{%d}" % (_FAST_MAX_LEAD + 1))


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
    def __init__(self, line: int, message: str, where: str = ""):
        self.line = line
        self.message = message
        self.where = where


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _scalar(loader: yaml.SafeLoader, node: yaml.ScalarNode, where: str) -> Any:
    if len(node.value) > MAX_STRING_CHARS:
        raise _Refused(_line(node), f"value of {len(node.value):,} characters; keep values under "
                       f"{MAX_STRING_CHARS:,} characters (split long text into list items)", where)
    if node.tag == loader.DEFAULT_SCALAR_TAG:
        return node.value  # most values: skip PyYAML's general constructor
    value = loader.construct_object(node, deep=True)
    if isinstance(value, (bytes, bytearray)) or not isinstance(value, (str, int, float, bool, type(None))):
        return str(node.value)  # dates and binary stay as the text the contributor wrote
    return value


def _convert(loader: yaml.SafeLoader, node: yaml.Node, limits: _Limits, where: str = "", depth: int = 0) -> Any:
    """Nodes to LMap/LList/scalars; aliases and absurd nesting never got this far (`_needs_scan`)."""
    limits.nodes += 1
    if limits.nodes > MAX_NODES:
        raise _Refused(_line(node), f"more than {MAX_NODES:,} values in one file; split the file", where)
    if isinstance(node, yaml.ScalarNode):
        return _scalar(loader, node, where)
    depth += 1
    if depth > MAX_DEPTH:
        raise _Refused(_line(node), _TOO_DEEP, where)
    if isinstance(node, yaml.SequenceNode):
        out = LList(_convert(loader, item, limits, f"{where}[{i}]", depth)
                    for i, item in enumerate(node.value))
        out.line, out.item_lines = _line(node), [_line(item) for item in node.value]
        return out
    mapping = LMap()
    mapping.line, mapping.key_lines = _line(node), {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise _Refused(_line(key_node), "a key must be a plain word, not a list or mapping", where)
        key = str(key_node.value)
        path = f"{where}.{key}" if where else key
        if key in mapping:
            raise _Refused(_line(key_node), f"key '{key}' appears twice in the same mapping; keep one", path)
        mapping[key] = _convert(loader, value_node, limits, path, depth)
        mapping.key_lines[key] = _line(key_node)
    return mapping


@dataclass
class _Open:
    """A mapping or list being read by `_scan`, and where in it we are."""

    is_map: bool
    path: str
    key: str | None = None
    index: int = 0
    expect_key: bool = True


def _child_path(parent: _Open) -> str:
    if parent.is_map:
        return f"{parent.path}.{parent.key}" if parent.path else str(parent.key)
    return f"{parent.path}[{parent.index}]"


def _scan(text: str) -> None:
    """Refuse aliases and deep nesting from the event stream, before anything is built.

    Composing a node tree recurses once per level and expands nothing, but building values from
    aliases can (a "billion laughs"), and deep nesting exhausts the stack; events cost neither.
    """
    stack: list[_Open] = []
    for event in yaml.parse(text, Loader=_SafeLoader):
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
            continue
        if not isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            continue
        parent = stack[-1] if stack else None
        if parent and parent.is_map and parent.expect_key:
            parent.key = event.value if isinstance(event, yaml.ScalarEvent) else "?"
            parent.expect_key = False
            if isinstance(event, yaml.ScalarEvent):
                continue
        path = _child_path(parent) if parent else ""
        if parent and parent.is_map:
            parent.expect_key = True
        elif parent:
            parent.index += 1
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(line, "YAML anchors and aliases (&name / *name) are not supported; "
                           "write the value out in full", path)
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            stack.append(_Open(isinstance(event, yaml.MappingStartEvent), path))
            if len(stack) > MAX_DEPTH:
                raise _Refused(line, _TOO_DEEP, path)


def _needs_scan(text: str) -> bool:
    """Whether the text could hold an anchor, an alias or nesting deep enough to hurt composing.

    Conservative and cheap (the event scan was a third of reading data/ at 1,000 roles): an anchor
    or alias starts after a space or an indicator, never inside a word like "R&D"; each level of
    nesting needs an open bracket, or a column of indentation or indicators at the start of a line
    (two levels per column at most), so a file without a wide indent and with few brackets is safe.
    """
    if ("&" in text or "*" in text) and _ANCHOR_OR_ALIAS.search(text):
        return True
    if 2 * (_FAST_MAX_LEAD + 1) + text.count("[") + text.count("{") > _SAFE_COMPOSE_DEPTH:
        return True
    return _WIDE_LEAD.search("\n" + text) is not None  # a line (the first too) with a wide lead


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
        return None, [Problem(shown, 1, "", f"cannot read the file ({err.strerror})")]
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(shown, 1, "", f"file of {len(raw):,} bytes; keep data files under "
                              f"{MAX_FILE_BYTES:,} bytes (split it)")]
    text, problems = _decode(raw, shown)
    if text is None:
        return None, problems
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, [Problem(shown, 1, "", "the file is empty; add its data or delete the file")]
    loader = _SafeLoader(text)
    try:
        if _needs_scan(text):
            _scan(text)
        node = loader.get_single_node()
        if node is None:
            return None, [Problem(shown, 1, "", "the file is empty; add its data or delete the file")]
        return _convert(loader, node, _Limits(shown)), []
    except _Refused as err:
        return None, [Problem(shown, err.line, err.where, err.message)]
    except yaml.YAMLError as err:
        return None, [_syntax_problem(err, shown, text)]
    finally:
        loader.dispose()
