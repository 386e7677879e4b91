"""Ladder views: the rungs that ``:next:`` links, and what changes at each step.

Rungs are posts, ordered depth-first from the start, following each
``:next:`` list in order; a rung reached again (where tracks rejoin) keeps its
first place, and every step into it is still shown. A step that would close
a loop is left out (the check reports the loop). A level no record gives is
"not recorded", never "none".
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from docutils import nodes

from ..domain import TeamDomain
from ..locale import _
from ..model import NOT_RECORDED, Expectation, Ref, Role, ref_of
from ..views import View
from ..warnings import Finding
from .common import entry, expectation_nodes, expectation_of, level, table
from .context import RenderContext
from .downloads import download, downloads_para, view_csv_path

#: ``:show:`` of a ladder.
SHOW = ("changes", "all")
#: The kinds of change between two rungs, as the CSV names them.
RAISED, LOWERED, NEW, DROPPED, TEXT, SAME = "raised", "lowered", "new", "dropped", "text", "same"
LADDER_CSV_HEADER = ("from", "to", "skill", "from_level", "to_level", "change")


def change_label(change: str) -> str:
    labels = {
        RAISED: _("raised"),
        LOWERED: _("lowered"),
        NEW: _("new"),
        DROPPED: _("dropped"),
        TEXT: _("expectation changed"),
        SAME: _("same"),
    }
    return labels.get(change, change)


@dataclass(frozen=True)
class Cell:
    """One role's level of one skill, and what it looks like there."""

    level: int | None  # None: not recorded
    text: Expectation | None = None
    suggested: bool = False


@dataclass(frozen=True)
class StepRow:
    skill: Ref
    before: Cell
    after: Cell
    change: str


@dataclass(frozen=True)
class Step:
    source: Ref
    target: Ref  # suggested when the ``:next:`` that makes the step is marked
    rows: tuple[StepRow, ...]


@dataclass(frozen=True)
class Rung:
    role: Ref
    next: tuple[Ref, ...]


@dataclass(frozen=True)
class LadderData:
    rungs: tuple[Rung, ...]
    steps: tuple[Step, ...]
    #: For ``:show: all``: the skills any rung records, and each rung's cells.
    skills: tuple[Ref, ...] = ()
    matrix: tuple[tuple[Cell, ...], ...] = ()


def ladder_order(
    domain: TeamDomain, starts: Sequence[Role]
) -> tuple[list[Role], list[tuple[Role, Role]]]:
    """The rungs depth-first from ``starts`` and every step between them in
    ladder order; a step back to a rung on the way there (a loop, which the
    checks report) is left out."""
    rungs: list[Role] = []
    placed: set[str] = set()
    loops: set[tuple[str, str]] = set()

    def visit(role: Role, path: tuple[str, ...]) -> None:
        rungs.append(role)
        placed.add(role.id)
        for target in domain.next_posts(role):
            if target.id in path or target.id == role.id:
                loops.add((role.id, target.id))
            elif target.id not in placed:
                visit(target, (*path, role.id))

    for start in starts:
        if start.id not in placed:
            visit(start, ())
    steps = [
        (role, target)
        for role in rungs
        for target in domain.next_posts(role)
        if target.id in placed and (role.id, target.id) not in loops
    ]
    return rungs, steps


def default_starts(domain: TeamDomain) -> list[Role]:
    """Every post that has ``:next:`` and no predecessor, in document order."""
    return [
        r
        for r in domain.all_roles()
        if not r.is_profile and domain.next_posts(r) and not domain.previous_posts(r)
    ]


def cell(role: Role, skill: str) -> Cell:
    return Cell(role.level_of(skill), expectation_of(role, skill), role.suggests("skills"))


def change_of(before: Cell, after: Cell) -> str:
    if before.level is None:
        return NEW
    if after.level is None:
        return DROPPED
    if after.level > before.level:
        return RAISED
    if after.level < before.level:
        return LOWERED
    return TEXT if words(before) != words(after) else SAME


def words(item: Cell) -> str | None:
    return item.text.text if item.text is not None else None


