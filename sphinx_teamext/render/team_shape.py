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

from ..config import depth_index
from ..domain import TeamDomain
from ..locale import _
from ..model import NOT_RECORDED, Person, Ref, Role, ref_of
from ..views import View, skill_columns
from ..warnings import Finding
from .common import entry as _entry
from .common import level, level_text, table
from .context import RenderContext
from .mermaid import can_draw, label, mermaid_node, plain

DASH = "–"

#: Fewer axes than this make a radar chart a line or a point, not a shape.
MIN_AXES = 3


@dataclass(frozen=True)
class ShapeRow:
    skill: Ref
    levels: tuple[int | None, ...]  # one per person, None when not recorded
    required: int | None  # the highest level the team's roles ask for
    best: int | None  # None when no person's card records the skill
    at_depth: int
    required_suggested: bool = False  # a role asking for ``required`` marks it :guidance:
    best_suggested: bool = False  # a person at ``best`` marks their skills :guidance:
    #: Per person (as ``levels``): their ``:skills:`` are marked ``:guidance:``.
    levels_suggested: tuple[bool, ...] = ()
    #: Every role that asks for the skill at depth marks its ``:skills:`` ``:guidance:``.
    need_suggested: bool = False

    def suggested_for(self, i: int) -> bool:
        return i < len(self.levels_suggested) and self.levels_suggested[i]

    @property
    def recorded(self) -> bool:
        """Someone's card gives a level: without one the skill is unknown, not absent."""
        return self.best is not None

    @property
    def gap(self) -> bool:
        """Recorded, and below depth for everyone who has it recorded."""
        return self.recorded and not self.at_depth


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

    @property
    def not_recorded(self) -> tuple[Ref, ...]:
        return tuple(row.skill for row in self.rows if not row.recorded)

    @property
    def radar_rows(self) -> tuple[ShapeRow, ...]:
        """Skills recorded for every person: a missing value is never drawn as 0."""
        return tuple(r for r in self.rows if all(v is not None for v in r.levels))

    @property
    def partial_rows(self) -> tuple[ShapeRow, ...]:
        """Skills recorded for some people but not all: no axis of the radar, so
        said in words (often where people differ most)."""
        return tuple(r for r in self.rows if r.recorded and r not in self.radar_rows)

    @property
    def same_curves(self) -> bool:
        """Every person would draw the same line: a chart of one line for many."""
        rows = self.radar_rows
        curves = {tuple(r.levels[i] for r in rows) for i in range(len(self.people))}
        return len(self.people) > 1 and len(curves) == 1

    @property
    def summary_suggested(self) -> bool:
        """The next-hire sentence rests on a suggested value: a level of a person
        marked ``:guidance:``, or a role's suggested requirement behind a gap."""
        return any(any(r.levels_suggested) for r in self.rows if r.recorded) or any(
            r.need_suggested for r in self.rows if r.gap
        )


def select_people(domain: TeamDomain, people: object) -> list[Person]:
    if not isinstance(people, tuple):
        return domain.all_people()
    chosen = [domain.lookup("person", ident) for ident in people]
    return [p for p in chosen if isinstance(p, Person)]  # unknown ids: checks.py reports them


def team_roles(domain: TeamDomain, people: Sequence[Person]) -> list[Role]:
    """The roles the people hold; every role when none of them names one."""
    named = {p.role for p in people if p.role}
    roles = domain.all_roles()
    # Without names, the posts: a depth profile is not a job anyone was hired into.
    return [r for r in roles if r.id in named] if named else [r for r in roles if not r.is_profile]


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


