"""``assessment`` (inside a ``person-card``) and ``evidence`` (inside an
``assessment``): what someone judged a person's levels to be on a date.

The block leaves its data on its node; the person card collects it
(:func:`.cards.collect_fields`), as it does expectations. An assessment
never changes the person's agreed ``:skills:``.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ..config import first_number
from ..fields import assessment_fields
from ..parsing import Problem
from .base import TeamDirective
from .body import (
    EVIDENCE,
    OPEN_RECORDS,
    SPAN,
    assessment_block,
    body_source,
    parsed_content,
    plain,
    raw_as_text,
    skill_argument,
    span_of,
)


class AssessmentDirective(TeamDirective):
    """An assessment of the person whose card holds it."""

    directive_label = "assessment"
    known_options = ("by", "date", "skills")
    required_options = ("by", "date")
    has_content = True

    def run(self) -> list[nodes.Node]:
        self.check_options()
        options = {name: str(value) for name, value in self.options.items()}
        fields, problems = assessment_fields(
            options, self.config.teamext_levels, first_number(self.config)
        )
        problems = [p for p in problems if not p.message.startswith("missing :")]
        inner = nodes.container(classes=["teamext-assessment-body"])
        spans: list[tuple[int, int]] = []
        if self.content:
            OPEN_RECORDS.append("assessment")
            try:
                self.state.nested_parse(self.content, self.content_offset, inner)
            finally:
                OPEN_RECORDS.pop()
            raw_as_text(inner)
            for item in inner.findall(nodes.container):
                if SPAN in item and EVIDENCE in item:
                    spans.append(item.attributes.pop(SPAN))
        if not OPEN_RECORDS or OPEN_RECORDS[-1] != "person":
            problems.append(Problem("option", "assessment belongs inside a person-card directive"))
            fields = None
        if fields is not None:
            seen: set[str] = set()
            for item in inner.findall(nodes.container):
                if EVIDENCE not in item:
                    continue
                if item[EVIDENCE] in seen:
                    problems.append(
                        Problem(
                            "option",
                            f"evidence for skill {item[EVIDENCE]!r} is given twice; the first "
                            "is used",
                        )
                    )
                    del item[EVIDENCE]
                seen.add(item.get(EVIDENCE, ""))
        self.report(problems)
        block = assessment_block(fields, inner, body_source(self, spans), self.lineno)
        self.set_source_info(block)
        block[SPAN] = span_of(self)
        return [block]


class EvidenceDirective(TeamDirective):
    """Evidence for one skill of an assessment; only inside an ``assessment``."""

    directive_label = "evidence"
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        self.check_options()
        skill, problems = skill_argument(self.arguments)
        inner = nodes.container(classes=["teamext-evidence"])
        label = nodes.paragraph(classes=["teamext-evidence-label"])
        label += nodes.strong("", self.arguments[0] if self.arguments else "?")
        inner += label
        body = parsed_content(self)
        inner += body.children
        if not plain(body):
            problems.append(Problem("option", "evidence has no content"))
            skill = None
        if not OPEN_RECORDS or OPEN_RECORDS[-1] != "assessment":
            problems.append(Problem("option", "evidence belongs inside an assessment directive"))
            skill = None
        self.report(problems)
        self.set_source_info(inner)
        inner[SPAN] = span_of(self)
        if skill is not None:
            inner[EVIDENCE] = skill
            inner["teamext_text"] = plain(body)
        return [inner]


def setup_assessment(app: Sphinx) -> None:
    app.add_directive("assessment", AssessmentDirective)
    app.add_directive("evidence", EvidenceDirective)
