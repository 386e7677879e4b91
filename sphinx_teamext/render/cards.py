"""Card views: the facts of a record and, for skills and stages, its
backlinks, as a field list every builder renders (data in :mod:`.card_data`).
Under HTML builders a card is expanded in the writer (see :mod:`.resolve`)."""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from docutils import nodes

from ..domain import TeamDomain
from ..locale import _
from ..model import (
    Expectation,
    Person,
    Record,
    Ref,
    Role,
    Skill,
    Stage,
)
from ..outline import has_structure
from ..views import View
from ..warnings import Finding
from .card_data import (
    CardData,
    ShownAssessment,
    card_data,
    expectation_findings,
    marked_fields,
)
from .common import (
    bullet,
    comma_links,
    expectation_nodes,
    field,
    level_text,
    leveled_item,
    none_text,
)
from .context import RenderContext


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
