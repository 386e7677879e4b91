"""What a ladder computes from the records: its rungs in order, its steps,
and for each step the skills that change and how.

Rungs are posts, ordered depth-first from the start, following each
``:next:`` list in order; a rung reached again (where tracks rejoin) keeps its
first place, and every step into it is still shown. A step that would close
a loop is left out (the check reports the loop). A level no record gives is
"not recorded", never "none".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..domain import TeamDomain
from ..model import Expectation, Ref, Role, ref_of
from ..queries import next_posts, previous_posts
from .common import expectation_of

#: The kinds of change between two rungs, as the CSV names them.
RAISED, LOWERED, NEW, DROPPED, TEXT, SAME = "raised", "lowered", "new", "dropped", "text", "same"


@dataclass(frozen=True)
class Cell:
    """One role's level of one skill, and what it looks like there."""

    level: int | None  # None: not recorded
    text: Expectation | None = None
    suggested: bool = False


@dataclass(frozen=True)
class StepRow:
    skill: Ref
    before: Cell
    after: Cell
    change: str


@dataclass(frozen=True)
class Step:
    source: Ref
    target: Ref  # suggested when the ``:next:`` that makes the step is marked
    rows: tuple[StepRow, ...]


@dataclass(frozen=True)
class Rung:
    role: Ref
    next: tuple[Ref, ...]


@dataclass(frozen=True)
class LadderData:
    rungs: tuple[Rung, ...]
    steps: tuple[Step, ...]
    #: For ``:show: all``: the skills any rung records, and each rung's cells.
    skills: tuple[Ref, ...] = ()
    matrix: tuple[tuple[Cell, ...], ...] = ()


def ladder_order(
    domain: TeamDomain, starts: Sequence[Role]
) -> tuple[list[Role], list[tuple[Role, Role]]]:
    """The rungs depth-first from ``starts`` and every step between them in
    ladder order; a step back to a rung on the way there (a loop, which the
    checks report) is left out."""
    rungs: list[Role] = []
    placed: set[str] = set()
    loops: set[tuple[str, str]] = set()

    def visit(role: Role, path: tuple[str, ...]) -> None:
        rungs.append(role)
        placed.add(role.id)
        for target in next_posts(domain, role):
            if target.id in path or target.id == role.id:
                loops.add((role.id, target.id))
            elif target.id not in placed:
                visit(target, (*path, role.id))

    for start in starts:
        if start.id not in placed:
            visit(start, ())
    steps = [
        (role, target)
        for role in rungs
        for target in next_posts(domain, role)
        if target.id in placed and (role.id, target.id) not in loops
    ]
    return rungs, steps


def default_starts(domain: TeamDomain) -> list[Role]:
    """Every post that has ``:next:`` and no predecessor, in document order."""
    return [
        r
        for r in domain.all_roles()
        if not r.is_profile and next_posts(domain, r) and not previous_posts(domain, r)
    ]


def cell(role: Role, skill: str) -> Cell:
    return Cell(role.level_of(skill), expectation_of(role, skill), role.suggests("skills"))


def change_of(before: Cell, after: Cell) -> str:
    if before.level is None:
        return NEW
    if after.level is None:
        return DROPPED
    if after.level > before.level:
        return RAISED
    if after.level < before.level:
        return LOWERED
    return TEXT if words(before) != words(after) else SAME


def words(item: Cell) -> str | None:
    return item.text.text if item.text is not None else None


def skill_refs(domain: TeamDomain, roles: Sequence[Role]) -> list[Ref]:
    """The skills ``roles`` record: defined ones in definition order, then the rest."""
    used = [sid for r in roles for sid, _level in r.skills]
    known = [ref_of(s) for s in domain.all_skills() if s.id in used]
    ids = {r.id for r in known}
    rest: list[Ref] = []
    for sid in used:
        if sid not in ids:
            ids.add(sid)
            rest.append(Ref("skill", sid, sid, None))
    return known + rest


def step_rows(
    domain: TeamDomain, source: Role, target: Role, keep_same: bool
) -> tuple[StepRow, ...]:
    rows = []
    for skill in skill_refs(domain, [source, target]):
        before, after = cell(source, skill.id), cell(target, skill.id)
        change = change_of(before, after)
        if change != SAME or keep_same:
            rows.append(StepRow(skill, before, after, change))
    return tuple(rows)


def level_name(value: int | None, scale: Sequence[str]) -> str:
    return str(scale[value]) if value is not None and 0 <= value < len(scale) else ""
