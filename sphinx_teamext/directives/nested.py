"""The blocks a record's body may nest: ``skill-level`` (inside a skill),
``red-flags`` (inside an interview stage) and ``expectation`` (inside a role
or person card). Each renders where it stands and leaves its data on its
node; the record around it collects them (:func:`.records.collect_fields`)."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ..config import first_number
from ..parsing import Problem, parse_level
from .base import TeamDirective
from .body import (
    OPEN_RECORDS,
    SPAN,
    expectation_block,
    level_block,
    parsed_content,
    plain,
    red_flags_block,
    skill_argument,
    source_text,
    span_of,
)


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
        first = first_number(self.config)
        if not self.arguments:
            self.report([Problem("option", "missing level argument")])
            value = None
        else:
            value, errs = parse_level(self.arguments[0], scale, first=first)
            self.report(errs)
        inner = parsed_content(self, ["teamext-skill-level-body"])
        shown = self.arguments[0] if self.arguments else "?"
        block = level_block(
            value,
            shown,
            inner,
            source_text(list(self.content)),
            scale,
            first=first,
            line=self.place.line,
        )
        self.set_source_info(block)
        block[SPAN] = span_of(self)
        if not OPEN_RECORDS or OPEN_RECORDS[-1] != "skill":
            self.report([Problem("option", "skill-level belongs inside a skill directive")])
        return [block]


class RedFlagsDirective(TeamDirective):
    """A list of red flags for an interview stage; scorecards repeat them."""

    directive_label = "red-flags"
    has_content = True

    def run(self) -> list[nodes.Node]:
        self.check_options()
        block = red_flags_block(self, self.content, self.content_offset)
        block[SPAN] = span_of(self)
        if not block["teamext_items"]:
            self.report([Problem("option", "red-flags has no content")])
        if not OPEN_RECORDS or OPEN_RECORDS[-1] != "stage":
            self.report(
                [Problem("option", "red-flags belongs inside an interview-stage directive")]
            )
        return [block]


class ExpectationDirective(TeamDirective):
    """What a skill the card lists looks like for this role (on a person card:
    the evidence); only inside a ``role-card`` or ``person-card`` body."""

    directive_label = "expectation"
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        self.check_options()
        skill, problems = skill_argument(self.arguments)
        inner = parsed_content(self, ["teamext-expectation-body"])
        if not plain(inner):
            problems.append(Problem("option", "expectation has no content"))
            skill = None
        shown = self.arguments[0] if self.arguments else "?"
        block = expectation_block(skill, shown, inner, source_text(list(self.content)), self.lineno)
        self.set_source_info(block)
        block[SPAN] = span_of(self)
        if not OPEN_RECORDS or OPEN_RECORDS[-1] not in ("role", "person"):
            problems.append(
                Problem("option", "expectation belongs inside a role-card or person-card directive")
            )
        self.report(problems)
        return [block]


def setup_nested(app: Sphinx) -> None:
    app.add_directive("skill-level", SkillLevelDirective)
    app.add_directive("red-flags", RedFlagsDirective)
    app.add_directive("expectation", ExpectationDirective)
