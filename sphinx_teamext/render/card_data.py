"""What a card shows of a record, computed from the whole project: its
facts, links resolved to titles and pages, and for skills and stages the
backlinks (who needs a skill, where it is assessed)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..domain import TeamDomain
from ..model import (
    MANAGER,
    SELF,
    Expectation,
    Leveled,
    Member,
    Person,
    Record,
    Ref,
    Role,
    Skill,
    Stage,
    ref,
    ref_of,
)
from ..queries import assessments_of, next_posts, previous_posts
from ..warnings import Finding
from .common import (
    expectation_of,
)


@dataclass(frozen=True)
class ShownAssessment:
    """An assessment as a person card shows it: ``kind`` is self, manager or other."""

    kind: str
    date: str
    by: Ref | None  # the assessor, when a person id
    skills: tuple[Leveled, ...]
    evidence: tuple[tuple[str, str], ...]
    text: str


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
    # Role kinds: a profile's post, a post's profiles, the post of a person's profile.
    post: Ref | None = None
    profiles: tuple[Ref, ...] = ()
    role_post: Ref | None = None
    #: A role's or person's expectations (listed skills only).
    expectations: tuple[Expectation, ...] = ()
    #: A skill's expectations, per role that lists it.
    expected_of: tuple[tuple[Ref, Expectation], ...] = ()
    #: A post's ladder: the posts ``:next:`` names, and every post naming it.
    next_levels: tuple[Ref, ...] = ()
    previous_levels: tuple[Ref, ...] = ()
    #: A person's latest assessment of each kind.
    assessments: tuple[ShownAssessment, ...] = ()

    def expectation_for(self, skill: str) -> Expectation | None:
        return next((e for e in self.expectations if e.skill == skill), None)

    @property
    def backlink_refs(self) -> list[Ref]:
        leveled = [*self.needed_by_roles, *self.held_by_people]
        return [*(i.ref for i in leveled), *self.assessed_in, *self.taken_by_roles]


#: Option name -> record attribute, for the fields ``:guidance:`` may mark.
FIELD_ATTRS = {
    "skills": "skills",
    "stages": "stages",
    "reports-to": "reports_to",
    "role": "role",
    "assesses": "assesses",
    "format": "format",
    "order": "order",
    "levels": "level_text",
    "next": "next",
}


def marked_fields(record: Record) -> list[str]:
    """The ``:guidance:`` fields of ``record`` that hold a value its card shows."""
    return [f for f in sorted(record.guidance) if getattr(record, FIELD_ATTRS[f], None)]


def card_data(domain: TeamDomain, record: Record) -> CardData:
    def reports_to(member: Member) -> Ref | None:
        manager = domain.manager_of(member)  # a profile named here is ignored
        return ref(domain, "org", manager) if manager else None

    if isinstance(record, Role):
        post = domain.post_of(record) if record.is_profile else None
        return CardData(
            record,
            skills=_leveled(domain, record),
            stages=tuple(ref(domain, "stage", s) for s in record.stages),
            reports_to=reports_to(record),
            post=ref_of(post) if post is not None else None,
            profiles=tuple(ref_of(p) for p in domain.profiles_of(record)),
            expectations=_expectations(record),
            # A :guidance: next marks the field's label, as for other fields.
            next_levels=tuple(ref_of(r) for r in next_posts(domain, record))
            if not record.is_profile
            else (),
            previous_levels=tuple(
                ref_of(r).marked(r.suggests("next")) for r in previous_posts(domain, record)
            )
            if not record.is_profile
            else (),
        )
    if isinstance(record, Person):
        role = domain.lookup("role", record.role) if record.role else None
        post = domain.post_of(role) if isinstance(role, Role) and role.is_profile else None
        return CardData(
            record,
            skills=_leveled(domain, record),
            reports_to=reports_to(record),
            role=ref(domain, "role", record.role) if record.role else None,
            role_post=ref_of(post) if post is not None else None,
            expectations=_expectations(record),
            assessments=latest_assessments(domain, record),
        )
    if isinstance(record, Stage):
        return CardData(
            record,
            assesses=tuple(ref(domain, "skill", s) for s in record.assesses),
            taken_by_roles=tuple(
                ref_of(r).marked(r.suggests("stages"))
                for r in domain.all_roles()
                if record.id in r.stages
            ),
        )
    if isinstance(record, Skill):
        return CardData(
            record,
            needed_by_roles=_holders(domain, "role", record.id),
            held_by_people=_holders(domain, "person", record.id),
            assessed_in=tuple(
                ref_of(s).marked(s.suggests("assesses"))
                for s in domain.all_stages()
                if record.id in s.assesses
            ),
            expected_of=tuple(
                (ref_of(role), item)
                for role, _level in domain.holders("role", record.id)
                if (item := expectation_of(role, record.id))
            ),
        )
    return CardData(record)


def latest_assessments(domain: TeamDomain, person: Person) -> tuple[ShownAssessment, ...]:
    """The latest self, manager and other assessment of ``person`` (latest
    date; on a tie, the later in document order)."""
    every = assessments_of(domain, person)
    mine = [a for a in every if a.by_self(person)]
    boss = [a for a in every if a.by_manager(person)]
    rest = [a for a in every if a not in mine and a not in boss]
    out = []
    for kind, items in (("self", mine), ("manager", boss), ("other", rest)):
        best = max(enumerate(items), key=lambda pair: (pair[1].date, pair[0]), default=None)
        if best is None:
            continue
        item = best[1]
        out.append(
            ShownAssessment(
                kind,
                item.date,
                ref(domain, "person", item.by) if item.by not in (SELF, MANAGER) else None,
                tuple(Leveled(ref(domain, "skill", sid), v) for sid, v in item.skills),
                item.evidence,
                item.text,
            )
        )
    return tuple(out)


def _expectations(member: Member) -> tuple[Expectation, ...]:
    return tuple(item for sid, _level in member.skills if (item := expectation_of(member, sid)))


def expectation_findings(domain: TeamDomain, record: Record) -> Iterator[Finding]:
    """An expectation must be about a skill the card lists in ``:skills:``."""
    if not isinstance(record, Member):
        return
    listed = {sid for sid, _level in record.skills}
    label = "role-card" if record.kind == "role" else "person-card"
    for item in record.expectations:
        if item.skill in listed or item.skill in record.dropped:
            continue  # a dropped skill's bad level is already reported
        if record.origin:
            where = f"{record.origin}.expectations.{item.skill}"
            line = record.lineno
        else:
            where = f"{label} {record.id!r}: expectation"
            line = item.lineno or record.lineno
        found = Finding("unknown", (record.docname, line), label=where, item=item.skill)
        if domain.lookup("skill", item.skill) is None:
            yield replace(found, wanted="skill")
        else:
            what = (
                f"skill {item.skill!r} is not listed in the card's :skills:; "
                "add it there with a level (the expectation is not shown)"
            )
            yield replace(found, subtype="option", what=what)


def _leveled(domain: TeamDomain, member: Member) -> tuple[Leveled, ...]:
    return tuple(Leveled(ref(domain, "skill", sid), level) for sid, level in member.skills)


def _holders(domain: TeamDomain, kind: str, skill: str) -> tuple[Leveled, ...]:
    # An index, not a scan of every member: skills x members is quadratic.
    return tuple(
        Leveled(ref_of(member).marked(member.suggests("skills")), level)
        for member, level in domain.holders(kind, skill)
    )
