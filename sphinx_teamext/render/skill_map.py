"""Skill-map views: a real table (rows x skills) with depth cells marked, and a legend."""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from docutils import nodes

from ..domain import TeamDomain
from ..locale import _
from ..views import Finding, Ref, View, ref_of, select_rows, skill_columns
from .common import entry, level, level_text
from .context import RenderContext
from .nodes import scroll_region, unnumbered_table

DASH = "–"


@dataclass(frozen=True)
class MapData:
    caption: str
    rows: tuple[tuple[Ref, tuple[int | None, ...]], ...]
    skills: tuple[Ref, ...]


@dataclass(frozen=True)
class MapView(View):
    """``:rows:`` is ``roles``, ``people`` or a tuple of ids; ``:skills:`` ``all`` or ids."""

    what: ClassVar[str] = "map"
    lazy: ClassVar[bool] = True

    rows: str | tuple[str, ...] = "roles"
    skills: str | tuple[str, ...] = "all"
    caption: str = ""

    def id_base(self) -> str:
        return "teamext-map"

    def compute(self, domain: TeamDomain) -> Hashable:
        members = select_rows(domain, self.rows)
        columns = skill_columns(domain, members, self.skills)
        rows = tuple((ref_of(m), tuple(m.level_of(c.id) for c in columns)) for m in members)
        return MapData(self.caption, rows, tuple(columns))

    def render(self, data: Any, part: str, ctx: RenderContext) -> list[nodes.Node]:
        label = _("Person") if self.rows == "people" else _("Role")
        if isinstance(self.rows, tuple):
            label = _("Role or person")
        return [skill_map(data, ctx, label, self.anchor)]

    def search_text(self, data: Any, part: str, scale: Sequence[str]) -> str:
        words = [data.caption, *(s.title for s in data.skills)]
        for row, levels in data.rows:
            words.append(row.title)
            words += [level_text(v, scale) for v in levels if v is not None]
        return " ".join(w for w in words if w)

    def unknown_ids(self, domain: TeamDomain) -> Iterator[Finding]:
        for option, kind, value in (("rows", "org", self.rows), ("skills", "skill", self.skills)):
            for ident in value if isinstance(value, tuple) else ():
                if domain.lookup(kind, ident) is None:
                    what = "role or person" if kind == "org" else "skill"
                    yield (
                        "unknown",
                        f"skill-map: :{option}: names unknown {what} {ident!r}",
                        (self.docname, self.lineno),
                    )


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


def skill_map(data: MapData, ctx: RenderContext, kind_label: str, anchor: str) -> nodes.container:
    wrap = scroll_region(
        classes=["teamext-skill-map"],
        label=data.caption or _("Skill map"),
        ids=[anchor] if anchor else [],
    )
    if not data.rows or not data.skills:
        wrap += nodes.paragraph(
            "", _("This skill map has no rows or no skills to show."), classes=["teamext-none"]
        )
        return wrap
    scale, depth = ctx.scale, ctx.depth
    table = unnumbered_table(classes=["teamext-skill-map-table"])
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
    header += entry(nodes.Text(kind_label))
    for skill in data.skills:
        header += entry(ctx.link(skill))
    thead += header
    tgroup += thead
    tbody = nodes.tbody()
    for row_ref, levels in data.rows:
        row = nodes.row()
        row += entry(nodes.strong("", "", ctx.link(row_ref)), classes=["teamext-row-head"])
        for value in levels:
            if value is None:
                row += entry(nodes.Text(DASH), classes=["teamext-empty"])
            else:
                cell = level(value, scale, depth)
                at_depth = value >= depth
                row += entry(
                    nodes.strong("", "", cell) if at_depth else cell,
                    classes=["teamext-depth"] if at_depth else [],
                )
        tbody += row
    tgroup += tbody
    wrap += table
    wrap += legend(scale, depth)
    return wrap
