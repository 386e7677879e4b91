"""Skill-map views: a real table (rows x skills) with depth cells marked, and a legend."""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from docutils import nodes

from ..domain import TeamDomain
from ..locale import _
from ..model import Role
from ..views import NOT_RECORDED, Finding, Ref, View, ref_of, select_rows, skill_columns
from .common import entry, level, level_text
from .context import RenderContext
from .nodes import scroll_region, unnumbered_table

DASH = "–"


@dataclass(frozen=True)
class MapRow:
    head: Ref  # suggested when the row's levels are marked ``:guidance:``
    levels: tuple[int | None, ...]  # None: not recorded
    profile_of: Ref | None = None  # a depth profile's post


@dataclass(frozen=True)
class MapData:
    caption: str
    rows: tuple[MapRow, ...]
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
        rows = []
        for m in members:
            post = domain.post_of(m) if isinstance(m, Role) and m.is_profile else None
            rows.append(
                MapRow(
                    ref_of(m).marked(m.suggests("skills")),
                    tuple(m.level_of(c.id) for c in columns),
                    ref_of(post) if post is not None else None,
                )
            )
        return MapData(self.caption, tuple(rows), tuple(columns))

    def suggests(self, data: Any, part: str) -> bool:
        return any(row.head.suggested for row in data.rows)

    def render(self, data: Any, part: str, ctx: RenderContext) -> list[nodes.Node]:
        label = _("Person") if self.rows == "people" else _("Role")
        if isinstance(self.rows, tuple):
            label = _("Role or person")
        return [skill_map(data, ctx, label, self.anchor)]

    def search_text(self, data: Any, part: str, scale: Sequence[str]) -> str:
        words = [data.caption, *(s.title for s in data.skills)]
        for row in data.rows:
            words.append(row.head.title)
            words += [level_text(v, scale) for v in row.levels if v is not None]
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
        _("Cells at depth (level %(depth)d of %(top)d or more) are in bold; a dash means %(nr)s.")
        % {"depth": depth, "top": top, "nr": NOT_RECORDED()}
    )
    return para


def row_head(row: MapRow, ctx: RenderContext) -> nodes.entry:
    """The role or person; a depth profile says whose profile it is."""
    head: list[nodes.Node] = [nodes.strong("", "", ctx.link(row.head, mark=False))]
    if row.profile_of is not None:
        note = nodes.inline("", "", classes=["teamext-profile-of"])
        note += nodes.Text(" (" + _("depth profile of") + " ")
        note += ctx.link(row.profile_of)
        note += nodes.Text(")")
        head.append(note)
    return entry(*head, classes=["teamext-row-head"])


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
    head_width = max([len(kind_label), *(len(row.head.title) for row in data.rows)])
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
    for map_row in data.rows:
        row = nodes.row(classes=["teamext-profile-row"] if map_row.profile_of else [])
        row += row_head(map_row, ctx)
        for value in map_row.levels:
            if value is None:
                row += entry(nodes.Text(DASH), classes=["teamext-empty"])
                continue
            cell: list[nodes.Node] = [level(value, scale, depth, ctx.has_none)]
            if map_row.head.suggested:
                cell.append(ctx.marker())
            at_depth = value >= depth
            row += entry(
                nodes.strong("", "", *cell) if at_depth else nodes.inline("", "", *cell),
                classes=["teamext-depth"] if at_depth else [],
            )
        tbody += row
    tgroup += tbody
    wrap += table
    wrap += legend(scale, depth)
    return wrap
