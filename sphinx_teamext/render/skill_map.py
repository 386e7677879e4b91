"""Skill-map views: a real table (rows x skills) with depth cells marked, and a legend."""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from docutils import nodes

from ..domain import TeamDomain
from ..locale import _
from ..model import NOT_RECORDED, Expectation, Ref, Role, ref_of
from ..outline import has_structure, outline_nodes
from ..views import View, select_rows, skill_columns
from ..warnings import Finding
from .common import entry, expectation_csv, expectation_nodes, expectation_of, level, level_text
from .context import RenderContext
from .downloads import download as link
from .downloads import view_csv_path
from .nodes import MARK, scroll_region, unnumbered_table

DASH = "–"

#: ``:cells:`` of a skill map: what each cell shows.
CELLS = ("level", "expectation", "both")


@dataclass(frozen=True)
class MapRow:
    head: Ref  # suggested when the row's levels are marked ``:guidance:``
    levels: tuple[int | None, ...]  # None: not recorded
    profile_of: Ref | None = None  # a depth profile's post
    #: Per cell, the row's expectation for the skill (only when the map shows them).
    texts: tuple[Expectation | None, ...] = ()


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
    cells: str = "level"

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
                    tuple(expectation_of(m, c.id) for c in columns)
                    if self.cells != "level"
                    else (),
                )
            )
        return MapData(self.caption, tuple(rows), tuple(columns))

    def suggests(self, data: Any, part: str) -> bool:
        return any(row.head.suggested for row in data.rows)

    def kind_label(self) -> str:
        if isinstance(self.rows, tuple):
            return _("Role or person")
        return _("Person") if self.rows == "people" else _("Role")

    def render(self, data: Any, part: str, ctx: RenderContext) -> list[nodes.Node]:
        download = None
        if data.rows and data.skills:
            download = link(ctx, csv_path(self.docname, self.anchor), _("Download CSV"))
        return [skill_map(data, ctx, self.kind_label(), self.anchor, self.cells, download)]

    def search_text(self, data: Any, part: str, scale: Sequence[str]) -> str:
        words = [data.caption, *(s.title for s in data.skills)]
        for row in data.rows:
            words.append(row.head.title)
            words += [level_text(v, scale) for v in row.levels if v is not None]
            words += [t.text for t in row.texts if t]
        return " ".join(w for w in words if w)

    def csv_files(self, data: Any, scale: Sequence[str]) -> list[tuple[str, list[list[str]]]]:
        if not (isinstance(data, MapData) and data.rows and data.skills):
            return []
        rows = csv_rows(data, self.kind_label(), scale, self.cells)
        return [(csv_path(self.docname, self.anchor), rows)]

    def unknown_ids(self, domain: TeamDomain) -> Iterator[Finding]:
        unknown = False
        for option, kind, value in (("rows", "org", self.rows), ("skills", "skill", self.skills)):
            ids = value if isinstance(value, tuple) else ()
            for ident in ids:
                if domain.lookup(kind, ident) is None:
                    unknown = True
                    # A lone id close to a keyword is more likely a typo of it.
                    keywords = tuple(KEYWORDS[option]) if len(ids) == 1 else ()
                    yield self.finding(
                        "unknown", "skill-map", option, ident, wanted=kind, keywords=keywords
                    )
        if not unknown:  # an unknown id, reported above, is the reason a map is empty
            yield from self.empty_findings(domain)

    def empty_findings(self, domain: TeamDomain) -> Iterator[Finding]:
        """A map with no rows or no skills shows only a note: say why, at the directive."""
        members = select_rows(domain, self.rows)
        if not members:
            chosen = {"roles": "the project has no roles", "people": "the project has no people"}
            reason = chosen.get(str(self.rows), "its rows name no role or person")
            what = f"the map is empty: {reason} (:rows:)"
            yield self.finding("option", "skill-map", what=what)
        elif not skill_columns(domain, members, self.skills) and not any(
            m.dropped
            for m in members  # a bad level, reported, emptied it
        ):
            reason = (
                "none of its rows lists a skill in :skills:"
                if self.skills == "all"
                else "its :skills: name no skill"
            )
            yield self.finding("option", "skill-map", what=f"the map is empty: {reason}")


#: ``:rows:`` and ``:skills:`` keywords, for the hint on an id that is a typo of one.
KEYWORDS = {"rows": ("roles", "people"), "skills": ("all",)}


