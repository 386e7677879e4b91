"""Skill maps: a real table (rows x skills) with depth cells marked, and a legend."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from ..locale import _
from ..views import MapData
from .common import entry as _entry
from .common import level, link
from .nodes import scroll_region


def legend(scale: Sequence[str], depth: int) -> nodes.paragraph:
    top = len(scale) - 1
    para = nodes.paragraph(classes=["teamext-legend"])
    para += nodes.strong("", _("Scale:"))
    para += nodes.Text(" " + ", ".join(f"{i} {name}" for i, name in enumerate(scale)) + ". ")
    para += nodes.Text(
        _(
            "Cells at depth (level %(depth)d of %(top)d or more) are in bold; "
            "a dash means not listed."
        )
        % {"depth": depth, "top": top}
    )
    return para


def skill_map(
    data: MapData, scale: Sequence[str], depth: int, kind_label: str, anchor: str
) -> nodes.container:
    wrap = scroll_region(classes=["teamext-skill-map"], label=data.caption or _("Skill map"))
    if not data.rows or not data.skills:
        wrap += nodes.paragraph(
            "", _("This skill map has no rows or no skills to show."), classes=["teamext-none"]
        )
        return wrap
    table = nodes.table(classes=["teamext-skill-map-table"], ids=[anchor])
    if data.caption:
        table += nodes.title(data.caption, data.caption)
    tgroup = nodes.tgroup(cols=1 + len(data.skills))
    table += tgroup
    # Widths in characters: the text builder lays out by them, others by ratio.
    head_width = max([len(kind_label), *(len(ref.title) for ref, _ in data.rows)])
    tgroup += nodes.colspec(colwidth=min(head_width + 4, 30))
    for skill in data.skills:
        tgroup += nodes.colspec(colwidth=min(max(len(skill.title), 18), 24))
    thead = nodes.thead()
    header = nodes.row()
    header += _entry(nodes.Text(kind_label))
    for skill in data.skills:
        header += _entry(link(skill))
    thead += header
    tgroup += thead
    tbody = nodes.tbody()
    for row_ref, levels in data.rows:
        row = nodes.row()
        row += _entry(nodes.strong("", "", link(row_ref)), classes=["teamext-row-head"])
        for value in levels:
            if value is None:
                row += _entry(nodes.Text("–"), classes=["teamext-empty"])
            else:
                cell = level(value, scale, depth)
                classes = ["teamext-depth"] if value >= depth else []
                row += _entry(
                    nodes.strong("", "", cell) if value >= depth else cell, classes=classes
                )
        tbody += row
    tgroup += tbody
    wrap += table
    wrap += legend(scale, depth)
    return wrap
