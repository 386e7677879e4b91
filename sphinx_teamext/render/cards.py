"""Card views: the facts of a record and, for skills and stages, its backlinks."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from docutils import nodes

from ..domain import TeamDomain
from ..locale import _
from ..model import Member, Person, Record, Role, Skill, Stage
from ..views import Leveled, Ref, View, ref, ref_of
from .common import bullet, comma_links, field, level_text, leveled_item, none_text
from .context import RenderContext


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


def card_data(domain: TeamDomain, record: Record) -> CardData:
    def reports_to(member: Member) -> Ref | None:
        return ref(domain, "org", member.reports_to) if member.reports_to else None

    if isinstance(record, Role):
        return CardData(
            record,
            skills=_leveled(domain, record),
            stages=tuple(ref(domain, "stage", s) for s in record.stages),
            reports_to=reports_to(record),
        )
    if isinstance(record, Person):
        return CardData(
            record,
            skills=_leveled(domain, record),
            reports_to=reports_to(record),
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

    def search_text(self, data: Any, part: str, scale: Sequence[str]) -> str:
        if not isinstance(data, CardData):
            return ""
        words: list[str] = []
        if part == "backlinks":
            leveled = [*data.needed_by_roles, *data.held_by_people]
            refs = [*data.assessed_in, *data.taken_by_roles]
        else:
            record = data.record
            if isinstance(record, Role):
                words.append(record.summary)
            if isinstance(record, Stage):
                words.append(record.format)
            if isinstance(record, Skill):
                words.append(record.group)
            leveled = list(data.skills)
            refs = [*data.stages, *data.assesses, *filter(None, (data.reports_to, data.role))]
        words += [f"{i.ref.title} {level_text(i.level, scale)}" for i in leveled]
        words += [r.title for r in refs]
        return " ".join(w for w in words if w)


def card_fields(data: CardData, ctx: RenderContext) -> list[nodes.Node]:
    """The facts of a card, as a field list every builder can render."""
    record = data.record
    fields = nodes.field_list(classes=["teamext-fields"])
    out: list[nodes.Node] = []
    if isinstance(record, Role) and record.summary:
        out.append(nodes.paragraph("", record.summary, classes=["teamext-summary"]))
    if isinstance(record, Person) and data.role is not None:
        fields += field(_("Role"), _para(ctx.link(data.role)))
    # A role without skills is worth flagging; a person without them is not.
    if isinstance(record, Role) or (isinstance(record, Person) and data.skills):
        skills = (
            bullet(leveled_item(item, ctx) for item in data.skills) if data.skills else none_text()
        )
        fields += field(_("Skills"), skills)
    if isinstance(record, Role):
        stages = bullet(_para(ctx.link(s)) for s in data.stages) if data.stages else none_text()
        fields += field(_("Interview stages"), stages)
    if data.reports_to is not None:
        fields += field(_("Reports to"), _para(ctx.link(data.reports_to)))
    if isinstance(record, Stage):
        if record.order is not None:
            fields += field(_("Stage"), nodes.paragraph("", str(record.order)))
        if record.format:
            fields += field(_("Format"), nodes.paragraph("", record.format))
        fields += field(
            _("Assesses"), comma_links(data.assesses, ctx) if data.assesses else none_text()
        )
    if isinstance(record, Skill) and record.group:
        fields += field(_("Group"), nodes.paragraph("", record.group))
    if len(fields):
        out.append(fields)
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


def _para(node: nodes.Node) -> nodes.paragraph:
    para = nodes.paragraph()
    para += node
    return para
