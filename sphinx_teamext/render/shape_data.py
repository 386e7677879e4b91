"""What a team shape computes from the people it covers: per skill, the best
level, who is at depth, what the team's roles ask for, and the gap."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..config import depth_index
from ..domain import TeamDomain
from ..model import Person, Ref, Role, ref_of
from ..views import skill_columns

DASH = "–"


@dataclass(frozen=True)
class ShapeRow:
    skill: Ref
    levels: tuple[int | None, ...]  # one per person, None when not recorded
    required: int | None  # the highest level the team's roles ask for
    best: int | None  # None when no person's card records the skill
    at_depth: int
    required_suggested: bool = False  # a role asking for ``required`` marks it :guidance:
    best_suggested: bool = False  # a person at ``best`` marks their skills :guidance:
    #: Per person (as ``levels``): their ``:skills:`` are marked ``:guidance:``.
    levels_suggested: tuple[bool, ...] = ()
    #: Every role that asks for the skill at depth marks its ``:skills:`` ``:guidance:``.
    need_suggested: bool = False

    def suggested_for(self, i: int) -> bool:
        return i < len(self.levels_suggested) and self.levels_suggested[i]

    @property
    def recorded(self) -> bool:
        """Someone's card gives a level: without one the skill is unknown, not absent."""
        return self.best is not None

    @property
    def gap(self) -> bool:
        """Recorded, and below depth for everyone who has it recorded."""
        return self.recorded and not self.at_depth


@dataclass(frozen=True)
class ShapeData:
    caption: str
    depth: int
    scale: tuple[str, ...]
    people: tuple[Ref, ...]
    roles: tuple[Ref, ...]  # the roles whose requirements count
    rows: tuple[ShapeRow, ...]
    #: Gaps in hiring order: skills the roles need at depth first, then the rest.
    next_hire: tuple[tuple[Ref, bool], ...]

    @property
    def not_recorded(self) -> tuple[Ref, ...]:
        return tuple(row.skill for row in self.rows if not row.recorded)

    @property
    def radar_rows(self) -> tuple[ShapeRow, ...]:
        """Skills recorded for every person: a missing value is never drawn as 0."""
        return tuple(r for r in self.rows if all(v is not None for v in r.levels))

    @property
    def partial_rows(self) -> tuple[ShapeRow, ...]:
        """Skills recorded for some people but not all: no axis of the radar, so
        said in words (often where people differ most)."""
        return tuple(r for r in self.rows if r.recorded and r not in self.radar_rows)

    @property
    def same_curves(self) -> bool:
        """Every person would draw the same line: a chart of one line for many."""
        rows = self.radar_rows
        curves = {tuple(r.levels[i] for r in rows) for i in range(len(self.people))}
        return len(self.people) > 1 and len(curves) == 1

    @property
    def summary_suggested(self) -> bool:
        """The next-hire sentence rests on a suggested value: a level of a person
        marked ``:guidance:``, or a role's suggested requirement behind a gap."""
        return any(any(r.levels_suggested) for r in self.rows if r.recorded) or any(
            r.need_suggested for r in self.rows if r.gap
        )


def select_people(domain: TeamDomain, people: object) -> list[Person]:
    if not isinstance(people, tuple):
        return domain.all_people()
    chosen = [domain.lookup("person", ident) for ident in people]
    return [p for p in chosen if isinstance(p, Person)]  # unknown ids: checks.py reports them


def team_roles(domain: TeamDomain, people: Sequence[Person]) -> list[Role]:
    """The roles the people hold; every role when none of them names one."""
    named = {p.role for p in people if p.role}
    roles = domain.all_roles()
    # Without names, the posts: a depth profile is not a job anyone was hired into.
    return [r for r in roles if r.id in named] if named else [r for r in roles if not r.is_profile]


def shape_data(domain: TeamDomain, people_option: object, caption: str = "") -> ShapeData:
    config = domain.env.config
    depth = depth_index(config)
    people = select_people(domain, people_option)
    roles = team_roles(domain, people) if people else []
    rows = []
    for skill in skill_columns(domain, [*people, *roles], "all"):
        sid = skill.id
        levels = tuple(p.level_of(sid) for p in people)
        asked = [lv for r in roles if (lv := r.level_of(sid)) is not None]
        held = [lv for lv in levels if lv is not None]
        required = max(asked) if asked else None
        best = max(held) if held else None
        rows.append(
            ShapeRow(
                skill=skill,
                levels=levels,
                required=required,
                best=best,
                at_depth=sum(1 for lv in held if lv >= depth),
                required_suggested=any(
                    r.level_of(sid) == required and r.suggests("skills") for r in roles
                ),
                best_suggested=any(
                    p.level_of(sid) == best and p.suggests("skills") for p in people
                ),
                need_suggested=all(
                    r.suggests("skills") for r in roles if (r.level_of(sid) or 0) >= depth
                )
                and required is not None
                and required >= depth,
                levels_suggested=tuple(
                    lv is not None and p.suggests("skills")
                    for p, lv in zip(people, levels, strict=True)
                ),
            )
        )
    gaps = [r for r in rows if r.gap]
    needed = [r for r in gaps if r.required is not None and r.required >= depth]
    next_hire = [(r.skill, True) for r in needed] + [
        (r.skill, False) for r in gaps if r not in needed
    ]
    return ShapeData(
        caption=caption,
        depth=depth,
        scale=tuple(config.teamext_levels),
        people=tuple(ref_of(p) for p in people),
        roles=tuple(ref_of(r) for r in roles),
        rows=tuple(rows),
        next_hire=tuple(next_hire),
    )
