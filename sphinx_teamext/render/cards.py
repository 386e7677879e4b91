"""Card views: the facts of a record and, for skills and stages, its backlinks."""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from docutils import nodes

from ..domain import TeamDomain
from ..locale import _
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
from ..outline import has_structure
from ..views import View
from ..warnings import Finding
from .common import (
    bullet,
    comma_links,
    expectation_nodes,
    expectation_of,
    field,
    level_text,
    leveled_item,
    none_text,
)
from .context import RenderContext


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
            next_levels=tuple(ref_of(r) for r in domain.next_posts(record))
            if not record.is_profile
            else (),
            previous_levels=tuple(
                ref_of(r).marked(r.suggests("next")) for r in domain.previous_posts(record)
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
    every = domain.assessments_of(person)
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


@dataclass(frozen=True)
class CardView(View):
    """A record's card: ``part`` ``fields`` (its facts) or ``backlinks``."""

    what: ClassVar[str] = "card"
    lazy: ClassVar[bool] = True

    record: Record | None = None

    def compute(self, domain: TeamDomain) -> Hashable:
        return card_data(domain, self.record) if self.record is not None else None

    def render(self, data: Any, part: str, ctx: RenderContext) -> list[nodes.Node]:
        if not isinstance(data, CardData):
            return []
        return backlinks(data, ctx) if part == "backlinks" else card_fields(data, ctx)

    def suggests(self, data: Any, part: str) -> bool:
        if not isinstance(data, CardData):
            return False
        if part == "backlinks":
            return any(r.suggested for r in data.backlink_refs)
        return bool(marked_fields(data.record))

    def unknown_ids(self, domain: TeamDomain) -> Iterator[Finding]:
        if self.record is not None:
            yield from expectation_findings(domain, self.record)

    def search_text(self, data: Any, part: str, scale: Sequence[str]) -> str:
        if not isinstance(data, CardData):
            return ""
        words: list[str] = []
        if part == "backlinks":
            leveled = [*data.needed_by_roles, *data.held_by_people]
            refs = [*data.assessed_in, *data.taken_by_roles]
            words += [f"{r.title} {item.text}" for r, item in data.expected_of]
        else:
            record = data.record
            if isinstance(record, Role):
                words.append(record.summary)
            if isinstance(record, Stage):
                words.append(record.format)
            if isinstance(record, Skill):
                words.append(record.group)
            leveled = list(data.skills)
            refs = [*data.stages, *data.assesses, *data.profiles]
            refs += [r for r in (data.reports_to, data.role, data.post, data.role_post) if r]
        words += [f"{i.ref.title} {level_text(i.level, scale)}" for i in leveled]
        words += [item.text for item in data.expectations]
        words += [r.title for r in refs]
        return " ".join(w for w in words if w)


def card_fields(data: CardData, ctx: RenderContext) -> list[nodes.Node]:
    """The facts of a card, as a field list every builder can render."""
    record = data.record
    marked = set(marked_fields(record))
    fields = nodes.field_list(classes=["teamext-fields"])

    def add(option: str, name: str, body: nodes.Node) -> None:
        fields.append(field(name, body, ctx.marker() if option in marked else None))

    out: list[nodes.Node] = []
    if isinstance(record, Role) and record.summary:
        out.append(nodes.paragraph("", record.summary, classes=["teamext-summary"]))
    if isinstance(record, Role) and record.is_profile:
        post = ctx.link(data.post) if data.post is not None else nodes.Text(record.profile_of)
        add("", _("Depth profile of"), _para(post))
    if isinstance(record, Person) and data.role is not None:
        role = _para(ctx.link(data.role))
        if data.role_post is not None:
            role += nodes.Text(" (" + _("a depth profile of") + " ")
            role += ctx.link(data.role_post)
            role += nodes.Text(")")
        add("role", _("Role"), role)
    # A role without skills is worth flagging; a person without them is not.
    if isinstance(record, Role) or (isinstance(record, Person) and data.skills):
        skills = skills_list(data, ctx) if data.skills else none_text()
        add("skills", _("Skills"), skills)
    if isinstance(record, Role) and not record.is_profile:
        stages = bullet(_para(ctx.link(s)) for s in data.stages) if data.stages else none_text()
        add("stages", _("Interview stages"), stages)
    if isinstance(record, Role) and data.profiles:
        add("", _("Depth profiles"), comma_links(data.profiles, ctx))
    if data.reports_to is not None:
        add("reports-to", _("Reports to"), _para(ctx.link(data.reports_to)))
    if data.next_levels:
        add("next", _("Next level"), comma_links(data.next_levels, ctx))
    if data.previous_levels:
        add("", _("Previous level"), comma_links(data.previous_levels, ctx))
    for item in data.assessments:
        add("", assessment_label(item), assessment_body(item, ctx))
    if isinstance(record, Stage):
        if record.order is not None:
            add("order", _("Stage"), nodes.paragraph("", str(record.order)))
        if record.format:
            add("format", _("Format"), nodes.paragraph("", record.format))
        add(
            "assesses",
            _("Assesses"),
            comma_links(data.assesses, ctx) if data.assesses else none_text(),
        )
    if isinstance(record, Skill) and record.group:
        add("", _("Group"), nodes.paragraph("", record.group))
    if len(fields):
        out.append(fields)
    return out


def assessment_label(item: ShownAssessment) -> str:
    labels = {
        "self": _("Self assessment"),
        "manager": _("Manager assessment"),
        "other": _("Peer assessment"),
    }
    return f"{labels[item.kind]} ({item.date})"


def assessment_body(item: ShownAssessment, ctx: RenderContext) -> nodes.Element:
    """The levels an assessment gives, with their evidence; who, for a peer."""
    evidence = dict(item.evidence)
    out = nodes.container(classes=["teamext-assessment"])
    if item.by is not None:
        para = nodes.paragraph()
        para += nodes.Text(_("By") + " ")
        para += ctx.link(item.by)
        out += para
    if item.skills:
        blist = nodes.bullet_list(classes=["teamext-list"])
        for leveled in item.skills:
            li = nodes.list_item()
            li += leveled_item(leveled, ctx)
            text = evidence.get(leveled.ref.id)
            if text:
                li += nodes.paragraph(text, text, classes=["teamext-expectation"])
            blist += li
        out += blist
    if item.text:
        out += nodes.paragraph(item.text, item.text, classes=["teamext-assessment-evidence"])
    return out


def backlinks(data: CardData, ctx: RenderContext) -> list[nodes.Node]:
    """Who needs a skill and where it is assessed; what a stage checks and who takes it."""
    record = data.record
    fields = nodes.field_list(classes=["teamext-fields", "teamext-backlinks"])
    if isinstance(record, Skill):
        fields += field(
            _("Required by roles"),
            bullet(leveled_item(i, ctx) for i in data.needed_by_roles)
            if data.needed_by_roles
            else none_text(),
        )
        if data.held_by_people:
            fields += field(
                _("Held by people"),
                bullet(leveled_item(i, ctx) for i in data.held_by_people),
            )
        if data.expected_of:
            blist = nodes.bullet_list(classes=["teamext-list"])
            for role, item in data.expected_of:
                li = nodes.list_item()
                li.extend(expected_of(role, item, ctx))
                blist += li
            fields += field(_("Expectations"), blist)
        fields += field(
            _("Assessed in"),
            comma_links(data.assessed_in, ctx) if data.assessed_in else none_text(),
        )
    elif isinstance(record, Stage):
        fields += field(
            _("Roles that go through it"),
            comma_links(data.taken_by_roles, ctx) if data.taken_by_roles else none_text(),
        )
    return [fields] if len(fields) else []


def skills_list(data: CardData, ctx: RenderContext) -> nodes.bullet_list:
    """Each skill at its level; under it, what it looks like for this role."""
    blist = nodes.bullet_list(classes=["teamext-list"])
    for item in data.skills:
        li = nodes.list_item()
        li += leveled_item(item, ctx)
        expectation = data.expectation_for(item.ref.id)
        if expectation is not None:
            li += expectation_nodes(expectation)
        blist += li
    return blist


def expected_of(role: Ref, item: Expectation, ctx: RenderContext) -> list[nodes.Element]:
    """``Expected of <role>: text`` on a skill's card; a body with lists keeps
    them, after ``Expected of <role>:``."""
    para = nodes.paragraph(classes=["teamext-expectation"])
    para += nodes.Text(_("Expected of") + " ")
    para += ctx.link(role)
    if not has_structure(item.outline):
        para += nodes.Text(": " + item.text)
        return [para]
    para += nodes.Text(":")
    return [para, expectation_nodes(item)]


def _para(node: nodes.Node) -> nodes.paragraph:
    para = nodes.paragraph()
    para += node
    return para


@dataclass(frozen=True)
class AnchorsView(View):
    """Records that ``team-import :cards: none`` placed without cards: the
    page shows nothing of them (an anchor each), but their expectations are
    checked like a card's."""

    what: ClassVar[str] = "anchors"

    records: tuple[Record, ...] = ()

    def compute(self, domain: TeamDomain) -> Hashable:
        return tuple(r.anchor for r in self.records)

    def render(self, data: Any, part: str, ctx: RenderContext) -> list[nodes.Node]:
        return []

    def ids(self) -> tuple[str, ...]:
        return tuple(r.anchor for r in self.records)

    def unknown_ids(self, domain: TeamDomain) -> Iterator[Finding]:
        for record in self.records:
            yield from expectation_findings(domain, record)
