"""Ladder views: the rungs that ``:next:`` links, and what changes at each
step, as tables every builder renders (data in :mod:`.ladder_data`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from docutils import nodes

from ..domain import TeamDomain
from ..locale import _
from ..model import NOT_RECORDED, Role, ref_of
from ..queries import next_posts
from ..views import View
from ..warnings import Finding
from .common import entry, expectation_nodes, level, table
from .context import RenderContext
from .downloads import download, downloads_para, view_csv_path
from .ladder_data import (
    DROPPED,
    LOWERED,
    NEW,
    RAISED,
    SAME,
    TEXT,
    Cell,
    LadderData,
    Rung,
    Step,
    cell,
    default_starts,
    ladder_order,
    level_name,
    skill_refs,
    step_rows,
)

#: ``:show:`` of a ladder.
SHOW = ("changes", "all")
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
class LadderView(View):
    """``team-ladder``: ``start`` is a role id ("" for every ladder's first
    rung), ``show`` is ``changes`` or ``all``."""

    what: ClassVar[str] = "ladder"
    lazy: ClassVar[bool] = True

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
            Rung(ref_of(r), tuple(ref_of(t) for t in next_posts(domain, r))) for r in rungs
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

    def search_text(self, data: Any, part: str, scale: Sequence[str]) -> str:
        if not isinstance(data, LadderData):
            return ""
        words = [r.role.title for r in data.rungs]
        words += [s.title for s in data.skills]
        for step in data.steps:
            for row in step.rows:
                words += [row.skill.title, str(change_label(row.change))]
                words += [level_name(c.level, scale) for c in (row.before, row.after)]
                words.append(row.after.text.text if row.after.text else "")
        for line in data.matrix:
            words += [c.text.text for c in line if c.text and c.level is not None]
        return " ".join(w for w in words if w)

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