def shape_data(domain: TeamDomain, view: ShapeView) -> ShapeData:
    config = domain.env.config
    depth = depth_index(config)
    people = select_people(domain, view.people)
    roles = team_roles(domain, people) if people else []
    rows = []
    for skill in skill_columns(domain, [*people, *roles], "all"):
        sid = skill.id
        levels = tuple(p.level_of(sid) for p in people)
        asked = [lv for r in roles if (lv := r.level_of(sid)) is not None]
        held = [lv for lv in levels if lv is not None]
        required = max(asked) if asked else None
        best = max(held) if held else None
        rows.append(
            ShapeRow(
                skill=skill,
                levels=levels,
                required=required,
                best=best,
                at_depth=sum(1 for lv in held if lv >= depth),
                required_suggested=any(
                    r.level_of(sid) == required and r.suggests("skills") for r in roles
                ),
                best_suggested=any(
                    p.level_of(sid) == best and p.suggests("skills") for p in people
                ),
                need_suggested=all(
                    r.suggests("skills") for r in roles if (r.level_of(sid) or 0) >= depth
                )
                and required is not None
                and required >= depth,
                levels_suggested=tuple(
                    lv is not None and p.suggests("skills")
                    for p, lv in zip(people, levels, strict=True)
                ),
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
CURVE_STYLES = (
    (_("solid"), "", 0),
    (_("dashed"), "8 4", 0),
    (_("dotted"), "2 3", 0),
    (_("dash-dot"), "8 3 2 3", 0),
    (_("long dashes"), "14 4", 0),
    (_("dash-dot-dot"), "8 3 2 3 2 3", 0),
    (_("sparse dots"), "2 8", 0),
    (_("long and short dashes"), "14 3 4 3", 0),
    (_("thick solid"), "", 5),
    (_("thick dashed"), "10 5", 5),
)


def radar_code(data: ShapeData) -> str:
    """Mermaid ``radar-beta`` source: one axis per skill recorded for everyone,
    one curve per person."""
    top = len(data.scale) - 1
    rows = data.radar_rows
    axes = ", ".join(f"s{i}[{label(row.skill.title)}]" for i, row in enumerate(rows))
    lines = [
        "radar-beta",
        "  accTitle: " + (plain(data.caption) or _("Team shape")),
        "  accDescr: " + plain(_("Level of each person in each skill, from 0 to %d") % top),
        f"  axis {axes}",
    ]
    for i, person in enumerate(data.people):
        values = ", ".join(str(row.levels[i]) for row in rows)
        lines.append(f"  curve p{i}[{label(person.title)}]{{{values}}}")
    lines += ["  max " + str(top), "  min 0", f"  ticks {top}", "  graticule polygon"]
    return "\n".join(lines) + "\n"


def curve_css(people: int) -> str:
    """Dash patterns and widths for the curves (mermaid names them ``radarCurve-<n>``)."""
    rules = []
    for i in range(people):
        _name, dashes, width = CURVE_STYLES[i % len(CURVE_STYLES)]
        style = ";".join(
            ([f"stroke-dasharray:{dashes}"] if dashes else [])
            + ([f"stroke-width:{width}px"] if width else [])
        )
        if style:
            rules.append(f".radarCurve-{i}{{{style}}}")
    return "".join(rules)


def radar_legend(data: ShapeData, ctx: RenderContext) -> nodes.paragraph:
    """Which line is whose."""
    para = nodes.paragraph(classes=["teamext-legend"])
    lines = [
        f"{person.title} ({CURVE_STYLES[i % len(CURVE_STYLES)][0]})"
        for i, person in enumerate(data.people)
    ]
    para += nodes.Text(_("Lines:") + " " + "; ".join(lines) + ".")
    if len(data.people) > len(CURVE_STYLES):
        para += nodes.Text(" " + _("More people than line styles: colours tell repeats apart."))
    return para


def partial_skills(data: ShapeData, ctx: RenderContext) -> nodes.paragraph:
    """Skills recorded for only some people, with who has which level: no axis
    can hold them (a missing value is never 0), yet they are often where
    people differ most."""
    para = nodes.paragraph(classes=["teamext-shape-partial"])
    para += nodes.strong("", _("Recorded for only some people") + ":")
    for n, row in enumerate(data.partial_rows):
        para += nodes.Text(" " if not n else "; ")
        para += ctx.link(row.skill)
        para += nodes.Text(" — ")
        held = [(i, lv) for i, lv in enumerate(row.levels) if lv is not None]
        for k, (i, lv) in enumerate(held):
            if k:
                para += nodes.Text(", ")
            para += nodes.Text(f"{data.people[i].title} {level_text(lv, ctx.scale, ctx.has_none)}")
            if row.suggested_for(i):
                para += ctx.marker()
    para += nodes.Text(". " + _("Not recorded for the others, so these are not on a chart."))
    return para


def radar_margins(data: ShapeData) -> dict[str, object]:
    """Side margins that fit the axis labels, which mermaid would otherwise clip.

    Mermaid draws the radar in a 600px square, axes clockwise from the top, each
    label just past the end of its axis and running away from the centre.
    """
    radius, char, pad = 300, 7, 10
    need = {"marginLeft": 50, "marginRight": 50}
    rows = data.radar_rows
    for i, row in enumerate(rows):
        x = math.cos(2 * math.pi * i / len(rows) - math.pi / 2)
        if abs(x) < 0.2:  # a label above or below the chart
            continue
        overhang = char * len(row.skill.title) - radius * (1 - 1.05 * abs(x)) + pad
        side = "marginRight" if x > 0 else "marginLeft"
        need[side] = max(need[side], min(round(overhang), 300))
    return {"radar": need}


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
    axes = len(data.radar_rows)
    if axes < MIN_AXES:
        wrap += nodes.paragraph(
            "",
            _(
                "No chart: a team shape needs at least %(min)d skills recorded for everyone "
                "to draw, and this one has %(n)d."
            )
            % {"min": MIN_AXES, "n": axes},
            classes=["teamext-note"],
        )
    elif data.same_curves:  # one line drawn for many people would hide who is who
        wrap += nodes.paragraph(
            "",
            _(
                "No chart: all %(people)d people are at the same level in each of the "
                "%(n)d skills recorded for everyone, so their lines would be one."
            )
            % {"people": len(data.people), "n": axes},
            classes=["teamext-note"],
        )
    elif can_draw(ctx, location or (ctx.docname, 0)):  # else the table says it all
        extra = radar_margins(data)
        css = curve_css(len(data.people))
        if css:
            extra["themeCSS"] = css
        wrap += mermaid_node(radar_code(data), ctx.config, extra)
        wrap += radar_legend(data, ctx)
    if data.partial_rows and len(data.people) > 1:
        wrap += partial_skills(data, ctx)
    wrap.extend(next_hire(data, ctx))
    return [wrap]
