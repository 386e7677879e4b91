"""The team shape's radar chart: one curve per person over the skills every
one of them has recorded (a missing value is never drawn as 0)."""

from __future__ import annotations

import math

from docutils import nodes

from ..locale import _
from .common import level_text
from .context import RenderContext
from .mermaid import can_draw, label, mermaid_node, plain
from .shape_data import ShapeData

#: Fewer axes than this make a radar chart a line or a point, not a shape.
MIN_AXES = 3


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


def radar(
    data: ShapeData, ctx: RenderContext, location: tuple[str, int] | None = None
) -> list[nodes.Node]:
    """The chart, one curve per person, or a note saying why there is none;
    then the skills recorded for only some people, who are not on the chart."""
    wrap: list[nodes.Node] = []
    axes = len(data.radar_rows)
    if axes < MIN_AXES:
        wrap.append(
            nodes.paragraph(
                "",
                _(
                    "No chart: a team shape needs at least %(min)d skills recorded for everyone "
                    "to draw, and this one has %(n)d."
                )
                % {"min": MIN_AXES, "n": axes},
                classes=["teamext-note"],
            )
        )
    elif data.same_curves:  # one line drawn for many people would hide who is who
        wrap.append(
            nodes.paragraph(
                "",
                _(
                    "No chart: all %(people)d people are at the same level in each of the "
                    "%(n)d skills recorded for everyone, so their lines would be one."
                )
                % {"people": len(data.people), "n": axes},
                classes=["teamext-note"],
            )
        )
    elif can_draw(ctx, location or (ctx.docname, 0)):  # else the table says it all
        extra = radar_margins(data)
        css = curve_css(len(data.people))
        if css:
            extra["themeCSS"] = css
        wrap.append(mermaid_node(radar_code(data), ctx.config, extra))
        wrap.append(radar_legend(data, ctx))
    if data.partial_rows and len(data.people) > 1:
        wrap.append(partial_skills(data, ctx))
    return wrap
