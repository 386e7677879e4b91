"""Growth views: a person against their role and a target role, with their
latest self and manager assessments, as a table every builder renders
(data in :mod:`.growth_data`), and the two CSV files it offers.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from docutils import nodes

from ..data.form import FORM_HEADER
from ..domain import TeamDomain
from ..locale import _
from ..model import Person, Role, ref_of
from ..queries import assessments_of
from ..views import View
from ..warnings import Finding
from .common import entry, table
from .context import RenderContext
from .downloads import download, downloads_para, view_csv_path
from .growth_data import GrowthData, Latest, growth_rows, latest, target_of, view_target
from .ladder import all_suggested, expectation_cell, mark_caption, value_nodes
from .ladder_data import Cell, level_name, skill_refs

GROWTH_CSV_HEADER = ("skill", "level", "role", "target", "gap", "self", "manager", "flag")
CALIBRATE = "calibrate"


@dataclass(frozen=True)
class GrowthView(View):
    """``team-growth``: ``person`` against ``target`` (a role id, or "" for the
    first ``:next:`` of the person's role)."""

    what: ClassVar[str] = "growth"
    lazy: ClassVar[bool] = True

    person: str = ""
    target: str = ""

    def id_base(self) -> str:
        return f"team-growth-{self.person}" if self.person else "team-growth"

    def compute(self, domain: TeamDomain) -> Hashable:
        person = domain.lookup("person", self.person)
        if not isinstance(person, Person):
            return None
        found = domain.lookup("role", person.role) if person.role else None
        role = found if isinstance(found, Role) else None
        target = target_of(domain, person, role, self.target)
        gap = max(1, int(domain.env.config.teamext_calibration_gap or 2))
        rows = growth_rows(domain, person, role, target, gap)
        members = [m for m in (role, target) if m is not None]
        every = assessments_of(domain, person)
        mine = latest([a for a in every if a.by_self(person)])
        boss = latest([a for a in every if a.by_manager(person)])
        return GrowthData(
            ref_of(person),
            ref_of(role).marked(person.suggests("role")) if role else None,
            ref_of(target) if target else None,
            rows,
            Latest(mine.by, mine.date) if mine else None,
            Latest(boss.by, boss.date) if boss else None,
            tuple(s.id for s in skill_refs(domain, members)),
        )

    def render(self, data: Any, part: str, ctx: RenderContext) -> list[nodes.Node]:
        wrap = nodes.container(classes=["teamext-growth"], ids=[self.anchor] if self.anchor else [])
        if not isinstance(data, GrowthData):
            wrap += nodes.paragraph(
                "", _("No growth view: the person is not recorded."), classes=["teamext-none"]
            )
            return [wrap]
        wrap += downloads_para(
            download(ctx, self.csv_path(), _("Download CSV")),
            download(ctx, self.csv_path("-form"), _("Download assessment form")),
        )
        wrap += growth_table(data, ctx)
        wrap += summary(data, ctx)
        return [wrap]

    def csv_path(self, suffix: str = "") -> str:
        return view_csv_path(self.docname, self.anchor or "team-growth", suffix)

    def csv_files(self, data: Any, scale: Sequence[str]) -> list[tuple[str, list[list[str]]]]:
        if not isinstance(data, GrowthData):
            return []
        rows = [list(GROWTH_CSV_HEADER)]
        for row in data.rows:
            rows.append(
                [
                    row.skill.id,
                    level_name(row.level.level, scale),
                    level_name(row.role.level, scale),
                    level_name(row.target.level, scale),
                    "" if row.gap is None else str(row.gap),
                    level_name(row.self_level, scale),
                    level_name(row.manager, scale),
                    CALIBRATE if row.calibrate else "",
                ]
            )
        form = [list(FORM_HEADER)]
        order = {sid: i for i, sid in enumerate(data.skill_order)}
        by_definition = sorted(data.rows, key=lambda r: order.get(r.skill.id, len(order)))
        for row in by_definition:
            form.append(
                [
                    row.skill.id,
                    row.skill.title,
                    level_name(row.role.level, scale),
                    level_name(row.target.level, scale),
                    "",
                    "",
                ]
            )
        return [(self.csv_path(), rows), (self.csv_path("-form"), form)]

    def search_text(self, data: Any, part: str, scale: Sequence[str]) -> str:
        if not isinstance(data, GrowthData):
            return ""
        words = [data.person.title, data.target.title if data.target else ""]
        for row in data.rows:
            words.append(row.skill.title)
            words += [level_name(c.level, scale) for c in (row.level, row.role, row.target)]
            words.append(row.target.text.text if row.target.text else "")
            words.append(str(_("calibrate")) if row.calibrate else "")
        return " ".join(w for w in words if w)

    def suggests(self, data: Any, part: str) -> bool:
        if not isinstance(data, GrowthData):
            return False
        cells = [c for r in data.rows for c in (r.level, r.role, r.target)]
        return any(c.suggested and c.level is not None for c in cells)

    def unknown_ids(self, domain: TeamDomain) -> Iterator[Finding]:
        person = domain.lookup("person", self.person)
        if person is None:
            yield self.finding("unknown", "team-growth", "person", self.person, wanted="person")
        if self.target:
            found = domain.lookup("role", self.target)
            if found is None:
                yield self.finding("unknown", "team-growth", "target", self.target, wanted="role")
            elif isinstance(found, Role) and found.is_profile:
                what = f"names {self.target!r}, a profile rather than a post"
                yield self.finding("option", "team-growth", "target", self.target, what=what)
        elif isinstance(person, Person) and view_target(domain, person) is None:
            role = f"its role {person.role!r}" if person.role else "no :role:"
            what = (
                f"no target for person {self.person!r}: the person has {role} with no "
                ":next: level; give :target: (a role id)"
            )
            yield self.finding("option", "team-growth", what=what)


def gap_text(gap: int | None) -> str:
    if gap is None:
        return ""
    return f"+{gap}" if gap > 0 else str(gap)


def growth_table(data: GrowthData, ctx: RenderContext) -> nodes.Node:
    rows = []
    every = all_suggested([c for r in data.rows for c in (r.level, r.role, r.target)])
    for row in data.rows:
        tr = nodes.row()
        tr += entry(ctx.link(row.skill))
        for item in (row.level, row.role, row.target):
            tr += entry(*value_nodes(item, ctx, not every))
        tr += entry(nodes.Text(gap_text(row.gap)))
        for value in (row.self_level, row.manager):
            tr += entry(*value_nodes(Cell(value), ctx)) if value is not None else entry()
        tr += entry(nodes.Text(_("calibrate") if row.calibrate else ""))
        tr += expectation_cell(row.target)
        rows.append(tr)
    target = data.target.title if data.target else _("target")
    role = data.role.title if data.role else _("role")
    headers = [
        _("Skill"),
        data.person.title,
        role,
        target,
        _("Gap"),
        _("Self") + (f" ({data.latest_self.date})" if data.latest_self else ""),
        _("Manager") + (f" ({data.latest_manager.date})" if data.latest_manager else ""),
        _("Flag"),
        _("Expected at %s") % target,
    ]
    caption = _("%(person)s against %(target)s") % {"person": data.person.title, "target": target}
    tbl = table(
        ["teamext-growth-table"], headers, [18, 14, 14, 14, 6, 14, 14, 10, 36], rows, caption
    )
    if every:
        mark_caption(tbl, ctx)
    return tbl


def summary(data: GrowthData, ctx: RenderContext) -> nodes.paragraph:
    """One line: how many skills are short of the target, met, or unknown."""
    short = [r for r in data.rows if r.gap is not None and r.gap > 0]
    met = [r for r in data.rows if r.gap is not None and r.gap <= 0]
    unknown = [r for r in data.rows if r.gap is None]
    calibrate = [r for r in data.rows if r.calibrate]
    para = nodes.paragraph(classes=["teamext-growth-summary"])
    if data.target is None:
        text = _("No target role: give :target: to compare.")
    else:
        text = _(
            "Against %(target)s: %(short)d skills below the target level, %(met)d at or above "
            "it, %(unknown)d without both levels recorded; %(calibrate)d to calibrate."
        ) % {
            "target": data.target.title,
            "short": len(short),
            "met": len(met),
            "unknown": len(unknown),
            "calibrate": len(calibrate),
        }
    para += nodes.Text(text)
    if any(r.level.suggested or r.target.suggested for r in [*short, *met]):
        para += ctx.marker()  # the counts rest on suggested levels
    return para
