"""``scorecard``: a printable rubric for one interview stage.

For each skill the stage assesses: the level each role that goes through the
stage expects, then a row per level with what that level looks like and a box
to tick. Then the stage's red flags and room for notes. The whole card is a
``teamext-scorecard`` container, which the PDF build starts on a new page.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from docutils import nodes

from ..domain import TeamDomain
from ..locale import _
from ..model import NOT_RECORDED, Ref, Skill, Stage, ref, ref_of
from ..views import View
from ..warnings import Finding
from .common import entry as _entry
from .common import level
from .common import table as _table
from .context import RenderContext

BOX = "☐"
NOTE_LINES = 6


@dataclass(frozen=True)
class RubricSkill:
    skill: Ref  # suggested when the stage's :assesses: is
    level_text: tuple[tuple[int, str], ...]
    expected: tuple[tuple[Ref, int | None], ...]  # per role that goes through the stage
    levels_suggested: bool = False  # the skill's level descriptions are guidance
    #: (role, level, expectation): what the skill looks like for a role, which
    #: the rubric shows at the level the role expects instead of the description.
    looks_like: tuple[tuple[Ref, int, str], ...] = ()


@dataclass(frozen=True)
class ScorecardData:
    stage: Ref
    format: str
    scale: tuple[str, ...]
    roles: tuple[Ref, ...]
    skills: tuple[RubricSkill, ...]
    red_flags: tuple[str, ...]
    format_suggested: bool = False

    @property
    def suggests(self) -> bool:
        refs = [*self.roles, *(i.skill for i in self.skills)]
        refs += [role for i in self.skills for role, _level in i.expected]
        return (
            self.format_suggested
            or any(r.suggested for r in refs)
            or any(i.levels_suggested and i.level_text for i in self.skills)
        )


@dataclass(frozen=True)
class ScorecardView(View):
    what: ClassVar[str] = "scorecard"

    stage: str = ""

    def id_base(self) -> str:
        return f"team-scorecard-{self.stage}"

    def compute(self, domain: TeamDomain) -> Hashable:
        return scorecard_data(domain, self.stage)

    def render(self, data: Any, part: str, ctx: RenderContext) -> list[nodes.Node]:
        return render_scorecard(data, self.anchor, ctx)

    def suggests(self, data: Any, part: str) -> bool:
        return isinstance(data, ScorecardData) and data.suggests

    def unknown_ids(self, domain: TeamDomain) -> Iterator[Finding]:
        if domain.lookup("stage", self.stage) is None:
            yield self.finding(
                "unknown", "scorecard", item=self.stage, wanted="stage", phrase="unknown"
            )


def scorecard_data(domain: TeamDomain, ident: str) -> ScorecardData:
    scale = tuple(domain.env.config.teamext_levels)
    stage = domain.lookup("stage", ident)
    if not isinstance(stage, Stage):
        return ScorecardData(ref(domain, "stage", ident), "", scale, (), (), ())
    roles = [r for r in domain.all_roles() if stage.id in r.stages]
    skills = []
    for sid in stage.assesses:
        skill = domain.lookup("skill", sid)
        skills.append(
            RubricSkill(
                skill=ref(domain, "skill", sid).marked(stage.suggests("assesses")),
                level_text=skill.level_text if isinstance(skill, Skill) else (),
                expected=tuple(
                    (ref_of(r).marked(r.suggests("skills")), r.level_of(sid)) for r in roles
                ),
                levels_suggested=isinstance(skill, Skill) and skill.suggests("levels"),
                looks_like=tuple(
                    (ref_of(r), level, text)
                    for r in roles
                    if (level := r.level_of(sid)) is not None and (text := r.expectation_for(sid))
                ),
            )
        )
    return ScorecardData(
        stage=ref_of(stage),
        format=stage.format,
        scale=scale,
        roles=tuple(ref_of(r).marked(r.suggests("stages")) for r in roles),
        skills=tuple(skills),
        red_flags=stage.red_flags,
        format_suggested=stage.suggests("format"),
    )


def _row(*entries: nodes.entry, classes: Sequence[str] = ()) -> nodes.row:
    row = nodes.row(classes=list(classes))
    row.extend(entries)
    return row


def expected_line(item: RubricSkill, ctx: RenderContext) -> nodes.paragraph:
    para = nodes.paragraph(classes=["teamext-expected"])
    para += nodes.strong("", _("Expected:") + " ")
    if not item.expected:
        para += nodes.Text(_("no role goes through this stage."))
        return para
    for i, (role, value) in enumerate(item.expected):
        if i:
            para += nodes.Text("; ")
        para += ctx.link(role, mark=False)
        para += nodes.Text(" — ")
        if value is None:
            para += nodes.Text(NOT_RECORDED())
            continue
        para += level(value, ctx.scale, has_none=ctx.has_none)
        if role.suggested:
            para += ctx.marker()
    return para


def rubric(item: RubricSkill, ctx: RenderContext) -> Iterator[nodes.Node]:
    scale = ctx.scale
    described = dict(item.level_text)
    rows = []
    for value, name in enumerate(scale):
        roles = [r for r, want in item.expected if want == value]
        expected = nodes.inline()
        for i, role in enumerate(roles):
            if i:
                expected += nodes.Text(", ")
            expected += ctx.link(role)
        own = [(role, text) for role, want, text in item.looks_like if want == value]
        text: list[nodes.Node] = []
        # A role's expectation says what the level looks like for it; the
        # level's description stays for the roles that give none.
        if value in described and (not own or len(own) < len(roles)):
            text.append(nodes.Text(described[value]))
            if item.levels_suggested:
                text.append(ctx.marker())
        for role, expectation in own:
            if text:
                text.append(nodes.Text("; "))
            text += [ctx.link(role, mark=False), nodes.Text(": " + expectation)]
        if not text:
            text.append(nodes.Text(name))
        plain_name = value not in described and not own
        rows.append(
            _row(
                _entry(level(value, scale, has_none=ctx.has_none)),
                _entry(*text, classes=["teamext-none"] if plain_name else []),
                _entry(expected),
                _entry(nodes.Text(BOX), classes=["teamext-tick"]),
                classes=["teamext-expected-level"] if roles else [],
            )
        )
    # The skill heads its rubric, so the expected levels read as being about it.
    heading = nodes.rubric(classes=["teamext-rubric-skill"])
    heading += ctx.link(item.skill)
    yield heading
    yield expected_line(item, ctx)
    yield _table(
        ["teamext-rubric"],
        [_("Level"), _("What it looks like"), _("Expected for"), _("Tick")],
        [22, 40, 20, 6],
        rows,
    )


def render_scorecard(data: ScorecardData, anchor: str, ctx: RenderContext) -> list[nodes.Node]:
    card = nodes.container(classes=["teamext-scorecard"], ids=[anchor] if anchor else [])
    if data.stage.docname is None:  # checks.py has reported the unknown id
        card += nodes.paragraph(
            "",
            _("No scorecard: %r names no interview stage.") % data.stage.id,
            classes=["teamext-none"],
        )
        return [card]
    heading = nodes.rubric(classes=["teamext-scorecard-title"])
    heading += nodes.Text(_("Scorecard:") + " ")
    heading += ctx.link(data.stage)
    card += heading
    facts = nodes.paragraph(classes=["teamext-scorecard-facts"])
    if data.format:
        facts += nodes.strong("", _("Format:") + " ")
        facts += nodes.Text(data.format)
        if data.format_suggested:
            facts += ctx.marker()
        facts += nodes.Text(". ")
    facts += nodes.strong("", _("For roles:") + " ")
    if data.roles:
        for i, role in enumerate(data.roles):
            if i:
                facts += nodes.Text(", ")
            facts += ctx.link(role)
    else:
        facts += nodes.Text(_("none"))
    card += facts
    blank = _row(*(_entry(nodes.Text("\u00a0")) for _i in range(3)))
    card += _table(
        ["teamext-scorecard-candidate"],
        [_("Candidate"), _("Interviewer"), _("Date")],
        [24, 24, 24],
        [blank],
    )
    if not data.skills:
        card += nodes.paragraph("", _("This stage assesses no skill."), classes=["teamext-none"])
    for item in data.skills:
        card.extend(rubric(item, ctx))
    if data.red_flags:
        rows = [
            _row(_entry(nodes.Text(flag)), _entry(nodes.Text(BOX), classes=["teamext-tick"]))
            for flag in data.red_flags
        ]
        card += _table(
            ["teamext-scorecard-red-flags"],
            [_("Red flag"), _("Seen")],
            [64, 8],
            rows,
        )
    lines = [_row(_entry(nodes.Text("\u00a0"))) for _i in range(NOTE_LINES)]
    card += _table(["teamext-scorecard-notes"], [_("Notes")], [72], lines)
    return [card]