def skill_refs(domain: TeamDomain, roles: Sequence[Role]) -> list[Ref]:
    """The skills ``roles`` record: defined ones in definition order, then the rest."""
    used = [sid for r in roles for sid, _level in r.skills]
    known = [ref_of(s) for s in domain.all_skills() if s.id in used]
    ids = {r.id for r in known}
    rest: list[Ref] = []
    for sid in used:
        if sid not in ids:
            ids.add(sid)
            rest.append(Ref("skill", sid, sid, None))
    return known + rest


def step_rows(
    domain: TeamDomain, source: Role, target: Role, keep_same: bool
) -> tuple[StepRow, ...]:
    rows = []
    for skill in skill_refs(domain, [source, target]):
        before, after = cell(source, skill.id), cell(target, skill.id)
        change = change_of(before, after)
        if change != SAME or keep_same:
            rows.append(StepRow(skill, before, after, change))
    return tuple(rows)


@dataclass(frozen=True)
class LadderView(View):
    """``team-ladder``: ``start`` is a role id ("" for every ladder's first
    rung), ``show`` is ``changes`` or ``all``."""

    what: ClassVar[str] = "ladder"

    start: str = ""
    show: str = "changes"

    def id_base(self) -> str:
        return f"team-ladder-{self.start}" if self.start else "team-ladder"

    def compute(self, domain: TeamDomain) -> Hashable:
        if self.start:
            found = domain.lookup("role", self.start)
            starts = [found] if isinstance(found, Role) and not found.is_profile else []
        else:
            starts = default_starts(domain)
        rungs, steps = ladder_order(domain, starts)
        keep_same = self.show == "all"
        data_steps = tuple(
            Step(
                ref_of(a), ref_of(b).marked(a.suggests("next")), step_rows(domain, a, b, keep_same)
            )
            for a, b in steps
        )
        data_rungs = tuple(
            Rung(ref_of(r), tuple(ref_of(t) for t in domain.next_posts(r))) for r in rungs
        )
        if self.show != "all":
            return LadderData(data_rungs, data_steps)
        skills = skill_refs(domain, rungs)
        matrix = tuple(tuple(cell(r, s.id) for s in skills) for r in rungs)
        return LadderData(data_rungs, data_steps, tuple(skills), matrix)

    def render(self, data: Any, part: str, ctx: RenderContext) -> list[nodes.Node]:
        assert isinstance(data, LadderData)
        wrap = nodes.container(classes=["teamext-ladder"], ids=[self.anchor] if self.anchor else [])
        if not data.rungs:
            wrap += nodes.paragraph(
                "",
                _("This ladder has no rungs: no post names a next level."),
                classes=["teamext-none"],
            )
            return [wrap]
        label = _("Download CSV")
        wrap += downloads_para(download(ctx, self.csv_path(), label))
        wrap += rung_list(data, ctx)
        if self.show == "all":
            wrap += matrix_table(data, ctx)
        else:
            for step in data.steps:
                wrap += step_table(step, ctx)
        return [wrap]

    def csv_path(self) -> str:
        return view_csv_path(self.docname, self.anchor or "team-ladder")

    def csv_files(self, data: Any, scale: Sequence[str]) -> list[tuple[str, list[list[str]]]]:
        if not isinstance(data, LadderData) or not data.rungs:
            return []
        rows = [list(LADDER_CSV_HEADER)]
        for step in data.steps:
            for row in step.rows:
                rows.append(
                    [
                        step.source.id,
                        step.target.id,
                        row.skill.id,
                        level_name(row.before.level, scale),
                        level_name(row.after.level, scale),
                        row.change,
                    ]
                )
        return [(self.csv_path(), rows)]

    def suggests(self, data: Any, part: str) -> bool:
        if not isinstance(data, LadderData):
            return False
        cells = [c for step in data.steps for row in step.rows for c in (row.before, row.after)]
        cells += [c for line in data.matrix for c in line]
        return any(c.suggested and c.level is not None for c in cells) or any(
            s.target.suggested for s in data.steps
        )

    def unknown_ids(self, domain: TeamDomain) -> Iterator[Finding]:
        if not self.start:
            return
        found = domain.lookup("role", self.start)
        if found is None:
            yield self.finding("unknown", "team-ladder", "start", self.start, wanted="role")
        elif isinstance(found, Role) and found.is_profile:
            what = f"names {self.start!r}, a profile rather than a post; a profile is never a rung"
            yield self.finding("option", "team-ladder", "start", self.start, what=what)


