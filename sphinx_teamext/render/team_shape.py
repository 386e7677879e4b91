"""``team-shape``: where a set of people is deep, where nobody is, and who to hire next.

A table per skill (best level, people at depth, what the roles ask for, the
gap) and a radar chart with one curve per person, both from the same data.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from docutils import nodes

from ..domain import TeamDomain
from ..locale import _
from ..model import Person, Role
from ..views import Finding, Ref, View, ref_of, skill_columns
from .common import entry as _entry
from .common import level, table
from .context import RenderContext
from .mermaid import label, mermaid_node, plain

#: Fewer axes than this make a radar chart a line or a point, not a shape.
MIN_AXES = 3


@dataclass(frozen=True)
class ShapeRow:
    skill: Ref
    levels: tuple[int | None, ...]  # one per person, None when not listed
    required: int | None  # the highest level the team's roles ask for
    best: int | None
    at_depth: int

    @property
    def gap(self) -> bool:
        return not self.at_depth


@dataclass(frozen=True)
class ShapeData:
    caption: str
    depth: int
    scale: tuple[str, ...]
    people: tuple[Ref, ...]
    roles: tuple[Ref, ...]  # the roles whose requirements count
    rows: tuple[ShapeRow, ...]
    #: Gaps in hiring order: skills the roles need at depth first, then the rest.
    next_hire: tuple[tuple[Ref, bool], ...]


def select_people(domain: TeamDomain, people: object) -> list[Person]:
    if not isinstance(people, tuple):
        return domain.all_people()
    chosen = [domain.lookup("person", ident) for ident in people]
    return [p for p in chosen if isinstance(p, Person)]  # unknown ids: checks.py reports them


def team_roles(domain: TeamDomain, people: Sequence[Person]) -> list[Role]:
    """The roles the people hold; every role when none of them names one."""
    named = {p.role for p in people if p.role}
    roles = domain.all_roles()
    return [r for r in roles if r.id in named] if named else roles


@dataclass(frozen=True)
class ShapeView(View):
    """``people`` is ``all`` or a tuple of person ids."""

    what: ClassVar[str] = "shape"

    people: str | tuple[str, ...] = "all"
    caption: str = ""

    def id_base(self) -> str:
        return "team-shape"

    def compute(self, domain: TeamDomain) -> Hashable:
        return shape_data(domain, self)

    def render(self, data: Any, part: str, ctx: RenderContext) -> list[nodes.Node]:
        return render_shape(data, self.anchor, ctx)

    def unknown_ids(self, domain: TeamDomain) -> Iterator[Finding]:
        for ident in self.people if isinstance(self.people, tuple) else ():
            if domain.lookup("person", ident) is None:
                yield (
                    "unknown",
                    f"team-shape: :people: names unknown person {ident!r}",
                    (self.docname, self.lineno),
                )


def shape_data(domain: TeamDomain, view: ShapeView) -> ShapeData:
    config = domain.env.config
    depth = int(config.teamext_depth_level)
    people = select_people(domain, view.people)
    roles = team_roles(domain, people) if people else []
    rows = []
    for skill in skill_columns(domain, [*people, *roles], "all"):
        sid = skill.id
        levels = tuple(p.level_of(sid) for p in people)
        asked = [lv for r in roles if (lv := r.level_of(sid)) is not None]
        held = [lv for lv in levels if lv is not None]
        rows.append(
            ShapeRow(
                skill=skill,
                levels=levels,
                required=max(asked) if asked else None,
                best=max(held) if held else None,
                at_depth=sum(1 for lv in held if lv >= depth),
            )
        )
    gaps = [r for r in rows if r.gap]
    needed = [r for r in gaps if r.required is not None and r.required >= depth]
    next_hire = [(r.skill, True) for r in needed] + [
        (r.skill, False) for r in gaps if r not in needed
    ]
    return ShapeData(
        caption=view.caption,
        depth=depth,
        scale=tuple(config.teamext_levels),
        people=tuple(ref_of(p) for p in people),
        roles=tuple(ref_of(r) for r in roles),
        rows=tuple(rows),
        next_hire=tuple(next_hire),
    )


def shape_table(data: ShapeData, ctx: RenderContext) -> nodes.Element:
    headers = [
        _("Skill"),
        _("Best on the team"),
        _("People at depth"),
        _("Roles ask for"),
        _("Depth gap"),
    ]
    dash = nodes.Text("–")
    rows = []
    for row in data.rows:
        tr = nodes.row(classes=["teamext-gap"] if row.gap else [])
        tr += _entry(nodes.strong("", "", ctx.link(row.skill)), classes=["teamext-row-head"])
        if row.best is None:
            tr += _entry(dash.deepcopy(), classes=["teamext-empty"])
        else:
            best = level(row.best, data.scale, data.depth)
            tr += _entry(
                nodes.strong("", "", best) if row.best >= data.depth else best,
                classes=["teamext-depth"] if row.best >= data.depth else [],
            )
        tr += _entry(
            nodes.Text(_("%(n)d of %(total)d") % {"n": row.at_depth, "total": len(data.people)})
        )
        if row.required is None:
            tr += _entry(dash.deepcopy(), classes=["teamext-empty"])
        else:
            tr += _entry(level(row.required, data.scale, data.depth))
        if row.gap:
            tr += _entry(nodes.strong("", _("nobody at depth")), classes=["teamext-gap"])
        else:
            tr += _entry(dash.deepcopy(), classes=["teamext-empty"])
        rows.append(tr)
    widths = (24, 22, 10, 22, 16)
    return table(["teamext-team-shape-table"], headers, widths, rows, data.caption)


def radar_code(data: ShapeData) -> str:
    """Mermaid ``radar-beta`` source: one axis per skill, one curve per person."""
    top = len(data.scale) - 1
    axes = ", ".join(f"s{i}[{label(row.skill.title)}]" for i, row in enumerate(data.rows))
    lines = [
        "radar-beta",
        "  accTitle: " + (plain(data.caption) or _("Team shape")),
        "  accDescr: " + plain(_("Level of each person in each skill, from 0 to %d") % top),
        f"  axis {axes}",
    ]
    for i, person in enumerate(data.people):
        values = ", ".join(str(row.levels[i] or 0) for row in data.rows)
        lines.append(f"  curve p{i}[{label(person.title)}]{{{values}}}")
    lines += ["  max " + str(top), "  min 0", f"  ticks {top}", "  graticule polygon"]
    return "\n".join(lines) + "\n"


def radar_margins(data: ShapeData) -> dict[str, object]:
    """Side margins that fit the axis labels, which mermaid would otherwise clip.

    Mermaid draws the radar in a 600px square, axes clockwise from the top, each
    label just past the end of its axis and running away from the centre.
    """
    radius, char, pad = 300, 7, 10
    need = {"marginLeft": 50, "marginRight": 50}
    for i, row in enumerate(data.rows):
        x = math.cos(2 * math.pi * i / len(data.rows) - math.pi / 2)
        if abs(x) < 0.2:  # a label above or below the chart
            continue
        overhang = char * len(row.skill.title) - radius * (1 - 1.05 * abs(x)) + pad
        side = "marginRight" if x > 0 else "marginLeft"
        need[side] = max(need[side], min(round(overhang), 300))
    return {"radar": need}


def next_hire(data: ShapeData, ctx: RenderContext) -> nodes.paragraph:
    para = nodes.paragraph(classes=["teamext-next-hire"])
    if not data.next_hire:
        para += nodes.Text(_("Someone on the team is at depth in every skill: no gap to hire for."))
        return para
    para += nodes.strong("", _("The next hire should bring:"))
    para += nodes.Text(" ")
    for i, (skill, required) in enumerate(data.next_hire):
        if i:
            para += nodes.Text(", ")
        para += ctx.link(skill)
        if required:
            para += nodes.Text(" " + _("(a role needs it at depth)"))
    para += nodes.Text(".")
    return para


def render_shape(data: ShapeData, anchor: str, ctx: RenderContext) -> list[nodes.Node]:
    wrap = nodes.container(classes=["teamext-team-shape"], ids=[anchor] if anchor else [])
    if not data.people or not data.rows:
        wrap += nodes.paragraph(
            "", _("This team shape has no people or no skills to show."), classes=["teamext-none"]
        )
        return [wrap]
    wrap += shape_table(data, ctx)
    if len(data.rows) < MIN_AXES:
        wrap += nodes.paragraph(
            "",
            _(
                "No chart: a team shape needs at least %(min)d skills to draw, and this one has "
                "%(n)d."
            )
            % {"min": MIN_AXES, "n": len(data.rows)},
            classes=["teamext-note"],
        )
    else:
        wrap += mermaid_node(radar_code(data), ctx.config, radar_margins(data))
    wrap += next_hire(data, ctx)
    return [wrap]