def csv_path(docname: str, anchor: str) -> str:
    """Where a map's CSV lives under the output folder: named by page and map."""
    return view_csv_path(docname, anchor or "teamext-map")


def csv_rows(
    data: MapData, kind_label: str, scale: Sequence[str], cells: str = "level"
) -> list[list[str]]:
    """A header, then one row per map row: the level name in each skill's
    column (empty: not recorded), and when the map shows expectations, each
    skill's expectation in the column after it."""
    texts = cells != "level"
    header = [kind_label]
    for skill in data.skills:
        header.append(skill.title)
        if texts:
            header.append(skill.title + " – " + _("expectation"))
    rows = [header]
    for map_row in data.rows:
        row = [map_row.head.title]
        # The guidance marker, as on the page: the row's levels are a suggestion.
        mark = " " + MARK if map_row.head.suggested else ""
        for i, value in enumerate(map_row.levels):
            shown = value is not None and 0 <= value < len(scale)
            row.append(scale[value] + mark if shown and value is not None else "")
            if texts:
                item = map_row.texts[i] if i < len(map_row.texts) else None
                row.append(expectation_csv(item) if item is not None else "")
        rows.append(row)
    return rows


def legend(scale: Sequence[str], depth: int, has_none: bool = True) -> nodes.paragraph:
    """The scale as the source and the cells number it (from 1 without a none level)."""
    first = 0 if has_none else 1
    top = len(scale) - 1 + first
    para = nodes.paragraph(classes=["teamext-legend"])
    para += nodes.strong("", _("Scale:"))
    para += nodes.Text(
        " " + ", ".join(f"{i} {name}" for i, name in enumerate(scale, start=first)) + ". "
    )
    para += nodes.Text(
        _("Cells at depth (level %(depth)d of %(top)d or more) are in bold; a dash means %(nr)s.")
        % {"depth": depth + first, "top": top, "nr": NOT_RECORDED()}
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


def all_suggested(data: MapData) -> bool:
    """Whether every value the map shows is marked as a suggestion (rows
    that show no value do not count either way)."""
    shown = [row for row in data.rows if any(v is not None for v in row.levels)]
    return bool(shown) and all(row.head.suggested for row in shown)


def map_cell(
    value: int, text: Expectation | None, suggested: bool, cells: str, ctx: RenderContext
) -> nodes.entry:
    """A level (bold at depth), or with ``:cells:`` the expectation instead
    of it or under it; an expectation keeps its lists."""
    at_depth = value >= ctx.depth
    classes = ["teamext-depth"] if at_depth else []
    if cells == "expectation" and text is not None and has_structure(text.outline):
        item = nodes.entry(classes=classes)
        item.extend(outline_nodes(text.outline))
        if suggested:
            item.append(nodes.paragraph("", "", ctx.marker()))
        return item
    cell: list[nodes.Node] = [level(value, ctx.scale, ctx.depth, ctx.has_none)]
    if cells == "expectation" and text is not None:
        cell = [nodes.Text(text.text)]
    if suggested:
        cell.append(ctx.marker())
    item = entry(
        nodes.strong("", "", *cell) if at_depth else nodes.inline("", "", *cell),
        classes=classes,
    )
    if cells == "both" and text is not None:
        item += expectation_nodes(text)
    return item


def skill_map(
    data: MapData,
    ctx: RenderContext,
    kind_label: str,
    anchor: str,
    cells: str = "level",
    download: nodes.Node | None = None,
) -> nodes.container:
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
    # Every value a suggestion: one marker on the caption says so, not one per value.
    on_caption = bool(data.caption) and all_suggested(data)
    if data.caption:
        title = nodes.title(data.caption, data.caption)
        if on_caption:
            title += ctx.marker()
        if download is not None:  # next to the caption
            title += nodes.Text(" ")
            title += download
        table += title
    elif download is not None:
        wrap += nodes.paragraph("", "", download, classes=["teamext-map-download"])
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
        for i, value in enumerate(map_row.levels):
            if value is None:
                row += entry(nodes.Text(DASH), classes=["teamext-empty"])
                continue
            text = map_row.texts[i] if i < len(map_row.texts) else None
            row += map_cell(value, text, map_row.head.suggested and not on_caption, cells, ctx)
        tbody += row
    tgroup += tbody
    wrap += table
    wrap += legend(scale, depth, ctx.has_none)
    return wrap
