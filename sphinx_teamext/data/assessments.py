"""A person's ``assessments`` in a data file: each as the ``assessment``
directive's options, with the line of each key and skill."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from .loader import Datum, Text, join


class Reader(Protocol):
    """What reading assessments asks of the file's reader (:class:`.importer.Reader`)."""

    def issue(self, path: str, message: str, line: int | None, subtype: str = "option") -> None: ...

    def pairs(self, datum: Datum, path: str) -> list[tuple[str, Datum]]: ...

    def unknown(self, key: str, path: str, known: list[str], line: int | None) -> None: ...

    def text(self, where: str, value: Datum) -> str | None: ...

    def texts(self, where: str, value: Datum, what: str) -> list[tuple[str, Text]]: ...


#: Keys of one assessment in a person's ``assessments`` list.
ASSESSMENT_KEYS = ("by", "date", "skills", "evidence", "body")


@dataclass
class AssessmentEntry:
    """One item of a person's ``assessments``, as the directive's options."""

    path: str  # people[0].assessments[1]
    line: int | None
    options: dict[str, str] = field(default_factory=dict)
    evidence: list[tuple[str, Text]] = field(default_factory=list)
    body: Text | None = None
    lines: dict[str, int | None] = field(default_factory=dict)
    item_lines: dict[tuple[str, str], int | None] = field(default_factory=dict)

    def line_of(self, option: str, item: str = "") -> int | None:
        return self.item_lines.get((option, item)) or self.lines.get(option) or self.line


def read_assessments(reader: Reader, where: str, value: Datum) -> list[AssessmentEntry]:
    """A person's ``assessments``: a list of mappings of the keys below."""
    if value.kind != "list":
        reader.issue(where, f"expected a list of assessments, got {value.kind}", value.line)
        return []
    out = []
    for i, item in enumerate(value.value):
        path = f"{where}[{i}]"
        if not item.mapping:
            reader.issue(path, f"expected a mapping (an assessment), got {item.kind}", item.line)
            continue
        found = AssessmentEntry(path, item.line)
        for key, datum in reader.pairs(item, path):
            found.lines[key] = datum.line
            at = join(path, key)
            if key not in ASSESSMENT_KEYS:
                reader.unknown(key, path, list(ASSESSMENT_KEYS), datum.line)
            elif datum.value is None or (datum.kind == "text" and not datum.value.strip()):
                reader.issue(at, "empty value", datum.line)
            elif key == "evidence":
                found.evidence = reader.texts(at, datum, "skill id")
            elif key == "body":
                text = reader.text(at, datum)
                found.body = Text(text, datum.line) if text is not None else None
            elif key == "skills" and datum.mapping:
                parts = []
                for sid, level in reader.pairs(datum, at):
                    found.item_lines[(key, sid)] = level.line
                    text = reader.text(join(at, sid), level)
                    if text is not None:
                        parts.append(f"{sid}={text}")
                found.options[key] = ", ".join(parts)
            else:
                text = reader.text(at, datum)
                if text is not None:
                    found.options[key] = text
        for key in ("by", "date"):
            if key not in found.lines:
                reader.issue(
                    path, f"missing required key {key!r}; the assessment is skipped", item.line
                )
        if "by" in found.options and "date" in found.options:
            out.append(found)
    return out
