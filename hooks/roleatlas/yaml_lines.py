"""Read one YAML file into plain values that remember their line numbers, within safe limits.

PyYAML's ``safe_load`` forgets where values came from, so errors could not name a line. This
module composes the node tree and converts it itself, which also lets it refuse what a data file
never needs: aliases (and so alias bombs), duplicate keys, deep nesting and enormous values.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

MAX_FILE_BYTES = 1_000_000
MAX_STRING_CHARS = 20_000
MAX_DEPTH = 10

# libyaml's parser when PyYAML has it (its wheels do): pure-Python PyYAML made reading data/ a
# large part of a build (scripts/bench); same events, nodes and line numbers.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep; data files need far fewer"
_ALIASES = "YAML anchors and aliases (&name / *name) are not supported; write the value out in full"
_SAFE_COMPOSE_DEPTH = 100  # far from where either composer runs out of stack
_FAST_MAX_LEAD = 30  # columns of indentation and indicators a line may start with, composed in C
_WIDE_LEAD = re.compile(r"\n[ \t?:-]{%d}" % (_FAST_MAX_LEAD + 1))


class LMap(dict):
    """A mapping with the line of the mapping and of each key."""

    line: int = 0
    key_lines: dict[str, int]


class LList(list):
    """A list with its own line and the line of each item."""

    line: int = 0
    item_lines: list[int]


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


def _reused(node: yaml.Node, where: str, first: str) -> _Refused:
    return _Refused(_line(node), f"{_ALIASES} (it is used again at {where or '(top level)'})", first)


def _convert(loader: yaml.SafeLoader, node: yaml.Node, seen: dict[int, str], where: str = "",
             depth: int = 0) -> Any:
    """Nodes to LMap/LList/scalars, refusing aliases and nesting deeper than MAX_DEPTH.

    Aliases are refused by node identity: for each ``*name`` the composer hands back the very node
    ``&name`` made, so a node met twice is an alias. That needs no pass of its own and stops an
    alias bomb at its first reuse, before any value is built twice. An alias keeps no line of its
    own, so the problem names the anchor's line and field, and the field that uses it again.
    """
    if id(node) in seen:
        raise _reused(node, where, seen[id(node)])
    seen[id(node)] = where
    if isinstance(node, yaml.ScalarNode):
        return _scalar(loader, node, where)
    depth += 1
    if depth > MAX_DEPTH:
        raise _Refused(_line(node), _TOO_DEEP, where)
    if isinstance(node, yaml.SequenceNode):
        out = LList(_convert(loader, item, seen, f"{where}[{i}]", depth)
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
        if id(key_node) in seen:
            raise _reused(key_node, path, seen[id(key_node)])
        seen[id(key_node)] = path
        mapping[key] = _convert(loader, value_node, seen, path, depth)
        mapping.key_lines[key] = _line(key_node)
    return mapping


def _could_nest_deep(text: str) -> bool:
    """Whether the text could nest deeper than _SAFE_COMPOSE_DEPTH, so libyaml must not compose it.

    Both composers recurse once per level, libyaml's in C: nesting deep enough crashes the
    interpreter instead of raising, before `_convert` could refuse it. Conservative and cheap, as
    every file passes here: each level of nesting needs an open bracket, or a column of
    indentation or indicators at the start of a line (two levels per column at most), so a file
    with few brackets and no wide lead is safe.
    """
    if 2 * (_FAST_MAX_LEAD + 1) + text.count("[") + text.count("{") > _SAFE_COMPOSE_DEPTH:
        return True
    return _WIDE_LEAD.search("\n" + text) is not None  # a line (the first too) with a wide lead


class _ShallowLoader(yaml.SafeLoader):
    """PyYAML's pure-Python loader, reading no deeper than MAX_DEPTH + 1 levels.

    For text that `_could_nest_deep` only, as parsing in Python costs more than in C. Pure Python
    throughout: libyaml 0.2.6 (bundled from PyYAML 6.0.4) stops deep text with its own "exceeded
    maximum nesting depth", without the field, where older releases parsed on; this way every
    PyYAML in the range gives the same problem. When a collection opens one level deeper than
    MAX_DEPTH, the rest of the stream reads as ended: the tree still holds that (now empty)
    collection, so `_convert` refuses it with its line and field like any other, and the composer
    never recurses past it, however deep or long the text is.
    """

    def __init__(self, text: str):
        super().__init__(text)
        self._open = 0
        self._stop: yaml.Event | None = None

    def check_event(self, *choices: Any) -> bool:
        return self._stop is not None or super().check_event(*choices)

    def get_event(self) -> yaml.Event:
        if self._stop is not None:
            return self._stop
        event = super().get_event()
        if isinstance(event, yaml.CollectionStartEvent):
            self._open += 1
            if self._open > MAX_DEPTH:
                self._stop = event
        elif isinstance(event, yaml.CollectionEndEvent):
            self._open -= 1
        return event


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
    if "maximum nesting depth" in str(what):  # libyaml's own guard (PyYAML 6.0.4 wheels), in case
        return Problem(shown, line, "", _TOO_DEEP)  # text reaches it; the field is not known there
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
    loader = _ShallowLoader(text) if _could_nest_deep(text) else _SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [Problem(shown, 1, "", "the file is empty; add its data or delete the file")]
        return _convert(loader, node, {}), []
    except _Refused as err:
        return None, [Problem(shown, err.line, err.where, err.message)]
    except yaml.YAMLError as err:
        said = f"{err.context} {err.problem}" if isinstance(err, yaml.composer.ComposerError) else ""
        mark = getattr(err, "problem_mark", None)
        if ("alias" in said or "anchor" in said) and mark is not None:  # a *name never defined, or a &name twice
            return None, [Problem(shown, mark.line + 1, "", _ALIASES)]
        return None, [_syntax_problem(err, shown, text)]
    finally:
        loader.dispose()
