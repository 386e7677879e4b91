"""What a growth view computes: where a person stands against their role and a target role,
with their latest self and manager assessments side by side.

A gap is counted only where both levels are recorded: a level nobody
recorded is "not recorded", never 0, so it is never a gap of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..domain import TeamDomain
from ..model import Assessment, Person, Ref, Role
from ..queries import assessments_of, next_posts
from .common import expectation_of
from .ladder_data import Cell, skill_refs


@dataclass(frozen=True)
class GrowthRow:
    skill: Ref
    level: Cell  # the person's agreed level (their card's :skills:)
    role: Cell
    target: Cell  # with the target's expectation
    gap: int | None  # target minus person, in steps
    self_level: int | None
    manager: int | None
    calibrate: bool


@dataclass(frozen=True)
class Latest:
    """The latest assessment of one kind: who and when."""

    by: str
    date: str


@dataclass(frozen=True)
class GrowthData:
    person: Ref
    role: Ref | None
    target: Ref | None
    rows: tuple[GrowthRow, ...]
    latest_self: Latest | None = None
    latest_manager: Latest | None = None
    #: The rows' skills in definition order (the form's order).
    skill_order: tuple[str, ...] = ()


def latest(items: Sequence[Assessment]) -> Assessment | None:
    """The latest date wins; on a tie, the later in document order (``items``
    are in document order)."""
    best: Assessment | None = None
    for item in items:
        if best is None or item.date >= best.date:
            best = item
    return best


def target_of(domain: TeamDomain, person: Person, role: Role | None, target: str) -> Role | None:
    """``:target:``, or the first ``:next:`` of the person's role (a depth
    profile's post's)."""
    if target:
        found = domain.lookup("role", target)
        return found if isinstance(found, Role) and not found.is_profile else None
    if role is None:
        return None
    post = domain.post_of(role) if role.is_profile else role
    nexts = next_posts(domain, post) if post is not None else []
    return nexts[0] if nexts else None


def growth_rows(
    domain: TeamDomain, person: Person, role: Role | None, target: Role | None, gap: int
) -> tuple[GrowthRow, ...]:
    every = assessments_of(domain, person)
    mine = latest([a for a in every if a.by_self(person)])
    boss = latest([a for a in every if a.by_manager(person)])
    members = [m for m in (role, target) if m is not None]
    rows = []
    for skill in skill_refs(domain, members):
        have = person.level_of(skill.id)
        role_cell = (
            Cell(role.level_of(skill.id), None, role.suggests("skills")) if role else Cell(None)
        )
        target_cell = (
            Cell(
                target.level_of(skill.id),
                expectation_of(target, skill.id),
                target.suggests("skills"),
            )
            if target
            else Cell(None)
        )
        steps = (
            target_cell.level - have if target_cell.level is not None and have is not None else None
        )
        own = mine.level_of(skill.id) if mine else None
        other = boss.level_of(skill.id) if boss else None
        flag = own is not None and other is not None and abs(own - other) >= gap
        rows.append(
            GrowthRow(
                skill,
                Cell(have, None, person.suggests("skills")),
                role_cell,
                target_cell,
                steps,
                own,
                other,
                flag,
            )
        )
    order = {r.skill.id: i for i, r in enumerate(rows)}
    # Largest gap first (ties in definition order); rows with no gap last.
    rows.sort(key=lambda r: (r.gap is None, -(r.gap or 0), order[r.skill.id]))
    return tuple(rows)


def view_target(domain: TeamDomain, person: Person) -> Role | None:
    found = domain.lookup("role", person.role) if person.role else None
    return target_of(domain, person, found if isinstance(found, Role) else None, "")
