"""``team-shape``: where a set of people is deep, where nobody is, and who to hire next.

A table per skill (best level, people at depth, what the roles ask for, the
gap) and a radar chart with one curve per person, both from the same data.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from docutils import nodes

from ..domain import TeamDomain
from ..locale import _
from ..model import NOT_RECORDED
from ..views import View
from ..warnings import Finding
from .common import entry as _entry
from .common import level, table
from .context import RenderContext
from .radar import radar
from .shape_data import ShapeData, shape_data

DASH = "–"


@dataclass(frozen=True)
class ShapeView(View):
    """``people`` is ``all`` or a tuple of person ids."""

    what: ClassVar[str] = "shape"

    people: str | tuple[str, ...] = "all"
    caption: str = ""

    def id_base(self) -> str:
        return "team-shape"

    def compute(self, domain: TeamDomain) -> Hashable:
        return shape_data(domain, self.people, self.caption)

    def suggests(self, data: Any, part: str) -> bool:
        return data.summary_suggested or any(
            r.required_suggested or r.best_suggested for r in data.rows
        )

    def render(self, data: Any, part: str, ctx: RenderContext) -> list[nodes.Node]:
        return render_shape(data, self.anchor, ctx, (self.docname, self.lineno))

    def unknown_ids(self, domain: TeamDomain) -> Iterator[Finding]:
        for ident in self.people if isinstance(self.people, tuple) else ():
            if domain.lookup("person", ident) is None:
                yield self.finding("unknown", "team-shape", "people", ident, wanted="person")


def shape_table(data: ShapeData, ctx: RenderContext) -> nodes.Element:
    headers = [
        _("Skill"),
        _("Best on the team"),
        _("People at depth"),
        _("Roles ask for"),
        _("Depth gap"),
    ]
    rows = []
    for row in data.rows:
        classes = ["teamext-gap"] if row.gap else [] if row.recorded else ["teamext-not-recorded"]
        tr = nodes.row(classes=classes)
        tr += _entry(nodes.strong("", "", ctx.link(row.skill)), classes=["teamext-row-head"])
        tr += level_cell(row.best, row.best_suggested, data.depth, ctx, strong=True)
        at_depth = _("%(n)d of %(total)d") % {"n": row.at_depth, "total": len(data.people)}
        tr += _entry(nodes.Text(at_depth if row.recorded else NOT_RECORDED()))
        tr += level_cell(row.required, row.required_suggested, data.depth, ctx)
        if row.gap:
            tr += _entry(nodes.strong("", _("nobody at depth")), classes=["teamext-gap"])
        elif not row.recorded:
            tr += _entry(nodes.Text(NOT_RECORDED()), classes=["teamext-not-recorded"])
        else:
            tr += _entry(nodes.Text(DASH), classes=["teamext-empty"])
        rows.append(tr)
    widths = (24, 22, 10, 22, 16)
    return table(["teamext-team-shape-table"], headers, widths, rows, data.caption)


def level_cell(
    value: int | None, suggested: bool, depth: int, ctx: RenderContext, strong: bool = False
) -> nodes.entry:
    """A level, bold at depth when ``strong``, marked when suggested; a dash when not recorded."""
    if value is None:
        return _entry(nodes.Text(DASH), classes=["teamext-empty"])
    shown: list[nodes.Node] = [level(value, ctx.scale, depth, ctx.has_none)]
    if suggested:
        shown.append(ctx.marker())
    bold = strong and value >= depth
    return _entry(
        nodes.strong("", "", *shown) if bold else nodes.inline("", "", *shown),
        classes=["teamext-depth"] if bold else [],
    )


#: Line styles per curve (name, dash pattern, width in px; mermaid draws 2px), so
#: the radar reads in greyscale (print, colour blindness); a team of ten has ten.
def next_hire(data: ShapeData, ctx: RenderContext) -> list[nodes.paragraph]:
    """Gaps to hire for, and apart from them the skills nobody's card records."""
    para = nodes.paragraph(classes=["teamext-next-hire"])
    out = [para]
    if data.not_recorded:
        unknown = nodes.paragraph(classes=["teamext-not-recorded"])
        unknown += nodes.strong("", _("Not recorded") + ":")
        unknown += nodes.Text(" ")
        for i, skill in enumerate(data.not_recorded):
            if i:
                unknown += nodes.Text(", ")
            unknown += ctx.link(skill)
        unknown += nodes.Text(
            ". " + _("No person's card gives a level for these, so they are no finding.")
        )
        out.append(unknown)
    if not data.next_hire:
        text = (
            _("Someone on the team is at depth in every recorded skill: no gap to hire for.")
            if data.not_recorded
            else _("Someone on the team is at depth in every skill: no gap to hire for.")
        )
        para += nodes.Text(text)
        if data.summary_suggested:  # it rests on levels the authors only suggest
            para += ctx.marker()
        return out
    para += nodes.strong("", _("The next hire should bring:"))
    para += nodes.Text(" ")
    for i, (skill, required) in enumerate(data.next_hire):
        if i:
            para += nodes.Text(", ")
        para += ctx.link(skill)
        if required:
            para += nodes.Text(" " + _("(a role needs it at depth)"))
    para += nodes.Text(".")
    if data.summary_suggested:
        para += ctx.marker()
    return out


def render_shape(
    data: ShapeData, anchor: str, ctx: RenderContext, location: tuple[str, int] | None = None
) -> list[nodes.Node]:
    wrap = nodes.container(classes=["teamext-team-shape"], ids=[anchor] if anchor else [])
    if not data.people or not data.rows:
        wrap += nodes.paragraph(
            "", _("This team shape has no people or no skills to show."), classes=["teamext-none"]
        )
        return [wrap]
    wrap += shape_table(data, ctx)
    wrap += radar(data, ctx, location)
    wrap.extend(next_hire(data, ctx))
    return [wrap]
