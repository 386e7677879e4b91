"""Card metadata and backlinks for skills, stages, roles and people."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from ..locale import _
from ..model import Person, Role, Skill, Stage
from ..views import CardData
from .common import bullet, comma_links, field, leveled_item, link, none_text


def card_fields(data: CardData, scale: Sequence[str], depth: int) -> list[nodes.Node]:
    """The facts of a card, as a field list every builder can render."""
    record = data.record
    fields = nodes.field_list(classes=["teamext-fields"])
    out: list[nodes.Node] = []
    if isinstance(record, Role) and record.summary:
        out.append(nodes.paragraph("", record.summary, classes=["teamext-summary"]))
    if isinstance(record, Person) and data.role is not None:
        fields += field(_("Role"), _para(link(data.role)))
    # A role without skills is worth flagging; a person without them is not.
    if isinstance(record, Role) or (isinstance(record, Person) and data.skills):
        skills = (
            bullet(leveled_item(item, scale, depth) for item in data.skills)
            if data.skills
            else none_text()
        )
        fields += field(_("Skills"), skills)
    if isinstance(record, Role):
        stages = bullet(_para(link(s)) for s in data.stages) if data.stages else none_text()
        fields += field(_("Interview stages"), stages)
    if data.reports_to is not None:
        fields += field(_("Reports to"), _para(link(data.reports_to)))
    if isinstance(record, Stage):
        if record.order is not None:
            fields += field(_("Stage"), nodes.paragraph("", str(record.order)))
        if record.format:
            fields += field(_("Format"), nodes.paragraph("", record.format))
        fields += field(_("Assesses"), comma_links(data.assesses) if data.assesses else none_text())
    if isinstance(record, Skill) and record.group:
        fields += field(_("Group"), nodes.paragraph("", record.group))
    if len(fields):
        out.append(fields)
    return out


def backlinks(data: CardData, scale: Sequence[str], depth: int) -> list[nodes.Node]:
    """Who needs a skill and where it is assessed; what a stage checks and who takes it."""
    record = data.record
    fields = nodes.field_list(classes=["teamext-fields", "teamext-backlinks"])
    if isinstance(record, Skill):
        fields += field(
            _("Required by roles"),
            bullet(leveled_item(i, scale, depth) for i in data.needed_by_roles)
            if data.needed_by_roles
            else none_text(),
        )
        if data.held_by_people:
            fields += field(
                _("Held by people"),
                bullet(leveled_item(i, scale, depth) for i in data.held_by_people),
            )
        fields += field(
            _("Assessed in"),
            comma_links(data.assessed_in) if data.assessed_in else none_text(),
        )
    elif isinstance(record, Stage):
        fields += field(
            _("Roles that go through it"),
            comma_links(data.taken_by_roles) if data.taken_by_roles else none_text(),
        )
    return [fields] if len(fields) else []


def _para(node: nodes.Node) -> nodes.paragraph:
    para = nodes.paragraph()
    para += node
    return para
