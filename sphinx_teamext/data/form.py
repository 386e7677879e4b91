"""The assessment form: the CSV a ``team-growth`` view offers for a person to
fill in, and what ``team-import`` reads back from it.

RFC 4180, UTF-8 (a byte-order mark is accepted), one row per skill. Only
``skill``, ``level`` and ``evidence`` are read; ``title``, ``expected`` and
``target`` are there for the person filling it in.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..parsing import parse_id, parse_skill_levels

#: The form's header, in order.
FORM_HEADER = ("skill", "title", "expected", "target", "level", "evidence")
#: Columns a filled-in form must have.
REQUIRED = ("skill", "level")


@dataclass(frozen=True)
class FormRow:
    line: int  # the first line of the row in the file
    skill: str
    level: str
    evidence: str


@dataclass(frozen=True)
class FormProblem:
    line: int
    message: str
    subtype: str = "option"


@dataclass(frozen=True)
class FilledLevels:
    """What a filled-in form says: levels and evidence per skill, and the
    line of each skill's row (for a finding about it)."""

    skills: tuple[tuple[str, int], ...]
    evidence: tuple[tuple[str, str], ...]
    lines: tuple[tuple[str, int], ...]


class MalformedRow(Exception):
    """The CSV cannot be read from the row that starts at ``line`` on."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """Each row with the line it starts on (a quoted cell may span lines)."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    start = 1
    try:
        for row in reader:
            yield start, row
            start = reader.line_num + 1
    except csv.Error as exc:
        raise MalformedRow(start, str(exc)) from exc


def read_form(text: str) -> tuple[list[FormRow], list[FormProblem]]:
    """The filled-in rows of a form, and the problems found (with their line)."""
    problems: list[FormProblem] = []
    rows: list[FormRow] = []
    try:
        found = list(_rows(text))
    except MalformedRow as exc:
        return [], [FormProblem(exc.line, f"malformed CSV: {exc}")]
    found = [(line, row) for line, row in found if any(cell.strip() for cell in row)]
    if not found:
        return [], [FormProblem(1, f"empty form: expected the header {','.join(FORM_HEADER)}")]
    head_line, head = found[0]
    names = [cell.strip().lower() for cell in head]
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        return [], [
            FormProblem(
                head_line,
                f"the header lacks {', '.join(repr(m) for m in missing)}: expected "
                f"{','.join(FORM_HEADER)}",
            )
        ]
    column = {name: names.index(name) for name in FORM_HEADER if name in names}
    seen: set[str] = set()
    for line, row in found[1:]:

        def cell(name: str, row: list[str] = row) -> str:
            at = column.get(name)
            return row[at].strip() if at is not None and at < len(row) else ""

        skill, level, evidence = cell("skill"), cell("level"), cell("evidence")
        if not skill:
            if level or evidence:
                problems.append(FormProblem(line, "a row with a level or evidence names no skill"))
            continue
        if skill in seen:
            problems.append(
                FormProblem(line, f"skill {skill!r} has a second row; the first is used")
            )
            continue
        seen.add(skill)
        if level or evidence:
            rows.append(FormRow(line, skill, level, evidence))
    return rows, problems


def form_levels(
    rows: Sequence[FormRow], scale: Sequence[str], first: int
) -> tuple[FilledLevels, list[FormProblem]]:
    """The levels and evidence of the rows, validated as ``:skills:`` is; a bad
    cell is a problem at the first line of its row, and the row is skipped."""
    problems: list[FormProblem] = []
    skills: list[tuple[str, int]] = []
    evidence: list[tuple[str, str]] = []
    lines: list[tuple[str, int]] = []
    for row in rows:
        sid, errs = parse_id(row.skill, "skill id")
        if sid is not None and row.level:
            pairs, errs = parse_skill_levels(f"{sid}={row.level}", scale, first=first)
            skills += pairs
        problems += [
            FormProblem(row.line, f"row of skill {row.skill!r}: {e.message}", e.subtype)
            for e in errs
        ]
        if sid is not None:
            lines.append((sid, row.line))
            if row.evidence:
                evidence.append((sid, " ".join(row.evidence.split())))
    return FilledLevels(tuple(skills), tuple(evidence), tuple(sorted(lines))), problems
