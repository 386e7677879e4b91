"""``skill``, ``interview-stage``, ``role-card`` and ``person-card``, plus the
``skill-level`` and ``red-flags`` blocks that may appear in their bodies."""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx

from ..config import guidance_label
from ..fields import OPTIONS, record_fields
from ..locale import _
from ..model import Person, Record, Role, Skill, Stage
from ..parsing import (
    Problem,
    parse_id,
    parse_level,
)
from ..render.cards import CardView
from ..render.nodes import MARK, guidance_marker
from .base import TeamDirective

#: Kinds of the records whose bodies are being parsed, innermost last. Reading
#: is single-threaded within a process, so a plain stack is enough.
OPEN_RECORDS: list[str] = []

KIND_LABELS = {
    "skill": _("Skill"),
    "stage": _("Interview stage"),
    "role": _("Role"),
    "person": _("Person"),
}


def raw_as_text(node: nodes.Element) -> None:
    """Show raw HTML or LaTeX in a card body as text, never as markup.

    Cards are data that other pages and builders reuse; markup passed through
    from a body could run script in every page that shows the card.
    """
    for raw in list(node.findall(nodes.raw)):
        text = raw.astext()
        inline = isinstance(raw.parent, nodes.TextElement)
        new = nodes.inline if inline else nodes.paragraph
        raw.replace_self(new(text, text, classes=["teamext-raw-text"]))


class RecordDirective(TeamDirective):
    """A record: an id argument, options, and a MyST or RST body."""

    kind: ClassVar[str] = ""
    record_class: ClassVar[type[Record]] = Record
    required_options = ("title",)
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        self.check_options()
        problems: list[Problem] = []
        ident, errs = parse_id(self.arguments[0] if self.arguments else None, f"{self.kind} id")
        problems += errs
        title = self.option("title") or ident or _("Untitled")
        options = {name: str(value) for name, value in self.options.items()}
        fields, errs = record_fields(self.kind, options, self.config.teamext_levels)
        problems += errs

        card = nodes.container(classes=["teamext-card", f"teamext-{self.kind}"])
        self.set_source_info(card)
        heading = nodes.paragraph(classes=["teamext-card-title"])
        heading += nodes.inline("", KIND_LABELS[self.kind], classes=["teamext-kind"])
        heading += nodes.Text(" ")
        heading += nodes.strong(title, title)
        card += heading
        body = nodes.container(classes=["teamext-body"])
        card += body
        if self.content:
            OPEN_RECORDS.append(self.kind)
            try:
                self.state.nested_parse(self.content, self.content_offset, body)
            finally:
                OPEN_RECORDS.pop()
            raw_as_text(body)
        fields.update(self.collect_nested(body, problems, fields["guidance"]))
        self.report(problems)

        if ident is None:  # nothing to record: keep the content, unlinked
            return [card]
        record = self.record_class(
            id=ident,
            title=title,
            docname=self.env.docname,
            lineno=self.lineno,
            seq=self.domain.next_seq(self.env.docname),
            **fields,
        )
        self.domain.add_record(record)
        # A second definition on the same page keeps no anchor: the first owns it,
        # and teamext.duplicate (which suppress_warnings can silence) says so.
        if record.anchor not in self.state.document.ids:
            card["ids"].append(record.anchor)
            self.state.document.note_explicit_target(card)
        view = self.add_view(CardView(self.env.docname, self.lineno, record=record))
        card.insert(1, self.placeholder(view, "fields"))
        if self.kind in ("skill", "stage"):
            card += self.placeholder(view, "backlinks")
        if not len(body):
            card.remove(body)
        return [card]

    def collect_nested(
        self, body: nodes.Element, problems: list[Problem], guidance: frozenset[str]
    ) -> dict[str, Any]:
        """Fields held by directives nested in the body (``skill-level``, ``red-flags``)."""
        return {}


