"""``skill``, ``interview-stage``, ``role-card`` and ``person-card``: the
record directives. Their bodies are built by :mod:`.body`, their records and
cards by :mod:`.cards`, exactly as ``team-import`` builds imported ones.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from sphinx.application import Sphinx

from ..config import first_number
from ..fields import OPTIONS, record_fields
from ..locale import _
from ..parsing import Problem, parse_id
from .base import TeamDirective
from .body import body_source, parse_body
from .cards import collect_fields, finish_card


class RecordDirective(TeamDirective):
    """A record: an id argument, options, and a MyST or RST body."""

    kind: ClassVar[str] = ""
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
        fields, errs = record_fields(
            self.kind, options, self.config.teamext_levels, first=first_number(self.config)
        )
        problems += errs
        body = nodes.container(classes=["teamext-body"])
        if self.content:
            parse_body(self, self.kind, self.content, self.content_offset, body)
        nested, errs, spans = collect_fields(self.kind, body, fields["guidance"], self.config)
        fields.update(nested)
        problems += errs
        fields["body"] = body_source(self, spans)
        self.report(problems)
        return finish_card(self, self.kind, ident, title, fields, body)


class SkillDirective(RecordDirective):
    kind = "skill"
    known_options = OPTIONS["skill"]


class StageDirective(RecordDirective):
    kind = "stage"
    directive_label = "interview-stage"
    known_options = OPTIONS["stage"]


class RoleCardDirective(RecordDirective):
    kind = "role"
    directive_label = "role-card"
    known_options = OPTIONS["role"]


class PersonCardDirective(RecordDirective):
    kind = "person"
    directive_label = "person-card"
    known_options = OPTIONS["person"]


def setup_records(app: Sphinx) -> None:
    app.add_directive("skill", SkillDirective)
    app.add_directive("interview-stage", StageDirective)
    app.add_directive("role-card", RoleCardDirective)
    app.add_directive("person-card", PersonCardDirective)