def level_name(value: int | None, scale: Sequence[str]) -> str:
    return str(scale[value]) if value is not None and 0 <= value < len(scale) else ""


def value_nodes(item: Cell, ctx: RenderContext, mark: bool = True) -> list[nodes.Node]:
    """A level with its marker; ``mark`` is false where the table's caption
    carries one marker for every value."""
    if item.level is None:
        return [nodes.inline("", NOT_RECORDED(), classes=["teamext-none"])]
    out: list[nodes.Node] = [level(item.level, ctx.scale, ctx.depth, ctx.has_none)]
    if item.suggested and mark:
        out.append(ctx.marker())
    return out


def expectation_cell(item: Cell) -> nodes.entry:
    """A table cell with the expectation as its author wrote it (lists kept)."""
    cell = nodes.entry()
    if item.text is not None:
        cell += expectation_nodes(item.text)
    return cell


def all_suggested(cells: Sequence[Cell]) -> bool:
    """Whether every recorded value is a suggestion: then one marker on the
    caption says so, instead of one on each value."""
    recorded = [c for c in cells if c.level is not None]
    return bool(recorded) and all(c.suggested for c in recorded)


def mark_caption(tbl: nodes.Element, ctx: RenderContext) -> None:
    title = tbl.next_node(nodes.title)
    if title is not None:
        title += ctx.marker()


def rung_list(data: LadderData, ctx: RenderContext) -> nodes.enumerated_list:
    """The rungs in ladder order; where a rung leads to several, the tracks branch."""
    rungs = nodes.enumerated_list(classes=["teamext-ladder-rungs"], enumtype="arabic")
    for rung in data.rungs:
        item = nodes.list_item()
        para = nodes.paragraph()
        para += nodes.strong("", "", ctx.link(rung.role))
        if rung.next:
            para += nodes.Text(" → ")
            for i, target in enumerate(rung.next):
                if i:
                    para += nodes.Text(" " + _("or") + " ")
                para += ctx.link(target)
            if len(rung.next) > 1:
                para += nodes.Text(" (" + _("tracks branch here") + ")")
        item += para
        rungs += item
    return rungs


def step_table(step: Step, ctx: RenderContext) -> nodes.Node:
    caption = f"{step.source.title} → {step.target.title}"
    block = nodes.container(classes=["teamext-ladder-step"])
    if not step.rows:
        para = nodes.paragraph(classes=["teamext-none"])
        para += nodes.Text(caption + ": " + _("no skill changes."))
        block += para
        return block
    rows = []
    every = all_suggested([c for row in step.rows for c in (row.before, row.after)])
    for row in step.rows:
        tr = nodes.row()
        tr += entry(ctx.link(row.skill))
        tr += entry(*value_nodes(row.before, ctx, not every))
        tr += entry(*value_nodes(row.after, ctx, not every))
        tr += entry(nodes.Text(change_label(row.change)), classes=[f"teamext-change-{row.change}"])
        tr += expectation_cell(row.after)
        rows.append(tr)
    headers = [
        _("Skill"),
        step.source.title,
        step.target.title,
        _("Change"),
        _("Expected at %s") % step.target.title,
    ]
    tbl = table(["teamext-ladder-table"], headers, [20, 16, 16, 12, 40], rows, caption=caption)
    if step.target.suggested or every:  # the step, or every value, is a suggestion
        mark_caption(tbl, ctx)
    block += tbl
    return block


def matrix_table(data: LadderData, ctx: RenderContext) -> nodes.Node:
    rows = []
    every = all_suggested([c for line in data.matrix for c in line])
    for rung, cells in zip(data.rungs, data.matrix, strict=True):
        tr = nodes.row()
        tr += entry(nodes.strong("", "", ctx.link(rung.role)))
        for item in cells:
            cell_node = entry(*value_nodes(item, ctx, not every))
            if item.text is not None and item.level is not None:
                cell_node += expectation_nodes(item.text)
            tr += cell_node
        rows.append(tr)
    headers: list[str | nodes.Node] = [_("Rung")]
    headers += [ctx.link(s) for s in data.skills]
    widths = [20, *([18] * len(data.skills))]
    block = nodes.container(classes=["teamext-ladder-matrix"])
    tbl = table(["teamext-ladder-table"], headers, widths, rows, caption=_("Every rung"))
    if every:
        mark_caption(tbl, ctx)
    block += tbl
    return block
