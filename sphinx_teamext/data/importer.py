"""The import format -> what each record's directive would have been given.

A data file's record holds the directive's options under the same names,
plus ``id``, ``body``, and the blocks a body would nest: ``levels`` (a
skill's ``skill-level`` bodies by level), ``expectations`` (a role's or
person's ``expectation`` bodies by skill) and ``red-flags`` (a stage's, a list
of strings). Lists may be lists or the comma-separated text the options take.
Everything here only reshapes values; :func:`..fields.record_fields` validates
them, so a file and a directive get the same messages.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from ..fields import OPTIONS
from .assessments import AssessmentEntry, read_assessments
from .loader import Datum, Text, join

#: Top-level list -> record kind, in the order the export writes them.
SECTIONS = {"skills": "skill", "stages": "stage", "roles": "role", "people": "person"}
#: Top-level keys the export adds and the importer accepts (``x-*`` keys are
#: ignored too, so YAML anchors have a place to live, as in compose files).
TOP_EXTRA = ("version", "project", "scale")
#: Keys the export adds to each record (its page and link) and the importer ignores.
RECORD_EXTRA = ("page", "url")
NESTED = {
    "skill": ("levels",),
    "stage": ("red-flags",),
    "role": ("expectations",),
    "person": ("expectations", "assessments"),
}
#: Options whose value may be a list (joined with commas for the parser).
LIST_OPTIONS = ("assesses", "stages", "guidance", "skills", "next")
#: The version the export writes: levels by name, and the scale that names them.
FORMAT_VERSION = 2
#: Versions the importer reads; in version 1, level numbers count from 0.
READ_VERSIONS = ("1", "2")


def record_keys(kind: str) -> tuple[str, ...]:
    return ("id", *OPTIONS[kind], "body", *NESTED[kind], *RECORD_EXTRA)


@dataclass(frozen=True)
class Issue:
    """A problem in the file: ``path`` is the key path (``roles[3].skills``)."""

    subtype: str
    path: str
    message: str
    line: int | None


@dataclass
class Entry:
    """One record of the file, as a directive would have received it."""

    kind: str
    path: str  # roles[3]
    line: int | None
    ident: str = ""
    options: dict[str, str] = field(default_factory=dict)
    body: Text | None = None
    levels: list[tuple[str, Text]] = field(default_factory=list)
    expectations: list[tuple[str, Text]] = field(default_factory=list)
    red_flags: list[Text] = field(default_factory=list)
    assessments: list[AssessmentEntry] = field(default_factory=list)
    #: Lines of each option, and of each item inside one (``("skills", "sql")``).
    lines: dict[str, int | None] = field(default_factory=dict)
    item_lines: dict[tuple[str, str], int | None] = field(default_factory=dict)

    def line_of(self, option: str, item: str = "") -> int | None:
        return (
            self.item_lines.get((option, item))
            or self.lines.get(option)
            or self.lines.get(option.lstrip(":").rstrip(":"))
            or self.line
        )


class Reader:
    """Walks a file's tree into :class:`Entry` records, collecting :class:`Issue`."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []
        #: The file's ``version`` as written (None: not given).
        self.version: str | None = None

    @property
    def numbers_from(self) -> int | None:
        """The number of the first level in version 1 files (0); None: as in
        the pages (see :func:`..config.first_number`)."""
        return 0 if self.version == "1" else None

    def issue(self, path: str, message: str, line: int | None, subtype: str = "option") -> None:
        self.issues.append(Issue(subtype, path, message, line))

    def read(self, root: Datum) -> list[Entry]:
        if not root.mapping:
            top = ", ".join(SECTIONS)
            self.issue("", f"expected a mapping of {top} at the top, got {root.kind}", root.line)
            return []
        entries: list[Entry] = []
        for key, value in self.pairs(root, ""):
            if key in SECTIONS:
                entries += self.section(key, value)
            elif key == "version":
                if value.value in READ_VERSIONS:
                    self.version = str(value.value)
                else:
                    self.issue(
                        key,
                        f"unsupported version {value.value!r}: this extension reads versions "
                        f"{' and '.join(READ_VERSIONS)}",
                        value.line,
                    )
            elif key.startswith("x-"):
                continue
            elif key not in TOP_EXTRA:
                self.unknown(key, "", [*SECTIONS, *TOP_EXTRA], value.line)
        return entries

    def pairs(self, datum: Datum, path: str) -> list[tuple[str, Datum]]:
        """A mapping's pairs; a key given twice is reported, and its first value used."""
        seen: set[str] = set()
        out = []
        for key, value in datum.value:
            if key in seen:
                self.issue(join(path, key), "key given twice; the first value is used", value.line)
                continue
            seen.add(key)
            out.append((key, value))
        return out

    def unknown(self, key: str, path: str, known: list[str], line: int | None) -> None:
        close = difflib.get_close_matches(key, known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        self.issue(
            join(path, key), f"unknown key {key!r}{hint}; known keys: {', '.join(known)}", line
        )

    def section(self, name: str, datum: Datum) -> list[Entry]:
        if datum.value is None:
            return []
        if datum.kind != "list":
            self.issue(name, f"expected a list of records, got {datum.kind}", datum.line)
            return []
        entries = []
        for i, item in enumerate(datum.value):
            entry = self.record(SECTIONS[name], f"{name}[{i}]", item)
            if entry is not None:
                entries.append(entry)
        return entries

    def record(self, kind: str, path: str, datum: Datum) -> Entry | None:
        if not datum.mapping:
            self.issue(path, f"expected a mapping (a record), got {datum.kind}", datum.line)
            return None
        entry = Entry(kind, path, datum.line)
        known = list(record_keys(kind))
        for key, value in self.pairs(datum, path):
            entry.lines[key] = value.line
            where = join(path, key)
            if key not in known:
                self.unknown(key, path, known, value.line)
            elif key in RECORD_EXTRA:
                continue
            elif value.value is None or (value.kind == "text" and not value.value.strip()):
                self.issue(where, "empty value", value.line)
            elif key == "levels":
                entry.levels = self.texts(where, value, "level")
            elif key == "expectations":
                entry.expectations = self.texts(where, value, "skill id")
            elif key == "red-flags":
                entry.red_flags = self.flags(where, value)
            elif key == "assessments":
                entry.assessments = read_assessments(self, where, value)
            elif key == "body":
                text = self.text(where, value)
                entry.body = Text(text, value.line) if text is not None else None
            elif key == "id":
                entry.ident = self.text(where, value) or ""
            else:
                option = self.option(entry, key, where, value)
                if option is not None:
                    entry.options[key] = option
        if "id" not in entry.lines:
            self.issue(path, "missing required key 'id'; the record is skipped", datum.line)
            return None
        if "title" not in entry.lines:
            self.issue(path, "missing required key 'title'", datum.line)
        return entry if entry.ident else None

    def text(self, where: str, value: Datum) -> str | None:
        if value.kind != "text":
            self.issue(where, f"expected text, got {value.kind}", value.line)
            return None
        return str(value.value)

    def option(self, entry: Entry, key: str, where: str, value: Datum) -> str | None:
        if value.kind == "text":
            return str(value.value)
        if key == "skills" and value.mapping:  # {sql: 3, python: fluent}
            parts = []
            for sid, level in self.pairs(value, where):
                entry.item_lines[(key, sid)] = level.line
                text = self.text(join(where, sid), level)
                if text is not None:
                    parts.append(f"{sid}={text}")
            return ", ".join(parts)
        if key in LIST_OPTIONS and value.kind == "list":
            parts = []
            for i, item in enumerate(value.value):
                text = self.text(f"{where}[{i}]", item)
                if text is None:
                    continue
                if "," in text:
                    self.issue(f"{where}[{i}]", "a list item holds a comma", item.line)
                    continue
                if key == "skills":
                    entry.item_lines[(key, text.partition("=")[0].strip())] = item.line
                parts.append(text)
            return ", ".join(parts)
        shape = "a list or text" if key in LIST_OPTIONS else "text"
        self.issue(where, f"expected {shape}, got {value.kind}", value.line)
        return None

    def texts(self, where: str, value: Datum, what: str) -> list[tuple[str, Text]]:
        """``levels`` and ``expectations``: a mapping of ``what`` -> text."""
        if not value.mapping:
            self.issue(where, f"expected a mapping of {what} to text, got {value.kind}", value.line)
            return []
        out = []
        for key, item in self.pairs(value, where):
            text = self.text(join(where, key), item)
            if text is not None and not text.strip():
                self.issue(join(where, key), "empty value", item.line)
            elif text is not None:
                out.append((key, Text(text, item.line)))
        return out

    def flags(self, where: str, value: Datum) -> list[Text]:
        if value.kind == "text":
            return [Text(str(value.value), value.line)]
        if value.kind != "list":
            self.issue(where, f"expected a list of text, got {value.kind}", value.line)
            return []
        out = []
        for i, item in enumerate(value.value):
            text = self.text(f"{where}[{i}]", item)
            if text is not None and text.strip():
                out.append(Text(text, item.line))
        return out
