"""``team-chart``: the org chart drawn from ``:reports-to:``, as a mermaid flowchart.

The chart is computed when the page is written, from every card in the
project, and its data (titles, pages, edges) is what the page's digest covers:
a card that changes redraws every chart that shows it, and nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from ..directives.base import TeamDirective
from ..domain import TeamDomain
from ..locale import _
from ..model import Member, View
from ..parsing import Problem, parse_choice, parse_id
from ..views import Ref, ref_of
from . import INSIGHT_DATA, INSIGHT_RENDER
from .diagram import card_url, label, mermaid_node, plain

DIRECTIONS = ("TB", "LR")
SHOW = ("roles", "people", "both")


@dataclass(frozen=True)
class ChartData:
    caption: str
    direction: str
    show: str
    nodes: tuple[Ref, ...]  # in document order
    edges: tuple[tuple[int, int], ...]  # (manager, report) as indexes into nodes
    cut: tuple[Ref, ...]  # shown members whose :reports-to: was dropped to break a loop


def acyclic_managers(members: Sequence[Member]) -> tuple[dict[str, str], list[str]]:
    """Each member's manager, with every ``:reports-to:`` loop cut once.

    A loop is cut at its member that comes first in document order, the one
    the ``teamext.cycle`` warning names, so the chart and the warning agree.
    """
    order = {m.id: i for i, m in enumerate(members)}
    manager = {m.id: m.reports_to for m in members if m.reports_to in order}
    done: set[str] = set()
    cut: list[str] = []
    for member in members:
        path: list[str] = []
        current = member.id
        while current in manager and current not in done and current not in path:
            path.append(current)
            current = manager[current]
        if current in path:  # each member has one manager, so a walk meets at most one loop
            loop = path[path.index(current) :]
            first = min(loop, key=order.__getitem__)
            del manager[first]
            cut.append(first)
        done.update(path)
    return manager, cut


def chart_data(domain: TeamDomain, view: View) -> ChartData:
    members = domain.all_members()
    manager, cut = acyclic_managers(members)
    root = view.arg("root")
    show = str(view.arg("show", "both"))

    def chain(ident: str) -> list[str]:
        found = [ident]
        while found[-1] in manager:
            found.append(manager[found[-1]])
        return found

    if isinstance(root, str) and domain.lookup("org", root) is None:
        members = []  # an unknown root is reported by checks.py; draw nobody
    elif isinstance(root, str):
        members = [m for m in members if root in chain(m.id)]
    wanted = {"roles": ("role",), "people": ("person",)}.get(show, ("role", "person"))
    shown = [m for m in members if m.kind in wanted]
    index = {m.id: i for i, m in enumerate(shown)}
    edges = []
    for member in shown:
        # Link to the nearest shown manager, so hiding roles keeps people connected.
        above = next((i for i in chain(member.id)[1:] if i in index), None)
        if above is not None:
            edges.append((index[above], index[member.id]))
    return ChartData(
        caption=str(view.arg("caption", "") or ""),
        direction=str(view.arg("direction", "TB")),
        show=show,
        nodes=tuple(ref_of(m) for m in shown),
        edges=tuple(edges),
        cut=tuple(ref_of(m) for m in shown if m.id in cut),
    )


def chart_code(data: ChartData, transform: Any) -> str:
    """Mermaid flowchart source: roles as boxes, people as rounded boxes."""
    roles = sum(1 for r in data.nodes if r.kind == "role")
    people = len(data.nodes) - roles
    lines = [
        f"flowchart {data.direction}",
        "  accTitle: " + (plain(data.caption) or _("Org chart")),
        "  accDescr: "
        + plain(
            _("Roles: %(roles)d. People: %(people)d. Each arrow points from a manager to a report.")
            % {"roles": roles, "people": people}
        ),
    ]
    for i, ref in enumerate(data.nodes):
        text = label(ref.title)
        lines.append(f"  n{i}[{text}]" if ref.kind == "role" else f"  n{i}([{text}])")
    lines += [f"  n{boss} --> n{report}" for boss, report in data.edges]
    for i, ref in enumerate(data.nodes):
        url = card_url(transform, ref)
        if url is not None:
            lines.append(f'  click n{i} href "{url}"')
    return "\n".join(lines) + "\n"


def render_chart(data: ChartData, view: View, transform: Any) -> list[nodes.Node]:
    wrap = nodes.container(classes=["teamext-team-chart"])
    if not data.nodes:
        wrap += nodes.paragraph("", _("This chart has nobody to show."), classes=["teamext-none"])
        return [wrap]
    chart = mermaid_node(chart_code(data, transform), transform.config)
    if data.caption:
        figure = nodes.figure("", chart, ids=[f"team-chart-{view.lineno}"])
        figure += nodes.caption(data.caption, data.caption)
        wrap += figure
    else:
        wrap += chart
    if data.show == "both":
        wrap += nodes.paragraph(
            "",
            _("Roles are drawn as boxes and people as rounded boxes; each links to its card."),
            classes=["teamext-legend"],
        )
    for ref in data.cut:
        wrap += nodes.paragraph(
            "",
            _("%s is drawn without a manager: its reports-to chain loops back to it.") % ref.title,
            classes=["teamext-note"],
        )
    return [wrap]


class TeamChartDirective(TeamDirective):
    directive_label = "team-chart"
    known_options = ("root", "direction", "show", "caption")
    has_content = False

    def run(self) -> list[nodes.Node]:
        self.check_options()
        problems: list[Problem] = []
        root = None
        if self.option("root") is not None:
            root, errs = parse_id(self.option("root"), ":root: id")
            problems += errs
        direction = "TB"
        if self.option("direction") is not None:
            value, errs = parse_choice(self.option("direction"), DIRECTIONS, ":direction:")
            problems += errs
            direction = value or direction
        show = "both"
        if self.option("show") is not None:
            value, errs = parse_choice(self.option("show"), SHOW, ":show:")
            problems += errs
            show = value or show
        self.report(problems)
        seq = self.add_view(
            "chart", root=root, direction=direction, show=show, caption=self.option("caption") or ""
        )
        return [self.placeholder(seq)]


def setup_team_chart(app: Sphinx) -> None:
    INSIGHT_DATA["chart"] = chart_data
    INSIGHT_RENDER["chart"] = render_chart
    app.add_directive("team-chart", TeamChartDirective)
