"""A data file -> a tree of values that remember their line.

YAML and JSON arrive as the same tree: text scalars (never YAML 1.1's
booleans or numbers: ``off`` stays ``"off"``, ``1`` stays ``"1"``), lists,
and mappings kept as ordered pairs so a key given twice can be reported.
YAML knows each value's line; JSON does not (``line`` is then None). YAML
anchors, aliases and merge keys (``<<: *base``) work, and a merged value keeps
the line where it is written.
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


@dataclass
class Text:
    """A text of the file, and the line it starts on (None: not known)."""

    text: str
    line: int | None


def join(path: str, key: str) -> str:
    """A key path: ``roles[3]`` and ``skills`` -> ``roles[3].skills``."""
    return f"{path}.{key}" if path else key


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
MERGE_TAG = "tag:yaml.org,2002:merge"


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
            return Datum(self.pairs(node), line, mapping=True)
        finally:
            self.open.discard(id(node))

    def pairs(self, node: Any) -> list[tuple[str, Datum]]:
        """A mapping's pairs, with merge keys (``<<: *base``) resolved as YAML
        says: a key the mapping gives itself wins, then the earlier of the
        merged mappings. Merged values keep the lines where they are written;
        a key the mapping gives twice stays twice, for the reader to report."""
        import yaml

        own: list[tuple[str, Datum]] = []
        merged: list[tuple[str, Datum]] = []
        merge_at: int | None = None  # where the merged keys stand among the mapping's own
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.tag == MERGE_TAG:
                if merge_at is None:
                    merge_at = len(own)
                for source in self.merge_sources(value, key.start_mark.line + 1):
                    merged += self.merged_pairs(source)
                continue
            key_line = key.start_mark.line + 1
            name = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
            own.append((name, self.convert(value, key_line)))
        if merge_at is None:
            return own
        given = {name for name, _datum in own}
        kept: list[tuple[str, Datum]] = []
        for name, datum in merged:
            if name not in given:
                given.add(name)  # an earlier merged mapping wins over a later one
                kept.append((name, datum))
        return [*own[:merge_at], *kept, *own[merge_at:]]

    def merge_sources(self, value: Any, line: int) -> list[Any]:
        """The mappings a merge key names: one, or a list of them."""
        import yaml

        items = value.value if isinstance(value, yaml.SequenceNode) else [value]
        for item in items:
            if not isinstance(item, yaml.MappingNode):
                raise LoadError(
                    "malformed YAML: a merge key (<<) takes a mapping or a list of mappings",
                    line,
                )
        return list(items)

    def merged_pairs(self, source: Any) -> list[tuple[str, Datum]]:
        if id(source) in self.open:
            raise LoadError(
                "an alias refers to a value that contains it", source.start_mark.line + 1
            )
        self.count += 1
        if self.count > MAX_VALUES:
            raise LoadError("the file holds too many values (are aliases repeating it?)")
        self.open.add(id(source))
        try:
            return self.pairs(source)
        finally:
            self.open.discard(id(source))
