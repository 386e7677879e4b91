"""What each view shows, computed from the domain as plain, comparable data.

The renderers turn this data into nodes, and ``env-get-updated`` compares a
digest of it between builds: a page is rewritten exactly when the data it
shows has changed, and the two can never disagree.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from .domain import TeamDomain
from .model import Member, Person, Record, Role, Skill, Stage, View


@dataclass(frozen=True)
class Ref:
    """A link target as shown: ``docname`` is None when the id names nothing."""

    kind: str
    id: str
    title: str
    docname: str | None


@dataclass(frozen=True)
class Leveled:
    ref: Ref
    level: int


@dataclass(frozen=True)
class CardData:
    record: Record
    skills: tuple[Leveled, ...] = ()
    stages: tuple[Ref, ...] = ()
    assesses: tuple[Ref, ...] = ()
    reports_to: Ref | None = None
    role: Ref | None = None
    # Backlinks, computed across the whole project.
    needed_by_roles: tuple[Leveled, ...] = ()
    held_by_people: tuple[Leveled, ...] = ()
    assessed_in: tuple[Ref, ...] = ()
    taken_by_roles: tuple[Ref, ...] = ()


@dataclass(frozen=True)
class MapData:
    caption: str
    rows: tuple[tuple[Ref, tuple[int | None, ...]], ...]
    skills: tuple[Ref, ...]


def ref(domain: TeamDomain, kind: str, ident: str) -> Ref:
    record = domain.lookup(kind, ident)
    if record is None:
        return Ref(kind, ident, ident, None)
    return Ref(record.kind, record.id, record.title, record.docname)


def ref_of(record: Record) -> Ref:
    return Ref(record.kind, record.id, record.title, record.docname)


def card_data(domain: TeamDomain, record: Record) -> CardData:
    if isinstance(record, Role):
        return CardData(
            record,
            skills=_leveled(domain, record),
            stages=tuple(ref(domain, "stage", s) for s in record.stages),
            reports_to=ref(domain, "org", record.reports_to) if record.reports_to else None,
        )
    if isinstance(record, Person):
        return CardData(
            record,
            skills=_leveled(domain, record),
            reports_to=ref(domain, "org", record.reports_to) if record.reports_to else None,
            role=ref(domain, "role", record.role) if record.role else None,
        )
    if isinstance(record, Stage):
        return CardData(
            record,
            assesses=tuple(ref(domain, "skill", s) for s in record.assesses),
            taken_by_roles=tuple(ref_of(r) for r in domain.all_roles() if record.id in r.stages),
        )
    if isinstance(record, Skill):
        return CardData(
            record,
            needed_by_roles=_holders(domain, "role", record.id),
            held_by_people=_holders(domain, "person", record.id),
            assessed_in=tuple(ref_of(s) for s in domain.all_stages() if record.id in s.assesses),
        )
    return CardData(record)


def _leveled(domain: TeamDomain, member: Member) -> tuple[Leveled, ...]:
    return tuple(Leveled(ref(domain, "skill", sid), level) for sid, level in member.skills)


def _holders(domain: TeamDomain, kind: str, skill: str) -> tuple[Leveled, ...]:
    # An index, not a scan of every member: skills x members is quadratic.
    return tuple(Leveled(ref_of(member), level) for member, level in domain.holders(kind, skill))


def select_rows(domain: TeamDomain, rows: object) -> list[Member]:
    if rows == "people":
        return list(domain.all_people())
    if rows in (None, "roles"):
        return list(domain.all_roles())
    chosen: list[Member] = []
    for ident in rows if isinstance(rows, tuple) else ():
        record = domain.lookup("org", ident)
        if isinstance(record, Member):
            chosen.append(record)
    return chosen


def select_skills(domain: TeamDomain, members: Sequence[Member], skills: object) -> list[Ref]:
    if isinstance(skills, tuple):
        return [ref(domain, "skill", s) for s in skills if domain.lookup("skill", s)]
    used = {sid for m in members for sid, _ in m.skills}
    known = [ref_of(s) for s in domain.all_skills() if s.id in used]
    # Skills a row names but nobody defined still get a column, after the rest.
    known_ids = {r.id for r in known}
    missing: list[Ref] = []
    for member in members:
        for sid, _ in member.skills:
            if sid not in known_ids and all(m.id != sid for m in missing):
                missing.append(Ref("skill", sid, sid, None))
    return known + missing


def map_data(domain: TeamDomain, view: View) -> MapData:
    members = select_rows(domain, view.arg("rows"))
    columns = select_skills(domain, members, view.arg("skills"))
    rows = tuple((ref_of(m), tuple(m.level_of(c.id) for c in columns)) for m in members)
    return MapData(str(view.arg("caption", "") or ""), rows, tuple(columns))


def view_data(domain: TeamDomain, view: View) -> object:
    """The data a view shows; renderers and digests both start here.

    Memoised until the records change: the digest after reading and each
    placeholder written later (a card has two) ask for the same data.
    """
    try:
        hash(view)
    except TypeError:  # an insight view with unhashable arguments
        return _compute(domain, view)
    memo = domain.memo("view-data")
    if view not in memo:
        memo[view] = _compute(domain, view)
    return memo[view]


def _compute(domain: TeamDomain, view: View) -> object:
    from .insights import INSIGHT_DATA  # late: insights build on this module

    if view.what == "card":
        record = domain.record_at(view.docname, int(str(view.arg("seq"))))
        return card_data(domain, record) if record is not None else None
    if view.what == "map":
        return map_data(domain, view)
    if view.what == "ref":  # a {team:*} reference: it shows the target's title and page
        return ref(domain, str(view.arg("kind")), str(view.arg("id")).strip())
    compute = INSIGHT_DATA.get(view.what)
    return compute(domain, view) if compute else None


def digest(domain: TeamDomain, views: Sequence[View]) -> str:
    text = repr([view_data(domain, v) for v in views])
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()