class SkillDirective(RecordDirective):
    kind = "skill"
    record_class = Skill
    known_options = OPTIONS["skill"]

    def collect_nested(
        self, body: nodes.Element, problems: list[Problem], guidance: frozenset[str]
    ) -> dict[str, Any]:
        found: dict[int, str] = {}
        for block in body.findall(nodes.container):
            if "teamext_level" in block:
                block["teamext_owner"] = True
                if "levels" in guidance:  # the description is the authors' suggestion
                    label = guidance_label(self.config)
                    label_para = block.next_node(nodes.paragraph)
                    if label_para is not None:
                        label_para += guidance_marker(MARK, MARK, label=label)
                value = int(block["teamext_level"])
                if value in found:
                    problems.append(Problem("level", f"level {value} is described twice"))
                    continue
                found[value] = block["teamext_text"]
        return {"level_text": tuple(sorted(found.items()))}


class StageDirective(RecordDirective):
    kind = "stage"
    record_class = Stage
    directive_label = "interview-stage"
    known_options = OPTIONS["stage"]

    def collect_nested(
        self, body: nodes.Element, problems: list[Problem], guidance: frozenset[str]
    ) -> dict[str, Any]:
        flags: list[str] = []
        for block in body.findall(nodes.admonition):
            if "teamext-red-flags" in block["classes"]:
                block["teamext_owner"] = True
                flags += block.get("teamext_items", [])
        return {"red_flags": tuple(flags)}


class RoleCardDirective(RecordDirective):
    kind = "role"
    record_class = Role
    directive_label = "role-card"
    known_options = OPTIONS["role"]


class PersonCardDirective(RecordDirective):
    kind = "person"
    record_class = Person
    directive_label = "person-card"
    known_options = OPTIONS["person"]


class SkillLevelDirective(TeamDirective):
    """What one level of a skill looks like; only inside a ``skill`` body."""

    directive_label = "skill-level"
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        self.check_options()
        scale = self.config.teamext_levels
        if not self.arguments:
            self.report([Problem("option", "missing level argument")])
            value = None
        else:
            value, errs = parse_level(self.arguments[0], scale)
            self.report(errs)
        block = nodes.container(classes=["teamext-skill-level"])
        self.set_source_info(block)
        label = nodes.paragraph(classes=["teamext-skill-level-label"])
        if value is not None:
            label += nodes.strong("", f"{value} · {scale[value]}")
        else:
            label += nodes.strong("", self.arguments[0] if self.arguments else "?")
        block += label
        inner = nodes.container(classes=["teamext-skill-level-body"])
        self.state.nested_parse(self.content, self.content_offset, inner)
        raw_as_text(inner)
        block += inner
        if value is not None:
            block["teamext_level"] = value
            block["teamext_text"] = " ".join(inner.astext().split())
        if not OPEN_RECORDS or OPEN_RECORDS[-1] != "skill":
            self.report([Problem("option", "skill-level belongs inside a skill directive")])
        return [block]


class RedFlagsDirective(TeamDirective):
    """A list of red flags for an interview stage; scorecards repeat them."""

    directive_label = "red-flags"
    has_content = True

    def run(self) -> list[nodes.Node]:
        self.check_options()
        block = nodes.admonition(classes=["teamext-red-flags"])
        self.set_source_info(block)
        block += nodes.title(_("Red flags"), _("Red flags"))
        self.state.nested_parse(self.content, self.content_offset, block)
        raw_as_text(block)
        items = [" ".join(li.astext().split()) for li in block.findall(nodes.list_item)]
        if not items:
            text = " ".join(p.astext() for p in block.children[1:])
            items = [" ".join(text.split())] if text.strip() else []
        block["teamext_items"] = items
        if not items:
            self.report([Problem("option", "red-flags has no content")])
        if not OPEN_RECORDS or OPEN_RECORDS[-1] != "stage":
            self.report(
                [Problem("option", "red-flags belongs inside an interview-stage directive")]
            )
        return [block]


def setup_records(app: Sphinx) -> None:
    app.add_directive("skill", SkillDirective)
    app.add_directive("interview-stage", StageDirective)
    app.add_directive("role-card", RoleCardDirective)
    app.add_directive("person-card", PersonCardDirective)
    app.add_directive("skill-level", SkillLevelDirective)
    app.add_directive("red-flags", RedFlagsDirective)
