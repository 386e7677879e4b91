"""A data file -> a tree of values that remember their line.

YAML and JSON arrive as the same tree: text scalars (never YAML 1.1's
booleans or numbers: ``off`` stays ``"off"``, ``1`` stays ``"1"``), lists,
and mappings kept as ordered pairs so a key given twice can be reported.
YAML knows each value's line; JSON does not (``line`` is then None).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

#: Values converted before a file is refused as too large (YAML aliases can
#: repeat a subtree exponentially).
MAX_VALUES = 1_000_000
SUFFIXES = {".yaml": "YAML", ".yml": "YAML", ".json": "JSON"}


@dataclass
class Datum:
    #: ``str``, ``list[Datum]``, ``list[tuple[str, Datum]]`` (a mapping) or None.
    value: Any
    #: 1-based line of the value (of its key, inside a mapping); None if unknown.
    line: int | None = None
    mapping: bool = False

    @property
    def kind(self) -> str:
        if self.value is None:
            return "null"
        if self.mapping:
            return "mapping"
        return "list" if isinstance(self.value, list) else "text"


class LoadError(Exception):
    """A file that cannot be parsed; ``line`` when the parser knows it."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def load(text: str, fmt: str) -> Datum:
    return load_yaml(text) if fmt == "YAML" else load_json(text)


# -- JSON -------------------------------------------------------------------------


def load_json(text: str) -> Datum:
    try:
        raw = json.loads(text, object_pairs_hook=_Pairs)
    except json.JSONDecodeError as exc:
        raise LoadError(f"malformed JSON: {exc.msg}", exc.lineno) from None
    except RecursionError:
        raise LoadError("malformed JSON: nested too deeply") from None
    return _from_json(raw, [0])


class _Pairs(list[tuple[str, Any]]):
    """A JSON object as its pairs, in order, duplicates kept."""


def _from_json(value: Any, count: list[int]) -> Datum:
    count[0] += 1
    if isinstance(value, _Pairs):
        return Datum([(k, _from_json(v, count)) for k, v in value], None, mapping=True)
    if isinstance(value, list):
        return Datum([_from_json(v, count) for v in value])
    if value is None:
        return Datum(None)
    if isinstance(value, bool):
        return Datum("true" if value else "false")
    return Datum(str(value))


# -- YAML -------------------------------------------------------------------------

NULL_TAG = "tag:yaml.org,2002:null"


def load_yaml(text: str) -> Datum:
    try:
        import yaml
    except ImportError:  # pragma: no cover - a declared dependency
        raise LoadError("reading YAML needs PyYAML (pip install pyyaml)") from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = " ".join(str(exc.problem or exc.context or "syntax error").split())
        raise LoadError(f"malformed YAML: {what}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise LoadError(f"malformed YAML: {' '.join(str(exc).split())}") from None
    if node is None:
        return Datum(None, 1)
    return _Yaml().convert(node, None)


class _Yaml:
    def __init__(self) -> None:
        self.count = 0
        self.open: set[int] = set()  # nodes being converted: an alias to one loops

    def convert(self, node: Any, line: int | None) -> Datum:
        import yaml

        self.count += 1
        if self.count > MAX_VALUES:
            raise LoadError("the file holds too many values (are aliases repeating it?)")
        if line is None:
            line = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            return Datum(None if node.tag == NULL_TAG else str(node.value), line)
        if id(node) in self.open:
            raise LoadError("an alias refers to a value that contains it", line)
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return Datum([self.convert(item, None) for item in node.value], line)
            pairs = []
            for key, value in node.value:
                key_line = key.start_mark.line + 1
                name = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
                pairs.append((name, self.convert(value, key_line)))
            return Datum(pairs, line, mapping=True)
        finally:
            self.open.discard(id(node))
