"""``assessment`` (inside a ``person-card``) and ``evidence`` (inside an
``assessment``): what someone judged a person's levels to be on a date.

The block leaves its data on its node; the person card collects it
(:func:`.records.collect_fields`), as it does expectations. An assessment
never changes the person's agreed ``:skills:``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from ..config import first_number
from ..locale import _
from ..model import MANAGER, SELF
from ..parsing import Problem, parse_date, parse_id, parse_skill_levels
from .base import TeamDirective
from .records import OPEN_RECORDS, SPAN, body_source, plain, raw_as_text, span_of

#: Node attribute holding an assessment's fields until its card collects them.
ASSESSMENT = "teamext_assessment"
#: Node attribute of an ``evidence`` block: the skill it is about.
EVIDENCE = "teamext_evidence"


def parse_by(text: str | None) -> tuple[str | None, list[Problem]]:
    """``self``, ``manager`` or the id of the person who assessed."""
    value = (text or "").strip()
    if value.lower() in (SELF, MANAGER):
        return value.lower(), []
    if not value:
        return None, [Problem("option", "missing :by:: give self, manager or a person id")]
    ident, errs = parse_id(value, ":by: person id")
    return ident, errs


def assessment_fields(
    options: dict[str, str], scale: Sequence[str], first: int
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """``by``, ``date`` and ``skills`` from option strings (directive or file).
    None when the assessment cannot be placed (no assessor or no date)."""
    problems: list[Problem] = []
    by, errs = parse_by(options.get("by"))
    problems += [p if p.option else Problem(p.subtype, p.message, "by") for p in errs]
    date, errs = parse_date(options.get("date"))
    problems += [p if p.option else Problem(p.subtype, p.message, "date") for p in errs]
    pairs, errs = parse_skill_levels(options.get("skills"), scale, first=first)
    problems += [p if p.option else Problem(p.subtype, p.message, "skills", p.item) for p in errs]
    if by is None or date is None:
        return None, problems
    return {"by": by, "date": date, "skills": pairs}, problems


def assessment_block(
    fields: dict[str, Any] | None,
    inner: nodes.Element,
    body: str,
    lineno: int,
    evidence: Sequence[tuple[str, str]] = (),
) -> nodes.container:
    """What ``assessment`` leaves in a card's body until the card collects it."""
    block = nodes.container(classes=["teamext-assessment"])
    label = nodes.paragraph(classes=["teamext-assessment-label"])
    by = str(fields["by"]) if fields else "?"
    label += nodes.strong("", _("Assessment by %s") % by)
    block += label
    block += inner
    if fields is not None:
        found = list(evidence)
        for item in inner.findall(nodes.container):
            if EVIDENCE in item:
                found.append((item[EVIDENCE], item["teamext_text"]))
        text = " ".join(
            plain(child)
            for child in inner.children
            if not (isinstance(child, nodes.Element) and "teamext-evidence" in child["classes"])
        )
        block[ASSESSMENT] = {
            **fields,
            "evidence": found,
            "body": body,
            "text": " ".join(text.split()),
            "line": lineno,
        }
    return block


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
        problems: list[Problem] = []
        skill = None
        if not self.arguments:
            problems.append(Problem("option", "missing skill argument"))
        else:
            skill, errs = parse_id(self.arguments[0], "skill id")
            problems += errs
        inner = nodes.container(classes=["teamext-evidence"])
        label = nodes.paragraph(classes=["teamext-evidence-label"])
        label += nodes.strong("", self.arguments[0] if self.arguments else "?")
        inner += label
        body = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, body)
        raw_as_text(body)
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
