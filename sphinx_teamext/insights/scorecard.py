"""``scorecard``: a printable rubric for one interview stage.

For each skill the stage assesses: the level each role that goes through the
stage expects, then a row per level with what that level looks like and a box
to tick. Then the stage's red flags and room for notes. The whole card is a
``teamext-scorecard`` container, which the PDF build starts on a new page.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from ..directives.base import TeamDirective
from ..domain import TeamDomain
from ..locale import _
from ..model import Skill, Stage, View
from ..parsing import parse_id
from ..render.common import entry as _entry
from ..render.common import level, link
from ..render.common import table as _table
from ..views import Ref, ref, ref_of
from . import INSIGHT_CHECKS, INSIGHT_DATA, INSIGHT_RENDER

BOX = "☐"
NOTE_LINES = 6


@dataclass(frozen=True)
class RubricSkill:
    skill: Ref
    level_text: tuple[tuple[int, str], ...]
    expected: tuple[tuple[Ref, int | None], ...]  # per role that goes through the stage


@dataclass(frozen=True)
class ScorecardData:
    stage: Ref
    format: str
    scale: tuple[str, ...]
    roles: tuple[Ref, ...]
    skills: tuple[RubricSkill, ...]
    red_flags: tuple[str, ...]


def scorecard_data(domain: TeamDomain, view: View) -> ScorecardData:
    scale = tuple(domain.env.config.teamext_levels)
    ident = str(view.arg("stage"))
    stage = domain.lookup("stage", ident)
    if not isinstance(stage, Stage):
        return ScorecardData(ref(domain, "stage", ident), "", scale, (), (), ())
    roles = [r for r in domain.all_roles() if stage.id in r.stages]
    skills = []
    for sid in stage.assesses:
        skill = domain.lookup("skill", sid)
        skills.append(
            RubricSkill(
                skill=ref(domain, "skill", sid),
                level_text=skill.level_text if isinstance(skill, Skill) else (),
                expected=tuple((ref_of(r), r.level_of(sid)) for r in roles),
            )
        )
    return ScorecardData(
        stage=ref_of(stage),
        format=stage.format,
        scale=scale,
        roles=tuple(ref_of(r) for r in roles),
        skills=tuple(skills),
        red_flags=stage.red_flags,
    )


def _row(*entries: nodes.entry, classes: Sequence[str] = ()) -> nodes.row:
    row = nodes.row(classes=list(classes))
    row.extend(entries)
    return row


def expected_line(item: RubricSkill, scale: Sequence[str]) -> nodes.paragraph:
    para = nodes.paragraph(classes=["teamext-expected"])
    para += nodes.strong("", _("Expected:") + " ")
    if not item.expected:
        para += nodes.Text(_("no role goes through this stage."))
        return para
    for i, (role, value) in enumerate(item.expected):
        if i:
            para += nodes.Text("; ")
        para += link(role)
        para += nodes.Text(" — ")
        para += level(value, scale) if value is not None else nodes.Text(_("not listed"))
    return para


def rubric(item: RubricSkill, scale: Sequence[str], anchor: str) -> Iterator[nodes.Node]:
    described = dict(item.level_text)
    rows = []
    for value, name in enumerate(scale):
        roles = [r for r, want in item.expected if want == value]
        expected = nodes.inline()
        for i, role in enumerate(roles):
            if i:
                expected += nodes.Text(", ")
            expected += link(role)
        text = described.get(value, name)
        rows.append(
            _row(
                _entry(level(value, scale)),
                _entry(nodes.Text(text), classes=[] if value in described else ["teamext-none"]),
                _entry(expected),
                _entry(nodes.Text(BOX), classes=["teamext-tick"]),
                classes=["teamext-expected-level"] if roles else [],
            )
        )
    # The skill heads its rubric, so the expected levels read as being about it.
    heading = nodes.rubric(classes=["teamext-rubric-skill"])
    heading += link(item.skill)
    yield heading
    yield expected_line(item, scale)
    yield _table(
        anchor,
        ["teamext-rubric"],
        [_("Level"), _("What it looks like"), _("Expected for"), _("Tick")],
        [22, 40, 20, 6],
        rows,
    )


def render_scorecard(data: ScorecardData, view: View, transform: Any) -> list[nodes.Node]:
    anchor = f"team-scorecard-{view.lineno}"
    card = nodes.container(classes=["teamext-scorecard"], ids=[anchor])
    if data.stage.docname is None:  # checks.py has reported the unknown id
        card += nodes.paragraph(
            "",
            _("No scorecard: %r names no interview stage.") % data.stage.id,
            classes=["teamext-none"],
        )
        return [card]
    heading = nodes.rubric(classes=["teamext-scorecard-title"])
    heading += nodes.Text(_("Scorecard:") + " ")
    heading += link(data.stage)
    card += heading
    facts = nodes.paragraph(classes=["teamext-scorecard-facts"])
    if data.format:
        facts += nodes.strong("", _("Format:") + " ")
        facts += nodes.Text(data.format + ". ")
    facts += nodes.strong("", _("For roles:") + " ")
    if data.roles:
        for i, role in enumerate(data.roles):
            if i:
                facts += nodes.Text(", ")
            facts += link(role)
    else:
        facts += nodes.Text(_("none"))
    card += facts
    blank = _row(*(_entry(nodes.Text("\u00a0")) for _i in range(3)))
    card += _table(
        f"{anchor}-candidate",
        ["teamext-scorecard-candidate"],
        [_("Candidate"), _("Interviewer"), _("Date")],
        [24, 24, 24],
        [blank],
    )
    if not data.skills:
        card += nodes.paragraph("", _("This stage assesses no skill."), classes=["teamext-none"])
    for item in data.skills:
        card.extend(rubric(item, data.scale, f"{anchor}-{item.skill.id}"))
    if data.red_flags:
        rows = [
            _row(_entry(nodes.Text(flag)), _entry(nodes.Text(BOX), classes=["teamext-tick"]))
            for flag in data.red_flags
        ]
        card += _table(
            f"{anchor}-red-flags",
            ["teamext-scorecard-red-flags"],
            [_("Red flag"), _("Seen")],
            [64, 8],
            rows,
        )
    lines = [_row(_entry(nodes.Text("\u00a0"))) for _i in range(NOTE_LINES)]
    card += _table(f"{anchor}-notes", ["teamext-scorecard-notes"], [_("Notes")], [72], lines)
    return [card]


def unknown_stages(domain: TeamDomain) -> Iterator[tuple[str, str, tuple[str, int]]]:
    """A scorecard's argument that names no stage (an argument, so not in VIEW_ID_OPTIONS)."""
    order = {doc: i for i, doc in enumerate(domain.doc_order())}
    views = sorted(
        (v for vs in domain.views_by_doc().values() for v in vs if v.what == "scorecard"),
        key=lambda v: (order.get(v.docname, len(order)), v.docname, v.lineno),
    )
    for view in views:
        ident = str(view.arg("stage"))
        if domain.lookup("stage", ident) is None:
            yield (
                "unknown",
                f"scorecard: unknown interview stage {ident!r}",
                (view.docname, view.lineno),
            )


class ScorecardDirective(TeamDirective):
    directive_label = "scorecard"
    optional_arguments = 1  # required, but reported by us rather than by docutils
    final_argument_whitespace = True  # so "Bad id" is one malformed id, not two arguments
    has_content = False

    def run(self) -> list[nodes.Node]:
        self.check_options()
        ident, problems = parse_id(self.arguments[0] if self.arguments else None, "stage id")
        self.report(problems)
        if ident is None:
            return []
        seq = self.add_view("scorecard", stage=ident)
        return [self.placeholder(seq)]


def setup_scorecard(app: Sphinx) -> None:
    INSIGHT_DATA["scorecard"] = scorecard_data
    INSIGHT_RENDER["scorecard"] = render_scorecard
    if unknown_stages not in INSIGHT_CHECKS:
        INSIGHT_CHECKS.append(unknown_stages)
    app.add_directive("scorecard", ScorecardDirective)
